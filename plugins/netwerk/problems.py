"""Problems found in content, reported to editors as `path:line: field: message`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

# Field names for problems that concern the file as a whole or its front matter block.
FILE = "bestand"
FRONT_MATTER = "front matter"
# A report shows this many problems and counts the rest: the first ones are enough to start on.
REPORT_LIMIT = 50


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised when content has problems; carries all of them, sorted."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = "1 probleem" if count == 1 else f"{count} problemen"
        lines = [f"{heading} in de inhoud; er is niets gebouwd:"]
        lines += [str(problem) for problem in self.problems[:REPORT_LIMIT]]
        hidden = count - REPORT_LIMIT
        if hidden > 0:
            lines.append(f"... en nog {hidden} {'probleem' if hidden == 1 else 'problemen'}")
        return "\n".join(lines)


def closest(value: str, options: Iterable[str]) -> str | None:
    """The option an editor most likely meant, or None."""
    options = list(options)
    for option in options:
        if option.casefold() == value.casefold():
            return option
    matches = difflib.get_close_matches(value.casefold(), options, n=1, cutoff=0.5)
    if matches:
        return matches[0]
    # A shortened name ("gluren" for "gluren-bij-de-buren").
    if len(value) >= 3:
        for option in options:
            if value.casefold() in option.casefold():
                return option
    return None


def did_you_mean(value: str, options: Iterable[str]) -> str:
    """A hint like "bedoelde je 'po'?" or, without a close match, the list of options."""
    options = sorted(options)
    match = closest(value, options)
    if match is not None:
        return f"bedoelde je '{match}'?"
    if not options:
        return "er is nog niets om naar te verwijzen"
    if len(options) > 12:
        return "kijk in de map of in mkdocs.yml welke waarden er zijn"
    return "kies uit: " + ", ".join(options)
