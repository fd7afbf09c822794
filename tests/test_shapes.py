"""Every network's shape (issue 14): the same generator for networks that look nothing alike.

Three shapes are built, each once per test run:

- the tests' rich network (`rich`): five sectors, membership tiers, every section;
- `one_sector`: a primary-school partnership with one sector and no membership tiers, whose
  items leave `sectors` out, with venues and links still to follow, cancelled activities, its
  own kind of call and a kennisbank of factsheets;
- `custom`: a knowledge workshop with its own sectors (so, beleid), memberships, project and
  activity statuses and their roles, an explicit `nav`, an empty kennisbank and no news.

Each test reads what a visitor or a subscriber gets: the built pages, calendars, feeds and emails.
"""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from email import message_from_bytes
from email.message import Message
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import BUILD_DATE, MKDOCS_YML, REPO, build_network
from netwerk.core.loader import load_network
from netwerk.core.options import NAMES, Options, options_from
from netwerk.core.problems import ContentError
from netwerk.editing.cli import main
from test_website import Page

# --- The shapes ----------------------------------------------------------------------------

MAILING = {
    "newsletter_from": "Nieuwsbrief <nieuwsbrief@netwerk.example>",
    "newsletter_unsubscribe_url": "https://www.netwerk.example/afmelden/?lijst={audience}",
}

# A primary-school partnership: one sector, no tiers; its own kind of call and project status.
ONE_SECTOR_OPTIONS: dict[str, Any] = {
    "sectors": {"po": "Primair onderwijs"},
    "extra_project_statuses": {"uitgesteld": "Uitgesteld"},
    "extra_news_kinds": {"kans": "Kans voor scholen"},
    "call_news_kinds": ["kans"],
    "audiences": [{"slug": "scholen", "name": "Scholen", "sectors": ["po"]}],
    **MAILING,
}
ONE_SECTOR: dict[str, str] = {
    "index.md": "# Partnerschap Rijnstreek\n\nDe basisscholen en de bibliotheek lezen samen.\n",
    "themas/lezen.md": """\
        ---
        title: Lezen
        summary: Plezier in lezen, thuis en op school.
        ---
        Over lezen.
        """,
    "partners/obs-de-linde.md": """\
        ---
        name: OBS De Linde
        municipality: Rijndorp
        member_since: 2020-09-01
        themes: [lezen]
        ---
        Een openbare basisschool.
        """,
    "partners/bibliotheek-rijn.md": """\
        ---
        name: Bibliotheek Rijn
        summary: De bibliotheek van de Rijnstreek.
        member_since: 2021-01-15
        ---
        """,
    "projecten/leesclub.md": """\
        ---
        title: Leesclub
        theme: lezen
        status: lopend
        partners: [bibliotheek-rijn]
        goal: Elke school een leesclub.
        ---
        """,
    "projecten/schoolbieb.md": """\
        ---
        title: Schoolbieb
        theme: lezen
        status: uitgesteld
        goal: Een bibliotheek in elke school.
        ---
        """,
    "agenda/leescafe.md": """\
        ---
        title: Leescafé
        start: 2026-12-09 15:30
        end: 17:00
        location: volgt
        kind: onderwijscafe
        theme: lezen
        partners: [obs-de-linde]
        registration_url: https://aanmelden.example/leescafe
        ---
        """,
    "agenda/webinar-voorlezen.md": """\
        ---
        title: Webinar voorlezen
        start: 2027-01-14 19:30
        end: 20:30
        online_url: volgt
        kind: lezing
        ---
        """,
    "agenda/studiedag.md": """\
        ---
        title: Studiedag lezen
        start: 2027-02-03
        location: {name: OBS De Linde}
        kind: training
        status: geannuleerd
        theme: lezen
        registration_url: https://aanmelden.example/studiedag
        ---
        """,
    "agenda/voorleesontbijt.md": """\
        ---
        title: Voorleesontbijt
        start: 2026-01-23 08:30
        end: 09:30
        location: {name: Bibliotheek Rijn}
        kind: lezing
        status: geannuleerd
        ---
        """,
    "agenda/netwerkmiddag.md": """\
        ---
        title: Netwerkmiddag
        start: 2026-10-01 14:00
        end: 16:00
        location: {name: Bibliotheek Rijn, address: "Dorpsstraat 1, Rijndorp"}
        kind: netwerkbijeenkomst
        ---
        """,
    "nieuws/leesclub-van-start.md": """\
        ---
        title: Leesclub van start
        date: 2026-10-12
        kind: nieuws
        summary: De eerste leesclubs beginnen.
        project: leesclub
        ---
        """,
    "nieuws/kans-leesboeken.md": """\
        ---
        title: Gratis leesboeken voor je school
        date: 2026-11-02
        kind: kans
        summary: Vraag voor 1 december een pakket aan.
        ---
        """,
    "nieuws/oproep-vrijwilligers.md": """\
        ---
        title: Voorlezers gezocht
        date: 2026-11-05
        kind: oproep
        summary: De bibliotheek zoekt voorlezers.
        ---
        """,
    "kennisbank/leesmotivatie.md": """\
        ---
        title: Onderzoek naar leesmotivatie
        kind: onderzoek
        summary: Wat kinderen laat lezen.
        url: https://onderzoek.example/lezen
        themes: [lezen]
        partners: [bibliotheek-rijn]
        ---
        """,
    "kennisbank/handleiding-leesclub.md": """\
        ---
        title: Handleiding leesclub
        kind: tool
        summary: Zo begin je een leesclub.
        projects: [leesclub]
        ---
        Begin met zes kinderen en een stapel boeken.
        """,
    "kennisbank/leeshoek-de-linde.md": """\
        ---
        title: De leeshoek van De Linde
        kind: praktijkvoorbeeld
        summary: Een leeshoek in elke klas.
        themes: [lezen]
        partners: [obs-de-linde]
        ---
        Elke klas kreeg een bank en een kast.
        """,
}
ONE_SECTOR_EDITIONS = {
    "2026-11.md": """\
        ---
        date: 2026-11-16
        subject: Nieuwsbrief november
        preheader: "Leesclubs, gratis leesboeken en het leescafé in december voor alle scholen."
        ---
        Beste lezer.
        """,
}

