"""Reading a production: discover its workbooks, find its tables, type its values.

``load_production(path)`` never raises on bad data: it returns the production as far as
it could be read, and the findings that say what could not (beancount's loader does the
same with ``(entries, errors, options)``).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Iterable
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any

from prodsheets import catalogue as C
from prodsheets.contract import schema, values
from prodsheets.findings import Finding, Location, column_letter
from prodsheets.i18n import Bilingual
from prodsheets.io.workbook import (
    Sheet,
    Workbook,
    is_output_package,
    open_workbook,
)
from prodsheets.model import ROW_NAME, Production, TableData

EXTENSIONS = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
HEADER_SCAN_ROWS = 10

_BAD_VALUE_CODE = {
    schema.DATE: C.BAD_DATE,
    schema.TIME: C.BAD_TIME,
    schema.MONEY: C.BAD_NUMBER,
    schema.NUMBER: C.BAD_NUMBER,
    schema.INTEGER: C.BAD_NUMBER,
    schema.PERCENT: C.BAD_PERCENT,
    schema.BOOL: C.BAD_YES_NO,
    schema.CHOICE: C.BAD_CHOICE,
    schema.FRINGE: C.BAD_PERCENT,
}


def discover(folder: Path, skip_outputs: bool = True) -> list[Path]:
    """The workbooks of a production folder: spreadsheets, without lock or hidden files.

    ``skip_outputs=False`` leaves prodsheets' own outputs in, for a caller that opens
    each package anyway: ``open_workbook(..., skip_outputs=True)`` looks at the mark.
    """
    found = []
    for p in sorted(folder.iterdir()):
        if not p.is_file() or p.suffix.lower() not in EXTENSIONS:
            continue
        if p.name.startswith(("~$", ".~lock", ".")):
            continue  # Office and LibreOffice lock files, hidden files
        if skip_outputs and is_output(p):
            continue  # a report or control workbook prodsheets wrote here
        found.append(p)
    return found


def is_output(path: Path) -> bool:
    """A workbook prodsheets wrote (it carries the custom property ``prodsheets-output``)."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return False
    try:
        with zipfile.ZipFile(path) as z:
            return is_output_package(z)
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


class _Reading:
    """What has been read of a production so far (the model is made from it at the end)."""

    def __init__(self, path: Path, display: str) -> None:
        self.path, self.display = path, display
        self.tables: dict[str, TableData] = {}
        self.settings: dict[str, Any] = {}
        self.setting_cells: dict[str, Location] = {}
        self.unreadable = False

    def production(self) -> Production:
        return Production(
            self.path,
            self.display,
            self.tables,
            self.settings,
            self.setting_cells,
            self.unreadable,
        )


def load_production(
    path: Path, display: str | None = None, prefix: str = ""
) -> tuple[Production, list[Finding]]:
    """Read a production folder or a single workbook.

    ``prefix`` is put before file names in locations (``film-a/``) when several
    productions are checked together.
    """
    display = display or path.name or str(path)
    production = _Reading(path, display)
    findings: list[Finding] = []
    where = Location(display, path=str(path))
    if not path.exists():
        production.unreadable = True
        return production.production(), [Finding(C.PATH_NOT_FOUND, {"path": str(path)}, (where,))]
    folder = path.is_dir()
    files = discover(path, skip_outputs=False) if folder else [path]
    opened: list[Workbook] = []
    for file in files:
        # A report or control workbook prodsheets wrote here is passed over.
        wb, problems = open_workbook(file, prefix + file.name, skip_outputs=folder)
        findings += problems
        if wb is None:
            production.unreadable = production.unreadable or bool(problems)
            continue
        opened.append(wb)
    if folder and not opened and not findings:
        production.unreadable = True
        return production.production(), [Finding(C.NO_WORKBOOK, {"path": str(path)}, (where,))]

    unreadable_tables: set[str] = set()
    for wb in opened:
        matched = False
        for sheet_name in wb.sheet_names:
            table = schema.table_for_sheet(sheet_name)
            if table is None:
                continue
            matched = True
            previous = production.tables.get(table.key)
            if previous is not None or (table.key == "production" and production.setting_cells):
                if previous is not None:
                    other = f"{previous.file} › {previous.sheet}"
                else:  # the settings were read first: their cells say where
                    first = next(iter(production.setting_cells.values()))
                    other = f"{first.file} › {first.sheet}"
                findings.append(
                    Finding(
                        C.DUPLICATE_TABLE,
                        {"table": sheet_name, "other": other},
                        (wb.location(sheet_name),),
                    )
                )
                continue
            sheet, problems = wb.read_sheet(sheet_name)
            findings += problems
            if sheet is None:
                production.unreadable = True
                unreadable_tables.add(table.key)
                continue
            if table.key_value:
                findings += _read_settings(sheet, production)
            else:
                data, problems = read_table(sheet, table)
                findings += problems
                if data is None:
                    unreadable_tables.add(table.key)  # said once, by its own finding
                else:
                    production.tables[table.key] = data
        if not matched and not path.is_dir():
            sheets = ", ".join(wb.sheet_names) or "—"
            findings.append(Finding(C.NO_PRODUCTION_TABLE, {"sheets": sheets}, (wb.location(),)))
            production.unreadable = True
        wb.close()

    if opened and not production.tables and not production.setting_cells and path.is_dir():
        sheets = ", ".join(f"{wb.display} › {s}" for wb in opened for s in wb.sheet_names) or "—"
        findings.append(Finding(C.NO_PRODUCTION_TABLE, {"sheets": sheets}, (where,)))
        production.unreadable = True
    if not production.unreadable or production.tables:
        findings += _missing_tables(production, where, unreadable_tables)
    return production.production(), findings


