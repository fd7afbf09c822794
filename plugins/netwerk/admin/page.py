"""The admin page at /admin/: Decap CMS with a form per collection, generated from the models.

`admin: true` (or a mapping, see `admin_from`) in the plugin's options turns it on. The build
then writes `admin/`: Decap's `config.yml` made here from the models and the network's
settings, an `index.html`, our own scripts (`netwerk-admin.js`: a file format per collection
that rewrites only the fields an editor changed, the slug rules of `netwerk nieuw`, checks
and preview templates) and the two scripts from npm (Decap CMS and the `yaml` library), which
`npm run beheer` packs into `node_modules/.beheer/`. Nothing on the site links to /admin/, and
it is no page: not in the search index, not in the sitemap, and it says `noindex`.

Every field of every model becomes a widget, but those the network's shape fills in; hints are
the form hints of netwerk.core.fields, beside the descriptions the handbook, `netwerk schema` and
`netwerk nieuw` show.
Pure Python: no MkDocs imports.
"""

from __future__ import annotations

import json
import re
import tarfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ..core import fields as described
from ..core import rules
from ..core.admin_option import DEFAULT_PORT, Admin
from ..core.collections import BY_FOLDER, EDITIONS, ITEMS, Collection
from ..core.editions import HIGHLIGHT_FOLDERS
from ..core.figures import FIGURES_FILE, Figures
from ..core.frontmatter import INVISIBLE, INVISIBLE_IN_VALUE, INVISIBLE_ON_LINE
from ..core.models import ORGANISATION_FILE, Organisation, PageMeta
from ..core.values import (
    CHECKS,
    CHOICE_CHECKS,
    FOLLOWS,
    FOLLOWS_ADVICE,
    REFERENCE_CHECKS,
    URL_ADVICE,
)
from ..core.walk import SchemaField as Field
from ..core.walk import every, schema_fields
from ..core.walk import fields as model_shapes

if TYPE_CHECKING:
    from jinja2 import Environment

    from ..core.network import Network
    from ..core.options import Options

ADDRESS = "admin"
"""The admin page's folder on the site: /admin/."""
PACKED = "node_modules/.beheer"
"""Where `npm run beheer` puts the npm tarballs, next to mkdocs.yml."""
CMS_PACKAGE, CMS_SCRIPT, CMS_MAJOR = "decap-cms", "dist/decap-cms.js", 3
YAML_PACKAGE, YAML_FOLDER, YAML_MAJOR = "yaml", "browser/dist/", 2
SLUG_FIELD = "netwerk_slug"
"""Set by our preSave handler to the file name `netwerk nieuw` would give; the collections'
slug template reads it, and the file format never writes it."""

