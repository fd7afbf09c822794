"""The one kind of page the generator makes: the website's, the agenda's and the newsletters'.

Each part of the generator returns a list of these; the MkDocs glue turns every one into a
file, a template and its context in the same way. What a page's template reads is its view: a
frozen dataclass of its own kind, each field a name in the template.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from .models import Item

# An empty YAML block keeps MkDocs from reading the body's first lines as metadata.
NO_META = "---\n{}\n---\n"


@dataclass(frozen=True)
class PageView:
    """What the template of a kind of page reads besides `network` and `item`: subclasses are
    frozen dataclasses whose fields the template reads by their names."""

    def template_context(self) -> dict[str, Any]:
        # Not dataclasses.asdict: that would copy the items and lists the fields hold.
        return {found.name: getattr(self, found.name) for found in fields(self)}


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from the network: address, template, title, description and view.

    `uri` is the page's Markdown path under the content folder (`partners/po.md`). Editors may
    write their own file at that path (an overview's `index.md`): it keeps its text and gets
    this page's template, view and default description. An item's page always replaces the
    item's file, whose front matter the template shows.
    """

    uri: str
    template: str
    title: str
    description: str = ""
    view: PageView | None = None
    """What the template reads besides `network` and `item`; None when that is all."""
    in_nav: bool = False
    """Overviews belong in the site's menu; every other page is reached from them."""
    heading: bool = True
    """The page's Markdown is its title as a heading; False where the template prints its own."""
    item: Item | None = None
    files: Mapping[str, bytes] = field(default_factory=dict)
    """Files written beside the page, by path from the site root (such as its tables as CSV)."""
    body: str = ""
    """Markdown below the title, for pages whose text is generated (the handbook)."""
    noindex: bool = False
    """For the editors, not for visitors: out of the search index and the sitemap, and marked
    `noindex` for search engines (see `meta`)."""
    sitemap: bool = True
    """False for a page built before it is published (a newsletter edition dated after the
    build date, to test it): out of the sitemap (see `meta`)."""
    hide: tuple[str, ...] = ()
    """Material's sidebars this page goes without (`navigation`, `toc`): the home page, whose
    own blocks are the way in."""

    @property
    def meta(self) -> dict[str, Any]:
        """Page metadata the glue adds: `search.exclude` (Material's search), `sitemap: false`
        (our sitemap.xml) and `robots` (netwerk/head-robots.html)."""
        hidden: dict[str, Any] = {"hide": list(self.hide)} if self.hide else {}
        if self.noindex:
            return {"search": {"exclude": True}, "sitemap": False, "robots": "noindex", **hidden}
        if not self.sitemap:
            return {"sitemap": False, **hidden}
        return hidden

    @property
    def url(self) -> str:
        """The page's address from the site root: `partners/po/`, `` for the home page."""
        path = self.uri.removesuffix(".md")
        if path == "index" or path.endswith("/index"):
            path = path.removesuffix("index")
        else:
            path += "/"
        return path

    def template_context(self) -> dict[str, Any]:
        """The names the page's template reads, from its view."""
        return {} if self.view is None else self.view.template_context()

    def markdown(self) -> str:
        if self.item is not None:
            return NO_META + self.item.body
        if not self.heading:
            # JSON is YAML: the title arrives as written, whatever characters it holds.
            return f"---\ntitle: {json.dumps(self.title)}\n---\n"
        if self.body:
            return f"{NO_META}# {self.title}\n\n{self.body}"
        return f"{NO_META}# {self.title}\n"
