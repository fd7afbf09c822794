"""Hostile and broken input: every case ends in a Dutch message or a harmless outcome, never in a
traceback, a hang, a half-built site or someone else's content in the output."""

from __future__ import annotations

import json
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from conftest import NEWS, PARTNER, RESOURCE, THEME, Site
from netwerk.cli import main
from test_newsletters import edition_problems, newsletter_site

EDITION = "newsletters/2026-10.md"
NEWS_ITEM = "content/nieuws/nieuwe-leergemeenschap.md"
PARTNERS = "content/partners/museum-boerhaave.md"

# --- Feeds: each news item's own content --------------------------------------------------------


def test_a_news_item_named_like_an_archive_year_keeps_its_own_content_in_the_feeds(
    small_site: Site,
) -> None:
    # nieuws/2026.md and the archive page "Nieuws uit 2026" (nieuws/archief/2026/) share the last
    # segment of their address; the feed must carry the item's text, not the archive's.
    small_site.write({"nieuws/2026.md": NEWS.replace("Nieuws.\n", "Het eigen bericht van 2026.\n")})
    small_site.build()
    feed = json.loads((small_site.output / "feeds/nieuws.json").read_text(encoding="utf-8"))
    entry = next(item for item in feed["items"] if item["url"].endswith("/nieuws/2026/"))
    assert "Het eigen bericht van 2026." in entry["content_html"]
    assert "Nieuws uit 2026" not in entry["content_html"]


# --- Everything an output cannot hold is refused in validation ---------------------------------


