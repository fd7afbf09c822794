"""An atomic build: the site is written to a folder beside site_dir and put in its place only
when everything (pages, emails, calendars, feeds) succeeded.

MkDocs empties site_dir before it writes the first page, so a failure later on (a template error
in an override, a crash in a library, a full disk) would leave half a site. Instead the build
writes to a fresh folder beside it (`.site-x1y2z3`, on the same file system, so a rename moves
it); the plugin renames the previous site aside, the new one into place and deletes the old one.
On failure the new folder is deleted and the previous site stays as it was, byte for byte.

Not for `mkdocs serve` (which builds into a folder of its own, and keeps serving the last good
build when one fails) nor `--dirty` (which builds on top of the previous site). Pure Python: no
MkDocs imports.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path


class Staging:
    """One build's folder beside the site, made at the start; then `publish()` or `discard()`."""

    def __init__(self, site_dir: str) -> None:
        self.site_dir = site_dir
        # A site_dir that is a link (to the web server's folder) keeps pointing there.
        self.final = Path(os.path.realpath(site_dir))
        self.final.parent.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix=f".{self.final.name}-", dir=self.final.parent))
        # mkdtemp makes a private folder (0700); the site gets the permissions it had, or those
        # of a new folder, so a web server running as another user can still read it.
        if self.final.is_dir():
            mode = stat.S_IMODE(self.final.stat().st_mode)
        else:
            mask = os.umask(0)
            os.umask(mask)
            mode = 0o777 & ~mask
        self.folder.chmod(mode)

    def publish(self) -> None:
        """Put the new site in place of the previous one, which is deleted."""
        old: Path | None = self.folder.with_name(self.folder.name + "-oud")
        assert old is not None
        try:
            self.final.rename(old)
        except FileNotFoundError:
            old = None  # the first build
        except OSError:
            # site_dir cannot be moved (a mount point, such as a container volume): its
            # contents are replaced instead, after the build succeeded all the same.
            self._replace_contents()
            return
        try:
            self.folder.rename(self.final)
        except OSError:
            if old is not None:
                old.rename(self.final)
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _replace_contents(self) -> None:
        for entry in list(self.final.iterdir()):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        for entry in list(self.folder.iterdir()):
            entry.rename(self.final / entry.name)
        self.folder.rmdir()
