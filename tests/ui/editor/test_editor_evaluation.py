"""监控/自评 in the editor: the stage switched as one undo step, actual values typed into the
table, the scores and the 执行率 computed as the clerk types."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from jixiao_desktop.domain import evaluation as ev
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from jixiao_desktop.domain.profiles import profile_for_form
from jixiao_desktop.ui.editor.tabs import EvaluationTab
from tests.conftest import FIXTURES
from tests.ui.helpers import type_text


def school() -> Form:
    return exchange.load(FIXTURES / "school-tabular-2023.json")


def show(editor: Any) -> EvaluationTab:
    tab = editor.evaluation_tab
    editor.tab_widget().setCurrentWidget(tab)
    return tab


def test_switching_to_evaluation_and_scoring_as_the_clerk_types(make_editor: Any, qtbot: Any) -> None:
    form = school()
    editor = make_editor(form)
    tab = show(editor)
    assert not tab.ui.itemsView.isVisibleTo(tab)  # 申报: only the switch
    tab.ui.stageCombo.setCurrentIndex(2)
    tab.ui.stageCombo.activated.emit(2)
    assert ev.stage_of(form) is ev.Stage.EVALUATION
    assert tab.ui.itemsView.isVisibleTo(tab) and tab.ui.summaryGroup.isVisibleTo(tab)
    assert editor.undo_stack().undoText() == "切换到自评阶段"

    with qtbot.waitSignal(editor.edited):
        type_text(tab.ui.budgetEdit, "100")
    type_text(tab.ui.executedEdit, "90")
    assert "90.00%" in tab.ui.rateLabel.text()

    model = tab.model
    column = next(k for k, c in enumerate(model.columns) if c.key == "actual_value")
    item = form.indicators[0].items[0]
    assert model.setData(model.index(0, column), f"{item.value}")  # the target met exactly
    assert ev.item_text(item, "actual_value") == item.value
    score_column = next(k for k, c in enumerate(model.columns) if c.key == "score")
    shown = model.index(0, score_column).data(Qt.ItemDataRole.DisplayRole)
    points = ev.score_form(form, profile_for_form(form).scoring).items[0]
    assert shown == f"{ev.printed_score(points.points)} / {ev.printed_score(points.points)}"
    assert "自评得分" in tab.ui.totalLabel.text()
    # Read-only where the target is shown; undo takes the typed value back.
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    editor.undo_stack().undo()
    assert ev.item_text(item, "actual_value") == ""


def test_a_finding_on_an_actual_value_focuses_its_cell(make_editor: Any) -> None:
    form = school()
    ev.set_stage(form, ev.Stage.EVALUATION)
    editor = make_editor(form)
    assert editor.focus_field("indicators[0].items[1].actual_value")
    tab = editor.evaluation_tab
    assert editor.tab_widget().currentWidget() is tab
    index = tab.ui.itemsView.currentIndex()
    assert (index.row(), tab.model.columns[index.column()].key) == (1, "actual_value")


def test_a_two_column_form_gets_one_completion_text_and_score_per_row(make_editor: Any, niujie: Form) -> None:
    ev.set_stage(niujie, ev.Stage.EVALUATION)
    editor = make_editor(niujie)
    tab = show(editor)
    model = tab.model
    assert [c.key for c in model.columns] == ["", "actual", "score"]
    assert model.rowCount() == len([i for i in niujie.indicators if i.name or i.content])
    assert model.setData(model.index(0, 2), "9")
    assert ev.row_text(niujie.indicators[0], "score") == "9"


def test_a_final_form_takes_its_self_evaluation_in_the_window(qtbot: Any, make_window: Any) -> None:
    """定稿 locks the 申报 tabs; the 监控/自评 tab stays open for the rest of the year, and what is
    typed there is saved without touching the 定稿指纹."""
    from jixiao_desktop.storage.repository import FormRepository

    window = make_window()
    form_id = window.repo.create(school())
    fingerprint = window.repo.finalise(form_id)
    window.refresh_form_list()
    assert window.open_form(form_id)
    editor = window.editor
    assert editor.basic_tab.ui.departmentEdit.isReadOnly()
    tab = show(editor)
    assert tab.ui.stageCombo.isEnabled()
    tab.ui.stageCombo.setCurrentIndex(2)
    tab.ui.stageCombo.activated.emit(2)
    column = next(k for k, c in enumerate(tab.model.columns) if c.key == "actual_value")
    assert tab.model.flags(tab.model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    assert tab.model.setData(tab.model.index(0, column), "2400")
    assert not editor.set_text("goals", "偷偷改")  # the 申报 stays locked
    assert window.session.save()
    repo = FormRepository.open(window.repo.db_path)
    try:
        stored = repo.load(form_id)
    finally:
        repo.close()
    assert stored.fingerprint == fingerprint and ev.stage_of(stored.form) is ev.Stage.EVALUATION
    assert ev.item_text(stored.form.indicators[0].items[0], "actual_value") == "2400"
