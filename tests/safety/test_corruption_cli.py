"""The corruption suite, command-line side: one Chinese line, exit 2, no traceback, nothing deleted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.safety.damage import DAMAGES, files_in, immutable, make_db

ROOT = Path(__file__).resolve().parents[2]
BOTH = ("金融街街道办事处", "牛街街道办事处")

# What `list` must answer for each kind of damage: (exit code, words the clerk must read).
EXPECTED = {
    "truncated": (2, "已损坏"),
    "random_pages": (2, "已损坏"),
    "garbage_header": (2, "不是可读取的数据库文件"),
    "garbage_wal": (0, BOTH),
    "garbage_shm": (0, BOTH),
    "bad_row_json": (0, BOTH),
    "bad_row_date": (2, "已损坏"),
    "zero_bytes": (2, "0 字节"),
    "folder": (2, "是一个文件夹"),
    "other_program": (2, "其他程序的数据库"),
}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jixiao_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, cwd=ROOT, check=False)


def assert_one_chinese_line(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("错误：") and words in lines[0], lines[0]


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_list_on_a_damaged_database(tmp_path: Path, damage: str) -> None:
    db = tmp_path / "数据" / "jixiao.db"
    make_db(db)
    DAMAGES[damage](db)
    before = files_in(db.parent)
    result = cli("list", "--db", str(db))
    code, expected = EXPECTED[damage]
    assert result.returncode == code, (result.stdout, result.stderr)
    if code == 0:
        for name in expected:
            assert name in result.stdout
    else:
        assert_one_chinese_line(result, str(expected))
    after = files_in(db.parent)
    for name, data in before.items():
        if name.endswith("-shm"):
            continue  # an index SQLite rebuilds; holds no data
        if name.endswith("-wal"):  # SQLite discards a WAL it cannot read: a copy is kept
            assert any(k.startswith(name + ".unreadable-") and v == data for k, v in after.items()), name
            continue
        assert after.get(name) == data, f"{name} changed or deleted"
    assert not [n for n in after if n.startswith("backups") and n not in before]  # reading never writes


@pytest.mark.parametrize("damage", ["bad_row_json", "random_pages"])
def test_export_db_of_a_damaged_form_is_one_line(tmp_path: Path, damage: str) -> None:
    db = tmp_path / "jixiao.db"
    make_db(db)
    DAMAGES[damage](db)
    out = tmp_path / "out.jixiao.json"
    result = cli("export-db", "2", str(out), "--db", str(db))
    assert result.returncode == 2
    assert_one_chinese_line(result, "损坏")
    assert not out.exists()


def test_import_into_a_read_only_database_is_refused_in_chinese(tmp_path: Path) -> None:
    db = tmp_path / "数据" / "jixiao.db"
    make_db(db)
    before = files_in(db.parent)
    with immutable(db):
        listed = cli("list", "--db", str(db))
        imported = cli("import", str(ROOT / "tests" / "fixtures" / "niujie-2021.json"), "--db", str(db))
    assert listed.returncode == 0 and all(n in listed.stdout for n in BOTH), listed.stderr
    assert imported.returncode == 2
    assert_one_chinese_line(imported, "只读")
    assert files_in(db.parent) == before


def test_a_read_only_folder_is_said_and_the_forms_still_listed(tmp_path: Path) -> None:
    db = tmp_path / "数据" / "jixiao.db"
    make_db(db)
    before = files_in(db.parent)
    with immutable(db.parent):
        listed = cli("list", "--db", str(db))
        imported = cli("import", str(ROOT / "tests" / "fixtures" / "niujie-2021.json"), "--db", str(db))
    assert imported.returncode == 2
    assert_one_chinese_line(imported, "只读")
    assert listed.returncode == 0 and all(n in listed.stdout for n in BOTH), listed.stderr
    assert files_in(db.parent) == before
