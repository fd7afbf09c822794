"""Who gets which newsletter, and what every email shares: the `audiences` and mailing
settings of the netwerk plugin in mkdocs.yml, checked with Dutch messages. Pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import parseaddr
from typing import Any
from urllib.parse import urlsplit

from .loader import SLUG
from .look import Look
from .problems import SettingsError, did_you_mean
from .settings import Settings
from .values import list_hint


@dataclass(frozen=True)
class Audience:
    """A newsletter's readers: one or more sectors, e.g. `vo-ho` for vo, mbo and ho."""

    slug: str
    name: str
    sectors: tuple[str, ...]
    subscribe_url: str | None = None
    list_address: str | None = None
    """The mailing list's address, the `To:` of its emails (`Nieuwsbrief PO <po@lijst.nl>`)."""

    @property
    def to(self) -> str:
        """The `To:` header: the list's address, or no visible recipient (RFC 5322 group)."""
        return self.list_address or "undisclosed-recipients:;"


def audiences_from(raw: Iterable[Any], settings: Settings) -> list[Audience]:
    """Audiences from mkdocs.yml; a SettingsError with a Dutch message for each problem."""
    audiences: list[Audience] = []
    problems: list[str] = []
    seen: set[str] = set()
    for number, entry in enumerate(raw, start=1):
        where = f"audiences: doelgroep {number}"
        if not isinstance(entry, dict):
            problems.append(
                f"{where}: schrijf slug, name en sectors, zoals {audience_example(settings)}"
            )
            continue
        slug, name, sectors = entry.get("slug"), entry.get("name"), entry.get("sectors")
        if not isinstance(slug, str) or not SLUG.match(slug):
            problems.append(
                f"{where}: slug '{slug}' moet uit kleine letters, cijfers en streepjes bestaan, "
                f"zoals {'-'.join(list(settings.sectors)[:2])}"
            )
            continue
        if slug in seen:
            problems.append(f"{where}: slug '{slug}' komt twee keer voor; kies een andere")
            continue
        seen.add(slug)
        where = f"{where} ({slug})"
        found = len(problems)
        if not isinstance(name, str) or not name.strip():
            own = [str(s) for s in (sectors if isinstance(sectors, list) else [sectors])]
            known = [settings.sectors[s] for s in own if s in settings.sectors]
            label = next(iter([*known, *settings.sectors.values()]))
            problems.append(f"{where}: name ontbreekt, zoals name: {label}")
        if isinstance(sectors, str):
            if "," in sectors:
                problems.append(f"{where}: sectors: {list_hint(sectors)}")
            sectors = [sectors]
        if not isinstance(sectors, list) or not sectors:
            first = slug if slug in settings.sectors else next(iter(settings.sectors))
            problems.append(f"{where}: sectors ontbreekt, zoals sectors: [{first}]")
            sectors = []
        for sector in sectors:
            if sector not in settings.sectors and "," not in str(sector):
                problems.append(
                    f"{where}: '{sector}' is geen sector; "
                    f"{did_you_mean(str(sector), settings.sectors)}"
                )
        subscribe = entry.get("subscribe_url")
        if subscribe is not None and not re.match(r"^(https://|mailto:)\S+$", str(subscribe)):
            problems.append(
                f"{where}: subscribe_url '{subscribe}' moet beginnen met https:// of mailto:"
            )
        list_address = entry.get("list_address")
        if list_address is not None and not _ADDRESS.match(str(list_address)):
            problems.append(
                f"{where}: list_address '{list_address}' is geen e-mailadres; schrijf het adres "
                "van de verzendlijst, zoals list_address: Nieuwsbrief PO <po@lijst.example.nl>"
            )
        if len(problems) > found:
            continue
        assert isinstance(name, str)
        audiences.append(
            Audience(
                slug=slug,
                name=name.strip(),
                sectors=tuple(dict.fromkeys(str(s) for s in sectors)),
                subscribe_url=str(subscribe) if subscribe else None,
                list_address=str(list_address).strip() if list_address else None,
            )
        )
    if problems:
        raise SettingsError(problems)
    return audiences


