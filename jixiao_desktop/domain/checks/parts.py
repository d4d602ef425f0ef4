"""indicators.parts_mismatch: a stated total next to its listed parts.

Two shapes are read, both within one line of text:

* a total followed by its breakdown: ``保洁员50名，其中东片20名、西片25名`` (also ``包括`` and a
  colon: ``76人：共计19个社区，每个社区4人``) — the parts run to the end of the sentence;
* parts followed by a total word (合计, 共计, 总计, 总共, 累计, 共, 总…):
  ``街道馆12场，社区馆6场/个（2个社区馆），合计24场``.

Parts may multiply: ``2个派出所各25名`` = 50, ``19个社区，每个社区4人`` = 76, ``6场/个（2个）`` = 12.
A trailing total is accepted when any natural reading adds up (the parts in its sentence, the
leading figure of each earlier sentence, or every figure of the line), so that a summary such as
``总计384人`` over five sentences with their own breakdowns holds. Fewer than two parts: nothing
to compare. Approximate figures (约, 余, 多, 左右) get 5% slack.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from jixiao_desktop.domain.checks.indicators import prose_fields
from jixiao_desktop.domain.checks.registry import Context, fmt_number
from jixiao_desktop.domain.quantities import (
    AREA_UNITS,
    MONEY_UNITS,
    OP_APPROX,
    PEOPLE_UNITS,
    PERCENT_UNITS,
    Quantity,
    extract_quantities,
)

_COUNTERS = frozenset(("个", "家", "处", "所", "支", "组", "队", "座", "栋", "间"))
_SENTENCE_BREAKS = "；;。！？!?\n"
_CLAUSE_BREAKS = "，,；;。！？!?\n：:、"
_LEADING_RE = re.compile(r"\s*(?:[，,]?\s*(?:其中|包括)|[：:])")
_TRAILING_RES = (
    re.compile(r"(?:合计|共计|总计|总共|累计)[^，,；;。：:\n]{0,8}$"),
    re.compile(r"共(?:约|有|计)?$"),
    re.compile(r"总[\u4e00-\u9fff]{1,4}$"),
)
_PER_COUNT_RE = re.compile(r"\s*[（(]\s*(\d+)\s*(?:个|家|处|所)")
_SKIP_UNITS = frozenset(PERCENT_UNITS) | {"分"}


@dataclass(frozen=True)
class _Part:
    q: Quantity
    cls: str
    value: Decimal  # multiplied out
    factor: int  # how many parts it stands for
    approx: bool

    @property
    def text(self) -> str:
        base = fmt_number(self.value / self.factor) if self.factor > 1 else fmt_number(self.value)
        return f"{base}×{self.factor}" if self.factor > 1 else base


def _unit_class(q: Quantity) -> str | None:
    if q.is_range or not q.unit or q.is_price:
        return None
    base = q.base_unit
    if base in _SKIP_UNITS:
        return None
    if base in PEOPLE_UNITS:
        return "人"
    if base in AREA_UNITS:
        return "平方米"
    if base in MONEY_UNITS:
        return "万元"
    return base


_SENTENCE_RE = re.compile(f"[{re.escape(_SENTENCE_BREAKS)}]")
_CLAUSE_RE = re.compile(f"[{re.escape(_CLAUSE_BREAKS)}]")


class _Breaks:
    """Where sentences and clauses of one text begin (bisect instead of scanning back)."""

    __slots__ = ("clauses", "sentences")

    def __init__(self, text: str) -> None:
        self.sentences = [m.start() for m in _SENTENCE_RE.finditer(text)]
        self.clauses = [m.start() for m in _CLAUSE_RE.finditer(text)]

    def sentence_start(self, pos: int) -> int:
        i = bisect_left(self.sentences, pos)
        return self.sentences[i - 1] + 1 if i else 0

    def sentence_end(self, pos: int) -> int:
        i = bisect_left(self.sentences, pos)
        return self.sentences[i] if i < len(self.sentences) else -1

    def clause_start(self, pos: int) -> int:
        i = bisect_left(self.clauses, pos)
        return self.clauses[i - 1] + 1 if i else 0


def _parts(text: str, quantities: list[Quantity], breaks: _Breaks) -> list[_Part]:
    parts: list[_Part] = []
    counters_all = [p for p in quantities if p.unit in _COUNTERS and p.value == p.value.to_integral()]
    for q in quantities:
        cls = _unit_class(q)
        if cls is None:
            continue
        start, end = q.span
        value = q.amount_wan() if cls == "万元" else q.value
        if value is None:
            continue
        factor = 1
        if q.is_per_unit:
            m = _PER_COUNT_RE.match(text, end)
            if not m:
                continue  # a rate with no count: not a part of anything
            factor = int(m.group(1))
        else:
            clause_left = breaks.clause_start(start)
            before = text[clause_left:start].rstrip()
            counters = [p for p in counters_all if p.span[0] < start]
            if before.endswith("各"):
                inside = [p for p in counters if p.span[0] >= clause_left]
                if inside:
                    factor = int(inside[-1].value)
            elif "每个" in before:
                sentence_left = breaks.sentence_start(start)
                earlier = [p for p in counters if sentence_left <= p.span[0] < clause_left]
                if earlier:
                    factor = int(earlier[-1].value)
        approx = q.op == OP_APPROX or "余" in q.raw or "多" in q.raw or "左右" in q.raw
        parts.append(_Part(q, cls, value * factor, max(factor, 1), approx))
    return parts


def _holds(total: _Part, parts: list[_Part]) -> bool:
    summed = sum((p.value for p in parts), Decimal(0))
    if summed == total.value:
        return True
    if total.approx or any(p.approx for p in parts):
        return abs(summed - total.value) <= total.value * Decimal("0.05")
    return False


def _count(parts: list[_Part]) -> int:
    return sum(p.factor for p in parts)


def _problem(total: _Part, parts: list[_Part]) -> tuple[tuple[int, int], str]:
    summed = sum((p.value for p in parts), Decimal(0))
    expression = " + ".join(p.text for p in parts)
    unit = total.q.unit
    return total.q.span, (
        f"“{total.q.raw}”与所列分项之和不符：{expression} = {fmt_number(summed)}{unit}，"
        f"相差 {fmt_number(abs(summed - total.value))}{unit}。"
        "请核对总数或各分项；若某项是“每个”的数量，请写明个数（如“各25名”“6场/个（2个）”）。")


def check_parts(ctx: Context) -> None:
    for path, text, _ind in prose_fields(ctx):
        for span, message in parts_problems(text):
            ctx.add("indicators.parts_mismatch", path, message, span)


@lru_cache(maxsize=256)
def parts_problems(text: str) -> tuple[tuple[tuple[int, int], str], ...]:
    """(span of the total, message) for each total that its parts do not add up to."""
    quantities = extract_quantities(text)
    if len(quantities) < 3:
        return ()
    breaks = _Breaks(text)
    parts = _parts(text, quantities, breaks)
    if len(parts) < 3:
        return ()
    return tuple(_check_text(text, parts, breaks))


def _check_text(text: str, parts: list[_Part], breaks: _Breaks) -> Iterator[tuple[tuple[int, int], str]]:
    for index, total in enumerate(parts):
        start, end = total.q.span
        sentence_left = breaks.sentence_start(start)
        line_left = text.rfind("\n", 0, start) + 1
        # A total followed by its breakdown.
        lead = _LEADING_RE.match(text, end)
        if lead:
            sentence_right = breaks.sentence_end(end)
            if sentence_right < 0:
                sentence_right = len(text)
            breakdown = [p for p in parts[index + 1:]
                         if p.cls == total.cls and p.q.span[0] < sentence_right]
            if _count(breakdown) >= 2 and not _holds(total, breakdown):
                yield _problem(total, breakdown)
            continue
        # Parts followed by a total word.
        clause_left = breaks.clause_start(start)
        prefix = text[clause_left:start]
        if not any(r.search(prefix) for r in _TRAILING_RES):
            continue
        earlier = [p for p in parts[:index] if p.cls == total.cls and p.q.span[0] >= line_left]
        same_sentence = [p for p in earlier if p.q.span[0] >= sentence_left]
        leads: list[_Part] = []
        seen_sentences: set[int] = set()
        for p in earlier:
            s = breaks.sentence_start(p.q.span[0])
            if s < sentence_left and s not in seen_sentences:
                seen_sentences.add(s)
                leads.append(p)
        readings = [r for r in (same_sentence, leads, earlier) if _count(r) >= 2]
        if not readings or any(_holds(total, r) for r in readings):
            continue
        yield _problem(total, readings[0])
