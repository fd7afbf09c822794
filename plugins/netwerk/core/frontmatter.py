"""Read a content file: decode it, split off the front matter, read the YAML as written.

YAML 1.1 retypes what editors write (`time: 12:30` becomes 750, `NO` becomes False, `1.10`
becomes 1.1, `0201234567` an octal number). We therefore compose the YAML into nodes and keep
every plain scalar as the text the editor typed; the models decide what type a field has and
convert (or reject) the text with a message. Key and item lines are kept for those messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import FILE, FRONT_MATTER, Problem

Location = tuple[str | int, ...]

_DELIMITER = re.compile(r"^(-{3}|\.{3})[ \t]*$")
_NULLS = {"", "~", "null", "Null", "NULL"}
# A plain value followed by `#` and a non-space character: the editor probably meant the `#`
# as part of the text ("Update #2"), but YAML reads it as the start of a comment.
_SWALLOWED_COMMENT = re.compile(r"^\s+#\S")
# Characters no output can hold: control characters other than tab and line breaks (XML and
# email headers refuse them, HTML calls them errors) and the two non-characters U+FFFE/U+FFFF.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Unicode format characters: invisible, yet bidi controls reverse the text after them in a
# <title>, a subject or a calendar entry ("Trojan Source"), and zero-width characters hide in
# words and addresses. A zero-width joiner between two emoji is part of one emoji (👩‍💻).
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf"
FORMAT = re.compile(
    "[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
    f"|(?<![{_EMOJI}\ufe0f])\u200d|\u200d(?![{_EMOJI}])"
)
# What no field or body may hold, as the editor sees it: an invisible character.
INVISIBLE = re.compile(f"{CONTROL.pattern}|{FORMAT.pattern}")
# What the build says of one, in a value or on a line of the text; the admin page's forms say
# the same before a save (netwerk-rules.js reads INVISIBLE's pattern and these, `{code}` the
# character's code in four hexadecimal digits).
INVISIBLE_IN_VALUE = (
    "bevat een onzichtbaar stuurteken (#x{code}); haal het weg of typ de waarde opnieuw"
)
INVISIBLE_ON_LINE = (
    "er staat een onzichtbaar stuurteken (#x{code}) op deze regel; typ de regel opnieuw"
)


def invisible(template: str, character: str | int) -> str:
    code = character if isinstance(character, int) else ord(character)
    return template.format(code=f"{code:04x}")


# Beyond any real page: front matter is read by PyYAML above _FAST_LIMIT, lists are validated
# item by item. Refused with a message before the work starts.
FRONT_MATTER_MAX = 2**20
LIST_MAX = 1000


@dataclass
class Source:
    """The front matter and body of one content file."""

    path: str
    data: dict[str, Any]
    body: str
    lines: dict[Location, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    block: str = FRONT_MATTER
    """What problems about the YAML as a whole are labelled: `front matter`, or `bestand` for
    a data file such as organisatie.yml."""
    body_line: int = 1
    """The line of the file on which the body (the text below the front matter) starts."""

    def line_of(self, location: Location) -> int:
        """The line of a field or list item; for a missing field the front matter's first line."""
        while location:
            if location in self.lines:
                return self.lines[location]
            location = location[:-1]
        return 1


def decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (with or without BOM) and normalise line endings."""
    # Notepad's "Unicode" is UTF-16: its zero bytes would otherwise make it look binary.
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            Problem(
                path,
                1,
                FILE,
                "het bestand is als UTF-16 (Unicode) opgeslagen; sla het op met codering UTF-8",
            )
        ]
    if b"\x00" in raw[:8192]:
        return None, [
            Problem(
                path,
                1,
                FILE,
                "dit is geen tekstbestand; verwijder het of zet het in een andere map",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                path,
                line,
                FILE,
                "het bestand is niet als UTF-8 opgeslagen (een teken op deze regel, zoals é of ë, "
                "is in een andere codering geschreven); sla het op met codering UTF-8",
            )
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def split(path: str, text: str) -> tuple[str | None, str, list[Problem]]:
    """Split text into front matter and body. The front matter starts on line 2 of the file."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return (
            None,
            text,
            [
                Problem(
                    path,
                    1,
                    FRONT_MATTER,
                    "ontbreekt; begin het bestand met een regel '---', dan de velden "
                    "(zoals 'title: ...') en sluit af met nog een regel '---'",
                )
            ],
        )
    for number, line in enumerate(lines[1:], start=1):
        if _DELIMITER.match(line):
            return "\n".join(lines[1:number]) + "\n", "\n".join(lines[number + 1 :]), []
    return None, text, [_unclosed(path, lines)]


