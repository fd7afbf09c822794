"""What one build knows and makes, from reading the content to the files beside the pages.

A fresh one for every build: `mkdocs serve` may keep one plugin object for every rebuild, and a
deleted item must not linger in pages, feeds or emails.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.editions import Edition
from ..core.network import Network
from ..core.pages import GeneratedPage
from ..newsletters.pages import Letters
from .beside import Beside
from .breadcrumbs import Breadcrumbs


@dataclass
class Build:
    """One build's content, pages, newsletters and work beside the pages."""

    # The content and the newsletter editions, read and checked in on_pre_build.
    network: Network | None = None
    editions: list[Edition] = field(default_factory=list)
    # Every page we make, by its path under the content folder (netwerk.site).
    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    # The newsletters' letters and each one's whole email (the web versions show it).
    letters: Letters = field(default_factory=Letters)
    # The news items' converted HTML, by slug, reused in the news feeds.
    news_html: dict[str, str] = field(default_factory=dict)
    # Emails and calendars are written beside the page rendering (netwerk.plugin.beside).
    beside: Beside | None = None
    # Every page by its address, for breadcrumbs and the tab of pages outside the menu.
    breadcrumbs: Breadcrumbs | None = None

    @property
    def page_files(self) -> dict[str, bytes]:
        """Files our pages write beside them (the tables of /in-cijfers/ as CSV), by path."""
        return {path: data for page in self.pages.values() for path, data in page.files.items()}

    def wait_beside(self) -> None:
        """Wait for the emails and calendars; a RuntimeError with the traceback if they failed."""
        beside, self.beside = self.beside, None
        if beside is not None:
            beside.wait()
