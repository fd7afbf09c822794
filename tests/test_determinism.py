"""Same content and build date give the same bytes, whatever the day, time zone or hash seed."""

from __future__ import annotations

from pathlib import Path

from conftest import build_example_apart


def build_example(output: Path, *, today: str, time_zone: str, hash_seed: str) -> dict[str, bytes]:
    """Build the example network in a fresh process, as `mkdocs build` on some day would."""
    _, files = build_example_apart(
        ["-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(output)],
        output,
        today=today,
        TZ=time_zone,
        # Another hash seed gives another iteration order of sets of strings.
        PYTHONHASHSEED=hash_seed,
    )
    return files


def test_the_example_builds_to_the_same_bytes_on_another_day(tmp_path: Path) -> None:
    first = build_example(
        tmp_path / "one", today="2026-11-23", time_zone="Europe/Amsterdam", hash_seed="1"
    )
    second = build_example(
        tmp_path / "two", today="2027-02-14", time_zone="America/New_York", hash_seed="2"
    )
    # Every output is compared; these kinds at least must be among them.
    for kind in (
        "sitemap.xml.gz",
        "search/search_index.json",
        "feeds/nieuws.xml",
        "feeds/nieuws.atom",
        "feeds/nieuws.json",
        "agenda/kalender.ics",
        "/email.html",
        "/email.txt",
        "/bericht.eml",
    ):
        assert any(name.endswith(kind) for name in first), kind
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
