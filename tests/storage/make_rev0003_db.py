"""Write ``data/jixiao-rev0003.db``: a database at schema revision 0003 (identity; what the app
left on disk before the bureau's tables of 0004), with the forms of the 0002 sample.

Made from the 0002 sample migrated to 0003 with the 0003 migration itself.
``tests/bureau/test_bureau_migration.py`` upgrades a copy with the current code and checks
that the summary (check counts computed on first use) and collect work on it. Run again
only if the sample has to change:

    .venv/bin/python tests/storage/make_rev0003_db.py
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from jixiao_desktop.storage.db import create_engine_for, upgrade_to  # noqa: E402

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "data" / "jixiao-rev0002.db"
TARGET = HERE / "data" / "jixiao-rev0003.db"


def main() -> None:
    tmp = TARGET.with_suffix(".tmp")
    shutil.copyfile(SOURCE, tmp)
    engine = create_engine_for(tmp)
    upgrade_to(engine, "0003")
    engine.dispose()
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("VACUUM")
    con.close()
    tmp.replace(TARGET)
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
