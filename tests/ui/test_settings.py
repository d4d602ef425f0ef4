"""Typed settings over QSettings: defaults, round trips, bad values."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao_desktop import paths
from jixiao_desktop.ui.settings import MAX_DEPARTMENTS, SETTINGS_VERSION, Settings


def test_defaults_live_in_the_config_dir() -> None:
    settings = Settings()
    assert settings.path == paths.config_dir() / "settings.ini"
    assert settings.last_form_id() is None
    assert settings.departments() == []
    assert settings.satisfaction_min() == Decimal(90)
    assert settings.version == SETTINGS_VERSION


def test_values_survive_a_new_instance() -> None:
    settings = Settings()
    settings.set_last_form_id(7)
    settings.set_satisfaction_min(Decimal(95))
    settings.remember_department("金融街街道办事处")
    settings.remember_department("牛街街道办事处")
    settings.remember_department("金融街街道办事处")
    settings.sync()
    again = Settings()
    assert again.last_form_id() == 7
    assert again.satisfaction_min() == Decimal(95)
    assert again.departments() == ["金融街街道办事处", "牛街街道办事处"]


def test_department_list_is_bounded() -> None:
    settings = Settings()
    for n in range(MAX_DEPARTMENTS + 5):
        settings.remember_department(f"单位{n}")
    assert len(settings.departments()) == MAX_DEPARTMENTS
    assert settings.departments()[0] == f"单位{MAX_DEPARTMENTS + 4}"


def test_a_hand_edited_bad_threshold_falls_back(tmp_path: Path) -> None:
    ini = tmp_path / "s.ini"
    ini.write_text("[checks]\nsatisfaction_min=abc\n[forms]\nlast_id=x\n", encoding="utf-8")
    settings = Settings(ini)
    assert settings.satisfaction_min() == Decimal(90)
    assert settings.last_form_id() is None
    for bad in ("NaN", "sNaN", "Infinity", "-5", "101"):
        ini.write_text(f"[checks]\nsatisfaction_min={bad}\n", encoding="utf-8")
        assert Settings(ini).satisfaction_min() == Decimal(90), bad
