"""Costs: budget, planned, actual, EAC, contingency, cash flow and alerts, to the cent.

Each case builds its production in memory (``in_memory``), so the input stands above the
amounts it must give; CLI tests go through a real workbook (``make_workbook``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import Sheets, in_memory, minimal_production
from hypothesis import given, settings
from hypothesis import strategies as st

from prodsheets.analyses import Analyses
from prodsheets.cli import main
from prodsheets.costs.reconcile import parse_exchange_rates
from prodsheets.findings import flatten
from prodsheets.pipeline import ReconcileResult
from prodsheets.pipeline import check_production as validate
from prodsheets.pipeline import reconcile as run
from prodsheets.render.reconcile import render_text, to_json

D = Decimal
MON = dt.date(2026, 3, 9)  # ISO week 11


def reconcile(production):
    """The production's reconciliation, as the analyses build it."""
    return Analyses(production).reconciliation


def day(n: int) -> dt.date:
    return MON + dt.timedelta(days=n)


def t(text: str) -> dt.time:
    h, m = text.split(":")
    return dt.time(int(h), int(m))


def make(settings_: dict[str, Any] | None = None, **tables: list[dict[str, Any]]) -> Any:
    base = {"title": "Test", "language": "en", "start": day(-7), "end": day(30)}
    return in_memory({**base, **(settings_ or {})}, tables)


def line(code: str, quantity: Any = 1, rate: Any = 0, **kw: Any) -> dict[str, Any]:
    row = {"code": code, "description": f"Line {code}", "quantity": D(str(quantity))}
    row["rate"] = D(str(rate))
    return {**row, **kw}


def shifts(who: str, *days_hours: tuple[int, str, str], **kw: Any) -> dict[str, list]:
    """Events E<who><n> on the given days and times, each booking `who`."""
    events, bookings = [], []
    for n, (d, start, end) in enumerate(days_hours):
        eid = f"E{who}{n}"
        events.append({"id": eid, "date": day(d), "start": t(start), "end": t(end)})
        bookings.append({"event": eid, "who": who, **kw})
    return {"events": events, "bookings": bookings}


def merged(*parts: dict[str, list]) -> dict[str, list]:
    out: dict[str, list] = {}
    for p in parts:
        for k, v in p.items():
            out.setdefault(k, []).extend(v)
    return out


def by_code(rec: Any) -> dict[Any, Any]:
    return {x.code: x for x in rec.lines}


def found(production: Any) -> list[Any]:
    """The cost findings as check sorts them."""
    from prodsheets.findings import Finding

    return sorted(validate(production), key=Finding.sort_key)


def codes(production: Any) -> list[list[Any]]:
    return flatten(found(production), "code")


# --- budget -------------------------------------------------------------------------------


def test_budget_is_quantity_times_rate_plus_its_fringe() -> None:
    p = make(
        budget=[
            line("02.01", 10, "350", fringe="INT"),  # a fringe code: 52 %
            line("02.02", 3, "333.33", fringe=D("0.45")),  # a percentage typed in the line
            line("02.03", 7, "12.345"),  # rounded once, half up: 86.415 → 86.42
            {"code": "05.01", "description": "Lump sum", "total": D("1250.5")},  # no q × r
            line("05.02", 28, 65, total=D(1560)),  # the written total is wrong (PS201)
        ],
        fringes=[{"code": "INT", "rate": D("0.52"), "applies_to": ("intermittent",)}],
    )
    lines = by_code(reconcile(p))
    assert [(c, x.budget, x.fringes) for c, x in lines.items()] == [
        ("02.01", D("5320.00"), D("1820.00")),
        ("02.02", D("1449.99"), D("450.00")),  # 999.99 × 1.45 = 1449.9855
        ("02.03", D("86.42"), D("0.00")),
        ("05.01", D("1250.50"), D("0.00")),
        ("05.02", D("1820.00"), D("0.00")),  # quantity × rate; PS201 says the total is wrong
    ]
    assert reconcile(p).total.budget == D("9926.91")


def test_chapters_come_from_the_chapter_column_or_the_code_prefix() -> None:
    p = make(
        budget=[
            line("02.01", 1, 100, chapter="02 Personnel"),
            line("07.01", 1, 50),  # no chapter, no other 07 line named: "07"
            line("02.02", 1, 10),  # no chapter: the name of the other 02 lines
        ]
    )
    rec = reconcile(p)
    assert [(c.label, [x.code for x in c.lines], c.budget) for c in rec.chapters] == [
        ("02 Personnel", ["02.01", "02.02"], D("110.00")),
        ("07", ["07.01"], D("50.00")),
    ]
    assert [x.code for x in rec.lines] == ["02.01", "02.02", "07.01"]  # grouped by chapter


# --- planned from the schedule -------------------------------------------------------------


