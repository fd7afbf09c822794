"""Newsletter editions: read and validate `newsletters/*.md`, select each audience's content.

An edition file holds the date, the subject, intros and highlighted items; the rest of a
newsletter is selected from the network for each audience (a group of sectors): the news of its
sectors since the previous edition, its activities until the horizon, its running projects and
the open calls ("oproep" news) as "nieuwe kansen". Pure Python: no MkDocs imports.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from email.utils import parseaddr
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import Field

from ..core.frontmatter import read_source
from ..core.loader import SLUG, read_file, shown_path, validate_source
from ..core.look import Look
from ..core.models import (
    Activity,
    Codes,
    Context,
    Day,
    Item,
    NewsItem,
    Project,
    Sourced,
    Text,
    list_hint,
)
from ..core.network import Network
from ..core.problems import BODY, FILE, Problem, SettingsError, closest, did_you_mean
from ..core.settings import Settings

# News of this kind is an open call: listed as "nieuwe kansen", not among the news.
CALL_KIND = "oproep"
# A project with this status is no longer running.
DONE_STATUS = "afgerond"
PREHEADER_MIN, PREHEADER_MAX = 40, 150
# Collections whose items an edition may highlight, in the order a bare slug is looked up.
HIGHLIGHT_FOLDERS = ("nieuws", "agenda", "projecten", "kennisbank", "partners", "themas")

# A Markdown link target, `[text](target)` or `<target>`; checked when the edition is read.
_LINK_TARGET = re.compile(
    r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)|<((?:https?|mailto|javascript|data):[^>\s]+)>"
)


@dataclass(frozen=True)
class Audience:
    """A newsletter's readers: one or more sectors, e.g. `vo-ho` for vo, mbo and ho."""

    slug: str
    name: str
    sectors: tuple[str, ...]
    subscribe_url: str | None = None
    list_address: str | None = None
    """The mailing list's address, the `To:` of its emails (`Nieuwsbrief PO <po@lijst.nl>`)."""

    @property
    def to(self) -> str:
        """The `To:` header: the list's address, or no visible recipient (RFC 5322 group)."""
        return self.list_address or "undisclosed-recipients:;"


def audiences_from(raw: Iterable[Any], settings: Settings) -> list[Audience]:
    """Audiences from mkdocs.yml; a SettingsError with a Dutch message for each problem."""
    audiences: list[Audience] = []
    problems: list[str] = []
    seen: set[str] = set()
    for number, entry in enumerate(raw, start=1):
        where = f"audiences: doelgroep {number}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: schrijf slug, name en sectors, zoals {_AUDIENCE_EXAMPLE}")
            continue
        slug, name, sectors = entry.get("slug"), entry.get("name"), entry.get("sectors")
        if not isinstance(slug, str) or not SLUG.match(slug):
            problems.append(
                f"{where}: slug '{slug}' moet uit kleine letters, cijfers en streepjes bestaan, "
                "zoals vo-ho"
            )
            continue
        if slug in seen:
            problems.append(f"{where}: slug '{slug}' komt twee keer voor; kies een andere")
            continue
        seen.add(slug)
        where = f"{where} ({slug})"
        found = len(problems)
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}: name ontbreekt, zoals name: Primair onderwijs")
        if isinstance(sectors, str):
            if "," in sectors:
                problems.append(f"{where}: sectors: {list_hint(sectors)}")
            sectors = [sectors]
        if not isinstance(sectors, list) or not sectors:
            problems.append(f"{where}: sectors ontbreekt, zoals sectors: [po]")
            sectors = []
        for sector in sectors:
            if sector not in settings.sectors and "," not in str(sector):
                problems.append(
                    f"{where}: '{sector}' is geen sector; "
                    f"{did_you_mean(str(sector), settings.sectors)}"
                )
        subscribe = entry.get("subscribe_url")
        if subscribe is not None and not re.match(r"^(https://|mailto:)\S+$", str(subscribe)):
            problems.append(
                f"{where}: subscribe_url '{subscribe}' moet beginnen met https:// of mailto:"
            )
        list_address = entry.get("list_address")
        if list_address is not None and not _ADDRESS.match(str(list_address)):
            problems.append(
                f"{where}: list_address '{list_address}' is geen e-mailadres; schrijf het adres "
                "van de verzendlijst, zoals list_address: Nieuwsbrief PO <po@lijst.example.nl>"
            )
        if len(problems) > found:
            continue
        assert isinstance(name, str)
        audiences.append(
            Audience(
                slug=slug,
                name=name.strip(),
                sectors=tuple(dict.fromkeys(str(s) for s in sectors)),
                subscribe_url=str(subscribe) if subscribe else None,
                list_address=str(list_address).strip() if list_address else None,
            )
        )
    if problems:
        raise SettingsError(problems)
    return audiences


