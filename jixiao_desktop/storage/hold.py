"""Holding an SQLite file for as long as it is open here (issue 18, item 0).

A window must keep its database for its whole life. Two things can make it let go:

- a pool that closes its idle connections: then the last client of the file (``jixiao-desktop
  list`` beside the window) checkpoints and deletes the WAL. ``Hold`` pins one connection of the
  engine's pool (checked out until ``release``), so the process always has the file open;
- any descriptor of the file closed outside SQLite in this process (a dialog sniffing file
  types, a print dialog's file completer, an antivirus hook): POSIX then drops *all* of the
  process's fcntl locks on that file, SQLite does not know, and the next client to close
  believes it is the last one and deletes the live WAL. ``Hold.keep`` notices that the
  process holds no lock on the file any more (Linux: ``/proc/locks``, about 0.3 ms) and takes
  the locks again by closing its idle connections and opening them anew — only while the file
  and its WAL are still the ones opened (otherwise the write guard of ``storage.db`` refuses
  to write and says so).

On Windows a lock belongs to a handle and is never dropped that way; where ``/proc/locks`` is
missing (macOS) ``locks_held`` answers ``None`` and ``keep`` does nothing.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

log = logging.getLogger(__name__)

PROC_LOCKS = Path("/proc/locks")


def locks_held(path: Path, pid: int | None = None) -> bool | None:
    """Whether process ``pid`` (this one) holds any POSIX lock on the file at ``path``;
    ``None`` when that cannot be told (no ``/proc/locks``, no file, Windows: no POSIX locks;
    under Wine "/proc/locks" even resolves to Linux's file, and ``os.major`` does not exist)."""
    if sys.platform == "win32":
        return None
    try:
        st = os.stat(path)  # stat only: opening the file would itself drop the locks
        text = PROC_LOCKS.read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    me = str(os.getpid() if pid is None else pid)
    ident = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    inode = f":{st.st_ino}"
    for line in text.splitlines():
        fields = line.split()
        # "1: POSIX  ADVISORY  READ 19106 fe:00:2236979 1073741826 1073742335" (or "->" lines
        # for waiters, which hold nothing)
        if len(fields) < 6 or fields[1] not in ("POSIX", "OFDLCK") or fields[4] != me:
            continue
        if fields[5] == ident or fields[5].endswith(inode):  # overlay file systems report another device
            return True
    return False


class Hold:
    """One connection of ``engine`` kept checked out, and the locks it stands for kept."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._pinned: Any = None
        self.retaken = 0  # how many times the locks were found dropped and taken again
        if engine.dialect.name == "sqlite":
            self._pin()

    @property
    def path(self) -> Path:
        return Path(str(self._engine.url.database))

    def _pin(self) -> None:
        # Connecting switches on WAL (reading the file): from then on the connection keeps its
        # shared lock on the file while it is open.
        try:
            self._pinned = self._engine.raw_connection()
        except Exception as exc:  # a damaged or vanished file: the repository's own calls say so
            log.warning("could not pin a connection on %s: %s", self.path, exc)
            self._pinned = None

    def release(self) -> None:
        """Give the pinned connection back (before the engine is disposed)."""
        pinned, self._pinned = self._pinned, None
        if pinned is not None:
            pinned.close()

    def keep(self) -> bool:
        """Take the file's locks again if something in this process dropped them; True if it did.

        Only when nothing but the pinned connection is in use, and the file and its WAL are
        still the ones this process opened (``db.identity_intact``)."""
        from jixiao_desktop.storage import db

        if self._pinned is None:
            return False
        path = self.path
        shm = Path(f"{path}-shm")
        if locks_held(path) is not False and (not shm.exists() or locks_held(shm) is not False):
            return False
        pool: Any = self._engine.pool
        checked_out = getattr(pool, "checkedout", lambda: 1)()
        if checked_out > 1 or not db.identity_intact(path):
            return False  # a transaction is running (try again later) / the write guard says why
        log.warning("locks on %s were dropped by a descriptor closed in this process; taking them again", path)
        self.release()
        self._engine.dispose()  # every idle connection closed: the process lets go of the file …
        self._pin()  # … and opens it again, with its locks
        self.retaken += 1
        return True
