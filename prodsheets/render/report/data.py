"""What every report shows, gathered once from a production: plain data, no files.

The findings, the money and the schedule come from the check's result
(:func:`prodsheets.pipeline.check`): nothing is computed again here.
Each call sheet day holds its events in order, who and what is called when, contacts,
the cover plans of outdoor events and the findings that point at the day's rows.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prodsheets.costs.reconcile import Reconciliation
from prodsheets.findings import Finding, summary
from prodsheets.i18n.formats import clock as say_clock
from prodsheets.i18n.words import REPORT
from prodsheets.model import Production
from prodsheets.money import exact
from prodsheets.pipeline import CheckResult
from prodsheets.schedule.dates import Span
from prodsheets.schedule.intervals import Schedule
from prodsheets.schedule.timeline import DAY

# A day-out-of-days sheet keeps its totals within Excel's 16,384 columns.
MAX_DOOD_DAYS = 16_000
# An event whose kind says travel marks a "travel" day in the day-out-of-days.
_TRAVEL = ("travel", "trajet", "voyage", "deplacement", "transfert", "transfer")


@dataclass
class EventRow:
    index: int  # record index in the Events table
    id: str
    date: dt.date
    start: int | None  # seconds (timeline.DAY per day)
    end: int | None
    title: str
    kind: str
    notes: str
    location_id: str | None
    location_name: str | None
    address: str | None
    outdoor: bool
    cover: str | None  # the cover, said: a location's name and address, or an event
    people: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    risks: list[tuple[str, str]] = field(default_factory=list)  # (risk, backup plan)


@dataclass
class Call:
    """One person (or resource) on one day: first call, last wrap, the events."""

    who: str
    name: str
    role: str
    call: int
    wrap: int
    events: list[str]
    quantity: int = 1
    vendor: str = ""


@dataclass
class Contact:
    name: str
    role: str
    phone: str
    email: str


@dataclass
class Day:
    date: dt.date
    events: list[EventRow]
    calls: list[Call]
    resources: list[Call]
    contacts: list[Contact]
    findings: list[Finding]

    @property
    def general_call(self) -> int | None:
        return min((c.call for c in self.calls), default=None)


@dataclass
class Report:
    production: Production
    lang: str
    findings: list[Finding]
    reconciliation: Reconciliation | None
    schedule: Schedule | None
    days: list[Day]
    dood_people: list[tuple[str, str, str]]  # (id, name, role)
    dood_dates: list[dt.date]
    dood: dict[str, dict[dt.date, str]]  # who → date → "work" | "travel"
    generated: dt.date = field(default_factory=dt.date.today)

    @property
    def words(self) -> dict[str, str]:
        return REPORT[self.lang]

    @property
    def title(self) -> str:
        return self.production.title

    @property
    def currency(self) -> str:
        return self.production.currency

    @property
    def summary(self) -> dict[str, int]:
        return summary(self.findings)

    @property
    def slug(self) -> str:
        return slug(self.title)

    @property
    def bookings(self) -> int:
        return len(self.schedule.bookings) if self.schedule is not None else 0

    @property
    def first_day(self) -> dt.date | None:
        return self.production.start or (self.days[0].date if self.days else None)

    @property
    def last_day(self) -> dt.date | None:
        return self.production.end or (self.days[-1].date if self.days else None)


def slug(text: str) -> str:
    """``Le Grand Départ`` → ``le-grand-depart``: ASCII, lower case, dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "production"


def _str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return str(value)


@exact
def gather(result: CheckResult, lang: str | None = None) -> Report:
    """The report's data for the first production of a check result."""
    production = result.productions[0]
    lang = lang or production.language
    if production.unreadable:
        return Report(production, lang, result.findings, None, None, [], [], [], {})
    a = result.analyses[0]
    rec, s = a.reconciliation, a.schedule
    days = _days(production, s, result.findings)
    people, dates, marks = _day_out_of_days(production, s, a.span)
    return Report(production, lang, result.findings, rec, s, days, people, dates, marks)


def _column(production: Production, table: str, column: str) -> list[Any]:
    t = production.table(table)
    return t.col(column) if t is not None else []


