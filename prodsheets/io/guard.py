"""What is safe to hand to the reader: a sheet's real extent, known before it is loaded.

calamine builds a sheet as one rectangle from its first to its last filled cell: an ``x``
typed in XFD1048576 asks for 17 billion cells and the process dies in native code, beyond
any ``try``. So an xlsx worksheet is first scanned here, as bytes, in chunks: where its
filled cells are (their own references, never the claimed ``<dimension>``), how many there
are, and whether a cell's text or a run of bytes is longer than a cell can hold.

* Within the limits, the file goes to calamine as it is (the common case: one pass of a
  few regular expressions over the XML).
* A sheet whose cells spread over far more than they fill (a stray value far below or to
  the right of the table) is read as the block that starts at its first filled cell: the
  far cells are blanked in a copy of the package, and said in one warning at their place.
* Beyond the documented limits (:data:`LIMITS`), the sheet is not handed to the reader: a
  finding says where, and the production counts as unreadable (exit 2).
"""

from __future__ import annotations

import itertools
import os
import re
import tempfile
import zipfile
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

MAX_ROWS = 1_048_576  # Excel's sheet: rows …
MAX_COLUMNS = 16_384  # … and columns (A to XFD)
MAX_CELL_CHARS = 32_767  # Excel's longest text in a cell
MAX_CELLS = 4_000_000  # filled cells read from one sheet (about 1 GiB at most, all told)
MAX_UNPACKED = 1024**3  # an xlsx/xlsm/xlsb/ods package, unpacked
BLOCK_FLOOR = 1_000_000  # a sheet spanning this many cells is read whole, however sparse
BLOCK_RATIO = 4  # … and one spanning up to this many times its filled cells
MAX_BLOCK = 10_000_000  # the largest rectangle handed to the reader
# The longest run of bytes between two '<' a cell's text can take: 32,767 characters of up
# to 10 bytes each once escaped (&#x10FFFF;). Anything longer is not a cell's text.
MAX_RUN = MAX_CELL_CHARS * 10
CHUNK = 8 * 1024 * 1024
FAR_LISTED = 1000  # far cells named one by one in a finding's locations
MIN_GAP = 50  # blank rows or columns between the table and the far cells left out

LIMITS = {
    "rows": MAX_ROWS,
    "columns": MAX_COLUMNS,
    "cell_chars": MAX_CELL_CHARS,
    "cells": MAX_CELLS,
    "unpacked": MAX_UNPACKED,
}


@dataclass
class Problem:
    """Why a sheet or package cannot be handed to the reader, and where."""

    what: str  # "rows", "columns", "cells", "cell_chars", "run", "unpacked", "spread"
    found: int
    limit: int
    cell: tuple[int, int] | None = None  # 0-based (row, column), when a cell is to blame


@dataclass
class SheetScan:
    """A worksheet's filled cells as found in its XML, before any reader sees it."""

    count: int = 0
    rows: array[int] = field(default_factory=lambda: array("l"))  # by the precise pass only
    cols: array[int] = field(default_factory=lambda: array("l"))
    first: tuple[int, int] | None = None
    min_row: int = MAX_ROWS
    max_row: int = -1
    min_col: int = MAX_COLUMNS
    max_col: int = -1
    problem: Problem | None = None

    @property
    def area(self) -> int:
        if self.max_row < 0:
            return 0
        return (self.max_row - self.min_row + 1) * (self.max_col - self.min_col + 1)


@dataclass
class Plan:
    """What to hand the reader: the sheet as it is, a block of it, or nothing."""

    problem: Problem | None = None
    block: tuple[int, int, int, int] | None = None  # rows r0..r1, columns c0..c1 (0-based)
    far: list[tuple[int, int]] = field(default_factory=list)  # cells left out (the first ones)
    far_count: int = 0
    kept: int = 0  # filled cells read
    span: int = 0  # the rectangle the whole sheet would have taken


def budget(count: int) -> int:
    """The largest rectangle read for a sheet of ``count`` filled cells."""
    return min(MAX_BLOCK, max(BLOCK_FLOOR, BLOCK_RATIO * count))


# --- the package ----------------------------------------------------------------------


