"""Work that needs no pages runs beside MkDocs' page rendering, on another core.

MkDocs renders pages on one core. The newsletters' emails and the agenda's calendars need only
the loaded network, so a forked child writes them while the pages are rendered. A fork copies
only the thread that calls it, with whatever locks the other threads held, so it is used only
where the process's threads can be counted (Linux) and there is just the one. Elsewhere the
work runs at once in the build itself, with the same output: on Windows and macOS, and under
`mkdocs serve`, which runs a web server beside its rebuilds.
"""

from __future__ import annotations

import os
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from ..core.template_errors import template_message


class Beside:
    """Runs `work` in a child process, or at once; `wait()` returns when it is done."""

    def __init__(self, work: Callable[[], None]) -> None:
        self.pid = 0
        self._report = -1
        self._failure = ""
        self.forked = can_fork()
        if not self.forked:
            try:
                work()
            except Exception as error:
                self._failure = template_message(error) or traceback.format_exc()
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            _run_child(work, write)
        os.close(write)
        self.pid, self._report = pid, read

    def wait(self) -> None:
        """Wait for the work to end; a RuntimeError with its traceback when it failed."""
        if self._failure:
            failure, self._failure = self._failure, ""
            raise RuntimeError(failure)
        if not self.pid:
            return
        with os.fdopen(self._report, "rb") as pipe:
            report = pipe.read().decode("utf-8", errors="replace")
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            raise RuntimeError(report or f"het proces ernaast stopte met code {code}")


def can_fork() -> bool:
    return threading.active_count() == 1 and _os_threads() == 1


def _os_threads() -> int:
    """This process's threads, also those a library started outside Python; 0 where unknown."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return 0


def _run_child(work: Callable[[], None], report: int) -> None:
    """The child: do the work, send a traceback on failure, and leave without cleaning up.

    os._exit skips the parent's exit handlers and buffers, which are the parent's to run.
    """
    status = 0
    try:
        with os.fdopen(report, "wb") as pipe:
            try:
                work()
            except BaseException as error:
                failure = template_message(error) or traceback.format_exc()
                pipe.write(failure.encode("utf-8"))
                status = 1
    finally:
        os._exit(status)
