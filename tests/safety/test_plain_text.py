"""Text from a file or a person is never drawn as HTML (issue 18, item 2).

Markup is planted in every field a unit or a clerk controls; the window, its checks, its dialogs
and the bureau's window are then walked: every label that shows such text must draw the tags as
typed, every tooltip that carries it must be shown as plain text, and no label opens links.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QMessageBox, QToolTip, QWidget

from jixiao_desktop.domain.model import Acknowledgement, Form, FundSource, IndicatorItem
from jixiao_desktop.ui import msgbox, plain_text

TAG = "<b>粗体</b>"
MARKUP = (f'{TAG}<a href="http://x.invalid/">点此查看财政局通知</a><img src="file:///etc/hostname" width=300>'
          "<h1>请立即重新上报</h1>")


def planted(form: Form) -> Form:
    """``form`` with markup in every text a person typed (amounts too: kept as typed)."""
    form = copy.deepcopy(form)
    form.department = "某单位" + MARKUP
    form.goals = MARKUP + "\n" + form.goals
    form.other_notes = MARKUP
    form.funds.total = MARKUP
    form.funds.unit = MARKUP
    form.funds.sources = [FundSource(name=MARKUP, amount=MARKUP)]
    for ind in form.indicators:
        ind.name = ind.name + MARKUP
        ind.content = MARKUP + ind.content
        if not ind.items:
            ind.items.append(IndicatorItem())
        for item in ind.items:
            for attr in IndicatorItem.TEXT_FIELDS:
                setattr(item, attr, getattr(item, attr) + MARKUP)
    form.acknowledgements.append(Acknowledgement(rule="text.placeholder", field="goals", fingerprint="x", note=MARKUP))
    return form


def rendered(label: QLabel) -> str:
    """What a label draws: its text as is, or what its HTML shows."""
    text = label.text()
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.PlainText or (fmt == Qt.TextFormat.AutoText and not GuiQt.mightBeRichText(text)):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def labels_with_markup(root: QWidget) -> Iterator[QLabel]:
    for label in [root, *root.findChildren(QLabel)]:
        if isinstance(label, QLabel) and "粗体" in label.text() and label.objectName() != "qtooltip_label":
            yield label


def check_labels(root: QWidget) -> list[str]:
    bad = []
    for label in labels_with_markup(root):
        if rendered(label) != label.text() or label.openExternalLinks():  # drawn as HTML, or links live
            bad.append(f"{label.objectName() or type(label).__name__}: {label.text()[:60]!r}")
    return bad


def shown_tooltip(widget: QWidget, pos: QPoint) -> str:
    """Ask ``widget`` for its tooltip at ``pos`` as Qt does; what the tooltip then draws."""
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    text = QToolTip.text()
    if not GuiQt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def check_tooltips(root: QWidget, qtbot: Any) -> tuple[int, list[str]]:
    """Every widget and every item of every view under ``root`` whose tooltip carries the markup."""
    seen, bad = 0, []
    for widget in [root, *root.findChildren(QWidget)]:
        if "粗体" in widget.toolTip() and widget.isVisible():
            seen += 1
            if TAG not in shown_tooltip(widget, QPoint(2, 2)):
                bad.append(f"tooltip of {widget.objectName() or type(widget).__name__}")
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisible():
            continue
        from PySide6.QtCore import QModelIndex
        for row in range(min(model.rowCount(QModelIndex()), 60)):
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column
                columns = 1
            for col in range(columns):
                index = model.index(row, col)
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if not isinstance(tip, str) or "粗体" not in tip:
                    continue
                view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
                rect = view.visualRect(index)
                if rect.isEmpty():
                    continue
                seen += 1
                if TAG not in shown_tooltip(view.viewport(), rect.center()):
                    bad.append(f"tooltip of {view.objectName() or type(view).__name__} ({row}, {col})")
    QToolTip.hideText()
    return seen, bad


def test_the_clerks_window_draws_planted_markup_as_typed(
        qtbot: Any, make_window: Callable[[], Any], jinrongjie: Form) -> None:
    window = make_window()
    window.resize(1366, 768)
    form_id = window.repo.create(planted(jinrongjie))
    window.refresh_form_list()
    seen, bad = check_tooltips(window, qtbot)  # the form list
    assert window.open_form(form_id)
    qtbot.wait(400)  # the live checks quote the text in their messages
    tabs = window.editor.ui.tabs if hasattr(window.editor, "ui") and hasattr(window.editor.ui, "tabs") else None
    pages = range(tabs.count()) if tabs is not None else range(1)
    for page in pages:
        if tabs is not None:
            tabs.setCurrentIndex(page)
        qtbot.wait(50)
        s, b = check_tooltips(window, qtbot)
        seen, bad = seen + s, bad + b
        bad += check_labels(window)
    assert bad == [], "\n".join(bad)
    assert seen > 0  # the markup did reach tooltips: the check looked at something


def test_message_boxes_draw_a_hostile_message_as_typed(qtbot: Any) -> None:
    """The 导入审核意见失败 box of the report: a unit name full of HTML in the text and the detail."""
    from jixiao_desktop.app import create_application

    create_application()
    found: list[list[str]] = []

    def inspect() -> None:
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, inspect)
            return
        found.append([*check_labels(box), *(["no label shows the markup"] if not list(labels_with_markup(box)) else [])])
        box.done(0)

    for call in (lambda: msgbox.error(None, "导入审核意见失败", f"审核意见文件中的单位“{MARKUP}”与本机表单不符", MARKUP),
                 lambda: msgbox.choose(None, "无法保存", MARKUP, ["另存为文件并关闭"], MARKUP)):
        QTimer.singleShot(0, inspect)
        call()
    assert found == [[], []]


def test_a_tooltip_that_looks_like_html_is_shown_as_text(qtbot: Any) -> None:
    from jixiao_desktop.app import create_application

    create_application()
    widget = QLabel("x")
    qtbot.addWidget(widget)
    widget.setToolTip(MARKUP)
    widget.show()
    assert TAG in shown_tooltip(widget, QPoint(1, 1))
    widget.setToolTip("普通的提示")
    assert shown_tooltip(widget, QPoint(1, 1)) == "普通的提示"
    assert plain_text.escaped_html("a < b\n  c") == "<p style='white-space:pre-wrap'>a &lt; b\n  c</p>"


@pytest.fixture
def bureau_db(tmp_path: Path, jinrongjie: Form) -> Path:
    from jixiao_desktop.domain import exchange

    db = tmp_path / "bureau.db"
    source = tmp_path / "in" / "unit.jixiao.json"
    source.parent.mkdir()
    source.write_text(exchange.dumps(planted(jinrongjie)), encoding="utf-8")
    from jixiao_desktop.cli import main

    assert main(["collect", str(source.parent), "--db", str(db)]) in (0, 1)
    return db


def test_the_bureau_window_draws_planted_markup_as_typed(qtbot: Any, bureau_db: Path, messages: Any) -> None:
    from jixiao_desktop.app import create_application
    from jixiao_desktop.ui.bureau.window import BureauWindow

    create_application()
    window = BureauWindow(bureau_db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.wait(300)
    view = window.findChild(QAbstractItemView)
    if view is not None and view.model() is not None and view.model().rowCount():
        view.setCurrentIndex(view.model().index(0, 0))
        qtbot.wait(200)
    seen, bad = check_tooltips(window, qtbot)
    bad += check_labels(window)

    from jixiao_desktop.ui.bureau.review_dialog import ReviewDialog

    def inspect() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, ReviewDialog) and w.isVisible()),
                      None)
        if dialog is None:
            QTimer.singleShot(20, inspect)
            return
        qtbot.wait(300)
        s, b = check_tooltips(dialog, qtbot)
        bad.extend(b + check_labels(dialog))
        reviewed.append(s)
        dialog.accept()

    reviewed: list[int] = []
    QTimer.singleShot(0, inspect)
    window.open_review(1)  # the one form collected
    assert bad == [], "\n".join(bad)
    assert seen + sum(reviewed) > 0
    window.close()
