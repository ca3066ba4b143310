"""What if: a person absent, a location or a vendor lost, rain on a day (design section 5).

A scenario says what it hits: bookings (an absent person's or an unavailable resource's, a
lost vendor's resources') and events (at a lost location, outdoors on a rainy day), within
``--from``/``--to`` when given. For each hit it looks for replacements and plans the best:

* a booking of a person: people with the same role (the named backup counts as one), then
  people of the same department;
* a booking of a resource: the lost vendor's named backup's resources of the same kind,
  then other resources of that kind (never the lost vendor's). When none is free, the
  backup vendor (or, for an unavailable resource, its own vendor) is named to ask: an
  arrangement made by hand, counted at today's rate until quoted;
* an event: its cover / repli, then free locations (indoor ones only when it rains),
  nearest first by the Travel sheet. A cover location is a move; a cover event is a swap
  the production manager makes by hand (it changes the day's order): it stays the plan,
  listed first but not applied, the free locations listed after it.

A candidate is kept only if putting it in creates no new conflict: the production is
changed in memory and the conflict and working-time checks (double booking, capacity,
unavailability, travel time, daily hours, rest, weekly hours, consecutive days) run
again; any finding that was not there before rules the candidate out. A candidate already
booked on the same event is said to be there, and whether the event keeps what it needs,
not as a double booking of the event with itself. Candidates are ranked by tier (backup
or same role before department; backup vendor before others; cover before free
locations), then by what they add to the planned cost (``costs.reconcile``: day rates,
fringes, overtime; someone already paid for the day adds nothing), then by distance.
Hits are settled in time order, each choice made on top of the previous ones, so the
plan holds together; a hit not yet settled is out of the schedule meanwhile (its booking
left out, its event without a location), as it will be moved anyway.

The plan's cost is the planned cost with the plan applied. A hit left without a
replacement keeps its cost at today's rates (someone still has to do it, something
still has to be hired): the plan never looks cheaper because something was lost, and
what stays uncovered is said with what it costs.

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
from prodsheets.i18n import Bilingual, Said, say
from prodsheets.i18n.formats import date as say_date
from prodsheets.i18n.words import WHATIF
from prodsheets.model import Production
from prodsheets.money import ZERO
from prodsheets.schedule.timeline import DAY, MINUTE

KINDS = ("absent", "lose-location", "lose-vendor", "rain")
MAX_PLACES = 3  # free locations kept beyond the cover, the nearest first
MAX_PLACE_TRIALS = 8  # free locations tried at most per event: each trial checks it all

# Tiers, best first: what a candidate is before what it costs.
BACKUP, SAME, NEAR, ASK = 0, 1, 2, 3


def words(key: str, **values: Any) -> Bilingual:
    """A sentence of the what-if word table, said in both languages."""
    return Said(
        lambda lang: WHATIF[lang][key].format(**{k: say(v, lang) for k, v in values.items()})
    )


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

    def period(self) -> Bilingual:
        """`` le 10/03/2026``, `` du 10/03/2026 au 11/03/2026``, `` from 2026-03-10``…"""
        start, end = self.start, self.end

        def said(lang: str) -> str:
            w = WHATIF[lang]
            if start is not None and start == end:
                return w["on"].format(day=say_date(start, lang))
            text = w["from"].format(day=say_date(start, lang)) if start is not None else ""
            return text + (w["to"].format(day=say_date(end, lang)) if end is not None else "")

        return Said(said)

    def describe(self, a: Analyses) -> Bilingual:
        s, production = a.schedule, a.production
        target = str(self.target or "")
        p = self.period()
        if self.kind == "absent":
            key = "absent_thing" if target in s.resources else "absent_person"
            return words(key, name=s.name(target), period=p)
        if self.kind == "lose-location":
            return words("lost_location", name=s.location_name(target) or target, period=p)
        if self.kind == "lose-vendor":
            return words("lost_vendor", name=vendor_name(production, target), period=p)
        return words("rain", period=p)


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
    kind: str  # person, resource, location (applied); event, vendor (arranged by hand)
    applicable: bool = True  # a cover event is a swap, a vendor a call: made by hand
    rank: tuple[int, int] = (SAME, 0)  # tier, then distance in seconds (locations)


@dataclass
class Rejection:
    """A candidate ruled out: the first conflict it would create, or already on the event."""

    id: str
    reason: Bilingual
    finding: Finding | None = None  # the conflict; None when already on the event
    already_on: str | None = None  # the event it is already booked on


@dataclass
class Replacement:
    hit: Hit
    candidates: list[Candidate] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    chosen: Candidate | None = None

    @property
    def by_hand(self) -> Candidate | None:
        """The arrangement to make by hand when nothing is applied (a swap, a vendor)."""
        if self.chosen is not None:
            return None
        return next((c for c in self.candidates if not c.applicable), None)


@dataclass
class WhatIf:
    analyses: Analyses
    scenario: Scenario
    affected: list[Hit]
    replacements: list[Replacement]
    cost_before: Decimal
    cost_after: Decimal  # hits left uncovered counted at today's rates
    who_changes: dict[int, str | None]  # booking record → new who (None: left uncovered)
    location_changes: dict[int, str | None]  # event record → new location (None: uncovered)
    uncovered_cost: Decimal = ZERO  # what the uncovered hits cost today, inside cost_after

    @property
    def cost_delta(self) -> Decimal:
        return self.cost_after - self.cost_before

    @property
    def uncovered(self) -> list[Replacement]:
        return [r for r in self.replacements if r.chosen is None]

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
    production: Production, who: dict[int, str | None], location: dict[int, str | None]
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


def vendor_name(production: Production, vendor: str | None) -> str:
    """``Caméra Océan Indien (LOUEURCAM)``, or the id alone."""
    table = production.table("vendors")
    i = production.ids("vendors").get(vendor or "")
    if table is None or i is None:
        return vendor or ""
    name = table.col("name")[i]
    return f"{name} ({vendor})" if name else str(vendor)


def vendor_contact(production: Production, vendor: str) -> str:
    """``Réunion Image Services, Sandrine Morel, +262 262 28 90 14, contact@ris.example.org``."""
    table = production.table("vendors")
    i = production.ids("vendors").get(vendor)
    if table is None or i is None:
        return vendor
    parts = [table.col(c)[i] for c in ("name", "contact", "phone", "email")]
    return ", ".join(str(p) for p in parts if p) or vendor


def backup_vendor(production: Production, vendor: str | None) -> str | None:
    """The vendor's named backup (Vendors: backup / secours), if it is a known vendor."""
    table = production.table("vendors")
    i = production.ids("vendors").get(vendor or "")
    if table is None or i is None:
        return None
    backup = table.col("backup")[i]
    return str(backup) if backup and str(backup) in production.ids("vendors") else None


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
        places = _lost_places(production, scenario)
        if scenario.kind == "lose-location" and scenario.target not in production.ids("locations"):
            raise UnknownId(scenario.target)
        for e, day in enumerate(ev.day):
            if ev.table is None or day is None:
                continue
            if ev.location[e] in places and _in_period(day, scenario):
                begins = ev.start[e]
                start = begins if begins is not None else day.toordinal() * DAY
                found.append(Hit(e, None, None, (ev.table.cell(e, "location"),), start=start))
    found.sort(key=lambda h: (h.start, h.event, h.booking or 0))
    return found


