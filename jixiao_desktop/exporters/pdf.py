"""PDF export of a form in its printed layout (print-layout.md), with reportlab Platypus.

A4 portrait, 2 cm margins, a bordered table as wide as the page, Chinese wrapped with
``wordWrap="CJK"`` in the bundled WenQuanYi Micro Hei (embedded as a subset, so every reader
shows the text). A table row cannot split across pages in reportlab, so a long cell is cut
into consecutive rows (the 指标名称 repeated with （续）) and the indicator header repeats on
each page. Footer 第 x 页 共 y 页; a draft carries a light diagonal 草稿, a 定稿 form its
fingerprint. Characters the font lacks are reported, never dropped silently.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from jixiao_desktop import resources
from jixiao_desktop.domain.model import TEMPLATE_TABULAR, Form, IndicatorItem
from jixiao_desktop.domain.money import format_amount, quantize_cents, try_parse_amount
from jixiao_desktop.exporters._common import (
    CONTINUED,
    DRAFT_MARK,
    FINGERPRINT_LABEL,
    INSTRUCTIONS,
    LABEL_BASIC,
    LABEL_CONTENT,
    LABEL_DEPARTMENT,
    LABEL_GOALS,
    LABEL_INDICATORS,
    LABEL_NAME,
    LABEL_OTHER,
    LABEL_PROJECT,
    LABEL_SUM,
    LABEL_TOTAL,
    SOURCES_PREFIX,
    TABULAR_CAPTION,
    TABULAR_HEADERS,
    TITLE,
    fill_cut,
    format_weight,
    funds_label,
    page_footer,
    split_text,
    typed_text,
    wrap_lines,
    value_text,
    weight_sum,
    year_text,
)

FONT = "JixiaoCJK"
PAGE_W, PAGE_H = A4
MARGIN = 2 * cm
FRAME_W = PAGE_W - 2 * MARGIN
FRAME_H = PAGE_H - 2 * MARGIN
BODY_SIZE = 10.5  # 五号
LEADING = 15.0
PAD = 4.0  # cell padding, each side
MAX_CELL_H = FRAME_H * 0.6  # a cut piece stays well below a page

# Column A holds 部门（单位）名称 on one line (8 full-width characters + padding).
BJ_COLS = (94.0, 92.0, FRAME_W - 94.0 - 92.0)
TAB_COLS = (94.0, 66.0, 98.0, 50.0, 72.0, 50.0, FRAME_W - 94.0 - 66.0 - 98.0 - 50.0 - 72.0 - 50.0)

_font_lock = threading.Lock()
_font: TTFont | None = None


@dataclass(frozen=True)
class PdfResult:
    """Pages written and the characters the font cannot show (shown as boxes in the PDF)."""

    pages: int
    missing_chars: str


def register_font() -> TTFont:
    """Register the bundled CJK font with reportlab once per process (parsing it takes ~70 ms)."""
    global _font
    with _font_lock:
        if _font is None:
            font = TTFont(FONT, str(resources.font_path()), subfontIndex=0)
            pdfmetrics.registerFont(font)
            pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
            _font = font
        return _font


def missing_chars(form: Form) -> str:
    """Characters of the printed text that the bundled font has no glyph for."""
    cmap = register_font().face.charToGlyph
    out: dict[str, None] = {}
    for ch in typed_text(form):
        if ch in "\n\r\t" or unicodedata.category(ch) in ("Cc", "Cf"):
            continue
        if ord(ch) not in cmap:
            out[ch] = None
    return "".join(out)


# --- text to Paragraph markup -------------------------------------------------------------------

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _markup(text: str) -> str:
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


class _Styles:
    def __init__(self) -> None:
        base = dict(fontName=FONT, fontSize=BODY_SIZE, leading=LEADING, wordWrap="CJK")
        self.body = ParagraphStyle("body", alignment=TA_LEFT, **base)
        self.label = ParagraphStyle("label", alignment=TA_CENTER, **base)
        self.year = ParagraphStyle("year", fontName=FONT, fontSize=12, leading=18, alignment=TA_CENTER,
                                   spaceAfter=6)
        self.note = ParagraphStyle("note", fontName=FONT, fontSize=9, leading=13, wordWrap="CJK",
                                   spaceBefore=6)


class _Title(Flowable):
    """The bold centred title: the face has no bold, so the glyphs are filled and stroked."""

    def __init__(self, text: str, size: float = 18.0) -> None:
        super().__init__()
        self.text = text
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.size * 1.6

    def draw(self) -> None:
        c = self.canv
        w = pdfmetrics.stringWidth(self.text, FONT, self.size)
        t = c.beginText((self.width - w) / 2, self.size * 0.45)
        t.setFont(FONT, self.size)
        t.setTextRenderMode(2)
        c.setLineWidth(self.size * 0.035)
        t.textOut(self.text)
        c.drawText(t)


# --- cutting long cells ---------------------------------------------------------------------------


class _WrapOnce(Paragraph):
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


class _Measure:
    def __init__(self) -> None:
        self.cache: dict[str, float] = {}
        self.heights: dict[tuple[Any, ...], float] = {}
        self.paras: dict[tuple[str, int, float], _WrapOnce] = {}

    def para(self, text: str, style: ParagraphStyle, width: float) -> _WrapOnce:
        key = (text, id(style), round(width, 3))
        p = self.paras.get(key)
        if p is None:
            p = _WrapOnce(_markup(text), style)
            self.paras[key] = p
        return p

    def width_of(self, ch: str) -> float:
        w = self.cache.get(ch)
        if w is None:
            w = pdfmetrics.stringWidth(ch, FONT, BODY_SIZE)
            self.cache[ch] = w
        return w


def _pieces(text: str, width: float, measure: _Measure, style: ParagraphStyle) -> list[str]:
    """Cut a cell text into pieces that each fit comfortably on one page."""
    cap = width - 2 * PAD - BODY_SIZE  # a CJK line may end a character early
    max_lines = int(MAX_CELL_H // LEADING)
    texts = [p.text for p in split_text(text, measure.width_of, cap, max_lines)]
    # Check each piece with the real wrapping; halve any that is still too tall.
    out: list[str] = []
    stack = list(reversed(texts))
    while stack:
        piece = stack.pop()
        para = Paragraph(_markup(piece), style)
        _, h = para.wrap(width - 2 * PAD, FRAME_H)
        if h <= MAX_CELL_H or len(piece) < 2:
            out.append(piece)
        else:
            mid = len(piece) // 2
            stack += [piece[mid:], piece[:mid]]
    return out



@dataclass
class _Row:
    """One printed row: the text of each column, one of which may be cut at a page end."""

    cells: list[str]
    styles: list[ParagraphStyle]
    cut: int  # the column whose text continues on the next page
    cont: list[str]  # the other cells on a continuation row (labels with （续）)
    span: bool = False  # columns 1..last merged
    top: bool = True  # text at the top of the cell (labels stay centred)


class _FlowingTable(Flowable):
    """A table whose rows may continue on the next page.

    reportlab cannot split a table row, so when a row does not fit the rest of the page this
    flowable cuts the row's long text where the page ends and continues it in a new row on the
    next page, with the labels of that row repeated (（续）) and the header rows repeated.
    """

    def __init__(self, header: list[_Row], rows: list[_Row], widths: tuple[float, ...],
                 lines: Callable[[int, int], list[tuple[Any, ...]]], measure: _Measure) -> None:
        super().__init__()
        self.header = header
        self.rows = rows
        self.widths = widths
        self.lines = lines
        self.measure = measure
        self._table: Table | None = None

    def _cell_widths(self, row: _Row) -> list[float]:
        if row.span:
            return [self.widths[0], sum(self.widths[1:])] + [0.0] * (len(self.widths) - 2)
        return list(self.widths)

    def _build(self, rows: list[_Row]) -> Table:
        data: list[list[Any]] = []
        style: list[tuple[Any, ...]] = list(self.lines(len(self.header), len(rows) - len(self.header)))
        for r, row in enumerate(rows):
            data.append([self.measure.para(text, st, w) if w > 0 else ""
                         for text, st, w in zip(row.cells, row.styles, self._cell_widths(row), strict=True)])
            if row.span:
                style.append(("SPAN", (1, r), (-1, r)))
            if row.top and r >= len(self.header):
                style.append(("VALIGN", (1, r), (-1, r), "TOP"))
        return _table(data, self.widths, style, repeat=0)

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

    def _estimate(self, row: _Row) -> float:
        """A quick height from simulated wrapping (no Paragraph layout)."""
        lines = 1
        for text, w in zip(row.cells, self._cell_widths(row), strict=True):
            if w > 0 and text:
                cap = w - 2 * PAD - BODY_SIZE * 0.5
                lines = max(lines, sum(wrap_lines(t, self.measure.width_of, cap) for t in text.split("\n")))
        return lines * LEADING + 2 * PAD

    def _fits(self, row: _Row, room: float) -> bool:
        if self._estimate(row) > room * 1.3 + 2 * LEADING:
            return False  # far too tall: no need to lay it out
        return self._height(row) <= room

    def draw(self) -> None:
        if self._table is None:
            self._table = self._build(self.header + self.rows)
            self._table.wrap(self.width, FRAME_H * 10)
        self._table.drawOn(self.canv, 0, 0)

    def _height(self, row: _Row) -> float:
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

    def _cut(self, row: _Row, room: float) -> tuple[_Row, _Row] | None:
        """Cut ``row`` so that its first part fills at most ``room`` of height, or None."""
        width = self._cell_widths(row)[row.cut]
        text = row.cells[row.cut]
        cap = width - 2 * PAD - BODY_SIZE * 0.5

        def attempt(lines: int) -> tuple[_Row, _Row] | None:
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
        fitted: list[_Row] = []
        rest: list[_Row] = []
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
        return [_FlowingTable(self.header, fitted, self.widths, self.lines, self.measure),
                _FlowingTable(self.header, rest, self.widths, self.lines, self.measure)]


# --- building the story -------------------------------------------------------------------------

_GRID = 0.6


def _table(rows: list[list[Any]], widths: tuple[float, ...], style: list[tuple[Any, ...]],
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


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(_markup(text), style)


def _amount_text(typed: str) -> str:
    value = try_parse_amount(typed)
    if value is None:
        return typed
    return format_amount(quantize_cents(value)) if len(value.as_tuple().digits) else typed


class _Builder:
    def __init__(self, form: Form, cols: tuple[float, ...], top_cols: tuple[float, float, float]) -> None:
        self.form = form
        self.s = _Styles()
        self.m = _Measure()
        self.cols = cols
        self.top_cols = top_cols

    def table(self, rows: list[list[Any]], widths: tuple[float, ...], style: list[tuple[Any, ...]],
              repeat: int = 0) -> Table:
        return _table(rows, widths, style, repeat)

    def top_table(self, funds_total_only: bool) -> Table:
        """部门名称 and 资金: A label | B sub-label | C value (B+C merged for the name)."""
        f = self.form
        s = self.s
        rows: list[list[Any]] = []
        style: list[tuple[Any, ...]] = [("GRID", (0, 0), (-1, -1), _GRID, colors.black)]
        rows.append([_p(LABEL_DEPARTMENT, s.label), _p(f.department, s.body), ""])
        style.append(("SPAN", (1, 0), (2, 0)))
        funds = [(LABEL_TOTAL, f.funds.total)]
        if not funds_total_only:
            funds += [(LABEL_BASIC, f.funds.basic), (LABEL_PROJECT, f.funds.project)]
        for k, src in enumerate(f.funds.sources or []):
            funds.append(((SOURCES_PREFIX if k == 0 else "　　　") + src.name, src.amount))
        first = len(rows)
        for label, amount in funds:
            rows.append(["", _p(label, s.body), _p(_amount_text(amount), s.body)])
        rows[first][0] = _p(funds_label(f.funds.unit), s.label)
        style.append(("SPAN", (0, first), (0, len(rows) - 1)))
        return self.table(rows, self.top_cols, style)

    def labelled_text(self, label: str, text: str) -> _FlowingTable:
        """A section label in A and a long text over B+C (绩效目标, 其他说明的问题)."""
        s = self.s
        row = _Row(cells=[label, text, ""], styles=[s.label, s.body, s.body], cut=1,
                   cont=[label + CONTINUED, "", ""], span=True)

        def lines(_header: int, _rows: int) -> list[tuple[Any, ...]]:
            return [("GRID", (0, 0), (-1, -1), _GRID, colors.black)]

        return _FlowingTable([], [row], self.top_cols, lines, self.m)

    def bj_indicators(self) -> _FlowingTable:
        """绩效指标 (A, drawn as one cell down the table) | 指标名称 | 指标内容和指标值."""
        s = self.s
        header = _Row(cells=[LABEL_INDICATORS, LABEL_NAME, LABEL_CONTENT], styles=[s.label] * 3, cut=2,
                      cont=[LABEL_INDICATORS, LABEL_NAME, LABEL_CONTENT], top=False)
        rows = [_Row(cells=["", ind.name, ind.content], styles=[s.label, s.body, s.body], cut=2,
                     cont=["", ind.name + CONTINUED, ""])
                for ind in self.form.indicators]

        def lines(_header: int, _rows: int) -> list[tuple[Any, ...]]:
            return [
                ("BOX", (0, 0), (-1, -1), _GRID, colors.black),
                ("GRID", (1, 0), (-1, -1), _GRID, colors.black),
                ("VALIGN", (0, 0), (0, 0), "TOP"),
            ]

        return _FlowingTable([header], rows, self.cols, lines, self.m)

    def tabular_indicators(self) -> Table:
        """一级|二级|三级|性质|指标值|单位|权重, 一级/二级 merged down (spans kept below a page)."""
        s = self.s
        caption: list[Any] = [_p(TABULAR_CAPTION, s.label)] + [""] * (len(TABULAR_HEADERS) - 1)
        rows: list[list[Any]] = [caption, [_p(h, s.label) for h in TABULAR_HEADERS]]
        first = len(rows)  # the first item row
        style: list[tuple[Any, ...]] = [("GRID", (0, 0), (-1, -1), _GRID, colors.black),
                                        ("SPAN", (0, 0), (-1, 0))]
        meta: list[tuple[int, str, str, float]] = []  # (indicator index, level1, level2, height)
        for i, ind in enumerate(self.form.indicators):
            for item in ind.items or [IndicatorItem()]:
                cells = [item.level3, item.nature, value_text(item.operator, item.value), item.unit, item.weight]
                pieces = [_pieces(t, w, self.m, s.body) for t, w in zip(cells, self.cols[2:], strict=True)]
                for k in range(max(len(p) for p in pieces)):
                    row: list[Any] = ["", ""]
                    height = 0.0
                    for col, (p, w) in enumerate(zip(pieces, self.cols[2:], strict=True)):
                        text = p[k] if k < len(p) else ""
                        para = _p(text, s.body if col == 0 else s.label)
                        height = max(height, para.wrap(w - 2 * PAD, FRAME_H)[1])
                        row.append(para)
                    rows.append(row)
                    meta.append((i, ind.level1, ind.level2, height + 2 * PAD))
        # Merge 一级 over consecutive rows of the same 一级, 二级 over the rows of one indicator,
        # cutting a merge that would be taller than MAX_CELL_H (a span cannot split across pages).
        for col, key in ((0, lambda m: (m[1], m[0] if not m[1] else -1)), (1, lambda m: (m[0],))):
            start = 0
            while start < len(meta):
                end, height, label_key = start, meta[start][3], key(meta[start])
                while end + 1 < len(meta) and key(meta[end + 1]) == label_key \
                        and height + meta[end + 1][3] <= MAX_CELL_H:
                    end += 1
                    height += meta[end][3]
                text = meta[start][1] if col == 0 else meta[start][2]
                continued = start > 0 and key(meta[start - 1]) == label_key
                rows[start + first][col] = _p(text + (CONTINUED if continued and text else ""), s.label)
                if end > start:
                    style.append(("SPAN", (col, start + first), (col, end + first)))
                start = end + 1
        total = weight_sum(self.form)
        if total is not None:
            rows.append([_p(LABEL_SUM, s.label), "", "", "", "", "", _p(format_weight(total), s.label)])
            style.append(("SPAN", (0, len(rows) - 1), (5, len(rows) - 1)))
        return self.table(rows, self.cols, style, repeat=first)


def _canvas_maker(fingerprint: str | None) -> Callable[..., Canvas]:
    class _NumberedCanvas(Canvas):
        """Holds every page until the end so the footer can say 共 y 页."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Start every page in our font: else reportlab names an unembedded Helvetica.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or BODY_SIZE
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            self.saveState()
            self.setFont(FONT, 9)
            self.setFillColor(colors.black)
            self.drawCentredString(PAGE_W / 2, MARGIN / 2, page_footer(self._pageNumber, total))
            if fingerprint:
                self.drawRightString(PAGE_W - MARGIN, MARGIN / 2, FINGERPRINT_LABEL + fingerprint)
            self.restoreState()

    return _NumberedCanvas


