"""The bureau's side of the database: collected forms, their summary rows, check counts,
审核意见 and the list of expected units.

A form arriving by ``collect`` is matched to a stored one by its exchange ``id`` (else by
单位名称 + 年度) and stored in one transaction: added, updated (the old content kept as a
version), skipped, or refused as a conflict — never half-stored, never overwritten.

The summary rows come from indexed columns of ``forms`` and from ``form_checks`` (the
check counts at the form's revision), so 10,000 forms are listed without loading one.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.evaluation import Stage, stage_of
from jixiao_desktop.domain.evaluation_summary import (
    MissedIndicator,
    StageSummary,
    later_stage_fingerprint,
    stage_summary,
)
from jixiao_desktop.domain.model import Form, FormStatus
from jixiao_desktop.domain.review import ReviewStatus
from jixiao_desktop.domain.titles import quoted_name
from jixiao_desktop.storage.bureau_review import ExpectedUnit, ReviewComment, ReviewMixin
from jixiao_desktop.storage.errors import FormNotFoundError
from jixiao_desktop.storage.mapping import (
    FORM_LOAD,
    KnownCounts,
    load_extra,
    store_check_counts,
    to_form,
    utc_now,
)
from jixiao_desktop.storage.models import (
    EventRecord,
    FormCheckRecord,
    FormRecord,
)
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.storage.types import CheckCounts, EventKind, SnapshotKind

__all__ = [
    "BureauStore",
    "CheckCounts",
    "CollectAction",
    "CollectOutcome",
    "ExpectedUnit",
    "ListQuery",
    "ReviewComment",
    "SummaryRow",
]


class CollectAction(enum.StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    SKIPPED = "skipped"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class CollectOutcome:
    action: CollectAction
    form_id: int | None
    reason: str = ""  # why skipped / why a conflict (one Chinese sentence)


@dataclass(frozen=True)
class SummaryRow:
    """One collected form as the summary and the bureau's list show it."""

    id: int
    uuid: str
    department: str
    year: int | None
    status: FormStatus
    total: str  # amounts as stored: canonical decimal text, or what was typed if unreadable
    basic: str
    project: str
    errors: int
    warnings: int
    revision: int
    updated_at: datetime
    review_status: ReviewStatus = ReviewStatus.PENDING  # the bureau's verdict: 待审 / 通过 / 退回修改
    fingerprint: str = ""  # the 定稿指纹 of a 定稿 form
    # The later stages (issue 23 §6), filled by ``BureauStore.with_stages`` (the summary's rows):
    stage: Stage = Stage.TARGET  # 申报 / 监控 / 自评
    rate: Decimal | None = None  # 执行率 as a fraction
    score: Decimal | None = None  # 自评得分
    missed: tuple[MissedIndicator, ...] = ()  # indicators below their full points (自评)
    profile_id: str = ""  # the form's rule profile ("" = its template's default, see ``template``)
    template: str = ""
    unit: str = "万元"  # the unit its amounts are in (a 元 profile's forms: 元)


class SortKey(enum.StrEnum):
    DEPARTMENT = "department"
    YEAR = "year"
    STATUS = "status"
    TOTAL = "total"
    BASIC = "basic"
    PROJECT = "project"
    ERRORS = "errors"
    WARNINGS = "warnings"
    REVISION = "revision"
    UPDATED = "updated"
    REVIEW = "review"


_NULLABLE_SORTS = {SortKey.YEAR, SortKey.TOTAL, SortKey.BASIC, SortKey.PROJECT}


@dataclass(frozen=True)
class ListQuery:
    """What the bureau's list shows: filters and one sort key, applied by the database."""

    year: int | None = None
    status: FormStatus | None = None
    has_errors: bool | None = None
    text: str = ""  # part of 单位名称
    review_status: ReviewStatus | None = None  # 待审 / 通过 / 退回修改
    stage: Stage | None = None  # 申报 / 监控 / 自评 (issue 23 §6)
    sort: SortKey = SortKey.DEPARTMENT
    descending: bool = False


def _form_name(department: str, year: int | None) -> str:
    return quoted_name(department, year)


