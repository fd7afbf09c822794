"""The admin page's words (issue 25, part words): hints written for someone filling in a form,
and the preview naming related items as the site does.

The hints come from netwerk.core.fields: a form hint beside each file description, true for the
network's shape; the handbook, `netwerk schema` and `netwerk nieuw` keep the file's words. The
preview pane names a project's theme and partners (and every other reference) by the titles
the build gives them, from a map in the admin page's settings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import axe, serve
from conftest import build_network
from netwerk import admin as admin_package
from netwerk.admin import page as admin
from netwerk.core import fields, walk
from netwerk.core.admin_option import DEFAULT_PORT
from netwerk.core.editions import Edition
from netwerk.core.figures import Figures
from netwerk.core.models import COLLECTIONS, Activity, Organisation, PageMeta
from netwerk.core.options import Options, options_from
from networks import OPTIONS
from test_admin import (
    Forms,
    _checked_and_built,
    _tools,
    _write_cms_network,
    decap_server,
    git_network,
)
from test_shapes import ONE_SECTOR_OPTIONS

# --- The hints below the fields ----------------------------------------------------------------

NETWORKS: dict[str, dict[str, Any]] = {
    # The tests' rich network, like the example: five sectors, membership tiers, audiences.
    "rich": OPTIONS,
    # One sector and no memberships.
    "one-sector": ONE_SECTOR_OPTIONS,
    # Five sectors, no memberships.
    "no-memberships": {key: value for key, value in OPTIONS.items() if key != "memberships"},
}
MODELS = [*COLLECTIONS, Edition, Organisation, PageMeta, Figures]
# Field names that are Dutch words too: "Kies de partners" names no field.
DUTCH_TOO = {
    "partner",
    "partners",
    "project",
    "status",
    "logo",
    "website",
    "code",
    "start",
    "kind",
    "intro",
}
FIELD_NAMES = sorted(
    {one.name for model in MODELS for one in walk.fields(model)} - DUTCH_TOO, key=len, reverse=True
)
ENGLISH_NAME = re.compile(rf"\b({'|'.join(map(re.escape, FIELD_NAMES))})\b")
# What a file says and a form does not: a file name, a key with a YAML value, YAML's lists.
FILE_WORDS = re.compile(r"content/|\.md\b|\.yml\b|[{}]|\[[^\]]*,[^\]]*\]|\b(true|false)\b")
KEY_VALUE = re.compile(r"\b([\w-]+):\s*(\d|\[|\{|true\b|false\b)")


def _options(raw: dict[str, Any]) -> Options:
    return options_from(
        {"admin": True, **raw}, site_url="https://netwerk.example/", site_name="Netwerk"
    )


def _config(raw: dict[str, Any]) -> dict[str, Any]:
    options = _options(raw)
    assert options.admin is not None
    site = admin.Site(
        options=options, admin=options.admin, pages={"index.md": "Home", "privacy.md": "Privacy"}
    )
    return admin.decap_config(site)


def _hints(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every hint and description in Decap's configuration, nested fields too, by where."""
    if isinstance(value, dict):
        where = f"{path}/{value['name']}" if "name" in value else path
        for key in ("hint", "description"):
            if isinstance(value.get(key), str):
                yield where, value[key]
        for child in value.values():
            yield from _hints(child, where)
    elif isinstance(value, list):
        for child in value:
            yield from _hints(child, path)


