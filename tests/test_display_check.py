"""A Linux desktop without Qt's xcb libraries: the app says in Chinese what to install."""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao_desktop import display_check

ROOT = Path(__file__).resolve().parent.parent


def test_names_the_missing_packages_and_the_one_command() -> None:
    gone = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    msg = display_check.problem({"DISPLAY": ":0"}, "linux", loadable=lambda s: s not in gone)
    assert msg is not None
    assert "libxcb-icccm4、libxcb-keysyms1" in msg
    assert "sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1" in msg
    assert "缺少" in msg


def test_silent_when_everything_is_there_or_no_x11() -> None:
    assert display_check.problem({"DISPLAY": ":0"}, "linux", loadable=lambda s: True) is None
    nothing = lambda s: False  # noqa: E731
    assert display_check.problem({"DISPLAY": ":0"}, "win32", loadable=nothing) is None
    assert display_check.problem({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux",
                                 loadable=nothing) is None
    assert display_check.problem({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland",
                                  "DISPLAY": ":0"}, "linux", loadable=nothing) is None
    assert display_check.problem({"QT_QPA_PLATFORM": "xcb"}, "linux", loadable=nothing) is not None


def _library_file(soname: str) -> Path | None:
    for d in ("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib"):
        p = Path(d) / soname
        if p.exists():
            return p.resolve()
    return None


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux") or os.geteuid() != 0
                    or shutil.which("unshare") is None, reason="needs root and unshare (Linux)")
def test_real_start_with_a_library_hidden_says_what_to_install(tmp_path: Path) -> None:
    """The real program, with libxcb-icccm.so.4 hidden in a private mount namespace (as on a
    fresh Debian without it): a Chinese message naming the package and the command, exit 1,
    and not Qt's English abort."""
    lib = _library_file("libxcb-icccm.so.4")
    if lib is None or ctypes.util.find_library("xcb-icccm") is None:
        pytest.skip("libxcb-icccm4 is not installed here, so there is nothing to hide")
    script = (f"mount --bind /dev/null {lib} && exec {sys.executable} -m jixiao_desktop")
    env = {**os.environ, "DISPLAY": ":99", "JIXIAO_CONFIG_DIR": str(tmp_path / "cfg"),
           "JIXIAO_DB": str(tmp_path / "t.db"), "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    proc = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    if "mount" in proc.stderr and "libxcb" not in proc.stderr:
        pytest.skip(f"cannot make a private mount namespace here: {proc.stderr.strip()}")
    assert proc.returncode == 1, proc.stderr
    assert "libxcb-icccm4" in proc.stderr
    assert "sudo apt-get install -y" in proc.stderr
    assert "could not load the Qt platform plugin" not in proc.stderr
    assert not (tmp_path / "t.db").exists()
