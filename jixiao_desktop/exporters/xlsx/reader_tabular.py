"""Reading the tabular template's indicator table back from the sheet: the columns are mapped
by the header row's marker (the form's profile columns, ``domain.columns``), or, in a workbook
written before profiles, the default table with 方向 / 备注 found by their labels."""

from __future__ import annotations

import re

from jixiao_desktop.domain.columns import parse_column_keys
from jixiao_desktop.domain.model import OPERATORS, Indicator, IndicatorItem
from jixiao_desktop.exporters._common import LABEL_SUM, TABULAR_HEADERS
from jixiao_desktop.exporters.xlsx.layout import (
    DEFAULT_KEYS,
    LABEL_DIRECTION,
    LABEL_NOTE,
    MARK_COLUMNS,
    MARK_IND,
    MARK_IND_EMPTY,
    MARK_ITEM,
    MARK_SUM,
    MARK_VALUE_RAW,
)
from jixiao_desktop.exporters.xlsx.reader import (
    _cell_text,
    _Merged,
    _merged_value,
    _missing,
    _number_text,
    _Sheet,
)


def _tabular_keys(sheet: _Sheet, header: int) -> dict[str, int]:
    """Field → column of the tabular table: from the header row's marker (``MARK_COLUMNS``,
    written from the form's profile), else the default table with 方向 / 备注 found by label."""
    marker = sheet.marker(header)
    keys = parse_column_keys(marker[len(MARK_COLUMNS):]) if marker.startswith(MARK_COLUMNS) else None
    if keys is None:
        keys = DEFAULT_KEYS
        visible = {sheet.label(header, c): c for c in range(8, sheet.ncols + 1)}
        at = {key: c for c, key in enumerate(keys, start=1)}
        for key, label in (("direction", LABEL_DIRECTION), ("note", LABEL_NOTE)):
            if label in visible:
                at[key] = visible[label]
        return at
    return {key: c for c, key in enumerate(keys, start=1)}


def read_tabular(sheet: _Sheet, start: int, end: int) -> list[Indicator]:
    header = None
    for r in range(start, end):
        if sheet.marker(r).startswith(MARK_COLUMNS) or sheet.label(r, 1) == TABULAR_HEADERS[0]:
            header = r
            break
    if header is None:
        raise _missing(TABULAR_HEADERS[0])
    ops = "|".join(map(re.escape, OPERATORS))
    at = _tabular_keys(sheet, header)
    item_cols = {key: c for key, c in at.items() if key not in ("level1", "level2", "weight")}
    indicators: list[Indicator] = []
    for r in range(header + 1, end):
        marker = sheet.marker(r)
        if marker == MARK_SUM or (not marker and sheet.label(r, 1) == LABEL_SUM):
            continue
        texts = {key: sheet.text(r, c) for key, c in item_cols.items()}
        weight = _number_text(sheet, r, at["weight"]) if "weight" in at else ""
        level2_here = sheet.get(r, 2)
        if marker in (MARK_IND, MARK_IND_EMPTY):
            starts = True
        elif marker == MARK_ITEM:
            starts = not indicators
        else:  # a row inserted in Excel
            starts = not indicators or (not isinstance(level2_here, _Merged) and bool(_cell_text(level2_here)))
        if not marker and not any(texts.values()) and not weight and not _merged_value(sheet, r, 2) \
                and not _merged_value(sheet, r, 1):
            continue  # a blank row inserted in Excel
        if starts:
            ind = Indicator(level1=_merged_value(sheet, r, 1), level2=_merged_value(sheet, r, 2),
                            name=sheet.marker(r, 4), content=sheet.marker(r, 5))
            indicators.append(ind)
            if marker == MARK_IND_EMPTY and not any(texts.values()) and not weight:
                continue
        shown = texts.pop("value", "")
        flag = sheet.marker(r, 1)
        operator, value = "", shown
        if "operator" in at:  # a column of its own (Sichuan's 指标性质): both as they are
            operator, value = texts.pop("operator", ""), shown
        elif flag.startswith("op=") and shown.startswith(flag[3:] + " "):
            operator, value = flag[3:], shown[len(flag) - 3 + 1:]
        elif flag != MARK_VALUE_RAW:
            m = re.match(rf"^({ops}) ?", shown)
            if m:
                operator, value = m.group(1), shown[m.end():]
        if "direction" not in at:
            texts["direction"] = sheet.marker(r, 2)
        if "note" not in at:
            texts["note"] = sheet.marker(r, 3)
        item = IndicatorItem(operator=operator, value=value, weight=weight)
        for key, text in texts.items():
            setattr(item, key, text)
        indicators[-1].items.append(item)
    return indicators
