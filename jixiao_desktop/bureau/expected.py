"""The list of units the bureau expects a form from, read from a workbook (or a text file).

A bureau keeps it as an Excel sheet: a column headed 单位名称 (or 单位, 部门, 预算单位) with one
unit per row, often with a title row and a 序号 column. The column is found by its header in
the first rows; without one, the first column with text is taken. A ``.txt``/``.csv`` file is
one unit per line (the first field of a CSV line).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from jixiao_desktop import safezip
from jixiao_desktop.atomic import describe_os_error
from jixiao_desktop.storage.bureau_review import ExpectedUnit

HEADER_WORDS = ("单位名称", "部门（单位）名称", "部门名称", "预算单位", "单位", "部门")
MAX_UNITS = 20_000
SUFFIXES = (".xlsx", ".txt", ".csv")


class ExpectedUnitsError(Exception):
    """The file cannot be read as a list of units; the message is one Chinese sentence."""


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _from_rows(rows: list[list[str]]) -> list[str]:
    column, start = None, 0
    other = (*CODE_WORDS, *CONTACT_WORDS, *BUDGET_WORDS)
    for r, row in enumerate(rows[:10]):
        for w in HEADER_WORDS:  # 单位名称 before 单位 (a 单位编码 column is not the names)
            for c, cell in enumerate(row):
                if (cell == w or cell.startswith(w)) and len(cell) <= 12 and not cell.startswith(other):
                    column, start = c, r + 1
                    break
            if column is not None:
                break
        if column is not None:
            break
    if column is None:
        counts: dict[int, int] = {}
        for row in rows:
            for c, cell in enumerate(row):
                if cell and not cell.replace(".", "").isdigit():
                    counts[c] = counts.get(c, 0) + 1
        if not counts:
            return []
        column = max(counts, key=lambda c: (counts[c], -c))
    names = [row[column] for row in rows[start:] if column < len(row) and row[column]]
    return [n for n in dict.fromkeys(names) if not n.startswith(("合计", "总计"))]


CODE_WORDS = ("单位编码", "单位代码", "预算单位编码", "预算单位代码", "编码", "代码")
CONTACT_WORDS = ("联系人", "联系电话", "电话", "联系方式")
BUDGET_WORDS = ("预算批复数", "预算批复", "批复数", "批复金额", "预算数", "预算金额")


def _columns(rows: list[list[str]], words: tuple[str, ...],
             not_words: tuple[str, ...] = ()) -> tuple[int, list[int]]:
    """The header row and the columns whose header is one of ``words`` (in that order)."""
    for r, row in enumerate(rows[:10]):
        found = [c for w in words for c, cell in enumerate(row)
                 if cell.replace(" ", "").startswith(w) and not cell.replace(" ", "").startswith(not_words)]
        if found:
            return r, list(dict.fromkeys(found))
    return -1, []


def _units_from_rows(rows: list[list[str]]) -> list[ExpectedUnit]:
    names = _from_rows(rows)
    header, name_cols = _columns(rows, HEADER_WORDS, (*CODE_WORDS, *CONTACT_WORDS, *BUDGET_WORDS))
    if header < 0 or not name_cols:
        return [ExpectedUnit(n) for n in names]
    name_col = name_cols[0]
    fields = {key: _columns(rows[header:header + 1], words)[1]
              for key, words in (("code", CODE_WORDS), ("contact", CONTACT_WORDS), ("budget", BUDGET_WORDS))}
    fields = {k: [c for c in cols if c != name_col] for k, cols in fields.items()}
    found: dict[str, ExpectedUnit] = {}
    for row in rows[header + 1:]:
        name = row[name_col] if name_col < len(row) else ""
        if not name or name in found or name not in names:
            continue

        def cell(key: str, row: list[str] = row) -> str:
            return " ".join(row[c] for c in fields[key] if c < len(row) and row[c])

        budget_cols = fields["budget"]
        budget = row[budget_cols[0]] if budget_cols and budget_cols[0] < len(row) else ""
        found[name] = ExpectedUnit(name, cell("code"), cell("contact"), budget)
    return [found.get(n) or ExpectedUnit(n) for n in names]


def read_expected_units(path: Path) -> list[str]:
    """The unit names in the file, in order, without repeats (``read_expected_unit_rows``)."""
    return [u.department for u in read_expected_unit_rows(path)]


def read_expected_unit_rows(path: Path) -> list[ExpectedUnit]:
    """The 应报名单: each unit's name, and its 单位编码, 联系人/电话 and 预算批复数 where the sheet
    has columns headed so; in order, without repeats.

    Raises:
        ExpectedUnitsError: unreadable, not a list of units, or too long.
    """
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            try:
                data = safezip.safe_copy(path, kind=safezip.KIND_WORKBOOK)
                wb = load_workbook(data, read_only=True, data_only=True)
            except safezip.ArchiveError as exc:
                raise ExpectedUnitsError(str(exc)) from exc
            except (ValueError, KeyError, TypeError, OSError) as exc:
                raise ExpectedUnitsError(f"无法读取这个工作簿（{type(exc).__name__}），它可能已损坏") from exc
            try:
                ws = wb.worksheets[0] if wb.worksheets else None
                rows = [[_clean(v) for v in row] for row in ws.iter_rows(values_only=True)] if ws else []
            finally:
                wb.close()
        elif suffix in (".txt", ".csv"):
            if path.stat().st_size > 10 * 1024 * 1024:
                raise ExpectedUnitsError("文件过大，不像是单位名单")
            raw = path.read_bytes()
            for encoding in ("utf-8-sig", "gb18030"):
                try:
                    text = raw.decode(encoding)
                    break
                except UnicodeDecodeError:
                    continue
            else:  # pragma: no cover - gb18030 decodes every byte string
                raise ExpectedUnitsError("无法识别文件的文字编码")
            rows = [[_clean(c) for c in line] for line in csv.reader(io.StringIO(text))] if suffix == ".csv" \
                else [[_clean(line)] for line in text.splitlines()]
        else:
            raise ExpectedUnitsError("请使用 Excel 工作簿（.xlsx）或每行一个单位名称的文本文件（.txt、.csv）")
    except OSError as exc:
        raise ExpectedUnitsError(describe_os_error(exc)) from exc
    units = _units_from_rows(rows)
    if not units:
        raise ExpectedUnitsError("文件中没有找到单位名称（请在第一列或“单位名称”列中每行填写一个单位）")
    if len(units) > MAX_UNITS:
        raise ExpectedUnitsError(f"单位过多（{len(units)} 个），文件可能不是单位名单")
    return units
