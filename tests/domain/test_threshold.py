"""One reading of the 满意度最低值 for the settings dialog, the settings file and the CLI."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao_desktop.domain.findings import ThresholdError, parse_satisfaction_min


@pytest.mark.parametrize(("text", "value"), [("95", 95), ("95%", 95), (" 90分 ", 90), ("９５", 95), ("100", 100),
                                              ("0.5", Decimal("0.5"))])
def test_thresholds_read(text: str, value: Decimal) -> None:
    assert parse_satisfaction_min(text) == Decimal(value)


@pytest.mark.parametrize("text", ["0", "0%", "-5", "101", "abc", "NaN", "Infinity", ""])
def test_thresholds_refused(text: str) -> None:
    with pytest.raises(ThresholdError):
        parse_satisfaction_min(text)


def test_zero_is_refused_alike_by_dialog_settings_and_cli(tmp_path: Path) -> None:
    from jixiao_desktop.ui.dialogs.settings_dialog import parse_threshold
    from jixiao_desktop.ui.settings import Settings

    assert parse_threshold("0") is None
    ini = tmp_path / "s.ini"
    ini.write_text("[checks]\nsatisfaction_min=0\n", encoding="utf-8")
    assert Settings(ini).satisfaction_min() == Decimal(90)
    form = Path(__file__).resolve().parent.parent / "fixtures" / "jinrongjie-2021.json"
    result = subprocess.run([sys.executable, "-m", "jixiao_desktop", "check", str(form), "--satisfaction-min", "0"],
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode != 0 and "满意度最低值应大于 0" in result.stderr
