"""Undo commands of the form editor.

Every change of the form is one of these on the editor's ``QUndoStack``. A command changes the
form through ``domain.fields.set_field_text`` (or swaps a list it saved) and then asks its
target (the editor) to bring the widgets up to date; the target emits ``edited``.
"""

from __future__ import annotations

import copy
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from jixiao_desktop.domain.fields import field_label
from jixiao_desktop.domain.model import FundSource, Indicator


class CommandTarget(Protocol):
    """What the commands need from the editor."""

    def apply_field(self, path: str, value: str, *, reveal: bool) -> None: ...

    def apply_indicators(self, indicators: list[Indicator], focus: str | None, *, reveal: bool) -> None: ...

    def apply_sources(self, sources: list[FundSource] | None, focus: str | None, *, reveal: bool) -> None: ...


class SetFieldCommand(QUndoCommand):
    """Set the text at a field path. Consecutive keystrokes in one field merge into one step.

    ``epoch`` is bumped by the editor when the clerk leaves a field, so that typing, leaving and
    coming back makes two steps; ``mergeable=False`` (buttons, canonicalising) never merges.
    """

    MERGE_ID = 0x4A58

    def __init__(self, target: CommandTarget, path: str, old: str, new: str, *,
                 mergeable: bool = True, epoch: int = 0, text: str | None = None) -> None:
        super().__init__(text or f"修改{field_label(path)}")
        self._target = target
        self.path = path
        self.old = old
        self.new = new
        self.mergeable = mergeable
        self.epoch = epoch
        self._pushed = False

    def id(self) -> int:
        return self.MERGE_ID if self.mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetFieldCommand) and other.mergeable and self.mergeable
                and other.path == self.path and other.epoch == self.epoch):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        # The first redo happens on push, while the widget already shows the new text.
        self._target.apply_field(self.path, self.new, reveal=self._pushed)
        self._pushed = True

    def undo(self) -> None:
        self._target.apply_field(self.path, self.old, reveal=True)


class IndicatorsCommand(QUndoCommand):
    """Replace the indicator rows (add, remove, move a row or an item; regroup an item).

    Keeps copies of the rows before and after; the form object itself stays the same, only
    ``form.indicators`` changes in place.
    """

    def __init__(self, target: CommandTarget, text: str, before: list[Indicator],
                 after: list[Indicator], *, focus_before: str | None, focus_after: str | None) -> None:
        super().__init__(text)
        self._target = target
        self._before = copy.deepcopy(before)
        self._after = copy.deepcopy(after)
        self._focus_before = focus_before
        self._focus_after = focus_after

    def redo(self) -> None:
        self._target.apply_indicators(copy.deepcopy(self._after), self._focus_after, reveal=True)

    def undo(self) -> None:
        self._target.apply_indicators(copy.deepcopy(self._before), self._focus_before, reveal=True)


class SourcesCommand(QUndoCommand):
    """Replace the 资金来源 block (switch it on/off, add or remove a line)."""

    def __init__(self, target: CommandTarget, text: str, before: list[FundSource] | None,
                 after: list[FundSource] | None, *, focus_after: str | None = None) -> None:
        super().__init__(text)
        self._target = target
        self._before = copy.deepcopy(before)
        self._after = copy.deepcopy(after)
        self._focus_after = focus_after

    def redo(self) -> None:
        self._target.apply_sources(copy.deepcopy(self._after), self._focus_after, reveal=True)

    def undo(self) -> None:
        self._target.apply_sources(copy.deepcopy(self._before), None, reveal=True)
