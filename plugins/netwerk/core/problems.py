"""Problems found in content, reported to editors as `path:line: field: message`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

# Field names for problems that concern the file as a whole or its front matter block.
FILE = "bestand"
FRONT_MATTER = "front matter"
# For problems in the text below the front matter.
BODY = "tekst"
# A report shows this many problems and counts the rest: the first ones are enough to start on.
REPORT_LIMIT = 50


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised when content has problems; carries all of them, sorted."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = "1 probleem" if count == 1 else f"{count} problemen"
        lines = [f"{heading} in de inhoud; er is niets gebouwd:"]
        lines += [str(problem) for problem in self.problems[:REPORT_LIMIT]]
        hidden = count - REPORT_LIMIT
        if hidden > 0:
            lines.append(f"... en nog {hidden} {'probleem' if hidden == 1 else 'problemen'}")
        return "\n".join(lines)


class SettingsError(ValueError):
    """Problems in the settings (mkdocs.yml): every one found, each a Dutch message that
    starts with the setting's place, such as `netwerk: sectors: ...`."""

    def __init__(self, messages: Iterable[str]) -> None:
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))

    def report(self, file: str) -> str:
        """`mkdocs.yml: netwerk: ...`, one line per problem (with a heading for more)."""
        lines = [f"{file}: {message}" for message in self.messages]
        if len(lines) == 1:
            return lines[0]
        return "\n".join([f"{len(lines)} problemen in de instellingen in {file}:", *lines])


def closest(value: str, options: Iterable[str]) -> str | None:
    """The option an editor most likely meant, or None when none is close enough.

    In this order: the same but for capitals; a few typing mistakes (letters left out, added,
    swapped or wrong); a shortened or lengthened name ("gluren" for "gluren-bij-de-buren");
    a similar spelling. An unrelated option is never offered.
    """
    options = list(dict.fromkeys(options))
    folded = value.casefold()
    for option in options:
        if option.casefold() == folded:
            return option
    if not folded:
        return None
    limit = 1 if len(folded) <= 3 else 2 if len(folded) <= 8 else 3
    distances = [(_distance(folded, option.casefold()), option) for option in options]
    near = [(distance, option) for distance, option in distances if distance <= limit]
    if near:
        return min(near, key=lambda pair: pair[0])[1]
    for option in options:
        # One part of a composed name: "po" for the audience "vve-po".
        if folded in option.casefold().split("-"):
            return option
    if len(folded) >= 3:
        # A shortened name ("gluren" for "gluren-bij-de-buren"), or one with more after it.
        for option in options:
            other = option.casefold()
            if other.startswith(folded) or (len(other) >= 3 and folded.startswith(other)):
                return option
        for option in options:
            if folded in option.casefold():
                return option
    matches = difflib.get_close_matches(folded, [o.casefold() for o in options], n=1, cutoff=0.8)
    if matches:
        return next(option for option in options if option.casefold() == matches[0])
    return None


def _distance(one: str, other: str) -> int:
    """Typing mistakes between two words: letters left out, added, wrong or swapped."""
    if abs(len(one) - len(other)) > 3:
        return 4  # more than closest() ever accepts; saves the work
    previous2: list[int] = []
    previous = list(range(len(other) + 1))
    for i, char in enumerate(one, start=1):
        current = [i]
        for j, other_char in enumerate(other, start=1):
            cost = 0 if char == other_char else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char == other[j - 2] and one[i - 2] == other_char:
                best = min(best, previous2[j - 2] + 1)
            current.append(best)
        previous2, previous = previous, current
    return previous[-1]


# Field names as editors may write them in Dutch (or by another collection's name), and
# the field they mean. `closest_field` offers the one the item has.
FIELD_TRANSLATIONS: dict[str, tuple[str, ...]] = {
    "titel": ("title", "name", "subject"),
    "title": ("name", "subject"),
    "naam": ("name", "title"),
    "name": ("title",),
    "onderwerp": ("subject", "title"),
    "samenvatting": ("summary",),
    "beschrijving": ("summary", "description"),
    "omschrijving": ("summary", "description"),
    "inleiding": ("intros", "intro", "summary"),
    "intro": ("intros",),
    "sector": ("sectors",),
    "sectoren": ("sectors",),
    "werkveld": ("sectors",),
    "werkvelden": ("sectors",),
    "lidmaatschap": ("membership",),
    "gemeente": ("municipality",),
    "plaats": ("location", "municipality"),
    "locatie": ("location",),
    "adres": ("address",),
    "lid_sinds": ("member_since",),
    "lid-sinds": ("member_since",),
    "thema": ("theme", "themes"),
    "themas": ("themes", "theme"),
    "theme": ("themes",),
    "themes": ("theme",),
    "project": ("projects",),
    "partner": ("partners",),
    "partners": ("partner",),
    "soort": ("kind",),
    "type": ("kind",),
    "datum": ("date", "start"),
    "date": ("start",),
    "begin": ("start",),
    "begindatum": ("start",),
    "eind": ("end",),
    "einde": ("end",),
    "einddatum": ("end",),
    "doel": ("goal",),
    "trekker": ("leads",),
    "trekkers": ("leads",),
    "volgorde": ("order",),
    "afbeelding": ("image", "logo"),
    "plaatje": ("image", "logo"),
    "foto": ("image",),
    "link": ("url", "website", "registration_url", "online_url"),
    "webadres": ("url", "website"),
    "aanmelden": ("registration_url",),
    "aanmelding": ("registration_url",),
    "concept": ("draft",),
    "doelgroep": ("audiences",),
    "doelgroepen": ("audiences",),
    "uitgelicht": ("highlights",),
    "rol": ("role",),
    "functie": ("role",),
    "organisatie": ("organisation",),
    "organization": ("organisation",),
    "groepen": ("groups",),
    "leden": ("members",),
    "taak": ("task",),
    "tijdzone": ("time_zone",),
}


def closest_field(name: str, fields: Iterable[str]) -> str | None:
    """The field an editor most likely meant by an unknown name: `titel` is `title`."""
    fields = list(fields)
    match = closest(name, fields)
    if match is not None:
        return match
    folded = name.casefold().strip()
    candidates = [folded, folded.replace("-", "_"), folded.replace("_", "-")]
    # A near miss of a Dutch name too: `samenvating`, `werkvelde`.
    translated = closest(folded, FIELD_TRANSLATIONS)
    if translated is not None:
        candidates.append(translated)
    for candidate in candidates:
        for meant in FIELD_TRANSLATIONS.get(candidate, ()):
            if meant in fields:
                return meant
    return None


def field_hint(name: str, fields: Iterable[str]) -> str:
    """A hint like "bedoelde je 'title'?" for an unknown field, or the fields there are."""
    fields = sorted(fields)
    match = closest_field(name, fields)
    if match is not None:
        return f"bedoelde je '{match}'?"
    return "kies uit: " + ", ".join(fields)


def did_you_mean(value: str, options: Iterable[str]) -> str:
    """A hint like "bedoelde je 'po'?" or, without a close match, the list of options."""
    options = sorted(options)
    match = closest(value, options)
    if match is not None:
        return f"bedoelde je '{match}'?"
    if not options:
        return "er is nog niets om naar te verwijzen"
    if len(options) > 12:
        return "kijk in de map of in mkdocs.yml welke waarden er zijn"
    return "kies uit: " + ", ".join(options)
