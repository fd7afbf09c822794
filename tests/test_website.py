"""The public website: what a visitor sees on each page type, and that nobody can inject into it."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml

from conftest import ACTIVITY, NEWS, PARTNER, PROJECT, REPO, SMALL_NETWORK, Site
from netwerk.agenda.pages import SchoolYear
from netwerk.core import sanitize
from netwerk.core.network import Network
from netwerk.core.settings import Settings
from netwerk.numbers import charts

LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'


class Page(HTMLParser):
    """The parts of a built page the tests look at."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.start_tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.metas: dict[str, str] = {}
        self.title = ""
        self._in: str | None = None
        self._text: list[str] = []
        self._main: list[str] = []
        self._main_depth = 0
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._link_text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.start_tags.append((tag, found))
        if tag in ("script", "title"):
            self._in, self._text = tag, []
        if tag == "meta":
            key = found.get("property") or found.get("name")
            if key:
                self.metas[key] = found.get("content") or ""
        if tag == "article":
            self._main_depth += 1
        if tag == "a":
            self._href, self._link_text = found.get("href"), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in == "script":
            self.scripts.append((self.start_tags[-1][1], "".join(self._text)))
            self._in = None
        if tag == "title" and self._in == "title":
            self.title = "".join(self._text)
            self._in = None
        if tag == "article":
            self._main_depth -= 1
        if tag == "a" and self._href is not None:
            if self._main_depth:
                self.links.append((" ".join("".join(self._link_text).split()), self._href))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)
        if self._main_depth:
            self._main.append(data)
        if self._href is not None:
            self._link_text.append(data)

    @property
    def text(self) -> str:
        """The visible text of the article, whitespace collapsed, without permalink signs."""
        return " ".join(" ".join(self._main).replace("¶", " ").split())


def page(site: Site, url: str) -> Page:
    return Page(site.page(url))


def with_example_markdown(site: Site) -> Site:
    """The example's Markdown extensions (heading anchors, admonitions, attribute lists)."""
    path = site.root / "mkdocs.yml"
    if not path.exists():
        site.configure()
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    example = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"] = example["markdown_extensions"]
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return site


# --- Pages a visitor opens ------------------------------------------------------------------

BASIC_PARTNER = """\
---
name: Basisschool De Linde
sectors: [po]
membership: basis
municipality: Leiderdorp
member_since: 2019-03-01
---
"""
BASIC_ACTIVITY = """\
---
title: Open les bij De Linde
start: 2026-12-02
location: {name: De Linde}
sectors: [po]
kind: lezing
partners: [de-linde]
---
"""


@pytest.fixture
def richer_site(site: Site) -> Site:
    return site.write(SMALL_NETWORK).write(
        {
            "partners/de-linde.md": BASIC_PARTNER,
            "agenda/open-les.md": BASIC_ACTIVITY,
            "toegankelijkheid.md": "# Toegankelijkheid\n\nWCAG 2.1 AA.\n",
            "privacy.md": "# Privacy\n\nGeen cookies.\n",
        }
    )


def test_home_shows_mission_agenda_news_themes_and_featured_partners(richer_site: Site) -> None:
    richer_site.build()
    text = page(richer_site, "").text
    assert text.startswith("Ons netwerk Welkom. Ik werk in ... Voor- en vroegschoolse educatie")
    # Each entry: its day set apart, the title, when and where, the kind and the sectors.
    assert (
        "Komende activiteiten 2 dec Open les bij De Linde woensdag 2 december 2026 · De Linde "
        "Lezing · po 10 dec Themabijeenkomst motivatie donderdag 10 december 2026, 15:30–17:30"
    ) in text
    assert "Laatste nieuws 1 okt Nieuwe leergemeenschap donderdag 1 oktober 2026 · Nieuws" in text
    assert text.endswith("Thema's Motivatie als motor")
    # Museum Boerhaave's activity and news are listed above already: nothing twice
    # (tests/test_visitors.py has the featured selection).
    assert "Uitgelicht" not in text


