"""The network's year in numbers (issue 19): participants, newsletter results, cijfers.yml,
the tables and CSV files of /in-cijfers/ and the year report per school year."""

from __future__ import annotations

import csv
import difflib
import re
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from conftest import NEWS, PARTNER, PROJECT, SMALL_NETWORK, TIERS, Site
from netwerk.addresses import reserved
from netwerk.core.loader import load_network
from netwerk.core.options import options_from
from netwerk.core.problems import ContentError
from netwerk.core.settings import Settings
from netwerk.core.sources import load_sources
from test_cli import Netwerk, netwerk

__all__ = ["netwerk"]  # fixture from test_cli

BUILD_DATE = date(2026, 11, 23)
SETTINGS = Settings(memberships=TIERS, build_date=BUILD_DATE)
AUDIENCES = [
    {"slug": "po", "name": "Primair onderwijs", "sectors": ["po"]},
    {"slug": "vo-ho", "name": "VO, MBO en HO", "sectors": ["vo", "mbo", "ho"]},
]
OPTIONS: dict[str, object] = {
    "audiences": AUDIENCES,
    "newsletter_from": "Testnetwerk <nieuwsbrief@netwerk.example.nl>",
    "newsletter_unsubscribe_url": "https://mail.example.nl/afmelden?lijst={audience}",
}


def activity(title: str, start: str, sectors: str, extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\nstart: {start}\nlocation: {{name: Museum Boerhaave}}\n"
        f"sectors: {sectors}\nkind: themabijeenkomst\n{extra}---\nOver {title}.\n"
    )


def edition(day: str, subject: str, extra: str = "") -> str:
    return f"---\ndate: {day}\nsubject: {subject}\n{extra}---\nBeste lezer,\n"


# A long title: the year report's tables wrap it on paper rather than cut it off.
CONFERENCE = (
    "Conferentie Talent floreert, samen werken aan talentontwikkeling van peuter tot student"
)
# A network with two school years: 2025-2026 (over) and 2026-2027 (running on the build date).
NETWORK: dict[str, str] = {
    **SMALL_NETWORK,
    "partners/scol.md": PARTNER.replace("name: Museum Boerhaave", "name: SCOL")
    .replace("sectors: [po, vo]", "sectors: [po]")
    .replace("member_since: 2016-09-01", "member_since: 2026-02-01"),
    "projecten/leesplezier.md": PROJECT.replace("title: Gluren bij de Buren", "title: Leesplezier")
    .replace('code: "3a"', 'code: "1a"')
    .replace("start: 2018-09-01", "start: 2025-09-01"),
    "agenda/netwerkavond.md": activity(
        "Netwerkavond", "2025-10-08 19:00", "[po, vo]", "participants: {po: 30, vo: 26}\n"
    ),
    "agenda/lezing.md": activity("Lezing", "2026-03-05 15:30", "po", "participants: 14\n"),
    "agenda/conferentie.md": activity(
        CONFERENCE, "2026-06-11", "[po, vo, ho]", "participants: 120\n"
    ),
    "agenda/afgelast.md": activity("Afgelast", "2026-02-01", "po", "status: geannuleerd\n"),
    "agenda/werkbezoek.md": activity("Werkbezoek", "2026-10-01", "vo"),
    "nieuws/terugblik.md": NEWS.replace("title: Nieuwe leergemeenschap", "title: Terugblik")
    .replace("date: 2026-10-01", "date: 2026-06-20")
    .replace("kind: nieuws", "kind: interview"),
    "cijfers.yml": """\
        subscribers:
          2025: 560
          2026: 610
        followers:
          LinkedIn:
            2025-2026: 80
            2026-2027: 95
          Instagram:
            2025-2026: 40
        """,
}
EDITIONS = {
    "2025-11.md": edition(
        "2025-11-10",
        "Nieuwsbrief november 2025",
        "results:\n"
        "  po: {recipients: 400, opens: 150, clicks: 40}\n"
        "  vo-ho:\n    recipients: 200\n    opens: 41,5%\n    clicks: 9%\n",
    ),
    "2026-05.md": edition(
        "2026-05-12",
        "Nieuwsbrief mei 2026",
        "audiences: [po]\nresults:\n  po:\n    recipients: 420\n    opens: 38,4%\n",
    ),
    "2026-12.md": edition("2026-12-07", "Nieuwsbrief december 2026"),
}


def numbers_site(site: Site, files: dict[str, str] | None = None) -> Site:
    site.write({**NETWORK, **(files or {})}).configure(**OPTIONS)
    for name, text in EDITIONS.items():
        (site.root / "newsletters").mkdir(exist_ok=True)
        (site.root / "newsletters" / name).write_text(text, encoding="utf-8")
    return site


@pytest.fixture
def built(site: Site) -> Site:
    return numbers_site(site).build()


# --- Reading built pages ---------------------------------------------------------------------


