"""Benchmark of `netwerk voorbeeld`: the first page served; a one-item edit to the refreshed page.

The synthetic network of generate.py (and 4x), or the example site, is previewed with the real
command in its own process; a client does what the browser's reload script does: it waits for
the next generation of the site and fetches the page again. Measured, with the wall clock:

- first page: from starting the command to the home page served;
- edit: from writing one news item (a word added to its text) to that item's page served with
  the word; repeated, the median and the slowest.

    .venv/bin/python bench/preview.py                 # the 1x and 4x networks and the example
    .venv/bin/python bench/preview.py --scales 1 --edits 10

Targets (issue 16): an edit shows in at most 1 s on the example and 2 s on the 1x network.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import REPO, Size, write_network

RELOAD = "__voorbeeld__/wacht"
NETWERK = Path(sys.executable).parent / "netwerk"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str, timeout: float = 120) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return str(response.read().decode("utf-8"))


def generation_of(page: str) -> int:
    start = page.rindex("var n=") + len("var n=")
    return int(page[start : page.index(";", start)])


def measure(project: Path, edits: int) -> tuple[float, list[float]]:
    """Seconds to the first page, and for each edit to the refreshed page."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(NETWERK), "voorbeeld", "--poort", str(port)],
        cwd=project,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                get(base, timeout=2)
                break
            except OSError:
                if process.poll() is not None:
                    raise SystemExit(f"netwerk voorbeeld stopped in {project}") from None
                time.sleep(0.05)
        first = time.perf_counter() - started
        news = sorted((project / "content" / "nieuws").glob("*.md"))
        item = next(path for path in news if path.stem != "index")
        url = f"{base}nieuws/{item.stem}/"
        generation = generation_of(get(url))
        times = []
        for number in range(edits):
            word = f"Proefwoord{number}x"
            text = item.read_text(encoding="utf-8")
            saved = time.perf_counter()
            item.write_text(f"{text}\n{word}\n", encoding="utf-8")
            while True:
                generation = int(get(f"{base}{RELOAD}?na={generation}"))
                if word in get(url):
                    break
            times.append(time.perf_counter() - saved)
            time.sleep(0.3)  # an editor does not save ten times a second
        return first, times
    finally:
        process.terminate()
        process.wait(timeout=60)


def report(name: str, first: float, times: list[float]) -> None:
    median, slowest = statistics.median(times), max(times)
    print(
        f"{name}: first page {first:.2f} s; edit to refreshed page median {median:.2f} s, "
        f"slowest {slowest:.2f} s ({len(times)} edits)",
        flush=True,
    )


def copy_example(work: Path) -> Path:
    """The example network (the repository's site), copied into `work/example`."""
    example = work / "example"
    shutil.copytree(
        REPO,
        example,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "node_modules", "site", "build", "*.egg-info"
        ),
    )
    return example


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 4])
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--no-example", action="store_true", help="leave the example out")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="netwerk-preview-bench-") as folder:
        work = Path(folder)
        if not arguments.no_example:
            report("example", *measure(copy_example(work), arguments.edits))
        for scale in arguments.scales:
            project = work / f"network-{scale}x"
            pages = write_network(project, Size().times(scale))
            report(f"{scale}x ({pages} pages)", *measure(project, arguments.edits))


if __name__ == "__main__":
    main()
