"""The one writer of untrusted text into spreadsheets (issue 18, item 1).

A unit controls its 单位名称 and every text of its form; a clerk's unreadable amount is kept as
typed. None of it may become a formula in a workbook or a CSV file opened by Excel or
LibreOffice Calc (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``, ``=WEBSERVICE(…)``, DDE).

- ``write_text(cell, text)``: an openpyxl cell holding ``text`` as a *string* (never a formula,
  whatever it starts with), with Excel's quote prefix when it starts like one (so editing the
  cell in Excel keeps it text), Excel's ``_xHHHH_`` escapes written literally, and the
  characters XML cannot carry dropped (returned, so the caller can say which).
- ``csv_field(value)``: a CSV field that no spreadsheet reads as a formula: text starting with
  ``= + - @``, a tab, a line break (or their full-width forms) gets a leading apostrophe, as
  OWASP advises; a plain number (``-12.50``) stays a number.

The form exporter (``exporters/xlsx/writer.py``) and the bureau's summary (``bureau/summary.py``)
both write through here. No openpyxl import at module level (the CSV path needs none).
"""

from __future__ import annotations

import re
from typing import Any

# What makes Excel, LibreOffice Calc or Google Sheets read a cell as a formula (or DDE) on
# import; the full-width forms too, which some input methods type and some versions accept.
FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")

OOXML_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
# openpyxl's ILLEGAL_CHARACTERS_RE, plus lone surrogates and the two non-characters XML refuses.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]|[\ud800-\udfff\ufffe\uffff]")
PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` for a formula."""
    return bool(text) and text[0] in FORMULA_STARTS


def clean_text(text: str | None) -> tuple[str, list[str]]:
    """Text a workbook can hold: line breaks as ``\\n``; the characters XML cannot carry dropped
    (and returned)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    bad = UNWRITABLE.findall(text)
    if bad:
        text = UNWRITABLE.sub("", text)
    return text, bad


def write_text(cell: Any, text: str | None) -> list[str]:
    """Put ``text`` into the openpyxl ``cell`` as text that is never a formula; returns the
    characters dropped because XML cannot carry them."""
    value, dropped = clean_text(text)
    if value:
        cell.value = OOXML_ESCAPE.sub(r"_x005F_\1", value)  # a typed "_x000D_" stays as typed
        cell.data_type = "s"  # openpyxl took a leading "=" for a formula: a string it is
        if formula_like(value):
            cell.quotePrefix = True  # Excel keeps it text when the cell is edited
    else:
        cell.value = None
    return dropped


def csv_field(value: Any) -> Any:
    """``value`` as a CSV field no spreadsheet evaluates (numbers and None unchanged)."""
    if isinstance(value, str) and formula_like(value) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_row(values: list[Any] | tuple[Any, ...]) -> list[Any]:
    return [csv_field(v) for v in values]
