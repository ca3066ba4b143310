"""The hours actually worked, as filled in each evening: one row per person and day, for
everyone booked, with a break shorter than the day (PS340-PS343).

The working-time rules on the real hours are :mod:`prodsheets.checks.hours`' (they read the
days as worked); what the hours cost is :mod:`prodsheets.checks.costs`' (PS420).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from prodsheets import catalogue as C
from prodsheets.analyses import Analyses
from prodsheets.findings import Finding
from prodsheets.i18n import Bilingual, and_list, both, plural
from prodsheets.i18n.formats import duration_text, say_date, span_text
from prodsheets.i18n.words import COUNTS
from prodsheets.schedule.timeline import DAY, at, seconds


def actual_hours(a: Analyses) -> Iterator[Finding]:
    """Rows given twice, breaks as long as the day, people missing, people not booked."""
    actual = a.actual_hours
    table = actual.table
    if table is None:
        return
    s = a.schedule
    who_col, date_col = table.col("who"), table.col("date")
    for row, first in actual.twice:
        yield Finding(
            C.ACTUAL_HOURS_TWICE,
            {
                "who": s.name(str(who_col[row])),
                "day": say_date(date_col[row]),
                "first": table.rows[first],
                "row": table.rows[row],
            },
            (table.cell(row, "who"), table.cell(first, "who")),
        )
    arrival, wrap, pause = table.col("arrival"), table.col("wrap"), table.col("break")
    for row in actual.long_breaks:
        day = date_col[row]
        start = at(day, arrival[row])
        end = start - start % DAY + seconds(wrap[row])
        end += DAY if end < start else 0
        yield Finding(
            C.BREAK_TOO_LONG,
            {
                "who": s.name(str(who_col[row])),
                "day": say_date(day),
                "pause": duration_text(int(pause[row] or 0)),
                "span": span_text(start, end),
            },
            (table.cell(row, "break"),),
        )
    if not actual:
        return

    planned = a.work_days
    reported = {d.toordinal() for d in actual.days}
    missing: dict[int, list[int]] = {}  # date ordinal → planned days with no row
    booked: set[tuple[str, int]] = set()
    for g in range(len(planned)):
        ordinal = int(planned.day[g])
        if ordinal not in reported:
            continue
        who = planned.who[g]
        booked.add((who, ordinal))
        if (who, ordinal) not in actual.reported and (who, ordinal) not in actual.left_out:
            missing.setdefault(ordinal, []).append(g)
    for ordinal, days in sorted(missing.items()):
        day = dt.date.fromordinal(ordinal)
        names = [s.name(planned.who[g]) for g in days]
        done = len(actual.on(day))
        yield Finding(
            C.HOURS_NOT_REPORTED,
            {
                "day": say_date(day),
                "reported": _count_people(done),
                "missing": _names(names),
                "table": table.sheet,
            },
            tuple(s.booking_cell(int(planned.first[g])) for g in days),
        )
    bookings = s.production.table_label("bookings")
    for r in sorted(actual.reported.values(), key=lambda r: (r.day, r.row)):
        if (r.who, r.day.toordinal()) in booked:
            continue
        yield Finding(
            C.UNBOOKED_HOURS,
            {
                "who": s.name(r.who),
                "day": say_date(r.day),
                "span": span_text(r.start, r.end),
                "table": bookings,
            },
            (table.cell(r.row, "who"),),
        )


def _count_people(n: int) -> Bilingual:
    return both(lambda lang: plural(n, COUNTS[lang]["people"], lang))


def _names(names: list[str]) -> Bilingual:
    return both(lambda lang: and_list(names, lang))
