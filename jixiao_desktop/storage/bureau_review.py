"""The review side of the bureau's database: 审核意见 (keyed to a field, a rule and one finding),
the review status of each form (待审 / 通过 / 退回修改) and the 应报名单 with its 单位编码,
联系人 and 预算批复数. ``BureauStore`` has these methods (``ReviewMixin``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from jixiao_desktop.domain.review import Comment, ReviewStatus
from jixiao_desktop.domain.units import same_unit
from jixiao_desktop.storage.errors import FormNotFoundError, StaleWriteError
from jixiao_desktop.storage.mapping import utc_now
from jixiao_desktop.storage.models import ExpectedUnitRecord, FormRecord, ReviewCommentRecord

if TYPE_CHECKING:
    from jixiao_desktop.storage.repository import FormRepository


@dataclass(frozen=True)
class ReviewComment:
    id: int
    form_id: int
    field: str
    rule: str
    text: str
    author: str
    form_revision: int
    version: int
    updated_at: datetime
    anchor: str = ""  # which finding of the field and rule (its message); "" = the field

    def key(self) -> tuple[str, str, str]:
        return (self.field, self.rule, self.anchor)


@dataclass(frozen=True)
class ExpectedUnit:
    """One line of the 应报名单."""

    department: str
    code: str = ""  # 单位编码
    contact: str = ""  # 联系人 / 电话
    budget: str = ""  # 预算批复数 (万元), as typed


def _comment(c: ReviewCommentRecord) -> ReviewComment:
    return ReviewComment(id=c.id, form_id=c.form_id, field=c.field, rule=c.rule, text=c.text, author=c.author,
                         form_revision=c.form_revision, version=c.version, updated_at=c.updated_at,
                         anchor=c.anchor or "")


class ReviewMixin:
    repo: FormRepository

    # --- expected units ------------------------------------------------------------------------

    def set_expected_units(self, units: Sequence[str | ExpectedUnit]) -> int:
        """Replace the 应报名单 (blank and repeated names dropped); how many."""
        unique: dict[str, ExpectedUnit] = {}
        for unit in units:
            unit = unit if isinstance(unit, ExpectedUnit) else ExpectedUnit(unit)
            name = unit.department.strip() if unit.department else ""
            if name and name not in unique:
                unique[name] = ExpectedUnit(name, unit.code.strip(), unit.contact.strip(), unit.budget.strip())
        with self.repo._session("保存应报单位名单失败", write=True) as s:
            s.query(ExpectedUnitRecord).delete(synchronize_session=False)
            s.add_all([ExpectedUnitRecord(department=u.department, note="", code=u.code, contact=u.contact,
                                          budget=u.budget) for u in unique.values()])
        return len(unique)

    def expected_unit_rows(self) -> list[ExpectedUnit]:
        with self.repo._session("读取应报单位名单失败") as s:
            return [ExpectedUnit(r.department, r.code or "", r.contact or "", r.budget or "")
                    for r in s.scalars(select(ExpectedUnitRecord).order_by(ExpectedUnitRecord.id))]

    def expected_units(self) -> list[str]:
        return [u.department for u in self.expected_unit_rows()]

    def missing_unit_rows(self, year: int | None) -> list[ExpectedUnit]:
        """Expected units with no form (of ``year``, when given): a form counts for a unit when
        its name is the unit's, written in full or short ("牛街街道办事处" is 牛街)."""
        with self.repo._session("读取应报单位名单失败") as s:
            have = select(FormRecord.department).where(FormRecord.deleted_at.is_(None)).distinct()
            if year is not None:
                have = have.where(FormRecord.year == year)
            names = list(s.scalars(have))
        exact = set(names)
        return [u for u in self.expected_unit_rows()
                if u.department not in exact and not any(same_unit(u.department, n) for n in names)]

    def missing_units(self, year: int | None) -> list[str]:
        return [u.department for u in self.missing_unit_rows(year)]

    def expected_for(self, department: str) -> ExpectedUnit | None:
        """The 应报名单's line of a form's unit (same name, full or short)."""
        rows = self.expected_unit_rows()
        return next((u for u in rows if u.department == department), None) or \
            next((u for u in rows if same_unit(u.department, department)), None)

    # --- the review status -----------------------------------------------------------------------

    def review_status(self, form_id: int) -> ReviewStatus:
        with self.repo._session("读取审核状态失败") as s:
            return ReviewStatus.of(s.scalar(select(FormRecord.review_status).where(FormRecord.id == form_id)))

    def set_review_status(self, form_id: int, status: ReviewStatus) -> None:
        with self.repo._session("保存审核状态失败", write=True) as s:
            rec = s.get(FormRecord, form_id)
            if rec is None:
                raise FormNotFoundError(f"找不到编号为 {form_id} 的申报表（可能已被彻底删除）")
            rec.review_status = status.value

    def comment_counts(self) -> dict[int, int]:
        """How many 审核意见 each form has (forms without any are left out)."""
        with self.repo._session("读取审核意见失败") as s:
            return {form_id: int(n) for form_id, n in s.execute(
                select(ReviewCommentRecord.form_id, func.count()).group_by(ReviewCommentRecord.form_id))}

    # --- 审核意见 ----------------------------------------------------------------------------

    def form_id_for(self, uuid: str) -> int | None:
        """The stored form with this exchange ``id`` (also one in the recycle bin)."""
        with self.repo._session("读取申报表失败") as s:
            return s.scalar(select(FormRecord.id).where(FormRecord.uuid == uuid))

    def import_review(self, form_id: int, comments: Sequence[Comment | tuple[str, str, str, str]],
                      form_revision: int, status: ReviewStatus = ReviewStatus.PENDING) -> int:
        """The unit's side: put the bureau's comments (``review.Comment``, or ``(field, rule, text,
        author)``) and verdict on the form, in place of those of an earlier review file (one
        transaction); return how many comments. Several on one field, rule and finding are all
        kept, joined in order."""
        with self.repo._session("导入审核意见失败", write=True) as s:
            rec = s.get(FormRecord, form_id)
            if rec is None:
                raise FormNotFoundError(f"找不到编号为 {form_id} 的申报表（可能已被彻底删除）")
            rec.review_status = status.value
            s.query(ReviewCommentRecord).filter(ReviewCommentRecord.form_id == form_id).delete(
                synchronize_session=False)
            now = utc_now()
            unique: dict[tuple[str, str, str], tuple[str, str]] = {}
            for c in comments:
                c = c if isinstance(c, Comment) else Comment(field=c[0], rule=c[1], text=c[2], author=c[3])
                text, author = c.text.strip(), c.author
                if not text:
                    continue
                if c.key() in unique:  # several comments on one line: every one kept, in order
                    earlier, earlier_author = unique[c.key()]
                    if text not in earlier.split("\n\n"):
                        authors = earlier_author if author in ("", earlier_author) else f"{earlier_author}、{author}"
                        unique[c.key()] = (f"{earlier}\n\n{text}", authors.strip("、"))
                    continue
                unique[c.key()] = (text, author)
            s.add_all([ReviewCommentRecord(form_id=form_id, field=path, rule=rule, anchor=anchor, text=text,
                                           author=author, form_revision=form_revision, version=1, updated_at=now)
                       for (path, rule, anchor), (text, author) in unique.items()])
            return len(unique)

    def comments(self, form_id: int) -> list[ReviewComment]:
        with self.repo._session("读取审核意见失败") as s:
            return [_comment(c) for c in s.scalars(
                select(ReviewCommentRecord).where(ReviewCommentRecord.form_id == form_id)
                .order_by(ReviewCommentRecord.id))]

    def save_comment(self, form_id: int, field: str, rule: str, text: str, *, author: str = "",
                     expected_version: int = 0, anchor: str = "") -> ReviewComment | None:
        """Write (or, with empty ``text``, remove) the 审核意见 on a field or on one finding
        (``rule`` and ``anchor``: the finding's rule and message).

        ``expected_version`` is the version the reviewer started from (0: a new comment).

        Raises:
            StaleWriteError: another reviewer changed this comment meanwhile; nothing written.
            FormNotFoundError: no such form.
        """
        text = text.strip()
        with self.repo._session("保存审核意见失败", write=True) as s:
            form = s.get(FormRecord, form_id)
            if form is None:
                raise FormNotFoundError(f"找不到编号为 {form_id} 的申报表（可能已被彻底删除）")
            rec = s.scalars(select(ReviewCommentRecord).where(
                ReviewCommentRecord.form_id == form_id, ReviewCommentRecord.field == field,
                ReviewCommentRecord.rule == rule, ReviewCommentRecord.anchor == anchor).with_for_update()).first()
            current = rec.version if rec is not None else 0
            if current != expected_version:
                who = f"（{rec.author}）" if rec is not None and rec.author else ""
                raise StaleWriteError(
                    f"这条审核意见已被另一位审核人员{who}改过，为免覆盖对方的意见，这次没有保存；"
                    "请重新打开这份申报表查看后再写", stored_revision=current)
            if not text:
                if rec is not None:
                    s.delete(rec)
                return None
            if rec is None:
                rec = ReviewCommentRecord(form_id=form_id, field=field, rule=rule, anchor=anchor, version=0)
                s.add(rec)
            rec.text, rec.author, rec.form_revision = text, author, form.revision
            rec.version = current + 1
            rec.updated_at = utc_now()
            s.flush()
            return _comment(rec)
