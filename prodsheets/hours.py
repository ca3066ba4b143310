"""Hours worked, per person: working days, rest between them, weeks, runs of days, overtime.

A working day is the date of the events a person is booked on (a night shoot that wraps
at 04:00 belongs to the day it started), as productions count days. Weekly hours are
split at midnight, so hours after midnight on a Sunday night count in the next ISO week.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import Any, NamedTuple

from prodsheets import catalogue as C
from prodsheets import vectorized
from prodsheets.findings import Bilingual, Finding
from prodsheets.formats import say_date
from prodsheets.model import Production
from prodsheets.schedule import Schedule, clock, day_text, hours_text, schedule_of, span_text
from prodsheets.timeline import DAY
from prodsheets.validate import rule
from prodsheets.worktime import LONG_DAY_KINDS, iso_week


class WorkDay(NamedTuple):
    day: dt.date
    start: int  # first call
    end: int  # last wrap
    worked: int  # minutes, overlaps counted once
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

    def __len__(self) -> int:
        return len(self.who)

    @property
    def arrays(self) -> bool:
        return self.person is not None

    def spans(self) -> dict[str, tuple[int, int]]:
        """Each person's days as a slice (first, past the last) of the columns."""
        if self.arrays:
            starts = vectorized.run_starts_of(self.person)
        else:
            starts = [0, *(g for g in range(1, len(self.who)) if self.who[g] != self.who[g - 1])]
        ends = [*starts[1:], len(self.who)]
        return {self.who[a]: (a, z) for a, z in zip(starts, ends, strict=True) if z > a}

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


def all_work_days(s: Schedule) -> Days:
    """Every working person's days, computed once (with NumPy for a large schedule)."""
    cached = s.cache.get("work_days")
    if cached is None:
        people = working_people(s)
        if len(s.bookings) >= vectorized.FROM_BOOKINGS:
            cached = Days(**vectorized.work_days(s, people, _long_events(s)))
        else:
            cached = _work_days(s, people, _long_events(s))
        s.cache["work_days"] = cached
    return cached


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


def all_weekly_minutes(s: Schedule) -> dict[str, dict[tuple[int, int], int]]:
    """Minutes worked per person and ISO week, split at midnight; overlaps count once."""
    cached = s.cache.get("weekly")
    if cached is None:
        people = working_people(s)
        if len(s.bookings) >= vectorized.FROM_BOOKINGS:
            cached = vectorized.weekly_minutes(s, people)
        else:
            cached = {who: _weekly_minutes(s, who) for who in people}
        s.cache["weekly"] = cached
    return cached


def _weekly_minutes(s: Schedule, who: str) -> dict[tuple[int, int], int]:
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


def overtime_hours(
    production: Production,
) -> dict[str, dict[tuple[int, int], list[tuple[Decimal, Decimal]]]]:
    """Overtime per person and ISO week: [(hours, premium), …] by band, for costs.

    Hours beyond the preset's ``overtime_after_hours`` in a week, cut into its bands
    (cinema: +25 % up to 43 h, +50 % up to 48 h, +75 % beyond).
    """
    s = schedule_of(production)
    rules = s.rules
    out: dict[str, dict[tuple[int, int], list[tuple[Decimal, Decimal]]]] = {}
    if rules.overtime_after_hours is None:
        return out
    after_minutes = rules.overtime_after_hours * 60
    for who, weeks in all_weekly_minutes(s).items():
        for week, mins in weeks.items():
            if mins <= after_minutes:
                continue  # no overtime this week, and no Decimal arithmetic to find it
            hours = Decimal(mins) / 60
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


@rule
def working_time(production: Production) -> Iterator[Finding]:
    s = schedule_of(production)
    days = all_work_days(s)
    yield from _daily(s, days)
    yield from _rest(s, days)
    for who, weeks in all_weekly_minutes(s).items():
        yield from _weekly(s, who, weeks)
    yield from _consecutive(s, days)


def _cells(s: Schedule, ns: tuple[int, ...] | list[int]) -> tuple:
    picked = [ns[0]] if len(ns) == 1 or ns[0] == ns[-1] else [ns[0], ns[-1]]
    return tuple(s.booking_cell(n) for n in picked)


def _daily(s: Schedule, days: Days) -> Iterator[Finding]:
    rules = s.rules
    if rules.daily_max_hours is None:
        return
    limit = int(rules.daily_max_hours * 60)
    long_limit = limit
    if rules.daily_max_hours_long_days is not None:
        long_limit = int(rules.daily_max_hours_long_days * 60)
    if days.arrays:
        over = vectorized.over_daily(days, rules.daily_is_amplitude, limit, long_limit)
    else:
        measured = (
            [e - b for b, e in zip(days.start, days.end, strict=True)]
            if rules.daily_is_amplitude
            else days.worked
        )
        over = [
            g
            for g, (m, long_day) in enumerate(zip(measured, days.long_day, strict=True))
            if m > (long_limit if long_day else limit)
        ]
    for g in over:
        d = days.at(g)
        measured = d.end - d.start if rules.daily_is_amplitude else d.worked
        yield Finding(
            C.DAILY_HOURS,
            {
                "who": s.name(days.who[g]),
                "hours": hours_text(Decimal(measured) / 60),
                "day": say_date(d.day),
                "span": span_text(d.start, d.end),
                "limit": hours_text(Decimal(long_limit if d.long_day else limit) / 60),
                "rules": rules.name,
            },
            _cells(s, (d.first, d.last)),
        )


