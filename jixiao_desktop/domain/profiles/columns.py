"""The text of one printed column of a 三级 item, whatever the column (``COLUMN_KEYS``).

``level1``/``level2`` are the row's; the rest are ``IndicatorItem`` attributes. ``explanation``/
``scoring``/``basis`` (指标解释, 评(扣)分标准, 指标值确定依据) are read from the item's ``extra``
(their exchange keys) while ``IndicatorItem`` has no such attribute.
"""

from __future__ import annotations

from jixiao_desktop.domain.model import Indicator, IndicatorItem
from jixiao_desktop.domain.profiles.model import COLUMN_KEYS, EXTRA_ITEM_COLUMNS, ROW_COLUMNS


def column_text(indicator: Indicator, item: IndicatorItem, key: str) -> str:
    """The text in column ``key`` for ``item`` of row ``indicator`` ("" when empty)."""
    if key in ROW_COLUMNS:
        return str(getattr(indicator, key))
    if key in EXTRA_ITEM_COLUMNS and not hasattr(item, key):
        value = item.extra.get(key, "")
        return value if isinstance(value, str) else ("" if value is None else str(value))
    if key in COLUMN_KEYS:
        return str(getattr(item, key))
    raise KeyError(key)


def set_column_text(indicator: Indicator, item: IndicatorItem, key: str, text: str) -> None:
    """Set column ``key``; an empty 指标解释/评(扣)分标准/依据 is removed, not stored as ""."""
    if key in ROW_COLUMNS:
        setattr(indicator, key, text)
    elif key in EXTRA_ITEM_COLUMNS and not hasattr(item, key):
        if text:
            item.extra[key] = text
        else:
            item.extra.pop(key, None)
    elif key in COLUMN_KEYS:
        setattr(item, key, text)
    else:
        raise KeyError(key)


def column_path(indicator_index: int, item_index: int, key: str) -> str:
    """The field path of a column (``indicators[0].level1``, ``indicators[0].items[2].scoring``)."""
    if key in ROW_COLUMNS:
        return f"indicators[{indicator_index}].{key}"
    return f"indicators[{indicator_index}].items[{item_index}].{key}"
