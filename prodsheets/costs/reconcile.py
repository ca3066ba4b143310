"""Costs: the budget, the schedule and the actuals side by side, exact to the cent.

For each budget line, each chapter and the whole production (design section 4):

* **budget**: quantity × rate (the written total when the quantity or the rate is blank),
  plus the line's fringe (a code of the Fringes sheet, or a percentage typed in the line).
  When the written total disagrees with quantity × rate, ``PS201`` says so and the
  reconciliation uses quantity × rate.
* **planned**: what the schedule costs, posted to each person's or resource's budget code:

  - a person paid by the day: one day rate per working day (``Analyses.work_days``: a night
    that wraps at 04:00 belongs to the day it started); by the hour (hourly rate only): the
    hours worked each day, at least the preset's minimum call (live: 3 h 30) for payroll
    contracts;
  - an artist whose budget line is a flat fee (unit flat / forfait) is paid their rate once,
    on their first day, however many days they are booked; on a line by the day, one fee
    (cachet) per working day;
  - overtime (``Analyses.overtime``) adds its premium (+25 %, +50 %…) on the hourly rate
    for payroll contracts (intermittent, CDD, employee, or no contract given); the base pay
    of those hours is already in the days or hours. A day rate's hour is the day rate
    divided by the weekly overtime threshold / 5 (7 h under the presets);
  - fringes by contract: every Fringes row whose "applies to" names the person's contract
    adds its rate; with none, the fringe of the person's budget line applies;
  - contractors are paid their rate, without overtime premiums or minimum call; volunteers
    and people with neither a rate nor a contract cost nothing; a person on any other
    contract with no rate is a finding (``PS402``);
  - a resource: on each day it is booked, its day rate × the most units in use at once
    that day (resources without a day rate, such as bought props, plan nothing).

  A booked cost with no budget code is never dropped: it is a finding (``PS401``) and a line
  without a code; a code that is not in the budget (``PS114``) gets a line of its own.
* **actual**: the Actuals by budget code, converted to the production's currency with the
  Production sheet's exchange rates (``PS403`` when a rate is missing); committed, invoiced
  and paid are kept apart when the status column is used.
* **remaining** = budget − actual; **estimate at completion** (EAC) and **variance** =
  budget − EAC. The EAC of a line is the larger of its actuals and its forecast; the
  forecast is the planned cost when the schedule drives the line (a person or resource is
  posted to it), else the budget. Actuals are often purchase orders or deposits dated
  before the work, so "actuals + what the schedule holds after the last actual" would
  count them twice; the larger of the two never does.
* **contingency**: when the budget has contingency lines (description or chapter starting
  with imprévus, contingency or aléas), they are the contingency and the Production sheet's
  contingency % is not added again; without such a line, the setting % of the other lines
  becomes a line of its own. The contingency's EAC is what was spent on it; the overruns
  (each line's EAC beyond its budget, without netting forecast savings, which are less
  sure than overruns) plus that spending is what has been used.

Each amount is rounded to the cent once, where it is born: a budget line, an expense in
the production's currency, one day's pay with its fringes, one week's overtime band, one
resource day. Every other figure is a sum of those, so lines, chapters, weeks and the
total always agree to the cent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from prodsheets import catalogue as C
from prodsheets.contract import schema, values
from prodsheets.costs.pay import PAYROLL, UNPAID, Pay
from prodsheets.findings import Finding
from prodsheets.i18n import Bilingual
from prodsheets.i18n.formats import percent, say_money
from prodsheets.model import TableData
from prodsheets.money import ZERO, money
from prodsheets.schedule.intervals import Schedule
from prodsheets.schedule.presets import Rules, iso_week
from prodsheets.schedule.timeline import HOUR
from prodsheets.schedule.workdays import Days

if TYPE_CHECKING:  # the analyses build the reconciliation: the type only, not an import
    from prodsheets.analyses import Analyses

IsoWeek = tuple[int, int]  # an ISO (year, week)
DEFAULT_WARNINGS = {
    "line_warning": Decimal("0.90"),
    "chapter_warning": Decimal(1),
    "contingency_warning": Decimal(1),
}
STATUSES = ("committed", "invoiced", "paid")
_CONTINGENCY_WORDS = ("imprevu", "contingenc", "aleas")
_CURRENCY_WORDS = {"€": "EUR", "EURO": "EUR", "EUROS": "EUR", "£": "GBP"}
_RATE = r"([A-Za-z]{3})\s*=\s*(\S.*)"  # compiled on first use: few productions need it


# --- the reconciliation, as plain data -----------------------------------------------


class _Balance:
    """What is left and how far off, the same for a line, a chapter and the total."""

    budget: Decimal
    actual: Decimal

    @property
    def estimate_at_completion(self) -> Decimal:
        raise NotImplementedError  # a line works it out; a total sums its lines'

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.actual

    @property
    def variance(self) -> Decimal:
        return self.budget - self.estimate_at_completion


@dataclass(eq=False)  # two lines with the same amounts are still two lines
class Line(_Balance):
    """One budget line (or a line reconcile adds: see ``kind``) and its amounts."""

    code: str | None
    description: str | Bilingual
    chapter: str | Bilingual | None
    kind: str = "line"  # "line", "contingency", "unbudgeted" (code not in the budget), "unposted"
    row: int | None = None  # record index in the Budget table
    budget: Decimal = ZERO
    fringes: Decimal = ZERO  # the part of the budget that is fringes
    planned: Decimal = ZERO
    actual: Decimal = ZERO
    committed: Decimal = ZERO
    invoiced: Decimal = ZERO
    paid: Decimal = ZERO
    scheduled: bool = False  # a person or resource of the schedule is posted to it
    actual_rows: list[int] = field(default_factory=list)  # record indexes in Actuals

    @property
    def is_zero(self) -> bool:
        """Nothing in any column: budgeted, planned and spent nothing (a template line left
        blank). Reports for people leave it out; report.xlsx and the JSON keep it."""
        return not any(getattr(self, key) for key in _SUMMED)

    @property
    def estimate_at_completion(self) -> Decimal:
        if self.kind == "contingency":
            return max(self.actual, self.planned) if self.scheduled else self.actual
        return max(self.actual, self.planned if self.scheduled else self.budget)


@dataclass(eq=False, repr=False)
class Totals(_Balance):
    """A chapter's or the whole production's amounts: sums of its lines' amounts."""

    label: str | Bilingual | None
    lines: list[Line]
    budget: Decimal = ZERO
    fringes: Decimal = ZERO
    planned: Decimal = ZERO
    actual: Decimal = ZERO
    committed: Decimal = ZERO
    invoiced: Decimal = ZERO
    paid: Decimal = ZERO
    estimate_at_completion: Decimal = ZERO

    @property
    def is_zero(self) -> bool:
        return all(x.is_zero for x in self.lines)

    @property
    def shown(self) -> list[Line]:
        """The lines a person reads: those with an amount somewhere."""
        return [x for x in self.lines if not x.is_zero]

    @classmethod
    def of(cls, label: str | Bilingual | None, lines: list[Line]) -> Totals:
        t = cls(label, lines)
        for key in (*_SUMMED, "estimate_at_completion"):
            setattr(t, key, sum((getattr(x, key) for x in lines), ZERO))
        return t


