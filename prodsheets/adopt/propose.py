"""Proposing a mapping for a producer's own workbooks: which sheet is which table, which
column is which field, and how sure that is.

Each sheet is looked at as a production manager would: a row of dates across the top
with names down the side and shifts in the cells is a roster; otherwise the row of
headers that names the most columns of one table (French and English, the alias table of
:mod:`prodsheets.contract.schema`) says the table, and the values of the columns it does
not name say the rest (dates, times, time ranges, amounts). What a sheet shares with its
siblings (a sheet per stage) or writes above its header (a day's date) becomes a value
for the whole sheet. Pure functions over the sheets' rows; the command
(:mod:`prodsheets.adopt`) opens the workbooks and writes the result.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from prodsheets.contract import mapping as M
from prodsheets.contract import schema, values
from prodsheets.findings import column_letter
from prodsheets.io.roster import REST_WORDS, TOTAL_WORDS, Codes, read_shift
from prodsheets.model import fold

HEADER_ROWS = 15  # rows looked at for a header
SAMPLE = 60  # rows looked at below it for what a column holds

# How a field was placed: by its header, by what its cells hold, from the sheet's name,
# from a cell above the table, made from the names.
BY_HEADER, BY_VALUES, BY_SHEET, BY_CELL, BY_NAME = "header", "values", "sheet", "cell", "name"
# How sure a sheet's table is.
SURE, LIKELY, UNSURE = "sure", "likely", "unsure"

# Tables a producer's sheet may be, with what it needs to be taken for one.
CANDIDATES: dict[str, tuple[frozenset[str], ...]] = {
    "events": (
        frozenset({"date", "start"}),
        frozenset({"date", "time_range"}),
        frozenset({"start"}),
    ),
    "bookings": (frozenset({"who"}),),
    "crew": (frozenset({"name"}),),
    "budget": (frozenset({"description", "total"}), frozenset({"description", "rate"})),
    "locations": (frozenset({"name", "address"}),),
    "resources": (frozenset({"name", "quantity"}),),
    "vendors": (frozenset({"name", "service"}),),
    "actuals": (frozenset({"amount"}),),
    "risks": (frozenset({"risk"}),),
    "unavailability": (frozenset({"who", "from", "to"}),),
}
# The columns that tell one table from another when the headers name as many of each.
_TELLING: dict[str, frozenset[str]] = {
    "events": frozenset({"date", "start", "end", "time_range", "title"}),
    "bookings": frozenset({"who", "call", "wrap", "time_range"}),
    "crew": frozenset({"name", "id", "day_rate", "contract"}),
    "budget": frozenset({"total", "rate", "quantity"}),
}
_TELLING = {k: _TELLING.get(k, frozenset()) for k in CANDIDATES} | _TELLING
# Headers that name people in a list of shifts (a run sheet: Role | Name | Shift Time).
_PERSON_HEADERS = {
    schema.normalise(w)
    for w in ("name", "nom", "prénom", "prenom", "nom prénom", "full name", "staff name")
}
_ROLE_HEADERS = {
    schema.normalise(w)
    for w in ("role", "rôle", "poste", "fonction", "job", "position", "post", "function")
}


class FieldGuess(NamedTuple):
    """One field of a sheet's table: where its values are, and how that was found."""

    field: str
    kind: str  # M.Source kinds: "column", M.SHEET_NAME, "cell", M.FROM_NAME
    text: str  # the header as typed (or letters), the cell's reference
    how: str  # BY_HEADER, BY_VALUES, BY_SHEET, BY_CELL, BY_NAME
    shown: str = ""  # what the producer sees there (a header, a cell's text)


class SheetGuess(NamedTuple):
    """What one sheet most likely is."""

    file: str
    sheet: str
    table: str | None  # a table key, M.ROSTER, or None (not placed)
    header_row: int | None  # 1-based
    fields: list[FieldGuess]
    sure: str
    unplaced: list[str]  # headers it could not place
    dates: list[dt.date]  # the dates it holds (for Production's start and end)
    undated: int = 0  # dates typed without a year
    note: str = ""  # why not placed: "empty", "ours" (already read as it is)


