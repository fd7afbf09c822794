"""The agenda pages: per month, per sector, archive and programme per school year, Event JSON-LD."""

from __future__ import annotations

import html
import json
import re
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from mkdocs.exceptions import Abort

from browser import axe, serve, visit
from conftest import SMALL_NETWORK, Site
from netwerk.agenda.pages import SchoolYear
from test_calendars import EXPECTED, LONG_TITLE, SECTORS, activity, build_agenda


class Page(HTMLParser):
    """What a reader finds in a page's main content: text, links, JSON-LD and list entries."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.html = html
        self.parts: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.rows: list[list[str]] = []
        self._href: str | None = None
        self._link_text: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href, self._link_text = dict(attrs).get("href"), []
        elif tag == "script":
            self._script = dict(attrs)
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((" ".join("".join(self._link_text).split()), self._href))
            self._href = None
        elif tag == "script":
            self._script = None
        elif tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts.append((self._script, data))
            return
        self.parts.append(data)
        if self._href is not None:
            self._link_text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    @property
    def text(self) -> str:
        """The article's text (after the breadcrumb)."""
        main = self.html[self.html.index("<article") : self.html.index("</main>")]
        visible = re.sub(r"<script.*?</script>", " ", main, flags=re.S)
        visible = re.sub(r"<[^>]+>", " ", visible)
        return " ".join(html.unescape(visible).split())

    def json_ld(self) -> list[Any]:
        return [
            json.loads(text)
            for attrs, text in self.scripts
            if attrs.get("type") == "application/ld+json"
        ]

    def activity_links(self) -> list[str]:
        """Slugs of the activities listed, in order (links to ../<slug>/ pages)."""
        return re.findall(
            r'<li class="netwerk-entry[^"]*" data-agenda-activity>.*?'
            r'<p class="netwerk-entry__title"><a href="[./]*(?:agenda/)?([\w-]+)/"',
            self.html,
            re.S,
        )


def page(site: Site, url: str) -> Page:
    return Page(site.page(url))


@pytest.fixture(scope="module")
def agenda_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_agenda(tmp_path_factory.mktemp("agenda-pages"))


# --- School years ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day, slug, label",
    [
        (date(2025, 8, 1), "2025-2026", "2025/2026"),
        (date(2026, 7, 31), "2025-2026", "2025/2026"),
        (date(2026, 8, 1), "2026-2027", "2026/2027"),
        (
            datetime(2026, 1, 15, 23, 30, tzinfo=ZoneInfo("Europe/Amsterdam")),
            "2025-2026",
            "2025/2026",
        ),
    ],
)
def test_a_school_year_runs_from_1_august_to_31_july(day: date, slug: str, label: str) -> None:
    year = SchoolYear.of(day)
    assert (year.slug, year.label) == (slug, label)
    assert SchoolYear.from_slug(slug) == year
    assert year.first_day.isoformat() == f"{slug[:4]}-08-01"
    assert year.last_day.isoformat() == f"{slug[5:]}-07-31"


@pytest.mark.parametrize("slug", ["2025-2027", "2025", "2025/2026", "schooljaar"])
def test_a_school_year_slug_is_two_consecutive_years(slug: str) -> None:
    with pytest.raises(
        ValueError, match=f"^'{re.escape(slug)}' is geen schooljaar; schrijf het als 2025-2026$"
    ):
        SchoolYear.from_slug(slug)


# --- Overview and sector pages ---------------------------------------------------------------

# With the build date 2026-11-23: what is still to come, soonest first.
UPCOMING = [
    "lange-titel",
    "themabijeenkomst-motivatie",
    "geannuleerde-lunch",
    "webinar-metacognitie",
    "verplaatst-onderwijscafe",
    "tweedaagse-conferentie",
]


