"""What the sample-database generators (``make_rev000N_db.py``) share: a copy of the previous
sample migrated to a given revision with that revision's own migration, then compacted into one
file (no WAL beside it) and put in place atomically."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = Path(__file__).resolve().parent / "data"


def migrated_sample(source: Path, target: Path, revision: str,
                    fill: Callable[[sqlite3.Connection], None] | None = None) -> None:
    """Write ``target``: ``source`` upgraded to ``revision``; ``fill`` adds rows with plain SQL."""
    from jixiao_desktop.storage.db import create_engine_for, upgrade_to

    tmp = target.with_suffix(".tmp")
    shutil.copyfile(source, tmp)
    engine = create_engine_for(tmp)
    upgrade_to(engine, revision)
    engine.dispose()
    con = sqlite3.connect(tmp)
    if fill is not None:
        with con:
            fill(con)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("VACUUM")
    con.close()
    tmp.replace(target)
    print(f"wrote {target}")