class Proposal(NamedTuple):
    sheets: list[SheetGuess]
    settings: dict[str, Any]
    lang: str

    @property
    def placed(self) -> list[SheetGuess]:
        return [s for s in self.sheets if s.table is not None]


Rows = Sequence[Sequence[Any]]


def text_of(value: Any) -> str:
    return "" if values.is_blank(value) else values.parse_text(value).strip()


# --- what a cell holds --------------------------------------------------------------------


def _date_like(value: Any, years: values.YearFrom | None) -> tuple[dt.date | None, bool]:
    """(the date, whether it lacks its year) when a cell reads as a date."""
    if isinstance(value, dt.datetime):
        return value.date(), False
    if isinstance(value, dt.date):
        return value, False
    if not isinstance(value, str) or not value.strip():
        return None, False
    try:
        return values.parse_date(value, years=years), False
    except values.BadValue as bad:
        return None, bad.expected in ("date_year", "date_week")


def _kind_of(value: Any, years: values.YearFrom | None) -> str | None:
    """What a cell holds, as far as placing its column goes."""
    if values.is_blank(value):
        return None
    if isinstance(value, dt.time):
        return "time"
    if isinstance(value, dt.datetime):
        return "date" if value.time() == dt.time() else "datetime"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "number"
    text = str(value).strip()
    date, undated = _date_like(text, years)
    if date is not None or undated:
        return "date"
    try:
        values.parse_hours(text.splitlines()[0])
        return "hours"
    except (values.BadValue, IndexError):
        pass
    try:
        values.parse_time(text)
        return "time"
    except values.BadValue:
        pass
    try:
        values.read_number(text, "money", "fr")
        return "money" if re.search(r"[€$£]|eur|chf", text, re.I) else "number"
    except values.BadValue:
        return "text"


