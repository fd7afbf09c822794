"""The rules across fields, as data: one field against another, a date against today, a value
against a list in the settings. The models (netwerk.core.models) check them with `problems`
below; the JSON Schema (`netwerk schema`, `x-netwerk-regels`) and the admin page carry the same
data, which the forms check before a save (admin/assets/netwerk-rules.js), so that both say the
same words about the same field. Pure Python: no MkDocs imports.

A rule is a field, conditions that all hold when something is wrong, and a message. The
conditions are a small closed vocabulary (CONDITIONS), each a name and the fields (or the
settings list) it reads. Messages name values as the build writes them: `{start}` is
`2026-03-12 15:30` or `2026-03-12`, `{start.day}` its day, `{sectors}` a list as `po, vo`,
`{key}` the key that a `keys-not-in` condition found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .dates import day_of
from .settings import Settings
from .walk import shape_of


@dataclass(frozen=True)
class Rule:
    field: str
    """The field the problem is shown on (per key: `participants.<key>`)."""
    when: tuple[tuple[str, ...], ...]
    """Conditions that all hold when the item is wrong: (name, field, [field or list])."""
    message: str
    stop: bool = False
    """No later rule is checked when this one finds a problem (the value it read is unusable)."""
    stage: str = "item"
    """`item`: checked once every field is valid (models.Item.checks); `field`: while its field
    is validated, and a problem there means the item's rules are not checked."""


# The conditions and what they read: fields (f) or the name of a settings list (s).
CONDITIONS: dict[str, tuple[str, ...]] = {
    "filled": ("f",),
    "empty": ("f",),
    "time-only": ("f",),  # a time without a date (`17:00`)
    "date-only": ("f",),  # a date without a time
    "mixed": ("f", "f"),  # both written, one with a time and one without
    "before": ("f", "f"),  # both written, the first before the second (a bare time on its day)
    "after-today": ("f",),  # its day is after today (the build's date)
    "in-setting": ("f", "s"),  # one of the values of a settings list
    "keys-not-in": ("f", "f"),  # per key of the first not in the second (a list, written)
}

RULES: dict[str, tuple[Rule, ...]] = {
    "partners": (
        Rule(
            "logo_alt",
            (("filled", "logo"), ("empty", "logo_alt")),
            "ontbreekt; beschrijf het logo, bijvoorbeeld logo_alt: Logo van {name}",
        ),
    ),
    "projecten": (Rule("end", (("before", "end", "start"),), "{end} ligt vóór start ({start})"),),
    "agenda": (
        Rule(
            "participants",
            (("filled", "participants"), ("after-today", "start")),
            "de activiteit begint pas op {start.day}; noteer het aantal deelnemers als ze "
            "geweest is",
            stage="field",
        ),
        Rule(
            "participants",
            (("filled", "participants"), ("in-setting", "status", "cancelled_activity_statuses")),
            "een geannuleerde activiteit heeft geen deelnemers; haal participants weg, of zet de "
            "status terug als de activiteit toch doorging",
            stage="field",
        ),
        Rule(
            "participants",
            (("keys-not-in", "participants", "sectors"),),
            "'{key}' is geen werkveld van deze activiteit; tel alleen deelnemers uit haar "
            "werkvelden ({sectors}), of zet {key} ook bij sectors",
            stage="field",
        ),
        Rule(
            "start",
            (("time-only", "start"),),
            "een tijd alleen is niet genoeg; schrijf datum en tijd, zoals 2026-03-12 15:30",
            stop=True,
        ),
        Rule(
            "end",
            (("time-only", "end"), ("date-only", "start")),
            "een eindtijd past alleen bij een start met tijd, zoals 2026-03-12 15:30",
        ),
        Rule(
            "end",
            (("mixed", "start", "end"),),
            "schrijf start en end allebei als datum, of allebei met een tijd",
        ),
        Rule(
            "end",
            (("before", "end", "start"),),
            "ligt vóór start ({start}); controleer de datum",
        ),
        Rule(
            "location",
            (("empty", "location"), ("empty", "online_url")),
            "ontbreekt; geef een location (name en address) of een online_url voor een online "
            "activiteit, of schrijf location: volgt als de plek nog niet bekend is",
        ),
    ),
    "nieuws": (
        Rule(
            "image_alt",
            (("filled", "image"), ("empty", "image_alt")),
            "ontbreekt; beschrijf wat er op de afbeelding staat",
        ),
    ),
}


@dataclass(frozen=True)
class Found:
    field: str
    message: str
    key: str | None = None
    """The key a `keys-not-in` condition found (the problem is on `field.key`)."""


def problems(
    rules: Sequence[Rule],
    values: Mapping[str, Any],
    *,
    today: date | None = None,
    lists: Mapping[str, Sequence[str]] | None = None,
) -> Iterator[Found]:
    """The problems of these rules with these (validated) values: per field the first rule
    that finds one; after a `stop` rule's problem nothing more."""
    failed: set[str] = set()
    for rule in rules:
        if rule.field in failed:
            continue
        keys = _keys(rule, values, today, lists or {})
        if keys is None:
            continue
        failed.add(rule.field)
        for key in keys:
            yield Found(rule.field, fill(rule.message, values, key), key)
        if rule.stop:
            return


