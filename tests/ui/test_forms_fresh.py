"""The committed ui/forms/ui_*.py match the Designer files in ui/ (style.md pattern 2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_generated_forms_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_ui.py"), "--check"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_designer_file_has_a_generated_module() -> None:
    designer = {p.stem for p in (ROOT / "ui").glob("*.ui")}
    generated = {p.stem.removeprefix("ui_") for p in (ROOT / "jixiao_desktop" / "ui" / "forms").glob("ui_*.py")}
    assert designer <= generated
