"""Hours worked, per person: working days, their kinds, weeks; the shooting days.

A working day is the date of the events a person is booked on (a night shoot that wraps
at 04:00 belongs to the day it started), as productions count days. Weekly hours are
split at midnight, so hours after midnight on a Sunday night count in the next ISO week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from prodsheets.schedule import arrays
from prodsheets.schedule.breaks import covered, work_without_breaks
from prodsheets.schedule.intervals import Schedule
from prodsheets.schedule.presets import (
    FESTIVAL,
    PREMIERE_WINDOW,
    SHOOTING,
    is_premiere,
    iso_week,
    kind_tags,
)
from prodsheets.schedule.timeline import DAY

PREMIERE_DAYS = 15  # CCNEAC art. VI.6.1: 12 h days in the 15 days before the première


class WorkDay(NamedTuple):
    day: dt.date
    start: int  # first call
    end: int  # last wrap
    worked: int  # seconds, overlaps counted once
    first: int  # the day's first booking (index into the schedule's bookings)
    last: int  # its last booking
    tags: int  # what kind of day (presets.SETUP, TOUR…): the OR of its events' kinds


def working_people(s: Schedule) -> list[str]:
    """Crew members booked in the schedule, whatever their contract.

    A contractor's or a volunteer's hours are not the production's payroll, but a
    technician who slept five hours is a risk on set all the same.
    """
    return [who for who in s.people if who in s.groups]


def event_tags(s: Schedule) -> list[int]:
    """Each event's tags, from its kind (``montage`` → SETUP, ``séquence`` → SHOOTING…)."""
    kinds = s.events.table.col("kind") if s.events.table is not None else []
    return [kind_tags(k) if isinstance(k, str) else 0 for k in kinds]


def premiere(s: Schedule) -> dt.date | None:
    """The first performance: the Production sheet's date, else the first event whose kind
    says première."""
    given = s.production.settings.get("premiere")
    if isinstance(given, dt.date):
        return given
    table = s.events.table
    if table is None:
        return None
    days = [d for d, k in zip(s.events.day, table.col("kind"), strict=True) if d and is_premiere(k)]
    return min(days, default=None)


def day_tags(s: Schedule) -> tuple[int, tuple[int, int] | None]:
    """Tags every day of the production carries (FESTIVAL for a festival), and the date
    ordinals [from, to) of the 15 days before the première (CCNEAC art. VI.6.1)."""
    always = FESTIVAL if s.production.settings.get("kind") == "festival" else 0
    first = premiere(s)
    window = None
    if first is not None:
        window = (first.toordinal() - PREMIERE_DAYS, first.toordinal())
    return always, window


def shooting_days(s: Schedule) -> set[int] | None:
    """Date ordinals of the shooting days: the dates of the events whose kind names a shoot;
    None (every day) when no event of the production has a kind at all."""
    table = s.events.table
    if table is None or not any(isinstance(k, str) for k in table.col("kind")):
        return None
    tags = event_tags(s)
    return {d.toordinal() for d, t in zip(s.events.day, tags, strict=True) if d and t & SHOOTING}


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class Days:
    """Every working day of every person, by column, ordered by person then day.

    A million bookings make about a million person-days: columns of plain values keep
    them cheap, and a :class:`WorkDay` is made only for the days a finding names.
    """

    who: list[str] = field(default_factory=list)
    day: list[int] = field(default_factory=list)  # date ordinal
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    worked: list[int] = field(default_factory=list)
    first: list[int] = field(default_factory=list)
    last: list[int] = field(default_factory=list)
    tags: list[int] = field(default_factory=list)
    person: Any = None  # with NumPy: the columns are arrays, and `person` codes `who`
    # The days as worked (schedule.actual.worked_days): the Actual hours row each day comes
    # from, -1 where the day is as planned; empty for the planned days.
    reported: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.who)

    @property
    def arrays(self) -> bool:
        return self.person is not None

    def spans(self) -> dict[str, tuple[int, int]]:
        """Each person's days as a slice (first, past the last) of the columns."""
        if self.arrays:
            starts = arrays.run_starts_of(self.person)
        else:
            starts = [0, *(g for g in range(1, len(self.who)) if self.who[g] != self.who[g - 1])]
        ends = [*starts[1:], len(self.who)]
        return {self.who[a]: (a, z) for a, z in zip(starts, ends, strict=True) if z > a}

    def reported_row(self, g: int) -> int:
        """The Actual hours row day g comes from, or -1 for a day as planned."""
        return self.reported[g] if self.reported else -1

    def at(self, g: int) -> WorkDay:
        return WorkDay(
            dt.date.fromordinal(int(self.day[g])),
            int(self.start[g]),
            int(self.end[g]),
            int(self.worked[g]),
            int(self.first[g]),
            int(self.last[g]),
            int(self.tags[g]),
        )


