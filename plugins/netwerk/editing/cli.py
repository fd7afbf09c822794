"""The `netwerk` command for editors: new items, the preview, checks, builds, schemas and
newsletter tests.

Everything an editor reads is Dutch, and no command ends in a traceback: known failures are
`CliError`s with a message that says what to do, anything else is reported in one line.
Exit codes: 0 done, 1 problems found or the command failed, 2 the command was typed wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import textwrap
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from ..addresses import check_codes, reserved
from ..core import dates
from ..core.collections import BY_FOLDER, BY_KIND, EDITIONS, ITEMS, KINDS, TITLE_FIELDS, slug_for
from ..core.loader import SLUG
from ..core.problems import ContentError, SettingsError, did_you_mean
from ..core.settings import DEFAULT_MEMBERSHIPS, Settings
from ..core.sources import load_sources
from ..core.walk import LAST
from .begin import add_begin_command
from .overview import add_overview_command
from .project import CONFIG_FILE, CliError, Site, find_config, load_site, unexpected
from .results import add_results_command
from .scaffold import ScaffoldError, field_paths, normalise, scaffold
from .schema import collection_schemas, hint, kind_schema

SCHEMA_DIR = "schemas"
PASSWORD_VARIABLE = "NETWERK_SMTP_WACHTWOORD"
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
# What `netwerk nieuw` takes as the title, or leaves to the end, and so not as an option.
NOT_OPTIONS = (*TITLE_FIELDS, LAST)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    # The options of `netwerk nieuw` come from the models' schemas: only built when needed.
    parser = build_parser(item_fields="nieuw" in arguments)
    try:
        args = parser.parse_args(arguments)
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except SystemExit as stop:  # --help, or a command typed wrong (argparse printed why)
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    except CliError as error:
        print(f"Fout: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130
    except OSError as error:  # a file or folder that cannot be read or written
        where = f" {error.filename}" if error.filename else ""
        print(f"Fout: kan niet bij{where} ({error.strerror or error})", file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as error:  # never a traceback for an editor
        print(unexpected(error, "met het commando dat je gaf"), file=sys.stderr)
        return EXIT_PROBLEMS


# --- Command line --------------------------------------------------------------------------


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=28)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        """Wrap each paragraph; keep indented example lines as written."""
        paragraphs = []
        for paragraph in text.split("\n\n"):
            if any(line.startswith("  ") for line in paragraph.splitlines()):
                paragraphs.append(textwrap.indent(paragraph, indent))
            else:
                paragraphs.append(
                    textwrap.fill(paragraph, width, initial_indent=indent, subsequent_indent=indent)
                )
        return "\n\n".join(paragraphs)

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "Gebruik: " if prefix is None else prefix)


# argparse's own messages, in Dutch. Python 3.11-3.13 word them like this.
_ARGPARSE_MESSAGES: list[tuple[str, str]] = [
    (r"the following arguments are required: (.*)", r"dit ontbreekt nog: \1"),
    (r"unrecognized arguments: (.*)", r"onbekend: \1; zie --help"),
    (r"argument (\S+): expected one argument", r"\1: hier hoort een waarde achter"),
    (r"argument (\S+): invalid \S+ value: (.*)", r"\1: ongeldige waarde \2"),
    (r"argument (\S+): (.*)", r"\1: \2"),
    (r"ambiguous option: (\S+) could match (.*)", r"\1 kan meerdere opties zijn: \2"),
]


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)
        self.arguments = self.add_argument_group("argumenten")
        self.options = self.add_argument_group("opties")
        self.options.add_argument("-h", "--help", action="help", help="toon deze uitleg en stop")

    def error(self, message: str) -> NoReturn:
        choice = re.fullmatch(
            r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)", message
        )
        if choice:
            name, value, options = choice.groups()
            hint = did_you_mean(value, re.findall(r"'([^']*)'", options))
            message = f"{name}: '{value}' is geen geldige keuze; {hint}"
        for pattern, replacement in _ARGPARSE_MESSAGES:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, replacement, message)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Fout: {message}\n")


def _option(key: str) -> str:
    return "--" + key.replace(".", "-").replace("_", "-")


def _dest(key: str) -> str:
    return "field__" + key.replace(".", "__")


def _item_fields() -> dict[str, tuple[str, list[str]]]:
    """Every key `netwerk nieuw` takes as an option: its help text and the kinds that have it."""
    fields: dict[str, tuple[str, list[str]]] = {}
    # Every field any network may have: `membership` too, which a network without tiers has not.
    settings = Settings(memberships=DEFAULT_MEMBERSHIPS)
    for kind, model in KINDS.items():
        for key, prop in field_paths(kind_schema(model, settings)):
            if key in NOT_OPTIONS:
                continue
            text, kinds = fields.get(key, (str(prop.get("description", key)), []))
            fields[key] = (text, [*kinds, kind])
    # A field several kinds share gets a description that fits them all (netwerk.core.fields).
    for key, (text, kinds) in fields.items():
        if len(kinds) > 1:
            text = hint("", key) or text
        fields[key] = (text[:1].lower() + text[1:], kinds)
    return fields


def build_parser(*, item_fields: bool = True) -> _Parser:
    parser = _Parser(
        prog="netwerk",
        description=(
            "Hulpmiddelen voor de redactie van de netwerksite: nieuwe items maken, de site "
            "bekijken terwijl je schrijft, de inhoud controleren, de site bouwen, schema's voor "
            "je editor schrijven en een nieuwsbrief testen."
        ),
        epilog=(
            "Voorbeelden:\n"
            '  netwerk nieuw activiteit "Leesavond voor ouders" --start 2026-03-12T19:30\n'
            "  netwerk voorbeeld\n"
            "  netwerk controleer\n"
            "  netwerk schema --vscode\n"
            "  netwerk nieuwsbrief test 2026-03 po --smtp localhost:1025 --aan ik@example.nl\n\n"
            "Uitleg per opdracht: netwerk <opdracht> --help. De handleiding staat op de site "
            "onder /handleiding/.\n"
            "Afsluitcode: 0 als alles goed ging, 1 bij problemen, 2 als het commando niet klopt."
        ),
    )
    commands = parser.add_subparsers(
        title="opdrachten", metavar="OPDRACHT", dest="command", required=True
    )
    add_begin_command(commands)  # netwerk begin: a new site (begin.py)

    new = commands.add_parser(
        "nieuw",
        help="maak een nieuw item met alle velden klaar om in te vullen",
        usage="netwerk nieuw [-h] SOORT TITEL [--naam NAAM] [--concept] [--VELD WAARDE ...]",
        description=(
            "Maakt een Markdown-bestand met alle velden van dit soort item. De bestandsnaam "
            "komt uit de titel (Leesavond voor ouders -> leesavond-voor-ouders.md). Verplichte "
            "velden die je niet meegeeft blijven leeg: de controle noemt ze tot ze zijn "
            "ingevuld. Lijsten geef je met komma's: --sectors po,vo."
        ),
    )
    new.arguments.add_argument(
        "soort", metavar="SOORT", choices=list(KINDS), help="soort item: %(choices)s"
    )
    new.arguments.add_argument(
        "titel", metavar="TITEL", help='titel of naam, tussen aanhalingstekens: "Mijn titel"'
    )
    new.options.add_argument(
        "--naam",
        metavar="NAAM",
        help="eigen bestandsnaam (zonder .md) in plaats van de titel",
    )
    new.options.add_argument(
        "--concept", action="store_true", help="zet draft: true (nog niet op de site)"
    )
    fields = new.add_argument_group("velden (elk alleen bij de soorten tussen haakjes)")
    for key, (text, kinds) in (_item_fields() if item_fields else {}).items():
        fields.add_argument(
            _option(key),
            dest=_dest(key),
            metavar="WAARDE",
            help=f"{text} ({', '.join(kinds)})".replace("%", "%%"),
        )
    _add_config_option(new)
    new.set_defaults(run=_new)

    preview = commands.add_parser(
        "voorbeeld",
        help="bekijk de site op je eigen computer terwijl je schrijft",
        description=(
            "Toont de site op http://127.0.0.1:8000/ en maakt hem opnieuw zodra je een "
            "bestand opslaat: inhoud, nieuwsbrieven, mkdocs.yml en overrides. De pagina in je "
            "browser ververst zichzelf. Zolang er iets mis is in de inhoud, toont elke pagina "
            "de lijst met problemen. Stoppen: Ctrl+C."
        ),
    )
    preview.options.add_argument(
        "--poort", type=int, default=8000, help="de poort (standaard: %(default)s)"
    )
    preview.options.add_argument(
        "--adres",
        default="127.0.0.1",
        help="het adres waarop de site te zien is (standaard: %(default)s, alleen deze computer)",
    )
    _add_config_option(preview)
    preview.set_defaults(run=_preview)

    build = commands.add_parser(
        "bouw",
        help="bouw de hele site, precies zoals hij gepubliceerd wordt",
        description=(
            "Bouwt de site in de map site/, zoals mkdocs build --strict: bij een probleem of "
            "een waarschuwing wordt er niets vervangen en blijft de vorige versie staan. "
            "Meldingen in gewone woorden; afsluitcode 1 als de site niet is gebouwd."
        ),
    )
    build.options.add_argument(
        "--map", metavar="MAP", help="bouw in deze map in plaats van site_dir uit mkdocs.yml"
    )
    _add_config_option(build)
    build.set_defaults(run=_build)

    check = commands.add_parser(
        "controleer",
        help="controleer alle inhoud zonder de site te bouwen",
        description=(
            "Leest en controleert alle inhoud, met precies dezelfde meldingen als de build, "
            "maar zonder de site te bouwen. Afsluitcode 1 als er iets mis is."
        ),
    )
    _add_config_option(check)
    check.set_defaults(run=_check)
    add_overview_command(commands, _add_config_option)  # netwerk overzicht (overview.py)

    schema = commands.add_parser(
        "schema",
        help="schrijf JSON Schema's voor de front matter, voor je editor",
        description=(
            "Schrijft per map een JSON Schema (schemas/agenda.schema.json, ...) uit de "
            "modellen, met de werkvelden en soorten uit mkdocs.yml. Editors die JSON Schema "
            "kennen vullen daarmee velden aan en controleren ze tijdens het typen."
        ),
    )
    schema.options.add_argument(
        "--map", default=SCHEMA_DIR, help="map voor de schema's (standaard: %(default)s)"
    )
    schema.options.add_argument(
        "--vscode",
        action="store_true",
        help="koppel de schema's ook in .vscode/settings.json (YAML-extensie van Red Hat)",
    )
    _add_config_option(schema)
    schema.set_defaults(run=_schema)

    newsletter = commands.add_parser(
        "nieuwsbrief",
        help="nieuwsbrief: verstuur een gebouwde editie als test, noteer de resultaten",
        description="Opdrachten voor de nieuwsbrief.",
    )
    newsletter_commands = newsletter.add_subparsers(
        title="opdrachten", metavar="OPDRACHT", dest="newsletter_command", required=True
    )
    test = newsletter_commands.add_parser(
        "test",
        help="verstuur een editie naar een testadres",
        description=(
            "Verstuurt site/nieuwsbrief/<publiek>/<editie>/bericht.eml, zoals de build het "
            "maakte, via een SMTP-server naar een testadres. Het onderwerp krijgt [TEST] "
            "ervoor, en elke test is een nieuw bericht (eigen Message-ID, datum van nu). Bouw de "
            "site eerst (make site). Een wachtwoord voor de server geef je "
            f"nooit op de opdrachtregel maar in de omgevingsvariabele {PASSWORD_VARIABLE}."
        ),
    )
    test.arguments.add_argument("editie", help="de editie, zoals 2026-03")
    test.arguments.add_argument("publiek", help="het publiek (de nieuwsbrief), zoals po")
    test.options.add_argument(
        "--smtp", required=True, metavar="HOST:POORT", help="de SMTP-server, zoals localhost:1025"
    )
    test.options.add_argument(
        "--aan",
        required=True,
        action="append",
        metavar="ADRES",
        help="testadres; mag vaker, voor meer adressen",
    )
    test.options.add_argument(
        "--van", metavar="ADRES", help="afzender voor de server (standaard: From van het bericht)"
    )
    test.options.add_argument(
        "--site",
        metavar="MAP",
        help="de gebouwde site, als je met mkdocs build -d elders bouwde (standaard: site)",
    )
    test.options.add_argument(
        "--starttls", action="store_true", help="versleutel de verbinding met STARTTLS"
    )
    test.options.add_argument(
        "--gebruiker",
        metavar="NAAM",
        help=f"log in met deze naam (wachtwoord in {PASSWORD_VARIABLE})",
    )
    _add_config_option(test)
    test.set_defaults(run=_newsletter_test)
    add_results_command(newsletter_commands, _add_config_option)  # netwerk nieuwsbrief resultaten
    return parser


def _add_config_option(parser: _Parser) -> None:
    parser.options.add_argument(
        "-f",
        "--config-file",
        default=CONFIG_FILE,
        metavar="MKDOCS_YML",
        help="de instellingen van de site (standaard: %(default)s in deze map)",
    )


# --- netwerk voorbeeld ---------------------------------------------------------------------


def _preview(args: argparse.Namespace) -> int:
    from .server import serve

    serve(find_config(args.config_file), args.adres, args.poort)
    return EXIT_OK


# --- netwerk bouw --------------------------------------------------------------------------


def _build(args: argparse.Namespace) -> int:
    from .console import build_site

    built = build_site(find_config(args.config_file), args.map)
    return EXIT_OK if built else EXIT_PROBLEMS


# --- netwerk controleer --------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    site = load_site(args.config_file)
    try:
        check_codes(site.options)  # as the build does (netwerk.plugin)
    except SettingsError as error:
        raise CliError(error.report(CONFIG_FILE)) from None
    try:
        sources = load_sources(
            site.root,
            site.content,
            site.options,
            reserved(site.options.settings),
            theme_dir=site.theme_dir,
        )
    except ContentError as error:
        print(error.report().replace("; er is niets gebouwd:", ":"))
        return EXIT_PROBLEMS
    counts = [(one, len(getattr(sources.network, one.published))) for one in ITEMS]
    if sources.editions:
        counts.append((EDITIONS, len(sources.editions)))
    summary = ", ".join(
        f"{count} {one.singular if count == 1 else one.plural}" for one, count in counts
    )
    print(f"Geen problemen gevonden. Gepubliceerd: {summary}.")
    mailing = site.options.mailing
    to_fill = mailing.placeholders() if mailing is not None else []
    if to_fill:
        print(
            "Nog in te vullen in mkdocs.yml voordat je een nieuwsbrief verstuurt: "
            f"{', '.join(to_fill)} (er staat nog een voorbeeldadres)."
        )
    return EXIT_OK


# --- netwerk nieuw -------------------------------------------------------------------------


def _new(args: argparse.Namespace) -> int:
    site = load_site(args.config_file)
    collection = BY_KIND[args.soort]
    if collection is EDITIONS:
        folder = site.newsletters
        taken = {"readme": "de uitleg in README.md"}
    else:
        folder = site.content / collection.folder
        taken = reserved(site.settings)[collection.folder]
    noun = collection.singular
    schema = kind_schema(collection.model, site.settings, site.slugs(), site.audiences())
    own = dict(field_paths(schema))

    values: dict[str, str | list[str]] = {}
    for key in _item_fields():
        given = getattr(args, _dest(key))
        if given is None:
            continue
        if key not in own:
            keys = ", ".join(_option(k) for k in own if k not in NOT_OPTIONS)
            raise CliError(f"{_option(key)} hoort niet bij een {noun}; een {noun} heeft: {keys}")
        try:
            values[key] = normalise(given, own[key])
        except ScaffoldError as error:
            raise CliError(f"{_option(key)}: {error}") from None
    if args.concept:
        values["draft"] = "true"

    default = slug_for(args.titel)
    if collection is EDITIONS:
        # Editions are named by month (2026-03.md): that of --date, or the one in the title
        # ("Nieuwsbrief maart"), or this month.
        month = str(values["date"])[:7] if "date" in values else None
        default = month or edition_month(args.titel, site.settings.build_date)
    slug = args.naam.removesuffix(".md") if args.naam is not None else default
    _check_slug(slug, folder, taken, site, chosen=args.naam is not None)
    path = folder / f"{slug}.md"
    result = scaffold(schema, args.titel.strip(), values)
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as file:
        file.write(result.text)

    print(f"Aangemaakt: {site.shown(path)}")
    if result.to_fill:
        print("Vul nog in (verplicht): " + ", ".join(result.to_fill))
    print("Controleer daarna met: netwerk controleer")
    return EXIT_OK


def edition_month(title: str, today: date) -> str:
    """`2026-12` for "Nieuwsbrief december" (the next December from today, or the year in the
    title); without a month in the title, today's month."""
    words = re.findall(r"\w+", title.casefold())
    month = next((dates.MONTHS.index(word) + 1 for word in words if word in dates.MONTHS), None)
    if month is None:
        return f"{today:%Y-%m}"
    years = [int(word) for word in words if re.fullmatch(r"(19|20)\d\d", word)]
    year = years[0] if years else today.year if month >= today.month else today.year + 1
    return f"{year}-{month:02}"


