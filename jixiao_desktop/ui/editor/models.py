"""Table models of the form editor: thin adapters over the rows of the live ``Form``.

The models hold indices into ``form.indicators`` (and into an indicator's ``items``), never
copies of rows. An edit made in a view goes through ``setData``, which validates and hands the
new text to an ``apply`` callable: the editor's pushes an undo command, whose redo changes the
form and calls ``notify_*`` so that ``dataChanged`` is emitted. Without an editor (tests), the
default ``apply`` changes the form directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from jixiao_desktop.domain import editing
from jixiao_desktop.domain.columns import grid_layout
from jixiao_desktop.domain.fields import set_field_text
from jixiao_desktop.domain.model import (
    DIRECTIONS,
    NATURES,
    OPERATORS,
    Category,
    Form,
)
from jixiao_desktop.ui.editor.marks import AnyIndex, Mark, Role, combined, mark_data

ApplyFn = Callable[[str, str], bool]
PREVIOUS = "previous_value"
# The roles a cell's marks answer (``marks.mark_data``).
MARK_ROLES = (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole, Role.REVIEW)


def _with_previous(tooltip: str | None, previous: str, current: str) -> str | None:
    """A row's tooltip with last year's 指标内容和指标值 under it (when there is one)."""
    if not previous.strip():
        return tooltip
    same = "（与今年相同）" if previous.strip() == current.strip() else ""
    text = f"上年指标内容{same}：\n{editing.elide_content(previous, max_lines=30, max_chars=1500)}"
    return f"{tooltip}\n\n{text}" if tooltip else text


def _direct_apply(form_getter: Callable[[], Form | None]) -> ApplyFn:
    def apply(path: str, value: str) -> bool:
        form = form_getter()
        if form is None:
            return False
        set_field_text(form, path, value)
        return True
    return apply


class _FormTableModel(QAbstractTableModel):
    """Shared plumbing: the form, read-only state, marks and the apply callable."""

    def __init__(self, apply: ApplyFn | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form: Form | None = None
        self._read_only = False
        self._marks: dict[str, Mark] = {}
        self._external_apply = apply is not None
        self._apply: ApplyFn = apply or _direct_apply(lambda: self._form)

    def form(self) -> Form | None:
        return self._form

    def set_form(self, form: Form | None) -> None:
        self.beginResetModel()
        self._form = form
        self._reload()
        self.endResetModel()

    def rebuild(self) -> None:
        """The rows of the form changed shape (rows added, removed, moved, re-classified)."""
        self.beginResetModel()
        self._reload()
        self.endResetModel()

    def _reload(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only

    def set_marks(self, marks: dict[str, Mark]) -> None:
        self._marks = marks
        self._emit_all()

    def _emit_all(self) -> None:
        rows, cols = self.rowCount(), self.columnCount()
        if rows and cols:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, cols - 1))

    def _emit_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _commit(self, path: str, value: str) -> bool:
        if not self._apply(path, value):
            return False
        if not self._external_apply:
            self.notify_path(path)
        return True

    def notify_path(self, path: str) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    # Qt interface shared by the three tables: flat rows, a header per column, numbered rows.

    def _row_count(self) -> int:  # pragma: no cover - overridden
        raise NotImplementedError

    def _headers(self) -> tuple[str, ...]:  # pragma: no cover - overridden
        raise NotImplementedError

    def _editable(self, index: AnyIndex) -> bool:
        return not self._read_only

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags


# --- 指标名称 | 指标内容和指标值 -----------------------------------------------------------------


class IndicatorRowsModel(_FormTableModel):
    """The rows of one category of a two-column (bj-2021) form.

    Columns: 指标名称 (editable unless the layout fixes the names) | 指标内容和指标值 (first lines;
    the content is edited in the text box under the table).
    """

    NAME = 0
    CONTENT = 1
    HEADERS = ("指标名称", "指标内容和指标值")

    def __init__(self, category: Category, *, names_editable: bool = True, apply: ApplyFn | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(apply, parent)
        self.category = category
        self.names_editable = names_editable
        self._rows: list[int] = []
        self._shown: dict[int, str] = {}  # indicator → the content's first lines as last painted

    def _reload(self) -> None:
        self._rows = editing.category_rows(self._form, self.category) if self._form else []
        self._shown = {}

    def rows_stale(self) -> bool:
        """Whether the form's rows of this category differ from the ones shown."""
        expected = editing.category_rows(self._form, self.category) if self._form else []
        return expected != self._rows

    def indicator_at(self, row: int) -> int:
        return self._rows[row]

    def row_of(self, indicator: int) -> int | None:
        try:
            return self._rows.index(indicator)
        except ValueError:
            return None

    def indicator_rows(self) -> list[int]:
        return list(self._rows)

    def notify_path(self, path: str) -> None:
        for row, indicator in enumerate(self._rows):
            if path == f"indicators[{indicator}].content" and self._form is not None:
                # Typing in the text box under the table: the cell shows the first lines only, and
                # repainting the row (wrapped text) at every keystroke costs more than the keystroke.
                if self._shown.get(indicator) != editing.elide_content(self._form.indicators[indicator].content):
                    self._emit_row(row)
            elif path.startswith(f"indicators[{indicator}]"):
                self._emit_row(row)

    # Qt interface

    def _row_count(self) -> int:
        return len(self._rows)

    def _headers(self) -> tuple[str, ...]:
        return self.HEADERS

    def _editable(self, index: AnyIndex) -> bool:
        return index.column() == self.NAME and self.names_editable and not self._read_only

    def _path(self, row: int, column: int) -> str:
        return f"indicators[{self._rows[row]}].{'name' if column == self.NAME else 'content'}"

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._form is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows)) or not (0 <= column < len(self.HEADERS)):
            return None
        indicator = self._form.indicators[self._rows[row]]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return indicator.name
            shown = self._shown[self._rows[row]] = editing.elide_content(indicator.content)
            return shown
        if role == Qt.ItemDataRole.EditRole:
            return indicator.name if column == self.NAME else indicator.content
        if role == Role.PATH:
            return self._path(row, column)
        if role == Role.INDICATOR:
            return self._rows[row]
        if role in MARK_ROLES:
            mark = combined(self._marks.get(self._path(row, column)), self._marks.get(f"indicators[{self._rows[row]}]"))
            if role == Qt.ItemDataRole.ToolTipRole and column == self.CONTENT:
                return _with_previous(mark_data(mark, role), indicator.previous_content, indicator.content)
            return mark_data(mark, role)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or self._form is None
                or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable)):
            return False
        text = "" if value is None else str(value)
        path = self._path(index.row(), index.column())
        if text == self._form.indicators[self._rows[index.row()]].name:
            return True
        return self._commit(path, text)


