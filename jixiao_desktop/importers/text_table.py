"""The table as text: what a clerk gets by copying last year's table out of Word.

Two shapes are read:

- Word's own text of a table (the shape of ``../shared/reference/*.txt``): every cell starts
  a line with a tab; the lines that follow without a tab are more paragraphs of the same cell;
  a blank line before a tab ends the row. Lines before the first cell, or after a row that
  ended, are paragraphs outside the table (the title, the year). Merged cells show as empty
  cells (``\\t`` alone).
- a row per line with tabs between the cells (a table copied through Excel or WPS), where a
  cell holding several lines is quoted (``"…"``), or its further lines follow without tabs.

Blank lines inside a cell cannot be told from the copy's own row ends, so they are dropped;
half-width spaces at the ends of lines are the copy's indentation and are trimmed, full-width
ones (　) stay. The rows go to ``label_reader`` like a .docx's. No Qt here.
"""

from __future__ import annotations

from jixiao_desktop.importers.table_grid import Cell, Row

MAX_TEXT_CHARS = 2_000_000  # a form is some 30,000 characters; a paste this large is not one


def _word_shape(lines: list[str]) -> bool:
    tabbed = [line for line in lines if "\t" in line]
    if not tabbed:
        return False
    leading = sum(1 for line in tabbed if line.startswith("\t"))
    return leading >= 0.8 * len(tabbed)


def _rows_word_shape(lines: list[str]) -> list[Row]:
    rows: list[Row] = []
    row: Row | None = None
    cell: Cell | None = None
    blank_before = False
    for line in lines:
        if line.startswith("\t"):
            if row is None or blank_before:
                row = Row([], in_table=True)
                rows.append(row)
            for part in line[1:].split("\t"):
                cell = Cell([part], col=len(row.cells))
                row.cells.append(cell)
            blank_before = False
        elif not line.strip():
            blank_before = True
            if cell is not None:
                cell.lines.append("")
        elif cell is None:
            rows.append(Row([Cell([line])], in_table=False))
        else:
            cell.lines.append(line)
            blank_before = False
    return rows


def _split_quoted(text: str) -> list[list[str]]:
    """Rows of cells from tab-separated text where a cell may be quoted over several lines."""
    rows: list[list[str]] = []
    cells: list[str] = []
    buf: list[str] = []
    i = 0
    n = len(text)
    at_cell_start = True
    while i < n:
        ch = text[i]
        if at_cell_start and ch == '"':
            end = i + 1
            chunk: list[str] = []
            while end < n:
                if text[end] == '"':
                    if end + 1 < n and text[end + 1] == '"':
                        chunk.append('"')
                        end += 2
                        continue
                    break
                chunk.append(text[end])
                end += 1
            after = text[end + 1] if end + 1 < n else "\n"
            if end < n and after in "\t\n":
                buf.append("".join(chunk))
                i = end + 1
                at_cell_start = False
                continue
        if ch == "\t":
            cells.append("".join(buf))
            buf = []
            at_cell_start = True
        elif ch == "\n":
            cells.append("".join(buf))
            rows.append(cells)
            cells, buf = [], []
            at_cell_start = True
        else:
            buf.append(ch)
            at_cell_start = False
        i += 1
    if buf or cells:
        cells.append("".join(buf))
        rows.append(cells)
    return rows


def _rows_line_shape(text: str) -> list[Row]:
    rows: list[Row] = []
    for cells in _split_quoted(text):
        if len(cells) == 1:
            line = cells[0]
            if rows and rows[-1].in_table and line.strip():
                rows[-1].cells[-1].lines.append(line)  # a cell's further line, unquoted
                continue
            if not line.strip():
                continue
            rows.append(Row([Cell(line.split("\n"))], in_table=False))
            continue
        rows.append(Row([Cell(part.split("\n"), col=i) for i, part in enumerate(cells)], in_table=True))
    return rows


def _rejoin(rows: list[Row]) -> list[Row]:
    """Put back together a row that a cell ending in a blank paragraph split in two.

    In Word's text a cell ends with a line break and a row with one more, so a cell whose last
    paragraph is empty (``产出指标二：⏎发力…⏎⏎``) reads like a row end. When a row is narrower
    than the one above it and the next row, which starts with a filled cell that is no label,
    fits in the missing cells, the two are one row.
    """
    from jixiao_desktop.importers.label_reader import is_section_label

    out: list[Row] = []
    for row in rows:
        if len(out) >= 2 and row.in_table and out[-1].in_table and out[-2].in_table:
            above, width = out[-1], len(out[-2].cells)
            first = row.cells[0] if row.cells else None
            if (first is not None and not first.is_empty and not is_section_label(first.text)
                    and len(above.cells) < width and len(above.cells) + len(row.cells) <= width):
                for cell in row.cells:
                    cell.col = len(above.cells)
                    above.cells.append(cell)
                continue
        out.append(row)
    return out


def text_rows(text: str) -> list[Row]:
    """The rows of a pasted table (see the module's docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines = text.split("\n")
    if _word_shape(lines):
        return _rejoin(_rows_word_shape(lines))
    return _rows_line_shape(text)
