"""The rules across fields, checked in the forms as the build checks them (netwerk.core.rules,
admin/assets/netwerk-rules.js).

The build's models and the forms' script read the same rules as data. Items of every collection
are drawn around each rule's boundaries and checked by both: the models (as the loader
validates, with the network's settings and today) and netwerk-rules.js under Node; both must
find the same problems on the same fields in the same words. In the browser, against
decap-server on a site whose admin page is served as published (no preview), a save that
breaks the rules is refused with each problem on its field. `netwerk schema` carries the rules.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from conftest import REPO, build_network
from netwerk.core.admin_option import DEFAULT_PORT
from netwerk.core.collections import ITEMS
from netwerk.core.rules import RULES, as_data
from netwerk.core.settings import Settings
from netwerk.core.values import Context
from netwerk.editing.schema import RULES_KEYWORD

ASSETS = REPO / "plugins" / "netwerk" / "admin" / "assets"
RULES_SCRIPT = ASSETS / "netwerk-rules.js"
# A few dozen examples in CI; NETWERK_RULE_EXAMPLES=2000 for a long run.
EXAMPLES = int(os.environ.get("NETWERK_RULE_EXAMPLES", "30"))

TODAY = date(2026, 6, 15)
IMAGE = "afbeeldingen/logo.png"
SLUGS = {"themas": frozenset({"lezen"}), "partners": frozenset(), "projecten": frozenset()}
# The network's settings: the default lists, or its own, with its own cancelled status.
NETWORKS = {
    "standaard": Settings(build_date=TODAY),
    "eigen": Settings(
        build_date=TODAY,
        sectors={"po": "Basisonderwijs", "so": "Speciaal onderwijs", "vo": "Voortgezet"},
        activity_statuses={"gepland": "Gepland", "afgelast": "Afgelast", "vol": "Vol"},
        cancelled_activity_statuses=("afgelast",),
    ),
}
MODELS = {collection.folder: collection.model for collection in ITEMS}

RUNNER = """\
import { readFileSync } from 'node:fs';
import { check } from %s;
const cases = JSON.parse(readFileSync(0, 'utf8'));
console.log(JSON.stringify(cases.map(({ rules, data, today }) => check(rules, data, today))));
"""


def run_rules(cases: list[dict[str, Any]], folder: Path) -> list[list[dict[str, str]]]:
    """netwerk-rules.js under Node, once for many cases ({rules, data, today})."""
    runner = folder / "run-rules.mjs"
    if not runner.exists():
        runner.write_text(RUNNER % json.dumps(RULES_SCRIPT.as_uri()), encoding="utf-8")
    result = subprocess.run(
        ["node", str(runner)], input=json.dumps(cases), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    found: list[list[dict[str, str]]] = json.loads(result.stdout)
    return found


def build_problems(folder: str, data: dict[str, Any], settings: Settings) -> set[tuple[str, str]]:
    """What the build says of an item: the problems of its rules, as (field, message)."""
    context = Context(settings=settings, slugs=SLUGS, images=frozenset({IMAGE}))
    try:
        item = MODELS[folder].model_validate(data, context=context)
    except ValidationError as error:
        details = error.errors(include_url=False)
        # Only the rules that run while a field is validated (participants); every other
        # value is drawn valid.
        assert {detail["type"] for detail in details} == {"participants"}, (data, details)
        return {
            (".".join(str(part) for part in detail["loc"]), detail["msg"]) for detail in details
        }
    return set(item.checks())


# --- Items drawn around the rules' boundaries --------------------------------------------------


def _items() -> Any:
    from hypothesis import strategies as st

    near = st.integers(-2, 2).map(lambda days: TODAY + timedelta(days=days))
    clock = st.sampled_from(["00:00", "09:00", "09:01", "9:30", "17:00", "23:59"])
    day = near.map(str)
    moment = st.tuples(near, clock).map(lambda both: f"{both[0]} {both[1]}")
    when = st.one_of(day, moment, clock, moment.map(lambda text: text.replace(" ", "T")))
    network = st.sampled_from(sorted(NETWORKS))

    def values(given: dict[str, Any], optional: dict[str, Any]) -> Any:
        # Each optional field there or not, half and half: as often without as with.
        drawn = {name: st.one_of(st.none(), value) for name, value in optional.items()}
        return st.fixed_dictionaries({**given, **drawn}).map(
            lambda data: {name: value for name, value in data.items() if value is not None}
        )

    def activity(settings_name: str) -> Any:
        settings = NETWORKS[settings_name]
        sectors = sorted(settings.sectors)
        own = st.lists(st.sampled_from(sectors), min_size=1, max_size=2, unique=True)
        keys = st.sampled_from([*sectors, "xx", "Po", "ho"])
        counts = st.integers(0, 40).map(str)
        participants = st.one_of(counts, st.dictionaries(keys, counts, min_size=1, max_size=3))
        return st.tuples(
            st.just("agenda"),
            st.just(settings_name),
            values(
                {
                    "title": st.just("Leesavond"),
                    "start": when,
                    "sectors": own,
                    "kind": st.sampled_from(sorted(settings.activity_kinds)),
                    "status": st.sampled_from(sorted(settings.activity_statuses)),
                },
                {
                    "end": when,
                    "location": st.sampled_from([{"name": "Zaal 2"}, "volgt"]),
                    "online_url": st.sampled_from(["https://webinar.example/x", "volgt"]),
                    "participants": participants,
                },
            ),
        )

    sectors = st.just(["po"])
    text = st.just("Iets")
    return st.one_of(
        network.flatmap(activity),
        st.tuples(
            st.just("partners"),
            network,
            values(
                {"name": st.sampled_from(["Museum", "De Bieb"]), "sectors": sectors},
                {"logo": st.just(IMAGE), "logo_alt": st.just("Logo van het museum")},
            ),
        ),
        st.tuples(
            st.just("projecten"),
            network,
            values(
                {
                    "title": text,
                    "theme": st.just("lezen"),
                    "status": st.just("lopend"),
                    "sectors": sectors,
                    "goal": text,
                },
                {"start": day, "end": day},
            ),
        ),
        st.tuples(
            st.just("nieuws"),
            network,
            values(
                {
                    "title": text,
                    "date": day,
                    "kind": st.just("nieuws"),
                    "summary": text,
                    "sectors": sectors,
                },
                {"image": st.just(IMAGE), "image_alt": st.just("Een klas")},
            ),
        ),
        st.tuples(st.just("themas"), network, st.just({"title": "T", "summary": "S"})),
        st.tuples(
            st.just("kennisbank"), network, st.just({"title": "T", "kind": "tool", "summary": "S"})
        ),
    )


def _agreeing(build: set[tuple[str, str]], form: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The form's problems, where the build names the sector meant by a typing mistake
    (`bedoelde je 'po'?`, which only the build can say) taken as the build's."""
    meant = {
        (field, message.partition("; ")[0]): message
        for field, message in build
        if "; bedoelde je '" in message
    }
    return {
        (field, meant.get((field, message.partition("; ")[0]), message)) for field, message in form
    }