class Tables(HTMLParser):
    """Every table of a page by caption: its rows as cell texts (header row first), and the
    links on the page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self.links: dict[str, str] = {}
        self.headings: list[str] = []
        self._rows: list[list[str]] | None = None
        self._caption: list[str] | None = None
        self._cell: list[str] | None = None
        self._hidden = 0
        self._href: str | None = None
        self._link: list[str] = []
        self._heading: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table":
            self._rows = []
        elif tag == "caption":
            self._caption = []
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = []
        elif tag == "span" and "netwerk-visually-hidden" in (found.get("class") or ""):
            self._hidden += 1
        elif tag == "a":
            self._href, self._link = found.get("href"), []
        elif tag == "h2":
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption" and self._caption is not None:
            self._title = "".join(self._caption).strip()
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None and self._rows:
            self._rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table" and self._rows is not None:
            self.tables[self._title] = self._rows
            self._rows = None
        elif tag == "span" and self._hidden:
            self._hidden -= 1
        elif tag == "a" and self._href is not None:
            self.links[" ".join("".join(self._link).split())] = self._href
            self._href = None
        elif tag == "h2" and self._heading is not None:
            self.headings.append("".join(self._heading).strip().rstrip("¶").strip())
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._caption is not None:
            self._caption.append(data)
        if self._cell is not None and not self._hidden:
            self._cell.append(data)
        if self._href is not None:
            self._link.append(data)
        if self._heading is not None:
            self._heading.append(data)


def tables(site: Site, url: str) -> Tables:
    return Tables(site.page(url))


def read_csv(path: Path) -> list[list[str]]:
    """A CSV file as Excel-NL and the csv module read it."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark"
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file, delimiter=";"))


# --- /in-cijfers/ --------------------------------------------------------------------------


def test_in_numbers_has_a_table_and_a_csv_file_for_each_recorded_figure(built: Site) -> None:
    page = tables(built, "in-cijfers")
    assert page.tables["Deelnemers per werkveld per schooljaar (tabel)"] == [
        ["Werkveld", "Schooljaar 2025-2026"],
        ["Voor- en vroegschoolse educatie", "–"],
        ["Primair onderwijs", "44"],
        ["Voortgezet onderwijs", "26"],
        ["Middelbaar beroepsonderwijs", "–"],
        ["Hoger onderwijs (hbo en wo)", "–"],
        ["Niet per werkveld genoteerd", "120"],
    ]
    assert page.tables["Nieuwsbrief: geopend per doelgroep per editie (tabel)"] == [
        ["Editie", "Primair onderwijs", "VO, MBO en HO"],
        ["10 nov 2025", "37,5%", "41,5%"],
        ["12 mei 2026", "38,4%", "–"],
    ]
    # The May edition recorded no clicks: it is not among the clicks.
    assert page.tables["Nieuwsbrief: doorgeklikt per doelgroep per editie (tabel)"] == [
        ["Editie", "Primair onderwijs", "VO, MBO en HO"],
        ["10 nov 2025", "10%", "9%"],
    ]
    assert page.tables["Abonnees op de nieuwsbrief per jaar (tabel)"] == [
        ["Jaar", "Abonnees"],
        ["2025", "560"],
        ["2026", "610"],
    ]
    assert page.tables["Volgers per kanaal (tabel)"] == [
        ["Schooljaar", "LinkedIn", "Instagram"],
        ["2025-2026", "80", "40"],
        ["2026-2027", "95", "–"],
    ]
    partners_and_projects = page.tables["Nieuwe partners en projecten per schooljaar (tabel)"]
    assert partners_and_projects[:2] == [
        ["Schooljaar", "Nieuwe partners", "Nieuwe projecten"],
        ["2016-2017", "1", "0"],
    ]
    assert partners_and_projects[-2:] == [["2024-2025", "0", "0"], ["2025-2026", "1", "1"]]
    # Every table is a CSV file beside the page, linked from it, with the same numbers.
    for caption, rows in page.tables.items():
        title = caption.removesuffix(" (tabel)")
        href = page.links[f"{title} als CSV-bestand"]
        path = built.output / "in-cijfers" / href
        assert read_csv(path)[1:] == [
            [cell.replace("%", "").replace("–", "") for cell in row] for row in rows[1:]
        ], title
    assert read_csv(built.output / "in-cijfers" / "nieuwsbrief-geopend.csv") == [
        ["Editie", "Primair onderwijs (%)", "VO, MBO en HO (%)"],
        ["10 nov 2025", "37,5", "41,5"],
        ["12 mei 2026", "38,4", ""],
    ]
    assert page.links["Jaarverslag schooljaar 2025/2026"] == "2025-2026/"
    assert page.links["Jaarverslag schooljaar 2026/2027"] == "2026-2027/"


def test_charts_without_data_are_left_out(small_site: Site) -> None:
    small_site.configure(**OPTIONS).build()
    page = tables(small_site, "in-cijfers")
    assert page.headings[1:] == [
        "Partners per werkveld",
        "Partners door de jaren",
        "Nieuwe partners en projecten per schooljaar",
        "Activiteiten per werkveld per schooljaar",
        "Projecten per thema en status",
    ]
    files = sorted(path.name for path in (small_site.output / "in-cijfers").glob("*.csv"))
    assert files == [
        "activiteiten-per-werkveld-per-schooljaar.csv",
        "nieuwe-partners-en-projecten-per-schooljaar.csv",
        "partners-door-de-jaren.csv",
        "partners-per-werkveld.csv",
        "projecten-per-thema-en-status.csv",
    ]
    assert not (small_site.output / "in-cijfers.yml").exists()


def test_the_figures_file_is_not_published(built: Site) -> None:
    assert not (built.output / "cijfers.yml").exists()


# --- The year report -------------------------------------------------------------------------


