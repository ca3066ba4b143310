"""callsheets/<date>.html: one call sheet (feuille de service) a day with events.

Production and date, the general call (the earliest call), the day's events in order
with their locations and addresses, who is called when, resources, contacts, the cover
plan of each outdoor event, and the findings that point at the day's events or bookings.
"""

from __future__ import annotations

from prodsheets.render.report.data import Day, Report
from prodsheets.render.report.html import environment, helpers, with_code


def render_callsheet(report: Report, day: Day) -> str:
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
    page: str = (
        environment()
        .get_template("callsheet.html.j2")
        .render(r=report, day=day, findings=findings, **helpers(report))
    )
    return page
