"""The content model: one declared schema per collection, validated with pydantic.

Values arrive as the text the editor wrote (see frontmatter.py). Vocabularies (sectors, kinds,
statuses) come from the settings and references (partners, themes, projects) from the files
that exist; both reach the validators through pydantic's validation context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Annotated, Any, ClassVar, Literal, cast, get_args, get_origin
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    StringConstraints,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

from . import settings as defaults
from .dates import day_of
from .fields import ITEM, ORGANISATION, PAGE, described
from .problems import closest, did_you_mean
from .settings import Settings


@dataclass(frozen=True)
class Context:
    """What validators need besides the value: vocabularies, existing slugs and images."""

    settings: Settings = field(default_factory=Settings)
    slugs: dict[str, frozenset[str]] = field(default_factory=dict)
    images: frozenset[str] = frozenset()


def _context(info: ValidationInfo) -> Context:
    context = info.context
    assert isinstance(context, Context), "validate with context=Context(...)"
    return context


def _fail(kind: str, message: str) -> PydanticCustomError:
    # Without a context pydantic prints the message as it is: braces (in editors' text, or in
    # an example like `{po: 30}`) need no escaping, and doubled ones would be shown doubled.
    return PydanticCustomError(kind, message)


# --- Scalars -------------------------------------------------------------------------------

# Limits far beyond any real value, so an absurd one gets a message instead of a slow build.
TEXT_MAX = 20_000
LINE_MAX = 2_000
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_MAX)]


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise _fail("line", "bevat een regeleinde; schrijf de waarde op één regel")
    return value


# Titles, names and subjects: a page title, an email header, a feed title; never two lines.
Line = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=LINE_MAX),
    AfterValidator(_one_line),
]


def _as_list(value: Any) -> Any:
    """`sectors: po` means the same as `sectors: [po]`."""
    return [value] if isinstance(value, str) else value


def _as_codes(value: Any) -> Any:
    """A list of codes or references: `sectors: po` is `[po]`, and `sectors: po, vo` (one text
    with commas, as typed after `--sectors po,vo`) is rejected with the list it should be."""
    return _as_list(_no_commas(value))


def list_hint(text: str) -> str:
    """The message for `po, vo` where a list belongs: `schrijf [po, vo]`."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    return (
        f"'{text.strip()}' is meer dan één waarde; schrijf ze als lijst tussen haken: "
        f"[{', '.join(parts)}]"
    )


# Which vocabulary (settings) or folder (references) each check below tests against, so that
# editor tools can offer the options without validating: see schema.py.
CHOICE_CHECKS: dict[Callable[..., Any], str] = {}
REFERENCE_CHECKS: dict[Callable[..., Any], str] = {}


def _choice(vocabulary: str, noun: str) -> AfterValidator:
    def check(value: str, info: ValidationInfo) -> str:
        settings = _context(info).settings
        if value not in settings.vocabulary(vocabulary):
            raise _fail("choice", choice_message(value, vocabulary, noun, settings))
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


def vocabulary_of(annotation: Any, metadata: Iterable[Any] = ()) -> str | None:
    """The vocabulary a field's codes come from (`sectors`), or None: for examples in messages
    and in editors' tools that come from the network's own lists."""
    for found in metadata:
        function = getattr(found, "func", None)
        if function in CHOICE_CHECKS:
            return CHOICE_CHECKS[function]
    if get_origin(annotation) is Annotated:
        return vocabulary_of(get_args(annotation)[0], annotation.__metadata__)
    for argument in get_args(annotation):
        vocabulary = vocabulary_of(argument)
        if vocabulary is not None:
            return vocabulary
    return None


def _reference(folder: str, noun: str) -> AfterValidator:
    def check(value: str, info: ValidationInfo) -> str:
        known = _context(info).slugs.get(folder, frozenset())
        if value not in known:
            hint = did_you_mean(value, known)
            raise _fail(
                "reference",
                f"'{value}' is geen {noun} (er is geen content/{folder}/{value}.md); {hint}",
            )
        return value

    REFERENCE_CHECKS[check] = folder
    return AfterValidator(check)


