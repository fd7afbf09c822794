"""The admin page at /admin/ (netwerk.admin): Decap CMS with forms from the models.

The configuration is checked against the models and the network's settings; the file format
(netwerk-format.js, as the build ships it) is run under Node on every file of a test network;
and a browser test edits a test network through the forms, against decap-server in local mode,
as an editor would. Node, decap-server and the packed CMS (`make test-tools`) must be there:
without them these tests fail, they are not skipped.
"""

from __future__ import annotations

import difflib
import json
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from browser import serve
from conftest import REPO, SMALL_NETWORK, Site, build_network
from netwerk.admin import page as admin
from netwerk.core import fields
from netwerk.core.admin_option import DEFAULT_PORT, admin_from
from netwerk.core.collections import slug_for
from netwerk.core.editions import HIGHLIGHT_FOLDERS, Edition
from netwerk.core.frontmatter import read_source
from netwerk.core.loader import load_network
from netwerk.core.models import (
    COLLECTIONS,
    Activity,
    NewsItem,
    Organisation,
    PageMeta,
    Partner,
)
from netwerk.core.options import Options, options_from
from netwerk.core.problems import SettingsError
from netwerk.core.values import CHOICE_CHECKS, REFERENCE_CHECKS, Context
from netwerk.editing.cli import main
from networks import CONTENT, EDITIONS, OPTIONS, write_rich_network

NODE_MODULES = REPO / "node_modules"
DECAP_SERVER = NODE_MODULES / ".bin" / "decap-server"
SETUP = "install the test tools first: make test-tools (npm ci and npm run beheer)"


def _tools() -> str:
    """Node's path; fails (never skips) when node, decap-server or the packed CMS is missing."""
    node = shutil.which("node")
    if node is None:
        pytest.fail(f"node is not installed; {SETUP}")
    if not DECAP_SERVER.exists():
        pytest.fail(f"{DECAP_SERVER} is missing; {SETUP}")
    try:
        admin.find_bundle(REPO)
    except admin.BundleMissing as missing:
        pytest.fail(f"{missing}; {SETUP}")
    return node


# A network with its own vocabularies, none of them the defaults.
OWN_VOCABULARIES: dict[str, Any] = {
    "sectors": {"po": "Basisonderwijs", "so": "Speciaal onderwijs", "vo": "Voortgezet"},
    "memberships": {"lid": "Lid", "vriend": "Vriend van het netwerk"},
    "project_statuses": {"idee": "Idee", "bezig": "Bezig", "klaar": "Klaar"},
    "activity_kinds": {"cafe": "Onderwijscafé", "studiedag": "Studiedag"},
    "activity_statuses": {"gepland": "Gepland", "afgelast": "Afgelast"},
    "news_kinds": {"bericht": "Bericht", "oproep": "Oproep"},
    "resource_kinds": {"artikel": "Artikel", "video": "Video"},
    "featured_memberships": ["lid"],
    "audiences": [
        {"slug": "po-so", "name": "PO en SO", "sectors": ["po", "so"]},
        {"slug": "vo", "name": "Voortgezet", "sectors": ["vo"]},
    ],
}
VOCABULARY_NAMES = set(CHOICE_CHECKS.values())


def _options(**raw: Any) -> Options:
    return options_from(
        {"admin": True, **OPTIONS, **raw}, site_url="https://netwerk.example/", site_name="Noord"
    )


def _site(options: Options | None = None, **given: Any) -> admin.Site:
    options = options or _options(**OWN_VOCABULARIES)
    assert options.admin is not None
    given.setdefault("admin", options.admin)
    return admin.Site(options=options, **given)


def _config(site: admin.Site | None = None) -> dict[str, Any]:
    return admin.decap_config(site or _site(pages={"index.md": "Home", "privacy.md": "Privacy"}))


def _collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(one for one in config["collections"] if one["name"] == name)


def _form_fields(config: dict[str, Any], name: str) -> list[dict[str, Any]]:
    collection = _collection(config, name)
    if "files" in collection:
        return list(collection["files"][0]["fields"])
    return list(collection["fields"])


