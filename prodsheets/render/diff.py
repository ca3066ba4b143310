"""What changed between two versions, said for people and for scripts.

For the production manager (``diff`` as text, the report's changes section): the
schedule by day, then by person (each event moved or changed, each booking added,
removed, replaced or moved), then the other tables, the findings that appeared or were
resolved, and the costs before and after. For each person whose bookings changed, a
notice in the second person: the lines that concern them (« Votre convocation du jeudi
12 mars passe de 08:00 à 07:00, Plage de l'Hermitage. »). For scripts, the stable JSON of
design section 5, amounts as decimal strings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from prodsheets.contract import schema
from prodsheets.diff.compare import ADDED, CHANGED, REMOVED, BookingChange, Change, CostLine, Diff
from prodsheets.diff.state import KEY_COLUMNS, SETTINGS, Amounts, Booked, Noted, State
from prodsheets.findings import Severity
from prodsheets.i18n import formats
from prodsheets.i18n.words import DIFF
from prodsheets.money import decimal_text
from prodsheets.schedule.timeline import DAY

SCHEDULE_TABLES = ("events", "bookings")


# --- JSON --------------------------------------------------------------------------------


def _amounts_json(a: Amounts) -> dict[str, str]:
    return {
        "budget": decimal_text(a.budget),
        "planned": decimal_text(a.planned),
        "estimate_at_completion": decimal_text(a.estimate_at_completion),
    }


def _cost_json(line: CostLine) -> dict[str, Any]:
    return {
        "before": _amounts_json(line.before),
        "after": _amounts_json(line.after),
        "delta": _amounts_json(line.delta),
    }


def to_json(diff: Diff, lang: str) -> dict[str, Any]:
    """The stable JSON of ``prodsheets diff --format json`` (design section 5)."""
    cost = None
    if diff.cost is not None:
        cost = {
            **_cost_json(diff.cost.total),
            "chapters": [
                {"chapter": str(c.label[lang]) or None, **_cost_json(c)} for c in diff.cost.chapters
            ],
        }
    return {
        "old": diff.old.path,
        "new": diff.new.path,
        "changes": [
            {
                "table": c.table,
                "id": c.id,
                "change": c.change,
                "fields": {k: {"old": o, "new": n} for k, (o, n) in c.fields.items()},
                "locations": [loc.to_json() for loc in c.locations],
            }
            for c in diff.changes
        ],
        "people": [{"id": n.who, "name": n.name, "changes": n.lines} for n in notices(diff, lang)],
        "cost": cost,
        "findings": {
            "new": [f.to_json(lang) for f in diff.new_findings],
            "resolved": [f.to_json(lang) for f in diff.resolved],
        },
    }


# --- how values and times are said -----------------------------------------------------


def _kind(table: str, column: str, record_key: str | None = None) -> tuple[str, str | None]:
    """A column's kind and choices (a setting's own, for the Production sheet)."""
    try:
        if table == SETTINGS:
            col = schema.PRODUCTION.column(record_key or "")
        else:
            col = schema.TABLES_BY_KEY[table].column(column)
    except KeyError:
        return schema.TEXT, None
    return col.kind, col.choices


def value_text(
    value: str | None, table: str, column: str, lang: str, currency: str, key: str | None = None
) -> str:
    """A value as text, said for a person: ``350,00 €``, ``12/03/2026``, ``oui``, ``CDD``."""
    if value is None:
        return DIFF[lang]["blank"]
    kind, choices = _kind(table, column, key)
    try:
        if kind == schema.MONEY:
            return formats.money(Decimal(value), currency, lang)
        if kind == schema.PERCENT or (kind == schema.FRINGE and _is_number(value)):
            return formats.percent(Decimal(value), lang)
        if kind == schema.DATE:
            return formats.date(dt.date.fromisoformat(value), lang)
    except (ArithmeticError, ValueError):
        return value
    if kind == schema.BOOL:
        yes, no = schema.YES_NO[lang]
        return yes if value == "yes" else no if value == "no" else value
    if kind == schema.CHOICE and choices is not None:
        return schema.choice_label(choices, value, lang)
    return value


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def field_name(table: str, column: str, lang: str) -> str:
    try:
        return schema.TABLES_BY_KEY[table].column(column).name(lang)
    except KeyError:
        return column


def day_text(day: dt.date, lang: str) -> str:
    """``jeudi 12 mars`` / ``Thursday 12 March``: a day as a message says it."""
    return formats.date(day, lang, "EEEE d MMMM")


def full_day(day: dt.date, lang: str) -> str:
    return formats.date(day, lang, "full")


def clock(value: int, day: dt.date) -> str:
    """``08:30``; ``00:30 (+1)`` after midnight of the working day."""
    extra = value // DAY - day.toordinal()
    return formats.clock(value) + (f" (+{extra})" if extra > 0 else "")


def span(b: Booked) -> str:
    return f"{clock(b.start, b.day)}–{clock(b.end, b.day)}"


def _dated_span(b: Booked, lang: str) -> str:
    d = formats.date(b.day, lang, "EEE d MMM")
    return f"{d} {span(b)}"


def _place(state: State, location: str | None) -> str:
    name = state.location_name(location)
    return f", {name}" if name else ""


def _event_label(state: State, event: str, lang: str) -> str:
    title = state.event_title(event)
    if not title:
        return event
    return DIFF[lang]["event_label"].format(event=event, title=title)


# --- each person's notice ------------------------------------------------------------------


@dataclass
class Notice:
    who: str
    name: str
    lines: list[str]


def notices(diff: Diff, lang: str) -> list[Notice]:
    """For every person whose bookings changed, the lines that concern them."""
    return [
        Notice(who, diff.name(who), [notice_line(diff, c, lang) for c in changes])
        for who, changes in diff.people()
    ]


def _several(diff: Diff, who: str, day: dt.date) -> bool:
    """Whether the person has more than one booking that day (so a line names its event)."""
    return any(len(state.days.get(day, {}).get(who, ())) > 1 for state in (diff.old, diff.new))


def notice_line(diff: Diff, c: BookingChange, lang: str) -> str:
    """One line of a person's notice, speaking to them."""
    w = DIFF[lang]
    if c.change == ADDED:
        n = c.new
        assert n is not None
        return w["n_added"].format(
            day=day_text(n.day, lang),
            span=span(n),
            place=_place(diff.new, n.location),
            event=_event_label(diff.new, n.event, lang),
        )
    o = c.old
    assert o is not None
    if c.change == REMOVED:
        return w["n_removed"].format(
            day=day_text(o.day, lang),
            event=o.event,
            span=span(o),
            place=_place(diff.old, o.location),
        )
    n = c.new
    assert n is not None
    event = f" ({o.event})" if _several(diff, o.who, o.day) or _several(diff, n.who, n.day) else ""
    place = _place(diff.new, n.location)
    moved_place = o.location != n.location
    if moved_place:
        old_place = diff.old.location_name(o.location) or w["blank"]
        place += w["instead_of"].format(old_place=old_place)
    day = day_text(o.day, lang)
    if o.day != n.day:
        return w["n_day"].format(
            day=day, event=event, new_day=day_text(n.day, lang), span=span(n), place=place
        )
    if o.start != n.start and o.end == n.end:
        return w["n_call"].format(
            day=day, event=event, old=clock(o.start, o.day), new=clock(n.start, n.day), place=place
        )
    if o.end != n.end and o.start == n.start:
        return w["n_wrap"].format(
            day=day, event=event, old=clock(o.end, o.day), new=clock(n.end, n.day), place=place
        )
    if o.start != n.start:
        return w["n_hours"].format(day=day, event=event, old=span(o), new=span(n), place=place)
    return w["n_place"].format(
        day=day,
        event=event,
        span=span(n),
        place=diff.new.location_name(n.location) or w["blank"],
        old_place=diff.old.location_name(o.location) or w["blank"],
    )


