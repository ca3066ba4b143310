"""Reading one table from one sheet: find its header, keep its rows, type every value.

Each cell is read for its column (a date, a time, an amount in the production's
language), and every value that cannot be read, or could be read two ways, is said at its
cell. The loader (:mod:`prodsheets.io.load`) decides which sheet is which table; a
mapping (:mod:`prodsheets.io.mapped`) can give the header and columns instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from operator import itemgetter
from typing import Any, NamedTuple

from prodsheets import catalogue as C
from prodsheets.contract import schema, values
from prodsheets.findings import Finding, Location, column_letter
from prodsheets.i18n import Bilingual, quoted
from prodsheets.io.workbook import Sheet
from prodsheets.model import ROW_NAME, TableData

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
    schema.HOURS: C.BAD_TIME,
}


class Hints(NamedTuple):
    """What reading a value needs to know of the production: its language (``1,200`` is
    one thousand two hundred in English), the year of its dates (``jeudi 30 juillet``),
    the workbook's date system."""

    lang: str = "en"
    years: values.YearFrom | None = None
    date1904: bool = False


def find_header(
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
                    (loc(sheet, header_index, j),),
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


def loc(sheet: Sheet, i: int, j: int, row_id: str | None = None) -> Location:
    wb = sheet.workbook
    return Location(
        wb.display,
        sheet.name,
        sheet.first_row + i + 1,
        column_letter(sheet.first_col + j),
        row_id,
        str(wb.path),
    )


# Where a table's single time range cell puts its two times.
HOURS_INTO = {"bookings": ("call", "wrap")}


def read_table(
    sheet: Sheet,
    table: schema.Table,
    hints: Hints | None = None,
    header: tuple[int, dict[str, int]] | None = None,
    optional: frozenset[str] = frozenset(),
) -> tuple[TableData | None, list[Finding]]:
    """Find the header, keep the rows that hold something, and type every value.

    ``header`` (the header row's index and each column's) is given by a mapping instead
    of being found; ``optional`` are required columns the caller makes up for (ids it
    derives from names). A Bookings sheet with dates needs no event: each row makes one.
    """
    wb = sheet.workbook
    hints = hints or Hints(date1904=wb.date1904)
    found = find_header(sheet, table) if header is None else (*header, [])
    if found is None:
        names = ", ".join(f"“{c.name(_guess_lang(sheet.name, table))}”" for c in table.columns[:4])
        where = Location(wb.display, sheet.name, path=str(wb.path))
        return None, [Finding(C.NO_HEADER, {"table": sheet.name, "columns": names}, (where,))]
    header_index, columns, findings = found
    columns = _ranges_for_times(sheet, table, header_index, columns)
    columns = _dates_in_times(sheet, table, header_index, columns)
    if table.key == "bookings" and "date" in columns:
        optional = optional | {"event"}
    header_row = sheet.first_row + header_index + 1
    # A mapped sheet's name says nothing of its language: the production's does.
    lang = _guess_lang(sheet.name, table) if header is None else hints.lang
    first_col_letter = column_letter(sheet.first_col + min(columns.values(), default=0))
    said_instead = _unknown_columns(sheet, table, header_index, columns, hints, findings)
    said_instead |= set(optional)
    start_end = HOURS_INTO.get(table.key, ("start", "end"))
    if "time_range" in columns:
        said_instead |= set(start_end)
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
    # By column key: one sheet column may give two (a date-and-time gives the date too).
    fast = {
        key: _fast_values(table.column(key).kind, map(itemgetter(j), body))
        for key, j in columns.items()
    }
    by_column = {j: fast[key] for key, j in reversed(columns.items())}
    blank = _blank_rows(by_column, header_index, sheet)
    kept_n: list[int] | range = range(len(body))
    if blank:
        kept_n = [n for n in kept_n if n not in blank]
        fast = {key: [c[n] for n in kept_n] for key, c in fast.items()}
        kept = [header_index + 1 + n for n in kept_n]
        rows = [sheet.first_row + i + 1 for i in kept]
    else:  # every row holds something: the row numbers are ranges, built at C speed
        first = header_index + 1
        kept = list(range(first, first + len(body)))
        rows = list(range(sheet.first_row + first + 1, sheet.first_row + first + 1 + len(body)))
    parsed_values: dict[str, list[Any]] = {}  # filled column by column, ids first
    unreadable: dict[str, set[int]] = {}
    physical = {k: sheet.first_col + j for k, j in columns.items()}
    headers = {k: _header_text(sheet.rows[header_index], j) for k, j in columns.items()}
    data = TableData(
        table=table,
        file=wb.display,
        path=str(wb.path),
        sheet=sheet.name,
        header_row=header_row,
        columns=physical,
        headers=headers,
        rows=rows,
        values=parsed_values,
        unreadable=unreadable,
    )

    id_key = ROW_NAME.get(table.key, table.id_column)
    order = sorted(columns.items(), key=lambda kv: kv[0] != id_key)  # ids first, for locations
    for key, j in order:
        col = table.column(key)
        if key in optional:
            col = col._replace(required=False)

        def raw(n: int, j: int = j) -> Any:
            return body[kept_n[n]][j]

        # The cells the full parser will see, noted before it replaces them (at C speed first).
        slow = [n for n, v in enumerate(fast[key]) if v is _SLOW] if _SLOW in fast[key] else []
        parsed, problems = _parse_column(sheet, data, col, j, kept, fast[key], raw, hints)
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
    if "time_range" in parsed_values:
        _split_hours(parsed_values, unreadable, physical, headers, start_end)
    if table.key == "budget":
        findings = _budget_reading(data, findings)
    return data, findings


def _header_text(row: list[Any], j: int) -> str:
    return str(row[j]).strip() if j < len(row) and not values.is_blank(row[j]) else ""


def _split_hours(
    parsed: dict[str, list[Any]],
    unreadable: dict[str, set[int]],
    physical: dict[str, int],
    headers: dict[str, str],
    start_end: tuple[str, str],
) -> None:
    """A time range typed in one cell (08:00-16:00) gives the start and end (or the call
    and wrap) its row does not give in their own columns."""
    ranges = parsed["time_range"]
    for k, key in enumerate(start_end):
        if key not in parsed:
            parsed[key] = [None] * len(ranges)
            physical[key] = physical["time_range"]
            headers[key] = headers["time_range"]
            if "time_range" in unreadable:
                unreadable[key] = set(unreadable["time_range"])
        own = parsed[key]
        for i, pair in enumerate(ranges):
            if pair is not None and own[i] is None:
                own[i] = pair[k]


def _dates_in_times(
    sheet: Sheet, table: schema.Table, header_index: int, columns: dict[str, int]
) -> dict[str, int]:
    """A start (or call) column of date-and-times (a database export's 05/08/2023 08:30)
    with no date column: it gives the date too."""
    start = HOURS_INTO.get(table.key, ("start", "end"))[0]
    if not table.has_column("date") or "date" in columns or start not in columns:
        return columns
    j = columns[start]
    cells = [
        row[j]
        for row in sheet.rows[header_index + 1 : header_index + 61]
        if j < len(row) and not values.is_blank(row[j])
    ]
    stamped = sum(1 for v in cells if isinstance(v, dt.datetime))
    if not cells or stamped * 10 < len(cells) * 8:
        return columns
    return {**columns, "date": j}


def _ranges_for_times(
    sheet: Sheet, table: schema.Table, header_index: int, columns: dict[str, int]
) -> dict[str, int]:
    """A start (or call) column with no end column beside it, whose cells hold time ranges
    (« Horaire : 20h à 22h »), is the hours column: its cells give both times."""
    start, end = HOURS_INTO.get(table.key, ("start", "end"))
    if not table.has_column("time_range") or "time_range" in columns or start not in columns:
        return columns
    if end in columns:
        return columns
    j = columns[start]
    cells = [
        row[j]
        for row in sheet.rows[header_index + 1 : header_index + 61]
        if j < len(row) and isinstance(row[j], str) and row[j].strip()
    ]
    ranges = 0
    for cell in cells:
        try:
            values.parse_hours(cell)
            ranges += 1
        except values.BadValue:
            pass
    if not cells or ranges * 10 < len(cells) * 8:
        return columns
    out = {k: v for k, v in columns.items() if k != start}
    out["time_range"] = j
    return out


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
                (loc(sheet, header_index, j),),
            )
        )
    if plain:
        listed = quoted(plain)
        findings.append(
            Finding(
                C.COLUMNS_NOT_READ,
                {"table": sheet.name, "columns": listed},
                (loc(sheet, header_index, unknown[0][0]),),
            )
        )
    times = [c for c in ("start", "end") if table.has_column(c)] if table.key == "events" else []
    if times and not any(c in columns or c in said for c in (*times, "time_range")):
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
                (loc(sheet, header_index, min(columns.values(), default=0)),),
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
            blank = blank_finding(note, col.required, column_label, sheet.name, where(n))
            if blank is not None:
                findings.append(blank)
            continue
        if v is not _SLOW:
            continue
        out[n], problem = typed(col, raw(n), column_label, sheet.name, where(n), hints)
        if problem is not None:
            findings.append(problem)
    return out, findings


def blank_finding(
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


def typed(
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
        return None, blank_finding(None, col.required, label, table, where)
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
    return loc(sheet, i, j, row_id)
