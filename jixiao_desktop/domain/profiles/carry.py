"""A bureau's own rule profile carried in its review file (``docs/review-file.md``, key
``profile``): the profile the reviewed form is checked with goes back to the unit with the
审核意见, so that the unit's window knows it (its columns, its rules) without a second file.

``{"profile": {"id": "sc-cd", "sha256": "…", "name": "成都市…", "text": "<the profile file>"}}``.
Built-in profiles are not carried (every program has them). The text is read like a file the
clerk imports: a bad one is refused with a Chinese message naming the review file and the field.
"""

from __future__ import annotations

import json
from typing import Any

from jixiao_desktop.domain.profiles.model import Profile
from jixiao_desktop.domain.profiles.parse import ProfileError, parse_profile
from jixiao_desktop.domain.profiles.registry import is_builtin

REVIEW_KEY = "profile"


def with_profile(review_text: str, profile: Profile | None) -> str:
    """The review file's JSON text with ``profile`` added (unchanged for none or a built-in)."""
    if profile is None or is_builtin(profile.id) or not profile.text:
        return review_text
    doc = json.loads(review_text)
    doc[REVIEW_KEY] = {"id": profile.id, "sha256": profile.sha256, "name": profile.name, "text": profile.text}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def profile_in_review(data: str | bytes, file_name: str) -> Profile | None:
    """The profile a review file carries (``None`` when it carries none).

    Raises ``ProfileError`` naming ``file_name`` and the field when the carried text is not a
    valid profile.
    """
    try:
        doc = json.loads(data)
    except ValueError:
        return None
    raw: Any = doc.get(REVIEW_KEY) if isinstance(doc, dict) else None
    if raw is None:
        return None
    text = raw.get("text") if isinstance(raw, dict) else None
    if not isinstance(text, str) or not text.strip():
        raise ProfileError(f"审核意见文件“{file_name}”：字段 profile.text 缺失或不是文本，随附的规则方案未导入")
    return parse_profile(text, f"{file_name}（随附的规则方案）")
