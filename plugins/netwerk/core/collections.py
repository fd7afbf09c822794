"""The kinds of content an editor makes, by their Dutch names: the one list the command line,
the handbook, the admin page and the scaffolds read. Pure Python: no MkDocs imports."""

from __future__ import annotations

import re

from pydantic import BaseModel

from .editions import Edition
from .loader import slugify
from .models import Activity, NewsItem, Partner, Project, Resource, Theme

# The kinds of item an editor can create, by their Dutch name on the command line.
KINDS: dict[str, type[BaseModel]] = {
    "partner": Partner,
    "thema": Theme,
    "project": Project,
    "activiteit": Activity,
    "nieuws": NewsItem,
    "bron": Resource,
    "nieuwsbrief": Edition,
}
NEWSLETTER = "nieuwsbrief"
# The field that holds the title given on the command line.
TITLE_FIELDS = ("title", "name", "subject")


def slug_for(title: str) -> str:
    """The file name (without .md) for a title: "Gluren bij de Buren" -> gluren-bij-de-buren."""
    text = re.sub(r"['\u2019`]", "", title).replace("&", " en ")
    return slugify(text)