_AUDIENCE_EXAMPLE = "{slug: po, name: Primair onderwijs, sectors: [po]}"
# `naam@domein` or `Naam <naam@domein>`, as newsletter_from.
_ADDRESS = re.compile(r"^[^<>]*<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$")


class Edition(Sourced):
    """One edition (`newsletters/2026-03.md`): its body is the intro shared by all audiences."""

    date: Day = Field(description="Verzenddatum", examples=["2026-03-02"])
    subject: Text = Field(
        description="Onderwerpregel van de e-mail", examples=["Nieuwsbrief maart 2026"]
    )
    preheader: Text | None = Field(
        None,
        description="Voorvertoning in de inbox, 40 tot 150 tekens",
        examples=["Conferentie Talent floreert, nieuwe projecten en een oproep voor scholen."],
    )
    audiences: Codes = Field(
        default_factory=list,
        description="Doelgroepen die deze editie krijgen; leeg: alle",
        examples=[["po", "vo-ho"]],
    )
    intros: dict[str, Text] = Field(
        default_factory=dict,
        description="Eigen inleiding per doelgroep, in plaats van de tekst onder de front matter",
    )
    highlights: Codes = Field(
        default_factory=list,
        description="Uitgelichte items, zoals agenda/conferentie of nieuws/oproep",
        examples=[["agenda/conferentie-talent-floreert-2026"]],
    )
    draft: bool = Field(False, description="true houdt de editie buiten de site en de feeds")

    @property
    def body(self) -> str:
        return self._body.strip()

    def intro(self, audience: Audience) -> str:
        """The Markdown intro for this audience: its own, or the shared one."""
        return self.intros.get(audience.slug, self.body)

    def for_audience(self, audience: Audience) -> bool:
        return not self.audiences or audience.slug in self.audiences


def load_editions(
    folder: Path,
    settings: Settings,
    audiences: Sequence[Audience],
    network: Network | None,
    *,
    content_dir: Path,
    root: Path,
) -> tuple[list[Edition], list[Problem]]:
    """Read and check every edition in folder, oldest first; drafts are left out.

    Highlights are checked against the published network, or (when the content itself has
    problems and there is no network) against the files in content_dir.
    """
    problems: list[Problem] = []
    if not folder.is_dir():
        return [], problems

    known = {audience.slug for audience in audiences}
    context = Context(settings=settings)
    editions: list[Edition] = []
    for path in sorted(folder.glob("*.md")):
        if path.stem.casefold() == "readme":
            continue  # an explanation for editors, not an edition
        shown = shown_path(path, root)
        if not SLUG.match(path.stem):
            problems.append(
                Problem(
                    shown,
                    1,
                    FILE,
                    f"'{path.name}' is geen geldige bestandsnaam; gebruik kleine letters, cijfers "
                    "en streepjes, zoals 2026-03.md",
                )
            )
            continue
        raw = read_file(path, shown, problems)
        if raw is None:
            continue
        source = read_source(shown, raw)
        edition = validate_source(Edition, source, context, problems)
        if edition is None:
            continue
        edition.from_file(path.stem, shown, source.body)
        found = [
            Problem(shown, source.line_of(location), _name(location), message)
            for location, message in _checks(edition, known, network, content_dir)
        ]
        # A link in the text below the front matter, on its own line of the file.
        found += [
            Problem(shown, source.body_line + offset, BODY, message)
            for offset, message in _link_problems(source.body)
        ]
        problems.extend(found)
        if not found and not audiences:
            problems.append(
                Problem(
                    shown,
                    1,
                    FILE,
                    "er zijn geen doelgroepen; zet onder netwerk: in mkdocs.yml een lijst "
                    f"audiences, zoals audiences: [{_AUDIENCE_EXAMPLE}]",
                )
            )
        if not found and not edition.draft:
            editions.append(edition)
    editions.sort(key=lambda edition: (edition.date, edition.slug))
    return editions, problems


