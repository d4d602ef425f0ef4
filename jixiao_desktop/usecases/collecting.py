"""收集: the bureau stores every form file under some folders and archives (``bureau.collect``),
after the writable check and the backup ``spec/cli.md`` asks for. Called by the bureau window
(``prepare_collect`` on the window's thread, ``collect_paths`` on its worker) and by
``jixiao-desktop collect`` (``collect``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao_desktop.usecases.writes import prepare_write

if TYPE_CHECKING:
    from jixiao_desktop.bureau.collect import CollectReport, Progress
    from jixiao_desktop.storage.bureau import BureauStore
    from jixiao_desktop.storage.repository import FormRepository


def prepare_collect(repo: FormRepository) -> Path | None:
    """The writable check and the backup before a collect (raises ``NotWritableError`` or
    ``BackupFailedError``: nothing was collected); the backup's path."""
    return prepare_write(repo, "collect")


def collect(store: BureauStore, paths: list[str], *, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None) -> CollectReport:
    """``prepare_collect`` then ``collect_paths`` (see there for what is refused and why).

    Raises:
        NotWritableError, BackupFailedError: nothing was collected.
        StorageError: the database failed for good during the collect.
    """
    from jixiao_desktop.bureau.collect import collect_paths

    prepare_collect(store.repo)
    return collect_paths(store, paths, progress=progress, cancelled=cancelled)
