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

Nothing here writes a file except :func:`apply_plan`, which writes a modified copy of
the workbooks into another folder and never touches the originals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from prodsheets import schema
from prodsheets.contingency import event_text, event_when, outdoor_locations
from prodsheets.costs_report import decimal_text
from prodsheets.findings import Bilingual, Finding, Location
from prodsheets.formats import money as say_amount
from prodsheets.formats import say_date
from prodsheets.model import Production
from prodsheets.schedule import schedule_of

ZERO = Decimal(0)
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

    def describe(self, production: Production) -> Bilingual:
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

        s = schedule_of(production)
        p = period()
        if self.kind == "absent":
            name = s.name(self.target or "")
            return Bilingual(f"{name} absent{p['en']}", f"{name} absent(e){p['fr']}")
        if self.kind == "lose-location":
            name = s.location_name(self.target) or self.target
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
    start: int = 0  # minutes, for ordering


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
    production: Production
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
    def currency(self) -> str:
        return self.production.currency


class UnknownId(ValueError):
    pass


# --- the production, changed in memory -------------------------------------------------


def variant(
    production: Production, who: dict[int, str | None], location: dict[int, str]
) -> Production:
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
    return dataclasses.replace(production, tables=tables, cache={})


def conflicts_of(production: Production) -> dict[tuple[Any, ...], Finding]:
    """The conflict and working-time findings, keyed by code and cells (ids included)."""
    from prodsheets import conflicts, hours

    found: dict[tuple[Any, ...], Finding] = {}
    for check in (
        conflicts.double_bookings,
        conflicts.location_double_bookings,
        conflicts.over_capacity,
        conflicts.unavailable,
        conflicts.travel_time,
        hours.working_time,
    ):
        for f in check(production):
            key = (f.code.code, *((x.file, x.sheet, x.cell, x.id) for x in f.locations))
            found.setdefault(key, f)
    return found


def planned_cost(production: Production) -> Decimal:
    from prodsheets.costs import reconcile

    return reconcile(production).total.planned


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


def hits(production: Production, scenario: Scenario) -> list[Hit]:
    s = schedule_of(production)
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
            from prodsheets.contingency import vendor_resources

            lost = set(vendor_resources(production, str(scenario.target)))
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
            places = outdoor_locations(production)
        assert ev.table is not None or not len(ev.day)
        for e in range(len(ev.day)):
            if ev.location[e] in places and _in_period(ev.day[e], scenario):
                start = ev.start[e] if ev.start[e] is not None else ev.day[e].toordinal() * 1440  # type: ignore[union-attr]
                found.append(Hit(e, None, None, (ev.table.cell(e, "location"),), start=start))  # type: ignore[union-attr]
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
            outdoor_locations(production)
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


def what_if(production: Production, scenario: Scenario) -> WhatIf:
    s = schedule_of(production)
    affected = hits(production, scenario)
    bookings = production.table("bookings")
    roles = bookings.col("role") if bookings is not None else []
    cost_before = planned_cost(production)
    who: dict[int, str | None] = {h.booking: None for h in affected if h.booking is not None}
    where: dict[int, str] = {}
    lost_vendor = scenario.target if scenario.kind == "lose-vendor" else None
    replacements: list[Replacement] = []
    # The plan so far: its conflicts and cost, worked out only when a candidate needs them,
    # and carried over from the candidate chosen (its trial is the next plan).
    plan: tuple[dict[Any, Finding], Decimal] | None = None
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
        tried: dict[str, tuple[dict[Any, Finding], Decimal]] = {}
        for oid, why, kind in options:
            if kind == "event":
                rep.candidates.append(Candidate(oid, ZERO, why, kind, applicable=False))
                continue
            if plan is None:
                state = variant(production, who, where)
                plan = conflicts_of(state), planned_cost(state)
            before, base = plan
            if hit.booking is not None:
                trial = variant(production, {**who, hit.booking: oid}, where)
            else:
                trial = variant(production, who, {**where, hit.event: oid})
            found = conflicts_of(trial)
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
    return WhatIf(production, scenario, affected, replacements, cost_before, cost_after, who, where)


# --- output -------------------------------------------------------------------------------


def _event_id(result: WhatIf, e: int) -> str:
    return schedule_of(result.production).event_id(e)


def to_json(result: WhatIf, lang: str) -> dict[str, Any]:
    return {
        "production": result.production.title,
        "language": lang,
        "currency": result.currency,
        "scenario": {
            **result.scenario.to_json(),
            "text": result.scenario.describe(result.production)[lang],
        },
        "affected": [
            {
                "event": _event_id(result, h.event),
                "who": h.who,
                "locations": [loc.to_json() for loc in h.locations],
            }
            for h in result.affected
        ],
        "replacements": [
            {
                "event": _event_id(result, r.hit.event),
                "who": r.hit.who,
                "candidates": [
                    {"id": c.id, "cost": decimal_text(c.cost), "why": c.why[lang], "kind": c.kind}
                    for c in r.candidates
                ],
                "chosen": r.chosen.id if r.chosen else None,
                "rejected": [
                    {"id": oid, "code": f.code.code, "reason": f.message(lang)}
                    for oid, f in r.rejected
                ],
            }
            for r in result.replacements
        ],
        "cost_before": decimal_text(result.cost_before),
        "cost_after": decimal_text(result.cost_after),
        "cost_delta": decimal_text(result.cost_delta),
    }


