"""``prodsheets.open(path)``: a production read once, its tables as frames, the commands on it.

``check``, ``reconcile`` and ``whatif`` run on what was read by the pipeline the CLI uses
(``pipeline.check_read``, ``reconcile_read``, ``whatif_read``): no rule is written twice.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, overload

import prodsheets.api.frames as frames
from prodsheets.api.results import CheckFrames, ReconcileFrames, WhatIfFrames

if TYPE_CHECKING:
    import pandas as pd

    from prodsheets.analyses import Analyses
    from prodsheets.findings import Finding
    from prodsheets.model import Production as Model
    from prodsheets.whatif import Scenario

PathLike = str | os.PathLike[str]
Day = dt.date | str


class _Tables:
    """The tables of the workbook contract, each as a DataFrame (English keys)."""

    def table(self, name: str) -> pd.DataFrame:
        raise NotImplementedError

    @property
    def budget(self) -> pd.DataFrame:
        """Budget / Devis: one row per line (code, chapter, quantity, rate, fringe…)."""
        return self.table("budget")

    @property
    def actuals(self) -> pd.DataFrame:
        """Actuals / Dépenses: date, code, vendor, amount, status…"""
        return self.table("actuals")

    @property
    def fringes(self) -> pd.DataFrame:
        """Fringes / Charges: code, rate, what contracts it applies to."""
        return self.table("fringes")

    @property
    def crew(self) -> pd.DataFrame:
        """Crew / Équipe: id, name, role, contract, day and hourly rates, email…"""
        return self.table("crew")

    @property
    def resources(self) -> pd.DataFrame:
        """Resources / Matériel: id, name, kind, quantity, day rate, vendor."""
        return self.table("resources")

    @property
    def vendors(self) -> pd.DataFrame:
        """Vendors / Prestataires: id, name, service, critical, backup."""
        return self.table("vendors")

    @property
    def unavailability(self) -> pd.DataFrame:
        """Unavailability / Indisponibilités: who, from, to, reason."""
        return self.table("unavailability")

    @property
    def locations(self) -> pd.DataFrame:
        """Locations / Lieux: id, name, address, outdoor, capacity…"""
        return self.table("locations")

    @property
    def travel(self) -> pd.DataFrame:
        """Travel / Trajets: from, to, minutes."""
        return self.table("travel")

    @property
    def events(self) -> pd.DataFrame:
        """Events / Planning: id, date, start, end, title, location, kind, cover…"""
        return self.table("events")

    @property
    def bookings(self) -> pd.DataFrame:
        """Bookings / Affectations: event, who, call, wrap, quantity, role…"""
        return self.table("bookings")

    @property
    def risks(self) -> pd.DataFrame:
        """Risks / Risques: id, risk, probability, impact, mitigation, owner…"""
        return self.table("risks")

    @property
    def actual_hours(self) -> pd.DataFrame:
        """Actual hours / Heures réelles: date, who, arrival, wrap, break."""
        return self.table("actual_hours")


def table_key(name: str) -> str:
    """A table's key from its key (``bookings``) or a sheet's name in either language
    (``Affectations``); a name that is none raises KeyError."""
    from prodsheets.contract import schema

    if name in schema.TABLES_BY_KEY:
        return name
    found = schema.table_for_sheet(name)
    if found is None:
        known = ", ".join(schema.TABLES_BY_KEY)
        raise KeyError(f"« {name} » : table inconnue / unknown table ({known})")
    return found.key


class Production(_Tables):
    """One production (a folder of workbooks, or one workbook), read once.

    Each table is a DataFrame (``prod.bookings``, ``prod.table("Affectations")``) with a
    column per contract column, typed, then ``file``, ``sheet`` and ``row``;
    :meth:`cells` says the cell of each value. :meth:`check`, :meth:`reconcile` and
    :meth:`whatif` run the command line's pipeline on what was read.
    """

    def __init__(self, model: Model, problems: Sequence[Finding] = ()) -> None:
        from prodsheets.analyses import Analyses

        self.model = model
        """The plain model (:class:`prodsheets.model.Production`): the tables by column."""
        self.problems = list(problems)
        """What reading found (files, sheets, values), as plain findings."""
        self.analyses: Analyses = Analyses(model)
        """The analyses the checks share (schedule, working days, reconciliation)."""

    def __repr__(self) -> str:
        return f"<prodsheets.Production {self.title!r} ({self.model.display})>"

    @property
    def title(self) -> str:
        """The Production sheet's title (else the folder's name)."""
        return self.model.title

    @property
    def language(self) -> str:
        """``"fr"`` or ``"en"``: the production's setting, else its sheets' names."""
        return self.model.language

    @property
    def currency(self) -> str:
        """The production's currency (``EUR`` by default)."""
        return self.model.currency

    @property
    def unreadable(self) -> bool:
        """True when a file or the folder could not be read (:attr:`problems` says why)."""
        return self.model.unreadable

    @cached_property
    def _frames(self) -> dict[str, pd.DataFrame]:
        return {}

    def _cached(self, key: str, build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """A frame built once, handed out as a copy (changing it changes nothing here)."""
        if key not in self._frames:
            self._frames[key] = build()
        return self._frames[key].copy()

    def table(self, name: str) -> pd.DataFrame:
        """A table by key (``bookings``) or sheet name (``Affectations``, ``Bookings``):
        its contract columns, typed, then ``production``, ``file``, ``sheet``, ``row``.
        A new copy each time: change it freely."""
        key = table_key(name)
        if key == "production":
            return self.settings
        return self._cached(key, lambda: frames.table(self.model, key))

    def cells(self, name: str) -> pd.DataFrame:
        """Where each value of :meth:`table` sits: the same rows and contract columns, each
        holding its cell (``B27``), empty where the sheet has no such column."""
        key = table_key(name)
        return self._cached("cells " + key, lambda: frames.cells(self.model, key))

    @property
    def settings(self) -> pd.DataFrame:
        """The Production sheet: one row per setting (``title``, ``start``, ``rules``…), its
        typed value, and its cell."""
        return self._cached("settings", lambda: frames.settings(self.model))

    @property
    def days(self) -> pd.DataFrame:
        """Each person's working days as the working-time rules count them: ``who``,
        ``name``, ``date``, first ``call``, last ``wrap``, time ``worked`` (overlaps once),
        and ``reported`` (the day's hours come from Actual hours)."""
        a = self.analyses
        if self.unreadable:
            return self._cached("days", lambda: frames.days(self.model, None, None))
        return self._cached("days", lambda: frames.days(self.model, a.schedule, a.worked_days))

    # --- the commands -------------------------------------------------------------------

    def check(
        self, select: Iterable[str] = (), ignore: Iterable[str] = (), lang: str | None = None
    ) -> CheckFrames:
        """``prodsheets check``: every check (or those ``select``/``ignore`` name: codes,
        prefixes such as ``PS3``, or names such as ``travel-time``), messages in ``lang``
        (default: the production's)."""
        from prodsheets.pipeline import check_read

        chosen, left_out = selection(select), selection(ignore)
        result = check_read([(self.analyses, self.problems)], chosen, left_out)
        return CheckFrames(result, language(lang, result.language))

    def reconcile(self, lang: str | None = None) -> ReconcileFrames:
        """``prodsheets reconcile``: budget, planned, actual and what follows, by line,
        chapter and week, with the findings that bear on money."""
        from prodsheets.pipeline import reconcile_read

        result = reconcile_read(self.analyses, self.problems)
        return ReconcileFrames(result, language(lang, result.language))

    def whatif(
        self,
        *,
        absent: str | None = None,
        lose_location: str | None = None,
        lose_vendor: str | None = None,
        rain: Day | None = None,
        start: Day | None = None,
        end: Day | None = None,
        lang: str | None = None,
    ) -> WhatIfFrames:
        """``prodsheets whatif``: exactly one of ``absent`` (a crew or resource id),
        ``lose_location``, ``lose_vendor`` or ``rain`` (a day); ``start``/``end`` bound an
        absence or a loss. Days as ``datetime.date`` or as typed (``12/03/2026``,
        ``2026-03-12``). An id that names nothing raises
        :class:`prodsheets.whatif.UnknownId`; a misuse, ValueError."""
        from prodsheets.pipeline import whatif_read

        scenario = _scenario(absent, lose_location, lose_vendor, rain, start, end)
        result = whatif_read(self.analyses, self.problems, scenario)
        return WhatIfFrames(result, language(lang, result.language))


class Productions(_Tables, Sequence[Production]):
    """Several productions read together (``prodsheets.open("film-a", "film-b")``), as
    ``prodsheets check film-a film-b`` reads them: each file named with its folder
    (``film-a/schedule.xlsx``). Tables stack the productions' rows (the ``production``
    column says whose); :meth:`check` also checks people and resources across them.
    ``reconcile`` and ``whatif`` are each production's: ``for prod in prods: …``.
    """

    def __init__(self, productions: Sequence[Production]) -> None:
        self._productions = list(productions)

    def __repr__(self) -> str:
        return f"<prodsheets.Productions {[p.title for p in self._productions]!r}>"

    @overload
    def __getitem__(self, index: int) -> Production: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Production]: ...

    def __getitem__(self, index: int | slice) -> Production | Sequence[Production]:
        return self._productions[index]

    def __len__(self) -> int:
        return len(self._productions)

    def __iter__(self) -> Iterator[Production]:
        return iter(self._productions)

    def _stack(self, parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
        import pandas as pd

        return pd.concat(list(parts), ignore_index=True)

    def table(self, name: str) -> pd.DataFrame:
        """One table of every production, stacked (same columns, ``production`` first)."""
        return self._stack(p.table(name) for p in self._productions)

    def cells(self, name: str) -> pd.DataFrame:
        """The cells of :meth:`table`'s values, row for row."""
        return self._stack(p.cells(name) for p in self._productions)

    @property
    def settings(self) -> pd.DataFrame:
        """Every production's settings, stacked."""
        return self._stack(p.settings for p in self._productions)

    @property
    def days(self) -> pd.DataFrame:
        """Every production's working days, stacked: group by ``who`` for a person's days
        across productions."""
        return self._stack(p.days for p in self._productions)

    def check(
        self, select: Iterable[str] = (), ignore: Iterable[str] = (), lang: str | None = None
    ) -> CheckFrames:
        """``prodsheets check`` over all of them, and across them: the same person or
        resource booked twice at once in two productions."""
        from prodsheets.pipeline import check_read

        read = [(p.analyses, p.problems) for p in self._productions]
        result = check_read(read, selection(select), selection(ignore))
        return CheckFrames(result, language(lang, result.language))


@overload
def open(path: PathLike, /) -> Production: ...


@overload
def open(path: PathLike, other: PathLike, /, *more: PathLike) -> Productions: ...


def open(*paths: PathLike) -> Production | Productions:
    """Read a production (a folder of workbooks, or one workbook); with several paths,
    several productions, read as ``prodsheets check a b`` reads them.

    Reading never raises on bad data: what is wrong is in ``.problems`` and in
    ``check()``'s findings. A path that does not exist raises FileNotFoundError.
    """
    from prodsheets.pipeline import read

    if not paths:
        raise TypeError("open() needs a path / open() demande un chemin")
    given = [Path(p) for p in paths]
    for path in given:
        if not path.exists():
            raise FileNotFoundError(
                2, "aucun fichier ni dossier / no such file or folder", str(path)
            )
    productions = [Production(model, problems) for model, problems in read(given)]
    return productions[0] if len(productions) == 1 else Productions(productions)


def selection(words: Iterable[str] | str) -> list[str]:
    """``--select``/``--ignore`` words: one string separated by commas, or several; an
    unknown one raises ValueError naming the closest."""
    from prodsheets.catalogue import unknown_words

    chosen = [w for s in ([words] if isinstance(words, str) else words) for w in s.split(",")]
    chosen = [w for w in chosen if w.strip()]
    unknown, close = unknown_words(chosen)
    if unknown:
        nearest = f" (proche / close: {', '.join(close)})" if close else ""
        raise ValueError(f"code inconnu / unknown code: {', '.join(unknown)}{nearest}")
    return chosen


def language(lang: str | None, default: str) -> str:
    """``lang`` when given (``"fr"`` or ``"en"``), else the production's."""
    if lang is None:
        return default
    if lang not in ("fr", "en"):
        raise ValueError(f"lang : « fr » ou « en » / lang: 'fr' or 'en', not {lang!r}")
    return lang


def _day(value: Day | None, what: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    from prodsheets.contract.values import BadValue, parse_date

    try:
        return parse_date(value)
    except BadValue:
        raise ValueError(
            f"{what} : « {value} », date attendue / expected a date (31/12/2026)"
        ) from None


def _scenario(
    absent: str | None,
    lose_location: str | None,
    lose_vendor: str | None,
    rain: Day | None,
    start: Day | None,
    end: Day | None,
) -> Scenario:
    from prodsheets.whatif import KINDS, Scenario

    given = (absent, lose_location, lose_vendor, rain)  # in the order of KINDS
    chosen = [(k, v) for k, v in zip(KINDS, given, strict=True) if v is not None]
    if len(chosen) != 1:
        raise ValueError(
            "un scénario, et un seul / exactly one of absent, lose_location, lose_vendor, rain"
        )
    kind, value = chosen[0]
    first, last = _day(start, "start"), _day(end, "end")
    if kind == "rain":
        if first or last:
            raise ValueError(
                "start/end ne vont pas avec rain, qui dit déjà son jour / do not go with "
                "rain, which gives its own day"
            )
        day = _day(value, "rain")
        return Scenario("rain", None, day, day)
    if first and last and last < first:
        raise ValueError(f"end ({last:%d/%m/%Y}) est avant / is before start ({first:%d/%m/%Y})")
    return Scenario(kind, str(value), first, last)
