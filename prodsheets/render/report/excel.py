"""report.xlsx: summary, findings linked to their cells, costs, cash flow, day out of days,
schedule by day (XlsxWriter).

Every text goes through ``write_string``: a crew name typed as ``=HYPERLINK(…)`` stays
text, never a formula (and the workbook is opened with ``strings_to_formulas`` off too).
Amounts are written as numbers from exact decimals; formats follow the production's
language (``[$-40C]`` French, ``[$-809]`` British English) and currency.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from prodsheets.contract import schema
from prodsheets.costs.reconcile import Line, Totals
from prodsheets.findings import Location
from prodsheets.i18n import say
from prodsheets.io.workbook import OUTPUT_MARK
from prodsheets.render.report.data import Report, clock_on, relative_link
from prodsheets.render.report.risks import Risk, level, matrix, scored_risks

LCID = {"fr": "40C", "en": "809"}
MAX_LOCATIONS = 5  # a finding's locations, one column each; more are listed as text


def money_format(currency: str, lang: str) -> str:
    """``#,##0.00 [$€-40C]`` in French, ``[$£-809]#,##0.00`` in English."""
    from babel.numbers import get_currency_symbol

    from prodsheets.i18n.formats import LOCALES

    symbol = get_currency_symbol(currency, locale=LOCALES[lang]).replace('"', "")
    tag = f"[${symbol}-{LCID[lang]}]"
    if lang == "fr":
        return f"#,##0.00\\ {tag};-#,##0.00\\ {tag}"
    return f"{tag}#,##0.00;-{tag}#,##0.00"


def date_format(lang: str, weekday: bool = False) -> str:
    day = "ddd " if weekday else ""
    return f"[$-{LCID[lang]}]{day}dd/mm/yyyy"


def cell_link(loc: Location, out: Path) -> str | None:
    """``external:../film/schedule.xlsx#'Affectations'!B7``: opens the workbook at the cell."""
    target = relative_link(loc.path, out)
    if target is None:
        return None
    if target.startswith(("./", "../")) and ":" in target:
        # XlsxWriter drops "./" (Excel's habit): a name such as "javascript:x.xlsx" would
        # then read as a scheme. Escaped as Excel escapes paths, ":" as %3A, it stays a file.
        from xlsxwriter.url import Url

        target = Url._escape_url(target.removeprefix("./")).replace(":", "%3A")
    if loc.sheet is None:
        return f"external:{target}"
    sheet = "'" + loc.sheet.replace("'", "''") + "'"
    return f"external:{target}#{sheet}!{loc.cell or 'A1'}"


class _Sheet:
    """A worksheet with the report's habits: text always as text, a header, print setup."""

    def __init__(self, book: Any, name: str, formats: dict[str, Any]) -> None:
        self.ws = book.add_worksheet(name[:31])
        self.f = formats
        self.ws.set_landscape()
        self.ws.fit_to_pages(1, 0)
        self.ws.set_paper(9)  # A4
        self.ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)

    def text(self, row: int, col: int, value: Any, fmt: str | None = None) -> None:
        style = self.f[fmt] if fmt is not None else None
        self.ws.write_string(row, col, "" if value is None else str(value), style)

    def num(self, row: int, col: int, value: Decimal | int | float, fmt: str) -> None:
        self.ws.write_number(row, col, float(value), self.f[fmt])

    def date(self, row: int, col: int, value: dt.date | None, fmt: str = "date") -> None:
        if value is None:
            self.ws.write_blank(row, col, None, self.f[fmt])
        else:
            self.ws.write_datetime(row, col, dt.datetime.combine(value, dt.time()), self.f[fmt])

    def header(self, row: int, titles: list[str], widths: Sequence[float]) -> None:
        for col, (title, width) in enumerate(zip(titles, widths, strict=True)):
            self.text(row, col, title, "header")
            self.ws.set_column(col, col, width)
        self.ws.freeze_panes(row + 1, 0)
        self.ws.repeat_rows(row)

    def table(self, header_row: int, last_row: int, columns: int) -> None:
        if last_row > header_row:
            self.ws.autofilter(header_row, 0, last_row, columns - 1)


