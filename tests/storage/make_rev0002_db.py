"""Write ``data/jixiao-rev0002.db``: a database at schema revision 0002 (what version 0.2 of
the app left on a clerk's disk), with a form copied from last year's (继承上年).

Made from the 0001 sample migrated to 0002 with the 0002 migration itself, then one more form
added with plain SQL against the 0002 tables: a copy of form 1 for the next year, linked by
``copied_from_id``. ``test_storage_migrations.py`` upgrades a copy with the current code.
Run again only if the sample has to change:

    .venv/bin/python tests/storage/make_rev0002_db.py
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_db import DATA, migrated_sample


def _copy_form_1_to_next_year(con: sqlite3.Connection) -> None:
    cols = [r[1] for r in con.execute("PRAGMA table_info(forms)") if r[1] != "id"]
    con.execute(f"INSERT INTO forms ({', '.join(cols)}) SELECT {', '.join(cols)} FROM forms WHERE id = 1")
    new_id = con.execute("SELECT max(id) FROM forms").fetchone()[0]
    con.execute("UPDATE forms SET year = year + 1, copied_from_id = 1, funds_need_review = 1 WHERE id = ?",
                (new_id,))
    row_cols = [r[1] for r in con.execute("PRAGMA table_info(indicator_rows)") if r[1] not in ("id", "form_id")]
    con.execute(f"INSERT INTO indicator_rows (form_id, {', '.join(row_cols)}) "
                f"SELECT ?, {', '.join(row_cols)} FROM indicator_rows WHERE form_id = 1", (new_id,))
    con.execute("INSERT INTO events (form_id, at, kind, note) VALUES (?, '2022-01-05 02:00:00', "
                "'copied_from', '继承自编号 1')", (new_id,))


if __name__ == "__main__":
    migrated_sample(DATA / "jixiao-rev0001.db", DATA / "jixiao-rev0002.db", "0002", _copy_form_1_to_next_year)
