"""Every word table speaks both languages: the same keys, the same values in each sentence."""

from __future__ import annotations

import string

import pytest

from prodsheets.i18n import words

# Sentences whose languages need different values, on purpose.
APART = {("RECONCILE", "week_label")}  # "Mon 9 Mar" needs the day apart; « lun. 09/03 » not
TABLES = {
    name: table
    for name, table in vars(words).items()
    if name.isupper() and isinstance(table, dict) and set(table) == {"fr", "en"}
}


def fields(text: object) -> set[str]:
    if not isinstance(text, str):
        return set()
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_both_languages_say_the_same_things(name: str) -> None:
    fr, en = TABLES[name]["fr"], TABLES[name]["en"]
    if isinstance(fr, dict):
        assert set(fr) == set(en)
        for key in fr:
            if (name, key) not in APART:
                assert fields(fr[key]) == fields(en[key]), key
    else:
        assert len(fr) == len(en)


def test_the_tables_are_found() -> None:
    assert {"REPORT", "DIFF", "WHATIF", "CLI"} <= set(TABLES)