# Lines that can belong to front matter: a field, an indented line, a list item, a comment.
_FIELD = re.compile(r"^[^\s#:][^:]*:(\s|$)")
_YAML_LINE = re.compile(r"^(\s|-(\s|$)|#|$)")
_ALMOST_DELIMITER = re.compile(r"^\s*(-{2,}|\.{3,}|—+|–+)\s*$")


def _unclosed(path: str, lines: list[str]) -> Problem:
    """The closing `---` is missing: reported where the front matter seems to end, which is
    the first line that cannot be a field (the text), or the end of the file."""
    for index in range(1, len(lines)):
        line = lines[index]
        if _ALMOST_DELIMITER.match(line):
            return Problem(
                path,
                index + 1,
                FRONT_MATTER,
                f"'{line.strip()}' sluit de front matter niet af; "
                "schrijf precies drie streepjes: ---",
            )
        if _YAML_LINE.match(line) or _FIELD.match(line):
            continue
        # The text starts here, or with the comment lines (Markdown headings) right above it.
        start = index
        while start > 1 and (lines[start - 1].startswith("#") or not lines[start - 1].strip()):
            start -= 1
        while not lines[start].strip():
            start += 1
        return Problem(
            path,
            start + 1,
            FRONT_MATTER,
            "de afsluitende regel '---' ontbreekt; hier lijkt de tekst te beginnen: zet een "
            "regel met alleen '---' boven deze regel",
        )
    last = max((i for i, line in enumerate(lines) if line.strip()), default=0)
    return Problem(
        path,
        last + 1,
        FRONT_MATTER,
        "de afsluitende regel '---' ontbreekt; zet een regel met alleen '---' onder het "
        "laatste veld",
    )


def read_yaml(path: str, text: str, first_line: int, block: str = FRONT_MATTER) -> Source:
    """Read YAML text that starts at `first_line` of the file into plain data with line numbers."""
    source = Source(path=path, data={}, body="", block=block)
    # YAML also breaks lines at these (pasted from word processors); editors see one line,
    # and so do our line numbers.
    text = text.translate(_UNICODE_LINE_BREAKS)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        offset, message = _yaml_problem(error, text, block)
        source.problems.append(Problem(path, first_line + offset, block, message))
        return source
    except yaml.reader.ReaderError as error:
        # A control character (pasted from a word processor) that YAML refuses to read.
        line = first_line + text[: error.position].count("\n")
        source.problems.append(
            Problem(
                path,
                line,
                FRONT_MATTER,
                invisible(INVISIBLE_ON_LINE, error.character),
            )
        )
        return source
    except RecursionError:
        source.problems.append(Problem(path, first_line, block, _TOO_DEEP))
        return source
    if node is None:
        return source
    if not isinstance(node, yaml.MappingNode):
        source.problems.append(
            Problem(
                path,
                first_line + node.start_mark.line,
                block,
                "verwacht velden met een naam en een waarde, zoals 'title: Mijn titel'",
            )
        )
        return source
    reader = _NodeReader(source, text.split("\n"), first_line)
    try:
        data = reader.read(node, ())
    except RecursionError:
        source.problems.append(Problem(path, first_line, block, _TOO_DEEP))
        return source
    source.data = data if isinstance(data, dict) else {}
    return source


def _compose(text: str) -> yaml.Node | None:
    """YAML nodes by libyaml (ten times faster); its errors again by PyYAML, whose messages
    we translate for editors."""
    if len(text) <= _FAST_LIMIT:
        try:
            node: yaml.Node | None = yaml.compose(text, Loader=_FAST_LOADER)
        except (yaml.YAMLError, RecursionError):
            pass
        else:
            return node
    return yaml.compose(text, Loader=yaml.SafeLoader)


# Both give the same nodes, except that libyaml marks a plain scalar's style '' instead of None.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# libyaml nests on the C stack and crashes the process somewhere past 15,000 levels; each level
# takes at least one character, so longer (and rare) front matter goes to PyYAML, which raises
# RecursionError instead.
_FAST_LIMIT = 8_000


