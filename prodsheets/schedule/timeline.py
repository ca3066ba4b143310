"""Bookings and events as intervals of seconds: what the conflict checks sweep over.

A time is a number of seconds since 0001-01-01 00:00 (``date.toordinal() * DAY``), so
comparing, sorting and subtracting are integer operations, a night shoot that wraps at
04:00 simply ends at a larger number than its 22:00 call, and a rundown's 30-second
segment keeps its 30 seconds.

Rules for times as producers write them (design section 2):

* a booking's call and wrap default to its event's start and end;
* a wrap (or an event's end) earlier than the call (start) is the next day; one equal to
  it is a zero-length item (a cue, a mark in a rundown), never a 24-hour one;
* for an event that crosses midnight, a call earlier than the event's end is after
  midnight (a 01:00 call on a 22:00–04:00 night shoot is the next day's 01:00).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from prodsheets.model import Production, TableData

MINUTE = 60
HOUR = 3600
DAY = 86400  # the unit is the second


def seconds(t: dt.time) -> int:
    """Seconds since midnight."""
    return t.hour * HOUR + t.minute * MINUTE + t.second


def at(day: dt.date, t: dt.time) -> int:
    return day.toordinal() * DAY + seconds(t)


def to_datetime(value: int) -> dt.datetime:
    day, rest = divmod(value, DAY)
    clock = dt.time(rest // HOUR, rest % HOUR // MINUTE, rest % MINUTE)
    return dt.datetime.combine(dt.date.fromordinal(day), clock)


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class Events:
    """Every event with a date, by id; ``start``/``end`` are None when the times are unknown."""

    index: dict[str, int] = field(default_factory=dict)  # id → record index in Events
    day: list[dt.date | None] = field(default_factory=list)
    start: list[int | None] = field(default_factory=list)
    end: list[int | None] = field(default_factory=list)
    location: list[str | None] = field(default_factory=list)
    table: TableData | None = None


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class Bookings:
    """Timed bookings, column by column (a million bookings are a few lists)."""

    row: list[int] = field(default_factory=list)  # record index in the Bookings table
    who: list[str] = field(default_factory=list)
    event: list[int] = field(default_factory=list)  # record index in Events
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    quantity: list[int] = field(default_factory=list)
    explicit: list[bool] = field(default_factory=list)  # call or wrap typed on the booking
    table: TableData | None = None
    arrays: dict[str, Any] = field(default_factory=dict, repr=False)  # NumPy copies, if made

    def __len__(self) -> int:
        return len(self.row)


def read_events(production: Production) -> Events:
    events = Events(table=production.table("events"))
    table = events.table
    if table is None:
        return events
    for i, eid, day, start, end, location in table.records(
        "id", "date", "start", "end", "location"
    ):
        if eid is not None:
            events.index.setdefault(eid, i)
        events.day.append(day)
        events.location.append(location)
        if day is None or start is None:
            events.start.append(None)
            events.end.append(None)
            continue
        s = at(day, start)
        e = None if end is None else at(day, end)
        if e is not None and e < s:
            e += DAY  # ends after midnight (an end equal to the start: a zero-length cue)
        events.start.append(s)
        events.end.append(e)
    return events


def read_bookings(production: Production, events: Events) -> Bookings:
    """Every booking whose times can be known, as an interval."""
    out = Bookings(table=production.table("bookings"))
    table = out.table
    if table is None or events.table is None:
        return out
    ev_index = events.index
    ev_day, ev_start, ev_end = events.day, events.start, events.end
    quantities = table.col("quantity")
    for i, eid, who, call, wrap in table.records("event", "who", "call", "wrap"):
        e = ev_index.get(eid) if eid is not None else None
        if e is None or who is None:
            continue
        day = ev_day[e]
        if day is None:
            continue
        base = day.toordinal() * DAY
        event_start, event_end = ev_start[e], ev_end[e]
        if call is not None:
            start = base + seconds(call)
            night = event_start is not None and event_end is not None and event_end > base + DAY
            if night and start < event_start and start + DAY < event_end:  # type: ignore[operator]
                start += DAY  # a night event: a call before its end time is after midnight
        elif event_start is not None:
            start = event_start
        else:
            continue
        if wrap is not None:
            end = start - start % DAY + seconds(wrap)
            if end < start:
                end += DAY
        elif event_end is not None:
            # A call after the event's end leaves nothing to work: an empty interval,
            # which the outside-event check reports and the overlap checks pass over.
            end = max(event_end, start)
        else:
            # No end known: the booking is kept as a moment (its call), so that the person
            # is on the call sheet and the day is paid; the event's own finding (PS131)
            # says its overlaps cannot be checked.
            end = start
        out.row.append(i)
        out.who.append(who)
        out.event.append(e)
        out.start.append(start)
        out.end.append(end)
        q = quantities[i]
        out.quantity.append(q if q is not None and q > 0 else 1)
        out.explicit.append(call is not None or wrap is not None)
    return out


def by_key(keys: list[str], start: list[int]) -> dict[str, list[int]]:
    """Indexes grouped by key, each group sorted by start time."""
    groups: dict[str, list[int]] = {}
    for n, k in enumerate(keys):
        g = groups.get(k)
        if g is None:
            groups[k] = [n]
        else:
            g.append(n)
    key = start.__getitem__
    for g in groups.values():
        g.sort(key=key)
    return groups
