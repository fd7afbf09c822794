"""`netwerk bouw`: the publish workflows' build, with the editors' words and none of MkDocs'
English lines; a problem or a warning leaves the previous site in place."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import BUILD_DATE, Site

NETWERK = str(Path(sys.executable).parent / "netwerk")
ENGLISH = (
    "INFO",
    "WARNING",
    "ERROR",
    "Aborted",
    "Traceback",
    "Building",
    "Documentation",
    "MkDocs 2",
)


def bouw(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    # As in a workflow: without the Makefile's switch for Material's notice.
    environment = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    return subprocess.run(
        [NETWERK, "bouw", *arguments],
        cwd=root,
        capture_output=True,
        text=True,
        env={**environment, "NETWERK_BUILD_DATE": BUILD_DATE},
        timeout=300,
    )


def english(output: str) -> list[str]:
    return [line for line in output.splitlines() if any(word in line for word in ENGLISH)]


def test_a_good_build_says_where_the_site_is(small_site: Site) -> None:
    small_site.configure()
    result = bouw(small_site.root)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith(f"De site is gebouwd in {small_site.root / 'site'} (")
    assert (small_site.root / "site" / "index.html").is_file()


def test_a_content_problem_builds_nothing_and_keeps_the_previous_site(small_site: Site) -> None:
    small_site.configure()
    assert bouw(small_site.root).returncode == 0
    before = (small_site.root / "site" / "index.html").read_bytes()
    small_site.write({"partners/nieuw.md": "---\nname: Nieuw\nsectors: [po, xx]\n---\n"})
    result = bouw(small_site.root)
    assert result.returncode == 1
    assert "content/partners/nieuw.md:3: sectors:" in result.stderr
    assert result.stdout == (
        "Niet gebouwd (zie hierboven). De vorige versie van de site blijft staan.\n"
    )
    assert english(result.stdout + result.stderr) == []
    assert (small_site.root / "site" / "index.html").read_bytes() == before


def test_a_warning_stops_the_build_as_strict_does(small_site: Site) -> None:
    small_site.configure()
    (small_site.content / "privacy.md").write_text(
        "# Privacy\n\nZie [de pagina die er niet is](bestaat-niet.md).\n", encoding="utf-8"
    )
    result = bouw(small_site.root, "--map", "elders")
    assert result.returncode == 1
    assert result.stderr == (
        "Let op: content/privacy.md:3: link: 'bestaat-niet.md' wijst naar een pagina of "
        "bestand dat er niet is; controleer de naam, of haal de link weg\n"
    )
    assert result.stdout == (
        "Niet gebouwd: 1 waarschuwing (zie hierboven). De vorige versie van de site blijft "
        "staan tot alles is opgelost.\n"
    )
    assert not (small_site.root / "elders").exists()


def test_the_publish_workflows_build_with_it() -> None:
    from conftest import REPO

    for workflow in (".github/workflows/publish.yml", ".gitlab-ci.yml"):
        text = (REPO / workflow).read_text(encoding="utf-8")
        assert "netwerk bouw" in text and "mkdocs build" not in text


def test_mkdocs_link_warnings_in_dutch_with_the_line(tmp_path: Path) -> None:
    from netwerk.editing.console import in_dutch

    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text("# A\n\n[B](b.md#kop) en [C](c)\n", encoding="utf-8")
    assert in_dutch(
        "Doc file 'a.md' contains a link 'b.md#kop', but the doc 'b.md' does not contain an "
        "anchor '#kop'.",
        content,
    ) == (
        "content/a.md:3: link: 'b.md#kop' de pagina b.md heeft geen kopje #kop; kies een "
        "kopje dat er staat"
    )
    assert in_dutch(
        "Doc file 'a.md' contains an unrecognized relative link 'c', it was left as is.", content
    ) == (
        "content/a.md:3: link: 'c' is geen pagina van de site; link naar het .md-bestand, "
        "zoals agenda/index.md"
    )
    assert in_dutch(
        "Doc file 'a.md' contains a link 'x.md', but the target is not found among "
        "documentation files. Did you mean 'b.md'?",
        content,
    ) == (
        "content/a.md: link: 'x.md' wijst naar een pagina of bestand dat er niet is; "
        "bedoelde je 'b.md'?"
    )
    assert in_dutch("Iets anders.", content) == "Iets anders."
