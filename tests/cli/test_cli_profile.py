"""``check``/``export --profile ID|FILE`` (spec/cli.md, spec/profiles.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao_desktop.cli import main
from jixiao_desktop.domain import exchange
from tests.conftest import NIUJIE


def test_unknown_profile_id_is_exit_2_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NIUJIE), "--profile", "gs-2022", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "gs-2022" in captured.err and "规则方案" in captured.err
    assert "Traceback" not in captured.err


def test_bad_profile_file_is_exit_2_naming_file_and_field_and_nothing_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "cd.profile.json"
    bad.write_text(json.dumps({"format": "jixiao-profile", "format_version": 1, "id": "sc-cd", "name": "成都",
                               "weights": {"total": "九十"}}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.jixiao.json"
    assert main(["export", str(NIUJIE), str(out), "--profile", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "weights.total" in err
    assert not out.exists()
    assert main(["check", str(NIUJIE), "--profile", str(tmp_path / "none.profile.json")]) == 2
    assert "不存在" in capsys.readouterr().err


def test_profile_from_a_file_decides_the_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    strict = tmp_path / "strict.profile.json"
    strict.write_text(json.dumps({"format": "jixiao-profile", "format_version": 1, "id": "bj-strict",
                                  "name": "某区", "rules": {"funds.normalised": "off",
                                                           "text.duplicate_passage": "error"}},
                                 ensure_ascii=False), encoding="utf-8")
    assert main(["check", str(NIUJIE), "--json", "--profile", str(strict)]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    rules = {f["rule"]: f["severity"] for f in findings}
    assert "funds.normalised" not in rules
    assert rules["text.duplicate_passage"] == "error"


def test_export_with_profile_writes_it_into_the_form(tmp_path: Path) -> None:
    out = tmp_path / "out.jixiao.json"
    assert main(["export", str(NIUJIE), str(out), "--profile", "bj-2021"]) in (0, 1)
    form = exchange.load(out)
    assert form.profile is not None and form.profile.id == "bj-2021" and len(form.profile.sha256) == 64


def test_check_says_which_profile_it_used(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NIUJIE)]) == 0
    assert "规则方案：北京市2021（bj-2021）" in capsys.readouterr().out
    main(["check", str(NIUJIE), "--json", "--profile", "sc"])
    payload = json.loads(capsys.readouterr().out)
    assert payload["profile"]["id"] == "sc" and payload["profile"]["name"] == "四川省"
