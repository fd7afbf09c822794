"""A network builds strictly with a page for every published item and none for a draft (the
tests' own network, tests/networks.py); and the repository's example builds strictly."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from conftest import BUILD_DATE, REPO, TIERS, Site, build_network
from netwerk.core.frontmatter import read_source
from netwerk.core.loader import load_network
from netwerk.core.models import COLLECTIONS
from netwerk.core.network import Network
from netwerk.core.settings import Settings
from networks import write_rich_network

# One draft of each kind, beside the rich network's published items.
DRAFTS = {
    "partners/museum-noord.md": """\
        ---
        name: Museum Noord
        sectors: [po]
        membership: basis
        draft: true
        ---
        Nog niet bekend.
        """,
    "themas/burgerschap.md": """\
        ---
        title: Burgerschap
        summary: Burgerschap in de hele regio.
        order: 3
        draft: true
        ---
        Nog niet af.
        """,
    "projecten/schrijfplezier.md": """\
        ---
        title: Schrijfplezier
        theme: motivatie
        status: nieuw
        sectors: [po]
        goal: Meer kinderen schrijven voor hun plezier.
        draft: true
        ---
        Nog niet af.
        """,
    "agenda/werkbezoek.md": """\
        ---
        title: Werkbezoek
        start: 2027-01-14 10:00
        location: {name: Scholengroep Noord}
        sectors: [vo]
        kind: netwerkbijeenkomst
        draft: true
        ---
        Nog niet bevestigd.
        """,
    "nieuws/concept-bericht.md": """\
        ---
        title: Concept van een bericht
        date: 2026-11-20
        kind: nieuws
        summary: Nog niet af.
        sectors: [po]
        draft: true
        ---
        Nog niet af.
        """,
    "kennisbank/concept-gids.md": """\
        ---
        title: Concept van een gids
        kind: tool
        summary: Nog niet af.
        draft: true
        ---
        """,
}


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tests' rich network with a draft of each kind, built strictly: its root."""
    root = write_rich_network(tmp_path_factory.mktemp("concepten"), build_date=BUILD_DATE)
    Site(root).write(DRAFTS)
    build_network(root)
    return root


@pytest.fixture(scope="module")
def network(drafted: Path) -> Network:
    settings = Settings(memberships=TIERS, build_date=date.fromisoformat(BUILD_DATE))
    return load_network(drafted / "content", settings)


def drafts(content: Path) -> list[str]:
    found = []
    for model in COLLECTIONS:
        for path in sorted((content / model.folder).glob("*.md")):
            source = read_source(path.name, path.read_bytes())
            if str(source.data.get("draft")).lower() == "true":
                found.append(f"{model.folder}/{path.stem}")
    return found


def test_the_tests_network_has_every_kind_of_item(network: Network) -> None:
    assert list(network.themes) == ["motivatie", "overgang"]
    assert sorted(network.projects) == ["doorstroom", "leesplezier"]
    assert sorted(network.partners) == [
        "bibliotheek-noord",
        "hogeschool-noord",
        "scholengroep-noord",
        "vakcollege-noord",
    ]
    assert sorted(network.activities) == [
        "conferentie-2027",
        "leesavond",
        "netwerkbijeenkomst-2025",
        "webinar-doorstroom",
    ]
    assert sorted(network.news) == ["oproep-scholen", "start-leesplezier", "terugblik-2025"]
    assert sorted(network.resources) == ["keuzegids", "leesonderzoek"]
    assert set(network.partners_by_sector) == set(Settings().sectors)
    assert set(network.partners_by_membership) == {"basis", "uitgebreid", "convenant"}
    assert [a.slug for a in network.upcoming()] == [
        "leesavond",
        "webinar-doorstroom",
        "conferentie-2027",
    ]
    assert [a.slug for a in network.past()] == ["netwerkbijeenkomst-2025"]
    assert max(a.last_day for a in network.activities.values()) == date(2027, 4, 16)
    assert [group.name for group in network.organisation.groups] == [
        "Stuurgroep",
        "Werkgroep communicatie",
    ]


def test_every_published_item_has_a_page(drafted: Path, network: Network) -> None:
    output = drafted / "site"
    pages = [item.page_url for item in network.items()]
    assert len(pages) == 2 + 2 + 4 + 4 + 3 + 2
    missing = [url for url in pages if not (output / url / "index.html").is_file()]
    assert missing == []


def test_drafts_have_no_page(drafted: Path) -> None:
    found = drafts(drafted / "content")
    assert found == [
        "partners/museum-noord",
        "themas/burgerschap",
        "projecten/schrijfplezier",
        "agenda/werkbezoek",
        "nieuws/concept-bericht",
        "kennisbank/concept-gids",
    ]
    assert [draft for draft in found if (drafted / "site" / draft).exists()] == []


# --- The repository's example ------------------------------------------------------------------


def test_the_repositorys_example_builds_strictly_without_personal_contact_details(
    example: Path,
) -> None:
    """A test of the example at the repository's root, not of the generator: it builds with
    --strict (the `example` fixture), and as it is published with the source, its content
    names no one's email address or phone number."""
    assert (example / "index.html").is_file()
    text = "\n".join(path.read_text(encoding="utf-8") for path in (REPO / "content").rglob("*.md"))
    text += (REPO / "content" / "organisatie.yml").read_text(encoding="utf-8")
    assert re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text) == []
    assert re.findall(r"\b0\d{1,3}[- ]?\d{6,8}\b", text) == []
