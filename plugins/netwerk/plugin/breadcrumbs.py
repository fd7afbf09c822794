"""Where am I: a page's breadcrumb, and the menu tab of pages outside the menu (our items).

A page's place is its address: `partners/` is above `partners/naturalis/`. The build
(netwerk.plugin) and the preview (netwerk.editing.preview, which reads the titles of the pages
above a page before rendering it) share this.
"""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


class Breadcrumbs:
    """The pages of `files` by address; read once MkDocs has made their Page objects."""

    def __init__(self, files: Files) -> None:
        self.files = files
        self.by_url: dict[str, Page] = {}
        # The menu entry marked active for the page being rendered (mark_section).
        self.marked: Page | None = None

    def page_at(self, url: str) -> Page | None:
        if not self.by_url:
            self.by_url = {
                file.page.url: file.page
                for file in self.files.documentation_pages()
                if file.page is not None
            }
        return self.by_url.get(url)

    def ancestors(self, page: Page) -> list[Page]:
        """The pages above this one by address (`partners/` above `partners/naturalis/`),
        the site's root excluded, the nearest last."""
        parts = page.url.strip("/").split("/")
        found = []
        for depth in range(1, len(parts)):
            above = self.page_at("/".join(parts[:depth]) + "/")
            if above is not None:
                found.append(above)
        return found

    def trail(self, page: Page) -> list[tuple[str, str | None]]:
        """(title, url) from the section down to this page (url None): Partners, Naturalis."""
        ancestors = self.ancestors(page)
        if not ancestors:
            return []
        crumbs: list[tuple[str, str | None]] = [(str(a.title), a.url) for a in ancestors]
        return [*crumbs, (str(page.title), None)]

    def mark_section(self, page: Page, nav: Navigation) -> None:
        """A page outside the menu marks the menu entry above it as active (Material's tabs
        and navigation read `active`) while it is rendered; `unmark` after."""
        self.unmark()
        if page in nav.pages:
            return
        in_menu = [above for above in self.ancestors(page) if above in nav.pages]
        if in_menu:
            self.marked = in_menu[-1]
            self.marked.active = True

    def unmark(self) -> None:
        if self.marked is not None:
            self.marked.active = False
            self.marked = None
