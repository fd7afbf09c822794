"""The options of the `netwerk` plugin in mkdocs.yml: their defaults and their checks.

The options are declared once, with their defaults, as the fields of Written. MkDocs only passes
them on (netwerk.plugin.config); they are checked here, in Dutch, so that a build and `netwerk
controleer`, which reads mkdocs.yml without MkDocs, say the same. Pure Python: no MkDocs imports.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import partial
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from . import settings as defaults
from .admin_option import Admin, admin_from
from .agreements import Agreements, agreements_from
from .audiences import Audience, Mailing, audience_example, audiences_from, mailing_from
from .files import DEFAULT_STATIC_TYPES
from .frontmatter import INVISIBLE
from .loader import SLUG
from .look import Look, look_from
from .problems import SettingsError, did_you_mean, field_hint
from .settings import Settings, build_date_from
from .values import list_hint

T = TypeVar("T")


@dataclass(frozen=True)
class Written:
    """The options under `netwerk:` in mkdocs.yml, with their defaults: the one list of their
    names, which MkDocs passes on (netwerk.plugin.config) and the README documents.

    The types are the shapes asked for; what a network writes is only checked by options_from,
    which makes Options of it. A value left out (or None) is the default.
    """

    # Vocabularies: slug (written in front matter) → label (shown to readers). A network's own
    # list replaces the default; `extra_<name>` adds to it (or renames an entry) without
    # re-listing it.
    sectors: dict[str, str] = field(default_factory=lambda: dict(defaults.DEFAULT_SECTORS))
    memberships: dict[str, str] = field(default_factory=dict)
    """Empty by default: a network without `memberships` has no tiers, and partners no field."""
    project_statuses: dict[str, str] = field(
        default_factory=lambda: dict(defaults.DEFAULT_PROJECT_STATUSES)
    )
    activity_kinds: dict[str, str] = field(
        default_factory=lambda: dict(defaults.DEFAULT_ACTIVITY_KINDS)
    )
    activity_statuses: dict[str, str] = field(
        default_factory=lambda: dict(defaults.DEFAULT_ACTIVITY_STATUSES)
    )
    news_kinds: dict[str, str] = field(default_factory=lambda: dict(defaults.DEFAULT_NEWS_KINDS))
    resource_kinds: dict[str, str] = field(
        default_factory=lambda: dict(defaults.DEFAULT_RESOURCE_KINDS)
    )
    extra_sectors: dict[str, str] | None = None
    extra_memberships: dict[str, str] | None = None
    extra_project_statuses: dict[str, str] | None = None
    extra_activity_kinds: dict[str, str] | None = None
    extra_activity_statuses: dict[str, str] | None = None
    extra_news_kinds: dict[str, str] | None = None
    extra_resource_kinds: dict[str, str] | None = None
    # The roles (netwerk.core.settings.ROLES): which codes of a vocabulary mean something to
    # the generator, a list or one code. Unless set, a role holds those of its default codes
    # the vocabulary has.
    running_project_statuses: list[str] | str | None = None
    finished_project_statuses: list[str] | str | None = None
    cancelled_activity_statuses: list[str] | str | None = None
    full_activity_statuses: list[str] | str | None = None
    postponed_activity_statuses: list[str] | str | None = None
    call_news_kinds: list[str] | str | None = None
    featured_memberships: list[str] | str | None = None
    """Memberships whose partners' activities and news the home page features; unless set,
    `uitgebreid` if the network has that membership, else none."""
    resource_kind_headings: dict[str, str] | None = None
    """Headings of resources grouped by kind: `{praktijkvoorbeeld: Praktijkvoorbeelden}`; merged
    into the defaults (settings.DEFAULT_RESOURCE_KIND_HEADINGS), a kind without one is headed by
    its name."""
    time_zone: str = "Europe/Amsterdam"
    """Local time of every date and time in the content."""
    build_date: date | str | None = None
    """Fixes "today" (`2026-11-23`) for reproducible builds; NETWERK_BUILD_DATE overrides it."""
    newsletters_dir: str = "newsletters"
    """Folder of the editions, next to mkdocs.yml: `newsletters/2026-03.md`."""
    audiences: list[dict[str, Any]] = field(default_factory=list)
    """Who gets a newsletter: `[{slug: vo-ho, name: "VO, MBO en HO", sectors: [vo, mbo, ho]}]`,
    optionally with `subscribe_url` (https:// or mailto:) for the sign-up link and
    `list_address` (the mailing list's address, the emails' To:)."""
    newsletter_from: str | None = None
    """Sender of the emails: `Ons Netwerk <nieuwsbrief@ons-netwerk.example>`."""
    newsletter_unsubscribe_url: str | None = None
    """https address of the mailing tool's unsubscribe page; `{audience}` becomes the slug."""
    newsletter_unsubscribe_mailto: str | None = None
    """`mailto:afmelden@example.nl?subject=afmelden%20{audience}` for List-Unsubscribe."""
    newsletter_utm: bool = False
    """true adds utm_source, utm_medium and utm_campaign (edition and audience) to site links."""
    newsletter_horizon_days: int = 90
    """Activities up to this many days after the edition's date; the first edition's news looks
    back as far."""
    calendar_past_days: int = 90
    """How many days past activities stay in the subscribable calendars."""
    static_types: list[str] | str = field(default_factory=lambda: list(DEFAULT_STATIC_TYPES))
    """Files under content/ published as they are, besides the pages: `[.png, .pdf]`. Any other
    file there is refused (netwerk.files)."""
    handbook: bool = True
    """false leaves out the editors' handbook under /handleiding/ (netwerk.handbook)."""
    admin: bool | dict[str, Any] | None = None
    """The admin page at /admin/ (netwerk.admin): true, or a mapping with the backend."""
    # The working group's overview (netwerk.workgroup).
    agreements: dict[str, Any] | None = None
    """What the network agreed (netwerk.core.agreements), such as `{contributions_per_project:
    2, editions_per_year: 5, page_age_days: 730}`; none by default."""
    overview: bool = True
    """false leaves out the working group's overview under /overzicht/ (netwerk.workgroup)."""
    # The front door and the kennisbank (see FRONT_DOOR below).
    home_blocks: list[str] | None = None
    """The home page's blocks in their order (HOME_BLOCKS); a block left out is not shown."""
    kennisbank_suggest: str | None = None
    """Where to suggest an addition to the kennisbank: an https:// or mailto: address."""


DEFAULT = Written()
NAMES = tuple(option.name for option in fields(Written))
EXTRA = "extra_"
# The vocabularies are the options with an `extra_` twin.
VOCABULARIES: dict[str, dict[str, str]] = {
    name: getattr(DEFAULT, name) for name in NAMES if f"{EXTRA}{name}" in NAMES
}
EXTRAS = {f"{EXTRA}{name}": name for name in VOCABULARIES}
# What one code of each vocabulary is called in messages.
NOUNS = {
    "sectors": "sector",
    "memberships": "lidmaatschap",
    "project_statuses": "projectstatus",
    "activity_kinds": "soort activiteit",
    "activity_statuses": "status",
    "news_kinds": "soort bericht",
    "resource_kinds": "soort bron",
}
ROLES = defaults.ROLES
FEATURED_DEFAULT = ("uitgebreid",)
# The home page's blocks, in their default order: the first screen holds the way in per sector,
# what is coming and how to stay informed; the editors' longer text comes after them. A block
# is shown only when the network has something for it (one sector: no sector chooser).
HOME_BLOCKS: tuple[str, ...] = (
    "werkvelden",
    "agenda",
    "op-de-hoogte",
    "nieuws",
    "uitgelicht",
    "tekst",
    "themas",
)

# Every sector gets a page at the site's root (`/po/`): its code may not be an address the site
# already uses there. A test keeps this list up to date with what a build writes.
ROOT_ADDRESSES = {
    "partners": "het overzicht van de partners",
    "themas": "het overzicht van de thema's",
    "projecten": "het overzicht van de projecten",
    "agenda": "de agenda",
    "nieuws": "het nieuws",
    "kennisbank": "de kennisbank",
    "nieuwsbrief": "de pagina van de nieuwsbrieven",
    "feeds": "de map met de nieuwsfeeds",
    "organisatie": "de pagina wie is wie",
    "in-cijfers": "de pagina met het netwerk in cijfers",
    "toegankelijkheid": "de toegankelijkheidsverklaring",
    "privacy": "de privacyverklaring",
    "handleiding": "de handleiding voor redacteuren",
    "overzicht": "het overzicht voor de werkgroep",
    "afbeeldingen": "de map met afbeeldingen",
    "assets": "de map met opmaak en scripts van de site",
    "search": "de zoekindex",
    "index": "de homepagina",
}


@dataclass(frozen=True)
class Options:
    settings: Settings
    featured_memberships: tuple[str, ...]
    newsletters_dir: str
    audiences: list[Audience]
    mailing: Mailing | None
    """None when the site has no audiences, and so no newsletters."""
    newsletter_horizon_days: int
    calendar_past_days: int
    static_types: tuple[str, ...] = DEFAULT_STATIC_TYPES
    handbook: bool = True
    """Whether the site has the editors' handbook under /handleiding/."""
    admin: Admin | None = None
    """The admin page's settings; None when the site has none."""
    look: Look = field(default_factory=Look)
    """Logo and colours from Material's `theme` (netwerk.core.look)."""
    agreements: Agreements = field(default_factory=Agreements)
    """What the network agreed, checked by the working group's overview (netwerk.workgroup)."""
    overview: bool = True
    """Whether the site has the working group's overview under /overzicht/."""
    home_blocks: tuple[str, ...] = HOME_BLOCKS
    """The home page's blocks in the editors' order (HOME_BLOCKS by default)."""
    kennisbank_suggest: str | None = None


def options_from(
    raw: Mapping[str, Any],
    *,
    site_url: str | None,
    site_name: str,
    theme: Mapping[str, Any] | None = None,
) -> Options:
    """The checked options; a SettingsError with every problem found, each a Dutch message
    that starts with the option's place, such as `netwerk: sectors: ...` (or `site_url: ...`,
    which newsletters need, or `theme: palette: ...`, Material's colours)."""
    problems: list[str] = []

    def checked(check: Callable[[], T], fallback: T) -> T:
        """The check's value, or (with its problems noted) a fallback to check the rest with."""
        try:
            return check()
        except SettingsError as error:
            problems.extend(error.messages)
        except ValueError as error:
            problems.append(str(error))
        return fallback

    for name in raw:
        if name not in NAMES:
            problems.append(
                f"netwerk: {name}: deze instelling bestaat niet; {field_hint(str(name), NAMES)}"
            )
    given = {name: value for name, value in raw.items() if value is not None and name in NAMES}
    problems.extend(_site_problems(site_url))
    if site_url is not None and site_url_problem(site_url):
        site_url = SITE_URL_EXAMPLE  # reported: the newsletters' checks go on with a good one
    for name, value in [*given.items(), ("site_name", site_name)]:
        if _unprintable(value):
            place = name if name == "site_name" else f"netwerk: {name}"
            problems.append(
                f"{place}: bevat een regeleinde of een onzichtbaar stuurteken; schrijf elke "
                "waarde op één regel, zonder \\n of andere codes met een backslash"
            )

    def option(name: str) -> Any:
        return given.get(name, getattr(DEFAULT, name))

    vocabularies: dict[str, dict[str, str] | None] = {}
    for name, default in VOCABULARIES.items():
        vocabulary = checked(partial(_vocabulary, name, given.get(name, default)), None)
        extra_name = f"{EXTRA}{name}"
        if extra_name in given:
            extra = checked(partial(_vocabulary, extra_name, given[extra_name]), None)
            if vocabulary is not None and extra is not None:
                vocabulary = {**vocabulary, **extra}
        vocabularies[name] = vocabulary
    if vocabularies["sectors"] is not None:
        vocabularies["sectors"] = checked(partial(_sector_codes, vocabularies["sectors"]), None)
    time_zone = checked(
        lambda: _time_zone(_text("time_zone", option("time_zone"), "Europe/Amsterdam")),
        DEFAULT.time_zone,
    )
    build_date = option("build_date")
    if build_date is not None and not isinstance(build_date, date):
        build_date = str(build_date)
    today = checked(partial(_build_date, build_date, time_zone), date.today())
    lists = {
        name: dict(VOCABULARIES[name]) if vocabulary is None else vocabulary
        for name, vocabulary in vocabularies.items()
    }
    roles: dict[str, tuple[str, ...]] = {}
    for name, (vocabulary_name, codes) in ROLES.items():
        if vocabularies[vocabulary_name] is None:
            continue  # its vocabulary has problems of its own
        vocabulary = lists[vocabulary_name]
        if name in given:
            roles[name] = tuple(
                checked(partial(_role, name, given[name], vocabulary_name, vocabulary), [])
            )
        else:
            roles[name] = tuple(code for code in codes if code in vocabulary)
    problems.extend(_role_overlaps(roles))
    if vocabularies["activity_statuses"] is not None:
        first = next(iter(lists["activity_statuses"]))
        special = [
            name
            for name in ("cancelled_activity_statuses", "postponed_activity_statuses")
            if first in roles.get(name, ())
        ]
        if special:
            ordinary = [
                code
                for code in lists["activity_statuses"]
                if not any(code in codes for codes in roles.values())
            ]
            example = f", zoals {ordinary[0]}" if ordinary else ""
            problems.append(
                f"netwerk: activity_statuses: de eerste status, '{first}', krijgt elke activiteit "
                f"zonder status, maar staat onder {special[0]}; zet een gewone status "
                f"bovenaan{example}"
            )
    headings = dict(defaults.DEFAULT_RESOURCE_KIND_HEADINGS)
    if "resource_kind_headings" in given and vocabularies["resource_kinds"] is not None:
        fallback: dict[str, str] = {}
        headings.update(
            checked(
                partial(_headings, given["resource_kind_headings"], lists["resource_kinds"]),
                fallback,
            )
        )
    shaped: dict[str, Any] = {**lists, **roles}
    settings = Settings(
        **shaped,
        resource_kind_headings={
            kind: heading for kind, heading in headings.items() if kind in lists["resource_kinds"]
        },
        own_lists=frozenset(name for name in VOCABULARIES if name in given),
        time_zone=time_zone,
        build_date=today,
    )

    featured: list[str] = []
    if vocabularies["memberships"] is not None:
        if "featured_memberships" in given:
            featured = checked(partial(_featured, given["featured_memberships"], settings), [])
        else:
            featured = [code for code in FEATURED_DEFAULT if code in settings.memberships]
    audiences: list[Audience] = []
    if vocabularies["sectors"] is not None:
        audiences = checked(partial(_audiences, option("audiences"), settings), [])
    utm = option("newsletter_utm")
    if not isinstance(utm, bool):
        problems.append(f"netwerk: newsletter_utm: '{utm}' moet true of false zijn")
    mailing = None
    if audiences or (isinstance(option("audiences"), list) and option("audiences")):
        # Checked too when an audience has problems: all problems at once.
        mailing = checked(
            partial(
                mailing_from,
                site_url=site_url,
                site_name=site_name,
                sender=_optional_text(option("newsletter_from")),
                unsubscribe_url=_optional_text(option("newsletter_unsubscribe_url")),
                unsubscribe_mailto=_optional_text(option("newsletter_unsubscribe_mailto")),
                utm=utm is True,
            ),
            None,
        )
    newsletters_dir = checked(
        partial(_text, "newsletters_dir", option("newsletters_dir"), "newsletters"), "newsletters"
    )
    horizon = checked(
        partial(_days, "newsletter_horizon_days", option("newsletter_horizon_days")), 0
    )
    past = checked(partial(_days, "calendar_past_days", option("calendar_past_days")), 0)
    static_types = checked(partial(_types, option("static_types")), tuple(DEFAULT_STATIC_TYPES))
    handbook = checked(partial(_flag, "handbook", option("handbook")), True)
    admin = checked(partial(admin_from, option("admin")), None)
    look = checked(partial(look_from, theme), Look())
    # The working group's overview (netwerk.workgroup) and what the network agreed.
    sends = bool(option("audiences"))
    agreed = partial(agreements_from, option("agreements"), settings, audiences=sends)
    agreements = checked(agreed, Agreements())
    overview = checked(partial(_flag, "overview", option("overview")), True)
    home_blocks = checked(partial(_home_blocks, option("home_blocks")), HOME_BLOCKS)
    suggest = checked(partial(_address, "kennisbank_suggest", option("kennisbank_suggest")), None)
    if mailing is not None:
        mailing = replace(mailing, look=look)
    if problems:
        raise SettingsError(problems)
    return Options(
        settings=settings,
        featured_memberships=tuple(str(membership) for membership in featured),
        newsletters_dir=newsletters_dir,
        audiences=audiences,
        mailing=mailing,
        newsletter_horizon_days=horizon,
        calendar_past_days=past,
        static_types=static_types,
        handbook=handbook,
        admin=admin,
        look=look,
        agreements=agreements,
        overview=overview,
        home_blocks=home_blocks,
        kennisbank_suggest=suggest,
    )


def _build_date(configured: str | date | None, time_zone: str) -> date:
    try:
        return build_date_from(configured, time_zone)
    except ValueError as error:
        raise ValueError(f"netwerk: {error}") from None


def _featured(value: object, settings: Settings) -> list[str]:
    if isinstance(value, str):
        if "," in value:
            raise ValueError(f"netwerk: featured_memberships: {list_hint(value)}")
        value = [value]
    if not isinstance(value, list):
        preferred = [code for code in FEATURED_DEFAULT if code in settings.memberships]
        example = next(iter([*preferred, *settings.memberships]), "uitgebreid")
        raise ValueError(f"netwerk: featured_memberships: schrijf een lijst, zoals [{example}]")
    if value and not settings.memberships:
        raise ValueError(
            "netwerk: featured_memberships: dit netwerk heeft geen lidmaatschappen "
            "(memberships); haal featured_memberships weg, of zet de lidmaatschappen onder "
            "memberships"
        )
    problems = [
        f"netwerk: featured_memberships: '{membership}' is geen lidmaatschap; "
        f"{did_you_mean(str(membership), settings.memberships)}"
        for membership in value
        if membership not in settings.memberships
    ]
    if problems:
        raise SettingsError(problems)
    return [str(membership) for membership in value]


def _audiences(value: object, settings: Settings) -> list[Audience]:
    if not isinstance(value, list):
        raise ValueError(
            "netwerk: audiences: schrijf een lijst, met per doelgroep een regel zoals "
            f"- {audience_example(settings)}"
        )
    try:
        return audiences_from(value, settings)
    except SettingsError as error:
        raise SettingsError(f"netwerk: {message}" for message in error.messages) from None
    except ValueError as error:
        raise ValueError(f"netwerk: {error}") from None


# --- site_url and site_name: MkDocs' own settings, content like any other ---------------------
# They land in every page (the canonical link, <title>, the header's aria-label), in feeds,
# calendars and emails; each writer escapes them, and the address is checked to be one.

SITE_URL_EXAMPLE = "https://www.example.nl/"
# An https address (http only on this computer, as `mkdocs serve` sets it) with a host and a
# path of plain URL characters: no quotes, spaces, <, > or backslashes that could end the
# attribute it is printed in, no query or fragment.
_SITE_URL = re.compile(
    r"^(https://[A-Za-z0-9.-]+|http://(127\.0\.0\.1|localhost|\[::1\]))(:[0-9]{1,5})?"
    r"(/[A-Za-z0-9._~%/-]*)?$"
)


def site_url_problem(site_url: str) -> bool:
    """Whether site_url is no address a page can print as it is (see _SITE_URL)."""
    return not _SITE_URL.match(site_url)


def _site_problems(site_url: str | None) -> list[str]:
    problems = []
    if site_url is not None and site_url_problem(site_url):
        shown = "".join(char if char.isprintable() else "?" for char in site_url)
        problems.append(
            f"site_url: '{shown}' is geen webadres van de site; schrijf het https-adres, zonder "
            f"spaties of aanhalingstekens, zoals site_url: {SITE_URL_EXAMPLE}"
        )
    return problems


def _unprintable(value: object) -> bool:
    """A line break or control character anywhere in the value: email headers, feeds and page
    titles cannot hold them."""
    if isinstance(value, str):
        return "\n" in value or "\r" in value or bool(INVISIBLE.search(value))
    if isinstance(value, dict):
        return any(_unprintable(key) or _unprintable(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_unprintable(item) for item in value)
    return False


def _vocabulary(name: str, value: object) -> dict[str, str]:
    vocabulary = EXTRAS.get(name, name)
    # The example is the network's own first entry where it wrote a good one.
    entries = value.items() if isinstance(value, dict) else ()
    own = [(code, label) for code, label in entries if _entry(code, label)]
    fallback = defaults.DEFAULT_MEMBERSHIPS if vocabulary == "memberships" else {}
    code, label = next(iter([*own, *VOCABULARIES[vocabulary].items(), *fallback.items()]))
    example = f"'{code}: {label}'"
    # No tiers is a shape of its own: `memberships: {}` says so as well as leaving it out.
    empty_allowed = vocabulary == "memberships" or name in EXTRAS
    if not isinstance(value, dict) or (not value and not empty_allowed):
        raise ValueError(
            f"netwerk: {name}: schrijf onder {name}: per regel 'code: Naam', zoals {example}"
        )
    problems = [
        f"netwerk: {name}: '{slug}: {label}' moet 'code: Naam' zijn, "
        "met een code van kleine letters, cijfers en streepjes, "
        f"zoals {example}"
        for slug, label in value.items()
        if not _entry(slug, label)
    ]
    if problems:
        raise SettingsError(problems)
    return dict(value)


def _entry(code: object, label: object) -> bool:
    return isinstance(code, str) and bool(SLUG.match(code)) and isinstance(label, str)


def _codes(name: str, value: object, example: str) -> list[str]:
    """A list of codes in the options: `[a, b]`, or one code without brackets."""
    if isinstance(value, str):
        if "," in value:
            raise ValueError(f"netwerk: {name}: {list_hint(value)}")
        value = [value]
    if not isinstance(value, list):
        raise ValueError(f"netwerk: {name}: schrijf een lijst, zoals [{example}]")
    return [str(code) for code in value]


def _role(name: str, value: object, vocabulary_name: str, vocabulary: dict[str, str]) -> list[str]:
    usual = [code for code in ROLES[name][1] if code in vocabulary]
    codes = _codes(name, value, next(iter([*usual, *vocabulary]), ""))
    noun = NOUNS[vocabulary_name]
    problems = [
        f"netwerk: {name}: '{code}' is geen {noun}; {did_you_mean(code, vocabulary)}"
        for code in codes
        if code not in vocabulary
    ]
    if problems:
        raise SettingsError(problems)
    return codes


def _role_overlaps(roles: Mapping[str, tuple[str, ...]]) -> list[str]:
    """A code has one meaning: a project that runs is not finished as well."""
    problems: list[str] = []
    names = list(roles)
    for index, name in enumerate(names):
        for other in names[index + 1 :]:
            if ROLES[name][0] != ROLES[other][0]:
                continue
            problems.extend(
                f"netwerk: {other}: '{code}' staat ook onder {name}; "
                "een code kan maar één van beide betekenen"
                for code in roles[other]
                if code in roles[name]
            )
    return problems


def _headings(value: object, kinds: dict[str, str]) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(kind, str) and isinstance(heading, str) for kind, heading in value.items()
    ):
        raise ValueError(
            "netwerk: resource_kind_headings: schrijf per regel 'code: Kop', "
            "zoals 'praktijkvoorbeeld: Praktijkvoorbeelden'"
        )
    problems = [
        f"netwerk: resource_kind_headings: '{kind}' is geen soort bron; {did_you_mean(kind, kinds)}"
        for kind in value
        if kind not in kinds
    ]
    if problems:
        raise SettingsError(problems)
    return dict(value)


def _sector_codes(sectors: dict[str, str]) -> dict[str, str]:
    """Sectors whose page (`/po/`) takes no address the site already has."""
    problems = [
        f"netwerk: sectors: '{code}' kan geen code van een werkveld zijn: elk werkveld krijgt "
        f"een pagina /{code}/, en dat adres is al {ROOT_ADDRESSES[code]}; kies een andere code"
        for code in sectors
        if code in ROOT_ADDRESSES
    ]
    if problems:
        raise SettingsError(problems)
    return sectors


def _text(name: str, value: object, example: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"netwerk: {name}: '{value}' is geen tekst; schrijf {name}: {example}")
    return value.strip()


def _optional_text(value: object) -> str | None:
    # mailing_from explains what belongs here; a number or a list is passed on as text.
    return None if value is None else str(value)


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"netwerk: {name}: '{value}' moet true of false zijn")
    return value


