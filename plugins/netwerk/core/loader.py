"""Load a network from a content folder: read, validate, relate. All problems in one run."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar, get_origin

from pydantic import BaseModel, ValidationError

from .figures import FIGURES_FILE, Figures
from .files import DEFAULT_STATIC_TYPES, NOT_A_FILE, scan
from .frontmatter import Source, control_problems, decode, read_data_file, read_source
from .memo import ReadMemo, checked
from .models import (
    COLLECTIONS,
    ORGANISATION_FILE,
    Context,
    Item,
    Organisation,
    PageMeta,
    vocabulary_of,
)
from .network import Network
from .problems import FILE, ContentError, Problem, did_you_mean, field_hint
from .settings import Settings

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
            organisation = _validate(Organisation, source, context, problems) or organisation

    figures = Figures()
    if FIGURES_FILE in uris:
        raw = read(FIGURES_FILE)
        if raw is not None:
            source = read_data_file(display(FIGURES_FILE), raw)
            figures = _validate(Figures, source, context, problems) or figures

    if problems:
        raise ContentError(_one_line(problem) for problem in problems)
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
        item = _validate(model, source, context, problems)
        if item is not None:
            item.from_file(slug, source.path, source.body)
        return item

    return check


def _page_check(
    shown: str, raw: bytes, context: Context
) -> Callable[[list[Problem]], PageMeta | None]:
    return lambda problems: _validate(PageMeta, read_source(shown, raw), context, problems)


def _one_line(problem: Problem) -> Problem:
    """Editors' text quoted in a problem, with line breaks and control characters made visible."""
    field, message = _printable(problem.field), _printable(problem.message)
    if (field, message) == (problem.field, problem.message):
        return problem
    return Problem(problem.path, problem.line, field, message)


