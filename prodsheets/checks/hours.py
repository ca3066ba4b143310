"""Working time: hours a day, rest between two days, hours a week and on average, days in a
row, breaks.

The working days and weeks come from :mod:`prodsheets.schedule.workdays` (shared with
costs), each day a person's hours were reported replaced by the real ones
(:mod:`prodsheets.schedule.actual`): the hours actually worked are the legal ones, and a
finding about such a day points at its row of Actual hours. The hours counted (the
équivalence applied) come from :mod:`prodsheets.schedule.premiums`, the limits from each
person's rules (:mod:`prodsheets.schedule.presets`: a performer's may differ from a
technician's), the breaks from :mod:`prodsheets.schedule.breaks`.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterator
from itertools import pairwise

from prodsheets import catalogue as C
from prodsheets.analyses import Analyses
from prodsheets.contract import schema
from prodsheets.findings import Finding, Location
from prodsheets.i18n import Bilingual, both
from prodsheets.i18n.formats import clock, day_text, duration_text, hours_text, say_date, span_text
from prodsheets.i18n.words import RULES
from prodsheets.schedule import arrays
from prodsheets.schedule.breaks import BreakCells, stretches
from prodsheets.schedule.intervals import Schedule
from prodsheets.schedule.presets import (
    FESTIVAL,
    REHEARSAL,
    SETUP,
    TOUR,
    Rules,
    iso_week,
    night_starts,
)
from prodsheets.schedule.timeline import DAY, HOUR, MINUTE
from prodsheets.schedule.workdays import Days

NEVER = 10**12  # a limit no day reaches: for people whose rules set none


def working_time(a: Analyses) -> Iterator[Finding]:
    """Hours a day, rest between two days, hours a week, days in a row (PS306-PS309), on the
    hours as worked where they were reported."""
    s, days = a.schedule, a.worked_days
    cells = _DayCells(a, days)
    yield from _daily(s, days, cells)
    yield from _rest(s, days, cells)
    presence = a.worked_weekly_time
    for who, weeks in a.worked_hours.counted.items():
        yield from _weekly(s, who, weeks, presence.get(who, {}), cells)
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


def _people_rules(s: Schedule, days: Days) -> dict[str, Rules]:
    return {who: s.rules_of(who) for who in days.spans()}


# --- hours a day ---------------------------------------------------------------------------


def _limits(rules: Rules) -> tuple[int, int]:
    """(limit, limit on long days) in seconds; NEVER where the rules set none."""
    if rules.daily_max_hours is None:
        return NEVER, NEVER
    limit = int(rules.daily_max_hours * HOUR)
    long_limit = limit
    if rules.daily_max_hours_long_days is not None:
        long_limit = int(rules.daily_max_hours_long_days * HOUR)
    return limit, long_limit


def _daily(s: Schedule, days: Days, cells: _DayCells) -> Iterator[Finding]:
    if not len(days):
        return
    people = _people_rules(s, days)
    if all(r.daily_max_hours is None for r in people.values()):
        return
    if days.arrays:
        spans = days.spans()
        codes = {who: int(days.person[a]) for who, (a, _) in spans.items()}
        n = max(codes.values()) + 1
        amplitudes, limits, long_limits, masks = [0] * n, [NEVER] * n, [NEVER] * n, [0] * n
        for who, code in codes.items():
            r = people[who]
            amplitudes[code] = int(r.daily_is_amplitude)
            limits[code], long_limits[code] = _limits(r)
            masks[code] = r.long_days
        over = arrays.over_daily(
            days,
            arrays.per_person(days, amplitudes).astype(bool),
            arrays.per_person(days, limits),
            arrays.per_person(days, long_limits),
            arrays.per_person(days, masks),
        )
    else:
        over = []
        for g, who in enumerate(days.who):
            r = people[who]
            measured = days.end[g] - days.start[g] if r.daily_is_amplitude else days.worked[g]
            limit, long_limit = _limits(r)
            if measured > (long_limit if days.tags[g] & r.long_days else limit):
                over.append(g)
    for g in over:
        d = days.at(g)
        rules = people[days.who[g]]
        long_day = bool(d.tags & rules.long_days)
        limit, long_limit = _limits(rules)
        worked = d.end - d.start if rules.daily_is_amplitude else d.worked
        yield Finding(
            C.DAILY_HOURS,
            {
                "who": s.name(days.who[g]),
                "hours": duration_text(worked),
                "day": say_date(d.day),
                "span": span_text(d.start, d.end),
                "limit": _daily_limit(rules, long_limit if long_day else limit),
                "rules": rules.name,
            },
            cells.day(g),
        )


def _daily_limit(rules: Rules, limit: int) -> Bilingual:
    text = duration_text(limit)
    if rules.rest_after_long_day_hours is None:
        return text
    # Cinema actors: 12 h, 13 h in the cases the agreement lists (T3 art. 4.1.1.1).
    longer = duration_text(limit + HOUR)
    return both(
        lambda lang: RULES[lang]["listed_cases"].format(limit=text[lang], longer=longer[lang])
    )


# --- rest between two days -------------------------------------------------------------------


def _night_work(day: int, start: int, end: int) -> bool:
    """Work that reaches into the night period of its day (cinema, T2 art. 40, T3 art. 3.1.1)."""
    base = day * DAY
    return end > base + night_starts(dt.date.fromordinal(day)) or start < base + 6 * HOUR


def _required(rules: Rules, days: Days, g: int) -> tuple[int, str | None]:
    """The rest day g needs after day g-1, and why it is less than the rules' minimum."""
    assert rules.min_rest_hours is not None
    required, why = int(rules.min_rest_hours * HOUR), None
    span = int(days.end[g - 1] - days.start[g - 1])
    if (
        rules.rest_after_long_day_hours is not None
        and rules.daily_max_hours is not None
        and span > rules.daily_max_hours * HOUR
    ):
        required, why = int(rules.rest_after_long_day_hours * HOUR), "after_long_day"
    if rules.rest_after_night_hours is not None:
        night = _night_work(int(days.day[g - 1]), int(days.start[g - 1]), int(days.end[g - 1]))
        morning = int(days.start[g]) % DAY < 12 * HOUR
        if night and morning and rules.rest_after_night_hours * HOUR < required:
            required, why = int(rules.rest_after_night_hours * HOUR), "after_night"
    return required, why


