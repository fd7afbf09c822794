"""`netwerk voorbeeld`: pages rendered on request equal a full build's, after every kind of edit;
problems show in the browser at once; the page follows each save; the console speaks Dutch."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import BUILD_DATE, REPO, build_apart, build_network
from netwerk.editing.overlay import RELOAD, reload_script, with_reload
from netwerk.editing.preview import Preview
from networks import write_rich_network

NEWS = "content/nieuws/start-leesplezier.md"
NETWERK = str(Path(sys.executable).parent / "netwerk")


def full_build(root: Path, output: Path) -> dict[str, bytes]:
    """Every file `mkdocs build` writes for the project, by path. In a process of its own, as
    the preview's full builds: MkDocs keeps one plugin object per process."""
    return build_apart(root, ["-m", "mkdocs", "build", "-q", "-d", str(output)], output)[1]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def network(tmp_path: Path) -> Path:
    return write_rich_network(tmp_path / "netwerk", build_date=BUILD_DATE)


@pytest.fixture
def preview(network: Path, tmp_path: Path) -> Iterator[Preview]:
    opened = Preview(network / "mkdocs.yml", tmp_path / "voorbeeld")
    yield opened
    opened.close()


def served(preview: Preview, path: str) -> bytes:
    answer = preview.respond("/" + path.removesuffix("index.html"))
    assert answer.status == 200, (path, answer.status, answer.body[:300])
    return answer.body


# Each edit as an editor makes it, the next building on the one before.
EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("nothing yet", lambda root: None),
    (
        "a news item's title and sectors",
        lambda root: replace_in(
            root / NEWS, "title: Leesplezier gaat van start", "title: Leesplezier begint"
        ),
    ),
    (
        "a new partner",
        lambda root: (root / "content/partners/museum-noord.md").write_text(
            "---\nname: Museum Noord\nsectors: [po, vo]\nmembership: basis\n---\nEen museum.\n",
            encoding="utf-8",
        ),
    ),
    ("an activity deleted", lambda root: (root / "content/agenda/webinar-doorstroom.md").unlink()),
    (
        "the newsletter edition",
        lambda root: replace_in(
            root / "newsletters/2026-10.md", "Nieuwsbrief oktober 2026", "Oktoberbrief"
        ),
    ),
    (
        "mkdocs.yml: the site's name",
        lambda root: replace_in(root / "mkdocs.yml", "Netwerk Noord", "Netwerk Noordkop"),
    ),
]


def test_every_page_served_equals_the_full_build_after_each_edit(
    network: Path, preview: Preview, tmp_path: Path
) -> None:
    shuffle = random.Random(7)
    for number, (name, edit) in enumerate(EDITS):
        edit(network)
        generation = preview.rebuild()
        assert generation.problems == [], name
        expected = full_build(network, tmp_path / f"volledig-{number}")
        pages = [path for path in expected if path.endswith(".html")]
        assert len(pages) > 40
        # In another order than the build's: no page may depend on which were rendered first.
        shuffle.shuffle(pages)
        different = [path for path in pages if served(preview, path) != expected[path]]
        assert different == [], name
        # The other files come from a full build of the same content.
        others = [
            path
            for path in expected
            if path.endswith((".ics", ".xml", ".csv", ".eml", ".json"))
            and not path.startswith("admin/")
        ]
        assert any(path.endswith(".ics") for path in others)
        assert [path for path in others if served(preview, path) != expected[path]] == [], name


def test_after_a_save_only_the_changed_file_is_checked_again(
    network: Path, preview: Preview
) -> None:
    preview.rebuild()
    first = served(preview, "nieuws/start-leesplezier/")
    assert b"Leesplezier gaat van start" in first
    checked = preview.memo.checked
    calls: list[str] = []

    def counting(key: str, raw: bytes, check: Any, problems: Any) -> Any:
        def counted(found: Any) -> Any:
            calls.append(key)
            return check(found)

        return checked(key, raw, counted, problems)

    preview.memo.checked = counting  # type: ignore[method-assign]
    replace_in(network / NEWS, "Nieuws.", "Nieuws van vandaag.")
    preview.rebuild()
    assert calls == ["nieuws/start-leesplezier.md"]
    assert b"Nieuws van vandaag." in served(preview, "nieuws/start-leesplezier/")