def _url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.netloc and " " not in value:
        return value
    if parts.scheme == "mailto" and "@" in parts.path:
        return value
    if not parts.scheme and re.match(r"^[\w.-]+\.[a-z]{2,}(/|$)", value):
        raise _fail("url", f"'{value}' mist het begin van het webadres; schrijf https://{value}")
    raise _fail(
        "url",
        f"'{value}' is geen geldig webadres; gebruik een adres dat begint met https://, http:// "
        "of mailto:",
    )


def _image(value: str, info: ValidationInfo) -> str:
    path = value.strip().lstrip("/")
    images = _context(info).images
    if path not in images:
        raise _fail(
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
            raise _fail(
                "date", f"'{text}' bestaat niet als datum; controleer dag en maand"
            ) from None
    if match := _DUTCH_DATE.match(text):
        written_day, written_month, written_year = match.groups()
        raise _fail(
            "date",
            f"'{text}' is geen datum in de vorm jjjj-mm-dd; "
            f"schrijf {written_year}-{int(written_month):02}-{int(written_day):02}",
        )
    if written := _written_date_time(text):
        raise _fail(
            "date",
            f"'{text}' heeft een tijd, maar hier hoort alleen een datum; schrijf {written[:10]}",
        )
    raise _fail("date", f"'{text}' is geen datum; {_DATE_HINT}")


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
            raise _fail("time", f"'{text}' heeft geen geldige tijd; schrijf uu:mm, zoals 15:30")
        return datetime.combine(day, time(hour, minute), tzinfo=_context(info).settings.zone)
    if match := _TIME.match(text):
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise _fail("time", f"'{text}' is geen geldige tijd; schrijf uu:mm, zoals 17:00")
        return time(hour, minute)
    if (written := _written_date_time(text)) and written != text:
        raise _fail(
            "when", f"'{text}' is geen datum en tijd in de vorm jjjj-mm-dd uu:mm; schrijf {written}"
        )
    if _DUTCH_DATE.match(text):
        return parse_date(text)  # the message with the date as it should be written
    try:
        return parse_date(text)
    except PydanticCustomError:
        raise _fail(
            "when",
            f"'{text}' is geen datum of tijdstip; schrijf 2026-03-12 voor een hele dag "
            "of 2026-03-12 15:30 voor een tijdstip",
        ) from None


Sector = Annotated[Text, _choice("sectors", "sector")]
Sectors = Annotated[list[Sector], BeforeValidator(_as_codes), Field(min_length=1)]
OptionalSectors = Annotated[list[Sector], BeforeValidator(_as_codes)]
Url = Annotated[Text, AfterValidator(_url)]
Image = Annotated[Text, AfterValidator(_image)]
Day = Annotated[
    date, PlainValidator(parse_date), WithJsonSchema({"type": "string", "format": "date"})
]
When = Annotated[
    date | datetime | time,
    PlainValidator(parse_when),
    WithJsonSchema(
        {
            "type": "string",
            # As parse_when reads it: `2026-3-5 9:30` too, for editors' tools (schema.py).
            "pattern": r"^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2})?)?$|^\d{1,2}:\d{2}$",
        }
    ),
]
ThemeRef = Annotated[Text, _reference("themas", "bekend thema")]
ProjectRef = Annotated[Text, _reference("projecten", "bekend project")]
PartnerRef = Annotated[Text, _reference("partners", "bekende partner")]
ThemeRefs = Annotated[list[ThemeRef], BeforeValidator(_as_codes)]
PartnerRefs = Annotated[list[PartnerRef], BeforeValidator(_as_codes)]
ProjectRefs = Annotated[list[ProjectRef], BeforeValidator(_as_codes)]
Texts = Annotated[list[Text], BeforeValidator(_as_list)]


def _no_commas(value: Any) -> Any:
    """A list written as one text with commas is rejected with the list it should be."""
    if isinstance(value, str) and "," in value:
        raise _fail("list", list_hint(value))
    return value


# Codes or references checked elsewhere (newsletter audiences and highlights).
Codes = Annotated[list[Text], BeforeValidator(_no_commas)]


# --- Counts (participants, newsletter results, yearly figures) -----------------------------

_WHOLE = re.compile(r"^\d+$")
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_NEGATIVE = re.compile(r"^-\s*\d+([.,]\d+)?$")


def parse_count(value: Any, example: str) -> int:
    """A whole number of 0 or more, as editors write it; `example` shows one, like `po: 30`."""
    if isinstance(value, dict | list):
        raise _fail("count", f"verwacht één heel getal, zoals {example}")
    text = str(value).strip()
    if _WHOLE.match(text):
        return int(text)
    key = example.partition(":")[0]
    if _THOUSANDS.match(text):
        raise _fail(
            "count",
            f"'{text}' is geen heel getal; schrijf het zonder punt: {key}: {text.replace('.', '')}",
        )
    if _NEGATIVE.match(text):
        raise _fail("count", f"'{text}' is minder dan 0; schrijf een aantal van 0 of meer")
    raise _fail("count", f"'{text}' is geen heel getal; schrijf een aantal, zoals {example}")


def raise_at(errors: list[tuple[tuple[str | int, ...], PydanticCustomError, Any]]) -> None:
    """Raise problems at places inside the field being validated (`participants.po`), so each
    gets the line of its own key."""
    if errors:
        raise ValidationError.from_exception_data(
            "netwerk",
            [InitErrorDetails(type=error, loc=loc, input=value) for loc, error, value in errors],
        )


PARTICIPANTS_EXAMPLE = "participants: 56, of per werkveld: participants: {po: 30, vo: 26}"


def _participants(value: Any, info: ValidationInfo) -> int | dict[str, int] | None:
    """`participants: 56` or `participants: {po: 30, vo: 26}`, recorded after the activity:
    whole numbers, only the activity's own sectors, not before it started or when cancelled."""
    if value is None:
        return None
    if isinstance(value, list):
        raise _fail("count", f"verwacht een aantal, geen lijst; schrijf {PARTICIPANTS_EXAMPLE}")
    if value == {}:
        raise _fail("count", f"is leeg; schrijf {PARTICIPANTS_EXAMPLE}, of haal de regel weg")
    data, context = info.data, _context(info)
    start, status = data.get("start"), data.get("status")
    if isinstance(start, date) and day_of(start) > context.settings.build_date:
        raise _fail(
            "participants",
            f"de activiteit begint pas op {_written(start)[:10]}; noteer het aantal deelnemers "
            "als ze geweest is",
        )
    if status in context.settings.cancelled_activity_statuses:
        raise _fail(
            "participants",
            "een geannuleerde activiteit heeft geen deelnemers; haal participants weg, of zet "
            "de status terug als de activiteit toch doorging",
        )
    if not isinstance(value, dict):
        return parse_count(value, "participants: 56")
    own: list[str] = data.get("sectors") or []
    counts: dict[str, int] = {}
    errors: list[tuple[tuple[str | int, ...], PydanticCustomError, Any]] = []
    for sector, count in value.items():
        if own and sector not in own:
            # A sector of the network that is not the activity's, or a typing mistake.
            near = None if sector in context.settings.sectors else closest(sector, own)
            hint = (
                f"bedoelde je '{near}'?"
                if near
                else f"tel alleen deelnemers uit haar werkvelden ({', '.join(own)}), of zet "
                f"{sector} ook bij sectors"
            )
            errors.append(
                (
                    (sector,),
                    _fail(
                        "participants", f"'{sector}' is geen werkveld van deze activiteit; {hint}"
                    ),
                    sector,
                )
            )
            continue
        try:
            counts[sector] = parse_count(count, f"{sector}: 30")
        except PydanticCustomError as error:
            errors.append(((sector,), error, count))
    raise_at(errors)
    return counts


Participants = Annotated[
    int | dict[str, int] | None,
    PlainValidator(_participants),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
            ]
        }
    ),
]
# The activity status that means it did not take place (settings.DEFAULT_ACTIVITY_STATUSES).