def _template(message: str) -> re.Pattern[str]:
    parts = re.split(r"\{\w+(?:\.day)?\}", message)
    return re.compile(".*".join(re.escape(part) for part in parts))


def test_the_forms_find_what_the_build_finds_across_fields_in_its_words(tmp_path: Path) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    rules = {
        (name, folder): as_data(folder, MODELS[folder], network)
        for name, network in NETWORKS.items()
        for folder in MODELS
    }
    fired: dict[str, int] = {}
    counted = {"items": 0, "meant": 0, "refused": 0}
    started = time.monotonic()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(_items(), min_size=20, max_size=40))
    def agree(items: list[tuple[str, str, dict[str, Any]]]) -> None:
        cases = [
            {"rules": rules[name, folder], "data": data, "today": TODAY.isoformat()}
            for folder, name, data in items
        ]
        answers = run_rules(cases, tmp_path)
        for (folder, name, data), answer in zip(items, answers, strict=True):
            build = build_problems(folder, data, NETWORKS[name])
            form = _agreeing(build, {(one["field"], one["message"]) for one in answer})
            assert form == build, (folder, name, data)
            counted["items"] += 1
            counted["refused"] += bool(build)
            counted["meant"] += sum("bedoelde je" in message for _, message in build)
            for rule in RULES.get(folder, ()):
                if any(_template(rule.message).fullmatch(message) for _, message in build):
                    fired[rule.message] = fired.get(rule.message, 0) + 1

    agree()
    # Every rule was found broken at least once, and most items pass.
    assert sorted(fired) == sorted(rule.message for own in RULES.values() for rule in own)
    assert 0 < counted["refused"] < counted["items"], counted
    print(
        f"\nrules: {counted['items']} items in {EXAMPLES} examples, {counted['refused']} "
        f"refused, {counted['meant']} with the sector meant; "
        f"{time.monotonic() - started:.1f} s; rules fired: {sorted(fired.values())}"
    )