_SUMMED = ("budget", "fringes", "planned", "actual", "committed", "invoiced", "paid")


@dataclass(eq=False, repr=False)
class Contingency:
    """The contingency: where it comes from, its lines, and what overruns take of it."""

    source: str  # "line" (the budget has contingency lines), "setting", "none"
    rate: Decimal | None  # the Production sheet's contingency %
    lines: list[Line]
    overruns: Decimal = ZERO  # each other line's EAC beyond its budget, summed
    savings: Decimal = ZERO  # each other line's budget beyond its EAC, summed (not netted)

    @property
    def budget(self) -> Decimal:
        return sum((x.budget for x in self.lines), ZERO)

    @property
    def spent(self) -> Decimal:
        """Actuals posted to the contingency lines themselves."""
        return sum((x.actual for x in self.lines), ZERO)

    @property
    def used(self) -> Decimal:
        return self.overruns + self.spent

    @property
    def left(self) -> Decimal:
        return self.budget - self.used


@dataclass(eq=False)
class Week:
    """Planned and actual spending of one ISO week (``week`` None: expenses without a date)."""

    week: IsoWeek | None
    planned: Decimal = ZERO
    actual: Decimal = ZERO

    @property
    def monday(self) -> dt.date | None:
        return None if self.week is None else dt.date.fromisocalendar(*self.week, 1)


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class Reconciliation:
    """A production's costs: lines, chapters, total, contingency and cash flow."""

    currency: str
    lines: list[Line]
    chapters: list[Totals]
    total: Totals
    contingency: Contingency
    cash_flow: list[Week]
    statuses: bool  # the Actuals sheet has a status column
    findings: list[Finding] = field(default_factory=list)  # made while reconciling
    thresholds: dict[str, Decimal] = field(default_factory=dict)  # the alert settings
    pay: dict[str, Pay] = field(default_factory=dict)  # crew id → how they are paid