def _check_slug(
    slug: str, folder: Path, reserved: dict[str, str], site: Site, *, chosen: bool
) -> None:
    if not SLUG.match(slug):
        if chosen:
            raise CliError(
                f"'{slug}' is geen geldige bestandsnaam; gebruik kleine letters, cijfers en "
                "streepjes, zoals leesavond-voor-ouders"
            )
        raise CliError(
            "uit deze titel valt geen bestandsnaam te maken; geef er een met --naam, "
            "zoals --naam mijn-item"
        )
    if slug in reserved:
        raise CliError(
            f"de naam '{slug}' is al in gebruik voor {reserved[slug]}; kies een andere titel "
            f"of geef een bestandsnaam met --naam, zoals --naam {slug}-{folder.name}"
        )
    taken = {slug_for(path.stem): path for path in folder.glob("*.md")} if folder.is_dir() else {}
    if slug in taken:
        raise CliError(
            f"{site.shown(taken[slug])} bestaat al; kies een andere titel of geef een andere "
            f"bestandsnaam met --naam, zoals --naam {slug}-2"
        )


# --- netwerk schema ------------------------------------------------------------------------


def _schema(args: argparse.Namespace) -> int:
    site = load_site(args.config_file)
    target = Path(args.map)
    if not target.is_absolute():
        target = site.root / target
    target.mkdir(parents=True, exist_ok=True)
    mapping: dict[str, list[str]] = {}
    content = site.shown(site.content)
    for name, schema in collection_schemas(site.settings, site.slugs(), site.audiences()).items():
        path = target / f"{name}.schema.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"Geschreven: {site.shown(path)}")
        if name == EDITIONS.folder:
            pattern = f"{site.shown(site.newsletters)}/*.md"
        elif name in BY_FOLDER:
            pattern = f"{content}/{name}/*.md"
        else:
            pattern = f"{content}/{name}.yml"
        mapping[site.shown(path)] = [pattern]
    if args.vscode:
        _write_vscode_settings(site, mapping)
    return EXIT_OK


