"""Generate a synthetic network of a given size, and a plain Material site with the same pages.

The network is valid content for our plugin: front matter that validates, relations to partners,
themes and projects that exist, activities around the build date, a few drafts and logos. The
plain site has one Markdown page for every content page of the network (same titles, same bodies,
the main fields written out as text), section pages that link to their items, the same theme,
navigation and Markdown extensions, and the same plugins minus ours.

    .venv/bin/python bench/generate.py /tmp/bench --scale 1
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

from netwerk.addresses import reserved  # noqa: E402
from netwerk.core.loader import slugify  # noqa: E402
from netwerk.core.models import ORGANISATION_FILE  # noqa: E402
from netwerk.core.settings import (  # noqa: E402
    DEFAULT_ACTIVITY_KINDS,
    DEFAULT_MEMBERSHIPS,
    DEFAULT_NEWS_KINDS,
    DEFAULT_PROJECT_STATUSES,
    DEFAULT_RESOURCE_KINDS,
    DEFAULT_SECTORS,
    Settings,
)

BUILD_DATE = date(2026, 11, 23)
NEWSLETTERS = "newsletters"
SECTORS = list(DEFAULT_SECTORS)
# Newsletter audiences as in the seed plan: several sectors per audience.
AUDIENCES = {"vve": ["vve"], "po": ["po"], "vo-ho": ["vo", "ho"], "mbo": ["mbo"]}


@dataclass(frozen=True)
class Size:
    partners: int = 500
    activities: int = 2000
    news: int = 2000
    projects: int = 100
    themes: int = 10
    resources: int = 100
    editions: int = 20
    audiences: int = 4

    def times(self, factor: int) -> Size:
        scaled = {f.name: getattr(self, f.name) * factor for f in fields(self)}
        # Audiences are a configuration, not content: 4x the content keeps the same audiences.
        scaled["audiences"] = self.audiences
        return replace(self, **scaled)


@dataclass
class Page:
    """One content page: where it goes, its front matter, and what a plain site would show."""

    uri: str
    title: str
    front_matter: dict[str, Any]
    body: str
    facts: list[str]


PLACES = [
    "Leiden", "Leiderdorp", "Oegstgeest", "Zoeterwoude", "Voorschoten", "Katwijk", "Noordwijk",
    "Teylingen", "Kaag en Braassem", "Alphen aan den Rijn", "Hillegom", "Lisse", "Wassenaar",
    "Nieuwkoop", "Zoetermeer", "Den Haag", "Delft", "Gouda", "Haarlem", "Rijswijk",
]  # fmt: skip
STREETS = [
    "Mariënpoolstraat", "Breestraat", "Haarlemmerstraat", "Rapenburg", "Stationsweg",
    "Lange Mare", "Hooigracht", "Schipholweg", "Morsweg", "Einsteinweg", "Kanaalweg",
]  # fmt: skip
PARTNER_KINDS = {
    "vve": ["Kinderopvang", "Peuteropvang", "Kindcentrum"],
    "po": ["Basisschool", "Openbare basisschool", "Montessorischool", "Daltonschool"],
    "vo": ["Lyceum", "College", "Gymnasium", "Scholengemeenschap"],
    "mbo": ["ROC", "Vakschool", "mbo-college"],
    "ho": ["Hogeschool", "Universiteit", "Instituut", "Lectoraat"],
}
NAMES = [
    "De Regenboog", "Het Anker", "De Vlinder", "Sint Jozef", "De Springplank", "Het Kompas",
    "De Sleutel", "Da Vinci", "Erasmus", "Comenius", "De Ark", "Het Palet", "De Horizon",
    "Rembrandt", "Vlietland", "Rijnland", "Bonaventura", "Pacelli", "De Schakel", "Het Mozaïek",
]  # fmt: skip
TOPICS = [
    "motivatie", "metacognitie", "talentontwikkeling", "differentiatie", "hoogbegaafdheid",
    "ouderbetrokkenheid", "doorlopende leerlijnen", "executieve functies", "leesplezier",
    "rekenvaardigheid", "burgerschap", "wetenschap en techniek", "design thinking",
    "loopbaanoriëntatie", "overgang po-vo", "aansluiting mbo-hbo", "taalontwikkeling",
    "onderzoekend leren", "feedback", "eigenaarschap",
]  # fmt: skip
WORDS = [
    "leerlingen",
    "docenten",
    "leerkrachten",
    "scholen",
    "samen",
    "onderwijs",
    "netwerk",
    "ontwikkeling",
    "talent",
    "kinderen",
    "jongeren",
    "ouders",
    "aanpak",
    "praktijk",
    "onderzoek",
    "ervaring",
    "kennis",
    "regio",
    "gemeente",
    "bijeenkomst",
    "project",
    "werkgroep",
    "leergemeenschap",
    "klas",
    "les",
    "lessen",
    "school",
    "wijk",
    "stad",
    "vragen",
    "ideeën",
    "plannen",
    "resultaten",
    "doelen",
    "stappen",
    "begeleiding",
    "coaching",
    "training",
    "workshop",
    "uitwisseling",
    "verbinding",
    "aansluiting",
    "overgang",
    "motivatie",
    "nieuwsgierigheid",
    "uitdaging",
    "groei",
    "vaardigheden",
    "inzicht",
    "ruimte",
    "tijd",
    "aandacht",
    "keuzes",
    "verhalen",
    "voorbeelden",
]
LINKING = [
    "en",
    "met",
    "voor",
    "over",
    "door",
    "bij",
    "in",
    "van",
    "naar",
    "tijdens",
    "na",
    "zodat",
    "omdat",
    "terwijl",
]
VERBS = [
    "werken",
    "delen",
    "ontdekken",
    "bespreken",
    "versterken",
    "ontwikkelen",
    "leren",
    "bouwen",
    "onderzoeken",
    "verbinden",
    "begeleiden",
    "ondersteunen",
    "verkennen",
    "maken",
]
HEADINGS = ["Aanpak", "Wat levert het op?", "Voor wie", "Programma", "Achtergrond", "Meer weten"]


class Writer:
    """Deterministic text from one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def sentence(self) -> str:
        r = self.random
        words = [r.choice(WORDS) for _ in range(r.randint(4, 9))]
        words.insert(r.randint(1, len(words) - 1), r.choice(VERBS))
        words.insert(r.randint(1, len(words) - 1), r.choice(LINKING))
        if r.random() < 0.3:
            words.insert(r.randint(1, len(words) - 1), r.choice(TOPICS))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int | None = None) -> str:
        count = sentences or self.random.randint(3, 6)
        return " ".join(self.sentence() for _ in range(count))

    def body(self, paragraphs: int) -> str:
        r = self.random
        parts = [self.paragraph()]
        for _ in range(paragraphs - 1):
            roll = r.random()
            if roll < 0.25:
                parts.append(f"## {r.choice(HEADINGS)}")
            elif roll < 0.4:
                parts.append("\n".join(f"- {self.sentence()}" for _ in range(r.randint(2, 5))))
            parts.append(self.paragraph())
        return "\n\n".join(parts) + "\n"

    def some(self, population: list[str], low: int, high: int, weights: list[float]) -> list[str]:
        """A few distinct elements, the popular ones more often (relations are skewed)."""
        wanted = min(self.random.randint(low, high), len(population))
        chosen: dict[str, None] = {}
        while len(chosen) < wanted:
            chosen[self.random.choices(population, weights)[0]] = None
        return list(chosen)


