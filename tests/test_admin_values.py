"""Values typed into one field of the forms: what Decap's pattern lets through, the file format
writes in the file's own shape, and the build reads it as the form meant it.

The patterns are checked as the browser checks them (JavaScript regular expressions under Node),
on drawn texts (hypothesis): a count field (participants: `56` or `po: 12, vo: 10`) and an
online activity's address, which may also be `volgt` while the link is not known.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from netwerk.core.models import Activity
from netwerk.core.settings import Settings
from netwerk.core.values import Context
from test_admin import (
    _collection,
    _config,
    _form_fields,
    _options,
    _rules,
    _run_format,
    _site,
    _tools,
    built,
)
from test_shapes import ONE_SECTOR_OPTIONS

__all__ = ["built"]  # the module's built network, shared with test_admin

EXAMPLES = int(os.environ.get("NETWERK_HYPOTHESIS_EXAMPLES", "60"))

PATTERNS = """\
import { readFileSync } from 'node:fs';
const { pattern, texts } = JSON.parse(readFileSync(0, 'utf8'));
const expression = new RegExp(pattern);
console.log(JSON.stringify(texts.map((text) => expression.test(text))));
"""


def accepted(node: str, folder: Path, pattern: str, texts: list[str]) -> list[bool]:
    """Which texts Decap lets through: its pattern as a JavaScript RegExp, as it tests it."""
    runner = folder / "patterns.mjs"
    runner.write_text(PATTERNS, encoding="utf-8")
    result = subprocess.run(
        [node, str(runner)],
        input=json.dumps({"pattern": pattern, "texts": texts}),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found: list[bool] = json.loads(result.stdout)
    return found


def widget(name: str, config: dict[str, Any] | None = None) -> dict[str, Any]:
    fields = _form_fields(config or _config(), "agenda")
    return next(one for one in fields if one["name"] == name)


def test_a_count_field_says_what_it_takes_in_the_networks_codes() -> None:
    pattern, message = widget("participants")["pattern"]
    assert message == (
        "Schrijf een heel getal, zoals 56, of per werkveld de code en het aantal, zoals "
        "po: 12, so: 10; elk werkveld één keer"
    )
    one_sector = _config(_site(_options(**ONE_SECTOR_OPTIONS)))
    assert _collection(one_sector, "agenda")
    assert widget("participants", one_sector)["pattern"] == [
        pattern,
        "Schrijf een heel getal, zoals 56",
    ]


def test_an_online_address_may_still_follow_and_is_refused_as_the_build_refuses_it(
    tmp_path: Path,
) -> None:
    node = _tools()
    pattern, message = widget("online_url")["pattern"]
    assert message == (
        "Geen geldig webadres; gebruik een adres dat begint met https://, http:// of mailto:, "
        "of schrijf volgt als het nog niet bekend is"
    )
    texts = [
        "volgt",
        "Volgt",
        "https://meet.example.nl/netwerk",
        "mailto:info@netwerk.example",
        "javascript:alert(1)",
        "meet.example.nl",
        "volgt nog",
        "",
        # The build cannot read these (Python's urlsplit: an unclosed IPv6 host).
        "https://[::1",
        "https://Lezen[::1",
    ]
    assert accepted(node, tmp_path, pattern, texts) == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
        False,
        False,
        False,
    ]
    # The hint says how, in the form's words.
    assert widget("online_url")["hint"].endswith("nog niet bekend: schrijf volgt")


# Texts an editor might type into a count field: counts per code as the hint shows them (a code
# twice, now and then), a total, and soups of numbers, codes, separators and typing mistakes.
CODES = st.sampled_from(["po", "vo", "mbo", "vve", "x"])
NUMBERS = st.sampled_from(["12", "7", "0", "1.000", "-3", "3po"])
PER_CODE = st.lists(st.tuples(CODES, NUMBERS), min_size=1, max_size=4).flatmap(
    lambda pairs: st.sampled_from([", ", ",", " , "]).map(
        lambda comma: comma.join(f"{code}: {number}" for code, number in pairs)
    )
)
SOUP = st.lists(
    st.sampled_from(["po", "vo", "12", "7", "1.000", "-3", ":", ": ", ",", ", ", " ", "x"]),
    min_size=1,
    max_size=8,
).map("".join)
COUNT_TEXTS = st.one_of(PER_CODE, NUMBERS, SOUP)
ACTIVITY = (
    "---\ntitle: Leesavond\nstart: 2026-01-12\nlocation: volgt\nsectors: [po, vo]\n"
    "kind: themabijeenkomst\n---\n"
)


def meant(text: str) -> int | dict[str, int] | None:
    """What an editor means by a count field's text: a total, counts per code (each code
    once), or None when it is no count."""
    if re.fullmatch(r"\s*\d+\s*", text):
        return int(text)
    pairs = [re.fullmatch(r"\s*([\w-]+)\s*:\s*(\d+)\s*", part) for part in text.split(",")]
    if not all(pairs):
        return None
    counts = {pair[1]: int(pair[2]) for pair in pairs if pair}
    return counts if len(counts) == len(pairs) else None


def test_every_count_the_form_lets_through_is_written_as_the_editor_meant_it(
    built: Path, tmp_path: Path
) -> None:
    """Drawn texts: the pattern lets through exactly the counts; what it lets through is
    written as a number or a mapping of numbers, as meant, and the build reads it as a count."""
    node = _tools()
    pattern = widget("participants")["pattern"][0]
    folder, rules = built / "site" / "admin", _rules(built)
    context = Context(settings=Settings(build_date=date(2026, 6, 1)))

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(texts=st.lists(COUNT_TEXTS, min_size=5, max_size=20))
    def agree(texts: list[str]) -> None:
        lets_through = accepted(node, tmp_path, pattern, texts)
        assert lets_through == [meant(text) is not None for text in texts], texts
        cases = [
            {"collection": "agenda", "raw": ACTIVITY, "changes": [[["participants"], text]]}
            for text, through in zip(texts, lets_through, strict=True)
            if through
        ]
        files = _run_format(node, folder, rules, cases)
        for case, file in zip(cases, files, strict=True):
            text = case["changes"][0][1]
            front = yaml.safe_load(file.split("---\n")[1])
            assert front["participants"] == meant(text), (text, file)
            try:
                Activity.model_validate(front, context=context)
            except ValidationError as error:
                # Only the rules across fields may object (a code that is not the activity's).
                for problem in error.errors(include_url=False):
                    assert problem["type"] == "participants", (text, problem)

    agree()


# --- Every text field: what the form lets through, the build accepts -------------------------

FORM_CHECK = """\
import { readFileSync } from 'node:fs';
import { fromFile, toFile } from './netwerk-format.js';
import { beforeSave } from './netwerk-rules.js';
const { settings, formats, cases } = JSON.parse(readFileSync(0, 'utf8'));
// As an editor saves: the file opened in its form, one value typed; Decap's own checks (a
// required field not empty, the field's pattern on a value that is not), then ours before a
// save (netwerk-admin.js's beforeSave: invisible characters, the build's rules across fields).
console.log(JSON.stringify(cases.map(({ collection, raw, field, value, pattern, required }) => {
  const rules = formats[collection];
  const data = fromFile(raw, rules);
  data[field] = value;
  const text = toFile(data, rules);
  let through = value === '' ? !required : !pattern || new RegExp(pattern).test(value);
  if (through) {
    const file = fromFile(text, { ...rules, counts: [], follows: {} });
    through = beforeSave(settings, collection, data, file).length === 0;
  }
  return { through, text };
})));
"""
# Texts around what fields refuse: line breaks, tabs, spaces only, invisible characters (a
# zero-width space, a bidi override, a vertical tab, a byte order mark), addresses and their
# look-alikes, long runs.
PIECES = st.sampled_from(
    [
        "Lezen",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "\u200b",
        "\u202e",
        "\x0b",
        "\ufeff",
        "https://",
        "http://",
        "mailto:",
        "javascript:",
        "www.",
        "example.nl",
        "/pad",
        "@",
        "[::1",
        "volgt",
        ": ",
        "#",
        "'",
        '"',
        "é",
        "👩‍💻",
        "x" * 300,
    ]
)
VALUES = st.lists(PIECES, min_size=0, max_size=6).map("".join)


def _text_fields(config: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(collection, field, widget) of every one-text field of the item collections (below
    content/; the newsletter's are checked by `netwerk nieuwsbrief`)."""
    found = []
    for collection in config["collections"]:
        if not collection.get("folder", "").startswith("content/"):
            continue
        for one in collection["fields"]:
            if one["widget"] in ("string", "text") and one["name"] != "participants":
                found.append((collection["name"], one["name"], one))
    return found


