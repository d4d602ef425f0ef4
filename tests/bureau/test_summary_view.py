"""Issue 19, items 4 and 5: the summary follows the window — what the list shows, its filters in
the title — with the 未报 units of the 应报名单 (牛街街道办事处 is 牛街 and has reported), the
review and comment counts, 预算批复数 against 资金总额, last year against this year per unit, and
a 定稿指纹 column to check a paper copy with; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from jixiao_desktop.domain.model import Form
from jixiao_desktop.domain.review import ReviewStatus
from jixiao_desktop.storage.bureau import BureauStore
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.ui.bureau.window import BureauWindow


@pytest.fixture
def window(qtbot: Any, db_target: str, niujie: Form, jinrongjie: Form, tmp_path: Path) -> BureauWindow:
    with FormRepository.open(db_target) as repo:
        store = BureauStore(repo)
        for i, (form, year, total) in enumerate(((niujie, 2021, None), (jinrongjie, 2021, None),
                                                 (niujie, 2022, "23000.00"))):
            form = form.copy()
            form.id, form.year = f"{i:08d}-0000-4000-8000-000000000000", year
            if total:
                form.funds.total = total
            store.collect(form, source="test")
        this_year = next(r.id for r in store.rows() if r.year == 2022)
        store.set_review_status(this_year, ReviewStatus.RETURNED)
        store.save_comment(this_year, "goals", "", "目标请量化", author="张三")
    units = Workbook()
    ws = units.active
    ws.append(["序号", "单位编码", "单位名称", "联系人", "预算批复数（万元）"])
    ws.append([1, "101", "牛街街道办事处", "王五 66010000", 22500])
    ws.append([2, "102", "金融街街道", "赵六", 39985.49])
    ws.append([3, "103", "什刹海街道办事处", "钱七 66020000", 18000])
    units.save(tmp_path / "应报名单.xlsx")
    win = BureauWindow(db_target, author="张三")
    qtbot.addWidget(win)
    assert win.import_expected_units(tmp_path / "应报名单.xlsx")
    return win


def test_the_summary_exports_what_the_list_shows(window: BureauWindow, tmp_path: Path) -> None:
    window.filters.year.setCurrentIndex(window.filters.year.findData(2022))
    assert window.model.total == 1
    out = tmp_path / "汇总.xlsx"
    assert window.export_summary(out)
    ws = load_workbook(out).active
    assert ws["A1"].value == "部门整体支出绩效目标申报汇总表（2022年度）"
    header = [c.value for c in ws[3]]
    assert header[:10] == ["单位名称", "年度", "状态", "资金总额", "基本支出", "项目支出", "错误数", "警告数", "版本",
                           "最后修改"]
    col = {name: i for i, name in enumerate(header)}
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True)]
    data = [r for r in rows if r[1] == 2022]
    assert len(data) == 1  # 2021 is not in the list, so not in the summary
    row = data[0]
    assert row[col["审核"]] == "退回修改" and row[col["审核意见数"]] == 1
    assert Decimal(str(row[col["预算批复数"]])) == Decimal("22500")
    assert Decimal(str(row[col["与批复差额"]])) == Decimal("500.00")
    assert Decimal(str(row[col["上年资金总额"]])) == Decimal("22001.49")
    assert Decimal(str(row[col["比上年增减"]])) == Decimal("998.51")
    [total] = [r for r in rows if str(r[0]).startswith("合计")]
    assert Decimal(str(total[3])) == Decimal("23000.00") and "1 份" in total[0]
    texts = [str(r[0]) for r in rows if r[0]]
    counts = next(t for t in texts if "审核意见" in t and "份" in t)
    assert "退回修改 1 份" in counts and "审核意见 1 条" in counts and "未报 2 个单位" in counts
    missing = texts[texts.index("未报单位") + 1:]
    assert missing == ["金融街街道", "什刹海街道办事处"]  # 牛街街道办事处 has reported for 2022
    shichahai = next(r for r in rows if r[0] == "什刹海街道办事处")
    assert shichahai[1:3] == ("103", "钱七 66020000")


def test_all_years_get_a_total_each_and_the_csv_says_the_same(window: BureauWindow, tmp_path: Path) -> None:
    window.filters.search.setText("牛街")
    out = tmp_path / "汇总.csv"
    assert window.export_summary(out)
    lines = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert lines[0] == ["部门整体支出绩效目标申报汇总表（单位名称含“牛街”）"]
    totals = [line for line in lines if line and line[0].startswith("合计")]
    assert [t[0].split("，")[0] for t in totals] == ["合计（2021年度", "合计（2022年度"]
    assert [t[3] for t in totals] == ["22001.49", "23000.00"]


def test_the_final_form_s_fingerprint_is_in_its_row(window: BureauWindow, tmp_path: Path) -> None:
    row = next(window.model.row_at(i) for i in range(window.model.total) if window.model.row_at(i).year == 2021
               and "金融街" in window.model.row_at(i).department)
    fingerprint = window.repo.finalise(row.id)
    out = tmp_path / "汇总.xlsx"
    assert window.export_summary(out)
    ws = load_workbook(out).active
    header = [c.value for c in ws[3]]
    found = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] and "金融街" in str(r[0]) and r[1] == 2021]
    assert found[0][header.index("定稿指纹")] == fingerprint


def test_the_command_line_summary_of_one_year(window: BureauWindow, db_target: str, tmp_path: Path) -> None:
    from jixiao_desktop import cli

    window.close()
    out = tmp_path / "2022.xlsx"
    assert cli.main(["summary", "--db", db_target, "--year", "2022", str(out)]) == 0
    ws = load_workbook(out).active
    assert ws["A1"].value == "部门整体支出绩效目标申报汇总表（2022年度）"
    assert [r[1] for r in ws.iter_rows(min_row=4, values_only=True) if isinstance(r[1], int)] == [2022]
    assert "审核" in [c.value for c in ws[3]]
