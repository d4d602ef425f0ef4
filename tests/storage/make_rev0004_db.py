"""Write ``data/jixiao-rev0004.db``: a database at schema revision 0004 (the bureau's tables;
what the app left on disk before the list keys of 0005), with the forms of the 0003 sample.

Made from the 0003 sample migrated to 0004 with the 0004 migration itself. One form's 资金总额
is set to text a clerk typed that is not a plain decimal (kept as typed), so that the upgrade
is seen to leave its sort key empty. ``tests/storage/test_storage_list_keys.py`` upgrades a copy
with the current code. Run again only if the sample has to change:

    .venv/bin/python tests/storage/make_rev0004_db.py
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_db import DATA, migrated_sample


def _fill(con: sqlite3.Connection) -> None:
    con.execute("UPDATE forms SET funds_total = '约3000万' WHERE id = (SELECT max(id) FROM forms)")


if __name__ == "__main__":
    migrated_sample(DATA / "jixiao-rev0003.db", DATA / "jixiao-rev0004.db", "0004", _fill)
