"""Typesetting as a reader of an official form checks it (print-layout.md "Typesetting").

Line breaking by the Chinese rules for any text, every symbol inked, indents kept, long names
that continue across pages, and no form a clerk can type that fails to export.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jixiao_desktop.domain.model import TEMPLATE_TABULAR, Form, Funds, FundSource, Indicator, IndicatorItem
from jixiao_desktop.exporters.linebreak import NO_END, NO_START, break_lines
from jixiao_desktop.exporters.pdf import export_pdf, unprintable_chars, unprintable_fields
from jixiao_desktop.exporters.pdf.fonts import BODY_CHAIN, HEI, SONG, FontChain

needs_pymupdf = pytest.mark.skipif(importlib.util.find_spec("pymupdf") is None,
                                   reason="PyMuPDF not installed (pip install -e .[test])")

SYMBOLS = "℃ⅤⅩǎǐǒǔǘǚǜ①㎡‰±䶮"
CLOSING = "，。、；：？！”’）》】"
OPENING = "“‘（《【"


def _song(ch: str) -> float:
    """宋体 metrics: full-width characters one em, the rest half."""
    return 1.0 if ord(ch) > 0x2E7F or ch in "“”‘’…—" else 0.5


_text = st.text(st.one_of(st.sampled_from(list("中文字词句段落" + CLOSING + OPENING + "　 ab1.%\n")),
                          st.characters(blacklist_categories=("Cs",))), max_size=300)


def _no_room_for_the_mark(text: str, start: int, capacity: int) -> bool:
    """May a wrapped line start with the closing mark at ``start``? Only when no layout avoids
    it: the run of closing marks (and spaces) around it, with the character it follows, is wider
    than a line, or nothing but closing marks and spaces stands before it in its paragraph."""
    i = start
    while i > 0 and (text[i - 1] in NO_START or text[i - 1] in " 　"):
        i -= 1
    j = start
    while j < len(text) and text[j] in NO_START:
        j += 1
    if i == 0 or text[i - 1] == "\n":
        return True
    return sum(_song(ch) for ch in text[i - 1:j]) > capacity


@settings(max_examples=300, deadline=None)
@given(text=_text, capacity=st.integers(2, 30))
# Found by Hypothesis: a number glued to a closing mark, an opening mark before a space, runs of
# closing marks with no room to pull anything down.
@example(text="0000·", capacity=2)
@example(text="000\x1f·[ 0", capacity=2)
@example(text="[ ‘0", capacity=2)
@example(text="0..…", capacity=2)
@example(text="0. ——！", capacity=4)
@example(text="《 —.", capacity=2)
def test_lines_obey_the_chinese_rules(text: str, capacity: int) -> None:
    lines = break_lines(text, _song, float(capacity))
    pieces = [text[line.start:line.end] for line in lines]
    # Nothing lost: the lines are the text minus line breaks and the spaces a wrap swallowed.
    assert "".join(pieces).replace(" ", "").replace("　", "") == \
        text.replace("\n", "").replace(" ", "").replace("　", "")
    assert len([line for line in lines if line.start == line.end]) <= text.count("\n") + 1  # no phantom lines
    for k, (line, piece) in enumerate(zip(lines, pieces, strict=True)):
        assert line.width - line.squeeze <= capacity + 1e-6 or len(piece) == 1  # inside the border
        wrapped = k > 0 and text[line.start - 1] != "\n"
        if wrapped and piece and any(ch not in NO_START for ch in text[lines[k - 1].start:lines[k - 1].end]):
            assert piece[0] not in NO_START or _no_room_for_the_mark(text, line.start, capacity), \
                (pieces[k - 1], piece)
        nxt_wrapped = k + 1 < len(lines) and text[line.end:line.end + 1] != "\n" and line.end < len(text)
        if nxt_wrapped and piece.strip() and any(ch not in NO_END for ch in piece):
            assert piece.rstrip(" 　")[-1] not in NO_END or line.end == line.start + 1, piece


def test_punctuation_is_squeezed_or_pulled_down_never_hung() -> None:
    text = "一二三四五六七八九，十"
    # Half a character short: the comma gives up half its width and stays on the line.
    lines = break_lines(text, _song, 9.5)
    assert text[lines[0].start:lines[0].end] == "一二三四五六七八九，"
    assert lines[0].squeeze == pytest.approx(0.5) and lines[0].width - lines[0].squeeze <= 9.5
    # A whole character short: 九 is pulled down with the comma (no line starts with ，).
    lines = break_lines(text, _song, 9.0)
    assert [text[ln.start:ln.end] for ln in lines] == ["一二三四五六七八", "九，十"]
    assert all(ln.width - ln.squeeze <= 9.0 for ln in lines)


def test_opening_marks_never_end_a_line_and_words_stay_whole() -> None:
    text = "甲乙丙丁戊己“庚辛”壬癸"
    pieces = [text[line.start:line.end] for line in break_lines(text, _song, 7.0)]
    assert all(not p.endswith("“") for p in pieces)
    latin = "完成率 performance 100.5% 达标"
    pieces = [latin[line.start:line.end].strip() for line in break_lines(latin, _song, 8.0)]
    assert "100.5%" in pieces or any("100.5%" in p for p in pieces)
    assert all("perf" not in p or "performance" in p for p in pieces)


def test_full_width_indent_is_kept_and_no_phantom_lines() -> None:
    text = "　　第一段首行缩进两字。\n　　第二段。"
    lines = break_lines(text, _song, 40.0)
    assert [text[line.start:line.end] for line in lines] == ["　　第一段首行缩进两字。", "　　第二段。"]
    # A full line ending in punctuation, then a typed break: no blank line appears between.
    text = "一二三四五六七八九十。\n下一行"
    pieces = [text[line.start:line.end] for line in break_lines(text, _song, 10.0)]
    assert pieces == ["一二三四五六七八九", "十。", "下一行"]


def test_breaking_measures_each_character_once() -> None:
    """Linear: a 100,000-character cell is measured 100,000 times, not once per line."""
    calls = 0

    def width(ch: str) -> float:
        nonlocal calls
        calls += 1
        return _song(ch)

    text = "开展社区文化活动，服务居民群众；" * 6250
    lines = break_lines(text, width, 40.0)
    assert calls == len(text)
    assert len(lines) > 2000


def test_every_symbol_has_ink_in_the_chain() -> None:
    """WenQuanYi maps ℃ Ⅴ ǎ … to EMPTY glyphs: the chain must pick a face with an outline."""
    chain = FontChain(BODY_CHAIN)
    for ch in SYMBOLS:
        face, shown, width = chain.pick(ch)
        assert shown == ch and width > 0 and face in (SONG, HEI), ch
    assert unprintable_chars(SYMBOLS) == ""
    assert unprintable_chars("姓𠮷😀") == "𠮷😀"  # really missing: reported, printed as 〓
    labels = FontChain((HEI, SONG))
    assert labels.pick("℃")[0] == SONG  # 黑体 has no ink for ℃: falls back to the Song face


def test_unprintable_characters_are_named_with_their_field() -> None:
    form = Form(year=2022, department="某街道", goals="目标",
                indicators=[Indicator(name="产出", content="温度18℃"), Indicator(name="人名𠮷", content="x")])
    assert unprintable_fields(form) == [("第 2 项指标的指标名称", "𠮷")]


@needs_pymupdf
def test_symbols_print_with_ink_and_indent_prints(tmp_path: Path) -> None:
    import pymupdf

    form = Form(year=2022, department="某街道", goals="目标",
                indicators=[Indicator(name="产出指标", content="　　室内温度不低于18℃，第Ⅴ期、第Ⅹ期；nǚ lǜ ǎ；①号楼1200㎡，误差±5‰。"
                                                            + "开展社区文化活动，" * 20)])
    path = tmp_path / "s.pdf"
    result = export_pdf(form, path)
    assert result.missing_chars == ""
    doc = pymupdf.open(path)
    inked = set()
    starts: list[float] = []
    for page in doc:
        for block in page.get_text("rawdict")["blocks"]:
            for line in block.get("lines", []):
                chars = [c for span in line["spans"] for c in span["chars"]]
                text = "".join(c["c"] for c in chars)
                if "室内温度" in text or "开展社区" in text:
                    starts.append(line["bbox"][0])
                for c in chars:
                    if c["c"] in SYMBOLS:
                        pix = page.get_pixmap(clip=pymupdf.Rect(c["bbox"]), dpi=300, colorspace=pymupdf.csGRAY)
                        if any(v < 128 for v in pix.samples):
                            inked.add(c["c"])
    assert inked == set("℃ⅤⅩǚǜǎ①㎡±‰")
    assert starts[0] - min(starts[1:]) == pytest.approx(2 * 10.5, abs=1.0)  # two em of indent


# A paragraph pasted into a field: a typed phrase repeated, 10 to 1,000 characters.
_long = st.builds(lambda phrase, n: phrase * n,
                  st.text(st.sampled_from(list("城市管理和环境建设，提升民生服务品质。“七有”（五性）ab12 　\n")),
                          min_size=5, max_size=40), st.integers(2, 25))


@st.composite
def _hostile_forms(draw: st.DrawFn) -> Form:
    """Forms with a paragraph pasted into every field a clerk can type into."""
    item = st.builds(IndicatorItem, level3=_long, nature=_long, value=_long, unit=_long, weight=_long,
                     direction=_long, note=_long)
    tabular = draw(st.booleans())
    indicators = draw(st.lists(st.builds(Indicator, name=_long, content=_long, level1=_long, level2=_long,
                                         items=st.lists(item, max_size=3)), min_size=1, max_size=3))
    if tabular and draw(st.booleans()):
        for ind in indicators[1:]:
            ind.level1 = indicators[0].level1  # 一级 merged over several indicators
    sources = draw(st.lists(st.builds(FundSource, name=_long, amount=st.just("1")), max_size=2))
    return Form(template=TEMPLATE_TABULAR if tabular else "bj-2021-dept-overall", year=2023,
                department=draw(_long), funds=Funds(total=draw(_long), basic="1.5", project=draw(_long),
                                                    sources=sources or None),
                goals=draw(_long), indicators=indicators, other_notes=draw(_long))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(form=_hostile_forms())
def test_nothing_a_clerk_types_makes_the_export_fail(form: Form, tmp_path: Path) -> None:
    result = export_pdf(form, tmp_path / "h.pdf")
    assert result.pages >= 1 and result.missing_chars == ""


def test_a_400_character_name_and_a_200_character_level2_continue_across_pages(tmp_path: Path) -> None:
    name = "产出指标二：" + "发力“七有”“五性”，提升民生服务品质，" * 20
    bj = Form(year=2022, department="某街道", goals="目标", indicators=[Indicator(name=name, content="内容")])
    assert export_pdf(bj, tmp_path / "bj.pdf").pages >= 2
    level2 = "服务对象满意度指标" * 22
    tab = Form(template=TEMPLATE_TABULAR, year=2023, department="某学校", funds=Funds(total="1"),
               indicators=[Indicator(level1="满意度指标", level2=level2,
                                     items=[IndicatorItem(level3="家长满意度", value="95", note="指标解释：" * 80)])])
    assert export_pdf(tab, tmp_path / "tab.pdf").pages >= 2
