"""The network in numbers: counts from the content, drawn as inline SVG at build time.

Each chart is a table first (counts per category and series); the SVG is drawn from that table
and every bar carries its label and value as text, so neither the picture nor colour is the only
way to read it. The template shows the same table as an HTML table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..agenda.pages import SchoolYear
from ..core.network import Network

WIDTH = 640
LABEL_WIDTH = 250
VALUE_ROOM = 40
BAR_HEIGHT = 22
ROW_GAP = 6
GROUP_GAP = 14
FONT_SIZE = 14
BAR_COLOUR = "#3f51b5"  # Material indigo: 6.6:1 against white (WCAG 1.4.11 asks 3:1)
TEXT_COLOUR = "#1f1f1f"
NOT_RECORDED = "–"


@dataclass(frozen=True)
class Chart:
    """Counts per category (rows) and series (columns), with what a reader needs around them."""

    slug: str
    title: str
    summary: str
    category_header: str
    categories: list[str]
    series: list[str]
    values: Sequence[Sequence[float | None]]
    """Per category, a value per series; None where nothing was recorded (shown as –)."""
    drawn: tuple[int, ...] = ()
    """Which series the picture shows (all when empty); the table always shows all."""
    unit: str = ""
    """`%` for percentages; values without a unit are counts."""

    @property
    def rows(self) -> list[tuple[str, Sequence[float | None]]]:
        return list(zip(self.categories, self.values, strict=True))

    @property
    def has_data(self) -> bool:
        """Whether there is anything to show besides zeros and – (nothing recorded): a chart
        without data is left out."""
        return any(value for row in self.values for value in row)

    def cell(self, value: float | None) -> str:
        """A value as the table and the picture show it: `1.234`, `38,4%`, `–` for none."""
        return NOT_RECORDED if value is None else number(value) + self.unit

    @property
    def svg(self) -> str:
        return draw(self)


def number(value: float) -> str:
    """`1.234`, `38,4`: Dutch digit grouping and decimal comma, at most one decimal."""
    # Loaded on first use, as in core.dates: `netwerk controleer` runs without babel.
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0.#", locale="nl_NL")


def partners_per_sector(network: Network) -> Chart:
    sectors = network.settings.sectors
    return Chart(
        slug="partners-per-werkveld",
        title="Partners per werkveld",
        summary=(
            "Hoeveel partners er in elk werkveld actief zijn. Een partner kan in meer "
            "werkvelden actief zijn en telt dan bij elk werkveld mee."
        ),
        category_header="Werkveld",
        categories=list(sectors.values()),
        series=["Partners"],
        values=[[len(network.partners_by_sector.get(sector, []))] for sector in sectors],
    )


def partners_over_the_years(network: Network) -> Chart:
    joined = Counter(
        partner.member_since.year
        for partner in network.partners.values()
        if partner.member_since is not None
    )
    years = list(range(min(joined), max(joined) + 1)) if joined else []
    rows, total = [], 0
    for year in years:
        total += joined[year]
        rows.append([joined[year], total])
    unknown = sum(1 for partner in network.partners.values() if partner.member_since is None)
    summary = (
        "Hoeveel partners er aan het eind van elk jaar bij het netwerk waren, en hoeveel er "
        "dat jaar bij kwamen."
    )
    if unknown:
        summary += f" Van {unknown} partners is niet bekend sinds wanneer ze partner zijn."
    return Chart(
        slug="partners-door-de-jaren",
        title="Partners door de jaren",
        summary=summary,
        category_header="Jaar",
        categories=[str(year) for year in years],
        series=["Nieuwe partners", "Partners in totaal"],
        values=rows,
        drawn=(1,),
    )


def activities_per_sector_per_school_year(network: Network) -> Chart:
    sectors = network.settings.sectors
    counts: Counter[tuple[str, str]] = Counter()
    # Cancelled activities do not count: they did not or will not take place.
    for activity in network.going_ahead():
        for sector in dict.fromkeys(activity.sectors):
            counts[SchoolYear.of(activity.starts).slug, sector] += 1
    years = sorted({year for year, _ in counts})
    if network.settings.one_sector:
        return Chart(
            slug="activiteiten-per-schooljaar",
            title="Activiteiten per schooljaar",
            summary=(
                "Hoeveel activiteiten er per schooljaar (1 augustus tot en met 31 juli) waren "
                "of gepland staan."
            ),
            category_header="Schooljaar",
            categories=years,
            series=["Activiteiten"],
            values=[[sum(counts[year, sector] for sector in sectors)] for year in years],
        )
    return Chart(
        slug="activiteiten-per-werkveld-per-schooljaar",
        title="Activiteiten per werkveld per schooljaar",
        summary=(
            "Hoeveel activiteiten er per schooljaar (1 augustus tot en met 31 juli) voor elk "
            "werkveld waren of gepland staan. Een activiteit voor meer werkvelden telt bij elk "
            "werkveld mee."
        ),
        category_header="Werkveld",
        categories=list(sectors.values()),
        series=[f"Schooljaar {year}" for year in years],
        values=[[counts[year, sector] for year in years] for sector in sectors],
    )


def projects_per_theme_and_status(network: Network) -> Chart:
    statuses = network.settings.project_statuses
    themes = list(network.themes.values())
    return Chart(
        slug="projecten-per-thema-en-status",
        title="Projecten per thema en status",
        summary="Hoeveel projecten er binnen elk thema zijn, naar de stand van het project.",
        category_header="Thema",
        categories=[theme.title for theme in themes],
        series=list(statuses.values()),
        values=[
            [
                sum(1 for p in network.projects_by_theme.get(theme.slug, []) if p.status == status)
                for status in statuses
            ]
            for theme in themes
        ],
    )


# --- Drawing -------------------------------------------------------------------------------


def _text(x: float, y: float, text: str, *, anchor: str = "start", bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" dominant-baseline="middle"{weight}>'
        f"{escape(text)}</text>"
    )


def draw(chart: Chart) -> str:
    """Horizontal bars: one per category, or a labelled group of bars per category."""
    shown = list(chart.drawn) or list(range(len(chart.series)))
    grouped = len(shown) > 1
    largest = max((row[i] or 0 for row in chart.values for i in shown), default=0) or 1
    scale = (WIDTH - LABEL_WIDTH - VALUE_ROOM) / largest
    parts: list[str] = []
    y = 0.0
    for category, row in chart.rows:
        if grouped:
            parts.append(_text(0, y + BAR_HEIGHT / 2, category, bold=True))
            y += BAR_HEIGHT + ROW_GAP
        for i in shown:
            label = chart.series[i] if grouped else category
            width = (row[i] or 0) * scale
            parts.append(_text(LABEL_WIDTH - 8, y + BAR_HEIGHT / 2, _short(label), anchor="end"))
            if width:
                parts.append(
                    f'<rect x="{LABEL_WIDTH}" y="{y:g}" width="{width:.1f}" '
                    f'height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>'
                )
            parts.append(_text(LABEL_WIDTH + width + 6, y + BAR_HEIGHT / 2, chart.cell(row[i])))
            y += BAR_HEIGHT + ROW_GAP
        if grouped:
            y += GROUP_GAP
    height = max(y - ROW_GAP, BAR_HEIGHT)
    title_id, desc_id = f"{chart.slug}-titel", f"{chart.slug}-uitleg"
    return (
        f'<svg class="netwerk-chart" viewBox="0 0 {WIDTH} {height:g}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg" '
        f'font-size="{FONT_SIZE}" fill="{TEXT_COLOUR}">'
        f'<title id="{title_id}">{escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{escape(chart.summary)} De cijfers staan ook in de tabel '
        f"onder de grafiek.</desc>" + "".join(parts) + "</svg>"
    )


def _short(label: str, limit: int = 30) -> str:
    """Labels that fit the label column; the table below has them in full."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"
