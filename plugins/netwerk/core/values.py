"""Values as editors write them: each parsed and checked on its own, failing with the editors'
Dutch message. The models (netwerk.core.models) declare their fields with these; the JSON Schema
(`netwerk schema`), the admin page's forms and the handbook recognise them by CHECKS,
CHOICE_CHECKS and REFERENCE_CHECKS, so that each value has one validation. Pure Python: no
MkDocs imports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, ValidationInfo
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

from . import settings as defaults
from .problems import closest, did_you_mean
from .settings import Settings


@dataclass(frozen=True)
class Context:
    """What validators need besides the value: vocabularies, existing slugs and images."""

    settings: Settings = field(default_factory=Settings)
    slugs: dict[str, frozenset[str]] = field(default_factory=dict)
    images: frozenset[str] = frozenset()


def context_of(info: ValidationInfo) -> Context:
    context = info.context
    assert isinstance(context, Context), "validate with context=Context(...)"
    return context


def fail(kind: str, message: str) -> PydanticCustomError:
    # Without a context pydantic prints the message as it is: braces (in editors' text, or in
    # an example like `{po: 30}`) need no escaping, and doubled ones would be shown doubled.
    return PydanticCustomError(kind, message)


# --- Texts and lists -----------------------------------------------------------------------


def one_line(value: str) -> str:
    """Titles, names and subjects: a page title, an email header, a feed title; never two
    lines."""
    if "\n" in value or "\r" in value:
        raise fail("line", "bevat een regeleinde; schrijf de waarde op één regel")
    return value


def as_list(value: Any) -> Any:
    """`sectors: po` means the same as `sectors: [po]`."""
    return [value] if isinstance(value, str) else value


def as_codes(value: Any) -> Any:
    """A list of codes or references: `sectors: po` is `[po]`, and `sectors: po, vo` (one text
    with commas, as typed after `--sectors po,vo`) is rejected with the list it should be."""
    return as_list(no_commas(value))


def list_hint(text: str) -> str:
    """The message for `po, vo` where a list belongs: `schrijf [po, vo]`."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    return (
        f"'{text.strip()}' is meer dan één waarde; schrijf ze als lijst tussen haken: "
        f"[{', '.join(parts)}]"
    )


def no_commas(value: Any) -> Any:
    """A list written as one text with commas is rejected with the list it should be."""
    if isinstance(value, str) and "," in value:
        raise fail("list", list_hint(value))
    return value


# --- Codes and references ------------------------------------------------------------------

# Which vocabulary (settings) or folder (references) each check below tests against, so that
# editor tools can offer the options without validating (netwerk.core.walk, the JSON Schema).
CHOICE_CHECKS: dict[Callable[..., Any], str] = {}
REFERENCE_CHECKS: dict[Callable[..., Any], str] = {}


def choice(vocabulary: str, noun: str) -> AfterValidator:
    def check(value: str, info: ValidationInfo) -> str:
        settings = context_of(info).settings
        if value not in settings.vocabulary(vocabulary):
            raise fail("choice", choice_message(value, vocabulary, noun, settings))
        return value

    CHOICE_CHECKS[check] = vocabulary
    return AfterValidator(check)


# The defaults each vocabulary option replaces when a network writes its own list.
_DEFAULT_LISTS = {
    "sectors": defaults.DEFAULT_SECTORS,
    "project_statuses": defaults.DEFAULT_PROJECT_STATUSES,
    "activity_kinds": defaults.DEFAULT_ACTIVITY_KINDS,
    "activity_statuses": defaults.DEFAULT_ACTIVITY_STATUSES,
    "news_kinds": defaults.DEFAULT_NEWS_KINDS,
    "resource_kinds": defaults.DEFAULT_RESOURCE_KINDS,
}


