"""Addresses under the collections' folders that generated pages take, so no item may.

Derived from the pages the build renders (netwerk.site), for a network without items: an
activity named `archief.md` would otherwise land on the agenda's archive.
"""

from __future__ import annotations

from . import site
from .core.models import COLLECTIONS
from .core.network import Network
from .core.options import Options
from .core.settings import Settings


def reserved(settings: Settings) -> dict[str, dict[str, str]]:
    """Per collection folder, the file names no item may have, with what uses each."""
    empty = Network(settings, {}, {}, {}, {}, {}, {})
    folders = {model.folder for model in COLLECTIONS}
    taken: dict[str, dict[str, str]] = {folder: {} for folder in folders}
    for folder in folders:
        taken[folder]["index"] = f"de overzichtspagina /{folder}/"
    # Every page the settings allow: a section without items yet gets its pages with its first.
    # The other options make no pages in a collection's folder (newsletters, the handbook).
    options = Options(
        settings,
        featured_memberships=(),
        newsletters_dir="",
        audiences=[],
        mailing=None,
        newsletter_horizon_days=0,
        calendar_past_days=0,
        handbook=False,
    )
    for page in site.pages(empty, options, site_name="", complete=True):
        folder, _, rest = page.uri.partition("/")
        slug = rest.split("/", 1)[0].removesuffix(".md")
        if folder in folders and slug:
            taken[folder].setdefault(slug, f"de pagina /{folder}/{slug}/ ({page.title})")
    return taken
