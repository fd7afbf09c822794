"""The options of the `netwerk` plugin as MkDocs sees them: the fields of
netwerk.core.options.Written, by name only.

MkDocs passes every value on unchanged; netwerk.core.options gives the defaults and checks the
values in Dutch, the same for a build and for `netwerk controleer` (which does not load MkDocs).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..core.options import NAMES


class PassedOn(c.Optional[Any]):
    """An option MkDocs leaves to netwerk.core.options; None when it is not in mkdocs.yml."""

    def __init__(self) -> None:
        super().__init__(c.Type(object))


class NetwerkConfig(Config):
    # Config completes the `_schema` it finds with the options among the class's attributes
    # (none here): one option per field of Written, whose names are not listed twice.
    _schema = tuple((name, PassedOn()) for name in NAMES)
