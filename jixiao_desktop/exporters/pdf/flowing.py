"""Page-breaking tables: a row whose long text continues on the next page (generic, no form).

reportlab cannot split a table row, so a long cell is cut into consecutive rows (the labels
repeated with （续）) and the header rows repeat on each page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Table,
    TableStyle,
)

from jixiao_desktop.exporters.pdf.fonts import FONT
from jixiao_desktop.exporters._common import (
    fill_cut,
    split_text,
    wrap_lines,
)

PAGE_W, PAGE_H = A4
MARGIN = 2 * cm
FRAME_W = PAGE_W - 2 * MARGIN
FRAME_H = PAGE_H - 2 * MARGIN
BODY_SIZE = 10.5  # 五号
LEADING = 15.0
PAD = 4.0  # cell padding, each side
MAX_CELL_H = FRAME_H * 0.6  # a cut piece stays well below a page

# --- text to Paragraph markup -------------------------------------------------------------------

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def markup(text: str) -> str:
    """Escape text for a Paragraph: & < > escaped, line breaks kept, spaces kept."""
    text = _UNPRINTABLE.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\t", "    ")
    lines = []
    for line in text.split("\n"):
        line = escape(line)
        # Keep leading and repeated spaces: a non-breaking space for every space but the last of a run.
        line = re.sub(r"^ +", lambda m: "&nbsp;" * len(m.group(0)), line)
        line = re.sub(r" {2,}", lambda m: "&nbsp;" * (len(m.group(0)) - 1) + " ", line)
        lines.append(line)
    return "<br/>".join(lines)



# --- cutting long cells ---------------------------------------------------------------------------


class WrapOnce(Paragraph):
    """A Paragraph that lays itself out once per width (measured, then drawn by the table)."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped is not None and abs(self._wrapped[0] - avail_width) < 1e-6:
            self.width, self.height = self._wrapped[1]
            return self._wrapped[1]
        result = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, result)
        return result

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        self._wrapped = None
        return super().split(avail_width, avail_height)


class Measure:
    def __init__(self) -> None:
        self.cache: dict[str, float] = {}
        self.heights: dict[tuple[Any, ...], float] = {}
        self.paras: dict[tuple[str, int, float], WrapOnce] = {}

    def para(self, text: str, style: ParagraphStyle, width: float) -> WrapOnce:
        key = (text, id(style), round(width, 3))
        p = self.paras.get(key)
        if p is None:
            p = WrapOnce(markup(text), style)
            self.paras[key] = p
        return p

    def width_of(self, ch: str) -> float:
        w = self.cache.get(ch)
        if w is None:
            w = pdfmetrics.stringWidth(ch, FONT, BODY_SIZE)
            self.cache[ch] = w
        return w


