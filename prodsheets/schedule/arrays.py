"""NumPy versions of the schedule's heavy loops, for large productions.

Below :data:`FROM_BOOKINGS` bookings the plain-Python versions in ``timeline`` and
``hours`` are used: importing NumPy costs a tenth of a second, more than a small
production's whole check, and every click on the Excel button starts Python afresh.
Above it, these functions compute the same results (tests compare both on the same
schedules) with array operations, so a million bookings stay near the cost of reading
them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from prodsheets.schedule.presets import PREMIERE_WINDOW
from prodsheets.schedule.timeline import DAY, Bookings, Events

FROM_BOOKINGS = 20_000
_NONE = -1  # a missing time or index in the integer arrays


def _seconds(values: list[Any]) -> Any:
    import numpy as np

    return np.fromiter(
        (_NONE if t is None else t.hour * 3600 + t.minute * 60 + t.second for t in values),
        dtype=np.int64,
        count=len(values),
    )


def read_bookings(production: Any, events: Events) -> Bookings:
    """timeline.read_bookings, with the interval arithmetic done on arrays."""
    import numpy as np

    out = Bookings(table=production.table("bookings"))
    table = out.table
    if table is None or events.table is None or not len(table):
        return out
    n = len(table)
    index = events.index
    event_of = np.fromiter(
        (_NONE if e is None else index.get(e, _NONE) for e in table.col("event")),
        dtype=np.int64,
        count=n,
    )
    whos = table.col("who")
    valid = (event_of >= 0) & np.fromiter((w is not None for w in whos), dtype=bool, count=n)
    ev_day = np.array(
        [_NONE if d is None else d.toordinal() for d in events.day] or [0], dtype=np.int64
    )
    ev_start = np.array([_NONE if s is None else s for s in events.start] or [0], dtype=np.int64)
    ev_end = np.array([_NONE if e is None else e for e in events.end] or [0], dtype=np.int64)
    safe = np.where(valid, event_of, 0)
    day = ev_day[safe]
    valid &= day >= 0
    base = day * DAY
    es, ee = ev_start[safe], ev_end[safe]
    call, wrap = _seconds(table.col("call")), _seconds(table.col("wrap"))

    start = np.where(call >= 0, base + call, es)
    valid &= start >= 0
    night = (es >= 0) & (ee > base + DAY)
    start = start + DAY * ((call >= 0) & night & (start < es) & (start + DAY < ee))
    wrapped = start - start % DAY + wrap
    wrapped = wrapped + DAY * (wrapped < start)
    end = np.where(wrap >= 0, wrapped, np.maximum(ee, start))  # no end known: a moment

    rows = np.flatnonzero(valid)
    out.row = rows.tolist()
    out.who = [whos[i] for i in out.row]
    out.event = event_of[rows].tolist()
    out.start = start[rows].tolist()
    out.end = end[rows].tolist()
    quantities = table.col("quantity")
    out.quantity = [q if q is not None and q > 0 else 1 for q in (quantities[i] for i in out.row)]
    out.explicit = ((call >= 0) | (wrap >= 0))[rows].tolist()
    out.arrays.update(start=start[rows], end=end[rows], event=event_of[rows])
    return out


def by_key(
    keys: list[str], start: list[int], arrays: dict[str, Any] | None = None
) -> dict[str, list[int]]:
    """timeline.by_key: indexes grouped by key, each group sorted by start.

    ``arrays``, when given, keeps the key codes for later array work (``_arrays``).
    """
    import numpy as np

    codes: dict[str, int] = {}
    code = np.fromiter(
        (codes.setdefault(k, len(codes)) for k in keys), dtype=np.int64, count=len(keys)
    )
    starts = arrays["start"] if arrays and "start" in arrays else np.asarray(start, dtype=np.int64)
    order = np.lexsort((starts, code))
    cuts = np.flatnonzero(np.diff(code[order])) + 1
    names = list(codes)
    if arrays is not None:
        arrays["code"], arrays["names"] = code, names
    return {
        names[code[order[a]]]: group.tolist()
        for a, group in zip([0, *cuts.tolist()], np.split(order, cuts), strict=True)
        if len(group)
    }


def _people_bookings(s: Any, people: list[str]) -> tuple[Any, Any, Any, Any, Any]:
    """(booking index, person code, start, end, event) arrays for the people's bookings."""
    import numpy as np

    b = s.bookings
    arrays = _arrays(b)
    names: list[str] = arrays["names"]
    code_of = {name: c for c, name in enumerate(names)}
    person_of_code = np.full(len(names) + 1, _NONE, dtype=np.int64)
    for k, who in enumerate(people):
        if who in code_of:
            person_of_code[code_of[who]] = k
    person = person_of_code[arrays["code"]]
    idx = np.flatnonzero(person >= 0)
    return idx, person[idx], arrays["start"][idx], arrays["end"][idx], arrays["event"][idx]


