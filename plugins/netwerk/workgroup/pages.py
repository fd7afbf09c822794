"""The working group's overview on the site: /overzicht/, for the editors only.

Like the handbook (netwerk.handbook) it is not in the menu, the search index or the sitemap,
and asks search engines not to index it (GeneratedPage.noindex); `overview: false` leaves it
out. It shows what holds on the build date, so the same content, history and build date give
the same page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..core.editions import Edition
from ..core.loader import shown_path
from ..core.network import Network
from ..core.options import Options
from ..core.pages import GeneratedPage, PageView
from .history import history
from .overview import Overview, edition_files, overview

PAGE = "overzicht.md"
TEMPLATE = "netwerk/overzicht.html"
TITLE = "Overzicht voor de werkgroep"


@dataclass(frozen=True)
class OverviewView(PageView):
    """What netwerk/overzicht.html reads."""

    overview: Overview


def pages(
    network: Network, editions: Sequence[Edition], options: Options, root: Path, content: Path
) -> list[GeneratedPage]:
    """/overzicht/, unless the network turned it off. `root`: the folder of mkdocs.yml;
    `content`: the content folder (how old a page is comes from git: netwerk.workgroup.history)."""
    if not options.overview:
        return []
    changes = history(root, content) if options.agreements.page_age_days is not None else None
    found = overview(
        network,
        editions,
        options,
        content_dir=shown_path(content, root),
        history=changes,
        edition_files=edition_files(root / options.newsletters_dir),
    )
    return [
        GeneratedPage(
            uri=PAGE,
            template=TEMPLATE,
            title=TITLE,
            description=(
                "Voor de werkgroep communicatie: wat het netwerk afsprak en wat er nog open "
                "staat, met per punt het bestand en wat er te doen is."
            ),
            view=OverviewView(found),
            noindex=True,
        )
    ]