def read_source(path: str, raw: bytes) -> Source:
    """Read a Markdown file with front matter. Problems are collected on the returned source."""
    text, problems = decode(path, raw)
    if text is None:
        return Source(path=path, data={}, body="", problems=problems)
    front_matter, body, problems = split(path, text)
    if front_matter is None:
        return Source(path=path, data={}, body=body, problems=problems)
    if len(front_matter) > FRONT_MATTER_MAX:
        return Source(path=path, data={}, body=body, problems=[_too_large(path, front_matter)])
    source = read_yaml(path, front_matter, first_line=2)
    source.body = body
    source.body_line = text.count("\n") - body.count("\n") + 1
    source.problems += control_problems(path, body, source.body_line)
    return source


def control_problems(path: str, text: str, first_line: int) -> list[Problem]:
    """A problem for each line of text that holds a control or format character, with the
    first one."""
    problems: list[Problem] = []
    for match in INVISIBLE.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        if problems and problems[-1].line == line:
            continue
        problems.append(
            Problem(
                path,
                line,
                FILE,
                invisible(INVISIBLE_ON_LINE, match.group()),
            )
        )
    return problems


def _too_large(path: str, front_matter: str) -> Problem:
    return Problem(
        path,
        1,
        FRONT_MATTER,
        f"is {len(front_matter) // 1024} kB lang, meer dan {FRONT_MATTER_MAX // 1024} kB; "
        "houd de velden kort en zet lange tekst onder de front matter",
    )


def read_data_file(path: str, raw: bytes) -> Source:
    """Read a whole YAML data file (no front matter delimiters)."""
    text, problems = decode(path, raw)
    if text is None:
        return Source(path=path, data={}, body="", problems=problems)
    if len(text) > FRONT_MATTER_MAX:
        return Source(path=path, data={}, body="", problems=[_too_large(path, text)])
    return read_yaml(path, text, first_line=1, block=FILE)


class _NodeReader:
    def __init__(self, source: Source, lines: list[str], first_line: int) -> None:
        self.source = source
        self.text_lines = lines
        self.first_line = first_line
        self.seen: set[int] = set()
        self.alias_reported = False

    def line(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def read(self, node: yaml.Node, location: Location) -> Any:
        # An alias (`*name`) is the very node its anchor (`&name`) marks. Expanding aliases
        # can grow exponentially or without end (`a: &a [*a]`), and editors do not need them.
        if id(node) in self.seen:
            if not self.alias_reported:
                self.alias_reported = True
                # A list item's recorded line is its anchor's; the list's own line is the alias's.
                parent = location[:-1] if location and isinstance(location[-1], int) else location
                self.source.problems.append(
                    Problem(
                        self.source.path,
                        self.source.line_of(parent),
                        _field_name(parent, self.source.block),
                        "een verwijzing met * naar een anker met & werkt hier niet; "
                        "schrijf de waarde voluit",
                    )
                )
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self.read_mapping(node, location)
        if isinstance(node, yaml.SequenceNode):
            if len(node.value) > LIST_MAX:
                self.source.problems.append(
                    Problem(
                        self.source.path,
                        self.line(node),
                        _field_name(location),
                        f"is een lijst van {len(node.value)} waarden; schrijf er hoogstens "
                        f"{LIST_MAX}",
                    )
                )
            items = []
            # Past the limit nothing is read: the first items are still checked as usual.
            for index, item in enumerate(node.value[:LIST_MAX]):
                self.source.lines[(*location, index)] = self.line(item)
                items.append(self.read(item, (*location, index)))
            return items
        assert isinstance(node, yaml.ScalarNode)
        if not node.style:  # plain: None from PyYAML, '' from libyaml
            self.check_swallowed_comment(node, location)
            if node.value in _NULLS:
                return None
        # An escape like "\v" or "\x01" (a character that no page, feed or email can hold), or
        # a format character written as itself or as "\u202e".
        control = INVISIBLE.search(node.value)
        if control:
            self.source.problems.append(
                Problem(
                    self.source.path,
                    self.line(node),
                    _field_name(location),
                    invisible(INVISIBLE_IN_VALUE, control.group()),
                )
            )
            # The rest of the value is checked as usual.
            return INVISIBLE.sub("", node.value)
        if not node.style:
            return node.value
        if node.style == '"' and not _encodable(node.value):
            # An escape like "\ud800" gives half a character, which no page can hold.
            self.source.problems.append(
                Problem(
                    self.source.path,
                    self.line(node),
                    _field_name(location, self.source.block),
                    "bevat een ongeldig teken (een losse \\u-code); haal het weg of "
                    "typ het teken zelf",
                )
            )
            return None
        return node.value

    def read_mapping(self, node: yaml.MappingNode, location: Location) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            # A name must be printable on one line: problems quote it as `path:line: name: ...`.
            if not isinstance(key_node, yaml.ScalarNode) or not _is_name(key_node.value):
                self.source.problems.append(
                    Problem(
                        self.source.path,
                        self.line(key_node),
                        self.source.block,
                        "een veldnaam moet gewone tekst zijn, zoals 'title'",
                    )
                )
                continue
            key = key_node.value
            name = ".".join(str(part) for part in (*location, key))
            if key in mapping:
                first = self.source.lines[(*location, key)]
                self.source.problems.append(
                    Problem(
                        self.source.path,
                        self.line(key_node),
                        name,
                        f"staat twee keer in {_block_noun(self.source.block)} "
                        f"(ook op regel {first}); "
                        "houd er één over",
                    )
                )
                continue
            self.source.lines[(*location, key)] = self.line(key_node)
            mapping[key] = self.read(value_node, (*location, key))
        return mapping

    def check_swallowed_comment(self, node: yaml.ScalarNode, location: Location) -> None:
        end = node.end_mark
        rest = self.text_lines[end.line][end.column :] if end.line < len(self.text_lines) else ""
        if _SWALLOWED_COMMENT.match(rest):
            written = (node.value + rest).strip()
            name = ".".join(str(part) for part in location) or self.source.block
            self.source.problems.append(
                Problem(
                    self.source.path,
                    self.line(node),
                    name,
                    f"alles vanaf '#' wordt gelezen als commentaar, zodat alleen '{node.value}' "
                    f'overblijft; zet de waarde tussen aanhalingstekens: "{written}"',
                )
            )


_UNICODE_LINE_BREAKS = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})
_TOO_DEEP = "is te diep genest; schrijf de velden zonder zoveel haakjes of inspringingen"


