"""The Jinja filters and globals the site's templates share: dates, vocabulary labels, sectors
and links to items.

MkDocs' own function for an address relative to the page being rendered comes in from the
glue (`relative`), so that this module needs no MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from ..core import dates
from ..core.models import Item
from ..core.settings import Settings
from . import sectors

# The address of `path` relative to the page being rendered, from a template's context.
Relative = Callable[[Any, str], str]


def register(env: Environment, settings: Settings, relative: Relative) -> None:
    """Autoescape for our own templates, our filters, and `today` (the build date)."""
    # MkDocs renders without autoescape, and Material's templates rely on that. Our own
    # templates print editors' values, so they (and only they) are compiled with it.
    env.autoescape = _autoescape_ours
    env.filters["long_date"] = dates.long_date
    env.filters["short_date"] = dates.short_date
    env.filters["month_year"] = dates.month_year
    env.filters["day_month"] = dates.day_month
    env.filters["period"] = lambda activity: dates.period(activity.starts, activity.ends)
    env.filters["label"] = lambda slug, vocabulary: _label(settings, slug, vocabulary)
    env.filters["labels"] = lambda slugs, vocabulary: ", ".join(
        _label(settings, slug, vocabulary) for slug in slugs
    )
    env.filters["sector_codes"] = lambda codes: sectors.short_labels(codes, settings.sectors)
    env.filters["sector_names"] = lambda codes: sectors.full_labels(codes, settings.sectors)
    env.filters.update(_link_filters(relative))
    env.globals["today"] = settings.build_date


def _label(settings: Settings, slug: str, vocabulary: str) -> str:
    return settings.vocabulary(vocabulary).get(slug, slug)


# Filters rather than macros: a macro needs an import with context on every page that uses it,
# which costs more than the rest of an item page's own markup.
def _link_filters(relative: Relative) -> dict[str, Callable[..., Markup]]:
    """`link`, `links` and `sector_links`: links relative to the page being rendered."""

    @pass_context
    def link(context: Context, item: Item) -> Markup:
        """`<a href="../../themas/motivatie/">Motivatie</a>`."""
        href = relative(context, item.page_url)
        # An f-string with escape(): Markup.format() costs several times more, on every link.
        return Markup(f'<a href="{escape(href)}">{escape(item.label)}</a>')

    @pass_context
    def links(context: Context, items: Iterable[Item]) -> Markup:
        return Markup(", ").join(link(context, item) for item in items)

    @pass_context
    def sector_links(context: Context, codes: Iterable[str]) -> Markup:
        """The sectors' full names, each a link to its page (`/po/`); `Alle werkvelden` for all."""
        network = context.get("network")
        names: dict[str, str] = network.settings.sectors if network is not None else {}
        ordered = [code for code in names if code in set(codes)]
        if len(names) > 1 and len(ordered) == len(names):
            return Markup(escape(sectors.full_labels(ordered, names)))
        return Markup(", ").join(
            Markup(f'<a href="{escape(relative(context, code + "/"))}">{escape(names[code])}</a>')
            for code in ordered
        )

    return {"link": link, "links": links, "sector_links": sector_links}


def _autoescape_ours(template_name: str | None) -> bool:
    return bool(template_name and template_name.startswith("netwerk/"))
