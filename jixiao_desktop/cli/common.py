"""What every command of the CLI shares: exit codes, the one-line Chinese failure, reading a
form file, the checks, writing an export.

A command raises ``CliError`` (``fail``) or lets any other ``KnownError`` through: ``cli.main``
catches them once and prints one line, exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from jixiao_desktop.domain.findings import CheckSettings, Finding, Severity
from jixiao_desktop.errors import KnownError

if TYPE_CHECKING:
    from jixiao_desktop.domain.model import Form
    from jixiao_desktop.domain.profiles import Profile

EXIT_OK = 0
EXIT_FORM_HAS_ERRORS = 1
EXIT_BAD_INPUT = 2


class CliError(KnownError):
    """A failure the user can act on; the message is one Chinese line (``main`` prints it)."""


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
    from jixiao_desktop.domain.profiles import resolve_profile

    if not spec.strip():
        fail("--profile 需要规则方案编号（如 sc）或规则方案文件")
    return resolve_profile(spec)  # a ProfileError is said by cli.main


def run_form_checks(form: Form, settings: CheckSettings, profile: Profile | None = None) -> list[Finding]:
    from jixiao_desktop.domain.checks import run_checks

    return run_checks(form, settings, profile=profile)


def has_errors(findings: Sequence[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


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
    findings = run_form_checks(form, settings, profile)
    for note in write_export(form, out, fingerprint=fingerprint):
        print(f"注意：{note}", file=sys.stderr)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        print(f"警告：表中还有 {len(errors)} 个错误（如：{errors[0].message}），文件已照常导出到 {out}，"
              "请改正后重新导出再上报。", file=sys.stderr)
        return EXIT_FORM_HAS_ERRORS
    print(f"已导出：{out}")
    return EXIT_OK