def test_day_rate_per_working_day_with_fringes_by_contract() -> None:
    p = make(
        budget=[line("02.01", 5, 300, fringe="INT"), line("02.05", 5, 200, fringe=D("0.45"))],
        fringes=[
            {"code": "INT", "rate": D("0.52"), "applies_to": ("intermittent",)},
            {"code": "CS", "rate": D("0.10"), "applies_to": ("intermittente", "artiste")},
            {"code": "C", "rate": D("0.40"), "applies_to": ("CDD",)},
        ],
        crew=[
            {
                "id": "ANA",
                "name": "Ana",
                "contract": "intermittent",
                "day_rate": D(300),
                "budget_code": "02.01",
            },
            {
                "id": "BO",
                "name": "Bo",
                "contract": "employee",
                "day_rate": D(200),
                "budget_code": "02.05",
            },
            {
                "id": "CY",
                "name": "Cy",
                "contract": "cdd",
                "day_rate": D(100),
                "budget_code": "02.05",
            },
        ],
        **merged(
            # Two bookings on Monday are one day; the night shoot on Tuesday wraps on Wednesday.
            shifts("ANA", (0, "08:00", "12:00"), (0, "14:00", "18:00"), (1, "20:00", "03:00")),
            shifts("BO", (0, "09:00", "17:00")),
            shifts("CY", (2, "09:00", "17:00")),
        ),
    )
    lines = by_code(reconcile(p))
    # ANA: 2 days × 300 × (1 + 52 % + 10 %); BO: no Fringes row for employees, so the
    # line's 45 %; CY: the CDD row's 40 %.
    assert lines["02.01"].planned == D("972.00")
    assert lines["02.05"].planned == D("290.00") + D("140.00")
    assert codes(p) == []


def test_overtime_adds_the_presets_premiums_on_the_hourly_rate() -> None:
    week = [(d, "08:00", "17:00") for d in range(5)]  # 45 h: 8 h at +25 %, 2 h at +50 %
    p = make(
        {"rules": "cinema"},
        budget=[line("02.01", 5, 350), line("02.02", 45, 20)],
        crew=[
            {
                "id": "DAY",
                "name": "Day",
                "contract": "intermittent",
                "day_rate": D(350),
                "budget_code": "02.01",
            },
            {
                "id": "HOUR",
                "name": "Hour",
                "contract": "employee",
                "hourly_rate": D(20),
                "budget_code": "02.02",
            },
            {
                "id": "FREE",
                "name": "Free",
                "contract": "contractor",
                "day_rate": D(350),
                "budget_code": "02.01",
            },
        ],
        **merged(shifts("DAY", *week), shifts("HOUR", *week), shifts("FREE", *week)),
    )
    lines = by_code(reconcile(p))
    # A day rate's hour is 350 / 7 h = 50: 8 × 50 × 25 % + 2 × 50 × 50 % = 150 on top of
    # 5 days; the contractor (FREE) invoices 5 days, no premium.
    assert lines["02.01"].planned == 5 * D(350) + D(150) + 5 * D(350)
    # Hourly: 45 h × 20 = 900, plus 8 × 20 × 25 % + 2 × 20 × 50 % = 60.
    assert lines["02.02"].planned == D("960.00")
    cash = {w.week: w.planned for w in reconcile(p).cash_flow}
    assert cash == {(2026, 11): D("4610.00")}


def test_live_preset_pays_an_hourly_day_at_least_the_minimum_call() -> None:
    p = make(
        {"rules": "live"},
        budget=[line("02.01", 10, 20)],
        crew=[
            {
                "id": "TECH",
                "name": "Tech",
                "contract": "intermittent",
                "hourly_rate": D(20),
                "budget_code": "02.01",
            },
            {
                "id": "SUB",
                "name": "Sub",
                "contract": "contractor",
                "hourly_rate": D(20),
                "budget_code": "02.01",
            },
        ],
        **merged(
            shifts("TECH", (0, "18:00", "20:00"), (1, "10:00", "15:00")),
            shifts("SUB", (0, "18:00", "20:00")),
        ),
    )
    # TECH: 3 h 30 (not 2 h) on Monday, 5 h on Tuesday; SUB is not on payroll: 2 h.
    assert by_code(reconcile(p))["02.01"].planned == D(70) + D(100) + D(40)


