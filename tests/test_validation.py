"""Every validation rule, with the exact message an editor reads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import ACTIVITY, NEWS, PARTNER, PROJECT, RESOURCE, SMALL_NETWORK, TIERS, Site
from netwerk.addresses import reserved
from netwerk.core.loader import load_network
from netwerk.core.network import Network
from netwerk.core.problems import ContentError
from netwerk.core.settings import Settings

SETTINGS = Settings(memberships=TIERS, build_date=date(2026, 11, 23))
AGENDA = "content/agenda/themabijeenkomst-motivatie.md"
PARTNERS = "content/partners/museum-boerhaave.md"


def load(site: Site, files: dict[str, str | bytes]) -> Network:
    site.write(SMALL_NETWORK).write(files)
    return load_network(site.content, SETTINGS, reserved=reserved(SETTINGS))


def problems(site: Site, files: dict[str, str | bytes]) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load(site, files)
    return [str(problem) for problem in caught.value.problems]


def replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


def test_the_small_network_is_valid(site: Site) -> None:
    network = load(site, {})
    assert list(network.partners) == ["museum-boerhaave"]
    assert network.activities["themabijeenkomst-motivatie"].partners == ["museum-boerhaave"]


CASES = {
    "unknown key": (
        {"agenda/themabijeenkomst-motivatie.md": replace(ACTIVITY, "sectors:", "sectros:")},
        [
            f"{AGENDA}:1: sectors: ontbreekt; voeg een of meer werkvelden toe, bijvoorbeeld sectors: [vve, po]",
            f"{AGENDA}:6: sectros: is geen bekend veld; bedoelde je 'sectors'?",
        ],
    ),
    "unknown sector": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "sectors: [po]", "sectors:\n  - vo\n  - p0"
            )
        },
        [f"{AGENDA}:8: sectors: 'p0' is geen sector; bedoelde je 'po'?"],
    ),
    "unknown kind without a close match lists the options": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "kind: themabijeenkomst", "kind: borrel"
            )
        },
        [
            f"{AGENDA}:7: kind: 'borrel' is geen soort activiteit; kies uit: conferentie, "
            "leergemeenschap, lezing, netwerkbijeenkomst, onderwijscafe, themabijeenkomst, training, "
            "of voeg hem toe aan extra_activity_kinds in mkdocs.yml"
        ],
    ),
    "unknown partner": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "partners: [museum-boerhaave]", "partners: [museum-boerhave]"
            )
        },
        [
            f"{AGENDA}:10: partners: 'museum-boerhave' is geen bekende partner (er is geen "
            "content/partners/museum-boerhave.md); bedoelde je 'museum-boerhaave'?"
        ],
    ),
    "unknown theme and project": (
        {
            "projecten/gluren-bij-de-buren.md": replace(
                PROJECT, "theme: motivatie", "theme: motivatei"
            ),
            "nieuws/nieuwe-leergemeenschap.md": replace(
                NEWS, "project: gluren-bij-de-buren", "project: gluren"
            ),
        },
        [
            "content/nieuws/nieuwe-leergemeenschap.md:8: project: 'gluren' is geen bekend project "
            "(er is geen content/projecten/gluren.md); bedoelde je 'gluren-bij-de-buren'?",
            "content/projecten/gluren-bij-de-buren.md:4: theme: 'motivatei' is geen bekend thema "
            "(er is geen content/themas/motivatei.md); bedoelde je 'motivatie'?",
        ],
    ),
    "missing required field": (
        {"partners/museum-boerhaave.md": replace(PARTNER, "membership: uitgebreid\n", "")},
        [
            f"{PARTNERS}:1: membership: ontbreekt; voeg het lidmaatschap toe, bijvoorbeeld membership: basis"
        ],
    ),
    "empty value and empty list": (
        {
            "partners/museum-boerhaave.md": replace(
                replace(PARTNER, "name: Museum Boerhaave", "name:"),
                "sectors: [po, vo]",
                "sectors: []",
            )
        },
        [
            f"{PARTNERS}:2: name: is leeg; vul een naam in, bijvoorbeeld name: Voorbeeldschool",
            f"{PARTNERS}:3: sectors: is een lege lijst; noem er minstens één, zoals [vve]",
        ],
    ),
    "date written the Dutch way": (
        {"partners/museum-boerhaave.md": replace(PARTNER, "2016-09-01", "12-03-2016")},
        [
            f"{PARTNERS}:6: member_since: '12-03-2016' is geen datum in de vorm jjjj-mm-dd; schrijf 2016-03-12"
        ],
    ),
    "date that does not exist": (
        {"nieuws/nieuwe-leergemeenschap.md": replace(NEWS, "2026-10-01", "2026-02-30")},
        [
            "content/nieuws/nieuwe-leergemeenschap.md:3: date: '2026-02-30' bestaat niet als datum; controleer dag en maand"
        ],
    ),
    "not a date at all": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "start: 2026-12-10 15:30", "start: volgende week"
            )
        },
        [
            f"{AGENDA}:3: start: 'volgende week' is geen datum of tijdstip; schrijf 2026-03-12 voor "
            "een hele dag of 2026-03-12 15:30 voor een tijdstip"
        ],
    ),
    "impossible time": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "start: 2026-12-10 15:30", "start: 2026-12-10 25:30"
            )
        },
        [
            f"{AGENDA}:3: start: '2026-12-10 25:30' heeft geen geldige tijd; schrijf uu:mm, zoals 15:30"
        ],
    ),
    "activity ends before it starts": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "end: 2026-12-10 17:30", "end: 2026-12-09 17:30"
            )
        },
        [f"{AGENDA}:4: end: ligt vóór start (2026-12-10 15:30); controleer de datum"],
    ),
    "end time alone before start": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "end: 2026-12-10 17:30", "end: 12:30"
            )
        },
        [f"{AGENDA}:4: end: ligt vóór start (2026-12-10 15:30); controleer de datum"],
    ),
    "all-day start with a timed end": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "start: 2026-12-10 15:30", "start: 2026-12-10"
            )
        },
        [f"{AGENDA}:4: end: schrijf start en end allebei als datum, of allebei met een tijd"],
    ),
    "project ends before it starts": (
        {
            "projecten/gluren-bij-de-buren.md": replace(
                PROJECT, "start: 2018-09-01", "start: 2018-09-01\nend: 2017-07-31"
            )
        },
        [
            "content/projecten/gluren-bij-de-buren.md:11: end: 2017-07-31 ligt vóór start (2018-09-01)"
        ],
    ),
    "activity without location or online url": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY,
                'location: {name: Museum Boerhaave, address: "Lange Sint Agnietenstraat 10, Leiden"}\n',
                "",
            )
        },
        [
            f"{AGENDA}:1: location: ontbreekt; geef een location (name en address) of een "
            "online_url voor een online activiteit, of schrijf location: volgt als de plek nog "
            "niet bekend is"
        ],
    ),
    "location written as a list": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY,
                'location: {name: Museum Boerhaave, address: "Lange Sint Agnietenstraat 10, Leiden"}',
                "location: [Museum Boerhaave, Leiden]",
            )
        },
        [
            f"{AGENDA}:5: location: verwacht velden (name, address), elk op een eigen, ingesprongen regel"
        ],
    ),
    "unknown key inside location": (
        {"agenda/themabijeenkomst-motivatie.md": replace(ACTIVITY, "address:", "adres:")},
        [f"{AGENDA}:5: location.adres: is geen bekend veld; bedoelde je 'address'?"],
    ),
    "javascript url": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "https://www.example.nl/aanmelden", '"javascript:alert(1)"'
            )
        },
        [
            f"{AGENDA}:11: registration_url: 'javascript:alert(1)' is geen geldig webadres; gebruik "
            "een adres dat begint met https://, http:// of mailto:"
        ],
    ),
    "online address that is neither an address nor volgt": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY,
                'location: {name: Museum Boerhaave, address: "Lange Sint Agnietenstraat 10, Leiden"}',
                "online_url: meet.example.nl/netwerk",
            )
        },
        [
            f"{AGENDA}:5: online_url: 'meet.example.nl/netwerk' mist het begin van het webadres; "
            "schrijf https://meet.example.nl/netwerk, of schrijf volgt als het nog niet bekend is"
        ],
    ),
    "url that Python cannot read": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "https://www.example.nl/aanmelden", '"https://[::1"'
            )
        },
        [
            f"{AGENDA}:11: registration_url: 'https://[::1' is geen geldig webadres; gebruik "
            "een adres dat begint met https://, http:// of mailto:"
        ],
    ),
    "url without scheme": (
        {
            "partners/museum-boerhaave.md": replace(
                PARTNER, "municipality: Leiden", "municipality: Leiden\nwebsite: www.boerhaave.nl"
            )
        },
        [
            f"{PARTNERS}:6: website: 'www.boerhaave.nl' mist het begin van het webadres; schrijf https://www.boerhaave.nl"
        ],
    ),
    "logo that does not exist and no alt text": (
        {
            "partners/museum-boerhaave.md": replace(
                PARTNER,
                "municipality: Leiden",
                "municipality: Leiden\nlogo: afbeeldingen/boerhave.svg",
            ),
            "afbeeldingen/boerhaave.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        },
        [
            f"{PARTNERS}:6: logo: 'afbeeldingen/boerhave.svg' staat niet in de map content/; schrijf "
            "het pad vanaf content/, zoals afbeeldingen/logo.png (bedoelde je 'afbeeldingen/boerhaave.svg'?)"
        ],
    ),
    "logo without alt text": (
        {
            "partners/museum-boerhaave.md": replace(
                PARTNER,
                "municipality: Leiden",
                "municipality: Leiden\nlogo: afbeeldingen/boerhaave.svg",
            ),
            "afbeeldingen/boerhaave.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        },
        [
            f"{PARTNERS}:1: logo_alt: ontbreekt; beschrijf het logo, bijvoorbeeld logo_alt: Logo van Museum Boerhaave"
        ],
    ),
    "not a yes/no value": (
        {
            "partners/museum-boerhaave.md": replace(
                PARTNER, "municipality: Leiden", "municipality: Leiden\ndraft: misschien"
            )
        },
        [f"{PARTNERS}:6: draft: 'misschien' is geen ja/nee-waarde; schrijf true of false"],
    ),
    "order that is not a whole number": (
        {
            "themas/motivatie.md": "---\ntitle: Motivatie\nsummary: Over motivatie.\norder: 1.10\n---\n"
        },
        ["content/themas/motivatie.md:4: order: '1.10' is geen heel getal; schrijf bijvoorbeeld 1"],
    ),
    "a list where one text belongs": (
        {
            "partners/museum-boerhaave.md": replace(
                PARTNER, "municipality: Leiden", "municipality: [Leiden, Oegstgeest]"
            )
        },
        [f"{PARTNERS}:5: municipality: verwacht één tekst, geen lijst of reeks velden"],
    ),
    "duplicate key": (
        {
            "partners/museum-boerhaave.md": replace(
                PARTNER, "municipality: Leiden", "municipality: Leiden\nmunicipality: Oegstgeest"
            )
        },
        [
            f"{PARTNERS}:6: municipality: staat twee keer in de front matter (ook op regel 5); houd er één over"
        ],
    ),
    "hash in a plain value": (
        {
            "nieuws/nieuwe-leergemeenschap.md": replace(
                NEWS, "title: Nieuwe leergemeenschap", "title: Update #2"
            )
        },
        [
            "content/nieuws/nieuwe-leergemeenschap.md:2: title: alles vanaf '#' wordt gelezen als "
            "commentaar, zodat alleen 'Update' overblijft; zet de waarde tussen aanhalingstekens: \"Update #2\""
        ],
    ),
    "colon in a plain value": (
        {
            "nieuws/nieuwe-leergemeenschap.md": replace(
                NEWS, "title: Nieuwe leergemeenschap", "title: Deel 1: de start"
            )
        },
        [
            "content/nieuws/nieuwe-leergemeenschap.md:2: front matter: een waarde bevat een dubbele punt "
            'gevolgd door een spatie; zet de hele waarde tussen aanhalingstekens, zoals title: "Deel 1: de start"'
        ],
    ),
    "tab for indentation": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "sectors: [po]", "sectors:\n\t- po"
            )
        },
        [
            f"{AGENDA}:7: front matter: er staat een tab in de front matter; spring in met spaties in plaats van tabs"
        ],
    ),
    "a list where fields belong": (
        {"themas/motivatie.md": "---\n- title: Motivatie\n- summary: Over motivatie.\n---\n"},
        [
            "content/themas/motivatie.md:2: front matter: verwacht velden met een naam en een waarde, zoals 'title: Mijn titel'"
        ],
    ),
    "no front matter": (
        {"themas/motivatie.md": "# Motivatie\n\nOver motivatie.\n"},
        [
            "content/themas/motivatie.md:1: front matter: ontbreekt; begin het bestand met een regel '---', "
            "dan de velden (zoals 'title: ...') en sluit af met nog een regel '---'"
        ],
    ),
    "empty file": (
        {"themas/motivatie.md": ""},
        [
            "content/themas/motivatie.md:1: front matter: ontbreekt; begin het bestand met een regel '---', "
            "dan de velden (zoals 'title: ...') en sluit af met nog een regel '---'"
        ],
    ),
    "unclosed front matter": (
        {
            "themas/motivatie.md": "---\ntitle: Motivatie\nsummary: Over motivatie.\n\nOver motivatie.\n"
        },
        [
            "content/themas/motivatie.md:5: front matter: de afsluitende regel '---' ontbreekt; hier "
            "lijkt de tekst te beginnen: zet een regel met alleen '---' boven deze regel"
        ],
    ),
    "windows-1252 file": (
        {
            "partners/museum-boerhaave.md": replace(PARTNER, "Leiden", "Mariënpoolstraat").encode(
                "cp1252"
            )
        },
        [
            f"{PARTNERS}:5: bestand: het bestand is niet als UTF-8 opgeslagen (een teken op deze regel, "
            "zoals é of ë, is in een andere codering geschreven); sla het op met codering UTF-8"
        ],
    ),
    "binary file": (
        {"partners/logo.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
        [
            "content/partners/logo.md:1: bestand: dit is geen tekstbestand; verwijder het of zet het in een andere map"
        ],
    ),
    "file name with capitals and spaces": (
        {"partners/Museum Volkenkunde.md": replace(PARTNER, "Boerhaave", "Volkenkunde")},
        [
            "content/partners/Museum Volkenkunde.md:1: bestand: 'Museum Volkenkunde.md' is geen geldige "
            "bestandsnaam; de naam wordt het webadres, gebruik kleine letters, cijfers en streepjes: "
            "museum-volkenkunde.md"
        ],
    ),
    "same slug in different case": (
        {"partners/Museum-Boerhaave.md": PARTNER},
        [
            "content/partners/Museum-Boerhaave.md:1: bestand: heeft dezelfde naam als "
            "content/partners/museum-boerhaave.md; geef een van beide een andere bestandsnaam"
        ],
    ),
    "slug taken by a sector page": (
        {"agenda/po.md": ACTIVITY},
        [
            "content/agenda/po.md:1: bestand: de naam 'po' is al in gebruik voor de pagina /agenda/po/ "
            "(Agenda primair onderwijs); kies een andere bestandsnaam, bijvoorbeeld po-agenda.md"
        ],
    ),
    "slug taken by the archive": (
        {"agenda/archief.md": ACTIVITY},
        [
            "content/agenda/archief.md:1: bestand: de naam 'archief' is al in gebruik voor de pagina "
            "/agenda/archief/ (Archief van de agenda); kies een andere bestandsnaam, bijvoorbeeld archief-agenda.md"
        ],
    ),
    "slug taken by a sector page of the partner directory": (
        {"partners/vo.md": PARTNER},
        [
            "content/partners/vo.md:1: bestand: de naam 'vo' is al in gebruik voor de pagina /partners/vo/ "
            "(Partners in voortgezet onderwijs); kies een andere bestandsnaam, bijvoorbeeld vo-partners.md"
        ],
    ),
    "file in a sub-folder": (
        {"partners/po/school.md": PARTNER},
        [
            "content/partners/po/school.md:1: bestand: staat in een submap; zet het bestand direct in content/partners/"
        ],
    ),
    "news image without alt text": (
        {
            "nieuws/nieuwe-leergemeenschap.md": replace(
                NEWS, "project:", "image: afbeeldingen/foto.jpg\nproject:"
            ),
            "afbeeldingen/foto.jpg": b"\xff\xd8\xff",
        },
        [
            "content/nieuws/nieuwe-leergemeenschap.md:1: image_alt: ontbreekt; beschrijf wat er op de afbeelding staat"
        ],
    ),
    "a start with only a time": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "start: 2026-12-10 15:30", "start: 15:30"
            )
        },
        [
            f"{AGENDA}:3: start: een tijd alleen is niet genoeg; schrijf datum en tijd, zoals 2026-03-12 15:30"
        ],
    ),
    "an end time after an all-day start": (
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                replace(ACTIVITY, "start: 2026-12-10 15:30", "start: 2026-12-10"),
                "end: 2026-12-10 17:30",
                "end: 17:30",
            )
        },
        [
            f"{AGENDA}:4: end: een eindtijd past alleen bij een start met tijd, zoals 2026-03-12 15:30"
        ],
    ),
    "sectors written as fields": (
        {
            "partners/museum-boerhaave.md": replace(
                PARTNER, "sectors: [po, vo]", "sectors: {po: ja}"
            )
        },
        [f"{PARTNERS}:3: sectors: verwacht een lijst, zoals [vve, po]"],
    ),
    "slug taken by a kind page of the kennisbank": (
        {"kennisbank/tool.md": RESOURCE},
        [
            "content/kennisbank/tool.md:1: bestand: de naam 'tool' is al in gebruik voor de pagina "
            "/kennisbank/tool/ (Kennisbank: tool of handvat); kies een andere bestandsnaam, bijvoorbeeld tool-kennisbank.md"
        ],
    ),
    "slug taken by the news archive": (
        {"nieuws/archief.md": NEWS},
        [
            "content/nieuws/archief.md:1: bestand: de naam 'archief' is al in gebruik voor de "
            "pagina /nieuws/archief/ (Nieuwsarchief); kies een andere bestandsnaam, bijvoorbeeld archief-nieuws.md"
        ],
    ),
    "organisation member with an unknown partner": (
        {
            "organisatie.yml": "groups:\n  - name: Regiegroep\n    members:\n      - role: Voorzitter\n        partner: museum-boerhave\n      - rol: Lid\n"
        },
        [
            "content/organisatie.yml:5: groups.members.partner: 'museum-boerhave' is geen bekende partner "
            "(er is geen content/partners/museum-boerhave.md); bedoelde je 'museum-boerhaave'?",
            "content/organisatie.yml:6: groups.members.rol: is geen bekend veld; bedoelde je 'role'?",
            "content/organisatie.yml:6: groups.members.role: ontbreekt; voeg de rol toe, "
            "bijvoorbeeld role: Voorzitter",
        ],
    ),
}


@pytest.mark.parametrize("files, expected", CASES.values(), ids=CASES.keys())
def test_each_rule_has_its_message(
    site: Site, files: dict[str, str | bytes], expected: list[str]
) -> None:
    assert problems(site, files) == expected


def test_all_problems_of_all_files_in_one_run(site: Site) -> None:
    found = problems(
        site,
        {
            "agenda/themabijeenkomst-motivatie.md": replace(
                ACTIVITY, "sectors: [po]", "sectors: [p0]"
            ),
            "partners/museum-boerhaave.md": replace(
                PARTNER, "membership: uitgebreid", "membership: goud"
            ),
            "themas/motivatie.md": "geen front matter\n",
        },
    )
    assert [problem.split(": ", 1)[0] for problem in found] == [
        f"{AGENDA}:6",
        f"{PARTNERS}:4",
        "content/themas/motivatie.md:1",
    ]


def test_report_counts_the_problems(site: Site) -> None:
    site.write(SMALL_NETWORK).write({"themas/motivatie.md": "geen front matter\n"})
    with pytest.raises(ContentError) as caught:
        load_network(site.content, SETTINGS)
    assert str(caught.value).splitlines()[0] == "1 probleem in de inhoud; er is niets gebouwd:"


# YAML 1.1 would silently retype these; we keep what the editor wrote.
@pytest.mark.parametrize(
    "written, kept",
    [
        ("12:30", "12:30"),
        ("NO", "NO"),
        ("1.10", "1.10"),
        ("0201234567", "0201234567"),
        ("2026-03-12", "2026-03-12"),
        ("yes", "yes"),
        ('"Update #2"', "Update #2"),
        ("Update # tweede versie", "Update"),
    ],
)
def test_plain_values_keep_the_editors_text(site: Site, written: str, kept: str) -> None:
    project = replace(PROJECT, 'code: "3a"', f"code: {written}")
    network = load(site, {"projecten/gluren-bij-de-buren.md": project})
    assert network.projects["gluren-bij-de-buren"].code == kept


@pytest.mark.parametrize(
    "written, draft", [("true", True), ("false", False), ("NO", False), ("yes", True)]
)
def test_yes_no_fields_read_yes_and_no(site: Site, written: str, draft: bool) -> None:
    network = load(
        site,
        {
            "partners/museum-boerhaave.md": PARTNER.replace(
                "---\nname", f"---\ndraft: {written}\nname", 1
            )
        },
    )
    assert ("museum-boerhaave" not in network.partners) is draft


def test_a_single_sector_may_be_written_without_brackets(site: Site) -> None:
    network = load(
        site, {"partners/museum-boerhaave.md": replace(PARTNER, "sectors: [po, vo]", "sectors: po")}
    )
    assert network.partners["museum-boerhaave"].sectors == ["po"]


def test_bom_and_crlf_are_read_as_plain_utf8(site: Site) -> None:
    text = replace(PARTNER, "Leiden", "Mariënpoolstraat").replace("\n", "\r\n")
    network = load(site, {"partners/museum-boerhaave.md": b"\xef\xbb\xbf" + text.encode("utf-8")})
    partner = network.partners["museum-boerhaave"]
    assert partner.municipality == "Mariënpoolstraat"
    assert (
        partner.body
        == "Het museum voor de geschiedenis van wetenschap en geneeskunde.\r\n".replace("\r", "")
    )


def test_times_are_local_amsterdam_time(site: Site) -> None:
    summer = replace(
        replace(ACTIVITY, "2026-12-10 15:30", "2026-06-10 15:30"), "2026-12-10 17:30", "17:30"
    )
    network = load(site, {"agenda/themabijeenkomst-motivatie.md": summer})
    activity = network.activities["themabijeenkomst-motivatie"]
    assert activity.starts.isoformat() == "2026-06-10T15:30:00+02:00"
    assert activity.ends.isoformat() == "2026-06-10T17:30:00+02:00"


def test_editors_overview_page_is_not_an_item(site: Site) -> None:
    network = load(site, {"partners/index.md": "# Onze partners\n"})
    assert list(network.partners) == ["museum-boerhaave"]


def test_problem_paths_are_relative_to_the_project(tmp_path: Path) -> None:
    site = Site(tmp_path)
    site.write(SMALL_NETWORK).write({"themas/motivatie.md": ""})
    with pytest.raises(ContentError) as caught:
        load_network(site.content, SETTINGS, root=tmp_path)
    assert caught.value.problems[0].path == "content/themas/motivatie.md"


def test_page_icons_are_not_taken_from_front_matter(site: Site) -> None:
    # Material would look the icon up as a template path and crash on `../../x`.
    assert problems(site, {"over-ons.md": "---\ntitle: Over ons\nicon: ../../evil\n---\n"}) == [
        "content/over-ons.md:3: icon: is geen bekend veld; kies uit: description, hide, search, subtitle, title"
    ]


def test_plain_pages_have_their_front_matter_checked_too(site: Site) -> None:
    found = problems(
        site,
        {
            "index.md": "---\ntitel: Welkom\nhide: [navigaton]\n---\n# Welkom\n",
            "over-ons.md": "---\ntitle: Over ons\n",
        },
    )
    assert found == [
        "content/index.md:2: titel: is geen bekend veld; bedoelde je 'title'?",
        "content/index.md:3: hide: 'navigaton' is geen geldige waarde; bedoelde je 'navigation'?",
        "content/over-ons.md:2: front matter: de afsluitende regel '---' ontbreekt; zet een regel met alleen '---' onder het laatste veld",
    ]


def test_ordinary_yaml_comments_are_allowed(site: Site) -> None:
    partner = PARTNER.replace(
        "municipality: Leiden", "# Gemeente van vestiging\nmunicipality: Leiden  # niet de regio"
    )
    network = load(site, {"partners/museum-boerhaave.md": partner})
    assert network.partners["museum-boerhaave"].municipality == "Leiden"


@pytest.mark.parametrize(
    "url", ["https://www.example.nl/", "http://example.nl/a?b=c", "mailto:info@example.nl"]
)
def test_web_and_mail_addresses_are_accepted(site: Site, url: str) -> None:
    network = load(
        site,
        {
            "partners/museum-boerhaave.md": PARTNER.replace(
                "municipality: Leiden", f"municipality: Leiden\nwebsite: {url}"
            )
        },
    )
    assert network.partners["museum-boerhaave"].website == url
