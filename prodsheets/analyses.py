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
    from prodsheets.costs.hot import HotCosts
    from prodsheets.costs.reconcile import Reconciliation
    from prodsheets.schedule.actual import ActualHours
    from prodsheets.schedule.dates import Span
    from prodsheets.schedule.dood import DayOutOfDays
    from prodsheets.schedule.intervals import Schedule
    from prodsheets.schedule.premiums import Hours, Overtime
    from prodsheets.schedule.presets import Rules
    from prodsheets.schedule.workdays import Days, Unbroken, WeeklyTime


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
    def unbroken(self) -> Unbroken:
        """Each person's work with the breaks they take cut out (Code du travail L3121-2),
        shared by the days and the weeks worked; empty when no break is recorded."""
        from prodsheets.schedule.breaks import work_without_breaks

        return work_without_breaks(self.schedule)

    @cached_property
    @exact
    def work_days(self) -> Days:
        """Every working person's days: first call, last wrap, seconds worked."""
        from prodsheets.schedule.workdays import work_days

        return work_days(self.schedule, self.unbroken)

    @cached_property
    @exact
    def weekly_time(self) -> WeeklyTime:
        """Seconds worked per person and ISO week, split at midnight."""
        from prodsheets.schedule.workdays import weekly_time

        return weekly_time(self.schedule, self.unbroken)

    @cached_property
    @exact
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
    def actual_hours(self) -> ActualHours:
        """The Actual hours rows that count: each person's day as worked."""
        from prodsheets.schedule.actual import read_actual_hours

        return read_actual_hours(self.production, self.schedule.people)

    @cached_property
    def worked_days(self) -> Days:
        """The working days as worked: reported days replaced by their real hours.

        The working-time rules apply to these (the real hours are the legal ones); costs
        are planned from ``work_days``. Without reported hours, the same object.
        """
        from prodsheets.schedule.actual import worked_days

        return worked_days(self.schedule, self.work_days, self.actual_hours)

    @cached_property
    def worked_weekly_time(self) -> WeeklyTime:
        """Seconds worked per person and ISO week, reported days as worked."""
        from prodsheets.schedule.actual import worked_weekly_time

        return worked_weekly_time(self.schedule, self.weekly_time, self.actual_hours)

    @cached_property
    @exact
    def worked_hours(self) -> Hours:
        """Hours counted per person and ISO week as worked (the reported days' real hours),
        the équivalence applied: what the working-time rules judge."""
        if self.worked_days is self.work_days:
            return self.hours
        from prodsheets.schedule.premiums import count_hours

        return count_hours(self.schedule, self.worked_days, self.worked_weekly_time)

    @cached_property
    def day_out_of_days(self) -> DayOutOfDays:
        """Each booked person's days with the trade's codes (SW, W, WF, H, T, R, F)."""
        from prodsheets.schedule.dood import day_out_of_days

        return day_out_of_days(self.schedule, self.span)

    @cached_property
    @exact
    def hot_costs(self) -> HotCosts:
        """Each reported day's labour cost, planned and as worked (the hot cost)."""
        from prodsheets.costs.hot import hot_costs

        return hot_costs(self)

    @cached_property
    @exact
    def reconciliation(self) -> Reconciliation:
        """Budget, planned, actual and what follows, by line, chapter and week."""
        from prodsheets.costs.reconcile import build_reconciliation

        return build_reconciliation(self)
