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

# Two drawings of each chart, the page's CSS showing one (netwerk.css): labels beside the bars
# where there is room, above them on a phone. Each is drawn for the width it is shown at, so
# its text is at least 12 CSS pixels there (WCAG 1.4.4 and 1.4.10), and labels wrap instead of
# being cut. Widths are viewBox units; the drawing is scaled to the text's width.
WIDE = 640
"""Shown from 600 CSS pixels up: text scales by at least 560 / 640 (14 px becomes 12.25)."""
NARROW = 320
"""Shown below 600 pixels, at least 288 wide (a 320 px screen): 14 px becomes 12.6."""
FONT_SIZE = 14
LINE_HEIGHT = 18
BAR_HEIGHT = 22
ROW_GAP = 6
GROUP_GAP = 14
LABEL_GAP = 8
LABEL_SHARE = 0.45
"""At most this part of the wide drawing's width for the labels; longer ones wrap."""
# Text widths are estimated from the number of characters: generous averages for the system's
# sans-serif fonts (Arial, Helvetica, Roboto), so an estimate is never short of the real width.
CHAR_WIDTH = 0.6
BOLD_CHAR_WIDTH = 0.66
BAR_COLOUR = "#4051b5"
"""Without the site's stylesheet; netwerk.css fills bars in the network's checked colour."""
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


def text_width(text: str, *, bold: bool = False) -> float:
    """The estimated width of a text at FONT_SIZE, in viewBox units (never too small)."""
    return len(text) * FONT_SIZE * (BOLD_CHAR_WIDTH if bold else CHAR_WIDTH)


def wrap(text: str, width: float, *, bold: bool = False) -> list[str]:
    """The text in lines no wider than `width`, broken between words (a longer word alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", bold=bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _text(
    x: float,
    y: float,
    lines: list[str],
    *,
    anchor: str = "start",
    bold: bool = False,
) -> str:
    """Lines of text, the first one's middle at `y`."""
    weight = ' font-weight="bold"' if bold else ""
    if len(lines) == 1:
        content = escape(lines[0])
    else:
        content = "".join(
            f'<tspan x="{x:g}" dy="{0 if i == 0 else LINE_HEIGHT}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
    return (
        f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" dominant-baseline="middle"{weight}>'
        f"{content}</text>"
    )


def _bar(x: float, y: float, width: float) -> str:
    return (
        f'<rect class="netwerk-bar" x="{x:g}" y="{y:g}" width="{width:.1f}" '
        f'height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>'
    )


def _rows(chart: Chart) -> tuple[list[int], bool, float]:
    shown = list(chart.drawn) or list(range(len(chart.series)))
    largest = max((row[i] or 0 for row in chart.values for i in shown), default=0) or 1
    return shown, len(shown) > 1, largest


def _value_room(chart: Chart, largest: float) -> float:
    return 6 + text_width(chart.cell(largest))


def draw_wide(chart: Chart) -> tuple[str, float]:
    """Labels beside the bars, wrapped within the label column; (SVG content, height)."""
    shown, grouped, largest = _rows(chart)
    labels = [chart.series[i] for i in shown] if grouped else chart.categories
    longest = max((text_width(label) for label in labels), default=0)
    label_width = min(longest, WIDE * LABEL_SHARE)
    bars_x = label_width + LABEL_GAP
    scale = (WIDE - bars_x - _value_room(chart, largest)) / largest
    parts: list[str] = []
    y = 0.0
    for category, row in chart.rows:
        if grouped:
            lines = wrap(category, WIDE, bold=True)
            parts.append(_text(0, y + LINE_HEIGHT / 2, lines, bold=True))
            y += len(lines) * LINE_HEIGHT + ROW_GAP
        for i in shown:
            lines = wrap(chart.series[i] if grouped else category, label_width)
            height = max(BAR_HEIGHT, len(lines) * LINE_HEIGHT)
            middle = y + height / 2
            first = middle - (len(lines) - 1) * LINE_HEIGHT / 2
            parts.append(_text(label_width, first, lines, anchor="end"))
            width = (row[i] or 0) * scale
            if width:
                parts.append(_bar(bars_x, middle - BAR_HEIGHT / 2, width))
            parts.append(_text(bars_x + width + 6, middle, [chart.cell(row[i])]))
            y += height + ROW_GAP
        if grouped:
            y += GROUP_GAP
    return "".join(parts), max(y - ROW_GAP, BAR_HEIGHT)


def draw_narrow(chart: Chart) -> tuple[str, float]:
    """Each label above its bar, wrapped to the drawing's width; (SVG content, height)."""
    shown, grouped, largest = _rows(chart)
    scale = (NARROW - _value_room(chart, largest)) / largest
    parts: list[str] = []
    y = 0.0
    for category, row in chart.rows:
        if grouped:
            lines = wrap(category, NARROW, bold=True)
            parts.append(_text(0, y + LINE_HEIGHT / 2, lines, bold=True))
            y += len(lines) * LINE_HEIGHT + 2
        for i in shown:
            lines = wrap(chart.series[i] if grouped else category, NARROW)
            parts.append(_text(0, y + LINE_HEIGHT / 2, lines))
            y += len(lines) * LINE_HEIGHT + 2
            width = (row[i] or 0) * scale
            if width:
                parts.append(_bar(0, y, width))
            parts.append(_text(width + 6, y + BAR_HEIGHT / 2, [chart.cell(row[i])]))
            y += BAR_HEIGHT + ROW_GAP + 4
        if grouped:
            y += GROUP_GAP
    return "".join(parts), max(y - ROW_GAP - 4, BAR_HEIGHT)


def draw(chart: Chart) -> str:
    """Horizontal bars, one per category or a labelled group per category, drawn twice:
    beside their labels (`netwerk-chart--wide`) and below them (`netwerk-chart--narrow`)."""
    result = []
    for layout, width, drawing in (
        ("wide", WIDE, draw_wide),
        ("narrow", NARROW, draw_narrow),
    ):
        content, height = drawing(chart)
        title_id, desc_id = f"{chart.slug}-{layout}-titel", f"{chart.slug}-{layout}-uitleg"
        result.append(
            f'<svg class="netwerk-chart netwerk-chart--{layout}" viewBox="0 0 {width} '
            f'{height:g}" role="img" aria-labelledby="{title_id} {desc_id}" '
            f'xmlns="http://www.w3.org/2000/svg" font-size="{FONT_SIZE}" fill="{TEXT_COLOUR}">'
            f'<title id="{title_id}">{escape(chart.title)}</title>'
            f'<desc id="{desc_id}">{escape(chart.summary)} De cijfers staan ook in de tabel '
            f"onder de grafiek.</desc>" + content + "</svg>"
        )
    return "".join(result)
