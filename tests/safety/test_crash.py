"""A short crash run in the suite (the long one: scripts/crash_soak.py, ≥ 300 kills)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.safety import crash

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the short run forks its children (POSIX)")
def test_twenty_kills_lose_no_reported_save(tmp_path: Path) -> None:
    # Its own process: the children are forked from a process without a Qt application.
    result = subprocess.run([sys.executable, "-m", "tests.safety.crash", "soak", str(tmp_path), "20", "3"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "CRASH_MAX_DELAY": "0.5"})
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-2000:]
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    figures = dict(word.split("=") for word in summary.split() if "=" in word)
    assert int(figures["kills"]) >= 18 and figures["failures"] == "0"
    assert int(figures["saves"]) > 0  # the children really saved before they were killed
    assert int(figures["max_lost_keystrokes"]) <= crash.lost_bound()
