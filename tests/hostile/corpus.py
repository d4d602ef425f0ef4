"""The hostile-input corpus: several hundred bad files, generated in memory from the reference forms.

``corpus()`` returns ``Case``s: a name (also the file name's stem), the file's bytes, its
suffix, and whether it must be refused (``hostile``) or may be read (a random byte flip can
land inside a text and leave a valid form). Deterministic: the same cases every run.
Shared by ``tests/hostile/test_hostile_suite.py`` and ``benchmarks/bench_hostile.py``.
"""

from __future__ import annotations

import json
import random
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tests.hostile import builders as b

FIXTURES = Path(__file__).parents[1] / "fixtures"
MiB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    suffix: str  # ".jixiao.json" or ".xlsx"
    hostile: bool = True  # must be refused; False: a garble that may still be a valid form

    @property
    def filename(self) -> str:
        return f"{self.name}{self.suffix}"


@lru_cache(maxsize=1)
def _sources() -> tuple[bytes, bytes, bytes]:
    from jixiao_desktop.domain import exchange

    niujie = (FIXTURES / "niujie-2021.json").read_bytes()
    tabular = exchange.load(FIXTURES / "school-tabular-2023.json")
    return niujie, b.export_bytes(exchange.load(FIXTURES / "niujie-2021.json")), b.export_bytes(tabular)


def _json_with(raw: str, where: str = "department") -> bytes:
    niujie = json.loads(_sources()[0])
    niujie["form"][where] = "@@X@@"
    return json.dumps(niujie, ensure_ascii=False).replace('"@@X@@"', raw).encode("utf-8")


