"""The working group's overview as lines for the command and as CSV for a spreadsheet.

The CSV file is what `/in-cijfers/` offers (netwerk.numbers.tables): UTF-8 with a byte order
mark, `;` between fields, a header row, so that Excel in a Dutch locale opens it with a double
click. A cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a
tab or a carriage return) gets a `'` in front, as OWASP advises against CSV injection: both are
written by `core.sanitize.spreadsheet_csv`.
"""

from __future__ import annotations

from ..core.sanitize import spreadsheet_csv
from .overview import Overview

NOTHING_OPEN = "Er staat niets open."
COLUMNS = ("Onderdeel", "Bestand", "Item", "Stand", "Te doen", "Datum", "Inhoud")


def lines(overview: Overview) -> list[str]:
    """The overview as the command prints it: a heading, then per section its title, what
    counts, and one line per entry (`file: item: how it stands; what to do`)."""
    found = [overview.heading]
    if overview.agreements:
        found.append(overview.agreements)
    found += overview.notes
    if overview.nothing_open:
        found += ["", NOTHING_OPEN]
    for section in overview.sections:
        found += ["", f"{section.title} ({len(section.entries)})"]
        if section.intro:
            found.append(section.intro)
        for entry in section.entries:
            found.append(entry.line)
            found += [f"  {name}: {'; '.join(titles)}" for name, titles in entry.contents]
    return found


def csv_bytes(overview: Overview) -> bytes:
    """One row per entry, under a header row (only the header when nothing is open)."""
    rows: list[list[str]] = [list(COLUMNS)]
    for section, entry in overview.entries():
        contents = " | ".join(f"{name}: {'; '.join(titles)}" for name, titles in entry.contents)
        day = entry.day.isoformat() if entry.day else ""
        rows.append(
            [section.title, entry.path, entry.title, entry.state, entry.todo, day, contents]
        )
    return spreadsheet_csv(rows)