# --- Collections ---------------------------------------------------------------------------


class Sourced(BaseModel):
    """Read from one Markdown file: the slug is its name, the body the text below the fields."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    _slug: str = PrivateAttr("")
    _path: str = PrivateAttr("")
    _body: str = PrivateAttr("")

    def from_file(self, slug: str, path: str, body: str) -> None:
        self._slug, self._path, self._body = slug, path, body

    @property
    def slug(self) -> str:
        # Read from the private dict directly: pydantic's __getattr__ takes several times
        # longer, and templates read slugs hundreds of thousands of times in a big network.
        return cast(dict[str, str], self.__pydantic_private__)["_slug"]

    @property
    def path(self) -> str:
        return self._path

    @property
    def body(self) -> str:
        return self._body


class Item(Sourced):
    """Common to every collection: the slug from the file name and the draft switch."""

    folder: ClassVar[str]
    noun: ClassVar[str]

    draft: bool = described(ITEM, "draft", False)

    @property
    def page_url(self) -> str:
        """The item's page, relative to the site root."""
        return f"{self.folder}/{self.slug}/"

    @property
    def label(self) -> str:
        title: str = getattr(self, "title", "") or getattr(self, "name", "")
        return title

    def checks(self) -> Iterator[tuple[str, str]]:
        """Rules across fields, as (field, message)."""
        return iter(())

    @model_validator(mode="before")
    @classmethod
    def _network_defaults(cls, data: Any, info: ValidationInfo) -> Any:
        """What the network's shape fills in: the one sector of a network with one, the one
        membership (or none) of a network without tiers, an activity's usual status."""
        if not isinstance(data, dict) or not isinstance(info.context, Context):
            return data
        settings = info.context.settings
        added: dict[str, Any] = {}
        fields = cls.model_fields
        if "sectors" in fields and fields["sectors"].is_required() and settings.one_sector:
            added["sectors"] = list(settings.sectors)
        if "membership" in fields and len(settings.memberships) <= 1:
            added["membership"] = next(iter(settings.memberships), None)
        if "status" in fields and cls.folder == "agenda":
            added["status"] = settings.default_activity_status
        missing = {name: value for name, value in added.items() if name not in data}
        return {**data, **missing} if missing else data


