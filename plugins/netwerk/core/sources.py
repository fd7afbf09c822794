"""Everything the editors write, read and checked in one run: content and newsletter editions.

A build and `netwerk controleer` both call `load_sources`, so they report the same problems.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .editions import Edition, load_editions
from .files import folder_problem, scan_theme
from .loader import load_network, shown_path
from .memo import ReadMemo
from .network import Network
from .options import Options
from .problems import FILE, ContentError, Problem


@dataclass(frozen=True)
class Sources:
    network: Network
    editions: list[Edition]


def load_sources(
    root: Path,
    content_dir: Path,
    options: Options,
    reserved: Mapping[str, Mapping[str, str]] | None = None,
    memo: ReadMemo | None = None,
    theme_dir: Path | None = None,
) -> Sources:
    """The published network and editions; a ContentError with every problem of both.

    `reserved`: the file names that generated pages take, per collection (netwerk.addresses).
    `memo`: files checked in an earlier call (netwerk.core.memo), reused when unchanged.
    `theme_dir`: the site's own templates and theme files (custom_dir), checked as content is
    (netwerk.core.files) before any template is read.
    """
    problems: list[Problem] = []
    network = None
    newsletters = root / options.newsletters_dir
    # Every folder a setting names: inside the project, or nothing in it is read.
    outside = {
        folder: problem
        for folder in (content_dir, newsletters, theme_dir)
        if folder is not None and (problem := folder_problem(folder, root))
    }
    problems += [
        Problem(shown_path(folder, root), 1, FILE, problem) for folder, problem in outside.items()
    ]
    if theme_dir is not None and theme_dir not in outside and theme_dir.is_dir():
        shown = shown_path(theme_dir, root)
        scan_theme(theme_dir, options.static_types, lambda uri: f"{shown}/{uri}", problems)
    try:
        if content_dir not in outside:
            network = load_network(
                content_dir,
                options.settings,
                root=root,
                reserved=reserved,
                static_types=options.static_types,
                memo=memo,
            )
    except ContentError as error:
        problems += error.problems
    # Editions are checked even when the content has problems: editors see everything at once.
    editions, found = (
        ([], [])
        if newsletters in outside
        else load_editions(
            newsletters,
            options.settings,
            options.audiences,
            network,
            content_dir=content_dir,
            root=root,
        )
    )
    if problems or found or network is None:
        raise ContentError([*problems, *found])
    return Sources(network, editions)
