"""One count of findings (domain.findings.count_findings) for the checks panel, 定稿, export, 导入预览,
the CLI and the bureau's stored counts."""

from __future__ import annotations

import re
from pathlib import Path

from jixiao_desktop.domain.checks import acknowledge, run_checks
from jixiao_desktop.domain.findings import Severity, count_findings
from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage.types import CheckCounts

PACKAGE = Path(__file__).resolve().parents[2] / "jixiao_desktop"


def test_counts_by_severity_and_acknowledged(jinrongjie: Form) -> None:
    findings = run_checks(jinrongjie)
    warning = next(f for f in findings if f.severity is Severity.WARNING)
    acknowledge(jinrongjie, warning)
    findings = run_checks(jinrongjie)
    counts = count_findings(findings)
    assert counts.errors == len([f for f in findings if f.severity is Severity.ERROR])
    assert counts.warnings == len([f for f in findings if f.severity is Severity.WARNING])
    assert counts.infos == len([f for f in findings if f.severity is Severity.INFO])
    assert counts.acknowledged >= 1
    assert counts.open_warnings == len([f for f in findings if f.severity is Severity.WARNING and not f.acknowledged])
    stored = CheckCounts.of(findings)  # the bureau's: acknowledged warnings still count
    assert (stored.errors, stored.warnings, stored.infos) == (counts.errors, counts.warnings, counts.infos)


def test_no_one_else_counts_findings_by_hand() -> None:
    pattern = re.compile(r"sum\(1 for \w+ in \w*findings\w* if \w+\.severity")
    offenders = [f"{p.relative_to(PACKAGE)}:{n}" for p in sorted(PACKAGE.rglob("*.py"))
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert not offenders, "count with domain.findings.count_findings: " + ", ".join(offenders)
