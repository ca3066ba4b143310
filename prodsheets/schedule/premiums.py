"""Hours counted and premiums, per person and ISO week, as each person's rules count them.

Most presets count a week's hours one for one and pay its overtime by weekly bands (hours
beyond 35 at +25 %, …). The cinema agreement (IDCC 3097, Titre II) adds, hour by hour:

* +100 % for each hour beyond the 10th hour of shooting in a day (art. 38);
* +100 % for each hour that cuts into the 11 h rest after the previous day (art. 35);
* at most +100 % for all the premiums of an hour together (art. 36);
* day hires, engagements shorter than 5 days (art. 16): their premiums are by the day,
  +50 % beyond 7 h and +100 % beyond 10 h (art. 34), instead of the weekly bands;
* during shooting, for the jobs the décret lists, the équivalence of décret n° 2013-1165
  (art. 30): in a 5-day week, 45 h of presence count as 42 h of work (or 46 as 42, 46 as
  43, 47 as 46 by job group), prorated by the shooting days of the week; the presence
  beyond counts hour for hour. Below the threshold each hour of presence counts for
  42/45 of an hour, so the count runs continuously. Not for day hires (art. 30).

So a week is walked through in time: each stretch of work, between two points where
something changes (a band's threshold, the 10th hour, the end of the rest), gets one
premium, the sum of those that apply, capped. A week's counted hours feed the weekly
limits (PS308, PS310); its premiums feed the planned cost. The CCNEAC counts its overtime
bands over the engagement (the first 80 overtime hours at +25 %, art. VI.12): the walk
keeps that count across weeks.

An engagement, since prodsheets does not read contracts, is a run of a person's working
days with at most two days off between two of them (a weekend).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from prodsheets.schedule.intervals import Schedule
from prodsheets.schedule.presets import Bands, Equivalence, Rules, equivalence_of, iso_week
from prodsheets.schedule.timeline import DAY, HOUR
from prodsheets.schedule.workdays import Days, WeeklyTime, shooting_days

IsoWeek = tuple[int, int]
Overtime = dict[str, dict[IsoWeek, list[tuple[Decimal, Decimal]]]]  # who → week → (h, premium)
ENGAGEMENT_GAP = 3  # two working days further apart than this start a new engagement


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class Hours:
    """What the walk finds, for every working person."""

    counted: WeeklyTime = field(default_factory=dict)  # seconds counted per ISO week
    premiums: Overtime = field(default_factory=dict)  # hours per premium, per ISO week
    day_hires: dict[str, set[int]] = field(default_factory=dict)  # date ordinals by the day
    equivalence: dict[str, Equivalence] = field(default_factory=dict)  # whose weeks it counts


def count_hours(s: Schedule, days: Days, weekly: WeeklyTime) -> Hours:
    """Every working person's counted hours and premiums (see the module's docstring)."""
    out = Hours()
    crew = s.production.table("crew")
    roles = crew.col("role") if crew is not None else []
    shooting = shooting_days(s)
    spans = days.spans()
    for who, weeks in weekly.items():
        rules = s.rules_of(who)
        span = spans.get(who)
        ordinals = [int(d) for d in days.day[span[0] : span[1]]] if span else []
        hires = _day_hires(rules, ordinals)
        eq = equivalence_of(roles[s.people[who]]) if rules.equivalence and roles else None
        if hires:
            out.day_hires[who] = hires
        if eq is not None:
            out.equivalence[who] = eq
        simple = eq is None and not hires and _only_weekly(rules, days, span)
        if simple:
            out.counted[who] = weeks
            bands = weekly_bands(rules, weeks)
            if bands:
                out.premiums[who] = bands
            continue
        counted, premiums = _walk(s, who, rules, days, span, hires, eq, shooting)
        out.counted[who] = counted
        if premiums:
            out.premiums[who] = premiums
    return out


def _only_weekly(rules: Rules, days: Days, span: tuple[int, int] | None) -> bool:
    """Whether a person's premiums are the weekly bands alone: no day long enough for a
    daily premium, no rest cut into, bands counted week by week. Then the weeks' hours
    say it all, without walking through the work."""
    if rules.overtime_bands_cumulative:
        return False
    if span is None:
        return True
    a, z = span
    free = Decimal(0)  # hours a day before a daily premium starts
    for upper, premium in rules.daily_bands:
        if premium or upper is None:
            break
        free = upper
    if rules.daily_bands and max(days.worked[a:z], default=0) > free * HOUR:
        return False
    if rules.rest_cut_premium and rules.min_rest_hours is not None:
        minimum = rules.min_rest_hours * HOUR
        starts, ends = days.start[a + 1 : z], days.end[a : z - 1]
        if any(0 <= s - e < minimum for s, e in zip(starts, ends, strict=True)):
            return False
    return True


def _day_hires(rules: Rules, ordinals: list[int]) -> set[int]:
    """The days of the engagements shorter than the preset's day-hire length."""
    if rules.day_hire_under_days is None or not ordinals:
        return set()
    hires: set[int] = set()
    run = [ordinals[0]]
    for o in [*ordinals[1:], None]:
        if o is not None and o - run[-1] <= ENGAGEMENT_GAP:
            run.append(o)
            continue
        if len(run) < rules.day_hire_under_days:
            hires.update(run)
        if o is not None:
            run = [o]
    return hires


