"""PDF export of a form in its printed layout (print-layout.md), with reportlab Platypus.

A4 portrait, 2 cm margins, a bordered table as wide as the page, Chinese wrapped with
``wordWrap="CJK"`` in the bundled WenQuanYi Micro Hei (embedded as a subset, so every reader
shows the text). A table row cannot split across pages in reportlab, so a long cell is cut
into consecutive rows (the 指标名称 repeated with （续）) and the indicator header repeats on
each page. Footer 第 x 页 共 y 页; a draft carries a light diagonal 草稿, a 定稿 form its
fingerprint. Characters the font lacks are reported, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

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
    format_weight,
    funds_label,
    page_footer,
    value_text,
    weight_sum,
    year_text,
)
from jixiao_desktop.exporters.pdf.flowing import (
    BODY_SIZE,
    FRAME_H,
    FRAME_W,
    GRID,
    LEADING,
    MARGIN,
    MAX_CELL_H,
    PAD,
    PAGE_H,
    PAGE_W,
    FlowingTable,
    Measure,
    Row,
    cut_pieces,
    grid_table,
    markup,
)
from jixiao_desktop.exporters.pdf.fonts import FONT, missing_chars, register_font


# Column A holds 部门（单位）名称 on one line (8 full-width characters + padding).
BJ_COLS = (94.0, 92.0, FRAME_W - 94.0 - 92.0)
TAB_COLS = (94.0, 66.0, 98.0, 50.0, 72.0, 50.0, FRAME_W - 94.0 - 66.0 - 98.0 - 50.0 - 72.0 - 50.0)


@dataclass(frozen=True)
class PdfResult:
    """Pages written and the characters the font cannot show (shown as boxes in the PDF)."""

    pages: int
    missing_chars: str



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



# --- building the story -------------------------------------------------------------------------

def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text), style)


def _amount_text(typed: str) -> str:
    value = try_parse_amount(typed)
    if value is None:
        return typed
    return format_amount(quantize_cents(value)) if len(value.as_tuple().digits) else typed


class _Builder:
    def __init__(self, form: Form, cols: tuple[float, ...], top_cols: tuple[float, float, float]) -> None:
        self.form = form
        self.s = _Styles()
        self.m = Measure()
        self.cols = cols
        self.top_cols = top_cols

    def table(self, rows: list[list[Any]], widths: tuple[float, ...], style: list[tuple[Any, ...]],
              repeat: int = 0) -> Table:
        return grid_table(rows, widths, style, repeat)

    def top_table(self, funds_total_only: bool) -> Table:
        """部门名称 and 资金: A label | B sub-label | C value (B+C merged for the name)."""
        f = self.form
        s = self.s
        rows: list[list[Any]] = []
        style: list[tuple[Any, ...]] = [("GRID", (0, 0), (-1, -1), GRID, colors.black)]
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

    def labelled_text(self, label: str, text: str) -> FlowingTable:
        """A section label in A and a long text over B+C (绩效目标, 其他说明的问题)."""
        s = self.s
        row = Row(cells=[label, text, ""], styles=[s.label, s.body, s.body], cut=1,
                   cont=[label + CONTINUED, "", ""], span=True)

        def lines(_header: int, _rows: int) -> list[tuple[Any, ...]]:
            return [("GRID", (0, 0), (-1, -1), GRID, colors.black)]

        return FlowingTable([], [row], self.top_cols, lines, self.m)

    def bj_indicators(self) -> FlowingTable:
        """绩效指标 (A, drawn as one cell down the table) | 指标名称 | 指标内容和指标值."""
        s = self.s
        header = Row(cells=[LABEL_INDICATORS, LABEL_NAME, LABEL_CONTENT], styles=[s.label] * 3, cut=2,
                      cont=[LABEL_INDICATORS, LABEL_NAME, LABEL_CONTENT], top=False)
        rows = [Row(cells=["", ind.name, ind.content], styles=[s.label, s.body, s.body], cut=2,
                     cont=["", ind.name + CONTINUED, ""])
                for ind in self.form.indicators]

        def lines(_header: int, _rows: int) -> list[tuple[Any, ...]]:
            return [
                ("BOX", (0, 0), (-1, -1), GRID, colors.black),
                ("GRID", (1, 0), (-1, -1), GRID, colors.black),
                ("VALIGN", (0, 0), (0, 0), "TOP"),
            ]

        return FlowingTable([header], rows, self.cols, lines, self.m)

    def tabular_indicators(self) -> Table:
        """一级|二级|三级|性质|指标值|单位|权重, 一级/二级 merged down (spans kept below a page)."""
        s = self.s
        caption: list[Any] = [_p(TABULAR_CAPTION, s.label)] + [""] * (len(TABULAR_HEADERS) - 1)
        rows: list[list[Any]] = [caption, [_p(h, s.label) for h in TABULAR_HEADERS]]
        first = len(rows)  # the first item row
        style: list[tuple[Any, ...]] = [("GRID", (0, 0), (-1, -1), GRID, colors.black),
                                        ("SPAN", (0, 0), (-1, 0))]
        meta: list[tuple[int, str, str, float]] = []  # (indicator index, level1, level2, height)
        for i, ind in enumerate(self.form.indicators):
            for item in ind.items or [IndicatorItem()]:
                cells = [item.level3, item.nature, value_text(item.operator, item.value), item.unit, item.weight]
                pieces = [cut_pieces(t, w, self.m, s.body) for t, w in zip(cells, self.cols[2:], strict=True)]
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
        Paragraph(markup(year_text(form.year)), b.s.year),
        b.top_table(total_only),
        b.labelled_text(LABEL_GOALS, form.goals),
        indicators,
        b.labelled_text(LABEL_OTHER, form.other_notes),
        Spacer(1, 4),
        Paragraph(markup(INSTRUCTIONS), b.s.note),
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
