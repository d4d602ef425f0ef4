"""How the window tells known failures from bugs (see ``jixiao_desktop.errors``).

Slots catch ``KNOWN`` only and show the Chinese sentence with ``show_known``. A bug is not
caught in a slot: it reaches the application's exception hook (``app.install_excepthook``),
which logs it with its traceback and shows 程序出错 with the log's path. Where a bug must not
propagate (saving on close: the window must stay open so nothing is lost) the code calls
``show_unexpected`` or ``describe`` itself.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jixiao_desktop.errors import KNOWN, known_message, log_unexpected, unexpected_text
from jixiao_desktop.ui import msgbox

UNEXPECTED_TITLE = "程序出错"

__all__ = ["KNOWN", "UNEXPECTED_TITLE", "describe", "show_known", "show_unexpected"]


def describe(exc: BaseException) -> str:
    """The Chinese sentence for ``exc``: its own for a known error; for a bug, logged first."""
    message = known_message(exc)
    if message is not None:
        return message
    return unexpected_text(log_unexpected(exc))


def show_known(parent: QWidget | None, title: str, exc: BaseException, detail: str = "") -> None:
    """Show a known failure plainly (a bug passed here is logged and shown as 程序出错)."""
    message = known_message(exc)
    if message is None:
        show_unexpected(parent, exc)
        return
    msgbox.error(parent, title, message, detail)


def show_unexpected(parent: QWidget | None, exc: BaseException) -> None:
    """Log a bug with its traceback and tell the clerk where the log is."""
    log = log_unexpected(exc)
    msgbox.error(parent, UNEXPECTED_TITLE, "刚才的操作没有完成：程序遇到了意外错误。",
                 f"已填写的内容仍在窗口中，会照常自动保存。错误详情已记录在：{log}")