def choice_message(value: str, vocabulary: str, noun: str, settings: Settings) -> str:
    """Why a code is not one of the network's, in the network's own terms: its own codes, and
    the option in mkdocs.yml that would add it."""
    options = settings.vocabulary(vocabulary)
    if not options:
        return (
            f"'{value}' kan niet: dit netwerk heeft geen lidmaatschappen; haal "
            f"{_FIELD_OF[vocabulary]} weg, of zet de lidmaatschappen onder {vocabulary} in "
            "mkdocs.yml"
        )
    replaced = _DEFAULT_LISTS.get(vocabulary, {})
    if vocabulary in settings.own_lists and value in replaced:
        hint = did_you_mean(value, options)
        return (
            f"'{value}' is geen {noun}; {hint}{'' if hint.endswith('?') else '.'} "
            f"De lijst {vocabulary} in "
            f"mkdocs.yml vervangt de standaardlijst ({', '.join(replaced)}): zet '{value}' erbij, "
            f"of zet je eigen codes onder extra_{vocabulary} en houd de standaardlijst"
        )
    hint = did_you_mean(value, options)
    if closest(value, options) is not None:
        return f"'{value}' is geen {noun}; {hint}"
    # A list without defaults (memberships) is always the network's own.
    own = vocabulary in settings.own_lists or vocabulary not in _DEFAULT_LISTS
    where = vocabulary if own else f"extra_{vocabulary}"
    return f"'{value}' is geen {noun}; {hint}, of voeg hem toe aan {where} in mkdocs.yml"


# The front matter field of each vocabulary, for messages.
_FIELD_OF = {"memberships": "membership"}


def reference(folder: str, noun: str) -> AfterValidator:
    def check(value: str, info: ValidationInfo) -> str:
        known = context_of(info).slugs.get(folder, frozenset())
        if value not in known:
            hint = did_you_mean(value, known)
            raise fail(
                "reference",
                f"'{value}' is geen {noun} (er is geen content/{folder}/{value}.md); {hint}",
            )
        return value

    REFERENCE_CHECKS[check] = folder
    return AfterValidator(check)


# --- Addresses, images, dates ---------------------------------------------------------------


URL_ADVICE = "gebruik een adres dat begint met https://, http:// of mailto:"
"""What an address must look like: in the build's message and in the form's pattern."""
FOLLOWS = "volgt"
"""`location: volgt`, `online_url: volgt`: the venue or the link is not known yet."""


def url(value: str) -> str:
    try:
        parts = urlsplit(value)
    except ValueError:  # `https://[::1`: no address urlsplit can read, nor anyone else
        parts = None
    if parts is not None:
        if parts.scheme in ("http", "https") and parts.netloc and " " not in value:
            return value
        if parts.scheme == "mailto" and "@" in parts.path:
            return value
        if not parts.scheme and re.match(r"^[\w.-]+\.[a-z]{2,}(/|$)", value):
            raise fail("url", f"'{value}' mist het begin van het webadres; schrijf https://{value}")
    raise fail("url", f"'{value}' is geen geldig webadres; {URL_ADVICE}")


FOLLOWS_ADVICE = f"of schrijf {FOLLOWS} als het nog niet bekend is"
"""What else an address that may still follow can be: in the build's message and the form's."""


def url_or_follows(value: str) -> str:
    """An address, or `volgt` while the link is not known yet (an online activity's)."""
    if value.casefold() == FOLLOWS:
        return FOLLOWS
    try:
        return url(value)
    except PydanticCustomError as error:
        raise fail("url", f"{error.message()}, {FOLLOWS_ADVICE}") from None


def image(value: str, info: ValidationInfo) -> str:
    path = value.strip().lstrip("/")
    images = context_of(info).images
    if path not in images:
        raise fail(
            "image",
            f"'{value}' staat niet in de map content/; schrijf het pad vanaf content/, zoals "
            f"afbeeldingen/logo.png ({did_you_mean(path, images)})",
        )
    return path


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DATE_TIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
# A date and time as Dutch editors may write them: `20-01-2027 14:00`, `2027-01-20 14.00`.
_WRITTEN_DATE_TIME = re.compile(
    r"^(?:(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))"
    r"(?:[ T]|,? om |,? )(\d{1,2})[:.](\d{2})(?: uur)?$"
)
_DATE_HINT = "schrijf jjjj-mm-dd, bijvoorbeeld 2026-03-12"


