"""Figures the content cannot know: `content/cijfers.yml`, one data file of yearly counts.

Newsletter subscribers and followers per channel, per calendar year (`2026`) or per school year
(`2025-2026`), as the network noted them. Read like `organisatie.yml`: the editor's text with
line numbers, every problem at the line of its own key. Only counts of years that have begun by
the build date: nothing is estimated ahead. Pure Python: no MkDocs imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainValidator, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from .fields import FIGURES, described
from .models import Text
from .values import context_of, fail, parse_count, raise_at

FIGURES_FILE = "cijfers.yml"

_YEAR = re.compile(r"^(\d{4})$")
_SCHOOL_YEAR = re.compile(r"^(\d{4})\s*[-/]\s*(\d{4})$")
_SHORT_SCHOOL_YEAR = re.compile(r"^(\d{2})\s*[-/]\s*(\d{2})$")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar year (`2026`) or a school year (`2025-2026`, 1 August to 31 July)."""

    start_year: int
    school: bool = False

    @classmethod
    def of(cls, key: str) -> Period:
        """The period of a checked key of a series."""
        first = int(key[:4])
        return cls(first, school="-" in key)

    @property
    def key(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}" if self.school else str(self.start_year)


def _period(key: str, info: ValidationInfo) -> Period:
    text = key.strip()
    today = context_of(info).settings.build_date
    if match := _YEAR.match(text):
        period = Period(int(match.group(1)))
        begun = period.start_year <= today.year
    elif match := _SCHOOL_YEAR.match(text):
        first, second = int(match.group(1)), int(match.group(2))
        if second != first + 1:
            raise fail(
                "figures",
                f"'{text}' is geen schooljaar; een schooljaar loopt over twee jaren na elkaar, "
                f"zoals {first}-{first + 1}",
            )
        if "/" in text or " " in text:
            raise fail(
                "figures", f"'{text}': schrijf een schooljaar met een streepje: {first}-{second}"
            )
        period = Period(first, school=True)
        current = today.year if today.month >= 8 else today.year - 1
        begun = first <= current
    elif match := _SHORT_SCHOOL_YEAR.match(text):
        first, second = (2000 + int(part) for part in match.groups())
        raise fail("figures", f"'{text}': schrijf het schooljaar voluit, zoals {first}-{second}")
    else:
        raise fail(
            "figures",
            f"'{text}' is geen jaar of schooljaar; schrijf een jaar, zoals 2026, of een "
            "schooljaar, zoals 2025-2026",
        )
    if not begun:
        raise fail(
            "figures",
            f"{period.key} is nog niet begonnen; noteer alleen cijfers van een jaar dat al "
            "begonnen is",
        )
    return period


def _series(value: Any, info: ValidationInfo) -> dict[str, int]:
    """Counts per year or school year, in time order; all years, or all school years."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise fail(
            "figures",
            "verwacht een aantal per jaar, elk op een eigen, ingesprongen regel, zoals 2026: 572",
        )
    found: dict[Period, int] = {}
    errors: list[tuple[tuple[str | int, ...], PydanticCustomError, Any]] = []
    kind: bool | None = None
    for key, count in value.items():
        try:
            period = _period(key, info)
            if kind is not None and period.school != kind:
                raise fail(
                    "figures",
                    f"'{key}' is een {'schooljaar' if period.school else 'kalenderjaar'}, de "
                    f"jaren erboven zijn {'kalenderjaren' if kind is False else 'schooljaren'}; "
                    "schrijf ze in één reeks allemaal als jaar (2026) of allemaal als schooljaar "
                    "(2025-2026)",
                )
            kind = period.school
            found[period] = parse_count(count, f"{period.key}: 572")
        except PydanticCustomError as error:
            errors.append(((key,), error, count))
    raise_at(errors)
    return {period.key: found[period] for period in sorted(found)}


Series = Annotated[
    dict[str, int],
    PlainValidator(_series),
    WithJsonSchema(
        {
            "type": "object",
            "propertyNames": {"pattern": r"^\d{4}(-\d{4})?$"},
            "additionalProperties": {"type": "integer", "minimum": 0},
        }
    ),
]


# `content/cijfers.yml`: what the network counted per year besides its content. (No docstring:
# pydantic would make it the English description of the editors' JSON Schema.)
class Figures(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    subscribers: Series = described(FIGURES, "subscribers", default_factory=dict)
    followers: dict[Text, Series] = described(FIGURES, "followers", default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.subscribers and not any(self.followers.values())
