"""Long texts a clerk pastes never widen the window: names elide or wrap, and say how long they are."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication

from jixiao_desktop.domain.model import Category, Form
from jixiao_desktop.ui.editor.tabs import IndicatorRowsTab
from jixiao_desktop.ui.main_window import MainWindow

MakeWindow = Callable[[], MainWindow]
LONG_NAME = "产出数量指标" + "（含社区服务、城市管理、平安建设、环境整治、民生保障等各项工作）" * 14


def _open(make_window: MakeWindow, form: Form) -> MainWindow:
    window = make_window()
    assert window.repo is not None
    form_id = window.repo.create(form)
    window.refresh_form_list()
    assert window.open_form(form_id)
    return window


def test_a_pasted_long_name_does_not_widen_the_window(qtbot: Any, make_window: MakeWindow,
                                                      niujie: Form) -> None:
    window = _open(make_window, niujie)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    assert window.editor is not None
    tab = window.editor.category_tab(Category.OUTPUT)
    assert isinstance(tab, IndicatorRowsTab)
    window.editor.tab_widget().setCurrentWidget(tab)
    tab.ui.rowsView.selectRow(0)
    assert len(LONG_NAME) > 400
    window.editor.edit_text("indicators[0].name", LONG_NAME)
    QApplication.processEvents()
    screen = window.screen().availableGeometry()
    assert window.width() <= max(1024, screen.width())
    assert window.minimumSizeHint().width() <= 1024
    # The caption still names the row, shortened.
    caption = tab.ui.contentLabel
    assert "产出数量指标" in caption.text()
    assert caption.minimumSizeHint().width() < 500  # was 6,045 px
    # The clerk is told the name is long.
    assert "字" in tab.ui.nameLengthHint.text()
    window.editor.undo_stack().undo()
    QApplication.processEvents()
    assert window.width() <= max(1024, screen.width())
    assert tab.ui.nameLengthHint.text() == ""
    assert window.minimumSizeHint().width() <= 1024


def test_the_template_line_shows_whole_on_a_wide_window(qtbot: Any, make_window: MakeWindow, jinrongjie: Form) -> None:
    """The 表格格式 line may shrink on a narrow window (it never widens it), but shows whole when there is room."""
    window = _open(make_window, jinrongjie)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    assert window.editor is not None
    label = window.editor.basic_tab.ui.templateLabel
    QApplication.processEvents()
    assert label.text() and label.width() >= label.fontMetrics().horizontalAdvance(label.text())
