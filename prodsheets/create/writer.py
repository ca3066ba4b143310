"""Writing a new production's workbooks with XlsxWriter: ``budget.xlsx``, ``crew.xlsx``,
``schedule.xlsx``.

The workbooks become the producer's source of truth, so they must read well in Excel and
LibreOffice, explain themselves (a "Read me" sheet first, a comment on every header, drop-
down lists), and read back exactly through prodsheets' own reader: every sheet and
column name comes from :mod:`prodsheets.contract.schema`, headers sit in row 1, and every
formula is written with its result, since XlsxWriter would otherwise store 0 and every
reader would see a wrong 0 (design.md §7). What goes in comes from
:mod:`prodsheets.create.content`.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import secrets
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from prodsheets.contract import schema
from prodsheets.contract.values import is_blank
from prodsheets.create.content import (
    CURRENCY_SYMBOLS,
    KINDS,
    LAST_ROW,
    NO_CACHE,
    RAW,
    README_SHEET,
    Row,
    Section,
    Total,
    budget_totals,
    check_rows,
    choice_labels,
    column_help,
    default_rows,
    instructions,
    kind_label,
    production_settings,
    total_kind,
    workbook_tables,
)
from prodsheets.i18n import pick


def _money_format(currency: str, lang: str) -> str:
    symbol = CURRENCY_SYMBOLS.get(currency.strip().upper(), currency.strip() or "€")
    return pick(lang, f'"{symbol}"#,##0.00', f'#,##0.00 "{symbol}"')


def _row_lines(text: str, chars: int) -> int:
    return sum(max(1, math.ceil(len(part) / chars)) for part in text.split("\n"))


_WHITE_ON_BLUE = {"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E78"}
_GRID = {"border": 1, "border_color": "#BFBFBF", "valign": "top"}
STYLES: dict[str, dict[str, Any]] = {
    "header": {**_WHITE_ON_BLUE, "border": 1, "text_wrap": True, "valign": "vcenter"},
    "heading": {**_WHITE_ON_BLUE, "font_size": 12},
    "title": {"bold": True, "font_size": 16, "font_color": "#1F4E78"},
    "label": {"bold": True, "valign": "top", "bottom": 1, "bottom_color": "#BFBFBF"},
    "note": {
        **_GRID,
        "bold": True,
        "text_wrap": True,
        "font_color": "#9C0006",
        "bg_color": "#FFEB9C",
    },
    "paragraph": {"text_wrap": True, "valign": "top"},
    "small_header": {"bold": True, "bg_color": "#DDEBF7", "border": 1},
    "wrap": {**_GRID, "text_wrap": True},
    "bold_cell": {**_GRID, "bold": True},
}


class _Writer:
    """One workbook being written with XlsxWriter: formats, and one method per sheet kind."""

    def __init__(self, path: Path, lang: str, currency: str) -> None:
        import xlsxwriter

        self.lang = lang
        self.book = xlsxwriter.Workbook(str(path), {"strings_to_urls": False})
        self.uncached = False  # whether a formula was written with no stored result
        add = self.book.add_format
        date = pick(lang, "yyyy-mm-dd", "dd/mm/yyyy")
        kind_formats = {
            schema.DATE: date,
            schema.TIME: "hh:mm",
            schema.MONEY: _money_format(currency, lang),
            schema.PERCENT: "0.0%",
            schema.INTEGER: "0",
            schema.ID: "@",
            schema.ID_LIST: "@",
            schema.TEXT: "@",
        }
        self.cell = {k: add({"num_format": f, "valign": "top"}) for k, f in kind_formats.items()}
        self.cell_plain = add({"valign": "top"})
        self.datetime = add({"num_format": f"{date} hh:mm", "valign": "top"})
        total = {"bold": True, "bg_color": "#DDEBF7", "top": 1, "valign": "top"}
        grand = {**total, "bg_color": "#BDD7EE", "top": 2}
        money_fmt = kind_formats[schema.MONEY]
        self.total = {
            "sub": (add(total), add({**total, "num_format": money_fmt})),
            "grand": (add(grand), add({**grand, "num_format": money_fmt})),
        }
        self.style = {name: add(spec) for name, spec in STYLES.items()}

    def close(self) -> None:
        self.book.close()

    # -- cells --

    def value_format(self, column: schema.Column, value: object) -> Any:
        if column.kind == schema.FRINGE and isinstance(value, int | float | Decimal):
            return self.cell[schema.PERCENT]
        return self.cell.get(column.kind, self.cell_plain)

    def write_value(
        self, ws: Any, r: int, c: int, column: schema.Column, value: object, fmt: Any = None
    ) -> None:
        """One Python value as Excel would hold it: real dates, times and numbers."""
        if is_blank(value):
            return
        fmt = fmt or self.value_format(column, value)
        if isinstance(value, bool):
            yes, no = schema.YES_NO[self.lang]
            ws.write_string(r, c, yes if value else no, fmt)
        elif isinstance(value, dt.datetime) and column.kind not in (schema.DATE, schema.TIME):
            ws.write_datetime(r, c, value, self.datetime)
        elif isinstance(value, dt.datetime):  # the part the column holds
            part = value.date() if column.kind == schema.DATE else value.time()
            ws.write_datetime(r, c, part, self.cell[column.kind])
        elif isinstance(value, dt.date):
            ws.write_datetime(r, c, value, self.cell[schema.DATE])
        elif isinstance(value, dt.time):
            ws.write_datetime(r, c, value, self.cell[schema.TIME])
        elif isinstance(value, int | float | Decimal):
            ws.write_number(r, c, float(value), fmt)
        elif isinstance(value, tuple | list | set | frozenset):
            ws.write_string(r, c, ", ".join(str(v) for v in value), fmt)
        else:
            text = str(value)
            if column.choices:  # a choice key is written as its label in the language
                labels = {ch.key: ch.label(self.lang) for ch in schema.CHOICES[column.choices]}
                text = labels.get(text, text)
            ws.write_string(r, c, text, fmt)

    def write_row_cell(
        self, ws: Any, r: int, c: int, column: schema.Column, row: Row, fmt: Any = None
    ) -> None:
        """A cell of a row dict, honouring ``_raw`` (verbatim text) and ``_formula_no_cache``."""
        if column.key in row.get(NO_CACHE, {}):
            formula = str(row[NO_CACHE][column.key])
            ws.write_formula(r, c, formula, fmt or self.value_format(column, 0), "")
            self.uncached = True
        elif column.key in row.get(RAW, {}):
            ws.write_string(r, c, str(row[RAW][column.key]), fmt or self.cell_plain)
        else:
            self.write_value(ws, r, c, column, row.get(column.key), fmt)

    def comment(self, ws: Any, r: int, c: int, text: str) -> None:
        lines = _row_lines(text, 48)
        ws.write_comment(
            r, c, text, {"author": "prodsheets", "x_scale": 2.6, "y_scale": max(1.0, lines / 4.5)}
        )

    def choice_list(
        self,
        ws: Any,
        first: int,
        c: int,
        last: int,
        labels: Iterable[str],
        texts: Mapping[str, Section],
    ) -> None:
        # A warning, not a stop: the reader also accepts common spellings (cachet, CDI).
        message = texts["validation"]
        ws.data_validation(
            first,
            c,
            last,
            c,
            {
                "validate": "list",
                "source": list(labels),
                "error_type": "warning",
                "error_title": message.title[:32],
                "error_message": message.text[:255],
            },
        )

    # -- sheets --

    def readme(self, workbook: str, kind: str, tables: Sequence[schema.Table]) -> None:
        lang = self.lang
        texts = instructions(lang)
        ws = self.book.add_worksheet(README_SHEET[lang])
        widths = (26, 18, 90)
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.hide_gridlines(2)
        kind_name = schema.choice_label("kind", kind, lang)
        r = 0

        def heading(text: str) -> None:
            nonlocal r
            r += 1
            ws.set_row(r, 20)
            ws.merge_range(r, 0, r, 2, text, self.style["heading"])
            r += 1

        def paragraphs(items: Iterable[str]) -> None:
            nonlocal r
            for text in items:
                text = text.replace("{kind}", kind_name)
                ws.merge_range(r, 0, r, 2, text, self.style["paragraph"])
                ws.set_row(r, 15 * _row_lines(text, 118) + 2)
                r += 1

        ws.write_string(r, 0, texts["intro"].title, self.style["title"])
        ws.set_row(r, 24)
        r += 1
        paragraphs(texts["intro"].paragraphs)
        heading(texts[f"workbook.{workbook}"].title)
        paragraphs(texts[f"workbook.{workbook}"].paragraphs)
        heading(texts["values"].title)
        paragraphs(texts["values"].paragraphs)
        names = texts["columns"].title.split("|")
        for table in tables:
            heading(table.name(lang))
            paragraphs((table.help(lang),))
            if extra := texts.get(f"table.{table.key}"):
                paragraphs(extra.paragraphs)
            for c, name in enumerate(names):
                ws.write_string(r, c, name.strip(), self.style["small_header"])
            r += 1
            for column in table.columns:
                text = column_help(table, column, lang)
                ws.write_string(r, 0, column.title(lang), self.style["bold_cell"])
                ws.write_string(r, 1, kind_label(column, lang), self.style["wrap"])
                ws.write_string(r, 2, text, self.style["wrap"])
                ws.set_row(r, 15 * _row_lines(text, 84) + 2)
                r += 1
        ws.activate()

    def production(self, settings: Row) -> None:
        lang, table = self.lang, schema.PRODUCTION
        texts = instructions(lang)
        ws = self.book.add_worksheet(table.name(lang))
        ws.set_column(0, 0, 28)
        ws.set_column(1, 1, 30)
        for c, name in enumerate(schema.SETTING_HEADER[lang]):
            ws.write_string(0, c, name[:1].upper() + name[1:], self.style["header"])
        self.comment(ws, 0, 0, table.help(lang))
        for r, column in enumerate(table.template_columns, start=1):
            ws.write_string(r, 0, column.title(lang), self.style["label"])
            self.comment(ws, r, 0, column_help(table, column, lang))
            ws.write_blank(r, 1, None, self.value_format(column, None))
            self.write_row_cell(ws, r, 1, column, settings)
            if column.choices:
                self.choice_list(ws, r, 1, r, choice_labels(column.choices, lang), texts)
        ws.freeze_panes(1, 0)
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)

    def table(self, table: schema.Table, rows: Sequence[Row]) -> None:
        lang = self.lang
        texts = instructions(lang)
        ws = self.book.add_worksheet(table.name(lang))
        columns = table.template_columns
        for c, column in enumerate(columns):
            ws.set_column(c, c, column.width, self.cell.get(column.kind))
            ws.write_string(0, c, column.title(lang), self.style["header"])
            help_text = column_help(table, column, lang)
            if table.key == "fringes" and column.key == "rate":
                help_text += " " + texts["note.fringes"].text
            self.comment(ws, 0, c, help_text)
            if column.choices:
                labels = choice_labels(column.choices, lang)
                self.choice_list(ws, 1, c, LAST_ROW - 1, labels, texts)
            elif column.kind == schema.BOOL:
                yes_no = schema.YES_NO[lang]
                self.choice_list(ws, 1, c, LAST_ROW - 1, yes_no, texts)
        ws.set_row(0, 32)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(rows), LAST_ROW - 1), len(columns) - 1)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)

        from xlsxwriter.utility import xl_col_to_name

        index = {column.key: c for c, column in enumerate(columns)}
        plans: list[Total | None] = [None] * len(rows)
        if table.key == "budget":
            letters = {k: xl_col_to_name(index[k]) for k in ("quantity", "rate", "total")}
            plans = budget_totals(rows, **letters)
        for i, row in enumerate(rows):
            r = i + 1
            kind = total_kind(row) if table.key == "budget" else None
            text_fmt, money_fmt = self.total[kind] if kind else (None, None)
            for c, column in enumerate(columns):
                fmt = (money_fmt if column.kind == schema.MONEY else text_fmt) if kind else None
                if kind:
                    ws.write_blank(r, c, None, fmt)
                plan = plans[i]
                if column.key == "total" and plan is not None:
                    value = plan.value if isinstance(plan.value, str) else float(plan.value)
                    ws.write_formula(r, c, plan.formula, fmt or self.cell[schema.MONEY], value)
                else:
                    self.write_row_cell(ws, r, c, column, row, fmt)

        if table.key == "fringes":  # beside the table, in no known column: never read as a row
            note = texts["note.fringes"]
            first = len(columns) + 1
            ws.set_column(first, first + 5, 12)
            colon = pick(lang, ": ", " : ")
            ws.merge_range(
                1, first, 5, first + 5, f"{note.title}{colon}{note.text}", self.style["note"]
            )


def _temp_beside(path: Path) -> Path:
    """A hidden name in the same folder (so that os.replace is atomic and the reader skips
    it); created by the writer itself, so the file gets the user's usual permissions."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def _strip_empty_results(path: Path) -> None:
    """Drop the ``<v></v>`` XlsxWriter writes for ``value=""``: a formula with no result."""
    tmp = _temp_beside(path)
    try:
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename.startswith("xl/worksheets/"):
                    data = data.replace(b"</f><v></v></c>", b"</f></c>")
                dst.writestr(info, data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_workbook(
    path: Path,
    workbook: str,
    kind: str,
    lang: str,
    settings: Row,
    content: Mapping[str, Sequence[Row]],
) -> None:
    tables = workbook_tables(workbook)
    currency = settings.get("currency")
    writer = _Writer(path, lang, currency if isinstance(currency, str) else "EUR")
    title = settings.get("title")
    writer.book.set_properties(
        {"title": f"{title} — {workbook}" if title else workbook, "author": "prodsheets"}
    )
    writer.readme(workbook, kind, tables)
    for table in tables:
        if table.key_value:
            writer.production(settings)
        else:
            writer.table(table, content[table.key])
    writer.close()
    if writer.uncached:
        _strip_empty_results(path)


class WorkbooksExist(FileExistsError):
    """Workbooks already in the folder: nothing was written. ``args[1:]`` are their paths."""

    def __init__(self, folder: Path, paths: Sequence[Path]) -> None:
        names = ", ".join(p.name for p in paths)
        super().__init__(f"{names} already in {folder}: not overwritten (use force)")
        self.args = (self.args[0], *paths)
        self.paths = list(paths)

    def __str__(self) -> str:
        return str(self.args[0])


def write_production(
    folder: Path,
    *,
    kind: str = "film",
    lang: str = "fr",
    settings: dict[str, object] | None = None,
    rows: dict[str, list[dict[str, object]]] | None = None,
    force: bool = False,
) -> list[Path]:
    """Write budget.xlsx, crew.xlsx and schedule.xlsx into folder; return the paths written.

    ``kind`` is said in either language (``live`` or ``spectacle``). ``settings``
    overrides Production values by column key. ``rows`` replaces a table's
    template rows (column key → Python value; ``"_raw"`` and ``"_formula_no_cache"`` plant
    badly typed cells for examples). Existing files are refused unless ``force``; each
    workbook is written to a hidden temporary file and moved into place only once all
    three are complete, so a failure never leaves a half-written production.
    """
    kind = schema.choice_key("kind", kind) or kind  # « spectacle » as well as "live"
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if lang not in schema.LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(schema.LANGS)}")
    rows = rows or {}
    check_rows(rows, settings or {})
    folder = Path(folder)
    targets = [folder / f"{workbook}.xlsx" for workbook in schema.WORKBOOKS]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise WorkbooksExist(folder, existing)
    folder.mkdir(parents=True, exist_ok=True)

    merged = production_settings(kind, lang, settings, rows.get("production", ()))
    content = {
        t.key: rows[t.key] if t.key in rows else default_rows(t.key, kind, lang)
        for t in schema.TABLES
        if not t.key_value
    }
    temps: list[Path] = []
    try:
        for workbook, target in zip(schema.WORKBOOKS, targets, strict=True):
            temps.append(_temp_beside(target))
            _write_workbook(temps[-1], workbook, kind, lang, merged, content)
        for tmp, target in zip(temps, targets, strict=True):
            os.replace(tmp, target)
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
    return targets


