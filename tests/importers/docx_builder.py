"""Word files written in the tests: raw OOXML, every shape a real form comes in.

``form_docx(form, Shape(...))`` lays a ``Form`` out as the Word table the reference forms were
dumped from (../shared/spec/print-layout.md: labels merged down over the funds and indicator
rows, values merged over two columns, title and year above) and, per ``Shape``, in the ways
real Word files differ: content controls, tracked changes, automatic numbering, a table split
by a page break, a row continued in the next, 填制说明 and empty rows, the tabular columns in
any order. Nothing here imports the code under test.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from jixiao_desktop.domain.model import Form, Indicator

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="SimSun" w:eastAsia="SimSun" w:hAnsi="SimSun"/>
<w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="ListItem"><w:name w:val="List Item"/><w:basedOn w:val="Normal"/>
<w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style>
</w:styles>"""

# Numbering definitions the builder uses: (abstractNumId, [(numFmt, lvlText, start)] per level)
LISTS: dict[str, list[tuple[str, str, int]]] = {
    # 一、 / （一） / 1、 / （1） / 1） / ①
    "chinese": [("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1), ("decimal", "%3、", 1),
                ("decimal", "（%4）", 1), ("decimal", "%5）", 1), ("decimalEnclosedCircle", "%6", 1)],
    # 1、 / （1） / 1） / ①   (the 金融街 indicator cells)
    "arabic": [("decimal", "%1、", 1), ("decimal", "（%2）", 1), ("decimal", "%3）", 1),
               ("decimalEnclosedCircle", "%4", 1)],
    # 1. (the 牛街 indicator cells)
    "dotted": [("decimal", "%1.", 1)],
    # 甲、乙、丙 (ideographTraditional)
    "heavenly": [("ideographTraditional", "%1、", 1)],
}
_ABSTRACT_IDS = {name: i + 1 for i, name in enumerate(LISTS)}


def numbering_xml(nums: dict[int, tuple[str, dict[int, int]]]) -> str:
    """numbering.xml: every abstract list, and a ``w:num`` per numId → (list, start overrides)."""
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {NS}>']
    for name, levels in LISTS.items():
        out.append(f'<w:abstractNum w:abstractNumId="{_ABSTRACT_IDS[name]}"><w:multiLevelType w:val="multilevel"/>')
        for ilvl, (fmt, text, start) in enumerate(levels):
            out.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                       f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/><w:suff w:val="nothing"/>'
                       f'<w:pPr><w:ind w:left="{420 * ilvl}" w:firstLine="420"/></w:pPr></w:lvl>')
        out.append("</w:abstractNum>")
    for num_id, (name, overrides) in sorted(nums.items()):
        out.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{_ABSTRACT_IDS[name]}"/>')
        for ilvl, start in overrides.items():
            out.append(f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>')
        out.append("</w:num>")
    out.append("</w:numbering>")
    return "".join(out)


def run(text: str) -> str:
    parts = text.split("\t")
    inner = '<w:tab/>'.join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in parts)
    return f"<w:r>{inner}</w:r>"


def para(text: str = "", *, num: tuple[int, int] | None = None, inner: str | None = None,
         ppr: str = "") -> str:
    """A paragraph: plain text, or ``inner`` runs; ``num`` = (numId, ilvl)."""
    props = ppr
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    body = inner if inner is not None else (run(text) if text else "")
    return f"<w:p>{'<w:pPr>' + props + '</w:pPr>' if props else ''}{body}</w:p>"


@dataclass
class C:
    """A table cell: paragraphs (XML), columns spanned, vMerge ('', 'restart', 'continue')."""

    paras: list[str] = field(default_factory=list)
    span: int = 1
    vmerge: str = ""
    sdt: bool = False  # the whole cell inside a cell-level content control

    def xml(self, width: int) -> str:
        props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        if self.span > 1:
            props += f'<w:gridSpan w:val="{self.span}"/>'
        if self.vmerge == "restart":
            props += '<w:vMerge w:val="restart"/>'
        elif self.vmerge == "continue":
            props += "<w:vMerge/>"
        body = "".join(self.paras) or "<w:p/>"
        cell = f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"
        if self.sdt:
            cell = f'<w:sdt><w:sdtPr><w:alias w:val="填写"/><w:tag w:val="cell"/></w:sdtPr><w:sdtContent>{cell}</w:sdtContent></w:sdt>'
        return cell


