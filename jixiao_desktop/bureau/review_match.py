"""Which of the unit's forms a review file is for (the unit's 导入审核意见).

By the form's exchange ``id`` first. A unit that sent a file without identity (an older export,
a form typed again on another PC) has the form under another id: then the forms of the same
unit (``domain.units.same_unit``: "牛街街道办事处" is "北京市西城区人民政府牛街街道办事处") and
year are offered, the one whose content — now or in one of its versions — is what the bureau
reviewed (the review file's ``form.fingerprint``) first. Never refused without saying why.
Qt-free: the window asks the clerk, the matching is here.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao_desktop.domain import exchange, review
from jixiao_desktop.domain.titles import quoted_name
from jixiao_desktop.domain.units import same_unit
from jixiao_desktop.storage.bureau import BureauStore
from jixiao_desktop.storage.repository import FormRepository


@dataclass(frozen=True)
class Candidate:
    form_id: int
    department: str
    year: int | None
    revision: int
    same_content: bool  # its content now, or a version of it, is what the bureau reviewed

    def describe(self) -> str:
        what = "内容与财政局审核的那一份相同" if self.same_content else "内容与财政局审核的那一份不完全相同"
        return f"{self.department or '（未填单位名称）'}（{self.year or '未填'}年度，第 {self.revision} 版，{what}）"


@dataclass(frozen=True)
class ReviewTarget:
    form_id: int | None  # the form of the same id (no question to ask)
    candidates: tuple[Candidate, ...] = ()  # otherwise: the same unit and year, best first

    def message(self, doc: review.ReviewFile) -> str:
        """Why there is no form of the same id (one Chinese paragraph)."""
        name = quoted_name(doc.department, doc.year)
        if not self.candidates:
            return (f"本机没有这份审核意见所针对的{name}申报表：表单编号不同，也没有同一单位、同一年度的申报表。"
                    "请确认是本单位的审核意见，或先导入上报时的申报表文件")
        return (f"本机没有表单编号相同的申报表（上报的文件可能来自另一台电脑或旧版本），"
                f"但有同一单位、同一年度的申报表。请选择把{name}的审核意见导入到哪一份")


def _content_matches(repo: FormRepository, form_id: int, current: str, wanted: str) -> bool:
    if not wanted:
        return False
    if current == wanted:
        return True
    return any(exchange.fingerprint(repo.load_snapshot(s.id)) == wanted for s in repo.list_snapshots(form_id))


def find_review_target(repo: FormRepository, doc: review.ReviewFile) -> ReviewTarget:
    """The form the review file is for, or the forms it may be for (see the module docstring).

    Raises:
        StorageError: the database could not be read.
    """
    form_id = BureauStore(repo).form_id_for(doc.form_id)
    if form_id is not None:
        return ReviewTarget(form_id)
    candidates = []
    for s in repo.list_forms():
        if s.year != doc.year or not same_unit(s.department, doc.department):
            continue
        form = repo.load(s.id).form
        candidates.append(Candidate(s.id, s.department, s.year, form.revision,
                                    _content_matches(repo, s.id, exchange.fingerprint(form), doc.fingerprint)))
    candidates.sort(key=lambda c: (not c.same_content, -c.revision))
    return ReviewTarget(None, tuple(candidates))