def _column_kinds(rows: Rows, header: int, j: int, years: values.YearFrom | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows[header + 1 : header + 1 + SAMPLE]:
        if j < len(row):
            k = _kind_of(row[j], years)
            if k is not None:
                counts[k] = counts.get(k, 0) + 1
    return counts


def _mostly(counts: dict[str, int], *kinds: str) -> bool:
    total = sum(counts.values())
    return total >= 1 and sum(counts.get(k, 0) for k in kinds) * 10 >= total * 8


# --- rosters ----------------------------------------------------------------------------


class _Roster(NamedTuple):
    header: int
    who: int
    dates: list[int]
    undated: int


def find_roster(rows: Rows, years: values.YearFrom | None) -> _Roster | None:
    """A header row of at least three dates, a column of names on their left, shifts in
    the cells under the dates."""
    codes = Codes({})
    for i, row in enumerate(rows[:30]):
        dated: list[int] = []
        undated = 0
        for j, v in enumerate(row):
            date, no_year = _date_like(v, years)
            if date is not None or no_year:
                dated.append(j)
                undated += no_year
        if len(dated) < 3:
            continue
        left = [j for j in range(min(dated)) if _names_below(rows, i, j)]
        if not left:
            continue
        ranges = days_off = codes_seen = cells = 0
        for r in rows[i + 1 : i + 1 + SAMPLE]:
            label = text_of(r[left[-1]]) if left[-1] < len(r) else ""
            if fold(label) in TOTAL_WORDS:
                continue  # the totals at the foot of the grid
            for j in dated:
                if j < len(r) and not values.is_blank(r[j]):
                    cells += 1
                    text = text_of(r[j])
                    if read_shift(r[j], codes):
                        ranges += 1
                    elif fold(text) in REST_WORDS:
                        days_off += 1
                    elif isinstance(r[j], str) and _code_like(text):
                        codes_seen += 1  # a shift code (M, AM, N, X9)
        # Time ranges (or shift codes) in most of the cells: not a table of hours or notes.
        if (
            cells
            and (ranges + days_off + codes_seen) * 10 >= cells * 8
            and (ranges * 10 >= cells * 3 or codes_seen * 10 >= cells * 5)
        ):
            return _Roster(i, left[-1], dated, undated)
    return None


def _code_like(text: str) -> bool:
    return len(text) <= 3 and text.isalnum() and any(ch.isalpha() for ch in text)


def _names_below(rows: Rows, i: int, j: int) -> bool:
    seen = [r[j] for r in rows[i + 1 : i + 1 + SAMPLE] if j < len(r) and not values.is_blank(r[j])]
    texts = [v for v in seen if isinstance(v, str) and not any(ch.isdigit() for ch in v)]
    return len(texts) >= 2 and len(texts) * 10 >= len(seen) * 8


# --- a table of rows ----------------------------------------------------------------------


class _Table(NamedTuple):
    key: str
    header: int
    columns: dict[str, int]
    how: dict[str, str]
    score: int


def _named(table: schema.Table, rows: Rows, i: int) -> dict[str, int]:
    """The columns a header row (``rows[i]``) names for a table."""
    header = rows[i]
    found: dict[str, int] = {}
    for j, v in enumerate(header):
        if not isinstance(v, str) or not v.strip():
            continue
        key = schema.column_for_header(table, v)
        if key is not None and key not in found:
            found[key] = j
    for j, v in enumerate(header):
        if isinstance(v, str) and j not in found.values():
            key = schema.weak_column_for_header(table, v)
            if key is not None and key not in found and not _weekdays_below(rows, i, j):
                found[key] = j
    return found


def _weekdays_below(rows: Rows, i: int, j: int) -> bool:
    """A « Jour » column of weekday names (a weekly programme): not dates."""
    seen = [
        text_of(r[j]).casefold().rstrip(".")
        for r in rows[i + 1 : i + 1 + SAMPLE]
        if j < len(r) and text_of(r[j])
    ]
    return bool(seen) and all(v in values.WEEKDAYS for v in seen)


def find_table(rows: Rows, years: values.YearFrom | None) -> _Table | None:
    """The header row and table that name the most columns, completed by the values."""
    best: _Table | None = None
    for i, row in enumerate(rows[:HEADER_ROWS]):
        texts = [v for v in row if isinstance(v, str) and v.strip()]
        if len(texts) < 2:
            continue
        for key in CANDIDATES:
            table = schema.TABLES_BY_KEY[key]
            columns = _named(table, rows, i)
            if key == "bookings" and "who" in columns and _is_id(row[columns["who"]]):
                del columns["who"]  # a row's own id (a shift's), not a person
            if not columns:
                continue  # a table is taken from its headers first, never from values alone
            how = dict.fromkeys(columns, BY_HEADER)
            columns, how = _people_list(key, row, columns, how)
            _by_values(rows, i, key, columns, how, years)
            named = {k for k, h in how.items() if h == BY_HEADER}
            if not any(need <= named for need in CANDIDATES[key]):
                continue  # what tells the table apart is named by its headers
            if _repeated(row, columns):
                continue  # « Start | Finish » once a day across: not one table of rows
            score = 2 * sum(1 for h in how.values() if h == BY_HEADER) + len(columns)
            score += len(set(columns) & _TELLING[key])
            if best is None or score > best.score:
                best = _Table(key, i, columns, how, score)
    return best


def _repeated(header: Sequence[Any], columns: dict[str, int]) -> bool:
    """Whether a header the table reads comes back further along the row (a week's days
    side by side, each with its own Start and Finish)."""
    texts = [schema.normalise(text_of(v)) for v in header]
    return any(texts.count(texts[j]) > 1 for j in columns.values() if texts[j])


def _is_id(header: Any) -> bool:
    return schema.normalise(text_of(header)) in {"id", "identifiant", "uuid", "key"}


def _people_list(
    key: str, header: Sequence[Any], columns: dict[str, int], how: dict[str, str]
) -> tuple[dict[str, int], dict[str, str]]:
    """A list of shifts names its people « Nom » next to a « Poste »: in Bookings, that
    column is who (in Events, a « Nom » would be the title)."""
    if key != "bookings" or "who" in columns:
        return columns, how
    norm = [schema.normalise(v) if isinstance(v, str) else "" for v in header]
    if not any(n in _ROLE_HEADERS for n in norm):
        return columns, how
    for j, n in enumerate(norm):
        if n in _PERSON_HEADERS and j not in columns.values():
            return {**columns, "who": j}, {**how, "who": BY_HEADER}
    return columns, how


# What an unnamed column may be, by the table, in order: a field and what it must hold.
_BY_VALUES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "events": (
        ("date", ("date",)),
        ("time_range", ("hours",)),
        ("start", ("time",)),
        ("end", ("time",)),
    ),
    "bookings": (
        ("date", ("date",)),
        ("time_range", ("hours",)),
        ("call", ("time",)),
        ("wrap", ("time",)),
    ),
    "budget": (("rate", ("money", "number")), ("total", ("money", "number"))),
    "actuals": (("date", ("date",)), ("amount", ("money", "number"))),
}


