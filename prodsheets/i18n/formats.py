"""Numbers, amounts and dates said the way each language writes them (CLDR, via Babel).

``1 234,56 €`` and ``lundi 9 mars 2026`` in French, ``€1,234.56`` and ``Monday 9 March
2026`` in English. Messages carry a :class:`~prodsheets.i18n.Bilingual` value so the
language is chosen when the finding is rendered. Times of the schedule (seconds since
0001-01-01, see :mod:`prodsheets.schedule.timeline`) are said here too: ``09/03
08:00–12:00``, ``2 h 30``.

Why two paths: Babel's first call loads and merges 260 KB of pickled locale data, about
30 ms, more than a whole raw read of an example production, and each click on the Excel
button starts Python afresh. Messages need only a handful of CLDR facts (separators, the
currency pattern, a few symbols), so those are kept here in :data:`CLDR` and the common
cases are formatted without loading Babel; anything else (another currency, a long date)
goes to Babel. ``tests/test_formats.py`` checks every fact against the installed Babel and
compares both paths on random amounts, so a CLDR change fails the suite instead of
drifting.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import NamedTuple

from prodsheets.i18n import Bilingual, Said
from prodsheets.money import WIDE
from prodsheets.schedule.timeline import DAY

LOCALES = {"fr": "fr_FR", "en": "en_GB"}


class Conventions(NamedTuple):
    """What a message needs of a locale's CLDR number data."""

    decimal: str
    group: str
    currency_before: bool  # en_GB ``¤#,##0.00``; fr_FR ``#,##0.00 ¤``
    currency_space: str
    percent_space: str
    symbols: dict[str, str]  # currencies with two decimals, by ISO code


CLDR = {
    "fr": Conventions(
        ",", "\u202f", False, "\u00a0", "\u00a0",
        {"EUR": "€", "GBP": "£GB", "USD": "$US", "CHF": "CHF", "CAD": "$CA"},
    ),
    "en": Conventions(
        ".", ",", True, "", "",
        {"EUR": "€", "GBP": "£", "USD": "US$", "CHF": "CHF", "CAD": "CA$"},
    ),
}  # fmt: skip


def money(amount: Decimal, currency: str, lang: str) -> str:
    conventions = CLDR[lang]
    symbol = conventions.symbols.get(currency)
    digits = _digits(amount, conventions, 2, 2) if symbol else None
    if digits is not None:
        sign, figures = digits
        if conventions.currency_before:
            return f"{sign}{symbol}{conventions.currency_space}{figures}"
        return f"{sign}{figures}{conventions.currency_space}{symbol}"
    from babel.numbers import format_currency

    try:
        return format_currency(amount, currency, locale=LOCALES[lang])
    except Exception:  # an unknown currency code typed in Production
        return f"{number(amount, lang, 2)} {currency}"


def number(value: Decimal | int, lang: str, decimals: int | None = None) -> str:
    """With ``decimals``, exactly that many; without, up to three (CLDR ``#,##0.###``)."""
    low, high = (0, 3) if decimals is None else (decimals, decimals)
    digits = _digits(value, CLDR[lang], low, high)
    if digits is not None:
        return "".join(digits)
    from babel.numbers import format_decimal

    fraction = "###" if decimals is None else "0" * decimals
    return format_decimal(value, format=f"#,##0.{fraction}".rstrip("."), locale=LOCALES[lang])


def percent(share: Decimal, lang: str) -> str:
    """A share as a percentage with at most one decimal: ``12,3 %``, ``12.3%``."""
    conventions = CLDR[lang]
    digits = _digits(share * 100, conventions, 0, 1)
    if digits is not None:
        return f"{''.join(digits)}{conventions.percent_space}%"
    from babel.numbers import format_percent

    pattern = f"#,##0.#{conventions.percent_space}%"
    return format_percent(share, pattern, locale=LOCALES[lang])


