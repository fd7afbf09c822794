"""Make partner-supplied HTML and front matter safe to print in the site.

Item bodies are Markdown written by partners; Markdown passes raw HTML through, and `attr_list`
lets anyone add attributes. `clean()` keeps what our Markdown extensions produce (headings with
anchors, admonitions, tables, links, images) through an allow-list (nh3) and drops the rest.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, MutableMapping, Sequence
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import nh3
from markupsafe import Markup, escape

from .frontmatter import INVISIBLE

# Obsolete elements (center, tt, strike...) fail the HTML checker; landmarks (nav, header, footer,
# aside, article) would confuse screen-reader navigation of the page around the text.
TAGS = {
    *("a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col"),
    *("colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption"),
    *("figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li"),
    *("mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary"),
    *("sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var"),
    "wbr",
}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
ATTRIBUTES = {
    "*": {"title", "lang"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "headers", "style"},
    "th": {"colspan", "rowspan", "headers", "scope", "style"},
    "ol": {"start", "reversed"},
    "ins": {"cite", "datetime"},
    "del": {"cite", "datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "time": {"datetime"},
    "data": {"value"},
    "details": {"open"},
    "bdo": {"dir"},
    **{heading: {"id"} for heading in HEADINGS},
}
# Admonitions (`!!! tip "Titel"`) and the permalink of each heading (toc extension).
ADMONITION_TYPES = {
    *("note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important"),
    *("success", "check", "done", "question", "help", "faq", "warning", "caution", "attention"),
    *("failure", "fail", "missing", "danger", "error", "bug", "example", "quote", "cite"),
}
CLASSES = {
    "div": {"admonition", *ADMONITION_TYPES},
    "details": {*ADMONITION_TYPES},
    "p": {"admonition-title"},
    "a": {"headerlink"},
}
URL_SCHEMES = {"http", "https", "mailto"}

_ID = re.compile(r"^[A-Za-z0-9][\w-]*$")
_IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
_EMPTY_CLASS = re.compile(r' class=""')


def safe_id(value: str) -> str | None:
    """An id that cannot clobber the theme's own elements (Material's ids all start with `__`)."""
    value = value.lstrip("_")
    return value if _ID.match(value) else None


def _local(url: str) -> bool:
    """A URL on this site: no scheme and no host (`//host/x` is another host)."""
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("//")


def _attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        return safe_id(value)
    if tag == "img" and attribute == "src":
        return value if _local(value) else None
    return value


_CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags={"script", "style"},
    attributes=ATTRIBUTES,
    attribute_filter=_attribute,
    allowed_classes=CLASSES,
    url_schemes=URL_SCHEMES,
    filter_style_properties={"text-align"},
    strip_comments=True,
)


def clean(html: str) -> str:
    """Partner HTML through the allow-list; images from other hosts are dropped whole.

    A control or format character written as a reference (`&#1;`) comes out of nh3 as the character
    itself, which no feed can hold: it is dropped, as it shows nothing anyway.
    """
    cleaned = INVISIBLE.sub("", _CLEANER.clean(html))
    return _EMPTY_CLASS.sub("", _IMAGE_WITHOUT_SOURCE.sub("", cleaned))


def escape_meta(meta: MutableMapping[str, Any], keys: Iterable[str]) -> None:
    """Escape front matter values that Material prints unescaped (title, description...).

    MkDocs' own page titles are HTML text (entities for `<` and `&`), so an escaped value is what
    every template expects; `Markup` keeps our autoescaped templates from escaping it twice.
    """
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            meta[key] = escape(value)


# Values of mkdocs.yml that Material's templates print without escaping, found with
# `grep -rn "config\.\(site_\|repo_\|copyright\)" material/templates`: base.html (<title>,
# meta description and author), partials/header.html and nav.html (aria-label, the title),
# content.html, redirect.html, source.html. (copyright: our partials/copyright.html escapes it.)
MATERIAL_UNESCAPED = ("site_name", "site_description", "site_author", "repo_name")


def escape_config(config: MutableMapping[str, Any]) -> None:
    """Escape the values of mkdocs.yml that Material prints unescaped, as escape_meta does for
    a page's; our own code reads them back with `plain`."""
    escape_meta(config, MATERIAL_UNESCAPED)


def escape_nav(items: Iterable[Any]) -> None:
    """Escape the titles the editors gave pages, sections and links in mkdocs.yml's `nav`
    (a page's own title comes from its text, escaped already)."""
    for item in items:
        if isinstance(getattr(item, "title", None), str) and "title" in vars(item):
            item.title = escape(item.title)
        escape_nav(getattr(item, "children", None) or ())


def plain(value: str | None) -> str:
    """The text of a value escape_config or escape_meta escaped, for writers that escape
    for their own format (feeds, calendars, emails, JSON)."""
    if isinstance(value, Markup):
        return value.unescape()
    return value or ""


def clean_toc(toc: Iterable[Any]) -> None:
    """Keep the table of contents pointing at the headings `clean()` left (ids renamed alike).

    Material prints each title unescaped; a `data-toc-label` may carry markup, so titles become
    plain text, escaped.
    """
    for link in toc:
        link.id = safe_id(link.id) or ""
        link.title = str(escape(Markup(link.title).striptags()))
        clean_toc(link.children)


# A spreadsheet reads a cell that starts with one of these as a formula (`=HYPERLINK(...)`),
# and runs it when the file is opened (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str) -> str:
    """A text cell of a CSV file that no spreadsheet reads as a formula: one that would be
    starts with an apostrophe, which Excel and LibreOffice show as text and do not print."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


SpreadsheetCell = str | int | float | date | None


def spreadsheet_csv(rows: Iterable[Sequence[SpreadsheetCell]]) -> bytes:
    """Rows (the first the header) as a CSV file Excel in a Dutch locale opens with a double
    click: UTF-8 with a byte order mark, `;` between fields, a decimal comma. Every text cell
    goes through `spreadsheet_text`, whichever field it came from."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows([_spreadsheet_cell(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def _spreadsheet_cell(value: SpreadsheetCell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.1f}".removesuffix(".0").replace(".", ",")
    if isinstance(value, int):
        return str(value)
    return spreadsheet_text(value)
