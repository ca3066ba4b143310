"""The production model: the tables as read, typed, each value keeping its cell.

Tables are stored by column (one list per column, plus the sheet's row numbers), not as
one object per row: a Bookings sheet of a million rows stays a few lists, and the
checks loop over plain values. A cell's location is built only when a finding needs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_HALF_UP, Context, Decimal
from pathlib import Path
from typing import Any

from prodsheets import schema
from prodsheets.findings import Bilingual, Location, column_letter

# The column whose value names a row in findings (``"id": "LUCIE"`` in JSON).
ROW_NAME = {"bookings": "who", "unavailability": "who", "travel": "from", "actuals": "code"}


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class TableData:
    """One table read from one sheet: typed columns and the sheet's own row numbers."""

    table: schema.Table
    file: str
    path: str
    sheet: str
    header_row: int  # 1-based, as Excel shows it
    columns: dict[str, int]  # column key → 0-based sheet column
    headers: dict[str, str] = field(default_factory=dict)  # column key → header as typed
    rows: list[int] = field(default_factory=list)  # 1-based sheet row of each record
    values: dict[str, list[Any]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def key(self) -> str:
        return self.table.key

    def has(self, column: str) -> bool:
        return column in self.columns

    def header(self, column: str) -> Bilingual:
        """A column's name as the producer's sheet writes it (else the contract's name)."""
        if column in self.headers:
            return Bilingual(self.headers[column], self.headers[column])
        col = self.table.column(column)
        return Bilingual(col.en, col.fr)

    def col(self, column: str) -> list[Any]:
        """The parsed values of a column (None where blank or unreadable)."""
        found = self.values.get(column)
        return found if found is not None else [None] * len(self.rows)

    def cell(self, i: int, column: str | None = None) -> Location:
        """Where record ``i`` (or its cell in ``column``) sits in the workbook."""
        if column is not None and column in self.columns:
            letter = column_letter(self.columns[column])
        else:
            letter = column_letter(min(self.columns.values(), default=0))
        return Location(self.file, self.sheet, self.rows[i], letter, self.row_name(i), self.path)

    def row_name(self, i: int) -> str | None:
        key = ROW_NAME.get(self.key, self.table.id_column)
        if key is None:
            return None
        value = self.values.get(key)
        if value is None:
            return None
        v = value[i]
        return None if v is None else str(v)

    def records(self, *columns: str) -> Iterator[tuple[Any, ...]]:
        """(index, value of each column…) for every record."""
        cols = [self.col(c) for c in columns]
        for i in range(len(self.rows)):
            yield (i, *(c[i] for c in cols))


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class Production:
    """Everything read from one production folder (or single workbook)."""

    path: Path
    display: str
    tables: dict[str, TableData] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    setting_cells: dict[str, Location] = field(default_factory=dict)
    unreadable: bool = False  # a file or the folder itself could not be read
    cache: dict[str, Any] = field(default_factory=dict, repr=False)  # analyses built once

    def table(self, key: str) -> TableData | None:
        return self.tables.get(key)

    @property
    def title(self) -> str:
        return str(self.settings.get("title") or self.path.stem or self.display)

    @property
    def language(self) -> str:
        lang = self.settings.get("language")
        if lang in schema.LANGS:
            return str(lang)
        # No setting: the language of the sheet names the producer used.
        for t in self.tables.values():
            if (
                schema.normalise(t.sheet)
                == schema.normalise(t.table.fr)
                != schema.normalise(t.table.en)
            ):
                return "fr"
        return "en"

    @property
    def start(self) -> dt.date | None:
        return self.settings.get("start")

    @property
    def end(self) -> dt.date | None:
        return self.settings.get("end")

    @property
    def currency(self) -> str:
        return str(self.settings.get("currency") or "EUR").upper()

    def ids(self, table_key: str) -> dict[str, int]:
        """Id → record index of a table (first occurrence), empty if the table is absent.

        Built once and shared (messages name a location for every booking they cite):
        read it, never change it.
        """
        cached = self.cache.get(f"ids:{table_key}")
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        t = self.tables.get(table_key)
        found: dict[str, int] = {}
        if t is not None and t.table.id_column is not None:
            for i, v in enumerate(t.col(t.table.id_column)):
                if v is not None:
                    found.setdefault(str(v), i)
        self.cache[f"ids:{table_key}"] = found
        return found

    def table_label(self, key: str) -> Bilingual:
        """A table's name as the producer sees it: the sheet it was read from, or its name."""
        t = self.tables.get(key)
        if t is not None:
            return Bilingual(t.sheet, t.sheet)
        table = schema.TABLES_BY_KEY[key]
        return Bilingual(table.en, table.fr)


CENT = Decimal("0.01")


# Rounded in a context as wide as Decimal allows: the default 28 digits cannot hold a
# mistyped 1e30 rate to the cent, and quantize would raise instead of rounding.
WIDE = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def money(value: Decimal) -> Decimal:
    """An amount rounded to the cent, half up, as accountants round."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=WIDE)
