"""The front door (issue 26): the home page's first screen, activities and news at a glance, and
the kennisbank as a compass whose themes print as A4 factsheets.

Built on the tests' rich network (tests/networks.py) with the long items of test_visitors (titles
that wrap on a phone) and a kennisbank of several kinds, themes, sectors and partners.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from browser import axe, serve, visit
from conftest import Site, build_network
from netwerk.core.options import HOME_BLOCKS, options_from
from netwerk.core.problems import SettingsError
from networks import write_rich_network
from test_visitors import CONTENT, LONG_ITEMS, LONG_THEME, LONG_THEMES_PROJECT, TODAY
from test_website import Page

SUGGEST = "mailto:kennisbank@netwerk-noord.example?subject=Aanvulling"


def resource(title: str, kind: str, extra: str) -> str:
    return f"---\ntitle: {title}\nkind: {kind}\nsummary: Over {title.lower()}.\n{extra}---\n"


RESOURCES = {
    "kennisbank/leesplezier-onderzocht.md": resource(
        "Leesplezier onderzocht", "onderzoek", "themes: [motivatie]\nsectors: [vo]\n"
    ),
    "kennisbank/leeshoek.md": resource(
        "De leeshoek",
        "praktijkvoorbeeld",
        "themes: [motivatie]\nsectors: [po]\npartners: [bibliotheek-noord]\n",
    ),
    "kennisbank/leesclub-starten.md": resource(
        "Een leesclub starten",
        "tool",
        "themes: [motivatie, overgang]\nsectors: [po, vo]\npartners: [bibliotheek-noord]\n",
    ),
    "kennisbank/mentorgids.md": resource(
        "Mentorgids", "tool", "themes: [overgang]\nurl: https://gids.example/mentor\n"
    ),
}


def with_options(root: Path, **options: object) -> None:
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if "netwerk" in plugin:
            plugin["netwerk"].update(options)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def front(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_rich_network(tmp_path_factory.mktemp("voordeur"), build_date=TODAY.isoformat())
    lists = {
        name: text.replace("uitgelicht-lid", "uitgebreid")
        for name, text in CONTENT.items()
        if name not in ("index.md", "themas/motivatie.md")
    }
    Site(root).write(
        {
            **lists,
            "themas/onderwijs-op-maat.md": LONG_THEME,
            "projecten/talentklassen.md": LONG_THEMES_PROJECT,
            **LONG_ITEMS,
            **RESOURCES,
        }
    )
    with_options(root, kennisbank_suggest=SUGGEST)
    return build_network(root)


@pytest.fixture(scope="module")
def served(front: Path) -> Iterator[str]:
    with serve(front) as base:
        yield base


# --- The home page's first screen -----------------------------------------------------------

FIRST_SCREEN = """() => {
  const bottom = s => { const e = document.querySelector(s); return e ? e.getBoundingClientRect().bottom : null; };
  // On screen: a phone's menu drawer is there, but off the screen until it is opened.
  const shown = s => [...document.querySelectorAll(s)].some(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.right > 0 && r.left < innerWidth;
  });
  return {
    sentence: bottom('.netwerk-mission'),
    chooser: bottom('.netwerk-sector-links li:last-child'),
    activity: bottom('#komende-activiteiten ~ .netwerk-entries > li:first-child'),
    subscribe: bottom('.netwerk-front__subscribe'),
    sidebar: shown('.md-sidebar--primary .md-nav__link'),
    toc: shown('.md-sidebar--secondary .md-nav__link'),
  };
}"""


@pytest.mark.parametrize(("width", "height"), [(375, 800), (1280, 900)])
def test_the_first_screen_of_home_has_the_sectors_the_next_activity_and_subscribing(
    served: str, browser: Any, width: int, height: int
) -> None:
    with visit(browser, served, width=width, height=height) as opened:
        found = opened.page.evaluate(FIRST_SCREEN)
        assert opened.problems == []
        assert axe(opened.page) == []
        assert opened.horizontal_overflow() == 0
    for part in ("sentence", "chooser", "activity", "subscribe"):
        assert found[part] is not None and 0 < found[part] <= height, (part, found)
    # No sidebar repeating the menu, no table of contents: on a phone the menu is the drawer.
    assert not found["sidebar"] and not found["toc"]


def test_home_shows_its_blocks_in_the_default_order_and_the_editors_text_after_them(
    front: Path,
) -> None:
    html = (front / "index.html").read_text(encoding="utf-8")
    ids = ["ik-werk-in", "komende-activiteiten", "blijf-op-de-hoogte", "laatste-nieuws"]
    assert [html.index(f'id="{i}"') for i in ids] == sorted(html.index(f'id="{i}"') for i in ids)
    assert html.index('id="uitgelicht"') < html.index('id="themas"')
    assert '"hide"' not in html and "md-sidebar--primary" in html
    assert re.search(r'class="md-sidebar md-sidebar--primary"[^>]*hidden', html)


def test_the_editors_choose_the_order_and_leave_blocks_out(front: Path, tmp_path: Path) -> None:
    root = write_rich_network(tmp_path / "eigen", build_date=TODAY.isoformat())
    with_options(root, home_blocks=["agenda", "tekst", "werkvelden"])
    text = Page((build_network(root) / "index.html").read_text(encoding="utf-8")).text
    assert text.index("Komende activiteiten") < text.index("Ik werk in")
    for left_out in ("Blijf op de hoogte", "Laatste nieuws", "Thema's"):
        assert left_out not in text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            ["agenda", "nieuwz"],
            "netwerk: home_blocks: 'nieuwz' is geen blok van de homepagina; bedoelde je 'nieuws'?",
        ),
        (
            ["agenda", "agenda"],
            "netwerk: home_blocks: 'agenda' staat er meer dan één keer in; noem elk blok één keer",
        ),
        (
            {"agenda": 1},
            "netwerk: home_blocks: schrijf een lijst, zoals [" + ", ".join(HOME_BLOCKS) + "]",
        ),
    ],
)
def test_the_home_blocks_setting_is_checked(value: object, message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        options_from({"home_blocks": value}, site_url=None, site_name="N")
    assert raised.value.messages == [message]


def test_the_suggestion_address_is_checked() -> None:
    with pytest.raises(SettingsError) as raised:
        options_from({"kennisbank_suggest": "redactie@x.nl"}, site_url=None, site_name="N")
    assert raised.value.messages == [
        "netwerk: kennisbank_suggest: 'redactie@x.nl' is geen webadres of e-mailadres; schrijf "
        "het met https:// of mailto: ervoor, zoals mailto:redactie@ons-netwerk.nl"
    ]
    default = options_from({}, site_url=None, site_name="N")
    assert (default.home_blocks, default.kennisbank_suggest) == (HOME_BLOCKS, None)


# --- Activities and news at a glance --------------------------------------------------------


def test_an_activity_reads_at_a_glance_with_its_status_in_words(front: Path) -> None:
    html = (front / "agenda" / "index.html").read_text(encoding="utf-8")
    entry = next(e for e in html.split("<li ") if "Train de trainer leesplezier" in e)
    entry = entry[: entry.index("</li>")]
    assert entry.startswith('class="netwerk-entry netwerk-entry--vol"')
    assert '<span class="netwerk-entry__day">25</span> <span class="netwerk-entry__month">nov' in (
        entry
    )
    assert 'aria-hidden="true"' in entry  # the badge; the date is written out for everyone
    assert re.search(r'<strong class="netwerk-status netwerk-status--vol">Vol</strong>', entry)
    words = " ".join(re.sub(r"<[^>]+>", " ", entry).split())
    assert "woensdag 25 november 2026, 09:30–16:30" in words
    assert words.endswith("Themabijeenkomst · vo , ho"), words


# --- The kennisbank as a compass ------------------------------------------------------------


def test_the_kennisbank_lists_each_resource_once_under_its_kinds_own_heading(
    front: Path,
) -> None:
    html = (front / "kennisbank" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r"<li data-compass-thema", html)
    counted = re.search(r"<p>(\d+) bronnen:", html)
    assert counted and len(listed) == int(counted.group(1)) >= 6
    for title in ("Een leesclub starten", "Mentorgids", "Keuzegids vo-mbo"):
        assert html.count(f">{title}</a>") == 1
    headings = re.findall(r'<h2 id="(onderzoek|praktijkvoorbeeld|tool)">([^<]*)</h2>', html)
    assert headings == [
        ("onderzoek", "Onderzoek"),
        ("praktijkvoorbeeld", "Praktijkvoorbeelden"),
        ("tool", "Tools en handvatten"),
    ]
    text = Page(html).text
    assert "· Onderzoek" not in text and "· Tool" not in text
    kind_page = Page((front / "kennisbank" / "tool" / "index.html").read_text(encoding="utf-8"))
    assert kind_page.text.count("Een leesclub starten") == 1
    assert "· Tool" not in kind_page.text


def test_the_kennisbank_narrows_in_place_with_the_choices_in_the_address(
    served: str, browser: Any
) -> None:
    with visit(browser, served + "kennisbank/?thema=motivatie&werkveld=po", width=375) as opened:
        page = opened.page
        count = page.text_content("[data-compass-count]")
        shown = page.eval_on_selector_all(
            "[data-compass-soort]:not([hidden]) > a:first-child", "els => els.map(e => e.text)"
        )
        page.select_option("select[name=soort]", "tool")
        narrowed = page.text_content("[data-compass-count]")
        address = page.evaluate("location.search")
        assert axe(page) == []
        assert opened.problems == []
    # Motivatie in po: the leeshoek, the leesclub (po and vo), the research for po.
    assert sorted(shown) == ["De leeshoek", "Een leesclub starten", "Onderzoek naar leesplezier"]
    assert count == "3 bronnen"
    assert narrowed == "1 bron"
    assert address == "?thema=motivatie&soort=tool&werkveld=po"


def test_without_javascript_the_kennisbank_lists_everything_and_links_the_ways_in(
    served: str, browser: Any
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served + "kennisbank/?thema=overgang")
        form_shown = page.is_visible("form[data-compass]")
        items = page.locator("[data-compass-soort]:visible").count()
        links = page.eval_on_selector_all("table a", "els => els.map(e => e.getAttribute('href'))")
    finally:
        context.close()
    assert not form_shown
    assert items >= 6
    assert "../themas/motivatie/" in links and "tool/" in links


def test_the_suggestion_link_is_on_the_kennisbank_and_each_factsheet(front: Path) -> None:
    for url in ("kennisbank", "themas/motivatie", "themas/overgang"):
        html = (front / url / "index.html").read_text(encoding="utf-8")
        assert f'<a href="{SUGGEST}">Stel een aanvulling voor</a>' in html, url


# --- A theme as an A4 factsheet -------------------------------------------------------------


def test_a_theme_prints_as_an_a4_factsheet_with_every_resource(
    served: str, browser: Any, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 688, "height": 1000})
    try:
        page = context.new_page()
        page.goto(served + "themas/motivatie/", wait_until="networkidle")
        page.emulate_media(media="print")
        overflow = page.evaluate(
            "() => [...document.querySelectorAll('article *')]"
            ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
            ".map(e => e.tagName + ' ' + e.textContent.slice(0, 40))"
        )
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        context.close()
    assert overflow == []
    printed = tmp_path / "motivatie.pdf"
    printed.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, check=True)
    assert re.search(r"^Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)$", info.stdout, re.M)
    text = subprocess.run(
        ["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = " ".join(text.split())
    assert words.startswith("Netwerk Noord Motivatie als motor")
    for expected in (
        "Onderzoek naar leesplezier",
        "(https://onderzoek.example/lezen)",
        "Leesplezier onderzocht",
        "https://www.noordnetwerk.example/kennisbank/leesplezier-onderzocht/",
        "De leeshoek",
        "Een leesclub starten",
        "kennisbank@netwerk-noord.example",
    ):
        assert expected in words, expected
    # Another theme's resources, the menus, search and footer are not on paper.
    for absent in ("Mentorgids", "Keuzegids", "Zoeken", "Material for MkDocs"):
        assert absent not in words, absent
