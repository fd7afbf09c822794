"""The MkDocs glue: validate before anything is written, then turn the network into pages.

Each hook hands the work to the part that does it: the pages a site has (netwerk.site), the
files MkDocs gets (.files), the atomic build (.staging), the breadcrumbs (.breadcrumbs), the
templates' filters (netwerk.website.filters), the newsletters' emails and feeds
(netwerk.newsletters.files) and the agenda's calendars (netwerk.agenda.calendars).
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext, url_filter

from .. import site
from ..addresses import check_codes, reserved
from ..agenda import pages as agenda
from ..core import sanitize
from ..core.memo import ReadMemo
from ..core.models import NewsItem
from ..core.options import Options, options_from
from ..core.pages import GeneratedPage
from ..core.problems import ContentError, SettingsError
from ..core.sources import load_sources
from ..newsletters import files as newsletter_files
from ..newsletters import pages as newsletters
from ..website import filters
from ..website import pages as website
from .admin import admin_files
from .beside import Beside
from .breadcrumbs import Breadcrumbs
from .build import Build
from .config import NetwerkConfig
from .files import add_pages, check_addresses, keep_published, set_menu, write_files
from .staging import Staging

# The package's theme templates, each beside the code that fills them. They come after the
# site's own `custom_dir`, so a site can replace any one of them, and before Material's.
PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = [
    str(PACKAGE / part / "templates")
    for part in ("website", "agenda", "newsletters", "numbers", "handbook", "workgroup")
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
        # What this build read and made, fresh for every build (netwerk.plugin.build).
        self.build = Build()
        # The build writes beside site_dir, which it replaces when all went well.
        self.staging = Staging()

    # The current build's pages and news items' HTML (tests/test_messages.py reads them).
    @property
    def pages(self) -> dict[str, GeneratedPage]:
        return self.build.pages

    @property
    def news_html(self) -> dict[str, str]:
        return self.build.news_html

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # MkDocs keeps one plugin object per process for every config it loads (as `mkdocs
        # serve` does): what the preview set is not for the next invocation's builds.
        self.command, self.dirty = command, dirty
        self.memo, self.pages_only = None, False

    # First, so that every other plugin sees the staging folder as site_dir.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        with suppress(RuntimeError):
            self.build.wait_beside()  # the child of a build that was broken off
        self.build = Build()
        if config is not self._nav_config:
            self._nav_config, self._nav_given = config, config.nav
        try:
            self.options = options_from(
                dict(self.config),
                site_url=config.site_url,
                site_name=sanitize.plain(config.site_name),
                theme={key: config.theme.get(key) for key in ("palette", "logo")},
            )
            check_codes(self.options)  # no sector or audience takes an address the site has
        except SettingsError as error:
            raise PluginError(error.report(Path(config.config_file_path).name)) from None
        self.options = _with_email_logo(self.options, config)
        sanitize.escape_config(config)  # for Material's templates; ours read sanitize.plain
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

    # Validate in pre_build: MkDocs cleans the site directory right after this event, so
    # a failed validation leaves the previous site as it was.
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        root = Path(config.config_file_path).parent
        try:
            taken = reserved(self.options.settings)
            theme_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
            sources = load_sources(
                root, Path(config.docs_dir), self.options, taken, self.memo, theme_dir
            )
        except ContentError as error:
            raise PluginError(error.report()) from None
        self.build.network, self.build.editions = sources.network, sources.editions

    # Run before other plugins (search, sitemap) so they see our generated pages.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build, options = self.build, self.options
        network = build.network
        assert network is not None
        keep_published(files, config, network)
        build.letters = newsletters.letters(network, build.editions, options)
        every = site.pages(
            network,
            options,
            site_name=sanitize.plain(config.site_name),
            editions=build.editions,
            letters=build.letters,
            project=(Path(config.config_file_path).parent, Path(config.docs_dir)),
        )
        build.pages = {page.uri: page for page in every}
        add_pages(files, config, every)
        set_menu(files, config, self._nav_given, build.pages)
        build.breadcrumbs = Breadcrumbs(files)
        admin_files(config, files, options, network)  # /admin/, when mkdocs.yml asks
        # The network's colours (theme.palette), checked for contrast, as Material's variables.
        files.append(File.generated(config, LOOK_CSS, content=options.look.css()))
        check_addresses(files, config, build.pages)  # no file of the editors' is overwritten
        # MkDocs has cleaned the site directory; the pages are next.
        if not self.pages_only:
            build.beside = Beside(lambda: _write_beside_pages(build, options, config))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        # The titles of mkdocs.yml's `nav`, which Material prints unescaped, as page titles are.
        sanitize.escape_nav(nav.items)
        return nav

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # MkDocs dates every page with the day of the build (sitemap.xml and its gzip header);
        # the fixed build date makes the same content give the same bytes on any day.
        page.update_date = self.options.settings.build_date.isoformat()
        return page

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        uri = page.file.src_uri
        ours = self.build.pages.get(uri)
        network = self.build.network
        if ours is not None:
            page.meta.setdefault("template", ours.template)
        if network is not None and uri in network.pages:
            # Our reading of the front matter, not YAML 1.1's (`title: NO` stays "NO").
            page.meta.update(network.pages[uri].model_dump(exclude_defaults=True))
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
        ours = self.build.pages.get(page.file.src_uri)
        if ours is not None and ours.item is not None:
            sanitize.clean_toc(page.toc)
            return sanitize.clean(html)
        return html

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        network = self.build.network
        assert network is not None
        filters.register(env, self.options.settings, url_filter)
        feeds_site = _newsletter_site(config)
        env.globals["netwerk_feeds"] = newsletter_files.feed_links(
            feeds_site, self.options, network, self.build.letters
        )
        site_name = sanitize.plain(config.site_name)
        agenda.register(env, network, site_name=site_name, site_url=config.site_url)
        website.register(
            env,
            (file.src_uri for file in files.documentation_pages()),
            self.options.kennisbank_suggest,
        )
        return env

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        # Our templates read these; TemplateContext does not declare them.
        ours = cast(dict[str, Any], context)
        generated = self.build.pages.get(page.file.src_uri)
        item = generated.item if generated is not None else None
        ours["network"] = self.build.network
        ours["item"] = item
        if generated is not None:
            ours.update(generated.template_context())
        breadcrumbs = self.build.breadcrumbs
        assert breadcrumbs is not None
        ours["netwerk_breadcrumb"] = breadcrumbs.trail(page)
        breadcrumbs.mark_section(page, nav)  # until on_post_page
        if isinstance(item, NewsItem) and page.content:
            self.build.news_html[item.slug] = page.content  # converted once, reused in feeds
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.build.breadcrumbs is not None:
            self.build.breadcrumbs.unmark()
        return website.valid_html(output)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # 404.html is a theme template, rendered without a page.
        return website.valid_html(output_content) if template_name == "404.html" else None

    # Last, after every other plugin has written its files (the search index).
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the news feeds (from the rendered pages); wait for the emails and calendars;
        put the new site in place of the previous one."""
        network = self.build.network
        if network is not None:
            feeds = newsletter_files.news_feeds(
                network, _newsletter_site(config), self.options, self.build.news_html
            )
            write_files(config.site_dir, feeds)
        try:
            self.build.wait_beside()
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
            self.build.wait_beside()
        self.staging.abort()

    def on_shutdown(self) -> None:
        # After an interruption (Ctrl+C), which is no build error.
        with suppress(RuntimeError):
            self.build.wait_beside()
        self.staging.abort()


def _write_beside_pages(build: Build, options: Options, config: MkDocsConfig) -> None:
    """Every file the newsletters and the agenda add besides pages and news feeds, and the
    files other pages write beside them (CSV)."""
    # Imported here, as the emails and feeds are (netwerk.newsletters.files): loading the
    # plugin does not load icalendar.
    from ..agenda import calendars

    assert build.network is not None
    written: dict[str, str | bytes] = dict(build.page_files)
    overrides = [config.theme.custom_dir] if config.theme.custom_dir else []
    written.update(
        newsletter_files.emails(build.letters, _newsletter_site(config), options, overrides)
    )
    site = calendars.Site(sanitize.plain(config.site_name), config.site_url)
    written.update(calendars.files(build.network, site, options.calendar_past_days))
    write_files(config.site_dir, written)


def _newsletter_site(config: MkDocsConfig) -> newsletter_files.Site:
    return newsletter_files.Site(
        config.site_url, sanitize.plain(config.site_name), sanitize.plain(config.site_description)
    )


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