def write_mapping(
    path: Path,
    lang: str,
    rows: Sequence[Sequence[Any]],
    settings: Mapping[str, Any],
    tables: Sequence[schema.Table] = (),
) -> Path:
    """``prodsheets.xlsx``: the mapping's rows, the Production settings, empty sheets for
    the given tables (Groups, Shift codes) and a Read me; written to a temporary file and
    renamed into place."""
    from prodsheets.contract import mapping as M
    from prodsheets.i18n.words import ADOPT
    from prodsheets.io.write import atomic

    w = ADOPT[lang]
    with atomic(path) as tmp:
        writer = _Writer(tmp, lang, str(settings.get("currency") or "EUR"))
        writer.book.set_properties({"title": w["readme_title"], "author": "prodsheets"})
        ws = writer.book.add_worksheet(M.SHEET_NAMES[lang])
        widths = (22, 22, 16, 18, 24, 22, 10, 34)
        for c, width in enumerate(widths):
            ws.set_column(c, c, width, writer.cell[schema.TEXT])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                style = writer.style["header"] if r == 0 else None
                if isinstance(value, int):
                    ws.write_number(r, c, value, style)
                else:
                    ws.write_string(r, c, str(value), style)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(len(rows) - 1, 1), len(widths) - 1)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        ws.set_row(0, 30)
        table_names = [t.name(lang) for t in schema.TABLES if not t.key_value]
        choices = [*table_names, M.ROSTER_NAMES[lang], M.IGNORE_NAMES[lang]]
        texts = instructions(lang)
        writer.choice_list(ws, 1, 2, LAST_ROW - 1, choices, texts)
        writer.production(settings)
        for table in tables:
            writer.table(table, [])
        readme = writer.book.add_worksheet(w["readme"])
        readme.set_column(0, 0, 66, writer.style["paragraph"])
        readme.set_paper(9)
        readme.fit_to_pages(1, 0)
        names = ", ".join(t.name(lang) for t in schema.TABLES if not t.key_value)
        lines = [
            w["readme_title"],
            w["readme_1"],
            w["readme_2"],
            w["readme_3"].format(tables=names),
            w["readme_4"],
            w["readme_5"],
            w["fields_of"].format(
                table=M.ROSTER_NAMES[lang],
                fields=", ".join(schema.BOOKINGS.column(k).name(lang) for k in M.ROSTER_FIELDS),
            ),
            *(
                w["fields_of"].format(
                    table=t.name(lang), fields=", ".join(c.name(lang) for c in t.columns)
                )
                for t in schema.TABLES
                if not t.key_value
            ),
        ]
        for r, line in enumerate(lines):
            readme.write_string(r, 0, line, writer.style["title" if r == 0 else "paragraph"])
            readme.set_row(r, 15 * _row_lines(line, 60) + 2)
        writer.close()
    return path
