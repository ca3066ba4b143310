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
from typing import Any, NamedTuple

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
    schema.PAGES: C.BAD_NUMBER,
    schema.DURATION: C.BAD_TIME,
    schema.BREAKS: C.BAD_BREAK,
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


# What Windows, macOS, LibreOffice and a browser's download add to a copy's name.
_COPY_NAMES = (
    r"(?i)^(?:copie de |copy of )(?P<a>.+)$",
    r"(?i)^(?P<a>.+?)(?: - copie| - copy| copie| copy| \(copie\)| \(copy\))(?: ?\(?\d+\)?)?$",
    r"(?i)^(?P<a>.+?) \(\d+\)$",
)


def original_of(path: Path, names: set[str]) -> str | None:
    """The workbook ``path`` is a copy of, when that one is in the folder too (by name)."""
    import re

    for pattern in _COPY_NAMES:
        m = re.match(pattern, path.stem)
        if m is None:
            continue
        stem = m["a"].strip()
        for suffix in sorted(EXTENSIONS):
            if f"{stem}{suffix}".casefold() in names and stem.casefold() != path.stem.casefold():
                return next(n for n in sorted(names) if n == f"{stem}{suffix}".casefold())
    return None


def is_output(path: Path) -> bool:
    """A workbook prodsheets wrote (it carries the custom property ``prodsheets-output``)."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return False
    try:
        with zipfile.ZipFile(path) as z:
            return is_output_package(z)
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


class Hints(NamedTuple):
    """What reading a value needs to know of the production: its language (``1,200`` is
    one thousand two hundred in English), the year of its dates (``jeudi 30 juillet``),
    the workbook's date system."""

    lang: str = "en"
    years: values.YearFrom | None = None
    date1904: bool = False


class _Reading:
    """What has been read of a production so far (the model is made from it at the end)."""

    def __init__(self, path: Path, display: str) -> None:
        self.path, self.display = path, display
        self.tables: dict[str, TableData] = {}
        self.settings: dict[str, Any] = {}
        self.setting_cells: dict[str, Location] = {}
        self.unread: dict[str, Location] = {}  # a table seen but not read, and where
        self.unreadable = False

    def production(self) -> Production:
        return Production(
            self.path,
            self.display,
            self.tables,
            self.settings,
            self.setting_cells,
            self.unreadable,
            self.unread,
        )

    def hints(self, sheet_names: Iterable[str]) -> Hints:
        lang = self.settings.get("language")
        if lang not in schema.LANGS:
            lang = "en"
            for name in sheet_names:  # no setting: the language of the sheets' names
                table = schema.table_for_sheet(name)
                n = schema.normalise(name)
                if table is not None and n == schema.normalise(table.fr) != schema.normalise(
                    table.en
                ):
                    lang = "fr"
                    break
        start, end = self.settings.get("start"), self.settings.get("end")
        first, last = start or end, end or start
        years = values.YearFrom(first, last) if first and last and first <= last else None
        return Hints(str(lang), years)


# Sheets of prodsheets' own templates and of xlwings, which hold no table.
_OWN_SHEETS = {
    schema.normalise(n) for n in ("Lisez-moi", "Read me", "xlwings.conf", "_xlwings.conf")
}


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
    if folder:
        names = {f.name.casefold() for f in files}
        kept = []
        for file in files:
            original = original_of(file, names)
            if original is None:
                kept.append(file)
                continue
            shown = next(f.name for f in files if f.name.casefold() == original)
            findings.append(
                Finding(
                    C.COPY_SKIPPED,
                    {"file": prefix + file.name, "original": prefix + shown},
                    (Location(prefix + file.name, path=str(file)),),
                )
            )
        files = kept
    opened: list[Workbook] = []
    for file in files:
        # A report or control workbook prodsheets wrote here is passed over.
        wb, problems = open_workbook(file, prefix + file.name, skip_outputs=folder)
        findings += problems
        if wb is None:
            production.unreadable = production.unreadable or bool(problems)
            continue
        opened.append(wb)
    if folder and not opened and not any(f.code is not C.COPY_SKIPPED for f in findings):
        production.unreadable = True
        return production.production(), [Finding(C.NO_WORKBOOK, {"path": str(path)}, (where,))]

    sheets = [(wb, name) for wb in opened for name in wb.sheet_names]
    found, not_read = _read_tables(production, sheets)
    findings += found
    for wb in opened:
        wb.close()

    if opened and not production.tables and not production.setting_cells:
        # Nothing read: one finding says so, unless a sheet that looks like a table or a
        # table without its header already says why.
        if not production.unread:
            listed = ", ".join(f"{wb.display} › {n}" for wb, n in sheets) if folder else ""
            listed = listed or ", ".join(n for _, n in sheets) or "—"
            place = where if folder else opened[0].location()
            findings.append(Finding(C.NO_PRODUCTION_TABLE, {"sheets": listed}, (place,)))
        production.unreadable = True
    else:
        for wb, sheet_names in not_read.items():
            shown = ", ".join(f"“{n}”" for n in sheet_names)
            findings.append(Finding(C.SHEETS_NOT_READ, {"sheets": shown}, (wb.location(),)))
    if not production.unreadable or production.tables:
        findings += _missing_tables(production, where)
    return production.production(), findings


