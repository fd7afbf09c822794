"""Every door into the build: the same file rules for every folder the build reads, every output
escaped for its format, every address the site writes reserved (issue 24)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort

from conftest import NEWS, PARTNER, REPO, SMALL_NETWORK, THEME, TIERS, Site
from netwerk.core.frontmatter import INVISIBLE
from netwerk.editing.cli import main
from netwerk.numbers.tables import Table
from test_newsletters import newsletter_site
from test_security import check_and_build

FILE_FIX = "zet het bestand zelf in de map, zodat er geen bestanden van elders op de site komen"
NOT_A_FILE = (
    "is geen gewoon bestand (maar bijvoorbeeld een pipe, apparaat of socket) en wordt niet "
    "gelezen; verwijder het uit de map"
)


@pytest.fixture
def both(capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> Any:
    return lambda site: check_and_build(site, capsys, caplog)


def with_mkdocs(site: Site, **values: Any) -> Site:
    """mkdocs.yml with these top-level values changed (`theme` merged)."""
    if not (site.root / "mkdocs.yml").exists():
        site.configure()
    path = site.root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in values.items():
        if key == "theme":
            config["theme"] = {**config["theme"], **value}
        else:
            config[key] = value
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return site


def with_overrides(site: Site) -> Path:
    with_mkdocs(site, theme={"custom_dir": "overrides"})
    overrides = site.root / "overrides"
    (overrides / "assets").mkdir(parents=True, exist_ok=True)
    return overrides


# --- One rule for every folder the build reads --------------------------------------------------


def test_links_out_of_the_overrides_are_refused_before_anything_is_read(
    small_site: Site, both: Any
) -> None:
    overrides = with_overrides(small_site)
    (small_site.root / "geheim.txt").write_text("wachtwoord\n", encoding="utf-8")
    (overrides / "robots.txt").symlink_to("/etc/passwd")
    (overrides / "assets" / "env.txt").symlink_to("/proc/self/environ")
    (overrides / "main.html").symlink_to(small_site.root / "geheim.txt")
    (overrides / "partials").symlink_to("/etc", target_is_directory=True)
    assert both(small_site)[1] == [
        "overrides/assets/env.txt:1: bestand: is een snelkoppeling (symbolische link) naar een "
        f"bestand buiten overrides/; {FILE_FIX}",
        "overrides/main.html:1: bestand: is een snelkoppeling (symbolische link) naar een "
        f"bestand buiten overrides/; {FILE_FIX}",
        "overrides/partials:1: bestand: is een snelkoppeling (symbolische link) naar een map; die "
        "wordt niet gevolgd, zodat er geen bestanden van elders op de site komen; zet de map zelf "
        "in overrides/",
        "overrides/robots.txt:1: bestand: is een snelkoppeling (symbolische link) naar een "
        f"bestand buiten overrides/; {FILE_FIX}",
    ]


def test_pipes_and_unknown_types_in_the_overrides_are_refused(small_site: Site, both: Any) -> None:
    overrides = with_overrides(small_site)
    os.mkfifo(overrides / "assets" / "logo.png")
    (overrides / "geheimen.env").write_text("TOKEN=x\n", encoding="utf-8")
    (overrides / "README.md").write_text("Uitleg.\n", encoding="utf-8")  # not published
    assert both(small_site)[1] == [
        f"overrides/assets/logo.png:1: bestand: {NOT_A_FILE}",
        "overrides/geheimen.env:1: bestand: een bestand van het type .env komt niet op de site; "
        "haal het weg, of zet het type onder static_types in mkdocs.yml als het er wel op hoort",
    ]


def test_the_site_s_own_templates_and_files_pass(small_site: Site) -> None:
    overrides = with_overrides(small_site)
    (overrides / "assets" / "extra.css").write_text("p { color: black; }\n", encoding="utf-8")
    (overrides / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block announce %}Aankondiging{% endblock %}\n',
        encoding="utf-8",
    )
    (overrides / "assets" / "ook-extra.css").symlink_to("extra.css")
    small_site.build()
    assert (small_site.output / "robots.txt").read_text() == "User-agent: *\n"
    assert (small_site.output / "assets/ook-extra.css").read_text() == "p { color: black; }\n"
    assert "Aankondiging" in small_site.page("")


FOLDER_OUTSIDE = (
    "ligt buiten het project (de map met mkdocs.yml){how}; zo kunnen er bestanden van elders op "
    "de site komen; zet de map zelf in het project"
)
LINKED = " (via een snelkoppeling, een symbolische link)"


def test_a_newsletters_folder_linked_out_of_the_project_is_refused(
    site: Site, both: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    newsletter_site(site)
    elsewhere = tmp_path_factory.mktemp("elders")
    (site.root / "newsletters").rename(elsewhere / "newsletters")
    (site.root / "newsletters").symlink_to(elsewhere / "newsletters", target_is_directory=True)
    assert both(site)[1] == [f"newsletters:1: bestand: {FOLDER_OUTSIDE.format(how=LINKED)}"]


def test_folders_named_outside_the_project_are_refused(
    small_site: Site, both: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elders")
    (elsewhere / "main.html").write_text("{{ config }}\n", encoding="utf-8")
    (small_site.root / "thema").symlink_to(elsewhere, target_is_directory=True)
    with_mkdocs(small_site, theme={"custom_dir": "thema"})
    assert both(small_site)[1] == [f"thema:1: bestand: {FOLDER_OUTSIDE.format(how=LINKED)}"]


# --- CSV: no cell is a formula -------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_csv_text_cell_that_a_spreadsheet_would_run_starts_with_an_apostrophe(
    start: str,
) -> None:
    table = Table("t", "T", [f"{start}kop", "Aantal"], [[f'{start}HYPERLINK("x")', -2]])
    text = table.csv().decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text, newline=""), delimiter=";")) == [
        [f"'{start}kop", "Aantal"],
        [f'\'{start}HYPERLINK("x")', "-2"],  # a number stays a number
    ]


def test_titles_and_names_that_look_like_formulas_are_text_in_every_csv_file(
    small_site: Site,
) -> None:
    from test_numbers import read_csv

    small_site.write(
        {
            "themas/motivatie.md": THEME.replace(
                "title: Motivatie als motor", "title: '=HYPERLINK(\"https://evil.example\")'"
            )
        }
    )
    small_site.configure(
        sectors={
            "vve": "Voor- en vroegschoolse educatie",
            "po": "@Primair onderwijs",
            "vo": "-Voortgezet onderwijs",
        }
    ).build()
    cells = [
        cell
        for path in sorted((small_site.output / "in-cijfers").rglob("*.csv"))
        for row in read_csv(path)
        for cell in row
    ]
    assert "'@Primair onderwijs" in cells
    assert "'-Voortgezet onderwijs" in cells
    assert '\'=HYPERLINK("https://evil.example")' in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [cell for cell in cells if cell[:1] == "-" and not cell[1:].isdigit()]


# --- Unicode format characters: refused as control characters are -------------------------------

NEWS_ITEM = "content/nieuws/nieuwe-leergemeenschap.md"
PARTNERS = "content/partners/museum-boerhaave.md"


def test_format_characters_in_fields_and_bodies_are_refused(small_site: Site, both: Any) -> None:
    small_site.write(
        {
            "nieuws/nieuwe-leergemeenschap.md": NEWS.replace(
                "title: Nieuwe leergemeenschap", "title: Nieuwe \u202egemeenschap"
            ).replace("Nieuws.\n", "Eerste regel.\n\nNieuws met een\u200b zero-width space.\n"),
            "partners/museum-boerhaave.md": PARTNER.replace(
                "municipality: Leiden", 'municipality: "Lei\\u2066den"'
            ).replace("name: Museum Boerhaave", "name: '\ufeffMuseum Boerhaave'"),
            "over-ons.md": "# Over ons\n\nWe zijn\u2069 er.\n",
        }
    )
    assert both(small_site)[1] == [
        f"{NEWS_ITEM}:2: title: bevat een onzichtbaar stuurteken (#x202e); haal het weg of typ "
        "de waarde opnieuw",
        f"{NEWS_ITEM}:12: bestand: er staat een onzichtbaar stuurteken (#x200b) op deze regel; "
        "typ de regel opnieuw",
        "content/over-ons.md:3: bestand: er staat een onzichtbaar stuurteken (#x2069) op deze "
        "regel; typ de regel opnieuw",
        f"{PARTNERS}:2: name: bevat een onzichtbaar stuurteken (#xfeff); haal het weg of typ "
        "de waarde opnieuw",
        f"{PARTNERS}:5: municipality: bevat een onzichtbaar stuurteken (#x2066); haal het weg "
        "of typ de waarde opnieuw",
    ]


def test_an_emoji_joined_with_a_zero_width_joiner_passes(small_site: Site) -> None:
    small_site.write(
        {
            "nieuws/nieuwe-leergemeenschap.md": NEWS.replace(
                "title: Nieuwe leergemeenschap",
                "title: Nieuwe leergemeenschap \U0001f469\u200d\U0001f4bb",
            )
        }
    ).build()
    assert "\U0001f469\u200d\U0001f4bb" in small_site.page("nieuws/nieuwe-leergemeenschap")


def test_a_format_character_in_a_setting_is_refused(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    newsletter_site(
        site, audiences=[{"slug": "po", "name": "Primair \u202eonderwijs", "sectors": ["po"]}]
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(site.root)
        capsys.readouterr()
        assert main(["controleer"]) != 0
    assert capsys.readouterr().err == (
        "Fout: mkdocs.yml: netwerk: audiences: bevat een regeleinde of een onzichtbaar "
        "stuurteken; schrijf elke waarde op één regel, zonder \\n of andere codes met een "
        "backslash\n"
    )


# --- Values from mkdocs.yml: checked, and escaped where they land ---------------------------------


@pytest.mark.parametrize(
    "site_url",
    [
        'https://x.example/"><script>alert(1)</script>',
        "javascript:alert(1)//",
        "http://netwerk.example.nl/",
        "https://netwerk.example.nl/ pad/",
    ],
)
def test_a_site_url_that_is_no_https_address_is_refused(
    small_site: Site, capsys: pytest.CaptureFixture[str], site_url: str
) -> None:
    with_mkdocs(small_site, site_url=site_url)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(small_site.root)
        capsys.readouterr()
        assert main(["controleer"]) != 0
    assert capsys.readouterr().err == (
        f"Fout: mkdocs.yml: site_url: '{site_url}' is geen webadres van de site; schrijf het "
        "https-adres, zonder spaties of aanhalingstekens, zoals site_url: "
        "https://www.example.nl/\n"
    )


HOSTILE_NAME = 'Netwerk "Samen" <b>&</b> \'t Leiden'


def test_names_from_mkdocs_yml_are_text_in_every_page_and_file(small_site: Site) -> None:
    small_site.configure()
    with_mkdocs(
        small_site,
        site_name=HOSTILE_NAME,
        site_description='Over "ons" <i>netwerk</i>',
        nav=[{'Start <script>"': "index.md"}, {"Partners & co": "partners/index.md"}],
        validation={"nav": {"omitted_files": "info"}},
    )
    small_site.build()
    escaped = "Netwerk &#34;Samen&#34; &lt;b&gt;&amp;&lt;/b&gt; &#39;t Leiden"
    for path in sorted(small_site.output.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        assert "<b>&</b>" not in html and '<script>"' not in html, path
        assert '"Samen"' not in html.replace('\\"Samen\\"', ""), path
    home = small_site.page("")
    assert f"<title>{escaped}</title>" in home
    assert f'aria-label="{escaped}"' in home
    assert '<meta name="description" content="Over &#34;ons&#34; &lt;i&gt;netwerk&lt;/i&gt;">' in (
        home
    )
    assert "Start &lt;script&gt;&#34;" in home
    # The writers that escape for their own format get the plain name.
    feed = json.loads((small_site.output / "feeds/nieuws.json").read_text(encoding="utf-8"))
    assert HOSTILE_NAME in feed["title"]
    calendars = sorted(small_site.output.rglob("*.ics"))
    assert calendars
    for path in calendars:
        calendar = path.read_text(encoding="utf-8")
        assert "&#34;" not in calendar and "&lt;" not in calendar and "&amp;" not in calendar


def test_netwerk_begin_takes_no_address_a_page_cannot_print(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from test_begin import NAME, begin

    address = 'https://noord.example.nl/"><script>alert(1)</script>'
    code, out, err = begin(capsys, tmp_path / "netwerk", "--naam", NAME, "--adres", address)
    assert (code, out) == (2, "")
    assert err == (
        f"Fout: --adres: '{address}' is geen webadres; schrijf het hele adres, zoals "
        "https://www.mijn-netwerk.nl/\n"
    )


# --- The preview answers only its own address ---------------------------------------------------


@pytest.fixture
def preview_server(small_site: Site, tmp_path_factory: pytest.TempPathFactory) -> Any:
    import threading

    from netwerk.editing.preview import Preview
    from netwerk.editing.server import PreviewServer

    small_site.configure()
    preview = Preview(small_site.root / "mkdocs.yml", tmp_path_factory.mktemp("voorbeeld"))
    preview.rebuild()
    server = PreviewServer(preview, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.shutdown()
    thread.join()
    server.server_close()
    preview.close()


def ask(
    server: Any, path: str, host: str | None = None, method: str = "GET", body: bytes = b""
) -> tuple[int, bytes]:
    import http.client

    port = server.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest(method, path, skip_host=True)
    connection.putheader("Host", host if host is not None else f"127.0.0.1:{port}")
    if method == "POST":
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body if method == "POST" else None)
    response = connection.getresponse()
    answer = response.status, response.read()
    connection.close()
    return answer


def test_the_preview_answers_only_requests_for_its_own_address(
    preview_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    port = preview_server.server_address[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}"):
        assert ask(preview_server, "/partners/", host)[0] == 200, host
    for host in (f"aanvaller.example:{port}", "127.0.0.1", f"127.0.0.1:{port + 1}", ""):
        # Every method: the admin page's check before a save is a POST.
        for method in ("GET", "POST"):
            assert ask(preview_server, "/partners/", host, method) == (
                403,
                b"Dit voorbeeld is alleen te zien op deze computer.",
            ), (host, method)
    assert capsys.readouterr().out == ""


def test_overlong_addresses_and_numbers_get_an_answer_and_no_traceback(
    preview_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert ask(preview_server, "/" + "a" * 8000) == (414, b"Dit adres is te lang.")
    assert ask(preview_server, "/" + "a" * 8000, method="POST") == (414, b"Dit adres is te lang.")
    assert ask(preview_server, "/__voorbeeld__/wacht?na=" + "9" * 5000)[0] == 414
    for after in ("9" * 2000, "-1", "x"):
        assert ask(preview_server, "/__voorbeeld__/wacht?na=" + after) == (
            400,
            b"na= is geen nummer van een versie.",
        )
    assert ask(preview_server, "/" + "b" * 1000 + "/")[0] == 404
    assert ask(preview_server, "/partners/")[0] == 200  # the preview goes on
    captured = capsys.readouterr()
    assert captured.out + captured.err == ""


# --- Addresses: derived from what the site writes ------------------------------------------------

SECTORS = {"vve": "Voor- en vroegschoolse educatie", "po": "Primair onderwijs", "vo": "VO"}


def test_a_sector_code_that_takes_an_address_the_site_writes_is_refused(
    small_site: Site, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    small_site.configure(
        sectors={**SECTORS, "admin": "Beheer", "archief": "Archief", "sitemap": "Kaart"},
        admin=True,
    )
    messages = [
        "netwerk: sectors: de code 'admin' kan niet: het adres /admin/ is al de beheerpagina "
        "/admin/; kies een andere code",
        "netwerk: sectors: de code 'archief' kan niet: het adres /agenda/archief/ is al de "
        "pagina 'Archief van de agenda'; kies een andere code",
        "netwerk: sectors: de code 'sitemap' kan niet: het adres /feeds/sitemap.xml is al het "
        "bestand /feeds/sitemap.xml; kies een andere code",
    ]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(small_site.root)
        capsys.readouterr()
        assert main(["controleer"]) != 0
    err = capsys.readouterr().err
    for message in messages:
        assert f"mkdocs.yml: {message}" in err, err
    with pytest.raises(Abort):
        small_site.build()
    for message in messages:
        assert message in caplog.text
    assert not small_site.output.exists()


def test_codes_that_take_no_address_pass(small_site: Site) -> None:
    small_site.configure(sectors={**SECTORS, "kalender": "Kalender", "programma": "Programma"})
    small_site.build()
    assert (small_site.output / "agenda/kalender.ics").is_file()
    assert (small_site.output / "agenda/kalender/kalender.ics").is_file()


def test_netwerk_begin_refuses_a_sector_code_that_takes_an_address(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from test_begin import NAME, begin

    code, out, err = begin(
        capsys, tmp_path / "netwerk", "--naam", NAME, "--werkvelden", "po,admin=Beheer"
    )
    assert (code, out) == (2, "")
    assert err == (
        "Fout: --werkvelden: de code 'admin' kan niet: het adres /admin/ is al de beheerpagina "
        "/admin/; kies een andere code\n"
    )


def test_names_windows_keeps_for_devices_are_refused(site: Site, both: Any) -> None:
    newsletter_site(site)
    site.write({"con.md": "# Con\n", "afbeeldingen/nul.png": b"\x89PNG", "aux/x.md": "# X\n"})
    (site.root / "newsletters" / "lpt1.md").write_text("---\ndate: 2026-11-01\n---\n")
    message = (
        "is een naam die Windows voor een apparaat gebruikt; wie de site op Windows ophaalt, "
        "krijgt het bestand niet; kies een andere naam"
    )
    assert both(site)[1] == [
        f"content/afbeeldingen/nul.png:1: bestand: 'nul.png' {message}",
        f"content/aux:1: bestand: 'aux' {message}",
        f"content/con.md:1: bestand: 'con.md' {message}",
        f"newsletters/lpt1.md:1: bestand: 'lpt1.md' {message}",
    ]


# --- Template errors name the file and line -------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "text", "line", "what"),
    [
        (
            "netwerk/email/email.html",
            "<p>Hallo</p>\n{% if email.site_name %}\n<p>open</p>\n",
            3,
            "Unexpected end of template.",
        ),
        (
            "netwerk/email/email.txt",
            "Hallo\n\n{{ email.bestaat.niet }}\n",
            3,
            None,
        ),
        (
            "main.html",
            '{% extends "base.html" %}\n{% block content %}\n{{ page.bestaat.niet }}\n'
            "{% endblock %}\n",
            3,
            None,
        ),
    ],
    ids=["email syntax", "email text undefined", "page override undefined"],
)
def test_a_broken_template_is_named_with_its_line_and_the_old_site_stays(
    site: Site, template: str, text: str, line: int, what: str | None
) -> None:
    from test_console import bouw

    newsletter_site(site)
    with_overrides(site)
    assert bouw(site.root).returncode == 0
    before = (site.output / "index.html").read_bytes()
    path = site.root / "overrides" / template
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    result = bouw(site.root)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "fout in netwerk zelf" not in output, output
    assert f"overrides/{template}:{line}: sjabloon: klopt niet (" in output, output
    if what:
        assert what in output
    assert "herstel het sjabloon, of haal het weg: dan geldt weer het standaardsjabloon" in output
    assert (site.output / "index.html").read_bytes() == before


# --- README and example agree about pages outside nav ---------------------------------------------


def test_an_own_page_outside_nav_warns_unless_not_in_nav_names_it(small_site: Site) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "`not_in_nav: /over-ons.md`" in " ".join(readme.split())
    example = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "validation:\n  nav:\n    omitted_files: warn\n" in example
    small_site.write({"over-ons.md": "# Over ons\n\nTekst.\n"}).configure()
    with pytest.raises(Abort):
        small_site.build()
    with_mkdocs(small_site, not_in_nav="/over-ons.md\n")
    small_site.build()
    assert "Over ons" in small_site.page("over-ons")
    assert 'href="over-ons/"' not in small_site.page("")


# --- Generated: file trees in every folder, invisible characters in every field ------------------

SWEEP = settings(
    max_examples=int(os.environ.get("NETWERK_HYPOTHESIS_EXAMPLES", "25")),
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
FOLDERS = ("content", "content/afbeeldingen", "newsletters", "overrides", "overrides/assets")
KINDS = ("file", "link in", "link out", "folder link out", "pipe", "windows name")
# Names as editors and tools make them: spaces, accents, dots, a leading dash.
NAMES = st.sampled_from(["a.png", "b c.png", "é.png", "-x.png", "x.y.png", "readme.txt"])


@st.composite
def file_trees(draw: st.DrawFn) -> list[tuple[str, str, str]]:
    entries = draw(
        st.lists(st.tuples(st.sampled_from(FOLDERS), st.sampled_from(KINDS), NAMES), max_size=6)
    )
    seen: set[str] = set()
    unique = []
    for folder, kind, name in entries:
        if kind == "windows name":
            name = "nul" + name[name.index(".") :]
        if f"{folder}/{name}" not in seen:
            seen.add(f"{folder}/{name}")
            unique.append((folder, kind, name))
    return unique


@SWEEP
@given(file_trees())
def test_generated_file_trees_are_refused_by_name_in_every_folder(
    entries: list[tuple[str, str, str]],
) -> None:
    import signal
    import tempfile

    from netwerk.core.options import options_from
    from netwerk.core.problems import ContentError
    from netwerk.core.sources import load_sources

    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary, "project")
        outside = Path(temporary, "elders")
        outside.mkdir()
        (outside / "geheim.txt").write_text("geheim", encoding="utf-8")
        Site(root).write({"index.md": "# Start\n", "afbeeldingen/echt.png": b"\x89PNG"})
        for folder in FOLDERS:
            (root / folder).mkdir(parents=True, exist_ok=True)
        refused = set()
        for folder, kind, name in entries:
            path = root / folder / name
            if kind == "file":
                path.write_bytes(b"\x89PNG")
            elif kind == "link in":
                path.symlink_to(root / "content/afbeeldingen/echt.png")
            elif kind == "link out":
                path.symlink_to(outside / "geheim.txt")
            elif kind == "folder link out":
                path.symlink_to(outside, target_is_directory=True)
            elif kind == "pipe":
                os.mkfifo(path)
            else:
                path.write_bytes(b"\x89PNG")
            if kind not in ("file", "link in") and not folder.startswith("newsletters"):
                refused.add(f"{folder}/{name}")
        options = options_from({}, site_url=None, site_name="Test")
        signal.signal(signal.SIGALRM, lambda *_: pytest.fail("hangt: een pipe is geopend"))
        signal.alarm(30)
        try:
            load_sources(root, root / "content", options, theme_dir=root / "overrides")
            found: set[str] = set()
        except ContentError as error:
            found = {problem.path for problem in error.problems}
        finally:
            signal.alarm(0)
        # The editions' folder reads only *.md: other files there are never opened.
        assert refused <= found, (refused - found, entries)
        assert not {f for f in found if f.endswith(("echt.png",))}


FIELDS = [
    ("nieuws/nieuwe-leergemeenschap.md", NEWS, "title: Nieuwe leergemeenschap", "title", 2),
    ("nieuws/nieuwe-leergemeenschap.md", NEWS, "summary: Een nieuwe", "summary", 5),
    ("partners/museum-boerhaave.md", PARTNER, "name: Museum Boerhaave", "name", 2),
    ("partners/museum-boerhaave.md", PARTNER, "municipality: Leiden", "municipality", 5),
    ("themas/motivatie.md", THEME, "title: Motivatie als motor", "title", 2),
]
INVISIBLE_CHARACTERS = st.sampled_from(
    [
        *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
        *"\u200b\u200c\u200d\u200e\u200f\u2060\ufeff",
        *"\x01\x7f\x85",
    ]
)


@SWEEP
@given(st.sampled_from(FIELDS), INVISIBLE_CHARACTERS, st.integers(0, 5), st.booleans())
def test_an_invisible_character_anywhere_in_a_field_is_refused_with_its_position(
    field: tuple[str, str, str, str, int], character: str, at: int, escaped: bool
) -> None:
    import tempfile

    from netwerk.core.loader import load_network
    from netwerk.core.problems import ContentError
    from netwerk.core.settings import Settings

    uri, text, line_text, name, line = field
    key, _, value = line_text.partition(": ")
    written = f"\\u{ord(character):04x}" if escaped else character
    value = value[:at] + written + value[at:]
    changed = text.replace(line_text, f'{key}: "{value}"' if escaped else f"{key}: {value}")
    if not escaped and character in "\x01\x7f":
        changed = text.replace(line_text, f'{key}: "{value}"'.replace(character, "\\x01"))
    with tempfile.TemporaryDirectory() as temporary:
        site = Site(Path(temporary)).write({**SMALL_NETWORK, uri: changed})
        with pytest.raises(ContentError) as raised:
            load_network(site.content, Settings(memberships=TIERS))
    messages = [str(problem) for problem in raised.value.problems]
    assert any(
        message.startswith(f"content/{uri}:{line}: {name}: bevat een onzichtbaar stuurteken (#x")
        for message in messages
    ), messages


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


HOSTILE_TEXT = (
    st.lists(
        st.sampled_from([*"ab \"'<>&/=;é", "<x-y>", '" onmouseover="x']), min_size=1, max_size=8
    )
    .map("".join)
    .filter(lambda text: text.strip() == text and text[:1] not in "-'\"&>")
)


# A build each: few examples, no shrinking (each step would be another build).
@settings(
    SWEEP,
    max_examples=int(os.environ.get("NETWERK_HYPOTHESIS_BUILDS", "2")),
    phases=[Phase.explicit, Phase.generate],
)
@given(HOSTILE_TEXT, HOSTILE_TEXT)
@example('<x-y>" onmouseover="x', "a & <x-y>")
def test_generated_names_and_titles_stay_text_in_every_output(site_name: str, title: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as temporary:
        site = newsletter_site(Site(Path(temporary)))
        with_mkdocs(site, site_name=f"Netwerk {site_name}", site_description=title)
        for path in sorted(site.content.glob("*/*.md")):
            text = path.read_text(encoding="utf-8")
            for key in ("title", "name"):
                text = re.sub(
                    rf"^{key}: (.*)$",
                    lambda match, key=key: f"{key}: {json.dumps(match.group(1) + ' ' + title)}",
                    text,
                    count=1,
                    flags=re.MULTILINE,
                )
            path.write_text(text, encoding="utf-8")
        site.build()
        # Every file we write; Material's own scripts and styles are not ours.
        outputs = sorted(
            path
            for path in site.output.rglob("*")
            if path.is_file()
            and path.suffix not in (".png", ".gz", ".js", ".ico")
            and not path.relative_to(site.output).as_posix().startswith("assets/javascripts/")
        )
        assert len(outputs) > 20
        for path in outputs:
            text = path.read_bytes().decode("utf-8-sig", errors="replace")
            assert not INVISIBLE.search(text), path
            if path.suffix == ".html":
                parsed = _Tags()
                parsed.feed(text)
                assert "x-y" not in parsed.tags, path
                assert "onmouseover" not in parsed.attributes, path


def test_an_editors_file_on_an_address_the_site_writes_is_refused(
    small_site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    small_site.write(
        {"po.md": "# Eigen po\n", "admin.md": "# Beheer\n", "handleiding.md": "# Hulp\n"}
    )
    small_site.configure(sectors=SECTORS, admin=True)
    with pytest.raises(Abort):
        small_site.build()
    assert not small_site.output.exists()
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert errors[0].splitlines()[1:] == [
        "content/admin.md:1: bestand: krijgt het adres /admin/, waar de site al het bestand "
        "/admin/index.html zet; geef het bestand een andere naam",
        "content/handleiding.md:1: bestand: krijgt het adres /handleiding/, waar de site al de "
        "pagina 'Handleiding voor redacteuren' zet; geef het bestand een andere naam",
        "content/po.md:1: bestand: krijgt het adres /po/, waar de site al de pagina 'Primair "
        "onderwijs' zet; geef het bestand een andere naam",
    ]


def test_an_overview_text_with_item_fields_is_told_what_it_is(small_site: Site, both: Any) -> None:
    small_site.write({"partners/index.md": "---\nname: Alle partners\n---\nOnze partners.\n"})
    assert both(small_site)[1] == [
        "content/partners/index.md:2: name: is geen bekend veld; bedoelde je 'title'?; "
        "partners/index.md is de tekst boven de overzichtspagina /partners/, geen item: een item "
        "krijgt een eigen bestand, zoals partners/naam.md"
    ]
