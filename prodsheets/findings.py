"""Findings: everything prodsheets has to say about a production, as plain data.

A finding is a code from the catalogue (``prodsheets.catalogue``), the values its message
needs, and the places in the workbooks it is about. It is said in French or English only
when it is rendered, so the same findings serve the terminal, JSON, reports and Excel.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple

from prodsheets.i18n import say


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def label(self, lang: str) -> str:
        return _SEVERITY_LABELS[self][lang]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


_SEVERITY_LABELS = {
    Severity.ERROR: {"en": "error", "fr": "erreur"},
    Severity.WARNING: {"en": "warning", "fr": "attention"},
    Severity.INFO: {"en": "info", "fr": "info"},
}


def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → A, 27 → AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def letters_index(letters: str) -> int:
    """Excel letters → 0-based column index (A → 0, AB → 27): column_letter's inverse."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


class Location(NamedTuple):
    """A place in a workbook a person can jump to: ``schedule.xlsx › Affectations!B7``.

    ``row`` is the sheet's physical row number (1-based) and ``column`` its letters,
    exactly as Excel shows them; ``path`` is the file on disk (for hyperlinks), ``file``
    the name shown to the user.
    """

    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    id: str | None = None
    path: str | None = None

    @property
    def cell(self) -> str | None:
        if self.row is None:
            return None
        return f"{self.column or 'A'}{self.row}"

    def __str__(self) -> str:
        if self.sheet is None:
            return self.file
        if self.row is None:
            return f"{self.file} › {self.sheet}"
        return f"{self.file} › {self.sheet}!{self.cell}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "cell": self.cell,
            "row": self.row,
            "column": self.column,
            "id": self.id,
        }


class Code(NamedTuple):
    """One entry of the catalogue: a stable code and name, and what it says in each language."""

    code: str
    name: str
    severity: Severity
    title: Mapping[str, str]
    message: Mapping[str, str]
    hint: Mapping[str, str]
    family: str = ""

    def fields(self) -> set[str]:
        """The values the message and hint templates need."""
        import string  # only the catalogue's tests and docs ask

        found: set[str] = set()
        for template in (*self.message.values(), *self.hint.values()):
            found.update(f for _, f, _, _ in string.Formatter().parse(template) if f)
        return found


_CODE_MARK = "\x00"  # where the catalogue's backticks were, while values are put in


class _Safe(dict):  # type: ignore[type-arg]
    """Leave a missing template value visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Finding(NamedTuple):
    """One thing to say: a catalogue code, the values its message needs, and where."""

    code: Code
    params: Mapping[str, Any] = MappingProxyType({})
    locations: tuple[Location, ...] = ()
    severity: Severity | None = None  # None: the code's default
    repeats: int = 1  # the same finding on this many cells of one column, said once

    @property
    def level(self) -> Severity:
        return self.severity or self.code.severity

    @property
    def location(self) -> Location | None:
        return self.locations[0] if self.locations else None

    def _render(self, templates: Mapping[str, str], lang: str) -> str:
        values = {k: say(v, lang) for k, v in self.params.items()}
        return templates[lang].format_map(_Safe(values))

    def message(self, lang: str) -> str:
        return self._render(self.code.message, lang)

    def hint(self, lang: str) -> str:
        return self._render(self.code.hint, lang)

    @property
    def span(self) -> str | None:
        """``H8:H77`` for a finding repeated down a column, else None."""
        if self.repeats < 2 or not self.locations:
            return None
        first, last = self.locations[0], self.locations[-1]
        return f"{first.cell}:{last.cell}"

    def spans(self, part: str, lang: str) -> list[tuple[str, bool]]:
        """The message or hint as (text, is code) pieces, for outputs that set code apart.

        Only the catalogue's own backticks mark code (`prodsheets reconcile`); a backtick
        typed in a workbook stays text. ``part`` is ``"message"`` or ``"hint"``.
        """
        template = getattr(self.code, part)[lang]
        if template.count("`") % 2:
            return [(self._render(getattr(self.code, part), lang), False)]
        values = {k: say(v, lang).replace(_CODE_MARK, "") for k, v in self.params.items()}
        text = template.replace("`", _CODE_MARK).format_map(_Safe(values))
        return [(piece, i % 2 == 1) for i, piece in enumerate(text.split(_CODE_MARK)) if piece]

    def to_json(self, lang: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code.code,
            "name": self.code.name,
            "severity": self.level.value,
            "message": self.message(lang),
            "hint": self.hint(lang),
            "locations": [loc.to_json() for loc in self.locations],
        }
        if self.repeats > 1:
            out["count"] = self.repeats
            out["range"] = self.span
        return out

    def by_severity(self) -> tuple[Any, ...]:
        """How reports list findings: errors first, then warnings, then infos, each by place."""
        return (self.level.rank, *self.sort_key())

    def sort_key(self) -> tuple[Any, ...]:
        """How the terminal lists findings: by file, sheet and cell, as a compiler does."""
        loc = self.location
        return (
            loc.file if loc else "",
            (loc.sheet or "") if loc else "",
            (loc.row or 0) if loc else 0,
            (len(loc.column or ""), loc.column or "") if loc else (0, ""),
            self.code.code,
        )


def flatten(findings: Iterable[Finding], *fields: str) -> list[list[Any]]:
    """Findings as rows of plain values, so a test asserts a whole result at once.

    >>> flatten(findings, "code", "cell")  # doctest: +SKIP
    [["PS105", "A5"], ["PS114", "B7"]]
    """
    fields = fields or ("code", "cell")
    rows = []
    for f in findings:
        loc = f.location
        row: list[Any] = []
        for name in fields:
            if name == "code":
                row.append(f.code.code)
            elif name == "name":
                row.append(f.code.name)
            elif name == "severity":
                row.append(f.level.value)
            elif name in {"message", "hint"}:
                row.append(getattr(f, name)("en"))
            elif name == "cells":
                row.append([loc.cell for loc in f.locations])
            else:
                row.append(getattr(loc, name) if loc else None)
        rows.append(row)
    return rows


def summary(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {"errors": 0, "warnings": 0, "infos": 0}
    for f in findings:
        counts[f.level.value + "s"] += 1
    return counts


GROUP_FROM = 3  # this many identical findings down one column are said once
# Codes whose findings down one column have one cause whatever the values: how a column's
# numbers or times were read is one convention, said once.
ONE_PER_COLUMN = frozenset({"PS122", "PS123", "PS131"})


def group_repeats(findings: list[Finding]) -> list[Finding]:
    """One cause, one finding: the same finding on many cells of one column is said once,
    naming the range and the count (``Devis!H8:H77``, 70 cells); every cell stays among its
    locations. Findings are expected in order (``Finding.sort_key``); the group takes the
    place of its first cell."""
    keys: dict[tuple[Any, ...], list[int]] = {}
    for n, f in enumerate(findings):
        loc = f.location
        if len(f.locations) != 1 or loc is None or loc.row is None or f.repeats != 1:
            continue
        said = "" if f.code.code in ONE_PER_COLUMN else f.message("en")
        key = (f.code.code, f.level, loc.file, loc.sheet, loc.column, said)
        keys.setdefault(key, []).append(n)
    merged: dict[int, Finding] = {}
    dropped: set[int] = set()
    for members in keys.values():
        if len(members) < GROUP_FROM:
            continue
        first = findings[members[0]]
        cells = tuple(findings[n].locations[0] for n in members)
        merged[members[0]] = first._replace(locations=cells, repeats=len(cells))
        dropped.update(members[1:])
    if not merged:
        return findings
    return [merged.get(n, f) for n, f in enumerate(findings) if n not in dropped]
