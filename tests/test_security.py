"""Hostile and broken input: every case ends in a Dutch message or a harmless outcome, never in a
traceback, a hang, a half-built site or someone else's content in the output."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from jinja2.exceptions import UndefinedError
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import NEWS, PARTNER, REPO, RESOURCE, THEME, Site
from netwerk.core.audiences import Audience
from netwerk.core.files import svg_problem
from netwerk.core.problems import Problem
from netwerk.core.settings import Settings
from netwerk.editing.cli import main
from test_newsletters import PNG, edition_problems, newsletter_site
from test_validation import problems

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
    # Reported on the line where the address is written (the body starts on line 7), or on the
    # body's first line when the address is only there once decoded (java&#115;cript:).
    target = message.split("'")[1]
    at = body.find(target)
    line = 7 + (body.count("\n", 0, at) if at >= 0 else 0)
    assert edition_problems(site, edition_with(body)) == [f"{EDITION}:{line}: tekst: {message}"]
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
    from netwerk.core import sanitize
    from netwerk.core.editions import edition_html

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


# --- Files: no host files, no hangs, only known types, no script in images ---------------------

FILE_FIX = "zet het bestand zelf in de map, zodat er geen bestanden van elders op de site komen"
SVG_FIX = (
    "sla de afbeelding opnieuw op zonder scripts en zonder verwijzingen naar andere bestanden "
    "(bijvoorbeeld met SVGOMG), of gebruik een PNG"
)
CLEAN_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs>'
    '<rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/></svg>\n'
)


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail instead of waiting forever (a pipe read as a page)."""
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("gestopt na 60 seconden: hangt"))
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)


def test_a_link_to_a_file_outside_content_is_refused_and_not_published(
    small_site: Site, both: Any
) -> None:
    secret = small_site.root / "geheim.txt"  # a CI job's credentials beside the content
    secret.write_text("wachtwoord\n", encoding="utf-8")
    (small_site.content / "afbeeldingen").mkdir()
    (small_site.content / "afbeeldingen" / "x.png").symlink_to("/etc/passwd")
    (small_site.content / "geheim.md").symlink_to(secret)
    assert both(small_site)[1] == [
        "content/afbeeldingen/x.png:1: bestand: is een snelkoppeling (symbolische link) naar een "
        f"bestand buiten content/; {FILE_FIX}",
        "content/geheim.md:1: bestand: is een snelkoppeling (symbolische link) naar een bestand "
        f"buiten content/; {FILE_FIX}",
    ]


