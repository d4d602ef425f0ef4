"""The contract tools of ../shared/tools run against our CLI, as the bureau's reviewers run them.

Skipped when the shared folder is not beside the checkout (a standalone clone); CI has it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
TOOLS = SHARED / "tools"
FIXTURES = ROOT / "tests" / "fixtures"

pytestmark = pytest.mark.skipif(not TOOLS.is_dir(), reason="../shared/tools is not beside this checkout")


def _env() -> dict[str, str]:
    return {**os.environ, "JX": f"{sys.executable} -m jixiao_desktop", "PY": sys.executable}


def test_score_checks_on_the_reference_forms() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOLS / "score_checks.py"), str(TOOLS / "reference-findings.json"), str(FIXTURES)],
        capture_output=True, text=True, encoding="utf-8", env=_env(), timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The summary line always contains "forbidden rules raised": read its figures instead.
    summary = re.search(r"found (\d+)/(\d+) expected findings, (\d+)/(\d+) forbidden rules raised", result.stdout)
    assert summary is not None, result.stdout
    found, expected, raised, forbidden = map(int, summary.groups())
    assert forbidden > 0, result.stdout  # the reference lists rules that must not be raised
    assert expected > 0 and found == expected, result.stdout
    assert raised == 0, result.stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_export_fidelity_on_the_reference_forms() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOLS / "export_fidelity.py"), *map(str, sorted(FIXTURES.glob("*.json")))],
        capture_output=True, text=True, encoding="utf-8", env=_env(), timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(importlib.util.find_spec("pymupdf") is None, reason="PyMuPDF not installed (pip install -e .[test])")
def test_typeset_check_on_the_reference_forms(tmp_path: Path) -> None:
    """Song face with ink for every symbol, no line starting with closing punctuation, 　　 indents,
    a 400-character 指标名称 exporting (../shared/tools/typeset_check.py)."""
    result = subprocess.run(
        [sys.executable, str(TOOLS / "typeset_check.py"), str(FIXTURES), str(tmp_path)],
        capture_output=True, text=True, encoding="utf-8", env=_env(), timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "typesetting: 0 failures" in result.stdout