def test_the_year_report_has_what_the_network_recorded(built: Site) -> None:
    report = tables(built, "in-cijfers/2025-2026")
    assert report.headings == [
        "Partners",
        "Deelnemers per werkveld",
        "Programma per werkveld",
        "Nieuwsbrieven en hun bereik",
        "Nieuwe projecten",
        "Nieuws",
        "Abonnees en volgers",
    ]
    assert report.tables["Partners per werkveld"] == [
        ["Werkveld", "Bij het begin (1 augustus 2025)", "Op 31 juli 2026"],
        ["Voor- en vroegschoolse educatie", "0", "0"],
        ["Primair onderwijs", "1", "2"],
        ["Voortgezet onderwijs", "1", "1"],
        ["Middelbaar beroepsonderwijs", "0", "0"],
        ["Hoger onderwijs (hbo en wo)", "0", "0"],
        ["Alle partners", "1", "2"],
    ]
    assert report.tables["Nieuwe partners"] == [
        ["Partner", "Partner sinds", "Werkvelden"],
        ["SCOL", "1 feb 2026", "Primair onderwijs"],
    ]
    assert report.tables["Deelnemers per werkveld"] == [
        ["Werkveld", "Deelnemers", "Activiteiten met een aantal"],
        ["Voor- en vroegschoolse educatie", "–", "–"],
        ["Primair onderwijs", "44", "2"],
        ["Voortgezet onderwijs", "26", "1"],
        ["Middelbaar beroepsonderwijs", "–", "–"],
        ["Hoger onderwijs (hbo en wo)", "–", "–"],
        ["Niet per werkveld genoteerd", "120", "1"],
        ["Alle werkvelden", "190", "3"],
    ]
    assert report.tables["Programma primair onderwijs"] == [
        ["Activiteit", "Datum", "Stand", "Deelnemers uit dit werkveld", "Deelnemers in totaal"],
        ["Netwerkavond", "8 okt 2025", "Geweest", "30", "56"],
        ["Afgelast", "1 feb 2026", "Geannuleerd", "–", "–"],
        ["Lezing", "5 mrt 2026", "Geweest", "14", "14"],
        [CONFERENCE, "11 jun 2026", "Geweest", "–", "120"],
    ]
    assert report.tables["Nieuwsbrieven en hun bereik"] == [
        ["Editie", "Verstuurd", "Doelgroep", "Ontvangers", "Geopend", "Doorgeklikt"],
        ["Nieuwsbrief november 2025", "10 nov 2025", "Primair onderwijs", "400", "37,5%", "10%"],
        ["Nieuwsbrief november 2025", "10 nov 2025", "VO, MBO en HO", "200", "41,5%", "9%"],
        ["Nieuwsbrief mei 2026", "12 mei 2026", "Primair onderwijs", "420", "38,4%", "–"],
    ]
    assert report.tables["Nieuwe projecten"] == [
        ["Project", "Thema", "Start", "Stand nu"],
        ["Leesplezier", "Motivatie als motor", "1 sep 2025", "In uitvoering"],
    ]
    assert report.tables["Nieuwsberichten per soort"] == [
        ["Soort", "Berichten"],
        ["Interview", "1"],
        ["Alle berichten", "1"],
    ]
    assert report.tables["Abonnees en volgers"] == [
        ["Cijfer", "Jaar", "Aantal"],
        ["Abonnees op de nieuwsbrief", "2025", "560"],
        ["Abonnees op de nieuwsbrief", "2026", "610"],
        ["Volgers op LinkedIn", "2025-2026", "80"],
        ["Volgers op Instagram", "2025-2026", "40"],
    ]
    text = built.page("in-cijfers/2025-2026")
    assert (
        "190 deelnemers, genoteerd bij 3 van de 3 activiteiten die dit schooljaar gehouden zijn."
        in text
    )
    assert "Dit schooljaar loopt nog" not in text
    # Its tables are CSV files beside it too, read back as they were shown.
    folder = built.output / "in-cijfers" / "2025-2026"
    assert read_csv(folder / "nieuwsbrieven.csv") == [
        ["Editie", "Verstuurd", "Doelgroep", "Ontvangers", "Geopend (%)", "Doorgeklikt (%)"],
        ["Nieuwsbrief november 2025", "2025-11-10", "Primair onderwijs", "400", "37,5", "10"],
        ["Nieuwsbrief november 2025", "2025-11-10", "VO, MBO en HO", "200", "41,5", "9"],
        ["Nieuwsbrief mei 2026", "2026-05-12", "Primair onderwijs", "420", "38,4", ""],
    ]
    assert read_csv(folder / "deelnemers.csv")[-1] == ["Alle werkvelden", "190", "3"]
    for title, href in report.links.items():
        if title.endswith("als CSV-bestand"):
            assert (folder / href).is_file(), href
    assert report.links["Programma schooljaar 2025/2026"] == "../../agenda/programma/2025-2026/"
    # The print stylesheet, for this page only.
    assert 'href="../../assets/stylesheets/netwerk-print.css" media="print"' in text
    assert (built.output / "assets" / "stylesheets" / "netwerk-print.css").is_file()
    assert "netwerk-print.css" not in built.page("in-cijfers")


def test_a_running_school_year_is_counted_up_to_the_build_date(built: Site) -> None:
    report = tables(built, "in-cijfers/2026-2027")
    text = built.page("in-cijfers/2026-2027")
    assert (
        "Dit schooljaar loopt nog</strong>: dit verslag telt tot en met maandag 23 november 2026."
        in text
    )
    assert (
        "Voor de activiteiten van dit schooljaar zijn geen deelnemers genoteerd (1 activiteit "
        "gehouden)." in text
    )
    assert report.tables["Partners per werkveld"][0] == [
        "Werkveld",
        "Bij het begin (1 augustus 2026)",
        "Op 23 november 2026",
    ]
    # The December edition goes out after the build date: not sent yet, so not in the report.
    assert "Dit schooljaar is er geen nieuwsbrief verstuurd." in text
    assert report.tables["Abonnees en volgers"][1:] == [
        ["Abonnees op de nieuwsbrief", "2026", "610"],
        ["Volgers op LinkedIn", "2026-2027", "95"],
    ]
    assert not (built.output / "in-cijfers" / "2027-2028").exists()