# Dutch labels above the fields; the hint below each is its form hint in netwerk.core.fields.
LABELS: dict[str, str] = {
    "title": "Titel",
    "name": "Naam",
    "summary": "Samenvatting",
    "sectors": "Werkvelden",
    "membership": "Lidmaatschap",
    "website": "Website",
    "logo": "Logo",
    "logo_alt": "Beschrijving van het logo",
    "municipality": "Gemeente",
    "member_since": "Lid sinds",
    "themes": "Thema's",
    "order": "Volgorde",
    "code": "Code",
    "theme": "Thema",
    "status": "Status",
    "leads": "Trekkers",
    "partners": "Partners",
    "goal": "Doel",
    "start": "Begin",
    "end": "Einde",
    "location": "Plaats",
    "location.name": "Naam van de plek",
    "location.address": "Adres",
    "online_url": "Online: webadres",
    "kind": "Soort",
    "project": "Project",
    "registration_url": "Aanmelden: webadres",
    "date": "Datum",
    "image": "Afbeelding",
    "image_alt": "Beschrijving van de afbeelding",
    "url": "Webadres",
    "draft": "Concept: nog niet publiceren",
    "intro": "Inleiding",
    "groups": "Groepen",
    "groups.name": "Naam van de groep",
    "groups.task": "Taak",
    "groups.description": "Toelichting",
    "groups.members": "Leden",
    "groups.members.role": "Rol",
    "groups.members.name": "Naam",
    "groups.members.partner": "Partner",
    "groups.members.organisation": "Organisatie",
    "groups.members.sectors": "Werkvelden",
    "groups.members.theme": "Thema",
    "subject": "Onderwerp",
    "preheader": "Voorvertoning in de inbox",
    "audiences": "Doelgroepen",
    "intros": "Inleiding per doelgroep",
    "highlights": "Uitgelicht",
    "description": "Beschrijving",
    "subtitle": "Ondertitel",
    "hide": "Verbergen",
    "search": "Zoekfunctie",
    "search.exclude": "Niet in de zoekfunctie",
    "body": "Tekst",
    "projects": "Projecten",
    "participants": "Deelnemers (na afloop)",
    "results": "Resultaten per doelgroep (na verzending)",
    "recipients": "Ontvangers",
    "opens": "Geopend",
    "clicks": "Geklikt",
    "subscribers": "Abonnees op de nieuwsbrief",
    "subscribers.key": "Jaar of schooljaar",
    "subscribers.value": "Aantal abonnees",
    "followers": "Volgers",
    "followers.key": "Kanaal",
    "followers.value": "Per jaar of schooljaar",
    "followers.value.key": "Jaar of schooljaar",
    "followers.value.value": "Aantal volgers",
}
# What "Voeg ... toe" adds to a list.
SINGULAR: dict[str, str] = {
    "leads": "trekker",
    "groups": "groep",
    "groups.members": "lid",
    "subscribers": "jaar",
    "followers": "kanaal",
    "followers.value": "jaar",
}
# Longer texts get a text area instead of one line.
LONG_TEXTS = {"summary", "goal", "description", "intro", "preheader"}
# The lists of items can be sorted by their title and by these.
SORTING: dict[str, tuple[str, ...]] = {
    "nieuws": ("date",),
    "agenda": ("start",),
    described.NEWSLETTER: ("date",),
}
# Where uploaded images go, below the content folder, and the fields that describe them.
IMAGE_FOLDER = "afbeeldingen"
IMAGE_SUBFOLDERS = {("partners", "logo"): "afbeeldingen/logos"}
ALT_FIELDS = {"logo": "logo_alt", "image": "image_alt"}
# The host (up to /, ? or #) without brackets: https://[::1 is an address the build cannot read.
URL_PATTERN = r"^(https?://[^\s/?#\[\]]+([/?#]\S*)?|mailto:[^\s@]+@\S+)$"
URL_MESSAGE = f"Geen geldig webadres; {URL_ADVICE}"
URL_OR_FOLLOWS = rf"^({FOLLOWS}|{FOLLOWS.capitalize()}|{URL_PATTERN[2:-2]})$"
URL_OR_FOLLOWS_MESSAGE = f"{URL_MESSAGE}, {FOLLOWS_ADVICE}"
BODY_HINT = "De tekst op de pagina, in Markdown: **vet**, *schuin*, [link](https://...), lijsten"
ORGANISATION_HINT = "Wie is wie: de groepen van het netwerk en hun leden"
FOLLOWS_LABEL = "Volgt nog"
FOLLOWS_HINT = (
    "Aan als de plek nog niet bekend is: de site toont 'Locatie volgt'; naam en adres "
    "worden dan niet bewaard"
)
PAGES = "paginas"
ORGANISATION = "organisatie"
FIGURES = "cijfers"
FIGURES_HINT = (
    "Wat de site niet uit de inhoud kan tellen: abonnees en volgers per jaar of schooljaar, "
    "voor /in-cijfers/ en het jaarverslag"
)


# --- The fields: JSON Schema of the models, marked where the build checks more ---------------


class _Marked(GenerateJsonSchema):
    """The models' JSON Schema, with the checks the build adds named: `x-vocabulary` (a list
    in mkdocs.yml), `x-folder` (a file name in that folder), `x-url` and `x-image`."""

    def function_after_schema(
        self, schema: core_schema.AfterValidatorFunctionSchema
    ) -> JsonSchemaValue:
        result = super().function_after_schema(schema)
        check = schema["function"]["function"]
        if check in CHOICE_CHECKS:
            result["x-vocabulary"] = CHOICE_CHECKS[check]
        elif check in REFERENCE_CHECKS:
            result["x-folder"] = REFERENCE_CHECKS[check]
        elif check in CHECKS:
            result[f"x-{CHECKS[check]}"] = True
        return result


def model_fields(model: type[BaseModel]) -> list[Field]:
    """Every field of a model, nested models as children; `draft` last, as `netwerk nieuw`
    writes it."""
    found = schema_fields(model.model_json_schema(schema_generator=_Marked))
    return _with_dates(found, {one.path: one.shape.check for one in model_shapes(model)})


def _with_dates(found: list[Field], checks: Mapping[str, str | None]) -> list[Field]:
    """The fields marked `x-date` or `x-when` as the model checks them (parse_date, parse_when:
    their JSON Schema is the pattern only). A `when` after another one in the same model is its
    end (`x-end-of`): it may be a time alone, on that day, as Activity.ends reads it."""
    marked: list[Field] = []
    begins: str | None = None
    for one in found:
        check = checks.get(one.path)
        extra: dict[str, Any] = {}
        if check == "date":
            extra["x-date"] = True
        elif check == "when":
            extra["x-when"] = True
            if begins:
                extra["x-end-of"] = begins
            begins = begins or one.name
        children = _with_dates(one.children, checks)
        marked.append(replace(one, schema={**one.schema, **extra}, children=children))
    return marked


# --- Decap's configuration -------------------------------------------------------------------


