"""``jixiao-desktop library import FILE | export FILE | list [--json] | build`` (``spec/cli.md``,
``spec/indicator-library.md``): the same use case as the window's 指标库 page."""

from __future__ import annotations

import argparse
import json

from jixiao_desktop.cli.common import EXIT_OK, fail
from jixiao_desktop.cli.db import _open_repo
from jixiao_desktop.domain.indicator_library import source_label


def _library(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from jixiao_desktop.usecases.indicator_library import IndicatorLibrary

    return IndicatorLibrary(_open_repo(args), getattr(args, "department", "") or "")


def cmd_library_list(args: argparse.Namespace) -> int:
    library = _library(args)
    try:
        entries = library.entries()
    finally:
        library.store.repo.close()
    if args.json:
        print(json.dumps({"entries": [e.to_json() for e in entries]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"指标库共 {len(entries)} 条")
    for e in entries:
        value = " ".join(part for part in (e.operator, e.unit) if part)
        past = f"  往年：{'；'.join(h.text for h in e.history)}" if e.history else ""
        print(f"{e.level1}/{e.level2}/{e.level3}  {e.nature} {value} {e.direction}  〔{source_label(e.source)}〕{past}")
    return EXIT_OK


def cmd_library_import(args: argparse.Namespace) -> int:
    from jixiao_desktop.exporters.library_xlsx import LibraryWorkbookError
    from jixiao_desktop.storage.errors import StorageError

    library = _library(args)
    try:
        counts = library.import_file(args.file, args.name or "")
    except (LibraryWorkbookError, StorageError) as exc:
        fail(f"{args.file}：{exc}")
    finally:
        library.store.repo.close()
    print(f"已导入指标库：新增 {counts.added} 条，更新 {counts.updated} 条")
    return EXIT_OK


def cmd_library_export(args: argparse.Namespace) -> int:
    if not args.file.lower().endswith(".xlsx"):
        fail(f"{args.file}：指标库只能导出为 .xlsx 文件")
    library = _library(args)
    try:
        rows = library.export_file(args.file)
    finally:
        library.store.repo.close()
    print(f"已导出 {rows} 条指标到 {args.file}")
    return EXIT_OK


def cmd_library_build(args: argparse.Namespace) -> int:
    library = _library(args)
    try:
        counts = library.build_district(args.name or "")
    finally:
        library.store.repo.close()
    print(f"已由数据库中的全部申报表汇总出指标库“{args.name or '区级汇总'}”：{counts.added + counts.updated} 条")
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction, db_help: str, parser_class: type) -> None:  # type: ignore[type-arg]
    """``library`` and its four commands."""
    p = sub.add_parser("library", help="指标库：导入、导出、列出（共性指标、财政局下发的指标、本单位往年用过的指标）")
    p.add_argument("--db", help=db_help, default=argparse.SUPPRESS)
    lib = p.add_subparsers(dest="library_command", metavar="操作", parser_class=parser_class, required=True)
    q = lib.add_parser("import", help="导入财政局下发的指标库 .xlsx（一次导入全部，有错误则一条也不导入）")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--name", help="来源名称（如 西城区财政局；默认用文件名）")
    q.add_argument("--db", help=db_help, default=argparse.SUPPRESS)
    q.set_defaults(func=cmd_library_import)
    q = lib.add_parser("export", help="把指标库导出为 .xlsx（列：一级指标 … 关键词，另有来源、来源文件）")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--db", help=db_help, default=argparse.SUPPRESS)
    q.set_defaults(func=cmd_library_export)
    q = lib.add_parser("list", help="列出指标库")
    q.add_argument("--json", action="store_true", help="以 JSON 输出")
    q.add_argument("--department", help="按此单位名称显示其往年指标值（默认：全部单位）")
    q.add_argument("--db", help=db_help, default=argparse.SUPPRESS)
    q.set_defaults(func=cmd_library_list)
    q = lib.add_parser("build", help="财政局：由数据库中各单位的申报表汇总出区级指标库（按名称去重，记录使用单位数）")
    q.add_argument("--name", help="指标库名称（默认：区级汇总）")
    q.add_argument("--db", help=db_help, default=argparse.SUPPRESS)
    q.set_defaults(func=cmd_library_build)
