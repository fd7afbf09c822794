"""The network in numbers: what it recorded, per school year, as charts, tables and CSV files.

Counts come from the content (partners, projects), from what editors recorded afterwards
(participants of activities, the mail program's results of each edition) and from
`content/cijfers.yml` (subscribers, followers). Only recorded figures appear: a value nobody
recorded is `–` (None), never an estimate, and a chart without any data is left out.

Every table can be downloaded as CSV, written beside its page: UTF-8 with a byte order mark,
`;` between fields and a header row. Excel in a Dutch locale opens such a file with a double
click in the right columns (its list separator is `;`) and with é and ë intact: without the
byte order mark it would read the file as Windows-1252. LibreOffice and Python's csv module
(encoding `utf-8-sig`) read it as well. Numbers have a decimal comma and no thousands separator.
A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) starts with `'`.

Pure functions of the network and the editions: no MkDocs here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..agenda.pages import SchoolYear
from ..core import dates
from ..core.audiences import Audience
from ..core.editions import Edition
from ..core.figures import Period
from ..core.models import Activity
from ..core.network import Network
from ..core.results import Result
from ..core.sanitize import SpreadsheetCell, spreadsheet_csv
from . import charts
from .charts import Chart

FOLDER = "in-cijfers"
PAGE = f"{FOLDER}.md"
NOT_PER_SECTOR = "Niet per werkveld genoteerd"

Cell = SpreadsheetCell


# --- Tables and CSV ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A table of a page: a header row, then rows whose first cell names the row."""

    slug: str
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    units: dict[int, str] = field(default_factory=dict)
    """Per column, `%` for percentages."""

    def cell(self, column: int, value: Cell) -> str:
        """A value as the page shows it: `1.234`, `38,4%`, `16 mrt 2026`, `–` for none."""
        if value is None:
            return charts.NOT_RECORDED
        if isinstance(value, date):
            return dates.short_date(value)
        if isinstance(value, int | float):
            return charts.number(value) + self.units.get(column, "")
        return value

    def numeric(self, column: int) -> bool:
        return any(isinstance(row[column], int | float) for row in self.rows)

    def css(self, column: int, value: Cell) -> str:
        """The class of a data cell: text left, numbers right, dates kept on one line."""
        if isinstance(value, date):
            return "netwerk-text netwerk-date"
        return "" if self.numeric(column) else "netwerk-text"

    @property
    def csv_name(self) -> str:
        return f"{self.slug}.csv"

    def csv(self) -> bytes:
        """The table as a CSV file for Dutch spreadsheets (see the module's docstring)."""
        header = [
            f"{name} ({self.units[i]})" if i in self.units else name
            for i, name in enumerate(self.columns)
        ]
        return spreadsheet_csv([header, *self.rows])


def table_of(chart: Chart) -> Table:
    """A chart's numbers as a table (the one the page shows under the chart)."""
    units = {i + 1: chart.unit for i in range(len(chart.series))} if chart.unit else {}
    return Table(
        slug=chart.slug,
        title=chart.title,
        columns=[chart.category_header, *chart.series],
        rows=[[category, *values] for category, values in chart.rows],
        units=units,
    )


# --- Participation -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Participation:
    """The participants recorded on a school year's activities."""

    by_sector: dict[str, int]
    """Per sector: counts given per sector, and totals of activities for one sector."""
    not_per_sector: int
    """Totals of activities for more than one sector, which cannot be split."""
    counted: list[Activity]
    """The activities with a recorded number."""

    @property
    def total(self) -> int:
        return sum(self.by_sector.values()) + self.not_per_sector


def participants_of(activity: Activity, sector: str) -> int | None:
    """The participants an activity recorded for one sector; None if not recorded so."""
    participants = activity.participants
    if isinstance(participants, dict):
        return participants.get(sector)
    if participants is not None and list(dict.fromkeys(activity.sectors)) == [sector]:
        return participants
    return None


def total_of(activity: Activity) -> int | None:
    participants = activity.participants
    if isinstance(participants, dict):
        return sum(participants.values())
    return participants


