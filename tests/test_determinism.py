"""Same content and build date give the same bytes, whatever the day, time zone or hash seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, build_apart


@pytest.fixture(params=["example", "rich"])
def project(request: pytest.FixtureRequest) -> Path:
    """The repository's example network and the tests' own network."""
    if request.param == "example":
        return REPO
    root: Path = request.getfixturevalue("rich_root")
    return root


def build(
    project: Path, output: Path, *, today: str, time_zone: str, hash_seed: str
) -> dict[str, bytes]:
    """Build a network in a fresh process, as `mkdocs build` on some day would."""
    _, files = build_apart(
        project,
        ["-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(output)],
        output,
        today=today,
        TZ=time_zone,
        # Another hash seed gives another iteration order of sets of strings.
        PYTHONHASHSEED=hash_seed,
    )
    return files


def test_a_network_builds_to_the_same_bytes_on_another_day(project: Path, tmp_path: Path) -> None:
    first = build(
        project, tmp_path / "one", today="2026-11-23", time_zone="Europe/Amsterdam", hash_seed="1"
    )
    second = build(
        project, tmp_path / "two", today="2027-02-14", time_zone="America/New_York", hash_seed="2"
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
        "/rss.xml",
        "/atom.xml",
    ):
        assert any(name.endswith(kind) for name in first), kind
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
