"""导入上年自评表 (issue 23 §7): a 自评 file fills the actual values of the same unit's stored form
of that year — matched by 三级 name within the same 一级/二级 — and next year's draft then shows
the real outcome as 上年值. Qt-free, on SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao_desktop.domain import evaluation as ev
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import TEMPLATE_TABULAR, Form, FormStatus, Indicator, IndicatorItem
from jixiao_desktop.exporters.xlsx import export_xlsx
from jixiao_desktop.formfiles import read_form_file
from jixiao_desktop.storage.repository import FormLockedError, FormRepository
from jixiao_desktop.usecases.evaluation_import import NothingToFillError, fill_actuals, fill_target

UNIT = "北京市某某区某某街道办事处"


def target() -> Form:
    form = Form(template=TEMPLATE_TABULAR, year=2024, department=UNIT, goals="保障辖区公共服务。")
    form.funds.total = "100"
    form.indicators = [
        Indicator(level1="产出指标", level2="数量指标", items=[
            IndicatorItem(level3="培训人次", nature="定量", operator="≥", value="500", unit="人次"),
            IndicatorItem(level3="巡查次数", nature="定量", operator="≥", value="12", unit="次"),
        ]),
        Indicator(level1="满意度指标", level2="服务对象满意度指标", items=[
            IndicatorItem(level3="群众满意度", nature="定量", operator="≥", value="95", unit="%"),
        ]),
    ]
    return form


def evaluation_file() -> Form:
    """The 自评表 as it comes back: typed anew (another id), names with full-width letters and
    spaces, one indicator the form never had."""
    form = target()
    form.department = "某某街道办事处"  # the short name
    ev.set_stage(form, ev.Stage.EVALUATION)
    ev.set_execution_text(form, "budget", "100")
    ev.set_execution_text(form, "executed", "92")
    ev.set_execution_text(form, "as_of", "全年")
    ev.set_evaluation_text(form, "summary", "全年目标基本完成。")
    trained, patrols = form.indicators[0].items
    trained.level3 = "培训 人次："
    ev.set_item_text(trained, "actual_value", "430")
    ev.set_item_text(trained, "deviation_reason", "部分培训因场地改造延期")
    ev.set_item_text(patrols, "actual_value", "12")
    ev.set_item_text(form.indicators[1].items[0], "actual_value", "97")
    form.indicators[1].items.append(IndicatorItem(level3="投诉办结率", operator="≥", value="90", unit="%"))
    ev.set_item_text(form.indicators[1].items[1], "actual_value", "95")
    return form


@pytest.fixture
def repo(tmp_path: Path):
    with FormRepository.open(tmp_path / "data" / "jixiao.db") as repo:
        yield repo


def test_the_evaluation_fills_the_final_form_and_next_year_shows_the_outcome(repo: FormRepository) -> None:
    form_id = repo.create(target())
    fingerprint = repo.finalise(form_id)
    incoming = evaluation_file()
    assert fill_target(repo, incoming) == form_id

    result = fill_actuals(repo, form_id, incoming)
    assert (result.matched, result.unmatched) == (3, ("投诉办结率",))
    assert "投诉办结率" in result.message()
    stored = repo.load(form_id)
    assert stored.status is FormStatus.FINAL and stored.fingerprint == fingerprint  # the 申报 untouched
    assert ev.stage_of(stored.form) is ev.Stage.EVALUATION
    trained = stored.form.indicators[0].items[0]
    assert trained.level3 == "培训人次" and trained.value == "500"
    assert ev.item_text(trained, "actual_value") == "430"
    assert ev.item_text(trained, "deviation_reason") == "部分培训因场地改造延期"
    assert ev.execution_text(stored.form, "executed") == "92"
    assert ev.evaluation_text(stored.form, "summary") == "全年目标基本完成。"
    assert any(ev.stage_of(repo.load_snapshot(v.id)) is ev.Stage.TARGET for v in repo.list_snapshots(form_id))

    draft = repo.load(repo.copy_to_next_year(form_id)).form
    assert draft.year == 2025 and ev.stage_of(draft) is ev.Stage.TARGET
    assert [i.previous_value for i in draft.indicators[0].items] == ["430", "12"]  # the outcome, not 500
    assert draft.indicators[0].items[0].value == "500"
    assert not ev.item_text(draft.indicators[0].items[0], "actual_value")
    assert not ev.execution_text(draft, "executed")


def test_our_workbook_of_the_evaluation_fills_alike(repo: FormRepository, tmp_path: Path) -> None:
    form_id = repo.create(target())
    path = tmp_path / "自评表.xlsx"
    export_xlsx(evaluation_file(), path)
    incoming = read_form_file(path)
    assert fill_target(repo, incoming) == form_id
    assert fill_actuals(repo, form_id, incoming).matched == 3
    assert ev.item_text(repo.load(form_id).form.indicators[0].items[0], "actual_value") == "430"


def test_only_the_same_level1_and_level2_match(repo: FormRepository) -> None:
    form_id = repo.create(target())
    incoming = evaluation_file()
    for row in incoming.indicators:
        row.level2 = "质量指标"  # the same names under another 二级: not the same indicators
    before = repo.load(form_id).form.revision
    with pytest.raises(NothingToFillError, match="对不上"):
        fill_actuals(repo, form_id, incoming)
    after = repo.load(form_id).form
    assert after.revision == before and ev.stage_of(after) is ev.Stage.TARGET


def test_a_target_file_or_another_year_is_no_fill(repo: FormRepository) -> None:
    repo.create(target())
    assert fill_target(repo, target()) is None  # a 申报表: an ordinary import
    other_year = evaluation_file()
    other_year.year = 2023
    assert fill_target(repo, other_year) is None


def test_a_final_form_refuses_a_changed_target_part(repo: FormRepository) -> None:
    form_id = repo.create(target())
    repo.finalise(form_id)
    changed = repo.load(form_id).form
    changed.indicators[0].items[0].value = "300"
    with pytest.raises(FormLockedError, match="已定稿"):
        repo.save(form_id, changed)
    assert repo.load(form_id).form.indicators[0].items[0].value == "500"


def test_the_exchange_file_round_trip(repo: FormRepository, tmp_path: Path) -> None:
    form_id = repo.create(target())
    path = tmp_path / "自评.jixiao.json"
    path.write_text(exchange.dumps(evaluation_file()), encoding="utf-8")
    assert fill_actuals(repo, form_id, read_form_file(path)).matched == 3
