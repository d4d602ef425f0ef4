"""Where the window sits: fitted to the screen at first start, remembered per screen.

Office laptops have 1366×768 or 1024×768 screens, less the task bar: the preferred 1280×800
would run off them. So the first start takes the preferred size clipped to the available
area (and centres it); later starts restore what the clerk left, one geometry per screen size
(a laptop alone and docked at a monitor each keep their own), and only if it still fits.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow, QWidget

from jixiao_desktop.ui.settings import Settings

PREFERRED = QSize(1280, 800)
MARGIN = 16  # left and right: the frame and a little air
TITLE = 32  # above the client area: the window manager's title bar (setGeometry places the client area)


def screen_key(screen: QScreen | None) -> str:
    if screen is None:
        return ""
    size = screen.size()
    return f"{size.width()}x{size.height()}"


def fitted(available: QRect, preferred: QSize = PREFERRED) -> QRect:
    """The client area: the preferred size clipped to ``available`` (less frame and title bar), centred."""
    width = min(preferred.width(), max(available.width() - MARGIN, 1))
    height = min(preferred.height(), max(available.height() - TITLE - MARGIN, 1))
    x = available.left() + (available.width() - width) // 2
    y = available.top() + TITLE + max(0, (available.height() - TITLE - MARGIN - height) // 2)
    return QRect(x, y, width, height)


def fitted_to_screen(widget: QWidget, preferred: QSize = PREFERRED) -> QRect:
    """Where a window or dialog of ``preferred`` size fits on the widget's screen (its
    parent's, when it has not been shown yet)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
    return fitted(available, preferred)


def _screen(window: QMainWindow) -> QScreen | None:
    return window.screen() or QGuiApplication.primaryScreen()


def restore(window: QMainWindow, settings: Settings) -> None:
    screen = _screen(window)
    available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
    data = settings.window_geometry(screen_key(screen))
    if data is not None and window.restoreGeometry(data):
        frame = window.frameGeometry()
        if frame.width() <= available.width() and frame.height() <= available.height() \
                and available.intersects(frame):
            return
    window.setGeometry(fitted(available))


def save(window: QMainWindow, settings: Settings) -> None:
    settings.set_window_geometry(window.saveGeometry(), screen_key(_screen(window)))