def _skewed(count: int) -> list[float]:
    return [1 / (rank + 1) ** 0.8 for rank in range(count)]


def _unique(slug: str, taken: set[str], reserved: dict[str, str]) -> str:
    candidate, number = slug, 2
    while candidate in taken or candidate in reserved:
        candidate, number = f"{slug}-{number}", number + 1
    taken.add(candidate)
    return candidate


def network_pages(size: Size, seed: int = 2026) -> Iterator[Page]:
    """Every content page of the synthetic network, in a fixed order."""
    w = Writer(seed)
    r = w.random
    settings = Settings()

    themes: list[str] = []
    taken: set[str] = set()
    for number in range(size.themes):
        topic = TOPICS[number % len(TOPICS)]
        title = topic.capitalize() + (f" {number // len(TOPICS) + 1}" if number >= 20 else "")
        slug = _unique(slugify(title), taken, reserved(settings)["themas"])
        themes.append(slug)
        yield Page(
            f"themas/{slug}.md",
            title,
            {"title": title, "summary": w.sentence(), "order": number + 1},
            w.body(4),
            [],
        )

    partners: list[str] = []
    taken = set()
    logos = max(1, size.partners // 10)
    for number in range(size.partners):
        sectors = w.some(SECTORS, 1, 2, [1, 3, 2, 1.5, 1])
        place = r.choice(PLACES)
        name = f"{r.choice(PARTNER_KINDS[sectors[0]])} {r.choice(NAMES)} {place}"
        slug = _unique(slugify(name), taken, reserved(settings)["partners"])
        partners.append(slug)
        front: dict[str, Any] = {
            "name": name,
            "summary": w.sentence(),
            "sectors": sectors,
            "membership": r.choice(list(DEFAULT_MEMBERSHIPS)),
            "municipality": place,
            "member_since": (BUILD_DATE - timedelta(days=r.randint(100, 4000))).isoformat(),
            "themes": w.some(themes, 0, 3, _skewed(len(themes))),
        }
        if r.random() < 0.8:
            front["website"] = f"https://www.{slug}.example/"
        if number < logos:
            front["logo"] = f"afbeeldingen/logos/{slug}.svg"
            front["logo_alt"] = f"Logo van {name}"
        if r.random() < 0.02:
            front["draft"] = True
        yield Page(
            f"partners/{slug}.md",
            name,
            front,
            w.body(r.randint(2, 4)),
            [f"Werkvelden: {', '.join(sectors)}", f"Gemeente: {place}"],
        )
    partner_weights = _skewed(len(partners))

    projects: list[str] = []
    taken = set()
    for number in range(size.projects):
        where = r.choice(["de klas", "de wijk", "het team", "de regio", "de school"])
        title = f"{r.choice(TOPICS).capitalize()} in {where}"
        slug = _unique(slugify(title), taken, reserved(settings)["projecten"])
        projects.append(slug)
        start = BUILD_DATE - timedelta(days=r.randint(0, 2500))
        front = {
            "title": title,
            "code": f"{number // 10 + 1}{'abcdefghij'[number % 10]}",
            "summary": w.sentence(),
            "theme": r.choices(themes, _skewed(len(themes)))[0],
            "status": r.choice(list(DEFAULT_PROJECT_STATUSES)),
            "leads": [f"Trekker namens {r.choice(NAMES)}"],
            "partners": w.some(partners, 2, 8, partner_weights),
            "sectors": w.some(SECTORS, 1, 3, [1, 3, 2, 1.5, 1]),
            "goal": w.paragraph(2),
            "start": start.isoformat(),
        }
        if r.random() < 0.4:
            front["end"] = (start + timedelta(days=r.randint(180, 1200))).isoformat()
        yield Page(f"projecten/{slug}.md", title, front, w.body(r.randint(4, 8)), [front["goal"]])

    taken = set()
    kinds = list(DEFAULT_ACTIVITY_KINDS)
    published_activities: list[tuple[date, str]] = []
    published_news: list[tuple[date, str]] = []
    for _ in range(size.activities):
        kind = r.choice(kinds)
        title = f"{DEFAULT_ACTIVITY_KINDS[kind]} {r.choice(TOPICS)}"
        day = BUILD_DATE + timedelta(days=r.randint(-730, 365))
        slug = _unique(f"{day}-{slugify(title)}", taken, reserved(settings)["agenda"])
        hour = r.randint(9, 19)
        front = {"title": title, "summary": w.sentence()}
        if r.random() < 0.1:
            front["start"] = day.isoformat()
            front["end"] = (day + timedelta(days=r.randint(0, 2))).isoformat()
        else:
            front["start"] = f"{day.isoformat()} {hour:02}:{r.choice(['00', '15', '30'])}"
            front["end"] = f"{min(hour + r.randint(1, 3), 23):02}:00"
        if r.random() < 0.2:
            front["online_url"] = f"https://meet.example/{slug}"
        else:
            place = r.choice(PLACES)
            front["location"] = {
                "name": f"{r.choice(NAMES)} {place}",
                "address": f"{r.choice(STREETS)} {r.randint(1, 200)}, {place}",
            }
        front["sectors"] = w.some(SECTORS, 1, 3, [1, 3, 2, 1.5, 1])
        front["kind"] = kind
        if r.random() < 0.05:
            front["status"] = "geannuleerd"
        if r.random() < 0.7:
            front["theme"] = r.choices(themes, _skewed(len(themes)))[0]
        if projects and r.random() < 0.5:
            front["project"] = r.choice(projects)
        front["partners"] = w.some(partners, 0, 3, partner_weights)
        if r.random() < 0.6:
            front["registration_url"] = f"https://aanmelden.example/{slug}"
        if r.random() < 0.02:
            front["draft"] = True
        else:
            published_activities.append((day, slug))
        yield Page(
            f"agenda/{slug}.md",
            title,
            front,
            w.body(r.randint(2, 5)),
            [f"Wanneer: {front['start']}", f"Voor: {', '.join(front['sectors'])}"],
        )

    taken = set()
    news_kinds = list(DEFAULT_NEWS_KINDS)
    for _ in range(size.news):
        day = BUILD_DATE - timedelta(days=r.randint(0, 1095))
        opening = r.choice(["Nieuw", "Terugblik", "Oproep", "Interview", "Succes"])
        title = f"{opening}: {r.choice(TOPICS)} bij {r.choice(NAMES)}"
        slug = _unique(f"{day}-{slugify(title)}", taken, reserved(settings)["nieuws"])
        front = {
            "title": title,
            "date": day.isoformat(),
            "kind": r.choice(news_kinds),
            "summary": w.paragraph(2),
            "sectors": w.some(SECTORS, 1, 3, [1, 3, 2, 1.5, 1]),
            "themes": w.some(themes, 0, 2, _skewed(len(themes))),
            "partners": w.some(partners, 0, 3, partner_weights),
        }
        if projects and r.random() < 0.4:
            front["project"] = r.choice(projects)
        if r.random() < 0.02:
            front["draft"] = True
        else:
            published_news.append((day, slug))
        yield Page(
            f"nieuws/{slug}.md",
            title,
            front,
            w.body(r.randint(3, 7)),
            [f"Datum: {front['date']}", front["summary"]],
        )

    taken = set()
    resource_kinds = list(DEFAULT_RESOURCE_KINDS)
    for _ in range(size.resources):
        opening = r.choice(["Handreiking", "Onderzoek", "Praktijkvoorbeeld", "Toolkit"])
        title = f"{opening} {r.choice(TOPICS)}"
        slug = _unique(slugify(title), taken, reserved(settings)["kennisbank"])
        front = {
            "title": title,
            "kind": r.choice(resource_kinds),
            "summary": w.sentence(),
            "url": f"https://kennis.example/{slug}",
            "themes": w.some(themes, 1, 2, _skewed(len(themes))),
            "sectors": w.some(SECTORS, 0, 2, [1, 3, 2, 1.5, 1]),
        }
        yield Page(f"kennisbank/{slug}.md", title, front, w.body(r.randint(1, 3)), [])

    yield Page("index.md", "Ons netwerk", {}, "# Ons netwerk\n\n" + w.body(4), [])

    # Who is who: a steering group of partners and a project group per theme.
    groups: list[dict[str, Any]] = [
        {
            "name": "Regiegroep",
            "task": w.sentence(),
            "members": [
                {"role": "Voorzitter" if number == 0 else "Lid", "partner": partner}
                for number, partner in enumerate(partners[:8])
            ],
        },
        {
            "name": "Projectgroep",
            "description": w.paragraph(3),
            "members": [
                {
                    "role": f"Themacoördinator {theme}",
                    "theme": theme,
                    "sectors": [r.choice(SECTORS)],
                }
                for theme in themes
            ],
        },
    ]
    facts = [f"{group['name']}: {len(group['members'])} leden" for group in groups]
    yield Page(
        ORGANISATION_FILE, "Organisatie", {"intro": w.paragraph(), "groups": groups}, "", facts
    )

    # Newsletter editions, five a year back from the build date, each highlighting an
    # activity after it and a news item before it.
    published_activities.sort()
    published_news.sort()
    for number in range(size.editions):
        day = BUILD_DATE - timedelta(days=73 * number)
        later = [slug for start, slug in published_activities if start > day][:5]
        earlier = [slug for published, slug in published_news if published <= day][-5:]
        highlights = [f"agenda/{r.choice(later)}"] if later else []
        highlights += [f"nieuws/{r.choice(earlier)}"] if earlier else []
        subject = f"Nieuwsbrief {day.isoformat()}"
        front = {
            "date": day.isoformat(),
            "subject": subject,
            "preheader": (w.sentence() + " " + w.sentence())[:140],
            "highlights": highlights,
        }
        yield Page(f"{NEWSLETTERS}/{day.isoformat()}.md", subject, front, w.body(3), [])


def _front_matter(data: dict[str, Any]) -> str:
    # JSON strings are valid YAML double-quoted scalars: safe for every title and summary.
    lines = []
    for key, value in data.items():
        if isinstance(value, bool):
            lines.append(f"{key}: {'true' if value else 'false'}")
        elif isinstance(value, int) or (isinstance(value, str) and key in ("start", "end", "date")):
            lines.append(f"{key}: {value}")
        elif isinstance(value, dict):
            inner = ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items())
            lines.append(f"{key}: {{{inner}}}")
        elif isinstance(value, list):
            lines.append(f"{key}: [{', '.join(json.dumps(v, ensure_ascii=False) for v in value)}]")
        else:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def _repo_config() -> dict[str, Any]:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config: dict[str, Any] = yaml.safe_load(text)
    return config