def check_package(z: zipfile.ZipFile, lazy: set[str] = frozenset()) -> Problem | None:  # type: ignore[assignment]
    """The package's unpacked size, and every part read on opening it (not ``lazy`` ones).

    calamine reads the shared strings, styles and workbook parts as soon as it opens the
    file: a 1.5 GiB text there would be loaded whole.
    """
    infos = z.infolist()
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        return Problem("unpacked", total, MAX_UNPACKED)
    for info in infos:
        name = info.filename.replace("\\", "/")
        if name in lazy or info.is_dir() or not name.lower().endswith((".xml", ".rels")):
            continue
        if info.file_size <= MAX_RUN:
            continue  # too small to hold a run longer than a cell
        run = longest_run(_chunks(z, info))
        if run > MAX_RUN:
            return Problem("run", run, MAX_RUN)
    return None


def _chunks(z: zipfile.ZipFile, member: str | zipfile.ZipInfo) -> Iterator[bytes]:
    with z.open(member) as fh:
        while chunk := fh.read(CHUNK):
            yield chunk


def longest_run(chunks: Iterator[bytes], stop: int = MAX_RUN) -> int:
    """The longest stretch of bytes without a '<' (a text, a tag), stopping past ``stop``."""
    longest = since = 0
    for chunk in chunks:
        first = chunk.find(b"<")
        if first < 0:
            since += len(chunk)
            longest = max(longest, since)
            if longest > stop:
                return longest
            continue
        longest = max(longest, since + first)
        m = re.search(rb"<[^<]{%d}" % (stop + 1), chunk)
        if m is not None:
            return max(longest, stop + 1)
        since = len(chunk) - chunk.rfind(b"<") - 1
        if longest > stop:
            return longest
    return max(longest, since)


# --- one worksheet ----------------------------------------------------------------------

# The regular form every writer we know uses: each cell starts with its reference.
_LETTERS = re.compile(rb'<c r="([A-Z]{1,3})[0-9]{1,7}"')
_DIGITS = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')
NUMPY_FROM = 20_000  # cells in a chunk: below, NumPy's import costs more than it saves


def _extremes(digits: list[bytes]) -> tuple[int, int]:
    """The smallest and largest row number of a chunk's references, at C speed."""
    if len(digits) < NUMPY_FROM:
        rows = [int(d) for d in set(digits)]
        return min(rows), max(rows)
    import numpy as np

    parsed = np.array(digits, dtype="S7").astype(np.int64)
    return int(parsed.min()), int(parsed.max())


# Any form: a row or a cell, opening, closing or empty, with or without a prefix.
_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(row|c|v|is)(?=[\s/>])([^>]*?)(/?)>")
_R_ATTR = re.compile(rb'(?:^|\s)r\s*=\s*["\']([^"\']*)["\']')
_REF = re.compile(rb"([A-Za-z]*)([0-9]*)")


def col_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


class _Cut:
    """A part's bytes in chunks cut before the last cell or row start, so that a cell is
    never split between two chunks; stops at the first run longer than a cell can hold.

    After the iteration, ``long_run`` holds (its length, in characters when it is a
    text, and whether it was found) and the last chunk yielded ends where it starts.
    """

    def __init__(self, z: zipfile.ZipFile, part: str, runs: bool = True) -> None:
        self.z, self.part = z, part
        self.runs = runs  # False: the caller measures the runs inside each chunk itself
        self.long_run = 0
        self.in_text = False

    def __iter__(self) -> Iterator[bytes]:
        carry = b""
        since = 0  # bytes since the last '<', across chunks
        for chunk in _chunks(self.z, self.part):
            first = chunk.find(b"<")
            if first < 0 or since + first > MAX_RUN:
                since += len(chunk) if first < 0 else first
                if since > MAX_RUN:
                    self.long_run = since
                    yield carry + chunk[: max(first, 0)]
                    return
            buf = carry + chunk
            long = self._long_run(buf) if self.runs else None
            if long is not None:
                yield buf[:long]
                return
            since = len(chunk) - chunk.rfind(b"<") - 1 if first >= 0 else since
            cut = max(buf.rfind(b"<c "), buf.rfind(b"<c>"), buf.rfind(b"<row"), buf.rfind(b":c "))
            cut = buf.rfind(b"<", 0, cut + 1) if cut > 0 else buf.rfind(b"<")
            if cut <= 0 or len(buf) - cut > 4 * CHUNK:
                cut = len(buf)
            yield buf[:cut]
            carry = buf[cut:]
        if carry:
            yield carry

    def _long_run(self, buf: bytes) -> int | None:
        """Where the first run longer than a cell's text starts in ``buf``, if any."""
        if len(buf) <= MAX_CELL_CHARS:
            return None
        for m in re.finditer(rb"<[^<]{%d,}" % MAX_CELL_CHARS, buf):
            run = m[0]
            if len(run) > MAX_RUN:
                self.long_run = len(run)
                return m.start()
            text = run[run.find(b">") + 1 :] if b">" in run else run
            chars = len(_xml_text(text))
            if chars > MAX_CELL_CHARS:
                self.long_run, self.in_text = chars, True
                return m.start()
        return None


