"""The production's tables put together from what its sheets gave.

A table may come from several sheets (a planning with a sheet per stage), a Bookings
sheet may list shifts with their dates instead of naming events, an Events sheet may
name its people in a *who* column, and a *who* may be a name, a group, a department,
« toute l'équipe » or a slot still to fill. This module turns all of that into the
tables the checks read, every record keeping the cell it comes from. Pure functions over
:class:`~prodsheets.model.TableData`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from prodsheets import catalogue as C
from prodsheets.contract import schema
from prodsheets.findings import Finding, Location, letters_index
from prodsheets.model import Part, TableData, fold

# A who that names no one yet: the slot is said as one to fill, not as an unknown id.
VACANT_WORDS = {
    schema.normalise(w)
    for w in (
        "vacant",
        "vacante",
        "poste vacant",
        "tbd",
        "tbc",
        "tba",
        "to be confirmed",
        "to be determined",
        "à pourvoir",
        "à définir",
        "à confirmer",
        "à recruter",
        "recrutement en cours",
        "?",
        "??",
        "???",
        "open",
        "unfilled",
        "xxx",
    )
}
# A who that names the whole crew.
ALL_CREW_WORDS = {
    schema.normalise(w)
    for w in (
        "toute l'équipe",
        "toute l equipe",
        "l'équipe",
        "équipe complète",
        "tous",
        "tout le monde",
        "all crew",
        "all",
        "everyone",
        "everybody",
        "whole crew",
        "full crew",
        "entire crew",
    )
}
# Words around a department's name: « équipe lumière », "Light crew", « service son ».
_FILLERS = {
    "equipe",
    "team",
    "crew",
    "dept",
    "department",
    "departement",
    "service",
    "pole",
    "l",
    "la",
    "le",
    "les",
    "du",
    "de",
    "des",
    "the",
}


def group_key(text: object) -> str:
    """A group's or department's name without the words around it, folded."""
    words = fold(str(text)).replace("'", " ").replace("’", " ").split()
    kept = [w for w in words if schema.normalise(w) not in _FILLERS]
    return schema.normalise(" ".join(kept or words))


# --- records taken, repeated, put together ----------------------------------------------


def take(
    data: TableData, indices: list[int], values: Mapping[str, list[Any]] | None = None
) -> TableData:
    """The records of ``data`` at ``indices`` (a record may come twice), each keeping its
    cells; ``values`` replaces whole columns of the result."""
    new_values = {k: [v[i] for i in indices] for k, v in data.values.items()}
    if values:
        new_values.update({k: list(v) for k, v in values.items()})
    unreadable = {
        k: {n for n, i in enumerate(indices) if i in bad} for k, bad in data.unreadable.items()
    }
    unreadable = {k: v for k, v in unreadable.items() if v}
    rows = [data.rows[i] for i in indices]
    if not data.parts and not data.at:
        return dataclasses.replace(data, rows=rows, values=new_values, unreadable=unreadable)
    parts: list[Part] = []
    runs: list[tuple[Part, int, list[int]]] = []  # source part, first new index, its records
    for n, i in enumerate(indices):
        p = data.part(i)
        if not runs or runs[-1][0] != p:
            runs.append((p, n, []))
        runs[-1][2].append(i)
    for p, start, run in runs:
        at = {k: [cols[i - p.first] for i in run] for k, cols in p.at.items()}
        parts.append(p._replace(first=start, at=at))
    top = parts[0] if parts else data.part(0)
    return dataclasses.replace(
        data,
        rows=rows,
        values=new_values,
        unreadable=unreadable,
        file=top.file,
        path=top.path,
        sheet=top.sheet,
        columns=data.columns,
        parts=tuple(parts),
        at={},
        fixed={},
    )


def merge(parts: list[TableData]) -> TableData:
    """One table from several sheets' (or sources') records, in order."""
    if len(parts) == 1:
        return parts[0]
    first = parts[0]
    keys = list(dict.fromkeys(k for p in parts for k in p.values))
    values: dict[str, list[Any]] = {k: [] for k in keys}
    unreadable: dict[str, set[int]] = {}
    rows: list[int] = []
    out_parts: list[Part] = []
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    for p in parts:
        offset = len(rows)
        n = len(p.rows)
        rows += p.rows
        for k in keys:
            values[k] += p.values.get(k) or [None] * n
        for k, bad in p.unreadable.items():
            unreadable.setdefault(k, set()).update(i + offset for i in bad)
        for k, j in p.columns.items():
            columns.setdefault(k, j)
        for k, h in p.headers.items():
            headers.setdefault(k, h)
        own = p.parts or ((p.part(0),) if n else ())
        for part in own:
            out_parts.append(part._replace(first=part.first + offset))
    return dataclasses.replace(
        first,
        rows=rows,
        values=values,
        unreadable=unreadable,
        columns=columns,
        headers=headers,
        parts=tuple(out_parts),
        at={},
        fixed={},
    )


def from_cells(
    table: schema.Table, records: list[tuple[dict[str, Any], Location]]
) -> TableData | None:
    """A table made of values found elsewhere, each record at the cell it was found in
    (a crew made of the names a roster lists, the stages a planning names)."""
    if not records:
        return None
    keys = list(dict.fromkeys(k for values, _ in records for k in values))
    values = {k: [r.get(k) for r, _ in records] for k in keys}
    parts: list[Part] = []
    for n, (_, where) in enumerate(records):
        col = letters_index(where.column or "A")
        last = parts[-1] if parts else None
        if last is not None and last.file == where.file and last.sheet == where.sheet:
            for cols in last.at.values():
                cols.append(col)
            continue
        at = {k: [col] for k in ("", *keys)}
        parts.append(Part(n, where.file, where.path or "", where.sheet or "", 0, {}, {}, {}, at))
    first = records[0][1]
    return TableData(
        table=table,
        file=first.file,
        path=first.path or "",
        sheet=first.sheet or "",
        header_row=0,
        columns={},
        rows=[where.row or 1 for _, where in records],
        values=values,
        parts=tuple(parts),
    )


# --- events and bookings from each other -------------------------------------------------


def bookings_from_events(events: TableData, bookings: TableData | None) -> TableData | None:
    """An Events sheet's *who* column: each person or thing it names is booked on the event,
    as a row of Bookings would, at the *who* cell."""
    if "who" not in events.values or "id" not in events.values:
        return bookings
    records: list[tuple[dict[str, Any], Location]] = []
    for i, eid, who in events.records("id", "who"):
        if eid is None or not who:
            continue
        for w in who:
            records.append(({"event": eid, "who": w}, events.cell(i, "who")))
    made = from_cells(schema.BOOKINGS, records)
    if made is None:
        return bookings
    return made if bookings is None else merge([bookings, made])


def without(data: TableData, column: str) -> TableData:
    """The table without a column's values (said through another table now)."""
    values = {k: v for k, v in data.values.items() if k != column}
    return dataclasses.replace(data, values=values)


