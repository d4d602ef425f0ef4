"""Search over Chinese indicator names: an in-memory index of character n-grams.

Chinese has no word boundaries, so names are indexed by their single characters and their
character pairs (bigrams); a query of two characters or more is matched by its bigrams, one
character by the character. This was measured against SQLite FTS5 with the trigram tokenizer
(``benchmarks/bench_library.py``): the trigram index cannot match the one- and two-character
queries clerks type first (满意, 成本), needs SQLite (the bureau may run PostgreSQL), and a
round trip per keystroke costs more than this index's lookups. See
``docs/dev/notes/issue-22-library.md`` for the figures.

Ranking: how well the text matches (the whole name, its start, a contiguous part, a share of
the bigrams), then the row's context: the same 二级 and 一级, the unit's sector, and whether the
unit itself used the indicator before (its own past entries, most years first).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jixiao_desktop.domain.indicator_library.entry import LibraryEntry
from jixiao_desktop.domain.indicator_library.names import canonical_level, normalise_name


@dataclass(frozen=True)
class SearchContext:
    """Where the clerk is typing: the row's 一级/二级 and the unit's 行业 (all optional)."""

    level1: str = ""
    level2: str = ""
    sector: str = ""


@dataclass(frozen=True)
class Match:
    entry: LibraryEntry
    score: float


def _bigrams(text: str) -> list[str]:
    return [text[i:i + 2] for i in range(len(text) - 1)]


class LibraryIndex:
    """The entries, indexed for search and 推荐. Build once per change of the library.

    Entries are numbered in their static order (the unit's own first, then a bureau's, shorter
    names first), and every posting list keeps that order: a query walks its rarest character
    pair and stops after ``CANDIDATES`` entries that contain the typed text, so a keystroke costs
    about the same with 200 or 20,000 entries. Only those candidates are ranked with the row's
    context. A typo (no entry contains the text) falls back to counting shared pairs.
    """

    CANDIDATES = 150
    FUZZY_POSTING = 800  # the best-placed entries of a pair a typo is looked for among

    def __init__(self, entries: Iterable[LibraryEntry]) -> None:
        given = list(entries)
        names = [normalise_name(e.level3) for e in given]
        order = sorted(range(len(given)), key=lambda i: (-_prior(given[i]), len(names[i]), i))
        self.entries: list[LibraryEntry] = [given[i] for i in order]
        self._names: list[str] = [names[i] for i in order]
        self._texts: list[str] = []
        self._keywords: list[str] = []
        self._level1: list[str] = []
        self._level2: list[str] = []
        self._prior: list[float] = []
        self._by_char: dict[str, list[int]] = {}
        self._by_pair: dict[str, list[int]] = {}
        self._by_name: dict[str, list[int]] = {}
        for i, entry in enumerate(self.entries):
            name = self._names[i]
            words = normalise_name(entry.keywords.replace("，", " ").replace(",", " "))
            text = name + "|" + words
            self._texts.append(text)
            self._keywords.append(words)
            self._level1.append(canonical_level(entry.level1))
            self._level2.append(canonical_level(entry.level2))
            self._prior.append(_prior(entry))
            self._by_name.setdefault(name, []).append(i)
            for ch in set(text):
                self._by_char.setdefault(ch, []).append(i)
            for pair in set(_bigrams(text)):
                if "|" not in pair:
                    self._by_pair.setdefault(pair, []).append(i)

    def __len__(self) -> int:
        return len(self.entries)

    def by_name(self, name: str) -> list[LibraryEntry]:
        """The entries whose normalised name is ``name``'s, best source first."""
        return [self.entries[i] for i in self._by_name.get(normalise_name(name), ())]

    def _candidates(self, query: str) -> dict[int, float]:
        """Entry numbers that may match ``query``, with the share of its pairs they hold."""
        if len(query) == 1:
            return dict.fromkeys(self._by_char.get(query, ())[:self.CANDIDATES], 1.0)
        pairs = set(_bigrams(query))
        postings = [self._by_pair.get(pair, []) for pair in pairs]
        rarest = min(postings, key=len)
        found: dict[int, float] = {}
        texts = self._texts
        for i in rarest:
            if query in texts[i]:
                found[i] = 1.0
                if len(found) >= self.CANDIDATES:
                    return found
        if len(found) >= 8 or len(pairs) < 3:
            return found  # a short prefix: what contains it is all there is
        # A typo: entries sharing most of the pairs (a wrong character spoils two of them).
        counted: Counter[int] = Counter()
        for posting in postings:
            counted.update(posting[:self.FUZZY_POSTING])
        need = max(2, len(pairs) - 2)
        for i, n in counted.items():
            if n >= need and i not in found:
                found[i] = n / len(pairs)
        return found

    def search(self, text: str, context: SearchContext | None = None, limit: int = 8) -> list[Match]:
        """The entries matching ``text`` (a 三级 name being typed), best first."""
        query = normalise_name(text)
        if not query:
            return []
        context = context or SearchContext()
        hits = self._candidates(query)
        level1, level2 = canonical_level(context.level1), canonical_level(context.level2)
        sector = context.sector.strip()
        scored: list[tuple[float, int]] = []
        for i, share in hits.items():
            name = self._names[i]
            if name == query:
                score = 3.0
            elif name.startswith(query):
                score = 2.2
            elif query in name:
                score = 1.8
            elif query in self._keywords[i]:
                score = 1.5
            else:
                score = share
            score += self._context_bonus(i, level1, level2, sector)
            scored.append((score, i))
        return self._top(scored, limit)

    def recommend(self, context: SearchContext, exclude: Sequence[str] = (), limit: int = 10) -> list[Match]:
        """推荐: entries of the row's 二级 (else 一级) the row does not have yet, best first."""
        level1, level2 = canonical_level(context.level1), canonical_level(context.level2)
        if not level1 and not level2:
            return []
        skip = {normalise_name(name) for name in exclude}
        sector = context.sector.strip()
        scored: list[tuple[float, int]] = []
        for i in range(len(self.entries)):
            if self._names[i] in skip:
                continue
            if level2 and self._level2[i] != level2:
                continue
            if not level2 and self._level1[i] != level1:
                continue
            scored.append((self._context_bonus(i, level1, level2, sector), i))
        return self._top(scored, limit)

    def _context_bonus(self, i: int, level1: str, level2: str, sector: str) -> float:
        bonus = self._prior[i]
        if level2 and self._level2[i] == level2:
            bonus += 0.5
        elif level1 and self._level1[i] == level1:
            bonus += 0.2
        entry_sector = self.entries[i].sector
        if sector and entry_sector and sector in entry_sector:
            bonus += 0.3
        return bonus

    def _top(self, scored: list[tuple[float, int]], limit: int) -> list[Match]:
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        out: list[Match] = []
        seen: set[str] = set()
        for score, i in scored:
            name = self._names[i]
            if name in seen:  # one entry per name: the best source (own before bureau before common)
                continue
            seen.add(name)
            out.append(Match(self.entries[i], score))
            if len(out) >= limit:
                break
        return out


def _prior(entry: LibraryEntry) -> float:
    """What the entry is worth before any text: the unit's own use first, then a bureau's."""
    kind = entry.kind
    if kind == "own":
        return 0.6 + 0.1 * min(entry.uses, 4)
    if kind == "bureau":
        return 0.3 + 0.02 * min(entry.uses, 10)
    return 0.0
