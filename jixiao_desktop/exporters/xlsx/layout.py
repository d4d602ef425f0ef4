"""What the Excel writer and reader agree on: the sheet's columns and the hidden markers.

The sheet is what a clerk prints and edits: the reader finds the visible cells by their labels,
so what was changed in Excel is what gets imported. A hidden column beside the table holds only
markers (which template, which rows continue the row above, how a cut text joins).
"""

from __future__ import annotations

from typing import Any

SHEET_TITLE = "绩效目标申报表"
FONT_NAME = "宋体"
FONT_SIZE = 11
LINE_PT = 14.25  # one wrapped line of 11 pt 宋体 (Excel's own row height for it)
ROW_PAD_PT = 2.0
MAX_ROW_PT = 130.0  # a row cannot break across printed pages: long text goes in rows of ≤ 9 lines,
# so that the space a row that does not fit leaves at a page end stays small (Excel allows 409 pt)
MAX_LINES = int((MAX_ROW_PT - ROW_PAD_PT) // LINE_PT)
MAX_ROWS = 20000  # import: far more rows than any form; a stray cell at row 1048576 is refused

# Column widths in Excel character units; the hidden marker column follows the table.
BJ_WIDTHS = (14.0, 17.0, 59.0)
TAB_WIDTHS = (11.0, 12.0, 22.0, 8.0, 14.0, 9.0, 8.0)
# With the visible 方向 / 备注 columns (filled in some item) the others narrow; 备注 takes the rest.
TAB_NARROW_WIDTHS = (9.0, 10.0, 17.0, 6.0, 11.0, 7.0, 6.0)
DIRECTION_WIDTH = 6.0
NOTE_MIN_WIDTH = 18.0
LABEL_DIRECTION = "方向"
LABEL_NOTE = "备注"
# A profile's columns (domain.columns): widths by the field shown; over seven columns, narrower.
DEFAULT_KEYS = ("level1", "level2", "level3", "nature", "value", "unit", "weight")
KEY_WIDTHS = {"level1": 11.0, "level2": 12.0, "level3": 22.0, "nature": 8.0, "operator": 6.0, "value": 14.0,
              "unit": 9.0, "weight": 8.0, "direction": 6.0, "explanation": 18.0, "scoring": 18.0,
              "basis": 16.0, "note": 18.0}
NARROW_KEY_WIDTHS = {**KEY_WIDTHS, "level1": 9.0, "level2": 10.0, "level3": 15.0, "nature": 6.0, "value": 11.0,
                     "unit": 7.0, "weight": 6.0, "explanation": 16.0, "scoring": 16.0, "basis": 14.0,
                     "note": 14.0}
LEFT_KEYS = frozenset({"level3", "explanation", "scoring", "basis", "note"})  # text, flush left

# Markers in the hidden column.
MARK_TEMPLATE = "jixiao:template="
MARK_COLUMNS = "jixiao:columns="  # on the tabular header row: the field of each column, in order
MARK_CONT_NL = "cont"  # continues the row above, joined by a line break
MARK_CONT_INLINE = "cont-inline"  # continues the row above inside one line
MARK_IND = "ind"  # first row of an indicator
MARK_IND_EMPTY = "ind-noitems"  # an indicator without 三级 items (prints one empty line)
MARK_ITEM = "item"  # a further 三级 item of the indicator above
MARK_SUM = "sum"
MARK_SOURCE = "source"
MARK_SOURCES_EMPTY = "sources-empty"  # the form has an (empty) 资金来源 list
MARK_VALUE_RAW = "raw"  # tabular: the 指标值 cell holds the value only (no operator in front)


def a4_page_setup(ws: Any) -> None:
    """The official print setup of every sheet we write: A4 portrait, fitted to the page width,
    centred, 2 cm margins."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.79  # 2 cm
    ws.page_margins.top = ws.page_margins.bottom = 0.79
    ws.page_margins.header = ws.page_margins.footer = 0.3
