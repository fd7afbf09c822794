"""`netwerk voorbeeld`: the site on the editor's own computer, made again on every save.

After a save, a new *generation* of the site is prepared as `mkdocs build` begins one: the
settings, every content file (only files whose bytes changed are parsed and checked again,
netwerk.core.memo), the list of files and the menu. A page is rendered only when the browser
asks for it, with MkDocs' own functions, so that it is the page a full build writes. The other
files of a full build (feeds, calendars, emails, search index, sitemap) come from a full build
in a separate process, started when one of them is first asked for after a change.

While the content has problems, every page answers with one Dutch page that lists them all;
the admin page (/admin/) is still served, so that the forms can fix them, and reads the
problems from PROBLEMS.
Each page the preview serves reloads itself when a newer generation is ready: a small script,
added only here, waits for it (netwerk.editing.server).
"""

from __future__ import annotations

import json
import logging
import mimetypes
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

from ..admin.page import ADDRESS as ADMIN
from ..core.memo import ReadMemo
from ..plugin.admin import written_admin
from ..plugin.breadcrumbs import Breadcrumbs
from ..plugin.plugin import PACKAGE, NetwerkPlugin
from .check import check_file
from .overlay import problems_page
from .project import unexpected

# A file of a full build that may be a save behind while a newer full build is made.
LAGGING = ("search/search_index.json",)
# The current problems as JSON, for the admin page (netwerk-admin.js); only in the preview.
PROBLEMS = "__voorbeeld__/problemen.json"
# Where the admin page sends a file before saving it, for its problems (Preview.check).
CHECK = "__voorbeeld__/controleer"


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes
    generation: int
    location: str = ""
    # Pages, the problems and "not found" follow each save; the admin page, where a save is
    # the editor's own, does not (a reload would throw away the form).
    reloads: bool = False


@dataclass
class Generation:
    """One reading of the project: what a build knows before it renders its first page."""

    number: int
    site_dir: Path
    problems: list[str] = field(default_factory=list)
    config: MkDocsConfig | None = None
    files: Files | None = None
    nav: Navigation | None = None
    env: jinja2.Environment | None = None
    doc_files: list[File] = field(default_factory=list)
    by_dest: dict[str, File] = field(default_factory=dict)
    breadcrumbs: Breadcrumbs | None = None
    page_files: dict[str, bytes] = field(default_factory=dict)
    # /admin/'s files made without the content, while it has problems (by path below admin/).
    admin: dict[str, bytes] = field(default_factory=dict)
    populated: set[str] = field(default_factory=set)
    seconds: float = 0.0


