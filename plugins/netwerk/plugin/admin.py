"""The admin page's files (netwerk.admin) as MkDocs files: copied into the site like
any static file, served by `mkdocs serve`, and (being no pages) not in the search index, the
sitemap or the menu."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from ..admin import page as admin
from ..core import sanitize
from ..core.editions import HIGHLIGHT_FOLDERS
from ..core.models import COLLECTIONS
from ..core.network import Network
from ..core.options import Options

log = get_plugin_logger("netwerk")


def admin_files(config: MkDocsConfig, files: Files, options: Options, network: Network) -> None:
    """Add /admin/ to the site's files; call after the editors' item files left `files`."""
    for path, data in written_admin(config, files, options, network).items():
        files.append(File.generated(config, f"{admin.ADDRESS}/{path}", content=data))


def written_admin(
    config: MkDocsConfig, files: Files, options: Options, network: Network | None
) -> dict[str, bytes]:
    """The files under /admin/, by their path there. Without a network (the content has
    problems, `netwerk voorbeeld` still serves the forms to fix them) pages are named by their
    text and highlights known by their file names."""
    settings = options.admin
    if settings is None:
        return {}
    root = Path(config.config_file_path).parent
    content = Path(config.docs_dir)
    try:
        content_dir = content.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        log.warning(
            "admin: docs_dir %s staat niet in de map van mkdocs.yml; het beheer werkt alleen "
            "met een content-map in de repository",
            config.docs_dir,
        )
        return {}
    site = admin.Site(
        options=options,
        admin=settings,
        content_dir=content_dir,
        site_url=config.site_url,
        pages=_own_pages(files, network),
        slugs={folder: _slugs(content, folder, network) for folder in HIGHLIGHT_FOLDERS},
        titles={} if network is None else admin.titles(network),
    )
    try:
        bundle: admin.Bundle | None = admin.find_bundle(root)
    except admin.BundleMissing as missing:
        log.info("beheer (/admin/): %s", missing)
        bundle = None
    return admin.admin_files(
        site,
        bundle,
        stylesheets=_stylesheets(files, config),
        site_name=sanitize.plain(config.site_name),
    )


def _slugs(content: Path, folder: str, network: Network | None) -> list[str]:
    if network is None:
        return sorted(path.stem for path in (content / folder).glob("*.md") if path.stem != "index")
    return sorted(item.slug for item in network.items() if item.folder == folder)


def _own_pages(files: Files, network: Network | None) -> dict[str, str]:
    """The pages the editors wrote (home, privacy, ...), each with its title."""
    folders = {model.folder for model in COLLECTIONS}
    pages = {}
    for file in files.documentation_pages():
        if file.generated_by or not file.abs_src_path:
            continue
        uri = file.src_uri
        top = uri.split("/", 1)[0]
        if top in folders and uri != f"{top}/index.md":
            continue
        meta = network.pages.get(uri) if network is not None else None
        text = Path(file.abs_src_path).read_text(encoding="utf-8", errors="replace")
        pages[uri] = admin.page_label(uri, meta.title if meta else None, text)
    return pages


def _stylesheets(files: Files, config: MkDocsConfig) -> list[str]:
    """The site's stylesheets, Material's first, for the preview pane."""
    found = [
        file.dest_uri
        for file in files
        if file.dest_uri.startswith("assets/stylesheets/") and file.dest_uri.endswith(".css")
    ]
    found.sort(key=lambda uri: (not PurePosixPath(uri).name.startswith("main."), uri))
    extra = [str(css) for css in config.extra_css if not str(css).startswith(("http:", "https:"))]
    return [*found, *extra]
