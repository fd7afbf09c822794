"""The editors' handbook, generated for each network under /handleiding/ (one page per chapter).

The prose lives in Markdown templates beside this module (`handbook/*.md`, Jinja); the fields,
vocabularies and examples are filled in from the network's own settings: its sectors,
memberships, kinds, statuses and newsletter audiences, and the field descriptions of
netwerk.core.fields (the same texts `netwerk schema` and `netwerk nieuw` show). Which fields
exist, which are required and what kind of value each takes come from the models themselves.
Examples are neutral (Voorbeeldschool, Plaatsnaam) and never name another network's items.

The chapters are for the editors, not for visitors: they are not in the menu, the search
index or the sitemap, and search engines are asked not to index them (GeneratedPage.noindex).
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import BaseModel

from ..core import fields, walk
from ..core.audiences import Audience
from ..core.collections import BY_FOLDER, EDITIONS, ITEMS, KINDS, Collection, slug_for
from ..core.editions import HIGHLIGHT_FOLDERS, PREHEADER_MAX, PREHEADER_MIN
from ..core.fields import FIGURES, NEWSLETTER, ORGANISATION, PAGE
from ..core.figures import Figures
from ..core.models import Activity, NewsItem, Organisation, PageMeta
from ..core.options import Options
from ..core.pages import GeneratedPage
from ..core.problems import did_you_mean
from ..core.settings import Settings
from ..core.walk import ModelField

FOLDER = "handleiding"
TEMPLATE = "netwerk/handleiding.html"
SOURCES = Path(__file__).resolve().parent / "chapters"


@dataclass(frozen=True)
class Chapter:
    slug: str
    title: str
    description: str


CHAPTERS = (
    Chapter(
        "index",
        "Handleiding voor redacteuren",
        "Hoe de redactie partners, activiteiten, nieuws en nieuwsbrieven op de site zet.",
    ),
    Chapter(
        "items",
        "Items en velden",
        "Elk veld van elk soort item, met een voorbeeld, en de keuzelijsten van dit netwerk.",
    ),
    Chapter(
        "meldingen",
        "Meldingen en wat ze betekenen",
        "Wat elke melding van de controle betekent en hoe je het oplost.",
    ),
    Chapter(
        "nieuwsbrief",
        "De nieuwsbrief maken en testen",
        "Een editie van de nieuwsbrief maken, bekijken en als test versturen.",
    ),
    Chapter(
        "bekijken-en-publiceren",
        "Bekijken en publiceren",
        "De site bekijken terwijl je schrijft, publiceren, en je editor laten helpen.",
    ),
)

# The vocabularies of mkdocs.yml, as the handbook names them.
VOCABULARY_TITLES = {
    "sectors": "Werkvelden",
    "memberships": "Lidmaatschappen",
    "project_statuses": "Projectstatussen",
    "activity_kinds": "Soorten activiteiten",
    "activity_statuses": "Statussen van activiteiten",
    "news_kinds": "Soorten berichten",
    "resource_kinds": "Soorten bronnen",
}


@dataclass(frozen=True)
class Section:
    """One kind of file the editors write, as the handbook presents it."""

    folder: str
    model: type[BaseModel]
    title: str
    noun: str
    where: str
    """Where the files are, from the folder of mkdocs.yml."""


# Headings that say more than the noun: a bron could be any source.
HEADINGS = {"bron": "Bron (kennisbank)"}


def collections(newsletters_dir: str = "newsletters") -> list[Section]:
    """What the handbook explains, in its order: the collections (netwerk.core.collections),
    the data files, the newsletter's editions and plain pages."""

    def of(collection: Collection, where: str) -> Section:
        title = HEADINGS.get(collection.kind, collection.singular.capitalize())
        return Section(collection.folder, collection.model, title, collection.singular, where)

    return [
        *(of(collection, f"content/{collection.folder}/") for collection in ITEMS),
        Section(ORGANISATION, Organisation, "Wie is wie", "wie is wie", "content/organisatie.yml"),
        Section(FIGURES, Figures, "Jaarcijfers", "jaarcijfers", "content/cijfers.yml"),
        of(EDITIONS, f"{newsletters_dir}/"),
        Section(PAGE, PageMeta, "Gewone pagina", "pagina", "content/"),
    ]


