"""Known errors versus bugs, for every caller (window, CLI, collect).

A ``KnownError`` is a failure the clerk can act on — a damaged file, a locked form, a full
disk: ``str(exc)`` is one Chinese sentence and is shown as it is. Everything else is a bug:
it is written with its traceback to ``error.log`` in the config folder and the clerk is told
that the program went wrong and where the details are.

This module is pure Python (no Qt, no SQL), so the core, storage and exporters may raise
``KnownError`` subclasses.
"""

from __future__ import annotations

import contextlib
import time
import traceback
from pathlib import Path

ERROR_LOG = "error.log"


class KnownError(Exception):
    """An expected failure; ``str(exc)`` is one Chinese sentence naming what is wrong."""


# What callers catch as known: ours, and the operating system's (said by ``describe_os_error``).
KNOWN: tuple[type[BaseException], ...] = (KnownError, OSError)


def known_message(exc: BaseException) -> str | None:
    """The Chinese sentence for a known failure, None for a bug.

    ``OSError`` counts as known: a full disk, a read-only folder or a missing file is said in
    Chinese by ``describe_os_error``.
    """
    if isinstance(exc, KnownError):
        return str(exc).strip() or "操作没有完成"
    if isinstance(exc, OSError):
        from jixiao_desktop.atomic import describe_os_error

        return describe_os_error(exc)
    return None


def error_log_path() -> Path:
    from jixiao_desktop import paths

    return paths.config_dir() / ERROR_LOG


def log_unexpected(exc: BaseException) -> Path:
    """Append ``exc`` with its traceback to ``error.log``; the log's path (also when unwritable)."""
    log = error_log_path()
    with contextlib.suppress(OSError):
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as fh:
            fh.write(time.strftime("%Y-%m-%d %H:%M:%S\n"))
            fh.writelines(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return log


def unexpected_text(log: Path) -> str:
    """What the clerk is told after a bug (the title is 程序出错)."""
    return f"程序遇到了意外错误，刚才的操作没有完成。错误详情已记录在：{log}"