def _read_tables(
    production: _Reading, sheets: list[tuple[Workbook, str]]
) -> tuple[list[Finding], dict[Workbook, list[str]]]:
    """Every table of the production's sheets: the settings first (the language and the
    dates tell how to read values), then the sheets named after a table, then the rest,
    each recognised by its headers."""
    findings: list[Finding] = []
    named = [(wb, n, schema.table_for_sheet(n)) for wb, n in sheets]
    for wb, name, table in named:
        if table is not None and table.key_value:
            findings += _settings_sheet(production, wb, name)
    hints = production.hints(n for _, n in sheets)
    # Sheets bearing a table's own name come before those named by an alias (« Scènes »
    # is also a word for stages), so that the real one is read and the other said.
    order = sorted(
        (x for x in named if not (x[2] is not None and x[2].key_value)),
        key=lambda x: x[2] is None or not schema.named_exactly(x[2], x[1]),
    )
    left: dict[Workbook, list[tuple[str, Sheet | None]]] = {}
    for wb, name, table in order:
        if schema.normalise(name) in _OWN_SHEETS:
            continue
        if table is None:
            left.setdefault(wb, []).append((name, None))
            continue
        sheet, problems = wb.read_sheet(name)
        findings += problems
        if sheet is None:
            production.unreadable = True
            production.unread.setdefault(table.key, wb.location(name))
            continue
        exact = schema.named_exactly(table, name)
        if not exact and _find_header(sheet, table) is None:
            left.setdefault(wb, []).append((name, sheet))  # an alias, not that table
            continue
        previous = production.tables.get(table.key)
        if previous is not None:
            other = f"{previous.file} › {previous.sheet}"
            findings.append(
                Finding(C.DUPLICATE_TABLE, {"table": name, "other": other}, (wb.location(name),))
            )
            continue
        data, problems = read_table(sheet, table, hints._replace(date1904=wb.date1904))
        findings += problems
        if data is None:
            production.unread.setdefault(table.key, wb.location(name))  # said by NO_HEADER
        else:
            production.tables[table.key] = data
    not_read: dict[Workbook, list[str]] = {}
    for wb, rest in left.items():
        said, names = _unrecognised(production, wb, rest)
        findings += said
        if names:
            not_read[wb] = names
    return findings, not_read


def _settings_sheet(production: _Reading, wb: Workbook, name: str) -> list[Finding]:
    if production.setting_cells:  # the settings were read first: their cells say where
        first = next(iter(production.setting_cells.values()))
        other = f"{first.file} › {first.sheet}"
        return [Finding(C.DUPLICATE_TABLE, {"table": name, "other": other}, (wb.location(name),))]
    sheet, problems = wb.read_sheet(name)
    if sheet is None:
        production.unreadable = True
        production.unread.setdefault("production", wb.location(name))
        return problems
    return problems + _read_settings(sheet, production)


