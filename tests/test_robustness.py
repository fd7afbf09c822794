"""Whatever an editor saves, the loader answers with a valid item or with problems in the form
`path:line: field: message`: never a traceback, never an item that silently disappears.

Generated inputs (hypothesis) first, then the named cases that tests/test_validation.py does not
cover yet. HYPOTHESIS_PROFILE=explore runs many more, random examples.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from conftest import ACTIVITY, NEWS, PARTNER, PROJECT, RESOURCE, SMALL_NETWORK, THEME, Site
from netwerk.core.loader import load_network
from netwerk.core.models import ORGANISATION_FILE
from netwerk.core.network import Network
from netwerk.core.problems import ContentError, Problem
from netwerk.core.settings import Settings
from test_validation import load, problems

SETTINGS = Settings(build_date=date(2026, 11, 23))

# The same examples on every run (CI stays deterministic); `explore` searches further.
settings.register_profile(
    "ci",
    max_examples=150,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.register_profile(
    "explore",
    max_examples=3000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def front_matter_of(text: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(text.split("---\n")[1])
    return data


# A valid example per target, which the strategies take apart and fill with other values.
TARGETS = {
    "partners": front_matter_of(PARTNER),
    "themas": front_matter_of(THEME),
    "projecten": front_matter_of(PROJECT),
    "agenda": front_matter_of(ACTIVITY),
    "nieuws": front_matter_of(NEWS),
    "kennisbank": front_matter_of(RESOURCE),
    "page": {"title": "Over ons", "hide": ["toc"]},
}
NAME = "proefstuk"
KEYS = sorted({key for data in TARGETS.values() for key in data} | {"draft", "location"})

plain_text = st.text(max_size=20)
scalars = st.one_of(
    plain_text,
    st.sampled_from(
        [
            "po",
            "p0",
            "museum-boerhaave",
            "motivatie",
            "2026-02-30",
            "12-03-2026",
            "2026-12-10 15:30",
            "25:61",
            "https://www.example.nl/",
            "javascript:alert(1)",
            "www.example.nl",
            "true",
            "NO",
            "1.10",
            "Mariënpoolstraat",
            "Update #2",
            "Deel 1: de start",
            "",
            " ",
        ]
    ),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(plain_text, inner, max_size=3),
    max_leaves=6,
)


@st.composite
def structured(draw: st.DrawFn) -> tuple[str, str]:
    """Valid YAML: a valid item with fields dropped, replaced and added."""
    target = draw(st.sampled_from(sorted(TARGETS)))
    data = dict(TARGETS[target])
    for key in draw(st.lists(st.sampled_from(sorted(data)), max_size=3, unique=True)):
        del data[key]
    changes = draw(
        st.dictionaries(
            st.sampled_from(KEYS) | st.text(min_size=1, max_size=12), values, max_size=4
        )
    )
    data.update(changes)
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=draw(st.booleans()))
    return target, f"---\n{text}---\nTekst.\n"


FRAGMENTS = [
    "title",
    "name",
    "sectors",
    "summary",
    "start",
    ":",
    ": ",
    " ",
    "  ",
    "\t",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "'",
    '"',
    " #",
    "#x",
    "&a ",
    "*a",
    "!!str ",
    "!foo ",
    "|\n",
    ">-\n",
    "? ",
    "%",
    "@",
    "`",
    "\\",
    "\\u00e9",
    "\\ud800",
    "\n",
    "\n  ",
    "\n---\n",
    "\n...\n",
    "é",
    "ë",
    "\u2028",
    "\ufeff",
    "\x0c",
    "\x85",
    "2026-02-30",
    "12:30",
    "po",
    "null",
    "~",
    "true",
]


@st.composite
def textual(draw: st.DrawFn) -> tuple[str, bytes]:
    """Front matter as text: YAML's special characters, in any order, in any encoding."""
    target = draw(st.sampled_from([*sorted(TARGETS), "organisation"]))
    parts = draw(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=30))
    front = "".join(parts)
    text = front if target == "organisation" else f"---\n{front}\n---\nTekst.\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return target, text.encode(encoding, errors="replace")


