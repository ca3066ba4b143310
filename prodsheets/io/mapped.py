"""Reading a producer's own sheets through the mapping beside them (``prodsheets.xlsx``).

Each mapped sheet is read as the table the mapping says, its columns found by the headers
the mapping gives (or their letters), its fixed values typed once from a cell, the
sheet's name or the mapping itself. Every value keeps its cell in the producer's sheet,
so findings point there. Roster grids are read by :mod:`prodsheets.io.roster`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from prodsheets import catalogue as C
from prodsheets.contract import mapping as M
from prodsheets.contract import schema, values
from prodsheets.findings import Finding, Location, letters_index
from prodsheets.i18n import Bilingual
from prodsheets.io.tables import Hints, blank_finding, read_table, typed
from prodsheets.io.workbook import Sheet, Workbook
from prodsheets.model import TableData, fold

HEADER_SCAN = 30  # rows looked at for a mapped sheet's header


def read_mapping_sheet(wb: Workbook) -> tuple[M.Mapping | None, list[Finding]]:
    """The mapping in a mapping workbook (None if it has no Mapping sheet)."""
    name = next((n for n in wb.sheet_names if M.is_mapping_sheet(n)), None)
    if name is None:
        return None, []
    sheet, problems = wb.read_sheet(name)
    if sheet is None:
        return None, problems
    return M.read_mapping(from_a1(sheet), wb.location(name))


def no_mapping_sheet(wb: Workbook) -> Finding:
    """PS014: a prodsheets.xlsx without its Correspondances / Mapping sheet maps nothing."""
    names = f"{M.SHEET_NAMES['fr']} / {M.SHEET_NAMES['en']}"
    problem = Bilingual(
        f"{wb.display} has no sheet named {names}, so no sheet is mapped",
        f"{wb.display} n'a pas de feuille nommée {names} : aucune feuille n'est lue par "
        "correspondance",
    )
    return Finding(C.MAPPING_ROW, {"row": 1, "problem": problem}, (wb.location(),))


def from_a1(sheet: Sheet) -> list[list[Any]]:
    """A sheet's rows as if they started at A1 (calamine starts at the first cell used)."""
    pad = [""] * sheet.first_col
    return [[] for _ in range(sheet.first_row)] + [[*pad, *row] for row in sheet.rows]


class SheetCache:
    """The producer's workbooks by name, each sheet read once however many tables it feeds."""

    def __init__(self, workbooks: Iterable[Workbook]) -> None:
        self.books = {wb.display.rsplit("/", 1)[-1].casefold(): wb for wb in workbooks}
        self._sheets: dict[tuple[str, str], tuple[Sheet | None, list[Finding]]] = {}

    def get(self, file: str, sheet: str) -> tuple[Workbook | None, str | None]:
        wb = self.books.get(file.casefold())
        if wb is None:
            return None, None
        name = next((n for n in wb.sheet_names if n.casefold() == sheet.casefold()), None)
        return wb, name

    def read(self, wb: Workbook, name: str) -> tuple[Sheet | None, list[Finding]]:
        key = (str(wb.path), name)
        if key not in self._sheets:
            self._sheets[key] = wb.read_sheet(name)
            return self._sheets[key]
        return self._sheets[key][0], []  # its problems were said the first time


def missing(sm: M.SheetMap, wb: Workbook | None) -> Finding:
    """PS015: the mapping names a workbook or a sheet the production does not have."""
    table = _table_label(sm)
    if wb is None:
        what = Bilingual("the workbook", "le classeur")
        name = sm.file
    else:
        what = Bilingual("the sheet", "la feuille")
        name = f"{sm.file} › {sm.sheet}"
    params = {"what": what, "name": name, "table": table}
    return Finding(C.MAPPING_TARGET_MISSING, params, (sm.where,))


def _table_label(sm: M.SheetMap) -> Bilingual:
    if sm.table == M.ROSTER:
        return Bilingual(M.ROSTER_NAMES["en"], M.ROSTER_NAMES["fr"])
    t = schema.TABLES_BY_KEY[sm.table]
    return Bilingual(t.en, t.fr)


