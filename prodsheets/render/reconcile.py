"""The reconciliation rendered: JSON for scripts (design section 3), a table for people.

Amounts in JSON are decimal strings in the production's currency (``"1234.50"``), never
floats. The terminal table is drawn with rich, imported only here.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from prodsheets.costs.reconcile import Line, Reconciliation, Totals, Week
from prodsheets.i18n import Bilingual, say
from prodsheets.i18n.formats import money as say_money_in
from prodsheets.i18n.formats import number, percent, say_day
from prodsheets.i18n.words import RECONCILE, RECONCILE_HEADERS
from prodsheets.money import decimal_text, exact, money
from prodsheets.pipeline import ReconcileResult

AMOUNTS = ("budget", "fringes", "planned", "actual")
STATUS_AMOUNTS = ("committed", "invoiced", "paid")
RESULTS = ("remaining", "estimate_at_completion", "variance")


def _text(value: str | Bilingual | None, lang: str) -> str | None:
    if isinstance(value, Bilingual):
        return str(value[lang])
    return value


def _amounts(x: Line | Totals, statuses: bool) -> dict[str, str]:
    keys = (*AMOUNTS, *(STATUS_AMOUNTS if statuses else ()), *RESULTS)
    return {k: decimal_text(getattr(x, k)) for k in keys}


def _week_json(w: Week) -> dict[str, Any]:
    monday = w.monday
    return {
        "week": None if w.week is None else f"{w.week[0]}-W{w.week[1]:02d}",
        "monday": None if monday is None else monday.isoformat(),
        "planned": decimal_text(w.planned),
        "actual": decimal_text(w.actual),
    }


@exact
def to_json(result: ReconcileResult, lang: str) -> dict[str, Any]:
    """The stable JSON of `prodsheets reconcile --format json`."""
    rec = result.reconciliation
    out: dict[str, Any] = {
        "production": result.title,
        "language": lang,
        "currency": rec.currency if rec else result.production.currency,
        "lines": [],
        "chapters": [],
        "total": {k: "0.00" for k in (*AMOUNTS, *RESULTS)},
        "contingency": None,
        "cash_flow": [],
    }
    if rec is not None:
        out["lines"] = [
            {
                "code": x.code,
                "chapter": _text(x.chapter, lang),
                "description": _text(x.description, lang),
                "kind": x.kind,
                **_amounts(x, rec.statuses),
            }
            for x in rec.lines
        ]
        out["chapters"] = [
            {"chapter": _text(c.label, lang), **_amounts(c, rec.statuses)} for c in rec.chapters
        ]
        out["total"] = _amounts(rec.total, rec.statuses)
        c = rec.contingency
        out["contingency"] = {
            "source": c.source,
            "codes": [x.code for x in c.lines if x.code],
            "rate": None if c.rate is None else f"{c.rate:f}",
            "budget": decimal_text(c.budget),
            "overruns": decimal_text(c.overruns),
            "spent": decimal_text(c.spent),
            "used": decimal_text(c.used),
            "left": decimal_text(c.left),
            "savings": decimal_text(c.savings),
        }
        out["cash_flow"] = [_week_json(w) for w in rec.cash_flow]
    out["hot_costs"] = [
        {
            "date": day.day.isoformat(),
            "production_day": day.number,
            "planned": decimal_text(day.planned),
            "worked": decimal_text(day.worked),
            "difference": decimal_text(day.difference),
            "running": decimal_text(day.running),
        }
        for day in (result.hot_costs.days if result.hot_costs else [])
    ]
    out["findings"] = [f.to_json(lang) for f in result.findings]
    out["summary"] = result.summary
    return out


# --- the terminal --------------------------------------------------------------------


@exact
def render_text(result: ReconcileResult, lang: str, color: bool = False, width: int = 132) -> str:
    """The reconciliation as a person reads it: a table by chapter, contingency, cash flow."""
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from prodsheets.render.findings import finding_line, summary_line

    buf = io.StringIO()
    console = Console(
        file=buf, width=width, force_terminal=color, no_color=not color, highlight=False
    )
    rec = result.reconciliation
    words = RECONCILE[lang]
    if rec is not None:
        currency = rec.currency

        def num(x: Decimal) -> str:
            return number(money(x), lang, 2)

        def cur(x: Decimal) -> str:
            return say_money_in(money(x), currency, lang)

        title = words["title"].format(title=result.title, currency=rec.currency)
        table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
        for n, header in enumerate(RECONCILE_HEADERS[lang]):
            if n == 0:
                table.add_column(header, no_wrap=True)
            elif n == 1:
                table.add_column(header, max_width=40, overflow="ellipsis", no_wrap=True)
            else:
                table.add_column(header, justify="right", no_wrap=True)

        def cells(x: Line | Totals) -> list[Text]:
            amounts = (x.budget, x.planned, x.actual, x.remaining)
            out = [Text(num(a)) for a in amounts]
            out.append(Text(num(x.estimate_at_completion)))
            out.append(Text(num(x.variance), style="red" if x.variance < 0 else ""))
            return out

        for chapter in rec.chapters:
            if chapter.is_zero:
                continue
            label = _text(chapter.label, lang) or words["none"]
            table.add_row(Text(""), Text(label, style="bold"), *cells(chapter), style="bold")
            for x in chapter.shown:
                table.add_row(x.code or "", "  " + (_text(x.description, lang) or ""), *cells(x))
        table.add_section()
        table.add_row("", Text(words["total"], style="bold"), *cells(rec.total), style="bold")
        console.print(table)
        zero = [x for x in rec.lines if x.is_zero]
        if zero:
            codes = ", ".join(x.code or _text(x.description, lang) or "—" for x in zero[:12])
            codes += ", …" if len(zero) > 12 else ""
            console.print(words["zero_lines"].format(count=len(zero), codes=codes), soft_wrap=True)
        if rec.statuses:
            t = rec.total
            console.print(
                words["statuses"].format(
                    committed=cur(t.committed), invoiced=cur(t.invoiced), paid=cur(t.paid)
                ),
                soft_wrap=True,
            )
        console.print(_contingency_text(rec, lang, cur), soft_wrap=True)
        if rec.cash_flow:
            console.print()
            cash = Table(title=words["cash"], box=box.SIMPLE_HEAD, title_justify="left")
            cash.add_column(words["week"], no_wrap=True)
            cash.add_column(words["planned"], justify="right")
            cash.add_column(words["actual"], justify="right")
            for w in rec.cash_flow:
                cash.add_row(_week_label(w, lang), num(w.planned), num(w.actual))
            console.print(cash)
        if result.hot_costs:
            console.print()
            hot = Table(title=words["hot"], box=box.SIMPLE_HEAD, title_justify="left")
            hot.add_column(words["day"], no_wrap=True)
            for key in ("planned", "worked", "difference", "running"):
                hot.add_column(words[key], justify="right", no_wrap=True)
            for day in result.hot_costs.days:
                label = say(say_day(day.day, day.number, day.of), lang)
                hot.add_row(
                    label,
                    num(day.planned),
                    num(day.worked),
                    Text(num(day.difference), style="red" if day.difference > 0 else ""),
                    Text(num(day.running), style="red" if day.running > 0 else ""),
                )
            console.print(hot)
    text = "".join(line.rstrip() + "\n" for line in buf.getvalue().splitlines())
    style = None
    if color:
        import click

        style = click.style
    lines = [finding_line(f, lang, style) for f in result.findings]
    lines.append(summary_line(result, lang))
    return text + "\n".join(lines) + "\n"


def _contingency_text(rec: Reconciliation, lang: str, cur: Any) -> str:
    words = RECONCILE[lang]
    c = rec.contingency
    if c.source == "none":
        return words["no_contingency"]
    if c.source == "line":
        source = words["line"].format(codes=", ".join(x.code for x in c.lines if x.code))
    else:
        source = words["setting"].format(rate=percent(c.rate or Decimal(0), lang))
    share = "—"
    if c.budget > 0:
        share = percent(c.used / c.budget, lang)
    return words["contingency"].format(
        source=source,
        budget=cur(c.budget),
        used=cur(c.used),
        share=share,
        left=cur(c.left),
        savings=cur(c.savings),
    )


def _week_label(w: Week, lang: str) -> str:
    if w.week is None or w.monday is None:
        return RECONCILE[lang]["undated"]
    year, week = w.week
    return RECONCILE[lang]["week_label"].format(
        year=year, week=week, monday=w.monday, day=w.monday.day
    )