def _by_values(
    rows: Rows,
    header: int,
    key: str,
    columns: dict[str, int],
    how: dict[str, str],
    years: values.YearFrom | None,
) -> None:
    wanted = _BY_VALUES.get(key, ())
    if not wanted:
        return
    for j in range(len(rows[header])):
        if j in columns.values():
            continue
        counts = _column_kinds(rows, header, j, years)
        for field, kinds in wanted:
            if field in columns:
                continue
            if field in ("start", "end", "call", "wrap") and "time_range" in columns:
                continue
            if _mostly(counts, *kinds):
                columns[field] = j
                how[field] = BY_VALUES
                break


# --- a sheet ------------------------------------------------------------------------------


def guess_sheet(file: str, sheet: str, rows: Rows, years: values.YearFrom | None) -> SheetGuess:
    """What one sheet most likely is (fixed values shared with siblings are added later)."""
    if not any(any(not values.is_blank(v) for v in row) for row in rows[:60]):
        return SheetGuess(file, sheet, None, None, [], UNSURE, [], [], note="empty")
    roster = find_roster(rows, years)
    if roster is not None:
        return _roster_guess(file, sheet, rows, roster, years)
    found = find_table(rows, years)
    if found is None:
        return SheetGuess(file, sheet, None, None, [], UNSURE, _headers(rows), [])
    header = rows[found.header]
    fields = [
        FieldGuess(k, "column", _column_text(header, j), found.how[k], _header_of(header, j))
        for k, j in sorted(found.columns.items(), key=lambda kv: kv[1])
    ]
    placed = set(found.columns.values())
    unplaced = [text_of(v) for j, v in enumerate(header) if j not in placed and text_of(v)]
    by_header = sum(1 for h in found.how.values() if h == BY_HEADER)
    sure = SURE if by_header >= 3 else LIKELY if by_header >= 2 else UNSURE
    if found.key == "crew" and "id" not in found.columns:
        fields.append(FieldGuess("id", M.FROM_NAME, "", BY_NAME))
    dates: list[dt.date] = []
    undated = 0
    for k in ("date", "from", "to"):
        if k in found.columns:
            d, u = _dates_in(rows, found.header, found.columns[k], years)
            dates += d
            undated += u
    table = schema.TABLES_BY_KEY[found.key]
    for key, ref, shown in _labels_above(rows, found.header, table):
        if key not in found.columns and key not in {f.field for f in fields}:
            fields.append(FieldGuess(key, "cell", ref, BY_CELL, shown))
            if key == "date":
                day, no_year = _date_like(shown.rpartition(":")[2].strip() or shown, years)
                dates += [day] if day is not None else []
                undated += no_year
    if found.key in ("events", "bookings") and "date" not in {f.field for f in fields}:
        cell = _date_above(rows, found.header, years)
        if cell is not None:
            ref, shown, date, no_year = cell
            fields.append(FieldGuess("date", "cell", ref, BY_CELL, shown))
            dates += [date] if date is not None else []
            undated += no_year
    lacking = _lacking(found, fields, rows, years)
    if lacking:
        note = f"{NEEDS}{found.key}:{','.join(lacking)}"
        return SheetGuess(file, sheet, None, found.header + 1, [], UNSURE, [], [], note=note)
    return SheetGuess(
        file, sheet, found.key, found.header + 1, fields, sure, unplaced, dates, undated
    )


