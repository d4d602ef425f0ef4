"""A bureau's library carried in its review file (``docs/review-file.md``, key ``library``):
the bureau's entries go back to the unit with the 审核意见, and the unit's import stores them.

``{"library": {"entries": [{"level1": …, "level3": …, "source": "bureau:西城区财政局",
"source_document": …}, …]}}`` — the fields of ``spec/indicator-library.md``; unknown keys and
entries without a 三级 name are skipped (a review file is never refused for its library).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from jixiao_desktop.domain.indicator_library.entry import ENTRY_FIELDS, LibraryEntry, source_kind
from jixiao_desktop.domain.indicator_library.names import normalise_name

REVIEW_KEY = "library"
MAX_ENTRIES = 20_000


def with_library(review_text: str, entries: Sequence[LibraryEntry]) -> str:
    """The review file's JSON text with the entries added (unchanged when there are none)."""
    if not entries:
        return review_text
    doc = json.loads(review_text)
    doc[REVIEW_KEY] = {"entries": [
        {**{name: getattr(e, name) for name in ENTRY_FIELDS}, "source": e.source, "source_document": e.source_document}
        for e in entries]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def library_in_review(data: str | bytes, default_source: str) -> list[LibraryEntry]:
    """The bureau entries a review file carries (none: ``[]``)."""
    try:
        doc = json.loads(data)
    except ValueError:
        return []
    raw: Any = doc.get(REVIEW_KEY) if isinstance(doc, dict) else None
    items = raw.get("entries") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        return []
    entries = []
    for item in items[:MAX_ENTRIES]:
        if not isinstance(item, dict):
            continue
        values = {name: str(item.get(name) or "")[:2000] for name in ENTRY_FIELDS}
        if not normalise_name(values["level3"]):
            continue
        source = str(item.get("source") or default_source)
        if source_kind(source) != "bureau":  # a review file hands out the bureau's entries only
            source = default_source
        entries.append(LibraryEntry.from_fields(values, source=source,
                                                source_document=str(item.get("source_document") or "")[:2000]))
    return entries
