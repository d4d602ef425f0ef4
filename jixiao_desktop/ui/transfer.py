"""Import and export of forms: files in, ``Form`` out, and back, never half-written.

No widgets here: the window asks for paths and shows the messages this module returns.
Exporters are imported on first use (they pull in reportlab and openpyxl).
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from pathlib import Path

from jixiao_desktop.atomic import atomic_write, describe_os_error
from jixiao_desktop.domain.model import Form
from jixiao_desktop.errors import KnownError

IMPORT_FILTERS = "申报表文件 (*.jixiao.json *.json *.xlsx);;交换文件 (*.jixiao.json *.json);;Excel 工作簿 (*.xlsx)"


class ExportKind(enum.Enum):
    EXCHANGE = ("交换文件 (*.jixiao.json)", ".jixiao.json")
    XLSX = ("Excel 工作簿 (*.xlsx)", ".xlsx")
    PDF = ("PDF 文件 (*.pdf)", ".pdf")

    @property
    def filter(self) -> str:
        return self.value[0]

    @property
    def suffix(self) -> str:
        return self.value[1]


EXPORT_FILTERS = ";;".join(kind.filter for kind in ExportKind)


class TransferError(KnownError):
    """A file could not be read or written; ``str()`` is one Chinese sentence."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: ExportKind
    pages: int = 0
    missing_chars: str = ""


def kind_for(path: Path, chosen_filter: str = "") -> ExportKind:
    """The export kind from the file name, else from the filter the clerk chose."""
    name = path.name.lower()
    for kind in (ExportKind.EXCHANGE, ExportKind.XLSX, ExportKind.PDF):
        if name.endswith(kind.suffix):
            return kind
    if name.endswith(".json"):
        return ExportKind.EXCHANGE
    for kind in ExportKind:
        if chosen_filter == kind.filter:
            return kind
    return ExportKind.EXCHANGE


def with_suffix(path: Path, kind: ExportKind) -> Path:
    name = path.name
    if name.lower().endswith(kind.suffix) or (kind is ExportKind.EXCHANGE and name.lower().endswith(".json")):
        return path
    return path.with_name(name + kind.suffix)


def suggested_name(form: Form) -> str:
    """``2022年度 金融街街道办事处 绩效目标申报表`` (no suffix)."""
    year = f"{form.year}年度" if form.year else ""
    department = "".join(ch for ch in form.department if ch not in '\\/:*?"<>|').strip()
    return " ".join(part for part in (year, department, "绩效目标申报表") if part)


def import_form(path: Path) -> Form:
    """Read a form from a ``.jixiao.json``/``.json`` or ``.xlsx`` file; raises ``TransferError``."""
    from jixiao_desktop.domain import exchange

    try:
        if path.suffix.lower() == ".xlsx":
            from jixiao_desktop.exporters.xlsx import XlsxImportError, import_xlsx

            try:
                return import_xlsx(path)
            except XlsxImportError as exc:
                raise TransferError(str(exc)) from exc
        return exchange.load(path)
    except TransferError:
        raise
    except exchange.ExchangeError as exc:
        raise TransferError(str(exc)) from exc
    except OSError as exc:
        raise TransferError(describe_os_error(exc)) from exc
    except UnicodeDecodeError as exc:
        raise TransferError("文件不是 UTF-8 编码的文字文件，无法读取") from exc
    except json.JSONDecodeError as exc:
        raise TransferError(f"文件内容不是有效的 JSON（第 {exc.lineno} 行）") from exc
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise TransferError(f"文件内容无法识别为申报表（{exc}）") from exc


def export_form(form: Form, path: Path, kind: ExportKind, fingerprint: str | None = None) -> ExportResult:
    """Write ``form`` to ``path`` atomically; raises ``TransferError`` with a Chinese message."""
    try:
        if kind is ExportKind.EXCHANGE:
            from jixiao_desktop.domain import exchange

            text = exchange.dumps(form)
            atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
            return ExportResult(path, kind)
        if kind is ExportKind.XLSX:
            from jixiao_desktop.exporters.xlsx import export_xlsx

            atomic_write(path, lambda tmp: export_xlsx(form, tmp, fingerprint=fingerprint))
            return ExportResult(path, kind)
        from jixiao_desktop.exporters.pdf import export_pdf

        results = []
        atomic_write(path, lambda tmp: results.append(export_pdf(form, tmp, fingerprint=fingerprint)))
        result = results[0]
        return ExportResult(path, kind, pages=result.pages, missing_chars=result.missing_chars)
    except OSError as exc:
        raise TransferError(describe_os_error(exc)) from exc
