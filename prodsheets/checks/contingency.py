"""Contingency: the plans B a production keeps, checked (design section 4).

* an outdoor event (its location says outdoor / extérieur) without a cover (``PS501``);
* a critical vendor without a backup vendor (``PS502``);
* a key person without a backup (``PS503``, info): someone whose role nobody else in the
  crew holds, booked on days when nobody of their department is booked with them, with no
  backup / remplaçant named. Cast (contract artist) are left to the risk register, and a
  Crew sheet without a backup column does not track backups: the check stays silent;
* a risk without an owner or a backup plan (``PS504``);
* a risk scored probability × impact at or above the Production's risk threshold
  (default 12) without a mitigation (``PS505``).

A placeholder typed instead of a plan (``None yet``, ``aucun``, ``TBD``, ``à définir``,
``-``) counts as no plan. The what-if scenarios live in :mod:`prodsheets.whatif`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from prodsheets import catalogue as C
from prodsheets.analyses import Analyses
from prodsheets.contract import schema
from prodsheets.findings import Finding
from prodsheets.i18n import Bilingual, and_list
from prodsheets.i18n.formats import say_date
from prodsheets.model import Production
from prodsheets.schedule.intervals import Schedule

DEFAULT_RISK_THRESHOLD = Decimal(12)

# What producers type when there is no plan yet (normalised: no case, accents, spaces).
_PLACEHOLDERS = {
    "",
    "none",
    "noneyet",
    "nothing",
    "nothingyet",
    "no",
    "non",
    "na",
    "nd",
    "tbd",
    "tbc",
    "todo",
    "aucun",
    "aucune",
    "aucunpourlinstant",
    "rien",
    "neant",
    "adefinir",
    "afaire",
    "avoir",
    "pasencore",
    "nonyet",
}


def is_blank_plan(value: object) -> bool:
    """True for an empty cell or a placeholder such as ``None yet`` or ``à définir``."""
    if value is None:
        return True
    return schema.normalise(value) in _PLACEHOLDERS


# --- outdoor events --------------------------------------------------------------------


def outdoor_without_cover(a: Analyses) -> Iterator[Finding]:
    production = a.production
    events = production.table("events")
    outdoor = production.outdoor_locations()
    if events is None or not outdoor:
        return
    s = a.schedule
    for i, eid, day, place, cover in events.records("id", "date", "location", "cover"):
        if eid is None or day is None or place not in outdoor or cover is not None:
            continue
        yield Finding(
            C.OUTDOOR_WITHOUT_COVER,
            {
                "event": s.event_label(i),
                "location": s.location_name(place),
                "when": s.event_when(i),
                "column": events.header("cover"),
                "day": day.isoformat(),
            },
            (events.cell(i, "cover"),),
        )


# --- vendors ---------------------------------------------------------------------------


def _booked_days(s: Schedule, who: list[str]) -> list[dt.date]:
    b, ev = s.bookings, s.events
    days = {ev.day[b.event[n]] for w in who for n in s.groups.get(w, ())}
    return sorted(d for d in days if d is not None)


def critical_vendor_without_backup(a: Analyses) -> Iterator[Finding]:
    production = a.production
    table = production.table("vendors")
    if table is None or not table.has("critical"):
        return
    s = a.schedule
    for i, vid, name, critical, backup in table.records("id", "name", "critical", "backup"):
        if vid is None or critical is not True or backup is not None:
            continue
        resources = production.vendor_resources(str(vid))
        days = _booked_days(s, resources)
        uses = Bilingual("", "")
        if days:
            names = ", ".join(s.name(r) for r in resources if r in s.groups)
            first, last = say_date(days[0]), say_date(days[-1])
            uses = Bilingual(
                f" (its {names} booked from {first['en']} to {last['en']})",
                f" (ses {names} sont réservés du {first['fr']} au {last['fr']})",
            )
        label = f"{name} ({vid})" if name else str(vid)
        yield Finding(
            C.CRITICAL_VENDOR_WITHOUT_BACKUP,
            {
                "vendor": label,
                "uses": uses,
                "column": table.header("backup"),
                "table": production.table_label("vendors"),
            },
            (table.cell(i, "backup"),),
        )


# --- key people ------------------------------------------------------------------------


def key_person_without_backup(a: Analyses) -> Iterator[Finding]:
    """One finding per person: the days they are booked, and where the first one is."""
    production = a.production
    crew = production.table("crew")
    if crew is None or not crew.has("backup") or not crew.has("role"):
        return
    s = a.schedule
    counts: dict[str, int] = {}
    for _, role, dept in crew.records("role", "department"):
        for key in (f"role:{schema.normalise(role or '')}", f"dept:{schema.normalise(dept or '')}"):
            counts[key] = counts.get(key, 0) + 1
    days = a.work_days
    spans = days.spans()
    for i, who, role, dept, contract, backup in crew.records(
        "id", "role", "department", "contract", "backup"
    ):
        if who is None or backup is not None or not role or contract == "artist":
            continue
        if who not in spans or counts[f"role:{schema.normalise(role)}"] > 1:
            continue
        if dept and counts[f"dept:{schema.normalise(dept)}"] > 1:
            continue  # a colleague of the department can stand in
        worked = [days.at(g) for g in range(*spans[who])]
        first = worked[0]
        place = s.location_name(s.events.location[s.bookings.event[first.first]])
        yield Finding(
            C.KEY_PERSON_WITHOUT_BACKUP,
            {
                "who": s.name(who),
                "role": role,
                "department": Bilingual(
                    f"the {dept} department" if dept else "the crew",
                    f"le département {dept}" if dept else "l'équipe",
                ),
                "days": days_text([d.day for d in worked]),
                "first": say_date(first.day),
                "where": Bilingual(f" at {place}", f" à {place}") if place else "",
                "column": crew.header("backup"),
                "id": who,
            },
            (crew.cell(i, "backup"), s.booking_cell(first.first)),
        )


def days_text(days: list[dt.date]) -> Bilingual:
    """``on 2026-03-09 and 2026-03-10`` / ``les 09/03/2026 et 10/03/2026``; a long run of
    days as ``on 10 days, from … to …`` / ``10 jours, du … au …``."""
    if len(days) <= 3:
        en = and_list([say_date(d)["en"] for d in days], "en")
        fr = and_list([say_date(d)["fr"] for d in days], "fr")
        return Bilingual(f"on {en}", f"{'le' if len(days) == 1 else 'les'} {fr}")
    a, z = say_date(days[0]), say_date(days[-1])
    return Bilingual(
        f"on {len(days)} days, from {a['en']} to {z['en']}",
        f"{len(days)} jours, du {a['fr']} au {z['fr']}",
    )


# --- risks -----------------------------------------------------------------------------


def risk_threshold(production: Production) -> Decimal:
    value = production.settings.get("risk_threshold")
    return Decimal(value) if value is not None else DEFAULT_RISK_THRESHOLD


def _linked(value: object) -> Bilingual:
    if not value:
        return Bilingual("", "")
    ids = ", ".join(value) if isinstance(value, tuple) else str(value)
    return Bilingual(f" (linked to {ids})", f" (concerne {ids})")


def risks_without_plan(a: Analyses) -> Iterator[Finding]:
    production = a.production
    table = production.table("risks")
    if table is None:
        return
    for i, rid, risk, owner, plan, linked in table.records(
        "id", "risk", "owner", "backup_plan", "linked_to"
    ):
        if rid is None:
            continue
        missing: list[str] = []
        if table.has("owner") and owner is None:
            missing.append("owner")
        if table.has("backup_plan") and is_blank_plan(plan):
            missing.append("backup_plan")
        if not missing:
            continue
        words = {
            "owner": Bilingual("owner", "de responsable"),
            "backup_plan": Bilingual("backup plan", "de plan de secours"),
        }
        yield Finding(
            C.RISK_WITHOUT_PLAN,
            {
                "id": rid,
                "risk": risk or "",
                "linked": _linked(linked),
                "missing": Bilingual(
                    " or ".join(words[m]["en"] for m in missing),
                    " ni ".join(words[m]["fr"] for m in missing),
                ),
                "columns": Bilingual(
                    " and ".join(table.header(m)["en"] for m in missing),
                    " et ".join(table.header(m)["fr"] for m in missing),
                ),
            },
            tuple(table.cell(i, m) for m in missing),
        )


def top_risks_without_mitigation(a: Analyses) -> Iterator[Finding]:
    production = a.production
    table = production.table("risks")
    if table is None or not table.has("probability") or not table.has("impact"):
        return
    threshold = risk_threshold(production)
    setting = schema.PRODUCTION.column("risk_threshold")
    for i, rid, risk, p, impact, mitigation, linked in table.records(
        "id", "risk", "probability", "impact", "mitigation", "linked_to"
    ):
        if rid is None or p is None or impact is None:
            continue
        if not (1 <= p <= 5 and 1 <= impact <= 5):
            continue  # out of the scale: said by PS120, not scored
        score = p * impact
        if score < threshold or not is_blank_plan(mitigation):
            continue
        yield Finding(
            C.TOP_RISK_WITHOUT_MITIGATION,
            {
                "id": rid,
                "risk": risk or "",
                "linked": _linked(linked),
                "probability": p,
                "impact": impact,
                "score": score,
                "threshold": f"{threshold.normalize():f}",
                "column": table.header("mitigation"),
                "setting": Bilingual(f"“{setting.en}”", f"« {setting.fr} »"),
            },
            (table.cell(i, "mitigation"),),
        )
