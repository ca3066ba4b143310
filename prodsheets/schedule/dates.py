"""The production's own dates, and the ones far from them (a year typed 3026 or 1900).

The centre is the median of the events' dates (of every date read when there is no
event): a few typos cannot move it. A date more than two years from it is *far*: it is
said (PS151) and the reports are sized by the dates around the centre, each far day
shown apart, not by the gap a typo opens.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from prodsheets.model import Production

FAR_DAYS = 731  # two years from the centre


@dataclass(frozen=True)
class Span:
    """The centre of a production's dates, and its first and last dates near the centre."""

    centre: dt.date | None = None
    first: dt.date | None = None
    last: dt.date | None = None

    def far(self, day: dt.date | None) -> bool:
        return (
            day is not None and self.centre is not None and abs((day - self.centre).days) > FAR_DAYS
        )


def production_span(production: Production) -> Span:
    events = production.table("events")
    days = [d for d in (events.col("date") if events is not None else []) if d]
    if not days:
        days = [d for d in (production.start, production.end) if d]
        actuals = production.table("actuals")
        if actuals is not None and actuals.has("date"):
            days += [d for d in actuals.col("date") if d]
    if not days:
        return Span()
    days.sort()
    centre = days[(len(days) - 1) // 2]
    near = [d for d in days if abs((d - centre).days) <= FAR_DAYS]
    return Span(centre, near[0], near[-1])