Unbroken = dict[str, list[tuple[int, int, int]]]  # who → work pieces, breaks cut out


def work_days(s: Schedule, unbroken: Unbroken | None = None) -> Days:
    """Every working person's days (with NumPy for a large schedule)."""
    people = working_people(s)
    tags = event_tags(s)
    always, window = day_tags(s)
    days = Days(**arrays.work_days(s, people, tags)) if s.large else _work_days(s, people, tags)
    _deduct_breaks(work_without_breaks(s) if unbroken is None else unbroken, days)
    if (always or window) and len(days):
        if days.arrays:
            days.tags = arrays.add_day_tags(days, always, window)
        else:
            days.tags = [
                t | always | (PREMIERE_WINDOW if window and window[0] <= d < window[1] else 0)
                for t, d in zip(days.tags, days.day, strict=True)
            ]
    return days


def _work_days(s: Schedule, people: list[str], tags: list[int]) -> Days:
    b, ev = s.bookings, s.events
    out = Days()
    for who in people:
        by_day: dict[dt.date, list[int]] = {}
        for n in s.groups.get(who, ()):
            day = ev.day[b.event[n]]
            if day is not None:
                by_day.setdefault(day, []).append(n)
        for day in sorted(by_day):
            ns = by_day[day]  # already in start order
            worked, reach, mask = 0, -1, 0
            for n in ns:
                start, end = max(b.start[n], reach), b.end[n]
                if end > start:
                    worked += end - start
                reach = max(reach, end)
                mask |= tags[b.event[n]] if tags else 0
            out.who.append(who)
            out.day.append(day.toordinal())
            out.start.append(b.start[ns[0]])
            out.end.append(reach)
            out.worked.append(worked)
            out.first.append(ns[0])
            out.last.append(ns[-1])
            out.tags.append(mask)
    return out


WeeklyTime = dict[str, dict[tuple[int, int], int]]  # who → ISO week → seconds worked


def _deduct_breaks(cut: Unbroken, days: Days) -> None:
    """The days' seconds worked without the breaks taken (see breaks.work_without_breaks)."""
    if not cut or not len(days):
        return
    worked = [int(w) for w in days.worked]
    for who, (a, z) in days.spans().items():
        pieces = cut.get(who)
        if not pieces:
            continue
        by_day: dict[int, list[tuple[int, int]]] = {}
        for lo, hi, day in pieces:
            by_day.setdefault(day, []).append((lo, hi))
        for g in range(a, z):
            day = int(days.day[g])
            if day in by_day:
                worked[g] = covered(by_day[day])
    if days.arrays:
        import numpy as np

        days.worked = np.asarray(worked, dtype=np.asarray(days.worked).dtype)  # type: ignore[assignment]
    else:
        days.worked = worked


def weekly_time(s: Schedule, unbroken: Unbroken | None = None) -> WeeklyTime:
    """Seconds worked per person and ISO week, split at midnight; overlaps count once; the
    breaks taken deducted (see breaks.work_without_breaks)."""
    people = working_people(s)
    if s.large:
        weeks = arrays.weekly_time(s, people)
    else:
        weeks = {who: _weekly_time(s, who) for who in people}
    cut = work_without_breaks(s) if unbroken is None else unbroken
    for who, pieces in cut.items():
        if who in weeks:
            weeks[who] = _weeks_of(pieces)
    return weeks


def _weeks_of(pieces: list[tuple[int, int, int]]) -> dict[tuple[int, int], int]:
    """Seconds per ISO week of pieces of work, split at midnight, overlaps counted once."""
    by_week: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for lo, hi, _ in pieces:
        while lo < hi:
            midnight = (lo // DAY + 1) * DAY
            end = min(hi, midnight)
            week = iso_week(dt.date.fromordinal(lo // DAY))
            by_week.setdefault(week, []).append((lo, end))
            lo = end
    return {week: covered(spans) for week, spans in by_week.items()}


def _weekly_time(s: Schedule, who: str) -> dict[tuple[int, int], int]:
    b = s.bookings
    weeks: dict[tuple[int, int], int] = {}
    reach = -1
    for n in s.groups.get(who, ()):
        start, end = max(b.start[n], reach), b.end[n]
        reach = max(reach, end)
        while start < end:
            midnight = (start // DAY + 1) * DAY
            piece_end = min(end, midnight)
            week = iso_week(dt.date.fromordinal(start // DAY))
            weeks[week] = weeks.get(week, 0) + piece_end - start
            start = piece_end
    return weeks
