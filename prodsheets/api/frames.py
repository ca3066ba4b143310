"""The production's tables and the commands' results turned into pandas DataFrames.

Nothing is computed here: each function reshapes what the model, the analyses or a
command's result already hold, column by column. pandas is imported inside the functions,
so importing this module costs nothing until a frame is asked for.

Columns are typed as the model types them: ids and text as strings, dates as
``datetime64[s]``, times of day as ``datetime.time``, amounts, numbers and percentages as
exact ``Decimal``, whole numbers as nullable ``Int64``, yes/no as nullable ``boolean``,
lengths of time as ``timedelta64[s]``; lists (an id list, breaks) stay Python objects.
Every row keeps where it came from: the ``file``, ``sheet`` and ``row`` (the sheet's own,
1-based row number, as Excel shows it), never a pandas index a person cannot jump to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from prodsheets.contract import schema
from prodsheets.findings import Finding, column_letter
from prodsheets.i18n import Bilingual
from prodsheets.money import money

if TYPE_CHECKING:
    import pandas as pd

    from prodsheets.costs.hot import HotCosts
    from prodsheets.costs.reconcile import Line, Reconciliation, Totals
    from prodsheets.model import Production
    from prodsheets.schedule.intervals import Schedule
    from prodsheets.schedule.workdays import Days
    from prodsheets.whatif.plan import WhatIf

# How a column is held in a frame (see the module's docstring).
TEXT, DATE, DATETIME, TIME, EXACT, WHOLE, YESNO, LENGTH, OBJECT = (
    "text",
    "date",
    "datetime",
    "time",
    "exact",
    "whole",
    "yesno",
    "length",
    "object",
)
HELD = {
    schema.TEXT: TEXT,
    schema.ID: TEXT,
    schema.CHOICE: TEXT,
    schema.FRINGE: TEXT,  # a code of the Fringes sheet, or a rate typed in the line (Decimal)
    schema.DATE: DATE,
    schema.TIME: TIME,
    schema.MONEY: EXACT,
    schema.NUMBER: EXACT,
    schema.PERCENT: EXACT,
    schema.INTEGER: WHOLE,
    schema.PAGES: WHOLE,  # eighths of a page: ``1 3/8`` is 11
    schema.BOOL: YESNO,
    schema.DURATION: LENGTH,  # seconds
}
SOURCE = ("file", "sheet", "row")  # where each row of a table comes from
EPOCH = dt.date(1970, 1, 1).toordinal()  # the model counts days from 0001-01-01
DAY = 86400

MISSING_PANDAS = (
    "Les tableaux (DataFrames) de prodsheets demandent pandas : pip install "
    "'prodsheets[pandas]' / prodsheets' frames need pandas: pip install 'prodsheets[pandas]'"
)

Column = tuple[str, Sequence[Any]]  # how a column is held, and its values


def need_pandas() -> None:
    """Import pandas, or say in both languages how to install it."""
    try:
        import pandas  # noqa: F401
    except ImportError as exc:
        raise ImportError(MISSING_PANDAS) from exc


def frame(columns: Mapping[str, Column], rows: int | None = None) -> pd.DataFrame:
    """A DataFrame from columns of plain values, each held as its kind says."""
    need_pandas()
    import numpy as np
    import pandas as pd

    def series(held: str, values: Sequence[Any]) -> Any:
        if held == TEXT and all(v is None or isinstance(v, str) for v in values):
            return pd.Series(list(values), dtype=object).astype(pd.StringDtype())
        if held in (DATE, DATETIME):
            no_day = np.datetime64("NaT")
            return np.array([no_day if v is None else v for v in values], dtype="datetime64[s]")
        if held == LENGTH:
            no_time = np.timedelta64("NaT")
            seconds = [no_time if v is None else int(v) for v in values]
            return np.array(seconds, dtype="timedelta64[s]")
        if held == WHOLE and all(v is None or isinstance(v, int) for v in values):
            return pd.array(list(values), dtype="Int64")
        if held == YESNO and all(v is None or isinstance(v, bool) for v in values):
            return pd.array(list(values), dtype="boolean")
        # time, exact (Decimal), object, and any column whose values are not all of its kind
        out = np.empty(len(values), dtype=object)
        out[:] = list(values)
        return pd.Series(out, dtype=object)  # as it is: pandas would make text of strings

    data = {name: series(held, values) for name, (held, values) in columns.items()}
    if rows is None:
        rows = len(next(iter(columns.values()))[1]) if columns else 0
    return pd.DataFrame(data, index=pd.RangeIndex(rows), columns=list(columns))


def said(value: str | Bilingual | None, lang: str) -> str | None:
    """A label said in one language (a chapter written by the producer stays as typed)."""
    return str(value[lang]) if isinstance(value, Bilingual) else value


# --- the production's tables -------------------------------------------------------------


def table(production: Production, key: str) -> pd.DataFrame:
    """One table of the contract: a column per contract column (empty where the sheet has
    none), then ``file``, ``sheet`` and ``row``. The same columns for every production,
    so that frames of several productions stack."""
    contract = schema.TABLES_BY_KEY[key]
    data = production.table(key)
    n = len(data) if data is not None else 0
    columns: dict[str, Column] = {"production": (TEXT, [production.title] * n)}
    for column in contract.columns:
        values = data.col(column.key) if data is not None else []
        columns[column.key] = (HELD.get(column.kind, OBJECT), values)
    columns["file"] = (TEXT, [data.file] * n if data is not None else [])
    columns["sheet"] = (TEXT, [data.sheet] * n if data is not None else [])
    columns["row"] = (WHOLE, data.rows if data is not None else [])
    return frame(columns, n)


def cells(production: Production, key: str) -> pd.DataFrame:
    """Where each value of a table sits: the same rows and contract columns as
    :func:`table`, each holding its cell (``B27``), empty where the sheet has no such
    column."""
    contract = schema.TABLES_BY_KEY[key]
    data = production.table(key)
    n = len(data) if data is not None else 0
    columns: dict[str, Column] = {}
    for column in contract.columns:
        if data is not None and data.has(column.key):
            letter = column_letter(data.columns[column.key])
            columns[column.key] = (TEXT, [f"{letter}{r}" for r in data.rows])
        else:
            columns[column.key] = (TEXT, [None] * n)
    return frame(columns, n)


def settings(production: Production) -> pd.DataFrame:
    """The Production sheet: one row per setting read, its typed value and its cell."""
    keys = list(production.settings)
    where = [production.setting_cells.get(k) for k in keys]
    return frame(
        {
            "production": (TEXT, [production.title] * len(keys)),
            "setting": (TEXT, keys),
            "value": (OBJECT, [production.settings[k] for k in keys]),
            "file": (TEXT, [w.file if w else None for w in where]),
            "sheet": (TEXT, [w.sheet if w else None for w in where]),
            "row": (WHOLE, [w.row if w else None for w in where]),
            "cell": (TEXT, [w.cell if w else None for w in where]),
        }
    )


def days(production: Production, schedule: Schedule | None, worked: Days | None) -> pd.DataFrame:
    """Each person's working days as the working-time rules count them: the date (a night
    that wraps at 04:00 belongs to the day it started), first call, last wrap, time worked
    (overlaps once), and whether the day comes from the Actual hours sheet. None: a
    production that could not be read, no day."""
    if worked is None or schedule is None:
        from prodsheets.schedule.workdays import Days

        worked = Days()
    n = len(worked)
    ordinals = [int(d) for d in worked.day]
    reported = [worked.reported_row(g) >= 0 for g in range(n)]
    name = schedule.name if schedule is not None else str
    return frame(
        {
            "production": (TEXT, [production.title] * n),
            "who": (TEXT, list(worked.who)),
            "name": (TEXT, [name(w) for w in worked.who]),
            "date": (DATE, [dt.date.fromordinal(d) for d in ordinals]),
            "call": (DATETIME, [_moment(int(s)) for s in worked.start]),
            "wrap": (DATETIME, [_moment(int(e)) for e in worked.end]),
            "worked": (LENGTH, [int(w) for w in worked.worked]),
            "reported": (YESNO, reported),
        },
        n,
    )


def _moment(seconds: int) -> dt.datetime:
    day, rest = divmod(seconds, DAY)
    return dt.datetime.fromordinal(day) + dt.timedelta(seconds=rest)


# --- findings ----------------------------------------------------------------------------


def findings(found: Iterable[Finding], lang: str) -> pd.DataFrame:
    """One row per place a finding names, as pandera lists failure cases: ``finding`` numbers
    the finding (rows of one finding share it), then what ``--format json`` says of it and
    of that place. A finding without a place has one row, its place empty."""
    keys = ("finding", "code", "name", "severity", "message", "hint", "count", "range")
    places = ("file", "sheet", "cell", "row", "column", "id")
    rows: dict[str, list[Any]] = {k: [] for k in (*keys, *places)}
    for n, f in enumerate(found):
        what = (n, f.code.code, f.code.name, f.level.value, f.message(lang), f.hint(lang))
        for loc in f.locations or (None,):
            for k, v in zip(keys, (*what, f.repeats, f.span), strict=True):
                rows[k].append(v)
            for k in places:
                rows[k].append(getattr(loc, k) if loc is not None else None)
    held = {"finding": WHOLE, "count": WHOLE, "row": WHOLE}
    return frame({k: (held.get(k, TEXT), v) for k, v in rows.items()})


# --- the reconciliation --------------------------------------------------------------------

AMOUNTS = ("budget", "fringes", "planned", "actual")
STATUSES = ("committed", "invoiced", "paid")
RESULTS = ("remaining", "estimate_at_completion", "variance")


def amounts(x: Line | Totals, statuses: bool) -> dict[str, Decimal]:
    keys = (*AMOUNTS, *(STATUSES if statuses else ()), *RESULTS)
    return {k: money(getattr(x, k)) for k in keys}


def _records(records: list[dict[str, Any]], held: Mapping[str, str]) -> pd.DataFrame:
    keys = list(held)
    return frame({k: (held[k], [r[k] for r in records]) for k in keys}, len(records))


def lines(title: str, rec: Reconciliation, lang: str) -> pd.DataFrame:
    """Each budget line: budget, planned, actual and what follows, to the cent."""
    records = [
        {
            "production": title,
            "code": x.code,
            "chapter": said(x.chapter, lang),
            "description": said(x.description, lang),
            "kind": x.kind,
            **amounts(x, rec.statuses),
        }
        for x in rec.lines
    ]
    held = {"production": TEXT, "code": TEXT, "chapter": TEXT, "description": TEXT}
    held |= {"kind": TEXT, **dict.fromkeys(_amount_keys(rec), EXACT)}
    return _records(records, held)


def chapters(title: str, rec: Reconciliation, lang: str) -> pd.DataFrame:
    """Each chapter's sums, in the budget's order."""
    records = [
        {"production": title, "chapter": said(c.label, lang), **amounts(c, rec.statuses)}
        for c in rec.chapters
    ]
    held = {"production": TEXT, "chapter": TEXT, **dict.fromkeys(_amount_keys(rec), EXACT)}
    return _records(records, held)


def _amount_keys(rec: Reconciliation) -> tuple[str, ...]:
    return (*AMOUNTS, *(STATUSES if rec.statuses else ()), *RESULTS)


def weekly(title: str, rec: Reconciliation) -> pd.DataFrame:
    """Cash flow by ISO week (``2026-W11``, its Monday): planned and actual; a last row
    without a week for what has no date."""
    records = [
        {
            "production": title,
            "week": None if w.week is None else f"{w.week[0]}-W{w.week[1]:02d}",
            "monday": w.monday,
            "planned": money(w.planned),
            "actual": money(w.actual),
        }
        for w in rec.cash_flow
    ]
    held = {"production": TEXT, "week": TEXT, "monday": DATE, "planned": EXACT, "actual": EXACT}
    return _records(records, held)


def daily(title: str, hot: HotCosts | None) -> pd.DataFrame:
    """The hot costs: each day with hours reported, planned against worked, and the running
    difference."""
    records = [
        {
            "production": title,
            "date": day.day,
            "production_day": day.number,
            "planned": money(day.planned),
            "worked": money(day.worked),
            "difference": money(day.difference),
            "running": money(day.running),
        }
        for day in (hot.days if hot else [])
    ]
    held = {"production": TEXT, "date": DATE, "production_day": WHOLE}
    held |= dict.fromkeys(("planned", "worked", "difference", "running"), EXACT)
    return _records(records, held)


# --- what if ------------------------------------------------------------------------------


def affected(plan: WhatIf) -> pd.DataFrame:
    """What the scenario hits: one row per place of each hit (``hit`` numbers the hits)."""
    s = plan.analyses.schedule
    records = []
    for n, h in enumerate(plan.affected):
        for loc in h.locations or (None,):
            records.append(
                {
                    "hit": n,
                    "event": s.event_id(h.event),
                    "who": h.who,
                    **{k: getattr(loc, k) if loc else None for k in _PLACES},
                }
            )
    held = {"hit": WHOLE, "event": TEXT, "who": TEXT}
    return _records(records, held | {k: WHOLE if k == "row" else TEXT for k in _PLACES})


_PLACES = ("file", "sheet", "cell", "row", "column", "id")


def candidates(plan: WhatIf, lang: str) -> pd.DataFrame:
    """Who or what could replace each hit: one row per candidate, best first, ``chosen``
    for the one the plan takes; a hit nobody can take has one row, its candidate empty."""
    s = plan.analyses.schedule
    records = []
    for n, r in enumerate(plan.replacements):
        head = {"hit": n, "event": s.event_id(r.hit.event), "who": r.hit.who}
        for c in r.candidates or (None,):
            records.append(
                {
                    **head,
                    "candidate": c.id if c else None,
                    "kind": c.kind if c else None,
                    "cost": money(c.cost) if c else None,
                    "why": c.why[lang] if c else None,
                    "chosen": c is not None and c is r.chosen,
                }
            )
    held = {"hit": WHOLE, "event": TEXT, "who": TEXT, "candidate": TEXT, "kind": TEXT}
    return _records(records, held | {"cost": EXACT, "why": TEXT, "chosen": YESNO})


def rejected(plan: WhatIf, lang: str) -> pd.DataFrame:
    """Candidates ruled out: the conflict they would create (its code), or the event they
    are already on."""
    s = plan.analyses.schedule
    records = [
        {
            "hit": n,
            "event": s.event_id(r.hit.event),
            "who": r.hit.who,
            "candidate": x.id,
            "code": x.finding.code.code if x.finding is not None else None,
            "reason": x.reason[lang],
            "already_on": x.already_on,
        }
        for n, r in enumerate(plan.replacements)
        for x in r.rejected
    ]
    held = dict.fromkeys(("event", "who", "candidate", "code", "reason", "already_on"), TEXT)
    return _records(records, {"hit": WHOLE, **held})