def test_a_capped_contribution_applies_to_each_months_pay_up_to_the_prorated_ceiling() -> None:
    """The ceiling changes the planned cost, worked by hand below (docs/rules.md, charges)."""
    fringes = [
        {"code": "INT", "name": "Maladie", "rate": D("0.13"), "applies_to": ("intermittent",)},
        {
            "code": "INT",
            "name": "Vieillesse plafonnée",
            "rate": D("0.0855"),
            "employee_rate": D("0.069"),  # withheld from the pay: never a cost
            "base": "capped",
            "ceiling": D(4005),
            "applies_to": ("intermittent",),
        },
        {
            "code": "CDD",
            "name": "Vieillesse plafonnée",
            "rate": D("0.0855"),
            "base": "capped",
            "ceiling": D(4005),
            "applies_to": ("cdd",),
        },
    ]
    p = make(
        budget=[
            line("02.01", 5, 300, unit="day", fringe="INT"),
            line("02.02", 5, 200, unit="day", fringe="CDD"),
        ],
        fringes=fringes,
        crew=[
            {
                "id": "ANA",
                "name": "Ana",
                "contract": "intermittent",
                "day_rate": D(300),
                "budget_code": "02.01",
            },
            {
                "id": "BO",
                "name": "Bo",
                "contract": "cdd",
                "day_rate": D(200),
                "budget_code": "02.02",
            },
        ],
        **merged(
            shifts("ANA", *((d, "08:00", "15:00") for d in range(5))),  # 5 × 7 h: no overtime
            shifts("BO", *((d, "08:00", "15:00") for d in range(21, 26))),  # Mon 30/03-Fri 03/04
        ),
    )
    rec = reconcile(p)
    lines = by_code(rec)
    # ANA, intermittent, 5 days in March at 300 €:
    #   pay                                    5 × 300                =  1 500.00
    #   Maladie 13 % on the whole pay, by day  5 × 300 × 1.13         =  1 695.00 (with pay)
    #   ceiling: 4 005 € prorated to 5 days worked out of 30            4 005 × 5 / 30 = 667.50
    #   Vieillesse 8.55 % on min(1 500, 667.50)   667.50 × 0.0855     =     57.07125 → 57.07
    #   planned                                1 695.00 + 57.07        =  1 752.07
    # Without the ceiling it would be 1 695.00 + 1 500 × 0.0855 = 1 823.25.
    assert lines["02.01"].planned == D("1752.07")
    # The budget line does the same by unit: a day's share of the ceiling is 4 005 / 30 =
    # 133.50; 300 × 13 % × 5 + min(300, 133.50) × 8.55 % × 5 = 195 + 57.07125.
    assert lines["02.01"].budget == D("1752.07")
    # BO, CDD, 200 € a day from Monday 30 March to Friday 3 April: each month apart, the
    # ceiling prorated to the calendar days from the first to the last working day:
    #   March: 2 days, pay 400, ceiling 4 005 × 2 / 30 = 267.00: 267.00 × 0.0855 = 22.8285
    #   April: 3 days, pay 600, ceiling 4 005 × 3 / 30 = 400.50: 400.50 × 0.0855 = 34.24275
    assert lines["02.02"].planned == D(1000) + D("22.83") + D("34.24")
    # Each month's contribution in the week of its last working day: 30-31 March are in
    # week 14 with 1-3 April, so the cash flow has the two weeks.
    cash = {w.week: w.planned for w in rec.cash_flow}
    assert cash == {(2026, 11): D("1752.07"), (2026, 14): D("1057.07")}
    assert codes(p) == []


def test_a_prorated_ceiling_is_exact_before_it_is_rounded() -> None:
    # 7 days: 4 005 × 7 / 30 = 934.50 exactly (not 4 005 × 0.2333… = 934.4999…), and
    # 1 % of it is 9.345, rounded half up to 9.35 (9.34 if the ceiling were inexact).
    p = make(
        budget=[line("02.01", 7, 300, unit="day", fringe="X")],
        fringes=[
            {
                "code": "X",
                "rate": D("0.01"),
                "base": "capped",
                "ceiling": D(4005),
                "applies_to": ("intermittent",),
            },
        ],
        crew=[
            {
                "id": "ANA",
                "name": "Ana",
                "contract": "intermittent",
                "day_rate": D(300),
                "budget_code": "02.01",
            },
        ],
        **shifts("ANA", *((d, "09:00", "14:00") for d in (0, 1, 2, 3, 4, 7, 8))),
    )
    line_ = by_code(reconcile(p))["02.01"]
    assert line_.planned == D(2100) + D("9.35")
    assert line_.budget == D(2100) + D("9.35")  # by unit: 7 × min(300, 133.50) × 1 %


def test_ccneac_minimum_call_does_not_restart_after_midnight() -> None:
    # Art. VI.6.1: 3 h 30 at least, and work that runs past midnight opens no new minimum.
    # 23:00-24:00 on Monday, then an event dated Tuesday 00:00-01:00: one period, 2 h worked,
    # paid 3 h 30 once (70 €), not twice (140 €).
    p = make(
        {"rules": "live"},
        budget=[line("02.01", 1, 70)],
        crew=[
            {
                "id": "TECH",
                "name": "Tech",
                "contract": "intermittent",
                "hourly_rate": D(20),
                "budget_code": "02.01",
            }
        ],
        **shifts("TECH", (0, "23:00", "00:00"), (1, "00:00", "01:00")),
    )
    assert by_code(reconcile(p))["02.01"].planned == D("70.00")


def test_a_cinema_day_hire_is_paid_7_hours_at_least() -> None:
    # T2 art. 16: fewer than 5 days, each day indivisible and paid 7 h at least: two days of
    # 5 h at 20 € an hour are paid 2 × 140 €, not 2 × 100 €.
    crew = [{"id": "TECH", "name": "Tech", "contract": "intermittent", "hourly_rate": D(20),
             "budget_code": "02.01"}]  # fmt: skip
    days = shifts("TECH", (0, "08:00", "13:00"), (1, "08:00", "13:00"))
    cinema = make({"rules": "cinema"}, budget=[line("02.01", 2, 140)], crew=crew, **days)
    assert by_code(reconcile(cinema))["02.01"].planned == D("280.00")
    audiovisual = make({"rules": "audiovisual"}, budget=[line("02.01", 2, 140)], crew=crew, **days)
    assert by_code(reconcile(audiovisual))["02.01"].planned == D("200.00")


def test_an_artist_on_a_flat_fee_line_is_paid_once_per_engagement() -> None:
    p = make(
        budget=[line("01.01", 1, 1500, unit="flat"), line("03.01", 2, 300, unit="day")],
        crew=[
            {
                "id": "BAND",
                "name": "Band",
                "contract": "artist",
                "day_rate": D(1500),
                "budget_code": "01.01",
            },
            {
                "id": "MAYA",
                "name": "Maya",
                "contract": "artist",
                "day_rate": D(300),
                "budget_code": "03.01",
            },
        ],
        **merged(
            shifts("BAND", (4, "20:00", "21:30"), (5, "16:00", "17:00")),
            shifts("MAYA", (0, "08:00", "12:00"), (1, "08:00", "12:00")),
        ),
    )
    lines = by_code(reconcile(p))
    assert (lines["01.01"].planned, lines["03.01"].planned) == (D(1500), D(600))