def _rest(s: Schedule, days: Days) -> Iterator[Finding]:
    rules = s.rules
    if rules.min_rest_hours is None:
        return
    minimum = rules.min_rest_hours * 60
    who, start, end = days.who, days.start, days.end
    # A negative gap is a double booking, said elsewhere.
    short = (
        vectorized.short_rests(days, int(minimum))
        if days.arrays
        else [
            g
            for g in range(1, len(days))
            if who[g] == who[g - 1] and 0 <= start[g] - end[g - 1] < minimum
        ]
    )
    reduced_used: dict[tuple[str, tuple[int, int]], int] = {}
    for g in short:
        before, after = days.at(g - 1), days.at(g)
        rest = after.start - before.end
        week = (who[g], iso_week(after.day))
        if (
            rules.reduced_rest_hours is not None
            and rest >= rules.reduced_rest_hours * 60
            and reduced_used.get(week, 0) < rules.reduced_rest_per_week
        ):
            reduced_used[week] = reduced_used.get(week, 0) + 1
            continue
        end_day, start_day = day_text(before.end), day_text(after.start)
        yield Finding(
            C.REST_TIME,
            {
                "who": s.name(who[g]),
                "rest": hours_text(Decimal(rest) / 60),
                "end": Bilingual(
                    f"{end_day['en']} {clock(before.end)}", f"{end_day['fr']} {clock(before.end)}"
                ),
                "start": Bilingual(
                    f"{start_day['en']} {clock(after.start)}",
                    f"{start_day['fr']} {clock(after.start)}",
                ),
                "limit": _rest_limit(s),
                "rules": rules.name,
            },
            (s.booking_cell(after.first), s.booking_cell(before.last)),
        )


def _rest_limit(s: Schedule) -> Bilingual:
    rules = s.rules
    base = hours_text(rules.min_rest_hours or 0)
    if rules.reduced_rest_hours is None or not rules.reduced_rest_per_week:
        return base
    reduced = hours_text(rules.reduced_rest_hours)
    times = rules.reduced_rest_per_week
    return Bilingual(
        f"{base['en']} ({reduced['en']} at most {times}× a week)",
        f"{base['fr']} ({reduced['fr']} au plus {times} fois par semaine)",
    )


def _weekly(s: Schedule, who: str, weeks: dict[tuple[int, int], int]) -> Iterator[Finding]:
    rules = s.rules
    if rules.weekly_max_hours is None:
        return
    b = s.bookings
    for (year, week), mins in sorted(weeks.items()):
        if mins <= rules.weekly_max_hours * 60:
            continue
        monday = dt.date.fromisocalendar(year, week, 1)
        order = s.groups[who]  # sorted by start: the week's bookings are one slice
        first = monday.toordinal() * DAY
        a = bisect_left(order, first, key=b.start.__getitem__)
        z = bisect_left(order, first + 7 * DAY, key=b.start.__getitem__)
        in_week = list(order[a:z]) or list(order[:1])
        yield Finding(
            C.WEEKLY_HOURS,
            {
                "who": s.name(who),
                "hours": hours_text(Decimal(mins) / 60),
                "week": f"{week}",
                "span": Bilingual(
                    f"{say_date(monday)['en']} – {say_date(monday + dt.timedelta(days=6))['en']}",
                    f"{say_date(monday)['fr']} – {say_date(monday + dt.timedelta(days=6))['fr']}",
                ),
                "limit": hours_text(rules.weekly_max_hours),
                "rules": rules.name,
            },
            _cells(s, in_week),
        )


def _consecutive(s: Schedule, days: Days) -> Iterator[Finding]:
    rules = s.rules
    limit = rules.max_consecutive_days
    if limit is None or not len(days):
        return
    who, day = days.who, days.day
    if days.arrays:
        breaks = vectorized.run_starts(days)
    else:
        breaks = [
            0,
            *(g for g in range(1, len(days)) if who[g] != who[g - 1] or day[g] - day[g - 1] != 1),
        ]
    for a, z in pairwise([*breaks, len(days)]):
        if z - a <= limit:
            continue
        yield Finding(
            C.CONSECUTIVE_DAYS,
            {
                "who": s.name(who[a]),
                "days": z - a,
                "start": say_date(dt.date.fromordinal(int(day[a]))),
                "end": say_date(dt.date.fromordinal(int(day[z - 1]))),
                "limit": limit,
                "rules": rules.name,
            },
            (s.booking_cell(int(days.first[a + limit])),),
        )
