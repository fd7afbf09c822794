"""One file checked as `netwerk controleer` checks it, before the admin page saves it.

The admin page (netwerk-admin.js) sends the file as its form would write it to the preview
(`netwerk voorbeeld`), which answers with the problems the build would report for it: the
models' own validation and messages, so the form refuses exactly what the build refuses.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..core.collections import ITEMS
from ..core.figures import FIGURES_FILE, Figures
from ..core.frontmatter import read_data_file, read_source
from ..core.loader import IMAGE_SUFFIXES, validate_source
from ..core.messages import printable
from ..core.models import ORGANISATION_FILE, Organisation, PageMeta
from ..core.problems import Problem
from ..core.settings import Settings
from ..core.values import Context

FOLDERS = {collection.folder: collection.model for collection in ITEMS}


def check_file(content_dir: Path, settings: Settings, uri: str, raw: bytes) -> list[Problem]:
    """The problems of the file at `uri` (below the content folder) if it had the text `raw`,
    among the other files as they are now; none for files no model checks."""
    context = _context(content_dir, settings, uri)
    shown = f"{content_dir.name}/{uri}"
    problems: list[Problem] = []
    folder, _, name = uri.rpartition("/")
    if uri in (ORGANISATION_FILE, FIGURES_FILE):
        model = Organisation if uri == ORGANISATION_FILE else Figures
        validate_source(model, read_data_file(shown, raw), context, problems)
    elif folder in FOLDERS and name.endswith(".md") and name != "index.md":
        validate_source(FOLDERS[folder], read_source(shown, raw), context, problems)
    elif uri.endswith(".md") and raw.lstrip(b"\xef\xbb\xbf").startswith(b"---"):
        validate_source(PageMeta, read_source(shown, raw), context, problems)
    # As the loader reports them: what cannot be shown is written out (\U00018d09).
    return sorted(printable(problem) for problem in problems)


def _context(content_dir: Path, settings: Settings, uri: str) -> Context:
    """The names and images there are, as the loader finds them; with the file being saved."""
    slugs = {
        folder: frozenset(
            path.stem for path in (content_dir / folder).glob("*.md") if path.stem != "index"
        )
        | ({PurePosixPath(uri).stem} if uri.startswith(f"{folder}/") else set())
        for folder in FOLDERS
    }
    images = frozenset(
        path.relative_to(content_dir).as_posix()
        for path in content_dir.rglob("*")
        if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file()
    )
    return Context(settings=settings, slugs=slugs, images=images)
