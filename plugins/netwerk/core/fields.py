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
from typing import Any

from pydantic import Field
from pydantic_core import PydanticUndefined


@dataclass(frozen=True)
class About:
    """One field: what it means, and a value an editor could write."""

    description: str
    example: Any = None


# Fields every collection's items have (netwerk.core.models.Item).
ITEM = "item"
ORGANISATION = "organisatie"
NEWSLETTER = "nieuwsbrief"
FIGURES = "cijfers"
PAGE = "pagina"
# Described here besides the collections (by their folders: netwerk.core.collections).
NOT_ITEMS = (ITEM, ORGANISATION, NEWSLETTER, FIGURES, PAGE)

_SECTORS = "Werkvelden: één code, of een lijst"
_THEMES = "Thema's: bestandsnamen uit content/themas/ zonder .md, als lijst"
_THEME = "Thema: een bestandsnaam uit content/themas/ zonder .md"
_PROJECT = "Project: een bestandsnaam uit content/projecten/ zonder .md"

FIELDS: dict[str, dict[str, About]] = {
    ITEM: {
        "draft": About(
            "true houdt het item helemaal buiten de site: geen pagina, niet in lijsten, feeds, "
            "kalenders of nieuwsbrieven"
        ),
    },
    "partners": {
        "name": About("Naam van de organisatie", "Voorbeeldschool"),
        "summary": About(
            "Eén zin over de partner, voor lijsten en zoekresultaten",
            "Openbare basisschool in het centrum van Plaatsnaam.",
        ),
        "sectors": About("Werkvelden waarin de partner actief is: één code, of een lijst", ["po"]),
        "membership": About(
            "Soort lidmaatschap; geen veld in een netwerk zonder memberships in mkdocs.yml", "basis"
        ),
        "website": About("Webadres van de organisatie", "https://www.example.nl/"),
        "logo": About(
            "Logo: het pad vanaf content/ naar het bestand",
            "afbeeldingen/logos/voorbeeldschool.svg",
        ),
        "logo_alt": About(
            "Wat er op het logo staat, voor wie het niet ziet; verplicht bij een logo",
            "Logo van Voorbeeldschool",
        ),
        "municipality": About("Gemeente waar de partner zit", "Plaatsnaam"),
        "member_since": About("Datum waarop de partner lid werd", "2020-09-01"),
        "themes": About(
            "Thema's waaraan de partner werkt: bestandsnamen zonder .md", ["taal-en-lezen"]
        ),
    },
    "themas": {
        "title": About("Naam van het thema", "Taal en lezen"),
        "summary": About(
            "Eén zin over het thema", "Hoe scholen en partners samen werken aan taal en lezen."
        ),
        "order": About("Plaats in lijsten: 1 komt eerst", 1),
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
        ),
        "status": About("Stand van het project", "lopend"),
        "leads": About("Trekkers: rollen of organisaties, als lijst", ["Projectleider"]),
        "partners": About(
            "Partners die meedoen: bestandsnamen uit content/partners/ zonder .md",
            ["voorbeeldschool"],
        ),
        "sectors": About("Werkvelden van het project: één code, of een lijst", ["po"]),
        "goal": About(
            "Doel van het project, in een of twee zinnen",
            "Leerkrachten leren van elkaar door in elkaars klas te kijken.",
        ),
        "start": About("Begindatum", "2025-09-01"),
        "end": About("Einddatum; weglaten zolang het project doorloopt", "2027-07-31"),
    },
    "agenda": {
        "title": About("Naam van de activiteit", "Netwerkbijeenkomst voorjaar"),
        "summary": About(
            "Eén zin voor de agenda", "De contactpersonen van alle partners ontmoeten elkaar."
        ),
        "start": About(
            "Begin: datum met tijd, of alleen een datum voor een activiteit van een hele dag",
            "2026-03-12 15:30",
        ),
        "end": About(
            "Einde: datum met tijd, alleen een tijd op dezelfde dag, of een datum", "17:30"
        ),
        "location": About(
            "Waar: name en address, elk op een eigen ingesprongen regel, of volgt als de plek "
            "nog niet bekend is; voor een online activiteit haal je location weg en vul je "
            "online_url in"
        ),
        "location.name": About("Naam van de plek", "Voorbeeldschool"),
        "location.address": About(
            "Adres met postcode en plaats", "Stationsplein 1, 1234 AB Plaatsnaam"
        ),
        "online_url": About(
            "Webadres van een online activiteit, of volgt als de link nog komt",
            "https://meet.example.nl/netwerk",
        ),
        "sectors": About(_SECTORS, ["po", "vo"]),
        "kind": About("Soort activiteit", "themabijeenkomst"),
        "status": About(
            "Status van de activiteit; zonder status de eerste uit activity_statuses", "vol"
        ),
        "theme": About(_THEME, "taal-en-lezen"),
        "project": About(_PROJECT, "samen-lesgeven"),
        "partners": About(
            "Partners die organiseren of meedoen: bestandsnamen uit content/partners/ zonder .md",
            ["voorbeeldschool"],
        ),
        "registration_url": About(
            "Webadres om je aan te melden", "https://www.example.nl/aanmelden"
        ),
        "participants": About(
            "Aantal deelnemers, in te vullen als de activiteit geweest is: in totaal, of per "
            "werkveld van de activiteit (code: aantal)",
            56,
        ),
    },
    "nieuws": {
        "title": About("Kop van het bericht", "Nieuwe leergemeenschap van start"),
        "date": About("Datum van het bericht", "2026-03-12"),
        "kind": About("Soort bericht", "nieuws"),
        "summary": About(
            "Eén of twee zinnen voor lijsten, feeds en nieuwsbrieven",
            "Twintig scholen gaan samen aan de slag met lezen.",
        ),
        "sectors": About(_SECTORS, ["po"]),
        "themes": About(_THEMES, ["taal-en-lezen"]),
        "project": About(_PROJECT, "samen-lesgeven"),
        "partners": About(
            "Partners in het bericht: bestandsnamen uit content/partners/ zonder .md",
            ["voorbeeldschool"],
        ),
        "image": About(
            "Afbeelding bij het bericht: het pad vanaf content/", "afbeeldingen/leergemeenschap.jpg"
        ),
        "image_alt": About(
            "Wat er op de afbeelding staat, voor wie hem niet ziet; verplicht bij een afbeelding",
            "Leerkrachten in gesprek",
        ),
    },
    "kennisbank": {
        "title": About("Naam van de bron", "Onderzoek naar leesplezier"),
        "kind": About("Soort bron", "onderzoek"),
        "summary": About("Eén zin over de bron", "Wat onderzoek zegt over lezen voor plezier."),
        "url": About(
            "Webadres van de bron; zonder url is de bron een pagina van zichzelf, met de tekst "
            "onder de front matter",
            "https://www.example.nl/onderzoek",
        ),
        "themes": About(_THEMES, ["taal-en-lezen"]),
        "sectors": About("Werkvelden (mag leeg): één code, of een lijst", ["po"]),
        "partners": About(
            "Partners van de bron, op wier pagina ze staat: bestandsnamen uit content/partners/ "
            "zonder .md",
            ["voorbeeldschool"],
        ),
        "projects": About(
            "Projecten van de bron, op wier pagina ze staat: bestandsnamen uit "
            "content/projecten/ zonder .md",
            ["samen-lesgeven"],
        ),
    },
    ORGANISATION: {
        "intro": About(
            "Inleiding boven de groepen",
            "Een regiegroep bepaalt de koers; werkgroepen voeren de plannen uit.",
        ),
        "groups": About("Groepen, elk met name, task, description en members"),
        "groups.name": About("Naam van de groep", "Regiegroep"),
        "groups.task": About("Taak van de groep, in een paar woorden", "Koers bepalen"),
        "groups.description": About(
            "Toelichting bij de groep", "De regiegroep komt drie keer per jaar bijeen."
        ),
        "groups.members": About(
            "Leden, elk met role en verder naar keuze name, partner, organisation, sectors en theme"
        ),
        "groups.members.role": About("Rol in de groep", "Voorzitter"),
        "groups.members.name": About("Naam van de persoon", "Sam de Vries"),
        "groups.members.partner": About(
            "Partner van het lid: een bestandsnaam uit content/partners/ zonder .md",
            "voorbeeldschool",
        ),
        "groups.members.organisation": About(
            "Organisatie van het lid, als die geen partner is", "Gemeente Plaatsnaam"
        ),
        "groups.members.sectors": About("Werkvelden die het lid vertegenwoordigt", ["po"]),
        "groups.members.theme": About("Thema waarvoor het lid aanspreekpunt is", "taal-en-lezen"),
    },
    NEWSLETTER: {
        "date": About("Verzenddatum", "2026-03-02"),
        "subject": About("Onderwerpregel van de e-mail", "Nieuwsbrief maart 2026"),
        "preheader": About(
            "Voorvertoning in de inbox, 40 tot 150 tekens",
            "Nieuwe activiteiten, een oproep voor scholen en het laatste nieuws uit het netwerk.",
        ),
        "audiences": About("Doelgroepen die deze editie krijgen; leeg: alle", ["po"]),
        "intros": About(
            "Eigen inleiding per doelgroep, in plaats van de tekst onder de front matter"
        ),
        "highlights": About(
            "Uitgelichte items bovenaan, als map/naam",
            ["agenda/netwerkbijeenkomst-voorjaar"],
        ),
        "results": About(
            "Wat het mailprogramma na verzending meldt, per doelgroep (code): recipients, opens "
            "en clicks, elk op een eigen ingesprongen regel"
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
        "draft": About("true houdt de editie buiten de site en de feeds"),
    },
    FIGURES: {
        "subscribers": About(
            "Abonnees op de nieuwsbrief, alle doelgroepen samen: per jaar (2026: 572) of per "
            "schooljaar (2025-2026: 572), elk op een eigen ingesprongen regel",
            {"2025": 415, "2026": 572},
        ),
        "followers": About(
            "Volgers per kanaal (zoals LinkedIn), met daaronder per jaar of schooljaar het aantal",
            {"LinkedIn": {"2025": 120, "2026": 180}},
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
        ),
        "search": About(
            "Instellingen voor de zoekfunctie; exclude: true houdt de pagina erbuiten",
            {"exclude": True},
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


def described(folder: str, path: str, default: Any = PydanticUndefined, **kwargs: Any) -> Any:
    """A pydantic Field with this field's description and example (`examples` in the schema)."""
    field = about(folder, path)
    examples = None if field.example is None else [field.example]
    return Field(default, description=field.description, examples=examples, **kwargs)
