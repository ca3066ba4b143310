"""The day-out-of-days with the trade's codes: each person's days, from first to last.

Codes, as Movie Magic, Celtx and the schedulers write them:

* ``SW`` start work (the first working day of an engagement), ``W`` work, ``WF`` work
  finish (its last), ``SWF`` an engagement of a single day;
* ``H`` hold: a day without work between two working days of the same engagement, on
  which the unit works (the person is kept, and may be paid: see ``paid holds``);
* ``T`` travel, ``R`` rehearsal, ``F`` fitting: a day whose only bookings are events of
  that kind (:mod:`prodsheets.schedule.kinds`); a day with any other event is work. R and F
  are the cast's (contract artist): the costume designer at a fitting, the director at a
  table read, are at work;
* blank: off, and the unit's own days off (no event at all that day, a Sunday or a bank
  holiday) inside an engagement, which are neither held nor paid.

An engagement runs from a working day to the next one as long as the gap between them is
no longer than ``max hold days`` (Production, default 10 calendar days): a longer gap
drops the person after their ``WF`` and picks them up again with a new ``SW``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple

from prodsheets.schedule import kinds
from prodsheets.schedule.dates import Span
from prodsheets.schedule.intervals import Schedule

WORK_CODES = frozenset({"SW", "W", "WF", "SWF"})
CODES = ("SW", "W", "WF", "SWF", "H", "T", "R", "F")
DEFAULT_MAX_HOLD_DAYS = 10


class Totals(NamedTuple):
    """One person's days: worked, held, travelling, rehearsing, fitting, and the span."""

    work: int
    hold: int
    travel: int
    rehearsal: int
    fitting: int
    span: int  # calendar days from the first day to the last, both counted
    first: dt.date | None
    last: dt.date | None


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class DayOutOfDays:
    people: list[str] = field(default_factory=list)  # crew ids booked, in Crew's order
    dates: list[dt.date] = field(default_factory=list)  # every date of the table
    codes: dict[str, dict[dt.date, str]] = field(default_factory=dict)  # who → date → code
    days_off: frozenset[dt.date] = frozenset()  # the unit's days off within the dates

    def code(self, who: str, day: dt.date) -> str | None:
        return self.codes.get(who, {}).get(day)

    def holds(self, who: str) -> list[dt.date]:
        return sorted(d for d, c in self.codes.get(who, {}).items() if c == "H")

    def totals(self, who: str) -> Totals:
        mine = self.codes.get(who, {})
        values = list(mine.values())
        first, last = (min(mine), max(mine)) if mine else (None, None)
        return Totals(
            work=sum(1 for c in values if c in WORK_CODES),
            hold=values.count("H"),
            travel=values.count("T"),
            rehearsal=values.count("R"),
            fitting=values.count("F"),
            span=(last - first).days + 1 if first and last else 0,
            first=first,
            last=last,
        )


def _kind_of_event(kind: object) -> str:
    if kinds.is_travel(kind):
        return "T"
    if kinds.is_rehearsal(kind):
        return "R"
    if kinds.is_fitting(kind):
        return "F"
    return "W"


_RANK = {"W": 0, "R": 1, "F": 2, "T": 3}  # a day with work is work; else rehearsal, fitting…


# A day-out-of-days keeps its totals within Excel's 16,384 columns.
MAX_DOOD_DAYS = 16_000


def day_out_of_days(s: Schedule, span: Span | None = None) -> DayOutOfDays:
    """Every booked person's days with the trade's codes (see the module's docstring).

    Its dates run from the first to the last booked day near the production's centre (and
    its start and end, unless they are typos), then each far day booked, apart: a year
    typed 9999 adds one column, not three million.
    """
    span = span or Span()
    production = s.production
    ev, b = s.events, s.bookings
    event_kinds = ev.table.col("kind") if ev.table is not None else []
    of_event = [_kind_of_event(k) for k in event_kinds]
    unit_days = {d for d in ev.day if d is not None}

    crew = production.table("crew")
    contracts = crew.col("contract") if crew is not None else []
    cast = {who for who, i in s.people.items() if contracts and contracts[i] == "artist"}
    booked: dict[str, dict[dt.date, str]] = {}
    for n in range(len(b)):
        who = b.who[n]
        if who not in s.people:
            continue
        e = b.event[n]
        day = ev.day[e]
        if day is None:
            continue
        mine = booked.setdefault(who, {})
        kind = of_event[e] if of_event else "W"
        if kind in ("R", "F") and who not in cast:
            kind = "W"
        if day not in mine or _RANK[kind] < _RANK[mine[day]]:
            mine[day] = kind
    if not booked:
        return DayOutOfDays()

    setting = production.settings.get("max_hold_days")
    max_hold = DEFAULT_MAX_HOLD_DAYS if setting is None else int(setting)
    codes: dict[str, dict[dt.date, str]] = {}
    for who, days in booked.items():
        mine = {d: k for d, k in days.items() if k != "W"}
        work = sorted(d for d, k in days.items() if k == "W")
        runs: list[list[dt.date]] = []
        for d in work:
            if runs and (d - runs[-1][-1]).days - 1 <= max_hold:
                runs[-1].append(d)
            else:
                runs.append([d])
        for run in runs:
            if len(run) == 1:
                mine[run[0]] = "SWF"
                continue
            mine[run[0]], mine[run[-1]] = "SW", "WF"
            for d in run[1:-1]:
                mine[d] = "W"
            for prev, nxt in pairwise(run):
                gap = prev + dt.timedelta(days=1)
                while gap < nxt:
                    if gap not in mine and gap in unit_days:
                        mine[gap] = "H"
                    gap += dt.timedelta(days=1)
        codes[who] = mine

    every = {d for m in codes.values() for d in m}
    near = sorted(d for d in every if not span.far(d))
    dates: list[dt.date] = []
    if near:
        first, last = near[0], near[-1]
        start, end = production.start, production.end
        if start is not None and start < first and not span.far(start):
            first = start
        if end is not None and last < end <= first + dt.timedelta(days=366) and not span.far(end):
            last = end
        dates = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    dates = sorted({*dates, *(d for d in every if span.far(d))})[:MAX_DOOD_DAYS]
    people = [who for who in s.people if who in codes]
    return DayOutOfDays(people, dates, codes, frozenset(d for d in dates if d not in unit_days))


def shooting_days(s: Schedule) -> list[dt.date]:
    """The production days « Jour 3 / 24 » counts: dates with a shooting (or show) event."""
    ev = s.events
    if ev.table is None:
        return []
    found = {
        day
        for day, kind, scene in zip(
            ev.day, ev.table.col("kind"), ev.table.col("scene"), strict=True
        )
        if day is not None and (kinds.is_shooting(kind) or (scene is not None and not kind))
    }
    return sorted(found)
