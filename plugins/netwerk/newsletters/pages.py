"""The newsletters on the site: the overview, an archive per audience, each letter's web version."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from email.utils import parseaddr
from typing import TYPE_CHECKING

from ..core.audiences import Audience, Mailing
from ..core.pages import GeneratedPage
from .selection import Newsletter

if TYPE_CHECKING:
    from .emails import Email


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
            context={
                "newsletter_audiences": audiences,
                "newsletter_letters": sent,
                "newsletter_sender": parseaddr(mailing.sender)[1],
            },
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
                context={"newsletter_audience": audience, "newsletter_letters": own[::-1]},
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
                context={"newsletter": letter, "newsletter_emails": wholes},
                heading=False,
                sitemap=letter.edition.date <= today,
            )
        )
    return result
