"""Form titles: one function per shape (domain/titles.py), and no one else builds them."""

from __future__ import annotations

import re
from pathlib import Path

from jixiao_desktop.domain.titles import form_heading, form_name, quoted_name

PACKAGE = Path(__file__).resolve().parents[2] / "jixiao_desktop"


def test_the_shapes() -> None:
    assert form_name(2022, "金融街街道") == "2022年度 金融街街道"
    assert form_name(None, "金融街街道") == "金融街街道"
    assert form_name(2022, "") == "2022年度 未命名表单"
    assert form_heading("金融街街道", 2022) == "金融街街道（2022年度）"
    assert form_heading("", None) == "（未填单位名称）（    年度）"
    assert quoted_name("金融街街道", 2022) == "2022年度“金融街街道”"
    assert quoted_name("", None) == "“（未填单位名称）”"


# Built elsewhere on purpose, each with why (a different text, not a title of the same shape).
NAMED_EXCEPTIONS = {
    "domain/model.py",  # Form.year_label: the printed form's （2022年度） beside its title
    "exporters/_common.py",  # the same printed （    年度） for a year already read
    "storage/integrity.py",  # salvage labels: a damaged row's unit, whatever is left of it
    "storage/backups.py",  # names read from a backup file by SQL rows, listing what it holds
    "bureau/review_match.py",  # one candidate's line: unit, year, 第 N 版 and what it is
    "ui/bureau/list_model.py",  # a table cell per column, not a title
    "ui/bureau/review_dialog.py",  # the dialog's caption beside Form.year_label
}


def test_no_one_else_builds_a_form_title() -> None:
    pattern = re.compile(r"未命名表单|未填单位名称|\}年度 \{")
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative == "domain/titles.py" or relative in NAMED_EXCEPTIONS or relative.startswith("ui/forms/"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{relative}:{number}")
    assert not offenders, "build the title with domain.titles: " + ", ".join(offenders)
