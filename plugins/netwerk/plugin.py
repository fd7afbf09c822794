"""The MkDocs glue: validate before anything is written, then turn the network into pages."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from contextlib import suppress
from email.utils import parseaddr
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler
from mkdocs.utils.templates import TemplateContext, url_filter

from . import agenda, dates, sanitize, website
from .beside import Beside
from .config import NetwerkConfig
from .models import COLLECTIONS, ORGANISATION_FILE, Item
from .network import Network
from .newsletters import Audience, Edition, Mailing, Newsletter, select
from .options import Options, options_from
from .problems import ContentError
from .settings import Settings
from .sources import load_sources
from .staging import Staging

if TYPE_CHECKING:
    from .emails import Email
    from .feeds import FeedSite

# Calendars, emails and feeds (icalendar, css-inline, feedgen) are imported where they are
# written, so `netwerk controleer`, which runs only the validating hooks, starts fast.

log = get_plugin_logger("netwerk")

# Overview pages we generate when the editors have not written their own `index.md`.
OVERVIEWS = {
    "partners": "Partners",
    "themas": "Thema's",
    "projecten": "Projecten",
    "agenda": "Agenda",
    "nieuws": "Nieuws",
    "kennisbank": "Kennisbank",
}
ORGANISATION_PAGE = "organisatie.md"

# An empty YAML block keeps MkDocs from reading the body's first lines as metadata.
_NO_META = "---\n{}\n---\n"


class NetwerkPlugin(BasePlugin[NetwerkConfig]):
    def __init__(self) -> None:
        self.options: Options  # set by on_config, the first hook MkDocs calls
        self.network: Network | None = None
        self.items_by_uri: dict[str, Item] = {}
        self.templates_by_uri: dict[str, str] = {}
        # Newsletters and feeds (netwerk.newsletters, .emails, .feeds).
        self.editions: list[Edition] = []
        self.letters: list[Newsletter] = []
        self.wholes: dict[str, Email] = {}
        self.newsletter_context: dict[str, dict[str, Any]] = {}
        self.news_html: dict[str, str] = {}
        # Generated pages of the website (sector pages, news archive, in numbers, home): their
        # template context and default front matter.
        self.context_by_uri: dict[str, dict[str, Any]] = {}
        self.meta_by_uri: dict[str, dict[str, Any]] = {}
        # Emails and calendars are written beside the page rendering (netwerk.beside).
        self.beside: Beside | None = None
        # The build writes beside site_dir, which it replaces when all went well (netwerk.staging).
        self.command: str | None = None
        self.dirty = False
        self.staging: Staging | None = None
        self.config_with_staging: MkDocsConfig | None = None
        self.warnings: CountHandler | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    # First, so that every other plugin sees the staging folder as site_dir.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.options = options_from(
                dict(self.config), site_url=config.site_url, site_name=config.site_name
            )
        except ValueError as error:
            raise PluginError(f"{Path(config.config_file_path).name}: {error}") from None
        self._discard_staging()
        # `mkdocs serve` builds into a folder of its own and keeps serving the last good build;
        # --dirty builds on top of the previous site.
        if self.command != "serve" and not self.dirty:
            self.staging = Staging(config.site_dir)
            self.config_with_staging = config
            config.site_dir = str(self.staging.folder)
            if config.strict:
                # MkDocs counts warnings for --strict only after on_post_build; so do we, to
                # keep the previous site when it is going to stop.
                self.warnings = CountHandler()
                self.warnings.setLevel(logging.WARNING)
                logging.getLogger("mkdocs").addHandler(self.warnings)
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
            sources = load_sources(root, Path(config.docs_dir), self.options)
        except ContentError as error:
            raise PluginError(error.report()) from None
        self.network, self.editions = sources.network, sources.editions

    # Run before other plugins (search, sitemap) so they see our generated pages.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        network = self.network
        assert network is not None
        self.items_by_uri.clear()
        self.templates_by_uri.clear()
        folders = {model.folder for model in COLLECTIONS}
        docs_dir = Path(config.docs_dir)
        for file in list(files):
            # Only what validation let through (netwerk.files): MkDocs also follows links to
            # folders and copies any type of file.
            in_docs = file.src_dir is not None and Path(file.src_dir) == docs_dir
            if in_docs and file.src_uri not in network.files:
                files.remove(file)
                continue
            folder = file.src_uri.split("/", 1)[0]
            is_item = folder in folders and file.is_documentation_page() and "/" in file.src_uri
            if (is_item and not file.src_uri.endswith("/index.md")) or (
                file.src_uri == ORGANISATION_FILE
            ):
                files.remove(file)

        for item in network.items():
            uri = f"{item.folder}/{item.slug}.md"
            body = item.body
            file = File.generated(
                config, uri, content=_NO_META + body, inclusion=InclusionLevel.NOT_IN_NAV
            )
            file.edit_uri = item.path.split("/", 1)[-1]
            files.append(file)
            self.items_by_uri[uri] = item
            self.templates_by_uri[uri] = f"netwerk/{item.folder}-item.html"

        for folder, title in OVERVIEWS.items():
            uri = f"{folder}/index.md"
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, content=f"{_NO_META}# {title}\n"))
            self.templates_by_uri[uri] = f"netwerk/{folder}.html"
        if files.get_file_from_path(ORGANISATION_PAGE) is None:
            files.append(
                File.generated(config, ORGANISATION_PAGE, content=f"{_NO_META}# Organisatie\n")
            )
        self.templates_by_uri[ORGANISATION_PAGE] = "netwerk/organisatie.html"
        self._newsletter_files(network, files, config)
        self._website_pages(network, files, config)
        self._agenda_pages(network, files, config)
        # MkDocs has cleaned the site directory; the pages are next.
        self.beside = Beside(lambda: self._write_emails_and_calendars(network, config))
        return files

    def _website_pages(self, network: Network, files: Files, config: MkDocsConfig) -> None:
        self.context_by_uri = website.overview_context(network)
        self.meta_by_uri = {
            uri: {"description": text} for uri, text in website.OVERVIEW_DESCRIPTIONS.items()
        }
        for generated in website.generated_pages(network):
            if files.get_file_from_path(generated.uri) is None:
                content = f"{_NO_META}# {generated.title}\n"
                files.append(
                    File.generated(
                        config, generated.uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV
                    )
                )
            self.templates_by_uri[generated.uri] = generated.template
            self.context_by_uri[generated.uri] = generated.context
            self.meta_by_uri[generated.uri] = {"description": generated.description}
        # The accessibility statement and privacy page are linked from every page's footer.
        for uri in website.FOOTER_PAGES:
            footer_page = files.get_file_from_path(uri)
            if footer_page is not None and footer_page.inclusion == InclusionLevel.INCLUDED:
                footer_page.inclusion = InclusionLevel.NOT_IN_NAV
        self.templates_by_uri["index.md"] = "netwerk/home.html"
        featured = self.options.featured_memberships
        self.context_by_uri["index.md"] = {"home": website.home(network, featured)}

    def _agenda_pages(self, network: Network, files: Files, config: MkDocsConfig) -> None:
        for agenda_page in agenda.pages(network):
            uri = agenda_page.uri
            if agenda_page.generated and files.get_file_from_path(uri) is None:
                content = f"{_NO_META}# {agenda_page.title}\n"
                files.append(
                    File.generated(
                        config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV
                    )
                )
            self.templates_by_uri[uri] = agenda_page.template
            self.context_by_uri.setdefault(uri, {})["agenda"] = agenda_page
            self.meta_by_uri.setdefault(uri, {})["description"] = agenda_page.description

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # MkDocs dates every page with the day of the build (sitemap.xml and its gzip header);
        # the fixed build date makes the same content give the same bytes on any day.
        page.update_date = self.settings.build_date.isoformat()
        return page

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        uri = page.file.src_uri
        if uri in self.templates_by_uri:
            page.meta.setdefault("template", self.templates_by_uri[uri])
        if self.network is not None and uri in self.network.pages:
            # Our reading of the front matter, not YAML 1.1's (`title: NO` stays "NO").
            page.meta.update(self.network.pages[uri].model_dump(exclude_defaults=True))
        item = self.items_by_uri.get(uri)
        if item is not None and self.network is not None:
            page.meta["title"] = item.label
            page.meta["description"] = website.describe(item, self.network)
        for key, value in self.meta_by_uri.get(uri, {}).items():
            page.meta.setdefault(key, value)
        # Material prints these unescaped in <title>, <meta>, header and nav.
        sanitize.escape_meta(page.meta, ("title", "description", "subtitle"))
        return markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        # Item bodies come from partners: only allow-listed HTML reaches the site.
        if page.file.src_uri in self.items_by_uri:
            sanitize.clean_toc(page.toc)
            return sanitize.clean(html)
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        return website.valid_html(output)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # 404.html is a theme template, rendered without a page.
        return website.valid_html(output_content) if template_name == "404.html" else None

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        # Our templates read these two; TemplateContext does not declare them.
        ours = cast(dict[str, Any], context)
        ours["network"] = self.network
        ours["item"] = self.items_by_uri.get(page.file.src_uri)
        ours.update(self.newsletter_context.get(page.file.src_uri, {}))
        item = ours["item"]
        if item is not None and item.folder == "nieuws" and page.content:
            # Converted once, reused in feeds; by item, not by the page's last URL segment,
            # which an archive page ("nieuws/2026/") shares with an item named 2026.md.
            self.news_html[item.slug] = page.content
        ours.update(self.context_by_uri.get(page.file.src_uri, {}))
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
        staging = self.staging
        if staging is None:
            return
        if self.warnings is not None and self.warnings.get_counts():
            return  # --strict stops the build right after this event: the previous site stays
        staging.publish()  # on failure, on_build_error discards the staging folder
        self.staging, self.config_with_staging = None, None
        config.site_dir = staging.site_dir  # as it was, for gh-deploy
        self._stop_counting()

    def on_build_error(self, *, error: Exception) -> None:
        # The build has failed already, with the error that matters.
        with suppress(RuntimeError):
            self._wait_beside()
        self._discard_staging()

    def on_shutdown(self) -> None:
        # After an interruption (Ctrl+C), which is no build error.
        with suppress(RuntimeError):
            self._wait_beside()
        self._discard_staging()

    def _discard_staging(self) -> None:
        staging, self.staging = self.staging, None
        if staging is not None:
            staging.discard()
            if self.config_with_staging is not None:
                self.config_with_staging.site_dir = staging.site_dir
        self.config_with_staging = None
        self._stop_counting()

    def _stop_counting(self) -> None:
        if self.warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            self.warnings = None

    def _wait_beside(self) -> None:
        beside, self.beside = self.beside, None
        if beside is not None:
            beside.wait()

    def _write_emails_and_calendars(self, network: Network, config: MkDocsConfig) -> None:
        """Every file the newsletters and the agenda add besides pages and news feeds."""
        from . import calendars

        written: dict[str, str | bytes] = {}
        if self.mailing is not None and self.letters:
            from .emails import environment, outputs

            env = environment(config.theme.dirs)
            written.update(
                outputs(
                    self.letters,
                    self.wholes,
                    self.audiences,
                    self.settings,
                    self.mailing,
                    env,
                    self._feed_site(config),
                )
            )
        site = calendars.Site(config.site_name, config.site_url)
        written.update(calendars.files(network, site, self.options.calendar_past_days))
        for path, content in written.items():
            target = Path(config.site_dir, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            # Bytes, so text files get "\n" line ends on every system, as MkDocs writes them.
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)

    # --- Newsletters and feeds: the work is done in netwerk.newsletters, .emails and .feeds.

    def _feed_site(self, config: MkDocsConfig) -> FeedSite:
        from .feeds import FeedSite

        return FeedSite(
            site_url=config.site_url or "",
            site_name=config.site_name,
            description=config.site_description or "",
            zone=self.settings.zone,
            build_date=self.settings.build_date,
        )

    def _newsletter_files(self, network: Network, files: Files, config: MkDocsConfig) -> None:
        self.newsletter_context.clear()
        self.letters, self.wholes = [], {}
        if self.mailing is None:
            return
        days = self.options.newsletter_horizon_days
        letters = select(network, self.editions, self.audiences, horizon_days=days)
        from .emails import email_for

        self.letters = letters
        self.wholes = {
            letter.url: email_for(letter, self.settings, self.mailing) for letter in letters
        }
        sent = [letter for letter in letters if letter.edition.date <= self.settings.build_date]
        pages: dict[str, tuple[str, str, dict[str, Any]]] = {
            "nieuwsbrief/index.md": (
                "Nieuwsbrief",
                "netwerk/nieuwsbrief.html",
                {
                    "newsletter_audiences": self.audiences,
                    "newsletter_letters": sent,
                    "newsletter_sender": parseaddr(self.mailing.sender)[1],
                },
            )
        }
        for audience in self.audiences:
            own = [letter for letter in sent if letter.audience.slug == audience.slug]
            pages[f"nieuwsbrief/{audience.slug}/index.md"] = (
                f"Nieuwsbrief {audience.name}",
                "netwerk/nieuwsbrief-archief.html",
                {"newsletter_audience": audience, "newsletter_letters": own[::-1]},
            )
        for letter in letters:
            # The web version has every entry: a cut-short email links here for the rest.
            context = {"newsletter": letter, "newsletter_email": self.wholes[letter.url]}
            title = f"{letter.edition.subject} ({letter.audience.name})"
            pages[f"{letter.url}index.md"] = (title, "netwerk/nieuwsbrief-editie.html", context)
        for uri, (title, template, context) in pages.items():
            if files.get_file_from_path(uri) is None:
                # JSON is YAML: the title arrives as written, whatever characters it holds.
                content = f"---\ntitle: {json.dumps(title)}\n---\n"
                inclusion = InclusionLevel.NOT_IN_NAV
                files.append(File.generated(config, uri, content=content, inclusion=inclusion))
            self.templates_by_uri[uri] = template
            self.newsletter_context[uri] = context

    def _write_news_feeds(self, config: MkDocsConfig) -> None:
        if self.network is None or not config.site_url:
            return
        from .feeds import news_feeds

        for path, text in news_feeds(self.network, self._feed_site(config), self.news_html).items():
            target = Path(config.site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    def _feed_links(self, config: MkDocsConfig) -> dict[str, Any]:
        if not config.site_url:
            return {}
        from .feeds import feed_links

        audiences = [(audience.slug, audience.name) for audience in self.audiences]
        return feed_links(self.settings.sectors, audiences)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        # MkDocs renders without autoescape, and Material's templates rely on that. Our own
        # templates print editors' values, so they (and only they) are compiled with it.
        env.autoescape = _autoescape_ours
        env.filters["long_date"] = dates.long_date
        env.filters["short_date"] = dates.short_date
        env.filters["month_year"] = dates.month_year
        env.filters["period"] = lambda activity: dates.period(activity.starts, activity.ends)
        env.filters["label"] = self._label
        env.filters["labels"] = self._labels
        env.filters["link"] = _link
        env.filters["links"] = _links
        env.globals["today"] = self.settings.build_date
        env.globals["netwerk_feeds"] = self._feed_links(config)
        agenda.register(env, site_name=config.site_name, site_url=config.site_url)
        website.register(env, (file.src_uri for file in files.documentation_pages()))
        return env

    def _label(self, slug: str, vocabulary: str) -> str:
        return self.settings.vocabulary(vocabulary).get(slug, slug)

    def _labels(self, slugs: Iterable[str], vocabulary: str) -> str:
        return ", ".join(self._label(slug, vocabulary) for slug in slugs)


# Filters rather than macros: a macro needs an import with context on every page that uses it,
# which costs more than the rest of an item page's own markup.
@pass_context
def _link(context: Context, item: Item) -> Markup:
    """`<a href="../../themas/motivatie/">Motivatie</a>`, relative to the page being rendered."""
    href = url_filter(cast(TemplateContext, context), item.page_url)
    # An f-string with escape(): Markup.format() costs several times more, on every link.
    return Markup(f'<a href="{escape(href)}">{escape(item.label)}</a>')


@pass_context
def _links(context: Context, items: Iterable[Item]) -> Markup:
    return Markup(", ").join(_link(context, item) for item in items)


def _autoescape_ours(template_name: str | None) -> bool:
    return bool(template_name and template_name.startswith("netwerk/"))
