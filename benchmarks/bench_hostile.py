"""Hostile files: how long ``check`` takes to refuse each, and its peak memory (goal ≤ 5 s, ≤ 400 MB).

    .venv/bin/python benchmarks/bench_hostile.py [--before REF] [--big-gib 2] [--only NAME] [--smoke]

Each file is checked by a real child process (``python -m jixiao_desktop check FILE``); its
wall time and peak resident memory (``os.wait4`` rusage, ``ru_maxrss``) are printed, with the
exit code and the first 70 characters of its message. ``--before REF`` runs the same files
against another commit too (a temporary ``git worktree``, removed afterwards), e.g. the code
before the safe reader: ``--before 45919f4``. A child is stopped after 120 s and capped at
8 GiB of address space so that the "before" figures cannot take the machine down.

The files: the issue's two workbooks (bzip2 inside the zip inflating to ``--big-gib`` GiB; a
540 KB workbook holding a 512 MB 单位名称), a bomb of every method, entity bombs and XXE, a
merged-range bomb, a million-character cell, a 5,000-member archive, deep JSON, 1e400, and the
two real forms for reference. They are built once into /tmp/jixiao-bench-hostile (GiBs of
inflation, KBs on disk). ``--smoke`` checks only the small files (built in a temporary folder),
to prove in CI that the benchmark runs. Prints figures only; the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile import builders as b  # noqa: E402
from tests.hostile.corpus import FIXTURES  # noqa: E402

MiB = 1024 * 1024
CACHE = Path(tempfile.gettempdir()) / "jixiao-bench-hostile"
LIMIT_BYTES = 8 * 1024**3
TIMEOUT_S = 120
SMOKE_FILES = ("reference.jixiao.json", "reference.xlsx", "xxe.xlsx", "1e400.jixiao.json", "stored-declared-4gib.xlsx")


def _padded_sheet(base: bytes, at: str, size: int, *, filler: bytes = b"x", keep: bool = False,
                  method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The workbook whose sheet has ``size`` bytes of ``filler`` in place of (or, with ``keep``,
    after) the text ``at``, compressed with ``method`` and streamed: the sheet stays
    well-formed XML, so a reader that trusts the archive inflates and parses all of it."""
    members = b.members_of(base)
    sheet = members.pop(b.SHEET)
    head, found, tail = sheet.partition(at.encode("utf-8"))
    assert found, at
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        info = zipfile.ZipInfo(b.SHEET, date_time=(2021, 1, 1, 0, 0, 0))
        info.compress_type = method
        with zf.open(info, "w", force_zip64=True) as out:
            out.write(head + (found if keep else b""))
            chunk = filler * (MiB // len(filler))
            for _ in range(size // MiB):
                out.write(chunk)
            out.write(tail)
    return buffer.getvalue()


def _varied(chars: int) -> str:
    import random

    rng = random.Random(5)
    return "".join(chr(0x4E00 + rng.randrange(20000)) for _ in range(chars))


def _files(big: int) -> dict[str, Callable[[], bytes]]:
    from jixiao_desktop.domain import exchange

    niujie_json = (FIXTURES / "niujie-2021.json").read_bytes()
    niujie = b.export_bytes(exchange.load(FIXTURES / "niujie-2021.json"))
    dept = "北京市西城区人民政府牛街街道办事处"
    sheet = b.members_of(niujie)[b.SHEET]
    merge = b'<mergeCell ref="A1:XFD1048576"/>'

    def json_with(raw: bytes) -> bytes:
        return niujie_json.replace(b'"department": "', b'"x_extra": ' + raw + b', "department": "', 1)

    return {
        "reference.jixiao.json": lambda: niujie_json,
        "reference.xlsx": lambda: niujie,
        f"bzip2-sheet-{big // 1024**3}gib.xlsx": lambda: _padded_sheet(niujie, "<sheetData>", big, filler=b" ",
                                                                       keep=True, method=zipfile.ZIP_BZIP2),
        "lzma-sheet-512mb.xlsx": lambda: _padded_sheet(niujie, "<sheetData>", 512 * MiB, filler=b" ", keep=True,
                                                       method=zipfile.ZIP_LZMA),
        "bzip2-strings-2gib.xlsx": lambda: b.bomb(big, method=zipfile.ZIP_BZIP2, base=niujie),
        f"deflate-{big // 1024**3}gib.xlsx": lambda: b.bomb(big, base=niujie),
        "deflate-sheet-1gib.xlsx": lambda: _padded_sheet(niujie, "<sheetData>", 1024 * MiB, filler=b" ", keep=True),
        "stored-declared-4gib.xlsx": lambda: b.declared_size(niujie, b.SHEET, 2**32 - 1),
        "department-512mb.xlsx": lambda: _padded_sheet(niujie, dept, 512 * MiB),
        "department-30mb-varied.xlsx": lambda: b.with_cell_text(niujie, dept, _varied(10_000_000)),
        "cell-1m-chars.xlsx": lambda: b.with_cell_text(niujie, dept, "单" * 1_000_000),
        "billion-laughs.xlsx": lambda: b.rezip(niujie, replace={b.SHEET: b.BILLION_LAUGHS.encode()}),
        "xxe.xlsx": lambda: b.rezip(niujie, replace={b.SHEET: b.XXE.encode()}),
        "quadratic-blowup.xlsx": lambda: b.rezip(niujie, replace={b.SHEET: b.QUADRATIC.encode()}),
        "merge-bomb.xlsx": lambda: b.rezip(niujie, replace={b.SHEET: sheet.replace(b"<mergeCell ", merge
                                                                                  + b"<mergeCell ", 1)}),
        "members-5000.xlsx": lambda: b.many_members(5000, base=niujie),
        "overlapping.xlsx": lambda: b.overlapping(niujie, 2000),
        "deep-json.jixiao.json": lambda: json_with(b"[" * 100_000 + b"]" * 100_000),
        "1e400.jixiao.json": lambda: json_with(b"1e400"),
        "numbers-1m.jixiao.json": lambda: json_with(b"[" + b",".join([b"1.5"] * 1_000_000) + b"]"),
    }


def _measure(python: str, path: Path, cwd: Path, env: dict[str, str]) -> tuple[float, float, int | str, str]:
    """(seconds, peak MB, exit code, first line of stderr) of one ``check`` in a child."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))

    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([python, "-m", "jixiao_desktop", "check", str(path)], cwd=cwd, env=env,
                                stdout=subprocess.DEVNULL, stderr=err, preexec_fn=limit)
        deadline = start + TIMEOUT_S
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        err.seek(0)
        text = err.read().decode("utf-8", "replace").strip()
    code: int | str = os.waitstatus_to_exitcode(status) if proc.returncode is None else f"killed>{TIMEOUT_S}s"
    line = text.splitlines()[-1] if text else ""
    if "Traceback" in text:
        line = "TRACEBACK " + line
    return seconds, usage.ru_maxrss / 1024, code, line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", metavar="REF", help="also measure this commit (git worktree)")
    parser.add_argument("--big-gib", type=int, default=2)
    parser.add_argument("--only", help="only files whose name contains this")
    parser.add_argument("--smoke", action="store_true", help="only the small files, in a temporary folder (CI)")
    args = parser.parse_args()
    cache = Path(tempfile.mkdtemp(prefix="jixiao-bench-hostile-")) if args.smoke else CACHE
    cache.mkdir(exist_ok=True)
    files = {}
    for name, build in _files(args.big_gib * 1024**3).items():
        if args.only and args.only not in name:
            continue
        if args.smoke and name not in SMOKE_FILES:
            continue
        path = cache / name
        if not path.exists() or name.startswith("reference"):
            started = time.perf_counter()
            path.write_bytes(build())
            print(f"built {name}: {path.stat().st_size / 1024:.0f} KB in {time.perf_counter() - started:.0f} s",
                  file=sys.stderr)
        files[name] = path
    trees = [("after", ROOT)]
    before_tree: Path | None = None
    if args.before:
        before_tree = Path(tempfile.mkdtemp(prefix="jixiao-before-"))
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(before_tree), args.before],
                       check=True, capture_output=True)
        trees.insert(0, (f"before ({args.before})", before_tree))
    try:
        print(f"{'file':<28} {'KB':>7}  {'code':<26} {'s':>6} {'MB':>7}  message")
        for name, path in files.items():
            size = path.stat().st_size / 1024
            for label, tree in trees:
                env = {**os.environ, "PYTHONPATH": str(tree), "JIXIAO_CONFIG_DIR": str(cache / "config")}
                seconds, peak, code, line = _measure(sys.executable, path, tree, env)
                shown = line.replace(str(path), name)[:70]
                print(f"{name:<28} {size:>7.0f}  {label + ' ' + str(code):<26} {seconds:>6.2f} {peak:>7.0f}  {shown}",
                      flush=True)
    finally:
        if before_tree is not None:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(before_tree)],
                           capture_output=True)
            shutil.rmtree(before_tree, ignore_errors=True)
        if args.smoke:
            shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
