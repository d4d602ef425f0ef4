"""Write ``data/jixiao-rev0006.db``: a database at schema revision 0006 (the indicator library;
what the app left on disk before the rule profiles of 0007), with the forms of the 0005 sample.

Made from the 0005 sample migrated to 0006 with the 0006 migration itself. One tabular item gets
a 备注 (kept; the new columns start empty), the last item an 指标解释 among its unknown keys (a
file read before 0007: moved into its column) and the first form a ``profile`` in its unknown
keys (copied into ``forms.profile_id``).
``tests/storage/test_storage_profiles.py`` upgrades a copy with the current code. Run again only
if the sample has to change:

    .venv/bin/python tests/storage/make_rev0006_db.py
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_db import DATA, migrated_sample


def _fill(con: sqlite3.Connection) -> None:
    con.execute("UPDATE indicator_items SET note = '指标解释：按年度统计' "
                "WHERE id = (SELECT min(id) FROM indicator_items)")
    con.execute("""UPDATE indicator_items SET extra_json = '{"explanation": "旧文件里的指标解释", "来源": "手填"}' """
                "WHERE id = (SELECT max(id) FROM indicator_items)")
    con.execute("""UPDATE forms SET extra_json = '{"profile": {"id": "sc", "sha256": "ab12"}}' """
                "WHERE id = (SELECT min(id) FROM forms)")


if __name__ == "__main__":
    migrated_sample(DATA / "jixiao-rev0005.db", DATA / "jixiao-rev0006.db", "0006", _fill)
