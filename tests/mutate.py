"""Change a few cells of an xlsx workbook without touching anything else.

Hostile and careless cases are built from an example production changed by one to three
cells: the cell is rewritten in the worksheet's XML, every other part (cached formula
results, styles, comments) kept byte for byte, as Excel would leave it after one keystroke.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from prodsheets.findings import column_letter
from prodsheets.io.workbook import _sheet_parts

_CELL = re.compile(rb'<c r="([A-Z]+)([0-9]+)"([^>]*?)(?:/>|>.*?</c>)', re.S)
_ROW = re.compile(rb'<row r="([0-9]+)"[^>]*?(?:/>|>.*?</row>)', re.S)
EPOCH = dt.date(1899, 12, 30)


def col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def split_ref(ref: str) -> tuple[int, int]:
    """``"B7"`` → (row 7, column index 1)."""
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", ref)
    assert m, ref
    return int(m[2]), col_index(m[1])


def cell_xml(ref: str, value: Any, style: bytes = b"") -> bytes:
    """A cell holding ``value``: text inline (never a formula), numbers and dates as numbers."""
    r = ref.encode()
    if value is None:
        return b'<c r="' + r + b'"' + style + b"/>"
    if isinstance(value, bool):
        return (
            b'<c r="' + r + b'"' + style + b' t="b"><v>' + (b"1" if value else b"0") + b"</v></c>"
        )
    if isinstance(value, dt.date):
        value = (value - EPOCH).days
    if isinstance(value, dt.time):
        value = (value.hour * 3600 + value.minute * 60 + value.second) / 86400
    if isinstance(value, int | float):
        return b'<c r="' + r + b'"' + style + b"><v>" + repr(value).encode() + b"</v></c>"
    text = escape(str(value)).encode("utf-8")
    space = b' xml:space="preserve"' if text != text.strip() or b"\n" in text else b""
    return (
        b'<c r="'
        + r
        + b'"'
        + style
        + b' t="inlineStr"><is><t'
        + space
        + b">"
        + text
        + b"</t></is></c>"
    )


def set_cells(xml: bytes, changes: dict[str, Any]) -> bytes:
    """The worksheet's XML with each ``ref: value`` written (a cell's style is kept)."""
    for ref, value in changes.items():
        row, col = split_ref(ref)
        rows = {int(m[1]): m for m in _ROW.finditer(xml)}
        if row in rows:
            m = rows[row]
            body = m[0]
            cells = list(_CELL.finditer(body))
            same = [c for c in cells if col_index(c[1].decode()) == col]
            if same:
                c = same[0]
                style = re.search(rb'\ss="[0-9]+"', c[3])
                new = cell_xml(ref, value, style[0] if style else b"")
                body = body[: c.start()] + new + body[c.end() :]
            else:
                after = [c for c in cells if col_index(c[1].decode()) > col]
                new = cell_xml(ref, value)
                if body.endswith(b"/>"):
                    body = body[:-2] + b">" + new + b"</row>"
                else:
                    at = after[0].start() if after else body.rindex(b"</row>")
                    body = body[:at] + new + body[at:]
            xml = xml[: m.start()] + body + xml[m.end() :]
        else:
            new_row = b'<row r="' + str(row).encode() + b'">' + cell_xml(ref, value) + b"</row>"
            later = [m for r, m in rows.items() if r > row]
            if later:
                at = min(m.start() for m in later)
            elif b"<sheetData/>" in xml:
                xml = xml.replace(b"<sheetData/>", b"<sheetData></sheetData>")
                at = xml.index(b"</sheetData>")
            else:
                at = xml.index(b"</sheetData>")
            xml = xml[:at] + new_row + xml[at:]
    return xml


def rewrite(
    path: Path, parts: dict[str, bytes | Callable[[], Iterable[bytes]]], target: Path | None = None
) -> Path:
    """A copy of the package with some members replaced (in place without ``target``).

    A member is given as its bytes, or as a function yielding them piece by piece, so a
    part of a gigabyte is written without being held.
    """
    target = target or path
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            body = parts.get(info.filename)
            if body is None:
                out.writestr(info, src.read(info), zipfile.ZIP_DEFLATED)
            elif isinstance(body, bytes):
                out.writestr(info, body, zipfile.ZIP_DEFLATED)
            else:
                member = zipfile.ZipInfo(info.filename, info.date_time)
                member.compress_type = zipfile.ZIP_DEFLATED
                with out.open(member, "w", force_zip64=True) as fh:
                    for piece in body():
                        fh.write(piece)
    return target


def sheet_part(path: Path, sheet: str) -> str:
    with zipfile.ZipFile(path) as z:
        return _sheet_parts(z)[sheet]


def change_cells(path: Path, sheet: str, changes: dict[str, Any]) -> Path:
    """Write ``changes`` (ref → value) into ``sheet`` of the xlsx at ``path``, in place."""
    with zipfile.ZipFile(path) as z:
        part = _sheet_parts(z)[sheet]
        xml = z.read(part)
    return rewrite(path, {part: set_cells(xml, changes)})


def copy_production(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def cell_refs(path: Path, sheet: str) -> Iterable[tuple[str, bytes]]:
    """Every cell reference of a sheet with its XML, in order."""
    with zipfile.ZipFile(path) as z:
        xml = z.read(_sheet_parts(z)[sheet])
    for m in _CELL.finditer(xml):
        yield m[1].decode() + m[2].decode(), m[0]


def ref(row: int, col: int) -> str:
    """1-based row, 0-based column → ``"B7"``."""
    return f"{column_letter(col)}{row}"
