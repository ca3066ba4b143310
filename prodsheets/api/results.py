"""What ``check``, ``reconcile`` and ``whatif`` say, for Python: frames, plain objects, JSON.

Each class wraps the pipeline's result (``.result``, the same object the command line
renders) and gives its parts as DataFrames, built on first use; ``to_json()`` is the
command's ``--format json``, made by the same renderer.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

import prodsheets.api.frames as frames
from prodsheets.money import money

if TYPE_CHECKING:
    import pandas as pd

    from prodsheets.costs.reconcile import Reconciliation
    from prodsheets.findings import Finding
    from prodsheets.pipeline import CheckResult, ReconcileResult, Result, WhatIfResult
    from prodsheets.whatif.plan import WhatIf


class _Said:
    """What every command's result has: its findings, their summary, the exit code."""

    def __init__(self, result: Result, lang: str) -> None:
        self._result = result
        self.lang = lang
        """The language of messages and labels: ``"fr"`` or ``"en"``."""

    @property
    def found(self) -> list[Finding]:
        """The findings as plain objects (:class:`prodsheets.findings.Finding`), in order."""
        return self._result.findings

    @cached_property
    def _findings(self) -> pd.DataFrame:
        return frames.findings(self._result.findings, self.lang)

    @property
    def findings(self) -> pd.DataFrame:
        """One row per place each finding names (``finding`` numbers the findings): code,
        name, severity, message, hint, count and range (a finding repeated down a column),
        then file, sheet, cell, row, column and id."""
        return self._findings.copy()

    @property
    def summary(self) -> dict[str, int]:
        """``{"errors": …, "warnings": …, "infos": …}``."""
        return self._result.summary

    @property
    def exit_code(self) -> int:
        """The command's exit code: 0 no error, 1 errors found, 2 a production unreadable."""
        return self._result.exit_code


class CheckFrames(_Said):
    """``prodsheets check``: the findings, over one production or several."""

    def __init__(self, result: CheckResult, lang: str) -> None:
        super().__init__(result, lang)
        self.result = result
        """The pipeline's :class:`~prodsheets.pipeline.CheckResult`, as the CLI renders it."""

    def to_json(self) -> dict[str, Any]:
        """Exactly what ``prodsheets check … --format json`` prints."""
        from prodsheets.render.findings import to_json

        return to_json(self.result, self.lang)


class ReconcileFrames(_Said):
    """``prodsheets reconcile``: each line, chapter and week, exact to the cent, with the
    findings that bear on money."""

    def __init__(self, result: ReconcileResult, lang: str) -> None:
        super().__init__(result, lang)
        self.result = result
        """The pipeline's :class:`~prodsheets.pipeline.ReconcileResult`."""

    @property
    def reconciliation(self) -> Reconciliation | None:
        """The plain reconciliation (lines, chapters, contingency, cash flow); None when the
        production could not be read."""
        return self.result.reconciliation

    @property
    def title(self) -> str:
        """The production's title, as each frame's ``production`` column holds it."""
        return self.result.title

    def _rec(self) -> Reconciliation:
        rec = self.result.reconciliation
        if rec is None:
            raise ValueError(_UNREADABLE.format(title=self.title))
        return rec

    @cached_property
    def _lines(self) -> pd.DataFrame:
        return frames.lines(self.title, self._rec(), self.lang)

    @property
    def lines(self) -> pd.DataFrame:
        """One row per budget line: code, chapter, description, kind, then budget, fringes,
        planned, actual (committed, invoiced, paid when Actuals has a status), remaining,
        estimate at completion, variance (negative: an overrun), as ``Decimal``."""
        return self._lines.copy()

    @cached_property
    def _chapters(self) -> pd.DataFrame:
        return frames.chapters(self.title, self._rec(), self.lang)

    @property
    def chapters(self) -> pd.DataFrame:
        """One row per chapter, the amounts of :attr:`lines` summed."""
        return self._chapters.copy()

    @cached_property
    def _weekly(self) -> pd.DataFrame:
        return frames.weekly(self.title, self._rec())

    @property
    def weekly(self) -> pd.DataFrame:
        """Cash flow by ISO week: ``week`` (``2026-W11``), its ``monday``, planned, actual."""
        return self._weekly.copy()

    @cached_property
    def _daily(self) -> pd.DataFrame:
        return frames.daily(self.title, self.result.hot_costs)

    @property
    def daily(self) -> pd.DataFrame:
        """The hot costs: each day with hours reported, planned against worked."""
        return self._daily.copy()

    @property
    def total(self) -> dict[str, Decimal]:
        """The whole production's amounts, as :attr:`lines` has them."""
        rec = self._rec()
        return frames.amounts(rec.total, rec.statuses)

    def to_json(self) -> dict[str, Any]:
        """Exactly what ``prodsheets reconcile … --format json`` prints."""
        from prodsheets.render.reconcile import to_json

        return to_json(self.result, self.lang)


class WhatIfFrames(_Said):
    """``prodsheets whatif``: what the scenario hits, who or what could replace it, and what
    the plan costs."""

    def __init__(self, result: WhatIfResult, lang: str) -> None:
        super().__init__(result, lang)
        self.result = result
        """The pipeline's :class:`~prodsheets.pipeline.WhatIfResult`."""

    @property
    def plan(self) -> WhatIf | None:
        """The plain plan (hits, replacements, costs); None when the production could not be
        read (:attr:`findings` says why)."""
        return self.result.plan

    def _plan(self) -> WhatIf:
        if self.result.plan is None:
            raise ValueError(_UNREADABLE.format(title=self.result.title))
        return self.result.plan

    @cached_property
    def _affected(self) -> pd.DataFrame:
        return frames.affected(self._plan())

    @property
    def affected(self) -> pd.DataFrame:
        """What is hit: one row per place of each hit (``hit`` numbers them), its event and
        who, and the cell."""
        return self._affected.copy()

    @cached_property
    def _candidates(self) -> pd.DataFrame:
        return frames.candidates(self._plan(), self.lang)

    @property
    def candidates(self) -> pd.DataFrame:
        """Who or what could replace each hit, best first; ``chosen`` marks the plan's pick,
        ``cost`` what it adds to the planned cost."""
        return self._candidates.copy()

    @cached_property
    def _rejected(self) -> pd.DataFrame:
        return frames.rejected(self._plan(), self.lang)

    @property
    def rejected(self) -> pd.DataFrame:
        """Candidates ruled out, with the conflict's code or the event they are already on."""
        return self._rejected.copy()

    @property
    def cost_before(self) -> Decimal:
        """The planned cost today."""
        return money(self._plan().cost_before)

    @property
    def cost_after(self) -> Decimal:
        """The planned cost with the plan (what stays uncovered at today's rates)."""
        return money(self._plan().cost_after)

    @property
    def cost_delta(self) -> Decimal:
        """What the plan adds (negative: saves)."""
        return money(self._plan().cost_delta)

    def to_json(self) -> dict[str, Any]:
        """Exactly what ``prodsheets whatif … --format json`` prints."""
        from prodsheets.render.whatif import to_json

        return to_json(self._plan(), self.lang)


_UNREADABLE = (
    "« {title} » n'a pas pu être lue : voir .findings / {title} could not be read: see .findings"
)
