"""What a visitor meets (issue 17): a page per sector, a home page without repeats, short sector
labels, where-am-I navigation, readable charts, the network's own colours, emails and sitemap."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from datetime import date
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.exceptions import Abort

from browser import axe, serve, visit
from conftest import Site, build_network
from netwerk.core import look
from netwerk.core.audiences import Audience, Mailing
from netwerk.core.loader import load_network
from netwerk.core.network import Network
from netwerk.core.options import ROOT_ADDRESSES, options_from
from netwerk.core.problems import SettingsError
from netwerk.core.settings import Settings
from netwerk.website import pages as website
from netwerk.website import sectors
from networks import PNG, write_rich_network
from test_website import Page

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "netwerk"
TODAY = date(2026, 11, 23)
SETTINGS = Settings(build_date=TODAY)
PHONE = 375


def partner(name: str, sectors: str, membership: str = "basis") -> str:
    return f"---\nname: {name}\nsectors: {sectors}\nmembership: {membership}\n---\n"


def activity(
    title: str, start: str, sectors: str, partners: str = "[]", status: str = "gepland"
) -> str:
    return (
        f"---\ntitle: {title}\nstart: {start}\nlocation: {{name: Ergens}}\nsectors: {sectors}\n"
        f"kind: lezing\nstatus: {status}\npartners: {partners}\n---\n"
    )


def news(title: str, day: str, sectors: str, kind: str = "nieuws", partners: str = "[]") -> str:
    return (
        f"---\ntitle: {title}\ndate: {day}\nkind: {kind}\nsummary: Over {title}.\n"
        f"sectors: {sectors}\npartners: {partners}\n---\n"
    )


def project(title: str, sectors: str, status: str = "lopend", extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\ntheme: motivatie\nstatus: {status}\nsectors: {sectors}\n"
        f"goal: Doel van {title}.\n{extra}---\n"
    )


def resource(title: str, sectors: str | None) -> str:
    field = f"sectors: {sectors}\n" if sectors else ""
    return f"---\ntitle: {title}\nkind: onderzoek\nsummary: Over {title}.\n{field}---\n"


THEME = "---\ntitle: Motivatie\nsummary: Motivatie als motor.\n---\n"

# Big enough that every list on the home and sector pages has more than it shows.
CONTENT: dict[str, str] = {
    "index.md": "# Ons netwerk\n\nWelkom.\n",
    "themas/motivatie.md": THEME,
    "partners/museum.md": partner("Museum", "[po, vo]", "uitgelicht-lid"),
    "partners/atelier.md": partner("Atelier", "[po]", "uitgelicht-lid"),
    **{f"partners/school-{n:02}.md": partner(f"School {n:02}", "po") for n in range(14)},
    "partners/college.md": partner("College", "vo"),
    "agenda/geweest.md": activity("Geweest", "2026-11-01", "[po]", "[museum]"),
    "agenda/eerst.md": activity("Eerst", "2026-11-30", "[po]"),
    "agenda/afgelast.md": activity("Afgelast", "2026-12-01", "[po]", status="geannuleerd"),
    "agenda/tweede.md": activity("Tweede", "2026-12-02", "[vo]"),
    "agenda/derde.md": activity("Derde", "2026-12-03", "[po, vo]"),
    "agenda/vierde.md": activity("Vierde", "2026-12-04", "[po]"),
    "agenda/museum-later.md": activity("Museum later", "2027-01-10", "[po]", "[museum]"),
    "agenda/museum-nog-later.md": activity("Museum nog later", "2027-02-10", "[vo]", "[museum]"),
    "agenda/museum-laatst.md": activity("Museum laatst", "2027-03-10", "[po]", "[museum]"),
    "agenda/vijfde.md": activity("Vijfde", "2027-04-01", "[po]"),
    "agenda/zesde.md": activity("Zesde", "2027-05-01", "[po]"),
    "nieuws/n1.md": news("Bericht een", "2026-11-20", "[po]", partners="[museum]"),
    "nieuws/n2.md": news("Bericht twee", "2026-11-10", "[vo]"),
    "nieuws/n3.md": news("Bericht drie", "2026-11-01", "[po]"),
    "nieuws/museum-oktober.md": news("Museum oktober", "2026-10-01", "[po]", partners="[museum]"),
    "nieuws/atelier-juli.md": news("Atelier juli", "2026-07-01", "[po]", partners="[atelier]"),
    "nieuws/museum-oud.md": news("Museum oud", "2025-10-14", "[po]", partners="[museum]"),
    "nieuws/oproep-po.md": news("Oproep po", "2026-11-15", "[po]", "oproep"),
    "nieuws/oproep-vo.md": news("Oproep vo", "2026-11-14", "[vo]", "oproep"),
    "projecten/loopt.md": project("Loopt", "[po]", extra="start: 2025-09-01\n"),
    "projecten/klaar.md": project("Klaar", "[po]", "afgerond"),
    "projecten/nog-niet.md": project("Nog niet", "[po]", "nieuw", "start: 2027-01-01\n"),
    "projecten/voorbij.md": project("Voorbij", "[po]", "lopend", "end: 2026-06-30\n"),
    "projecten/vo-project.md": project("Vo-project", "[vo]"),
    "kennisbank/voor-po.md": resource("Voor po", "[po]"),
    "kennisbank/voor-vo.md": resource("Voor vo", "[vo]"),
    "kennisbank/voor-iedereen.md": resource("Voor iedereen", None),
}
SECTORS = {"po": "Primair onderwijs", "vo": "Voortgezet onderwijs", "mbo": "MBO"}
MEMBERSHIPS = {"basis": "Basislidmaatschap", "uitgelicht-lid": "Uitgebreid lidmaatschap"}
OPTIONS: dict[str, Any] = {
    "sectors": SECTORS,
    "memberships": MEMBERSHIPS,
    "featured_memberships": ["uitgelicht-lid"],
    "audiences": [
        {
            "slug": "po",
            "name": "Primair onderwijs",
            "sectors": ["po"],
            "subscribe_url": "https://lijst.example.nl/po",
            "list_address": "Nieuwsbrief PO <po@lijst.example.nl>",
        },
        {"slug": "vo-mbo", "name": "VO en MBO", "sectors": ["vo", "mbo"]},
    ],
    "newsletter_from": "Ons netwerk <nieuwsbrief@netwerk.example.nl>",
    "newsletter_unsubscribe_url": "https://lijst.example.nl/afmelden?lijst={audience}",
}


def written(root: Path) -> Path:
    for name, text in CONTENT.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root / "content"


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Network:
    settings = Settings(sectors=SECTORS, memberships=MEMBERSHIPS, build_date=TODAY)
    return load_network(written(tmp_path_factory.mktemp("bezoekers")), settings)


@pytest.fixture(scope="module")
def options() -> Any:
    return options_from(OPTIONS, site_url="https://netwerk.example.nl/", site_name="Ons netwerk")


def titles(items: list[Any]) -> list[str]:
    return [item.label for item in items]


# --- The home page ---------------------------------------------------------------------------


def test_home_lists_the_soonest_activities_and_the_latest_news(network: Network) -> None:
    home = website.home(network, ["uitgelicht-lid"])
    # Past and cancelled activities are left out (the agenda keeps the cancelled, marked).
    assert titles(home["activities"]) == ["Eerst", "Tweede", "Derde", "Vierde"]
    assert home["more_activities"]
    assert titles(home["news"]) == ["Bericht een", "Oproep po", "Oproep vo"]


def test_home_features_partners_items_not_listed_already_and_recent(network: Network) -> None:
    home = website.home(network, ["uitgelicht-lid"])
    # Museum's December activities and "Bericht een" are in the lists above; Museum oud is
    # more than half a year old.
    assert titles(home["featured_activities"]) == ["Museum later", "Museum nog later"]
    assert titles(home["featured_news"]) == ["Museum oktober", "Atelier juli"]
    shown = [
        (item.folder, item.slug)
        for key in ("activities", "news", "featured_activities", "featured_news")
        for item in home[key]
    ]
    assert len(shown) == len(set(shown))


def test_home_features_nothing_of_partners_without_a_featured_membership(
    network: Network,
) -> None:
    home = website.home(network, ["basis"])
    assert home["featured_activities"] == [] and home["featured_news"] == []


# --- A sector's page -------------------------------------------------------------------------


def test_sector_page_selects_its_upcoming_activities_without_cancelled_ones(
    network: Network,
) -> None:
    po = sectors.sector_page(network, "po", featured_memberships=["uitgelicht-lid"])
    assert titles(po.activities) == ["Eerst", "Derde", "Vierde", "Museum later", "Museum laatst"]
    assert po.more_activities  # Vijfde and Zesde are on the sector's agenda
    vo = sectors.sector_page(network, "vo")
    assert titles(vo.activities) == ["Tweede", "Derde", "Museum nog later"]
    assert not vo.more_activities


def test_sector_page_has_its_latest_news_with_calls_apart(network: Network) -> None:
    po = sectors.sector_page(network, "po")
    assert titles(po.news) == [
        "Bericht een",
        "Bericht drie",
        "Museum oktober",
        "Atelier juli",
        "Museum oud",
    ]
    assert titles(po.calls) == ["Oproep po"]
    assert titles(sectors.sector_page(network, "vo").calls) == ["Oproep vo"]


def test_sector_page_has_only_running_projects(network: Network) -> None:
    assert titles(sectors.sector_page(network, "po").projects) == ["Loopt"]
    assert titles(sectors.sector_page(network, "vo").projects) == ["Vo-project"]


def test_sector_page_lists_featured_partners_first_and_counts_them_all(network: Network) -> None:
    po = sectors.sector_page(network, "po", featured_memberships=["uitgelicht-lid"])
    assert titles(po.partners)[:3] == ["Atelier", "Museum", "School 00"]
    assert len(po.partners) == sectors.SECTOR_PARTNERS
    assert po.partner_count == 16


def test_sector_page_has_its_own_resources_then_those_for_everyone(network: Network) -> None:
    assert titles(sectors.sector_page(network, "po").resources) == ["Voor po", "Voor iedereen"]
    assert titles(sectors.sector_page(network, "mbo").resources) == ["Voor iedereen"]


def test_sector_page_offers_the_newsletter_of_its_audience_its_calendar_and_feed(
    network: Network, options: Any
) -> None:
    stay = sectors.stay_informed(network, options.audiences, options.mailing, "mbo")
    assert [s.audience.slug for s in stay.subscriptions] == ["vo-mbo"]
    (subscription,) = stay.subscriptions
    assert subscription.by_email
    assert subscription.subscribe_url == (
        "mailto:nieuwsbrief@netwerk.example.nl?subject=Aanmelden%20nieuwsbrief%20VO%20en%20MBO"
    )
    assert subscription.archive == "nieuwsbrief/vo-mbo/"
    # No news for mbo: no feed to follow (README, "Wat de site zegt, en wanneer").
    assert network.news_by_sector.get("mbo") is None
    assert (stay.calendar, stay.feed) == ("agenda/mbo/kalender.ics", None)
    po = sectors.stay_informed(network, options.audiences, options.mailing, "po")
    assert [(s.subscribe_url, s.by_email) for s in po.subscriptions] == [
        ("https://lijst.example.nl/po", False)
    ]
    # The home page offers every newsletter and the whole agenda.
    home = sectors.stay_informed(network, options.audiences, options.mailing)
    assert [s.audience.slug for s in home.subscriptions] == ["po", "vo-mbo"]
    assert (home.calendar, home.feed) == ("agenda/kalender.ics", "feeds/nieuws.xml")
    # Without newsletters, the calendar and feed remain.
    assert sectors.stay_informed(network, [], None, "po").subscriptions == []


def test_a_page_per_sector_at_the_site_root(network: Network) -> None:
    found = sectors.pages(network)
    assert [(page.url, page.title) for page in found] == [
        ("po/", "Primair onderwijs"),
        ("vo/", "Voortgezet onderwijs"),
        ("mbo/", "MBO"),
    ]
    assert found[2].description.startswith("Alles voor MBO in het netwerk")


# --- Sector codes and the site's addresses ------------------------------------------------------


def test_sector_codes_that_take_an_address_of_the_site_are_refused() -> None:
    with pytest.raises(SettingsError) as raised:
        options_from(
            {"sectors": {"po": "Primair onderwijs", "agenda": "Agenda", "in-cijfers": "Cijfers"}},
            site_url=None,
            site_name="x",
        )
    assert raised.value.messages == [
        "netwerk: sectors: 'agenda' kan geen code van een werkveld zijn: elk werkveld krijgt "
        "een pagina /agenda/, en dat adres is al de agenda; kies een andere code",
        "netwerk: sectors: 'in-cijfers' kan geen code van een werkveld zijn: elk werkveld "
        "krijgt een pagina /in-cijfers/, en dat adres is al de pagina met het netwerk in "
        "cijfers; kies een andere code",
    ]


def test_a_build_with_such_a_sector_code_stops_with_the_message(
    small_site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    small_site.configure(sectors={"po": "Primair onderwijs", "nieuws": "Nieuws"})
    with pytest.raises(Abort):
        small_site.build()
    assert "mkdocs.yml: netwerk: sectors: 'nieuws' kan geen code van een werkveld zijn" in (
        caplog.text
    )
    assert not small_site.output.exists()


def test_every_address_at_the_root_of_a_built_site_is_known(rich: Path) -> None:
    """A folder the build makes at the site's root is a sector's page or in ROOT_ADDRESSES."""
    sector_codes = {"vve", "po", "vo", "mbo", "ho"}
    folders = {path.name for path in rich.iterdir() if path.is_dir()}
    assert folders - sector_codes - set(ROOT_ADDRESSES) == set()
    assert sector_codes <= folders


# --- Sector labels -----------------------------------------------------------------------------


def test_short_labels_are_codes_in_the_order_of_mkdocs_yml_or_all() -> None:
    names = {"vve": "Voor- en vroegschoolse educatie", "po": "Primair onderwijs", "vo": "VO"}
    assert sectors.short_labels(["vo", "po"], names) == (
        '<abbr title="Primair onderwijs">po</abbr>, <abbr title="VO">vo</abbr>'
    )
    assert sectors.short_labels(["vo", "vve", "po"], names) == "alle werkvelden"
    assert sectors.full_labels(["vo", "po"], names) == "Primair onderwijs, VO"
    assert sectors.full_labels(["po", "vve", "vo"], names) == "Alle werkvelden"
    # A network of one sector: every item has it, so lists say nothing.
    assert sectors.short_labels(["po"], {"po": "Primair onderwijs"}) == ""


# --- Built pages -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = Site(tmp_path_factory.mktemp("bezoekerssite"))
    written(site.root)
    (site.root / "newsletters").mkdir()
    for name, day in (("2026-10", "2026-10-05"), ("2026-12", "2026-12-07")):
        (site.root / "newsletters" / f"{name}.md").write_text(
            f"---\ndate: {day}\nsubject: Nieuwsbrief {name}\n---\nHallo.\n", encoding="utf-8"
        )
    return site.configure(**OPTIONS).build()


def article_links(site: Site, url: str) -> list[tuple[str, str]]:
    return Page(site.page(url)).links


def test_home_links_every_sector_and_shows_each_item_once(built: Site) -> None:
    home = Page(built.page(""))
    # In the order of mkdocs.yml (which Site.configure writes sorted).
    assert home.text.startswith(
        "Ons netwerk Welkom. Aanmelden voor de nieuwsbrief "
        "Ik werk in ... MBO Primair onderwijs Voortgezet onderwijs"
    )
    links = dict((href, text) for text, href in home.links)
    assert [links.get(code + "/") for code in SECTORS] == list(SECTORS.values())
    items = [
        href for _, href in home.links if href.startswith(("agenda/", "nieuws/")) and "/" in href
    ]
    items = [href for href in items if href.count("/") == 2]
    assert len(items) == len(set(items)) and len(items) == 4 + 3 + 2 + 2


def test_home_offers_every_newsletter_the_calendar_and_the_feed(built: Site) -> None:
    home = Page(built.page(""))
    stay = home.text[home.text.index("Blijf op de hoogte") : home.text.index("Thema's")]
    assert stay.startswith(
        "Blijf op de hoogte Nieuwsbrief : aanmelden voor Primair onderwijs of VO en MBO"
    )
    assert ("Primair onderwijs", "https://lijst.example.nl/po") in home.links
    assert ("eerdere nieuwsbrieven", "nieuwsbrief/") in home.links
    assert (
        "abonneren in je eigen agenda",
        "webcal://netwerk.example.nl/agenda/kalender.ics",
    ) in home.links
    assert ("downloaden (.ics)", "agenda/kalender.ics") in home.links
    assert ("volgen in je feedlezer (RSS)", "feeds/nieuws.xml") in home.links


def test_sector_page_is_built_with_its_lists_and_how_to_stay_informed(built: Site) -> None:
    po = Page(built.page("po"))
    assert po.title == "Primair onderwijs - Testnetwerk"
    assert po.text.startswith("Primair onderwijs Andere werkvelden: MBO , Voortgezet onderwijs")
    for heading in (
        "Komende activiteiten 30 nov Eerst",
        "Laatste nieuws 20 nov Bericht een",
        "Oproepen 15 nov Oproep po",
        "Blijf op de hoogte Nieuwsbrief Primair onderwijs : aanmelden · eerdere nieuwsbrieven",
        "Lopende projecten Loopt",
        "Partners Atelier Museum School 00",
        "Alle 16 partners in primair onderwijs",
        "Uit de kennisbank Voor po",
    ):
        assert heading in po.text, heading
    assert "Afgelast" not in po.text
    assert ("De hele agenda voor primair onderwijs", "../agenda/po/") in po.links
    assert ("aanmelden", "https://lijst.example.nl/po") in po.links
    assert ("eerdere nieuwsbrieven", "../nieuwsbrief/po/") in po.links
    assert ("downloaden (.ics)", "../agenda/po/kalender.ics") in po.links
    assert ("volgen in je feedlezer (RSS)", "../feeds/po.xml") in po.links
    assert po.metas["description"].startswith("Alles voor primair onderwijs in het netwerk")


def test_lists_show_short_sector_labels_and_item_pages_the_names(built: Site) -> None:
    agenda = built.page("agenda")
    assert '· <abbr title="Primair onderwijs">po</abbr>, <abbr title="Voortgezet onderwijs">' in (
        agenda
    )
    assert "Primair onderwijs, Voortgezet onderwijs" not in agenda
    museum = Page(built.page("partners/museum"))
    assert "Werkvelden Primair onderwijs , Voortgezet onderwijs" in museum.text
    assert ("Voortgezet onderwijs", "../../vo/") in museum.links


# --- Where am I --------------------------------------------------------------------------------


def tab(html: str) -> list[str]:
    return re.findall(
        r'<li class="md-tabs__item md-tabs__item--active">\s*<a href="[^"]*" class="md-tabs__link">'
        r"\s*(.*?)\s*</a>",
        html,
    )


def breadcrumb(html: str) -> list[str]:
    found = re.search(
        r'<nav class="md-path netwerk-breadcrumb" aria-label="Kruimelpad">(.*?)</nav>', html, re.S
    )
    if found is None:
        return []
    return [
        " ".join(re.sub(r"<[^>]+>", " ", item).split())
        for item in re.findall(r"<li.*?</li>", found.group(1), re.S)
    ]


def test_item_pages_mark_their_section_tab_and_show_a_breadcrumb(rich: Path) -> None:
    partner = (rich / "partners/bibliotheek-noord/index.html").read_text(encoding="utf-8")
    assert tab(partner) == ["Partners"]
    assert breadcrumb(partner) == ["Partners", "Bibliotheek Noord"]
    assert '<a href="../">Partners</a>' in partner
    assert '<li class="netwerk-breadcrumb__item" aria-current="page">Bibliotheek Noord</li>' in (
        partner
    )
    year = (rich / "nieuws/archief/2026/index.html").read_text(encoding="utf-8")
    assert tab(year) == ["Nieuws"]
    assert breadcrumb(year) == ["Nieuws", "Nieuwsarchief", "Nieuws uit 2026"]
    edition = (rich / "nieuwsbrief/vve-po/2026-10/index.html").read_text(encoding="utf-8")
    assert tab(edition) == ["Nieuwsbrief"]
    # Pages in the menu mark themselves and need no breadcrumb; only one tab at a time.
    overview = (rich / "partners/index.html").read_text(encoding="utf-8")
    assert tab(overview) == ["Partners"] and breadcrumb(overview) == []
    assert tab((rich / "index.html").read_text(encoding="utf-8")) == ["Home"]


# --- The network's look ------------------------------------------------------------------------


def test_contrast_is_wcag_2s() -> None:
    assert look.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert look.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", sorted(look.PRIMARY))
def test_every_material_colour_gives_readable_text(name: str) -> None:
    found = look.look_from({"palette": {"primary": name, "accent": "yellow"}})
    assert look.contrast(found.primary, found.primary_text) >= 4.5
    assert look.contrast(found.link, "#ffffff") >= 4.5
    assert look.contrast(found.accent, "#ffffff") >= 4.5
    assert look.contrast(found.link_dark, look.EMAIL_DARK_CARD) >= 4.5
    assert look.contrast(found.email_link, look.EMAIL_BACKGROUND) >= 4.5


def test_a_colour_of_its_own_is_kept_when_dark_enough_and_darkened_when_not() -> None:
    red = look.look_from({"palette": {"primary": "#b3261e"}, "logo": "assets/logo.svg"})
    assert (red.primary, red.link, red.logo) == ("#b3261e", "#b3261e", "assets/logo.svg")
    assert red.email_logo is None  # mail programs show no SVG
    light = look.look_from({"palette": [{"primary": "#7fb3ff"}, {"scheme": "slate"}]})
    assert light.link != "#7fb3ff"
    assert 4.5 <= look.contrast(light.link, "#ffffff") < 4.7  # no darker than needed
    assert look.look_from({"logo": "logo.png"}).email_logo == "logo.png"
    # Without a palette: Material's indigo, which needs no change.
    assert look.look_from(None).link == "#4051b5"


def test_an_unknown_colour_is_refused_in_dutch() -> None:
    with pytest.raises(SettingsError) as raised:
        options_from({}, site_url=None, site_name="x", theme={"palette": {"primary": "rood"}})
    (message,) = raised.value.messages
    assert message.startswith(
        "theme: palette: primary: 'rood' is geen kleur van Material for MkDocs;"
    )
    assert 'schrijf een eigen kleur als "#b3261e"' in message


def test_custom_colours_are_left_to_the_sites_own_stylesheet() -> None:
    custom = look.look_from({"palette": {"primary": "custom", "accent": "custom"}})
    assert custom.css() == ""


def test_the_site_emails_and_charts_use_the_networks_colours(rich: Path) -> None:
    css = (rich / "assets/stylesheets/netwerk-look.css").read_text(encoding="utf-8")
    green = look.look_from({"palette": {"primary": "green"}})
    assert f"--md-primary-fg-color: {green.primary};" in css
    assert f"--md-typeset-a-color: {green.link};" in css
    assert "netwerk-look.css" in (rich / "index.html").read_text(encoding="utf-8")
    email = (rich / "nieuwsbrief/vve-po/2026-10/email.html").read_text(encoding="utf-8")
    assert f'bgcolor="{green.email_link}"' in email and f"color: {green.email_link};" in email
    assert 'class="netwerk-bar"' in (rich / "in-cijfers/index.html").read_text(encoding="utf-8")
    # No colour of one network is left in the package's templates.
    for path in PACKAGE.rglob("*"):
        if path.suffix in (".html", ".css", ".txt", ".py"):
            assert "#0a4f8a" not in path.read_text(encoding="utf-8"), path


LOGO_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    '<circle cx="12" cy="12" r="10" fill="#b3261e"/></svg>\n'
)


def test_a_networks_own_red_and_svg_logo_reach_the_site_and_its_emails(
    small_site: Site,
) -> None:
    """A red of the network's own, dark enough to keep, and an SVG logo in the site's
    overrides with a PNG of the same name beside it: mail programs show no SVG, so the emails
    show the PNG, by its full address."""
    small_site.configure(
        audiences=[
            {"slug": "po", "name": "Primair onderwijs", "sectors": ["po"]},
            {"slug": "vo-ho", "name": "VO, MBO en HO", "sectors": ["vo", "mbo", "ho"]},
        ],
        newsletter_from=OPTIONS["newsletter_from"],
        newsletter_unsubscribe_url=OPTIONS["newsletter_unsubscribe_url"],
    )
    mkdocs_yml = small_site.root / "mkdocs.yml"
    config = yaml.safe_load(mkdocs_yml.read_text(encoding="utf-8"))
    config["theme"] |= {
        "custom_dir": "overrides",
        "logo": "assets/images/netwerk.svg",
        "palette": {"primary": "#b3261e", "accent": "red"},
    }
    mkdocs_yml.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    images = small_site.root / "overrides" / "assets" / "images"
    images.mkdir(parents=True)
    (images / "netwerk.svg").write_text(LOGO_SVG, encoding="utf-8")
    (images / "netwerk.png").write_bytes(PNG)
    (small_site.root / "newsletters").mkdir()
    (small_site.root / "newsletters" / "2026-10.md").write_text(
        "---\ndate: 2026-10-05\nsubject: Nieuwsbrief oktober\n---\nHallo.\n", encoding="utf-8"
    )
    small_site.build()

    css = (small_site.output / "assets/stylesheets/netwerk-look.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #b3261e;" in css
    emails = sorted(small_site.output.glob("nieuwsbrief/*/*/email.html"))
    assert [path.parent.relative_to(small_site.output).as_posix() for path in emails] == [
        "nieuwsbrief/po/2026-10",
        "nieuwsbrief/vo-ho/2026-10",
    ]
    for path in emails:
        email = path.read_text(encoding="utf-8")
        assert 'src="https://netwerk.example.nl/assets/images/netwerk.png"' in email, path


# --- Emails --------------------------------------------------------------------------------------


def message(site: Site, audience: str) -> Any:
    raw = (site.output / f"nieuwsbrief/{audience}/2026-10/bericht.eml").read_bytes()
    return message_from_bytes(raw, policy=policy.default)


def test_emails_are_addressed_to_the_audiences_list(built: Site) -> None:
    assert message(built, "po")["To"] == "Nieuwsbrief PO <po@lijst.example.nl>"
    # Without a list address: no visible recipient, as a mailing tool sends it.
    assert message(built, "vo-mbo")["To"] == "undisclosed-recipients:;"


def test_a_list_address_must_be_an_email_address() -> None:
    audience = {"slug": "po", "name": "PO", "sectors": ["po"], "list_address": "po-lijst"}
    with pytest.raises(SettingsError) as raised:
        options_from({"audiences": [audience]}, site_url=None, site_name="x")
    assert (
        "netwerk: audiences: doelgroep 1 (po): list_address 'po-lijst' is geen e-mailadres; "
        "schrijf het adres van de verzendlijst, zoals list_address: Nieuwsbrief PO "
        "<po@lijst.example.nl>"
    ) in raised.value.messages


def test_the_email_button_is_drawn_in_vml_for_outlook() -> None:
    from netwerk.newsletters.emails import Email, environment, render_html

    email = Email(
        subject="S",
        preheader="P" * 50,
        audience="PO",
        date="d",
        intro_html="",
        intro_text="",
        sections=[],
        empty_message="Niets.",
        web_url="https://x.example/w",
        archive_url="https://x.example/a",
        overview_url="https://x.example/o",
        site_url="https://x.example/",
        site_name="X",
        look=look.look_from({"palette": {"primary": "#b3261e"}}),
    )
    html = render_html(email, environment())
    assert (
        '<v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" href="https://x.example/"'
    ) in html
    assert 'fillcolor="#b3261e"' in html
    assert '<!--[if !mso]><!--><a class="email-button" href="https://x.example/"' in html


def test_partner_since_is_a_month(rich: Path) -> None:
    html = (rich / "partners/bibliotheek-noord/index.html").read_text(encoding="utf-8")
    assert "<dt>Partner sinds</dt><dd>september 2019</dd>" in html


# --- Sitemap -------------------------------------------------------------------------------------


def test_the_sitemap_lists_only_what_is_published_on_the_build_date(built: Site) -> None:
    sitemap = (built.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://netwerk.example.nl/nieuwsbrief/po/2026-10/" in sitemap
    # The December edition is built (to test it) but not published until its date.
    assert (built.output / "nieuwsbrief/po/2026-12/index.html").is_file()
    assert "2026-12" not in sitemap
    assert "https://netwerk.example.nl/po/" in sitemap


# --- In a browser --------------------------------------------------------------------------------

CHART_TEXT = """() => [...document.querySelectorAll('svg.netwerk-chart')]
  .filter(svg => svg.getBoundingClientRect().width > 0)
  .map(svg => {
    const box = svg.viewBox.baseVal;
    const scale = svg.getBoundingClientRect().width / box.width;
    const texts = [...svg.querySelectorAll('text')];
    return {
      smallest: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale)),
      cut: texts.filter(t => {
        const b = t.getBBox();
        return b.x < -0.5 || b.x + b.width > box.width + 0.5
          || b.y < -0.5 || b.y + b.height > box.height + 0.5;
      }).map(t => t.textContent),
    };
  })"""


# A theme whose title is longer than any label of the rich network: charts must wrap it.
LONG_THEME = """\
---
title: Onderwijs op maat voor talenten van peuter tot student
summary: Onderwijs op maat.
order: 3
---
"""
LONG_THEMES_PROJECT = """\
---
title: Talentklassen
theme: onderwijs-op-maat
status: nieuw
sectors: [po, vo]
goal: Talentklassen in elke gemeente.
start: 2026-09-01
---
"""


def long_activity(title: str, start: str, end: str, sectors: str, extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\nstart: {start}\nend: {end}\nlocation: {{name: Ergens}}\n"
        f"sectors: {sectors}\nkind: themabijeenkomst\n{extra}---\n"
    )


def long_news(title: str, day: str, summary: str, extra: str = "") -> str:
    return (
        f'---\ntitle: {title}\ndate: {day}\nkind: nieuws\nsummary: "{summary}"\n'
        f"sectors: [po, vo]\n{extra}---\n"
    )


# What the home page lists first, with titles and summaries as long as a real network's (two
# lines on a phone); the last activities and news are the rich network's featured partner's,
# so "Uitgelicht" shows them.
LONG_ITEMS = {
    "agenda/lang-1.md": long_activity(
        "Bijeenkomst van alle contactpersonen, najaar 2026",
        "2026-11-24 15:30",
        "17:30",
        "[vve, po, vo, mbo, ho]",
    ),
    "agenda/lang-2.md": long_activity(
        "Train de trainer leesplezier, groep 2027",
        "2026-11-25 09:30",
        "16:30",
        "[vo, ho]",
        "status: vol\n",
    ),
    "agenda/lang-3.md": long_activity(
        "Themabijeenkomst lezen in de wijk", "2026-11-26 15:30", "17:30", "[vve, po]"
    ),
    "agenda/lang-4.md": long_activity(
        "Themabijeenkomst van school naar werk in het mbo",
        "2026-11-27 15:00",
        "17:30",
        "[vo, mbo]",
    ),
    "agenda/lang-5.md": long_activity(
        "Voorleesochtend in de bibliotheek voor peuters",
        "2026-11-28 10:00",
        "11:30",
        "[vve, po]",
        "partners: [bibliotheek-noord]\n",
    ),
    "agenda/lang-6.md": long_activity(
        "Netwerkbijeenkomst leesconsulenten najaar 2026",
        "2026-11-29 15:30",
        "17:30",
        "[vve, po, vo, mbo, ho]",
        "partners: [bibliotheek-noord]\n",
    ),
    "nieuws/lang-1.md": long_news(
        "Het programma voor het voorjaar staat in de agenda",
        "2026-11-23",
        "Van de training voor leesconsulenten tot de conferentie in april: alle activiteiten "
        "tot de zomer van 2027 staan in de agenda.",
    ),
    "nieuws/lang-2.md": long_news(
        "Scholen gezocht voor een nieuwe ronde Leesplezier",
        "2026-11-23",
        "Leerkrachten uit groep 1 tot en met 4 en pedagogisch medewerkers kunnen zich "
        "aanmelden voor een nieuwe ronde.",
    ),
    "nieuws/lang-3.md": long_news(
        "Twee leesconsulenten over hun werk in de klas",
        "2026-11-22",
        "Een leesconsulent uit het po en een uit het vo vertellen wat ze doen en wat het hun "
        "leerlingen oplevert.",
    ),
    "nieuws/lang-4.md": long_news(
        "Vervolgsubsidie voor het project Leesplezier in de wijk",
        "2026-11-21",
        "Het project Leesplezier in de wijk krijgt een vervolgsubsidie, waarmee tot de zomer "
        "van 2028 meer basisscholen kunnen aansluiten.",
        "partners: [bibliotheek-noord]\n",
    ),
}


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tests' rich network (tests/networks.py) with this module's network on top, a theme
    with a long title and long items: every chart of /in-cijfers/ has data, some with long
    labels, and every list on the home page has more than it shows, in five sectors, with
    titles that wrap on a phone. Built strictly."""
    root = write_rich_network(tmp_path_factory.mktemp("vol"), build_date=TODAY.isoformat())
    lists = {
        # The rich network's featured membership (the default) instead of this module's own.
        name: text.replace("uitgelicht-lid", "uitgebreid")
        for name, text in CONTENT.items()
        if name not in ("index.md", "themas/motivatie.md")
    }
    Site(root).write(
        {
            **lists,
            "themas/onderwijs-op-maat.md": LONG_THEME,
            "projecten/talentklassen.md": LONG_THEMES_PROJECT,
            **LONG_ITEMS,
        }
    )
    return build_network(root)