# --- Validation: participants ----------------------------------------------------------------

AGENDA = "content/agenda/x.md"
PAST = "---\ntitle: Bijeenkomst\nstart: 2026-03-12 15:30\nlocation: {name: Hier}\n"


def problems(site: Site, files: dict[str, str]) -> list[str]:
    site.write({**SMALL_NETWORK, **files})
    with pytest.raises(ContentError) as caught:
        load_network(site.content, SETTINGS, reserved=reserved(SETTINGS))
    return [str(problem) for problem in caught.value.problems]


def with_participants(
    participants: str, *, start: str = "2026-03-12 15:30", extra: str = ""
) -> str:
    return (
        f"---\ntitle: Bijeenkomst\nstart: {start}\nlocation: {{name: Hier}}\n"
        f"sectors: [po, vo]\nkind: lezing\n{extra}{participants}---\n"
    )


PARTICIPANT_CASES = {
    "not a whole number": (
        "participants: veel\n",
        "content/agenda/x.md:7: participants: 'veel' is geen heel getal; schrijf een aantal, "
        "zoals participants: 56",
    ),
    "a decimal": (
        "participants: 5,5\n",
        "content/agenda/x.md:7: participants: '5,5' is geen heel getal; schrijf een aantal, "
        "zoals participants: 56",
    ),
    "below zero": (
        "participants: -3\n",
        "content/agenda/x.md:7: participants: '-3' is minder dan 0; schrijf een aantal van 0 of "
        "meer",
    ),
    "a thousands separator": (
        "participants: 1.200\n",
        "content/agenda/x.md:7: participants: '1.200' is geen heel getal; schrijf het zonder "
        "punt: participants: 1200",
    ),
    "a sector's count": (
        "participants:\n  po: 30\n  vo: dertig\n",
        "content/agenda/x.md:9: participants.vo: 'dertig' is geen heel getal; schrijf een "
        "aantal, zoals vo: 30",
    ),
    "a sector of the network that is not the activity's": (
        "participants:\n  po: 30\n  ho: 3\n",
        "content/agenda/x.md:9: participants.ho: 'ho' is geen werkveld van deze activiteit; tel "
        "alleen deelnemers uit haar werkvelden (po, vo), of zet ho ook bij sectors",
    ),
    "a misspelt sector": (
        "participants: {po: 30, v0: 26}\n",
        "content/agenda/x.md:7: participants.v0: 'v0' is geen werkveld van deze activiteit; "
        "bedoelde je 'vo'?",
    ),
    "a list": (
        "participants: [30, 26]\n",
        "content/agenda/x.md:7: participants: verwacht een aantal, geen lijst; schrijf "
        "participants: 56, of per werkveld: participants: {po: 30, vo: 26}",
    ),
    "empty": (
        "participants: {}\n",
        "content/agenda/x.md:7: participants: is leeg; schrijf participants: 56, of per "
        "werkveld: participants: {po: 30, vo: 26}, of haal de regel weg",
    ),
}


@pytest.mark.parametrize("case", PARTICIPANT_CASES)
def test_participants_are_whole_numbers_of_the_activitys_own_sectors(site: Site, case: str) -> None:
    participants, message = PARTICIPANT_CASES[case]
    assert problems(site, {"agenda/x.md": with_participants(participants)}) == [message]


def test_participants_only_after_the_activity_started(site: Site) -> None:
    future = with_participants("participants: 40\n", start="2026-12-10 15:30")
    assert problems(site, {"agenda/x.md": future}) == [
        "content/agenda/x.md:7: participants: de activiteit begint pas op 2026-12-10; noteer "
        "het aantal deelnemers als ze geweest is"
    ]
    # On the build date itself it has started.
    today = with_participants("participants: 40\n", start="2026-11-23 09:00")
    site.write({"agenda/x.md": today})
    network = load_network(site.content, SETTINGS)
    assert network.activities["x"].participants == 40


def test_a_cancelled_activity_has_no_participants(site: Site) -> None:
    cancelled = with_participants("participants: 12\n", extra="status: geannuleerd\n")
    assert problems(site, {"agenda/x.md": cancelled}) == [
        "content/agenda/x.md:8: participants: een geannuleerde activiteit heeft geen "
        "deelnemers; haal participants weg, of zet de status terug als de activiteit toch "
        "doorging"
    ]


def test_participants_in_total_or_per_sector_are_read_as_numbers(site: Site) -> None:
    site.write(
        {
            **SMALL_NETWORK,
            "agenda/a.md": with_participants("participants: 56\n"),
            "agenda/b.md": with_participants("participants:\n  po: 30\n  vo: 0\n"),
        }
    )
    network = load_network(site.content, SETTINGS)
    assert network.activities["a"].participants == 56
    assert network.activities["b"].participants == {"po": 30, "vo": 0}
    assert network.activities["themabijeenkomst-motivatie"].participants is None


# --- Validation: newsletter results ----------------------------------------------------------


def edition_problems(site: Site, editions: dict[str, str]) -> list[str]:
    site.write(SMALL_NETWORK)
    folder = site.root / "newsletters"
    folder.mkdir(exist_ok=True)
    for name, text in editions.items():
        (folder / name).write_text(text, encoding="utf-8")
    options = options_from(
        {**OPTIONS, "memberships": TIERS, "build_date": BUILD_DATE.isoformat()},
        site_url="https://netwerk.example.nl/",
        site_name="Testnetwerk",
    )
    with pytest.raises(ContentError) as caught:
        load_sources(site.root, site.content, options)
    return [str(problem) for problem in caught.value.problems]


