"""The catalogue is the contract of findings: complete in both languages, and documented."""

from __future__ import annotations

import re

import pytest

from prodsheets import catalogue, docs
from prodsheets.findings import Finding, Location


@pytest.mark.parametrize("code", catalogue.CODES.values(), ids=lambda c: c.code)
def test_each_code_speaks_both_languages_with_the_same_values(code) -> None:
    for texts in (code.title, code.message, code.hint):
        assert set(texts) == {"en", "fr"}
        assert all(t.strip() for t in texts.values())
    fields = lambda t: set(re.findall(r"{(\w+)}", t))  # noqa: E731
    assert fields(code.message["en"]) == fields(code.message["fr"])
    assert fields(code.hint["en"]) == fields(code.hint["fr"])
    assert re.fullmatch(r"PS\d{3}", code.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", code.name)


def test_codes_and_names_are_unique() -> None:
    names = [c.name for c in catalogue.CODES.values()]
    assert len(names) == len(set(names))


def test_the_docs_page_is_generated_from_the_catalogue() -> None:
    committed = docs.PAGE.read_text(encoding="utf-8")
    assert committed == docs.findings_page(), "run: python -m prodsheets.docs"
    for code in catalogue.CODES.values():
        assert f"### {code.code}" in committed and f"`{code.name}`" in committed


def test_a_finding_renders_in_french_and_english() -> None:
    where = Location("schedule.xlsx", "Affectations", 7, "B", "LUCIE")
    f = Finding(
        catalogue.DUPLICATE_ID, {"id": "LUCIE", "table": "Équipe", "other_row": 3}, (where,)
    )
    assert str(where) == "schedule.xlsx › Affectations!B7"
    assert f.message("fr") == "« LUCIE » est utilisé deux fois dans Équipe (aussi ligne 3)."
    assert f.message("en") == "“LUCIE” is used twice in Équipe (also row 3)."
    assert f.to_json("en")["locations"] == [
        {
            "file": "schedule.xlsx",
            "sheet": "Affectations",
            "cell": "B7",
            "row": 7,
            "column": "B",
            "id": "LUCIE",
        }
    ]


@pytest.mark.parametrize(
    ("word", "codes"),
    [("PS105", {"PS105"}), ("duplicate-id", {"PS105"}), ("ps20", {"PS201", "PS202", "PS203"})],
)
def test_select_words_are_codes_prefixes_or_names(word: str, codes: set[str]) -> None:
    assert {c.code for c in catalogue.by_code_or_name(word)} == codes
