"""Benchmark: build a synthetic network with our plugins and a plain Material site of the same size.

Each build runs in a fresh process; wall time and peak memory (maximum resident set size of that
process) are measured around it. The same is repeated at 4x the content, so the growth shows.

    .venv/bin/python bench/run.py              # default size and 4x
    .venv/bin/python bench/run.py --profile    # also: where our build spends its time (cProfile)

Targets: ours/plain at most 1.3 in time; 4x the content at most 4.4x the time.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import time as dt_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import BUILD_DATE, REPO, Size, write_network, write_plain

TARGET_RATIO = 1.3
TARGET_GROWTH = 4.4


def build_environment() -> dict[str, str]:
    environment = dict(os.environ)
    environment.update(
        NETWERK_BUILD_DATE=BUILD_DATE.isoformat(),
        # Fixes MkDocs' own "today" (sitemap, gzip header) too.
        SOURCE_DATE_EPOCH=str(int(datetime.combine(BUILD_DATE, dt_time(), UTC).timestamp())),
        NO_MKDOCS_2_WARNING="1",
        PYTHONWARNINGS="ignore",
    )
    return environment


def build_command(project: Path, output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--quiet",
        "--config-file",
        str(project / "mkdocs.yml"),
        "--site-dir",
        str(output),
    ]


@dataclass
class Measurement:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    pages: int


def measure(project: Path, output: Path) -> Measurement:
    """Build once in a fresh wrapper process, whose only child is the build."""
    result = subprocess.run(
        [sys.executable, __file__, "--measure-one", str(project), str(output)],
        capture_output=True,
        text=True,
        env=build_environment(),
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    pages = sum(1 for _ in output.rglob("index.html"))
    return Measurement(figures["seconds"], figures["cpu"], figures["peak_kb"] / 1024, pages)


def measure_one(project: Path, output: Path) -> None:
    """Run one build as this process's only child; print its wall time and peak RSS as JSON."""
    started = time.perf_counter()
    completed = subprocess.run(build_command(project, output), check=False)
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(completed.returncode)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Peak RSS in kilobytes on Linux; CPU time is less disturbed by other work on the machine.
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_kb": usage.ru_maxrss}))


def profile(project: Path, output: Path, top: int) -> None:
    """Build our site under cProfile in this process and print the costliest calls."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.update(build_environment())
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(output), strict=True)
    profiler = cProfile.Profile()
    profiler.enable()
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GB RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def versions() -> str:
    from importlib.metadata import version

    return ", ".join(
        f"{name} {version(name)}" for name in ("mkdocs", "mkdocs-material", "pydantic", "markdown")
    )


def commit() -> str:
    result = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4])
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="pairs of builds, back to back; prints each ratio and their median (default 1)",
    )
    parser.add_argument("--profile", action="store_true", help="profile our build at scale 1")
    parser.add_argument("--top", type=int, default=30, help="rows of the profile")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--measure-one", nargs=2, type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure_one:
        measure_one(*arguments.measure_one)
        return

    with tempfile.TemporaryDirectory(prefix="netwerk-bench-") as temporary:
        work = arguments.keep or Path(temporary)
        print(f"commit {commit()}; {machine()}")
        print(versions())
        if arguments.profile:
            project = work / "profile" / "network"
            write_network(project, Size())
            profile(project, work / "profile" / "site", arguments.top)
            return
        print(
            f"{'scale':>5}  {'site':<6} {'content':>8} {'pages':>6} {'time s':>8} {'cpu s':>8} "
            f"{'peak MB':>8}"
        )
        results: dict[int, tuple[Measurement, Measurement]] = {}
        for scale in arguments.scales:
            size = Size().times(scale)
            ours_project = work / f"x{scale}" / "network"
            plain_project = work / f"x{scale}" / "plain"
            content = write_network(ours_project, size)
            plain_content = write_plain(plain_project, size)
            runs: dict[str, list[Measurement]] = {"ours": [], "plain": []}
            sites = [("ours", ours_project), ("plain", plain_project)]
            for attempt in range(arguments.repeat):
                # Back to back, and which goes first alternates, so a slow spell on the machine
                # (or one that passes) hits both sites alike.
                for name, project in sites if attempt % 2 == 0 else sites[::-1]:
                    output = work / f"x{scale}" / f"{name}-site-{attempt}"
                    runs[name].append(measure(project, output))
            ours = min(runs["ours"], key=lambda m: m.seconds)
            plain = min(runs["plain"], key=lambda m: m.seconds)
            results[scale] = (ours, plain)
            for name, best, files in (("ours", ours, content), ("plain", plain, plain_content)):
                print(
                    f"{scale:>4}x  {name:<6} {files:>8} {best.pages:>6} "
                    f"{best.seconds:>8.1f} {best.cpu_seconds:>8.1f} {best.peak_mb:>8.0f}"
                )
            print(
                f"{scale:>4}x  ours/plain: time {ours.seconds / plain.seconds:.2f} "
                f"(target <= {TARGET_RATIO}), cpu {ours.cpu_seconds / plain.cpu_seconds:.2f}, "
                f"memory {ours.peak_mb / plain.peak_mb:.2f}"
            )
            if arguments.repeat > 1:
                # Each pair ran back to back; on a shared machine their ratio varies less than
                # the times do.
                pairs = sorted(
                    o.seconds / p.seconds for o, p in zip(runs["ours"], runs["plain"], strict=True)
                )
                for name in ("ours", "plain"):
                    times = ", ".join(f"{m.seconds:.1f}" for m in runs[name])
                    print(f"{scale:>4}x  {name} builds (s): {times}")
                print(
                    f"{scale:>4}x  ours/plain per pair: {', '.join(f'{r:.2f}' for r in pairs)}; "
                    f"median {statistics.median(pairs):.2f}"
                )
        scales = sorted(results)
        if len(scales) >= 2:
            low, high = scales[0], scales[-1]
            factor = high / low
            for index, name in enumerate(("ours", "plain")):
                growth = results[high][index].seconds / results[low][index].seconds
                cpu = results[high][index].cpu_seconds / results[low][index].cpu_seconds
                memory = results[high][index].peak_mb / results[low][index].peak_mb
                target = f" (target <= {TARGET_GROWTH * factor / 4:.1f})" if name == "ours" else ""
                print(
                    f"{name}: {factor:.0f}x the content takes {growth:.2f}x the time{target}, "
                    f"{cpu:.2f}x the cpu time, {memory:.2f}x the memory"
                )


if __name__ == "__main__":
    main()
