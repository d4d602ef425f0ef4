"""Compare two versions of a form field by field (difflib), as coloured HTML lines.

Pure Python (no Qt): the history dialog shows ``diff_html``. A changed line is shown as its
old and new text, and within them the characters that differ are marked (character level),
so a changed amount or a single changed character is seen at once.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Iterator

from jixiao_desktop.domain.fields import field_label, field_text
from jixiao_desktop.domain.model import Form, indicator_title


def field_paths(form: Form) -> Iterator[str]:
    """Every text field of a form, in print order."""
    yield from ("department", "year", "funds.total", "funds.basic", "funds.project")
    for i, _source in enumerate(form.funds.sources or []):
        yield f"funds.sources[{i}].name"
        yield f"funds.sources[{i}].amount"
    yield "goals"
    for i, indicator in enumerate(form.indicators):
        for attr in ("name", "level1", "level2", "content"):
            yield f"indicators[{i}].{attr}"
        for j, item in enumerate(indicator.items):
            for attr in item.TEXT_FIELDS:
                yield f"indicators[{i}].items[{j}].{attr}"
    yield "other_notes"


def _label(form_a: Form, form_b: Form, path: str) -> str:
    label = field_label(path)
    if path.startswith("indicators[") and path.endswith(".content"):
        index = int(path[len("indicators["):path.index("]")])
        for form in (form_b, form_a):
            if index < len(form.indicators):
                title = indicator_title(form.indicators[index]).strip()
                if title:
                    return f"{label}（{title}）"
    return label


def diff_forms(old: Form, new: Form) -> list[tuple[str, list[str]]]:
    """``[(field label, diff lines)]`` for each field whose text differs.

    Lines start with ``-`` (only in ``old``), ``+`` (only in ``new``) or a space (context).
    """
    paths = list(dict.fromkeys([*field_paths(old), *field_paths(new)]))
    changes = []
    for path in paths:
        a, b = field_text(old, path), field_text(new, path)
        if a == b:
            continue
        lines = []
        for line in difflib.ndiff(a.splitlines(), b.splitlines()):
            if line.startswith("? "):
                continue
            lines.append(line[0] + line[2:])
        if not a.strip():
            lines.insert(0, " （原为空）")
        elif not b.strip():
            lines.append(" （现为空）")
        changes.append((_label(old, new, path), lines))
    return changes


_MARK_OLD = "background:#f5a3a3;"
_MARK_NEW = "background:#9fdc9f;"


def char_marks(old: str, new: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans of ``old`` and of ``new`` that differ (difflib on characters)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    old_spans, new_spans = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            old_spans.append((i1, i2))
        if j2 > j1:
            new_spans.append((j1, j2))
    return old_spans, new_spans


def _marked(text: str, spans: list[tuple[int, int]], style: str) -> str:
    parts, at = [], 0
    for start, end in spans:
        parts.append(html.escape(text[at:start]))
        parts.append(f"<span style='{style}font-weight:bold'>{html.escape(text[start:end])}</span>")
        at = end
    parts.append(html.escape(text[at:]))
    return "".join(parts) or "&nbsp;"


def _line_cells(lines: list[str]) -> list[tuple[str, str]]:
    """(mark, html) per line; a − line followed by a + line get their differing characters marked."""
    cells: list[tuple[str, str]] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        following = lines[k + 1] if k + 1 < len(lines) else ""
        if line[:1] == "-" and following[:1] == "+":
            old_spans, new_spans = char_marks(line[1:], following[1:])
            cells.append(("-", _marked(line[1:], old_spans, _MARK_OLD)))
            cells.append(("+", _marked(following[1:], new_spans, _MARK_NEW)))
            k += 2
            continue
        cells.append((line[:1], html.escape(line[1:]) or "&nbsp;"))
        k += 1
    return cells


def diff_html(old: Form, new: Form) -> str:
    """The changes as HTML for a read-only ``QTextBrowser``: red − lines, green + lines."""
    changes = diff_forms(old, new)
    if not changes:
        return "<p>两个版本内容相同。</p>"
    parts = [f"<p>共 {len(changes)} 处不同。红色为旧版本中的文字，绿色为新版本中的文字；"
             "加深的是改动的字。</p>"]
    for label, lines in changes:
        parts.append(f"<h3 style='margin-bottom:2px'>{html.escape(label)}</h3>")
        parts.append("<table cellspacing='0' cellpadding='2' width='100%'>")
        for mark, text in _line_cells(lines):
            if mark == "-":
                style, sign = "background:#fde2e2;color:#8a1010;", "−"
            elif mark == "+":
                style, sign = "background:#e2f5e2;color:#0f5d0f;", "+"
            else:
                style, sign = "color:#555;", "&nbsp;"
            parts.append(f"<tr><td style='{style}' width='14'>{sign}</td>"
                         f"<td style='{style}white-space:pre-wrap'>{text}</td></tr>")
        parts.append("</table>")
    return "\n".join(parts)
