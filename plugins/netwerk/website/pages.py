"""The public website around the items: generated pages, the home page's selection, page metadata.

Pure functions of the network, returning GeneratedPages that the MkDocs glue renders.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, TypedDict
from urllib.parse import urljoin

from markupsafe import Markup

from ..core import dates
from ..core.models import Activity, Item, NewsItem, Partner, Theme
from ..core.network import Network
from ..core.options import HOME_BLOCKS
from ..core.pages import GeneratedPage, PageView
from . import sectors
from .kennisbank import KennisbankView, ResourcesOfKind, kennisbank, listed

if TYPE_CHECKING:
    from jinja2 import Environment

HOME_ACTIVITIES = 4
HOME_NEWS = 3
HOME_FEATURED = 2
# Featured news older than this is no longer news on the home page.
HOME_FEATURED_NEWS_DAYS = 183
NEWS_ON_OVERVIEW = 10
FOOTER_PAGES = {"toegankelijkheid.md": "Toegankelijkheid", "privacy.md": "Privacy"}

# The overview of each collection: title, and the meta description when the editors give none.
OVERVIEWS = {
    "partners": ("Partners", "Alle partners van het netwerk."),
    "themas": (
        "Thema's",
        "De thema's waaraan het netwerk werkt, met hun projecten en activiteiten.",
    ),
    "projecten": ("Projecten", "Alle projecten van het netwerk, per thema en met hun status."),
    "nieuws": ("Nieuws", "Het nieuws van het netwerk en zijn partners, het nieuwste eerst."),
    "kennisbank": (
        "Kennisbank",
        "Onderzoek, praktijkvoorbeelden en tools, per thema en soort.",
    ),
}
ORGANISATION_PAGE = "organisatie.md"
IN_NUMBERS_PAGE = "in-cijfers.md"
# The site's menu when mkdocs.yml has no `nav`: (title, page), of the pages the site has.
MENU = (
    ("Home", "index.md"),
    ("Agenda", "agenda/index.md"),
    ("Partners", "partners/index.md"),
    ("Thema's", "themas/index.md"),
    ("Projecten", "projecten/index.md"),
    ("Nieuws", "nieuws/index.md"),
    ("Nieuwsbrief", "nieuwsbrief/index.md"),
    ("Kennisbank", "kennisbank/index.md"),
    ("Organisatie", ORGANISATION_PAGE),
    ("In cijfers", IN_NUMBERS_PAGE),
)


# --- What each page's template reads -----------------------------------------------------------


class Home(TypedDict):
    """What the home page shows besides the mission (home()). A dict, typed: callers of home()
    read it by key."""

    activities: list[Activity]
    more_activities: bool
    news: list[NewsItem]
    themes: list[Theme]
    featured_activities: list[Activity]
    featured_news: list[NewsItem]


@dataclass(frozen=True)
class HomeView(PageView):
    """/: the home page's lists, and how to stay informed."""

    home: Home
    stay: sectors.StayInformed | None
    blocks: Sequence[str] = HOME_BLOCKS
    """The blocks this network has something for, in the editors' order (home_blocks)."""


@dataclass(frozen=True)
class NewsOverview(PageView):
    """/nieuws/: the latest news, whether there is more, and the archive's years."""

    latest: list[NewsItem]
    more: bool
    years: dict[int, list[NewsItem]]


@dataclass(frozen=True)
class NewsArchive(PageView):
    """/nieuws/archief/: the news per year, the newest year first."""

    years: dict[int, list[NewsItem]]


@dataclass(frozen=True)
class NewsOfYear(PageView):
    """/nieuws/archief/<year>/: that year's news, and every year to go to another."""

    year: int
    news: list[NewsItem]
    years: dict[int, list[NewsItem]]


@dataclass(frozen=True)
class PartnersInSector(PageView):
    """/partners/<sector>/."""

    sector: str
    partners: list[Partner]


def item_pages(network: Network) -> list[GeneratedPage]:
    """A page per published item, in the template of its collection."""
    return [
        GeneratedPage(
            uri=f"{item.folder}/{item.slug}.md",
            template=f"netwerk/{item.folder}-item.html",
            title=item.label,
            description=describe(item, network),
            item=item,
        )
        for item in network.items()
    ]


