"""How one person is paid: what a working day, a band of overtime and a hold day cost.

Worked out once per person while reconciling (rates, contract, fringes, the budget line's
unit, paid holds) and shared by the planned cost (:mod:`prodsheets.costs.reconcile`) and
the hot costs of the days as worked (:mod:`prodsheets.costs.hot`), so both follow one set
of rules, rounded to the cent where each amount is born (README, "Exact money").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from prodsheets.money import ZERO, money
from prodsheets.schedule.premiums import weekly_bands
from prodsheets.schedule.presets import Rules
from prodsheets.schedule.timeline import HOUR

PAYROLL = frozenset({"intermittent", "cdd", "employee", None})  # premiums, minimum call
UNPAID = frozenset({"volunteer"})


@dataclass(frozen=True)
class Pay:
    """One person's pay rules (rates in the production's currency, fringes as a factor)."""

    contract: str | None
    day_rate: Decimal | None
    hourly: Decimal | None
    factor: Decimal  # 1 + the fringes that apply
    flat: bool  # an artist on a flat line: paid once for the engagement
    minimum: Decimal  # seconds: the minimum call, for payroll contracts paid by the hour
    base_day: Decimal  # hours a day's pay stands for (overtime threshold / 5: 7 h)
    paid_holds: bool
    rules: Rules | None = None  # the person's working-time rules (their overtime bands)

    @property
    def paid(self) -> bool:
        return self.day_rate is not None or self.hourly is not None

    @property
    def premiums(self) -> bool:
        """Whether overtime premiums are due (payroll contracts)."""
        return self.contract in PAYROLL and self.paid

    def day(self, worked: int, first: bool = False) -> Decimal:
        """A working day's pay with fringes: the day rate, or the hours (at least the minimum
        call) at the hourly rate; a flat artist's fee on the first day only."""
        if self.day_rate is not None:
            if self.flat and not first:
                return ZERO
            return money(self.day_rate * self.factor)
        if self.hourly is not None:
            paid = max(Decimal(int(worked)), self.minimum)
            return money(self.hourly * paid * self.factor / HOUR)
        return ZERO

    @property
    def hour_value(self) -> Decimal:
        if self.hourly is not None:
            return self.hourly
        if self.day_rate is not None:
            return self.day_rate / self.base_day
        return ZERO

    def overtime_band(self, hours: Decimal, premium: Decimal) -> Decimal:
        """One week's band of overtime: its premium on the hour's value, with fringes."""
        if not self.premiums:
            return ZERO
        return money(self.hour_value * hours * premium * self.factor)

    def overtime(self, rules: Rules, week_seconds: int) -> Decimal:
        """The premiums of a week worked ``week_seconds``, band by band (the weekly bands;
        the cinema's daily premiums are in the planned cost, not in this estimate)."""
        if not self.premiums:
            return ZERO
        bands = weekly_bands(self.rules or rules, {(0, 0): week_seconds}).get((0, 0), [])
        return sum((self.overtime_band(h, p) for h, p in bands), ZERO)

    def hold(self) -> Decimal:
        """A hold day's pay: a day's pay when holds are paid (never for a flat fee)."""
        if not self.paid_holds or self.flat:
            return ZERO
        if self.day_rate is not None:
            return money(self.day_rate * self.factor)
        if self.hourly is not None:
            return money(self.hourly * self.base_day * self.factor)
        return ZERO
