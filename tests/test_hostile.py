"""Careless and hostile workbooks: bounded memory and time, a finding at the right place.

Each case is an example production changed in one sheet: a keystroke far away, a sheet
that lies about its size, gigabytes of blanks, a cell too long to be one, millions of
cells. ``prodsheets check`` runs in a child process whose peak memory is measured
(``os.wait4``): none may pass its bound, and none may end without an answer.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mutate import change_cells, rewrite, sheet_part

EXAMPLE = Path(__file__).resolve().parent.parent / "workbooks" / "tournage-reunion"
MiB = 1024**2
HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


# A small Python runs the check and reports its peak memory: measured from pytest's own
# fork, the child's peak would count the pages it shares with pytest before exec.
LAUNCHER = """
import os, resource, subprocess, sys
limit = int(sys.argv[1])
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
child = subprocess.Popen(sys.argv[3:], preexec_fn=cap)
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[2], "w") as fh:
    fh.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss * 1024}")
"""


def run_check(production: Path, limit: int = 2 * 1024**3) -> tuple[int, dict, int]:  # type: ignore[type-arg]
    """Exit code, JSON answer and peak memory (bytes) of ``prodsheets check`` in a child."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "peak"
        command = [sys.executable, "-m", "prodsheets", "check", str(production), "--format", "json"]
        done = subprocess.run(
            [sys.executable, "-c", LAUNCHER, str(limit), str(report), *command],
            capture_output=True,
            env={**os.environ, "PRODSHEETS_DEBUG": ""},
            check=False,
        )
        code, peak = map(int, report.read_text().split())
    stderr = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr and code in (0, 1, 2), stderr[-2000:]
    return code, json.loads(done.stdout), peak


def codes(answer: dict) -> dict[str, list[str | None]]:  # type: ignore[type-arg]
    """code → the first location's cell of each finding with that code."""
    found: dict[str, list[str | None]] = {}
    for f in answer["findings"]:
        found.setdefault(f["code"], []).append(
            f["locations"][0]["cell"] if f["locations"] else None
        )
    return found


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "prod"))


def with_sheet(example: Path, rows: Callable[[], Iterator[bytes]], head: bytes = HEAD) -> Path:
    """The example whose Affectations sheet is replaced by the XML ``rows`` yields."""
    path = example / "schedule.xlsx"

    def body() -> Iterator[bytes]:
        yield head + b"<sheetData>"
        yield '<row r="1"><c r="A1" t="inlineStr"><is><t>Séquence</t></is></c>'.encode()
        yield b'<c r="B1" t="inlineStr"><is><t>Qui</t></is></c></row>'
        yield b'<row r="2"><c r="A2" t="inlineStr"><is><t>S01</t></is></c>'
        yield b'<c r="B2" t="inlineStr"><is><t>LUCIE</t></is></c></row>'
        yield from rows()
        yield b"</sheetData></worksheet>"

    rewrite(path, {sheet_part(path, "Affectations"): body})
    return example


BASE_PEAK = 200 * MiB  # the example's own check takes about 60 MiB


def test_one_keystroke_in_the_last_cell_costs_nothing(example: Path) -> None:
    change_cells(example / "schedule.xlsx", "Affectations", {"XFD1048576": "x"})
    code, answer, peak = run_check(example)
    assert code == 1  # the example's own errors, nothing more
    assert codes(answer)["PS150"] == ["XFD1048576"]
    assert peak < BASE_PEAK


@pytest.mark.parametrize("ref", ["XFD2000", "XFD20000", "Z900000", "AA1"])
def test_a_far_value_is_left_out_and_said_where_it_is(example: Path, ref: str) -> None:
    change_cells(example / "schedule.xlsx", "Affectations", {ref: "x"})
    code, answer, peak = run_check(example)
    assert code == 1
    assert codes(answer).get("PS150") == (None if ref == "AA1" else [ref])
    assert peak < BASE_PEAK


def test_a_sheet_that_claims_to_be_huge_is_read_as_it_is(example: Path) -> None:
    lying = HEAD + b'<dimension ref="A1:XFD1048576"/>'
    _, answer, peak = run_check(with_sheet(example, lambda: iter(()), lying))
    assert "PS150" not in codes(answer) and "PS020" not in codes(answer)
    assert peak < BASE_PEAK


def test_blank_formatted_cells_over_a_huge_area_cost_nothing(example: Path) -> None:
    def rows() -> Iterator[bytes]:
        for r in range(3, 60_000):
            yield f'<row r="{r}"><c r="A{r}" s="1"/><c r="XFD{r}" s="1"/></row>'.encode()

    _, answer, peak = run_check(with_sheet(example, rows))
    assert "PS150" not in codes(answer) and "PS020" not in codes(answer)
    assert peak < BASE_PEAK


@pytest.mark.slow
def test_a_workbook_that_unpacks_beyond_the_limit_is_not_opened(example: Path) -> None:
    def rows() -> Iterator[bytes]:
        blank = b" " * MiB + b"\n"
        for _ in range(1100):  # 1.1 GiB of spaces, in short lines between two rows
            yield b"<!---->" + blank

    code, answer, peak = run_check(with_sheet(example, rows))
    assert code == 2
    assert codes(answer).get("PS010") == [None]
    assert peak < BASE_PEAK


