"""The Excel sheet as a clerk edits and prints it: 宋体 row heights, visible 方向/备注, headers not
clipped, formulas typed in Excel read as their values, ``_x000D_`` decoded, normal permissions."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from jixiao_desktop.atomic import atomic_write
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from jixiao_desktop.exporters.xlsx import XlsxImportError, export_xlsx, import_xlsx

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _school() -> Form:
    return exchange.load(FIXTURES / "school-tabular-2023.json")


def _rewrite_sheet(path: Path, change: re.Pattern[str] | str, into: str) -> None:
    """Edit the sheet XML in place, as Excel would have saved it."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    name = "xl/worksheets/sheet1.xml"
    xml, n = re.subn(change, into, parts[name].decode("utf-8"), count=1)
    assert n == 1
    parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            z.writestr(part, data)


def test_direction_and_note_are_visible_columns_and_come_back(tmp_path: Path) -> None:
    form = _school()
    path = tmp_path / "s.xlsx"
    export_xlsx(form, path)
    ws = openpyxl.load_workbook(path).active
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "一级指标")
    assert [ws.cell(header, c).value for c in (8, 9)] == ["方向", "备注"]
    assert not ws.column_dimensions["H"].hidden and not ws.column_dimensions["I"].hidden
    notes = [ws.cell(r, 9).value for r in range(header + 1, ws.max_row + 1)]
    assert "暑期完成" in notes
    back = import_xlsx(path)
    assert [i.note for ind in back.indicators for i in ind.items] == \
        [i.note for ind in form.indicators for i in ind.items]
    assert [i.direction for ind in back.indicators for i in ind.items] == \
        [i.direction for ind in form.indicators for i in ind.items]


def test_a_note_typed_in_the_visible_column_is_imported(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    export_xlsx(_school(), path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "一级指标")
    ws.cell(header + 1, 9).value = "指标解释：在校生以学籍为准"
    wb.save(path)
    assert import_xlsx(path).indicators[0].items[0].note == "指标解释：在校生以学籍为准"


def test_headers_are_never_clipped(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    export_xlsx(_school(), path)
    ws = openpyxl.load_workbook(path).active
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "一级指标")
    # 指标性质 in a 6-unit column wraps onto two lines: the row is two lines high.
    assert ws.row_dimensions[header].height >= 2 * 14.25


def test_row_heights_follow_song_metrics(jinrongjie: Form, tmp_path: Path) -> None:
    """An indicator row is as tall as its text wraps in 宋体 and may grow when text is added."""
    path = tmp_path / "j.xlsx"
    export_xlsx(jinrongjie, path)
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode("utf-8")
    ws = openpyxl.load_workbook(path).active
    assert ws.cell(1, 1).font.name == "宋体"
    style_font = openpyxl.load_workbook(path)._fonts[0]  # the 常规 font sets the width unit
    assert style_font.name == "宋体" and style_font.sz == 11
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "效果指标-服务对象满意度指标")
    # 2 short lines of content: two 14.25 pt lines and the padding, no more.
    assert ws.row_dimensions[row].height <= 3 * 14.25 + 2
    assert re.search(rf'<row r="{row}"[^>]*customHeight="1"', xml) is None


def test_a_formula_typed_in_excel_reads_as_its_value(jinrongjie: Form, tmp_path: Path) -> None:
    path = tmp_path / "j.xlsx"
    export_xlsx(jinrongjie, path)
    # 资金总额 = 基本支出 + 项目支出, as a clerk would type it; Excel keeps the value it computed.
    _rewrite_sheet(path, r'(<c r="C4"[^>]*?)(?: t="n")?><v>39985.49</v>', r'\1><f>C5+C6</f><v>39985.49</v>')
    assert import_xlsx(path).funds.total == "39985.49"


def test_a_formula_without_a_computed_value_is_refused_in_chinese(jinrongjie: Form, tmp_path: Path) -> None:
    path = tmp_path / "j.xlsx"
    export_xlsx(jinrongjie, path)
    _rewrite_sheet(path, r'(<c r="C4"[^>]*?)(?: t="n")?><v>39985.49</v>', r'\1><f>C5+C6</f>')
    with pytest.raises(XlsxImportError, match=r"C4.*公式"):
        import_xlsx(path)


def test_carriage_returns_saved_by_excel_are_decoded(jinrongjie: Form, tmp_path: Path) -> None:
    path = tmp_path / "j.xlsx"
    jinrongjie.goals = "第一段"
    jinrongjie.other_notes = "文件名 a_x000D_b 照打"  # typed literally: must come back literally
    export_xlsx(jinrongjie, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "第一段")
    ws.cell(row, 2).value = "第一段_x000D_\n第二段"  # what Excel writes for a typed CR LF
    wb.save(path)
    back = import_xlsx(path)
    assert back.goals == "第一段\n第二段"
    assert back.other_notes == "文件名 a_x000D_b 照打"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_exported_files_get_the_users_normal_permissions(jinrongjie: Form, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "new.xlsx"
        atomic_write(fresh, lambda tmp: export_xlsx(jinrongjie, tmp))
        assert fresh.stat().st_mode & 0o777 == 0o644  # not the 0600 of a temporary file
        kept = tmp_path / "kept.xlsx"
        kept.write_bytes(b"old")
        kept.chmod(0o640)
        atomic_write(kept, lambda tmp: export_xlsx(jinrongjie, tmp))
        assert kept.stat().st_mode & 0o777 == 0o640  # an existing file keeps its permissions
    finally:
        os.umask(old)
