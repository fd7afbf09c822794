"""A newsletter as email: standalone HTML (CSS inlined), plain text and a MIME message.

Rendered from our own Jinja environment (autoescape for .html, none for .txt) with plain data
objects, so the email does not depend on the theme. Every link is absolute; links to the site
may carry UTM parameters per audience and edition when the network switches that on.
"""

from __future__ import annotations

import binascii
import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, time
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

import css_inline
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..core import dates, sanitize
from ..core.audiences import Audience, Mailing
from ..core.editions import PREHEADER_MAX, PREHEADER_MIN, edition_html
from ..core.look import Look
from ..core.models import Activity, Item, NewsItem, Partner, Project, Resource, Theme
from ..core.settings import Settings
from .feeds import FeedEntry, FeedSite, newsletter_feeds
from .selection import Newsletter

# Gmail clips a message at about 102 KB; transfer encoding adds some 8%.
MAX_BYTES = 90 * 1024
# The package's email templates; a site overrides one in its own `overrides/netwerk/email/`.
TEMPLATE_DIR = Path(__file__).parent / "email"
OVERRIDE_DIR = "netwerk/email"
RASTER_IMAGES = (".png", ".jpg", ".jpeg", ".gif")
IMAGE_WIDTH = 536


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    width: int = IMAGE_WIDTH


@dataclass(frozen=True)
class Entry:
    """One item in a section: a linked title, a line of facts, a summary, maybe a button."""

    title: str
    url: str
    path: str = ""
    """The item's page relative to the site root, for the web version."""
    meta: str = ""
    summary: str = ""
    image: Image | None = None
    button: Link | None = None


@dataclass(frozen=True)
class Section:
    title: str
    entries: list[Entry]
    more: Link | None = None


@dataclass(frozen=True)
class Email:
    """Everything the email templates print; all URLs absolute."""

    subject: str
    preheader: str
    audience: str
    date: str
    intro_html: str
    intro_text: str
    sections: list[Section]
    empty_message: str
    web_url: str
    archive_url: str
    overview_url: str
    site_url: str
    site_name: str
    unsubscribe: list[Link] = field(default_factory=list)
    look: Look = field(default_factory=Look)
    """The network's colours (all checked for contrast) for email.css and the buttons."""
    logo_url: str | None = None
    """The network's logo (a PNG, JPEG or GIF: mail programs show no SVG), absolute."""


