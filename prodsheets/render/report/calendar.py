"""calendars/<id>.ics: one calendar per crew member with their bookings (icalendar).

Times are in the production's time zone (Production › timezone / fuseau horaire, e.g.
Indian/Reunion; UTC when none is set or it is unknown). Each event's UID is
``<production-slug>-<booking row>@prodsheets``, stable from one run to the next, so that
importing a newer calendar updates the events instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from prodsheets.render.report.data import Report
from prodsheets.schedule.timeline import to_datetime


def members(report: Report) -> list[str]:
    """Crew ids with at least one booking, in the Crew sheet's order."""
    s = report.schedule
    if s is None:
        return []
    return [who for who in s.people if who in s.groups]


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


def calendar_for(report: Report, who: str) -> bytes:
    import icalendar

    s = report.schedule
    assert s is not None
    tz = timezone(report)
    lang = report.lang
    cal = icalendar.Calendar()
    cal.add("prodid", "-//prodsheets//report//" + lang.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _line(f"{report.title} — {s.name(who)}"))
    if hasattr(tz, "key"):
        cal.add("x-wr-timezone", tz.key)
    b, ev = s.bookings, s.events
    table = b.table
    assert table is not None and ev.table is not None
    titles = ev.table.col("title")
    ids = ev.table.col("id")
    roles = table.col("role")
    loc_ids = report.production.ids("locations")
    locations = report.production.table("locations")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for n in s.groups.get(who, ()):
        e = b.event[n]
        row = table.rows[b.row[n]]
        event = icalendar.Event()
        event.add("uid", f"{report.slug}-{row}@prodsheets")
        event.add("dtstamp", stamp)
        event.add("dtstart", to_datetime(b.start[n]).replace(tzinfo=tz))
        event.add("dtend", to_datetime(b.end[n]).replace(tzinfo=tz))
        title = titles[e] or ids[e]
        event.add("summary", _line(f"{ids[e]} · {title}" if titles[e] else str(title)))
        lid = ev.location[e]
        if lid is not None:
            li = loc_ids.get(str(lid))
            if li is not None and locations is not None:
                name = locations.col("name")[li] or lid
                address = locations.col("address")[li]
                event.add("location", _line(f"{name}, {address}" if address else str(name)))
            else:
                event.add("location", _line(str(lid)))
        role = roles[b.row[n]]
        details = [report.title]
        if role:
            details.append(str(role))
        event.add("description", " — ".join(details))
        cal.add_component(event)
    if hasattr(cal, "add_missing_timezones"):
        cal.add_missing_timezones()
    ical: bytes = cal.to_ical()
    return ical