def _missing_tables(production: _Reading, where: Location, unreadable: set[str]) -> list[Finding]:
    found = []
    for table in schema.TABLES:
        if not table.required or table.key in unreadable:
            continue
        present = table.key in production.tables or (table.key_value and production.setting_cells)
        if not present:
            found.append(
                Finding(C.MISSING_TABLE, {"table": Bilingual(table.en, table.fr)}, (where,))
            )
    return found


# --- one table -----------------------------------------------------------------------


def _find_header(
    sheet: Sheet, table: schema.Table
) -> tuple[int, dict[str, int], list[Finding]] | None:
    """The header row (index into sheet.rows) and column key → index into each row."""
    best: tuple[int, int] | None = None
    required = [c.key for c in table.columns if c.required]
    for i, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        hits = {schema.column_for_header(table, v) for v in row if isinstance(v, str)}
        hits.discard(None)
        required_hits = sum(1 for key in required if key in hits)
        score = len(hits) + required_hits
        if len(hits) >= min(2, len(table.columns)) and (best is None or score > best[1]):
            best = (i, score)
            if required_hits == len(required):
                break  # every required column is named: the rows below are data
    if best is None:
        return None
    header_index = best[0]
    columns: dict[str, int] = {}
    findings: list[Finding] = []
    for j, v in enumerate(sheet.rows[header_index]):
        if not isinstance(v, str):
            continue
        key = schema.column_for_header(table, v)
        if key is None:
            continue
        if key in columns:
            first = column_letter(sheet.first_col + columns[key]) + str(
                sheet.first_row + header_index + 1
            )
            findings.append(
                Finding(
                    C.HEADER_DUPLICATE_COLUMN,
                    {"column": v, "first": first},
                    (_loc(sheet, header_index, j),),
                )
            )
            continue
        columns[key] = j
    return header_index, columns, findings


def _loc(sheet: Sheet, i: int, j: int, row_id: str | None = None) -> Location:
    wb = sheet.workbook
    return Location(
        wb.display,
        sheet.name,
        sheet.first_row + i + 1,
        column_letter(sheet.first_col + j),
        row_id,
        str(wb.path),
    )