def results(lines: str, *, day: str = "2026-10-05", audiences: str = "") -> str:
    return edition(day, "Nieuwsbrief", f"{audiences}results:\n{lines}")


RESULT_CASES = {
    "a percentage without %": (
        results("  po:\n    recipients: 400\n    opens: 38,4\n"),
        "newsletters/2026-10.md:7: results.po.opens: '38,4' is geen aantal; schrijf een "
        "percentage met %, zoals opens: 38,4%, of een heel aantal, zoals opens: 230",
    ),
    "more than 100%": (
        results("  po:\n    clicks: 120%\n"),
        "newsletters/2026-10.md:6: results.po.clicks: '120%' is meer dan 100%; controleer het "
        "percentage",
    ),
    "neither a count nor a percentage": (
        results("  po:\n    opens: veel\n"),
        "newsletters/2026-10.md:6: results.po.opens: 'veel' is geen aantal of percentage; "
        "schrijf een aantal, zoals opens: 230, of een percentage, zoals opens: 38,4%",
    ),
    "recipients not a count": (
        results("  po:\n    recipients: 38,4%\n"),
        "newsletters/2026-10.md:6: results.po.recipients: '38,4%' is geen heel getal; schrijf "
        "een aantal, zoals recipients: 607",
    ),
    "more opens than recipients": (
        results("  po:\n    recipients: 400\n    opens: 450\n"),
        "newsletters/2026-10.md:7: results.po.opens: 450 is meer dan het aantal ontvangers "
        "(recipients: 400); controleer de cijfers",
    ),
    "a count without recipients": (
        results("  po:\n    clicks: 40\n"),
        "newsletters/2026-10.md:6: results.po.clicks: 40 is een aantal, maar recipients "
        "ontbreekt; vul ook het aantal ontvangers in (recipients), of schrijf clicks als "
        "percentage, zoals clicks: 38,4%",
    ),
    "an unknown audience": (
        results("  p0: {opens: 40%}\n"),
        "newsletters/2026-10.md:5: results.p0: 'p0' is geen doelgroep; bedoelde je 'po'?",
    ),
    "an audience that did not get the edition": (
        results("  vo-ho: {opens: 40%}\n", audiences="audiences: [po]\n"),
        "newsletters/2026-10.md:6: results.vo-ho: vo-ho kreeg deze editie niet (audiences: "
        "[po]); haal deze resultaten weg, of zet vo-ho bij audiences",
    ),
    "nothing in it": (
        results("  po: {}\n"),
        "newsletters/2026-10.md:5: results.po: is leeg; vul recipients, opens en clicks in "
        "zoals het mailprogramma ze geeft, zoals po: {recipients: 607, opens: 230, clicks: 74}",
    ),
    "an edition not sent yet": (
        results("  po: {opens: 40%}\n", day="2026-12-07"),
        "newsletters/2026-10.md:4: results: de editie gaat pas op 2026-12-07 uit; vul de "
        "resultaten in nadat ze verstuurd is",
    ),
    "an unknown field": (
        results("  po: {opened: 40%}\n"),
        "newsletters/2026-10.md:5: results.po.opened: is geen bekend veld; bedoelde je 'opens'?",
    ),
}


@pytest.mark.parametrize("case", RESULT_CASES)
def test_newsletter_results_are_checked(site: Site, case: str) -> None:
    text, message = RESULT_CASES[case]
    assert edition_problems(site, {"2026-10.md": text}) == [message]


# --- Validation: content/cijfers.yml ---------------------------------------------------------

FIGURE_CASES = {
    "a year that has not begun": (
        "subscribers:\n  2026: 610\n  2027: 650\n",
        "content/cijfers.yml:3: subscribers.2027: 2027 is nog niet begonnen; noteer alleen "
        "cijfers van een jaar dat al begonnen is",
    ),
    "a school year that has not begun": (
        "followers:\n  LinkedIn:\n    2027-2028: 100\n",
        "content/cijfers.yml:3: followers.LinkedIn.2027-2028: 2027-2028 is nog niet begonnen; "
        "noteer alleen cijfers van een jaar dat al begonnen is",
    ),
    "years and school years mixed": (
        "subscribers:\n  2025: 560\n  2025-2026: 580\n",
        "content/cijfers.yml:3: subscribers.2025-2026: '2025-2026' is een schooljaar, de jaren "
        "erboven zijn kalenderjaren; schrijf ze in één reeks allemaal als jaar (2026) of "
        "allemaal als schooljaar (2025-2026)",
    ),
    "a school year with a slash": (
        "subscribers:\n  2024/2025: 500\n",
        "content/cijfers.yml:2: subscribers.2024/2025: '2024/2025': schrijf een schooljaar met "
        "een streepje: 2024-2025",
    ),
    "a school year written short": (
        "subscribers:\n  15/16: 415\n",
        "content/cijfers.yml:2: subscribers.15/16: '15/16': schrijf het schooljaar voluit, "
        "zoals 2015-2016",
    ),
    "no school year": (
        "subscribers:\n  2024-2026: 500\n",
        "content/cijfers.yml:2: subscribers.2024-2026: '2024-2026' is geen schooljaar; een "
        "schooljaar loopt over twee jaren na elkaar, zoals 2024-2025",
    ),
    "no year at all": (
        "subscribers:\n  vorig jaar: 500\n",
        "content/cijfers.yml:2: subscribers.vorig jaar: 'vorig jaar' is geen jaar of "
        "schooljaar; schrijf een jaar, zoals 2026, of een schooljaar, zoals 2025-2026",
    ),
    "not a count": (
        "followers:\n  Facebook:\n    2025: ongeveer 100\n",
        "content/cijfers.yml:3: followers.Facebook.2025: 'ongeveer 100' is geen heel getal; "
        "schrijf een aantal, zoals 2025: 572",
    ),
    "a channel without years": (
        "followers:\n  LinkedIn: 120\n",
        "content/cijfers.yml:2: followers.LinkedIn: verwacht een aantal per jaar, elk op een "
        "eigen, ingesprongen regel, zoals 2026: 572",
    ),
    "an unknown field": (
        "abonnees:\n  2025: 560\n",
        "content/cijfers.yml:1: abonnees: is geen bekend veld; kies uit: followers, subscribers",
    ),
}


