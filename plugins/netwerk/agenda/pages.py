"""The agenda: school years, selections per sector, archive and programme, and JSON-LD.

Pure content model: no MkDocs here. The plugin turns `pages()` into generated pages and the
templates read the `AgendaPage` of the page they render as `agenda`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..core.models import Activity
from ..core.network import Network
from ..core.pages import GeneratedPage, PageView

if TYPE_CHECKING:
    from jinja2 import Environment

# Pages under /agenda/ that are not activities (netwerk.addresses keeps activities off them).
ARCHIVE = "archief"
PROGRAMME = "programma"
FEED = "kalender.ics"

_SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")


@dataclass(frozen=True, order=True)
class SchoolYear:
    """A school year runs from 1 August to 31 July; `SchoolYear(2025)` is 2025/2026."""

    start_year: int

    @classmethod
    def of(cls, day: date | datetime) -> SchoolYear:
        if isinstance(day, datetime):
            day = day.date()
        return cls(day.year if day.month >= 8 else day.year - 1)

    @classmethod
    def from_slug(cls, slug: str) -> SchoolYear:
        match = _SCHOOL_YEAR.match(slug)
        if not match or int(match.group(2)) != int(match.group(1)) + 1:
            raise ValueError(f"'{slug}' is geen schooljaar; schrijf het als 2025-2026")
        return cls(int(match.group(1)))

    @property
    def slug(self) -> str:
        """`2025-2026`, for URLs."""
        return f"{self.start_year}-{self.start_year + 1}"

    @property
    def label(self) -> str:
        """`2025/2026`, as readers write it."""
        return f"{self.start_year}/{self.start_year + 1}"

    @property
    def first_day(self) -> date:
        return date(self.start_year, 8, 1)

    @property
    def last_day(self) -> date:
        return date(self.start_year + 1, 7, 31)


def school_year(activity: Activity) -> SchoolYear:
    """The school year an activity belongs to, by its first day."""
    return SchoolYear.of(activity.starts)


def by_school_year(activities: Iterable[Activity]) -> dict[SchoolYear, list[Activity]]:
    """Activities per school year, the years in order, each keeping the activities' order."""
    years: dict[SchoolYear, list[Activity]] = {}
    for activity in activities:
        years.setdefault(school_year(activity), []).append(activity)
    return dict(sorted(years.items()))


def for_sector(network: Network, sector: str, activities: Iterable[Activity]) -> list[Activity]:
    """The activities among these that are meant for a sector, in the given order."""
    slugs = {activity.slug for activity in network.activities_by_sector.get(sector, [])}
    return [activity for activity in activities if activity.slug in slugs]


def in_feed(network: Network, past_days: int) -> list[Activity]:
    """What a subscribed calendar gets: upcoming activities and those of the last `past_days`.

    Recent ones stay so they do not vanish from calendars the day after; cancelled ones stay
    too, so calendars learn they are cancelled.
    """
    since = network.today - timedelta(days=past_days)
    return [a for a in network.activities.values() if a.last_day >= since]


def archive(network: Network) -> dict[SchoolYear, list[Activity]]:
    """Past activities per school year, the most recent year first, each year in date order."""
    past = [a for a in network.activities.values() if a.last_day < network.today]
    return dict(reversed(by_school_year(past).items()))


# --- Pages ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaPage:
    """One page of the agenda and the data its template shows."""

    uri: str
    title: str
    template: str
    activities: list[Activity] = field(default_factory=list)
    sector: str | None = None
    year: SchoolYear | None = None
    feed: str | None = None
    """Path of the page's subscribable calendar, from the site root."""
    description: str = ""
    """For search engines and link previews."""
    generated: bool = True
    """False for the overview, which is in the site's menu."""
    by_year: dict[SchoolYear, list[Activity]] = field(default_factory=dict)
    """The archive's activities per school year, the most recent first."""
    archive_years: tuple[SchoolYear, ...] = ()
    """School years with past activities, the most recent first."""
    programme_years: tuple[SchoolYear, ...] = ()
    """School years with a programme, the most recent first."""


@dataclass(frozen=True)
class AgendaView(PageView):
    """The templates of the agenda read their page as `agenda`."""

    agenda: AgendaPage


def feed_path(sector: str | None = None) -> str:
    return f"agenda/{sector}/{FEED}" if sector else f"agenda/{FEED}"


def activity_calendar_path(activity: Activity) -> str:
    return f"agenda/{activity.slug}/{activity.slug}.ics"


def pages(network: Network, *, complete: bool = False) -> list[GeneratedPage]:
    """The agenda's pages; each template reads its AgendaPage as `agenda`. `complete`: also
    the archive without past activities (for netwerk.addresses)."""
    return [
        GeneratedPage(
            uri=agenda.uri,
            template=agenda.template,
            title=agenda.title,
            description=agenda.description,
            view=AgendaView(agenda),
            in_nav=not agenda.generated,
        )
        for agenda in views(network)
        if complete or agenda.uri != f"agenda/{ARCHIVE}/index.md" or agenda.activities
    ]


