"""The kennisbank's overview, /kennisbank/: its resources per kind, and a table of how many
resources each theme has of each kind, linked to the theme's resources of that kind below it.

Pure functions of the network: no MkDocs here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.models import Resource, Theme
from ..core.network import Network
from ..core.pages import PageView


@dataclass(frozen=True)
class Kind:
    """A kind of resource the kennisbank has: a column of the table, a section of the page."""

    code: str
    name: str
    heading: str
    """Above its resources and its column: `Praktijkvoorbeelden`."""
    resources: list[Resource]


@dataclass(frozen=True)
class Cell:
    """How many resources of one kind a theme has."""

    count: int
    anchor: str | None
    """Where the page lists them (`thema-lezen-onderzoek`); None when there are none."""


@dataclass(frozen=True)
class Row:
    """A theme with resources: its cells in the order of the table's kinds."""

    theme: Theme
    anchor: str
    """Where the page lists the theme's resources (`thema-lezen`); each kind's heading there
    adds `-<kind>`."""
    resources: list[Resource]
    cells: list[Cell]


@dataclass(frozen=True)
class Kennisbank:
    count: int
    """Every resource."""
    kinds: list[Kind]
    """The kinds with resources, in the order of the network's resource_kinds."""
    rows: list[Row]
    """The themes with resources, in the network's order."""


@dataclass(frozen=True)
class KennisbankView(PageView):
    """netwerk/kennisbank.html reads its page as `kennisbank`."""

    kennisbank: Kennisbank


def kennisbank(network: Network) -> Kennisbank:
    settings = network.settings
    kinds = [
        Kind(code, name, settings.resource_kind_heading(code), network.resources_by_kind[code])
        for code, name in settings.resource_kinds.items()
        # resources_by_kind is a defaultdict: look before taking.
        if code in network.resources_by_kind
    ]
    rows = []
    for theme in network.themes.values():
        if theme.slug not in network.resources_by_theme:
            continue
        anchor = f"thema-{theme.slug}"
        resources = network.resources_by_theme[theme.slug]
        cells = []
        for kind in kinds:
            count = sum(1 for resource in resources if resource.kind == kind.code)
            cells.append(Cell(count, f"{anchor}-{kind.code}" if count else None))
        rows.append(Row(theme, anchor, resources, cells))
    return Kennisbank(len(network.resources), kinds, rows)