def test_partner_directory_by_membership_and_a_static_page_per_sector(richer_site: Site) -> None:
    richer_site.build()
    overview = page(richer_site, "partners")
    # Only the sectors with partners, and no count of nothing.
    assert "2 partners in 2 werkvelden. Per werkveld Primair onderwijs (2) " in overview.text
    assert "Voortgezet onderwijs (1) Per lidmaatschap" in overview.text
    assert (
        "Per lidmaatschap Basislidmaatschap Basisschool De Linde · Leiderdorp · po "
        "Uitgebreid lidmaatschap Museum Boerhaave · Leiden · po , vo" in overview.text
    )
    assert ("Primair onderwijs", "po/") in overview.links

    po = page(richer_site, "partners/po")
    assert po.title == "Partners in primair onderwijs - Testnetwerk"
    assert "2 partners in dit werkveld. Basislidmaatschap Basisschool De Linde" in po.text
    assert ("Museum Boerhaave", "../museum-boerhaave/") in po.links
    assert ("Alle partners", "../") in po.links
    vo = page(richer_site, "partners/vo")
    assert "Basisschool De Linde" not in vo.text
    assert not (richer_site.output / "partners/vve").exists()


def test_sector_pages_stay_out_of_the_navigation(richer_site: Site) -> None:
    richer_site.build()
    html = richer_site.page("partners")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    # Links in the menu are relative to the page (/partners/): resolve them as a browser does.
    targets = {
        urljoin("https://netwerk.example.nl/partners/", href)
        for href in re.findall(r'href="([^"]*)"', nav)
    }
    assert "https://netwerk.example.nl/partners/" in targets
    assert "https://netwerk.example.nl/agenda/" in targets
    assert "https://netwerk.example.nl/partners/po/" not in targets


def test_partner_page_metadata_and_organization_json_ld(richer_site: Site) -> None:
    partner = PARTNER.replace(
        "municipality: Leiden",
        "municipality: Leiden\nwebsite: https://museum.example/\n"
        "logo: afbeeldingen/boerhaave.svg\nlogo_alt: Logo van Museum Boerhaave\n"
        "summary: Museum voor wetenschap.",
    )
    richer_site.write({"partners/museum-boerhaave.md": partner})
    richer_site.write({"afbeeldingen/boerhaave.svg": LOGO}).build()
    partner_page = page(richer_site, "partners/museum-boerhaave")
    assert partner_page.metas["description"] == "Museum voor wetenschap."
    assert partner_page.metas["og:title"] == "Museum Boerhaave"
    assert partner_page.metas["og:description"] == "Museum voor wetenschap."
    assert partner_page.metas["og:url"] == "https://netwerk.example.nl/partners/museum-boerhaave/"
    ld = [
        json.loads(text)
        for attrs, text in partner_page.scripts
        if attrs.get("type") == "application/ld+json"
    ]
    assert ld == [
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": "Museum Boerhaave",
            "description": "Museum voor wetenschap.",
            "url": "https://museum.example/",
            "logo": "https://netwerk.example.nl/afbeeldingen/boerhaave.svg",
            "address": {"@type": "PostalAddress", "addressLocality": "Leiden"},
            "sameAs": ["https://netwerk.example.nl/partners/museum-boerhaave/"],
        }
    ]
    assert (
        "img",
        {
            "class": "netwerk-logo",
            "src": "../../afbeeldingen/boerhaave.svg",
            "alt": "Logo van Museum Boerhaave",
        },
    ) in partner_page.start_tags  # its own size (at most 200 px wide: CSS), never stretched


def test_a_partner_without_summary_still_gets_a_description(richer_site: Site) -> None:
    richer_site.build()
    assert page(richer_site, "partners/de-linde").metas["description"] == (
        "Basisschool De Linde in Leiderdorp: partner van het netwerk (primair onderwijs)."
    )
    assert page(richer_site, "agenda/open-les").metas["description"] == (
        "Open les bij De Linde: woensdag 2 december 2026, De Linde."
    )


