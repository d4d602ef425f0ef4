"""A bureau hands out its library as .xlsx; the CLI's library commands; the district library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from jixiao_desktop.cli import main
from jixiao_desktop.domain.indicator_library import LibraryEntry, bureau_source
from jixiao_desktop.exporters.library_xlsx import HEADERS, LibraryWorkbookError, read_library_xlsx
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.usecases.indicator_library import IndicatorLibrary
from tests.indicator_library.helpers import tabular_form

SPEC_HEADERS = ("一级指标", "二级指标", "三级指标", "指标性质", "运算符", "计量单位", "指标方向", "指标解释",
                "评(扣)分标准", "行业", "关键词")


def _bureau_workbook(path: Path, rows: list[list[str]], headers: tuple[str, ...] = (*SPEC_HEADERS, "备注")) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["西城区财政局 街道共性指标库"])  # a title row above the header, as bureaus do
    ws.append(list(headers))
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


GOOD = ["产出指标", "数量指标", "道路清扫保洁面积", "定量", "≥", "平方米", "正向", "辖区道路保洁面积", "未达标扣分",
        "街道", "环卫 保洁", "区城管委口径"]


def test_export_has_the_spec_columns_in_order_and_keeps_unknown_columns(tmp_path: Path) -> None:
    source = _bureau_workbook(tmp_path / "下发.xlsx", [GOOD])
    with FormRepository.open(tmp_path / "a.db") as repo:
        library = IndicatorLibrary(repo)
        counts = library.import_file(source, "西城区财政局")
        assert (counts.added, counts.updated) == (1, 0)
        library.export_file(tmp_path / "导出.xlsx")
    ws = load_workbook(tmp_path / "导出.xlsx").active
    header = [c.value for c in ws[1]]
    assert tuple(header[:11]) == SPEC_HEADERS == HEADERS
    assert header[11:13] == ["来源", "来源文件"]
    assert header[13] == "备注"
    row = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[2] == "道路清扫保洁面积")
    assert row[:11] == tuple(GOOD[:11])
    assert row[11] == "bureau:西城区财政局" and row[13] == "区城管委口径"


def test_a_bad_row_is_refused_naming_row_and_column_and_nothing_is_stored(tmp_path: Path) -> None:
    bad = list(GOOD)
    bad[2], bad[4] = "垃圾分类覆盖率", "大于"
    source = _bureau_workbook(tmp_path / "下发.xlsx", [GOOD, bad])
    with FormRepository.open(tmp_path / "a.db") as repo:
        library = IndicatorLibrary(repo)
        before = len(library.entries())
        with pytest.raises(LibraryWorkbookError, match=r"第 4 行 E 列（运算符）是“大于”"):
            library.import_file(source, "西城区财政局")
        library.invalidate()
        assert len(library.entries()) == before
    empty = list(GOOD)
    empty[2] = ""
    with pytest.raises(LibraryWorkbookError, match=r"第 3 行 C 列（三级指标）为空"):
        read_library_xlsx(_bureau_workbook(tmp_path / "空.xlsx", [empty]), source="bureau:x")
    (tmp_path / "坏.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(LibraryWorkbookError, match="不是Excel 工作簿"):
        read_library_xlsx(tmp_path / "坏.xlsx", source="bureau:x")


def test_a_name_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    with FormRepository.open(tmp_path / "a.db") as repo:
        library = IndicatorLibrary(repo)
        library.add(LibraryEntry("=HYPERLINK(\"http://x\")", source=bureau_source("x")))
        library.export_file(tmp_path / "导出.xlsx")
    ws = load_workbook(tmp_path / "导出.xlsx").active
    cell = next(c for c in ws["C"] if c.value and str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"


def test_cli_library_list_import_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "a.db")
    assert main(["library", "list", "--json", "--db", db]) == 0
    listed = json.loads(capsys.readouterr().out)["entries"]
    assert len(listed) >= 200 and {e["source"] for e in listed} == {"common"}
    assert all(e["source_document"] for e in listed)
    source = _bureau_workbook(tmp_path / "下发.xlsx", [GOOD])
    assert main(["library", "import", str(source), "--name", "西城区财政局", "--db", db]) == 0
    assert "新增 1 条" in capsys.readouterr().out
    assert main(["library", "export", str(tmp_path / "出.xlsx"), "--db", db]) == 0
    assert (tmp_path / "出.xlsx").exists()
    bad = list(GOOD)
    bad[6] = "越高越好"
    assert main(["library", "import", str(_bureau_workbook(tmp_path / "坏.xlsx", [bad])), "--db", db]) == 2
    err = capsys.readouterr().err
    assert "第 3 行 G 列（指标方向）" in err and "Traceback" not in err


def test_the_bureau_builds_a_district_library_from_all_units_forms(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "bureau.db"
    with FormRepository.open(db) as repo:
        for unit, name in (("甲街道办事处", "服务对象满意度"), ("乙街道办事处", "服务对象满意度（%）"),
                           ("丙街道办事处", "居民满意度")):
            repo.create(tabular_form(2025, [("满意度指标", "服务对象满意度指标", name, "≥", "95", "%")],
                                     department=unit))
    assert main(["library", "build", "--name", "西城区财政局", "--db", str(db)]) == 0
    assert main(["library", "list", "--json", "--db", str(db)]) == 0
    entries = json.loads(capsys.readouterr().out.split("\n", 1)[1])["entries"]
    district = {e["level3"]: e["uses"] for e in entries if e["source"] == "bureau:西城区财政局"}
    assert district == {"服务对象满意度": 2, "居民满意度": 1}


def test_collect_can_rebuild_the_district_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from jixiao_desktop.domain import exchange

    for unit in ("甲街道办事处", "乙街道办事处"):
        form = tabular_form(2025, [("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "95", "%")],
                            department=unit)
        (tmp_path / f"{unit}.jixiao.json").write_text(exchange.dumps(form), encoding="utf-8")
    db = str(tmp_path / "bureau.db")
    assert main(["collect", str(tmp_path), "--library", "西城区财政局", "--json", "--db", db]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["added"] == 2 and report["library"] == {"name": "西城区财政局", "entries": 1}
