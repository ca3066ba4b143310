"""Plannings as producers write them: slots still to fill, durations that disagree.

A booking whose *who* says « à pourvoir », "Vacant" or "TBD" is a slot to fill: said as
such, with its event, day and role, and kept out of the schedule (it is nobody's double
booking). A *duration / durée* column is checked against the start and end it
duplicates: when one was changed and not the other, one of them is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator

from prodsheets import catalogue as C
from prodsheets.analyses import Analyses
from prodsheets.findings import Finding
from prodsheets.i18n import Bilingual
from prodsheets.i18n.formats import clock, duration_text, say_date
from prodsheets.schedule.timeline import DAY, MINUTE


def vacant_slots(a: Analyses) -> Iterator[Finding]:
    """One finding per slot to fill: who is missing, where and when."""
    slots = a.production.vacant
    if slots is None:
        return
    s = a.schedule
    event_ids = a.production.ids("events")
    for i, eid, role, who, call, wrap in slots.records("event", "role", "who", "call", "wrap"):
        e = event_ids.get(str(eid)) if eid is not None else None
        day = s.events.day[e] if e is not None else None
        if e is None or day is None:
            at = Bilingual(str(eid or "?"), str(eid or "?"))
            yield Finding(
                C.VACANT_SLOT,
                {"found": who, "role": _as(role), "event": at},
                (slots.cell(i, "who"),),
            )
            continue
        label = s.event_label(e)
        if call is not None:  # the slot's own hours, as the row gives them
            times = f"{call:%H:%M}" + (f"–{wrap:%H:%M}" if wrap is not None else "")
            d = say_date(day)
            when = Bilingual(f"{d['en']} {times}", f"{d['fr']} {times}")
        else:
            when = s.event_when(e)
        place = s.location_name(s.events.location[e])
        where = f", {place}" if place and place not in label["en"] else ""
        at = Bilingual(
            f"{label['en']} ({when['en']}{where})", f"{label['fr']} ({when['fr']}{where})"
        )
        params = {"found": who, "role": _as(role), "event": at}
        yield Finding(C.VACANT_SLOT, params, (slots.cell(i, "who"),))


def _as(role: object) -> Bilingual:
    return Bilingual(f" ({role})", f" ({role})") if role else Bilingual("", "")


def durations(a: Analyses) -> Iterator[Finding]:
    """A duration more than a minute away from its event's start and end."""
    ev = a.schedule.events
    table = ev.table
    if table is None or "duration" not in table.values:
        return
    for e, given in enumerate(table.col("duration")):
        start, end = ev.start[e], ev.end[e]
        if given is None or start is None or end is None or not table.readable(e, "duration"):
            continue
        span = end - start
        if abs(span - int(given)) <= MINUTE or abs(span + DAY - int(given)) <= MINUTE:
            continue
        params = {
            "event": a.schedule.event_label(e),
            "column": table.header("duration"),
            "duration": duration_text(int(given)),
            "start": clock(start),
            "end": clock(end),
            "span": duration_text(span),
        }
        yield Finding(C.DURATION_MISMATCH, params, (table.cell(e, "duration"),))
