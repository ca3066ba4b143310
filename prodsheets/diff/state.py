"""A production as a production manager reads it, captured as plain data to compare.

Records are known by what names them, never by their row, so a row inserted or a sheet
sorted changes nothing: an id (crew, resources, locations, vendors, events, risks,
budget codes, fringes), a booking by its event and who, an unavailability by who and
its first day, a travel time by its two places, an expense by its date, code and
description; a setting by its name. A second record with the same name is ``#2``.
Values are kept as text (``"350.00"``, ``"2026-03-12"``, ``"08:30"``) so that two
versions compare exactly and the state can be kept as JSON.

Beside the records: each timed booking as it is worked (its event's day, its real call
and wrap, its place), the findings known by their code and the records they point at
(not their cells), and the costs by chapter. :func:`capture` builds it from what a check
computed; :func:`to_json` and :func:`from_json` keep it between two reports.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from prodsheets.contract import schema
from prodsheets.findings import Finding, Location, column_letter
from prodsheets.i18n import Bilingual
from prodsheets.model import Production, TableData
from prodsheets.money import ZERO, decimal_text

if TYPE_CHECKING:  # types only: the state is captured from what a check computed
    from prodsheets.costs.reconcile import Reconciliation
    from prodsheets.schedule.intervals import Schedule

FORMAT = 1  # the JSON's version: a snapshot of another version is not read
# Tables without an id column: the columns that name a record (joined with "/").
KEY_COLUMNS = {
    "bookings": ("event", "who"),
    "unavailability": ("who", "from"),
    "travel": ("from", "to"),
    "actuals": ("date", "code", "description"),
}
# Where a record's own cell is, for its location (else its first key column).
KEY_CELL = {"bookings": "who", "actuals": "code"}
# A record's name beside its id, when the table has one.
NAME_COLUMNS = ("name", "description", "title", "risk")
SETTINGS = "production"


def text(value: Any, kind: str = schema.TEXT) -> str | None:
    """A parsed cell as text that compares exactly: ``350.00``, ``2026-03-12``, ``08:30``."""
    if value is None or type(value) is str:
        return value
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        if kind == schema.MONEY:
            return decimal_text(value)
        return f"{value.normalize():f}" if value else "0"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return str(value)


def texts(values: Sequence[Any], kind: str) -> list[str | None]:
    """A column as text (text cells, most of them, pass through as they are)."""
    return [v if v is None or type(v) is str else text(v, kind) for v in values]


class Record(NamedTuple):  # a NamedTuple: a million are made quickly
    """One row of a table, known by its key: its sheet row and its values as text."""

    key: str
    row: int
    fields: Mapping[str, str]  # column key → value as text; blank cells are left out

    def name(self) -> str | None:
        return next((self.fields[c] for c in NAME_COLUMNS if self.fields.get(c)), None)


@dataclass(frozen=True)
class Sheet:
    """A table's records as one version holds them, and where its sheet is."""

    table: str
    file: str
    sheet: str
    path: str | None
    letters: Mapping[str, str]  # column key → column letters
    records: Mapping[str, Record]  # by key, in the sheet's order

    def location(self, record: Record, column: str | None = None) -> Location:
        """Where a record (or one of its cells) is: ``schedule.xlsx › Affectations!B27``."""
        if column is None or column not in self.letters:
            first = KEY_CELL.get(self.table) or next(iter(self.letters), None)
            column = first if first in self.letters else None
        letter = self.letters.get(column) if column is not None else None
        return Location(self.file, self.sheet, record.row, letter, record.key, self.path)


class Booked(NamedTuple):
    """A timed booking as it is worked: its event's day, its real call and wrap, its place."""

    key: str
    who: str
    event: str
    day: dt.date
    start: int  # seconds since 0001-01-01 (schedule.timeline)
    end: int
    location: str | None
    person: bool  # crew (else a resource)

    @property
    def when(self) -> tuple[dt.date, int, int, str | None]:
        """What a person is told: the day, call, wrap and place."""
        return (self.day, self.start, self.end, self.location)


