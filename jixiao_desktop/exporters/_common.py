"""What the Excel sheet and the PDF share: the printed labels and cutting long text into rows.

A printed table row cannot be taller than a page (reportlab cannot split a row; Excel caps a
row at 409 pt), so a long cell is cut into several consecutive rows. ``split_text`` does the
cutting for any way of counting wrapped lines and says how each piece joins the one before,
so that an import can join them back exactly.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from jixiao_desktop.domain.model import FORM_TITLE, Form
from jixiao_desktop.domain import money
from jixiao_desktop.domain.weights import weight_total

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


def wrap_lines(text: str, width_of: Callable[[str], float], capacity: float) -> int:
    """How many printed lines ``text`` (no newline inside) takes when wrapped at ``capacity``."""
    lines, used = 1, 0.0
    for ch in text:
        w = width_of(ch)
        if used + w > capacity and used > 0:
            lines += 1
            used = 0.0
        used += w
    return lines


def _cut_line(line: str, width_of: Callable[[str], float], capacity: float, max_lines: int) -> list[str]:
    """Cut one over-long line into parts of at most ``max_lines`` wrapped lines each."""
    parts: list[str] = []
    start, lines, used = 0, 1, 0.0
    for i, ch in enumerate(line):
        w = width_of(ch)
        if used + w > capacity and used > 0:
            lines += 1
            used = 0.0
            if lines > max_lines:
                parts.append(line[start:i])
                start, lines = i, 1
        used += w
    parts.append(line[start:])
    return parts


def split_text(text: str, width_of: Callable[[str], float], capacity: float, max_lines: int) -> list[Piece]:
    """Cut ``text`` into pieces of at most ``max_lines`` wrapped lines each.

    Pieces break between lines where possible (join ``\\n``), inside a line only when one line
    alone is too long (join ``""``). ``join_pieces(split_text(t, ...)) == t``.
    """
    max_lines = max(1, max_lines)
    segments: list[tuple[str, str, int]] = []  # (join, text, wrapped lines)
    for index, line in enumerate(text.split("\n")):
        join = JOIN_INLINE if index == 0 else JOIN_NEWLINE
        n = wrap_lines(line, width_of, capacity)
        if n <= max_lines:
            segments.append((join, line, n))
            continue
        for k, part in enumerate(_cut_line(line, width_of, capacity, max_lines)):
            segments.append((join if k == 0 else JOIN_INLINE, part,
                             wrap_lines(part, width_of, capacity)))
    pieces: list[Piece] = []
    join0, buf, lines = segments[0][0], [segments[0][1]], segments[0][2]
    for join, part, n in segments[1:]:
        if lines + n <= max_lines and join == JOIN_NEWLINE:
            buf.append(join + part)
            lines += n
        else:
            pieces.append(Piece("".join(buf), join0))
            join0, buf, lines = join, [part], n
    pieces.append(Piece("".join(buf), join0))
    return pieces


def fill_cut(text: str, width_of: Callable[[str], float], capacity: float,
             max_lines: int) -> tuple[str, str] | None:
    """Split ``text`` into a head of at most ``max_lines`` wrapped lines (cut inside a line if need
    be, to fill a page) and the rest; None when nothing fits or nothing is left over."""
    lines = text.split("\n")
    used = 0
    for i, line in enumerate(lines):
        n = wrap_lines(line, width_of, capacity)
        if used + n <= max_lines:
            used += n
            continue
        room = max_lines - used
        if room >= 1:
            first = _cut_line(line, width_of, capacity, room)[0]
            head = "\n".join(lines[:i] + [first])
            rest = "\n".join([line[len(first):]] + lines[i + 1:])
        else:
            head, rest = "\n".join(lines[:i]), "\n".join(lines[i:])
        if not head:
            return None
        return head, rest
    return None


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
                    (f"{at}的备注", item.note)]
    out.append((LABEL_OTHER, form.other_notes))
    return [(where, text) for where, text in out if text]


def typed_text(form: Form) -> str:
    """Everything a clerk typed that the printed form shows."""
    return "".join(text for _, text in printed_fields(form))


def printed_amount(typed: str) -> str:
    """An amount as the form prints it (``domain.money.printed_amount``: the decimals typed,
    at least two, thousands separators only when the clerk typed them)."""
    return money.printed_amount(typed)


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