def audience_example(settings: Settings) -> str:
    """`{slug: po, name: Primair onderwijs, sectors: [po]}`, from the network's first sector."""
    code, label = next(iter(settings.sectors.items()))
    return f"{{slug: {code}, name: {label}, sectors: [{code}]}}"


# `naam@domein` or `Naam <naam@domein>`, as newsletter_from.
_ADDRESS = re.compile(r"^[^<>]*<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$")


@dataclass(frozen=True)
class Mailing:
    """What every newsletter email of a site shares (from mkdocs.yml)."""

    site_url: str
    site_name: str
    sender: str
    unsubscribe_url: str
    unsubscribe_mailto: str | None = None
    utm: bool = False
    look: Look = field(default_factory=Look)
    """The network's logo and colours (theme in mkdocs.yml)."""

    @property
    def host(self) -> str:
        return urlsplit(self.site_url).hostname or "localhost"

    def placeholders(self) -> list[str]:
        """The settings that still hold an example address (as `netwerk begin` writes them)."""
        values = {
            "site_url": urlsplit(self.site_url).hostname or "",
            "newsletter_from": parseaddr(self.sender)[1].rpartition("@")[2],
            "newsletter_unsubscribe_url": urlsplit(self.unsubscribe_url).hostname or "",
        }
        return [name for name, host in values.items() if is_example_host(host)]


# Domains that can never receive mail or serve a site (RFC 2606): placeholders.
_EXAMPLE_DOMAINS = ("example", "example.org", "example.com", "example.net", "invalid", "test")


def is_example_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith(f".{domain}") for domain in _EXAMPLE_DOMAINS)


def mailing_from(
    *,
    site_url: str | None,
    site_name: str,
    sender: str | None,
    unsubscribe_url: str | None,
    unsubscribe_mailto: str | None,
    utm: bool,
) -> Mailing:
    """The mailing settings from mkdocs.yml; a SettingsError with a Dutch message for each
    problem when incomplete."""
    problems: list[str] = []
    if not site_url or not re.match(r"^https?://", site_url):
        problems.append(
            "site_url: ontbreekt; nieuwsbrieven en feeds hebben het webadres van de site nodig, "
            "zoals site_url: https://www.example.nl/"
        )
    if not sender or not re.match(r"^[^<>]*<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$", sender):
        problems.append(
            f"netwerk: newsletter_from: '{sender or ''}' is geen afzender; schrijf naam en "
            f"e-mailadres, zoals newsletter_from: {site_name or 'Ons netwerk'} "
            "<nieuwsbrief@example.nl>"
        )
    if not unsubscribe_url or not re.match(r"^https://\S+$", unsubscribe_url):
        problems.append(
            f"netwerk: newsletter_unsubscribe_url: '{unsubscribe_url or ''}' is geen https-adres; "
            "geef de afmeldpagina van je mailprogramma, zoals "
            "https://www.example.nl/afmelden?lijst={audience}"
        )
    if unsubscribe_mailto is not None and not re.match(r"^mailto:[^@\s]+@\S+$", unsubscribe_mailto):
        problems.append(
            f"netwerk: newsletter_unsubscribe_mailto: '{unsubscribe_mailto}' is geen mailto-adres; "
            "schrijf bijvoorbeeld mailto:afmelden@example.nl?subject=afmelden%20{audience}"
        )
    if problems:
        raise SettingsError(problems)
    assert site_url and sender and unsubscribe_url
    return Mailing(
        site_url=site_url,
        site_name=site_name,
        sender=sender,
        unsubscribe_url=unsubscribe_url,
        unsubscribe_mailto=unsubscribe_mailto,
        utm=utm,
    )
