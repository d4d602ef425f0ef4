"""Find the form in a stream of rows by its labels, never by cell positions.

A label is recognised however it is typed: spaces anywhere, full- or half-width brackets and
colons, a trailing colon, a leading ``*`` (required-field mark) or ``一、``; the value is the
next cell of the row, or the text after the colon in the label's own cell. The sections:

- a title (…申报表) and the year ``（   2021 年度）`` above the table, in or out of it;
- 部门（单位）名称 (单位名称, 填报单位…);
- 部门（单位）总体资金情况（万元）with 资金总额 / 基本支出 / 项目支出 and optional sources
  (财政拨款, 其他资金…), each amount kept exactly as typed;
- 部门（单位）绩效目标 (年度总体目标…), continued in rows whose label cell is empty;
- 绩效指标 with a header row: 指标名称 | 指标内容和指标值 (the Beijing 2021 layout, one
  indicator a row, a row with an empty 指标名称 continuing the one above), or the tabular
  headers 一级指标 / 二级指标 / 三级指标 / 指标性质 / 计算符号 / 指标值 / 计量单位 / 权重 /
  方向 / 备注 / 指标解释 / 评（扣）分标准 in any order and subset (一级/二级 left empty or
  merged down mean "as above");
- 其他说明的问题;
- 填制说明 (填报说明, 填表说明) and what follows it: the template's instructions, not data.

Empty rows are skipped wherever they are; a table split in two (a page break, a paragraph
between) reads as one. What no label claims is reported, quoted, never silently lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao_desktop.domain.model import (
    TEMPLATE_BJ_2021,
    TEMPLATE_TABULAR,
    YEAR_MAX,
    YEAR_MIN,
    Form,
    Funds,
    FundSource,
    Indicator,
)
from jixiao_desktop.domain.years import year_in_text
from jixiao_desktop.importers.labels import (
    DEPARTMENT,
    FUND_BASIC,
    FUND_PROJECT,
    FUND_SOURCES,
    FUND_TOTAL,
    FUNDS_HEADER,
    GOALS,
    HEADERS,
    INDICATORS,
    INSTRUCTIONS,
    LEADING_OPERATOR,
    NOTES,
    OPERATOR_TEXT,
    PROFILE_COLUMNS,
    TABULAR_FIELDS,
    TOTAL_ROW,
    YEAR_ALONE,
    YEAR_LABEL,
    bare_key,
    clean_line,
    clean_lines,
    join_name_lines,
    label_key,
    tabular_item,
)
from jixiao_desktop.importers.table_grid import Cell, Row


@dataclass
class LabelResult:
    form: Form
    warnings: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    found: set[str] = field(default_factory=set)  # "department", "funds", "goals", "indicators", …


class NotAFormError(ValueError):
    """No form labels in the document; the message is one Chinese sentence."""


def _match(key_text: str, vocab: set[str]) -> bool:
    return label_key(key_text) in vocab or bare_key(key_text) in vocab


def _split_inline(text: str, vocab: set[str]) -> tuple[str, str] | None:
    """``资金总额：22,001.49`` → (label, value) when the label is one of ``vocab``."""
    first, *rest = text.split("\n")
    for sep in ("：", ":"):
        if sep in first:
            head, _, tail = first.partition(sep)
            if _match(head, vocab):
                return head, "\n".join([tail, *rest])
    return None


def _join_one_line(cells: list[Cell]) -> str:
    """Fields that are one line (名称, amounts): lines joined with nothing between."""
    return "".join(clean_line(line) for cell in cells for line in cell.lines if clean_line(line))


def _parse_year(text: str) -> int | None:
    return year_in_text(text)


def _quote(text: str) -> str:
    text = " ".join(line.strip() for line in text.split("\n") if line.strip())
    return text if len(text) <= 80 else text[:78] + "…"


class _Reader:
    def __init__(self, keep_blank: bool) -> None:
        self.keep_blank = keep_blank
        self.form = Form(template=TEMPLATE_BJ_2021)
        self.found: set[str] = set()
        self.unplaced: list[str] = []
        self.section = ""
        self.header: dict[int, tuple[str, str]] = {}  # column → (field, header text)
        self.tabular = False
        self.goal_parts: list[str] = []
        self.note_parts: list[str] = []
        self.carry: dict[str, str] = {}
        self.current: Indicator | None = None

    # --- helpers ------------------------------------------------------------------------

    def lines_of(self, cells: list[Cell]) -> list[str]:
        lines: list[str] = []
        for cell in cells:
            lines.extend(cell.lines)
        return clean_lines(lines, keep_blank=self.keep_blank)

    def text_of(self, cells: list[Cell]) -> str:
        return "\n".join(self.lines_of(cells))

    def unplace(self, cells: list[Cell]) -> None:
        text = self.text_of(cells)
        if text.strip():
            self.unplaced.append(text)

    # --- the rows -----------------------------------------------------------------------

    def read(self, rows: list[Row]) -> None:
        rows = _cut_instructions(rows)
        for row in rows:
            if row.is_empty:
                continue
            self.row(row)
        self.finish_goals_and_notes()

    def row(self, row: Row) -> None:
        cells = [c for c in row.cells if not c.is_empty]
        header = self.header_of(row) if row.in_table else None
        if header is not None:
            self.start_indicators(header)
            return
        leading_empty = row.cells[0].is_empty and row.in_table
        if not leading_empty and (self.title_or_year(cells) or self.labelled_row(cells)):
            return
        # No label: a row of the section we are in.
        if self.section == "indicators" and self.header and row.in_table:
            self.indicator_row(row)
            return
        if self.section in ("goals", "notes") and leading_empty:
            (self.goal_parts if self.section == "goals" else self.note_parts).append(self.text_of(cells))
            return
        if self.section == "funds" and leading_empty and self.fund_pairs(cells):
            return
        self.unplace(cells)

    def title_or_year(self, cells: list[Cell]) -> bool:
        text = "".join(c.text for c in cells)
        key = label_key(text)
        if len(cells) == 1 and ("申报表" in key or key.endswith("绩效目标表")):
            year = _parse_year(text)
            if year is not None and self.form.year is None:
                self.form.year = year
            self.found.add("title")
            return True
        m = YEAR_ALONE.match(key) or YEAR_LABEL.match(key)
        if m is not None and len(cells) <= 2:
            year = int(m.group(1))
            if YEAR_MIN <= year <= YEAR_MAX:
                if self.form.year is None:
                    self.form.year = year
                self.found.add("year")
                return True
        return False

    def labelled_row(self, cells: list[Cell]) -> bool:
        label = cells[0].text
        rest = cells[1:]
        if _match(label, DEPARTMENT) or (bare_key(label).startswith("填报单位") and rest):
            self.form.department = _join_one_line(rest)
            self.found.add("department")
            self.section = "department"
            return True
        inline = _split_inline(label, DEPARTMENT)
        if inline is not None:
            self.form.department = _join_one_line([Cell([inline[1]]), *rest])
            self.found.add("department")
            return True
        if _match(label, FUNDS_HEADER) or self.is_funds_header(label):
            self.section = "funds"
            self.found.add("funds")
            unit = _unit_of(label)
            if unit:
                self.form.funds.unit = unit
            if rest:
                self.fund_pairs(rest, report=True)
            return True
        if self.fund_pairs(cells):
            self.section = "funds"
            self.found.add("funds")
            return True
        if _match(label, GOALS):
            self.section = "goals"
            self.found.add("goals")
            self.goal_parts.append(self.text_of(rest))
            return True
        inline = _split_inline(label, GOALS)
        if inline is not None and inline[1].strip():
            self.section = "goals"
            self.found.add("goals")
            self.goal_parts.append(self.text_of([Cell(inline[1].split("\n")), *rest]))
            return True
        if _match(label, INDICATORS):
            self.section = "indicators"
            self.found.add("indicators")
            self.header = {}
            if rest:
                self.unplace(rest)
            return True
        if _match(label, NOTES):
            self.section = "notes"
            self.found.add("notes")
            self.note_parts.append(self.text_of(rest))
            return True
        inline = _split_inline(label, NOTES)
        if inline is not None:
            self.section = "notes"
            self.found.add("notes")
            self.note_parts.append(self.text_of([Cell(inline[1].split("\n")), *rest]))
            return True
        # the printed sum of the weights is computed, not typed
        return self.section == "indicators" and bool(self.header) and _match(label, TOTAL_ROW)

    @staticmethod
    def is_funds_header(label: str) -> bool:
        key = bare_key(label)
        return key.endswith("资金情况") and len(key) <= 16

    # --- funds --------------------------------------------------------------------------

    def fund_pairs(self, cells: list[Cell], report: bool = False) -> bool:
        """Label/value pairs of the funds section in ``cells``; True when one was found."""
        found = False
        i = 0
        leftovers: list[Cell] = []
        while i < len(cells):
            cell = cells[i]
            target = self.fund_target(cell.text)
            if target is None:
                inline = None
                for vocab in (FUND_TOTAL, FUND_BASIC, FUND_PROJECT, FUND_SOURCES):
                    inline = _split_inline(cell.text, vocab)
                    if inline is not None and inline[1].strip():
                        break
                    inline = None
                if inline is not None:
                    self.set_fund(inline[0], _join_one_line([Cell(inline[1].split("\n"))]))
                    found = True
                else:
                    leftovers.append(cell)
                i += 1
                continue
            value = ""
            if i + 1 < len(cells) and self.fund_target(cells[i + 1].text) is None:
                value = _join_one_line([cells[i + 1]])
                i += 1
            self.set_fund(cell.text, value)
            found = True
            i += 1
        if leftovers and (found or report):
            self.unplace(leftovers)
        return found

    @staticmethod
    def fund_target(label: str) -> str | None:
        for name, vocab in (("total", FUND_TOTAL), ("basic", FUND_BASIC), ("project", FUND_PROJECT),
                            ("source", FUND_SOURCES)):
            if _match(label, vocab):
                return name
        return None

    def set_fund(self, label: str, value: str) -> None:
        target = self.fund_target(label)
        funds: Funds = self.form.funds
        if target == "total":
            funds.total = value
        elif target == "basic":
            funds.basic = value
        elif target == "project":
            funds.project = value
        elif target == "source":
            if funds.sources is None:
                funds.sources = []
            funds.sources.append(FundSource(name=bare_key(label), amount=value))

    # --- indicators ---------------------------------------------------------------------

    def header_of(self, row: Row) -> dict[int, tuple[str, str]] | None:
        """Column → field when the row is an indicator header row (two header names or more)."""
        mapping: dict[int, tuple[str, str]] = {}
        for cell in row.cells:
            if cell.is_empty or cell.merged_above:
                continue
            name = HEADERS.get(bare_key(cell.text)) or HEADERS.get(label_key(cell.text))
            if name is None:
                continue
            for col in range(cell.col, cell.col + cell.span):
                mapping[col] = (name, _header_title(cell.text))
        fields = {name for name, _title in mapping.values()}
        if len(fields) >= 2 and ("name" in fields or "content" in fields or "level3" in fields
                                 or "value" in fields or "level1" in fields):
            return mapping
        return None

    def start_indicators(self, header: dict[int, tuple[str, str]]) -> None:
        self.section = "indicators"
        self.found.add("indicators")
        self.header = header
        fields = {name for name, _title in header.values()}
        self.tabular = bool(fields & TABULAR_FIELDS) or ("value" in fields and "content" not in fields)
        if self.tabular:
            self.form.template = TEMPLATE_TABULAR
        self.carry = {}
        self.current = None

    def fields_of(self, row: Row) -> tuple[dict[str, str], list[Cell]]:
        values: dict[str, list[str]] = {}
        notes: list[str] = []
        unplaced: list[Cell] = []
        for cell in row.cells:
            if cell.is_empty:
                if cell.merged_above:
                    for col in range(cell.col, cell.col + cell.span):
                        if col in self.header:
                            values.setdefault(self.header[col][0], [])
                continue
            hit = next((self.header[c] for c in range(cell.col, cell.col + cell.span) if c in self.header), None)
            if hit is None:
                unplaced.append(cell)
                continue
            name, title = hit
            text = self.text_of([cell]) if name == "content" else "\n".join(self.lines_of([cell]))
            if name == "note" or (name in PROFILE_COLUMNS and not self.tabular):  # kept with its name
                notes.append(text if title == "备注" else f"{title}：{text}")
                continue
            values.setdefault(name, []).append(text)
        out = {name: "\n".join(parts) for name, parts in values.items()}
        if notes:
            out["note"] = "\n".join(notes)
        return out, unplaced

    def indicator_row(self, row: Row) -> None:
        values, unplaced = self.fields_of(row)
        if unplaced:
            self.unplace(unplaced)
        if not any(v.strip() for v in values.values()):
            return
        if self.tabular:
            self.tabular_row(values)
        else:
            self.standard_row(values)

    def standard_row(self, values: dict[str, str]) -> None:
        name = join_name_lines(values.get("name", "").split("\n"))
        content = values.get("content", "")
        extra = "\n".join(v for k, v in values.items() if k in ("value", "note") and v.strip())
        if extra:
            content = f"{content}\n{extra}" if content else extra
        if not name and self.current is not None:
            # A row continued in the next one: its 指标名称 cell left empty or merged.
            if content:
                self.current.content = f"{self.current.content}\n{content}" if self.current.content else content
            return
        self.current = Indicator(name=name, content=content)
        self.form.indicators.append(self.current)

    def tabular_row(self, values: dict[str, str]) -> None:
        one_line = {k: " ".join(part.strip() for part in v.split("\n") if part.strip())
                    for k, v in values.items() if k != "note" and k not in PROFILE_COLUMNS}
        for level in ("level1", "level2"):
            if one_line.get(level):
                self.carry[level] = one_line[level]
                if level == "level1":
                    self.carry.pop("level2", None)
        level1 = self.carry.get("level1", "")
        level2 = self.carry.get("level2", "")
        if one_line.get("level1") and _match(one_line["level1"], TOTAL_ROW):
            return
        if self.current is None or (self.current.level1, self.current.level2) != (level1, level2):
            self.current = Indicator(level1=level1, level2=level2)
            self.form.indicators.append(self.current)
        operator = one_line.get("operator", "")
        nature = one_line.get("nature", "")
        if nature in OPERATOR_TEXT and not operator:
            operator, nature = nature, ""
        value = one_line.get("value", "")
        m = LEADING_OPERATOR.match(value)
        if m and not operator:
            operator = m.group(1)
            value = value[m.end():]
        operator = OPERATOR_TEXT.get(operator, operator)
        level3 = one_line.get("level3") or one_line.get("name", "")
        item = tabular_item(level3, nature, operator, value, one_line, values)
        if not item.is_blank():
            self.current.items.append(item)

    # --- the end ------------------------------------------------------------------------

    def finish_goals_and_notes(self) -> None:
        self.form.goals = "\n".join(part for part in self.goal_parts if part)
        self.form.other_notes = "\n".join(part for part in self.note_parts if part)


def _header_title(text: str) -> str:
    return label_key(text).rstrip(":")


def _unit_of(label: str) -> str:
    key = label_key(label)
    if "(万元)" in key or "万元" in key:
        return "万元"
    if "(元)" in key:
        return "元"
    return ""


def _cut_instructions(rows: list[Row]) -> list[Row]:
    """Drop the template's 填制说明 and everything after it, up to a row that is a label again."""
    out: list[Row] = []
    skipping = False
    for row in rows:
        if skipping:
            first = next((c for c in row.cells if not c.is_empty), None)
            if first is None:
                continue
            if not (row.in_table and is_section_label(first.text)):
                continue
            skipping = False
        cut_cells: list[Cell] = []
        for cell in row.cells:
            at = next((i for i, line in enumerate(cell.lines)
                       if INSTRUCTIONS.match(label_key(line))), None)
            if at is None:
                cut_cells.append(cell)
                continue
            cut_cells.append(Cell(cell.lines[:at], cell.col, cell.span, cell.merged_above))
            skipping = True
            break
        out.append(Row(cut_cells, row.in_table))
    return out