def test_problems_are_the_answer_to_every_page_until_they_are_fixed(
    network: Path, preview: Preview
) -> None:
    preview.rebuild()
    replace_in(network / NEWS, "date: 2026-10-01", "date: 2026-13-01")
    replace_in(
        network / "content/partners/vakcollege-noord.md", "sectors: [mbo]", "sectors: [mbbo]"
    )
    generation = preview.rebuild()
    for path in ("", "partners/", "nieuws/start-leesplezier/", "bestaat-niet/"):
        answer = preview.respond("/" + path)
        assert answer.status == 200
        page = answer.body.decode()
        assert '<html lang="nl">' in page
        assert "<h1>Er zijn 2 problemen</h1>" in page
        assert "content/nieuws/start-leesplezier.md:3: date:" in page
        assert "content/partners/vakcollege-noord.md:3: sectors:" in page
        assert "bedoelde je &#x27;mbo&#x27;?" in page
        assert "deze pagina ververst zichzelf" in page
        assert reload_script(generation.number) in page
    # A stylesheet or feed gets the problems as text, not a page.
    answer = preview.respond("/assets/stylesheets/netwerk.css")
    assert answer.status == 503
    assert b"content/nieuws/start-leesplezier.md:3: date:" in answer.body

    replace_in(network / NEWS, "date: 2026-13-01", "date: 2026-10-01")
    replace_in(
        network / "content/partners/vakcollege-noord.md", "sectors: [mbbo]", "sectors: [mbo]"
    )
    assert preview.rebuild().problems == []
    assert b"Leesplezier gaat van start" in served(preview, "nieuws/start-leesplezier/")


def test_problems_in_mkdocs_yml_show_in_the_browser_all_at_once(
    network: Path, preview: Preview
) -> None:
    replace_in(
        network / "mkdocs.yml", "- netwerk:\n", "- netwerk:\n    time_zone: Europa/Amsterdam\n"
    )
    replace_in(network / "mkdocs.yml", "- netwerk:\n", "- netwerk:\n    calendar_past_days: veel\n")
    page = preview.rebuild() and preview.respond("/").body.decode()
    assert "<h1>Er zijn 2 problemen</h1>" in page, page
    assert "mkdocs.yml: netwerk: time_zone:" in page
    assert "mkdocs.yml: netwerk: calendar_past_days:" in page


def test_the_reload_script_goes_before_the_end_of_the_body() -> None:
    page = b"<html><body><p>Tekst</p></body></html>"
    assert with_reload(page, 3) == (
        b"<html><body><p>Tekst</p>" + reload_script(3).encode() + b"</body></html>"
    )
    assert f"fetch('{RELOAD}?na='+n)" in reload_script(3)
    assert "var n=3;" in reload_script(3)


# --- The command, as an editor runs it ---------------------------------------------------------