def build_reconciliation(a: Analyses) -> Reconciliation:
    """The production's reconciliation (``Analyses.reconciliation`` keeps it, shared)."""
    return _Builder(a).build()


# --- exchange rates --------------------------------------------------------------------


def parse_exchange_rates(text: str) -> tuple[dict[str, Decimal], list[str]]:
    """``USD=0.92; GBP=1,17`` → ({"USD": 0.92, "GBP": 1.17}, pieces not understood).

    Strict: each piece separated by ``;`` or a new line is a three-letter code, ``=`` and a
    positive number (French or English decimals); anything else is returned as bad, and a
    currency given twice is bad too.
    """
    rates: dict[str, Decimal] = {}
    bad: list[str] = []
    for piece in re.split(r"[;\n]", text):
        piece = piece.strip()
        if not piece:
            continue
        m = re.fullmatch(_RATE, piece)
        try:
            value = values.parse_number(m.group(2).strip()) if m else None
        except values.BadValue:
            value = None
        if m is None or value is None or value <= 0 or m.group(1).upper() in rates:
            bad.append(piece)
            continue
        rates[m.group(1).upper()] = value
    return rates, bad


def currency_code(text: object, default: str) -> str:
    """The currency an expense is in: its cell (``usd``, ``€``), or the production's."""
    if text is None or not str(text).strip():
        return default
    word = str(text).strip().upper()
    return _CURRENCY_WORDS.get(word, word)


# --- building it ---------------------------------------------------------------------


def _prefix(code: str) -> str:
    return code.split(".", 1)[0].strip()


def _is_contingency(*texts: object) -> bool:
    for text in texts:
        if isinstance(text, str):
            word = schema.normalise(text).lstrip("0123456789")
            if word.startswith(_CONTINGENCY_WORDS):
                return True
    return False