def test_volunteers_cost_nothing_and_a_paid_person_without_a_rate_is_a_finding() -> None:
    p = make(
        budget=[line("03.05", 1, 100)],
        crew=[
            {"id": "VOL", "name": "Vol", "contract": "volunteer", "budget_code": "03.05"},
            {"id": "NOBODY", "name": "Nobody", "budget_code": "03.05"},  # no contract either
            {"id": "TECH", "name": "Tech", "contract": "contractor", "budget_code": "03.05"},
        ],
        **merged(*(shifts(w, (0, "09:00", "12:00")) for w in ("VOL", "NOBODY", "TECH"))),
    )
    rec = reconcile(p)
    assert by_code(rec)["03.05"].planned == 0
    assert not by_code(rec)["03.05"].scheduled  # its EAC stays the budget
    assert flatten(validate(p), "code", "cell", "id") == [["PS402", "F4", "TECH"]]
    assert validate(p)[0].message("en") == (
        "Tech (contractor) is booked on 1 day(s), but no day rate or hourly rate can be read: "
        "the schedule's cost of this person is unknown."
    )


def test_resources_cost_their_rate_times_the_most_units_in_use_each_day() -> None:
    p = make(
        budget=[line("07.01", 3, 100)],
        resources=[
            {
                "id": "CAM",
                "name": "Camera",
                "quantity": 2,
                "day_rate": D(100),
                "budget_code": "07.01",
            },
            {"id": "VAN", "name": "Van", "quantity": 1, "day_rate": D("80.5")},  # no code
            {"id": "PROPS", "name": "Props", "quantity": 1},  # bought: no day rate
        ],
        events=[
            {"id": "A", "date": day(0), "start": t("08:00"), "end": t("12:00")},
            {"id": "B", "date": day(0), "start": t("10:00"), "end": t("14:00")},
            {"id": "C", "date": day(1), "start": t("08:00"), "end": t("10:00")},
            {"id": "D", "date": day(1), "start": t("10:00"), "end": t("12:00")},
        ],
        bookings=[
            {"event": "A", "who": "CAM"},
            {"event": "B", "who": "CAM"},  # overlaps A: two cameras on Monday
            {"event": "C", "who": "CAM"},
            {"event": "D", "who": "CAM"},  # back to back: one camera on Tuesday
            {"event": "C", "who": "VAN"},
            {"event": "A", "who": "PROPS"},
        ],
    )
    rec = reconcile(p)
    lines = {(x.code, x.kind): x for x in rec.lines}
    assert lines["07.01", "line"].planned == D(300)
    unposted = lines[None, "unposted"]
    assert (unposted.planned, unposted.budget, unposted.variance) == (D("80.50"), 0, D("-80.50"))
    assert rec.total.planned == D("380.50")  # never dropped
    assert flatten(validate(p), "code", "id") == [["PS401", "VAN"]]
    assert validate(p)[0].message("en").startswith("Van is booked on 1 day(s), €80.50 planned")


def test_a_code_missing_from_the_budget_gets_a_line_of_its_own() -> None:
    p = make(
        budget=[line("02.01", 1, 100, chapter="02 Personnel")],
        crew=[{"id": "ANA", "name": "Ana", "day_rate": D(100), "budget_code": "02.09"}],
        actuals=[{"date": day(0), "code": "02.09", "amount": D(40)}],
        **shifts("ANA", (0, "09:00", "17:00")),
    )
    rec = reconcile(p)
    extra = by_code(rec)["02.09"]
    assert (extra.kind, extra.chapter, extra.planned, extra.actual) == (
        "unbudgeted",
        "02 Personnel",
        D(100),
        D(40),
    )
    assert rec.chapters[0].estimate_at_completion == D(200)


# --- actuals ------------------------------------------------------------------------------


def test_actuals_by_status_and_converted_to_the_production_currency() -> None:
    p = make(
        {"exchange_rates": "USD=0.92; GBP=1,17"},
        budget=[line("07.01", 1, 5000)],
        actuals=[
            {"date": day(0), "code": "07.01", "amount": D("0.1"), "status": "paid"},
            {"date": day(0), "code": "07.01", "amount": D("0.2"), "status": "paid"},
            {
                "date": day(1),
                "code": "07.01",
                "amount": D(1000),
                "currency": "usd",
                "status": "committed",
            },
            {
                "date": day(1),
                "code": "07.01",
                "amount": D("33.33"),
                "currency": "GBP",
                "status": "invoiced",
            },
            {"date": day(1), "code": "07.01", "amount": D(10), "currency": "€"},  # no status
        ],
    )
    x = by_code(reconcile(p))["07.01"]
    # 0.1 + 0.2 is 0.30; 1 000 USD × 0.92; 33.33 GBP × 1.17 = 38.9961 → 39.00.
    assert (x.actual, x.paid, x.committed, x.invoiced) == (
        D("969.30"),
        D("0.30"),
        D("920.00"),
        D("39.00"),
    )
    assert codes(p) == []


