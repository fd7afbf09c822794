"""A year report per school year, `/in-cijfers/<schooljaar>/`, printable on A4.

What the network recorded for one school year (1 August to 31 July): partners at its start and
end, participants per sector, the programme per sector, the newsletters sent and their reach,
new projects, the year's news and the yearly figures of `cijfers.yml`. A school year that is
still running is counted up to the build date and says so. Nothing is estimated: what was not
recorded is missing, or `–` in a table. Every table is also a CSV file beside the page.

Pure functions of the network and the editions: no MkDocs here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..agenda.pages import PROGRAMME, SchoolYear, by_school_year
from ..core import dates
from ..core.audiences import Audience
from ..core.editions import Edition
from ..core.figures import Period
from ..core.models import Activity
from ..core.network import Network
from ..core.pages import GeneratedPage, PageView
from .tables import (
    FOLDER,
    NOT_PER_SECTOR,
    Cell,
    Table,
    participants_of,
    participation,
    reach,
    sent,
    total_of,
)


@dataclass(frozen=True)
class Section:
    """A part of the report: a heading, sentences, and tables (each also a CSV file)."""

    slug: str
    title: str
    lines: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass(frozen=True)
class YearReport:
    year: SchoolYear
    today: date
    sections: list[Section]

    @property
    def ongoing(self) -> bool:
        return self.today <= self.year.last_day

    @property
    def until(self) -> date:
        """The last day counted: the end of the school year, or the build date."""
        return min(self.year.last_day, self.today)

    @property
    def folder(self) -> str:
        return f"{FOLDER}/{self.year.slug}"

    @property
    def url(self) -> str:
        return f"{self.folder}/"

    @property
    def title(self) -> str:
        return f"Jaarverslag schooljaar {self.year.label}"

    @property
    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]

    def csv_path(self, table: Table) -> str:
        return f"{self.folder}/{table.csv_name}"


@dataclass(frozen=True)
class ReportView(PageView):
    """netwerk/in-cijfers-jaar.html: the report, and the address of its school year's
    programme in the agenda (None without activities)."""

    report: YearReport
    programme: str | None


def years(network: Network, editions: Iterable[Edition]) -> list[SchoolYear]:
    """The school years with activities, sent editions or news, up to the current one."""
    today = network.today
    found = {SchoolYear.of(activity.starts) for activity in network.activities.values()}
    found |= {SchoolYear.of(edition.date) for edition in sent(editions, today)}
    found |= {SchoolYear.of(item.date) for item in network.news.values()}
    return sorted(year for year in found if year.first_day <= today)


def reports(
    network: Network, editions: Sequence[Edition], audiences: Sequence[Audience]
) -> list[YearReport]:
    """A report per school year, the most recent first."""
    return [
        year_report(network, editions, audiences, year)
        for year in reversed(years(network, editions))
    ]


def year_report(
    network: Network,
    editions: Sequence[Edition],
    audiences: Sequence[Audience],
    year: SchoolYear,
) -> YearReport:
    today = network.today
    until = min(year.last_day, today)
    return YearReport(
        year,
        today,
        [
            _partners(network, year, until),
            _participation(network, year),
            _programme(network, year),
            # A section about what the network has: no newsletters, projects or news, no
            # section saying there were none.
            *([_newsletters(editions, audiences, year, until)] if audiences else []),
            *([_projects(network, year, until)] if network.projects else []),
            *([_news(network, year, until)] if network.news else []),
            _figures(network, year, until),
        ],
    )


def page(report: YearReport) -> GeneratedPage:
    label = report.year.label
    # The agenda has a programme page for every school year with activities.
    planned = any(section.slug == "programma" and section.tables for section in report.sections)
    programme = f"agenda/{PROGRAMME}/{report.year.slug}/" if planned else None
    titles = [section.title[:1].lower() + section.title[1:] for section in report.sections]
    return GeneratedPage(
        uri=f"{report.folder}.md",
        title=report.title,
        template="netwerk/in-cijfers-jaar.html",
        description=f"Wat het netwerk in schooljaar {label} deed en noteerde: "
        f"{', '.join(titles[:-1])} en {titles[-1]}.",
        view=ReportView(report, programme),
        files={report.csv_path(table): table.csv() for table in report.tables},
    )


# --- Sections --------------------------------------------------------------------------------


def _count(number: int, one: str, more: str) -> str:
    """`1 partner`, `3 partners`: callers tell none in words ("nog geen partners")."""
    return f"{number} {one if number == 1 else more}"


def _per_sector(network: Network, title: str) -> str:
    """`Deelnemers per werkveld`; in a network of one sector just `Deelnemers`."""
    return title if network.settings.one_sector else f"{title} per werkveld"


def _day(day: date) -> str:
    return dates.long_date(day).split(" ", 1)[1]  # `1 augustus 2025`, without the weekday


def _partners(network: Network, year: SchoolYear, until: date) -> Section:
    dated = [partner for partner in network.partners.values() if partner.member_since]
    start = year.first_day - timedelta(days=1)  # partners on the school year's first morning

    def members(on: date, sector: str | None = None) -> int:
        return sum(
            1
            for partner in dated
            if partner.member_since is not None
            and partner.member_since <= on
            and (sector is None or sector in partner.sectors)
        )

    rows: list[list[Cell]] = [
        [label, members(start, sector), members(until, sector)]
        for sector, label in network.settings.sectors.items()
    ]
    rows.append(["Alle partners", members(start), members(until)])
    at_start = (
        _count(members(start), "partner", "partners") if members(start) else "nog geen partners"
    )
    lines = [
        f"Bij het begin van het schooljaar ({_day(year.first_day)}) had het netwerk "
        f"{at_start}; op {_day(until)} waren het er "
        f"{members(until) or 'nog geen'}."
        + (
            ""
            if network.settings.one_sector
            else " Een partner in meer werkvelden telt bij elk werkveld mee, en in de laatste "
            "rij één keer."
        )
    ]
    if network.settings.one_sector:
        rows = rows[-1:]
    unknown = len(network.partners) - len(dated)
    if unknown:
        lines.append(
            f"Van {unknown} {'partner' if unknown == 1 else 'partners'} is niet bekend sinds "
            "wanneer ze partner zijn; ze tellen hier niet mee."
        )
    lines.append(
        "Partners die het netwerk verlieten staan niet meer op de site en tellen niet mee."
    )
    joined = [
        partner
        for partner in dated
        if partner.member_since is not None and year.first_day <= partner.member_since <= until
    ]
    tables = [
        Table(
            "partners",
            _per_sector(network, "Partners"),
            [
                "Partners" if network.settings.one_sector else "Werkveld",
                f"Bij het begin ({_day(year.first_day)})",
                f"Op {_day(until)}",
            ],
            rows,
        )
    ]
    if joined:
        sectors = network.settings.sectors
        tables.append(
            Table(
                "nieuwe-partners",
                "Nieuwe partners",
                ["Partner", "Partner sinds", "Werkvelden"],
                [
                    [
                        partner.name,
                        partner.member_since,
                        ", ".join(sectors.get(s, s) for s in partner.sectors),
                    ]
                    for partner in sorted(joined, key=lambda p: (p.member_since, p.name))
                ],
            )
        )
    return Section("partners", "Partners", lines, tables)


def _held(network: Network, year: SchoolYear) -> list[Activity]:
    """The school year's activities that took place, or began, by the build date."""
    return [
        activity
        for activity in by_school_year(network.activities.values()).get(year, [])
        if not network.cancelled(activity) and activity.first_day <= network.today
    ]


