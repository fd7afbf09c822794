"""`netwerk begin`: a new network site that builds strictly at once, with none of the example."""

from __future__ import annotations

import gzip
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from conftest import BUILD_DATE, build_network
from netwerk.editing.begin import (
    KNOWN_SECTORS,
    markdown_text,
    parse_sectors,
    requirement,
    yaml_scalar,
)
from netwerk.editing.cli import main

# Words of the example network that no new network may inherit.
EXAMPLE_WORDS = re.compile(rb"leiden|leidse|boerhaave|naturalis|talent floreert", re.IGNORECASE)
NAME = "Testnetwerk Noord"
# The home, organisation, privacy and accessibility pages, and the overviews in the menu of a
# site without items: the agenda and the newsletter. The sections of items come with the first.
PAGES = (
    "",
    "organisatie/",
    "privacy/",
    "toegankelijkheid/",
    "agenda/",
    "nieuwsbrief/",
)
EMPTY_SECTIONS = ("partners/", "themas/", "projecten/", "nieuws/", "kennisbank/", "in-cijfers/")


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NETWERK_BUILD_DATE", BUILD_DATE)


def begin(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["begin", str(folder), *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def strict_build(root: Path) -> list[str]:
    """Build the site in `root` with --strict, in this process: the warnings MkDocs logged."""
    records = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(records)
    try:
        build_network(root)
    finally:
        logger.removeHandler(records)
    return records.messages


def every_file(root: Path) -> Iterator[tuple[Path, bytes]]:
    """Every file under root, gzip files unpacked."""
    for path in sorted(root.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            yield path, gzip.decompress(data) if path.suffix == ".gz" else data


def page(root: Path, url: str) -> str:
    return (root / "site" / url / "index.html").read_text(encoding="utf-8")


def readme_examples(root: Path) -> dict[str, str]:
    """The example files in the team's README: path → text."""
    readme = (root / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"\(`(content/[^`]+\.md)`\):\n\n```markdown\n(.*?)```", readme, re.DOTALL)
    return dict(found)


# --- A new site builds ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, sectors",
    [
        ([], {"vve", "po", "vo", "mbo", "ho"}),
        (["--werkvelden", "po"], {"po"}),
        (["--werkvelden", "po,so,beleid=Gemeente en beleid"], {"po", "so", "beleid"}),
    ],
    ids=["standaard", "po", "eigen-werkveld"],
)
def test_a_new_site_builds_strictly_with_no_warnings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], sectors: set[str]
) -> None:
    root = tmp_path / "netwerk"
    code, out, err = begin(capsys, root, "--naam", NAME, *args)
    assert (code, err) == (0, "")
    assert out.startswith(f"Nieuwe site voor {NAME} gemaakt in {root}:\n")
    assert "  mkdocs.yml\n" in out
    assert 'netwerk nieuw partner "Naam van de partner"' in out

    assert main(["controleer", "-f", str(root / "mkdocs.yml")]) == 0
    assert capsys.readouterr().out == (
        "Geen problemen gevonden. Gepubliceerd: 0 partners, 0 thema's, 0 projecten, "
        "0 activiteiten, 0 nieuwsberichten, 0 bronnen.\n"
        "Nog in te vullen in mkdocs.yml voordat je een nieuwsbrief verstuurt: site_url, "
        "newsletter_from, newsletter_unsubscribe_url (er staat nog een voorbeeldadres).\n"
    )
    assert strict_build(root) == []

    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    netwerk = next(p["netwerk"] for p in config["plugins"] if "netwerk" in p)
    assert set(netwerk["sectors"]) == sectors
    assert [a["slug"] for a in netwerk["audiences"]] == list(netwerk["sectors"])
    for url in PAGES:
        assert (root / "site" / url / "index.html").is_file(), url
    for url in EMPTY_SECTIONS:
        assert not (root / "site" / url).exists(), url
    for sector in sectors:
        # One sector has no agenda of its own: it would be the agenda.
        assert (root / "site/agenda" / sector / "index.html").is_file() == (len(sectors) > 1)
        # No letter yet: no archive, no feed (README, "Wat de site zegt, en wanneer").
        assert not (root / "site/nieuwsbrief" / sector).exists()
    assert not (root / "site/agenda/mbo").exists() or "mbo" in sectors
    assert NAME in page(root, "")


