"""What every report shows, gathered once from a production: plain data, no files.

The findings, the money and the schedule come from the check's result
(:func:`prodsheets.pipeline.check`): nothing is computed again here.
Each call sheet day holds its events in order, who and what is called when (with HMC,
ready and confirmation when the Bookings say them), its scenes and pages, meals, the
locations with parking, the nearest hospital and the sun's times, contacts, the cover
plans of outdoor events and the findings that point at the day's rows.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prodsheets.costs.hot import HotCosts
from prodsheets.costs.reconcile import Reconciliation
from prodsheets.diff import Diff
from prodsheets.findings import Finding, summary
from prodsheets.i18n.formats import clock as say_clock
from prodsheets.i18n.words import REPORT
from prodsheets.model import Production
from prodsheets.money import exact
from prodsheets.pipeline import CheckResult
from prodsheets.schedule import kinds
from prodsheets.schedule.dood import DayOutOfDays, Totals, shooting_days
from prodsheets.schedule.intervals import Schedule
from prodsheets.schedule.sun import sun_times
from prodsheets.schedule.timeline import DAY, seconds


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
    scene: str = ""
    pages: int | None = None  # eighths of a page
    int_ext: str | None = None  # a choice key: int, ext, int_ext
    day_night: str | None = None  # day, night, dawn, dusk
    meal: bool = False  # an event of kind meal / repas

    @property
    def strip(self) -> bool:
        """Whether the event is a scene of the script (a scene, pages, int/ext or effect)."""
        return bool(self.scene or self.pages is not None or self.int_ext or self.day_night)


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
    hmc: int | None = None  # hair, make-up and costume (timeline seconds)
    ready: int | None = None  # ready on set (PAT)
    confirmed: bool | None = None  # None: the Bookings have no confirmed column


@dataclass
class Place:
    """A location of the day as the call sheet gives it, with the sun's times there."""

    id: str
    name: str
    address: str
    parking: str
    hospital: str
    hospital_address: str
    hospital_phone: str
    sunrise: dt.time | None = None
    sunset: dt.time | None = None
    zone: str = ""
    has_sun: bool = False  # coordinates were given

    @property
    def safety(self) -> bool:
        return bool(self.parking or self.hospital or self.hospital_address or self.hospital_phone)


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
    number: int | None = None  # the production day: « Jour 3 / 24 »
    of: int = 0
    places: list[Place] = field(default_factory=list)
    confirmations: bool = False  # the Bookings have a confirmed column

    @property
    def general_call(self) -> int | None:
        return min((c.call for c in self.calls), default=None)

    @property
    def scenes(self) -> list[EventRow]:
        return [e for e in self.events if e.strip]

    @property
    def pages(self) -> int | None:
        """The day's total pages, in eighths (None when no event gives pages)."""
        given = [e.pages for e in self.events if e.pages is not None]
        return sum(given) if given else None

    @property
    def meals(self) -> list[EventRow]:
        return [e for e in self.events if e.meal]

    @property
    def unconfirmed(self) -> list[Call]:
        return [c for c in self.calls if c.confirmed is False]

    @property
    def times(self) -> bool:
        """Whether anyone has an HMC or ready time (the columns are shown then)."""
        return any(c.hmc is not None or c.ready is not None for c in self.calls)


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
    dood: dict[str, dict[dt.date, str]]  # who → date → SW, W, WF, SWF, H, T, R, F
    dood_totals: dict[str, Totals] = field(default_factory=dict)
    days_off: frozenset[dt.date] = frozenset()  # the unit's days off (no event at all)
    hot: HotCosts = field(default_factory=HotCosts)
    generated: dt.date = field(default_factory=dt.date.today)
    # What changed since the last report into the same folder (set by ``build``).
    changes: Diff | None = None
    since: dt.datetime | None = None  # when that report was made

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
    def unconfirmed(self) -> list[tuple[Day, Call]]:
        """Everyone called who has not confirmed, day by day (with a confirmed column)."""
        return [(day, c) for day in self.days for c in day.unconfirmed]

    @property
    def confirmations(self) -> bool:
        return any(day.confirmations for day in self.days)

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
    findings = sorted(result.findings, key=Finding.by_severity)  # errors first, by place
    if production.unreadable:
        return Report(production, lang, findings, None, None, [], [], [], {})
    a = result.analyses[0]
    rec, s = a.reconciliation, a.schedule
    days = _days(production, s, findings)
    dood = a.day_out_of_days
    people = _dood_people(production, s, dood)
    return Report(
        production,
        lang,
        findings,
        rec,
        s,
        days,
        people,
        dood.dates,
        dood.codes,
        {who: dood.totals(who) for who in dood.people},
        dood.days_off,
        a.hot_costs,
    )


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
    titles, event_kinds, notes, covers = (
        table.col("title"),
        table.col("kind"),
        table.col("notes"),
        table.col("cover"),
    )
    scenes, pages, int_ext, day_night = (
        table.col("scene"),
        table.col("pages"),
        table.col("int_ext"),
        table.col("day_night"),
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
            kind=_str(event_kinds[e]),
            notes=_str(notes[e]),
            location_id=None if lid is None else str(lid),
            location_name=(_str(loc_name[li]) or str(lid)) if li is not None else _str(lid),
            address=_str(loc_address[li]) if li is not None else None,
            outdoor=bool(li is not None and loc_outdoor[li] is True),
            cover=cover_text,
            risks=list(
                dict.fromkeys(risks.get(eid, []) + (risks.get(str(lid), []) if lid else []))
            ),
            scene=_str(scenes[e]),
            pages=pages[e],
            int_ext=int_ext[e],
            day_night=day_night[e],
            meal=kinds.is_meal(event_kinds[e]),
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

    hmc_col = b.table.col("hmc") if b.table is not None else []
    ready_col = b.table.col("ready") if b.table is not None else []
    confirmations = b.table is not None and b.table.has("confirmed")
    confirmed_col = b.table.col("confirmed") if b.table is not None else []

    def moment(day: dt.date, t: dt.time | None) -> int | None:
        return None if t is None else day.toordinal() * DAY + seconds(t)

    # day → who → [call, wrap, roles, events, peak quantity, hmc, ready, all confirmed]
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
        hmc = moment(row.date, hmc_col[b.row[n]]) if hmc_col else None
        ready = moment(row.date, ready_col[b.row[n]]) if ready_col else None
        confirmed = confirmed_col[b.row[n]] is True if confirmations else None
        if got is None:
            bucket[who] = [
                b.start[n],
                b.end[n],
                [role] if role else [],
                [row.id],
                b.quantity[n],
                hmc,
                ready,
                confirmed,
            ]
        else:
            got[0] = min(got[0], b.start[n])
            got[1] = max(got[1], b.end[n])
            if role and role not in got[2]:
                got[2].append(role)
            if row.id not in got[3]:
                got[3].append(row.id)
            got[4] = max(got[4], b.quantity[n])
            got[5] = _earliest(got[5], hmc)
            got[6] = _earliest(got[6], ready)
            if confirmations:
                got[7] = got[7] and confirmed
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

    shooting = shooting_days(s)
    number = {d: k for k, d in enumerate(shooting, start=1)}
    out = []
    for date in sorted(by_date):
        rows = sorted(by_date[date], key=lambda r: (r.start is None, r.start or 0, r.id))
        calls = []
        for who, (call, wrap, roles, evs, _, hmc, ready, ok) in people.get(date, {}).items():
            i = s.people[who]
            role = ", ".join(roles) or _str(crew_role[i] if crew is not None else "")
            calls.append(Call(who, s.name(who), role, call, wrap, evs, 1, "", hmc, ready, ok))
        calls.sort(key=lambda c: (c.call, c.name))
        resources = []
        for who, (call, wrap, _, evs, qty, *_) in things.get(date, {}).items():
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
        out.append(
            Day(
                date,
                rows,
                calls,
                resources,
                contacts,
                day_findings.get(date, []),
                number.get(date),
                len(shooting),
                _places(production, rows, date),
                confirmations,
            )
        )
    return out


def _earliest(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _places(production: Production, events: list[EventRow], day: dt.date) -> list[Place]:
    """The day's locations, in order of first use, with what the call sheet says of them."""
    table = production.table("locations")
    if table is None:
        return []
    ids = production.ids("locations")
    timezone = production.settings.get("timezone")
    out = []
    for lid in dict.fromkeys(e.location_id for e in events if e.location_id):
        i = ids.get(lid)
        if i is None:
            continue
        place = Place(
            lid,
            _str(table.col("name")[i]) or lid,
            _str(table.col("address")[i]),
            _str(table.col("parking")[i]),
            _str(table.col("hospital")[i]),
            _str(table.col("hospital_address")[i]),
            _str(table.col("hospital_phone")[i]),
        )
        latitude, longitude = table.col("latitude")[i], table.col("longitude")[i]
        if latitude is not None and longitude is not None:
            sun = sun_times(latitude, longitude, day, timezone)
            if sun is not None:
                place.sunrise, place.sunset, place.zone = sun
                place.has_sun = True
        out.append(place)
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
    """(file, sheet, row) of every event and booking → its day: how findings find their day.

    Every booking of a dated event counts, timed or not (an event with a start and no end
    gives its bookings no times, and their findings still belong to the day).
    """
    out: dict[tuple[str, str, int], dt.date] = {}
    et = s.events.table
    if et is not None:
        for e, row in events.items():
            out[(et.file, et.sheet, et.rows[e])] = row.date
    bt = s.bookings.table
    if bt is not None:
        for i, eid in enumerate(bt.col("event")):
            found = s.events.index.get(eid) if eid is not None else None
            booked = events.get(found) if found is not None else None
            if booked is not None:
                out[(bt.file, bt.sheet, bt.rows[i])] = booked.date
    return out


def _dood_people(
    production: Production, s: Schedule, dood: DayOutOfDays
) -> list[tuple[str, str, str]]:
    """(id, name, role) of each person in the day-out-of-days, in Crew's order."""
    role = _column(production, "crew", "role")
    return [(who, s.name(who), _str(role[s.people[who]]) if role else "") for who in dood.people]


# --- words shared by the renderers -----------------------------------------------------


def clock(value: int | None) -> str:
    """``08:30`` (``15:01:30`` when the seconds count); blank for no time."""
    return "" if value is None else say_clock(value)


def day_title(report: Report, day: dt.date, number: int | None, of: int) -> str:
    """« jeudi 12 mars 2026 · Jour 4 / 6 »: a day as the call sheet and reports head it."""
    from prodsheets.i18n.formats import date as date_text

    text = date_text(day, report.lang, "full")
    if number is None:
        return text
    return f"{text} · {report.words['production_day'].format(n=number, of=of)}"


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