def read_table(sheet: Sheet, table: schema.Table) -> tuple[TableData | None, list[Finding]]:
    """Find the header, keep the rows that hold something, and type every value."""
    wb = sheet.workbook
    found = _find_header(sheet, table)
    if found is None:
        names = ", ".join(f"“{c.name(_guess_lang(sheet.name, table))}”" for c in table.columns[:4])
        where = Location(wb.display, sheet.name, path=str(wb.path))
        return None, [Finding(C.NO_HEADER, {"table": sheet.name, "columns": names}, (where,))]
    header_index, columns, findings = found
    header_row = sheet.first_row + header_index + 1
    lang = _guess_lang(sheet.name, table)
    first_col_letter = column_letter(sheet.first_col + min(columns.values(), default=0))
    for col in table.columns:
        if col.required and col.key not in columns:
            findings.append(
                Finding(
                    C.MISSING_COLUMN,
                    {"table": sheet.name, "column": col.name(lang)},
                    (
                        Location(
                            wb.display, sheet.name, header_row, first_col_letter, None, str(wb.path)
                        ),
                    ),
                )
            )

    # Column by column, at C speed where calamine already typed the values: blank → None,
    # a value the column can take as it is → itself, anything else → _SLOW, parsed below.
    body = _padded(sheet.rows[header_index + 1 :], max(columns.values(), default=0) + 1)
    fast = {
        j: _fast_values(table.column(key).kind, map(itemgetter(j), body))
        for key, j in columns.items()
    }
    blank = _blank_rows(fast, header_index, sheet)
    kept_n: list[int] | range = range(len(body))
    if blank:
        kept_n = [n for n in kept_n if n not in blank]
        fast = {j: [c[n] for n in kept_n] for j, c in fast.items()}
        kept = [header_index + 1 + n for n in kept_n]
        rows = [sheet.first_row + i + 1 for i in kept]
    else:  # every row holds something: the row numbers are ranges, built at C speed
        first = header_index + 1
        kept = list(range(first, first + len(body)))
        rows = list(range(sheet.first_row + first + 1, sheet.first_row + first + 1 + len(body)))
    parsed_values: dict[str, list[Any]] = {}  # filled column by column, ids first
    data = TableData(
        table=table,
        file=wb.display,
        path=str(wb.path),
        sheet=sheet.name,
        header_row=header_row,
        columns={k: sheet.first_col + j for k, j in columns.items()},
        headers={k: str(sheet.rows[header_index][j]).strip() for k, j in columns.items()},
        rows=rows,
        values=parsed_values,
    )

    id_key = ROW_NAME.get(table.key, table.id_column)
    order = sorted(columns.items(), key=lambda kv: kv[0] != id_key)  # ids first, for locations
    for key, j in order:
        col = table.column(key)

        def raw(n: int, j: int = j) -> Any:
            return body[kept_n[n]][j]

        parsed, problems = _parse_column(sheet, data, col, j, kept, fast[j], raw, wb.date1904)
        parsed_values[key] = parsed
        findings += problems
    if table.key == "budget":
        findings = _exempt_total_rows(data, findings)
    return data, findings


def _padded(body: list[list[Any]], width: int) -> list[list[Any]]:
    """Rows at least `width` cells long (calamine's rows are all as wide as the sheet)."""
    if body and min(map(len, body)) < width:
        return [r if len(r) >= width else [*r, *[""] * (width - len(r))] for r in body]
    return body


def _blank_rows(columns: dict[int, list[Any]], header_index: int, sheet: Sheet) -> set[int]:
    """Rows (indexes into the body) with nothing in any known column.

    Each column's blanks are found at C speed and intersected: a table whose id column is
    never empty is settled by its first column. A row of blanks that hides a formula or an
    error (calamine reads both as empty) is kept, so that it is reported.
    """
    candidates: set[int] | None = None
    for values_ in columns.values():
        if None not in values_:  # at C speed: a column never blank settles it
            return set()
        empty = {n for n, v in enumerate(values_) if v is None}
        candidates = empty if candidates is None else candidates & empty
        if not candidates:
            return set()
    notes = sheet.notes
    if not notes:
        return candidates or set()
    first = sheet.first_row + header_index + 1
    return {
        n
        for n in candidates or ()
        if not any((first + n, sheet.first_col + j) in notes for j in columns)
    }


def _exempt_total_rows(data: TableData, findings: list[Finding]) -> list[Finding]:
    """Total and subtotal rows have no code by design: not a missing value."""
    totals = {
        data.rows[i]
        for i, d in enumerate(data.col("description"))
        if schema.total_row_kind(d) and data.col("code")[i] is None
    }
    code_col = column_letter(data.columns.get("code", -1)) if "code" in data.columns else None
    return [
        f
        for f in findings
        if not (
            f.code is C.MISSING_VALUE
            and f.location is not None
            and f.location.row in totals
            and f.location.column == code_col
        )
    ]


def _guess_lang(sheet_name: str, table: schema.Table) -> str:
    n = schema.normalise(sheet_name)
    return "fr" if n == schema.normalise(table.fr) and n != schema.normalise(table.en) else "en"


