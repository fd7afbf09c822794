"""Everything the editors write, read and checked in one run: content and newsletter editions.

A build and `netwerk controleer` both call `load_sources`, so they report the same problems.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .editions import Edition, load_editions
from .loader import load_network
from .memo import ReadMemo
from .network import Network
from .options import Options
from .problems import ContentError, Problem


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
) -> Sources:
    """The published network and editions; a ContentError with every problem of both.

    `reserved`: the file names that generated pages take, per collection (netwerk.addresses).
    `memo`: files checked in an earlier call (netwerk.core.memo), reused when unchanged.
    """
    problems: list[Problem] = []
    network = None
    try:
        network = load_network(
            content_dir,
            options.settings,
            root=root,
            reserved=reserved,
            static_types=options.static_types,
            memo=memo,
        )
    except ContentError as error:
        problems = error.problems
    # Editions are checked even when the content has problems: editors see everything at once.
    editions, found = load_editions(
        root / options.newsletters_dir,
        options.settings,
        options.audiences,
        network,
        content_dir=content_dir,
        root=root,
    )
    if problems or found or network is None:
        raise ContentError([*problems, *found])
    return Sources(network, editions)