@pytest.fixture
def both(capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> Any:
    return lambda site: check_and_build(site, capsys, caplog)


def check_and_build(
    site: Site, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> tuple[list[str], list[str]]:
    """The problems `netwerk controleer` prints and those the build stops with: the same, with
    no traceback, and the failed build writes no site."""
    if not (site.root / "mkdocs.yml").exists():
        site.configure()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site.root)
        capsys.readouterr()
        code = main(["controleer"])
        out, err = capsys.readouterr()
    assert code != 0 and "Traceback" not in out + err, out + err
    caplog.clear()
    with pytest.raises(Abort):
        site.build()
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert len(errors) == 1, errors
    built = errors[0].splitlines()
    assert "Traceback" not in errors[0]
    assert not site.output.exists()
    checked = out.splitlines()
    assert checked[0] == built[0].replace("; er is niets gebouwd:", ":")
    assert checked[1:] == built[1:]
    return checked[1:], built[1:]


def test_a_line_break_in_a_newsletter_subject_is_refused(site: Site, both: Any) -> None:
    newsletter_site(
        site,
        {
            "2026-10.md": (
                "---\ndate: 2026-10-05\n"
                'subject: "Nieuwsbrief\\r\\nBCC: iedereen@example.nl"\n'
                'preheader: "De agenda voor het najaar,\\nnieuws uit de werkvelden en een oproep."\n'
                "---\nWelkom.\n"
            )
        },
    )
    assert both(site)[1] == [
        f"{EDITION}:3: subject: bevat een regeleinde; schrijf de waarde op één regel",
        f"{EDITION}:4: preheader: bevat een regeleinde; schrijf de waarde op één regel",
    ]


def test_line_breaks_in_titles_and_names_are_refused(small_site: Site, both: Any) -> None:
    small_site.write(
        {
            "nieuws/nieuwe-leergemeenschap.md": NEWS.replace(
                "title: Nieuwe leergemeenschap", "title: |\n  Nieuwe\n  leergemeenschap"
            ),
            "partners/museum-boerhaave.md": PARTNER.replace(
                "name: Museum Boerhaave", 'name: "Museum\\nBoerhaave"'
            ),
        }
    )
    assert both(small_site)[1] == [
        f"{NEWS_ITEM}:2: title: bevat een regeleinde; schrijf de waarde op één regel",
        f"{PARTNERS}:2: name: bevat een regeleinde; schrijf de waarde op één regel",
    ]


def test_control_characters_in_fields_and_bodies_are_refused(small_site: Site, both: Any) -> None:
    small_site.write(
        {
            "nieuws/nieuwe-leergemeenschap.md": NEWS.replace(
                "title: Nieuwe leergemeenschap", 'title: "Nieuwe\\vleergemeenschap"'
            ).replace("Nieuws.\n", "Eerste regel.\n\nNieuws\x01 met een stuurteken.\n"),
            "over-ons.md": "# Over ons\n\nWe zijn\x1b er.\n",
        }
    )
    assert both(small_site)[1] == [
        f"{NEWS_ITEM}:2: title: bevat een onzichtbaar stuurteken (#x000b); haal het weg of typ "
        "de waarde opnieuw",
        f"{NEWS_ITEM}:12: bestand: er staat een onzichtbaar stuurteken (#x0001) op deze regel; "
        "typ de regel opnieuw",
        "content/over-ons.md:3: bestand: er staat een onzichtbaar stuurteken (#x001b) op deze "
        "regel; typ de regel opnieuw",
    ]


def test_a_control_character_written_as_a_reference_is_dropped_from_item_bodies(
    small_site: Site,
) -> None:
    # `&#1;` passes validation as text; nh3 would turn it into the character itself, which no
    # feed can hold: the sanitiser drops it (it shows nothing anyway).
    small_site.write(
        {"nieuws/nieuwe-leergemeenschap.md": NEWS.replace("Nieuws.\n", "Nieuws&#1;&#x0b; kort.\n")}
    )
    small_site.build()
    feed = (small_site.output / "feeds/nieuws.xml").read_text(encoding="utf-8")
    assert "Nieuws kort." in feed
    assert "Nieuws kort." in small_site.page("nieuws/nieuwe-leergemeenschap")


def test_absurd_sizes_have_a_limit_and_a_message(small_site: Site, both: Any) -> None:
    small_site.write(
        {
            "nieuws/nieuwe-leergemeenschap.md": NEWS.replace(
                "title: Nieuwe leergemeenschap", "title: " + "x" * (10 * 2**20)
            ),
            "themas/motivatie.md": THEME + "Tekst.\n" * (50 * 2**20 // 7),
            "partners/museum-boerhaave.md": PARTNER.replace(
                "sectors: [po, vo]", "sectors: [" + ", ".join(["po"] * 10_000) + "]"
            ),
            "kennisbank/kennisagenda.md": RESOURCE.replace(
                "title: Kennisagenda onderwijs", "title: " + "x" * 3000
            ),
        }
    )
    assert both(small_site)[1] == [
        "content/kennisbank/kennisagenda.md:2: title: is 3000 tekens lang; schrijf er hoogstens 2000",
        f"{NEWS_ITEM}:1: front matter: is 10240 kB lang, meer dan 1024 kB; houd de velden kort en "
        "zet lange tekst onder de front matter",
        f"{PARTNERS}:3: sectors: is een lijst van 10000 waarden; schrijf er hoogstens 1000",
        "content/themas/motivatie.md:1: bestand: is 50 MB groot, meer dan 20 MB; verdeel de tekst "
        "over meer pagina's",
    ]


def test_ten_thousand_problems_show_the_first_fifty_and_a_count(
    small_site: Site, both: Any
) -> None:
    unknown = "".join(f"veld{number:05}: x\n" for number in range(10_000))
    small_site.write(
        {"partners/museum-boerhaave.md": PARTNER.replace("---\n", "---\n" + unknown, 1)}
    )
    _, built = both(small_site)
    assert len(built) == 51
    assert built[0].startswith(f"{PARTNERS}:2: veld00000: is geen bekend veld;")
    assert built[-1] == "... en nog 9950 problemen"


def test_a_line_break_in_a_setting_is_refused(
    site: Site, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    name = "Primair\nonderwijs\nBcc: x@example.nl"
    newsletter_site(site, audiences=[{"slug": "po", "name": name, "sectors": ["po"]}])
    message = (
        "mkdocs.yml: netwerk: audiences: bevat een regeleinde of een onzichtbaar stuurteken; "
        "schrijf elke waarde op één regel, zonder \\n of andere codes met een backslash"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site.root)
        capsys.readouterr()
        assert main(["controleer"]) != 0
        assert capsys.readouterr().err == f"Fout: {message}\n"
    with pytest.raises(Abort):
        site.build()
    assert message in caplog.text
    assert not site.output.exists()


# --- Newsletters: every link form checked in the rendered HTML, one allow-list -------------------

SCRIPT_LINK = (
    "de link 'javascript:alert(document.domain)' kan niet in een e-mail; gebruik een webadres dat "
    "begint met https:// of mailto:, of een pad op de site zoals agenda/"
)


def edition_with(body: str, intro: str = "Een eigen inleiding.") -> dict[str, str]:
    return {
        "2026-10.md": (
            "---\ndate: 2026-10-05\nsubject: Nieuwsbrief oktober 2026\n"
            f"intros:\n  vo-ho: {json.dumps(intro)}\n---\n{body}\n"
        )
    }


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[klik][r]\n\n[r]: javascript:alert(document.domain)", SCRIPT_LINK),
        ("[klik]\n\n[klik]: <javascript:alert(document.domain)>", SCRIPT_LINK),
        ("[klik](java&#115;cript:alert(document.domain))", SCRIPT_LINK),
        ('<a href="javascript:alert(document.domain)">klik</a>', SCRIPT_LINK),
        ("<p>Zie <a href='javascript:alert(document.domain)'>dit</a>.</p>", SCRIPT_LINK),
        (
            "![x][r]\n\n[r]: javascript:alert(document.domain)",
            "de afbeelding 'javascript:alert(document.domain)' kan niet in de nieuwsbrief; zet de "
            "afbeelding in content/afbeeldingen/ en schrijf het pad, zoals afbeeldingen/foto.png",
        ),
        (
            "![x][r]\n\n[r]: data:image/svg+xml;base64,PHN2Zz4=",
            "de afbeelding 'data:image/svg+xml;base64,PHN2Zz4=' kan niet in de nieuwsbrief; zet de "
            "afbeelding in content/afbeeldingen/ en schrijf het pad, zoals afbeeldingen/foto.png",
        ),
        (
            "![volgpixel](https://tracker.example.com/p.gif)",
            "de afbeelding 'https://tracker.example.com/p.gif' kan niet in de nieuwsbrief; zet de "
            "afbeelding in content/afbeeldingen/ en schrijf het pad, zoals afbeeldingen/foto.png",
        ),
        (
            "[bel ons](tel:0715551234)",
            "de link 'tel:0715551234' kan niet in een e-mail; gebruik een webadres dat begint met "
            "https:// of mailto:, of een pad op de site zoals agenda/",
        ),
    ],
    ids=[
        "reference link",
        "reference link in angle brackets",
        "scheme written with a character reference",
        "raw HTML link",
        "raw HTML block",
        "reference image",
        "data image",
        "image from another host",
        "other scheme",
    ],
)
def test_every_link_form_in_an_edition_body_and_intro_is_checked(
    site: Site, body: str, message: str
) -> None:
    assert edition_problems(site, edition_with(body)) == [f"{EDITION}:1: bestand: {message}"]
    assert edition_problems(site, edition_with("Welkom.", intro=body)) == [
        f"{EDITION}:5: intros.vo-ho: {message}"
    ]


def test_links_that_can_go_in_an_email_pass(site: Site) -> None:
    body = (
        "Zie de [agenda](agenda/), [ons](mailto:info@example.nl), <https://www.example.nl/>, "
        "[de site][s] en ![een foto](afbeeldingen/foto.png).\n\n[s]: https://www.example.nl/"
    )
    assert edition_problems(site, edition_with(body)) == []


def test_edition_html_goes_through_the_items_allow_list(site: Site) -> None:
    # Whatever passes validation, or would slip past it, the allow-list stands behind it.
    from netwerk import sanitize
    from netwerk.newsletters import edition_html

    hostile = "[a][r] ![b][r] [c](data:text/html,x)\n\n[r]: javascript:alert(1)"
    cleaned = sanitize.clean(edition_html(hostile))
    assert "javascript:" not in cleaned and "data:" not in cleaned
    assert ">a</a>" in cleaned and "<img" not in cleaned


def test_an_edition_image_is_absolute_in_the_email_and_no_script_reaches_any_output(
    site: Site,
) -> None:
    body = "Welkom. ![Leerlingen](afbeeldingen/foto.png) <b>vet</b> [agenda](agenda/)"
    newsletter_site(site, edition_with(body)).build()
    folder = site.output / "nieuwsbrief/vve-po/2026-10"
    email = (folder / "email.html").read_text(encoding="utf-8")
    assert 'src="https://netwerk.example.nl/afbeeldingen/foto.png"' in email
    assert 'href="https://netwerk.example.nl/agenda/"' in email
    assert "&lt;b&gt;vet&lt;/b&gt;" in email
    for path in [*folder.iterdir(), site.output / "nieuwsbrief/vve-po/rss.xml"]:
        assert "javascript:" not in path.read_text(encoding="utf-8", errors="replace")
