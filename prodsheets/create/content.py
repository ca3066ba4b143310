"""What a new production's workbooks hold, as plain data: default budget lines, fringe
rates, settings, the Read me text and each header's help, the budget totals' formulas and
their results. :mod:`prodsheets.create.writer` writes it with XlsxWriter.

The long prose lives in ``templates/instructions.<lang>.md``, where a producer or
translator can edit it; the budget chapters in ``templates/budget.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from prodsheets.contract import schema
from prodsheets.contract.values import is_blank
from prodsheets.i18n import pick
from prodsheets.io.resources import templates_dir
from prodsheets.money import money

KINDS: tuple[str, ...] = tuple(c.key for c in schema.CHOICES["kind"])
README_SHEET = {"fr": "Lisez-moi", "en": "Read me"}
# The working-time preset a new production starts with (design.md §4). A show or a festival
# starts blank: the producer chooses between the public (CCNEAC) and the private (IDCC 3090)
# agreements, which the cell's comment explains; blank, the CCNEAC applies.
RULES_FOR_KIND: dict[str, str | None] = {
    "film": "cinema",
    "live": None,
    "festival": None,
    "exhibition": "audiovisual",
    "other": "audiovisual",
}
LAST_ROW = 1000  # drop-down lists and yes/no cover rows 2..1000
RAW = "_raw"  # row key: {column: text} written verbatim as text
NO_CACHE = "_formula_no_cache"  # row key: {column: formula} written with no stored result
# Sheet order in each workbook (design.md §1): the sheets used every day come first.
SHEET_ORDER = {
    "budget": ("production", "budget", "actuals", "fringes"),
    "crew": ("crew", "resources", "vendors", "unavailability", "groups"),
    "schedule": ("events", "bookings", "locations", "travel", "risks", "actual_hours"),
}
CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF"}
Row = Mapping[str, Any]


# --- default content ------------------------------------------------------------------

# Budget templates by kind; their chapters and lines live in templates/budget.toml.
BUDGET_TEMPLATE = {"film": "film", "live": "live", "festival": "festival"}
SUBTOTAL_LABEL = {"fr": "Sous-total", "en": "Subtotal"}
GRAND_TOTAL_LABEL = {"fr": "Total", "en": "Total"}


@cache
def template_content() -> dict[str, Any]:
    """``templates/budget.toml``: the budget chapters by template, and the example fringes."""
    import tomllib

    with (templates_dir() / "budget.toml").open("rb") as fh:
        return tomllib.load(fh)


def default_budget(kind: str, lang: str) -> list[dict[str, Any]]:
    """The template's budget rows: each chapter's lines, its subtotal, then the total.

    Quantities and rates are left blank for the producer; the chapter's subtotal and the
    grand total are rows like any other, so that ``rows["budget"]`` given by a caller and
    the template go through the same writer.
    """
    name = BUDGET_TEMPLATE.get(kind, "generic")
    column = {"fr": 1, "en": 2}[lang]
    rows: list[dict[str, Any]] = []
    for chapter in template_content()["budget"][name]:
        label = f"{chapter['chapter'][0]} {chapter['chapter'][column]}"
        for line in chapter["lines"]:
            code, fr, en, unit, fringe, note_fr, note_en = [*line, *[""] * 7][:7]
            rows.append(
                {
                    "code": code,
                    "chapter": label,
                    "description": pick(lang, en, fr),
                    "unit": unit or "flat",
                    "fringe": fringe or None,
                    "notes": pick(lang, note_en, note_fr) or None,
                }
            )
        rows.append({"description": f"{SUBTOTAL_LABEL[lang]} {label}"})
    rows.append({"description": GRAND_TOTAL_LABEL[lang]})
    return rows


def default_fringes(lang: str) -> list[dict[str, Any]]:
    """Example employer-charge rates by contract (EXAMPLES: the sheet says so)."""
    contracts = {c.key: c.label(lang) for c in schema.CHOICES["contract"]}
    bases = {c.key: c.label(lang) for c in schema.CHOICES["base"]}
    return [
        {
            "code": f["code"],
            "name": f[lang],
            "rate": Decimal(f["rate"]),
            "employee_rate": Decimal(f["employee_rate"]) if "employee_rate" in f else None,
            "base": bases[f.get("base", "total")],
            "ceiling": Decimal(f["ceiling"]) if "ceiling" in f else None,
            "applies_to": tuple(contracts[k] for k in f["applies_to"]),
            "source": f.get("source"),
        }
        for f in template_content()["fringes"]
    ]


def workbook_tables(workbook: str) -> list[schema.Table]:
    """The tables `prodsheets new` puts in a workbook, in sheet order."""
    order = SHEET_ORDER.get(workbook, ())
    tables = [t for t in schema.TABLES if t.workbook == workbook]
    return sorted(tables, key=lambda t: order.index(t.key) if t.key in order else len(order))


def default_settings(kind: str, lang: str) -> dict[str, Any]:
    """The Production values a new production starts with; the rest is left to the user."""
    return {
        "kind": kind,
        "currency": "EUR",
        "language": lang,
        "timezone": "Europe/Paris",
        "rules": RULES_FOR_KIND[kind],
    }


def default_rows(table_key: str, kind: str, lang: str) -> list[dict[str, Any]]:
    if table_key == "budget":
        return default_budget(kind, lang)
    if table_key == "fringes":
        return default_fringes(lang)
    return []


# --- budget totals: formulas and their results -----------------------------------------


@dataclass(frozen=True)
class Total:
    """A total cell's formula and the result to store with it (an Excel error text if it errs)."""

    formula: str
    value: Decimal | str


