"""Load a network from a content folder: read, validate, relate. All problems in one run.

What pydantic finds wrong is said to editors by netwerk.core.messages.
"""

from __future__ import annotations

import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .figures import FIGURES_FILE, Figures
from .files import DEFAULT_STATIC_TYPES, NOT_A_FILE, scan
from .frontmatter import Source, control_problems, decode, read_data_file, read_source
from .memo import ReadMemo, checked
from .messages import printable, translate
from .models import COLLECTIONS, ORGANISATION_FILE, Item, Organisation, PageMeta
from .network import Network
from .problems import FILE, ContentError, Problem
from .settings import Settings
from .values import Context

M = TypeVar("M", bound=BaseModel)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif"}
# A Markdown or YAML file larger than this is refused unread: no page needs it, and MkDocs would
# take minutes over it.
FILE_MAX = 20 * 2**20
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def load_network(
    content_dir: Path,
    settings: Settings,
    *,
    root: Path | None = None,
    reserved: Mapping[str, Mapping[str, str]] | None = None,
    static_types: Iterable[str] = DEFAULT_STATIC_TYPES,
    memo: ReadMemo | None = None,
) -> Network:
    """Read every collection under content_dir. Raises ContentError with all problems found.

    `reserved` gives, per collection folder, the file names that generated pages take
    (netwerk.addresses), with what takes each. Files are checked before any is read
    (netwerk.core.files): links out of content/, pipes and devices, unknown types and SVGs
    with scripts are refused. With a `memo` (netwerk.core.memo), only files whose bytes changed
    since an earlier call are parsed and validated again.
    """
    root = root or content_dir.parent
    problems: list[Problem] = []
    shown_dir = shown_path(content_dir, root)
    prefix = "" if shown_dir == "." else f"{shown_dir}/"

    def display(uri: str) -> str:
        return prefix + uri

    uris = scan(content_dir, static_types, display, problems)
    files: dict[str, dict[str, str]] = {}
    for model in COLLECTIONS:
        taken = (reserved or {}).get(model.folder, {})
        files[model.folder] = _collection_files(uris, model.folder, taken, display, problems)
    context = Context(
        settings=settings,
        slugs={folder: frozenset(found) for folder, found in files.items()},
        images=frozenset(
            uri for uri in uris if PurePosixPath(uri).suffix.lower() in IMAGE_SUFFIXES
        ),
    )

    if memo is not None:
        memo.start(context)

    def read(uri: str) -> bytes | None:
        return read_file(content_dir / uri, display(uri), problems)

    published: dict[str, dict[str, Any]] = {}
    for model in COLLECTIONS:
        published[model.folder] = {}
        for slug, uri in files[model.folder].items():
            raw = read(uri)
            if raw is None:
                continue
            item = checked(
                memo,
                uri,
                raw,
                _item_check(model, slug, display(uri), raw, context),
                problems,
            )
            if item is None:
                continue
            if not item.draft:
                published[model.folder][slug] = item

    pages: dict[str, PageMeta] = {}
    for uri in uris:
        folder = uri.split("/", 1)[0]
        if not uri.endswith(".md") or (folder in files and uri != f"{folder}/index.md"):
            continue
        raw = read(uri)
        if raw is None:
            continue
        if not raw.lstrip(b"\xef\xbb\xbf").startswith(b"---"):
            # A page without front matter, which MkDocs reads itself: only if it is UTF-8 text.
            text, found = decode(display(uri), raw)
            problems.extend(found)
            if text is not None:
                problems.extend(control_problems(display(uri), text, 1))
            continue
        before = len(problems)
        meta = checked(memo, uri, raw, _page_check(display(uri), raw, context), problems)
        if meta is not None:
            pages[uri] = meta
        if folder in files:  # the overview's own text, which editors take for an item
            problems[before:] = [
                _overview_problem(problem, folder) for problem in problems[before:]
            ]

    organisation = Organisation()
    if ORGANISATION_FILE in uris:
        raw = read(ORGANISATION_FILE)
        if raw is not None:
            source = read_data_file(display(ORGANISATION_FILE), raw)
            organisation = validate_source(Organisation, source, context, problems) or organisation

    figures = Figures()
    if FIGURES_FILE in uris:
        raw = read(FIGURES_FILE)
        if raw is not None:
            source = read_data_file(display(FIGURES_FILE), raw)
            figures = validate_source(Figures, source, context, problems) or figures

    if problems:
        raise ContentError(printable(problem) for problem in problems)
    return Network(
        settings=settings,
        partners=published["partners"],
        themes=published["themas"],
        projects=published["projecten"],
        activities=published["agenda"],
        news=published["nieuws"],
        resources=published["kennisbank"],
        organisation=organisation,
        pages=pages,
        figures=figures,
        files=frozenset(uris),
    )


