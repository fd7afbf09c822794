"""The example network at the repo root builds strictly, with a page for every published item."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import BUILD_DATE, REPO, TIERS
from netwerk.core.frontmatter import read_source
from netwerk.core.loader import load_network
from netwerk.core.models import COLLECTIONS
from netwerk.core.network import Network
from netwerk.core.settings import Settings


@pytest.fixture(scope="module")
def example_network(example: Path) -> tuple[Network, Path]:
    settings = Settings(memberships=TIERS, build_date=date.fromisoformat(BUILD_DATE))
    return load_network(REPO / "content", settings), example


def drafts() -> list[str]:
    found = []
    for model in COLLECTIONS:
        for path in sorted((REPO / "content" / model.folder).glob("*.md")):
            source = read_source(path.name, path.read_bytes())
            if str(source.data.get("draft")).lower() == "true":
                found.append(f"{model.folder}/{path.stem}")
    return found


def test_the_example_is_a_rich_network(example_network: tuple[Network, Path]) -> None:
    network, _ = example_network
    assert len(network.themes) >= 3
    assert len(network.projects) >= 15
    assert len(network.partners) >= 30
    assert len(network.activities) >= 12
    assert len(network.news) >= 8
    assert len(network.resources) >= 6
    assert set(network.partners_by_sector) == set(Settings().sectors)
    assert set(network.partners_by_membership) == {"basis", "uitgebreid", "convenant"}
    assert network.upcoming() and network.past()
    assert max(a.last_day for a in network.activities.values()).year == 2027
    assert len(network.organisation.groups) >= 4


def test_every_published_item_has_a_page(example_network: tuple[Network, Path]) -> None:
    network, output = example_network
    missing = [
        item.page_url
        for item in network.items()
        if not (output / item.page_url / "index.html").is_file()
    ]
    assert missing == []


def test_drafts_have_no_page(example_network: tuple[Network, Path]) -> None:
    _, output = example_network
    found = drafts()
    assert found, "the example shows the draft switch"
    assert [draft for draft in found if (output / draft).exists()] == []


def test_no_personal_contact_details_in_the_example() -> None:
    import re

    text = "\n".join(path.read_text(encoding="utf-8") for path in (REPO / "content").rglob("*.md"))
    text += (REPO / "content" / "organisatie.yml").read_text(encoding="utf-8")
    assert re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text) == []
    assert re.findall(r"\b0\d{1,3}[- ]?\d{6,8}\b", text) == []