def is_section_label(text: str) -> bool:
    return any(_match(text, vocab) for vocab in (DEPARTMENT, FUNDS_HEADER, GOALS, INDICATORS, NOTES))


def read_rows(rows: list[Row], *, keep_blank: bool = True) -> LabelResult:
    """The form in ``rows``; raises ``NotAFormError`` when too few of its labels are there.

    ``keep_blank``: blank lines inside a cell are kept (a .docx: a blank paragraph the clerk
    typed); a pasted text cannot tell them from the copy's own, so it drops them.
    """
    reader = _Reader(keep_blank)
    reader.read(rows)
    sections = reader.found & {"department", "funds", "goals", "indicators"}
    if len(sections) < 2:
        raise NotAFormError(
            "没有找到申报表的栏目：应是一张含有“部门（单位）名称”“部门（单位）总体资金情况”"
            "“部门（单位）绩效目标”“绩效指标”等标签的表格")
    warnings: list[str] = []
    if reader.form.year is None:
        warnings.append("没有找到年度（如“（2021年度）”），导入后请填写年度")
    for name, label in (("department", "部门（单位）名称"), ("funds", "部门（单位）总体资金情况"),
                        ("goals", "部门（单位）绩效目标"), ("indicators", "绩效指标")):
        if name not in reader.found:
            warnings.append(f"没有找到“{label}”一栏，导入后请补填")
    if "indicators" in reader.found and not reader.form.indicators:
        warnings.append("“绩效指标”一栏下没有读到任何指标（应有“指标名称”“指标内容和指标值”或一级/二级/三级指标等表头）")
    for text in reader.unplaced:
        warnings.append(f"这段内容不属于表中任何一栏，没有导入：「{_quote(text)}」")
    return LabelResult(reader.form, warnings, reader.unplaced, reader.found)

