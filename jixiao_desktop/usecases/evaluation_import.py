"""导入上年自评表 (issue 23 §7): a form file at the 自评 stage (exchange or our workbook) whose unit
already has its form of that year in the clerk's database fills that form's actual values, grades,
偏差原因, 改进措施, 预算执行 and 自评 texts (``domain.evaluation_fill``), instead of becoming a second
form. The window offers it after reading the file; the CLI can call it alike. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from jixiao_desktop.domain import evaluation as ev
from jixiao_desktop.domain.evaluation_fill import fill_from
from jixiao_desktop.domain.units import unit_key
from jixiao_desktop.usecases.writes import prepare_write

if TYPE_CHECKING:
    from jixiao_desktop.domain.model import Form
    from jixiao_desktop.storage.repository import FormRepository


class NothingToFillError(ValueError):
    """No indicator of the 自评 file matched the stored form: nothing was written."""


@dataclass(frozen=True)
class FillResult:
    form_id: int
    matched: int
    unmatched: tuple[str, ...]

    def message(self) -> str:
        """What the clerk is told, in one or two Chinese sentences."""
        text = f"已将自评表的实际完成值等填入库中的表单：{self.matched} 项指标"
        if self.unmatched:
            names = "、".join(self.unmatched[:5]) + ("等" if len(self.unmatched) > 5 else "")
            text += f"；{len(self.unmatched)} 项在表单中没有同名指标，未填入：{names}"
        return text + "。"


def fill_target(repo: FormRepository, form: Form) -> int | None:
    """The stored form a 自评 ``form`` belongs to: the same form (its id), else the one form of the
    same unit (short or full name) and year; ``None`` when ``form`` is no 自评 or there is none."""
    if ev.stage_of(form) is not ev.Stage.EVALUATION or form.year is None:
        return None
    forms = [f for f in repo.list_forms() if not f.deleted]
    same = [f for f in forms if form.id and f.uuid == form.id]
    if not same:
        key = unit_key(form.department)
        same = [f for f in forms if f.year == form.year and key and unit_key(f.department) == key]
    return same[0].id if len(same) == 1 else None


def fill_actuals(repo: FormRepository, form_id: int, evaluation: Form) -> FillResult:
    """Fill the stored form ``form_id`` from ``evaluation`` (backup first, the stored content kept
    as a version; a 定稿 form stays 定稿).

    Raises:
        NothingToFillError: no indicator matched; nothing was written.
        NotWritableError, BackupFailedError, StorageError (FormLockedError…): nothing was written.
    """
    stored = repo.load(form_id).form
    plan = fill_from(stored, evaluation)
    if not plan.matched:
        raise NothingToFillError("自评表中的指标与库中表单的三级指标名称都对不上，没有填入任何内容")
    prepare_write(repo, "import")
    repo.snapshot(form_id, "导入自评表前的版本")
    repo.save(form_id, plan.form)  # a 定稿 form takes it: its 定稿指纹 signs the 申报 only
    return FillResult(form_id, plan.matched, plan.unmatched)
