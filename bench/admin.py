"""Benchmark of the admin page: how long /admin/ takes to show the collection list, and what the
browser downloads for it.

The example network (or a synthetic one of generate.py) is served by `netwerk voorbeeld`, with
`decap-server` beside it, as an editor works on her own computer. Headless Chromium (Dutch,
Amsterdam's time, no cache) opens /admin/, clicks *Inloggen* and waits for the collection list;
then it opens the agenda's list of activities. Measured with the wall clock, each repeated:

- collection list: from asking for /admin/ to *Inhoudstypen* shown, the login click included;
- activities: from clicking the agenda to its first activity shown;
- the scripts as the site serves them: bytes, and bytes after gzip -9 (a host that compresses).

    .venv/bin/python bench/admin.py                 # the example, 3 times
    .venv/bin/python bench/admin.py --scale 1 --times 5

Needs the test tools (make test-tools: Chromium, decap-server, npm run beheer).
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import REPO, Size, write_network
from preview import NETWERK, copy_example, free_port

CHROMIUM = "/usr/bin/chromium"
DECAP_SERVER = REPO / "node_modules" / ".bin" / "decap-server"


def with_admin(project: Path, decap_port: int) -> None:
    """The admin page on, talking to decap-server on `decap_port`."""
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    own = f"admin: {{local_port: {decap_port}}}"
    if re.search(r"^\s+admin: true$", text, flags=re.MULTILINE):
        text = re.sub(r"^(\s+)admin: true$", rf"\1{own}", text, count=1, flags=re.MULTILINE)
    else:
        text = re.sub(r"^(\s+)- netwerk:\n", rf"\g<0>\1    {own}\n", text, count=1, flags=re.M)
    settings.write_text(text, encoding="utf-8")
    (project / "node_modules").symlink_to(REPO / "node_modules")


def started(command: list[str], project: Path, **environment: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore", **environment},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(request: urllib.request.Request, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 180
    while True:
        try:
            with urllib.request.urlopen(request, timeout=5):
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{request.full_url} did not answer") from None
            time.sleep(0.2)


def sizes(base: str, addresses: set[str]) -> list[tuple[str, int, int]]:
    """Each script the admin page loaded: its address, its bytes, its bytes after gzip -9."""
    found = []
    for address in sorted(addresses):
        with urllib.request.urlopen(address, timeout=60) as answer:
            body = answer.read()
        found.append((address.removeprefix(base), len(body), len(gzip.compress(body, 9, mtime=0))))
    return found


def measure(
    project: Path, times: int
) -> tuple[list[float], list[float], list[tuple[str, int, int]]]:
    from playwright.sync_api import expect, sync_playwright

    decap_port, port = free_port(), free_port()
    with_admin(project, decap_port)
    base = f"http://127.0.0.1:{port}/"
    preview = started([str(NETWERK), "voorbeeld", "--poort", str(port)], project)
    decap = started(
        [str(DECAP_SERVER)],
        project,
        PORT=str(decap_port),
        BIND_HOST="127.0.0.1",
        GIT_REPO_DIRECTORY=str(project),
    )
    try:
        wait_for(urllib.request.Request(base + "admin/"), preview)
        info = urllib.request.Request(
            f"http://127.0.0.1:{decap_port}/api/v1",
            data=b'{"action": "info"}',
            headers={"Content-Type": "application/json"},
        )
        wait_for(info, decap)
        lists, activities = [], []
        loaded: set[str] = set()
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            for _ in range(times):
                context = chromium.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
                page = context.new_page()
                page.on(
                    "response",
                    lambda answer: loaded.add(answer.url) if answer.url.endswith(".js") else None,
                )
                begin = time.perf_counter()
                page.goto(base + "admin/")
                page.get_by_role("button", name="Inloggen").click(timeout=120000)
                expect(page.get_by_text("Inhoudstypen")).to_be_visible(timeout=120000)
                lists.append(time.perf_counter() - begin)
                begin = time.perf_counter()
                page.get_by_role("link", name="Agenda", exact=True).first.click()
                expect(page.locator('a[href*="/collections/agenda/entries/"]').first).to_be_visible(
                    timeout=120000
                )
                activities.append(time.perf_counter() - begin)
                context.close()
            chromium.close()
        return lists, activities, sizes(base, loaded)
    finally:
        for process in (preview, decap):
            process.terminate()
            process.wait(timeout=60)


def report(
    name: str, lists: list[float], activities: list[float], files: list[tuple[str, int, int]]
) -> None:
    print(
        f"{name}: collection list median {statistics.median(lists):.2f} s "
        f"(slowest {max(lists):.2f} s); activities median {statistics.median(activities):.2f} s "
        f"({len(lists)} times)"
    )
    groups: dict[str, list[tuple[int, int]]] = {}
    for source, size, packed in files:
        # The yaml library comes as ES modules, one file each: shown as one line.
        groups.setdefault(re.sub(r"/yaml/.*", "/yaml/*.js", source), []).append((size, packed))
    for source, found in groups.items():
        size, packed = sum(one for one, _ in found), sum(two for _, two in found)
        print(f"  {source}: {size:,} bytes, {packed:,} with gzip -9 ({len(found)} files)")
    total, packed_total = sum(size for _, size, _ in files), sum(p for _, _, p in files)
    print(f"  all {len(files)} scripts: {total:,} bytes, {packed_total:,} with gzip -9")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, nargs="*", default=[], help="synthetic networks too")
    parser.add_argument("--times", type=int, default=3)
    arguments = parser.parse_args()
    if not DECAP_SERVER.exists() or not shutil.which(CHROMIUM):
        raise SystemExit("install the test tools first: make test-tools")
    with tempfile.TemporaryDirectory(prefix="netwerk-admin-bench-") as folder:
        work = Path(folder)
        report("example", *measure(copy_example(work), arguments.times))
        for scale in arguments.scale:
            project = work / f"network-{scale}x"
            pages = write_network(project, Size().times(scale))
            report(f"{scale}x ({pages} pages)", *measure(project, arguments.times))


if __name__ == "__main__":
    main()
