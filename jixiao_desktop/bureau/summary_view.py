"""What the summary shows (issue 19, items 4 and 5), computed once for the window and the CLI:
the forms of the list as it is filtered and sorted (its filters in the title), and for each one
the review status, the number of 审核意见, the 预算批复数 of the 应报名单 beside its 资金总额, last
year's 资金总额 of the same unit, and the 定稿指纹 to check a paper copy against; the 未报 units of
the 应报名单 with their 单位编码 and 联系人; the counts by status. Qt-free.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao_desktop.domain.model import FormStatus
from jixiao_desktop.domain.money import try_parse_amount
from jixiao_desktop.domain.review import ReviewStatus
from jixiao_desktop.domain.units import unit_key
from jixiao_desktop.storage.bureau import BureauStore, ExpectedUnit, ListQuery, SummaryRow

TITLE = "部门整体支出绩效目标申报汇总表"


def _amount(text: str) -> Decimal | None:
    """A stored amount or a 预算批复数 as typed (22,500 / 22500.00 / 2.25万…) as a number."""
    return try_parse_amount(text) if text else None


@dataclass(frozen=True)
class RowExtras:
    review: str = ""  # 待审 / 通过 / 退回修改
    comments: int = 0
    budget: str = ""  # 预算批复数 of the 应报名单, as typed
    budget_diff: Decimal | None = None  # 资金总额 − 预算批复数
    last_total: str = ""  # last year's 资金总额 of the same unit
    change: Decimal | None = None  # 资金总额 − last year's
    fingerprint: str = ""  # 定稿指纹 (定稿 forms)


@dataclass(frozen=True)
class SummaryView:
    title: str
    rows: list[SummaryRow]
    extras: dict[int, RowExtras] = field(default_factory=dict)
    missing: list[ExpectedUnit] = field(default_factory=list)
    missing_year: int | None = None
    has_expected: bool = False

    def counts_line(self) -> str:
        """审核 and 定稿 counts and the 审核意见 in one line, for under the table."""
        reviews = Counter(self.extras[r.id].review if r.id in self.extras else "" for r in self.rows)
        final = sum(1 for r in self.rows if r.status is FormStatus.FINAL)
        comments = sum(e.comments for e in self.extras.values())
        parts = [f"已定稿 {final} 份、草稿 {len(self.rows) - final} 份"]
        parts.append("、".join(f"{s.label} {reviews.get(s.label, 0)} 份" for s in ReviewStatus))
        parts.append(f"审核意见 {comments} 条")
        if self.has_expected:
            when = f"{self.missing_year}年度" if self.missing_year else ""
            parts.append(f"{when}未报 {len(self.missing)} 个单位")
        return "；".join(parts)


def filters_text(query: ListQuery) -> str:
    """The list's filters in words, for the title ("" = all forms)."""
    parts = []
    if query.year is not None:
        parts.append(f"{query.year}年度")
    if query.status is not None:
        parts.append(query.status.label)
    if query.review_status is not None:
        parts.append(f"审核{query.review_status.label}")
    if query.has_errors is not None:
        parts.append("有错误" if query.has_errors else "无错误")
    if query.stage is not None:
        parts.append(f"{query.stage.label}阶段")
    if query.text.strip():
        parts.append(f"单位名称含“{query.text.strip()}”")
    return "，".join(parts)


def build_view(store: BureauStore, ids: Sequence[int] | None = None,
               query: ListQuery | None = None) -> SummaryView:
    """The summary of the forms ``ids`` in that order (the window's list), else of every form;
    ``query`` is the list's filters (the title, and the year of the 未报 units).

    Raises:
        StorageError: the database could not be read.
    """
    store.refresh_counts()
    query = query or ListQuery()
    if ids is None:
        rows = store.summary_rows()
    else:
        by_id = store.rows_by_id(list(ids))
        rows = store.with_stages([by_id[i] for i in ids if i in by_id])  # 阶段, 执行率, 自评得分
    every = rows if ids is None and query == ListQuery() else store.rows()
    totals_by_unit = {(unit_key(r.department), r.year): r.total for r in every}
    expected = store.expected_unit_rows()
    budgets = {unit_key(u.department): u.budget for u in expected if u.budget}
    budgets.update({u.department: u.budget for u in expected if u.budget})
    comments = store.comment_counts()
    extras = {}
    for r in rows:
        key = unit_key(r.department)
        budget = budgets.get(r.department, budgets.get(key, ""))
        total, approved = _amount(r.total), _amount(budget)
        last = totals_by_unit.get((key, r.year - 1), "") if r.year else ""
        last_value = _amount(last)
        extras[r.id] = RowExtras(
            review=r.review_status.label, comments=comments.get(r.id, 0), budget=budget,
            budget_diff=total - approved if total is not None and approved is not None else None,
            last_total=last, change=total - last_value if total is not None and last_value is not None else None,
            fingerprint=r.fingerprint if r.status is FormStatus.FINAL else "")
    wanted = filters_text(query)
    title = f"{TITLE}（{wanted}）" if wanted else TITLE
    missing = store.missing_unit_rows(query.year) if expected else []
    return SummaryView(title=title, rows=rows, extras=extras, missing=missing, missing_year=query.year,
                       has_expected=bool(expected))
