"""Files read and checked in an earlier build, reused while nothing they depend on changed.

The preview (netwerk.editing.preview) builds again after every save. With a memo, a build reads
every file's bytes but parses and validates only the files whose bytes changed. A file's check
also depends on the settings and on which items and images exist (a relation names a slug), so
when any of those changes, every file is checked again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .problems import Problem

T = TypeVar("T")


class ReadMemo:
    def __init__(self) -> None:
        self._context: Any = None
        self._checked: dict[str, tuple[bytes, Any, list[Problem]]] = {}

    def start(self, context: Any) -> None:
        """Begin a build whose checks depend on `context`: another context forgets them all."""
        if context != self._context:
            self._context, self._checked = context, {}

    def checked(
        self, key: str, raw: bytes, check: Callable[[list[Problem]], T], problems: list[Problem]
    ) -> T:
        """`check(found)` for these bytes, or what it returned for the same bytes before; its
        problems are added to `problems` either way."""
        earlier = self._checked.get(key)
        if earlier is not None and earlier[0] == raw:
            problems.extend(earlier[2])
            return earlier[1]  # type: ignore[no-any-return]
        found: list[Problem] = []
        result = check(found)
        self._checked[key] = (raw, result, found)
        problems.extend(found)
        return result


def checked(
    memo: ReadMemo | None,
    key: str,
    raw: bytes,
    check: Callable[[list[Problem]], T],
    problems: list[Problem],
) -> T:
    """As ReadMemo.checked; without a memo, the check itself."""
    if memo is None:
        return check(problems)
    return memo.checked(key, raw, check, problems)