def table(rows: list[list[C]], grid: list[int], *, header_rows: int = 0, row_sdt: set[int] | None = None) -> str:
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(grid)}" w:type="dxa"/><w:tblBorders>'
           + "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
           + f'</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{cols}</w:tblGrid>']
    for r, cells in enumerate(rows):
        col = 0
        tcs = []
        for cell in cells:
            width = sum(grid[col:col + cell.span])
            tcs.append(cell.xml(width))
            col += cell.span
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if r < header_rows else ""
        tr = f"<w:tr>{trpr}{''.join(tcs)}</w:tr>"
        if row_sdt and r in row_sdt:
            tr = f'<w:sdt><w:sdtPr><w:tag w:val="row"/></w:sdtPr><w:sdtContent>{tr}</w:sdtContent></w:sdt>'
        out.append(tr)
    out.append("</w:tbl>")
    return "".join(out)


def write_docx(path: Path, body: list[str], nums: dict[int, tuple[str, dict[int, int]]] | None = None) -> Path:
    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
            'w:left="1134" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>'
                + "".join(body) + sect + "</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr("word/_rels/document.xml.rels", DOC_RELS)
        zf.writestr("word/document.xml", document)
        zf.writestr("word/styles.xml", STYLES)
        zf.writestr("word/numbering.xml", numbering_xml(nums or {}))
    return path


# --- automatic numbering of typed numbers -----------------------------------------------------

_CN = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens - 1]) + "十" + (_CN[ones - 1] if ones else "")


def _patterns(name: str) -> list[tuple[re.Pattern[str], object]]:
    fmts = LISTS[name]
    out: list[tuple[re.Pattern[str], object]] = []
    for ilvl, (fmt, text, _start) in enumerate(fmts):
        token = f"%{ilvl + 1}"
        before, _, after = text.partition(token)
        if fmt in ("chineseCounting",):
            number = f"[{_CN}]+"
        elif fmt == "decimalEnclosedCircle":
            number = f"[{_CIRCLED}]"
        elif fmt == "ideographTraditional":
            number = "[甲乙丙丁戊己庚辛壬癸]"
        else:
            number = r"\d+"
        out.append((re.compile("^" + re.escape(before) + f"({number})" + re.escape(after)), fmt))
    return out


def _value(fmt: object, text: str) -> int:
    if fmt == "chineseCounting":
        for n in range(1, 100):
            if _cn(n) == text:
                return n
        return -1
    if fmt == "decimalEnclosedCircle":
        return _CIRCLED.index(text) + 1
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸".index(text) + 1
    return int(text)


class Numberer:
    """Turns typed numbers at line starts into Word list numbering, where Word would draw them
    the same: the number must be the next one of its level (a typed "8" after "5" stays typed)."""

    def __init__(self, name: str, num_id: int) -> None:
        self.name = name
        self.num_id = num_id
        self.patterns = _patterns(name)
        self.counters: dict[int, int] = {}
        self.numbered = 0

    def para(self, line: str) -> str:
        for ilvl, (pattern, fmt) in enumerate(self.patterns):
            m = pattern.match(line)
            if m is None:
                continue
            value = _value(fmt, m.group(1))
            if value != self.counters.get(ilvl, 0) + 1:
                return para(line)
            self.counters[ilvl] = value
            for deeper in [k for k in self.counters if k > ilvl]:
                del self.counters[deeper]
            self.numbered += 1
            return para(line[m.end():], num=(self.num_id, ilvl))
        return para(line)


# --- a form as a Word table ---------------------------------------------------------------


