"""The kinds of content an editor makes, each said once: its kind on the command line, its folder,
its Dutch nouns and its model. The command line, the JSON Schemas, the scaffolds, the admin page
and the handbook read them here. Pure Python: no MkDocs imports.

The folders are the models' own (`Partner.folder`): the loader, below this module, reads them
there (netwerk.core.models.COLLECTIONS).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel

from . import fields
from .editions import Edition
from .loader import slugify
from .models import Activity, NewsItem, Partner, Project, Resource, Theme


@dataclass(frozen=True)
class Collection:
    """One kind of content."""

    kind: str
    """Its name on the command line: `netwerk nieuw activiteit`."""
    folder: str
    """Its folder in content/ (`agenda`); for newsletter editions, the name their schema, form
    and descriptions (netwerk.core.fields) go by."""
    singular: str
    """One item, in a sentence: `1 activiteit`, `een activiteit heeft: ...`."""
    plural: str
    """More items, in a sentence: `23 activiteiten`."""
    label: str
    """Its name as a section of the site and the admin page's menu: `Agenda`."""
    model: type[BaseModel]
    title_field: str
    """The field that holds the title given on the command line, and that names an item in
    lists."""
    published: str = ""
    """The field of netwerk.core.network.Network with its published items, by slug (editions
    are no part of the network)."""


# The collections under content/, in the order of the models (netwerk.core.models.COLLECTIONS).
ITEMS = (
    Collection(
        kind="partner",
        folder=Partner.folder,
        singular="partner",
        plural="partners",
        label="Partners",
        model=Partner,
        title_field="name",
        published="partners",
    ),
    Collection(
        kind="thema",
        folder=Theme.folder,
        singular="thema",
        plural="thema's",
        label="Thema's",
        model=Theme,
        title_field="title",
        published="themes",
    ),
    Collection(
        kind="project",
        folder=Project.folder,
        singular="project",
        plural="projecten",
        label="Projecten",
        model=Project,
        title_field="title",
        published="projects",
    ),
    Collection(
        kind="activiteit",
        folder=Activity.folder,
        singular="activiteit",
        plural="activiteiten",
        label="Agenda",
        model=Activity,
        title_field="title",
        published="activities",
    ),
    Collection(
        kind="nieuws",
        folder=NewsItem.folder,
        singular="nieuwsbericht",
        plural="nieuwsberichten",
        label="Nieuws",
        model=NewsItem,
        title_field="title",
        published="news",
    ),
    Collection(
        kind="bron",
        folder=Resource.folder,
        singular="bron",
        plural="bronnen",
        label="Kennisbank",
        model=Resource,
        title_field="title",
        published="resources",
    ),
)
EDITIONS = Collection(
    kind="nieuwsbrief",
    folder=fields.NEWSLETTER,
    singular="nieuwsbrief-editie",
    plural="nieuwsbrief-edities",
    label="Nieuwsbrief",
    model=Edition,
    title_field="subject",
)
ALL = (*ITEMS, EDITIONS)
BY_FOLDER = {collection.folder: collection for collection in ALL}
BY_KIND = {collection.kind: collection for collection in ALL}

# The kinds of item an editor can create, by their Dutch name on the command line.
KINDS: dict[str, type[BaseModel]] = {collection.kind: collection.model for collection in ALL}
# The fields that hold the title given on the command line.
TITLE_FIELDS = tuple(dict.fromkeys(collection.title_field for collection in ALL))


def slug_for(title: str) -> str:
    """The file name (without .md) for a title: "Gluren bij de Buren" -> gluren-bij-de-buren."""
    text = re.sub(r"['\u2019`]", "", title).replace("&", " en ")
    return slugify(text)