def write_excel(report: Report, target: Path, out: Path) -> None:
    """Write report.xlsx to ``target`` (links are made relative to ``out``)."""
    import xlsxwriter

    lang, w = report.lang, report.words
    book = xlsxwriter.Workbook(
        str(target),
        {
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "constant_memory": False,
        },
    )
    book.set_properties({"title": f"{report.title} — {w['report']}", "author": "prodsheets"})
    # Marks the file as an output, so that reading the production passes over it even
    # when the reports are written into the production's own folder.
    book.set_custom_property(OUTPUT_MARK.decode(), "report")  # the loader passes over it
    money = money_format(report.currency, lang)
    formats = {
        "title": book.add_format({"bold": True, "font_size": 16}),
        "header": book.add_format(
            {
                "bold": True,
                "bg_color": "#1F3A5F",
                "font_color": "#FFFFFF",
                "text_wrap": True,
                "valign": "top",
                "border": 1,
            }
        ),
        "bold": book.add_format({"bold": True}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "money": book.add_format({"num_format": money}),
        "money_bold": book.add_format({"num_format": money, "bold": True, "bg_color": "#E8EEF5"}),
        "chapter": book.add_format({"bold": True, "bg_color": "#E8EEF5"}),
        "date": book.add_format({"num_format": date_format(lang), "align": "left"}),
        "day": book.add_format({"num_format": date_format(lang, weekday=True), "align": "left"}),
        "int": book.add_format({"num_format": "0"}),
        "link": book.add_format({"font_color": "#0B57D0", "underline": 1}),
        "error": book.add_format({"font_color": "#B00020", "bold": True}),
        "warning": book.add_format({"font_color": "#8A5A00", "bold": True}),
        "info": book.add_format({"font_color": "#1F5F8B"}),
        "over": book.add_format({"bg_color": "#F8D7DA", "font_color": "#9C0006"}),
        "work": book.add_format(
            {"align": "center", "bg_color": "#D4EDDA", "border": 1, "border_color": "#BBBBBB"}
        ),
        "travel": book.add_format(
            {"align": "center", "bg_color": "#FFF3CD", "border": 1, "border_color": "#BBBBBB"}
        ),
        "off": book.add_format({"border": 1, "border_color": "#DDDDDD"}),
        "dood_date": book.add_format(
            {
                "num_format": f"[$-{LCID[lang]}]ddd dd/mm",
                "bold": True,
                "rotation": 90,
                "align": "center",
                "bg_color": "#1F3A5F",
                "font_color": "#FFFFFF",
                "border": 1,
            }
        ),
    }
    _summary(_Sheet(book, w["summary"], formats), report)
    _findings(_Sheet(book, w["findings"], formats), report, out)
    if report.reconciliation is not None:
        _costs(book, _Sheet(book, w["costs"], formats), report)
        _cash_flow(book, _Sheet(book, w["cash_flow"], formats), report)
    risks = scored_risks(report.production)
    if risks:
        for lvl, colour in RISK_COLOURS.items():
            formats[f"risk_{lvl}"] = book.add_format(
                {"bg_color": colour, "border": 1, "align": "center", "valign": "vcenter"}
            )
        _risks(_Sheet(book, w["risk_register"], formats), report, risks)
    _dood(_Sheet(book, w["dood"], formats), report)
    _schedule(_Sheet(book, w["schedule"], formats), report)
    book.close()


def _summary(sh: _Sheet, report: Report) -> None:
    w, ws = report.words, sh.ws
    ws.set_portrait()
    ws.set_column(0, 0, 28)
    ws.set_column(1, 1, 40)
    sh.text(0, 0, f"{report.title} — {w['report']}", "title")
    row = 2
    rows: list[tuple[str, Any, str | None]] = [
        (w["production"], report.title, None),
        (
            w["kind"],
            schema.choice_label("kind", report.production.settings.get("kind") or "", report.lang),
            None,
        ),
        (w["currency"], report.currency, None),
    ]
    for label, value, fmt in rows:
        sh.text(row, 0, label, "bold")
        sh.text(row, 1, value, fmt)
        row += 1
    sh.text(row, 0, w["dates"], "bold")
    sh.date(row, 1, report.first_day, "day")
    sh.date(row, 2, report.last_day, "day")
    row += 1
    sh.text(row, 0, w["generated"], "bold")
    sh.date(row, 1, report.generated, "date")
    row += 2
    sh.text(row, 0, w["headline"], "header")
    sh.text(row, 1, "", "header")
    row += 1
    rec = report.reconciliation
    if rec is not None:
        for key, value in (
            ("budget", rec.total.budget),
            ("planned", rec.total.planned),
            ("actual", rec.total.actual),
            ("eac", rec.total.estimate_at_completion),
            ("variance", rec.total.variance),
            ("contingency_left", rec.contingency.left),
        ):
            sh.text(row, 0, w[key], "bold")
            sh.num(row, 1, value, "money")
            row += 1
    for key, value in (
        ("days_scheduled", len(report.days)),
        ("bookings", report.bookings),
        ("crew_count", len(report.dood_people)),
    ):
        sh.text(row, 0, w[key], "bold")
        sh.num(row, 1, value, "int")
        row += 1
    row += 1
    sh.text(row, 0, w["findings"], "header")
    sh.text(row, 1, "", "header")
    row += 1
    for key, severity in (("errors", "error"), ("warnings", "warning"), ("infos", "info")):
        sh.text(row, 0, w[key], severity)
        sh.num(row, 1, report.summary[key], "int")
        row += 1


def _findings(sh: _Sheet, report: Report, out: Path) -> None:
    lang, w = report.lang, report.words
    titles = [w["severity"], w["code"], w["name"], w["message"], w["hint"], w["location"]]
    titles += [f"{w['also']} {i}" for i in range(1, MAX_LOCATIONS)]
    widths = [11, 8, 18, 70, 50, 34] + [28] * (MAX_LOCATIONS - 1)
    sh.header(0, titles, widths)
    row = 0
    for row, f in enumerate(report.findings, start=1):
        level = f.level
        sh.text(row, 0, level.label(lang), level.value)
        sh.text(row, 1, f.code.code)
        sh.text(row, 2, f.code.name)
        sh.text(row, 3, f.message(lang), "wrap")
        sh.text(row, 4, f.hint(lang), "wrap")
        locs = list(f.locations)
        for k, loc in enumerate(locs[:MAX_LOCATIONS]):
            label = str(loc)
            if k == MAX_LOCATIONS - 1 and len(locs) > MAX_LOCATIONS:
                label += f" (+{len(locs) - MAX_LOCATIONS})"
            url = cell_link(loc, out)
            if url is not None and len(url) < 2000:
                sh.ws.write_url(row, 5 + k, url, sh.f["link"], label, label)
            else:
                sh.text(row, 5 + k, label)
    sh.table(0, row, len(titles))


_AMOUNT_KEYS = ("budget", "planned", "actual", "remaining", "eac", "variance")


def _amounts(x: Line | Totals) -> list[Decimal]:
    return [x.budget, x.planned, x.actual, x.remaining, x.estimate_at_completion, x.variance]


def _costs(book: Any, sh: _Sheet, report: Report) -> None:
    rec = report.reconciliation
    assert rec is not None
    lang, w, ws = report.lang, report.words, sh.ws
    titles = [w["code"], w["chapter"], w["description"], *(w[k] for k in _AMOUNT_KEYS)]
    sh.header(0, titles, [9, 24, 44, 14, 14, 14, 14, 14, 14])
    row = 0
    for chapter in rec.chapters:
        label = say(chapter.label, lang) or w["no_chapter"]
        row += 1
        sh.text(row, 0, "", "chapter")
        sh.text(row, 1, label, "chapter")
        sh.text(row, 2, w["total"] + " " + label, "chapter")
        for k, amount in enumerate(_amounts(chapter)):
            sh.num(row, 3 + k, amount, "money_bold")
        for line in chapter.lines:
            row += 1
            sh.text(row, 0, line.code or "")
            sh.text(row, 1, label)
            sh.text(row, 2, say(line.description, lang))
            for k, amount in enumerate(_amounts(line)):
                sh.num(row, 3 + k, amount, "money")
    row += 1
    sh.text(row, 0, "", "chapter")
    sh.text(row, 1, "", "chapter")
    sh.text(row, 2, w["total"], "chapter")
    for k, amount in enumerate(_amounts(rec.total)):
        sh.num(row, 3 + k, amount, "money_bold")
    last = row
    sh.table(0, last - 1, len(titles))
    # Overruns: actual beyond budget, a negative remaining or variance.
    ws.conditional_format(
        1, 5, last, 5, {"type": "formula", "criteria": "=$F2>$D2", "format": sh.f["over"]}
    )
    for col in (6, 8):
        ws.conditional_format(
            1, col, last, col, {"type": "cell", "criteria": "<", "value": 0, "format": sh.f["over"]}
        )

    # The chapters again, side by side, for the chart.
    top, left = 0, 10
    sh.text(top, left, w["chapter"], "header")
    sh.text(top, left + 1, w["budget"], "header")
    sh.text(top, left + 2, w["actual"], "header")
    sh.text(top, left + 3, w["eac"], "header")
    ws.set_column(left, left, 26)
    ws.set_column(left + 1, left + 3, 14)
    for i, chapter in enumerate(rec.chapters, start=1):
        sh.text(top + i, left, say(chapter.label, lang) or w["no_chapter"])
        sh.num(top + i, left + 1, chapter.budget, "money")
        sh.num(top + i, left + 2, chapter.actual, "money")
        sh.num(top + i, left + 3, chapter.estimate_at_completion, "money")
    n = len(rec.chapters)
    if n:
        chart = book.add_chart({"type": "bar"})
        name = ws.get_name()
        for col, colour in ((left + 1, "#1F3A5F"), (left + 2, "#E07A1F"), (left + 3, "#8FA9C8")):
            chart.add_series(
                {
                    "name": [name, top, col],
                    "categories": [name, top + 1, left, top + n, left],
                    "values": [name, top + 1, col, top + n, col],
                    "fill": {"color": colour},
                }
            )
        chart.set_title({"name": w["budget_vs_actual"]})
        chart.set_y_axis({"reverse": True})
        chart.set_x_axis({"num_format": money_format(report.currency, lang)})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 720, "height": 90 + 42 * n})
        ws.insert_chart(top + n + 2, left, chart)