def _logo(slug: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" role="img">'
        '<rect width="120" height="40" fill="#e5eef7"/>'
        f'<text x="8" y="26">{slug[:14]}</text></svg>\n'
    )


def write_network(root: Path, size: Size, seed: int = 2026) -> int:
    """Write the network project (mkdocs.yml, content/) under root; returns its page count."""
    if root.exists():
        shutil.rmtree(root)
    content = root / "content"
    # Everything that is not a collection (images, stylesheets, organisation) as in the example.
    shutil.copytree(
        REPO / "content",
        content,
        ignore=lambda folder, names: [
            name
            for name in names
            if Path(folder) == REPO / "content" and name in (*SECTIONS, ORGANISATION_FILE)
        ],
    )
    (content / "index.md").unlink(missing_ok=True)
    count = sum(1 for _ in content.rglob("*.md"))
    for page in network_pages(size, seed):
        path = content / page.uri
        if page.uri.startswith(f"{NEWSLETTERS}/"):
            path = root / page.uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if page.uri == ORGANISATION_FILE:
            path.write_text(yaml.safe_dump(page.front_matter, allow_unicode=True), encoding="utf-8")
            count += 1
            continue
        text = page.body if not page.front_matter else _front_matter(page.front_matter) + page.body
        path.write_text(text, encoding="utf-8")
        logo = page.front_matter.get("logo")
        if logo:
            (content / logo).parent.mkdir(parents=True, exist_ok=True)
            (content / logo).write_text(_logo(Path(logo).stem), encoding="utf-8")
        count += 1
    config = _repo_config()
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "netwerk" in plugin:
            options = dict(plugin["netwerk"] or {}, build_date=BUILD_DATE.isoformat())
            options["newsletters_dir"] = NEWSLETTERS
            options["audiences"] = [
                {"slug": slug, "name": slug.upper(), "sectors": sectors}
                for slug, sectors in list(AUDIENCES.items())[: size.audiences]
            ]
            plugin["netwerk"] = options
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return count


