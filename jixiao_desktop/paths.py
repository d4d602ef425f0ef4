"""The one place that decides where the database and settings live.

Per-user folders come from platformdirs (``%LOCALAPPDATA%\\jixiao-desktop`` on Windows,
``~/.local/share/jixiao-desktop`` on Linux). ``JIXIAO_DB`` and ``JIXIAO_CONFIG_DIR`` override
them (tests and administrators use these); ``--db`` on the command line overrides both.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

from jixiao_desktop import APP_ID

DB_FILE = "jixiao.db"


def data_dir() -> Path:
    return Path(user_data_dir(APP_ID, appauthor=False))


def default_db_path() -> Path:
    """The database to use when none is given: ``JIXIAO_DB``, else the per-user data folder."""
    env = os.environ.get("JIXIAO_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILE


def is_database_url(value: str | Path) -> bool:
    """``postgresql+psycopg://user@host/db`` rather than a file path (Windows paths have no ``://``)."""
    return isinstance(value, str) and "://" in value


def database(value: str | None = None) -> str | Path:
    """What ``--db`` (or ``JIXIAO_DB``) names: a server URL kept as text (a ``Path`` would fold
    its ``//``), else a SQLite file path; the per-user default when neither is given."""
    value = value or os.environ.get("JIXIAO_DB")
    if value and is_database_url(value):
        return value
    return Path(value).expanduser() if value else default_db_path()


def shown_database(value: str | Path) -> str:
    """The database as messages name it: a URL's password replaced by ``***``."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", str(value))


def config_dir() -> Path:
    """Where the window keeps its settings (geometry, last form, thresholds)."""
    env = os.environ.get("JIXIAO_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    return Path(user_config_dir(APP_ID, appauthor=False))
