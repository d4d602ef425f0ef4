"""The database commands of the CLI (``spec/cli.md``): ``import``, ``export-db``, ``list``,
``backups``, ``restore``, and the bureau's ``collect`` and ``summary``.

``cli/common.py`` holds what every command shares (reading a form file, exit codes, the one-line
Chinese failure); ``cli/__init__.py`` imports this module only to dispatch, so ``check`` stays
free of database code. Heavy modules are imported inside the commands.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jixiao_desktop.atomic import describe_os_error
from jixiao_desktop.cli.common import (
    EXIT_OK,
    check_export_kind,
    fail,
    finish_export,
    read_form,
    settings_from_args,
)
from jixiao_desktop.domain.titles import form_heading

if TYPE_CHECKING:
    from jixiao_desktop.storage.repository import FormRepository
    from jixiao_desktop.storage.types import FormSummary


# --- database commands -----------------------------------------------------------------


def _db_path(args: argparse.Namespace) -> Path:
    """The SQLite file ``--db`` names (backups and restore are for database files only)."""
    from jixiao_desktop.paths import database

    db = database(getattr(args, "db", None))
    if not isinstance(db, Path):
        fail("备份与恢复只适用于数据库文件；数据库服务器请由管理员备份（pg_dump）")
    return db


def _open_repo(args: argparse.Namespace) -> FormRepository:
    from jixiao_desktop.paths import database, shown_database
    from jixiao_desktop.storage.repository import FormRepository, StorageError

    db = database(getattr(args, "db", None))
    try:
        return FormRepository.open(db)
    except StorageError as exc:
        shown = shown_database(db)
        fail(str(exc) if shown in str(exc) else f"{shown}：{exc}")
    except OSError as exc:
        fail(f"{shown_database(db)}：{describe_os_error(exc)}")


def cmd_import(args: argparse.Namespace) -> int:
    from jixiao_desktop.storage.repository import StorageError
    from jixiao_desktop.usecases.importing import import_form
    from jixiao_desktop.usecases.writes import BackupFailedError, NotWritableError

    form = read_form(args.file)
    repo = _open_repo(args)
    try:
        form_id = import_form(repo, form, note=f"导入自 {Path(args.file).name}").form_id
    except BackupFailedError as exc:
        fail(f"{repo.db_path}：{exc}；没有导入任何内容")
    except (NotWritableError, StorageError) as exc:
        fail(f"{args.file}：未能保存：{exc}")
    finally:
        repo.close()
    # spec/cli.md: the new id alone on standard output (scripts read it), what was stored on stderr.
    title = form_heading(form.department, form.year)
    print(form_id)
    print(f"已导入：{title}，编号 {form_id}", file=sys.stderr)
    return EXIT_OK


def cmd_export_db(args: argparse.Namespace) -> int:
    from jixiao_desktop.domain.model import FormStatus
    from jixiao_desktop.storage.repository import StorageError

    check_export_kind(args.out)
    try:
        form_id = int(args.id)
    except ValueError:
        fail(f"{args.id}：编号应为数字（见 jixiao-desktop list）")
    if not 0 < form_id < 2**63:  # SQLite's integers; anything else cannot be a stored form
        fail(f"编号 {args.id}：找不到这个编号的申报表（见 jixiao-desktop list）")
    repo = _open_repo(args)
    try:
        stored = repo.load(form_id)
    except StorageError as exc:
        fail(f"编号 {form_id}：{exc}")
    finally:
        repo.close()
    fingerprint = stored.fingerprint if stored.status is FormStatus.FINAL else None
    return finish_export(stored.form, args.out, fingerprint, settings_from_args(args))


def _list_forms(args: argparse.Namespace) -> list[FormSummary]:
    repo = _open_repo(args)
    try:
        return repo.list_forms()  # a StorageError is said by cli.main
    finally:
        repo.close()


def cmd_list(args: argparse.Namespace) -> int:
    from jixiao_desktop.paths import database
    from jixiao_desktop.storage.listing import read_checked

    # A whole database file at the newest schema is read with plain sqlite3, through the same query
    # and row reader as the repository's list_forms (storage/listing.py): no SQLAlchemy, no Alembic.
    # Anything else (a server, an older or damaged file) takes the repository's full way.
    db = database(getattr(args, "db", None))
    early = read_checked(db) if isinstance(db, Path) else None
    forms = early if early is not None else _list_forms(args)
    if args.json:
        print(json.dumps({"forms": [
            {"id": f.id, "year": f.year, "department": f.department, "template": f.template,
             "status": str(f.status), "last_saved": f.updated_at.isoformat()}
            for f in forms
        ]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not forms:
        print("数据库中还没有申报表。")
        return EXIT_OK
    print(f"{'编号':>4}  {'年度':<6}{'状态':<6}{'最后保存':<20}单位名称")
    for f in forms:
        saved = f.updated_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{f.id:>6}  {f.year or '':<8}{f.status.label:<5}{saved:<22}{f.department}")
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    from jixiao_desktop.storage.backups import backup_dir, list_backups

    db = _db_path(args)
    found = list_backups(db)
    if args.json:
        print(json.dumps({"backups": [b.to_json() for b in found]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        print(f"还没有备份（备份文件夹：{backup_dir(db)}）。")
        return EXIT_OK
    print(f"{'备份时间':<21}{'表单数':>6}  {'大小':>10}  {'原因':<10}文件")
    for b in found:
        forms = "无法读取" if b.forms is None else str(b.forms)
        print(f"{b.created:%Y-%m-%d %H:%M:%S}  {forms:>6}  {b.bytes:>10,}  {b.reason_label:<8}{b.path.name}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from jixiao_desktop.storage import lock
    from jixiao_desktop.storage.backups import resolve_backup, restore_backup
    from jixiao_desktop.storage.errors import StorageError

    db = _db_path(args)
    try:
        backup = resolve_backup(db, args.backup)
        held = lock.acquire(db)  # no window may open the database while it is replaced
    except StorageError as exc:
        fail(f"{exc}；没有恢复")
    try:
        result = restore_backup(db, backup)  # a StorageError is said by cli.main
    finally:
        if held is not None:
            held.unlock()
    aside = "、".join(p.name for p in result.set_aside) or "（原来没有数据库文件）"
    print(f"已从备份“{backup.name}”恢复数据库 {db}。原来的数据库文件已移到：{aside}（没有删除）。")
    return EXIT_OK


# --- the bureau: collect and summary ----------------------------------------------------


def _console_progress() -> object | None:
    """A one-line progress bar on stderr, only when stderr is a terminal."""
    if not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty()):
        return None

    def show(done: int, total: int, name: str) -> None:
        width = 30
        filled = width * done // total if total else width
        shown = name if len(name) <= 40 else "…" + name[-39:]
        end = "\n" if done >= total and not name else ""
        print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {shown}\033[K", end=end,
              file=sys.stderr, flush=True)

    return show


def cmd_collect(args: argparse.Namespace) -> int:
    from jixiao_desktop.storage.bureau import BureauStore
    from jixiao_desktop.storage.repository import StorageError
    from jixiao_desktop.usecases.collecting import collect
    from jixiao_desktop.usecases.writes import BackupFailedError, NotWritableError

    repo = _open_repo(args)
    try:
        report = collect(BureauStore(repo), list(args.paths),
                         progress=None if args.json else _console_progress())  # type: ignore[arg-type]
        library = _district_library(repo, getattr(args, "library", None))
    except (BackupFailedError, NotWritableError) as exc:
        fail(f"{repo.db_path}：{exc}；没有导入任何内容")
    except StorageError as exc:
        fail(f"收集失败：{exc}")
    finally:
        repo.close()
    if args.json:
        print(json.dumps({**report.to_json(), **library}, ensure_ascii=False, indent=2))
    else:
        lines = report.lines()
        print(lines[0])
        for line in lines[1:]:
            print(line, file=sys.stderr)
        if library:
            print(f"指标库“{args.library}”已由全部申报表重新汇总：{library['library']['entries']} 条", file=sys.stderr)
    return report.exit_code


def _district_library(repo: FormRepository, name: str | None) -> dict[str, dict[str, Any]]:
    """``collect --library NAME``: rebuild the district 指标库 from every stored form."""
    if not name:
        return {}
    from jixiao_desktop.usecases.indicator_library import IndicatorLibrary

    counts = IndicatorLibrary(repo).build_district(name)
    return {"library": {"name": name, "entries": counts.added + counts.updated}}


def cmd_summary(args: argparse.Namespace) -> int:
    from jixiao_desktop.bureau.summary import SummaryError, json_text, write_summary
    from jixiao_desktop.storage.bureau import BureauStore
    from jixiao_desktop.storage.repository import StorageError

    if args.out != "-" and not args.out.lower().endswith((".xlsx", ".csv")):
        fail(f"{args.out}：不支持的汇总表类型，请以 .xlsx 或 .csv 结尾，或用 - 输出 JSON")
    repo = _open_repo(args)
    view = None
    try:
        store = BureauStore(repo)
        year, review = getattr(args, "year", None), getattr(args, "review", False)
        if year is None and not review:
            rows = store.summary_rows()
        else:  # an extension (docs/review-file.md): one year, and the review columns and 未报 units
            from jixiao_desktop.bureau.summary_view import build_view
            from jixiao_desktop.storage.bureau import ListQuery

            query = ListQuery(year=year)
            view = build_view(store, store.ids(query), query)
            rows = view.rows
    except StorageError as exc:
        fail(f"读取申报表失败：{exc}")
    finally:
        repo.close()
    if args.out == "-":
        print(json_text(rows))
        return EXIT_OK
    try:
        write_summary(rows, args.out, view)
    except SummaryError as exc:
        fail(f"{args.out}：{exc}")
    except OSError as exc:
        fail(f"{args.out}：无法写入：{describe_os_error(exc)}")
    print(f"已写出汇总表：{args.out}（{len(rows)} 份申报表）")
    return EXIT_OK
