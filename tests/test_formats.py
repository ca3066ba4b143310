"""Amounts, numbers and percentages: the fast path says exactly what Babel says.

prodsheets formats the common cases itself so that a check does not load Babel's locale
data (formats.py says why). These tests hold it to Babel: every CLDR fact it keeps, and
random amounts through both paths.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel import Locale
from babel.numbers import (
    format_currency,
    format_decimal,
    format_percent,
    get_currency_precision,
    get_currency_symbol,
)
from hypothesis import given
from hypothesis import strategies as st

from prodsheets.i18n import formats
from prodsheets.i18n.formats import CLDR, LOCALES

LANGS = sorted(LOCALES)
amounts = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=4, allow_nan=False
)


@pytest.mark.parametrize("lang", LANGS)
def test_the_kept_cldr_facts_are_babels(lang: str) -> None:
    locale = Locale.parse(LOCALES[lang])
    kept = CLDR[lang]
    symbols = locale.number_symbols["latn"]
    assert (kept.decimal, kept.group) == (symbols["decimal"], symbols["group"])
    money = "#,##0.00"
    before, after = (
        ("¤" + kept.currency_space, "") if kept.currency_before else ("", kept.currency_space + "¤")
    )
    assert locale.currency_formats["standard"].pattern == before + money + after
    assert locale.decimal_formats[None].pattern == "#,##0.###"
    for currency, symbol in kept.symbols.items():
        assert get_currency_precision(currency) == 2
        assert get_currency_symbol(currency, locale) == symbol


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("currency", ["EUR", "GBP", "USD", "CHF", "CAD"])
@given(amount=amounts)
def test_money_is_said_as_babel_says_it(lang: str, currency: str, amount: Decimal) -> None:
    assert formats.money(amount, currency, lang) == format_currency(
        amount, currency, locale=LOCALES[lang]
    )


@pytest.mark.parametrize("lang", LANGS)
@given(value=amounts | st.integers(-(10**9), 10**9), decimals=st.sampled_from([None, 0, 1, 2]))
def test_numbers_are_said_as_babel_says_them(
    lang: str, value: Decimal | int, decimals: int | None
) -> None:
    fmt = {None: "#,##0.###", 0: "#,##0", 1: "#,##0.0", 2: "#,##0.00"}[decimals]
    expected = format_decimal(value, format=fmt, locale=LOCALES[lang])
    assert formats.number(value, lang, decimals) == expected


@pytest.mark.parametrize("lang", LANGS)
@given(share=st.decimals(min_value=0, max_value=100, places=6, allow_nan=False))
def test_percentages_are_said_as_babel_says_them(lang: str, share: Decimal) -> None:
    pattern = {"fr": "#,##0.#\u00a0%", "en": "#,##0.#%"}[lang]
    assert formats.percent(share, lang) == format_percent(share, pattern, locale=LOCALES[lang])


def test_examples_a_producer_would_read() -> None:
    assert formats.money(Decimal("1234.56"), "EUR", "fr") == "1\u202f234,56\u00a0€"
    assert formats.money(Decimal("-1234.5"), "GBP", "en") == "-£1,234.50"
    assert formats.percent(Decimal("0.68"), "fr") == "68\u00a0%"
    assert formats.number(Decimal("3.5"), "en", 0) == "4"  # half to even, as Babel


def test_other_currencies_still_go_through_babel() -> None:
    assert formats.money(Decimal("1500"), "XPF", "fr") == "1\u202f500\u00a0FCFP"
    assert formats.money(Decimal("1500"), "JPY", "en") == "JP¥1,500"
    assert formats.money(Decimal("12"), "ZZZ", "en") == "ZZZ12.00"
