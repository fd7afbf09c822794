"""`netwerk overzicht [--datum JJJJ-MM-DD] [--csv BESTAND]`: the working group's overview.

What the network agreed (`agreements:` in mkdocs.yml) and what is still open on the build date
or the given day, grouped, each with the file to open and what to do (netwerk.workgroup). The
network is read and checked as `netwerk controleer` reads it; with problems in the content
they are shown instead, since an overview of content that does not build would mislead.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ..addresses import reserved
from ..core.problems import ContentError
from ..core.sources import load_sources
from ..workgroup.history import history
from ..workgroup.overview import edition_files, overview
from ..workgroup.report import csv_bytes, lines
from .project import load_site


def add_overview_command(commands: Any, add_config_option: Any) -> None:
    """`netwerk overzicht`, beside `netwerk controleer`."""
    command = commands.add_parser(
        "overzicht",
        help="wat de werkgroep afsprak en wat er nog open staat",
        description=(
            "Toont wat er open staat, gemeten aan de afspraken onder agreements: in "
            "mkdocs.yml: projecten met te weinig bijdragen dit schooljaar, activiteiten die "
            "geweest zijn zonder aantal deelnemers, verstuurde nieuwsbrieven zonder resultaten, "
            "de volgende nieuwsbrief per doelgroep met wat erin zou komen, pagina's die lang "
            "niet zijn veranderd, en verwijzingen naar een concept. Elk punt met het bestand "
            "en wat je doet. Hetzelfde overzicht staat op de site onder /overzicht/."
        ),
        epilog=(
            "Voorbeelden:\n"
            "  netwerk overzicht\n"
            "  netwerk overzicht --datum 2027-06-01\n"
            "  netwerk overzicht --csv overzicht.csv"
        ),
    )
    command.options.add_argument(
        "--datum",
        metavar="JJJJ-MM-DD",
        type=_day,
        help="het overzicht op deze dag (standaard: de builddatum, meestal vandaag)",
    )
    command.options.add_argument(
        "--csv",
        metavar="BESTAND",
        help="schrijf het overzicht ook als CSV-bestand voor een spreadsheet (Excel, LibreOffice)",
    )
    add_config_option(command)
    command.set_defaults(run=run)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is geen datum; schrijf jjjj-mm-dd, zoals 2026-11-23"
        ) from None


def run(args: argparse.Namespace) -> int:
    site = load_site(args.config_file)
    options = site.options
    if args.datum is not None:
        options = replace(options, settings=replace(options.settings, build_date=args.datum))
    try:
        sources = load_sources(site.root, site.content, options, reserved(options.settings))
    except ContentError as error:
        print(error.report().replace("; er is niets gebouwd:", ":"))
        print("Los deze problemen eerst op; daarna toont netwerk overzicht wat er open staat.")
        return 1
    changes = (
        history(site.root, site.content) if options.agreements.page_age_days is not None else None
    )
    found = overview(
        sources.network,
        sources.editions,
        options,
        content_dir=site.shown(site.content),
        history=changes,
        edition_files=edition_files(site.newsletters),
    )
    print("\n".join(lines(found)))
    if args.csv:
        path = Path(args.csv)
        path.write_bytes(csv_bytes(found))
        print(f"\nGeschreven: {site.shown(path.resolve())}")
    return 0