def _unrecognised(
    production: _Reading, wb: Workbook, sheets: list[tuple[str, Sheet | None]]
) -> tuple[list[Finding], list[str]]:
    """Sheets whose name is no table's: one that has a table's columns is said as such
    (it is not read: its name decides); the others, not empty, are returned to be listed."""
    findings: list[Finding] = []
    not_read: list[str] = []
    for name, sheet in sheets:
        if sheet is None:
            sheet, problems = wb.read_sheet(name)
            if sheet is None:
                findings += problems
                continue
        if not any(any(not values.is_blank(v) for v in row) for row in sheet.rows[:50]):
            continue  # an empty sheet holds nothing to say
        table, header = _looks_like(sheet)
        if table is None or header is None:
            not_read.append(name)
            continue
        shown = [str(sheet.rows[header[0]][j]).strip() for j in sorted(header[1].values())]
        findings.append(
            Finding(
                C.SHEET_LOOKS_LIKE,
                {
                    "sheet": name,
                    "table": Bilingual(table.en, table.fr),
                    "columns": ", ".join(shown[:5]),
                    "name": Bilingual(table.en, table.fr),
                },
                (wb.location(name),),
            )
        )
        production.unread.setdefault(table.key, wb.location(name))
    return findings, not_read


# What a sheet must hold to look like these tables, whatever else its headers name.
_DEFINED_BY = {"events": {"date", "start", "end"}, "bookings": {"who"}}


def _looks_like(sheet: Sheet) -> tuple[schema.Table | None, tuple[int, dict[str, int]] | None]:
    """The table a sheet's headers name best: the most columns named (at least three, or
    two that are all the table's required ones), the required ones breaking a tie."""
    best: tuple[tuple[int, int], schema.Table, tuple[int, dict[str, int]]] | None = None
    for table in schema.TABLES:
        if table.key_value:
            continue
        found = _find_header(sheet, table)
        if found is None:
            continue
        index, columns, _ = found
        required = [c.key for c in table.columns if c.required]
        all_required = all(k in columns for k in required)
        if len(columns) < 3 and not (all_required and len(columns) >= 2):
            continue
        if table.key in _DEFINED_BY and not _DEFINED_BY[table.key] & set(columns):
            continue  # a breakdown of scenes without a date or a time is no schedule
        score = (len(columns), sum(k in columns for k in required))
        if best is None or score > best[0]:
            best = (score, table, (index, columns))
    return (best[1], best[2]) if best is not None else (None, None)


def _missing_tables(production: _Reading, where: Location) -> list[Finding]:
    """Tables the production's own tables refer to and lacks: a planning whose bookings name
    events needs its events. A production is checked for what it holds: a budget alone, or
    a schedule alone, needs nothing else."""
    found = []
    said: set[str] = set()
    for data in production.tables.values():
        for column in data.table.columns:
            if not column.refs or not data.has(column.key):
                continue
            if any(t in production.tables or t in production.unread for t in column.refs):
                continue  # one of the tables it may name is there (or said where it is)
            if column.refs[0] in said or not any(v is not None for v in data.col(column.key)):
                continue
            if column.kind == schema.FRINGE and not any(
                isinstance(v, str) for v in data.col(column.key)
            ):
                continue  # percentages, not fringe codes
            table = schema.TABLES_BY_KEY[column.refs[0]]
            said.add(table.key)
            by = f"{data.sheet} › {data.header(column.key)['en']}"
            by_fr = f"{data.sheet} › {data.header(column.key)['fr']}"
            found.append(
                Finding(
                    C.MISSING_TABLE,
                    {"table": Bilingual(table.en, table.fr), "by": Bilingual(by, by_fr)},
                    (where,),
                )
            )
    return found


# --- one table -----------------------------------------------------------------------


def _find_header(
    sheet: Sheet, table: schema.Table
) -> tuple[int, dict[str, int], list[Finding]] | None:
    """The header row (index into sheet.rows) and column key → index into each row.

    A header word that is only a weak name of a column (« Jour » for the date) names it
    when no other header of the row does, and when its values are not weekday names.
    """
    best: tuple[int, int] | None = None
    required = [c.key for c in table.columns if c.required]
    for i, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        hits = {schema.column_for_header(table, v) for v in row if isinstance(v, str)}
        hits.discard(None)
        weak = {schema.weak_column_for_header(table, v) for v in row if isinstance(v, str)}
        hits |= {k for k in weak if k is not None}
        hits |= {missing for missing, stand_in in table.stand_ins if stand_in in hits}
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
    header = sheet.rows[header_index]
    for j, v in enumerate(header):
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
    for j, v in enumerate(header):
        key = schema.weak_column_for_header(table, v) if isinstance(v, str) else None
        if key is not None and key not in columns and not _weekdays(sheet, header_index, j):
            columns[key] = j
    for missing, stand_in in table.stand_ins:
        if missing not in columns and stand_in in columns:
            columns[missing] = columns[stand_in]  # « séquence » alone: the scene is the id
    return header_index, columns, findings