SECTIONS = {
    "nieuwsbrief": "Nieuwsbrief",
    "agenda": "Agenda",
    "partners": "Partners",
    "themas": "Thema's",
    "projecten": "Projecten",
    "nieuws": "Nieuws",
    "kennisbank": "Kennisbank",
}


def write_plain(root: Path, size: Size, seed: int = 2026) -> int:
    """Write a plain Material project with a page per content page and a page per section."""
    if root.exists():
        shutil.rmtree(root)
    content = root / "content"
    content.mkdir(parents=True)
    # The example's own plain pages (privacy, accessibility), as in the network project.
    count = 0
    for page in sorted((REPO / "content").glob("*.md")):
        if page.name != "index.md":
            shutil.copy(page, content / page.name)
            count += 1
    listed: dict[str, list[str]] = {folder: [] for folder in SECTIONS}
    for page in network_pages(size, seed):
        uri = page.uri
        if uri.startswith(f"{NEWSLETTERS}/"):
            uri = uri.replace(NEWSLETTERS, "nieuwsbrief", 1)
        path = content / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if page.uri == ORGANISATION_FILE:
            path = content / "organisatie.md"
            people = "".join(
                f"- {member['role']}: {member.get('partner') or member.get('theme')}\n"
                for group in page.front_matter["groups"]
                for member in group["members"]
            )
            text = f"# Organisatie\n\n{page.front_matter['intro']}\n\n{people}"
        elif page.uri == "index.md":
            text = page.body
        else:
            facts = "".join(f"- {fact}\n" for fact in page.facts)
            summary = page.front_matter.get("summary")
            intro = f"{summary}\n\n" if isinstance(summary, str) else ""
            text = f"# {page.title}\n\n{intro}{facts}\n{page.body}"
            folder, name = uri.split("/", 1)
            listed[folder].append(f"- [{page.title}]({name})")
        path.write_text(text, encoding="utf-8")
        count += 1
    for folder, title in SECTIONS.items():
        lines = "\n".join(listed[folder])
        (content / folder).mkdir(exist_ok=True)
        (content / folder / "index.md").write_text(f"# {title}\n\n{lines}\n", encoding="utf-8")
        count += 1

    repo = _repo_config()
    # Pages our plugin generates that the navigation names ("In cijfers"): plain text here.
    for entry in repo.get("nav", []):
        for title, target in entry.items():
            if isinstance(target, str) and not (content / target).exists():
                (content / target).parent.mkdir(parents=True, exist_ok=True)
                text = Writer(len(target)).body(3)
                (content / target).write_text(f"# {title}\n\n{text}", encoding="utf-8")
                count += 1
    theme = {key: value for key, value in repo["theme"].items() if key != "custom_dir"}
    # The site settings a plain Material site of this network would have as well.
    shared = {"site_name", "site_url", "site_description", "copyright", "docs_dir", "nav"}
    shared |= {"markdown_extensions", "validation"}
    config = {key: value for key, value in repo.items() if key in shared}
    config["theme"] = theme
    config["plugins"] = [
        plugin
        for plugin in repo.get("plugins", [])
        if not (plugin == "netwerk" or (isinstance(plugin, dict) and "netwerk" in plugin))
    ]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="folder for network/ and plain/")
    parser.add_argument("--scale", type=int, default=1, help="multiply every count (default 1)")
    arguments = parser.parse_args()
    size = Size().times(arguments.scale)
    pages = write_network(arguments.target / "network", size)
    plain = write_plain(arguments.target / "plain", size)
    print(f"{size}: {pages} content files; plain site: {plain} Markdown pages")


if __name__ == "__main__":
    main()
