"""Unit names as people write them: "北京市西城区人民政府牛街街道办事处", "西城区牛街街道", "牛街".

A bureau's 应报名单 lists units by a short name or a code; the forms carry the full printed name.
``unit_key`` reduces a name to its core (no place prefix, no 人民政府, no 办事处/街道 ending, no
spaces or brackets), so that all three above are the same unit; ``same_unit`` compares two names
that way. Pure Python.
"""

from __future__ import annotations

import re
import unicodedata

# Place prefixes, taken off the front repeatedly: 北京市, 西城区, 某某县, 某某省, 人民政府.
_PREFIX = re.compile(r"^(?:中国|中华人民共和国|.{1,8}?(?:省|自治区|市|地区|盟|自治州|区|县|旗)(?=.{2,})|人民政府)")
# Endings that do not tell two units apart: 牛街街道办事处 = 牛街街道 = 牛街.
_SUFFIXES = ("街道办事处", "办事处", "街道", "地区")
_NOISE = re.compile(r"[\s()（）【】\[\]“”\"'《》·,，、.。:：;；]")
# Prefixes that look like a place but are part of the name: 区财政局 is not "财政局".
_KEEP = ("区委", "区政", "市委", "市政", "县委", "县政")


def _clean(name: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", name or ""))


def unit_key(name: str) -> str:
    """The core of a unit name (see the module docstring); "" for an empty name."""
    text = _clean(name)
    for _ in range(6):
        m = _PREFIX.match(text)
        if m is None or not m.group(0) or text.startswith(_KEEP) or m.group(0).endswith("城市"):
            break
        text = text[m.end():]
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    return text


def same_unit(a: str, b: str) -> bool:
    """Whether two names are the same unit: equal once cleaned, or the same core."""
    ca, cb = _clean(a), _clean(b)
    if not ca or not cb:
        return False
    return ca == cb or unit_key(a) == unit_key(b)
