"""Hostile and broken input: every case ends in a Dutch message or a harmless outcome, never in a
traceback, a hang, a half-built site or someone else's content in the output."""

from __future__ import annotations

import json

from conftest import NEWS, Site

# --- Feeds: each news item's own content --------------------------------------------------------


def test_a_news_item_named_like_an_archive_year_keeps_its_own_content_in_the_feeds(
    small_site: Site,
) -> None:
    # nieuws/2026.md and the archive page "Nieuws uit 2026" (nieuws/archief/2026/) share the last
    # segment of their address; the feed must carry the item's text, not the archive's.
    small_site.write({"nieuws/2026.md": NEWS.replace("Nieuws.\n", "Het eigen bericht van 2026.\n")})
    small_site.build()
    feed = json.loads((small_site.output / "feeds/nieuws.json").read_text(encoding="utf-8"))
    entry = next(item for item in feed["items"] if item["url"].endswith("/nieuws/2026/"))
    assert "Het eigen bericht van 2026." in entry["content_html"]
    assert "Nieuws uit 2026" not in entry["content_html"]
