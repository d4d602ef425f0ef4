"""The window's ways in for last year's form: 导入 a Word file, 粘贴上年表格, drag and drop — each
through the 导入预览: 导入 stores, 取消 stores nothing, 继承上年 at once on request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.dialogs.import_preview import ImportPreviewDialog
from jixiao_desktop.ui.dialogs.paste_table import PasteTableDialog
from tests.conftest import FIXTURES
from tests.importers.docx_builder import Shape, form_docx
from tests.ui.conftest import Messages

MakeWindow = Any
REFERENCE = FIXTURES / "reference"


def tree_texts(dialog: ImportPreviewDialog) -> dict[str, str]:
    out: dict[str, str] = {}

    def walk(item: QTreeWidgetItem) -> None:
        out[item.text(0)] = item.text(1)
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(dialog.ui.fieldsTree.topLevelItemCount()):
        walk(dialog.ui.fieldsTree.topLevelItem(i))
    return out


def list_texts(widget: Any) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


class Answer:
    """Answers the preview: records what it showed, then 导入 (optionally 继承上年) or 取消."""

    def __init__(self, accept: bool = True, carry: bool = False) -> None:
        self.accept = accept
        self.carry = carry
        self.seen: list[dict[str, Any]] = []

    def __call__(self, dialog: ImportPreviewDialog) -> bool:
        self.seen.append({"tree": tree_texts(dialog), "warnings": list_texts(dialog.ui.warningsList),
                          "checks": list_texts(dialog.ui.checksList), "title": dialog.windowTitle(),
                          "carry_enabled": dialog.ui.carryCheck.isEnabled()})
        dialog.set_carry_over(self.carry)
        return self.accept


def test_word_file_previewed_then_stored(make_window: MakeWindow, niujie: Form, tmp_path: Path) -> None:
    window = make_window()
    path = form_docx(niujie, tmp_path / "牛街2021.docx", Shape(tracked_changes=True, continue_goals_after=7))
    answer = Answer()
    window.import_flow.exec_preview = answer
    new_id = window.import_file(path)
    assert new_id is not None
    shown = answer.seen[0]
    assert "牛街2021.docx" in shown["title"]
    assert shown["tree"]["部门（单位）名称"] == niujie.department
    assert shown["tree"]["年度"] == "2021年度"
    assert shown["tree"]["资金总额"] == "22,001.49"
    assert shown["tree"]["绩效指标"] == "5 行"
    assert shown["tree"]["产出指标一：坚持党建引领，提升基层治理能力"].startswith("1.定期召开主任办公会")
    assert any("修订" in w for w in shown["warnings"])
    assert any("产出" in c or "效果" in c for c in shown["checks"])  # the 牛街 form lacks 效果 rows
    assert window.repo.load(new_id).form.goals == niujie.goals
    assert window.editor is not None and window.editor.form().department == niujie.department


def test_cancel_in_the_preview_stores_nothing(make_window: MakeWindow, niujie: Form, tmp_path: Path) -> None:
    window = make_window()
    window.import_flow.exec_preview = Answer(accept=False)
    assert window.import_file(form_docx(niujie, tmp_path / "n.docx")) is None
    assert window.repo.list_forms() == []
    assert "没有保存任何内容" in window.statusBar().currentMessage()


def test_import_as_last_year_and_carry_over_at_once(make_window: MakeWindow, tmp_path: Path) -> None:
    school = exchange.load(FIXTURES / "school-tabular-2023.json")
    window = make_window()
    window.import_flow.exec_preview = Answer(carry=True)
    opened = window.import_file(form_docx(school, tmp_path / "school.docx", Shape(
        tabular_columns=("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "权重", "方向", "备注"))))
    assert opened is not None
    years = sorted(s.year for s in window.repo.list_forms())
    assert years == [2023, 2024]
    draft = window.repo.load(opened).form
    assert draft.year == 2024
    items = [i for ind in draft.indicators for i in ind.items]
    assert items and all(i.previous_value == i.value for i in items)
    assert window.editor.form().year == 2024


def test_paste_last_years_table(make_window: MakeWindow, jinrongjie: Form) -> None:
    window = make_window()
    text = (REFERENCE / "000_08e78436efa9e882.txt").read_text(encoding="utf-8")

    def paste(dialog: PasteTableDialog) -> bool:
        dialog.set_text("随便写的一句话")
        dialog.read()
        assert dialog.ui.errorLabel.isVisibleTo(dialog) and "表格" in dialog.ui.errorLabel.text()
        assert dialog.reading() is None
        dialog.set_text(text)
        dialog.read()
        return dialog.result() == PasteTableDialog.DialogCode.Accepted

    window.import_flow.exec_paste = paste
    answer = Answer()
    window.import_flow.exec_preview = answer
    window.import_flow.paste_action.trigger()
    assert answer.seen and answer.seen[0]["warnings"] == ["没有需要注意的地方：表中每一栏都已识别。"]
    forms = window.repo.list_forms()
    assert len(forms) == 1
    stored = window.repo.load(forms[0].id).form
    assert (stored.department, stored.goals, stored.indicators) == (
        jinrongjie.department, jinrongjie.goals, jinrongjie.indicators)


def test_paste_reads_words_html_where_the_text_splits_two_line_name_cells(make_window: MakeWindow,
                                                                           jinrongjie: Form) -> None:
    """Word's table copy: a 指标名称 cell of two paragraphs (产出指标⏎产出数量指标). Its text/plain
    splits every such cell into rows; the HTML flavour keeps the cells, and is read when the box
    still holds what was pasted."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

    from jixiao_desktop.importers import read_pasted_table
    from tests.importers.html_builder import form_clipboard_html

    html = form_clipboard_html(jinrongjie, Shape(name_break_at_dash=True))
    # What Word's plain text makes of such cells: the second paragraph of each name a row of its own.
    plain = (REFERENCE / "000_08e78436efa9e882.txt").read_text(encoding="utf-8")
    plain = plain.replace("产出指标-", "产出指标\n\t").replace("效果指标-", "效果指标\n\t")
    split = read_pasted_table(plain).form
    assert [i.name for i in split.indicators] != [i.name for i in jinrongjie.indicators]
    mime = QMimeData()
    mime.setText(plain)
    mime.setHtml(html)
    QApplication.clipboard().setMimeData(mime)
    window = make_window()

    def paste(dialog: PasteTableDialog) -> bool:
        dialog.set_text(plain)
        dialog.read()
        return dialog.result() == PasteTableDialog.DialogCode.Accepted

    window.import_flow.exec_paste = paste
    window.import_flow.exec_preview = Answer()
    window.import_flow.paste_action.trigger()
    stored = window.repo.load(window.repo.list_forms()[0].id).form
    assert [i.name for i in stored.indicators] == [i.name for i in jinrongjie.indicators]
    assert (stored.department, stored.goals, stored.indicators) == (
        jinrongjie.department, jinrongjie.goals, jinrongjie.indicators)