class Preview:
    """The site of one project, prepared after each change and rendered page by page."""

    def __init__(self, config_file: Path, work_dir: Path) -> None:
        self.config_file = config_file.resolve()
        self.root = self.config_file.parent
        self.work_dir = work_dir
        self.memo = ReadMemo()
        self.templates = _CompiledTemplates()
        # MkDocs' pages and plugins are not made for threads: one request or rebuild at a time.
        self.lock = threading.RLock()
        self.changed = threading.Condition()
        self.current = Generation(0, work_dir / "pagina-0", problems=["nog niet gebouwd"])
        # The full build being made or last made, and the last one that succeeded.
        self.full: _FullBuild | None = None
        self.finished: _FullBuild | None = None
        self.watched: list[Path] = [self.root]

    # --- Generations

    def rebuild(self) -> Generation:
        with self.lock:
            number = self.current.number + 1
            generation = Generation(number, self.work_dir / f"pagina-{number}")
            start = time.perf_counter()
            messages = _Messages()
            with messages:
                try:
                    self._prepare(generation)
                except Exception as error:  # shown to the editor; the preview goes on
                    generation.problems = messages.errors() or _lines(error)
                    generation.admin = _admin_alone(generation.config)
            generation.seconds = time.perf_counter() - start
            old, self.current = self.current, generation
            _close(old)
        with self.changed:
            self.changed.notify_all()
        return generation

    def _prepare(self, generation: Generation) -> None:
        config = load_config(str(self.config_file))
        config.site_dir = str(generation.site_dir)
        generation.config = config
        config.plugins.on_startup(command="serve", dirty=False)
        ours = _netwerk_plugin(config)
        if ours is not None:
            ours.memo, ours.pages_only = self.memo, True
        config = config.plugins.on_config(config)
        generation.config = config
        self.watched = _watched_folders(config, self.root, ours)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = config.theme.get_env()
        env.bytecode_cache = self.templates
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        for file in doc_files:
            if file.page is None:
                Page(None, file, config)
        generation.files, generation.nav, generation.doc_files = files, nav, list(doc_files)
        generation.by_dest = {file.dest_uri: file for file in files if file.inclusion.is_included()}
        generation.breadcrumbs = Breadcrumbs(files)
        # Every page's menu shows the titles of the pages in it.
        for page in nav.pages:
            self._populate(generation, page)
        generation.env = config.plugins.on_env(env, config=config, files=files)
        if ours is not None:
            generation.page_files = ours.build.page_files

    def _populate(self, generation: Generation, page: Page) -> None:
        if page.file.src_uri in generation.populated:
            return
        assert generation.config is not None and generation.files is not None
        _populate_page(page, generation.config, generation.files)
        generation.populated.add(page.file.src_uri)

    # --- Answers

    def respond(self, path: str) -> Response:
        """The answer to a GET of `path` (the URL's path, decoded)."""
        relative = path.lstrip("/")
        with self.lock:
            generation = self.current
            if ".." in relative.split("/") or "\\" in relative or "\0" in relative:
                # Only the site is served: nothing above it, whatever the address says.
                return Response(404, "text/plain; charset=utf-8", b"", generation.number)
            if relative == PROBLEMS:
                body = json.dumps({"problems": generation.problems}, ensure_ascii=False)
                return Response(200, "application/json", body.encode("utf-8"), generation.number)
            if generation.problems:
                admin = relative.removeprefix(f"{ADMIN}/")
                if relative.startswith(f"{ADMIN}/") and (admin or "index.html") in generation.admin:
                    dest = f"{ADMIN}/{admin or 'index.html'}"
                    return self._answer(generation, dest, generation.admin[admin or "index.html"])
                return self._problems_answer(generation, relative)
            try:
                answer = self._file(generation, relative)
            except Exception as error:  # shown to the editor; the preview goes on
                generation.problems = _lines(error)
                return self._problems_answer(generation, relative)
        if isinstance(answer, Response):
            return answer
        # A full build takes a while: other requests are answered meanwhile.
        full, dest = answer
        built = full.wait()
        with self.lock:
            if built:
                self._keep_finished(full)
            target = full.site_dir / dest
            if built and target.is_file():
                return self._answer(generation, dest, target.read_bytes())
            return self._not_found(generation)

    def _file(self, generation: Generation, relative: str) -> Response | tuple[_FullBuild, str]:
        dest = relative
        if dest == "" or dest.endswith("/"):
            dest += "index.html"
        elif f"{dest}/index.html" in generation.by_dest:
            return Response(301, "text/plain", b"", generation.number, location=f"/{dest}/")
        file = generation.by_dest.get(dest)
        if file is not None and file.page is not None:
            body = self._page(generation, file.page)
            return Response(200, _content_type(dest), body, generation.number, reloads=True)
        if file is not None:
            return self._answer(generation, dest, file.content_bytes)
        if dest in generation.page_files:
            return self._answer(generation, dest, generation.page_files[dest])
        return self._full_build_for(generation, dest), dest

    def _page(self, generation: Generation, page: Page) -> bytes:
        target = Path(page.file.abs_dest_path)
        if not target.exists():
            assert generation.config is not None and generation.nav is not None
            assert generation.env is not None and generation.breadcrumbs is not None
            # The page's breadcrumb shows the titles of the pages above it.
            for above in generation.breadcrumbs.ancestors(page):
                self._populate(generation, above)
            self._populate(generation, page)
            _build_page(
                page, generation.config, generation.doc_files, generation.nav, generation.env
            )
        return target.read_bytes()

    def _not_found(self, generation: Generation) -> Response:
        assert generation.config is not None and generation.env is not None
        target = generation.site_dir / "404.html"
        if not target.exists() and "404.html" in generation.config.theme.static_templates:
            assert generation.files is not None and generation.nav is not None
            _build_theme_template(
                "404.html", generation.env, generation.files, generation.config, generation.nav
            )
        body = target.read_bytes() if target.exists() else b"Niet gevonden"
        return Response(404, "text/html; charset=utf-8", body, generation.number, reloads=True)

    def _full_build_for(self, generation: Generation, dest: str) -> _FullBuild:
        """The full build of this generation, started if need be; for the search index, the
        last finished one while a newer one is made (the search box asks on every page)."""
        full, finished = self.full, self.finished
        if full is not None and full.number == generation.number:
            return full
        if full is not None and full.running():
            if dest in LAGGING and finished is not None:
                return finished
            full.stop()
        elif full is not None and full.succeeded():
            self._keep_finished(full)
        elif full is not None:
            full.stop()
        site_dir = self.work_dir / f"volledig-{generation.number}"
        self.full = _FullBuild(self.config_file, site_dir, generation.number)
        if dest in LAGGING and self.finished is not None:
            return self.finished
        return self.full

    def _keep_finished(self, full: _FullBuild) -> None:
        if self.finished is not None and self.finished is not full:
            if self.finished.number > full.number:
                return
            self.finished.stop()
        self.finished = full

    def _answer(self, generation: Generation, dest: str, body: bytes) -> Response:
        if dest == f"{ADMIN}/index.html":
            # Tells netwerk-admin.js where the problems are and where to check a file before it
            # is saved: only the preview has them.
            link = (
                f'<link rel="netwerk-problemen" href="/{PROBLEMS}">\n'
                f'<link rel="netwerk-controle" href="/{CHECK}">\n</head>'
            ).encode()
            body = body.replace(b"</head>", link, 1)
        return Response(200, _content_type(dest), body, generation.number)

    def _problems_answer(self, generation: Generation, relative: str) -> Response:
        body = problems_page(generation.problems, generation.number).encode("utf-8")
        html = relative == "" or relative.endswith(("/", ".html")) or "." not in relative
        if html:  # with its own reload script
            return Response(200, "text/html; charset=utf-8", body, generation.number)
        return Response(
            503,
            "text/plain; charset=utf-8",
            "\n".join(generation.problems).encode(),
            generation.number,
        )

    def check(self, path: str, request: bytes) -> Response:
        """The answer to a POST of `{"path": ..., "text": ...}` (a file, relative to the
        project, as the admin's form would write it) to CHECK: its problems, as the build
        would report them."""
        with self.lock:
            generation = self.current
            config = generation.config
            ours = None if config is None else _netwerk_plugin(config)
            options = getattr(ours, "options", None)
        if path.lstrip("/") != CHECK:
            return Response(404, "text/plain; charset=utf-8", b"", generation.number)
        try:
            asked = json.loads(request)
            file, text = str(asked["path"]), str(asked["text"])
        except (ValueError, KeyError, TypeError):
            return Response(400, "text/plain; charset=utf-8", b"", generation.number)
        found: list[dict[str, object]] = []
        if config is not None and options is not None:
            content = Path(config.docs_dir).resolve()
            prefix = content.relative_to(self.root).as_posix() + "/"
            if file.startswith(prefix) and ".." not in file.split("/"):
                problems = check_file(
                    content, options.settings, file[len(prefix) :], text.encode("utf-8")
                )
                found = [
                    {"field": one.field, "line": one.line, "message": one.message}
                    for one in problems
                ]
        body = json.dumps({"problems": found}, ensure_ascii=False).encode("utf-8")
        return Response(200, "application/json", body, generation.number)

    def wait_for_change(self, after: int, timeout: float) -> int:
        """The newest generation's number, once it is newer than `after` or `timeout` passed."""
        with self.changed:
            self.changed.wait_for(lambda: self.current.number != after, timeout=timeout)
            return self.current.number

    def close(self) -> None:
        with self.lock:
            # MkDocs keeps the plugin objects from one generation to the next: shut down once.
            if self.current.config is not None:
                self.current.config.plugins.on_shutdown()
            _close(self.current)
            for full in (self.full, self.finished):
                if full is not None:
                    full.stop()
            shutil.rmtree(self.work_dir, ignore_errors=True)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept between generations, by name and source (Jinja checks both)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class _FullBuild:
    """`mkdocs build` of the project in a process of its own, for the files besides pages."""

    def __init__(self, config_file: Path, site_dir: Path, number: int) -> None:
        self.site_dir, self.number = site_dir, number
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "-q",
                "-f",
                str(config_file),
                "-d",
                str(site_dir),
            ],
            cwd=config_file.parent,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._code: int | None = None
        self._waited = threading.Lock()

    def wait(self) -> bool:
        with self._waited:
            if self._code is None:
                self._code = self.process.wait()
        return self._code == 0

    def running(self) -> bool:
        return self.process.poll() is None

    def succeeded(self) -> bool:
        return self.process.poll() == 0

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait()
        shutil.rmtree(self.site_dir, ignore_errors=True)


