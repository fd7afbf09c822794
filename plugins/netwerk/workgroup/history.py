"""When each file last changed, from git: how old a page is, the same on any computer.

The date of a file's last commit, read with one `git log` for the whole content folder (and one
`git status`, so a file being edited counts as changed today). File dates on disk are not used:
a fresh clone gives every file the day of the clone, and the site must be the same for the same
content and build date. Without git, outside a repository, or in a shallow clone (the default
of CI checkouts) there is no history: `History.unavailable` says why, in Dutch.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

# A history longer than this takes too long to be worth waiting for; it never is.
TIMEOUT = 60


@dataclass(frozen=True)
class History:
    changed: Mapping[str, date] = field(default_factory=dict)
    """The day of each file's last commit, by its path from the folder of mkdocs.yml."""
    pending: frozenset[str] = frozenset()
    """Files with changes not committed yet, or not in git at all: changed now."""
    unavailable: str | None = None
    """Why there is no history, as the end of a Dutch sentence; None when there is one."""

    def last_change(self, path: str) -> date | None:
        """The day the file last changed; None when it is changing now or is new."""
        if path in self.pending:
            return None
        return self.changed.get(path)


def history(root: Path, folder: Path) -> History:
    """The history of every file under `folder` (within the project at `root`)."""
    found = _git(root, "rev-parse", "--show-toplevel", "--is-shallow-repository")
    if isinstance(found, _Failure):
        return History(unavailable=found.reason)
    top, shallow = [*found.splitlines(), "", ""][:2]
    if shallow.strip() == "true":
        return History(
            unavailable=(
                "de repository is een ondiepe kopie, zonder de hele geschiedenis; haal die op "
                "met git fetch --unshallow (bij GitHub Actions: fetch-depth: 0 bij "
                "actions/checkout, bij GitLab: GIT_DEPTH: 0)"
            )
        )
    try:
        below = PurePosixPath(root.resolve().relative_to(Path(top).resolve()).as_posix())
        where = folder.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return History(unavailable=f"{folder} staat niet in de git-repository")

    def ours(path: str) -> str | None:
        """A path from the repository's top as a path from the project's folder."""
        try:
            return PurePosixPath(path).relative_to(below).as_posix()
        except ValueError:
            return None

    changed: dict[str, date] = {}
    log = _git(
        root, "log", "-z", "--format=@%cs", "--name-only", "--no-renames", "--", where or "."
    )
    if isinstance(log, _Failure):
        log = ""  # a repository without commits: every file is new
    day: date | None = None
    for token in log.split("\0"):
        token = token.lstrip("\n")
        if token.startswith("@"):
            day = date.fromisoformat(token[1:])
        elif token and day is not None:
            path = ours(token)
            if path is not None:
                changed.setdefault(path, day)  # newest first: the first date is the last change
    status = _git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--", where or ".")
    pending: set[str] = set()
    if not isinstance(status, _Failure):
        tokens = iter(status.split("\0"))
        for token in tokens:
            if len(token) < 4:
                continue
            code, path = token[:2], ours(token[3:])
            if path is not None:
                pending.add(path)
            if "R" in code or "C" in code:
                next(tokens, None)  # the path it was renamed or copied from
    return History(changed=changed, pending=frozenset(pending))


@dataclass(frozen=True)
class _Failure:
    reason: str


def _git(root: Path, *arguments: str) -> str | _Failure:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *arguments],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            timeout=TIMEOUT,
            check=False,
            # English messages to recognise; `git status` without taking the index's lock.
            env={**os.environ, "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"},
        )
    except FileNotFoundError:
        return _Failure("git is niet gevonden op deze computer")
    except (OSError, subprocess.TimeoutExpired) as error:
        return _Failure(f"git werkte niet ({error})")
    if result.returncode != 0:
        message = result.stderr.strip().splitlines()
        if message and "not a git repository" in message[0]:
            return _Failure("de site staat niet in een git-repository")
        return _Failure(f"git meldt: {message[0] if message else result.returncode}")
    return result.stdout