def _xml_text(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    if "&" not in text:
        return text
    import html

    return html.unescape(text)


def _run_problem(cut: _Cut, last: bytes, state: list[int]) -> Problem:
    """The over-long run as a problem, at the cell it sits in when it is in one."""
    cell = _open_cell(last, state)
    if cut.in_text:  # counted in characters
        return Problem("cell_chars", cut.long_run, MAX_CELL_CHARS, cell)
    return Problem("run", cut.long_run, MAX_RUN, cell)


def scan_sheet(z: zipfile.ZipFile, part: str) -> SheetScan:
    """Where a worksheet's filled cells are, by a fast pass, or a precise one when needed."""
    scan = _fast_scan(z, part)
    if scan is None or (scan.problem is None and scan.area > budget(scan.count)):
        scan = _precise_scan(z, part)
    return scan


def _fast_scan(z: zipfile.ZipFile, part: str) -> SheetScan | None:
    """The regular form only (``<c r="B7" …>``): None as soon as a chunk is not in it.

    Every cell tag counts here, an empty one (``<c r="B7" s="1"/>``) too: the rectangle
    found holds calamine's, which the budget (at most :data:`MAX_BLOCK`) then bounds.
    """
    scan = SheetScan()
    maybe_empty = 0
    cut = _Cut(z, part)
    for buf in cut:
        if b"<c>" in buf or b":c " in buf or b":c>" in buf or b"<c/" in buf:
            return None
        letters = _LETTERS.findall(buf)
        if len(letters) != buf.count(b"<c "):
            return None
        if not letters:
            continue
        digits = _DIGITS.findall(buf)
        if len(digits) != len(letters):
            return None
        scan.count += len(letters)
        cols = [col_number(x) - 1 for x in set(letters)]
        low, high = _extremes(digits)
        if scan.first is None:
            scan.first = (int(digits[0]) - 1, col_number(letters[0]) - 1)
        scan.min_row, scan.max_row = min(scan.min_row, low - 1), max(scan.max_row, high - 1)
        scan.min_col, scan.max_col = min(scan.min_col, min(cols)), max(scan.max_col, max(cols))
        maybe_empty += buf.count(b'"/>')  # at most this many empty cells (<c r="B7" s="1"/>)
        if scan.count - maybe_empty > MAX_CELLS:  # past the limit whatever the empty ones
            scan.problem = Problem("cells", scan.count - maybe_empty, MAX_CELLS)
            return scan
        if scan.max_row >= MAX_ROWS or scan.max_col >= MAX_COLUMNS or scan.count > MAX_CELLS:
            return None  # perhaps empty cells: the precise pass counts and says where
    if cut.long_run:
        return None  # the precise pass names the cell
    return scan


def iter_cells(buf: bytes, state: list[int]) -> Iterator[tuple[int, int, bool, int, int]]:
    """Each cell of a chunk as calamine places it: (row, column, filled, start, end).

    ``state`` is [row index, column index], carried from chunk to chunk: a row without
    ``r`` follows the previous one, a cell without ``r`` the previous cell (as calamine
    counts them). An empty cell tag (``<c …/>``) is not a cell for calamine.
    """
    cell: list[int] | None = None  # row, column, start, filled
    for m in _TAG.finditer(buf):
        closing, name, attrs, empty = m[1], m[2], m[3], m[4]
        if name == b"row":
            if closing:
                state[0] += 1
                state[1] = 0
            elif not empty:
                r = _R_ATTR.search(attrs)
                if r is not None:
                    _, digits = _ref(r[1])
                    if digits:
                        state[0] = int(digits) - 1
        elif name == b"c":
            if closing:
                if cell is not None:
                    yield cell[0], cell[1], bool(cell[3]), cell[2], m.end()
                    cell = None
                continue
            if empty:
                continue
            r = _R_ATTR.search(attrs)
            if r is not None:
                letters, digits = _ref(r[1])
                row = int(digits) - 1 if digits else state[0]
                col = col_number(letters) - 1 if letters else state[1]
                state[1] = col
            else:
                row, col = state[0], state[1]
            state[1] += 1
            cell = [row, col, m.start(), 0]
        elif cell is not None and not closing and not empty:  # <v> or <is> inside a cell
            cell[3] = 1


def _ref(raw: bytes) -> tuple[bytes, bytes]:
    m = _REF.fullmatch(raw)
    return (m[1], m[2]) if m else (b"", b"")


def _precise_scan(z: zipfile.ZipFile, part: str) -> SheetScan:
    scan = SheetScan()
    state = [0, 0]
    cut = _Cut(z, part)
    last = b""
    for buf in cut:
        last = buf
        before = list(state)
        for row, col, filled, _, _ in iter_cells(buf, state):
            if not filled:
                continue
            if row >= MAX_ROWS or col >= MAX_COLUMNS or row < 0 or col < 0:
                what = "rows" if row >= MAX_ROWS or row < 0 else "columns"
                found = row + 1 if what == "rows" else col + 1
                limit = MAX_ROWS if what == "rows" else MAX_COLUMNS
                scan.problem = Problem(what, found, limit)
                return scan
            scan.count += 1
            if scan.count > MAX_CELLS:
                scan.problem = Problem("cells", scan.count, MAX_CELLS)
                return scan
            if scan.first is None:
                scan.first = (row, col)
            scan.rows.append(row)
            scan.cols.append(col)
        if cut.long_run:
            scan.problem = _run_problem(cut, last, before)
            return scan
    if scan.rows:
        scan.min_row, scan.max_row = min(scan.rows), max(scan.rows)
        scan.min_col, scan.max_col = min(scan.cols), max(scan.cols)
    return scan


def _open_cell(buf: bytes, state: list[int]) -> tuple[int, int] | None:
    """The cell left open at the end of ``buf`` (its start tag seen, not its end tag)."""
    found = None
    for m in _TAG.finditer(buf):
        closing, name, attrs, empty = m[1], m[2], m[3], m[4]
        if name == b"row" and not empty:
            if closing:
                state[0] += 1
                state[1] = 0
            else:
                r = _R_ATTR.search(attrs)
                if r is not None and _ref(r[1])[1]:
                    state[0] = int(_ref(r[1])[1]) - 1
        elif name == b"c" and not empty:
            if closing:
                found = None
                continue
            r = _R_ATTR.search(attrs)
            letters, digits = _ref(r[1]) if r is not None else (b"", b"")
            row = int(digits) - 1 if digits else state[0]
            col = col_number(letters) - 1 if letters else state[1]
            state[1] = col + 1
            found = (row, col)
    return found


def plan(scan: SheetScan) -> Plan:
    """The sheet as it is, the block that starts at its first filled cell, or a refusal."""
    if scan.problem is not None:
        return Plan(problem=scan.problem)
    if scan.area <= budget(scan.count):
        return Plan()
    assert scan.first is not None
    allowed = budget(scan.count)
    cells = list(zip(scan.rows, scan.cols, strict=True))
    r0, c0, r1, c1 = scan.min_row, scan.min_col, scan.max_row, scan.max_col
    # Cut at the widest blank gap (rows or columns) until the block fits, keeping the
    # side that holds the sheet's first filled cell.
    while (r1 - r0 + 1) * (c1 - c0 + 1) > allowed:
        cuts = []
        for axis in (0, 1):
            gap = _widest_gap(sorted({cell[axis] for cell in cells}))
            if gap is not None:
                other = (c1 - c0 + 1) if axis == 0 else (r1 - r0 + 1)
                cuts.append(((gap[1] - gap[0]) * other, axis, gap))
        if not cuts or max(cuts)[2][1] - max(cuts)[2][0] <= MIN_GAP:
            return Plan(problem=Problem("spread", (r1 - r0 + 1) * (c1 - c0 + 1), allowed))
        _, axis, (low, _) = max(cuts)
        keep_low = scan.first[axis] <= low
        cells = [c for c in cells if (c[axis] <= low) == keep_low]
        r0, r1 = min(c[0] for c in cells), max(c[0] for c in cells)
        c0, c1 = min(c[1] for c in cells), max(c[1] for c in cells)
    far = [
        (r, c)
        for r, c in zip(scan.rows, scan.cols, strict=True)
        if not (r0 <= r <= r1 and c0 <= c <= c1)
    ]
    return Plan(
        block=(r0, c0, r1, c1),
        far=far[:FAR_LISTED],
        far_count=len(far),
        kept=scan.count - len(far),
        span=scan.area,
    )


def _widest_gap(values: list[int]) -> tuple[int, int] | None:
    """The two neighbours with the most blank lines between them: (last before, first after)."""
    best, width = None, 0
    for a, b in itertools.pairwise(values):
        if b - a > width:
            best, width = (a, b), b - a
    return best


# --- a copy without the far cells ---------------------------------------------------------

_EMPTY_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData/></worksheet>"
)


