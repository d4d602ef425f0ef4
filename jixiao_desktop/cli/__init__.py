"""The headless commands (``spec/cli.md``): the same core as the window, without a window.

Exit status: 0 done and no error-level finding; 1 the form has errors (``check``), or an
export of a form with errors was written anyway; 2 the input could not be read or the output
could not be written (one Chinese line on stderr naming the file, no traceback, nothing
written).

Heavy modules (SQLAlchemy, Alembic, openpyxl, reportlab, Qt) are imported only by the
commands that need them, so ``check`` on an exchange file starts quickly.

Here: the parser and ``main`` (which catches ``KnownError`` once: one Chinese line, exit 2).
``common``: what every command shares; ``files``: ``check``, ``export``; ``db``: the database
commands (``import``, ``export-db``, ``list``, ``backups``, ``restore``, ``collect``, ``summary``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import NoReturn

from jixiao_desktop import APP_NAME, __version__
from jixiao_desktop.atomic import describe_os_error
from jixiao_desktop.cli.common import EXIT_BAD_INPUT
from jixiao_desktop.errors import KnownError

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
    from jixiao_desktop.cli import db as cli_db  # the database commands: imported only to dispatch
    from jixiao_desktop.cli.files import cmd_check, cmd_export

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
    p.add_argument("--library", metavar="名称", help="收集后由数据库中全部申报表重新汇总区级指标库（按名称去重，记录使用单位数）")
    p.set_defaults(func=cli_db.cmd_collect)

    p = sub.add_parser("summary", help="汇总表：每份申报表一行，另有合计行（.xlsx、.csv，或 - 输出 JSON）")
    p.add_argument("out", metavar="OUT")
    p.add_argument("--year", type=int, metavar="YYYY", help="只汇总这一年度（标题写明），另列审核情况和未报单位")
    p.add_argument("--review", action="store_true",
                   help="另列审核、审核意见数、预算批复数、上年资金总额、定稿指纹和未报单位")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=cli_db.cmd_summary)

    from jixiao_desktop.cli import review as cli_review

    cli_review.add_parsers(sub, db_help)

    from jixiao_desktop.cli import library as cli_library

    cli_library.add_parser(sub, db_help, _ChineseParser)
    return parser


def _utf8_stdio(windows: bool = os.name == "nt") -> None:
    """Chinese output must survive consoles, pipes and C locales.

    On Windows, Python writes to a console in UTF-16 whatever the encoding, and output redirected
    to a file or a pipe is read back by cmd.exe, PowerShell and findstr in the ANSI code page (936
    on a Chinese PC): there the stream keeps that encoding, and a character it lacks becomes “?”
    instead of a crash (forcing UTF-8 gave “鑽夌” for 草稿 in PowerShell). Elsewhere a stream that
    is not UTF-8 (a C locale) is switched to UTF-8.

    The windowed Windows build has no console: ``sys.stdout`` is None there, and a print would
    crash, so output goes nowhere instead (``jixiao-cli.exe`` is the console program).
    """
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or (stream.encoding or "").lower().replace("-", "") == "utf8":
            continue
        with contextlib.suppress(OSError, ValueError):  # exotic streams keep their encoding
            if windows:
                reconfigure(errors="replace")
            else:
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
    except KnownError as exc:  # CliError and every other failure the user can act on, once
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # a file-system failure no command foresaw: still one line, no traceback
        where = f"{exc.filename}：" if exc.filename else ""
        print(f"错误：{where}{describe_os_error(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
