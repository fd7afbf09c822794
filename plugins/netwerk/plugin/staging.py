"""An atomic build: the site is written to a folder beside site_dir and put in its place only
when everything (pages, emails, calendars, feeds) succeeded.

MkDocs empties site_dir before it writes the first page, so a failure later on (a template error
in an override, a crash in a library, a full disk) would leave half a site. Instead the build
writes to a fresh folder beside it (`.site-x1y2z3`, on the same file system, so a rename moves
it); at the end the previous site is renamed aside, the new one into place, and the old one
deleted.
On failure the new folder is deleted and the previous site stays as it was, byte for byte.

Not for `mkdocs serve` (which builds into a folder of its own, and keeps serving the last good
build when one fails) nor `--dirty` (which builds on top of the previous site).
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import CountHandler


class Staging:
    """The atomic build: `start` when the config is read, then `finish` after the last file
    or `abort` when the build failed or was broken off; `warnings` counts those of a --strict
    build meanwhile. One build at a time."""

    def __init__(self) -> None:
        self._folder: _Folder | None = None
        # The config whose site_dir points at the staging folder until finish or abort.
        self._config: MkDocsConfig | None = None
        self._counter: CountHandler | None = None

    def start(self, config: MkDocsConfig) -> None:
        """Point the config's site_dir at a fresh folder beside it (a folder left by a build
        that neither finished nor aborted is deleted first)."""
        self.abort()
        self._folder = _Folder(config.site_dir)
        self._config = config
        config.site_dir = str(self._folder.folder)
        if config.strict:
            # MkDocs counts warnings for --strict only after on_post_build; so do we, to
            # keep the previous site when it is going to stop.
            self._counter = CountHandler()
            self._counter.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self._counter)

    @property
    def warnings(self) -> int:
        """The warnings logged since `start` of a --strict build (0 for any other)."""
        return sum(count for _, count in self._counter.get_counts()) if self._counter else 0

    def finish(self) -> None:
        """Put the new site in place of the previous one, if a build was started. When that
        fails, the new folder is kept for `abort`."""
        folder, config = self._folder, self._config
        if folder is None or config is None:
            return
        folder.publish()
        self._folder, self._config = None, None
        config.site_dir = folder.site_dir  # as it was, for gh-deploy
        self._stop_counting()

    def abort(self) -> None:
        """Delete the new folder: the previous site stays."""
        folder, self._folder = self._folder, None
        if folder is not None:
            folder.discard()
            if self._config is not None:
                self._config.site_dir = folder.site_dir
        self._config = None
        self._stop_counting()

    def _stop_counting(self) -> None:
        if self._counter is not None:
            logging.getLogger("mkdocs").removeHandler(self._counter)
            self._counter = None


class _Folder:
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
