"""The bureau window: the list (lazy, sorted and filtered by the database), collecting with a
progress bar, expected units, the review dialog with 审核意见 and the review file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt

from jixiao_desktop.domain import exchange, review
from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage.bureau import BureauStore, CheckCounts
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.bureau import list_model
from jixiao_desktop.ui.bureau.review_dialog import ReviewDialog
from jixiao_desktop.ui.bureau.window import BureauWindow

JR = "北京市西城区人民政府金融街街道办事处"
NJ = "北京市西城区人民政府牛街街道办事处"


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def fake(parent: object, kind: object, title: str, text: str, *args: object, **kw: object) -> object:
        shown.append((title, text))
        return msgbox.Button.Ok

    monkeypatch.setattr(msgbox, "show_message", fake)
    return shown


def _store(db: str, *forms: Form) -> None:
    with FormRepository.open(db) as repo:
        store = BureauStore(repo)
        for i, form in enumerate(forms):
            form = form.copy()
            form.id = form.id or f"{i:08d}-0000-4000-8000-000000000000"
            store.collect(form, source="test")


@pytest.fixture
def window(qtbot, db_target: str, jinrongjie: Form, niujie: Form):
    _store(db_target, jinrongjie, niujie)
    win = BureauWindow(db_target, author="审核员甲")
    qtbot.addWidget(win)
    return win


def _units(win: BureauWindow) -> list[str]:
    model = win.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_the_list_shows_sorts_and_filters(window: BureauWindow, qtmodeltester, niujie: Form) -> None:
    qtmodeltester.check(window.model)
    assert _units(window) == [JR, NJ]  # 拼音: 金(jin)融街 before 牛(niu)街 (by code point 牛 < 金)
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _units(window) == [NJ, JR]
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert window.count_label.text() == "共 2 份申报表"
    window.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # 资金总额, by value
    assert _units(window) == [JR, NJ]
    assert window.model.index(0, 3).data() == "39,985.49"
    window.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    assert _units(window) == [NJ, JR]
    window.filters.search.setText("牛街")
    assert _units(window) == [NJ]
    window.filters.search.clear()
    errors = {window.model.index(r, 0).data(): int(window.model.index(r, 6).data())
              for r in range(window.model.rowCount())}
    window.filters.errors.setCurrentIndex(1)  # 只看有错误的
    assert set(_units(window)) == {u for u, n in errors.items() if n > 0}
    window.filters.errors.setCurrentIndex(2)
    assert set(_units(window)) == {u for u, n in errors.items() if n == 0}
    window.filters.errors.setCurrentIndex(0)
    assert window.filters.year.findData(2021) >= 0
    window.filters.year.setCurrentIndex(window.filters.year.findData(2021))
    assert len(_units(window)) == 2
    from jixiao_desktop.domain.evaluation import Stage

    window.filters.stage.setCurrentIndex(window.filters.stage.findData(Stage.EVALUATION))  # 自评
    assert _units(window) == []  # both forms are at the 申报 stage
    window.filters.stage.setCurrentIndex(window.filters.stage.findData(Stage.TARGET))
    assert len(_units(window)) == 2


def test_the_list_reads_only_the_rows_it_shows(qtbot, monkeypatch: pytest.MonkeyPatch, db_target: str,
                                               jinrongjie: Form, qtmodeltester) -> None:
    monkeypatch.setattr(list_model, "PAGE", 4)
    with FormRepository.open(db_target) as repo:
        for i in range(10):
            form = jinrongjie.copy()
            form.department = f"第{i:02d}号单位"
            form.id = f"{i:08d}-1111-4111-8111-111111111111"
            BureauStore(repo).collect(form, source="t", counts=CheckCounts(0, 0, 0))
    model = list_model.BureauListModel(BureauStore(FormRepository.open(db_target)))
    model.set_query(model.query)
    assert model.rowCount() == 10 and model.pages_read == 0  # the length is known, nothing read yet
    assert model.index(9, 0).data() == "第09号单位"  # a jump to the end reads that page only
    assert model.pages_read == 1
    assert model.index(8, 0).data() == "第08号单位" and model.pages_read == 1
    assert [model.index(r, 0).data() for r in range(10)] == [f"第{i:02d}号单位" for i in range(10)]
    assert model.pages_read == 3
    qtmodeltester.check(model)
    model._store.repo.close()


def test_collecting_from_the_window(qtbot, window: BureauWindow, tmp_path: Path, niujie: Form,
                                    messages: list) -> None:
    newer = niujie.copy()
    newer.id, newer.revision, newer.department = "99999999-9999-4999-8999-999999999999", 1, "新单位"
    box = tmp_path / "收件"
    box.mkdir()
    (box / "新单位.jixiao.json").write_text(exchange.dumps(newer), encoding="utf-8")
    (box / "坏.jixiao.json").write_text("{", encoding="utf-8")
    with qtbot.waitSignal(window.collect_finished, timeout=60000) as blocker:
        assert window.start_collect([str(box)])
    report = blocker.args[0]
    assert report.added == 1 and len(report.refused) == 1
    assert "新单位" in _units(window)
    assert window.progress.isHidden()
    if window.repo.is_file:  # a backup was taken before the collect
        from jixiao_desktop.storage.backups import list_backups

        assert "collect" in [b.reason for b in list_backups(window.repo.db_path)]
    [(title, text)] = messages  # the refused file is named
    assert title == "收集完成" and "无法收入 1 个文件" in text


def test_missing_units_from_an_imported_workbook(window: BureauWindow, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["2025年应报单位名单"])
    ws.append(["序号", "单位名称", "备注"])
    ws.append([1, JR, ""])
    ws.append([2, "北京市西城区人民政府德胜街道办事处", "新增"])
    ws.append([3, NJ, ""])
    path = tmp_path / "名单.xlsx"
    wb.save(path)
    assert window.import_expected_units(path)
    assert window.missing.count() == 1
    assert window.missing.item(0).text() == "北京市西城区人民政府德胜街道办事处"
    assert "1 / 3" in window.missing_label.text()
    window.filters.year.setCurrentIndex(window.filters.year.findData(2021))
    assert window.missing.count() == 1


def test_a_workbook_that_is_no_list_is_refused(window: BureauWindow, tmp_path: Path, messages: list) -> None:
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a workbook")
    assert not window.import_expected_units(bad)
    [(title, text)] = messages
    assert title == "导入应报单位名单失败" and "坏.xlsx" in text


def test_review_comments_are_saved_and_never_overwritten(qtbot, window: BureauWindow, tmp_path: Path,
                                                         messages: list) -> None:
    form_id = window.model.row_at(0).id
    dialog = ReviewDialog(window.store, form_id, author="审核员甲", parent=window)
    qtbot.addWidget(dialog)
    other = ReviewDialog(window.store, form_id, author="审核员乙", parent=window)
    qtbot.addWidget(other)
    assert dialog.table.rowCount() == len(dialog.findings)
    dialog.field_combo.setCurrentIndex(dialog.field_combo.findData("goals"))
    dialog._add_field_line()
    dialog.comment_edit.setPlainText("绩效目标过于笼统，请按职能分项细化")
    assert dialog.save_current()
    # The second reviewer had the dialog open before: saving the same line is refused.
    other.field_combo.setCurrentIndex(other.field_combo.findData("goals"))
    other._add_field_line()
    other.comment_edit.setPlainText("另一个意见")
    assert not other.save_current()
    assert "另一位审核人员（审核员甲）" in messages[-1][1]
    [comment] = window.store.comments(form_id)
    assert comment.text == "绩效目标过于笼统，请按职能分项细化" and comment.author == "审核员甲"
    # A finding's line takes a comment too.
    if dialog.findings:
        f = dialog.findings[0]
        assert dialog.select_line(f.field, f.rule)
        dialog.comment_edit.setPlainText("请改正")
        assert dialog.save_current()
    out = tmp_path / "意见.jixiao-review.json"
    assert dialog.export_review(out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "jixiao-review" and doc["form"]["id"] == dialog.form.id
    back = review.load(out)
    assert {c.field for c in back.comments} >= {"goals"}
    assert back.revision == dialog.form.revision


def test_summary_from_the_window(window: BureauWindow, tmp_path: Path) -> None:
    out = tmp_path / "汇总.csv"
    assert window.export_summary(out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_forms_not_collected_get_their_counts(qtbot, db_target: str, jinrongjie: Form) -> None:
    from jixiao_desktop.domain.checks import run_checks
    from jixiao_desktop.domain.findings import Severity

    with FormRepository.open(db_target) as repo:
        repo.create(jinrongjie)  # an import, not a collect: no counts stored yet
    win = BureauWindow(db_target)
    qtbot.addWidget(win)
    findings = run_checks(jinrongjie)
    assert win.model.index(0, 7).data() == str(sum(f.severity is Severity.WARNING for f in findings))
    assert win.model.index(0, 6).data() == str(sum(f.severity is Severity.ERROR for f in findings))


def test_a_tabular_form_offers_its_groups_by_their_second_level() -> None:
    from jixiao_desktop.domain.fields import field_label
    from jixiao_desktop.ui.bureau.review_dialog import field_paths

    form = exchange.load(Path(__file__).resolve().parents[1] / "fixtures" / "school-tabular-2023.json")
    groups = [p for p in field_paths(form) if p.startswith("indicators[") and ".items[" not in p]
    assert groups and all(p.endswith(".level2") for p in groups)  # no empty 指标名称 to comment on
    assert all(field_label(p).endswith("二级指标") for p in groups)


def test_unit_names_sort_by_pinyin() -> None:
    names = ["中关村街道", "安定门街道", "北京市第10中学", "北京市第2中学", "白纸坊街道", "德胜街道"]
    order = list_model.pinyin_order(list(enumerate(names)))
    assert [names[i] for i in order] == ["安定门街道", "白纸坊街道", "北京市第2中学", "北京市第10中学", "德胜街道",
                                         "中关村街道"]


def test_file_dialogs_open_in_documents_then_where_the_reviewer_went(
        window: BureauWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from PySide6.QtCore import QStandardPaths

    from jixiao_desktop.ui import msgbox

    asked: list[str] = []
    inbox = tmp_path / "收件箱"
    inbox.mkdir()
    monkeypatch.setattr(msgbox, "ask_folder", lambda parent, title, directory: asked.append(directory) or inbox)
    monkeypatch.setattr(window, "start_collect", lambda paths: True)
    window._ask_collect_folder()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert asked[0] in (documents, str(Path.home())) and asked[0] != str(Path.cwd())
    saved: list[str] = []
    monkeypatch.setattr(msgbox, "ask_save_path", lambda parent, title, suggested, filters: saved.append(suggested))
    window._ask_summary()
    assert saved == [str(inbox / "绩效目标申报汇总表.xlsx")]


def test_the_review_dialog_fits_small_screens_and_a_long_path_never_widens_it(window: BureauWindow) -> None:
    from jixiao_desktop.ui.bureau.review_dialog import ReviewDialog

    dialog = ReviewDialog(window.store, window.model.row_at(0).id, author="张三", parent=window)
    available = dialog.screen().availableGeometry()
    assert dialog.width() <= available.width() and dialog.height() <= available.height()
    long_path = "/home/财政局/审核/2021年度/各街道办事处/第二批/" * 6 + "金融街2021.jixiao-review.json"
    dialog.status.setText(f"已导出审核意见文件：{long_path}")
    assert dialog.minimumSizeHint().width() <= 1024 - 16  # 1024×768 less the frame
    assert dialog.status.toolTip().endswith("金融街2021.jixiao-review.json")  # whole in the tooltip
    dialog.resize(1008, 680)
    dialog.show()
    for button in (dialog.save_button, dialog.export_button):
        assert dialog.rect().contains(button.mapTo(dialog, button.rect().bottomRight()))
    assert dialog.table.columnViewportPosition(2) + 40 < dialog.table.viewport().width()  # 审核意见 shown
    dialog.close()