# What a field takes where its type alone does not say (a list of texts of a certain form).
FORMS = {
    (NEWSLETTER, "audiences"): "lijst van codes uit de doelgroepen",
    (NEWSLETTER, "intros"): "per doelgroep (code) een tekst, elk op een eigen ingesprongen regel",
    (NEWSLETTER, "highlights"): "lijst van items als map/naam",
    (NEWSLETTER, "results"): (
        "per doelgroep (code) de velden `recipients`, `opens` en `clicks`, elk op een eigen "
        "ingesprongen regel"
    ),
    (NEWSLETTER, "results.opens"): "heel getal, of een percentage van de ontvangers, zoals `38,4%`",
    (
        NEWSLETTER,
        "results.clicks",
    ): "heel getal, of een percentage van de ontvangers, zoals `12,5%`",
    ("agenda", "participants"): "heel getal, of per werkveld (code) een heel getal",
    (FIGURES, "subscribers"): "per jaar of schooljaar een heel getal, elk op een eigen regel",
    (FIGURES, "followers"): (
        "per kanaal een naam, met daaronder per jaar of schooljaar een heel getal"
    ),
}


def rows(model: type[BaseModel]) -> Iterator[ModelField]:
    """Every field of a model, as the tables list them (netwerk.core.walk)."""
    return walk.fields(model)


# --- Markdown --------------------------------------------------------------------------------


def text(value: object) -> str:
    """Plain text in Markdown: HTML and Markdown's own characters stay what they are."""
    escaped = html.escape(str(value), quote=False)
    for character in "\\`*_[]|":
        escaped = escaped.replace(character, "\\" + character)
    return escaped


def code(value: object) -> str:
    """`value` as inline code (a value containing backticks gets a longer fence)."""
    written = str(value)
    fence = "``" if "`" in written else "`"
    padding = " " if fence == "``" else ""
    return f"{fence}{padding}{written}{padding}{fence}"


