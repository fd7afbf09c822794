"""The content model: one declared schema per collection, validated with pydantic.

Values arrive as the text the editor wrote (see frontmatter.py). Vocabularies (sectors, kinds,
statuses) come from the settings and references (partners, themes, projects) from the files
that exist; both reach the validators through pydantic's validation context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Annotated, Any, ClassVar, Literal, cast
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
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from .dates import day_of
from .fields import ITEM, ORGANISATION, PAGE, described
from .problems import did_you_mean
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
    # Braces in editor text would be taken as format fields by pydantic; double them.
    return PydanticCustomError(kind, message.replace("{", "{{").replace("}", "}}"))


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
        options = _context(info).settings.vocabulary(vocabulary)
        if value not in options:
            raise _fail("choice", f"'{value}' is geen {noun}; {did_you_mean(value, options)}")
        return value

    CHOICE_CHECKS[check] = vocabulary
    return AfterValidator(check)


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
Texts = Annotated[list[Text], BeforeValidator(_as_list)]


def _no_commas(value: Any) -> Any:
    """A list written as one text with commas is rejected with the list it should be."""
    if isinstance(value, str) and "," in value:
        raise _fail("list", list_hint(value))
    return value


# Codes or references checked elsewhere (newsletter audiences and highlights).
Codes = Annotated[list[Text], BeforeValidator(_no_commas)]


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


class Partner(Item):
    folder: ClassVar[str] = "partners"
    noun: ClassVar[str] = "partner"

    name: Line = described(folder, "name")
    summary: Text | None = described(folder, "summary", None)
    sectors: Sectors = described(folder, "sectors")
    membership: Annotated[Text, _choice("memberships", "lidmaatschap")] = described(
        folder, "membership"
    )
    website: Url | None = described(folder, "website", None)
    logo: Image | None = described(folder, "logo", None)
    logo_alt: Text | None = described(folder, "logo_alt", None)
    municipality: Text | None = described(folder, "municipality", None)
    member_since: Day | None = described(folder, "member_since", None)
    themes: ThemeRefs = described(folder, "themes", default_factory=list)

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


class Activity(Item):
    folder: ClassVar[str] = "agenda"
    noun: ClassVar[str] = "activiteit"

    title: Line = described(folder, "title")
    summary: Text | None = described(folder, "summary", None)
    start: When = described(folder, "start")
    end: When | None = described(folder, "end", None)
    location: Place | None = described(folder, "location", None)
    online_url: Url | None = described(folder, "online_url", None)
    sectors: Sectors = described(folder, "sectors")
    kind: Annotated[Text, _choice("activity_kinds", "soort activiteit")] = described(folder, "kind")
    status: Annotated[Text, _choice("activity_statuses", "status")] = described(
        folder, "status", "gepland"
    )
    theme: ThemeRef | None = described(folder, "theme", None)
    project: ProjectRef | None = described(folder, "project", None)
    partners: PartnerRefs = described(folder, "partners", default_factory=list)
    registration_url: Url | None = described(folder, "registration_url", None)

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

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
                    "voor een online activiteit"
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
