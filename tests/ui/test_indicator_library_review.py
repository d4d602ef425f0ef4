"""A bureau's 指标库 travels with its review file: the bureau builds or imports it, exports the
审核意见 file, and the unit that imports the file has the bureau's entries in its library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jixiao_desktop import cli
from jixiao_desktop.domain.indicator_library.carry import library_in_review
from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.ui.bureau import hooks
from jixiao_desktop.ui.bureau.review_dialog import ReviewDialog
from jixiao_desktop.ui.bureau.window import BureauWindow
from jixiao_desktop.usecases.indicator_library import IndicatorLibrary


def test_the_bureaus_library_comes_with_its_review_file(qtbot: Any, make_window: Any, messages: Any,
                                                        db_path: Path, tmp_path: Path, niujie: Form,
                                                        capsys: Any) -> None:
    with FormRepository.open(db_path) as repo:
        form_id = repo.create(niujie)
    sent = tmp_path / "牛街.jixiao.json"
    assert cli.main(["export-db", str(form_id), str(sent), "--db", str(db_path)]) in (0, 1)
    bureau_db = tmp_path / "财政局" / "bureau.db"
    assert cli.main(["collect", str(sent), "--db", str(bureau_db)]) == 0
    with FormRepository.open(bureau_db) as repo:
        from jixiao_desktop.domain.indicator_library import LibraryEntry, bureau_source

        IndicatorLibrary(repo).import_entries([LibraryEntry(
            "背街小巷整治条数", level1="产出指标", level2="数量指标", operator="≥", unit="条", direction="正向",
            source=bureau_source("西城区财政局"), source_document="西城区街道共性指标（2026）")])
    capsys.readouterr()
    bureau = BureauWindow(str(bureau_db), author="西城区财政局 张三")
    qtbot.addWidget(bureau)
    dialog = ReviewDialog(bureau.store, bureau.model.row_at(0).id, author="张三", parent=bureau)
    qtbot.addWidget(dialog)
    dialog.field_combo.setCurrentIndex(dialog.field_combo.findData("funds.total"))
    dialog._add_field_line()
    dialog.comment_edit.setPlainText("请选用区里的共性指标")
    assert dialog.save_current()
    review_file = tmp_path / "牛街.jixiao-review.json"
    assert dialog.export_review(review_file)
    bureau.close()
    carried = library_in_review(review_file.read_bytes(), "bureau:x")
    assert [(e.level3, e.source) for e in carried] == [("背街小巷整治条数", "bureau:西城区财政局")]

    window = make_window()
    assert hooks.import_review(window, review_file), messages.shown
    entries = IndicatorLibrary(window.repo).entries()
    found = [e for e in entries if e.level3 == "背街小巷整治条数"]
    assert found and found[0].source == "bureau:西城区财政局" and found[0].unit == "条"