def notice_text(notice: Notice, title: str, lang: str, since: str | None = None) -> str:
    """The whole message for one person, ready to paste."""
    w = DIFF[lang]
    if since:
        intro = w["intro_since"].format(title=title, since=since)
    else:
        intro = w["intro"].format(title=title)
    lines = [
        w["hello"].format(name=notice.name),
        "",
        intro,
        "",
        *(f"- {line}" for line in notice.lines),
    ]
    return "\n".join(lines) + "\n"


# --- the changes, by day then person, for people -------------------------------------------


@dataclass
class Who:
    who: str
    name: str
    lines: list[str] = field(default_factory=list)


@dataclass
class DayChanges:
    day: dt.date | None
    title: str
    events: list[str] = field(default_factory=list)
    people: list[Who] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return [*self.events, *(line for p in self.people for line in p.lines)]


@dataclass
class CostRow:
    label: str
    before: Amounts
    after: Amounts
    delta: Amounts
    total: bool = False


@dataclass
class View:
    """The changes said in one language: what text, HTML, report.xlsx and call sheets show."""

    days: list[DayChanges]
    tables: list[tuple[str, list[str]]]  # (table's name, lines)
    new_findings: list[Noted]
    resolved: list[Noted]
    costs: list[CostRow]  # the chapters that moved, then the total
    notices: list[Notice]
    empty: bool

    def day(self, day: dt.date) -> DayChanges | None:
        return next((d for d in self.days if d.day == day), None)