def test_the_agenda_lists_what_is_to_come_by_month(agenda_site: Site) -> None:
    overview = page(agenda_site, "agenda")
    assert overview.activity_links()[: len(UPCOMING)] == UPCOMING
    text = overview.text
    assert (
        "Komende activiteiten December 2026 1 dec " + LONG_TITLE + " dinsdag 1 december 2026 · "
        "Museum Boerhaave, Lange Sint Agnietenstraat 10, Leiden Themabijeenkomst · vve"
    ) in text
    assert (
        "Inspiratielunch Geannuleerd woensdag 16 december 2026, 12:00–14:00 · Museum Boerhaave"
    ) in text
    assert (
        "Februari 2027 9 feb Webinar metacognitie dinsdag 9 februari 2027, 19:30–20:45 · Online"
        in text
    )
    assert "Onderwijscafé overstap Verplaatst donderdag 11 maart 2027" in text
    assert (
        "Juni 2027 10 jun Tweedaagse conferentie donderdag 10 juni 2027 – vrijdag 11 juni 2027"
        in text
    )
    # The past: the most recent first, then the way to the archive.
    assert (
        "Eerdere activiteiten 25 okt Eerste dag wintertijd zondag 25 oktober 2026, 10:00–12:00"
        in text
    )
    assert "Geheim concept" not in text


def test_each_sector_page_lists_exactly_that_sectors_upcoming_activities(agenda_site: Site) -> None:
    for sector in SECTORS:
        listed = page(agenda_site, f"agenda/{sector}").activity_links()
        wanted = [slug for slug in UPCOMING if sector in EXPECTED[slug].sectors]
        assert listed == wanted, sector
    assert "Geheim concept" not in page(agenda_site, "agenda/po").text


