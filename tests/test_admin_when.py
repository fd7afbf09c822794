"""Dates, times and yearly figures in the admin page's forms (issue 25, part "when").

Dates as Dutch editors read them whatever the browser's language (dd-mm-jjjj, 24-hour uu:mm),
stored as the loader reads them; all-day activities and an end time alone; a form for
content/cijfers.yml. Configuration, the scripts under Node, and Chromium in an English (US)
browser in New York against decap-server.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from browser import AXE, AXE_TAGS, CHROMIUM, CHROMIUM_FLAGS, serve
from conftest import build_network
from netwerk.admin import page as admin
from netwerk.core.admin_option import DEFAULT_PORT
from netwerk.core.figures import Figures
from netwerk.core.models import When
from netwerk.core.values import Context
from netwerk.core.walk import fields as model_shapes
from test_admin import (
    FORMS,
    Forms,
    _changed_lines,
    _checked_and_built,
    _collection,
    _config,
    _form_fields,
    _free_port,
    _git,
    _rules,
    _run_format,
    _site,
    _tools,
    _walk,
    _write_cms_network,
    decap_server,
    git_network,
)

# --- The configuration ---------------------------------------------------------------------


def test_every_date_field_of_every_model_has_the_dutch_date_widget() -> None:
    config = _config()
    seen = set()
    for collection, model, _ in [*FORMS, (admin.FIGURES, Figures, admin.FIGURES)]:
        widgets = dict(_walk(_form_fields(config, collection)))
        checks = {one.path: one.shape.check for one in model_shapes(model)}
        for path, widget in widgets.items():
            assert widget.get("widget") != "datetime", (collection, path)
            check = checks.get(path)
            if check in ("date", "when"):
                seen.add((collection, path))
                expected = {"widget": "netwerk-when", "time": check == "when"}
                assert {key: widget[key] for key in expected} == expected, (collection, path)
            else:
                assert widget.get("widget") != "netwerk-when", (collection, path)
    assert {
        ("agenda", "start"),
        ("agenda", "end"),
        ("nieuws", "date"),
        ("projecten", "start"),
        ("projecten", "end"),
        ("partners", "member_since"),
        ("nieuwsbrief", "date"),
    } <= seen
    # Only an activity's end may be a time alone: on the day of its start.
    ends = {
        (collection, path): widget["end_of"]
        for collection, _, _ in FORMS
        for path, widget in _walk(_form_fields(config, collection))
        if "end_of" in widget
    }
    assert ends == {("agenda", "end"): "start"}


def test_the_figures_have_a_form_of_their_own_written_in_the_files_shape() -> None:
    config = _config()
    figures = _collection(config, admin.FIGURES)
    assert [one["file"] for one in figures["files"]] == ["content/cijfers.yml"]
    assert figures["format"] == "netwerk-cijfers" and figures["extension"] == "yml"
    widgets = dict(_walk(figures["files"][0]["fields"]))
    assert widgets["subscribers"]["widget"] == widgets["followers"]["widget"] == "list"
    assert [(one["name"], one["label"]) for one in widgets["subscribers"]["fields"]] == [
        ("key", "Jaar of schooljaar"),
        ("value", "Aantal abonnees"),
    ]
    assert widgets["subscribers.value"]["value_type"] == "int"
    assert widgets["followers.key"]["label"] == "Kanaal"
    assert widgets["followers.value.value"]["label"] == "Aantal volgers"
    _, message = widgets["subscribers.key"]["pattern"]
    assert message == "Een jaar, zoals 2026, of een schooljaar, zoals 2025-2026"
    rules = admin.formats(_site())
    assert rules[admin.FIGURES]["keyed"] == {"subscribers": 1, "followers": 2}
    assert admin.form_addresses(_site())["files"]["content/cijfers.yml"] == (
        "cijfers/entries/cijfers"
    )


# --- Under Node: the parts of a date as typed, and the files as written ---------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test network with the admin page, built once: its root."""
    _tools()
    root = tmp_path_factory.mktemp("netwerk")
    _write_cms_network(root, port=DEFAULT_PORT)
    build_network(root)
    return root


