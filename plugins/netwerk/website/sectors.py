"""A page per sector (`/po/`): what a visitor from that sector needs, gathered in one place.

Its upcoming activities, latest news and calls, running projects, partners and resources, and
how to stay informed: the newsletter of each audience that covers the sector, the sector's
calendar and its news feed. Also the sectors' short labels in lists. Pure functions of the
network: no MkDocs here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import parseaddr
from urllib.parse import quote

from markupsafe import Markup, escape

from ..agenda.pages import feed_path
from ..core.audiences import Audience, Mailing
from ..core.models import Activity, NewsItem, Partner, Project, Resource
from ..core.network import Network
from ..core.pages import GeneratedPage, PageView

SECTOR_ACTIVITIES = 5
SECTOR_NEWS = 5
SECTOR_CALLS = 3
SECTOR_PARTNERS = 12
SECTOR_RESOURCES = 5
ALL_SECTORS = "alle werkvelden"


@dataclass(frozen=True)
class Subscription:
    """How to get one audience's newsletter: sign up, read the archive, follow its feed."""

    audience: Audience
    subscribe_url: str
    by_email: bool
    """True when signing up is an email to the sender (the audience has no subscribe_url)."""
    sent: bool = False
    """Whether a letter was sent: only then is there an archive to read."""

    @property
    def archive(self) -> str:
        return f"nieuwsbrief/{self.audience.slug}/"

    @property
    def feed(self) -> str:
        return f"nieuwsbrief/{self.audience.slug}/rss.xml"


@dataclass(frozen=True)
class StayInformed:
    """The "Blijf op de hoogte" block: newsletters, calendar and news feed."""

    subscriptions: list[Subscription]
    calendar: str
    """The subscribable calendar, from the site root (`agenda/po/kalender.ics`)."""
    feed: str | None
    """The news feed, from the site root (`feeds/po.xml`); None where there is no news."""
    what: str
    """Whose agenda and news: `de agenda`, or `de agenda voor primair onderwijs`."""


@dataclass(frozen=True)
class SectorPage:
    """What the page of one sector shows."""

    sector: str
    name: str
    activities: list[Activity] = field(default_factory=list)
    more_activities: bool = False
    news: list[NewsItem] = field(default_factory=list)
    calls: list[NewsItem] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    partner_count: int = 0
    resources: list[Resource] = field(default_factory=list)
    stay: StayInformed | None = None


@dataclass(frozen=True)
class SectorView(PageView):
    """netwerk/sector.html reads its page as `sector_page`."""

    sector_page: SectorPage


def lower_first(label: str) -> str:
    """`Primair onderwijs` → `primair onderwijs`; `MBO` stays."""
    if len(label) > 1 and label[:2].isupper():
        return label
    return label[:1].lower() + label[1:]


def subscriptions(
    audiences: Sequence[Audience],
    mailing: Mailing | None,
    sectors: Collection[str] | None = None,
    sent: Collection[str] = (),
) -> list[Subscription]:
    """The newsletters of the audiences covering any of these sectors (all when None)."""
    if mailing is None:
        return []
    sender = parseaddr(mailing.sender)[1]
    result = []
    for audience in audiences:
        if sectors is not None and not set(audience.sectors) & set(sectors):
            continue
        if audience.subscribe_url:
            url, by_email = audience.subscribe_url, False
        else:
            subject = quote(f"Aanmelden nieuwsbrief {audience.name}")
            url, by_email = f"mailto:{sender}?subject={subject}", True
        result.append(Subscription(audience, url, by_email, audience.slug in sent))
    return result


def stay_informed(
    network: Network,
    audiences: Sequence[Audience],
    mailing: Mailing | None,
    sector: str | None = None,
    sent: Collection[str] = (),
) -> StayInformed:
    """The block for one sector's page, or (sector None) for the home page. `sent`: the
    audiences with a letter sent."""
    if sector is None:
        feed = "feeds/nieuws.xml" if network.news else None
        return StayInformed(
            subscriptions(audiences, mailing, sent=sent), feed_path(), feed, "de agenda"
        )
    name = lower_first(network.settings.sectors.get(sector, sector))
    return StayInformed(
        subscriptions(audiences, mailing, [sector], sent),
        feed_path(sector),
        f"feeds/{sector}.xml" if network.news_by_sector.get(sector) else None,
        f"de agenda voor {name}",
    )


