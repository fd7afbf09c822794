"""The published network: items by slug and every relation indexed once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from .models import (
    Activity,
    Item,
    NewsItem,
    Organisation,
    PageMeta,
    Partner,
    Project,
    Resource,
    Theme,
)
from .settings import Settings

T = TypeVar("T", bound=Item)


def index_by(items: Iterable[T], keys: Callable[[T], Iterable[str | None]]) -> dict[str, list[T]]:
    """Group items under each key they name, keeping the items' order."""
    index: dict[str, list[T]] = defaultdict(list)
    for item in items:
        for key in dict.fromkeys(keys(item)):
            if key is not None:
                index[key].append(item)
    return dict(index)


def _sort_key(moment: date | datetime) -> tuple[date, str]:
    """Sort all-day activities before timed ones on the same day."""
    if isinstance(moment, datetime):
        return moment.date(), moment.strftime("%H:%M")
    return moment, ""


@dataclass
class Network:
    settings: Settings
    partners: dict[str, Partner]
    themes: dict[str, Theme]
    projects: dict[str, Project]
    activities: dict[str, Activity]
    news: dict[str, NewsItem]
    resources: dict[str, Resource]
    organisation: Organisation = field(default_factory=Organisation)
    pages: dict[str, PageMeta] = field(default_factory=dict)
    """Front matter of plain pages, by path under content/."""
    files: frozenset[str] = frozenset()
    """Every file under content/ that passed the checks (netwerk.files): MkDocs publishes no
    other."""

    def __post_init__(self) -> None:
        self.themes = dict(sorted(self.themes.items(), key=lambda kv: (kv[1].order, kv[1].title)))
        self.partners = dict(sorted(self.partners.items(), key=lambda kv: kv[1].name.casefold()))
        self.projects = dict(
            sorted(self.projects.items(), key=lambda kv: (kv[1].code or "~", kv[1].title))
        )
        self.activities = dict(
            sorted(self.activities.items(), key=lambda kv: (_sort_key(kv[1].starts), kv[0]))
        )
        self.news = dict(
            sorted(self.news.items(), key=lambda kv: (kv[1].date, kv[0]), reverse=True)
        )
        self.resources = dict(sorted(self.resources.items(), key=lambda kv: kv[1].title.casefold()))

        partners, projects = self.partners.values(), self.projects.values()
        activities, news = self.activities.values(), self.news.values()
        resources = self.resources.values()
        self.partners_by_sector = index_by(partners, lambda p: p.sectors)
        self.partners_by_membership = index_by(partners, lambda p: [p.membership])
        self.partners_by_theme = index_by(partners, lambda p: p.themes)
        self.projects_by_theme = index_by(projects, lambda p: [p.theme])
        self.projects_by_partner = index_by(projects, lambda p: p.partners)
        self.projects_by_sector = index_by(projects, lambda p: p.sectors)
        self.activities_by_partner = index_by(activities, lambda a: a.partners)
        self.activities_by_theme = index_by(
            activities,
            lambda a: [
                a.theme,
                self.projects[a.project].theme if a.project in self.projects else None,
            ],
        )
        self.activities_by_project = index_by(activities, lambda a: [a.project])
        self.activities_by_sector = index_by(activities, lambda a: a.sectors)
        self.news_by_partner = index_by(news, lambda n: n.partners)
        self.news_by_theme = index_by(news, lambda n: n.themes)
        self.news_by_project = index_by(news, lambda n: [n.project])
        self.news_by_sector = index_by(news, lambda n: n.sectors)
        self.resources_by_theme = index_by(resources, lambda r: r.themes)
        self.resources_by_kind = index_by(resources, lambda r: [r.kind])

    @property
    def today(self) -> date:
        return self.settings.build_date

    def items(self) -> Iterable[Item]:
        for collection in (
            self.partners,
            self.themes,
            self.projects,
            self.activities,
            self.news,
            self.resources,
        ):
            yield from collection.values()

    def upcoming(self, activities: Iterable[Activity] | None = None) -> list[Activity]:
        """Activities that have not ended before the build date, soonest first."""
        pool = self.activities.values() if activities is None else activities
        return [a for a in pool if a.last_day >= self.today]

    def past(self, activities: Iterable[Activity] | None = None) -> list[Activity]:
        """Activities that ended before the build date, most recent first."""
        pool = self.activities.values() if activities is None else activities
        return [a for a in reversed(list(pool)) if a.last_day < self.today]

    def partner_list(self, slugs: Iterable[str]) -> list[Partner]:
        """The published partners among these slugs (drafts drop out)."""
        return [self.partners[slug] for slug in slugs if slug in self.partners]

    def theme_list(self, slugs: Iterable[str]) -> list[Theme]:
        """The published themes among these slugs (drafts drop out)."""
        return [self.themes[slug] for slug in slugs if slug in self.themes]
