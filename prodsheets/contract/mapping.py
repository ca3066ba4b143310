"""The mapping: which of a producer's sheets is which table, and which column is which field.

A production whose workbooks were not written by prodsheets keeps them as they are, with a
small workbook beside them, ``prodsheets.xlsx``, whose sheet « Correspondances » /
"Mapping" says, row by row, for one sheet and one field of a table, where its values are:

======================  ==========  =========  ===========  ==================  ===========
Classeur / Workbook     Feuille     Table      Champ        Colonne / Column    Valeur
======================  ==========  =========  ===========  ==================  ===========
festival.xlsx           Main Stage  Planning   début        Start Time
festival.xlsx           Main Stage  Planning   lieu                             nom de la
                                                                                feuille
======================  ==========  =========  ===========  ==================  ===========

A field's values come from a column of the sheet (its header as typed, or its letter), or
once for the whole sheet from the *Valeur / Value* cell: a value typed there, « nom de la
feuille » / "sheet name", « cellule B1 » / "cell B1", or, for an id, « d'après le nom » /
"from the name". Blank *Classeur*, *Feuille* and *Table* cells repeat the row above, as a
grouped list is typed. The table « Grille » / "Roster" reads people down the side and
dates across the top; « Ignorer » / "Ignore" passes a sheet over.

This module reads those rows into plain data and says what it cannot read; the loader
(:mod:`prodsheets.io.mapped`) applies them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from prodsheets import catalogue as C
from prodsheets.contract import MAPPING_FILE, schema
from prodsheets.contract.values import is_blank, parse_text
from prodsheets.findings import Finding, Location, column_letter
from prodsheets.i18n import Bilingual

SHEET_NAMES = {"fr": "Correspondances", "en": "Mapping"}

# What a mapping row's Table cell may name besides a table of the contract.
ROSTER = "roster"  # people down the side, dates across the top, shifts in the cells
IGNORE = "ignore"  # a sheet to pass over (a cover page, a chart)
ROSTER_NAMES = {"fr": "Grille", "en": "Roster"}
IGNORE_NAMES = {"fr": "Ignorer", "en": "Ignore"}
_ROSTER_WORDS = ("grille", "grille horaire", "grille de planning", "roster", "rota", "roster grid")
_IGNORE_WORDS = ("ignorer", "ignore", "ignorée", "ignored", "aucune", "none", "-")

# The mapping sheet's own columns, by key: their names in both languages.
COLUMNS: dict[str, dict[str, str]] = {
    "workbook": {"fr": "Classeur", "en": "Workbook"},
    "sheet": {"fr": "Feuille", "en": "Sheet"},
    "table": {"fr": "Table", "en": "Table"},
    "field": {"fr": "Champ", "en": "Field"},
    "column": {"fr": "Colonne", "en": "Column"},
    "value": {"fr": "Valeur", "en": "Value"},
    "header_row": {"fr": "Ligne d'en-tête", "en": "Header row"},
    "notes": {"fr": "Remarques", "en": "Notes"},
}
_COLUMN_WORDS = {
    "workbook": ("classeur", "workbook", "fichier", "file"),
    "sheet": ("feuille", "sheet", "onglet", "tab"),
    "table": ("table",),
    "field": ("champ", "field"),
    "column": ("colonne", "column", "en-tête", "header"),
    "value": ("valeur", "value", "valeur fixe", "fixed value"),
    "header_row": ("ligne d'en-tête", "ligne den-tete", "header row", "ligne", "row"),
    "notes": ("remarques", "notes", "commentaire", "comment", "sûr", "confidence"),
}

# The fixed values a Value cell may say in words.
SHEET_NAME = "sheet"
FROM_NAME = "name"
VALUE_WORDS = {
    SHEET_NAME: {"fr": "nom de la feuille", "en": "sheet name"},
    FROM_NAME: {"fr": "d'après le nom", "en": "from the name"},
    "cell": {"fr": "cellule", "en": "cell"},
}
_SHEET_NAME_WORDS = ("nom de la feuille", "sheet name", "le nom de la feuille", "feuille")
_FROM_NAME_WORDS = ("d'après le nom", "d'apres le nom", "from the name", "from name", "nom")
_CELL = re.compile(r"(?i)^(?:cellule|cell)?\s*\$?([A-Z]{1,3})\$?([1-9]\d{0,6})$")
_LETTER = re.compile(r"(?i)^(?:colonne|column|col\.?)\s*([A-Z]{1,3})$")
_BARE_LETTERS = re.compile(r"^[A-Z]{1,3}$")  # as Excel shows them: « Nom » is a header


class Source(NamedTuple):
    """Where a field's values are: a column of the sheet, or one value for the sheet."""

    kind: str  # "column", "literal", SHEET_NAME, "cell", FROM_NAME
    text: str  # the header as typed (or letters), the value, the cell's reference
    where: Location  # the mapping row's cell that says it
    raw: Any = None  # a literal as the cell holds it (a date stays a date)

    @property
    def per_row(self) -> bool:
        return self.kind == "column"


