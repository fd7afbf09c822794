"""What MkDocs prints, as editors see it: warnings and errors, in their words; no English lines
about normal events, no notice of Material's about MkDocs 2, no traceback.

`netwerk bouw` builds the site as `mkdocs build --strict` does, with this console; the publish
workflows use it, so their logs read the same as the editor's own window.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from pathlib import Path

# Material's notice about MkDocs 2 is for site builders, not editors; read when Material loads.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


# MkDocs' warnings about links, which editors write: file, line, field, what to do, in Dutch.
_LINK = r"Doc file '(?P<file>[^']+)' contains a(?:n unrecognized relative)? link '(?P<link>[^']+)'"
_LINK_WARNINGS = [
    (
        re.compile(
            _LINK + r", but the target(?: '[^']+')? is not found among documentation files\."
            r"(?: Did you mean '(?P<hint>[^']+)'\?)?$"
        ),
        "wijst naar een pagina of bestand dat er niet is; {fix}",
    ),
    (
        re.compile(
            _LINK
            + r", but the doc '(?P<doc>[^']+)' does not contain an anchor '(?P<anchor>[^']+)'\.$"
        ),
        "de pagina {doc} heeft geen kopje {anchor}; kies een kopje dat er staat",
    ),
    (
        re.compile(_LINK + r", but there is no such anchor on this page\..*$"),
        "deze pagina heeft geen kopje met die naam; kies een kopje dat er staat",
    ),
    (
        re.compile(_LINK + r", it was left as is\.$"),
        "is geen pagina van de site; link naar het .md-bestand, zoals agenda/index.md",
    ),
]


def in_dutch(message: str, docs_dir: Path | None) -> str:
    """A warning of MkDocs' about a link as `content/x.md:12: link: '...': what to do`; any
    other message as it is."""
    for pattern, text in _LINK_WARNINGS:
        found = pattern.match(message)
        if found is None:
            continue
        parts = found.groupdict()
        hint = parts.get("hint")
        fix = f"bedoelde je '{hint}'?" if hint else "controleer de naam, of haal de link weg"
        file, link = parts["file"], parts["link"]
        where = f"{docs_dir.name}/{file}" if docs_dir else file
        line = _line_of(docs_dir / file, link) if docs_dir else None
        where += f":{line}" if line else ""
        return f"{where}: link: '{link}' " + text.format(fix=fix, **parts)
    return message


def _line_of(path: Path, link: str) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(lines, start=1):
        if f"({link}" in line or f"<{link}>" in line or f": {link}" in line:
            return number
    return None


class Console(logging.Handler):
    """Warnings of MkDocs and the plugins on the editor's screen; `errors` too, or not when the
    caller shows them itself (the preview lists them as problems)."""

    def __init__(self, *, errors: bool) -> None:
        super().__init__(logging.WARNING)
        self.errors = errors
        self.warnings = 0
        self.docs_dir: Path | None = None

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.ERROR:
            if self.errors:
                print(message, file=sys.stderr, flush=True)
            return
        self.warnings += 1
        print(f"Let op: {in_dutch(message, self.docs_dir)}", file=sys.stderr, flush=True)


def quiet_mkdocs(*, errors: bool = False) -> Console:
    """MkDocs' log to a Console only: its INFO lines ("Building documentation ...") not shown."""
    console = Console(errors=errors)
    logger = logging.getLogger("mkdocs")
    logger.handlers = [console]
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    return console


def build_site(config_file: Path, site_dir: str | None) -> bool:
    """`mkdocs build --strict`, in Dutch: True when the site was built and put in place."""
    from jinja2 import TemplateError
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from ..core.template_errors import template_message

    console = quiet_mkdocs(errors=True)
    start = time.perf_counter()
    options = {"site_dir": site_dir} if site_dir else {}
    try:
        config = load_config(str(config_file), strict=True, **options)
    except MkDocsException:
        print(f"Niet gebouwd: de instellingen in {config_file.name} kloppen niet (zie hierboven).")
        return False
    console.docs_dir = Path(config.docs_dir)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except MkDocsException:
        if console.warnings:
            count = console.warnings
            noun = "waarschuwing" if count == 1 else "waarschuwingen"
            print(
                f"Niet gebouwd: {count} {noun} (zie hierboven). De vorige versie van de site "
                "blijft staan tot alles is opgelost."
            )
        else:
            print("Niet gebouwd (zie hierboven). De vorige versie van de site blijft staan.")
        return False
    except TemplateError as error:  # a page template of the site's own overrides
        print(template_message(error, config_file.parent.resolve()), file=sys.stderr, flush=True)
        print("Niet gebouwd. De vorige versie van de site blijft staan.")
        return False
    finally:
        config.plugins.on_shutdown()
    seconds = f"{time.perf_counter() - start:.1f}".replace(".", ",")
    print(f"De site is gebouwd in {config.site_dir} ({seconds} s).")
    return True
