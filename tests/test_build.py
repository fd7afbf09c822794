"""Build small real sites and read the pages they write."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import ACTIVITY, NEWS, PARTNER, SMALL_NETWORK, Site, build_apart


class Text(HTMLParser):
    """The visible text of the page's main content, whitespace collapsed."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        start = html.index('<div class="md-content"')
        self.feed(html[start : html.index("</main>")])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._link_text: list[str] = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((" ".join("".join(self._link_text).split()), self._href))
            self._href = None

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        if self._href is not None:
            self._link_text.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def main_text(site: Site, url: str) -> str:
    return Text(site.page(url)).text


def links(site: Site, url: str) -> list[tuple[str, str]]:
    return Text(site.page(url)).links


def test_every_item_gets_its_page(small_site: Site) -> None:
    small_site.build()
    for url in [
        "partners/museum-boerhaave",
        "themas/motivatie",
        "projecten/gluren-bij-de-buren",
        "agenda/themabijeenkomst-motivatie",
        "nieuws/nieuwe-leergemeenschap",
        "kennisbank/kennisagenda",
        "partners",
        "themas",
        "projecten",
        "agenda",
        "nieuws",
        "kennisbank",
    ]:
        assert (small_site.output / url / "index.html").is_file(), url
    # Without organisatie.yml there is nobody to show: no page (tests/test_shapes.py).
    assert not (small_site.output / "organisatie").exists()


def test_partner_page_shows_fields_and_relations(small_site: Site) -> None:
    small_site.build()
    text = main_text(small_site, "partners/museum-boerhaave")
    # The breadcrumb first; the sectors link to their pages; a month without a weekday.
    assert text.startswith("Partners Museum Boerhaave Museum Boerhaave")
    assert "Werkvelden Primair onderwijs , Voortgezet onderwijs" in text
    assert ("Primair onderwijs", "../../po/") in links(small_site, "partners/museum-boerhaave")
    assert "Lidmaatschap Uitgebreid lidmaatschap" in text
    assert "Partner sinds september 2016" in text
    assert "Het museum voor de geschiedenis van wetenschap en geneeskunde." in text
    assert "Projecten 3a. Gluren bij de Buren · In uitvoering" in text
    assert (
        "Komende activiteiten 10 dec Themabijeenkomst motivatie donderdag 10 december 2026, 15:30–17:30"
        in text
    )
    assert "Nieuws 1 okt Nieuwe leergemeenschap donderdag 1 oktober 2026" in text
    assert ("Gluren bij de Buren", "../../projecten/gluren-bij-de-buren/") in links(
        small_site, "partners/museum-boerhaave"
    )


def test_activity_page_shows_when_where_and_links(small_site: Site) -> None:
    small_site.build()
    text = main_text(small_site, "agenda/themabijeenkomst-motivatie")
    assert "Wanneer donderdag 10 december 2026, 15:30–17:30" in text
    assert "Waar Museum Boerhaave, Lange Sint Agnietenstraat 10, Leiden" in text
    assert "Soort Themabijeenkomst" in text
    found = links(small_site, "agenda/themabijeenkomst-motivatie")
    assert ("Motivatie als motor", "../../themas/motivatie/") in found
    assert ("Gluren bij de Buren", "../../projecten/gluren-bij-de-buren/") in found
    assert ("Museum Boerhaave", "../../partners/museum-boerhaave/") in found
    assert (
        "Meld je aan voor Themabijeenkomst motivatie",
        "https://www.example.nl/aanmelden",
    ) in found
    assert '<time datetime="2026-12-10T15:30:00+01:00">' in small_site.page(
        "agenda/themabijeenkomst-motivatie"
    )