def test_project_page_shows_goal_status_leads_partners_and_relations(richer_site: Site) -> None:
    richer_site.build()
    project = page(richer_site, "projecten/gluren-bij-de-buren")
    assert (
        "Onderdeel 3a Status In uitvoering Thema Motivatie als motor "
        "Doel Leerkrachten en pedagogisch medewerkers lopen bij elkaar mee. "
        "Trekkers Trekker namens SPL Partners Museum Boerhaave "
        "Werkvelden Voor- en vroegschoolse educatie , Primair onderwijs "
        "Start zaterdag 1 september 2018"
    ) in project.text
    assert "Komende activiteiten 10 dec Themabijeenkomst motivatie" in project.text
    assert "Nieuws 1 okt Nieuwe leergemeenschap" in project.text
    assert ("Museum Boerhaave", "../../partners/museum-boerhaave/") in project.links
    assert (
        project.metas["description"]
        == "Leerkrachten en pedagogisch medewerkers lopen bij elkaar mee."
    )


def test_projects_overview_groups_by_theme_with_status(richer_site: Site) -> None:
    richer_site.build()
    text = page(richer_site, "projecten").text
    assert (
        "Motivatie als motor Over het thema Motivatie als motor 3a. Gluren bij de Buren · In uitvoering"
        in text
    )


def test_themes_overview_counts_projects_and_upcoming_activities(richer_site: Site) -> None:
    richer_site.build()
    text = page(richer_site, "themas").text
    assert (
        "Motivatie als motor Motivatie als motor van talentontwikkeling. 1 project · 1 komende activiteit"
        in text
    )


def news_item(day: date) -> str:
    return NEWS.replace(
        "title: Nieuwe leergemeenschap", f"title: Bericht van {day.isoformat()}"
    ).replace("date: 2026-10-01", f"date: {day.isoformat()}")


def test_news_newest_first_with_an_archive_per_year(site: Site) -> None:
    days = [date(2025, month, 15) for month in range(1, 8)] + [
        date(2026, month, 1) for month in range(1, 6)
    ]
    site.write(SMALL_NETWORK).write(
        {f"nieuws/bericht-{day.isoformat()}.md": news_item(day) for day in days}
    ).build()
    overview = page(site, "nieuws")
    titles = re.findall(r"Bericht van (\d{4}-\d{2}-\d{2})", overview.text)
    assert titles == [
        "2026-05-01",
        "2026-04-01",
        "2026-03-01",
        "2026-02-01",
        "2026-01-01",
        "2025-07-15",
        "2025-06-15",
        "2025-05-15",
        "2025-04-15",
    ]
    assert overview.text.startswith("Nieuws 1 okt Nieuwe leergemeenschap donderdag 1 oktober 2026")
    assert (
        "Archief Oudere berichten staan in het archief, per jaar. 2026 (6 berichten) 2025 (7 berichten)"
        in overview.text
    )
    assert ("2025", "archief/2025/") in overview.links

    year = page(site, "nieuws/archief/2025")
    assert year.title == "Nieuws uit 2025 - Testnetwerk"
    assert re.findall(r"Bericht van (\d{4}-\d{2}-\d{2})", year.text) == [
        f"2025-0{m}-15" for m in range(7, 0, -1)
    ]
    assert "woensdag 15 januari 2025" in year.text
    assert ("2026", "../2026/") in year.links
    archive = page(site, "nieuws/archief")
    assert "2026 (6 berichten) 2025 (7 berichten)" in archive.text


