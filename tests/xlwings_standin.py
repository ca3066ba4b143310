"""A stand-in for the few xlwings calls the Excel button makes (Excel cannot run on Linux).

``Book(fullname, sheets=[...])`` holds each sheet's cells in a dict; ``Range`` accepts
``"B7"`` or ``"A2:F1048576"``; writing a list of lists fills from the top-left cell, as
xlwings does. No pytest here: the benchmark imports it in a fresh process.
"""

from __future__ import annotations

import re
from typing import Any

_CELL = re.compile(r"([A-Z]+)(\d+)")


def _parse(address: str) -> tuple[int, int]:
    m = _CELL.fullmatch(address)
    assert m, address
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col


class Range:
    def __init__(self, sheet: Sheet, address: str) -> None:
        first, _, last = address.partition(":")
        self.sheet = sheet
        self.top = _parse(first)
        self.bottom = _parse(last) if last else self.top

    def _inside(self, key: tuple[int, int]) -> bool:
        return all(a <= k <= b for a, k, b in zip(self.top, key, self.bottom, strict=True))

    @property
    def value(self) -> Any:
        return self.sheet.cells.get(self.top)

    @value.setter
    def value(self, value: Any) -> None:
        rows = value if isinstance(value, list) else [[value]]
        rows = [r if isinstance(r, list) else [r] for r in rows]
        r0, c0 = self.top
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                self.sheet.enter((r0 + i, c0 + j), v)

    def add_hyperlink(
        self, address: str, text_to_display: str | None = None, screen_tip: str | None = None
    ) -> None:
        self.sheet.links[self.top] = address
        self.sheet.enter(self.top, text_to_display or address)

    def clear_contents(self) -> None:
        for key in [k for k in self.sheet.cells if self._inside(k)]:
            del self.sheet.cells[key]
            self.sheet.formulas.pop(key, None)

    def clear(self) -> None:
        self.clear_contents()
        for key in [k for k in self.sheet.links if self._inside(k)]:
            del self.sheet.links[key]


class Sheet:
    def __init__(self, name: str) -> None:
        self.name = name
        self.cells: dict[tuple[int, int], Any] = {}
        self.links: dict[tuple[int, int], str] = {}
        self.formulas: dict[tuple[int, int], str] = {}  # what Excel would have run

    def enter(self, key: tuple[int, int], value: Any) -> None:
        """As Excel takes a value set through Range.Value: a leading apostrophe keeps the
        rest as text (and is not shown); a text starting with = + - @ becomes a formula."""
        self.formulas.pop(key, None)
        if isinstance(value, str) and value.startswith("'"):
            value = value[1:]
        elif isinstance(value, str) and value.lstrip()[:1] in ("=", "+", "-", "@"):
            self.formulas[key] = value
        self.cells[key] = value

    def range(self, address: str) -> Range:
        return Range(self, address)

    def rows(self) -> list[list[Any]]:
        """The used cells as rows (row 1 first), None where empty: for assertions."""
        if not self.cells:
            return []
        height = max(r for r, _ in self.cells)
        width = max(c for _, c in self.cells)
        return [[self.cells.get((r, c)) for c in range(1, width + 1)] for r in range(1, height + 1)]


class Sheets:
    def __init__(self, names: list[str]) -> None:
        self._list = [Sheet(n) for n in names]

    def __getitem__(self, key: int | str) -> Sheet:
        if isinstance(key, int):
            return self._list[key]
        for s in self._list:
            if s.name.lower() == key.lower():
                return s
        raise KeyError(key)


class App:
    def __init__(self) -> None:
        self.books: list[Book] = []


class Book:
    def __init__(self, fullname: str, sheets: list[str] | None = None, app: App | None = None):
        self.fullname = fullname
        self.sheets = Sheets(sheets or [])
        self.app = app or App()
        self.app.books.append(self)
        self.saved = 0

    def save(self) -> None:
        self.saved += 1