@dataclass
class Shape:
    """How the form is laid out in Word (each field one of the issue's shapes)."""

    title_in_table: bool = False  # title and year as table rows (the 牛街 text) or paragraphs
    year_text: str = "（{year}年度）"  # e.g. "（   {year} 年度）" padded
    content_controls: bool = False  # values inside w:sdt (cell, block, run and row level)
    tracked_changes: bool = False  # pending w:ins/w:del in the department, goals and a content
    numbering: str = ""  # "" or a LISTS name: typed numbers become Word list numbering
    split_after: int | None = None  # the table split in two after this indicator row
    continue_goals_after: int | None = None  # goals continued in a row with an empty label
    continue_indicator: int | None = None  # this indicator's content continued in a second row
    name_break_after_colon: bool = False  # 产出指标一：⏎坚持… (two paragraphs in the name cell)
    name_break_at_dash: bool = False  # 产出指标⏎产出数量指标 (一级 and 二级 as two paragraphs, no dash)
    instructions: bool = True  # 填制说明 under the table
    instructions_in_table: bool = False
    empty_rows: bool = False  # empty rows and paragraphs around the table and the 填制说明
    indent: str = ""  # typed at the start of every goal/content line (e.g. ASCII spaces)
    tabular_columns: tuple[str, ...] = ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "权重")
    operator_column: bool = False  # a 计算符号 column; else the operator prints before the value
    weight_total_row: bool = True


INSTRUCTIONS = [
    "填制说明：",
    "1、部门（单位）绩效目标：概括部门年度总体绩效目标。",
    "2、绩效指标：是对总体目标的分解和细化。按照部门职能、年度重点任务和年度重点项目分条填写。",
    "3、指标内容和指标值：应包括年度产出目标，以及相应产出所带来的效果目标。其中，产出目标应量化，预期效果标应明确。",
    "4、指标内容：是对分解细化绩效目标的具体描述。",
    "5、指标值：是绩效目标要达到的量化的或其他可衡量的值。",
]