raw_files = st.tuples(
    st.sampled_from([*sorted(TARGETS), "organisation"]),
    st.binary(max_size=300) | st.binary(max_size=300).map(lambda raw: b"---\n" + raw),
)


def location(target: str) -> str:
    """Where the generated file goes under content/."""
    if target == "organisation":
        return ORGANISATION_FILE
    if target == "page":
        return f"{NAME}.md"
    return f"{target}/{NAME}.md"


@pytest.fixture(scope="module")
def network_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return Site(tmp_path_factory.mktemp("robust")).write(SMALL_NETWORK)


@pytest.fixture(scope="module")
def check(network_site: Site) -> Iterator[Any]:
    """Write one generated file next to the small network, load, and check the outcome."""

    def run(target: str, raw: bytes) -> None:
        path = network_site.content / location(target)
        path.write_bytes(raw)
        try:
            outcome(target, raw, network_site.content)
        finally:
            path.unlink()

    yield run


def outcome(target: str, raw: bytes, content: Path) -> None:
    shown = f"content/{location(target)}"
    try:
        network = load_network(content, SETTINGS)
    except ContentError as error:
        assert error.problems, "an error without problems"
        for problem in error.problems:
            assert_well_formed(problem, shown, raw)
        return
    assert_kept(target, raw, network)


def assert_well_formed(problem: Problem, shown: str, raw: bytes) -> None:
    # The rest of the small network is valid: every problem is about the generated file.
    assert problem.path == shown
    lines = max(1, raw.count(b"\n") + raw.count(b"\r") + 1)
    assert 1 <= problem.line <= lines, problem
    assert problem.field.strip() and problem.message.strip(), problem
    assert "\n" not in str(problem) and "\r" not in str(problem), problem
    assert str(problem) == f"{shown}:{problem.line}: {problem.field}: {problem.message}"


def assert_kept(target: str, raw: bytes, network: Network) -> None:
    """Loaded without problems: the item is there, unless it says it is a draft."""
    if target == "organisation":
        from netwerk.core.frontmatter import read_data_file

        # A valid data file: every group it lists is there (an empty one: no groups).
        groups = read_data_file("organisatie.yml", raw).data.get("groups") or []
        assert len(network.organisation.groups) == len(groups)
        return
    if target == "page":
        has_front_matter = raw.lstrip(b"\xef\xbb\xbf").startswith(b"---")
        assert (f"{NAME}.md" in network.pages) is has_front_matter
        return
    collection = {
        "partners": network.partners,
        "themas": network.themes,
        "projecten": network.projects,
        "agenda": network.activities,
        "nieuws": network.news,
        "kennisbank": network.resources,
    }[target]
    if NAME not in collection:
        assert is_draft(raw), "a valid item that is neither published nor a draft"


def is_draft(raw: bytes) -> bool:
    from netwerk.core.frontmatter import read_source

    written = read_source("x.md", raw).data.get("draft")
    try:
        return TypeAdapter(bool).validate_python(written) is True
    except ValidationError:
        return False


@given(structured())
def test_generated_front_matter_ends_in_an_item_or_problems(
    check: Any, generated: tuple[str, str]
) -> None:
    target, text = generated
    check(target, text.encode("utf-8"))


@given(textual())
def test_generated_yaml_text_ends_in_an_item_or_problems(
    check: Any, generated: tuple[str, bytes]
) -> None:
    check(*generated)


@given(raw_files)
@settings(suppress_health_check=list(HealthCheck))
def test_any_bytes_end_in_an_item_or_problems(check: Any, generated: tuple[str, bytes]) -> None:
    check(*generated)


# --- Named cases ------------------------------------------------------------------------------

PARTNERS = "content/partners/museum-boerhaave.md"


def partner_with(old: str, new: str) -> str:
    assert old in PARTNER, old
    return PARTNER.replace(old, new)


