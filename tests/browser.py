"""Headless Chromium (Debian's, driven by Playwright) against a built site served on 127.0.0.1.

Use the `browser` fixture and `visit()`; `axe()` runs axe-core (from node_modules) in the page.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a directory on 127.0.0.1; yields the base URL (ending in /)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class Visit:
    """A page opened in the browser, with what went wrong while loading it."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return self.console_errors + self.failed_requests + self.foreign_requests

    def horizontal_overflow(self) -> int:
        """How many CSS pixels the page is wider than the viewport (0 = no horizontal scroll)."""
        overflow: int = self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        return overflow


@contextmanager
def visit(browser: Any, url: str, *, width: int = 1280, height: int = 900) -> Iterator[Visit]:
    """Open url in a fresh context; records console errors, failed and off-site requests."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    opened = Visit(page)
    host = urlsplit(url).netloc

    def on_request(request: Any) -> None:
        target = urlsplit(request.url)
        if target.scheme in ("http", "https", "ws", "wss") and target.netloc != host:
            opened.foreign_requests.append(request.url)

    page.on("request", on_request)
    page.on(
        "console",
        lambda message: message.type == "error" and opened.console_errors.append(message.text),
    )
    page.on("pageerror", lambda error: opened.console_errors.append(str(error)))
    page.on(
        "requestfailed",
        lambda request: opened.failed_requests.append(f"{request.url} ({request.failure})"),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and opened.failed_requests.append(f"{response.url} ({response.status})")
        ),
    )
    try:
        page.goto(url, wait_until="networkidle")
        yield opened
    finally:
        context.close()


# WCAG 2.2 A and AA (2.0 and 2.1 included) and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe(page: Any, *, disable: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Run axe-core's WCAG 2.2 A/AA rules and best practices; returns the violations (empty
    when the page passes)."""
    page.add_script_tag(path=str(AXE))
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "rules": {rule: {"enabled": False} for rule in disable},
    }
    result: dict[str, Any] = page.evaluate("options => axe.run(document, options)", options)
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]],
        }
        for violation in result["violations"]
    ]