def test_every_text_the_forms_let_through_the_build_accepts(built: Path, tmp_path: Path) -> None:
    """Every one-text field of every collection, drawn values: what Decap and our check before
    a save let through, the file format writes and `netwerk controleer`'s check accepts for
    that field; so what the build refuses, the form refuses."""
    from netwerk.editing.check import check_file
    from netwerk.editing.project import load_site

    node = _tools()
    admin_dir = built / "site" / "admin"
    runner = admin_dir / "form-check.mjs"
    runner.write_text(FORM_CHECK, encoding="utf-8")
    page = (admin_dir / "index.html").read_text(encoding="utf-8")
    form_settings = json.loads(re.search(r'id="netwerk-admin">(.*?)</script>', page, re.S)[1])
    config = yaml.safe_load((admin_dir / "config.yml").read_text(encoding="utf-8"))
    fields = _text_fields(config)
    assert len(fields) > 20, fields
    site = load_site(built / "mkdocs.yml")
    formats = _rules(built)
    bases = {}
    for collection, _, _ in fields:
        folder = next(c["folder"] for c in config["collections"] if c["name"] == collection)
        path = sorted(p for p in (built / folder).glob("*.md") if p.name != "index.md")[0]
        bases[collection] = (path.relative_to(site.content).as_posix(), path.read_text("utf-8"))
    refused_by_both = [0]

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(drawn=st.lists(st.tuples(st.sampled_from(fields), VALUES), min_size=4, max_size=12))
    def agree(drawn: list[tuple[tuple[str, str, dict[str, Any]], str]]) -> None:
        cases = [
            {
                "collection": collection,
                "raw": bases[collection][1],
                "field": name,
                "value": value,
                "pattern": (widget.get("pattern") or [None])[0],
                "required": widget.get("required", True),
            }
            for (collection, name, widget), value in drawn
        ]
        result = subprocess.run(
            [node, str(runner)],
            input=json.dumps({"settings": form_settings, "formats": formats, "cases": cases}),
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        answers = json.loads(result.stdout)
        lets_through = [answer["through"] for answer in answers]
        files = [answer["text"] for answer in answers]
        for ((collection, name, _), value), through, file in zip(
            drawn, lets_through, files, strict=True
        ):
            uri = bases[collection][0]
            problems = check_file(site.content, site.settings, uri, file.encode("utf-8"))
            own = [p for p in problems if p.field in (name, "bestand", "front matter")]
            if through:
                assert not own, (collection, name, value, [str(p) for p in own])
            elif own:
                refused_by_both[0] += 1

    agree()
    print(f"\n{refused_by_both[0]} values refused by the form and the build")


def test_an_invisible_character_is_refused_in_the_builds_words(built: Path, tmp_path: Path) -> None:
    """The form's check before a save and `netwerk controleer`, on a title and on the text."""
    from netwerk.editing.check import check_file
    from netwerk.editing.project import load_site

    node = _tools()
    admin_dir = built / "site" / "admin"
    runner = admin_dir / "invisibles.mjs"
    runner.write_text(
        "import { readFileSync } from 'node:fs';\n"
        "import { invisibles } from './netwerk-rules.js';\n"
        "const { invisible, data } = JSON.parse(readFileSync(0, 'utf8'));\n"
        "console.log(JSON.stringify(invisibles(invisible, data)));\n",
        encoding="utf-8",
    )
    page = (admin_dir / "index.html").read_text(encoding="utf-8")
    invisible = json.loads(re.search(r'id="netwerk-admin">(.*?)</script>', page, re.S)[1])[
        "invisible"
    ]
    data = {"title": "Lezen \u202emoc.evil", "body": "Welkom.\n\nTot\u200b dan.\n"}
    result = subprocess.run(
        [node, str(runner)],
        input=json.dumps({"invisible": invisible, "data": data}),
        capture_output=True,
        text=True,
        check=True,
    )
    form = json.loads(result.stdout)
    assert form == [
        {
            "field": "title",
            "message": "bevat een onzichtbaar stuurteken (#x202e); haal het weg of typ de "
            "waarde opnieuw",
        },
        {
            "field": "body",
            "message": "er staat een onzichtbaar stuurteken (#x200b) op deze regel; typ de "
            "regel opnieuw",
        },
    ]
    site = load_site(built / "mkdocs.yml")
    raw = (site.content / "themas" / "motivatie.md").read_text(encoding="utf-8")
    front, _, _ = raw.partition("\n---\n")
    front = re.sub(r"^title: .*$", f'title: "{data["title"]}"', front, flags=re.M)
    problems = check_file(
        site.content, site.settings, "themas/motivatie.md", f"{front}\n---\n{data['body']}".encode()
    )
    assert [(problem.field, problem.message) for problem in problems] == [
        ("title", form[0]["message"]),
        ("bestand", form[1]["message"]),
    ]
