"""Messages as an editor meets them while writing (issue 16): each with its exact text."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from conftest import ACTIVITY, NEWS, PARTNER, SMALL_NETWORK, THEME, Site
from netwerk.loader import load_network
from netwerk.newsletters import Audience, load_editions
from netwerk.problems import ContentError, closest, closest_field
from netwerk.settings import Settings

SETTINGS = Settings(build_date=date(2026, 11, 23))
AGENDA = "content/agenda/themabijeenkomst-motivatie.md"
PARTNERS = "content/partners/museum-boerhaave.md"
NEWS_FILE = "content/nieuws/nieuwe-leergemeenschap.md"
THEMES = "content/themas/motivatie.md"
EDITION = "newsletters/2026-10.md"
AUDIENCES = [Audience("po", "Primair onderwijs", ("po",)), Audience("vo", "VO", ("vo",))]


def problems(site: Site, files: dict[str, str | bytes]) -> list[str]:
    site.write(SMALL_NETWORK).write(files)
    with pytest.raises(ContentError) as caught:
        load_network(site.content, SETTINGS)
    return [str(problem) for problem in caught.value.problems]


def edition_problems(site: Site, text: str) -> list[str]:
    site.write(SMALL_NETWORK)
    folder = site.root / "newsletters"
    folder.mkdir()
    (folder / "2026-10.md").write_text(textwrap.dedent(text), encoding="utf-8")
    _, found = load_editions(
        folder,
        SETTINGS,
        AUDIENCES,
        load_network(site.content, SETTINGS),
        content_dir=site.content,
        root=site.root,
    )
    return [str(problem) for problem in sorted(set(found))]


def replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


# --- Lists written without brackets --------------------------------------------------------


def test_a_list_without_brackets_gets_the_list_it_should_be(site: Site) -> None:
    activity = replace(ACTIVITY, "sectors: [po]", "sectors: po, vo")
    activity = replace(activity, "partners: [museum-boerhaave]", "partners: museum-boerhaave, x")
    partner = replace(PARTNER, "themes: [motivatie]", "themes: motivatie,talent")
    assert problems(
        site,
        {"agenda/themabijeenkomst-motivatie.md": activity, "partners/museum-boerhaave.md": partner},
    ) == [
        f"{AGENDA}:6: sectors: 'po, vo' is meer dan één waarde; schrijf ze als lijst tussen "
        "haken: [po, vo]",
        f"{AGENDA}:10: partners: 'museum-boerhaave, x' is meer dan één waarde; schrijf ze als "
        "lijst tussen haken: [museum-boerhaave, x]",
        f"{PARTNERS}:7: themes: 'motivatie,talent' is meer dan één waarde; schrijf ze als lijst "
        "tussen haken: [motivatie, talent]",
    ]


def test_one_code_without_brackets_is_still_a_list(site: Site) -> None:
    site.write(SMALL_NETWORK).write(
        {"agenda/themabijeenkomst-motivatie.md": replace(ACTIVITY, "sectors: [po]", "sectors: po")}
    )
    network = load_network(site.content, SETTINGS)
    assert network.activities["themabijeenkomst-motivatie"].sectors == ["po"]


def test_an_edition_s_lists_without_brackets_get_the_list_too(site: Site) -> None:
    found = edition_problems(
        site,
        """\
        ---
        date: 2026-10-05
        subject: Nieuwsbrief oktober
        audiences: po, vo
        highlights: nieuws/nieuwe-leergemeenschap, agenda/themabijeenkomst-motivatie
        ---
        """,
    )
    assert found == [
        f"{EDITION}:4: audiences: 'po, vo' is meer dan één waarde; schrijf ze als lijst tussen "
        "haken: [po, vo]",
        f"{EDITION}:5: highlights: 'nieuws/nieuwe-leergemeenschap, "
        "agenda/themabijeenkomst-motivatie' is meer dan één waarde; schrijf ze als lijst tussen "
        "haken: [nieuws/nieuwe-leergemeenschap, agenda/themabijeenkomst-motivatie]",
    ]


# --- Required fields: empty or missing -----------------------------------------------------


def test_an_empty_and_a_missing_required_field_say_what_to_write(site: Site) -> None:
    found = problems(
        site,
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "title: Themabijeenkomst motivatie", "title:"
            ),
            "nieuws/nieuwe-leergemeenschap.md": replace(
                NEWS, "title: Nieuwe leergemeenschap\n", ""
            ),
            "themas/motivatie.md": replace(
                THEME, "summary: Motivatie als motor van talentontwikkeling.", 'summary: ""'
            ),
        },
    )
    assert found == [
        f"{AGENDA}:2: title: is leeg; vul een titel in, bijvoorbeeld title: "
        "Netwerkbijeenkomst contactpersonen",
        f"{NEWS_FILE}:1: title: ontbreekt; voeg een titel toe, bijvoorbeeld title: "
        "Nieuwe leergemeenschap po-vo van start",
        f"{THEMES}:3: summary: is leeg; vul een samenvatting van één of twee zinnen in",
    ]


def test_an_empty_optional_field_may_also_go(site: Site) -> None:
    partner = replace(PARTNER, "municipality: Leiden", 'municipality: " "')
    assert problems(site, {"partners/museum-boerhaave.md": partner}) == [
        f"{PARTNERS}:5: municipality: is leeg; vul een waarde in of haal de regel weg"
    ]


# --- Suggestions ---------------------------------------------------------------------------


def test_a_dutch_field_name_suggests_the_field_it_means(site: Site) -> None:
    found = problems(
        site,
        {
            "nieuws/nieuwe-leergemeenschap.md": replace(
                NEWS, "title: Nieuwe leergemeenschap", "titel: Nieuwe leergemeenschap"
            ),
            "partners/museum-boerhaave.md": replace(
                PARTNER, "name: Museum Boerhaave", "titel: Museum Boerhaave"
            ),
        },
    )
    assert found == [
        f"{NEWS_FILE}:1: title: ontbreekt; voeg een titel toe, bijvoorbeeld title: "
        "Nieuwe leergemeenschap po-vo van start",
        f"{NEWS_FILE}:2: titel: is geen bekend veld; bedoelde je 'title'?",
        f"{PARTNERS}:1: name: ontbreekt; voeg een naam toe, bijvoorbeeld name: Museum Boerhaave",
        f"{PARTNERS}:2: titel: is geen bekend veld; bedoelde je 'name'?",
    ]


def test_an_unknown_field_without_a_near_name_lists_the_fields(site: Site) -> None:
    activity = replace(ACTIVITY, "kind: themabijeenkomst", "kind: themabijeenkomst\nprijs: 10")
    assert problems(site, {"agenda/themabijeenkomst-motivatie.md": activity}) == [
        f"{AGENDA}:8: prijs: is geen bekend veld; kies uit: draft, end, kind, location, "
        "online_url, partners, project, registration_url, sectors, start, status, summary, "
        "theme, title"
    ]


@pytest.mark.parametrize(
    ("value", "options", "meant"),
    [
        ("p0", ["ho", "mbo", "po", "vo", "vve"], "po"),
        ("sectros", ["sectors", "summary"], "sectors"),
        ("titel", ["title", "website"], "title"),
        ("gluren", ["gluren-bij-de-buren", "museum"], "gluren-bij-de-buren"),
        ("po", ["mbo", "vo-ho", "vve-po"], "vve-po"),
        ("Europe/Amsterdm", ["Europe/Amsterdam", "Europe/Andorra"], "Europe/Amsterdam"),
        ("bestaatniet", ["nieuwe-leergemeenschap", "interview-trainers"], None),
        ("borrel", ["conferentie", "lezing", "training"], None),
        ("titel", ["name", "website", "summary"], None),
    ],
)
def test_closest_offers_only_what_is_close(value: str, options: list[str], meant: str) -> None:
    assert closest(value, options) == meant


def test_closest_field_knows_dutch_names() -> None:
    partner = ["name", "summary", "sectors", "membership", "website", "municipality"]
    assert closest_field("titel", partner) == "name"
    assert closest_field("werkvelden", partner) == "sectors"
    assert closest_field("gemeente", partner) == "municipality"
    assert closest_field("samenvating", partner) == "summary"
    assert closest_field("kleur", partner) is None


def test_a_highlight_that_does_not_exist_gets_no_unrelated_suggestion(site: Site) -> None:
    found = edition_problems(
        site,
        """\
        ---
        date: 2026-10-05
        subject: Nieuwsbrief oktober
        highlights:
          - nieuws/bestaatniet
          - nieuws/nieuwe-leergemeenschp
          - nieuws
        ---
        """,
    )
    assert found == [
        f"{EDITION}:5: highlights: 'nieuws/bestaatniet' is geen gepubliceerd item (er is geen "
        "content/nieuws/bestaatniet.md); kijk in content/nieuws/ hoe het bestand heet",
        f"{EDITION}:6: highlights: 'nieuws/nieuwe-leergemeenschp' is geen gepubliceerd item; "
        "bedoelde je 'nieuws/nieuwe-leergemeenschap'?",
        f"{EDITION}:7: highlights: 'nieuws' is een map; schrijf nieuws/ met de bestandsnaam "
        "van het item erachter",
    ]