class _Builder:
    def __init__(self, analyses: Analyses) -> None:
        self.a = analyses
        self.p = analyses.production
        self.currency = self.p.currency
        self.lines: list[Line] = []
        self.by_code: dict[str, Line] = {}
        self.extra: dict[str | None, Line] = {}  # unbudgeted codes, and None: unposted
        self.chapter_names: dict[str, str] = {}  # code prefix → chapter name
        self.planned_weeks: dict[IsoWeek, Decimal] = {}
        self.actual_weeks: dict[IsoWeek | None, Decimal] = {}
        self.findings: list[Finding] = []
        self.fringe_codes: dict[str, list[Contribution]] = {}  # fringe code → its rows
        self.contract_fringes: dict[str, list[Contribution]] = {}  # contract key → rows
        self.pay: dict[str, Pay] = {}  # crew id → how they are paid (for the hot costs)

    def build(self) -> Reconciliation:
        self._fringes()
        self._budget()
        contingency = self._contingency()
        self._people()
        self._resources()
        statuses = self._actuals(self._exchange_rates())
        lines = self._ordered()
        chapters = self._chapters(lines)
        others = [x for x in lines if x.kind != "contingency"]
        contingency.overruns = sum(
            (max(ZERO, x.estimate_at_completion - x.budget) for x in others), ZERO
        )
        contingency.savings = sum(
            (max(ZERO, x.budget - x.estimate_at_completion) for x in others), ZERO
        )
        weeks = sorted(set(self.planned_weeks) | {w for w in self.actual_weeks if w})
        cash_flow = [
            Week(w, self.planned_weeks.get(w, ZERO), self.actual_weeks.get(w, ZERO)) for w in weeks
        ]
        if None in self.actual_weeks:
            cash_flow.append(Week(None, ZERO, self.actual_weeks[None]))
        thresholds = {
            key: self.p.settings[key] if self.p.settings.get(key) is not None else default
            for key, default in DEFAULT_WARNINGS.items()
        }
        return Reconciliation(
            self.currency,
            lines,
            chapters,
            Totals.of(None, lines),
            contingency,
            cash_flow,
            statuses,
            self.findings,
            thresholds,
            self.pay,
        )

    # --- the budget -------------------------------------------------------------------

    def _fringes(self) -> None:
        table = self.p.table("fringes")
        if table is None:
            return
        records = table.records("code", "name", "rate", "base", "ceiling", "applies_to")
        for i, code, name, rate, base, ceiling, applies in records:
            if rate is None:
                continue
            base = base or "total"
            if base != "total" and ceiling is None:
                self.findings.append(
                    Finding(
                        C.CEILING_MISSING,
                        {
                            "fringe": " ".join(str(x) for x in (code, name) if x) or "—",
                            "base": _choice_label("base", base),
                            "column": table.header("ceiling"),
                        },
                        (table.cell(i, "ceiling" if table.has("ceiling") else "base"),),
                    )
                )
                base = "total"
            contracts = tuple(
                k for k in (schema.choice_key("contract", x) for x in applies or ()) if k
            )
            row = Contribution(None if code is None else str(code), rate, base, ceiling, i)
            if code is not None:
                self.fringe_codes.setdefault(str(code), []).append(row)
            for key in contracts:
                self.contract_fringes.setdefault(key, []).append(row)

    def _line_fringe(self, fringe: object) -> list[Contribution]:
        """A budget line's fringe: a percentage (one contribution on the whole pay) or the
        rows of a Fringes code (an unknown code is PS114's, and adds nothing)."""
        if isinstance(fringe, Decimal):
            return [Contribution(None, fringe, "total", None, -1)]
        if isinstance(fringe, str):
            return self.fringe_codes.get(fringe, [])
        return []

    def _budget(self) -> None:
        table = self.p.table("budget")
        if table is None:
            return
        records = list(
            table.records(
                "code", "chapter", "description", "quantity", "unit", "rate", "fringe", "total"
            )
        )
        for _, code, chapter, *_ in records:
            if code is not None and chapter and _prefix(code) not in self.chapter_names:
                self.chapter_names[_prefix(code)] = chapter
        for i, code, chapter, description, quantity, unit, rate, fringe, total in records:
            if code is None:
                continue  # a total row, or a note
            if quantity is not None and rate is not None:
                base = quantity * rate
            else:
                base = total if total is not None else ZERO
                quantity, rate = Decimal(1), base  # one unit of the whole amount
            budget = money(base + _line_charges(self._line_fringe(fringe), quantity, rate, unit))
            line = Line(
                code,
                description or "",
                chapter or self.chapter_names.get(_prefix(code), _prefix(code)),
                row=i,
                budget=budget,
                fringes=budget - money(base),
            )
            if _is_contingency(description, chapter):
                line.kind = "contingency"
            self.lines.append(line)
            self.by_code.setdefault(code, line)

    def _contingency(self) -> Contingency:
        rate = self.p.settings.get("contingency")
        found = [x for x in self.lines if x.kind == "contingency"]
        if found:
            return Contingency("line", rate, found)
        if not rate:
            return Contingency("none", rate, [])
        base = sum((x.budget for x in self.lines), ZERO)
        line = Line(
            None,
            Bilingual(f"Contingency ({percent(rate, 'en')})", f"Imprévus ({percent(rate, 'fr')})"),
            Bilingual("Contingency", "Imprévus"),
            kind="contingency",
            budget=money(base * rate),
        )
        self.lines.append(line)
        return Contingency("setting", rate, [line])

    def line_for(self, code: str | None) -> Line:
        """The line a cost is posted to; a code not in the budget, or none, gets its own."""
        if code is not None and code in self.by_code:
            return self.by_code[code]
        line = self.extra.get(code)
        if line is None:
            if code is None:
                line = Line(
                    None,
                    Bilingual("Booked, without a budget code", "Planifié, sans code budget"),
                    None,
                    kind="unposted",
                )
            else:
                line = Line(
                    code,
                    Bilingual("Not in the budget", "Absent du devis"),
                    self.chapter_names.get(_prefix(code), _prefix(code)),
                    kind="unbudgeted",
                )
            self.extra[code] = line
        return line

    def _unit(self, code: str | None) -> str | None:
        line = self.by_code.get(code) if code is not None else None
        table = self.p.table("budget")
        if line is None or line.row is None or table is None:
            return None
        unit = table.col("unit")[line.row]
        return None if unit is None else str(unit)

    def _fringe_for(self, contract: str | None, code: str | None) -> list[Contribution]:
        """The contributions on a person's pay: the Fringes rows of their contract, else
        their budget line's fringe."""
        if contract is not None and contract in self.contract_fringes:
            return self.contract_fringes[contract]
        table = self.p.table("budget")
        line = self.by_code.get(code) if code is not None else None
        if line is None or line.row is None or table is None:
            return []
        return self._line_fringe(table.col("fringe")[line.row])

    def _post(self, code: str | None, items: Iterable[tuple[IsoWeek, Decimal]]) -> Decimal:
        """Post (ISO week, amount) items to a budget line and to the cash flow."""
        line = self.line_for(code)
        line.scheduled = True
        posted = ZERO
        weeks = self.planned_weeks
        for week, amount in items:
            posted += amount
            weeks[week] = weeks.get(week, ZERO) + amount
        line.planned += posted
        return posted

    # --- the schedule ----------------------------------------------------------------

    def _holds_paid(self, i: int, contract: str | None) -> bool:
        """A person's own paid-holds cell, else whether their contract's holds are paid."""
        crew = self.p.table("crew")
        own = crew.col("paid_holds")[i] if crew is not None else None
        if own is not None:
            return bool(own)
        listed = self.p.settings.get("paid_holds") or ()
        return contract in {schema.choice_key("contract", x) for x in listed}

    def _any_paid_holds(self) -> bool:
        crew = self.p.table("crew")
        own = crew.col("paid_holds") if crew is not None else []
        return bool(self.p.settings.get("paid_holds")) or any(v is True for v in own)

    def _pay(self, who: str, i: int, contract: str | None, code: str | None) -> Pay:
        """How a person is paid, in the simple terms the hot costs of days as worked use:
        day or hourly rate, fringes on the whole pay as a factor, minimum call, holds."""
        crew = self.p.table("crew")
        assert crew is not None
        rules = self.a.schedule.rules_of(who)
        charges = self._fringe_for(contract, code)
        minimum = ZERO
        if contract in PAYROLL and rules.minimum_call_hours is not None:
            minimum = rules.minimum_call_hours * HOUR
        return Pay(
            contract,
            crew.col("day_rate")[i],
            crew.col("hourly_rate")[i],
            1 + sum((c.rate for c in charges if c.base == "total"), ZERO),
            contract == "artist" and self._unit(code) == "flat",
            minimum,
            (rules.overtime_after_hours or Decimal(35)) / 5,
            self._holds_paid(i, contract),
            rules,
        )

    def _people(self) -> None:
        crew = self.p.table("crew")
        if crew is None:
            return
        s = self.a.schedule
        overtime = self.a.overtime
        hires = self.a.hours.day_hires
        work_days = self.a.work_days
        # The day-out-of-days (its holds) only when some holds may be paid: a million
        # bookings need not be walked again for nothing.
        dood = self.a.day_out_of_days if self._any_paid_holds() else None
        spans = work_days.spans()
        week_of: dict[int, IsoWeek] = {}  # date ordinal → ISO week, a few hundred at most
        contracts, day_rates, hourly_rates, codes = (
            crew.col(c) for c in ("contract", "day_rate", "hourly_rate", "budget_code")
        )
        for who, i in s.people.items():
            pay = self.pay[who] = self._pay(who, i, contracts[i], codes[i])
            if who not in s.groups:
                continue
            span = spans.get(who)
            if span is None:
                continue
            rules = s.rules_of(who)
            ordinals = [int(o) for o in work_days.day[span[0] : span[1]]]
            weeks = [week_of.get(o) or week_of.setdefault(o, _iso_week_of(o)) for o in ordinals]
            contract, day_rate, hourly, code = contracts[i], day_rates[i], hourly_rates[i], codes[i]
            charges = self._fringe_for(contract, code)
            factor = 1 + sum((c.rate for c in charges if c.base == "total"), ZERO)
            capped = [c for c in charges if c.base != "total"]
            items: list[tuple[IsoWeek, Decimal]] = []
            gross: list[tuple[int, Decimal]] = []  # (date ordinal, pay before charges)
            if day_rate is not None:
                day_pay = money(day_rate * factor)
                if pay.flat:
                    items.append((weeks[0], day_pay))
                    gross.append((ordinals[0], day_rate))
                else:
                    items += [(week, day_pay * n) for week, n in Counter(weeks).items()]
                    gross += [(o, day_rate) for o in ordinals]
            elif hourly is not None:
                payroll = contract in PAYROLL
                for first, seconds, hired in _paid_periods(rules, work_days, span, hires.get(who)):
                    minimum = ZERO
                    if payroll and rules.minimum_call_hours is not None:
                        minimum = rules.minimum_call_hours * HOUR
                    if payroll and hired and rules.day_hire_minimum_hours is not None:
                        minimum = max(minimum, rules.day_hire_minimum_hours * HOUR)
                    paid = max(Decimal(seconds), minimum)
                    items.append((weeks[first], money(hourly * paid * factor / HOUR)))
                    gross.append((ordinals[first], hourly * paid / HOUR))
            else:
                if contract is not None and contract not in UNPAID:
                    self.findings.append(
                        Finding(
                            C.MISSING_RATE,
                            {
                                "who": s.name(who),
                                "contract": _contract_label(contract),
                                "days": len(weeks),
                            },
                            (crew.cell(i, "day_rate"),),
                        )
                    )
                continue
            if contract in PAYROLL:
                base_day = (rules.overtime_after_hours or Decimal(35)) / 5
                hour_value = hourly if hourly is not None else day_rate / base_day
                last_day = {week: o for week, o in zip(weeks, ordinals, strict=True)}
                for week, bands in sorted(overtime.get(who, {}).items()):
                    for extra_hours, premium in bands:
                        items.append((week, money(hour_value * extra_hours * premium * factor)))
                        gross.append(
                            (last_day.get(week, ordinals[-1]), hour_value * extra_hours * premium)
                        )
            hold = pay.hold()
            if hold and dood is not None:
                holds = dood.holds(who)
                items += [(iso_week(d), hold) for d in holds]
                held = day_rate if day_rate is not None else (hourly or ZERO) * pay.base_day
                gross += [(d.toordinal(), held) for d in holds]
            if capped:
                items += _capped_charges(capped, contract, gross, ordinals)
            posted = self._post(code, items)
            if code is None and posted:
                self._unposted(crew, i, s.name(who), len(weeks), posted)

    def _resources(self) -> None:
        table = self.p.table("resources")
        if table is None:
            return
        s = self.a.schedule
        rates, codes = table.col("day_rate"), table.col("budget_code")
        for who, i in s.resources.items():
            if who in s.people or who not in s.groups or rates[i] is None:
                continue
            peaks = _peak_by_day(s, who)
            items = [(iso_week(day), money(rates[i] * units)) for day, units in peaks.items()]
            posted = self._post(codes[i], items)
            if codes[i] is None and posted:
                self._unposted(table, i, s.name(who), len(peaks), posted)

    def _unposted(self, table: TableData, i: int, name: str, days: int, amount: Decimal) -> None:
        self.findings.append(
            Finding(
                C.UNPOSTED_COST,
                {
                    "who": name,
                    "days": days,
                    "amount": say_money(amount, self.currency),
                    "column": table.header("budget_code"),
                },
                (table.cell(i, "budget_code"),),
            )
        )

    # --- actuals ------------------------------------------------------------------------

    def _actuals(self, rates: dict[str, Decimal]) -> bool:
        table = self.p.table("actuals")
        if table is None:
            return False
        setting = schema.PRODUCTION.column("exchange_rates")
        for i, day, code, amount, currency, status in table.records(
            "date", "code", "amount", "currency", "status"
        ):
            if amount is None or code is None:
                continue  # its own finding (PS112, PS113…) says why
            cur = currency_code(currency, self.currency)
            if cur == self.currency:
                value = money(amount)
            elif cur in rates:
                value = money(amount * rates[cur])
            else:
                self.findings.append(
                    Finding(
                        C.MISSING_EXCHANGE_RATE,
                        {
                            "amount": Bilingual(
                                _amount_text(amount, "en"), _amount_text(amount, "fr")
                            ),
                            "currency": cur,
                            "target": self.currency,
                            "setting": Bilingual(setting.en, setting.fr),
                        },
                        (table.cell(i, "currency"), table.cell(i, "amount")),
                    )
                )
                continue
            line = self.line_for(code)
            line.actual += value
            line.actual_rows.append(i)
            if status in STATUSES:
                setattr(line, status, getattr(line, status) + value)
            week = iso_week(day) if day is not None else None
            self.actual_weeks[week] = self.actual_weeks.get(week, ZERO) + value
        return table.has("status")

    def _exchange_rates(self) -> dict[str, Decimal]:
        text = self.p.settings.get("exchange_rates")
        if not text:
            return {}
        rates, bad = parse_exchange_rates(str(text))
        where = self.p.setting_cells.get("exchange_rates")
        setting = schema.PRODUCTION.column("exchange_rates")
        for piece in bad:
            self.findings.append(
                Finding(
                    C.BAD_EXCHANGE_RATES,
                    {
                        "setting": Bilingual(setting.title("en"), setting.title("fr")),
                        "found": piece,
                        "target": self.currency,
                    },
                    (where,) if where else (),
                )
            )
        rates.pop(self.currency, None)
        return rates

    # --- totals ---------------------------------------------------------------------------

    def _ordered(self) -> list[Line]:
        """Budget lines, then the lines reconcile adds, grouped by chapter in budget order."""
        lines = [*self.lines, *sorted(self.extra.values(), key=lambda x: (x.code is None, x.code))]
        order: dict[str, int] = {}
        for x in lines:
            order.setdefault(_chapter_key(x.chapter), len(order))
        keyed = sorted(enumerate(lines), key=lambda p: (order[_chapter_key(p[1].chapter)], p[0]))
        return [x for _, x in keyed]

    def _chapters(self, lines: list[Line]) -> list[Totals]:
        groups: dict[str, list[Line]] = {}
        for x in lines:
            groups.setdefault(_chapter_key(x.chapter), []).append(x)
        return [Totals.of(group[0].chapter, group) for group in groups.values()]


