"""The rows a Word form is read from: table rows as logical cells, paragraphs as one-cell rows.

Both readers produce the same stream: ``docx_reader`` from the OOXML (``w:tbl`` with
``gridSpan``/``vMerge`` resolved against the table grid), ``text_table`` from the text a clerk
copies out of Word (a tab opens a cell). ``label_reader`` then finds the form in the stream by
its labels, never by positions. No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cell:
    """One cell as the clerk sees it: its lines, the grid columns it covers.

    ``merged_above`` marks the lower part of a vertical merge (``w:vMerge`` continue): it
    shows the text of the cell above, which is where the text is kept.
    """

    lines: list[str]
    col: int = 0
    span: int = 1
    merged_above: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def is_empty(self) -> bool:
        return not any(line.strip() for line in self.lines)

    def covers(self, col: int) -> bool:
        return self.col <= col < self.col + self.span


@dataclass
class Row:
    """A table row, or a paragraph outside any table (one cell, ``in_table`` False)."""

    cells: list[Cell] = field(default_factory=list)
    in_table: bool = True

    @property
    def is_empty(self) -> bool:
        return all(cell.is_empty for cell in self.cells)

    def cell_at(self, col: int) -> Cell | None:
        for cell in self.cells:
            if cell.covers(col):
                return cell
        return None


MAX_GRID_COLUMNS = 63  # Word's own limit of a table's columns


@dataclass
class RawCell:
    """A ``w:tc`` as written: its lines, ``gridSpan``, and its ``vMerge`` state."""

    lines: list[str]
    span: int = 1
    vmerge: str = ""  # "" none, "restart", "continue"


def resolve_rows(raw_rows: list[tuple[int, list[RawCell]]]) -> list[Row]:
    """Place each row's cells on the table grid.

    ``raw_rows`` holds, per ``w:tr``, its ``gridBefore`` and its cells. A ``vMerge`` continue
    cell becomes ``merged_above`` (its own text, which Word does not show, is dropped); a
    continue with no cell above it in that column is an ordinary cell, as Word draws it.
    """
    rows: list[Row] = []
    # grid column -> the column start of the cell that occupied it in the previous row
    above: dict[int, int] = {}
    for grid_before, raw_cells in raw_rows:
        col = min(max(grid_before, 0), MAX_GRID_COLUMNS)
        cells: list[Cell] = []
        occupied: dict[int, int] = {}
        for raw in raw_cells:
            # Clamped to the grid: a forged w:gridSpan="1000000000" (10 KB of .docx) was walked
            # column by column (14 s, 5.3 GB). Word never writes more than 63 columns.
            span = min(max(raw.span, 1), max(MAX_GRID_COLUMNS - col, 1))
            merged = raw.vmerge == "continue" and col in above
            cell = Cell(lines=[] if merged else list(raw.lines), col=col, span=span, merged_above=merged)
            cells.append(cell)
            for c in range(col, col + span):
                occupied[c] = col
            col += span
        above = occupied
        rows.append(Row(cells=cells, in_table=True))
    return rows