def test_an_expense_without_an_exchange_rate_is_an_error_not_a_guess() -> None:
    p = make(
        {"exchange_rates": "USD=0.92"},
        budget=[line("07.01", 1, 5000)],
        actuals=[
            {"date": day(0), "code": "07.01", "amount": D(100), "currency": "CHF"},
            {"date": day(0), "code": "07.01", "amount": D(100), "currency": "USD"},
        ],
    )
    assert by_code(reconcile(p))["07.01"].actual == D("92.00")
    assert flatten(validate(p), "code", "severity", "cells") == [["PS403", "error", ["F2", "E2"]]]
    assert validate(p)[0].message("fr") == (
        "100,00 CHF : aucun taux de change vers EUR n'est donné, cette dépense est donc "
        "laissée hors du réel."
    )


@pytest.mark.parametrize(
    ("text", "rates", "bad"),
    [
        ("USD=0.92; GBP=1,17", {"USD": D("0.92"), "GBP": D("1.17")}, []),
        ("usd = 1\nchf=1.05;", {"USD": D(1), "CHF": D("1.05")}, []),
        ("USD:0.92", {}, ["USD:0.92"]),
        ("USD=0,92, GBP=1,17", {}, ["USD=0,92, GBP=1,17"]),  # commas are decimals, not lists
        ("USD=0.92; USD=0.93", {"USD": D("0.92")}, ["USD=0.93"]),
        ("DOLLAR=1; USD=-1; JPY=0", {}, ["DOLLAR=1", "USD=-1", "JPY=0"]),
    ],
)
def test_exchange_rates_are_parsed_strictly(text: str, rates: dict, bad: list) -> None:
    assert parse_exchange_rates(text) == (rates, bad)


# --- estimate at completion, contingency, alerts ---------------------------------------------


def test_estimate_at_completion_is_the_larger_of_actuals_and_forecast() -> None:
    p = make(
        budget=[
            line("02.01", 1, 1000),  # scheduled: forecast = planned 800
            line("02.02", 1, 1000),  # scheduled, but a purchase order of 900 beats planning
            line("05.01", 1, 1000),  # not scheduled: forecast = the budget
            line("05.02", 1, 1000),  # not scheduled, actuals past the budget
        ],
        crew=[
            {"id": "A", "name": "A", "day_rate": D(400), "budget_code": "02.01"},
            {"id": "B", "name": "B", "day_rate": D(400), "budget_code": "02.02"},
        ],
        actuals=[
            {"date": day(-5), "code": "02.01", "amount": D(300)},
            {"date": day(-5), "code": "02.02", "amount": D(900)},
            {"date": day(-5), "code": "05.01", "amount": D(300)},
            {"date": day(-5), "code": "05.02", "amount": D(1200)},
        ],
        **merged(
            shifts("A", (0, "9:00", "17:00"), (1, "9:00", "17:00")),
            shifts("B", (0, "9:00", "12:00")),
        ),
    )
    rec = reconcile(p)
    got = [
        (x.code, x.planned, x.actual, x.remaining, x.estimate_at_completion, x.variance)
        for x in rec.lines
    ]
    assert got == [
        ("02.01", D(800), D(300), D(700), D(800), D(200)),
        ("02.02", D(400), D(900), D(100), D(900), D(100)),
        ("05.01", D(0), D(300), D(700), D(1000), D(0)),
        ("05.02", D(0), D(1200), D(-200), D(1200), D(-200)),
    ]
    assert rec.total.variance == D(100)


def test_a_contingency_line_in_the_budget_is_not_counted_twice() -> None:
    p = make(
        {"contingency": D("0.07")},
        budget=[
            line("05.01", 1, 1000),
            line("05.02", 1, 1000),
            line("11.01", 1, 140, description="Imprévus"),
        ],
        actuals=[
            {"date": day(0), "code": "05.01", "amount": D(1100)},  # 100 over
            {"date": day(0), "code": "11.01", "amount": D(15)},  # spent on the contingency itself
        ],
    )
    rec = reconcile(p)
    c = rec.contingency
    assert (c.source, [x.code for x in c.lines], c.budget) == ("line", ["11.01"], D(140))
    assert rec.total.budget == D(2140)  # the 7 % setting is not added on top
    assert (c.overruns, c.spent, c.used, c.left) == (D(100), D(15), D(115), D(25))
    contingency = by_code(rec)["11.01"]
    assert (contingency.estimate_at_completion, contingency.variance) == (D(15), D(125))


def test_without_a_contingency_line_the_setting_makes_one() -> None:
    p = make(
        {"contingency": D("0.075")},
        budget=[line("05.01", 1, "1000.10"), line("05.02", 1, 1000)],
        crew=[{"id": "A", "name": "A", "day_rate": D(600), "budget_code": "05.02"}],
        actuals=[{"date": day(0), "code": "05.01", "amount": D("1100.10")}],
        **shifts("A", (0, "9:00", "17:00")),
    )
    rec = reconcile(p)
    c = rec.contingency
    extra = rec.lines[-1]
    assert (extra.code, extra.kind, extra.description["fr"]) == (
        None,
        "contingency",
        "Imprévus (7,5\u00a0%)",  # a French decimal comma, as every other amount
    )
    assert extra.description["en"] == "Contingency (7.5%)"
    assert (c.source, c.budget) == ("setting", D("150.01"))  # 7.5 % of 2 000.10
    assert rec.total.budget == D("2150.11")
    # 100 over on 05.01 is used; the 400 forecast saving on 05.02 is shown, not netted.
    assert (c.overruns, c.savings, c.left) == (D(100), D(400), D("50.01"))