def _write_vscode_settings(site: Site, mapping: dict[str, list[str]]) -> None:
    path = site.root / ".vscode" / "settings.json"
    settings: dict[str, Any] = {}
    if path.is_file():
        try:
            settings = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            raise CliError(
                f"{site.shown(path)} is geen gewone JSON (staat er commentaar in?); voeg zelf "
                f'onder "yaml.schemas" toe: {json.dumps(mapping, ensure_ascii=False)}'
            ) from None
        if not isinstance(settings, dict):
            raise CliError(f"{site.shown(path)} bevat geen instellingen tussen {{ en }}")
    schemas = settings.get("yaml.schemas")
    settings["yaml.schemas"] = {**(schemas if isinstance(schemas, dict) else {}), **mapping}
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(settings, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Geschreven: {site.shown(path)}")


# --- netwerk nieuwsbrief test --------------------------------------------------------------


def _newsletter_test(args: argparse.Namespace) -> int:
    # Imported here: the other commands do not send mail, and start faster without these.
    import email.policy
    import smtplib
    from datetime import datetime
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid, parseaddr

    site = load_site(args.config_file)
    host, port = _smtp_address(args.smtp)
    for address in args.aan:
        if "@" not in parseaddr(address)[1]:
            raise CliError(f"--aan: '{address}' is geen e-mailadres, zoals ik@example.nl")
    built = Path(args.site) if args.site else site.site_dir
    path = _edition_file(site, built, args.editie, args.publiek)
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    sender = args.van or parseaddr(str(message.get("From", "")))[1]
    if not sender:
        raise CliError(f"{site.shown(path)} heeft geen afzender (From); geef er een met --van")
    subject = str(message.get("Subject", ""))
    # Each test is a message of its own, sent now: a mail program that saw an earlier test
    # (or sees the edition later) must not take it for the same message.
    built_id = str(message.get("Message-ID", ""))
    domain = built_id.rsplit("@", 1)[1].rstrip(">") if "@" in built_id else None
    del message["Subject"], message["To"], message["Message-ID"], message["Date"]
    message["Subject"] = f"[TEST] {subject}"
    message["To"] = ", ".join(args.aan)
    message["Date"] = format_datetime(datetime.now().astimezone())
    message["Message-ID"] = make_msgid("test", domain=domain)
    try:
        with smtplib.SMTP(host, port, timeout=30) as server:
            if args.starttls:
                server.starttls()
            if args.gebruiker:
                password = os.environ.get(PASSWORD_VARIABLE)
                if not password:
                    raise CliError(
                        f"--gebruiker vraagt om een wachtwoord in de omgevingsvariabele "
                        f"{PASSWORD_VARIABLE}"
                    )
                server.login(args.gebruiker, password)
            server.send_message(message, from_addr=sender, to_addrs=args.aan)
    except (OSError, smtplib.SMTPException) as error:
        raise CliError(_smtp_problem(error, f"{host}:{port}")) from None
    print(f"Verstuurd naar {', '.join(args.aan)} via {host}:{port}: {site.shown(path)}")
    return EXIT_OK


def _smtp_address(text: str) -> tuple[str, int]:
    match = re.fullmatch(r"\[([0-9A-Fa-f:.]+)\]:(\d+)|([^:\s]+):(\d+)", text.strip())
    if match is None:
        raise CliError(f"--smtp: '{text}' is geen HOST:POORT, zoals localhost:1025")
    host = match.group(1) or match.group(3)
    port = int(match.group(2) or match.group(4))
    if not 0 < port < 65536:
        raise CliError(f"--smtp: poort {port} bestaat niet; kies een poort van 1 tot 65535")
    return host, port


def _edition_file(site: Site, built: Path, edition: str, audience: str) -> Path:
    root = built / "nieuwsbrief"
    path = root / audience / edition / "bericht.eml"
    if path.is_file():
        return path
    if not root.is_dir():
        raise CliError(
            f"{site.shown(root)}/ bestaat niet; bouw eerst de site (make site of mkdocs build)"
        )
    audiences = sorted(p.name for p in root.iterdir() if p.is_dir())
    if audience not in audiences:
        raise CliError(f"er is geen nieuwsbrief '{audience}'; {did_you_mean(audience, audiences)}")
    editions = sorted(p.parent.name for p in (root / audience).glob("*/bericht.eml"))
    raise CliError(
        f"{site.shown(path)} bestaat niet: er is geen editie '{edition}' voor {audience}; "
        f"{did_you_mean(edition, editions)}"
    )


def _smtp_problem(error: Exception, server: str) -> str:
    import smtplib

    if isinstance(error, smtplib.SMTPRecipientsRefused):
        refused = ", ".join(error.recipients)
        return f"de mailserver {server} weigert het adres {refused}"
    if isinstance(error, smtplib.SMTPSenderRefused):
        return f"de mailserver {server} weigert de afzender {error.sender}; kies een andere: --van"
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return f"inloggen bij {server} lukt niet; controleer --gebruiker en {PASSWORD_VARIABLE}"
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return f"de mailserver {server} kent dit niet ({error}); probeer het zonder --starttls"
    if isinstance(error, ConnectionRefusedError):
        return (
            f"geen verbinding met {server}: de server weigert; controleer host en poort bij --smtp"
        )
    if isinstance(error, TimeoutError):
        return f"geen antwoord van {server}; controleer host en poort bij --smtp"
    if isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException):
        return f"geen verbinding met {server} ({error.strerror or error}); controleer --smtp"
    return f"de mailserver {server} meldt een fout: {error}"


if __name__ == "__main__":
    sys.exit(main())
