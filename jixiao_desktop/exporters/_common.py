"""What the Excel sheet and the PDF share: the printed labels, the printed fields and amounts,
and cutting long text into rows.

An Excel row is at most 409 pt, so a long cell is cut into several consecutive rows.
``split_text`` does the cutting with the same Chinese line breaking as the PDF and says how each
piece joins the one before, so that an import can join them back exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from jixiao_desktop.domain.model import FORM_TITLE, Form
from jixiao_desktop.domain.weights import weight_total
from jixiao_desktop.exporters.linebreak import break_lines

TITLE = FORM_TITLE
LABEL_DEPARTMENT = "部门（单位）名称"
LABEL_FUNDS_PREFIX = "部门（单位）总体资金情况"
LABEL_TOTAL = "资金总额："
LABEL_BASIC = "基本支出："
LABEL_PROJECT = "项目支出："
SOURCES_PREFIX = "其中："
LABEL_GOALS = "部门（单位）绩效目标"
LABEL_INDICATORS = "绩效指标"
LABEL_NAME = "指标名称"
LABEL_CONTENT = "指标内容和指标值"
LABEL_OTHER = "其他说明的问题"
LABEL_SUM = "合计"
CONTINUED = "（续）"
# The tabular template's section caption over its columns: names the part of the form, as the
# two-column layout's 绩效指标 | 指标名称 labels do.
TABULAR_CAPTION = "绩效指标（各级指标名称及指标值）"
TABULAR_HEADERS = ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "权重")
INSTRUCTIONS = (
    "填制说明：1、部门（单位）绩效目标：概括部门年度总体绩效目标。2、绩效指标：是对总体目标的分解和细化。"
    "按照部门职能、年度重点任务和年度重点项目分条填写。3、指标内容和指标值：应包括年度产出目标，"
    "以及相应产出所带来的效果目标。其中，产出目标应量化，预期效果目标应明确。4、指标内容：是对分解细化"
    "绩效目标的具体描述。5、指标值：是绩效目标要达到的量化的或其他可衡量的值。"
)
DRAFT_MARK = "草稿"
FINGERPRINT_LABEL = "定稿指纹："

# How a continuation piece joins the piece before it.
JOIN_NEWLINE = "\n"
JOIN_INLINE = ""


def funds_label(unit: str) -> str:
    return f"{LABEL_FUNDS_PREFIX}（{unit or '万元'}）"


def year_text(year: int | None) -> str:
    return f"（{year}年度）" if year is not None else "（    年度）"


def page_footer(page: int, pages: int) -> str:
    return f"第 {page} 页 共 {pages} 页"


def is_wide(ch: str) -> bool:
    """Full-width (CJK, full-width punctuation): counts as two columns."""
    return unicodedata.east_asian_width(ch) in ("W", "F", "A") and ord(ch) > 0x2000


@dataclass(frozen=True)
class Piece:
    """One printed row's share of a long text; ``join`` goes between it and the piece before."""

    text: str
    join: str


def split_text(text: str, width_of: Callable[[str], float], capacity: float, max_lines: int) -> list[Piece]:
    """Cut ``text`` into pieces of at most ``max_lines`` lines each, broken by the Chinese rules
    (``linebreak.break_lines``, as every printed cell). A piece that starts a typed line joins
    the one before with ``\n``, else with ``""``: ``join_pieces(split_text(t, ...)) == t``.
    """
    max_lines = max(1, max_lines)
    pieces: list[Piece] = []
    start, join, count = 0, JOIN_INLINE, 0
    for line in break_lines(text, width_of, capacity):
        if count == max_lines:
            boundary = line.start
            if boundary > 0 and text[boundary - 1] == "\n":
                pieces.append(Piece(text[start:boundary - 1], join))
                join = JOIN_NEWLINE
            else:
                pieces.append(Piece(text[start:boundary], join))
                join = JOIN_INLINE
            start, count = boundary, 0
        count += 1
    pieces.append(Piece(text[start:], join))
    return pieces


def continued_label(text: str, width_of: Callable[[str], float], capacity: float) -> str:
    """The label a continuation row prints: ``text（续）``, or when ``text`` takes more than two
    lines itself (a paragraph pasted as a 指标名称), its first words: ``前几字…（续）``."""
    lines = break_lines(text, width_of, capacity)
    if len(lines) <= 2:
        return text + CONTINUED
    # A name the clerk wrote as "产出指标四：坚持…" continues as 产出指标四（续）: its own label.
    head = re.split(r"[：:]", text.strip(), maxsplit=1)[0].strip()
    if head != text.strip() and head and len(break_lines(head + CONTINUED, width_of, capacity)) == 1:
        return head + CONTINUED
    first = lines[0]
    keep = max(1, first.end - first.start - 4)
    return text[first.start:first.start + keep] + "…" + CONTINUED


def join_pieces(pieces: list[Piece]) -> str:
    return "".join(p.join + p.text for p in pieces)


def printed_fields(form: Form) -> list[tuple[str, str]]:
    """(where, text) of everything a clerk typed that the printed form shows; ``where`` names
    the field as the clerk knows it (for the warning about characters that would not print)."""
    out = [(LABEL_DEPARTMENT, form.department), ("资金总额", form.funds.total),
           ("基本支出", form.funds.basic), ("项目支出", form.funds.project)]
    for k, src in enumerate(form.funds.sources or [], start=1):
        out += [(f"资金来源第 {k} 项名称", src.name), (f"资金来源第 {k} 项金额", src.amount)]
    out.append((LABEL_GOALS, form.goals))
    for n, ind in enumerate(form.indicators, start=1):
        where = f"第 {n} 项指标"
        out += [(f"{where}的指标名称", ind.name), (f"{where}的指标内容", ind.content),
                (f"{where}的一级指标", ind.level1), (f"{where}的二级指标", ind.level2)]
        for m, item in enumerate(ind.items, start=1):
            at = f"{where}第 {m} 个三级指标"
            out += [(f"{at}的名称", item.level3), (f"{at}的指标性质", item.nature),
                    (f"{at}的指标值", item.operator + item.value), (f"{at}的计量单位", item.unit),
                    (f"{at}的权重", item.weight), (f"{at}的方向", item.direction),
                    (f"{at}的指标解释", item.explanation), (f"{at}的评(扣)分标准", item.scoring),
                    (f"{at}的指标值确定依据", item.basis), (f"{at}的备注", item.note)]
    out.append((LABEL_OTHER, form.other_notes))
    return [(where, text) for where, text in out if text]


def typed_text(form: Form) -> str:
    """Everything a clerk typed that the printed form shows."""
    return "".join(text for _, text in printed_fields(form))


def weight_sum(form: Form) -> Decimal | None:
    """The 合计 row: sum of the readable 权重, or ``None`` when no weight is filled in."""
    weights = weight_total(form)
    return weights.total if weights.used else None


def format_weight(value: Decimal) -> str:
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def value_text(operator: str, value: str) -> str:
    """The 指标值 cell: operator in front of the value (``≥ 95``)."""
    return f"{operator} {value}" if operator else value
