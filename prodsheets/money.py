"""Amounts: exact decimals, rounded to the cent once, in a context as wide as Decimal allows.

The default context holds 28 digits: a mistyped 1e30 rate could not be rounded to the
cent, and ``quantize`` would raise instead of rounding. Every rounding of an amount goes
through :func:`money`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)
from typing import ParamSpec, TypeVar

CENT = Decimal("0.01")
WIDE = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
ZERO = Decimal(0)

# The reader accepts amounts and quantities under 10^15 with at most 340 decimals (any
# float has fewer): a product of three of them spans at most 45 + 3 × 340 digits, so sums
# and products in this context are exact, and only money() rounds. (The default context
# keeps 28 digits: from amounts around 1e26 the chapters no longer added up to the total.)
DIGITS = 2000
CONTEXT = Context(
    prec=DIGITS,
    rounding=ROUND_HALF_EVEN,
    Emax=MAX_EMAX,
    Emin=MIN_EMIN,
    traps=[DivisionByZero, InvalidOperation, Overflow],
)

P = ParamSpec("P")
R = TypeVar("R")


def exact(fn: Callable[P, R]) -> Callable[P, R]:
    """Run ``fn`` with :data:`CONTEXT` as the decimal context: every sum in it is exact."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with localcontext(CONTEXT):
            return fn(*args, **kwargs)

    return run


def money(value: Decimal) -> Decimal:
    """An amount rounded to the cent, half up, as accountants round."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=WIDE)


def decimal_text(amount: Decimal) -> str:
    """``"1234.50"``: an amount to the cent, as JSON carries it (never a float)."""
    return f"{money(amount):f}"
