"""The hours actually worked (Actual hours / Heures réelles), and the days as worked.

The production report filled in each evening says when each person arrived, wrapped and
how long their break was. Those are the legal hours: for that person and that day they
replace the planned ones, whole, in the working-time rules (a day, the rest around it, the
week, the run of days) and in the day's cost. Days nobody reported stay as planned.

One row per person and day: a second row for the same person and day is reported
(PS340) and the first one counts; a break as long as the day is reported (PS343) and the
row is left out, so the planned hours stand in. A wrap earlier than the arrival is the
next day, as for calls and wraps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from prodsheets.model import Production, TableData
from prodsheets.schedule.intervals import Schedule
from prodsheets.schedule.presets import iso_week
from prodsheets.schedule.timeline import DAY, at, seconds
from prodsheets.schedule.workdays import Days, WeeklyTime


@dataclass(frozen=True)
class Reported:
    """One person's day as worked: one row of Actual hours."""

    row: int  # record index in the Actual hours table
    who: str
    day: dt.date
    start: int  # arrival, in timeline seconds
    end: int  # wrap
    pause: int  # the break, in seconds

    @property
    def worked(self) -> int:
        return max(0, self.end - self.start - self.pause)


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class ActualHours:
    """The Actual hours table as read: the rows that count, and those that do not."""

    table: TableData | None = None
    reported: dict[tuple[str, int], Reported] = field(default_factory=dict)  # (who, ordinal)
    twice: list[tuple[int, int]] = field(default_factory=list)  # (row, the first row)
    long_breaks: list[int] = field(default_factory=list)  # rows left out
    left_out: set[tuple[str, int]] = field(default_factory=set)  # (who, ordinal) of those

    def __bool__(self) -> bool:
        return bool(self.reported)

    @property
    def days(self) -> list[dt.date]:
        """Every day with hours reported, in order."""
        return sorted({r.day for r in self.reported.values()})

    def on(self, day: dt.date) -> list[Reported]:
        return [r for r in self.reported.values() if r.day == day]

    def get(self, who: str, day: dt.date) -> Reported | None:
        return self.reported.get((who, day.toordinal()))


def read_actual_hours(production: Production, people: Mapping[str, int]) -> ActualHours:
    """The rows of Actual hours that name a known person, a date, an arrival and a wrap.

    A row missing one of them, or naming someone not in Crew, already has its finding
    (PS112, PS114…) and is left out.
    """
    table = production.table("actual_hours")
    out = ActualHours(table)
    if table is None:
        return out
    for i, day, who, arrival, wrap, pause in table.records(
        "date", "who", "arrival", "wrap", "break"
    ):
        if day is None or who is None or arrival is None or wrap is None or who not in people:
            continue
        start = at(day, arrival)
        end = start - start % DAY + seconds(wrap)
        if end < start:
            end += DAY  # a night: the wrap is the next day
        key = (str(who), day.toordinal())
        first = out.reported.get(key)
        if first is not None:
            out.twice.append((i, first.row))
            continue
        pause = int(pause or 0)
        if pause and pause >= end - start:
            out.long_breaks.append(i)
            out.left_out.add(key)
            continue
        out.reported[key] = Reported(i, str(who), day, start, end, pause)
    return out


# --- the days as worked ---------------------------------------------------------------


def worked_days(s: Schedule, planned: Days, actual: ActualHours) -> Days:
    """The planned working days with each reported day replaced by its real hours.

    A reported day nobody planned (someone called in at the last minute) is added. The
    result's ``reported`` column says which row of Actual hours a day comes from. Without
    reported hours, the planned days themselves.
    """
    if not actual:
        return planned
    rows: dict[str, list[Reported]] = {}
    for found in actual.reported.values():
        rows.setdefault(found.who, []).append(found)
    spans = planned.spans()
    cols = {
        name: (col.tolist() if planned.arrays else col)
        for name in ("who", "day", "start", "end", "worked", "first", "last", "tags")
        for col in (getattr(planned, name),)
    }
    out = Days(reported=[])
    for who in s.people:
        a, z = spans.get(who, (0, 0))
        mine = {r.day.toordinal(): r for r in rows.get(who, ())}
        if z <= a and not mine:
            continue
        planned_at = {int(cols["day"][g]): g for g in range(a, z)}
        for ordinal in sorted(planned_at.keys() | mine.keys()):
            g = planned_at.get(ordinal)
            r = mine.get(ordinal)
            out.who.append(who)
            out.day.append(ordinal)
            out.first.append(-1 if g is None else int(cols["first"][g]))
            out.last.append(-1 if g is None else int(cols["last"][g]))
            out.tags.append(0 if g is None else int(cols["tags"][g]))
            if r is None:
                assert g is not None
                out.start.append(int(cols["start"][g]))
                out.end.append(int(cols["end"][g]))
                out.worked.append(int(cols["worked"][g]))
                out.reported.append(-1)
            else:
                out.start.append(r.start)
                out.end.append(r.end)
                out.worked.append(r.worked)
                out.reported.append(r.row)
    return out


def pieces(start: int, end: int, pause: int = 0) -> Iterable[tuple[tuple[int, int], int]]:
    """(ISO week, seconds) of a span split at midnight, its break taken from the first pieces."""
    while start < end:
        midnight = (start // DAY + 1) * DAY
        piece_end = min(end, midnight)
        length = piece_end - start
        taken = min(pause, length)
        pause -= taken
        yield iso_week(dt.date.fromordinal(start // DAY)), length - taken
        start = piece_end


def planned_pieces(s: Schedule, who: str, day: dt.date) -> list[tuple[tuple[int, int], int]]:
    """(ISO week, seconds) of a person's planned bookings on a day, overlaps counted once."""
    b, ev = s.bookings, s.events
    out: list[tuple[tuple[int, int], int]] = []
    reach = -1
    for n in s.groups.get(who, ()):
        if ev.day[b.event[n]] != day:
            continue
        start, end = max(b.start[n], reach), b.end[n]
        reach = max(reach, end)
        out += pieces(start, end)
    return out


def worked_weekly_time(s: Schedule, planned: WeeklyTime, actual: ActualHours) -> WeeklyTime:
    """Seconds worked per person and ISO week, reported days as worked, the rest as planned."""
    if not actual:
        return planned
    out = dict(planned)
    copied: set[str] = set()
    for r in actual.reported.values():
        if r.who not in copied:
            out[r.who] = dict(out.get(r.who, {}))
            copied.add(r.who)
        weeks = out[r.who]
        for week, length in planned_pieces(s, r.who, r.day):
            weeks[week] = weeks.get(week, 0) - length
        for week, length in pieces(r.start, r.end, r.pause):
            weeks[week] = weeks.get(week, 0) + length
    return out