def _printable(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


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


def content_files(content_dir: Path) -> list[str]:
    """Every file under content_dir, as a path relative to it (`partners/x.md`), in one walk.

    Sorted as paths are (folder by folder). Links to folders are not followed, as in MkDocs.
    """
    found: list[str] = []
    for folder, _, names in os.walk(content_dir):
        relative = Path(folder).relative_to(content_dir).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        found.extend(prefix + name for name in names)
    return sorted(found, key=lambda uri: uri.split("/"))


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
    return _validate(model, source, context, problems)


def _validate(
    model: type[M], source: Source, context: Context, problems: list[Problem]
) -> M | None:
    problems.extend(source.problems)
    if source.problems and not source.data:
        return None  # unreadable: nothing to check field by field
    try:
        item = model.model_validate(source.data, context=context)
    except ValidationError as error:
        problems.extend(_translate(error, source, model, context.settings))
        return None
    if source.problems:
        return None
    if isinstance(item, Item):
        for name, message in item.checks():
            problems.append(Problem(source.path, source.line_of((name,)), name, message))
    return item


def _translate(
    error: ValidationError, source: Source, model: type[BaseModel], settings: Settings
) -> Iterable[Problem]:
    for detail in error.errors(include_url=False):
        location = tuple(detail["loc"])
        field = ".".join(str(part) for part in location if isinstance(part, str)) or source.block
        line = source.line_of(location)
        example = Example(model, location, settings)
        yield Problem(source.path, line, field, _message(detail, location, model, example))


def _message(
    detail: Any, location: tuple[Any, ...], model: type[BaseModel], example: Example
) -> str:
    kind, value = detail["type"], detail.get("input")
    if kind == "missing":
        return f"ontbreekt; {_to_fill(location, 'voeg', 'toe', example)}"
    if kind == "extra_forbidden":
        known = _field_names(model, location[:-1])
        return f"is geen bekend veld; {field_hint(str(location[-1]), known)}"
    if kind == "string_too_long":
        return (
            f"is {len(str(value))} tekens lang; schrijf er hoogstens {detail['ctx']['max_length']}"
        )
    if value is None or kind == "string_too_short":
        if _required(model, location):
            return f"is leeg; {_to_fill(location, 'vul', 'in', example)}"
        return "is leeg; vul een waarde in of haal de regel weg"
    if kind == "too_short":
        return f"is een lege lijst; noem er minstens één, zoals [{example.first}]"
    if kind in ("string_type", "str_type"):
        return "verwacht één tekst, geen lijst of reeks velden"
    if kind in ("list_type", "tuple_type"):
        return f"verwacht een lijst, zoals {example.list}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        names = ", ".join(_field_names(model, location))
        return f"verwacht velden ({names}), elk op een eigen, ingesprongen regel"
    if kind in ("bool_parsing", "bool_type"):
        return f"'{value}' is geen ja/nee-waarde; schrijf true of false"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{value}' is geen heel getal; schrijf bijvoorbeeld 1"
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", detail.get("ctx", {}).get("expected", ""))
        return f"'{value}' is geen geldige waarde; {did_you_mean(str(value), options)}"
    if detail["type"] in _OUR_ERRORS:
        message: str = detail["msg"]
        return message
    written = example.written().removeprefix(", bijvoorbeeld ")
    if written:
        return f"heeft een waarde die hier niet past; schrijf het zoals {written}"
    return (
        "heeft een waarde die hier niet past; kijk in de handleiding (Items en velden) "
        "wat dit veld verwacht"
    )


# Error types raised by our own validators, whose messages are already written for editors.
_OUR_ERRORS = {
    "choice",
    "reference",
    "url",
    "image",
    "date",
    "time",
    "when",
    "list",
    "line",
    "location",
    "count",
    "participants",
    "figures",
    "results",
}


def _field_names(model: type[BaseModel], location: tuple[Any, ...]) -> list[str]:
    """The field names of the (nested) model at this location."""
    current: Any = model
    keyed = False  # the next part is a key of a mapping of models, like results.po
    for part in location:
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        field = current.model_fields.get(part)
        if field is None:
            return []
        keyed = get_origin(field.annotation) is dict
        current = _model_in(field.annotation)
        if current is None:
            return []
    return list(current.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


# What a required field holds, for "vul een titel in" and "voeg een titel toe".
_NOUNS = {
    "title": "een titel",
    "name": "een naam",
    "subject": "een onderwerp",
    "summary": "een samenvatting van één of twee zinnen",
    "sectors": "een of meer werkvelden",
    "membership": "het lidmaatschap",
    "theme": "een thema",
    "status": "de status",
    "goal": "het doel",
    "start": "de datum (en tijd) van het begin",
    "date": "de datum",
    "kind": "de soort",
    "role": "de rol",
}


def _to_fill(location: tuple[Any, ...], verb: str, particle: str, example: Example) -> str:
    """`vul een titel in, bijvoorbeeld title: ...` for a required field."""
    name = location[-1] if location else ""
    noun = _NOUNS.get(str(name))
    if noun is None:
        return f"dit veld is verplicht{example.written()}"
    return f"{verb} {noun} {particle}{example.written()}"


def _field_info(model: type[BaseModel], location: tuple[Any, ...]) -> Any:
    """The pydantic field at this location (list positions skipped), or None."""
    if not location or not isinstance(location[-1], str):
        return None
    parent = model
    for part in location[:-1]:
        if isinstance(part, str):
            field = parent.model_fields.get(part)
            found = _model_in(field.annotation) if field is not None else None
            if found is None:
                return None
            parent = found
    return parent.model_fields.get(location[-1])


def _required(model: type[BaseModel], location: tuple[Any, ...]) -> bool:
    field = _field_info(model, location)
    return field is not None and field.is_required()


class Example:
    """The example value of a field in messages: from the network's own lists where the field
    takes their codes (`sectors: [po, so]`), else the model's example."""

    def __init__(self, model: type[BaseModel], location: tuple[Any, ...], settings: Settings):
        self.name = str(location[-1]) if location else ""
        field = _field_info(model, location)
        self.value: Any = None
        if field is None:
            return
        examples = field.examples or []
        vocabulary = vocabulary_of(field.annotation, field.metadata)
        codes = list(settings.vocabulary(vocabulary)) if vocabulary else []
        if codes:
            many = get_origin(field.annotation) is list or (
                examples and isinstance(examples[0], list)
            )
            self.value = codes[:2] if many else codes[0]
        elif examples:
            self.value = examples[0]

    @property
    def first(self) -> str:
        """One value, for a list that needs at least one."""
        if isinstance(self.value, list) and self.value:
            return str(self.value[0])
        return str(self.value) if self.value else "..."

    @property
    def list(self) -> str:
        if isinstance(self.value, list):
            return "[" + ", ".join(self.value) + "]"
        return "[eerste, tweede]"

    def written(self) -> str:
        """`, bijvoorbeeld sectors: [po, vo]`, or nothing without an example."""
        if self.value is None:
            return ""
        value = self.list if isinstance(self.value, list) else self.value
        return f", bijvoorbeeld {self.name}: {value}"
