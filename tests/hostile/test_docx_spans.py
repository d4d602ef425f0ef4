"""A forged ``w:gridSpan``/``w:gridBefore`` cannot make the Word importer walk a billion columns
(issue 18, item 3: a 10 KB .docx with ``w:gridSpan w:val="1000000000"`` took 14 s and 5.3 GB)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from jixiao_desktop.importers import WordImportError, read_word_form
from jixiao_desktop.importers.table_grid import MAX_GRID_COLUMNS, RawCell, resolve_rows
from tests.importers.docx_builder import C, para, table, write_docx

HUGE = 1_000_000_000


def forged_docx(path: Path) -> Path:
    rows = [[C([para("单位名称")]), C([para("北京市西城区某某单位")], span=HUGE)],
            [C([para("年度")], span=HUGE), C([para("2026")], span=HUGE)],
            [C([para("绩效目标")]), C([para("目标")], span=HUGE, vmerge="restart")],
            [C([para("")]), C([para("")], span=HUGE, vmerge="continue")]]
    return write_docx(path, [para("部门整体支出绩效目标申报表"), table(rows, [1500, 6000])])


def test_spans_are_clamped_to_the_grid() -> None:
    rows = resolve_rows([(HUGE, [RawCell(["a"], HUGE)]), (0, [RawCell(["b"], HUGE), RawCell(["c"], HUGE)])])
    assert all(cell.col + cell.span <= MAX_GRID_COLUMNS + 1 for row in rows for cell in row.cells)
    assert [cell.lines for cell in rows[1].cells] == [["b"], ["c"]]  # nothing dropped
    ordinary = resolve_rows([(1, [RawCell(["x"], 3), RawCell(["y"])])])
    assert [(c.col, c.span) for c in ordinary[0].cells] == [(1, 3), (4, 1)]  # a real table as before


def test_a_forged_span_in_a_docx_is_read_within_bounded_memory(tmp_path: Path) -> None:
    path = forged_docx(tmp_path / "forged.docx")
    assert path.stat().st_size < 20_000
    tracemalloc.start()
    try:
        try:
            result = read_word_form(path)
        except WordImportError as exc:
            assert str(exc)  # refused in Chinese: fine
        else:
            assert "北京市西城区某某单位" in result.form.department
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, f"{peak / 1e6:.0f} MB"


@pytest.mark.parametrize("span", [0, -5, 63, 64])
def test_edge_spans(span: int) -> None:
    [row] = resolve_rows([(0, [RawCell(["a"], span), RawCell(["b"])])])
    assert row.cells[0].span == max(1, min(span, MAX_GRID_COLUMNS))