def _chapter_key(chapter: str | Bilingual | None) -> str:
    if chapter is None:
        return "\0none"
    if isinstance(chapter, Bilingual):
        return "\0" + str(chapter["en"])
    return chapter


def _iso_week_of(ordinal: int) -> IsoWeek:
    return iso_week(dt.date.fromordinal(int(ordinal)))


def _amount_text(amount: Decimal, lang: str) -> str:
    from prodsheets.i18n.formats import number

    return number(amount, lang, 2)


def _contract_label(contract: str) -> Bilingual:
    return Bilingual(*(schema.choice_label("contract", contract, lang) for lang in ("en", "fr")))


def _peak_by_day(s: Schedule, who: str) -> dict[dt.date, int]:
    """Units of a resource in use at once, at most, on each day it is booked."""
    b, ev = s.bookings, s.events
    by_day: dict[dt.date, list[int]] = {}
    for n in s.groups.get(who, ()):
        day = ev.day[b.event[n]]
        if day is not None:
            by_day.setdefault(day, []).append(n)
    peaks: dict[dt.date, int] = {}
    for day, ns in by_day.items():
        if len(ns) == 1:  # the usual case: one booking that day
            peaks[day] = b.quantity[ns[0]]
            continue
        # Ends sort before starts at the same minute: back-to-back bookings share a unit.
        points = sorted(
            [(b.start[n], 1, b.quantity[n]) for n in ns]
            + [(b.end[n], 0, -b.quantity[n]) for n in ns]
        )
        running = peak = 0
        for _, _, q in points:
            running += q
            peak = max(peak, running)
        peaks[day] = max(peak, *(b.quantity[n] for n in ns))
    return peaks


