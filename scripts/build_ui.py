#!/usr/bin/env python3
"""Compile the Designer files in ui/ into jixiao_desktop/ui/forms/ui_*.py with pyside6-uic.

The generated files are committed (the app never loads .ui files at run time) and must not be
edited by hand. ``--check`` compiles into a temporary folder and fails when a committed file
is stale or missing (tests/ui/test_forms_fresh.py runs it).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
OUT_DIR = ROOT / "jixiao_desktop" / "ui" / "forms"
HEADER = "# Generated from ui/{name} by scripts/build_ui.py (pyside6-uic). Do not edit.\n"


def uic_command() -> list[str]:
    exe = Path(sys.executable).with_name("pyside6-uic")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    return [sys.executable, "-m", "PySide6.scripts.pyside_tool", "uic"]


def compile_all(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target = out_dir / f"ui_{ui_file.stem}.py"
        result = subprocess.run(
            [*uic_command(), "-g", "python", str(ui_file)],
            capture_output=True, text=True, check=True,
        )
        code = result.stdout
        # pyside6-uic stamps its own header with the source path; make output path-independent.
        lines = [ln for ln in code.splitlines() if not ln.startswith("## Form generated from reading UI file")]
        target.write_text(HEADER.format(name=ui_file.name) + "\n".join(lines) + "\n", encoding="utf-8")
        written.append(target)
    init = out_dir / "__init__.py"
    init.write_text('"""Generated Designer forms (scripts/build_ui.py). Do not edit."""\n', encoding="utf-8")
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if committed forms are stale")
    args = parser.parse_args()
    if not args.check:
        for path in compile_all(OUT_DIR):
            print(path.relative_to(ROOT))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = compile_all(Path(tmp))
        stale = []
        for path in fresh:
            committed = OUT_DIR / path.name
            if not committed.exists() or committed.read_text(encoding="utf-8") != path.read_text(encoding="utf-8"):
                stale.append(committed.name)
        extra = {p.name for p in OUT_DIR.glob("ui_*.py")} - {p.name for p in fresh}
        if stale or extra:
            print("stale or missing:", ", ".join(sorted(stale)), "orphaned:", ", ".join(sorted(extra)))
            print("run: python scripts/build_ui.py")
            return 1
    print("forms up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