def _event_rows(production: Production, s: Schedule) -> dict[int, EventRow]:
    """Every dated event, by record index, with its location and cover said."""
    ev = s.events
    table = ev.table
    if table is None:
        return {}
    loc_ids = production.ids("locations")
    loc_name = _column(production, "locations", "name")
    loc_address = _column(production, "locations", "address")
    loc_outdoor = _column(production, "locations", "outdoor")
    titles, kinds, notes, covers = (
        table.col("title"),
        table.col("kind"),
        table.col("notes"),
        table.col("cover"),
    )
    ids = table.col("id")
    risks = _risks_by_link(production)
    out: dict[int, EventRow] = {}
    for e, day in enumerate(ev.day):
        if day is None or ids[e] is None:
            continue
        lid = ev.location[e]
        li = loc_ids.get(str(lid)) if lid is not None else None
        cover = covers[e]
        cover_text = None
        if cover is not None:
            ci = loc_ids.get(str(cover))
            if ci is not None:
                parts = [_str(loc_name[ci]) or str(cover), _str(loc_address[ci])]
                cover_text = " — ".join(p for p in parts if p)
            else:
                ce = ev.index.get(cover)
                title = _str(titles[ce]) if ce is not None else ""
                cover_text = f"{cover} {title}".strip()
        eid = str(ids[e])
        out[e] = EventRow(
            index=e,
            id=eid,
            date=day,
            start=ev.start[e],
            end=ev.end[e],
            title=_str(titles[e]),
            kind=_str(kinds[e]),
            notes=_str(notes[e]),
            location_id=None if lid is None else str(lid),
            location_name=(_str(loc_name[li]) or str(lid)) if li is not None else _str(lid),
            address=_str(loc_address[li]) if li is not None else None,
            outdoor=bool(li is not None and loc_outdoor[li] is True),
            cover=cover_text,
            risks=list(
                dict.fromkeys(risks.get(eid, []) + (risks.get(str(lid), []) if lid else []))
            ),
        )
    return out


def _risks_by_link(production: Production) -> dict[str, list[tuple[str, str]]]:
    table = production.table("risks")
    out: dict[str, list[tuple[str, str]]] = {}
    if table is None:
        return out
    for _, risk, plan, linked in table.records("risk", "backup_plan", "linked_to"):
        if not risk or not linked:
            continue
        for ref in linked if isinstance(linked, tuple) else (linked,):
            out.setdefault(str(ref), []).append((_str(risk), _str(plan)))
    return out


def _days(production: Production, s: Schedule, findings: Sequence[Finding]) -> list[Day]:
    """One call sheet's worth of data per day that has events."""
    events = _event_rows(production, s)
    b = s.bookings
    crew = production.table("crew")
    roles_booked = b.table.col("role") if b.table is not None else []
    crew_role = _column(production, "crew", "role")
    crew_phone = _column(production, "crew", "phone")
    crew_email = _column(production, "crew", "email")
    res_vendor = _column(production, "resources", "vendor")
    vendor_ids = production.ids("vendors")
    vendor_name = _column(production, "vendors", "name")

    # day → who → [call, wrap, roles, events, peak quantity]
    people: dict[dt.date, dict[str, list[Any]]] = {}
    things: dict[dt.date, dict[str, list[Any]]] = {}
    event_people: dict[int, list[str]] = {}
    event_things: dict[int, list[str]] = {}
    for n in range(len(b)):
        e = b.event[n]
        row = events.get(e)
        if row is None:
            continue
        who = b.who[n]
        is_person = who in s.people
        bucket = (people if is_person else things).setdefault(row.date, {})
        got = bucket.get(who)
        role = _str(roles_booked[b.row[n]]) if roles_booked else ""
        if got is None:
            bucket[who] = [b.start[n], b.end[n], [role] if role else [], [row.id], b.quantity[n]]
        else:
            got[0] = min(got[0], b.start[n])
            got[1] = max(got[1], b.end[n])
            if role and role not in got[2]:
                got[2].append(role)
            if row.id not in got[3]:
                got[3].append(row.id)
            got[4] = max(got[4], b.quantity[n])
        (event_people if is_person else event_things).setdefault(e, []).append(who)

    for e, row in events.items():
        row.people = [s.name(w) for w in dict.fromkeys(event_people.get(e, ()))]
        row.resources = [s.name(w) for w in dict.fromkeys(event_things.get(e, ()))]

    by_date: dict[dt.date, list[EventRow]] = {}
    for row in events.values():
        by_date.setdefault(row.date, []).append(row)

    day_of_row = _rows_by_day(s, events)
    day_findings: dict[dt.date, list[Finding]] = {}
    for f in findings:
        seen: set[dt.date] = set()
        for loc in f.locations:
            if loc.sheet is None or loc.row is None:
                continue
            d = day_of_row.get((loc.file, loc.sheet, loc.row))
            if d is not None and d not in seen:
                seen.add(d)
                day_findings.setdefault(d, []).append(f)

    out = []
    for date in sorted(by_date):
        rows = sorted(by_date[date], key=lambda r: (r.start is None, r.start or 0, r.id))
        calls = []
        for who, (call, wrap, roles, evs, _) in people.get(date, {}).items():
            i = s.people[who]
            role = ", ".join(roles) or _str(crew_role[i] if crew is not None else "")
            calls.append(Call(who, s.name(who), role, call, wrap, evs))
        calls.sort(key=lambda c: (c.call, c.name))
        resources = []
        for who, (call, wrap, _, evs, qty) in things.get(date, {}).items():
            vendor = ""
            ri = s.resources.get(who)
            if ri is not None and res_vendor:
                vid = res_vendor[ri]
                vi = vendor_ids.get(str(vid)) if vid is not None else None
                vendor = (_str(vendor_name[vi]) or str(vid)) if vi is not None else _str(vid)
            resources.append(Call(who, s.name(who), "", call, wrap, evs, qty, vendor))
        resources.sort(key=lambda c: (c.call, c.name))
        contacts = [
            Contact(
                c.name,
                c.role,
                _str(crew_phone[s.people[c.who]]) if crew_phone else "",
                _str(crew_email[s.people[c.who]]) if crew_email else "",
            )
            for c in sorted(calls, key=lambda c: c.name)
        ]
        contacts += _vendor_contacts(production, {r.vendor for r in resources if r.vendor})
        out.append(Day(date, rows, calls, resources, contacts, day_findings.get(date, [])))
    return out


