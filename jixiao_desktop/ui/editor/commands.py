"""Undo commands of the form editor.

Every change of the form is one of these on the editor's ``QUndoStack``. A command changes the
form through ``domain.fields.set_field_text`` (or swaps a list it saved) and then asks its
target (the editor) to bring the widgets up to date; the target emits ``edited``.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from jixiao_desktop.domain.fields import field_label, field_text
from jixiao_desktop.domain.model import Form, FundSource, Indicator

if TYPE_CHECKING:
    from jixiao_desktop.domain.profile_switch import ProfileSwitch
    from jixiao_desktop.domain.profiles import ProfileRef


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


class ProfileCommand(QUndoCommand):
    """Switch the form's rule profile (and the funds unit it sets): the grid takes the new
    profile's columns. Amounts converted with it are ``SetFieldCommand``s in the same macro."""

    def __init__(self, target: ProfileTarget, form: Form, new_ref: ProfileRef, new_unit: str,
                 text: str) -> None:
        super().__init__(text)
        self._target, self._form = target, form
        self.old = (form.profile, form.funds.unit)
        self.new = (new_ref, new_unit)

    def _apply(self, ref: ProfileRef | None, unit: str) -> None:
        self._form.profile = ref
        self._form.funds.unit = unit
        # Rebuilding the rows' tables re-reads the columns of the form's profile.
        self._target.apply_indicators(list(self._form.indicators), None, reveal=False)

    def redo(self) -> None:
        self._apply(*self.new)

    def undo(self) -> None:
        self._apply(*self.old)


class ProfileTarget(CommandTarget, Protocol):
    def undo_stack(self) -> QUndoStack: ...


def push_profile_switch(target: ProfileTarget, form: Form, switch: ProfileSwitch, name: str) -> None:
    """One undo step: the profile, the unit and every converted amount."""
    stack = target.undo_stack()
    stack.beginMacro(f"规则方案改为{name}")
    stack.push(ProfileCommand(target, form, switch.ref, switch.unit, f"规则方案改为{name}"))
    for path, text in switch.amounts:
        stack.push(SetFieldCommand(target, path, field_text(form, path), text, mergeable=False))
    stack.endMacro()