def column_letters(text: str) -> str | None:
    """The letters a Column cell gives (``C``, ``colonne C``, ``column AB``), if any: bare,
    only in capitals as Excel shows them (« Nom » is a header, not the column NOM)."""
    text = text.strip()
    if _BARE_LETTERS.match(text):
        return text
    m = _LETTER.match(text)
    return m[1].upper() if m else None


class SheetMap(NamedTuple):
    """One producer's sheet read as one table (or a roster grid, or passed over)."""

    file: str
    sheet: str
    table: str  # a table key, ROSTER or IGNORE
    header_row: int | None  # 1-based, as Excel shows it; None: found from the headers
    fields: dict[str, Source]
    where: Location  # its first row in the mapping

    @property
    def target(self) -> schema.Table | None:
        return schema.TABLES_BY_KEY.get(self.table)


class Mapping(NamedTuple):
    """Every row of a mapping workbook, grouped by sheet and table."""

    location: Location  # the mapping sheet
    sheets: list[SheetMap]

    def for_sheet(self, file: str, sheet: str) -> list[SheetMap]:
        return [
            m
            for m in self.sheets
            if m.file.casefold() == file.casefold() and m.sheet.casefold() == sheet.casefold()
        ]

    def only(self, files: set[str]) -> Mapping:
        """The rows for these workbooks (folded names): a workbook checked alone."""
        return self._replace(sheets=[m for m in self.sheets if m.file.casefold() in files])

    def names(self, file: str) -> set[str]:
        """The sheets of a workbook the mapping speaks of (folded)."""
        return {m.sheet.casefold() for m in self.sheets if m.file.casefold() == file.casefold()}


def is_mapping_sheet(name: str) -> bool:
    return schema.normalise(name) in {schema.normalise(n) for n in SHEET_NAMES.values()}


def table_key(text: object) -> str | None:
    """The table a mapping row's Table cell names (fr/en, aliases), ROSTER or IGNORE."""
    n = schema.normalise(text)
    if n in {schema.normalise(w) for w in _ROSTER_WORDS}:
        return ROSTER
    if n in {schema.normalise(w) for w in _IGNORE_WORDS} or str(text).strip() == "-":
        return IGNORE
    table = schema.table_for_sheet(str(text))
    return table.key if table is not None else None


# Fields of a roster grid: the people column, and what the whole sheet shares.
ROSTER_FIELDS = ("who", "location", "role", "break")


def field_key(table: str, text: object) -> str | None:
    """The field a mapping row's Field cell names, for its table."""
    target = "bookings" if table == ROSTER else table
    t = schema.TABLES_BY_KEY.get(target)
    if t is None:
        return None
    key = schema.column_for_header(t, text)
    if table == ROSTER and key not in ROSTER_FIELDS:
        return None
    return key


