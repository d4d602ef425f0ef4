"""处理冲突: what the reviewer decides about a file ``collect`` could not store (the same unit's
older .xlsx and newer .jixiao.json, a second form of the same unit and year, a form already 定稿
at the bureau). Called by the bureau window (right after 收集, and 文件 → 处理冲突…) and by
``jixiao-desktop resolve`` (docs/review-file.md, "Extensions").

- ``TAKE``  采用此文件: the file becomes the stored form's next revision; the stored content is kept
  as a version, its 审核意见 and history stay (the two are merged into one form).
- ``KEEP``  保留库中的: nothing stored changes; the history says the file was set aside.
- ``DELETE`` 删除库中那份: the stored form goes to the 回收站 (restorable) and the file is collected
  as a new form.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from jixiao_desktop.usecases.writes import prepare_write

if TYPE_CHECKING:
    from jixiao_desktop.domain.model import Form
    from jixiao_desktop.storage.bureau import BureauStore, CollectOutcome


class Resolution(enum.StrEnum):
    TAKE = "take"
    KEEP = "keep"
    DELETE = "delete"

    @property
    def label(self) -> str:
        return {"take": "采用此文件（并入库中那份）", "keep": "保留库中的", "delete": "删除库中那份，收入此文件"}[self.value]


def resolve_conflict(store: BureauStore, form: Form, form_id: int, resolution: Resolution, *,
                     source: str) -> CollectOutcome | None:
    """Do what the reviewer chose for the file ``source`` (read as ``form``) against the stored
    form ``form_id``; the outcome of storing the file (None for ``KEEP``).

    Raises:
        NotWritableError, BackupFailedError: nothing changed.
        StorageError: the database failed (each step is one transaction).
    """
    prepare_write(store.repo, "resolve")
    if resolution is Resolution.KEEP:
        store.set_aside(form_id, source=source)
        return None
    if resolution is Resolution.TAKE or (form.id and store.repo.load(form_id).form.id == form.id):
        # Deleting the form of the file's own id would leave the file nowhere to go: take it.
        return store.take_over(form_id, form, source=source)
    store.repo.delete(form_id)
    return store.collect(form, source=source)


def collect_resolving(store: BureauStore, form: Form, resolution: Resolution, *,
                      source: str) -> tuple[CollectOutcome | None, int | None]:
    """``jixiao-desktop resolve``: collect the file; on a conflict, do ``resolution``. The outcome
    (None: set aside) and the stored form concerned."""
    from jixiao_desktop.storage.bureau import CollectAction

    prepare_write(store.repo, "collect")
    outcome = store.collect(form, source=source)
    if outcome.action is not CollectAction.CONFLICT or outcome.form_id is None:
        return outcome, outcome.form_id
    done = resolve_conflict(store, form, outcome.form_id, resolution, source=source)
    return done, done.form_id if done is not None else outcome.form_id
