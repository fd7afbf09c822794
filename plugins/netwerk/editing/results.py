"""`netwerk nieuwsbrief resultaten <editie> <publiek> --ontvangers N --geopend N --geklikt N`.

Writes what the mail program reported into the edition's front matter, under `results:`, for
editors who prefer not to edit YAML. Only the lines of that audience's results change (or are
added, before the closing `---`); every other character of the file stays as it was, comments,
quotes, line ends and byte order mark included. Values already there for the audience and not
given again are kept. The new file is checked as a build checks it before it is written.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..core import results
from ..core.editions import Edition
from ..core.frontmatter import read_source
from ..core.loader import validate_source
from ..core.problems import Problem, did_you_mean
from ..core.results import FIELDS
from ..core.values import Context
from .project import CliError, Site, load_site

_DELIMITER = re.compile(r"^(-{3}|\.{3})[ \t]*$")
_COUNT = re.compile(r"^\d+$")
_PERCENT = re.compile(r"^(\d{1,3})(?:[.,](\d+))?\s*%$")
# The command's option for each field, for messages.
OPTIONS = {"recipients": "--ontvangers", "opens": "--geopend", "clicks": "--geklikt"}


def add_results_command(commands: Any, add_config_option: Any) -> None:
    """`netwerk nieuwsbrief resultaten`, beside `netwerk nieuwsbrief test`."""
    command = commands.add_parser(
        "resultaten",
        help="noteer wat het mailprogramma na verzending meldt",
        description=(
            "Schrijft de cijfers die je mailprogramma na verzending geeft in de editie "
            "(newsletters/<editie>.md), onder results: bij het publiek: het aantal ontvangers, "
            "en hoeveel van hen de nieuwsbrief openden en op een link klikten, als aantal of "
            "als percentage van de ontvangers. De rest van het bestand blijft precies zoals het "
            "was. De site meet zelf niets: dit zijn de cijfers van het mailprogramma. Ze komen "
            "op /in-cijfers/ en in het jaarverslag."
        ),
        epilog=(
            "Voorbeelden:\n"
            "  netwerk nieuwsbrief resultaten 2026-10 po --ontvangers 607 --geopend 230 "
            "--geklikt 74\n"
            "  netwerk nieuwsbrief resultaten 2026-10 vve --geopend 38,4% --geklikt 12,5%"
        ),
    )
    command.arguments.add_argument("editie", help="de editie, zoals 2026-10")
    command.arguments.add_argument("publiek", help="het publiek (de nieuwsbrief), zoals po")
    command.options.add_argument(
        "--ontvangers", metavar="N", help="aantal ontvangers (recipients), zoals 607"
    )
    command.options.add_argument(
        "--geopend",
        metavar="N",
        help="aantal ontvangers dat de e-mail opende, of een percentage: 230 of 38,4%%",
    )
    command.options.add_argument(
        "--geklikt",
        metavar="N",
        help="aantal ontvangers dat op een link klikte, of een percentage: 74 of 12,5%%",
    )
    add_config_option(command)
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    site = load_site(args.config_file)
    given = {
        "recipients": args.ontvangers,
        "opens": args.geopend,
        "clicks": args.geklikt,
    }
    values = {name: _value(name, text) for name, text in given.items() if text is not None}
    if not values:
        raise CliError(
            "geef minstens één cijfer: --ontvangers, --geopend of --geklikt, zoals "
            "--ontvangers 607 --geopend 230 --geklikt 74"
        )
    path = _edition_path(site, args.editie)
    audiences = site.audiences()
    if args.publiek not in audiences:
        raise CliError(
            f"er is geen publiek '{args.publiek}'; {did_you_mean(args.publiek, audiences)}"
        )
    raw = path.read_bytes()
    written = set_results(raw, site.shown(path), args.publiek, values)
    problems = _problems(written, site, path)
    if problems:
        # Without the line: the file, as it would have been, is not written.
        lines = "\n".join(f"{problem.field}: {problem.message}" for problem in problems)
        raise CliError(
            f"niets geschreven in {site.shown(path)}; met deze cijfers klopt de editie niet:\n"
            f"{lines}"
        )
    path.write_bytes(written)
    shown = ", ".join(f"{name} {value}" for name, value in values.items())
    print(f"Geschreven: {site.shown(path)}: results.{args.publiek}: {shown}")
    print("Controleer daarna met: netwerk controleer")
    return 0


def _value(name: str, text: str) -> str:
    """A value from the command line as the edition writes it: `607`, `38,4%`."""
    option = OPTIONS[name]
    value = text.strip()
    if _COUNT.match(value):
        return str(int(value))
    match = _PERCENT.match(value)
    if match and name != "recipients":
        whole, decimals = match.groups()
        number = float(f"{whole}.{decimals or 0}")
        if number > 100:
            raise CliError(f"{option}: '{text}' is meer dan 100%; controleer het percentage")
        return results.percentage(number)
    if name == "recipients":
        raise CliError(
            f"{option}: '{text}' is geen aantal; geef een heel getal, zoals {option} 607"
        )
    raise CliError(
        f"{option}: '{text}' is geen aantal of percentage; geef een aantal, zoals {option} 230, "
        f"of een percentage, zoals {option} 38,4%"
    )


def _edition_path(site: Site, edition: str) -> Path:
    name = edition.removesuffix(".md")
    path = site.newsletters / f"{name}.md"
    if path.is_file():
        return path
    found = sorted(p.stem for p in site.newsletters.glob("*.md") if p.stem.casefold() != "readme")
    raise CliError(
        f"{site.shown(path)} bestaat niet: er is geen editie '{name}'; {did_you_mean(name, found)}"
    )


def _problems(written: bytes, site: Site, path: Path) -> list[Problem]:
    """What a build would say about the edition's results with the new values."""
    source = read_source(site.shown(path), written)
    problems: list[Problem] = []
    edition = validate_source(Edition, source, Context(settings=site.settings), problems)
    if edition is not None:
        for location, message in results.checks(
            edition.results,
            edition.date,
            edition.audiences,
            site.audiences(),
            site.settings.build_date,
        ):
            name = ".".join(str(part) for part in location if isinstance(part, str))
            problems.append(Problem(source.path, source.line_of(location), name, message))
    return [problem for problem in problems if problem.field.startswith("results")]