def trimmed_copy(
    z: zipfile.ZipFile, part: str, block: tuple[int, int, int, int], sheets: set[str]
) -> Path:
    """A temporary copy of the package whose sheet ``part`` keeps only ``block``'s values.

    A far cell keeps its tag, so the cells after it keep their places, but loses its
    value (``<c r="XFD1048576" t="s"></c>``); the other worksheets are left empty, as
    only this one is read from the copy. The caller deletes the file.
    """
    r0, c0, r1, c1 = block
    fd, name = tempfile.mkstemp(prefix="prodsheets-", suffix=".xlsx")
    os.close(fd)
    try:
        with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
            for info in z.infolist():
                member = info.filename
                if member == part:
                    with out.open(member, "w", force_zip64=True) as fh:
                        state = [0, 0]
                        for buf in _Cut(z, part):
                            at = 0
                            for row, col, filled, start, end in iter_cells(buf, state):
                                if filled and not (r0 <= row <= r1 and c0 <= col <= c1):
                                    fh.write(buf[at:start])
                                    fh.write(_emptied(buf[start:end]))
                                    at = end
                            fh.write(buf[at:])
                elif member.replace("\\", "/") in sheets:
                    out.writestr(member, _EMPTY_SHEET)
                else:
                    with z.open(info) as src, out.open(member, "w", force_zip64=True) as fh:
                        while chunk := src.read(CHUNK):
                            fh.write(chunk)
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def _emptied(cell: bytes) -> bytes:
    """``<c r="X9" t="s"><v>3</v></c>`` → ``<c r="X9" t="s"></c>`` (prefix kept)."""
    head_end = cell.find(b">") + 1
    tail = cell.rfind(b"</")
    return cell[:head_end] + cell[tail:]


