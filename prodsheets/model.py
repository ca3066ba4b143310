"""The production model: the tables as read, typed, each value keeping its cell.

Tables are stored by column (one list per column, plus the sheet's row numbers), not as
one object per row: a Bookings sheet of a million rows stays a few lists, and the
checks loop over plain values. A cell's location is built only when a finding needs it.

The model is read once and never changed: the loader builds it, the analyses
(:mod:`prodsheets.analyses`) compute what several checks share from it, and a what-if
makes a changed copy (``dataclasses.replace``) instead of editing it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from prodsheets.contract import schema
from prodsheets.findings import Location, column_letter
from prodsheets.i18n import Bilingual


def fold(text: str) -> str:
    """An id as a person may retype it: no case, no accents (« Hugo », « HUGO », « hugo »)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# The column whose value names a row in findings (``"id": "LUCIE"`` in JSON).
ROW_NAME = {
    "bookings": "who",
    "unavailability": "who",
    "travel": "from",
    "actuals": "code",
    "actual_hours": "who",
}


class Part(NamedTuple):
    """Where a run of a table's records was read, when several sheets feed one table (a
    planning with a sheet per stage, a call sheet per day), as a mapping says."""

    first: int  # the index of its first record in the table
    file: str
    path: str
    sheet: str
    header_row: int
    columns: Mapping[str, int]
    headers: Mapping[str, str]
    fixed: Mapping[str, Location]
    at: Mapping[str, list[int]]


@dataclass(frozen=True, eq=False, repr=False)  # a container: by identity, never printed whole
class TableData:
    """One table read from one sheet (or, through a mapping, several): typed columns and
    the sheet's own row numbers.

    A mapping can give a column one value for a whole sheet, typed once in a cell or taken
    from the sheet's name (``fixed``: where it comes from), and a roster grid puts each
    record's value in a column of its own (``at``: the sheet column, record by record).
    """

    table: schema.Table
    file: str
    path: str
    sheet: str
    header_row: int  # 1-based, as Excel shows it
    columns: Mapping[str, int]  # column key → 0-based sheet column
    headers: Mapping[str, str] = field(default_factory=dict)  # column key → header as typed
    rows: list[int] = field(default_factory=list)  # 1-based sheet row of each record
    values: Mapping[str, list[Any]] = field(default_factory=dict)
    # column key → records whose cell held a value that could not be read (said by a finding)
    unreadable: Mapping[str, set[int]] = field(default_factory=dict)
    fixed: Mapping[str, Location] = field(default_factory=dict)
    at: Mapping[str, list[int]] = field(default_factory=dict)  # "" → the record's own cell
    parts: tuple[Part, ...] = ()  # several sheets: each one's records, in order

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def key(self) -> str:
        return self.table.key

    def has(self, column: str) -> bool:
        return (
            column in self.columns
            or column in self.fixed
            or any(column in p.columns or column in p.fixed for p in self.parts)
        )

    def part(self, i: int) -> Part:
        """Where record ``i`` was read: its sheet, its columns."""
        if self.parts:
            return self.parts[bisect_right(self._firsts, i) - 1]
        return Part(
            0,
            self.file,
            self.path,
            self.sheet,
            self.header_row,
            self.columns,
            self.headers,
            self.fixed,
            self.at,
        )

    @cached_property
    def _firsts(self) -> list[int]:
        return [p.first for p in self.parts]

    @property
    def sheets(self) -> list[tuple[str, str]]:
        """(file, sheet) of every sheet the table was read from."""
        if not self.parts:
            return [(self.file, self.sheet)]
        return list(dict.fromkeys((p.file, p.sheet) for p in self.parts))

    def header(self, column: str) -> Bilingual:
        """A column's name as the producer's sheet writes it (else the contract's name)."""
        if column not in self.headers and self.parts:
            for p in self.parts:
                if column in p.headers:
                    return Bilingual(p.headers[column], p.headers[column])
        if column in self.headers:
            return Bilingual(self.headers[column], self.headers[column])
        col = self.table.column(column)
        return Bilingual(col.en, col.fr)

    def readable(self, i: int, *columns: str) -> bool:
        """Whether record ``i``'s cells in these columns were read (blank or a value)."""
        return not any(i in self.unreadable.get(c, ()) for c in columns)

    def col(self, column: str) -> list[Any]:
        """The parsed values of a column (None where blank or unreadable)."""
        found = self.values.get(column)
        return found if found is not None else [None] * len(self.rows)

    def cell(self, i: int, column: str | None = None) -> Location:
        """Where record ``i`` (or its cell in ``column``) sits in the workbook."""
        if not self.parts and not self.fixed and not self.at:  # the common case, kept fast
            if column is not None and column in self.columns:
                letter = column_letter(self.columns[column])
            else:
                letter = column_letter(min(self.columns.values(), default=0))
            return Location(
                self.file, self.sheet, self.rows[i], letter, self.row_name(i), self.path
            )
        p = self.part(i)
        if column is not None and column in p.fixed:
            return p.fixed[column]._replace(id=self.row_name(i))
        if column is not None and column in p.at:
            letter = column_letter(p.at[column][i - p.first])
        elif column is not None and column in p.columns:
            letter = column_letter(p.columns[column])
        elif "" in p.at:  # a roster grid's record: its shift cell
            letter = column_letter(p.at[""][i - p.first])
        else:
            letter = column_letter(min(p.columns.values(), default=0))
        return Location(p.file, p.sheet, self.rows[i], letter, self.row_name(i), p.path)

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

    @cached_property
    def ids(self) -> dict[str, int]:
        """Id → record index (first occurrence); empty for a table without ids.

        Built once and shared (messages name a location for every booking they cite):
        read it, never change it.
        """
        found: dict[str, int] = {}
        if self.table.id_column is not None:
            for i, v in enumerate(self.col(self.table.id_column)):
                if v is not None:
                    found.setdefault(str(v), i)
        return found