def test_knowledge_base_by_kind_and_by_theme(richer_site: Site) -> None:
    richer_site.write(
        {
            "kennisbank/toolbox.md": "---\ntitle: Toolbox motivatie\nkind: tool\nsummary: Handvatten.\n---\n",
        }
    ).build()
    text = page(richer_site, "kennisbank").text
    # Kinds without resources are not named and get no page (tests/test_shapes.py).
    # The network's own headings; each resource once, under its kind, with its themes.
    assert text.startswith("Kennisbank 2 bronnen: onderzoek (1), tools en handvatten (1).")
    assert (
        "Per thema en soort De kennisbank per thema en soort Thema Onderzoek Tools en handvatten "
        "Motivatie als motor 1 0 " in text
    )
    assert (
        "Onderzoek Kennisagenda onderwijs · naar de bron De kennisagenda van de onderwijsraden. "
        "Motivatie als motor Tools en handvatten Toolbox motivatie Handvatten." in text
    )
    assert text.count("Kennisagenda onderwijs") == 1
    tools = page(richer_site, "kennisbank/tool")
    assert tools.text.startswith(
        "Kennisbank: tool of handvat De hele kennisbank Toolbox motivatie Handvatten."
    )
    assert "Kennisagenda" not in tools.text
    research = page(richer_site, "kennisbank/onderzoek").text
    assert "Kennisagenda onderwijs · naar de bron De kennisagenda van de onderwijsraden. " in (
        research
    )
    assert "· Onderzoek" not in research
    assert not (richer_site.output / "kennisbank" / "praktijkvoorbeeld").exists()


def test_organisation_page_shows_who_is_who(richer_site: Site) -> None:
    organisation = {
        "intro": "Zo werken we samen.",
        "groups": [
            {
                "name": "Regiegroep",
                "task": "Koers bepalen",
                "members": [
                    {"role": "Voorzitter", "partner": "museum-boerhaave", "sectors": ["po"]}
                ],
            },
            {
                "name": "Projectleiding",
                "members": [{"role": "Projectleider", "name": "Anna de Vries"}],
            },
        ],
    }
    richer_site.write({"organisatie.yml": yaml.safe_dump(organisation)}).build()
    org = page(richer_site, "organisatie")
    assert (
        "Zo werken we samen. Regiegroep Koers bepalen Voorzitter · Museum Boerhaave · po Projectleiding Projectleider: Anna de Vries"
        in org.text
    )
    assert ("Museum Boerhaave", "../partners/museum-boerhaave/") in org.links


def test_network_in_numbers_has_charts_with_tables(richer_site: Site) -> None:
    late_july = ACTIVITY.replace("start: 2026-12-10 15:30", "start: 2026-07-31 15:30").replace(
        "end: 2026-12-10 17:30", "end: 17:30"
    )
    richer_site.write({"agenda/eind-schooljaar.md": late_july}).build()
    numbers = page(richer_site, "in-cijfers")
    assert numbers.text.startswith(
        "In cijfers 2 partners, 1 thema, 1 project, 3 activiteiten en 1 nieuwsbericht, op maandag 23 november 2026."
    )
    assert (
        "Werkveld Partners Voor- en vroegschoolse educatie 0 Primair onderwijs 2 Voortgezet onderwijs 1"
        in numbers.text
    )
    assert (
        "Jaar Nieuwe partners Partners in totaal 2016 1 1 2017 0 1 2018 0 1 2019 1 2"
        in numbers.text
    )
    assert (
        "Werkveld Schooljaar 2025-2026 Schooljaar 2026-2027 Voor- en vroegschoolse educatie 0 0 "
        "Primair onderwijs 1 2"
    ) in numbers.text
    assert (
        "Thema Nieuw In uitvoering Subsidie toegekend Afgerond Motivatie als motor 0 1 0 0"
        in numbers.text
    )
    svgs = [
        attrs
        for tag, attrs in numbers.start_tags
        if tag == "svg" and "netwerk-chart" in str(attrs.get("class")).split()
    ]
    # And the new partners and projects per school year (netwerk.numbers).
    assert "Schooljaar Nieuwe partners Nieuwe projecten 2016-2017 1 0" in numbers.text
    assert len(svgs) == 10  # each drawn for wide screens and for phones
    assert all(attrs["role"] == "img" and attrs["aria-labelledby"] for attrs in svgs)
    assert numbers.metas["description"].startswith("Het netwerk in cijfers")


def test_school_years_run_from_august_to_july() -> None:
    assert SchoolYear.of(date(2026, 7, 31)).slug == "2025-2026"
    assert SchoolYear.of(date(2026, 8, 1)).slug == "2026-2027"


