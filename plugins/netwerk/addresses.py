"""Addresses under the collections' folders that generated pages take, so no item may.

Derived from the pages the build renders (netwerk.site), for a network without items: an
activity named `archief.md` would otherwise land on the agenda's archive.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from . import site
from .admin.page import ADDRESS as ADMIN
from .agenda import pages as agenda
from .core.models import COLLECTIONS
from .core.network import Network
from .core.options import Options
from .core.problems import SettingsError
from .core.settings import Settings

# Written by MkDocs and Material themselves, whatever the network.
MKDOCS_FILES = {
    "404.html": "de pagina 'niet gevonden'",
    "sitemap.xml": "de sitemap",
    "search/search_index.json": "de zoekindex",
    f"{ADMIN}/index.html": "de beheerpagina /admin/",
}


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


def written(options: Options, site_name: str = "") -> dict[str, list[str]]:
    """Every file the site writes for a network without items, but with these settings (each
    section's pages, every sector's and audience's), with what each one is."""
    # Imported here: the feeds load feedgen.
    from .newsletters import feeds

    empty = Network(options.settings, {}, {}, {}, {}, {}, {})
    found: dict[str, list[str]] = defaultdict(list)
    for path, what in MKDOCS_FILES.items():
        found[path].append(what)
    for page in site.pages(empty, options, site_name=site_name, complete=True):
        stem = page.uri.removesuffix(".md").removesuffix("index").rstrip("/")
        found[f"{stem}/index.html" if stem else "index.html"].append(f"de pagina '{page.title}'")
    # The calendars' names as calendars.files gives them (without making the calendars).
    sectors = {} if options.settings.one_sector else options.settings.sectors
    for sector in (None, *sectors):
        path = agenda.feed_path(sector)
        found[path].append(f"de kalender /{path}")
    for path in feeds.feed_paths(options.settings):
        found[path].append(f"het bestand /{path}")
    return found


def check_codes(options: Options) -> None:
    """A SettingsError for each address that the code of a sector or an audience would take
    from something else the site writes (`archief` under /agenda/, `sitemap` in /feeds/).

    Derived, not listed: an address with the code in it is taken when two things have it, or
    when it is still written after every code is renamed to one no address has.
    """
    # Not the handbook's pages: no code makes a page under /handleiding/, and /handleiding/
    # itself is one of options.ROOT_ADDRESSES. (Rendering the handbook loads Jinja, which
    # `netwerk controleer` does without.)
    options = replace(options, handbook=False)
    sectors = options.settings.sectors
    codes = {
        **{audience.slug: "audiences" for audience in options.audiences},
        **{code: "sectors" for code in sectors},
    }
    fresh = {code: f"netwerk-code-{number}" for number, code in enumerate(codes)}
    renamed = replace(
        options,
        settings=replace(
            options.settings, sectors={fresh[code]: label for code, label in sectors.items()}
        ),
        audiences=[
            replace(
                audience,
                slug=fresh[audience.slug],
                sectors=tuple(fresh[code] for code in audience.sectors),
            )
            for audience in options.audiences
        ],
    )
    without = written(renamed)
    problems = []
    for path, what in sorted(written(options).items()):
        for code, setting in codes.items():
            # The code's own address: renamed, it is written under the new code.
            own = _renamed(path, code, fresh[code])
            if own == path or own not in without:
                continue
            if len(what) < 2 and path not in without:
                continue
            address = path.removesuffix("index.html")
            taken = " en ".join(without.get(path) or what)
            problems.append(
                f"netwerk: {setting}: de code '{code}' kan niet: het adres /{address} is al "
                f"{taken}; kies een andere code"
            )
    if problems:
        raise SettingsError(problems)


def _renamed(path: str, code: str, fresh: str) -> str:
    parts = path.split("/")
    return "/".join(
        fresh + part[len(code) :] if part == code or part.startswith(f"{code}.") else part
        for part in parts
    )