def _days(name: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(
            f"netwerk: {name}: '{value}' is geen aantal dagen; schrijf een getal, zoals 90"
        )
    return value


def _types(value: object) -> tuple[str, ...]:
    """File types as `.png`; `png` and `PNG` are read the same."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ValueError(
            "netwerk: static_types: schrijf een lijst met extensies, zoals [.png, .pdf]"
        )
    types = []
    for written in value:
        suffix = "." + str(written).lower().lstrip(".")
        if not _SUFFIX.match(suffix):
            raise ValueError(
                f"netwerk: static_types: '{written}' is geen bestandstype; schrijf een extensie, "
                "zoals .pdf"
            )
        types.append(suffix)
    return tuple(dict.fromkeys(types))


_SUFFIX = re.compile(r"^\.[a-z0-9]+$")


def _time_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"netwerk: time_zone: '{name}' is geen tijdzone; "
            f"{did_you_mean(name, available_timezones())}"
        ) from None
    return name


# --- The front door and the kennisbank: the home page's blocks (HOME_BLOCKS), the link to
# suggest a resource ---------------------------------------------------------------------------


def _home_blocks(value: object) -> tuple[str, ...]:
    if value is None:
        return HOME_BLOCKS
    if isinstance(value, str):
        value = [value]
    example = ", ".join(HOME_BLOCKS)
    if not isinstance(value, list) or not all(isinstance(block, str) for block in value):
        raise ValueError(f"netwerk: home_blocks: schrijf een lijst, zoals [{example}]")
    problems = [
        f"netwerk: home_blocks: '{block}' is geen blok van de homepagina; "
        f"{did_you_mean(block, HOME_BLOCKS)}"
        for block in value
        if block not in HOME_BLOCKS
    ]
    doubled = sorted({block for block in value if value.count(block) > 1})
    problems.extend(
        f"netwerk: home_blocks: '{block}' staat er meer dan één keer in; noem elk blok één keer"
        for block in doubled
    )
    if problems:
        raise SettingsError(problems)
    return tuple(value)


def _address(name: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip().startswith(
        ("https://", "http://", "mailto:")
    ):
        raise ValueError(
            f"netwerk: {name}: '{value}' is geen webadres of e-mailadres; schrijf het met "
            "https:// of mailto: ervoor, zoals mailto:redactie@ons-netwerk.nl"
        )
    return value.strip()