# --- structured 三级 items -----------------------------------------------------------------------


@dataclass(frozen=True)
class ItemColumn:
    attr: str
    header: str


ITEM_COLUMNS: tuple[ItemColumn, ...] = (
    ItemColumn("level2", "二级指标"),
    ItemColumn("level3", "三级指标"),
    ItemColumn("nature", "指标性质"),
    ItemColumn("operator", "运算符"),
    ItemColumn("value", "指标值"),
    ItemColumn(PREVIOUS, "上年值"),  # read-only: last year's 指标值 (继承上年), beside this year's
    ItemColumn("unit", "计量单位"),
    ItemColumn("weight", "权重"),
    ItemColumn("direction", "方向"),
    ItemColumn("note", "备注"),
)


class IndicatorItemsModel(_FormTableModel):
    """The 三级 items of all indicators of one category (tabular template), one row each.

    Signals:
        edit_refused(str): an edit was refused; the reason, in Chinese.
    """

    edit_refused = Signal(str)

    COLUMNS = ITEM_COLUMNS
    FIXED_CHOICES: dict[str, tuple[str, ...]] = {
        "nature": NATURES,
        "operator": ("", *OPERATORS),
        "direction": DIRECTIONS,
    }

    def __init__(self, category: Category, *, apply: ApplyFn | None = None,
                 set_level2: Callable[[int, int, str], bool] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(apply, parent)
        self.category = category
        self._rows: list[tuple[int, int]] = []
        self._set_level2 = set_level2
        self.last_error = ""

    def _reload(self) -> None:
        self._rows = []
        # The form's rule profile decides the columns and their labels (it may have changed).
        self.COLUMNS = tuple(ItemColumn(*c) for c in grid_layout(self._form)) if self._form else ITEM_COLUMNS
        if self._form is None:
            return
        for i in editing.category_rows(self._form, self.category):
            self._rows.extend((i, j) for j in range(len(self._form.indicators[i].items)))

    def rows_stale(self) -> bool:
        rows, columns = self._rows, self.COLUMNS
        self._reload()
        stale = rows != self._rows or columns != self.COLUMNS  # the profile's columns changed
        self._rows, self.COLUMNS = rows, columns
        return stale

    def item_at(self, row: int) -> tuple[int, int]:
        return self._rows[row]

    def row_of(self, indicator: int, item: int) -> int | None:
        try:
            return self._rows.index((indicator, item))
        except ValueError:
            return None

    def first_row_of(self, indicator: int) -> int | None:
        for row, (i, _j) in enumerate(self._rows):
            if i == indicator:
                return row
        return None

    def column_of(self, attr: str) -> int | None:
        for column, col in enumerate(self.COLUMNS):
            if col.attr == attr:
                return column
        return None

    def notify_path(self, path: str) -> None:
        for row, (i, j) in enumerate(self._rows):
            if path.startswith((f"indicators[{i}].items[{j}]", f"indicators[{i}].level")) or path == f"indicators[{i}]" or path == f"indicators[{i}].name":
                self._emit_row(row)

    def _path(self, row: int, column: int) -> str:
        i, j = self._rows[row]
        attr = self.COLUMNS[column].attr
        if attr == "level2":
            return f"indicators[{i}].level2"
        return f"indicators[{i}].items[{j}].{attr}"

    def _choices(self, row: int, attr: str) -> tuple[str, ...] | None:
        if attr == "level2":
            assert self._form is not None
            i, _j = self._rows[row]
            return editing.level2_choices(self._form.indicators[i].level1, self.category) or None
        return self.FIXED_CHOICES.get(attr)

    def _text(self, row: int, attr: str) -> str:
        assert self._form is not None
        i, j = self._rows[row]
        indicator = self._form.indicators[i]
        if attr == "level2":
            return indicator.level2
        return str(getattr(indicator.items[j], attr))

    # Qt interface

    def _row_count(self) -> int:
        return len(self._rows)

    def _headers(self) -> tuple[str, ...]:
        return tuple(column.header for column in self.COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._form is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows)) or not (0 <= column < len(self.COLUMNS)):
            return None
        attr = self.COLUMNS[column].attr
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, attr)
        if role == Role.PATH:
            return self._path(row, column)
        if role == Role.CHOICES:
            choices = self._choices(row, attr)
            return list(choices) if choices else None
        if role == Role.INDICATOR:
            return self._rows[row][0]
        if attr == PREVIOUS and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#6b6b6b"))
        if role in MARK_ROLES:
            i, j = self._rows[row]
            if attr == PREVIOUS:
                if role == Qt.ItemDataRole.ToolTipRole:
                    previous = self._text(row, PREVIOUS)
                    return (f"上年指标值：{previous}（继承上年时带入，只读）" if previous
                            else "没有上年指标值（继承上年或导入上年表格后显示）")
                return None
            marks = [self._marks.get(self._path(row, column)), self._marks.get(f"indicators[{i}].items[{j}]")]
            if attr == "level2":  # the group's own fields have no column: its 二级 cell shows them
                marks += [self._marks.get(f"indicators[{i}]{part}") for part in ("", ".name", ".level1")]
            return mark_data(combined(*marks), role)
        return None

    def _editable(self, index: AnyIndex) -> bool:
        return not self._read_only and self.COLUMNS[index.column()].attr != PREVIOUS

    def _refusal(self, row: int, attr: str, text: str) -> str | None:
        if attr == "weight":
            return editing.weight_error(text)
        if attr == "value":
            return editing.item_value_error(text, self._text(row, "nature"))
        choices = self._choices(row, attr)
        if choices and text and text not in choices:
            header = next(c.header for c in self.COLUMNS if c.attr == attr)
            return f"{header}只能选：{'、'.join(c for c in choices if c)}"
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or self._form is None
                or self._read_only):
            return False
        row, column = index.row(), index.column()
        attr = self.COLUMNS[column].attr
        if attr == PREVIOUS:
            return False  # last year's value is what last year's form said
        text = "" if value is None else str(value)
        if attr in ("value", "weight"):
            text = text.strip()
        reason = self._refusal(row, attr, text)
        if reason:
            self.last_error = reason
            self.edit_refused.emit(reason)
            return False
        self.last_error = ""
        if text == self._text(row, attr):
            return True
        if attr == "level2" and self._set_level2 is not None:
            i, j = self._rows[row]
            return self._set_level2(i, j, text)
        return self._commit(self._path(row, column), text)


