"""What the network agreed about its communication: `agreements:` in mkdocs.yml.

    agreements:
      contributions_per_project: 2      # per running project, per school year
      contribution_news_kinds: [nieuws, interview, video, goed-voorbeeld, oproep]
      contribution_activity_kinds: [netwerkbijeenkomst, themabijeenkomst]
      editions_per_year: 5              # newsletters per audience, per school year
      page_age_days: 730                # a standing page not changed for this long is flagged

A network without an agreement leaves it out, and the working group's overview
(netwerk.workgroup) checks nothing for it. Which news and activities count as a project's
contribution is every kind the network has, unless the agreement names some. Pure Python: no
MkDocs imports; checked in Dutch with the other options (netwerk.core.options).
"""

from __future__ import annotations

from dataclasses import dataclass

from .problems import SettingsError, did_you_mean, field_hint
from .settings import Settings
from .values import list_hint

KEYS = (
    "contributions_per_project",
    "contribution_news_kinds",
    "contribution_activity_kinds",
    "editions_per_year",
    "page_age_days",
)
# An example for each count, as the richest project plan has it.
_EXAMPLES = {"contributions_per_project": 2, "editions_per_year": 5, "page_age_days": 730}
# The most editions a year: one a day.
EDITIONS_MAX = 365


@dataclass(frozen=True)
class Agreements:
    contributions_per_project: int | None = None
    """Contributions each running project makes to newsletter and website per school year:
    news of `contribution_news_kinds` and activities of `contribution_activity_kinds` that
    name the project. None: no such agreement."""
    contribution_news_kinds: tuple[str, ...] = ()
    contribution_activity_kinds: tuple[str, ...] = ()
    editions_per_year: int | None = None
    """Newsletter editions per audience per school year; None: no such agreement."""
    page_age_days: int | None = None
    """Days a standing page (partner, theme, project, who is who) may go without a change
    before the overview names it; None: no such agreement."""

    @property
    def any(self) -> bool:
        return any(
            value is not None
            for value in (
                self.contributions_per_project,
                self.editions_per_year,
                self.page_age_days,
            )
        )

    @property
    def edition_interval(self) -> int | None:
        """Days between editions when they are spread over the year: 73 for five."""
        if self.editions_per_year is None:
            return None
        return max(1, round(365 / self.editions_per_year))


def agreements_from(value: object, settings: Settings, *, audiences: bool) -> Agreements:
    """`agreements:` as checked settings; without it, none. `audiences`: whether the network
    sends newsletters. A SettingsError with every problem, each starting with
    `netwerk: agreements: `."""
    every_news_kind = tuple(settings.news_kinds)
    every_activity_kind = tuple(settings.activity_kinds)
    if value is None:
        return Agreements(
            contribution_news_kinds=every_news_kind,
            contribution_activity_kinds=every_activity_kind,
        )
    if not isinstance(value, dict):
        raise ValueError(
            f"netwerk: agreements: '{value}' is geen lijst van afspraken; schrijf onder "
            "agreements: per regel een afspraak, zoals contributions_per_project: 2 (zie de "
            "README)"
        )
    problems = [
        f"netwerk: agreements: {key}: deze afspraak bestaat niet; {field_hint(str(key), KEYS)}"
        for key in value
        if key not in KEYS
    ]
    counts: dict[str, int | None] = {}
    for key, example in _EXAMPLES.items():
        try:
            counts[key] = _count(key, value.get(key), example)
        except ValueError as error:
            problems.append(str(error))
    if counts.get("editions_per_year") is not None and not audiences:
        problems.append(
            "netwerk: agreements: editions_per_year: dit netwerk heeft geen doelgroepen "
            "(audiences) en dus geen nieuwsbrieven; haal editions_per_year weg, of zet de "
            "doelgroepen onder audiences"
        )
    kinds: dict[str, tuple[str, ...]] = {}
    for key, vocabulary, noun in (
        ("contribution_news_kinds", settings.news_kinds, "soort bericht"),
        ("contribution_activity_kinds", settings.activity_kinds, "soort activiteit"),
    ):
        try:
            kinds[key] = _kinds(key, value.get(key), vocabulary, noun)
        except SettingsError as error:
            problems.extend(error.messages)
        except ValueError as error:
            problems.append(str(error))
    news, activities = (
        kinds.get(key) for key in ("contribution_news_kinds", "contribution_activity_kinds")
    )
    if counts.get("contributions_per_project") and news == () and activities == ():
        problems.append(
            "netwerk: agreements: contribution_news_kinds en contribution_activity_kinds zijn "
            "allebei leeg, dus telt er niets mee voor contributions_per_project; haal een van "
            "beide weg (dan telt elke soort), of noem de soorten die meetellen"
        )
    if problems:
        raise SettingsError(problems)
    return Agreements(
        contributions_per_project=counts["contributions_per_project"],
        contribution_news_kinds=kinds["contribution_news_kinds"],
        contribution_activity_kinds=kinds["contribution_activity_kinds"],
        editions_per_year=counts["editions_per_year"],
        page_age_days=counts["page_age_days"],
    )


def _count(key: str, value: object, example: int) -> int | None:
    """A whole number of 1 or more; 0 or nothing: no such agreement."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(
            f"netwerk: agreements: {key}: '{value}' is geen aantal; schrijf een heel getal, "
            f"zoals {key}: {example}, of laat de afspraak weg"
        )
    if key == "editions_per_year" and value > EDITIONS_MAX:
        raise ValueError(
            f"netwerk: agreements: {key}: {value} is meer dan één per dag; schrijf hoeveel "
            f"edities er per schooljaar uitgaan, zoals {key}: {example}"
        )
    return value or None


def _kinds(key: str, value: object, vocabulary: dict[str, str], noun: str) -> tuple[str, ...]:
    """The kinds that count: every kind unless the agreement names some; `[]`: none."""
    if value is None:
        return tuple(vocabulary)
    if isinstance(value, str):
        if "," in value:
            raise ValueError(f"netwerk: agreements: {key}: {list_hint(value)}")
        value = [value]
    if not isinstance(value, list):
        example = ", ".join(list(vocabulary)[:2])
        raise ValueError(f"netwerk: agreements: {key}: schrijf een lijst, zoals [{example}]")
    problems = [
        f"netwerk: agreements: {key}: '{code}' is geen {noun}; "
        f"{did_you_mean(str(code), vocabulary)}"
        for code in value
        if str(code) not in vocabulary
    ]
    if problems:
        raise SettingsError(problems)
    return tuple(dict.fromkeys(str(code) for code in value))
