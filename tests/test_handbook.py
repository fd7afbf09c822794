"""The editors' handbook the plugin generates under /handleiding/, and the one place its field
descriptions come from (netwerk.core.fields), shared with `netwerk schema` and `netwerk nieuw`."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import pytest
from pydantic import BaseModel

from conftest import SMALL_NETWORK, Site
from netwerk.core import fields
from netwerk.core.collections import KINDS
from netwerk.core.frontmatter import read_data_file, read_source
from netwerk.core.loader import validate_source
from netwerk.core.options import options_from
from netwerk.core.settings import DEFAULT_SECTORS, Settings
from netwerk.core.values import Context
from netwerk.editing.scaffold import scaffold
from netwerk.editing.schema import collection_schemas, kind_schema
from netwerk.handbook import pages as handbook

CHAPTERS = [chapter.slug for chapter in handbook.CHAPTERS]
OTHER_SECTORS = {
    "po": "Primair onderwijs",
    "so": "Speciaal onderwijs",
    "beleid": "Gemeente en beleid",
}
EXAMPLE_WORDS = ("leiden", "leidse", "boerhaave", "naturalis", "proo")
AUDIENCES = {
    "audiences": [{"slug": "po", "name": "Primair onderwijs", "sectors": ["po"]}],
    "newsletter_from": "Testnetwerk <nieuwsbrief@netwerk.example.nl>",
    "newsletter_unsubscribe_url": "https://mail.example.nl/afmelden?lijst={audience}",
}


def chapter_url(slug: str) -> str:
    return "handleiding/" if slug == "index" else f"handleiding/{slug}/"


def chapters(site: Site) -> dict[str, str]:
    return {slug: site.page(chapter_url(slug)) for slug in CHAPTERS}


def visible_text(page: str) -> str:
    """The page's text as a reader sees it (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The small network with a newsletter audience, built once for the read-only tests."""
    site = Site(tmp_path_factory.mktemp("handbook"))
    return site.write(SMALL_NETWORK).configure(**AUDIENCES).build()


# --- On the site, for the editors only -------------------------------------------------------


def test_the_handbook_has_every_chapter(built: Site) -> None:
    pages = chapters(built)
    for chapter in handbook.CHAPTERS:
        page = pages[chapter.slug]
        assert "<h1 id=" in page and chapter.title in page, chapter.slug
        assert f'<meta name="description" content="{chapter.description}">' in page
    # The chapters link to each other, as the editors' handbook did.
    assert 'href="items/"' in pages["index"] and 'href="meldingen/"' in pages["index"]