def _vendor_contacts(production: Production, names: set[str]) -> list[Contact]:
    table = production.table("vendors")
    if table is None or not names:
        return []
    out = []
    for _, vid, name, service, contact, phone, email in table.records(
        "id", "name", "service", "contact", "phone", "email"
    ):
        shown = _str(name) or _str(vid)
        if shown in names:
            who = f"{shown} ({contact})" if contact else shown
            out.append(Contact(who, _str(service), _str(phone), _str(email)))
    return out


def _rows_by_day(s: Schedule, events: dict[int, EventRow]) -> dict[tuple[str, str, int], dt.date]:
    """(file, sheet, row) of every event and booking → its day: how findings find their day."""
    out: dict[tuple[str, str, int], dt.date] = {}
    et = s.events.table
    if et is not None:
        for e, row in events.items():
            out[(et.file, et.sheet, et.rows[e])] = row.date
    bt = s.bookings.table
    if bt is not None:
        b = s.bookings
        for n in range(len(b)):
            booked = events.get(b.event[n])
            if booked is not None:
                out[(bt.file, bt.sheet, bt.rows[b.row[n]])] = booked.date
    return out


def _day_out_of_days(
    production: Production, s: Schedule, span: Span
) -> tuple[list[tuple[str, str, str]], list[dt.date], dict[str, dict[dt.date, str]]]:
    """People × dates: a working day, a travel day (an event whose kind says travel), or off.

    Every day from the first to the last booked day near the production's centre (and its
    start and end, unless they are typos), then each far day booked, apart: a year typed
    9999 adds one column, not three million.
    """
    b, ev = s.bookings, s.events
    kinds = ev.table.col("kind") if ev.table is not None else []
    travel = [
        isinstance(k, str)
        and unicodedata.normalize("NFKD", k)
        .encode("ascii", "ignore")
        .decode()
        .casefold()
        .startswith(_TRAVEL)
        for k in kinds
    ]
    marks: dict[str, dict[dt.date, str]] = {}
    for n in range(len(b)):
        who = b.who[n]
        if who not in s.people:
            continue
        e = b.event[n]
        day = ev.day[e]
        if day is None:
            continue
        mine = marks.setdefault(who, {})
        mark = "travel" if travel and travel[e] else "work"
        if mine.get(day) != "work":
            mine[day] = mark
    if not marks:
        return [], [], {}
    booked = {d for m in marks.values() for d in m}
    near = sorted(d for d in booked if not span.far(d))
    dates: list[dt.date] = []
    if near:
        first, last = near[0], near[-1]
        start, end = production.start, production.end
        if start is not None and start < first and not span.far(start):
            first = start
        if end is not None and last < end <= first + dt.timedelta(days=366) and not span.far(end):
            last = end
        dates = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    dates = sorted({*dates, *(d for d in booked if span.far(d))})[:MAX_DOOD_DAYS]
    role = _column(production, "crew", "role")
    people = [(who, s.name(who), _str(role[i]) if role else "") for who, i in s.people.items()]
    people = [p for p in people if p[0] in marks]
    return people, dates, marks


# --- words shared by the renderers -----------------------------------------------------


def clock(value: int | None) -> str:
    """``08:30`` (``15:01:30`` when the seconds count); blank for no time."""
    return "" if value is None else say_clock(value)


def clock_on(value: int | None, day: dt.date) -> str:
    if value is None:
        return ""
    extra = value // DAY - day.toordinal()
    return clock(value) + (f" (+{extra})" if extra > 0 else "")


def relative_link(path: str | None, out: Path) -> str | None:
    """The source workbook's path relative to the output folder, with forward slashes.

    Always in a form no reader takes for a scheme: ``./javascript:alert(1).xlsx``, never
    ``javascript:alert(1).xlsx`` (a workbook may be named so and reported into its own
    folder). Another drive on Windows gives an absolute path.
    """
    if not path:
        return None
    import os

    try:
        relative = Path(os.path.relpath(Path(path).resolve(), out.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_posix()
    return relative if relative.startswith("../") else "./" + relative


def href(path: str | None, out: Path) -> str | None:
    """A link for a web page to the workbook: relative, percent-encoded (``%3A`` for ``:``,
    ``%23`` for ``#``), so its name can never be read as a scheme, a query or an anchor."""
    target = relative_link(path, out)
    if target is None:
        return None
    if target.startswith(("./", "../")):
        from urllib.parse import quote

        return quote(target, safe="/.")
    return Path(target).as_uri()  # another drive: file:///D:/…
