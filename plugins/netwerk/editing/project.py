"""The site a command works on: its mkdocs.yml, read as MkDocs reads it, without MkDocs.

Loading MkDocs and its theme takes longer than checking all the content, so the commands read
mkdocs.yml themselves: `INHERIT`, `!ENV` and the netwerk plugin's options, checked as a build
checks them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..core.loader import SLUG
from ..core.models import COLLECTIONS
from ..core.options import Options, options_from
from ..core.problems import SettingsError
from ..core.settings import Settings

CONFIG_FILE = "mkdocs.yml"


class CliError(Exception):
    """A failure the editor can fix; the message says how."""


@dataclass(frozen=True)
class Site:
    root: Path
    content: Path
    site_dir: Path
    options: Options
    theme_dir: Path | None = None
    """The site's own templates and theme files (theme.custom_dir), when it has them."""

    @property
    def settings(self) -> Settings:
        return self.options.settings

    def shown(self, path: Path) -> str:
        """A path as the editor recognises it: relative to the folder of mkdocs.yml."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def newsletters(self) -> Path:
        """The folder of the newsletter editions."""
        return self.root / self.options.newsletters_dir

    def audiences(self) -> list[str]:
        return [audience.slug for audience in self.options.audiences]

    def slugs(self) -> dict[str, frozenset[str]]:
        """Existing items by folder, drafts included (they may be referred to)."""
        found = {}
        for model in COLLECTIONS:
            folder = self.content / model.folder
            stems = (path.stem for path in folder.glob("*.md")) if folder.is_dir() else ()
            found[model.folder] = frozenset(s for s in stems if SLUG.match(s) and s != "index")
        return found


def unexpected(error: BaseException, context: str) -> str:
    """A failure no editor could cause, in one line: never a traceback. `context` says what
    to report with it ("met het commando dat je gaf")."""
    return (
        f"Er ging iets onverwachts mis ({type(error).__name__}: {error}). Dit is een fout in "
        f"netwerk zelf; meld het, {context}, aan wie de site beheert."
    )


def find_config(config_file: str | Path) -> Path:
    """mkdocs.yml: the given one, or without -f the nearest in this folder or above."""
    path = Path(config_file)
    if config_file == CONFIG_FILE and not path.is_file():
        path = next(
            (
                folder / CONFIG_FILE
                for folder in Path.cwd().parents
                if (folder / CONFIG_FILE).is_file()
            ),
            path,
        )
    if not path.is_file():
        raise CliError(
            f"{path} niet gevonden; ga eerst naar de map van de site (waar mkdocs.yml staat) "
            "of geef het pad met -f pad/naar/mkdocs.yml"
        )
    return path


def load_site(config_file: str | Path) -> Site:
    """Read mkdocs.yml, and the netwerk plugin's options from it, as a build does.

    Without -f, the nearest mkdocs.yml in this folder or above is used, so that the commands
    also work from content/agenda/. MkDocs itself is not loaded: that takes longer than
    checking all the content.
    """
    path = find_config(config_file)
    config = read_mkdocs_yml(path)
    raw = plugin_options(config.get("plugins"), "netwerk")
    if raw is None:
        raise CliError(f"{path} gebruikt de plug-in netwerk niet; zet '- netwerk' onder 'plugins:'")
    site_url, site_name = config.get("site_url"), config.get("site_name")
    try:
        options = options_from(
            raw,
            site_url=str(site_url) if site_url else None,
            site_name=str(site_name or ""),
            theme=theme if isinstance(theme := config.get("theme"), dict) else None,
        )
    except SettingsError as error:
        raise CliError(error.report(path.name)) from None
    root = path.resolve().parent
    content = root / str(config.get("docs_dir") or "docs")
    if not content.is_dir():
        raise CliError(
            f"de map {content} bestaat niet; zet bij docs_dir in {path.name} de map met de "
            "inhoud, zoals docs_dir: content"
        )
    return Site(
        root=root,
        content=content,
        site_dir=root / str(config.get("site_dir") or "site"),
        options=options,
        theme_dir=root / str(custom)
        if isinstance(theme, dict) and (custom := theme.get("custom_dir"))
        else None,
    )


class _MkDocsYamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Reads mkdocs.yml as MkDocs does, without running the Python its tags may name."""


def _environment_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """MkDocs' `!ENV NAME` and `!ENV [NAME, OTHER, default]`."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = loader.construct_sequence(node)  # type: ignore[arg-type]
        if not names:
            names, default = [default], None
    for name in names:
        if str(name) in os.environ:
            return yaml.safe_load(os.environ[str(name)])
    return default


# `!!python/name:material.extensions.emoji.twemoji`, `!relative` and the like belong to other
# plugins' settings; they are read as nothing.
_MkDocsYamlLoader.add_constructor("!ENV", _environment_tag)
_MkDocsYamlLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_MkDocsYamlLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def read_mkdocs_yml(path: Path) -> dict[str, Any]:
    """mkdocs.yml as a mapping, with the file it names in `INHERIT` merged under it."""
    try:
        with path.open(encoding="utf-8-sig") as file:
            config = yaml.load(file, Loader=_MkDocsYamlLoader)
    except yaml.YAMLError as error:
        raise CliError(f"{path} klopt niet: {error}") from None
    except UnicodeDecodeError:
        raise CliError(f"{path} is geen UTF-8-tekst; sla het op als UTF-8") from None
    if not isinstance(config, dict):
        raise CliError(f"{path} klopt niet: het moet instellingen bevatten, zoals site_name: ...")
    parent = config.pop("INHERIT", None)
    if parent is None:
        return config
    return _merged(read_mkdocs_yml(path.parent / str(parent)), config)


def _merged(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Mappings merged key by key, as MkDocs merges INHERIT; any other value replaces."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


def plugin_options(plugins: object, name: str) -> dict[str, Any] | None:
    """The options of one plugin under `plugins:` (a list or a mapping), or None without it."""
    entries: Iterable[tuple[object, object]] = ()
    if isinstance(plugins, dict):
        entries = plugins.items()
    elif isinstance(plugins, list):
        entries = (
            next(iter(entry.items())) if isinstance(entry, dict) and entry else (entry, None)
            for entry in plugins
        )
    for plugin, options in entries:
        if plugin == name:
            return dict(options) if isinstance(options, dict) else {}
    return None