def _checks(
    edition: Edition, known: set[str], network: Network | None, content_dir: Path
) -> Iterable[tuple[tuple[str | int, ...], str]]:
    if edition.preheader is not None and not (
        PREHEADER_MIN <= len(edition.preheader) <= PREHEADER_MAX
    ):
        yield (
            ("preheader",),
            f"is {len(edition.preheader)} tekens lang; schrijf er {PREHEADER_MIN} tot "
            f"{PREHEADER_MAX}, anders vult of knipt het e-mailprogramma de voorvertoning",
        )
    for index, slug in enumerate(edition.audiences):
        if slug not in known:
            yield ("audiences", index), f"'{slug}' is geen doelgroep; {did_you_mean(slug, known)}"
    for slug in edition.intros:
        if slug not in known:
            yield ("intros", slug), f"'{slug}' is geen doelgroep; {did_you_mean(slug, known)}"
    for slug, text in edition.intros.items():
        for _, message in _link_problems(text):
            yield ("intros", slug), message
    for index, reference in enumerate(edition.highlights):
        problem = _highlight_problem(reference, network, content_dir)
        if problem:
            yield ("highlights", index), problem


def _name(location: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in location if isinstance(part, str))


def _link_problems(markdown: str) -> Iterable[tuple[int, str]]:
    """Links that cannot go in an email: (line within the markdown, from 0; message)."""
    for match in _LINK_TARGET.finditer(markdown):
        target = match.group(1) or match.group(2)
        scheme = target.split(":", 1)[0].lower() if ":" in target else ""
        if scheme and scheme not in ("http", "https", "mailto"):
            yield (
                markdown.count("\n", 0, match.start(1) if match.group(1) else match.start(2)),
                (
                    f"de link '{target}' kan niet in een e-mail; gebruik een webadres dat begint "
                    "met https:// of mailto:, of een pad op de site zoals agenda/"
                ),
            )


def _highlight_problem(reference: str, network: Network | None, content_dir: Path) -> str | None:
    folder, _, slug = reference.rpartition("/")
    folders = (folder,) if folder else HIGHLIGHT_FOLDERS
    if folder and folder not in HIGHLIGHT_FOLDERS:
        return (
            f"'{reference}': '{folder}' is geen map met items; "
            f"{did_you_mean(folder, HIGHLIGHT_FOLDERS)}"
        )
    if network is None:
        exists = any((content_dir / name / f"{slug}.md").is_file() for name in folders)
        return None if exists else f"'{reference}' bestaat niet; schrijf map/naam, zoals agenda/x"
    matches = [name for name in folders if slug in _collection(network, name)]
    if len(matches) > 1:
        options = " of ".join(f"{name}/{slug}" for name in matches)
        return f"'{reference}' bestaat in meer dan één map; schrijf {options}"
    if matches:
        return None
    drafts = [name for name in folders if (content_dir / name / f"{slug}.md").is_file()]
    if drafts:
        return f"'{reference}' is een concept (draft: true) en komt niet in de nieuwsbrief"
    if not folder and slug in HIGHLIGHT_FOLDERS:
        return (
            f"'{reference}' is een map; schrijf {slug}/ met de bestandsnaam van het item erachter"
        )
    # Names are compared within the folder: `nieuws/` in front would make any news look close.
    folder_of = {other: name for name in reversed(folders) for other in _collection(network, name)}
    match = closest(slug, sorted(folder_of))
    if match is not None:
        return f"'{reference}' is geen gepubliceerd item; bedoelde je '{folder_of[match]}/{match}'?"
    if folder:
        return (
            f"'{reference}' is geen gepubliceerd item (er is geen content/{folder}/{slug}.md); "
            f"kijk in content/{folder}/ hoe het bestand heet"
        )
    return f"'{reference}' is geen gepubliceerd item; schrijf map/naam, zoals agenda/x"


