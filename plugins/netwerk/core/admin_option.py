"""The `admin` option of mkdocs.yml: whether the site has the admin page at /admin/, where
editors log in and whether changes go through review. Pure Python: no MkDocs imports."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .problems import SettingsError, did_you_mean, field_hint

BACKENDS = ("github", "gitlab")
DEFAULT_PORT = 8081


@dataclass(frozen=True)
class Admin:
    """The admin page's settings: where editors log in, and whether changes go through review."""

    backend: str | None = None
    """`github` or `gitlab`; None: only on your own computer, against decap-server."""
    repo: str | None = None
    branch: str = "main"
    app_id: str | None = None
    """GitLab: the id of the (non-confidential) application editors log in with (PKCE)."""
    base_url: str | None = None
    """GitHub: the OAuth client (https://api.netlify.com, or your own); GitLab: your own
    GitLab (https://gitlab.example.nl)."""
    auth_endpoint: str | None = None
    api_root: str | None = None
    site_domain: str | None = None
    review: bool = False
    """Decap's editorial workflow: every change a pull or merge request, published by merging."""
    local_port: int = DEFAULT_PORT
    """The port decap-server listens on (its `PORT`)."""


_TEXT_KEYS = ("repo", "branch", "app_id", "base_url", "auth_endpoint", "api_root", "site_domain")
_KEYS = ("backend", *_TEXT_KEYS, "review", "local_port")


def admin_from(value: object) -> Admin | None:
    """`admin:` in mkdocs.yml as settings; None when the admin page is off. SettingsError with
    every problem, each starting with `netwerk: admin: `."""
    if value is None or value is False:
        return None
    if value is True:
        return Admin()
    if not isinstance(value, dict):
        raise ValueError(
            f"netwerk: admin: '{value}' is geen instelling; schrijf admin: true, of onder admin: "
            "backend, repo en branch (zie de README)"
        )
    problems = [
        f"netwerk: admin: {key}: deze instelling bestaat niet; {field_hint(str(key), _KEYS)}"
        for key in value
        if key not in _KEYS
    ]
    given: dict[str, Any] = {}
    for key in _TEXT_KEYS:
        text = value.get(key)
        if text is None:
            continue
        if not isinstance(text, str | int) or isinstance(text, bool) or not str(text).strip():
            problems.append(f"netwerk: admin: {key}: '{text}' is geen tekst")
            continue
        given[key] = str(text).strip()
    backend = value.get("backend")
    if backend is not None and backend not in BACKENDS:
        problems.append(
            f"netwerk: admin: backend: '{backend}' kan niet; {did_you_mean(str(backend), BACKENDS)}"
        )
    if backend in BACKENDS:
        repo = given.get("repo")
        if repo is None or not re.fullmatch(r"[\w.-]+(/[\w.-]+)+", repo):
            problems.append(
                f"netwerk: admin: repo: schrijf de repository op {backend} als eigenaar/naam, "
                "zoals repo: mijn-netwerk/site"
            )
        if backend == "gitlab" and "app_id" not in given:
            problems.append(
                "netwerk: admin: app_id: ontbreekt; maak in GitLab een applicatie (niet "
                "vertrouwelijk, scope api, redirect-URI het adres van /admin/) en schrijf haar "
                "Application ID hier"
            )
    for key in ("base_url", "auth_endpoint", "api_root"):
        if key in given and key != "auth_endpoint" and not given[key].startswith("https://"):
            problems.append(f"netwerk: admin: {key}: '{given[key]}' moet beginnen met https://")
    review = value.get("review", False)
    if not isinstance(review, bool):
        problems.append(f"netwerk: admin: review: '{review}' moet true of false zijn")
    port = value.get("local_port", DEFAULT_PORT)
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        problems.append(f"netwerk: admin: local_port: '{port}' is geen poort; schrijf 8081")
    if problems:
        raise SettingsError(problems)
    return Admin(
        backend=backend if isinstance(backend, str) else None,
        review=review is True,
        local_port=port,
        **given,
    )