class BureauStore(ReviewMixin):
    """The bureau's use cases on one repository's database (SQLite or PostgreSQL)."""

    def __init__(self, repo: FormRepository) -> None:
        self.repo = repo

    # --- collect ------------------------------------------------------------------------------

    def collect(self, form: Form, *, source: str, counts: CheckCounts | None = None) -> CollectOutcome:
        """Store one collected form in one transaction (see the module docstring).

        ``counts`` are the form's check counts (computed here, only when the form is stored).

        Raises:
            StorageError: the database failed; nothing of this form was stored.
        """
        revision = max(form.revision, 1)
        content = exchange.fingerprint(form)
        # The sender's 定稿 (exchange ``status``): taken when its 定稿指纹 is the content's.
        final = form.final_fingerprint if form.final_fingerprint == content else ""
        repo = self.repo
        with repo._session("收集申报表失败", write=True) as s:
            rec, why = self._match(s, form)
            if why:
                return CollectOutcome(CollectAction.CONFLICT, rec.id if rec else None, why)
            if rec is None:
                known = KnownCounts(counts or CheckCounts.of(run_checks(form)), content)
                new = repo._create(s, form, note=f"收集自 {source}", known=known)  # at the file's revision
                _set_final(new, final)
                return CollectOutcome(CollectAction.ADDED, new.id)
            name = _form_name(rec.department, rec.year)
            if rec.deleted_at is not None:
                return CollectOutcome(CollectAction.CONFLICT, rec.id,
                                      f"库中{name}的申报表在回收站中，未收入；如需收入请先从回收站恢复")
            if revision < rec.revision:
                return CollectOutcome(CollectAction.SKIPPED, rec.id,
                                      f"库中已有更新的第 {rec.revision} 版（此文件是第 {revision} 版）")
            if revision == rec.revision:
                if self._stored_fingerprint(s, rec) == content and not self._later_stages_differ(s, rec, form):
                    if final and rec.status != FormStatus.FINAL:  # the same content, now 定稿
                        _set_final(rec, final)
                        s.add(EventRecord(form_id=rec.id, at=utc_now(), kind=EventKind.FINALISED.value,
                                          note=f"收集自 {source}：单位已定稿（定稿指纹 {final}）"))
                        return CollectOutcome(CollectAction.UPDATED, rec.id)
                    return CollectOutcome(CollectAction.SKIPPED, rec.id, f"库中已有相同的第 {revision} 版")
                return CollectOutcome(
                    CollectAction.CONFLICT, rec.id,
                    f"与库中{name}的第 {revision} 版版本号相同但内容不同（可能在两台电脑上分别修改过），"
                    "未覆盖；请与填报单位核实哪一份是正式上报的")
            if rec.status == FormStatus.FINAL and rec.fingerprint and content == rec.fingerprint:
                # The 定稿 申报 unchanged, a later stage (监控 / 自评) typed on it: the signed part
                # stays 定稿, the file's later stage is the form's next revision (issue 23 §6).
                final = rec.fingerprint
            elif rec.status == FormStatus.FINAL:
                return CollectOutcome(
                    CollectAction.CONFLICT, rec.id,
                    f"库中{name}的申报表已定稿（第 {rec.revision} 版），新收到的第 {revision} 版未收入；"
                    "如需收入请先取消定稿")
            known = KnownCounts(counts or CheckCounts.of(run_checks(form)), content)
            now = utc_now()
            stored = to_form(self._full(s, rec.id))
            repo._snapshot(s, rec.id, stored, f"收到第 {revision} 版前的第 {rec.revision} 版",
                           SnapshotKind.MANUAL, at=now)
            repo._replace(s, rec, form, revision=revision, known=known)
            _set_final(rec, final)
            rec.review_status = ReviewStatus.PENDING.value  # a new submission waits for its review
            s.add(EventRecord(form_id=rec.id, at=now, kind=EventKind.SNAPSHOT.value,
                              note=f"收集自 {source}：第 {revision} 版替换了库中的旧版本（旧版本已保存）"))
            return CollectOutcome(CollectAction.UPDATED, rec.id)

    def _later_stages_differ(self, s: Session, rec: FormRecord, form: Form) -> bool:
        """Whether ``form`` carries other 监控 / 自评 content than the stored form (the 定稿指纹
        signs the 申报 only, so it cannot tell). Two 申报-stage forms are not loaded for this."""
        if stage_of(form) is Stage.TARGET and '"stage"' not in (rec.extra_json or ""):
            return False
        return later_stage_fingerprint(to_form(self._full(s, rec.id))) != later_stage_fingerprint(form)

    def _stored_fingerprint(self, s: Session, rec: FormRecord) -> str:
        """The content fingerprint of the stored form, from ``form_checks`` when it is current."""
        checked = s.get(FormCheckRecord, rec.id)
        if checked is not None and checked.revision == rec.revision and checked.fingerprint:
            return checked.fingerprint
        return exchange.fingerprint(to_form(self._full(s, rec.id)))

    @staticmethod
    def _full(s: Session, form_id: int) -> FormRecord:
        rec = s.scalars(select(FormRecord).where(FormRecord.id == form_id).options(*FORM_LOAD)).first()
        if rec is None:  # pragma: no cover - matched in the same transaction
            raise FormNotFoundError(f"找不到编号为 {form_id} 的申报表")
        return rec

    @staticmethod
    def _match(s: Session, form: Form) -> tuple[FormRecord | None, str]:
        """The stored form this one is a version of, or (record, reason) for a conflict."""
        if form.id:
            rec = s.scalars(select(FormRecord).where(FormRecord.uuid == form.id)).first()
            if rec is not None:
                return rec, ""
        elif not form.department.strip():
            return None, "文件中既没有表单编号（id），也没有单位名称，无法判断是哪个单位的申报表，未收入"
        same_unit = s.scalars(
            select(FormRecord).where(FormRecord.department == form.department, FormRecord.year == form.year,
                                     FormRecord.deleted_at.is_(None)).order_by(FormRecord.id)).all()
        if not same_unit or not form.department.strip():
            return None, ""
        name = _form_name(form.department, form.year)
        if form.id:
            # Another form of the same unit and year, with another identity: a second form
            # typed anew (a reinstalled PC?) — the reviewer decides which one counts.
            other = same_unit[0]
            return other, (f"库中已有{name}的另一份申报表（编号 {other.id}，表单编号不同），未收入；"
                           "请与填报单位核实哪一份是正式上报的，删除另一份后重新收集")
        if len(same_unit) > 1:
            ids = "、".join(str(r.id) for r in same_unit)
            return same_unit[0], f"库中有多份{name}的申报表（编号 {ids}），无法判断替换哪一份，未收入"
        return same_unit[0], ""

    # --- resolving a conflict -----------------------------------------------------------------

    def take_over(self, form_id: int, form: Form, *, source: str) -> CollectOutcome:
        """采用此文件: the file's form becomes the stored form's next revision in one transaction
        (the stored content kept as a version, its 审核意见 and history kept: the two are one form
        from now on, under the file's id when no other form has it), 定稿 as the file says.

        Raises:
            FormNotFoundError: the stored form is gone; StorageError: the database failed.
        """
        content = exchange.fingerprint(form)
        final = form.final_fingerprint if form.final_fingerprint == content else ""
        with self.repo._session("收集申报表失败", write=True) as s:
            rec = s.get(FormRecord, form_id)
            if rec is None:
                raise FormNotFoundError(f"找不到编号为 {form_id} 的申报表（可能已被彻底删除）")
            now = utc_now()
            old = rec.revision
            revision = max(old + 1, form.revision)
            self.repo._snapshot(s, rec.id, to_form(self._full(s, rec.id)), f"采用 {source} 前的第 {old} 版",
                                SnapshotKind.MANUAL, at=now)
            if form.id and form.id != rec.uuid and s.scalar(
                    select(FormRecord.id).where(FormRecord.uuid == form.id)) is None:
                rec.uuid = form.id
            rec.deleted_at = None
            self.repo._replace(s, rec, form, revision=revision,
                               known=KnownCounts(CheckCounts.of(run_checks(form)), content))
            _set_final(rec, final)
            rec.review_status = ReviewStatus.PENDING.value
            s.add(EventRecord(form_id=rec.id, at=now, kind=EventKind.SNAPSHOT.value,
                              note=f"处理冲突：审核人员采用了 {source}（第 {revision} 版），库中原第 {old} 版已保存为历史版本"))
            return CollectOutcome(CollectAction.UPDATED, rec.id)

    def set_aside(self, form_id: int, *, source: str) -> None:
        """保留库中的: nothing changes but the form's history, which says the file was set aside."""
        with self.repo._session("保存失败", write=True) as s:
            if s.get(FormRecord, form_id) is None:
                raise FormNotFoundError(f"找不到编号为 {form_id} 的申报表（可能已被彻底删除）")
            s.add(EventRecord(form_id=form_id, at=utc_now(), kind=EventKind.SNAPSHOT.value,
                              note=f"处理冲突：审核人员保留库中这一份，未收入 {source}"))

    # --- check counts -------------------------------------------------------------------------

    def refresh_counts(self, *, progress: Callable[[int, int], None] | None = None,
                       batch: int = 200) -> int:
        """Check the forms whose counts are missing or older than the form; return how many.

        Forms changed outside ``collect`` (a clerk's own database, a reviewer's edit) get their
        counts here, before a summary or the list needs them.
        """
        with self.repo._session("读取申报表失败") as s:
            stale = list(s.scalars(
                select(FormRecord.id).outerjoin(FormCheckRecord, FormCheckRecord.form_id == FormRecord.id)
                .where(FormRecord.deleted_at.is_(None),
                       or_(FormCheckRecord.form_id.is_(None), FormCheckRecord.revision != FormRecord.revision))
                .order_by(FormRecord.id)))
        done = 0
        for start in range(0, len(stale), batch):
            ids = stale[start:start + batch]
            with self.repo._session("更新检查结果失败", write=True) as s:
                for rec in s.scalars(select(FormRecord).where(FormRecord.id.in_(ids)).options(*FORM_LOAD)):
                    store_check_counts(s, rec.id, rec.revision, to_form(rec))
            done += len(ids)
            if progress is not None:
                progress(done, len(stale))
        return len(stale)

    # --- the summary and the list --------------------------------------------------------------

    _COLUMNS = (FormRecord.id, FormRecord.uuid, FormRecord.department, FormRecord.year, FormRecord.status,
                FormRecord.funds_total, FormRecord.funds_basic, FormRecord.funds_project,
                FormRecord.revision, FormRecord.updated_at, FormRecord.review_status, FormRecord.fingerprint,
                FormRecord.profile_id, FormRecord.template, FormRecord.funds_unit)

    def _select(self, query: ListQuery) -> Any:
        errors = func.coalesce(FormCheckRecord.errors, 0)
        warnings = func.coalesce(FormCheckRecord.warnings, 0)
        stmt: Any = (select(*self._COLUMNS, errors.label("errors"), warnings.label("warnings"))
                .outerjoin(FormCheckRecord, and_(FormCheckRecord.form_id == FormRecord.id))
                .where(FormRecord.deleted_at.is_(None)))
        if query.year is not None:
            stmt = stmt.where(FormRecord.year == query.year)
        if query.status is not None:
            stmt = stmt.where(FormRecord.status == query.status.value)
        if query.review_status is not None:
            stmt = stmt.where(FormRecord.review_status == query.review_status.value)
        if query.has_errors is not None:
            stmt = stmt.where(errors > 0 if query.has_errors else errors == 0)
        if query.stage is not None:
            stmt = stmt.where(_stage_clause(query.stage))
        if query.text.strip():
            pattern = "%" + query.text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stmt = stmt.where(FormRecord.department.like(pattern, escape="\\"))
        return stmt

    def _order(self, stmt: Any, query: ListQuery) -> Any:
        column: Any = {
            SortKey.DEPARTMENT: FormRecord.department,
            SortKey.YEAR: FormRecord.year,
            SortKey.STATUS: FormRecord.status,
            # Amounts by their indexed integer keys (mapping.amount_key), unreadable ones last.
            SortKey.TOTAL: FormRecord.funds_total_key,
            SortKey.BASIC: FormRecord.funds_basic_key,
            SortKey.PROJECT: FormRecord.funds_project_key,
            SortKey.ERRORS: func.coalesce(FormCheckRecord.errors, 0),
            SortKey.WARNINGS: func.coalesce(FormCheckRecord.warnings, 0),
            SortKey.REVISION: FormRecord.revision,
            SortKey.UPDATED: FormRecord.updated_at,
            SortKey.REVIEW: FormRecord.review_status,
        }[query.sort]
        ordered = column.desc() if query.descending else column.asc()
        if query.sort in _NULLABLE_SORTS:  # no 年度 / no readable amount: always at the end
            ordered = ordered.nulls_last()
        tie = FormRecord.id.desc() if query.descending else FormRecord.id.asc()
        return stmt.order_by(ordered, tie)

    @staticmethod
    def _row(r: Any) -> SummaryRow:
        return SummaryRow(id=r.id, uuid=r.uuid or "", department=r.department, year=r.year,
                          status=FormStatus(r.status), total=r.funds_total, basic=r.funds_basic,
                          project=r.funds_project, errors=int(r.errors), warnings=int(r.warnings),
                          revision=int(r.revision or 1), updated_at=r.updated_at,
                          review_status=ReviewStatus.of(r.review_status), fingerprint=r.fingerprint or "",
                          profile_id=r.profile_id or "", template=r.template or "", unit=r.funds_unit or "万元")

    def count(self, query: ListQuery | None = None) -> int:
        query = query or ListQuery()
        with self.repo._session("读取申报表列表失败") as s:
            sub = self._select(query).subquery()
            return int(s.scalar(select(func.count()).select_from(sub)) or 0)

    def ids(self, query: ListQuery | None = None) -> list[int]:
        """The ids of the forms ``query`` shows, in its order: the list knows its length and
        every row's place at once, and fetches the rows' columns as they scroll into view."""
        query = query or ListQuery()
        stmt = self._order(self._select(query), query).with_only_columns(FormRecord.id)
        with self.repo._session("读取申报表列表失败") as s:
            return list(s.scalars(stmt))

    def id_names(self, query: ListQuery | None = None) -> list[tuple[int, str]]:
        """(id, 单位名称) of the forms ``query`` shows, unordered: the window sorts them by 拼音."""
        query = query or ListQuery()
        stmt = self._select(query).with_only_columns(FormRecord.id, FormRecord.department)
        with self.repo._session("读取申报表列表失败") as s:
            return [(r[0], r[1]) for r in s.execute(stmt)]

    def rows_by_id(self, ids: Sequence[int]) -> dict[int, SummaryRow]:
        """Summary rows of the given forms (those still there)."""
        if not ids:
            return {}
        stmt = self._select(ListQuery()).where(FormRecord.id.in_(list(ids)))
        with self.repo._session("读取申报表列表失败") as s:
            return {r.id: self._row(r) for r in s.execute(stmt)}

    def rows(self, query: ListQuery | None = None, *, offset: int = 0,
             limit: int | None = None) -> list[SummaryRow]:
        """Summary rows (no form is loaded), filtered and sorted by the database; a page of
        them with ``offset``/``limit``."""
        query = query or ListQuery()
        stmt = self._order(self._select(query), query)
        if offset:
            stmt = stmt.offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.repo._session("读取申报表列表失败") as s:
            return [self._row(r) for r in s.execute(stmt)]

    def summary_rows(self) -> list[SummaryRow]:
        """Every stored form (not in the recycle bin) with up-to-date check counts, by 单位名称
        then 年度 (the summary's order)."""
        self.refresh_counts()
        query = ListQuery()
        stmt = self._select(query).order_by(FormRecord.department, FormRecord.year, FormRecord.id)
        with self.repo._session("读取申报表列表失败") as s:
            rows = [self._row(r) for r in s.execute(stmt)]
        return self.with_stages(rows)

    def with_stages(self, rows: Sequence[SummaryRow], *, batch: int = 200) -> list[SummaryRow]:
        """``rows`` with their 阶段, 执行率, 自评得分 and missed indicators: read from each form's
        extras; a form at 监控 or 自评 is loaded (its items are scored), a 申报 form is not."""
        later: list[int] = []
        with self.repo._session("读取申报表失败") as s:
            ids = [r.id for r in rows]
            for start in range(0, len(ids), batch):
                for form_id, extra_json in s.execute(
                        select(FormRecord.id, FormRecord.extra_json).where(FormRecord.id.in_(ids[start:start + batch]))):
                    if stage_of(Form(extra=load_extra(extra_json or "{}"))) is not Stage.TARGET:
                        later.append(form_id)
            found: dict[int, StageSummary] = {}
            for start in range(0, len(later), batch):
                for rec in s.scalars(select(FormRecord).where(FormRecord.id.in_(later[start:start + batch]))
                                     .options(*FORM_LOAD)):
                    found[rec.id] = stage_summary(to_form(rec))
        out = []
        for r in rows:
            st = found.get(r.id)
            out.append(r if st is None else replace(r, stage=st.stage, rate=st.rate, score=st.score,
                                                    missed=st.missed))
        return out

    def years(self) -> list[int]:
        with self.repo._session("读取申报表列表失败") as s:
            return [y for y in s.scalars(
                select(FormRecord.year).where(FormRecord.deleted_at.is_(None), FormRecord.year.is_not(None))
                .distinct().order_by(FormRecord.year.desc())) if y is not None]


def _stage_clause(stage: Stage) -> Any:
    """The forms at ``stage``, by the form's extras as ``mapping.dump_extra`` writes them (the stage is
    a key of the exchange file, with no column of its own; 申报 = no later stage written)."""
    def at(later: Stage) -> Any:
        return FormRecord.extra_json.like(f'%"stage": "{later.value}"%')

    if stage is Stage.TARGET:
        return and_(~at(Stage.MONITOR), ~at(Stage.EVALUATION))
    return at(stage)


def _set_final(rec: FormRecord, final: str) -> None:
    """A collected form is 定稿 as its file says (with its 定稿指纹), else a draft."""
    rec.status = (FormStatus.FINAL if final else FormStatus.DRAFT).value
    rec.fingerprint = final or None
