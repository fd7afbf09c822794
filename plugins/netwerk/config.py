"""Options of the `netwerk` plugin in mkdocs.yml."""

from __future__ import annotations

import datetime

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from . import settings as defaults


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

    # Time.
    time_zone = c.Type(str, default="Europe/Amsterdam")
    """Local time of every date and time in the content."""
    build_date = c.Optional(c.Type((str, datetime.date)))
    """Fixes "today" (`2026-11-23`) for reproducible builds; NETWERK_BUILD_DATE overrides it."""
