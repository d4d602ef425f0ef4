"""The long crash soak (issue 7): hundreds of SIGKILLs while the real save paths run.

usage: .venv/bin/python scripts/crash_soak.py [KILLS=300] [SEED=1]

Each kill lands at a random moment in a child that types into a ``FormSession`` (autosave),
presses Ctrl+S, imports through the command line, 定稿s and 继承上年s — or, now and then, while
it migrates an old sample database. After every kill the database is checked: SQLite's
``integrity_check``, every save/version/import/定稿 the child reported present, and the typing lost
within the autosave bound. See tests/safety/crash.py; the test suite runs a short version.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.safety import crash  # noqa: E402

if __name__ == "__main__":
    kills = sys.argv[1] if len(sys.argv) > 1 else "300"
    seed = sys.argv[2] if len(sys.argv) > 2 else "1"
    with tempfile.TemporaryDirectory(prefix="jixiao-crash-") as folder:
        sys.exit(crash.main(["soak", folder, kills, seed, "--log"]))
