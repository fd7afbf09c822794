"""Any network, any day (issue 23): hypothesis draws a network's shape and its build date, the
network is built, and invariants are checked over every file of the build.

The invariants are the rules of the README's "Wat de site zegt, en wanneer":

- every internal link (pages, feeds, calendars, emails, sitemap, search index) resolves to a file
  of the build;
- no empty list, table, feed or page is offered; no "0 ..." where nothing exists;
- no word of a shape the network does not have (per werkveld with one sector, lidmaatschap
  without tiers, projecten without projects);
- no contradiction of time or status on an activity's page, in its calendar entry or a letter.

CI draws `NETWERK_NETWORKS` networks (25 by default); `NETWERK_NETWORKS=300 pytest
tests/test_any_network.py` draws more. What the generator found is kept below as named tests.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MKDOCS_YML, build_network

SITE_URL = "https://www.netwerk.example/"
HOST = "www.netwerk.example"
EXAMPLES = int(os.environ.get("NETWERK_NETWORKS", "25"))

KNOWN_SECTORS = {
    "vve": "Voor- en vroegschoolse educatie",
    "po": "Primair onderwijs",
    "so": "Speciaal onderwijs",
    "vo": "Voortgezet onderwijs",
    "mbo": "Middelbaar beroepsonderwijs",
    "ho": "Hoger onderwijs",
    "beleid": "Gemeente en beleid",
    "opvang": "Kinderopvang",
}
OWN_ACTIVITY_STATUSES = {
    "bevestigd": "Bevestigd",
    "volgeboekt": "Volgeboekt",
    "uitgesteld": "Uitgesteld",
    "afgelast": "Afgelast",
}
OWN_ACTIVITY_ROLES = {
    "cancelled_activity_statuses": ["afgelast"],
    "full_activity_statuses": ["volgeboekt"],
    "postponed_activity_statuses": ["uitgesteld"],
}
OWN_PROJECT_STATUSES = {"verkenning": "Verkenning", "uitvoering": "In uitvoering", "klaar": "Klaar"}
OWN_PROJECT_ROLES = {
    "running_project_statuses": ["verkenning", "uitvoering"],
    "finished_project_statuses": ["klaar"],
}
OWN_NEWS_KINDS = {"bericht": "Bericht", "kans": "Kans voor scholen"}
OWN_NEWS_ROLES = {"call_news_kinds": ["kans"]}
TIER_SETS = [
    {"basis": "Basis", "convenant": "Convenantpartner"},
    {"lid": "Lid"},
]


# --- The drawn network ------------------------------------------------------------------------


@dataclass
class Activity:
    slug: str
    start: date
    end: date | None
    status: str
    venue: str  # "set", "volgt" or "none"
    online: str  # "set", "volgt" or "none"
    sectors: list[str]
    participants: bool
    registration: bool


@dataclass
class Shape:
    build_date: date
    sectors: dict[str, str]
    tiers: dict[str, str] | None
    options: dict[str, Any]
    activity_statuses: list[str]
    cancelled: list[str]
    postponed: list[str]
    themes: int
    partners: list[tuple[list[str], str | None]]
    projects: list[tuple[list[str], str]]
    activities: list[Activity]
    news: list[tuple[int, str, list[str]]]  # days before the build date, kind, sectors
    resources: int
    editions: list[int]  # days from the build date
    audiences: bool
    notes: list[str] = field(default_factory=list)

    @property
    def has_projects(self) -> bool:
        return bool(self.projects)


@st.composite
def shapes(draw: st.DrawFn) -> Shape:
    build_date = draw(st.dates(date(2025, 1, 1), date(2028, 12, 31)))
    codes = draw(
        st.lists(st.sampled_from(sorted(KNOWN_SECTORS)), min_size=1, max_size=6, unique=True)
    )
    sectors = {code: KNOWN_SECTORS[code] for code in codes}
    tiers = draw(st.one_of(st.none(), st.sampled_from(TIER_SETS)))
    options: dict[str, Any] = {"sectors": sectors}
    if tiers:
        options["memberships"] = tiers

    if draw(st.booleans()):
        statuses = list(OWN_ACTIVITY_STATUSES)
        options["activity_statuses"] = OWN_ACTIVITY_STATUSES
        roles = draw(st.booleans())
        if roles:
            options |= OWN_ACTIVITY_ROLES
        cancelled = OWN_ACTIVITY_ROLES["cancelled_activity_statuses"] if roles else []
        postponed = OWN_ACTIVITY_ROLES["postponed_activity_statuses"] if roles else []
    else:
        statuses = ["gepland", "vol", "verplaatst", "geannuleerd"]
        cancelled, postponed = ["geannuleerd"], ["verplaatst"]
    project_statuses = ["nieuw", "lopend", "subsidie-toegekend", "afgerond"]
    if draw(st.booleans()):
        project_statuses = list(OWN_PROJECT_STATUSES)
        options["project_statuses"] = OWN_PROJECT_STATUSES
        if draw(st.booleans()):
            options |= OWN_PROJECT_ROLES
    news_kinds = ["nieuws", "oproep", "interview"]
    if draw(st.booleans()):
        news_kinds = list(OWN_NEWS_KINDS)
        options["news_kinds"] = OWN_NEWS_KINDS
        if draw(st.booleans()):
            options |= OWN_NEWS_ROLES

    some_sectors = st.lists(st.sampled_from(codes), min_size=1, max_size=len(codes), unique=True)
    themes = draw(st.integers(0, 2))
    partners = draw(
        st.lists(
            st.tuples(some_sectors, st.sampled_from(sorted(tiers)) if tiers else st.none()),
            max_size=3,
        )
    )
    projects = (
        draw(st.lists(st.tuples(some_sectors, st.sampled_from(project_statuses)), max_size=3))
        if themes
        else []
    )
    activities = []
    for number in range(draw(st.integers(0, 5))):
        when = draw(st.sampled_from(["past", "long-past", "today", "running", "future"]))
        offset = {"past": -draw(st.integers(1, 60)), "long-past": -draw(st.integers(200, 500))}
        offset |= {"today": 0, "running": -1, "future": draw(st.integers(1, 120))}
        start = build_date + timedelta(days=offset[when])
        end = build_date + timedelta(days=1) if when == "running" else None
        venue = draw(st.sampled_from(["set", "volgt", "none"]))
        online = draw(
            st.sampled_from(["set", "volgt"] if venue == "none" else ["set", "volgt", "none"])
        )
        status = draw(st.sampled_from(statuses))
        activities.append(
            Activity(
                slug=f"activiteit-{number}",
                start=start,
                end=end,
                status=status,
                venue=venue,
                online=online,
                sectors=draw(some_sectors),
                participants=when in ("past", "long-past") and draw(st.booleans()),
                registration=draw(st.booleans()),
            )
        )
    news = draw(
        st.lists(
            st.tuples(st.integers(0, 400), st.sampled_from(news_kinds), some_sectors), max_size=3
        )
    )
    resources = draw(st.integers(0, 1))
    audiences = draw(st.booleans())
    editions = draw(st.lists(st.integers(-200, 30), max_size=2, unique=True)) if audiences else []
    return Shape(
        build_date=build_date,
        sectors=sectors,
        tiers=tiers,
        options=options,
        activity_statuses=statuses,
        cancelled=cancelled,
        postponed=postponed,
        themes=themes,
        partners=partners,
        projects=projects,
        activities=activities,
        news=news,
        resources=resources,
        editions=editions,
        audiences=audiences,
    )


def front(fields: dict[str, Any], body: str = "") -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n" + body


def write_shape(root: Path, shape: Shape) -> Path:
    """The drawn network as files: content, editions and mkdocs.yml."""
    files: dict[str, str] = {"index.md": "# Ons netwerk\n\nWelkom.\n"}
    themes = [f"thema-{number}" for number in range(shape.themes)]
    for slug in themes:
        files[f"themas/{slug}.md"] = front({"title": slug.title(), "summary": "Een thema."})
    partners = [f"partner-{number}" for number in range(len(shape.partners))]
    for slug, (sectors, tier) in zip(partners, shape.partners, strict=True):
        fields: dict[str, Any] = {"name": f"Partner {slug[-1]}", "sectors": sectors}
        if tier:
            fields["membership"] = tier
        files[f"partners/{slug}.md"] = front(fields)
    for number, (sectors, status) in enumerate(shape.projects):
        files[f"projecten/project-{number}.md"] = front(
            {
                "title": f"Plan {chr(65 + number)}",
                "theme": themes[0],
                "status": status,
                "sectors": sectors,
                "goal": "Een doel.",
                "partners": partners[:1],
            }
        )
    for activity in shape.activities:
        fields = {
            "title": activity_title(activity),
            "start": activity.start.isoformat() + " 15:00",
            "sectors": activity.sectors,
            "kind": "lezing",
            "status": activity.status,
        }
        if activity.end:
            fields["start"] = activity.start.isoformat()
            fields["end"] = activity.end.isoformat()
        else:
            fields["end"] = "17:00"
        if activity.venue == "set":
            fields["location"] = {"name": "Bibliotheek", "address": "Straat 1, Dorp"}
        elif activity.venue == "volgt":
            fields["location"] = "volgt"
        if activity.online == "set":
            fields["online_url"] = "https://meet.example/kamer"
        elif activity.online == "volgt":
            fields["online_url"] = "volgt"
        if activity.participants and activity.status not in shape.cancelled:
            fields["participants"] = 12
        if activity.registration:
            fields["registration_url"] = "https://aanmelden.example/"
        if themes:
            fields["theme"] = themes[0]
        files[f"agenda/{activity.slug}.md"] = front(fields)
    for number, (days, kind, sectors) in enumerate(shape.news):
        files[f"nieuws/bericht-{number}.md"] = front(
            {
                "title": f"Bericht {chr(65 + number)}",
                "date": (shape.build_date - timedelta(days=days)).isoformat(),
                "kind": kind,
                "summary": "Een bericht.",
                "sectors": sectors,
            }
        )
    for number in range(shape.resources):
        files[f"kennisbank/bron-{number}.md"] = front(
            {"title": f"Bron {chr(65 + number)}", "kind": "tool", "summary": "Een bron."},
            "Over de bron.\n",
        )
    for name, text in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    options = {"build_date": shape.build_date.isoformat(), **shape.options}
    if shape.audiences:
        options |= {
            "audiences": [{"slug": "iedereen", "name": "Iedereen", "sectors": list(shape.sectors)}],
            "newsletter_from": "Nieuwsbrief <nieuwsbrief@netwerk.example>",
            "newsletter_unsubscribe_url": "https://www.netwerk.example/afmelden/?lijst={audience}",
        }
    (root / "newsletters").mkdir(exist_ok=True)
    for days in shape.editions:
        day = shape.build_date + timedelta(days=days)
        (root / "newsletters" / f"{day.isoformat()}.md").write_text(
            front(
                {
                    "date": day.isoformat(),
                    "subject": f"Nieuwsbrief {day.isoformat()}",
                    "preheader": "Wat er speelt in het netwerk, de agenda en het laatste nieuws.",
                },
                "Beste lezer.\n",
            ),
            encoding="utf-8",
        )
    config: dict[str, Any] = {key: value for key, value in MKDOCS_YML.items() if key != "nav"}
    config |= {
        "site_name": "Ons netwerk",
        "site_url": SITE_URL,
        "plugins": [{"search": {"lang": "nl"}}, {"netwerk": options}],
    }
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return root


# --- The invariants ---------------------------------------------------------------------------


@dataclass
class Output:
    """A built site: every file by its path from the site's root."""

    root: Path
    paths: set[str]

    @classmethod
    def read(cls, root: Path) -> Output:
        return cls(root, {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()})

    def text(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def texts(self, *suffixes: str) -> list[tuple[str, str]]:
        return [(path, self.text(path)) for path in sorted(self.paths) if path.endswith(suffixes)]

    def exists(self, address: str) -> bool:
        """Whether a path from the site's root (`agenda/`, `agenda/kalender.ics`) is a file."""
        address = unquote(address).lstrip("/")
        return (
            address in self.paths
            or ((address.endswith("/") or address == "") and f"{address}index.html" in self.paths)
            or f"{address}/index.html" in self.paths
        )

    def pages(self) -> list[tuple[str, str]]:
        """Pages of the site (not the emails, which have their own invariants)."""
        return [(p, t) for p, t in self.texts(".html") if not p.startswith("nieuwsbrief/e-mail")]


def address_of(path: str) -> str:
    """The address a file is served at: `agenda/x/index.html` → `agenda/x/`."""
    return path.removesuffix("index.html")


SITE_LINK = re.compile(r"(?:https?|webcal)://" + re.escape(HOST) + r"(/[^\s\"'<>)\]\\]*)?")


def internal_links(output: Output) -> list[tuple[str, str]]:
    """(file, path from the site's root) for every link to the site in every file of the build."""
    links: list[tuple[str, str]] = []
    for path, text in output.texts(".html", ".xml", ".json", ".ics", ".txt"):
        text = unfold(text) if path.endswith(".ics") else text
        if path == "search/search_index.json":
            for doc in json.loads(text)["docs"]:
                links.append((path, doc["location"].split("#")[0]))
            continue
        for match in SITE_LINK.finditer(unescape(text)):
            links.append((path, urlsplit(match.group(0)).path))
        if path.endswith(".html"):
            document = lxml.html.fromstring(text)
            base = SITE_URL + address_of(path)
            for element, _attribute, link, _position in document.iterlinks():
                if element.tag in {"form"}:
                    continue
                absolute = urljoin(base, link)
                parts = urlsplit(absolute)
                if parts.scheme in {"http", "https"} and parts.netloc == HOST:
                    links.append((path, parts.path))
    return [
        (path, link.lstrip("/"))
        for path, link in links
        # /afmelden/ is the unsubscribe page the tests' mailing settings name, not a page of the build.
        if not link.lstrip("/").startswith("afmelden")
    ]


EMPTY_STATES = re.compile(r"Er (?:is|zijn) nog geen|nog geen [a-z]+ verschenen|Er staan geen")
ZERO = re.compile(r"(?<![\d.,:/-])0 (?:[a-z][a-z']+)")
SINGULAR_PLURAL = re.compile(
    r"(?<![\d.,:/-])1 (partners|projecten|activiteiten|nieuwsberichten|thema's|bronnen|werkvelden|berichten)\b"
)


def visible_text(html: str) -> str:
    document = lxml.html.fromstring(html)
    for element in document.xpath("//script|//style|//svg|//head"):
        element.getparent().remove(element)
    return " ".join(document.text_content().split())


def main_text(html: str) -> str:
    """The text of the page's article, without the menu and footer."""
    document = lxml.html.fromstring(html)
    articles = document.xpath("//article")
    if not articles:
        return ""
    for element in articles[0].xpath(".//script|.//style"):
        element.getparent().remove(element)
    return " ".join(articles[0].text_content().split())


def problems_of(output: Output, shape: Shape) -> list[str]:
    problems: list[str] = []

    for path, link in internal_links(output):
        if not output.exists(link):
            problems.append(f"{path}: links to /{link}, which is not built")

    for path, text in output.pages():
        if path.startswith("handleiding/"):
            continue
        words = main_text(text)
        if match := EMPTY_STATES.search(words):
            problems.append(f"{path}: an empty page or section offered: {match.group(0)!r}")
        if match := ZERO.search(words):
            problems.append(
                f"{path}: a count of nothing: {words[max(match.start() - 40, 0) : match.end()]!r}"
            )
        if match := SINGULAR_PLURAL.search(words):
            problems.append(f"{path}: one of a plural: {match.group(0)!r}")
        document = lxml.html.fromstring(text)
        for listing in document.xpath("//article//ul|//article//ol"):
            if not listing.xpath("./li"):
                problems.append(f"{path}: an empty list")
        for table in document.xpath("//article//table"):
            if not table.xpath(".//tbody/tr|./tr"):
                problems.append(f"{path}: an empty table")

    for path, text in output.texts(".xml"):
        if path.endswith(("rss.xml", "atom.xml")) and not re.search(r"<item>|<entry>", text):
            problems.append(f"{path}: an empty feed")
    for path, text in output.texts("feed.json"):
        if not json.loads(text).get("items"):
            problems.append(f"{path}: an empty feed")

    problems += shape_words(output, shape)
    problems += time_and_status(output, shape)
    problems += letter_problems(output, shape)
    return problems


def shape_words(output: Output, shape: Shape) -> list[str]:
    """No word of a shape the network does not have, in anything a reader gets."""
    forbidden: list[tuple[str, re.Pattern[str]]] = []
    if len(shape.sectors) == 1:
        forbidden.append(
            (
                "one sector",
                re.compile(r"per werkveld|meer werkvelden|elk werkveld|andere werkvelden", re.I),
            )
        )
    if not shape.tiers:
        forbidden.append(("no tiers", re.compile(r"lidmaatschap|membership", re.I)))
    if not shape.has_projects:
        forbidden.append(("no projects", re.compile(r"\bprojecten\b", re.I)))
    problems = []
    if len(shape.sectors) == 1:
        feeds = [(p, t) for p, t in output.texts(".xml", ".atom", ".json") if "sitemap" not in p]
        for path, text in feeds:
            if path.startswith(("feeds/", "nieuwsbrief/")) and re.search(
                r"<category|\"tags\"", text
            ):
                problems.append(f"{path}: one sector, yet items are tagged with it")
    readable = [(p, visible_text(t)) for p, t in output.texts(".html")]
    # The search index repeats the pages' text; the feeds, calendars and text emails are read.
    readable += [
        (path, unescape(text))
        for path, text in output.texts(".txt", ".ics", ".xml", ".atom", ".json")
        if path != "search/search_index.json"
    ]
    for path, words in readable:
        for shape_name, pattern in forbidden:
            if shape_name == "no projects" and path.startswith("handleiding/"):
                continue  # the handbook tells how to add a first project
            if shape_name == "one sector" and path.startswith("handleiding/items/"):
                continue  # the fields' descriptions (core/fields.py) are the same for every shape
            if match := pattern.search(words):
                start = max(match.start() - 60, 0)
                problems.append(f"{path}: {shape_name}, yet {words[start : match.end() + 40]!r}")
    return problems


FOLLOWS = re.compile(r"volgt", re.I)


def time_and_status(output: Output, shape: Shape) -> list[str]:
    """What is past is told as past; what is cancelled is told as cancelled."""
    problems = []
    for activity in shape.activities:
        last_day = activity.end or activity.start
        past = last_day < shape.build_date
        cancelled = activity.status in shape.cancelled
        page = f"agenda/{activity.slug}/index.html"
        if page not in output.paths:
            problems.append(f"{page}: not built")
            continue
        words = main_text(output.text(page))
        if past or cancelled:
            for phrase in ("volgt", "Zet in je agenda", "Aanmelden", "aanmelden"):
                if phrase in words:
                    problems.append(f"{page}: past or cancelled, yet {phrase!r}: {words[:400]!r}")
        if past and re.search(r"Status\s*(Gepland|Bevestigd)", words):
            problems.append(f"{page}: past, yet a planned status: {words[:400]!r}")
        if past and "nieuwe datum" in words:
            problems.append(f"{page}: past, yet told as newly moved: {words[:400]!r}")
        calendar = f"agenda/{activity.slug}/{activity.slug}.ics"
        for path in (
            p
            for p in output.paths
            if p.startswith(f"agenda/{activity.slug}/") and p.endswith(".ics")
        ):
            event = unfold(output.text(path))
            if (past or cancelled) and FOLLOWS.search(event):
                problems.append(f"{path}: past or cancelled, yet 'volgt' in {event!r}")
        del calendar
    return problems


def letter_problems(output: Output, shape: Shape) -> list[str]:
    """A letter of day D lists no activity that was over by D; of a cancelled one nothing
    follows and no one is asked to sign up."""
    problems = []
    titles = {activity_title(a): a for a in shape.activities}
    for path, text in output.texts("email.txt"):
        day = date.fromisoformat(path.split("/")[2])
        for block in re.split(r"\n\s*\n", text):
            for title, activity in titles.items():
                if title not in block:
                    continue
                if (activity.end or activity.start) < day:
                    problems.append(f"{path}: {title} was over by {day}, yet in the letter")
                if activity.status in shape.cancelled and re.search("volgt|Aanmelden", block):
                    problems.append(f"{path}: {title} is cancelled, yet {block!r}")
    return problems


def activity_title(activity: Activity) -> str:
    return f"Activiteit {chr(65 + int(activity.slug.split('-')[1]))}"


def unfold(ics: str) -> str:
    return ics.replace("\r\n ", "").replace("\n ", "")


def check(shape: Shape) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = write_shape(Path(folder), shape)
        site = build_network(root)
        problems = problems_of(Output.read(site), shape)
    assert not problems, "\n".join(problems[:40])


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
@given(shapes())
def test_any_network_on_any_day(shape: Shape) -> None:
    check(shape)


# --- What the generator found ----------------------------------------------------------------
# Each a network hypothesis drew (shrunk), kept so the class stays covered however the draw goes.


def shape(**changes: Any) -> Shape:
    """An empty network of one sector on 2026-11-23, with the changes."""
    fields: dict[str, Any] = {
        "build_date": date(2026, 11, 23),
        "sectors": {"po": "Primair onderwijs"},
        "tiers": None,
        "options": {},
        "activity_statuses": ["gepland", "vol", "verplaatst", "geannuleerd"],
        "cancelled": ["geannuleerd"],
        "postponed": ["verplaatst"],
        "themes": 0,
        "partners": [],
        "projects": [],
        "activities": [],
        "news": [],
        "resources": 0,
        "editions": [],
        "audiences": False,
    }
    fields |= changes
    fields["options"] = {"sectors": fields["sectors"], **fields["options"]}
    if fields["tiers"]:
        fields["options"]["memberships"] = fields["tiers"]
    return Shape(**fields)


def activity(number: int, days: int, status: str = "gepland", **changes: Any) -> Activity:
    fields: dict[str, Any] = {
        "slug": f"activiteit-{number}",
        "start": date(2026, 11, 23) + timedelta(days=days),
        "end": None,
        "status": status,
        "venue": "volgt",
        "online": "volgt",
        "sectors": ["po"],
        "participants": False,
        "registration": True,
    }
    return Activity(**(fields | changes))


def test_an_empty_network_of_one_sector_and_no_tiers() -> None:
    """The handbook explained `membership` ("Kies .") and counts per sector; the year report and
    /in-cijfers/ counted "0 partners"; the news feeds were built empty and linked."""
    check(shape(build_date=date(2025, 1, 1), sectors={"beleid": "Gemeente en beleid"}))


def test_past_postponed_full_and_planned_activities_are_told_as_past() -> None:
    """Said "Locatie volgt", "De link volgt", "Status Gepland", "Zet in je agenda" and "de datum
    hieronder is de nieuwe datum" next to "Deze activiteit is geweest"; "volgt" in calendars."""
    check(
        shape(
            themes=1,
            activities=[
                activity(0, -3, "verplaatst"),
                activity(1, -40, "gepland", participants=True),
                activity(2, -1, "vol", venue="none"),
                activity(3, 5, "geannuleerd"),
                activity(4, -1, "gepland", end=date(2026, 11, 24), start=date(2026, 11, 22)),
            ],
        )
    )


def test_an_audience_with_only_a_letter_to_come_and_sectors_without_partners_or_news() -> None:
    """Links to a newsletter archive and feeds not built (only a letter after the build date),
    "Er is nog geen nieuws voor ...", partner pages per sector without partners, "per
    lidmaatschap" without tiers, "0 projecten" and "1 activiteiten" in the year report."""
    check(
        shape(
            sectors={"po": "Primair onderwijs", "so": "Speciaal onderwijs", "vo": "Voortgezet"},
            partners=[(["po"], None)],
            news=[(10, "nieuws", ["po"])],
            activities=[activity(0, -20, participants=True)],
            audiences=True,
            editions=[12],
        )
    )


def test_partners_in_one_of_many_sectors() -> None:
    """Said "1 partner in 6 werkvelden", then "1 werkvelden": count the sectors with partners."""
    sectors = {code: KNOWN_SECTORS[code] for code in ("beleid", "ho", "mbo", "po", "so")}
    check(shape(sectors=sectors, partners=[(["beleid"], None)]))


def test_own_statuses_without_roles_and_tiers_in_many_sectors() -> None:
    """An own status without a role is neither cancelled nor postponed: told as past when past."""
    check(
        shape(
            sectors={"po": "Primair onderwijs", "vo": "Voortgezet onderwijs"},
            tiers={"lid": "Lid"},
            options={"activity_statuses": OWN_ACTIVITY_STATUSES},
            activity_statuses=list(OWN_ACTIVITY_STATUSES),
            cancelled=[],
            postponed=[],
            partners=[(["po", "vo"], "lid")],
            themes=1,
            projects=[(["vo"], "lopend")],
            activities=[activity(0, -2, "afgelast"), activity(1, 30, "uitgesteld")],
            audiences=True,
            editions=[-30],
        )
    )


# --- A started site ---------------------------------------------------------------------------


def test_a_started_site_passes_the_invariants(tmp_path: Path) -> None:
    """`netwerk begin` guesses nothing: no tiers unless named, and the site it starts offers
    nothing empty and says nothing of a shape it lacks."""
    from netwerk.editing.begin import create, parse_memberships, parse_sectors

    sectors = parse_sectors("po,so=Speciaal (basis)onderwijs")
    create(tmp_path, "Ons netwerk", sectors, SITE_URL, parse_memberships(None))
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    options = config["plugins"][1]["netwerk"]
    assert "memberships" not in options
    assert options["sectors"] == {"po": "Primair onderwijs", "so": "Speciaal (basis)onderwijs"}
    shape = Shape(
        build_date=date(2026, 11, 23),
        sectors=sectors,
        tiers=None,
        options={},
        activity_statuses=[],
        cancelled=[],
        postponed=[],
        themes=0,
        partners=[],
        projects=[],
        activities=[],
        news=[],
        resources=0,
        editions=[],
        audiences=True,
    )
    with_date = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        with_date.replace("  - netwerk:\n", "  - netwerk:\n      build_date: 2026-11-23\n"),
        encoding="utf-8",
    )
    site = build_network(tmp_path)
    assert problems_of(Output.read(site), shape) == []


def test_tiers_only_when_named(tmp_path: Path) -> None:
    from netwerk.editing.begin import create, parse_memberships, parse_sectors

    tiers = parse_memberships("basis=Basis,convenant=Convenantpartner")
    create(tmp_path, "Ons netwerk", parse_sectors("po"), None, tiers)
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"][1]["netwerk"]["memberships"] == tiers
    assert "membership: basis" in (tmp_path / "README.md").read_text(encoding="utf-8")
