"""Page-breaking tables (generic, no form): ruled cells whose text continues on the next page.

A ``Grid`` is drawn by itself (no reportlab ``Table``): rows of cells, a cell may span columns
and rows, a side label may run down column A of every piece, and header rows repeat on each
page. When a row does not fit the rest of the page, the grid is cut inside that row: every
cell the cut crosses (a merged 一级/二级 name too) shows the lines that fit, and the piece on the
next page shows the rest — or, for a cell already finished, its continuation label
(``name（续）``). Cutting is slicing lines already broken, so a page costs no new layout, and
nothing a clerk can type makes a piece taller than a page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from jixiao_desktop.exporters.pdf.text import CellText

PAGE_W, PAGE_H = A4
MARGIN = 2 * cm
FRAME_W = PAGE_W - 2 * MARGIN
FRAME_H = PAGE_H - 2 * MARGIN
BODY_SIZE = 10.5  # 五号
LEADING = 15.0
PAD = 4.0  # cell padding, each side
GRID = 0.6  # rule width
_ORPHAN_LINES = 2  # a row cut at a page end leaves at least this many lines behind


@dataclass
class Cell:
    """A cell: ``text`` from line ``first`` (to ``last``, None = its end) at column ``col``."""

    text: CellText | None
    col: int
    colspan: int = 1
    rowspan: int = 1
    middle: bool = False  # vertically centred (labels), else at the top
    cont: CellText | None = None  # shown in a piece after the cell's own text is done
    first: int = 0
    last: int | None = None

    def shown(self, width: float) -> list[Any]:
        if self.text is None:
            return []
        return self.text.lines(width)[self.first:self.last]


@dataclass
class Row:
    cells: list[Cell]


class Grid(Flowable):
    """Ruled rows on ``widths``; ``header`` repeats on every page; ``side`` runs down column A."""

    def __init__(self, widths: tuple[float, ...], header: list[Row], rows: list[Row],
                 side: Cell | None = None) -> None:
        super().__init__()
        self.widths = widths
        self.header = header
        self.rows = rows
        self.side = side
        self.x0 = [sum(widths[:i]) for i in range(len(widths) + 1)]
        self._heights: list[float] | None = None

    # -- geometry --

    def cell_width(self, cell: Cell) -> float:
        return self.x0[cell.col + cell.colspan] - self.x0[cell.col] - 2 * PAD

    def _lines_in(self, cell: Cell) -> int:
        return len(cell.shown(self.cell_width(cell)))

    def _leading(self, cell: Cell) -> float:
        return cell.text.style.leading if cell.text is not None else LEADING

    def _need(self, cell: Cell) -> float:
        return max(1, self._lines_in(cell)) * self._leading(cell) + 2 * PAD

    def heights(self) -> list[float]:
        """Heights of header rows then body rows (a row grows to hold the spans ending in it)."""
        if self._heights is None:
            rows = self.header + self.rows
            h = [max([LEADING + 2 * PAD] + [self._need(c) for c in r.cells if c.rowspan == 1])
                 for r in rows]
            for i, r in enumerate(rows):
                for c in r.cells:
                    if c.rowspan > 1:
                        end = min(len(rows), i + c.rowspan) - 1
                        short = self._need(c) - sum(h[i:end + 1])
                        if short > 0:
                            h[end] += short
            if self.side is not None and self.side.text is not None:
                short = self._need(self.side) - sum(h)
                if short > 0:
                    h[-1] += short
            self._heights = h
        return self._heights

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.x0[-1]
        self.height = sum(self.heights())
        return self.width, self.height

    # -- splitting --

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        h = self.heights()
        nh = len(self.header)
        used = sum(h[:nh])
        body = h[nh:]
        for i, rh in enumerate(body):
            if used + rh <= avail_height:
                used += rh
                continue
            return self._cut(i, avail_height - used)
        return [self] if used <= avail_height else []  # no body rows: the header moves on whole

    def _fit_lines(self, cell: Cell, height: float) -> int:
        return max(0, int((height - 2 * PAD + 1e-6) // self._leading(cell)))

    def _cut(self, i: int, room: float) -> list[Flowable]:
        """Cut the body inside row ``i`` (``room`` = height left for it on this page)."""
        h = self.heights()[len(self.header):]
        row = self.rows[i]
        k = min((self._fit_lines(c, room) for c in row.cells), default=0)
        own = max((self._lines_in(c) for c in row.cells if c.rowspan == 1), default=0)
        if k < 1 or (i > 0 and k < min(_ORPHAN_LINES, own)):
            k = 0  # do not start row i on this page (no orphan line left behind)
        if k == 0 and i == 0:
            return []  # nothing of the body fits: the whole grid moves to the next page
        head_rows = [Row(list(r.cells)) for r in self.rows[:i]]
        tail_rows: list[Row] = [Row([]) for _ in self.rows[i:]]
        row_h = k * LEADING + 2 * PAD if k else 0.0
        # Cells of earlier rows spanning into row i or beyond: cut at the page end.
        for s in range(i):
            for c_index, c in enumerate(self.rows[s].cells):
                end = s + c.rowspan - 1
                if end < i:
                    continue
                height = sum(h[s:i]) + row_h
                head, tail = self._split_cell(c, self._fit_lines(c, height))
                head_rows[s].cells[c_index] = replace(head, rowspan=i - s + (1 if k else 0))
                tail_rows[0].cells.append(replace(tail, rowspan=end - i + 1))
        if k:
            head_rows.append(Row([]))
            for c in row.cells:
                head, tail = self._split_cell(c, k if c.rowspan == 1 else self._fit_lines(c, row_h))
                head_rows[-1].cells.append(replace(head, rowspan=1))
                tail_rows[0].cells.append(tail)
        else:
            tail_rows[0].cells.extend(row.cells)
        for j, r in enumerate(self.rows[i + 1:], start=1):
            tail_rows[j].cells.extend(r.cells)
        for r in tail_rows:
            r.cells.sort(key=lambda c: c.col)
        head_rows = [r for r in head_rows if r.cells] or head_rows
        side_tail = self.side
        if self.side is not None:
            side_tail = replace(self.side, text=self.side.cont or self.side.text, first=0, last=None)
        return [Grid(self.widths, self.header, head_rows, self.side),
                Grid(self.widths, self.header, tail_rows, side_tail)]

    def _split_cell(self, cell: Cell, k: int) -> tuple[Cell, Cell]:
        """The first ``k`` shown lines of ``cell`` and what is left for the next page."""
        n = self._lines_in(cell)
        if k >= n:
            rest = Cell(cell.cont, cell.col, cell.colspan, cell.rowspan, cell.middle, cell.cont)
            return cell, rest
        cut = cell.first + k
        return replace(cell, last=cut), replace(cell, first=cut)

    # -- drawing --

    def draw(self) -> None:
        canv = self.canv
        h = self.heights()
        rows = self.header + self.rows
        top = [self.height - sum(h[:i]) for i in range(len(rows) + 1)]
        canv.saveState()
        canv.setLineWidth(GRID)
        canv.setStrokeColorRGB(0, 0, 0)
        if self.side is not None:
            self._draw_cell(self.side, self.height, self.height)
        for i, r in enumerate(rows):
            for c in r.cells:
                end = min(len(rows), i + c.rowspan)
                self._draw_cell(c, top[i], top[i] - top[end])
        canv.restoreState()

    def _draw_cell(self, c: Cell, top: float, height: float) -> None:
        x = self.x0[c.col]
        w = self.x0[c.col + c.colspan] - x
        self.canv.rect(x, top - height, w, height, stroke=1, fill=0)
        if c.text is None:
            return
        lines = self._lines_in(c)
        y = top - PAD
        if c.middle:
            y -= max(0.0, (height - 2 * PAD - lines * self._leading(c)) / 2)
        first = c.first
        last = first + lines
        c.text.draw(self.canv, x + PAD, y, w - 2 * PAD, first, last)
