"""Working time: hours a day, rest between two days, hours a week, days in a row.

The working days and weeks come from :mod:`prodsheets.schedule.workdays` (shared with
costs), each day a person's hours were reported replaced by the real ones
(:mod:`prodsheets.schedule.actual`): the hours actually worked are the legal ones, and a
finding about such a day points at its row of Actual hours. The limits come from the
production's preset (:mod:`prodsheets.schedule.presets`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterator
from itertools import pairwise

from prodsheets import catalogue as C
from prodsheets.analyses import Analyses
from prodsheets.findings import Finding, Location
from prodsheets.i18n import Bilingual
from prodsheets.i18n.formats import clock, day_text, duration_text, hours_text, say_date, span_text
from prodsheets.schedule import arrays
from prodsheets.schedule.intervals import Schedule
from prodsheets.schedule.presets import iso_week
from prodsheets.schedule.timeline import DAY, HOUR
from prodsheets.schedule.workdays import Days


def working_time(a: Analyses) -> Iterator[Finding]:
    """Hours a day, rest between two days, hours a week, days in a row (PS306-PS309)."""
    s, days = a.schedule, a.worked_days
    cells = _DayCells(a, days)
    yield from _daily(s, days, cells)
    yield from _rest(s, days, cells)
    for who, weeks in a.worked_weekly_time.items():
        yield from _weekly(s, who, weeks, cells)
    yield from _consecutive(s, days, cells)


def _cells(s: Schedule, ns: tuple[int, ...] | list[int]) -> tuple[Location, ...]:
    picked = [ns[0]] if len(ns) == 1 or ns[0] == ns[-1] else [ns[0], ns[-1]]
    return tuple(s.booking_cell(n) for n in picked)


class _DayCells:
    """Where a working day is written: its row of Actual hours when its hours were
    reported, else its first and last bookings."""

    def __init__(self, a: Analyses, days: Days) -> None:
        self.s, self.days, self.actual = a.schedule, days, a.actual_hours

    def day(self, g: int) -> tuple[Location, ...]:
        row = self.days.reported_row(g)
        if row >= 0 and self.actual.table is not None:
            table = self.actual.table
            return (table.cell(row, "arrival"), table.cell(row, "wrap"))
        return _cells(self.s, (int(self.days.first[g]), int(self.days.last[g])))

    def first(self, g: int) -> Location:
        return self.day(g)[0]

    def last(self, g: int) -> Location:
        return self.day(g)[-1]

    def week(self, who: str, monday: dt.date) -> list[Location]:
        """The rows of Actual hours of a person in the week of ``monday``."""
        table = self.actual.table
        if table is None:
            return []
        week = [monday + dt.timedelta(days=k) for k in range(7)]
        rows = [r for d in week if (r := self.actual.get(who, d)) is not None]
        return [table.cell(r.row, "arrival") for r in rows]


def _daily(s: Schedule, days: Days, cells: _DayCells) -> Iterator[Finding]:
    rules = s.rules
    if rules.daily_max_hours is None:
        return
    limit = int(rules.daily_max_hours * HOUR)
    long_limit = limit
    if rules.daily_max_hours_long_days is not None:
        long_limit = int(rules.daily_max_hours_long_days * HOUR)
    if days.arrays:
        over = arrays.over_daily(days, rules.daily_is_amplitude, limit, long_limit)
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
        worked = d.end - d.start if rules.daily_is_amplitude else d.worked
        yield Finding(
            C.DAILY_HOURS,
            {
                "who": s.name(days.who[g]),
                "hours": duration_text(worked),
                "day": say_date(d.day),
                "span": span_text(d.start, d.end),
                "limit": duration_text(long_limit if d.long_day else limit),
                "rules": rules.name,
            },
            cells.day(g),
        )


def _rest(s: Schedule, days: Days, cells: _DayCells) -> Iterator[Finding]:
    rules = s.rules
    if rules.min_rest_hours is None:
        return
    minimum = rules.min_rest_hours * HOUR
    who, start, end = days.who, days.start, days.end
    # A negative gap is a double booking, said elsewhere.
    short = (
        arrays.short_rests(days, int(minimum))
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
            and rest >= rules.reduced_rest_hours * HOUR
            and reduced_used.get(week, 0) < rules.reduced_rest_per_week
        ):
            reduced_used[week] = reduced_used.get(week, 0) + 1
            continue
        end_day, start_day = day_text(before.end), day_text(after.start)
        yield Finding(
            C.REST_TIME,
            {
                "who": s.name(who[g]),
                "rest": duration_text(rest),
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
            (cells.first(g), cells.last(g - 1)),
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


def _weekly(
    s: Schedule, who: str, weeks: dict[tuple[int, int], int], cells: _DayCells
) -> Iterator[Finding]:
    rules = s.rules
    if rules.weekly_max_hours is None:
        return
    b = s.bookings
    for (year, week), worked in sorted(weeks.items()):
        if worked <= rules.weekly_max_hours * HOUR:
            continue
        monday = dt.date.fromisocalendar(year, week, 1)
        reported = cells.week(who, monday)
        order = s.groups.get(who, [])  # sorted by start: the week's bookings are one slice
        first = monday.toordinal() * DAY
        a = bisect_left(order, first, key=b.start.__getitem__)
        z = bisect_left(order, first + 7 * DAY, key=b.start.__getitem__)
        in_week = list(order[a:z]) or list(order[:1])
        where = (*reported, *_cells(s, in_week)) if in_week else tuple(reported)
        yield Finding(
            C.WEEKLY_HOURS,
            {
                "who": s.name(who),
                "hours": duration_text(worked),
                "week": f"{week}",
                "span": Bilingual(
                    f"{say_date(monday)['en']} – {say_date(monday + dt.timedelta(days=6))['en']}",
                    f"{say_date(monday)['fr']} – {say_date(monday + dt.timedelta(days=6))['fr']}",
                ),
                "limit": hours_text(rules.weekly_max_hours),
                "rules": rules.name,
            },
            where,
        )


def _consecutive(s: Schedule, days: Days, cells: _DayCells) -> Iterator[Finding]:
    rules = s.rules
    limit = rules.max_consecutive_days
    if limit is None or not len(days):
        return
    who, day = days.who, days.day
    if days.arrays:
        breaks = arrays.run_starts(days)
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
            (cells.first(a + limit),),
        )
