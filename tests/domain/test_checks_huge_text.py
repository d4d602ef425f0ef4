"""text.duplicate_passage on a field of 200,000 characters: the same findings a clerk gets on a
short one (planted copies at the start, middle and end; another field; a degenerate run).

Correctness only; the speed of a huge field is measured by ``benchmarks/bench_checks.py``.
"""

from __future__ import annotations

import random

from jixiao_desktop.domain.checks import clear_caches, run_checks
from jixiao_desktop.domain.model import Form, Indicator

SIZE = 200_000


def _prose(rng: random.Random, n: int) -> str:
    """Random CJK text: no 40-character window of it repeats by chance."""
    return "".join(chr(rng.randrange(0x4E00, 0x9FA6)) for _ in range(n))


def _duplicates(form: Form) -> list[tuple[str, tuple[int, int] | None, str]]:
    clear_caches()
    return [(f.field, f.span, f.message) for f in run_checks(form) if f.rule == "text.duplicate_passage"]


def test_planted_copies_in_a_huge_field_are_each_reported_once() -> None:
    rng = random.Random(2026)
    head = _prose(rng, 60)     # the field starts with it, copied in the middle
    middle = _prose(rng, 45)   # in the middle, copied at the very end
    body = _prose(rng, SIZE)
    goals = head + body[:100_000] + head + middle + body[100_000:] + "————" * 30 + middle
    tail = goals[-300:-200]    # 100 characters from near the end, pasted into 其他说明
    form = Form(goals=goals, other_notes=_prose(rng, 500) + tail + _prose(rng, 20),
                indicators=[Indicator(name="产出指标一", content="完成社区服务 30 场")])

    found = _duplicates(form)

    copy_of_head = 60 + 100_000
    copy_of_middle = len(goals) - 45
    notes_start = 500
    assert [(field, span) for field, span, _m in found] == [
        ("goals", (copy_of_head, copy_of_head + 60)),
        ("goals", (copy_of_middle, copy_of_middle + 45)),
        ("other_notes", (notes_start, notes_start + 100)),
    ]
    messages = [m for _f, _s, m in found]
    assert messages[0].startswith("这段 60 字的文字") and "在本栏前文已经出现过" in messages[0]
    assert messages[1].startswith("这段 45 字的文字") and "在本栏前文已经出现过" in messages[1]
    assert messages[2].startswith("这段 100 字的文字") and "在“部门（单位）绩效目标”中已经出现过" in messages[2]
    # The row of ———— repeats itself but has too few distinct characters to be a passage.
    assert all("————" not in m for m in messages)


def test_a_huge_field_copied_whole_is_one_finding_with_its_length() -> None:
    rng = random.Random(7)
    text = _prose(rng, SIZE)
    form = Form(goals=text, other_notes="说明：" + text[:150_000] + "。",
                indicators=[Indicator(name="产出指标一", content=text[-80:])])

    found = _duplicates(form)

    assert [(field, span) for field, span, _m in found] == [
        ("indicators[0].content", (0, 80)),
        ("other_notes", (3, 3 + 150_000)),
    ]
    assert found[1][2].startswith("这段 150000 字的文字")
