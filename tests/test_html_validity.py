"""Every page of the tests' own network (tests/networks.py): valid HTML (Nu HTML checker), metadata, links that resolve."""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from conftest import REPO
from networks import SITE_URL

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def web_pages(site: Path) -> list[Path]:
    """The site's HTML pages; newsletter emails (email.html) are mail, checked on their own."""
    return sorted(path for path in site.rglob("*.html") if path.name != "email.html")


def test_every_page_passes_the_nu_html_checker(rich: Path) -> None:
    pages = web_pages(rich)
    assert len(pages) > 40
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{Path(urlsplit(m['url']).path).relative_to(rich)}:{m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert errors == []


class Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.metas: dict[str, str] = {}
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        key = found.get("property") or found.get("name")
        if tag == "meta" and key:
            self.metas[key] = found.get("content") or ""
        for name in ("href", "src"):
            value = found.get(name)
            if value and tag in ("a", "link", "img", "script"):
                self.links.append(value)


def parsed(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def test_every_page_has_a_description_and_open_graph(rich: Path) -> None:
    missing = []
    for path in web_pages(rich):
        metas = parsed(path).metas
        for key in ("description", "og:title", "og:description"):
            if not metas.get(key, "").strip():
                missing.append(f"{path.relative_to(rich)}: {key}")
    assert missing == []


def test_item_pages_describe_themselves(rich: Path) -> None:
    site_description = parsed(rich / "index.html").metas["description"]
    generic = [
        path.relative_to(rich).as_posix()
        for folder in ("partners", "themas", "projecten", "nieuws", "kennisbank")
        for path in (rich / folder).glob("*/index.html")
        if parsed(path).metas["description"] == site_description
    ]
    assert generic == []


def test_every_internal_link_resolves(rich: Path) -> None:
    broken = []
    for path in sorted(rich.rglob("*.html")):
        # 404.html is served at any depth; its links start from the site root.
        at = "" if path.name == "404.html" else path.relative_to(rich).as_posix()
        base = urljoin(SITE_URL, at)
        for link in parsed(path).links:
            # Links the site makes itself are relative; absolute ones come from editors (an
            # address like https://www.leidse-aanpak.example/aanmelden/ may live elsewhere).
            if urlsplit(link).scheme or link.startswith("//"):
                continue
            target = urlsplit(urljoin(base, link))
            local = rich / unquote(target.path).removeprefix("/")
            if target.path.endswith("/"):
                local = local / "index.html"
            if not local.exists():
                broken.append(f"{path.relative_to(rich)}: {link}")
    assert broken == []


def test_nothing_is_loaded_from_another_host(rich: Path) -> None:
    """Stylesheets, scripts, images and fonts all come from the site itself."""
    foreign = []
    for path in web_pages(rich):
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:link|script|img|iframe|source|video|audio)\b[^>]*>", text):
            if re.search(r'rel="(?:canonical|alternate|prev|next)"', tag):
                continue  # a reference, not something the browser loads
            if re.search(r'\b(?:src|href)="(?:https?:)?//', tag):
                foreign.append(f"{path.relative_to(rich)}: {tag}")
    css = "\n".join(p.read_text(encoding="utf-8") for p in rich.rglob("*.css"))
    assert foreign == []
    assert "fonts.googleapis.com" not in css and "fonts.gstatic.com" not in css
    assert re.findall(r"@import\s+url\((?:https?:)?//", css) == []