DAY = 86400


def _seconds(t: dt.time | None) -> int | None:
    return None if t is None else t.hour * 3600 + t.minute * 60 + t.second


def events_from_bookings(
    bookings: TableData, events: TableData | None
) -> tuple[TableData, TableData | None]:
    """Bookings with a date and no event (a shift list, a call sheet, a roster) share one
    event per day, place and title: it starts at the first call and ends at the last wrap;
    each booking keeps its own times."""
    dates = bookings.values.get("date")
    if dates is None:
        return bookings, events
    event_ids = list(bookings.col("event"))
    locations, titles = bookings.col("location"), bookings.col("title")
    calls, wraps = bookings.col("call"), bookings.col("wrap")
    groups: dict[tuple[Any, ...], list[int]] = {}
    for i, day in enumerate(dates):
        if day is None or event_ids[i] is not None:
            continue
        key = (day, locations[i], titles[i] if "title" in bookings.values else None)
        groups.setdefault(key, []).append(i)
    if not groups:
        return bookings, events
    taken = set(events.ids) if events is not None else set()
    records: list[tuple[dict[str, Any], Location]] = []
    for (day, place, title), members in groups.items():
        sheet = bookings.part(members[0]).sheet
        eid = f"{day:%Y-%m-%d}" + (f" {place}" if place else f" {title}" if title else f" {sheet}")
        base, k = eid, 2
        while eid in taken:
            eid, k = f"{base} ({k})", k + 1
        taken.add(eid)
        spans = []
        for i in members:
            start, end = _seconds(calls[i]), _seconds(wraps[i])
            if start is None:
                continue
            if end is not None and end <= start:
                end += DAY
            spans.append((start, end))
        start = min((s for s, _ in spans), default=None)
        ends = [e for _, e in spans if e is not None]
        end = max(ends, default=None)
        record: dict[str, Any] = {
            "id": eid,
            "date": day,
            "start": None if start is None else _time(start),
            "end": None if end is None else _time(end),
            "location": place,
            "title": title,
        }
        records.append((record, bookings.cell(members[0], "date")))
        for i in members:
            event_ids[i] = eid
    made = from_cells(schema.EVENTS, records)
    assert made is not None
    events = made if events is None else merge([events, made])
    return take(bookings, list(range(len(bookings))), {"event": event_ids}), events


