"""A network with every kind of page, written by the tests themselves (not the repository's example).

The generator's page-level tests (HTML validity, the browser, determinism, calendars) build this
one, so replacing the example's `content/` never breaks them.
"""

from __future__ import annotations

import base64
import textwrap
from pathlib import Path

import yaml

from conftest import MKDOCS_YML, TIERS

SITE_URL = "https://www.noordnetwerk.example/"
# A 1x1 transparent PNG: a logo and a news image without an SVG in the way.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

CONTENT: dict[str, str] = {
    "index.md": """\
        # Netwerk Noord

        Netwerk Noord verbindt scholen, opvang en culturele partners rond talentontwikkeling.
        """,
    "privacy.md": """\
        # Privacy

        Deze site gebruikt geen cookies en houdt niet bij wie haar bezoekt.
        """,
    "toegankelijkheid.md": """\
        # Toegankelijkheid

        We willen dat iedereen deze site kan gebruiken.
        """,
    "themas/motivatie.md": """\
        ---
        title: Motivatie als motor
        summary: Motivatie als motor van talentontwikkeling.
        order: 1
        ---
        Over motivatie.
        """,
    "themas/overgang.md": """\
        ---
        title: Overgang en aansluiting
        summary: Soepele overgangen tussen de schoolsoorten.
        order: 2
        ---
        Over overgangen.
        """,
    "partners/bibliotheek-noord.md": """\
        ---
        name: Bibliotheek Noord
        summary: De bibliotheek voor de hele regio.
        sectors: [vve, po]
        membership: uitgebreid
        municipality: Noorddorp
        member_since: 2019-09-01
        website: https://bibliotheek.example/
        logo: afbeeldingen/bibliotheek.png
        logo_alt: Logo van Bibliotheek Noord
        themes: [motivatie]
        ---
        De bibliotheek leest voor in de vve en het po.
        """,
    "partners/scholengroep-noord.md": """\
        ---
        name: Scholengroep Noord
        sectors: [po, vo]
        membership: convenant
        municipality: Noorddorp
        member_since: 2020-01-15
        themes: [overgang]
        ---
        Twaalf scholen voor primair en voortgezet onderwijs.
        """,
    "partners/vakcollege-noord.md": """\
        ---
        name: Vakcollege Noord
        sectors: [mbo]
        membership: basis
        member_since: 2022-03-01
        ---
        Beroepsonderwijs in de regio.
        """,
    "partners/hogeschool-noord.md": """\
        ---
        name: Hogeschool Noord
        sectors: ho
        membership: basis
        member_since: 2024-09-01
        ---
        Lerarenopleidingen en onderzoek.
        """,
    "projecten/leesplezier.md": """\
        ---
        title: Leesplezier in de wijk
        code: "1a"
        theme: motivatie
        status: lopend
        leads: [Bibliotheek Noord]
        partners: [bibliotheek-noord, scholengroep-noord]
        sectors: [vve, po]
        goal: Meer kinderen lezen voor hun plezier.
        start: 2025-09-01
        ---
        Over het project.
        """,
    "projecten/doorstroom.md": """\
        ---
        title: Doorstroom vo-mbo
        code: "2b"
        theme: overgang
        status: afgerond
        partners: [scholengroep-noord, vakcollege-noord]
        sectors: [vo, mbo]
        goal: Leerlingen kiezen beter.
        start: 2023-09-01
        end: 2025-07-01
        ---
        Afgerond.
        """,
    "agenda/leesavond.md": """\
        ---
        title: Leesavond voor ouders
        summary: Een avond over voorlezen thuis.
        start: 2026-12-10 19:30
        end: 21:00
        location: {name: Bibliotheek Noord, address: "Stationsplein 1, 1234 AB Noorddorp"}
        sectors: [vve, po]
        kind: themabijeenkomst
        theme: motivatie
        project: leesplezier
        partners: [bibliotheek-noord]
        registration_url: https://aanmelden.example/leesavond
        ---
        Welkom.
        """,
    "agenda/webinar-doorstroom.md": """\
        ---
        title: Webinar doorstroom
        start: 2027-02-04 15:30
        end: 2027-02-04 16:30
        online_url: https://webinar.example/doorstroom
        sectors: [vo, mbo, ho]
        kind: lezing
        theme: overgang
        ---
        Online.
        """,
    "agenda/conferentie-2027.md": """\
        ---
        title: Conferentie Netwerk Noord
        start: 2027-04-15
        end: 2027-04-16
        location: {name: Hogeschool Noord, address: "Schoolweg 2, 1234 AC Noorddorp"}
        sectors: [vve, po, vo, mbo, ho]
        kind: conferentie
        status: geannuleerd
        ---
        Gaat niet door.
        """,
    "agenda/netwerkbijeenkomst-2025.md": """\
        ---
        title: Netwerkbijeenkomst najaar
        start: 2025-11-06 15:30
        end: 17:00
        location: {name: Scholengroep Noord}
        sectors: [po, vo]
        kind: netwerkbijeenkomst
        partners: [scholengroep-noord]
        participants: {po: 12, vo: 9}
        ---
        Geweest.
        """,
    "nieuws/start-leesplezier.md": """\
        ---
        title: Leesplezier gaat van start
        date: 2026-10-01
        kind: nieuws
        summary: Het project Leesplezier begint in tien scholen.
        sectors: [vve, po]
        partners: [bibliotheek-noord]
        project: leesplezier
        image: afbeeldingen/leesplezier.png
        image_alt: Kinderen lezen samen
        ---
        Nieuws.

        !!! tip "Doe mee"
            Meld je school aan.
        """,
    "nieuws/oproep-scholen.md": """\
        ---
        title: Scholen gezocht voor doorstroomproject
        date: 2026-09-15
        kind: oproep
        summary: Welke vo-school doet mee?
        sectors: [vo, mbo]
        ---
        Oproep.
        """,
    "nieuws/terugblik-2025.md": """\
        ---
        title: Terugblik op 2025
        date: 2025-12-18
        kind: interview
        summary: De voorzitter kijkt terug.
        sectors: [po, vo, mbo, ho]
        themes: [overgang]
        ---
        | jaar | partners |
        | --- | --- |
        | 2025 | 4 |
        """,
    "kennisbank/leesonderzoek.md": """\
        ---
        title: Onderzoek naar leesplezier
        kind: onderzoek
        summary: Wat werkt bij lezen voor plezier.
        url: https://onderzoek.example/lezen
        themes: [motivatie]
        sectors: [po]
        ---
        """,
    "kennisbank/keuzegids.md": """\
        ---
        title: Keuzegids vo-mbo
        kind: tool
        summary: Een gids voor mentoren.
        themes: [overgang]
        ---
        Over de gids.
        """,
    "organisatie.yml": """\
        intro: Netwerk Noord heeft een stuurgroep en een werkgroep.
        groups:
          - name: Stuurgroep
            task: Koers bepalen
            members:
              - role: Voorzitter
                partner: scholengroep-noord
                sectors: [po, vo]
              - role: Lid
                organisation: Gemeente Noorddorp
          - name: Werkgroep communicatie
            members:
              - role: Redacteur
                partner: bibliotheek-noord
        """,
    "cijfers.yml": """\
        # Wat het netwerk per jaar telde naast de inhoud.
        subscribers:
          2025: 380
          2026: 420
        followers:
          LinkedIn:
            2025: 120
            2026: 180
          Instagram:
            2026: 45
        """,
}
IMAGES = {"afbeeldingen/bibliotheek.png": PNG, "afbeeldingen/leesplezier.png": PNG}
EDITIONS = {
    "2026-10.md": """\
        ---
        date: 2026-10-05
        subject: Nieuwsbrief oktober 2026
        preheader: "Leesplezier begint, een oproep voor scholen en de agenda van dit najaar."
        highlights: [nieuws/start-leesplezier]
        results:
          vve-po:
            recipients: 240
            opens: 96
            clicks: 31
          vo-ho:
            recipients: 180
            opens: 41,2%
            clicks: 9,5%
        ---
        Beste lezer, dit is de nieuwsbrief van oktober. Bekijk ook de [agenda](agenda/).
        """,
}
OPTIONS = {
    "memberships": TIERS,
    "audiences": [
        {"slug": "vve-po", "name": "VVE en PO", "sectors": ["vve", "po"]},
        {"slug": "vo-ho", "name": "VO, MBO en HO", "sectors": ["vo", "mbo", "ho"]},
    ],
    "newsletter_from": "Netwerk Noord <nieuwsbrief@noordnetwerk.example>",
    "newsletter_unsubscribe_url": "https://www.noordnetwerk.example/afmelden/?lijst={audience}",
    # The working group's overview at /overzicht/: nothing open, and the next editions due.
    "agreements": {"contributions_per_project": 2, "editions_per_year": 5},
}


