"""Normalised indicator names and levels: what counts as "the same indicator".

Clerks name one indicator three ways ("服务对象满意度", "服务对象满意度（%）", "服务对象 满意度");
the library compares and deduplicates by ``normalise_name``. Levels (一级/二级) are compared by
``canonical_level``: the Beijing 2021 wording (产出进度指标, 效果指标, 环境效益) means the same as
the national one (时效指标, 效益指标, 生态效益).
"""

from __future__ import annotations

import re
import unicodedata

from jixiao_desktop.domain.model import canonical_term

# A trailing bracket holding a unit or a note: "满意度（%）", "培训人次(人次)".
_TRAILING_BRACKET = re.compile(r"[（(][^（）()]{0,12}[)）]$")


def normalise_name(text: str) -> str:
    """The comparison key of a 三级 name: NFKC, lower case, no spaces, punctuation or trailing
    bracketed unit. Empty for a name with no letters or digits."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    while True:
        stripped = _TRAILING_BRACKET.sub("", text).strip()
        if stripped == text or not stripped:
            break
        text = stripped
    return "".join(ch for ch in text.lower() if ch.isalnum() or ch == "%")


def canonical_level(text: str) -> str:
    """The comparison key of a 一级/二级 name: national wording, no 指标/产出 decoration.

    产出进度指标 → 时效; 效果指标 → 效益; 服务对象满意度指标 → 服务对象满意度.
    """
    key = canonical_term(normalise_name(text))
    key = key.replace("指标", "")
    if key.startswith("产出") and len(key) > 2:
        key = key[2:]
    return key


def same_level(a: str, b: str) -> bool:
    """Whether two 一级 or two 二级 names mean the same (both given)."""
    return bool(a.strip()) and bool(b.strip()) and canonical_level(a) == canonical_level(b)
