#!/usr/bin/env python3
"""Set up and run: one command for the app, one for the tests, on Linux and Windows.

    python3 scripts/dev.py run      # creates .venv, installs the app, opens the window
    python3 scripts/dev.py test     # creates .venv, installs app + test tools, runs all tests

On Windows use ``py scripts\\dev.py run`` / ``py scripts\\dev.py test``. Extra arguments go to
the app or to pytest (``python3 scripts/dev.py test -k funds``). Needs Python 3.11+ and
access to a package index (or a local wheelhouse via PIP_FIND_LINKS) the first time only.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".jixiao-installed"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_env(extras: str) -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - runs under whatever python3 the clerk has
        sys.exit("需要 Python 3.11 或更新版本 (Python 3.11+ is required)")
    py = venv_python()
    if not py.exists():
        print(f"creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    have = STAMP.read_text().split() if STAMP.exists() else []
    if wanted not in have:
        print(f"installing jixiao-desktop[{extras}] into {VENV}", flush=True)
        target = f"{ROOT}[{extras}]" if extras else str(ROOT)
        subprocess.run([str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                        "-e", target], check=True)
        STAMP.write_text(" ".join([*have, wanted]))
    return py


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        py = ensure_env("")
        return subprocess.call([str(py), "-m", "jixiao_desktop", *rest])
    py = ensure_env("test")
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.call([str(py), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