@dataclass(frozen=True)
class Site:
    """What the configuration needs of the site besides the options."""

    options: Options
    admin: Admin
    content_dir: str = "content"
    """The content folder, relative to the repository (the folder of mkdocs.yml)."""
    site_url: str | None = None
    pages: Mapping[str, str] = field(default_factory=dict)
    """The editors' own pages (`index.md`, `privacy.md`), each with its label."""
    slugs: Mapping[str, Iterable[str]] = field(default_factory=dict)
    """The items there are, by folder (for highlights written without a folder)."""
    titles: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """What the site calls the items a reference names, by folder and file name (titles)."""


def decap_config(site: Site) -> dict[str, Any]:
    """Decap CMS's config.yml, as data."""
    admin = site.admin
    config: dict[str, Any] = {
        "backend": _backend(admin),
        "local_backend": (
            True
            if admin.local_port == DEFAULT_PORT
            else {"url": f"http://localhost:{admin.local_port}/api/v1"}
        ),
        "locale": "nl",
        "media_folder": f"{site.content_dir}/{IMAGE_FOLDER}",
        "public_folder": IMAGE_FOLDER,
        # Accents and other characters go; netwerk-admin.js makes the item names themselves.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
    }
    if admin.review:
        config["publish_mode"] = "editorial_workflow"
    if site.site_url:
        config["site_url"] = site.site_url
        config["display_url"] = site.site_url
    collections = [_collection(site, collection) for collection in ITEMS]
    if site.options.audiences:
        collections.append(_editions(site))
    collections.append(_organisation(site))
    collections.append(_figures(site))
    if site.pages:
        collections.append(_pages(site))
    config["collections"] = collections
    return config


def _backend(admin: Admin) -> dict[str, Any]:
    if admin.backend is None:
        # Not used: on localhost with decap-server running, Decap takes its local proxy instead;
        # elsewhere index.html explains that no backend is configured.
        return {"name": "git-gateway", "branch": admin.branch}
    backend: dict[str, Any] = {"name": admin.backend, "repo": admin.repo, "branch": admin.branch}
    if admin.backend == "gitlab":
        backend["auth_type"] = "pkce"
    for key in ("app_id", "base_url", "auth_endpoint", "api_root", "site_domain"):
        value = getattr(admin, key)
        if value is not None:
            backend[key] = value
    return backend


def _folder(site: Site, name: str) -> str:
    return f"{site.content_dir}/{name}"


def _labels(collection: Collection) -> dict[str, str]:
    """The menu's names: the section (`Agenda`) and one item in it (`Activiteit`); in the
    Nieuwsbrief an `Editie`, which the section already says is of the newsletter."""
    one = collection.singular.removeprefix(f"{collection.label.lower()}-")
    return {"label": collection.label, "label_singular": one.capitalize()}


def _collection(site: Site, items: Collection) -> dict[str, Any]:
    folder, title_field = items.folder, items.title_field
    collection: dict[str, Any] = {
        "name": folder,
        **_labels(items),
        "folder": _folder(site, folder),
        "extension": "md",
        "format": format_name(folder),
        "create": True,
        "slug": "{{" + SLUG_FIELD + "}}",
        "identifier_field": title_field,
        "summary": "{{" + title_field + "}}",
        "preview_path": f"{folder}/{{{{slug}}}}/",
        "fields": [
            *(_widget(site, folder, one) for one in _form_fields(site, items.model)),
            _body(),
        ],
    }
    _sorting(collection, folder, title_field)
    return collection


def _sorting(collection: dict[str, Any], folder: str, title_field: str) -> None:
    collection["sortable_fields"] = [*SORTING.get(folder, ()), title_field]


def _editions(site: Site) -> dict[str, Any]:
    folder, title_field = EDITIONS.folder, EDITIONS.title_field
    collection: dict[str, Any] = {
        "name": folder,
        **_labels(EDITIONS),
        "folder": site.options.newsletters_dir,
        "extension": "md",
        "format": format_name(folder),
        "create": True,
        "slug": "{{" + SLUG_FIELD + "}}",
        "identifier_field": title_field,
        "summary": "{{" + title_field + "}}",
        "fields": [
            *(_widget(site, folder, one) for one in _form_fields(site, EDITIONS.model)),
            _body("De inleiding voor alle doelgroepen, in Markdown"),
        ],
    }
    _sorting(collection, folder, title_field)
    return collection


def _organisation(site: Site) -> dict[str, Any]:
    return _data_file(
        site, ORGANISATION, ("Organisatie", "Wie is wie"), ORGANISATION_HINT, ORGANISATION_FILE,
        described.ORGANISATION, Organisation,
    )  # fmt: skip


def _figures(site: Site) -> dict[str, Any]:
    """content/cijfers.yml: a form of its own, like organisatie.yml."""
    return _data_file(
        site, FIGURES, ("Cijfers", "Abonnees en volgers"), FIGURES_HINT, FIGURES_FILE,
        described.FIGURES, Figures, preview=False,
    )  # fmt: skip