# --- contributions with a base and a ceiling ----------------------------------------------


class Contribution(NamedTuple):
    """One Fringes row: an employer rate on the whole pay, or on the pay up to (capped) or
    beyond (above) a monthly ceiling."""

    code: str | None
    rate: Decimal
    base: str  # "total", "capped", "above"
    ceiling: Decimal | None  # monthly, for "capped" and "above"
    row: int  # record index in Fringes (-1: a percentage typed in a budget line)


# The share of a monthly ceiling one unit of a budget line stands for: a day is 1/30 of a
# month (the ceiling is prorated in thirtieths of the days paid), a week five days paid,
# an hour a seventh of a day, a flat amount a whole month.
UNIT_SHARE = {"day": (1, 30), "week": (5, 30), "hour": (1, 210), "flat": (1, 1), None: (1, 1)}
ARTISTS_AND_INTERMITTENTS = frozenset({"intermittent", "artist"})


def _share(charge: Contribution, pay: Decimal, ceiling: Decimal) -> Decimal:
    """The part of `pay` a contribution's rate applies to, against a ceiling."""
    if charge.base == "capped":
        return min(pay, ceiling)
    if charge.base == "above":
        return max(ZERO, pay - ceiling)
    return pay


def _line_charges(
    charges: list[Contribution], quantity: Decimal, rate: Decimal, unit: object
) -> Decimal:
    """A budget line's charges, unrounded: each unit's pay against the unit's share of the
    monthly ceiling (the line cannot know whose pay it holds in which month)."""
    part, whole = UNIT_SHARE.get(unit if isinstance(unit, str) else None, (1, 1))
    total = ZERO
    for c in charges:
        ceiling = (c.ceiling or ZERO) * part / whole  # multiplied first: 4 005 × 7 / 30 = 934.5
        total += _share(c, rate, ceiling) * quantity * c.rate
    return total