def _item_check(
    model: type[Item], slug: str, shown: str, raw: bytes, context: Context
) -> Callable[[list[Problem]], Item | None]:
    def check(problems: list[Problem]) -> Item | None:
        source = read_source(shown, raw)
        item = validate_source(model, source, context, problems)
        if item is not None:
            item.from_file(slug, source.path, source.body)
        return item

    return check


def _page_check(
    shown: str, raw: bytes, context: Context
) -> Callable[[list[Problem]], PageMeta | None]:
    return lambda problems: validate_source(PageMeta, read_source(shown, raw), context, problems)


def _overview_problem(problem: Problem, folder: str) -> Problem:
    if "is geen bekend veld" not in problem.message:
        return problem
    return replace(
        problem,
        message=f"{problem.message}; {folder}/index.md is de tekst boven de overzichtspagina "
        f"/{folder}/, geen item: een item krijgt een eigen bestand, zoals {folder}/naam.md",
    )


def shown_path(path: Path, root: Path) -> str:
    """A file as editors see it in problems: relative to the project (`content/...`)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_file(path: Path, shown: str, problems: list[Problem]) -> bytes | None:
    """The file's bytes, or None with a problem if it cannot be read (a broken link, no access,
    not a regular file, too large). A pipe or device is never opened: reading it could wait
    forever."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):
            problems.append(Problem(shown, 1, FILE, NOT_A_FILE))
            return None
        if status.st_size > FILE_MAX:
            problems.append(
                Problem(
                    shown,
                    1,
                    FILE,
                    f"is {status.st_size // 2**20} MB groot, meer dan {FILE_MAX // 2**20} MB; "
                    "verdeel de tekst over meer pagina's",
                )
            )
            return None
        return path.read_bytes()
    except OSError:
        problems.append(
            Problem(
                shown,
                1,
                FILE,
                "kan niet gelezen worden; "
                "controleer of het bestand bestaat en of je het mag openen",
            )
        )
        return None


def _collection_files(
    uris: Iterable[str],
    name: str,
    reserved: Mapping[str, str],
    display: Callable[[str], str],
    problems: list[Problem],
) -> dict[str, str]:
    """The Markdown files of one collection by slug; bad names, collisions and nesting reported."""
    found: dict[str, str] = {}
    by_normal_form: dict[str, str] = {}
    # Well-named files first, so that of two names differing only in case the valid one is kept.
    mine = [uri for uri in uris if uri.startswith(f"{name}/") and uri.endswith(".md")]
    for uri in sorted(mine, key=lambda uri: (not SLUG.match(_stem(uri)), uri.split("/"))):
        shown = display(uri)
        if uri.count("/") > 1:
            problems.append(
                Problem(
                    shown,
                    1,
                    FILE,
                    f"staat in een submap; zet het bestand direct in content/{name}/",
                )
            )
            continue
        slug = _stem(uri)
        normal = slugify(slug)
        if normal in by_normal_form:
            problems.append(
                Problem(
                    shown,
                    1,
                    FILE,
                    f"heeft dezelfde naam als {display(by_normal_form[normal])}; "
                    "geef een van beide een andere bestandsnaam",
                )
            )
            continue
        by_normal_form[normal] = uri
        if not SLUG.match(slug):
            suggestion = f"{normal}.md" if normal else "een naam als mijn-item.md"
            problems.append(
                Problem(
                    shown,
                    1,
                    FILE,
                    f"'{slug}.md' is geen geldige bestandsnaam; de naam wordt het webadres, "
                    f"gebruik kleine letters, cijfers en streepjes: {suggestion}",
                )
            )
            continue
        if slug == "index":
            continue  # the collection's own overview page, written by the editors
        if slug in reserved:
            problems.append(
                Problem(
                    shown,
                    1,
                    FILE,
                    f"de naam '{slug}' is al in gebruik voor {reserved[slug]}; "
                    f"kies een andere bestandsnaam, bijvoorbeeld {slug}-{name}.md",
                )
            )
            continue
        found[slug] = uri
    return found


def _stem(uri: str) -> str:
    return uri.rsplit("/", 1)[-1].removesuffix(".md")


def validate_source(
    model: type[M], source: Source, context: Context, problems: list[Problem]
) -> M | None:
    """Validate a read file against any model, with the editors' messages (e.g. newsletters)."""
    problems.extend(source.problems)
    if source.problems and not source.data:
        return None  # unreadable: nothing to check field by field
    try:
        item = model.model_validate(source.data, context=context)
    except ValidationError as error:
        problems.extend(translate(error, source, model, context.settings))
        return None
    if source.problems:
        return None
    if isinstance(item, Item):
        for name, message in item.checks():
            problems.append(Problem(source.path, source.line_of((name,)), name, message))
    return item
