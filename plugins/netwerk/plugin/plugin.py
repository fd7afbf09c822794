"""The MkDocs glue: validate before anything is written, then turn the network into pages."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import nest_paths
from mkdocs.utils.templates import TemplateContext, url_filter

from .. import site
from ..addresses import reserved
from ..agenda import pages as agenda
from ..core import sanitize
from ..core.audiences import Audience, Mailing
from ..core.editions import Edition
from ..core.figures import FIGURES_FILE
from ..core.memo import ReadMemo
from ..core.models import COLLECTIONS, ORGANISATION_FILE, NewsItem
from ..core.network import Network
from ..core.options import Options, options_from
from ..core.pages import GeneratedPage
from ..core.problems import ContentError, SettingsError
from ..core.settings import Settings
from ..core.sources import load_sources
from ..newsletters import pages as newsletters
from ..website import filters
from ..website import pages as website
from .admin import admin_files
from .beside import Beside
from .breadcrumbs import Breadcrumbs
from .config import NetwerkConfig
from .staging import Staging

if TYPE_CHECKING:
    from ..newsletters.feeds import FeedSite

# Calendars, emails and feeds (icalendar, css-inline, feedgen) are imported where they are
# written, so `netwerk controleer`, which runs only the validating hooks, starts fast.

log = get_plugin_logger("netwerk")

# The package's theme templates, each beside the code that fills them. They come after the
# site's own `custom_dir`, so a site can replace any one of them, and before Material's.
PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = [
    str(PACKAGE / part / "templates")
    for part in ("website", "agenda", "newsletters", "numbers", "handbook")
]
# The network's colours from mkdocs.yml (netwerk.core.look), linked from main.html.
LOOK_CSS = "assets/stylesheets/netwerk-look.css"


class NetwerkPlugin(BasePlugin[NetwerkConfig]):
    def __init__(self) -> None:
        self.options: Options  # set by on_config, the first hook MkDocs calls
        # The `nav` of mkdocs.yml as the editors wrote it, for the config it came with: a
        # config built twice keeps the menu of the first build in config.nav.
        self._nav_config: MkDocsConfig | None = None
        self._nav_given: Any = None
        # Set by the preview (netwerk.editing.preview): files checked in its earlier builds,
        # and pages only, rendered when asked for; the other files come from a full build.
        self.memo: ReadMemo | None = None
        self.pages_only = False
        # The command MkDocs runs (on_startup), the same for every build of one invocation.
        self.command: str | None = None
        self.dirty = False
        # The build writes beside site_dir, which it replaces when all went well.
        self.staging = Staging()
        self._start_build()

    def _start_build(self) -> None:
        """Forget everything of a previous build: `mkdocs serve` may keep one plugin object
        for every rebuild, and a deleted item must not linger in pages, feeds or emails."""
        self.network: Network | None = None
        self.editions: list[Edition] = []
        # Every page we make, by its path under the content folder (netwerk.core.pages).
        self.pages: dict[str, GeneratedPage] = {}
        # Newsletters: the letters of this build and each one's whole email (web versions).
        self.letters = newsletters.Letters()
        # The news items' converted HTML, by slug, reused in the news feeds.
        self.news_html: dict[str, str] = {}
        # Files our pages write beside them (the tables of /in-cijfers/ as CSV), by path.
        self.page_files: dict[str, bytes] = {}
        # Emails and calendars are written beside the page rendering (netwerk.plugin.beside).
        self.beside: Beside | None = None
        # Every page by its address, for breadcrumbs and the tab of pages outside the menu.
        self.breadcrumbs: Breadcrumbs | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # MkDocs keeps one plugin object per process for every config it loads (as `mkdocs
        # serve` does): what the preview set is not for the next invocation's builds.
        self.command, self.dirty = command, dirty
        self.memo, self.pages_only = None, False

    # First, so that every other plugin sees the staging folder as site_dir.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        with suppress(RuntimeError):
            self._wait_beside()  # the child of a build that was broken off
        self._start_build()
        if config is not self._nav_config:
            self._nav_config, self._nav_given = config, config.nav
        try:
            self.options = options_from(
                dict(self.config),
                site_url=config.site_url,
                site_name=config.site_name,
                theme={key: config.theme.get(key) for key in ("palette", "logo")},
            )
        except SettingsError as error:
            raise PluginError(error.report(Path(config.config_file_path).name)) from None
        self.options = _with_email_logo(self.options, config)
        # Material's slot for a breadcrumb (partials/path.html, ours) above every page's text.
        features = config.theme.get("features") or []
        if "navigation.path" not in features:
            config.theme["features"] = [*features, "navigation.path"]
        dirs = config.theme.dirs
        at = 1 if config.theme.custom_dir else 0
        dirs[at:at] = [folder for folder in TEMPLATE_DIRS if folder not in dirs]
        # `mkdocs serve` builds into a folder of its own and keeps serving the last good build;
        # --dirty builds on top of the previous site.
        if self.command != "serve" and not self.dirty:
            self.staging.start(config)
        return config

    @property
    def settings(self) -> Settings:
        return self.options.settings

    @property
    def audiences(self) -> list[Audience]:
        return self.options.audiences

    @property
    def mailing(self) -> Mailing | None:
        return self.options.mailing

    # Validate in pre_build: MkDocs cleans the site directory right after this event, so
    # a failed validation leaves the previous site as it was.
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.network = None
        self.news_html.clear()
        root = Path(config.config_file_path).parent
        try:
            taken = reserved(self.settings)
            sources = load_sources(root, Path(config.docs_dir), self.options, taken, memo=self.memo)
        except ContentError as error:
            raise PluginError(error.report()) from None
        self.network, self.editions = sources.network, sources.editions

    # Run before other plugins (search, sitemap) so they see our generated pages.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        network = self.network
        assert network is not None
        # The editors' item files become item pages; the organisation file becomes a page, the
        # figures file (cijfers.yml) feeds /in-cijfers/.
        # Template sources in the site's own overrides (email.txt, email.css) are not published.
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

        self.pages = {}
        self.news_html = {}
        self.page_files = {}
        self.breadcrumbs = Breadcrumbs(files)
        self.letters = newsletters.letters(network, self.editions, self.options)
        every = site.pages(
            network,
            self.options,
            site_name=config.site_name,
            editions=self.editions,
            letters=self.letters,
        )
        for page in every:
            self.pages[page.uri] = page
            self.page_files.update(page.files)
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
        # The accessibility statement and privacy page are linked from every page's footer.
        for uri in website.FOOTER_PAGES:
            footer_page = files.get_file_from_path(uri)
            if footer_page is not None and footer_page.inclusion == InclusionLevel.INCLUDED:
                footer_page.inclusion = InclusionLevel.NOT_IN_NAV
        self._menu(files, config)
        admin_files(config, files, self.options, network)  # /admin/, when mkdocs.yml asks
        # The network's colours (theme.palette), checked for contrast, as Material's variables.
        files.append(File.generated(config, LOOK_CSS, content=self.options.look.css()))
        # MkDocs has cleaned the site directory; the pages are next.
        if not self.pages_only:
            self.beside = Beside(lambda: self._write_emails_and_calendars(network, config))
        return files

    def _menu(self, files: Files, config: MkDocsConfig) -> None:
        """The site's menu: the editors' `nav` without the pages this network does not have,
        or, without a `nav`, the site's own (website.MENU, then the editors' other pages).
        A page of ours the editors left out of their `nav` is not in the menu."""
        ours = set(website.menu_pages()) | {uri for uri, page in self.pages.items() if page.in_nav}
        present = {file.src_uri for file in files.documentation_pages()}
        if self._nav_given is None:
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
            config.nav = website.pruned_nav(self._nav_given, ours - present)
        named = website.nav_paths(config.nav)
        for uri in ours - named:
            file = files.get_file_from_path(uri)
            if file is not None and file.inclusion == InclusionLevel.INCLUDED:
                file.inclusion = InclusionLevel.NOT_IN_NAV

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # MkDocs dates every page with the day of the build (sitemap.xml and its gzip header);
        # the fixed build date makes the same content give the same bytes on any day.
        page.update_date = self.settings.build_date.isoformat()
        return page

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        uri = page.file.src_uri
        ours = self.pages.get(uri)
        if ours is not None:
            page.meta.setdefault("template", ours.template)
        if self.network is not None and uri in self.network.pages:
            # Our reading of the front matter, not YAML 1.1's (`title: NO` stays "NO").
            page.meta.update(self.network.pages[uri].model_dump(exclude_defaults=True))
        if ours is not None:
            # The handbook: out of search and sitemap, noindex; a newsletter edition dated
            # after the build date: out of the sitemap.
            page.meta.update(ours.meta)
        if ours is not None and ours.item is not None:
            page.meta["title"] = ours.title
            page.meta["description"] = ours.description
        elif ours is not None and ours.description:
            page.meta.setdefault("description", ours.description)
        # Material prints these unescaped in <title>, <meta>, header and nav.
        sanitize.escape_meta(page.meta, ("title", "description", "subtitle"))
        return markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Item bodies come from partners: only allow-listed HTML reaches the site.
        ours = self.pages.get(page.file.src_uri)
        if ours is not None and ours.item is not None:
            sanitize.clean_toc(page.toc)
            return sanitize.clean(html)
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.breadcrumbs is not None:
            self.breadcrumbs.unmark()
        return website.valid_html(output)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # 404.html is a theme template, rendered without a page.
        return website.valid_html(output_content) if template_name == "404.html" else None

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        # Our templates read these; TemplateContext does not declare them.
        ours = cast(dict[str, Any], context)
        generated = self.pages.get(page.file.src_uri)
        item = generated.item if generated is not None else None
        ours["network"] = self.network
        ours["item"] = item
        if generated is not None:
            ours.update(generated.context)
        breadcrumbs = self.breadcrumbs
        assert breadcrumbs is not None
        ours["netwerk_breadcrumb"] = breadcrumbs.trail(page)
        breadcrumbs.mark_section(page, nav)  # until on_post_page
        if isinstance(item, NewsItem) and page.content:
            self.news_html[item.slug] = page.content  # converted once, reused in feeds
        return context

    # Last, after every other plugin has written its files (the search index).
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the news feeds (from the rendered pages); wait for the emails and calendars;
        put the new site in place of the previous one."""
        self._write_news_feeds(config)
        try:
            self._wait_beside()
        except RuntimeError as error:
            raise PluginError(
                f"netwerk: e-mails en kalenders schrijven mislukt:\n{error}"
            ) from None
        if self.staging.warnings:
            return  # --strict stops the build right after this event: the previous site stays
        self.staging.finish()  # on failure, on_build_error discards the staging folder

    def on_build_error(self, *, error: Exception) -> None:
        # The build has failed already, with the error that matters.
        with suppress(RuntimeError):
            self._wait_beside()
        self.staging.abort()

    def on_shutdown(self) -> None:
        # After an interruption (Ctrl+C), which is no build error.
        with suppress(RuntimeError):
            self._wait_beside()
        self.staging.abort()

    def _wait_beside(self) -> None:
        beside, self.beside = self.beside, None
        if beside is not None:
            beside.wait()

    def _write_emails_and_calendars(self, network: Network, config: MkDocsConfig) -> None:
        """Every file the newsletters and the agenda add besides pages and news feeds, and the
        files other pages write beside them (CSV)."""
        from ..agenda import calendars

        written: dict[str, str | bytes] = dict(self.page_files)
        if self.mailing is not None and self.letters.letters:
            from ..newsletters.emails import environment, outputs

            env = environment([config.theme.custom_dir] if config.theme.custom_dir else [])
            written.update(
                outputs(
                    self.letters.letters,
                    self.letters.wholes,
                    self.audiences,
                    self.settings,
                    self.mailing,
                    env,
                    self._feed_site(config),
                )
            )
        site = calendars.Site(config.site_name, config.site_url)
        written.update(calendars.files(network, site, self.options.calendar_past_days))
        write_files(config.site_dir, written)

    # --- Newsletters and feeds: the work is done in netwerk.newsletters, .emails and .feeds.

    def _feed_site(self, config: MkDocsConfig) -> FeedSite:
        from ..newsletters.feeds import FeedSite

        return FeedSite(
            site_url=config.site_url or "",
            site_name=config.site_name,
            description=config.site_description or "",
            zone=self.settings.zone,
            build_date=self.settings.build_date,
        )

    def _write_news_feeds(self, config: MkDocsConfig) -> None:
        if self.network is None or not config.site_url:
            return
        from ..newsletters.feeds import news_feeds

        feeds = news_feeds(self.network, self._feed_site(config), self.news_html)
        write_files(config.site_dir, dict(feeds))

    def _feed_links(self, config: MkDocsConfig) -> dict[str, Any]:
        if not config.site_url:
            return {}
        from ..newsletters.feeds import feed_links

        audiences = [(audience.slug, audience.name) for audience in self.audiences]
        return feed_links(self.settings.sectors, audiences)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        filters.register(env, self.settings, url_filter)
        env.globals["netwerk_feeds"] = self._feed_links(config)
        assert self.network is not None
        agenda.register(env, self.network, site_name=config.site_name, site_url=config.site_url)
        website.register(env, (file.src_uri for file in files.documentation_pages()))
        return env


