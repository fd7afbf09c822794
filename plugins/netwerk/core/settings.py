"""Network-wide settings: the vocabularies (slug → Dutch label), their roles and the clock.

The MkDocs plugin fills these from `mkdocs.yml`; the defaults below fit a Dutch
talent-development network and are what another network adapts without code. A vocabulary's
codes are the network's own; what a code means to the generator (a project that runs, an
activity that is cancelled, news that is a call) is a role, which lists codes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

BUILD_DATE_VARIABLE = "NETWERK_BUILD_DATE"

DEFAULT_SECTORS = {
    "vve": "Voor- en vroegschoolse educatie",
    "po": "Primair onderwijs",
    "vo": "Voortgezet onderwijs",
    "mbo": "Middelbaar beroepsonderwijs",
    "ho": "Hoger onderwijs (hbo en wo)",
}
# Not a default of the option: a network without `memberships` has no tiers. `netwerk nieuw`
# lists the field with these (cli._item_fields).
DEFAULT_MEMBERSHIPS = {
    "basis": "Basislidmaatschap",
    "uitgebreid": "Uitgebreid lidmaatschap",
    "convenant": "Convenantpartner",
}
DEFAULT_PROJECT_STATUSES = {
    "nieuw": "Nieuw",
    "lopend": "In uitvoering",
    "subsidie-toegekend": "Subsidie toegekend",
    "afgerond": "Afgerond",
}
DEFAULT_ACTIVITY_KINDS = {
    "netwerkbijeenkomst": "Netwerkbijeenkomst",
    "themabijeenkomst": "Themabijeenkomst",
    "conferentie": "Conferentie",
    "training": "Training",
    "onderwijscafe": "Onderwijscafé",
    "lezing": "Lezing",
    "leergemeenschap": "Leergemeenschap",
}
DEFAULT_ACTIVITY_STATUSES = {
    "gepland": "Gepland",
    "vol": "Vol",
    "verplaatst": "Verplaatst",
    "geannuleerd": "Geannuleerd",
}
DEFAULT_NEWS_KINDS = {
    "nieuws": "Nieuws",
    "interview": "Interview",
    "video": "Video",
    "goed-voorbeeld": "Goed voorbeeld",
    "oproep": "Oproep",
    "aankondiging": "Aankondiging",
}
DEFAULT_RESOURCE_KINDS = {
    "onderzoek": "Onderzoek",
    "praktijkvoorbeeld": "Praktijkvoorbeeld",
    "tool": "Tool of handvat",
}

# Headings for resources grouped by kind (a theme's page, the kennisbank): plural where the
# kind's name is singular. A kind without a heading is headed by its name.
DEFAULT_RESOURCE_KIND_HEADINGS = {
    "onderzoek": "Onderzoek",
    "praktijkvoorbeeld": "Praktijkvoorbeelden",
    "tool": "Tools en handvatten",
}

# The roles: option name → (the vocabulary its codes come from, the default codes).
ROLES: dict[str, tuple[str, tuple[str, ...]]] = {
    # Listed as "Lopende projecten" in newsletters.
    "running_project_statuses": ("project_statuses", ("nieuw", "lopend", "subsidie-toegekend")),
    # Finished: the project's page says so.
    "finished_project_statuses": ("project_statuses", ("afgerond",)),
    # Not going ahead: STATUS:CANCELLED, no registration, left out of the home page and counts.
    "cancelled_activity_statuses": ("activity_statuses", ("geannuleerd",)),
    # Full: no registration.
    "full_activity_statuses": ("activity_statuses", ("vol",)),
    # Moved to the date the content gives.
    "postponed_activity_statuses": ("activity_statuses", ("verplaatst",)),
    # Open calls, "Nieuwe kansen" in newsletters.
    "call_news_kinds": ("news_kinds", ("oproep",)),
}


@dataclass(frozen=True)
class Settings:
    sectors: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_SECTORS))
    memberships: dict[str, str] = field(default_factory=dict)
    """Empty when the network has no membership tiers."""
    project_statuses: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PROJECT_STATUSES))
    activity_kinds: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_ACTIVITY_KINDS))
    activity_statuses: dict[str, str] = field(
        default_factory=lambda: dict(DEFAULT_ACTIVITY_STATUSES)
    )
    news_kinds: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_NEWS_KINDS))
    resource_kinds: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_RESOURCE_KINDS))
    resource_kind_headings: dict[str, str] = field(
        default_factory=lambda: dict(DEFAULT_RESOURCE_KIND_HEADINGS)
    )
    running_project_statuses: tuple[str, ...] = ROLES["running_project_statuses"][1]
    finished_project_statuses: tuple[str, ...] = ROLES["finished_project_statuses"][1]
    cancelled_activity_statuses: tuple[str, ...] = ROLES["cancelled_activity_statuses"][1]
    full_activity_statuses: tuple[str, ...] = ROLES["full_activity_statuses"][1]
    postponed_activity_statuses: tuple[str, ...] = ROLES["postponed_activity_statuses"][1]
    call_news_kinds: tuple[str, ...] = ROLES["call_news_kinds"][1]
    own_lists: frozenset[str] = frozenset()
    """The vocabularies the network lists itself in mkdocs.yml, replacing the defaults."""
    time_zone: str = "Europe/Amsterdam"
    build_date: date = field(default_factory=date.today)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def vocabulary(self, name: str) -> dict[str, str]:
        vocabulary: dict[str, str] = getattr(self, name)
        return vocabulary

    @property
    def one_sector(self) -> bool:
        """A network of one sector: no per-sector pages, filters or labels."""
        return len(self.sectors) == 1

    @property
    def tiers(self) -> bool:
        """Whether partners have a membership worth showing: more than one to tell apart."""
        return len(self.memberships) > 1

    @property
    def default_activity_status(self) -> str:
        """The status of an activity that gives none: the first of activity_statuses."""
        return next(iter(self.activity_statuses))

    def resource_kind_heading(self, kind: str) -> str:
        return self.resource_kind_headings.get(kind) or self.resource_kinds.get(kind, kind)


def build_date_from(configured: str | date | None, time_zone: str) -> date:
    """The date that decides upcoming versus past: environment, then config, then today."""
    value = os.environ.get(BUILD_DATE_VARIABLE) or configured
    if isinstance(value, date):
        return value
    if value:
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(
                f"build_date: '{value}' is geen datum; schrijf jjjj-mm-dd, bijvoorbeeld 2026-03-12"
            ) from None
    return datetime.now(ZoneInfo(time_zone)).date()
