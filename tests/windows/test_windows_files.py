"""What only Windows does to files, exercised for real under the Windows Python.

packaging/windows/check_on_linux.sh runs these under Wine (and any Windows PC runs them with
``py scripts\\dev.py test``): the msvcrt byte-range lock of one window per database, a rename
onto a file another program holds open (antivirus, Excel), a read-only file, long and Chinese
paths. On Linux the Windows-only tests are skipped; the rest run everywhere.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from jixiao_desktop import atomic
from jixiao_desktop.atomic import atomic_write_bytes, describe_os_error
from jixiao_desktop.storage import lock
from jixiao_desktop.storage.errors import DatabaseInUseError

windows_only = pytest.mark.skipif(sys.platform != "win32", reason="Windows behaviour")
CHINESE = "文档/2024年预算/绩效目标 申报（第二批）"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_chinese_folder_round_trip(tmp_path: Path) -> None:
    folder = tmp_path / CHINESE
    folder.mkdir(parents=True)
    target = folder / "牛街街道办事处 绩效目标.jixiao.json"
    atomic_write_bytes(target, "资金总额：100.00 万元\r\n".encode())
    assert target.read_bytes() == "资金总额：100.00 万元\r\n".encode()  # bytes kept, no newline rewrite
    assert _leftovers(folder) == []


def test_long_chinese_path_is_written_or_refused_in_chinese(tmp_path: Path) -> None:
    """Past Windows' 260-character MAX_PATH: written, or refused with a Chinese reason and no
    half-written file (a PC without long paths enabled refuses)."""
    folder = tmp_path
    while len(str(folder)) < 300:
        folder = folder / "二〇二四年度部门整体支出绩效目标申报材料汇总"
    try:
        folder.mkdir(parents=True)
    except OSError as exc:
        assert "太长" in describe_os_error(exc) or "不存在" in describe_os_error(exc)
        return
    target = folder / "申报表.pdf"
    try:
        atomic_write_bytes(target, b"%PDF-1.4 test")
    except OSError as exc:
        message = describe_os_error(exc)
        assert any(w in message for w in ("太长", "不存在", "文件操作失败")), message
        assert not target.exists()
        return
    assert target.read_bytes() == b"%PDF-1.4 test"
    assert _leftovers(folder) == []


def test_replacing_a_read_only_file_is_refused_in_chinese_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "已定稿.xlsx"
    target.write_bytes(b"old")
    os.chmod(target, stat.S_IREAD)
    try:
        if sys.platform == "win32":
            with pytest.raises(PermissionError) as info:
                atomic_write_bytes(target, b"new")
            assert "只读" in describe_os_error(info.value)
            assert target.read_bytes() == b"old"
        else:  # POSIX renames over a read-only file; the new file keeps the read-only mode
            atomic_write_bytes(target, b"new")
            assert target.read_bytes() == b"new"
        assert _leftovers(tmp_path) == []
    finally:
        os.chmod(target, stat.S_IREAD | stat.S_IWRITE)


@windows_only
def test_replace_waits_for_a_scanner_that_lets_go(tmp_path: Path) -> None:
    """An antivirus scanner holds the file for a moment: the export waits and succeeds."""
    target = tmp_path / "申报表.pdf"
    target.write_bytes(b"old")
    holder = open(target, "rb")  # noqa: SIM115 - held on purpose, as a scanner would
    threading.Timer(0.6, holder.close).start()
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert _leftovers(tmp_path) == []


@windows_only
def test_replace_onto_a_file_held_open_gives_up_with_a_chinese_message(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Excel keeps the file open: after the retries, a Chinese message and the old file intact."""
    monkeypatch.setattr(atomic, "REPLACE_PATIENCE", 0.5)
    target = tmp_path / "申报表.xlsx"
    target.write_bytes(b"old")
    # Another process holds it open, as Excel/WPS does (no FILE_SHARE_DELETE).
    code = "import sys,time; f=open(sys.argv[1],'rb'); print('held', flush=True); time.sleep(30)"
    proc = subprocess.Popen([sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(PermissionError) as info:
            atomic_write_bytes(target, b"new")
        assert time.monotonic() - started >= 0.4  # it did retry before giving up
        message = describe_os_error(info.value)
        assert "占用" in message or "没有写入权限" in message, message
        assert target.read_bytes() == b"old"
        assert _leftovers(tmp_path) == []
    finally:
        proc.kill()
        proc.wait()
        assert proc.stdout is not None
        proc.stdout.close()


@windows_only
def test_msvcrt_lock_refuses_a_second_window_and_frees_on_exit(tmp_path: Path) -> None:
    db = tmp_path / "数据" / "申报.db"
    db.parent.mkdir()
    # sys.path set in the child itself: an embeddable Python (a ._pth file) ignores PYTHONPATH.
    code = ("import sys,time; sys.path[:0]=[sys.argv[2]]; from jixiao_desktop.storage import lock;"
            "from pathlib import Path; h=lock.acquire(Path(sys.argv[1]));"
            "print('locked' if h else 'none', flush=True); time.sleep(60)")
    root = str(Path(__file__).resolve().parents[2])
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), root], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseInUseError) as info:
            lock.acquire(db)
        assert "另一个窗口" in str(info.value)
        assert lock.is_held(db) is not None
    finally:
        proc.kill()  # a crash: Windows drops the byte-range lock with the process
        proc.wait()
        assert proc.stdout is not None
        proc.stdout.close()
    held = lock.acquire(db)
    assert held is not None
    held.unlock()


@windows_only
def test_msvcrt_lock_is_per_handle_within_one_process(tmp_path: Path) -> None:
    db = tmp_path / "申报.db"
    first = lock.acquire(db)
    assert first is not None
    try:
        with pytest.raises(DatabaseInUseError):
            lock.acquire(db)
    finally:
        first.unlock()
    assert not lock.lock_path_for(db).exists()
    again = lock.acquire(db)
    assert again is not None
    again.unlock()
