"""What every front matter field means: the one place for the editors' descriptions.

Each field of each collection (and of `organisatie.yml`, newsletter editions and plain pages)
has a Dutch description and a neutral example here. The models declare their fields with
`described(folder, field)`, so pydantic carries these texts into the JSON Schema that
`netwerk schema` writes and `netwerk nieuw` turns into comments, and into the loader's
"ontbreekt; ... bijvoorbeeld" messages; the handbook (netwerk.handbook) reads them
here. Nested fields are dotted (`location.name`, `groups.members.role`).

Descriptions start with a capital and end without a full stop: the scaffold adds "(verplicht)"
and ". Kies uit: ..." after them. Examples are neutral (Voorbeeldschool, Plaatsnaam), never a
real network's; where a field takes codes from mkdocs.yml (sectors, kinds) the handbook shows
the network's own codes instead. Pure Python: no MkDocs imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import Field
from pydantic_core import PydanticUndefined

if TYPE_CHECKING:
    from .settings import Settings


@dataclass(frozen=True)
class About:
    """One field: what it means, and a value an editor could write."""

    description: str
    example: Any = None
    form: str | None = None
    """The hint below the field in the admin page's form, where the description is written for
    the file (codes, file names, YAML): in the form's own words, its labels and choices."""
    form_one_sector: str | None = None
    """The form's hint in a network of one sector, where the other speaks of several."""


# Fields every collection's items have (netwerk.core.models.Item).
ITEM = "item"
ORGANISATION = "organisatie"
NEWSLETTER = "nieuwsbrief"
FIGURES = "cijfers"
PAGE = "pagina"
# Described here besides the collections (by their folders: netwerk.core.collections).
NOT_ITEMS = (ITEM, ORGANISATION, NEWSLETTER, FIGURES, PAGE)

# Filled in with this network's sector codes (form_hint).
COUNTS = "{counts}"

_SECTORS = "Werkvelden: één code, of een lijst"
_THEMES = "Thema's: bestandsnamen uit content/themas/ zonder .md, als lijst"
_THEME = "Thema: een bestandsnaam uit content/themas/ zonder .md"
_PROJECT = "Project: een bestandsnaam uit content/projecten/ zonder .md"

