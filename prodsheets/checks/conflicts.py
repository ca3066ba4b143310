"""Conflicts: the right people and things at the right place and time.

Double bookings, capacity, unavailability, travel time, bookings outside their event,
and working time, for people, resources and locations; within a production and across
several. Every check sorts each person's (resource's, location's) intervals once and
sweeps them: O(n log n), never pairwise over all bookings.

Intervals are half-open: a booking that ends at 12:00 and one that starts at 12:00 at
the same place touch; they do not conflict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Any

from prodsheets import catalogue as C
from prodsheets.analyses import Analyses
from prodsheets.findings import Finding
from prodsheets.i18n import Bilingual, de
from prodsheets.i18n.formats import clock, day_text, duration_text, say_date, span_text
from prodsheets.model import Production
from prodsheets.schedule.intervals import Schedule
from prodsheets.schedule.timeline import DAY, MINUTE, by_key

# --- overlaps: people, resources of quantity 1, locations ------------------------------


def overlapping_pairs(
    order: Sequence[int], start: Sequence[int], end: Sequence[int]
) -> Iterator[tuple[int, int]]:
    """For intervals sorted by start: each one that overlaps an earlier one, with it.

    The earlier one is the interval reaching furthest so far, so every interval that
    overlaps anything appears in some pair, in one pass.
    """
    reach = -1
    furthest = -1
    for n in order:
        if end[n] <= start[n]:
            continue  # an empty interval overlaps nothing
        if start[n] < reach:
            yield furthest, n
        if end[n] > reach:
            reach, furthest = end[n], n


def double_bookings(a: Analyses) -> Iterator[Finding]:
    s = a.schedule
    b = s.bookings
    for who, order in s.groups.items():
        if _counted_by_capacity(s, who, order):
            continue  # over_capacity says it, with how many too many
        for first, second in overlapping_pairs(order, b.start, b.end):
            overlap = min(b.end[first], b.end[second]) - b.start[second]
            yield Finding(
                C.DOUBLE_BOOKING,
                {
                    "what": Bilingual(
                        f"Double booking of {s.name(who)}", f"Double convocation {de(s.name(who))}"
                    ),
                    "first": s.describe(first),
                    "second": s.describe(second),
                    "overlap": duration_text(overlap),
                },
                (s.booking_cell(first), s.booking_cell(second)),
            )


def _counted_by_capacity(s: Schedule, who: str, order: Sequence[int]) -> bool:
    """A resource of several units, or booked several at a time: over_capacity's, not a
    double booking's (each overlap is said once)."""
    if who not in s.resources:
        return False
    quantities = s.bookings.quantity
    return _quantity(s, who) > 1 or any(quantities[n] != 1 for n in order)


def _quantity(s: Schedule, who: str) -> int:
    res = s.production.table("resources")
    if res is None or who not in s.resources:
        return 1
    q = res.col("quantity")[s.resources[who]]
    return q if q is not None and q > 0 else 1


def location_double_bookings(a: Analyses) -> Iterator[Finding]:
    """Two events at one location at once, unless its capacity allows."""
    s, production = a.schedule, a.production
    ev, table = s.events, s.events.table
    if table is None:
        return
    timed = [
        e
        for e in range(len(ev.day))
        if ev.start[e] is not None and ev.end[e] is not None and ev.location[e]
    ]
    keys = [str(ev.location[e]) for e in timed]
    starts = [int(ev.start[e] or 0) for e in timed]  # timed: neither is None
    ends = [int(ev.end[e] or 0) for e in timed]
    groups = by_key(keys, starts)
    locations = production.table("locations")
    ids = production.ids("locations")
    for place, order in groups.items():
        capacity = 1
        if locations is not None and place in ids:
            capacity = locations.col("capacity")[ids[place]] or 1
        name = s.location_name(place) or place
        if capacity > 1:
            yield from _capacity_excess(
                s,
                name,
                capacity,
                order,
                starts,
                ends,
                [1] * len(timed),
                lambda n: table.cell(timed[n], "location"),
                lambda n: s.event_id(timed[n]),
                production.table_label("locations"),
            )
            continue
        for first, second in overlapping_pairs(order, starts, ends):
            overlap = min(ends[first], ends[second]) - starts[second]
            one, two = timed[first], timed[second]
            yield Finding(
                C.DOUBLE_BOOKING,
                {
                    "what": Bilingual(
                        f"Location {name} booked twice", f"Double réservation du lieu {name}"
                    ),
                    "first": _event_text(s, one),
                    "second": _event_text(s, two),
                    "overlap": duration_text(overlap),
                },
                (table.cell(one, "location"), table.cell(two, "location")),
            )


def _event_text(s: Schedule, e: int) -> Bilingual:
    span = span_text(s.events.start[e], s.events.end[e])  # type: ignore[arg-type]
    eid = s.event_id(e)
    return Bilingual(f"{eid} ({span['en']})", f"{eid} ({span['fr']})")


# --- capacity: resources of quantity > 1 -------------------------------------------------


