"""Hostile files built in memory: zip bombs, XML bombs, broken workbooks and exchange files.

Shared by the hostile-input tests and ``benchmarks/bench_hostile.py``. Every builder returns
bytes; nothing is downloaded and nothing large is kept on disk.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
MiB = 1024 * 1024


def export_bytes(form: object) -> bytes:
    """A real workbook written by our exporter, its sheets in the standard library's XML form.

    openpyxl writes through lxml when it is installed (Chinese as ``&#21271;`` character
    references, ``<c …></c>``) and through the standard library otherwise (UTF-8 text,
    ``<c … />``). The hostile builders patch the sheet's text, so it is rewritten here in one
    form whichever writer made it; the workbook reads back the same either way.
    """
    import tempfile
    from pathlib import Path

    from jixiao_desktop.exporters.xlsx import export_xlsx

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.xlsx"
        export_xlsx(form, path)  # type: ignore[arg-type]
        data = path.read_bytes()
    members = members_of(data)
    for name in members:
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            members[name] = stdlib_xml(members[name])
    return zip_of(members)


# The prefixes openpyxl's sheets use, kept as they are when the standard library rewrites them.
_PREFIXES = {
    "": NS,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "x14ac": "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
}


def stdlib_xml(data: bytes) -> bytes:
    """``data`` parsed and written again by ``xml.etree`` (UTF-8 text, ``<a />`` for empty elements)."""
    from xml.etree import ElementTree

    for prefix, uri in _PREFIXES.items():
        ElementTree.register_namespace(prefix, uri)
    root = ElementTree.fromstring(data)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def zip_of(members: dict[str, bytes] | Iterable[tuple[str, bytes]], *,
           method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of the members (a list of pairs allows duplicate names)."""
    pairs = members.items() if isinstance(members, dict) else members
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as zf:
        for name, data in pairs:
            if name in zf.NameToInfo:
                import warnings

                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    zf.writestr(name, data)
            else:
                zf.writestr(name, data)
    return buffer.getvalue()


def rezip(data: bytes, *, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
          method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The workbook with some members replaced or added, recompressed with ``method``."""
    members = members_of(data)
    members.update(replace or {})
    members.update(add or {})
    return zip_of(members, method=method)


def bomb(size: int, *, method: int = zipfile.ZIP_DEFLATED, name: str = STRINGS,
         base: bytes | None = None, byte: bytes = b"a") -> bytes:
    """A zip whose member ``name`` inflates to ``size`` bytes of one byte, written in chunks
    so that the bomb itself never sits in memory."""
    buffer = io.BytesIO()
    members = members_of(base) if base else {}
    members.pop(name, None)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for other, content in members.items():
            zf.writestr(other, content)
        info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
        info.compress_type = method
        info.file_size = size
        chunk = byte * MiB
        with zf.open(info, "w", force_zip64=size >= 2**31) as out:
            left = size
            while left > 0:
                out.write(chunk[:min(left, MiB)])
                left -= MiB
    return buffer.getvalue()


def _patch(data: bytes, name: str, *, file_size: int | None = None, compress_type: int | None = None,
           flag_bits: int | None = None) -> bytes:
    """Rewrite fields of ``name``'s local header and central-directory entry."""
    out = bytearray(data)
    encoded = name.encode("utf-8")
    # (signature, offset of the name length, of the name, of flags, of method, of file size)
    for signature, len_at, name_at, flags_at, method_at, size_at in (
            (b"PK\x03\x04", 26, 30, 6, 8, 22), (b"PK\x01\x02", 28, 46, 8, 10, 24)):
        pos = 0
        while (pos := out.find(signature, pos)) >= 0:
            name_len = struct.unpack_from("<H", out, pos + len_at)[0]
            if bytes(out[pos + name_at:pos + name_at + name_len]) == encoded:
                for value, at, fmt in ((file_size, size_at, "<L"), (compress_type, method_at, "<H"),
                                       (flag_bits, flags_at, "<H")):
                    if value is not None:
                        struct.pack_into(fmt, out, pos + at, value)
            pos += 4
    return bytes(out)


def declared_size(data: bytes, name: str, size: int) -> bytes:
    """The member declares ``size`` bytes inflated, whatever it really holds."""
    return _patch(data, name, file_size=size)


def method_id(data: bytes, name: str, method: int) -> bytes:
    """The member claims a compression method (Deflate64, PPMd, …) it was not written with."""
    return _patch(data, name, compress_type=method)


def encrypted(data: bytes, name: str) -> bytes:
    return _patch(data, name, flag_bits=0x1)


def many_members(count: int, base: bytes | None = None) -> bytes:
    members = members_of(base) if base else {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
        for i in range(count):
            zf.writestr(f"xl/media/p{i}.bin", b"")
    return buffer.getvalue()


def nested_zip(depth: int, inner: bytes) -> bytes:
    """A zip in a zip … ``depth`` times (``42.zip`` style), as an embedding of a workbook."""
    data = inner
    for level in range(depth):
        data = zip_of({f"xl/embeddings/level{level}.xlsx": data})
    return data


def overlapping(base: bytes, copies: int = 50) -> bytes:
    """Many central-directory entries pointing at the same compressed data (Fifield's bomb)."""
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        infos = zf.infolist()
    data = bytearray(base)
    cd_start = data.find(b"PK\x01\x02")
    eocd = data.rfind(b"PK\x05\x06")
    directory = bytes(data[cd_start:eocd])
    first_len = 46 + sum(struct.unpack_from("<HHH", directory, 28))
    first = directory[:first_len]
    extra_entries = bytearray()
    for i in range(copies):
        entry = bytearray(first)
        name_len = struct.unpack_from("<H", entry, 28)[0]
        new_name = f"x{i:0{max(name_len - 1, 1)}d}".encode()[:name_len]
        entry[46:46 + name_len] = new_name
        extra_entries += entry
    new_directory = directory + bytes(extra_entries)
    total = len(infos) + copies
    tail = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, total, total, len(new_directory), cd_start, 0)
    return bytes(data[:cd_start]) + new_directory + tail


def path_members(base: bytes, name: str) -> bytes:
    return rezip(base, add={name: b"<x/>"})


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + f']><worksheet xmlns="{NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c>'
    "</row></sheetData></worksheet>"
)

XXE = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    f'<worksheet xmlns="{NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c>'
    "</row></sheetData></worksheet>"
)

XXE_PARAMETER = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>'
    f'<worksheet xmlns="{NS}"><sheetData/></worksheet>'
)

QUADRATIC = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "' + "a" * 50_000 + '">]>'
    f'<worksheet xmlns="{NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
    + "&a;" * 5_000 + "</t></is></c></row></sheetData></worksheet>"
)


def utf16(text: str) -> bytes:
    return b"\xff\xfe" + text.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>',
                                      1).encode("utf-16-le")


def deflate_raw_bomb(size: int) -> bytes:
    """A member body that inflates to ``size`` zero bytes (for ``open_member`` caps)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = bytearray()
    chunk = bytes(MiB)
    left = size
    while left > 0:
        out += comp.compress(chunk[:min(left, MiB)])
        left -= MiB
    out += comp.flush()
    return bytes(out)


def with_cell_text(base: bytes, old: str, new: str) -> bytes:
    """The workbook with the inline text ``old`` in its sheet replaced by ``new``."""
    members = members_of(base)
    sheet = members[SHEET].decode("utf-8")
    escaped = new.replace("&", "&amp;").replace("<", "&lt;")
    assert old in sheet, old
    members[SHEET] = sheet.replace(old, escaped, 1).encode("utf-8")
    return zip_of(members)