def _weekdays(sheet: Sheet, header_index: int, j: int) -> bool:
    """Whether a column holds weekday names (Lundi, Mon…), not dates."""
    seen = [
        str(row[j]).strip().casefold().rstrip(".")
        for row in sheet.rows[header_index + 1 : header_index + 60]
        if j < len(row) and isinstance(row[j], str) and row[j].strip()
    ]
    return bool(seen) and all(v in values.WEEKDAYS for v in seen)


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


def read_table(
    sheet: Sheet, table: schema.Table, hints: Hints | None = None
) -> tuple[TableData | None, list[Finding]]:
    """Find the header, keep the rows that hold something, and type every value."""
    wb = sheet.workbook
    hints = hints or Hints(date1904=wb.date1904)
    found = _find_header(sheet, table)
    if found is None:
        names = ", ".join(f"“{c.name(_guess_lang(sheet.name, table))}”" for c in table.columns[:4])
        where = Location(wb.display, sheet.name, path=str(wb.path))
        return None, [Finding(C.NO_HEADER, {"table": sheet.name, "columns": names}, (where,))]
    header_index, columns, findings = found
    header_row = sheet.first_row + header_index + 1
    lang = _guess_lang(sheet.name, table)
    first_col_letter = column_letter(sheet.first_col + min(columns.values(), default=0))
    said_instead = _unknown_columns(sheet, table, header_index, columns, hints, findings)
    for col in table.columns:
        if col.required and col.key not in columns and col.key not in said_instead:
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
    unreadable: dict[str, set[int]] = {}
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
        unreadable=unreadable,
    )

    id_key = ROW_NAME.get(table.key, table.id_column)
    order = sorted(columns.items(), key=lambda kv: kv[0] != id_key)  # ids first, for locations
    for key, j in order:
        col = table.column(key)

        def raw(n: int, j: int = j) -> Any:
            return body[kept_n[n]][j]

        # The cells the full parser will see, noted before it replaces them (at C speed first).
        slow = [n for n, v in enumerate(fast[j]) if v is _SLOW] if _SLOW in fast[j] else []
        parsed, problems = _parse_column(sheet, data, col, j, kept, fast[j], raw, hints)
        parsed_values[key] = parsed
        findings += problems
        phys = sheet.first_col + j
        bad = {n for n in slow if parsed[n] is None}
        if sheet.notes:
            bad |= {
                n
                for n, v in enumerate(parsed)
                if v is None and (sheet.first_row + kept[n], phys) in sheet.notes
            }
        if bad:
            unreadable[key] = bad
    if table.key == "budget":
        findings = _budget_reading(data, findings)
    return data, findings


# What an unknown column may hold that its table lacks, and the header to give it.
_LOOKED_FOR = {
    "events": (("start", schema.TIME), ("end", schema.TIME), ("date", schema.DATE)),
    "bookings": (("call", schema.TIME), ("wrap", schema.TIME)),
    "budget": (("rate", schema.MONEY), ("total", schema.MONEY)),
    "actuals": (("amount", schema.MONEY), ("date", schema.DATE)),
    "unavailability": (("from", schema.DATE), ("to", schema.DATE)),
}
_WHAT = {
    schema.TIME: Bilingual("times", "des heures"),
    schema.DATE: Bilingual("dates", "des dates"),
    schema.MONEY: Bilingual("amounts", "des montants"),
}