NEEDS = "needs:"  # a note: the table a sheet looks like, and the fields it lacks
# What a table needs to be read, beyond what the loader makes up (an event's or a budget
# line's id from its sheet and row, a crew member's id from the name, a day's event).
_NEEDS: dict[str, tuple[str, ...]] = {
    "events": ("date",),
    "bookings": ("who",),
    "crew": ("name",),
    "budget": ("description",),
}


def _lacking(
    found: _Table, fields: list[FieldGuess], rows: Rows, years: values.YearFrom | None
) -> list[str]:
    have = {f.field for f in fields}
    table = schema.TABLES_BY_KEY[found.key]
    needs = _NEEDS.get(found.key) or tuple(c.key for c in table.columns if c.required)
    lacking = [k for k in needs if k not in have]
    start = "call" if found.key == "bookings" else "start"
    if "date" in lacking and start in found.columns:
        counts = _column_kinds(rows, found.header, found.columns[start], years)
        if _mostly(counts, "datetime"):
            lacking.remove("date")  # its start cells hold the date too
    if found.key == "bookings" and not have & {"event", "date"}:
        call = found.columns.get("call")
        counts = _column_kinds(rows, found.header, call, years) if call is not None else {}
        if not _mostly(counts, "datetime"):
            lacking.append("date")
    return lacking


def _roster_guess(
    file: str, sheet: str, rows: Rows, roster: _Roster, years: values.YearFrom | None
) -> SheetGuess:
    header = rows[roster.header]
    who = _column_text(header, roster.who)
    shown = text_of(header[roster.who]) if roster.who < len(header) else ""
    fields = [FieldGuess("who", "column", who, BY_VALUES, shown)]
    for i in range(roster.header):
        for j, v in enumerate(rows[i]):
            text = text_of(v)
            label = text.partition(":")[0]
            if ":" in text and schema.normalise(label) in _LOCATION_LABELS:
                fields.append(FieldGuess("location", "cell", _ref(i, j), BY_CELL, text))
                break
    dates = []
    for j in roster.dates:
        d, _ = _date_like(header[j], years)
        if d is not None:
            dates.append(d)
    placed = {roster.who, *roster.dates}
    unplaced = [text_of(v) for j, v in enumerate(header) if j not in placed and text_of(v)]
    return SheetGuess(
        file, sheet, M.ROSTER, roster.header + 1, fields, SURE, unplaced, dates, roster.undated
    )


_LOCATION_LABELS = {
    schema.normalise(w) for w in ("location", "lieu", "venue", "site", "salle", "place", "lieux")
}


def _header_of(header: Sequence[Any], j: int) -> str:
    return text_of(header[j]) if j < len(header) else ""


def _column_text(header: Sequence[Any], j: int) -> str:
    text = text_of(header[j]) if j < len(header) else ""
    return text or column_letter(j)


def _ref(i: int, j: int) -> str:
    return f"{column_letter(j)}{i + 1}"


def _headers(rows: Rows) -> list[str]:
    for row in rows[:HEADER_ROWS]:
        texts = [text_of(v) for v in row if isinstance(v, str) and v.strip()]
        if len(texts) >= 2:
            return texts
    return []


def _dates_in(
    rows: Rows, header: int, j: int, years: values.YearFrom | None
) -> tuple[list[dt.date], int]:
    found, undated = [], 0
    for row in rows[header + 1 :]:
        if j < len(row):
            d, u = _date_like(row[j], years)
            if d is not None:
                found.append(d)
            undated += u
    return found, undated


def _labels_above(rows: Rows, header: int, table: schema.Table) -> list[tuple[str, str, str]]:
    """Fields a page head gives once for the table below (a call sheet's « Date : 08/10 »,
    « Lieu : Studio 5 », « Fin prévue | 20:00 »): (field, the value's cell, its text)."""
    out: list[tuple[str, str, str]] = []
    for i in range(header):
        row = rows[i]
        for j, v in enumerate(row):
            text = text_of(v)
            if not text:
                continue
            label, sep, after = text.partition(":")
            if sep and after.strip():
                key = schema.column_for_header(table, label.strip())
                if key is not None:
                    out.append((key, _ref(i, j), text))
                continue
            key = schema.column_for_header(table, text.rstrip(" :"))
            right = next(
                (k for k in range(j + 1, min(len(row), j + 4)) if not values.is_blank(row[k])),
                None,
            )
            if key is not None and right is not None:
                out.append((key, _ref(i, right), text_of(row[right])))
    return out