def read_mapping(rows: Sequence[Sequence[Any]], where: Location) -> tuple[Mapping, list[Finding]]:
    """The mapping sheet's rows (as read from the workbook, from A1) into a Mapping, and
    a finding for each row it cannot use, at its cell."""
    findings: list[Finding] = []
    header_index, columns = _header(rows)
    if header_index is None:
        names = ", ".join(COLUMNS[k]["fr"] for k in ("workbook", "sheet", "table", "field"))
        names_en = ", ".join(COLUMNS[k]["en"] for k in ("workbook", "sheet", "table", "field"))
        findings.append(
            Finding(
                C.MAPPING_ROW,
                {
                    "row": 1,
                    "problem": Bilingual(
                        f"no header row naming {names_en}", f"aucune ligne d'en-tête ({names})"
                    ),
                },
                (where._replace(row=1, column="A"),),
            )
        )
        return Mapping(where, []), findings

    def cell(row: Sequence[Any], key: str) -> str:
        j = columns.get(key)
        if j is None or j >= len(row) or is_blank(row[j]):
            return ""
        value = row[j]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return parse_text(value).strip()

    def at(i: int, key: str) -> Location:
        return where._replace(row=i + 1, column=column_letter(columns.get(key, 0)))

    grouped: dict[tuple[str, str, str], SheetMap] = {}
    last = {"workbook": "", "sheet": "", "table": ""}
    for i in range(header_index + 1, len(rows)):
        row = rows[i]
        if all(is_blank(v) for v in row):
            continue
        given = {k: cell(row, k) for k in ("workbook", "sheet", "table")}
        for k in last:  # a blank cell repeats the row above, as a grouped list is typed
            if given[k]:
                last[k] = given[k]
                if k == "workbook":
                    last["sheet"] = last["sheet"] if given["sheet"] else ""
        file, sheet, table_text = last["workbook"], last["sheet"], last["table"]
        field_text, column_text, value_text = (
            cell(row, "field"),
            cell(row, "column"),
            cell(row, "value"),
        )

        def bad(problem: Bilingual, key: str, i: int = i) -> None:
            findings.append(
                Finding(C.MAPPING_ROW, {"row": i + 1, "problem": problem}, (at(i, key),))
            )

        if not file or not sheet:
            bad(
                Bilingual("no workbook or no sheet named", "aucun classeur ou aucune feuille"),
                "sheet",
            )
            continue
        table = table_key(table_text) if table_text else None
        if table is None:
            bad(_unknown_table(table_text), "table")
            continue
        header_row, problem = _header_row(cell(row, "header_row"))
        if problem is not None:
            bad(problem, "header_row")
            continue
        key = (file.casefold(), sheet.casefold(), table)
        sheet_map = grouped.get(key)
        if sheet_map is None:
            sheet_map = SheetMap(file, sheet, table, header_row, {}, at(i, "sheet"))
        elif header_row is not None and sheet_map.header_row is None:
            sheet_map = sheet_map._replace(header_row=header_row)
        elif header_row is not None and header_row != sheet_map.header_row:
            bad(
                Bilingual(
                    f"{sheet} is given two header rows ({sheet_map.header_row} and {header_row})",
                    f"{sheet} reçoit deux lignes d'en-tête ({sheet_map.header_row} et "
                    f"{header_row})",
                ),
                "header_row",
            )
            continue
        grouped[key] = sheet_map
        if table == IGNORE or (not field_text and not column_text and not value_text):
            continue
        field = field_key(table, field_text) if field_text else None
        if field is None:
            bad(_unknown_field(table, field_text), "field")
            continue
        if field in sheet_map.fields:
            bad(
                Bilingual(
                    f"“{field_text}” is given twice for {sheet}",
                    f"« {field_text} » est donné deux fois pour {sheet}",
                ),
                "field",
            )
            continue
        j = columns.get("value")
        raw = row[j] if j is not None and j < len(row) else None
        source = _source(column_text, value_text, at(i, "column" if column_text else "value"))
        if source is not None and source.kind == "literal":
            source = source._replace(raw=raw)
        if source is None:
            bad(
                Bilingual(
                    f"“{field_text}” has no column and no value",
                    f"« {field_text} » n'a ni colonne ni valeur",
                ),
                "column",
            )
            continue
        target = schema.TABLES_BY_KEY.get(table)
        if source.kind == FROM_NAME and (target is None or field != target.id_column):
            bad(
                Bilingual(
                    f"only an id can be made “from the name” ({field_text} cannot)",
                    f"seul un id peut être fait « d'après le nom » ({field_text} ne le peut pas)",
                ),
                "value",
            )
            continue
        sheet_map.fields[field] = source
    return Mapping(where, list(grouped.values())), findings


