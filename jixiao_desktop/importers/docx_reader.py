"""A ``.docx`` as the rows a clerk sees: the OOXML walked directly.

Why not python-docx alone: it reads a cell's paragraphs but not what sits inside content
controls (``w:sdt``, the fill-in fields of bureau templates: such a cell reads as empty), it
reads deleted text of tracked changes as if it were there and cannot tell inserted text
apart, and it knows nothing of list numbering. The parts we need are few (``document.xml``,
``numbering.xml``, ``styles.xml``), so this module parses them itself with the standard
library's ElementTree through defusedxml (no DTD, no entities: bombs and external entities
are refused) after ``safezip`` has bounded the archive.

What the walk does, in Word's terms:
- ``w:sdt`` (block, row, cell and run level), ``w:customXml``, ``w:smartTag``,
  ``w:hyperlink``, ``w:fldSimple``, ``w:ins``, ``w:moveTo``: their content is read in place;
- ``w:del``, ``w:moveFrom`` (and ``w:delText``) are dropped: the text as it reads after
  accepting every change; how many changes were pending is reported;
- field codes (between ``w:fldChar begin`` and ``separate``) are skipped, field results read;
- ``w:tab`` → a tab, ``w:br``/``w:cr`` → a new line (a page or column break → nothing);
- each paragraph is one line, its automatic number (``numbering``) in front;
- tables: ``gridSpan``, ``vMerge``, ``gridBefore`` resolved by ``table_grid``; a table inside
  a cell adds its lines to the cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element

from jixiao_desktop.importers.numbering import Numbering, W
from jixiao_desktop.importers.table_grid import Cell, RawCell, Row, resolve_rows

_UNWRAP = {W + "customXml", W + "smartTag", W + "hyperlink", W + "fldSimple", W + "ins", W + "moveTo",
           W + "dir", W + "bdo"}
_SKIP = {W + "del", W + "moveFrom", W + "rPr", W + "pPr", W + "sdtPr", W + "sdtEndPr",
         W + "bookmarkStart", W + "bookmarkEnd", W + "proofErr", W + "commentRangeStart",
         W + "commentRangeEnd", W + "permStart", W + "permEnd"}
_DRAWING = {W + "drawing", W + "pict", W + "object",
            "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}


@dataclass
class Changes:
    """Tracked changes not yet accepted, counted while reading."""

    insertions: int = 0
    deletions: int = 0

    @property
    def any(self) -> bool:
        return bool(self.insertions or self.deletions)


class _Walker:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.changes = Changes()
        self._in_field_code = False

    # --- paragraphs ------------------------------------------------------------------

    def paragraph_text(self, p: Element) -> str:
        self._in_field_code = False
        ppr = p.find(W + "pPr")
        # A paragraph whose mark was deleted joins the next one in Word; its text is kept.
        parts: list[str] = [self.numbering.label(ppr)]
        if ppr is not None:
            rpr = ppr.find(W + "rPr")
            if rpr is not None and (rpr.find(W + "ins") is not None or rpr.find(W + "del") is not None):
                self.changes.insertions += rpr.find(W + "ins") is not None
                self.changes.deletions += rpr.find(W + "del") is not None
        self._inline(p, parts)
        return "".join(parts)

    def _inline(self, parent: Element, out: list[str]) -> None:
        for child in parent:
            tag = child.tag
            if tag == W + "r":
                self._run(child, out)
            elif tag in (W + "del", W + "moveFrom"):
                self.changes.deletions += 1
            elif tag in (W + "ins", W + "moveTo"):
                self.changes.insertions += 1
                self._inline(child, out)
            elif tag in _UNWRAP:
                self._inline(child, out)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self._inline(content, out)
            elif tag in _SKIP or tag in _DRAWING:
                continue
            elif tag.endswith("}oMath") or tag.endswith("}oMathPara"):
                out.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))

    def _run(self, r: Element, out: list[str]) -> None:
        for el in r:
            tag = el.tag
            if tag == W + "fldChar":
                kind = el.get(W + "fldCharType")
                if kind == "begin":
                    self._in_field_code = True
                elif kind in ("separate", "end"):
                    self._in_field_code = False
                continue
            if self._in_field_code:
                continue
            if tag == W + "t":
                out.append(el.text or "")
            elif tag == W + "tab" or tag == W + "ptab":
                out.append("\t")
            elif tag == W + "br":
                if el.get(W + "type") not in ("page", "column"):
                    out.append("\n")
            elif tag == W + "cr":
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "sym":
                code = el.get(W + "char") or ""
                try:
                    ch = chr(int(code, 16))
                except ValueError:
                    continue
                if not 0xE000 <= ord(ch) <= 0xF8FF:  # a symbol-font glyph has no text
                    out.append(ch)
            elif tag == W + "delText" or tag == W + "instrText":
                continue

    # --- blocks ------------------------------------------------------------------------

    def block_lines(self, parent: Element) -> list[str]:
        """The lines of a cell's content: paragraphs, and nested tables' cells."""
        lines: list[str] = []
        for child in self._blocks(parent):
            if child.tag == W + "p":
                lines.extend(self.paragraph_text(child).split("\n"))
            elif child.tag == W + "tbl":
                for row in self.table_rows(child):
                    for cell in row.cells:
                        lines.extend(cell.lines)
        return lines

    def _blocks(self, parent: Element) -> list[Element]:
        out: list[Element] = []
        for child in parent:
            tag = child.tag
            if tag in (W + "p", W + "tbl"):
                out.append(child)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    out.extend(self._blocks(content))
            elif tag in (W + "customXml", W + "ins", W + "moveTo"):
                out.extend(self._blocks(child))
            elif tag in (W + "del", W + "moveFrom"):
                self.changes.deletions += 1
        return out

    def _row_elements(self, tbl: Element) -> list[Element]:
        out: list[Element] = []
        for child in tbl:
            if child.tag == W + "tr":
                trpr = child.find(W + "trPr")
                if trpr is not None and trpr.find(W + "del") is not None:
                    self.changes.deletions += 1
                    continue
                if trpr is not None and trpr.find(W + "ins") is not None:
                    self.changes.insertions += 1
                out.append(child)
            elif child.tag in (W + "sdt", W + "customXml"):
                content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
                if content is not None:
                    out.extend(self._row_elements(content))
        return out

    def _cell_elements(self, tr: Element) -> list[Element]:
        out: list[Element] = []
        for child in tr:
            if child.tag == W + "tc":
                out.append(child)
            elif child.tag in (W + "sdt", W + "customXml"):
                content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
                if content is not None:
                    out.extend(self._cell_elements(content))
        return out

    def table_rows(self, tbl: Element) -> list[Row]:
        raw_rows: list[tuple[int, list[RawCell]]] = []
        for tr in self._row_elements(tbl):
            trpr = tr.find(W + "trPr")
            grid_before = 0
            if trpr is not None:
                gb = trpr.find(W + "gridBefore")
                if gb is not None:
                    grid_before = _int(gb.get(W + "val"), 0)
            cells: list[RawCell] = []
            for tc in self._cell_elements(tr):
                tcpr = tc.find(W + "tcPr")
                span = 1
                vmerge = ""
                if tcpr is not None:
                    gs = tcpr.find(W + "gridSpan")
                    if gs is not None:
                        span = _int(gs.get(W + "val"), 1)
                    vm = tcpr.find(W + "vMerge")
                    if vm is not None:
                        vmerge = "restart" if vm.get(W + "val") == "restart" else "continue"
                    hmerge = tcpr.find(W + "hMerge")
                    if hmerge is not None and hmerge.get(W + "val") != "restart" and cells:
                        # The legacy horizontal merge: the cell widens the one before it.
                        cells[-1].span += span
                        continue
                cells.append(RawCell(self.block_lines(tc), span, vmerge))
            raw_rows.append((grid_before, cells))
        return resolve_rows(raw_rows)

    def body_rows(self, body: Element) -> list[Row]:
        rows: list[Row] = []
        for child in self._blocks(body):
            if child.tag == W + "p":
                rows.append(Row([Cell(self.paragraph_text(child).split("\n"))], in_table=False))
            else:
                rows.extend(self.table_rows(child))
        return rows


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class DocxContent:
    rows: list[Row]
    changes: Changes


def read_document(document: Element, numbering: Element | None = None,
                  styles: Element | None = None) -> DocxContent:
    """The rows of ``word/document.xml`` (its root element), with pending changes counted."""
    walker = _Walker(Numbering(numbering, styles))
    body = document.find(W + "body")
    rows = walker.body_rows(body) if body is not None else []
    return DocxContent(rows, walker.changes)
