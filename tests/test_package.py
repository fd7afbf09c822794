"""The generator as another network installs it: a wheel, and a site of nothing but its own files."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import ACTIVITY, BUILD_DATE, PARTNER, REPO, SMALL_NETWORK, THEME, Site

MKDOCS_YML = """\
site_name: Testnetwerk Zuid
site_url: https://zuid.example.org/
docs_dir: content
theme:
  name: material
  language: nl
  font: false
plugins:
  - search
  - netwerk:
      build_date: {build_date}
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package built as a wheel from this repository and installed into a folder of its own."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(folder),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = folder.glob("netwerksite-*.whl")
    target = folder / "lib"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return target


def test_a_site_of_only_its_own_files_builds_from_the_wheel(
    installed: Path, tmp_path: Path
) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML.format(build_date=BUILD_DATE), encoding="utf-8")
    files = {
        "index.md": "# Testnetwerk Zuid\n",
        "themas/motivatie.md": THEME,
        "partners/museum-boerhaave.md": PARTNER,
        "agenda/themabijeenkomst-motivatie.md": ACTIVITY.replace(
            "project: gluren-bij-de-buren\n", ""
        ),
    }
    for name, text in files.items():
        (tmp_path / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "content" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    script = (
        "import netwerk, sys; from mkdocs.__main__ import cli; print(netwerk.__file__); "
        "cli(['build', '--strict', '--quiet'], standalone_mode=False)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(installed), "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(str(installed))
    assert result.stderr == ""
    site = tmp_path / "site"
    for page in ("partners/museum-boerhaave", "agenda/themabijeenkomst-motivatie", "agenda", ""):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert "assets/stylesheets/netwerk.css" in html, page
    assert "Museum Boerhaave" in (site / "partners" / "index.html").read_text(encoding="utf-8")
    assert (site / "assets" / "stylesheets" / "netwerk.css").is_file()
    assert (site / "assets" / "javascripts" / "agenda.js").is_file()
    assert (site / "agenda" / "kalender.ics").is_file()
    # The handbook's chapters are package data too.
    for chapter in ("", "items/", "meldingen/", "nieuwsbrief/", "bekijken-en-publiceren/"):
        assert (site / "handleiding" / chapter / "index.html").is_file(), chapter
    # Template sources are the generator's, not the site's: none is published.
    published = [path.relative_to(site).as_posix() for path in site.rglob("*")]
    assert [path for path in published if path.startswith("netwerk/")] == []
    assert [path for path in published if path.endswith((".txt", ".css")) and "email" in path] == []


def test_a_site_overrides_one_template_and_keeps_the_rest(tmp_path: Path) -> None:
    small = Site(tmp_path).write(SMALL_NETWORK)
    overrides = tmp_path / "overrides" / "netwerk"
    overrides.mkdir(parents=True)
    (overrides / "partners-item.html").write_text(
        '{% extends "netwerk/item.html" %}{% block content %}<p id="eigen">{{ item.name }}</p>{% endblock %}',
        encoding="utf-8",
    )
    (overrides / "email").mkdir()
    email = (REPO / "plugins/netwerk/newsletters/email/email.txt").read_text(encoding="utf-8")
    (overrides / "email" / "email.txt").write_text("EIGEN TEKST\n" + email, encoding="utf-8")
    small.configure(
        audiences=[{"slug": "po", "name": "Primair onderwijs", "sectors": ["po"]}],
        newsletter_from="Testnetwerk <nieuwsbrief@netwerk.example.nl>",
        newsletter_unsubscribe_url="https://netwerk.example.nl/afmelden/",
    )
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = "overrides"
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (tmp_path / "newsletters").mkdir()
    (tmp_path / "newsletters" / "2026-11.md").write_text(
        "---\ndate: 2026-11-02\nsubject: Nieuwsbrief november\n---\nWelkom.\n", encoding="utf-8"
    )
    small.build()
    assert '<p id="eigen">Museum Boerhaave</p>' in small.page("partners/museum-boerhaave")
    assert "netwerk.css" in small.page("themas/motivatie")
    text = (small.output / "nieuwsbrief" / "po" / "2026-11" / "email.txt").read_text(
        encoding="utf-8"
    )
    assert text.startswith("EIGEN TEKST")
    assert not (small.output / "netwerk").exists()