def environment(site_dirs: Sequence[str | Path] = ()) -> Environment:
    """Our own Jinja environment: autoescape for HTML, none for plain text.

    `site_dirs` are the site's own template folders (its `custom_dir`), searched first.
    """
    folders = [str(Path(folder, OVERRIDE_DIR)) for folder in site_dirs]
    env = Environment(
        loader=FileSystemLoader([*folders, str(TEMPLATE_DIR)]),
        autoescape=select_autoescape(enabled_extensions=("html",), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["button_width"] = button_width
    return env


# --- From newsletter to email data -----------------------------------------------------------


class EmailsOnDemand(Mapping[str, "Email"]):
    """Each letter's whole email by the letter's address, made the first time it is asked for:
    the preview (netwerk.editing.preview) renders only the letters an editor opens."""

    def __init__(self, letters: Sequence[Newsletter], settings: Settings, mailing: Mailing) -> None:
        self._letters = {letter.url: letter for letter in letters}
        self._settings, self._mailing = settings, mailing
        self._made: dict[str, Email] = {}

    def __getitem__(self, url: str) -> Email:
        made = self._made.get(url)
        if made is None:
            made = self._made[url] = email_for(self._letters[url], self._settings, self._mailing)
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._letters)

    def __len__(self) -> int:
        return len(self._letters)


def email_for(letter: Newsletter, settings: Settings, mailing: Mailing) -> Email:
    """The email data of one newsletter, every entry included (see `shortened`)."""
    links = _Links(mailing, f"nieuwsbrief-{letter.edition.slug}-{letter.audience.slug}")
    audience = letter.audience

    def section(title: str, items: Sequence[Item], *, highlighted: bool = False) -> Section | None:
        if not items:
            return None
        entries = [_entry(item, settings, links) for item in items]
        if highlighted:
            # Every highlighted item gets a call to action; registering beats reading on.
            entries = [
                entry if entry.button else replace(entry, button=Link("Lees meer", entry.url))
                for entry in entries
            ]
        return Section(title, entries)

    sections = [
        section("Uitgelicht", letter.highlights, highlighted=True),
        section("Nieuws", letter.news),
        section("Nieuwe kansen", letter.calls),
        section("Agenda", letter.activities),
        section("Lopende projecten", letter.projects),
    ]
    intro_html = _intro_html(letter.intro, links)
    intro_text = _TextOfHtml.convert(intro_html)
    unsubscribe = [
        Link("Afmelden via de website", _per_audience(mailing.unsubscribe_url, audience.slug))
    ]
    if mailing.unsubscribe_mailto:
        mailto = _per_audience(mailing.unsubscribe_mailto, audience.slug)
        unsubscribe.append(Link("Afmelden per e-mail", mailto))
    email = Email(
        subject=letter.edition.subject,
        preheader="",
        audience=audience.name,
        date=dates.long_date(letter.edition.date),
        intro_html=intro_html,
        intro_text=intro_text,
        sections=[found for found in sections if found is not None],
        empty_message=(
            f"Sinds de vorige nieuwsbrief is er geen nieuws en staat er niets op de agenda "
            f"voor {audience.name}. Op de website vind je de hele agenda."
        ),
        web_url=links.site(letter.url),
        archive_url=links.site(f"nieuwsbrief/{audience.slug}/"),
        overview_url=links.site("nieuwsbrief/"),
        site_url=links.site(""),
        site_name=mailing.site_name,
        unsubscribe=unsubscribe,
        look=mailing.look,
        logo_url=_logo_url(mailing),
    )
    return replace(email, preheader=letter.edition.preheader or _preheader(email))


def _logo_url(mailing: Mailing) -> str | None:
    logo = mailing.look.email_logo
    if not logo:
        return None
    url = urljoin(mailing.site_url, logo)
    return url if url.startswith("https://") else None


def button_width(text: str) -> int:
    """The width Outlook's VML button needs for its text (15 px bold Arial), in pixels."""
    return 40 + 10 * len(text)


def shortened(email: Email, limit: int) -> Email:
    """At most `limit` entries per section; the rest is a link to the web version."""
    sections = []
    for section in email.sections:
        hidden = len(section.entries) - limit
        if hidden > 0:
            more = Link(f"Nog {hidden} meer op de website", email.web_url)
            section = Section(section.title, section.entries[:limit], more)
        sections.append(section)
    return replace(email, sections=sections)


def _entry(item: Item, settings: Settings, links: _Links) -> Entry:
    url = links.site(item.page_url)
    if isinstance(item, NewsItem):
        image = None
        if item.image and item.image.lower().endswith(RASTER_IMAGES):
            src = urljoin(links.mailing.site_url, item.image)
            if src.startswith("https://"):
                image = Image(src=src, alt=item.image_alt or "")
        return Entry(
            title=item.title,
            url=url,
            path=item.page_url,
            meta=f"{dates.long_date(item.date)} · {settings.news_kinds.get(item.kind, item.kind)}",
            summary=item.summary,
            image=image,
        )
    if isinstance(item, Activity):
        # Of a cancelled activity nothing is still to follow: only what is known, if anything.
        where: str | None = item.where
        if item.status in settings.cancelled_activity_statuses:
            where = item.place.name if item.place else "Online" if item.online else None
        facts = [dates.period(item.starts, item.ends), *([where] if where else [])]
        if item.status != settings.default_activity_status:
            facts.append(settings.activity_statuses.get(item.status, item.status).upper())
        button = None
        closed = (*settings.full_activity_statuses, *settings.cancelled_activity_statuses)
        if item.registration_url and item.status not in closed:
            button = Link("Aanmelden", links.external(item.registration_url))
        return Entry(
            title=item.title,
            url=url,
            path=item.page_url,
            meta=" · ".join(facts),
            summary=item.summary or "",
            button=button,
        )
    if isinstance(item, Project):
        return Entry(
            title=f"{item.code}. {item.title}" if item.code else item.title,
            url=url,
            path=item.page_url,
            meta=settings.project_statuses.get(item.status, item.status),
            summary=item.summary or item.goal,
        )
    if isinstance(item, Resource | Theme):
        return Entry(title=item.title, url=url, path=item.page_url, summary=item.summary)
    if isinstance(item, Partner):
        return Entry(title=item.name, url=url, path=item.page_url, summary=item.summary or "")
    return Entry(title=item.label, url=url, path=item.page_url)


def _preheader(email: Email) -> str:
    """40–150 characters for the inbox preview, from the edition's contents."""
    titles = [entry.title for section in email.sections for entry in section.entries]
    text = f"{email.subject} voor {email.audience}"
    if titles:
        text += ": " + ", ".join(titles)
    if len(text) < PREHEADER_MIN:
        text += f". Nieuws, agenda en kansen van {email.site_name}."
    if len(text) > PREHEADER_MAX:
        text = text[: PREHEADER_MAX - 1].rsplit(" ", 1)[0].rstrip(",:;.") + "…"
    return text


def _per_audience(template: str, audience: str) -> str:
    return template.replace("{audience}", audience)


class _Links:
    """Absolute URLs; links into the site get UTM parameters when switched on."""

    def __init__(self, mailing: Mailing, campaign: str) -> None:
        self.mailing = mailing
        self.base = mailing.site_url if mailing.site_url.endswith("/") else mailing.site_url + "/"
        self.campaign = campaign

    def site(self, path: str) -> str:
        # Most paths are an item's page ("agenda/x/"): joined without urljoin's parsing.
        if path.startswith(("/", "#", "?")) or ":" in path:
            return self.tag(urljoin(self.base, path))
        return self.tag(self.base + path)

    def external(self, url: str) -> str:
        return self.tag(url)

    def tag(self, url: str) -> str:
        if not self.mailing.utm or not url.startswith(self.base):
            return url
        parts = urlsplit(url)
        utm = urlencode(
            {"utm_source": "nieuwsbrief", "utm_medium": "email", "utm_campaign": self.campaign}
        )
        query = f"{parts.query}&{utm}" if parts.query else utm
        return urlunsplit(parts._replace(query=query))


_URL = re.compile(r'(href|src)="([^"]*)"')


def _intro_html(text: str, links: _Links) -> str:
    """The editor's Markdown intro as HTML: raw HTML shown as text, the rest through the same
    allow-list as item bodies (netwerk.sanitize), links and images made absolute."""
    if not text.strip():
        return ""
    html = sanitize.clean(edition_html(text))

    def absolute(match: re.Match[str]) -> str:
        attribute, target = match.group(1), match.group(2).replace("&amp;", "&")
        url = target if target.startswith("mailto:") else links.site(target.lstrip("/"))
        return '{}="{}"'.format(attribute, url.replace("&", "&amp;").replace('"', "&quot;"))

    return _URL.sub(absolute, html)


class _TextOfHtml(HTMLParser):
    """Our own intro HTML as plain text: paragraphs kept, each link as `text (url)`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.href: str | None = None

    @classmethod
    def convert(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        parser.close()
        text = "".join(parser.parts)
        paragraphs = [" ".join(block.split()) for block in text.split("\n\n")]
        return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.href = dict(attrs).get("href")
        elif tag == "li":
            self.parts.append("\n\n- ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.href:
            self.parts.append(f" ({self.href})")
            self.href = None
        elif tag in ("p", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote"):
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


# --- Rendering ---------------------------------------------------------------------------------


_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)
_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def render_html(email: Email, env: Environment) -> str:
    """The standalone email: every style inlined, @media rules kept in the head."""
    html = str(_INLINER.inline(env.get_template("email.html").render(email=email)))
    # The inliner puts the remaining @media rules first in <head>; the charset meta goes first.
    match = _STYLE.search(html)
    if match:
        html = html[: match.start()] + html[match.end() :]
        html = html.replace("</head>", match.group(0) + "\n</head>", 1)
    return html


def render_text(email: Email, env: Environment) -> str:
    return env.get_template("email.txt").render(email=email)


@dataclass(frozen=True)
class Rendered:
    email: Email
    """What was sent: cut short when the whole letter was too long."""
    whole: Email
    html: str
    text: str
    eml: bytes


def render(
    letter: Newsletter, whole: Email, settings: Settings, mailing: Mailing, env: Environment
) -> Rendered:
    """HTML, text and .eml of one newsletter (`whole` is its `email_for`); long lists are cut
    short to stay under MAX_BYTES."""
    email = whole
    while True:
        html = render_html(email, env)
        counts = [len(section.entries) for section in email.sections]
        size = len(html.encode())
        if size <= MAX_BYTES or max(counts, default=0) <= 1:
            break
        email = shortened(whole, _limit(counts, sum(counts) * MAX_BYTES * 0.95 / size))
    text = render_text(email, env)
    eml = message(letter, email, html, text, mailing, settings)
    return Rendered(email, whole, html, text, eml)


def _limit(counts: Sequence[int], entries: float) -> int:
    """The most entries per section that keeps the letter to about `entries` in all.

    Below the longest section's length, so each try is shorter than the last. Sizes grow with
    the entries, plus the parts every letter has: the 5% margin leaves room for those, so a
    long letter is usually rendered twice.
    """
    limit = max(counts) - 1
    while limit > 1 and sum(min(count, limit) for count in counts) > entries:
        limit -= 1
    return limit


def message(
    letter: Newsletter,
    email: Email,
    html: str,
    text: str,
    mailing: Mailing,
    settings: Settings,
) -> bytes:
    """A multipart/alternative message (text, then HTML), ready to import or send as a test."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = email.subject
    msg["From"] = mailing.sender
    msg["To"] = letter.audience.to
    sent = datetime.combine(letter.edition.date, time(9, 0), tzinfo=settings.zone)
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = f"<nieuwsbrief.{letter.edition.slug}.{letter.audience.slug}@{mailing.host}>"
    msg["List-Id"] = f"{letter.audience.name} <{letter.audience.slug}.nieuwsbrief.{mailing.host}>"
    msg["List-Unsubscribe"] = ", ".join(f"<{link.url}>" for link in email.unsubscribe)
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg["MIME-Version"] = "1.0"
    msg.make_alternative()
    msg.attach(_quoted_printable(text, "plain"))
    msg.attach(_quoted_printable(html, "html"))
    # A boundary from the content instead of a random one: the same input gives the same file.
    digest = hashlib.sha256((text + html).encode()).hexdigest()[:32]
    msg.set_boundary(f"=_netwerk_{digest}")
    return msg.as_bytes()


def _quoted_printable(text: str, subtype: str) -> EmailMessage:
    """A text part, encoded by binascii (C) instead of `set_content`'s pure-Python encoder.

    The same standard (RFC 2045); for a letter of 90 KB it takes 2 ms instead of 8.
    """
    part = EmailMessage(policy=policy.SMTP)
    part["Content-Type"] = f"text/{subtype}"
    part.set_param("charset", "utf-8")
    part["Content-Transfer-Encoding"] = "quoted-printable"
    lines = b"\n".join(text.encode().splitlines()) + b"\n"
    part.set_payload(binascii.b2a_qp(lines, istext=True).decode("ascii"))
    return part


# --- All newsletter outputs of a site ----------------------------------------------------------


def feed_content(email: Email, env: Environment) -> str:
    """The newsletter as an HTML fragment for feeds (RSS-to-email tools read this)."""
    return env.get_template("feed.html").render(email=email)


def outputs(
    letters: Sequence[Newsletter],
    wholes: Mapping[str, Email],
    audiences: Sequence[Audience],
    settings: Settings,
    mailing: Mailing,
    env: Environment,
    site: FeedSite,
) -> dict[str, str | bytes]:
    """Every file the newsletters add to the site, by path; `wholes` has each letter's
    `email_for` by its web URL (the web versions show those too).

    Emails are written for every edition that is not a draft, so editors can test one before
    its date; archives and feeds list only the editions dated on or before the build date.
    """
    files: dict[str, str | bytes] = {}
    entries: dict[str, list[FeedEntry]] = {}
    for letter in letters:
        result = render(letter, wholes[letter.url], settings, mailing, env)
        files[f"{letter.url}email.html"] = result.html
        files[f"{letter.url}email.txt"] = result.text
        files[f"{letter.url}bericht.eml"] = result.eml
        if letter.edition.date <= settings.build_date:
            # The feed carries the whole letter without click tracking.
            plain = (
                email_for(letter, settings, replace(mailing, utm=False))
                if mailing.utm
                else result.whole
            )
            entries.setdefault(letter.audience.slug, []).append(
                FeedEntry(
                    title=letter.edition.subject,
                    url=site.url(letter.url),
                    published=site.moment(letter.edition.date),
                    summary=result.email.preheader,
                    content_html=feed_content(plain, env),
                    # A sector is a category only where there are sectors to tell apart.
                    categories=()
                    if settings.one_sector
                    else tuple(
                        (sector, settings.sectors.get(sector, sector))
                        for sector in letter.audience.sectors
                    ),
                )
            )
    for audience in audiences:
        found = entries.get(audience.slug, [])
        files.update(newsletter_feeds(audience.slug, audience.name, found, site))
    return files
