"""The two ways ``repeats`` finds candidate slices give the same repeated passages.

Forms of ordinary size search each aligned block with ``str.find``; larger ones hash every
slice. Both must report exactly the same runs, whatever the texts: random texts over a small
alphabet repeat a lot (within a field, across fields, overlapping, at field ends).
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jixiao_desktop.domain.checks import repeats

_TEXTS = st.lists(st.text(alphabet="甲乙丙丁戊 \n", max_size=400), min_size=1, max_size=6)


def _runs(texts: tuple[str, ...], size: int, limit: int) -> tuple[tuple[int, int, int, int, int], ...]:
    saved = repeats._FIND_LIMIT
    repeats._FIND_LIMIT = limit
    try:
        repeats.duplicate_runs.cache_clear()
        return repeats.duplicate_runs(texts, size)
    finally:
        repeats._FIND_LIMIT = saved
        repeats.duplicate_runs.cache_clear()


def _naive(texts: tuple[str, ...], size: int) -> set[tuple[int, int]]:
    """(field, non-space index) of every window that occurred before, by brute force."""
    stripped = ["".join(t.split()) for t in texts]
    seen: list[tuple[int, int, str]] = []
    marked: set[tuple[int, int]] = set()
    for f, s in enumerate(stripped):
        for j in range(len(s) - size + 1):
            w = s[j:j + size]
            if len(set(w)) <= 4:
                continue
            if any(t == w and (k < f or q + size <= j) for k, q, t in seen):
                marked.add((f, j))
        seen.extend((f, j, s[j:j + size]) for j in range(len(s) - size + 1))
    return marked


@settings(max_examples=150, deadline=None)
@given(texts=_TEXTS, size=st.sampled_from([8, 10, 13]))
@example(texts=["甲乙丙丁戊甲乙丙丁", "丙丁戊甲乙丙丁戊甲乙丙丁戊"], size=8)
def test_find_and_hash_candidates_give_the_same_runs(texts: list[str], size: int) -> None:
    by_find = _runs(tuple(texts), size, 1_000_000)
    by_hash = _runs(tuple(texts), size, -1)
    assert by_find == by_hash


@pytest.mark.parametrize("limit", [1_000_000, -1])
@settings(max_examples=60, deadline=None)
@given(texts=_TEXTS)
def test_every_window_seen_before_is_inside_a_reported_run(limit: int, texts: list[str]) -> None:
    size = 8
    runs = _runs(tuple(texts), size, limit)
    covered: set[tuple[int, int]] = set()
    for f, start, end, _length, _source in runs:
        # The run's span is in the original text; map it back to non-space indexes.
        positions = [k for k, ch in enumerate(texts[f]) if not ch.isspace()]
        inside = [j for j, k in enumerate(positions) if start <= k < end]
        covered.update((f, j) for j in inside[:len(inside) - size + 1])
    assert _naive(tuple(texts), size) <= covered
