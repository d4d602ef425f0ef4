"""The shipped starter set of 共性指标 (package data ``data/common.csv`` + ``data/documents.json``).

Every row names the published document it comes from (``documents.json``: title, number and
address); nothing in it is made up. ``tests/domain/test_indicator_library_common.py`` holds the
set to its rules: ≥ 200 rows, a known document on each, operators that agree with the direction.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from importlib import resources

from jixiao_desktop.domain.indicator_library.entry import SOURCE_COMMON, LibraryEntry

# Bumped whenever the shipped rows change: a stored library adds what it has not seen yet.
COMMON_VERSION = 2

CSV_COLUMNS = ("一级指标", "二级指标", "三级指标", "指标性质", "运算符", "计量单位", "指标方向",
               "指标解释", "评(扣)分标准", "行业", "关键词", "来源")
_FIELDS = ("level1", "level2", "level3", "nature", "operator", "unit", "direction",
           "explanation", "scoring", "sector", "keywords")


def _data(name: str) -> str:
    return resources.files("jixiao_desktop.domain.indicator_library").joinpath("data", name).read_text("utf-8")


@cache
def documents() -> dict[str, dict[str, str]]:
    """The published documents, by the short key the rows use."""
    loaded: dict[str, dict[str, str]] = json.loads(_data("documents.json"))
    return loaded


def document_text(key: str) -> str:
    """"《title》number address" of a document key."""
    doc = documents()[key]
    parts = [f"《{doc['title']}》" if doc.get("title") else "", doc.get("number", ""), doc.get("url", "")]
    return " ".join(part for part in parts if part)


@cache
def _rows() -> tuple[tuple[str, ...], ...]:
    reader = csv.reader(io.StringIO(_data("common.csv")))
    header = next(reader)
    if tuple(header) != CSV_COLUMNS:
        raise ValueError(f"common.csv: unexpected header {header}")
    return tuple(tuple(row) for row in reader if any(cell.strip() for cell in row))


def common_entries() -> list[LibraryEntry]:
    """The starter set, fresh objects each call, in file order."""
    entries = []
    for row in _rows():
        values = dict(zip(_FIELDS, (cell.strip() for cell in row[:-1]), strict=True))
        entries.append(LibraryEntry.from_fields(values, source=SOURCE_COMMON,
                                                source_document=document_text(row[-1].strip())))
    return entries


def common_document_keys() -> list[str]:
    return [row[-1].strip() for row in _rows()]
