"""粘贴上年表格 from Word's HTML clipboard flavour: cells of several paragraphs stay one cell."""

from __future__ import annotations

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from jixiao_desktop.importers import WordImportError, read_pasted_html
from tests.conftest import FIXTURES
from tests.importers.docx_builder import Shape
from tests.importers.html_builder import form_clipboard_html
from tests.importers.test_word_import import assert_same_form

SCHOOL = FIXTURES / "school-tabular-2023.json"


@pytest.mark.parametrize(("name", "shape"), [
    ("jinrongjie-2021", Shape()),
    ("jinrongjie-2021", Shape(name_break_at_dash=True)),  # 产出指标⏎产出数量指标 in one cell
    ("niujie-2021", Shape(title_in_table=True, year_text="（   {year} 年度）", name_break_after_colon=True)),
    ("niujie-2021", Shape(continue_goals_after=7, empty_rows=True)),
    ("school-tabular-2023", Shape(tabular_columns=("一级指标", "二级指标", "三级指标", "指标性质", "指标值",
                                                   "计量单位", "权重", "方向", "备注"))),
])
def test_word_html_copy_reads_to_exactly_the_form(name: str, shape: Shape) -> None:
    want = exchange.load(SCHOOL if name.startswith("school") else FIXTURES / f"{name}.json")
    result = read_pasted_html(form_clipboard_html(want, shape))
    assert_same_form(result.form, want)
    assert result.warnings == []


def test_windows_clipboard_header_and_hidden_text_are_ignored(jinrongjie: Form) -> None:
    html = form_clipboard_html(jinrongjie)
    html = html.replace("<!--StartFragment-->", "<!--StartFragment--><p style='display:none'>隐藏文字</p>")
    header = "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000012345\r\n"
    result = read_pasted_html(header + html)
    assert_same_form(result.form, jinrongjie)


def test_spans_beyond_any_grid_are_clamped_quickly() -> None:
    bomb = ("<table><tr><td colspan=1000000000 rowspan=1000000000>部门（单位）名称</td><td>某单位</td></tr>"
            + "<tr><td>x</td></tr>" * 200 + "</table>")
    with pytest.raises(WordImportError):
        read_pasted_html(bomb)


@pytest.mark.parametrize("html", ["", "<p>随便一段话</p>", "<html><body>没有表格</body></html>"])
def test_html_without_a_table_says_what_was_expected(html: str) -> None:
    with pytest.raises(WordImportError) as info:
        read_pasted_html(html)
    assert "表格" in str(info.value)
