"""Newsletters: what each audience's letter holds, selected from the network.

The news of its sectors since the previous edition, its activities until the horizon, its
running projects and the open calls ("oproep" news) as "nieuwe kansen". Pure Python.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..core.audiences import Audience
from ..core.editions import Edition, resolve
from ..core.models import (
    Activity,
    Item,
    NewsItem,
    Project,
)
from ..core.network import Network

# News of this kind is an open call: listed as "nieuwe kansen", not among the news.
CALL_KIND = "oproep"
# A project with this status is no longer running.
DONE_STATUS = "afgerond"


@dataclass(frozen=True)
class Newsletter:
    """One edition for one audience, with everything selected for it."""

    edition: Edition
    audience: Audience
    previous: Edition | None
    since: date
    until: date
    highlights: list[Item] = field(default_factory=list)
    news: list[NewsItem] = field(default_factory=list)
    calls: list[NewsItem] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The web version, relative to the site root."""
        return f"nieuwsbrief/{self.audience.slug}/{self.edition.slug}/"

    @property
    def intro(self) -> str:
        return self.edition.intro(self.audience)

    @property
    def has_news(self) -> bool:
        return bool(self.highlights or self.news or self.calls or self.activities)


def select(
    network: Network,
    editions: Sequence[Edition],
    audiences: Sequence[Audience],
    *,
    horizon_days: int,
) -> list[Newsletter]:
    """Every audience's newsletters, per audience oldest first.

    News counts from the day after the previous edition up to the edition's date (the first
    edition looks back horizon_days); activities run from the edition's date to horizon_days
    after it. The edition's date, not the build date, decides: an archived newsletter keeps
    showing what it showed when it was sent.
    """
    letters: list[Newsletter] = []
    horizon = timedelta(days=horizon_days)
    for audience in audiences:
        # Each audience's items sorted once; an edition takes its period by bisection.
        news_of_audience = sorted(
            _of_sectors(network.news_by_sector, audience.sectors),
            key=lambda item: (item.date, item.slug),
        )
        news_days = [item.date for item in news_of_audience]
        activities_of_audience = sorted(
            _of_sectors(network.activities_by_sector, audience.sectors),
            key=lambda activity: (activity.first_day, activity.slug),
        )
        starts = [activity.first_day for activity in activities_of_audience]
        longest = max(
            (
                activity.last_day - start
                for activity, start in zip(activities_of_audience, starts, strict=True)
            ),
            default=timedelta(0),
        )
        projects_of_audience = sorted(
            _of_sectors(network.projects_by_sector, audience.sectors),
            key=lambda project: (project.code or "~", project.title),
        )
        previous: Edition | None = None
        for edition in editions:
            if not edition.for_audience(audience):
                continue
            day = edition.date
            since = previous.date + timedelta(days=1) if previous else day - horizon
            until = day + horizon
            highlights = [resolve(network, reference) for reference in edition.highlights]
            shown = {(item.folder, item.slug) for item in highlights}
            in_period = news_of_audience[
                bisect_left(news_days, since) : bisect_right(news_days, day)
            ]
            news = [item for item in reversed(in_period) if ("nieuws", item.slug) not in shown]
            # Activities still running on the day began at most `longest` before it.
            candidates = activities_of_audience[
                bisect_left(starts, day - longest) : bisect_right(starts, until)
            ]
            activities = [
                activity
                for activity in candidates
                if activity.last_day >= day and ("agenda", activity.slug) not in shown
            ]
            projects = [
                project
                for project in projects_of_audience
                if project.status != DONE_STATUS
                and (project.start is None or project.start <= day)
                and (project.end is None or project.end >= day)
                and ("projecten", project.slug) not in shown
            ]
            letters.append(
                Newsletter(
                    edition=edition,
                    audience=audience,
                    previous=previous,
                    since=since,
                    until=until,
                    highlights=highlights,
                    news=[item for item in news if item.kind != CALL_KIND],
                    calls=[item for item in news if item.kind == CALL_KIND],
                    activities=activities,
                    projects=projects,
                )
            )
            previous = edition
    return letters


def _of_sectors(index: dict[str, list[Any]], sectors: Iterable[str]) -> list[Any]:
    """The items of any of these sectors, each once."""
    found: dict[str, Any] = {}
    for sector in sectors:
        for item in index.get(sector, []):
            found.setdefault(item.slug, item)
    return list(found.values())