def _rest(s: Schedule, days: Days, cells: _DayCells) -> Iterator[Finding]:
    if not len(days):
        return
    people = _people_rules(s, days)
    minimum = {
        who: int(r.min_rest_hours * HOUR) if r.min_rest_hours is not None else 0
        for who, r in people.items()
    }
    if not any(minimum.values()):
        return
    who, start, end = days.who, days.start, days.end
    # A negative gap is a double booking, said elsewhere.
    if days.arrays:
        codes = {w: int(days.person[a]) for w, (a, _) in days.spans().items()}
        by_code = [0] * (max(codes.values()) + 1)
        for w, code in codes.items():
            by_code[code] = minimum[w]
        short = arrays.short_rests(days, arrays.per_person(days, by_code))
    else:
        short = [
            g
            for g in range(1, len(days))
            if who[g] == who[g - 1] and 0 <= start[g] - end[g - 1] < minimum[who[g]]
        ]
    reduced_used: dict[tuple[str, tuple[int, int]], int] = {}
    for g in short:
        rules = people[who[g]]
        before, after = days.at(g - 1), days.at(g)
        rest = after.start - before.end
        required, why = _required(rules, days, g)
        if rest >= required:
            continue
        if _reduced_allowed(rules, before.tags | after.tags, rest):
            period = (
                iso_week(after.day)
                if rules.reduced_rest_period == "week"
                else (after.day.year, after.day.month)
            )
            key = (who[g], period)
            if (
                rules.reduced_rest_limit is None
                or reduced_used.get(key, 0) < rules.reduced_rest_limit
            ):
                reduced_used[key] = reduced_used.get(key, 0) + 1
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
                "limit": _rest_limit(rules, required, why),
                "rules": rules.name,
            },
            (cells.first(g), cells.last(g - 1)),
        )