def test_the_sector_names_come_from_the_codes_or_are_given() -> None:
    assert parse_sectors(None) == {
        code: KNOWN_SECTORS[code] for code in ("vve", "po", "vo", "mbo", "ho")
    }
    assert parse_sectors("so, po") == {"so": "Speciaal onderwijs", "po": "Primair onderwijs"}
    assert parse_sectors("po=Basisonderwijs,beleid=Gemeente en beleid") == {
        "po": "Basisonderwijs",
        "beleid": "Gemeente en beleid",
    }


def test_the_folders_of_a_new_site_exist_but_their_placeholders_are_not_published(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "netwerk"
    begin(capsys, root, "--naam", NAME)
    assert strict_build(root) == []
    folders = ["partners", "themas", "projecten", "agenda", "nieuws", "kennisbank", "afbeeldingen"]
    for folder in folders:
        assert (root / "content" / folder / ".gitkeep").is_file()
    assert (root / "newsletters/README.md").is_file()
    assert (root / "overrides/README.md").is_file()
    published = [path.relative_to(root / "site").as_posix() for path in (root / "site").rglob("*")]
    assert [name for name in published if ".gitkeep" in name or "readme" in name.lower()] == []
    for name in (".gitignore", ".gitlab-ci.yml", ".github/workflows/publish.yml"):
        assert (root / name).is_file()


def test_the_site_installs_the_running_generator(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "netwerk"
    begin(capsys, root, "--naam", NAME)
    requirements = (root / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^netwerksite>=\d+\.\d+,<\d+(\.\d+)?$", requirements, re.MULTILINE)
    for workflow in (".github/workflows/publish.yml", ".gitlab-ci.yml"):
        text = (root / workflow).read_text(encoding="utf-8")
        assert "pip install -r requirements.txt" in text
        assert "netwerk controleer" in text
        assert "netwerk bouw" in text
    assert '"17 3 * * *"' in (root / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    ignored = (root / ".gitignore").read_text(encoding="utf-8").split()
    assert {"site/", ".venv/", "__pycache__/"} <= set(ignored)


@pytest.mark.parametrize(
    "version, pin",
    [
        ("0.1.0", "netwerksite>=0.1,<0.2"),
        ("0.12.3.dev1", "netwerksite>=0.12,<0.13"),
        ("1.4.2", "netwerksite>=1.4,<2"),
    ],
)
def test_the_pin_follows_the_series_of_the_version(version: str, pin: str) -> None:
    assert requirement(version) == pin


def test_without_an_address_the_placeholder_is_marked_and_with_one_it_is_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    begin(capsys, tmp_path / "zonder", "--naam", NAME)
    text = (tmp_path / "zonder/mkdocs.yml").read_text(encoding="utf-8")
    assert "# VERANDER DIT: het echte webadres" in text
    assert "\nsite_url: https://www.example.org/\n" in text
    assert "vul in voordat je een nieuwsbrief verstuurt" in text.lower()
    begin(capsys, tmp_path / "met", "--naam", NAME, "--adres", "https://noord.example.nl/site")
    config = yaml.safe_load((tmp_path / "met/mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == "https://noord.example.nl/site/"
    assert "VERANDER DIT" not in (tmp_path / "met/mkdocs.yml").read_text(encoding="utf-8")


def test_a_name_with_yaml_and_markdown_characters_arrives_as_typed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    name = 'Netwerk "Noord": *talent* & <meer> #1 [x]'
    root = tmp_path / "netwerk"
    code, _, _ = begin(capsys, root, "--naam", name, "--werkvelden", "po,on=Ja: echt,2026=Jaar")
    assert code == 0
    assert strict_build(root) == []
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == name
    netwerk = next(p["netwerk"] for p in config["plugins"] if "netwerk" in p)
    assert netwerk["sectors"] == {"po": "Primair onderwijs", "on": "Ja: echt", "2026": "Jaar"}
    home = page(root, "")
    assert "Netwerk &#34;Noord&#34;: *talent* &amp; &lt;meer&gt; #1 [x]</title>" in home
    assert '>Netwerk "Noord": *talent* &amp; &lt;meer&gt; #1 [x]<a' in home


@pytest.mark.parametrize(
    "value", ["po", "Primair onderwijs", "on", "2026", "a: b", "x #y", "[x]", "Ja, nee", " x"]
)
def test_yaml_scalars_read_back_as_written(value: str) -> None:
    assert yaml.safe_load(f"key: {yaml_scalar(value)}") == {"key": value}
    assert yaml.safe_load(f"key: [{yaml_scalar(value)}]") == {"key": [value]}


def test_markdown_shows_a_name_as_typed() -> None:
    assert markdown_text("A & B <c> *d* [e]") == r"A &amp; B &lt;c&gt; \*d\* \[e\]"


# --- A first partner and activity ----------------------------------------------------------


def test_the_readmes_partner_and_activity_build_and_are_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "netwerk"
    begin(capsys, root, "--naam", NAME, "--werkvelden", "po")
    examples = readme_examples(root)
    assert set(examples) == {
        "content/partners/openbare-bibliotheek.md",
        "content/agenda/netwerkbijeenkomst-voorjaar.md",
    }
    for path, text in examples.items():
        (root / path).write_text(text, encoding="utf-8")

    assert main(["controleer", "-f", str(root / "mkdocs.yml")]) == 0
    assert "1 partner, 0 thema's, 0 projecten, 1 activiteit" in capsys.readouterr().out
    assert strict_build(root) == []
    assert "Openbare Bibliotheek" in page(root, "partners/openbare-bibliotheek")
    # The first partner brings the partners into the menu; one sector has no page of its own.
    assert "Openbare Bibliotheek" in page(root, "partners")
    assert 'href="partners/"' in page(root, "")
    assert not (root / "site/partners/po").exists()
    activity = page(root, "agenda/netwerkbijeenkomst-voorjaar")
    assert "Netwerkbijeenkomst voorjaar" in activity
    assert "Stationsplein 1, 1234 AB Plaats" in activity
    assert "Netwerkbijeenkomst voorjaar" in page(root, "agenda")
    assert not (root / "site/agenda/po").exists()
    calendar = (root / "site/agenda/kalender.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Netwerkbijeenkomst voorjaar" in calendar


# --- Nothing of the example ----------------------------------------------------------------


def test_no_word_of_the_example_network_in_the_files_or_the_built_site(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "netwerk"
    begin(capsys, root, "--naam", NAME)
    assert strict_build(root) == []
    found = {
        path.relative_to(root).as_posix(): sorted(
            {m.decode().lower() for m in EXAMPLE_WORDS.findall(data)}
        )
        for path, data in every_file(root)
        if EXAMPLE_WORDS.search(data)
    }
    assert found == {}


def test_the_texts_name_the_network_and_carry_no_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    root = tmp_path / "netwerk"
    begin(capsys, root, "--naam", NAME)
    for name in ("index.md", "privacy.md", "toegankelijkheid.md", "organisatie.yml"):
        text = (root / "content" / name).read_text(encoding="utf-8")
        assert NAME in text, name
        assert not re.search(r"\b(19|20)\d\d\b", text), name
    assert f"# {NAME}\n" in (root / "README.md").read_text(encoding="utf-8")


# --- Refusals ------------------------------------------------------------------------------


def test_a_folder_that_is_not_empty_is_refused_and_left_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "notities.txt").write_text("van mij", encoding="utf-8")
    code, out, err = begin(capsys, tmp_path, "--naam", NAME)
    assert (code, out) == (2, "")
    assert err == f"Fout: de map {tmp_path} is niet leeg; kies een nieuwe of lege map\n"
    assert [path.name for path in tmp_path.iterdir()] == ["notities.txt"]


def test_a_file_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("", encoding="utf-8")
    code, _, err = begin(capsys, tmp_path / "bestand", "--naam", NAME)
    assert code == 2
    assert (
        err
        == f"Fout: {tmp_path / 'bestand'} is een bestand, geen map; kies een nieuwe of lege map\n"
    )


def test_an_empty_folder_a_new_one_a_fresh_clone_and_a_virtual_environment_are_fine(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "leeg").mkdir()
    (tmp_path / "kloon/.git").mkdir(parents=True)
    (tmp_path / "kloon/.venv/bin").mkdir(parents=True)
    for folder in (tmp_path / "leeg", tmp_path / "nieuw/dieper", tmp_path / "kloon"):
        code, out, err = begin(capsys, folder, "--naam", NAME)
        assert (code, err) == (0, "")
        assert (folder / "mkdocs.yml").is_file()
        # The next steps make a virtual environment only where there is none.
        assert ("python -m venv .venv" in out) is (folder.name != "kloon")
    assert sorted(path.name for path in (tmp_path / "kloon/.git").iterdir()) == []


def test_begin_in_the_folder_itself(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = begin(capsys, Path("."), "--naam", NAME)
    assert code == 0
    assert out.startswith(f"Nieuwe site voor {NAME} gemaakt in {Path.cwd()}:\n")
    assert "  cd " not in out
    assert (tmp_path / "mkdocs.yml").is_file()


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--werkvelden", "po,beleid"],
            "Fout: --werkvelden: 'beleid' is geen bekend werkveld (kies uit: ho, mbo, po, so, "
            "vo, vve); is het een ander werkveld, geef dan zijn naam: --werkvelden "
            '"po,beleid=Naam van het werkveld"',
        ),
        (
            ["--werkvelden", "p0"],
            "Fout: --werkvelden: 'p0' is geen bekend werkveld (bedoelde je 'po'?); is het een "
            'ander werkveld, geef dan zijn naam: --werkvelden "p0=Naam van het werkveld"',
        ),
        (
            ["--werkvelden", "PO"],
            "Fout: --werkvelden: 'PO' is geen code; gebruik kleine letters, cijfers en "
            "streepjes, zoals po of speciaal-onderwijs",
        ),
        (["--werkvelden", "po,po"], "Fout: --werkvelden: 'po' staat er twee keer in"),
        (
            ["--werkvelden", "po,beleid="],
            "Fout: --werkvelden: achter 'beleid=' hoort de naam van het werkveld",
        ),
        (
            ["--werkvelden", "po,archief=Archief"],
            "Fout: --werkvelden: de code 'archief' is al in gebruik voor de archieven "
            "/agenda/archief/ en /nieuws/archief/; kies een andere code",
        ),
        (
            ["--werkvelden", " , "],
            "Fout: --werkvelden: geef minstens één werkveld, zoals --werkvelden po",
        ),
        (
            ["--adres", "www.noord.nl"],
            "Fout: --adres: 'www.noord.nl' is geen webadres; schrijf het hele adres, zoals "
            "https://www.mijn-netwerk.nl/",
        ),
    ],
)
def test_wrong_options_say_what_to_type_and_make_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    code, out, err = begin(capsys, tmp_path / "netwerk", "--naam", NAME, *args)
    assert (code, out) == (2, "")
    assert err == message + "\n"
    assert not (tmp_path / "netwerk").exists()


def test_the_name_is_required_and_the_help_is_dutch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = begin(capsys, tmp_path / "netwerk")
    assert code == 2
    assert err.splitlines()[-1] == "Fout: dit ontbreekt nog: --naam"
    code, _, err = begin(capsys, tmp_path / "netwerk", "--naam", "  ")
    assert (code, err) == (
        2,
        'Fout: --naam: geef de naam van het netwerk, zoals --naam "Mijn netwerk"\n',
    )
    code, out, _ = begin(capsys, tmp_path / "netwerk", "--help")
    assert code == 0
    assert out.startswith("Gebruik: netwerk begin ")
    assert "toon deze uitleg en stop" in out
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in out
    assert not (tmp_path / "netwerk").exists()


def test_check_passes_and_names_the_placeholders_still_to_fill_in(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    begin(capsys, tmp_path / "nieuw", "--naam", NAME)
    monkeypatch.chdir(tmp_path / "nieuw")
    assert main(["controleer"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == (
        "Nog in te vullen in mkdocs.yml voordat je een nieuwsbrief verstuurt: site_url, "
        "newsletter_from, newsletter_unsubscribe_url (er staat nog een voorbeeldadres)."
    )
    config = (tmp_path / "nieuw" / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("example.org", "noordnetwerk.nl")
    (tmp_path / "nieuw" / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert main(["controleer"]) == 0
    assert "Nog in te vullen" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            "basis",
            "--lidmaatschappen: achter 'basis=' hoort de naam van het lidmaatschap, zoals "
            '--lidmaatschappen "basis=Naam van het lidmaatschap"',
        ),
        (
            "Basis=Basis",
            "--lidmaatschappen: 'Basis' is geen code; gebruik kleine letters, cijfers en "
            "streepjes, zoals basis=Basislidmaatschap",
        ),
        ("lid=Lid,lid=Lid", "--lidmaatschappen: 'lid' staat er twee keer in"),
        (
            " , ",
            '--lidmaatschappen: geef minstens één lidmaatschap, zoals --lidmaatschappen "basis=Basis"',
        ),
    ],
)
def test_memberships_are_named_or_refused(given: str, message: str) -> None:
    from netwerk.editing.begin import BeginError, parse_memberships

    assert parse_memberships(None) == {}
    assert parse_memberships("basis=Basis, convenant=Convenantpartner") == {
        "basis": "Basis",
        "convenant": "Convenantpartner",
    }
    with pytest.raises(BeginError) as raised:
        parse_memberships(given)
    assert str(raised.value) == message


def test_help_tells_how_to_rename_a_known_sector(capsys: pytest.CaptureFixture[str]) -> None:
    main(["begin", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "so=Speciaal (basis)onderwijs" in text
    assert "--lidmaatschappen" in text