def test_sector_pages_link_each_other_and_stay_out_of_the_navigation(agenda_site: Site) -> None:
    po = page(agenda_site, "agenda/po")
    assert po.text.startswith(
        "Agenda primair onderwijs Per werkveld: alle werkvelden , Voor- en vroegschoolse educatie , "
        "Primair onderwijs , Voortgezet onderwijs"
    )
    assert ("Voortgezet onderwijs", "../vo/") in po.links
    assert '<strong aria-current="page">Primair onderwijs</strong>' in po.html
    # The build is strict: a generated page outside the nav but not marked so would fail it.
    nav = po.html[po.html.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "Agenda primair onderwijs" not in nav and "Programma" not in nav


def test_agenda_pages_offer_the_feed_to_download_and_to_subscribe(agenda_site: Site) -> None:
    overview = page(agenda_site, "agenda")
    assert (
        "Abonneer je op de agenda",
        "webcal://netwerk.example.nl/agenda/kalender.ics",
    ) in overview.links
    assert ("download de agenda als agendabestand (.ics)", "kalender.ics") in overview.links
    po = page(agenda_site, "agenda/po")
    assert (
        "Abonneer je op de agenda voor primair onderwijs",
        "webcal://netwerk.example.nl/agenda/po/kalender.ics",
    ) in po.links
    assert (
        "download de agenda voor primair onderwijs als agendabestand (.ics)",
        "kalender.ics",
    ) in po.links
    assert (agenda_site.output / "agenda/po/kalender.ics").is_file()


def test_without_a_site_url_the_feed_is_offered_as_a_download_only(site: Site) -> None:
    site.write(SMALL_NETWORK).configure()
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    (site.root / "mkdocs.yml").write_text(
        config.replace("site_url: https://netwerk.example.nl/\n", "")
    )
    site.build()
    overview = page(site, "agenda")
    assert not [href for _, href in overview.links if href.startswith("webcal:")]
    assert ("download de agenda als agendabestand (.ics)", "kalender.ics") in overview.links
    ics = (site.output / "agenda/kalender.ics").read_bytes()
    assert b"UID:themabijeenkomst-motivatie@netwerksite.invalid\r\n" in ics


# --- Archive and programme -------------------------------------------------------------------


def test_the_archive_has_a_page_per_school_year(agenda_site: Site) -> None:
    index = page(agenda_site, "agenda/archief")
    assert index.text.startswith(
        "Archief van de agenda Schooljaar 2026/2027 · 2 activiteiten Schooljaar 2025/2026 · 2 activiteiten"
    )
    assert ("Schooljaar 2025/2026", "2025-2026/") in index.links
    year = page(agenda_site, "agenda/archief/2025-2026")
    assert year.text.startswith(
        "Activiteiten schooljaar 2025/2026 2 activiteiten van vrijdag 1 augustus 2025 tot en met "
        "vrijdag 31 juli 2026 die al geweest zijn."
    )
    assert year.activity_links() == ["dag-voor-zomertijd", "eerste-dag-zomertijd"]
    assert "Maart 2026 28 mrt Dag voor de zomertijd zaterdag 28 maart 2026, 10:00–12:00" in (
        year.text
    )
    assert page(agenda_site, "agenda/archief/2026-2027").activity_links() == [
        "laatste-dag-zomertijd",
        "eerste-dag-wintertijd",
    ]
    # Only school years with past activities get an archive page.
    assert not (agenda_site.output / "agenda/archief/2027-2028").exists()


def test_an_activity_belongs_to_the_school_year_of_its_first_day(site: Site) -> None:
    site.write(SMALL_NETWORK).write(
        {
            "agenda/laatste-dag.md": activity("Laatste dag", "2026-07-31"),
            "agenda/eerste-dag.md": activity("Eerste dag", "2026-08-01"),
            "agenda/zomerschool.md": activity("Zomerschool", "2026-07-30", "2026-08-02"),
        }
    ).build()
    assert page(site, "agenda/archief/2025-2026").activity_links() == ["zomerschool", "laatste-dag"]
    assert page(site, "agenda/archief/2026-2027").activity_links() == ["eerste-dag"]


def test_the_programme_sets_activities_against_sectors(agenda_site: Site) -> None:
    programme = page(agenda_site, "agenda/programma/2026-2027")
    header, *rows = programme.rows
    assert header == ["Activiteit", "Datum", "VVE", "PO", "VO", "MBO", "HO"]
    wanted = [
        "laatste-dag-zomertijd",
        "eerste-dag-wintertijd",
        *UPCOMING,
    ]
    assert [row[0] for row in rows] == [
        EXPECTED[slug].summary.removeprefix("Geannuleerd: ")
        + (" (geannuleerd)" if slug == "geannuleerde-lunch" else "")
        + (" (verplaatst)" if slug == "verplaatst-onderwijscafe" else "")
        for slug in wanted
    ]
    for slug, row in zip(wanted, rows, strict=True):
        marks = {sector for sector, cell in zip(SECTORS, row[2:], strict=True) if cell == "✓ja"}
        assert marks == EXPECTED[slug].sectors, slug
        assert all(cell in ("✓ja", "") for cell in row[2:]), slug
    assert rows[0][1] == "24 okt 2026"
    assert (
        "<caption>Programma schooljaar 2026/2027: activiteiten per werkveld</caption>"
        in programme.html
    )
    # The programme of the previous school year holds its (past) activities.
    earlier = page(agenda_site, "agenda/programma/2025-2026").rows[1:]
    assert [row[0] for row in earlier] == ["Dag voor de zomertijd", "Eerste dag zomertijd"]


# --- Activity pages --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "slug, lead",
    [
        ("geannuleerde-lunch", "Inspiratielunch Geannuleerd Deze activiteit gaat niet door."),
        (
            "verplaatst-onderwijscafe",
            "Onderwijscafé overstap Verplaatst Deze activiteit is verplaatst. De datum hieronder is de nieuwe datum.",
        ),
        (
            "themabijeenkomst-motivatie",
            "Themabijeenkomst motivatie Wanneer donderdag 10 december 2026",
        ),
        (
            "eerste-dag-wintertijd",
            "Eerste dag wintertijd Deze activiteit is geweest. Wanneer zondag 25 oktober 2026",
        ),
    ],
)
def test_an_activity_page_marks_its_status(agenda_site: Site, slug: str, lead: str) -> None:
    assert page(agenda_site, f"agenda/{slug}").text.startswith(lead)