def view(diff: Diff, lang: str) -> View:
    days: dict[dt.date | None, DayChanges] = {}

    def day_of(day: dt.date | None) -> DayChanges:
        found = days.get(day)
        if found is None:
            title = full_day(day, lang) if day is not None else DIFF[lang]["undated"]
            found = days[day] = DayChanges(day, title)
        return found

    def person(day: dt.date | None, who: str) -> Who:
        d = day_of(day)
        found = next((p for p in d.people if p.who == who), None)
        if found is None:
            found = Who(who, diff.name(who))
            d.people.append(found)
        return found

    for c in diff.changes:
        if c.table == "events":
            for day, line in _event_lines(diff, c, lang):
                day_of(day).events.append(line)
    shown = set()
    for b in diff.bookings:
        shown.add(b.key)
        for day in b.days:
            person(day, b.who).lines.append(_booking_line(diff, b, lang))
    for c in diff.changes:  # what a booking's row says beyond its times (role, notes…)
        if c.table != "bookings" or c.id in shown:
            continue
        record = c.new or c.old
        assert record is not None
        who, event = record.fields.get("who", "?"), record.fields.get("event", "?")
        booked = (diff.new if c.new else diff.old).booked.get(c.id)
        line = _booking_fields_line(diff, c, who, event, lang)
        person(booked.day if booked else _event_day(diff, event), who).lines.append(line)
    for d in days.values():
        d.people.sort(key=lambda p: (p.name.casefold(), p.who))
    ordered = sorted(days.values(), key=lambda d: (d.day is None, d.day or dt.date.min))

    tables: list[tuple[str, list[str]]] = []
    for c in diff.changes:
        if c.table in SCHEDULE_TABLES:
            continue
        label = _table_label(diff, c.table, lang)
        if not tables or tables[-1][0] != label:
            tables.append((label, []))
        tables[-1][1].append(_record_line(diff, c, lang))

    costs: list[CostRow] = []
    if diff.cost is not None:
        w = DIFF[lang]
        for chapter in diff.cost.chapters:
            if chapter.moved:
                name = str(chapter.label[lang]) or w["no_chapter"]
                costs.append(CostRow(name, chapter.before, chapter.after, chapter.delta))
        t = diff.cost.total
        costs.append(CostRow(w["total"], t.before, t.after, t.delta, total=True))
    return View(
        ordered,
        tables,
        diff.new_findings,
        diff.resolved,
        costs,
        notices(diff, lang),
        diff.empty,
    )


def _event_day(diff: Diff, event: str) -> dt.date | None:
    for state in (diff.new, diff.old):
        record = state.record("events", event)
        if record is not None and record.fields.get("date"):
            try:
                return dt.date.fromisoformat(record.fields["date"])
            except ValueError:
                return None
    return None


def _event_span(state: State, event: str) -> str:
    record = state.record("events", event)
    if record is None:
        return ""
    start, end = record.fields.get("start"), record.fields.get("end")
    if start and end:
        return f"{start}–{end}"
    return start or ""


def _fields_text(diff: Diff, c: Change, lang: str, skip: tuple[str, ...] = ()) -> str:
    w = DIFF[lang]
    currency = diff.new.currency
    parts = []
    for column, (old, new) in c.fields.items():
        if column in skip:
            continue
        parts.append(
            w["field"].format(
                field=field_name(c.table, column, lang),
                old=value_text(old, c.table, column, lang, currency),
                new=value_text(new, c.table, column, lang, currency),
            )
        )
    return w["sep"].join(parts)