def json_cases() -> list[Case]:
    niujie = _sources()[0]
    rng = random.Random(20210701)
    cases: list[Case] = []
    body = niujie.rstrip()
    for i, cut in enumerate(sorted(rng.sample(range(1, len(body) - 1), 60))):
        cases.append(Case(f"json-truncated-{i:02d}-{cut}", body[:cut], ".jixiao.json"))
    for i in range(80):
        data = bytearray(niujie)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        cases.append(Case(f"json-garbled-{i:02d}", bytes(data), ".jixiao.json", hostile=False))
    hostile = {
        "nan": _json_with("NaN"), "infinity": _json_with("Infinity"), "minus-infinity": _json_with("-Infinity"),
        "1e400": _json_with("1e400"), "minus-1e400": _json_with("-1e400"), "1e-400": _json_with("1e-400"),
        "total-1e400": _json_with('{"total": 1e400}', "funds"),
        "total-nan": _json_with('{"total": NaN}', "funds"),
        "long-integer": _json_with("9" * 5000), "long-fraction": _json_with("0." + "1" * 5000),
        "deep-list-100k": _json_with("[" * 100_000 + "]" * 100_000),
        "deep-object-50k": _json_with('{"a":' * 50_000 + "1" + "}" * 50_000),
        "deep-unclosed": _json_with("[" * 200_000),
        "deep-top": b"[" * 500_000,
        "deep-65": _json_with("[" * 65 + "]" * 65, "x_extra"),
        "many-numbers": _json_with("[" + ",".join(["1.5"] * 200_000) + "]", "x_extra"),
        "surrogate-high": _json_with('"\\ud800"'), "surrogate-low": _json_with('"\\udfff"'),
        "surrogate-in-goals": _json_with('"目标\\ud83d结束"', "goals"),
        "surrogate-in-key": _json_with('{"\\udc00": 1}', "x_extra"),
        "surrogate-pair-reversed": _json_with('"\\ude00\\ud83d"'),
        "huge-string-11mb": _json_with('"' + "单" * (11 * MiB // 3) + '"'),
        "huge-padding": niujie + b" " * (10 * MiB),
        "empty": b"", "bom-only": b"\xef\xbb\xbf", "null": b"null", "list": b"[]", "string": b'"form"',
        "number": b"1e400", "utf16": niujie.decode("utf-8").encode("utf-16"),
        "gbk": niujie.decode("utf-8").encode("gb18030"), "binary": bytes(range(256)) * 64,
        "nul-bytes": b"\x00" * 4096, "zip-as-json": _sources()[1],
        "newer-version": niujie.replace(b'"format_version": 1', b'"format_version": 99'),
        "form-is-list": _json_with("[]", "funds").replace(b'"form": {', b'"form": [{', 1),
        "year-huge": niujie.replace(b'"year": 2021', b'"year": ' + b"9" * 40),
        "funds-list": _json_with("[1, 2, 3]", "funds"),
        "indicators-object": _json_with('{"a": 1}', "indicators"),
        "indicator-string": _json_with('["x"]', "indicators"),
        "items-number": _json_with('[{"name": "a", "items": 5}]', "indicators"),
        "bool-department": _json_with("true"),
        "object-department": _json_with('{"a": "b"}'),
        "duplicate-keys-nan": _json_with('{"total": "1", "total": NaN}', "funds"),
        "trailing-garbage": niujie + b"}}}",
        "two-documents": niujie + niujie,
        "not-a-form": b'{"format": "other", "form": {}}',
        "control-chars": _json_with('"\\u0000\\u0001\\u001f"', "x_extra").replace(b'"format"', b'"form\x01at"'),
    }
    cases += [Case(f"json-{name}", data, ".jixiao.json") for name, data in hostile.items()]
    return cases


def _workbook_xml_cases(base: bytes, label: str) -> list[Case]:
    members = b.members_of(base)
    cases: list[Case] = []
    parts = [name for name in members if name.endswith((".xml", ".rels"))]
    for bomb_name, xml in (("billion-laughs", b.BILLION_LAUGHS), ("xxe", b.XXE), ("xxe-parameter", b.XXE_PARAMETER),
                           ("quadratic", b.QUADRATIC)):
        for part in parts:
            short = part.replace("/", "_").replace("[", "").replace("]", "")
            cases.append(Case(f"xlsx-{label}-{bomb_name}-{short}", b.rezip(base, replace={part: xml.encode()}), ".xlsx"))
        cases.append(Case(f"xlsx-{label}-{bomb_name}-utf16", b.rezip(base, replace={b.SHEET: b.utf16(xml)}), ".xlsx"))
        cases.append(Case(f"xlsx-{label}-{bomb_name}-bom",
                          b.rezip(base, replace={b.SHEET: b"\xef\xbb\xbf" + xml.encode()}), ".xlsx"))
    return cases


def xlsx_cases(big: int = 33 * MiB) -> list[Case]:
    """``big``: the size bombs inflate to (over every cap; the benchmark passes GiBs)."""
    _, niujie, tabular = _sources()
    rng = random.Random(20210702)
    cases: list[Case] = []
    for i, cut in enumerate(sorted(rng.sample(range(1, len(niujie) - 1), 50))):
        cases.append(Case(f"xlsx-truncated-{i:02d}-{cut}", niujie[:cut], ".xlsx"))
    for i in range(70):
        data = bytearray(niujie if i % 2 else tabular)
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        cases.append(Case(f"xlsx-garbled-{i:02d}", bytes(data), ".xlsx", hostile=False))
    # Garbled XML inside an intact zip: the parser sees broken markup, not a broken archive.
    members = b.members_of(niujie)
    for i in range(30):
        sheet = bytearray(members[b.SHEET])
        for _ in range(rng.randint(1, 4)):
            sheet[rng.randrange(len(sheet))] = rng.choice(b"<>&\"'/=\x00\xff")
        cases.append(Case(f"xlsx-garbled-xml-{i:02d}", b.rezip(niujie, replace={b.SHEET: bytes(sheet)}), ".xlsx",
                          hostile=False))
    for label, base in (("niujie", niujie), ("tabular", tabular)):
        for method_name, method in (("bzip2", zipfile.ZIP_BZIP2), ("lzma", zipfile.ZIP_LZMA)):
            cases.append(Case(f"xlsx-{label}-method-{method_name}", b.rezip(base, method=method), ".xlsx"))
            # Refused by its method before its size: a few MB make the bomb (ratio in the thousands).
            cases.append(Case(f"xlsx-{label}-bomb-{method_name}", b.bomb(big // 8, method=method, base=base),
                              ".xlsx"))
        for method_id, method_name in ((9, "deflate64"), (98, "ppmd"), (93, "zstd"), (6, "implode"), (99, "aes")):
            cases.append(Case(f"xlsx-{label}-method-{method_name}", b.method_id(base, b.SHEET, method_id), ".xlsx"))
        cases.append(Case(f"xlsx-{label}-bomb-deflate", b.bomb(big, base=base), ".xlsx"))
        cases.append(Case(f"xlsx-{label}-bomb-deflate-sheet", b.bomb(big, base=base, name=b.SHEET, byte=b" "),
                          ".xlsx"))
        cases.append(Case(f"xlsx-{label}-bomb-stored", b.bomb(21 * MiB, method=zipfile.ZIP_STORED, base=base,
                                                               name="xl/media/a.bin"), ".xlsx"))
        cases.append(Case(f"xlsx-{label}-ratio-8mb", b.bomb(8 * MiB, base=base), ".xlsx"))
        for size in (2**31, 2**32 - 1, 33 * MiB):
            cases.append(Case(f"xlsx-{label}-declared-{size}", b.declared_size(base, b.SHEET, size), ".xlsx"))
        cases.append(Case(f"xlsx-{label}-declared-small", b.declared_size(b.bomb(5 * MiB, base=base, name="xl/x.bin"),
                                                                           "xl/x.bin", 10), ".xlsx"))
        cases.append(Case(f"xlsx-{label}-many-members", b.many_members(5000, base=base), ".xlsx"))
        cases.append(Case(f"xlsx-{label}-nested-zip-bomb",
                          b.rezip(base, add={"xl/embeddings/a.xlsx": b.nested_zip(3, b.bomb(big))}), ".xlsx",
                          hostile=False))  # an embedding is kept as bytes, never opened: the form is read
        cases.append(Case(f"xlsx-{label}-overlapping", b.overlapping(base, 200), ".xlsx"))
        cases.append(Case(f"xlsx-{label}-encrypted", b.encrypted(base, b.SHEET), ".xlsx"))
        members_list = list(b.members_of(base).items())
        cases.append(Case(f"xlsx-{label}-duplicate", b.zip_of([*members_list, (b.SHEET, b"<x/>")]), ".xlsx"))
        for j, bad in enumerate(("../../evil.xml", "/etc/passwd", "C:/Windows/x.xml", "xl\\..\\x.xml",
                                 "/".join(["d"] * 40) + ".xml")):
            cases.append(Case(f"xlsx-{label}-path-{j}", b.path_members(base, bad), ".xlsx"))
        sheet = b.members_of(base)[b.SHEET]
        merge = b'<mergeCell ref="A1:XFD1048576"/>'
        bombed = (sheet.replace(b"<mergeCell ", merge + b"<mergeCell ", 1) if b"<mergeCell " in sheet else
                  sheet.replace(b"</sheetData>", b'</sheetData><mergeCells count="1">' + merge + b"</mergeCells>", 1))
        cases.append(Case(f"xlsx-{label}-merge-bomb", b.rezip(base, replace={b.SHEET: bombed}), ".xlsx"))
        cases.append(Case(f"xlsx-{label}-elements", b.rezip(base, add={"xl/x.xml": b"<a>" + b"<b/>" * 1_100_000
                                                                        + b"</a>"}), ".xlsx"))
        cases.append(Case(f"xlsx-{label}-last-row", b.rezip(base, replace={b.SHEET: sheet.replace(
            b"</sheetData>", b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
            1)}), ".xlsx"))
        cases += _workbook_xml_cases(base, label)
    # Huge strings: over Excel's cell limit, and a 512 MB 单位名称 (refused by its size long before).
    cases.append(Case("xlsx-cell-32768", b.with_cell_text(niujie, "北京市西城区人民政府牛街街道办事处", "单" * 32_768),
                      ".xlsx"))
    cases.append(Case("xlsx-cell-1m", b.with_cell_text(niujie, "北京市西城区人民政府牛街街道办事处",
                                                       "".join(chr(0x4E00 + rng.randrange(20000))
                                                               for _ in range(1_000_000))), ".xlsx"))
    cases.append(Case("xlsx-cell-huge", b.bomb(big, base=niujie, name=b.STRINGS, byte=b"x"), ".xlsx"))
    cases.append(Case("xlsx-number-1e400", b.rezip(niujie, replace={b.SHEET: b.members_of(niujie)[b.SHEET].replace(
        b'<c r="C3" s="5" t="n" />', b'<c r="C3" s="5" t="n"><v>1e400</v></c>', 1)}), ".xlsx", hostile=False))
    cases.append(Case("xlsx-number-digits", b.rezip(niujie, replace={b.SHEET: b.members_of(niujie)[b.SHEET].replace(
        b'<c r="C3" s="5" t="n" />', b'<c r="C3" s="5" t="n"><v>' + b"9" * 5000 + b"</v></c>", 1)}), ".xlsx"))
    cases.append(Case("xlsx-charref-surrogate", b.rezip(niujie, replace={b.SHEET: b.members_of(niujie)[b.SHEET].replace(
        "北京市西城区人民政府牛街街道办事处".encode(), b"&#xD800;", 1)}), ".xlsx"))
    for name, data in (("empty", b""), ("ole", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)),
                       ("json-as-xlsx", _sources()[0]), ("text", "部门整体支出绩效目标申报表".encode() * 100),
                       ("zip-empty", b.zip_of({})), ("zip-text", b.zip_of({"a.txt": b"hello"})),
                       ("eocd-only", b"PK\x05\x06" + bytes(18)),
                       ("eocd-lies", b"PK\x03\x04" + bytes(60) + b"PK\x05\x06" + bytes(4) + b"\xff\xff\xff\xff"
                        + b"\xff\xff\xff\x7f" + bytes(6))):
        cases.append(Case(f"xlsx-{name}", data, ".xlsx"))
    return cases


def db_hash(db: Path) -> str:
    """The database file's hash, its write-ahead log included (what a refused import must not change)."""
    import hashlib

    digest = hashlib.sha256()
    for part in (db, db.with_name(db.name + "-wal")):
        if part.exists():
            digest.update(part.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def corpus() -> tuple[Case, ...]:
    cases = json_cases() + xlsx_cases()
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return tuple(cases)