# A knowledge workshop: its own sectors, tiers and statuses, an explicit menu, no news and an
# empty kennisbank (with the editors' introduction already written).
CUSTOM_OPTIONS: dict[str, Any] = {
    "sectors": {
        "so": "Speciaal onderwijs",
        "po": "Primair onderwijs",
        "vo": "Voortgezet onderwijs",
        "ho": "Hoger onderwijs",
        "beleid": "Gemeente en beleid",
    },
    "memberships": {"kern": "Kernpartner", "netwerk": "Netwerkpartner"},
    "project_statuses": {
        "verkenning": "Verkenning",
        "uitvoering": "In uitvoering",
        "uitgesteld": "Uitgesteld",
        "afgerond": "Afgerond",
    },
    "running_project_statuses": ["verkenning", "uitvoering"],
    "activity_statuses": {
        "bevestigd": "Bevestigd",
        "volgeboekt": "Volgeboekt",
        "afgelast": "Afgelast",
    },
    "cancelled_activity_statuses": ["afgelast"],
    "full_activity_statuses": ["volgeboekt"],
    "audiences": [
        {"slug": "onderwijs", "name": "Onderwijs", "sectors": ["so", "po", "vo", "ho"]},
        {"slug": "beleid", "name": "Gemeente en beleid", "sectors": ["beleid"]},
    ],
    **MAILING,
}
CUSTOM: dict[str, str] = {
    "index.md": "# Kenniswerkplaats Zuid\n\nOnderzoek en praktijk samen.\n",
    "kennisbank/index.md": "# Kennisbank\n\nHier komen onze factsheets.\n",
    "themas/inclusie.md": """\
        ---
        title: Inclusie
        summary: Onderwijs voor elk kind.
        ---
        """,
    "partners/gemeente-zuid.md": """\
        ---
        name: Gemeente Zuid
        sectors: beleid
        membership: kern
        ---
        """,
    "partners/de-brug.md": """\
        ---
        name: SO De Brug
        sectors: so
        membership: netwerk
        ---
        """,
    "projecten/thuiszitters.md": """\
        ---
        title: Geen thuiszitters
        theme: inclusie
        status: uitvoering
        sectors: [so, beleid]
        goal: Elk kind naar school.
        ---
        """,
    "projecten/passend-lezen.md": """\
        ---
        title: Passend lezen
        theme: inclusie
        status: uitgesteld
        sectors: [so, po]
        goal: Leesmateriaal voor elk kind.
        ---
        """,
    "projecten/oud-project.md": """\
        ---
        title: Oud project
        theme: inclusie
        status: afgerond
        sectors: [vo]
        goal: Gedaan.
        ---
        """,
    "agenda/werkplaats.md": """\
        ---
        title: Werkplaats inclusie
        start: 2026-12-03 14:00
        end: 16:00
        location: {name: Gemeentehuis Zuid}
        sectors: [so, beleid]
        kind: themabijeenkomst
        theme: inclusie
        partners: [gemeente-zuid]
        ---
        """,
    "agenda/symposium.md": """\
        ---
        title: Symposium
        start: 2027-01-20 13:00
        end: 17:00
        location: {name: Hogeschool Zuid}
        sectors: [so, po, vo, ho, beleid]
        kind: conferentie
        status: afgelast
        theme: inclusie
        registration_url: https://aanmelden.example/symposium
        ---
        """,
    "agenda/training.md": """\
        ---
        title: Training handelingsgericht werken
        start: 2027-02-10 09:00
        end: 12:00
        location: {name: SO De Brug}
        sectors: [so]
        kind: training
        status: volgeboekt
        theme: inclusie
        registration_url: https://aanmelden.example/training
        ---
        """,
}
CUSTOM_EDITIONS = {
    "2026-11.md": """\
        ---
        date: 2026-11-16
        subject: Nieuwsbrief november
        preheader: "De werkplaats inclusie in december en wat er loopt in de kenniswerkplaats."
        ---
        Beste lezer.
        """,
}
CUSTOM_NAV = [
    {"Home": "index.md"},
    {"Agenda": "agenda/index.md"},
    {"Partners": "partners/index.md"},
    {"Thema's": "themas/index.md"},
    {"Projecten": "projecten/index.md"},
    {"Nieuws": "nieuws/index.md"},
    {"Nieuwsbrief": "nieuwsbrief/index.md"},
    {"Kennisbank": "kennisbank/index.md"},
    {"Organisatie": "organisatie.md"},
    {"In cijfers": "in-cijfers.md"},
]


