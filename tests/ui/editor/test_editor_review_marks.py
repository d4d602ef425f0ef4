"""The bureau's 审核意见 on the unit's window: a teal mark on the commented field, on every layout
(A, B, tabular) and every kind of field, beside an error's or a warning's mark, gone with the
comment. Asserted on what is painted (grabbed pixels) as well as on the properties and roles."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from jixiao_desktop.domain import review
from jixiao_desktop.domain.findings import Finding, Severity
from jixiao_desktop.domain.model import Category, Form, FundSource
from jixiao_desktop.ui.editor.delegates import REVIEW_CORNER
from jixiao_desktop.ui.editor.editor import FormEditor
from jixiao_desktop.ui.editor.marks import MARK_BACKGROUND, REVIEW_BACKGROUND, REVIEW_COLOR, Role
from jixiao_desktop.ui.editor.tabs import IndicatorItemsTab, IndicatorRowsTab

TEAL = REVIEW_COLOR.name()


def comments(*pairs: tuple[str, str]) -> list[Finding]:
    return review.as_findings([review.Comment(field=path, text=text, author="张三") for path, text in pairs])


def close(color: QColor, expected: str, tolerance: int = 24) -> bool:
    want = QColor(expected)
    return all(abs(a - b) <= tolerance for a, b in ((color.red(), want.red()), (color.green(), want.green()),
                                                    (color.blue(), want.blue())))


def painted(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


def frame_and_inside(widget: QWidget) -> tuple[QColor, QColor]:
    """The colour of a field's frame (left edge, middle) and of its inside just past the frame."""
    image = painted(widget)
    y = image.height() // 2
    return image.pixelColor(0, y), image.pixelColor(4, y)


def corner(view: QAbstractItemView, row: int, column: int) -> QColor:
    """The colour at the very top right corner of a cell, where the comment's triangle is."""
    view.scrollTo(view.model().index(row, column))
    rect = view.visualRect(view.model().index(row, column))
    image = painted(view.viewport())
    return image.pixelColor(QPoint(rect.right() - 2, rect.top() + 1))


def background(view: QAbstractItemView, row: int, column: int) -> QColor | None:
    brush = view.model().index(row, column).data(Qt.ItemDataRole.BackgroundRole)
    return None if brush is None else brush.color()


def test_comments_mark_header_funds_goals_and_notes(make_editor, niujie: Form) -> None:
    editor = make_editor(niujie)
    ui = editor.basic_tab.ui
    editor.set_findings([
        Finding("funds.sum_mismatch", Severity.ERROR, "funds.total", "资金总额与合计不一致"),
        *comments(("department", "单位名称请写全称"), ("year", "年度有误"),
                  ("funds.total", "资金总额与预算批复不一致，请核实"), ("funds.basic", "基本支出偏高"),
                  ("goals", "目标请量化"), ("other_notes", "请补充说明")),
    ])
    for widget in (ui.departmentEdit, ui.yearSpin, ui.basicEdit, ui.totalEdit):
        assert widget.property("review") == "true"
    # A comment alone: a teal frame, a teal tint inside.
    frame, inside = frame_and_inside(ui.basicEdit)
    assert close(frame, TEAL) and close(inside, "#e6f5f2", 6)
    # With an error: the error's red frame wins, the tint says there is a comment too; the tooltip has both.
    assert ui.totalEdit.property("finding") == "error"
    frame, inside = frame_and_inside(ui.totalEdit)
    assert close(frame, "#d93025") and close(inside, "#e6f5f2", 6)
    tip = ui.totalEdit.toolTip()
    assert "【错误】资金总额与合计不一致" in tip and "财政局审核意见：资金总额与预算批复不一致，请核实（张三）" in tip
    # A field without anything stays as it was.
    assert ui.projectEdit.property("review") == "" or ui.projectEdit.property("review") is None
    frame, inside = frame_and_inside(ui.projectEdit)
    assert not close(frame, TEAL) and close(inside, "#ffffff", 6)
    for tab in (editor.goals_tab, editor.notes_tab):
        editor.tab_widget().setCurrentWidget(tab)
        assert tab.ui.textEdit.property("review") == "true"
        assert close(frame_and_inside(tab.ui.textEdit)[0], TEAL)
    # The tabs say where the comments are: teal where there is nothing worse, named in the tooltip.
    tabs, bar = editor.tab_widget(), editor.tab_widget().tabBar()
    goals = tabs.indexOf(editor.goals_tab)
    assert bar.tabTextColor(goals).name() == TEAL and tabs.tabToolTip(goals) == "此页有财政局审核意见"
    basic = tabs.indexOf(editor.basic_tab)
    assert bar.tabTextColor(basic).name() == "#c5221f"
    assert tabs.tabToolTip(basic) == "此页有错误；此页有财政局审核意见"
    # The comments withdrawn (a later review without them): every teal mark is gone, the error stays.
    editor.set_findings([Finding("funds.sum_mismatch", Severity.ERROR, "funds.total", "资金总额与合计不一致")])
    for widget in (ui.departmentEdit, ui.yearSpin, ui.basicEdit, ui.totalEdit,
                   editor.goals_tab.ui.textEdit, editor.notes_tab.ui.textEdit):
        assert widget.property("review") == ""
    assert close(frame_and_inside(ui.basicEdit)[1], "#ffffff", 6)
    assert "审核意见" not in ui.totalEdit.toolTip()
    assert bar.tabTextColor(goals).name() != TEAL and tabs.tabToolTip(goals) == ""


