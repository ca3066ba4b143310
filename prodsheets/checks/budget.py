"""The budget's own arithmetic: line totals against quantity × rate, total rows against
their lines (PS201-PS203)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from prodsheets import catalogue as C
from prodsheets.analyses import Analyses
from prodsheets.contract import schema
from prodsheets.findings import Finding
from prodsheets.i18n.formats import say_money, say_number
from prodsheets.model import TableData
from prodsheets.money import money


def budget_arithmetic(a: Analyses) -> Iterator[Finding]:
    """Line totals against quantity × rate; subtotal and total rows against their lines."""
    production = a.production
    budget = production.table("budget")
    if budget is None:
        return
    currency = production.currency
    yield from _line_totals(budget, currency)
    yield from _total_rows(budget, currency)


def _line_totals(budget: TableData, currency: str) -> Iterator[Finding]:
    for i, code, quantity, rate, total in budget.records("code", "quantity", "rate", "total"):
        if code is None or quantity is None or rate is None or total is None:
            continue
        expected = money(quantity * rate)
        if money(total) != expected:
            yield Finding(
                C.LINE_TOTAL,
                {
                    "total": say_money(total, currency),
                    "quantity": say_number(quantity),
                    "rate": say_money(rate, currency),
                    "expected": say_money(expected, currency),
                },
                (budget.cell(i, "total"), budget.cell(i, "quantity"), budget.cell(i, "rate")),
            )


def line_amount(quantity: Decimal | None, rate: Decimal | None, total: Decimal | None) -> Decimal:
    """What a budget line weighs in a total: its written total, else quantity × rate."""
    if total is not None:
        return total
    if quantity is not None and rate is not None:
        return money(quantity * rate)
    return Decimal(0)


def _total_rows(budget: TableData, currency: str) -> Iterator[Finding]:
    since_last: list[int] = []  # line indexes since the previous total row
    every_line: list[int] = []
    amounts: dict[int, Decimal] = {}
    unknown: set[int] = set()  # lines whose amount could not be read: said at their cell
    for i, code, description, quantity, rate, total in budget.records(
        "code", "description", "quantity", "rate", "total"
    ):
        kind = schema.total_row_kind(description) if code is None else None
        if kind is None:
            if code is not None:
                amounts[i] = line_amount(quantity, rate, total)
                if not budget.readable(i, "quantity", "rate", "total"):
                    unknown.add(i)
                since_last.append(i)
                every_line.append(i)
            continue
        covered = since_last if kind == "sub" else every_line
        since_last = []
        if total is None or not covered or unknown.intersection(covered):
            continue
        expected = money(sum((amounts[j] for j in covered), Decimal(0)))
        if money(total) == expected:
            continue
        params = {
            "label": description,
            "shown": say_money(total, currency),
            "expected": say_money(expected, currency),
            "count": len(covered),
            "first": budget.rows[covered[0]],
            "last": budget.rows[covered[-1]],
        }
        yield Finding(
            C.SUBTOTAL if kind == "sub" else C.GRAND_TOTAL, params, (budget.cell(i, "total"),)
        )
