"""``.doc`` and ``.wps`` through LibreOffice: ``soffice --headless --convert-to docx``.

The conversion runs in a temporary folder of its own, with its own LibreOffice profile
(``-env:UserInstallation``: a LibreOffice window the clerk has open is neither used nor
disturbed), on a copy of the file (the original is never locked or touched), under a time-out
after which the whole process group is killed. No Qt here.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jixiao_desktop.errors import KnownError

MAX_CONVERT_BYTES = 20 * 1024 * 1024  # a form saved as .doc/.wps is well under 1 MB
TIMEOUT_S = 90.0  # the first start of LibreOffice on a slow office PC builds its profile

NOT_INSTALLED = ("这台电脑没有安装 LibreOffice，无法直接读取 .doc/.wps 文件；请在 Word 或 WPS 中打开它，"
                 "“另存为”Word 文档（.docx）后再导入")


class ConversionError(KnownError):
    """The file could not be converted; ``str()`` is one Chinese sentence."""


def _candidates() -> list[Path]:
    found: list[Path] = []
    override = os.environ.get("JIXIAO_SOFFICE")
    if override:
        found.append(Path(override))
    for name in ("soffice", "libreoffice", "soffice.exe"):
        hit = shutil.which(name)
        if hit:
            found.append(Path(hit))
    if sys.platform == "win32":
        for var in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "LOCALAPPDATA"):
            base = os.environ.get(var)
            if not base:
                continue
            for folder in ("LibreOffice", "LibreOffice 7", "LibreOffice 24", "LibreOffice 25",
                           "Programs/LibreOffice"):
                found.append(Path(base) / folder / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        found.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    else:
        found.extend(Path(p) for p in ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
                                       "/opt/libreoffice/program/soffice", "/snap/bin/libreoffice"))
    return found


def find_soffice() -> Path | None:
    """LibreOffice's ``soffice`` on this machine, or None (``JIXIAO_SOFFICE`` overrides)."""
    for path in _candidates():
        try:
            if path.is_file() and os.access(path, os.X_OK):
                return path
        except OSError:
            continue
    return None


def _kill(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True, check=False)
        else:
            os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        proc.kill()
    proc.wait()


@contextmanager
def converted_to_docx(path: Path, *, timeout: float = TIMEOUT_S,
                      soffice: Path | None = None) -> Iterator[Path]:
    """A ``.docx`` made by LibreOffice from ``path`` (deleted with its folder afterwards).

    Raises ``ConversionError`` (Chinese): LibreOffice absent, timed out, or failed.
    """
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # the copy below says what is wrong
    if size > MAX_CONVERT_BYTES:  # a 60 MB .doc used to burn the whole time-out in LibreOffice
        raise ConversionError(f"文件过大（{size // (1024 * 1024)} MB，上限 {MAX_CONVERT_BYTES // (1024 * 1024)} MB），"
                              "不像是一张申报表；请在 Word 中删去图片等内容后另存为 .docx 再导入")
    program = soffice or find_soffice()
    if program is None:
        raise ConversionError(NOT_INSTALLED)
    with tempfile.TemporaryDirectory(prefix="jixiao-convert-") as tmp:
        folder = Path(tmp)
        source = folder / ("form" + (path.suffix.lower() or ".doc"))
        shutil.copyfile(path, source)
        out_dir = folder / "out"
        out_dir.mkdir()
        profile = (folder / "profile").as_uri()
        cmd = [str(program), f"-env:UserInstallation={profile}", "--headless", "--invisible", "--norestore",
               "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML",
               "--outdir", str(out_dir), str(source)]
        kwargs: dict[str, object] = {}
        if sys.platform == "win32":
            kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0) | getattr(
                subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
        else:
            kwargs["start_new_session"] = True
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, cwd=folder, **kwargs)  # type: ignore[call-overload]
        except OSError as exc:
            raise ConversionError(f"无法启动 LibreOffice（{program}）：{exc.strerror or exc}") from exc
        try:
            _out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            proc.communicate()  # collects what is left and closes the pipes
            raise ConversionError(f"LibreOffice 在 {timeout:.0f} 秒内没有转换完这个文件，已停止；"
                                  "请在 Word 或 WPS 中把它另存为 .docx 后再导入") from None
        result = out_dir / "form.docx"
        if proc.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
            hint = f"（{detail[0][:120]}）" if detail else ""
            raise ConversionError(f"LibreOffice 未能把这个文件转换为 .docx{hint}；它可能已损坏、设置了密码，"
                                  "或不是 Word/WPS 文档")
        yield result