def _reduced_allowed(rules: Rules, tags: int, rest: int) -> bool:
    if rules.reduced_rest_hours is None or rest < rules.reduced_rest_hours * HOUR:
        return False
    return rules.reduced_rest_days is None or bool(tags & rules.reduced_rest_days)


_TAG_WORDS = ((SETUP, "setup"), (REHEARSAL, "rehearsal"), (TOUR, "tour"), (FESTIVAL, "festival"))


def _rest_limit(rules: Rules, required: int, why: str | None) -> Bilingual:
    base = duration_text(required)
    if why is not None:
        reduced = base
        base = hours_text(rules.min_rest_hours or 0)
        daily = hours_text(rules.daily_max_hours or 0)
        return both(
            lambda lang: RULES[lang][why].format(
                base=base[lang], reduced=reduced[lang], daily=daily[lang]
            )
        )
    if rules.reduced_rest_hours is None:
        return base
    reduced = hours_text(rules.reduced_rest_hours)

    def text(lang: str) -> str:
        words = RULES[lang]
        days = ""
        if rules.reduced_rest_days is not None:
            kinds = [words[w] for bit, w in _TAG_WORDS if rules.reduced_rest_days & bit]
            days = words["days"].format(kinds=words["or"].join(kinds))
        if rules.reduced_rest_limit is None:
            return words["reduced_days"].format(base=base[lang], reduced=reduced[lang], days=days)
        return words["reduced_times"].format(
            base=base[lang],
            reduced=reduced[lang],
            times=rules.reduced_rest_limit,
            period=words[rules.reduced_rest_period],
            days=days,
        )

    return both(text)


# --- hours a week, on average, days in a row -------------------------------------------------


def _weekly(
    s: Schedule,
    who: str,
    weeks: dict[tuple[int, int], int],
    presence: dict[tuple[int, int], int],
    cells: _DayCells,
) -> Iterator[Finding]:
    rules = s.rules_of(who)
    if rules.weekly_max_hours is None:
        return
    for (year, week), worked in sorted(weeks.items()):
        if worked <= rules.weekly_max_hours * HOUR:
            continue
        monday = dt.date.fromisocalendar(year, week, 1)
        hours = duration_text(worked)
        there = presence.get((year, week), worked)
        if there != worked:
            hours = _with_presence(hours, duration_text(there))
        yield Finding(
            C.WEEKLY_HOURS,
            {
                "who": s.name(who),
                "hours": hours,
                "week": f"{week}",
                "span": _dates(monday, monday + dt.timedelta(days=6)),
                "limit": hours_text(rules.weekly_max_hours),
                "rules": rules.name,
            },
            (*cells.week(who, monday), *_cells(s, _bookings_between(s, who, monday, 7))),
        )


def _with_presence(counted: Bilingual, presence: Bilingual) -> Bilingual:
    return both(
        lambda lang: RULES[lang]["presence"].format(counted=counted[lang], presence=presence[lang])
    )


def _dates(first: dt.date, last: dt.date) -> Bilingual:
    return Bilingual(
        f"{say_date(first)['en']} – {say_date(last)['en']}",
        f"{say_date(first)['fr']} – {say_date(last)['fr']}",
    )


def _bookings_between(s: Schedule, who: str, first: dt.date, days: int) -> list[int]:
    """The person's bookings starting in [first, first + days), else their first one."""
    b = s.bookings
    order = s.groups[who]  # sorted by start: a period's bookings are one slice
    low = first.toordinal() * DAY
    a = bisect_left(order, low, key=b.start.__getitem__)
    z = bisect_left(order, low + days * DAY, key=b.start.__getitem__)
    return list(order[a:z]) or list(order[:1])


