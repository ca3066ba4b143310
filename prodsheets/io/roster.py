"""Roster grids: people down the side, dates across the top, a shift in each cell.

A cell holds a time range (``08:00-16:00``, ``8h-16h``, ``04:15 - 12:00`` with the role
on the next line), several (``08:00-12:00 / 14:00-18:00``), a code of the Shift codes
table (``M``), or a day off (``R``, ``OFF``, ``repos``, ``congé``, blank). Each shift
becomes a booking with its date and times; the loader then gives each day and place one
event (:mod:`prodsheets.io.assemble`). Every booking keeps its cell in the grid.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from prodsheets import catalogue as C
from prodsheets.contract import mapping as M
from prodsheets.contract import schema, values
from prodsheets.findings import Finding, Location, letters_index
from prodsheets.i18n import Bilingual, quoted
from prodsheets.io.mapped import column_of, empty_column, fixed_value
from prodsheets.io.tables import Hints, blank_finding, loc, typed
from prodsheets.io.workbook import Sheet
from prodsheets.model import TableData, fold

# What a roster writes for a day not worked.
REST_WORDS = {
    fold(w)
    for w in (
        "r",
        "rh",
        "repos",
        "rest",
        "off",
        "day off",
        "jour off",
        "congé",
        "conges",
        "congés",
        "cp",
        "rtt",
        "al",
        "annual leave",
        "leave",
        "s/l",
        "sick",
        "malade",
        "maladie",
        "absent",
        "absente",
        "-",
        "–",
        "/",
        "holiday",
        "férié",
        "ferie",
        "récup",
        "recup",
        "repos compensateur",
    )
}
# Rows that total a roster, not people.
TOTAL_WORDS = {
    fold(w)
    for w in ("total", "totals", "totaux", "cost", "costs", "coût", "coûts", "hours", "heures")
}
_SPLIT = re.compile(r"\s*(?:\n|/|\+|;|,|\bet\b|\band\b)\s*")


class Shift(NamedTuple):
    start: dt.time
    end: dt.time
    breaks: tuple[values.Break, ...] = ()


class Codes(NamedTuple):
    """The Shift codes table, folded: code → its shift (None for a day off)."""

    shifts: dict[str, Shift | None]

    @classmethod
    def of(cls, table: TableData | None) -> Codes:
        found: dict[str, Shift | None] = {}
        if table is None:
            return cls(found)
        for _, code, start, end, pause in table.records("code", "start", "end", "break"):
            if code is None:
                continue
            found[fold(str(code))] = Shift(start, end, pause or ()) if start and end else None
        return cls(found)


def read_shift(cell: Any, codes: Codes) -> tuple[list[Shift], str | None] | None:
    """A roster cell's shifts and the label it adds (a role on the line below); ``([],
    None)`` for a day off; None when it is neither."""
    if isinstance(cell, str):
        text = cell.strip()
    elif isinstance(cell, dt.time | dt.datetime | int | float):
        return None  # a lone time or number is no shift
    else:
        text = values.parse_text(cell).strip()
    if not text or fold(text) in REST_WORDS:
        return [], None
    if fold(text) in codes.shifts:
        shift = codes.shifts[fold(text)]
        return ([shift] if shift is not None else []), None
    shifts: list[Shift] = []
    labels: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            start, end = values.parse_hours(line)
            shifts.append(Shift(start, end))
            continue
        except values.BadValue:
            pass
        pieces = [p for p in _SPLIT.split(line) if p]
        parsed = []
        for p in pieces:
            try:
                parsed.append(Shift(*values.parse_hours(p)))
            except values.BadValue:
                if fold(p) in codes.shifts and codes.shifts[fold(p)] is not None:
                    parsed.append(codes.shifts[fold(p)])  # type: ignore[arg-type]
                else:
                    break
        else:
            shifts += parsed
            continue
        labels.append(line)
    if not shifts:
        return None
    return shifts, " ".join(labels) or None


def read_roster(
    sheet: Sheet, sm: M.SheetMap, hints: Hints, codes: Codes
) -> tuple[TableData | None, list[Finding]]:
    """A roster grid as Bookings with dates: one record per shift, at its cell."""
    findings: list[Finding] = []
    table = schema.BOOKINGS
    wb = sheet.workbook
    who_src = sm.fields.get("who")
    if who_src is None or not who_src.per_row:
        where = sm.where
        need = Bilingual(
            "a roster needs the column of its people (field “who”)",
            "une grille a besoin de la colonne des personnes (champ « qui »)",
        )
        return None, [Finding(C.MAPPING_ROW, {"row": where.row or 1, "problem": need}, (where,))]
    header_index, who_j = _header(sheet, sm, who_src.text)
    if header_index is None or who_j is None:
        col = table.column("who")
        params = {
            "sheet": f"{wb.display} › {sheet.name}",
            "column": who_src.text,
            "field": Bilingual(col.title("en"), col.title("fr")),
            "row": sm.header_row or "?",
        }
        return None, [Finding(C.MAPPED_COLUMN_MISSING, params, (who_src.where,))]
    header = sheet.rows[header_index]
    dates: dict[int, dt.date] = {}
    not_dates: list[tuple[int, str]] = []
    for j, v in enumerate(header):
        if j == who_j or values.is_blank(v):
            continue
        try:
            dates[j] = values.parse_date(v, hints.date1904, hints.years)
        except values.BadValue as bad:
            if bad.expected in ("date_year", "date_weekday", "date_week"):
                label = Bilingual("Date", "Date")
                _, problem = typed(
                    table.column("date"),
                    v,
                    label,
                    sheet.name,
                    (loc(sheet, header_index, j),),
                    hints,
                )
                if problem is not None:
                    findings.append(problem)
            else:
                not_dates.append((j, values.parse_text(v).strip()))
    if not dates and not any(f.code is not C.COLUMNS_NOT_READ for f in findings):
        # A header row of no dates (a row too low or too high): the roster is not read,
        # and said so, never passed over as columns of one's own.
        col = table.column("date")
        params = {
            "sheet": f"{wb.display} › {sheet.name}",
            "column": Bilingual("dates", "dates"),
            "field": Bilingual(col.title("en"), col.title("fr")),
            "row": sheet.first_row + header_index + 1,
        }
        return None, [Finding(C.MAPPED_COLUMN_MISSING, params, (who_src.where,))]
    if not_dates:
        listed = quoted([t for _, t in not_dates])
        findings.append(
            Finding(
                C.COLUMNS_NOT_READ,
                {"table": sheet.name, "columns": listed},
                (loc(sheet, header_index, not_dates[0][0]),),
            )
        )
    shared: dict[str, Any] = {}
    shared_at: dict[str, Location] = {}
    beside: dict[str, int] = {}  # a field in a column beside the names (a role per person)
    for key in ("location", "role", "break"):
        src = sm.fields.get(key)
        if src is None:
            continue
        if src.per_row:
            found_j = _beside(sheet, header, src.text)
            if found_j is None:
                col = table.column(key)
                params = {
                    "sheet": f"{wb.display} › {sheet.name}",
                    "column": src.text,
                    "field": Bilingual(col.title("en"), col.title("fr")),
                    "row": sheet.first_row + header_index + 1,
                }
                findings.append(Finding(C.MAPPED_COLUMN_MISSING, params, (src.where,)))
            else:
                beside[key] = found_j
            continue
        value, where, wrong = fixed_value(sheet, src, table.column(key), hints)
        if wrong is not None:
            findings.append(wrong)
        shared[key], shared_at[key] = value, where

    rows: list[int] = []
    at: list[int] = []
    cols: dict[str, list[Any]] = {k: [] for k in ("who", "date", "call", "wrap", "role", "break")}
    for i in range(header_index + 1, len(sheet.rows)):
        row = sheet.rows[i]
        who = row[who_j] if who_j < len(row) else ""
        if values.is_blank(who):
            if any(j < len(row) and not values.is_blank(row[j]) for j in dates):
                # Shifts with nobody named: said at the name's cell, never dropped.
                label = Bilingual(table.column("who").title("en"), table.column("who").title("fr"))
                nobody = (loc(sheet, i, who_j),)
                said = blank_finding(None, True, label, sheet.name, nobody)
                if said is not None:
                    findings.append(said)
            continue
        name = values.parse_text(who).strip()
        if fold(name) in TOTAL_WORDS:
            continue  # a totals row at the foot of the grid
        own: dict[str, Any] = {}
        for key, j in beside.items():
            raw = row[j] if j < len(row) else ""
            if values.is_blank(raw):
                continue
            label = Bilingual(table.column(key).title("en"), table.column(key).title("fr"))
            at_cell = (loc(sheet, i, j, name),)
            own[key], wrong = typed(table.column(key), raw, label, sheet.name, at_cell, hints)
            if wrong is not None:
                findings.append(wrong)
        for j, day in dates.items():
            cell = row[j] if j < len(row) else ""
            if values.is_blank(cell):
                continue
            read = read_shift(cell, codes)
            if read is None:
                params = {
                    "sheet": sheet.name,
                    "found": values.parse_text(cell).replace("\n", " "),
                    "who": name,
                    "date": day.strftime("%d/%m/%Y"),
                }
                findings.append(Finding(C.SHIFT_NOT_READ, params, (loc(sheet, i, j, name),)))
                continue
            shifts, note = read
            for shift in shifts:
                rows.append(sheet.first_row + i + 1)
                at.append(sheet.first_col + j)
                cols["who"].append(name)
                cols["date"].append(day)
                cols["call"].append(shift.start)
                cols["wrap"].append(shift.end)
                cols["role"].append(own.get("role") or shared.get("role") or note)
                cols["break"].append(shift.breaks or own.get("break") or shared.get("break"))
                if "location" in beside:
                    cols.setdefault("location", []).append(own.get("location"))
    n = len(rows)
    if "location" in shared:
        cols["location"] = [shared["location"]] * n
    if not any(v is not None for v in cols["break"]):
        del cols["break"]
    fixed = {k: shared_at[k] for k in shared_at if k in cols}
    # Each booking is its day's cell: findings about it point there, on the person's row.
    per_record = {k: at for k in ("", "who", "date", "call", "wrap")}
    if "role" not in shared:
        per_record["role"] = at
    if "break" in cols and "break" not in shared:
        per_record["break"] = at
    data = TableData(
        table=table,
        file=wb.display,
        path=str(wb.path),
        sheet=sheet.name,
        header_row=sheet.first_row + header_index + 1,
        columns={"who": sheet.first_col + who_j},
        headers={"who": values.parse_text(header[who_j]).strip() if who_j < len(header) else ""},
        rows=rows,
        values=cols,
        fixed=fixed,
        at=per_record,
    )
    return data, findings


def _beside(sheet: Sheet, header: list[Any], text: str) -> int | None:
    """A column of the roster other than the days (a role per person): by its header, else
    its letters; None when it is not there or holds nothing."""
    j = column_of(sheet, header, text)
    return None if j is None or empty_column(sheet, 0, j) else j


def _header(sheet: Sheet, sm: M.SheetMap, who: str) -> tuple[int | None, int | None]:
    """The header row (the dates) and the people's column."""
    letters = M.column_letters(who)
    wanted = schema.normalise(who)
    rows = sheet.rows
    if sm.header_row is not None:
        candidates = [sm.header_row - 1 - sheet.first_row]
    else:
        candidates = list(range(min(len(rows), 30)))
    for i in candidates:
        if not 0 <= i < len(rows):
            continue
        row = rows[i]
        for j, v in enumerate(row):
            if not values.is_blank(v) and schema.normalise(values.parse_text(v)) == wanted:
                return i, j
        if letters is not None:
            j = letters_index(letters) - sheet.first_col
            if j < 0 or all(j >= len(r) or values.is_blank(r[j]) for r in rows):
                return None, None  # a column with nothing in it holds no one
            if sm.header_row is not None or _has_dates(row, j):
                return i, j
    return None, None


def _has_dates(row: list[Any], skip: int) -> bool:
    """Whether a row reads as a roster's header: at least two cells are dates."""
    seen = 0
    for j, v in enumerate(row):
        if j == skip or values.is_blank(v):
            continue
        try:
            values.parse_date(v)
            seen += 1
        except values.BadValue as bad:
            seen += bad.expected in ("date_year", "date_week")
    return seen >= 2


__all__ = ["REST_WORDS", "Codes", "Shift", "read_roster", "read_shift"]