def cut_pieces(text: str, width: float, measure: Measure, style: ParagraphStyle) -> list[str]:
    """Cut a cell text into pieces that each fit comfortably on one page."""
    cap = width - 2 * PAD - BODY_SIZE  # a CJK line may end a character early
    max_lines = int(MAX_CELL_H // LEADING)
    texts = [p.text for p in split_text(text, measure.width_of, cap, max_lines)]
    # Check each piece with the real wrapping; halve any that is still too tall.
    out: list[str] = []
    stack = list(reversed(texts))
    while stack:
        piece = stack.pop()
        para = Paragraph(markup(piece), style)
        _, h = para.wrap(width - 2 * PAD, FRAME_H)
        if h <= MAX_CELL_H or len(piece) < 2:
            out.append(piece)
        else:
            mid = len(piece) // 2
            stack += [piece[mid:], piece[:mid]]
    return out



@dataclass
class Row:
    """One printed row: the text of each column, one of which may be cut at a page end."""

    cells: list[str]
    styles: list[ParagraphStyle]
    cut: int  # the column whose text continues on the next page
    cont: list[str]  # the other cells on a continuation row (labels with （续）)
    span: bool = False  # columns 1..last merged
    top: bool = True  # text at the top of the cell (labels stay centred)


class FlowingTable(Flowable):
    """A table whose rows may continue on the next page.

    reportlab cannot split a table row, so when a row does not fit the rest of the page this
    flowable cuts the row's long text where the page ends and continues it in a new row on the
    next page, with the labels of that row repeated (（续）) and the header rows repeated.
    """

    def __init__(self, header: list[Row], rows: list[Row], widths: tuple[float, ...],
                 lines: Callable[[int, int], list[tuple[Any, ...]]], measure: Measure) -> None:
        super().__init__()
        self.header = header
        self.rows = rows
        self.widths = widths
        self.lines = lines
        self.measure = measure
        self._table: Table | None = None

    def _cell_widths(self, row: Row) -> list[float]:
        if row.span:
            return [self.widths[0], sum(self.widths[1:])] + [0.0] * (len(self.widths) - 2)
        return list(self.widths)

    def _build(self, rows: list[Row]) -> Table:
        data: list[list[Any]] = []
        style: list[tuple[Any, ...]] = list(self.lines(len(self.header), len(rows) - len(self.header)))
        for r, row in enumerate(rows):
            data.append([self.measure.para(text, st, w) if w > 0 else ""
                         for text, st, w in zip(row.cells, row.styles, self._cell_widths(row), strict=True)])
            if row.span:
                style.append(("SPAN", (1, r), (-1, r)))
            if row.top and r >= len(self.header):
                style.append(("VALIGN", (1, r), (-1, r), "TOP"))
        return grid_table(data, self.widths, style, repeat=0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # The sum of the row heights; the table itself is built only when it is drawn. Rows
        # beyond the page are only estimated: measuring a long tail again on every page is slow.
        self.width = sum(self.widths)
        total = 0.0
        for row in self.header + self.rows:
            room = avail_height - total
            total += self._height(row) if room > 0 and self._fits(row, room) else self._estimate(row)
        self.height = total
        return self.width, self.height

    def _estimate(self, row: Row) -> float:
        """A quick height from simulated wrapping (no Paragraph layout)."""
        lines = 1
        for text, w in zip(row.cells, self._cell_widths(row), strict=True):
            if w > 0 and text:
                cap = w - 2 * PAD - BODY_SIZE * 0.5
                lines = max(lines, sum(wrap_lines(t, self.measure.width_of, cap) for t in text.split("\n")))
        return lines * LEADING + 2 * PAD

    def _fits(self, row: Row, room: float) -> bool:
        if self._estimate(row) > room * 1.3 + 2 * LEADING:
            return False  # far too tall: no need to lay it out
        return self._height(row) <= room

    def draw(self) -> None:
        if self._table is None:
            self._table = self._build(self.header + self.rows)
            self._table.wrap(self.width, FRAME_H * 10)
        self._table.drawOn(self.canv, 0, 0)

    def _height(self, row: Row) -> float:
        key = (tuple(row.cells), tuple(id(st) for st in row.styles), row.span, self.widths)
        cached = self.measure.heights.get(key)
        if cached is not None:
            return cached
        h = 0.0
        for text, st, w in zip(row.cells, row.styles, self._cell_widths(row), strict=True):
            if w > 0 and text:
                h = max(h, self.measure.para(text, st, w).wrap(w - 2 * PAD, FRAME_H * 10)[1])
        h = max(h, LEADING) + 2 * PAD
        self.measure.heights[key] = h
        return h

    def _cut(self, row: Row, room: float) -> tuple[Row, Row] | None:
        """Cut ``row`` so that its first part fills at most ``room`` of height, or None."""
        width = self._cell_widths(row)[row.cut]
        text = row.cells[row.cut]
        cap = width - 2 * PAD - BODY_SIZE * 0.5

        def attempt(lines: int) -> tuple[Row, Row] | None:
            cut = fill_cut(text, self.measure.width_of, cap, lines)
            if cut is None:
                return None
            first, rest = cut
            head = replace(row, cells=[first if c == row.cut else t for c, t in enumerate(row.cells)])
            if self._height(head) > room:
                return None
            tail = replace(row, cells=[rest if c == row.cut else t for c, t in enumerate(row.cont)])
            return head, tail

        lines = int((room - 2 * PAD) // LEADING)
        best = None
        while lines >= 3 and best is None:  # the simulation may overestimate: shrink until it fits
            best = attempt(lines)
            lines -= 1 if best is None else 0
        if best is None:
            return None
        for more in range(lines + 1, lines + 8):  # then fill the page as far as the real wrap allows
            better = attempt(more)
            if better is None:
                break
            best = better
        return best

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        used = sum(self._height(h) for h in self.header)
        fitted: list[Row] = []
        rest: list[Row] = []
        for i, row in enumerate(self.rows):
            if self._fits(row, avail_height - used):
                fitted.append(row)
                used += self._height(row)
                continue
            cut = self._cut(row, avail_height - used - 1.0)
            if cut is not None:
                fitted.append(cut[0])
                rest = [cut[1]] + self.rows[i + 1:]
            else:
                rest = self.rows[i:]
            break
        if not fitted:
            return []
        if not rest:
            return [self]
        return [FlowingTable(self.header, fitted, self.widths, self.lines, self.measure),
                FlowingTable(self.header, rest, self.widths, self.lines, self.measure)]



GRID = 0.6


def grid_table(rows: list[list[Any]], widths: tuple[float, ...], style: list[tuple[Any, ...]],
           repeat: int = 0) -> Table:
    t = Table(rows, colWidths=list(widths), repeatRows=repeat, splitByRow=1)
    base = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # empty cells too: no stray Helvetica
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
    ]
    t.setStyle(TableStyle(base + style))
    return t