def participation(network: Network) -> dict[SchoolYear, Participation]:
    """Per school year (in order) with any recorded participants."""
    years: dict[SchoolYear, list[Activity]] = {}
    for activity in network.activities.values():
        if activity.participants is not None:
            years.setdefault(SchoolYear.of(activity.starts), []).append(activity)
    result = {}
    for year, activities in sorted(years.items()):
        by_sector: Counter[str] = Counter()
        not_per_sector = 0
        for activity in activities:
            participants = activity.participants
            if isinstance(participants, dict):
                by_sector.update(participants)
            elif len(set(activity.sectors)) == 1:
                by_sector[activity.sectors[0]] += participants or 0
            else:
                not_per_sector += participants or 0
        result[year] = Participation(dict(by_sector), not_per_sector, activities)
    return result


def participants_chart(network: Network) -> Chart:
    years = participation(network)
    sectors = network.settings.sectors
    if network.settings.one_sector:
        return Chart(
            slug="deelnemers-per-schooljaar",
            title="Deelnemers per schooljaar",
            summary=(
                "Hoeveel deelnemers de activiteiten van elk schooljaar hadden, zoals het netwerk "
                "ze na afloop noteerde."
            ),
            category_header="Schooljaar",
            categories=[year.slug for year in years],
            series=["Deelnemers"],
            values=[[years[year].total] for year in years],
        )
    rows: list[list[float | None]] = [
        [years[year].by_sector.get(sector) for year in years] for sector in sectors
    ]
    categories = list(sectors.values())
    if any(recorded.not_per_sector for recorded in years.values()):
        categories.append(NOT_PER_SECTOR)
        rows.append([years[year].not_per_sector or None for year in years])
    return Chart(
        slug="deelnemers-per-werkveld-per-schooljaar",
        title="Deelnemers per werkveld per schooljaar",
        summary=(
            "Hoeveel deelnemers de activiteiten van elk schooljaar hadden, zoals het netwerk ze "
            "na afloop noteerde. Een aantal voor een activiteit voor meer werkvelden dat niet per "
            "werkveld is genoteerd, staat apart. – betekent: niets genoteerd."
        ),
        category_header="Werkveld",
        categories=categories,
        series=[f"Schooljaar {year.slug}" for year in years],
        values=rows,
    )


# --- Newsletter reach --------------------------------------------------------------------------


@dataclass(frozen=True)
class Reach:
    """One sent edition for one audience, with the mail program's figures if recorded."""

    edition: Edition
    audience: Audience
    result: Result | None


def sent(editions: Iterable[Edition], today: date) -> list[Edition]:
    """The editions sent by the build date, oldest first."""
    return [edition for edition in editions if edition.date <= today]


def reach(editions: Iterable[Edition], audiences: Sequence[Audience], today: date) -> list[Reach]:
    """Every sent edition for every audience that got it, oldest first."""
    return [
        Reach(edition, audience, edition.results.get(audience.slug))
        for edition in sent(editions, today)
        for audience in audiences
        if edition.for_audience(audience)
    ]


def _edition_label(edition: Edition) -> str:
    return dates.short_date(edition.date)


def _rate_chart(
    editions: Sequence[Edition],
    audiences: Sequence[Audience],
    today: date,
    *,
    opens: bool,
) -> Chart:
    recorded = [
        edition
        for edition in sent(editions, today)
        if any(result.opens if opens else result.clicks for result in edition.results.values())
    ]
    shown = [
        audience
        for audience in audiences
        if any(audience.slug in edition.results for edition in recorded)
    ]

    def rate(edition: Edition, audience: Audience) -> float | None:
        result = edition.results.get(audience.slug)
        if result is None:
            return None
        return result.open_rate if opens else result.click_rate

    what = "opende" if opens else "op een link klikte"
    summary = (
        f"Welk deel van de ontvangers de nieuwsbrief {what}, per editie en doelgroep, zoals het "
        "mailprogramma het na verzending meldde; de site meet zelf niets."
    )
    if opens:
        summary += (
            " Mailprogramma's tellen openen niet precies: sommige e-mailapps laden de "
            "nieuwsbrief vanzelf, andere pas als je afbeeldingen toestaat."
        )
    return Chart(
        slug="nieuwsbrief-geopend" if opens else "nieuwsbrief-doorgeklikt",
        title=(
            "Nieuwsbrief: geopend per doelgroep per editie"
            if opens
            else "Nieuwsbrief: doorgeklikt per doelgroep per editie"
        ),
        summary=summary + " – betekent: niets genoteerd.",
        category_header="Editie",
        categories=[_edition_label(edition) for edition in recorded],
        series=[audience.name for audience in shown],
        values=[[rate(edition, audience) for audience in shown] for edition in recorded],
        unit="%",
    )