def test_a_full_activity_takes_no_registrations(site: Site) -> None:
    full = activity(
        "Volle training",
        "2026-12-01 09:00",
        "12:00",
        extra="status: vol\nregistration_url: https://www.example.nl/x",
    )
    site.write(SMALL_NETWORK).write({"agenda/volle-training.md": full}).build()
    text = page(site, "agenda/volle-training").text
    assert text.startswith("Volle training Vol Deze activiteit is vol; aanmelden kan niet meer.")
    assert "Meld je aan" not in text
    assert event_of(site, "volle-training")["offers"] == {
        "@type": "Offer",
        "url": "https://www.example.nl/x",
        "availability": "https://schema.org/SoldOut",
    }
    ics = (site.output / "agenda/volle-training/volle-training.ics").read_bytes()
    assert b"Aanmelden" not in ics and b"Vol." in ics


def test_an_activity_page_offers_its_calendar_file(agenda_site: Site) -> None:
    for slug in ("tweedaagse-conferentie", "webinar-metacognitie"):
        found = page(agenda_site, f"agenda/{slug}")
        title = EXPECTED[slug].summary
        assert (f"Zet {title} in je agenda (.ics)", f"{slug}.ics") in found.links
        assert f'href="{slug}.ics" download' in found.html
        assert (agenda_site.output / "agenda" / slug / f"{slug}.ics").is_file()
    webinar = page(agenda_site, "agenda/webinar-metacognitie")
    assert "Waar Online Online https://meet.example.nl/metacognitie" in webinar.text
    assert ("Primair onderwijs", "../po/") in page(
        agenda_site, "agenda/themabijeenkomst-motivatie"
    ).links


def event_of(site: Site, slug: str) -> dict[str, Any]:
    found = [
        data for data in page(site, f"agenda/{slug}").json_ld() if data.get("@type") == "Event"
    ]
    assert len(found) == 1, slug
    event: dict[str, Any] = found[0]
    return event


def test_each_activity_page_carries_a_schema_org_event(agenda_site: Site) -> None:
    for slug in EXPECTED:
        event = event_of(agenda_site, slug)
        assert event["@context"] == "https://schema.org"
        for field in (
            "name",
            "startDate",
            "endDate",
            "eventStatus",
            "eventAttendanceMode",
            "location",
            "organizer",
        ):
            assert event[field], (slug, field)
        assert event["url"] == f"https://netwerk.example.nl/agenda/{slug}/"
        assert event["organizer"] == {
            "@type": "Organization",
            "name": "Testnetwerk",
            "url": "https://netwerk.example.nl/",
        }

    summer = event_of(agenda_site, "eerste-dag-zomertijd")
    assert (summer["startDate"], summer["endDate"]) == (
        "2026-03-29T10:00:00+02:00",
        "2026-03-29T12:00:00+02:00",
    )
    assert summer["eventStatus"] == "https://schema.org/EventScheduled"
    assert summer["location"] == {
        "@type": "Place",
        "name": "Museum Boerhaave",
        "address": "Lange Sint Agnietenstraat 10, Leiden",
    }
    winter = event_of(agenda_site, "eerste-dag-wintertijd")
    assert winter["startDate"] == "2026-10-25T10:00:00+01:00"
    two_days = event_of(agenda_site, "tweedaagse-conferentie")
    assert (two_days["startDate"], two_days["endDate"]) == ("2027-06-10", "2027-06-11")
    assert two_days["offers"]["url"] == "https://www.example.nl/conferentie"
    assert (
        event_of(agenda_site, "geannuleerde-lunch")["eventStatus"]
        == "https://schema.org/EventCancelled"
    )
    assert (
        event_of(agenda_site, "verplaatst-onderwijscafe")["eventStatus"]
        == "https://schema.org/EventRescheduled"
    )
    online = event_of(agenda_site, "webinar-metacognitie")
    assert online["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.example.nl/metacognitie",
    }
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_editors_text_cannot_break_out_of_the_json_ld(agenda_site: Site) -> None:
    html = agenda_site.page("agenda/lange-titel")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    assert len(scripts) == 1
    assert "</" not in scripts[0] and "<" not in scripts[0]
    assert event_of(agenda_site, "lange-titel")["name"] == LONG_TITLE


