"""One production's schedule as intervals, and how messages name its parts.

Built once per production by :class:`prodsheets.analyses.Analyses` and shared by the
conflict and working-time checks, costs, what-if and the reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from prodsheets.findings import Location
from prodsheets.i18n import Bilingual
from prodsheets.i18n.formats import clock, say_date, span_text
from prodsheets.model import Production
from prodsheets.schedule import arrays
from prodsheets.schedule.presets import Rules, person_rules, rules_for
from prodsheets.schedule.timeline import DAY, Bookings, Events, by_key, read_bookings, read_events


@dataclass(frozen=True, eq=False, repr=False)  # a container: by identity, never printed whole
class Schedule:
    """One production's schedule as intervals, with what messages need to name things."""

    production: Production
    events: Events
    bookings: Bookings
    rules: Rules
    people: dict[str, int] = field(default_factory=dict)  # crew id → record index
    resources: dict[str, int] = field(default_factory=dict)
    groups: dict[str, list[int]] = field(default_factory=dict)  # who → bookings by start

    @cached_property
    def _person_rules(self) -> dict[str, Rules]:
        crew = self.production.table("crew")
        if crew is None or self.rules.artists is None:
            return {}
        contracts, roles = crew.col("contract"), crew.col("role")
        return {
            who: person_rules(self.rules, contracts[i], roles[i]) for who, i in self.people.items()
        }

    def rules_of(self, who: str) -> Rules:
        """A person's rules: the performers' where the preset has them and the person is
        one (contract artist, or a performer's role), else the production's."""
        return self._person_rules.get(who, self.rules)

    @property
    def large(self) -> bool:
        """Whether the schedule's arithmetic runs on NumPy arrays (see ``arrays``)."""
        return len(self.bookings) >= arrays.FROM_BOOKINGS

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

    def event_label(self, e: int) -> Bilingual:
        """``SAT-FS3 “Echo Valley”`` / ``SAT-FS3 « Echo Valley »``."""
        assert self.events.table is not None
        eid = self.event_id(e)
        title = self.events.table.col("title")[e]
        if not title:
            return Bilingual(eid, eid)
        return Bilingual(f"{eid} “{title}”", f"{eid} « {title} »")

    def event_when(self, e: int) -> Bilingual:
        """``2026-07-18 20:30–22:00`` / ``18/07/2026 20:30–22:00`` (the date alone without
        times)."""
        ev = self.events
        day = ev.day[e]
        assert day is not None
        d = say_date(day)
        start, end = ev.start[e], ev.end[e]
        if start is None or end is None:
            return d
        days = end // DAY - start // DAY
        times = f"{clock(start)}–{clock(end)}" + (f" (+{days})" if days else "")
        return Bilingual(f"{d['en']} {times}", f"{d['fr']} {times}")


def build_schedule(production: Production) -> Schedule:
    """The production's schedule: events and bookings as intervals, grouped by who."""
    events = read_events(production)
    table = production.table("bookings")
    large = table is not None and len(table) >= arrays.FROM_BOOKINGS
    bookings = (arrays.read_bookings if large else read_bookings)(production, events)
    return Schedule(
        production,
        events,
        bookings,
        rules_for(production),
        people=production.ids("crew"),
        resources=production.ids("resources"),
        groups=(
            arrays.by_key(bookings.who, bookings.start, bookings.arrays)
            if large
            else by_key(bookings.who, bookings.start)
        ),
    )