# --- one sheet read as one table -------------------------------------------------------


def read_rows(sheet: Sheet, sm: M.SheetMap, hints: Hints) -> tuple[TableData | None, list[Finding]]:
    """A mapped sheet with one record per row: its columns as the mapping names them."""
    table = schema.TABLES_BY_KEY[sm.table]
    findings: list[Finding] = []
    per_row = {k: src for k, src in sm.fields.items() if src.per_row}
    fixed = {k: src for k, src in sm.fields.items() if not src.per_row and src.kind != M.FROM_NAME}
    if not per_row:
        return _one_record(sheet, sm, table, fixed, hints)
    header_index = _header_index(sheet, sm, per_row)
    columns: dict[str, int] = {}
    if header_index is not None:
        header = sheet.rows[header_index]
        for key, src in per_row.items():
            j = column_of(sheet, header, src.text)
            if j is not None and empty_column(sheet, header_index, j):
                j = None  # a letter pointing at a column with nothing in it: said
            if j is None:
                findings.append(_column_missing(sheet, sm, table, key, src, header_index))
            else:
                columns[key] = j
    else:
        for key, src in per_row.items():
            findings.append(_column_missing(sheet, sm, table, key, src, None))
    if header_index is None or not columns:
        return None, findings
    optional = frozenset(fixed) | _derived(table, sm)
    if table.key == "bookings" and "date" in fixed:
        optional |= {"event"}  # each day's bookings make their event
    data, found = read_table(sheet, table, hints, header=(header_index, columns), optional=optional)
    findings += found
    if data is None:
        return None, findings
    data, found = with_fixed(data, sheet, table, fixed, hints)
    findings += found
    return _derive_ids(data, sm), findings


def _derived(table: schema.Table, sm: M.SheetMap) -> frozenset[str]:
    """Required columns made up when the mapping does not give them: ids from names, and
    an event's or a budget line's id from its sheet and row."""
    out = set()
    id_col = table.id_column
    given = sm.fields.get(id_col) if id_col is not None else None
    from_name = given is not None and given.kind == M.FROM_NAME
    if id_col is not None and ((given is None and table.key in ("events", "budget")) or from_name):
        out.add(id_col)
    return frozenset(out)


def _derive_ids(data: TableData, sm: M.SheetMap) -> TableData:
    """Ids the mapping asks to make from the names (a crew list with names only), and the
    ids of events and budget lines a sheet does not number (its sheet and row: « Main
    Stage 12 »)."""
    id_col = data.table.id_column
    if id_col is None or id_col in data.values:
        return data
    src = sm.fields.get(id_col)
    values_ = dict(data.values)
    columns = dict(data.columns)
    if src is not None and src.kind == M.FROM_NAME and "name" in data.values:
        values_[id_col] = ids_from_names(data.values["name"])
        columns[id_col] = data.columns["name"]
    elif data.table.key == "events":
        values_[id_col] = [f"{data.sheet} {r}" for r in data.rows]
        columns[id_col] = min(data.columns.values(), default=0)
    elif data.table.key == "budget":  # a line is its row; a total row stays without a code
        described = data.col("description")
        values_[id_col] = [
            None if schema.total_row_kind(text) else f"{data.sheet} {r}"
            for r, text in zip(data.rows, described, strict=True)
        ]
        columns[id_col] = data.columns.get("description", min(data.columns.values(), default=0))
    else:
        return data
    return dataclasses.replace(data, values=values_, columns=columns)


