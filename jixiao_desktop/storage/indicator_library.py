"""The indicator library in the database (``spec/indicator-library.md``).

Stored entries (``library_entries``): the shipped 共性指标 (added the first time the library is
read, and again for rows a newer shipped set brings), a bureau's imported entries, and what a
clerk took in (纳入指标库) or edited. The unit's own past is not copied anywhere: every saved
form's 三级 items *are* its history, read here by one query and grouped by
``domain.indicator_library.own_entries`` — so a save feeds the library at no cost, and a form
moved to the recycle bin leaves it.

Every write is one transaction: an import stores all its rows or none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jixiao_desktop.domain.indicator_library import (
    ENTRY_FIELDS,
    ItemUse,
    LibraryEntry,
    normalise_name,
    own_entries,
    source_kind,
)
from jixiao_desktop.domain.indicator_library.common import COMMON_VERSION, common_entries
from jixiao_desktop.domain.indicator_library.names import canonical_level
from jixiao_desktop.storage.errors import StorageError
from jixiao_desktop.storage.mapping import utc_now
from jixiao_desktop.storage.models import (
    FormRecord,
    IndicatorItemRecord,
    IndicatorRowRecord,
    LibraryEntryRecord,
    LibraryStateRecord,
)
from jixiao_desktop.storage.repository import FormRepository

__all__ = ["ImportCounts", "LibraryStore"]

_COMMON_KEY = "common_version"
# 指标解释 / 评(扣)分标准 of an item: read from their columns when the schema has them, else from
# the item's extra (the exchange keys explanation / scoring).
_ITEM_TEXT_COLUMNS = tuple(name for name in ("explanation", "scoring") if hasattr(IndicatorItemRecord, name))


class EntryNotFoundError(StorageError):
    """The entry is gone (deleted in another window)."""


@dataclass(frozen=True)
class ImportCounts:
    added: int
    updated: int


def _record_values(entry: LibraryEntry) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(entry, name).strip() for name in ENTRY_FIELDS}
    values.update(name_key=normalise_name(entry.level3), source=entry.source.strip(),
                  source_document=entry.source_document.strip(), uses=entry.uses,
                  extra_json=json.dumps(entry.extra, ensure_ascii=False, sort_keys=True) if entry.extra else "{}")
    return values


def _to_entry(rec: LibraryEntryRecord) -> LibraryEntry:
    try:
        extra = json.loads(rec.extra_json or "{}")
    except ValueError:
        extra = {}
    return LibraryEntry.from_fields({name: getattr(rec, name) for name in ENTRY_FIELDS}, source=rec.source,
                                    source_document=rec.source_document,
                                    extra=extra if isinstance(extra, dict) else {}, id=rec.id, uses=rec.uses or 0)


def _same_key(entry: LibraryEntry) -> tuple[str, str]:
    return (normalise_name(entry.level3), canonical_level(entry.level2))


class LibraryStore:
    """The library of one database (``FormRepository``'s engine, its sessions and errors)."""

    def __init__(self, repo: FormRepository) -> None:
        self.repo = repo

    # --- reading ---------------------------------------------------------------------------

    def entries(self, *, include_deleted: bool = False) -> list[LibraryEntry]:
        """The stored entries (shipped ones added first if this database lacks them), by id."""
        self.ensure_common()
        with self.repo._session("读取指标库失败") as s:
            query = select(LibraryEntryRecord).order_by(LibraryEntryRecord.id)
            if not include_deleted:
                query = query.where(LibraryEntryRecord.deleted_at.is_(None))
            return [_to_entry(rec) for rec in s.scalars(query)]

    def item_uses(self, *, exclude_form: int | None = None) -> list[ItemUse]:
        """Every named 三级 item of the stored forms not in the recycle bin (the unit's history)."""
        query = (
            select(FormRecord.uuid, FormRecord.year, FormRecord.department, IndicatorRowRecord.level1,
                   IndicatorRowRecord.level2, IndicatorItemRecord.level3, IndicatorItemRecord.nature,
                   IndicatorItemRecord.operator, IndicatorItemRecord.value, IndicatorItemRecord.unit,
                   IndicatorItemRecord.direction, IndicatorItemRecord.extra_json,
                   *(getattr(IndicatorItemRecord, name) for name in _ITEM_TEXT_COLUMNS))
            .join(IndicatorRowRecord, IndicatorRowRecord.form_id == FormRecord.id)
            .join(IndicatorItemRecord, IndicatorItemRecord.row_id == IndicatorRowRecord.id)
            .where(FormRecord.deleted_at.is_(None), IndicatorItemRecord.level3 != "")
            .order_by(FormRecord.id, IndicatorRowRecord.position, IndicatorItemRecord.position))
        if exclude_form is not None:
            query = query.where(FormRecord.id != exclude_form)
        uses = []
        with self.repo._session("读取往年指标失败") as s:
            for row in s.execute(query):
                extra = _item_extra(row.extra_json)
                for name in _ITEM_TEXT_COLUMNS:  # columns of their own once the schema has them
                    extra[name] = getattr(row, name) or extra.get(name, "")
                uses.append(ItemUse(
                    form_id=row.uuid or "", year=row.year, department=(row.department or "").strip(),
                    level1=row.level1, level2=row.level2, level3=row.level3.strip(), nature=row.nature,
                    operator=row.operator, value=row.value, unit=row.unit, direction=row.direction,
                    explanation=str(extra.get("explanation", "") or ""),
                    scoring=str(extra.get("scoring", "") or "")))
        return [use for use in uses if normalise_name(use.level3)]

    def library(self, department: str = "", *, exclude_form: int | None = None) -> list[LibraryEntry]:
        """What the clerk searches: the unit's own past entries (with their values by year) and
        the stored entries. An own name the clerk deleted from the library stays hidden."""
        live = self.entries()
        with self.repo._session("读取指标库失败") as s:
            hidden = set(s.scalars(select(LibraryEntryRecord.name_key).where(
                LibraryEntryRecord.source.like("own:%"), LibraryEntryRecord.deleted_at.is_not(None))))
        hidden -= {e.key for e in live if e.kind == "own"}
        uses = self.item_uses(exclude_form=exclude_form)
        own = [e for e in own_entries(uses, department) if e.key not in hidden]
        if department and not own:  # a database of another unit's forms only: use them all
            own = [e for e in own_entries(uses) if e.key not in hidden]
        by_key = {e.key: e for e in own}
        for entry in live:  # a stored own entry (纳入指标库) gets the history of its name
            past = by_key.get(entry.key)
            if past is not None and entry.kind == "own":
                entry.history = past.history
                entry.uses = past.uses
                del by_key[entry.key]
        return list(by_key.values()) + live

    # --- writing ---------------------------------------------------------------------------

    def ensure_common(self) -> int:
        """Add the shipped 共性指标 this database has not had yet; return how many were added.

        A shipped entry the clerk deleted or edited stays as the clerk left it.
        """
        with self.repo._session("读取指标库失败") as s:
            state = s.get(LibraryStateRecord, _COMMON_KEY)
            if state is not None and state.value.isdigit() and int(state.value) >= COMMON_VERSION:
                return 0
        with self.repo._session("更新指标库失败", write=True) as s:
            state = s.get(LibraryStateRecord, _COMMON_KEY)
            if state is not None and state.value.isdigit() and int(state.value) >= COMMON_VERSION:
                return 0
            have = {(rec.name_key, canonical_level(rec.level2))
                    for rec in s.scalars(select(LibraryEntryRecord).where(LibraryEntryRecord.source == "common"))}
            now = utc_now()
            added = 0
            for entry in common_entries():
                if _same_key(entry) in have:
                    continue
                have.add(_same_key(entry))
                s.add(LibraryEntryRecord(**_record_values(entry), created_at=now, updated_at=now, deleted_at=None))
                added += 1
            if state is None:
                s.add(LibraryStateRecord(key=_COMMON_KEY, value=str(COMMON_VERSION)))
            else:
                state.value = str(COMMON_VERSION)
            return added

    def add(self, entry: LibraryEntry) -> int:
        """Store a new entry (纳入指标库, or one typed on the library page); return its id.

        An entry of the same name and source replaces that one's fields instead (taking an
        item in twice keeps one entry)."""
        if not normalise_name(entry.level3):
            raise StorageError("三级指标名称不能为空")
        with self.repo._session("保存指标失败", write=True) as s:
            return self._upsert(s, entry)[0]

    def update(self, entry_id: int, entry: LibraryEntry) -> None:
        """Replace a stored entry's fields (its source stays)."""
        if not normalise_name(entry.level3):
            raise StorageError("三级指标名称不能为空")
        with self.repo._session("保存指标失败", write=True) as s:
            rec = s.get(LibraryEntryRecord, entry_id)
            if rec is None or rec.deleted_at is not None:
                raise EntryNotFoundError("这条指标已被删除（可能在另一个窗口中）")
            values = _record_values(entry)
            values.pop("source")
            for name, value in values.items():
                setattr(rec, name, value)
            rec.updated_at = utc_now()

    def delete(self, entry: LibraryEntry) -> None:
        """Remove an entry from the library. A stored one is marked deleted; one of the unit's
        own past names is hidden from then on (its forms keep their items)."""
        with self.repo._session("删除指标失败", write=True) as s:
            now = utc_now()
            if entry.id is not None:
                rec = s.get(LibraryEntryRecord, entry.id)
                if rec is not None:
                    rec.deleted_at = now
                    rec.updated_at = now
                    return
            hidden = entry.with_changes(history=[], id=None)
            s.add(LibraryEntryRecord(**_record_values(hidden), created_at=now, updated_at=now, deleted_at=now))

    def import_entries(self, entries: Sequence[LibraryEntry], *, replace_source: str | None = None) -> ImportCounts:
        """Store many entries in one transaction (a bureau's workbook, a district library).

        An entry whose name and source are already stored updates that one. ``replace_source``:
        first delete every stored entry of that source (a rebuilt district library)."""
        for number, entry in enumerate(entries, start=1):
            if not normalise_name(entry.level3):
                raise StorageError(f"第 {number} 条指标没有三级指标名称，指标库未改动")
        self.ensure_common()
        added = updated = 0
        with self.repo._session("导入指标库失败", write=True) as s:
            if replace_source is not None:
                now = utc_now()
                for rec in s.scalars(select(LibraryEntryRecord).where(
                        LibraryEntryRecord.source == replace_source, LibraryEntryRecord.deleted_at.is_(None))):
                    rec.deleted_at = now
                s.flush()
            for entry in entries:
                _id, was_new = self._upsert(s, entry)
                added += was_new
                updated += not was_new
        return ImportCounts(added, updated)

    @staticmethod
    def _upsert(s: Session, entry: LibraryEntry) -> tuple[int, bool]:
        values = _record_values(entry)
        now = utc_now()
        source = values["source"]
        match_source = LibraryEntryRecord.source.like("own:%") if source_kind(source) == "own" \
            else LibraryEntryRecord.source == source
        level2 = canonical_level(entry.level2)
        rec = next((r for r in s.scalars(select(LibraryEntryRecord).where(
            LibraryEntryRecord.name_key == values["name_key"], match_source,
            LibraryEntryRecord.deleted_at.is_(None))) if canonical_level(r.level2) == level2 or not level2), None)
        if rec is not None:
            for name, value in values.items():
                setattr(rec, name, value)
            rec.updated_at = now
            return rec.id, False
        rec = LibraryEntryRecord(**values, created_at=now, updated_at=now, deleted_at=None)
        s.add(rec)
        s.flush()
        return rec.id, True


def _item_extra(text: str | None) -> dict[str, Any]:
    if not text or ("explanation" not in text and "scoring" not in text):
        return {}
    try:
        loaded = json.loads(text)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def entries_of(entries: Iterable[LibraryEntry], source: str) -> list[LibraryEntry]:
    return [e for e in entries if e.source == source]