@pytest.mark.parametrize("case", FIGURE_CASES)
def test_the_figures_file_is_checked_with_line_numbers(site: Site, case: str) -> None:
    text, message = FIGURE_CASES[case]
    assert problems(site, {"cijfers.yml": text}) == [message]


def test_the_figures_file_is_read_in_time_order(site: Site) -> None:
    site.write({**SMALL_NETWORK, "cijfers.yml": "subscribers:\n  2026: 610\n  2024: 500\n"})
    network = load_network(site.content, SETTINGS)
    assert network.figures.subscribers == {"2024": 500, "2026": 610}


# --- netwerk nieuwsbrief resultaten ------------------------------------------------------------


def diff(before: str, after: str) -> list[str]:
    """The changed lines, as `git diff` shows them (without the hunk headers)."""
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.fixture
def editions_site(site: Site) -> Site:
    return numbers_site(site)


def run_results(netwerk: Netwerk, site: Site, *args: str) -> tuple[int, str, str]:
    run = netwerk(site.root, "nieuwsbrief", "resultaten", *args)
    return run.code, run.out, run.err


def test_results_are_added_before_the_closing_line(netwerk: Netwerk, editions_site: Site) -> None:
    path = editions_site.root / "newsletters" / "2026-10.md"
    before = (
        "---\n"
        "date: 2026-10-05\n"
        "subject: \"Nieuwsbrief oktober: 'Talent' #2\"\n"
        "# de preheader volgt nog\n"
        "highlights: [nieuws/nieuwe-leergemeenschap]\n"
        "---\n"
        "Beste lezer,\n\n  regels   met spaties blijven staan\n"
    )
    path.write_text(before, encoding="utf-8")
    code, out, err = run_results(
        netwerk,
        editions_site,
        "2026-10",
        "po",
        "--ontvangers",
        "607",
        "--geopend",
        "230",
        "--geklikt",
        "12,5%",
    )
    assert code == 0, err
    assert out.splitlines()[0] == (
        "Geschreven: newsletters/2026-10.md: results.po: recipients 607, opens 230, clicks 12,5%"
    )
    after = path.read_text(encoding="utf-8")
    assert diff(before, after) == [
        "+results:",
        "+  po:",
        "+    recipients: 607",
        "+    opens: 230",
        "+    clicks: 12,5%",
    ]
    assert after.endswith("---\nBeste lezer,\n\n  regels   met spaties blijven staan\n")


def test_results_of_one_audience_change_only_its_lines(
    netwerk: Netwerk, editions_site: Site
) -> None:
    path = editions_site.root / "newsletters" / "2025-11.md"
    before = (
        "---\n"
        "date: 2025-11-10\n"
        "subject: Nieuwsbrief november 2025\n"
        "results:\n"
        "  # uit Laposta, 12 november\n"
        "  po:\n"
        "    recipients: 400\n"
        "    opens: 150   # uniek\n"
        "  vo-ho: {recipients: 200}\n"
        "draft: false\n"
        "---\n"
        "Tekst.\n"
    )
    path.write_text(before, encoding="utf-8")
    code, _, err = run_results(netwerk, editions_site, "2025-11", "po", "--geklikt", "40")
    assert code == 0, err
    after = path.read_text(encoding="utf-8")
    assert diff(before, after) == ["+    clicks: 40"]
    assert "    opens: 150   # uniek\n    clicks: 40\n  vo-ho:" in after
    code, _, err = run_results(netwerk, editions_site, "2025-11", "po", "--geopend", "37,5%")
    assert code == 0, err
    assert diff(after, path.read_text(encoding="utf-8")) == [
        "-    opens: 150   # uniek",
        "+    opens: 37,5%   # uniek",
    ]
    after = path.read_text(encoding="utf-8")
    code, _, err = run_results(netwerk, editions_site, "2025-11", "vo-ho", "--geopend", "41.5 %")
    assert code == 0, err
    assert diff(after, path.read_text(encoding="utf-8")) == [
        "-  vo-ho: {recipients: 200}",
        "+  vo-ho:",
        "+    recipients: 200",
        "+    opens: 41,5%",
    ]


def test_a_new_audience_is_added_after_the_others(netwerk: Netwerk, editions_site: Site) -> None:
    path = editions_site.root / "newsletters" / "2025-11.md"
    before = (
        "---\ndate: 2025-11-10\nsubject: Nieuwsbrief\nresults:\n  po:\n    opens: 40%\n\n"
        "# eind\n---\nTekst.\n"
    )
    path.write_text(before, encoding="utf-8")
    code, _, err = run_results(netwerk, editions_site, "2025-11", "vo-ho", "--geopend", "33%")
    assert code == 0, err
    assert diff(before, path.read_text(encoding="utf-8")) == [
        "+  vo-ho:",
        "+    opens: 33%",
    ]
    assert "    opens: 33%\n\n# eind\n---\n" in path.read_text(encoding="utf-8")


