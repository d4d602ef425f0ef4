"""The headless commands, as an administrator's script or the bureau's tools drive them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from jixiao_desktop.cli import main
from jixiao_desktop.domain import exchange
from tests.conftest import JINRONGJIE, NIUJIE


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real program in its own process: exit code, stdout and stderr as a user sees them."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "jixiao_desktop", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, env=full_env)


def findings_of(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, str]]]:
    code = main(["check", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)["findings"]


# --- check -----------------------------------------------------------------------------


def test_check_reference_forms_give_what_the_spec_says(capsys: pytest.CaptureFixture[str]) -> None:
    code, findings = findings_of(capsys, str(JINRONGJIE))
    assert code == 0
    got = {(f["rule"], f["field"]) for f in findings}
    assert ("indicators.output_not_quantified", "indicators[1]") in {(r, fld[:13]) for r, fld in got}
    assert ("text.unbalanced_quotes", "indicators[0].content") in got
    assert not [f for f in findings if f["severity"] == "error"]

    code, findings = findings_of(capsys, str(NIUJIE))
    assert code == 0
    rules = {(f["rule"], f["field"]) for f in findings}
    assert ("funds.normalised", "funds.total") in rules
    assert ("indicators.outcome_missing", "") in rules
    assert ("text.numbering_broken", "indicators[3].content") in rules


def test_check_json_findings_have_the_spec_keys_in_stable_order(capsys: pytest.CaptureFixture[str]) -> None:
    _, first = findings_of(capsys, str(NIUJIE))
    _, second = findings_of(capsys, str(NIUJIE))
    assert first == second
    for f in first:
        assert {"rule", "severity", "field", "message"} <= set(f)
        assert f["severity"] in ("error", "warning", "info")


def test_check_exit_1_when_the_form_has_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = exchange.load(JINRONGJIE)
    form.funds.basic = "9344.55"  # 0.01 off: 资金总额 no longer adds up
    path = tmp_path / "off.jixiao.json"
    path.write_text(exchange.dumps(form), encoding="utf-8")
    code, findings = findings_of(capsys, str(path))
    assert code == 1
    mismatch = [f for f in findings if f["rule"] == "funds.sum_mismatch"]
    assert mismatch and mismatch[0]["severity"] == "error"
    assert "0.01" in mismatch[0]["message"]


def test_check_text_output_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(NIUJIE)]) == 0
    out = capsys.readouterr().out
    assert "牛街街道办事处" in out and "警告" in out


def test_check_satisfaction_threshold_is_a_setting(capsys: pytest.CaptureFixture[str]) -> None:
    _, default = findings_of(capsys, str(JINRONGJIE))
    assert not [f for f in default if f["rule"] == "indicators.satisfaction_low"]
    _, strict = findings_of(capsys, str(JINRONGJIE), "--satisfaction-min", "95")
    assert [f for f in strict if f["rule"] == "indicators.satisfaction_low"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "文件不存在"),
        ("{not json", "JSON"),
        ('{"format": "something-else"}', "不是绩效目标申报表文件"),
        ('{"format": "jixiao-form", "format_version": 2, "form": {}}', "版本"),
        ("[1, 2]", "不是绩效目标申报表文件"),
    ],
)
def test_unreadable_input_exit_2_one_chinese_line_no_traceback(
    tmp_path: Path, content: str | None, expected: str
) -> None:
    path = tmp_path / "form.jixiao.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run_cli("check", str(path), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and expected in lines[0]
    assert "Traceback" not in result.stderr


def test_broken_workbook_is_refused_and_nothing_is_stored(tmp_path: Path) -> None:
    bad = tmp_path / "form.xlsx"
    bad.write_bytes(b"this is not a zip file at all")
    db = tmp_path / "store.db"
    result = run_cli("import", str(bad), "--db", str(db))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and str(bad) in result.stderr
    listing = run_cli("list", "--json", "--db", str(db))
    assert json.loads(listing.stdout)["forms"] == []


def test_zip_that_is_not_a_workbook_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "form.xlsx"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("hello.txt", "你好")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err


# --- import / list / export-db ----------------------------------------------------------


def test_import_list_export_db_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "store.db")
    assert main(["import", str(NIUJIE), "--db", db]) == 0
    captured = capsys.readouterr()
    form_id = captured.out.strip()  # the id alone on stdout (spec/cli.md), for scripts
    assert form_id.isdigit() and captured.out == f"{form_id}\n"
    assert "牛街" in captured.err and f"编号 {form_id}" in captured.err

    assert main(["list", "--json", "--db", db]) == 0
    forms = json.loads(capsys.readouterr().out)["forms"]
    assert [(f["id"], f["year"], f["status"]) for f in forms] == [(int(form_id), 2021, "draft")]
    assert forms[0]["department"] == "北京市西城区人民政府牛街街道办事处"
    assert forms[0]["last_saved"]

    back = tmp_path / "back.jixiao.json"
    assert main(["export-db", form_id, str(back), "--db", db]) == 0
    original, restored = exchange.load(NIUJIE), exchange.load(back)
    assert restored.funds.total == "22001.49"  # written canonical
    original.funds.total = "22001.49"
    assert restored.without_identity() == original
    # The stored form has an identity of its own, written into every export.
    assert len(restored.id) == 36 and restored.revision == 1


def test_list_uses_jixiao_db_from_the_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    env = {"JIXIAO_DB": str(db)}
    assert run_cli("import", str(JINRONGJIE), env=env).returncode == 0
    result = run_cli("list", env=env)
    assert result.returncode == 0
    assert "金融街街道办事处" in result.stdout and "草稿" in result.stdout
    assert db.exists()


def test_list_reads_a_current_database_without_the_database_layer(tmp_path: Path) -> None:
    """``list`` on a file at the newest schema shows what the repository lists (the recycle bin
    left out) without importing SQLAlchemy or Alembic; an older file is migrated and listed."""
    import shutil

    from jixiao_desktop.storage.repository import FormRepository

    db = tmp_path / "store.db"
    with FormRepository.open(db) as repo:
        kept = repo.create(exchange.load(JINRONGJIE))
        repo.delete(repo.create(exchange.load(NIUJIE)))
        expected = [(f.id, f.department, str(f.status)) for f in repo.list_forms()]
    assert expected == [(kept, "北京市西城区人民政府金融街街道办事处", "draft")]
    code = ("import sys; from jixiao_desktop.cli import main; code = main(['list', '--json', '--db', sys.argv[1]]);"
            "print('loaded:', sorted(m for m in ('sqlalchemy', 'alembic') if m in sys.modules)); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True,
                            encoding="utf-8", timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    listing, loaded = result.stdout.rsplit("loaded:", 1)
    assert loaded.strip() == "[]"
    forms = json.loads(listing)["forms"]
    assert [(f["id"], f["department"], f["status"]) for f in forms] == expected

    old = tmp_path / "old.db"
    shutil.copyfile(Path(__file__).parents[1] / "storage" / "data" / "jixiao-rev0005.db", old)
    with FormRepository.open(shutil.copyfile(old, tmp_path / "copy.db")) as repo:
        migrated = [(f.id, f.department) for f in repo.list_forms()]
    result = run_cli("list", "--json", "--db", str(old))
    assert result.returncode == 0, result.stderr
    assert [(f["id"], f["department"]) for f in json.loads(result.stdout)["forms"]] == migrated


def test_export_db_unknown_id_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "store.db")
    assert main(["export-db", "42", str(tmp_path / "x.jixiao.json"), "--db", db]) == 2
    assert "42" in capsys.readouterr().err
    assert not (tmp_path / "x.jixiao.json").exists()


# --- export ----------------------------------------------------------------------------


def test_export_json_writes_canonical_amounts_and_keeps_unknown_keys(tmp_path: Path) -> None:
    doc = json.loads(NIUJIE.read_text(encoding="utf-8"))
    doc["form"]["x_bureau_code"] = "XC-017"
    doc["form"]["indicators"][0]["x_note"] = {"reviewed": True}
    src = tmp_path / "in.json"
    src.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.jixiao.json"
    assert main(["export", str(src), str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["form"]["funds"]["total"] == "22001.49"
    assert written["form"]["x_bureau_code"] == "XC-017"
    assert written["form"]["indicators"][0]["x_note"] == {"reviewed": True}


def test_export_of_a_form_with_errors_is_written_with_a_warning(tmp_path: Path) -> None:
    form = exchange.load(JINRONGJIE)
    form.department = ""
    src = tmp_path / "no-dept.jixiao.json"
    src.write_text(exchange.dumps(form), encoding="utf-8")
    out = tmp_path / "out.jixiao.json"
    result = run_cli("export", str(src), str(out))
    assert result.returncode == 1
    assert out.exists()
    assert "错误" in result.stderr


def test_export_to_unknown_kind_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "form.docx"
    assert main(["export", str(JINRONGJIE), str(out)]) == 2
    assert "不支持" in capsys.readouterr().err
    assert not out.exists()


def test_failed_export_leaves_the_old_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "form.jixiao.json"
    out.write_text("previous good export", encoding="utf-8")

    def disk_full(*_args: object, **_kw: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("jixiao_desktop.atomic.os.replace", disk_full)
    assert main(["export", str(JINRONGJIE), str(out)]) == 2
    assert "磁盘空间已满" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "previous good export"
    assert [p.name for p in tmp_path.iterdir()] == ["form.jixiao.json"]  # no temp file left


@pytest.mark.parametrize("kind", ["xlsx", "pdf"])
def test_export_office_formats(tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"jinrongjie.{kind}"
    result = run_cli("export", str(JINRONGJIE), str(out))
    assert result.returncode == 0, result.stderr
    magic = out.read_bytes()[:4]
    assert magic == (b"PK\x03\x04" if kind == "xlsx" else b"%PDF")


def test_xlsx_export_reimports_to_the_same_form(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xlsx = tmp_path / "jinrongjie.xlsx"
    assert main(["export", str(JINRONGJIE), str(xlsx)]) == 0
    back = tmp_path / "back.jixiao.json"
    assert main(["export", str(xlsx), str(back)]) == 0
    assert exchange.load(back) == exchange.load(JINRONGJIE)


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("jixiao-desktop ")


def test_check_does_not_load_the_database_layer() -> None:
    code = (
        "import sys; from jixiao_desktop.cli import main; "
        f"rc = main(['check', {str(JINRONGJIE)!r}, '--json']); "
        "heavy = [m for m in ('sqlalchemy', 'alembic', 'PySide6', 'reportlab', 'openpyxl') if m in sys.modules]; "
        "print('HEAVY', heavy, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8")
    assert "HEAVY []" in result.stderr


# --- hostile input: still exit 2, one Chinese line naming the file, nothing written ------


def _one_line_error(capsys: pytest.CaptureFixture[str], code: int, name: str, *words: str) -> str:
    captured = capsys.readouterr()
    assert code == 2
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert name in lines[0]
    for word in words:
        assert word in lines[0]
    return lines[0]


def _niujie_with(tmp_path: Path, **form_keys: object) -> Path:
    doc = json.loads(NIUJIE.read_text(encoding="utf-8"))
    doc["form"].update(form_keys)
    path = tmp_path / "form.jixiao.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"format": "jixiao-form", "format_version": 1, "form": {"year": ' + "9" * 5000 + "}}", "位数过多"),
        ('{"format": "jixiao-form", "format_version": ' + "9" * 5000 + ', "form": {}}', "位数过多"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"year": "' + "9" * 5000 + '"}}', "year"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"year": "²⁰²¹"}}', "year"),
        ('{"format": "jixiao-form", "format_version": "1", "form": {}}', "format_version"),
        ('{"format": "jixiao-form", "format_version": 1.5, "form": {}}', "format_version"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"indicators": "abc"}}', "indicators"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"indicators": [5]}}', "indicators[0]"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"funds": [1, 2]}}', "funds"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"year": true}}', "year"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"indicators": [{"items": [[1]]}]}}',
         "items[0]"),
        ("[" * 100_000 + "]" * 100_000, "嵌套"),
    ],
)
@pytest.mark.parametrize("command", ["check", "export", "import"])
def test_hostile_exchange_files_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str, command: str
) -> None:
    path = tmp_path / "form.jixiao.json"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out.pdf"
    db = tmp_path / "store.db"
    argv = {"check": ["check", str(path)], "export": ["export", str(path), str(out)],
            "import": ["import", str(path), "--db", str(db)]}[command]
    _one_line_error(capsys, main(argv), str(path), expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["form.jixiao.json"]  # nothing written


def test_lone_surrogate_is_refused_before_it_can_break_an_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "form.jixiao.json"
    path.write_text('{"format": "jixiao-form", "format_version": 1, "form": {"department": "\\ud800"}}',
                    encoding="utf-8")
    for kind in ("jixiao.json", "pdf"):
        _one_line_error(capsys, main(["export", str(path), str(tmp_path / f"out.{kind}")]), str(path), "无效的字符")
    assert [p.name for p in tmp_path.iterdir()] == ["form.jixiao.json"]


@pytest.mark.parametrize("year", [1_000_000_000, -5, 2200])
def test_out_of_range_year_is_read_and_reported_by_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], year: int
) -> None:
    code, findings = findings_of(capsys, str(_niujie_with(tmp_path, year=year)))
    assert code == 1
    assert [f["field"] for f in findings if f["rule"] == "header.year_invalid"] == ["year"]


def test_file_far_too_large_for_a_form_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.jixiao.json"
    path.write_bytes(NIUJIE.read_bytes() + b" " * exchange.MAX_FILE_BYTES)
    _one_line_error(capsys, main(["check", str(path)]), str(path), "文件过大")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_named_pipe_is_refused_instead_of_blocking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pipe = tmp_path / "form.jixiao.json"
    os.mkfifo(pipe)
    _one_line_error(capsys, main(["check", str(pipe)]), str(pipe), "不是普通文件")


def test_name_too_long_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long_name = str(tmp_path / ("甲" * 200 + ".jixiao.json"))
    _one_line_error(capsys, main(["check", long_name]), long_name)
    out = str(tmp_path / ("甲" * 200 + ".pdf"))
    _one_line_error(capsys, main(["export", str(NIUJIE), out]), out)
    assert list(tmp_path.iterdir()) == []


def test_export_into_a_missing_folder_or_a_file_used_as_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "nowhere" / "x.pdf")
    _one_line_error(capsys, main(["export", str(NIUJIE), missing]), missing, "不存在")
    under_file = str(NIUJIE / "x.pdf")
    _one_line_error(capsys, main(["export", str(NIUJIE), under_file]), under_file, "不是文件夹")


@pytest.mark.parametrize("form_id", ["99999999999999999999999", "0", "abc"])
def test_export_db_bad_id_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form_id: str
) -> None:
    out = tmp_path / "x.pdf"
    _one_line_error(capsys, main(["export-db", form_id, str(out), "--db", str(tmp_path / "s.db")]), form_id)
    assert not out.exists()


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda ws: ws.__setitem__("A2", "明年"), "明年"),
        (lambda ws: ws.delete_cols(4, 6), "标记列"),
        (lambda ws: ws.__setitem__("A3", None), "部门（单位）名称"),
    ],
)
def test_edited_workbook_refused_with_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: Callable[[Worksheet], object], expected: str
) -> None:
    xlsx = tmp_path / "form.xlsx"
    assert main(["export", str(NIUJIE), str(xlsx)]) == 0
    capsys.readouterr()
    wb = openpyxl.load_workbook(xlsx)
    assert isinstance(wb.active, Worksheet)
    edit(wb.active)
    wb.save(xlsx)
    _one_line_error(capsys, main(["import", str(xlsx), "--db", str(tmp_path / "s.db")]), str(xlsx), expected)


def test_windowed_build_without_console_does_not_crash_on_output(tmp_path: Path) -> None:
    """The no-console Windows exe has sys.stdout = None; a command must still run, not crash."""
    out = tmp_path / "out.jixiao.json"
    code = ("import sys; sys.stdout = None; sys.stderr = None\n"
            "from jixiao_desktop.cli import main\n"
            f"raise SystemExit(main(['export', {str(JINRONGJIE)!r}, {str(out)!r}]))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert exchange.load(out) == exchange.load(JINRONGJIE)