def overview_pages(network: Network, *, complete: bool = False) -> list[GeneratedPage]:
    """The overview of each collection and the organisation, for the site's menu.

    A collection without published items is no section of the site (no news yet, no
    kennisbank): its overview is not built. `complete` gives every page the settings allow,
    whatever the content (netwerk.addresses).
    """
    news = list(network.news.values())
    views: dict[str, PageView] = {
        "nieuws": NewsOverview(
            latest=news[:NEWS_ON_OVERVIEW],
            more=len(news) > NEWS_ON_OVERVIEW,
            years=news_by_year(news),
        ),
        "kennisbank": KennisbankView(kennisbank(network)),
    }
    pages = [
        GeneratedPage(
            uri=f"{folder}/index.md",
            template=f"netwerk/{folder}.html",
            title=title,
            description=overview_description(folder, description, network),
            view=views.get(folder),
            in_nav=True,
        )
        for folder, (title, description) in OVERVIEWS.items()
        if complete or network.has(folder)
    ]
    if complete or network.has_organisation:
        pages.append(
            GeneratedPage(
                uri=ORGANISATION_PAGE,
                template="netwerk/organisatie.html",
                title="Organisatie",
                description="Wie is wie in het netwerk: de groepen en de mensen die het dragen.",
                in_nav=True,
            )
        )
    return pages


def home_page(
    network: Network,
    featured_memberships: Collection[str],
    site_name: str,
    stay: sectors.StayInformed | None = None,
    order: Sequence[str] = HOME_BLOCKS,
) -> GeneratedPage:
    shown = home(network, featured_memberships)
    return GeneratedPage(
        uri="index.md",
        template="netwerk/home.html",
        title=site_name,
        view=HomeView(shown, stay, home_blocks(order, network, shown, stay)),
        in_nav=True,
        hide=("navigation", "toc"),
    )


def home_blocks(
    order: Sequence[str], network: Network, shown: Home, stay: sectors.StayInformed | None
) -> list[str]:
    """The home page's blocks in the editors' order, each only when this network has something
    for it: the sector chooser with more than one sector, the activities with an agenda, the
    way to stay informed with newsletters, a calendar or a feed. The editors' text
    (`tekst`) is the template's to leave out when empty."""
    present = {
        "werkvelden": network.sectors_shown,
        "agenda": network.has("agenda"),
        "op-de-hoogte": stay is not None
        and bool(stay.subscriptions or network.has("agenda") or network.has("nieuws")),
        "nieuws": bool(shown["news"]),
        "uitgelicht": bool(shown["featured_activities"] or shown["featured_news"]),
        "tekst": True,
        "themas": bool(shown["themes"]),
    }
    return [block for block in order if present[block]]


def generated_pages(network: Network, *, complete: bool = False) -> list[GeneratedPage]:
    """Pages reached from the overviews: per sector, per kind, the news archive (the network
    in numbers is netwerk.numbers).

    None for a section without items; no page per sector in a network of one sector, no page
    for a kind without resources, (`complete`: see overview_pages).
    """
    sectors = {} if network.settings.one_sector else network.settings.sectors
    if not (complete or network.has("partners")):
        sectors = {}
    kinds = {
        kind: label
        for kind, label in network.settings.resource_kinds.items()
        if complete or kind in network.resources_by_kind
    }
    pages = [
        GeneratedPage(
            uri=f"partners/{sector}.md",
            title=f"Partners in {label[0].lower()}{label[1:]}",
            template="netwerk/partners-sector.html",
            description=f"De partners van het netwerk in het werkveld {label}.",
            view=PartnersInSector(sector, network.partners_by_sector.get(sector, [])),
        )
        for sector, label in sectors.items()
        if complete or network.partners_by_sector.get(sector)
    ]
    pages.extend(
        GeneratedPage(
            uri=f"kennisbank/{kind}.md",
            title=f"Kennisbank: {label.lower()}",
            template="netwerk/kennisbank-soort.html",
            description=f"{label} in de kennisbank van het netwerk, per thema.",
            view=ResourcesOfKind(kind, listed(network, network.resources_by_kind.get(kind, []))),
        )
        for kind, label in kinds.items()
    )
    by_year = news_by_year(network.news.values())
    if complete or network.has("nieuws"):
        pages.append(
            GeneratedPage(
                uri="nieuws/archief/index.md",
                title="Nieuwsarchief",
                template="netwerk/nieuws-archief.html",
                description="Alle nieuwsberichten van het netwerk, per jaar.",
                view=NewsArchive(by_year),
            )
        )
    pages.extend(
        GeneratedPage(
            uri=f"nieuws/archief/{year}.md",
            title=f"Nieuws uit {year}",
            template="netwerk/nieuws-jaar.html",
            description=f"De nieuwsberichten van het netwerk uit {year}, het nieuwste eerst.",
            view=NewsOfYear(year, news, by_year),
        )
        for year, news in by_year.items()
    )
    return pages


