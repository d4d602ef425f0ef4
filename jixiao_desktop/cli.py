"""The headless commands (``spec/cli.md``): the same core as the window, without a window.

Exit status: 0 done and no error-level finding; 1 the form has errors (``check``), or an
export of a form with errors was written anyway; 2 the input could not be read or the output
could not be written (one Chinese line on stderr naming the file, no traceback, nothing
written).

Heavy modules (SQLAlchemy, Alembic, openpyxl, reportlab, Qt) are imported only by the
commands that need them, so ``check`` on an exchange file starts quickly.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from jixiao_desktop import APP_NAME, __version__
from jixiao_desktop.atomic import describe_os_error
from jixiao_desktop.domain.findings import CheckSettings, Finding, Severity

if TYPE_CHECKING:
    from jixiao_desktop.domain.model import Form
    from jixiao_desktop.storage.repository import FormRepository

EXIT_OK = 0
EXIT_FORM_HAS_ERRORS = 1
EXIT_BAD_INPUT = 2



class CliError(Exception):
    """A failure the user can act on; the message is one Chinese line."""


def _fail(message: str) -> NoReturn:
    raise CliError(message)


# --- reading forms -------------------------------------------------------------------


def read_form(path_text: str) -> Form:
    """Read a form from any file the app knows (exchange file, our workbook, Word …)."""
    from jixiao_desktop.formfiles import FormFileError, read_form_file_detailed

    try:
        result = read_form_file_detailed(path_text)
    except FormFileError as exc:
        _fail(exc.with_path() if path_text else str(exc))
    for warning in result.warnings:
        print(f"注意：{path_text}：{warning}", file=sys.stderr)
    return result.form


# --- checks --------------------------------------------------------------------------


def _settings(args: argparse.Namespace) -> CheckSettings:
    minimum = getattr(args, "satisfaction_min", None)
    if minimum is None:
        return CheckSettings()
    return CheckSettings(satisfaction_min=minimum)


def _run_checks(form: Form, settings: CheckSettings) -> list[Finding]:
    from jixiao_desktop.domain.checks import run_checks

    return run_checks(form, settings)


def _has_errors(findings: Sequence[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def _print_findings_text(path: str, form: Form, findings: Sequence[Finding]) -> None:
    from jixiao_desktop.domain.fields import field_label

    title = f"{form.department or '（未填单位名称）'}（{form.year or '    '}年度）"
    print(f"{path}：{title}")
    if not findings:
        print("  未发现问题。")
    for f in findings:
        where = field_label(f.field)
        ack = "（已知悉）" if f.acknowledged else ""
        print(f"  [{f.severity.label}]{ack} {where}  {f.rule}")
        print(f"      {f.message}")
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    print(f"  共 {counts[Severity.ERROR]} 个错误，{counts[Severity.WARNING]} 个警告，"
          f"{counts[Severity.INFO]} 个提示。")


def cmd_check(args: argparse.Namespace) -> int:
    settings = _settings(args)
    results = []
    for path in args.forms:
        form = read_form(path)
        results.append((path, form, _run_checks(form, settings)))
    if args.json:
        if len(results) == 1:
            payload: dict[str, object] = {"findings": [f.to_json() for f in results[0][2]]}
        else:
            payload = {"forms": [{"file": p, "findings": [f.to_json() for f in fs]} for p, _, fs in results]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for path, form, findings in results:
            _print_findings_text(path, form, findings)
    return EXIT_FORM_HAS_ERRORS if any(_has_errors(fs) for _, _, fs in results) else EXIT_OK


# --- export --------------------------------------------------------------------------


def _export_kind(out: str) -> None:
    from jixiao_desktop.formfiles import export_kind_for_name

    if export_kind_for_name(Path(out)) is None:
        _fail(f"{out}：不支持的导出类型，请以 .xlsx、.pdf 或 .jixiao.json 结尾")


def write_export(form: Form, out: str, *, fingerprint: str | None = None) -> list[str]:
    """Write ``form`` to ``out`` (kind by ending), atomically. Returns notes for the user."""
    from jixiao_desktop.formfiles import FormFileError, write_form_file

    _export_kind(out)
    try:
        return list(write_form_file(form, out, fingerprint=fingerprint).notes)
    except FormFileError as exc:
        _fail(f"{out}：{exc}")


def _finish_export(form: Form, out: str, fingerprint: str | None, settings: CheckSettings) -> int:
    findings = _run_checks(form, settings)
    for note in write_export(form, out, fingerprint=fingerprint):
        print(f"注意：{note}", file=sys.stderr)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        print(f"警告：表中还有 {len(errors)} 个错误（如：{errors[0].message}），文件已照常导出到 {out}，"
              "请改正后重新导出再上报。", file=sys.stderr)
        return EXIT_FORM_HAS_ERRORS
    print(f"已导出：{out}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    _export_kind(args.out)
    form = read_form(args.form)
    return _finish_export(form, args.out, None, _settings(args))


# --- database commands -----------------------------------------------------------------


def _db_path(args: argparse.Namespace) -> Path:
    """The SQLite file ``--db`` names (backups and restore are for database files only)."""
    from jixiao_desktop.paths import database

    db = database(getattr(args, "db", None))
    if not isinstance(db, Path):
        _fail("备份与恢复只适用于数据库文件；数据库服务器请由管理员备份（pg_dump）")
    return db


def _open_repo(args: argparse.Namespace) -> FormRepository:
    from jixiao_desktop.paths import database, shown_database
    from jixiao_desktop.storage.repository import FormRepository, StorageError

    db = database(getattr(args, "db", None))
    try:
        return FormRepository.open(db)
    except StorageError as exc:
        shown = shown_database(db)
        _fail(str(exc) if shown in str(exc) else f"{shown}：{exc}")
    except OSError as exc:
        _fail(f"{shown_database(db)}：{describe_os_error(exc)}")


def cmd_import(args: argparse.Namespace) -> int:
    from jixiao_desktop.storage.repository import StorageError

    from jixiao_desktop.paths import database
    from jixiao_desktop.storage.integrity import writable_problem

    form = read_form(args.file)
    repo = _open_repo(args)
    if isinstance(database(getattr(args, "db", None)), Path):  # a file; a server is backed up by its admin
        problem = writable_problem(repo.db_path)
        if problem:
            repo.close()
            _fail(f"{args.file}：未能保存：{problem}")
        _backup_before(repo.db_path, "import", repo)
    try:
        form_id = repo.create(form, note=f"导入自 {Path(args.file).name}")
    except StorageError as exc:
        _fail(f"{args.file}：未能保存：{exc}")
    finally:
        repo.close()
    # spec/cli.md: the new id alone on standard output (scripts read it), what was stored on stderr.
    title = f"{form.department or '（未填单位名称）'}（{form.year or '    '}年度）"
    print(form_id)
    print(f"已导入：{title}，编号 {form_id}", file=sys.stderr)
    return EXIT_OK


def cmd_export_db(args: argparse.Namespace) -> int:
    from jixiao_desktop.domain.model import FormStatus
    from jixiao_desktop.storage.repository import StorageError

    _export_kind(args.out)
    try:
        form_id = int(args.id)
    except ValueError:
        _fail(f"{args.id}：编号应为数字（见 jixiao-desktop list）")
    if not 0 < form_id < 2**63:  # SQLite's integers; anything else cannot be a stored form
        _fail(f"编号 {args.id}：找不到这个编号的申报表（见 jixiao-desktop list）")
    repo = _open_repo(args)
    try:
        stored = repo.load(form_id)
    except StorageError as exc:
        _fail(f"编号 {form_id}：{exc}")
    finally:
        repo.close()
    fingerprint = stored.fingerprint if stored.status is FormStatus.FINAL else None
    return _finish_export(stored.form, args.out, fingerprint, _settings(args))


def _backup_before(db: Path, reason: str, repo: FormRepository) -> None:
    """The backup the spec asks for before an import or collect; a failure stops the command."""
    from jixiao_desktop.storage.backups import take_backup
    from jixiao_desktop.storage.errors import StorageError

    try:
        take_backup(db, reason)
    except StorageError as exc:
        repo.close()
        _fail(f"{db}：{exc}；没有导入任何内容")


def cmd_list(args: argparse.Namespace) -> int:
    from jixiao_desktop.storage.errors import StorageError

    repo = _open_repo(args)
    try:
        forms = repo.list_forms()
    except StorageError as exc:
        _fail(str(exc))
    finally:
        repo.close()
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
        _fail(f"{exc}；没有恢复")
    try:
        result = restore_backup(db, backup)
    except StorageError as exc:
        _fail(str(exc))
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
    from jixiao_desktop.bureau.collect import collect_paths
    from jixiao_desktop.storage.bureau import BureauStore
    from jixiao_desktop.storage.repository import StorageError

    repo = _open_repo(args)
    if repo.is_file:  # a server is backed up by its administrator (pg_dump)
        _backup_before(repo.db_path, "collect", repo)
    try:
        report = collect_paths(BureauStore(repo), list(args.paths),
                               progress=None if args.json else _console_progress())  # type: ignore[arg-type]
    except StorageError as exc:
        _fail(f"收集失败：{exc}")
    finally:
        repo.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        lines = report.lines()
        print(lines[0])
        for line in lines[1:]:
            print(line, file=sys.stderr)
    return report.exit_code


def cmd_summary(args: argparse.Namespace) -> int:
    from jixiao_desktop.bureau.summary import SummaryError, json_text, write_summary
    from jixiao_desktop.storage.bureau import BureauStore
    from jixiao_desktop.storage.repository import StorageError

    if args.out != "-" and not args.out.lower().endswith((".xlsx", ".csv")):
        _fail(f"{args.out}：不支持的汇总表类型，请以 .xlsx 或 .csv 结尾，或用 - 输出 JSON")
    repo = _open_repo(args)
    try:
        rows = BureauStore(repo).summary_rows()
    except StorageError as exc:
        _fail(f"读取申报表失败：{exc}")
    finally:
        repo.close()
    if args.out == "-":
        print(json_text(rows))
        return EXIT_OK
    try:
        write_summary(rows, args.out)
    except SummaryError as exc:
        _fail(f"{args.out}：{exc}")
    except OSError as exc:
        _fail(f"{args.out}：无法写入：{describe_os_error(exc)}")
    print(f"已写出汇总表：{args.out}（{len(rows)} 份申报表）")
    return EXIT_OK


# --- parser --------------------------------------------------------------------------


def _decimal_arg(text: str) -> Decimal:
    from jixiao_desktop.domain.findings import ThresholdError, parse_satisfaction_min

    try:
        return parse_satisfaction_min(text)
    except ThresholdError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


class _ChineseParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"{self.prog}：参数有误：{message}", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    db_help = ("数据库文件（默认：用户数据文件夹中的 jixiao.db，或环境变量 JIXIAO_DB），"
               "或数据库服务器地址 postgresql+psycopg://用户@服务器/数据库名")
    parser = _ChineseParser(
        prog="jixiao-desktop",
        description=f"{APP_NAME}：部门整体支出绩效目标申报表。不带子命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"jixiao-desktop {__version__}")
    parser.add_argument("--db", help=db_help)
    parser.add_argument("--bureau", action="store_true", help="打开财政局汇总审核窗口（收集、汇总、审核各单位的申报表）")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_ChineseParser)

    def satisfaction(p: argparse.ArgumentParser) -> None:
        p.add_argument("--satisfaction-min", type=_decimal_arg, metavar="N",
                       help="满意度指标的最低值（默认 90，部分区要求 95）")

    p = sub.add_parser("check", help="检查申报表文件，列出全部问题")
    p.add_argument("forms", nargs="+", metavar="FORM", help=".jixiao.json/.json 文件或本程序导出的 .xlsx")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    satisfaction(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("export", help="把申报表文件导出为 .xlsx、.pdf 或 .jixiao.json")
    p.add_argument("form", metavar="FORM")
    p.add_argument("out", metavar="OUT")
    satisfaction(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="把 .jixiao.json 或 .xlsx 申报表存入数据库，输出其编号")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export-db", help="把数据库中的申报表导出为 .jixiao.json、.xlsx 或 .pdf")
    p.add_argument("id", metavar="ID")
    p.add_argument("out", metavar="OUT")
    p.add_argument("--db", help=db_help)
    satisfaction(p)
    p.set_defaults(func=cmd_export_db)

    p = sub.add_parser("list", help="列出数据库中的申报表")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("backups", help="列出数据库的备份（最新的在前）")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="用一个备份替换数据库（原来的文件移到一旁，不删除）")
    p.add_argument("backup", metavar="BACKUP", help="备份文件（路径，或 backups 文件夹中的文件名）")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("collect", help="财政局收集各单位的申报表文件（文件夹、.zip 压缩包）存入数据库")
    p.add_argument("paths", nargs="+", metavar="PATH", help="申报表文件、文件夹（含子文件夹）或 .zip 压缩包")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_collect)

    p = sub.add_parser("summary", help="汇总表：每份申报表一行，另有合计行（.xlsx、.csv，或 - 输出 JSON）")
    p.add_argument("out", metavar="OUT")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=cmd_summary)
    return parser


def _utf8_stdio() -> None:
    """Chinese output must survive pipes on Windows (cp936 consoles) and C locales.

    The windowed Windows build has no console: ``sys.stdout`` is None there, and a print would
    crash, so output goes nowhere instead (``jixiao-cli.exe`` is the console program).
    """
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
            with contextlib.suppress(OSError, ValueError):  # exotic streams keep their encoding
                reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_stdio()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from jixiao_desktop.app import run_gui

        from jixiao_desktop.paths import database

        if args.bureau:
            from jixiao_desktop.ui.bureau.window import run_bureau

            return run_bureau(database(args.db))
        return run_gui(database(args.db))
    try:
        return int(args.func(args))
    except CliError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # a file-system failure no command foresaw: still one line, no traceback
        where = f"{exc.filename}：" if exc.filename else ""
        print(f"错误：{where}{describe_os_error(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
