"""`prodsheets adopt`: read a producer's own workbooks as they are, through a mapping.

``propose(path)`` opens the workbooks, guesses what each sheet is
(:mod:`prodsheets.adopt.propose`) and the production's settings; ``write_mapping``
writes the proposal as ``prodsheets.xlsx`` beside them (never into them), which every
command then honours (:mod:`prodsheets.io.mapped`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, NamedTuple

from prodsheets.adopt.propose import (
    Proposal,
    SheetGuess,
    guess_sheet,
    language_of,
    text_of,
    with_siblings,
    year_in,
)
from prodsheets.contract import mapping as M
from prodsheets.contract import schema, values
from prodsheets.findings import Finding
from prodsheets.io.load import EXTENSIONS, discover
from prodsheets.io.mapped import from_a1
from prodsheets.io.tables import find_header
from prodsheets.io.workbook import Sheet, open_workbook


class Sheets(NamedTuple):
    """Every sheet of the workbooks to adopt, as rows from A1."""

    rows: dict[tuple[str, str], list[list[Any]]]
    ours: list[tuple[str, str]]  # already named and laid out as a table: read as they are
    findings: list[Finding]


def workbooks_of(path: Path) -> list[Path]:
    """The producer's workbooks: a folder's (without the mapping itself), or one."""
    if path.is_dir():
        return [p for p in discover(path) if p.name.casefold() != M.MAPPING_FILE]
    return [path] if path.suffix.lower() in EXTENSIONS else []


def read_sheets(path: Path) -> Sheets:
    rows: dict[tuple[str, str], list[list[Any]]] = {}
    ours: list[tuple[str, str]] = []
    findings: list[Finding] = []
    for file in workbooks_of(path):
        wb, problems = open_workbook(file, file.name, skip_outputs=True)
        findings += problems
        if wb is None:
            continue
        try:
            for name in wb.sheet_names:
                sheet, problems = wb.read_sheet(name)
                findings += problems
                if sheet is None:
                    continue
                if _read_as_it_is(sheet, name):
                    ours.append((file.name, name))
                    continue
                rows[(file.name, name)] = from_a1(sheet)
        finally:
            wb.close()
    return Sheets(rows, ours, findings)


def _read_as_it_is(sheet: Sheet, name: str) -> bool:
    """A sheet named after a table whose header has the table's required columns: the
    loader reads it as it is, with no mapping."""
    table = schema.table_for_sheet(name)
    if table is None:
        return False
    if table.key_value:
        return True
    found = find_header(sheet, table)
    if found is None:
        return False
    columns = found[1]
    return all(c.key in columns for c in table.columns if c.required)


def propose(path: Path) -> tuple[Proposal, Sheets]:
    """The mapping most likely for the workbooks at ``path``, and what was read."""
    sheets = read_sheets(path)
    years = _years(sheets)
    guesses = [guess_sheet(f, s, rows, years) for (f, s), rows in sheets.rows.items()]
    guesses = with_siblings(guesses)
    headers = [f.shown for g in guesses for f in g.fields if f.kind == "column" and f.shown] + [
        u for g in guesses for u in g.unplaced
    ]
    lang = language_of(headers)
    dates = sorted(d for g in guesses if g.table is not None for d in g.dates)
    title = (path if path.is_dir() else path.parent).resolve().name
    settings: dict[str, Any] = {"title": title, "language": lang}
    if dates:
        settings["start"], settings["end"] = dates[0], dates[-1]
    if any(f.how == "sheet" and f.field == "location" for g in guesses for f in g.fields):
        settings["kind"] = "festival"
    zone = local_timezone()
    if zone is not None:
        settings["timezone"] = zone
    return Proposal(guesses, settings, lang), sheets


def local_timezone() -> str | None:
    """This computer's time zone by its name (Europe/Paris), as the calendars need it;
    None when it cannot be told or is UTC."""
    import os

    name = os.environ.get("TZ", "")
    if "/" not in name:
        try:
            link = os.readlink("/etc/localtime")
        except OSError:
            return None
        name = link.partition("zoneinfo/")[2]
    return name if "/" in name and not name.startswith("Etc/") else None


def _years(sheets: Sheets) -> values.YearFrom | None:
    """Where dates typed without a year take it: the full dates the sheets hold, else the
    one year their titles name (« Roster … 5 November 2023 »)."""
    full: list[dt.date] = []
    for rows in sheets.rows.values():
        for row in rows[:200]:
            for v in row:
                if isinstance(v, dt.datetime):
                    full.append(v.date())
                elif isinstance(v, dt.date):
                    full.append(v)
    named = {y for rows in sheets.rows.values() if (y := year_in(rows)) is not None}
    if full:
        full.sort()
        middle = full[len(full) // 2]
        near = [d for d in full if abs((d - middle).days) <= 366]
        return values.YearFrom(near[0], near[-1])
    if len(named) == 1:
        year = named.pop()
        return values.YearFrom(dt.date(year, 1, 1), dt.date(year, 12, 31))
    return None


def mapping_rows(proposal: Proposal) -> list[list[Any]]:
    """The Mapping sheet's rows for a proposal, in its language (headers first)."""
    from prodsheets.i18n.words import ADOPT

    lang = proposal.lang
    w = ADOPT[lang]
    keys = ("workbook", "sheet", "table", "field", "column", "value", "header_row", "notes")
    rows: list[list[Any]] = [[M.COLUMNS[k][lang] for k in keys]]
    for g in proposal.placed:
        table = _table_name(g, lang)
        target = schema.BOOKINGS if g.table == M.ROSTER else schema.TABLES_BY_KEY[str(g.table)]
        first = True
        for f in g.fields:
            column = f.text if f.kind == "column" else ""
            value = ""
            if f.kind == M.SHEET_NAME:
                value = M.VALUE_WORDS[M.SHEET_NAME][lang]
            elif f.kind == M.FROM_NAME:
                value = M.VALUE_WORDS[M.FROM_NAME][lang]
            elif f.kind == "cell":
                value = f"{M.VALUE_WORDS['cell'][lang]} {f.text}"
            how = w[f"how_{f.how}"].format(cell=f.text)
            note = f"{how} — {w[g.sure]}" if first else how
            rows.append(
                [
                    g.file,
                    g.sheet,
                    table,
                    target.column(f.field).name(lang),
                    column,
                    value,
                    g.header_row if first and g.header_row else None,
                    note,
                ]
            )
            first = False
    return rows


def _table_name(g: SheetGuess, lang: str) -> str:
    if g.table == M.ROSTER:
        return M.ROSTER_NAMES[lang]
    return schema.TABLES_BY_KEY[str(g.table)].name(lang)


__all__ = [
    "Proposal",
    "Sheets",
    "local_timezone",
    "mapping_rows",
    "propose",
    "read_sheets",
    "text_of",
    "workbooks_of",
]