def _data_file(
    site: Site,
    name: str,
    labels: tuple[str, str],
    hint: str,
    file: str,
    folder: str,
    model: type[BaseModel],
    *,
    preview: bool = True,
) -> dict[str, Any]:
    """A data file of the content folder as a collection of one file: its label in the list,
    the form's title, its hint and the fields of its model."""
    return {
        "name": name,
        "label": labels[0],
        "format": format_name(name),
        "extension": "yml",
        **({} if preview else {"editor": {"preview": False}}),
        "files": [
            {
                "name": name,
                "label": labels[1],
                "description": hint,
                "file": _folder(site, file),
                "fields": [_widget(site, folder, one) for one in _form_fields(site, model)],
            }
        ],
    }


def _pages(site: Site) -> dict[str, Any]:
    return {
        "name": PAGES,
        "label": "Pagina's",
        "format": format_name(PAGES),
        "extension": "md",
        "files": [
            {
                "name": _page_name(uri),
                "label": label,
                "file": _folder(site, uri),
                "fields": [
                    *(_widget(site, described.PAGE, one) for one in _form_fields(site, PageMeta)),
                    _body(),
                ],
            }
            for uri, label in sorted(site.pages.items())
        ],
    }


def _page_name(uri: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", uri.removesuffix(".md").lower()).strip("-") or "pagina"


def _body(hint: str = BODY_HINT) -> dict[str, Any]:
    return {
        "name": "body",
        "label": LABELS["body"],
        "widget": "markdown",
        "required": False,
        "hint": hint,
        # The Markdown as written (admonitions, tables, attributes stay as they are). No rich
        # text: Decap opens it by default whatever the order here (its last mode is kept in
        # localStorage, rich text when none), and it writes the whole text anew (`-` lists
        # become `*`, typed Markdown is escaped). No editor components: they load scripts we
        # don't ship.
        "modes": ["raw"],
        "editor_components": [],
        "sanitize_preview": True,
    }


def label_of(path: str) -> str:
    return LABELS.get(path) or LABELS[path.rsplit(".", 1)[-1]]


def _form_fields(site: Site, model: type[BaseModel]) -> list[Field]:
    """The model's fields this network's forms ask for: none the network's shape fills in or
    leaves out (the one sector, no memberships), as in the handbook."""
    settings = site.options.settings
    return [
        one
        for one in model_fields(model)
        if described.exists(settings, one.path) and not described.filled_in(settings, one.path)
    ]


def hint_of(site: Site, folder: str, path: str) -> str:
    """The hint below a field: its form hint (netwerk.core.fields), for this network."""
    try:
        return described.form_hint(folder, path, site.options.settings)
    except KeyError:
        if path.startswith("search."):
            return "Aan: de pagina komt niet in de zoekfunctie van de site"
        raise


def _widget(site: Site, folder: str, one: Field, *, optional_group: bool = False) -> dict[str, Any]:
    prop = one.schema
    widget: dict[str, Any] = {
        "name": one.name,
        "label": label_of(one.path),
        "hint": hint_of(site, folder, one.path),
        # Decap checks a group's fields even when the whole group is left empty; within an
        # optional group (location) the model's own check (preSave) asks for what is missing.
        "required": one.required and not optional_group,
    }
    kind = prop.get("type")
    items = prop.get("items", {})
    if folder == described.NEWSLETTER and one.name == "highlights":
        return {**widget, **_highlights(site)}
    if folder == described.NEWSLETTER and one.name == "audiences":
        options = [{"label": a.name, "value": a.slug} for a in site.options.audiences]
        return {**widget, "widget": "select", "multiple": True, "options": options}
    if folder == described.NEWSLETTER and one.name == "intros":
        return {
            **widget,
            "widget": "object",
            "collapsed": True,
            "fields": [
                {
                    "name": audience.slug,
                    "label": audience.name,
                    "widget": "text",
                    "required": False,
                }
                for audience in site.options.audiences
            ],
        }
    if folder == described.NEWSLETTER and one.name == "results":
        # Per audience, as the mail program reports them: counts or percentages (38,4%).
        figures = [
            {
                "name": name,
                "label": label_of(name),
                "hint": hint_of(site, folder, f"results.{name}"),
                "widget": "string",
                "required": False,
                "pattern": [
                    r"^\d+([.,]\d+)?\s?%?$",
                    "Een aantal, zoals 230, of een percentage, zoals 38,4%",
                ],
            }
            for name in ("recipients", "opens", "clicks")
        ]
        return {
            **widget,
            "widget": "object",
            "collapsed": True,
            "fields": [
                {
                    "name": audience.slug,
                    "label": audience.name,
                    "widget": "object",
                    "required": False,
                    "collapsed": True,
                    "fields": figures,
                }
                for audience in site.options.audiences
            ],
        }
    if one.path == "search":
        return {
            **widget,
            "widget": "object",
            "collapsed": True,
            "fields": [
                {
                    "name": "exclude",
                    "label": label_of("search.exclude"),
                    "hint": hint_of(site, folder, "search.exclude"),
                    "widget": "boolean",
                    "required": False,
                }
            ],
        }
    if _counts(prop):
        return {**widget, "widget": "string", "pattern": _counts_pattern(site)}
    if _keyed_depth(prop):
        return {**widget, **_rows(one.path, prop)}
    if kind == "boolean":
        return {**widget, "widget": "boolean", "default": bool(prop.get("default", False))}
    if kind == "integer":
        return {**widget, "widget": "number", "value_type": "int"}
    if kind == "object":
        follows = _follows(prop)
        switch = (
            [
                {
                    "name": follows,
                    "label": FOLLOWS_LABEL,
                    "hint": FOLLOWS_HINT,
                    "widget": "boolean",
                    "required": False,
                    "default": False,
                }
            ]
            if follows
            else []
        )
        return {
            **widget,
            "widget": "object",
            "fields": [
                *switch,
                *(
                    _widget(site, folder, child, optional_group=not widget["required"])
                    for child in one.children
                ),
            ],
        }
    if kind == "array" and one.children:
        return {
            **widget,
            "widget": "list",
            "label_singular": SINGULAR.get(one.path, label_of(one.path).lower()),
            "collapsed": False,
            "summary": "{{fields." + one.children[0].name + "}}",
            "fields": [_widget(site, folder, child) for child in one.children],
        }
    if kind == "array":
        many = _scalar(site, folder, one, items)
        if many.get("widget") in ("select", "relation"):
            return {**widget, **many, "multiple": True, **_at_least(prop)}
        return {
            **widget,
            "widget": "list",
            "label_singular": SINGULAR.get(one.path, label_of(one.path).lower()),
            "field": {"name": one.name, "label": label_of(one.path), **many},
        }
    return {**widget, **_scalar(site, folder, one, prop, required=widget["required"])}


def _at_least(prop: Mapping[str, Any]) -> dict[str, Any]:
    return {"min": prop["minItems"]} if prop.get("minItems") else {}


def _scalar(
    site: Site, folder: str, one: Field, prop: Mapping[str, Any], *, required: bool = False
) -> dict[str, Any]:
    """The widget of a single value (or of one item of a list)."""
    if "x-vocabulary" in prop:
        vocabulary = site.options.settings.vocabulary(prop["x-vocabulary"])
        options = [{"label": label, "value": code} for code, label in vocabulary.items()]
        widget: dict[str, Any] = {"widget": "select", "options": options}
        if "default" in one.schema and one.schema["default"] in vocabulary:
            widget["default"] = one.schema["default"]
        return widget
    if "enum" in prop:
        return {"widget": "select", "options": list(prop["enum"])}
    if "x-folder" in prop:
        return _relation(prop["x-folder"])
    if "x-image" in prop:
        public = IMAGE_SUBFOLDERS.get((folder, one.name), IMAGE_FOLDER)
        return {
            "widget": "image",
            "choose_url": False,
            "media_library": {"config": {"multiple": False}},
            "media_folder": f"/{site.content_dir}/{public}",
            "public_folder": public,
        }
    if one.schema.get("x-date") or one.schema.get("x-when"):
        return _when(one.schema)
    if prop.get("x-url"):
        return {"widget": "string", "pattern": [URL_PATTERN, URL_MESSAGE]}
    if prop.get("x-url_or_follows"):
        return {"widget": "string", "pattern": [URL_OR_FOLLOWS, URL_OR_FOLLOWS_MESSAGE]}
    line = bool(prop.get("x-line"))
    widget = {"widget": "text" if one.name in LONG_TEXTS and not line else "string"}
    limit = prop.get("maxLength")
    if line:
        widget["pattern"] = [
            f"^[^\\r\\n]{{0,{limit or ''}}}$",
            f"Eén regel, hoogstens {limit} tekens",
        ]
    elif limit:
        widget["pattern"] = [f"^[\\s\\S]{{0,{limit}}}$", f"Hoogstens {limit} tekens"]
    if required and "pattern" in widget:
        # Decap lets spaces alone through as a value; the build reads them as empty.
        pattern, message = widget["pattern"]
        widget["pattern"] = [rf"^(?=[\s\S]*\S){pattern[1:]}", f"{message}, niet alleen spaties"]
    return widget


# --- Dates and times: dd-mm-jjjj and uu:mm whatever the browser's language (netwerk-when.js) ---

WHEN_WIDGET = "netwerk-when"


def _when(schema: Mapping[str, Any]) -> dict[str, Any]:
    """A date (`x-date`), or a date with an optional time (`x-when`: without it the whole day);
    an end (`x-end-of`) may also be a time alone on the day it ends."""
    widget: dict[str, Any] = {"widget": WHEN_WIDGET, "time": bool(schema.get("x-when"))}
    if schema.get("x-end-of"):
        widget["end_of"] = schema["x-end-of"]
    return widget


# --- Values per key of the editor's choosing (cijfers.yml: a count per year, per channel) -------
# A form cannot offer keys it does not know: such a mapping is a list of rows, each a key and its
# value (netwerk-format.js writes them back as the mapping the file has).

KEY_PATTERNS = {r"^\d{4}(-\d{4})?$": "Een jaar, zoals 2026, of een schooljaar, zoals 2025-2026"}


def _keyed_depth(prop: Mapping[str, Any]) -> int:
    """How many mappings deep the keys are chosen by the editor: 1 for `{2026: 572}`, 2 for
    `{LinkedIn: {2026: 180}}`, 0 for a model's own fields."""
    values = prop.get("additionalProperties")
    if prop.get("type") != "object" or "properties" in prop or not isinstance(values, dict):
        return 0
    return 1 + _keyed_depth(values)


def _rows(path: str, prop: Mapping[str, Any]) -> dict[str, Any]:
    values = prop["additionalProperties"]
    key: dict[str, Any] = {"name": "key", "label": label_of(f"{path}.key"), "widget": "string"}
    pattern = prop.get("propertyNames", {}).get("pattern")
    if pattern in KEY_PATTERNS:
        key["pattern"] = [pattern, KEY_PATTERNS[pattern]]
    value: dict[str, Any] = {"name": "value", "label": label_of(f"{path}.value")}
    if _keyed_depth(values):
        value.update(_rows(f"{path}.value", values))
    else:
        value.update({"widget": "number", "value_type": "int", "min": values.get("minimum", 0)})
    return {
        "widget": "list",
        "label_singular": SINGULAR.get(path, label_of(path).lower()),
        "collapsed": False,
        "summary": "{{fields.key}}",
        "fields": [key, value],
    }


def _relation(folder: str, value: str = "{{slug}}") -> dict[str, Any]:
    shown = BY_FOLDER[folder].title_field
    return {
        "widget": "relation",
        "collection": folder,
        "value_field": value,
        "search_fields": [shown],
        "display_fields": [shown],
        "options_length": 50,
    }


def _highlights(site: Site) -> dict[str, Any]:
    """Highlights are one list of `folder/name`; Decap's relation widget searches one
    collection, so the form has one per folder and the file format joins them in the order
    the file had (netwerk-admin.js)."""
    return {
        "widget": "object",
        "collapsed": False,
        "fields": [
            {
                "name": folder,
                "label": BY_FOLDER[folder].label,
                "required": False,
                "multiple": True,
                **_relation(folder),
            }
            for folder in HIGHLIGHT_FOLDERS
        ],
    }


# --- What our scripts need to know: per collection, the file format's rules ------------------


def format_name(collection: str) -> str:
    return f"netwerk-{collection}"


def formats(site: Site) -> dict[str, Any]:
    """Per collection: the kind of file, which keys are true/false and numbers, the defaults
    a form fills in that an existing file need not get, the key order for new keys, the field
    that gives the file name, the alt-text fields; for editions the highlights' folders."""
    result: dict[str, Any] = {}
    for collection in ITEMS:
        result[collection.folder] = _format(collection.model, "md", title=collection.title_field)
    if site.options.audiences:
        # Editions are named by their date (2026-03.md), as by `netwerk nieuw nieuwsbrief`.
        result[EDITIONS.folder] = {
            **_format(EDITIONS.model, "md", title="date"),
            "highlights": {
                "field": "highlights",
                "folders": list(HIGHLIGHT_FOLDERS),
                "known": {
                    slug: folder
                    for folder in reversed(HIGHLIGHT_FOLDERS)
                    for slug in site.slugs.get(folder, ())
                },
            },
        }
    result[ORGANISATION] = _format(Organisation, "yml")
    result[FIGURES] = _format(Figures, "yml")
    result[PAGES] = {**_format(PageMeta, "md"), "booleans": ["exclude"]}
    return result


def _format(model: type[BaseModel], kind: str, *, title: str | None = None) -> dict[str, Any]:
    own = model_fields(model)
    nested = list(every(own))
    rules: dict[str, Any] = {
        "kind": kind,
        "order": [one.name for one in own],
        "booleans": sorted({one.name for one in nested if one.schema.get("type") == "boolean"}),
        "numbers": sorted({one.name for one in nested if one.schema.get("type") == "integer"}),
        "defaults": {
            one.name: one.schema["default"]
            for one in own
            if one.schema.get("default") not in (None, [], {})
        },
        "alt": {
            image: alt
            for image, alt in ALT_FIELDS.items()
            if image in model.model_fields and alt in model.model_fields
        },
    }
    keyed = {one.name: _keyed_depth(one.schema) for one in own if _keyed_depth(one.schema)}
    if keyed:
        rules["keyed"] = keyed
    counts = [one.name for one in own if _counts(one.schema)]
    if counts:
        rules["counts"] = counts
    follows = {one.name: _follows(one.schema) for one in own if _follows(one.schema)}
    if follows:
        rules["follows"] = follows
    if title:
        rules["title"] = title
    return rules


# What netwerk-format.js reads as a count (`56`) or counts per code (`po: 12, vo: 10`), each
# code once (the lookahead refuses a code that comes again, which the mapping would drop).
COUNTS_PATTERN = (
    r"^(?!.*(?:^|,)\s*([\w-]+)\s*:.*,\s*\1\s*:)"
    r"\s*(\d+|[\w-]+\s*:\s*\d+(\s*,\s*[\w-]+\s*:\s*\d+)*)\s*$"
)


def _counts_pattern(site: Site) -> list[str]:
    """Decap's check of a count field: what the form can read, said in this network's codes."""
    settings = site.options.settings
    message = "Schrijf een heel getal, zoals 56"
    if not settings.one_sector:
        message += (
            ", of per werkveld de code en het aantal, zoals "
            f"{described.counts_typed(settings)}; elk werkveld één keer"
        )
    return [COUNTS_PATTERN, message]


def _counts(schema: Mapping[str, Any]) -> bool:
    """A total or a count per code (participants): one line of text in the form."""
    kinds = {
        (one.get("type"), one.get("additionalProperties", {}).get("type"))
        for one in schema.get("anyOf", [])
    }
    return {("integer", None), ("object", "integer")} <= kinds


def _follows(schema: Mapping[str, Any]) -> str | None:
    """The word a group may be instead (`location: volgt`): a switch in the group's form."""
    if schema.get("type") != "object":
        return None
    words = [one["const"] for one in schema.get("anyOf", []) if isinstance(one.get("const"), str)]
    return words[0] if words else None


# --- The files under /admin/ -----------------------------------------------------------------


class BundleMissing(Exception):
    """The npm packages are not there; the message says how to get them."""


@dataclass(frozen=True)
class Bundle:
    """Decap CMS's script and the `yaml` library's ES modules, as found next to mkdocs.yml."""

    cms: bytes
    yaml: dict[str, bytes]
    """Paths below `yaml/` → contents."""


def find_bundle(root: Path) -> Bundle:
    """From `npm run beheer` (node_modules/.beheer/*.tgz) or an ordinary `npm install`
    (node_modules/decap-cms, node_modules/yaml). BundleMissing when either is missing."""
    modules = root / "node_modules"
    installed_cms = modules / CMS_PACKAGE / CMS_SCRIPT
    installed_yaml = modules / YAML_PACKAGE / YAML_FOLDER
    if installed_cms.is_file() and installed_yaml.is_dir():
        return Bundle(
            cms=installed_cms.read_bytes(),
            yaml={
                path.relative_to(installed_yaml).as_posix(): path.read_bytes()
                for path in sorted(installed_yaml.rglob("*.js"))
            },
        )
    cms = _tarball(root / PACKED, CMS_PACKAGE, CMS_MAJOR)
    yaml = _tarball(root / PACKED, YAML_PACKAGE, YAML_MAJOR)
    return Bundle(
        cms=_read_packed(cms, CMS_SCRIPT)[CMS_SCRIPT], yaml=_read_packed(yaml, YAML_FOLDER)
    )


def _tarball(folder: Path, package: str, major: int) -> Path:
    found = sorted(
        folder.glob(f"{package}-{major}.*.tgz"),
        key=lambda path: [int(part) for part in re.findall(r"\d+", path.name)],
    )
    if not found:
        raise BundleMissing(
            f"{PACKED}/{package}-{major}.x.tgz ontbreekt: draai eerst npm run beheer "
            "(dat haalt Decap CMS en yaml van npm)"
        )
    return found[-1]


@cache
def _read_packed_cached(path: str, mtime: float, member: str) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    prefix = f"package/{member}"
    with tarfile.open(path, "r:gz") as archive:
        for entry in archive:
            if not entry.isfile() or not entry.name.startswith(prefix):
                continue
            if member.endswith("/"):
                if not entry.name.endswith(".js"):
                    continue
                name = entry.name[len(prefix) :]
            else:
                if entry.name != prefix:
                    continue
                name = member
            extracted = archive.extractfile(entry)
            assert extracted is not None
            found[name] = extracted.read()
            if not member.endswith("/"):
                break
    if not found:
        raise BundleMissing(f"{path} bevat geen {member}; draai npm run beheer opnieuw")
    return found


def _read_packed(path: Path, member: str) -> dict[str, bytes]:
    """A file or a folder's scripts from an npm tarball; read once per build process."""
    return _read_packed_cached(str(path), path.stat().st_mtime, member)


def _own(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def admin_files(
    site: Site, bundle: Bundle | None, *, stylesheets: Iterable[str], site_name: str
) -> dict[str, bytes]:
    """Every file under /admin/, by its path there. Without a bundle, only an index.html that
    says what to install."""
    config = decap_config(site)
    script = {
        "formats": formats(site),
        "previews": {
            **{collection.folder: collection.folder for collection in ITEMS},
            **({EDITIONS.folder: EDITIONS.folder} if site.options.audiences else {}),
            **{_page_name(uri): PAGES for uri in site.pages},
            ORGANISATION: ORGANISATION,
        },
        "vocabularies": {
            name: site.options.settings.vocabulary(name)
            for name in sorted({*CHOICE_CHECKS.values()})
        },
        "audiences": {audience.slug: audience.name for audience in site.options.audiences},
        "titles": {folder: dict(sorted(names.items())) for folder, names in site.titles.items()},
        "stylesheets": [f"../{path}" for path in stylesheets],
        "backend": site.admin.backend,
        "site_name": site_name,
        "forms": form_addresses(site),
        "rules": form_rules(site),
        # What no value may hold, and what the build says of it (netwerk.core.frontmatter).
        "invisible": {
            "pattern": INVISIBLE.pattern,
            "value": INVISIBLE_IN_VALUE,
            "line": INVISIBLE_ON_LINE,
        },
    }
    page = _environment().from_string(_own("index.html"))
    index = page.render(
        site_name=site_name,
        settings=script_json(script),
        bundle=bundle is not None,
        missing=f"{PACKED}/ (npm run beheer)",
    )
    files = {"index.html": index.encode("utf-8")}
    if bundle is None:
        return files
    files["config.yml"] = config_yaml(config).encode("utf-8")
    files["decap-cms.js"] = bundle.cms
    for name in (
        "netwerk-admin.js",
        "netwerk-format.js",
        "netwerk-rules.js",
        "netwerk-when.js",
        "preview.css",
    ):
        files[name] = _own(name).encode("utf-8")
    for path, content in bundle.yaml.items():
        files[f"yaml/{path}"] = content
    return files


def script_json(data: Any) -> str:
    """JSON to put inside a <script> element: no `<`, `>` or `&` in it (as \\u003c ...), so no
    text in it (a title with `</script>` or `<!--`) can end the element or change how it is
    read; JSON.parse gives the same text back."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def titles(network: Network) -> dict[str, dict[str, str]]:
    """Per folder a reference can name (themas, partners, projecten): each item's title or
    name by its file name, for the preview pane to show related items as the site does."""
    folders = sorted(set(REFERENCE_CHECKS.values()))
    found: dict[str, dict[str, str]] = {folder: {} for folder in folders}
    for item in network.items():
        if item.folder in found:
            found[item.folder][item.slug] = str(getattr(item, BY_FOLDER[item.folder].title_field))
    return found


# --- The rules across fields, checked before a save as the build checks them ------------------


def form_rules(site: Site) -> dict[str, Any]:
    """Per collection with rules across fields: the build's rules as data (netwerk.core.rules),
    for netwerk-rules.js."""
    return {
        collection.folder: rules.as_data(collection.folder, collection.model, site.options.settings)
        for collection in ITEMS
        if collection.folder in rules.RULES
    }


def form_addresses(site: Site) -> dict[str, dict[str, str]]:
    """Where a file's form is, for the problems `netwerk voorbeeld` lists on the admin page:
    the files of a folder by the folder (`content/agenda/` → agenda), others by their path."""
    folders = {f"{_folder(site, one.folder)}/": one.folder for one in ITEMS}
    if site.options.audiences:
        folders[f"{site.options.newsletters_dir}/"] = EDITIONS.folder
    files = {
        _folder(site, ORGANISATION_FILE): f"{ORGANISATION}/entries/{ORGANISATION}",
        _folder(site, FIGURES_FILE): f"{FIGURES}/entries/{FIGURES}",
    }
    for uri in site.pages:
        files[_folder(site, uri)] = f"{PAGES}/entries/{_page_name(uri)}"
    return {"folders": folders, "files": files}


def config_yaml(config: Mapping[str, Any]) -> str:
    """config.yml as text: JSON is YAML, and keeps every value exactly (patterns, templates)."""
    heading = (
        "# Gemaakt door netwerksite bij elke build, uit de modellen en mkdocs.yml: niet met de "
        "hand bewerken.\n"
    )
    return heading + json.dumps(config, ensure_ascii=False, indent=2) + "\n"


@cache
def _environment() -> Environment:
    # Imported here: `netwerk controleer` checks the admin option without loading Jinja.
    from jinja2 import Environment, StrictUndefined

    return Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)


def page_label(uri: str, title: str | None, text: str) -> str:
    """How a page is named in the admin's list: its title, its first heading, or its path."""
    if title:
        return title
    heading = re.search(r"^# (.+)$", text, re.MULTILINE)
    if heading:
        return heading.group(1).strip()
    return PurePosixPath(uri).stem.replace("-", " ").capitalize()