def _arrays(b: Bookings) -> dict[str, Any]:
    """The bookings' columns as arrays, made once."""
    import numpy as np

    if "start" not in b.arrays:
        b.arrays["start"] = np.asarray(b.start, dtype=np.int64)
        b.arrays["end"] = np.asarray(b.end, dtype=np.int64)
        b.arrays["event"] = np.asarray(b.event, dtype=np.int64)
    if "code" not in b.arrays:
        codes: dict[str, int] = {}
        b.arrays["code"] = np.fromiter(
            (codes.setdefault(k, len(codes)) for k in b.who), dtype=np.int64, count=len(b.who)
        )
        b.arrays["names"] = list(codes)
    return b.arrays


def work_days(s: Any, people: list[str], event_tags: list[int]) -> dict[str, list[Any]]:
    """The columns of hours.Days: each person's working days (the date of the events), with
    first call, last wrap, seconds worked, first and last booking, and the day's tags."""
    import numpy as np

    ev = s.events
    idx, person, start, end, event = _people_bookings(s, people)
    if not len(idx):
        return {}
    ev_day = np.array([_NONE if d is None else d.toordinal() for d in ev.day], dtype=np.int64)
    day = ev_day[event]
    order = np.lexsort((start, day, person))
    start, end, day, person, idx = start[order], end[order], day[order], person[order], idx[order]
    tag = (
        np.asarray(event_tags, dtype=np.int64)[event[order]]
        if event_tags
        else np.zeros(len(idx), np.int64)
    )

    new_group = np.r_[True, (np.diff(person) != 0) | (np.diff(day) != 0)]
    group_start = np.flatnonzero(new_group)
    group_id = np.cumsum(new_group) - 1
    span = int(end.max() - min(start.min(), 0)) + 1
    shifted = end + group_id * span
    reach = np.maximum.accumulate(shifted) - group_id * span
    before = np.r_[_NONE, reach[:-1]]
    before[group_start] = _NONE
    piece = np.maximum(0, end - np.maximum(start, before))
    worked = np.add.reduceat(piece, group_start)
    last_wrap = np.maximum.reduceat(end, group_start)
    first_call = start[group_start]
    group_end = np.r_[group_start[1:], len(idx)] - 1
    tags = np.bitwise_or.reduceat(tag, group_start) if len(tag) else tag

    return {
        "who": [people[k] for k in person[group_start].tolist()],
        "person": person[group_start],
        "day": day[group_start],
        "start": first_call,
        "end": last_wrap,
        "worked": worked,
        "first": idx[group_start],
        "last": idx[group_end],
        "tags": tags,
    }


def add_day_tags(days: Any, always: int, window: tuple[int, int] | None) -> Any:
    """The days' tags with those of the production: every day's, and the première window's."""
    import numpy as np

    tags = np.asarray(days.tags) | always
    if window is not None:
        inside = (days.day >= window[0]) & (days.day < window[1])
        tags = np.where(inside, tags | PREMIERE_WINDOW, tags)
    return tags