def menu_pages() -> list[str]:
    """Every page the site's menu may have, whether or not this network has it."""
    return [uri for _, uri in MENU]


def own_menu(present: Collection[str]) -> list[dict[str, str]]:
    """The menu for a site whose mkdocs.yml has no `nav`: the pages of MENU it has."""
    return [{title: uri} for title, uri in MENU if uri in present]


def pruned_nav(nav: Any, dropped: Collection[str]) -> Any:
    """The editors' `nav` without the pages this network does not have (yet): an empty
    section is no menu entry, and MkDocs would stop a strict build on a missing page."""
    if isinstance(nav, str):
        return None if _nav_path(nav) in dropped else nav
    if isinstance(nav, dict):
        kept = {}
        for title, target in nav.items():
            found = pruned_nav(target, dropped)
            if found is not None and found != []:
                kept[title] = found
        return kept or None
    if isinstance(nav, list):
        entries = [pruned_nav(entry, dropped) for entry in nav]
        return [entry for entry in entries if entry is not None and entry != []]
    return nav


def nav_paths(nav: Any) -> set[str]:
    """Every page a `nav` names."""
    if isinstance(nav, str):
        return {_nav_path(nav)}
    values = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return {path for entry in values for path in nav_paths(entry)}


def _nav_path(target: str) -> str:
    return target.strip().removeprefix("./")


def news_by_year(news: Iterable[NewsItem]) -> dict[int, list[NewsItem]]:
    """News per year, newest year first (the network keeps news newest first)."""
    years: dict[int, list[NewsItem]] = {}
    for item in news:
        years.setdefault(item.date.year, []).append(item)
    return dict(sorted(years.items(), reverse=True))


def featured(network: Network, memberships: Collection[str]) -> set[str]:
    """Slugs of the partners whose membership the network publicises (e.g. `uitgebreid`)."""
    return {
        partner.slug
        for membership in memberships
        for partner in network.partners_by_membership.get(membership, [])
    }


def home(network: Network, memberships: Collection[str]) -> Home:
    """What the home page shows besides the mission: each item at most once.

    The soonest activities and the latest news; then, under "Uitgelicht", what partners with
    a featured membership do that is not listed already: their later activities and their
    news of the last HOME_FEATURED_NEWS_DAYS. Cancelled activities are left out: the agenda has
    them, marked.
    """
    promoted = featured(network, memberships)
    upcoming = network.going_ahead(network.upcoming())
    activities = upcoming[:HOME_ACTIVITIES]
    news = list(network.news.values())[:HOME_NEWS]
    shown = {(item.folder, item.slug) for item in [*activities, *news]}
    recent = network.today - timedelta(days=HOME_FEATURED_NEWS_DAYS)

    def by_promoted(items: Iterable[Activity | NewsItem]) -> list[Any]:
        return [
            item
            for item in items
            if promoted.intersection(item.partners) and (item.folder, item.slug) not in shown
        ][:HOME_FEATURED]

    return {
        "activities": activities,
        "more_activities": len(upcoming) > len(activities),
        "news": news,
        "themes": list(network.themes.values()),
        "featured_activities": by_promoted(upcoming),
        "featured_news": by_promoted(item for item in news_since(network, recent)),
    }


def news_since(network: Network, day: date) -> list[NewsItem]:
    """News dated on or after `day`, newest first."""
    return [item for item in network.news.values() if item.date >= day]


