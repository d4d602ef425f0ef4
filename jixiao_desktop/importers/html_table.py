"""The table a clerk copies out of Word or WPS, read from the clipboard's HTML flavour.

Word's plain-text copy of a table loses the cell boundaries of a cell that holds several
paragraphs (a two-line 指标名称 becomes two rows); its HTML copy keeps them: ``<td>`` with
``colspan``/``rowspan``, one ``<p>`` (or ``<br>``) per line. This turns that HTML into the same
``Row`` stream as ``docx_reader`` and ``text_table``, so ``label_reader`` reads it by the same
labels. Standard library only; no Qt. Bounded: the text is capped before parsing, spans are
clamped to Word's grid.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from jixiao_desktop.importers.table_grid import Cell, RawCell, Row, resolve_rows

# Word's HTML for a long form carries its style sheet and list markup: several times the text.
MAX_HTML_CHARS = 20_000_000
MAX_COLUMNS = 63  # Word's own limit of a table's columns
MAX_ROWSPAN = 10_000

_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote"}
_SKIP = {"style", "script", "head", "title", "xml"}
_CJK = re.compile(r"[\u2018-\u201f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _join_source_line(before: str, after: str) -> str:
    """HTML source wraps long lines: a break between two Chinese characters is nothing, else a space."""
    if before and after and _CJK.match(before[-1]) and _CJK.match(after[0]):
        return ""
    return " "


def _span(value: str | None, limit: int) -> int:
    try:
        return max(1, min(int(value or "1"), limit))
    except ValueError:
        return 1


class _Reader(HTMLParser):
    """Collects tables (rows of cells of lines) and the paragraphs between them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str] | list[list[tuple[list[str], int, int]]]] = []
        self._skip = 0
        self._hidden: list[bool] = []
        self._tables: list[list[list[tuple[list[str], int, int]]]] = []
        self._cell: list[str] | None = None
        self._cell_spans = (1, 1)
        self._outside: list[str] = [""]
        self._nested_cells: list[list[str] | None] = []

    # --- where text goes ----------------------------------------------------------------

    def _lines(self) -> list[str]:
        return self._cell if self._cell is not None else self._outside

    def _new_line(self) -> None:
        lines = self._lines()
        if lines[-1] != "":
            lines.append("")

    def _flush_outside(self) -> None:
        lines = [line for line in self._outside if line.strip()]
        for line in lines:
            self.blocks.append([line])
        self._outside = [""]

    # --- parser events ------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        style = (attr.get("style") or "").replace(" ", "").lower()
        if tag in _SKIP:
            self._skip += 1
            return
        if tag in ("span", "font", "p", "div") and "display:none" in style:
            self._hidden.append(True)
        elif tag in ("span", "font", "p", "div"):
            self._hidden.append(False)
        if tag == "table":
            if self._cell is not None:  # a table inside a cell: its cells become the cell's lines
                self._nested_cells.append(self._cell)
                self._new_line()
                return
            self._flush_outside()
            self._tables.append([])
        elif tag == "tr" and self._tables and not self._nested_cells:
            self._tables[-1].append([])
        elif tag in ("td", "th") and self._tables and not self._nested_cells:
            self._cell = [""]
            self._cell_spans = (_span(attr.get("colspan"), MAX_COLUMNS), _span(attr.get("rowspan"), MAX_ROWSPAN))
        elif (tag in ("td", "th") and self._nested_cells) or tag == "br" or tag in _BLOCKS:
            self._new_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in ("span", "font", "p", "div") and self._hidden:
            self._hidden.pop()
        if tag == "table":
            if self._nested_cells:
                self._nested_cells.pop()
                self._new_line()
                return
            if self._tables:
                self.blocks.append(self._tables.pop())
        elif tag in ("td", "th") and self._cell is not None and not self._nested_cells:
            if self._tables and self._tables[-1]:
                colspan, rowspan = self._cell_spans
                self._tables[-1][-1].append((self._cell, colspan, rowspan))
            self._cell = None
        elif tag in _BLOCKS:
            self._new_line()

    def handle_data(self, data: str) -> None:
        if self._skip or any(self._hidden):
            return
        lines = self._lines()
        parts = re.split(r"[\r\n]+", data)
        text = lines[-1]
        for i, part in enumerate(parts):
            part = re.sub(r"[ \t\f\v]+", " ", part)
            if i:
                text = text.rstrip(" ") + _join_source_line(text.rstrip(" "), part.lstrip(" "))
                part = part.lstrip(" ")
            text += part
        lines[-1] = text

    def close(self) -> None:
        super().close()
        while self._tables:
            self.blocks.append(self._tables.pop())
        self._flush_outside()


def _table_rows(table: list[list[tuple[list[str], int, int]]]) -> list[Row]:
    """HTML rows (``rowspan`` leaves holes below) as Word's rows (``vMerge`` continue cells)."""
    raw_rows: list[tuple[int, list[RawCell]]] = []
    pending: dict[int, tuple[int, int]] = {}  # grid column -> (rows still covered, colspan)
    for cells in table:
        raw: list[RawCell] = []
        col = 0
        queue = list(cells)
        while queue or any(c >= col for c in pending):
            if col in pending:
                left, span = pending[col]
                raw.append(RawCell(lines=[], span=span, vmerge="continue"))
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = (left - 1, span)
                col += span
                continue
            if not queue:
                col = min(c for c in pending if c >= col)
                continue
            lines, colspan, rowspan = queue.pop(0)
            lines = [line.replace("\xa0", " ") for line in lines]
            while lines and not lines[-1].strip():
                lines.pop()
            raw.append(RawCell(lines=lines or [""], span=colspan, vmerge="restart" if rowspan > 1 else ""))
            if rowspan > 1:
                pending[col] = (rowspan - 1, colspan)
            col += colspan
            if col > MAX_COLUMNS * 4:
                break
        raw_rows.append((0, raw))
    return resolve_rows(raw_rows)


def html_rows(html: str) -> list[Row]:
    """The rows of the tables and the paragraphs around them, in order."""
    start = html.lower().find("<html")
    if start > 0:  # Windows' "HTML Format" header (Version:0.9 StartHTML:…)
        html = html[start:]
    reader = _Reader()
    reader.feed(html)
    reader.close()
    rows: list[Row] = []
    for block in reader.blocks:
        if block and isinstance(block[0], str):
            rows.append(Row([Cell([str(line) for line in block])], in_table=False))
        else:
            rows.extend(_table_rows(block))  # type: ignore[arg-type]
    return rows


def has_table(html: str) -> bool:
    return "<table" in html.lower() or "<td" in html.lower()