def test_alerts_at_the_thresholds_of_the_production_sheet() -> None:
    budget = [
        line("05.01", 1, 1000, chapter="05 Sets"),
        line("05.02", 1, 1000, chapter="05 Sets"),
        line("06.01", 1, 1000, chapter="06 Transport"),
        line("11.01", 1, 200, chapter="11 Imprévus"),
    ]
    actuals = [
        {"date": day(0), "code": "05.01", "amount": D(900)},  # 90 %
        {"date": day(0), "code": "05.02", "amount": D("899.99")},  # just under
        {"date": day(0), "code": "06.01", "amount": D(1200)},  # 200 over: contingency used up
    ]
    p = make(budget=budget, actuals=actuals)
    assert flatten(found(p), "code", "id", "cell") == [
        ["PS405", "05.01", "H2"],
        ["PS406", "06.01", "H4"],
        ["PS407", "06.01", "H4"],
        ["PS408", "11.01", "H5"],
    ]
    assert [f.message("en") for f in found(p)] == [
        "05.01 Line 05.01: €900.00 spent or committed, 90% of its €1,000.00 (alert at 90%).",
        "06.01 Line 06.01: €1,200.00 spent or committed, €200.00 more than its €1,000.00.",
        "Chapter 06 Transport is estimated at €1,200.00 at completion, for a budget of "
        "€1,000.00 (120%; alert above 100%).",
        "Overruns use €200.00 of the €200.00 contingency (100%; alert at 100%): €0.00 left.",
    ]
    stricter = make(
        {"line_warning": D("0.5"), "chapter_warning": D("0.9"), "contingency_warning": D(2)},
        budget=budget,
        actuals=actuals,
    )
    assert flatten(found(stricter), "code", "id") == [
        ["PS405", "05.01"],
        ["PS405", "05.02"],
        ["PS407", "05.02"],  # 05 Sets: estimated 2 000 of 2 000, past 90 % (its last line)
        ["PS406", "06.01"],
        ["PS407", "06.01"],
    ]


def test_a_line_spent_exactly_at_its_budget_and_paid_is_not_an_alert() -> None:
    budget = [line("05.01", 1, 1000), line("05.02", 1, 1000), line("05.03", 1, 1000)]
    actuals = [
        {"date": day(0), "code": "05.01", "amount": D(1000), "status": "paid"},  # done
        {"date": day(0), "code": "05.02", "amount": D(1000), "status": "invoiced"},  # not yet
        {"date": day(0), "code": "05.03", "amount": D(600), "status": "paid"},
        {"date": day(1), "code": "05.03", "amount": D(400), "status": "committed"},
    ]
    assert flatten(found(make(budget=budget, actuals=actuals)), "code", "id") == [
        ["PS405", "05.02"],
        ["PS405", "05.03"],
    ]


def test_cash_flow_by_iso_week() -> None:
    p = make(
        budget=[line("02.01", 2, 100)],
        crew=[{"id": "A", "name": "A", "day_rate": D(100), "budget_code": "02.01"}],
        actuals=[
            {"date": dt.date(2026, 3, 3), "code": "02.01", "amount": D(50)},
            {"date": day(8), "code": "02.01", "amount": D(70)},
            {"date": None, "code": "02.01", "amount": D(5)},  # its date could not be read
        ],
        **shifts("A", (0, "22:00", "02:00"), (13, "9:00", "17:00")),  # Sunday 22/03: week 12
    )
    rec = reconcile(p)
    assert [(w.week, w.monday, w.planned, w.actual) for w in rec.cash_flow] == [
        ((2026, 10), dt.date(2026, 3, 2), D(0), D(50)),
        ((2026, 11), dt.date(2026, 3, 9), D(100), D(0)),
        ((2026, 12), dt.date(2026, 3, 16), D(100), D(70)),
        (None, None, D(0), D(5)),
    ]
    assert sum(w.planned for w in rec.cash_flow) == rec.total.planned
    assert sum(w.actual for w in rec.cash_flow) == rec.total.actual


# --- exactness --------------------------------------------------------------------------------

amounts = st.decimals(min_value=D("-1000"), max_value=D("100000"), places=4, allow_nan=False)
quantities = st.decimals(min_value=D(0), max_value=D(500), places=2, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["01", "02", "03"]),
            quantities,
            amounts,
            st.sampled_from([None, D("0.52"), D("0.125")]),
        ),
        min_size=1,
        max_size=12,
    ),
    st.lists(st.tuples(st.integers(0, 14), amounts), max_size=12),
    st.sampled_from([None, D("0.07"), D("0.1")]),
)
def test_total_is_the_sum_of_lines_is_the_sum_of_chapters(lines_, actuals_, contingency) -> None:
    budget = [line(f"{ch}.{n:02d}", q, r, fringe=f) for n, (ch, q, r, f) in enumerate(lines_)]
    actuals = [
        {"date": day(-3), "code": budget[k % len(budget)]["code"], "amount": a} for k, a in actuals_
    ]
    rec = reconcile(make({"contingency": contingency}, budget=budget, actuals=actuals))
    for key in ("budget", "fringes", "planned", "actual", "estimate_at_completion"):
        of_lines = sum((getattr(x, key) for x in rec.lines), D(0))
        of_chapters = sum((getattr(c, key) for c in rec.chapters), D(0))
        assert getattr(rec.total, key) == of_lines == of_chapters, key
        assert all(getattr(x, key) == getattr(x, key).quantize(D("0.01")) for x in rec.lines)
    assert rec.total.remaining == rec.total.budget - rec.total.actual
    assert rec.total.actual == sum(
        (a.quantize(D("0.01"), "ROUND_HALF_UP") for _, a in actuals_), D(0)
    )