def _event_lines(diff: Diff, c: Change, lang: str) -> list[tuple[dt.date | None, str]]:
    w = DIFF[lang]
    state = diff.old if c.change == REMOVED else diff.new
    record = c.new or c.old
    assert record is not None
    label = _event_label(state, c.id, lang)
    place = _place(state, record.fields.get("location"))
    when = _event_span(state, c.id)

    def day(value: str | None) -> dt.date | None:
        try:
            return dt.date.fromisoformat(value) if value else None
        except ValueError:
            return None

    if c.change == ADDED:
        return [
            (
                day(record.fields.get("date")),
                w["event_added"].format(event=label, span=when, place=place),
            )
        ]
    if c.change == REMOVED:
        return [
            (
                day(record.fields.get("date")),
                w["event_removed"].format(event=label, span=when, place=place),
            )
        ]
    old_day, new_day = c.fields.get("date", (None, None))
    if "date" in c.fields and old_day and new_day:
        a, z = day(old_day), day(new_day)
        line = w["event_moved"].format(
            event=label,
            old=day_text(a, lang) if a else old_day,
            new=day_text(z, lang) if z else new_day,
            span=when,
            place=place,
        )
        rest = _fields_text(diff, c, lang, skip=("date",))
        if rest:
            line += w["sep"] + rest
        return [(a, line), (z, line)]
    line = w["event_changed"].format(event=label, fields=_fields_text(diff, c, lang))
    return [(day(record.fields.get("date")), line)]


def _booking_line(diff: Diff, b: BookingChange, lang: str) -> str:
    w = DIFF[lang]
    name = diff.name(b.who)
    if b.change == ADDED:
        n = b.new
        assert n is not None
        if b.replaces is not None:
            return w["booking_replaces"].format(
                name=name,
                event=n.event,
                other=diff.name(b.replaces),
                span=span(n),
                place=_place(diff.new, n.location),
            )
        return w["booking_added"].format(
            name=name, event=n.event, span=span(n), place=_place(diff.new, n.location)
        )
    o = b.old
    assert o is not None
    if b.change == REMOVED:
        if b.replaced_by is not None:
            return w["booking_replaced"].format(
                name=name, event=o.event, other=diff.name(b.replaced_by)
            )
        return w["booking_removed"].format(
            name=name, event=o.event, span=span(o), place=_place(diff.old, o.location)
        )
    n = b.new
    assert n is not None
    if o.day != n.day:
        old, new = _dated_span(o, lang), _dated_span(n, lang)
    else:
        old, new = span(o), span(n)
    if o.location != n.location:
        old += _place(diff.old, o.location)
        new += _place(diff.new, n.location)
    return w["booking_moved"].format(name=name, event=o.event, old=old, new=new)


def _booking_fields_line(diff: Diff, c: Change, who: str, event: str, lang: str) -> str:
    w = DIFF[lang]
    if c.change == CHANGED:
        fields = _fields_text(diff, c, lang)
        return w["booking_fields"].format(name=diff.name(who), event=event, fields=fields)
    key = "booking_added" if c.change == ADDED else "booking_removed"
    state = diff.new if c.change == ADDED else diff.old
    events = state.record("events", event)
    place = _place(state, events.fields.get("location")) if events is not None else ""
    return w[key].format(
        name=diff.name(who), event=event, span=_event_span(state, event), place=place
    )


def _table_label(diff: Diff, table: str, lang: str) -> str:
    for state in (diff.new, diff.old):
        sheet = state.sheets.get(table)
        if sheet is not None:
            return sheet.sheet
    t = schema.TABLES_BY_KEY.get(table)
    return t.name(lang) if t is not None else table


def _record_line(diff: Diff, c: Change, lang: str) -> str:
    w = DIFF[lang]
    currency = diff.new.currency
    record = c.new or c.old
    assert record is not None
    if c.table == SETTINGS:
        try:
            label = schema.PRODUCTION.column(c.id).title(lang)
        except KeyError:
            label = c.id
        old, new = c.fields.get("value", (None, None))
        said = w["setting"].format(
            old=value_text(old, SETTINGS, "value", lang, currency, c.id),
            new=value_text(new, SETTINGS, "value", lang, currency, c.id),
        )
        return w["record_changed"].format(label=label, fields=said)
    name = record.name()
    label = f"{c.id} {name}" if name and name not in c.id else c.id
    if c.change == REMOVED:
        return w["record_removed"].format(label=label)
    if c.change == ADDED:
        table = schema.TABLES_BY_KEY[c.table]
        named = KEY_COLUMNS.get(c.table) or (table.id_column or "",)
        skip = (*named, "name", "description")
        parts = [
            f"{field_name(c.table, k, lang)} {value_text(v, c.table, k, lang, currency)}"
            for k, (_, v) in c.fields.items()
            if k not in skip
        ]
        return w["record_added"].format(
            label=label, fields=f" ({', '.join(parts)})" if parts else ""
        )
    return w["record_changed"].format(label=label, fields=_fields_text(diff, c, lang))


# --- a call sheet's marks -----------------------------------------------------------------


