"""Cell text as printed: cleaned, broken into lines by the Chinese rules, drawn run by run.

Every cell of the PDF goes through ``CellText``: ``lines(width)`` breaks it once per width with
``linebreak.break_lines`` (linear in the text length) and ``draw`` puts a slice of those lines on
the canvas, each character in the first face of its chain that has ink for it, squeezed
punctuation drawn closer. A cut across pages is a slice of lines: nothing is laid out twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable

from jixiao_desktop.exporters.linebreak import (
    FULLWIDTH_SPACE,
    SQUEEZE_CLOSING,
    SQUEEZE_OPENING,
    Line,
    break_lines,
)
from jixiao_desktop.exporters.pdf.fonts import FontChain

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff\u200b-\u200f\u2028\u2029\ufeff]")
_TRAILING_BLANK = re.compile(r"[ \t\u3000]*(?:\n[ \t\u3000]*)*\Z")


def clean_text(text: str) -> str:
    """The text as printed: line breaks as typed (CR LF → one break), tabs as four spaces,
    control characters dropped, trailing spaces and blank lines at the very end dropped."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _UNPRINTABLE.sub("", text)
    return _TRAILING_BLANK.sub("", text)


@dataclass(frozen=True)
class TextStyle:
    chain: FontChain
    size: float
    leading: float
    center: bool = False  # centred lines (labels); else flush left

    def width_of(self, ch: str) -> float:
        return self.chain.width(ch) * self.size

    @property
    def baseline_drop(self) -> float:
        """From the top of a line box to its baseline (the em box centred in the leading)."""
        return (self.leading - self.size) / 2 + 0.86 * self.size


class CellText:
    """A text in a style, broken into lines once per width."""

    def __init__(self, text: str, style: TextStyle) -> None:
        self.text = clean_text(text)
        self.style = style
        self._lines: dict[float, list[Line]] = {}

    def lines(self, width: float) -> list[Line]:
        key = round(width, 3)
        got = self._lines.get(key)
        if got is None:
            got = [] if not self.text else break_lines(self.text, self.style.width_of, width)
            self._lines[key] = got
        return got

    def line_text(self, line: Line) -> str:
        return self.text[line.start:line.end]

    def draw(self, canvas: Any, x: float, top: float, width: float, first: int, last: int) -> None:
        """Draw lines ``first``..``last - 1`` in a box ``width`` wide whose top is at ``top``."""
        style = self.style
        size = style.size
        text_obj = canvas.beginText()
        y = top - style.baseline_drop
        drew = False
        for line in self.lines(width)[first:last]:
            lx = x + ((width - line.width) / 2 if style.center else 0.0)
            drew |= self._draw_line(text_obj, line, lx, y, size)
            y -= style.leading
        if drew:
            canvas.drawText(text_obj)

    def _draw_line(self, t: Any, line: Line, x: float, y: float, size: float) -> bool:
        chain = self.style.chain
        text = self.text
        # The squeeze is taken from the line's last squeezable marks first (行尾点号压缩), each
        # giving at most half its width: usually the one mark that did not fit.
        cuts: dict[int, float] = {}
        remaining = line.squeeze
        k = line.end - 1
        while remaining > 1e-9 and k >= line.start:
            ch = text[k]
            if ch in SQUEEZE_CLOSING or ch in SQUEEZE_OPENING:
                give = min(remaining, chain.width(ch) * size / 2)
                cuts[k] = give
                remaining -= give
            k -= 1
        run: list[str] = []
        run_face = ""
        run_x = x
        drew = False

        def flush() -> None:
            nonlocal run, drew
            if run:
                t.setTextOrigin(run_x, y)
                t.setFont(run_face, size)
                t.textOut("".join(run))
                run = []
                drew = True

        for k in range(line.start, line.end):
            ch = text[k]
            face, shown, w1 = chain.pick(ch)
            w = w1 * size
            if ch == FULLWIDTH_SPACE:  # advance only: an indent is space, not a glyph
                flush()
                x += w
                run_x = x
                continue
            cut = cuts.get(k, 0.0) if cuts else 0.0
            if face != run_face or cut:
                flush()
                run_face = face
                run_x = x - (cut if ch in SQUEEZE_OPENING else 0.0)
            run.append(shown)
            x += w - cut
            if cut:
                flush()
                run_x = x
        flush()
        return drew


class TextFlowable(Flowable):
    """A free-standing text (the 填制说明) that may continue on the next page."""

    def __init__(self, text: CellText, first: int = 0, last: int | None = None,
                 space_before: float = 0.0, keep_lines: int = 0) -> None:
        super().__init__()
        self.keep_lines = keep_lines  # a text of at most this many lines is never split
        self.cell = text
        self.first = first
        self.last = last
        self.space_before = space_before
        self._width = 0.0

    def _count(self, width: float) -> int:
        total = len(self.cell.lines(width))
        return (total if self.last is None else min(self.last, total)) - self.first

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        n = self._count(avail_width)
        self.width, self.height = avail_width, self.space_before + max(n, 0) * self.cell.style.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fit = int((avail_height - self.space_before) // self.cell.style.leading)
        if fit < 1 or self._count(avail_width) <= self.keep_lines:
            return []
        if fit >= self._count(avail_width):
            return [self]
        mid = self.first + fit
        return [TextFlowable(self.cell, self.first, mid, self.space_before),
                TextFlowable(self.cell, mid, self.last)]

    def draw(self) -> None:
        last = self.first + self._count(self._width)
        self.cell.draw(self.canv, 0.0, self.height - self.space_before, self._width, self.first, last)