def over_capacity(a: Analyses) -> Iterator[Finding]:
    s, production = a.schedule, a.production
    b = s.bookings
    for who, order in s.groups.items():
        if not _counted_by_capacity(s, who, order):
            continue  # one unit, one at a time: a double booking, said by double_bookings
        yield from _capacity_excess(
            s,
            s.name(who),
            _quantity(s, who),
            order,
            b.start,
            b.end,
            b.quantity,
            s.booking_cell,
            lambda n: s.event_id(b.event[n]),
            production.table_label("resources"),
        )


def _capacity_excess(
    s: Schedule,
    name: str,
    capacity: int,
    order: Sequence[int],
    start: Sequence[int],
    end: Sequence[int],
    amount: Sequence[int],
    cell: Any,
    label: Any,
    table: Bilingual,
) -> Iterator[Finding]:
    """Sweep start/end points; one finding per stretch of time above capacity, at its peak."""
    order = [n for n in order if end[n] > start[n]]  # an empty interval uses nothing
    points = sorted(
        [(start[n], 1, n) for n in order] + [(end[n], 0, n) for n in order]
    )  # at equal times, ends (0) come before starts (1): touching is not overlapping
    active: dict[int, int] = {}
    in_use = 0
    peak: tuple[int, int, list[int]] | None = None  # (in use, when, bookings)
    for when, is_start, n in points:
        if is_start:
            active[n] = amount[n]
            in_use += amount[n]
            if in_use > capacity and (peak is None or in_use > peak[0]):
                peak = (in_use, when, sorted(active, key=lambda k: start[k]))
        else:
            in_use -= active.pop(n, 0)
            if in_use <= capacity and peak is not None:
                yield _excess_finding(s, name, capacity, peak, cell, label, table)
                peak = None
    if peak is not None:
        yield _excess_finding(s, name, capacity, peak, cell, label, table)


def _excess_finding(
    s: Schedule,
    name: str,
    capacity: int,
    peak: tuple[int, int, list[int]],
    cell: Any,
    label: Any,
    table: Bilingual,
) -> Finding:
    in_use, when, involved = peak
    day = day_text(when)
    return Finding(
        C.OVER_CAPACITY,
        {
            "who": name,
            "booked": in_use,
            "when": Bilingual(f"{day['en']} at {clock(when)}", f"{day['fr']} à {clock(when)}"),
            "available": capacity,
            "excess": in_use - capacity,
            "bookings": ", ".join(label(n) for n in involved),
            "table": table,
        },
        tuple(cell(n) for n in involved),
    )


def booking_of(name: str) -> Bilingual:
    return Bilingual(f"The booking of {name}", f"La convocation {de(name)}")


# --- unavailability ---------------------------------------------------------------------


def unavailable(a: Analyses) -> Iterator[Finding]:
    """Bookings inside an unavailability (whole days, both included): one finding a range."""
    s, production = a.schedule, a.production
    table = production.table("unavailability")
    if table is None:
        return
    b = s.bookings
    for i, who, first, last in table.records("who", "from", "to"):
        if who is None or first is None or last is None or last < first or who not in s.groups:
            continue
        low, high = first.toordinal() * DAY, (last.toordinal() + 1) * DAY
        hit = [n for n in s.groups[who] if b.start[n] < high and low < b.end[n]]
        if not hit:
            continue
        reason = table.col("reason")[i]
        yield Finding(
            C.UNAVAILABLE,
            {
                "booking_of": booking_of(s.name(who)),
                "booking": Bilingual(
                    ", ".join(s.describe(n)["en"] for n in hit),
                    ", ".join(s.describe(n)["fr"] for n in hit),
                ),
                "period": _period(first, last),
                "reason": f" ({reason})" if reason else "",
            },
            (*(s.booking_cell(n) for n in hit), table.cell(i, "from")),
        )


def _period(first: dt.date, last: dt.date) -> Bilingual:
    a, z = say_date(first), say_date(last)
    if first == last:
        return Bilingual(f"on {a['en']}", f"le {a['fr']}")
    return Bilingual(f"from {a['en']} to {z['en']}", f"du {a['fr']} au {z['fr']}")


# --- travel -----------------------------------------------------------------------------


def travel_times(production: Production) -> dict[tuple[str, str], int]:
    """Seconds needed between two locations, either way, from the Travel sheet."""
    table = production.table("travel")
    times: dict[tuple[str, str], int] = {}
    if table is None:
        return times
    for _, a, c, m in table.records("from", "to", "minutes"):
        if a and c and m is not None:
            times[(a, c)] = times[(c, a)] = int(m * MINUTE)
    return times


def travel_time(a: Analyses) -> Iterator[Finding]:
    s, production = a.schedule, a.production
    b, ev = s.bookings, s.events
    times = travel_times(production)
    default = s.rules.travel_buffer_minutes * MINUTE
    for who, order in s.groups.items():
        for first, second in pairwise(order):
            origin, destination = ev.location[b.event[first]], ev.location[b.event[second]]
            if not origin or not destination or origin == destination:
                continue
            gap = b.start[second] - b.end[first]
            needed = times.get((origin, destination), default)
            if 0 <= gap < needed:
                yield Finding(
                    C.TRAVEL_TIME,
                    {
                        "who": s.name(who),
                        "gap": duration_text(gap),
                        "first": s.describe(first),
                        "second": s.describe(second),
                        "origin": s.location_name(origin),
                        "destination": s.location_name(destination),
                        "needed": duration_text(needed),
                    },
                    (s.booking_cell(second), s.booking_cell(first)),
                )