def test_a_run_of_blanks_no_cell_can_hold_is_refused(example: Path) -> None:
    code, answer, peak = run_check(with_sheet(example, lambda: iter([b" " * (50 * MiB)])))
    assert code == 2
    assert codes(answer)["PS020"] == [None]
    assert peak < BASE_PEAK


def test_a_cell_longer_than_a_cell_can_hold_is_refused_at_the_cell(example: Path) -> None:
    def rows() -> Iterator[bytes]:
        yield b'<row r="3"><c r="B3" t="inlineStr"><is><t>'
        for _ in range(50):
            yield b"x" * MiB
        yield b"</t></is></c></row>"

    code, answer, peak = run_check(with_sheet(example, rows))
    assert code == 2
    assert codes(answer)["PS021"] == ["B3"]
    assert peak < BASE_PEAK


def test_a_text_just_over_the_cell_limit_is_counted_in_characters(example: Path) -> None:
    text = "é" * 32_768  # two bytes each: 65,536 bytes, 32,768 characters
    change_cells(example / "schedule.xlsx", "Affectations", {"H5": text})
    code, answer, _ = run_check(example)
    assert code == 2
    assert codes(answer)["PS021"] == ["H5"]
    message = next(f["message"] for f in answer["findings"] if f["code"] == "PS021")
    assert re.search(r"32\W768 caract", message), message


def test_a_shared_text_no_cell_can_hold_keeps_the_workbook_closed(example: Path) -> None:
    path = example / "schedule.xlsx"

    def strings() -> Iterator[bytes]:
        yield b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
        yield b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
        for _ in range(50):
            yield b"y" * MiB
        yield b"</t></si></sst>"

    rewrite(path, {"xl/sharedStrings.xml": strings})
    code, answer, peak = run_check(example)
    assert code == 2
    assert codes(answer)["PS010"] == [None]
    assert peak < BASE_PEAK


@pytest.mark.slow
def test_more_cells_than_a_sheet_may_hold_are_refused_within_bounded_memory(
    example: Path,
) -> None:
    def rows() -> Iterator[bytes]:
        for r in range(3, 820_000):  # 5 filled cells a row: 4.1 million cells
            yield (
                f'<row r="{r}"><c r="C{r}"><v>1</v></c><c r="D{r}"><v>2</v></c>'
                f'<c r="E{r}"><v>3</v></c><c r="F{r}"><v>4</v></c><c r="G{r}"><v>5</v></c></row>'
            ).encode()

    code, answer, peak = run_check(with_sheet(example, rows))
    assert code == 2
    assert codes(answer)["PS020"] == [None]
    assert peak < 1024 * MiB


@pytest.mark.slow
def test_values_spread_thin_over_a_huge_area_are_refused(example: Path) -> None:
    def rows() -> Iterator[bytes]:
        from prodsheets.findings import column_letter

        letters = [column_letter(c) for c in range(2, 16_000, 20)]
        for r in range(3, 40_000, 20):  # one cell in 400: no wide blank gap to cut at
            yield f'<row r="{r}">'.encode()
            yield b"".join(f'<c r="{x}{r}"><v>1</v></c>'.encode() for x in letters)
            yield b"</row>"

    code, answer, peak = run_check(with_sheet(example, rows))
    assert code == 2
    assert codes(answer)["PS020"] == [None]
    assert peak < 1024 * MiB


# --- the formats calamine reads whole: .ods and .xls; and .xlsb -----------------------------


