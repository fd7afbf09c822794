"""The kennisbank as a compass, /kennisbank/: every resource once, under the heading of its kind
(the network's own `resource_kind_headings`), with what a visitor narrows it by: its themes
(its own and its projects'), sectors and partners. A table of how many resources each theme
has of each kind leads to the themes' factsheets and the kinds' pages, which work without
JavaScript; kennisbank.js filters the list in place.

Pure functions of the network: no MkDocs here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.models import Partner, Resource, Theme
from ..core.network import Network
from ..core.pages import PageView


@dataclass(frozen=True)
class Listed:
    """A resource as the compass lists it, with what it can be found by."""

    resource: Resource
    themes: list[Theme]
    """Its own themes and its projects' themes, in the network's order."""
    partners: list[Partner]


@dataclass(frozen=True)
class Kind:
    """A kind of resource the kennisbank has: a column of the table, a section of the page."""

    code: str
    name: str
    heading: str
    """Above its resources and its column: `Praktijkvoorbeelden`."""
    resources: list[Listed]


@dataclass(frozen=True)
class Row:
    """A theme with resources: how many of each kind, in the order of the table's kinds."""

    theme: Theme
    counts: list[int]


@dataclass(frozen=True)
class Kennisbank:
    count: int
    """Every resource."""
    kinds: list[Kind]
    """The kinds with resources, in the order of the network's resource_kinds."""
    rows: list[Row]
    """The themes with resources, in the network's order."""
    partners: list[Partner]
    """The partners with resources, by name: a filter."""
    sectors: dict[str, str]
    """The sectors to filter by; none in a network of one sector."""


@dataclass(frozen=True)
class KennisbankView(PageView):
    """netwerk/kennisbank.html reads its page as `kennisbank`."""

    kennisbank: Kennisbank


@dataclass(frozen=True)
class ResourcesOfKind(PageView):
    """/kennisbank/<kind>/: the resources of one kind, each once."""

    kind: str
    resources: list[Listed]


def listed(network: Network, resources: list[Resource]) -> list[Listed]:
    themes_of: dict[str, list[Theme]] = {}
    for theme in network.themes.values():
        for resource in network.resources_by_theme.get(theme.slug, []):
            themes_of.setdefault(resource.slug, []).append(theme)
    return [
        Listed(resource, themes_of.get(resource.slug, []), network.partner_list(resource.partners))
        for resource in resources
    ]


def kennisbank(network: Network) -> Kennisbank:
    settings = network.settings
    kinds = [
        Kind(
            code,
            name,
            settings.resource_kind_heading(code),
            listed(network, network.resources_by_kind[code]),
        )
        for code, name in settings.resource_kinds.items()
        # resources_by_kind is a defaultdict: look before taking.
        if code in network.resources_by_kind
    ]
    rows = [
        Row(
            theme,
            [
                sum(1 for r in network.resources_by_theme[theme.slug] if r.kind == kind.code)
                for kind in kinds
            ],
        )
        for theme in network.themes.values()
        if theme.slug in network.resources_by_theme
    ]
    partners = sorted(
        (p for p in network.partners.values() if p.slug in network.resources_by_partner),
        key=lambda partner: partner.name.casefold(),
    )
    return Kennisbank(
        len(network.resources),
        kinds,
        rows,
        partners,
        dict(settings.sectors) if network.sectors_shown else {},
    )
