"""Hot costs: each reported day's labour cost as planned and as worked, and the running
difference (the daily production report's money).

For every day with hours in Actual hours, person by person:

* **planned**: the day's pay as the schedule plans it (:class:`~prodsheets.costs.pay.Pay`:
  a day rate, or the hours at the hourly rate with the minimum call) plus the overtime
  premiums that day brings: overtime is weekly under the presets, and a week's hours pass
  the threshold in time order, so the premiums of the week go to the days whose hours
  cross it (cumulated, each band rounded as in the reconciliation: the days of a week add
  up to its planned premiums to the cent). A paid hold day costs its pay.
* **worked**: planned + what the day's real hours add to the production's labour cost:
  the cost with that day's hours as worked, minus the cost without them (earlier
  reported days as worked, later days as planned). A long Monday may change nothing on
  Monday's pay yet push Thursday's hours past 35 h: the hot cost puts that on Monday,
  the day that caused it, so an overrun shows the evening it happens.
* **difference** = worked − planned, and the **running** difference since the first
  reported day.

A person booked on a reported day without a row of their own (PS341) counts as planned;
a person who worked without being booked (PS342) is planned at nothing; a held person is
listed only when their holds are paid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from prodsheets.costs.pay import Pay
from prodsheets.money import ZERO
from prodsheets.schedule.actual import Reported, pieces, planned_pieces
from prodsheets.schedule.dood import shooting_days
from prodsheets.schedule.presets import Rules

if TYPE_CHECKING:  # the analyses build the hot costs: the type only, not an import
    from prodsheets.analyses import Analyses

Week = tuple[int, int]


@dataclass(eq=False)
class PersonDay:
    """One person on one reported day: hours and cost, planned and as worked."""

    who: str
    name: str
    role: str
    planned_start: int | None  # first call (None: not booked that day)
    planned_end: int | None
    planned_seconds: int
    reported: Reported | None
    hold: bool = False
    planned: Decimal = ZERO
    worked: Decimal = ZERO

    @property
    def difference(self) -> Decimal:
        return self.worked - self.planned

    @property
    def worked_seconds(self) -> int:
        return self.reported.worked if self.reported is not None else self.planned_seconds

    @property
    def booked(self) -> bool:
        return self.planned_start is not None


@dataclass(eq=False)
class HotDay:
    """One reported day: its people, its totals and the running difference."""

    day: dt.date
    number: int | None  # the production day (« Jour 3 / 24 »), None on another day
    of: int  # how many production days
    people: list[PersonDay] = field(default_factory=list)
    running: Decimal = ZERO

    @property
    def planned(self) -> Decimal:
        return sum((p.planned for p in self.people), ZERO)

    @property
    def worked(self) -> Decimal:
        return sum((p.worked for p in self.people), ZERO)

    @property
    def difference(self) -> Decimal:
        return self.worked - self.planned

    @property
    def not_reported(self) -> list[PersonDay]:
        return [p for p in self.people if p.booked and p.reported is None and not p.hold]


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class HotCosts:
    days: list[HotDay] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.days)

    @property
    def running(self) -> Decimal:
        return self.days[-1].running if self.days else ZERO


def _premiums(pay: Pay, rules: Rules, weeks: dict[Week, int], touched: Iterable[Week]) -> Decimal:
    return sum((pay.overtime(rules, weeks.get(w, 0)) for w in set(touched)), ZERO)


def _add(weeks: dict[Week, int], items: Iterable[tuple[Week, int]], sign: int = 1) -> None:
    for week, length in items:
        weeks[week] = weeks.get(week, 0) + sign * length


def hot_costs(a: Analyses) -> HotCosts:
    """The hot costs of every day with reported hours (see the module's docstring)."""
    actual = a.actual_hours
    if not actual:
        return HotCosts()
    s = a.schedule
    rules = s.rules
    pay_of = a.reconciliation.pay
    planned = a.work_days
    dood = a.day_out_of_days
    spans = planned.spans()
    reported_days = actual.days
    wanted = set(reported_days)
    shooting = shooting_days(s)
    number = {d: k for k, d in enumerate(shooting, start=1)}
    crew = s.production.table("crew")
    roles = crew.col("role") if crew is not None else []
    out = {d: HotDay(d, number.get(d), len(shooting)) for d in reported_days}
    by_person: dict[str, list[Reported]] = {}
    for found in sorted(actual.reported.values(), key=lambda r: r.day):
        by_person.setdefault(found.who, []).append(found)

    for who, i in s.people.items():
        a_, z = spans.get(who, (0, 0))
        mine = by_person.get(who, [])
        pay = pay_of.get(who)
        paid_hold = pay is not None and pay.hold() > 0
        holds = [d for d in dood.holds(who) if d in wanted] if paid_hold else []
        if z <= a_ and not mine and not holds:
            continue
        days = {
            dt.date.fromordinal(int(planned.day[g])): (
                int(planned.start[g]),
                int(planned.end[g]),
                int(planned.worked[g]),
            )
            for g in range(a_, z)
        }
        if not any(d in wanted for d in days) and not mine and not holds:
            continue
        first_day = min(days) if days else None
        # The planned premiums, day by day in time order (cumulated within each week).
        attributed: dict[dt.date, Decimal] = {}
        split = {d: planned_pieces(s, who, d) for d in days}
        totals: dict[Week, int] = {}
        for d in sorted(days):
            before = dict(totals)
            _add(totals, split[d])
            touched = [w for w, _ in split[d]]
            if pay is not None:
                attributed[d] = _premiums(pay, rules, totals, touched) - _premiums(
                    pay, rules, before, touched
                )
        # The worked scenario: reported days replace their planned hours one by one.
        deltas: dict[dt.date, Decimal] = {}
        for got in mine:
            if pay is None:
                break
            before = dict(totals)
            planned_split = split.get(got.day, [])
            real_split = list(pieces(got.start, got.end, got.pause))
            _add(totals, planned_split, -1)
            _add(totals, real_split)
            touched = [w for w, _ in (*planned_split, *real_split)]
            was = pay.day(days[got.day][2], got.day == first_day) if got.day in days else ZERO
            base = pay.day(got.worked, got.day == first_day) - was
            deltas[got.day] = base + (
                _premiums(pay, rules, totals, touched) - _premiums(pay, rules, before, touched)
            )
        name, role = s.name(who), str(roles[i] or "") if roles else ""
        reported = {x.day: x for x in mine}
        for d in reported_days:
            booked = days.get(d)
            r = reported.get(d)
            hold = d in holds
            if booked is None and r is None and not hold:
                continue
            row = PersonDay(
                who,
                name,
                role,
                None if booked is None else booked[0],
                None if booked is None else booked[1],
                0 if booked is None else booked[2],
                r,
                hold=hold,
            )
            if pay is not None:
                if hold:
                    row.planned = row.worked = pay.hold()
                else:
                    base = pay.day(row.planned_seconds, d == first_day) if booked else ZERO
                    row.planned = base + attributed.get(d, ZERO)
                    row.worked = row.planned + deltas.get(d, ZERO)
            out[d].people.append(row)

    running = ZERO
    for d in reported_days:
        day = out[d]
        day.people.sort(key=lambda p: (p.planned_start is None, p.planned_start or 0, p.name))
        running += day.difference
        day.running = running
    return HotCosts([out[d] for d in reported_days])
