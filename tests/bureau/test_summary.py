"""``summary``: one row per collected form and a 合计 row, as .xlsx, .csv and JSON."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jixiao_desktop import cli
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form


@pytest.fixture
def collected(tmp_path: Path, db_target: str, jinrongjie: Form, niujie: Form,
              capsys: pytest.CaptureFixture[str]) -> str:
    for i, form in enumerate((jinrongjie, niujie)):
        form = form.copy()
        form.id, form.revision = f"{i + 1}" * 8 + "-1111-4111-8111-111111111111", i + 2
        (tmp_path / f"{i}.jixiao.json").write_text(exchange.dumps(form), encoding="utf-8")
    broken = niujie.copy()
    broken.department, broken.funds.total = "某某社区服务中心", "约一百万"  # not a number: kept as typed
    (tmp_path / "x.jixiao.json").write_text(exchange.dumps(broken), encoding="utf-8")
    assert cli.main(["collect", str(tmp_path), "--db", db_target]) == 0
    capsys.readouterr()
    return db_target


def test_summary_json(collected: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["summary", "--db", collected, "-"]) == 0
    doc = json.loads(capsys.readouterr().out)
    by_unit = {f["department"]: f for f in doc["forms"]}
    jr = by_unit["北京市西城区人民政府金融街街道办事处"]
    assert (jr["year"], jr["total"], jr["basic"], jr["project"], jr["revision"]) == (
        2021, "39985.49", "9344.54", "30640.95", 2)
    assert isinstance(jr["errors"], int) and isinstance(jr["warnings"], int)
    assert by_unit["某某社区服务中心"]["total"] == "约一百万"
    total = doc["total"]
    expected = sum(Decimal(f["total"]) for f in doc["forms"] if f["total"] != "约一百万")
    assert Decimal(total["total"]) == expected == Decimal("39985.49") + Decimal("22001.49")
    assert total["forms"] == 3 and total["unreadable_amounts"] == 1
    assert total["errors"] == sum(f["errors"] for f in doc["forms"])


def test_summary_xlsx_is_formatted_with_numbers_and_a_total_row(collected: str, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "汇总.xlsx"
    assert cli.main(["summary", "--db", collected, str(out)]) == 0
    ws = load_workbook(out).active
    assert ws["A1"].value == "部门整体支出绩效目标申报汇总表"
    assert [c.value for c in ws[3]] == ["单位名称", "年度", "状态", "资金总额", "基本支出", "项目支出",
                                         "错误数", "警告数", "版本", "最后修改", "阶段", "执行率", "自评得分"]
    assert ws["A3"].font.name == "宋体" and ws["A3"].font.bold
    rows = {r[0].value: r for r in ws.iter_rows(min_row=4)}
    jr = rows["北京市西城区人民政府金融街街道办事处"]
    assert jr[3].value == pytest.approx(39985.49) and jr[3].number_format == "#,##0.00"
    assert rows["某某社区服务中心"][3].value == "约一百万"
    total = next(r for name, r in rows.items() if str(name).startswith("合计"))
    assert "3 份" in total[0].value and "1 个金额无法识别" in total[0].value
    assert Decimal(str(total[3].value)) == Decimal("61986.98")
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)


def test_summary_csv_opens_in_excel_with_chinese(collected: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "汇总.csv"
    assert cli.main(["summary", "--db", collected, str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "单位名称" and rows[-1][0].startswith("合计")
    assert rows[-1][3] == "61986.98"


def test_summary_refuses_an_unknown_ending_and_writes_nothing(collected: str, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["summary", "--db", collected, str(tmp_path / "汇总.pdf")]) == 2
    assert "不支持的汇总表类型" in capsys.readouterr().err
    assert cli.main(["summary", "--db", collected, str(tmp_path / "无此文件夹" / "汇总.xlsx")]) == 2
    assert "不存在" in capsys.readouterr().err
    assert not list(tmp_path.glob("汇总*"))


def test_a_long_unit_name_gets_a_row_tall_enough_for_its_lines(tmp_path: Path) -> None:
    """Neither Excel nor Calc measures a wrapped row of a file they did not save: the summary sets
    the height, or the name's second line is drawn over the next row (tests/bureau/test_summary_in_calc.py)."""
    from datetime import UTC, datetime

    from jixiao_desktop.bureau.summary import write_summary
    from jixiao_desktop.domain.model import FormStatus
    from jixiao_desktop.storage.bureau import SummaryRow

    at = datetime(2026, 3, 15, tzinfo=UTC)
    names = ["北京市西城区人民政府牛街街道办事处", "北京市西城区教育委员会所属北京市第一百五十六中学（含附属小学及初中部）"]
    out = tmp_path / "汇总.xlsx"
    write_summary([SummaryRow(id=i, uuid=str(i), department=name, year=2026, status=FormStatus.DRAFT, total="1",
                              basic="1", project="0", errors=0, warnings=0, revision=1, updated_at=at)
                   for i, name in enumerate(names)], str(out))
    ws = load_workbook(out).active
    assert ws.row_dimensions[4].height is None  # one line: the default height
    assert ws.row_dimensions[5].height is not None and ws.row_dimensions[5].height >= 2 * 13.5
    assert ws["A5"].alignment.wrap_text


def test_a_yuan_form_is_summed_in_wan_and_the_json_names_each_profile(tmp_path: Path) -> None:
    """A Sichuan form types its amounts in 元: the summary (in 万元) converts it exactly, and its JSON
    says which rule profile each form was checked with (issue 16)."""
    from datetime import UTC, datetime

    from jixiao_desktop.bureau.summary import csv_text, to_json
    from jixiao_desktop.domain.model import FormStatus
    from jixiao_desktop.storage.bureau import SummaryRow

    at = datetime(2026, 3, 15, tzinfo=UTC)
    rows = [SummaryRow(id=1, uuid="a", department="成都市某单位", year=2026, status=FormStatus.DRAFT,
                       total="1234500.00", basic="1000000", project="234500", errors=0, warnings=0, revision=1,
                       updated_at=at, profile_id="xx-own", template="tabular", unit="元"),
            SummaryRow(id=2, uuid="b", department="北京市某单位", year=2026, status=FormStatus.DRAFT,
                       total="10.00", basic="4", project="6", errors=0, warnings=0, revision=1,
                       updated_at=at, template="bj-2021-dept-overall")]
    doc = to_json(rows)
    assert [f["total"] for f in doc["forms"]] == ["123.45", "10.00"]
    assert doc["total"]["total"] == "133.45"
    assert doc["forms"][0]["profile"] == "xx-own" and "本机没有此方案" in doc["forms"][0]["profile_name"]
    assert doc["forms"][1]["profile"] is None and doc["forms"][1]["profile_name"] == "北京市2021（bj-2021）"
    lines = list(csv.reader(io.StringIO(csv_text(rows))))
    assert lines[1][3] == "123.45"