def parse_date(value: Any) -> date:
    text = str(value).strip()
    if match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise fail(
                "date", f"'{text}' bestaat niet als datum; controleer dag en maand"
            ) from None
    if match := _DUTCH_DATE.match(text):
        written_day, written_month, written_year = match.groups()
        raise fail(
            "date",
            f"'{text}' is geen datum in de vorm jjjj-mm-dd; "
            f"schrijf {written_year}-{int(written_month):02}-{int(written_day):02}",
        )
    if written := _written_date_time(text):
        raise fail(
            "date",
            f"'{text}' heeft een tijd, maar hier hoort alleen een datum; schrijf {written[:10]}",
        )
    raise fail("date", f"'{text}' is geen datum; {_DATE_HINT}")


def _written_date_time(text: str) -> str | None:
    """`2027-01-20 14:00` for a date and time written otherwise, or None."""
    match = _WRITTEN_DATE_TIME.match(text)
    if match is None:
        return None
    day, month, year, iso_year, iso_month, iso_day, hour, minute = match.groups()
    if iso_year:
        year, month, day = iso_year, iso_month, iso_day
    if int(hour) > 23 or int(minute) > 59:
        return None
    return f"{year}-{int(month):02}-{int(day):02} {int(hour):02}:{minute}"


def parse_when(value: Any, info: ValidationInfo) -> date | datetime | time:
    """A date (all day), a date with a local time, or (for an end) only a time."""
    text = str(value).strip()
    if match := _DATE_TIME.match(text):
        day = parse_date(match.group(1))
        hour, minute = int(match.group(2)), int(match.group(3))
        if hour > 23 or minute > 59:
            raise fail("time", f"'{text}' heeft geen geldige tijd; schrijf uu:mm, zoals 15:30")
        return datetime.combine(day, time(hour, minute), tzinfo=context_of(info).settings.zone)
    if match := _TIME.match(text):
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise fail("time", f"'{text}' is geen geldige tijd; schrijf uu:mm, zoals 17:00")
        return time(hour, minute)
    if (written := _written_date_time(text)) and written != text:
        raise fail(
            "when", f"'{text}' is geen datum en tijd in de vorm jjjj-mm-dd uu:mm; schrijf {written}"
        )
    if _DUTCH_DATE.match(text):
        return parse_date(text)  # the message with the date as it should be written
    try:
        return parse_date(text)
    except PydanticCustomError:
        raise fail(
            "when",
            f"'{text}' is geen datum of tijdstip; schrijf 2026-03-12 voor een hele dag "
            "of 2026-03-12 15:30 voor een tijdstip",
        ) from None


# --- Counts (participants, newsletter results, yearly figures) -----------------------------

_WHOLE = re.compile(r"^\d+$")
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_NEGATIVE = re.compile(r"^-\s*\d+([.,]\d+)?$")


def parse_count(value: Any, example: str) -> int:
    """A whole number of 0 or more, as editors write it; `example` shows one, like `po: 30`."""
    if isinstance(value, dict | list):
        raise fail("count", f"verwacht één heel getal, zoals {example}")
    text = str(value).strip()
    if _WHOLE.match(text):
        return int(text)
    key = example.partition(":")[0]
    if _THOUSANDS.match(text):
        raise fail(
            "count",
            f"'{text}' is geen heel getal; schrijf het zonder punt: {key}: {text.replace('.', '')}",
        )
    if _NEGATIVE.match(text):
        raise fail("count", f"'{text}' is minder dan 0; schrijf een aantal van 0 of meer")
    raise fail("count", f"'{text}' is geen heel getal; schrijf een aantal, zoals {example}")


def raise_at(errors: list[tuple[tuple[str | int, ...], PydanticCustomError, Any]]) -> None:
    """Raise problems at places inside the field being validated (`participants.po`), so each
    gets the line of its own key."""
    if errors:
        raise ValidationError.from_exception_data(
            "netwerk",
            [InitErrorDetails(type=error, loc=loc, input=value) for loc, error, value in errors],
        )


# What the other checks are called where a value's checks are read instead of run: in the JSON
# Schema (`x-url` on the admin page's forms), in the handbook (`datum: jjjj-mm-dd`).
CHECKS: dict[Callable[..., Any], str] = {
    url: "url",
    url_or_follows: "url_or_follows",
    image: "image",
    one_line: "line",
    parse_date: "date",
    parse_when: "when",
    # `leads: Projectleider` is a list of one; so is `sectors: po`, but a list of codes also
    # refuses `po, vo` (as_codes).
    as_list: "one_or_many",
    as_codes: "codes",
}