def weekly_bands(
    rules: Rules, weeks: dict[IsoWeek, int]
) -> dict[IsoWeek, list[tuple[Decimal, Decimal]]]:
    """Overtime per ISO week by band, for rules that count nothing but the week's hours."""
    out: dict[IsoWeek, list[tuple[Decimal, Decimal]]] = {}
    if rules.overtime_after_hours is None:
        return out
    after = rules.overtime_after_hours * HOUR
    for week, worked in weeks.items():
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
            out[week] = bands
    return out


def _walk(
    s: Schedule,
    who: str,
    rules: Rules,
    days: Days,
    span: tuple[int, int] | None,
    hires: set[int],
    eq: Equivalence | None,
    shooting: set[int] | None,
) -> tuple[dict[IsoWeek, int], dict[IsoWeek, list[tuple[Decimal, Decimal]]]]:
    b, ev = s.bookings, s.events
    # The work as pieces of time, each attributed to its working day (overlaps once).
    pieces: list[tuple[int, int, int]] = []
    reach = -1
    for n in s.groups.get(who, ()):
        date = ev.day[b.event[n]]
        start, end = max(b.start[n], reach), b.end[n]
        reach = max(reach, end)
        if date is not None and end > start:
            pieces.append((start, end, date.toordinal()))
    # Where the rest before each day ends: its hours before then cut into the rest.
    rest_end: dict[int, int] = {}
    if rules.rest_cut_premium and rules.min_rest_hours is not None and span is not None:
        minimum = int(rules.min_rest_hours * HOUR)
        for g in range(span[0] + 1, span[1]):
            if days.start[g] >= days.end[g - 1]:
                rest_end[int(days.day[g])] = int(days.end[g - 1]) + minimum
    # The shooting days of each week, for the équivalence's thresholds.
    shoot_days: dict[IsoWeek, int] = {}
    if eq is not None and span is not None:
        for o in days.day[span[0] : span[1]]:
            o = int(o)
            if o not in hires and (shooting is None or o in shooting):
                week = iso_week(dt.date.fromordinal(o))
                shoot_days[week] = shoot_days.get(week, 0) + 1

    # Seconds are whole numbers; only the équivalence's slope makes fractions of them.
    after = None if rules.overtime_after_hours is None else _seconds(rules.overtime_after_hours)
    weekly = _bands(rules.overtime_bands or ((None, Decimal("0.25")),))
    day_hire, daily_bands = _bands(rules.day_hire_bands), _bands(rules.daily_bands)
    cumulative = rules.overtime_bands_cumulative  # bounds in overtime hours of the engagement
    counted: dict[IsoWeek, Num] = {}
    paid: dict[IsoWeek, dict[Decimal, Num]] = {}
    shoot_presence: dict[IsoWeek, Num] = {}
    day_worked: dict[int, Num] = {}
    overtime_before: Num = 0  # the overtime of the weeks walked before (cumulative bands)
    current: IsoWeek | None = None

    for start, end, day in pieces:
        hire = day in hires
        on_shoot = shooting is None or day in shooting
        daily = day_hire if hire else (daily_bands if on_shoot else ())
        rest = rest_end.get(day) if rules.rest_cut_premium else None
        a: Num = start
        while a < end:
            week = iso_week(dt.date.fromordinal(int(a) // DAY))
            if week != current:
                if current is not None and after is not None:
                    overtime_before += max(0, counted.get(current, 0) - after)
                current = week
            c = counted.get(week, 0)
            dw = day_worked.get(day, 0)
            stops: list[Num] = [min(end, (int(a) // DAY + 1) * DAY) - a]  # the end, or midnight
            # The équivalence: presence counts as C/P of itself until P hours of presence.
            slope: Num = 1
            if eq is not None and not hire and on_shoot and week in shoot_days:
                presence, counts = eq.scale(shoot_days[week])
                p = Fraction(presence) * HOUR
                sp = shoot_presence.get(week, 0)
                if p > sp:
                    slope = Fraction(counts) / Fraction(presence)
                    stops.append(p - sp)
            # Weekly overtime (not for day hires), by the counted hours.
            weekly_premium = Decimal(0)
            if after is not None and not hire:
                if c < after:
                    stops.append(_per(after - c, slope))
                else:
                    position = overtime_before + c - after if cumulative else c
                    weekly_premium, top = _band(weekly, position)
                    if top is not None:
                        stops.append(_per(top - position, slope))
            daily_premium = Decimal(0)
            if daily:
                daily_premium, top = _band(daily, dw)
                if top is not None:
                    stops.append(top - dw)
            rest_premium = Decimal(0)
            if rest is not None and a < rest and rules.rest_cut_premium:
                rest_premium = rules.rest_cut_premium
                stops.append(rest - a)
            step = min(x for x in stops if x > 0)
            total = weekly_premium + daily_premium + rest_premium
            if rules.premium_cap is not None:
                total = min(total, rules.premium_cap)
            counted_step = step * slope
            if total > 0:
                by = paid.setdefault(week, {})
                by[total] = by.get(total, 0) + counted_step
            counted[week] = c + counted_step
            if slope != 1:
                shoot_presence[week] = shoot_presence.get(week, 0) + step
            day_worked[day] = dw + step
            a += step
    return (
        {w: round(x) for w, x in counted.items()},
        {w: [(_hours(x), p) for p, x in sorted(by.items())] for w, by in sorted(paid.items())},
    )


Num = int | Fraction  # seconds: whole, or with fractions under the équivalence


def _seconds(hours: Decimal) -> Num:
    exact = Fraction(hours) * HOUR
    return int(exact) if exact.denominator == 1 else exact


def _bands(bands: Bands) -> tuple[tuple[Num | None, Decimal], ...]:
    """Bands with their upper bounds in seconds."""
    return tuple((None if upper is None else _seconds(upper), premium) for upper, premium in bands)


def _band(
    bands: tuple[tuple[Num | None, Decimal], ...], position: Num
) -> tuple[Decimal, Num | None]:
    """The premium at a position (seconds) in bands, and the position where it next changes."""
    for top, premium in bands:
        if top is None:
            return premium, None
        if position < top:
            return premium, top
    return Decimal(0), None


def _per(distance: Num, slope: Num) -> Num:
    """The presence it takes to count `distance` seconds at `slope` (whole when slope is 1)."""
    return distance if slope == 1 else Fraction(distance) / slope


def _hours(seconds: Num) -> Decimal:
    if isinstance(seconds, int):
        return Decimal(seconds) / HOUR
    return Decimal(seconds.numerator) / Decimal(seconds.denominator) / HOUR
