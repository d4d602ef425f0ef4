"""Write ``data/jixiao-rev0003.db``: a database at schema revision 0003 (identity; what the app
left on disk before the bureau's tables of 0004), with the forms of the 0002 sample.

Made from the 0002 sample migrated to 0003 with the 0003 migration itself.
``tests/bureau/test_bureau_migration.py`` upgrades a copy with the current code and checks
that the summary (check counts computed on first use) and collect work on it. Run again
only if the sample has to change:

    .venv/bin/python tests/storage/make_rev0003_db.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_db import DATA, migrated_sample

if __name__ == "__main__":
    migrated_sample(DATA / "jixiao-rev0002.db", DATA / "jixiao-rev0003.db", "0003")