def _watermark(canvas: Canvas, _doc: Any) -> None:
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.18))
    canvas.setFont(FONT, 150)
    canvas.translate(PAGE_W / 2, PAGE_H / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -50, DRAFT_MARK)
    canvas.restoreState()


def _nothing(_canvas: Canvas, _doc: Any) -> None:
    return None


def build_story(form: Form) -> list[Flowable]:
    """The flowables of the printed form (title, tables, 填制说明)."""
    register_font()
    tabular = form.template == TEMPLATE_TABULAR
    if tabular:
        top = (TAB_COLS[0], TAB_COLS[1], FRAME_W - TAB_COLS[0] - TAB_COLS[1])
        b = _Builder(form, TAB_COLS, top)
        total_only = not form.funds.basic.strip() and not form.funds.project.strip()
        indicators = b.tabular_indicators()
    else:
        b = _Builder(form, BJ_COLS, BJ_COLS)  # type: ignore[arg-type]
        total_only = False
        indicators = b.bj_indicators()
    return [
        _Title(TITLE),
        Paragraph(_markup(year_text(form.year)), b.s.year),
        b.top_table(total_only),
        b.labelled_text(LABEL_GOALS, form.goals),
        indicators,
        b.labelled_text(LABEL_OTHER, form.other_notes),
        Spacer(1, 4),
        Paragraph(_markup(INSTRUCTIONS), b.s.note),
    ]


def export_pdf(form: Form, path: str | Path, *, fingerprint: str | None = None) -> PdfResult:
    """Write the form as an A4 PDF to ``path`` (callers wrap this in atomic_write).

    ``fingerprint`` None = a draft (草稿 watermark); set = a 定稿 form (fingerprint in the footer).
    """
    story = build_story(form)
    doc = BaseDocTemplate(
        str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=f"{TITLE}{year_text(form.year)}", author=form.department or "",
        creator="绩效目标申报助手", subject=TITLE,
    )
    frame = Frame(MARGIN, MARGIN, FRAME_W, FRAME_H, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    mark = _watermark if fingerprint is None else _nothing
    doc.addPageTemplates([PageTemplate(id="form", frames=[frame], onPage=mark)])
    doc.build(story, canvasmaker=_canvas_maker(fingerprint))
    return PdfResult(pages=doc.page, missing_chars=missing_chars(form))
