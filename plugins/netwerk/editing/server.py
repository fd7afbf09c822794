"""The preview's web server, its watch on the project's files and what it prints.

Every page it serves gets the reload script of netwerk.editing.overlay: the editor's browser
follows each save. Only this server adds it; a build never writes it.
"""

from __future__ import annotations

import http.server
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from ..core.loader import shown_path
from .console import quiet_mkdocs
from .overlay import RELOAD, with_reload
from .preview import Preview
from .project import unexpected

# The largest file the admin page sends to be checked; the loader refuses far less already.
CHECK_LIMIT = 20 * 2**20
# How long a reload request is held open before the browser asks again.
HOLD_SECONDS = 25.0
# After a change, wait until the files have been quiet this long: an editor's save often
# writes a file in more than one step.
QUIET_SECONDS = 0.05
# Editors' and tools' temporary files, which no build reads.
IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".pyc", ".py")
IGNORED_FOLDERS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".cache"}
# The names of this computer a browser may use for the preview. Any other Host (a web page's
# own name that points at 127.0.0.1: DNS rebinding) gets no answer, as in Vite and webpack.
LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")
# Longer than any address of the site: an answer without work (414), not a traceback.
PATH_MAX = 2048
# The reload script's `na`: a generation number.
NUMBER_MAX = 18
PLAIN = "text/plain; charset=utf-8"


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, preview: Preview, host: str, port: int) -> None:
        self.preview = preview
        super().__init__((host, port), _Handler)
        port = self.server_address[1]
        names = {*LOCAL_NAMES, f"[{host}]" if ":" in host else host}
        self.hosts = {f"{name}:{port}" for name in names}
        if port == 80:
            self.hosts |= names

    def handle_error(self, request: Any, client_address: Any) -> None:
        # socketserver would print a traceback in the editor's window.
        error = sys.exc_info()[1]
        if error is not None and not isinstance(error, ConnectionError | TimeoutError):
            print(unexpected(error, "met het adres dat je opende"), flush=True)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: PreviewServer

    def _refused(self) -> bool:
        """Answers a request from elsewhere (any other Host: DNS rebinding) or for an overlong
        address, whatever its method; True when it did."""
        if (self.headers.get("Host") or "").lower() not in self.server.hosts:
            self._send(403, PLAIN, b"Dit voorbeeld is alleen te zien op deze computer.")
            return True
        if len(self.path) > PATH_MAX:
            self._send(414, PLAIN, b"Dit adres is te lang.")
            return True
        return False

    def do_GET(self) -> None:
        if self._refused():
            return
        address = urlsplit(self.path)
        path = unquote(address.path)
        preview = self.server.preview
        if path == RELOAD:
            after = parse_qs(address.query).get("na", ["0"])[0]
            if not after.isdigit() or len(after) > NUMBER_MAX:
                self._send(400, PLAIN, b"na= is geen nummer van een versie.")
                return
            number = preview.wait_for_change(int(after), HOLD_SECONDS)
            self._send(200, PLAIN, str(number).encode())
            return
        try:
            answer = preview.respond(path)
        except OSError:  # such as a name longer than the file system allows: no such page
            self._send(404, PLAIN, b"Niet gevonden")
            return
        body = answer.body
        if answer.reloads:
            body = with_reload(body, answer.generation)
        headers = {"Location": answer.location} if answer.location else {}
        self._send(answer.status, answer.content_type, body, headers)

    def do_POST(self) -> None:
        # The admin page asks whether a file may be saved (Preview.check); nothing is written.
        if self._refused():
            return
        given = self.headers.get("Content-Length") or "0"
        if not given.isdigit() or len(given) > NUMBER_MAX:
            self._send(400, PLAIN, b"Content-Length is geen aantal bytes.")
            return
        length = min(int(given), CHECK_LIMIT)
        answer = self.server.preview.check(
            unquote(urlsplit(self.path).path), self.rfile.read(length)
        )
        self._send(answer.status, answer.content_type, answer.body)

    def _send(
        self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went on to another page

    def log_message(self, format: str, *args: Any) -> None:
        pass  # every request would be a line of English in the editor's window


class Watcher:
    """Rebuilds the preview after files it reads change, once they are quiet."""

    def __init__(self, preview: Preview, report: Callable[[list[str], float], None]) -> None:
        from watchdog.observers import Observer

        self.preview, self.report = preview, report
        self.observer = Observer()
        self.changed: list[str] = []
        self.last_change = 0.0
        self.wake = threading.Event()
        self.stopping = False
        self.watching: set[Path] = set()
        self.worker = threading.Thread(target=self._work, daemon=True)

    def start(self) -> None:
        self._watch()
        self.observer.start()
        self.worker.start()

    def stop(self) -> None:
        self.stopping = True
        self.wake.set()
        self.observer.stop()
        self.observer.join()

    def _watch(self) -> None:
        from watchdog import events

        watcher = self
        # Changes only: a build reads every file, and an event per file read would take the
        # build's time.
        changes = [
            events.FileCreatedEvent,
            events.FileModifiedEvent,
            events.FileDeletedEvent,
            events.FileMovedEvent,
            events.DirCreatedEvent,
            events.DirDeletedEvent,
            events.DirMovedEvent,
        ]

        class Handler(events.FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                if event.is_directory and event.event_type == "modified":
                    return  # a file in it changed, and has an event of its own
                for path in (event.src_path, getattr(event, "dest_path", "")):
                    if path and watcher._counts(Path(str(path))):
                        watcher._note(Path(str(path)))

        root = self.preview.root
        for folder in self.preview.watched:
            if folder in self.watching or not folder.is_dir():
                continue
            if any(folder.is_relative_to(watched) for watched in self.watching if watched != root):
                continue
            # The project's own folder only for mkdocs.yml and its neighbours: its subfolders
            # hold the virtual environment, node_modules and the built site.
            self.observer.schedule(
                Handler(), str(folder), recursive=folder != root, event_filter=changes
            )
            self.watching.add(folder)

    def _counts(self, path: Path) -> bool:
        if path.name.endswith(IGNORED_SUFFIXES) or path.name.startswith((".#", "#")):
            return False
        if any(part in IGNORED_FOLDERS for part in path.parts):
            return False
        return not path.is_relative_to(self.preview.work_dir)

    def _note(self, path: Path) -> None:
        self.changed.append(shown_path(path, self.preview.root))
        self.last_change = time.monotonic()
        self.wake.set()

    def _work(self) -> None:
        while not self.stopping:
            self.wake.wait()
            self.wake.clear()
            while not self.stopping and time.monotonic() - self.last_change < QUIET_SECONDS:
                time.sleep(QUIET_SECONDS / 2)
            if self.stopping:
                return
            changed, self.changed = sorted(set(self.changed)), []
            generation = self.preview.rebuild()
            self._watch()  # mkdocs.yml may name other folders now
            self.report(changed, generation.seconds)


def serve(config_file: Path, host: str, port: int) -> None:
    """Build, serve and watch until Ctrl+C; what happens is printed in Dutch."""
    from .project import CliError

    console = quiet_mkdocs()
    work_dir = Path(tempfile.mkdtemp(prefix="netwerk-voorbeeld-"))
    preview = Preview(config_file, work_dir)
    try:
        server = PreviewServer(preview, host, port)
    except OSError as error:
        preview.close()
        raise CliError(
            f"kan de site niet tonen op {host}:{port} ({error.strerror or error}); "
            f"is er al een voorbeeld open? Kies anders een andere poort: --poort {port + 1}"
        ) from None
    print(f"De site maken uit {config_file} ...", flush=True)
    first = preview.rebuild()
    # Link warnings come as pages are rendered: with the content folder, they name the line.
    console.docs_dir = Path(first.config.docs_dir) if first.config else None
    report(preview, [], first.seconds)
    address = f"http://{host}:{server.server_address[1]}/"
    print(f"Bekijk de site op {address} (stoppen: Ctrl+C).", flush=True)
    watcher = Watcher(preview, lambda changed, seconds: report(preview, changed, seconds))
    watcher.start()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("\nGestopt.", flush=True)
    finally:
        watcher.stop()
        server.server_close()
        preview.close()


def report(preview: Preview, changed: list[str], seconds: float) -> None:
    """What the editor sees after each build: what changed, how long it took, or the problems."""
    generation = preview.current
    if changed:
        shown = ", ".join(changed[:3]) + (f" en nog {len(changed) - 3}" if len(changed) > 3 else "")
        print(f"Gewijzigd: {shown}", flush=True)
    if generation.problems:
        print("\n".join(generation.problems), flush=True)
        print("De site wordt weer getoond zodra dit is opgelost.", flush=True)
        return
    took = f"{seconds:.2f}".replace(".", ",")
    pages = len(generation.doc_files)
    print(f"Klaar in {took} s ({pages} pagina's, elk gemaakt als je hem opent).", flush=True)
