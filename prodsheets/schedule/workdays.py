"""Hours worked, per person: working days, rest between them, weeks, runs of days, overtime.

A working day is the date of the events a person is booked on (a night shoot that wraps
at 04:00 belongs to the day it started), as productions count days. Weekly hours are
split at midnight, so hours after midnight on a Sunday night count in the next ISO week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from prodsheets.schedule import arrays
from prodsheets.schedule.intervals import Schedule
from prodsheets.schedule.presets import LONG_DAY_KINDS, Rules, iso_week
from prodsheets.schedule.timeline import DAY, HOUR


class WorkDay(NamedTuple):
    day: dt.date
    start: int  # first call
    end: int  # last wrap
    worked: int  # seconds, overlaps counted once
    first: int  # the day's first booking (index into the schedule's bookings)
    last: int  # its last booking
    long_day: bool  # a set-up, strike or tour day (live agreement: 12 h)


def working_people(s: Schedule) -> list[str]:
    """Crew members booked in the schedule, whatever their contract.

    A contractor's or a volunteer's hours are not the production's payroll, but a
    technician who slept five hours is a risk on set all the same.
    """
    return [who for who in s.people if who in s.groups]


def _long_events(s: Schedule) -> list[bool]:
    kinds = s.events.table.col("kind") if s.events.table is not None else []
    return [isinstance(k, str) and k.strip().casefold().startswith(LONG_DAY_KINDS) for k in kinds]


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
    long_day: list[bool] = field(default_factory=list)
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
            bool(self.long_day[g]),
        )


def work_days(s: Schedule) -> Days:
    """Every working person's days (with NumPy for a large schedule)."""
    people = working_people(s)
    if s.large:
        return Days(**arrays.work_days(s, people, _long_events(s)))
    return _work_days(s, people, _long_events(s))


def _work_days(s: Schedule, people: list[str], long_event: list[bool]) -> Days:
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
            worked, reach = 0, -1
            for n in ns:
                start, end = max(b.start[n], reach), b.end[n]
                if end > start:
                    worked += end - start
                reach = max(reach, end)
            out.who.append(who)
            out.day.append(day.toordinal())
            out.start.append(b.start[ns[0]])
            out.end.append(reach)
            out.worked.append(worked)
            out.first.append(ns[0])
            out.last.append(ns[-1])
            out.long_day.append(any(long_event[b.event[n]] for n in ns) if long_event else False)
    return out


WeeklyTime = dict[str, dict[tuple[int, int], int]]  # who → ISO week → seconds worked


def weekly_time(s: Schedule) -> WeeklyTime:
    """Seconds worked per person and ISO week, split at midnight; overlaps count once."""
    people = working_people(s)
    if s.large:
        return arrays.weekly_time(s, people)
    return {who: _weekly_time(s, who) for who in people}


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


Overtime = dict[str, dict[tuple[int, int], list[tuple[Decimal, Decimal]]]]


def overtime_hours(rules: Rules, weeks: WeeklyTime) -> Overtime:
    """Overtime per person and ISO week: [(hours, premium), …] by band, for costs.

    Hours beyond the preset's ``overtime_after_hours`` in a week, cut into its bands
    (cinema: +25 % up to 43 h, +50 % up to 48 h, +75 % beyond).
    """
    out: Overtime = {}
    if rules.overtime_after_hours is None:
        return out
    after = rules.overtime_after_hours * HOUR
    for who, by_week in weeks.items():
        for week, worked in by_week.items():
            if worked <= after:
                continue  # no overtime this week, and no Decimal arithmetic to find it
            hours = Decimal(worked) / HOUR
            low = rules.overtime_after_hours
            bands = []
            for upper, premium in rules.overtime_bands or ((None, Decimal("0.25")),):
                top = hours if upper is None else min(hours, upper)
                if top > low:
                    bands.append((top - low, premium))
                low = max(low, top if upper is None else upper)
            if bands:
                out.setdefault(who, {})[week] = bands
    return out