def _collection(network: Network, folder: str) -> dict[str, Any]:
    collections: dict[str, dict[str, Any]] = {
        "nieuws": network.news,
        "agenda": network.activities,
        "projecten": network.projects,
        "kennisbank": network.resources,
        "partners": network.partners,
        "themas": network.themes,
    }
    return collections[folder]


def resolve(network: Network, reference: str) -> Item:
    """The item a (checked) highlight reference points to."""
    folder, _, slug = reference.rpartition("/")
    for name in (folder,) if folder else HIGHLIGHT_FOLDERS:
        item = _collection(network, name).get(slug)
        if item is not None:
            found: Item = item
            return found
    raise KeyError(reference)


# --- Selection -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Newsletter:
    """One edition for one audience, with everything selected for it."""

    edition: Edition
    audience: Audience
    previous: Edition | None
    since: date
    until: date
    highlights: list[Item] = field(default_factory=list)
    news: list[NewsItem] = field(default_factory=list)
    calls: list[NewsItem] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The web version, relative to the site root."""
        return f"nieuwsbrief/{self.audience.slug}/{self.edition.slug}/"

    @property
    def intro(self) -> str:
        return self.edition.intro(self.audience)

    @property
    def has_news(self) -> bool:
        return bool(self.highlights or self.news or self.calls or self.activities)


def select(
    network: Network,
    editions: Sequence[Edition],
    audiences: Sequence[Audience],
    *,
    horizon_days: int,
) -> list[Newsletter]:
    """Every audience's newsletters, per audience oldest first.

    News counts from the day after the previous edition up to the edition's date (the first
    edition looks back horizon_days); activities run from the edition's date to horizon_days
    after it. The edition's date, not the build date, decides: an archived newsletter keeps
    showing what it showed when it was sent.
    """
    letters: list[Newsletter] = []
    horizon = timedelta(days=horizon_days)
    for audience in audiences:
        # Each audience's items sorted once; an edition takes its period by bisection.
        news_of_audience = sorted(
            _of_sectors(network.news_by_sector, audience.sectors),
            key=lambda item: (item.date, item.slug),
        )
        news_days = [item.date for item in news_of_audience]
        activities_of_audience = sorted(
            _of_sectors(network.activities_by_sector, audience.sectors),
            key=lambda activity: (activity.first_day, activity.slug),
        )
        starts = [activity.first_day for activity in activities_of_audience]
        longest = max(
            (
                activity.last_day - start
                for activity, start in zip(activities_of_audience, starts, strict=True)
            ),
            default=timedelta(0),
        )
        projects_of_audience = sorted(
            _of_sectors(network.projects_by_sector, audience.sectors),
            key=lambda project: (project.code or "~", project.title),
        )
        previous: Edition | None = None
        for edition in editions:
            if not edition.for_audience(audience):
                continue
            day = edition.date
            since = previous.date + timedelta(days=1) if previous else day - horizon
            until = day + horizon
            highlights = [resolve(network, reference) for reference in edition.highlights]
            shown = {(item.folder, item.slug) for item in highlights}
            in_period = news_of_audience[
                bisect_left(news_days, since) : bisect_right(news_days, day)
            ]
            news = [item for item in reversed(in_period) if ("nieuws", item.slug) not in shown]
            # Activities still running on the day began at most `longest` before it.
            candidates = activities_of_audience[
                bisect_left(starts, day - longest) : bisect_right(starts, until)
            ]
            activities = [
                activity
                for activity in candidates
                if activity.last_day >= day and ("agenda", activity.slug) not in shown
            ]
            projects = [
                project
                for project in projects_of_audience
                if project.status != DONE_STATUS
                and (project.start is None or project.start <= day)
                and (project.end is None or project.end >= day)
                and ("projecten", project.slug) not in shown
            ]
            letters.append(
                Newsletter(
                    edition=edition,
                    audience=audience,
                    previous=previous,
                    since=since,
                    until=until,
                    highlights=highlights,
                    news=[item for item in news if item.kind != CALL_KIND],
                    calls=[item for item in news if item.kind == CALL_KIND],
                    activities=activities,
                    projects=projects,
                )
            )
            previous = edition
    return letters


def _of_sectors(index: dict[str, list[Any]], sectors: Iterable[str]) -> list[Any]:
    """The items of any of these sectors, each once."""
    found: dict[str, Any] = {}
    for sector in sectors:
        for item in index.get(sector, []):
            found.setdefault(item.slug, item)
    return list(found.values())


# --- Mailing settings (mkdocs.yml) ---------------------------------------------------------


@dataclass(frozen=True)
class Mailing:
    """What every newsletter email of a site shares (from mkdocs.yml)."""

    site_url: str
    site_name: str
    sender: str
    unsubscribe_url: str
    unsubscribe_mailto: str | None = None
    utm: bool = False
    look: Look = field(default_factory=Look)
    """The network's logo and colours (theme in mkdocs.yml)."""

    @property
    def host(self) -> str:
        return urlsplit(self.site_url).hostname or "localhost"

    def placeholders(self) -> list[str]:
        """The settings that still hold an example address (as `netwerk begin` writes them)."""
        values = {
            "site_url": urlsplit(self.site_url).hostname or "",
            "newsletter_from": parseaddr(self.sender)[1].rpartition("@")[2],
            "newsletter_unsubscribe_url": urlsplit(self.unsubscribe_url).hostname or "",
        }
        return [name for name, host in values.items() if is_example_host(host)]