def views(network: Network) -> list[AgendaPage]:
    """The overview, a page per sector, the archive per school year and the programmes."""
    upcoming = network.upcoming()
    past = archive(network)
    programmes = dict(reversed(by_school_year(network.activities.values()).items()))
    result = [
        AgendaPage(
            "agenda/index.md",
            "Agenda",
            "netwerk/agenda.html",
            upcoming,
            feed=feed_path(),
            description="De komende activiteiten van het netwerk, per maand, met een agenda "
            "om in je eigen kalender te zetten.",
            generated=False,
        )
    ]
    # A network of one sector has no page per sector: it would repeat the agenda.
    sectors = {} if network.settings.one_sector else network.settings.sectors
    for sector, label in sectors.items():
        lower = f"{label[:1].lower()}{label[1:]}"
        result.append(
            AgendaPage(
                f"agenda/{sector}/index.md",
                f"Agenda {lower}",
                "netwerk/agenda-sector.html",
                for_sector(network, sector, upcoming),
                sector=sector,
                feed=feed_path(sector),
                description=f"De komende activiteiten van het netwerk voor {lower}.",
            )
        )
    result.append(
        AgendaPage(
            f"agenda/{ARCHIVE}/index.md",
            "Archief van de agenda",
            "netwerk/agenda-archief.html",
            [activity for activities in past.values() for activity in activities],
            by_year=past,
            description="Eerdere activiteiten van het netwerk, per schooljaar.",
        )
    )
    for year, activities in past.items():
        result.append(
            AgendaPage(
                f"agenda/{ARCHIVE}/{year.slug}/index.md",
                f"Activiteiten schooljaar {year.label}",
                "netwerk/agenda-archief-jaar.html",
                activities,
                year=year,
                description=f"De activiteiten van het netwerk in schooljaar {year.label} "
                "die al geweest zijn.",
            )
        )
    for year, activities in programmes.items():
        result.append(
            AgendaPage(
                f"agenda/{PROGRAMME}/{year.slug}/index.md",
                f"Programma schooljaar {year.label}",
                "netwerk/agenda-programma.html",
                activities,
                year=year,
                description=f"Het programma van schooljaar {year.label}: alle activiteiten "
                "en de werkvelden waarvoor ze zijn.",
            )
        )
    archive_years, programme_years = tuple(past), tuple(programmes)
    return [
        replace(page, archive_years=archive_years, programme_years=programme_years)
        for page in result
    ]


# --- Texts shared by pages and calendars ---------------------------------------------------


def still_to_come(activity: Activity, network: Network) -> bool:
    """Whether the activity is still ahead and goes ahead: only then is anything told that is
    still to follow (a venue, a link) or to do (put it in your agenda)."""
    return activity.last_day >= network.today and not network.cancelled(activity)


def location_text(activity: Activity, network: Network) -> str:
    """`De Bibliotheek, Stationsplein 1, Plaatsnaam`, `Online`, or what is still to follow:
    `Locatie volgt`, `Online (link volgt)`; of an activity that is past or cancelled only what
    is known, or nothing."""
    place = activity.place
    if place is not None:
        return f"{place.name}, {place.address}" if place.address else place.name
    if still_to_come(activity, network):
        return activity.where
    return "Online" if activity.online else ""


# --- schema.org Event -----------------------------------------------------------------------


def event_json_ld(
    activity: Activity, network: Network, *, site_name: str, site_url: str | None
) -> dict[str, Any]:
    """schema.org `Event` of an activity, as a JSON-LD object."""
    page_url = absolute_url(site_url, activity.page_url) if site_url else None
    locations: list[dict[str, Any]] = []
    if activity.place is not None:
        place: dict[str, Any] = {"@type": "Place", "name": activity.place.name}
        if activity.place.address:
            place["address"] = activity.place.address
        locations.append(place)
    elif activity.venue_follows and still_to_come(activity, network):
        locations.append({"@type": "Place", "name": "Locatie volgt"})
    if activity.online:
        virtual: dict[str, Any] = {"@type": "VirtualLocation"}
        if activity.online_link:
            virtual["url"] = activity.online_link
        elif still_to_come(activity, network):
            # The link follows on the activity's page.
            virtual["name"] = "Link volgt"
            if page_url:
                virtual["url"] = page_url
        locations.append(virtual)
    if not activity.online:
        mode = "OfflineEventAttendanceMode"
    elif activity.place is None and not activity.venue_follows:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "MixedEventAttendanceMode"

    if network.cancelled(activity):
        status = "EventCancelled"
    elif network.postponed(activity):
        # The content's date is the new one ("verplaatst naar 11 maart"): rescheduled, not
        # postponed to a date still unknown.
        status = "EventRescheduled"
    else:
        status = "EventScheduled"
    organizer: dict[str, Any] = {"@type": "Organization", "name": site_name}
    event: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activity.title,
        "startDate": activity.starts.isoformat(),
        "endDate": activity.ends.isoformat(),
        "eventStatus": f"https://schema.org/{status}",
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": organizer,
    }
    if activity.summary:
        event["description"] = activity.summary
    if site_url:
        organizer["url"] = site_url
        event["url"] = page_url
    if activity.registration_url and not network.cancelled(activity):
        available = "SoldOut" if network.full(activity) else "InStock"
        event["offers"] = {
            "@type": "Offer",
            "url": activity.registration_url,
            "availability": f"https://schema.org/{available}",
        }
    return event


def absolute_url(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def webcal_url(site_url: str | None, path: str) -> str | None:
    """`webcal://host/agenda/kalender.ics`: calendar apps subscribe instead of importing once."""
    if not site_url:
        return None
    parts = urlsplit(absolute_url(site_url, path))
    return f"webcal://{parts.netloc}{parts.path}"


def register(env: Environment, network: Network, *, site_name: str, site_url: str | None) -> None:
    """Filters the agenda templates use."""
    env.filters["event_json_ld"] = lambda activity: event_json_ld(
        activity, network, site_name=site_name, site_url=site_url
    )
    env.filters["webcal"] = lambda path: webcal_url(site_url, path)
    env.filters["location_text"] = lambda activity: location_text(activity, network)
    env.filters["still_to_come"] = lambda activity: still_to_come(activity, network)
    env.filters["calendar_path"] = activity_calendar_path