# --- JSON and the command line ----------------------------------------------------------------


def test_json_shape_and_decimal_strings() -> None:
    p = make(
        {"contingency": D("0.1")},
        budget=[line("02.01", 3, "0.1", chapter="02 Crew"), line("02.02", 1, "0.2")],
        actuals=[{"date": day(0), "code": "02.01", "amount": D("0.1"), "status": "paid"}],
    )

    answer = to_json(ReconcileResult([p], [], reconcile(p)), "en")
    assert set(answer) >= {"currency", "lines", "chapters", "total", "findings"}
    assert answer["currency"] == "EUR"
    keys = {"budget", "planned", "actual", "remaining", "variance", "estimate_at_completion"}
    assert all(keys | {"code", "chapter", "description"} <= set(x) for x in answer["lines"])
    assert all(keys | {"chapter"} <= set(c) for c in answer["chapters"])
    assert keys <= set(answer["total"])
    money_text = re.compile(r"-?\d+\.\d\d")
    for entry in [*answer["lines"], *answer["chapters"], answer["total"]]:
        assert all(money_text.fullmatch(entry[k]) for k in keys)
    assert answer["lines"][0] == {
        "code": "02.01",
        "chapter": "02 Crew",
        "description": "Line 02.01",
        "kind": "line",
        "budget": "0.30",
        "fringes": "0.00",
        "planned": "0.00",
        "actual": "0.10",
        "committed": "0.00",
        "invoiced": "0.00",
        "paid": "0.10",
        "remaining": "0.20",
        "estimate_at_completion": "0.30",
        "variance": "0.00",
    }
    assert answer["total"]["budget"] == "0.55"  # 0.30 + 0.20 + 10 % contingency 0.05
    assert answer["contingency"]["source"] == "setting"
    assert answer["cash_flow"] == [
        {"week": "2026-W11", "monday": "2026-03-09", "planned": "0.00", "actual": "0.10"}
    ]


def cli(*args: Any) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def test_reconcile_a_clean_production_exits_0(make_workbook: Any) -> None:
    path = make_workbook(minimal_production())
    code, out = cli("reconcile", path)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Court métrage test — rapprochement des coûts (EUR)"
    assert re.split(r"\s{2,}", lines[2].strip()) == [
        "Code",
        "Libellé",
        "Devis",
        "Prévu",
        "Réel",
        "Reste",
        "Estimé final",
        "Écart",
    ]
    assert re.split(r"\s{2,}", next(x for x in lines if x.startswith(" 02.01")).strip()) == [
        "02.01",
        "Chef opérateur",
        "2\u202f250,00",
        "450,00",
        "0,00",
        "2\u202f250,00",
        "450,00",
        "1\u202f800,00",
    ]
    assert "Pas d'imprévus" in out
    assert lines[-1] == "Court métrage test : 0 erreur, 0 avertissement."


def test_reconcile_json_is_the_library_result(make_workbook: Any) -> None:
    sheets: Sheets = minimal_production()
    sheets["Dépenses"] = [
        ["Date", "Code", "Libellé", "Montant", "Devise", "Statut"],
        [dt.date(2026, 3, 10), "07.01", "Caméra", "2 800,50 €", None, "engagé"],
    ]
    path = make_workbook(sheets)
    code, out = cli("reconcile", path, "--format", "json", "--lang", "en")
    assert code == 0  # a warning (PS405) is not an error
    answer = json.loads(out)
    assert answer == to_json(run(path), "en")
    camera = next(x for x in answer["lines"] if x["code"] == "07.01")
    assert (camera["actual"], camera["committed"], camera["estimate_at_completion"]) == (
        "2800.50",
        "2800.50",
        "2800.50",
    )
    assert [f["code"] for f in answer["findings"]] == ["PS405"]


def test_reconcile_exit_codes_follow_check(make_workbook: Any, tmp_path: Path) -> None:
    sheets = minimal_production()
    sheets["Devis"][1][6] = 2300  # PS201: the workbook's own arithmetic is reported too
    sheets["Affectations"].append(["S2", "LUCIE", dt.time(11), None])  # PS301: check's business
    code, out = cli("reconcile", make_workbook(sheets), "--format", "json")
    assert code == 1
    assert [f["code"] for f in json.loads(out)["findings"]] == ["PS201", "PS202", "PS203"]
    code, out = cli("reconcile", tmp_path / "nowhere", "--format", "json")
    assert code == 2
    answer = json.loads(out)
    assert [f["code"] for f in answer["findings"]] == ["PS001"]
    assert (answer["lines"], answer["total"]["budget"]) == ([], "0.00")
    assert cli("reconcile")[0] == 2


def test_check_runs_the_cost_rules(make_workbook: Any) -> None:
    sheets = minimal_production()
    sheets["Équipe"][2][5] = None  # MARC: no budget code
    code, out = cli("check", make_workbook(sheets), "--format", "json")
    assert code == 0
    assert [f["code"] for f in json.loads(out)["findings"]] == ["PS401"]


