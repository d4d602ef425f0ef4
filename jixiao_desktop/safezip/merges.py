"""Merged-cell bombs in a workbook: a ``mergeCell`` range such as ``A1:XFD1048576`` that openpyxl
would expand cell by cell (gigabytes and minutes from a few bytes). Checked on the raw sheet XML
before openpyxl sees it; part of ``safezip.safe_workbook``.
"""

from __future__ import annotations

import re

from jixiao_desktop.safezip.archive import (
    KIND_WORKBOOK,
    ArchiveError,
    corrupt_error,
    malicious_hint,
    shown_name,
)

MAX_MERGED_CELLS = 1_000_000  # a form's sheet: a few thousand rows × 16 columns at the most
_MERGE_RE = re.compile(rb'<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["\']([^"\']*)["\']')
_REF_RE = re.compile(r"\$?([A-Za-z]{1,3})?\$?(\d+)?(?::\$?([A-Za-z]{1,3})?\$?(\d+)?)?")
_MAX_ROW, _MAX_COL = 1_048_576, 16_384


def _column(letters: str | None, default: int) -> int:
    if not letters:
        return default
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def _merged_area(ref: str) -> int | None:
    m = _REF_RE.fullmatch(ref.strip())
    if not m or not any(m.groups()):
        return None
    col1, row1, col2, row2 = m.groups()
    c1, c2 = _column(col1, 1), _column(col2 or col1, _MAX_COL)
    r1, r2 = int(row1) if row1 else 1, int(row2 or row1) if (row2 or row1) else _MAX_ROW
    return (abs(c2 - c1) + 1) * (abs(r2 - r1) + 1)


def check_merges(name: str, data: bytes) -> None:
    total = 0
    for match in _MERGE_RE.finditer(data):
        ref = match.group(1).decode("latin-1")
        area = _merged_area(ref)
        if area is None:
            raise corrupt_error(KIND_WORKBOOK, f"“{shown_name(name)}”中的合并单元格“{shown_name(ref)}”无法识别")
        total += area
        if total > MAX_MERGED_CELLS:
            raise ArchiveError(
                f"这个工作簿中的“{shown_name(name)}”合并了过多的单元格（如“{shown_name(ref)}”，合计超过 "
                f"{MAX_MERGED_CELLS} 个），远超申报表的篇幅；{malicious_hint(KIND_WORKBOOK)}")