def _walk(widgets: list[dict[str, Any]], prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for widget in widgets:
        path = prefix + widget["name"]
        yield path, widget
        yield from _walk(widget.get("fields", []), path + ".")


def _model_paths(model: Any) -> Iterator[tuple[str, admin.Field]]:
    def walk(found: list[admin.Field]) -> Iterator[tuple[str, admin.Field]]:
        for one in found:
            yield one.path, one
            yield from walk(one.children)

    return walk(admin.model_fields(model))


FORMS = [
    *((model.folder, model, model.folder) for model in COLLECTIONS),
    (fields.NEWSLETTER, Edition, fields.NEWSLETTER),
    (admin.ORGANISATION, Organisation, fields.ORGANISATION),
    (admin.PAGES, PageMeta, fields.PAGE),
]
# Form fields that are no field of a model: the text below the front matter, highlights by
# folder (joined into one list by the file format), an intro per audience, search's switch.
NOT_MODEL_FIELDS = re.compile(
    r"^(body|highlights\.\w+|intros\.[\w-]+|results\.[\w-]+(\.\w+)?|search\.exclude"
    r"|location\.volgt)$"
)


# --- The configuration: every field, every vocabulary value ----------------------------------


@pytest.mark.parametrize(("collection", "model", "folder"), FORMS, ids=[f[0] for f in FORMS])
def test_every_field_of_every_model_has_its_widget_label_and_hint(
    collection: str, model: Any, folder: str
) -> None:
    form = dict(_walk(_form_fields(_config(), collection)))
    model_paths = dict(_model_paths(model))
    assert set(model_paths) <= set(form), set(model_paths) - set(form)
    extra = {path for path in form if path not in model_paths}
    assert all(NOT_MODEL_FIELDS.match(path) for path in extra), extra
    for path, one in model_paths.items():
        widget = form[path]
        assert widget["label"] and widget["label"] == admin.label_of(path)
        # The hint is the form hint beside the description the handbook and the schema read.
        settings = _options(**OWN_VOCABULARIES).settings
        assert widget["hint"] == fields.form_hint(folder, path, settings), path
        # Within an optional group (an activity's location) nothing is required by itself.
        above = model_paths.get(path.rsplit(".", 1)[0]) if "." in path else None
        optional_group = above is not None and above.schema.get("type") == "object"
        optional_group = optional_group and not above.required
        assert widget["required"] is (one.required and not optional_group), path
        assert widget.get("widget"), path


def test_the_forms_are_in_the_order_of_the_models_with_draft_and_body_last() -> None:
    config = _config()
    for model in COLLECTIONS:
        names = [widget["name"] for widget in _form_fields(config, model.folder)]
        declared = [name for name in model.model_fields if name != "draft"]
        assert names == [*declared, "draft", "body"]


def test_every_vocabulary_value_is_an_option_with_its_name() -> None:
    settings = _options(**OWN_VOCABULARIES).settings
    config = _config()
    offered: dict[str, list[dict[str, str]]] = {}
    for collection, model, _ in FORMS:
        form = dict(_walk(_form_fields(config, collection)))
        for path, one in _model_paths(model):
            schema = one.schema.get("items", one.schema)
            vocabulary = schema.get("x-vocabulary")
            if vocabulary is None:
                continue
            widget = form[path]
            assert widget["widget"] == "select", path
            assert widget.get("multiple", False) is (one.schema.get("type") == "array"), path
            offered[vocabulary] = widget["options"]
            assert widget["options"] == [
                {"label": label, "value": code}
                for code, label in settings.vocabulary(vocabulary).items()
            ], (collection, path)
    # Every vocabulary the models check against is offered somewhere, with every value.
    assert set(offered) == VOCABULARY_NAMES
    assert set(OWN_VOCABULARIES) >= VOCABULARY_NAMES
    assert {code for code in OWN_VOCABULARIES["sectors"]} == {
        option["value"] for option in offered["sectors"]
    }
    editions = dict(_walk(_form_fields(config, fields.NEWSLETTER)))
    assert editions["audiences"]["options"] == [
        {"label": "PO en SO", "value": "po-so"},
        {"label": "Voortgezet", "value": "vo"},
    ]
    assert [widget["name"] for widget in editions["intros"]["fields"]] == ["po-so", "vo"]
    hide = dict(_walk(_form_fields(config, admin.PAGES)))["hide"]
    assert hide["options"] == ["navigation", "toc", "footer", "path", "tags", "feedback"]


def test_a_default_is_offered_only_where_the_model_has_one() -> None:
    form = dict(_walk(_form_fields(_config(_site(_options())), "agenda")))
    assert form["status"]["default"] == "gepland"
    assert form["draft"]["default"] is False
    assert "default" not in form["kind"]


def test_references_are_relations_by_file_name() -> None:
    config = _config()
    names = {one["name"] for one in config["collections"]}
    seen = set()
    for collection, model, _ in FORMS:
        form = dict(_walk(_form_fields(config, collection)))
        for path, one in _model_paths(model):
            schema = one.schema.get("items", one.schema)
            folder = schema.get("x-folder")
            if folder is None:
                continue
            widget = form[path]
            seen.add(folder)
            assert widget["widget"] == "relation" and widget["collection"] == folder in names
            assert widget["value_field"] == "{{slug}}"
            shown = "name" if folder == "partners" else "title"
            assert widget["search_fields"] == widget["display_fields"] == [shown]
            assert widget.get("multiple", False) is (one.schema.get("type") == "array"), path
    assert seen == set(REFERENCE_CHECKS.values())
    highlights = dict(_walk(_form_fields(config, fields.NEWSLETTER)))["highlights"]
    assert [(one["name"], one["collection"]) for one in highlights["fields"]] == [
        (folder, folder) for folder in HIGHLIGHT_FOLDERS
    ]


def test_dates_are_stored_as_the_loader_reads_them_and_addresses_have_a_pattern() -> None:
    config = _config()
    agenda = dict(_walk(_form_fields(config, "agenda")))
    # Our own widget (netwerk-when.js, tests/test_admin_when.py): dd-mm-jjjj and uu:mm typed.
    for name in ("start", "end"):
        assert (agenda[name]["widget"], agenda[name]["time"]) == ("netwerk-when", True)
    for collection, name in (("nieuws", "date"), ("partners", "member_since")):
        widget = dict(_walk(_form_fields(config, collection)))[name]
        assert (widget["widget"], widget["time"]) == ("netwerk-when", False)
    pattern, message = agenda["registration_url"]["pattern"]
    for good in ("https://www.example.nl/aanmelden", "http://a.nl", "mailto:info@netwerk.nl"):
        assert re.match(pattern, good), good
    for bad in ("www.example.nl", "https://", "ftp://a.nl", "mailto:netwerk"):
        assert not re.match(pattern, bad), bad
    assert "https://" in message


def test_images_go_into_the_content_folder_and_the_item_names_come_from_our_script() -> None:
    config = _config()
    assert (config["media_folder"], config["public_folder"]) == (
        "content/afbeeldingen",
        "afbeeldingen",
    )
    logo = dict(_walk(_form_fields(config, "partners")))["logo"]
    assert logo["widget"] == "image" and logo["choose_url"] is False
    assert (logo["media_folder"], logo["public_folder"]) == (
        "/content/afbeeldingen/logos",
        "afbeeldingen/logos",
    )
    for collection in ("partners", "agenda", "nieuws", fields.NEWSLETTER):
        assert _collection(config, collection)["slug"] == "{{netwerk_slug}}"
    rules = admin.formats(_site())
    assert rules["partners"]["alt"] == {"logo": "logo_alt"}
    assert rules["nieuws"]["alt"] == {"image": "image_alt"}
    assert rules["partners"]["title"] == "name" and rules[fields.NEWSLETTER]["title"] == "date"
    assert config["locale"] == "nl"


def test_the_organisation_and_the_editors_pages_are_files() -> None:
    config = _config(_site(pages={"index.md": "Home", "over/ons.md": "Over ons"}))
    organisation = _collection(config, admin.ORGANISATION)
    assert [one["file"] for one in organisation["files"]] == ["content/organisatie.yml"]
    pages = _collection(config, admin.PAGES)
    assert [(one["label"], one["file"]) for one in pages["files"]] == [
        ("Home", "content/index.md"),
        ("Over ons", "content/over/ons.md"),
    ]
    assert _collection(config, fields.NEWSLETTER)["folder"] == "newsletters"


def test_the_backend_comes_from_the_plugin_options() -> None:
    local = _config()
    assert local["local_backend"] is True and "publish_mode" not in local
    github = admin_from(
        {"backend": "github", "repo": "noord/site", "base_url": "https://auth.noord.example"}
    )
    assert github is not None
    config = _config(_site(admin=github))
    assert config["backend"] == {
        "name": "github",
        "repo": "noord/site",
        "branch": "main",
        "base_url": "https://auth.noord.example",
    }
    gitlab = admin_from(
        {"backend": "gitlab", "repo": "noord/site", "app_id": "abc123", "review": True}
    )
    assert gitlab is not None
    config = _config(_site(admin=gitlab))
    assert config["backend"] == {
        "name": "gitlab",
        "repo": "noord/site",
        "branch": "main",
        "auth_type": "pkce",
        "app_id": "abc123",
    }
    assert config["publish_mode"] == "editorial_workflow"
    port = admin_from({"local_port": 8090})
    assert port is not None
    assert _config(_site(admin=port))["local_backend"] == {"url": "http://localhost:8090/api/v1"}
    assert admin_from(False) is None and admin_from(None) is None


def test_wrong_admin_settings_are_named_in_dutch_all_at_once() -> None:
    with pytest.raises(SettingsError) as raised:
        options_from(
            {"admin": {"backend": "bitbucket", "reveiw": True, "local_port": "x"}},
            site_url=None,
            site_name="Noord",
        )
    assert raised.value.messages == [
        "netwerk: admin: reveiw: deze instelling bestaat niet; bedoelde je 'review'?",
        "netwerk: admin: backend: 'bitbucket' kan niet; kies uit: github, gitlab",
        "netwerk: admin: local_port: 'x' is geen poort; schrijf 8081",
    ]
    with pytest.raises(SettingsError) as raised:
        admin_from({"backend": "gitlab"})
    assert [message.split(";")[0] for message in raised.value.messages] == [
        "netwerk: admin: repo: schrijf de repository op gitlab als eigenaar/naam, zoals repo: "
        "mijn-netwerk/site",
        "netwerk: admin: app_id: ontbreekt",
    ]
    with pytest.raises(ValueError, match="admin: 'ja' is geen instelling"):
        admin_from("ja")


# --- The build: /admin/ is there when asked, and nowhere else --------------------------------


def _with_node_modules(root: Path) -> None:
    (root / "node_modules").symlink_to(NODE_MODULES, target_is_directory=True)


def test_without_the_option_there_is_no_admin_page(tmp_path: Path) -> None:
    site = Site(tmp_path).write(SMALL_NETWORK).configure().build()
    assert not (site.output / "admin").exists()


def test_without_the_packed_cms_the_admin_page_says_what_to_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    site = Site(tmp_path).write(SMALL_NETWORK).configure(admin=True).build()
    assert sorted(path.name for path in (site.output / "admin").iterdir()) == ["index.html"]
    page = (site.output / "admin" / "index.html").read_text(encoding="utf-8")
    assert "npm run beheer" in page and 'content="noindex, nofollow"' in page
    assert "npm run beheer" in caplog.text


def test_the_admin_page_is_served_from_the_site_and_hidden_from_visitors(tmp_path: Path) -> None:
    _tools()
    _with_node_modules(tmp_path)
    site = Site(tmp_path).write(SMALL_NETWORK).configure(admin=True).build()
    folder = site.output / "admin"
    names = {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}
    assert {
        "index.html",
        "config.yml",
        "decap-cms.js",
        "netwerk-admin.js",
        "yaml/index.js",
    } <= names
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    # Everything the page loads is on the site itself.
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(not re.match(r"^\w+://", source) for source in sources), sources
    config = yaml.safe_load((folder / "config.yml").read_text(encoding="utf-8"))
    assert config["collections"][0]["folder"] == "content/partners"
    # No page links to it but the editors' overview, the sitemap and the search index leave it out.
    for html in site.output.rglob("*.html"):
        if folder not in html.parents and html.parent.name != "overzicht":
            assert "admin/" not in html.read_text(encoding="utf-8"), html
    assert "admin" not in (site.output / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((site.output / "search" / "search_index.json").read_text("utf-8"))
    assert not [doc for doc in index["docs"] if "admin" in doc["location"]]
    # The preview pane gets the site's own stylesheets.
    settings = json.loads(re.search(r'id="netwerk-admin">(.*?)</script>', page, re.S)[1])
    styles = settings["stylesheets"]
    assert styles[0].startswith("../assets/stylesheets/main.") and styles[0].endswith(".css")
    assert "../assets/stylesheets/netwerk.css" in styles
    for style in styles:
        assert (folder / style).resolve().is_file(), style


def test_a_new_site_has_the_admin_page_and_installs_the_cms_when_it_publishes(
    tmp_path: Path,
) -> None:
    assert main(["begin", str(tmp_path / "noord"), "--naam", "Netwerk Noord"]) == 0
    root = tmp_path / "noord"
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    netwerk = next(plugin["netwerk"] for plugin in config["plugins"] if "netwerk" in plugin)
    assert netwerk["admin"] is True
    package = json.loads((root / "package.json").read_text(encoding="utf-8"))
    assert "npm pack decap-cms@3" in package["scripts"]["beheer"]
    github = (root / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    gitlab = (root / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert "npm run beheer" in github and "npm run beheer" in gitlab
    assert "node_modules/" in (root / ".gitignore").read_text(encoding="utf-8").split()


# --- The file format: what the forms write, the build reads, as the editor wrote it ---------


def _run_format(node: str, script_dir: Path, rules: dict[str, Any], cases: list[Any]) -> list[Any]:
    """Run netwerk-format.js (as built into the site) under Node on each case."""
    runner = script_dir / "run-format.mjs"
    runner.write_text(RUNNER, encoding="utf-8")
    result = subprocess.run(
        [node, str(runner)],
        input=json.dumps({"formats": rules, "cases": cases}),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    outputs: list[Any] = json.loads(result.stdout)
    return outputs


RUNNER = """\
import { readFileSync } from 'node:fs';
import { fromFile, toFile } from './netwerk-format.js';
const { formats, cases } = JSON.parse(readFileSync(0, 'utf8'));
const set = (data, path, value) => {
  let at = data;
  for (const key of path.slice(0, -1)) at = at[key];
  if (value === null) delete at[path[path.length - 1]];
  else at[path[path.length - 1]] = value;
};
console.log(JSON.stringify(cases.map(({ collection, raw, changes, data }) => {
  const rules = formats[collection];
  if (raw === undefined) return toFile(data, rules);
  const read = fromFile(raw, rules);
  if (changes === undefined) return read;
  for (const [path, value] of changes) set(read, path, value);
  return toFile(read, rules);
})));
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test network with the admin page, built once: its root."""
    _tools()
    root = tmp_path_factory.mktemp("netwerk")
    _write_cms_network(root, port=DEFAULT_PORT)
    build_network(root)
    return root


def _write_cms_network(root: Path, *, port: int) -> None:
    write_rich_network(root, build_date="2026-11-23")
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    netwerk = next(plugin["netwerk"] for plugin in config["plugins"] if "netwerk" in plugin)
    netwerk["admin"] = {"local_port": port}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    _with_node_modules(root)


def _rules(root: Path) -> dict[str, Any]:
    page = (root / "site" / "admin" / "index.html").read_text(encoding="utf-8")
    settings = json.loads(re.search(r'id="netwerk-admin">(.*?)</script>', page, re.S)[1])
    rules: dict[str, Any] = settings["formats"]
    return rules


def _source_files(root: Path) -> dict[str, tuple[str, str]]:
    """Every file the forms edit: path → (collection, text)."""
    found = {}
    for path in sorted((root / "content").rglob("*.md")):
        uri = path.relative_to(root / "content").as_posix()
        top = uri.split("/", 1)[0]
        collection = top if top in {model.folder for model in COLLECTIONS} else admin.PAGES
        found[f"content/{uri}"] = (collection, path.read_text(encoding="utf-8"))
    for path in sorted((root / "newsletters").glob("*.md")):
        found[f"newsletters/{path.name}"] = (fields.NEWSLETTER, path.read_text(encoding="utf-8"))
    organisation = (root / "content" / "organisatie.yml").read_text(encoding="utf-8")
    found["content/organisatie.yml"] = (admin.ORGANISATION, organisation)
    return found


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_a_file_saved_unchanged_keeps_every_byte(built: Path) -> None:
    node = _tools()
    files = _source_files(built)
    assert len(files) == sum(name.endswith(".md") for name in CONTENT) + len(EDITIONS) + 1
    cases = [
        {"collection": collection, "raw": text, "changes": []}
        for collection, text in files.values()
    ]
    outputs = _run_format(node, built / "site" / "admin", _rules(built), cases)
    for (path, (_, text)), output in zip(files.items(), outputs, strict=True):
        assert output == text, path


def test_values_are_read_as_the_build_reads_them(built: Path, tmp_path: Path) -> None:
    node = _tools()
    raw = (
        "---\ntitle: NO\ncode: 1.10\nleads: [0201234567]\nstart: 2025-09-01\ndraft: yes\n"
        "theme: motivatie\nstatus: lopend\nsectors: po\ngoal: Doel.\n---\nTekst.\n"
    )
    (read,) = _run_format(
        node, built / "site" / "admin", _rules(built), [{"collection": "projecten", "raw": raw}]
    )
    assert {key: read[key] for key in ("title", "code", "leads", "start", "draft", "sectors")} == {
        "title": "NO",
        "code": "1.10",
        "leads": ["0201234567"],
        "start": "2025-09-01",
        "draft": True,
        "sectors": "po",
    }
    (order,) = _run_format(
        node,
        built / "site" / "admin",
        _rules(built),
        [{"collection": "themas", "raw": "---\ntitle: T\nsummary: S\norder: 2\n---\n"}],
    )
    assert order["order"] == 2


def test_counts_and_a_place_that_follows_are_shown_as_the_form_writes_them(built: Path) -> None:
    node = _tools()
    raws = [
        "---\ntitle: A\nlocation: volgt\nparticipants: {po: 3, vo: 21}\n---\n",
        "---\ntitle: B\nlocation: {name: Zaal}\nparticipants: 56\n---\n",
    ]
    cases = [{"collection": "agenda", "raw": raw} for raw in raws]
    first, second = _run_format(node, built / "site" / "admin", _rules(built), cases)
    assert (first["location"], first["participants"]) == ({"volgt": True}, "po: 3, vo: 21")
    assert (second["location"], second["participants"]) == ({"name": "Zaal"}, "56")
    # Saved as read, every byte stays.
    saved = _run_format(
        node,
        built / "site" / "admin",
        _rules(built),
        [{"collection": "agenda", "raw": raw, "changes": []} for raw in raws],
    )
    assert saved == raws


EDITS = [
    # (file, changes as [path, value], the lines that change)
    (
        "content/nieuws/start-leesplezier.md",
        [[["summary"], "Tien scholen doen mee: lezen!"]],
        [
            "-summary: Het project Leesplezier begint in tien scholen.",
            '+summary: "Tien scholen doen mee: lezen!"',
        ],
    ),
    (
        "content/agenda/leesavond.md",
        [[["location", "address"], "Stationsplein 3, 1234 AB Noorddorp"]],
        [
            '-location: {name: Bibliotheek Noord, address: "Stationsplein 1, 1234 AB Noorddorp"}',
            '+location: {name: Bibliotheek Noord, address: "Stationsplein 3, 1234 AB Noorddorp"}',
        ],
    ),
    # Participants are one line of text in the form: a total, or per sector as the hint says.
    (
        "content/agenda/netwerkbijeenkomst-2025.md",
        [[["participants"], "po: 12, vo: 10"]],
        ["-participants: {po: 12, vo: 9}", "+participants: {po: 12, vo: 10}"],
    ),
    (
        "content/agenda/netwerkbijeenkomst-2025.md",
        [[["participants"], " 21 "]],
        ["-participants: {po: 12, vo: 9}", "+participants: 21"],
    ),
    # The place's switch "Volgt nog" writes `location: volgt`.
    (
        "content/agenda/leesavond.md",
        [[["location", "volgt"], True]],
        [
            '-location: {name: Bibliotheek Noord, address: "Stationsplein 1, 1234 AB Noorddorp"}',
            "+location: volgt",
        ],
    ),
    (
        "content/partners/scholengroep-noord.md",
        [[["sectors"], ["po", "vo", "mbo"]], [["municipality"], ""]],
        ["-sectors: [po, vo]", "+sectors: [po, vo, mbo]", "-municipality: Noorddorp"],
    ),
    (
        "content/projecten/doorstroom.md",
        [[["code"], "2.10"], [["leads"], ["Vakcollege Noord"]]],
        ['-code: "2b"', '+code: "2.10"', "+leads: [Vakcollege Noord]"],
    ),
    (
        "content/themas/motivatie.md",
        [[["order"], 3], [["draft"], True]],
        ["-order: 1", "+order: 3", "+draft: true"],
    ),
    (
        "newsletters/2026-10.md",
        [[["highlights", "agenda"], ["leesavond"]]],
        [
            "-highlights: [nieuws/start-leesplezier]",
            "+highlights: [nieuws/start-leesplezier, agenda/leesavond]",
        ],
    ),
    (
        "content/organisatie.yml",
        [[["groups", 0, "members", 1, "role"], "Secretaris"]],
        ["-      - role: Lid", "+      - role: Secretaris"],
    ),
    (
        "content/index.md",
        [[["title"], "Welkom"]],
        ["+---", "+title: Welkom", "+---"],
    ),
]


@pytest.mark.parametrize(("path", "changes", "lines"), EDITS, ids=[edit[0] for edit in EDITS])
def test_editing_fields_changes_those_lines_only(
    built: Path, path: str, changes: list[Any], lines: list[str]
) -> None:
    node = _tools()
    collection, text = _source_files(built)[path]
    case = {"collection": collection, "raw": text, "changes": changes}
    (output,) = _run_format(node, built / "site" / "admin", _rules(built), [case])
    assert _changed_lines(text, output) == lines


def test_a_new_item_from_the_form_passes_the_checks_as_typed(built: Path) -> None:
    node = _tools()
    data = {
        "title": "NO",
        "summary": 'Met: een dubbele punt en "aanhalingstekens"',
        "start": "2027-03-12 12:30",
        "end": "",
        "location": {"name": "Bibliotheek Noord", "address": ""},
        "sectors": ["po"],
        "kind": "lezing",
        "status": "gepland",
        "theme": "motivatie",
        "partners": [],
        "draft": False,
        "netwerk_slug": "no",
        "body": "Om 12:30 begint het.",
    }
    (text,) = _run_format(
        node, built / "site" / "admin", _rules(built), [{"collection": "agenda", "data": data}]
    )
    assert text == (
        "---\ntitle: NO\nsummary: 'Met: een dubbele punt en \"aanhalingstekens\"'\n"
        "start: 2027-03-12 12:30\nlocation:\n  name: Bibliotheek Noord\nsectors: [po]\n"
        "kind: lezing\nstatus: gepland\ntheme: motivatie\ndraft: false\n---\n"
        "Om 12:30 begint het.\n"
    )
    options = _options()
    source = read_source("content/agenda/no.md", text.encode("utf-8"))
    assert not source.problems
    context = Context(
        settings=options.settings,
        slugs={"themas": frozenset({"motivatie"}), "partners": frozenset()},
    )
    activity = Activity.model_validate(source.data, context=context)
    assert (activity.title, activity.summary) == (
        "NO",
        'Met: een dubbele punt en "aanhalingstekens"',
    )
    assert activity.start.isoformat() == "2027-03-12T12:30:00+01:00"


def test_the_file_names_of_new_items_follow_netwerk_nieuw(built: Path) -> None:
    node = _tools()
    titles = [
        "Gluren bij de Buren",
        "Onderwijscafé: overstap vo–ho (2027) & meer!",
        "Thema's van de school: één – twee",
        "Museum De Lakenhal",
    ]
    script = built / "site" / "admin" / "slugs.mjs"
    script.write_text(
        "import { slugFor, editionSlug } from './netwerk-format.js';\n"
        f"console.log(JSON.stringify([...{json.dumps(titles)}.map(slugFor), "
        "editionSlug('2026-3-16')]));\n",
        encoding="utf-8",
    )
    result = subprocess.run([node, str(script)], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [*(slug_for(title) for title in titles), "2026-03"]


# --- In the browser: an editor creates and edits items through the forms ---------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    )
    return result.stdout


@contextmanager
def decap_server(root: Path, port: int) -> Iterator[None]:
    """decap-server in local mode (it writes files, it does not commit), stopped afterwards."""
    log = (root.parent / "decap-server.log").open("w")
    process = subprocess.Popen(
        [str(DECAP_SERVER)],
        cwd=root,
        env={
            **os.environ,
            "PORT": str(port),
            "BIND_HOST": "127.0.0.1",
            "GIT_REPO_DIRECTORY": str(root),
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/v1",
                data=b'{"action": "info"}',
                headers={"Content-Type": "application/json"},
            )
            try:
                with urllib.request.urlopen(request, timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(
                    "decap-server did not start: "
                    + (root.parent / "decap-server.log").read_text(encoding="utf-8")
                )
            time.sleep(0.2)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


ACTIVITY_TITLE = "Onderwijscafé: lezen & schrijven"
ACTIVITY_TEXT = """\
---
title: "Onderwijscafé: lezen & schrijven"
summary: 'Over lezen: thuis, in de klas en in "de bieb"'
start: 2027-03-12 12:30
end: 2027-03-12 15:00
location:
  name: Bibliotheek Noord, zaal 2
  address: Stationsplein 1, 1234 AB Noorddorp
sectors: [po, vo]
kind: onderwijscafe
status: gepland
theme: motivatie
partners: [bibliotheek-noord]
draft: false
---
Om 12:30 begint het.
"""
PARTNER_TEXT = """\
---
name: Museum De Lakenhal
summary: "Stedelijk museum: kunst en geschiedenis van de regio."
sectors: [po]
membership: basis
website: https://www.lakenhal.example/
logo: afbeeldingen/logos/lakenhal.svg
logo_alt: Logo van Museum De Lakenhal
member_since: 2027-01-15
themes: [overgang]
draft: false
---
Over het museum.
"""
LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#c00"/></svg>\n'


def test_an_editor_creates_an_activity_and_a_partner_and_edits_a_news_item(
    browser: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    _tools()
    started = time.monotonic()
    root, port = git_network(tmp_path)
    build_network(root)
    news = root / "content" / "nieuws" / "oproep-scholen.md"
    news_before = news.read_text(encoding="utf-8")

    with serve(root / "site") as base, decap_server(root, port):
        forms = Forms(browser, base + "admin/", port)
        page, field, pick, open_entry, publish = (
            forms.page, forms.field, forms.pick, forms.open_entry, forms.publish
        )  # fmt: skip
        hosts: set[str] = set()
        failed: list[str] = []
        page.on(
            "request",
            lambda request: (
                request.url.startswith(("http:", "https:", "ws:", "wss:"))
                and hosts.add(urlsplit(request.url).netloc)
            ),
        )
        page.on(
            "response",
            lambda response: (
                response.status >= 400 and failed.append(f"{response.status} {response.url}")
            ),
        )

        def body(text: str) -> None:
            page.locator('[data-slate-editor="true"]').first.click()
            page.keyboard.type(text)

        forms.login()

        # An activity, with a title that YAML and the file name both have to take care of.
        open_entry("#/collections/agenda/new", "title")
        field("title").fill(ACTIVITY_TITLE)
        field("summary").fill('Over lezen: thuis, in de klas en in "de bieb"')
        field("start").fill("2027-03-12T12:30")
        field("end").fill("2027-03-12T15:00")
        field("name").fill("Bibliotheek Noord, zaal 2")
        field("address").fill("Stationsplein 1, 1234 AB Noorddorp")
        pick("sectors", "Primair", "Primair onderwijs")
        pick("sectors", "Voortgezet", "Voortgezet onderwijs")
        pick("kind", "Onderwijs", "Onderwijscafé")
        pick("theme", "Motiv", "Motivatie als motor")
        pick("partners", "Biblio", "Bibliotheek Noord")
        body("Om 12:30 begint het.")
        publish()

        # A partner with a logo: without a description of the logo it is not saved.
        open_entry("#/collections/partners/new", "name")
        field("name").fill("Museum De Lakenhal")
        field("summary").fill("Stedelijk museum: kunst en geschiedenis van de regio.")
        pick("sectors", "Primair", "Primair onderwijs")
        pick("membership", "Basis", "Basislidmaatschap")
        field("website").fill("https://www.lakenhal.example/")
        field("member_since").fill("2027-01-15")
        pick("themes", "Overgang", "Overgang en aansluiting")
        page.get_by_role("button", name="Kies een afbeelding").click()
        with page.expect_file_chooser() as chooser:
            page.get_by_text("Nieuwe uploaden").click()
        chooser.value.set_files(
            files=[{"name": "lakenhal.svg", "mimeType": "image/svg+xml", "buffer": LOGO}]
        )
        page.get_by_role("button", name="Gebruik selectie").click()
        body("Over het museum.")
        page.get_by_role("button", name="Publiceer", exact=True).click()
        page.get_by_text("Publiceer nu", exact=True).click()
        # Refused in the words of netwerk controleer, on its field (netwerk-rules.js).
        expect(
            page.locator(
                ".netwerk-fout",
                has_text="ontbreekt; beschrijf het logo, bijvoorbeeld logo_alt: Logo van "
                "Museum De Lakenhal",
            )
        ).to_be_visible()
        expect(field("logo_alt")).to_have_attribute("aria-invalid", "true")
        assert not (root / "content" / "partners" / "museum-de-lakenhal.md").exists()
        field("logo_alt").fill("Logo van Museum De Lakenhal")
        publish()

        # One field of an existing news item.
        open_entry("#/collections/nieuws/entries/oproep-scholen", "summary")
        expect(field("summary")).to_have_value("Welke vo-school doet mee?")
        field("summary").fill("Welke vo-school doet mee aan het doorstroomproject?")
        publish()
        forms.context.close()
        browser_seconds = time.monotonic() - started

    # Nothing but the site and decap-server was asked for anything, and nothing went wrong.
    assert hosts <= {urlsplit(base).netloc, f"localhost:{port}", f"127.0.0.1:{port}"}, hosts
    assert not failed, failed

    slug = slug_for(ACTIVITY_TITLE)
    assert slug == "onderwijscafe-lezen-en-schrijven"
    assert sorted(_git(root, "status", "--porcelain", "--untracked-files=all").splitlines()) == [
        " M content/nieuws/oproep-scholen.md",
        "?? content/afbeeldingen/logos/lakenhal.svg",
        f"?? content/agenda/{slug}.md",
        "?? content/partners/museum-de-lakenhal.md",
    ]
    assert (root / "content" / "agenda" / f"{slug}.md").read_text(encoding="utf-8") == ACTIVITY_TEXT
    partner = root / "content" / "partners" / "museum-de-lakenhal.md"
    assert partner.read_text(encoding="utf-8") == PARTNER_TEXT
    assert (root / "content" / "afbeeldingen" / "logos" / "lakenhal.svg").read_bytes() == LOGO
    diff = _git(root, "diff", "--unified=0", "content/nieuws/oproep-scholen.md")
    assert [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ] == [
        "-summary: Welke vo-school doet mee?",
        "+summary: Welke vo-school doet mee aan het doorstroomproject?",
    ]
    assert news.read_text(encoding="utf-8") != news_before

    # What the forms wrote, the build reads: netwerk controleer passes, the pages show it.
    check = subprocess.run(
        [str(Path(sys.executable).parent / "netwerk"), "controleer"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    build_network(root)
    activity = (root / "site" / "agenda" / slug / "index.html").read_text(encoding="utf-8")
    assert "Onderwijscafé: lezen &amp; schrijven" in activity
    assert "vrijdag 12 maart 2027, 12:30–15:00" in activity
    assert "Bibliotheek Noord, zaal 2" in activity
    museum = (root / "site" / "partners" / "museum-de-lakenhal" / "index.html").read_text("utf-8")
    assert 'alt="Logo van Museum De Lakenhal"' in museum
    assert (root / "site" / "afbeeldingen" / "logos" / "lakenhal.svg").is_file()
    news_page = (root / "site" / "nieuws" / "oproep-scholen" / "index.html").read_text("utf-8")
    assert "Welke vo-school doet mee aan het doorstroomproject?" in news_page
    network = load_network(root / "content", _options().settings)
    assert isinstance(network.partners["museum-de-lakenhal"], Partner)
    assert isinstance(network.news["oproep-scholen"], NewsItem)
    print(
        f"\nbrowser test: {browser_seconds:.1f} s in the browser, {time.monotonic() - started:.1f} s in all"
    )


# --- Through `netwerk voorbeeld`: the forms fix what the preview reports -----------------------

NETWERK = str(Path(sys.executable).parent / "netwerk")


@contextmanager
def voorbeeld(root: Path) -> Iterator[str]:
    """`netwerk voorbeeld` on a free port, until it answers (within two minutes): its address."""
    port = _free_port()
    process = subprocess.Popen(
        [NETWERK, "voorbeeld", "--poort", str(port)],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(base, timeout=5):
                    break
            except OSError:
                assert process.poll() is None, "netwerk voorbeeld stopped"
                assert time.monotonic() < deadline, f"netwerk voorbeeld did not answer on {base}"
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def git_network(tmp_path: Path) -> tuple[Path, int]:
    """The test network in git, its admin page talking to decap-server on a free port: its root
    and that port."""
    root = tmp_path / "netwerk"
    root.mkdir()
    port = _free_port()
    _git_network(root, port)
    return root, port


def _git_network(root: Path, port: int) -> None:
    _write_cms_network(root, port=port)
    (root / ".gitignore").write_text("site/\nnode_modules\n.site-*\n", encoding="utf-8")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "-c", "user.name=Test", "-c", "user.email=test@example.nl", "add", "-A")
    _git(root, "-c", "user.name=Test", "-c", "user.email=test@example.nl", "commit", "-qm", "init")


def _fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return answer.status, answer.headers["Content-Type"], answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


class Forms:
    """Chromium on the admin page, as an editor uses it (Dutch, Amsterdam's time)."""

    LOCALE, ZONE = "nl-NL", "Europe/Amsterdam"

    def __init__(self, browser: Any, admin_url: str, port: int) -> None:
        self.admin_url, self.port = admin_url, port
        self.context = browser.new_context(
            locale=self.LOCALE, timezone_id=self.ZONE, viewport={"width": 1400, "height": 1000}
        )
        self.context.set_default_timeout(30000)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def field(self, name: str) -> Any:
        # Decap gives each control the id "<field name>-field-<counter>".
        return self.page.locator(f'[id^="{name}-field-"]').first

    def login(self) -> None:
        from playwright.sync_api import expect

        started = time.monotonic()
        self.page.goto(self.admin_url)
        self.page.get_by_role("button", name="Inloggen").click(timeout=60000)
        expect(self.page.get_by_text("Inhoudstypen")).to_be_visible(timeout=60000)
        self.seconds_to_list = time.monotonic() - started

    def pick(self, name: str, typed: str, label: str) -> None:
        """A select or relation: type, wait for the option, Enter (again if redrawn)."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        box = self.field(name)
        option = self.page.locator('[class*="-option"]', has_text=label).first
        for attempt in range(5):
            box.click()
            box.press_sequentially(typed, delay=20)
            try:
                option.wait_for(timeout=10000)
                break
            except PlaywrightTimeout:
                if attempt == 4:
                    raise
                box.press("Escape")
        box.press("Enter")

    def open_entry(self, address: str, ready: str) -> None:
        # A hash change alone can leave the previous form mounted: load the page afresh.
        self.page.goto(self.admin_url + address)
        self.page.reload()
        self.page.wait_for_load_state("networkidle")
        self.field(ready).wait_for(timeout=60000)

    def empty(self, name: str) -> None:
        """Empty a text field as an editor does (select all, delete): fill() on a field whose
        text the form made (participants), or that kept a refused text, adds to it."""
        from playwright.sync_api import expect

        control = self.field(name)
        control.click()
        control.press("Control+a")
        control.press("Delete")
        expect(control).to_have_value("")

    def publish(self) -> None:
        """Save through decap-server: wait for its answer, not for a message."""
        from playwright.sync_api import expect

        with self.page.expect_response(
            lambda response: (
                f":{self.port}/" in response.url
                and "persistEntry" in (response.request.post_data or "")
            ),
            timeout=60000,
        ) as saved:
            self.page.get_by_role("button", name="Publiceer", exact=True).click()
            self.page.get_by_text("Publiceer nu", exact=True).click()
        assert saved.value.ok, saved.value.text()
        expect(self.page.get_by_text("Niet-opgeslagen wijzigingen")).to_have_count(0, timeout=60000)
        self.page.wait_for_url(re.compile(r"/entries/"), timeout=60000)


def _checked_and_built(root: Path) -> None:
    """What the forms wrote passes `netwerk controleer` and builds strictly."""
    check = subprocess.run(
        [NETWERK, "controleer"], cwd=root, capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout + check.stderr
    build_network(root)


def test_the_preview_serves_the_forms_while_content_has_problems_and_lists_them(
    tmp_path: Path,
) -> None:
    _tools()
    root = tmp_path / "netwerk"
    root.mkdir()
    _write_cms_network(root, port=DEFAULT_PORT)
    webinar = root / "content" / "agenda" / "webinar-doorstroom.md"
    webinar.write_text(
        webinar.read_text(encoding="utf-8").replace("end: 2027-02-04", "end: 2027-02-03"),
        encoding="utf-8",
    )
    with voorbeeld(root) as base:
        # The pages answer with the problems; the admin page and all it loads are served.
        assert _fetch(base + "agenda/")[0] == 200
        assert _fetch(base + "agenda/feed.ics")[0] == 503
        for path in ("admin/", "admin/config.yml", "admin/decap-cms.js", "admin/netwerk-admin.js"):
            status, kind, body = _fetch(base + path)
            assert status == 200, (path, body[:200])
        assert b"decap-cms.js" in _fetch(base + "admin/")[2]
        status, kind, body = _fetch(base + "__voorbeeld__/problemen.json")
        assert (status, kind) == (200, "application/json")
        assert json.loads(body)["problems"][1:] == [
            "content/agenda/webinar-doorstroom.md:4: end: ligt vóór start (2027-02-04 15:30); "
            "controleer de datum"
        ]
        # The admin page made without the content is the one the build makes, but for the
        # pages' names (read from their text) and highlights known by file name.
        broken = json.loads(_fetch(base + "admin/config.yml")[2].split(b"\n", 1)[1])
    webinar.write_text(
        webinar.read_text(encoding="utf-8").replace("end: 2027-02-03", "end: 2027-02-04"),
        encoding="utf-8",
    )
    build_network(root)
    built = (root / "site" / "admin" / "config.yml").read_text(encoding="utf-8")
    assert broken["collections"][:5] == json.loads(built.split("\n", 1)[1])["collections"][:5]


def test_an_editor_fixes_a_problem_from_the_admin_page_and_saves_online_activities(
    browser: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    _tools()
    root, port = git_network(tmp_path)
    webinar = root / "content" / "agenda" / "webinar-doorstroom.md"
    webinar.write_text(
        webinar.read_text(encoding="utf-8").replace("end: 2027-02-04", "end: 2027-02-03"),
        encoding="utf-8",
    )
    with voorbeeld(root) as base, decap_server(root, port):
        forms = Forms(browser, base + "admin/", port)
        page = forms.page
        forms.login()
        script = _fetch(base + "admin/decap-cms.js")[2]
        print(
            f"\n/admin/ to the collection list: {forms.seconds_to_list:.1f} s; decap-cms.js "
            f"{len(script) / 1e6:.2f} MB as served"
        )
        problems = page.get_by_role("complementary", name=re.compile("Er is een probleem"))
        expect(problems).to_contain_text(
            "content/agenda/webinar-doorstroom.md:4: end: ligt vóór start", timeout=30000
        )
        # The link opens the activity's form; an online activity (no place) saves.
        problems.get_by_role("link", name="Open het formulier").click()
        forms.field("end").wait_for(timeout=60000)
        expect(forms.field("title")).to_have_value("Webinar doorstroom")
        forms.field("end").fill("2027-02-04T16:30")
        forms.publish()
        # The preview made the site again: the problems are gone from the admin page.
        expect(problems).to_have_count(0, timeout=60000)

        # A new online activity, without a place.
        forms.open_entry("#/collections/agenda/new", "title")
        forms.field("title").fill("Webinar lezen")
        forms.field("start").fill("2027-05-12T15:30")
        forms.field("online_url").fill("https://webinar.example/lezen")
        forms.pick("sectors", "Primair", "Primair onderwijs")
        forms.pick("kind", "Lezing", "Lezing")
        # The text is Markdown as typed: no rich text mode that escapes it.
        expect(page.get_by_text("Rijke tekst")).to_have_count(0)
        page.locator('[data-slate-editor="true"]').first.click()
        page.keyboard.type("**Lees het plan**\n\n- havo 5\n- vwo 6")
        forms.publish()
        assert not forms.errors, forms.errors
        forms.context.close()

    assert webinar.read_text(encoding="utf-8").count("end: 2027-02-04 16:30") == 1
    # The fixed file is as committed (the end was the only change); the new one is added.
    assert _git(root, "status", "--porcelain", "--untracked-files=all").splitlines() == [
        "?? content/agenda/webinar-lezen.md"
    ]
    new = (root / "content" / "agenda" / "webinar-lezen.md").read_text(encoding="utf-8")
    assert "location" not in new and "online_url: https://webinar.example/lezen" in new
    assert new.endswith("---\n**Lees het plan**\n\n- havo 5\n- vwo 6\n"), new
    _checked_and_built(root)
    assert "Online" in (root / "site" / "agenda" / "webinar-lezen" / "index.html").read_text(
        encoding="utf-8"
    )


def test_the_forms_refuse_what_the_build_refuses_on_the_field_in_its_words(
    browser: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    _tools()
    root, port = git_network(tmp_path)
    webinar = root / "content" / "agenda" / "webinar-doorstroom.md"
    before = webinar.read_text(encoding="utf-8")
    with voorbeeld(root) as base, decap_server(root, port):
        forms = Forms(browser, base + "admin/", port)
        page = forms.page
        forms.login()
        forms.open_entry("#/collections/agenda/entries/webinar-doorstroom", "online_url")

        def refused(name: str, message: str) -> None:
            page.get_by_role("button", name="Publiceer", exact=True).click()
            page.get_by_text("Publiceer nu", exact=True).click()
            note = page.locator(".netwerk-fout", has_text=message)
            expect(note).to_be_visible(timeout=60000)
            expect(forms.field(name)).to_have_attribute("aria-invalid", "true")
            assert webinar.read_text(encoding="utf-8") == before

        # An address the field itself refuses: Decap's pattern, in the build's words (without
        # the value, which stands in the field), and nothing saved.
        forms.field("online_url").fill("javascript:alert(1)")
        page.get_by_role("button", name="Publiceer", exact=True).click()
        page.get_by_text("Publiceer nu", exact=True).click()
        expect(
            page.get_by_text(
                "Online: webadres: Geen geldig webadres; gebruik een adres dat begint met "
                "https://, http:// of mailto:, of schrijf volgt als het nog niet bekend is",
                exact=True,
            )
        ).to_be_visible()
        assert webinar.read_text(encoding="utf-8") == before
        # Rules across fields: the words of netwerk controleer, on the field, nothing saved.
        forms.field("online_url").clear()
        forms.field("online_url").fill("https://webinar.example/doorstroom")
        forms.field("end").fill("2027-02-03T16:30")
        refused("end", "ligt vóór start (2027-02-04 15:30); controleer de datum")
        forms.field("end").fill("2027-02-04T16:30")
        forms.field("participants").fill("po: 5, vo: 2")
        refused(
            "participants",
            "de activiteit begint pas op 2027-02-04; noteer het aantal deelnemers als ze "
            "geweest is",
        )
        forms.empty("participants")
        forms.field("summary").fill("Over doorstromen naar het hbo.")
        forms.publish()
        expect(page.locator(".netwerk-fout")).to_have_count(0)

        # Participants per sector, as the hint says, and a place that is not known yet.
        forms.open_entry("#/collections/agenda/entries/netwerkbijeenkomst-2025", "participants")
        expect(forms.field("participants")).to_have_value("po: 12, vo: 9")
        forms.field("participants").fill("po: 12, vo: 10")
        forms.field("volgt").click()
        forms.publish()
        forms.context.close()

    assert (
        _git(root, "diff", "--unified=0", "content/agenda/webinar-doorstroom.md").count(
            "\n+summary: Over doorstromen naar het hbo."
        )
        == 1
    )
    diff = _git(root, "diff", "--unified=0", "content/agenda/netwerkbijeenkomst-2025.md")
    assert [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in "+++---"
    ] == [
        "-location: {name: Scholengroep Noord}",
        "+location: volgt",
        "-participants: {po: 12, vo: 9}",
        "+participants: {po: 12, vo: 10}",
    ]
    _checked_and_built(root)
    shown = (root / "site" / "agenda" / "netwerkbijeenkomst-2025" / "index.html").read_text("utf-8")
    # The activity is past: its page tells that, and no place that is still to follow.
    assert "Deze activiteit is geweest." in shown
    assert "Locatie volgt" not in shown


# --- One validation: what the build refuses, the form's check refuses, in the same words ------

FORM_EXAMPLES = int(os.environ.get("NETWERK_FORM_EXAMPLES", "40"))


def _values() -> Any:
    from hypothesis import strategies as st

    day = st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31))
    sectors = st.sampled_from(["po", "vo", "mbo", "ho", "xx", "Po"])
    return st.one_of(
        st.none(),
        st.text(max_size=12),
        st.integers(-3, 300),
        st.booleans(),
        day.map(str),
        st.tuples(day, st.integers(0, 23), st.integers(0, 59)).map(
            lambda when: f"{when[0]} {when[1]:02d}:{when[2]:02d}"
        ),
        st.sampled_from(
            ["javascript:alert(1)", "https://webinar.example/x", "volgt", "12:30", "po: 5, vo: 2"]
        ),
        st.dictionaries(sectors, st.one_of(st.integers(-2, 50), st.text(max_size=3)), max_size=3),
        st.dictionaries(st.sampled_from(["name", "address", "zaal"]), st.text(max_size=8)),
        st.lists(sectors, max_size=3),
    )


def test_each_value_the_build_refuses_the_forms_check_refuses_in_its_words(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The form's check (the preview's, sent before a save) and the build see every drawn value
    of every field of an activity alike: the same problems, or none and it loads."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from netwerk.core.problems import ContentError
    from netwerk.editing.preview import CHECK, Preview

    root = tmp_path_factory.mktemp("eens") / "netwerk"
    root.mkdir()
    _write_cms_network(root, port=DEFAULT_PORT)
    preview = Preview(root / "mkdocs.yml", root.parent / "voorbeeld")
    preview.rebuild()
    assert preview.current.config is not None
    ours = next(p for p in preview.current.config.plugins.values() if hasattr(p, "options"))
    network_settings = ours.options.settings
    path = root / "content" / "agenda" / "webinar-doorstroom.md"
    original = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    names = [name for name in Activity.model_fields if name not in ("draft",)]

    @settings(
        max_examples=FORM_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(st.dictionaries(st.sampled_from(names), _values(), min_size=1, max_size=3))
    def agree(changes: dict[str, Any]) -> None:
        data = {**original, **changes}
        data = {key: value for key, value in data.items() if value is not None}
        text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\nHoi\n"
        path.write_text(text, encoding="utf-8")
        answer = preview.check(
            "/" + CHECK,
            json.dumps({"path": "content/agenda/webinar-doorstroom.md", "text": text}).encode(),
        )
        form = {(one["field"], one["message"]) for one in json.loads(answer.body)["problems"]}
        try:
            load_network(root / "content", network_settings)
            build: set[tuple[str, str]] = set()
        except ContentError as error:
            build = {(one.field, one.message) for one in error.problems}
        assert form == build, text
        seen["refused" if build else "accepted"] += 1

    seen = {"refused": 0, "accepted": 0}
    try:
        agree()
    finally:
        preview.close()
    # Both kinds were drawn: values the build refuses, and values it takes.
    assert seen["refused"] and seen["accepted"], seen


def test_every_text_of_decap_is_dutch(built: Path, browser: Any) -> None:
    """Decap's own Dutch lacks some texts (tooltips, aria-labels); ours fills in every one."""
    with serve(built / "site") as base:
        page = browser.new_page(locale="nl-NL")
        page.goto(base + "admin/")
        page.wait_for_function("window.CMS && CMS.getLocale('nl')", timeout=60000)
        missing = page.evaluate(
            """() => {
              const found = [];
              const walk = (en, nl, path) => {
                for (const [key, value] of Object.entries(en)) {
                  if (typeof value === 'object') walk(value, (nl || {})[key], path + key + '.');
                  else if (!nl || typeof nl[key] !== 'string') found.push(path + key);
                }
              };
              walk(CMS.getLocale('en'), CMS.getLocale('nl'), '');
              return found;
            }"""
        )
        english = page.evaluate(
            "() => [CMS.getLocale('nl').editor.editorWidgets.markdown.strikethrough,"
            " CMS.getLocale('nl').editor.editorWidgets.datetime.setToNow]"
        )
        page.close()
    assert missing == []
    assert english == ["Doorhalen", "%{fieldLabel}: nu"]