@dataclass(frozen=True, eq=False, repr=False)  # a container: by identity, never printed whole
class Production:
    """Everything read from one production folder (or single workbook)."""

    path: Path
    display: str
    tables: Mapping[str, TableData] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)
    setting_cells: Mapping[str, Location] = field(default_factory=dict)
    unreadable: bool = False  # a file or the folder itself could not be read
    unread: Mapping[str, Location] = field(default_factory=dict)  # tables seen, not read
    # Bookings that name no one yet ("Vacant", « à pourvoir »): the slots to fill, kept out
    # of the schedule and said by a check.
    vacant: TableData | None = None
    mapping: Location | None = None  # the mapping workbook the production was read with

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
    def stated_language(self) -> str | None:
        """The language the production says it is in: its setting, else its sheets' names;
        None when nothing could be read (a wrong folder, a CSV)."""
        if self.settings.get("language") in schema.LANGS or self.tables:
            return self.language
        return None

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
        """Id → record index of a table (first occurrence), empty if the table is absent."""
        t = self.tables.get(table_key)
        return t.ids if t is not None else {}

    def resolve(self, given: str, *table_keys: str) -> str | None:
        """The id ``given`` names in these tables: itself, else the one id that differs from
        it only by case or accents (``hugo`` → ``HUGO``), as ``check`` suggests it."""
        ids = [i for key in table_keys for i in self.ids(key)]
        if given in ids:
            return given
        matches = {i for i in ids if fold(i) == fold(given)}
        return matches.pop() if len(matches) == 1 else None

    def table_label(self, key: str) -> Bilingual:
        """A table's name as the producer sees it: the sheet it was read from, or its name."""
        t = self.tables.get(key)
        if t is not None:
            return Bilingual(t.sheet, t.sheet)
        table = schema.TABLES_BY_KEY[key]
        return Bilingual(table.en, table.fr)

    def outdoor_locations(self) -> set[str]:
        """Ids of the locations marked outdoor / extérieur."""
        table = self.table("locations")
        if table is None:
            return set()
        return {str(lid) for _, lid, out in table.records("id", "outdoor") if lid and out is True}

    def vendor_resources(self, vendor: str) -> list[str]:
        """Ids of the resources a vendor supplies."""
        table = self.table("resources")
        if table is None:
            return []
        return [str(rid) for _, rid, v in table.records("id", "vendor") if rid and v == vendor]
