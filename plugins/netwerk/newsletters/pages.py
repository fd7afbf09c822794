"""The newsletters on the site: the overview, an archive per audience, each letter's web version."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import parseaddr
from typing import TYPE_CHECKING

from ..core.audiences import Audience
from ..core.editions import Edition
from ..core.network import Network
from ..core.options import Options
from ..core.pages import GeneratedPage, PageView
from .selection import Newsletter, select

if TYPE_CHECKING:
    from .emails import Email


@dataclass(frozen=True)
class Letters:
    """One build's newsletters: each letter, and its whole email by the letter's address (the
    web versions show it; the emails start from it)."""

    letters: Sequence[Newsletter] = ()
    wholes: Mapping[str, Email] = field(default_factory=dict)


@dataclass(frozen=True)
class Overview(PageView):
    """/nieuwsbrief/: the audiences, the letters sent and the sender's address."""

    newsletter_audiences: Sequence[Audience]
    newsletter_letters: list[Newsletter]
    newsletter_sender: str


@dataclass(frozen=True)
class Archive(PageView):
    """An audience's letters, the latest first."""

    newsletter_audience: Audience
    newsletter_letters: list[Newsletter]


@dataclass(frozen=True)
class WebVersion(PageView):
    """A letter's web version; the template looks its email up by the letter's url."""

    newsletter: Newsletter
    newsletter_emails: Mapping[str, Email]


def letters(network: Network, editions: Sequence[Edition], options: Options) -> Letters:
    """The letters of the editions, for each audience; none for a site without newsletters."""
    if options.mailing is None:
        return Letters()
    # Imported here: the emails load Jinja and css-inline, which `netwerk controleer` (that
    # reads netwerk.site through netwerk.addresses) does without.
    from .emails import EmailsOnDemand

    days = options.newsletter_horizon_days
    chosen = select(network, editions, options.audiences, horizon_days=days)
    return Letters(chosen, EmailsOnDemand(chosen, options.settings, options.mailing))


def pages(letters: Letters, options: Options) -> list[GeneratedPage]:
    """Letters dated after the build date get their web version (to test them) but no archive
    entry, and stay out of the sitemap (`sitemap: false`, sitemap.xml). None for a site
    without newsletters."""
    mailing, audiences, today = options.mailing, options.audiences, options.settings.build_date
    if mailing is None:
        return []
    sent = [letter for letter in letters.letters if letter.edition.date <= today]
    result = [
        GeneratedPage(
            uri="nieuwsbrief/index.md",
            template="netwerk/nieuwsbrief.html",
            title="Nieuwsbrief",
            view=Overview(audiences, sent, parseaddr(mailing.sender)[1]),
            heading=False,
        )
    ]
    for audience in audiences:
        own = [letter for letter in sent if letter.audience.slug == audience.slug]
        if not own and not any(letter.audience.slug == audience.slug for letter in letters.letters):
            continue  # no letter, sent or to come: no archive to offer
        result.append(
            GeneratedPage(
                uri=f"nieuwsbrief/{audience.slug}/index.md",
                template="netwerk/nieuwsbrief-archief.html",
                title=f"Nieuwsbrief {audience.name}",
                view=Archive(audience, own[::-1]),
                heading=False,
            )
        )
    for letter in letters.letters:
        # The web version has every entry: a cut-short email links here for the rest.
        result.append(
            GeneratedPage(
                uri=f"{letter.url}index.md",
                template="netwerk/nieuwsbrief-editie.html",
                title=f"{letter.edition.subject} ({letter.audience.name})",
                # Each letter's email is made when its page is rendered (emails.EmailsOnDemand).
                view=WebVersion(letter, letters.wholes),
                heading=False,
                sitemap=letter.edition.date <= today,
            )
        )
    return result