def test_a_link_to_a_folder_is_refused_and_not_followed(
    small_site: Site, both: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elders")
    (elsewhere / "geheim.md").write_text("# Geheim\n", encoding="utf-8")
    (small_site.content / "extern").symlink_to(elsewhere, target_is_directory=True)
    assert both(small_site)[1] == [
        "content/extern:1: bestand: is een snelkoppeling (symbolische link) naar een map; die "
        "wordt niet gevolgd, zodat er geen bestanden van elders op de site komen; zet de map zelf "
        "in content/"
    ]


def test_a_link_to_a_file_inside_content_is_read_as_that_file(small_site: Site) -> None:
    (small_site.content / "afbeeldingen").mkdir()
    (small_site.content / "afbeeldingen" / "logo.svg").write_text(CLEAN_SVG, encoding="utf-8")
    (small_site.content / "afbeeldingen" / "ook-logo.svg").symlink_to("logo.svg")
    small_site.build()
    assert (small_site.output / "afbeeldingen/ook-logo.svg").read_text() == CLEAN_SVG


def test_a_pipe_is_refused_and_never_opened(small_site: Site, both: Any, no_hang: None) -> None:
    (small_site.content / "afbeeldingen").mkdir()
    os.mkfifo(small_site.content / "partners" / "x.md")
    os.mkfifo(small_site.content / "afbeeldingen" / "x.png")
    os.mkfifo(small_site.content / "organisatie.yml")
    message = (
        "is geen gewoon bestand (maar bijvoorbeeld een pipe, apparaat of socket) en wordt niet "
        "gelezen; verwijder het uit de map"
    )
    assert both(small_site)[1] == [
        f"content/afbeeldingen/x.png:1: bestand: {message}",
        f"content/organisatie.yml:1: bestand: {message}",
        f"content/partners/x.md:1: bestand: {message}",
    ]


def test_a_pipe_among_the_editions_is_refused(site: Site, both: Any, no_hang: None) -> None:
    newsletter_site(site)
    os.mkfifo(site.root / "newsletters" / "2026-11.md")
    assert both(site)[1] == [
        "newsletters/2026-11.md:1: bestand: is geen gewoon bestand (maar bijvoorbeeld een pipe, "
        "apparaat of socket) en wordt niet gelezen; verwijder het uit de map"
    ]


def test_a_link_out_of_the_editions_folder_is_refused(site: Site, both: Any) -> None:
    newsletter_site(site)
    (site.root / "geheim.md").write_text("---\ndate: 2026-11-01\nsubject: Geheim\n---\nGeheim.\n")
    (site.root / "newsletters" / "2026-11.md").symlink_to(site.root / "geheim.md")
    assert both(site)[1] == [
        "newsletters/2026-11.md:1: bestand: is een snelkoppeling (symbolische link) naar een "
        f"bestand buiten newsletters/; {FILE_FIX}"
    ]


def test_only_known_types_are_published(small_site: Site, both: Any) -> None:
    small_site.write(
        {
            "afbeeldingen/foto.png": PNG,
            "downloads/verslag.pdf": b"%PDF-1.4\n",
            "downloads/programma.exe": b"MZ",
            "extra.js": "alert(document.cookie)\n",
            "pagina.html": "<script>alert(1)</script>\n",
            "CNAME": "www.example.nl\n",
            ".verborgen/notities.exe": b"MZ",  # hidden: MkDocs never publishes it
        }
    )
    fix = "haal het weg, of zet het type onder static_types in mkdocs.yml als het er wel op hoort"
    assert both(small_site)[1] == [
        f"content/CNAME:1: bestand: een bestand zonder extensie komt niet op de site; {fix}",
        f"content/downloads/programma.exe:1: bestand: een bestand van het type .exe komt niet op "
        f"de site; {fix}",
        f"content/extra.js:1: bestand: een bestand van het type .js komt niet op de site; {fix}",
        f"content/pagina.html:1: bestand: een bestand van het type .html komt niet op de site; "
        f"{fix}",
    ]
    for name in ("downloads/programma.exe", "extra.js", "pagina.html", "CNAME"):
        (small_site.content / name).unlink()
    small_site.build()
    assert (small_site.output / "afbeeldingen/foto.png").read_bytes() == PNG
    assert (small_site.output / "downloads/verslag.pdf").exists()


def test_the_published_types_are_a_setting(small_site: Site) -> None:
    small_site.write({"extra.js": "console.log(1)\n", "afbeeldingen/foto.png": PNG})
    small_site.configure(static_types=[".js", "PNG"]).build()
    assert (small_site.output / "extra.js").exists()
    assert (small_site.output / "afbeeldingen/foto.png").exists()


def test_a_wrong_type_in_the_setting_is_named(small_site: Site, caplog: Any) -> None:
    small_site.configure(static_types=["*.pdf"])
    with pytest.raises(Abort):
        small_site.build()
    assert (
        "mkdocs.yml: netwerk: static_types: '*.pdf' is geen bestandstype; schrijf een extensie, "
        "zoals .pdf"
    ) in caplog.text


SVGS = {
    "script": (
        '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(document.domain)</script>\n</svg>',
        f"2: bestand: de SVG bevat <script>, dat op de site code kan uitvoeren; {SVG_FIX}",
    ),
    "event handler": (
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        f"1: bestand: de SVG bevat het attribuut onload, dat code uitvoert; {SVG_FIX}",
    ),
    "foreignObject": (
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p xmlns="http://www.w3.org/1999/'
        'xhtml">x</p></foreignObject></svg>',
        f"1: bestand: de SVG bevat <foreignObject>, dat op de site code kan uitvoeren; {SVG_FIX}",
    ),
    "external image": (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<image xlink:href="https://tracker.example.com/p.png"/></svg>',
        "1: bestand: de SVG verwijst naar 'https://tracker.example.com/p.png' buiten het bestand; "
        f"{SVG_FIX}",
    ),
    "script link": (
        '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a>'
        "</svg>",
        f"1: bestand: de SVG verwijst naar 'javascript:alert(1)' buiten het bestand; {SVG_FIX}",
    ),
    "stylesheet from elsewhere": (
        '<svg xmlns="http://www.w3.org/2000/svg"><style>\nrect { fill: url("https://x.example/'
        'p.svg#a") }\n</style></svg>',
        f"2: bestand: de SVG verwijst naar 'https://x.example/p.svg#a' buiten het bestand; "
        f"{SVG_FIX}",
    ),
    "entities": (
        '<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY a "aaaaaaaaaa">\n]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        f"3: bestand: de SVG definieert eigen entiteiten (<!ENTITY>); {SVG_FIX}",
    ),
    "not XML": (
        "<svg><g></svg>",
        "1: bestand: is geen leesbare SVG (de XML klopt niet op deze regel); sla de afbeelding "
        "opnieuw op als SVG, of gebruik een PNG",
    ),
    "HTML named .svg": (
        "<html><body><script>alert(1)</script></body></html>",
        f"1: bestand: is geen SVG (het bestand begint met <html>, niet met <svg>); {SVG_FIX}",
    ),
}


@pytest.mark.parametrize(("svg", "message"), SVGS.values(), ids=SVGS.keys())
def test_an_svg_that_could_run_code_or_load_another_file_is_refused(
    small_site: Site, svg: str, message: str
) -> None:
    small_site.write({"afbeeldingen/logo.svg": svg})
    assert problems(small_site, {}) == [f"content/afbeeldingen/logo.svg:{message}"]


def test_the_example_logos_and_a_plain_drawing_pass(small_site: Site) -> None:
    for logo in (REPO / "content/afbeeldingen/logos").glob("*.svg"):
        assert svg_problem(logo.read_bytes()) is None, logo.name
    small_site.write({"afbeeldingen/logo.svg": CLEAN_SVG}).build()
    assert (small_site.output / "afbeeldingen/logo.svg").read_text() == CLEAN_SVG


def test_mkdocs_publishes_only_the_files_validation_let_through(
    small_site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    # MkDocs walks docs_dir itself (following links to folders); the plugin removes whatever the
    # checks did not see, even a file that appears after them.
    from netwerk.core import loader

    seen = loader.scan

    def scan_then_add(*args: Any) -> list[str]:
        found = seen(*args)
        small_site.write({"laat.exe": b"MZ"})
        return found

    monkeypatch.setattr(loader, "scan", scan_then_add)
    small_site.build()
    assert not (small_site.output / "laat.exe").exists()
    assert (small_site.output / "index.html").exists()


# --- An atomic build: a failure at any point leaves the previous site -------------------------


def snapshot(site: Site) -> dict[str, tuple[int, bytes]]:
    return {
        path.relative_to(site.output).as_posix(): (path.stat().st_mtime_ns, path.read_bytes())
        for path in sorted(site.output.rglob("*"))
        if path.is_file()
    }


def leftovers(site: Site) -> list[str]:
    return sorted(path.name for path in site.root.iterdir() if path.name.startswith(".site"))


@pytest.fixture
def built_once(small_site: Site) -> tuple[Site, dict[str, tuple[int, bytes]]]:
    newsletter_site(small_site).build()
    before = snapshot(small_site)
    assert "feeds/nieuws.xml" in before and "agenda/kalender.ics" in before
    assert any(name.endswith("/email.html") for name in before)
    return small_site, before


def test_a_template_error_late_in_the_build_leaves_the_previous_site(
    built_once: tuple[Site, dict[str, tuple[int, bytes]]],
) -> None:
    site, before = built_once
    overrides = site.root / "overrides"
    (overrides / "netwerk").mkdir(parents=True)
    (overrides / "netwerk/nieuws-item.html").write_text(
        "{% extends 'main.html' %}{% block content %}{{ undefined_var.attr }}{% endblock %}\n",
        encoding="utf-8",
    )
    config = yaml.safe_load((site.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(overrides)
    (site.root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    with pytest.raises(UndefinedError):
        site.build()
    assert snapshot(site) == before
    assert leftovers(site) == []


@pytest.mark.parametrize("forked", [True, False], ids=["forked", "in the build"])
def test_a_crash_in_a_library_leaves_the_previous_site(
    built_once: tuple[Site, dict[str, tuple[int, bytes]]],
    monkeypatch: pytest.MonkeyPatch,
    forked: bool,
) -> None:
    from netwerk.agenda import calendars
    from netwerk.plugin import beside

    site, before = built_once

    def crash(*_: object) -> dict[str, str]:
        raise ValueError("icalendar is stuk")

    monkeypatch.setattr(calendars, "files", crash)
    monkeypatch.setattr(beside, "can_fork", lambda: forked)
    with pytest.raises(Abort):
        site.build()
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_a_full_disk_while_writing_the_feeds_leaves_the_previous_site(
    built_once: tuple[Site, dict[str, tuple[int, bytes]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from netwerk.newsletters import feeds

    site, before = built_once

    def full(*_: object) -> dict[str, str]:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(feeds, "news_feeds", full)
    with pytest.raises(OSError, match="No space left"):
        site.build()
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_a_warning_in_a_strict_build_leaves_the_previous_site(
    built_once: tuple[Site, dict[str, tuple[int, bytes]]],
) -> None:
    site, before = built_once
    site.write({"index.md": "# Ons netwerk\n\nZie [de pagina](bestaat-niet.md).\n"})
    with pytest.raises(Abort, match="strict mode"):
        site.build(strict=True)
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_a_good_build_replaces_the_previous_site_whole(
    built_once: tuple[Site, dict[str, tuple[int, bytes]]],
) -> None:
    site, before = built_once
    site.output.chmod(0o755)
    (site.output / "oud-bestand.txt").write_text("van de vorige keer\n", encoding="utf-8")
    config = load_config(str(site.root / "mkdocs.yml"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    assert config.site_dir == str(site.output)  # as it was, for gh-deploy
    after = snapshot(site)
    assert "oud-bestand.txt" not in after
    assert {name: data for name, (_, data) in after.items()} == {
        name: data for name, (_, data) in before.items()
    }
    assert stat.S_IMODE(site.output.stat().st_mode) == 0o755
    assert leftovers(site) == []


def test_mkdocs_serve_builds_in_its_own_folder(small_site: Site) -> None:
    small_site.configure()
    config = load_config(str(small_site.root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    assert config.site_dir == str(small_site.output)
    assert (small_site.output / "index.html").exists()
    assert leftovers(small_site) == []


# --- Generated input: edition bodies and static files ------------------------------------------

GENERATED = settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
TARGETS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java&#115;cript:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/png;base64,AAAA",
    "vbscript:x",
    "tel:0715551234",
    "https://www.example.nl/",
    "http://www.example.nl/?a=1&b=2",
    "mailto:info@example.nl",
    "//andere.example/x",
    "agenda/",
    "../agenda/x.md",
    "#kop",
    "afbeeldingen/foto.png",
    "http://[kapot",
]
MARKDOWN = [
    "[a]({t})",
    "[a](<{t}>)",
    "![a]({t})",
    "[a][r]\n\n[r]: {t}\n",
    "![a][r]\n\n[r]: {t}\n",
    "[r]\n\n[r]: {t}\n",
    "<{t}>",
    '<a href="{t}">a</a>',
    "<img src='{t}'>",
    '<div markdown="1">[a]({t})</div>',
    '\n\n<p>\n<a href="{t}">a</a>\n</p>\n\n',
    '[a]({t} "titel")',
    "&#1;",
    "\x0b",
    "\n",
    "`[a]({t})`",
    "    [a]({t})\n",
    "*",
    "]",
    "(",
]


@st.composite
def edition_bodies(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.tuples(st.sampled_from(MARKDOWN), st.sampled_from(TARGETS) | st.text(max_size=8)),
            max_size=6,
        )
    )
    return " ".join(fragment.replace("{t}", target) for fragment, target in parts)


def live_targets(html: str) -> list[str]:
    """Every href and src an email client or browser would follow."""
    from netwerk.core.editions import _Targets

    return [target for _, target in _Targets.of(html)]


def follows_only_safe_schemes(html: str) -> bool:
    for target in live_targets(html):
        try:
            scheme = urlsplit(target).scheme.lower()
        except ValueError:
            return False
        if scheme not in ("", "http", "https", "mailto"):
            return False
    return True


@pytest.fixture(scope="module")
def editions_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("edities")


@GENERATED
@given(edition_bodies(), st.booleans())
def test_generated_edition_bodies_end_in_problems_or_in_safe_html(
    editions_folder: Path, body: str, as_intro: bool
) -> None:
    from netwerk.core import sanitize
    from netwerk.core.editions import edition_html, load_editions
    from netwerk.core.frontmatter import CONTROL

    folder = editions_folder / "newsletters"
    folder.mkdir(exist_ok=True)
    intro = f"intros:\n  po: {json.dumps(body)}\n" if as_intro else ""
    text = f"---\ndate: 2026-10-05\nsubject: Nieuwsbrief\n{intro}---\n{'' if as_intro else body}\n"
    (folder / "2026-10.md").write_text(text, encoding="utf-8")
    audiences = [Audience("po", "PO", ("po",))]
    editions, found = load_editions(
        folder,
        Settings(build_date=date(2026, 11, 23)),
        audiences,
        None,
        content_dir=editions_folder,
        root=editions_folder,
    )
    lines = text.count("\n") + 1
    for problem in found:
        assert problem.path == "newsletters/2026-10.md"
        assert 1 <= problem.line <= lines, problem
        assert "\n" not in str(problem) and "\r" not in str(problem), problem
    event("accepted" if editions else "refused")
    cleaned = sanitize.clean(edition_html(body))
    # The allow-list holds whatever validation said.
    assert follows_only_safe_schemes(cleaned), cleaned
    assert not CONTROL.search(cleaned)
    if editions:
        # Accepted: nothing validation passed is dropped for its address.
        assert follows_only_safe_schemes(edition_html(body))
        assert follows_only_safe_schemes(str(markdown.markdown(body)))


SVG_PARTS = [
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">',
    "</svg>",
    "<g>",
    "</g>",
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    '<rect onload="alert(1)"/>',
    '<rect ONCLICK="alert(1)"/>',
    '<a href="javascript:alert(1)"><text>x</text></a>',
    '<a xlink:href="https://x.example/"><text>x</text></a>',
    '<use href="#a"/>',
    '<image href="data:image/png;base64,AAAA"/>',
    '<image href="data:image/svg+xml;base64,AAAA"/>',
    '<image xlink:href="https://tracker.example/p.gif"/>',
    '<rect fill="url(#g)"/>',
    "<rect fill=\"url('https://x.example/f.svg#g')\"/>",
    "<style>rect { fill: url(#g) }</style>",
    '<style>@import "https://x.example/s.css";</style>',
    "<style><![CDATA[ rect { background: url(https://x.example/p.png) } ]]></style>",
    "<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>x</div></foreignObject>",
    '<set attributeName="href" to="javascript:alert(1)"/>',
    '<animate attributeName="onclick" values="alert(1)"/>',
    "&#x3c;script&#x3e;",
    "<!-- <script> -->",
    '<?xml-stylesheet href="https://x.example/s.css"?>',
    '<!DOCTYPE svg [<!ENTITY a "aaaa">]>',
    "&a;",
    "<text>tekst</text>",
    "\n",
]
SUFFIXES = [".png", ".svg", ".SVG", ".pdf", ".exe", ".js", ".html", "", ".md", ".txt"]


@st.composite
def static_files(draw: st.DrawFn) -> tuple[str, str, bytes]:
    kind = draw(
        st.sampled_from(["file", "file", "file", "link inside", "link outside", "pipe", "folder"])
    )
    suffix = draw(st.sampled_from(SUFFIXES))
    if suffix.lower() == ".svg" and draw(st.booleans()):
        safe = st.sampled_from(["<g>", "</g>", '<use href="#a"/>', '<rect fill="url(#g)"/>'])
        parts = draw(st.lists(safe | st.sampled_from(SVG_PARTS), max_size=6))
        content = (SVG_PARTS[0] + "".join(parts) + "</svg>").encode()
    else:
        content = draw(st.binary(max_size=40))
    return kind, f"bestand{suffix}", content


def independent_svg_check(raw: bytes) -> bool:
    """An accepted SVG read again with ElementTree: no active element, handler or reference."""
    root = ET.fromstring(raw)
    if root.tag.rsplit("}", 1)[-1] != "svg":
        return False
    for element in root.iter():
        name = str(element.tag).rsplit("}", 1)[-1].lower()
        if name in ("script", "foreignobject", "iframe", "embed", "object"):
            return False
        for attribute, value in element.attrib.items():
            key = attribute.rsplit("}", 1)[-1].lower()
            if key.startswith("on") or "javascript:" in value.lower():
                return False
            if key == "href" and not value.startswith(("#", "data:image/png", "data:image/")):
                return False
            if "url(" in value.replace(" ", "") and "url(#" not in value.replace(" ", ""):
                return False
        if name == "style" and "http" in "".join(element.itertext()):
            return False
    return True


@GENERATED
@given(static_files())
def test_generated_files_are_published_only_when_safe(
    tmp_path_factory: pytest.TempPathFactory, generated: tuple[str, str, bytes]
) -> None:
    from netwerk.core.files import DEFAULT_STATIC_TYPES, scan

    kind, name, content = generated
    root = tmp_path_factory.mktemp("bestanden")
    content_dir = root / "content"
    (content_dir / "afbeeldingen").mkdir(parents=True)
    path = content_dir / "afbeeldingen" / name
    elsewhere = root / "elders"
    elsewhere.mkdir()
    if kind == "file":
        path.write_bytes(content)
    elif kind == "link inside":
        (content_dir / f"echt{path.suffix}").write_bytes(content)
        path.symlink_to(content_dir / f"echt{path.suffix}")
    elif kind == "link outside":
        (elsewhere / "geheim").write_bytes(content)
        path.symlink_to(elsewhere / "geheim")
    elif kind == "pipe":
        os.mkfifo(path)
    else:
        path.symlink_to(elsewhere, target_is_directory=True)
    found: list[Problem] = []
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("hangt"))
    signal.alarm(20)
    try:
        published = scan(content_dir, DEFAULT_STATIC_TYPES, lambda uri: f"content/{uri}", found)
    finally:
        signal.alarm(0)
    uri = f"afbeeldingen/{name}"
    mine = [problem for problem in found if problem.path == f"content/{uri}"]
    # Each file is either kept or refused with one problem in the usual form.
    assert (uri in published) != bool(mine), (published, found)
    event(
        f"{kind}, {path.suffix.lower() or 'no suffix'}: {'kept' if uri in published else 'refused'}"
    )
    for problem in found:
        assert problem.line >= 1 and problem.field == "bestand"
        assert "\n" not in str(problem), problem
    if uri not in published:
        return
    assert kind in ("file", "link inside")
    suffix = path.suffix.lower()
    assert suffix == ".md" or suffix in DEFAULT_STATIC_TYPES
    if suffix == ".svg":
        assert independent_svg_check(path.read_bytes()), path.read_bytes()


def _hostile_subject(site: Site) -> None:
    (site.root / "newsletters" / "2026-10.md").write_text(
        '---\ndate: 2026-10-05\nsubject: "Nieuwsbrief\\r\\nBCC: x@example.nl"\n---\nWelkom.\n',
        encoding="utf-8",
    )


def _pipe(site: Site) -> None:
    os.mkfifo(site.content / "partners" / "x.md")


def _link_out(site: Site) -> None:
    (site.content / "afbeeldingen" / "x.png").symlink_to("/etc/passwd")


def _script_logo(site: Site) -> None:
    site.write({"afbeeldingen/logo.svg": SVGS["script"][0]})


def _control_character(site: Site) -> None:
    site.write({"nieuws/nieuwe-leergemeenschap.md": NEWS.replace("Nieuws.", "Nieuws\x0b.")})


@pytest.mark.parametrize(
    "spoil",
    [_hostile_subject, _pipe, _link_out, _script_logo, _control_character],
    ids=["line break in a subject", "pipe", "link out", "script in a logo", "control character"],
)
def test_refused_input_leaves_the_previous_site(
    built_once: tuple[Site, dict[str, tuple[int, bytes]]], spoil: Any, no_hang: None
) -> None:
    site, before = built_once
    spoil(site)
    with pytest.raises(Abort):
        site.build()
    assert snapshot(site) == before
    assert leftovers(site) == []