# --- Rewriting the front matter ------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    """A file as lines with their own line ends, and what to put back around them."""

    bom: bool
    lines: list[str]
    newline: str

    @classmethod
    def of(cls, raw: bytes, shown: str) -> _Text:
        bom = raw.startswith(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CliError(f"{shown} is niet als UTF-8 opgeslagen; sla het zo op") from None
        newline = "\r\n" if "\r\n" in text else "\n"
        return cls(bom, text.splitlines(keepends=True), newline)

    def bytes(self) -> bytes:
        return ("\ufeff" if self.bom else "").encode() + "".join(self.lines).encode("utf-8")


def set_results(raw: bytes, shown: str, audience: str, values: dict[str, str]) -> bytes:
    """The edition with `values` under results.<audience>; nothing else changed."""
    text = _Text.of(raw, shown)
    lines, newline = text.lines, text.newline
    if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
        raise CliError(f"{shown} begint niet met een regel '---'; los dat eerst op")
    closing = next(
        (i for i in range(1, len(lines)) if _DELIMITER.match(lines[i].rstrip("\r\n"))), None
    )
    if closing is None:
        raise CliError(f"{shown}: de afsluitende regel '---' ontbreekt; los dat eerst op")
    front = "".join(line.rstrip("\r\n") + "\n" for line in lines[1:closing])
    try:
        root = yaml.compose(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        raise CliError(
            f"{shown}: de front matter is niet te lezen; los dat eerst op (netwerk controleer)"
        ) from None
    if root is not None and not isinstance(root, yaml.MappingNode):
        raise CliError(f"{shown}: de front matter heeft geen velden; los dat eerst op")
    entries = root.value if root is not None else []
    found = next(
        ((key, value) for key, value in entries if getattr(key, "value", None) == "results"),
        None,
    )

    def at(line: int) -> int:
        """A line of the front matter as an index in the file's lines."""
        return line + 1

    if found is None:
        block = results.block({audience: values}, [audience])
        lines[closing:closing] = [line + newline for line in block]
        return text.bytes()
    key, node = found
    existing = _read(node)
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        # Block style: replace this audience's lines, or add them after the last audience.
        for child_key, child in node.value:
            if child_key.value != audience:
                continue
            if _is_block(child):
                _set_fields(lines, child, values, at, newline)
                return text.bytes()
            merged = {**_fields(existing.get(audience)), **values}
            indent = " " * child_key.start_mark.column
            new = _audience_lines(audience, merged, indent, _field_indent(child, indent))
            first, last = at(child_key.start_mark.line), at(_last_line(child))
            lines[first : last + 1] = [line + newline for line in new]
            return text.bytes()
        indent = " " * node.value[0][0].start_mark.column
        new = _audience_lines(audience, values, indent, indent + "  ")
        last = at(_last_line(node))
        lines[last + 1 : last + 1] = [line + newline for line in new]
        return text.bytes()
    # `results:` empty, or written on one line (`results: {}`): written anew as a block.
    every = {slug: _fields(result) for slug, result in existing.items()}
    every[audience] = {**every.get(audience, {}), **values}
    indent = " " * key.start_mark.column
    first, last = at(key.start_mark.line), at(max(key.end_mark.line, _last_line(node)))
    block = results.block(every, list(every))
    lines[first : last + 1] = [indent + line + newline for line in block]
    return text.bytes()


def _is_block(node: yaml.Node) -> bool:
    return isinstance(node, yaml.MappingNode) and not node.flow_style and bool(node.value)


def _set_fields(
    lines: list[str], node: yaml.MappingNode, values: dict[str, str], at: Any, newline: str
) -> None:
    """Values of an audience written as a block: each given field's value replaced on its own
    line (a comment after it stays), missing fields added after the audience's last line."""
    present = {str(key.value): value for key, value in node.value}
    for name, value in values.items():
        found = present.get(name)
        if isinstance(found, yaml.ScalarNode) and found.start_mark.line == found.end_mark.line:
            index = at(found.start_mark.line)
            line = lines[index]
            start, end = found.start_mark.column, found.end_mark.column
            if found.value in ("", None) and start == end:  # `opens:` without a value
                lines[index] = line[:start].rstrip() + " " + value + line[end:]
            else:
                lines[index] = line[:start] + value + line[end:]
    missing = [name for name in FIELDS if name in values and name not in present]
    if missing:
        column: int = node.value[0][0].start_mark.column
        added = [f"{' ' * column}{name}: {values[name]}{newline}" for name in missing]
        last = at(_last_line(node))
        lines[last + 1 : last + 1] = added


def _audience_lines(
    audience: str, values: dict[str, str], indent: str, field_indent: str
) -> list[str]:
    lines = [f"{indent}{audience}:"]
    lines += [f"{field_indent}{name}: {values[name]}" for name in FIELDS if values.get(name)]
    return lines


def _field_indent(node: yaml.Node, indent: str) -> str:
    if isinstance(node, yaml.MappingNode) and _is_block(node):
        column: int = node.value[0][0].start_mark.column
        return " " * column
    return indent + "  "


def _fields(value: Any) -> dict[str, str]:
    """An audience's results as written: field -> text, for known fields with a value."""
    if not isinstance(value, dict):
        return {}
    return {name: str(value[name]) for name in FIELDS if value.get(name) not in (None, "")}


def _read(node: yaml.Node) -> dict[str, Any]:
    """A mapping node as plain text values (as the editor typed them), one level deep."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    data: dict[str, Any] = {}
    for key, value in node.value:
        if isinstance(value, yaml.MappingNode):
            data[str(key.value)] = {
                str(k.value): v.value for k, v in value.value if isinstance(v, yaml.ScalarNode)
            }
        else:
            data[str(key.value)] = None
    return data


def _last_line(node: yaml.Node) -> int:
    """The last line (from 0) with text of this node's value."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        end = node.end_mark
        return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    return max((_last_line(child) for child in children), default=node.start_mark.line)
