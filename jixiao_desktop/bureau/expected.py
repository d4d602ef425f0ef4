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

HEADER_WORDS = ("单位名称", "部门（单位）名称", "部门名称", "预算单位", "单位", "部门")
MAX_UNITS = 20_000
SUFFIXES = (".xlsx", ".txt", ".csv")


class ExpectedUnitsError(Exception):
    """The file cannot be read as a list of units; the message is one Chinese sentence."""


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _from_rows(rows: list[list[str]]) -> list[str]:
    column, start = None, 0
    for r, row in enumerate(rows[:10]):
        for c, cell in enumerate(row):
            if any(cell == w or cell.startswith(w) for w in HEADER_WORDS) and len(cell) <= 12:
                column, start = c, r + 1
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


def read_expected_units(path: Path) -> list[str]:
    """The unit names in the file, in order, without repeats.

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
    names = _from_rows(rows)
    if not names:
        raise ExpectedUnitsError("文件中没有找到单位名称（请在第一列或“单位名称”列中每行填写一个单位）")
    if len(names) > MAX_UNITS:
        raise ExpectedUnitsError(f"单位过多（{len(names)} 个），文件可能不是单位名单")
    return names