def test_chart_labels_are_escaped_in_the_svg() -> None:
    chart = charts.Chart("x", "<b>", "a & b", "Soort", ["<script>"], ["Aantal"], [[3]])
    svg = chart.svg
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "a &amp; b" in svg


def test_footer_links_to_accessibility_statement_and_privacy_on_every_page(
    richer_site: Site,
) -> None:
    richer_site.build()
    for html in richer_site.output.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        footer = text[text.index('<footer class="md-footer">') :]
        # 404.html is served at any depth, so its links start from the site root.
        at = "" if html.name == "404.html" else html.relative_to(richer_site.output).as_posix()
        base = "https://netwerk.example.nl/" + at
        found = {
            title: urljoin(base, href)
            for href, title in re.findall(r'<a href="([^"]*)">(\w+)</a>', footer)
        }
        assert found["Toegankelijkheid"] == "https://netwerk.example.nl/toegankelijkheid/", html
        assert found["Privacy"] == "https://netwerk.example.nl/privacy/", html


def test_dutch_404_page(richer_site: Site) -> None:
    richer_site.build()
    html = (richer_site.output / "404.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    assert "<title>Pagina niet gevonden - Testnetwerk</title>" in html
    assert "<h1>Pagina niet gevonden</h1>" in html
    assert '<a href="/partners/">Partners</a>' in html


def test_no_web_fonts_and_our_stylesheet(richer_site: Site) -> None:
    richer_site.configure().build()
    config = yaml.safe_load((richer_site.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["font"] = {"text": "Roboto"}  # a site that forgets `font: false`
    (richer_site.root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    richer_site.build()
    html = richer_site.page("")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert '<link rel="stylesheet" href="assets/stylesheets/netwerk.css">' in html


# --- Sanitising partner text ---------------------------------------------------------------------

HOSTILE_BODY = """\
Tekst met <script>alert('body')</script> en <img src="x" onerror="alert('img')">.

<a href="javascript:alert('link')">klik</a> <a href="https://veilig.example/">veilig</a>
<a href="mailto:info@example.nl">mail</a> <a href="data:text/html,<script>alert(1)</script>">data</a>

<img src="https://tracker.example/pixel.gif" alt="pixel"> <img src="/afbeeldingen/boerhaave.svg" alt="logo">

<iframe src="https://evil.example/"></iframe><style>body{display:none}</style>

## Over ons { onclick="alert('attr')" }

## __config

!!! tip "Goed om te weten"
    Een admonition blijft staan.
"""


def test_partner_html_is_sanitised_but_keeps_anchors_and_admonitions(small_site: Site) -> None:
    small_site.write(
        {
            "partners/museum-boerhaave.md": PARTNER + HOSTILE_BODY,
            "afbeeldingen/boerhaave.svg": LOGO,
        }
    )
    with_example_markdown(small_site).build()
    html = small_site.page("partners/museum-boerhaave")
    content = html[html.index('<div class="netwerk-item') : html.index("</article>")]
    for bad in (
        "<script",
        "onerror",
        "onclick",
        "javascript:",
        "data:text",
        "<iframe",
        "<style",
        "tracker.example",
    ):
        assert bad not in content, bad
    assert '<a href="https://veilig.example/" rel="noopener noreferrer">veilig</a>' in content
    assert '<a href="mailto:info@example.nl" rel="noopener noreferrer">mail</a>' in content
    assert '<img src="/afbeeldingen/boerhaave.svg" alt="logo">' in content
    assert '<h2 id="over-ons">Over ons<a class="headerlink" href="#over-ons"' in content
    # Material's own elements (#__config, #__drawer) cannot be shadowed by a partner's heading.
    assert '<h2 id="config">' in content and 'id="__config"' not in content
    assert 'href="#config"' in html[html.index('<nav class="md-nav md-nav--secondary"') :]
    assert (
        '<div class="admonition tip">\n<p class="admonition-title">Goed om te weten</p>' in content
    )


def test_sanitiser_allow_list() -> None:
    assert sanitize.clean('<p class="md-toggle x">a</p>') == "<p>a</p>"
    assert sanitize.clean('<img src="//evil.example/x.png" alt="x">') == ""
    assert sanitize.clean('<img src="data:image/png;base64,AAAA" alt="x">') == ""
    assert (
        sanitize.clean(
            '<table><tr><td style="text-align: right; position: fixed">1</td></tr></table>'
        )
        == '<table><tbody><tr><td style="text-align:right">1</td></tr></tbody></table>'
    )
    assert sanitize.clean("<center>oud</center>") == "oud"
    assert sanitize.safe_id("__search") == "search"
    assert sanitize.safe_id("___") is None


# --- Hostile values in every front matter field --------------------------------------------------

HOSTILE = "</title><script>alert(1)</script>\"><img src=x onerror=alert(1)> javascript:alert(1) '&"


def hostile_network() -> dict[str, str | bytes]:
    def doc(data: dict[str, Any], body: str = "Tekst.\n") -> str:
        return "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body

    return {
        "index.md": doc(
            {"title": HOSTILE, "description": HOSTILE, "subtitle": HOSTILE}, "# Welkom\n"
        ),
        "afbeeldingen/logo.svg": LOGO,
        "themas/motivatie.md": doc({"title": HOSTILE, "summary": HOSTILE}),
        "partners/museum-boerhaave.md": doc(
            {
                "name": HOSTILE,
                "summary": HOSTILE,
                "sectors": ["po"],
                "membership": "uitgebreid",
                "municipality": HOSTILE,
                "website": "https://museum.example/?q=</script><script>alert(1)</script>",
                "logo": "afbeeldingen/logo.svg",
                "logo_alt": HOSTILE,
                "member_since": "2016-09-01",
                "themes": ["motivatie"],
            },
            HOSTILE_BODY,
        ),
        "partners/zonder-samenvatting.md": doc(
            {"name": HOSTILE, "sectors": ["vo"], "membership": "basis", "municipality": HOSTILE}
        ),
        "projecten/gluren-bij-de-buren.md": doc(
            {
                "title": HOSTILE,
                "code": HOSTILE,
                "summary": HOSTILE,
                "theme": "motivatie",
                "status": "lopend",
                "leads": [HOSTILE],
                "partners": ["museum-boerhaave"],
                "sectors": ["po"],
                "goal": HOSTILE,
            },
            HOSTILE_BODY,
        ),
        "agenda/bijeenkomst.md": doc(
            {
                "title": HOSTILE,
                "summary": HOSTILE,
                "start": "2026-12-10 15:30",
                "end": "17:30",
                "location": {"name": HOSTILE, "address": HOSTILE},
                "sectors": ["po"],
                "kind": "themabijeenkomst",
                "theme": "motivatie",
                "project": "gluren-bij-de-buren",
                "partners": ["museum-boerhaave"],
                "registration_url": 'https://aanmelden.example/?a="><script>alert(1)</script>',
            },
            HOSTILE_BODY,
        ),
        "agenda/zonder-samenvatting.md": doc(
            {
                "title": HOSTILE,
                "start": "2026-12-11",
                "online_url": "https://online.example/",
                "sectors": ["po"],
                "kind": "lezing",
            }
        ),
        "nieuws/bericht.md": doc(
            {
                "title": HOSTILE,
                "date": "2026-10-01",
                "kind": "nieuws",
                "summary": HOSTILE,
                "sectors": ["po"],
                "themes": ["motivatie"],
                "partners": ["museum-boerhaave"],
                "project": "gluren-bij-de-buren",
                "image": "afbeeldingen/logo.svg",
                "image_alt": HOSTILE,
            },
            HOSTILE_BODY,
        ),
        "kennisbank/bron.md": doc(
            {
                "title": HOSTILE,
                "kind": "tool",
                "summary": HOSTILE,
                "url": "https://bron.example/",
                "themes": ["motivatie"],
            },
            HOSTILE_BODY,
        ),
        "organisatie.yml": yaml.safe_dump(
            {
                "intro": HOSTILE,
                "groups": [
                    {
                        "name": HOSTILE,
                        "task": HOSTILE,
                        "description": HOSTILE,
                        "members": [
                            {"role": HOSTILE, "name": HOSTILE, "organisation": HOSTILE},
                            {"role": HOSTILE, "partner": "museum-boerhaave", "theme": "motivatie"},
                        ],
                    }
                ],
            },
            allow_unicode=True,
        ),
    }


def injected(html: str) -> list[str]:
    """Everything in a page that a hostile value could have added: scripts, handlers, URLs."""
    found = []
    parsed = Page(html)
    for tag, attrs in parsed.start_tags:
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"<{tag} {name}>")
            if (
                name in ("href", "src", "action", "formaction", "srcset", "xlink:href", "content")
                and value
            ) and re.match(r"\s*(javascript|data|vbscript):", value, re.IGNORECASE):
                found.append(f"<{tag} {name}={value}>")
        if tag in ("iframe", "object", "embed", "base"):
            found.append(f"<{tag}>")
    for attrs, text in parsed.scripts:
        if attrs.get("type") == "application/ld+json":
            json.loads(text)  # data only, and it must stay valid JSON
            if "</" in text:
                found.append(f"</ in JSON-LD: {text[:80]}")
        elif "alert(" in text:
            found.append(f"<script {attrs}>{text[:80]}")
        if attrs.get("src") and not re.match(r"^[./]*(assets|search)/", attrs["src"] or ""):
            found.append(f"<script src={attrs['src']}>")
    if "</title><script>" in html:
        found.append("title break-out")
    return found


def test_hostile_values_in_every_field_come_out_escaped(site: Site) -> None:
    with_example_markdown(site.write(hostile_network())).build()
    pages = sorted(site.output.rglob("*.html"))
    assert len(pages) > 20
    problems = {
        str(path.relative_to(site.output)): injected(path.read_text(encoding="utf-8"))
        for path in pages
    }
    assert {path: found for path, found in problems.items() if found} == {}

    # The hostile text is shown as text, not dropped: in the title, description, headings.
    partner = page(site, "partners/museum-boerhaave")
    assert partner.title == HOSTILE + " - Testnetwerk"
    assert partner.metas["description"] == HOSTILE
    assert partner.metas["og:title"] == HOSTILE
    assert HOSTILE in partner.text
    ld = [
        json.loads(text)
        for attrs, text in partner.scripts
        if attrs.get("type") == "application/ld+json"
    ]
    assert ld[0]["name"] == HOSTILE
    home = page(site, "")
    assert home.title == "Testnetwerk" and home.metas["description"] == HOSTILE
    assert page(site, "partners/zonder-samenvatting").metas["description"].startswith(HOSTILE)

    # Material's search shows titles and text as HTML: the index holds them escaped.
    index = json.loads((site.output / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            assert injected(doc[field]) == [], (doc["location"], field)
            assert "<script" not in doc[field] and "<img src=x" not in doc[field], (
                doc["location"],
                field,
            )


def test_theme_page_orders_projects_by_status_as_configured(richer_site: Site) -> None:
    finished = PROJECT.replace("title: Gluren bij de Buren", "title: Oud project").replace(
        "status: lopend", "status: afgerond"
    )
    new = PROJECT.replace("title: Gluren bij de Buren", "title: Nieuw project").replace(
        "status: lopend", "status: nieuw"
    )
    richer_site.write({"projecten/oud.md": finished, "projecten/nieuw.md": new}).build()
    text = page(richer_site, "themas/motivatie").text
    assert (
        "Projecten Nieuw 3a. Nieuw project · Nieuw In uitvoering 3a. Gluren bij de Buren · In uitvoering "
        "Afgerond 3a. Oud project · Afgerond"
    ) in text


def test_charts_of_an_empty_network_have_no_rows_but_keep_their_sectors() -> None:
    empty = Network(Settings(), {}, {}, {}, {}, {}, {})
    years, sectors = charts.partners_over_the_years(empty), charts.partners_per_sector(empty)
    assert years.categories == [] and years.values == []
    assert sectors.values == [[0], [0], [0], [0], [0]]
    assert "<rect" not in sectors.svg  # no bars of zero width
