"""Two states of a production side by side: what changed, for whom, and what it costs.

* **records**: each table's records matched by their keys (:mod:`prodsheets.diff.state`),
  so a row inserted or rows sorted are not changes; a record is added, removed, or
  changed in the fields that differ.
* **bookings as worked**: for each booking, its day, call, wrap and place as the person
  is told them, whether they were typed on the booking or come from its event. Moving
  an event moves everyone booked on it; a call typed differently but landing on the same
  minute moves no one. A booking removed and another added on the same event at the same
  times is a replacement.
* **findings**: by their code and the records they point at, so a finding whose cells
  moved with an inserted row is neither new nor resolved.
* **costs**: budget, planned and estimate at completion, before and after, by chapter
  (matched by name) and in total.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from prodsheets.contract import schema
from prodsheets.diff.state import SETTINGS, Amounts, Booked, Noted, Record, State
from prodsheets.findings import Location
from prodsheets.i18n import Bilingual

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class Change:
    """A record added, removed or changed (design section 5, ``diff --format json``)."""

    table: str
    id: str
    change: str  # added, removed, changed
    fields: Mapping[str, tuple[str | None, str | None]]  # field → (old, new), as text
    locations: tuple[Location, ...]  # in the new version; in the old one when removed
    old: Record | None
    new: Record | None


@dataclass(frozen=True)
class BookingChange:
    """A booking as the person (or resource) booked lives it: added, removed or moved."""

    key: str
    change: str  # added, removed, changed
    old: Booked | None
    new: Booked | None
    replaces: str | None = None  # added: who it takes over from
    replaced_by: str | None = None  # removed: who takes over

    @property
    def booked(self) -> Booked:
        found = self.new or self.old
        assert found is not None
        return found

    @property
    def who(self) -> str:
        return self.booked.who

    @property
    def event(self) -> str:
        return self.booked.event

    @property
    def days(self) -> tuple[dt.date, ...]:
        """The days it concerns: both when it moved from one day to another."""
        return tuple(sorted({b.day for b in (self.old, self.new) if b is not None}))


@dataclass(frozen=True)
class CostLine:
    label: Bilingual  # a chapter's name ("" for lines without a chapter); "" for the total
    before: Amounts
    after: Amounts

    @property
    def delta(self) -> Amounts:
        return self.after - self.before

    @property
    def moved(self) -> bool:
        d = self.delta
        return any((d.budget, d.planned, d.estimate_at_completion))


@dataclass(frozen=True)
class CostDiff:
    chapters: tuple[CostLine, ...]
    total: CostLine


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class Diff:
    old: State
    new: State
    changes: list[Change]
    bookings: list[BookingChange]
    new_findings: list[Noted]
    resolved: list[Noted]
    cost: CostDiff | None

    @property
    def empty(self) -> bool:
        """Nothing a production manager would act on changed."""
        moved = self.cost is not None and self.cost.total.moved
        return not (self.changes or self.bookings or self.new_findings or self.resolved or moved)

    def people(self) -> list[tuple[str, list[BookingChange]]]:
        """Each person whose bookings changed, by name, with their changes in time order."""
        mine: dict[str, list[BookingChange]] = {}
        for c in self.bookings:
            if c.booked.person:
                mine.setdefault(c.who, []).append(c)
        order = sorted(mine, key=lambda who: (self.name(who).casefold(), who))
        return [(who, sorted(mine[who], key=_when)) for who in order]

    def name(self, who: str) -> str:
        """A name as the new version says it (the old one's for someone who left)."""
        if self.new.record("crew", who) or self.new.record("resources", who):
            return self.new.name(who)
        return self.old.name(who)


def _when(c: BookingChange) -> tuple[dt.date, int, str]:
    b = c.booked
    return (b.day, b.start, c.key)


def compare(old: State, new: State) -> Diff:
    """What changed from ``old`` to ``new``."""
    return Diff(
        old,
        new,
        _changes(old, new),
        _bookings(old, new),
        *_findings(old, new),
        _cost(old, new),
    )


def _tables(old: State, new: State) -> list[str]:
    order = [SETTINGS, *(t.key for t in schema.TABLES if t.key != SETTINGS)]
    present = set(old.sheets) | set(new.sheets)
    return [t for t in order if t in present] + sorted(present - set(order))


def _changes(old: State, new: State) -> list[Change]:
    out: list[Change] = []
    for table in _tables(old, new):
        before, after = old.sheets.get(table), new.sheets.get(table)
        was = before.records if before is not None else {}
        for key, record in (after.records if after is not None else {}).items():
            assert after is not None
            previous = was.get(key)
            if previous is None:
                fields: dict[str, tuple[str | None, str | None]]
                fields = {c: (None, v) for c, v in record.fields.items()}
                out.append(
                    Change(table, key, ADDED, fields, (after.location(record),), None, record)
                )
                continue
            columns = [*after.letters, *record.fields, *previous.fields]
            changed = {
                c: (previous.fields.get(c), record.fields.get(c))
                for c in dict.fromkeys(columns)
                if previous.fields.get(c) != record.fields.get(c)
            }
            if changed:
                places = tuple(after.location(record, c) for c in changed)
                out.append(Change(table, key, CHANGED, changed, places, previous, record))
        now = after.records if after is not None else {}
        for key, record in was.items():
            assert before is not None
            if key not in now:
                fields = {c: (v, None) for c, v in record.fields.items()}
                place = (before.location(record),)
                out.append(Change(table, key, REMOVED, fields, place, record, None))
    return out


def _bookings(old: State, new: State) -> list[BookingChange]:
    was, now = old.records("bookings"), new.records("bookings")
    out: list[BookingChange] = []
    for key in dict.fromkeys([*was, *now]):
        before, after = old.booked.get(key), new.booked.get(key)
        if key not in now:
            if before is not None:
                out.append(BookingChange(key, REMOVED, before, None))
        elif key not in was:
            if after is not None:
                out.append(BookingChange(key, ADDED, None, after))
        elif before is not None and after is not None and before.when != after.when:
            out.append(BookingChange(key, CHANGED, before, after))
    # A booking removed and one added on the same event at the same times: a replacement.
    taken: set[int] = set()
    for i, gone in enumerate(out):
        if gone.change != REMOVED or gone.old is None:
            continue
        for j, came in enumerate(out):
            if j in taken or came.change != ADDED or came.new is None:
                continue
            a, b = gone.old, came.new
            if (a.event, a.start, a.end, a.person) == (b.event, b.start, b.end, b.person):
                taken.add(j)
                out[i] = replace(gone, replaced_by=b.who)
                out[j] = replace(came, replaces=a.who)
                break
    return sorted(out, key=_when)


def _findings(old: State, new: State) -> tuple[list[Noted], list[Noted]]:
    def missing(these: tuple[Noted, ...], there: tuple[Noted, ...]) -> list[Noted]:
        left = Counter(f.key for f in there)
        out = []
        for f in these:
            if left[f.key] > 0:
                left[f.key] -= 1
            else:
                out.append(f)
        return out

    def order(f: Noted) -> tuple[Any, ...]:
        """Errors first, then warnings and infos, each by place: whatever order the
        versions held them in (a report holds them by severity, a check by place)."""
        loc = f.location
        rank = {"error": 0, "warning": 1, "info": 2}.get(f.severity, 3)
        place = (loc.file, loc.sheet or "", loc.row or 0) if loc else ("", "", 0)
        return (rank, *place, f.key)

    new_ones = sorted(missing(new.findings, old.findings), key=order)
    return new_ones, sorted(missing(old.findings, new.findings), key=order)


def _cost(old: State, new: State) -> CostDiff | None:
    if old.costs is None and new.costs is None:
        return None
    zero = Amounts(Decimal(0), Decimal(0), Decimal(0))
    before = {str(label["en"]): (label, a) for label, a in old.costs.chapters} if old.costs else {}
    after = {str(label["en"]): (label, a) for label, a in new.costs.chapters} if new.costs else {}
    chapters = []
    for name in dict.fromkeys([*after, *before]):
        label = (after.get(name) or before[name])[0]
        a = before[name][1] if name in before else zero
        z = after[name][1] if name in after else zero
        chapters.append(CostLine(label, a, z))
    total = CostLine(
        Bilingual("", ""),
        old.costs.total if old.costs else zero,
        new.costs.total if new.costs else zero,
    )
    return CostDiff(tuple(chapters), total)