def _cash_flow(book: Any, sh: _Sheet, report: Report) -> None:
    rec = report.reconciliation
    assert rec is not None
    w, ws = report.words, sh.ws
    titles = [
        w["week"],
        w["monday"],
        w["planned"],
        w["actual"],
        w["cumulative_planned"],
        w["cumulative_actual"],
    ]
    sh.header(0, titles, [12, 14, 15, 15, 16, 16])
    planned = actual = Decimal(0)
    row = 0
    for row, week in enumerate(rec.cash_flow, start=1):
        planned += week.planned
        actual += week.actual
        if week.week is None:
            sh.text(row, 0, w["undated"])
        else:
            year, number = week.week
            sh.text(row, 0, f"{year}-{'S' if report.lang == 'fr' else 'W'}{number:02d}")
        sh.date(row, 1, week.monday)
        sh.num(row, 2, week.planned, "money")
        sh.num(row, 3, week.actual, "money")
        sh.num(row, 4, planned, "money")
        sh.num(row, 5, actual, "money")
    sh.table(0, row, len(titles))
    if row:
        name = ws.get_name()
        chart = book.add_chart({"type": "column"})
        for col, colour in ((2, "#1F3A5F"), (3, "#E07A1F")):
            chart.add_series(
                {
                    "name": [name, 0, col],
                    "categories": [name, 1, 0, row, 0],
                    "values": [name, 1, col, row, col],
                    "fill": {"color": colour},
                }
            )
        line = book.add_chart({"type": "line"})
        line.add_series(
            {
                "name": [name, 0, 4],
                "categories": [name, 1, 0, row, 0],
                "values": [name, 1, 4, row, 4],
                "y2_axis": True,
                "line": {"color": "#2E7D32", "width": 2},
            }
        )
        chart.combine(line)
        chart.set_title({"name": w["cash_flow"]})
        chart.set_y_axis({"num_format": money_format(report.currency, report.lang)})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 760, "height": 380})
        ws.insert_chart(1, 7, chart)


