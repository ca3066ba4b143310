"""Numbers, amounts and dates said the way each language writes them (Babel).

``1 234,56 €`` and ``lundi 9 mars 2026`` in French, ``€1,234.56`` and ``Monday 9 March
2026`` in English. Messages carry a :class:`~prodsheets.findings.Bilingual` value so the
language is chosen when the finding is rendered.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from prodsheets.findings import Bilingual, Said

LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def money(amount: Decimal, currency: str, lang: str) -> str:
    from babel.numbers import format_currency

    try:
        return format_currency(amount, currency, locale=LOCALES[lang])
    except Exception:  # an unknown currency code typed in Production
        return f"{number(amount, lang, 2)} {currency}"


def number(value: Decimal | int, lang: str, decimals: int | None = None) -> str:
    from babel.numbers import format_decimal

    if decimals is None:
        return format_decimal(value, locale=LOCALES[lang])
    fmt = "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=fmt, locale=LOCALES[lang])


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


def say_date(value: dt.date) -> Bilingual:
    return Said(lambda lang: date(value, lang))