def _unknown_columns(
    sheet: Sheet,
    table: schema.Table,
    header_index: int,
    columns: dict[str, int],
    hints: Hints,
    findings: list[Finding],
) -> set[str]:
    """Say the header's columns prodsheets does not read: once for the table (PS124), or
    each one that holds what a missing column would (times in a planning without times,
    PS125). Returns the missing columns so said. A planning with no times at all is PS126."""
    header = sheet.rows[header_index]
    known = set(columns.values()) | {
        j for j, v in enumerate(header) if schema.column_for_header(table, v) is not None
    }  # a column named twice is said by PS119, not here
    unknown = [
        (j, str(v).strip())
        for j, v in enumerate(header)
        if j not in known and not values.is_blank(v) and not isinstance(v, dt.date | dt.time)
    ]
    said: set[str] = set()
    plain: list[str] = []
    for j, text in unknown:
        target = _holds_missing(sheet, table, header_index, j, columns, said, hints)
        if target is None:
            plain.append(text)
            continue
        col = table.column(target)
        said.add(target)
        findings.append(
            Finding(
                C.COLUMN_LOOKS_LIKE,
                {
                    "table": sheet.name,
                    "header": text,
                    "what": _WHAT[col.kind],
                    "target": Bilingual(col.title("en"), col.title("fr")),
                    "suggest": Bilingual(col.title("en"), col.title("fr")),
                },
                (_loc(sheet, header_index, j),),
            )
        )
    if plain:
        listed = ", ".join(f"“{t}”" for t in plain)
        findings.append(
            Finding(
                C.COLUMNS_NOT_READ,
                {"table": sheet.name, "columns": listed},
                (_loc(sheet, header_index, unknown[0][0]),),
            )
        )
    times = [c for c in ("start", "end") if table.has_column(c)] if table.key == "events" else []
    if times and not any(c in columns or c in said for c in times):
        start, end = table.column("start"), table.column("end")
        findings.append(
            Finding(
                C.NO_TIMES,
                {
                    "table": sheet.name,
                    "what": Bilingual("events", "événements"),
                    "columns": Bilingual(
                        f"“{start.title('en')}” and “{end.title('en')}”",
                        f"« {start.title('fr')} » et « {end.title('fr')} »",
                    ),
                },
                (_loc(sheet, header_index, min(columns.values(), default=0)),),
            )
        )
    return said


def _holds_missing(
    sheet: Sheet,
    table: schema.Table,
    header_index: int,
    j: int,
    columns: dict[str, int],
    said: set[str],
    hints: Hints,
) -> str | None:
    """The missing column an unknown one would be, judged by most of its values."""
    wanted = [
        (key, kind)
        for key, kind in _LOOKED_FOR.get(table.key, ())
        if key not in columns and key not in said
    ]
    if not wanted:
        return None
    cells = [
        row[j]
        for row in sheet.rows[header_index + 1 : header_index + 61]
        if j < len(row) and not values.is_blank(row[j])
    ]
    if len(cells) < 2:
        return None
    for key, kind in wanted:
        fits = 0
        for cell in cells:
            try:
                if kind == schema.TIME and isinstance(cell, int | float):
                    continue  # a plain number is not taken for a time
                values.parse(kind, cell, years=hints.years)
                fits += 1
            except values.BadValue:
                pass
        if fits * 10 >= len(cells) * 8:
            return key
    return None


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