def test_the_text_report_shows_contingency_statuses_and_cash_flow() -> None:
    p = make(
        {"contingency": D("0.05")},
        budget=[line("02.01", 2, 100)],
        crew=[{"id": "A", "name": "A", "day_rate": D(150), "budget_code": "02.01"}],
        actuals=[{"date": day(0), "code": "02.01", "amount": D(20), "status": "invoiced"}],
        **shifts("A", (0, "9:00", "17:00"), (1, "9:00", "17:00")),
    )

    text = render_text(ReconcileResult([p], validate(p), reconcile(p)), "en")
    assert "Of which committed €0.00 · invoiced €20.00 · paid €0.00." in text
    assert (
        "Contingency (5% of the production): €10.00; used by overruns €100.00 (1,000%); "
        "-€90.00 left. Forecast savings, not netted: €0.00." in text
    )
    assert re.search(r"2026-W11 \(Mon 9 Mar\)\s+300\.00\s+20\.00", text)
    assert "warning PS408" in text


def test_the_text_leaves_out_lines_at_zero_but_the_json_keeps_them() -> None:
    p = make(
        budget=[line("02.01", 2, 100, chapter="02 Crew"), line("08.01", chapter="08 Post")],
        crew=[{"id": "A", "name": "A", "day_rate": D(100), "budget_code": "02.01"}],
        **shifts("A", (0, "9:00", "17:00"), (1, "9:00", "17:00")),
    )
    result = ReconcileResult([p], validate(p), reconcile(p))
    text = render_text(result, "en")
    assert "02.01" in text and "08.01" not in text.split("line(s) at zero")[0]
    assert "08 Post" not in text  # a chapter with nothing in it goes too
    assert "1 line(s) at zero in every column not shown: 08.01" in text
    assert [x["code"] for x in to_json(result, "en")["lines"]] == ["02.01", "08.01"]


EXAMPLES = Path(__file__).parent.parent / "workbooks"


def test_the_examples_reconcile() -> None:
    film = run(EXAMPLES / "tournage-reunion").reconciliation
    assert film is not None
    lines = by_code(film)
    # The devis's 11.01 Imprévus line is the contingency: the 7 % setting is not added.
    assert (film.contingency.source, film.contingency.budget) == ("line", D("5561.00"))
    # Budget with fringes (INT 52 %, ART 50 %, CDD 45 %); 06.04 at 28 × 65 €.
    assert (film.total.budget, lines["06.04"].budget) == (D("107044.20"), D("1820.00"))
    # Claire: 12 days × 350 € × 1.52 + 5 h 30 of overtime at +25 % (50 € an hour) × 1.52.
    assert lines["02.01"].planned == D("6488.50")
    # The camera's booked days (5 650 €) beat its purchase order so far (4 550 €).
    assert (lines["07.01"].actual, lines["07.01"].planned) == (D("4550.00"), D("5650.00"))
    assert lines["07.01"].estimate_at_completion == D("5650.00")
    festival = run(EXAMPLES / "festival").reconciliation
    assert festival is not None
    lines = by_code(festival)
    # Headliners on a flat line: one fee each; the Main Stage PA budgeted for its 5 days.
    assert lines["01.01"].planned == D("36000.00")
    assert (lines["02.05"].planned, lines["02.05"].variance) == (D("31000.00"), D("0.00"))
    for rec in (film, festival):
        for key in ("budget", "planned", "actual", "estimate_at_completion"):
            assert getattr(rec.total, key) == sum((getattr(c, key) for c in rec.chapters), D(0))
        assert sum(w.planned for w in rec.cash_flow) == rec.total.planned


# Up to the largest amount the reader accepts (under 10^15, at most 340 decimals): the
# products reach 10^30 and beyond, where Decimal's default 28 digits used to round.
LARGEST = 10**15 - 1
huge = st.one_of(
    st.decimals(min_value=-LARGEST, max_value=LARGEST, places=2, allow_nan=False),
    st.builds(
        lambda digits, places: D(digits).scaleb(-places),
        st.integers(-LARGEST, LARGEST),
        st.integers(0, 340),
    ),
)
huge_quantities = st.decimals(min_value=0, max_value=LARGEST, places=3, allow_nan=False)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["01", "02", "03"]), huge_quantities, huge),
        min_size=1,
        max_size=10,
    ),
    st.lists(st.tuples(st.integers(0, 14), huge), max_size=8),
)
def test_sums_stay_exact_up_to_the_largest_amount_read(lines_, actuals_) -> None:
    from decimal import localcontext

    from prodsheets.money import CONTEXT

    budget = [line(f"{ch}.{n:02d}", q, r) for n, (ch, q, r) in enumerate(lines_)]
    actuals = [
        {"date": day(-3), "code": budget[k % len(budget)]["code"], "amount": a} for k, a in actuals_
    ]
    rec = reconcile(make(budget=budget, actuals=actuals))
    with localcontext(CONTEXT):  # the test's own sums exact too
        for key in ("budget", "actual", "estimate_at_completion", "remaining", "variance"):
            of_lines = sum((getattr(x, key) for x in rec.lines), D(0))
            of_chapters = sum((getattr(c, key) for c in rec.chapters), D(0))
            assert getattr(rec.total, key) == of_lines == of_chapters, key
        typed = {f"{ch}.{n:02d}": q * r for n, (ch, q, r) in enumerate(lines_)}
        for x in rec.lines:
            assert x.budget == typed[x.code].quantize(D("0.01"), rounding="ROUND_HALF_UP")