def _parse_column(
    sheet: Sheet,
    data: TableData,
    col: schema.Column,
    j: int,
    kept: list[int],
    out: list[Any],
    raw: Callable[[int], Any],
    date1904: bool,
) -> tuple[list[Any], list[Finding]]:
    """Type one column: the fast values stand, blanks are checked, the rest is parsed."""
    findings: list[Finding] = []
    notes = sheet.notes
    phys_col = sheet.first_col + j
    column_label = data.header(col.key)
    if not col.required and not notes and _SLOW not in out:
        return out, findings  # the common case of a long optional column: nothing to say

    def where(n: int) -> tuple[Location]:
        return (_cell(sheet, data, kept[n], j, n),)

    odd = [n for n, v in enumerate(out) if v is None or v is _SLOW]  # at C speed
    for n in odd:
        v = out[n]
        if v is None:
            note = notes.get((sheet.first_row + kept[n], phys_col)) if notes else None
            blank = _blank_finding(note, col.required, column_label, sheet.name, where(n))
            if blank is not None:
                findings.append(blank)
            continue
        if v is not _SLOW:
            continue
        out[n], problem = _typed(col, raw(n), column_label, sheet.name, where(n), date1904)
        if problem is not None:
            findings.append(problem)
    return out, findings


def _blank_finding(
    note: str | None, required: bool, label: Any, table: str, where: tuple[Location, ...]
) -> Finding | None:
    """A blank cell: a formula never computed, an error cell, or a missing required value."""
    if note == "formula":
        return Finding(C.FORMULA_NO_VALUE, {"column": label}, where)
    if note is not None:
        return Finding(C.ERROR_VALUE, {"column": label, "found": note}, where)
    if required:
        return Finding(C.MISSING_VALUE, {"column": label, "table": table}, where)
    return None


def _typed(
    col: schema.Column,
    value: Any,
    label: Any,
    table: str,
    where: tuple[Location, ...],
    date1904: bool,
) -> tuple[Any, Finding | None]:
    """A cell's value parsed for its column, or None and the finding that says why not."""
    if isinstance(value, str) and not value.strip():
        return None, _blank_finding(None, col.required, label, table, where)
    if isinstance(value, str) and value.startswith("#") and _is_error_text(value):
        return None, Finding(C.ERROR_VALUE, {"column": label, "found": value}, where)
    try:
        parsed = values.parse(col.kind, value, choices=col.choices, date1904=date1904)
        if not _within_bounds(parsed):
            expected = _BOUNDS_TEXT[type(parsed) is dt.date]
            found = f"{value:g}" if isinstance(value, float) else values.parse_text(value)
            params = {"column": label, "found": found, "expected": expected}
            return None, Finding(C.OUT_OF_RANGE, params, where)
        return parsed, None
    except values.BadValue as bad:
        expected = Bilingual(
            values.expected_text(bad.expected, "en"), values.expected_text(bad.expected, "fr")
        )
        params = {"column": label, "found": values.parse_text(value), "expected": expected}
        return None, Finding(_BAD_VALUE_CODE.get(col.kind, C.BAD_NUMBER), params, where)


# What a production's values can be, so that no sum, date or file breaks downstream: an
# amount or quantity under a thousand trillion, with at most 340 decimals (sums in
# money.CONTEXT stay exact, floats finite), a date
# from 1900 to the day before the calendar's last (an overnight event ends within it).
LARGEST = Decimal(10) ** 15
FIRST_DATE, LAST_DATE = dt.date(1900, 1, 1), dt.date(9999, 12, 30)
_BOUNDS_TEXT = {
    False: Bilingual(
        "a number between -10^15 and 10^15, with at most 340 decimals",
        "un nombre entre -10^15 et 10^15, avec au plus 340 décimales",
    ),
    True: Bilingual("a date from 01/01/1900 to 30/12/9999", "une date du 01/01/1900 au 30/12/9999"),
}


def _within_bounds(value: Any) -> bool:
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return -LARGEST < value < LARGEST and isinstance(exponent, int) and exponent >= -340
    if isinstance(value, int) and not isinstance(value, bool):
        return -LARGEST < value < LARGEST
    if type(value) is dt.date:
        return FIRST_DATE <= value <= LAST_DATE
    return True