def _lost_places(production: Production, scenario: Scenario) -> set[str]:
    if scenario.kind == "rain":
        return production.outdoor_locations()
    if scenario.kind == "lose-location":
        return {str(scenario.target)}
    return set()


# --- candidates ---------------------------------------------------------------------------


class _Pools:
    """Who or what could stand in for a hit, and what the event already holds."""

    def __init__(self, a: Analyses, scenario: Scenario) -> None:
        from prodsheets.checks.conflicts import travel_times

        self.production = p = a.production
        self.schedule = a.schedule
        self.scenario = scenario
        self.lost_vendor = str(scenario.target) if scenario.kind == "lose-vendor" else None
        self.backup = backup_vendor(p, self.lost_vendor)
        self.lost_places = _lost_places(p, scenario)
        self.travel = travel_times(p)
        bookings = p.table("bookings")
        self.booked_who: list[Any] = bookings.col("who") if bookings is not None else []
        self.roles: list[Any] = bookings.col("role") if bookings is not None else []
        self.quantity: list[Any] = bookings.col("quantity") if bookings is not None else []
        self.on_event: dict[int, list[int]] = {}  # event record → booking records
        if bookings is not None:
            index = a.schedule.events.index
            for i, eid in enumerate(bookings.col("event")):
                e = index.get(eid) if eid is not None else None
                if e is not None:
                    self.on_event.setdefault(e, []).append(i)

    # -- bookings

    def for_booking(self, hit: Hit) -> list[Candidate]:
        who = str(hit.who)
        if who in self.schedule.people:
            return self._people(who, self.roles[hit.booking] if hit.booking is not None else None)
        return self._resources(who)

    def _people(self, who: str, role: object) -> list[Candidate]:
        crew = self.production.table("crew")
        if crew is None:
            return []
        ids = self.production.ids("crew")
        i = ids[who]
        role_key = schema.normalise(role or crew.col("role")[i] or "")
        dept_key = schema.normalise(crew.col("department")[i] or "")
        backup = crew.col("backup")[i]
        found: list[Candidate] = []
        for other, j in ids.items():
            if other == who:
                continue
            if other == backup:
                why, tier = Bilingual("named backup", "remplaçant désigné"), BACKUP
            elif role_key and schema.normalise(crew.col("role")[j] or "") == role_key:
                why, tier = Bilingual("same role", "même poste"), BACKUP
            elif dept_key and schema.normalise(crew.col("department")[j] or "") == dept_key:
                why, tier = Bilingual("same department", "même département"), SAME
            else:
                continue
            found.append(Candidate(other, ZERO, why, "person", rank=(tier, 0)))
        return found

    def _resources(self, who: str) -> list[Candidate]:
        table = self.production.table("resources")
        if table is None:
            return []
        ids = self.production.ids("resources")
        kind = schema.normalise(table.col("kind")[ids[who]] or "")
        if not kind:
            return []
        vendors = table.col("vendor")
        found: list[Candidate] = []
        for other, j in ids.items():
            if other == who or schema.normalise(table.col("kind")[j] or "") != kind:
                continue
            if self.lost_vendor is not None and vendors[j] == self.lost_vendor:
                continue
            if self.backup is not None and vendors[j] == self.backup:
                why = words("backup_vendors", vendor=self.backup)
                found.append(Candidate(other, ZERO, why, "resource", rank=(BACKUP, 0)))
            else:
                why = Bilingual("same kind", "même type")
                found.append(Candidate(other, ZERO, why, "resource", rank=(SAME, 0)))
        return found

    def vendor_to_ask(self, hit: Hit) -> Candidate | None:
        """The vendor to call when nothing listed can stand in for a resource."""
        who = str(hit.who)
        if who not in self.schedule.resources:
            return None
        if self.lost_vendor is not None:
            if self.backup is None:
                return None
            why = words(
                "ask_backup",
                vendor=vendor_name(self.production, self.backup),
                lost=self.lost_vendor,
            )
            return Candidate(self.backup, ZERO, why, "vendor", False, (ASK, 0))
        table = self.production.table("resources")
        vendor = table.col("vendor")[self.schedule.resources[who]] if table is not None else None
        if not vendor:
            return None
        why = words("ask_vendor", vendor=vendor_name(self.production, str(vendor)))
        return Candidate(str(vendor), ZERO, why, "vendor", False, (ASK, 0))

    def has_kind(self, who: str) -> bool:
        table = self.production.table("resources")
        i = self.schedule.resources.get(who)
        return table is not None and i is not None and bool(table.col("kind")[i])

    def need(self, record: int, who: str) -> tuple[str, str]:
        """What a booking is for: (key, label), its role for a person, its kind for a thing."""
        s = self.schedule
        if who in s.people:
            crew = self.production.table("crew")
            role = self.roles[record] if record < len(self.roles) else None
            if not role and crew is not None:
                role = crew.col("role")[s.people[who]]
            return schema.normalise(role or ""), str(role or "")
        if who in s.resources:
            table = self.production.table("resources")
            kind = table.col("kind")[s.resources[who]] if table is not None else None
            return schema.normalise(kind or ""), str(kind or "")
        return "", ""

    def already_on(self, hit: Hit, candidate: str, plan: dict[int, str | None]) -> Rejection | None:
        """The candidate is booked on the hit's event already: say so, and what it keeps."""
        assert hit.booking is not None and hit.who is not None
        records = self.on_event.get(hit.event, [])

        def now(i: int) -> str | None:
            return plan[i] if i in plan else self.booked_who[i]

        theirs = [i for i in records if i != hit.booking and now(i) == candidate]
        if not theirs:
            return None
        event = self.schedule.event_id(hit.event)
        need, label = self.need(hit.booking, hit.who)
        own, own_label = self.need(theirs[0], candidate)
        thing = candidate in self.schedule.resources
        if need and own == need:

            def count(who_of: Any) -> int:
                total = 0
                for i in records:
                    w = who_of(i)
                    if w is not None and self.need(i, str(w))[0] == need:
                        q = self.quantity[i] if i < len(self.quantity) else None
                        total += q if isinstance(q, int) and q > 0 else 1
                return total

            had = count(lambda i: self.booked_who[i])
            keeps = count(now)
            key = "already_same_kind" if thing else "already_same"
            reason = words(key, event=event, need=label, keeps=keeps, had=had)
        else:
            key = "already_other_kind" if thing else "already_other"
            reason = words(key, event=event, need=own_label or candidate)
        return Rejection(candidate, reason, None, event)

    # -- events

    def for_event(self, e: int) -> list[Candidate]:
        p = self.production
        events = p.table("events")
        assert events is not None
        places = p.ids("locations")
        found: list[Candidate] = []
        cover = events.col("cover")[e]
        cover = str(cover) if cover is not None else None
        if cover in places and cover not in self.lost_places:
            why = words("cover_location")
            found.append(Candidate(cover, ZERO, why, "location", True, (BACKUP, 0)))
        elif cover is not None and cover in p.ids("events"):
            why = words("cover_event")
            found.append(Candidate(cover, ZERO, why, "event", False, (BACKUP, 0)))
        origin = self.schedule.events.location[e]
        outdoor = p.outdoor_locations()
        indoor_only = self.scenario.kind == "rain"
        for place in places:
            if place in (cover, origin) or place in self.lost_places:
                continue
            if indoor_only and place in outdoor:
                continue
            away = self.travel.get((str(origin), place))
            key = "free_indoor" if indoor_only else "free_place"
            why = words(key) if away is None else words(key + "_away", minutes=away // MINUTE)
            rank = (NEAR, away if away is not None else 10**9)
            found.append(Candidate(place, ZERO, why, "location", True, rank))
        return found


def _order(c: Candidate) -> tuple[Any, ...]:
    return (c.rank[0], c.cost, c.rank[1], not c.applicable, c.id)


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
    production = a.production
    scenario = resolved(production, scenario)
    affected = hits(a, scenario)
    bookings = production.table("bookings")
    pools = _Pools(a, scenario)
    cost_before = planned_cost(a)
    # Each booking hit keeps its id in the conflicts' keys, whoever replaces it.
    replaced = {
        bookings.rows[h.booking]: str(h.who)
        for h in affected
        if h.booking is not None and bookings is not None
    }
    # Hits not settled yet are out of the schedule: a lost booking left out, an event hit
    # without a location (it is moving anyway).
    who: dict[int, str | None] = {h.booking: None for h in affected if h.booking is not None}
    where: dict[int, str | None] = {h.event: None for h in affected if h.booking is None}
    replacements: list[Replacement] = []
    # The plan so far: its conflicts and cost, worked out only when a candidate needs them,
    # and carried over from the candidate chosen (its trial is the next plan).
    plan: tuple[Conflicts, Decimal] | None = None
    already: Conflicts | None = None  # today's conflicts: never a candidate's doing
    for hit in affected:
        rep = Replacement(hit)
        replacements.append(rep)
        booked = hit.booking is not None
        options = pools.for_booking(hit) if booked else pools.for_event(hit.event)
        tried: dict[str, tuple[Conflicts, Decimal]] = {}
        places = trials = 0
        for option in sorted(options, key=_order):
            if not option.applicable:
                rep.candidates.append(option)
                continue
            if option.rank[0] == NEAR:
                if places >= MAX_PLACES or trials >= MAX_PLACE_TRIALS:
                    continue
                trials += 1
            oid = option.id
            if plan is None:
                state = variant(production, who, where)
                plan = conflicts_of(state, replaced), planned_cost(state)
            if already is None:
                already = conflicts_of(a, replaced)
            before, base = plan
            if hit.booking is not None:
                trial = variant(production, {**who, hit.booking: oid}, where)
            else:
                trial = variant(production, who, {**where, hit.event: oid})
            found = conflicts_of(trial, replaced)
            new = [f for k, f in found.items() if k not in before and k not in already]
            if new:
                there = pools.already_on(hit, oid, who) if hit.booking is not None else None
                if there is not None:
                    rep.rejected.append(there)
                else:
                    message = new[0]
                    rep.rejected.append(Rejection(oid, Said(message.message), message))
                continue
            tried[oid] = found, planned_cost(trial)
            places += option.rank[0] == NEAR
            rep.candidates.append(dataclasses.replace(option, cost=tried[oid][1] - base))
        if hit.booking is not None and not any(c.applicable for c in rep.candidates):
            ask = pools.vendor_to_ask(hit)
            if ask is not None:
                rep.candidates.append(ask)
        rep.candidates.sort(key=_order)
        best = rep.candidates[0] if rep.candidates else None
        if best is not None and best.applicable:
            rep.chosen = best
            if hit.booking is not None:
                who[hit.booking] = best.id
            else:
                where[hit.event] = best.id
            plan = tried[best.id]
    # What stays uncovered keeps its cost at today's rates: put back as it was, for money.
    kept = {k: v if v is not None else pools.booked_who[k] for k, v in who.items()}
    settled = plan[1] if plan is not None else planned_cost(variant(production, who, where))
    cost_after = planned_cost(variant(production, kept, where))
    _price_arrangements(production, replacements, who, where)
    return WhatIf(
        a,
        scenario,
        affected,
        replacements,
        cost_before,
        cost_after,
        who,
        where,
        uncovered_cost=cost_after - settled,
    )


def _price_arrangements(
    production: Production,
    replacements: list[Replacement],
    who: dict[int, str | None],
    where: dict[int, str | None],
) -> None:
    """A vendor to ask is counted at the lost hire's rate: what putting it back adds, in time
    order on top of the previous ones (a second booking the same day adds nothing)."""
    base: Decimal | None = None
    back = dict(who)
    for rep in replacements:
        ask = rep.by_hand
        if ask is None or ask.kind != "vendor" or rep.hit.booking is None:
            continue
        if base is None:
            base = planned_cost(variant(production, back, where))
        back[rep.hit.booking] = rep.hit.who
        cost = planned_cost(variant(production, back, where))
        ask.cost, base = cost - base, cost
