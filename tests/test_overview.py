"""The working group's overview (issue 27): what the network agreed, and what is still open.

Small networks in tmp_path with each kind of open item, and with none; `netwerk overzicht`
read line by line, its CSV read back, and the same overview on the site for the editors only.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from conftest import BUILD_DATE, Site
from netwerk.core.options import options_from
from netwerk.core.problems import SettingsError
from netwerk.editing.cli import main
from netwerk.editing.preview import Preview

MAILING: dict[str, Any] = {
    "audiences": [
        {"slug": "po", "name": "Primair onderwijs", "sectors": ["po"]},
        {"slug": "vo", "name": "Voortgezet onderwijs", "sectors": ["vo"]},
    ],
    "newsletter_from": "Leesnetwerk <nieuwsbrief@leesnetwerk.example>",
    "newsletter_unsubscribe_url": "https://www.leesnetwerk.example/afmelden/?lijst={audience}",
}
AGREEMENTS = {"contributions_per_project": 2, "editions_per_year": 5, "page_age_days": 730}

# Everything in order: no agreement is missed, nothing is open.
CALM: dict[str, str] = {
    "index.md": "# Leesnetwerk\n\nScholen en de bibliotheek lezen samen.\n",
    "themas/lezen.md": """\
        ---
        title: Lezen
        summary: Plezier in lezen, thuis en op school.
        ---
        """,
    "partners/bibliotheek.md": """\
        ---
        name: Bibliotheek Rijn
        sectors: [po, vo]
        membership: basis
        ---
        De bibliotheek van de regio.
        """,
    "agenda/leescafe.md": """\
        ---
        title: Leescafé
        start: 2026-10-10 15:30
        location: {name: Bibliotheek Rijn}
        sectors: [po]
        kind: onderwijscafe
        participants: 24
        ---
        """,
}

# One of each kind of open item, and beside each something that is not open.
OPEN: dict[str, str] = {
    **CALM,
    "partners/museum.md": """\
        ---
        name: Museum aan de Rijn
        sectors: [po]
        membership: basis
        draft: true
        ---
        """,
    "projecten/leesclub.md": """\
        ---
        title: Leesclub
        theme: lezen
        status: lopend
        leads: [Bibliotheek Rijn]
        sectors: [po]
        goal: Elke school een leesclub.
        ---
        """,
    "projecten/schoolbieb.md": """\
        ---
        title: Schoolbieb
        code: "2a"
        theme: lezen
        status: nieuw
        sectors: [po, vo]
        goal: Een bibliotheek in elke school.
        ---
        """,
    "projecten/voorleesweek.md": """\
        ---
        title: Voorleesweek
        theme: lezen
        status: lopend
        sectors: [po]
        goal: Een week lang voorlezen.
        ---
        """,
    "projecten/leesoffensief.md": """\
        ---
        title: Leesoffensief
        theme: lezen
        status: afgerond
        sectors: [po]
        goal: Meer lezen.
        ---
        """,
    "nieuws/leesclub-van-start.md": """\
        ---
        title: De leesclub gaat van start
        date: 2026-10-05
        kind: interview
        summary: Een gesprek met de eerste leesclub.
        sectors: [po]
        project: leesclub
        partners: [museum]
        ---
        """,
    "nieuws/voorleesweek-terug.md": """\
        ---
        title: Terugblik op de voorleesweek
        date: 2026-11-10
        kind: nieuws
        summary: Zo ging de voorleesweek.
        sectors: [po]
        project: voorleesweek
        ---
        """,
    "agenda/voorleesavond.md": """\
        ---
        title: Voorleesavond
        start: 2026-11-02 19:00
        location: {name: Bibliotheek Rijn}
        sectors: [po, vo]
        kind: lezing
        project: voorleesweek
        ---
        """,
    "agenda/schoolbieb-start.md": """\
        ---
        title: Start schoolbieb
        start: 2026-10-20
        location: {name: Bibliotheek Rijn}
        sectors: [po]
        kind: training
        status: geannuleerd
        project: schoolbieb
        ---
        """,
    "agenda/leesdag-2024.md": """\
        ---
        title: Leesdag 2024
        start: 2024-10-10
        location: {name: Bibliotheek Rijn}
        sectors: [po]
        kind: conferentie
        ---
        """,
    "agenda/leesconferentie.md": """\
        ---
        title: Leesconferentie
        start: 2027-02-11
        location: {name: Bibliotheek Rijn}
        sectors: [po, vo]
        kind: conferentie
        ---
        """,
}
EDITIONS = {
    "2026-10.md": """\
        ---
        date: 2026-10-12
        subject: Nieuwsbrief oktober 2026
        results:
          po: {recipients: 120, opens: 60, clicks: 12}
        ---
        Het nieuws van oktober.
        """,
    "2026-12.md": """\
        ---
        date: 2026-12-10
        subject: Nieuwsbrief december 2026
        audiences: [po]
        ---
        Het nieuws van december.
        """,
}

HEADING = "Wat er open staat op 23 november 2026 (schooljaar 2026/2027)"
EXPECTED = [
    HEADING,
    "Afspraken: 2 bijdragen per project per schooljaar, 5 nieuwsbrieven per doelgroep per "
    "schooljaar, pagina's bijwerken binnen 730 dagen.",
    "",
    "Projecten met minder dan 2 bijdragen in schooljaar 2026/2027 (2)",
    "Telt mee: berichten van elke soort en activiteiten van elke soort (niet geannuleerd) met "
    "project: erbij, van schooljaar 2026/2027. 2 van de 3 lopende projecten hebben er nu minder "
    "dan 2.",
    "content/projecten/schoolbieb.md: Schoolbieb (2a): 0 van 2 bijdragen in 2026/2027; vraag de "
    "trekker om nog 2 bijdragen vóór 1 augustus 2027: een bericht of activiteit met project: "
    "schoolbieb",
    "content/projecten/leesclub.md: Leesclub: 1 van 2 bijdragen in 2026/2027: interview 'De "
    "leesclub gaat van start' (5 oktober 2026); vraag de trekker (leads: Bibliotheek Rijn) om "
    "nog 1 bijdrage vóór 1 augustus 2027: een bericht of activiteit met project: leesclub",
    "",
    "Activiteiten zonder aantal deelnemers (1)",
    "Activiteiten die geweest zijn, van schooljaar 2025/2026 en 2026/2027, zonder de "
    "geannuleerde. In cijfers en het jaarverslag tellen alleen de genoteerde deelnemers.",
    "content/agenda/voorleesavond.md: Voorleesavond: 2 november 2026, geen aantal deelnemers "
    "genoteerd; zet het aantal bij participants, zoals participants: 56, of per werkveld, zoals "
    "participants: {po: 30, vo: 26}",
    "",
    "Verstuurde nieuwsbrieven zonder resultaten (1)",
    "Edities van schooljaar 2025/2026 en 2026/2027: per doelgroep het aantal ontvangers, en "
    "hoeveel er openden en doorklikten.",
    "newsletters/2026-10.md: Voortgezet onderwijs (vo): verstuurd op 12 oktober 2026, geen "
    "resultaten genoteerd; noteer de cijfers van het mailprogramma met: netwerk nieuwsbrief "
    "resultaten 2026-10 vo --ontvangers N --geopend N --geklikt N",
    "",
    "Volgende nieuwsbrief per doelgroep (2)",
    "Met 5 edities per schooljaar is er ongeveer elke 73 dagen een aan de beurt. Wat een editie "
    "zou bevatten, is wat de build er nu in zou zetten.",
    "newsletters/2026-12.md: Primair onderwijs (po): Nieuwsbrief december 2026 gaat uit op 10 "
    "december 2026; dit schooljaar 1 van 5 verstuurd; kijk na wat erin komt, en zet erbij wat "
    "nog ontbreekt",
    "  Nieuws: Terugblik op de voorleesweek",
    "  Agenda: Leesconferentie (11 februari 2027)",
    "  Lopende projecten: Schoolbieb (2a); Leesclub; Voorleesweek",
    "newsletters/2026-12-vo.md: Voortgezet onderwijs (vo): is aan de beurt rond 24 december 2026 "
    "(de vorige ging uit op 12 oktober 2026); dit schooljaar 1 van 5 verstuurd; maak de editie "
    'met: netwerk nieuw nieuwsbrief "Nieuwsbrief december 2026" --date 2026-12-24 --audiences vo '
    "--naam 2026-12-vo",
    "  Agenda: Leesconferentie (11 februari 2027)",
    "  Lopende projecten: Schoolbieb (2a)",
    "",
    "Pagina's die langer dan 730 dagen niet zijn veranderd (1)",
    "Partners, thema's, projecten die niet afgerond zijn, en wie is wie. De datum is die van de "
    "laatste wijziging in git; wat je nu verandert, telt als vandaag.",
    "content/partners/bibliotheek.md: Bibliotheek Rijn: niet veranderd sinds 3 mei 2023; kijk "
    "na of alles nog klopt, en werk bij wat veranderd is",
    "",
    "Verwijzingen naar een concept (1)",
    "Een verwijzing naar een item dat niet gepubliceerd is, staat nergens op de site: het item "
    "hoort er dan niet bij.",
    "content/nieuws/leesclub-van-start.md: De leesclub gaat van start: partners: museum is een "
    "concept (draft: true); publiceer content/partners/museum.md (haal draft: true weg), of "
    "haal museum weg bij partners",
]


def git(root: Path, *arguments: str, day: str = BUILD_DATE) -> None:
    moment = f"{day}T12:00:00+01:00"
    subprocess.run(
        [
            "git",
            "-C",
            str(root),
            "-c",
            "user.name=Redactie",
            "-c",
            "user.email=r@example.nl",
            *arguments,
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment},
    )


def with_history(site: Site) -> Site:
    """The site as a git repository: the partner and the theme last committed in May 2023,
    the rest this week; then the theme changed without a commit (it is being edited)."""
    git(site.root, "init", "-q", "-b", "main")
    git(site.root, "add", "content/partners/bibliotheek.md", "content/themas/lezen.md")
    git(site.root, "commit", "-q", "-m", "Eerste partner", day="2023-05-03")
    git(site.root, "add", ".")
    git(site.root, "commit", "-q", "-m", "De rest", day="2026-11-20")
    theme = site.content / "themas" / "lezen.md"
    theme.write_text(theme.read_text(encoding="utf-8") + "Over lezen.\n", encoding="utf-8")
    return site


def write_editions(site: Site, editions: dict[str, str]) -> Site:
    folder = site.root / "newsletters"
    folder.mkdir(exist_ok=True)
    for name, text in editions.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return site


@pytest.fixture
def open_site(site: Site) -> Site:
    site.write(OPEN).configure(agreements=AGREEMENTS, admin=True, **MAILING)
    return with_history(write_editions(site, EDITIONS))


def overzicht(site: Site, capsys: pytest.CaptureFixture[str], *arguments: str) -> list[str]:
    code = main(["overzicht", "-f", str(site.root / "mkdocs.yml"), *arguments])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out.splitlines()


# --- netwerk overzicht ----------------------------------------------------------------------


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_every_kind_of_open_item_with_its_file_and_what_to_do(
    open_site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    assert overzicht(open_site, capsys) == EXPECTED


def test_with_nothing_open_the_overview_says_so_plainly(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.write(CALM).configure()
    assert overzicht(site, capsys) == [HEADING, "", "Er staat niets open."]


def test_an_agreement_the_network_cannot_miss_gets_no_section(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """No projects: no project section, though the agreement is there."""
    site.write(CALM).configure(agreements={"contributions_per_project": 2})
    assert overzicht(site, capsys) == [
        HEADING,
        "Afspraken: 2 bijdragen per project per schooljaar.",
        "",
        "Er staat niets open.",
    ]


@needs_git
def test_the_csv_file_reads_back_in_a_spreadsheet(
    open_site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "overzicht.csv"
    lines = overzicht(open_site, capsys, "--csv", str(target))
    assert lines[-2:] == ["", "Geschreven: overzicht.csv"]
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Onderdeel", "Bestand", "Item", "Stand", "Te doen", "Datum", "Inhoud"]
    assert len(rows) == 1 + 8
    assert rows[2] == [
        "Projecten met minder dan 2 bijdragen in schooljaar 2026/2027",
        "content/projecten/leesclub.md",
        "Leesclub",
        "1 van 2 bijdragen in 2026/2027: interview 'De leesclub gaat van start' (5 oktober 2026)",
        "vraag de trekker (leads: Bibliotheek Rijn) om nog 1 bijdrage vóór 1 augustus 2027: een "
        "bericht of activiteit met project: leesclub",
        "",
        "",
    ]
    assert rows[3][1:3] + rows[3][5:6] == [
        "content/agenda/voorleesavond.md",
        "Voorleesavond",
        "2026-11-02",
    ]
    assert rows[5][1:3] + rows[5][5:] == [
        "newsletters/2026-12.md",
        "Primair onderwijs (po)",
        "2026-12-10",
        "Nieuws: Terugblik op de voorleesweek | Agenda: Leesconferentie (11 februari 2027) | "
        "Lopende projecten: Schoolbieb (2a); Leesclub; Voorleesweek",
    ]
    assert [row[0] for row in rows[1:]] == [
        "Projecten met minder dan 2 bijdragen in schooljaar 2026/2027",
        "Projecten met minder dan 2 bijdragen in schooljaar 2026/2027",
        "Activiteiten zonder aantal deelnemers",
        "Verstuurde nieuwsbrieven zonder resultaten",
        "Volgende nieuwsbrief per doelgroep",
        "Volgende nieuwsbrief per doelgroep",
        "Pagina's die langer dan 730 dagen niet zijn veranderd",
        "Verwijzingen naar een concept",
    ]


def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_is_defused(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    project = OPEN["projecten/schoolbieb.md"].replace("title: Schoolbieb", 'title: "=1+2"')
    site.write({**CALM, "projecten/schoolbieb.md": project})
    site.configure(agreements={"contributions_per_project": 1})
    target = tmp_path / "overzicht.csv"
    overzicht(site, capsys, "--csv", str(target))
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[1][:3] == [
        "Projecten zonder bijdrage in schooljaar 2026/2027",
        "content/projecten/schoolbieb.md",
        "'=1+2 (2a)",
    ]


def test_another_day_moves_what_is_past_and_what_is_due(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.write(OPEN).configure(agreements={"editions_per_year": 5}, **MAILING)
    write_editions(site, EDITIONS)
    lines = overzicht(site, capsys, "--datum", "2027-01-10")
    assert lines[0] == "Wat er open staat op 10 januari 2027 (schooljaar 2026/2027)"
    # The December edition has gone out: no results yet, and the next is due in February.
    assert (
        "newsletters/2026-12.md: Primair onderwijs (po): verstuurd op 10 december 2026, geen "
        "resultaten genoteerd; noteer de cijfers van het mailprogramma met: netwerk nieuwsbrief "
        "resultaten 2026-12 po --ontvangers N --geopend N --geklikt N"
    ) in lines
    assert (
        "newsletters/2027-02.md: Primair onderwijs (po): is aan de beurt rond 21 februari 2027 "
        "(de vorige ging uit op 10 december 2026); dit schooljaar 2 van 5 verstuurd; er is nu "
        "nog geen nieuws en niets op de agenda voor deze doelgroep; maak de editie met: netwerk "
        'nieuw nieuwsbrief "Nieuwsbrief februari 2027" --date 2027-02-21 --audiences po'
    ) in lines
    # vo's is overdue: made today, it would hold what is on the agenda from today.
    assert (
        "newsletters/2027-01.md: Voortgezet onderwijs (vo): was aan de beurt rond 24 december "
        "2026 (de vorige ging uit op 12 oktober 2026); dit schooljaar 1 van 5 verstuurd; maak de "
        'editie met: netwerk nieuw nieuwsbrief "Nieuwsbrief januari 2027" --date 2027-01-10 '
        "--audiences vo"
    ) in lines


def test_the_command_explains_itself_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["overzicht", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Gebruik: netwerk overzicht ")
    assert "--datum JJJJ-MM-DD" in out and "--csv BESTAND" in out
    assert "usage:" not in out and "options:" not in out


def test_the_command_does_not_load_mkdocs(site: Site) -> None:
    """As quick as `netwerk controleer`: MkDocs, its theme and babel stay unloaded."""
    site.write(OPEN).configure(agreements=AGREEMENTS, **MAILING)
    write_editions(site, EDITIONS)
    script = (
        "import sys; from netwerk.editing.cli import main; code = main(['overzicht']); "
        "print(code, sorted({m.split('.')[0] for m in sys.modules} "
        "& {'mkdocs', 'jinja2', 'material', 'babel'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=site.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.splitlines()[-1] == "0 []", result.stderr


def test_a_new_edition_does_not_take_the_name_of_a_draft(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    po = {**MAILING, "audiences": MAILING["audiences"][:1]}
    site.write(CALM).configure(agreements={"editions_per_year": 5}, **po)
    draft = EDITIONS["2026-12.md"].replace("audiences: [po]", "draft: true")
    write_editions(site, {"2026-10.md": EDITIONS["2026-10.md"], "2026-12.md": draft})
    assert overzicht(site, capsys)[-1] == (
        "newsletters/2026-12-2.md: Primair onderwijs (po): is aan de beurt rond 24 december 2026 "
        "(de vorige ging uit op 12 oktober 2026); dit schooljaar 1 van 5 verstuurd; er is nu nog "
        "geen nieuws en niets op de agenda voor deze doelgroep; maak de editie met: netwerk nieuw "
        'nieuwsbrief "Nieuwsbrief december 2026" --date 2026-12-24 --naam 2026-12-2'
    )


def test_a_wrong_date_is_said_in_dutch(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write(CALM).configure()
    code = main(["overzicht", "-f", str(site.root / "mkdocs.yml"), "--datum", "23-11-2026"])
    assert code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "Fout: --datum: '23-11-2026' is geen datum; schrijf jjjj-mm-dd, zoals 2026-11-23"
    )


def test_content_with_problems_is_reported_instead(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = CALM["agenda/leescafe.md"].replace("sectors: [po]", "sectors: [p0]")
    site.write({**CALM, "agenda/leescafe.md": broken}).configure()
    code = main(["overzicht", "-f", str(site.root / "mkdocs.yml")])
    assert code == 1
    assert capsys.readouterr().out.splitlines() == [
        "1 probleem in de inhoud:",
        "content/agenda/leescafe.md:5: sectors: 'p0' is geen sector; bedoelde je 'po'?",
        "Los deze problemen eerst op; daarna toont netwerk overzicht wat er open staat.",
    ]


def test_without_git_the_overview_says_it_cannot_tell_how_old_pages_are(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    site.write(CALM).configure(agreements={"page_age_days": 365})
    lines = overzicht(site, capsys, "--datum", BUILD_DATE)
    assert lines[:3] == [
        HEADING,
        "Afspraken: pagina's bijwerken binnen 365 dagen.",
        "Hoe oud pagina's zijn, staat niet in dit overzicht: de site staat niet in een "
        "git-repository.",
    ]


@needs_git
def test_a_shallow_clone_has_no_history_to_tell_by(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    site.write(CALM).configure(agreements={"page_age_days": 365})
    git(site.root, "init", "-q", "-b", "main")
    git(site.root, "add", ".")
    git(site.root, "commit", "-q", "-m", "Alles", day="2020-01-01")
    clone = tmp_path / "kopie"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{site.root}", str(clone)],
        check=True,
        capture_output=True,
    )
    assert overzicht(Site(clone), capsys)[2] == (
        "Hoe oud pagina's zijn, staat niet in dit overzicht: de repository is een ondiepe kopie, "
        "zonder de hele geschiedenis; haal die op met git fetch --unshallow (bij GitHub Actions: "
        "fetch-depth: 0 bij actions/checkout, bij GitLab: GIT_DEPTH: 0)."
    )


# --- The agreements in mkdocs.yml ------------------------------------------------------------


@pytest.mark.parametrize(
    ("agreements", "message"),
    [
        (
            {"contributions": 2},
            "netwerk: agreements: contributions: deze afspraak bestaat niet; bedoelde je "
            "'contributions_per_project'?",
        ),
        (
            {"contributions_per_project": "twee"},
            "netwerk: agreements: contributions_per_project: 'twee' is geen aantal; schrijf een "
            "heel getal, zoals contributions_per_project: 2, of laat de afspraak weg",
        ),
        (
            {"contribution_news_kinds": ["interviw"]},
            "netwerk: agreements: contribution_news_kinds: 'interviw' is geen soort bericht; "
            "bedoelde je 'interview'?",
        ),
        (
            {"editions_per_year": 5},
            "netwerk: agreements: editions_per_year: dit netwerk heeft geen doelgroepen "
            "(audiences) en dus geen nieuwsbrieven; haal editions_per_year weg, of zet de "
            "doelgroepen onder audiences",
        ),
        (
            {
                "contributions_per_project": 2,
                "contribution_news_kinds": [],
                "contribution_activity_kinds": [],
            },
            "netwerk: agreements: contribution_news_kinds en contribution_activity_kinds zijn "
            "allebei leeg, dus telt er niets mee voor contributions_per_project; haal een van "
            "beide weg (dan telt elke soort), of noem de soorten die meetellen",
        ),
        (
            "ja",
            "netwerk: agreements: 'ja' is geen lijst van afspraken; schrijf onder agreements: "
            "per regel een afspraak, zoals contributions_per_project: 2 (zie de README)",
        ),
    ],
)
def test_the_agreements_are_checked_in_dutch(agreements: object, message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        options_from({"agreements": agreements}, site_url=None, site_name="Leesnetwerk")
    assert raised.value.messages == [message]


def test_without_agreements_every_kind_counts_and_nothing_is_agreed() -> None:
    options = options_from({}, site_url=None, site_name="Leesnetwerk")
    agreed = options.agreements
    assert not agreed.any and options.overview is True
    assert agreed.contribution_news_kinds == tuple(options.settings.news_kinds)
    assert agreed.contribution_activity_kinds == tuple(options.settings.activity_kinds)


def test_only_the_kinds_agreed_count(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    site.write(OPEN).configure(
        agreements={
            "contributions_per_project": 1,
            "contribution_news_kinds": ["nieuws"],
            "contribution_activity_kinds": [],
        }
    )
    lines = overzicht(site, capsys)
    assert lines[3:6] == [
        "Projecten zonder bijdrage in schooljaar 2026/2027 (2)",
        "Telt mee: berichten van de soort nieuws met project: erbij, van schooljaar 2026/2027. "
        "2 van de 3 lopende projecten hebben er nu minder dan 1.",
        "content/projecten/schoolbieb.md: Schoolbieb (2a): 0 van 1 bijdrage in 2026/2027; vraag "
        "de trekker om nog 1 bijdrage vóór 1 augustus 2027: een bericht met project: schoolbieb",
    ]
    assert lines[6].startswith("content/projecten/leesclub.md: Leesclub: 0 van 1 bijdrage")


# --- On the site, for the editors ---------------------------------------------------------------


@needs_git
def test_the_site_shows_the_same_overview_to_editors_only(open_site: Site) -> None:
    open_site.build()
    page = open_site.page("overzicht")
    assert '<meta name="robots" content="noindex">' in page
    assert "<p>Wat er open staat op 23 november 2026 (schooljaar 2026/2027).</p>" in page
    assert (
        '<h2 id="bijdragen">Projecten met minder dan 2 bijdragen in schooljaar 2026/2027</h2>'
        in page
    )
    # Each entry links to its page and to its form in the admin page.
    assert (
        '<a href="../projecten/leesclub/">Leesclub</a>: 1 van 2 bijdragen in 2026/2027: '
        "interview &#39;De leesclub gaat van start&#39; (5 oktober 2026).<br>"
    ) in page
    assert '<a href="../admin/#/collections/projecten/entries/leesclub">' in page
    assert '<a href="../admin/#/collections/nieuwsbrief/new">' in page
    assert "<code>content/partners/bibliotheek.md</code>" in page
    assert "<dt>Agenda</dt><dd>Leesconferentie (11 februari 2027)</dd>" in page
    assert "Er staat niets open." not in page
    # Not in the menu, the search index or the sitemap.
    output = open_site.output
    for path in output.rglob("*.html"):
        if path.parent.name not in ("overzicht", "handleiding") and path.parent.parent.name != (
            "handleiding"
        ):
            assert "overzicht/" not in path.read_text(encoding="utf-8"), path
    index = json.loads((output / "search" / "search_index.json").read_text("utf-8"))
    assert not [doc for doc in index["docs"] if "overzicht" in doc["location"]]
    assert "overzicht" not in (output / "sitemap.xml").read_text(encoding="utf-8")


def test_the_site_says_plainly_when_nothing_is_open(site: Site) -> None:
    page = site.write(CALM).configure().build().page("overzicht")
    assert "<p><strong>Er staat niets open.</strong></p>" in page
    assert "<h2" not in page.split('class="md-content"')[1].split("</article>")[0]
    assert "admin/" not in page  # no admin page, no links to it


def test_the_overview_page_can_be_left_out(site: Site) -> None:
    site.write(CALM).configure(overview=False).build()
    assert not (site.output / "overzicht").exists()
    assert (site.output / "partners" / "index.html").is_file()


def test_the_preview_shows_the_overview(site: Site, tmp_path: Path) -> None:
    site.write(OPEN).configure(agreements={"contributions_per_project": 2})
    preview = Preview(site.root / "mkdocs.yml", tmp_path / "voorbeeld")
    try:
        assert preview.rebuild().problems == []
        answer = preview.respond("/overzicht/")
    finally:
        preview.close()
    assert answer.status == 200
    body = answer.body.decode("utf-8")
    assert '<a href="../projecten/leesclub/">Leesclub</a>: 1 van 2 bijdragen' in body
    assert '<meta name="robots" content="noindex">' in body
