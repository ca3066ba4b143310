"""Tables: ids named once, references that name a row, dates that hold, values in range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from decimal import Decimal

from prodsheets import catalogue as C
from prodsheets.analyses import Analyses
from prodsheets.contract import schema, values
from prodsheets.findings import Finding, Location, column_letter
from prodsheets.i18n import Bilingual, de
from prodsheets.i18n.formats import say_date
from prodsheets.model import Production, TableData, fold

# --- ids -------------------------------------------------------------------------------


def duplicate_ids(a: Analyses) -> Iterator[Finding]:
    """Each id names one row: a second row with the same id makes every reference ambiguous."""
    production = a.production
    for table in production.tables.values():
        key = table.table.id_column
        if key is None or not table.has(key) or table.table.shared_ids:
            continue
        seen: dict[str, int] = {}
        for i, value in enumerate(table.col(key)):
            if value is None:
                continue
            first = seen.setdefault(str(value), i)
            if first != i:
                yield Finding(
                    C.DUPLICATE_ID,
                    {"id": value, "table": table.sheet, "other_row": table.rows[first]},
                    (table.cell(i, key), table.cell(first, key)),
                )
        folded: dict[str, str] = {}
        for value, i in table.ids.items():
            other = folded.setdefault(fold(value), value)
            if other != value:
                yield Finding(
                    C.IDS_DIFFER_BY_CASE,
                    {
                        "id": value,
                        "other": other,
                        "what": Bilingual(f"rows of {table.sheet}", f"lignes de {table.sheet}"),
                    },
                    (table.cell(i, key), table.cell(table.ids[other], key)),
                )
    crew, resources = production.table("crew"), production.table("resources")
    if crew is not None and resources is not None:
        people = production.ids("crew")
        for rid, i in production.ids("resources").items():
            if rid in people:
                yield Finding(
                    C.AMBIGUOUS_ID,
                    {"id": rid, "crew": crew.sheet, "resources": resources.sheet},
                    (resources.cell(i, "id"), crew.cell(people[rid], "id")),
                )


# --- references ------------------------------------------------------------------------


def _known_ids(production: Production, tables: Iterable[str]) -> set[str] | None:
    """Ids of the referred tables, or None when none of them is in the production."""
    present = [t for t in tables if t in production.tables]
    if not present and not any(t in production.unread for t in tables):
        return None
    known: set[str] = set()
    for t in present:
        known.update(production.ids(t))
    return known


def unknown_references(a: Analyses) -> Iterator[Finding]:
    """A reference must name a row of its table, or the link silently breaks."""
    production = a.production
    for table in production.tables.values():
        for column in table.table.columns:
            if not column.refs or not table.has(column.key):
                continue
            known = _known_ids(production, column.refs)
            if known is None:
                continue
            target = Bilingual(
                " / ".join(
                    production.table_label(t)["en"] for t in column.refs if t in production.tables
                ),
                " / ".join(
                    production.table_label(t)["fr"] for t in column.refs if t in production.tables
                ),
            )
            label = table.header(column.key)
            suggest = _Suggestions(known)
            values_ = table.col(column.key)
            unread = [t for t in column.refs if t in production.unread]
            if unread:
                # A referred table was seen but could not be read: whether these ids exist
                # cannot be told, and one finding says so instead of one per row.
                yield from _not_checked(production, table, column.key, known, unread)
                continue
            if column.kind != schema.ID_LIST:
                # A set difference settles a million references at C speed.
                unknown = set(values_) - known
                unknown.discard(None)
                if not unknown:
                    continue
            for i, value in enumerate(values_):
                if value is None:
                    continue
                if column.kind == schema.FRINGE and isinstance(value, Decimal):
                    continue  # a percentage, not a fringe code
                for ref in value if isinstance(value, tuple) else (value,):
                    if ref in known:
                        continue
                    yield Finding(
                        C.UNKNOWN_REFERENCE,
                        {
                            "column": label,
                            "id": ref,
                            "target": target,
                            "suggestion": suggest(ref),
                        },
                        (table.cell(i, column.key),),
                    )


def _not_checked(
    production: Production, table: TableData, key: str, known: set[str], unread: list[str]
) -> Iterator[Finding]:
    values_ = table.col(key)
    count = sum(
        1
        for value in values_
        if value is not None and not isinstance(value, Decimal)
        for ref in (value if isinstance(value, tuple) else (value,))
        if ref not in known
    )
    if not count:
        return
    names = [
        production.table_label(t) if t in production.tables else _seen(production, t)
        for t in unread
    ]
    target = Bilingual(" / ".join(n["en"] for n in names), " / ".join(n["fr"] for n in names))
    if key in table.columns and not table.parts:
        where = Location(
            table.file,
            table.sheet,
            table.header_row,
            column_letter(table.columns[key]),
            None,
            table.path,
        )
    else:  # a value given once for a sheet, or several sheets: the first value's cell
        where = table.cell(0, key)._replace(id=None)
    yield Finding(
        C.REFERENCES_NOT_CHECKED,
        {"column": table.header(key), "count": count, "target": target},
        (where,),
    )


def _seen(production: Production, key: str) -> Bilingual:
    """A table seen but not read, by the sheet it was seen in: « Equipo »."""
    where = production.unread[key]
    if where.sheet:
        return Bilingual(f"“{where.sheet}”", f"« {where.sheet} »")
    t = schema.TABLES_BY_KEY[key]
    return Bilingual(t.en, t.fr)


class _Suggestions:
    """« Vouliez-vous dire … ? » for unknown ids, worked out once per distinct id.

    A crew member renamed in one sheet leaves thousands of bookings naming the old id;
    each comparison with every known id costs a fraction of a millisecond.
    """

    def __init__(self, known: set[str]) -> None:
        self.known = known
        self.by_fold: dict[str, str] | None = None
        self.said: dict[str, Bilingual] = {}

    def __call__(self, ref: str) -> Bilingual:
        if ref not in self.said:
            self.said[ref] = self._suggest(ref)
        return self.said[ref]

    def _suggest(self, ref: str) -> Bilingual:
        if self.by_fold is None:
            self.by_fold = {k.casefold(): k for k in self.known}
        match = self.by_fold.get(ref.casefold())
        if match is None:
            import difflib  # only when a reference is unknown

            close = difflib.get_close_matches(ref.casefold(), list(self.by_fold), n=1, cutoff=0.75)
            match = self.by_fold[close[0]] if close else None
        if match is None:
            return Bilingual("", "")
        return Bilingual(f" (did you mean “{match}”?)", f" (vouliez-vous dire « {match} » ?)")


# --- dates -----------------------------------------------------------------------------


def impossible_ranges(a: Analyses) -> Iterator[Finding]:
    """A period that ends before it starts is a typo that hides a real availability."""
    production = a.production
    start, end = production.start, production.end
    if start and end and end < start:
        where = production.setting_cells.get("end")
        yield Finding(
            C.IMPOSSIBLE_RANGE,
            {
                "what": Bilingual("The production", "La production"),
                "start": say_date(start),
                "end": say_date(end),
            },
            (where,) if where else (),
        )
    table = production.table("unavailability")
    if table is None:
        return
    for i, who, begin, finish in table.records("who", "from", "to"):
        if begin and finish and finish < begin:
            what = (
                Bilingual(f"The unavailability of {who}", f"L'indisponibilité {de(who)}")
                if who
                else Bilingual("An unavailability", "Une indisponibilité")
            )
            yield Finding(
                C.IMPOSSIBLE_RANGE,
                {"what": what, "start": say_date(begin), "end": say_date(finish)},
                (table.cell(i, "to"), table.cell(i, "from")),
            )


def dates_outside_production(a: Analyses) -> Iterator[Finding]:
    """An event dated outside the production is usually a wrong year or month."""
    production = a.production
    start, end = production.start, production.end
    events = production.table("events")
    if not (start and end and events) or end < start:
        return
    span = a.span
    for i, eid, day in events.records("id", "date"):
        if day and not start <= day <= end and not span.far(day):  # far: said by PS151
            what = (
                Bilingual(f"Event {eid}", f"L'événement {eid}")
                if eid
                else Bilingual("An event", "Un événement")
            )
            yield Finding(
                C.OUTSIDE_DATES,
                {
                    "what": what,
                    "date": say_date(day),
                    "start": say_date(start),
                    "end": say_date(end),
                },
                (events.cell(i, "date"),),
            )


_DATED = (("events", "date"), ("actuals", "date"))


def far_dates(a: Analyses) -> Iterator[Finding]:
    """A date years away from all the others: a typo in the year (3026, 1900)."""
    production, span = a.production, a.span
    if span.centre is None:
        return
    around = say_date(span.centre)
    for key in ("start", "end"):
        day = production.settings.get(key)
        where = production.setting_cells.get(key)
        if isinstance(day, dt.date) and span.far(day) and where is not None:
            label = Bilingual(schema.PRODUCTION.column(key).en, schema.PRODUCTION.column(key).fr)
            params = {"column": label, "found": say_date(day), "around": around}
            yield Finding(C.DATE_FAR, params, (where,))
    for table_key, column in _DATED:
        table = production.table(table_key)
        if table is None or not table.has(column):
            continue
        for i, day in enumerate(table.col(column)):
            if span.far(day):
                params = {"column": table.header(column), "found": say_date(day), "around": around}
                yield Finding(C.DATE_FAR, params, (table.cell(i, column),))


# --- ranges of plain values -----------------------------------------------------------

_RANGES: dict[tuple[str, str], tuple[int, int | None]] = {
    ("risks", "probability"): (1, 5),
    ("risks", "impact"): (1, 5),
    ("resources", "quantity"): (1, None),
    ("locations", "capacity"): (1, None),
    ("bookings", "quantity"): (1, None),
    ("locations", "latitude"): (-90, 90),
    ("locations", "longitude"): (-180, 180),
}


def values_in_range(a: Analyses) -> Iterator[Finding]:
    production = a.production
    for (table_key, column), (low, high) in _RANGES.items():
        table = production.table(table_key)
        if table is None or not table.has(column):
            continue
        expected = values.range_text(low, high)
        for i, value in enumerate(table.col(column)):
            if value is not None and not values.in_range(value, low, high):
                yield Finding(
                    C.OUT_OF_RANGE,
                    {"column": table.header(column), "found": value, "expected": expected},
                    (table.cell(i, column),),
                )