def average_weekly_hours(a: Analyses) -> Iterator[Finding]:
    """Hours on average over any run of consecutive weeks (12 under the presets) past the
    preset's average (PS310): weeks without work in the run count as 0 hours.

    A person whose schedule spans fewer weeks than the run is not checked: prodsheets
    does not know the weeks they work elsewhere."""
    s = a.schedule
    for who, weeks in sorted(a.worked_hours.counted.items()):
        rules = s.rules_of(who)
        limit, n = rules.average_weekly_hours, rules.average_weeks
        if limit is None or not weeks:
            continue
        mondays = {
            dt.date.fromisocalendar(y, w, 1).toordinal() // 7: t for (y, w), t in weeks.items()
        }
        first, last = min(mondays), max(mondays)
        if last - first + 1 < n:
            continue
        best, best_at = -1, first
        total = sum(mondays.get(k, 0) for k in range(first, first + n))
        for k in range(first, last - n + 2):
            if k > first:
                total += mondays.get(k + n - 1, 0) - mondays.get(k - 1, 0)
            if total > best:
                best, best_at = total, k
        if best <= limit * HOUR * n:
            continue
        monday = dt.date.fromordinal(best_at * 7 + 1)
        end = monday + dt.timedelta(days=7 * n - 1)
        yield Finding(
            C.AVERAGE_WEEKLY_HOURS,
            {
                "who": s.name(who),
                "hours": duration_text(best // n),
                "weeks": n,
                "start": say_date(monday),
                "end": say_date(end),
                "limit": hours_text(limit),
                "rules": rules.name,
            },
            _cells(s, _bookings_between(s, who, monday, 7 * n)),
        )


def _consecutive(s: Schedule, days: Days, cells: _DayCells) -> Iterator[Finding]:
    if not len(days):
        return
    people = _people_rules(s, days)
    who, day = days.who, days.day
    if days.arrays:
        breaks = arrays.run_starts(days)
    else:
        breaks = [
            0,
            *(g for g in range(1, len(days)) if who[g] != who[g - 1] or day[g] - day[g - 1] != 1),
        ]
    for a, z in pairwise([*breaks, len(days)]):
        rules = people[who[a]]
        limit = rules.max_consecutive_days
        if limit is None or z - a <= limit:
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


# --- breaks ----------------------------------------------------------------------------------


def meal_breaks(a: Analyses) -> Iterator[Finding]:
    """Work in a row longer than the rules allow without a break of the length they ask
    (PS311): by default 20 minutes once 6 hours are reached (Code du travail L3121-16).

    Only a production that records its breaks is checked: one break / pause cell filled
    in Events or Bookings says that a blank one means no break. A schedule that records
    none cannot tell a day with a lunch from a day without, and is not second-guessed."""
    s, days = a.schedule, a.work_days
    if not len(days):
        return
    cells = BreakCells(s)
    if not cells.any:
        return
    people = _people_rules(s, days)
    b, ev = s.bookings, s.events
    table = b.table
    column = (
        table.header("break")
        if table is not None
        else Bilingual(schema.BOOKINGS.column("break").en, schema.BOOKINGS.column("break").fr)
    )
    for who, (first, past) in days.spans().items():
        rules = people[who]
        if not rules.breaks:
            continue
        shortest = min(int(after * HOUR) for after, _ in rules.breaks)
        candidates = [g for g in range(first, past) if int(days.worked[g]) > shortest]
        if not candidates:
            continue
        by_day: dict[int, list[int]] = {}
        for n in s.groups.get(who, ()):
            day = ev.day[b.event[n]]
            if day is not None:
                by_day.setdefault(day.toordinal(), []).append(n)
        for g in candidates:
            ns = by_day.get(int(days.day[g]), [])
            for after, minutes in sorted(rules.breaks):
                limit = int(after * HOUR)
                long = [x for x in stretches(s, cells, ns, minutes * MINUTE) if x.worked > limit]
                if not long:
                    continue
                x = long[0]
                yield Finding(
                    C.MEAL_BREAK,
                    {
                        "who": s.name(who),
                        "hours": duration_text(x.worked),
                        "day": say_date(dt.date.fromordinal(int(days.day[g]))),
                        "span": span_text(x.start, x.end),
                        "minutes": duration_text(minutes * MINUTE),
                        "after": duration_text(limit),
                        "rules": rules.name,
                        "column": column,
                    },
                    _cells(s, (x.first, x.last)),
                )
                break