def render_text(result: WhatIf, lang: str) -> str:
    fr = lang == "fr"
    p = result.production
    s = schedule_of(p)
    cur = result.currency
    colon = " : " if fr else ": "

    def money(v: Decimal) -> str:
        text = say_amount(v, cur, lang)
        return ("+" + text) if v > 0 else text

    def hit_text(h: Hit) -> str:
        ev = event_text(s, h.event)[lang]
        when = event_when(s, h.event)[lang]
        place = s.location_name(s.events.location[h.event]) or "?"
        head = f"{s.name(h.who)} — " if h.who else ""
        return f"{head}{ev}, {when}, {place}  [{', '.join(str(x) for x in h.locations)}]"

    out = [
        f"{p.title} — scénario : {result.scenario.describe(p)[lang]}"
        if fr
        else f"{p.title} — scenario: {result.scenario.describe(p)[lang]}",
        "",
    ]
    if not result.affected:
        out.append("Rien n'est touché." if fr else "Nothing is hit.")
    else:
        out.append(f"Touché ({len(result.affected)}) :" if fr else f"Hit ({len(result.affected)}):")
        out += [f"  {hit_text(h)}" for h in result.affected]
        out += ["", "Remplacements :" if fr else "Replacements:"]
    for r in result.replacements:
        h = r.hit
        label = _event_id(result, h.event) + (f" {h.who}" if h.who else "")
        if r.chosen is not None:
            name = _candidate_name(s, r.chosen)
            line = f"  {label} → {r.chosen.id}{name} ({r.chosen.why[lang]}, {money(r.chosen.cost)})"
            others = [c for c in r.candidates if c is not r.chosen]
            if others:
                alt = ", ".join(f"{c.id} {money(c.cost)}" for c in others[:4])
                more = f" (+{len(others) - 4})" if len(others) > 4 else ""
                line += f" ; {'sinon' if fr else 'else'} {alt}{more}"
        else:
            line = f"  {label}{colon}{'aucun remplacement' if fr else 'no replacement'}"
            manual = [c for c in r.candidates if not c.applicable]
            if manual:
                line += f" — {manual[0].why[lang]} : {manual[0].id}"
            elif not r.rejected:
                line += (
                    (" (pas de repli indiqué)" if fr else " (no cover given)")
                    if h.booking is None
                    else (" (personne d'éligible)" if fr else " (nobody eligible)")
                )
        out.append(line)
        for oid, f in r.rejected[:2] if r.chosen is None else ():
            out.append(f"      {oid} {'écarté' if fr else 'ruled out'}{colon}{f.message(lang)}")
    delta = result.cost_delta
    out += [
        "",
        (
            f"Coût prévu : {say_amount(result.cost_before, cur, lang)} → "
            f"{say_amount(result.cost_after, cur, lang)} ({money(delta)})"
            if fr
            else f"Planned cost: {say_amount(result.cost_before, cur, lang)} → "
            f"{say_amount(result.cost_after, cur, lang)} ({money(delta)})"
        ),
    ]
    return "\n".join(out) + "\n"


def _candidate_name(s: Any, c: Candidate) -> str:
    if c.kind == "location":
        name = s.location_name(c.id)
    elif c.kind in ("person", "resource"):
        name = s.name(c.id)
    else:
        name = c.id
    return f" ({name})" if name and name != c.id else ""


# --- --apply: a modified copy of the workbooks -------------------------------------------


def apply_plan(result: WhatIf, out: Path) -> list[Path]:
    """Write the workbooks holding Bookings and Events, with the plan applied, into ``out``.

    Each file is loaded with openpyxl and saved through a temporary file in ``out``, then
    renamed (as annotated copies are): a reader never sees half a file, and the originals
    are never opened for writing.
    """
    from prodsheets.excel.annotate import load_copy, save_copy

    p = result.production
    edits: dict[str, list[tuple[str, int, int, str]]] = {}  # path → (sheet, row, col, value)
    for key, column, changes in (
        ("bookings", "who", {k: v for k, v in result.who_changes.items() if v is not None}),
        ("events", "location", result.location_changes),
    ):
        table = p.table(key)
        if table is None or not changes:
            continue
        for i, value in changes.items():
            edits.setdefault(table.path, []).append(
                (table.sheet, table.rows[i], table.columns[column] + 1, value)
            )
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for path, cells in sorted(edits.items()):
        source = Path(path)
        if source.suffix.lower() not in (".xlsx", ".xlsm"):
            raise ValueError(
                f"{source.name} : prodsheets n'écrit que les .xlsx et .xlsm (enregistrez-le au "
                f"format .xlsx). / {source.name}: prodsheets writes only .xlsx and .xlsm "
                "(save it as .xlsx)."
            )
        target = out / source.name
        if target.resolve() == source.resolve():
            raise ValueError(
                f"{out} : c'est le dossier de la production ; choisissez-en un autre. / "
                f"{out} is the production's folder; choose another one."
            )
        wb = load_copy(source)
        for sheet, row, col, value in cells:
            wb[sheet].cell(row=row, column=col, value=value)
        save_copy(wb, target)
        written.append(target)
    return written
