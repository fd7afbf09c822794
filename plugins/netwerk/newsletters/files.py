"""What the newsletters add to a site besides its pages: each letter's emails, the newsletter and
news feeds, and the links to those feeds that every page carries.

Pure functions of the site: the glue (netwerk.plugin) writes what they return. The feeds and
emails (feedgen, css-inline) are imported when they are made, so that loading the plugin does
not load them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.network import Network
from ..core.options import Options
from .pages import Letters

if TYPE_CHECKING:
    from .feeds import FeedSite


@dataclass(frozen=True)
class Site:
    """What the feeds and emails need to know about the site besides the network."""

    url: str | None
    name: str
    description: str | None

    def feed_site(self, options: Options) -> FeedSite:
        from .feeds import FeedSite

        return FeedSite(
            site_url=self.url or "",
            site_name=self.name,
            description=self.description or "",
            zone=options.settings.zone,
            build_date=options.settings.build_date,
        )


def feed_links(site: Site, options: Options, network: Network, letters: Letters) -> dict[str, Any]:
    """The feeds a page advertises (`netwerk_feeds`): those that are made, each with something
    in it; none without a site_url, which a feed needs for its own address."""
    if not site.url:
        return {}
    from . import feeds

    today = options.settings.build_date
    sent = {letter.audience.slug for letter in letters.letters if letter.edition.date <= today}
    audiences = [(a.slug, a.name) for a in options.audiences if a.slug in sent]
    sectors = {
        code: name
        for code, name in options.settings.sectors.items()
        if network.news_by_sector.get(code)
    }
    return feeds.feed_links(sectors, audiences, has_news=bool(network.news))


def news_feeds(
    network: Network, site: Site, options: Options, news_html: Mapping[str, str]
) -> dict[str, str]:
    """The news feeds by path, from the news pages' converted HTML; none without a site_url."""
    if not site.url:
        return {}
    from . import feeds

    return feeds.news_feeds(network, site.feed_site(options), news_html)


def emails(
    letters: Letters, site: Site, options: Options, template_dirs: Sequence[str]
) -> dict[str, str | bytes]:
    """Each letter's emails and each audience's feed, by path; none without newsletters.

    `template_dirs`: the site's own template folders (its `custom_dir`), searched first.
    """
    if options.mailing is None or not letters.letters:
        return {}
    from .emails import environment, outputs

    return outputs(
        letters.letters,
        letters.wholes,
        options.audiences,
        options.settings,
        options.mailing,
        environment(template_dirs),
        site.feed_site(options),
    )
