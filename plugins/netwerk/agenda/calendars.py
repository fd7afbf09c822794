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

from icalendar import Calendar, Component, Event, Timezone

from ..core.models import Activity
from ..core.network import Network
from . import pages as agenda

PRODID = "-//Netwerksite//Agenda//NL"
# How often subscribed calendars should look for changes; the site is rebuilt nightly.
REFRESH = timedelta(hours=12)
REFRESH_TEXT = "PT12H"
# For UIDs when mkdocs.yml has no site_url.
FALLBACK_DOMAIN = "netwerksite.invalid"

# Lines of 75 octets and more are folded (RFC 5545); icalendar's Contentline.to_ical does it.
FOLD_AT = 75


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


def summary(activity: Activity, network: Network) -> str:
    # Not every calendar app shows STATUS:CANCELLED; the title says it too.
    if network.cancelled(activity):
        label = network.settings.activity_statuses.get(activity.status, activity.status)
        return f"{label}: {activity.title}"
    return activity.title


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
    if network.full(activity) or network.postponed(activity):
        lines.append(settings.activity_statuses.get(activity.status, activity.status) + ".")
    to_come = agenda.still_to_come(activity, network)
    if activity.online_link:
        lines.append(f"Online: {activity.online_link}")
    elif activity.link_follows and to_come:
        lines.append("Online: de link volgt op de website.")
    if activity.venue_follows and to_come:
        lines.append("De locatie volgt op de website.")
    if network.open_for_registration(activity):
        lines.append(f"Aanmelden: {activity.registration_url}")
    if url:
        lines.append(f"Meer informatie: {url}")
    # Event() and add() rather than Event.new(): the same output, serialised twice as fast,
    # and no random UID or DTSTAMP of now to forget.
    component = Event()
    component.add("SUMMARY", summary(activity, network))
    component.add("DTSTART", dtstart)
    component.add("DTEND", dtend)
    component.add("DTSTAMP", stamp(network))
    component.add("UID", uid(activity, site))
    component.add("CATEGORIES", [settings.activity_kinds.get(activity.kind, activity.kind)])
    component.add("DESCRIPTION", "\n\n".join(line for line in lines if line))
    if location := agenda.location_text(activity, network):
        component.add("LOCATION", location)
    component.add("STATUS", "CANCELLED" if network.cancelled(activity) else "CONFIRMED")
    if url:
        component.add("URL", url)
    return component


def serialised(component: Component) -> bytes:
    """`component.to_ical()`, byte for byte, but only long lines go through icalendar's folding.

    icalendar folds every line character by character, which was most of a big agenda's
    calendar time; most lines are short and come out as they are.
    """
    lines = []
    for line in component.content_lines():
        if line:
            data = line.encode()
            lines.append(data if len(data) < FOLD_AT else line.to_ical())
    return b"\r\n".join(lines) + b"\r\n"


def stamp(network: Network) -> datetime:
    """DTSTAMP: midnight UTC of the build date, so a rebuild writes the same bytes."""
    return datetime.combine(network.today, time(), tzinfo=UTC)


class Writer:
    """Writes the calendars of one build.

    An activity appears in its own file, the full feed and its sectors' feeds: each event and
    each VTIMEZONE is serialised by icalendar once and the bytes reused, which makes thousands
    of activities take seconds instead of minutes.
    """

    END = b"END:VCALENDAR\r\n"

    def __init__(self, network: Network, site: Site) -> None:
        self.network, self.site = network, site
        self._events: dict[str, bytes] = {}
        self._zones: dict[tuple[int, int], bytes] = {}
        self._single_head: bytes | None = None

    def event(self, activity: Activity) -> bytes:
        if activity.slug not in self._events:
            component = event(activity, self.network, self.site)
            self._events[activity.slug] = serialised(component)
        return self._events[activity.slug]

    def zone(self, first_year: int, last_year: int) -> bytes:
        if (first_year, last_year) not in self._zones:
            component = timezone(
                self.network.settings.time_zone,
                first=date(first_year, 1, 1),
                last=date(last_year, 12, 31),
            )
            self._zones[first_year, last_year] = serialised(component)
        return self._zones[first_year, last_year]

    def single(self, activity: Activity) -> bytes:
        """The calendar file of one activity, to import once.

        No name or refresh interval: some apps would make a new calendar named after the event.
        """
        if self._single_head is None:
            cal = Calendar()
            cal.add("VERSION", "2.0")
            cal.add("PRODID", PRODID)
            cal.add("CALSCALE", "GREGORIAN")
            cal.add("METHOD", "PUBLISH")
            self._single_head = serialised(cal)
        year = activity.first_day.year
        zone = self.zone(year - 1, activity.last_day.year + 1)
        return self._single_head[: -len(self.END)] + zone + self.event(activity) + self.END

    def feed(
        self,
        activities: Iterable[Activity],
        *,
        name: str,
        key: str,
        description: str | None = None,
    ) -> bytes:
        """A subscribable calendar: a VTIMEZONE for the network's time zone, an event each."""
        chosen = list(activities)
        days = [a.first_day for a in chosen] + [a.last_day for a in chosen]
        days = days or [self.network.today]
        cal = Calendar.new(
            prodid=PRODID,
            uid=f"{key}@{self.site.domain}",
            name=name,
            description=description,
            url=self.site.absolute("agenda/"),
            refresh_interval=REFRESH,
            method="PUBLISH",
            calscale="GREGORIAN",
        )
        # RFC 7986 requires VALUE=DURATION here; icalendar leaves it out.
        cal["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
        # Older clients (Outlook, Google) read these instead of NAME and REFRESH-INTERVAL.
        cal.add("X-PUBLISHED-TTL", REFRESH_TEXT)
        cal.add("X-WR-TIMEZONE", self.network.settings.time_zone)
        head = serialised(cal)
        assert head.endswith(self.END)
        # Always a VTIMEZONE, covering the years of the events, so the calendar is never empty.
        zone = self.zone(min(days).year - 1, max(days).year + 1)
        events = b"".join(self.event(activity) for activity in chosen)
        return head[: -len(self.END)] + zone + events + self.END


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
    writer = Writer(network, site)
    result: dict[str, bytes] = {}
    for activity in network.activities.values():
        result[agenda.activity_calendar_path(activity)] = writer.single(activity)
    feed = agenda.in_feed(network, past_days)
    result[agenda.feed_path()] = writer.feed(
        feed,
        name=f"Agenda {site.name}",
        key="agenda",
        description=f"Alle activiteiten van {site.name}.",
    )
    # A network of one sector has no calendar per sector: it would repeat the agenda's.
    sectors = {} if network.settings.one_sector else network.settings.sectors
    for sector, label in sectors.items():
        result[agenda.feed_path(sector)] = writer.feed(
            agenda.for_sector(network, sector, feed),
            name=f"Agenda {site.name} – {label}",
            key=f"agenda-{sector}",
            description=f"Activiteiten van {site.name} voor {label[:1].lower()}{label[1:]}.",
        )
    return result
