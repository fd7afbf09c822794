"""Dates and times written the Dutch way, from CLDR data (babel)."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

LOCALE = "nl_NL"
# A big network prints the same few hundred days tens of thousands of times (lists, emails,
# calendars); babel takes some 30 µs each time. Remembered per day, not per moment: babel
# prints only the date part of a datetime anyway.
_remembered = lru_cache(maxsize=8192)
# The months by name, for what reads or writes them without loading babel (`netwerk nieuw`
# reads a month in an edition's title; `netwerk overzicht` runs in the time of a check).
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def day_of(moment: date | datetime) -> date:
    """The day of a date or a moment (an activity's start or end)."""
    return moment.date() if isinstance(moment, datetime) else moment


def _format_date(day: date, pattern: str) -> str:
    # babel is loaded on first use: the models use day_of, and `netwerk controleer` runs
    # without babel.
    from babel.dates import format_date

    return format_date(day, pattern, locale=LOCALE)


def long_date(day: date | datetime) -> str:
    """`donderdag 12 maart 2026`"""
    return _long_date(day_of(day))


@_remembered
def _long_date(day: date) -> str:
    return _format_date(day, "EEEE d MMMM y")


def short_date(day: date | datetime) -> str:
    """`12 mrt 2026`"""
    return _short_date(day_of(day))


@_remembered
def _short_date(day: date) -> str:
    return _format_date(day, "d MMM y")


def day_month(day: date | datetime) -> tuple[str, str]:
    """`("12", "mrt")`: the day and the month of a date set apart in lists."""
    return _day_month(day_of(day))


@_remembered
def _day_month(day: date) -> tuple[str, str]:
    return str(day.day), _format_date(day, "MMM")


def clock(moment: datetime) -> str:
    """`15:30`: the 24-hour clock, as CLDR's Dutch `HH:mm` writes it."""
    return f"{moment.hour:02}:{moment.minute:02}"


def month_year(day: date | datetime) -> str:
    """`maart 2026`"""
    return _month_year(day_of(day))


@_remembered
def _month_year(day: date) -> str:
    return _format_date(day, "LLLL y")


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