def has_content(row: Row) -> bool:
    return any(not is_blank(v) if k not in (RAW, NO_CACHE) else bool(v) for k, v in row.items())


def total_kind(row: Row) -> str | None:
    """The total row a budget row is (``"sub"``, ``"grand"``) or None, by the reader's rule."""
    if not is_blank(row.get("code")) or "code" in row.get(RAW, {}):
        return None
    description = row.get(RAW, {}).get("description", row.get("description"))
    return schema.total_row_kind(description) if isinstance(description, str) else None


def _operand(row: Row, key: str) -> Decimal | str:
    """What Excel multiplies for a cell: blank is 0, text that is no number is #VALUE!."""
    if key in row.get(NO_CACHE, {}):
        return Decimal(0)  # unknown until a spreadsheet computes it
    value = row.get(RAW, {}).get(key, row.get(key))
    if value is None:
        return Decimal(0)
    if isinstance(value, bool):
        return "#VALUE!"  # written as oui/non text
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value).strip()
    if not text:
        return "#VALUE!"
    try:
        number = Decimal(text)
    except InvalidOperation:
        return "#VALUE!"
    return number if number.is_finite() else "#VALUE!"


def _given_amount(row: Row) -> Decimal:
    """What a total cell written as given weighs in a SUM (text and unknown results: 0)."""
    if "total" in row.get(NO_CACHE, {}) or "total" in row.get(RAW, {}):
        return Decimal(0)
    value = row.get("total")
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Decimal(str(value))
    return Decimal(0)


_FACTORS = ("code", "quantity", "rate")  # a row with none of them is no line to compute


def _written_as_given(row: Row) -> bool:
    return row.get("total") is not None or any("total" in row.get(k, {}) for k in (RAW, NO_CACHE))


def _ranges(rows: Sequence[int], letter: str) -> list[str]:
    """``["H2:H6", "H8"]``: the runs of consecutive rows, as Excel ranges."""
    runs: list[list[int]] = []
    for r in rows:
        if runs and r == runs[-1][-1] + 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    return [
        f"{letter}{run[0]}:{letter}{run[-1]}" if len(run) > 1 else f"{letter}{run[0]}"
        for run in runs
    ]


def budget_totals(
    rows: Sequence[Row], *, quantity: str, rate: str, total: str, first_row: int = 2
) -> list[Total | None]:
    """Each budget row's total formula and result, or None where the row's total is given.

    A line's total is quantity × rate; a subtotal adds the lines since the previous
    total row, a grand total every line (never the subtotals, which would count the
    lines twice). Results are rounded to the cent as the checks round them, so that a
    reader that takes the stored result sees what Excel would show.
    """
    plans: list[Total | None] = []
    amounts: dict[int, Decimal | str] = {}  # sheet row → what its total cell holds
    since: list[int] = []
    lines: list[int] = []
    for i, row in enumerate(rows):
        r = first_row + i
        kind = total_kind(row)
        if kind is None:
            if not has_content(row):
                plans.append(None)
                continue
            since.append(r)
            lines.append(r)
            heading = all(is_blank(row.get(k)) and k not in row.get(RAW, {}) for k in _FACTORS)
            if _written_as_given(row) or heading:  # a heading or note row gets no formula
                amounts[r] = _given_amount(row)
                plans.append(None)
                continue
            q, p = _operand(row, "quantity"), _operand(row, "rate")
            value = q if isinstance(q, str) else p if isinstance(p, str) else money(q * p)
            amounts[r] = value
            plans.append(Total(f"={quantity}{r}*{rate}{r}", value))
            continue
        covered = since if kind == "sub" else lines
        since = []
        if _written_as_given(row):
            plans.append(None)
            continue
        if not covered:
            plans.append(Total("=0", Decimal(0)))
            continue
        parts = [amounts[c] for c in covered]
        numbers = [a for a in parts if isinstance(a, Decimal)]
        errors = [a for a in parts if isinstance(a, str)]
        value = errors[0] if errors else money(sum(numbers, Decimal(0)))
        plans.append(Total(f"=SUM({','.join(_ranges(covered, total))})", value))
    return plans


