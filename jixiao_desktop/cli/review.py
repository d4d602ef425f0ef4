"""The bureau's review commands beyond cli.md (an extension, docs/review-file.md): ``resolve``
(处理冲突) and ``delete`` (a form to the 回收站)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from jixiao_desktop.cli.common import EXIT_OK, fail, read_form
from jixiao_desktop.cli.db import _open_repo


def add_parsers(sub: Any, db_help: str) -> None:
    p = sub.add_parser("resolve", help="收集一个申报表文件；若与库中的冲突，按所选方式处理（采用此文件、保留库中的、删除库中那份）")
    p.add_argument("file", metavar="FILE", help="引起冲突的申报表文件（压缩包中的请先解压）")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--take", dest="how", action="store_const", const="take",
                     help="采用此文件：成为库中那份的新版本（原内容保存为历史版本，审核意见保留）")
    how.add_argument("--keep", dest="how", action="store_const", const="keep", help="保留库中的，不收入此文件")
    how.add_argument("--delete", dest="how", action="store_const", const="delete",
                     help="把库中那份移到回收站，收入此文件")
    p.add_argument("--db", help=db_help)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_resolve)

    p = sub.add_parser("delete", help="把库中的一份申报表移到回收站（可恢复）")
    p.add_argument("id", metavar="ID", type=int, help="申报表编号（list 输出的 id）")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=cmd_delete)


def cmd_resolve(args: argparse.Namespace) -> int:
    from jixiao_desktop.storage.bureau import BureauStore
    from jixiao_desktop.storage.errors import StorageError
    from jixiao_desktop.usecases.resolving import Resolution, collect_resolving

    form = read_form(args.file)
    repo = _open_repo(args)
    name = Path(args.file).name
    try:
        outcome, form_id = collect_resolving(BureauStore(repo), form, Resolution(args.how), source=name)
    except StorageError as exc:
        fail(f"{repo.db_path}：{exc}；没有改动")
    finally:
        repo.close()
    action = outcome.action.value if outcome is not None else "kept"
    if args.json:
        print(json.dumps({"file": name, "action": action, "form_id": form_id}, ensure_ascii=False))
    else:
        said = {"added": "已收入为新的申报表", "updated": "已收入（库中原内容保存为历史版本）",
                "skipped": "库中已有，未改动", "conflict": "仍有冲突，未收入", "kept": "保留库中的，未收入此文件"}
        print(f"{name}：{said[action]}（编号 {form_id}）")
        if outcome is not None and outcome.reason:
            print(outcome.reason)
    return EXIT_OK if action != "conflict" else 1


def cmd_delete(args: argparse.Namespace) -> int:
    from jixiao_desktop.storage.errors import StorageError
    from jixiao_desktop.usecases.writes import prepare_write

    repo = _open_repo(args)
    try:
        prepare_write(repo, "delete")
        repo.delete(args.id)
    except StorageError as exc:
        fail(f"{exc}")
    finally:
        repo.close()
    print(f"已把编号 {args.id} 的申报表移到回收站")
    return EXIT_OK