def running(projects: Iterable[Project], network: Network) -> list[Project]:
    """Projects under way on the build date: not finished, started, not yet ended."""
    today = network.today
    return [
        project
        for project in projects
        if network.running(project)
        and (project.start is None or project.start <= today)
        and (project.end is None or project.end >= today)
    ]


def sector_page(
    network: Network,
    sector: str,
    audiences: Sequence[Audience] = (),
    mailing: Mailing | None = None,
    featured_memberships: Collection[str] = (),
    sent: Collection[str] = (),
) -> SectorPage:
    """The selection for one sector's page.

    Activities: upcoming and not cancelled, soonest first. News: the latest, calls apart.
    Partners: those with a featured membership first, then by name. Resources: those for this
    sector, then those for every sector (no sectors given).
    """
    upcoming = network.going_ahead(network.upcoming(network.activities_by_sector.get(sector, [])))
    news = network.news_by_sector.get(sector, [])
    partners = network.partners_by_sector.get(sector, [])
    featured = [p for p in partners if p.membership in featured_memberships]
    others = [p for p in partners if p.membership not in featured_memberships]
    resources = [r for r in network.resources.values() if sector in r.sectors]
    resources += [r for r in network.resources.values() if not r.sectors]
    return SectorPage(
        sector=sector,
        name=network.settings.sectors.get(sector, sector),
        activities=upcoming[:SECTOR_ACTIVITIES],
        more_activities=len(upcoming) > SECTOR_ACTIVITIES,
        news=[item for item in news if not network.call(item)][:SECTOR_NEWS],
        calls=[item for item in news if network.call(item)][:SECTOR_CALLS],
        projects=running(network.projects_by_sector.get(sector, []), network),
        partners=[*featured, *others][:SECTOR_PARTNERS],
        partner_count=len(partners),
        resources=resources[:SECTOR_RESOURCES],
        stay=stay_informed(network, audiences, mailing, sector, sent),
    )


def pages(
    network: Network,
    audiences: Sequence[Audience] = (),
    mailing: Mailing | None = None,
    featured_memberships: Collection[str] = (),
    sent: Collection[str] = (),
) -> list[GeneratedPage]:
    """A page per sector at the site's root: `/po/`; none in a network of one sector, whose
    home page is that sector's page already. `sent`: the audiences with a letter sent."""
    if network.settings.one_sector:
        return []
    result = []
    for sector, label in network.settings.sectors.items():
        lower = lower_first(label)
        page = sector_page(network, sector, audiences, mailing, featured_memberships, sent)
        # Only what the page has (the agenda and how to stay informed it always has).
        has = [
            ("komende activiteiten", True),
            ("nieuws", page.news),
            ("oproepen", page.calls),
            ("lopende projecten", page.projects),
            ("partners", page.partners),
            ("de kennisbank", page.resources),
        ]
        parts = [words for words, shown in has if shown]
        listed = ", ".join(parts[:-1]) + " en " + parts[-1] if len(parts) > 1 else parts[0]
        result.append(
            GeneratedPage(
                uri=f"{sector}/index.md",
                template="netwerk/sector.html",
                title=label,
                description=f"Alles voor {lower} in het netwerk: {listed}, en hoe je op de "
                "hoogte blijft.",
                view=SectorView(page),
            )
        )
    return result


# --- Labels -----------------------------------------------------------------------------------


def _ordered(sectors: Iterable[str], names: Mapping[str, str]) -> list[str]:
    """The sectors once each, in the order of mkdocs.yml."""
    given = set(sectors)
    return [sector for sector in names if sector in given]


def short_labels(sectors: Iterable[str], names: Mapping[str, str]) -> Markup:
    """For lists: `vve, po` (each code with its name as a tooltip), or `alle werkvelden`.

    Empty in a network of one sector, where every item has it.
    """
    ordered = _ordered(sectors, names)
    if len(names) <= 1 or not ordered:
        return Markup("")
    if len(ordered) == len(names):
        return Markup(ALL_SECTORS)
    return Markup(", ").join(
        Markup(f'<abbr title="{escape(names[sector])}">{escape(sector)}</abbr>')
        for sector in ordered
    )


def full_labels(sectors: Iterable[str], names: Mapping[str, str]) -> str:
    """Where there is room: `Primair onderwijs, Voortgezet onderwijs`, or `Alle werkvelden`."""
    ordered = _ordered(sectors, names)
    if len(names) > 1 and len(ordered) == len(names):
        return ALL_SECTORS[:1].upper() + ALL_SECTORS[1:]
    return ", ".join(names[sector] for sector in ordered)
