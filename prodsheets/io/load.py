"""Reading a production: discover its workbooks, find its tables, type its values.

``load_production(path)`` never raises on bad data: it returns the production as far as
it could be read, and the findings that say what could not (beancount's loader does the
same with ``(entries, errors, options)``).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prodsheets import catalogue as C
from prodsheets.contract import MAPPING_FILE, schema, values
from prodsheets.findings import Finding, Location
from prodsheets.i18n import Bilingual, quoted
from prodsheets.io.assemble import assemble
from prodsheets.io.tables import Hints, blank_finding, find_header, loc, read_table, typed
from prodsheets.io.workbook import (
    Sheet,
    Workbook,
    is_output_package,
    open_workbook,
)
from prodsheets.model import Production, TableData

if TYPE_CHECKING:  # the mapping's reader is loaded only for a production that has one
    from prodsheets.contract.mapping import Mapping, SheetMap

EXTENSIONS = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}


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


class _Reading:
    """What has been read of a production so far (the model is made from it at the end)."""

    def __init__(self, path: Path, display: str) -> None:
        self.path, self.display = path, display
        self.tables: dict[str, TableData] = {}
        self.settings: dict[str, Any] = {}
        self.setting_cells: dict[str, Location] = {}
        self.unread: dict[str, Location] = {}  # a table seen but not read, and where
        self.unreadable = False
        self.mapped: dict[str, list[TableData]] = {}  # tables read through the mapping
        self.mapping: Location | None = None
        self.vacant: TableData | None = None

    def production(self) -> Production:
        return Production(
            self.path,
            self.display,
            self.tables,
            self.settings,
            self.setting_cells,
            self.unreadable,
            self.unread,
            self.vacant,
            self.mapping,
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
    beside = path.parent / MAPPING_FILE
    if not folder and path.name.casefold() != MAPPING_FILE and beside.is_file():
        files.append(beside)  # a workbook checked alone keeps the mapping beside it
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

    mapping_wb = next((wb for wb in opened if wb.path.name.casefold() == MAPPING_FILE), None)
    mapping: Mapping | None = None
    sheets = [(wb, name) for wb in opened for name in wb.sheet_names]
    if mapping_wb is not None:
        from prodsheets.contract.mapping import is_mapping_sheet
        from prodsheets.io.mapped import no_mapping_sheet, read_mapping_sheet

        mapping, said = read_mapping_sheet(mapping_wb)
        findings += said
        if mapping is None and not said:
            findings.append(no_mapping_sheet(mapping_wb))
        if mapping is not None and not folder:  # the workbook checked alone, not the others
            mapping = mapping.only({_bare(wb).casefold() for wb in opened})
        production.mapping = mapping.location if mapping is not None else None
        sheets = [
            (wb, name)
            for wb, name in sheets
            if not (wb is mapping_wb and is_mapping_sheet(name))
            and not (mapping is not None and mapping.for_sheet(_bare(wb), name))
        ]
    found, not_read = _read_tables(production, sheets)
    findings += found
    if mapping is not None:
        findings += _read_mapped(production, mapping, [wb for wb in opened if wb is not mapping_wb])
    for wb in opened:
        wb.close()
    parts = {key: [table] for key, table in production.tables.items()}
    for key, more in production.mapped.items():
        parts.setdefault(key, []).extend(more)
    production.tables, production.vacant, said = assemble(parts, mapping is not None)
    findings += said

    # Shift codes and groups alone (a roster's legend) are no production: said as such.
    # Settings alone are none either when sheets were left unread beside them.
    read = set(production.tables) - {"shift_codes", "groups"}
    if opened and not read and (not production.setting_cells or not_read):
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
            unread_names = quoted(sheet_names)
            findings.append(Finding(C.SHEETS_NOT_READ, {"sheets": unread_names}, (wb.location(),)))
    if not production.unreadable or production.tables:
        findings += _missing_tables(production, where)
    return production.production(), _columns_said_once(findings)


def _columns_said_once(findings: list[Finding]) -> list[Finding]:
    """Sheets laid out alike (a sheet per day) that keep the same columns of their own:
    one finding for all of them, at each one's header."""
    first: dict[tuple[str, str], int] = {}
    out: list[Finding] = []
    for f in findings:
        if f.code is not C.COLUMNS_NOT_READ or f.location is None:
            out.append(f)
            continue
        key = (f.location.file, str(f.params["columns"]))
        if key not in first:
            first[key] = len(out)
            out.append(f)
            continue
        said = out[first[key]]
        tables = f"{said.params['table']}, {f.params['table']}"
        out[first[key]] = said._replace(
            params={**said.params, "table": tables}, locations=said.locations + f.locations
        )
    return out