# --- 资金来源 ----------------------------------------------------------------------------------------


class SourcesModel(_FormTableModel):
    """The optional 资金来源 lines: 来源 | 金额（万元）, amounts kept as typed."""

    HEADERS = ("资金来源", "金额（万元）")
    ATTRS = ("name", "amount")

    def _reload(self) -> None:
        pass

    def _sources(self) -> list[Any]:
        if self._form is None or self._form.funds.sources is None:
            return []
        return self._form.funds.sources

    def notify_path(self, path: str) -> None:
        for row in range(len(self._sources())):
            if path.startswith(f"funds.sources[{row}]"):
                self._emit_row(row)

    def _row_count(self) -> int:
        return len(self._sources())

    def _headers(self) -> tuple[str, ...]:
        unit = self._form.funds.unit if self._form is not None else ""
        return (self.HEADERS[0], f"金额（{unit or '万元'}）")  # the unit of the form's profile

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        sources = self._sources()
        if not index.isValid() or not (0 <= index.row() < len(sources)) or not (0 <= index.column() < 2):
            return None
        path = f"funds.sources[{index.row()}].{self.ATTRS[index.column()]}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return str(getattr(sources[index.row()], self.ATTRS[index.column()]))
        if role == Role.PATH:
            return path
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:  # amounts line up on the right
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in MARK_ROLES:
            mark = combined(self._marks.get(path), self._marks.get(f"funds.sources[{index.row()}]"))
            if mark is None and index.column() == 1 and role == Qt.ItemDataRole.ToolTipRole:
                hint = editing.amount_hint(sources[index.row()].amount)
                return hint.message or None
            return mark_data(mark, role)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        sources = self._sources()
        if (role != Qt.ItemDataRole.EditRole or not index.isValid() or self._read_only
                or not (0 <= index.row() < len(sources))):
            return False
        text = "" if value is None else str(value)
        attr = self.ATTRS[index.column()]
        if text == getattr(sources[index.row()], attr):
            return True
        return self._commit(f"funds.sources[{index.row()}].{attr}", text)