def test_a_rule_of_each_kind_in_the_forms_words(tmp_path: Path) -> None:
    """A few cases written out: what an editor sees in the form."""
    agenda = as_data("agenda", MODELS["agenda"], NETWORKS["eigen"])
    base = {"title": "Leesavond", "sectors": ["po"], "kind": "lezing", "status": "gepland"}
    cases = [
        {**base, "start": "2026-06-14 19:00", "end": "18:30", "location": "volgt"},
        {**base, "start": "2026-06-14", "end": "18:30", "online_url": "volgt"},
        {**base, "start": "2026-06-20", "location": "volgt", "participants": "5"},
        {**base, "start": "2026-06-10", "location": "volgt", "participants": {"vo": "5"}},
        {
            **base,
            "start": "2026-06-10",
            "location": "volgt",
            "status": "afgelast",
            "participants": "3",
        },
        {**base, "start": "17:00"},
        {**base, "start": "2026-6-14 9:30", "end": "2026-06-14 9:00"},
        {**base, "start": "12-06-2026", "end": "2026-06-01"},  # the build refuses the start
        # A year below 100 is a day too (a typing mistake, but one the build reads).
        {**base, "start": "0050-06-14 19:00", "end": "0050-06-14 18:30", "location": "volgt"},
    ]
    answers = run_rules(
        [{"rules": agenda, "data": data, "today": "2026-06-15"} for data in cases], tmp_path
    )
    assert answers == [
        [{"field": "end", "message": "ligt vóór start (2026-06-14 19:00); controleer de datum"}],
        [
            {
                "field": "end",
                "message": "een eindtijd past alleen bij een start met tijd, zoals 2026-03-12 "
                "15:30",
            }
        ],
        [
            {
                "field": "participants",
                "message": "de activiteit begint pas op 2026-06-20; noteer het aantal deelnemers "
                "als ze geweest is",
            }
        ],
        [
            {
                "field": "participants.vo",
                "message": "'vo' is geen werkveld van deze activiteit; tel alleen deelnemers uit "
                "haar werkvelden (po), of zet vo ook bij sectors",
            }
        ],
        [
            {
                "field": "participants",
                "message": "een geannuleerde activiteit heeft geen deelnemers; haal participants "
                "weg, of zet de status terug als de activiteit toch doorging",
            }
        ],
        [
            {
                "field": "start",
                "message": "een tijd alleen is niet genoeg; schrijf datum en tijd, zoals "
                "2026-03-12 15:30",
            }
        ],
        [
            {"field": "end", "message": "ligt vóór start (2026-06-14 09:30); controleer de datum"},
            {
                "field": "location",
                "message": "ontbreekt; geef een location (name en address) of een online_url "
                "voor een online activiteit, of schrijf location: volgt als de plek nog niet "
                "bekend is",
            },
        ],
        [],
        [{"field": "end", "message": "ligt vóór start (0050-06-14 19:00); controleer de datum"}],
    ]
    # The build says the same of the last one.
    assert build_problems("agenda", {**cases[-1], "kind": "lezing"}, NETWORKS["eigen"]) == {
        ("end", "ligt vóór start (0050-06-14 19:00); controleer de datum")
    }


