"""查找/替换 over every text field of a form, in print order. Pure Python (no Qt).

The window's 查找 dialog walks these matches and focuses each field with its span; 替换 sets
the replaced text through the editor (one undo step per field, 全部替换 one step in all).
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao_desktop.domain.fields import field_text
from jixiao_desktop.domain.form_diff import field_paths
from jixiao_desktop.domain.model import Form

# Fields whose text is not free text: 年度 is a number box, never searched or replaced.
NOT_SEARCHED = frozenset({"year"})


@dataclass(frozen=True)
class Match:
    path: str
    start: int
    end: int


def find_matches(form: Form, needle: str) -> list[Match]:
    """Every occurrence of ``needle`` (case-insensitive for Latin letters), field by field."""
    if not needle:
        return []
    wanted = needle.casefold()
    matches = []
    for path in field_paths(form):
        if path in NOT_SEARCHED:
            continue
        text = field_text(form, path).casefold()
        at = text.find(wanted)
        while at >= 0:
            matches.append(Match(path, at, at + len(needle)))
            at = text.find(wanted, at + max(len(needle), 1))
    return matches


def replaced(text: str, needle: str, replacement: str, start: int | None = None) -> str:
    """``text`` with the occurrence at ``start`` (or every occurrence, case-insensitively) replaced."""
    if not needle:
        return text
    if start is not None:
        return text[:start] + replacement + text[start + len(needle):]
    out, at, folded, wanted = [], 0, text.casefold(), needle.casefold()
    found = folded.find(wanted)
    while found >= 0:
        out.append(text[at:found])
        out.append(replacement)
        at = found + len(needle)
        found = folded.find(wanted, at)
    out.append(text[at:])
    return "".join(out)
