"""Costs: what reconciling found, lines and chapters past their alert, the contingency used
(PS401-PS409), and the days whose hours cost more than planned (PS420). The reconciliation itself is :mod:`prodsheets.costs.reconcile`, built once
per production by the analyses."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from prodsheets import catalogue as C
from prodsheets.analyses import Analyses
from prodsheets.contract import schema
from prodsheets.costs.reconcile import Line
from prodsheets.findings import Finding, Location
from prodsheets.i18n import Bilingual
from prodsheets.i18n.formats import say_day, say_money, say_percent
from prodsheets.model import Production


def _say_percent(share: Decimal | None) -> Bilingual:
    if share is None:
        return Bilingual("—", "—")
    return say_percent(share)


def _line_name(line: Line) -> str:
    description = line.description if isinstance(line.description, str) else ""
    return f"{line.code} {description}".strip() if line.code else description


def _budget_cell(production: Production, line: Line) -> Location | None:
    table = production.table("budget")
    if table is None or line.row is None:
        return None
    return table.cell(line.row, "total")


def reconciling(a: Analyses) -> Iterator[Finding]:
    """What reconciling itself found: costs without a code, rates missing or unreadable."""
    yield from a.reconciliation.findings


def line_warnings(a: Analyses) -> Iterator[Finding]:
    """A line whose actuals reach its alert threshold (default 90 %), or pass its budget."""
    production, rec = a.production, a.reconciliation
    threshold = rec.thresholds["line_warning"]
    actuals = production.table("actuals")
    for line in rec.lines:
        if line.kind != "line" or not line.actual_rows:
            continue
        where = [loc for loc in (_budget_cell(production, line),) if loc]
        if actuals is not None:
            where.append(actuals.cell(line.actual_rows[-1], "amount"))
        params = {
            "line": _line_name(line),
            "actual": say_money(line.actual, rec.currency),
            "budget": say_money(line.budget, rec.currency),
        }
        if line.actual > line.budget:
            over = say_money(line.actual - line.budget, rec.currency)
            yield Finding(C.LINE_OVERSPENT, {**params, "over": over}, tuple(where))
        elif rec.statuses and line.actual == line.budget == line.paid:
            continue  # spent exactly as budgeted, and paid: the line is done, not at risk
        elif line.budget > 0 and line.actual >= threshold * line.budget:
            share = _say_percent(line.actual / line.budget)
            yield Finding(
                C.LINE_WARNING,
                {**params, "share": share, "threshold": _say_percent(threshold)},
                tuple(where),
            )


def chapter_overruns(a: Analyses) -> Iterator[Finding]:
    """A chapter whose estimate at completion passes its alert threshold (default 100 %)."""
    production, rec = a.production, a.reconciliation
    threshold = rec.thresholds["chapter_warning"]
    for chapter in rec.chapters:
        real = [x for x in chapter.lines if x.kind == "line"]
        if not real or chapter.estimate_at_completion <= threshold * chapter.budget:
            continue
        share = chapter.estimate_at_completion / chapter.budget if chapter.budget > 0 else None
        label = chapter.label
        yield Finding(
            C.CHAPTER_OVERRUN,
            {
                "chapter": label if label is not None else "—",
                "estimate": say_money(chapter.estimate_at_completion, rec.currency),
                "budget": say_money(chapter.budget, rec.currency),
                "share": _say_percent(share),
                "threshold": _say_percent(threshold),
            },
            tuple(loc for loc in (_chapter_cell(production, real),) if loc),
        )


def _chapter_cell(production: Production, lines: list[Line]) -> Location | None:
    """The chapter's subtotal row when one follows its last line, else its last line."""
    table = production.table("budget")
    rows = [x.row for x in lines if x.row is not None]
    if table is None or not rows:
        return None
    codes, descriptions = table.col("code"), table.col("description")
    for i in range(max(rows) + 1, len(table)):
        if codes[i] is not None:
            break
        if schema.total_row_kind(descriptions[i]) == "sub":
            return table.cell(i, "total")
    return table.cell(max(rows), "total")


def contingency_used(a: Analyses) -> Iterator[Finding]:
    """Overruns (and spending on the contingency itself) past its alert threshold."""
    production, rec = a.production, a.reconciliation
    c = rec.contingency
    threshold = rec.thresholds["contingency_warning"]
    if c.budget <= 0 or c.used < threshold * c.budget:
        return
    if c.source == "line":
        where = _budget_cell(production, c.lines[0])
    else:
        where = production.setting_cells.get("contingency")
    yield Finding(
        C.CONTINGENCY_USED,
        {
            "used": say_money(c.used, rec.currency),
            "contingency": say_money(c.budget, rec.currency),
            "share": _say_percent(c.used / c.budget),
            "threshold": _say_percent(threshold),
            "left": say_money(c.left, rec.currency),
        },
        (where,) if where else (),
    )


def hot_cost_overruns(a: Analyses) -> Iterator[Finding]:
    """A reported day whose hours worked cost more than planned (PS420), with the running
    difference since the first reported day."""
    hot = a.hot_costs
    table = a.actual_hours.table
    if not hot or table is None:
        return
    currency = a.production.currency
    for day in hot.days:
        if day.difference <= 0:
            continue
        over = sorted(
            (p for p in day.people if p.difference > 0 and p.reported is not None),
            key=lambda p: (-p.difference, p.name),
        )
        yield Finding(
            C.HOT_COST_OVERRUN,
            {
                "day": say_day(day.day, day.number, day.of),
                "worked": say_money(day.worked, currency),
                "planned": say_money(day.planned, currency),
                "difference": say_money(day.difference, currency),
                "running": say_money(day.running, currency),
            },
            tuple(table.cell(p.reported.row, "wrap") for p in over if p.reported is not None),
        )