def _budget_reading(data: TableData, findings: list[Finding]) -> list[Finding]:
    """What reading a budget says, as a producer needs it said.

    Total and subtotal rows have no code by design: not a missing value. A line total is
    recomputed (quantity × rate), so totals saved without their result are one piece of
    information, not errors. A total showing #VALUE! because its quantity or rate holds
    text is said at the text, once.
    """
    codes, descriptions = data.col("code"), data.col("description")
    totals = {
        data.rows[i]
        for i, d in enumerate(descriptions)
        if schema.total_row_kind(d) and codes[i] is None
    }
    letter = {k: column_letter(j) for k, j in data.columns.items()}
    code_col, total_col = letter.get("code"), letter.get("total")
    text_cells = {
        (f.location.row, f.location.column): f
        for f in findings
        if f.code is C.BAD_NUMBER
        and f.location is not None
        and f.location.column in (letter.get("quantity"), letter.get("rate"))
    }
    kept: list[Finding] = []
    unsaved: list[Location] = []
    explained: set[tuple[int | None, str | None]] = set()
    for f in findings:
        loc = f.location
        if loc is None or (loc.column != total_col and loc.column != code_col):
            kept.append(f)
            continue
        if f.code is C.MISSING_VALUE and loc.column == code_col and loc.row in totals:
            continue
        if f.code is C.FORMULA_NO_VALUE and loc.column == total_col:
            unsaved.append(loc)
            continue
        if f.code is C.ERROR_VALUE and loc.column == total_col:
            cause = next(
                (
                    text_cells[(loc.row, c)]
                    for c in (letter.get("quantity"), letter.get("rate"))
                    if (loc.row, c) in text_cells
                ),
                None,
            )
            if cause is not None and cause.location is not None:
                explained.add((cause.location.row, cause.location.column))
                kept.append(
                    Finding(
                        C.VALUE_ERROR_FROM_TEXT,
                        {
                            "total": f.params["column"],
                            "error": f.params["found"],
                            "column": cause.params["column"],
                            "found": cause.params["found"],
                            "cell": cause.location.cell,
                        },
                        (cause.location, loc),
                    )
                )
                continue
        kept.append(f)
    if explained:
        kept = [
            f
            for f in kept
            if not (
                f.code is C.BAD_NUMBER
                and f.location is not None
                and (f.location.row, f.location.column) in explained
            )
        ]
    if unsaved:
        kept.append(Finding(C.TOTALS_NOT_SAVED, {"column": data.header("total")}, tuple(unsaved)))
    return kept


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
    hints: Hints,
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
        out[n], problem = _typed(col, raw(n), column_label, sheet.name, where(n), hints)
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
    hints: Hints,
) -> tuple[Any, Finding | None]:
    """A cell's value parsed for its column, or None and the finding that says why not; a
    value that could be read two ways comes with the finding that says how it was read."""
    if isinstance(value, str) and not value.strip():
        return None, _blank_finding(None, col.required, label, table, where)
    if isinstance(value, str) and value.startswith("#") and _is_error_text(value):
        return None, Finding(C.ERROR_VALUE, {"column": label, "found": value}, where)
    try:
        parsed, how = values.read(
            col.kind,
            value,
            choices=col.choices,
            date1904=hints.date1904,
            years=hints.years,
            lang=hints.lang,
        )
    except values.BadValue as bad:
        expected = Bilingual(
            values.expected_text(bad.expected, "en"), values.expected_text(bad.expected, "fr")
        )
        params = {"column": label, "found": values.parse_text(value), "expected": expected}
        return None, Finding(_BAD_VALUE_CODE.get(col.kind, C.BAD_NUMBER), params, where)
    if not _within_bounds(parsed):
        expected = _BOUNDS_TEXT[type(parsed) is dt.date]
        found = f"{value:g}" if isinstance(value, float) else values.parse_text(value)
        params = {"column": label, "found": found, "expected": expected}
        return None, Finding(C.OUT_OF_RANGE, params, where)
    if how is None:
        return parsed, None
    return parsed, _read_as(how, label, value, parsed, where)


_HOW = {
    values.THOUSANDS: Bilingual(
        "its separator taken for a thousands separator",
        "son séparateur pris pour un séparateur de milliers",
    ),
    values.DECIMAL: Bilingual(
        "its separator taken for the decimal point", "son séparateur pris pour la virgule"
    ),
}


def _read_as(how: str, label: Any, value: Any, parsed: Any, where: tuple[Location, ...]) -> Finding:
    """The finding that says how a value that could be read two ways was read."""
    from prodsheets.i18n.formats import say_number

    found = values.parse_text(value)
    if how == values.HOURS_DOT_MINUTES:
        shown = parsed.strftime("%H:%M")
        return Finding(C.TIME_READ_AS, {"column": label, "found": found, "value": shown}, where)
    params = {
        "column": label,
        "found": found,
        "value": say_number(parsed),
        "how": _HOW[how],
        "clear": say_number(parsed),
    }
    return Finding(C.NUMBER_READ_AS, params, where)


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
        hints = Hints(date1904=sheet.workbook.date1904)
        parsed, problem = _typed(col, value, label, sheet.name, (where,), hints)
        if problem is not None:
            findings.append(problem)
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
