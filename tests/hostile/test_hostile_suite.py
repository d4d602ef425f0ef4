"""The hostile-input suite (issue 7, "Prove it"): every generated bad file over ``check``, ``import``
and the window's importer, in process (``cli.main``), plus a few real subprocesses.

For each file: no traceback, no exception out of ``main``; a hostile file gives exit 2 and one
Chinese line naming the file, and the database file's hash does not change. A garbled file that
happens to remain a valid form may be read (exit 0 or 1) — then it was stored whole. Time and
memory are measured by ``benchmarks/bench_hostile.py``, not asserted here.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from jixiao_desktop import cli
from tests.hostile.corpus import Case, corpus, db_hash

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Case, Path]]:
    folder = tmp_path_factory.mktemp("hostile")
    written = []
    for case in corpus():
        path = folder / case.filename
        path.write_bytes(case.data)
        written.append((case, path))
    return written


def test_the_corpus_is_large_and_covers_every_kind(cases: list[tuple[Case, Path]]) -> None:
    names = [case.name for case, _ in cases]
    assert len(names) >= 500
    for kind in ("json-truncated", "json-garbled", "json-nan", "json-1e400", "json-deep", "json-surrogate",
                 "json-huge-string", "xlsx-truncated", "xlsx-garbled", "method-bzip2", "method-lzma",
                 "method-deflate64", "bomb-deflate", "bomb-stored", "bomb-bzip2", "bomb-lzma", "ratio",
                 "declared", "many-members", "nested", "overlapping", "billion-laughs", "xxe", "quadratic",
                 "merge-bomb", "cell-32768", "encrypted", "duplicate", "path-"):
        assert any(kind in name for name in names), kind


def _run(argv: list[str]) -> tuple[int | str, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code: int | str = cli.main(argv)
    except SystemExit as exc:  # argparse only
        code = f"SystemExit({exc.code})"
    except BaseException as exc:  # the point: nothing may escape main
        code = f"{type(exc).__name__}: {exc}"[:300]
    return code, out.getvalue(), err.getvalue()


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _problem(case: Case, path: Path, code: int | str, out: str, err: str) -> str | None:
    """What is wrong with one run, or None."""
    if "Traceback" in out + err:
        return "traceback"
    if not isinstance(code, int):
        return f"escaped: {code}"
    if code == 2:
        lines = [line for line in err.splitlines() if line.strip()]
        if len(lines) != 1:
            return f"{len(lines)} lines on stderr: {err[:300]!r}"
        line = lines[0]
        if str(path) not in line or not _chinese(line.split(str(path), 1)[1]):
            return f"message does not name the file in Chinese: {line[:200]!r}"
        if len(line) > 400:
            return f"message too long ({len(line)} characters)"
        return None
    if case.hostile:
        return f"exit {code}, not refused: {err[:200]!r}"
    return None if code in (0, 1) else f"exit {code}"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Path]:
    db = tmp_path / "data" / "jixiao.db"
    code, _, err = _run(["import", str(ROOT / "tests" / "fixtures" / "niujie-2021.json"), "--db", str(db)])
    assert code == 0, err
    yield db


def test_check_refuses_every_hostile_file(cases: list[tuple[Case, Path]]) -> None:
    problems = []
    refused = 0
    for case, path in cases:
        code, out, err = _run(["check", str(path)])
        problem = _problem(case, path, code, out, err)
        if problem:
            problems.append(f"{case.name}: {problem}")
        refused += code == 2
    assert not problems, "\n".join(problems)
    assert refused >= sum(case.hostile for case, _ in cases)


def test_import_refuses_and_leaves_the_database_unchanged(cases: list[tuple[Case, Path]], database: Path) -> None:
    problems = []
    before = db_hash(database)
    for case, path in cases:
        code, out, err = _run(["import", str(path), "--db", str(database)])
        problem = _problem(case, path, code, out, err)
        if problem:
            problems.append(f"{case.name}: {problem}")
        after = db_hash(database)
        if code == 2 and after != before:
            problems.append(f"{case.name}: refused, but the database changed")
        before = after  # an accepted garble was stored: the next refusal is compared with that
    assert not problems, "\n".join(problems)
    code, out, _ = _run(["list", "--db", str(database), "--json"])
    assert code == 0 and "牛街" in out


def test_window_importer_refuses_in_chinese(cases: list[tuple[Case, Path]]) -> None:
    """The function the window's 导入 calls (ui.transfer.import_form → formfiles)."""
    from jixiao_desktop.errors import KnownError, known_message
    from jixiao_desktop.ui import transfer

    problems = []
    for case, path in cases:
        try:
            transfer.import_form(path)
        except KnownError as exc:
            message = known_message(exc) or ""
            if not _chinese(message) or "\n" in message.strip():
                problems.append(f"{case.name}: {message[:200]!r}")
        except Exception as exc:  # a bug: the window would show 程序出错
            problems.append(f"{case.name}: {type(exc).__name__}: {str(exc)[:200]}")
        else:
            if case.hostile:
                problems.append(f"{case.name}: read as a form")
    assert not problems, "\n".join(problems)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["xlsx-niujie-bomb-bzip2", "xlsx-niujie-billion-laughs-xl_worksheets_sheet1.xml",
                                  "xlsx-cell-32768", "json-deep-list-100k", "json-1e400"])
def test_real_subprocess_refuses(name: str, cases: list[tuple[Case, Path]], tmp_path: Path) -> None:
    [path] = [p for c, p in cases if c.name == name]
    db = tmp_path / "sub.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for argv in (["check", str(path)], ["import", str(path), "--db", str(db)]):
        result = subprocess.run([sys.executable, "-m", "jixiao_desktop", *argv], capture_output=True, text=True,
                                encoding="utf-8", timeout=120, env=env, cwd=ROOT)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        [line] = result.stderr.strip().splitlines()
        assert line.startswith("错误：") and str(path) in line and _chinese(line)
    assert not db.exists()  # nothing was stored, not even an empty database
