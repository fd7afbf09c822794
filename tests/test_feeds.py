"""News and newsletter feeds, read back with feedparser and checked element by element."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any

import feedparser
import pytest

from browser import serve, visit
from conftest import Site
from test_newsletters import NETWORK, newsletter_site

SITE = "https://netwerk.example.nl/"
EDITION_PAGE = "nieuwsbrief/vve-po/2026-10/"
ATOM = "{http://www.w3.org/2005/Atom}"
SECTORS = ("vve", "po", "vo", "mbo", "ho")
LINKED = """\
---
title: Met een link
date: 2026-09-10
kind: nieuws
summary: Een bericht met een link naar de agenda.
sectors: [vo]
---
Zie [de activiteit](../agenda/vo-binnenkort.md) en [de site](https://www.example.nl/).
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = newsletter_site(Site(tmp_path_factory.mktemp("feeds")))
    return site.write({"nieuws/met-link.md": LINKED}).build()


def published_news(sector: str | None = None) -> list[tuple[str, str]]:
    """(date, slug) of the test network's published news, newest first, as the feeds should have."""
    found = []
    for name, text in {**NETWORK, "nieuws/met-link.md": LINKED}.items():
        if not name.startswith("nieuws/") or "draft: true" in text:
            continue
        day = re.search(r"^date: (\S+)$", text, re.M).group(1)  # type: ignore[union-attr]
        sectors = re.search(r"^sectors: \[(.*)\]$", text, re.M).group(1)  # type: ignore[union-attr]
        if sector is None or sector in [s.strip() for s in sectors.split(",")]:
            found.append((day, name[len("nieuws/") : -len(".md")]))
    return sorted(found, reverse=True)


def parse(site: Site, path: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse((site.output / path).read_bytes())
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


# --- News feeds --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["nieuws", *SECTORS])
def test_news_feeds_hold_exactly_the_published_news_of_their_sector(built: Site, name: str) -> None:
    expected = [
        f"{SITE}nieuws/{slug}/" for _, slug in published_news(None if name == "nieuws" else name)
    ]
    for suffix, version in ((".xml", "rss20"), (".atom", "atom10")):
        feed = parse(built, f"feeds/{name}{suffix}")
        assert feed.version == version
        assert [entry.link for entry in feed.entries] == expected
        assert [entry.id for entry in feed.entries] == expected
    document = json.loads((built.output / f"feeds/{name}.json").read_text(encoding="utf-8"))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["feed_url"] == f"{SITE}feeds/{name}.json"
    assert [item["id"] for item in document["items"]] == expected
    assert [item["url"] for item in document["items"]] == expected


def test_no_draft_in_any_feed(built: Site) -> None:
    for path in (built.output / "feeds").iterdir():
        assert "Conceptbericht" not in path.read_text(encoding="utf-8"), path.name


def test_rss_structure(built: Site) -> None:
    root = ET.parse(built.output / "feeds/po.xml").getroot()
    channel = root.find("channel")
    assert channel is not None
    # The channel's <link> is the site, not the feed itself (feedgen's last-link() trap).
    assert channel.findtext("link") == f"{SITE}nieuws/"
    self_links = [link for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == [f"{SITE}feeds/po.xml"]
    newest = published_news("po")[0][0]
    assert channel.findtext("lastBuildDate") == _rfc822(newest)
    items = channel.findall("item")
    assert items
    for item in items:
        guid = item.find("guid")
        assert guid is not None and guid.get("isPermaLink") == "true"
        assert guid.text == item.findtext("link")
        assert re.search(r"\+0[12]00$", item.findtext("pubDate") or "")
        assert item.findtext("description")
        assert item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")


def test_atom_structure(built: Site) -> None:
    root = ET.parse(built.output / "feeds/nieuws.atom").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") == f"{SITE}feeds/nieuws.atom"
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {"self": f"{SITE}feeds/nieuws.atom", "alternate": f"{SITE}nieuws/"}
    assert root.findtext(f"{ATOM}updated") == f"{published_news()[0][0]}T00:00:00+02:00"
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.findtext(f"{ATOM}id", "").startswith(f"{SITE}nieuws/")
        for name in ("updated", "published"):
            assert re.search(r"T00:00:00\+0[12]:00$", entry.findtext(f"{ATOM}{name}") or "")
        contents = entry.findall(f"{ATOM}content")
        # One typed content (no untyped one from feedgen's description()).
        assert [content.get("type") for content in contents] == ["html"]
        assert entry.findtext(f"{ATOM}summary")


def test_full_content_with_absolute_links(built: Site) -> None:
    feed = parse(built, "feeds/vo.atom")
    entry = next(entry for entry in feed.entries if entry.title == "Met een link")
    html = entry.content[0].value
    assert f'href="{SITE}agenda/vo-binnenkort/"' in html
    assert 'href="https://www.example.nl/"' in html
    assert entry.summary == "Een bericht met een link naar de agenda."
    assert entry.published == "2026-09-10T00:00:00+02:00"
    document = json.loads((built.output / "feeds/vo.json").read_text(encoding="utf-8"))
    item = next(item for item in document["items"] if item["title"] == "Met een link")
    assert f'href="{SITE}agenda/vo-binnenkort/"' in item["content_html"]
    assert item["date_published"] == "2026-09-10T00:00:00+02:00"


def test_pages_advertise_their_feeds(built: Site) -> None:
    def alternates(url: str) -> list[str]:
        html = built.page(url)
        return re.findall(
            r'<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)"', html
        )

    home = alternates("")
    assert ("application/rss+xml", "feeds/nieuws.xml") in home
    assert ("application/atom+xml", "feeds/nieuws.atom") in home
    assert ("application/feed+json", "feeds/nieuws.json") in home
    archive = alternates("nieuwsbrief/vve-po")
    assert ("application/rss+xml", "rss.xml") in archive
    assert ("application/atom+xml", "atom.xml") in archive
    partners = alternates("partners/po")
    assert ("application/rss+xml", "../../feeds/po.xml") in partners


def test_feed_links_cause_no_failed_requests_in_the_browser(built: Site, browser: Any) -> None:
    # Material fetches sitemap.xml next to every <link rel="alternate">; none may 404.
    with serve(built.output) as base:
        for url in ("", "nieuwsbrief/vve-po/", "partners/po/", EDITION_PAGE):
            with visit(browser, base + url) as page:
                assert page.problems == [], url


# --- Newsletter feeds --------------------------------------------------------------------------


def test_newsletter_feeds_carry_each_edition_in_full(built: Site) -> None:
    for suffix in ("rss.xml", "atom.xml"):
        feed = parse(built, f"nieuwsbrief/vve-po/{suffix}")
        assert feed.feed.title == "Nieuwsbrief VVE en PO · Testnetwerk"
        assert [entry.link for entry in feed.entries] == [
            f"{SITE}nieuwsbrief/vve-po/2026-10/",
            f"{SITE}nieuwsbrief/vve-po/2026-06/",
        ]
        october = feed.entries[0]
        assert october.title == "Nieuwsbrief oktober 2026"
        content = october.content[0].value
        for part in (
            "<h2>Nieuws</h2>",
            "<h2>Nieuwe kansen</h2>",
            "PO in september",
            "Oproep voor scholen",
        ):
            assert part in content
        assert "VO in september" not in content
        assert all(
            href.startswith(("https://", "mailto:"))
            for href in re.findall(r'href="([^"]+)"', content)
        )
    root = ET.parse(built.output / "nieuwsbrief/vve-po/atom.xml").getroot()
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {
        "self": f"{SITE}nieuwsbrief/vve-po/atom.xml",
        "alternate": f"{SITE}nieuwsbrief/vve-po/",
    }
    assert [c.get("type") for c in root.iter(f"{ATOM}content")] == ["html", "html"]


def test_an_audience_without_editions_has_no_feed_and_no_link_to_one(site: Site) -> None:
    newsletter_site(
        site, {"2026-10.md": "---\ndate: 2026-10-05\nsubject: X\naudiences: [mbo]\n---\n"}
    ).build()
    assert not (site.output / "nieuwsbrief/vve-po").exists()
    assert "nieuwsbrief/vve-po/" not in site.page("nieuwsbrief")
    assert parse(site, "nieuwsbrief/mbo/rss.xml").entries


# --- Escaping and determinism -------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script> & "quotes" ]]> <img src=x onerror=alert(1)>'


def test_hostile_front_matter_comes_out_as_text(site: Site) -> None:
    subject = HOSTILE.replace("'", "''")
    editions = {"2026-10.md": f"---\ndate: 2026-10-05\nsubject: '{subject}'\n---\n"}
    newsletter_site(site, editions).write(
        {
            "nieuws/gevaar.md": (
                f"---\ntitle: '{HOSTILE}'\ndate: 2026-09-22\nkind: nieuws\n"
                f"summary: '{HOSTILE}'\nsectors: [po]\n---\n"
            )
        }
    ).build()
    for path in ("feeds/po.xml", "feeds/po.atom"):
        entry = next(e for e in parse(site, path).entries if e.link.endswith("/gevaar/"))
        assert entry.title == HOSTILE
        assert "<script>" not in (site.output / path).read_text(encoding="utf-8")
    # RSS readers render <description> as HTML: once XML is decoded it must still be escaped.
    channel = ET.parse(site.output / "feeds/po.xml").getroot().find("channel")
    assert channel is not None
    descriptions = [item.findtext("description") or "" for item in channel.iter("item")]
    assert any("&lt;script&gt;" in text for text in descriptions)
    assert not any("<script" in text for text in descriptions)
    document = json.loads((site.output / "feeds/po.json").read_text(encoding="utf-8"))
    assert HOSTILE in [item["title"] for item in document["items"]]
    for path in ("nieuwsbrief/vve-po/rss.xml", "nieuwsbrief/vve-po/atom.xml"):
        feed = parse(site, path)
        assert [entry.title for entry in feed.entries] == [HOSTILE]
        assert "&lt;script&gt;alert(" in feed.entries[0].content[0].value  # as text
        assert "<script>" not in (site.output / path).read_text(encoding="utf-8")


def _rfc822(day: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime
    from zoneinfo import ZoneInfo

    return format_datetime(datetime.fromisoformat(day).replace(tzinfo=ZoneInfo("Europe/Amsterdam")))