def test_the_handbook_is_not_for_visitors(built: Site) -> None:
    for slug, page in chapters(built).items():
        assert '<meta name="robots" content="noindex">' in page, slug
    # Not in the menu: no page of the site links to it.
    for path in built.output.rglob("*.html"):
        if "handleiding" not in path.relative_to(built.output).parts:
            assert "handleiding/" not in path.read_text(encoding="utf-8"), path
    # Not in the search index.
    index = json.loads((built.output / "search" / "search_index.json").read_text("utf-8"))
    locations = [entry["location"] for entry in index["docs"]]
    assert locations and not [place for place in locations if "handleiding" in place]
    # Not in the sitemap, which still lists the other pages.
    sitemap = (built.output / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset')
    assert "handleiding" not in sitemap
    assert "<loc>https://netwerk.example.nl/partners/museum-boerhaave/</loc>" in sitemap
    # Other pages are for everyone.
    assert 'name="robots"' not in built.page("")


def test_the_handbook_can_be_left_out(small_site: Site) -> None:
    small_site.configure(handbook=False).build()
    assert not (small_site.output / "handleiding").exists()
    assert (small_site.output / "partners" / "index.html").is_file()


def test_the_handbook_option_is_checked_in_dutch() -> None:
    with pytest.raises(ValueError, match=r"^netwerk: handbook: 'ja' moet true of false zijn$"):
        options_from({"handbook": "ja"}, site_url=None, site_name="Testnetwerk")


def test_an_editors_page_in_the_handbook_folder_is_not_for_visitors_either(
    small_site: Site,
) -> None:
    own = "---\ntitle: Handleiding\n---\n# Onze handleiding\n\nEigen tekst.\n"
    small_site.write({"handleiding/index.md": own}).configure().build()
    page = small_site.page("handleiding/")
    assert "Eigen tekst." in page and '<meta name="robots" content="noindex">' in page
    assert "handleiding" not in (small_site.output / "sitemap.xml").read_text(encoding="utf-8")


# --- This network's own vocabulary, and no other network's words ------------------------------


def other_sectors_network() -> dict[str, str]:
    """The small network, written for a network with other sectors."""
    network = dict(SMALL_NETWORK)
    network["partners/museum-boerhaave.md"] = network["partners/museum-boerhaave.md"].replace(
        "sectors: [po, vo]", "sectors: [po, so]"
    )
    network["projecten/gluren-bij-de-buren.md"] = network[
        "projecten/gluren-bij-de-buren.md"
    ].replace("sectors: [vve, po]", "sectors: [po, beleid]")
    return network


def test_a_network_with_other_sectors_sees_exactly_its_own(site: Site) -> None:
    site.write(other_sectors_network()).configure(sectors=OTHER_SECTORS).build()
    pages = chapters(site)
    items = pages["items"]
    # The vocabulary table lists exactly the network's codes and names.
    section = items.split('<h3 id="werkvelden">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<td><code>([^<]*)</code></td>\s*<td>([^<]*)</td>", section)
    assert sorted(rows) == sorted(OTHER_SECTORS.items())
    # Examples use its codes.
    examples = re.findall(r"sectors: \[([^\]]*)\]", visible_text("\n".join(pages.values())))
    assert examples
    for example in filter(None, examples):  # `sectors: []` is the empty list's message
        assert set(example.split(", ")) <= set(OTHER_SECTORS), example
    everything = "\n".join(pages.values())
    for name in OTHER_SECTORS.values():
        assert name in everything
    # And nothing of the default sectors that this network does not have.
    text = visible_text(everything)
    for slug, name in DEFAULT_SECTORS.items():
        if slug in OTHER_SECTORS:
            continue
        assert name not in text, name
        assert not re.search(rf"(?<![\w/-]){slug}(?![\w-])", text), slug


@pytest.mark.parametrize("configured", [{}, AUDIENCES], ids=["no newsletter", "newsletter"])
def test_no_word_of_the_example_network_in_the_handbook(site: Site, configured: Any) -> None:
    # The small network's own partner is Museum Boerhaave in Leiden: the handbook never
    # shows the network's items, only neutral examples.
    site.write(SMALL_NETWORK).configure(**configured).build()
    for slug, page in chapters(site).items():
        lowered = page.lower()
        for word in EXAMPLE_WORDS:
            assert word not in lowered, (slug, word)


def test_vocabulary_names_are_shown_as_text(site: Site) -> None:
    sectors = {"po": "Primair <script>alert(1)</script> | onderwijs", "vo": "Voortgezet *vo*"}
    network = dict(SMALL_NETWORK)
    network["projecten/gluren-bij-de-buren.md"] = network[
        "projecten/gluren-bij-de-buren.md"
    ].replace("sectors: [vve, po]", "sectors: [po]")
    site.write(network).configure(sectors=sectors).build()
    items = site.page("handleiding/items/")
    assert "<script>alert" not in items
    assert "Primair &lt;script&gt;alert(1)&lt;/script&gt; | onderwijs" in items
    assert "Voortgezet *vo*" in items


# --- Every field, one description -------------------------------------------------------------


def models() -> list[tuple[str, type[BaseModel]]]:
    return [(collection.folder, collection.model) for collection in handbook.collections()]


def test_every_model_field_has_its_description_in_one_place() -> None:
    described = set()
    for folder, model in models():
        for row in handbook.rows(model):
            about = fields.about(folder, row.path)
            assert about.description, (folder, row.path)
            # The model carries the same text (declared with fields.described).
            assert row.info.description == about.description, (folder, row.path)
            described.add((folder, row.path))
    # And nothing is described that is not a field.
    listed = {
        (folder, path)
        for folder, entries in fields.FIELDS.items()
        for path in entries
        if folder != fields.ITEM
    }
    assert listed <= described


def test_every_model_field_is_in_the_fields_chapter(built: Site) -> None:
    items = built.page("handleiding/items/")
    for folder, model in models():
        for row in handbook.rows(model):
            assert f"<code>{row.path}</code>" in items, (folder, row.path)


def test_every_vocabulary_is_in_the_fields_chapter(built: Site) -> None:
    items = built.page("handleiding/items/")
    settings = Settings()
    for name, title in handbook.VOCABULARY_TITLES.items():
        assert f">{title}</h3>" in items
        for slug, label in settings.vocabulary(name).items():
            assert f"<td><code>{slug}</code></td>" in items and html.escape(label) in items


def scaffold_comments(kind: str) -> str:
    """The comments of `netwerk nieuw <kind>`, joined into one text."""
    text = scaffold(kind_schema(KINDS[kind]), "Titel").text
    comments = [line.strip().removeprefix("# ") for line in text.splitlines() if "# " in line]
    return " ".join(comments)


@pytest.mark.parametrize(
    "folder, path, kind",
    [
        ("partners", "logo_alt", "partner"),
        ("projecten", "leads", "project"),
        ("agenda", "location.address", "activiteit"),
        ("agenda", "end", "activiteit"),
        ("nieuws", "image_alt", "nieuws"),
        ("kennisbank", "sectors", "bron"),
        ("nieuwsbrief", "preheader", "nieuwsbrief"),
        ("themas", "draft", "thema"),
    ],
)
def test_handbook_schema_and_scaffold_say_the_same(
    built: Site, folder: str, path: str, kind: str
) -> None:
    description = fields.about(folder, path).description
    # netwerk schema
    schemas = collection_schemas(Settings(), {}, ["po"])
    schema = schemas[folder]
    *parents, name = path.split(".")
    node = schema
    for parent in parents:
        reference = next(
            option["$ref"]
            for option in node["properties"][parent].get("anyOf", [node["properties"][parent]])
            if "$ref" in option
        )
        node = schema["$defs"][reference.rsplit("/", 1)[-1]]
    assert node["properties"][name]["description"] == description
    # netwerk nieuw
    assert description in scaffold_comments(kind)
    # the handbook
    items = visible_text(built.page("handleiding/items/"))
    assert " ".join(description.split()) in " ".join(items.split())


def test_scaffolds_have_no_word_of_the_example_network() -> None:
    for kind in KINDS:
        lowered = scaffold(kind_schema(KINDS[kind]), "Titel").text.lower()
        for word in EXAMPLE_WORDS:
            assert word not in lowered, (kind, word)


def test_the_example_files_in_the_handbook_are_valid() -> None:
    options = options_from(AUDIENCES, site_url="https://netwerk.example.nl/", site_name="Test")
    book = handbook.Handbook(options)
    context = Context(
        settings=options.settings,
        slugs={
            "themas": frozenset({"taal-en-lezen"}),
            "projecten": frozenset({"samen-lesgeven"}),
            "partners": frozenset({"voorbeeldschool"}),
        },
        images=frozenset(
            {"afbeeldingen/logos/voorbeeldschool.svg", "afbeeldingen/leergemeenschap.jpg"}
        ),
    )
    for collection in book.collections:
        sample = book.sample(collection.folder)
        if collection.folder == fields.ORGANISATION:
            source = read_data_file("organisatie.yml", sample.encode())
        else:
            source = read_source("x.md", f"---\n{sample}\n---\n".encode())
        problems: list[Any] = []
        assert validate_source(collection.model, source, context, problems) is not None
        assert problems == [], (collection.folder, problems)
