"""PDF export of a form in its printed layout (print-layout.md "Typesetting"), with reportlab.

A4 portrait, 2 cm margins, ruled tables as wide as the page (``flowing.Grid``): body text in
the bundled Song face (AR PL UMing CN), labels in 黑体 (WenQuanYi Micro Hei), both embedded as
subsets; per character the first face with ink for it (``fonts.FontChain``). Every cell is
broken into lines by the Chinese rules (``linebreak``), once, and a cell longer than the rest
of a page continues on the next one with its labels repeated (（续）) and the indicator header
repeated. Footer 第 x 页 共 y 页; a draft carries a light diagonal 草稿, a 定稿 form its
fingerprint. Characters no bundled face can draw print as 〓 and are reported by field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Spacer

from jixiao_desktop.domain import evaluation as ev
from jixiao_desktop.domain.columns import Column, printed_columns
from jixiao_desktop.domain.model import TEMPLATE_TABULAR, Form, IndicatorItem
from jixiao_desktop.domain.money import printed_amount
from jixiao_desktop.domain.profiles import profile_for_form
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
    TITLE,
    continued_label,
    format_weight,
    funds_label,
    page_footer,
    printed_fields,
    value_text,
    weight_sum,
    year_text,
)
from jixiao_desktop.exporters.pdf.flowing import (
    BODY_SIZE,
    FRAME_H,
    FRAME_W,
    LEADING,
    MARGIN,
    PAD,
    PAGE_H,
    PAGE_W,
    Cell,
    Grid,
    Row,
)
from jixiao_desktop.exporters.pdf.fonts import (
    BODY_CHAIN,
    FONT,
    LABEL_CHAIN,
    SONG,
    FontChain,
    unprintable_chars,
)
from jixiao_desktop.exporters.pdf.identity import keywords
from jixiao_desktop.exporters.pdf.text import CellText, TextFlowable, TextStyle

# Column A holds 部门（单位）名称 on one line (8 full-width characters + padding).
BJ_COLS = (94.0, 92.0, FRAME_W - 94.0 - 92.0)
TAB_COLS = (94.0, 66.0, 98.0, 50.0, 72.0, 50.0, FRAME_W - 94.0 - 66.0 - 98.0 - 50.0 - 72.0 - 50.0)
# With the optional 方向 / 备注 columns the others narrow (备注 takes the rest).
_TAB_NARROW = (58.0, 58.0, 84.0, 40.0, 56.0, 40.0, 36.0)
_DIRECTION_W = 36.0
_DEFAULT_KEYS = ("level1", "level2", "level3", "nature", "value", "unit", "weight")
# A profile's own set of columns: shares of the page width by the field shown.
_KEY_SHARE = {"level1": 58.0, "level2": 58.0, "level3": 84.0, "nature": 40.0, "operator": 30.0, "value": 56.0,
              "unit": 40.0, "weight": 36.0, "direction": 36.0, "explanation": 90.0, "scoring": 90.0,
              "basis": 80.0, "note": 70.0}
_LEFT_KEYS = frozenset({"level3", "explanation", "scoring", "basis", "note"})


@dataclass(frozen=True)
class PdfResult:
    """Pages written and the characters no bundled face can draw (printed as 〓).

    ``unprintable`` lists (field, characters) so the clerk can find them.
    """

    pages: int
    missing_chars: str
    unprintable: list[tuple[str, str]] = field(default_factory=list)


def unprintable_fields(form: Form) -> list[tuple[str, str]]:
    """(field, characters) for every printed field holding characters that would print as 〓."""
    out = []
    for where, text in printed_fields(form):
        bad = unprintable_chars(text)
        if bad:
            out.append((where, bad))
    return out


def describe_unprintable(unprintable: list[tuple[str, str]]) -> str:
    """One Chinese sentence naming each character that would not print and where it is."""
    where = "；".join(f"{field}中的“{'”“'.join(chars)}”" for field, chars in unprintable)
    return f"以下字符随附的字体都无法显示，PDF 和打印件中将印作“〓”：{where}。可改用常用字或加注说明。"


def missing_chars(form: Form) -> str:
    """Characters of the printed text that no bundled face can draw."""
    return "".join(dict.fromkeys("".join(chars for _, chars in unprintable_fields(form))))


class _Styles:
    def __init__(self) -> None:
        body, label = FontChain(BODY_CHAIN), FontChain(LABEL_CHAIN)
        self.body = TextStyle(body, BODY_SIZE, LEADING)
        self.body_center = TextStyle(body, BODY_SIZE, LEADING, center=True)
        self.label = TextStyle(label, BODY_SIZE, LEADING, center=True)
        self.year = TextStyle(body, 12, 18, center=True)
        self.note = TextStyle(body, 9, 13)


class _Title(Flowable):
    """The bold centred title in the Song face: the glyphs are filled and stroked (粗宋)."""

    def __init__(self, text: str, size: float = 18.0) -> None:
        super().__init__()
        self.text = text
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.size * 1.6

    def draw(self) -> None:
        c = self.canv
        w = pdfmetrics.stringWidth(self.text, SONG, self.size)
        t = c.beginText((self.width - w) / 2, self.size * 0.45)
        t.setFont(SONG, self.size)
        t.setTextRenderMode(2)
        c.setLineWidth(self.size * 0.04)
        t.textOut(self.text)
        c.drawText(t)


# --- building the story -------------------------------------------------------------------------


class _Builder:
    def __init__(self, form: Form, profile: Any | None = None) -> None:
        self.form = form
        self.profile = profile
        self.s = _Styles()

    def text(self, text: str, style: TextStyle) -> CellText:
        return CellText(text, style)

    def label(self, text: str) -> CellText:
        return CellText(text, self.s.label)

    def continued(self, text: str, style: TextStyle, width: float) -> CellText | None:
        """The label a continuation piece shows (``text（续）``, shortened when ``text`` is long)."""
        if not text.strip():
            return None
        return CellText(continued_label(CellText(text, style).text, style.width_of, width - 2 * PAD), style)

    def top(self, widths: tuple[float, float, float], total_only: bool) -> Grid:
        """部门名称 and 资金: A label | B sub-label | C value (B+C merged for the name)."""
        f = self.form
        s = self.s
        rows = [Row([Cell(self.label(LABEL_DEPARTMENT), 0, middle=True),
                     Cell(self.text(f.department, s.body), 1, colspan=2, middle=True)])]
        funds = [(LABEL_TOTAL, f.funds.total)]
        if not total_only:
            funds += [(LABEL_BASIC, f.funds.basic), (LABEL_PROJECT, f.funds.project)]
        for k, src in enumerate(f.funds.sources or []):
            funds.append(((SOURCES_PREFIX if k == 0 else "　　　") + src.name, src.amount))
        for k, (label, amount) in enumerate(funds):
            cells = [Cell(self.text(label, s.body), 1, middle=True),
                     Cell(self.text(printed_amount(amount), s.body), 2, middle=True)]
            if k == 0:
                unit = funds_label(f.funds.unit)
                cells.insert(0, Cell(self.label(unit), 0, rowspan=len(funds), middle=True,
                                     cont=self.label(unit + CONTINUED)))
            rows.append(Row(cells))
        return Grid(widths, [], rows)

    def labelled_text(self, widths: tuple[float, ...], label: str, text: str) -> Grid:
        """A section label in A and a long text over the other columns (绩效目标, 其他说明的问题)."""
        row = Row([Cell(self.label(label), 0, middle=True, cont=self.label(label + CONTINUED)),
                   Cell(self.text(text, self.s.body), 1, colspan=len(widths) - 1)])
        return Grid(widths, [], [row])

    def bj_indicators(self) -> Grid:
        """绩效指标 (A, one cell down every piece) | 指标名称 | 指标内容和指标值."""
        s = self.s
        header = Row([Cell(self.label(LABEL_NAME), 1, middle=True),
                      Cell(self.label(LABEL_CONTENT), 2, middle=True)])
        rows = [Row([Cell(self.text(ind.name, s.body), 1,
                          cont=self.continued(ind.name, s.body, BJ_COLS[1])),
                     Cell(self.text(ind.content, s.body), 2)])
                for ind in self.form.indicators]
        side = Cell(self.label(LABEL_INDICATORS), 0, middle=True)
        return Grid(BJ_COLS, [header], rows, side)

    def tabular_columns(self) -> tuple[tuple[float, ...], list[Column]]:
        """The profile's columns (``domain.columns``) and their widths; the default table (with
        方向 / 备注 when filled) keeps the widths it always had."""
        columns = list(printed_columns(self.form, self.profile))
        keys = tuple(c.key for c in columns)
        if keys == _DEFAULT_KEYS:
            return TAB_COLS, columns
        if keys[:len(_DEFAULT_KEYS)] == _DEFAULT_KEYS and set(keys[len(_DEFAULT_KEYS):]) <= {"direction", "note"}:
            widths = list(_TAB_NARROW) + ([_DIRECTION_W] if "direction" in keys else [])
            if "note" in keys:
                widths.append(FRAME_W - sum(widths))
            else:
                widths[2] += FRAME_W - sum(widths)  # 三级 takes the rest
            return tuple(widths), columns
        # Any other set: each column in proportion to its usual width, as wide as the page.
        share = [_KEY_SHARE[c.key] for c in columns]
        return tuple(FRAME_W * x / sum(share) for x in share), columns

    def tabular_indicators(self, widths: tuple[float, ...], columns: list[Column]) -> Grid:
        """The profile's columns (一级|二级|三级|性质|指标值|单位|权重[|方向][|备注] by default),
        一级/二级 merged down over their items."""
        s = self.s
        n = len(widths)
        header = [Row([Cell(self.label(TABULAR_CAPTION), 0, colspan=n, middle=True)]),
                  Row([Cell(self.label(col.label), c, middle=True) for c, col in enumerate(columns)])]
        rows: list[Row] = []
        own_operator = any(col.key == "operator" for col in columns)  # Sichuan's 指标性质 column
        level1_row: Cell | None = None
        level1_text: str | None = None
        for ind in self.form.indicators:
            items = ind.items or [IndicatorItem()]
            first_row = len(rows)
            for item in items:
                cells = []
                for c, col in enumerate(columns[2:], start=2):
                    text = (value_text(item.operator, item.value) if col.key == "value" and not own_operator
                            else str(getattr(item, col.key)))
                    left = col.key in _LEFT_KEYS  # text, flush left
                    cells.append(Cell(self.text(text, s.body if left else s.body_center), c, middle=not left))
                rows.append(Row(cells))
            # 二级 over the indicator's rows; 一级 over consecutive indicators of the same 一级.
            rows[first_row].cells.insert(0, Cell(self.text(ind.level2, s.body_center), 1, rowspan=len(items),
                                                 middle=True,
                                                 cont=self.continued(ind.level2, s.body_center, widths[1])))
            if level1_row is not None and ind.level1 and ind.level1 == level1_text:
                level1_row.rowspan += len(items)
            else:
                level1_row = Cell(self.text(ind.level1, s.body_center), 0, rowspan=len(items), middle=True,
                                  cont=self.continued(ind.level1, s.body_center, widths[0]))
                level1_text = ind.level1
                rows[first_row].cells.insert(0, level1_row)
        weight_col = next((c for c, col in enumerate(columns) if col.key == "weight"), None)
        total = weight_sum(self.form)
        if total is not None and weight_col is not None:
            rows.append(Row([Cell(self.label(LABEL_SUM), 0, colspan=weight_col, middle=True),
                             Cell(self.text(format_weight(total), s.body_center), weight_col, middle=True)]
                            + [Cell(None, c) for c in range(weight_col + 1, n)]))
        return Grid(widths, header, rows)


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


def _stage_story(b: _Builder, stage: ev.Stage) -> list[Flowable]:
    """The 监控表 / 自评表 (self-evaluation.md "Print"): 预算执行 on top, each indicator's target,
    实际完成值, 得分 and 偏差原因分析 / 改进措施, the total at the foot; then the 申报表 follows."""
    form, s = b.form, b.s
    result = ev.score_form(form, (b.profile or profile_for_form(form)).scoring)
    evaluating = stage is ev.Stage.EVALUATION
    rate = ev.printed_rate(result.rate) or "—"
    cells = [("全年预算数", ev.execution_text(form, "budget")), ("执行数", ev.execution_text(form, "executed")),
             ("执行率", rate)]
    cells.append((f"得分（{ev.printed_score(result.budget_points)}分）", ev.printed_score(result.budget_score))
                 if evaluating else ("截至", ev.execution_text(form, "as_of")))
    eight = tuple(FRAME_W / 8 for _ in range(8))
    execution = Grid(eight, [Row([Cell(b.label("预算执行情况（" + (form.funds.unit or "万元") + "）"), 0,
                                       colspan=8, middle=True)])],
                     [Row([c for k, (label, value) in enumerate(cells) for c in (
                         Cell(b.label(label), 2 * k, middle=True),
                         Cell(b.text(value, s.body_center), 2 * k + 1, middle=True))])])
    items = any(ind.items for ind in form.indicators)
    head = ["指标", "指标值", "实际完成值", "分值", "得分" if evaluating else "能否完成", "偏差原因分析", "改进措施"]
    shares = [0.2, 0.11, 0.13, 0.08, 0.08, 0.2, 0.2] if items else [0.25, 0.0, 0.42, 0.08, 0.08, 0.17, 0.0]
    if not evaluating:
        shares[3] = 0.0  # 分值 only where there are scores
    keep = [k for k, share in enumerate(shares) if share]
    widths = tuple(FRAME_W * shares[k] / sum(shares) for k in keep)
    scores = {x.path: x for x in result.items}
    rows: list[Row] = []
    for i, ind in enumerate(form.indicators):
        units = [(f"indicators[{i}].items[{j}]", it) for j, it in enumerate(ind.items)] if items else \
            ([(f"indicators[{i}]", None)] if ind.name.strip() or ind.content.strip() else [])
        for path, it in units:
            score = scores.get(path)
            points = ev.printed_score(score.points) if score else ""
            got = ev.printed_score(score.score) if score else ""
            if it is not None:
                actual = ev.item_text(it, "actual_value") or ev.item_text(it, "qualitative_grade")
                texts = [" ".join(t for t in (ind.level2.strip(), it.level3.strip()) if t),
                         value_text(it.operator, it.value) + it.unit, actual, points,
                         got if evaluating else ev.item_text(it, "will_meet"),
                         ev.item_text(it, "deviation_reason"), ev.item_text(it, "measures")]
            else:
                texts = [ind.name, "", ev.row_text(ind, "actual"), points, got if evaluating else "", "", ""]
            rows.append(Row([Cell(b.text(texts[k], s.body), c) for c, k in enumerate(keep)]))
    header = [Row([Cell(b.label(head[k]), c, middle=True) for c, k in enumerate(keep)])]
    story: list[Flowable] = [_Title(stage.form_title), TextFlowable(CellText(year_text(form.year), s.year)),
                             Spacer(1, 6), b.top(BJ_COLS, True), execution, Grid(widths, header, rows)]
    if evaluating:
        cap = f"（预算执行率封顶 {ev.printed_score(result.cap)} 分）" if result.cap is not None \
            and result.cap < result.uncapped else ""
        story += [b.labelled_text(BJ_COLS, label, ev.evaluation_text(form, key)) for label, key in (
            ("总体完成情况", "summary"), ("存在的问题", "problems"), ("下一步改进措施", "measures"))]
        story.append(b.labelled_text(BJ_COLS, "自评得分", f"{ev.printed_score(result.total)} 分{cap}"))
    return [*story, PageBreak()]


def build_story(form: Form, profile: Any | None = None) -> list[Flowable]:
    """The flowables of the printed form (title, tables, 填制说明); a tabular form prints the
    columns of ``profile`` (``None`` = the default table). A form at the 监控 or 自评 stage prints
    that table first, its 申报表 after it."""
    b = _Builder(form, profile)
    stage = ev.stage_of(form)
    before = _stage_story(b, stage) if stage is not ev.Stage.TARGET else []
    s = b.s
    if form.template == TEMPLATE_TABULAR:
        widths, columns = b.tabular_columns()
        top_cols = BJ_COLS  # 其中：财政拨款 on one line
        total_only = not form.funds.basic.strip() and not form.funds.project.strip()
        indicators = b.tabular_indicators(widths, columns)
    else:
        top_cols = BJ_COLS
        total_only = False
        indicators = b.bj_indicators()
    return [
        *before,
        _Title(TITLE),
        TextFlowable(CellText(year_text(form.year), s.year)),
        Spacer(1, 6),
        b.top(top_cols, total_only),
        b.labelled_text(top_cols, LABEL_GOALS, form.goals),
        indicators,
        b.labelled_text(top_cols, LABEL_OTHER, form.other_notes),
        TextFlowable(CellText(INSTRUCTIONS, s.note), space_before=10, keep_lines=8),
    ]


def export_pdf(form: Form, path: str | Path, *, fingerprint: str | None = None,
               progress: Callable[[int], bool] | None = None, profile: Any | None = None) -> PdfResult:
    """Write the form as an A4 PDF to ``path`` (callers wrap this in atomic_write).

    ``fingerprint`` None = a draft (草稿 watermark); set = a 定稿 form (fingerprint in the footer).
    ``progress(pages_done)`` is called as pages are laid out; returning False cancels the export
    (raises ``ExportCancelled``, nothing is written to ``path``... by the caller's atomic write).
    """
    story = build_story(form, profile)
    doc = BaseDocTemplate(
        str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=f"{TITLE}{year_text(form.year)}", author=form.department or "",
        creator="绩效目标申报助手", subject=TITLE, keywords=keywords(form, fingerprint),
    )
    frame = Frame(MARGIN, MARGIN, FRAME_W, FRAME_H, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    mark = _watermark if fingerprint is None else _nothing

    def on_page(canvas: Canvas, doc_: Any) -> None:
        mark(canvas, doc_)
        if progress is not None and not progress(canvas.getPageNumber()):
            raise ExportCancelled()

    doc.addPageTemplates([PageTemplate(id="form", frames=[frame], onPage=on_page)])
    doc.build(story, canvasmaker=_canvas_maker(fingerprint))
    unprintable = unprintable_fields(form)
    chars = "".join(dict.fromkeys("".join(c for _, c in unprintable)))
    return PdfResult(pages=doc.page, missing_chars=chars, unprintable=unprintable)


class ExportCancelled(Exception):
    """The clerk cancelled the export (the progress callback returned False)."""
