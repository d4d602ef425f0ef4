"""PDF export: every typed character readable, fonts embedded, A4, 草稿 mark, long rows continue."""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from jixiao_desktop.domain.model import TEMPLATE_TABULAR, Form, Funds, Indicator, IndicatorItem
from jixiao_desktop.exporters.pdf import PdfResult, export_pdf
from tests.exporters.strategies import bj_forms, tabular_forms

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
                                   reason="poppler-utils (pdftotext, pdffonts) not installed")


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _squeezed(path: Path) -> str:
    return re.sub(r"\s", "", _text(path))


def _typed(form: Form) -> str:
    return form.department + form.goals + form.other_notes + "".join(i.name + i.content for i in form.indicators)


def _lost(form: Form, path: Path) -> str:
    have = collections.Counter(_squeezed(path))
    need = collections.Counter(re.sub(r"\s", "", _typed(form)))
    return "".join((need - have).elements())


@needs_poppler
@pytest.mark.parametrize("name", ["jinrongjie", "niujie"])
def test_every_typed_character_is_in_the_pdf_text(name: str, request: pytest.FixtureRequest,
                                                  tmp_path: Path) -> None:
    form = request.getfixturevalue(name)
    path = tmp_path / "f.pdf"
    result = export_pdf(form, path)
    assert result.missing_chars == ""
    assert _lost(form, path) == ""
    text = _squeezed(path)
    for label in ["部门整体支出绩效目标申报表", "（2021年度）", "部门（单位）名称", "资金总额", "基本支出",
                  "项目支出", "部门（单位）绩效目标", "绩效指标", "指标名称", "指标内容和指标值", "其他说明的问题",
                  "填制说明"]:
        assert label in text, label
    assert f"第1页共{result.pages}页" in text


@needs_poppler
def test_amounts_print_as_typed(niujie: Form, tmp_path: Path) -> None:
    """The decimals typed (at least two), the thousands separators only where the clerk typed them."""
    path = tmp_path / "f.pdf"
    export_pdf(niujie, path)
    assert niujie.funds.total == "22,001.49"
    assert "22,001.49" in _squeezed(path)  # as on the official 牛街 printout
    four = Form(year=2022, department="某单位", funds=Funds(total="10606.7600", basic="6923.3600",
                                                          project="3683.4", unit="万元"))
    export_pdf(four, path)
    text = _squeezed(path)
    assert "10606.7600" in text and "6923.3600" in text and "3683.40" in text
    assert "6923.36资" not in text and "10606.76项" not in text


@needs_poppler
def test_fonts_embedded_and_page_is_a4(jinrongjie: Form, tmp_path: Path) -> None:
    path = tmp_path / "f.pdf"
    export_pdf(jinrongjie, path)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows
    assert all(row.split()[-5] == "yes" for row in rows), fonts
    assert "STSong" not in fonts and "Helvetica" not in fonts
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert abs(w - 595.28) < 1 and abs(h - 841.89) < 1


@needs_poppler
def test_draft_has_watermark_final_has_fingerprint(niujie: Form, tmp_path: Path) -> None:
    draft, final = tmp_path / "d.pdf", tmp_path / "f.pdf"
    export_pdf(niujie, draft)
    export_pdf(niujie, final, fingerprint="ABCD-1234-EF56")
    assert "草稿" in _squeezed(draft)
    assert "定稿指纹" not in _squeezed(draft)
    assert "草稿" not in _squeezed(final)
    assert "定稿指纹：ABCD-1234-EF56" in _squeezed(final)


@needs_poppler
def test_long_row_continues_on_next_pages(jinrongjie: Form, tmp_path: Path) -> None:
    path = tmp_path / "f.pdf"
    result = export_pdf(jinrongjie, path)
    assert result.pages > 3
    text = _squeezed(path)
    # The cell wraps, so pdftotext interleaves its lines with the content column.
    assert "（续）" in text
    assert text.count("产出指标-产出数量") >= 3  # the row name printed again on the continuations
    # The indicator header repeats on the pages the indicator table runs over.
    layout = re.sub(r"[ \t]", "", subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
                                                capture_output=True, text=True, check=True).stdout)
    assert layout.count("指标名称指标内容和指标值") >= 3


@needs_poppler
def test_one_line_longer_than_several_pages(tmp_path: Path) -> None:
    """A cell of 20,000 characters without a line break: no LayoutError, nothing lost."""
    content = "城市管理和环境建设，落实环境建设任务。" * 1000 + "结束"
    form = Form(year=2022, department="某街道", indicators=[Indicator(name="产出指标一：很长", content=content)],
                goals="目标" * 3000)
    path = tmp_path / "f.pdf"
    result = export_pdf(form, path)
    assert result.pages >= 10
    assert _lost(form, path) == ""
    assert _squeezed(path).count("（续）") >= 10
    # The 3,000-character goals run onto page 2, whose row is labelled again with （续）.
    page2 = re.sub(r"\s", "", subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", "-enc", "UTF-8", str(path), "-"],
                                              capture_output=True, text=True, check=True).stdout)
    assert "部门（单位）绩效" in page2 and "（续）" in page2


@needs_poppler
def test_markup_characters_and_spaces_survive(tmp_path: Path) -> None:
    form = Form(year=2022, department="A&B <单位> 'x' \"y\"",
                goals="  开头两个空格\n<br/>&amp;\n\n空行之后", other_notes="⑪⑫⑬ ㎡ “引号” ，。；：",
                indicators=[Indicator(name="=1+1", content="<b>不是粗体</b> & 100%")])
    path = tmp_path / "f.pdf"
    result = export_pdf(form, path)
    assert result.missing_chars == ""
    assert _lost(form, path) == ""


