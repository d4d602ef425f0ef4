"""An entry of the indicator library (``spec/indicator-library.md``) and where it comes from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from jixiao_desktop.domain.indicator_library.names import normalise_name

SOURCE_COMMON = "common"
BUREAU_PREFIX = "bureau:"
OWN_PREFIX = "own:"

# The entry's fields a clerk edits, in the order of the spec (and of the xlsx columns).
ENTRY_FIELDS: tuple[str, ...] = (
    "level1", "level2", "level3", "nature", "operator", "unit", "direction",
    "explanation", "scoring", "sector", "keywords",
)
FIELD_LABELS: dict[str, str] = {
    "level1": "一级指标", "level2": "二级指标", "level3": "三级指标", "nature": "指标性质",
    "operator": "运算符", "unit": "计量单位", "direction": "指标方向", "explanation": "指标解释",
    "scoring": "评(扣)分标准", "sector": "行业", "keywords": "关键词",
    "source": "来源", "source_document": "来源文件",
}


def bureau_source(name: str) -> str:
    return f"{BUREAU_PREFIX}{name.strip()}"


def own_source(form_id: str) -> str:
    return f"{OWN_PREFIX}{form_id}"


def source_kind(source: str) -> str:
    """``common``, ``bureau`` or ``own``."""
    if source.startswith(BUREAU_PREFIX):
        return "bureau"
    if source.startswith(OWN_PREFIX):
        return "own"
    return "common"


def source_label(source: str) -> str:
    """Where the entry came from, as the clerk reads it."""
    kind = source_kind(source)
    if kind == "bureau":
        return f"财政局下发：{source[len(BUREAU_PREFIX):] or '未署名'}"
    if kind == "own":
        return "本单位往年申报表"
    return "共性指标（随软件提供）"


def short_source_label(source: str) -> str:
    """The source in a few characters (lists, hints)."""
    kind = source_kind(source)
    if kind == "bureau":
        return source[len(BUREAU_PREFIX):] or "财政局"
    return "本单位往年" if kind == "own" else "共性指标"


@dataclass(frozen=True)
class PastValue:
    """What the unit's form of one year said for the indicator."""

    year: int | None
    operator: str
    value: str
    unit: str
    form_id: str = ""
    department: str = ""

    @property
    def text(self) -> str:
        """"2024年：≥ 95 %" — the value as a clerk reads it."""
        year = f"{self.year}年" if self.year else "年度不详"
        value = " ".join(part for part in (self.operator, self.value, self.unit) if part)
        return f"{year}：{value or '（未填）'}"


@dataclass
class LibraryEntry:
    """One indicator of the library. ``id`` is the stored row's id (``None``: not stored, e.g.
    an entry derived from the unit's past forms or read from a workbook)."""

    level3: str
    level1: str = ""
    level2: str = ""
    nature: str = ""
    operator: str = ""
    unit: str = ""
    direction: str = ""
    explanation: str = ""
    scoring: str = ""
    sector: str = ""
    keywords: str = ""
    source: str = SOURCE_COMMON
    source_document: str = ""
    # Columns of an imported workbook this app does not know: header → text, written back.
    extra: dict[str, Any] = field(default_factory=dict)
    history: list[PastValue] = field(default_factory=list)
    id: int | None = None
    # How many forms used it (the bureau's district library; own entries: the years).
    uses: int = 0

    @classmethod
    def from_fields(cls, values: Mapping[str, str], *, source: str = SOURCE_COMMON, source_document: str = "",
                    extra: dict[str, Any] | None = None, id: int | None = None, uses: int = 0) -> LibraryEntry:
        """An entry from its ``ENTRY_FIELDS`` by name (missing ones empty)."""
        entry = cls(level3=values.get("level3", ""), source=source, source_document=source_document,
                    extra=dict(extra or {}), id=id, uses=uses)
        for name in ENTRY_FIELDS:
            setattr(entry, name, values.get(name, "") or "")
        return entry

    @property
    def key(self) -> str:
        return normalise_name(self.level3)

    @property
    def kind(self) -> str:
        return source_kind(self.source)

    def with_changes(self, **changes: Any) -> LibraryEntry:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: getattr(self, name) for name in ENTRY_FIELDS}
        data["source"] = self.source
        data["source_document"] = self.source_document
        if self.extra:
            data["extra"] = dict(self.extra)
        if self.history:
            data["history"] = [
                {"year": h.year, "operator": h.operator, "value": h.value, "unit": h.unit,
                 "form_id": h.form_id} for h in self.history]
        if self.uses:
            data["uses"] = self.uses
        return data
