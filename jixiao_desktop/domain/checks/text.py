"""Text hygiene: duplicated passages, broken numbering, stale years, unbalanced quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from jixiao_desktop.domain.checks.registry import Context, snippet
from jixiao_desktop.domain.checks.repeats import duplicate_runs
from jixiao_desktop.domain.fields import field_label, field_text
from jixiao_desktop.domain.model import Category, chinese_numeral, parse_chinese_numeral
from jixiao_desktop.domain.quantities import unit_at
from jixiao_desktop.domain.row_numbers import row_ordinal

# --- which fields ------------------------------------------------------------------------


def long_text_fields(ctx: Context) -> Iterator[tuple[str, str]]:
    """The prose fields: goals, every indicator content, other notes."""
    form = ctx.form
    if form.goals.strip():
        yield "goals", form.goals
    for i, ind in enumerate(form.indicators):
        if ind.content.strip():
            yield f"indicators[{i}].content", ind.content
    if form.other_notes.strip():
        yield "other_notes", form.other_notes


def all_text_fields(ctx: Context) -> Iterator[tuple[str, str]]:
    """Every field a clerk writes words into, in form order."""
    form = ctx.form
    if form.department.strip():
        yield "department", form.department
    if form.goals.strip():
        yield "goals", form.goals
    for i, ind in enumerate(form.indicators):
        for attr in ("name", "level1", "level2", "content"):
            value = getattr(ind, attr)
            if value.strip():
                yield f"indicators[{i}].{attr}", value
        for j, item in enumerate(ind.items):
            for attr in ("level3", "value", "note"):
                value = getattr(item, attr)
                if value.strip():
                    yield f"indicators[{i}].items[{j}].{attr}", value
    if form.other_notes.strip():
        yield "other_notes", form.other_notes


def _where(path: str) -> str:
    return field_label(path) or "本表"


# --- text.duplicate_passage ----------------------------------------------------------------


def check_duplicates(ctx: Context) -> None:
    size = max(8, int(ctx.settings.duplicate_min_chars))
    fields = list(long_text_fields(ctx))
    for f, start, end, length, source in duplicate_runs(tuple(t for _p, t in fields), size):
        path, text = fields[f]
        where = "本栏前文" if source == f else f"“{_where(fields[source][0])}”中"
        ctx.add("text.duplicate_passage", path,
                f"这段 {length} 字的文字（“{snippet(text, start, end, 30)}”）在{where}已经出现过，"
                "可能是重复粘贴或遗留的段落。请删去重复的一处，或改写成不同的内容。",
                (start, end))


# --- text.numbering_broken ------------------------------------------------------------------

_CN = "一二三四五六七八九十"
_MARKER_RE = re.compile(
    r"(?:^|(?<=[。；;]))[ \t\u3000]*(?:"
    rf"(?P<cn>[{_CN}]{{1,3}})[、.．]"
    rf"|[（(](?P<pcn>[{_CN}]{{1,3}})[）)]"
    r"|[（(](?P<pd>\d{1,2})[）)]"
    r"|(?P<dp>\d{1,2})[）)]"
    r"|(?P<d>\d{1,2})、"
    r"|(?P<dot>\d{1,2})[.．](?!\d)"
    r")",
    re.M,
)
_DIGIT_FAMILIES = ("d", "dot")
_BARE_RE = re.compile(r"^[ \t\u3000]*(?P<bare>\d{1,2})(?=[\u4e00-\u9fff])", re.M)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CIRCLED_RE = re.compile(f"[{_CIRCLED}]")


def _markers(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, family, number) of every list marker, in order."""
    found: list[tuple[int, int, str, int]] = []
    for m in _MARKER_RE.finditer(text):
        family = m.lastgroup or ""  # each alternative has one named group, the last matched
        value = m[family]
        number = parse_chinese_numeral(value) if family in ("cn", "pcn") else int(value)
        if number:
            whole = m.group()
            found.append((m.start() + len(whole) - len(whole.lstrip()), m.end(), family, number))
    has_digits = any(f in _DIGIT_FAMILIES for _s, _e, f, _n in found)
    if has_digits:
        for m in _BARE_RE.finditer(text):
            pos = m.end("bare")
            if unit_at(text, pos) is None:
                found.append((m.start("bare"), pos, "bare", int(m["bare"])))
    for m in _CIRCLED_RE.finditer(text):
        found.append((m.start(), m.end(), "circ", _CIRCLED.index(m.group()) + 1))
    found.sort()
    return found


