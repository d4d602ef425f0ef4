"""What the CLI's output streams are set to before any command prints (cli._utf8_stdio)."""

from __future__ import annotations

import io
import sys

import pytest

from jixiao_desktop import cli


def _stream(encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict")


@pytest.mark.parametrize(("windows", "start", "want"), [
    (False, "ascii", "utf-8"),   # a C locale: Chinese output would crash
    (False, "utf-8", "utf-8"),
    (True, "gbk", "gbk"),        # Windows, redirected: cmd.exe/PowerShell read the ANSI code page
    (True, "utf-8", "utf-8"),    # Windows console (PEP 528)
])
def test_output_streams_keep_what_the_reader_expects(monkeypatch: pytest.MonkeyPatch, windows: bool,
                                                     start: str, want: str) -> None:
    out, err = _stream(start), _stream(start)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    cli._utf8_stdio(windows=windows)
    for stream in (out, err):
        assert stream.encoding.replace("_", "-").lower() == want
        if start != "utf-8":  # a UTF-8 stream encodes everything and is left as it is
            assert stream.errors == "replace"
        stream.write("草稿 𠮷\n")  # never raises: a character the code page lacks becomes “?”
        stream.flush()
    raw = out.buffer.getvalue()  # type: ignore[attr-defined]
    assert raw.decode(want).startswith("草稿")