@dataclass(frozen=True)
class Noted:
    """A finding as a version holds it: known by its code and the records it points at."""

    key: tuple[str, ...]  # the code, then the ids of its places, sorted
    code: str
    name: str
    severity: str
    message: Bilingual
    hint: Bilingual
    locations: tuple[Location, ...]

    @property
    def location(self) -> Location | None:
        return self.locations[0] if self.locations else None

    def to_json(self, lang: str) -> dict[str, Any]:
        """As ``check --format json`` gives a finding."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message[lang],
            "hint": self.hint[lang],
            "locations": [loc.to_json() for loc in self.locations],
        }


@dataclass(frozen=True)
class Amounts:
    """What a chapter (or the whole production) costs: budget, planned, at completion."""

    budget: Decimal = ZERO
    planned: Decimal = ZERO
    estimate_at_completion: Decimal = ZERO

    def __sub__(self, other: Amounts) -> Amounts:
        return Amounts(
            self.budget - other.budget,
            self.planned - other.planned,
            self.estimate_at_completion - other.estimate_at_completion,
        )


@dataclass(frozen=True)
class Costs:
    chapters: tuple[tuple[Bilingual, Amounts], ...]  # (chapter's name, amounts), in order
    total: Amounts


@dataclass(frozen=True, eq=False)
class State:
    """One version of a production, as a production manager compares it with another."""

    title: str
    path: str
    language: str
    currency: str
    sheets: Mapping[str, Sheet]
    booked: Mapping[str, Booked]  # booking key → the booking as worked
    findings: tuple[Noted, ...]
    costs: Costs | None

    @cached_property
    def days(self) -> dict[dt.date, dict[str, list[Booked]]]:
        """Each day's bookings, by who (built once: notices and call sheets ask often)."""
        out: dict[dt.date, dict[str, list[Booked]]] = {}
        for b in self.booked.values():
            out.setdefault(b.day, {}).setdefault(b.who, []).append(b)
        return out

    def records(self, table: str) -> Mapping[str, Record]:
        sheet = self.sheets.get(table)
        return sheet.records if sheet is not None else {}

    def record(self, table: str, key: str) -> Record | None:
        return self.records(table).get(key)

    def name(self, who: str) -> str:
        """A person's or resource's name (its id when it has none)."""
        for table in ("crew", "resources"):
            record = self.record(table, who)
            if record is not None:
                return record.fields.get("name") or who
        return who

    def is_person(self, who: str) -> bool:
        return who in self.records("crew")

    def location_name(self, location: str | None) -> str | None:
        if location is None:
            return None
        record = self.record("locations", location)
        return (record.fields.get("name") or location) if record is not None else location

    def event_title(self, event: str) -> str | None:
        record = self.record("events", event)
        return record.fields.get("title") if record is not None else None


# --- capturing a production --------------------------------------------------------------


def record_keys(table: TableData) -> list[str | None]:
    """Each record's key (None for a record nothing names, such as a budget total row)."""
    columns = KEY_COLUMNS.get(table.key)
    if columns is None:
        if table.table.id_column is None:
            return [None] * len(table)
        columns = (table.table.id_column,)
    said = [texts(table.col(c), table.table.column(c).kind) for c in columns]
    lenient = table.key == "actuals"  # an expense's description may be blank
    seen: Counter[str] = Counter()
    keys: list[str | None] = []
    for parts in zip(*said, strict=True):
        if (lenient and not any(parts)) or (not lenient and None in parts):
            keys.append(None)
            continue
        key = parts[0] if len(parts) == 1 else "/".join(p or "" for p in parts)
        assert key is not None
        seen[key] += 1
        keys.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return keys


def _sheet(table: TableData, keys: list[str | None]) -> Sheet:
    kinds = {c.key: c.kind for c in table.table.columns}
    columns = [c for c in table.columns if c in table.values]
    said = [texts(table.col(c), kinds.get(c, schema.TEXT)) for c in columns]
    rows = table.rows
    records: dict[str, Record] = {}
    for i, (key, *values) in enumerate(zip(keys, *said, strict=True)):
        if key is None:
            continue
        fields = {c: v for c, v in zip(columns, values, strict=True) if v is not None}
        records[key] = Record(key, rows[i], fields)
    letters = {c: column_letter(j) for c, j in table.columns.items()}
    return Sheet(table.key, table.file, table.sheet, table.path, letters, records)