def test_missing_glyphs_are_reported_not_dropped(tmp_path: Path) -> None:
    form = Form(year=2022, department="街道😀", goals="古文字𠀀", other_notes="控制\x07字符")
    result = export_pdf(form, tmp_path / "f.pdf")
    assert isinstance(result, PdfResult)
    assert "😀" in result.missing_chars and "𠀀" in result.missing_chars
    assert "\x07" not in result.missing_chars


@needs_poppler
def test_tabular_layout(tmp_path: Path) -> None:
    item = IndicatorItem
    form = Form(template=TEMPLATE_TABULAR, year=2023, department="某街道", funds=Funds(total="100"),
                indicators=[
                    Indicator(level1="产出指标", level2="数量指标", items=[
                        item(level3=f"绿地养护面积{k}", nature="定量", operator="≥", value="113816",
                             unit="平方米", weight="2") for k in range(60)]),
                    Indicator(level1="满意度指标", level2="服务对象满意度指标", items=[
                        item(level3="居民满意度", nature="定量", operator="≥", value="95", unit="%", weight="20")]),
                ])
    path = tmp_path / "t.pdf"
    result = export_pdf(form, path)
    assert result.pages >= 2
    text = _squeezed(path)
    # The header row repeats on every page the table runs over.
    assert text.count("一级指标") == result.pages
    assert text.count("计量单位") == result.pages and text.count("指标性质") == result.pages
    assert "（续）" in text  # the 一级/二级 merge is cut at the page end and labelled again
    assert "≥113816" in text and "合计" in text and "140" in text
    assert "绿地养护面积59" in text
    assert "基本支出" not in text  # a total-only form prints 资金总额 alone


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(form=bj_forms())
def test_any_bj_form_exports(form: Form, tmp_path: Path) -> None:
    result = export_pdf(form, tmp_path / "h.pdf")
    assert result.pages >= 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(form=tabular_forms())
def test_any_tabular_form_exports(form: Form, tmp_path: Path) -> None:
    result = export_pdf(form, tmp_path / "h.pdf")
    assert result.pages >= 1


REVIEWER_LABELS = ["部门（单位）名称", "资金总额", "基本支出", "项目支出", "绩效指标", "指标名称", "其他说明"]


@needs_poppler
@pytest.mark.parametrize("fixture", ["jinrongjie-2021.json", "niujie-2021.json", "school-tabular-2023.json"])
def test_form_labels_a_reviewer_looks_for_are_printed(fixture: str, tmp_path: Path) -> None:
    """Both templates print the labels of the official form (the tabular one under its caption)."""
    from jixiao_desktop.domain import exchange

    form = exchange.load(Path(__file__).parents[1] / "fixtures" / fixture)
    path = tmp_path / "form.pdf"
    export_pdf(form, path)
    text = _squeezed(path)
    assert [label for label in REVIEWER_LABELS if label not in text] == []
    items = "".join(item.level3 for ind in form.indicators for item in ind.items)
    assert _lost(form, path) == "" and all(ch in text for ch in re.sub(r"\s", "", items))


def test_a_continued_name_is_labelled_by_its_own_label() -> None:
    """牛街's 产出指标四：组织公共服务、指导社区建设 continued on the next page is 产出指标四（续）,
    not 产出指标…（续）; a name without such a label keeps its first words."""
    from jixiao_desktop.exporters._common import continued_label

    def width_of(text: str) -> float:
        return 10.0 * len(text)

    assert continued_label("产出指标四：组织公共服务、指导社区建设", width_of, 80) == "产出指标四（续）"
    assert continued_label("产出数量指标", width_of, 80) == "产出数量指标（续）"
    long_plain = "组织公共服务指导社区建设提升城市精细治理水平"
    label = continued_label(long_plain, width_of, 80)
    assert label.endswith("…（续）") and long_plain.startswith(label[: label.index("…")])


def test_an_evaluation_prints_the_self_evaluation_table_first(tmp_path: Path) -> None:
    """self-evaluation.md "Print": 预算执行 on top, target | 实际完成值 | 分值 | 得分 | 偏差原因分析 |
    改进措施, the total at the foot; the 申报表 follows on its own pages."""
    from jixiao_desktop.domain import evaluation as ev
    from jixiao_desktop.domain import exchange
    from jixiao_desktop.domain.profiles.model import Scoring
    from tests.conftest import FIXTURES

    form = exchange.load(FIXTURES / "school-tabular-2023.json")
    ev.set_stage(form, ev.Stage.EVALUATION)
    ev.set_execution_text(form, "budget", "100")
    ev.set_execution_text(form, "executed", "90")
    first = form.indicators[0].items[0]
    ev.set_item_text(first, "actual_value", "1")
    ev.set_item_text(first, "deviation_reason", "招生计划调整")
    path = tmp_path / "自评.pdf"
    export_pdf(form, path)
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    first_page = "".join(pages[0].split())
    assert "部门整体支出绩效自评表" in first_page and "部门整体支出绩效目标申报表" not in first_page
    for label in ("预算执行情况", "执行率", "90.00%", "实际完成值", "偏差原因分析", "招生计划调整", "自评得分"):
        assert label in "".join("".join(pages).split()), label
    total = ev.score_form(form, Scoring()).total
    assert f"{ev.printed_score(total)}分" in "".join("".join(pages).split())
    assert any("部门整体支出绩效目标申报表" in "".join(p.split()) for p in pages[1:])

    ev.set_stage(form, ev.Stage.MONITOR)
    export_pdf(form, path)
    text = "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())
    assert "部门整体支出绩效运行监控表" in text and "能否完成" in text and "自评得分" not in text
