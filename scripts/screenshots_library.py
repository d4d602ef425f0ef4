"""Screenshots of the indicator library in the window (issue 22), at 1366×768 and 1024×768:
suggestions under a 三级 cell, the item after choosing, 推荐, the hint with its fix, the library
page, and 从指标库插入 on a layout A form.

usage: .venv/bin/python scripts/screenshots_library.py [OUT-DIR]  (offscreen; default docs/screenshots)"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TMP = tempfile.mkdtemp()
os.environ["JIXIAO_DB"] = TMP + "/j.db"
os.environ["JIXIAO_CONFIG_DIR"] = TMP + "/cfg"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget  # noqa: E402

from jixiao_desktop.app import create_application  # noqa: E402
from jixiao_desktop.domain import exchange  # noqa: E402
from jixiao_desktop.domain.model import Category  # noqa: E402
from jixiao_desktop.ui import msgbox  # noqa: E402
from jixiao_desktop.ui.editor.tabs.items import IndicatorItemsTab  # noqa: E402
from jixiao_desktop.ui.editor.tabs.rows import IndicatorRowsTab  # noqa: E402
from jixiao_desktop.ui.indicator_library import assist  # noqa: E402
from jixiao_desktop.ui.indicator_library.page import IndicatorLibraryDialog  # noqa: E402
from jixiao_desktop.ui.main_window import MainWindow  # noqa: E402
from jixiao_desktop.ui.settings import Settings  # noqa: E402
from tests.indicator_library.helpers import tabular_form  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
OUT.mkdir(parents=True, exist_ok=True)
app = create_application()
msgbox.show_message = lambda *a, **k: msgbox.Button.Yes  # type: ignore[assignment]


def settle() -> None:
    for _ in range(8):
        app.processEvents()


def shot(name: str, widget: QWidget, *popups: QWidget) -> None:
    settle()
    image = widget.grab().toImage()
    painter = QPainter(image)
    for popup in popups:  # top-level popups are not in the window's grab: paint them where they are
        if popup.isVisible():
            painter.drawPixmap(widget.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0))), popup.grab())
    painter.end()
    image.save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png")


def run(width: int, height: int) -> None:
    os.environ["JIXIAO_DB"] = f"{TMP}/j-{width}.db"  # each size starts from the same database
    w = MainWindow(Settings(), Path(os.environ["JIXIAO_DB"]))
    w.resize(width, height)
    w.show()
    w.finish_startup()
    unit = "北京市西城区人民政府示例街道办事处"
    last = tabular_form(2024, [("满意度指标", "服务对象满意度指标", "社会公众或服务对象满意度", "≥", "92", "%"),
                               ("产出指标", "数量指标", "组织培训班次", "≥", "12", "次")], unit)
    w.repo.create(last)
    this = tabular_form(2025, [("产出指标", "数量指标", "组织培训班次", "≥", "14", "次"),
                               ("效益指标", "社会效益指标", "森林火灾受害率", "≥", "1", "‰"),
                               ("满意度指标", "服务对象满意度指标", "", "", "", "")], unit)
    this.indicators[2].items[0].nature = this.indicators[2].items[0].direction = ""
    fid = w.repo.create(this)
    w.refresh_form_list()
    w.open_form(fid)
    settle()
    size = f"{width}x{height}"
    tab = next(t for t in w.editor.findChildren(IndicatorItemsTab) if t.category is Category.SATISFACTION)
    w.editor.show_category(Category.SATISFACTION)
    view = tab.ui.itemsView
    index = tab.model.index(tab.model.row_of(2, 0), tab.model.column_of("level3"))
    view.setCurrentIndex(index)
    view.edit(index)
    settle()
    line = view.findChild(QLineEdit)
    for end in range(1, 3):
        line.setText("满意"[:end])
        line.textEdited.emit("满意"[:end])
    settle()
    completer = line.findChild(QCompleter)
    shot(f"22-library-suggest-{size}", w, completer.popup())
    label = completer.popup().model().index(0, 0).data()
    completer.activated.emit(label)
    settle()
    view.setCurrentIndex(tab.model.index(tab.model.row_of(2, 0), tab.model.column_of("value")))
    shot(f"22-library-chosen-{size}", w)
    w.checker.run_now()
    w.editor.show_category(Category.OUTCOME)
    shot(f"22-library-hint-{size}", w)
    page = IndicatorLibraryDialog(w, w.indicator_library.library())
    page.resize(min(960, width - 40), min(600, height - 60))
    page.show()
    page.ui.searchEdit.setText("满意度")
    page.ui.entriesView.setCurrentIndex(page.model.index(0, 0))
    shot(f"22-library-page-{size}", page)
    page.close()
    out_tab = next(t for t in w.editor.findChildren(IndicatorItemsTab) if t.category is Category.OUTPUT)
    w.editor.show_category(Category.OUTPUT)
    out_tab.ui.itemsView.setCurrentIndex(out_tab.model.index(0, 1))
    picker = assist.PickDialog(w, "推荐：数量指标", lambda _t: w.indicator_library.library().recommend(
        assist.SearchContext("产出指标", "数量指标"), ["组织培训班次"], 30), "", with_search=False)
    picker.resize(min(640, width - 80), 420)
    picker.show()
    shot(f"22-library-recommend-{size}", picker)
    picker.close()
    jid = w.repo.create(exchange.load(ROOT / "tests" / "fixtures" / "jinrongjie-2021.json"))
    w.open_form(jid)
    settle()
    rows = next(t for t in w.editor.findChildren(IndicatorRowsTab) if t.category is Category.SATISFACTION)
    w.editor.show_category(Category.SATISFACTION)
    insert = assist.PickDialog(w, "从指标库插入", lambda t: w.indicator_library.library().suggest(
        t or "满意度", assist.SearchContext(sector="街道"), 30), "输入指标名称或关键词")
    insert.searchEdit.setText("满意度")
    insert.resize(min(640, width - 80), 420)
    insert.show()
    shot(f"22-library-layoutA-insert-{size}", insert)
    insert.close()
    shot(f"22-library-layoutA-{size}", w)
    rows.deleteLater()
    w.close()


for width, height in ((1366, 768), (1024, 768)):
    run(width, height)
