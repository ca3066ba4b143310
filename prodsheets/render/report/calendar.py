"""calendars/<id>.ics: one calendar per crew member with their bookings (icalendar).

Times are in the production's time zone (Production › timezone / fuseau horaire, e.g.
Indian/Reunion; UTC when none is set or it is unknown).

Calendars update instead of doubling. Each event's UID comes from the booking's event
and person (``le-grand-depart.S11.LUCIE@prodsheets``), never from its row, so inserting
a row in the bookings sheet changes no UID. The report's snapshot
(:mod:`prodsheets.diff.snapshot`) keeps each event's SEQUENCE and a fingerprint of what
it said: a booking that changed keeps its UID with a higher SEQUENCE, and a booking
removed since the last report is published again as STATUS:CANCELLED, with a higher
SEQUENCE, so that a calendar importing the new file drops it. Everything an event says
comes from the production's state (:mod:`prodsheets.diff.state`), the same the changes
are worked out from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from prodsheets.diff.snapshot import CalendarEntry
from prodsheets.diff.state import Booked, State
from prodsheets.render.report.data import Report
from prodsheets.schedule.timeline import to_datetime

_SAFE = re.compile(r"[A-Za-z0-9_-]")


def _escape(part: str) -> str:
    """An id as one UID segment: letters, digits, ``_`` and ``-`` kept, the rest %XX."""
    return "".join(
        c if _SAFE.fullmatch(c) else "".join(f"%{b:02X}" for b in c.encode()) for c in part
    )


def uid(prefix: str, b: Booked) -> str:
    """``le-grand-depart.S11.LUCIE@prodsheets`` (``.2`` for a second booking of the pair)."""
    base = f"{b.event}/{b.who}"
    occurrence = b.key[len(base) + 1 :] if b.key.startswith(base + "#") else ""
    tail = f".{_escape(occurrence)}" if occurrence else ""
    return f"{prefix}.{_escape(b.event)}.{_escape(b.who)}{tail}@prodsheets"


def timezone(report: Report) -> Any:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = report.production.settings.get("timezone")
    if name:
        try:
            return ZoneInfo(str(name).strip())
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return dt.UTC


def _line(text: str) -> str:
    """One line: a name typed with Alt+Enter keeps its words, not its line break (a
    calendar's name and an event's summary and place are shown on one line)."""
    return " ".join(text.split())


def _event(state: State, b: Booked, u: str, sequence: int, previous: str | None) -> CalendarEntry:
    """What a booking's calendar event says, from a state."""
    events = state.record("events", b.event)
    title = events.fields.get("title") if events is not None else None
    summary = _line(f"{b.event} · {title}" if title else b.event)
    place = None
    if b.location is not None:
        record = state.record("locations", b.location)
        if record is not None:
            name = record.fields.get("name") or b.location
            address = record.fields.get("address")
            place = _line(f"{name}, {address}" if address else name)
        else:
            place = _line(b.location)
    booking = state.record("bookings", b.key)
    role = booking.fields.get("role") if booking is not None else None
    description = " — ".join([state.title, *([role] if role else [])])
    start, end = to_datetime(b.start).isoformat(), to_datetime(b.end).isoformat()
    said = [start, end, summary, place, description]
    mark = hashlib.sha256(json.dumps(said).encode()).hexdigest()[:16]
    if previous is not None and previous != mark:
        sequence += 1
    return CalendarEntry(
        u, b.key, b.who, sequence, mark, False, state.name(b.who), start, end, summary, place,
        description,
    )  # fmt: skip


def entries(
    state: State,
    prefix: str,
    previous: Mapping[str, CalendarEntry] | None = None,
    before: State | None = None,
) -> dict[str, CalendarEntry]:
    """Every calendar event to publish: each crew member's bookings, each with its
    SEQUENCE, and as cancelled those published before (``previous``, from the state
    ``before``) that are gone."""
    previous = previous or {}
    out: dict[str, CalendarEntry] = {}
    for b in state.booked.values():
        if not b.person:
            continue
        u = uid(prefix, b)
        was = previous.get(u)
        if was is None:
            out[u] = _event(state, b, u, 0, None)
        elif was.cancelled:  # booked again: the same UID comes back, confirmed
            out[u] = _event(state, b, u, was.sequence + 1, None)
        else:
            out[u] = _event(state, b, u, was.sequence, was.fingerprint)
    for u, was in previous.items():
        if u in out:
            continue
        if not was.cancelled:
            gone = before.booked.get(was.key) if before is not None else None
            if gone is None or before is None:
                continue  # nothing left to say what it was: never published again
            said = _event(before, gone, u, was.sequence, None)
            was = replace(said, sequence=was.sequence + 1, cancelled=True)
        out[u] = was
    return out


def members(state: State, published: Mapping[str, CalendarEntry]) -> list[str]:
    """Crew ids with a calendar event (booked, or cancelled since), in the Crew sheet's order."""
    have = {e.who for e in published.values()}
    crew = list(state.records("crew"))
    return [w for w in crew if w in have] + sorted(have - set(crew))


def calendar_for(report: Report, who: str, published: Mapping[str, CalendarEntry]) -> bytes:
    import icalendar

    tz = timezone(report)
    mine = sorted((e for e in published.values() if e.who == who), key=lambda e: (e.start, e.uid))
    name = next((e.name for e in mine if not e.cancelled), mine[0].name if mine else who)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//prodsheets//report//" + report.lang.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _line(f"{report.title} — {name}"))
    if hasattr(tz, "key"):
        cal.add("x-wr-timezone", tz.key)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for e in mine:
        event = icalendar.Event()
        event.add("uid", e.uid)
        event.add("dtstamp", stamp)
        event.add("sequence", e.sequence)
        event.add("status", "CANCELLED" if e.cancelled else "CONFIRMED")
        event.add("dtstart", dt.datetime.fromisoformat(e.start).replace(tzinfo=tz))
        event.add("dtend", dt.datetime.fromisoformat(e.end).replace(tzinfo=tz))
        event.add("summary", e.summary)
        if e.location:
            event.add("location", e.location)
        event.add("description", e.description)
        cal.add_component(event)
    if hasattr(cal, "add_missing_timezones"):
        cal.add_missing_timezones()
    ical: bytes = cal.to_ical()
    return ical