def _date_above(
    rows: Rows, header: int, years: values.YearFrom | None
) -> tuple[str, str, dt.date | None, bool] | None:
    """A day's date typed above the table (« Monday, 30 Oct 2023 », « Date : 08/10/2026 »)."""
    for i in range(header):
        for j, v in enumerate(rows[i]):
            text = text_of(v)
            for candidate in (v, text.rpartition(":")[2].strip(), *text.splitlines()):
                d, no_year = _date_like(candidate, years)
                if d is not None or no_year:
                    return _ref(i, j), text, d, no_year
    return None


# --- a workbook's sheets together -------------------------------------------------------


def with_siblings(guesses: list[SheetGuess]) -> list[SheetGuess]:
    """Sheets of one workbook laid out alike (a sheet per stage, per day) share a table:
    without a place of their own, each sheet's name is its place, or its date when the
    names are dates."""
    out = []
    for g in guesses:
        if g.table not in ("events", "bookings"):
            out.append(g)
            continue
        shape = {f.text for f in g.fields if f.kind == "column"}
        alike = [
            o
            for o in guesses
            if o is not g
            and o.file == g.file
            and o.table == g.table
            and {f.text for f in o.fields if f.kind == "column"} == shape
        ]
        fields = list(g.fields)
        keys = {f.field for f in fields}
        if alike and "location" not in keys and not _is_date_name(g.sheet):
            fields.append(FieldGuess("location", M.SHEET_NAME, "", BY_SHEET, g.sheet))
        if "date" not in keys and _date_like(g.sheet, None) != (None, False):
            fields.append(FieldGuess("date", M.SHEET_NAME, "", BY_SHEET, g.sheet))
        out.append(g._replace(fields=fields))
    return out


_DAY_NAME = re.compile(r"(?i)^(?:j|jour|day|d|jour de tournage|shooting day)\s*\d{1,3}$")


def _is_date_name(name: str) -> bool:
    """A sheet named after a day (a date, a weekday, « J3 », "Day 3"): not a place."""
    d, no_year = _date_like(name, None)
    text = name.strip().casefold().rstrip(".")
    return d is not None or no_year or text in values.WEEKDAYS or bool(_DAY_NAME.match(text))


# --- the production's settings ------------------------------------------------------------

_FRENCH = re.compile(
    r"[éèêàçùâîôû]|\b(nom|prénom|lieu|début|fin|qui|heure|heures|jour|prix|montant|libellé|"
    r"poste|équipe|horaires?|pause|durée|quantité|date de|intitulé|salle|convocation)\b",
    re.I,
)


def language_of(texts: Sequence[str]) -> str:
    """French when a third of the headers are French words, else English."""
    if not texts:
        return "en"
    french = sum(1 for t in texts if _FRENCH.search(t))
    return "fr" if french * 3 >= len(texts) else "en"


def year_in(rows: Rows) -> int | None:
    """The one year a title or a header names (« Roster … 5 November 2023 »), if any."""
    found: set[int] = set()
    for row in rows[:6]:
        for v in row:
            if isinstance(v, str):
                found.update(int(y) for y in re.findall(r"\b(19[5-9]\d|20\d\d|21\d\d)\b", v))
            elif isinstance(v, dt.date):
                found.add(v.year)
    return found.pop() if len(found) == 1 else None


__all__ = [
    "BY_CELL",
    "BY_HEADER",
    "BY_NAME",
    "BY_SHEET",
    "BY_VALUES",
    "FieldGuess",
    "Proposal",
    "SheetGuess",
    "find_roster",
    "find_table",
    "guess_sheet",
    "language_of",
    "with_siblings",
    "year_in",
]