RISK_COLOURS = {"low": "#D4EDDA", "medium": "#FFF3CD", "high": "#FFD8A8", "critical": "#F8D7DA"}


def _risks(sh: _Sheet, report: Report, risks: list[Risk]) -> None:
    """The probability × impact matrix, then the risks, highest score first."""
    w, ws = report.words, sh.ws
    sh.text(0, 0, w["risk_matrix"], "title")
    sh.text(1, 0, f"{w['probability']} ↓ / {w['impact']} →", "header")
    for i in range(1, 6):
        sh.num(1, i, i, "int")
    for r, (p, cells) in enumerate(matrix(risks), start=2):
        sh.num(r, 0, p, "int")
        for impact, lvl, ids in cells:
            if ids:
                sh.text(r, impact, ", ".join(ids), f"risk_{lvl}")
            else:
                ws.write_blank(r, impact, None, sh.f[f"risk_{lvl}"])
    ws.set_column(0, 0, 24)
    ws.set_column(1, 5, 12)
    head = 9
    sh.header(
        head,
        ["Id", w["risk"], w["probability"], w["impact"], w["score"], w["owner"],
         w["mitigation"], w["backup_plan"]],
        [24, 40, 12, 12, 12, 20, 36, 36],
    )  # fmt: skip
    row = head
    for row, k in enumerate(risks, start=head + 1):
        sh.text(row, 0, k.id)
        sh.text(row, 1, k.risk, "wrap")
        sh.num(row, 2, k.probability, "int")
        sh.num(row, 3, k.impact, "int")
        sh.num(row, 4, k.score, f"risk_{level(k.score)}")
        sh.text(row, 5, k.owner)
        sh.text(row, 6, k.mitigation, "wrap")
        sh.text(row, 7, k.backup_plan, "wrap")
    sh.table(head, row, 8)