def ods_with(tmp_path: Path, rows: int, cols: int) -> Path:
    """A Planning sheet with a value in A1, and one after `rows` blank rows and `cols` columns."""
    import zipfile

    cell = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
    content = (
        '<?xml version="1.0"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="Planning">'
        f"<table:table-row>{cell}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="{rows}">'
        f'<table:table-cell table:number-columns-repeated="{cols}"/></table:table-row>'
        f'<table:table-row><table:table-cell table:number-columns-repeated="{cols}"/>{cell}'
        "</table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    path = tmp_path / "prod.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    return path


@pytest.mark.parametrize(("rows", "cols"), [(6000, 16000), (60000, 1000)])
def test_an_ods_value_far_away_is_refused_before_calamine_reads_it(
    tmp_path: Path, rows: int, cols: int
) -> None:
    # calamine would build 96 and 60 million cells (3 GB and more), under its own cap.
    code, answer, peak = run_check(ods_with(tmp_path, rows, cols))
    assert code == 2
    from prodsheets.findings import column_letter

    assert codes(answer)["PS020"] == [f"{column_letter(cols)}{rows + 2}"]
    assert peak < BASE_PEAK


def test_xlsb_records_give_the_sheet_s_real_extent(tmp_path: Path) -> None:
    import struct
    import zipfile

    from prodsheets.io import guard

    def record(kind: int, body: bytes) -> bytes:
        return bytes([kind, len(body)]) + body

    def real(col: int) -> bytes:  # BrtCellReal: column, style, value
        return record(0x05, struct.pack("<IId", col, 0, 1.0))

    sheet = (
        record(0x00, struct.pack("<I", 0) + b"\0" * 8)  # BrtRowHdr, row 1
        + real(0)
        + record(0x00, struct.pack("<I", 5000) + b"\0" * 8)
        + real(0xFFFFFFF0)  # a column no sheet has: calamine would ask for 2^32 × 5000
    )
    path = tmp_path / "x.xlsb"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/worksheets/sheet1.bin", sheet)
    with zipfile.ZipFile(path) as z:
        extent = guard.scan_xlsb(z, "xl/worksheets/sheet1.bin", "Planning")
    assert extent.count == 2
    problem = extent.judge()
    assert problem is not None and problem.what == "columns" and problem.cell == (5000, 0xFFFFFFF0)


@pytest.mark.slow
def test_an_xls_value_in_a_column_no_sheet_has_is_refused(production: Any, tmp_path: Path) -> None:
    import struct

    import olefile
    from conftest import write_workbook
    from test_reader import SOFFICE

    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed (.ci/run installs it)")
    source = write_workbook(tmp_path / "src" / "prod.xlsx", production)
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
         "xls:MS Excel 97", "--outdir", str(tmp_path / "out"), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    path = tmp_path / "out" / "prod.xls"
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        data = bytearray(ole.openstream("Workbook").read())
        pos = last = 0
        while pos + 4 <= len(data):  # the last LABELSST (a text cell) of the workbook
            kind, length = struct.unpack_from("<HH", data, pos)
            if kind == 0x00FD:
                last = pos
            pos += 4 + length
        struct.pack_into("<HH", data, last + 4, 40_000, 60_000)  # row 40001, column 60001
        ole.write_stream("Workbook", bytes(data))
    code, answer, peak = run_check(path)
    assert code == 2 and "PS020" in codes(answer)
    assert peak < BASE_PEAK


@pytest.mark.parametrize("ref", ["A1048577", "XFE1"])
def test_a_value_beyond_the_last_row_or_column_a_sheet_has_is_refused(
    example: Path, ref: str
) -> None:
    change_cells(example / "schedule.xlsx", "Affectations", {ref: "x"})
    code, answer, peak = run_check(example)
    assert code == 2
    assert codes(answer)["PS020"] == [None]
    assert peak < BASE_PEAK


# --- the scan itself: the fast pass never sees less than the precise one ----------------------


def sheet_zip(tmp: Path, cells: list[tuple[int, int, bool]], prefix: str = "") -> Path:
    """A package holding one worksheet with these (row, column, filled) cells, in order."""
    import zipfile

    from prodsheets.findings import column_letter

    rows: dict[int, list[tuple[int, bool]]] = {}
    for r, c, filled in sorted(set(cells)):
        rows.setdefault(r, []).append((c, filled))
    p = f"{prefix}:" if prefix else ""
    xml = [HEAD.decode(), f"<{p}sheetData>"]
    for r, row in rows.items():
        xml.append(f'<{p}row r="{r + 1}">')
        for c, filled in row:
            ref = f"{column_letter(c)}{r + 1}"
            xml.append(
                f'<{p}c r="{ref}"><{p}v>1</{p}v></{p}c>' if filled else f'<{p}c r="{ref}" s="1"/>'
            )
        xml.append(f"</{p}row>")
    xml.append(f"</{p}sheetData></worksheet>")
    path = tmp / "sheet.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("sheet.xml", "".join(xml))
    return path


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 1_048_575), st.integers(0, 16_383), st.booleans()),
        min_size=1,
        max_size=40,
    )
)
def test_the_fast_scan_holds_every_cell_the_precise_one_finds(
    cells: list[tuple[int, int, bool]],
) -> None:
    import zipfile

    from prodsheets.io import guard

    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(sheet_zip(Path(tmp), cells)) as z:
        fast = guard._fast_scan(z, "sheet.xml")
        precise = guard._precise_scan(z, "sheet.xml")
    assert fast is not None
    filled = {(r, c) for r, c, f in cells if f}
    assert precise.count == len(filled)
    if filled:
        rows, cols = [r for r, _ in filled], [c for _, c in filled]
        assert (precise.min_row, precise.max_row) == (min(rows), max(rows))
        assert (precise.min_col, precise.max_col) == (min(cols), max(cols))
        assert fast.min_row <= precise.min_row and fast.max_row >= precise.max_row
        assert fast.min_col <= precise.min_col and fast.max_col >= precise.max_col
        assert fast.count >= precise.count


def test_a_workbook_past_the_limits_is_not_annotated_either(example: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from prodsheets.cli import main

    change_cells(example / "schedule.xlsx", "Affectations", {"A1048577": "x"})
    done = CliRunner().invoke(main, ["check", str(example), "--annotate", str(tmp_path / "out")])
    assert done.exit_code == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["budget.xlsx", "crew.xlsx"]
    assert "schedule.xlsx : non annoté, illisible (PS020 Feuille hors limites)" in done.stderr
