"""A mistake in a template (a page override, an email template) as editors read problems:
the file, the line and what is wrong, in Dutch, instead of a Python traceback.

Jinja raises a syntax error with the template's file and line; at render time its traceback
holds a frame per template line it ran, so the last one names where it stopped.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

FIX = "herstel het sjabloon, of haal het weg: dan geldt weer het standaardsjabloon"


def template_message(error: BaseException, root: Path | None = None) -> str | None:
    """`overrides/main.html:3: sjabloon: ...` for an error of a template; None for any other."""
    if not isinstance(error, TemplateError):
        return None
    if isinstance(error, TemplateNotFound):
        return f"sjabloon: '{error.name}' bestaat niet, maar een ander sjabloon gebruikt het; {FIX}"
    file, line = None, None
    if isinstance(error, TemplateSyntaxError):
        file, line = error.filename, error.lineno
    else:
        frames = [
            frame
            for frame in traceback.extract_tb(error.__traceback__)
            if frame.filename.endswith((".html", ".txt", ".xml", ".css", ".js"))
        ]
        if frames:
            file, line = frames[-1].filename, frames[-1].lineno
    where = f"{_shown(file, root)}:{line or 1}: " if file else ""
    what = error.message if error.message else type(error).__name__
    return f"{where}sjabloon: klopt niet ({what}); {FIX}"


def _shown(file: str, root: Path | None) -> str:
    base = str(root or Path.cwd())
    try:
        relative = os.path.relpath(file, base)
    except ValueError:  # another drive
        return file
    return file if relative.startswith("..") else Path(relative).as_posix()
