"""Pages in a real headless browser: no errors, no requests to other hosts, accessible, mobile."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import axe, serve, visit
from conftest import Site
from test_website import HOSTILE, hostile_network, with_example_markdown

PHONE = 375

# One page of each type in the tests' own network (tests/networks.py), the sector pages and the
# handbook included; the emails, whose images are on the real site, are in test_visitors.py.
PAGE_TYPES = {
    "home": "",
    "sector": "po/",
    "partner directory": "partners/",
    "partners of one sector": "partners/po/",
    "partner": "partners/bibliotheek-noord/",
    "themes": "themas/",
    "theme": "themas/motivatie/",
    "projects": "projecten/",
    "project": "projecten/leesplezier/",
    "news": "nieuws/",
    "news archive": "nieuws/archief/",
    "news of one year": "nieuws/archief/2026/",
    "news item": "nieuws/start-leesplezier/",
    "knowledge base": "kennisbank/",
    "resources of one kind": "kennisbank/onderzoek/",
    "resource": "kennisbank/keuzegids/",
    "organisation": "organisatie/",
    "in numbers": "in-cijfers/",
    "year report": "in-cijfers/2025-2026/",
    "accessibility statement": "toegankelijkheid/",
    "privacy": "privacy/",
    "not found": "404.html",
    "agenda": "agenda/",
    "agenda of one sector": "agenda/po/",
    "activity": "agenda/leesavond/",
    "cancelled activity": "agenda/conferentie-2027/",
    "agenda archive": "agenda/archief/",
    "agenda archive of one school year": "agenda/archief/2025-2026/",
    "programme of one school year": "agenda/programma/2026-2027/",
    "newsletters": "nieuwsbrief/",
    "newsletter archive": "nieuwsbrief/vve-po/",
    "newsletter edition": "nieuwsbrief/vve-po/2026-10/",
    "handbook": "handleiding/",
    "handbook chapter": "handleiding/items/",
    "working group's overview": "overzicht/",
}


@pytest.fixture(scope="module")
def served(rich: Path) -> Iterator[str]:
    with serve(rich) as base:
        yield base


def test_every_page_type_exists(rich: Path) -> None:
    missing = [
        url
        for url in PAGE_TYPES.values()
        if not (rich / url).is_file() and not (rich / url / "index.html").is_file()
    ]
    assert missing == []


@pytest.mark.parametrize("width", [1280, PHONE])
def test_every_page_type_is_clean_accessible_and_fits(
    served: str, browser: Any, width: int
) -> None:
    """No console errors, failed or off-site requests; axe finds nothing; no sideways scrolling."""
    found: dict[str, Any] = {}
    for name, url in PAGE_TYPES.items():
        with visit(browser, served + url, width=width) as opened:
            if opened.problems:
                found[f"{name} ({url}): problems"] = opened.problems
            violations = axe(opened.page)
            if violations:
                found[f"{name} ({url}): axe"] = violations
            if opened.horizontal_overflow() > 0:
                found[f"{name} ({url}): scrolls sideways"] = opened.horizontal_overflow()
    assert found == {}


def test_partner_directory_works_without_javascript(served: str, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served + "partners/")
        page.get_by_role("link", name="Primair onderwijs", exact=True).first.click()
        assert page.url == served + "partners/po/"
        assert page.locator("h1").inner_text().rstrip("¶") == "Partners in primair onderwijs"
        page.get_by_role("link", name="Bibliotheek Noord").first.click()
        assert page.url == served + "partners/bibliotheek-noord/"
    finally:
        context.close()


def test_keyboard_reaches_the_content_with_a_visible_focus(served: str, browser: Any) -> None:
    with visit(browser, served + "partners/") as opened:
        page = opened.page
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        assert focused == "Ga naar inhoud"  # Material's skip link, in Dutch
        page.keyboard.press("Enter")
        for _ in range(60):
            page.keyboard.press("Tab")
            inside = page.evaluate("document.activeElement.closest('article') !== null")
            if inside:
                break
        assert inside, "no link in the content could be reached with Tab"
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("", "none")


def test_hostile_content_runs_no_script_in_the_browser(site: Site, browser: Any) -> None:
    with_example_markdown(site.write(hostile_network())).build()
    dialogs: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    pages = ["", "partners/museum-boerhaave/", "projecten/gluren-bij-de-buren/", "nieuws/bericht/"]
    try:
        with serve(site.output) as base:
            for url in [*pages, "agenda/bijeenkomst/", "kennisbank/bron/", "organisatie/"]:
                page.goto(base + url, wait_until="networkidle")
            # Material's search shows titles and text as HTML: list the hostile items.
            page.click("input[data-md-component=search-query]")
            page.keyboard.type("tekst")
            page.wait_for_selector(".md-search-result__item")
            titles = page.locator(".md-search-result__item h1").all_inner_texts()
    finally:
        context.close()
    assert dialogs == []
    assert errors == []
    assert HOSTILE in titles