def _header(rows: Sequence[Sequence[Any]]) -> tuple[int | None, dict[str, int]]:
    words = {
        schema.normalise(w): key
        for key, names in _COLUMN_WORDS.items()
        for w in (*names, COLUMNS[key]["fr"], COLUMNS[key]["en"])
    }
    for i, row in enumerate(rows[:20]):
        found: dict[str, int] = {}
        for j, v in enumerate(row):
            key = words.get(schema.normalise(v)) if isinstance(v, str) else None
            if key is not None and key not in found:
                found[key] = j
        if {"sheet", "table", "field"} <= set(found):
            return i, found
    return None, {}


def _header_row(text: str) -> tuple[int | None, Bilingual | None]:
    if not text:
        return None, None
    if text.isdigit() and 0 < int(text) < 1_000_000:
        return int(text), None
    return None, Bilingual(
        f"the header row “{text}” is not a row number",
        f"la ligne d'en-tête « {text} » n'est pas un numéro de ligne",
    )


def _source(column: str, value: str, where: Location) -> Source | None:
    if column:
        return Source("column", column, where)  # a header as typed, else a column's letters
    if not value:
        return None
    n = schema.normalise(value)
    if n in {schema.normalise(w) for w in _SHEET_NAME_WORDS}:
        return Source(SHEET_NAME, value, where)
    if n in {schema.normalise(w) for w in _FROM_NAME_WORDS}:
        return Source(FROM_NAME, value, where)
    m = _CELL.match(value)
    if m and (" " in value or "$" in value or value.isupper()):
        return Source("cell", f"{m[1].upper()}{m[2]}", where)
    return Source("literal", value, where)


def _unknown_table(text: str) -> Bilingual:
    names_en = ", ".join(t.en for t in schema.TABLES if not t.key_value)
    names_fr = ", ".join(t.fr for t in schema.TABLES if not t.key_value)
    return Bilingual(
        f"“{text}” is not a table (tables: {names_en}, {ROSTER_NAMES['en']}, {IGNORE_NAMES['en']})",
        f"« {text} » n'est pas une table (tables : {names_fr}, {ROSTER_NAMES['fr']}, "
        f"{IGNORE_NAMES['fr']})",
    )


def _unknown_field(table: str, text: str) -> Bilingual:
    target = schema.TABLES_BY_KEY["bookings" if table == ROSTER else table]
    keys = ROSTER_FIELDS if table == ROSTER else tuple(c.key for c in target.columns)
    cols = [target.column(k) for k in keys]
    name_en = ROSTER_NAMES["en"] if table == ROSTER else target.en
    name_fr = ROSTER_NAMES["fr"] if table == ROSTER else target.fr
    if not text:
        return Bilingual(f"no field named for {name_en}", f"aucun champ nommé pour {name_fr}")
    return Bilingual(
        f"“{text}” is not a field of {name_en} (fields: {', '.join(c.en for c in cols)})",
        f"« {text} » n'est pas un champ de {name_fr} (champs : {', '.join(c.fr for c in cols)})",
    )


__all__ = [
    "FROM_NAME",
    "IGNORE",
    "MAPPING_FILE",
    "ROSTER",
    "SHEET_NAME",
    "Mapping",
    "SheetMap",
    "Source",
    "is_mapping_sheet",
    "read_mapping",
]
