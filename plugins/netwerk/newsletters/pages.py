"""The newsletters on the site: the overview, an archive per audience, each letter's web version."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from email.utils import parseaddr
from typing import TYPE_CHECKING

from ..core.audiences import Audience, Mailing
from ..core.pages import GeneratedPage, PageView
from .selection import Newsletter

if TYPE_CHECKING:
    from .emails import Email


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


def pages(
    letters: Sequence[Newsletter],
    wholes: Mapping[str, Email],
    audiences: Sequence[Audience],
    mailing: Mailing,
    today: date,
) -> list[GeneratedPage]:
    """Letters dated after `today` get their web version (to test them) but no archive entry,
    and stay out of the sitemap (`sitemap: false`, sitemap.xml)."""
    sent = [letter for letter in letters if letter.edition.date <= today]
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
        result.append(
            GeneratedPage(
                uri=f"nieuwsbrief/{audience.slug}/index.md",
                template="netwerk/nieuwsbrief-archief.html",
                title=f"Nieuwsbrief {audience.name}",
                view=Archive(audience, own[::-1]),
                heading=False,
            )
        )
    for letter in letters:
        # The web version has every entry: a cut-short email links here for the rest.
        result.append(
            GeneratedPage(
                uri=f"{letter.url}index.md",
                template="netwerk/nieuwsbrief-editie.html",
                title=f"{letter.edition.subject} ({letter.audience.name})",
                # Each letter's email is made when its page is rendered (emails.EmailsOnDemand).
                view=WebVersion(letter, wholes),
                heading=False,
                sitemap=letter.edition.date <= today,
            )
        )
    return result
