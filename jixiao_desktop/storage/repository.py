"""Stored forms: create, load, save, snapshots, 定稿, recycle bin, history, 继承上年.

One short session per use case; ORM objects never leave this module — callers get domain
``Form`` objects and small frozen dataclasses. Every write is one transaction started with
BEGIN IMMEDIATE: it completes, or the database keeps what it had. SQLite failures (disk full,
locked, read-only) come out as ``StorageError`` with a Chinese message.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, inspect, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.carry import carry_over
from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.findings import Severity
from jixiao_desktop.domain.model import (
    Acknowledgement,
    Form,
    FormStatus,
    Funds,
    FundSource,
    Indicator,
    IndicatorItem,
)
from jixiao_desktop.domain.money import AmountError, parse_amount
from jixiao_desktop.storage.db import (
    DEFAULT_BUSY_TIMEOUT_MS,
    create_engine_for,
    translate_errors,
    upgrade_to_head,
    write_engine,
)
from jixiao_desktop.storage.errors import (
    DatabaseVersionError,
    FormDeletedError,
    FormHasErrorsError,
    FormLockedError,
    FormNotFoundError,
    StorageError,
)
from jixiao_desktop.storage.models import (
    AcknowledgementRecord,
    EventRecord,
    FormRecord,
    FundSourceRecord,
    IndicatorItemRecord,
    IndicatorRowRecord,
    SnapshotRecord,
)

__all__ = [
    "DatabaseVersionError",
    "EventKind",
    "FormDeletedError",
    "FormHasErrorsError",
    "FormLockedError",
    "FormNotFoundError",
    "FormRepository",
    "FormSummary",
    "HistoryEvent",
    "SnapshotInfo",
    "SnapshotKind",
    "StorageError",
    "StoredForm",
]

_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


class EventKind(enum.StrEnum):
    """What happened to a form (one line of its history)."""

    CREATED = "created"
    SNAPSHOT = "snapshot"
    FINALISED = "finalised"
    UNFINALISED = "unfinalised"
    RESTORED = "restored"
    DELETED = "deleted"
    UNDELETED = "undeleted"
    COPIED_FROM = "copied_from"
    FUNDS_REVIEWED = "funds_reviewed"

    @property
    def label(self) -> str:
        return {
            "created": "新建",
            "snapshot": "保存版本",
            "finalised": "定稿",
            "unfinalised": "撤销定稿",
            "restored": "恢复历史版本",
            "deleted": "移入回收站",
            "undeleted": "从回收站恢复",
            "copied_from": "继承上年",
            "funds_reviewed": "已核对资金",
        }[self.value]


class SnapshotKind(enum.StrEnum):
    """Why a snapshot was taken."""

    MANUAL = "manual"
    BEFORE_RESTORE = "before-restore"
    FINALISED = "finalised"

    @property
    def label(self) -> str:
        return {"manual": "手动保存", "before-restore": "恢复前自动保存", "finalised": "定稿版本"}[self.value]


@dataclass(frozen=True)
class FormSummary:
    """One line of the form list."""

    id: int
    year: int | None
    department: str
    template: str
    status: FormStatus
    updated_at: datetime
    deleted: bool
    funds_need_review: bool
    created_at: datetime | None = None
    deleted_at: datetime | None = None
    fingerprint: str | None = None
    copied_from: int | None = None


@dataclass(frozen=True)
class StoredForm:
    """A form as stored, with its state. ``form`` is the caller's own copy to edit."""

    id: int
    form: Form
    status: FormStatus
    fingerprint: str | None
    updated_at: datetime
    funds_need_review: bool
    copied_from: int | None
    created_at: datetime | None = None
    deleted: bool = False

    @property
    def locked(self) -> bool:
        return self.status is FormStatus.FINAL


@dataclass(frozen=True)
class SnapshotInfo:
    id: int
    created_at: datetime
    note: str
    kind: str = SnapshotKind.MANUAL.value


@dataclass(frozen=True)
class HistoryEvent:
    at: datetime
    kind: str
    note: str

    @property
    def label(self) -> str:
        """The Chinese name of the event (the raw kind if this version does not know it)."""
        try:
            return EventKind(self.kind).label
        except ValueError:
            return self.kind


