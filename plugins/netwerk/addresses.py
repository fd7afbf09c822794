"""Addresses under the collections' folders that generated pages take, so no item may.

Derived from the same page lists the build renders, for a network without items: an activity
named `archief.md` would otherwise land on the agenda's archive.
"""

from __future__ import annotations

from .agenda import pages as agenda
from .core.models import COLLECTIONS
from .core.network import Network
from .core.settings import Settings
from .website import pages as website


def reserved(settings: Settings) -> dict[str, dict[str, str]]:
    """Per collection folder, the file names no item may have, with what uses each."""
    empty = Network(settings, {}, {}, {}, {}, {}, {})
    folders = {model.folder for model in COLLECTIONS}
    taken: dict[str, dict[str, str]] = {folder: {} for folder in folders}
    for folder in folders:
        taken[folder]["index"] = f"de overzichtspagina /{folder}/"
    # Every page the settings allow: a section without items yet gets its pages with its first.
    pages = [
        *website.overview_pages(empty, complete=True),
        *website.generated_pages(empty, complete=True),
        *agenda.pages(empty),
    ]
    for page in pages:
        folder, _, rest = page.uri.partition("/")
        slug = rest.split("/", 1)[0].removesuffix(".md")
        if folder in folders and slug:
            taken[folder].setdefault(slug, f"de pagina /{folder}/{slug}/ ({page.title})")
    return taken
