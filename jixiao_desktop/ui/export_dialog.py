"""导出 as the clerk expects from Excel/WPS: a plain file name in the kind chosen last time,
the dialog opening in the last folder (else 文档), and afterwards 打开文件 / 打开所在文件夹.

The writing itself is ``OutputActions.export_file`` (saving first, warning about errors).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from jixiao_desktop import formfiles
from jixiao_desktop.domain.model import Form
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.settings import Settings

if TYPE_CHECKING:
    from jixiao_desktop.ui.output import OutputActions

EXCHANGE_INFIX = ".jixiao"


def plain_name(path: Path, kind: formfiles.ExportKind) -> Path:
    """``…申报表.jixiao.xlsx`` → ``…申报表.xlsx``: only the exchange file carries ``.jixiao``."""
    if kind is formfiles.ExportKind.EXCHANGE:
        return path
    name = path.name
    if name.lower().endswith(EXCHANGE_INFIX + kind.suffix):
        return path.with_name(name[: -len(EXCHANGE_INFIX + kind.suffix)] + kind.suffix)
    return path


def remembered_kind(settings: Settings) -> formfiles.ExportKind:
    chosen = settings.export_filter()
    return next((kind for kind in formfiles.ExportKind if kind.filter == chosen), formfiles.ExportKind.XLSX)


def ask_target(parent: QWidget, settings: Settings, form: Form) -> tuple[Path, str] | None:
    kind = remembered_kind(settings)
    directory = Path(msgbox.start_directory(settings.last_directory()))
    suggested = directory / (formfiles.suggested_name(form) + kind.suffix)
    answer = msgbox.ask_save_path(parent, "导出表单", str(suggested), formfiles.EXPORT_FILTERS,
                                  selected_filter=kind.filter)
    if answer is None:
        return None
    path, chosen = answer
    chosen_kind = formfiles.kind_for(path, chosen)
    settings.set_export_filter(chosen_kind.filter)
    return plain_name(formfiles.with_suffix(path, chosen_kind), chosen_kind), chosen_kind.filter


def open_path(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def offer_open(parent: QWidget, path: Path) -> None:
    answer = msgbox.choose(parent, "导出完成", f"已导出“{path.name}”。", ["打开文件", "打开所在文件夹", "关闭"],
                           str(path.parent))
    if answer in (0, 1) and not open_path(path if answer == 0 else path.parent):
        msgbox.warning(parent, "无法打开", f"没有找到能打开“{path.name}”的程序。", str(path.parent))


def export(parent: QWidget, settings: Settings, output: OutputActions, form: Form | None,
           path: Path | None = None, chosen_filter: str = "") -> Path | None:
    """The clerk's 导出 of ``form`` (the open one): ask where (unless ``path``), write, offer to open."""
    ask = path is None
    if path is None:
        if form is None:
            return None
        target = ask_target(parent, settings, form)
        if target is None:
            return None
        path, chosen_filter = target
    written = output.export_file(path, chosen_filter)
    if written is not None and ask:
        offer_open(parent, written)
    return written