# --- .ods, .xls and .xlsb: the same bounds, found in their own formats ----------------------
#
# calamine reads every sheet of an .ods or .xls as soon as it opens the file, so these are
# scanned whole before it does; an .xlsb sheet is scanned when it is read. No copy is made
# without their far cells (their formats do not lend themselves to it): a sheet whose
# values spread past the budget is refused at its farthest cell (saved as .xlsx, the same
# sheet is read with the far cells left out).


@dataclass
class Extent:
    """A sheet's filled cells as found by a scan: how many, their rectangle, the farthest."""

    sheet: str
    count: int = 0
    min_row: int = MAX_ROWS
    max_row: int = -1
    min_col: int = MAX_COLUMNS
    max_col: int = -1
    farthest: tuple[int, int] | None = None
    problem: Problem | None = None

    def add(self, row: int, col: int, rows: int = 1, cols: int = 1) -> None:
        """``rows`` × ``cols`` filled cells from (row, col): a repeated ODS cell or row."""
        self.count += rows * cols
        last_row, last_col = row + rows - 1, col + cols - 1
        self.min_row, self.max_row = min(self.min_row, row), max(self.max_row, last_row)
        self.min_col, self.max_col = min(self.min_col, col), max(self.max_col, last_col)
        if self.farthest is None or last_row + last_col > sum(self.farthest):
            self.farthest = (last_row, last_col)

    @property
    def area(self) -> int:
        if self.max_row < 0:
            return 0
        return (self.max_row - self.min_row + 1) * (self.max_col - self.min_col + 1)

    def judge(self) -> Problem | None:
        """The problem of this sheet, if any, with its place."""
        if self.problem is not None:
            return self.problem
        if self.max_row >= MAX_ROWS:
            return Problem("rows", self.max_row + 1, MAX_ROWS, self.farthest)
        if self.max_col >= MAX_COLUMNS:
            return Problem("columns", self.max_col + 1, MAX_COLUMNS, self.farthest)
        if self.count > MAX_CELLS:
            return Problem("cells", self.count, MAX_CELLS)
        if self.area > budget(self.count):
            return Problem("whole", self.area, budget(self.count), self.farthest)
        return None