def _dood(sh: _Sheet, report: Report) -> None:
    w, ws = report.words, sh.ws
    dates = report.dood_dates
    sh.text(0, 0, w["dood_legend"])
    titles = [w["id"], w["name"], w["role"]]
    head = 1
    for col, title in enumerate(titles):
        sh.text(head, col, title, "header")
    ws.set_column(0, 0, 10)
    ws.set_column(1, 1, 24)
    ws.set_column(2, 2, 20)
    for k, day in enumerate(dates):
        sh.date(head, 3 + k, day, "dood_date")
    ws.set_column(3, 2 + len(dates), 3.2)
    total_col = 3 + len(dates)
    sh.text(head, total_col, w["worked"], "header")
    sh.text(head, total_col + 1, w["travel"], "header")
    ws.set_column(total_col, total_col + 1, 9)
    ws.set_row(head, 62)
    col_of = {d: 3 + k for k, d in enumerate(dates)}
    mark = {"work": w["mark_work"], "travel": w["mark_travel"]}
    row = head
    for row, (who, name, role) in enumerate(report.dood_people, start=head + 1):
        sh.text(row, 0, who)
        sh.text(row, 1, name)
        sh.text(row, 2, role)
        mine = report.dood.get(who, {})
        for day, col in col_of.items():
            kind = mine.get(day)
            if kind is None:
                ws.write_blank(row, col, None, sh.f["off"])
            else:
                sh.text(row, col, mark[kind], kind)
        sh.num(row, total_col, sum(1 for k in mine.values() if k == "work"), "int")
        sh.num(row, total_col + 1, sum(1 for k in mine.values() if k == "travel"), "int")
    ws.freeze_panes(head + 1, 3)
    ws.repeat_rows(head)
    ws.repeat_columns(0, 2)
    if row > head:
        ws.autofilter(head, 0, row, total_col + 1)


def _schedule(sh: _Sheet, report: Report) -> None:
    w = report.words
    titles = [
        w["date"],
        w["start"],
        w["end"],
        w["event"],
        w["title"],
        w["kind"],
        w["place"],
        w["address"],
        w["people"],
        w["resources"],
        w["cover"],
        w["notes"],
    ]
    sh.header(0, titles, [15, 8, 11, 10, 34, 14, 28, 34, 50, 34, 24, 30])
    row = 0
    for day in report.days:
        for ev in day.events:
            row += 1
            sh.date(row, 0, day.date, "day")
            sh.text(row, 1, clock_on(ev.start, day.date))
            sh.text(row, 2, clock_on(ev.end, day.date))
            sh.text(row, 3, ev.id)
            sh.text(row, 4, ev.title)
            sh.text(row, 5, ev.kind)
            sh.text(row, 6, ev.location_name)
            sh.text(row, 7, ev.address)
            sh.text(row, 8, ", ".join(ev.people))
            sh.text(row, 9, ", ".join(ev.resources))
            sh.text(row, 10, ev.cover)
            sh.text(row, 11, ev.notes)
    sh.table(0, row, len(titles))
