"""The agenda's iCalendar files: read back with icalendar and with vobject, as calendar apps would."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import vobject
from icalendar import Calendar, Event
from mkdocs.exceptions import Abort

from conftest import SMALL_NETWORK, Site

DOMAIN = "netwerk.example.nl"
SITE_URL = "https://netwerk.example.nl/"


def activity(
    title: str,
    start: str,
    end: str | None = None,
    *,
    sectors: str = "[po]",
    extra: str = "",
    where: str = 'location: {name: Museum Boerhaave, address: "Lange Sint Agnietenstraat 10, Leiden"}',
) -> str:
    lines = ["---", f"title: {title}", f"start: {start}"]
    if end:
        lines.append(f"end: {end}")
    lines += [where, f"sectors: {sectors}", "kind: themabijeenkomst"]
    lines += [line for line in extra.splitlines() if line]
    return "\n".join([*lines, "---", "Tekst.", ""])


# Activities around both daylight-saving changes of 2026 (29 March, 25 October), an all-day
# two-day one, a cancelled, a postponed and an online one, a long title and a draft.
AGENDA = {
    "agenda/dag-voor-zomertijd.md": activity("Dag voor de zomertijd", "2026-03-28 10:00", "12:00"),
    "agenda/eerste-dag-zomertijd.md": activity(
        "Eerste dag zomertijd", "2026-03-29 10:00", "2026-03-29 12:00", sectors="[vo]"
    ),
    "agenda/laatste-dag-zomertijd.md": activity(
        "Laatste dag zomertijd", "2026-10-24 10:00", "12:00", sectors="[vo, mbo]"
    ),
    "agenda/eerste-dag-wintertijd.md": activity(
        "Eerste dag wintertijd", "2026-10-25 10:00", "12:00", sectors="[ho]"
    ),
    "agenda/tweedaagse-conferentie.md": activity(
        "Tweedaagse conferentie",
        "2027-06-10",
        "2027-06-11",
        sectors="[vve, po, vo, mbo, ho]",
        extra="registration_url: https://www.example.nl/conferentie",
    ),
    "agenda/geannuleerde-lunch.md": activity(
        "Inspiratielunch",
        "2026-12-16 12:00",
        "14:00",
        sectors="[po, vo]",
        extra="status: geannuleerd",
    ),
    "agenda/verplaatst-onderwijscafe.md": activity(
        "Onderwijscafé overstap",
        "2027-03-11 16:30",
        "18:30",
        sectors="[vo, ho]",
        extra="status: verplaatst",
    ),
    "agenda/webinar-metacognitie.md": activity(
        "Webinar metacognitie",
        "2027-02-09 19:30",
        "20:45",
        sectors="[mbo]",
        where="online_url: https://meet.example.nl/metacognitie",
    ),
    "agenda/lange-titel.md": activity(
        '"Bijeenkomst \u2018Talent & motivatie\u2019 </script><b>vet</b> — een heel lange titel met ë, é, ï en – '
        'om het vouwen van regels op 75 octetten te toetsen, ook midden in een teken"',
        "2026-12-01",
        sectors="[vve]",
    ),
    "agenda/concept-bijeenkomst.md": activity(
        "Geheim concept", "2026-12-02 10:00", "11:00", extra="draft: true"
    ),
}
LONG_TITLE = (
    "Bijeenkomst \u2018Talent & motivatie\u2019 </script><b>vet</b> — een heel lange titel met ë, é, ï en – "
    "om het vouwen van regels op 75 octetten te toetsen, ook midden in een teken"
)
MUSEUM = "Museum Boerhaave, Lange Sint Agnietenstraat 10, Leiden"


@dataclass(frozen=True)
class Expected:
    summary: str
    start: datetime | date
    end: datetime | date
    location: str
    status: str
    sectors: frozenset[str]


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# What each activity must look like in a calendar app: times in UTC, all-day ends exclusive.
EXPECTED = {
    "dag-voor-zomertijd": Expected(
        "Dag voor de zomertijd",
        utc("2026-03-28 09:00"),
        utc("2026-03-28 11:00"),
        MUSEUM,
        "CONFIRMED",
        frozenset({"po"}),
    ),
    "eerste-dag-zomertijd": Expected(
        "Eerste dag zomertijd",
        utc("2026-03-29 08:00"),
        utc("2026-03-29 10:00"),
        MUSEUM,
        "CONFIRMED",
        frozenset({"vo"}),
    ),
    "laatste-dag-zomertijd": Expected(
        "Laatste dag zomertijd",
        utc("2026-10-24 08:00"),
        utc("2026-10-24 10:00"),
        MUSEUM,
        "CONFIRMED",
        frozenset({"vo", "mbo"}),
    ),
    "eerste-dag-wintertijd": Expected(
        "Eerste dag wintertijd",
        utc("2026-10-25 09:00"),
        utc("2026-10-25 11:00"),
        MUSEUM,
        "CONFIRMED",
        frozenset({"ho"}),
    ),
    "tweedaagse-conferentie": Expected(
        "Tweedaagse conferentie",
        date(2027, 6, 10),
        date(2027, 6, 12),
        MUSEUM,
        "CONFIRMED",
        frozenset({"vve", "po", "vo", "mbo", "ho"}),
    ),
    "geannuleerde-lunch": Expected(
        "Geannuleerd: Inspiratielunch",
        utc("2026-12-16 11:00"),
        utc("2026-12-16 13:00"),
        MUSEUM,
        "CANCELLED",
        frozenset({"po", "vo"}),
    ),
    "verplaatst-onderwijscafe": Expected(
        "Onderwijscafé overstap",
        utc("2027-03-11 15:30"),
        utc("2027-03-11 17:30"),
        MUSEUM,
        "CONFIRMED",
        frozenset({"vo", "ho"}),
    ),
    "webinar-metacognitie": Expected(
        "Webinar metacognitie",
        utc("2027-02-09 18:30"),
        utc("2027-02-09 19:45"),
        "Online",
        "CONFIRMED",
        frozenset({"mbo"}),
    ),
    "lange-titel": Expected(
        LONG_TITLE, date(2026, 12, 1), date(2026, 12, 2), MUSEUM, "CONFIRMED", frozenset({"vve"})
    ),
    "themabijeenkomst-motivatie": Expected(
        "Themabijeenkomst motivatie",
        utc("2026-12-10 14:30"),
        utc("2026-12-10 16:30"),
        MUSEUM,
        "CONFIRMED",
        frozenset({"po"}),
    ),
}
SECTORS = ("vve", "po", "vo", "mbo", "ho")


def build_agenda(root: Path, build_date: str = "2026-11-23", **options: object) -> Site:
    site = Site(root).write(SMALL_NETWORK).write(AGENDA)
    site.configure(build_date=build_date, **options)
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("NETWERK_BUILD_DATE", raising=False)
        site.build()
    return site


@pytest.fixture(scope="module")
def agenda_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    # A build date just after the summer-time activities, so the feeds hold past ones too.
    return build_agenda(tmp_path_factory.mktemp("agenda"), build_date="2026-04-15")


def read(site: Site, path: str) -> bytes:
    return (site.output / path).read_bytes()


def events(ics: bytes) -> dict[str, Event]:
    """The events of a calendar by UID, read with icalendar."""
    calendar = Calendar.from_ical(ics)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def vevents(ics: bytes) -> Iterator[vobject.base.Component]:
    """The events of a calendar read with vobject, which takes times from the VTIMEZONE itself."""
    calendar = vobject.readOne(ics.decode("utf-8"))
    calendar.validate()
    yield from calendar.contents.get("vevent", [])


def as_utc(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime):
        assert value.tzinfo is not None, "a floating time"
        return value.astimezone(UTC)
    return value


def test_times_are_right_across_daylight_saving_changes(agenda_site: Site) -> None:
    for slug in (
        "dag-voor-zomertijd",
        "eerste-dag-zomertijd",
        "laatste-dag-zomertijd",
        "eerste-dag-wintertijd",
    ):
        ics = read(agenda_site, f"agenda/{slug}/{slug}.ics")
        expected = EXPECTED[slug]
        (event,) = events(ics).values()
        assert as_utc(event.start) == expected.start, slug
        assert as_utc(event.end) == expected.end, slug
        # vobject resolves TZID=Europe/Amsterdam with the VTIMEZONE in the file, not its own
        # database: this checks the VTIMEZONE we write.
        (vevent,) = vevents(ics)
        assert as_utc(vevent.dtstart.value) == expected.start, slug
        assert as_utc(vevent.dtend.value) == expected.end, slug
        assert b"DTSTART;TZID=Europe/Amsterdam:" in ics
        assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n" in ics


def test_the_vtimezone_covers_every_year_of_the_feed(agenda_site: Site) -> None:
    # The feed runs into 2027: its VTIMEZONE must know 2027's summer time too.
    ics = read(agenda_site, "agenda/kalender.ics")
    zone = vobject.readOne(ics.decode("utf-8")).vtimezone.gettzinfo()
    offsets = {
        day: datetime.fromisoformat(day).replace(tzinfo=zone).utcoffset()
        for day in ("2027-03-27 12:00", "2027-03-28 12:00", "2027-10-30 12:00", "2027-10-31 12:00")
    }
    hours = {day: offset.total_seconds() / 3600 for day, offset in offsets.items() if offset}
    assert hours == {
        "2027-03-27 12:00": 1,
        "2027-03-28 12:00": 2,
        "2027-10-30 12:00": 2,
        "2027-10-31 12:00": 1,
    }


def test_an_all_day_two_day_activity_has_dates_and_an_exclusive_end(agenda_site: Site) -> None:
    ics = read(agenda_site, "agenda/tweedaagse-conferentie/tweedaagse-conferentie.ics")
    assert b"DTSTART;VALUE=DATE:20270610\r\n" in ics
    assert b"DTEND;VALUE=DATE:20270612\r\n" in ics
    (event,) = events(ics).values()
    assert (event.start, event.end) == (date(2027, 6, 10), date(2027, 6, 12))


def test_a_cancelled_activity_stays_in_the_feeds_as_cancelled(agenda_site: Site) -> None:
    uid = f"geannuleerde-lunch@{DOMAIN}"
    for path in ("agenda/kalender.ics", "agenda/po/kalender.ics", "agenda/vo/kalender.ics"):
        event = events(read(agenda_site, path))[uid]
        assert str(event["STATUS"]) == "CANCELLED", path
        assert str(event["SUMMARY"]) == "Geannuleerd: Inspiratielunch"


def test_a_postponed_activity_has_its_new_date_and_says_so(agenda_site: Site) -> None:
    event = events(read(agenda_site, "agenda/kalender.ics"))[f"verplaatst-onderwijscafe@{DOMAIN}"]
    assert str(event["STATUS"]) == "CONFIRMED"
    assert as_utc(event.start) == utc("2027-03-11 15:30")
    assert "Verplaatst." in str(event["DESCRIPTION"])


def test_an_online_activity_gives_its_link(agenda_site: Site) -> None:
    event = events(read(agenda_site, "agenda/kalender.ics"))[f"webinar-metacognitie@{DOMAIN}"]
    assert str(event["LOCATION"]) == "Online"
    assert "Online: https://meet.example.nl/metacognitie" in str(event["DESCRIPTION"])


def written_calendars(site: Site) -> dict[str, bytes]:
    return {
        path.relative_to(site.output).as_posix(): path.read_bytes()
        for path in sorted(site.output.rglob("*.ics"))
    }


def test_every_calendar_the_build_writes_is_valid_and_round_trips(agenda_site: Site) -> None:
    written = written_calendars(agenda_site)
    expected_paths = {f"agenda/{slug}/{slug}.ics" for slug in EXPECTED} | {
        "agenda/kalender.ics",
        *(f"agenda/{sector}/kalender.ics" for sector in SECTORS),
    }
    assert set(written) == expected_paths
    for path, ics in written.items():
        assert_folded_crlf(path, ics)
        by_icalendar = events(ics)
        by_vobject = {str(vevent.uid.value): vevent for vevent in vevents(ics)}
        assert set(by_icalendar) == set(by_vobject), path
        for uid, event in by_icalendar.items():
            slug, domain = uid.split("@")
            assert domain == DOMAIN
            expected = EXPECTED[slug]
            vevent = by_vobject[uid]
            url = f"{SITE_URL}agenda/{slug}/"
            assert str(event["SUMMARY"]) == vevent.summary.value == expected.summary, path
            assert as_utc(event.start) == as_utc(vevent.dtstart.value) == expected.start, path
            assert as_utc(event.end) == as_utc(vevent.dtend.value) == expected.end, path
            assert str(event["LOCATION"]) == vevent.location.value == expected.location, path
            assert str(event["STATUS"]) == vevent.status.value == expected.status, path
            assert str(event["URL"]) == vevent.url.value == url, path
            assert event.decoded("DTSTAMP") == datetime(2026, 4, 15, tzinfo=UTC)


def assert_folded_crlf(path: str, ics: bytes) -> None:
    assert ics.endswith(b"\r\n"), path
    lines = ics.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines), f"{path}: bare LF or CR"
    too_long = [line for line in lines if len(line) > 75]
    assert too_long == [], f"{path}: lines over 75 octets"
    # Folding never splits a UTF-8 character.
    ics.decode("utf-8")
    for line in lines:
        line.decode("utf-8")


def test_the_long_title_is_folded_and_comes_back_whole(agenda_site: Site) -> None:
    ics = read(agenda_site, "agenda/lange-titel/lange-titel.ics")
    assert ics.count(b"\r\n ") >= 2
    (event,) = events(ics).values()
    assert str(event["SUMMARY"]) == LONG_TITLE


def test_each_sector_feed_holds_exactly_that_sectors_activities(agenda_site: Site) -> None:
    # Build date 2026-04-15 with the default window of 90 days: from 2026-01-15 on.
    in_window = {slug for slug in EXPECTED}
    everything = {slug for slug in events_slugs(read(agenda_site, "agenda/kalender.ics"))}
    assert everything == in_window
    for sector in SECTORS:
        found = events_slugs(read(agenda_site, f"agenda/{sector}/kalender.ics"))
        wanted = {slug for slug, expected in EXPECTED.items() if sector in expected.sectors}
        assert found == wanted, sector
    assert not (agenda_site.output / "agenda" / "concept-bijeenkomst").exists()
    for ics in written_calendars(agenda_site).values():
        assert b"Geheim concept" not in ics and b"concept-bijeenkomst" not in ics


def events_slugs(ics: bytes) -> set[str]:
    return {uid.split("@")[0] for uid in events(ics)}


def test_feeds_keep_recent_past_activities_for_a_configurable_window(tmp_path: Path) -> None:
    # Build date 2026-11-23: the summer-time activities ended 240 days before, late October's
    # 29 and 30 days before.
    site = build_agenda(tmp_path / "default", build_date="2026-11-23")
    feed = events_slugs(read(site, "agenda/kalender.ics"))
    assert {"laatste-dag-zomertijd", "eerste-dag-wintertijd"} <= feed
    assert not feed & {"dag-voor-zomertijd", "eerste-dag-zomertijd"}
    # A past activity keeps its own calendar file and page.
    assert (site.output / "agenda/dag-voor-zomertijd/dag-voor-zomertijd.ics").is_file()

    short = build_agenda(tmp_path / "short", build_date="2026-11-23", calendar_past_days=29)
    feed = events_slugs(read(short, "agenda/kalender.ics"))
    assert "eerste-dag-wintertijd" in feed
    assert "laatste-dag-zomertijd" not in feed
    assert "laatste-dag-zomertijd" not in events_slugs(read(short, "agenda/vo/kalender.ics"))


def test_calendars_are_deterministic_and_uids_stable(tmp_path: Path) -> None:
    one = build_agenda(tmp_path / "one")
    two = build_agenda(tmp_path / "two")
    assert written_calendars(one) == written_calendars(two)
    later = build_agenda(tmp_path / "later", build_date="2026-11-24")
    before = events(read(one, "agenda/kalender.ics"))
    after = events(read(later, "agenda/kalender.ics"))
    assert set(before) == set(after)
    assert before[f"themabijeenkomst-motivatie@{DOMAIN}"].decoded("DTSTAMP") == datetime(
        2026, 11, 23, tzinfo=UTC
    )
    assert after[f"themabijeenkomst-motivatie@{DOMAIN}"].decoded("DTSTAMP") == datetime(
        2026, 11, 24, tzinfo=UTC
    )


def test_the_feed_describes_itself_for_subscribers(agenda_site: Site) -> None:
    calendar = Calendar.from_ical(read(agenda_site, "agenda/po/kalender.ics"))
    assert str(calendar["X-WR-CALNAME"]) == "Agenda Testnetwerk – Primair onderwijs"
    assert str(calendar["UID"]) == f"agenda-po@{DOMAIN}"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]


def test_a_whole_networks_calendars_are_valid(rich_root: Path, rich: Path) -> None:
    site = Site(rich_root)
    written = written_calendars(site)
    published = {
        path.stem
        for path in (rich_root / "content" / "agenda").glob("*.md")
        if "\ndraft: true\n" not in path.read_text(encoding="utf-8")
    }
    assert {
        path.split("/")[1] for path in written if not path.endswith("kalender.ics")
    } == published
    for path, ics in written.items():
        assert_folded_crlf(path, ics)
        assert set(events(ics)) == {str(vevent.uid.value) for vevent in vevents(ics)}


@pytest.mark.parametrize("days", [-3, "veel", True])
def test_the_window_is_a_number_of_days(
    site: Site, days: object, caplog: pytest.LogCaptureFixture
) -> None:
    site.write(SMALL_NETWORK).configure(calendar_past_days=days)
    with pytest.raises(Abort):
        site.build()
    assert (
        f"mkdocs.yml: netwerk: calendar_past_days: '{days}' is geen aantal dagen; "
        "schrijf een getal, zoals 90"
    ) in caplog.text