FIELDS: dict[str, dict[str, About]] = {
    ITEM: {
        "draft": About(
            "true houdt het item helemaal buiten de site: geen pagina, niet in lijsten, feeds, "
            "kalenders of nieuwsbrieven",
            form=(
                "Aan houdt het item helemaal buiten de site: geen pagina, niet in lijsten, feeds,"
                " kalenders of nieuwsbrieven"
            ),
        ),
    },
    "partners": {
        "name": About("Naam van de organisatie", "Voorbeeldschool"),
        "summary": About(
            "Eén zin over de partner, voor lijsten en zoekresultaten",
            "Openbare basisschool in het centrum van Plaatsnaam.",
        ),
        "sectors": About(
            "Werkvelden waarin de partner actief is: één code, of een lijst",
            ["po"],
            form="Kies de werkvelden waarin de partner actief is",
        ),
        "membership": About(
            "Soort lidmaatschap; geen veld in een netwerk zonder memberships in mkdocs.yml",
            "basis",
            form="Kies het soort lidmaatschap",
        ),
        "website": About("Webadres van de organisatie", "https://www.example.nl/"),
        "logo": About(
            "Logo: het pad vanaf content/ naar het bestand",
            "afbeeldingen/logos/voorbeeldschool.svg",
            form="Kies of upload het logo van de organisatie",
        ),
        "logo_alt": About(
            "Wat er op het logo staat, voor wie het niet ziet; verplicht bij een logo",
            "Logo van Voorbeeldschool",
        ),
        "municipality": About("Gemeente waar de partner zit", "Plaatsnaam"),
        "member_since": About("Datum waarop de partner lid werd", "2020-09-01"),
        "themes": About(
            "Thema's waaraan de partner werkt: bestandsnamen zonder .md",
            ["taal-en-lezen"],
            form="Kies de thema's waaraan de partner werkt",
        ),
    },
    "themas": {
        "title": About("Naam van het thema", "Taal en lezen"),
        "summary": About(
            "Eén zin over het thema", "Hoe scholen en partners samen werken aan taal en lezen."
        ),
        "order": About(
            "Plaats in lijsten: 1 komt eerst",
            1,
            form="Plaats in lijsten: het thema met het laagste getal komt eerst",
        ),
    },
    "projecten": {
        "title": About("Naam van het project", "Samen lesgeven"),
        "code": About("Code van het projectonderdeel, zoals in het projectplan", "2d"),
        "summary": About(
            "Eén zin over het project", "Leerkrachten lopen een dag mee op een andere school."
        ),
        "theme": About(
            "Thema waaronder het project valt: een bestandsnaam uit content/themas/ zonder .md",
            "taal-en-lezen",
            form="Kies het thema waaronder het project valt",
        ),
        "status": About(
            "Stand van het project", "lopend", form="Kies hoe het project ervoor staat"
        ),
        "leads": About(
            "Trekkers: rollen of organisaties, als lijst",
            ["Projectleider"],
            form="Wie het project trekt: voeg per trekker een rol of organisatie toe",
        ),
        "partners": About(
            "Partners die meedoen: bestandsnamen uit content/partners/ zonder .md",
            ["voorbeeldschool"],
            form="Kies de partners die meedoen",
        ),
        "sectors": About(
            "Werkvelden van het project: één code, of een lijst",
            ["po"],
            form="Kies de werkvelden van het project",
        ),
        "goal": About(
            "Doel van het project, in een of twee zinnen",
            "Leerkrachten leren van elkaar door in elkaars klas te kijken.",
        ),
        "start": About("Begindatum", "2025-09-01"),
        "end": About(
            "Einddatum; weglaten zolang het project doorloopt",
            "2027-07-31",
            form="Einddatum; leeg laten zolang het project doorloopt",
        ),
    },
    "agenda": {
        "title": About("Naam van de activiteit", "Netwerkbijeenkomst voorjaar"),
        "summary": About(
            "Eén zin voor de agenda", "De contactpersonen van alle partners ontmoeten elkaar."
        ),
        "start": About(
            "Begin: datum met tijd, of alleen een datum voor een activiteit van een hele dag",
            "2026-03-12 15:30",
            form="Wanneer de activiteit begint",
        ),
        "end": About(
            "Einde: datum met tijd, alleen een tijd op dezelfde dag, of een datum",
            "17:30",
            form="Wanneer de activiteit afloopt; mag leeg blijven",
        ),
        "location": About(
            "Waar: name en address, elk op een eigen ingesprongen regel, of volgt als de plek "
            "nog niet bekend is; voor een online activiteit haal je location weg en vul je "
            "online_url in",
            form=(
                "Naam en adres van de plek. Nog niet bekend: zet 'Volgt nog' aan. Online: laat "
                "naam en adres leeg en vul 'Online: webadres' in"
            ),
        ),
        "location.name": About("Naam van de plek", "Voorbeeldschool"),
        "location.address": About(
            "Adres met postcode en plaats", "Stationsplein 1, 1234 AB Plaatsnaam"
        ),
        "online_url": About(
            "Webadres van een online activiteit, of volgt als de link nog komt",
            "https://meet.example.nl/netwerk",
            form=(
                "Webadres van een online activiteit (laat Plaats dan leeg); nog niet bekend: "
                "schrijf volgt"
            ),
        ),
        "sectors": About(_SECTORS, ["po", "vo"], form="Kies de werkvelden van de activiteit"),
        "kind": About("Soort activiteit", "themabijeenkomst", form="Kies de soort activiteit"),
        "status": About(
            "Status van de activiteit; zonder status de eerste uit activity_statuses",
            "vol",
            form="Kies de status; zonder keuze geldt de eerste uit de lijst",
        ),
        "theme": About(_THEME, "taal-en-lezen", form="Kies het thema van de activiteit"),
        "project": About(
            _PROJECT, "samen-lesgeven", form="Kies het project waar de activiteit bij hoort"
        ),
        "partners": About(
            "Partners die organiseren of meedoen: bestandsnamen uit content/partners/ zonder .md",
            ["voorbeeldschool"],
            form="Kies de partners die organiseren of meedoen",
        ),
        "registration_url": About(
            "Webadres om je aan te melden", "https://www.example.nl/aanmelden"
        ),
        "participants": About(
            "Aantal deelnemers, in te vullen als de activiteit geweest is: in totaal, of per "
            "werkveld van de activiteit (code: aantal)",
            56,
            form="Het aantal deelnemers, in te vullen als de activiteit geweest is: in totaal, "
            "zoals 56, of per werkveld de code en het aantal, zoals " + COUNTS,
            form_one_sector="Het aantal deelnemers, in te vullen als de activiteit geweest is, "
            "zoals 56",
        ),
    },
    "nieuws": {
        "title": About("Kop van het bericht", "Nieuwe leergemeenschap van start"),
        "date": About("Datum van het bericht", "2026-03-12"),
        "kind": About("Soort bericht", "nieuws", form="Kies de soort bericht"),
        "summary": About(
            "Eén of twee zinnen voor lijsten, feeds en nieuwsbrieven",
            "Twintig scholen gaan samen aan de slag met lezen.",
        ),
        "sectors": About(_SECTORS, ["po"], form="Kies de werkvelden van het bericht"),
        "themes": About(_THEMES, ["taal-en-lezen"], form="Kies de thema's van het bericht"),
        "project": About(
            _PROJECT, "samen-lesgeven", form="Kies het project waar het bericht over gaat"
        ),
        "partners": About(
            "Partners in het bericht: bestandsnamen uit content/partners/ zonder .md",
            ["voorbeeldschool"],
            form="Kies de partners die in het bericht voorkomen",
        ),
        "image": About(
            "Afbeelding bij het bericht: het pad vanaf content/",
            "afbeeldingen/leergemeenschap.jpg",
            form="Kies of upload een afbeelding bij het bericht",
        ),
        "image_alt": About(
            "Wat er op de afbeelding staat, voor wie hem niet ziet; verplicht bij een afbeelding",
            "Leerkrachten in gesprek",
        ),
    },
    "kennisbank": {
        "title": About("Naam van de bron", "Onderzoek naar leesplezier"),
        "kind": About("Soort bron", "onderzoek", form="Kies de soort bron"),
        "summary": About("Eén zin over de bron", "Wat onderzoek zegt over lezen voor plezier."),
        "url": About(
            "Webadres van de bron; zonder url is de bron een pagina van zichzelf, met de tekst "
            "onder de front matter",
            "https://www.example.nl/onderzoek",
            form=(
                "Webadres van de bron; leeg laten maakt van de bron een eigen pagina, met de "
                "tekst hieronder"
            ),
        ),
        "themes": About(_THEMES, ["taal-en-lezen"], form="Kies de thema's van de bron"),
        "sectors": About(
            "Werkvelden (mag leeg): één code, of een lijst",
            ["po"],
            form="Kies de werkvelden van de bron; mag leeg blijven",
        ),
        "partners": About(
            "Partners van de bron, op wier pagina ze staat: bestandsnamen uit content/partners/ "
            "zonder .md",
            ["voorbeeldschool"],
            form="Kies de partners op wier pagina de bron staat",
        ),
        "projects": About(
            "Projecten van de bron, op wier pagina ze staat: bestandsnamen uit "
            "content/projecten/ zonder .md",
            ["samen-lesgeven"],
            form="Kies de projecten op wier pagina de bron staat",
        ),
    },
    ORGANISATION: {
        "intro": About(
            "Inleiding boven de groepen",
            "Een regiegroep bepaalt de koers; werkgroepen voeren de plannen uit.",
        ),
        "groups": About(
            "Groepen, elk met name, task, description en members",
            form="De groepen van het netwerk, elk met een naam, taak, toelichting en leden",
        ),
        "groups.name": About("Naam van de groep", "Regiegroep"),
        "groups.task": About("Taak van de groep, in een paar woorden", "Koers bepalen"),
        "groups.description": About(
            "Toelichting bij de groep", "De regiegroep komt drie keer per jaar bijeen."
        ),
        "groups.members": About(
            "Leden, elk met role en verder naar keuze name, partner, organisation, sectors en "
            "theme",
            form=(
                "De leden van de groep, elk met een rol en naar keuze een naam, partner, "
                "organisatie, werkvelden en thema"
            ),
        ),
        "groups.members.role": About("Rol in de groep", "Voorzitter"),
        "groups.members.name": About("Naam van de persoon", "Sam de Vries"),
        "groups.members.partner": About(
            "Partner van het lid: een bestandsnaam uit content/partners/ zonder .md",
            "voorbeeldschool",
            form="Kies de partner van het lid",
        ),
        "groups.members.organisation": About(
            "Organisatie van het lid, als die geen partner is", "Gemeente Plaatsnaam"
        ),
        "groups.members.sectors": About(
            "Werkvelden die het lid vertegenwoordigt",
            ["po"],
            form="Kies de werkvelden die het lid vertegenwoordigt",
        ),
        "groups.members.theme": About(
            "Thema waarvoor het lid aanspreekpunt is",
            "taal-en-lezen",
            form="Kies het thema waarvoor het lid aanspreekpunt is",
        ),
    },
    NEWSLETTER: {
        "date": About("Verzenddatum", "2026-03-02"),
        "subject": About("Onderwerpregel van de e-mail", "Nieuwsbrief maart 2026"),
        "preheader": About(
            "Voorvertoning in de inbox, 40 tot 150 tekens",
            "Nieuwe activiteiten, een oproep voor scholen en het laatste nieuws uit het netwerk.",
        ),
        "audiences": About(
            "Doelgroepen die deze editie krijgen; leeg: alle",
            ["po"],
            form="Kies de doelgroepen die deze editie krijgen; leeg laten: alle",
        ),
        "intros": About(
            "Eigen inleiding per doelgroep, in plaats van de tekst onder de front matter",
            form="Een eigen inleiding per doelgroep, in plaats van de tekst hieronder",
        ),
        "highlights": About(
            "Uitgelichte items bovenaan, als map/naam",
            ["agenda/netwerkbijeenkomst-voorjaar"],
            form="Kies de items die bovenaan de nieuwsbrief uitgelicht staan",
        ),
        "results": About(
            "Wat het mailprogramma na verzending meldt, per doelgroep (code): recipients, opens "
            "en clicks, elk op een eigen ingesprongen regel",
            form=(
                "Wat het mailprogramma na verzending meldt, per doelgroep: ontvangers, geopend en"
                " geklikt"
            ),
        ),
        "results.recipients": About("Aantal ontvangers", 607),
        "results.opens": About(
            "Geopend: het aantal ontvangers dat de e-mail opende, of een percentage van de "
            "ontvangers",
            "38,4%",
        ),
        "results.clicks": About(
            "Doorgeklikt: het aantal ontvangers dat op een link klikte, of een percentage van de "
            "ontvangers",
            74,
        ),
        "draft": About(
            "true houdt de editie buiten de site en de feeds",
            form="Aan houdt de editie buiten de site en de feeds",
        ),
    },
    FIGURES: {
        "subscribers": About(
            "Abonnees op de nieuwsbrief, alle doelgroepen samen: per jaar (2026: 572) of per "
            "schooljaar (2025-2026: 572), elk op een eigen ingesprongen regel",
            {"2025": 415, "2026": 572},
            form="Abonnees op de nieuwsbrief, alle doelgroepen samen, per jaar of per schooljaar",
        ),
        "followers": About(
            "Volgers per kanaal (zoals LinkedIn), met daaronder per jaar of schooljaar het aantal",
            {"LinkedIn": {"2025": 120, "2026": 180}},
            form="Volgers per kanaal, zoals LinkedIn, met per jaar of per schooljaar het aantal",
        ),
    },
    PAGE: {
        "title": About("Titel van de pagina", "Over ons"),
        "description": About(
            "Beschrijving voor zoekmachines en linkvoorbeelden", "Wie we zijn en wat we doen."
        ),
        "subtitle": About("Ondertitel van de pagina", "Het netwerk in het kort"),
        "hide": About(
            "Onderdelen die de pagina niet toont, zoals het menu (navigation) of de inhoudsopgave "
            "(toc)",
            ["navigation", "toc"],
            form="Kies wat de pagina niet toont: navigation is het menu, toc de inhoudsopgave",
        ),
        "search": About(
            "Instellingen voor de zoekfunctie; exclude: true houdt de pagina erbuiten",
            {"exclude": True},
            form="Hoe de zoekfunctie van de site met de pagina omgaat",
        ),
    },
}

