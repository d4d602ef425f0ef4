"""The indicator library (指标库, ``spec/indicator-library.md``): entries and where they come
from, the unit's own past values, search over Chinese names, and what choosing an entry fills.

Pure Python: storage keeps the entries (``storage/indicator_library.py``), the window and the
CLI use them through ``jixiao_desktop/indicator_library_service.py``.
"""

from jixiao_desktop.domain.indicator_library.entry import (
    ENTRY_FIELDS,
    FIELD_LABELS,
    SOURCE_COMMON,
    LibraryEntry,
    PastValue,
    bureau_source,
    own_source,
    source_kind,
    source_label,
)
from jixiao_desktop.domain.indicator_library.fill import (
    FILLED_FIELDS,
    Contradiction,
    completed,
    contradictions,
    fill_values,
)
from jixiao_desktop.domain.indicator_library.history import (
    ItemUse,
    district_entries,
    item_text,
    own_entries,
    set_item_text,
    uses_in_form,
)
from jixiao_desktop.domain.indicator_library.names import canonical_level, normalise_name, same_level
from jixiao_desktop.domain.indicator_library.search import LibraryIndex, Match, SearchContext

__all__ = [
    "ENTRY_FIELDS",
    "FIELD_LABELS",
    "FILLED_FIELDS",
    "SOURCE_COMMON",
    "Contradiction",
    "ItemUse",
    "LibraryEntry",
    "LibraryIndex",
    "Match",
    "PastValue",
    "SearchContext",
    "bureau_source",
    "canonical_level",
    "completed",
    "contradictions",
    "district_entries",
    "fill_values",
    "item_text",
    "normalise_name",
    "own_entries",
    "own_source",
    "same_level",
    "set_item_text",
    "source_kind",
    "source_label",
    "uses_in_form",
]
