"""The commands on form files: ``check`` and ``export`` (``spec/cli.md``); no database."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from jixiao_desktop.cli.common import (
    EXIT_FORM_HAS_ERRORS,
    EXIT_OK,
    check_export_kind,
    finish_export,
    has_errors,
    profile_from_args,
    read_form,
    run_form_checks,
    settings_from_args,
)
from jixiao_desktop.domain.findings import Finding, count_findings
from jixiao_desktop.domain.titles import form_heading

if TYPE_CHECKING:
    from jixiao_desktop.domain.model import Form
    from jixiao_desktop.domain.profiles import Profile


def _used_profile(form: Form, profile: Profile | None) -> Profile:
    from jixiao_desktop.domain.profiles import profile_for_form

    return profile if profile is not None else profile_for_form(form)


def _print_findings_text(path: str, form: Form, findings: Sequence[Finding], profile: Profile) -> None:
    from jixiao_desktop.domain.fields import field_label

    title = form_heading(form.department, form.year)
    print(f"{path}：{title}")
    print(f"  规则方案：{profile.label}")
    if not findings:
        print("  未发现问题。")
    for f in findings:
        where = field_label(f.field, form)
        ack = "（已知悉）" if f.acknowledged else ""
        print(f"  [{f.severity.label}]{ack} {where}  {f.rule}")
        print(f"      {f.message}")
    counts = count_findings(findings)
    print(f"  共 {counts.errors} 个错误，{counts.warnings} 个警告，{counts.infos} 个提示。")


def cmd_check(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    profile = profile_from_args(args)
    results = []
    for path in args.forms:
        form = read_form(path)
        results.append((path, form, run_form_checks(form, settings, profile)))
    if args.json:
        def used(form: Form) -> dict[str, str]:
            p = _used_profile(form, profile)
            return {"id": p.id, "name": p.name, "sha256": p.sha256}

        if len(results) == 1:
            payload: dict[str, object] = {"findings": [f.to_json() for f in results[0][2]],
                                          "profile": used(results[0][1])}
        else:
            payload = {"forms": [{"file": p, "findings": [f.to_json() for f in fs], "profile": used(form)}
                                 for p, form, fs in results]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for path, form, findings in results:
            _print_findings_text(path, form, findings, _used_profile(form, profile))
    return EXIT_FORM_HAS_ERRORS if any(has_errors(fs) for _, _, fs in results) else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    check_export_kind(args.out)
    profile = profile_from_args(args)
    form = read_form(args.form)
    return finish_export(form, args.out, None, settings_from_args(args), profile)
