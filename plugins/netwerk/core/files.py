"""Which files under content/ may be read and published: checked before anything is opened.

MkDocs publishes every file under docs_dir and follows links to folders anywhere on the disk. A
pull request could so publish the build machine's files (a link to /etc/passwd, or to a folder
with secrets), hang the build (a named pipe is read as if it were a page, and waits forever) or
put a script on the site's own origin (an SVG "logo"). So, before any file is read:

- a symbolic link to a folder is refused (MkDocs would follow it, wherever it points), and so is
  a link to a file outside content/; a link to a file inside content/ is read as that file;
- anything that is not a regular file (a pipe, device or socket) is refused and never opened;
- only known types are published besides the pages (`static_types` in mkdocs.yml);
- an SVG with scripts, foreignObject, event handlers or references to other files is refused.

The plugin removes every other file from what MkDocs publishes. Pure Python: no MkDocs imports.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from xml.parsers import expat

from .problems import FILE, Problem

# Published as they are, besides the pages: images, documents, audio, video and subtitles.
DEFAULT_STATIC_TYPES = (
    *(".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico"),
    *(".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".csv", ".txt"),
    *(".mp3", ".mp4", ".webm", ".vtt"),
)
# Read by the loader, never published as they are.
DATA_FILES = ("organisatie.yml", "cijfers.yml")

NOT_A_FILE = (
    "is geen gewoon bestand (maar bijvoorbeeld een pipe, apparaat of socket) en wordt niet "
    "gelezen; verwijder het uit de map"
)
LINK_TO_FOLDER = (
    "is een snelkoppeling (symbolische link) naar een map; die wordt niet gevolgd, zodat er geen "
    "bestanden van elders op de site komen; zet de map zelf in {folder}/"
)
FOLDER_OUTSIDE = (
    "ligt buiten het project (de map met mkdocs.yml){how}; zo kunnen er bestanden van elders op "
    "de site komen; zet de map zelf in het project"
)
LINK_OUTSIDE = (
    "is een snelkoppeling (symbolische link) naar een bestand buiten {folder}/; zet het bestand "
    "zelf in de map, zodat er geen bestanden van elders op de site komen"
)
# Names Windows keeps for devices, with any extension (`con.md`, `nul.png`): a repository with
# one cannot be checked out there.
WINDOWS_NAMES = frozenset(
    {"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10))}
)
UNREADABLE = "kan niet gelezen worden; controleer of het bestand bestaat en of je het mag openen"
SVG_FIX = (
    "sla de afbeelding opnieuw op zonder scripts en zonder verwijzingen naar andere bestanden "
    "(bijvoorbeeld met SVGOMG), of gebruik een PNG"
)


# Published from the site's overrides besides static_types (MkDocs copies every file of a theme
# folder that is not a template), and read there as templates: pages, sitemap.xml, emails.
THEME_TYPES = (
    *(".html", ".xml", ".txt", ".css", ".js", ".map", ".json", ".webmanifest"),
    *(".woff", ".woff2", ".ttf", ".otf"),
)
# What MkDocs leaves out of a theme folder (Files.add_files_from_theme), never read either.
_NOT_FROM_THEME = re.compile(r"(^|/)\.|\.(py|pyc|md|markdown)$|readme|^mkdocs_theme\.yml$")


def scan(
    content_dir: Path,
    static_types: Iterable[str],
    display: Callable[[str], str],
    problems: list[Problem],
) -> list[str]:
    """Every file under content_dir that may be read and published, as a path relative to it
    (`partners/x.md`), sorted folder by folder; a problem for each one refused."""

    def checked(uri: str) -> bool:
        return published(uri) and not uri.endswith(".md") and uri not in DATA_FILES

    return _scan(content_dir, "content", static_types, checked, display, problems)


def scan_theme(
    folder: Path,
    static_types: Iterable[str],
    display: Callable[[str], str],
    problems: list[Problem],
) -> list[str]:
    """The same rules for the site's own theme folder (`custom_dir`, overrides/): its templates
    are rendered into every page and its other files published as they are, the logo too."""

    def checked(uri: str) -> bool:
        return not _NOT_FROM_THEME.search(uri.lower())

    shown = folder.name
    return _scan(folder, shown, (*static_types, *THEME_TYPES), checked, display, problems)


def windows_problem(name: str) -> str | None:
    """A message for a file or folder name that Windows cannot hold."""
    stem = name.split(".", 1)[0].rstrip(" ").lower()
    if stem not in WINDOWS_NAMES:
        return None
    return (
        f"'{name}' is een naam die Windows voor een apparaat gebruikt; wie de site op Windows "
        "ophaalt, krijgt het bestand niet; kies een andere naam"
    )


def folder_problem(folder: Path, root: Path) -> str | None:
    """FOLDER_OUTSIDE for a folder a setting names (docs_dir, custom_dir, newsletters_dir)
    that is, or leads through a symbolic link to, a folder outside the project (root)."""
    inside = os.path.realpath(root)
    try:
        target = os.path.realpath(folder)
        if os.path.commonpath([inside, target]) == inside:
            return None
    except (OSError, ValueError):  # ValueError: another drive
        pass
    linked = any(part.is_symlink() for part in (folder, *folder.parents) if part != root)
    how = " (via een snelkoppeling, een symbolische link)" if linked else ""
    return FOLDER_OUTSIDE.format(how=how)


def _scan(
    top: Path,
    shown: str,
    static_types: Iterable[str],
    checked: Callable[[str], bool],
    display: Callable[[str], str],
    problems: list[Problem],
) -> list[str]:
    types = {suffix.lower() for suffix in static_types}
    inside = os.path.realpath(top)
    found: list[str] = []
    for folder, folders, names in os.walk(top):
        relative = Path(folder).relative_to(top).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        for name in list(folders):
            if os.path.islink(os.path.join(folder, name)):
                folders.remove(name)
                problems.append(
                    Problem(display(prefix + name), 1, FILE, LINK_TO_FOLDER.format(folder=shown))
                )
            elif windows := windows_problem(name):
                folders.remove(name)
                problems.append(Problem(display(prefix + name), 1, FILE, windows))
        for name in names:
            uri = prefix + name
            problem = _problem(Path(folder, name), uri, inside, shown, types, checked)
            if problem is None:
                found.append(uri)
            else:
                problems.append(Problem(display(uri), problem[0], FILE, problem[1]))
    return sorted(found, key=lambda uri: uri.split("/"))


def link_problem(path: Path, inside: str, folder: str = "content") -> str | None:
    """LINK_OUTSIDE for a symbolic link to an existing file outside the folder `inside` (a real
    path, shown as `folder`); None for anything else, a broken link included (it publishes
    nothing)."""
    try:
        if not path.is_symlink() or not path.exists():
            return None
        target = os.path.realpath(path)
        if os.path.commonpath([inside, target]) == inside:
            return None
    except (OSError, ValueError):  # ValueError: another drive
        pass
    return LINK_OUTSIDE.format(folder=folder)


def _problem(
    path: Path,
    uri: str,
    inside: str,
    shown: str,
    types: set[str],
    checked: Callable[[str], bool],
) -> tuple[int, str] | None:
    windows = windows_problem(path.name)
    if windows:
        return 1, windows
    # Links count from the folder, not from the project: a CI job may keep credentials beside
    # it (google-github-actions/auth writes them to the workspace).
    outside = link_problem(path, inside, shown)
    if outside:
        return 1, outside
    try:
        status = path.stat()
    except OSError:
        # A broken link: a page gets the loader's message when it is read; MkDocs would fail
        # copying any other file.
        return None if uri.endswith(".md") else (1, UNREADABLE)
    if not stat.S_ISREG(status.st_mode):
        return 1, NOT_A_FILE
    if not checked(uri):
        return None
    suffix = PurePosixPath(uri).suffix.lower()
    if suffix not in types:
        kind = f"van het type {suffix}" if suffix else "zonder extensie"
        return (
            1,
            f"een bestand {kind} komt niet op de site; haal het weg, of zet het type onder "
            "static_types in mkdocs.yml als het er wel op hoort",
        )
    if suffix == ".svg":
        try:
            return svg_problem(path.read_bytes())
        except OSError:
            return 1, UNREADABLE
    return None


def published(uri: str) -> bool:
    """Whether MkDocs publishes this path at all: not hidden (`.git/`, `.DS_Store`), not in
    `templates/` (MkDocs' own exclusions)."""
    parts = uri.split("/")
    return not any(part.startswith(".") for part in parts) and parts[0] != "templates"


# --- SVG ---------------------------------------------------------------------------------------

# Elements that run code or load other content in an SVG opened on the site's own origin.
_ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
# An embedded raster image is part of the file; any other reference leaves it.
_EMBEDDED = re.compile(r"^\s*(#|data:image/(png|jpeg|gif|webp);)", re.IGNORECASE)
_URL_IN_STYLE = re.compile(
    r"url\(\s*(?![\s'\"]*#)['\"]?\s*([^)'\"]*)|@import|javascript:", re.IGNORECASE
)


class _SvgProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def svg_problem(raw: bytes) -> tuple[int, str] | None:
    """(line, message) for the first thing in an SVG that could run code or load another file;
    None for a plain drawing."""
    parser = expat.ParserCreate(namespace_separator=" ")
    depth = [0]
    in_style = [False]

    def fail(message: str) -> None:
        raise _SvgProblem(parser.CurrentLineNumber, message)

    def external(reference: str) -> None:
        fail(f"de SVG verwijst naar '{_short(reference)}' buiten het bestand; {SVG_FIX}")

    def start(name: str, attributes: dict[str, str]) -> None:
        written = name.rsplit(" ", 1)[-1]
        local = written.lower()
        if depth[0] == 0 and local != "svg":
            fail(f"is geen SVG (het bestand begint met <{written}>, niet met <svg>); {SVG_FIX}")
        depth[0] += 1
        if local in _ACTIVE_ELEMENTS:
            fail(f"de SVG bevat <{written}>, dat op de site code kan uitvoeren; {SVG_FIX}")
        in_style[0] = local == "style"
        for attribute, value in attributes.items():
            key = attribute.rsplit(" ", 1)[-1].lower()
            if key.startswith("on"):
                fail(f"de SVG bevat het attribuut {key}, dat code uitvoert; {SVG_FIX}")
            if key == "href" and not _EMBEDDED.match(value):
                external(value)
            if (
                key == "attributename"
                and local in ("set", "animate")
                and (value.lower().endswith("href") or value.lower().startswith("on"))
            ):
                fail(f"de SVG verandert met <{local}> een koppeling of een handler; {SVG_FIX}")
            style = _URL_IN_STYLE.search(value)
            if style:
                external(style.group(1) or style.group())

    def end(name: str) -> None:
        in_style[0] = False

    def text(data: str) -> None:
        style = _URL_IN_STYLE.search(data) if in_style[0] else None
        if style:
            external(style.group(1) or style.group())

    def entity(*_: object) -> None:
        fail(f"de SVG definieert eigen entiteiten (<!ENTITY>); {SVG_FIX}")

    def instruction(target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            fail(f"de SVG laadt een stylesheet van buiten het bestand; {SVG_FIX}")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.EntityDeclHandler = entity
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(raw, True)
    except _SvgProblem as problem:
        return problem.line, problem.message
    except expat.ExpatError as error:
        return max(error.lineno, 1), (
            "is geen leesbare SVG (de XML klopt niet op deze regel); sla de afbeelding opnieuw "
            "op als SVG, of gebruik een PNG"
        )
    if depth[0] == 0:
        return 1, f"is geen SVG (er staat geen <svg> in); {SVG_FIX}"
    return None


def _short(text: str) -> str:
    text = "".join(char if char.isprintable() else " " for char in text).strip()
    return text if len(text) <= 60 else text[:57] + "..."