_SLOW = object()  # a value the fast path leaves to the full parser


def _fast_values(kind: str, raw: Iterable[Any]) -> list[Any]:
    """Blank → None; a value calamine already typed as the column needs → itself; else _SLOW."""
    if kind in (schema.ID, schema.TEXT):
        return [(v.strip() or None) if type(v) is str else _SLOW for v in raw]
    if kind == schema.TIME:
        return [  # the common case first: a time compared with "" costs a slow "no"
            v
            if type(v) is dt.time and not v.microsecond
            else (None if v == "" or v is None else _SLOW)
            for v in raw
        ]
    if kind == schema.DATE:
        first, last = FIRST_DATE, LAST_DATE
        return [
            v
            if type(v) is dt.date and first <= v <= last
            else (None if v == "" or v is None else _SLOW)
            for v in raw
        ]
    if kind == schema.INTEGER:
        return [
            int(v)
            if type(v) is float and v.is_integer() and -1e15 < v < 1e15
            else (None if v == "" or v is None else _SLOW)
            for v in raw
        ]
    return [
        None if v == "" or v is None or (type(v) is str and not v.strip()) else _SLOW for v in raw
    ]


def _is_error_text(text: str) -> bool:
    return text.rstrip("!?/0A").upper() in _ERRORS


_ERRORS = {
    "#DIV",
    "#N",
    "#NAME",
    "#NULL",
    "#NUM",
    "#REF",
    "#VALUE",
    "#GETTING_DATA",
    "#SPILL",
    "#CALC",
}


def _cell(sheet: Sheet, data: TableData, i: int, j: int, n: int) -> Location:
    row_id = None
    id_key = ROW_NAME.get(data.table.key, data.table.id_column)
    if id_key and id_key in data.values:
        v = data.values[id_key][n]
        row_id = None if v is None else str(v)
    return _loc(sheet, i, j, row_id)


# --- the Production sheet: one setting per row ------------------------------------------


def _read_settings(sheet: Sheet, production: _Reading) -> list[Finding]:
    findings: list[Finding] = []
    table = schema.PRODUCTION
    known_names = Bilingual(
        ", ".join(c.en for c in table.columns), ", ".join(c.fr for c in table.columns)
    )
    for i, row in enumerate(sheet.rows):
        cells = [(j, v) for j, v in enumerate(row) if not values.is_blank(v)]
        if not cells:
            continue
        j0, label = cells[0]
        key = schema.column_for_header(table, label) if isinstance(label, str) else None
        if key is None:
            if isinstance(label, str) and schema.normalise(label) in schema.SETTING_HEADER_ALIASES:
                continue
            if len(cells) == 2 and isinstance(label, str):
                findings.append(
                    Finding(
                        C.BAD_SETTING,
                        {"found": label, "known": known_names},
                        (_loc(sheet, i, j0),),
                    )
                )
            continue
        col = table.column(key)
        value_j = cells[1][0] if len(cells) > 1 else j0 + 1
        value = cells[1][1] if len(cells) > 1 else None
        where = _loc(sheet, i, value_j, key)
        production.setting_cells[key] = where
        if value is None:
            note = sheet.notes.get((sheet.first_row + i, sheet.first_col + value_j))
            blank = _blank_finding(note, col.required, label, sheet.name, (where,))
            if blank is not None:
                findings.append(blank)
            continue
        parsed, problem = _typed(col, value, label, sheet.name, (where,), sheet.workbook.date1904)
        if problem is not None:
            findings.append(problem)
            continue
        if parsed is None:
            continue
        bounds = schema.SETTING_RANGES.get(key)
        if bounds is not None and not values.in_range(parsed, *bounds):
            params = {"column": label, "found": parsed, "expected": values.range_text(*bounds)}
            findings.append(Finding(C.OUT_OF_RANGE, params, (where,)))
            continue  # the preset's value stays
        production.settings[key] = parsed
    for col in table.columns:
        if col.required and col.key not in production.setting_cells:
            findings.append(
                Finding(
                    C.MISSING_VALUE,
                    {"column": Bilingual(col.en, col.fr), "table": sheet.name},
                    (Location(sheet.workbook.display, sheet.name, path=str(sheet.workbook.path)),),
                )
            )
    return findings


__all__ = ["EXTENSIONS", "Workbook", "discover", "load_production", "read_table"]