def _time(seconds: int) -> dt.time:
    seconds %= DAY
    return dt.time(seconds // 3600, seconds % 3600 // 60, seconds % 60)


def locations_from_events(events: TableData) -> TableData | None:
    """The places a mapped planning names, as its Locations when it has none: a festival's
    stages are the sheets' names."""
    seen: dict[str, Location] = {}
    for i, place in events.records("location"):
        if place is not None and place not in seen:
            seen[place] = events.cell(i, "location")
    records = [({"id": p, "name": p}, where) for p, where in seen.items()]
    return from_cells(schema.LOCATIONS, records)


# --- who: names, groups, departments, the whole crew, slots to fill ---------------------


def crew_from_people(bookings: TableData) -> tuple[TableData | None, list[Finding]]:
    """No Crew in a mapped production: the people its bookings name are its crew, each
    with an id made from the name (said once, so that contracts and rates get added)."""
    from prodsheets.io.mapped import ids_from_names

    seen: dict[str, Location] = {}
    for i, who in bookings.records("who"):
        if who is None:
            continue
        key = schema.normalise(who)
        if key in VACANT_WORDS or key in ALL_CREW_WORDS or who in seen:
            continue
        seen[who] = bookings.cell(i, "who")
    if not seen:
        return None, []
    names = list(seen)
    ids = ids_from_names(names)
    records = [({"id": i, "name": n}, seen[n]) for i, n in zip(ids, names, strict=True)]
    crew = from_cells(schema.CREW, records)
    shown = ", ".join(f"{n} → {i}" for n, i in list(zip(names, ids, strict=True))[:3])
    if len(names) > 3:
        shown += ", …"
    sheets = ", ".join(dict.fromkeys(s for _, s in bookings.sheets))
    params = {"count": len(names), "sheets": sheets, "examples": shown}
    first = next(iter(seen.values()))
    return crew, [Finding(C.CREW_FROM_NAMES, params, (first,))]


class People:
    """Who a booking's *who* may name, beyond an id: a crew member's name, a group of the
    Groups table, a department of Crew, the whole crew."""

    def __init__(self, tables: Mapping[str, TableData], loose: bool = False) -> None:
        crew, resources = tables.get("crew"), tables.get("resources")
        self.loose = loose  # a mapped production: names and first names name people too
        self.ids: set[str] = set()
        self.names: dict[str, set[str]] = {}
        self.first_names: dict[str, set[str]] = {}
        self.departments: dict[str, list[str]] = {}
        self.crew: list[str] = []
        for table in (crew, resources):
            if table is None:
                continue
            self.ids.update(table.ids)
            if not loose:
                continue
            for _, rid, name in table.records("id", "name"):
                if rid is None:
                    continue
                self.names.setdefault(fold(str(rid)), set()).add(str(rid))
                if name is not None:
                    self.names.setdefault(fold(str(name)), set()).add(str(rid))
                    first = fold(str(name)).split(" ")[0]
                    self.first_names.setdefault(first, set()).add(str(rid))
        if crew is not None:
            for _, rid, dept in crew.records("id", "department"):
                if rid is None:
                    continue
                self.crew.append(str(rid))
                if dept is not None:
                    self.departments.setdefault(group_key(dept), []).append(str(rid))
        self.groups: dict[str, tuple[str, ...]] = {}
        groups = tables.get("groups")
        if groups is not None:
            for _, gid, members in groups.records("id", "members"):
                if gid is not None and members:
                    self.groups[group_key(gid)] = tuple(members)

    def members(self, who: str, seen: frozenset[str] = frozenset()) -> list[str] | None:
        """The ids ``who`` stands for, or None when it names one id (or nothing known)."""
        if who in self.ids:
            return None
        key = group_key(who)
        if key in self.groups and key not in seen:
            out: list[str] = []
            for m in self.groups[key]:
                inner = self.members(m, seen | {key})
                out += inner if inner is not None else [self.one(m)]
            return list(dict.fromkeys(out))
        if schema.normalise(who) in ALL_CREW_WORDS and self.crew:
            return list(self.crew)
        if key in self.departments:
            return list(self.departments[key])
        return None

    def one(self, who: str) -> str:
        """The id a name stands for in a mapped production (« Lucie Martin », « lucie »,
        « Lucie » when one person has that first name → LUCIE), else itself."""
        if who in self.ids or not self.loose:
            return who
        for index in (self.names, self.first_names):
            found = index.get(fold(who))
            if found is not None:
                return next(iter(found)) if len(found) == 1 else who
        return who


def resolve_people(
    tables: Mapping[str, TableData], loose: bool = False
) -> tuple[TableData | None, TableData | None]:
    """Bookings whose *who* is a name, a group, a department or the whole crew, made into
    one booking per person (each at the same cell); and the slots to fill, apart."""
    bookings = tables.get("bookings")
    if bookings is None or "who" not in bookings.values:
        return bookings, None
    people = People(tables, loose)
    # Most productions name people by their ids: settled once per distinct who, at C speed.
    whos_seen = set(bookings.col("who")) - {None}
    if not any(
        schema.normalise(str(w)) in VACANT_WORDS
        or people.members(str(w))
        or people.one(str(w)) != str(w)
        for w in whos_seen
    ):
        return bookings, None
    indices: list[int] = []
    whos: list[Any] = []
    vacant: list[int] = []
    changed = False
    for i, who in bookings.records("who"):
        if who is None:
            indices.append(i)
            whos.append(who)
            continue
        text = str(who)
        if schema.normalise(text) in VACANT_WORDS:
            vacant.append(i)
            changed = True
            continue
        members = people.members(text)
        if members:
            indices += [i] * len(members)
            whos += members
            changed = True
            continue
        one = people.one(text)
        changed = changed or one != text
        indices.append(i)
        whos.append(one)
    if not changed:
        return bookings, None
    slots = take(bookings, vacant) if vacant else None
    return take(bookings, indices, {"who": whos}), slots


def assemble(
    found: Mapping[str, list[TableData]], mapped: bool
) -> tuple[dict[str, TableData], TableData | None, list[Finding]]:
    """The production's tables from every part read, and its slots to fill."""
    tables = {key: merge(parts) for key, parts in found.items() if parts}
    findings: list[Finding] = []
    events = tables.get("events")
    if events is not None:
        made = bookings_from_events(events, tables.get("bookings"))
        if made is not None:
            tables["bookings"] = made
        if "who" in events.values:  # its people are bookings now, checked as such
            tables["events"] = without(events, "who")
    bookings = tables.get("bookings")
    if bookings is not None:
        bookings, events = events_from_bookings(bookings, tables.get("events"))
        tables["bookings"] = bookings
        if events is not None:
            tables["events"] = events
    if mapped:
        events = tables.get("events")
        if "locations" not in tables and events is not None:
            locations = locations_from_events(events)
            if locations is not None:
                tables["locations"] = locations
        bookings = tables.get("bookings")
        if "crew" not in tables and "resources" not in tables and bookings is not None:
            crew, said = crew_from_people(bookings)
            findings += said
            if crew is not None:
                tables["crew"] = crew
    bookings, vacant = resolve_people(tables, loose=mapped)
    if bookings is not None:
        tables["bookings"] = bookings
    return tables, vacant, findings


__all__ = [
    "ALL_CREW_WORDS",
    "VACANT_WORDS",
    "People",
    "assemble",
    "bookings_from_events",
    "events_from_bookings",
    "from_cells",
    "merge",
    "resolve_people",
    "take",
]
