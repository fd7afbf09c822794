"""Messages as an editor meets them while writing (issue 16): each with its exact text."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from conftest import ACTIVITY, NEWS, PARTNER, SMALL_NETWORK, THEME, Site
from netwerk.core.audiences import Audience
from netwerk.core.editions import load_editions
from netwerk.core.loader import load_network
from netwerk.core.problems import ContentError, closest, closest_field
from netwerk.core.settings import Settings

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
        "Netwerkbijeenkomst voorjaar",
        f"{NEWS_FILE}:1: title: ontbreekt; voeg een titel toe, bijvoorbeeld title: "
        "Nieuwe leergemeenschap van start",
        f"{THEMES}:3: summary: is leeg; vul een samenvatting van één of twee zinnen in, "
        "bijvoorbeeld summary: Hoe scholen en partners samen werken aan taal en lezen.",
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
        "Nieuwe leergemeenschap van start",
        f"{NEWS_FILE}:2: titel: is geen bekend veld; bedoelde je 'title'?",
        f"{PARTNERS}:1: name: ontbreekt; voeg een naam toe, bijvoorbeeld name: Voorbeeldschool",
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


# --- YAML syntax: at the line where the mistake is, in Dutch -------------------------------

# An activity whose 7th line is `sectors: [vve, po]` and whose 5th is `start: ...`.
LONG_ACTIVITY = """\
---
title: Themabijeenkomst motivatie
summary: Over motivatie.
kind: themabijeenkomst
start: 2026-12-10 15:30
end: 2026-12-10 17:30
sectors: [po]
location: {name: Museum Boerhaave, address: "Lange Sint Agnietenstraat 10, Leiden"}
theme: motivatie
project: gluren-bij-de-buren
partners: [museum-boerhaave]
registration_url: https://www.example.nl/aanmelden
---
Welkom.
"""
YAML_CASES = {
    "an unclosed bracket": (
        ("sectors: [po]", "sectors: [po, vo"),
        f"{AGENDA}:7: front matter: het haakje '[' op deze regel wordt niet gesloten; zet ']' "
        "aan het eind: sectors: [po, vo]",
    ),
    "an unclosed brace": (
        (
            'location: {name: Museum Boerhaave, address: "Lange Sint Agnietenstraat 10, Leiden"}',
            "location: {name: Museum Boerhaave",
        ),
        f"{AGENDA}:8: front matter: het haakje '{{' op deze regel wordt niet gesloten; zet '}}' "
        "aan het eind: location: {name: Museum Boerhaave}",
    ),
    "an unclosed quote up to the end": (
        ("start: 2026-12-10 15:30", 'start: "2026-12-10 15:30'),
        f'{AGENDA}:5: front matter: het aanhalingsteken (") aan het begin van de waarde wordt '
        'niet gesloten; zet er ook een aan het eind: start: "2026-12-10 15:30"',
    ),
    "an unclosed quote that a later quote closes": (
        ("summary: Over motivatie.", 'summary: "Over motivatie.'),
        f'{AGENDA}:3: front matter: het aanhalingsteken (") aan het begin van de waarde wordt '
        'niet gesloten; zet er ook een aan het eind: summary: "Over motivatie."',
    ),
    "text after a quoted value": (
        ("title: Themabijeenkomst motivatie", 'title: "Themabijeenkomst" motivatie'),
        f"{AGENDA}:2: front matter: na het aanhalingsteken dat de waarde sluit staat nog tekst; "
        "zet de hele waarde tussen aanhalingstekens, zoals "
        "title: '\"Themabijeenkomst\" motivatie'",
    ),
    "a field without its colon": (
        ("kind: themabijeenkomst", "kind themabijeenkomst"),
        f"{AGENDA}:4: front matter: de dubbele punt na de veldnaam ontbreekt; schrijf elk veld "
        "als 'naam: waarde'",
    ),
    "a line indented under a value": (
        ("end: 2026-12-10 17:30", "  end: 2026-12-10 17:30"),
        f"{AGENDA}:6: front matter: deze regel springt verder in dan de regel erboven; haal de "
        "spaties aan het begin weg, of zet de waarde van het veld erboven ook op een eigen, "
        "ingesprongen regel",
    ),
    "a value starting with @": (
        ("summary: Over motivatie.", "summary: @motivatie"),
        f"{AGENDA}:3: front matter: een waarde die met '@' begint, moet tussen "
        'aanhalingstekens; schrijf summary: "@motivatie"',
    ),
    "a bracket too many": (
        ("sectors: [po]", "sectors: [po]]"),
        f"{AGENDA}:7: front matter: er staat een ']' te veel: hij sluit niets af; haal hem weg, "
        "of zet het begin '[' ervoor",
    ),
}


@pytest.mark.parametrize(("change", "message"), YAML_CASES.values(), ids=YAML_CASES.keys())
def test_a_yaml_mistake_is_reported_where_it_is_in_dutch(
    site: Site, change: tuple[str, str], message: str
) -> None:
    activity = replace(LONG_ACTIVITY, *change)
    assert problems(site, {"agenda/themabijeenkomst-motivatie.md": activity}) == [message]


def test_a_list_over_more_lines_is_fine(site: Site) -> None:
    activity = replace(LONG_ACTIVITY, "sectors: [po]", "sectors: [po,\n  vo]")
    site.write(SMALL_NETWORK).write({"agenda/themabijeenkomst-motivatie.md": activity})
    network = load_network(site.content, SETTINGS)
    assert network.activities["themabijeenkomst-motivatie"].sectors == ["po", "vo"]


# --- The closing `---` ---------------------------------------------------------------------

CLOSING_CASES = {
    "the text follows the fields": (
        "---\ntitle: Motivatie\nsummary: Over motivatie.\nDit is de tekst.\n",
        f"{THEMES}:4: front matter: de afsluitende regel '---' ontbreekt; hier lijkt de tekst "
        "te beginnen: zet een regel met alleen '---' boven deze regel",
    ),
    "the text starts with a heading": (
        "---\ntitle: Motivatie\nsummary: Over motivatie.\n\n# Motivatie\n\nDit is de tekst.\n",
        f"{THEMES}:5: front matter: de afsluitende regel '---' ontbreekt; hier lijkt de tekst "
        "te beginnen: zet een regel met alleen '---' boven deze regel",
    ),
    "there is no text": (
        "---\ntitle: Motivatie\nsummary: Over motivatie.\n\n",
        f"{THEMES}:3: front matter: de afsluitende regel '---' ontbreekt; zet een regel met "
        "alleen '---' onder het laatste veld",
    ),
    "two dashes": (
        "---\ntitle: Motivatie\nsummary: Over motivatie.\n--\nDit is de tekst.\n",
        f"{THEMES}:4: front matter: '--' sluit de front matter niet af; schrijf precies drie "
        "streepjes: ---",
    ),
}


@pytest.mark.parametrize(("text", "message"), CLOSING_CASES.values(), ids=CLOSING_CASES.keys())
def test_a_missing_closing_line_is_reported_where_the_fields_end(
    site: Site, text: str, message: str
) -> None:
    assert problems(site, {"themas/motivatie.md": text}) == [message]


# --- The organisation file is data, not front matter ---------------------------------------


def test_problems_in_the_organisation_file_are_not_called_front_matter(site: Site) -> None:
    found = problems(
        site,
        {"organisatie.yml": "intro: Wie is wie.\ngroups:\n  - name: [Regiegroep\n    task: x\n"},
    )
    assert found == [
        "content/organisatie.yml:3: bestand: het haakje '[' op deze regel wordt niet gesloten; "
        "zet ']' aan het eind: - name: [Regiegroep]"
    ]
    found = problems(site, {"organisatie.yml": "intro: Wie is wie.\nintro: Nog eens.\n"})
    assert found == [
        "content/organisatie.yml:2: intro: staat twee keer in het bestand (ook op regel 1); "
        "houd er één over"
    ]
    assert problems(site, {"organisatie.yml": "- Regiegroep\n"}) == [
        "content/organisatie.yml:1: bestand: verwacht velden met een naam en een waarde, zoals "
        "'title: Mijn titel'"
    ]


# --- Newsletter editions -------------------------------------------------------------------


def test_a_bad_link_in_an_edition_s_text_is_reported_on_its_line(site: Site) -> None:
    found = edition_problems(
        site,
        """\
        ---
        date: 2026-10-05
        subject: Nieuwsbrief oktober
        ---
        Welkom.

        Zie [de agenda](agenda/) en [dit](javascript:alert(1)).
        """,
    )
    assert found == [
        f"{EDITION}:7: tekst: de link 'javascript:alert(1)' kan niet in een e-mail; gebruik een "
        "webadres dat begint met https:// of mailto:, of een pad op de site zoals agenda/"
    ]


# --- Dates and times -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "'20-01-2027 14:00'",
            "'20-01-2027 14:00' is geen datum en tijd in de vorm jjjj-mm-dd uu:mm; "
            "schrijf 2027-01-20 14:00",
        ),
        (
            "'20/1/2027 9.30'",
            "'20/1/2027 9.30' is geen datum en tijd in de vorm jjjj-mm-dd uu:mm; "
            "schrijf 2027-01-20 09:30",
        ),
        (
            "2027-01-20 14.00",
            "'2027-01-20 14.00' is geen datum en tijd in de vorm jjjj-mm-dd uu:mm; "
            "schrijf 2027-01-20 14:00",
        ),
        ("20-01-2027", "'20-01-2027' is geen datum in de vorm jjjj-mm-dd; schrijf 2027-01-20"),
    ],
)
def test_a_date_and_time_written_otherwise_gets_the_corrected_value(
    site: Site, written: str, message: str
) -> None:
    activity = replace(ACTIVITY, "start: 2026-12-10 15:30", f"start: {written}")
    activity = replace(activity, "end: 2026-12-10 17:30\n", "")
    assert problems(site, {"agenda/themabijeenkomst-motivatie.md": activity}) == [
        f"{AGENDA}:3: start: {message}"
    ]


def test_a_time_where_only_a_date_belongs_gets_the_date(site: Site) -> None:
    news = replace(NEWS, "date: 2026-10-01", "date: '01-10-2026 14:00'")
    assert problems(site, {"nieuws/nieuwe-leergemeenschap.md": news}) == [
        f"{NEWS_FILE}:3: date: '01-10-2026 14:00' heeft een tijd, maar hier hoort alleen een "
        "datum; schrijf 2026-10-01"
    ]


# --- mkdocs.yml: every problem at once -----------------------------------------------------


def test_every_problem_in_the_settings_is_named_at_once(site: Site) -> None:
    from netwerk.core.options import options_from
    from netwerk.core.problems import SettingsError

    with pytest.raises(SettingsError) as caught:
        options_from(
            {
                "sectorss": {"po": "Primair onderwijs"},
                "time_zone": "Europe/Amsterdm",
                "featured_memberships": "basis, uitgebreid",
                "memberships": {"basis": "Basis", "Uitgebreid": "Uitgebreid"},
                "audiences": [
                    {"slug": "po", "name": "Primair onderwijs", "sectors": "po, vo"},
                    {"slug": "Mbo", "name": "MBO", "sectors": ["mbo"]},
                    {"slug": "ho", "sectors": ["hbo"]},
                ],
                "newsletter_from": "iemand",
                "newsletter_horizon_days": "veel",
            },
            site_url="https://netwerk.example.nl/",
            site_name="Testnetwerk",
        )
    assert caught.value.report("mkdocs.yml").splitlines() == [
        "10 problemen in de instellingen in mkdocs.yml:",
        "mkdocs.yml: netwerk: sectorss: deze instelling bestaat niet; bedoelde je 'sectors'?",
        "mkdocs.yml: netwerk: memberships: 'Uitgebreid: Uitgebreid' moet 'code: Naam' zijn, met "
        "een code van kleine letters, cijfers en streepjes, zoals 'po: Primair onderwijs'",
        "mkdocs.yml: netwerk: time_zone: 'Europe/Amsterdm' is geen tijdzone; bedoelde je "
        "'Europe/Amsterdam'?",
        "mkdocs.yml: netwerk: audiences: doelgroep 1 (po): sectors: 'po, vo' is meer dan één "
        "waarde; schrijf ze als lijst tussen haken: [po, vo]",
        "mkdocs.yml: netwerk: audiences: doelgroep 2: slug 'Mbo' moet uit kleine letters, "
        "cijfers en streepjes bestaan, zoals vo-ho",
        "mkdocs.yml: netwerk: audiences: doelgroep 3 (ho): name ontbreekt, zoals name: "
        "Primair onderwijs",
        "mkdocs.yml: netwerk: audiences: doelgroep 3 (ho): 'hbo' is geen sector; bedoelde je 'ho'?",
        "mkdocs.yml: netwerk: newsletter_from: 'iemand' is geen afzender; schrijf naam en "
        "e-mailadres, zoals newsletter_from: Testnetwerk <nieuwsbrief@example.nl>",
        "mkdocs.yml: netwerk: newsletter_unsubscribe_url: '' is geen https-adres; geef de "
        "afmeldpagina van je mailprogramma, zoals https://www.example.nl/afmelden?lijst={audience}",
        "mkdocs.yml: netwerk: newsletter_horizon_days: 'veel' is geen aantal dagen; schrijf een "
        "getal, zoals 90",
    ]


def test_a_list_of_memberships_without_brackets_gets_the_list(site: Site) -> None:
    from netwerk.core.options import options_from
    from netwerk.core.problems import SettingsError

    with pytest.raises(SettingsError) as caught:
        options_from(
            {"featured_memberships": "basis, uitgebreid"}, site_url=None, site_name="Testnetwerk"
        )
    assert caught.value.report("mkdocs.yml") == (
        "mkdocs.yml: netwerk: featured_memberships: 'basis, uitgebreid' is meer dan één waarde; "
        "schrijf ze als lijst tussen haken: [basis, uitgebreid]"
    )


def test_the_build_and_the_check_name_every_bad_setting(
    site: Site,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mkdocs.exceptions import Abort

    from netwerk.editing.cli import main

    site.write(SMALL_NETWORK).configure(time_zone="Europe/Amsterdm", calendar_past_days=-1)
    expected = [
        "2 problemen in de instellingen in mkdocs.yml:",
        "mkdocs.yml: netwerk: time_zone: 'Europe/Amsterdm' is geen tijdzone; bedoelde je "
        "'Europe/Amsterdam'?",
        "mkdocs.yml: netwerk: calendar_past_days: '-1' is geen aantal dagen; schrijf een getal, "
        "zoals 90",
    ]
    with pytest.raises(Abort):
        site.build()
    assert "\n".join(expected) in caplog.text
    monkeypatch.chdir(site.root)
    capsys.readouterr()
    assert main(["controleer"]) == 1
    assert capsys.readouterr().err == "Fout: " + "\n".join(expected) + "\n"


# --- No state from one build in the next ---------------------------------------------------

SECOND_NEWS = NEWS.replace("title: Nieuwe leergemeenschap", "title: Tweede bericht").replace(
    "date: 2026-10-01", "date: 2026-10-02"
)


def test_a_plugin_that_builds_twice_forgets_the_first_build(site: Site) -> None:
    """`mkdocs serve` may keep one plugin object for every rebuild."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site.write(SMALL_NETWORK).write({"nieuws/tweede-bericht.md": SECOND_NEWS}).configure()
    config = load_config(str(site.root / "mkdocs.yml"), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["netwerk"]
    try:
        build(config)
        assert "tweede-bericht" in plugin.news_html
        (site.content / "nieuws" / "tweede-bericht.md").unlink()
        build(config)
    finally:
        config.plugins.on_shutdown()
    assert "tweede-bericht" not in plugin.news_html
    assert "nieuwe-leergemeenschap" in plugin.news_html
    assert "nieuws/tweede-bericht.md" not in plugin.pages
    assert "Tweede bericht" not in (site.output / "feeds" / "nieuws.xml").read_text("utf-8")
    assert not (site.output / "nieuws" / "tweede-bericht").exists()


# --- The handbook explains them ------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "is meer dan één waarde; schrijf ze als lijst tussen haken",
        "title: ontbreekt; voeg een titel toe, bijvoorbeeld",
        "title: is leeg; vul een titel in, bijvoorbeeld",
        "is geen bekend veld; kies uit:",
        "het haakje '[' op deze regel wordt niet gesloten",
        'het aanhalingsteken (") aan het begin van de waarde wordt niet gesloten',
        "na het aanhalingsteken dat de waarde sluit staat nog tekst",
        "de dubbele punt na de veldnaam ontbreekt",
        "deze regel springt verder in dan de regel erboven",
        "de afsluitende regel '---' ontbreekt; hier lijkt de tekst te beginnen",
        "sluit de front matter niet af; schrijf precies drie streepjes",
        "is geen datum en tijd in de vorm jjjj-mm-dd uu:mm; schrijf",
        "heeft een tijd, maar hier hoort alleen een datum",
        "heeft een waarde die hier niet past",
        "kijk in content/nieuws/ hoe het bestand heet",
        "tekst: de link '...' kan niet in een e-mail",
        "problemen in de instellingen in mkdocs.yml:",
        "bestand: het haakje",
    ],
)
def test_the_handbook_explains_the_message(message: str, rich: Path) -> None:
    import html

    page = (rich / "handleiding" / "meldingen" / "index.html").read_text(encoding="utf-8")
    assert message in html.unescape(page)
