"""Pages in a real headless browser: no errors, no requests to other hosts."""

from __future__ import annotations

from typing import Any

from browser import serve, visit
from conftest import Site


def test_item_pages_load_cleanly_and_privately(small_site: Site, browser: Any) -> None:
    small_site.build()
    with serve(small_site.output) as base:
        for url in ("", "partners/museum-boerhaave/", "agenda/themabijeenkomst-motivatie/"):
            with visit(browser, base + url) as page:
                assert page.problems == [], url
                assert page.page.locator("h1").first.inner_text()
