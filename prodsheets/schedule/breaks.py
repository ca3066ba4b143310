"""Breaks: what the break / pause columns say, placed in time, and the stretches of work
between them.

A booking's breaks are its own break / pause cell, else its event's (parsed by
:func:`prodsheets.contract.values.parse_breaks`). A time range (12:30-13:30) is taken
where it says, on the booking's day (or the next, for a night); a break given in minutes
only is placed where it helps most, the breaks of a booking spread evenly across it. A gap
between two bookings of the same person is a break too, as long as it lasts.

A stretch of work is what runs between two breaks long enough for a rule (20 minutes
after 6 hours by default, Code du travail L3121-16): a shorter pause neither ends the
stretch nor counts in it. Shared by the meal-break check and by whatever deducts unpaid
breaks from the hours worked.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import NamedTuple

from prodsheets.contract.values import Break
from prodsheets.schedule.intervals import Schedule
from prodsheets.schedule.timeline import DAY


class Stretch(NamedTuple):
    """Work in a row: how long (seconds of work), from when to when, first and last booking."""

    worked: int
    start: int
    end: int
    first: int
    last: int


class BreakCells:
    """The break / pause values of a schedule's bookings and events, read once."""

    def __init__(self, s: Schedule) -> None:
        self.s = s

    @cached_property
    def _bookings(self) -> list[tuple[Break, ...] | None]:
        table = self.s.bookings.table
        return table.col("break") if table is not None else []

    @cached_property
    def _events(self) -> list[tuple[Break, ...] | None]:
        table = self.s.events.table
        return table.col("break") if table is not None else []

    @property
    def any(self) -> bool:
        return any(v is not None for v in self._bookings) or any(
            v is not None for v in self._events
        )

    def of(self, n: int) -> tuple[Break, ...]:
        """Booking n's breaks: its own cell, else its event's; () when neither says."""
        b = self.s.bookings
        own = self._bookings[b.row[n]] if self._bookings else None
        if own is not None:
            return own
        event = self._events[b.event[n]] if self._events else None
        return event or ()


def placed(
    breaks: Sequence[Break], start: int, end: int, longer_than: int = 0
) -> list[tuple[int, int]]:
    """The breaks of a booking [start, end) as intervals of time inside it.

    Only breaks of at least ``longer_than`` seconds are placed. A time range is placed on
    the booking's day, or the next day when it ends before the booking starts (a night);
    the breaks given in minutes share out the booking evenly, each centred on its point.
    """
    out: list[tuple[int, int]] = []
    untimed = [x.length for x in breaks if x.start is None and x.length >= longer_than]
    for x in breaks:
        if x.start is None or x.length < longer_than:
            continue
        a = start - start % DAY + x.start
        if a + x.length <= start:
            a += DAY
        lo, hi = max(a, start), min(a + x.length, end)
        if hi > lo:
            out.append((lo, hi))
    span = end - start
    for i, length in enumerate(untimed, start=1):
        middle = start + span * i // (len(untimed) + 1)
        lo, hi = max(start, middle - length // 2), min(end, middle - length // 2 + length)
        if hi > lo:
            out.append((lo, hi))
    return sorted(out)


def stretches(
    s: Schedule, cells: BreakCells, bookings: Sequence[int], minimum: int
) -> list[Stretch]:
    """The stretches of work of one person's bookings (in start order), cut by every break
    (a cell's, or a gap between bookings) of at least ``minimum`` seconds."""
    b = s.bookings
    pieces: list[tuple[int, int, int]] = []  # work: (start, end, booking)
    for n in bookings:
        start, end = b.start[n], b.end[n]
        if end <= start:
            continue
        cursor = start
        for lo, hi in placed(cells.of(n), start, end, minimum):
            if lo > cursor:
                pieces.append((cursor, lo, n))
            cursor = max(cursor, hi)
        if end > cursor:
            pieces.append((cursor, end, n))
    pieces.sort()
    out: list[Stretch] = []
    current: list[int] | None = None  # [worked, start, end, first, last]
    for lo, hi, n in pieces:
        if current is not None and lo - current[2] < minimum:
            lo = max(lo, current[2])  # overlapping bookings count once
            if hi > lo:
                current[0] += hi - lo
                current[2] = hi
                current[4] = n
            continue
        if current is not None:
            out.append(Stretch(*current))
        current = [hi - lo, lo, hi, n, n]
    if current is not None:
        out.append(Stretch(*current))
    return out


def work_without_breaks(s: Schedule) -> dict[str, list[tuple[int, int, int]]]:
    """Each person's work with the breaks they take cut out: (start, end, work day) pieces,
    for the people whose bookings record a break.

    Code du travail L3121-1 and L3121-2: time to eat and breaks are effective work only when
    the worker stays at the employer's disposal; unless the production says its breaks are
    worked (« pauses travaillées »), they are deducted from the hours worked. Empty when no
    break is recorded: the hours stay as booked.
    """
    cells = BreakCells(s)
    if s.rules.breaks_worked or not cells.any:
        return {}
    b, ev = s.bookings, s.events
    out: dict[str, list[tuple[int, int, int]]] = {}
    for who, ns in s.groups.items():
        if not any(cells.of(n) for n in ns):
            continue
        pieces: list[tuple[int, int, int]] = []
        for n in ns:
            day = ev.day[b.event[n]]
            start, end = b.start[n], b.end[n]
            if day is None or end <= start:
                continue
            cursor = start
            for lo, hi in placed(cells.of(n), start, end):
                if lo > cursor:
                    pieces.append((cursor, lo, day.toordinal()))
                cursor = max(cursor, hi)
            if end > cursor:
                pieces.append((cursor, end, day.toordinal()))
        out[who] = sorted(pieces)
    return out


def covered(pieces: Sequence[tuple[int, int]]) -> int:
    """Seconds covered by intervals, overlaps counted once."""
    total, reach = 0, None
    for lo, hi in sorted(pieces):
        if reach is not None:
            lo = max(lo, reach)
        if hi > lo:
            total += hi - lo
        reach = hi if reach is None else max(reach, hi)
    return total
