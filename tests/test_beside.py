"""Emails and calendars are written beside the page rendering, in a forked child process, or in
the build itself where forking is not safe: the same files either way, and a failure is named."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import SMALL_NETWORK, Site, build_apart
from netwerk.plugin import beside

# Builds a network with `mkdocs build`, counting forks; with "thread", a thread runs beside it
# (as `mkdocs serve` runs a web server), so the work must stay in the build's own process.
BUILD_COUNTING_FORKS = """
import os, sys, threading
from mkdocs.__main__ import cli

forks = []
fork = os.fork

def counting_fork():
    pid = fork()
    if pid:
        forks.append(pid)
    return pid

os.fork = counting_fork
stop = threading.Event()
if sys.argv[1] == "thread":
    threading.Thread(target=stop.wait, daemon=True).start()
try:
    cli(["build", "--strict", "--quiet", "--site-dir", sys.argv[2]], standalone_mode=False)
finally:
    stop.set()
print("forks:", len(forks))
"""


def build_counting_forks(project: Path, output: Path, mode: str) -> tuple[str, dict[str, bytes]]:
    return build_apart(project, ["-c", BUILD_COUNTING_FORKS, mode, str(output)], output)


def test_a_forked_child_and_the_build_itself_write_the_same_files(
    rich_root: Path, tmp_path: Path
) -> None:
    forked, beside_files = build_counting_forks(rich_root, tmp_path / "beside", "alone")
    at_once, own_files = build_counting_forks(rich_root, tmp_path / "own", "thread")
    assert forked == "forks: 1"
    assert at_once == "forks: 0"
    assert beside_files.keys() == own_files.keys()
    different = [path for path in beside_files if beside_files[path] != own_files[path]]
    assert different == []
    for written_beside in ("agenda/kalender.ics", "/email.html", "/email.txt", "/bericht.eml"):
        assert any(path.endswith(written_beside) for path in beside_files), written_beside
    assert any(path.endswith(".ics") and path.count("/") == 2 for path in beside_files)


def failing_work() -> None:
    raise ValueError("kapot")


def test_a_failure_in_the_child_comes_back_with_its_traceback() -> None:
    # A fresh interpreter has one thread, so the work is forked.
    script = (
        "from netwerk.plugin.beside import Beside\n"
        "from test_beside import failing_work\n"
        "job = Beside(failing_work)\n"
        "print('forked:', job.forked)\n"
        "job.wait()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() == "forked: True"
    assert result.returncode == 1
    assert "RuntimeError: Traceback (most recent call last):" in result.stderr
    assert "ValueError: kapot" in result.stderr


def test_a_failure_at_once_is_reported_when_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(beside, "can_fork", lambda: False)
    job = beside.Beside(failing_work)
    assert not job.forked
    with pytest.raises(RuntimeError, match="ValueError: kapot"):
        job.wait()
    job.wait()  # reported once


def test_a_failing_calendar_fails_the_build_with_a_named_cause(
    site: Site, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from netwerk.agenda import calendars

    def broken(*arguments: object) -> dict[str, bytes]:
        raise ValueError("kalender kapot")

    monkeypatch.setattr(calendars, "files", broken)
    site.write(SMALL_NETWORK)
    with pytest.raises(Abort):
        site.build()
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert len(errors) == 1
    assert errors[0].startswith("netwerk: e-mails en kalenders schrijven mislukt:\nTraceback")
    assert errors[0].rstrip().endswith("ValueError: kalender kapot")
