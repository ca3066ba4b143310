"""What several checks share, computed once per production: the typed context checks receive.

A check asks for what it needs (``a.schedule``, ``a.work_days``, ``a.reconciliation``) and
gets it computed on first use, then shared, as flake8 hands each plugin only the inputs it
asks for. The production model stays as read; a what-if builds a new ``Analyses`` over a
changed copy of it.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from prodsheets.model import Production
from prodsheets.money import exact

if TYPE_CHECKING:
    from prodsheets.costs.reconcile import Reconciliation
    from prodsheets.schedule.dates import Span
    from prodsheets.schedule.intervals import Schedule
    from prodsheets.schedule.presets import Rules
    from prodsheets.schedule.workdays import Days, Overtime, WeeklyTime


class Analyses:
    """A production and the analyses of it, each built when first asked for."""

    def __init__(self, production: Production) -> None:
        self.production = production

    @cached_property
    @exact
    def schedule(self) -> Schedule:
        """Events and bookings as intervals, grouped by who, sorted by start."""
        from prodsheets.schedule.intervals import build_schedule

        return build_schedule(self.production)

    @property
    def rules(self) -> Rules:
        """The working-time preset, with the Production sheet's overrides."""
        return self.schedule.rules

    @cached_property
    def span(self) -> Span:
        """The centre of the production's dates, and its dates near it (not a typo's)."""
        from prodsheets.schedule.dates import production_span

        return production_span(self.production)

    @cached_property
    @exact
    def work_days(self) -> Days:
        """Every working person's days: first call, last wrap, seconds worked."""
        from prodsheets.schedule.workdays import work_days

        return work_days(self.schedule)

    @cached_property
    @exact
    def weekly_time(self) -> WeeklyTime:
        """Seconds worked per person and ISO week, split at midnight."""
        from prodsheets.schedule.workdays import weekly_time

        return weekly_time(self.schedule)

    @cached_property
    @exact
    def overtime(self) -> Overtime:
        """Overtime hours per person and ISO week, by premium band."""
        from prodsheets.schedule.workdays import overtime_hours

        return overtime_hours(self.rules, self.weekly_time)

    @cached_property
    @exact
    def reconciliation(self) -> Reconciliation:
        """Budget, planned, actual and what follows, by line, chapter and week."""
        from prodsheets.costs.reconcile import build_reconciliation

        return build_reconciliation(self)
