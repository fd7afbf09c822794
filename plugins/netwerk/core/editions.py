"""Newsletter editions: read and validate `newsletters/*.md`.

An edition file holds the date, the subject, intros and highlighted items; everything else in a
newsletter is selected per audience (netwerk.newsletters.selection). Editions are content, checked
in the same run as the rest of it (netwerk.core.sources). Pure Python: no MkDocs imports.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown

from . import results
from .audiences import Audience, audience_example
from .fields import NEWSLETTER, described
from .files import link_problem, windows_problem
from .frontmatter import read_source
from .loader import SLUG, read_file, shown_path, validate_source
from .models import (
    Codes,
    Day,
    Item,
    Line,
    Sourced,
    Text,
)
from .network import Network
from .problems import BODY, FILE, Problem, closest, did_you_mean
from .results import Result
from .settings import Settings
from .values import Context

PREHEADER_MIN, PREHEADER_MAX = 40, 150
# Collections whose items an edition may highlight, in the order a bare slug is looked up.
HIGHLIGHT_FOLDERS = ("nieuws", "agenda", "projecten", "kennisbank", "partners", "themas")

# Schemes a link in a newsletter may have; without a scheme it is a path on the site.
LINK_SCHEMES = ("http", "https", "mailto")


class Edition(Sourced):
    """One edition (`newsletters/2026-03.md`): its body is the intro shared by all audiences."""

    date: Day = described(NEWSLETTER, "date")
    subject: Line = described(NEWSLETTER, "subject")
    preheader: Line | None = described(NEWSLETTER, "preheader", None)
    audiences: Codes = described(NEWSLETTER, "audiences", default_factory=list)
    intros: dict[str, Text] = described(NEWSLETTER, "intros", default_factory=dict)
    highlights: Codes = described(NEWSLETTER, "highlights", default_factory=list)
    results: dict[str, Result] = described(NEWSLETTER, "results", default_factory=dict)
    draft: bool = described(NEWSLETTER, "draft", False)

    @property
    def body(self) -> str:
        return self._body.strip()

    def intro(self, audience: Audience) -> str:
        """The Markdown intro for this audience: its own, or the shared one."""
        return self.intros.get(audience.slug, self.body)

    def for_audience(self, audience: Audience) -> bool:
        return not self.audiences or audience.slug in self.audiences


def load_editions(
    folder: Path,
    settings: Settings,
    audiences: Sequence[Audience],
    network: Network | None,
    *,
    content_dir: Path,
    root: Path,
) -> tuple[list[Edition], list[Problem]]:
    """Read and check every edition in folder, oldest first; drafts are left out.

    Highlights are checked against the published network, or (when the content itself has
    problems and there is no network) against the files in content_dir.
    """
    problems: list[Problem] = []
    if not folder.is_dir():
        return [], problems

    known = {audience.slug for audience in audiences}
    context = Context(settings=settings)
    editions: list[Edition] = []
    for path in sorted(folder.glob("*.md")):
        if path.stem.casefold() == "readme":
            continue  # an explanation for editors, not an edition
        shown = shown_path(path, root)
        if not SLUG.match(path.stem):
            problems.append(
                Problem(
                    shown,
                    1,
                    FILE,
                    f"'{path.name}' is geen geldige bestandsnaam; gebruik kleine letters, cijfers "
                    "en streepjes, zoals 2026-03.md",
                )
            )
            continue
        outside = windows_problem(path.name) or link_problem(
            path, os.path.realpath(folder), folder.name
        )
        if outside:
            problems.append(Problem(shown, 1, FILE, outside))
            continue
        raw = read_file(path, shown, problems)
        if raw is None:
            continue
        source = read_source(shown, raw)
        edition = validate_source(Edition, source, context, problems)
        if edition is None:
            continue
        edition.from_file(path.stem, shown, source.body)
        found = [
            Problem(shown, source.line_of(location), _name(location), message)
            for location, message in [
                *_checks(edition, known, network, content_dir),
                *results.checks(
                    edition.results,
                    edition.date,
                    edition.audiences,
                    known,
                    settings.build_date,
                ),
            ]
        ]
        # A link in the text below the front matter, on its own line of the file.
        found += [
            Problem(shown, source.body_line + offset, BODY, message)
            for offset, message in _link_problems(source.body)
        ]
        problems.extend(found)
        if not found and not audiences:
            problems.append(
                Problem(
                    shown,
                    1,
                    FILE,
                    "er zijn geen doelgroepen; zet onder netwerk: in mkdocs.yml een lijst "
                    f"audiences, zoals audiences: [{audience_example(settings)}]",
                )
            )
        if not found and not edition.draft:
            editions.append(edition)
    editions.sort(key=lambda edition: (edition.date, edition.slug))
    return editions, problems


def _checks(
    edition: Edition, known: set[str], network: Network | None, content_dir: Path
) -> Iterable[tuple[tuple[str | int, ...], str]]:
    if edition.preheader is not None and not (
        PREHEADER_MIN <= len(edition.preheader) <= PREHEADER_MAX
    ):
        yield (
            ("preheader",),
            f"is {len(edition.preheader)} tekens lang; schrijf er {PREHEADER_MIN} tot "
            f"{PREHEADER_MAX}, anders vult of knipt het e-mailprogramma de voorvertoning",
        )
    for index, slug in enumerate(edition.audiences):
        if slug not in known:
            yield ("audiences", index), f"'{slug}' is geen doelgroep; {did_you_mean(slug, known)}"
    for slug in edition.intros:
        if slug not in known:
            yield ("intros", slug), f"'{slug}' is geen doelgroep; {did_you_mean(slug, known)}"
    for slug, text in edition.intros.items():
        for _, message in _link_problems(text):
            yield ("intros", slug), message
    for index, reference in enumerate(edition.highlights):
        problem = _highlight_problem(reference, network, content_dir)
        if problem:
            yield ("highlights", index), problem


def _name(location: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in location if isinstance(part, str))


def edition_html(text: str) -> str:
    """An edition's Markdown (its body or an intro) as every newsletter output has it, before
    the allow-list (netwerk.sanitize): raw HTML is written out as text, never passed on."""
    converter = markdown.Markdown(output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return str(converter.convert(text))


def _link_problems(text: str) -> Iterable[tuple[int, str]]:
    """Every link and image of the rendered Markdown, whatever its form (inline, reference,
    autolink, raw HTML), that cannot go into a newsletter: (line within the text, from 0;
    the line where the address is written, or 0 when it cannot be found; message).

    Raw HTML is shown as text, but its links are checked too, in a rendering that keeps it:
    an editor who wrote it meant it as a link.
    """
    shown = _Targets.of(edition_html(text))
    found = dict.fromkeys(shown)
    found.update(dict.fromkeys(_Targets.of(str(markdown.markdown(text, output_format="html")))))
    for is_image, target in found:
        scheme = _scheme(target)
        refused = scheme is None or scheme not in ("", *LINK_SCHEMES)
        if is_image and (refused or ((is_image, target) in shown and not _on_the_site(target))):
            # The allow-list keeps only images from the site itself, as in item bodies.
            yield (
                _line_of(text, target),
                (
                    f"de afbeelding '{_visible(target)}' kan niet in de nieuwsbrief; zet de "
                    "afbeelding in content/afbeeldingen/ en schrijf het pad, zoals "
                    "afbeeldingen/foto.png"
                ),
            )
        elif refused:
            yield (
                _line_of(text, target),
                (
                    f"de link '{_visible(target)}' kan niet in een e-mail; gebruik een webadres "
                    "dat begint met https:// of mailto:, of een pad op de site zoals agenda/"
                ),
            )


def _line_of(text: str, target: str) -> int:
    at = text.find(target)
    return text.count("\n", 0, at) if at >= 0 else 0


def _scheme(target: str) -> str | None:
    """The URL's scheme as a browser reads it (tabs, line breaks and leading spaces left out),
    "" for a path; None when it cannot be read as an address at all."""
    try:
        return urlsplit(target).scheme.lower()
    except ValueError:
        return None


def _on_the_site(target: str) -> bool:
    try:
        parts = urlsplit(target)
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc and not target.lstrip().startswith("//")


def _visible(text: str) -> str:
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


class _Targets(HTMLParser):
    """The address of every link (`href`) and image (`src`) in HTML, entities decoded."""

    ATTRIBUTES = frozenset({"href", "src", "xlink:href", "action", "formaction", "srcset"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[bool, str]] = []

    @classmethod
    def of(cls, html: str) -> list[tuple[bool, str]]:
        parser = cls()
        parser.feed(html)
        parser.close()
        return parser.found

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in self.ATTRIBUTES and value is not None:
                self.found.append((name in ("src", "srcset"), value))


def _highlight_problem(reference: str, network: Network | None, content_dir: Path) -> str | None:
    folder, _, slug = reference.rpartition("/")
    folders = (folder,) if folder else HIGHLIGHT_FOLDERS
    if folder and folder not in HIGHLIGHT_FOLDERS:
        return (
            f"'{reference}': '{folder}' is geen map met items; "
            f"{did_you_mean(folder, HIGHLIGHT_FOLDERS)}"
        )
    if network is None:
        exists = any((content_dir / name / f"{slug}.md").is_file() for name in folders)
        return None if exists else f"'{reference}' bestaat niet; schrijf map/naam, zoals agenda/x"
    matches = [name for name in folders if slug in _collection(network, name)]
    if len(matches) > 1:
        options = " of ".join(f"{name}/{slug}" for name in matches)
        return f"'{reference}' bestaat in meer dan één map; schrijf {options}"
    if matches:
        return None
    drafts = [name for name in folders if (content_dir / name / f"{slug}.md").is_file()]
    if drafts:
        return f"'{reference}' is een concept (draft: true) en komt niet in de nieuwsbrief"
    if not folder and slug in HIGHLIGHT_FOLDERS:
        return (
            f"'{reference}' is een map; schrijf {slug}/ met de bestandsnaam van het item erachter"
        )
    # Names are compared within the folder: `nieuws/` in front would make any news look close.
    folder_of = {other: name for name in reversed(folders) for other in _collection(network, name)}
    match = closest(slug, sorted(folder_of))
    if match is not None:
        return f"'{reference}' is geen gepubliceerd item; bedoelde je '{folder_of[match]}/{match}'?"
    if folder:
        return (
            f"'{reference}' is geen gepubliceerd item (er is geen content/{folder}/{slug}.md); "
            f"kijk in content/{folder}/ hoe het bestand heet"
        )
    return f"'{reference}' is geen gepubliceerd item; schrijf map/naam, zoals agenda/x"


def _collection(network: Network, folder: str) -> dict[str, Any]:
    collections: dict[str, dict[str, Any]] = {
        "nieuws": network.news,
        "agenda": network.activities,
        "projecten": network.projects,
        "kennisbank": network.resources,
        "partners": network.partners,
        "themas": network.themes,
    }
    return collections[folder]


def resolve(network: Network, reference: str) -> Item:
    """The item a (checked) highlight reference points to."""
    folder, _, slug = reference.rpartition("/")
    for name in (folder,) if folder else HIGHLIGHT_FOLDERS:
        item = _collection(network, name).get(slug)
        if item is not None:
            found: Item = item
            return found
    raise KeyError(reference)