def _widgets(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        if "widget" in value:
            yield value
        for child in value.values():
            yield from _widgets(child)
    elif isinstance(value, list):
        for child in value:
            yield from _widgets(child)


@pytest.mark.parametrize("network", NETWORKS)
def test_every_hint_is_written_for_the_form_not_for_the_file(network: str) -> None:
    raw = NETWORKS[network]
    sectors = set(_options(raw).settings.sectors)
    hints = list(_hints(_config(raw)))
    assert len(hints) > 80, len(hints)
    for where, hint in hints:
        assert not ENGLISH_NAME.search(hint), (where, hint)
        assert not FILE_WORDS.search(hint), (where, hint)
        # The one notation a form takes with a colon: participants per sector, `po: 12`.
        keys = {match[1] for match in KEY_VALUE.finditer(hint)}
        assert keys <= sectors, (where, hint)


def test_the_hints_are_true_for_the_network_s_shape() -> None:
    rich = dict(_hints(_config(NETWORKS["rich"])))
    participants = rich["/agenda/participants"]
    assert participants == (
        "Het aantal deelnemers, in te vullen als de activiteit geweest is: in totaal, zoals 56, "
        "of per werkveld de code en het aantal, zoals vve: 12, po: 10 (vve is Voor- en "
        "vroegschoolse educatie, po is Primair onderwijs)"
    )
    assert rich["/partners/membership"] == "Kies het soort lidmaatschap"
    assert rich["/partners/sectors"] == "Kies de werkvelden waarin de partner actief is"

    # One sector: nothing per sector, and no sectors to pick where the network fills them in.
    one = _config(NETWORKS["one-sector"])
    for where, hint in _hints(one):
        assert "per werkveld" not in hint, (where, hint)
    assert dict(_hints(one))["/agenda/participants"] == (
        "Het aantal deelnemers, in te vullen als de activiteit geweest is, zoals 56"
    )
    for collection in one["collections"]:
        names = {field["name"] for field in collection.get("fields", [])}
        assert "sectors" not in names, collection["name"]

    # Without memberships no field and no word of them.
    for network in ("one-sector", "no-memberships"):
        config = _config(NETWORKS[network])
        for where, hint in _hints(config):
            assert "idmaatschap" not in hint, (network, where, hint)
        assert "membership" not in {widget["name"] for widget in _widgets(config)}, network
        assert "idmaatschap" not in json.dumps(config, ensure_ascii=False), network


def test_the_handbook_schema_and_scaffold_keep_the_file_s_words() -> None:
    about = fields.about("agenda", "location")
    assert "online_url" in about.description
    assert about.form is not None and "online_url" not in about.form
    schema = Activity.model_json_schema()
    assert schema["properties"]["location"]["description"] == about.description


# --- The preview pane names related items by their titles ---------------------------------------

# A partner's name that would end the settings' <script> element if written as it is.
HOSTILE = 'Scholengroep </script><!--<script>alert("Noord")</script> & co'


def _settings(root: Path) -> dict[str, Any]:
    page = (root / "site" / "admin" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="netwerk-admin">(.*?)</script>', page)
    assert found is not None
    settings: dict[str, Any] = json.loads(found[1])
    return settings


def _facts(frame: Any) -> dict[str, str]:
    """The preview's facts (its <dl>): term → text."""
    found: dict[str, str] = frame.locator("dl.netwerk-fields").evaluate(
        """list => Object.fromEntries([...list.querySelectorAll('dt')].map(
            (term) => [term.textContent, term.nextElementSibling.textContent]))"""
    )
    return found


def test_the_titles_are_in_the_settings_sorted_and_cannot_end_the_script(tmp_path: Path) -> None:
    root = tmp_path / "netwerk"
    root.mkdir()
    _write_cms_network(root, port=DEFAULT_PORT)
    _rename_partner(root)
    build_network(root)
    page = (root / "site" / "admin" / "index.html").read_text(encoding="utf-8")
    # The page's own script elements (those of its template), and no text that could end or
    # bend one.
    template = (Path(admin_package.__file__).parent / "assets" / "index.html").read_text(
        encoding="utf-8"
    )
    own = template.count("<script")
    assert page.count("<script") == page.count("</script>") == own and "<!--" not in page
    titles = _settings(root)["titles"]
    assert titles == {
        "partners": {
            "bibliotheek-noord": "Bibliotheek Noord",
            "hogeschool-noord": "Hogeschool Noord",
            "scholengroep-noord": HOSTILE,
            "vakcollege-noord": "Vakcollege Noord",
        },
        "projecten": {
            "doorstroom": "Doorstroom vo-mbo",
            "leesplezier": "Leesplezier in de wijk",
        },
        "themas": {"motivatie": "Motivatie als motor", "overgang": "Overgang en aansluiting"},
    }
    assert list(titles["partners"]) == sorted(titles["partners"])


def _rename_partner(root: Path) -> None:
    partner = root / "content" / "partners" / "scholengroep-noord.md"
    text = partner.read_text(encoding="utf-8")
    partner.write_text(
        text.replace("name: Scholengroep Noord", f"name: {json.dumps(HOSTILE)}"), encoding="utf-8"
    )


def test_the_preview_names_related_items_and_the_hints_speak_of_the_form(
    browser: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    _tools()
    root, port = git_network(tmp_path)
    _rename_partner(root)
    build_network(root)
    # A theme the network does not have (typed in the file after the build) stays as typed.
    call = root / "content" / "nieuws" / "oproep-scholen.md"
    call_text = call.read_text(encoding="utf-8")
    call.write_text(
        call_text.replace("sectors: [vo, mbo]", "sectors: [vo, mbo]\nthemes: [verdwenen]")
    )
    rich = _options(OPTIONS).settings

    with serve(root / "site") as base, decap_server(root, port):
        forms = Forms(browser, base + "admin/", port)
        page = forms.page
        forms.login()
        settings = (root / "site" / "admin" / "index.html").stat().st_size
        print(
            f"\n/admin/ to the collection list: {forms.seconds_to_list:.1f} s; index.html {settings} B"
        )
        preview = page.frame_locator("iframe").first

        forms.open_entry("#/collections/projecten/entries/leesplezier", "title")
        expect(preview.locator("h1")).to_have_text("Leesplezier in de wijk")
        facts = _facts(preview)
        assert facts["Thema"] == "Motivatie als motor"
        assert facts["Partners"] == f"Bibliotheek Noord, {HOSTILE}"
        for name in ("theme", "partners"):
            hint = fields.form_hint("projecten", name, rich)
            expect(page.get_by_text(hint, exact=True)).to_be_visible()
        # The preview is the part of a page below its title: the site's page has the landmarks.
        frame = page.frames[-1]
        assert frame.locator("h1").text_content() == "Leesplezier in de wijk"
        assert frame.evaluate("[document.documentElement.lang, document.title]") == [
            "nl",
            "Voorbeeld: Leesplezier in de wijk",
        ]
        violations = axe(frame, disable=("landmark-one-main", "region"))
        assert violations == [], violations

        forms.open_entry("#/collections/nieuws/entries/start-leesplezier", "title")
        expect(preview.locator("h1")).to_have_text("Leesplezier gaat van start")
        facts = _facts(preview)
        assert (facts["Project"], facts["Partners"]) == (
            "Leesplezier in de wijk",
            "Bibliotheek Noord",
        )
        assert "Thema's" not in facts
        forms.pick("themes", "Motiv", "Motivatie als motor")
        forms.pick("partners", "Scholen", "Scholengroep")
        expect(preview.locator("dl.netwerk-fields")).to_contain_text("Motivatie als motor")
        facts = _facts(preview)
        assert facts["Thema's"] == "Motivatie als motor"
        assert facts["Partners"] == f"Bibliotheek Noord, {HOSTILE}"
        hint = fields.form_hint("nieuws", "themes", rich)
        expect(page.get_by_text(hint, exact=True)).to_be_visible()
        forms.publish()

        forms.open_entry("#/collections/nieuws/entries/oproep-scholen", "title")
        expect(preview.locator("h1")).to_have_text("Scholen gezocht voor doorstroomproject")
        assert _facts(preview)["Thema's"] == "verdwenen"

        # A partner's logo, described as its own field says.
        forms.open_entry("#/collections/partners/entries/bibliotheek-noord", "name")
        expect(preview.locator("h1")).to_have_text("Bibliotheek Noord")
        expect(preview.locator("img")).to_have_attribute("alt", "Logo van Bibliotheek Noord")

        # Wie is wie: members' partners and themes by name too.
        forms.open_entry("#/collections/organisatie/entries/organisatie", "intro")
        expect(preview.locator("h1")).to_have_text("Wie is wie")
        expect(preview.locator("li").first).to_have_text(
            f"Voorzitter · {HOSTILE} · Primair onderwijs, Voortgezet onderwijs"
        )
        assert not forms.errors, forms.errors
        forms.context.close()

    call.write_text(call_text, encoding="utf-8")
    news = (root / "content" / "nieuws" / "start-leesplezier.md").read_text(encoding="utf-8")
    assert "themes: [motivatie]" in news
    assert "partners: [bibliotheek-noord, scholengroep-noord]" in news
    _checked_and_built(root)


def test_a_form_hint_names_fields_by_the_labels_the_form_shows() -> None:
    config = _config(NETWORKS["rich"])
    labels = {widget["label"] for widget in _widgets(config)}
    quoted = {
        (folder, path, name)
        for folder, entries in fields.FIELDS.items()
        for path, about in entries.items()
        for name in re.findall(r"'([^']+)'", about.form or "")
    }
    assert quoted, "no hint names another field"
    for folder, path, name in quoted:
        assert name in labels, (folder, path, name)
