"""The actions of the app, once each: Qt-free functions the window, the CLI and the bureau all call.

A use case takes what it works on (an open ``FormRepository`` or ``BureauStore``, a ``Form``, a
path) and plain options, does the whole action — the writable check and the backup before a
write, the write itself, what follows it (the carry-over to next year) — and returns a small
result. It never shows anything and never asks: the caller asks first (the window's dialogs,
the CLI's arguments) and shows the result or the ``KnownError`` after. A bug is not caught here.

- ``writes``: ``prepare_write(repo, reason)`` (the writable check and the backup one write
  needs), ``NotWritableError``, ``BackupFailedError``.
- ``importing``: ``import_form(repo, form, note=, carry_over=) -> ImportResult`` (导入, 粘贴上年表格,
  drag and drop, ``jixiao-desktop import``).
- ``collecting``: ``collect(repo, paths, progress=, cancelled=) -> CollectReport`` (the bureau's
  收集, in its window and ``jixiao-desktop collect``).
- ``resolving``: ``resolve_conflict(store, form, form_id, Resolution)``, ``collect_resolving`` — 处理冲突
  (采用此文件 / 保留库中的 / 删除库中那份; the bureau window and ``jixiao-desktop resolve``).
- ``indicator_library``: ``IndicatorLibrary(repo)`` — the 指标库 (suggest, choose, 推荐, 纳入指标库,
  import/export .xlsx, the bureau's district library); window page, editor and ``jixiao-desktop library``.

Adding an action: one module here, a test under ``tests/usecases/`` that calls it without Qt,
and the window, CLI and bureau calling it instead of doing the steps themselves.
"""
