"""`netwerk begin`: a new network site that builds at once, from the starter files beside this.

The starter files live in `starter/` (package data). A file ending in `.jinja` is rendered with
the network's name, sectors and address and written without that ending; every other file is
copied as it is. A leading `dot-` becomes `.` (`dot-gitignore` is `.gitignore`), so that the
package carries no hidden files. The empty collection folders get a `.gitkeep`, which MkDocs
does not publish (it skips dotfiles).
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import sys
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..core.loader import SLUG
from ..core.models import COLLECTIONS
from ..core.options import options_from, site_url_problem
from ..core.problems import SettingsError, did_you_mean

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

EXIT_OK, EXIT_USAGE = 0, 2

# The usual sectors of Dutch education, by the codes networks write.
KNOWN_SECTORS = {
    "vve": "Voor- en vroegschoolse educatie",
    "po": "Primair onderwijs",
    "so": "Speciaal onderwijs",
    "vo": "Voortgezet onderwijs",
    "mbo": "Middelbaar beroepsonderwijs",
    "ho": "Hoger onderwijs (hbo en wo)",
}
DEFAULT_SECTORS = ("vve", "po", "vo", "mbo", "ho")
# A sector's code is also an address: /agenda/<code>/, /partners/<code>/, /feeds/<code>.xml.
# These would take the place of a page the site makes itself.
RESERVED_CODES = {
    "index": "de overzichtspagina's",
    "archief": "de archieven /agenda/archief/ en /nieuws/archief/",
    "programma": "het jaarprogramma /agenda/programma/",
    "kalender": "de kalender /agenda/kalender.ics",
    "nieuws": "de nieuwsfeed /feeds/nieuws.xml",
    "sitemap": "/feeds/sitemap.xml",
}
# Empty folders of a new site, each kept in git by a .gitkeep.
EMPTY_FOLDERS = (*(f"content/{model.folder}" for model in COLLECTIONS), "content/afbeeldingen")
# What may already be in the folder: a clone of an empty repository, a virtual environment.
ALLOWED = frozenset({".git", ".venv"})
PACKAGE = "netwerksite"


class BeginError(Exception):
    """The command cannot start this site; the message says what to do instead."""


# --- Command line --------------------------------------------------------------------------


def add_begin_command(commands: Any) -> None:
    """Register `netwerk begin` with the subcommands of `netwerk` (cli.build_parser)."""
    begin = commands.add_parser(
        "begin",
        help="begin een nieuwe netwerksite in een lege map",
        description=(
            "Maakt in een nieuwe of lege map een complete site voor een netwerk: mkdocs.yml "
            "met de naam, het adres en de werkvelden, content/ met een homepagina, "
            "organisatie, privacy en toegankelijkheid, een map voor nieuwsbrieven, de "
            "workflows om te publiceren op GitHub of GitLab, requirements.txt en een README "
            "voor het team. De site bouwt meteen met netwerk bouw (mkdocs build --strict)."
        ),
        epilog=(
            "Voorbeelden:\n"
            '  netwerk begin mijn-netwerk --naam "Onderwijsnetwerk Noord"\n'
            '  netwerk begin mijn-netwerk --naam "Onderwijsnetwerk Noord" --werkvelden po,so,vo '
            "--adres https://www.onderwijsnetwerk-noord.nl/\n"
            '  netwerk begin mijn-netwerk --naam "Onderwijsnetwerk Noord" '
            '--werkvelden "po,beleid=Gemeente en beleid"\n'
            '  netwerk begin mijn-netwerk --naam "Onderwijsnetwerk Noord" '
            '--werkvelden "po,so=Speciaal (basis)onderwijs" '
            '--lidmaatschappen "basis=Basis,convenant=Convenantpartner"\n\n'
            "Bekende werkvelden: "
            + "; ".join(f"{code}: {label}" for code, label in KNOWN_SECTORS.items())
            + ". Een ander werkveld geef je met zijn naam: code=Naam; zo geef je ook een bekend "
            "werkveld een andere naam (so=Speciaal (basis)onderwijs). Zonder "
            "--lidmaatschappen heeft het netwerk geen soorten partners. Alles staat daarna in "
            "mkdocs.yml en is daar aan te passen."
        ),
    )
    begin.arguments.add_argument("map", metavar="MAP", help="de map voor de nieuwe site")
    begin.options.add_argument(
        "--naam", required=True, metavar="NAAM", help='de naam van het netwerk: "Mijn netwerk"'
    )
    begin.options.add_argument(
        "--werkvelden",
        metavar="CODES",
        help=(
            "de werkvelden, met komma's: po,vo; een ander dan "
            + ", ".join(KNOWN_SECTORS)
            + " met zijn naam: beleid=Gemeente en beleid; een bekend werkveld met een andere "
            "naam net zo: so=Speciaal (basis)onderwijs (standaard: "
            + ",".join(DEFAULT_SECTORS)
            + ")"
        ),
    )
    begin.options.add_argument(
        "--lidmaatschappen",
        metavar="CODES",
        help=(
            "de soorten lidmaatschap van partners, elk met zijn naam en met komma's: "
            "basis=Basis,convenant=Convenantpartner (standaard: geen; partners hebben dan "
            "geen veld membership)"
        ),
    )
    begin.options.add_argument(
        "--adres",
        metavar="URL",
        help="het webadres van de site, zoals https://www.mijn-netwerk.nl/ (kan ook later, "
        "bij site_url in mkdocs.yml)",
    )
    begin.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = Path(args.map)
    if folder == Path():  # `netwerk begin .`: name the folder itself
        folder = Path.cwd()
    try:
        name = parse_name(args.naam)
        sectors = parse_sectors(args.werkvelden)
        memberships = parse_memberships(args.lidmaatschappen)
        address = parse_address(args.adres)
        check_folder(folder)
    except BeginError as error:
        print(f"Fout: {error}", file=sys.stderr)
        return EXIT_USAGE
    made = create(folder, name, sectors, address, memberships)
    print(f"Nieuwe site voor {name} gemaakt in {folder}:")
    for path in made:
        print(f"  {path.relative_to(folder).as_posix()}")
    print()
    print("Zo ga je verder:")
    steps = [
        *([] if folder.resolve() == Path.cwd() else [f"cd {shlex.quote(str(folder))}"]),
        *(
            []
            if (folder / ".venv").is_dir()
            else ["python -m venv .venv && .venv/bin/pip install -r requirements.txt"]
        ),
        "source .venv/bin/activate",
        'netwerk nieuw partner "Naam van de partner"   # een eerste item',
        "netwerk controleer                  # controleer alle inhoud",
        "netwerk voorbeeld                   # bekijk de site op http://127.0.0.1:8000/",
    ]
    for step in steps:
        print(f"  {step}")
    if address is None:
        print("Zet voordat je publiceert het echte webadres bij site_url in mkdocs.yml.")
    print(
        "Vul voordat je een nieuwsbrief verstuurt newsletter_from en "
        "newsletter_unsubscribe_url in mkdocs.yml in. Meer in README.md."
    )
    return EXIT_OK


# --- Checks --------------------------------------------------------------------------------


def parse_name(text: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise BeginError('--naam: geef de naam van het netwerk, zoals --naam "Mijn netwerk"')
    return name


def parse_sectors(text: str | None) -> dict[str, str]:
    """`po,vo` or `po,beleid=Gemeente en beleid` as code → name; the default without text."""
    if text is None:
        return {code: KNOWN_SECTORS[code] for code in DEFAULT_SECTORS}
    sectors: dict[str, str] = {}
    parts = text.split(",")
    for number, part in enumerate(parts):
        code, given, label = (piece.strip() for piece in part.partition("="))
        if not code and not label:
            continue
        if not SLUG.match(code):
            comma = (
                "; een naam met een komma erin kan hier niet: pas hem daarna aan in mkdocs.yml"
                if number and " " in code and not given
                else ""
            )
            raise BeginError(
                f"--werkvelden: '{code}' is geen code; gebruik kleine letters, cijfers en "
                f"streepjes, zoals po of speciaal-onderwijs{comma}"
            )
        if code in RESERVED_CODES:
            raise BeginError(
                f"--werkvelden: de code '{code}' is al in gebruik voor {RESERVED_CODES[code]}; "
                "kies een andere code"
            )
        if code in sectors:
            raise BeginError(f"--werkvelden: '{code}' staat er twee keer in")
        if given and not label:
            raise BeginError(f"--werkvelden: achter '{code}=' hoort de naam van het werkveld")
        if not label:
            if code not in KNOWN_SECTORS:
                known = did_you_mean(code, KNOWN_SECTORS)
                named = ",".join(
                    f"{code}=Naam van het werkveld" if index == number else other.strip()
                    for index, other in enumerate(parts)
                    if other.strip()
                )
                raise BeginError(
                    f"--werkvelden: '{code}' is geen bekend werkveld ({known}); is het een "
                    f'ander werkveld, geef dan zijn naam: --werkvelden "{named}"'
                )
            label = KNOWN_SECTORS[code]
        sectors[code] = label
    if not sectors:
        raise BeginError("--werkvelden: geef minstens één werkveld, zoals --werkvelden po")
    # The build's own check of the addresses every code takes (netwerk.addresses).
    from ..addresses import check_codes

    try:
        check_codes(options_from({"sectors": sectors}, site_url=None, site_name=""))
    except SettingsError as error:
        message = error.messages[0].replace("netwerk: sectors: ", "--werkvelden: ", 1)
        raise BeginError(message) from None
    return sectors


def parse_memberships(text: str | None) -> dict[str, str]:
    """`basis=Basis,convenant=Convenantpartner` as code → name; none without text: a network
    has tiers only when it names them."""
    memberships: dict[str, str] = {}
    for part in (text or "").split(","):
        code, _, label = (piece.strip() for piece in part.partition("="))
        if not code and not label:
            continue
        if not SLUG.match(code):
            raise BeginError(
                f"--lidmaatschappen: '{code}' is geen code; gebruik kleine letters, cijfers en "
                "streepjes, zoals basis=Basislidmaatschap"
            )
        if code in memberships:
            raise BeginError(f"--lidmaatschappen: '{code}' staat er twee keer in")
        if not label:
            raise BeginError(
                f"--lidmaatschappen: achter '{code}=' hoort de naam van het lidmaatschap, "
                f'zoals --lidmaatschappen "{code}=Naam van het lidmaatschap"'
            )
        memberships[code] = label
    if text is not None and not memberships:
        raise BeginError(
            "--lidmaatschappen: geef minstens één lidmaatschap, zoals "
            '--lidmaatschappen "basis=Basis"'
        )
    return memberships


def parse_address(text: str | None) -> str | None:
    if text is None:
        return None
    address = text.strip()
    # The rule of a build (netwerk.core.options): no quote or space can end up in a page.
    if not re.fullmatch(r"https://[^\s/?#]+\.[^\s/?#]+(/[^\s?#]*)?", address) or (
        site_url_problem(address)
    ):
        raise BeginError(
            f"--adres: '{text}' is geen webadres; schrijf het hele adres, zoals "
            "https://www.mijn-netwerk.nl/"
        )
    return address if address.endswith("/") else address + "/"


def check_folder(folder: Path) -> None:
    """A new or empty folder. A fresh clone (`.git`) and the virtual environment netwerk was
    installed in (`.venv`) count as empty: begin writes nothing in either."""
    if folder.exists() and not folder.is_dir():
        raise BeginError(f"{folder} is een bestand, geen map; kies een nieuwe of lege map")
    if folder.is_dir() and any(entry.name not in ALLOWED for entry in folder.iterdir()):
        raise BeginError(f"de map {folder} is niet leeg; kies een nieuwe of lege map")


# --- The site ------------------------------------------------------------------------------


def requirement(version: str) -> str:
    """`netwerksite>=0.1,<0.2`: updates within the running version's series, nothing beyond.
    Before 1.0 a minor version may change what editors write; from 1.0 only a major one."""
    parts = [int(part) for part in re.findall(r"\d+", version)[:2]] + [0, 0]
    major, minor = parts[0], parts[1]
    upper = f"0.{minor + 1}" if major == 0 else str(major + 1)
    return f"{PACKAGE}>={major}.{minor},<{upper}"


def running_version() -> str:
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:  # run from a source tree that was not installed
        return "0.1.0"


def yaml_scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly `value`, in block and flow context alike."""
    plain = re.fullmatch(r"[^\W_][\w .()'/-]*(?<! )", value)
    if plain and yaml.safe_load(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML strings


def markdown_text(value: str) -> str:
    """Text that Markdown shows as typed: no emphasis, links or HTML from the name."""
    escaped = re.sub(r"([\\`*_\[\]{}#!|])", r"\\\1", value)
    return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sender_name(value: str) -> str:
    """The name as an email's display name: without the characters that end one."""
    return " ".join(re.sub(r'[<>"@,;:\\]', " ", value).split())


def create(
    folder: Path,
    name: str,
    sectors: dict[str, str],
    address: str | None,
    memberships: dict[str, str] | None = None,
) -> list[Path]:
    """Write the new site into `folder` (new or empty); the files made, in order. Without
    `memberships` the network has no tiers."""
    import jinja2  # here: the other commands start faster without it

    version = running_version()
    values = {
        "naam": name,
        "afzender": sender_name(name) or "Nieuwsbrief",
        "werkvelden": sectors,
        "lidmaatschappen": memberships or {},
        "eerste": next(iter(sectors)),
        "codes": ", ".join(f"`{code}` ({label})" for code, label in sectors.items()),
        "adres": address,
        "versie": version,
        "eis": requirement(version),
    }
    environment = jinja2.Environment(
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["yaml"] = yaml_scalar
    environment.filters["md"] = markdown_text

    made: list[Path] = []
    folder.mkdir(parents=True, exist_ok=True)
    for relative, source in _starter_files(resources.files(__package__) / "starter", ""):
        text = source.read_text(encoding="utf-8")
        if relative.endswith(".jinja"):
            relative = relative.removesuffix(".jinja")
            text = environment.from_string(text).render(values)
        made.append(_write(folder / relative, text))
    for empty in EMPTY_FOLDERS:
        made.append(_write(folder / empty / ".gitkeep", ""))
    return sorted(made, key=lambda path: path.relative_to(folder).parts)


def _starter_files(folder: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    """Every starter file with the path it gets in the new site."""
    found = []
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if entry.name == "__pycache__":
            continue
        name = entry.name
        if name.startswith("dot-"):
            name = "." + name.removeprefix("dot-")
        if entry.is_dir():
            found.extend(_starter_files(entry, f"{prefix}{name}/"))
        else:
            found.append((prefix + name, entry))
    return found


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as file:  # never overwrite
        file.write(text)
    return path