class _Messages(logging.Handler):
    """The errors MkDocs and the plugins log while a generation is prepared."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())

    def errors(self) -> list[str]:
        return [line for text in self.lines for line in text.splitlines() if line.strip()]

    def __enter__(self) -> _Messages:
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("mkdocs").removeHandler(self)


def _lines(error: BaseException) -> list[str]:
    """What went wrong, as lines for the editor: MkDocs', Jinja's and the system's own words,
    a template's file and line; anything else as a fault of netwerk's, never a traceback."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return [f"{error.filename or error.name}:{error.lineno}: sjabloon: {error.message}"]
    if not isinstance(error, (MkDocsException, jinja2.TemplateError, OSError, ValueError)):
        return [unexpected(error, "met wat je veranderde")]
    text = str(error).strip() or type(error).__name__
    return [line for line in text.splitlines() if line.strip()]


def _admin_alone(config: MkDocsConfig | None) -> dict[str, bytes]:
    """/admin/'s files without the content (which has problems), when mkdocs.yml asks for it
    and its settings could be read; otherwise none."""
    ours = None if config is None else _netwerk_plugin(config)
    if config is None or ours is None or getattr(ours, "options", None) is None:
        return {}
    try:
        files = get_files(config)
        files.add_files_from_theme(config.theme.get_env(), config)
        return written_admin(config, files, ours.options, None)
    except Exception:  # the problems page says what is wrong; the forms wait for a fix
        return {}


