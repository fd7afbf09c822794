"""The site's files: the editors' files that become pages, a file per page we make, the menu;
and the files we write ourselves, which are no pages (emails, calendars, feeds, CSV)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key
from mkdocs.utils import nest_paths

from ..core.figures import FIGURES_FILE
from ..core.loader import shown_path
from ..core.models import COLLECTIONS, ORGANISATION_FILE
from ..core.network import Network
from ..core.pages import GeneratedPage
from ..core.problems import FILE, ContentError, Problem
from ..website import pages as website


def keep_published(files: Files, config: MkDocsConfig, network: Network) -> None:
    """Take out of `files` what is not published as it is.

    The editors' item files become item pages; the organisation file becomes a page, the
    figures file (cijfers.yml) feeds /in-cijfers/. Template sources in the site's own overrides
    (email.txt, email.css) are not published.
    """
    folders = {model.folder for model in COLLECTIONS}
    overrides = config.theme.custom_dir
    docs_dir = Path(config.docs_dir)
    for file in list(files):
        # Only what validation let through (netwerk.core.files): MkDocs also follows links
        # to folders and copies any type of file.
        in_docs = file.src_dir is not None and Path(file.src_dir) == docs_dir
        if _template_source(file, overrides) or (in_docs and file.src_uri not in network.files):
            files.remove(file)
            continue
        folder = file.src_uri.split("/", 1)[0]
        is_item = folder in folders and file.is_documentation_page() and "/" in file.src_uri
        if (is_item and not file.src_uri.endswith("/index.md")) or (
            file.src_uri in (ORGANISATION_FILE, FIGURES_FILE)
        ):
            files.remove(file)

    # A section without items is not built, not even the overview its editors wrote.
    for folder in website.OVERVIEWS:
        overview = files.get_file_from_path(f"{folder}/index.md")
        if overview is not None and not network.has(folder):
            files.remove(overview)


def _template_source(file: File, overrides: str | None) -> bool:
    """A template in the site's own overrides, such as `netwerk/email/email.txt`."""
    return bool(
        overrides
        and file.src_uri.startswith("netwerk/")
        and file.abs_src_path
        and Path(file.abs_src_path).is_relative_to(overrides)
    )


def add_pages(files: Files, config: MkDocsConfig, pages: Iterable[GeneratedPage]) -> None:
    """A file for each page, after the editors' files; a page the editors wrote keeps theirs."""
    for page in pages:
        own = files.get_file_from_path(page.uri) if page.item is None else None
        if own is not None:  # the editors wrote this page themselves
            if page.noindex:  # a chapter of the handbook: not in the menu either
                own.inclusion = InclusionLevel.NOT_IN_NAV
            continue
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.uri, content=page.markdown(), inclusion=inclusion)
        if page.item is not None:
            file.edit_uri = page.item.path.split("/", 1)[-1]
        files.append(file)


def set_menu(
    files: Files, config: MkDocsConfig, nav_given: Any, pages: Mapping[str, GeneratedPage]
) -> None:
    """The site's menu (config.nav): the editors' `nav` without the pages this network does not
    have, or, without a `nav`, the site's own (website.MENU, then the editors' other pages).
    A page of ours the editors left out of their `nav` is not in the menu."""
    # The accessibility statement and privacy page are linked from every page's footer.
    for uri in website.FOOTER_PAGES:
        footer_page = files.get_file_from_path(uri)
        if footer_page is not None and footer_page.inclusion == InclusionLevel.INCLUDED:
            footer_page.inclusion = InclusionLevel.NOT_IN_NAV
    ours = set(website.menu_pages()) | {uri for uri, page in pages.items() if page.in_nav}
    present = {file.src_uri for file in files.documentation_pages()}
    if nav_given is None:
        others = sorted(
            (
                file
                for file in files.documentation_pages()
                if file.src_uri not in ours and file.inclusion.is_in_nav()
            ),
            key=file_sort_key,
        )
        config.nav = [
            *website.own_menu(present),
            *nest_paths(file.src_uri for file in others),
        ]
    else:
        config.nav = website.pruned_nav(nav_given, ours - present)
    named = website.nav_paths(config.nav)
    for uri in ours - named:
        file = files.get_file_from_path(uri)
        if file is not None and file.inclusion == InclusionLevel.INCLUDED:
            file.inclusion = InclusionLevel.NOT_IN_NAV


def write_files(site_dir: str, files: Mapping[str, str | bytes]) -> None:
    """Write every file that is not a page (emails, calendars, feeds) into the site folder."""
    for path, content in files.items():
        target = Path(site_dir, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Bytes, so text files get "\n" line ends on every system, as MkDocs writes them.
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def check_addresses(files: Files, config: MkDocsConfig, pages: Mapping[str, GeneratedPage]) -> None:
    """Stop the build when an editor's file would be written where another file goes (MkDocs
    would write both, the last one winning, and index both for search): `content/po.md` and
    the sector page /po/, `content/admin.md` and the CMS page. Before anything is written."""
    docs_dir = Path(config.docs_dir)
    by_address: dict[str, list[File]] = {}
    for file in files:
        by_address.setdefault(file.dest_uri, []).append(file)
    root = Path(config.config_file_path).parent
    problems = []
    for address, same in sorted(by_address.items()):
        own = [f for f in same if f.generated_by is None and Path(f.src_dir or "") == docs_dir]
        others = [f for f in same if f not in own]
        if not own or not others:  # two of the editors' own: MkDocs warns
            continue
        page = pages.get(others[0].src_uri)
        what = f"de pagina '{page.title}'" if page else f"het bestand /{others[0].dest_uri}"
        shown = "/" + address.removesuffix("index.html")
        problems += [
            Problem(
                shown_path(docs_dir / file.src_uri, root),
                1,
                FILE,
                f"krijgt het adres {shown}, waar de site al {what} zet; geef het bestand een "
                "andere naam",
            )
            for file in own
        ]
    if problems:
        raise PluginError(ContentError(problems).report())