def test_comments_mark_indicator_rows_of_layouts_a_and_b(make_editor, niujie: Form, jinrongjie: Form) -> None:
    for form in (niujie, jinrongjie):
        editor: FormEditor = make_editor(form)
        editor.set_findings([
            Finding("text.unbalanced_quotes", Severity.WARNING, "indicators[0].content", "引号不成对", (10, 11)),
            *comments(("indicators[0].content", "指标值偏低"), ("indicators[1].name", "名称不规范")),
        ])
        editor.show_category(Category.OUTPUT)
        tab = editor.category_tab(Category.OUTPUT)
        assert isinstance(tab, IndicatorRowsTab)
        view, model = tab.ui.rowsView, tab.model
        # Row 2's name: only the comment, a teal background and the teal corner.
        assert model.index(1, model.NAME).data(Role.REVIEW)
        assert background(view, 1, model.NAME) == REVIEW_BACKGROUND
        assert close(corner(view, 1, model.NAME), TEAL)
        assert "名称不规范" in model.index(1, model.NAME).data(Qt.ItemDataRole.ToolTipRole)
        # Row 1's content: the warning's colour, and the corner says there is a comment as well.
        assert background(view, 0, model.CONTENT) == MARK_BACKGROUND["warning"]
        assert close(corner(view, 0, model.CONTENT), TEAL)
        tip = model.index(0, model.CONTENT).data(Qt.ItemDataRole.ToolTipRole)
        assert "【警告】引号不成对" in tip and "财政局审核意见：指标值偏低（张三）" in tip
        # The content box below the table, with the row selected: the warning's frame over the tint.
        tab.select_indicator(0)
        assert tab.ui.contentEdit.property("review") == "true"
        assert tab.ui.contentEdit.property("finding") == "warning"
        # Nothing on the other cells.
        assert not model.index(2, model.NAME).data(Role.REVIEW)
        assert not close(corner(view, 2, model.NAME), TEAL)
        editor.set_findings([])
        assert not model.index(1, model.NAME).data(Role.REVIEW) and background(view, 1, model.NAME) is None
        assert not close(corner(view, 1, model.NAME), TEAL)
        assert tab.ui.contentEdit.property("review") == ""


def test_comments_mark_the_tabular_layout_and_the_sources(make_editor, tabular: Form) -> None:
    tabular.funds.sources = [FundSource("财政拨款", "100"), FundSource("其他资金", "0")]
    editor: FormEditor = make_editor(tabular)
    editor.set_findings(comments(("indicators[0].items[1].value", "指标值偏低"), ("indicators[0].name", "二级指标不规范"),
                                 ("funds.sources[1].amount", "其他资金请说明来源")))
    editor.show_category(Category.OUTPUT)
    tab = editor.category_tab(Category.OUTPUT)
    assert isinstance(tab, IndicatorItemsTab)
    view, model = tab.ui.itemsView, tab.model
    value = model.column_of("value")
    assert value is not None
    assert model.index(1, value).data(Role.REVIEW) and background(view, 1, value) == REVIEW_BACKGROUND
    assert close(corner(view, 1, value), TEAL)
    assert not model.index(0, value).data(Role.REVIEW)
    # A comment on the group (its name, which the tabular form shows as the 二级 of each item).
    rows_of_group = [row for row in range(model.rowCount()) if model.item_at(row)[0] == 0]
    for row in rows_of_group:
        assert "二级指标不规范" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert close(corner(view, row, 0), TEAL)
    editor.tab_widget().setCurrentWidget(editor.basic_tab)
    sources = editor.basic_tab.ui.sourcesView
    assert sources.model().index(1, 1).data(Role.REVIEW)
    assert close(corner(sources, 1, 1), TEAL)
    assert not close(corner(sources, 0, 1), TEAL)
    editor.set_findings([])
    assert not model.index(1, value).data(Role.REVIEW) and background(view, 1, value) is None
    assert not close(corner(sources, 1, 1), TEAL)


def test_the_corner_is_small(make_editor, niujie: Form) -> None:
    """The teal corner only marks: it leaves the cell's text readable."""
    editor = make_editor(niujie)
    editor.set_findings(comments(("indicators[1].name", "名称不规范")))
    editor.show_category(Category.OUTPUT)
    tab = editor.category_tab(Category.OUTPUT)
    assert isinstance(tab, IndicatorRowsTab)
    view = tab.ui.rowsView
    rect = view.visualRect(view.model().index(1, 0))
    image = painted(view.viewport())
    assert close(image.pixelColor(rect.right() - 2, rect.top() + 1), TEAL)
    assert not close(image.pixelColor(rect.right() - REVIEW_CORNER - 3, rect.top() + REVIEW_CORNER), TEAL)