# --- the Read me text -----------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.paragraphs)


@cache
def instructions(lang: str) -> dict[str, Section]:
    """The sections of ``templates/instructions.<lang>.md``, by key (``"kind.date"``)."""
    text = (templates_dir() / f"instructions.{lang}.md").read_text(encoding="utf-8")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    sections: dict[str, Section] = {}
    for block in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        head, _, body = block.partition("\n")
        key, _, title = head.partition(":")
        sections[key.strip()] = Section(title.strip(), _paragraphs(body))
    return sections


def _paragraphs(body: str) -> tuple[str, ...]:
    """Blank-line separated paragraphs; each list item is a paragraph of its own."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in body.splitlines():
        s = line.strip()
        if not s or s.startswith(("- ", "* ")):
            if current:
                out.append(current)
            current = ["• " + s[2:]] if s else []
        else:
            current.append(s)
    if current:
        out.append(current)
    return tuple(" ".join(p).replace("**", "").replace("`", "") for p in out)


def choice_labels(choices: str, lang: str) -> list[str]:
    return [c.label(lang) for c in schema.CHOICES[choices]]


def column_help(table: schema.Table, column: schema.Column, lang: str) -> str:
    """What a producer reads on hovering a header: meaning, links, how to type it."""
    texts = instructions(lang)
    parts: list[str] = []
    if column.help(lang):
        parts.append(column.help(lang))
    elif column.key == table.id_column and not column.refs:
        parts.append(schema.ID_HELP[lang])
    if extra := texts.get(f"col.{table.key}.{column.key}"):
        parts.append(extra.text)
    if column.refs and column.kind != schema.FRINGE:
        names = ", ".join(schema.TABLES_BY_KEY[r].name(lang) for r in column.refs)
        parts.append(texts["ref"].text.replace("{tables}", names))
    skip_kind = column.kind in (schema.TEXT, schema.ID) or (
        column.kind == schema.FRINGE and column.help(lang)
    )
    if not skip_kind or not parts:
        how = texts[f"kind.{column.kind}"].text
        if column.choices:
            how = how.replace("{choices}", ", ".join(choice_labels(column.choices, lang)))
        parts.append(how)
    if column.required:
        parts.append(texts["required"].text)
    return " ".join(parts)


def kind_label(column: schema.Column, lang: str) -> str:
    return instructions(lang)[f"kind.{column.kind}"].title


def check_rows(rows: Mapping[str, Sequence[Row]], settings: Row) -> None:
    """Catch a misspelt table or column key before anything is written."""
    given = [(schema.PRODUCTION, settings)]
    for key, table_rows in rows.items():
        if key not in schema.TABLES_BY_KEY:
            raise ValueError(f"unknown table {key!r}; known: {', '.join(schema.TABLES_BY_KEY)}")
        given += [(schema.TABLES_BY_KEY[key], row) for row in table_rows]
    for table, row in given:
        known = {c.key for c in table.template_columns}
        for k in (*row, *row.get(RAW, {}), *row.get(NO_CACHE, {})):
            if k not in known and k not in (RAW, NO_CACHE):
                raise ValueError(f"unknown column {k!r} in table {table.key!r}")


def production_settings(
    kind: str,
    lang: str,
    settings: Mapping[str, object] | None = None,
    rows: Sequence[Row] = (),
) -> dict[str, Any]:
    """The Production values to write: defaults, then ``rows["production"]``, then settings."""
    merged: dict[str, Any] = default_settings(kind, lang)
    raw: dict[str, Any] = {}
    no_cache: dict[str, Any] = {}
    for source in (*rows, settings or {}):
        for k, v in source.items():
            if k == RAW:
                raw.update(v)
            elif k == NO_CACHE:
                no_cache.update(v)
            else:
                merged[k] = v
    merged[RAW], merged[NO_CACHE] = raw, no_cache
    return merged
