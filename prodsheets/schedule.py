"""One production's schedule as intervals, and how messages name its parts.

Built once per production (``schedule_of``) and shared by the conflict and working-time
checks, and by costs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from prodsheets import vectorized
from prodsheets.findings import Bilingual, Location
from prodsheets.model import Production
from prodsheets.timeline import DAY, Bookings, Events, by_key, read_bookings, read_events
from prodsheets.worktime import Rules, rules_for


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class Schedule:
    """One production's schedule as intervals, with what messages need to name things."""

    production: Production
    events: Events
    bookings: Bookings
    rules: Rules
    people: dict[str, int] = field(default_factory=dict)  # crew id → record index
    resources: dict[str, int] = field(default_factory=dict)
    groups: dict[str, list[int]] = field(default_factory=dict)  # who → bookings by start
    cache: dict[str, object] = field(default_factory=dict, repr=False)  # built once, when asked

    def name(self, who: str) -> str:
        crew = self.production.table("crew")
        if who in self.people and crew is not None:
            return crew.col("name")[self.people[who]] or who
        res = self.production.table("resources")
        if who in self.resources and res is not None:
            return res.col("name")[self.resources[who]] or who
        return who

    def location_name(self, location_id: str | None) -> str | None:
        if location_id is None:
            return None
        table = self.production.table("locations")
        index = self.production.ids("locations").get(location_id)
        if table is None or index is None:
            return location_id
        return table.col("name")[index] or location_id

    def booking_cell(self, n: int, column: str = "who") -> Location:
        assert self.bookings.table is not None
        return self.bookings.table.cell(self.bookings.row[n], column)

    def event_id(self, e: int) -> str:
        assert self.events.table is not None
        return str(self.events.table.col("id")[e])

    def describe(self, n: int, with_title: bool = False) -> Bilingual:
        """``S1 (09/03 08:00–12:00, Studio Le Port)`` for booking n."""
        b = self.bookings
        e = b.event[n]
        place = self.location_name(self.events.location[e])
        span = span_text(b.start[n], b.end[n])
        title = f" « {self.production.title} »" if with_title else ""
        en_title = f" “{self.production.title}”" if with_title else ""
        where = f", {place}" if place else ""
        eid = self.event_id(e)
        return Bilingual(
            f"{eid}{en_title} ({span['en']}{where})", f"{eid}{title} ({span['fr']}{where})"
        )


def schedule_of(production: Production) -> Schedule:
    """The production's schedule, built once and shared by every conflict check."""
    cached = production.cache.get("schedule")
    if cached is None:
        events = read_events(production)
        table = production.table("bookings")
        large = table is not None and len(table) >= vectorized.FROM_BOOKINGS
        read = vectorized.read_bookings if large else read_bookings
        bookings = read(production, events)
        cached = Schedule(
            production,
            events,
            bookings,
            rules_for(production),
            people=production.ids("crew"),
            resources=production.ids("resources"),
            groups=(
                vectorized.by_key(bookings.who, bookings.start, bookings.arrays)
                if large
                else by_key(bookings.who, bookings.start)
            ),
        )
        production.cache["schedule"] = cached
    return cached


# --- words and numbers in messages ----------------------------------------------------


def de(name: str) -> str:
    """French ``de`` before a name: « d'Inès », « de Marco »."""
    return f"d'{name}" if name[:1].lower() in "aàâeéèêiîoôuûy" else f"de {name}"


def booking_of(name: str) -> Bilingual:
    return Bilingual(f"The booking of {name}", f"La convocation {de(name)}")


def clock(value: int) -> str:
    m = value % DAY
    return f"{m // 60:02d}:{m % 60:02d}"


def day_text(value: int) -> Bilingual:
    d = dt.date.fromordinal(value // DAY)
    return Bilingual(d.strftime("%d %b").lstrip("0"), d.strftime("%d/%m"))


def span_text(start: int, end: int) -> Bilingual:
    """``09/03 08:00–12:00``; a span past midnight says so: ``09/03 22:00–04:00 (+1)``."""
    days = end // DAY - start // DAY
    plus = f" (+{days})" if days else ""
    d = day_text(start)
    return Bilingual(
        f"{d['en']} {clock(start)}–{clock(end)}{plus}",
        f"{d['fr']} {clock(start)}–{clock(end)}{plus}",
    )


def duration_text(mins: int | Decimal) -> Bilingual:
    mins = int(mins)
    h, m = divmod(abs(mins), 60)
    if not h:
        text = f"{m} min"
        return Bilingual(text, text)
    if not m:
        return Bilingual(f"{h} h", f"{h} h")
    return Bilingual(f"{h} h {m:02d}", f"{h} h {m:02d}")


def hours_text(value: Decimal | int) -> Bilingual:
    return duration_text(int(Decimal(value) * 60))
