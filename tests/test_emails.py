"""The newsletter as email: standalone HTML, plain text and .eml, read back as a mail client would."""

from __future__ import annotations

import re
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any

import pytest

from browser import axe, serve, visit
from conftest import Site
from netwerk.newsletters.emails import MAX_BYTES
from test_newsletters import newsletter_site

EDITION = "nieuwsbrief/vve-po/2026-10"
SUBJECT = "Nieuwsbrief oktober 2026"
PREHEADER = "De agenda voor het najaar, nieuws uit de werkvelden en een oproep."
IMAGE = "https://netwerk.example.nl/afbeeldingen/foto.png"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return newsletter_site(Site(tmp_path_factory.mktemp("nieuwsbrief"))).build()


def read(site: Site, name: str, edition: str = EDITION) -> str:
    return (site.output / edition / name).read_text(encoding="utf-8")


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], parents: list[str]) -> None:
        self.tag, self.attrs, self.parents = tag, attrs, parents
        self.text = ""


class Parsed(HTMLParser):
    """Every element with its attributes, ancestors and text; the body's first element."""

    VOID = frozenset({"meta", "img", "br", "hr", "link", "input"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, [e.tag for e in self.open])
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data

    def all(self, tag: str) -> list[Element]:
        return [element for element in self.elements if element.tag == tag]

    def body_first(self) -> Element:
        return next(e for e in self.elements if e.parents and e.parents[-1] == "body")


# --- email.html ------------------------------------------------------------------------------


def test_document_head(built: Site) -> None:
    html = read(built, "email.html")
    parsed = Parsed(html)
    assert html.startswith("<!DOCTYPE html>")
    assert parsed.all("html")[0].attrs["lang"] == "nl"
    metas = parsed.all("meta")
    assert metas[0].attrs == {"charset": "utf-8"}
    named = {meta.attrs.get("name"): meta.attrs.get("content") for meta in metas}
    assert named["viewport"] == "width=device-width, initial-scale=1"
    assert named["color-scheme"] == "light dark"
    assert named["supported-color-schemes"] == "light dark"
    assert parsed.all("title")[0].text == SUBJECT


def test_table_layout_with_a_600_pixel_container(built: Site) -> None:
    parsed = Parsed(read(built, "email.html"))
    tables = parsed.all("table")
    assert tables and all(table.attrs.get("role") == "presentation" for table in tables)
    container = [table for table in tables if table.attrs.get("width") == "600"]
    assert len(container) == 1
    assert "max-width: 600px" in container[0].attrs["style"]
    # Outlook's Word engine ignores max-width: a fixed 600 px table only it sees.
    html = read(built, "email.html")
    assert '<!--[if mso]><table role="presentation" width="600"' in html
    # Besides the container, Outlook sees only the buttons drawn in VML.
    assert html.count("<!--[if mso]>") == 2 + html.count("<v:roundrect ")


def test_all_css_is_inlined_and_only_media_rules_stay_in_the_head(built: Site) -> None:
    html = read(built, "email.html")
    parsed = Parsed(html)
    styles = parsed.all("style")
    assert len(styles) == 1 and styles[0].parents == ["html", "head"]
    css = styles[0].text
    assert "prefers-color-scheme: dark" in css
    assert "max-width: 620px" in css
    # Without the @media blocks nothing is left: every other rule went into style attributes.
    outside_media = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", css)
    assert outside_media.strip() == ""
    for element in parsed.elements:
        if element.attrs.get("class") and element.tag not in ("body", "div"):
            assert element.attrs.get("style"), element.tag
    h1 = parsed.all("h1")[0]
    assert "font-size: 28px" in h1.attrs["style"]


def test_nothing_outlook_or_privacy_unsafe(built: Site) -> None:
    html = read(built, "email.html").lower()
    for forbidden in (
        "<script",
        "<iframe",
        "<form",
        "<link",
        "@import",
        "@font-face",
        "url(",
        "display: flex",
        "display:flex",
        "display: grid",
        "position:",
        "float:",
        "var(--",
    ):
        assert forbidden not in html, forbidden
    assert not re.search(r"(^|[;\s{])--[a-z-]+\s*:", html), "CSS custom property"


def test_hidden_preheader_is_the_first_element_of_the_body(built: Site) -> None:
    first = Parsed(read(built, "email.html")).body_first()
    assert first.tag == "div"
    assert "display: none" in first.attrs["style"]
    assert first.text == PREHEADER
    assert 40 <= len(first.text) <= 150


def test_a_preheader_is_made_when_the_edition_has_none(built: Site) -> None:
    first = Parsed(read(built, "email.html", "nieuwsbrief/vve-po/2026-06")).body_first()
    assert first.text == "Nieuwsbrief juni 2026 voor VVE en PO: PO in mei, Gluren bij de Buren"


def test_images_have_alt_an_absolute_https_source_and_a_width(built: Site) -> None:
    images = Parsed(read(built, "email.html")).all("img")
    assert [image.attrs["src"] for image in images] == [IMAGE]
    for image in images:
        assert image.attrs["alt"] == "Leerlingen bij een proef"
        assert image.attrs["width"] == "536"
        assert image.attrs.get("height") != "1"  # no tracking pixel


def test_every_link_is_absolute_and_has_text(built: Site) -> None:
    links = Parsed(read(built, "email.html")).all("a")
    assert len(links) > 10
    for link in links:
        assert link.attrs["href"].startswith(("https://", "mailto:")), link.attrs["href"]
        assert link.text.strip(), link.attrs["href"]
    hrefs = [link.attrs["href"] for link in links]
    assert "https://netwerk.example.nl/nieuwsbrief/vve-po/2026-10/" in hrefs  # web version
    assert "https://netwerk.example.nl/agenda/" in hrefs  # the intro's relative link
    assert "https://mail.example.nl/afmelden?lijst=vve-po" in hrefs
    assert "mailto:afmelden@netwerk.example.nl?subject=afmelden%20vve-po" in hrefs
    assert not any("utm_" in href for href in hrefs)  # off unless switched on


def test_calls_to_action_are_bulletproof_buttons(built: Site) -> None:
    parsed = Parsed(read(built, "email.html", "nieuwsbrief/vo-ho/2026-10"))
    buttons = [a for a in parsed.all("a") if a.attrs.get("class") == "email-button"]
    registration = [a for a in buttons if a.attrs["href"] == "https://www.example.nl/aanmelden-vo"]
    assert registration and registration[0].text == "Aanmelden"
    for button in buttons:
        assert button.parents[-1] == "td" and "table" in button.parents[-4:]
        assert "display: inline-block" in button.attrs["style"]
        assert "padding: 10px 20px" in button.attrs["style"]
    cells = [td for td in parsed.all("td") if td.attrs.get("class") == "email-button-cell"]
    # The network's colour: Material's default indigo for a site without a palette.
    assert cells and all(td.attrs["bgcolor"] == "#4051b5" for td in cells)
    # Every highlighted item has a call to action; ordinary news only its linked title.
    highlighted = Parsed(read(built, "email.html"))
    actions = [
        (a.text, a.attrs["href"])
        for a in highlighted.all("a")
        if a.attrs.get("class") == "email-button"
    ]
    assert actions == [
        ("Lees meer", "https://netwerk.example.nl/projecten/gluren/"),
        ("Lees meer", "https://netwerk.example.nl/nieuws/met-foto/"),
    ]


def test_sections_hold_the_selected_items_and_empty_ones_are_left_out(built: Site) -> None:
    text = Parsed(read(built, "email.html")).all("body")[0].text
    for title in ("PO in september", "Voor iedereen", "Oproep voor scholen", "PO binnenkort"):
        assert title in text
    for absent in ("VO in september", "Conceptbericht", "PO concept", "Na de editie", "PO ver weg"):
        assert absent not in text
    headings = [h2.text for h2 in Parsed(read(built, "email.html")).all("h2")]
    assert headings == ["Uitgelicht", "Nieuws", "Nieuwe kansen", "Agenda"]


def test_an_audience_with_nothing_new_gets_a_clear_edition(built: Site) -> None:
    parsed = Parsed(read(built, "email.html", "nieuwsbrief/mbo/2026-06"))
    assert parsed.all("h2") == []
    body = parsed.all("body")[0].text
    assert "Sinds de vorige nieuwsbrief is er geen nieuws en staat er niets op de agenda" in body
    assert "Afmelden via de website" in body


def test_size_under_90_kb_with_the_unsubscribe_link_before_it(built: Site) -> None:
    data = (built.output / EDITION / "email.html").read_bytes()
    assert len(data) < MAX_BYTES
    assert data.index(b"https://mail.example.nl/afmelden?lijst=vve-po") < MAX_BYTES


def test_a_very_full_edition_is_cut_short_to_stay_under_90_kb(site: Site) -> None:
    long = "Een lange samenvatting die veel ruimte inneemt in de e-mail. " * 6
    many = {
        f"nieuws/bericht-{n:03}.md": (
            f"---\ntitle: Bericht {n}\ndate: 2026-09-{n % 28 + 1:02}\nkind: nieuws\n"
            f"summary: {long}\nsectors: [po]\n---\n"
        )
        for n in range(250)
    }
    newsletter_site(site).write(many).build()
    data = (site.output / EDITION / "email.html").read_bytes()
    assert len(data) < MAX_BYTES
    assert b"https://mail.example.nl/afmelden?lijst=vve-po" in data
    hidden = re.search(rb"Nog (\d+) meer op de website", data)
    assert hidden and 0 < int(hidden[1]) < 250
    assert "Bericht" in read(site, "email.txt")
    # The web version, where "more on the website" leads, lists every message of the edition.
    web = read(site, "index.html")
    assert all(f'href="../../../nieuws/bericht-{n:03}/"' in web for n in range(250))


def test_utm_parameters_per_audience_and_edition_when_switched_on(site: Site) -> None:
    newsletter_site(site, newsletter_utm=True).build()
    hrefs = [a.attrs["href"] for a in Parsed(read(site, "email.html")).all("a")]
    campaign = "utm_source=nieuwsbrief&utm_medium=email&utm_campaign=nieuwsbrief-2026-10-vve-po"
    assert f"https://netwerk.example.nl/agenda/po-binnenkort/?{campaign}" in hrefs
    assert "https://mail.example.nl/afmelden?lijst=vve-po" in hrefs  # not the mailing tool's
    other = [
        a.attrs["href"]
        for a in Parsed(read(site, "email.html", "nieuwsbrief/vo-ho/2026-10")).all("a")
    ]
    assert "https://www.example.nl/aanmelden-vo" in other  # not another site's links
    assert any(href.endswith("utm_campaign=nieuwsbrief-2026-10-vo-ho") for href in other)
    assert set(re.findall(r"https?://\S+", read(site, "email.txt"))) >= {
        f"https://netwerk.example.nl/agenda/po-binnenkort/?{campaign}"
    }


# --- email.txt -------------------------------------------------------------------------------


def test_text_version_holds_every_link_and_no_preheader(built: Site) -> None:
    for edition in (EDITION, "nieuwsbrief/vo-ho/2026-10", "nieuwsbrief/mbo/2026-06"):
        html = read(built, "email.html", edition)
        text = read(built, "email.txt", edition)
        hrefs = {a.attrs["href"] for a in Parsed(html).all("a")}
        assert hrefs, edition
        missing = [href for href in hrefs if href not in text]
        assert missing == [], edition
        assert re.findall(r"</?[A-Za-z][^>]*>|&[a-z]+;", text) == [], edition  # no HTML
    assert PREHEADER not in read(built, "email.txt")
    assert (
        "Welkom bij de nieuwsbrief van oktober. Bekijk ook de agenda\n(https://netwerk.example.nl/agenda/)."
        in read(built, "email.txt")
    )


# --- bericht.eml -----------------------------------------------------------------------------


def message(site: Site, edition: str = EDITION) -> tuple[bytes, EmailMessage]:
    raw = (site.output / edition / "bericht.eml").read_bytes()
    parsed = message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return raw, parsed


def test_eml_is_multipart_alternative_text_first(built: Site) -> None:
    _, msg = message(built)
    assert msg.get_content_type() == "multipart/alternative"
    parts = list(msg.iter_parts())
    assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
    # On the wire (and in the file) lines end in CRLF.
    assert parts[0].get_content().replace("\r\n", "\n") == read(built, "email.txt")
    html = parts[1].get_content().replace("\r\n", "\n")
    assert html.rstrip("\n") == read(built, "email.html").rstrip("\n")
    assert all(part.get_content_charset() == "utf-8" for part in parts)


def test_eml_headers(built: Site) -> None:
    _, msg = message(built)
    assert msg["Subject"] == SUBJECT
    assert msg["From"] == "Testnetwerk <nieuwsbrief@netwerk.example.nl>"
    sent = parsedate_to_datetime(msg["Date"])
    assert sent.isoformat() == "2026-10-05T09:00:00+02:00"
    assert msg["Message-ID"] == "<nieuwsbrief.2026-10.vve-po@netwerk.example.nl>"
    unsubscribe = " ".join(str(msg["List-Unsubscribe"]).split())
    assert unsubscribe == (
        "<https://mail.example.nl/afmelden?lijst=vve-po>, "
        "<mailto:afmelden@netwerk.example.nl?subject=afmelden%20vve-po>"
    )
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert msg["MIME-Version"] == "1.0"


def test_eml_lines_stay_under_998_bytes_even_with_long_lines(site: Site) -> None:
    title = "Een heel lange titel " + "zonder ende " * 120
    newsletter_site(site).write(
        {
            "nieuws/lang.md": f"---\ntitle: {title}\ndate: 2026-09-22\nkind: nieuws\nsummary: {title}\nsectors: [po]\n---\n"
        }
    ).build()
    raw, msg = message(site)
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    assert title.strip() in msg.get_body(("plain",)).get_content().replace("\n  ", " ")  # type: ignore[union-attr]


def test_eml_subject_with_accents_round_trips(site: Site) -> None:
    editions = {
        "2026-10.md": '---\ndate: 2026-10-05\nsubject: "Café-editie: één keer «anders»"\n---\n'
    }
    newsletter_site(site, editions).build()
    raw, msg = message(site)
    assert msg["Subject"] == "Café-editie: één keer «anders»"
    assert raw.isascii()


# --- Escaping --------------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script> & "quotes" <img src=x onerror=alert(1)>'


def test_front_matter_values_are_escaped_in_every_output(site: Site) -> None:
    editions = {
        "2026-10.md": f"---\ndate: 2026-10-05\nsubject: '{HOSTILE}'\nhighlights: [nieuws/gevaar]\n---\nHallo <b>daar</b> {HOSTILE}\n"
    }
    newsletter_site(site, editions).write(
        {
            "nieuws/gevaar.md": (
                f"---\ntitle: '{HOSTILE}'\ndate: 2026-09-22\nkind: nieuws\n"
                f"summary: '{HOSTILE}'\nsectors: [po]\n---\n"
            )
        }
    ).build()
    for name in ("email.html", "index.html"):
        html = read(site, name)
        assert "<script>alert" not in html, name
        assert "<img src=x" not in html, name
        assert "<b>daar" not in html, name
        assert "&lt;script&gt;alert(" in html, name
    parsed = Parsed(read(site, "email.html"))
    assert parsed.all("title")[0].text == HOSTILE
    assert HOSTILE in [h3.text for h3 in parsed.all("h3")]
    _, msg = message(site)
    assert msg["Subject"] == HOSTILE


# --- The web version and archive ---------------------------------------------------------------


def test_web_version_archive_and_overview(built: Site) -> None:
    page = built.page(EDITION)
    assert f"<h1>{SUBJECT}</h1>" in page
    assert 'href="email.html"' in page and 'href="bericht.eml"' in page
    archive = built.page("nieuwsbrief/vve-po")
    assert archive.index("Nieuwsbrief oktober 2026") < archive.index("Nieuwsbrief juni 2026")
    overview = built.page("nieuwsbrief")
    for name in ("VVE en PO", "VO, MBO en HO", "MBO"):
        assert f">{name}</h2>" in overview
    assert "mailto:nieuwsbrief@netwerk.example.nl?subject=Aanmelden%20nieuwsbrief%20MBO" in overview


def test_a_future_edition_is_built_but_not_listed(site: Site) -> None:
    editions = {
        "2026-10.md": "---\ndate: 2026-10-05\nsubject: Oktober\n---\n",
        "2026-12.md": "---\ndate: 2026-12-07\nsubject: December\n---\n",
    }
    newsletter_site(site, editions).build()
    assert (site.output / "nieuwsbrief/vve-po/2026-12/bericht.eml").is_file()
    assert "December" not in site.page("nieuwsbrief/vve-po")
    assert "December" not in (site.output / "nieuwsbrief/vve-po/rss.xml").read_text()


# --- In a browser ------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [600, 375])
def test_email_renders_without_horizontal_scrolling_and_passes_axe(
    built: Site, browser: Any, width: int
) -> None:
    with serve(built.output) as base:
        for edition in (EDITION, "nieuwsbrief/vo-ho/2026-10", "nieuwsbrief/mbo/2026-06"):
            with visit(browser, f"{base}{edition}/email.html", width=width) as page:
                # The photo is on the real site's host, which the test cannot reach, and the
                # browser asks for a favicon; both only show up as console messages.
                problems = [
                    problem
                    for problem in page.problems
                    if not problem.startswith((IMAGE, "Failed to load resource"))
                ]
                assert problems == [], edition
                assert page.horizontal_overflow() == 0, (edition, width)
                assert axe(page.page) == [], edition
