"""Every check of a production, declared once: a function and the codes it can emit.

The list is written out here, as beancount's ``BASIC_VALIDATIONS`` or frictionless'
checklist: nothing registers itself when imported. The pipeline hands it to the runner,
which decides by code which checks run (``--select``/``--ignore``), and ``reconcile`` and
``whatif`` pick their checks by code family. Each check module imports only what it
reads (the model, the analyses, the catalogue); none imports this list or the runner.
"""

from __future__ import annotations

from prodsheets import catalogue as C
from prodsheets.checks import actual, budget, conflicts, contingency, costs, hours, slots, tables
from prodsheets.checks.base import AcrossCheck, Check

CHECKS: tuple[Check, ...] = (
    # PS1xx: tables, references, dates, values
    Check(tables.duplicate_ids, (C.DUPLICATE_ID, C.AMBIGUOUS_ID)),
    Check(tables.unknown_references, (C.UNKNOWN_REFERENCE,)),
    Check(tables.impossible_ranges, (C.IMPOSSIBLE_RANGE,)),
    Check(tables.dates_outside_production, (C.OUTSIDE_DATES,)),
    Check(tables.far_dates, (C.DATE_FAR,)),
    Check(tables.values_in_range, (C.OUT_OF_RANGE,)),
    Check(slots.durations, (C.DURATION_MISMATCH,)),
    # PS2xx: the budget's arithmetic
    Check(budget.budget_arithmetic, (C.LINE_TOTAL, C.SUBTOTAL, C.GRAND_TOTAL)),
    # PS3xx: conflicts and working time
    Check(conflicts.double_bookings, (C.DOUBLE_BOOKING,)),
    Check(conflicts.location_double_bookings, (C.DOUBLE_BOOKING,)),
    Check(conflicts.over_capacity, (C.OVER_CAPACITY,)),
    Check(conflicts.unavailable, (C.UNAVAILABLE,)),
    Check(conflicts.travel_time, (C.TRAVEL_TIME,)),
    Check(conflicts.outside_event, (C.OUTSIDE_EVENT,)),
    Check(conflicts.events_without_end, (C.EVENT_WITHOUT_END,)),
    Check(hours.working_time, (C.DAILY_HOURS, C.REST_TIME, C.WEEKLY_HOURS, C.CONSECUTIVE_DAYS)),
    Check(
        actual.actual_hours,
        (C.ACTUAL_HOURS_TWICE, C.HOURS_NOT_REPORTED, C.UNBOOKED_HOURS, C.BREAK_TOO_LONG),
    ),
    Check(hours.average_weekly_hours, (C.AVERAGE_WEEKLY_HOURS,)),
    Check(hours.meal_breaks, (C.MEAL_BREAK,)),
    Check(slots.vacant_slots, (C.VACANT_SLOT,)),
    # PS5xx: contingency
    Check(contingency.outdoor_without_cover, (C.OUTDOOR_WITHOUT_COVER,)),
    Check(contingency.critical_vendor_without_backup, (C.CRITICAL_VENDOR_WITHOUT_BACKUP,)),
    Check(contingency.key_person_without_backup, (C.KEY_PERSON_WITHOUT_BACKUP,)),
    Check(contingency.risks_without_plan, (C.RISK_WITHOUT_PLAN,)),
    Check(contingency.top_risks_without_mitigation, (C.TOP_RISK_WITHOUT_MITIGATION,)),
    # PS4xx: costs
    Check(
        costs.reconciling,
        (C.UNPOSTED_COST, C.MISSING_RATE, C.MISSING_EXCHANGE_RATE, C.BAD_EXCHANGE_RATES),
    ),
    Check(costs.line_warnings, (C.LINE_WARNING, C.LINE_OVERSPENT)),
    Check(costs.chapter_overruns, (C.CHAPTER_OVERRUN,)),
    Check(costs.contingency_used, (C.CONTINGENCY_USED,)),
    Check(costs.hot_cost_overruns, (C.HOT_COST_OVERRUN,)),
)

# Across productions (``prodsheets check film-a/ tour-b/``): one check over several.
ACROSS = AcrossCheck(conflicts.across_productions, (C.DOUBLE_BOOKING,))

__all__ = ["ACROSS", "CHECKS", "AcrossCheck", "Check"]