def _field_name(location: Location, block: str = FRONT_MATTER) -> str:
    """`location.name` for a field, as the validation messages name it (list positions left out)."""
    return ".".join(part for part in location if isinstance(part, str)) or block


def _block_noun(block: str) -> str:
    return "de front matter" if block == FRONT_MATTER else "het bestand"


def _is_name(text: str) -> bool:
    return bool(text.strip()) and text.isprintable()


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _yaml_problem(error: yaml.MarkedYAMLError, text: str, block: str) -> tuple[int, str]:
    """Where a YAML syntax error is (a line of `text`, from 0) and what to do, in Dutch.

    PyYAML notices an unclosed bracket or quote only lines later, where it meets the next
    field; the line reported is the one where the bracket or quote opens.
    """
    lines = text.split("\n")
    problem, context = error.problem or "", error.context or ""
    problem_line = error.problem_mark.line if error.problem_mark else 0
    context_line = error.context_mark.line if error.context_mark else problem_line

    def line(number: int) -> str:
        return lines[number] if 0 <= number < len(lines) else ""

    if "quoted scalar" in context and "unexpected end of stream" in problem:
        return context_line, _unclosed_quote(line(context_line))
    opened = _quote_opened_before(text, problem_line)
    if opened is not None:
        return opened, _unclosed_quote(line(opened))
    if "'\\t'" in problem:
        return problem_line, (
            f"er staat een tab in {_block_noun(block)}; spring in met spaties in plaats van tabs"
        )
    for kind, opening, closing in (("sequence", "[", "]"), ("mapping", "{", "}")):
        if context == f"while parsing a flow {kind}":
            opening_line = line(context_line)
            if opening_line.count(opening) > opening_line.count(closing):
                return context_line, (
                    f"het haakje '{opening}' op deze regel wordt niet gesloten; zet '{closing}' "
                    f"aan het eind: {opening_line.strip().rstrip(',')}{closing}"
                )
            if kind == "sequence":
                return problem_line, (
                    "in deze lijst ontbreekt een komma, of een waarde moet tussen "
                    "aanhalingstekens; schrijf de waarden met komma's ertussen, zoals [po, vo]"
                )
            return problem_line, (
                "tussen '{' en '}' ontbreekt een komma, of een waarde moet tussen "
                "aanhalingstekens; schrijf {name: Naam, address: Adres}"
            )
    if "could not find expected ':'" in problem and "simple key" in context:
        return context_line, (
            "de dubbele punt na de veldnaam ontbreekt; schrijf elk veld als 'naam: waarde'"
        )
    if "mapping values are not allowed" in problem:
        here, above = line(problem_line), line(problem_line - 1)
        if _indent(here) > _indent(above) and _FIELD.match(above.strip() + " "):
            return problem_line, (
                "deze regel springt verder in dan de regel erboven; haal de spaties aan het begin "
                "weg, of zet de waarde van het veld erboven ook op een eigen, ingesprongen regel"
            )
        return problem_line, (
            "een waarde bevat een dubbele punt gevolgd door een spatie; "
            'zet de hele waarde tussen aanhalingstekens, zoals title: "Deel 1: de start"'
        )
    found = re.search(r"but found '([^']*)'", problem)
    if "expected <block end>" in problem and found:
        token = found.group(1)
        here = line(problem_line)
        if token in ("]", "}"):
            return problem_line, (
                f"er staat een '{token}' te veel: hij sluit niets af; haal hem weg, of zet het "
                f"begin '{'[' if token == ']' else '{'}' ervoor"
            )
        if token == "<scalar>" and re.search(r""":\s+(["'])[^"']*\1\s*\S""", here):
            return problem_line, (
                "na het aanhalingsteken dat de waarde sluit staat nog tekst; zet de hele waarde "
                f"tussen aanhalingstekens, zoals {_quoted(here)}"
            )
        if token in ("-", "<block sequence start>"):
            return problem_line, (
                "deze lijstregel ('- ...') springt anders in dan de regels erboven; zet de regels "
                "van één lijst precies onder elkaar, ingesprongen onder hun veld"
            )
        return problem_line, (
            "de regels zijn niet goed ingesprongen of een veld mist de dubbele punt; "
            "schrijf elk veld als 'naam: waarde' en spring lijsten in met spaties"
        )
    if "expected <block end>" in problem:
        return problem_line, (
            "de regels zijn niet goed ingesprongen of een veld mist de dubbele punt; "
            "schrijf elk veld als 'naam: waarde' en spring lijsten in met spaties"
        )
    special = re.search(r"found character '(.)' that cannot start any token", problem)
    if special or "found undefined alias" in problem or "mapping keys are not allowed" in problem:
        char = special.group(1) if special else "*" if "alias" in problem else "?"
        return problem_line, (
            f"een waarde die met '{char}' begint, moet tussen aanhalingstekens; schrijf "
            f"{_quoted(line(problem_line))}"
        )
    if "block scalar" in context:
        return problem_line, (
            "een waarde die met '|' of '>' begint, leest YAML als tekstblok; zet de waarde "
            f"tussen aanhalingstekens: {_quoted(line(problem_line))}"
        )
    if "found unknown escape" in problem:
        return problem_line, (
            "tussen dubbele aanhalingstekens heeft een \\ een speciale betekenis; gebruik enkele "
            "aanhalingstekens ('...') of schrijf \\\\ voor een \\"
        )
    return problem_line, (
        "deze regel is niet te lezen; controleer aanhalingstekens, haken, dubbele punten en "
        "inspringing"
    )


