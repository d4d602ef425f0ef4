"""The HTML Word puts on the clipboard when a clerk copies the whole form, built from the same
``docx_builder`` document: ``<p class=MsoNormal>`` per paragraph, ``<td colspan rowspan>``,
``&nbsp;`` for empty paragraphs, a style block and conditional comments, source lines wrapped."""

from __future__ import annotations

import html
from xml.etree import ElementTree

from jixiao_desktop.domain.model import Form
from tests.importers.docx_builder import Shape, _Builder

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _para_text(p: ElementTree.Element) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


def _ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _wrap(text: str, width: int = 38) -> str:
    """Word wraps its HTML source at about 80 bytes, inside Chinese text too (between two
    ideographs, where a browser shows nothing)."""
    if not text:
        return "<o:p>&nbsp;</o:p>"
    out, line = [], ""
    for i, ch in enumerate(text):
        if len(line) >= width and _ideograph(ch) and i and _ideograph(text[i - 1]):
            out.append(line)
            line = ""
        line += ch
    out.append(line)
    return "\r\n".join(html.escape(part) for part in out)


def _p(text: str) -> str:
    return f"<p class=MsoNormal><span lang=ZH-CN style='font-family:宋体'>{_wrap(text)}</span></p>"


def _table(tbl: ElementTree.Element) -> str:
    rows = tbl.findall(W + "tr")
    grid: list[list[tuple[ElementTree.Element, int, str]]] = []
    for tr in rows:
        cells = []
        for tc in tr.findall(W + "tc"):
            pr = tc.find(W + "tcPr")
            span_el = pr.find(W + "gridSpan") if pr is not None else None
            vm_el = pr.find(W + "vMerge") if pr is not None else None
            span = int(span_el.get(W + "val", "1")) if span_el is not None else 1
            vmerge = "" if vm_el is None else (vm_el.get(W + "val") or "continue")
            cells.append((tc, span, vmerge))
        grid.append(cells)
    out = ["<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>"]
    for r, cells in enumerate(grid):
        out.append("<tr>")
        col = 0
        for tc, span, vmerge in cells:
            if vmerge == "continue":
                col += span
                continue
            rowspan = 1
            if vmerge == "restart":
                for below in grid[r + 1:]:
                    c2 = 0
                    found = False
                    for _tc, s2, v2 in below:
                        if c2 == col:
                            found = v2 == "continue"
                            break
                        c2 += s2
                    if not found:
                        break
                    rowspan += 1
            attrs = (f" colspan={span}" if span > 1 else "") + (f" rowspan={rowspan}" if rowspan > 1 else "")
            paras = "".join(_p(_para_text(p)) for p in tc.iter(W + "p"))
            out.append(f"<td width=200 valign=top{attrs} style='border:solid windowtext 1.0pt'>{paras}</td>")
            col += span
        out.append("</tr>")
    out.append("</table>")
    return "\r\n".join(out)


def form_clipboard_html(form: Form, shape: Shape | None = None) -> str:
    builder = _Builder(form, shape or Shape())
    body = builder.build()
    parts = ["<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=utf-8>",
             "<style><!-- p.MsoNormal {margin:0cm; font-size:10.5pt;} --></style></head><body lang=ZH-CN>",
             "<!--StartFragment-->"]
    for xml in body:
        element = ElementTree.fromstring(f"<root {_NS}>{xml}</root>")[0]
        if element.tag == W + "tbl":
            parts.append(_table(element))
        elif element.tag == W + "p":
            parts.append(_p(_para_text(element)))
    parts.append("<!--EndFragment--></body></html>")
    return "\r\n".join(parts)