def test_cancelled_activity_is_marked_and_offers_no_registration(site: Site) -> None:
    cancelled = ACTIVITY.replace(
        "kind: themabijeenkomst", "kind: themabijeenkomst\nstatus: geannuleerd"
    )
    site.write(SMALL_NETWORK).write({"agenda/themabijeenkomst-motivatie.md": cancelled}).build()
    text = main_text(site, "agenda/themabijeenkomst-motivatie")
    assert text.startswith(
        "Agenda Themabijeenkomst motivatie Themabijeenkomst motivatie Geannuleerd"
    )
    assert "Meld je aan" not in text


def test_theme_page_lists_projects_by_status_activities_news_and_resources(
    small_site: Site,
) -> None:
    small_site.build()
    text = main_text(small_site, "themas/motivatie")
    assert "Projecten In uitvoering 3a. Gluren bij de Buren" in text
    assert "Komende activiteiten 10 dec Themabijeenkomst motivatie" in text
    # The resources by kind come first: the theme is a factsheet (tests/test_shapes.py).
    assert text.startswith(
        # The breadcrumb, the network's name (above the factsheet on paper only), the title.
        "Thema's Motivatie als motor Testnetwerk Motivatie als motor Motivatie als motor van "
        "talentontwikkeling. Over motivatie. "
        "Onderzoek Kennisagenda onderwijs · naar de bron De kennisagenda van de onderwijsraden. "
        "Projecten In uitvoering"
    )
    assert "Partners Museum Boerhaave · Leiden" in text


def test_upcoming_and_past_follow_the_build_date(site: Site) -> None:
    site.write(SMALL_NETWORK).configure(build_date="2026-12-11").build()
    text = main_text(site, "agenda")
    assert "Er staan op dit moment geen activiteiten gepland." in text
    assert "Eerdere activiteiten 10 dec Themabijeenkomst motivatie" in text


