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

if TYPE_CHECKING:
    from prodsheets.costs.reconcile import Reconciliation
    from prodsheets.schedule.intervals import Schedule
    from prodsheets.schedule.premiums import Hours, Overtime
    from prodsheets.schedule.presets import Rules
    from prodsheets.schedule.workdays import Days, WeeklyTime


class Analyses:
    """A production and the analyses of it, each built when first asked for."""

    def __init__(self, production: Production) -> None:
        self.production = production

    @cached_property
    def schedule(self) -> Schedule:
        """Events and bookings as intervals, grouped by who, sorted by start."""
        from prodsheets.schedule.intervals import build_schedule

        return build_schedule(self.production)

    @property
    def rules(self) -> Rules:
        """The working-time preset, with the Production sheet's overrides."""
        return self.schedule.rules

    @cached_property
    def work_days(self) -> Days:
        """Every working person's days: first call, last wrap, seconds worked."""
        from prodsheets.schedule.workdays import work_days

        return work_days(self.schedule)

    @cached_property
    def weekly_time(self) -> WeeklyTime:
        """Seconds worked per person and ISO week, split at midnight."""
        from prodsheets.schedule.workdays import weekly_time

        return weekly_time(self.schedule)

    @cached_property
    def hours(self) -> Hours:
        """Hours counted per person and ISO week (the équivalence applied), premiums by week,
        the days hired by the day."""
        from prodsheets.schedule.premiums import count_hours

        return count_hours(self.schedule, self.work_days, self.weekly_time)

    @property
    def overtime(self) -> Overtime:
        """Hours per premium (overtime bands, daily premiums) per person and ISO week."""
        return self.hours.premiums

    @property
    def counted_time(self) -> WeeklyTime:
        """Seconds counted per person and ISO week: presence, or less under the équivalence."""
        return self.hours.counted

    @cached_property
    def reconciliation(self) -> Reconciliation:
        """Budget, planned, actual and what follows, by line, chapter and week."""
        from prodsheets.costs.reconcile import build_reconciliation

        return build_reconciliation(self)
