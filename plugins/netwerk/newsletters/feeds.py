"""News and newsletter feeds: RSS 2.0 and Atom with feedgen, JSON Feed 1.1 with json.

Every link is absolute, every id stable (the item's URL), every date has the network's time
zone, and nothing depends on the clock: a feed's `updated` is its newest item's date (or the
build date for an empty feed), so the same content gives byte-identical feeds.

Two feedgen traps are avoided on purpose: `description()` would also write an untyped Atom
`<content>`, so entries get `summary()` and `content(html, type="html")`; and the RSS channel
`<link>` is the last `link()` added, so the `rel="self"` link goes first.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator

from ..core.models import NewsItem
from ..core.network import Network
from ..core.settings import Settings

# Material for MkDocs fetches `sitemap.xml` next to every `<link rel="alternate">` (meant for
# language versions; the same code in its successor: zensical/zensical#908), so each feed folder
# gets an empty one instead of a 404 on every page load.
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    "<!-- Empty on purpose: the site's sitemap is /sitemap.xml. -->\n"
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)

# The newest items a feed carries.
FEED_LIMIT = 50
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True)
class FeedSite:
    site_url: str
    site_name: str
    description: str
    zone: ZoneInfo
    build_date: date

    @property
    def base(self) -> str:
        return self.site_url if self.site_url.endswith("/") else self.site_url + "/"

    def url(self, path: str) -> str:
        return urljoin(self.base, path)

    def moment(self, day: date) -> datetime:
        return datetime.combine(day, time(0, 0), tzinfo=self.zone)


@dataclass(frozen=True)
class FeedEntry:
    """One item of any feed; `url` is absolute and doubles as the stable id."""

    title: str
    url: str
    published: datetime
    summary: str
    content_html: str
    categories: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Feed:
    title: str
    description: str
    home_url: str
    entries: Sequence[FeedEntry]


# --- Formats ---------------------------------------------------------------------------------


def _generator(feed: Feed, self_url: str, site: FeedSite) -> FeedGenerator:
    generator = FeedGenerator()
    generator.id(self_url)
    generator.title(feed.title)
    generator.subtitle(feed.description)
    generator.link(href=self_url, rel="self")  # first: RSS uses the last link() as <link>
    generator.link(href=feed.home_url, rel="alternate")
    generator.language("nl")
    generator.author({"name": site.site_name, "uri": site.base})
    generator.generator("Netwerksite")
    updated = max((entry.published for entry in feed.entries), default=site.moment(site.build_date))
    generator.updated(updated)
    generator.lastBuildDate(updated)
    for entry in feed.entries:
        item = generator.add_entry(order="append")
        item.id(entry.url)
        item.guid(entry.url, permalink=True)
        item.title(entry.title)
        item.link(href=entry.url, rel="alternate")
        item.published(entry.published)
        item.updated(entry.published)
        # RSS readers take <description> as HTML: give the plain summary as escaped HTML (and
        # say so to Atom), so a `<` written by an editor is shown, never run.
        item.summary(html.escape(entry.summary, quote=False), type="html")
        item.content(entry.content_html, type="html")
        for term, label in entry.categories:
            item.category(term=term, label=label)
    return generator


def rss(feed: Feed, self_url: str, site: FeedSite) -> str:
    data: bytes = _generator(feed, self_url, site).rss_str(pretty=True)
    return data.decode("utf-8")


def atom(feed: Feed, self_url: str, site: FeedSite) -> str:
    data: bytes = _generator(feed, self_url, site).atom_str(pretty=True)
    return data.decode("utf-8")


def _json_item(entry: FeedEntry) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": entry.url,
        "url": entry.url,
        "title": entry.title,
        "content_html": entry.content_html,
        "summary": entry.summary,
        "date_published": entry.published.isoformat(),
    }
    if entry.categories:
        item["tags"] = [label for _, label in entry.categories]
    return item


def json_feed(feed: Feed, self_url: str) -> str:
    document = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": feed.home_url,
        "feed_url": self_url,
        "description": feed.description,
        "language": "nl",
        "items": [_json_item(entry) for entry in feed.entries],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --- News ------------------------------------------------------------------------------------

_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


def absolute_html(html: str, page_url: str) -> str:
    """A page's HTML with every link and image made absolute against the page's URL."""

    def absolute(match: re.Match[str]) -> str:
        start, target, end = match.group(1, 2, 3)
        if target.startswith(("mailto:", "tel:")):
            return f"{start}{target}{end}"
        return f"{start}{urljoin(page_url, target)}{end}"

    return _URL_ATTRIBUTE.sub(absolute, html)


def news_entries(
    items: Iterable[NewsItem],
    site: FeedSite,
    html_by_slug: Mapping[str, str],
    sector_labels: Mapping[str, str],
) -> list[FeedEntry]:
    """Feed entries for news, newest first; content is the page's HTML (or the summary)."""
    entries = []
    for item in list(items)[:FEED_LIMIT]:
        url = site.url(item.page_url)
        body = html_by_slug.get(item.slug)
        content = absolute_html(body, url) if body else f"<p>{_escape(item.summary)}</p>"
        entries.append(
            FeedEntry(
                title=item.title,
                url=url,
                published=site.moment(item.date),
                summary=item.summary,
                content_html=content,
                # A sector is a category only where there are sectors to tell apart.
                categories=tuple(
                    (sector, sector_labels[sector])
                    for sector in item.sectors
                    if sector in sector_labels
                ),
            )
        )
    return entries