def ids_from_names(names: list[Any]) -> list[str | None]:
    """Short ids for people known by their names, as a production office writes them: the
    first name in capitals (« Lucie Martin » → LUCIE), with the initial of the last name
    when two share it (LUCIE M), the whole name when that still clashes."""
    folded = [None if n is None else " ".join(fold(str(n)).upper().split()) for n in names]
    parts = [n.split(" ") if n else [] for n in folded]

    def first(p: list[str]) -> str:
        return p[0]

    def initial(p: list[str]) -> str:
        return f"{p[0]} {p[-1][0]}" if len(p) > 1 else p[0]

    def whole(p: list[str]) -> str:
        return " ".join(p)

    distinct = {n for n in folded if n}
    out: list[str | None] = []
    for n, p in zip(folded, parts, strict=True):
        if not n:
            out.append(None)
            continue
        for make in (first, initial, whole):
            candidate = make(p)
            others = {m for m in distinct if m != n and make(m.split(" ")) == candidate}
            if not others:
                break
        out.append(candidate)
    return out


def _header_index(sheet: Sheet, sm: M.SheetMap, per_row: dict[str, M.Source]) -> int | None:
    if sm.header_row is not None:
        i = sm.header_row - 1 - sheet.first_row
        return i if 0 <= i < len(sheet.rows) else None
    wanted = {schema.normalise(src.text) for src in per_row.values()}
    best: tuple[int, int] | None = None
    for i, row in enumerate(sheet.rows[:HEADER_SCAN]):
        hits = sum(
            1
            for v in row
            if not values.is_blank(v) and schema.normalise(values.parse_text(v)) in wanted
        )
        if hits and (best is None or hits > best[1]):
            best = (i, hits)
    if best is not None:
        return best[0]
    if all(M.column_letters(src.text) for src in per_row.values()):
        return 0  # letters only, no header row given: the first row is taken as the header
    return None


def empty_column(sheet: Sheet, header_index: int, j: int) -> bool:
    """Whether a column holds nothing at all, its header included."""
    return all(j >= len(row) or values.is_blank(row[j]) for row in sheet.rows[header_index:])


def column_of(sheet: Sheet, header: list[Any], text: str) -> int | None:
    """A mapped column: the header cell that says it, else the column of its letters."""
    wanted = schema.normalise(text)
    for j, v in enumerate(header):
        if not values.is_blank(v) and schema.normalise(values.parse_text(v)) == wanted:
            return j
    letters = M.column_letters(text)
    if letters is None:
        return None
    j = letters_index(letters) - sheet.first_col
    return j if j >= 0 else None


def _column_missing(
    sheet: Sheet,
    sm: M.SheetMap,
    table: schema.Table,
    key: str,
    src: M.Source,
    header_index: int | None,
) -> Finding:
    col = table.column(key)
    row = sheet.first_row + header_index + 1 if header_index is not None else sm.header_row
    where = src.where
    params = {
        "sheet": f"{sheet.workbook.display} › {sheet.name}",
        "column": src.text,
        "field": Bilingual(col.title("en"), col.title("fr")),
        "row": row if row is not None else "?",
    }
    return Finding(C.MAPPED_COLUMN_MISSING, params, (where,))


# --- values given once for the whole sheet ---------------------------------------------


def fixed_value(
    sheet: Sheet, src: M.Source, col: schema.Column, hints: Hints
) -> tuple[Any, Location, Finding | None]:
    """A field's one value for a sheet, where it comes from, and what is wrong with it."""
    wb = sheet.workbook
    label = Bilingual(col.title("en"), col.title("fr"))
    if src.kind == M.SHEET_NAME:
        raw: Any = sheet.name
        where = Location(wb.display, sheet.name, path=str(wb.path))
    elif src.kind == "cell":
        letters = "".join(ch for ch in src.text if ch.isalpha())
        row = int("".join(ch for ch in src.text if ch.isdigit()))
        i, j = row - 1 - sheet.first_row, letters_index(letters) - sheet.first_col
        raw = sheet.rows[i][j] if 0 <= i < len(sheet.rows) and 0 <= j < len(sheet.rows[i]) else ""
        where = Location(wb.display, sheet.name, row, letters, None, str(wb.path))
        if values.is_blank(raw):
            note = sheet.notes.get((row - 1, letters_index(letters))) if sheet.notes else None
            problem = blank_finding(note, True, label, sheet.name, (where,))
            return None, where, problem
    else:  # typed in the mapping itself
        raw = src.raw if src.raw is not None and not values.is_blank(src.raw) else src.text
        where = src.where
    if isinstance(raw, str) and col.kind in (schema.DATE, schema.TIME, schema.HOURS):
        raw = _inside_text(raw, col.kind, hints)
    elif isinstance(raw, str) and src.kind == "cell":
        raw = _without_label(raw, col)
    value, problem = typed(col, raw, label, sheet.name, (where,), hints)
    return value, where, problem


