"""One-click fixes in the window: the panel offers them, one click is one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from tests.conftest import FIXTURES
from tests.ui.test_window import MakeWindow, has, open_stored, shown


def _school_without_operators() -> Form:
    """The school form as a province's tabular form prints it: no 计算符号 column."""
    form = exchange.load(FIXTURES / "school-tabular-2023.json")
    for ind in form.indicators:
        for item in ind.items:
            if item.nature == "定量":
                item.operator = ""
    return form


def _select(window: Any, rule: str) -> int:
    row = next(i for i, f in enumerate(shown(window)) if f.rule == rule)
    window.checks_panel.select_row(row)
    return row


def test_fix_all_missing_operators_is_one_undo_step(qtbot: Any, make_window: MakeWindow) -> None:
    window, _ = open_stored(make_window, _school_without_operators())
    editor = window.editor
    assert editor is not None
    qtbot.waitUntil(lambda: has(window, "items.incomplete"))
    panel = window.checks_panel
    _select(window, "items.incomplete")
    # the operator follows the direction (checks.md Round 3): 在校学生人数 is 正向 → ≥, never "="
    assert panel.fix_button.isVisibleTo(panel) and "≥ 2400 人" in panel.fix_button.text()
    assert panel.fix_all_button.isVisibleTo(panel) and "10 处" in panel.fix_all_button.text()

    qtbot.mouseClick(panel.fix_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not has(window, "items.incomplete"))
    operators = [item.operator for ind in editor.form().indicators for item in ind.items if item.nature == "定量"]
    # 正向 → ≥; 反向 (成本, 事故发生率, 投诉率) and the deadline 完工时间 (月) → ≤; 满意度 → ≥
    assert operators == ["≥", "≥", "≥", "≥", "≤", "≤", "≤", "≤", "≥", "≥"]
    assert "错误 0" in window.counts_label.text()  # the form can be finalised now

    window.ui.actionUndo.trigger()  # one step takes the whole fix back
    assert all(not item.operator for ind in editor.form().indicators for item in ind.items
               if item.nature == "定量")
    qtbot.waitUntil(lambda: has(window, "items.incomplete"))


def test_range_fix_from_the_panel(qtbot: Any, make_window: MakeWindow) -> None:
    form = exchange.load(FIXTURES / "school-tabular-2023.json")
    item = form.indicators[0].items[1]
    item.operator, item.value, item.unit = "", "6-8次", ""
    window, _ = open_stored(make_window, form)
    # the tabular default (tabular-generic) takes one value only: a range is items.range_not_allowed
    qtbot.waitUntil(lambda: has(window, "items.range_not_allowed"))
    panel = window.checks_panel
    _select(window, "items.range_not_allowed")
    assert "≥ 6 次" in panel.fix_button.text()
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert window.editor is not None
    fixed = window.editor.form().indicators[0].items[1]
    assert (fixed.operator, fixed.value, fixed.unit) == ("≥", "6", "次")
    qtbot.waitUntil(lambda: not has(window, "items.range_not_allowed"))
    window.ui.actionUndo.trigger()
    assert window.editor.form().indicators[0].items[1].value == "6-8次"


def test_no_fix_offered_where_none_is_certain(qtbot: Any, make_window: MakeWindow, niujie: Form) -> None:
    window, _ = open_stored(make_window, niujie)
    _select(window, "text.duplicate_passage")
    assert not window.checks_panel.fix_button.isVisibleTo(window.checks_panel)
    assert not window.checks_panel.fix_all_button.isVisibleTo(window.checks_panel)
