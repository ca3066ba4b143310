"""What if: a person absent, a location or a vendor lost, rain on a day (design section 5).

A scenario says what it hits: bookings (an absent person's or resource's, a lost vendor's
resources') and events (at a lost location, outdoors on a rainy day). For each hit it
looks for replacements and plans the best one:

* a booking: people with the same role (the absent person's named backup counts as one),
  then people of the same department; resources of the same kind (not from a lost vendor);
* an event: its cover / repli. A cover location is a move; a cover event is a swap the
  production manager makes by hand (it changes the day's order), so it is listed but not
  applied.

A candidate is kept only if putting it in creates no new conflict: the production is
changed in memory and the conflict and working-time checks (double booking, capacity,
unavailability, travel time, daily hours, rest, weekly hours, consecutive days) run
again; any finding that was not there before rules the candidate out. Candidates are
ranked by what they add to the planned cost (``costs.reconcile``: day rates, fringes,
overtime; someone already paid for the day adds nothing). Hits are settled in time
order, each choice made on top of the previous ones, so the plan holds together. The
plan's cost difference is the planned cost with the plan applied (bookings without a
replacement left out: nobody is paid for them) minus the planned cost today.

Nothing here writes a file: :mod:`prodsheets.whatif.apply` writes a modified copy of the
workbooks into another folder (``--apply``), never touching the originals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from prodsheets.analyses import Analyses
from prodsheets.contract import schema
from prodsheets.findings import Finding, Location
from prodsheets.i18n import Bilingual
from prodsheets.i18n.formats import say_date
from prodsheets.model import Production
from prodsheets.money import ZERO
from prodsheets.schedule.timeline import DAY

KINDS = ("absent", "lose-location", "lose-vendor", "rain")


@dataclass(frozen=True)
class Scenario:
    kind: str  # one of KINDS
    target: str | None = None  # a crew/resource, location or vendor id
    start: dt.date | None = None  # --from, or the rainy day
    end: dt.date | None = None  # --to, or the rainy day

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.target,
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
        }

    def describe(self, a: Analyses) -> Bilingual:
        def period() -> Bilingual:
            if self.start is None and self.end is None:
                return Bilingual("", "")
            a = say_date(self.start) if self.start else None
            z = say_date(self.end) if self.end else None
            if a and z and self.start == self.end:
                return Bilingual(f" on {a['en']}", f" le {a['fr']}")
            return Bilingual(
                (f" from {a['en']}" if a else "") + (f" to {z['en']}" if z else ""),
                (f" du {a['fr']}" if a else "") + (f" au {z['fr']}" if z else ""),
            )

        s, production = a.schedule, a.production
        p = period()
        if self.kind == "absent":
            name = s.name(self.target or "")
            return Bilingual(f"{name} absent{p['en']}", f"{name} absent(e){p['fr']}")
        if self.kind == "lose-location":
            name = s.location_name(self.target) or str(self.target)
            return Bilingual(f"location {name} lost{p['en']}", f"lieu {name} perdu{p['fr']}")
        if self.kind == "lose-vendor":
            return Bilingual(
                f"vendor {_vendor_name(production, self.target)} lost{p['en']}",
                f"prestataire {_vendor_name(production, self.target)} perdu{p['fr']}",
            )
        return Bilingual(f"rain{p['en']}", f"pluie{p['fr']}")


@dataclass
class Hit:
    """One thing the scenario hits: a booking (``booking`` set) or a whole event."""

    event: int  # record index in Events
    booking: int | None  # record index in Bookings, None for an event
    who: str | None
    locations: tuple[Location, ...]
    start: int = 0  # seconds, for ordering


@dataclass
class Candidate:
    id: str
    cost: Decimal  # what it adds to the planned cost
    why: Bilingual
    kind: str  # person, resource, location, event
    applicable: bool = True  # a cover event is a swap made by hand


@dataclass
class Replacement:
    hit: Hit
    candidates: list[Candidate] = field(default_factory=list)
    rejected: list[tuple[str, Finding]] = field(default_factory=list)  # id, first conflict
    chosen: Candidate | None = None


@dataclass
class WhatIf:
    analyses: Analyses
    scenario: Scenario
    affected: list[Hit]
    replacements: list[Replacement]
    cost_before: Decimal
    cost_after: Decimal
    who_changes: dict[int, str | None]  # booking record → new who (None: left out)
    location_changes: dict[int, str]  # event record → new location

    @property
    def cost_delta(self) -> Decimal:
        return self.cost_after - self.cost_before

    @property
    def production(self) -> Production:
        return self.analyses.production

    @property
    def currency(self) -> str:
        return self.production.currency


class UnknownId(ValueError):
    pass


# --- the production, changed in memory -------------------------------------------------


def variant(
    production: Production, who: dict[int, str | None], location: dict[int, str]
) -> Analyses:
    """A copy of the production with some bookings' who and events' location changed."""
    tables = dict(production.tables)
    for key, column, changes in (("bookings", "who", who), ("events", "location", location)):
        table = tables.get(key)
        if table is None or not changes:
            continue
        values = list(table.col(column))
        for i, v in changes.items():
            values[i] = v
        tables[key] = dataclasses.replace(table, values={**table.values, column: values})
    return Analyses(dataclasses.replace(production, tables=tables))


Conflicts = dict[tuple[Any, ...], Finding]


def conflicts_of(a: Analyses, replaced: dict[int, str] | None = None) -> Conflicts:
    """The conflict and working-time findings (PS3xx), keyed by code and cells.

    A cell's key holds the id of who is on the row, except on a replaced booking, which
    keeps the id it had (``replaced``: sheet row → id before): a problem the booking
    already had (a call outside its event) is not the replacement's, while a double
    booking or a long day the replacement brings is a new key.
    """
    from prodsheets.checks import CHECKS

    bookings = a.production.table("bookings")
    sheet = bookings.sheet if bookings is not None else None
    replaced = replaced or {}
    found: Conflicts = {}
    for check in CHECKS:
        if not check.emits(families=("PS3",)):
            continue
        for f in check.run(a):
            key = (
                f.code.code,
                *((x.file, x.sheet, x.cell, _id(x, sheet, replaced)) for x in f.locations),
            )
            found.setdefault(key, f)
    return found


def _id(x: Location, sheet: str | None, replaced: dict[int, str]) -> str | None:
    if x.sheet == sheet and x.row is not None and x.row in replaced:
        return replaced[x.row]
    return x.id


def planned_cost(a: Analyses) -> Decimal:
    return a.reconciliation.total.planned


# --- what a scenario hits ---------------------------------------------------------------


def _vendor_name(production: Production, vendor: str | None) -> str:
    table = production.table("vendors")
    i = production.ids("vendors").get(vendor or "")
    if table is None or i is None:
        return vendor or ""
    name = table.col("name")[i]
    return f"{name} ({vendor})" if name else str(vendor)


def _in_period(day: dt.date | None, scenario: Scenario) -> bool:
    if day is None:
        return False
    if scenario.start is not None and day < scenario.start:
        return False
    return not (scenario.end is not None and day > scenario.end)


def hits(a: Analyses, scenario: Scenario) -> list[Hit]:
    s, production = a.schedule, a.production
    b, ev = s.bookings, s.events
    found: list[Hit] = []
    if scenario.kind in ("absent", "lose-vendor"):
        if scenario.kind == "absent":
            if scenario.target not in s.people and scenario.target not in s.resources:
                raise UnknownId(scenario.target)
            lost = {scenario.target}
        else:
            if scenario.target not in production.ids("vendors"):
                raise UnknownId(scenario.target)
            lost = set(production.vendor_resources(str(scenario.target)))
        for n in range(len(b)):
            if b.who[n] in lost and _in_period(ev.day[b.event[n]], scenario):
                found.append(
                    Hit(b.event[n], b.row[n], b.who[n], (s.booking_cell(n),), start=b.start[n])
                )
    else:
        if scenario.kind == "lose-location":
            if scenario.target not in production.ids("locations"):
                raise UnknownId(scenario.target)
            places = {scenario.target}
        else:
            places = production.outdoor_locations()
        for e, day in enumerate(ev.day):
            if ev.table is None or day is None:
                continue
            if ev.location[e] in places and _in_period(day, scenario):
                begins = ev.start[e]
                start = begins if begins is not None else day.toordinal() * DAY
                found.append(Hit(e, None, None, (ev.table.cell(e, "location"),), start=start))
    found.sort(key=lambda h: (h.start, h.event, h.booking or 0))
    return found


# --- candidates ---------------------------------------------------------------------------


def _people_pool(
    production: Production, who: str, role: object
) -> list[tuple[str, Bilingual, int]]:
    crew = production.table("crew")
    if crew is None:
        return []
    ids = production.ids("crew")
    i = ids[who]
    role_key = schema.normalise(role or crew.col("role")[i] or "")
    dept_key = schema.normalise(crew.col("department")[i] or "")
    backup = crew.col("backup")[i]
    pool: list[tuple[str, Bilingual, int]] = []  # (id, why, 0 backup / 1 role / 2 department)
    tiers: dict[str, int] = {}
    for other, j in ids.items():
        if other == who:
            continue
        if other == backup:
            tiers[other] = 0
        elif role_key and schema.normalise(crew.col("role")[j] or "") == role_key:
            tiers[other] = 1
        elif dept_key and schema.normalise(crew.col("department")[j] or "") == dept_key:
            tiers[other] = 2
    words = (
        Bilingual("named backup", "remplaçant désigné"),
        Bilingual("same role", "même poste"),
        Bilingual("same department", "même département"),
    )
    for other in sorted(tiers, key=lambda o: (tiers[o], o)):
        pool.append((other, words[tiers[other]], tiers[other]))
    return pool


def _resource_pool(
    production: Production, who: str, lost_vendor: str | None
) -> list[tuple[str, Bilingual]]:
    table = production.table("resources")
    if table is None:
        return []
    ids = production.ids("resources")
    kind = schema.normalise(table.col("kind")[ids[who]] or "")
    if not kind:
        return []
    pool = []
    for other, j in ids.items():
        if other == who or schema.normalise(table.col("kind")[j] or "") != kind:
            continue
        if lost_vendor is not None and table.col("vendor")[j] == lost_vendor:
            continue
        pool.append((other, Bilingual("same kind", "même type")))
    return pool


def _cover_pool(
    production: Production, scenario: Scenario, e: int
) -> list[tuple[str, Bilingual, str]]:
    events = production.table("events")
    assert events is not None
    cover = events.col("cover")[e]
    if cover is None:
        return []
    cover = str(cover)
    if cover in production.ids("locations"):
        lost = (
            production.outdoor_locations()
            if scenario.kind == "rain"
            else {scenario.target}
            if scenario.kind == "lose-location"
            else set()
        )
        if cover in lost:
            return []
        return [(cover, Bilingual("cover location", "lieu de repli"), "location")]
    if cover in production.ids("events"):
        return [
            (
                cover,
                Bilingual("cover event (swap by hand)", "séquence de repli (à permuter)"),
                "event",
            )
        ]
    return []


# --- the plan -----------------------------------------------------------------------------


_TARGETS = {
    "absent": ("crew", "resources"),
    "lose-location": ("locations",),
    "lose-vendor": ("vendors",),
}


def resolved(production: Production, scenario: Scenario) -> Scenario:
    """The scenario with its id as the production writes it (``hugo`` → ``HUGO``), the way
    ``check`` suggests ids; an id that names nothing, or two, is refused (UnknownId)."""
    if scenario.target is None or scenario.kind not in _TARGETS:
        return scenario
    found = production.resolve(scenario.target, *_TARGETS[scenario.kind])
    if found is None:
        raise UnknownId(scenario.target)
    return dataclasses.replace(scenario, target=found)


def what_if(a: Analyses, scenario: Scenario) -> WhatIf:
    s, production = a.schedule, a.production
    scenario = resolved(production, scenario)
    affected = hits(a, scenario)
    bookings = production.table("bookings")
    roles = bookings.col("role") if bookings is not None else []
    cost_before = planned_cost(a)
    # Each booking hit keeps its id in the conflicts' keys, whoever replaces it.
    replaced = {
        bookings.rows[h.booking]: str(h.who)
        for h in affected
        if h.booking is not None and bookings is not None
    }
    who: dict[int, str | None] = {h.booking: None for h in affected if h.booking is not None}
    where: dict[int, str] = {}
    lost_vendor = scenario.target if scenario.kind == "lose-vendor" else None
    replacements: list[Replacement] = []
    # The plan so far: its conflicts and cost, worked out only when a candidate needs them,
    # and carried over from the candidate chosen (its trial is the next plan).
    plan: tuple[Conflicts, Decimal] | None = None
    for hit in affected:
        rep = Replacement(hit)
        replacements.append(rep)
        options: list[tuple[str, Bilingual, str]]
        tier_of: dict[str, int] = {}  # people: a backup or the same role before the department
        if hit.booking is not None:
            assert hit.who is not None
            if hit.who in s.people:
                pool = _people_pool(production, hit.who, roles[hit.booking])
                options = [(o, why, "person") for o, why, _ in pool]
                tier_of = {o: 0 if tier < 2 else 1 for o, _, tier in pool}
            else:  # the lost vendor's own resources are left out of the pool
                options = [
                    (o, why, "resource")
                    for o, why in _resource_pool(production, hit.who, lost_vendor)
                ]
        else:
            options = _cover_pool(production, scenario, hit.event)
        tried: dict[str, tuple[Conflicts, Decimal]] = {}
        for oid, why, kind in options:
            if kind == "event":
                rep.candidates.append(Candidate(oid, ZERO, why, kind, applicable=False))
                continue
            if plan is None:
                state = variant(production, who, where)
                plan = conflicts_of(state, replaced), planned_cost(state)
            before, base = plan
            if hit.booking is not None:
                trial = variant(production, {**who, hit.booking: oid}, where)
            else:
                trial = variant(production, who, {**where, hit.event: oid})
            found = conflicts_of(trial, replaced)
            new = [f for k, f in found.items() if k not in before]
            if new:
                rep.rejected.append((oid, new[0]))
                continue
            tried[oid] = found, planned_cost(trial)
            rep.candidates.append(Candidate(oid, tried[oid][1] - base, why, kind))
        rep.candidates.sort(key=lambda c: (not c.applicable, tier_of.get(c.id, 0), c.cost, c.id))
        best = next((c for c in rep.candidates if c.applicable), None)
        rep.chosen = best
        if best is not None:
            if hit.booking is not None:
                who[hit.booking] = best.id
            else:
                where[hit.event] = best.id
            plan = tried[best.id]
    cost_after = plan[1] if plan is not None else planned_cost(variant(production, who, where))
    return WhatIf(a, scenario, affected, replacements, cost_before, cost_after, who, where)
