"""Where ``collect`` finds form files: files named on the command line, folders (recursively)
and ``.zip`` archives (also inside folders and, one level deep, inside other archives).

A bureau's folder holds what arrived by USB stick and e-mail: forms in every format we read,
but also PDFs, Word lock files (``~$…``), ``Thumbs.db``. A file named on the command line must
be a form file (else it is refused with the reason); inside a folder or an archive, files of
other types are passed over and only counted.

An archive is read through bounded checks (``safezip``): the central directory is checked first
(member count, declared sizes, compression ratio, methods, encryption), then each member is
inflated with a cap on the bytes really produced, into a private temporary file named after
the member's type only (a member's path is never used as a path on this machine). Chinese
member names written by Windows' zip tool (GBK without the UTF-8 flag) are shown correctly.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jixiao_desktop.atomic import describe_os_error

ARCHIVE_SUFFIX = ".zip"
MAX_ARCHIVE_DEPTH = 2  # a zip inside a zip is read; one more level is refused
MiB = 1024 * 1024
# A bureau's archive of a thousand forms is tens of MB; these bounds stop bombs, not work.
MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 64 * MiB  # one form file, inflated (a Word file with pictures at most)
MAX_TOTAL_BYTES = 2048 * MiB  # all members of one archive, inflated
MAX_RATIO = 200  # inflated / compressed, for members larger than RATIO_FLOOR
RATIO_FLOOR = 1 * MiB
_IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}


@dataclass(frozen=True)
class Refusal:
    """A file that was not collected, with the reason (one Chinese sentence)."""

    file: str
    reason: str


@dataclass
class FormSource:
    """One form file to read: a file on disk, or a member of an archive.

    ``name`` is how the user sees it (``收件/2025.zip:西城区/金融街.jixiao.json``);
    ``open()`` gives a path on disk for the readers (a temporary copy for archive members).
    """

    name: str
    _path: Path | None = None
    _archive: Path | None = None
    _member: str = ""
    _suffix: str = ""
    _parents: tuple[str, ...] = field(default_factory=tuple)  # outer archive members (nested)
    _index: int = -1  # the member's place in the archive's directory (two members may share a name)

    @contextlib.contextmanager
    def open(self) -> Iterator[Path]:
        """A path to read the form from; raises ``SourceError`` for a bad archive member."""
        if self._path is not None:
            yield self._path
            return
        assert self._archive is not None
        target = _ARCHIVES.scratch_file(self._suffix)  # one folder for the whole collect
        try:
            with _ARCHIVES.opened(self._archive, self._parents) as zf:
                _copy_member(zf, self._index, self._member, target)
            yield target
        finally:
            with contextlib.suppress(OSError):
                target.unlink()


class SourceError(Exception):
    """An archive or a member that cannot be read safely; the message is one Chinese sentence."""


@dataclass
class Scan:
    """What the paths hold: the form files to read, the refusals, what was passed over."""

    sources: list[FormSource] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    ignored: int = 0


def _suffix_of(name: str, suffixes: tuple[str, ...]) -> str | None:
    lower = name.lower()
    return next((s for s in suffixes if lower.endswith(s)), None)


def _ignored_name(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return base.startswith(("~$", ".")) or base.lower() in _IGNORED_NAMES


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author wrote it: zips from Windows' own tool carry GBK names
    without the UTF-8 flag, which Python decodes as CP437."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _check_infos(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise SourceError(f"压缩包中有 {len(infos)} 个文件（上限 {MAX_MEMBERS}），不像是申报表的压缩包")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise SourceError(f"压缩包中的“{member_name(info)}”已加密，请解压后再收集")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise SourceError(f"压缩包中的“{member_name(info)}”使用了不支持的压缩方式，请用常见的 zip 工具重新压缩")
        if info.file_size > MAX_MEMBER_BYTES:
            raise SourceError(f"压缩包中的“{member_name(info)}”过大（{info.file_size // MiB} MB），不是申报表文件")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise SourceError(f"压缩包中的“{member_name(info)}”压缩比异常，可能是恶意构造的压缩包，未读取")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise SourceError(f"压缩包解压后过大（超过 {MAX_TOTAL_BYTES // MiB} MB），未读取")


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise SourceError("不是有效的 zip 压缩包（文件可能已损坏或未下载完整）") from exc
    except OSError as exc:
        raise SourceError(describe_os_error(exc)) from exc
    except (ValueError, NotImplementedError, EOFError) as exc:
        raise SourceError(f"无法读取这个压缩包（{type(exc).__name__}），文件可能已损坏") from exc
    try:
        _check_infos(zf.infolist())
    except BaseException:
        zf.close()
        raise
    return zf


def _extract(archive: Path, member: str, target: Path) -> None:
    """Copy one member to ``target``, refusing once more than its declared size comes out."""
    try:
        with _open_zip(archive) as zf:
            _copy_member(zf, -1, member, target)
    except SourceError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, KeyError,
            NotImplementedError, RuntimeError) as exc:
        raise SourceError(f"无法从压缩包中取出这个文件（{type(exc).__name__}），压缩包可能已损坏") from exc
    except OSError as exc:
        raise SourceError(describe_os_error(exc)) from exc


def _copy_member(zf: zipfile.ZipFile, index: int, member: str, target: Path) -> None:
    """Copy the member at ``index`` of the directory (or named ``member``) to ``target``."""
    try:
        infos = zf.infolist()
        info = infos[index] if 0 <= index < len(infos) and infos[index].filename == member else zf.getinfo(member)
        written = 0
        with zf.open(info) as src, open(target, "wb") as out:
            while chunk := src.read(256 * 1024):
                written += len(chunk)
                if written > min(info.file_size, MAX_MEMBER_BYTES):
                    raise SourceError("解压出的内容超过了压缩包声明的大小，可能是恶意构造的压缩包，未读取")
                out.write(chunk)
    except SourceError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, KeyError,
            NotImplementedError, RuntimeError) as exc:
        raise SourceError(f"无法从压缩包中取出这个文件（{type(exc).__name__}），压缩包可能已损坏") from exc
    except OSError as exc:
        raise SourceError(describe_os_error(exc)) from exc


class _OpenArchives:
    """The last few archives members were read from, kept open (issue 18, item 10).

    Reading each member used to open its archive again — parse the whole directory, check every
    entry, extract the outer zip of a nested one — so a collect of N members cost N² (2,000
    members: 16 s; 19,999: about 45 minutes). Members are read in order, so a few open archives
    are enough; an archive changed on disk meanwhile is opened anew.
    """

    SIZE = 4

    def __init__(self) -> None:
        self._open: OrderedDict[tuple[object, ...], tuple[zipfile.ZipFile, tempfile.TemporaryDirectory[str] | None]]
        self._open = OrderedDict()
        self._lock = threading.Lock()
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._count = 0

    def scratch_file(self, suffix: str) -> Path:
        """A new file name in a folder kept for the whole collect (a folder per member cost more
        than reading the member)."""
        with self._lock:
            if self._scratch is None or not Path(self._scratch.name).is_dir():
                self._scratch = tempfile.TemporaryDirectory(prefix="jixiao-collect-")
            self._count += 1
            return Path(self._scratch.name) / f"member{self._count}{suffix}"

    @contextlib.contextmanager
    def opened(self, archive: Path, parents: tuple[str, ...]) -> Iterator[zipfile.ZipFile]:
        with self._lock:
            try:
                st = archive.stat()
            except OSError as exc:
                raise SourceError(describe_os_error(exc)) from exc
            key = (str(archive), st.st_mtime_ns, st.st_size, st.st_ino, parents)
            entry = self._open.pop(key, None)
            if entry is None:
                entry = self._open_chain(archive, parents)
            self._open[key] = entry
            while len(self._open) > self.SIZE:
                _key, (old, folder) = self._open.popitem(last=False)
                old.close()
                if folder is not None:
                    folder.cleanup()
            yield entry[0]

    @staticmethod
    def _open_chain(archive: Path,
                    parents: tuple[str, ...]) -> tuple[zipfile.ZipFile, tempfile.TemporaryDirectory[str] | None]:
        if not parents:
            return _open_zip(archive), None
        folder = tempfile.TemporaryDirectory(prefix="jixiao-collect-")
        try:
            for i, outer in enumerate(parents):
                inner = Path(folder.name) / f"outer{i}.zip"
                _extract(archive, outer, inner)
                archive = inner
            return _open_zip(archive), folder
        except BaseException:
            folder.cleanup()
            raise

    def close(self) -> None:
        with self._lock:
            if self._scratch is not None:
                self._scratch.cleanup()
                self._scratch = None
            while self._open:
                _key, (zf, folder) = self._open.popitem()
                zf.close()
                if folder is not None:
                    folder.cleanup()


_ARCHIVES = _OpenArchives()
close_archives = _ARCHIVES.close  # collect calls it when done (the files are then closed)


def scan(paths: list[str], suffixes: tuple[str, ...],
         on_file: Callable[[int], None] | None = None) -> Scan:
    """Every form file under ``paths``, in a stable order (sorted names); ``suffixes`` are the
    readable form types (``formfiles.readable_suffixes()``). ``on_file(n)`` is told how many
    were found so far (the window shows it while a big folder is listed)."""
    result = Scan()
    seen: set[Path] = set()

    def found(src: FormSource) -> None:
        result.sources.append(src)
        if on_file is not None:
            on_file(len(result.sources))

    def add_file(path: Path, shown: str, *, named: bool) -> None:
        try:
            real = path.resolve()
        except OSError:
            real = path
        if real in seen:  # the same file twice (a folder and a file in it, a link)
            return
        seen.add(real)
        if path.name.lower().endswith(ARCHIVE_SUFFIX):
            add_archive(path, shown, depth=1, parents=())
            return
        suffix = _suffix_of(path.name, suffixes)
        if suffix is None:
            if named:
                every = "、".join(suffixes)
                result.refused.append(Refusal(shown, f"不是申报表文件（只收集 {every} 和 .zip）"))
            else:
                result.ignored += 1
            return
        found(FormSource(name=shown, _path=path))

    def add_archive(path: Path, shown: str, *, depth: int, parents: tuple[str, ...],
                    outer: Path | None = None) -> None:
        try:
            if outer is None:
                zf = _open_zip(path)
            else:
                with tempfile.TemporaryDirectory(prefix="jixiao-collect-") as tmp:
                    archive = outer
                    for i, name in enumerate(parents):
                        inner = Path(tmp) / f"outer{i}.zip"
                        _extract(archive, name, inner)
                        archive = inner
                    zf = _open_zip(archive)
                    # The listing is read now; members are extracted again when read.
                    infos = zf.infolist()
                    zf.close()
                list_members(infos, shown, depth=depth, parents=parents, archive=outer)
                return
        except SourceError as exc:
            result.refused.append(Refusal(shown, f"压缩包无法读取：{exc}"))
            return
        with zf:
            infos = zf.infolist()
        list_members(infos, shown, depth=depth, parents=parents, archive=path)

    def list_members(infos: list[zipfile.ZipInfo], shown: str, *, depth: int,
                     parents: tuple[str, ...], archive: Path) -> None:
        order = sorted(range(len(infos)), key=lambda k: member_name(infos[k]))
        for index, info in ((k, infos[k]) for k in order):
            if info.is_dir():
                continue
            name = member_name(info)
            inner_shown = f"{shown}:{name}"
            if _ignored_name(name) or name.startswith("__MACOSX/"):
                result.ignored += 1
                continue
            if name.lower().endswith(ARCHIVE_SUFFIX):
                if depth >= MAX_ARCHIVE_DEPTH:
                    result.refused.append(Refusal(inner_shown, "压缩包套压缩包的层数过多，请解压后再收集"))
                    continue
                add_archive(Path(name), inner_shown, depth=depth + 1, parents=(*parents, info.filename),
                            outer=archive)
                continue
            suffix = _suffix_of(name, suffixes)
            if suffix is None:
                result.ignored += 1
                continue
            found(FormSource(name=inner_shown, _archive=archive, _member=info.filename, _suffix=suffix,
                             _parents=parents, _index=index))

    def walk(folder: Path, shown: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            result.refused.append(Refusal(shown, f"无法读取文件夹：{describe_os_error(exc)}"))
            return
        for entry in entries:
            path = Path(entry.path)
            inner_shown = str(Path(shown) / entry.name)
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith("."):
                        walk(path, inner_shown)
                    continue
                if not entry.is_file():  # pipes, devices, dangling links
                    if not _ignored_name(entry.name):
                        result.ignored += 1
                    continue
            except OSError:
                result.ignored += 1
                continue
            if _ignored_name(entry.name):
                result.ignored += 1
                continue
            add_file(path, inner_shown, named=False)

    for text in paths:
        if not text:
            result.refused.append(Refusal("（空）", "没有给出文件名"))
            continue
        path = Path(text)
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            result.refused.append(Refusal(text, "文件或文件夹不存在"))
            continue
        except OSError as exc:
            result.refused.append(Refusal(text, describe_os_error(exc)))
            continue
        if stat.S_ISDIR(mode):
            walk(path, text)
        elif stat.S_ISREG(mode):
            add_file(path, text, named=True)
        else:
            result.refused.append(Refusal(text, "这不是普通文件（可能是管道或设备），不是申报表文件"))
    return result
