"""The `netwerk` command: what an editor types, what they read, which files appear."""

from __future__ import annotations

import email
import email.policy
import json
import re
import shutil
import socket
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from aiosmtpd.controller import Controller
from mkdocs.exceptions import Abort

from conftest import ACTIVITY, PARTNER, REPO, SMALL_NETWORK, TIERS, Site
from netwerk.core.collections import KINDS, slug_for
from netwerk.core.frontmatter import read_source
from netwerk.core.loader import load_network
from netwerk.core.models import Activity, Place
from netwerk.core.options import NAMES
from netwerk.core.settings import Settings
from netwerk.editing.cli import main
from netwerk.editing.scaffold import scaffold
from netwerk.editing.schema import kind_schema
from netwerk.plugin.config import NetwerkConfig
from test_build import BAD_SETTINGS

AGENDA = "content/agenda/themabijeenkomst-motivatie.md"
NEWSLETTER = {
    "audiences": [{"slug": "po", "name": "Primair onderwijs", "sectors": ["po"]}],
    "newsletter_from": "Testnetwerk <nieuwsbrief@netwerk.example.nl>",
    "newsletter_unsubscribe_url": "https://mail.example.nl/afmelden?lijst={audience}",
}


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


Netwerk = Callable[..., Run]


@pytest.fixture
def netwerk(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Netwerk:
    """Run `netwerk ...` in a folder, as an editor would."""

    def run(folder: Path, *args: str) -> Run:
        monkeypatch.chdir(folder)
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return Run(code, out, err)

    return run


# --- Help and usage ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [[], ["nieuw"], ["controleer"], ["schema"], ["nieuwsbrief"], ["nieuwsbrief", "test"]],
)
def test_help_is_dutch(netwerk: Netwerk, tmp_path: Path, command: list[str]) -> None:
    run = netwerk(tmp_path, *command, "--help")
    assert run.code == 0
    assert run.out.startswith(f"Gebruik: netwerk {' '.join(command)}".rstrip() + " ")
    assert "toon deze uitleg en stop" in run.out
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in run.out


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "Fout: dit ontbreekt nog: OPDRACHT"),
        (
            ["nieuw", "activitet", "X"],
            "Fout: SOORT: 'activitet' is geen geldige keuze; bedoelde je 'activiteit'?",
        ),
        (["nieuw", "activiteit"], "Fout: dit ontbreekt nog: TITEL"),
        (["nieuw", "activiteit", "X", "--start"], "Fout: --start: hier hoort een waarde achter"),
        (["controleer", "--snel"], "Fout: onbekend: --snel; zie --help"),
        (["nieuwsbrief", "test", "2026-03", "po"], "Fout: dit ontbreekt nog: --smtp, --aan"),
    ],
)
def test_a_command_typed_wrong_says_what_is_missing_in_dutch(
    netwerk: Netwerk, tmp_path: Path, args: list[str], message: str
) -> None:
    run = netwerk(tmp_path, *args)
    assert run.code == 2
    assert run.err.startswith("Gebruik: netwerk")
    assert run.err.splitlines()[-1] == message