# --- Where the rules travel: netwerk schema and the admin page --------------------------------


def test_netwerk_schema_and_the_admin_page_carry_the_builds_rules(tmp_path: Path) -> None:
    from test_admin import NETWERK, _rules, _write_cms_network

    root = tmp_path / "netwerk"
    root.mkdir()
    _write_cms_network(root, port=DEFAULT_PORT)
    run = subprocess.run(
        [NETWERK, "schema", "--map", "schemas"], cwd=root, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    settings = Settings(build_date=TODAY)  # the test network uses the default lists
    for folder, model in MODELS.items():
        schema = json.loads((root / "schemas" / f"{folder}.schema.json").read_text("utf-8"))
        if folder not in RULES:
            assert RULES_KEYWORD not in schema
            continue
        assert schema[RULES_KEYWORD] == as_data(folder, model, settings), folder
    agenda = json.loads((root / "schemas" / "agenda.schema.json").read_text("utf-8"))
    rules = agenda[RULES_KEYWORD]
    assert rules["kinds"] == {"end": "when", "sectors": "list", "start": "when"}
    assert rules["lists"] == {"cancelled_activity_statuses": ["geannuleerd"]}
    assert rules["zone"] == "Europe/Amsterdam"
    assert rules["rules"][-2] == {
        "field": "end",
        "when": [["before", "end", "start"]],
        "message": "ligt vóór start ({start}); controleer de datum",
    }
    # The admin page's settings: the same rules for each collection that has them.
    build_network(root)
    page = (root / "site" / "admin" / "index.html").read_text(encoding="utf-8")
    admin = json.loads(re.search(r'id="netwerk-admin">(.*?)</script>', page, re.S)[1])
    assert sorted(admin["rules"]) == sorted(RULES)
    assert admin["rules"]["agenda"] == rules
    assert _rules(root)  # the file formats are still there
    script = (root / "site" / "admin" / "netwerk-rules.js").read_bytes()
    assert script == RULES_SCRIPT.read_bytes()
    print(f"\nnetwerk-rules.js: {len(script)} bytes as served")


# --- In the browser, as on the published site: no preview, the rules still refuse ------------


def test_the_published_forms_refuse_what_breaks_the_rules_on_the_field(
    browser: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    from browser import serve
    from test_admin import (
        Forms,
        _checked_and_built,
        _git,
        _tools,
        decap_server,
        git_network,
    )

    _tools()
    root, port = git_network(tmp_path)
    build_network(root)
    webinar = root / "content" / "agenda" / "webinar-doorstroom.md"
    partner = root / "content" / "partners" / "bibliotheek-noord.md"
    before = {path: path.read_text(encoding="utf-8") for path in (webinar, partner)}
    # The build's admin/ served as it is published: a plain static server, no preview.
    with serve(root / "site") as base, decap_server(root, port):
        forms = Forms(browser, base + "admin/", port)
        page = forms.page
        assert page.goto(base + "__voorbeeld__/problemen.json").status == 404
        forms.login()

        def refused(path: Path, marked: dict[str, str]) -> None:
            page.get_by_role("button", name="Publiceer", exact=True).click()
            page.get_by_text("Publiceer nu", exact=True).click()
            for name, message in marked.items():
                note = page.locator(".netwerk-fout", has_text=message)
                expect(note).to_be_visible(timeout=30000)
                expect(forms.field(name)).to_have_attribute("aria-invalid", "true")
                note_id = note.first.get_attribute("id")
                expect(forms.field(name)).to_have_attribute("aria-describedby", note_id)
            assert path.read_text(encoding="utf-8") == before[path]

        forms.open_entry("#/collections/agenda/entries/webinar-doorstroom", "end")
        forms.field("end").fill("2027-02-04T14:30")
        forms.field("online_url").fill("")
        # Both at once, each on its field.
        refused(
            webinar,
            {
                "end": "ligt vóór start (2027-02-04 15:30); controleer de datum",
                "location": "ontbreekt; geef een location (name en address) of een online_url "
                "voor een online activiteit, of schrijf location: volgt als de plek nog niet "
                "bekend is",
            },
        )
        forms.field("end").fill("2027-02-04T17:00")
        forms.field("online_url").fill("https://webinar.example/doorstroom")
        forms.publish()
        expect(page.locator(".netwerk-fout")).to_have_count(0)

        # Participants per sector, as typed in the form: only the activity's own sectors.
        meeting = root / "content" / "agenda" / "netwerkbijeenkomst-2025.md"
        before[meeting] = meeting.read_text(encoding="utf-8")
        forms.open_entry("#/collections/agenda/entries/netwerkbijeenkomst-2025", "participants")
        forms.field("participants").fill("po: 12, vo: 9, mbo: 3")
        refused(
            meeting,
            {
                "participants": "'mbo' is geen werkveld van deze activiteit; tel alleen "
                "deelnemers uit haar werkvelden (po, vo), of zet mbo ook bij sectors"
            },
        )
        # Emptied first (Forms.empty): fill() adds to the text the form made from the file.
        forms.empty("participants")
        forms.field("participants").fill("po: 12, vo: 10")
        forms.publish()
        expect(page.locator(".netwerk-fout")).to_have_count(0)

        forms.open_entry("#/collections/partners/entries/bibliotheek-noord", "logo_alt")
        forms.field("logo_alt").fill("")
        refused(
            partner,
            {
                "logo_alt": "ontbreekt; beschrijf het logo, bijvoorbeeld logo_alt: Logo van "
                "Bibliotheek Noord"
            },
        )
        # A character nobody sees (pasted from a chat: a zero-width space), in the build's words.
        forms.field("logo_alt").fill("Het logo van Bibliotheek\u200b Noord")
        refused(
            partner,
            {
                "logo_alt": "bevat een onzichtbaar stuurteken (#x200b); haal het weg of typ de "
                "waarde opnieuw"
            },
        )
        # Emptied first, as above: Decap keeps the refused text.
        forms.empty("logo_alt")
        forms.field("logo_alt").fill("Het logo van Bibliotheek Noord, een open boek")
        forms.publish()
        expect(page.locator(".netwerk-fout")).to_have_count(0)
        errors = list(forms.errors)
        forms.context.close()

    # A refused save is no page error: nothing is logged but the problems on their fields.
    assert errors == []
    assert sorted(_git(root, "status", "--porcelain").splitlines()) == [
        " M content/agenda/netwerkbijeenkomst-2025.md",
        " M content/agenda/webinar-doorstroom.md",
        " M content/partners/bibliotheek-noord.md",
    ]
    assert webinar.read_text(encoding="utf-8") == before[webinar].replace(
        "end: 2027-02-04 16:30", "end: 2027-02-04 17:00"
    )
    assert "participants: {po: 12, vo: 10}\n" in (
        root / "content" / "agenda" / "netwerkbijeenkomst-2025.md"
    ).read_text(encoding="utf-8")
    assert "logo_alt: Het logo van Bibliotheek Noord, een open boek\n" in partner.read_text(
        encoding="utf-8"
    )
    _checked_and_built(root)


def test_today_in_the_browser_is_the_day_in_the_networks_time_zone(tmp_path: Path) -> None:
    """The forms' `after-today` reads the day as the build does: in the network's time zone."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    moments = [datetime(2026, 3, 28, hour, 30, tzinfo=UTC) for hour in (0, 22, 23)]
    zones = ["Europe/Amsterdam", "America/New_York", "Pacific/Kiritimati"]
    runner = tmp_path / "today.mjs"
    runner.write_text(
        f"import {{ today }} from {json.dumps(RULES_SCRIPT.as_uri())};\n"
        f"const zones = {json.dumps(zones)};\n"
        f"const moments = {json.dumps([moment.isoformat() for moment in moments])};\n"
        "console.log(JSON.stringify(zones.map((zone) => "
        "moments.map((moment) => today(zone, new Date(moment))))));\n",
        encoding="utf-8",
    )
    result = subprocess.run(["node", str(runner)], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [
        [moment.astimezone(ZoneInfo(zone)).date().isoformat() for moment in moments]
        for zone in zones
    ]
