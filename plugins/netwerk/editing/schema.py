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

from ..core.figures import Figures
from ..core.models import (
    CHOICE_CHECKS,
    COLLECTIONS,
    REFERENCE_CHECKS,
    Activity,
    Item,
    NewsItem,
    Organisation,
    Partner,
    Project,
    Resource,
    Theme,
    _as_codes,
    _as_list,
)
from ..core.settings import Settings
from ..newsletters.selection import HIGHLIGHT_FOLDERS, Edition

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ORGANISATION = "organisatie"
FIGURES = "cijfers"
NEWSLETTER = "nieuwsbrief"

# Dutch hover texts for fields whose model gives no description; by (folder, field), then field.
HINTS: dict[str, str] = {
    "title": "Titel, zoals lezers die zien",
    "name": "Naam, zoals lezers die zien",
    "summary": "Eén zin voor lijsten, zoekresultaten en feeds",
    "sectors": "Werkvelden: één code, of een lijst zoals [po, vo]",
    "membership": "Soort lidmaatschap",
    "website": "Webadres, beginnend met https://",
    "municipality": "Gemeente",
    "member_since": "Lid sinds, als datum jjjj-mm-dd",
    "themes": "Thema's: bestandsnamen zonder .md, als lijst",
    "theme": "Thema: bestandsnaam zonder .md",
    "project": "Project: bestandsnaam zonder .md",
    "partners": "Partners: bestandsnamen zonder .md, als lijst",
    "code": 'Code van het projectonderdeel, zoals "2d"',
    "status": "Status",
    "start": "Begin, als datum jjjj-mm-dd",
    "end": "Einde, als datum jjjj-mm-dd",
    "location": "Waar: name en address, elk op een eigen ingesprongen regel",
    "address": "Adres met postcode en plaats",
    "online_url": "Webadres van een online activiteit",
    "kind": "Soort",
    "registration_url": "Webadres om je aan te melden",
    "date": "Datum van het bericht, jjjj-mm-dd",
    "image": "Afbeelding: pad vanaf content/, zoals afbeeldingen/foto.jpg",
    "image_alt": "Wat er op de afbeelding staat, voor wie hem niet ziet",
    "url": "Webadres van de bron",
    "role": "Rol in de groep",
    "partner": "Partner: bestandsnaam zonder .md",
    "organisation": "Organisatie, als die geen partner is",
    "task": "Taak van de groep",
    "description": "Toelichting",
    "members": "Leden, elk met role en name of partner",
    "groups": "Groepen, zoals regiegroep en projectgroep",
    "intro": "Inleiding boven de groepen",
}
COLLECTION_HINTS: dict[tuple[str, str], str] = {
    ("agenda", "start"): "Begin: 2026-03-12 15:30, of 2026-03-12 voor een hele dag",
    ("agenda", "end"): "Einde: 2026-03-12 17:00, alleen een tijd (17:00), of een datum",
    ("agenda", "kind"): "Soort activiteit",
    ("agenda", "location"): (
        "Waar: name en address; voor een online activiteit haal je location weg en vul je "
        "online_url in"
    ),
    ("agenda", "name"): "Naam van de plek",
    ("nieuws", "kind"): "Soort bericht",
    ("kennisbank", "kind"): "Soort bron",
    ("kennisbank", "sectors"): "Werkvelden (mag leeg): één code, of een lijst zoals [po, vo]",
    ("projecten", "status"): "Projectstatus",
    ("agenda", "status"): "Status van de activiteit",
}

# Dutch names of the collections, for titles of the schemas and the scaffolds.
NOUNS: dict[str, str] = {
    Partner.folder: "partner",
    Theme.folder: "thema",
    Project.folder: "project",
    Activity.folder: "activiteit",
    NewsItem.folder: "nieuwsbericht",
    Resource.folder: "bron",
}


def hint(folder: str, field: str) -> str | None:
    return COLLECTION_HINTS.get((folder, field)) or HINTS.get(field)


def collection_schema(
    model: type[BaseModel],
    settings: Settings,
    slugs: Mapping[str, frozenset[str]],
    *,
    folder: str,
    title: str,
) -> dict[str, Any]:
    """The JSON Schema of one collection's front matter (or of a data file)."""

    class Generator(_Generator):
        pass

    Generator.settings = settings
    Generator.slugs = slugs
    schema = model.model_json_schema(schema_generator=Generator)
    _describe(schema, folder)
    for definition in schema.get("$defs", {}).values():
        _describe(definition, folder)
    participants = schema.get("properties", {}).get("participants")
    if participants is not None:  # per sector: the network's sectors
        participants["anyOf"][1]["propertyNames"] = {"enum": list(settings.sectors)}
    return {"$schema": DIALECT, "title": title, **schema}


def collection_schemas(
    settings: Settings, slugs: Mapping[str, frozenset[str]], audiences: Sequence[str] = ()
) -> dict[str, dict[str, Any]]:
    """Every schema by name: the collection folders, `organisatie`, `cijfers` and `nieuwsbrief`."""
    schemas: dict[str, dict[str, Any]] = {}
    for model in COLLECTIONS:
        schemas[model.folder] = collection_schema(
            model,
            settings,
            slugs,
            folder=model.folder,
            title=f"Front matter van een {NOUNS.get(model.folder, model.folder)} "
            f"(content/{model.folder}/*.md)",
        )
    schemas[ORGANISATION] = collection_schema(
        Organisation,
        settings,
        slugs,
        folder=ORGANISATION,
        title="Wie is wie (content/organisatie.yml)",
    )
    schemas[FIGURES] = collection_schema(
        Figures,
        settings,
        slugs,
        folder=FIGURES,
        title="Jaarcijfers: abonnees en volgers (content/cijfers.yml)",
    )
    schemas[NEWSLETTER] = edition_schema(settings, slugs, audiences)
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
        folder=NEWSLETTER,
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
    return collection_schema(
        model,
        settings,
        slugs or {},
        folder=model.folder,
        title=f"Front matter van een {NOUNS.get(model.folder, model.folder)}",
    )


def _describe(schema: dict[str, Any], folder: str) -> None:
    """Dutch descriptions where the model has none; drop pydantic's English titles."""
    schema.pop("title", None)
    for name, field in schema.get("properties", {}).items():
        field.pop("title", None)
        text = hint(folder, name)
        if "description" not in field and text:
            field["description"] = text


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
        if schema["function"]["function"] in (_as_list, _as_codes) and "items" in result:
            # `sectors: po` is read as `sectors: [po]`.
            return {"anyOf": [result["items"], result]}
        return result