@lru_cache(maxsize=256)
def numbering_problems(text: str) -> tuple[tuple[tuple[int, int], str], ...]:
    """(span, message) for each skip, repeat or step back of a numbered list.

    Lists nest by style: a style not open yet starts a nested list (at any number); a style
    already open closes the lists nested under it and must continue its own count. Lists
    restarting at 1 under a new parent are therefore fine.
    """
    problems: list[tuple[tuple[int, int], str]] = []
    stack: list[list[object]] = []  # [family, last number, last marker text]
    for start, end, family, number in _markers(text):
        marker = text[start:end].strip()
        if family == "bare":
            # A bare "8" at a line start joins the innermost digit list that is open, if any.
            open_digits = [str(entry[0]) for entry in stack if entry[0] in _DIGIT_FAMILIES]
            if not open_digits:
                continue
            family = open_digits[-1]
        depth = next((k for k, entry in enumerate(stack) if entry[0] == family), None)
        if depth is None:
            top = stack[-1] if stack else None
            if top is not None and number > 1 and number == int(top[1]) + 1:  # type: ignore[call-overload]
                depth = len(stack) - 1  # a mixed style continuing the same list (2. after 1、)
            else:
                stack.append([family, number, marker])
                continue
        del stack[depth + 1:]
        last = int(stack[depth][1])  # type: ignore[call-overload]
        previous = str(stack[depth][2])
        if number == last + 1 or number == 1:
            pass
        elif number == last:
            problems.append(((start, end), f"编号“{marker}”重复：前面已有“{previous}”"))
        elif number > last + 1:
            missing = _label(family, last + 1) if number == last + 2 else \
                f"{_label(family, last + 1)}至{_label(family, number - 1)}"
            problems.append(((start, end), f"“{previous}”之后是“{marker}”，跳过了{missing}"))
        else:
            problems.append(((start, end), f"“{previous}”之后又回到“{marker}”，编号倒退"))
        stack[depth][1] = number
        stack[depth][2] = marker
    return tuple(problems)


def _label(family: str, number: int) -> str:
    if family in ("cn", "pcn"):
        return chinese_numeral(number)
    if family == "circ":
        return _CIRCLED[number - 1] if number <= len(_CIRCLED) else str(number)
    return str(number)


def check_numbering(ctx: Context) -> None:
    for path, text in long_text_fields(ctx):
        for span, problem in numbering_problems(text):
            ctx.add("text.numbering_broken", path,
                    f"{problem}。请按顺序重新编号（嵌套的下一级从1开始不算错）。", span)
    # Ordinals of numbered rows: 产出指标一、二、四 (one reading with 重新编号: domain.row_numbers).
    last: dict[Category, tuple[int, str]] = {}
    for i, ind in enumerate(ctx.form.indicators):
        ordinal = row_ordinal(ind.name)
        if ordinal is None or ordinal.number is None:
            continue
        number, word, span = ordinal.number, ordinal.word, ordinal.span
        label = ordinal.text_in(ind.name)
        if ordinal.family in last:
            previous_number, previous = last[ordinal.family]
            if number == previous_number:
                ctx.add("text.numbering_broken", f"indicators[{i}].name",
                        f"指标名称“{label}”与前面的“{previous}”重号。请按顺序改为"
                        f"“{word}指标{chinese_numeral(previous_number + 1)}”。", span)
            elif number != previous_number + 1:
                ctx.add("text.numbering_broken", f"indicators[{i}].name",
                        f"指标名称“{previous}”之后是“{label}”，"
                        f"{'缺少' if number > previous_number else '编号倒退，应为'}"
                        f"“{word}指标{chinese_numeral(previous_number + 1)}”。请按顺序编号。", span)
        elif number != 1:
            ctx.add("text.numbering_broken", f"indicators[{i}].name",
                    f"指标名称“{label}”前面没有“{word}指标一”。请从“一”开始按顺序编号。", span)
        last[ordinal.family] = (number, label)


# --- text.stale_year ------------------------------------------------------------------------

# A year (2021年), a year with its month (2019年12月) or a dotted year-month (2023.12).
_YEAR_RE = re.compile(
    r"(?<![\dA-Za-z.．])(?P<y>(?:19|20)\d{2})\s*"
    r"(?:年(?:\s*(?P<m>1[0-2]|0?[1-9])\s*月)?|[.．/](?P<dm>1[0-2]|0?[1-9])(?![\d.．]))"
)
# The end of a date range: 2023.07-2024.01, 2021年6月至2022年6月, 2021年3-6月.
_RANGE_END_RE = re.compile(
    r"\s*(?:-|—|–|~|～|至|到)\s*(?:(?P<y>(?:19|20)\d{2})\s*(?:年(?:\s*\d{1,2}\s*月)?|[.．/]\s*\d{1,2}(?![\d.．]))"
    r"|\d{1,2}\s*月)"
)
_MONTHS_RE = re.compile(r"\d{1,2}\s*(?:-|—|–|~|～|至|到)\s*\d{1,2}\s*月")
_HISTORIC_BEFORE = re.compile(r"(?:较|比|与|截至|截止|自|从|至|于|同|相比|对比)\s*$")
# 计划于2023年12月完成: 于 after a word of intent is the plan's time, not history.
_PLAN_BEFORE = re.compile(r"(?:计划|预计|将|拟|力争|确保|争取|要求|须|应)\s*(?:在|于)\s*$")
_HISTORIC_AFTER = re.compile(r"\s*(?:以来|以前|之前|起|相比|同期|至|到|[-—–~～])")
# What only history is said with: 2019年12月印发的…, 2021年已完成…, 2020年荣获….
_PAST_AFTER = re.compile(r"(?:[底末初]|[上中下]旬)?\s*(?:[，,]\s*)?(?:已|曾|荣获|获评|被评|被授予|被命名|印发|颁布|出台|批复|发布的)")
_TIME_UNITS = frozenset(("", "年", "月", "日", "年月", "年月日", "日期", "时间", "时限"))
_STALE_SPAN_YEARS = 5


