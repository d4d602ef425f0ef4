"""Write ``data/jixiao-rev0007.db``: a database at schema revision 0007 (rule profiles;
what the app left on disk before the review loop of 0008), with the forms of the 0006 sample, a
reviewer's 审核意见 on one of them and an 应报名单 of two units.

``tests/storage/test_storage_review_loop.py`` upgrades a copy with the current code. Run again
only if the sample has to change:

    .venv/bin/python tests/storage/make_rev0007_db.py
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_db import DATA, migrated_sample

_NOW = "2025-12-01 09:00:00.000000"


def _fill(con: sqlite3.Connection) -> None:
    form_id = con.execute("SELECT min(id) FROM forms WHERE deleted_at IS NULL").fetchone()[0]
    con.execute(
        "INSERT INTO review_comments (form_id, field, rule, text, author, form_revision, version, updated_at)"
        " VALUES (?, 'funds.total', '', '资金总额与预算批复不一致，请核实', '张三', 1, 1, ?)", (form_id, _NOW))
    con.executemany("INSERT INTO expected_units (department, note) VALUES (?, '')",
                    [("北京市西城区人民政府金融街街道办事处",), ("牛街街道",)])


if __name__ == "__main__":
    migrated_sample(DATA / "jixiao-rev0006.db", DATA / "jixiao-rev0007.db", "0007", _fill)
