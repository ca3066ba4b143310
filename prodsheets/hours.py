"""Hours worked, per person: working days, rest between them, weeks, runs of days, overtime.

A working day is the date of the events a person is booked on (a night shoot that wraps
at 04:00 belongs to the day it started), as productions count days. Weekly hours are
split at midnight, so hours after midnight on a Sunday night count in the next ISO week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from prodsheets import catalogue as C
from prodsheets.findings import Bilingual, Finding
from prodsheets.formats import say_date
from prodsheets.model import Production
from prodsheets.schedule import Schedule, clock, day_text, hours_text, schedule_of, span_text
from prodsheets.timeline import DAY
from prodsheets.validate import rule
from prodsheets.worktime import LONG_DAY_KINDS, iso_week


@dataclass(frozen=True)
class WorkDay:
    day: dt.date
    start: int  # first call
    end: int  # last wrap
    worked: int  # minutes, overlaps counted once
    bookings: tuple[int, ...]
    long_day: bool  # a set-up, strike or tour day (live agreement: 12 h)


def working_people(s: Schedule) -> list[str]:
    """Crew members booked in the schedule, whatever their contract.

    A contractor's or a volunteer's hours are not the production's payroll, but a
    technician who slept five hours is a risk on set all the same.
    """
    return [who for who in s.people if who in s.groups]


def work_days(s: Schedule, who: str) -> list[WorkDay]:
    b, ev = s.bookings, s.events
    kinds = s.events.table.col("kind") if s.events.table is not None else []
    days: dict[dt.date, list[int]] = {}
    for n in s.groups.get(who, ()):
        day = ev.day[b.event[n]]
        if day is not None:
            days.setdefault(day, []).append(n)
    out = []
    for day in sorted(days):
        ns = days[day]  # already in start order
        worked, reach, first = 0, -1, b.start[ns[0]]
        for n in ns:
            start, end = max(b.start[n], reach), b.end[n]
            if end > start:
                worked += end - start
            reach = max(reach, end)
        long_day = any(_is_long(kinds[b.event[n]]) if kinds else False for n in ns)
        out.append(WorkDay(day, first, reach, worked, tuple(ns), long_day))
    return out


def _is_long(kind: object) -> bool:
    return isinstance(kind, str) and kind.strip().casefold().startswith(LONG_DAY_KINDS)


def weekly_minutes(s: Schedule, who: str) -> dict[tuple[int, int], int]:
    """Minutes worked per ISO week, split at midnight; overlapping bookings count once."""
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
    for who in working_people(s):
        for week, mins in weekly_minutes(s, who).items():
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
    for who in working_people(s):
        days = work_days(s, who)
        name = s.name(who)
        yield from _daily(s, who, name, days)
        yield from _rest(s, who, name, days)
        yield from _weekly(s, who, name)
        yield from _consecutive(s, who, name, days)


def _cells(s: Schedule, ns: tuple[int, ...] | list[int]) -> tuple:
    picked = [ns[0]] if len(ns) == 1 else [ns[0], ns[-1]]
    return tuple(s.booking_cell(n) for n in picked)


def _daily(s: Schedule, who: str, name: str, days: list[WorkDay]) -> Iterator[Finding]:
    rules = s.rules
    if rules.daily_max_hours is None:
        return
    for d in days:
        limit = rules.daily_max_hours
        if d.long_day and rules.daily_max_hours_long_days is not None:
            limit = rules.daily_max_hours_long_days
        measured = d.end - d.start if rules.daily_is_amplitude else d.worked
        if measured > limit * 60:
            yield Finding(
                C.DAILY_HOURS,
                {
                    "who": name,
                    "hours": hours_text(Decimal(measured) / 60),
                    "day": say_date(d.day),
                    "span": span_text(d.start, d.end),
                    "limit": hours_text(limit),
                    "rules": rules.name,
                },
                _cells(s, d.bookings),
            )


def _rest(s: Schedule, who: str, name: str, days: list[WorkDay]) -> Iterator[Finding]:
    rules = s.rules
    if rules.min_rest_hours is None:
        return
    reduced_used: dict[tuple[int, int], int] = {}
    for before, after in pairwise(days):
        rest = after.start - before.end
        if rest >= rules.min_rest_hours * 60 or rest < 0:
            continue  # enough rest; a negative gap is a double booking, said elsewhere
        week = iso_week(after.day)
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
                "who": name,
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
            (s.booking_cell(after.bookings[0]), s.booking_cell(before.bookings[-1])),
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


def _weekly(s: Schedule, who: str, name: str) -> Iterator[Finding]:
    rules = s.rules
    if rules.weekly_max_hours is None:
        return
    b = s.bookings
    for (year, week), mins in sorted(weekly_minutes(s, who).items()):
        if mins <= rules.weekly_max_hours * 60:
            continue
        monday = dt.date.fromisocalendar(year, week, 1)
        in_week = [
            n
            for n in s.groups[who]
            if iso_week(dt.date.fromordinal(b.start[n] // DAY)) == (year, week)
        ] or list(s.groups[who][:1])
        yield Finding(
            C.WEEKLY_HOURS,
            {
                "who": name,
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


def _consecutive(s: Schedule, who: str, name: str, days: list[WorkDay]) -> Iterator[Finding]:
    rules = s.rules
    limit = rules.max_consecutive_days
    if limit is None or len(days) <= limit:
        return
    run: list[WorkDay] = []
    for d in [*days, None]:
        if d is not None and run and (d.day - run[-1].day).days == 1:
            run.append(d)
            continue
        if len(run) > limit:
            yield Finding(
                C.CONSECUTIVE_DAYS,
                {
                    "who": name,
                    "days": len(run),
                    "start": say_date(run[0].day),
                    "end": say_date(run[-1].day),
                    "limit": limit,
                    "rules": rules.name,
                },
                (s.booking_cell(run[limit].bookings[0]),),
            )
        run = [d] if d is not None else []