def test_paste_action_is_in_the_file_menu(make_window: MakeWindow) -> None:
    window = make_window()
    actions = window.ui.menuFile.actions()
    assert window.import_flow.paste_action in actions
    assert actions.index(window.import_flow.paste_action) == actions.index(window.ui.actionImport) + 1


def _drop(window: Any, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)


def test_drag_and_drop_any_form_file(make_window: MakeWindow, messages: Messages, niujie: Form,
                                     tmp_path: Path) -> None:
    messages.choice = 1  # the second file is the same unit and year: 仍然导入一张
    window = make_window()
    answer = Answer()
    window.import_flow.exec_preview = answer
    docx = form_docx(niujie, tmp_path / "牛街.docx")
    exchange_file = tmp_path / "牛街.jixiao.json"
    exchange_file.write_text(exchange.dumps(niujie), encoding="utf-8")
    _drop(window, [docx, exchange_file])
    assert len(answer.seen) == 2
    assert len(window.repo.list_forms()) == 2


def test_dropping_other_files_is_refused(make_window: MakeWindow, tmp_path: Path) -> None:
    window = make_window()
    other = tmp_path / "photo.png"
    other.write_bytes(b"\x89PNG")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("letter.docx", None, "绩效指标"),
    ("broken.docx", b"PK\x03\x04 broken", "损坏"),
])
def test_bad_word_file_says_so_and_stores_nothing(make_window: MakeWindow, messages: Messages, tmp_path: Path,
                                                  name: str, content: bytes | None, expected: str) -> None:
    from tests.importers.docx_builder import para, write_docx

    window = make_window()
    path = tmp_path / name
    if content is None:
        write_docx(path, [para("关于召开会议的通知")])
    else:
        path.write_bytes(content)
    answer = Answer()
    window.import_flow.exec_preview = answer
    assert window.import_file(path) is None
    errors = messages.of(msgbox.Kind.ERROR)
    assert len(errors) == 1 and name in errors[0][2] and expected in errors[0][2]
    assert answer.seen == [] and window.repo.list_forms() == []


def test_every_import_in_the_window_is_preceded_by_a_backup(make_window: MakeWindow, niujie: Form,
                                                             jinrongjie: Form, tmp_path: Path) -> None:
    """spec/cli.md: a backup before every import — in the window as on the command line."""
    from jixiao_desktop.storage import backups

    window = make_window()
    window.import_flow.exec_preview = Answer()
    assert window.import_file(form_docx(niujie, tmp_path / "n.docx")) is not None
    # The first import into an empty database has nothing to keep; the second one does.
    assert window.import_file(form_docx(jinrongjie, tmp_path / "j.docx")) is not None
    made = [b for b in backups.list_backups(window.repo.db_path) if b.reason == "import"]
    assert made and made[0].forms >= 1


def test_a_self_evaluation_file_fills_the_units_form_of_that_year(make_window: MakeWindow, tmp_path: Path) -> None:
    """导入 of last year's 自评表 (issue 23 §7): the window offers to fill the form it has."""
    from jixiao_desktop.domain import evaluation as ev
    from tests.usecases.test_evaluation_import import evaluation_file, target

    window = make_window()
    form_id = window.repo.create(target())
    path = tmp_path / "2024自评表.jixiao.json"
    path.write_text(exchange.dumps(evaluation_file()), encoding="utf-8")
    window.import_flow.exec_preview = Answer()
    asked: list[str] = []
    window.import_flow.ask_fill = lambda title, text: asked.append(text) or True
    assert window.import_file(path) == form_id
    assert "自评表" in asked[0]
    assert len([f for f in window.repo.list_forms() if not f.deleted]) == 1  # no second form
    assert ev.item_text(window.repo.load(form_id).form.indicators[0].items[0], "actual_value") == "430"