def test_build_date_from_the_environment_wins(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWERK_BUILD_DATE", "2027-01-01")
    site.write(SMALL_NETWORK).configure(build_date="2026-11-23").build()
    assert "Eerdere activiteiten 10 dec Themabijeenkomst motivatie" in main_text(site, "agenda")


def test_a_draft_is_nowhere(site: Site) -> None:
    draft_activity = ACTIVITY.replace(
        "title: Themabijeenkomst motivatie", "title: Geheim concept\ndraft: true"
    )
    draft_news = NEWS.replace("title: Nieuwe leergemeenschap", "title: Geheim bericht\ndraft: true")
    draft_partner = PARTNER.replace("name: Museum Boerhaave", "name: Geheime partner\ndraft: true")
    site.write(SMALL_NETWORK).write(
        {
            "agenda/concept.md": draft_activity,
            "nieuws/concept.md": draft_news,
            "partners/concept.md": draft_partner,
        }
    ).build()
    for url in ("agenda/concept", "nieuws/concept", "partners/concept"):
        assert not (site.output / url).exists(), url
    for html in site.output.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "Geheim" not in text, html
    assert "Geheim" not in (site.output / "search" / "search_index.json").read_text(
        encoding="utf-8"
    )
    assert "concept" not in (site.output / "sitemap.xml").read_text(encoding="utf-8")


def test_entity_pages_stay_out_of_the_navigation(small_site: Site) -> None:
    small_site.build()
    html = small_site.page("")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "Partners" in nav
    assert "museum-boerhaave" not in nav


def test_editors_overview_text_is_kept(site: Site) -> None:
    site.write(SMALL_NETWORK).write(
        {"partners/index.md": "# Onze partners\n\nSamen sterk.\n"}
    ).build()
    text = main_text(site, "partners")
    assert text.startswith("Onze partners Samen sterk. 1 partner in 2 werkvelden.")


def test_invalid_content_stops_the_build_before_anything_is_written(site: Site) -> None:
    site.write(SMALL_NETWORK).build()
    before = {path: path.stat().st_mtime_ns for path in site.output.rglob("*")}
    site.write(
        {"agenda/themabijeenkomst-motivatie.md": ACTIVITY.replace("sectors: [po]", "sectors: [p0]")}
    )
    with pytest.raises(Abort):
        site.build()
    after = {path: path.stat().st_mtime_ns for path in site.output.rglob("*")}
    assert after == before


def test_mkdocs_build_reports_problems_without_traceback(site: Site) -> None:
    site.write(SMALL_NETWORK).write(
        {"agenda/themabijeenkomst-motivatie.md": ACTIVITY.replace("sectors: [po]", "sectors: [p0]")}
    ).configure()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site.root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "1 probleem in de inhoud; er is niets gebouwd:" in result.stderr
    assert (
        "content/agenda/themabijeenkomst-motivatie.md:6: sectors: 'p0' is geen sector; "
        "bedoelde je 'po'?" in result.stderr
    )
    assert not (site.root / "site").exists()


# Every check of the plugin's options in mkdocs.yml; `netwerk controleer` gives the same
# messages (tests/test_cli.py).
BAD_SETTINGS = [
    (
        {"sectors": {"PO": "Primair onderwijs"}},
        "mkdocs.yml: netwerk: sectors: 'PO: Primair onderwijs' moet 'code: Naam' zijn, met een "
        "code van kleine letters, cijfers en streepjes, zoals 'vve: Voor- en vroegschoolse "
        "educatie'",
    ),
    (
        {"sectors": ["po", "vo"]},
        "mkdocs.yml: netwerk: sectors: schrijf onder sectors: per regel 'code: Naam', zoals "
        "'vve: Voor- en vroegschoolse educatie'",
    ),
    (
        {"build_date": "23-11-2026"},
        "mkdocs.yml: netwerk: build_date: '23-11-2026' is geen datum; schrijf jjjj-mm-dd, "
        "bijvoorbeeld 2026-03-12",
    ),
    (
        {"time_zone": "Europe/Amsterdm"},
        "mkdocs.yml: netwerk: time_zone: 'Europe/Amsterdm' is geen tijdzone; bedoelde je "
        "'Europe/Amsterdam'?",
    ),
    (
        {"time_zone": 1},
        "mkdocs.yml: netwerk: time_zone: '1' is geen tekst; schrijf time_zone: Europe/Amsterdam",
    ),
    (
        {"featured_memberships": ["uitgebreidt"]},
        "mkdocs.yml: netwerk: featured_memberships: 'uitgebreidt' is geen lidmaatschap; "
        "bedoelde je 'uitgebreid'?",
    ),
    (
        {"featured_memberships": {"uitgebreid": True}},
        "mkdocs.yml: netwerk: featured_memberships: schrijf een lijst, zoals [uitgebreid]",
    ),
    (
        {"audiences": {"slug": "po"}},
        "mkdocs.yml: netwerk: audiences: schrijf een lijst, met per doelgroep een regel zoals "
        "- {slug: vve, name: Voor- en vroegschoolse educatie, sectors: [vve]}",
    ),
    (
        {"newsletter_utm": "ja"},
        "mkdocs.yml: netwerk: newsletter_utm: 'ja' moet true of false zijn",
    ),
    (
        {"newsletter_horizon_days": "drie maanden"},
        "mkdocs.yml: netwerk: newsletter_horizon_days: 'drie maanden' is geen aantal dagen; "
        "schrijf een getal, zoals 90",
    ),
    (
        {"newsletters_dir": ""},
        "mkdocs.yml: netwerk: newsletters_dir: '' is geen tekst; schrijf newsletters_dir: "
        "newsletters",
    ),
    # The network's own shape (tests/test_shapes.py): vocabularies, roles, tiers.
    (
        {"sectors": {"po": "Primair onderwijs", "Beleid": "Gemeente en beleid"}},
        "mkdocs.yml: netwerk: sectors: 'Beleid: Gemeente en beleid' moet 'code: Naam' zijn, "
        "met een code van kleine letters, cijfers en streepjes, zoals 'po: Primair onderwijs'",
    ),
    (
        {"extra_project_statuses": ["uitgesteld"]},
        "mkdocs.yml: netwerk: extra_project_statuses: schrijf onder extra_project_statuses: per "
        "regel 'code: Naam', zoals 'nieuw: Nieuw'",
    ),
    (
        {"running_project_statuses": ["uitgesteld"]},
        "mkdocs.yml: netwerk: running_project_statuses: 'uitgesteld' is geen projectstatus; "
        "kies uit: afgerond, lopend, nieuw, subsidie-toegekend",
    ),
    (
        {"finished_project_statuses": ["afgerond", "lopend"]},
        "mkdocs.yml: netwerk: finished_project_statuses: 'lopend' staat ook onder "
        "running_project_statuses; een code kan maar één van beide betekenen",
    ),
    (
        {"call_news_kinds": "oproep, aankondiging"},
        "mkdocs.yml: netwerk: call_news_kinds: 'oproep, aankondiging' is meer dan één waarde; "
        "schrijf ze als lijst tussen haken: [oproep, aankondiging]",
    ),
    (
        {"cancelled_activity_statuses": {"afgelast": True}},
        "mkdocs.yml: netwerk: cancelled_activity_statuses: schrijf een lijst, zoals [geannuleerd]",
    ),
    (
        {"activity_statuses": {"geannuleerd": "Geannuleerd", "gepland": "Gepland"}},
        "mkdocs.yml: netwerk: activity_statuses: de eerste status, 'geannuleerd', krijgt elke "
        "activiteit zonder status, maar staat onder cancelled_activity_statuses; zet een gewone "
        "status bovenaan, zoals gepland",
    ),
    (
        {"resource_kind_headings": {"artikel": "Artikelen"}},
        "mkdocs.yml: netwerk: resource_kind_headings: 'artikel' is geen soort bron; kies uit: "
        "onderzoek, praktijkvoorbeeld, tool",
    ),
    (
        {"memberships": None, "featured_memberships": ["uitgebreid"]},
        "mkdocs.yml: netwerk: featured_memberships: dit netwerk heeft geen lidmaatschappen "
        "(memberships); haal featured_memberships weg, of zet de lidmaatschappen onder "
        "memberships",
    ),
]


@pytest.mark.parametrize(("options", "message"), BAD_SETTINGS)
def test_bad_settings_are_named(
    site: Site, options: dict[str, object], message: str, caplog: pytest.LogCaptureFixture
) -> None:
    site.write(SMALL_NETWORK).configure(**options)
    with pytest.raises(Abort):
        site.build()
    assert message in caplog.text
    assert not site.output.exists()


def test_an_unknown_setting_gets_a_suggestion(site: Site, caplog: pytest.LogCaptureFixture) -> None:
    site.write(SMALL_NETWORK).configure(sector={"po": "Primair onderwijs"})
    with pytest.raises(Abort):
        site.build(strict=False)
    assert (
        "mkdocs.yml: netwerk: sector: deze instelling bestaat niet; bedoelde je 'sectors'?"
        in caplog.text
    )
    # With --strict, MkDocs stops earlier, at its own warning about the name.
    caplog.clear()
    with pytest.raises(Abort):
        site.build()
    assert "Plugin 'netwerk' option 'sector': Unrecognised configuration name" in caplog.text


def test_same_content_gives_the_same_bytes(tmp_path: Path) -> None:
    """Two folders with the same content, each built by its own process: the same bytes,
    compressed sitemap included (test_determinism.py varies the day, zone and hash seed too)."""
    outputs = []
    for name in ("one", "two"):
        site = Site(tmp_path / name).write(SMALL_NETWORK).configure()
        command = ["-m", "mkdocs", "build", "--strict", "--quiet"]
        outputs.append(build_apart(site.root, command, site.output)[1])
    assert outputs[0].keys() == outputs[1].keys()
    assert "sitemap.xml.gz" in outputs[0]
    differing = [path for path in outputs[0] if outputs[0][path] != outputs[1][path]]
    assert differing == []
