"""callsheets/<date>.html: one call sheet (feuille de service) a day with events.

Production and date, the general call (the earliest call), the day's events in order
with their locations and addresses, who is called when, resources, contacts, the cover
plan of each outdoor event, and the findings that point at the day's events or bookings.
After an earlier report into the same folder, what changed that day since is marked: a
box of the day's changes, calls that moved (the old time struck through), people and
events new to the day, those no longer on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prodsheets.render.report.data import Day, Report
from prodsheets.render.report.html import environment, helpers, with_code

if TYPE_CHECKING:
    from prodsheets.render.diff import View


def render_callsheet(report: Report, day: Day, changes: View | None = None) -> str:
    """A day's call sheet; with the report's changes, what changed that day is marked
    (``changes`` is the changes said once for every day, computed here when not given)."""
    lang = report.lang
    findings = [
        {
            "level": f.level.value,
            "severity": f.level.label(lang),
            "code": f.code.code,
            "message": with_code(f, "message", lang),
            "hint": with_code(f, "hint", lang),
            "where": str(f.location) if f.location else "",
        }
        for f in day.findings
    ]
    marks, since = None, None
    if report.changes is not None:
        from prodsheets.render import diff as said

        if changes is None:
            changes = said.view(report.changes, lang)
        marks = said.day_marks(report.changes, changes, day.date, lang)
        since = said.since_text(report.since, lang) if report.since else ""
    page: str = (
        environment()
        .get_template("callsheet.html.j2")
        .render(r=report, day=day, findings=findings, marks=marks, since=since, **helpers(report))
    )
    return page