# A line of a quoted value that went on past its end: the next field's `name: `.
_FIELD_INSIDE = re.compile(r"^\s*(-\s+)?[\w.-]+:(\s|$)")


def _quote_opened_before(text: str, line: int) -> int | None:
    """The line of a quoted value that runs on into the next fields, because its closing
    quote is missing (and a later quote closes it), up to the error's line."""
    lines = text.split("\n")
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            start: int = token.start_mark.line
            end: int = token.end_mark.line
            if start > line:
                break
            quoted = isinstance(token, yaml.ScalarToken) and not token.plain and end > start
            if quoted and any(_FIELD_INSIDE.match(inner) for inner in lines[start + 1 : end + 1]):
                return start
    except yaml.YAMLError:
        pass
    return None


def _unclosed_quote(line: str) -> str:
    value = re.sub(r"^\s*(-\s+)?[^:]*:\s*", "", line).lstrip("- ").strip()
    quote = "'" if value.startswith("'") else '"'
    return (
        f"het aanhalingsteken ({quote}) aan het begin van de waarde wordt niet gesloten; zet er "
        f"ook een aan het eind: {line.strip()}{quote}"
    )


def _quoted(line: str) -> str:
    """The line with its value between quotes: `title: "@home"`."""
    match = re.match(r"^\s*((?:-\s+)?[^:\s][^:]*:\s+|-\s+)(.*?)\s*$", line)
    if match is None:
        return f'"{line.strip()}"'
    key, value = match.groups()
    if '"' in value:
        return key + "'" + value.replace("'", "''") + "'"
    return f'{key}"{value}"'


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
