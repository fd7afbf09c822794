"""Dates and times written the Dutch way, from CLDR data (babel)."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date, format_time

LOCALE = "nl_NL"
# A big network prints the same few hundred days tens of thousands of times (lists, emails,
# calendars); babel takes some 30 µs each time.
_remembered = lru_cache(maxsize=8192)


@_remembered
def long_date(day: date | datetime) -> str:
    """`donderdag 12 maart 2026`"""
    return format_date(day, "EEEE d MMMM y", locale=LOCALE)


@_remembered
def short_date(day: date | datetime) -> str:
    """`12 mrt 2026`"""
    return format_date(day, "d MMM y", locale=LOCALE)


@_remembered
def clock(moment: datetime) -> str:
    """`15:30`"""
    return format_time(moment, "HH:mm", locale=LOCALE)


@_remembered
def month_year(day: date | datetime) -> str:
    """`maart 2026`"""
    return format_date(day, "LLLL y", locale=LOCALE)


@_remembered
def period(start: date | datetime, end: date | datetime) -> str:
    """An activity's time span as a reader expects it.

    `donderdag 12 maart 2026, 15:30–17:00`, `donderdag 12 maart 2026` (all day) or
    `donderdag 12 maart 2026 – vrijdag 13 maart 2026`.
    """
    if isinstance(start, datetime) and isinstance(end, datetime):
        if start.date() == end.date():
            times = clock(start) if end == start else f"{clock(start)}–{clock(end)}"
            return f"{long_date(start)}, {times}"
        return f"{long_date(start)}, {clock(start)} – {long_date(end)}, {clock(end)}"
    if start == end:
        return long_date(start)
    return f"{long_date(start)} – {long_date(end)}"
