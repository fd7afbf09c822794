"""The options of the `netwerk` plugin as MkDocs sees them: names only.

MkDocs passes every value on unchanged; netwerk.options gives the defaults and checks the
values in Dutch, the same for a build and for `netwerk controleer` (which does not load MkDocs).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class PassedOn(c.Optional[Any]):
    """An option MkDocs leaves to netwerk.options; None when it is not in mkdocs.yml."""

    def __init__(self) -> None:
        super().__init__(c.Type(object))


class NetwerkConfig(Config):
    # The same names as netwerk.options.NAMES; a test keeps the two lists equal.
    sectors = PassedOn()
    memberships = PassedOn()
    project_statuses = PassedOn()
    activity_kinds = PassedOn()
    activity_statuses = PassedOn()
    news_kinds = PassedOn()
    resource_kinds = PassedOn()
    extra_sectors = PassedOn()
    extra_memberships = PassedOn()
    extra_project_statuses = PassedOn()
    extra_activity_kinds = PassedOn()
    extra_activity_statuses = PassedOn()
    extra_news_kinds = PassedOn()
    extra_resource_kinds = PassedOn()
    running_project_statuses = PassedOn()
    finished_project_statuses = PassedOn()
    cancelled_activity_statuses = PassedOn()
    full_activity_statuses = PassedOn()
    postponed_activity_statuses = PassedOn()
    call_news_kinds = PassedOn()
    featured_memberships = PassedOn()
    resource_kind_headings = PassedOn()
    time_zone = PassedOn()
    build_date = PassedOn()
    newsletters_dir = PassedOn()
    audiences = PassedOn()
    newsletter_from = PassedOn()
    newsletter_unsubscribe_url = PassedOn()
    newsletter_unsubscribe_mailto = PassedOn()
    newsletter_utm = PassedOn()
    newsletter_horizon_days = PassedOn()
    calendar_past_days = PassedOn()
    static_types = PassedOn()
    handbook = PassedOn()
    admin = PassedOn()
    # The working group's overview (netwerk.workgroup).
    agreements = PassedOn()
    overview = PassedOn()
