"""The MkDocs glue: the plugin MkDocs loads through the `netwerk` entry point."""

from .plugin import NetwerkPlugin

__all__ = ["NetwerkPlugin"]
