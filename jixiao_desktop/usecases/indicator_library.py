"""The indicator library's actions (``spec/indicator-library.md``), Qt-free: the window, the CLI
and the bureau call these, never the store or the workbook code directly.

``IndicatorLibrary(repo)`` keeps the search index of one unit (its own past and the stored
entries) until the library changes; every write goes through it so the index is rebuilt.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jixiao_desktop.atomic import atomic_write
from jixiao_desktop.domain.indicator_library import (
    LibraryEntry,
    LibraryIndex,
    Match,
    SearchContext,
    bureau_source,
    completed,
    district_entries,
    fill_values,
    item_text,
    own_source,
)
from jixiao_desktop.domain.indicator_library.fill import FILLED_FIELDS
from jixiao_desktop.domain.model import Form
from jixiao_desktop.exporters.library_xlsx import read_library_xlsx, write_library_xlsx
from jixiao_desktop.storage.indicator_library import ImportCounts, LibraryStore
from jixiao_desktop.storage.repository import FormRepository

__all__ = ["ImportCounts", "IndicatorLibrary"]

DISTRICT_DEFAULT = "区级汇总"


class IndicatorLibrary:
    """One database's library, for one unit (``department``: whose past counts as its own)."""

    def __init__(self, repo: FormRepository, department: str = "") -> None:
        self.store = LibraryStore(repo)
        self.department = department.strip()
        self._index: LibraryIndex | None = None
        self._entries: list[LibraryEntry] = []
        self._exclude: int | None = None

    # --- reading ---------------------------------------------------------------------------

    def for_form(self, department: str, form_id: int | None) -> None:
        """Search as the unit of this form; the open form's own items are not its past."""
        department = department.strip()
        if department != self.department or form_id != self._exclude:
            self.department, self._exclude = department, form_id
            self._index = None

    def index(self) -> LibraryIndex:
        if self._index is None:
            self._entries = self.store.library(self.department, exclude_form=self._exclude)
            self._index = LibraryIndex(self._entries)
        return self._index

    def invalidate(self) -> None:
        self._index = None

    def entries(self) -> list[LibraryEntry]:
        """Every entry the clerk can use: the unit's own past first, then the stored ones by id."""
        self.index()
        return list(self._entries)

    def suggest(self, text: str, context: SearchContext | None = None, limit: int = 8) -> list[Match]:
        return self.index().search(text, context, limit)

    def recommend(self, context: SearchContext, exclude: Sequence[str] = (), limit: int = 10) -> list[Match]:
        return self.index().recommend(context, exclude, limit)

    def choose(self, entry: LibraryEntry) -> dict[str, str]:
        """The item fields choosing ``entry`` fills, completed from the other entries of its name."""
        return fill_values(completed(entry, self.index().by_name(entry.level3)))

    def past_values(self, name: str) -> list[str]:
        """"2024年：≥ 95 %" for every past year the unit used ``name``."""
        for entry in self.index().by_name(name):
            if entry.history:
                return [h.text for h in entry.history]
        return []

    def suggestion_text(self, entry: LibraryEntry) -> str:
        """An entry as a line to insert into a layout A cell (no structured items there)."""
        value = " ".join(part for part in (entry.operator, "（请填写）" if entry.nature == "定量" else "", entry.unit)
                         if part)
        return f"{entry.level3}：{value}" if value else entry.level3

    # --- writing ---------------------------------------------------------------------------

    def take_in(self, form: Form, row: int, item: int) -> int:
        """纳入指标库: store a form's item as the unit's own entry; return its id."""
        indicator = form.indicators[row]
        it = indicator.items[item]
        values = {name: item_text(it, name) for name in FILLED_FIELDS}
        entry = LibraryEntry.from_fields({**values, "level1": indicator.level1, "level2": indicator.level2},
                                         source=own_source(form.id or "本表"))
        entry_id = self.store.add(entry)
        self.invalidate()
        return entry_id

    def add(self, entry: LibraryEntry) -> int:
        entry_id = self.store.add(entry)
        self.invalidate()
        return entry_id

    def update(self, entry_id: int, entry: LibraryEntry) -> None:
        self.store.update(entry_id, entry)
        self.invalidate()

    def delete(self, entry: LibraryEntry) -> None:
        self.store.delete(entry)
        self.invalidate()

    def import_file(self, path: str | Path, source_name: str = "") -> ImportCounts:
        """Import a bureau's workbook in one transaction (a bad row: nothing stored)."""
        name = source_name.strip() or Path(path).stem
        entries = read_library_xlsx(path, source=bureau_source(name))
        counts = self.store.import_entries(entries)
        self.invalidate()
        return counts

    def export_file(self, path: str | Path, entries: Sequence[LibraryEntry] | None = None) -> int:
        """Write the library (or ``entries``) to an .xlsx, atomically; return the rows."""
        chosen = list(entries) if entries is not None else self.store.entries()
        rows = 0

        def write(tmp: Path) -> None:
            nonlocal rows
            rows = write_library_xlsx(chosen, tmp)

        atomic_write(path, write)
        return rows

    def bureau_entries(self) -> list[LibraryEntry]:
        """The stored entries a bureau hands out (imported or built from the units' forms)."""
        return [e for e in self.store.entries() if e.kind == "bureau"]

    def import_entries(self, entries: Sequence[LibraryEntry]) -> ImportCounts:
        """Store entries that came with a file (a review file's library), in one transaction."""
        counts = self.store.import_entries(entries) if entries else ImportCounts(0, 0)
        self.invalidate()
        return counts

    def build_district(self, name: str = DISTRICT_DEFAULT) -> ImportCounts:
        """A bureau's district library from every stored form (deduplicated by normalised name,
        with how many units used each), replacing the previous one of that name."""
        source = bureau_source(name or DISTRICT_DEFAULT)
        entries = district_entries(self.store.item_uses(), source)
        counts = self.store.import_entries(entries, replace_source=source)
        self.invalidate()
        return counts
