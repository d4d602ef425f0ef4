"""Word's list numbering as the clerk saw it: formats, lvlText, start, restart and overrides."""

from __future__ import annotations

from xml.etree.ElementTree import Element, fromstring

import pytest

from jixiao_desktop.importers.numbering import Numbering, format_number

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize(("n", "fmt", "text"), [
    (1, "decimal", "1"), (12, "decimal", "12"), (3, "chineseCounting", "三"), (10, "chineseCounting", "十"),
    (11, "chineseCounting", "十一"), (21, "chineseCountingThousand", "二十一"), (1, "ideographTraditional", "甲"),
    (4, "ideographTraditional", "丁"), (3, "decimalEnclosedCircle", "③"), (13, "decimalEnclosedCircleChinese", "⑬"),
    (2, "decimalEnclosedParen", "⑵"), (3, "upperLetter", "C"), (28, "lowerLetter", "bb"), (4, "upperRoman", "IV"),
    (9, "lowerRoman", "ix"), (5, "decimalFullWidth", "５"), (3, "chineseLegalSimplified", "叁"),
    (7, "decimalZero", "07"), (2, "ideographZodiac", "丑"), (1, "none", ""),
])
def test_formats(n: int, fmt: str, text: str) -> None:
    assert format_number(n, fmt) == text


def numbering(levels: str, nums: str) -> Element:
    return fromstring(f'<w:numbering {NS}><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>{nums}</w:numbering>')


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def ppr(num_id: int, ilvl: int = 0) -> Element:
    return fromstring(f'<w:pPr {NS}><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>')


LEVELS = lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCounting", "（%2）") + lvl(2, "decimal", "%3.%2")


def test_levels_restart_after_a_shallower_level() -> None:
    n = Numbering(numbering(LEVELS, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'), None)
    seq = [(1, 0), (1, 1), (1, 1), (1, 0), (1, 1), (1, 2), (1, 2)]
    assert [n.label(ppr(*p)) for p in seq] == ["一、", "（一）", "（二）", "二、", "（一）", "1.一", "2.一"]


def test_two_lists_of_one_definition_continue_unless_restarted() -> None:
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>')
    n = Numbering(numbering(LEVELS, nums), None)
    assert [n.label(ppr(i)) for i in (1, 1, 2, 3, 3)] == ["一、", "二、", "三、", "五、", "六、"]


def test_level_override_and_no_restart() -> None:
    levels = lvl(0, "decimal", "%1、") + lvl(1, "decimalEnclosedCircle", "%2", extra='<w:lvlRestart w:val="0"/>')
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="0"/>'
            '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="第%1条"/></w:lvl></w:lvlOverride></w:num>')
    n = Numbering(numbering(levels, nums), None)
    assert [n.label(ppr(1, k)) for k in (0, 1, 1, 0, 1)] == ["第一条", "①", "②", "第二条", "③"]


def test_numbering_through_the_paragraph_style_and_numid_zero() -> None:
    styles = fromstring(f'<w:styles {NS}><w:style w:styleId="Base"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
                        '</w:pPr></w:style><w:style w:styleId="Item"><w:basedOn w:val="Base"/></w:style></w:styles>')
    n = Numbering(numbering(LEVELS, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'), styles)
    styled = fromstring(f'<w:pPr {NS}><w:pStyle w:val="Item"/></w:pPr>')
    off = fromstring(f'<w:pPr {NS}><w:pStyle w:val="Item"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>')
    assert [n.label(styled), n.label(off), n.label(styled)] == ["一、", "", "二、"]


def test_bullets_and_space_suffix() -> None:
    levels = lvl(0, "bullet", "\uf06c", extra='<w:suff w:val="space"/>')
    n = Numbering(numbering(levels, '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'), None)
    assert n.label(ppr(1)) == "● "
