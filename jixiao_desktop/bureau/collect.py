"""``collect``: a bureau gathers many units' form files into its database (``spec/cli.md``).

Qt-free: the CLI and the window call ``collect_paths`` and show its progress callbacks. Each
file is read by ``formfiles.read_form_file`` (every format the app reads), checked, and stored
in its own transaction by ``storage.bureau.BureauStore.collect``: a file that cannot be read
or stored is refused with its reason and leaves nothing behind; the others go on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jixiao_desktop.bureau.sources import Refusal, SourceError, close_archives, scan
from jixiao_desktop.domain.model import Form
from jixiao_desktop.domain.profiles import default_profile_id, find_profile
from jixiao_desktop.formfiles import FormFileError, read_form_file, readable_suffixes
from jixiao_desktop.storage.bureau import BureauStore, CollectAction
from jixiao_desktop.storage.errors import StorageError

EXIT_OK = 0
EXIT_PARTLY = 1  # something was refused, or a conflict
EXIT_NOTHING_READ = 2


@dataclass(frozen=True)
class Conflict:
    file: str
    reason: str
    form_id: int | None = None
    form: Form | None = field(default=None, compare=False, repr=False)  # the file's form, to resolve it


@dataclass
class CollectReport:
    """What one ``collect`` did; ``to_json()`` is the ``--json`` output of cli.md."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    ignored: int = 0  # files of other types in the folders and archives (PDFs, …)
    read: int = 0  # form files read successfully
    skipped_files: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    cancelled: bool = False
    profiles: dict[str, int] = field(default_factory=dict)  # rule profile id → forms read with it

    def to_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "skipped": self.skipped,
            "conflicts": [{"file": c.file, "reason": c.reason, "form_id": c.form_id} for c in self.conflicts],
            "refused": [{"file": r.file, "reason": r.reason} for r in self.refused],
            "profiles": dict(sorted(self.profiles.items())),
        }

    @property
    def exit_code(self) -> int:
        if self.read == 0:  # every file refused, or no form file at all
            return EXIT_NOTHING_READ
        return EXIT_PARTLY if self.refused or self.conflicts else EXIT_OK

    def lines(self) -> list[str]:
        """The report in Chinese, for the console and the window."""
        out = [f"新收入 {self.added} 份，更新 {self.updated} 份，跳过 {self.skipped} 份（已收过或较旧），"
               f"冲突 {len(self.conflicts)} 份，无法收入 {len(self.refused)} 个文件。"]
        if self.ignored:
            out.append(f"另有 {self.ignored} 个非申报表文件（如 PDF、图片）未处理。")
        if self.profiles:
            out.append("规则方案：" + "，".join(f"{profile_name(pid)} {n} 份" for pid, n in sorted(self.profiles.items())))
        for c in self.conflicts:
            out.append(f"冲突：{c.file}：{c.reason}")
        for r in self.refused:
            out.append(f"未收入：{r.file}：{r.reason}")
        if self.cancelled:
            out.append("收集已中途取消：已处理的文件已保存，其余文件未处理。")
        return out


def profile_name(profile_id: str) -> str:
    """``四川省（sc）``, or the id with 本机没有此方案 (the bureau can import it)."""
    found = find_profile(profile_id)
    return found.label if found is not None else f"{profile_id}（本机没有此方案）"


# progress(done, total, current file name); returning True from ``cancelled()`` stops between files.
Progress = Callable[[int, int, str], None]


def collect_paths(store: BureauStore, paths: list[str], *, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> CollectReport:
    """Collect every form file under ``paths`` into ``store``'s database.

    Raises:
        StorageError: only when the database itself fails for good (it cannot be written at
            all); a failure storing one file refuses that file and goes on.
    """
    found = scan(paths, readable_suffixes())
    report = CollectReport(refused=list(found.refused), ignored=found.ignored)
    total = len(found.sources)
    done = 0
    for done, source in enumerate(found.sources):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        if progress is not None:
            progress(done, total, source.name)
        try:
            with source.open() as path:
                form = read_form_file(path)
        except (FormFileError, SourceError) as exc:
            report.refused.append(Refusal(source.name, str(exc)))
            continue
        except OSError as exc:  # the temporary copy of an archive member
            from jixiao_desktop.atomic import describe_os_error

            report.refused.append(Refusal(source.name, describe_os_error(exc)))
            continue
        report.read += 1
        pid = form.profile.id if form.profile is not None else default_profile_id(form.template)
        report.profiles[pid] = report.profiles.get(pid, 0) + 1
        try:
            outcome = store.collect(form, source=source.name)
        except StorageError as exc:
            report.refused.append(Refusal(source.name, f"未能存入数据库：{exc}"))
            continue
        if outcome.action is CollectAction.ADDED:
            report.added += 1
        elif outcome.action is CollectAction.UPDATED:
            report.updated += 1
        elif outcome.action is CollectAction.SKIPPED:
            report.skipped += 1
            report.skipped_files.append((source.name, outcome.reason))
        else:
            report.conflicts.append(Conflict(source.name, outcome.reason, outcome.form_id, form))
    close_archives()  # the archives read from were kept open while their members were read
    if progress is not None:
        progress(done if report.cancelled else total, total, "")
    if not found.sources and not report.refused:
        report.refused.append(Refusal("、".join(paths), "没有找到申报表文件"))
    return report
