"""The form list sorts in Python (``SourceSortProxy``): the same order a click on a header gave
before, the selection stays on its form, and refreshed rows keep the chosen order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt

from jixiao_desktop.domain.model import FormStatus
from jixiao_desktop.storage.types import FormSummary
from jixiao_desktop.ui.form_list import FormListPage

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _row(i: int, year: int, name: str) -> FormSummary:
    return FormSummary(id=i, year=year, department=name, template="", status=FormStatus.DRAFT,
                       updated_at=T0 + timedelta(hours=i), deleted=False, funds_need_review=False)


def _shown(page: FormListPage, column: int = 1) -> list[str]:
    return [page.proxy.index(r, column).data() for r in range(page.proxy.rowCount())]


def test_header_sorting_keeps_the_selection_and_survives_a_refresh(qtbot: Any, qtmodeltester: Any) -> None:
    page = FormListPage()
    qtbot.addWidget(page)
    rows = [_row(1, 2023, "丙单位"), _row(2, 2021, "甲单位"), _row(3, 2022, "乙单位")]
    page.set_rows(rows)
    assert _shown(page) == ["乙单位", "甲单位", "丙单位"]  # newest saved first (the default)
    page.select(2)
    page.ui.formTable.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # 年度
    assert _shown(page, 0) == ["2021", "2022", "2023"]
    assert page.selected_id() == 2  # the selection moved with its row
    page.ui.formTable.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert _shown(page, 0) == ["2023", "2022", "2021"]
    page.set_rows([*rows, _row(4, 2024, "丁单位")])  # a refresh keeps the order chosen
    assert _shown(page, 0) == ["2024", "2023", "2022", "2021"]
    qtmodeltester.check(page.model)


def test_the_short_columns_fit_their_longest_text(qtbot: Any) -> None:
    page = FormListPage()
    qtbot.addWidget(page)
    review = FormSummary(id=1, year=2026, department="甲单位", template="bj-2021-dept-overall",
                         status=FormStatus.DRAFT, updated_at=T0, deleted=False, funds_need_review=True,
                         errors=12, warnings=3)
    page.set_rows([review, _row(2, 2021, "乙单位")])
    table = page.ui.formTable
    metrics = table.fontMetrics()
    for column in (0, 2, 3, 4, 5, 6):
        longest = max(metrics.horizontalAdvance(str(page.proxy.index(r, column).data())) for r in range(2))
        assert table.columnWidth(column) > longest, column
    assert "草稿（资金待核对）" in {page.proxy.index(r, 3).data() for r in range(2)}


def test_the_search_box_looks_in_every_shown_column_and_ignores_case(qtbot: Any) -> None:
    page = FormListPage()
    qtbot.addWidget(page)
    review = FormSummary(id=9, year=2026, department="ABC实验中学", template="tabular", status=FormStatus.DRAFT,
                         updated_at=T0, deleted=False, funds_need_review=True)
    page.set_rows([_row(1, 2023, "丙单位"), _row(2, 2021, "甲单位"), review])

    def found(text: str) -> list[str]:
        page.ui.searchEdit.setText(text)
        return sorted(_shown(page))

    assert found("abc") == ["ABC实验中学"]
    assert found("资金待核对") == ["ABC实验中学"]  # 状态
    assert found("表格式") == ["ABC实验中学"]  # 格式
    assert found("2021") == ["甲单位"]  # 年度 (and no time of these rows has 2021 in it)
    assert found("  ") == ["ABC实验中学", "丙单位", "甲单位"]
    page.ui.searchEdit.setText("丁")
    page.set_rows([_row(1, 2023, "丙单位"), _row(4, 2024, "丁单位")])  # a refresh keeps the search
    assert _shown(page) == ["丁单位"]