class _Builder:
    def __init__(self, form: Form, shape: Shape) -> None:
        self.form = form
        self.shape = shape
        self.nums: dict[int, tuple[str, dict[int, int]]] = {}
        self.next_num = 1
        self.body: list[str] = []
        self.rows: list[list[C]] = []
        self.headers = 0

    def value_paras(self, text: str) -> list[str]:
        lines = text.split("\n")
        if self.shape.numbering:
            num_id = self.next_num
            self.next_num += 1
            # a list of its own in each cell: Word restarts it with start overrides
            self.nums[num_id] = (self.shape.numbering, dict.fromkeys(range(len(LISTS[self.shape.numbering])), 1))
            numberer = Numberer(self.shape.numbering, num_id)
            paras = [numberer.para(line) if line else para("") for line in lines]
            # the indent typed in front of a numbered paragraph would come after the number
            return [p if "<w:numPr>" in p else self.indented(p) for p in paras]
        paras = [self.indented(para(line)) if line else para("") for line in lines]
        if self.shape.content_controls and paras:
            # one block-level control around the paragraphs, one run-level inside the first
            paras[0] = paras[0].replace("<w:r>", '<w:sdt><w:sdtPr><w:tag w:val="run"/></w:sdtPr><w:sdtContent><w:r>', 1)
            paras[0] = paras[0].replace("</w:r></w:p>", "</w:r></w:sdtContent></w:sdt></w:p>", 1) \
                if paras[0].count("</w:r>") == 1 else paras[0]
            paras = [f'<w:sdt><w:sdtPr><w:alias w:val="内容"/></w:sdtPr><w:sdtContent>{"".join(paras)}'
                     "</w:sdtContent></w:sdt>"]
        return paras

    def indented(self, p: str) -> str:
        if not self.shape.indent or '<w:t xml:space="preserve">' not in p:
            return p
        return p.replace('<w:t xml:space="preserve">', f'<w:t xml:space="preserve">{self.shape.indent}', 1)

    def label(self, text: str, vmerge: str = "") -> C:
        return C([para(text)], vmerge=vmerge)

    def value(self, text: str, span: int = 1) -> C:
        return C(self.value_paras(text), span=span, sdt=self.shape.content_controls)

    def flush_table(self) -> None:
        if self.rows:
            grid = [1800, 1900, 5900] if self.form.template != "tabular" else self.tabular_grid()
            self.body.append(table(self.rows, grid, header_rows=self.headers,
                                   row_sdt={1} if self.shape.content_controls else None))
            self.rows = []

    def tabular_grid(self) -> list[int]:
        n = len(self.shape.tabular_columns) + (1 if self.shape.operator_column else 0)
        return [1400] + [max(8200 // max(n - 1, 1), 600)] * (n - 1)

    def width(self) -> int:
        if self.form.template != "tabular":
            return 3
        return len(self.shape.tabular_columns) + (1 if self.shape.operator_column else 0)

    def empty_row(self) -> None:
        if self.shape.empty_rows:
            self.rows.append([C([para("")], span=self.width())])

    # -- sections --

    def head(self) -> None:
        form, shape = self.form, self.shape
        year = shape.year_text.format(year=form.year)
        if shape.empty_rows:
            self.body.append(para(""))
        if shape.title_in_table:
            self.rows.append([C([para("部门整体支出绩效目标申报表")], span=self.width())])
            self.rows.append([C([para(year)], span=self.width())])
        else:
            self.body.append(para("部门整体支出绩效目标申报表"))
            self.body.append(para(year))

    def department(self) -> None:
        w = self.width()
        name = self.form.department
        if self.shape.tracked_changes and len(name) > 4:
            # typed over: an old name deleted, the real tail inserted, both pending
            inner = (run(name[:-4]) + '<w:del w:id="1" w:author="科员" w:date="2021-01-05T10:00:00Z"><w:r>'
                     '<w:delText>旧的单位名称</w:delText></w:r></w:del>'
                     '<w:ins w:id="2" w:author="科员" w:date="2021-01-05T10:00:00Z">' + run(name[-4:]) + "</w:ins>")
            cell = C([para(inner=inner)], span=w - 1)
        else:
            cell = self.value(name, span=w - 1)
        self.rows.append([self.label("部门（单位）名称"), cell])

    def funds(self) -> None:
        funds = self.form.funds
        w = self.width()
        lines = [("资金总额：", funds.total), ("基本支出：", funds.basic), ("项目支出：", funds.project)]
        lines += [(f"其中：{s.name}", s.amount) for s in funds.sources or []]
        for i, (label, amount) in enumerate(lines):
            head = self.label("部门（单位）总体资金情况（万元）", "restart") if i == 0 else C(vmerge="continue")
            self.rows.append([head, self.label(label), self.value(amount, span=w - 2)])

    def goals(self) -> None:
        w = self.width()
        lines = self.form.goals.split("\n")
        cut = self.shape.continue_goals_after
        parts = [lines] if cut is None else [lines[:cut], lines[cut:]]
        for i, part in enumerate(parts):
            goal_text = "\n".join(part)
            label = self.label("部门（单位）绩效目标") if i == 0 else C()
            if self.shape.tracked_changes and i == 0:
                first, *rest = part
                inner = (run(first[:6]) + '<w:ins w:id="3" w:author="科员" w:date="2021-01-05T10:00:00Z">'
                         + run(first[6:]) + "</w:ins>"
                         + '<w:del w:id="4" w:author="科员" w:date="2021-01-05T10:00:00Z"><w:r><w:delText>'
                         "（删去的一句话）</w:delText></w:r></w:del>")
                cell = C([para(inner=inner)] + self.value_paras("\n".join(rest)) if rest else [para(inner=inner)],
                         span=w - 1)
            else:
                cell = self.value(goal_text, span=w - 1)
            self.rows.append([label, cell])

    def standard_indicators(self) -> None:
        self.rows.append([self.label("绩效指标", "restart"), self.label("指标名称"), self.label("指标内容和指标值")])
        self.headers = len(self.rows)
        for i, ind in enumerate(self.form.indicators):
            self.standard_row(ind, i)
            if self.shape.split_after == i:
                self.flush_table()
                self.body.append(para(inner='<w:r><w:br w:type="page"/></w:r>'))
                self.rows.append([self.label("绩效指标", "restart"), self.label("指标名称"),
                                  self.label("指标内容和指标值")])

    def standard_row(self, ind: Indicator, i: int) -> None:
        name = ind.name
        if self.shape.name_break_after_colon and "：" in name:
            head, _, tail = name.partition("：")
            name_cell = C([para(head + "："), para(tail)])
        elif self.shape.name_break_at_dash and "-" in name:
            head, _, tail = name.partition("-")
            name_cell = C([para(head), para(tail)])
        else:
            name_cell = self.label(name)
        lines = ind.content.split("\n")
        if self.shape.continue_indicator == i and len(lines) > 1:
            half = len(lines) // 2
            self.rows.append([C(vmerge="continue"), name_cell, self.value("\n".join(lines[:half]))])
            self.rows.append([C(vmerge="continue"), C(), self.value("\n".join(lines[half:]))])
            return
        content = self.value(ind.content)
        if self.shape.tracked_changes and i == 0 and lines:
            first = lines[0]
            inner = ('<w:ins w:id="5" w:author="科员" w:date="2021-01-05T10:00:00Z">' + run(first[:3]) + "</w:ins>"
                     + '<w:moveFrom w:id="6" w:author="科员"><w:r><w:t>挪走的字</w:t></w:r></w:moveFrom>'
                     + run(first[3:]))
            content = C([para(inner=inner), *self.value_paras("\n".join(lines[1:]))] if lines[1:]
                        else [para(inner=inner)])
        self.rows.append([C(vmerge="continue"), name_cell, content])

    def tabular_indicators(self) -> None:
        columns = list(self.shape.tabular_columns)
        if self.shape.operator_column:
            at = columns.index("指标值") if "指标值" in columns else len(columns)
            columns.insert(at, "计算符号")
        self.rows.append([self.label(c) for c in columns])
        self.headers = len(self.rows)
        field_of = {"一级指标": "level1", "二级指标": "level2", "三级指标": "level3", "指标性质": "nature",
                    "计算符号": "operator", "指标值": "value", "计量单位": "unit", "权重": "weight",
                    "方向": "direction", "备注": "note", "指标解释": "explanation",
                    "评(扣)分标准": "scoring", "指标值确定依据": "basis"}
        for ind in self.form.indicators:
            for k, item in enumerate(ind.items):
                cells = []
                for c in columns:
                    fld = field_of[c]
                    if fld == "level1":
                        first_of_l1 = k == 0 and self._first_of_level1(ind)
                        cells.append(self.label(ind.level1, "restart" if first_of_l1 else "continue"))
                    elif fld == "level2":
                        cells.append(self.label(ind.level2, "restart" if k == 0 else "continue"))
                    elif fld == "value" and not self.shape.operator_column:
                        cells.append(self.value(f"{item.operator}{item.value}" if item.operator else item.value))
                    else:
                        cells.append(self.value(getattr(item, fld)))
                self.rows.append(cells)
        if self.shape.weight_total_row and "权重" in columns:
            total = sum(int(i.weight) for ind in self.form.indicators for i in ind.items if i.weight.isdigit())
            cells = [C([para("合计")], span=columns.index("权重"))] + [self.label(str(total))]
            cells += [C() for _ in columns[columns.index("权重") + 1:]]
            self.rows.append(cells)

    def _first_of_level1(self, ind: Indicator) -> bool:
        index = self.form.indicators.index(ind)
        return index == 0 or self.form.indicators[index - 1].level1 != ind.level1

    def notes(self) -> None:
        w = self.width()
        self.rows.append([self.label("其他说明的问题"), self.value(self.form.other_notes, span=w - 1)])

    def instructions(self) -> None:
        if not self.shape.instructions:
            return
        if self.shape.instructions_in_table:
            self.rows.append([C([para(line) for line in INSTRUCTIONS], span=self.width())])
            self.empty_row()
            self.flush_table()
            return
        self.empty_row()
        self.flush_table()
        if self.shape.empty_rows:
            self.body.extend([para(""), para("")])
        self.body.extend(para(line) for line in INSTRUCTIONS)
        if self.shape.empty_rows:
            self.body.append(para(""))

    def build(self) -> list[str]:
        self.head()
        self.empty_row()
        self.department()
        self.funds()
        self.goals()
        if self.form.template == "tabular":
            self.tabular_indicators()
        else:
            self.standard_indicators()
        self.notes()
        self.instructions()
        self.flush_table()
        return self.body


def form_docx(form: Form, path: Path, shape: Shape | None = None) -> Path:
    builder = _Builder(form, shape or Shape())
    body = builder.build()
    return write_docx(path, body, builder.nums)