WHEN_RUNNER = """\
import { readFileSync } from 'node:fs';
import { parseDate, parseTime, partsOf, readable, valueOf, typedDate } from './netwerk-when.js';
const cases = JSON.parse(readFileSync(0, 'utf8'));
const run = { parseDate, parseTime, partsOf, readable, valueOf, typedDate };
console.log(JSON.stringify(cases.map(([name, ...args]) => run[name](...args))));
"""


def _run_when(node: str, folder: Path, cases: list[Any]) -> list[Any]:
    runner = folder / "run-when.mjs"
    runner.write_text(WHEN_RUNNER, encoding="utf-8")
    result = subprocess.run(
        [node, str(runner)], input=json.dumps(cases), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    outputs: list[Any] = json.loads(result.stdout)
    return outputs


WHEN = {"time": True}
END = {"time": True, "endOf": "start"}
TYPED = [
    # What is typed, how → what is stored, or the message shown under the field.
    (("20-01-2027", ""), WHEN, {"value": "2027-01-20"}),
    (("20-01-2027", "14:00"), WHEN, {"value": "2027-01-20 14:00"}),
    (("2-3-2027", "9.30"), WHEN, {"value": "2027-03-02 09:30"}),
    (("20012027", "1400"), WHEN, {"value": "2027-01-20 14:00"}),
    (("2027-01-20", "14:00"), WHEN, {"value": "2027-01-20 14:00"}),
    (("20/01/2027", ""), {}, {"value": "2027-01-20"}),
    (("", ""), WHEN, {"value": ""}),
    (
        ("31-02-2027", ""),
        {},
        {"error": "'31-02-2027' bestaat niet als datum; controleer dag en maand"},
    ),
    (
        ("01-20-2027", ""),
        {},
        {"error": "'01-20-2027' bestaat niet als datum; controleer dag en maand"},
    ),
    (
        ("morgen", ""),
        WHEN,
        {
            "error": "'morgen' is geen datum; schrijf de datum als dd-mm-jjjj, bijvoorbeeld 12-03-2026"
        },
    ),
    (
        ("20-01-27", ""),
        {},
        {
            "error": "'20-01-27' is geen datum; schrijf de datum als dd-mm-jjjj, bijvoorbeeld "
            "12-03-2026"
        },
    ),
    (
        ("20-01-2027", "25:00"),
        WHEN,
        {"error": "'25:00' is geen tijd; schrijf de tijd als uu:mm, bijvoorbeeld 15:30"},
    ),
    (
        ("20-01-2027", "4 PM"),
        WHEN,
        {"error": "'4 PM' is geen tijd; schrijf de tijd als uu:mm, bijvoorbeeld 15:30"},
    ),
    (
        ("", "14:00"),
        WHEN,
        {"error": "vul ook de datum in (dd-mm-jjjj), of laat de tijd leeg"},
    ),
    (
        ("20-01-2027 14:00", ""),
        {},
        {
            "error": "'20-01-2027 14:00' heeft een tijd, maar hier hoort alleen een datum; "
            "schrijf 20-01-2027"
        },
    ),
]


def test_dates_and_times_are_typed_as_dutch_editors_write_them(built: Path) -> None:
    node = _tools()
    cases: list[Any] = [
        ["valueOf", {"date": date, "time": at, "sameDay": False}, settings]
        for (date, at), settings, _ in TYPED
    ]
    cases += [
        ["valueOf", {"date": "", "time": "17:00", "sameDay": True}, END],
        ["valueOf", {"date": "20-01-2027", "time": "", "sameDay": True}, END],
        # An end time alone is offered only for an end.
        ["valueOf", {"date": "", "time": "17:00", "sameDay": True}, WHEN],
        # A date and time pasted in the date part fill both parts.
        ["typedDate", {"date": "", "time": ""}, "2027-02-04T16:30", WHEN],
        ["typedDate", {"date": "", "time": ""}, "04-02-2027 16:30", WHEN],
        ["typedDate", {"date": "", "time": ""}, "04-02-2027 16:30", {}],
    ]
    # What a stored value shows: the day first, the time in 24 hours, an end time alone.
    stored = ["2027-01-20 14:00", "2027-1-5", "2027-01-20 9:05:30", "17:00", "20-01-2027", None]
    cases += [["partsOf", value] for value in stored]
    # What the loader reads is left as written; anything else the form writes anew when opened.
    readable = [
        ("2027-1-5", {}, True),
        ("2027-01-20 14:00:30", WHEN, True),
        ("17:00", END, True),
        ("", {}, True),
        ("20-01-2027", WHEN, False),
        ("2027-01-20 14:00", {}, False),
        ("17:00", WHEN, False),
        ("2027-01-20T14:00", WHEN, True),
    ]
    assert _run_when(
        node, built / "site" / "admin", [["readable", value, how] for value, how, _ in readable]
    ) == [expected for _, _, expected in readable]
    outputs = _run_when(node, built / "site" / "admin", cases)
    typed = outputs[: len(TYPED)]
    assert typed == [expected for _, _, expected in TYPED]
    assert outputs[len(TYPED) : len(TYPED) + 6] == [
        {"value": "17:00"},
        {"error": "vul de eindtijd in (uu:mm), of zet 'Zelfde dag, alleen eindtijd' uit"},
        {"error": "vul ook de datum in (dd-mm-jjjj), of laat de tijd leeg"},
        {"date": "2027-02-04", "time": "16:30"},
        {"date": "04-02-2027", "time": "16:30"},
        {"date": "04-02-2027 16:30", "time": ""},
    ]
    assert outputs[len(TYPED) + 6 :] == [
        {"date": "20-01-2027", "time": "14:00", "sameDay": False},
        {"date": "05-01-2027", "time": "", "sameDay": False},
        {"date": "20-01-2027", "time": "09:05", "sameDay": False},
        {"date": "", "time": "17:00", "sameDay": True},
        {"date": "20-01-2027", "time": "", "sameDay": False},
        {"date": "", "time": "", "sameDay": False},
    ]


WHEN_EXAMPLES = int(os.environ.get("NETWERK_HYPOTHESIS_EXAMPLES", "10"))


def test_what_the_widget_stores_the_loader_reads_as_the_day_and_time_typed(built: Path) -> None:
    """For any day (real or not) and time typed in any of the accepted ways, the widget stores
    a value exactly when the loader reads that day, and the loader reads the day and time typed."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    node = _tools()
    styles = [
        "{d}-{m}-{y}",
        "{dd}-{mm}-{y}",
        "{dd}/{mm}/{y}",
        "{dd}.{mm}.{y}",
        "{dd}{mm}{y}",
        "{y}-{mm}-{dd}",
    ]
    times = ["{h}:{mi}", "{hh}:{mi}", "{hh}.{mi}", "{hh}{mi}"]
    typed = st.tuples(
        st.integers(1, 31),
        st.integers(1, 12),
        st.integers(0, 9999),
        st.one_of(st.none(), st.tuples(st.integers(0, 23), st.integers(0, 59))),
        st.sampled_from(styles),
        st.sampled_from(times),
    )
    when = TypeAdapter(When)
    context = Context()

    @settings(
        max_examples=WHEN_EXAMPLES,
        derandomize=True,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(st.lists(typed, min_size=1, max_size=40))
    def agree(drawn: list[tuple[Any, ...]]) -> None:
        cases = []
        for day, month, year, at, style, clock in drawn:
            parts = {
                "d": day,
                "m": month,
                "dd": f"{day:02}",
                "mm": f"{month:02}",
                "y": f"{year:04}",
            }
            hour, minute = at or (0, 0)
            shown = clock.format(h=hour, hh=f"{hour:02}", mi=f"{minute:02}")
            cases.append(
                ["valueOf", {"date": style.format(**parts), "time": shown if at else ""}, WHEN]
            )
        stored = _run_when(node, built / "site" / "admin", cases)
        for (day, month, year, at, _, _), result in zip(drawn, stored, strict=True):
            try:
                meant = date(year, month, day)
            except ValueError:
                assert "bestaat niet als datum" in result["error"]
                continue
            value = result["value"]
            read = when.validate_python(value, context=context)
            if at is None:
                assert read == meant, value
            else:
                assert (read.date(), read.hour, read.minute) == (meant, *at), value

    agree()


ACTIVITY = (
    "---\ntitle: T\nstart: {start}\n{end}sectors: po\nkind: lezing\nonline_url: https://a.nl\n---\n"
)
SHAPES = [
    ("2027-01-20", None),  # all day
    ("2027-06-10", "2027-06-11"),  # several days
    ("2027-01-20 14:00", "17:00"),  # an end time alone, on the start's day
    ("2027-01-20 14:00", "2027-01-21 12:00"),
    ("2027-1-5 9:30", "2027-1-5 11:00"),  # as the loader also reads them
]


def test_activities_of_every_shape_and_the_figures_keep_every_byte(built: Path) -> None:
    node = _tools()
    activities = [
        ACTIVITY.format(start=start, end=f"end: {end}\n" if end else "") for start, end in SHAPES
    ]
    figures = [
        (built / "content" / "cijfers.yml").read_text(encoding="utf-8"),
        "subscribers:\n  2025-2026: 415\n  2024-2025: 300\nfollowers: {}\n",
        "# Nog niets geteld.\n",
        "followers:\n  LinkedIn: {2025: 12, 2026: 30}  # per jaar\n",
    ]
    cases = [{"collection": "agenda", "raw": raw, "changes": []} for raw in activities]
    cases += [{"collection": admin.FIGURES, "raw": raw, "changes": []} for raw in figures]
    outputs = _run_format(node, built / "site" / "admin", _rules(built), cases)
    assert outputs == [*activities, *figures]


def test_the_figures_form_changes_only_the_lines_edited(built: Path) -> None:
    node = _tools()
    text = (built / "content" / "cijfers.yml").read_text(encoding="utf-8")
    rules = _rules(built)
    (read,) = _run_format(
        node, built / "site" / "admin", rules, [{"collection": "cijfers", "raw": text}]
    )
    assert read["subscribers"] == [{"key": "2025", "value": 380}, {"key": "2026", "value": 420}]
    assert read["followers"][1] == {"key": "Instagram", "value": [{"key": "2026", "value": 45}]}
    edits = [
        ([["subscribers", 1, "value"], 455], ["-  2026: 420", "+  2026: 455"]),
        (
            [["followers", 1, "value", 1], {"key": "2025", "value": 30}],
            ["+    2025: 30"],
        ),
        (
            [["followers", 2], {"key": "Mastodon", "value": [{"key": "2026", "value": 7}]}],
            ["+  Mastodon:", "+    2026: 7"],
        ),
        ([["subscribers", 0], None], ["-  2025: 380"]),
    ]
    cases = [{"collection": "cijfers", "raw": text, "changes": [change]} for change, _ in edits]
    outputs = _run_format(node, built / "site" / "admin", rules, cases)
    for (_, expected), output in zip(edits, outputs, strict=True):
        assert _changed_lines(text, output) == expected, output


# --- In the browser: English (US) in New York, the forms still Dutch ------------------------


def _axe_on_dates(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.2 A/AA rules and best practices on the date widgets only (Decap's own
    form is not ours to fix)."""
    page.add_script_tag(path=str(AXE))
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    result: dict[str, Any] = page.evaluate(
        "options => axe.run({include: [['.netwerk-when']]}, options)", options
    )
    return [
        {"id": one["id"], "nodes": [node["target"] for node in one["nodes"]]}
        for one in result["violations"]
    ]


@pytest.fixture(scope="module")
def english_browser(browser: Any) -> Iterator[Any]:
    """Chromium itself in English (US), besides the pages' locale."""
    chromium = browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_FLAGS, "--lang=en-US"]
    )
    yield chromium
    chromium.close()


