"""Last year's form from Word: every shape of the issue, built as a .docx here, imports to exactly
the fixture's fields; the table pasted as text too; bad files give one Chinese sentence."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import TEMPLATE_TABULAR, Form, Layout, detect_layout
from jixiao_desktop.importers import WordImportError, read_pasted_table, read_word_form
from tests.conftest import FIXTURES
from tests.importers.docx_builder import C, Shape, form_docx, para, table, write_docx

SCHOOL = FIXTURES / "school-tabular-2023.json"
REFERENCE = FIXTURES / "reference"
ALL_COLUMNS = ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "权重", "方向", "备注")


def fixture(name: str) -> Form:
    return exchange.load(FIXTURES / f"{name}.json")


def assert_same_form(got: Form, want: Form) -> None:
    for name in ("template", "year", "department", "funds", "goals", "other_notes"):
        assert getattr(got, name) == getattr(want, name), name
    assert len(got.indicators) == len(want.indicators)
    for a, b in zip(got.indicators, want.indicators, strict=True):
        assert a == b
    assert got == want


def document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml").decode("utf-8")


# --- the table pasted as text: the reference texts themselves ---------------------------------


@pytest.mark.parametrize(("text", "name"), [("000_08e78436efa9e882.txt", "jinrongjie-2021"),
                                            ("001_3499bd89704c2096.txt", "niujie-2021")])
def test_reference_text_pastes_to_the_fixture(text: str, name: str) -> None:
    result = read_pasted_table((REFERENCE / text).read_text(encoding="utf-8"))
    assert_same_form(result.form, fixture(name))
    assert result.warnings == []


def test_reference_layouts_are_detected() -> None:
    a = read_pasted_table((REFERENCE / "000_08e78436efa9e882.txt").read_text(encoding="utf-8")).form
    b = read_pasted_table((REFERENCE / "001_3499bd89704c2096.txt").read_text(encoding="utf-8")).form
    assert detect_layout(a) is Layout.STANDARD and len(a.indicators) == 9
    assert detect_layout(b) is Layout.NUMBERED


def test_paste_from_windows_clipboard_crlf() -> None:
    text = (REFERENCE / "001_3499bd89704c2096.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    assert_same_form(read_pasted_table(text).form, fixture("niujie-2021"))


def test_paste_as_rows_of_tab_separated_cells_with_quoted_multiline_cells() -> None:
    text = ("部门整体支出绩效目标申报表\n（2022年度）\n"
            "部门（单位）名称\t北京市西城区某街道办事处\t\n"
            "部门（单位）总体资金情况（万元）\t资金总额：\t100.00\n"
            "\t基本支出：\t60.00\n\t项目支出：\t40.00\n"
            '部门（单位）绩效目标\t"一、目标一\n二、目标二"\t\n'
            "绩效指标\t指标名称\t指标内容和指标值\n"
            '\t产出指标一：做好一件事\t"1.完成10次\n2.覆盖100人"\n'
            "其他说明的问题\t无\t\n")
    form = read_pasted_table(text).form
    assert (form.year, form.department) == (2022, "北京市西城区某街道办事处")
    assert (form.funds.total, form.funds.basic, form.funds.project) == ("100.00", "60.00", "40.00")
    assert form.goals == "一、目标一\n二、目标二"
    assert [(i.name, i.content) for i in form.indicators] == [("产出指标一：做好一件事", "1.完成10次\n2.覆盖100人")]
    assert form.other_notes == "无"


@pytest.mark.parametrize("text", ["", "   \n", "随便一段话，没有表格。", "甲\t乙\n丙\t丁\n"])
def test_paste_that_is_no_form_says_what_was_expected(text: str) -> None:
    with pytest.raises(WordImportError) as info:
        read_pasted_table(text)
    message = str(info.value)
    assert any(word in message for word in ("申报表", "表格"))
    assert "Traceback" not in message


# --- .docx in every shape --------------------------------------------------------------------

SHAPES: dict[str, tuple[str, Shape]] = {
    "jinrongjie-plain": ("jinrongjie-2021", Shape()),
    "niujie-as-in-the-reference": ("niujie-2021", Shape(
        title_in_table=True, year_text="（   {year} 年度）", continue_goals_after=7, name_break_after_colon=True)),
    # 一级 and 二级 typed as two paragraphs of the name cell (产出指标⏎产出数量指标): once read as
    # 产出指标产出数量指标, now 产出指标-产出数量指标 as the printed form names the row.
    "name-cell-two-paragraphs": ("jinrongjie-2021", Shape(name_break_at_dash=True)),
    "content-controls": ("jinrongjie-2021", Shape(content_controls=True)),
    "content-controls-niujie": ("niujie-2021", Shape(content_controls=True, continue_goals_after=7)),
    "tracked-changes": ("jinrongjie-2021", Shape(tracked_changes=True)),
    "auto-numbering-chinese": ("jinrongjie-2021", Shape(numbering="chinese")),
    "auto-numbering-arabic": ("jinrongjie-2021", Shape(numbering="arabic")),
    "auto-numbering-dotted": ("niujie-2021", Shape(numbering="dotted", continue_goals_after=7)),
    "split-by-page-break": ("jinrongjie-2021", Shape(split_after=3)),
    "indicator-continued-in-a-second-row": ("jinrongjie-2021", Shape(continue_indicator=0)),
    "instructions-in-the-table-and-empty-rows": ("niujie-2021", Shape(instructions_in_table=True, empty_rows=True)),
    "instructions-below-and-empty-rows": ("jinrongjie-2021", Shape(empty_rows=True, title_in_table=True)),
    "typed-ascii-indents": ("jinrongjie-2021", Shape(indent="    ")),
    "tabular": ("school-tabular-2023", Shape(tabular_columns=ALL_COLUMNS)),
    "tabular-columns-reordered": ("school-tabular-2023", Shape(tabular_columns=(
        "一级指标", "二级指标", "三级指标", "权重", "指标值", "计量单位", "指标性质", "备注", "方向"))),
    "tabular-operator-column": ("school-tabular-2023", Shape(tabular_columns=ALL_COLUMNS, operator_column=True)),
    "tabular-content-controls-split": ("school-tabular-2023", Shape(
        tabular_columns=ALL_COLUMNS, content_controls=True, empty_rows=True, title_in_table=True)),
}


@pytest.mark.parametrize("case", sorted(SHAPES))
def test_docx_imports_to_exactly_the_fixture(case: str, tmp_path: Path) -> None:
    name, shape = SHAPES[case]
    want = exchange.load(SCHOOL) if name.startswith("school") else fixture(name)
    path = form_docx(want, tmp_path / f"{case}.docx", shape)
    result = read_word_form(path)
    assert_same_form(result.form, want)
    if shape.tracked_changes:
        assert result.tracked_changes
        assert "修订" in result.warnings[0]
        assert result.warnings[1:] == []
    else:
        assert not result.tracked_changes
        assert result.warnings == []


def test_numbering_is_drawn_not_typed(tmp_path: Path) -> None:
    """The numbered shapes really carry Word numbering: the numbers are not in the text."""
    want = fixture("jinrongjie-2021")
    path = form_docx(want, tmp_path / "n.docx", Shape(numbering="chinese"))
    xml = document_xml(path)
    assert xml.count("<w:numPr>") >= 40
    assert "一、部门职能" not in xml and ">部门职能<" in xml
    assert "（一）贯彻执行" not in xml
    assert read_word_form(path).form.goals == want.goals


def test_content_controls_hold_the_values(tmp_path: Path) -> None:
    want = fixture("jinrongjie-2021")
    path = form_docx(want, tmp_path / "sdt.docx", Shape(content_controls=True))
    xml = document_xml(path)
    # the department's cell, a funds value and every content cell sit inside w:sdt
    assert xml.count("<w:sdt>") > 20
    assert "<w:sdt><w:sdtPr><w:alias w:val=\"填写\"/><w:tag w:val=\"cell\"/></w:sdtPr><w:sdtContent><w:tc>" in xml
    assert read_word_form(path).form.department == want.department


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    want = fixture("jinrongjie-2021")
    path = form_docx(want, tmp_path / "rev.docx", Shape(tracked_changes=True))
    xml = document_xml(path)
    assert "旧的单位名称" in xml and "挪走的字" in xml and "<w:ins " in xml
    result = read_word_form(path)
    assert "旧的单位名称" not in result.form.department
    assert "挪走的字" not in result.form.indicators[0].content
    assert result.form.department == want.department
    assert "插入 3 处、删除 3 处" in result.warnings[0]


def test_full_width_indents_and_blank_lines_kept_as_typed(tmp_path: Path) -> None:
    form = fixture("niujie-2021")
    form.goals = "　　第一段，首行缩进两个全角空格。\n\n　　第二段，前面空一行。\n　　（一）第三段"
    form.indicators[0].content = "1.第一项\n\n\n2.第二项，前面空两行"
    form.other_notes = "　无。"
    got = read_word_form(form_docx(form, tmp_path / "ws.docx")).form
    assert got.goals == form.goals
    assert got.indicators[0].content == form.indicators[0].content
    assert got.other_notes == "　无。"


@pytest.mark.parametrize(("total", "basic", "project"), [
    ("22,001.49", "5214.98", "16786.51"),
    ("２２００１．４９", "５２１４．９８", "１６７８６．５１"),
    ("22001.49万元", "5214.98 万元", "16,786.51万元"),
])
def test_amounts_kept_as_typed(total: str, basic: str, project: str, tmp_path: Path) -> None:
    form = fixture("niujie-2021")
    form.funds = dataclasses.replace(form.funds, total=total, basic=basic, project=project)
    got = read_word_form(form_docx(form, tmp_path / "amounts.docx", Shape(content_controls=True))).form
    assert (got.funds.total, got.funds.basic, got.funds.project) == (total, basic, project)


def test_tabular_header_in_any_order_and_subset(tmp_path: Path) -> None:
    want = exchange.load(SCHOOL)
    columns = ("三级指标", "指标值", "二级指标", "一级指标", "计量单位")
    got = read_word_form(form_docx(want, tmp_path / "t.docx", Shape(tabular_columns=columns))).form
    assert got.template == TEMPLATE_TABULAR
    assert [(i.level1, i.level2) for i in got.indicators] == [(i.level1, i.level2) for i in want.indicators]
    items = [(i.level3, i.operator, i.value, i.unit) for ind in got.indicators for i in ind.items]
    assert items == [(i.level3, i.operator, i.value, i.unit) for ind in want.indicators for i in ind.items]
    assert all(not i.weight and not i.nature for ind in got.indicators for i in ind.items)


def test_a_hunan_table_keeps_its_explanation_and_scoring_columns(tmp_path: Path) -> None:
    """指标解释 / 评(扣)分标准 / 指标值确定依据 (issue 16) land in their own fields, not in 备注."""
    want = exchange.load(SCHOOL)
    for n, item in enumerate(i for ind in want.indicators for i in ind.items):
        item.explanation, item.scoring, item.basis = f"解释{n}", f"每低1%扣{n}分", f"依据{n}"
    columns = ("一级指标", "二级指标", "三级指标", "指标解释", "指标值", "权重", "评(扣)分标准", "指标值确定依据")
    got = read_word_form(form_docx(want, tmp_path / "hn.docx", Shape(tabular_columns=columns))).form
    fields = [(i.explanation, i.scoring, i.basis, i.note) for ind in got.indicators for i in ind.items]
    assert fields == [(i.explanation, i.scoring, i.basis, "") for ind in want.indicators for i in ind.items]


def test_labels_tolerate_spaces_brackets_and_colons(tmp_path: Path) -> None:
    rows = [
        [C([para("部 门 (单位) 名 称：")]), C([para("某某街道办事处")], span=2)],
        [C([para("部门(单位)总体资金情况 (万元)")], vmerge="restart"), C([para("资金总额:")]), C([para("10")])],
        [C(vmerge="continue"), C([para("基本支出")]), C([para("6")])],
        [C(vmerge="continue"), C([para("项目支出 ：")]), C([para("4")])],
        [C([para("部门（单位）绩效目标:")]), C([para("目标")], span=2)],
        [C([para("绩效指标")], vmerge="restart"), C([para("指标 名称")]), C([para("指标内容 和 指标值：")])],
        [C(vmerge="continue"), C([para("产出指标一：甲")]), C([para("1.乙")])],
        [C([para("其他说明的问题：")]), C([para("无")], span=2)],
    ]
    path = write_docx(tmp_path / "labels.docx", [para("（ 2024 年度 ）"), table(rows, [1800, 1900, 5900])])
    form = read_word_form(path).form
    assert (form.year, form.department, form.goals, form.other_notes) == (2024, "某某街道办事处", "目标", "无")
    assert (form.funds.total, form.funds.basic, form.funds.project) == ("10", "6", "4")
    assert [(i.name, i.content) for i in form.indicators] == [("产出指标一：甲", "1.乙")]


def test_cells_that_could_not_be_placed_are_quoted(tmp_path: Path) -> None:
    rows = [
        [C([para("部门（单位）名称")]), C([para("某某街道办事处")], span=2)],
        [C([para("部门（单位）绩效目标")]), C([para("目标")], span=2)],
        [C([para("联系人")]), C([para("张三 13800000000")], span=2)],
        [C([para("绩效指标")], vmerge="restart"), C([para("指标名称")]), C([para("指标内容和指标值")])],
        [C(vmerge="continue"), C([para("产出指标一：甲")]), C([para("1.乙")])],
    ]
    result = read_word_form(write_docx(tmp_path / "u.docx", [table(rows, [1800, 1900, 5900])]))
    assert any("联系人 张三 13800000000" in w for w in result.warnings)
    assert result.unplaced == ["联系人\n张三 13800000000"]
    assert any("年度" in w for w in result.warnings)


# --- bad files -------------------------------------------------------------------------------


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_text("这不是 Word 文档", encoding="utf-8")
    with pytest.raises(WordImportError, match=r"不是 zip|不是 Word"):
        read_word_form(path)


def test_broken_zip(tmp_path: Path) -> None:
    good = form_docx(fixture("niujie-2021"), tmp_path / "good.docx")
    path = tmp_path / "broken.docx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(WordImportError) as info:
        read_word_form(path)
    assert "损坏" in str(info.value) or "不是" in str(info.value)


def test_encrypted_docx(tmp_path: Path) -> None:
    # What Word writes for a password-protected .docx: an OLE compound file with these streams.
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    body = "EncryptionInfo".encode("utf-16-le") + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le")
    path = tmp_path / "secret.docx"
    path.write_bytes(head + body + b"\0" * 4096)
    with pytest.raises(WordImportError, match="密码"):
        read_word_form(path)


def test_docx_that_is_not_a_form(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "letter.docx", [para("关于召开会议的通知"), para("各科室：定于下周一开会。")])
    with pytest.raises(WordImportError, match="绩效指标"):
        read_word_form(path)


def test_table_without_labels(tmp_path: Path) -> None:
    rows = [[C([para("姓名")]), C([para("电话")])], [C([para("张三")]), C([para("123")])]]
    with pytest.raises(WordImportError, match="部门（单位）名称"):
        read_word_form(write_docx(tmp_path / "t.docx", [table(rows, [3000, 3000])]))


def test_workbook_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(WordImportError, match="Excel"):
        read_word_form(path)


def test_zip_bomb_refused(tmp_path: Path) -> None:
    good = form_docx(fixture("niujie-2021"), tmp_path / "good.docx")
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info))
        out.writestr("word/media/padding.bin", b"\0" * (200 * 1024 * 1024))
    with pytest.raises(WordImportError, match=r"过大|炸弹"):
        read_word_form(path)


def test_entity_bomb_refused(tmp_path: Path) -> None:
    good = form_docx(fixture("niujie-2021"), tmp_path / "good.docx")
    path = tmp_path / "xmlbomb.docx"
    bomb = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, bomb if info.filename == "word/document.xml" else src.read(info))
    with pytest.raises(WordImportError, match="DTD"):
        read_word_form(path)
