"""Stored forms: create, load, save, snapshots, 定稿, recycle bin, history, 继承上年.

One short session per use case; ORM objects never leave this module — callers get domain
``Form`` objects and small frozen dataclasses. Every write is one transaction started with
BEGIN IMMEDIATE: it completes, or the database keeps what it had. SQLite failures (disk full,
locked, read-only) come out as ``StorageError`` with a Chinese message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.carry import carry_over, new_form_id
from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.findings import Severity
from jixiao_desktop.domain.model import Form, FormStatus
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
    StaleWriteError,
    StorageError,
)
from jixiao_desktop.storage.hold import Hold
from jixiao_desktop.storage.listing import list_sql, summaries_from_rows
from jixiao_desktop.storage.mapping import (
    FORM_LOAD,
    KnownCounts,
    add_children,
    apply_form,
    delete_children,
    forget_children,
    form_name,
    store_check_counts,
    stored_amount,
    to_form,
    utc_now,
)
from jixiao_desktop.storage.models import EventRecord, FormRecord, SnapshotRecord
from jixiao_desktop.storage.types import (
    EventKind,
    FormSummary,
    HistoryEvent,
    SnapshotInfo,
    SnapshotKind,
    StoredForm,
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
    "StaleWriteError",
    "StorageError",
    "StoredForm",
    "stored_amount",
]


class FormRepository:
    """The forms of one database file.

    Use ``FormRepository.open(path)``; it creates the folder and brings the schema up to date.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._writer = write_engine(engine)
        self._closed = False
        self._hold = Hold(engine)  # the file stays open (and locked) here until close()
        self.profile_problems: tuple[str, ...] = ()  # stored profile files that could not be read

    # --- lifetime --------------------------------------------------------------------------

    @classmethod
    def open(cls, db_path: str | Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
             checked: list[str] | None = None) -> FormRepository:
        """Open (and create or upgrade) the database at ``db_path``.

        ``checked``: what a ``quick_check`` of the file just found (``integrity.quick_check_ahead``);
        ``None``: check it here.

        Raises:
            DatabaseVersionError: written by a newer version of the app; nothing changed.
            StorageError: not a database of ours, unreadable, or the folder can't be created.
        """
        engine = create_engine_for(db_path, busy_timeout_ms=busy_timeout_ms)
        try:
            upgrade_to_head(engine, checked=checked)
        except BaseException:
            engine.dispose()
            raise
        repo = cls(engine)
        from jixiao_desktop.storage.profiles import ProfileStore

        # The profile files kept here (a bureau's own) are known to the checks from now on; a
        # table that cannot be read leaves those forms on their template's default, said.
        try:
            repo.profile_problems = ProfileStore(repo).register_all().unreadable
        except StorageError as exc:
            repo.profile_problems = (str(exc),)
        return repo

    def close(self) -> None:
        """Close every connection (SQLite then folds the WAL back into the file)."""
        self._closed = True
        self._hold.release()
        self._engine.dispose()

    def keep_hold(self) -> bool:
        """Take the file's locks again if a descriptor closed elsewhere in this process dropped
        them (``storage.hold``); True if it had to. Cheap: call it often."""
        return not self._closed and self._hold.keep()

    def __enter__(self) -> FormRepository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db_path(self) -> Path:
        return Path(str(self._engine.url.database))

    @property
    def is_file(self) -> bool:
        """A SQLite file (backups, locks); False for a PostgreSQL server."""
        return self._engine.dialect.name == "sqlite"

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
            rec = s.scalars(select(FormRecord).where(FormRecord.id == form_id).options(*FORM_LOAD)).first()
        else:
            rec = s.get(FormRecord, form_id)
        if rec is None:
            raise FormNotFoundError(f"找不到编号为 {form_id} 的申报表（可能已被彻底删除）")
        return rec

    @classmethod
    def _get_editable(cls, s: Session, form_id: int, *, full: bool = False,
                      keeping: Form | None = None) -> FormRecord:
        """The record, unless deleted or 定稿. ``keeping``: a 定稿 form may take this content when
        it keeps the 定稿指纹 (only the later stages' fields, 监控/自评, or 已知悉 marks changed)."""
        rec = cls._get(s, form_id, full=full)
        if rec.deleted_at is not None:
            raise FormDeletedError(f"{form_name(rec)}在回收站中，请先从回收站恢复")
        if rec.status == FormStatus.FINAL and not (keeping is not None and rec.fingerprint
                                                   and exchange.fingerprint(keeping) == rec.fingerprint):
            raise FormLockedError(f"{form_name(rec)}已定稿，不能修改；如需修改请先取消定稿")
        return rec

    @staticmethod
    def _event(s: Session, form_id: int, kind: EventKind, note: str = "", at: datetime | None = None) -> None:
        s.add(EventRecord(form_id=form_id, at=at or utc_now(), kind=kind.value, note=note))

    @staticmethod
    def _snapshot(s: Session, form_id: int, form: Form, note: str, kind: SnapshotKind,
                  at: datetime | None = None) -> SnapshotRecord:
        snap = SnapshotRecord(form_id=form_id, created_at=at or utc_now(), note=note, kind=kind.value,
                              document=exchange.dumps(form))
        s.add(snap)
        return snap

    # --- forms ---------------------------------------------------------------------------------

    def list_forms(self, include_deleted: bool = False) -> list[FormSummary]:
        """The stored forms in id order; those in the recycle bin only with ``include_deleted``."""
        with self._session("读取申报表列表失败") as s:
            # The driver's rows, fetched at once: no ORM objects, no type processing per cell.
            rows = s.connection().exec_driver_sql(list_sql(include_deleted)).fetchall()
            try:
                return summaries_from_rows(rows)
            except (ValueError, TypeError, OverflowError) as exc:  # a damaged row: never an empty list
                from jixiao_desktop.storage.integrity import damaged_row

                raise damaged_row("表单列表", exc, self.db_path) from exc

    def load(self, form_id: int) -> StoredForm:
        """A stored form (also one in the recycle bin, to look at it)."""
        with self._session("读取申报表失败") as s:
            try:
                rec = self._get(s, form_id, full=True)
                return StoredForm(
                    id=rec.id, form=to_form(rec), status=FormStatus(rec.status), fingerprint=rec.fingerprint,
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
                copied_from: int | None = None, known: KnownCounts | None = None) -> FormRecord:
        now = utc_now()
        # The form keeps the identity it came with (an imported file), unless this database
        # already holds a form of that id: then this is a copy of its own.
        identity = form.id or new_form_id()
        if s.scalar(select(FormRecord.id).where(FormRecord.uuid == identity)) is not None:
            identity = new_form_id()
        rec = FormRecord(status=FormStatus.DRAFT.value, fingerprint=None, funds_need_review=funds_need_review,
                         copied_from_id=copied_from, created_at=now, updated_at=now, deleted_at=None,
                         uuid=identity, revision=max(form.revision, 1))
        apply_form(rec, form)
        s.add(rec)
        s.flush()
        add_children(s, rec.id, form)
        store_check_counts(s, rec.id, rec.revision, form, known, new=True)
        if copied_from is None:
            self._event(s, rec.id, EventKind.CREATED, note, at=now)
        return rec

    def save(self, form_id: int, form: Form) -> datetime:
        """Replace the stored content of a draft with ``form``; return the time saved. A 定稿 form
        takes only what keeps its 定稿指纹 (its 监控/自评 fields, 已知悉 marks).

        ``form.revision`` says which stored revision the form was loaded at (0: unknown, e.g. a
        form built in code). The save writes revision + 1 and sets ``form.revision`` to it, so
        the caller's live form is ready for its next save.

        Raises:
            StaleWriteError: the stored form is at another revision than ``form.revision``
                (changed elsewhere since it was loaded); nothing was written.
            FormLockedError: the form is 已定稿.
            FormDeletedError: the form is in the recycle bin.
            FormNotFoundError: no such form.
        """
        with self._session("保存申报表失败", write=True) as s:
            rec = self._get_editable(s, form_id, keeping=form)
            if form.revision and rec.revision != form.revision:
                raise StaleWriteError(
                    f"{form_name(rec)}已在别处（另一个窗口、另一位审核人员或新收到的文件）改过："
                    f"数据库中是第 {rec.revision} 版，这里改的是第 {form.revision} 版。"
                    "为免覆盖对方的修改，这次没有保存；请把这里的内容另存为副本，或重新打开表单",
                    stored_revision=rec.revision)
            now = self._replace(s, rec, form)
            revision = rec.revision
        form.revision = revision
        return now

    def _replace(self, s: Session, rec: FormRecord, form: Form, *, revision: int | None = None,
                 known: KnownCounts | None = None) -> datetime:
        """Put ``form``'s content in place of the record's, as the next revision (or ``revision``:
        the one a collected file carries)."""
        now = utc_now()
        rec.revision = revision if revision is not None else (rec.revision or 0) + 1
        forget_children(s, rec)
        delete_children(s, rec.id)
        apply_form(rec, form)
        rec.updated_at = now
        add_children(s, rec.id, form)
        store_check_counts(s, rec.id, rec.revision, form, known)
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
            now = utc_now()
            snap = self._snapshot(s, form_id, to_form(rec), note, SnapshotKind.MANUAL, at=now)
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
            now = utc_now()
            label = f"版本 #{snap.id}" + (f"（{snap.note}）" if snap.note else "")
            self._snapshot(s, form_id, to_form(rec), f"恢复{label}前的内容", SnapshotKind.BEFORE_RESTORE,
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
                raise FormDeletedError(f"{form_name(rec)}在回收站中，请先从回收站恢复")
            if rec.status == FormStatus.FINAL and rec.fingerprint:
                return rec.fingerprint
            form = to_form(rec)
            errors = [f for f in run_checks(form) if f.severity is Severity.ERROR]
            if errors:
                raise FormHasErrorsError(
                    f"{form_name(rec)}还有 {len(errors)} 个错误，不能定稿（第一个：{errors[0].message}）")
            fingerprint = exchange.fingerprint(form)
            now = utc_now()
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
            raise StorageError("取消定稿须填写原因")
        with self._session("取消定稿失败", write=True) as s:
            rec = self._get(s, form_id)
            if rec.status != FormStatus.FINAL:
                raise StorageError(f"{form_name(rec)}尚未定稿，无需撤销")
            now = utc_now()
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
                now = utc_now()
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
                raise StorageError(f"{form_name(rec)}不在回收站中；请先删除（移入回收站）再彻底删除")
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
                raise FormDeletedError(f"{form_name(source)}在回收站中，请先从回收站恢复")
            new = self._create(s, carry_over(to_form(source)), funds_need_review=True, copied_from=form_id)
            self._event(s, new.id, EventKind.COPIED_FROM,
                        f"继承自{form_name(source)}（编号 {source.id}）", at=new.created_at)
            return new.id