def describe(item: Item, network: Network) -> str:
    """A meta description for every item page: its summary, or a sentence made from its fields."""
    summary: str | None = getattr(item, "summary", None) or getattr(item, "goal", None)
    if summary:
        return summary
    sectors = network.settings.sectors
    if isinstance(item, Partner):
        where = f" in {item.municipality}" if item.municipality else ""
        if network.settings.one_sector:
            return f"{item.name}{where}: partner van het netwerk."
        fields = ", ".join(sectors.get(s, s).lower() for s in item.sectors)
        return f"{item.name}{where}: partner van het netwerk ({fields})."
    if isinstance(item, Activity):
        place = item.where
        place = place if item.place is not None else place[:1].lower() + place[1:]
        return f"{item.title}: {dates.period(item.starts, item.ends)}, {place}."
    return item.label


def organization(partner: Partner, site_url: str | None, page_url: str | None) -> dict[str, Any]:
    """schema.org Organization for a partner page (printed with `tojson`, safe in <script>)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": partner.name,
    }
    if partner.summary:
        data["description"] = partner.summary
    if partner.website:
        data["url"] = partner.website
    elif page_url:
        data["url"] = page_url
    if partner.logo and site_url:
        data["logo"] = urljoin(site_url, partner.logo)
    if partner.municipality:
        data["address"] = {"@type": "PostalAddress", "addressLocality": partner.municipality}
    if partner.website and page_url:
        data["sameAs"] = [page_url]
    return data


def footer_links(uris: Iterable[str]) -> list[tuple[str, str]]:
    """(title, url) of the footer pages this site has, like the accessibility statement."""
    present = set(uris)
    return [
        (title, uri.removesuffix(".md") + "/")
        for uri, title in FOOTER_PAGES.items()
        if uri in present
    ]


# Material's two checkbox toggles (base.html) and its search field (partials/search.html); its
# search dialog gets a name (WCAG 4.1.2, axe's aria-dialog-name). Plain replacements: a regular
# expression over every page cost twice as much.
_NOT_HTML = (
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
    (' autocorrect="off"', ""),
    (
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Zoeken">',
    ),
)


def valid_html(html: str) -> str:
    """Remove what makes Material's pages fail the Nu HTML checker, and name its search dialog.

    `autocomplete` on its checkbox toggles and `autocorrect` (Safari only) on the search field
    are not HTML; the table of contents' label names a toggle that pages outside the
    navigation (our items) do not have.
    """
    for found, replacement in _NOT_HTML:
        html = html.replace(found, replacement, 1)
    if 'id="__toc"' not in html:
        html = html.replace(
            '<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">'
        )
    return html


# The editors' home text as MkDocs renders it: its heading, its first paragraph, the rest.
_HOME_TEXT = re.compile(r"\s*(<h1\b.*?</h1>)?\s*(<p>.*?</p>)?(.*)", re.S)


def home_text(html: str) -> tuple[Markup, Markup, Markup]:
    """The home page's text in three: the heading (if the editors wrote one), the network in
    one sentence (their first paragraph, on the first screen) and the rest (after the blocks)."""
    found = _HOME_TEXT.fullmatch(html)
    assert found is not None  # every part is optional
    heading, lead, rest = found.groups()
    return Markup(heading or ""), Markup(lead or ""), Markup(rest.strip())


def overview_description(folder: str, description: str, network: Network) -> str:
    """An overview's meta description, telling only the groupings the network has."""
    if folder != "partners":
        return description
    groupings = ["per werkveld"] if network.sectors_shown else []
    groupings += ["per soort lidmaatschap"] if network.tiers_shown else []
    if not groupings:
        return description
    return description.removesuffix(".") + ", " + " en ".join(groupings) + "."


def count(number: int, one: str, more: str) -> str:
    """`1 project`, `3 projecten`; nothing for none (a count of nothing is not told)."""
    if not number:
        return ""
    return f"{number} {one if number == 1 else more}"


def enumeration(parts: Iterable[str]) -> str:
    """`a`, `a en b`, `a, b en c`."""
    words = list(parts)
    return " en ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else "".join(words)


def register(
    env: Environment, network_uris: Iterable[str], kennisbank_suggest: str | None = None
) -> None:
    """Filters and globals our templates use."""
    env.globals["kennisbank_suggest"] = kennisbank_suggest
    env.filters["count"] = count
    env.filters["enumeration"] = enumeration
    env.filters["organization"] = organization
    env.filters["home_text"] = home_text
    env.globals["footer_links"] = footer_links(network_uris)
