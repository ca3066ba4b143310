"""report.xlsx: summary, findings linked to their cells, costs, cash flow, day out of days
with the trade's codes, the production report of each day with hours reported (hot costs),
the calls not confirmed, schedule by day (XlsxWriter).

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
from prodsheets.i18n.words import DIFF
from prodsheets.io.workbook import OUTPUT_MARK
from prodsheets.render.report.data import Report, clock_on, day_title, relative_link
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


# Sizing cells from their text. XlsxWriter's table holds Calibri 11's widths in pixels,
# what Excel draws. LibreOffice without Calibri draws with a wider font (DejaVu Sans: a
# quarter wider), but it also widens every column by the width of that font's digits
# (a third wider), so what fits in Excel fits there too; a little margin is kept.
SPREAD = 1.05  # margin on Calibri's widths
BOLD = 1.1  # bold against regular
PADDING = 10  # pixels around a cell's text
FILTER_ARROW = 18  # pixels of a header's filter button
MAX_WIDTH = 60  # characters: longer text wraps (in a wrapped column) or is cut
LINE = 15.0  # points: a row of one line of 11-point text, Excel's default height
TURNED = 1.45  # a turned text's length in a fallback font, against Calibri's
WRAPPED_LINE = 15.0  # points: each line of a wrapped cell (DejaVu Sans 11 pt: 12.8)
_BOLD_FORMATS = frozenset({"header", "bold", "chapter", "money_bold", "error", "warning"})
_WRAPPED_FORMATS = frozenset({"wrap"})
_UNMEASURED = frozenset({"title", "note", "dood_date"})  # spill over empty cells, or turned


def text_pixels(text: str, bold: bool = False) -> float:
    """How wide a line of text is drawn, in pixels, in Excel or LibreOffice."""
    from xlsxwriter.utility import xl_pixel_width

    pixels: int = xl_pixel_width(text)
    return pixels * SPREAD * (BOLD if bold else 1)


def pixels_to_width(pixels: float) -> float:
    """Excel's column width (characters of Calibri 11's widest digit, 7 px, plus 5 px)."""
    return max(pixels - 5, 0) / 7


def width_to_pixels(width: float) -> float:
    return width * 7 + 5


def lines_needed(text: str, width: float) -> int:
    """Lines a wrapped cell of ``width`` characters takes: words wrapped as Excel does."""
    room = max(width_to_pixels(width) - PADDING, 20)
    space = text_pixels(" ")
    lines = 0
    for paragraph in text.split("\n"):
        used, count = 0.0, 1
        for word in paragraph.split(" "):
            w = text_pixels(word)
            if used and used + space + w > room:
                count, used = count + 1, 0.0
            if w > room:  # a word longer than the cell breaks anywhere
                extra = int(w // room)
                count, w = count + extra, w - extra * room
            used += (space if used else 0) + w
        lines += count
    return lines


class _Sheet:
    """A worksheet with the report's habits: text always as text, a header, print setup,
    and every column as wide, every wrapped row as tall, as what it holds (``finish``)."""

    def __init__(self, book: Any, name: str, formats: dict[str, Any], report: Report) -> None:
        self.ws = book.add_worksheet(name[:31])
        self.f = formats
        self.lang, self.currency = report.lang, report.currency
        self.ws.set_landscape()
        self.ws.fit_to_pages(1, 0)
        self.ws.set_paper(9)  # A4
        self.ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        self.widths: dict[int, float] = {}  # column → width set (characters)
        self.needs: dict[int, float] = {}  # column → pixels its widest one-line cell takes
        self.wrapped: list[tuple[int, int, str]] = []  # (row, column, text)
        self.heights: dict[int, float] = {}  # row → height set (points)
        self.filters: set[int] = set()  # header columns with a filter button

    def measure(self, row: int, col: int, text: str, fmt: str | None = None) -> None:
        if not text or fmt in _UNMEASURED:
            return
        if fmt in _WRAPPED_FORMATS:
            self.wrapped.append((row, col, text))
            return
        line = max(text.split("\n"), key=len)
        pixels = text_pixels(line, fmt in _BOLD_FORMATS) + PADDING
        self.needs[col] = max(self.needs.get(col, 0.0), pixels)

    def column(self, first: int, last: int, width: float) -> None:
        self.ws.set_column(first, last, width)
        for col in range(first, last + 1):
            self.widths[col] = width

    def row(self, row: int, height: float) -> None:
        self.ws.set_row(row, height)
        self.heights[row] = height

    def text(self, row: int, col: int, value: Any, fmt: str | None = None) -> None:
        style = self.f[fmt or "plain"]
        text = "" if value is None else str(value)
        self.ws.write_string(row, col, text, style)
        self.measure(row, col, text, fmt)

    def rich(self, row: int, col: int, spans: list[tuple[str, bool]], fmt: str) -> None:
        """Text whose code pieces (command names) are set in a monospaced font."""
        text = "".join(t for t, _ in spans)
        if not any(code for _, code in spans) or len(spans) < 2:
            self.text(row, col, text, fmt)
            return
        fragments: list[Any] = []
        for piece, code in spans:
            fragments += [self.f["code"], piece] if code else [piece]
        self.ws.write_rich_string(row, col, *fragments, self.f[fmt])
        self.measure(row, col, text, fmt)

    def num(self, row: int, col: int, value: Decimal | int | float, fmt: str) -> None:
        self.ws.write_number(row, col, float(value), self.f[fmt])
        if fmt.startswith("money"):
            from prodsheets.i18n.formats import money

            shown = money(Decimal(value), self.currency, self.lang)
        else:
            shown = str(value)
        self.measure(row, col, shown, fmt)

    def date(self, row: int, col: int, value: dt.date | None, fmt: str = "date") -> None:
        if value is None:
            self.ws.write_blank(row, col, None, self.f[fmt])
            return
        self.ws.write_datetime(row, col, dt.datetime.combine(value, dt.time()), self.f[fmt])
        # The widest a date of this format reads: « mer. 00/00/0000 », "Wed 00/00/0000".
        self.measure(row, col, "mer. 00/00/0000" if fmt == "day" else "00/00/0000", fmt)

    def header(self, row: int, titles: list[str], widths: Sequence[float]) -> None:
        for col, (title, width) in enumerate(zip(titles, widths, strict=True)):
            self.text(row, col, title, "header")
            self.column(col, col, width)
        self.ws.freeze_panes(row + 1, 0)
        self.ws.repeat_rows(row)

    def table(self, header_row: int, last_row: int, columns: int) -> None:
        if last_row > header_row:
            self.ws.autofilter(header_row, 0, last_row, columns - 1)
            self.filters.update(range(columns))

    def finish(self) -> None:
        """Widen each column to its widest one-line cell (up to MAX_WIDTH), then make each
        row with wrapped text tall enough for its lines at the columns' final widths."""
        for col, pixels in self.needs.items():
            if col in self.filters:
                pixels += FILTER_ARROW
            width = min(pixels_to_width(pixels), MAX_WIDTH)
            if width > self.widths.get(col, 8.43):  # 8.43: Excel's default width
                self.column(col, col, round(width + 0.5, 1))
        lines: dict[int, int] = {}
        for row, col, text in self.wrapped:
            needed = lines_needed(text, self.widths.get(col, 8.43))
            lines[row] = max(lines.get(row, 1), needed)
        for row, count in lines.items():
            height = count * WRAPPED_LINE + 4
            if count > 1 and height > self.heights.get(row, LINE):
                self.row(row, height)


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
        "plain": book.add_format({"valign": "top"}),  # beside wrapped text, at its top
        "bold": book.add_format({"bold": True, "valign": "top"}),
        "note": book.add_format({"italic": True}),
        "bold_wrap": book.add_format({"bold": True, "text_wrap": True, "valign": "top"}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "code": book.add_format({"font_name": "Consolas", "font_color": "#1D2433"}),
        "money": book.add_format({"num_format": money}),
        "money_bold": book.add_format({"num_format": money, "bold": True, "bg_color": "#E8EEF5"}),
        "chapter": book.add_format({"bold": True, "bg_color": "#E8EEF5"}),
        "date": book.add_format(
            {"num_format": date_format(lang), "align": "left", "valign": "top"}
        ),
        "day": book.add_format(
            {"num_format": date_format(lang, weekday=True), "align": "left", "valign": "top"}
        ),
        "int": book.add_format({"num_format": "0"}),
        "link": book.add_format({"font_color": "#0B57D0", "underline": 1, "valign": "top"}),
        "error": book.add_format({"font_color": "#B00020", "bold": True, "valign": "top"}),
        "warning": book.add_format({"font_color": "#8A5A00", "bold": True, "valign": "top"}),
        "info": book.add_format({"font_color": "#1F5F8B", "valign": "top"}),
        "over": book.add_format({"bg_color": "#F8D7DA", "font_color": "#9C0006"}),
        "work": book.add_format(
            {"align": "center", "bg_color": "#D4EDDA", "border": 1, "border_color": "#BBBBBB"}
        ),
        "travel": book.add_format(
            {"align": "center", "bg_color": "#FFF3CD", "border": 1, "border_color": "#BBBBBB"}
        ),
        "off": book.add_format({"border": 1, "border_color": "#DDDDDD"}),
        "day_off": book.add_format({"bg_color": "#E6E6E6", "border": 1, "border_color": "#DDDDDD"}),
        "hold": book.add_format(
            {"align": "center", "bg_color": "#FFE0B2", "border": 1, "border_color": "#BBBBBB"}
        ),
        "hours": book.add_format({"num_format": "0.00"}),
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
    for lvl, colour in RISK_COLOURS.items():
        formats[f"risk_{lvl}"] = book.add_format(
            {"bg_color": colour, "border": 1, "align": "center", "valign": "vcenter"}
        )
    sheets: list[_Sheet] = []

    def sheet(key: str) -> _Sheet:
        sheets.append(_Sheet(book, w[key], formats, report))
        return sheets[-1]

    _summary(sheet("summary"), report)
    if report.changes is not None:
        sheets.append(_Sheet(book, DIFF[lang]["changes"], formats, report))
        _changes(sheets[-1], report)
    _findings(sheet("findings"), report, out)
    if report.reconciliation is not None:
        _costs(book, sheet("costs"), report)
        _cash_flow(book, sheet("cash_flow"), report)
    risks = scored_risks(report.production)
    if risks:
        _risks(sheet("risk_register"), report, risks)
    _dood(sheet("dood"), report)
    if report.hot:
        _production_reports(sheet("production_report"), report)
    if report.confirmations:
        _unconfirmed(sheet("unconfirmed"), report)
    _schedule(sheet("schedule"), report)
    for done in sheets:
        done.finish()
    book.close()


def _summary(sh: _Sheet, report: Report) -> None:
    w, ws = report.words, sh.ws
    ws.set_portrait()
    sh.column(0, 0, 28)
    sh.column(1, 1, 40)
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


def _changes(sh: _Sheet, report: Report) -> None:
    """What changed since the last report: by day then person, the other tables, findings
    that appeared or were resolved, costs before and after, and each person's notice.

    Column A names (a day, a table, a finding, a person), column B says (wrapped, the row
    as tall as its lines), columns C-H hold the costs' amounts.
    """
    from prodsheets.render import diff as said

    assert report.changes is not None
    lang, d, ws = report.lang, DIFF[report.lang], sh.ws
    v = said.view(report.changes, lang)
    since = said.since_text(report.since, lang) if report.since else None
    widths = (30, 90)
    ws.set_column(0, 0, widths[0])
    ws.set_column(1, 1, widths[1])
    ws.set_column(2, 7, 14)
    sh.text(0, 0, said.title_line(report.changes, lang, since), "title")
    row = 2

    def line(name: str, text: str, style: str | None = "bold") -> None:
        nonlocal row
        row += 1
        sh.text(row, 0, name, "wrap" if style is None else f"{style}_wrap")
        sh.text(row, 1, text, "wrap")
        tall = max(_lines(name, widths[0]), _lines(text, widths[1]))
        if tall > 1:
            ws.set_row(row, 15 * tall)

    if v.empty:
        sh.text(row, 0, d["nothing"])
        return
    sh.text(row, 0, d["day"], "header")
    sh.text(row, 1, d["what"], "header")
    for day in v.days:
        for k, text in enumerate(day.lines):
            line(day.title if k == 0 else "", text)
    for label, lines in v.tables:
        for k, text in enumerate(lines):
            line(label if k == 0 else "", text)
    for key, found in (("new_findings", v.new_findings), ("resolved", v.resolved)):
        if found:
            row += 2
            sh.text(row, 0, d[key].format(count=len(found)), "header")
            sh.text(row, 1, "", "header")
            for f in found:
                line(f"{f.code}\n{f.location}" if f.location else f.code, f.message[lang], None)
    if v.costs:
        row += 2
        heads = [d["chapter"], "", f"{d['planned']} · {d['before']}", d["after"], d["delta"]]
        heads += [f"{d['eac']} · {d['before']}", d["after"], d["delta"]]
        for col, title in enumerate(heads):
            sh.text(row, col, title, "header")
        for c in v.costs:
            row += 1
            style = "money_bold" if c.total else "money"
            sh.text(row, 0, c.label, "chapter" if c.total else None)
            amounts = (
                c.before.planned,
                c.after.planned,
                c.delta.planned,
                c.before.estimate_at_completion,
                c.after.estimate_at_completion,
                c.delta.estimate_at_completion,
            )
            for col, amount in enumerate(amounts, start=2):
                sh.num(row, col, amount, style)
    if v.notices:
        row += 2
        sh.text(row, 0, d["notices"], "header")
        sh.text(row, 1, d["notices_help"], "header")
        for n in v.notices:
            line(n.name, said.notice_text(n, report.title, lang, since).rstrip("\n"))


def _lines(text: str, width: int) -> int:
    """How many lines a wrapped cell of ``width`` characters shows (XlsxWriter cannot fit)."""
    return sum(max(1, -(-len(part) // width)) for part in text.split("\n"))


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
        sh.rich(row, 3, f.spans("message", lang), "wrap")
        sh.rich(row, 4, f.spans("hint", lang), "wrap")
        locs = list(f.locations)
        for k, loc in enumerate(locs[:MAX_LOCATIONS]):
            label = str(loc)
            if k == MAX_LOCATIONS - 1 and len(locs) > MAX_LOCATIONS:
                label += f" (+{len(locs) - MAX_LOCATIONS})"
            url = cell_link(loc, out)
            if url is not None and len(url) < 2000:
                sh.ws.write_url(row, 5 + k, url, sh.f["link"], label, label)
                sh.measure(row, 5 + k, label)
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
            if line.is_zero:  # kept, but grouped out of sight: Excel's [+] shows them
                ws.set_row(row, None, None, {"level": 1, "hidden": True})
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
    sh.column(left, left, 26)
    sh.column(left + 1, left + 3, 14)
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
    sh.column(0, 0, 24)
    sh.column(1, 5, 12)
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


DOOD_STYLES = {  # code → the cell's colour: work green, hold amber, travel and prep blue
    "SW": "work", "W": "work", "WF": "work", "SWF": "work",
    "H": "hold", "T": "travel", "R": "travel", "F": "travel",
}  # fmt: skip
DOOD_TOTALS = ("worked", "hold", "travel", "rehearsal", "fitting", "span")


def _dood(sh: _Sheet, report: Report) -> None:
    """People × dates with the trade's codes, then each person's totals."""
    w, ws = report.words, sh.ws
    dates = report.dood_dates
    sh.text(0, 0, w["dood_legend"], "note")
    titles = [w["id"], w["name"], w["role"]]
    head = 1
    for col, title in enumerate(titles):
        sh.text(head, col, title, "header")
    sh.column(0, 0, 10)
    sh.column(1, 1, 24)
    sh.column(2, 2, 20)
    for k, day in enumerate(dates):
        sh.date(head, 3 + k, day, "dood_date")
    sh.column(3, 2 + len(dates), 4.2)  # wide enough for SWF
    total_col = 3 + len(dates)
    for k, key in enumerate(DOOD_TOTALS):
        sh.text(head, total_col + k, w[key], "header")
    sh.column(total_col, total_col + len(DOOD_TOTALS) - 1, 9)
    # The dates stand turned a quarter: the row is as tall as « mer. 00/00 » is long, in
    # points, which a fallback font does not scale as it does columns (DejaVu Sans Bold
    # draws it 1.4 times as long as Calibri).
    long = text_pixels("mer. 00/00", bold=True) * TURNED / SPREAD + PADDING
    sh.row(head, max(62.0, long * 0.75))
    col_of = {d: 3 + k for k, d in enumerate(dates)}
    row = head
    for row, (who, name, role) in enumerate(report.dood_people, start=head + 1):
        sh.text(row, 0, who)
        sh.text(row, 1, name)
        sh.text(row, 2, role)
        mine = report.dood.get(who, {})
        for day, col in col_of.items():
            code = mine.get(day)
            if code is None:
                ws.write_blank(row, col, None, sh.f["day_off" if day in report.days_off else "off"])
            else:
                sh.text(row, col, code, DOOD_STYLES[code])
        t = report.dood_totals[who]
        for k, value in enumerate((t.work, t.hold, t.travel, t.rehearsal, t.fitting, t.span)):
            sh.num(row, total_col + k, value, "int")
    ws.freeze_panes(head + 1, 3)
    ws.repeat_rows(head)
    ws.repeat_columns(0, 2)
    if row > head:
        ws.autofilter(head, 0, row, total_col + len(DOOD_TOTALS) - 1)


def _production_reports(sh: _Sheet, report: Report) -> None:
    """One block per reported day: each person's hours and cost, planned and as worked."""
    w = report.words
    titles = [
        w["name"],
        w["role"],
        w["planned_span"],
        w["planned_hours"],
        w["arrival"],
        w["wrap"],
        w["break"],
        w["worked_hours"],
        w["planned_cost"],
        w["worked_cost"],
        w["difference"],
    ]
    for col, width in enumerate((24, 22, 14, 10, 9, 9, 8, 10, 13, 13, 13)):
        sh.column(col, col, width)
    sh.text(0, 0, w["hot_note"])
    row = 1
    for day in report.hot.days:
        row += 1
        label = day_title(report, day.day, day.number, day.of)
        sh.text(row, 0, f"{w['production_report']} — {label}", "bold")
        row += 1
        for col, title in enumerate(titles):
            sh.text(row, col, title, "header")
        for p in day.people:
            row += 1
            sh.text(row, 0, p.name)
            sh.text(row, 1, p.role)
            if p.hold:
                sh.text(row, 2, w["hold"])
            elif p.booked:
                sh.text(
                    row,
                    2,
                    f"{clock_on(p.planned_start, day.day)}–{clock_on(p.planned_end, day.day)}",
                )
                sh.num(row, 3, Decimal(p.planned_seconds) / 3600, "hours")
            else:
                sh.text(row, 2, w["unbooked"])
            r = p.reported
            if r is not None:
                sh.text(row, 4, clock_on(r.start, day.day))
                sh.text(row, 5, clock_on(r.end, day.day))
                sh.num(row, 6, Decimal(r.pause) / 3600, "hours")
                sh.num(row, 7, Decimal(r.worked) / 3600, "hours")
            elif p.booked and not p.hold:
                sh.text(row, 4, w["not_reported"], "warning")
            sh.num(row, 8, p.planned, "money")
            sh.num(row, 9, p.worked, "money")
            sh.num(row, 10, p.difference, "over" if p.difference > 0 else "money")
        row += 1
        sh.text(row, 0, w["day_total"], "chapter")
        for col in range(1, 8):
            sh.text(row, col, "", "chapter")
        sh.num(row, 8, day.planned, "money_bold")
        sh.num(row, 9, day.worked, "money_bold")
        sh.num(row, 10, day.difference, "money_bold")
        row += 1
        sh.text(row, 9, w["running"], "bold")
        sh.num(row, 10, day.running, "money_bold")
        row += 1


def _unconfirmed(sh: _Sheet, report: Report) -> None:
    """Everyone called who has not confirmed, day by day."""
    w = report.words
    titles = [w["date"], w["name"], w["role"], w["call"], w["event"]]
    sh.header(0, titles, [15, 24, 22, 10, 30])
    row = 0
    for row, (day, c) in enumerate(report.unconfirmed, start=1):
        sh.date(row, 0, day.date, "day")
        sh.text(row, 1, c.name)
        sh.text(row, 2, c.role)
        sh.text(row, 3, clock_on(c.call, day.date))
        sh.text(row, 4, ", ".join(c.events))
    sh.table(0, row, len(titles))


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
            sh.text(row, 4, ev.title, "wrap")
            sh.text(row, 5, ev.kind)
            sh.text(row, 6, ev.location_name, "wrap")
            sh.text(row, 7, ev.address, "wrap")
            sh.text(row, 8, ", ".join(ev.people), "wrap")
            sh.text(row, 9, ", ".join(ev.resources), "wrap")
            sh.text(row, 10, ev.cover, "wrap")
            sh.text(row, 11, ev.notes, "wrap")
    sh.table(0, row, len(titles))
