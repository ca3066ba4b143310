"""report.html: one self-contained page (inline CSS and SVG, nothing from the network).

Rendered with Jinja2 from ``templates/report.html.j2`` with autoescaping on: a name typed
as ``<script>`` in a workbook is shown, never run. The same page, with ``for_print``, is
what WeasyPrint turns into report.pdf.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from prodsheets.contract import schema
from prodsheets.contract.values import pages_text
from prodsheets.findings import Finding
from prodsheets.i18n import formats, say
from prodsheets.i18n.words import DIFF
from prodsheets.render.report.data import Report, clock_on, day_title, href
from prodsheets.render.report.risks import level, matrix, scored_risks

# Long tables are cut in the page (report.xlsx has every row).
MAX_ROWS = 1500
MAX_DOOD_PEOPLE = 150
MAX_DOOD_DATES = 120


@lru_cache(maxsize=1)
def environment() -> Any:
    import jinja2

    from prodsheets.io.resources import templates_dir

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env


def helpers(report: Report) -> dict[str, Any]:
    """Formatting functions the templates call, in the report's language."""
    lang, currency = report.lang, report.currency

    def money(amount: Decimal) -> str:
        return formats.money(amount, currency, lang)

    def signed(amount: Decimal) -> str:
        return ("+" if amount > 0 else "") + formats.money(amount, currency, lang)

    def full_date(day: dt.date | None) -> str:
        return "" if day is None else formats.date(day, lang, "full")

    def short_date(day: dt.date | None) -> str:
        if day is None:
            return ""
        from babel.dates import format_date

        return format_date(day, "EEE d MMM", locale=formats.LOCALES[lang])

    def weekday_letter(day: dt.date) -> str:
        from babel.dates import format_date

        return format_date(day, "EEEEE", locale=formats.LOCALES[lang])

    return {
        "w": report.words,
        "weekday_letter": weekday_letter,
        "lang": lang,
        "money": money,
        "signed": signed,
        "d": DIFF[lang],
        "number": lambda v: formats.number(v, lang),
        "full_date": full_date,
        "short_date": short_date,
        "medium_date": lambda d: "" if d is None else formats.date(d, lang),
        "long_date": lambda d: "" if d is None else formats.date(d, lang, "long"),
        "clock": clock_on,
        "say": lambda v: say(v, lang),
        "day_title": lambda day, number, of: day_title(report, day, number, of),
        "duration": lambda secs: formats.duration_text(secs)[lang],
        "pages": pages_text,
        "choice": lambda choices, key: schema.choice_label(choices, key, lang) if key else "",
        "dood_class": lambda code: DOOD_CLASSES.get(code, ""),
    }


DOOD_CLASSES = {"SW": "work", "W": "work", "WF": "work", "SWF": "work", "H": "hold"}
DOOD_CLASSES.update({"T": "travel", "R": "travel", "F": "travel"})


def _chart(report: Report) -> dict[str, Any] | None:
    """Horizontal bars, budget and actual by chapter, as numbers the SVG template draws."""
    rec = report.reconciliation
    if rec is None or not rec.chapters:
        return None
    top = max(
        (max(c.budget, c.actual, c.estimate_at_completion) for c in rec.chapters),
        default=Decimal(0),
    )
    if top <= 0:
        return None
    label_w, bar_w, row_h = 250, 500, 34
    rows = []
    for i, c in enumerate(rec.chapters):
        rows.append(
            {
                "y": 10 + i * row_h,
                "label": say(c.label, report.lang) or report.words["no_chapter"],
                "budget": float(c.budget / top) * bar_w,
                "actual": float(c.actual / top) * bar_w,
                "eac": float(c.estimate_at_completion / top) * bar_w,
                "budget_text": formats.money(c.budget, report.currency, report.lang),
                "actual_text": formats.money(c.actual, report.currency, report.lang),
                "over": c.estimate_at_completion > c.budget,
            }
        )
    return {
        "rows": rows,
        "label_w": label_w,
        "bar_w": bar_w,
        "width": label_w + bar_w + 150,
        "height": 30 + len(rows) * row_h,
    }


def with_code(f: Finding, part: str, lang: str) -> Any:
    """A finding's message or hint as HTML: command names in ``<code>``, every piece
    escaped (a name typed as ``<script>`` in a workbook stays text)."""
    from markupsafe import Markup, escape

    return Markup("").join(
        Markup("<code>{}</code>").format(text) if code else escape(text)
        for text, code in f.spans(part, lang)
    )


def _findings(report: Report, out: Path) -> list[dict[str, Any]]:
    lang = report.lang
    rows = []
    for f in report.findings[:MAX_ROWS]:
        rows.append(
            {
                "level": f.level.value,
                "severity": f.level.label(lang),
                "code": f.code.code,
                "name": f.code.name,
                "message": with_code(f, "message", lang),
                "hint": with_code(f, "hint", lang),
                "locations": [
                    {"text": str(loc), "href": href(loc.path, out)} for loc in f.locations
                ],
            }
        )
    return rows


def render_report(report: Report, out: Path, for_print: bool = False) -> str:
    rec = report.reconciliation
    cash = []
    if rec is not None:
        planned = actual = Decimal(0)
        for week in rec.cash_flow:
            planned += week.planned
            actual += week.actual
            cash.append((week, planned, actual))
    people = report.dood_people[:MAX_DOOD_PEOPLE]
    dates = report.dood_dates[:MAX_DOOD_DATES]
    events = [(day, ev) for day in report.days for ev in day.events]
    risk_list = scored_risks(report.production)
    changes, since, notices = None, None, []
    if report.changes is not None:
        from prodsheets.render import diff as said

        changes = said.view(report.changes, report.lang)
        since = said.since_text(report.since, report.lang) if report.since else None
        notices = [
            (n, said.notice_text(n, report.title, report.lang, since)) for n in changes.notices
        ]
    page: str = (
        environment()
        .get_template("report.html.j2")
        .render(
            r=report,
            rec=rec,
            chart=_chart(report),
            findings=_findings(report, out),
            findings_total=len(report.findings),
            cash=cash,
            dood_people=people,
            dood_dates=dates,
            dood_cut=len(people) < len(report.dood_people) or len(dates) < len(report.dood_dates),
            events=events[:MAX_ROWS],
            events_total=len(events),
            max_rows=MAX_ROWS,
            for_print=for_print,
            risks=risk_list,
            risk_matrix=matrix(risk_list),
            level=level,
            changes=changes,
            since=since,
            notices=notices,
            finding_place=lambda f: str(f.location) if f.location else "",
            **helpers(report),
        )
    )
    return page