def _with_email_logo(options: Options, config: MkDocsConfig) -> Options:
    """Mail programs show no SVG: an SVG logo's emails get the PNG of the same name beside it
    (in the site's overrides or content), when there is one."""
    look = options.look
    if not look.logo or look.email_logo or not look.logo.lower().endswith(".svg"):
        return options
    png = look.logo[: -len(".svg")] + ".png"
    folders = [folder for folder in (config.theme.custom_dir, config.docs_dir) if folder]
    if not any(Path(folder, png).is_file() for folder in folders):
        return options
    look = replace(look, email_logo=png)
    mailing = replace(options.mailing, look=look) if options.mailing else None
    return replace(options, look=look, mailing=mailing)


def _template_source(file: File, overrides: str | None) -> bool:
    """A template in the site's own overrides, such as `netwerk/email/email.txt`."""
    return bool(
        overrides
        and file.src_uri.startswith("netwerk/")
        and file.abs_src_path
        and Path(file.abs_src_path).is_relative_to(overrides)
    )


def write_files(site_dir: str, files: Mapping[str, str | bytes]) -> None:
    """Write every file that is not a page (emails, calendars, feeds) into the site folder."""
    for path, content in files.items():
        target = Path(site_dir, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Bytes, so text files get "\n" line ends on every system, as MkDocs writes them.
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