def judge_all(extents: list[Extent]) -> tuple[str, Problem] | None:
    """The first sheet past a limit; also, read all at once, the sheets together."""
    for extent in extents:
        problem = extent.judge()
        if problem is not None:
            return extent.sheet, problem
    total = sum(e.area for e in extents)
    if total > MAX_BLOCK and extents:
        widest = max(extents, key=lambda e: e.area)
        return widest.sheet, Problem("whole", total, MAX_BLOCK, widest.farthest)
    return None


_ODS_TAG = re.compile(
    rb"<(/?)table:(table|table-row|table-cell|covered-table-cell)(?=[\s/>])([^>]*?)(/?)>"
)
_ODS_ATTR = re.compile(rb'([\w:.-]+)\s*=\s*"([^"]*)"')


def scan_ods(z: zipfile.ZipFile) -> list[Extent]:
    """Each table of content.xml, repeated rows and cells counted as calamine expands them."""
    extents: list[Extent] = []
    extent: Extent | None = None
    row = col = 0
    row_repeat = 1
    pending: list[tuple[int, int]] = []  # filled cells of the current row: (column, repeat)
    cut = _Cut(z, "content.xml")
    for buf in cut:
        for m in _ODS_TAG.finditer(buf):
            closing, name, attrs, empty = m[1], m[2], m[3], m[4]
            if name == b"table":
                if closing:
                    extent = None
                else:
                    found = dict(_ODS_ATTR.findall(attrs))
                    extent = Extent(_xml_text(found.get(b"table:name", b"")))
                    extents.append(extent)
                    row = 0
                continue
            if extent is None:
                continue
            if name == b"table-row":
                if closing or empty:
                    if not closing:
                        row_repeat = _repeat(attrs, b"table:number-rows-repeated")
                        pending = []
                    for c, repeat in pending:
                        extent.add(row, c, min(row_repeat, MAX_ROWS), repeat)
                        if extent.count > MAX_CELLS:
                            return extents
                    row += row_repeat
                    pending = []
                else:
                    row_repeat = _repeat(attrs, b"table:number-rows-repeated")
                    col, pending = 0, []
                continue
            if closing:
                continue
            repeat = min(_repeat(attrs, b"table:number-columns-repeated"), MAX_COLUMNS)
            if not empty or b"office:value-type" in attrs:
                pending.append((col, repeat))
            col += repeat
        if cut.long_run:
            if extent is not None:
                extent.problem = Problem("run", cut.long_run, MAX_RUN)
            break
    return extents


def _repeat(attrs: bytes, name: bytes) -> int:
    m = re.search(name + rb'\s*=\s*"([0-9]{1,12})"', attrs)
    return max(1, int(m[1])) if m else 1


# BIFF8 (and BIFF5) records that hold a cell calamine reads, with (row, column) first.
_XLS_CELLS = {0x0203, 0x0204, 0x00FD, 0x027E, 0x0205, 0x0006, 0x00D6}
_XLS_MULRK = 0x00BD


def scan_xls(path: Path) -> list[Extent]:
    """Each sheet of an Excel 97-2003 workbook, from its records (via olefile)."""
    import struct

    import olefile

    with olefile.OleFileIO(str(path)) as ole:
        name = next(
            (n for n in ("Workbook", "Book", "WORKBOOK", "BOOK") if ole.exists(n)),
            None,
        )
        if name is None:
            return []
        data = ole.openstream(name).read()
    extents: list[Extent] = []
    positions: dict[int, str] = {}
    pos, depth = 0, 0
    extent: Extent | None = None
    size = len(data)
    while pos + 4 <= size:
        kind, length = struct.unpack_from("<HH", data, pos)
        body = pos + 4
        if kind == 0x002F:  # FILEPASS: what follows is encrypted, calamine refuses it
            return []
        if kind == 0x0809:  # BOF: a substream begins
            depth += 1
            extent = None
            if depth == 1 and pos in positions:
                extent = Extent(positions[pos])
                extents.append(extent)
        elif kind == 0x000A:  # EOF
            depth = max(0, depth - 1)
            extent = None
        elif kind == 0x0085 and length >= 8:  # BOUNDSHEET: where a sheet begins, its name
            offset = struct.unpack_from("<I", data, body)[0]
            positions[offset] = _xls_sheet_name(data[body + 6 : body + length])
        elif extent is not None and depth == 1 and length >= 4:
            if kind in _XLS_CELLS:
                row, col = struct.unpack_from("<HH", data, body)
                extent.add(row, col)
            elif kind == _XLS_MULRK and length >= 6:
                row, first = struct.unpack_from("<HH", data, body)
                last = struct.unpack_from("<H", data, body + length - 2)[0]
                if last >= first:
                    extent.add(row, first, 1, last - first + 1)
        pos = body + length
    return extents


