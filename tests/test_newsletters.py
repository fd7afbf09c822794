"""Newsletter editions: validation with exact messages, and what each audience gets."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from conftest import PARTNER, THEME, Site
from netwerk.core.audiences import Audience, audiences_from, mailing_from
from netwerk.core.editions import load_editions
from netwerk.core.loader import load_network
from netwerk.core.settings import Settings
from netwerk.newsletters.selection import Newsletter, select

SETTINGS = Settings(build_date=date(2026, 11, 23))
AUDIENCES = [
    Audience("vve-po", "VVE en PO", ("vve", "po")),
    Audience("vo-ho", "VO, MBO en HO", ("vo", "mbo", "ho")),
    Audience("mbo", "MBO", ("mbo",)),
]
NEWSLETTER_OPTIONS: dict[str, object] = {
    "audiences": [{"slug": a.slug, "name": a.name, "sectors": list(a.sectors)} for a in AUDIENCES],
    "newsletter_from": "Testnetwerk <nieuwsbrief@netwerk.example.nl>",
    "newsletter_unsubscribe_url": "https://mail.example.nl/afmelden?lijst={audience}",
    "newsletter_unsubscribe_mailto": "mailto:afmelden@netwerk.example.nl?subject=afmelden%20{audience}",
}


def _news(title: str, day: str, sectors: str, kind: str = "nieuws", extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\ndate: {day}\nkind: {kind}\nsummary: Samenvatting van {title}.\n"
        f"sectors: {sectors}\n{extra}---\nTekst van {title}.\n"
    )


def _activity(title: str, start: str, sectors: str, extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\nstart: {start}\nsectors: {sectors}\nkind: themabijeenkomst\n"
        f"location: {{name: Museum Boerhaave}}\n{extra}---\nOver {title}.\n"
    )


def _project(title: str, sectors: str, status: str = "lopend", extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\ntheme: motivatie\nstatus: {status}\nsectors: {sectors}\n"
        f"goal: Het doel van {title}.\n{extra}---\n"
    )


# The smallest valid PNG (1x1), for a news item's photo.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)

# A network whose items each test one rule of the selection (the comments say which).
NETWORK = {
    "index.md": "# Ons netwerk\n",
    "themas/motivatie.md": THEME,
    "partners/museum-boerhaave.md": PARTNER,
    "projecten/gluren.md": _project(
        "Gluren bij de Buren", "[vve, po]", extra="start: 2018-09-01\n"
    ),
    "projecten/vo-project.md": _project("Leerling als eigenaar", "[vo]"),
    "projecten/klaar.md": _project("Afgerond project", "[po]", status="afgerond"),
    "projecten/toekomst.md": _project("Toekomstig project", "[po]", extra="start: 2027-01-01\n"),
    "projecten/voorbij.md": _project("Voorbij project", "[po]", extra="end: 2026-01-01\n"),
    "projecten/concept.md": _project("Conceptproject", "[po]", extra="draft: true\n"),
    # News between the two editions (2026-06-01 and 2026-10-05).
    "nieuws/po-september.md": _news("PO in september", "2026-09-20", "[po]"),
    "nieuws/met-foto.md": _news(
        "Met foto",
        "2026-09-25",
        "[po]",
        extra="image: afbeeldingen/foto.png\nimage_alt: Leerlingen bij een proef\n",
    ),
    "nieuws/vo-september.md": _news("VO in september", "2026-09-21", "[vo]"),
    "nieuws/iedereen.md": _news("Voor iedereen", "2026-08-01", "[vve, po, vo, mbo, ho]"),
    "nieuws/oproep.md": _news("Oproep voor scholen", "2026-09-01", "[vve, po]", kind="oproep"),
    "nieuws/na-de-editie.md": _news("Na de editie", "2026-10-06", "[po]"),
    "nieuws/concept.md": _news("Conceptbericht", "2026-09-15", "[po]", extra="draft: true\n"),
    # News for the first edition: up to 90 days before 2026-06-01.
    "nieuws/po-mei.md": _news("PO in mei", "2026-05-01", "[po]"),
    "nieuws/te-oud.md": _news("Te oud", "2026-01-10", "[po]"),
    "agenda/po-binnenkort.md": _activity("PO binnenkort", "2026-10-20 15:30", "[po]"),
    "agenda/vo-binnenkort.md": _activity(
        "VO binnenkort",
        "2026-11-01",
        "[vo]",
        extra="registration_url: https://www.example.nl/aanmelden-vo\n",
    ),
    "agenda/po-ver-weg.md": _activity("PO ver weg", "2027-03-01", "[po]"),
    # A course that began before the October edition and still runs on its date.
    "agenda/po-cursus.md": _activity("PO cursus", "2026-09-15", "[po]", extra="end: 2026-10-20\n"),
    "agenda/po-voorbij.md": _activity("PO voorbij", "2026-09-01", "[po]"),
    "agenda/po-concept.md": _activity("PO concept", "2026-10-21", "[po]", extra="draft: true\n"),
}

EDITIONS = {
    "2026-06.md": """\
        ---
        date: 2026-06-01
        subject: Nieuwsbrief juni 2026
        ---
        Welkom bij de eerste nieuwsbrief.
        """,
    "2026-10.md": """\
        ---
        date: 2026-10-05
        subject: Nieuwsbrief oktober 2026
        preheader: De agenda voor het najaar, nieuws uit de werkvelden en een oproep.
        highlights: [projecten/gluren, nieuws/met-foto]
        intros:
          vo-ho: Een eigen inleiding voor het vo, mbo en ho.
        ---
        Welkom bij de nieuwsbrief van oktober. Bekijk ook de [agenda](agenda/).
        """,
}


def write_editions(site: Site, editions: dict[str, str]) -> Site:
    folder = site.root / "newsletters"
    folder.mkdir(exist_ok=True)
    for name, text in editions.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return site


def newsletter_site(site: Site, editions: dict[str, str] | None = None, **options: object) -> Site:
    """The test network with editions and newsletter options, not yet built."""
    site.write(NETWORK).write({"afbeeldingen/foto.png": PNG})
    write_editions(site, EDITIONS if editions is None else editions)
    return site.configure(**{**NEWSLETTER_OPTIONS, **options})


def letters(site: Site) -> dict[tuple[str, str], Newsletter]:
    network = load_network(site.content, SETTINGS)
    editions, problems = load_editions(
        site.root / "newsletters",
        SETTINGS,
        AUDIENCES,
        network,
        content_dir=site.content,
        root=site.root,
    )
    assert problems == []
    found = select(network, editions, AUDIENCES, horizon_days=90)
    return {(letter.audience.slug, letter.edition.slug): letter for letter in found}


def slugs(items: list[object]) -> list[str]:
    return [item.slug for item in items]  # type: ignore[attr-defined]


def edition_problems(site: Site, editions: dict[str, str]) -> list[str]:
    site.write(NETWORK).write({"afbeeldingen/foto.png": PNG})
    write_editions(site, editions)
    network = load_network(site.content, SETTINGS)
    _, problems = load_editions(
        site.root / "newsletters",
        SETTINGS,
        AUDIENCES,
        network,
        content_dir=site.content,
        root=site.root,
    )
    return [str(problem) for problem in sorted(set(problems))]


# --- Selection -----------------------------------------------------------------------------


def test_each_audience_gets_exactly_its_sectors_in_the_window(site: Site) -> None:
    found = letters(newsletter_site(site))
    october = found[("vve-po", "2026-10")]
    assert slugs(october.news) == ["po-september", "iedereen"]
    assert slugs(october.calls) == ["oproep"]
    assert slugs(october.activities) == ["po-cursus", "po-binnenkort"]
    assert slugs(october.highlights) == ["gluren", "met-foto"]
    assert slugs(october.projects) == []  # gluren is highlighted, not listed twice
    assert october.since == date(2026, 6, 2) and october.until == date(2027, 1, 3)

    secondary = found[("vo-ho", "2026-10")]
    assert slugs(secondary.news) == ["vo-september", "iedereen"]
    assert slugs(secondary.calls) == []
    assert slugs(secondary.activities) == ["vo-binnenkort"]
    assert slugs(secondary.projects) == ["vo-project"]
    assert secondary.intro == "Een eigen inleiding voor het vo, mbo en ho."
    assert october.intro.startswith("Welkom bij de nieuwsbrief van oktober.")


def test_the_first_edition_looks_back_as_far_as_the_horizon(site: Site) -> None:
    june = letters(newsletter_site(site))[("vve-po", "2026-06")]
    assert slugs(june.news) == ["po-mei"]
    assert june.previous is None and june.since == date(2026, 3, 3)
    # Running projects only: not finished, started, not ended; drafts never.
    assert slugs(june.projects) == ["gluren"]


def test_an_audience_with_nothing_new_gets_an_edition_without_sections(site: Site) -> None:
    june = letters(newsletter_site(site))[("mbo", "2026-06")]
    assert not june.has_news
    assert (june.news, june.calls, june.activities, june.projects) == ([], [], [], [])


def test_drafts_never_appear(site: Site) -> None:
    for letter in letters(newsletter_site(site)).values():
        shown = letter.news + letter.calls + letter.activities + letter.projects
        assert not {"concept", "po-concept"} & set(slugs(shown))


def test_an_edition_can_be_limited_to_some_audiences(site: Site) -> None:
    editions = {
        **EDITIONS,
        "2026-11.md": "---\ndate: 2026-11-02\nsubject: Alleen po\naudiences: [vve-po]\n---\n",
    }
    found = letters(newsletter_site(site, editions))
    assert ("vve-po", "2026-11") in found
    assert ("vo-ho", "2026-11") not in found
    assert found[("vve-po", "2026-11")].previous is not None


def test_a_draft_edition_is_left_out(site: Site) -> None:
    editions = {**EDITIONS, "2026-11.md": "---\ndate: 2026-11-02\nsubject: X\ndraft: true\n---\n"}
    assert ("vve-po", "2026-11") not in letters(newsletter_site(site, editions))


def test_a_readme_in_the_folder_is_not_an_edition(site: Site) -> None:
    editions = {**EDITIONS, "README.md": "# Nieuwsbrieven\n\nUitleg voor de redactie.\n"}
    assert edition_problems(site, editions) == []


# --- Validation: every rule with the exact message -------------------------------------------

EDITION = "newsletters/2026-10.md"


def test_unknown_fields_missing_subject_and_bad_dates(site: Site) -> None:
    found = edition_problems(
        site,
        {
            "2026-10.md": """\
                ---
                date: 12-10-2026
                subjct: Nieuwsbrief
                audiences: [vve-po, vvo-ho]
                intros:
                  po: Hallo
                ---
                """
        },
    )
    assert found == [
        f"{EDITION}:1: subject: ontbreekt; voeg een onderwerp toe, bijvoorbeeld subject: Nieuwsbrief maart 2026",
        f"{EDITION}:2: date: '12-10-2026' is geen datum in de vorm jjjj-mm-dd; schrijf 2026-10-12",
        f"{EDITION}:3: subjct: is geen bekend veld; bedoelde je 'subject'?",
    ]


def test_unknown_audience_and_intro_audience(site: Site) -> None:
    found = edition_problems(
        site,
        {
            "2026-10.md": """\
                ---
                date: 2026-10-05
                subject: Nieuwsbrief
                audiences: [vve-po, vvo-ho]
                intros:
                  po: Hallo
                ---
                """
        },
    )
    assert found == [
        f"{EDITION}:4: audiences: 'vvo-ho' is geen doelgroep; bedoelde je 'vo-ho'?",
        f"{EDITION}:6: intros.po: 'po' is geen doelgroep; bedoelde je 'vve-po'?",
    ]


def test_highlights_must_be_published_items(site: Site) -> None:
    found = edition_problems(
        site,
        {
            "2026-10.md": """\
                ---
                date: 2026-10-05
                subject: Nieuwsbrief
                highlights:
                  - agenda/po-binenkort
                  - nieuws/concept
                  - gluren
                  - vergadering/x
                ---
                """
        },
    )
    assert found == [
        f"{EDITION}:5: highlights: 'agenda/po-binenkort' is geen gepubliceerd item; bedoelde je 'agenda/po-binnenkort'?",
        f"{EDITION}:6: highlights: 'nieuws/concept' is een concept (draft: true) en komt niet in de nieuwsbrief",
        f"{EDITION}:8: highlights: 'vergadering/x': 'vergadering' is geen map met items; kies uit: agenda, kennisbank, nieuws, partners, projecten, themas",
    ]


def test_a_bare_slug_in_two_collections_must_name_its_folder(site: Site) -> None:
    site.write({"nieuws/gluren.md": _news("Gluren", "2026-09-02", "[po]")})
    found = edition_problems(
        site, {"2026-10.md": "---\ndate: 2026-10-05\nsubject: X\nhighlights: [gluren]\n---\n"}
    )
    assert found == [
        f"{EDITION}:4: highlights: 'gluren' bestaat in meer dan één map; schrijf nieuws/gluren of projecten/gluren"
    ]


def test_preheader_length_and_links_that_cannot_go_in_an_email(site: Site) -> None:
    found = edition_problems(
        site,
        {
            "2026-10.md": """\
                ---
                date: 2026-10-05
                subject: Nieuwsbrief
                preheader: Te kort
                intros:
                  vo-ho: "[Klik](javascript:alert(1))"
                ---
                Zie [dit](data:text/html,x).
                """
        },
    )
    assert found == [
        f"{EDITION}:4: preheader: is 7 tekens lang; schrijf er 40 tot 150, anders vult of knipt het e-mailprogramma de voorvertoning",
        f"{EDITION}:6: intros.vo-ho: de link 'javascript:alert(1)' kan niet in een e-mail; gebruik een webadres dat begint met https:// of mailto:, of een pad op de site zoals agenda/",
        f"{EDITION}:8: tekst: de link 'data:text/html,x' kan niet in een e-mail; gebruik een webadres dat begint met https:// of mailto:, of een pad op de site zoals agenda/",
    ]


def test_bad_file_name_and_broken_front_matter(site: Site) -> None:
    found = edition_problems(
        site,
        {
            "Maart 2026.md": "---\ndate: 2026-03-01\nsubject: X\n---\n",
            "2026-10.md": "---\ndate: 2026-10-05\nsubject: Deel 1: de start\n---\n",
        },
    )
    assert found == [
        'newsletters/2026-10.md:3: front matter: een waarde bevat een dubbele punt gevolgd door een spatie; zet de hele waarde tussen aanhalingstekens, zoals title: "Deel 1: de start"',
        "newsletters/Maart 2026.md:1: bestand: 'Maart 2026.md' is geen geldige bestandsnaam; gebruik kleine letters, cijfers en streepjes, zoals 2026-03.md",
    ]


# --- In the build: one report for content and editions, nothing written ----------------------


def test_content_and_edition_problems_come_in_one_report_and_nothing_is_built(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    newsletter_site(
        site,
        {
            "2026-10.md": "---\ndate: 2026-13-05\nsubject: X\n---\n",
            "2026-11.md": "---\ndate: 2026-11-05\nsubject: X\nhighlights: [agenda/weg, po-binnenkort]\n---\n",
        },
    )
    site.write({"nieuws/kapot.md": "---\ntitle: Kapot\n---\n"})
    with pytest.raises(Abort):
        site.build()
    report = caplog.text
    assert "newsletters/2026-10.md:2: date: '2026-13-05' bestaat niet als datum" in report
    assert "content/nieuws/kapot.md:1: date: ontbreekt" in report
    # Without a valid network, highlights are checked against the files that exist.
    assert (
        "newsletters/2026-11.md:4: highlights: 'agenda/weg' bestaat niet; schrijf map/naam, "
        "zoals agenda/x"
    ) in report
    assert "po-binnenkort" not in report
    assert not site.output.exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"audiences": [{"slug": "po", "name": "PO", "sectors": ["pp"]}]},
            "mkdocs.yml: netwerk: audiences: doelgroep 1 (po): 'pp' is geen sector; bedoelde je 'po'?",
        ),
        (
            {"audiences": [{"slug": "PO", "name": "PO", "sectors": ["po"]}]},
            "mkdocs.yml: netwerk: audiences: doelgroep 1: slug 'PO' moet uit kleine letters, cijfers en streepjes bestaan, zoals vo-ho",
        ),
        (
            {"newsletter_from": "nieuwsbrief"},
            "mkdocs.yml: netwerk: newsletter_from: 'nieuwsbrief' is geen afzender; schrijf naam en e-mailadres, zoals newsletter_from: Testnetwerk <nieuwsbrief@example.nl>",
        ),
        (
            {"audiences": ["po"]},
            "mkdocs.yml: netwerk: audiences: doelgroep 1: schrijf slug, name en sectors, zoals {slug: po, name: Primair onderwijs, sectors: [po]}",
        ),
        (
            {"audiences": [{"slug": "po", "name": "PO", "sectors": ["po"]}] * 2},
            "mkdocs.yml: netwerk: audiences: doelgroep 2: slug 'po' komt twee keer voor; kies een andere",
        ),
        (
            {"audiences": [{"slug": "po", "name": "PO"}]},
            "mkdocs.yml: netwerk: audiences: doelgroep 1 (po): sectors ontbreekt, zoals sectors: [po]",
        ),
        (
            {"newsletter_unsubscribe_mailto": "afmelden@example.nl"},
            "mkdocs.yml: netwerk: newsletter_unsubscribe_mailto: 'afmelden@example.nl' is geen mailto-adres; schrijf bijvoorbeeld mailto:afmelden@example.nl?subject=afmelden%20{audience}",
        ),
        (
            {"audiences": [{"slug": "po", "sectors": ["po"]}]},
            "mkdocs.yml: netwerk: audiences: doelgroep 1 (po): name ontbreekt, zoals name: Primair onderwijs",
        ),
        (
            {
                "audiences": [
                    {"slug": "po", "name": "PO", "sectors": ["po"], "subscribe_url": "www.x.nl"}
                ]
            },
            "mkdocs.yml: netwerk: audiences: doelgroep 1 (po): subscribe_url 'www.x.nl' moet beginnen met https:// of mailto:",
        ),
        (
            {"newsletter_unsubscribe_url": "http://mail.example.nl/afmelden"},
            "mkdocs.yml: netwerk: newsletter_unsubscribe_url: 'http://mail.example.nl/afmelden' is geen https-adres; geef de afmeldpagina van je mailprogramma, zoals https://www.example.nl/afmelden?lijst={audience}",
        ),
    ],
)
def test_newsletter_settings_in_mkdocs_yml(
    site: Site, caplog: pytest.LogCaptureFixture, options: dict[str, object], message: str
) -> None:
    newsletter_site(site, **options)
    with pytest.raises(Abort):
        site.build()
    assert message in caplog.text


def test_editions_without_audiences_in_mkdocs_yml(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    newsletter_site(site, audiences=[])
    with pytest.raises(Abort):
        site.build()
    assert (
        "newsletters/2026-06.md:1: bestand: er zijn geen doelgroepen; zet onder netwerk: in "
        "mkdocs.yml een lijst audiences, zoals audiences: [{slug: po, name: Primair onderwijs, "
        "sectors: [po]}]"
    ) in caplog.text


def test_newsletters_need_the_site_address() -> None:
    with pytest.raises(ValueError) as caught:
        mailing_from(
            site_url=None,
            site_name="Netwerk",
            sender="Netwerk <a@example.nl>",
            unsubscribe_url="https://example.nl/af",
            unsubscribe_mailto=None,
            utm=False,
        )
    assert str(caught.value) == (
        "site_url: ontbreekt; nieuwsbrieven en feeds hebben het webadres van de site nodig, "
        "zoals site_url: https://www.example.nl/"
    )


def test_the_example_editions_are_valid_and_every_audience_has_news() -> None:
    repo = Path(__file__).resolve().parent.parent
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    options = next(
        p["netwerk"] for p in config["plugins"] if isinstance(p, dict) and "netwerk" in p
    )
    settings = Settings(sectors=options["sectors"], build_date=date(2026, 11, 23))
    audiences = audiences_from(options["audiences"], settings)
    network = load_network(repo / "content", settings)
    editions, problems = load_editions(
        repo / "newsletters", settings, audiences, network, content_dir=repo / "content", root=repo
    )
    assert problems == []
    assert len(editions) >= 3
    found = select(network, editions, audiences, horizon_days=options["newsletter_horizon_days"])
    for audience in audiences:
        assert any(letter.news for letter in found if letter.audience == audience), audience.slug


def test_an_unreadable_edition_is_named_without_traceback(site: Site) -> None:
    newsletter_site(site)
    (site.root / "newsletters" / "2026-11.md").mkdir()
    assert edition_problems(site, {}) == [
        "newsletters/2026-11.md:1: bestand: kan niet gelezen worden; controleer of het bestand "
        "bestaat en of je het mag openen"
    ]
