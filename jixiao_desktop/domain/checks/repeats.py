"""Repeated passages of the prose fields, found in time and memory linear in the text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import compress

_SPACE_RE = re.compile(r"\s+")
_MARKED_RUN_RE = re.compile(rb"\x01+")

# How the duplicates are found in time and memory linear in the text (a clerk may paste
# megabytes). A repeat is a window of ``size`` non-space characters that occurred before: in an
# earlier field, or earlier in the same field without overlapping itself. With
# ``block = size // 2``, every occurrence of a window contains a whole *aligned* block of its
# text (a slice ``[q, q + block)`` with ``q`` a multiple of ``block``). So each field keeps only
# the hashes of its aligned blocks (``len / block`` entries); a later text looks up each of its
# ``block``-character slices, verifies a candidate by comparing the characters, extends it to the
# maximal common run on that diagonal and marks every window of the run. A slice whose windows
# are all marked already is skipped, so a run is extended once, not once per character; the
# slices no target holds are passed over at C speed.
#
# On a form of ordinary size (every prose field together at most ``_FIND_LIMIT`` characters)
# the candidate slices are found instead by searching each distinct aligned block with
# ``str.find``: quadratic, but at C speed it is about three times faster there than hashing
# every slice, and it finds exactly the slices the hash index would, minus hash collisions
# (which the verification discards anyway), so the findings are the same.

_FIND_LIMIT = 16_000


class _Field:
    """A prose field without its whitespace, and the index of its aligned blocks."""

    __slots__ = ("_positions", "_text", "blocks", "stripped")

    def __init__(self, text: str, block: int) -> None:
        self._text = text
        self._positions: list[int] | None = None
        self.stripped = stripped = _SPACE_RE.sub("", text)
        blocks: dict[int, list[int]] = {}
        for q in range(0, len(stripped) - block + 1, block):
            blocks.setdefault(hash(stripped[q:q + block]), []).append(q)
        self.blocks = blocks  # hash of an aligned block -> its positions, ascending

    def position(self, j: int) -> int:
        """Index in the original text of the j-th non-space character."""
        if self._positions is None:
            self._positions = [k for k, ch in enumerate(self._text) if not ch.isspace()]
        return self._positions[j]


@lru_cache(maxsize=256)
def _field(text: str, block: int) -> _Field:
    return _Field(text, block)


def _common_prefix(x: str, i: int, y: str, k: int) -> int:
    """Length of the longest common prefix of ``x[i:]`` and ``y[k:]`` (galloping slices)."""
    limit = min(len(x) - i, len(y) - k)
    if not limit or x[i] != y[k]:
        return 0  # the usual case: the copy ends here
    n, step = 1, 16
    while n < limit:
        step = min(step, limit - n)
        if x[i + n:i + n + step] == y[k + n:k + n + step]:
            n, step = n + step, step * 2
        elif step == 1:
            break
        else:
            step //= 2
    return n


def _common_suffix(x: str, i: int, y: str, k: int) -> int:
    """Length of the longest common suffix of ``x[:i]`` and ``y[:k]`` (galloping slices)."""
    limit = min(i, k)
    if not limit or x[i - 1] != y[k - 1]:
        return 0
    n, step = 1, 16
    while n < limit:
        step = min(step, limit - n)
        if x[i - n - step:i - n] == y[k - n - step:k - n]:
            n, step = n + step, step * 2
        elif step == 1:
            break
        else:
            step //= 2
    return n


def _candidates(s: str, block: int, blocks: dict[int, list[tuple[int, int]]]) -> Iterator[int]:
    """The positions of ``s`` whose ``block``-character slice hashes like some aligned block.

    Hashed a chunk at a time in a comprehension (the fastest loop CPython has; a chunk bounds
    the memory), the rare hits alone reach Python code.
    """
    last = len(s) - block + 1
    for base in range(0, last, 4096):
        chunk = range(base, min(base + 4096, last))
        yield from compress(chunk, map(blocks.__contains__, [hash(s[i:i + block]) for i in chunk]))


def _found_candidates(fields: list[_Field], block: int, size: int) -> dict[int, list[int]]:
    """Field index -> the ascending positions whose ``block``-character slice equals an aligned
    block of an earlier field, or of the same field ending at least ``size`` characters before.

    Those are the candidates of ``_repeated_windows`` that can lead anywhere: there the first
    aligned occurrence of a slice comes first, and a slice of the same field closer than
    ``size`` to it ends the search at once.
    """
    ordered = list(fields)
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for field in ordered:
        starts.append(offset)
        parts.append(field.stripped)
        offset += len(field.stripped) + 1
    joined = "\n".join(parts)  # whitespace is stripped from every field: no block spans two
    found: dict[int, list[int]] = {f: [] for f in range(len(ordered))}
    searched: set[str] = set()
    for f, s in enumerate(parts):
        for q in range(0, len(s) - block + 1, block):
            piece = s[q:q + block]
            if piece in searched:
                continue
            searched.add(piece)
            # Same-field hits closer than ``size`` lead nowhere; ``min``: not past the field's
            # end, where the next field's hits begin.
            at = joined.find(piece, starts[f] + min(q + size, len(s) + 1))
            while at >= 0:
                k = bisect_right(starts, at) - 1
                found[k].append(at - starts[k])
                at = joined.find(piece, at + 1)
    for positions in found.values():
        positions.sort()
    return found


def _repeated_windows(fields: list[_Field], f: int, size: int,
                      blocks: dict[int, list[tuple[int, int]]],
                      candidates: Iterable[int] | None = None) -> bytearray:
    """``marked[j] == 1`` when window ``j`` of field ``f`` occurred before (see above).

    ``blocks``: hash -> (field, position) of the aligned blocks of fields ``0..f``, in order;
    ``candidates``: the ascending positions of field ``f`` whose slice may be one of them
    (default: every slice whose hash is in ``blocks``).
    """
    s = fields[f].stripped
    block = size // 2
    count = len(s) - size + 1
    marked = bytearray(max(count, 0))
    if count <= 0:
        return marked
    reached: dict[tuple[int, int], int] = {}  # (field, diagonal) -> end of the run extended
    for i in _candidates(s, block, blocks) if candidates is None else candidates:
        # The windows that may hold this slice as the aligned block of an earlier copy.
        lo, hi = max(0, i - block + 1), min(i, count - 1) + 1
        if lo >= hi or marked.find(0, lo, hi) < 0:
            continue
        piece = s[i:i + block]
        for k, q in blocks[hash(piece)]:
            delta = q - i
            if k == f and delta > -size:
                break  # inside one field only a copy ending before the window counts
            key = (k, delta)
            t = fields[k].stripped
            if reached.get(key, -1) >= i + block or t[q:q + block] != piece:
                continue  # this run was extended already, or a hash collision
            run_start = i - _common_suffix(s, i, t, q)
            run_end = i + block + _common_prefix(s, i + block, t, q + block)
            reached[key] = run_end
            if run_end - run_start >= size:
                marked[run_start:run_end - size + 1] = b"\x01" * (run_end - size + 1 - run_start)
                if marked.find(0, lo, hi) < 0:
                    break
    _unmark_degenerate(s, marked, size)
    return marked


def _unmark_degenerate(s: str, marked: bytearray, size: int) -> None:
    """Unmark windows of at most 4 distinct characters (————, 。。。。, a row of spaces' kin).

    A window holds a whole block of ``size // 2`` characters aligned on its run's start; when
    that block has more than 4 distinct characters the window has too, so only windows over a
    poor block are looked at one by one.
    """
    block = size // 2
    for m in list(_MARKED_RUN_RE.finditer(marked)):
        run_start, run_end = m.span()
        for c in range(run_start, run_end + block - 1, block):
            if len(set(s[c:c + block])) > 4:
                continue
            for j in range(max(run_start, c - block + 1), min(c, run_end - 1) + 1):
                if len(set(s[j:j + size])) <= 4:
                    marked[j] = 0


def _first_source(fields: list[_Field], f: int, j: int, size: int) -> int:
    """The first earlier field holding window ``j`` of field ``f``; ``f`` when none does."""
    s = fields[f].stripped
    block = size // 2
    window = s[j:j + size]
    best = f
    for d in range(block):
        h = hash(s[j + d:j + d + block])
        for k in range(best):
            t = fields[k].stripped
            if any(q >= d and t[q - d:q - d + size] == window for q in fields[k].blocks.get(h, ())):
                best = k
                break
    return best


@lru_cache(maxsize=32)
def duplicate_runs(texts: tuple[str, ...], size: int) -> tuple[tuple[int, int, int, int, int], ...]:
    """(field index, start, end, length, source field index) of each repeated passage."""
    fields = [_field(text, size // 2) for text in texts]
    windowed = [f for f, field in enumerate(fields) if len(field.stripped) >= size]
    found: dict[int, list[int]] | None = None
    if sum(len(fields[f].stripped) for f in windowed) <= _FIND_LIMIT:
        found = dict(zip(windowed, _found_candidates([fields[f] for f in windowed], size // 2, size).values(),
                         strict=True))
    blocks: dict[int, list[tuple[int, int]]] = {}
    runs: list[tuple[int, int, int, int, int]] = []
    for f in windowed:  # a shorter field has no window, and none of its blocks holds a whole one
        field = fields[f]
        for h, positions in field.blocks.items():
            blocks.setdefault(h, []).extend((f, q) for q in positions)
        marked = _repeated_windows(fields, f, size, blocks, None if found is None else found[f])
        for m in _MARKED_RUN_RE.finditer(marked):
            j_start, j_end = m.start(), m.end() - 1
            runs.append((f, field.position(j_start), field.position(j_end + size - 1) + 1,
                         j_end - j_start + size, _first_source(fields, f, j_start, size)))
    return tuple(runs)