def _settings(production: Production) -> Sheet | None:
    cells = production.setting_cells
    if not cells:
        return None
    first = next(iter(cells.values()))
    kinds = {c.key: c.kind for c in schema.PRODUCTION.columns}
    records = {}
    for key, where in cells.items():
        said = text(production.settings.get(key), kinds.get(key, schema.TEXT))
        records[key] = Record(key, where.row or 0, {"value": said} if said is not None else {})
    letter = first.column or "B"
    return Sheet(SETTINGS, first.file, first.sheet or "", first.path, {"value": letter}, records)


def capture(
    production: Production,
    schedule: Schedule | None,
    reconciliation: Reconciliation | None,
    findings: Iterable[Finding],
) -> State:
    """A production as read and checked (the check's schedule, costs and findings)."""
    sheets: dict[str, Sheet] = {}
    settings = _settings(production)
    if settings is not None:
        sheets[SETTINGS] = settings
    keys = {key: record_keys(table) for key, table in production.tables.items()}
    for key, table in production.tables.items():
        sheets[key] = _sheet(table, keys[key])
    booked = _booked(production, schedule, keys.get("bookings")) if schedule is not None else {}
    return State(
        title=production.title,
        path=str(production.path),
        language=production.language,
        currency=production.currency,
        sheets=sheets,
        booked=booked,
        findings=tuple(_noted(findings, production, sheets)),
        costs=_costs(reconciliation) if reconciliation is not None else None,
    )


def _booked(
    production: Production, s: Schedule, keys: list[str | None] | None
) -> dict[str, Booked]:
    if s.bookings.table is None or keys is None:
        return {}
    b, ev = s.bookings, s.events
    event_ids = [None if v is None else str(v) for v in ev.table.col("id")] if ev.table else []
    places = [None if v is None else str(v) for v in ev.location]
    crew = production.ids("crew")
    out: dict[str, Booked] = {}
    for row, who, e, start, end in zip(b.row, b.who, b.event, b.start, b.end, strict=True):
        key = keys[row]
        day = ev.day[e]
        if key is None or day is None:
            continue
        out[key] = Booked(
            key, who, str(event_ids[e]), day, int(start), int(end), places[e], who in crew
        )
    return out


def _noted(
    findings: Iterable[Finding], production: Production, sheets: Mapping[str, Sheet]
) -> list[Noted]:
    """Each finding known by its code and the records it points at, not by its cells."""
    where: dict[tuple[str, str | None, int], tuple[str, str]] = {}
    columns: dict[tuple[str, str | None], dict[str, str]] = {}
    for sheet in sheets.values():
        columns[(sheet.file, sheet.sheet)] = {v: k for k, v in sheet.letters.items()}
        for record in sheet.records.values():
            where[(sheet.file, sheet.sheet, record.row)] = (sheet.table, record.key)
    if SETTINGS in sheets:
        for key, loc in production.setting_cells.items():
            where[(loc.file, loc.sheet, loc.row or 0)] = (SETTINGS, key)

    def ident(loc: Location) -> str:
        found = where.get((loc.file, loc.sheet, loc.row or 0)) if loc.row is not None else None
        if found is None:  # a header, a total row, a whole sheet: its place, never its file
            return f"{loc.sheet or ''}!{loc.cell or ''}"
        column = columns.get((loc.file, loc.sheet), {}).get(loc.column or "", "")
        return f"{found[0]}:{found[1]}:{column}"

    out = []
    for f in findings:
        places = sorted({ident(loc) for loc in f.locations})
        out.append(
            Noted(
                (f.code.code, *places),
                f.code.code,
                f.code.name,
                f.level.value,
                Bilingual(f.message("en"), f.message("fr")),
                Bilingual(f.hint("en"), f.hint("fr")),
                f.locations,
            )
        )
    return out