def write_rich_network(root: Path, *, build_date: str) -> Path:
    """Write the network with its mkdocs.yml into root; returns root."""
    for name, text in CONTENT.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    for name, data in IMAGES.items():
        (root / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "content" / name).write_bytes(data)
    for name, text in EDITIONS.items():
        (root / "newsletters").mkdir(parents=True, exist_ok=True)
        (root / "newsletters" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    config = dict(
        MKDOCS_YML,
        # The network's own look: its colours (a green Material darkens for contrast) and the
        # menu as tabs, which item pages mark.
        theme={
            **MKDOCS_YML["theme"],
            "palette": {"primary": "green", "accent": "deep-orange"},
            "features": ["navigation.tabs", "navigation.indexes"],
        },
        site_name="Netwerk Noord",
        site_description="Netwerk Noord: samen werken aan talentontwikkeling in de regio.",
        site_url=SITE_URL,
        nav=[
            *MKDOCS_YML["nav"],
            {"Nieuwsbrief": "nieuwsbrief/index.md"},
            {"In cijfers": "in-cijfers.md"},
        ],
        markdown_extensions=[
            {"toc": {"permalink": True, "permalink_title": "Link naar dit kopje"}},
            "admonition",
            "attr_list",
            "tables",
        ],
        plugins=[
            {"search": {"lang": "nl"}},
            {"netwerk": {"build_date": build_date, **OPTIONS}},
        ],
    )
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root