@pytest.fixture(scope="module")
def served_full(full: Path) -> Iterator[str]:
    with serve(full) as base:
        yield base


@pytest.mark.parametrize("width", [1280, 600, 599, PHONE, 320])
def test_chart_text_is_never_cut_and_at_least_12_pixels(
    served_full: str, browser: Any, width: int
) -> None:
    # Some labels are long ("Onderwijs op maat voor talenten van peuter tot student").
    with visit(browser, served_full + "in-cijfers/", width=width) as opened:
        shown = opened.page.evaluate(CHART_TEXT)
    assert len(shown) == 10  # every chart of /in-cijfers/: the network records every kind
    assert [chart["cut"] for chart in shown] == [[]] * 10
    assert min(chart["smallest"] for chart in shown) >= 12


def test_the_home_page_is_short_on_a_phone(served_full: str, browser: Any) -> None:
    """Besides the editors' own text (the sentence above the blocks, the rest below them), the
    home page is at most four screens of a phone."""
    screen = 667
    with visit(browser, served_full, width=PHONE, height=screen) as opened:
        below = opened.page.evaluate(
            "() => { const a = document.querySelector('article');"
            " const m = a.querySelector('.netwerk-mission');"
            " const t = a.querySelector('.netwerk-home-text');"
            " return a.getBoundingClientRect().bottom - m.getBoundingClientRect().bottom"
            "  - (t ? t.getBoundingClientRect().height : 0); }"
        )
    assert below <= 4 * screen


@pytest.mark.parametrize("width", [600, PHONE])
def test_the_rich_networks_emails_pass_axe(rich: Path, browser: Any, width: int) -> None:
    with serve(rich) as base:
        for edition in ("vve-po", "vo-ho"):
            url = f"{base}nieuwsbrief/{edition}/2026-10/email.html"
            with visit(browser, url, width=width) as opened:
                assert axe(opened.page) == [], edition
                assert opened.horizontal_overflow() == 0


def test_subscription_data_needs_no_mailing_for_audiences() -> None:
    audience = Audience("po", "PO", ("po",))
    assert sectors.subscriptions([audience], None) == []
    mailing = Mailing("https://x.example/", "X", "X <n@x.example>", "https://x.example/af")
    (found,) = sectors.subscriptions([audience], mailing, ["po"])
    assert found.by_email and found.feed == "nieuwsbrief/po/rss.xml"