# One text for an option of `netwerk nieuw` that several kinds share (`--sectors`, `--start`).
SHARED: dict[str, str] = {
    "summary": "Eén zin voor lijsten, zoekresultaten en feeds",
    "sectors": _SECTORS,
    "themes": _THEMES,
    "theme": _THEME,
    "project": _PROJECT,
    "partners": "Partners: bestandsnamen uit content/partners/ zonder .md, als lijst",
    "start": "Begin: 2026-03-12, of met tijd 2026-03-12T15:30",
    "end": "Einde: 2026-03-12, of met tijd 2026-03-12T17:00",
    "kind": "Soort",
    "status": "Status",
    "date": "Datum, jjjj-mm-dd",
}


def about(folder: str, path: str) -> About:
    """The field `path` (dotted when nested) of the collection in `folder`."""
    own = FIELDS[folder].get(path)
    if own is not None:
        return own
    if folder not in NOT_ITEMS and path in FIELDS[ITEM]:
        return FIELDS[ITEM][path]
    raise KeyError(f"{folder}: {path}")


def exists(settings: Settings, path: str) -> bool:
    """Whether the field exists in this network: no `membership` without memberships."""
    return not (path == "membership" and not settings.memberships)


def filled_in(settings: Settings, path: str) -> bool:
    """A field the network's shape fills in (models.Item._network_defaults): the one sector,
    the one membership."""
    if path == "sectors":
        return settings.one_sector
    return path == "membership" and len(settings.memberships) == 1


def form_hint(folder: str, path: str, settings: Settings) -> str:
    """The hint below the field in the admin page's form, true for this network's shape."""
    field = about(folder, path)
    text = (settings.one_sector and field.form_one_sector) or field.form or field.description
    return text.replace(COUNTS, _counts(settings))


def counts_typed(settings: Settings) -> str:
    """`po: 12, vo: 10`: participants per sector as the form takes them, in this network's
    codes (its first two)."""
    codes = list(settings.sectors)[:2]
    return ", ".join(f"{code}: {count}" for code, count in zip(codes, (12, 10), strict=False))


def _counts(settings: Settings) -> str:
    """`po: 12, vo: 10 (po is Primair onderwijs, ...)`: the example with its codes named."""
    named = ", ".join(f"{code} is {settings.sectors[code]}" for code in list(settings.sectors)[:2])
    return f"{counts_typed(settings)} ({named})"


def described(folder: str, path: str, default: Any = PydanticUndefined, **kwargs: Any) -> Any:
    """A pydantic Field with this field's description and example (`examples` in the schema)."""
    field = about(folder, path)
    examples = None if field.example is None else [field.example]
    return Field(default, description=field.description, examples=examples, **kwargs)