def _stale_dates(text: str, year: int, number_unit: bool) -> list[tuple[int, int, str]]:
    """(start, end, text) of each past year or date written as the plan's time in ``text``.

    ``number_unit``: the text is an item value whose unit column is not a time (2023.12 万元
    there is an amount, not a date).
    """
    hits: list[tuple[int, int, str]] = []
    skip_until = 0
    for m in _YEAR_RE.finditer(text):
        start, end = m.start(), m.end()
        if start < skip_until:
            continue
        value = int(m["y"])
        dated = m["m"] is not None or m["dm"] is not None
        if m["dm"] is not None and (number_unit or unit_at(text, end) is not None):
            continue  # 2023.12万元: an amount
        if not dated and end < len(text) and text[end].isdigit():
            months = _MONTHS_RE.match(text, end)
            if months is None:
                continue  # 2021年3个社区: the year of something else
            dated, end = True, months.end()  # 2023年1-6月
        if dated:
            # A period (2023.07-2024.01) is dated by its start: a plan that starts in a past year.
            range_end = _RANGE_END_RE.match(text, end)
            if range_end is not None:
                end = skip_until = range_end.end()
        if not year - _STALE_SPAN_YEARS <= value < year:
            continue
        before = text[max(0, start - 6):start]
        if _HISTORIC_BEFORE.search(before) and not _PLAN_BEFORE.search(before):
            continue
        if _HISTORIC_AFTER.match(text, end):
            continue
        if _PAST_AFTER.match(text, end):
            continue
        if text.rfind("《", 0, start) > text.rfind("》", 0, start):
            continue  # inside a document title
        hits.append((start, end, text[start:end]))
    return hits


def check_stale_years(ctx: Context) -> None:
    year = ctx.form.year
    if year is None:
        return
    for path, text in all_text_fields(ctx):
        if "年" not in text and "." not in text and "．" not in text and "/" not in text:
            continue
        number_unit = False
        if path.endswith(".value") and ".items[" in path:
            number_unit = field_text(ctx.form, path[: -len("value")] + "unit").strip() not in _TIME_UNITS
        hits = _stale_dates(text, year, number_unit)
        if not hits:
            continue
        first_start, first_end, first_text = hits[0]
        first = "".join(first_text.split())
        examples = "、".join(f"“{snippet(text, s, min(len(text), e + 6), 14)}”" for s, e, _t in hits[:3])
        more = f"等 {len(hits)} 处" if len(hits) > 1 else ""
        if first.endswith("年"):
            fix = f"请改为 {year}年，若确指往年情况请写明（如“较{first}”“截至{first}”）。"
        else:
            fix = f"请改为 {year} 年度内的时间，若确指往年情况请写明（如“截至{first}”“{first}以来”）。"
        ctx.add("text.stale_year", path,
                f"本表是 {year} 年度，文中却把 {first} 写作计划{'年份' if first.endswith('年') else '时间'}："
                f"{examples}{more}。这通常是沿用上年表格时遗留的；{fix}",
                (first_start, first_end))


# --- text.unbalanced_quotes -----------------------------------------------------------------

_PAIRS = (("“", "”", "引号"), ("《", "》", "书名号"))


def check_quotes(ctx: Context) -> None:
    for path, text in all_text_fields(ctx):
        for opening, closing, name in _PAIRS:
            if opening not in text and closing not in text:
                continue
            for position, kind in _unbalanced(text, opening, closing):
                if kind == "open":
                    end = position + 1
                    while end < len(text) and end - position < 20 and text[end] not in "\n。；;":
                        end += 1
                    excerpt = snippet(text, position, end, 20)
                    what = f"前{name}{opening}没有对应的后{name}{closing}（{excerpt}）"
                    fix = f"请在引用结束处补上{closing}，或删去多余的{opening}。"
                else:
                    end = position + 1
                    begin = max(0, position - 12)
                    excerpt = snippet(text, begin, end, 20)
                    what = f"后{name}{closing}前面没有对应的前{name}{opening}（{excerpt}）"
                    fix = f"请在引用开始处补上{opening}，或删去多余的{closing}。"
                ctx.add("text.unbalanced_quotes", path, f"{name}不成对：{what}。{fix}", (position, end))


def _unbalanced(text: str, opening: str, closing: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    open_at: int | None = None
    for m in _QUOTE_RES[opening].finditer(text):
        k = m.start()
        if m.group() == opening:
            if open_at is not None:
                found.append((open_at, "open"))
            open_at = k
        elif open_at is None:
            found.append((k, "close"))
        else:
            open_at = None
    if open_at is not None:
        found.append((open_at, "open"))
    return found


_QUOTE_RES = {opening: re.compile(f"[{opening}{closing}]") for opening, closing, _name in _PAIRS}
