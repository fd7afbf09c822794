"""The content model: one declared schema per collection, validated with pydantic.

Values arrive as the text the editor wrote (see frontmatter.py). Vocabularies (sectors, kinds,
statuses) come from the settings and references (partners, themes, projects) from the files
that exist; both reach the validators through pydantic's validation context.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Annotated, Any, ClassVar, Literal, cast

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
from pydantic_core import PydanticCustomError

from .dates import day_of
from .fields import ITEM, ORGANISATION, PAGE, described
from .problems import closest
from .rules import RULES, lists_of, of_stage, problems
from .values import (
    FOLLOWS,
    Context,
    as_codes,
    as_list,
    choice,
    context_of,
    fail,
    image,
    no_commas,
    one_line,
    parse_count,
    parse_date,
    parse_when,
    raise_at,
    reference,
    url,
    url_or_follows,
)

# --- Types of fields, checked by netwerk.core.values ---------------------------------------

# Limits far beyond any real value, so an absurd one gets a message instead of a slow build.
TEXT_MAX = 20_000
LINE_MAX = 2_000
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_MAX)]

# Titles, names and subjects: a page title, an email header, a feed title; never two lines.
Line = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=LINE_MAX),
    AfterValidator(one_line),
]

Sector = Annotated[Text, choice("sectors", "sector")]
Sectors = Annotated[list[Sector], BeforeValidator(as_codes), Field(min_length=1)]
OptionalSectors = Annotated[list[Sector], BeforeValidator(as_codes)]
Url = Annotated[Text, AfterValidator(url)]
Image = Annotated[Text, AfterValidator(image)]
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
ThemeRef = Annotated[Text, reference("themas", "bekend thema")]
ProjectRef = Annotated[Text, reference("projecten", "bekend project")]
PartnerRef = Annotated[Text, reference("partners", "bekende partner")]
ThemeRefs = Annotated[list[ThemeRef], BeforeValidator(as_codes)]
PartnerRefs = Annotated[list[PartnerRef], BeforeValidator(as_codes)]
ProjectRefs = Annotated[list[ProjectRef], BeforeValidator(as_codes)]
Texts = Annotated[list[Text], BeforeValidator(as_list)]


# Codes or references checked elsewhere (newsletter audiences and highlights).
Codes = Annotated[list[Text], BeforeValidator(no_commas)]


# --- Participants of an activity -------------------------------------------------------------

PARTICIPANTS_EXAMPLE = "participants: 56, of per werkveld: participants: {po: 30, vo: 26}"


def _participants(value: Any, info: ValidationInfo) -> int | dict[str, int] | None:
    """`participants: 56` or `participants: {po: 30, vo: 26}`, recorded after the activity:
    whole numbers, only the activity's own sectors, not before it started or when cancelled."""
    if value is None:
        return None
    if isinstance(value, list):
        raise fail("count", f"verwacht een aantal, geen lijst; schrijf {PARTICIPANTS_EXAMPLE}")
    if value == {}:
        raise fail("count", f"is leeg; schrijf {PARTICIPANTS_EXAMPLE}, of haal de regel weg")
    data, context = info.data, context_of(info)
    found = list(
        problems(
            of_stage(Activity.folder, "field"),
            {**data, "participants": value},
            today=context.settings.build_date,
            lists=lists_of(Activity.folder, context.settings),
        )
    )
    whole = [one.message for one in found if one.key is None]
    if whole:
        raise fail("participants", whole[0])
    if not isinstance(value, dict):
        return parse_count(value, "participants: 56")
    own: list[str] = data.get("sectors") or []
    not_own = {one.key: one.message for one in found if one.key is not None}
    counts: dict[str, int] = {}
    errors: list[tuple[tuple[str | int, ...], PydanticCustomError, Any]] = []
    for sector, count in value.items():
        if sector in not_own:
            message = not_own[sector]
            # A typing mistake gets the sector meant (only here: the forms' rules cannot say it).
            near = None if sector in context.settings.sectors else closest(sector, own)
            if near:
                message = f"{message.partition('; ')[0]}; bedoelde je '{near}'?"
            errors.append(((sector,), fail("participants", message), sector))
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
        """Rules across fields (netwerk.core.rules), as (field, message)."""
        if self.folder in RULES:
            for found in problems(of_stage(self.folder, "item"), dict(self)):
                yield found.field, found.message

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

    name: Line = described(folder, "name")
    summary: Text | None = described(folder, "summary", None)
    sectors: Sectors = described(folder, "sectors")
    # Required, but filled in (None, or the one membership) without tiers: _network_defaults.
    membership: Annotated[Text, choice("memberships", "lidmaatschap")] | None = described(
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
        if value is None and context_of(info).settings.memberships:
            raise fail("empty", "is leeg")  # the loader says what to fill in
        return value


class Theme(Item):
    folder: ClassVar[str] = "themas"

    title: Line = described(folder, "title")
    summary: Text = described(folder, "summary")
    order: int = described(folder, "order", 0)


class Project(Item):
    folder: ClassVar[str] = "projecten"

    title: Line = described(folder, "title")
    code: Text | None = described(folder, "code", None)
    summary: Text | None = described(folder, "summary", None)
    theme: ThemeRef = described(folder, "theme")
    status: Annotated[Text, choice("project_statuses", "projectstatus")] = described(
        folder, "status"
    )
    leads: Texts = described(folder, "leads", default_factory=list)
    partners: PartnerRefs = described(folder, "partners", default_factory=list)
    sectors: Sectors = described(folder, "sectors")
    goal: Text = described(folder, "goal")
    start: Day | None = described(folder, "start", None)
    end: Day | None = described(folder, "end", None)


class Place(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Line = described("agenda", "location.name")
    address: Text | None = described("agenda", "location.address", None)


def _follows_or_place(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    if isinstance(value, str):
        if value.strip().casefold() == FOLLOWS:
            return FOLLOWS
        raise fail(
            "location",
            f"'{value.strip()}' is geen plek; schrijf name en address, elk op een eigen "
            "ingesprongen regel, of location: volgt als de plek nog niet bekend is",
        )
    return handler(value)


Follows = Literal["volgt"]
# A wrap, not a union: the venue's own fields keep their messages (`location.adres: ...`).
Location = Annotated[
    Place, WrapValidator(_follows_or_place, json_schema_input_type=Place | Follows)
]
OnlineUrl = Annotated[Text, AfterValidator(url_or_follows)]


class Activity(Item):
    folder: ClassVar[str] = "agenda"

    title: Line = described(folder, "title")
    summary: Text | None = described(folder, "summary", None)
    start: When = described(folder, "start")
    end: When | None = described(folder, "end", None)
    location: Location | None = described(folder, "location", None)
    online_url: OnlineUrl | None = described(folder, "online_url", None)
    sectors: Sectors = described(folder, "sectors")
    kind: Annotated[Text, choice("activity_kinds", "soort activiteit")] = described(folder, "kind")
    status: Annotated[Text, choice("activity_statuses", "status")] = described(
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


class NewsItem(Item):
    folder: ClassVar[str] = "nieuws"

    title: Line = described(folder, "title")
    date: Day = described(folder, "date")
    kind: Annotated[Text, choice("news_kinds", "soort bericht")] = described(folder, "kind")
    summary: Text = described(folder, "summary")
    sectors: Sectors = described(folder, "sectors")
    themes: ThemeRefs = described(folder, "themes", default_factory=list)
    project: ProjectRef | None = described(folder, "project", None)
    partners: PartnerRefs = described(folder, "partners", default_factory=list)
    image: Image | None = described(folder, "image", None)
    image_alt: Text | None = described(folder, "image_alt", None)


class Resource(Item):
    folder: ClassVar[str] = "kennisbank"

    title: Line = described(folder, "title")
    kind: Annotated[Text, choice("resource_kinds", "soort bron")] = described(folder, "kind")
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
        BeforeValidator(as_codes),
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