def per_person(days: Any, values: list[int]) -> Any:
    """A value for each day from a value per person (indexed by the days' person codes)."""
    import numpy as np

    return np.asarray(values, dtype=np.int64)[days.person]


def over_daily(days: Any, amplitude: Any, limit: Any, long_limit: Any, long_mask: Any) -> list[int]:
    """Indexes of the days above their limit (hours.Days columns as arrays; the limits and
    the long-day tags are per day, from each person's rules)."""
    import numpy as np

    measured = np.where(amplitude, days.end - days.start, days.worked)
    is_long = (np.asarray(days.tags) & long_mask) != 0
    return np.flatnonzero(measured > np.where(is_long, long_limit, limit)).tolist()


def short_rests(days: Any, minimum: Any) -> list[int]:
    """Indexes of the days that follow the same person's previous day too closely
    (``minimum`` per day: the most rest each person's rules can ask for)."""
    import numpy as np

    who = np.asarray(days.person)
    gap = days.start[1:] - days.end[:-1]
    same = who[1:] == who[:-1]
    return (np.flatnonzero(same & (gap >= 0) & (gap < np.asarray(minimum)[1:])) + 1).tolist()


def run_starts_of(person: Any) -> list[int]:
    """Indexes where each person's rows start."""
    import numpy as np

    if not len(person):
        return []
    return [0, *(np.flatnonzero(np.diff(person) != 0) + 1).tolist()]


def run_starts(days: Any) -> list[int]:
    """Indexes where a run of consecutive days of one person starts."""
    import numpy as np

    who = np.asarray(days.person)
    new = (who[1:] != who[:-1]) | (np.diff(days.day) != 1)
    return [0, *(np.flatnonzero(new) + 1).tolist()] if len(who) else []


def weekly_time(s: Any, people: list[str]) -> dict[str, dict[tuple[int, int], int]]:
    """Per person, seconds worked per ISO week, split at midnight (as workdays.weekly_time)."""
    import numpy as np

    idx, person, start, end, _ = _people_bookings(s, people)
    if not len(idx):
        return {}
    order = np.lexsort((start, person))
    person, start, end = person[order], start[order], end[order]
    first = np.flatnonzero(np.r_[True, np.diff(person) != 0])
    span = int(end.max()) + 1
    reach = np.maximum.accumulate(end + person * span) - person * span
    before = np.r_[_NONE, reach[:-1]]
    before[first] = _NONE
    lo = np.maximum(start, before)
    keep = end > lo
    lo, hi, person = lo[keep], end[keep], person[keep]
    if not len(lo):
        return {}
    # Split each piece at midnight: pieces spanning more than two days are split in a loop.
    parts_lo, parts_hi, parts_who = [lo], [hi], [person]
    while True:
        midnight = (parts_lo[-1] // DAY + 1) * DAY
        over = parts_hi[-1] > midnight
        if not over.any():
            break
        parts_lo.append(midnight[over])
        parts_hi.append(parts_hi[-1][over])
        parts_who.append(parts_who[-1][over])
        parts_hi[-2] = np.where(over, midnight, parts_hi[-2])
    lo, hi, person = np.concatenate(parts_lo), np.concatenate(parts_hi), np.concatenate(parts_who)
    week = (lo // DAY - 1) // 7  # ordinal 1 is a Monday
    key = person * (int(week.max()) + 1) + week
    uniq, inverse = np.unique(key, return_inverse=True)
    total = np.bincount(inverse, weights=hi - lo).astype(np.int64)
    n_weeks = int(week.max()) + 1
    out: dict[str, dict[tuple[int, int], int]] = {}
    for k, worked in zip(uniq.tolist(), total.tolist(), strict=True):
        who, w = divmod(k, n_weeks)
        year, iso, _ = dt.date.fromordinal(w * 7 + 1).isocalendar()
        out.setdefault(people[who], {})[(year, iso)] = worked
    return out