# --- bookings outside their event -------------------------------------------------------


def outside_event(a: Analyses) -> Iterator[Finding]:
    s = a.schedule
    b, ev = s.bookings, s.events
    for n in range(len(b)):
        if not b.explicit[n]:
            continue
        e = b.event[n]
        es, ee = ev.start[e], ev.end[e]
        if es is None or ee is None:
            continue
        if b.end[n] <= es or b.start[n] >= ee:
            span = span_text(b.start[n], b.end[n])
            espan = span_text(es, ee)
            yield Finding(
                C.OUTSIDE_EVENT,
                {
                    "booking_of": booking_of(s.name(b.who[n])),
                    "times": span,
                    "event": s.event_id(e),
                    "event_times": espan,
                },
                (s.booking_cell(n, "call"),),
            )


# --- events without an end ---------------------------------------------------------------


def events_without_end(a: Analyses) -> Iterator[Finding]:
    """An event with a start and no end leaves its bookings without times to check."""
    ev = a.schedule.events
    table = ev.table
    if table is None or not table.has("end"):
        return  # a planning without times at all is said once (PS126)
    for e, start in enumerate(ev.start):
        if start is not None and ev.end[e] is None:
            yield Finding(
                C.EVENT_WITHOUT_END,
                {
                    "event": a.schedule.event_label(e),
                    "start": clock(start),
                    "column": table.header("end"),
                },
                (table.cell(e, "end"),),
            )


# --- across productions ----------------------------------------------------------------


def across_productions(analyses: Sequence[Analyses]) -> Iterator[Finding]:
    """People and resources booked at once in two productions.

    People are the same when they share an id or an email (case-insensitive); resources
    when they share an id. Only pairs from different productions are reported: each
    production's own double bookings are said by its own check.
    """
    schedules = [a.schedule for a in analyses if not a.production.unreadable]
    if len(schedules) < 2:
        return
    identity = _identities(schedules)
    keys: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    owners: list[tuple[int, int]] = []  # (schedule, booking)
    for k, s in enumerate(schedules):
        b = s.bookings
        for n in range(len(b)):
            keys.append(identity[k].get(b.who[n], f"{k}:{b.who[n]}"))
            starts.append(b.start[n])
            ends.append(b.end[n])
            owners.append((k, n))
    for order in by_key(keys, starts).values():
        if len({owners[m][0] for m in order}) < 2:
            continue
        for first, second in _cross_pairs(order, starts, ends, owners):
            (ka, na), (kb, nb) = owners[first], owners[second]
            a, c = schedules[ka], schedules[kb]
            name = a.name(a.bookings.who[na])
            overlap = min(ends[first], ends[second]) - starts[second]
            yield Finding(
                C.DOUBLE_BOOKING,
                {
                    "what": Bilingual(
                        f"Double booking of {name} in two productions",
                        f"Double convocation {de(name)} sur deux productions",
                    ),
                    "first": a.describe(na, with_title=True),
                    "second": c.describe(nb, with_title=True),
                    "overlap": duration_text(overlap),
                },
                (a.booking_cell(na), c.booking_cell(nb)),
            )


def _cross_pairs(
    order: Sequence[int],
    start: Sequence[int],
    end: Sequence[int],
    owners: Sequence[tuple[int, int]],
) -> Iterator[tuple[int, int]]:
    """Overlapping pairs from different productions: the sweep keeps, per production, the
    interval reaching furthest, and pairs each new interval with the others' furthest."""
    furthest: dict[int, int] = {}  # production → interval reaching furthest so far
    for n in order:
        k = owners[n][0]
        for other_k, m in furthest.items():
            if other_k != k and start[n] < end[m]:
                yield m, n
        if k not in furthest or end[n] > end[furthest[k]]:
            furthest[k] = n


def _identities(schedules: Sequence[Schedule]) -> list[dict[str, str]]:
    """For each schedule, who → a key shared by the same person or resource elsewhere."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, c: str) -> None:
        parent[find(a)] = find(c)

    nodes: list[dict[str, str]] = []
    for k, s in enumerate(schedules):
        mine: dict[str, str] = {}
        crew = s.production.table("crew")
        emails = crew.col("email") if crew is not None else []
        for who, i in s.people.items():
            node = f"{k}:person:{who}"
            union(node, f"person-id:{who}")
            email = emails[i] if emails else None
            if email:
                union(node, f"email:{str(email).strip().casefold()}")
            mine[who] = node
        for who in s.resources:
            node = f"{k}:resource:{who}"
            union(node, f"resource-id:{who}")
            mine.setdefault(who, node)
        nodes.append(mine)
    return [{who: find(node) for who, node in mine.items()} for mine in nodes]