def _get(url: str, timeout: float = 30) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def command(network: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    port = _free_port()
    process = subprocess.Popen(
        [NETWERK, "voorbeeld", "--poort", str(port)],
        cwd=network,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # As in an editor's terminal: without the Makefile's switch for Material's notice.
        env={k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"},
    )
    base = f"http://127.0.0.1:{port}/"
    # Ready once it answers (within a minute), unless it stopped.
    deadline = time.monotonic() + 60
    while True:
        try:
            _get(base, timeout=2)
            break
        except OSError:
            assert process.poll() is None, process.communicate()[0]
            assert time.monotonic() < deadline, f"netwerk voorbeeld did not answer on {base}"
            time.sleep(0.2)
    yield base, process
    process.terminate()
    process.wait(timeout=30)
    if process.stdout is not None:
        process.stdout.close()


def _shows(base: str, path: str, text: str, generation: int) -> int:
    """Follow the generations as the page's script does, until the page shows `text`."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        status, answer = _get(f"{base}{RELOAD.lstrip('/')}?na={generation}")
        assert status == 200
        generation = int(answer)
        if text in _get(base + path)[1]:
            return generation
    raise AssertionError(f"{path} does not show {text!r}")


def test_the_command_follows_every_save_and_speaks_dutch(
    network: Path, command: tuple[str, subprocess.Popen[str]]
) -> None:
    base, process = command
    status, page = _get(base + "nieuws/start-leesplezier/")
    assert status == 200 and "Leesplezier gaat van start" in page
    generation = int(re.search(r"var n=(\d+);", page).group(1))  # type: ignore[union-attr]

    # A news item and an edition: each is watched.
    replace_in(network / NEWS, "title: Leesplezier gaat van start", "title: Leesplezier begint")
    generation = _shows(base, "nieuws/start-leesplezier/", "Leesplezier begint", generation)
    replace_in(network / "newsletters/2026-10.md", "Nieuwsbrief oktober 2026", "Oktoberbrief")
    generation = _shows(base, "nieuwsbrief/vve-po/2026-10/", "Oktoberbrief", generation)

    # A mistake: a Dutch page of problems on every page, then the site again once it is fixed.
    replace_in(network / NEWS, "date: 2026-10-01", "date: 2026-13-01")
    problem = "content/nieuws/start-leesplezier.md:3: date:"
    generation = _shows(base, "partners/", problem, generation)
    assert problem in _get(base + "agenda/")[1]
    replace_in(network / NEWS, "date: 2026-13-01", "date: 2026-10-01")
    generation = _shows(base, "partners/", "Bibliotheek Noord", generation)

    process.terminate()
    output, _ = process.communicate(timeout=30)
    lines = output.splitlines()
    assert lines[0] == "De site maken uit mkdocs.yml ..."
    assert re.fullmatch(
        r"Klaar in \d+,\d\d s \(\d+ pagina's, elk gemaakt als je hem opent\)\.", lines[1]
    )
    assert re.fullmatch(
        r"Bekijk de site op http://127\.0\.0\.1:\d+/ \(stoppen: Ctrl\+C\)\.", lines[2]
    )
    assert f"Gewijzigd: {NEWS}" in lines
    assert "Gewijzigd: newsletters/2026-10.md" in lines
    assert "De site wordt weer getoond zodra dit is opgelost." in lines
    # Nothing in English: no MkDocs log lines, no notice of Material's, no traceback.
    english = [
        line
        for line in lines
        if re.search(r"\b(INFO|WARNING|Traceback|Building|Documentation|MkDocs 2)\b", line)
    ]
    assert english == []


def test_a_port_in_use_is_named_with_a_way_out(network: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [NETWERK, "voorbeeld", "--poort", str(port)],
            cwd=network,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr.startswith(f"Fout: kan de site niet tonen op 127.0.0.1:{port} (")
    assert f"Kies anders een andere poort: --poort {port + 1}" in result.stderr


def test_the_makefile_previews_with_the_command() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "$(BIN)/netwerk voorbeeld" in makefile
    assert "mkdocs serve" not in makefile


def test_pages_are_answered_while_a_full_build_is_made(
    network: Path, preview: Preview, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from netwerk.editing import preview as previews

    preview.rebuild()
    # The feed's request says when it starts to wait for the full build, and then waits until
    # the page below has been answered as well.
    waits_for_the_build = threading.Event()
    page_answered = threading.Event()
    build_running: list[bool] = []
    wait = previews._FullBuild.wait

    def announced_wait(full: previews._FullBuild) -> bool:
        build_running.append(full.running())
        waits_for_the_build.set()
        page_answered.wait(timeout=60)
        return wait(full)

    monkeypatch.setattr(previews._FullBuild, "wait", announced_wait)
    feeds: list[int] = []
    waiting = threading.Thread(
        target=lambda: feeds.append(preview.respond("/feeds/nieuws.xml").status)
    )
    waiting.start()
    assert waits_for_the_build.wait(timeout=60), "the feed did not wait for a full build"
    # The feed waits for the full build, which is still being made; a page does not wait.
    assert build_running == [True]
    assert b"Bibliotheek Noord" in served(preview, "partners/")
    assert feeds == [] and waiting.is_alive()
    page_answered.set()
    waiting.join(timeout=120)
    assert feeds == [200]


def test_the_search_index_may_be_a_save_behind_while_the_next_is_made(
    network: Path, preview: Preview
) -> None:
    preview.rebuild()
    index = served(preview, "search/search_index.json")
    assert b"Leesplezier gaat van start" in index
    replace_in(network / NEWS, "title: Leesplezier gaat van start", "title: Leesplezier begint")
    generation = preview.rebuild()
    assert served(preview, "search/search_index.json") == index
    full = preview.full
    assert full is not None and full.number == generation.number
    full.wait()
    assert b"Leesplezier begint" in served(preview, "search/search_index.json")


def test_a_build_after_a_preview_in_the_same_process_writes_everything(
    network: Path, preview: Preview, tmp_path: Path
) -> None:
    preview.rebuild()
    # MkDocs keeps one plugin object per process: the preview's settings must not stay on it.
    build_network(network, site_dir=tmp_path / "gebouwd", strict=False)
    assert list((tmp_path / "gebouwd").glob("agenda/**/*.ics"))
    assert list((tmp_path / "gebouwd").glob("nieuwsbrief/**/*.eml"))


def test_in_the_browser_the_page_follows_saves_and_shows_problems_accessibly(
    network: Path, command: tuple[str, subprocess.Popen[str]], browser: Any
) -> None:
    from browser import axe

    base, _ = command
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    # Not "networkidle": the reload script keeps one request open.
    page.goto(base + "nieuws/start-leesplezier/", wait_until="load")
    assert page.locator("h1").first.inner_text() == "Leesplezier gaat van start"

    replace_in(network / NEWS, "title: Leesplezier gaat van start", "title: Leesplezier begint")
    page.wait_for_function(
        "document.querySelector('h1') && document.querySelector('h1').innerText === "
        "'Leesplezier begint'",
        timeout=30000,
    )

    replace_in(network / NEWS, "date: 2026-10-01", "date: 2026-13-01")
    page.wait_for_function("document.title.startsWith('Er is een probleem')", timeout=30000)
    assert "content/nieuws/start-leesplezier.md:3: date:" in page.locator("main").inner_text()
    page.wait_for_load_state("load")
    assert axe(page) == []

    replace_in(network / NEWS, "date: 2026-13-01", "date: 2026-10-01")
    page.wait_for_function(
        "document.querySelector('h1') && document.querySelector('h1').innerText === "
        "'Leesplezier begint'",
        timeout=30000,
    )
    context.close()
    assert errors == []


def test_it_watches_everything_a_build_reads(network: Path, preview: Preview) -> None:
    from netwerk.editing.server import Watcher
    from netwerk.plugin.plugin import PACKAGE

    (network / "overrides").mkdir()
    replace_in(network / "mkdocs.yml", "theme:\n", "theme:\n  custom_dir: overrides\n")
    assert preview.rebuild().problems == []
    watcher = Watcher(preview, lambda changed, seconds: None)
    watcher._watch()
    root = network.resolve()
    assert watcher.watching == {
        root,  # mkdocs.yml: this folder only, not the site, .venv or node_modules in it
        root / "content",
        root / "newsletters",
        root / "overrides",
        PACKAGE,  # the package's own templates, while the generator is developed
    }
    assert not watcher._counts(root / "content" / "nieuws" / ".bericht.md.swp")
    assert not watcher._counts(root / "content" / "nieuws" / "bericht.md~")
    assert watcher._counts(root / "content" / "nieuws" / "bericht.md")


def test_a_broken_override_and_a_crash_are_shown_and_the_preview_goes_on(
    network: Path, preview: Preview, monkeypatch: pytest.MonkeyPatch
) -> None:
    from netwerk.plugin.plugin import NetwerkPlugin

    overrides = network / "overrides"
    overrides.mkdir()
    replace_in(network / "mkdocs.yml", "theme:\n", "theme:\n  custom_dir: overrides\n")
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n{{ page.content }\n{% endblock %}\n',
        encoding="utf-8",
    )
    assert preview.rebuild().problems == []
    page = preview.respond("/partners/").body.decode()
    assert f"{overrides / 'main.html'}:3: sjabloon: unexpected &#x27;}}&#x27;" in page

    (overrides / "main.html").unlink()
    original = NetwerkPlugin.on_files

    def crash(self: NetwerkPlugin, *args: Any, **kwargs: Any) -> Any:
        raise KeyError("onverwacht")

    monkeypatch.setattr(NetwerkPlugin, "on_files", crash)
    assert preview.rebuild().problems == [
        "Er ging iets onverwachts mis (KeyError: 'onverwacht'). Dit is een fout in netwerk zelf; "
        "meld het, met wat je veranderde, aan wie de site beheert."
    ]
    monkeypatch.setattr(NetwerkPlugin, "on_files", original)
    assert preview.rebuild().problems == []
    assert b"Bibliotheek Noord" in served(preview, "partners/")


def test_nothing_above_the_site_is_served(
    network: Path, command: tuple[str, subprocess.Popen[str]]
) -> None:
    base, _ = command
    secret = network.parent / "geheim.txt"
    secret.write_text("geheim", encoding="utf-8")
    # Up to the root of the file system, then down to the file: as typed, and encoded.
    down = secret.resolve().as_posix().lstrip("/")
    assert _get(base + "feeds/nieuws.xml")[0] == 200  # a full build's folder is there too
    for up in ("../" * 30, "%2e%2e/" * 30, "feeds/" + "%2E%2E/" * 30):
        status, text = _get(base + up + down)
        assert (status, "geheim" in text) == (404, False), up
