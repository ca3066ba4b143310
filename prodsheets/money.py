"""Amounts: exact decimals, rounded to the cent once, in a context as wide as Decimal allows.

The default context holds 28 digits: a mistyped 1e30 rate could not be rounded to the
cent, and ``quantize`` would raise instead of rounding. Every rounding of an amount goes
through :func:`money`.
"""

from __future__ import annotations

from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_HALF_UP, Context, Decimal

CENT = Decimal("0.01")
WIDE = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)
ZERO = Decimal(0)


def money(value: Decimal) -> Decimal:
    """An amount rounded to the cent, half up, as accountants round."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=WIDE)


def decimal_text(amount: Decimal) -> str:
    """``"1234.50"``: an amount to the cent, as JSON carries it (never a float)."""
    return f"{money(amount):f}"