FEED_FORMATS = ("xml", "atom", "json")


def feed_paths(settings: Settings) -> list[str]:
    """Every news feed the settings allow, by path, whether or not it has entries yet: the
    addresses they take (netwerk.addresses) do not wait for the first news item."""
    names = ["nieuws", *_feed_sectors(settings)]
    return ["feeds/sitemap.xml", *(f"feeds/{name}.{ext}" for name in names for ext in FEED_FORMATS)]


def _feed_sectors(settings: Settings) -> Mapping[str, str]:
    # A network of one sector has no feed per sector: it would repeat the news feed.
    return {} if settings.one_sector else settings.sectors


def news_feeds(network: Network, site: FeedSite, html_by_slug: Mapping[str, str]) -> dict[str, str]:
    """`feeds/nieuws.{xml,atom,json}` and the same per sector, by path under the site root."""
    files: dict[str, str] = {"feeds/sitemap.xml": EMPTY_SITEMAP}
    groups = [("nieuws", f"Nieuws van {site.site_name}", list(network.news.values()))]
    sectors = _feed_sectors(network.settings)
    for sector, label in sectors.items():
        groups.append(
            (sector, f"Nieuws {label} · {site.site_name}", network.news_by_sector.get(sector, []))
        )
    for name, title, items in groups:
        if not items:
            continue  # a feed is offered only with something in it
        feed = Feed(
            title=title,
            description=site.description or title,
            home_url=site.url("nieuws/"),
            entries=news_entries(items, site, html_by_slug, sectors),
        )
        files[f"feeds/{name}.xml"] = rss(feed, site.url(f"feeds/{name}.xml"), site)
        files[f"feeds/{name}.atom"] = atom(feed, site.url(f"feeds/{name}.atom"), site)
        files[f"feeds/{name}.json"] = json_feed(feed, site.url(f"feeds/{name}.json"))
    return files


def newsletter_feeds(
    audience_slug: str, audience_name: str, entries: Sequence[FeedEntry], site: FeedSite
) -> dict[str, str]:
    """`nieuwsbrief/<audience>/rss.xml` and `atom.xml`: its editions with their full content."""
    folder = f"nieuwsbrief/{audience_slug}/"
    if not entries:
        return {}  # no letter sent yet: no feed to offer
    feed = Feed(
        title=f"Nieuwsbrief {audience_name} · {site.site_name}",
        description=f"De nieuwsbrief voor {audience_name} van {site.site_name}.",
        home_url=site.url(folder),
        entries=list(reversed(entries))[:FEED_LIMIT],
    )
    return {
        f"{folder}rss.xml": rss(feed, site.url(f"{folder}rss.xml"), site),
        f"{folder}atom.xml": atom(feed, site.url(f"{folder}atom.xml"), site),
        f"{folder}sitemap.xml": EMPTY_SITEMAP,
    }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


FeedLink = tuple[str, str, str]
"""(title, MIME type, path under the site root) of a feed, for `<link rel="alternate">`."""


def feed_links(
    sectors: Mapping[str, str], audiences: Iterable[tuple[str, str]], *, has_news: bool = True
) -> dict[str, Any]:
    """The feeds a page advertises: all news everywhere, a sector's or audience's on its pages.

    Only feeds that are made: `has_news` whether there is news at all, `sectors` those with news,
    `audiences` those with a letter sent. A network of one sector has no feed per sector."""
    if len(sectors) == 1 or not has_news:
        sectors = {}

    def news(name: str, label: str) -> list[FeedLink]:
        return [
            (f"{label} (RSS)", "application/rss+xml", f"feeds/{name}.xml"),
            (f"{label} (Atom)", "application/atom+xml", f"feeds/{name}.atom"),
            (f"{label} (JSON Feed)", "application/feed+json", f"feeds/{name}.json"),
        ]

    return {
        "news": news("nieuws", "Nieuws") if has_news else [],
        "sectors": {sector: news(sector, f"Nieuws {label}") for sector, label in sectors.items()},
        "audiences": {
            slug: [
                (f"Nieuwsbrief {name} (RSS)", "application/rss+xml", f"nieuwsbrief/{slug}/rss.xml"),
                (
                    f"Nieuwsbrief {name} (Atom)",
                    "application/atom+xml",
                    f"nieuwsbrief/{slug}/atom.xml",
                ),
            ]
            for slug, name in audiences
        },
    }
