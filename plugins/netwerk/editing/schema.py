"""JSON Schema per collection, generated from the models, for editors' tools.

The schemas follow the validation the build does, as far as JSON Schema can say it: the
configured vocabularies (sectors, kinds, statuses) become `enum`s, and the slugs that exist
become `examples` of references (offered for completion, not enforced: a schema written
yesterday must not flag a partner added today). Text fields also accept numbers, because the
build keeps `code: 12` as the text "12" where a YAML 1.2 tool sees a number.

Pure: settings and slugs in, dictionaries out; the CLI writes them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ..core.collections import BY_FOLDER, EDITIONS, ITEMS
from ..core.editions import HIGHLIGHT_FOLDERS, Edition
from ..core.fields import FIGURES, ORGANISATION, SHARED, about
from ..core.figures import Figures
from ..core.models import Activity, Item, Organisation
from ..core.rules import RULES, as_data
from ..core.settings import Settings
from ..core.values import CHECKS, CHOICE_CHECKS, REFERENCE_CHECKS

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def hint(folder: str, field: str) -> str | None:
    """A field's description (netwerk.core.fields); without a folder, the text for an option
    that several kinds share (`netwerk nieuw --sectors`)."""
    if not folder:
        return SHARED.get(field)
    try:
        return about(folder, field).description
    except KeyError:
        return None


def collection_schema(
    model: type[BaseModel],
    settings: Settings,
    slugs: Mapping[str, frozenset[str]],
    *,
    title: str,
) -> dict[str, Any]:
    """The JSON Schema of one collection's front matter (or of a data file)."""

    class Generator(_Generator):
        pass

    Generator.settings = settings
    Generator.slugs = slugs
    schema = model.model_json_schema(schema_generator=Generator)
    _shape(schema, model, settings)
    _describe(schema)
    for definition in schema.get("$defs", {}).values():
        _describe(definition)
    participants = schema.get("properties", {}).get("participants")
    if participants is not None:  # per sector: the network's sectors
        participants["anyOf"][1]["propertyNames"] = {"enum": list(settings.sectors)}
    return {"$schema": DIALECT, "title": title, **schema}


def _shape(schema: dict[str, Any], model: type[BaseModel], settings: Settings) -> None:
    """What the network's shape fills in (models.Item._network_defaults) is no required field:
    the one sector, the one membership or none (then no field at all), the usual status."""
    properties: dict[str, Any] = schema.get("properties", {})
    required: list[str] = schema.get("required", [])

    def optional(name: str, default: Any) -> None:
        if name in required:
            required.remove(name)
        properties[name]["default"] = default

    if "sectors" in required and settings.one_sector:
        optional("sectors", list(settings.sectors))
    if "membership" in properties:
        if not settings.memberships:
            del properties["membership"]
            if "membership" in required:
                required.remove("membership")
        elif len(settings.memberships) == 1:
            optional("membership", next(iter(settings.memberships)))
    if model is Activity:
        properties["status"]["default"] = settings.default_activity_status
    if not required:
        schema.pop("required", None)


# What JSON Schema cannot say (one field against another, a date against today): the build's
# rules as data (netwerk.core.rules), which the admin page's forms check too.
RULES_KEYWORD = "x-netwerk-regels"


def _with_rules(
    schema: dict[str, Any], folder: str, model: type[BaseModel], settings: Settings
) -> None:
    if folder in RULES:
        schema[RULES_KEYWORD] = as_data(folder, model, settings)


def collection_schemas(
    settings: Settings, slugs: Mapping[str, frozenset[str]], audiences: Sequence[str] = ()
) -> dict[str, dict[str, Any]]:
    """Every schema by name: the collection folders, `organisatie`, `cijfers` and `nieuwsbrief`."""
    schemas: dict[str, dict[str, Any]] = {}
    for collection in ITEMS:
        schemas[collection.folder] = collection_schema(
            collection.model,
            settings,
            slugs,
            title=f"Front matter van een {collection.singular} (content/{collection.folder}/*.md)",
        )
        _with_rules(schemas[collection.folder], collection.folder, collection.model, settings)
    schemas[ORGANISATION] = collection_schema(
        Organisation,
        settings,
        slugs,
        title="Wie is wie (content/organisatie.yml)",
    )
    schemas[FIGURES] = collection_schema(
        Figures,
        settings,
        slugs,
        title="Jaarcijfers: abonnees en volgers (content/cijfers.yml)",
    )
    schemas[EDITIONS.folder] = edition_schema(settings, slugs, audiences)
    return schemas


def edition_schema(
    settings: Settings, slugs: Mapping[str, frozenset[str]], audiences: Sequence[str]
) -> dict[str, Any]:
    """A newsletter edition: the configured audiences as options, items to highlight as
    examples."""
    schema = collection_schema(
        Edition,
        settings,
        slugs,
        title="Een editie van de nieuwsbrief (newsletters/*.md)",
    )
    properties = schema["properties"]
    if audiences:
        properties["audiences"]["items"] = {"type": "string", "enum": list(audiences)}
        properties["intros"]["propertyNames"] = {"enum": list(audiences)}
        properties["results"]["propertyNames"] = {"enum": list(audiences)}
    items = [
        f"{folder}/{slug}" for folder in HIGHLIGHT_FOLDERS for slug in sorted(slugs.get(folder, ()))
    ]
    if items:
        properties["highlights"]["items"]["examples"] = items
    return schema


def kind_schema(
    model: type[BaseModel],
    settings: Settings | None = None,
    slugs: Mapping[str, frozenset[str]] | None = None,
    audiences: Sequence[str] = (),
) -> dict[str, Any]:
    """The schema of one collection or of an edition; default vocabularies, no slugs."""
    settings = settings or Settings()
    if model is Edition:
        return edition_schema(settings, slugs or {}, audiences)
    assert issubclass(model, Item)
    schema = collection_schema(
        model,
        settings,
        slugs or {},
        title=f"Front matter van een {BY_FOLDER[model.folder].singular}",
    )
    _with_rules(schema, model.folder, model, settings)
    return schema


def _describe(schema: dict[str, Any]) -> None:
    """Drop pydantic's English titles; the Dutch descriptions come from the models, which take
    them from netwerk.core.fields."""
    schema.pop("title", None)
    for field in schema.get("properties", {}).values():
        field.pop("title", None)


class _Generator(GenerateJsonSchema):
    settings: ClassVar[Settings] = Settings()
    slugs: ClassVar[Mapping[str, frozenset[str]]] = {}

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        text = super().str_schema(schema)
        text["type"] = ["string", "number"]
        return text

    def function_after_schema(
        self, schema: core_schema.AfterValidatorFunctionSchema
    ) -> JsonSchemaValue:
        result = super().function_after_schema(schema)
        check = schema["function"]["function"]
        if check in CHOICE_CHECKS:
            options = self.settings.vocabulary(CHOICE_CHECKS[check])
            result = {"type": "string", "enum": list(options)}
            # VS Code's JSON and YAML tools show these next to each option.
            result["enumDescriptions"] = list(options.values())
        elif check in REFERENCE_CHECKS:
            known = sorted(self.slugs.get(REFERENCE_CHECKS[check], ()))
            if known:
                result = {**result, "examples": known}
        return result

    def function_before_schema(
        self, schema: core_schema.BeforeValidatorFunctionSchema
    ) -> JsonSchemaValue:
        result = super().function_before_schema(schema)
        if CHECKS.get(schema["function"]["function"]) in ("one_or_many", "codes") and (
            "items" in result
        ):
            # `sectors: po` is read as `sectors: [po]`.
            return {"anyOf": [result["items"], result]}
        return result