def _close(generation: Generation) -> None:
    shutil.rmtree(generation.site_dir, ignore_errors=True)


def _netwerk_plugin(config: MkDocsConfig) -> NetwerkPlugin | None:
    found = [plugin for plugin in config.plugins.values() if isinstance(plugin, NetwerkPlugin)]
    return found[0] if found else None


def _watched_folders(config: MkDocsConfig, root: Path, ours: NetwerkPlugin | None) -> list[Path]:
    """Everything a build reads: mkdocs.yml's folder (not its subfolders), the content, the
    newsletters, the site's overrides and the package's own templates."""
    folders = [root, Path(config.docs_dir)]
    if ours is not None:
        folders.append(root / ours.options.newsletters_dir)
    if config.theme.custom_dir:
        folders.append(Path(config.theme.custom_dir))
    folders.append(PACKAGE)
    return [folder.resolve() for folder in folders]


# The system's table of types, without changing it for the rest of the process; Decap CMS reads
# /admin/config.yml as text.
_TYPES = mimetypes.MimeTypes()
_TYPES.add_type("text/yaml", ".yml")


def _content_type(path: str) -> str:
    kind, encoding = _TYPES.guess_type(path)
    if encoding is not None:  # sitemap.xml.gz is a gzip file, as a build writes it
        return "application/gzip"
    if kind is None:
        return "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") else kind
