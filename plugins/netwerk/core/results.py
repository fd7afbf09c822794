"""What the mail program reported after an edition was sent, per audience: `results:`.

    results:
      po:
        recipients: 607
        opens: 38,4%
        clicks: 74

Recipients is a count; opens and clicks are a count (of recipients who opened or clicked) or a
percentage of the recipients, as the mail program shows them. The site measures nothing itself:
no tracking pixels, no tracked links; these are the mail program's own figures, copied by an
editor (or by `netwerk nieuwsbrief resultaten`). Pure Python: no MkDocs imports.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainValidator, WithJsonSchema

from .fields import NEWSLETTER, described
from .problems import did_you_mean
from .values import fail, parse_count

Location = tuple[str | int, ...]

_PERCENT = re.compile(r"^(\d{1,3}(?:[.,]\d+)?)\s*%$")
_DECIMAL = re.compile(r"^\d+[.,]\d{1,2}$|^\d+[.,]\d{4,}$")
_NUMBER = re.compile(r"^-?\s*[\d.]+$")
# The fields of a result in the order the mail program (and the command) gives them.
FIELDS = ("recipients", "opens", "clicks")
DUTCH = {"recipients": "ontvangers", "opens": "geopend", "clicks": "doorgeklikt"}


@dataclass(frozen=True)
class Measure:
    """Opens or clicks: a count of recipients, or a percentage of them."""

    value: float
    percent: bool

    def rate(self, recipients: int | None) -> float | None:
        """The percentage of recipients; None for a count without recipients."""
        if self.percent:
            return self.value
        if not recipients:
            return None
        return round(100 * self.value / recipients, 1)

    @property
    def written(self) -> str:
        """As an editor writes it: `230`, `38,4%`."""
        if self.percent:
            return percentage(self.value)
        return str(int(self.value))


def percentage(value: float) -> str:
    """`38,4%`, `40%`: Dutch decimals, no trailing zero."""
    text = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text}%"


def parse_measure(value: Any, example: str) -> Measure:
    """`230` or `38,4%` (also `38.4 %`); `example` is the field as it should be written."""
    if isinstance(value, Measure):
        return value
    if isinstance(value, dict | list):
        raise fail("results", f"verwacht één aantal of percentage, zoals {example}")
    text = str(value).strip()
    if match := _PERCENT.match(text):
        number = float(match.group(1).replace(",", "."))
        if number > 100:
            raise fail("results", f"'{text}' is meer dan 100%; controleer het percentage")
        return Measure(number, percent=True)
    name = example.partition(":")[0]
    if _DECIMAL.match(text):
        raise fail(
            "results",
            f"'{text}' is geen aantal; schrijf een percentage met %, zoals {name}: "
            f"{text.replace('.', ',')}%, of een heel aantal, zoals {example}",
        )
    if _NUMBER.match(text):  # a count, or a negative one or with a thousands separator
        return Measure(parse_count(text, example), percent=False)
    raise fail(
        "results",
        f"'{text}' is geen aantal of percentage; schrijf een aantal, zoals {example}, of een "
        f"percentage, zoals {name}: 38,4%",
    )


def _recipients(value: Any) -> int | None:
    return None if value is None else parse_count(value, "recipients: 607")


def _measure(name: str) -> PlainValidator:
    def check(value: Any) -> Measure | None:
        return None if value is None else parse_measure(value, f"{name}: 230")

    return PlainValidator(check)


_MEASURE_SCHEMA = WithJsonSchema(
    {
        "anyOf": [
            {"type": "integer", "minimum": 0},
            {"type": "string", "pattern": r"^\d{1,3}([.,]\d+)?\s*%$"},
        ]
    }
)


# One audience's figures for one edition. (No docstring: pydantic would make it the English
# description of the editors' JSON Schema.)
class Result(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    recipients: Annotated[
        int | None,
        PlainValidator(_recipients),
        WithJsonSchema({"type": "integer", "minimum": 0}),
    ] = described(NEWSLETTER, "results.recipients", None)
    opens: Annotated[Measure | None, _measure("opens"), _MEASURE_SCHEMA] = described(
        NEWSLETTER, "results.opens", None
    )
    clicks: Annotated[Measure | None, _measure("clicks"), _MEASURE_SCHEMA] = described(
        NEWSLETTER, "results.clicks", None
    )

    @property
    def open_rate(self) -> float | None:
        return self.opens.rate(self.recipients) if self.opens else None

    @property
    def click_rate(self) -> float | None:
        return self.clicks.rate(self.recipients) if self.clicks else None


def checks(
    results: Mapping[str, Result],
    sent_on: date,
    audiences: Sequence[str],
    known: Collection[str],
    today: date,
) -> Iterable[tuple[Location, str]]:
    """Rules across fields and files for an edition sent on `sent_on` to `audiences` (all
    when empty): audiences that got the edition, figures that add up."""
    if not results:
        return
    if sent_on > today:
        yield (
            ("results",),
            f"de editie gaat pas op {sent_on.isoformat()} uit; vul de resultaten in nadat "
            "ze verstuurd is",
        )
        return
    for slug, result in results.items():
        where: Location = ("results", slug)
        if slug not in known:
            yield where, f"'{slug}' is geen doelgroep; {did_you_mean(slug, known)}"
            continue
        if audiences and slug not in audiences:
            listed = ", ".join(audiences)
            yield (
                where,
                f"{slug} kreeg deze editie niet (audiences: [{listed}]); haal deze resultaten "
                f"weg, of zet {slug} bij audiences",
            )
            continue
        if result.recipients is None and result.opens is None and result.clicks is None:
            yield (
                where,
                "is leeg; vul recipients, opens en clicks in zoals het mailprogramma ze geeft, "
                f"zoals {slug}: {{recipients: 607, opens: 230, clicks: 74}}",
            )
            continue
        for name in ("opens", "clicks"):
            measure: Measure | None = getattr(result, name)
            if measure is None or measure.percent:
                continue
            count = int(measure.value)
            if result.recipients is None:
                yield (
                    (*where, name),
                    f"{count} is een aantal, maar recipients ontbreekt; vul ook het aantal "
                    f"ontvangers in (recipients), of schrijf {name} als percentage, zoals "
                    f"{name}: 38,4%",
                )
            elif count > result.recipients:
                yield (
                    (*where, name),
                    f"{count} is meer dan het aantal ontvangers (recipients: "
                    f"{result.recipients}); controleer de cijfers",
                )


def block(results: dict[str, dict[str, str]], audiences: Sequence[str]) -> list[str]:
    """`results:` as block YAML lines, audiences in the given order, fields in FIELDS order."""
    lines = ["results:"]
    for slug in audiences:
        values = results.get(slug)
        if not values:
            continue
        lines.append(f"  {slug}:")
        lines += [f"    {name}: {values[name]}" for name in FIELDS if values.get(name)]
    return lines