def opens_chart(editions: Sequence[Edition], audiences: Sequence[Audience], today: date) -> Chart:
    return _rate_chart(editions, audiences, today, opens=True)


def clicks_chart(editions: Sequence[Edition], audiences: Sequence[Audience], today: date) -> Chart:
    return _rate_chart(editions, audiences, today, opens=False)


# --- Yearly figures (cijfers.yml) ------------------------------------------------------------


def subscribers_chart(network: Network) -> Chart:
    series = network.figures.subscribers
    periods = [Period.of(key) for key in series]
    school = any(period.school for period in periods)
    return Chart(
        slug="abonnees-nieuwsbrief",
        title="Abonnees op de nieuwsbrief per schooljaar"
        if school
        else "Abonnees op de nieuwsbrief per jaar",
        summary=(
            "Hoeveel abonnees de nieuwsbrief had, alle doelgroepen samen, zoals het netwerk het "
            f"per {'schooljaar' if school else 'jaar'} noteerde."
        ),
        category_header="Schooljaar" if school else "Jaar",
        categories=[period.key for period in periods],
        series=["Abonnees"],
        values=[[count] for count in series.values()],
    )


def followers_chart(network: Network) -> Chart:
    channels = {name: series for name, series in network.figures.followers.items() if series}
    periods = sorted({Period.of(key) for series in channels.values() for key in series})
    school = all(period.school for period in periods) and bool(periods)
    mixed = not school and any(period.school for period in periods)
    header = "Schooljaar" if school else "Jaar of schooljaar" if mixed else "Jaar"
    return Chart(
        slug="volgers-per-kanaal",
        title="Volgers per kanaal",
        summary=(
            "Hoeveel volgers het netwerk had op elk kanaal, zoals het netwerk het noteerde. "
            "– betekent: niets genoteerd."
        ),
        category_header=header,
        categories=[period.key for period in periods],
        series=list(channels),
        values=[[series.get(period.key) for series in channels.values()] for period in periods],
    )


# --- New partners and projects ---------------------------------------------------------------


def new_partners_and_projects_chart(network: Network) -> Chart:
    today = network.today
    partners = Counter(
        SchoolYear.of(partner.member_since)
        for partner in network.partners.values()
        if partner.member_since is not None and partner.member_since <= today
    )
    projects = Counter(
        SchoolYear.of(project.start)
        for project in network.projects.values()
        if project.start is not None and project.start <= today
    )
    known = [*partners, *projects]
    years = (
        [SchoolYear(start) for start in range(min(known).start_year, max(known).start_year + 1)]
        if known
        else []
    )
    summary = (
        "Hoeveel partners er per schooljaar bij kwamen (naar de datum waarop ze lid werden) "
        "en hoeveel projecten er begonnen (naar hun startdatum)."
    )
    without = [
        sum(1 for partner in network.partners.values() if partner.member_since is None),
        sum(1 for project in network.projects.values() if project.start is None),
    ]
    if any(without):
        summary += (
            f" Zonder datum, en dus niet geteld: {without[0]} partners en {without[1]} projecten."
        )
    return Chart(
        slug="nieuwe-partners-en-projecten-per-schooljaar",
        title="Nieuwe partners en projecten per schooljaar",
        summary=summary,
        category_header="Schooljaar",
        categories=[year.slug for year in years],
        series=["Nieuwe partners", "Nieuwe projecten"],
        values=[[partners[year], projects[year]] for year in years],
    )


# --- The page ----------------------------------------------------------------------------------


def all_charts(
    network: Network, editions: Sequence[Edition], audiences: Sequence[Audience]
) -> list[Chart]:
    """Every chart of /in-cijfers/ that has data, in the page's order."""
    today = network.today
    found = [
        # Per sector only where there is more than one.
        *([] if network.settings.one_sector else [charts.partners_per_sector(network)]),
        charts.partners_over_the_years(network),
        new_partners_and_projects_chart(network),
        charts.activities_per_sector_per_school_year(network),
        participants_chart(network),
        charts.projects_per_theme_and_status(network),
        opens_chart(editions, audiences, today),
        clicks_chart(editions, audiences, today),
        subscribers_chart(network),
        followers_chart(network),
    ]
    return [chart for chart in found if chart.categories and chart.has_data]
