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
    from jixiao_desktop.domain.profiles import Profile

EXIT_OK = 0
EXIT_FORM_HAS_ERRORS = 1
EXIT_BAD_INPUT = 2



class CliError(Exception):
    """A failure the user can act on; the message is one Chinese line."""


def fail(message: str) -> NoReturn:
    raise CliError(message)


# --- reading forms -------------------------------------------------------------------


def read_form(path_text: str) -> Form:
    """Read a form from any file the app knows (exchange file, our workbook, Word …)."""
    from jixiao_desktop.formfiles import FormFileError, read_form_file_detailed

    try:
        result = read_form_file_detailed(path_text)
    except FormFileError as exc:
        fail(exc.with_path() if path_text else str(exc))
    for warning in result.warnings:
        print(f"注意：{path_text}：{warning}", file=sys.stderr)
    return result.form


# --- checks --------------------------------------------------------------------------


def settings_from_args(args: argparse.Namespace) -> CheckSettings:
    minimum = getattr(args, "satisfaction_min", None)
    if minimum is None:
        return CheckSettings()
    return CheckSettings(satisfaction_min=minimum)


def profile_from_args(args: argparse.Namespace) -> Profile | None:
    """``--profile ID|FILE`` read before anything else, so a bad one stops the command (exit 2)
    with one Chinese line naming the id or the file and the field, and nothing is written."""
    spec = getattr(args, "profile", None)
    if spec is None:
        return None
    from jixiao_desktop.domain.profiles import ProfileError, resolve_profile

    if not spec.strip():
        fail("--profile 需要规则方案编号（如 sc）或规则方案文件")
    try:
        return resolve_profile(spec)
    except ProfileError as exc:
        fail(str(exc))


def _run_checks(form: Form, settings: CheckSettings, profile: Profile | None = None) -> list[Finding]:
    from jixiao_desktop.domain.checks import run_checks

    return run_checks(form, settings, profile=profile)


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
    settings = settings_from_args(args)
    profile = profile_from_args(args)
    results = []
    for path in args.forms:
        form = read_form(path)
        results.append((path, form, _run_checks(form, settings, profile)))
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


def check_export_kind(out: str) -> None:
    from jixiao_desktop.formfiles import export_kind_for_name

    if export_kind_for_name(Path(out)) is None:
        fail(f"{out}：不支持的导出类型，请以 .xlsx、.pdf 或 .jixiao.json 结尾")


def write_export(form: Form, out: str, *, fingerprint: str | None = None) -> list[str]:
    """Write ``form`` to ``out`` (kind by ending), atomically. Returns notes for the user."""
    from jixiao_desktop.formfiles import FormFileError, write_form_file

    check_export_kind(out)
    try:
        return list(write_form_file(form, out, fingerprint=fingerprint).notes)
    except FormFileError as exc:
        fail(f"{out}：{exc}")


def finish_export(form: Form, out: str, fingerprint: str | None, settings: CheckSettings,
                  profile: Profile | None = None) -> int:
    """Check and write ``form``; with ``profile`` (``--profile``) the written form names it."""
    if profile is not None:
        form.profile = profile.ref
    findings = _run_checks(form, settings, profile)
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
    check_export_kind(args.out)
    profile = profile_from_args(args)
    form = read_form(args.form)
    return finish_export(form, args.out, None, settings_from_args(args), profile)


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
    from jixiao_desktop.cli import db as cli_db  # the database commands (imported here: cli.db imports this module)

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
                       help="满意度指标的最低值（默认按规则方案，北京 90，部分区要求 95）")

    def profile(p: argparse.ArgumentParser) -> None:
        p.add_argument("--profile", metavar="ID|FILE",
                       help="按此规则方案检查（内置编号如 bj-2021、sc、hn、cq，或财政局下发的方案文件），"
                            "代替表中记录的方案")

    p = sub.add_parser("check", help="检查申报表文件，列出全部问题")
    p.add_argument("forms", nargs="+", metavar="FORM", help=".jixiao.json/.json 文件或本程序导出的 .xlsx")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    satisfaction(p)
    profile(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("export", help="把申报表文件导出为 .xlsx、.pdf 或 .jixiao.json")
    p.add_argument("form", metavar="FORM")
    p.add_argument("out", metavar="OUT")
    satisfaction(p)
    profile(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="把 .jixiao.json 或 .xlsx 申报表存入数据库，输出其编号")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=cli_db.cmd_import)

    p = sub.add_parser("export-db", help="把数据库中的申报表导出为 .jixiao.json、.xlsx 或 .pdf")
    p.add_argument("id", metavar="ID")
    p.add_argument("out", metavar="OUT")
    p.add_argument("--db", help=db_help)
    satisfaction(p)
    p.set_defaults(func=cli_db.cmd_export_db)

    p = sub.add_parser("list", help="列出数据库中的申报表")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cli_db.cmd_list)

    p = sub.add_parser("backups", help="列出数据库的备份（最新的在前）")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cli_db.cmd_backups)

    p = sub.add_parser("restore", help="用一个备份替换数据库（原来的文件移到一旁，不删除）")
    p.add_argument("backup", metavar="BACKUP", help="备份文件（路径，或 backups 文件夹中的文件名）")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=cli_db.cmd_restore)

    p = sub.add_parser("collect", help="财政局收集各单位的申报表文件（文件夹、.zip 压缩包）存入数据库")
    p.add_argument("paths", nargs="+", metavar="PATH", help="申报表文件、文件夹（含子文件夹）或 .zip 压缩包")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cli_db.cmd_collect)

    p = sub.add_parser("summary", help="汇总表：每份申报表一行，另有合计行（.xlsx、.csv，或 - 输出 JSON）")
    p.add_argument("out", metavar="OUT")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=cli_db.cmd_summary)

    from jixiao_desktop.cli import library as cli_library

    cli_library.add_parser(sub, db_help, _ChineseParser)
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
        from jixiao_desktop.app import run_bureau, run_gui

        from jixiao_desktop.paths import database

        if args.bureau:
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