def _participation(network: Network, year: SchoolYear) -> Section:
    recorded = participation(network).get(year)
    held = _held(network, year)
    title = _per_sector(network, "Deelnemers")
    if recorded is None:
        return Section(
            "deelnemers",
            title,
            [
                f"Voor de activiteiten van dit schooljaar zijn geen deelnemers genoteerd "
                f"({_count(len(held), 'activiteit', 'activiteiten')} gehouden)."
                if held
                else "Dit schooljaar is er nog geen activiteit gehouden."
            ],
        )
    counted = recorded.counted
    rows: list[list[Cell]] = [
        [
            label,
            recorded.by_sector.get(sector),
            sum(1 for activity in counted if participants_of(activity, sector) is not None) or None,
        ]
        for sector, label in network.settings.sectors.items()
    ]
    if recorded.not_per_sector:
        rows.append(
            [
                NOT_PER_SECTOR,
                recorded.not_per_sector,
                sum(
                    1
                    for activity in counted
                    if isinstance(activity.participants, int) and len(set(activity.sectors)) > 1
                ),
            ]
        )
    rows.append(["Alle werkvelden", recorded.total, len(counted)])
    if network.settings.one_sector:
        rows = [["Alle activiteiten", recorded.total, len(counted)]]
    at = (
        "de activiteit die dit schooljaar gehouden is"
        if len(held) == 1
        else f"{len(counted)} van de {len(held)} activiteiten die dit schooljaar gehouden zijn"
    )
    lines = [
        f"{_count(recorded.total, 'deelnemer', 'deelnemers')}, genoteerd bij {at}. Activiteiten "
        "zonder genoteerd aantal tellen niet mee; – betekent: niets genoteerd."
    ]
    return Section(
        "deelnemers",
        title,
        lines,
        [
            Table(
                "deelnemers",
                title,
                [
                    "Activiteiten" if network.settings.one_sector else "Werkveld",
                    "Deelnemers",
                    "Activiteiten met een aantal",
                ],
                rows,
            )
        ],
    )