class EnglishForms(Forms):
    """Chromium as an editor abroad has it: English (US), New York's time."""

    LOCALE, ZONE = "en-US", "America/New_York"

    def part(self, name: str, which: str) -> Any:
        """A part of a date field besides its date: `tijd` or `zelfdedag`."""
        return self.page.locator(f"#{which}-{self.field(name).get_attribute('id')}")


def test_an_editor_abroad_types_dutch_dates_all_day_activities_and_an_end_time_alone(
    english_browser: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    _tools()
    started = time.monotonic()
    root, port = git_network(tmp_path)
    build_network(root)
    with serve(root / "site") as base, decap_server(root, port):
        forms = EnglishForms(english_browser, base + "admin/", port)
        page = forms.page
        forms.login()
        assert page.evaluate(
            "[navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone]"
        ) == ["en-US", "America/New_York"]

        # An existing activity shows its day first and its time in 24 hours.
        forms.open_entry("#/collections/agenda/entries/webinar-doorstroom", "start")
        expect(forms.field("start")).to_have_value("04-02-2027")
        expect(forms.part("start", "tijd")).to_have_value("15:30")
        expect(forms.field("start")).to_have_attribute("inputmode", "numeric")
        described = forms.field("start").get_attribute("aria-describedby") or ""
        assert page.locator(f"#{described.split()[0]}").inner_text() == "dd-mm-jjjj"

        # A new activity: the date typed as dd-mm-jjjj, the end a time alone on the same day.
        forms.open_entry("#/collections/agenda/new", "title")
        forms.field("title").fill("Leescafé januari")
        forms.field("start").fill("31-02-2027")
        forms.part("start", "tijd").fill("14:00")
        forms.part("start", "tijd").press("Tab")
        alert = page.get_by_role("alert").filter(has_text="Begin: '31-02-2027' bestaat niet")
        expect(alert).to_have_text(
            "Begin: '31-02-2027' bestaat niet als datum; controleer dag en maand"
        )
        expect(forms.field("start")).to_have_attribute("aria-invalid", "true")
        assert _axe_on_dates(page) == []
        forms.field("start").fill("20-01-2027")
        forms.part("start", "tijd").fill("14.00")
        forms.part("end", "zelfdedag").check()
        forms.field("end").fill("17:00")
        forms.field("online_url").fill("https://webinar.example/leescafe")
        forms.pick("sectors", "Primair", "Primair onderwijs")
        forms.pick("kind", "Lezing", "Lezing")
        forms.publish()
        # Decap goes on to the new entry's address: wait for it before going elsewhere.
        page.wait_for_url("**/entries/leescafe-januari")

        # An all-day activity over two days: dates without times.
        forms.open_entry("#/collections/agenda/new", "title")
        forms.field("title").fill("Studiedagen lezen")
        forms.field("start").fill("10-06-2027")
        forms.field("end").fill("11-06-2027")
        forms.field("online_url").fill("https://webinar.example/studiedagen")
        forms.pick("sectors", "Primair", "Primair onderwijs")
        forms.pick("kind", "Lezing", "Lezing")
        forms.publish()
        page.wait_for_url("**/entries/studiedagen-lezen")

        # Existing activities of each shape: the dates shown, visited and left, are saved
        # unchanged; only the field edited changes.
        for name, title, start, end in (
            (
                "netwerkbijeenkomst-2025",
                "Netwerkbijeenkomst najaar",
                ("06-11-2025", "15:30"),
                ("", "17:00"),
            ),
            (
                "conferentie-2027",
                "Conferentie Netwerk Noord",
                ("15-04-2027", ""),
                ("16-04-2027", ""),
            ),
        ):
            forms.open_entry(f"#/collections/agenda/entries/{name}", "start")
            expect(forms.field("title")).to_have_value(title)
            expect(forms.field("start")).to_have_value(start[0])
            expect(forms.part("start", "tijd")).to_have_value(start[1])
            if end[0]:
                expect(forms.part("end", "zelfdedag")).not_to_be_checked()
                expect(forms.field("end")).to_have_value(end[0])
                expect(forms.part("end", "tijd")).to_have_value(end[1])
            else:
                expect(forms.part("end", "zelfdedag")).to_be_checked()
                expect(forms.field("end")).to_have_value(end[1])
            forms.field("start").click()
            page.keyboard.press("Tab")
            page.keyboard.press("Tab")
            forms.field("summary").fill("Met een samenvatting.")
            forms.publish()
        forms.open_entry("#/collections/nieuws/entries/oproep-scholen", "date")
        forms.field("date").fill("02-11-2026")
        forms.publish()
        assert not forms.errors, forms.errors
        forms.context.close()
    print(f"\nbrowser test (dates): {time.monotonic() - started:.1f} s")

    for name in ("netwerkbijeenkomst-2025", "conferentie-2027"):
        diff = _git(root, "diff", "--unified=0", f"content/agenda/{name}.md")
        assert [
            line
            for line in diff.splitlines()
            if line[:1] in "+-" and line[:3] not in ("+++", "---")
        ] == ["+summary: Met een samenvatting."], diff
    assert sorted(_git(root, "status", "--porcelain", "--untracked-files=all").splitlines()) == [
        " M content/agenda/conferentie-2027.md",
        " M content/agenda/netwerkbijeenkomst-2025.md",
        " M content/nieuws/oproep-scholen.md",
        "?? content/agenda/leescafe-januari.md",
        "?? content/agenda/studiedagen-lezen.md",
    ]
    cafe = (root / "content" / "agenda" / "leescafe-januari.md").read_text(encoding="utf-8")
    assert "start: 2027-01-20 14:00\nend: 17:00\n" in cafe, cafe
    days = (root / "content" / "agenda" / "studiedagen-lezen.md").read_text(encoding="utf-8")
    assert "start: 2027-06-10\nend: 2027-06-11\n" in days, days
    diff = _git(root, "diff", "--unified=0", "content/nieuws/oproep-scholen.md")
    assert [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ] == ["-date: 2026-09-15", "+date: 2026-11-02"]
    _checked_and_built(root)
    cafe_page = (root / "site" / "agenda" / "leescafe-januari" / "index.html").read_text("utf-8")
    assert "woensdag 20 januari 2027, 14:00–17:00" in cafe_page
    days_page = (root / "site" / "agenda" / "studiedagen-lezen" / "index.html").read_text("utf-8")
    assert "donderdag 10 juni 2027" in days_page and "vrijdag 11 juni 2027" in days_page


def test_an_editor_notes_the_years_subscribers_and_followers(
    english_browser: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    _tools()
    root, port = git_network(tmp_path)
    build_network(root)
    figures = root / "content" / "cijfers.yml"
    before = figures.read_text(encoding="utf-8")
    with serve(root / "site") as base, decap_server(root, port):
        forms = EnglishForms(english_browser, base + "admin/", port)
        page = forms.page
        forms.login()
        forms.open_entry("#/collections/cijfers/entries/cijfers", "subscribers")
        counts = page.locator('[id^="value-field-"]')
        # The subscribers' rows first: 2025, 2026.
        expect(page.locator('[id^="key-field-"]').nth(1)).to_have_value("2026")
        counts.nth(1).fill("455")
        page.get_by_role("button", name="Voeg jaar toe").first.click()
        page.locator('[id^="key-field-"]').nth(2).fill("2024")
        counts.nth(2).fill("350")
        forms.publish()
        assert not forms.errors, forms.errors
        forms.context.close()

    after = figures.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == ["-  2026: 420", "+  2026: 455", "+  2024: 350"]
    _checked_and_built(root)
    numbers = (root / "site" / "in-cijfers" / "index.html").read_text(encoding="utf-8")
    assert "455" in numbers


def test_a_network_without_figures_gets_its_file_from_the_form(
    english_browser: Any, tmp_path: Path
) -> None:
    _tools()
    root = tmp_path / "netwerk"
    root.mkdir()
    port = _free_port()
    _write_cms_network(root, port=port)
    figures = root / "content" / "cijfers.yml"
    figures.unlink()
    build_network(root)
    with serve(root / "site") as base, decap_server(root, port):
        forms = EnglishForms(english_browser, base + "admin/", port)
        page = forms.page
        forms.login()
        forms.open_entry("#/collections/cijfers/entries/cijfers", "subscribers")
        page.get_by_role("button", name="Voeg jaar toe").first.click()
        page.locator('[id^="key-field-"]').first.fill("2025-2026")
        page.locator('[id^="value-field-"]').first.fill("415")
        page.get_by_role("button", name="Voeg kanaal toe").click()
        page.locator('[id^="key-field-"]').nth(1).fill("LinkedIn")
        page.get_by_role("button", name="Voeg jaar toe").nth(1).click()
        page.locator('[id^="key-field-"]').nth(2).fill("2025-2026")
        page.locator('[id^="value-field-"]').nth(2).fill("120")
        forms.publish()
        assert not forms.errors, forms.errors
        forms.context.close()
    assert figures.read_text(encoding="utf-8") == (
        "subscribers:\n  2025-2026: 415\nfollowers:\n  LinkedIn:\n    2025-2026: 120\n"
    )
    _checked_and_built(root)
