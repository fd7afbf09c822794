"""iCalendar (RFC 5545) files of the agenda, made with the icalendar library.

Every activity gets its own `.ics`; the agenda and each sector get a subscribable feed. The
output depends only on the content and the build date: UIDs come from the slug and the site's
domain, DTSTAMP from the build date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

from icalendar import STATUS, Calendar, Event, Timezone

from . import agenda
from .models import Activity
from .network import Network

PRODID = "-//Netwerksite//Agenda//NL"
# How often subscribed calendars should look for changes; the site is rebuilt nightly.
REFRESH = timedelta(hours=12)
REFRESH_TEXT = "PT12H"
# For UIDs when mkdocs.yml has no site_url.
FALLBACK_DOMAIN = "netwerksite.invalid"

_STATUS = {"geannuleerd": STATUS.CANCELLED}


@dataclass(frozen=True)
class Site:
    """What the calendars need to know about the site besides the network."""

    name: str
    url: str | None = None

    @property
    def domain(self) -> str:
        host = urlsplit(self.url).hostname if self.url else None
        return host or FALLBACK_DOMAIN

    def absolute(self, path: str) -> str | None:
        return agenda.absolute_url(self.url, path) if self.url else None


def uid(activity: Activity, site: Site) -> str:
    """Stable across builds, unique across sites: `slug@domain`."""
    return f"{activity.slug}@{site.domain}"


def summary(activity: Activity) -> str:
    # Not every calendar app shows STATUS:CANCELLED; the title says it too.
    return f"Geannuleerd: {activity.title}" if activity.status == "geannuleerd" else activity.title


def event(activity: Activity, network: Network, site: Site) -> Event:
    settings = network.settings
    start, end = activity.starts, activity.ends
    if isinstance(start, datetime):
        # Without an end the activity takes no time: DTEND equal to DTSTART.
        dtstart: date | datetime = start
        dtend: date | datetime = end
    else:
        # All day: DATE values and an exclusive end, the day after the last day.
        dtstart, dtend = start, activity.last_day + timedelta(days=1)
    url = site.absolute(activity.page_url)
    lines = [activity.summary or ""]
    if activity.status in ("vol", "verplaatst"):
        lines.append(settings.activity_statuses.get(activity.status, activity.status) + ".")
    if activity.online_url:
        lines.append(f"Online: {activity.online_url}")
    if activity.registration_url and activity.status not in ("vol", "geannuleerd"):
        lines.append(f"Aanmelden: {activity.registration_url}")
    if url:
        lines.append(f"Meer informatie: {url}")
    return Event.new(
        uid=uid(activity, site),
        stamp=stamp(network),
        start=dtstart,
        end=dtend,
        summary=summary(activity),
        description="\n\n".join(line for line in lines if line),
        location=agenda.location_text(activity),
        status=_STATUS.get(activity.status, STATUS.CONFIRMED),
        categories=[settings.activity_kinds.get(activity.kind, activity.kind)],
        url=url,
    )


def stamp(network: Network) -> datetime:
    """DTSTAMP: midnight UTC of the build date, so a rebuild writes the same bytes."""
    return datetime.combine(network.today, time(), tzinfo=UTC)


def calendar(
    activities: Iterable[Activity],
    network: Network,
    site: Site,
    *,
    name: str,
    key: str,
    description: str | None = None,
) -> bytes:
    """One VCALENDAR with a VTIMEZONE for the network's time zone and an event per activity."""
    chosen = list(activities)
    days = [agenda.first_day(a) for a in chosen] + [a.last_day for a in chosen]
    days = days or [network.today]
    cal = Calendar.new(
        prodid=PRODID,
        uid=f"{key}@{site.domain}",
        name=name,
        description=description,
        url=site.absolute("agenda/"),
        refresh_interval=REFRESH,
        method="PUBLISH",
        calscale="GREGORIAN",
    )
    # RFC 7986 requires VALUE=DURATION here; icalendar leaves it out.
    cal["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
    # Older clients (Outlook, Google) read these instead of NAME and REFRESH-INTERVAL.
    cal.add("X-PUBLISHED-TTL", REFRESH_TEXT)
    cal.add("X-WR-TIMEZONE", network.settings.time_zone)
    # Always a VTIMEZONE, covering the years the events fall in, so the calendar is never empty.
    cal.add_component(
        timezone(
            network.settings.time_zone,
            first=date(min(days).year - 1, 1, 1),
            last=date(max(days).year + 1, 12, 31),
        )
    )
    for activity in chosen:
        cal.add_component(event(activity, network, site))
    return bytes(cal.to_ical())


def timezone(tzid: str, *, first: date, last: date) -> Timezone:
    """The VTIMEZONE of the network's time zone for these years, from the tz database.

    icalendar lists the transitions as one RDATE with many values; vobject (and so the
    dateutil-based readers behind it) keeps only the first value. One RDATE per transition
    means the same and every reader gets it right.
    """
    component = Timezone.from_tzid(tzid, first_date=first, last_date=last)
    for observance in component.subcomponents:
        found = observance.pop("RDATE", None)
        lists = found if isinstance(found, list) else [found] if found is not None else []
        for moment in [value.dt for rdates in lists for value in rdates.dts]:
            observance.add("RDATE", moment)
    return component


def files(network: Network, site: Site, past_days: int) -> dict[str, bytes]:
    """Every calendar the site publishes, by path from the site root."""
    result: dict[str, bytes] = {}
    for activity in network.activities.values():
        result[agenda.activity_calendar_path(activity)] = calendar(
            [activity], network, site, name=activity.title, key=f"agenda-{activity.slug}"
        )
    feed = agenda.in_feed(network, past_days)
    result[agenda.feed_path()] = calendar(
        feed,
        network,
        site,
        name=f"Agenda {site.name}",
        key="agenda",
        description=f"Alle activiteiten van {site.name}.",
    )
    for sector, label in network.settings.sectors.items():
        result[agenda.feed_path(sector)] = calendar(
            agenda.for_sector(network, sector, feed),
            network,
            site,
            name=f"Agenda {site.name} – {label}",
            key=f"agenda-{sector}",
            description=f"Activiteiten van {site.name} voor {label[:1].lower()}{label[1:]}.",
        )
    return result
