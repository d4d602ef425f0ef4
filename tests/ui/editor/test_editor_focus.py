"""focus_field for every kind of path; set_findings marks; read-only; edited."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from jixiao_desktop.domain.findings import Finding, Severity
from jixiao_desktop.domain.model import Category, Form
from jixiao_desktop.ui.editor.editor import FormEditor
from jixiao_desktop.ui.editor.tabs import IndicatorItemsTab, IndicatorRowsTab
from tests.ui.helpers import type_text


def current_title(editor: FormEditor) -> str:
    tabs = editor.tab_widget()
    return tabs.tabText(tabs.currentIndex())


def focused(editor: FormEditor):
    return editor.window().focusWidget() or QApplication.focusWidget()


def test_focus_header_and_amounts(make_editor, niujie: Form) -> None:
    editor = make_editor(niujie)
    editor.tab_widget().setCurrentIndex(4)
    assert editor.focus_field("department", (10, 12))
    ui = editor.basic_tab.ui
    assert current_title(editor) == "基本信息与资金"
    assert focused(editor) is ui.departmentEdit
    assert ui.departmentEdit.selectedText() == "牛街"
    assert editor.focus_field("year")
    assert focused(editor) is ui.yearSpin
    assert editor.focus_field("funds.total")
    assert focused(editor) is ui.totalEdit and ui.totalEdit.selectedText() == "22,001.49"
    assert editor.focus_field("funds.basic", (0, 4))
    assert ui.basicEdit.selectedText() == "5214"
    assert editor.focus_field("funds.project")
    assert focused(editor) is ui.projectEdit
    # No sources block: a source path points nowhere.
    assert not editor.focus_field("funds.sources[0].amount")
    niujie.funds.sources = None
    editor.set_sources_enabled(True)
    assert editor.focus_field("funds.sources[1].amount")
    assert ui.sourcesView.currentIndex().row() == 1 and ui.sourcesView.currentIndex().column() == 1


def test_focus_goals_and_notes_select_the_span(make_editor, niujie: Form) -> None:
    editor = make_editor(niujie)
    start = niujie.goals.index("五、")
    assert editor.focus_field("goals", (start, start + 2))
    assert current_title(editor) == "绩效目标"
    edit = editor.goals_tab.ui.textEdit
    assert focused(editor) is edit
    assert edit.textCursor().selectedText() == "五、"
    assert editor.focus_field("other_notes")
    assert current_title(editor) == "其他说明的问题"
    assert focused(editor) is editor.notes_tab.ui.textEdit


def test_focus_indicator_content_and_name(make_editor, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    content = jinrongjie.indicators[0].content
    start = content.index("“我们的节日")
    assert editor.focus_field("indicators[0].content", (start, start + 6))
    tab = editor.category_tab(Category.OUTPUT)
    assert isinstance(tab, IndicatorRowsTab)
    assert current_title(editor) == "产出指标"
    assert tab.current_indicator() == 0
    assert focused(editor) is tab.ui.contentEdit
    assert tab.ui.contentEdit.textCursor().selectedText() == "“我们的节日"
    # A row of another category: its tab, its row.
    assert editor.focus_field("indicators[8].name")
    satisfaction = editor.category_tab(Category.SATISFACTION)
    assert current_title(editor) == "满意度指标"
    assert satisfaction.current_indicator() == 8
    assert focused(editor) is satisfaction.ui.rowsView
    assert editor.focus_field("indicators[6].content", (0, 3))
    outcome = editor.category_tab(Category.OUTCOME)
    assert outcome.current_indicator() == 6
    assert outcome.ui.contentEdit.textCursor().selectedText() == jinrongjie.indicators[6].content[:3]
    # The whole form: the first indicator tab.
    assert editor.focus_field("")
    assert current_title(editor) == "产出指标"


def test_focus_points_nowhere(make_editor, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    assert not editor.focus_field("indicators[9].content")
    assert not editor.focus_field("indicators[0].items[0].value")
    assert not editor.focus_field("nonsense")


def test_focus_tabular_item(make_editor, tabular: Form) -> None:
    editor = make_editor(tabular)
    assert editor.focus_field("indicators[1].items[0].weight")
    tab = editor.category_tab(Category.OUTPUT)
    assert isinstance(tab, IndicatorItemsTab)
    index = tab.ui.itemsView.currentIndex()
    assert (index.row(), index.column()) == (2, tab.model.column_of("weight"))
    assert editor.focus_field("indicators[3].items[0].value")
    assert current_title(editor) == "满意度指标"
    assert editor.focus_field("indicators[2].level2")
    assert current_title(editor) == "效果（效益）指标"
    assert editor.category_tab(Category.OUTCOME).ui.itemsView.currentIndex().column() == 0
    assert not editor.focus_field("indicators[0].items[5].value")


def test_findings_mark_fields_and_tabs(make_editor, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    findings = [
        Finding("funds.sum_mismatch", Severity.ERROR, "funds.total", "资金总额与合计不一致"),
        Finding("text.unbalanced_quotes", Severity.WARNING, "indicators[0].content", "引号不成对", (10, 11)),
        Finding("indicators.output_not_quantified", Severity.WARNING, "indicators[1].content", "产出未量化",
                acknowledged=True),
        Finding("funds.normalised", Severity.INFO, "funds.basic", "已规范"),
    ]
    editor.set_findings(findings)
    ui = editor.basic_tab.ui
    assert ui.totalEdit.property("finding") == "error"
    assert "资金总额与合计不一致" in ui.totalEdit.toolTip()
    assert ui.basicEdit.property("finding") == ""          # info: tooltip only
    assert "已规范" in ui.basicEdit.toolTip()
    tab = editor.category_tab(Category.OUTPUT)
    assert tab.model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "引号不成对" in tab.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tab.model.index(1, 1).data(Qt.ItemDataRole.BackgroundRole) is None   # acknowledged
    assert "已知悉" in tab.model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    tab.ui.rowsView.selectRow(0)
    assert tab.ui.contentEdit.property("finding") == "warning"
    assert len(tab.ui.contentEdit.extraSelections()) == 1
    bar = editor.tab_widget().tabBar()
    assert bar.tabTextColor(0).name() == "#c5221f"
    assert bar.tabTextColor(2).name() == "#b06000"
    editor.set_findings([])
    assert ui.totalEdit.property("finding") == ""
    assert tab.model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None


def test_read_only_blocks_edits(make_editor, qtbot, niujie: Form) -> None:
    editor = make_editor(niujie, read_only=True)
    ui = editor.basic_tab.ui
    assert ui.departmentEdit.isReadOnly() and ui.totalEdit.isReadOnly() and ui.yearSpin.isReadOnly()
    ui.departmentEdit.setFocus()
    type_text(ui.departmentEdit, "改")
    assert niujie.department == "北京市西城区人民政府牛街街道办事处"
    goals = editor.goals_tab.ui.textEdit
    assert goals.isReadOnly()
    type_text(goals, "改")
    assert goals.toPlainText() == niujie.goals
    tab = editor.category_tab(Category.OUTPUT)
    editor.tab_widget().setCurrentWidget(tab)
    assert not tab.ui.rowButtons.isVisible()
    assert tab.ui.contentEdit.isReadOnly()
    assert not tab.model.setData(tab.model.index(0, 0), "改名")
    assert not ui.sourcesCheck.isEnabled()
    # Still selectable: focus_field works and selects.
    assert editor.focus_field("indicators[3].content", (0, 2))
    assert tab.ui.contentEdit.textCursor().selectedText() == niujie.indicators[3].content[:2]
    assert editor.undo_stack().count() == 0
    # And back to editable.
    editor.set_read_only(False)
    assert tab.ui.rowButtons.isVisible()
    type_text(tab.ui.contentEdit, "改")
    assert niujie.indicators[3].content.startswith("改")


def test_edited_is_emitted_for_typing_undo_redo_and_rows(make_editor, qtbot, niujie: Form) -> None:
    editor = make_editor(niujie)
    with qtbot.waitSignal(editor.edited):
        type_text(editor.notes_tab.ui.textEdit, "无")
    with qtbot.waitSignal(editor.edited):
        editor.undo_stack().undo()
    with qtbot.waitSignal(editor.edited):
        editor.undo_stack().redo()
    with qtbot.waitSignal(editor.edited):
        editor.add_row(Category.OUTPUT)
    with qtbot.assertNotEmitted(editor.edited):
        editor.set_form(niujie)
    with qtbot.waitSignal(editor.current_tab_changed) as changed:
        editor.tab_widget().setCurrentIndex(1)
    assert changed.args == [1]