def test_results_written_on_one_line_become_a_block(netwerk: Netwerk, editions_site: Site) -> None:
    path = editions_site.root / "newsletters" / "2025-11.md"
    before = "---\ndate: 2025-11-10\nsubject: Nieuwsbrief\nresults: {}\n---\nTekst.\n"
    path.write_text(before, encoding="utf-8")
    code, _, err = run_results(netwerk, editions_site, "2025-11", "po", "--ontvangers", "400")
    assert code == 0, err
    assert diff(before, path.read_text(encoding="utf-8")) == [
        "-results: {}",
        "+results:",
        "+  po:",
        "+    recipients: 400",
    ]


def test_line_ends_and_byte_order_mark_are_kept(netwerk: Netwerk, editions_site: Site) -> None:
    path = editions_site.root / "newsletters" / "2025-11.md"
    before = b"\xef\xbb\xbf---\r\ndate: 2025-11-10\r\nsubject: Nieuwsbrief\r\n---\r\nTekst.\r\n"
    path.write_bytes(before)
    code, _, err = run_results(netwerk, editions_site, "2025-11", "po", "--geopend", "40%")
    assert code == 0, err
    assert path.read_bytes() == (
        b"\xef\xbb\xbf---\r\ndate: 2025-11-10\r\nsubject: Nieuwsbrief\r\n"
        b"results:\r\n  po:\r\n    opens: 40%\r\n---\r\nTekst.\r\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["2025-11", "po", "--geopend", "500"],
            "Fout: niets geschreven in newsletters/2025-11.md; met deze cijfers klopt de editie "
            "niet:\nresults.po.opens: 500 is meer dan het aantal ontvangers "
            "(recipients: 400); controleer de cijfers",
        ),
        (
            ["2026-12", "po", "--geopend", "40%"],
            "Fout: niets geschreven in newsletters/2026-12.md; met deze cijfers klopt de editie "
            "niet:\nresults: de editie gaat pas op 2026-12-07 uit; vul de "
            "resultaten in nadat ze verstuurd is",
        ),
        (
            ["2026-05", "vo-ho", "--geopend", "40%"],
            "Fout: niets geschreven in newsletters/2026-05.md; met deze cijfers klopt de editie "
            "niet:\nresults.vo-ho: vo-ho kreeg deze editie niet (audiences: "
            "[po]); haal deze resultaten weg, of zet vo-ho bij audiences",
        ),
        (
            ["2025-1", "po", "--geopend", "40%"],
            "Fout: newsletters/2025-1.md bestaat niet: er is geen editie '2025-1'; bedoelde je "
            "'2025-11'?",
        ),
        (["2025-11", "p0", "--geopend", "40%"], "Fout: er is geen publiek 'p0'; bedoelde je 'po'?"),
        (
            ["2025-11", "po", "--geopend", "38,4"],
            "Fout: --geopend: '38,4' is geen aantal of percentage; geef een aantal, zoals "
            "--geopend 230, of een percentage, zoals --geopend 38,4%",
        ),
        (
            ["2025-11", "po", "--ontvangers", "12%"],
            "Fout: --ontvangers: '12%' is geen aantal; geef een heel getal, zoals --ontvangers 607",
        ),
        (
            ["2025-11", "po", "--geklikt", "101%"],
            "Fout: --geklikt: '101%' is meer dan 100%; controleer het percentage",
        ),
        (
            ["2025-11", "po"],
            "Fout: geef minstens één cijfer: --ontvangers, --geopend of --geklikt, zoals "
            "--ontvangers 607 --geopend 230 --geklikt 74",
        ),
    ],
)
def test_results_that_do_not_fit_are_not_written(
    netwerk: Netwerk, editions_site: Site, args: list[str], message: str
) -> None:
    folder = editions_site.root / "newsletters"
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    code, out, err = run_results(netwerk, editions_site, *args)
    assert (code, out, err.strip()) == (1, "", message)
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before


def test_the_command_explains_itself_in_dutch(netwerk: Netwerk, editions_site: Site) -> None:
    run = netwerk(editions_site.root, "nieuwsbrief", "resultaten", "--help")
    assert run.code == 0
    assert "Schrijft de cijfers die je mailprogramma na verzending geeft" in run.out
    assert "--ontvangers N" in run.out and "--geopend N" in run.out and "--geklikt N" in run.out


def test_new_items_get_no_participants_or_results(netwerk: Netwerk, editions_site: Site) -> None:
    run = netwerk(editions_site.root, "nieuw", "activiteit", "Nieuwe lezing")
    assert run.code == 0, run.err
    text = (editions_site.content / "agenda" / "nieuwe-lezing.md").read_text(encoding="utf-8")
    assert "participants" not in text
    run = netwerk(editions_site.root, "nieuw", "nieuwsbrief", "Nieuwsbrief maart 2027")
    assert run.code == 0, run.err
    assert "results" not in (editions_site.root / "newsletters" / "2027-03.md").read_text("utf-8")


# --- In the browser: accessible, and printed on A4 without clipped tables --------------------


def test_the_new_pages_are_accessible(built: Site, browser: Any) -> None:
    from browser import axe, serve, visit

    found: dict[str, Any] = {}
    with serve(built.output) as base:
        for url in ("in-cijfers/", "in-cijfers/2025-2026/", "in-cijfers/2026-2027/"):
            for width in (1280, 375):
                with visit(browser, base + url, width=width) as opened:
                    if opened.problems:
                        found[f"{url} at {width}: problems"] = opened.problems
                    violations = axe(opened.page)
                    if violations:
                        found[f"{url} at {width}: axe"] = violations
                    if opened.horizontal_overflow() > 0:
                        found[f"{url} at {width}: overflow"] = opened.horizontal_overflow()
    assert found == {}