def write_network(
    root: Path,
    content: dict[str, str],
    options: dict[str, Any],
    *,
    editions: dict[str, str] | None = None,
    nav: list[dict[str, str]] | None = None,
    site_name: str = "Netwerk",
) -> Path:
    for name, text in content.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    for name, text in (editions or {}).items():
        (root / "newsletters").mkdir(parents=True, exist_ok=True)
        (root / "newsletters" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    config: dict[str, Any] = {key: value for key, value in MKDOCS_YML.items() if key != "nav"} | {
        "site_name": site_name,
        "site_url": "https://www.netwerk.example/",
        "plugins": [
            {"search": {"lang": "nl"}},
            {"netwerk": {"build_date": BUILD_DATE, **options}},
        ],
    }
    if nav is not None:
        config["nav"] = nav
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def one_sector_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("one-sector")
    return write_network(
        root,
        ONE_SECTOR,
        ONE_SECTOR_OPTIONS,
        editions=ONE_SECTOR_EDITIONS,
        site_name="Partnerschap Rijnstreek",
    )


@pytest.fixture(scope="module")
def one_sector(one_sector_root: Path) -> Path:
    """Built with mkdocs.yml's `nav` left out: the site makes its own menu."""
    return build_network(one_sector_root)


@pytest.fixture(scope="module")
def custom_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("custom")
    return write_network(
        root,
        CUSTOM,
        CUSTOM_OPTIONS,
        editions=CUSTOM_EDITIONS,
        nav=CUSTOM_NAV,
        site_name="Kenniswerkplaats Zuid",
    )


@pytest.fixture(scope="module")
def custom(custom_root: Path) -> Path:
    """Built with an explicit `nav` that names every section, the empty ones too."""
    return build_network(custom_root)


def page(site: Path, url: str) -> Page:
    return Page((site / url / "index.html").read_text(encoding="utf-8"))


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def menu(site: Path) -> list[str]:
    """The titles in the site's menu, as the 404 page has it (no page of its own is open)."""
    page_html = (site / "404.html").read_text(encoding="utf-8")
    start = page_html.index("md-nav--primary")
    primary = page_html[start : page_html.index("</nav>", start)]
    titles = re.findall(
        r'class="md-nav__link"[^>]*>\s*(?:<span class="md-ellipsis">)?\s*([^<]*?)\s*<', primary
    )
    return [unescape(title) for title in titles]


def text_file(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def event(calendar: str, uid: str) -> str:
    """One VEVENT of a calendar, its folded lines joined."""
    unfolded = calendar.replace("\r\n ", "")
    for block in unfolded.split("BEGIN:VEVENT")[1:]:
        if f"UID:{uid}" in block:
            return block.split("END:VEVENT")[0]
    raise AssertionError(f"no event {uid}")


def json_ld(site: Path, url: str) -> dict[str, Any]:
    scripts = [
        text
        for attributes, text in page(site, url).scripts
        if attributes.get("type") == "application/ld+json"
    ]
    data: dict[str, Any] = json.loads(scripts[0])
    return data


def email(site: Path, audience: str, edition: str = "2026-11") -> tuple[str, Message]:
    folder = site / "nieuwsbrief" / audience / edition
    text = (folder / "email.txt").read_text(encoding="utf-8")
    return text, message_from_bytes((folder / "bericht.eml").read_bytes())


def section(text: str, title: str) -> list[str]:
    """The entries of one section of a text email, each without its `* `."""
    marker = f"\n\n{title}\n{'-' * len(title)}\n"
    assert marker in text, title
    body = text.split(marker, 1)[1].split("\n\n\n", 1)[0]
    return [entry.strip().removeprefix("* ") for entry in body.split("\n\n") if entry.strip()]


def options_of(root: Path) -> Options:
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    raw = next(plugin["netwerk"] for plugin in config["plugins"] if "netwerk" in plugin)
    return options_from(raw, site_url=config["site_url"], site_name=config["site_name"])


def problems(root: Path, files: dict[str, str], tmp_path: Path) -> list[str]:
    """The problems of the network at root with these files changed (in a copy)."""
    copy = tmp_path / f"kopie-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(root / "content", copy / "content")
    for name, text in files.items():
        (copy / "content" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_network(copy / "content", options_of(root).settings, root=copy)
    return [str(problem) for problem in caught.value.problems]


# --- The rich network: five sectors, tiers, every section ------------------------------------


SECTIONS = ["Home", "Agenda", "Partners", "Thema's", "Projecten", "Nieuws"]


def test_a_network_of_many_sectors_and_tiers_shows_them(rich: Path) -> None:
    site = rich
    # Its nav lists the newsletter and the numbers last.
    assert menu(site) == [*SECTIONS, "Kennisbank", "Organisatie", "Nieuwsbrief", "In cijfers"]
    partners = page(site, "partners").text
    assert re.match(r"Partners \d+ partners in 5 werkvelden\. Per werkveld ", partners)
    assert " Per lidmaatschap " in partners
    for sector in ("vve", "po", "vo", "mbo", "ho"):
        assert (site / "partners" / sector / "index.html").is_file()
        assert (site / "agenda" / sector / "kalender.ics").is_file()
        assert (site / "feeds" / f"{sector}.xml").is_file()
    assert "Agenda per werkveld" in html(site, "agenda")
    assert "Partners per werkveld" in page(site, "in-cijfers").text


# --- 1. Roles, not codes --------------------------------------------------------------------


def test_a_network_adds_one_code_without_re_listing_the_defaults(one_sector_root: Path) -> None:
    settings = options_of(one_sector_root).settings
    assert list(settings.project_statuses) == [
        "nieuw",
        "lopend",
        "subsidie-toegekend",
        "afgerond",
        "uitgesteld",
    ]
    assert settings.running_project_statuses == ("nieuw", "lopend", "subsidie-toegekend")
    assert settings.news_kinds["kans"] == "Kans voor scholen"
    assert settings.call_news_kinds == ("kans",)


def test_roles_follow_the_network_s_own_lists(custom_root: Path) -> None:
    options = options_of(custom_root)
    settings = options.settings
    assert settings.running_project_statuses == ("verkenning", "uitvoering")
    # Roles not set hold the default codes the network's lists still have.
    assert settings.finished_project_statuses == ("afgerond",)
    assert settings.postponed_activity_statuses == ()
    assert settings.default_activity_status == "bevestigd"
    # Memberships of its own, and featured_memberships not set: none is featured.
    assert options.featured_memberships == ()
    featured = options_from(
        {**CUSTOM_OPTIONS, "featured_memberships": ["kern"]},
        site_url="https://www.netwerk.example/",
        site_name="Zuid",
    )
    assert featured.featured_memberships == ("kern",)


def test_running_projects_and_calls_are_the_network_s_own(one_sector: Path, custom: Path) -> None:
    # One sector: `uitgesteld` (added) is not running; `kans` is its call, `oproep` is news.
    text, _ = email(one_sector, "scholen")
    assert section(text, "Lopende projecten") == [
        "Leesclub\n  In uitvoering\n  Elke school een leesclub.\n  "
        "https://www.netwerk.example/projecten/leesclub/"
    ]
    assert "Schoolbieb" not in text
    assert [entry.split("\n")[0] for entry in section(text, "Nieuwe kansen")] == [
        "Gratis leesboeken voor je school"
    ]
    assert [entry.split("\n")[0] for entry in section(text, "Nieuws")] == [
        "Voorlezers gezocht",
        "Leesclub van start",
    ]
    # Custom statuses: only verkenning and uitvoering run.
    text, _ = email(custom, "onderwijs")
    assert [entry.split("\n")[0] for entry in section(text, "Lopende projecten")] == [
        "Geen thuiszitters"
    ]
    assert "Passend lezen" not in text
    assert "Oud project" not in text
    web = page(custom, "nieuwsbrief/onderwijs/2026-11").text
    assert "Lopende projecten Geen thuiszitters" in web
    assert "Passend lezen" not in web


def test_full_cancelled_and_finished_are_the_network_s_own_codes(custom: Path) -> None:
    training = page(custom, "agenda/training").text
    assert training.startswith(
        "Training handelingsgericht werken Volgeboekt Deze activiteit is vol; aanmelden kan "
        "niet meer."
    )
    assert "Meld je aan" not in training
    offer = json_ld(custom, "agenda/training")["offers"]
    assert offer["availability"] == "https://schema.org/SoldOut"
    symposium = json_ld(custom, "agenda/symposium")
    assert symposium["eventStatus"] == "https://schema.org/EventCancelled"
    assert "offers" not in symposium
    calendar = text_file(custom, "agenda/kalender.ics")
    cancelled = event(calendar, "symposium@www.netwerk.example")
    assert "STATUS:CANCELLED" in cancelled
    assert "SUMMARY:Afgelast: Symposium" in cancelled
    assert "Aanmelden" not in cancelled
    full = event(calendar, "training@www.netwerk.example")
    assert "STATUS:CONFIRMED" in full
    assert "Volgeboekt." in full
    assert "Aanmelden" not in full
    assert "STATUS:CANCELLED" in text_file(custom, "agenda/symposium/symposium.ics")
    # The usual status (the first of activity_statuses) is not marked in lists.
    agenda = page(custom, "agenda").text
    assert "Werkplaats inclusie donderdag 3 december 2026, 14:00–16:00 · Gemeentehuis" in agenda
    assert "Symposium Afgelast woensdag 20 januari 2027" in agenda
    assert '<strong class="netwerk-status netwerk-status--geannuleerd">Afgelast</strong>' in (
        html(custom, "agenda")
    )
    assert page(custom, "projecten/oud-project").text.startswith(
        "Oud project Dit project is afgerond."
    )
    assert "Dit project is" not in page(custom, "projecten/thuiszitters").text


def test_the_readme_documents_every_option_with_its_default() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Alle instellingen")[1].split("\n## ")[0]
    rows = {
        match.group(1): match.group(2)
        for match in re.finditer(r"^\| `(\w+)` \| ([^|]+) \|", table, re.MULTILINE)
    }
    assert set(rows) == set(NAMES)
    assert all(default.strip() for default in rows.values())


# --- 2. One sector and 3. no tiers ------------------------------------------------------------


def test_one_sector_has_no_pages_filters_calendars_or_feeds_per_sector(one_sector: Path) -> None:
    for path in ("partners/po", "agenda/po", "feeds/po.xml", "feeds/po.json"):
        assert not (one_sector / path).exists(), path
    assert sorted(path.name for path in (one_sector / "agenda").glob("*.ics")) == ["kalender.ics"]
    agenda = html(one_sector, "agenda")
    assert "Agenda per werkveld" not in agenda
    assert "feeds/po.xml" not in html(one_sector, "")
    assert "Per werkveld" not in page(one_sector, "nieuwsbrief").text
    programme = page(one_sector, "agenda/programma/2026-2027").text
    assert "PO" not in programme
    assert "Werkvelden" not in programme
    # The news feeds' entries carry no sector either: there is only one.
    feed = (one_sector / "feeds" / "nieuws.xml").read_text(encoding="utf-8")
    assert feed.count("<item>") >= 1
    assert "<category" not in feed
    assert "<category" not in (one_sector / "feeds" / "nieuws.atom").read_text(encoding="utf-8")
    assert '"tags"' not in (one_sector / "feeds" / "nieuws.json").read_text(encoding="utf-8")


def test_one_sector_is_no_label_on_every_entry(one_sector: Path) -> None:
    partners = page(one_sector, "partners").text
    assert partners == ("Partners 2 partners. Bibliotheek Rijn OBS De Linde · Rijndorp")
    for url in (
        "",
        "agenda",
        "themas/lezen",
        "partners/obs-de-linde",
        "projecten/leesclub",
        "nieuws/leesclub-van-start",
        "agenda/netwerkmiddag",
        "nieuwsbrief",
        "nieuwsbrief/scholen",
    ):
        text = page(one_sector, url).text
        assert "Primair onderwijs" not in text, url
        assert "Werkvelden" not in text, url
        assert "werkveld" not in text, url
    assert "Activiteiten per schooljaar" in page(one_sector, "in-cijfers").text
    assert "Partners per werkveld" not in page(one_sector, "in-cijfers").text


def test_one_sector_items_may_leave_sectors_out(one_sector_root: Path) -> None:
    network = load_network(one_sector_root / "content", options_of(one_sector_root).settings)
    assert network.partners["obs-de-linde"].sectors == ["po"]
    assert network.activities["leescafe"].sectors == ["po"]
    assert network.partners["obs-de-linde"].membership is None


def test_no_tiers_means_no_membership_anywhere(
    one_sector: Path, one_sector_root: Path, tmp_path: Path
) -> None:
    for url in ("partners", "partners/obs-de-linde", ""):
        text = page(one_sector, url).text
        assert "idmaatschap" not in text, url
        assert "Uitgelicht" not in text, url
    assert problems(
        one_sector_root,
        {
            "partners/obs-de-linde.md": """\
                ---
                name: OBS De Linde
                membership: basis
                ---
                """
        },
        tmp_path,
    ) == [
        "content/partners/obs-de-linde.md:3: membership: 'basis' kan niet: dit netwerk heeft "
        "geen lidmaatschappen; haal membership weg, of zet de lidmaatschappen onder "
        "memberships in mkdocs.yml"
    ]


def test_a_new_partner_in_a_network_without_tiers_or_sectors_has_no_such_fields(
    one_sector_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "netwerk"
    shutil.copytree(one_sector_root, root, ignore=shutil.ignore_patterns("site"))
    config = str(root / "mkdocs.yml")
    assert main(["nieuw", "partner", "Kindcentrum De Boog", "-f", config]) == 0
    text = (root / "content" / "partners" / "kindcentrum-de-boog.md").read_text(encoding="utf-8")
    assert "\nmembership:" not in text
    assert "\nsectors: [po]\n" in text
    capsys.readouterr()
    anchor = ["nieuw", "partner", "Kindcentrum Het Anker", "--membership", "basis"]
    assert main([*anchor, "-f", config]) == 1
    assert "--membership hoort niet bij een partner" in capsys.readouterr().err
    assert main(["schema", "-f", config]) == 0
    schema = json.loads((root / "schemas" / "partners.schema.json").read_text(encoding="utf-8"))
    assert "membership" not in schema["properties"]
    assert schema["required"] == ["name"]


def test_the_handbook_follows_the_network_s_shape(one_sector: Path, custom: Path) -> None:
    items = page(one_sector, "handleiding/items").text
    assert "membership" not in items
    assert "Lidmaatschappen" not in items
    assert "dit netwerk heeft één werkveld, po ; sectors mag je weglaten" in items
    assert 'Een bericht met kind: kans komt in de nieuwsbrief onder "Nieuwe kansen".' in items
    items = page(custom, "handleiding/items").text
    assert (
        'In de nieuwsbrief staan onder "Lopende projecten" alleen projecten met verkenning , '
        "uitvoering als status."
    ) in items
    assert "Zonder status heeft een activiteit de status bevestigd ." in items
    assert "Zet een activiteit die niet doorgaat op status: afgelast" in items


# --- 4. Empty sections -------------------------------------------------------------------------


def test_empty_sections_are_not_built_not_in_the_menu_and_not_linked(custom: Path) -> None:
    assert menu(custom) == [
        "Home",
        "Agenda",
        "Partners",
        "Thema's",
        "Projecten",
        "Nieuwsbrief",
        "In cijfers",
    ]
    for path in ("nieuws", "kennisbank", "organisatie"):
        assert not (custom / path).exists(), path
    home = page(custom, "")
    assert "Laatste nieuws" not in home.text
    assert not [href for _, href in home.links if "nieuws/" in href or "kennisbank" in href]
    sitemap = text_file(custom, "sitemap.xml")
    assert "/nieuws/" not in sitemap
    assert "/kennisbank/" not in sitemap


def test_the_site_s_own_menu_has_the_sections_it_has(one_sector: Path) -> None:
    # No nav in mkdocs.yml: the site's own, without the organisation (nobody to show).
    assert menu(one_sector) == [
        "Home",
        "Agenda",
        "Partners",
        "Thema's",
        "Projecten",
        "Nieuws",
        "Nieuwsbrief",
        "Kennisbank",
        "In cijfers",
    ]


def test_a_section_appears_with_its_first_item(custom_root: Path, tmp_path: Path) -> None:
    root = write_network(
        tmp_path,
        {
            **CUSTOM,
            "nieuws/eerste.md": """\
                ---
                title: Eerste bericht
                date: 2026-11-01
                kind: nieuws
                summary: Het eerste nieuws.
                sectors: [beleid]
                ---
                """,
        },
        CUSTOM_OPTIONS,
        nav=CUSTOM_NAV,
    )
    site = build_network(root)
    assert "Nieuws" in menu(site)
    assert "Eerste bericht" in page(site, "nieuws").text
    assert "Laatste nieuws 1 nov Eerste bericht" in page(site, "").text


def test_a_section_left_out_of_nav_is_built_but_not_in_the_menu(tmp_path: Path) -> None:
    nav = [entry for entry in CUSTOM_NAV if "In cijfers" not in entry]
    root = write_network(tmp_path, CUSTOM, CUSTOM_OPTIONS, nav=nav)
    site = build_network(root)
    assert "In cijfers" not in menu(site)
    assert (site / "in-cijfers" / "index.html").is_file()


def test_in_numbers_leaves_out_charts_without_data(custom: Path) -> None:
    text = page(custom, "in-cijfers").text
    # Nobody has a member_since: no chart of partners through the years.
    assert "Partners door de jaren" not in text
    assert "Hiervoor zijn nog geen gegevens" not in text
    assert "Partners per werkveld" in text
    assert "Projecten per thema en status" in text


# --- 5. Venue or link to follow ----------------------------------------------------------------


def test_a_venue_to_follow(one_sector: Path) -> None:
    text = page(one_sector, "agenda/leescafe").text
    assert "Waar Locatie volgt" in text
    assert "Leescafé" in page(one_sector, "agenda").text
    assert (
        "Leescafé woensdag 9 december 2026, 15:30–17:00 · Locatie volgt"
        in page(one_sector, "agenda").text
    )
    data = json_ld(one_sector, "agenda/leescafe")
    assert data["location"] == {"@type": "Place", "name": "Locatie volgt"}
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    calendar = event(text_file(one_sector, "agenda/kalender.ics"), "leescafe@www.netwerk.example")
    assert "LOCATION:Locatie volgt" in calendar
    assert "De locatie volgt op de website." in calendar.replace("\\n", "\n")
    text, _ = email(one_sector, "scholen")
    assert "Locatie volgt" in text


def test_a_link_to_follow(one_sector: Path) -> None:
    text = page(one_sector, "agenda/webinar-voorlezen").text
    assert "Waar Online (link volgt) Online De link volgt." in text
    data = json_ld(one_sector, "agenda/webinar-voorlezen")
    assert data["location"] == {
        "@type": "VirtualLocation",
        "name": "Link volgt",
        "url": "https://www.netwerk.example/agenda/webinar-voorlezen/",
    }
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    calendar = event(
        text_file(one_sector, "agenda/kalender.ics"), "webinar-voorlezen@www.netwerk.example"
    )
    assert "LOCATION:Online (link volgt)" in calendar
    assert "Online: de link volgt op de website." in calendar.replace("\\n", "\n")


def test_anything_else_is_no_venue(one_sector_root: Path, tmp_path: Path) -> None:
    found = problems(
        one_sector_root,
        {
            "agenda/leescafe.md": """\
                ---
                title: Leescafé
                start: 2026-12-09 15:30
                location: nog niet bekend
                kind: onderwijscafe
                ---
                """
        },
        tmp_path,
    )
    assert found == [
        "content/agenda/leescafe.md:4: location: 'nog niet bekend' is geen plek; schrijf name "
        "en address, elk op een eigen ingesprongen regel, of location: volgt als de plek nog "
        "niet bekend is"
    ]


# --- 6. The kennisbank as a factsheet ------------------------------------------------------------


def test_a_theme_page_is_a_factsheet(one_sector: Path) -> None:
    text = page(one_sector, "themas/lezen").text
    # The network's name is above the factsheet on paper only (netwerk-print.css), as are the
    # addresses of resources that are pages of the site.
    assert text.startswith(
        "Partnerschap Rijnstreek Lezen Plezier in lezen, thuis en op school. Over lezen. "
        "Onderzoek Onderzoek naar leesmotivatie · naar de bron Wat kinderen laat lezen. "
        "Praktijkvoorbeelden De leeshoek van De Linde Een leeshoek in elke klas. "
        "https://www.netwerk.example/kennisbank/leeshoek-de-linde/ "
        "Tools en handvatten Handleiding leesclub Zo begin je een leesclub. "
        "https://www.netwerk.example/kennisbank/handleiding-leesclub/ "
        "Projecten "
    )
    assert text.index("Tools en handvatten") < text.index("Komende activiteiten")


def test_resources_are_listed_on_their_partners_and_projects(one_sector: Path) -> None:
    assert (
        "Kennisbank Onderzoek naar leesmotivatie · Onderzoek"
        in page(one_sector, "partners/bibliotheek-rijn").text
    )
    assert (
        "Kennisbank De leeshoek van De Linde · Praktijkvoorbeeld"
        in page(one_sector, "partners/obs-de-linde").text
    )
    assert (
        "Kennisbank Handleiding leesclub · Tool of handvat"
        in page(one_sector, "projecten/leesclub").text
    )
    resource = page(one_sector, "kennisbank/handleiding-leesclub").text
    # Without a url it is a page of its own: its text, and what it belongs to.
    assert resource == (
        "Handleiding leesclub Zo begin je een leesclub. Soort Tool of handvat "
        "Projecten Leesclub Begin met zes kinderen en een stapel boeken."
    )


def test_the_kennisbank_per_theme_and_kind(one_sector: Path) -> None:
    text = page(one_sector, "kennisbank").text
    # The network's own headings (resource_kind_headings), each resource once, no kind repeated
    # on its lines; a filter only where there is more than one choice (one theme: none).
    assert text.startswith(
        "Kennisbank 3 bronnen: onderzoek (1), praktijkvoorbeelden (1), tools en handvatten (1). "
        "Per thema en soort De kennisbank per thema en soort "
        "Thema Onderzoek Praktijkvoorbeelden Tools en handvatten Lezen 1 1 1 "
        "Zoek in de kennisbank Soort Alle soorten Onderzoek Praktijkvoorbeelden "
        "Tools en handvatten Partner Alle partners Bibliotheek Rijn OBS De Linde "
        "Onderzoek Onderzoek naar leesmotivatie · naar de bron Wat kinderen laat lezen. Lezen "
        "Praktijkvoorbeelden De leeshoek van De Linde Een leeshoek in elke klas. Lezen "
    )
    links = dict(page(one_sector, "kennisbank").links)
    assert links["Lezen"] == "../themas/lezen/"
    assert links["Tools en handvatten"] == "tool/"
    assert text.count("Handleiding leesclub") == 1


# --- 7. Cancelled means cancelled --------------------------------------------------------------


def test_a_past_cancelled_activity_says_only_that(one_sector: Path) -> None:
    text = page(one_sector, "agenda/voorleesontbijt").text
    assert text.startswith("Voorleesontbijt Geannuleerd Deze activiteit is niet doorgegaan.")
    assert "geweest" not in text
    assert "in je agenda" not in text
    past = page(one_sector, "agenda/netwerkmiddag").text
    assert past.startswith("Netwerkmiddag Deze activiteit is geweest.")


def test_an_upcoming_cancelled_activity_is_marked_and_left_out_of_home_and_counts(
    one_sector: Path,
) -> None:
    text = page(one_sector, "agenda/studiedag").text
    assert text.startswith("Studiedag lezen Geannuleerd Deze activiteit gaat niet door.")
    assert "in je agenda" not in text
    assert "Meld je aan" not in text
    assert "Studiedag lezen Geannuleerd woensdag 3 februari 2027" in page(one_sector, "agenda").text
    home = page(one_sector, "").text
    assert "Leescafé" in home
    assert "Studiedag" not in home
    assert "2 projecten · 1 komende activiteit" in page(one_sector, "themas").text
    # Its calendar file and the subscribed calendar keep it, cancelled.
    single = text_file(one_sector, "agenda/studiedag/studiedag.ics")
    assert "STATUS:CANCELLED" in single
    assert "SUMMARY:Geannuleerd: Studiedag lezen" in single
    assert "STATUS:CANCELLED" in event(
        text_file(one_sector, "agenda/kalender.ics"), "studiedag@www.netwerk.example"
    )
    email_text, _ = email(one_sector, "scholen")
    assert "GEANNULEERD" in email_text
    numbers = page(one_sector, "in-cijfers").text
    # Leescafé, the webinar and the network afternoon; not the study day nor the breakfast.
    assert "2 projecten, 3 activiteiten en 3 nieuwsberichten" in numbers
    assert "(tabel) Schooljaar Activiteiten 2026-2027 3 " in numbers


# --- 8. Messages in the network's own terms ---------------------------------------------------


def test_an_unknown_code_names_the_option_to_add_it_to(
    custom_root: Path, one_sector_root: Path, tmp_path: Path
) -> None:
    project = """\
        ---
        title: Geen thuiszitters
        theme: inclusie
        status: {status}
        sectors: [so, beleid]
        goal: Elk kind naar school.
        ---
        """
    assert problems(
        custom_root, {"projecten/thuiszitters.md": project.format(status="gepauzeerd")}, tmp_path
    ) == [
        "content/projecten/thuiszitters.md:4: status: 'gepauzeerd' is geen projectstatus; kies "
        "uit: afgerond, uitgesteld, uitvoering, verkenning, of voeg hem toe aan "
        "project_statuses in mkdocs.yml"
    ]
    # A default code the network's own list leaves out: the list replaces the defaults.
    assert problems(
        custom_root, {"projecten/thuiszitters.md": project.format(status="lopend")}, tmp_path
    ) == [
        "content/projecten/thuiszitters.md:4: status: 'lopend' is geen projectstatus; kies uit: "
        "afgerond, uitgesteld, uitvoering, verkenning. De lijst project_statuses in mkdocs.yml "
        "vervangt de standaardlijst (nieuw, lopend, subsidie-toegekend, afgerond): zet 'lopend' "
        "erbij, of zet je eigen codes onder extra_project_statuses en houd de standaardlijst"
    ]
    # A network that keeps the defaults adds to them with extra_.
    assert problems(
        one_sector_root,
        {
            "projecten/leesclub.md": """\
                ---
                title: Leesclub
                theme: lezen
                status: gepauzeerd
                goal: Elke school een leesclub.
                ---
                """
        },
        tmp_path,
    ) == [
        "content/projecten/leesclub.md:4: status: 'gepauzeerd' is geen projectstatus; kies uit: "
        "afgerond, lopend, nieuw, subsidie-toegekend, uitgesteld, of voeg hem toe aan "
        "extra_project_statuses in mkdocs.yml"
    ]


def test_examples_in_messages_come_from_the_network_s_own_lists(
    custom_root: Path, tmp_path: Path
) -> None:
    found = problems(
        custom_root,
        {
            "partners/de-brug.md": """\
                ---
                name: SO De Brug
                sectors: []
                ---
                """,
            "agenda/werkplaats.md": """\
                ---
                title: Werkplaats inclusie
                start: 2026-12-03 14:00
                location: {name: Gemeentehuis Zuid}
                ---
                """,
        },
        tmp_path,
    )
    assert found == [
        "content/agenda/werkplaats.md:1: kind: ontbreekt; voeg de soort toe, bijvoorbeeld "
        "kind: netwerkbijeenkomst",
        "content/agenda/werkplaats.md:1: sectors: ontbreekt; voeg een of meer werkvelden toe, "
        "bijvoorbeeld sectors: [so, po]",
        "content/partners/de-brug.md:1: membership: ontbreekt; voeg het lidmaatschap toe, "
        "bijvoorbeeld membership: kern",
        "content/partners/de-brug.md:3: sectors: is een lege lijst; noem er minstens één, "
        "zoals [so]",
    ]
    assert "[vve" not in " ".join(found)


def test_suggestions_come_from_the_network_s_own_lists(custom_root: Path, tmp_path: Path) -> None:
    assert problems(
        custom_root,
        {
            "partners/de-brug.md": """\
                ---
                name: SO De Brug
                sectors: [s0]
                membership: kernn
                ---
                """
        },
        tmp_path,
    ) == [
        "content/partners/de-brug.md:3: sectors: 's0' is geen sector; bedoelde je 'so'?",
        "content/partners/de-brug.md:4: membership: 'kernn' is geen lidmaatschap; bedoelde je "
        "'kern'?",
    ]
