"""Every field of a model, walked in one way: from the pydantic model (the handbook, the editors'
messages) or from the JSON Schema generated from it (the admin page's forms, `netwerk nieuw`).

Fields come in the order editors see them: as declared, `draft` last, nested fields (a place's
`location.name`, a group's `groups.members.role`) right after their parent. What a field takes is
read from its type and from the checks it is declared with (netwerk.core.values), never by
validating. Pure Python: no MkDocs imports.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .values import CHECKS, CHOICE_CHECKS, REFERENCE_CHECKS

# Written last wherever fields are listed for editors: they look for it at the end.
LAST = "draft"


# --- From the model ------------------------------------------------------------------------


@dataclass
class Shape:
    """A field's type as an editor needs to know it."""

    base: Any = str
    many: bool = False
    one_or_many: bool = False
    """A list where one value may also be written without brackets (`leads: Projectleider`).
    A list of codes may be too (`sectors: po`, values.as_codes), but is not marked so: the
    handbook has always called it a code."""
    mapping: bool = False
    vocabulary: str | None = None
    reference: str | None = None
    check: str | None = None
    """url, image, date, when or line (netwerk.core.values.CHECKS)."""
    model: type[BaseModel] | None = None
    options: tuple[str, ...] = ()


def shape_of(info: FieldInfo) -> Shape:
    shape = Shape()
    for item in info.metadata:
        _read_metadata(item, shape)
    _read_type(info.annotation, shape)
    return shape


def _read_metadata(item: Any, shape: Shape) -> None:
    function = getattr(item, "func", None)
    if function is None:
        return
    check = CHECKS.get(function)
    if function in CHOICE_CHECKS:
        shape.vocabulary = CHOICE_CHECKS[function]
    elif function in REFERENCE_CHECKS:
        shape.reference = REFERENCE_CHECKS[function]
    elif check == "one_or_many":
        shape.one_or_many = True
    elif check is not None and check != "codes":  # codes: see Shape.one_or_many
        shape.check = check


def _read_type(annotation: Any, shape: Shape) -> None:
    origin = get_origin(annotation)
    arguments = get_args(annotation)
    if origin is Annotated:
        for item in arguments[1:]:
            _read_metadata(item, shape)
        _read_type(arguments[0], shape)
    elif origin in (Union, types.UnionType):
        for argument in arguments:
            if argument is not type(None):
                _read_type(argument, shape)
    elif origin in (list, tuple):
        shape.many = True
        _read_type(arguments[0], shape)
    elif origin is dict:
        shape.mapping = True
        _read_type(arguments[1], shape)
    elif origin is Literal:
        shape.options = tuple(str(argument) for argument in arguments)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        shape.model = annotation
    elif annotation in (date, datetime, time):
        pass  # read by parse_date or parse_when, found in the metadata
    else:
        shape.base = annotation


@dataclass(frozen=True)
class ModelField:
    """One field of a model: dotted path, whether required, its pydantic field and its shape."""

    path: str
    required: bool
    parent: str
    """The path of the field it is nested in, or ""."""
    info: FieldInfo
    shape: Shape

    @property
    def name(self) -> str:
        return self.path.rsplit(".", 1)[-1]


def fields(
    model: type[BaseModel], prefix: str = "", *, nested: bool = True
) -> Iterator[ModelField]:
    """Every field of a model; with `nested`, the fields of a nested model after their parent."""
    for name in sorted(model.model_fields, key=lambda name: name == LAST):
        info = model.model_fields[name]
        parent = prefix.rstrip(".")
        one = ModelField(prefix + name, info.is_required(), parent, info, shape_of(info))
        yield one
        if nested and one.shape.model is not None:
            yield from fields(one.shape.model, f"{one.path}.")


def model_at(model: type[BaseModel], location: Iterable[str | int]) -> type[BaseModel] | None:
    """The model at a place in a file, as a validation error gives it (`groups`, 0, `members`):
    list positions and the keys of a mapping of models (`results.po`) skipped; None where the
    place holds no model."""
    current = model
    keyed = False
    for part in location:
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        info = current.model_fields.get(part)
        shape = None if info is None else shape_of(info)
        if shape is None or shape.model is None:
            return None
        keyed, current = shape.mapping, shape.model
    return current


def field_at(model: type[BaseModel], location: tuple[str | int, ...]) -> FieldInfo | None:
    """The field at a place in a file (`location.name`), or None."""
    if not location or not isinstance(location[-1], str):
        return None
    parent = model_at(model, location[:-1])
    return None if parent is None else parent.model_fields.get(location[-1])


# --- From the JSON Schema --------------------------------------------------------------------


@dataclass(frozen=True)
class SchemaField:
    """One field of a JSON Schema generated from a model."""

    path: str
    """Dotted for nested fields: `location.name`, `groups.members.role`."""
    prop: Mapping[str, Any]
    """The property as the schema has it (`anyOf`, `description`, `default`)."""
    schema: Mapping[str, Any]
    """The property with the value it takes filled in: of `X | None` the X, of a `$ref` the
    definition."""
    required: bool
    children: list[SchemaField] = field(default_factory=list)
    """The fields of a nested object, or of each object in a list."""

    @property
    def name(self) -> str:
        return self.path.rsplit(".", 1)[-1]


def schema_fields(schema: Mapping[str, Any]) -> list[SchemaField]:
    """Every field of the schema, nested objects' fields as children."""
    return _schema_fields(schema, schema.get("$defs", {}), "")


def _schema_fields(
    schema: Mapping[str, Any], defs: Mapping[str, Any], prefix: str
) -> list[SchemaField]:
    required = set(schema.get("required", ()))
    found = []
    for name, prop in schema.get("properties", {}).items():
        path = prefix + name
        value = _resolve(_present(prop), defs)
        children: list[SchemaField] = []
        if value.get("type") == "object" and "properties" in value:
            children = _schema_fields(value, defs, path + ".")
        items = _resolve(value.get("items", {}), defs)
        if value.get("type") == "array" and "properties" in items:
            children = _schema_fields(items, defs, path + ".")
        found.append(SchemaField(path, prop, {**prop, **value}, name in required, children))
    return sorted(found, key=lambda one: one.name == LAST)


def every(found: Iterable[SchemaField]) -> Iterator[SchemaField]:
    """These fields and all nested in them."""
    for one in found:
        yield one
        yield from every(one.children)


def alternatives(prop: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """What a property takes: each of its `anyOf` but null, or the property itself."""
    options = prop.get("anyOf")
    return [prop] if options is None else [o for o in options if o.get("type") != "null"]


def _present(prop: Mapping[str, Any]) -> Mapping[str, Any]:
    """`X | None`: the X. A place or `volgt` (location): the place's fields, since a form
    cannot offer both; `volgt` written in the file is kept while the field is not edited."""
    options = alternatives(prop)
    if len(options) > 1:
        objects = [o for o in options if "$ref" in o or "properties" in o]
        if len(objects) == 1:
            return objects[0]
    return options[0] if len(options) == 1 else prop


def _resolve(prop: Mapping[str, Any], defs: Mapping[str, Any]) -> dict[str, Any]:
    reference = prop.get("$ref")
    if reference:
        return dict(defs[reference.rsplit("/", 1)[-1]])
    return dict(prop)