def _programme(network: Network, year: SchoolYear) -> Section:
    activities = by_school_year(network.activities.values()).get(year, [])
    statuses = network.settings.activity_statuses
    tables = []
    for sector, label in network.settings.sectors.items():
        mine = [activity for activity in activities if sector in activity.sectors]
        if not mine:
            continue
        rows: list[list[Cell]] = [
            [
                activity.title,
                activity.first_day,
                _state(activity, network, statuses),
                participants_of(activity, sector),
                total_of(activity),
            ]
            for activity in mine
        ]
        tables.append(
            Table(
                f"programma-{sector}",
                "Programma"
                if network.settings.one_sector
                else f"Programma {label[:1].lower()}{label[1:]}",
                [
                    "Activiteit",
                    "Datum",
                    "Stand",
                    "Deelnemers uit dit werkveld",
                    "Deelnemers in totaal",
                ]
                if not network.settings.one_sector
                else ["Activiteit", "Datum", "Stand", "Deelnemers"],
                [[*row[:3], row[4]] for row in rows] if network.settings.one_sector else rows,
            )
        )
    if not tables:
        lines = ["Dit schooljaar staan er geen activiteiten in de agenda."]
    elif network.settings.one_sector:
        lines = ["Alle activiteiten van het schooljaar."]
    else:
        lines = [
            "Alle activiteiten van het schooljaar, per werkveld; een activiteit voor meer "
            "werkvelden staat bij elk werkveld."
        ]
    return Section("programma", _per_sector(network, "Programma"), lines, tables)


def _state(activity: Activity, network: Network, statuses: dict[str, str]) -> str:
    if network.cancelled(activity):
        return statuses.get(activity.status, "Geannuleerd")
    if activity.last_day < network.today:
        return "Geweest"
    if activity.first_day <= network.today:
        return "Bezig"
    return statuses.get(activity.status, activity.status)


def _newsletters(
    editions: Sequence[Edition], audiences: Sequence[Audience], year: SchoolYear, until: date
) -> Section:
    letters = [
        letter
        for letter in reach(editions, audiences, until)
        if year.first_day <= letter.edition.date <= until
    ]
    title = "Nieuwsbrieven en hun bereik"
    if not letters:
        return Section("nieuwsbrieven", title, ["Dit schooljaar is er geen nieuwsbrief verstuurd."])
    count = len({letter.edition.slug for letter in letters})
    measured = sum(1 for letter in letters if letter.result is not None)
    lines = [
        f"{_count(count, 'editie', 'edities')} verstuurd, in "
        f"{_count(len(letters), 'nieuwsbrief', 'nieuwsbrieven')} (een per doelgroep). "
        + (
            f"Van {measured} daarvan zijn de cijfers van het mailprogramma genoteerd: "
            "ontvangers, en welk deel van hen de nieuwsbrief opende en op een link klikte. "
            "– betekent: niets genoteerd."
            if measured
            else "De cijfers van het mailprogramma (ontvangers, geopend, doorgeklikt) zijn "
            "nog niet genoteerd."
        )
    ]
    rows: list[list[Cell]] = []
    for letter in letters:
        result = letter.result
        rows.append(
            [
                letter.edition.subject,
                letter.edition.date,
                letter.audience.name,
                result.recipients if result else None,
                result.open_rate if result else None,
                result.click_rate if result else None,
            ]
        )
    return Section(
        "nieuwsbrieven",
        title,
        lines,
        [
            Table(
                "nieuwsbrieven",
                title,
                ["Editie", "Verstuurd", "Doelgroep", "Ontvangers", "Geopend", "Doorgeklikt"],
                rows,
                units={4: "%", 5: "%"},
            )
        ],
    )