def _xls_sheet_name(raw: bytes) -> str:
    """A ShortXLUnicodeString: length, flags, then Latin-1 or UTF-16 characters."""
    if len(raw) < 2:
        return ""
    count, wide = raw[0], raw[1] & 1
    text = raw[2 : 2 + count * (2 if wide else 1)]
    return text.decode("utf-16-le" if wide else "latin-1", "replace")


def scan_xlsb(z: zipfile.ZipFile, part: str, sheet: str) -> Extent:
    """An .xlsb worksheet, from its records (BrtRowHdr and the cell records)."""
    import struct

    extent = Extent(sheet)
    data = z.read(part) if z.getinfo(part).file_size <= MAX_UNPACKED else b""
    pos, size, row = 0, len(data), 0
    while pos < size:
        kind = data[pos]
        pos += 1
        if kind & 0x80:
            if pos >= size:
                break
            kind = (kind & 0x7F) + ((data[pos] & 0x7F) << 7)
            pos += 1
        length, shift = 0, 0
        for _ in range(4):
            if pos >= size:
                break
            b = data[pos]
            pos += 1
            length += (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                break
        if kind == 0x0000 and length >= 4:  # BrtRowHdr
            row = struct.unpack_from("<I", data, pos)[0]
        elif 0x0002 <= kind <= 0x000B and length >= 4 and row <= MAX_ROWS:
            col = struct.unpack_from("<I", data, pos)[0]
            extent.add(row, col)
            if extent.count > MAX_CELLS:
                break
        elif kind == 0x0092:  # BrtEndSheetData
            break
        pos += length
    return extent


def xlsb_sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → worksheet part of an .xlsb: BrtBundleSh records, then the relationships."""
    import struct

    names = {n.lower(): n for n in z.namelist()}
    book = names.get("xl/workbook.bin")
    rels = names.get("xl/_rels/workbook.bin.rels")
    if book is None or rels is None:
        return {}
    targets = {}
    for m in re.finditer(rb"<(?:\w+:)?Relationship\b([^>]*)>", z.read(rels)):
        attrs = dict(re.findall(rb'(\w+)\s*=\s*"([^"]*)"', m[1]))
        if b"Id" in attrs and b"Target" in attrs:
            target = attrs[b"Target"].decode("utf-8", "replace").lstrip("/")
            target = target if target.startswith("xl/") else "xl/" + target
            targets[attrs[b"Id"].decode("utf-8", "replace")] = names.get(target.lower(), target)
    data = z.read(book)
    parts: dict[str, str] = {}
    pos = 0
    while pos < len(data):
        kind = data[pos]
        pos += 1
        if kind & 0x80 and pos < len(data):
            kind = (kind & 0x7F) + ((data[pos] & 0x7F) << 7)
            pos += 1
        length, shift = 0, 0
        for _ in range(4):
            if pos >= len(data):
                break
            b = data[pos]
            pos += 1
            length += (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                break
        if kind == 0x009C and length >= 12:  # BrtBundleSh
            body = data[pos : pos + length]
            count = struct.unpack_from("<I", body, 8)[0]
            at = 12
            rel = ""
            if count != 0xFFFFFFFF:
                rel = body[at : at + 2 * count].decode("utf-16-le", "replace")
                at += 2 * count
            if at + 4 <= len(body):
                count = struct.unpack_from("<I", body, at)[0]
                name = body[at + 4 : at + 4 + 2 * count].decode("utf-16-le", "replace")
                if rel in targets:
                    parts[name] = targets[rel]
        pos += length
    return parts
