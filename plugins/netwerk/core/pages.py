"""The one kind of page the generator makes: the website's, the agenda's and the newsletters'.

Each part of the generator returns a list of these; the MkDocs glue turns every one into a
file, a template and its context in the same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .models import Item

# An empty YAML block keeps MkDocs from reading the body's first lines as metadata.
NO_META = "---\n{}\n---\n"


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from the network: address, template, title, description and context.

    `uri` is the page's Markdown path under the content folder (`partners/po.md`). Editors may
    write their own file at that path (an overview's `index.md`): it keeps its text and gets
    this page's template, context and default description. An item's page always replaces the
    item's file, whose front matter the template shows.
    """

    uri: str
    template: str
    title: str
    description: str = ""
    context: Mapping[str, Any] = field(default_factory=dict)
    in_nav: bool = False
    """Overviews belong in the site's menu; every other page is reached from them."""
    heading: bool = True
    """The page's Markdown is its title as a heading; False where the template prints its own."""
    item: Item | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    """Added to the page's meta, such as `sitemap: False` for a page not published yet."""

    @property
    def url(self) -> str:
        """The page's address from the site root: `partners/po/`, `` for the home page."""
        path = self.uri.removesuffix(".md")
        if path == "index" or path.endswith("/index"):
            path = path.removesuffix("index")
        else:
            path += "/"
        return path

    def markdown(self) -> str:
        if self.item is not None:
            return NO_META + self.item.body
        if not self.heading:
            # JSON is YAML: the title arrives as written, whatever characters it holds.
            return f"---\ntitle: {json.dumps(self.title)}\n---\n"
        return f"{NO_META}# {self.title}\n"