def _costs(rec: Reconciliation) -> Costs:
    def amounts(x: Any) -> Amounts:
        return Amounts(x.budget, x.planned, x.estimate_at_completion)

    def label(value: str | Bilingual | None) -> Bilingual:
        if isinstance(value, Bilingual):
            return Bilingual(str(value["en"]), str(value["fr"]))
        return Bilingual(value or "", value or "")

    return Costs(tuple((label(c.label), amounts(c)) for c in rec.chapters), amounts(rec.total))


# --- kept as JSON --------------------------------------------------------------------------


def _location_json(loc: Location) -> list[Any]:
    return [loc.file, loc.sheet, loc.row, loc.column, loc.id, loc.path]


def _location(data: Sequence[Any]) -> Location:
    return Location(*data)


def _amounts_json(a: Amounts) -> list[str]:
    return [decimal_text(a.budget), decimal_text(a.planned), decimal_text(a.estimate_at_completion)]


def _amounts(data: Sequence[str]) -> Amounts:
    return Amounts(*(Decimal(x) for x in data))


def to_json(state: State) -> dict[str, Any]:
    """The state as JSON (compact: each table's columns once, then its rows)."""
    sheets = {}
    for key, sheet in state.sheets.items():
        columns = list(sheet.letters)
        for record in sheet.records.values():
            columns += [c for c in record.fields if c not in columns]
        sheets[key] = {
            "file": sheet.file,
            "sheet": sheet.sheet,
            "path": sheet.path,
            "letters": dict(sheet.letters),
            "columns": columns,
            "rows": [
                [r.key, r.row, *(r.fields.get(c) for c in columns)] for r in sheet.records.values()
            ],
        }
    return {
        "format": FORMAT,
        "title": state.title,
        "path": state.path,
        "language": state.language,
        "currency": state.currency,
        "sheets": sheets,
        "booked": [
            [b.key, b.who, b.event, b.day.isoformat(), b.start, b.end, b.location, b.person]
            for b in state.booked.values()
        ],
        "findings": [
            {
                "key": list(f.key),
                "code": f.code,
                "name": f.name,
                "severity": f.severity,
                "message": dict(f.message),
                "hint": dict(f.hint),
                "locations": [_location_json(loc) for loc in f.locations],
            }
            for f in state.findings
        ],
        "costs": None
        if state.costs is None
        else {
            "chapters": [[dict(label), _amounts_json(a)] for label, a in state.costs.chapters],
            "total": _amounts_json(state.costs.total),
        },
    }


def from_json(data: Mapping[str, Any]) -> State:
    """A state kept by :func:`to_json`; ValueError when it is not one (or of another format)."""
    try:
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}")
        sheets = {}
        for key, s in data["sheets"].items():
            columns = s["columns"]
            records = {}
            for key_, row, *values in s["rows"]:
                fields = {c: v for c, v in zip(columns, values, strict=True) if v is not None}
                records[key_] = Record(str(key_), int(row), fields)
            sheets[key] = Sheet(key, s["file"], s["sheet"], s["path"], s["letters"], records)
        booked = {
            k: Booked(k, who, event, dt.date.fromisoformat(day), int(a), int(z), place, bool(p))
            for k, who, event, day, a, z, place, p in data["booked"]
        }
        findings = tuple(
            Noted(
                tuple(f["key"]),
                f["code"],
                f["name"],
                f["severity"],
                Bilingual(f["message"]["en"], f["message"]["fr"]),
                Bilingual(f["hint"]["en"], f["hint"]["fr"]),
                tuple(_location(x) for x in f["locations"]),
            )
            for f in data["findings"]
        )
        costs = data["costs"]
        return State(
            title=str(data["title"]),
            path=str(data["path"]),
            language=str(data["language"]),
            currency=str(data["currency"]),
            sheets=sheets,
            booked=booked,
            findings=findings,
            costs=None
            if costs is None
            else Costs(
                tuple(
                    (Bilingual(label["en"], label["fr"]), _amounts(a))
                    for label, a in costs["chapters"]
                ),
                _amounts(costs["total"]),
            ),
        )
    except (KeyError, TypeError, ValueError, ArithmeticError, AttributeError) as exc:
        raise ValueError(f"not a prodsheets state: {type(exc).__name__}: {exc}") from None
