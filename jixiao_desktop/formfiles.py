"""Form files in and out: one reader for every format a clerk brings, one writer for every export.

The CLI (``check``, ``export``, ``import``), the window's 导入 and 导出, drag and drop and the
bureau's ``collect`` all call these two functions, so a format is added once and every caller
gets it. No Qt here. Readers and exporters are imported on first use (they pull in openpyxl,
reportlab, …).

Errors come out as ``FormFileError``: ``str()`` is one Chinese sentence saying what is wrong
(without the file name: the caller puts that in front where the user needs it, ``.path`` has it).
"""

from __future__ import annotations

import enum
import importlib
import importlib.util
import json
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao_desktop.atomic import atomic_write, describe_os_error
from jixiao_desktop.domain.model import Form
from jixiao_desktop.errors import KnownError

if TYPE_CHECKING:
    from jixiao_desktop.domain.profiles import Profile


class FormFileError(KnownError):
    """A form file could not be read or written; ``str()`` is one Chinese sentence."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.path = Path(path) if path is not None else None

    def with_path(self) -> str:
        """``文件名：原因`` — the one line the CLI prints."""
        return f"{self.path}：{self}" if self.path is not None else str(self)


@dataclass(frozen=True)
class ReadResult:
    """A form read from a file, with what the clerk should know about the reading."""

    form: Form
    # Chinese sentences: unaccepted tracked changes, cells that could not be placed, …
    warnings: tuple[str, ...] = ()
    # What the file was, for messages: "交换文件", "Excel 工作簿", "Word 文档" …
    kind: str = ""


Reader = Callable[[Path], "Form | ReadResult"]


@dataclass(frozen=True)
class ReaderInfo:
    suffixes: tuple[str, ...]  # lower case, with the dot; ".jixiao.json" before ".json"
    label: str  # for the file dialog: "交换文件"
    read: Reader


def _read_exchange(path: Path) -> ReadResult:
    from jixiao_desktop.domain import exchange

    try:
        return ReadResult(exchange.load(path), kind="交换文件")
    except exchange.ExchangeError as exc:
        raise FormFileError(str(exc), path) from exc
    except UnicodeDecodeError as exc:
        raise FormFileError("文件不是 UTF-8 编码的文字文件，无法读取", path) from exc
    except json.JSONDecodeError as exc:
        raise FormFileError(f"文件内容不是有效的 JSON（第 {exc.lineno} 行）", path) from exc


def _read_xlsx(path: Path) -> ReadResult:
    from jixiao_desktop.exporters.xlsx import XlsxImportError, read_xlsx

    try:
        form, notes = read_xlsx(path)
        return ReadResult(form, tuple(notes), kind="Excel 工作簿")
    except XlsxImportError as exc:
        raise FormFileError(str(exc), path) from exc


# Formats in the order the file dialog lists them. Other modules add theirs with
# ``register_reader`` (the Word importer registers .docx/.doc/.wps/.txt).
READERS: list[ReaderInfo] = [
    ReaderInfo((".jixiao.json", ".json"), "交换文件", _read_exchange),
    ReaderInfo((".xlsx",), "Excel 工作簿（本程序导出）", _read_xlsx),
]


def register_reader(info: ReaderInfo) -> None:
    """Add a format (replacing one that claims the same first suffix)."""
    READERS[:] = [r for r in READERS if r.suffixes[0] != info.suffixes[0]] + [info]


def _ensure_builtin_readers() -> None:
    """Formats whose readers live in optional packages register themselves on import."""
    if importlib.util.find_spec("jixiao_desktop.importers") is not None:
        # Registers the Word readers; they import their libraries only when a file is read.
        importlib.import_module("jixiao_desktop.importers")


def readable_suffixes() -> tuple[str, ...]:
    _ensure_builtin_readers()
    return tuple(s for r in READERS for s in r.suffixes)


def import_filters() -> str:
    """The file dialog's filter list: every readable format first, then each alone."""
    _ensure_builtin_readers()
    every = " ".join(f"*{s}" for s in readable_suffixes())
    singles = [f"{r.label} ({' '.join('*' + s for s in r.suffixes)})" for r in READERS]
    return ";;".join([f"申报表文件 ({every})", *singles])


