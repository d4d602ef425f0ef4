"""Reading a year as a person writes it — one rule for the exchange file, our workbook and Word.

``year_digits`` is what the exchange file's ``year`` and the workbook's （2021年度） cell are read
by: full-width digits made ASCII, spaces, 年度 and brackets dropped, the rest must be a whole
number of at most 18 digits (no database column holds more; no year is that long). A year out of
range is still read: the check ``header.year_invalid`` says so. ``year_in_text`` finds the year in
a line of a Word form (“2021年度部门整体支出绩效目标申报表”), where only a real year counts.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao_desktop.domain.model import YEAR_MAX, YEAR_MIN

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_DECORATION = re.compile(r"[\s年度（）()]")
_WHOLE_YEAR = re.compile(r"-?[0-9]{1,18}")  # ASCII only: int() would also take ² or ٢
_YEAR_IN_TEXT = re.compile(r"(\d{4})\s*年度?")


def year_digits(text: str) -> str | None:
    """The year's digits ('' for a blank year such as “（    年度）”); None: not a year at all."""
    digits = _DECORATION.sub("", text.translate(_FULL_WIDTH_DIGITS))
    if not digits:
        return ""
    return digits if _WHOLE_YEAR.fullmatch(digits) else None


def year_in_text(text: str) -> int | None:
    """The first ``2021年度`` (or ``2021年``) in a line, when it is a year the app can hold."""
    m = _YEAR_IN_TEXT.search(unicodedata.normalize("NFKC", text))
    if m is None:
        return None
    year = int(m.group(1))
    return year if YEAR_MIN <= year <= YEAR_MAX else None