def _projects(network: Network, year: SchoolYear, until: date) -> Section:
    started = [
        project
        for project in network.projects.values()
        if project.start is not None and year.first_day <= project.start <= until
    ]
    started.sort(key=lambda project: (project.start or year.first_day, project.title))
    title = "Nieuwe projecten"
    lines = [
        f"{len(started)} {'project' if len(started) == 1 else 'projecten'} begonnen dit "
        "schooljaar (naar hun startdatum)."
        if started
        else "Dit schooljaar is er geen project begonnen (naar de startdatum van de projecten)."
    ]
    undated = sum(1 for project in network.projects.values() if project.start is None)
    if undated:
        lines.append(f"Van {_count(undated, 'project', 'projecten')} is de startdatum niet bekend.")
    if not started:
        return Section("projecten", title, lines)
    statuses = network.settings.project_statuses
    rows: list[list[Cell]] = [
        [
            project.title,
            network.themes[project.theme].title if project.theme in network.themes else None,
            project.start,
            statuses.get(project.status, project.status),
        ]
        for project in started
    ]
    return Section(
        "projecten",
        title,
        lines,
        [Table("nieuwe-projecten", title, ["Project", "Thema", "Start", "Stand nu"], rows)],
    )


def _news(network: Network, year: SchoolYear, until: date) -> Section:
    news = [item for item in network.news.values() if year.first_day <= item.date <= until]
    kinds = network.settings.news_kinds
    counts = Counter(item.kind for item in news)
    title = "Nieuws"
    lines = [
        f"{_count(len(news), 'nieuwsbericht', 'nieuwsberichten')} op de site dit schooljaar."
        if news
        else "Dit schooljaar is er geen nieuws op de site gezet."
    ]
    if not news:
        return Section("nieuws", title, lines)
    rows: list[list[Cell]] = [
        [label, counts[kind]] for kind, label in kinds.items() if counts[kind]
    ]
    rows.append(["Alle berichten", len(news)])
    return Section(
        "nieuws",
        title,
        lines,
        [Table("nieuws", "Nieuwsberichten per soort", ["Soort", "Berichten"], rows)],
    )


def _figures(network: Network, year: SchoolYear, until: date) -> Section:
    """The yearly figures of cijfers.yml for this school year, or for the calendar years it
    spans (as far as they have begun)."""
    periods = {Period(year.start_year, school=True)}
    periods |= {Period(y) for y in (year.start_year, year.start_year + 1) if y <= until.year}
    named = [("Abonnees op de nieuwsbrief", network.figures.subscribers)]
    named += [
        (f"Volgers op {channel}", series) for channel, series in network.figures.followers.items()
    ]
    rows: list[list[Cell]] = [
        [name, key, count]
        for name, series in named
        for key, count in series.items()
        if Period.of(key) in periods
    ]
    title = "Abonnees en volgers"
    if not rows:
        return Section(
            "jaarcijfers", title, ["Voor dit schooljaar zijn geen abonnees of volgers genoteerd."]
        )
    return Section(
        "jaarcijfers",
        title,
        ["Zoals het netwerk ze noteerde, per schooljaar of per kalenderjaar."],
        [Table("jaarcijfers", title, ["Cijfer", "Jaar", "Aantal"], rows)],
    )