def _capped_charges(
    charges: list[Contribution],
    contract: str | None,
    gross: list[tuple[int, Decimal]],
    ordinals: list[int],
) -> list[tuple[IsoWeek, Decimal]]:
    """The contributions with a ceiling, for one person: on each calendar month's pay,
    against the monthly ceiling prorated in thirtieths of the month's days (the days worked
    for intermittents and artists; for others the days from the first to the last working
    day of the month), each rounded to the cent, in the week of the month's last working day.
    """
    months: dict[tuple[int, int], list[int]] = {}
    for o in ordinals:
        d = dt.date.fromordinal(o)
        months.setdefault((d.year, d.month), []).append(o)
    pay: dict[tuple[int, int], Decimal] = {}
    for o, amount in gross:
        d = dt.date.fromordinal(o)
        pay[(d.year, d.month)] = pay.get((d.year, d.month), ZERO) + amount
    out: list[tuple[IsoWeek, Decimal]] = []
    for month, days in sorted(months.items()):
        counted = len(days) if contract in ARTISTS_AND_INTERMITTENTS else max(days) - min(days) + 1
        week = _iso_week_of(max(days))
        for c in charges:
            ceiling = (c.ceiling or ZERO) * min(counted, 30) / 30  # exact where it can be
            amount = money(_share(c, pay.get(month, ZERO), ceiling) * c.rate)
            if amount:
                out.append((week, amount))
    return out


def _paid_periods(
    rules: Rules, days: Days, span: tuple[int, int], hired: set[int] | None
) -> list[tuple[int, int, bool]]:
    """(first day's index in the span, seconds worked, hired by the day) of each period paid
    at least the minimum call: one per working day, except that work which runs on past
    midnight into the next day's does not open a new minimum (CCNEAC art. VI.6.1)."""
    out: list[list[int]] = []
    gap = min((minutes * 60 for _, minutes in rules.breaks), default=0)
    for g in range(span[0], span[1]):
        k = g - span[0]
        continues = (
            rules.minimum_call_hours is not None
            and out
            and days.day[g] == days.day[g - 1] + 1
            and 0 <= days.start[g] - days.end[g - 1] < gap
        )
        if continues:
            out[-1][1] += int(days.worked[g])
        else:
            out.append([k, int(days.worked[g]), int(days.day[g])])
    return [(k, seconds, hired is not None and day in hired) for k, seconds, day in out]


def _choice_label(choices: str, key: str) -> Bilingual:
    return Bilingual(*(schema.choice_label(choices, key, lang) for lang in ("en", "fr")))