def _inside_text(text: str, kind: str, hints: Hints) -> Any:
    """A date or time typed with its label in one cell, as call sheets and run sheets head
    a page (« Date : jeudi 8 octobre 2026 », "Monday, 30 Oct 2023", « Fin : 19h »): the
    part after the last colon-and-space, else the whole text."""
    for candidate in (text, *_after_label(text)):
        try:
            values.parse(kind, candidate, years=hints.years, date1904=hints.date1904)
            return candidate
        except values.BadValue:
            continue
    return text


def _without_label(text: str, col: schema.Column) -> str:
    """« Lieu : Plage de l'Hermitage », "Location: Orion Lagoon": the value after a label
    that names the field."""
    label, sep, value = text.partition(":")
    if sep and value.strip() and schema.normalise(label) in _labels(col):
        return value.strip()
    return text


def _labels(col: schema.Column) -> set[str]:
    words = {schema.normalise(w) for w in (col.en, col.fr, col.key, *col.aliases)}
    for table_words in schema.HEADER_WORDS.values():
        words |= {schema.normalise(w) for w in table_words.get(col.key, ())}
    return words


def _after_label(text: str) -> list[str]:
    out = []
    for sep in (" : ", ": ", " - ", " – ", "\n"):
        if sep in text:
            out.append(text.split(sep, 1)[1].strip())
            out.append(text.rsplit(sep, 1)[1].strip())
    return out


def with_fixed(
    data: TableData,
    sheet: Sheet,
    table: schema.Table,
    fixed: dict[str, M.Source],
    hints: Hints,
) -> tuple[TableData, list[Finding]]:
    """The table with each fixed field's value on every row, located where it is typed."""
    if not fixed:
        return data, []
    findings: list[Finding] = []
    values_ = dict(data.values)
    located = dict(data.fixed)
    unreadable = dict(data.unreadable)
    n = len(data.rows)
    for key, src in fixed.items():
        col = table.column(key)
        value, where, problem = fixed_value(sheet, src, col, hints)
        if problem is not None:
            findings.append(problem)
        values_[key] = [value] * n
        if src.kind != M.SHEET_NAME:  # a sheet's name: each record's own row says where
            located[key] = where
        if value is None and problem is not None:
            unreadable[key] = set(range(n))
    return dataclasses.replace(data, values=values_, fixed=located, unreadable=unreadable), findings


def _one_record(
    sheet: Sheet,
    sm: M.SheetMap,
    table: schema.Table,
    fixed: dict[str, M.Source],
    hints: Hints,
) -> tuple[TableData | None, list[Finding]]:
    """A sheet that gives one record through fixed values only: a stage of a festival
    whose sheet is its name, a day of a call sheet."""
    if not fixed:
        return None, []
    wb = sheet.workbook
    row = sm.header_row or 1
    data = TableData(
        table=table,
        file=wb.display,
        path=str(wb.path),
        sheet=sheet.name,
        header_row=row,
        columns={},
        rows=[row],
        values={},
    )
    data, findings = with_fixed(data, sheet, table, fixed, hints)
    id_col = table.id_column
    if id_col is not None and id_col not in data.values and "name" in data.values:
        values_ = dict(data.values)
        values_[id_col] = list(data.values["name"])
        located = dict(data.fixed)
        located[id_col] = data.fixed["name"]
        data = dataclasses.replace(data, values=values_, fixed=located)
    return data, findings


__all__ = [
    "SheetCache",
    "column_of",
    "empty_column",
    "from_a1",
    "ids_from_names",
    "missing",
    "no_mapping_sheet",
    "read_mapping_sheet",
    "read_rows",
    "with_fixed",
]
