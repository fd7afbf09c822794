"""Build small real sites in tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

pytest_plugins = ["browser"]

REPO = Path(__file__).resolve().parent.parent
BUILD_DATE = "2026-11-23"


def build_network(root: Path, *, site_dir: Path | None = None, strict: bool = True) -> Path:
    """Build the network in `root` in this process, as `mkdocs build [--strict]` does: its
    mkdocs.yml loaded, the plugins started, the site built and the plugins shut down (also when
    the build fails). Returns the folder the site went to (mkdocs.yml's, or `site_dir`).

    The one way the tests build a site in their own process; `build_apart` runs a command in a
    fresh one."""
    overrides = {} if site_dir is None else {"site_dir": str(site_dir)}
    config = load_config(str(root / "mkdocs.yml"), strict=strict, **overrides)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return Path(config.site_dir)


def build_apart(
    project: Path,
    arguments: list[str],
    output: Path,
    *,
    today: str = BUILD_DATE,
    **environment: str,
) -> tuple[str, dict[str, bytes]]:
    """Build a project in a fresh Python process (`python ARGUMENTS` in its folder), as on
    `today`: what it printed, and every file it wrote to `output`, by path."""
    epoch = int(datetime.fromisoformat(today).replace(tzinfo=UTC).timestamp())
    result = subprocess.run(
        [sys.executable, *arguments],
        cwd=project,
        env={
            **os.environ,
            "NETWERK_BUILD_DATE": BUILD_DATE,
            # MkDocs' own notion of today (page dates in the sitemap, the gzip header).
            "SOURCE_DATE_EPOCH": str(epoch),
            "NO_MKDOCS_2_WARNING": "1",
            "PYTHONWARNINGS": "ignore",
            **environment,
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    files = {
        path.relative_to(output).as_posix(): path.read_bytes()
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }
    return result.stdout.strip(), files


THEME = """\
---
title: Motivatie als motor
summary: Motivatie als motor van talentontwikkeling.
order: 1
---
Over motivatie.
"""
PARTNER = """\
---
name: Museum Boerhaave
sectors: [po, vo]
membership: uitgebreid
municipality: Leiden
member_since: 2016-09-01
themes: [motivatie]
---
Het museum voor de geschiedenis van wetenschap en geneeskunde.
"""
PROJECT = """\
---
title: Gluren bij de Buren
code: "3a"
theme: motivatie
status: lopend
leads: [Trekker namens SPL]
partners: [museum-boerhaave]
sectors: [vve, po]
goal: Leerkrachten en pedagogisch medewerkers lopen bij elkaar mee.
start: 2018-09-01
---
Over het project.
"""
ACTIVITY = """\
---
title: Themabijeenkomst motivatie
start: 2026-12-10 15:30
end: 2026-12-10 17:30
location: {name: Museum Boerhaave, address: "Lange Sint Agnietenstraat 10, Leiden"}
sectors: [po]
kind: themabijeenkomst
theme: motivatie
project: gluren-bij-de-buren
partners: [museum-boerhaave]
registration_url: https://www.example.nl/aanmelden
---
Welkom.
"""
NEWS = """\
---
title: Nieuwe leergemeenschap
date: 2026-10-01
kind: nieuws
summary: Een nieuwe leergemeenschap gaat van start.
sectors: [po]
partners: [museum-boerhaave]
project: gluren-bij-de-buren
---
Nieuws.
"""
RESOURCE = """\
---
title: Kennisagenda onderwijs
kind: onderzoek
summary: De kennisagenda van de onderwijsraden.
url: https://www.nro.nl/
themes: [motivatie]
---
"""
SMALL_NETWORK = {
    "index.md": "# Ons netwerk\n\nWelkom.\n",
    "themas/motivatie.md": THEME,
    "partners/museum-boerhaave.md": PARTNER,
    "projecten/gluren-bij-de-buren.md": PROJECT,
    "agenda/themabijeenkomst-motivatie.md": ACTIVITY,
    "nieuws/nieuwe-leergemeenschap.md": NEWS,
    "kennisbank/kennisagenda.md": RESOURCE,
}

MKDOCS_YML = {
    "site_name": "Testnetwerk",
    "site_url": "https://netwerk.example.nl/",
    "docs_dir": "content",
    "theme": {
        "name": "material",
        "language": "nl",
        "font": False,
    },
    "nav": [
        {"Home": "index.md"},
        {"Agenda": "agenda/index.md"},
        {"Partners": "partners/index.md"},
        {"Thema's": "themas/index.md"},
        {"Projecten": "projecten/index.md"},
        {"Nieuws": "nieuws/index.md"},
        {"Kennisbank": "kennisbank/index.md"},
        {"Organisatie": "organisatie.md"},
    ],
    "validation": {
        "nav": {"omitted_files": "warn", "not_found": "warn", "absolute_links": "warn"},
        "links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "warn"},
    },
}


# The tests' networks have membership tiers (a network without `memberships` has none):
# `configure(memberships=None)` leaves them out.
TIERS = {
    "basis": "Basislidmaatschap",
    "uitgebreid": "Uitgebreid lidmaatschap",
    "convenant": "Convenantpartner",
}


class Site:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"
        self.output = root / "site"

    def write(self, files: dict[str, str | bytes]) -> Site:
        for name, text in files.items():
            path = self.content / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        return self

    def configure(self, **netwerk: object) -> Site:
        """Write mkdocs.yml; keyword arguments are options of the netwerk plugin."""
        options = {"build_date": BUILD_DATE, "memberships": TIERS, **netwerk}
        plugins = [{"search": {"lang": "nl"}}, {"netwerk": options}]
        config = dict(MKDOCS_YML, plugins=plugins)
        (self.root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        return self

    def build(self, strict: bool = True) -> Site:
        if not (self.root / "mkdocs.yml").exists():
            self.configure()
        build_network(self.root, strict=strict)
        return self

    def page(self, url: str) -> str:
        return (self.output / url / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's example network, built strictly once per test run: for the tests of
    the example itself (the generator's tests build their own networks)."""
    output = tmp_path_factory.mktemp("example") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETWERK_BUILD_DATE", BUILD_DATE)
        return build_network(REPO, site_dir=output)


@pytest.fixture(scope="session")
def rich_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tests' own network with every kind of page (tests/networks.py), not yet built."""
    from networks import write_rich_network

    return write_rich_network(tmp_path_factory.mktemp("rich"), build_date=BUILD_DATE)


@pytest.fixture(scope="session")
def rich(rich_root: Path) -> Path:
    """The tests' own network with every kind of page, built strictly once per test run."""
    return build_network(rich_root)


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return Site(tmp_path)


@pytest.fixture
def small_site(site: Site) -> Site:
    return site.write(SMALL_NETWORK)


SiteFactory = Callable[[dict[str, str]], Site]


@pytest.fixture(autouse=True)
def _no_build_date_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NETWERK_BUILD_DATE", raising=False)
