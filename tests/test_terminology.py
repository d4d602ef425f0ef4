"""One word for one thing across the app (issue 19, item 13): the 定稿指纹 printed on a 定稿 form
is never also called 校验码, and 取消定稿 is never also 撤销定稿 — in the window, the messages,
the history and the bureau's side."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("word, instead", [("校验码", "定稿指纹"), ("撤销定稿", "取消定稿")])
def test_one_word_each(word: str, instead: str) -> None:
    files = [*ROOT.joinpath("jixiao_desktop").rglob("*.py"), *ROOT.joinpath("ui").glob("*.ui"),
             ROOT / "README.md", ROOT / "docs" / "review-file.md"]
    found = [str(f.relative_to(ROOT)) for f in files if word in f.read_text(encoding="utf-8")]
    assert found == [], f"“{word}” should be “{instead}”"
