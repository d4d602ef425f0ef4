"""Before Qt starts on a Linux desktop: are the X11 (xcb) libraries Qt's window needs there?

A fresh Debian, 统信UOS or 麒麟 with a display often lacks some of them, and Qt then aborts
with its English "could not load the Qt platform plugin xcb". This module names the missing
Debian packages and the one command that installs them, in Chinese, before Qt is touched.
Qt-free and cheap: it only tries to load each library by its soname.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# The sonames Qt's xcb platform plugin (libqxcb.so, libQt6XcbQpa.so.6) links against, and the
# Debian package that ships each (the same names on 统信UOS and 麒麟). Read from the plugin's
# NEEDED entries for PySide6 6.11.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
}


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt would start on X11 (xcb) here: Linux, no other platform chosen, not Wayland."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return False
    return bool(environ.get("DISPLAY"))


def missing_packages(loadable: Callable[[str], bool] = _loadable) -> list[str]:
    """The Debian packages whose libraries cannot be loaded, in a stable order."""
    return sorted({pkg for soname, pkg in XCB_LIBRARIES.items() if not loadable(soname)})


def install_command(packages: list[str]) -> str:
    return "sudo apt-get install -y " + " ".join(packages)


def problem(environ: Mapping[str, str] | None = None, platform: str | None = None,
            loadable: Callable[[str], bool] = _loadable) -> str | None:
    """The Chinese message for a Linux display that lacks Qt's xcb libraries, or None."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux") or not uses_xcb(env):
        return None
    missing = missing_packages(loadable)
    if not missing:
        return None
    return ("无法打开窗口：这台电脑缺少显示窗口所需的系统库（Qt 的 X11/xcb 支持）。\n"
            f"缺少的软件包：{'、'.join(missing)}\n"
            "请在终端中运行下面这一条命令安装（需要管理员密码），然后重新打开本程序：\n"
            f"    {install_command(missing)}\n"
            "（统信UOS、麒麟等基于 Debian 的系统都使用这条命令。）")