@dataclass
class DayMarks:
    """What a day's call sheet marks: what changed that day since the last report."""

    lines: list[str]  # the day's changes, as the changes section says them
    before: dict[str, tuple[int, int]]  # who → (first call, last wrap) that day, before
    gone: list[str]  # names booked that day before, and no longer
    events: dict[str, str]  # event id → "new" (added, or moved to this day) or "changed"
    events_gone: list[str]  # events taken off this day (removed, or moved to another)

    @property
    def anything(self) -> bool:
        return bool(self.lines or self.gone or self.events or self.events_gone)


def _calls(state: State, day: dt.date) -> dict[str, tuple[int, int]]:
    return {
        who: (min(b.start for b in mine), max(b.end for b in mine))
        for who, mine in state.days.get(day, {}).items()
    }


def day_marks(diff: Diff, v: View, day: dt.date, lang: str) -> DayMarks:
    before, after = _calls(diff.old, day), _calls(diff.new, day)
    gone = sorted((diff.name(w) for w in before if w not in after), key=str.casefold)
    events: dict[str, str] = {}
    events_gone: list[str] = []
    iso = day.isoformat()
    for c in diff.changes:
        if c.table != "events":
            continue
        old_day, new_day = (
            (c.old.fields.get("date") if c.old else None),
            (c.new.fields.get("date") if c.new else None),
        )
        if new_day == iso:
            events[c.id] = "changed" if old_day == iso else "new"
        elif old_day == iso:
            events_gone.append(_event_label(diff.old, c.id, lang))
    found = v.day(day)
    return DayMarks(found.lines if found else [], before, gone, events, events_gone)


# --- as text ---------------------------------------------------------------------------------


def _signed(amount: Decimal, currency: str, lang: str) -> str:
    text = formats.money(amount, currency, lang)
    return "+" + text if amount > 0 else text


def cost_change(before: Decimal, after: Decimal, currency: str, lang: str) -> str:
    return DIFF[lang]["cost_change"].format(
        before=formats.money(before, currency, lang),
        after=formats.money(after, currency, lang),
        delta=_signed(after - before, currency, lang),
    )


def finding_text(f: Noted, lang: str) -> str:
    where = str(f.location) if f.location else ""
    return f"{where}: {Severity(f.severity).label(lang)} {f.code} {f.message[lang]}"


def title_line(diff: Diff, lang: str, since: str | None = None) -> str:
    w = DIFF[lang]
    if since is not None:
        return w["title_since"].format(title=diff.new.title, since=since)
    return w["title"].format(title=diff.new.title, old=diff.old.path, new=diff.new.path)


def render_text(diff: Diff, lang: str, since: str | None = None) -> str:
    """``prodsheets diff`` for people: by day then person, the other tables, findings, costs."""
    w = DIFF[lang]
    v = view(diff, lang)
    out = [title_line(diff, lang, since), ""]
    if v.empty:
        return "\n".join([*out, w["nothing"]]) + "\n"
    for d in v.days:
        out.append(d.title)
        out += [f"  {line}" for line in d.lines]
        out.append("")
    for label, lines in v.tables:
        out.append(label)
        out += [f"  {line}" for line in lines]
        out.append("")
    for key, found in (("new_findings", v.new_findings), ("resolved", v.resolved)):
        if found:
            out.append(w[key].format(count=len(found)))
            out += [f"  {finding_text(f, lang)}" for f in found]
            out.append("")
    currency = diff.new.currency
    if v.costs and any(
        r.delta.planned or r.delta.estimate_at_completion or r.delta.budget for r in v.costs
    ):
        out.append(w["costs"])
        for r in v.costs:
            line = w["cost_line"].format(
                label=r.label,
                planned=cost_change(r.before.planned, r.after.planned, currency, lang),
                eac=cost_change(
                    r.before.estimate_at_completion, r.after.estimate_at_completion, currency, lang
                ),
            )
            if r.delta.budget:
                line += w["budget_line"].format(
                    budget=cost_change(r.before.budget, r.after.budget, currency, lang)
                )
            out.append(f"  {line}")
        out.append("")
    if v.notices:
        names = [n.name for n in v.notices]
        out.append(w["to_tell"].format(count=len(names), names=", ".join(names)))
    return "\n".join(out).rstrip("\n") + "\n"


def since_text(moment: dt.datetime, lang: str) -> str:
    """``26/11/2026 à 09:10`` / ``2026-11-26 at 09:10``: when the last report was made."""
    return DIFF[lang]["since"].format(
        date=formats.date(moment.date(), lang), time=moment.strftime("%H:%M")
    )
