"""The form list as a clerk uses it, and its model as Qt's model tester checks it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt

from jixiao_desktop.domain.model import FormStatus
from jixiao_desktop.storage.repository import FormSummary
from jixiao_desktop.ui.form_list import FormListModel, format_time


def _summary(form_id: int, year: int | None, department: str, status: FormStatus = FormStatus.DRAFT,
             template: str = "bj-2021-dept-overall") -> FormSummary:
    return FormSummary(id=form_id, year=year, department=department, template=template, status=status,
                       updated_at=datetime(2026, 11, 23, 19, 5, 7, tzinfo=UTC), deleted=False,
                       funds_need_review=False)


def test_form_list_model_passes_the_model_tester(qapp: Any, qtmodeltester: Any) -> None:
    model = FormListModel()
    qtmodeltester.check(model)
    model.set_rows([_summary(1, 2021, "金融街街道办事处"), _summary(2, None, "", FormStatus.FINAL),
                    _summary(3, 2023, "某小学", template="tabular")])
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_times_are_shown_to_the_second() -> None:
    shown = format_time(datetime(2026, 11, 23, 19, 5, 7))
    assert shown == "2026-11-23 19:05:07"


def test_the_list_shows_the_format_and_the_search_box_finds_a_unit(make_window: Any, jinrongjie: Any,
                                                                   niujie: Any) -> None:
    from jixiao_desktop.domain import exchange
    from tests.conftest import FIXTURES

    window = make_window()
    assert window.repo is not None
    for form in (jinrongjie, niujie, exchange.load(FIXTURES / "school-tabular-2023.json")):
        window.repo.create(form)
    window.refresh_form_list()
    page = window.form_list
    headers = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(page.proxy.columnCount())]
    assert "格式" in headers
    column = headers.index("格式")
    shown = {page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())}
    assert shown == {"北京2021部门整体", "表格式"}

    page.ui.searchEdit.setText("牛街")  # what the clerk types into 查找表单
    assert page.proxy.rowCount() == 1
    assert "牛街" in page.proxy.index(0, 1).data()
    assert page.selected_id() is not None
    page.ui.searchEdit.setText("2099")
    assert page.proxy.rowCount() == 0
    page.ui.searchEdit.clear()
    assert page.proxy.rowCount() == 3


def test_the_list_shows_errors_and_warnings_per_form(make_window: Any, jinrongjie: Any, niujie: Any) -> None:
    """A clerk with many forms sees which still have errors (cannot be finalised) without opening each."""
    window = make_window()
    assert window.repo is not None
    broken = jinrongjie.copy()
    broken.funds.basic = "9344.55"  # 资金总额 ≠ 基本 + 项目
    window.repo.create(broken)
    window.repo.create(niujie)
    window.refresh_form_list()
    proxy = window.form_list.proxy
    headers = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    errors, warnings, unit = headers.index("错误"), headers.index("警告"), headers.index("部门（单位）")
    shown = {proxy.index(r, unit).data(): (proxy.index(r, errors).data(), proxy.index(r, warnings).data())
             for r in range(proxy.rowCount())}
    assert shown[broken.department][0] == "1"
    assert shown[niujie.department][0] == "0" and int(shown[niujie.department][1]) >= 3
    # sorting by 错误 puts the form that cannot be finalised first
    proxy.sort(errors, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, unit).data() == broken.department


def test_the_unit_name_column_keeps_room_for_a_name_on_a_small_screen(make_window: Any, qtbot: Any,
                                                                      niujie: Any) -> None:
    """At 1024×768 the 部门（单位） column was squeezed to 18 px: the clerk saw no unit names."""
    from jixiao_desktop.ui.form_list import DEPARTMENT_MIN_PX

    window = make_window()
    window.repo.create(niujie)
    window.refresh_form_list()
    for width in (1024, 1366):
        window.resize(width, 740)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(20)
        table = window.form_list.ui.formTable
        header = table.horizontalHeader()
        assert header.sectionSize(1) >= DEPARTMENT_MIN_PX
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != 1)
        assert header.sectionSize(1) >= table.viewport().width() - others - 1  # and all the room left
