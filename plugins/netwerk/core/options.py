"""The options of the `netwerk` plugin in mkdocs.yml: their defaults and their checks.

MkDocs only passes the options on (netwerk.config); they are checked here, in Dutch, so that a
build and `netwerk controleer`, which reads mkdocs.yml without MkDocs, say the same. Pure
Python: no MkDocs imports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from ..newsletters.selection import Audience, Mailing, audiences_from, mailing_from
from . import settings as defaults
from .loader import SLUG
from .problems import did_you_mean
from .settings import Settings, build_date_from

# Vocabularies: slug (written in front matter) → label (shown to readers).
VOCABULARIES = {
    "sectors": defaults.DEFAULT_SECTORS,
    "memberships": defaults.DEFAULT_MEMBERSHIPS,
    "project_statuses": defaults.DEFAULT_PROJECT_STATUSES,
    "activity_kinds": defaults.DEFAULT_ACTIVITY_KINDS,
    "activity_statuses": defaults.DEFAULT_ACTIVITY_STATUSES,
    "news_kinds": defaults.DEFAULT_NEWS_KINDS,
    "resource_kinds": defaults.DEFAULT_RESOURCE_KINDS,
}
# Every other option, with its default.
DEFAULTS: dict[str, Any] = {
    # Memberships whose partners' activities and news the home page features.
    "featured_memberships": ["uitgebreid"],
    # Local time of every date and time in the content.
    "time_zone": "Europe/Amsterdam",
    # Fixes "today" (`2026-11-23`) for reproducible builds; NETWERK_BUILD_DATE overrides it.
    "build_date": None,
    # Folder of the editions, next to mkdocs.yml: `newsletters/2026-03.md`.
    "newsletters_dir": "newsletters",
    # Who gets a newsletter: `[{slug: vo-ho, name: "VO, MBO en HO", sectors: [vo, mbo, ho]}]`,
    # optionally with `subscribe_url` (https:// or mailto:) for the sign-up link.
    "audiences": [],
    # Sender of the emails: `De Leidse Aanpak <nieuwsbrief@leidse-aanpak.example>`.
    "newsletter_from": None,
    # https address of the mailing tool's unsubscribe page; `{audience}` becomes the slug.
    "newsletter_unsubscribe_url": None,
    # `mailto:afmelden@example.nl?subject=afmelden%20{audience}` for List-Unsubscribe.
    "newsletter_unsubscribe_mailto": None,
    # true adds utm_source, utm_medium and utm_campaign (edition and audience) to site links.
    "newsletter_utm": False,
    # Activities up to this many days after the edition's date; the first edition's news
    # looks back as far.
    "newsletter_horizon_days": 90,
    # How many days past activities stay in the subscribable calendars.
    "calendar_past_days": 90,
    # false leaves out the editors' handbook under /handleiding/ (netwerk.editing.handbook).
    "handbook": True,
}
NAMES = (*VOCABULARIES, *DEFAULTS)


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
    handbook: bool = True
    """Whether the site has the editors' handbook under /handleiding/."""


def options_from(raw: Mapping[str, Any], *, site_url: str | None, site_name: str) -> Options:
    """The checked options; a ValueError whose Dutch message starts with the option's place,
    such as `netwerk: sectors: ...` (or `site_url: ...`, which newsletters need)."""
    for name in raw:
        if name not in NAMES:
            raise ValueError(
                f"netwerk: {name}: deze instelling bestaat niet; {did_you_mean(str(name), NAMES)}"
            )
    given = {name: value for name, value in raw.items() if value is not None}

    def option(name: str) -> Any:
        return given.get(name, DEFAULTS[name])

    vocabularies = {
        name: _vocabulary(name, given.get(name, default)) for name, default in VOCABULARIES.items()
    }
    time_zone = _text("time_zone", option("time_zone"), "Europe/Amsterdam")
    _check_time_zone(time_zone)
    build_date = option("build_date")
    if build_date is not None and not isinstance(build_date, date):
        build_date = str(build_date)
    try:
        today = build_date_from(build_date, time_zone)
    except ValueError as error:
        raise ValueError(f"netwerk: {error}") from None
    settings = Settings(**vocabularies, time_zone=time_zone, build_date=today)

    featured = option("featured_memberships")
    if isinstance(featured, str):
        featured = [featured]
    if not isinstance(featured, list):
        raise ValueError("netwerk: featured_memberships: schrijf een lijst, zoals [uitgebreid]")
    for membership in featured:
        if membership not in settings.memberships:
            raise ValueError(
                f"netwerk: featured_memberships: '{membership}' is geen lidmaatschap; "
                f"{did_you_mean(str(membership), settings.memberships)}"
            )

    audiences_given = option("audiences")
    if not isinstance(audiences_given, list):
        raise ValueError(
            "netwerk: audiences: schrijf een lijst, met per doelgroep een regel zoals "
            "- {slug: po, name: Primair onderwijs, sectors: [po]}"
        )
    try:
        audiences = audiences_from(audiences_given, settings)
    except ValueError as error:
        raise ValueError(f"netwerk: {error}") from None
    utm = option("newsletter_utm")
    if not isinstance(utm, bool):
        raise ValueError(f"netwerk: newsletter_utm: '{utm}' moet true of false zijn")
    mailing = None
    if audiences:
        mailing = mailing_from(
            site_url=site_url,
            site_name=site_name,
            sender=_optional_text(option("newsletter_from")),
            unsubscribe_url=_optional_text(option("newsletter_unsubscribe_url")),
            unsubscribe_mailto=_optional_text(option("newsletter_unsubscribe_mailto")),
            utm=utm,
        )
    return Options(
        settings=settings,
        featured_memberships=tuple(str(membership) for membership in featured),
        newsletters_dir=_text("newsletters_dir", option("newsletters_dir"), "newsletters"),
        audiences=audiences,
        mailing=mailing,
        newsletter_horizon_days=_days("newsletter_horizon_days", option("newsletter_horizon_days")),
        calendar_past_days=_days("calendar_past_days", option("calendar_past_days")),
        handbook=_flag("handbook", option("handbook")),
    )


def _vocabulary(name: str, value: object) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise ValueError(
            f"netwerk: {name}: schrijf onder {name}: per regel 'code: Naam', "
            "zoals 'po: Primair onderwijs'"
        )
    for slug, label in value.items():
        if not isinstance(slug, str) or not SLUG.match(slug) or not isinstance(label, str):
            raise ValueError(
                f"netwerk: {name}: '{slug}: {label}' moet 'code: Naam' zijn, "
                "met een code van kleine letters, cijfers en streepjes, "
                "zoals 'po: Primair onderwijs'"
            )
    return dict(value)


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


def _check_time_zone(name: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"netwerk: time_zone: '{name}' is geen tijdzone; "
            f"{did_you_mean(name, available_timezones())}"
        ) from None