def reader_for(path: Path) -> ReaderInfo | None:
    _ensure_builtin_readers()
    name = path.name.lower()
    for info in READERS:
        if any(name.endswith(s) for s in info.suffixes):
            return info
    return None


def is_form_file(path: Path) -> bool:
    """Whether the file's name says it is a format we read (for drag and drop, collect)."""
    return reader_for(path) is not None


def _check_regular_file(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise FormFileError("文件不存在", path) from None
    except OSError as exc:  # name too long, a file used as a folder, no permission …
        raise FormFileError(describe_os_error(exc), path) from exc
    if stat.S_ISDIR(mode):
        raise FormFileError("这是一个文件夹，不是申报表文件", path)
    if not stat.S_ISREG(mode):  # a pipe or a device would block or never end
        raise FormFileError("这不是普通文件（可能是管道或设备），不是申报表文件", path)


def read_form_file_detailed(path: Path | str) -> ReadResult:
    """Read a form from any file format the app knows; raises ``FormFileError``."""
    if not str(path):
        raise FormFileError("没有给出文件名")
    path = Path(path)
    _check_regular_file(path)
    info = reader_for(path)
    if info is None:
        every = "、".join(readable_suffixes())
        suffix = path.suffix.lower() or "无扩展名"
        raise FormFileError(f"不认识的文件类型“{suffix}”，请使用 {every}（本程序导出的 .xlsx）", path)
    try:
        result = info.read(path)
    except FormFileError as exc:
        if exc.path is None:
            exc.path = path
        raise
    except OSError as exc:
        raise FormFileError(describe_os_error(exc), path) from exc
    except MemoryError as exc:
        raise FormFileError("文件内容过大，无法读取", path) from exc
    except RecursionError as exc:
        raise FormFileError("文件结构嵌套过深，不是申报表文件", path) from exc
    except (ValueError, IndexError) as exc:
        # A file broken in a way its reader did not foresee: say so, never a traceback.
        raise FormFileError(f"{info.label}无法识别为申报表（{type(exc).__name__}），"
                            "它可能已损坏或不是申报表文件", path) from exc
    except (KeyError, TypeError, AttributeError) as exc:
        # Our own reader went wrong (a missing key, a None where a value was meant): a bug, not a
        # damaged file. Logged with its traceback and raised: the window says 程序出错 with the
        # log's path instead of blaming the clerk's file.
        from jixiao_desktop.errors import log_unexpected

        log_unexpected(exc)
        raise
    result = result if isinstance(result, ReadResult) else ReadResult(result, kind=info.label)
    from jixiao_desktop.domain import exchange

    try:  # the exchange file's 10 MB cap for every format: what could not be saved is not taken in
        exchange.check_form_size(result.form)
    except exchange.ExchangeError as exc:
        raise FormFileError(str(exc), path) from exc
    return _checked_final_claim(result)


def _checked_final_claim(result: ReadResult) -> ReadResult:
    """A file that says 定稿 is taken as 定稿 only when its content still has that 定稿指纹;
    otherwise it is read as a draft and the reader is told why."""
    from jixiao_desktop.domain import exchange

    claim = result.form.final_fingerprint
    if not claim:
        return result
    actual = exchange.fingerprint(result.form)
    if claim == actual:
        return result
    result.form.final_fingerprint = ""
    why = ("文件标明已定稿，但没有写明定稿指纹" if claim == "?" else
           f"文件标明已定稿（定稿指纹 {claim}），但内容的指纹是 {actual}：定稿后内容被改动过")
    return ReadResult(result.form, (*result.warnings, why + "，按草稿读入"), result.kind)


def final_fingerprint_for(form: Form, fingerprint: str | None) -> str | None:
    """The 定稿指纹 an export prints: the one given, else the form's own claim when it still
    matches its content (a 定稿 file exported again by ``export``), else None (a draft)."""
    if fingerprint:
        return fingerprint
    if form.final_fingerprint:
        from jixiao_desktop.domain import exchange

        if exchange.fingerprint(form) == form.final_fingerprint:
            return form.final_fingerprint
    return None


def read_form_file(path: Path | str) -> Form:
    """Read a form from any file format the app knows; raises ``FormFileError``."""
    return read_form_file_detailed(path).form


# --- writing ---------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: ExportKind
    pages: int = 0
    missing_chars: str = ""
    dropped_chars: str = ""
    # Chinese sentences for the user: characters dropped or not printable, …
    notes: tuple[str, ...] = field(default=())


def export_kind_for_name(path: Path) -> ExportKind | None:
    """The export kind a file name asks for, None if its ending is none of ours."""
    name = path.name.lower()
    for kind in (ExportKind.EXCHANGE, ExportKind.XLSX, ExportKind.PDF):
        if name.endswith(kind.suffix):
            return kind
    if name.endswith(".json"):
        return ExportKind.EXCHANGE
    return None


def kind_for(path: Path, chosen_filter: str = "") -> ExportKind:
    """The export kind from the file name, else from the filter the clerk chose."""
    kind = export_kind_for_name(path)
    if kind is not None:
        return kind
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


def _check_target(path: Path) -> None:
    try:
        if path.is_dir():
            raise FormFileError("这是一个文件夹，请给出文件名", path)
        if not path.parent.exists():
            raise FormFileError(f"文件夹“{path.parent}”不存在", path)
    except OSError as exc:
        raise FormFileError(describe_os_error(exc), path) from exc


def write_form_file(form: Form, path: Path | str, kind: ExportKind | None = None,
                    fingerprint: str | None = None,
                    progress: Callable[[int], bool] | None = None, profile: Profile | None = None) -> ExportResult:
    """Write ``form`` to ``path`` atomically (a crash never leaves a half-written file).

    ``kind`` defaults to the one the name asks for. ``fingerprint`` None prints a draft.
    ``profile``: the rule profile whose columns a tabular form prints; ``None`` = the form's own.
    ``progress(pages_done)`` (PDF) returning False cancels: ``exporters.pdf.ExportCancelled`` is
    raised and ``path`` is left as it was.
    Raises ``FormFileError`` with a Chinese message.
    """
    path = Path(path)
    if kind is None:
        kind = export_kind_for_name(path)
        if kind is None:
            raise FormFileError("不支持的导出类型，请以 .xlsx、.pdf 或 .jixiao.json 结尾", path)
    _check_target(path)
    # Every export carries the form's identity, revision and 定稿 state (exchange-format.md).
    fingerprint = final_fingerprint_for(form, fingerprint)
    if form.final_fingerprint != (fingerprint or ""):
        form = form.copy()
        form.final_fingerprint = fingerprint or ""
    from jixiao_desktop.domain.profiles import profile_for_form

    printed_profile = profile or profile_for_form(form)  # its columns and labels (profiles.md)
    try:
        if kind is ExportKind.EXCHANGE:
            from jixiao_desktop.domain import exchange

            data = exchange.dumps(form).encode("utf-8")
            atomic_write(path, lambda tmp: tmp.write_bytes(data))
            return ExportResult(path, kind)
        if kind is ExportKind.XLSX:
            from jixiao_desktop.exporters.xlsx import export_xlsx

            xlsx_results = []
            atomic_write(path, lambda tmp: xlsx_results.append(export_xlsx(form, tmp, fingerprint=fingerprint,
                                                                           profile=printed_profile)))
            dropped = xlsx_results[0].dropped_chars if xlsx_results else ""
            notes = (f"Excel 不能保存以下控制字符，已从工作簿中去掉：{dropped!r}",) if dropped else ()
            return ExportResult(path, kind, dropped_chars=dropped, notes=notes)
        from jixiao_desktop.exporters.pdf import describe_unprintable, export_pdf

        results = []
        atomic_write(path, lambda tmp: results.append(export_pdf(form, tmp, fingerprint=fingerprint,
                                                                 progress=progress, profile=printed_profile)))
        result = results[0]
        missing = result.missing_chars
        notes = (describe_unprintable(result.unprintable),) if result.unprintable else ()
        return ExportResult(path, kind, pages=result.pages, missing_chars=missing, notes=notes)
    except OSError as exc:
        raise FormFileError(f"无法写入：{describe_os_error(exc)}", path) from exc
