"""导入: one form read from a file (or pasted) stored as a new form, optionally with its next-year
draft. Called by the window's ``ImportFlow`` (导入, 粘贴上年表格, drag and drop) and by
``jixiao-desktop import``; the bureau's ``collect`` stores through ``BureauStore.collect`` instead
(it updates forms it already has) but takes the same ``prepare_write`` first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from jixiao_desktop.errors import KNOWN
from jixiao_desktop.usecases.writes import prepare_write

if TYPE_CHECKING:
    from jixiao_desktop.domain.model import Form
    from jixiao_desktop.storage.repository import FormRepository


@dataclass(frozen=True)
class ImportResult:
    """``form_id``: the stored form; ``next_year_id``: its next-year draft (carry-over asked and
    made); ``carry_error``: the carry-over was asked and failed (the import itself stands)."""

    form_id: int
    next_year_id: int | None = None
    carry_error: BaseException | None = None  # a KnownError or OSError

    @property
    def opened(self) -> int:
        """The form to show next: the new draft when there is one, else the stored form."""
        return self.next_year_id if self.next_year_id is not None else self.form_id


def import_form(repo: FormRepository, form: Form, *, note: str, carry_over: bool = False) -> ImportResult:
    """Store ``form`` as a new form (the backup first, ``spec/cli.md``); with ``carry_over`` also
    its next-year draft (``copy_to_next_year``).

    Raises:
        NotWritableError, BackupFailedError: nothing was written.
        StorageError: storing failed; nothing was written.
    """
    prepare_write(repo, "import")
    form_id = repo.create(form, note=note)
    if not carry_over:
        return ImportResult(form_id)
    try:
        return ImportResult(form_id, next_year_id=repo.copy_to_next_year(form_id))
    except KNOWN as exc:
        return ImportResult(form_id, carry_error=exc)
