"""Rule profile files kept in the database (revision 0007, ``profiles.md``).

A bureau's own profile (imported in the window, or carried inside its review file) is kept as
the text of its file, keyed by the SHA-256 the form names, so that a form checked with it keeps
working on this machine after a restart and wherever the database goes. ``register_all`` makes
every stored profile known to ``domain.profiles`` (at start-up and after an import).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from jixiao_desktop.domain.profiles import (
    Profile,
    ProfileError,
    is_builtin,
    parse_profile,
    register_profile,
)
from jixiao_desktop.storage.models import ProfileRecord

__all__ = ["ProfileStore", "StoredProfiles"]


@dataclass(frozen=True)
class StoredProfiles:
    """The stored profiles that could be read, and a Chinese line per one that could not."""

    profiles: tuple[Profile, ...]
    unreadable: tuple[str, ...] = ()


class Sessions(Protocol):
    """What the store needs of a ``FormRepository`` (no import of it: the repository registers
    the stored profiles when it opens)."""

    def _session(self, action: str, *, write: bool = False) -> AbstractContextManager[Session]: ...


class ProfileStore:
    """The ``profiles`` table of one repository."""

    def __init__(self, repo: Sessions) -> None:
        self.repo = repo

    def add(self, profile: Profile, source: str = "") -> bool:
        """Keep ``profile`` (one transaction); False when the same file is already stored.

        Raises ``ProfileError`` for a built-in id (a bureau's file may not redefine ``sc``) and
        ``StorageError`` when the database refuses; nothing is stored then.
        """
        if is_builtin(profile.id):
            register_profile(profile)  # raises the Chinese refusal, naming the file and the id
        with self.repo._session("保存规则方案失败", write=True) as s:
            if s.get(ProfileRecord, profile.sha256) is not None:
                return False
            s.add(ProfileRecord(sha256=profile.sha256, profile_id=profile.id, name=profile.name,
                                source=source or profile.origin, text=profile.text, imported_at=datetime.now(UTC)))
        return True

    def stored(self) -> StoredProfiles:
        """Every stored profile, newest import last per id (a later file of an id replaces an
        earlier one when registered)."""
        with self.repo._session("读取规则方案失败") as s:
            rows = s.execute(select(ProfileRecord.sha256, ProfileRecord.source, ProfileRecord.text)
                             .order_by(ProfileRecord.imported_at, ProfileRecord.sha256)).all()
        profiles: list[Profile] = []
        unreadable: list[str] = []
        for sha, source, text in rows:
            try:
                profile = parse_profile(text, source or "数据库中保存的规则方案")
            except ProfileError as exc:
                unreadable.append(str(exc))
                continue
            # The hash of the file as imported (a byte-order mark is not kept in the text).
            profiles.append(profile if profile.sha256 == sha else replace(profile, sha256=sha))
        return StoredProfiles(tuple(profiles), tuple(unreadable))

    def register_all(self) -> StoredProfiles:
        """Make every stored profile known to the checks, the window and the exporters."""
        stored = self.stored()
        kept: list[Profile] = []
        unreadable = list(stored.unreadable)
        for profile in stored.profiles:
            try:
                register_profile(profile)
            except ProfileError as exc:  # a built-in id now (a newer program ships it)
                unreadable.append(str(exc))
            else:
                kept.append(profile)
        return StoredProfiles(tuple(kept), tuple(unreadable))

    def text_of(self, sha256: str) -> str | None:
        """The stored file text with this hash (what a review file carries), or ``None``."""
        with self.repo._session("读取规则方案失败") as s:
            rec = s.get(ProfileRecord, sha256)
            return rec.text if rec is not None else None