def test_an_unexpected_error_is_one_line_without_traceback(
    netwerk: Netwerk, small_site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_site.configure()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr("netwerk.editing.cli.scaffold", broken)
    run = netwerk(small_site.root, "nieuw", "thema", "Taal")
    assert (run.code, run.out) == (1, "")
    assert run.err == (
        "Er ging iets onverwachts mis (RuntimeError: kapot). Dit is een fout in netwerk zelf; "
        "meld het, met het commando dat je gaf, aan wie de site beheert.\n"
    )


def test_a_file_that_cannot_be_written_is_named(netwerk: Netwerk, small_site: Site) -> None:
    small_site.configure()
    shutil.rmtree(small_site.content / "kennisbank")
    (small_site.content / "kennisbank").write_text("geen map", encoding="utf-8")
    run = netwerk(small_site.root, "nieuw", "bron", "Kennisagenda")
    assert run.code == 1
    assert run.err.startswith(f"Fout: kan niet bij {small_site.content / 'kennisbank'} (")


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("netwerk")
    result = subprocess.run(
        [str(script), "controleer", "-f", "bestaat-niet.yml"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == (
        "Fout: bestaat-niet.yml niet gevonden; ga eerst naar de map van de site (waar "
        "mkdocs.yml staat) of geef het pad met -f pad/naar/mkdocs.yml\n"
    )


# --- netwerk controleer --------------------------------------------------------------------


def build_problems(site: Site, caplog: pytest.LogCaptureFixture) -> list[str]:
    """The problem lines `mkdocs build` logs for this site."""
    with pytest.raises(Abort):
        site.build()
    report = next(r.getMessage() for r in caplog.records if "in de inhoud" in r.getMessage())
    return report.splitlines()[1:]


def test_check_passes_a_valid_network_and_builds_nothing(
    netwerk: Netwerk, small_site: Site
) -> None:
    small_site.configure()
    run = netwerk(small_site.root, "controleer")
    assert (run.code, run.err) == (0, "")
    assert run.out == (
        "Geen problemen gevonden. Gepubliceerd: 1 partner, 1 thema, 1 project, 1 activiteit, "
        "1 nieuwsbericht, 1 bron.\n"
    )
    assert not small_site.output.exists()


def test_check_gives_exactly_the_messages_of_the_build(
    netwerk: Netwerk, site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    site.write(SMALL_NETWORK).write(
        {
            "agenda/themabijeenkomst-motivatie.md": ACTIVITY.replace(
                "sectors: [po]", "sectors: [p0]"
            ).replace("kind: themabijeenkomst\n", ""),
            "partners/museum-boerhaave.md": PARTNER.replace("2016-09-01", "01-09-2016"),
        }
    ).configure()
    run = netwerk(site.root, "controleer")
    assert run.code == 1
    assert run.lines == [
        "3 problemen in de inhoud:",
        f"{AGENDA}:1: kind: ontbreekt; voeg de soort toe, bijvoorbeeld kind: netwerkbijeenkomst",
        f"{AGENDA}:6: sectors: 'p0' is geen sector; bedoelde je 'po'?",
        "content/partners/museum-boerhaave.md:6: member_since: '01-09-2016' is geen datum in de "
        "vorm jjjj-mm-dd; schrijf 2016-09-01",
    ]
    assert run.lines[1:] == build_problems(site, caplog)


def test_check_reports_newsletter_editions_like_the_build(
    netwerk: Netwerk, small_site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    small_site.configure(**NEWSLETTER)
    editions = small_site.root / "newsletters"
    editions.mkdir()
    (editions / "2026-10.md").write_text(
        "---\ndate: 2026-10-05\nsubject: Oktober\naudiences: [p0]\n---\nWelkom.\n", encoding="utf-8"
    )
    run = netwerk(small_site.root, "controleer")
    assert run.code == 1
    assert len(run.lines) == 2
    assert run.lines[1].startswith("newsletters/2026-10.md:4: audiences")
    assert run.lines[1:] == build_problems(small_site, caplog)


@pytest.mark.parametrize(("options", "message"), BAD_SETTINGS)
def test_check_names_a_bad_setting_as_the_build_does(
    netwerk: Netwerk, small_site: Site, options: dict[str, object], message: str
) -> None:
    small_site.configure(**options)
    run = netwerk(small_site.root, "controleer")
    assert (run.code, run.out, run.err) == (1, "", f"Fout: {message}\n")


def test_check_names_an_unknown_setting(netwerk: Netwerk, small_site: Site) -> None:
    small_site.configure(sector={"po": "Primair onderwijs"})
    run = netwerk(small_site.root, "controleer")
    assert run.err == (
        "Fout: mkdocs.yml: netwerk: sector: deze instelling bestaat niet; bedoelde je 'sectors'?\n"
    )


def test_mkdocs_passes_every_setting_on_to_netwerk_unchanged() -> None:
    """MkDocs knows every setting (no warning to stop a strict build) and checks none: their
    values, or None for those left out, reach netwerk.core.options, which checks them in Dutch."""
    written = {name: [name, 1] for name in NAMES}  # a shape no setting has
    config = NetwerkConfig()
    config.load_dict(written)
    assert config.validate() == ([], [])
    assert dict(config) == written
    config = NetwerkConfig()
    config.load_dict({})
    assert config.validate() == ([], [])
    assert dict(config) == dict.fromkeys(NAMES)


def test_check_does_not_load_mkdocs(small_site: Site) -> None:
    """Loading MkDocs and its theme takes longer than checking the example's content."""
    small_site.configure()
    script = (
        "import sys; from netwerk.editing.cli import main; code = main(['controleer']); "
        "print(code, sorted({m.split('.')[0] for m in sys.modules} & {'mkdocs', 'jinja2', 'material'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=small_site.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.splitlines()[-1] == "0 []", result.stderr


def test_check_reads_settings_from_an_inherited_file_and_the_environment(
    netwerk: Netwerk, small_site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs' INHERIT and !ENV, as a network with several configurations might use them."""
    small_site.configure(sectors={"po": "PO", "vo": "VO", "vve": "VVE"})
    base = yaml.safe_load((small_site.root / "mkdocs.yml").read_text(encoding="utf-8"))
    base["plugins"] = {"search": {}, "netwerk": base["plugins"][1]["netwerk"]}
    (small_site.root / "basis.yml").write_text(yaml.safe_dump(base), encoding="utf-8")
    (small_site.root / "mkdocs.yml").write_text(
        "INHERIT: basis.yml\n"
        "docs_dir: !ENV [INHOUD, content]\n"
        "plugins:\n  netwerk:\n    featured_memberships: [basis]\n",
        encoding="utf-8",
    )
    run = netwerk(small_site.root, "controleer")
    assert (run.code, run.err) == (0, ""), run.out
    # The options are merged: the sectors come from basis.yml.
    (small_site.content / "agenda" / "themabijeenkomst-motivatie.md").write_text(
        ACTIVITY.replace("sectors: [po]", "sectors: [po, mbo]"), encoding="utf-8"
    )
    run = netwerk(small_site.root, "controleer")
    assert run.lines[1:] == [
        f"{AGENDA}:6: sectors: 'mbo' is geen sector; kies uit: po, vo, vve. De lijst sectors in "
        "mkdocs.yml vervangt de standaardlijst (vve, po, vo, mbo, ho): zet 'mbo' erbij, of zet "
        "je eigen codes onder extra_sectors en houd de standaardlijst"
    ]
    # !ENV takes the variable when it is set.
    monkeypatch.setenv("INHOUD", "elders")
    run = netwerk(small_site.root, "controleer")
    assert run.err == (
        f"Fout: de map {small_site.root / 'elders'} bestaat niet; zet bij docs_dir in mkdocs.yml "
        "de map met de inhoud, zoals docs_dir: content\n"
    )


def test_check_reads_mkdocs_yml_with_python_tags_and_another_name(
    netwerk: Netwerk, small_site: Site
) -> None:
    small_site.configure()
    config = (small_site.root / "mkdocs.yml").read_text(encoding="utf-8")
    # Other projects' settings may hold Python tags, such as Material's emoji functions.
    config += (
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    (small_site.root / "site.yml").write_text(config, encoding="utf-8")
    run = netwerk(small_site.root, "controleer", "-f", "site.yml")
    assert run.code == 0, run.err


def test_commands_find_mkdocs_yml_from_a_subfolder(netwerk: Netwerk, small_site: Site) -> None:
    small_site.configure()
    run = netwerk(
        small_site.content / "agenda", "nieuw", "activiteit", "Lezing", "--naam", "lezing.md"
    )
    assert run.lines[0] == "Aangemaakt: content/agenda/lezing.md"
    assert (small_site.content / "agenda" / "lezing.md").is_file()
    # The new item still has fields to fill in: the check, run from the subfolder, names them.
    run = netwerk(small_site.content / "agenda", "controleer")
    assert run.code == 1
    assert run.err == ""
    assert run.lines[0].endswith("in de inhoud:")
    assert run.lines[1:]
    assert all(line.startswith("content/agenda/lezing.md:") for line in run.lines[1:]), run.lines


def test_check_without_the_plugin_says_how_to_add_it(netwerk: Netwerk, small_site: Site) -> None:
    (small_site.root / "mkdocs.yml").write_text(
        "site_name: Test\ndocs_dir: content\n", encoding="utf-8"
    )
    run = netwerk(small_site.root, "controleer")
    assert run.code == 1
    assert run.err == (
        "Fout: mkdocs.yml gebruikt de plug-in netwerk niet; zet '- netwerk' onder 'plugins:'\n"
    )


# --- netwerk nieuw -------------------------------------------------------------------------


def front_matter(path: Path) -> dict[str, Any]:
    source = read_source(path.name, path.read_bytes())
    assert source.problems == []
    return source.data


def test_new_activity_has_every_field_and_the_given_start(
    netwerk: Netwerk, small_site: Site
) -> None:
    small_site.configure()
    run = netwerk(
        small_site.root, "nieuw", "activiteit", "Gluren bij de Buren", "--start", "2026-03-12T15:30"
    )
    assert run.code == 0, run.err
    path = small_site.content / "agenda" / "gluren-bij-de-buren.md"
    assert run.lines == [
        "Aangemaakt: content/agenda/gluren-bij-de-buren.md",
        "Vul nog in (verplicht): location.name, sectors, kind",
        "Controleer daarna met: netwerk controleer",
    ]
    data = front_matter(path)
    # Participants are recorded afterwards: not in a new activity.
    assert list(data) == [
        name for name in Activity.model_fields if name not in ("draft", "participants")
    ] + ["draft"]
    assert list(data["location"]) == list(Place.model_fields)
    assert data["title"] == "Gluren bij de Buren"
    assert data["start"] == "2026-03-12 15:30"
    assert data["status"] == "gepland"
    text = path.read_text(encoding="utf-8")
    assert "\nstart: 2026-03-12 15:30\n" in text
    # Help is in comments on lines of their own, never after a value.
    for line in text.split("---")[1].splitlines():
        assert line.lstrip().startswith("#") or "#" not in line, line


def fill(text: str, key: str, value: str) -> str:
    """Write a value after an empty key, as an editor does (`location.name` is indented)."""
    *parents, name = key.split(".")
    pattern = re.compile(rf"^({'  ' * len(parents)}{name}:)$", re.MULTILINE)
    assert pattern.search(text), key
    return pattern.sub(lambda m: f"{m.group(1)} {value}", text, count=1)


# Values an editor fills in for each required key the scaffold left empty.
FILLED = {
    "name": "Bibliotheek Leiden",
    "summary": "Een zin over dit item.",
    "sectors": "[po, vo]",
    "membership": "basis",
    "theme": "motivatie",
    "status": "lopend",
    "goal": "Leerkrachten leren van elkaar.",
    "kind": "{agenda: lezing, nieuws: interview, kennisbank: tool}",
    "location.name": "Museum Boerhaave",
    "date": "2026-10-01",
    "subject": "Nieuwsbrief oktober",
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_scaffold_fails_on_its_placeholders_and_passes_once_they_are_filled(
    netwerk: Netwerk, small_site: Site, kind: str
) -> None:
    small_site.configure(**NEWSLETTER)
    start = ["--start", "2026-12-01T10:00"] if kind == "activiteit" else []
    made = netwerk(small_site.root, "nieuw", kind, "Taal & rekenen: één aanpak", *start)
    assert made.code == 0, made.err
    path = small_site.root / made.lines[0].removeprefix("Aangemaakt: ")
    to_fill = made.lines[1].removeprefix("Vul nog in (verplicht): ").split(", ")
    if kind == "nieuwsbrief":
        assert path == small_site.root / "newsletters" / "2026-11.md"
    else:
        assert path.name == "taal-en-rekenen-een-aanpak.md"

    before = netwerk(small_site.root, "controleer")
    shown = path.relative_to(small_site.root).as_posix()
    assert before.code == 1
    # Each says what to fill in (the exact messages: test_messages.py).
    assert [line.split("; vul ")[0] for line in before.lines[1:]] == [
        f"{shown}:{line}: {key}: is leeg" for key, line in placeholder_lines(path, to_fill)
    ]
    assert not any("haal de regel weg" in line for line in before.lines[1:])

    text = path.read_text(encoding="utf-8")
    for key in to_fill:
        value = FILLED[key]
        if key == "kind":
            value = yaml.safe_load(value)[path.parent.name]
        text = fill(text, key, value)
    path.write_text(text, encoding="utf-8")
    after = netwerk(small_site.root, "controleer")
    assert after.code == 0, after.out
    if kind != "nieuwsbrief":
        network = load_network(small_site.content, small_site_settings())
        item = next(i for i in network.items() if i.slug == "taal-en-rekenen-een-aanpak")
        assert item.label == "Taal & rekenen: één aanpak"


def placeholder_lines(path: Path, keys: list[str]) -> list[tuple[str, int]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for key in keys:
        *parents, name = key.split(".")
        indent = "  " * len(parents)
        found.append((key, lines.index(f"{indent}{name}:") + 1))
    return sorted(found, key=lambda pair: (pair[1], pair[0]))


def small_site_settings() -> Settings:
    return Settings(memberships=TIERS, build_date=date(2026, 11, 23))


def test_new_refuses_a_file_that_exists(netwerk: Netwerk, small_site: Site) -> None:
    small_site.configure()
    existing = small_site.content / "projecten" / "gluren-bij-de-buren.md"
    before = existing.read_bytes()
    run = netwerk(small_site.root, "nieuw", "project", "Gluren bij de Buren")
    assert run.code == 1
    assert run.err == (
        "Fout: content/projecten/gluren-bij-de-buren.md bestaat al; kies een andere titel of "
        "geef een andere bestandsnaam met --naam, zoals --naam gluren-bij-de-buren-2\n"
    )
    assert existing.read_bytes() == before
    again = netwerk(
        small_site.root, "nieuw", "project", "Gluren bij de Buren", "--naam", "gluren-2"
    )
    assert again.code == 0
    assert (small_site.content / "projecten" / "gluren-2.md").is_file()


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["activiteit", "Archief"],
            "de naam 'archief' is al in gebruik voor de pagina /agenda/archief/ (Archief van de agenda); kies een "
            "andere titel of geef een bestandsnaam met --naam, zoals --naam archief-agenda",
        ),
        (
            ["thema", "???"],
            "uit deze titel valt geen bestandsnaam te maken; geef er een met --naam, zoals "
            "--naam mijn-item",
        ),
        (
            ["thema", "Motivatie", "--naam", "Motivatie_2"],
            "'Motivatie_2' is geen geldige bestandsnaam; gebruik kleine letters, cijfers en "
            "streepjes, zoals leesavond-voor-ouders",
        ),
        (
            ["activiteit", "Lezing", "--start", "12-03-2026 15:30"],
            "--start: '12-03-2026 15:30' is geen datum of tijdstip; schrijf 2026-03-12, "
            "2026-03-12T15:30 of 2026-03-12 15:30",
        ),
        (
            ["nieuws", "Bericht", "--date", "2026-03-12T10:00"],
            "--date: '2026-03-12T10:00' is geen datum; schrijf jjjj-mm-dd, zoals 2026-03-12",
        ),
        (
            ["activiteit", "Lezing", "--sectors", "po,p0"],
            "--sectors: 'p0' is geen geldige waarde; bedoelde je 'po'?",
        ),
        (
            ["thema", "Taal", "--membership", "basis"],
            "--membership hoort niet bij een thema; een thema heeft: --summary, --order",
        ),
    ],
)
def test_new_explains_what_it_cannot_do(
    netwerk: Netwerk, small_site: Site, args: list[str], message: str
) -> None:
    small_site.configure()
    before = sorted(small_site.content.rglob("*"))
    run = netwerk(small_site.root, "nieuw", *args)
    assert (run.code, run.err) == (1, f"Fout: {message}\n")
    assert sorted(small_site.content.rglob("*")) == before


def test_new_with_options_gives_a_valid_item_at_once(netwerk: Netwerk, small_site: Site) -> None:
    small_site.configure()
    run = netwerk(
        small_site.root,
        "nieuw",
        "activiteit",
        "Onderwijscafé #2: ouders",
        "--start",
        "2026-12-03T19:30",
        "--end",
        "21:00",
        "--sectors",
        "po, vo",
        "--kind",
        "onderwijscafe",
        "--location-name",
        "Bibliotheek Leiden",
        "--partners",
        "museum-boerhaave",
        "--concept",
    )
    assert run.lines[1] == "Controleer daarna met: netwerk controleer"
    path = small_site.content / "agenda" / "onderwijscafe-2-ouders.md"
    data = front_matter(path)
    assert (data["end"], data["sectors"], data["partners"], data["draft"]) == (
        "21:00",
        ["po", "vo"],
        ["museum-boerhaave"],
        "true",
    )
    assert netwerk(small_site.root, "controleer").code == 0
    text = path.read_text(encoding="utf-8").replace("draft: true", "draft: false")
    path.write_text(text, encoding="utf-8")
    network = load_network(small_site.content, small_site_settings())
    assert network.activities["onderwijscafe-2-ouders"].title == "Onderwijscafé #2: ouders"


def test_new_edition_is_named_after_its_month(netwerk: Netwerk, small_site: Site) -> None:
    small_site.configure(**NEWSLETTER)
    run = netwerk(
        small_site.root, "nieuw", "nieuwsbrief", "Nieuwsbrief maart", "--date", "2026-03-16"
    )
    assert run.lines[0] == "Aangemaakt: newsletters/2026-03.md"
    data = front_matter(small_site.root / "newsletters" / "2026-03.md")
    assert (data["date"], data["subject"]) == ("2026-03-16", "Nieuwsbrief maart")
    assert netwerk(small_site.root, "controleer").code == 0


# --- netwerk schema ------------------------------------------------------------------------


class Yaml12Loader(yaml.SafeLoader):
    """YAML as editors' tools read it (YAML 1.2 core schema): `2026-03-12` and `17:30` stay
    text, only true/false are booleans."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag.rsplit(":", 1)[-1] not in ("timestamp", "bool", "int", "float")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$"),
    list("-+.0123456789"),
)


def as_tools_read_it(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("---\n", 2)[1]
    return yaml.load(text, Loader=Yaml12Loader)


@pytest.fixture
def example_schemas(netwerk: Netwerk, rich_root: Path, tmp_path: Path) -> dict[str, dict[str, Any]]:
    run = netwerk(rich_root, "schema", "--map", str(tmp_path / "schemas"))
    assert run.code == 0, run.err
    written = sorted(tmp_path.glob("schemas/*.schema.json"))
    assert [f"Geschreven: {path.as_posix()}" for path in written] == sorted(run.lines)
    return {
        path.name.removesuffix(".schema.json"): json.loads(path.read_text()) for path in written
    }


def test_schemas_are_valid_json_schema_for_every_collection(
    example_schemas: dict[str, dict[str, Any]],
) -> None:
    assert sorted(example_schemas) == sorted(
        [
            "partners",
            "themas",
            "projecten",
            "agenda",
            "nieuws",
            "kennisbank",
            "organisatie",
            "cijfers",
            "nieuwsbrief",
        ]
    )
    for schema in example_schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_schemas_accept_a_whole_network(
    example_schemas: dict[str, dict[str, Any]], rich_root: Path
) -> None:
    checked = 0
    for name, schema in example_schemas.items():
        validator = jsonschema.Draft202012Validator(schema)
        if name == "organisatie":
            paths = [rich_root / "content" / "organisatie.yml"]
        elif name == "nieuwsbrief":
            paths = list((rich_root / "newsletters").glob("*.md"))
        else:
            paths = [p for p in (rich_root / "content" / name).glob("*.md") if p.stem != "index"]
        for path in paths:
            errors = [error.message for error in validator.iter_errors(as_tools_read_it(path))]
            assert errors == [], path
            checked += 1
    assert checked == 19


def test_schemas_reject_a_wrong_sector_and_offer_the_options(
    example_schemas: dict[str, dict[str, Any]], rich_root: Path
) -> None:
    partner = as_tools_read_it(rich_root / "content" / "partners" / "bibliotheek-noord.md")
    validator = jsonschema.Draft202012Validator(example_schemas["partners"])
    assert list(validator.iter_errors(partner)) == []
    for wrong in ("p0", ["po", "p0"]):
        assert list(validator.iter_errors({**partner, "sectors": wrong})) != []
    assert list(validator.iter_errors({**partner, "sectros": ["po"]})) != []
    activity = as_tools_read_it(rich_root / "content" / "agenda" / "leesavond.md")
    agenda = jsonschema.Draft202012Validator(example_schemas["agenda"])
    for start in ("2026-03-12", "2026-03-12 15:30", "2026-3-5 9:30", "2026-03-12T15:30"):
        assert list(agenda.iter_errors({**activity, "start": start})) == [], start
    for start in ("12-03-2026", "2026-03-12 15.30", "morgen"):
        assert list(agenda.iter_errors({**activity, "start": start})) != [], start
    sectors = example_schemas["agenda"]["properties"]["sectors"]["anyOf"][0]
    assert sectors["enum"] == ["vve", "po", "vo", "mbo", "ho"]
    assert sectors["enumDescriptions"][1] == "Primair onderwijs"
    # References offer the partners that exist, without failing a partner added later.
    partners = example_schemas["agenda"]["properties"]["partners"]["anyOf"][1]["items"]
    assert "bibliotheek-noord" in partners["examples"]
    assert "enum" not in partners


def test_schema_maps_the_schemas_for_vs_code_and_keeps_other_settings(
    netwerk: Netwerk, small_site: Site
) -> None:
    small_site.configure()
    vscode = small_site.root / ".vscode"
    vscode.mkdir()
    (vscode / "settings.json").write_text('{"editor.wordWrap": "on"}', encoding="utf-8")
    run = netwerk(small_site.root, "schema", "--vscode")
    assert run.code == 0
    assert run.lines[-1] == "Geschreven: .vscode/settings.json"
    settings = json.loads((vscode / "settings.json").read_text(encoding="utf-8"))
    assert settings["editor.wordWrap"] == "on"
    assert settings["yaml.schemas"]["schemas/agenda.schema.json"] == ["content/agenda/*.md"]
    assert settings["yaml.schemas"]["schemas/organisatie.schema.json"] == [
        "content/organisatie.yml"
    ]
    assert settings["yaml.schemas"]["schemas/nieuwsbrief.schema.json"] == ["newsletters/*.md"]
    assert (small_site.root / "schemas" / "agenda.schema.json").is_file()


# --- netwerk nieuwsbrief test --------------------------------------------------------------


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class SmtpSink:
    """An SMTP server on 127.0.0.1 that keeps what it receives."""

    port: int = 0
    received: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def smtp() -> Iterator[SmtpSink]:
    sink = SmtpSink(port=free_port())
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()


EDITION = """\
---
date: 2026-10-05
subject: Nieuwsbrief oktober 2026
preheader: De agenda voor het najaar en nieuws uit het primair onderwijs.
---
Welkom bij de nieuwsbrief van oktober.
"""


@pytest.fixture
def built_newsletter(small_site: Site) -> Site:
    small_site.configure(**NEWSLETTER)
    (small_site.root / "newsletters").mkdir()
    (small_site.root / "newsletters" / "2026-10.md").write_text(EDITION, encoding="utf-8")
    return small_site.build()


def test_newsletter_test_sends_the_built_eml(
    netwerk: Netwerk, built_newsletter: Site, smtp: SmtpSink
) -> None:
    eml = built_newsletter.output / "nieuwsbrief" / "po" / "2026-10" / "bericht.eml"
    built = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert isinstance(built, EmailMessage)
    run = netwerk(
        built_newsletter.root,
        "nieuwsbrief",
        "test",
        "2026-10",
        "po",
        "--smtp",
        f"127.0.0.1:{smtp.port}",
        "--aan",
        "redactie@example.nl",
    )
    assert (run.code, run.err) == (0, "")
    assert run.out == (
        f"Verstuurd naar redactie@example.nl via 127.0.0.1:{smtp.port}: "
        "site/nieuwsbrief/po/2026-10/bericht.eml\n"
    )
    [received] = smtp.received
    assert received.sender == "nieuwsbrief@netwerk.example.nl"
    assert received.recipients == ["redactie@example.nl"]
    message = received.message
    assert message["Subject"] == "[TEST] Nieuwsbrief oktober 2026"
    assert message["To"] == "redactie@example.nl"
    for header in ("From", "List-Unsubscribe"):
        assert message[header] == built[header], header
    sent_parts = [
        (p.get_content_type(), p.get_content()) for p in message.walk() if not p.is_multipart()
    ]
    built_parts = [
        (p.get_content_type(), p.get_content()) for p in built.walk() if not p.is_multipart()
    ]
    assert [kind for kind, _ in sent_parts] == ["text/plain", "text/html"]
    assert sent_parts == built_parts


def test_newsletter_test_names_what_is_not_there(
    netwerk: Netwerk, built_newsletter: Site, smtp: SmtpSink
) -> None:
    def send(edition: str, audience: str, server: str = f"127.0.0.1:{smtp.port}") -> Run:
        return netwerk(
            built_newsletter.root, "nieuwsbrief", "test", edition, audience,
            "--smtp", server, "--aan", "redactie@example.nl",
        )  # fmt: skip

    assert send("2026-10", "p0").err == "Fout: er is geen nieuwsbrief 'p0'; bedoelde je 'po'?\n"
    assert send("2026-11", "po").err == (
        "Fout: site/nieuwsbrief/po/2026-11/bericht.eml bestaat niet: er is geen editie "
        "'2026-11' voor po; bedoelde je '2026-10'?\n"
    )
    assert send("2026-10", "po", "127.0.0.1").err == (
        "Fout: --smtp: '127.0.0.1' is geen HOST:POORT, zoals localhost:1025\n"
    )
    closed = free_port()
    refused = send("2026-10", "po", f"127.0.0.1:{closed}")
    assert (refused.code, refused.err) == (
        1,
        f"Fout: geen verbinding met 127.0.0.1:{closed}: de server weigert; controleer host en "
        "poort bij --smtp\n",
    )
    assert smtp.received == []


def test_newsletter_test_before_a_build_says_to_build(netwerk: Netwerk, small_site: Site) -> None:
    small_site.configure(**NEWSLETTER)
    run = netwerk(
        small_site.root, "nieuwsbrief", "test", "2026-10", "po",
        "--smtp", "127.0.0.1:2525", "--aan", "redactie@example.nl",
    )  # fmt: skip
    assert (run.code, run.err) == (
        1,
        "Fout: site/nieuwsbrief/ bestaat niet; bouw eerst de site (make site of mkdocs build)\n",
    )


# --- Publishing ----------------------------------------------------------------------------


def test_ci_builds_strictly_and_publishes_on_push_and_nightly() -> None:
    github = yaml.load(
        (REPO / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"),
        Loader=yaml.BaseLoader,
    )
    assert "push" in github["on"] and "schedule" in github["on"]
    assert github["on"]["schedule"][0]["cron"]
    steps = [step for job in github["jobs"].values() for step in job.get("steps", [])]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "netwerk bouw" in runs
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses

    gitlab = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    pages = gitlab["pages"]
    assert "netwerk bouw --map public" in "\n".join(pages["script"])
    assert pages["artifacts"]["paths"] == ["public"]
    rules = json.dumps(pages["rules"])
    assert "schedule" in rules and "push" in rules


def test_scaffold_comments_stay_out_of_values() -> None:
    # A `#` right after a plain value would be flagged by the front matter reader.
    for kind, model in KINDS.items():
        text = scaffold(kind_schema(model), "Titel").text
        source = read_source("x.md", text.encode())
        assert source.problems == [], kind
        assert all(line.lstrip().startswith("# ") for line in text.splitlines() if "#" in line), (
            kind
        )
        assert textwrap.dedent(text).startswith("---\n")


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Gluren bij de Buren", "gluren-bij-de-buren"),
        ("Onderwijscafé: één avond", "onderwijscafe-een-avond"),
        ("Thema\u2019s en ideeën voor de klas", "themas-en-ideeen-voor-de-klas"),
        ("Ĳsselmonde & Zoeterwoude", "ijsselmonde-en-zoeterwoude"),
        ("  Conferentie 2027!  ", "conferentie-2027"),
    ],
)
def test_file_names_fold_dutch_characters(title: str, slug: str) -> None:
    assert slug_for(title) == slug


def test_newsletter_test_takes_a_site_built_elsewhere(
    netwerk: Netwerk, built_newsletter: Site, smtp: SmtpSink, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elders"
    built_newsletter.output.rename(elsewhere)
    run = netwerk(
        built_newsletter.root, "nieuwsbrief", "test", "2026-10", "po", "--site", str(elsewhere),
        "--smtp", f"127.0.0.1:{smtp.port}", "--aan", "redactie@example.nl",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert [r.message["Subject"] for r in smtp.received] == ["[TEST] Nieuwsbrief oktober 2026"]