class Partner(Item):
    folder: ClassVar[str] = "partners"
    noun: ClassVar[str] = "partner"

    name: Line = described(folder, "name")
    summary: Text | None = described(folder, "summary", None)
    sectors: Sectors = described(folder, "sectors")
    # Required, but filled in (None, or the one membership) without tiers: _network_defaults.
    membership: Annotated[Text, _choice("memberships", "lidmaatschap")] | None = described(
        folder, "membership"
    )
    website: Url | None = described(folder, "website", None)
    logo: Image | None = described(folder, "logo", None)
    logo_alt: Text | None = described(folder, "logo_alt", None)
    municipality: Text | None = described(folder, "municipality", None)
    member_since: Day | None = described(folder, "member_since", None)
    themes: ThemeRefs = described(folder, "themes", default_factory=list)

    @field_validator("membership")
    @classmethod
    def _tier_given(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and _context(info).settings.memberships:
            raise _fail("empty", "is leeg")  # the loader says what to fill in
        return value

    def checks(self) -> Iterator[tuple[str, str]]:
        if self.logo and not self.logo_alt:
            yield (
                "logo_alt",
                "ontbreekt; beschrijf het logo, bijvoorbeeld logo_alt: Logo van " + self.name,
            )


class Theme(Item):
    folder: ClassVar[str] = "themas"
    noun: ClassVar[str] = "thema"

    title: Line = described(folder, "title")
    summary: Text = described(folder, "summary")
    order: int = described(folder, "order", 0)


class Project(Item):
    folder: ClassVar[str] = "projecten"
    noun: ClassVar[str] = "project"

    title: Line = described(folder, "title")
    code: Text | None = described(folder, "code", None)
    summary: Text | None = described(folder, "summary", None)
    theme: ThemeRef = described(folder, "theme")
    status: Annotated[Text, _choice("project_statuses", "projectstatus")] = described(
        folder, "status"
    )
    leads: Texts = described(folder, "leads", default_factory=list)
    partners: PartnerRefs = described(folder, "partners", default_factory=list)
    sectors: Sectors = described(folder, "sectors")
    goal: Text = described(folder, "goal")
    start: Day | None = described(folder, "start", None)
    end: Day | None = described(folder, "end", None)

    def checks(self) -> Iterator[tuple[str, str]]:
        if self.start and self.end and self.end < self.start:
            yield "end", f"{self.end.isoformat()} ligt vóór start ({self.start.isoformat()})"


class Place(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Line = described("agenda", "location.name")
    address: Text | None = described("agenda", "location.address", None)


# `location: volgt`, `online_url: volgt`: the venue or the link is not known yet.
FOLLOWS = "volgt"


def _follows_or_place(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    if isinstance(value, str):
        if value.strip().casefold() == FOLLOWS:
            return FOLLOWS
        raise _fail(
            "location",
            f"'{value.strip()}' is geen plek; schrijf name en address, elk op een eigen "
            "ingesprongen regel, of location: volgt als de plek nog niet bekend is",
        )
    return handler(value)


def _follows_or_url(value: str) -> str:
    return FOLLOWS if value.casefold() == FOLLOWS else _url(value)


Follows = Literal["volgt"]
# A wrap, not a union: the venue's own fields keep their messages (`location.adres: ...`).
Location = Annotated[
    Place, WrapValidator(_follows_or_place, json_schema_input_type=Place | Follows)
]
OnlineUrl = Annotated[Text, AfterValidator(_follows_or_url)]


class Activity(Item):
    folder: ClassVar[str] = "agenda"
    noun: ClassVar[str] = "activiteit"

    title: Line = described(folder, "title")
    summary: Text | None = described(folder, "summary", None)
    start: When = described(folder, "start")
    end: When | None = described(folder, "end", None)
    location: Location | None = described(folder, "location", None)
    online_url: OnlineUrl | None = described(folder, "online_url", None)
    sectors: Sectors = described(folder, "sectors")
    kind: Annotated[Text, _choice("activity_kinds", "soort activiteit")] = described(folder, "kind")
    status: Annotated[Text, _choice("activity_statuses", "status")] = described(
        folder, "status", "gepland"
    )
    theme: ThemeRef | None = described(folder, "theme", None)
    project: ProjectRef | None = described(folder, "project", None)
    partners: PartnerRefs = described(folder, "partners", default_factory=list)
    registration_url: Url | None = described(folder, "registration_url", None)
    participants: Participants = described(folder, "participants", None)

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def place(self) -> Place | None:
        """The venue, if known."""
        return self.location if isinstance(self.location, Place) else None

    @property
    def venue_follows(self) -> bool:
        # `location: volgt` is kept as the text (see _follows_or_place).
        return isinstance(self.location, str)

    @property
    def online(self) -> bool:
        return self.online_url is not None

    @property
    def online_link(self) -> str | None:
        """The link to join online, if known."""
        return self.online_url if self.online_url not in (None, FOLLOWS) else None

    @property
    def link_follows(self) -> bool:
        return self.online_url == FOLLOWS

    @property
    def where(self) -> str:
        """Where, in short: the venue's name, `Online`, or that the venue or the link follows."""
        if self.place is not None:
            return self.place.name
        if self.venue_follows:
            return "Locatie volgt, ook online" if self.online else "Locatie volgt"
        return "Online (link volgt)" if self.link_follows else "Online"

    @property
    def starts(self) -> date | datetime:
        assert not isinstance(self.start, time)
        return self.start

    @property
    def ends(self) -> date | datetime:
        """The inclusive end: the end as written, a bare end time on the start day, or the start."""
        if self.end is None:
            return self.starts
        if isinstance(self.end, time) and isinstance(self.start, datetime):
            return self.start.replace(hour=self.end.hour, minute=self.end.minute)
        assert not isinstance(self.end, time)
        return self.end

    @property
    def month(self) -> str:
        """`2026-03`, for grouping an agenda by month."""
        return self.starts.strftime("%Y-%m")

    @property
    def first_day(self) -> date:
        return day_of(self.starts)

    @property
    def last_day(self) -> date:
        return day_of(self.ends)

    def checks(self) -> Iterator[tuple[str, str]]:
        if isinstance(self.start, time):
            yield (
                "start",
                "een tijd alleen is niet genoeg; schrijf datum en tijd, zoals 2026-03-12 15:30",
            )
            return
        if self.end is not None:
            if isinstance(self.end, time) and not isinstance(self.start, datetime):
                yield (
                    "end",
                    "een eindtijd past alleen bij een start met tijd, zoals 2026-03-12 15:30",
                )
            elif isinstance(self.start, datetime) != isinstance(self.end, datetime | time):
                yield "end", "schrijf start en end allebei als datum, of allebei met een tijd"
            elif self.ends < self.starts:
                yield "end", f"ligt vóór start ({_written(self.starts)}); controleer de datum"
        if self.location is None and self.online_url is None:
            yield (
                "location",
                (
                    "ontbreekt; geef een location (name en address) of een online_url "
                    "voor een online activiteit, of schrijf location: volgt als de plek nog "
                    "niet bekend is"
                ),
            )


class NewsItem(Item):
    folder: ClassVar[str] = "nieuws"
    noun: ClassVar[str] = "nieuwsbericht"

    title: Line = described(folder, "title")
    date: Day = described(folder, "date")
    kind: Annotated[Text, _choice("news_kinds", "soort bericht")] = described(folder, "kind")
    summary: Text = described(folder, "summary")
    sectors: Sectors = described(folder, "sectors")
    themes: ThemeRefs = described(folder, "themes", default_factory=list)
    project: ProjectRef | None = described(folder, "project", None)
    partners: PartnerRefs = described(folder, "partners", default_factory=list)
    image: Image | None = described(folder, "image", None)
    image_alt: Text | None = described(folder, "image_alt", None)

    def checks(self) -> Iterator[tuple[str, str]]:
        if self.image and not self.image_alt:
            yield "image_alt", "ontbreekt; beschrijf wat er op de afbeelding staat"


class Resource(Item):
    folder: ClassVar[str] = "kennisbank"
    noun: ClassVar[str] = "bron"

    title: Line = described(folder, "title")
    kind: Annotated[Text, _choice("resource_kinds", "soort bron")] = described(folder, "kind")
    summary: Text = described(folder, "summary")
    url: Url | None = described(folder, "url", None)
    themes: ThemeRefs = described(folder, "themes", default_factory=list)
    sectors: OptionalSectors = described(folder, "sectors", default_factory=list)
    partners: PartnerRefs = described(folder, "partners", default_factory=list)
    projects: ProjectRefs = described(folder, "projects", default_factory=list)


COLLECTIONS: tuple[type[Item], ...] = (Partner, Theme, Project, Activity, NewsItem, Resource)


# --- Plain pages (home, about, ...): MkDocs and Material page settings ------------------------


class PageMeta(BaseModel):
    """Front matter of a page that is not an item, such as the home page."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Line | None = described(PAGE, "title", None)
    description: Text | None = described(PAGE, "description", None)
    subtitle: Line | None = described(PAGE, "subtitle", None)
    hide: Annotated[
        list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]],
        BeforeValidator(_as_codes),
    ] = described(PAGE, "hide", default_factory=list)
    search: dict[str, Any] = described(PAGE, "search", default_factory=dict)


# --- Organisation (who is who): one data file ------------------------------------------------

ORGANISATION_FILE = "organisatie.yml"


class Member(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    role: Line = described(ORGANISATION, "groups.members.role")
    name: Line | None = described(ORGANISATION, "groups.members.name", None)
    partner: PartnerRef | None = described(ORGANISATION, "groups.members.partner", None)
    organisation: Text | None = described(ORGANISATION, "groups.members.organisation", None)
    sectors: OptionalSectors = described(
        ORGANISATION, "groups.members.sectors", default_factory=list
    )
    theme: ThemeRef | None = described(ORGANISATION, "groups.members.theme", None)


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Line = described(ORGANISATION, "groups.name")
    task: Text | None = described(ORGANISATION, "groups.task", None)
    description: Text | None = described(ORGANISATION, "groups.description", None)
    members: list[Member] = described(ORGANISATION, "groups.members", default_factory=list)


class Organisation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    intro: Text | None = described(ORGANISATION, "intro", None)
    groups: list[Group] = described(ORGANISATION, "groups", default_factory=list)


def _written(value: date | datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else value.isoformat()
