"""The numbered rows of layout B: ``产出指标一：…``, ``效果指标二：…``, ``满意度指标一：…`` — one reading.

A row's ordinal belongs to a family named by the word before 指标: 产出, 效果 or 效益 (the same
family: the national term for the Beijing one, ``model.ALIASES``), 满意度. The check
``text.numbering_broken``, 重新编号 (``editing.renumbered``) and the name of a new row
(``editing.next_row_name``) all read names through ``row_ordinal``, so a name the check calls out
of order is one 重新编号 mends (``tests/domain/test_row_numbers.py`` holds them to it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao_desktop.domain.model import Category, parse_chinese_numeral

FAMILY_OF_WORD: dict[str, Category] = {
    "产出": Category.OUTPUT,
    "效果": Category.OUTCOME,
    "效益": Category.OUTCOME,
    "满意度": Category.SATISFACTION,
}
_ORDINAL_RE = re.compile(r"^(\s*)(产出|效果|效益|满意度)指标([一二三四五六七八九十]{1,3})([：:]?)")


@dataclass(frozen=True)
class RowOrdinal:
    """``family``: the category the word names; ``word``: as written (效益 stays 效益);
    ``number``: None when the numeral is not one (十十); ``span``: the numeral in the name;
    ``end``: where the clerk's own text begins (after ``colon``, if any)."""

    family: Category
    word: str
    number: int | None
    span: tuple[int, int]
    end: int
    colon: str

    def text_in(self, name: str) -> str:
        """``效益指标二`` as the name writes it."""
        return name[:self.span[1]].strip()


def row_ordinal(name: str) -> RowOrdinal | None:
    """The ordinal a row's name starts with, None when it starts with none."""
    m = _ORDINAL_RE.match(name)
    if m is None:
        return None
    return RowOrdinal(FAMILY_OF_WORD[m[2]], m[2], parse_chinese_numeral(m[3]), (m.start(3), m.end(3)),
                      m.end(), m[4])