def _digits(
    value: Decimal | int, conventions: Conventions, low: int, high: int
) -> tuple[str, str] | None:
    """Sign and figures, rounded half-even as Babel does; None when Babel must decide."""
    try:
        exact = Decimal(value)
        rounded = exact.quantize(Decimal(1).scaleb(-high), rounding=ROUND_HALF_EVEN, context=WIDE)
    except (InvalidOperation, TypeError, ValueError):
        return None  # beyond Decimal's precision, or not a number: Babel's answer
    if not rounded.is_finite():
        return None
    sign = "-" if exact.is_signed() else ""  # as Babel: -0.001 is "-0.00"
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    fraction = fraction.rstrip("0").ljust(low, "0")
    figures = f"{int(whole):,}".replace(",", conventions.group)
    return sign, f"{figures}{conventions.decimal}{fraction}" if fraction else figures


def date(value: dt.date, lang: str, style: str = "medium") -> str:
    if lang == "fr" and style == "medium":
        return value.strftime("%d/%m/%Y")
    if style == "medium":
        return value.isoformat()
    from babel.dates import format_date

    return format_date(value, format=style, locale=LOCALES[lang])


def say_money(amount: Decimal, currency: str = "EUR") -> Bilingual:
    return Said(lambda lang: money(amount, currency, lang))


def say_number(value: Decimal | int) -> Bilingual:
    return Said(lambda lang: number(value, lang))


def say_percent(share: Decimal) -> Bilingual:
    return Said(lambda lang: percent(share, lang))


def say_date(value: dt.date) -> Bilingual:
    return Said(lambda lang: date(value, lang))


def say_day(value: dt.date, number: int | None, of: int) -> Bilingual:
    """``2026-03-10 (day 2 of 6)`` / ``10/03/2026 (jour 2 / 6)``: a date and its production day."""
    from prodsheets.i18n.words import REPORT

    def said(lang: str) -> str:
        if number is None:
            return date(value, lang)
        production_day = REPORT[lang]["production_day"].format(n=number, of=of).lower()
        return f"{date(value, lang)} ({production_day})"

    return Said(said)


# --- the schedule's times (seconds since 0001-01-01 00:00) ------------------------------


def clock(value: int) -> str:
    """``08:30``, or ``15:01:30`` when the seconds count: the time of day of a schedule time."""
    t = value % DAY
    hours, minutes, seconds = t // 3600, t % 3600 // 60, t % 60
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}" if seconds else f"{hours:02d}:{minutes:02d}"


def day_text(value: int) -> Bilingual:
    d = dt.date.fromordinal(value // DAY)
    return Bilingual(d.strftime("%d %b").lstrip("0"), d.strftime("%d/%m"))


def span_text(start: int, end: int) -> Bilingual:
    """``09/03 08:00–12:00``; a span past midnight says so: ``09/03 22:00–04:00 (+1)``."""
    days = end // DAY - start // DAY
    plus = f" (+{days})" if days else ""
    d = day_text(start)
    return Bilingual(
        f"{d['en']} {clock(start)}–{clock(end)}{plus}",
        f"{d['fr']} {clock(start)}–{clock(end)}{plus}",
    )


def duration_text(seconds: int | Decimal) -> Bilingual:
    """``45 min``, ``3 h``, ``2 h 30``; with seconds, ``30 s``, ``2 min 30 s``."""
    h, rest = divmod(abs(int(seconds)), 3600)
    m, s = divmod(rest, 60)
    if s:
        text = f"{h} h {m:02d} min {s:02d} s" if h else f"{m} min {s:02d} s" if m else f"{s} s"
    elif not h:
        text = f"{m} min"
    elif not m:
        text = f"{h} h"
    else:
        text = f"{h} h {m:02d}"
    return Bilingual(text, text)


def hours_text(value: Decimal | int) -> Bilingual:
    """A number of hours said as a duration: 12.5 → ``12 h 30``."""
    return duration_text(int(Decimal(value) * 3600))
