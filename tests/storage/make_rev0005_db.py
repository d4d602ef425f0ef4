"""Write ``data/jixiao-rev0005.db``: a database at schema revision 0005 (amount keys and the list
index; what the app left on disk before the indicator library of 0006), with the forms of the
0004 sample and one tabular form whose 三级 items the library reads as the unit's past.

``tests/storage/test_indicator_library_store.py`` upgrades a copy with the current code. Run
again only if the sample has to change:

    .venv/bin/python tests/storage/make_rev0005_db.py
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_db import DATA, migrated_sample

_NOW = "2025-11-20 08:00:00.000000"


def _fill(con: sqlite3.Connection) -> None:
    cur = con.execute(
        "INSERT INTO forms (uuid, revision, copied_from_uuid, template, year, department, goals, other_notes,"
        " funds_unit, funds_total, funds_basic, funds_project, funds_has_sources, funds_extra_json, status,"
        " fingerprint, funds_need_review, copied_from_id, created_at, updated_at, deleted_at, extra_json,"
        " document_extra_json) VALUES ('5a0c2f1e-0000-4000-8000-000000002025', 3, '', 'tabular', 2025,"
        " '北京市西城区人民政府示例街道办事处', '年度目标', '', '万元', '100.00', '60.00', '40.00', 0, '{}',"
        " 'draft', NULL, 0, NULL, ?, ?, NULL, '{}', '{}')", (_NOW, _NOW))
    form_id = cur.lastrowid
    row = con.execute(
        "INSERT INTO indicator_rows (form_id, position, name, content, level1, level2, extra_json,"
        " previous_content) VALUES (?, 0, '', '', '满意度指标', '服务对象满意度指标', '{}', '')", (form_id,))
    con.execute(
        "INSERT INTO indicator_items (row_id, position, level3, nature, operator, value, unit, weight,"
        " direction, note, extra_json, previous_value) VALUES (?, 0, '辖区居民满意度', '定量', '≥', '92', '%',"
        " '10', '正向', '', '{}', '')", (row.lastrowid,))


if __name__ == "__main__":
    migrated_sample(DATA / "jixiao-rev0004.db", DATA / "jixiao-rev0005.db", "0005", _fill)
