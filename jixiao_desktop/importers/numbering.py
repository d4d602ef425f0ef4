"""Word's automatic list numbering (``w:numPr``), rendered as the clerk saw it.

A paragraph with ``w:numPr`` shows a number Word draws (``1、``, ``（一）``, ``①``) that is not
in the paragraph's text. The number comes from ``numbering.xml``: the ``w:num`` the paragraph
names points to an ``w:abstractNum`` whose ``w:lvl`` gives the format (``w:numFmt``), the text
around it (``w:lvlText``, ``%1`` … ``%9`` for the levels' counters), the start value and when
a level restarts (``w:lvlRestart``); a ``w:num`` may override a level's start
(``w:lvlOverride/w:startOverride``) or the whole level (``w:lvlOverride/w:lvl``).

Counting follows Word: the counters belong to the abstract list, so two ``w:num`` of the same
``w:abstractNum`` continue each other unless one overrides the start; a level's counter starts
again after any shallower level is used (unless ``w:lvlRestart`` says otherwise). A paragraph
style may carry the numbering (``w:pStyle`` → ``styles.xml``, through ``w:basedOn``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from jixiao_desktop.domain.model import chinese_numeral

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_DIGITS_CN = "〇一二三四五六七八九"
# Symbol/Wingdings bullets are private-use code points; show them as the bullet they draw.
_BULLETS = {"\uf06c": "●", "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf06e": "■",
            "\uf075": "◆", "\uf0a8": "◆", "\uf076": "❖", "\uf0de": "➢"}


def _attr(el: Element | None, name: str) -> str | None:
    if el is None:
        return None
    return el.get(W + name)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _roman(n: int) -> str:
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz, aaa …
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _chinese_counting(n: int) -> str:
    if 0 < n < 100:
        return chinese_numeral(n)
    return "".join(_DIGITS_CN[int(d)] for d in str(n))


def _legal(n: int) -> str:
    if n <= 0 or n >= 100:
        return str(n)
    text = _chinese_counting(n)
    table = str.maketrans("一二三四五六七八九十", "壹贰叁肆伍陆柒捌玖拾")
    return text.translate(table)


def format_number(n: int, fmt: str) -> str:
    """One counter in a ``w:numFmt`` (decimal, chineseCounting, decimalEnclosedCircle …)."""
    if fmt in ("none", ""):
        return ""
    if n <= 0 and fmt not in ("decimal", "decimalZero"):
        return str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _CIRCLED[n - 1] if n <= len(_CIRCLED) else str(n)
    if fmt == "decimalEnclosedParen":
        return _PAREN[n - 1] if n <= len(_PAREN) else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return _FULLSTOP[n - 1] if n <= len(_FULLSTOP) else f"{n}."
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "koreanCounting", "taiwaneseCountingThousand", "japaneseLegal", "koreanLegal"):
        return _chinese_counting(n)
    if fmt in ("chineseLegalSimplified",):
        return _legal(n)
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital", "koreanDigital"):
        return "".join(_DIGITS_CN[int(d)] for d in str(n))
    if fmt in ("ideographTraditional",):
        return _HEAVENLY[(n - 1) % 10]
    if fmt in ("ideographZodiac", "ideographZodiacTraditional"):
        return _EARTHLY[(n - 1) % 12]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "ordinal":
        return f"{n}."
    return str(n)  # decimal and every format we do not draw differently


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart (1-based level; 0 = never); None = default
    suffix: str = "tab"
    legal: bool = False  # w:isLgl: every counter shown as decimal


def _level(el: Element) -> Level:
    lvl_text = el.find(W + "lvlText")
    restart = el.find(W + "lvlRestart")
    return Level(
        start=_int(_attr(el.find(W + "start"), "val"), 1),
        fmt=_attr(el.find(W + "numFmt"), "val") or "decimal",
        text=(_attr(lvl_text, "val") or "") if lvl_text is not None else "",
        restart=_int(_attr(restart, "val"), 1) if restart is not None else None,
        suffix=_attr(el.find(W + "suff"), "val") or "tab",
        legal=el.find(W + "isLgl") is not None and _attr(el.find(W + "isLgl"), "val") not in ("0", "false"),
    )


@dataclass
class _Instance:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)
    used: bool = False


class Numbering:
    """The list definitions of one document, with the counters as the document is read."""

    def __init__(self, numbering_root: Element | None, styles_root: Element | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._instances: dict[str, _Instance] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._style_num: dict[str, tuple[str | None, int | None]] = {}
        self._style_parent: dict[str, str] = {}
        if numbering_root is not None:
            self._read_numbering(numbering_root)
        if styles_root is not None:
            self._read_styles(styles_root)

    def _read_numbering(self, root: Element) -> None:
        for abstract in root.iter(W + "abstractNum"):
            aid = _attr(abstract, "abstractNumId")
            if aid is None:
                continue
            self._abstract[aid] = {_int(_attr(lvl, "ilvl"), 0): _level(lvl) for lvl in abstract.findall(W + "lvl")}
        for num in root.iter(W + "num"):
            nid = _attr(num, "numId")
            aid = _attr(num.find(W + "abstractNumId"), "val")
            if nid is None or aid is None:
                continue
            inst = _Instance(aid)
            for override in num.findall(W + "lvlOverride"):
                ilvl = _int(_attr(override, "ilvl"), 0)
                start = override.find(W + "startOverride")
                if start is not None:
                    inst.start_overrides[ilvl] = _int(_attr(start, "val"), 1)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    inst.level_overrides[ilvl] = _level(lvl)
            self._instances[nid] = inst

    def _read_styles(self, root: Element) -> None:
        for style in root.iter(W + "style"):
            sid = _attr(style, "styleId")
            if sid is None:
                continue
            based = _attr(style.find(W + "basedOn"), "val")
            if based:
                self._style_parent[sid] = based
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                num_id = _attr(num_pr.find(W + "numId"), "val")
                ilvl = _attr(num_pr.find(W + "ilvl"), "val")
                self._style_num[sid] = (num_id, _int(ilvl, 0) if ilvl is not None else None)

    def _from_style(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self._style_num:
                return self._style_num[style_id]
            style_id = self._style_parent.get(style_id)
        return None, None

    def _levels(self, inst: _Instance) -> dict[int, Level]:
        levels = dict(self._abstract.get(inst.abstract, {}))
        levels.update(inst.level_overrides)
        return levels

    def label(self, ppr: Element | None) -> str:
        """The number Word draws in front of a paragraph ('' when none), counting it."""
        style_id = _attr(ppr.find(W + "pStyle"), "val") if ppr is not None else None
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl = self._from_style(style_id)
        if num_pr is not None:
            direct_id = _attr(num_pr.find(W + "numId"), "val")
            direct_lvl = _attr(num_pr.find(W + "ilvl"), "val")
            if direct_id is not None:
                num_id = direct_id
            if direct_lvl is not None:
                ilvl = _int(direct_lvl, 0)
        if num_id is None or num_id == "0" or num_id not in self._instances:
            return ""
        level_no = min(max(ilvl or 0, 0), 8)
        inst = self._instances[num_id]
        levels = self._levels(inst)
        level = levels.get(level_no)
        if level is None:
            return ""
        counters = self._counters.setdefault(inst.abstract, {})
        if not inst.used:
            inst.used = True
            for lvl_no, start in inst.start_overrides.items():
                counters[lvl_no] = start - 1
        current = counters.get(level_no)
        counters[level_no] = (current + 1) if current is not None else levels[level_no].start
        for deeper in [k for k in counters if k > level_no]:
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and level_no <= restart - 1):
                del counters[deeper]
        text = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token not in text:
                continue
            lvl = levels.get(k, Level())
            value = counters.get(k, lvl.start)
            fmt = "decimal" if level.legal and k != level_no else lvl.fmt
            text = text.replace(token, format_number(value, fmt))
        if level.fmt == "bullet":
            text = "".join(_BULLETS.get(ch, ch) for ch in text)
        if not text:
            return ""
        return text + (" " if level.suffix == "space" else "")