def _bare(wb: Workbook) -> str:
    """A workbook's own file name, as a mapping names it (without a production's prefix)."""
    return wb.path.name


def _read_mapped(production: _Reading, mapping: Mapping, opened: list[Workbook]) -> list[Finding]:
    """Every sheet the mapping names, read as the table it says (or a roster grid)."""
    from prodsheets.contract.mapping import IGNORE, ROSTER
    from prodsheets.io.mapped import SheetCache, missing, read_rows
    from prodsheets.io.roster import Codes, read_roster

    findings: list[Finding] = []
    cache = SheetCache(opened)
    hints = production.hints(n for wb in opened for n in wb.sheet_names)
    codes = Codes.of(production.tables.get("shift_codes"))
    for sm in mapping.sheets:
        wb, name = cache.get(sm.file, sm.sheet)
        if wb is None or name is None:
            findings.append(missing(sm, wb))
            continue
        if sm.table == IGNORE:
            continue
        key = "bookings" if sm.table == ROSTER else sm.table
        sheet, problems = cache.read(wb, name)
        findings += problems
        if sheet is None:
            production.unreadable = True
            production.unread.setdefault(key, wb.location(name))
            continue
        wb_hints = hints._replace(date1904=wb.date1904)
        if sm.table == ROSTER:
            data, said = read_roster(sheet, sm, wb_hints, codes)
        elif key == "production":
            findings += _mapped_settings(production, sheet, sm, wb_hints)
            continue
        else:
            data, said = read_rows(sheet, sm, wb_hints)
        findings += said
        if data is None:
            production.unread.setdefault(key, wb.location(name))
        elif len(data):
            production.mapped.setdefault(key, []).append(data)
    return findings


def _mapped_settings(
    production: _Reading, sheet: Sheet, sm: SheetMap, hints: Hints
) -> list[Finding]:
    """Production settings a mapping takes from a producer's cells (a call sheet's date)."""
    from prodsheets.io.mapped import fixed_value

    findings: list[Finding] = []
    for key, src in sm.fields.items():
        if key in production.settings or src.per_row:
            continue
        col = schema.PRODUCTION.column(key)
        value, where, problem = fixed_value(sheet, src, col, hints)
        if problem is not None:
            findings.append(problem)
        if value is not None:
            production.settings[key] = value
            production.setting_cells[key] = where
    return findings


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
        if not exact and find_header(sheet, table) is None:
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
        found = find_header(sheet, table)
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
                        (loc(sheet, i, j0),),
                    )
                )
            continue
        col = table.column(key)
        value_j = cells[1][0] if len(cells) > 1 else j0 + 1
        value = cells[1][1] if len(cells) > 1 else None
        where = loc(sheet, i, value_j, key)
        production.setting_cells[key] = where
        if value is None:
            note = sheet.notes.get((sheet.first_row + i, sheet.first_col + value_j))
            blank = blank_finding(note, col.required, label, sheet.name, (where,))
            if blank is not None:
                findings.append(blank)
            continue
        hints = Hints(date1904=sheet.workbook.date1904)
        parsed, problem = typed(col, value, label, sheet.name, (where,), hints)
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
