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
from typing import Any

import pytest

from netwerk.admin import page as admin
from netwerk.core import fields, walk
from netwerk.core.editions import Edition
from netwerk.core.figures import Figures
from netwerk.core.models import COLLECTIONS, Activity, Organisation, PageMeta
from netwerk.core.options import Options, options_from
from networks import OPTIONS
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
