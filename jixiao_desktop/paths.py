"""The one place that decides where the database and settings live.

Per-user folders come from platformdirs (``%LOCALAPPDATA%\\jixiao-desktop`` on Windows,
``~/.local/share/jixiao-desktop`` on Linux). ``JIXIAO_DB`` and ``JIXIAO_CONFIG_DIR`` override
them (tests and administrators use these); ``--db`` on the command line overrides both.
"""

from __future__ import annotations

import os
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


def config_dir() -> Path:
    """Where the window keeps its settings (geometry, last form, thresholds)."""
    env = os.environ.get("JIXIAO_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    return Path(user_config_dir(APP_ID, appauthor=False))