def yaml_value(value: Any, *, flow: bool = False) -> str:
    """A value as an editor writes it after `key: ` (or, with `flow`, inside [...] or {...})."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(item, flow=True) for item in value) + "]"
    if isinstance(value, dict):
        items = (f"{key}: {yaml_value(item, flow=True)}" for key, item in value.items())
        return "{" + ", ".join(items) + "}"
    written = str(value)
    special = ": " in written or " #" in written or (flow and any(c in written for c in ",[]{}"))
    if special or written[:1] in "[]{}&*!|>'\"%@`#,?-":
        return '"' + written.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return written


def table(header: Sequence[str], lines: Sequence[Sequence[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    out += ["| " + " | ".join(cells) + " |" for cells in lines]
    return "\n".join(out)


# --- The handbook of one network -------------------------------------------------------------


class Handbook:
    """Everything the chapters show of this network, as Markdown."""

    def __init__(self, options: Options) -> None:
        self.settings: Settings = options.settings
        self.audiences: list[Audience] = list(options.audiences)
        self.newsletters_dir = options.newsletters_dir
        self.horizon_days = options.newsletter_horizon_days
        self.static_types = options.static_types
        self.collections = collections(options.newsletters_dir)
        self.by_folder = {collection.folder: collection for collection in self.collections}
        # What codes mean in this network (settings.ROLES).
        self.call_kinds = list(self.settings.call_news_kinds)
        self.running_statuses = list(self.settings.running_project_statuses)
        self.cancelled_statuses = list(self.settings.cancelled_activity_statuses)
        self.default_status = self.settings.default_activity_status
        self.preheader = (PREHEADER_MIN, PREHEADER_MAX)
        self.highlight_folders = HIGHLIGHT_FOLDERS
        self.options = options  # the agreements and /overzicht/ (chapter index.md)

    # Vocabularies

    def codes(self, vocabulary: str) -> list[str]:
        return list(self.settings.vocabulary(vocabulary))

    def pick(self, vocabulary: str, wanted: Any) -> Any:
        """The field's own example where this network has those codes, else its first ones."""
        codes = self.codes(vocabulary)
        if isinstance(wanted, list):
            if wanted and all(item in codes for item in wanted):
                return wanted
            return codes[: max(1, min(2, len(wanted) or 1))]
        return wanted if wanted in codes else codes[0]

    @property
    def sectors_example(self) -> str:
        """`[po, vo]`: two of this network's sectors (one, if it has one)."""
        return yaml_value(self.pick("sectors", self.codes("sectors")[:2]))

    @property
    def sector(self) -> str:
        return self.codes("sectors")[0]

    def sector_typo(self) -> tuple[str, str]:
        """A plausible typo of a sector code and the hint the check gives for it."""
        sector = self.sector
        typo = sector[:-1] + ("0" if sector.endswith("o") else sector[-1] * 2)
        return typo, did_you_mean(typo, self.codes("sectors"))

    def vocabulary_table(self, name: str) -> str:
        vocabulary = self.settings.vocabulary(name)
        return table(
            ["code", "naam"], [[code(slug), text(label)] for slug, label in vocabulary.items()]
        )

    def vocabulary_sections(self) -> str:
        """Every vocabulary of mkdocs.yml: its codes and names, and the fields that use it."""
        users: dict[str, dict[str, list[str]]] = {name: {} for name in VOCABULARY_TITLES}
        for collection in self.collections:
            for row in rows(collection.model):
                if row.shape.vocabulary in users:
                    nouns = users[row.shape.vocabulary].setdefault(row.path, [])
                    nouns.append(collection.noun)
        sections = []
        for name, title in VOCABULARY_TITLES.items():
            if not self.settings.vocabulary(name):
                continue  # no memberships: no tiers
            places = [f"{code(path)} ({', '.join(nouns)})" for path, nouns in users[name].items()]
            if len(places) > 1:
                used = "de velden " + ", ".join(places[:-1]) + " en " + places[-1]
            else:
                used = "het veld " + places[0] if places else "geen veld"
            sections.append(
                f"### {title}\n\nIn mkdocs.yml onder {code(name)}; voor {used}.\n\n"
                + self.vocabulary_table(name)
            )
        return "\n\n".join(sections)

    def audience_table(self) -> str:
        lines = [
            [code(audience.slug), text(audience.name), ", ".join(map(code, audience.sectors))]
            for audience in self.audiences
        ]
        return table(["code", "naam", "werkvelden"], lines)

    # Fields

    @property
    def audience_slug(self) -> str:
        """An audience of this network; without any, one per sector is the usual start."""
        return self.audiences[0].slug if self.audiences else self.sector

    def example(self, folder: str, row: ModelField) -> Any:
        """A value an editor could write in this network, or None."""
        given = fields.about(folder, row.path).example
        shape = row.shape
        if folder == NEWSLETTER and row.path in ("audiences", "intros"):
            # An audience of this network; without any, one per sector is the usual start.
            slug = self.audience_slug
            if row.path == "audiences":
                return [slug]
            return {slug: "Een eigen inleiding voor deze doelgroep."}
        if shape.vocabulary is not None:
            return self.pick(shape.vocabulary, given)
        if given is None and shape.base is bool:
            return True
        return given

    def form(self, folder: str, row: ModelField) -> str:
        """What kind of value the field takes, in Dutch."""
        if (folder, row.path) in FORMS:
            return FORMS[folder, row.path]
        shape = row.shape
        if shape.model is not None:
            names = ", ".join(code(name) for name in shape.model.model_fields)
            if shape.many:
                return f"lijst; elk met de velden {names}, ingesprongen"
            return f"de velden {names}, elk op een eigen ingesprongen regel"
        if shape.mapping:
            return "per doelgroep een tekst" if shape.base is str else "velden"
        if shape.options:
            return "lijst met " + ", ".join(code(option) for option in shape.options)
        if shape.vocabulary is not None:
            title = VOCABULARY_TITLES[shape.vocabulary].lower()
            if shape.one_or_many:
                return f"één code of een lijst van codes uit de {title}"
            return f"een code uit de {title}"
        if shape.reference is not None:
            where = f"content/{shape.reference}/"
            if shape.many:
                return f"lijst van bestandsnamen uit {code(where)}, zonder .md"
            return f"een bestandsnaam uit {code(where)}, zonder .md"
        single = {
            "url": "webadres, beginnend met `https://`, `http://` of `mailto:`",
            "url_or_follows": "webadres, beginnend met `https://`, `http://` of `mailto:`, of "
            "`volgt` als het nog niet bekend is",
            "image": "pad vanaf `content/`",
            "date": "datum: jjjj-mm-dd",
            "when": "datum (jjjj-mm-dd) of datum met tijd (jjjj-mm-dd uu:mm)",
        }.get(shape.check or "")
        if single is None:
            single = {bool: "`true` of `false`", int: "heel getal"}.get(shape.base, "tekst")
        if shape.many:
            return f"{single}, of een lijst daarvan" if shape.one_or_many else f"lijst: {single}"
        return single

    def shown(self, row: ModelField) -> bool:
        """Whether the field exists in this network: no `membership` without tiers."""
        return fields.exists(self.settings, row.path)

    def filled_in(self, row: ModelField) -> bool:
        """A required field the network's shape fills in: the one sector, the one membership."""
        return fields.filled_in(self.settings, row.path)

    def required(self, row: ModelField) -> str:
        """`**Verplicht.** ` before a required field's description ("" for the others)."""
        if not row.required or self.filled_in(row):
            return ""
        if row.parent:
            return f"**Verplicht** (binnen {code(row.parent)}). "
        return "**Verplicht.** "

    def fields_table(self, folder: str) -> str:
        """Every field of the collection: required, kind of value, meaning and an example."""
        collection = self.by_folder[folder]
        lines = []
        for row in rows(collection.model):
            if not self.shown(row):
                continue
            example = self.example(folder, row)
            if row.shape.model is not None:
                shown = "zie het voorbeeld"
            elif example is None:
                shown = ""
            else:
                shown = code(f"{row.path.rsplit('.', 1)[-1]}: {yaml_value(example)}")
            description = text(fields.about(folder, row.path).description)
            lines.append(
                [
                    code(row.path),
                    f"{self.required(row)}{description}.<br>*Waarde:* {self.form(folder, row)}.",
                    shown,
                ]
            )
        return table(["veld", "betekenis", "voorbeeld"], lines)

    def sample(self, folder: str) -> str:
        """A whole example file of this collection, every field filled in (drafts left out)."""
        collection = self.by_folder[folder]
        lines = self._sample_lines(folder, collection.model, "", "")
        return "\n".join(lines)

    def _sample_lines(
        self, folder: str, model: type[BaseModel], prefix: str, indent: str
    ) -> list[str]:
        """The model's fields as YAML lines; `indent` ending in "- " starts a list item."""
        lines: list[str] = []
        dash = indent.endswith("- ")
        rest = indent[:-2] + "  " if dash else indent

        def add(line: str) -> None:
            lead = indent if dash and not lines else rest
            lines.append(lead + line)

        for row in walk.fields(model, prefix, nested=False):
            name = row.name
            if name == walk.LAST or (folder == PAGE and name == "search"):
                continue  # an example would hide the page
            if not self.shown(row) or self.filled_in(row):
                continue
            if row.shape.model is not None and row.shape.mapping:
                # Per audience (results): the audience's code, its fields below it.
                add(f"{name}:")
                lines.append(f"{rest}  {self.audience_slug}:")
                lines += self._sample_lines(folder, row.shape.model, f"{row.path}.", rest + "    ")
                continue
            if row.shape.model is not None:
                add(f"{name}:")
                child = rest + ("  - " if row.shape.many else "  ")
                lines += self._sample_lines(folder, row.shape.model, f"{row.path}.", child)
                continue
            example = self.example(folder, row)
            if isinstance(example, dict):
                add(f"{name}:")
                lines += [f"{rest}  {key}: {yaml_value(value)}" for key, value in example.items()]
            elif example is not None:
                add(f"{name}: {yaml_value(example)}")
        return lines

    # `netwerk nieuw`

    def new_command(self, folder: str) -> str | None:
        """`netwerk nieuw partner "Voorbeeldschool"` and the file it makes, or None."""
        collection = BY_FOLDER.get(folder)
        if collection is None or collection is EDITIONS:
            return None
        title = str(fields.about(folder, collection.title_field).example)
        extra = {
            Activity.folder: " --start 2026-03-12T15:30",
            NewsItem.folder: " --date 2026-03-12",
        }.get(folder, "")
        return (
            f'`netwerk nieuw {collection.kind} "{title}"{extra}` maakt '
            f"`{self.by_folder[folder].where}{slug_for(title)}.md`."
        )

    @property
    def kinds(self) -> list[str]:
        return list(KINDS)


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(SOURCES),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["text"] = text
    env.filters["code"] = code
    env.filters["yaml"] = yaml_value
    return env


def pages(options: Options) -> list[GeneratedPage]:
    """The handbook's chapters for this network, under /handleiding/."""
    handbook = Handbook(options)
    env = environment()
    titles = {chapter.slug: chapter.title for chapter in CHAPTERS}
    return [
        GeneratedPage(
            uri=f"{FOLDER}/{chapter.slug}.md",
            template=TEMPLATE,
            title=chapter.title,
            description=chapter.description,
            body=env.get_template(f"{chapter.slug}.md").render(h=handbook, titles=titles),
            noindex=True,
        )
        for chapter in CHAPTERS
    ]