NAMED = {
    "utf-16 file (Notepad's Unicode)": (
        {"partners/museum-boerhaave.md": PARTNER.encode("utf-16")},
        [
            f"{PARTNERS}:1: bestand: het bestand is als UTF-16 (Unicode) opgeslagen; sla het op met codering UTF-8"
        ],
    ),
    "control character pasted into the front matter": (
        {"partners/museum-boerhaave.md": partner_with("Leiden", "Lei\x0cden")},
        [
            f"{PARTNERS}:5: front matter: er staat een onzichtbaar stuurteken (#x000c) op deze regel; typ de regel opnieuw"
        ],
    ),
    "anchor and alias": (
        {
            "partners/museum-boerhaave.md": partner_with(
                "sectors: [po, vo]\nmembership: uitgebreid\nmunicipality: Leiden",
                "sectors: &werkvelden [po, vo]\nmembership: uitgebreid\nmunicipality: *werkvelden",
            )
        },
        [
            f"{PARTNERS}:5: municipality: een verwijzing met * naar een anker met & werkt hier niet; schrijf de waarde voluit"
        ],
    ),
    "alias inside its own anchor": (
        {"partners/museum-boerhaave.md": partner_with("themes: [motivatie]", "themes: &t [*t]")},
        [
            f"{PARTNERS}:7: themes: een verwijzing met * naar een anker met & werkt hier niet; schrijf de waarde voluit",
            f"{PARTNERS}:7: themes: is leeg; vul een waarde in of haal de regel weg",
        ],
    ),
    "nested too deep": (
        {
            "partners/museum-boerhaave.md": partner_with(
                "municipality: Leiden", "municipality: " + "[" * 50_000 + "]" * 50_000
            )
        },
        [
            f"{PARTNERS}:2: front matter: is te diep genest; schrijf de velden zonder zoveel haakjes of inspringingen"
        ],
    ),
    "half a character written as an escape": (
        {"partners/museum-boerhaave.md": partner_with("Leiden", '"Leiden \\ud83d"')},
        [
            f"{PARTNERS}:5: municipality: bevat een ongeldig teken (een losse \\u-code); haal het weg of typ het teken zelf"
        ],
    ),
    "empty field name": (
        {"partners/museum-boerhaave.md": partner_with("municipality: Leiden", '"": Leiden')},
        [f"{PARTNERS}:5: front matter: een veldnaam moet gewone tekst zijn, zoals 'title'"],
    ),
    "line break inside a field name": (
        {"partners/museum-boerhaave.md": partner_with("municipality:", '"munici\\npality":')},
        [f"{PARTNERS}:5: front matter: een veldnaam moet gewone tekst zijn, zoals 'title'"],
    ),
    "line break inside a quoted value stays on the problem's line": (
        {"partners/museum-boerhaave.md": partner_with("[po, vo]", '[po, "v\\no"]')},
        [
            f"{PARTNERS}:3: sectors: 'v\\no' is geen sector; bedoelde je 'vo'?",
        ],
    ),
    "page without front matter in Windows-1252": (
        {"over-ons.md": "# Over ons\n\nWe zitten aan de Mariënpoolstraat.\n".encode("cp1252")},
        [
            "content/over-ons.md:3: bestand: het bestand is niet als UTF-8 opgeslagen (een teken op deze regel, zoals é of ë, is in een andere codering geschreven); sla het op met codering UTF-8"
        ],
    ),
    "binary file named .md among the plain pages": (
        {"over-ons.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
        [
            "content/over-ons.md:1: bestand: dit is geen tekstbestand; verwijder het of zet het in een andere map"
        ],
    ),
}


@pytest.mark.parametrize("files, expected", NAMED.values(), ids=NAMED.keys())
def test_named_case_has_its_message(
    site: Site, files: dict[str, str | bytes], expected: list[str]
) -> None:
    assert problems(site, files) == expected


def test_aliases_that_would_multiply_are_refused_at_once(site: Site) -> None:
    # Twelve levels of nine aliases each would expand to 9**12 values ("billion laughs").
    levels = "".join(
        f"  - &{chr(98 + level)} [{', '.join([f'*{chr(97 + level)}'] * 9)}]\n"
        for level in range(12)
    )
    found = problems(
        site,
        {
            "partners/museum-boerhaave.md": partner_with(
                "themes: [motivatie]", f"themes:\n  - &a [x, x, x, x, x, x, x, x, x]\n{levels}"
            )
        },
    )
    assert (
        f"{PARTNERS}:9: themes: een verwijzing met * naar een anker met & werkt hier niet; "
        "schrijf de waarde voluit" in found
    )


def test_a_broken_link_in_a_collection_is_named(site: Site) -> None:
    (site.content / "partners").mkdir(parents=True)
    (site.content / "partners" / "weg.md").symlink_to(site.root / "bestaat-niet.md")
    assert problems(site, {}) == [
        "content/partners/weg.md:1: bestand: kan niet gelezen worden; controleer of het bestand "
        "bestaat en of je het mag openen"
    ]


def test_front_matter_only_is_an_item_with_an_empty_page(site: Site) -> None:
    site.write(SMALL_NETWORK).write(
        {"partners/museum-boerhaave.md": PARTNER.split("---\n")[1].join(["---\n", "---\n"])}
    ).build()
    html = site.page("partners/museum-boerhaave")
    article = html[html.index("<article") : html.index("</article>")]
    # The page is made from the front matter alone: heading and facts, in the article itself.
    assert re.search(r"<h1[^>]*>Museum Boerhaave", article)
    assert "Leiden" in article


def test_front_matter_only_without_a_final_line_break(site: Site) -> None:
    network = load(
        site, {"partners/museum-boerhaave.md": PARTNER.split("---\n")[1].join(["---\n", "---"])}
    )
    assert network.partners["museum-boerhaave"].body == ""


def test_a_five_megabyte_body_is_kept_whole(site: Site) -> None:
    paragraph = "Leerlingen ontdekken hun talent in de wijk, samen met ouders en scholen.\n\n"
    body = paragraph * (5 * 2**20 // len(paragraph) + 1)
    assert len(body.encode()) > 5 * 2**20
    network = load(
        site,
        {"partners/museum-boerhaave.md": PARTNER.split("---\n")[1].join(["---\n", "---\n"]) + body},
    )
    assert network.partners["museum-boerhaave"].body == body


def test_lines_are_counted_the_same_with_bom_and_crlf(site: Site) -> None:
    text = partner_with("membership: uitgebreid", "membership: goud").replace("\n", "\r\n")
    found = problems(site, {"partners/museum-boerhaave.md": b"\xef\xbb\xbf" + text.encode()})
    assert found == [
        f"{PARTNERS}:4: membership: 'goud' is geen lidmaatschap; kies uit: basis, convenant, uitgebreid"
    ]


def test_a_unicode_line_separator_stays_inside_its_line(site: Site) -> None:
    network = load(
        site, {"partners/museum-boerhaave.md": partner_with("Leiden", "Leiden\u2028Oegstgeest")}
    )
    assert network.partners["museum-boerhaave"].municipality == "Leiden Oegstgeest"


def test_a_folder_named_like_a_page_is_not_read(site: Site) -> None:
    (site.content / "partners" / "archief.md").mkdir(parents=True)
    (site.content / "oud.md").mkdir(parents=True)
    network = load(site, {})
    assert list(network.partners) == ["museum-boerhaave"]


def test_failed_build_exits_non_zero_and_leaves_the_previous_site(site: Site) -> None:
    site.write(SMALL_NETWORK).configure()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    environment = {**os.environ, "PYTHONWARNINGS": "ignore", "NO_MKDOCS_2_WARNING": "1"}
    first = subprocess.run(command, cwd=site.root, env=environment, check=False)
    assert first.returncode == 0
    before = {
        path: (path.stat().st_mtime_ns, path.read_bytes())
        for path in site.output.rglob("*")
        if path.is_file()
    }
    site.write({"partners/logo.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
    second = subprocess.run(
        command, cwd=site.root, env=environment, capture_output=True, text=True, check=False
    )
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert "content/partners/logo.md:1: bestand: dit is geen tekstbestand" in second.stderr
    after = {
        path: (path.stat().st_mtime_ns, path.read_bytes())
        for path in site.output.rglob("*")
        if path.is_file()
    }
    assert after == before
