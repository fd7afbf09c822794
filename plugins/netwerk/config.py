"""Options of the `netwerk` plugin in mkdocs.yml."""

from __future__ import annotations

import datetime

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from . import settings as defaults


class Days(c.Type[int]):
    """A number of days, 0 or more."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValidationError(f"'{value}' is geen aantal dagen; schrijf een getal, zoals 90")
        return value


class NetwerkConfig(Config):
    # Vocabularies: slug (written in front matter) → label (shown to readers).
    sectors = c.Type(dict, default=defaults.DEFAULT_SECTORS)
    """Werkvelden, e.g. `{po: Primair onderwijs}`: agenda pages, feeds and newsletters."""
    memberships = c.Type(dict, default=defaults.DEFAULT_MEMBERSHIPS)
    """Membership tiers, e.g. `{basis: Basislidmaatschap, uitgebreid: ..., convenant: ...}`."""
    project_statuses = c.Type(dict, default=defaults.DEFAULT_PROJECT_STATUSES)
    activity_kinds = c.Type(dict, default=defaults.DEFAULT_ACTIVITY_KINDS)
    activity_statuses = c.Type(dict, default=defaults.DEFAULT_ACTIVITY_STATUSES)
    news_kinds = c.Type(dict, default=defaults.DEFAULT_NEWS_KINDS)
    resource_kinds = c.Type(dict, default=defaults.DEFAULT_RESOURCE_KINDS)

    # Website.
    featured_memberships = c.ListOfItems(c.Type(str), default=["uitgebreid"])
    """Memberships whose partners' activities and news the home page features."""

    # Time.
    time_zone = c.Type(str, default="Europe/Amsterdam")
    """Local time of every date and time in the content."""
    build_date = c.Optional(c.Type((str, datetime.date)))
    """Fixes "today" (`2026-11-23`) for reproducible builds; NETWERK_BUILD_DATE overrides it."""

    # Newsletters (one file per edition in newsletters/) and feeds.
    newsletters_dir = c.Type(str, default="newsletters")
    """Folder of the editions, next to mkdocs.yml: `newsletters/2026-03.md`."""
    audiences = c.Type(list, default=[])
    """Who gets a newsletter: `[{slug: vo-ho, name: "VO, MBO en HO", sectors: [vo, mbo, ho]}]`,
    optionally with `subscribe_url` (https:// or mailto:) for the sign-up link."""
    newsletter_from = c.Optional(c.Type(str))
    """Sender of the emails: `De Leidse Aanpak <nieuwsbrief@leidse-aanpak.example>`."""
    newsletter_unsubscribe_url = c.Optional(c.Type(str))
    """https address of the mailing tool's unsubscribe page; `{audience}` becomes the slug."""
    newsletter_unsubscribe_mailto = c.Optional(c.Type(str))
    """`mailto:afmelden@example.nl?subject=afmelden%20{audience}` for List-Unsubscribe."""
    newsletter_utm = c.Type(bool, default=False)
    """true adds utm_source, utm_medium and utm_campaign (edition and audience) to site links."""
    newsletter_horizon_days = c.Type(int, default=90)
    """Activities up to this many days after the edition's date; the first edition's news
    looks back as far."""

    # Agenda.
    calendar_past_days = Days(default=90)
    """How many days past activities stay in the subscribable calendars, e.g. `90`."""