def _keys(
    rule: Rule,
    values: Mapping[str, Any],
    today: date | None,
    lists: Mapping[str, Sequence[str]],
) -> list[str | None] | None:
    """None when the rule finds nothing; else the keys found ([None] without keys-not-in)."""
    found: list[str | None] = [None]
    for name, *arguments in rule.when:
        first = values.get(arguments[0])
        second = values.get(arguments[1]) if len(arguments) > 1 else None
        if name == "keys-not-in":
            if not isinstance(first, Mapping) or not isinstance(second, list) or not second:
                return None
            found = [key for key in first if key not in second]
            if not found:
                return None
        elif not _holds(name, first, second, arguments, today, lists):
            return None
    return found


def _holds(
    name: str,
    first: Any,
    second: Any,
    arguments: Sequence[str],
    today: date | None,
    lists: Mapping[str, Sequence[str]],
) -> bool:
    if name == "filled":
        return _filled(first)
    if name == "empty":
        return not _filled(first)
    if name == "time-only":
        return isinstance(first, time)
    if name == "date-only":
        return isinstance(first, date) and not isinstance(first, datetime)
    if name == "mixed":
        return _filled(first) and _filled(second) and _timed(first) != _timed(second)
    if name == "before":
        if isinstance(first, time) and isinstance(second, datetime):
            first = second.replace(hour=first.hour, minute=first.minute)
        if type(first) is not type(second) or not isinstance(first, date):
            return False
        return bool(first < second)
    if name == "after-today":
        assert today is not None, "a rule with after-today needs today"
        return isinstance(first, date) and day_of(first) > today
    if name == "in-setting":
        return first in lists[arguments[1]]
    raise ValueError(f"unknown condition {name}")


def _filled(value: Any) -> bool:
    return value is not None and value not in ("", [], {})


def _timed(value: Any) -> bool:
    return isinstance(value, datetime | time)


_PLACEHOLDER = re.compile(r"\{(\w+)(\.day)?\}")


def fill(message: str, values: Mapping[str, Any], key: str | None = None) -> str:
    """The message with its placeholders written as the build writes the values."""

    def one(match: re.Match[str]) -> str:
        name, day = match.groups()
        text = key if name == "key" and key is not None else written(values.get(name))
        return text[:10] if day else text

    return _PLACEHOLDER.sub(one, message)


def written(value: Any) -> str:
    if isinstance(value, datetime):  # not strftime's %Y: it writes the year 50 as "50"
        return f"{value.date().isoformat()} {value:%H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, list | tuple):
        return ", ".join(written(one) for one in value)
    return "" if value is None else str(value)


# --- As data for the forms and editors' tools ---------------------------------------------


def settings_lists(folder: str) -> list[str]:
    """The settings lists this collection's rules read (`cancelled_activity_statuses`)."""
    return sorted(
        {
            arguments[1]
            for rule in RULES.get(folder, ())
            for name, *arguments in rule.when
            if CONDITIONS[name][-1] == "s"
        }
    )


def of_stage(folder: str, stage: str) -> list[Rule]:
    return [rule for rule in RULES.get(folder, ()) if rule.stage == stage]


def lists_of(folder: str, settings: Settings) -> dict[str, tuple[str, ...]]:
    """The values of the settings lists this collection's rules read."""
    return {name: tuple(getattr(settings, name)) for name in settings_lists(folder)}


def as_data(folder: str, model: type[BaseModel], settings: Settings) -> dict[str, Any]:
    """A collection's rules as JSON (the forms' netwerk-rules.js reads them): the rules, how
    the fields they read are written (`when`, `date`, `list`), the
    values of the settings lists they read, and the time zone that says which day it is."""
    rules = RULES.get(folder, ())
    read = {argument for rule in rules for _, *arguments in rule.when for argument in arguments}
    kinds = {
        name: kind
        for name, info in model.model_fields.items()
        if name in read and (kind := _kind(info))
    }
    return {
        "rules": [
            {
                "field": rule.field,
                "when": [list(condition) for condition in rule.when],
                "message": rule.message,
                **({"stop": True} if rule.stop else {}),
                **({"stage": rule.stage} if rule.stage != "item" else {}),
            }
            for rule in rules
        ],
        "kinds": dict(sorted(kinds.items())),
        "lists": {name: list(values) for name, values in lists_of(folder, settings).items()},
        "zone": settings.time_zone,
    }


def _kind(info: FieldInfo) -> str | None:
    """How the forms read a field's text: `when`, `date`, `list` (`sectors: po` is `[po]`)."""
    shape = shape_of(info)
    if shape.check in ("when", "date"):
        return shape.check
    return "list" if shape.many else None
