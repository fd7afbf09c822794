"""The editors' messages for what pydantic found: each error of a validation, in Dutch, with
the file, the line, the field and what to write instead (an example from the model, or from the
network's own lists). Pure Python: no MkDocs imports.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from .frontmatter import Source
from .problems import Problem, did_you_mean, field_hint
from .settings import Settings
from .walk import field_at, model_at, shape_of


def translate(
    error: ValidationError, source: Source, model: type[BaseModel], settings: Settings
) -> Iterator[Problem]:
    """Each error of the validation of `source` against `model`, as a problem for editors."""
    for detail in error.errors(include_url=False):
        location = tuple(detail["loc"])
        field = ".".join(str(part) for part in location if isinstance(part, str)) or source.block
        line = source.line_of(location)
        example = Example(model, location, settings)
        yield Problem(source.path, line, field, _message(detail, location, model, example))


def _message(
    detail: Any, location: tuple[Any, ...], model: type[BaseModel], example: Example
) -> str:
    kind, value = detail["type"], detail.get("input")
    if kind == "missing":
        return f"ontbreekt; {_to_fill(location, 'voeg', 'toe', example)}"
    if kind == "extra_forbidden":
        known = _field_names(model, location[:-1])
        return f"is geen bekend veld; {field_hint(str(location[-1]), known)}"
    if kind == "string_too_long":
        return (
            f"is {len(str(value))} tekens lang; schrijf er hoogstens {detail['ctx']['max_length']}"
        )
    if value is None or kind == "string_too_short":
        if _required(model, location):
            return f"is leeg; {_to_fill(location, 'vul', 'in', example)}"
        return "is leeg; vul een waarde in of haal de regel weg"
    if kind == "too_short":
        return f"is een lege lijst; noem er minstens één, zoals [{example.first}]"
    if kind in ("string_type", "str_type"):
        return "verwacht één tekst, geen lijst of reeks velden"
    if kind in ("list_type", "tuple_type"):
        return f"verwacht een lijst, zoals {example.list}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        names = ", ".join(_field_names(model, location))
        return f"verwacht velden ({names}), elk op een eigen, ingesprongen regel"
    if kind in ("bool_parsing", "bool_type"):
        return f"'{value}' is geen ja/nee-waarde; schrijf true of false"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{value}' is geen heel getal; schrijf bijvoorbeeld 1"
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", detail.get("ctx", {}).get("expected", ""))
        return f"'{value}' is geen geldige waarde; {did_you_mean(str(value), options)}"
    if detail["type"] in _OUR_ERRORS:
        message: str = detail["msg"]
        return message
    written = example.written().removeprefix(", bijvoorbeeld ")
    if written:
        return f"heeft een waarde die hier niet past; schrijf het zoals {written}"
    return (
        "heeft een waarde die hier niet past; kijk in de handleiding (Items en velden) "
        "wat dit veld verwacht"
    )


# Error types raised by our own validators, whose messages are already written for editors.
_OUR_ERRORS = {
    "choice",
    "reference",
    "url",
    "image",
    "date",
    "time",
    "when",
    "list",
    "line",
    "location",
    "count",
    "participants",
    "figures",
    "results",
}


def _field_names(model: type[BaseModel], location: tuple[Any, ...]) -> list[str]:
    """The field names of the (nested) model at this location."""
    found = model_at(model, location)
    return [] if found is None else list(found.model_fields)


# What a required field holds, for "vul een titel in" and "voeg een titel toe".
_NOUNS = {
    "title": "een titel",
    "name": "een naam",
    "subject": "een onderwerp",
    "summary": "een samenvatting van één of twee zinnen",
    "sectors": "een of meer werkvelden",
    "membership": "het lidmaatschap",
    "theme": "een thema",
    "status": "de status",
    "goal": "het doel",
    "start": "de datum (en tijd) van het begin",
    "date": "de datum",
    "kind": "de soort",
    "role": "de rol",
}


def _to_fill(location: tuple[Any, ...], verb: str, particle: str, example: Example) -> str:
    """`vul een titel in, bijvoorbeeld title: ...` for a required field."""
    name = location[-1] if location else ""
    noun = _NOUNS.get(str(name))
    if noun is None:
        return f"dit veld is verplicht{example.written()}"
    return f"{verb} {noun} {particle}{example.written()}"


def _required(model: type[BaseModel], location: tuple[Any, ...]) -> bool:
    field = field_at(model, location)
    return field is not None and field.is_required()


class Example:
    """The example value of a field in messages: from the network's own lists where the field
    takes their codes (`sectors: [po, so]`), else the model's example."""

    def __init__(self, model: type[BaseModel], location: tuple[Any, ...], settings: Settings):
        self.name = str(location[-1]) if location else ""
        field = field_at(model, location)
        self.value: Any = None
        if field is None:
            return
        examples = field.examples or []
        shape = shape_of(field)
        codes = list(settings.vocabulary(shape.vocabulary)) if shape.vocabulary else []
        if codes:
            many = shape.many or (examples and isinstance(examples[0], list))
            self.value = codes[:2] if many else codes[0]
        elif examples:
            self.value = examples[0]

    @property
    def first(self) -> str:
        """One value, for a list that needs at least one."""
        if isinstance(self.value, list) and self.value:
            return str(self.value[0])
        return str(self.value) if self.value else "..."

    @property
    def list(self) -> str:
        if isinstance(self.value, list):
            return "[" + ", ".join(self.value) + "]"
        return "[eerste, tweede]"

    def written(self) -> str:
        """`, bijvoorbeeld sectors: [po, vo]`, or nothing without an example."""
        if self.value is None:
            return ""
        value = self.list if isinstance(self.value, list) else self.value
        return f", bijvoorbeeld {self.name}: {value}"


def printable(problem: Problem) -> Problem:
    """Editors' text quoted in a problem, with line breaks and control characters made visible."""
    field, message = _printable(problem.field), _printable(problem.message)
    if (field, message) == (problem.field, problem.message):
        return problem
    return Problem(problem.path, problem.line, field, message)


def _printable(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