def _now() -> datetime:
    return datetime.now(UTC)


def stored_amount(text: str) -> str:
    """How an amount is stored: canonical text when readable, else exactly as typed."""
    try:
        return parse_amount(text).canonical
    except (AmountError, ArithmeticError):
        # ArithmeticError: money.parse_amount lets decimal.InvalidOperation out for amounts
        # of 27+ digits; keep such text as typed rather than fail the save.
        return text


def _dump(extra: dict[str, Any]) -> str:
    try:
        return json.dumps(extra, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise StorageError(f"申报表中有无法保存的附加数据（{exc}）") from exc


def _load(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except (ValueError, TypeError, RecursionError) as exc:  # a damaged row (issue 7): said, not a traceback
        from jixiao_desktop.storage.integrity import damaged_row

        raise damaged_row("一行附加数据", exc) from exc
    return value if isinstance(value, dict) else {}


_FORM_LOAD = (
    selectinload(FormRecord.fund_sources),
    selectinload(FormRecord.indicator_rows).selectinload(IndicatorRowRecord.items),
    selectinload(FormRecord.acknowledgements),
)


def _apply_form(rec: FormRecord, form: Form) -> None:
    """Copy the form's own fields (not its lists) onto a record."""
    if form.year is not None and not _INT64_MIN <= form.year <= _INT64_MAX:
        raise StorageError(f"年度“{form.year}”不是有效的年份，没有保存")
    rec.template = form.template
    rec.year = form.year
    rec.department = form.department
    rec.goals = form.goals
    rec.other_notes = form.other_notes
    rec.funds_unit = form.funds.unit
    rec.funds_total = stored_amount(form.funds.total)
    rec.funds_basic = stored_amount(form.funds.basic)
    rec.funds_project = stored_amount(form.funds.project)
    rec.funds_has_sources = form.funds.sources is not None
    rec.funds_extra_json = _dump(form.funds.extra)
    rec.extra_json = _dump(form.extra)
    rec.document_extra_json = _dump(form.document_extra)


def _add_children(s: Session, form_id: int, form: Form) -> None:
    """Insert the form's fund sources, indicator rows (with items) and acknowledgements."""
    s.add_all([
        FundSourceRecord(form_id=form_id, position=i, name=src.name, amount=stored_amount(src.amount),
                         extra_json=_dump(src.extra))
        for i, src in enumerate(form.funds.sources or ())
    ])
    s.add_all([
        IndicatorRowRecord(
            form_id=form_id, position=i, name=ind.name, content=ind.content, level1=ind.level1,
            level2=ind.level2, extra_json=_dump(ind.extra),
            items=[
                IndicatorItemRecord(
                    position=j, level3=it.level3, nature=it.nature, operator=it.operator,
                    value=it.value, unit=it.unit, weight=it.weight, direction=it.direction,
                    note=it.note, extra_json=_dump(it.extra))
                for j, it in enumerate(ind.items)
            ])
        for i, ind in enumerate(form.indicators)
    ])
    s.add_all([
        AcknowledgementRecord(form_id=form_id, position=i, rule=a.rule, field=a.field,
                              fingerprint=a.fingerprint, note=a.note, at=a.at)
        for i, a in enumerate(form.acknowledgements)
    ])


def _delete_children(s: Session, form_id: int) -> None:
    # Items go with their rows (ON DELETE CASCADE).
    for model in (FundSourceRecord, IndicatorRowRecord, AcknowledgementRecord):
        s.execute(delete(model).where(model.form_id == form_id),
                  execution_options={"synchronize_session": False})


def _forget_children(s: Session, rec: FormRecord) -> None:
    """Drop loaded child rows from the session before they are deleted with SQL.

    SQLite reuses row ids, so a stale object could otherwise clash with a new row.
    """
    state = inspect(rec)
    for attr in ("fund_sources", "indicator_rows", "acknowledgements"):
        if attr in state.unloaded:
            continue
        for child in getattr(rec, attr):
            if isinstance(child, IndicatorRowRecord) and "items" not in inspect(child).unloaded:
                for item in child.items:
                    s.expunge(item)
            s.expunge(child)
        set_committed_value(rec, attr, [])


def _to_form(rec: FormRecord) -> Form:
    return Form(
        template=rec.template,
        year=rec.year,
        department=rec.department,
        funds=Funds(
            total=rec.funds_total,
            basic=rec.funds_basic,
            project=rec.funds_project,
            unit=rec.funds_unit,
            sources=[FundSource(name=src.name, amount=src.amount, extra=_load(src.extra_json))
                     for src in rec.fund_sources] if rec.funds_has_sources else None,
            extra=_load(rec.funds_extra_json),
        ),
        goals=rec.goals,
        indicators=[
            Indicator(
                name=row.name, content=row.content, level1=row.level1, level2=row.level2,
                items=[
                    IndicatorItem(level3=it.level3, nature=it.nature, operator=it.operator,
                                  value=it.value, unit=it.unit, weight=it.weight,
                                  direction=it.direction, note=it.note, extra=_load(it.extra_json))
                    for it in row.items
                ],
                extra=_load(row.extra_json),
            )
            for row in rec.indicator_rows
        ],
        other_notes=rec.other_notes,
        acknowledgements=[
            Acknowledgement(rule=a.rule, field=a.field, fingerprint=a.fingerprint, note=a.note, at=a.at)
            for a in rec.acknowledgements
        ],
        extra=_load(rec.extra_json),
        document_extra=_load(rec.document_extra_json),
    )


def _summary(rec: FormRecord) -> FormSummary:
    return FormSummary(
        id=rec.id, year=rec.year, department=rec.department, template=rec.template,
        status=FormStatus(rec.status), updated_at=rec.updated_at, deleted=rec.deleted_at is not None,
        funds_need_review=rec.funds_need_review, created_at=rec.created_at, deleted_at=rec.deleted_at,
        fingerprint=rec.fingerprint, copied_from=rec.copied_from_id)


def _form_name(rec: FormRecord) -> str:
    year = f"{rec.year}年度" if rec.year else ""
    return f"{year}“{rec.department}”申报表" if rec.department else f"{year}申报表（编号 {rec.id}）"


class FormRepository:
    """The forms of one database file.

    Use ``FormRepository.open(path)``; it creates the folder and brings the schema up to date.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = write_engine(engine)
        self._closed = False

    # --- lifetime --------------------------------------------------------------------------

    @classmethod
    def open(cls, db_path: str | Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> FormRepository:
        """Open (and create or upgrade) the database at ``db_path``.

        Raises:
            DatabaseVersionError: written by a newer version of the app; nothing changed.
            StorageError: not a database of ours, unreadable, or the folder can't be created.
        """
        engine = create_engine_for(db_path, busy_timeout_ms=busy_timeout_ms)
        try:
            upgrade_to_head(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        """Close every connection (SQLite then folds the WAL back into the file)."""
        self._closed = True
        self._engine.dispose()

    def __enter__(self) -> FormRepository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db_path(self) -> Path:
        return Path(str(self._engine.url.database))

    @contextmanager
    def _session(self, action: str, *, write: bool = False) -> Iterator[Session]:
        if self._closed:
            raise StorageError("数据库已关闭")
        with translate_errors(action, self.db_path), \
                Session(self._writer if write else self._engine, expire_on_commit=False) as s, \
                s.begin():
            yield s

    # --- lookups -----------------------------------------------------------------------------

    @staticmethod
    def _get(s: Session, form_id: int, *, full: bool = False) -> FormRecord:
        if full:
            rec = s.scalars(select(FormRecord).where(FormRecord.id == form_id).options(*_FORM_LOAD)).first()
        else:
            rec = s.get(FormRecord, form_id)
        if rec is None:
            raise FormNotFoundError(f"找不到编号为 {form_id} 的申报表（可能已被彻底删除）")
        return rec

    @classmethod
    def _get_editable(cls, s: Session, form_id: int, *, full: bool = False) -> FormRecord:
        rec = cls._get(s, form_id, full=full)
        if rec.deleted_at is not None:
            raise FormDeletedError(f"{_form_name(rec)}在回收站中，请先从回收站恢复")
        if rec.status == FormStatus.FINAL:
            raise FormLockedError(f"{_form_name(rec)}已定稿，不能修改；如需修改请先撤销定稿")
        return rec

    @staticmethod
    def _event(s: Session, form_id: int, kind: EventKind, note: str = "", at: datetime | None = None) -> None:
        s.add(EventRecord(form_id=form_id, at=at or _now(), kind=kind.value, note=note))

    @staticmethod
    def _snapshot(s: Session, form_id: int, form: Form, note: str, kind: SnapshotKind,
                  at: datetime | None = None) -> SnapshotRecord:
        snap = SnapshotRecord(form_id=form_id, created_at=at or _now(), note=note, kind=kind.value,
                              document=exchange.dumps(form))
        s.add(snap)
        return snap

    # --- forms ---------------------------------------------------------------------------------

    def list_forms(self, include_deleted: bool = False) -> list[FormSummary]:
        """The stored forms in id order; those in the recycle bin only with ``include_deleted``."""
        with self._session("读取申报表列表失败") as s:
            stmt = select(FormRecord).order_by(FormRecord.id)
            if not include_deleted:
                stmt = stmt.where(FormRecord.deleted_at.is_(None))
            try:
                return [_summary(rec) for rec in s.scalars(stmt)]
            except (ValueError, TypeError, OverflowError) as exc:  # a damaged row: never an empty list
                from jixiao_desktop.storage.integrity import damaged_row

                raise damaged_row("表单列表", exc, self.db_path) from exc

    def load(self, form_id: int) -> StoredForm:
        """A stored form (also one in the recycle bin, to look at it)."""
        with self._session("读取申报表失败") as s:
            try:
                rec = self._get(s, form_id, full=True)
                return StoredForm(
                    id=rec.id, form=_to_form(rec), status=FormStatus(rec.status), fingerprint=rec.fingerprint,
                    updated_at=rec.updated_at, funds_need_review=rec.funds_need_review,
                    copied_from=rec.copied_from_id, created_at=rec.created_at,
                    deleted=rec.deleted_at is not None)
            except (ValueError, TypeError, OverflowError) as exc:  # a damaged row (issue 7)
                from jixiao_desktop.storage.integrity import damaged_row

                raise damaged_row(f"编号为 {form_id} 的申报表", exc, self.db_path) from exc

    def create(self, form: Form, note: str = "") -> int:
        """Store a new draft; return its id."""
        with self._session("保存申报表失败", write=True) as s:
            return self._create(s, form, note=note).id

    def _create(self, s: Session, form: Form, *, note: str = "", funds_need_review: bool = False,
                copied_from: int | None = None) -> FormRecord:
        now = _now()
        rec = FormRecord(status=FormStatus.DRAFT.value, fingerprint=None, funds_need_review=funds_need_review,
                         copied_from_id=copied_from, created_at=now, updated_at=now, deleted_at=None)
        _apply_form(rec, form)
        s.add(rec)
        s.flush()
        _add_children(s, rec.id, form)
        if copied_from is None:
            self._event(s, rec.id, EventKind.CREATED, note, at=now)
        return rec

    def save(self, form_id: int, form: Form) -> datetime:
        """Replace the stored content of a draft with ``form``; return the time saved.

        Raises:
            FormLockedError: the form is 已定稿.
            FormDeletedError: the form is in the recycle bin.
            FormNotFoundError: no such form.
        """
        with self._session("保存申报表失败", write=True) as s:
            rec = self._get_editable(s, form_id)
            now = self._replace(s, rec, form)
        return now

    def _replace(self, s: Session, rec: FormRecord, form: Form) -> datetime:
        now = _now()
        _forget_children(s, rec)
        _delete_children(s, rec.id)
        _apply_form(rec, form)
        rec.updated_at = now
        _add_children(s, rec.id, form)
        return now

    def mark_funds_reviewed(self, form_id: int) -> None:
        """The clerk has checked the amounts carried over from last year."""
        with self._session("保存失败", write=True) as s:
            rec = self._get(s, form_id)
            if rec.funds_need_review:
                rec.funds_need_review = False
                self._event(s, form_id, EventKind.FUNDS_REVIEWED)

    # --- snapshots -------------------------------------------------------------------------------

    def snapshot(self, form_id: int, note: str = "") -> int:
        """Keep a copy of the stored content as a version; return its id."""
        with self._session("保存版本失败", write=True) as s:
            rec = self._get(s, form_id, full=True)
            now = _now()
            snap = self._snapshot(s, form_id, _to_form(rec), note, SnapshotKind.MANUAL, at=now)
            self._event(s, form_id, EventKind.SNAPSHOT, note, at=now)
            s.flush()
            return snap.id

    def list_snapshots(self, form_id: int) -> list[SnapshotInfo]:
        """The versions of a form, newest first."""
        with self._session("读取历史版本失败") as s:
            self._get(s, form_id)
            rows = s.execute(
                select(SnapshotRecord.id, SnapshotRecord.created_at, SnapshotRecord.note, SnapshotRecord.kind)
                .where(SnapshotRecord.form_id == form_id)
                .order_by(SnapshotRecord.created_at.desc(), SnapshotRecord.id.desc()))
            return [SnapshotInfo(id=r.id, created_at=r.created_at, note=r.note, kind=r.kind) for r in rows]

    def load_snapshot(self, snapshot_id: int) -> Form:
        with self._session("读取历史版本失败") as s:
            return self._snapshot_form(self._get_snapshot(s, snapshot_id))

    @staticmethod
    def _get_snapshot(s: Session, snapshot_id: int) -> SnapshotRecord:
        snap = s.get(SnapshotRecord, snapshot_id)
        if snap is None:
            raise FormNotFoundError(f"找不到编号为 {snapshot_id} 的历史版本")
        return snap

    @staticmethod
    def _snapshot_form(snap: SnapshotRecord) -> Form:
        try:
            return exchange.loads(snap.document)
        except exchange.ExchangeError as exc:
            raise StorageError(f"历史版本 {snap.id} 无法读取：{exc}") from exc

    def restore_snapshot(self, form_id: int, snapshot_id: int) -> None:
        """Put a version back as the form's content; the current content is kept as a version first.

        Raises:
            FormLockedError: the form is 已定稿.
            FormNotFoundError: no such form, or the version belongs to another form.
        """
        with self._session("恢复历史版本失败", write=True) as s:
            rec = self._get_editable(s, form_id, full=True)
            snap = self._get_snapshot(s, snapshot_id)
            if snap.form_id != form_id:
                raise FormNotFoundError(f"历史版本 {snapshot_id} 不属于这份申报表")
            old = self._snapshot_form(snap)
            now = _now()
            label = f"版本 #{snap.id}" + (f"（{snap.note}）" if snap.note else "")
            self._snapshot(s, form_id, _to_form(rec), f"恢复{label}前的内容", SnapshotKind.BEFORE_RESTORE,
                           at=now)
            self._replace(s, rec, old)
            self._event(s, form_id, EventKind.RESTORED, f"恢复到{label}", at=now)

    # --- 定稿 -------------------------------------------------------------------------------------

    def finalise(self, form_id: int) -> str:
        """Mark the form 已定稿 and return its fingerprint.

        A form already final keeps its fingerprint. A version of the final content is kept.

        Raises:
            FormHasErrorsError: the checks still find an error in the stored form (the rule
                holds for every caller, not only the window).
        """
        with self._session("定稿失败", write=True) as s:
            rec = self._get(s, form_id, full=True)
            if rec.deleted_at is not None:
                raise FormDeletedError(f"{_form_name(rec)}在回收站中，请先从回收站恢复")
            if rec.status == FormStatus.FINAL and rec.fingerprint:
                return rec.fingerprint
            form = _to_form(rec)
            errors = [f for f in run_checks(form) if f.severity is Severity.ERROR]
            if errors:
                raise FormHasErrorsError(
                    f"{_form_name(rec)}还有 {len(errors)} 个错误，不能定稿（第一个：{errors[0].message}）")
            fingerprint = exchange.fingerprint(form)
            now = _now()
            rec.status = FormStatus.FINAL.value
            rec.fingerprint = fingerprint
            rec.updated_at = now
            self._snapshot(s, form_id, form, f"定稿（{fingerprint}）", SnapshotKind.FINALISED, at=now)
            self._event(s, form_id, EventKind.FINALISED, fingerprint, at=now)
            return fingerprint

    def unfinalise(self, form_id: int, reason: str) -> None:
        """Undo 定稿 so the form can change again; the reason goes into the history.

        Raises:
            StorageError: no reason given, or the form is not final.
        """
        reason = (reason or "").strip()
        if not reason:
            raise StorageError("撤销定稿须填写原因")
        with self._session("撤销定稿失败", write=True) as s:
            rec = self._get(s, form_id)
            if rec.status != FormStatus.FINAL:
                raise StorageError(f"{_form_name(rec)}尚未定稿，无需撤销")
            now = _now()
            rec.status = FormStatus.DRAFT.value
            rec.fingerprint = None
            rec.updated_at = now
            self._event(s, form_id, EventKind.UNFINALISED, reason, at=now)

    # --- recycle bin ------------------------------------------------------------------------------

    def delete(self, form_id: int) -> None:
        """Move the form to the recycle bin (it can be restored)."""
        with self._session("删除申报表失败", write=True) as s:
            rec = self._get(s, form_id)
            if rec.deleted_at is None:
                now = _now()
                rec.deleted_at = now
                self._event(s, form_id, EventKind.DELETED, at=now)

    def restore_deleted(self, form_id: int) -> None:
        """Take the form out of the recycle bin."""
        with self._session("从回收站恢复失败", write=True) as s:
            rec = self._get(s, form_id)
            if rec.deleted_at is not None:
                rec.deleted_at = None
                self._event(s, form_id, EventKind.UNDELETED)

    def purge(self, form_id: int) -> None:
        """Delete a form in the recycle bin for good, with its versions and history.

        Raises:
            StorageError: the form is not in the recycle bin.
        """
        with self._session("彻底删除失败", write=True) as s:
            rec = self._get(s, form_id)
            if rec.deleted_at is None:
                raise StorageError(f"{_form_name(rec)}不在回收站中；请先删除（移入回收站）再彻底删除")
            s.delete(rec)

    def empty_recycle_bin(self) -> int:
        """Purge every form in the recycle bin; return how many."""
        with self._session("清空回收站失败", write=True) as s:
            result = s.execute(delete(FormRecord).where(FormRecord.deleted_at.is_not(None)),
                               execution_options={"synchronize_session": False})
            return int(getattr(result, "rowcount", 0) or 0)

    # --- history and next year ---------------------------------------------------------------------

    def history(self, form_id: int) -> list[HistoryEvent]:
        """What happened to the form, oldest first."""
        with self._session("读取历史记录失败") as s:
            self._get(s, form_id)
            rows = s.execute(
                select(EventRecord.at, EventRecord.kind, EventRecord.note)
                .where(EventRecord.form_id == form_id).order_by(EventRecord.at, EventRecord.id))
            return [HistoryEvent(at=r.at, kind=r.kind, note=r.note) for r in rows]

    def copy_to_next_year(self, form_id: int) -> int:
        """继承上年: a new draft for the next year with the same text; its amounts need review."""
        with self._session("继承上年失败", write=True) as s:
            source = self._get(s, form_id, full=True)
            if source.deleted_at is not None:
                raise FormDeletedError(f"{_form_name(source)}在回收站中，请先从回收站恢复")
            new = self._create(s, carry_over(_to_form(source)), funds_need_review=True, copied_from=form_id)
            self._event(s, new.id, EventKind.COPIED_FROM,
                        f"继承自{_form_name(source)}（编号 {source.id}）", at=new.created_at)
            return new.id