# Domains that can never receive mail or serve a site (RFC 2606): placeholders.
_EXAMPLE_DOMAINS = ("example", "example.org", "example.com", "example.net", "invalid", "test")


def is_example_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith(f".{domain}") for domain in _EXAMPLE_DOMAINS)


def mailing_from(
    *,
    site_url: str | None,
    site_name: str,
    sender: str | None,
    unsubscribe_url: str | None,
    unsubscribe_mailto: str | None,
    utm: bool,
) -> Mailing:
    """The mailing settings from mkdocs.yml; a SettingsError with a Dutch message for each
    problem when incomplete."""
    problems: list[str] = []
    if not site_url or not re.match(r"^https?://", site_url):
        problems.append(
            "site_url: ontbreekt; nieuwsbrieven en feeds hebben het webadres van de site nodig, "
            "zoals site_url: https://www.example.nl/"
        )
    if not sender or not re.match(r"^[^<>]*<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$", sender):
        problems.append(
            f"netwerk: newsletter_from: '{sender or ''}' is geen afzender; schrijf naam en "
            "e-mailadres, zoals newsletter_from: De Leidse Aanpak <nieuwsbrief@example.nl>"
        )
    if not unsubscribe_url or not re.match(r"^https://\S+$", unsubscribe_url):
        problems.append(
            f"netwerk: newsletter_unsubscribe_url: '{unsubscribe_url or ''}' is geen https-adres; "
            "geef de afmeldpagina van je mailprogramma, zoals "
            "https://www.example.nl/afmelden?lijst={audience}"
        )
    if unsubscribe_mailto is not None and not re.match(r"^mailto:[^@\s]+@\S+$", unsubscribe_mailto):
        problems.append(
            f"netwerk: newsletter_unsubscribe_mailto: '{unsubscribe_mailto}' is geen mailto-adres; "
            "schrijf bijvoorbeeld mailto:afmelden@example.nl?subject=afmelden%20{audience}"
        )
    if problems:
        raise SettingsError(problems)
    assert site_url and sender and unsubscribe_url
    return Mailing(
        site_url=site_url,
        site_name=site_name,
        sender=sender,
        unsubscribe_url=unsubscribe_url,
        unsubscribe_mailto=unsubscribe_mailto,
        utm=utm,
    )
