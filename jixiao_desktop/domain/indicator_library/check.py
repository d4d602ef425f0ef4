"""The library's own check (rule ``library.contradiction``): an item named like a 共性指标 or a
bureau's entry, whose operator, unit or direction says the opposite (受灾率 ≥, 满意度 ≤ …), gets
a warning with a one-click fix that takes the library's values.

It needs the library, which lives in the database, so it is not part of ``checks.run_checks``
(pure, per form): the window adds these findings to the others (``ui/indicator_library``), the
same way for every profile. The unit's own past entries are not authoritative here: last year's
form may have been wrong too.
"""

from __future__ import annotations

from jixiao_desktop.domain.findings import Finding, Severity
from jixiao_desktop.domain.fixes import FieldEdit, Fix
from jixiao_desktop.domain.indicator_library.entry import LibraryEntry, short_source_label
from jixiao_desktop.domain.indicator_library.fill import Contradiction, contradictions
from jixiao_desktop.domain.indicator_library.search import LibraryIndex
from jixiao_desktop.domain.model import Form, IndicatorItem

RULE = "library.contradiction"
TITLE = "与指标库不一致"


def _reference(index: LibraryIndex, item: IndicatorItem) -> LibraryEntry | None:
    for entry in index.by_name(item.level3):
        if entry.kind != "own" and (entry.operator or entry.unit or entry.direction):
            return entry
    return None


def _found(form: Form, index: LibraryIndex) -> list[tuple[int, int, LibraryEntry, list[Contradiction]]]:
    found = []
    for i, indicator in enumerate(form.indicators):
        for j, item in enumerate(indicator.items):
            if not item.level3.strip():
                continue
            entry = _reference(index, item)
            if entry is None:
                continue
            wrong = contradictions(item, entry)
            if wrong:
                found.append((i, j, entry, wrong))
    return found


def library_findings(form: Form, index: LibraryIndex) -> list[Finding]:
    """One warning per item that contradicts the library, on its first contradicted field."""
    findings = []
    for i, j, entry, wrong in _found(form, index):
        said = "、".join(f"{c.label}“{c.typed}”" for c in wrong)
        expected = "、".join(f"{c.label}应为“{c.expected}”" for c in wrong)
        findings.append(Finding(
            RULE, Severity.WARNING, f"indicators[{i}].items[{j}].{wrong[0].field}",
            f"“{entry.level3}”在指标库（{short_source_label(entry.source)}）中{expected}，这里是{said}"))
    return findings


def library_fix(form: Form, finding: Finding, index: LibraryIndex) -> Fix | None:
    """Take the library's operator, unit and direction for the item of ``finding``."""
    if finding.rule != RULE:
        return None
    for i, j, _entry, wrong in _found(form, index):
        if finding.field.startswith(f"indicators[{i}].items[{j}]."):
            base = f"indicators[{i}].items[{j}]"
            label = "按指标库改为 " + " ".join(c.expected for c in wrong)
            return Fix(label, tuple(FieldEdit(f"{base}.{c.field}", c.expected) for c in wrong))
    return None