# The width of an A4 page's text in CSS pixels: 210 mm less the 2 x 14 mm margins of
# netwerk-print.css, at 96 pixels per inch.
A4_TEXT_WIDTH = round((210 - 2 * 14) / 25.4 * 96)


def test_the_year_report_prints_on_a4_without_menus_or_clipped_tables(
    built: Site, browser: Any, tmp_path: Path
) -> None:
    from browser import serve

    with serve(built.output) as base:
        context = browser.new_context(viewport={"width": A4_TEXT_WIDTH, "height": 1000})
        try:
            page = context.new_page()
            page.goto(base + "in-cijfers/2025-2026/", wait_until="networkidle")
            page.emulate_media(media="print")
            layout = page.evaluate(
                """() => ({
                    tables: [...document.querySelectorAll('table.netwerk-table')].map(t => ({
                        caption: t.caption.textContent.trim(),
                        width: t.scrollWidth,
                        room: t.parentElement.clientWidth,
                        right: t.getBoundingClientRect().right,
                    })),
                    page: document.documentElement.clientWidth,
                    shown: ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-footer',
                            '.netwerk-download']
                        .filter(s => [...document.querySelectorAll(s)]
                            .some(e => getComputedStyle(e).display !== 'none')),
                })"""
            )
            pdf = page.pdf(format="A4", prefer_css_page_size=True)
        finally:
            context.close()
    assert layout["shown"] == []
    assert len(layout["tables"]) == 10
    clipped = [
        table
        for table in layout["tables"]
        if table["width"] > table["room"] or table["right"] > layout["page"]
    ]
    assert clipped == []

    printed = tmp_path / "jaarverslag.pdf"
    printed.write_bytes(pdf)
    info = subprocess.run(
        ["pdfinfo", str(printed)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)$", info, re.M), info
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))  # type: ignore[union-attr]
    assert 2 <= pages <= 6
    text = subprocess.run(
        ["pdftotext", "-layout", str(printed), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = " ".join(text.split())
    assert words.startswith("Jaarverslag schooljaar 2025/2026")
    # Every table's last column and last row are on paper.
    for expected in (
        "Alle partners 1 2",
        "Netwerkavond 8 okt 2025 Geweest 30 56",
        "Lezing 5 mrt 2026 Geweest 14 14",
        "11 jun 2026 Geweest – 120",
        "talentontwikkeling van peuter tot student",  # the long title, wrapped
        "Doorgeklikt",
        "Nieuwsbrief mei 2026 12 mei 2026 Primair onderwijs 420 38,4% –",
        "Leesplezier Motivatie als motor 1 sep 2025 In uitvoering",
        "Volgers op Instagram 2025-2026 40",
    ):
        assert expected in words, expected
    # No menus, search, footer or download links.
    for absent in ("Testnetwerk", "Zoeken", "Material for MkDocs", "CSV-bestand", "Ctrl+P"):
        assert absent not in words, absent


# --- A network that records every kind of figure ---------------------------------------------


def test_a_network_that_records_every_figure_shows_every_chart(rich: Path) -> None:
    """The tests' rich network (tests/networks.py) records participants per sector, the results
    of an edition for both audiences, subscribers and followers, so every chart has data."""
    page = Tables((rich / "in-cijfers" / "index.html").read_text(encoding="utf-8"))
    assert page.headings[1:] == [
        "Partners per werkveld",
        "Partners door de jaren",
        "Nieuwe partners en projecten per schooljaar",
        "Activiteiten per werkveld per schooljaar",
        "Deelnemers per werkveld per schooljaar",
        "Projecten per thema en status",
        "Nieuwsbrief: geopend per doelgroep per editie",
        "Nieuwsbrief: doorgeklikt per doelgroep per editie",
        "Abonnees op de nieuwsbrief per jaar",
        "Volgers per kanaal",
    ]
    # The network meeting of 6 November 2025: 12 from po, 9 from vo.
    assert page.tables["Deelnemers per werkveld per schooljaar (tabel)"] == [
        ["Werkveld", "Schooljaar 2025-2026"],
        ["Voor- en vroegschoolse educatie", "–"],
        ["Primair onderwijs", "12"],
        ["Voortgezet onderwijs", "9"],
        ["Middelbaar beroepsonderwijs", "–"],
        ["Hoger onderwijs (hbo en wo)", "–"],
    ]
    # October's edition: vve-po counted (96 and 31 of 240), vo-ho gave percentages.
    assert page.tables["Nieuwsbrief: geopend per doelgroep per editie (tabel)"] == [
        ["Editie", "VVE en PO", "VO, MBO en HO"],
        ["5 okt 2026", "40%", "41,2%"],
    ]
    assert page.tables["Nieuwsbrief: doorgeklikt per doelgroep per editie (tabel)"] == [
        ["Editie", "VVE en PO", "VO, MBO en HO"],
        ["5 okt 2026", "12,9%", "9,5%"],
    ]
    assert page.tables["Abonnees op de nieuwsbrief per jaar (tabel)"] == [
        ["Jaar", "Abonnees"],
        ["2025", "380"],
        ["2026", "420"],
    ]
    assert page.tables["Volgers per kanaal (tabel)"] == [
        ["Jaar", "LinkedIn", "Instagram"],
        ["2025", "120", "–"],
        ["2026", "180", "45"],
    ]
    assert (rich / "in-cijfers" / "2025-2026" / "index.html").is_file()
    assert (rich / "in-cijfers" / "2026-2027" / "index.html").is_file()
