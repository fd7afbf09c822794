"""Front matter for a new item: `netwerk nieuw <soort> "Titel"`. Pure: text in, text out.

The keys, their order, which are required, the options and examples all come from the
collection's JSON Schema (schema.py, generated from the models), so a scaffold never falls
behind the validation. Required values nobody gave stay empty: the build then names each
one ("is leeg; vul een titel in ...") until an editor fills it in. Help sits in comments on
lines of their own; a `#` after a plain value would be read as part of it.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from ..core.collections import TITLE_FIELDS
from ..core.problems import did_you_mean
from ..core.walk import SchemaField, alternatives, schema_fields

# Recorded after the fact (participants of an activity, an edition's results): not in a new
# item, nor an option of `netwerk nieuw`.
AFTERWARDS = ("participants", "results")

_PLAIN = re.compile(r"[^\W_][\w .,:;()/'\u2019+&?!=%-]*")
_PLAIN_ITEM = re.compile(r"[^\W_][\w .()/'\u2019+&-]*")
_WIDTH = 96
_KEEP = "\u00a0"


class ScaffoldError(ValueError):
    """A given value that cannot go into the front matter; the message is for the editor."""


@dataclass(frozen=True)
class Scaffold:
    text: str
    to_fill: list[str] = field(default_factory=list)
    """Required keys left empty, dotted for nested ones (`location.name`)."""


def field_paths(schema: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every key a scaffold writes, dotted for nested ones, with its schema."""
    for one in _written(schema):
        for key in one.children or [one]:
            yield key.path, key.prop


def _written(schema: Mapping[str, Any]) -> list[SchemaField]:
    return [one for one in schema_fields(schema) if one.name not in AFTERWARDS]


def normalise(value: str, prop: Mapping[str, Any]) -> str | list[str]:
    """A value from the command line as the content format writes it, or ScaffoldError."""
    value = value.strip()
    if _accepts(prop, "array"):
        items = [part.strip() for part in value.split(",") if part.strip()]
        options = _enum(prop)
        for item in items:
            if options and item not in options:
                raise ScaffoldError(
                    f"'{item}' is geen geldige waarde; {did_you_mean(item, options)}"
                )
        return items
    options = _enum(prop)
    if options and value not in options:
        raise ScaffoldError(f"'{value}' is geen geldige waarde; {did_you_mean(value, options)}")
    if _first(prop).get("format") == "date":
        written = _moment(value)
        if not isinstance(written, date) or isinstance(written, datetime):
            raise ScaffoldError(f"'{value}' is geen datum; schrijf jjjj-mm-dd, zoals 2026-03-12")
        return written.isoformat()
    if "pattern" in _first(prop):
        written = _moment(value)
        if written is None:
            raise ScaffoldError(
                f"'{value}' is geen datum of tijdstip; schrijf 2026-03-12, 2026-03-12T15:30 "
                "of 2026-03-12 15:30"
            )
        if isinstance(written, datetime):
            return written.strftime("%Y-%m-%d %H:%M")
        if isinstance(written, time):
            return written.strftime("%H:%M")
        return written.isoformat()
    if not value:
        raise ScaffoldError("is leeg; geef een waarde of laat de optie weg")
    return value


def scaffold(
    schema: Mapping[str, Any], title: str, values: Mapping[str, str | list[str]] | None = None
) -> Scaffold:
    """The new file's text: every key of the schema, with the given values or placeholders."""
    values = dict(values or {})
    title_field = next(name for name in TITLE_FIELDS if name in schema.get("properties", {}))
    values.setdefault(title_field, title)
    lines = ["---"]
    to_fill: list[str] = []
    for one in _written(schema):
        lines += _comment(one.prop, one.required, "")
        if not one.children:
            value = _value(one.path, one.prop, one.required, values, to_fill)
            lines.append(f"{one.name}:{value}")
            continue
        lines.append(f"{one.name}:")
        for child in one.children:
            lines += _comment(child.prop, child.required, "  ")
            value = _value(child.path, child.prop, child.required, values, to_fill)
            lines.append(f"  {child.name}:{value}")
    lines += ["---", "<!-- Schrijf hier de tekst, in Markdown. Dit commentaar mag weg. -->", ""]
    return Scaffold("\n".join(lines), to_fill)


def _value(
    key: str,
    prop: Mapping[str, Any],
    required: bool,
    values: Mapping[str, str | list[str]],
    to_fill: list[str],
) -> str:
    """` value` after the colon, or "" for an empty placeholder."""
    if key in values:
        return " " + _yaml(values[key])
    if "default" in prop and prop["default"] is not None:
        return " " + _yaml(prop["default"])
    if required:
        to_fill.append(key)
        return ""
    if _accepts(prop, "array"):
        return " []"
    if _accepts(prop, "object"):
        return " {}"
    return ""


def _comment(prop: Mapping[str, Any], required: bool, indent: str) -> list[str]:
    """`# Werkvelden (verplicht). Kies uit: vve, po.` on lines of their own."""
    text = str(prop.get("description", "")).rstrip(".")
    if required:
        text = f"{text} (verplicht)" if text else "Verplicht"
    options = _enum(prop)
    if options:
        text += ". Kies uit: " + ", ".join(options)
    elif prop.get("examples"):
        example = prop["examples"][0]
        shown = "[" + ", ".join(map(str, example)) + "]" if isinstance(example, list) else example
        # A no-break space keeps an example like `2026-03-12 15:30` on one line.
        text += ". Bijvoorbeeld: " + str(shown).rstrip(".").replace(" ", _KEEP)
    if not text:
        return []
    lines = textwrap.wrap(
        text.removeprefix(". ") + ".",
        width=_WIDTH,
        initial_indent=f"{indent}# ",
        subsequent_indent=f"{indent}# ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [line.replace(_KEEP, " ") for line in lines]


def _yaml(value: Any) -> str:
    """A value as YAML our front matter reader reads back as the same text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_item(str(item)) for item in value) + "]"
    text = str(value)
    if _PLAIN.fullmatch(text) and not text.endswith((" ", ":")) and ": " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _item(text: str) -> str:
    if _PLAIN_ITEM.fullmatch(text) and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def _first(prop: Mapping[str, Any]) -> Mapping[str, Any]:
    return alternatives(prop)[0]


def _accepts(prop: Mapping[str, Any], kind: str) -> bool:
    for alternative in [prop, *alternatives(prop)]:
        declared = alternative.get("type")
        if declared == kind or (isinstance(declared, list) and kind in declared):
            return True
    return False


def _enum(prop: Mapping[str, Any]) -> list[str]:
    for alternative in [prop, *alternatives(prop)]:
        if "enum" in alternative:
            return [str(option) for option in alternative["enum"]]
        items = alternative.get("items")
        if isinstance(items, Mapping) and "enum" in items:
            return [str(option) for option in items["enum"]]
    return []


def _moment(value: str) -> date | datetime | time | None:
    """2026-03-12, 2026-03-12T15:30, 2026-03-12 15:30 or 15:30; None if none of these."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            return time.fromisoformat(value)
        except ValueError:
            return None
    if moment.tzinfo is not None:
        raise ScaffoldError(
            f"'{value}' heeft een tijdzone; schrijf de Nederlandse tijd zonder tijdzone, "
            "zoals 2026-03-12T15:30"
        )
    if len(value) <= 10:
        return moment.date()
    return moment