def test_an_activity_and_an_agenda_page_cannot_share_a_name(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    site.write(SMALL_NETWORK).write(
        {
            "agenda/po.md": activity("Po-dag", "2026-12-01"),
            "agenda/archief.md": activity("Archief openen", "2027-01-05"),
        }
    )
    with pytest.raises(Abort):
        site.build()
    # The loader keeps activities off the agenda's own pages (see loader.reserved_slugs).
    assert "2 problemen in de inhoud; er is niets gebouwd:" in caplog.text
    assert "content/agenda/archief.md:1: bestand: de naam 'archief' is al in gebruik" in caplog.text
    assert "content/agenda/po.md:1: bestand: de naam 'po' is al in gebruik" in caplog.text
    assert not site.output.exists()


# --- In a browser ----------------------------------------------------------------------------


def test_activities_that_ended_after_the_build_are_hidden(tmp_path: Path, browser: Any) -> None:
    # Built long ago: two activities ended since (in the browser's real now), one never will.
    network = {name: text for name, text in SMALL_NETWORK.items() if not name.startswith("agenda/")}
    site = (
        Site(tmp_path)
        .write(network)
        .write(
            {
                "agenda/lang-geleden.md": activity("Lang geleden", "2001-03-01 10:00", "12:00"),
                "agenda/hele-dag-lang-geleden.md": activity("Hele dag lang geleden", "2001-04-01"),
                "agenda/verre-toekomst.md": activity("Verre toekomst", "2999-03-01"),
            }
        )
    )
    site.configure(build_date="2001-01-01").build()
    built = ["lang-geleden", "hele-dag-lang-geleden", "verre-toekomst"]
    # Without JavaScript the list as built stands.
    assert page(site, "agenda").activity_links() == built
    with serve(site.output) as base:
        with visit(browser, base + "agenda/") as opened:
            assert opened.problems == []
            visible = opened.page.locator("[data-agenda-activity]:visible .netwerk-entry__title a")
            assert visible.all_inner_texts() == ["Verre toekomst"]
            months = opened.page.locator("[data-agenda-month]:visible h2")
            assert months.all_inner_texts() == ["Maart 2999"]
            assert opened.page.locator("[data-agenda-empty]:visible").count() == 0
        with visit(browser, base + "agenda/po/") as opened:
            visible = opened.page.locator("[data-agenda-activity]:visible .netwerk-entry__title a")
            assert visible.all_inner_texts() == ["Verre toekomst"]
    # When nothing is left, the page says so.
    site.write({"agenda/verre-toekomst.md": activity("Nu ook voorbij", "2002-03-01")}).build()
    with serve(site.output) as base, visit(browser, base + "agenda/") as opened:
        assert opened.page.locator("[data-agenda-activity]:visible").count() == 0
        assert opened.page.locator("[data-agenda-empty]:visible").all_inner_texts() == [
            "Er staan op dit moment geen activiteiten gepland."
        ]


def test_the_agenda_pages_pass_axe_and_fit_a_phone(agenda_site: Site, browser: Any) -> None:
    with serve(agenda_site.output) as base:
        for url in (
            "agenda/",
            "agenda/po/",
            "agenda/archief/",
            "agenda/archief/2025-2026/",
            "agenda/programma/2026-2027/",
            "agenda/geannuleerde-lunch/",
        ):
            with visit(browser, base + url) as opened:
                assert opened.problems == [], url
                assert axe(opened.page) == [], url
        # On a phone the programme table scrolls in its own box; the page does not.
        with visit(browser, base + "agenda/programma/2026-2027/", width=375) as opened:
            assert opened.horizontal_overflow() == 0
            assert axe(opened.page) == []
