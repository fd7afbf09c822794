"""The pages of the network in numbers: /in-cijfers/ with its charts and CSV files, and a year
report per school year. Pure functions of the network and the editions: no MkDocs here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..core.audiences import Audience
from ..core.editions import Edition
from ..core.network import Network
from ..core.pages import GeneratedPage, PageView
from . import report
from .charts import Chart
from .tables import FOLDER, PAGE, all_charts, table_of


@dataclass(frozen=True)
class InNumbers(PageView):
    """/in-cijfers/: its charts, each chart's CSV file by the chart's slug, and the year
    reports, the most recent first."""

    charts: list[Chart]
    csv: Mapping[str, str]
    reports: list[report.YearReport]


def pages(
    network: Network, editions: Sequence[Edition], audiences: Sequence[Audience]
) -> list[GeneratedPage]:
    """/in-cijfers/ with its CSV files, and a year report per school year."""
    shown = all_charts(network, editions, audiences)
    reports = report.reports(network, editions, audiences)
    if not shown and not reports:
        return []  # nothing recorded yet: no page, and none in the menu
    page = GeneratedPage(
        uri=PAGE,
        title="In cijfers",
        template="netwerk/in-cijfers.html",
        description="Het netwerk in cijfers: partners, activiteiten en deelnemers per werkveld "
        "en schooljaar, het bereik van de nieuwsbrief, projecten, en een jaarverslag per "
        "schooljaar.",
        view=InNumbers(
            charts=shown,
            csv={chart.slug: f"{FOLDER}/{table_of(chart).csv_name}" for chart in shown},
            reports=reports,
        ),
        files={f"{FOLDER}/{table_of(chart).csv_name}": table_of(chart).csv() for chart in shown},
    )
    return [page, *(report.page(found) for found in reports)]
