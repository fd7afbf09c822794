"""Network-wide settings: the vocabularies (slug → Dutch label) and the build's clock.

The MkDocs plugin fills these from `mkdocs.yml`; the defaults below fit a Dutch
talent-development network and are what another network adapts without code.
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


@dataclass(frozen=True)
class Settings:
    sectors: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_SECTORS))
    memberships: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_MEMBERSHIPS))
    project_statuses: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PROJECT_STATUSES))
    activity_kinds: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_ACTIVITY_KINDS))
    activity_statuses: dict[str, str] = field(
        default_factory=lambda: dict(DEFAULT_ACTIVITY_STATUSES)
    )
    news_kinds: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_NEWS_KINDS))
    resource_kinds: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_RESOURCE_KINDS))
    time_zone: str = "Europe/Amsterdam"
    build_date: date = field(default_factory=date.today)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def vocabulary(self, name: str) -> dict[str, str]:
        vocabulary: dict[str, str] = getattr(self, name)
        return vocabulary


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
