"""Values as producers type them (design.md §2): examples first, then properties.

The tables read as "what is in the cell → what the parser returns"; the hypothesis tests
then check that every parser, whatever it is given, either returns its documented type
or raises ``values.BadValue`` (which the loader turns into a finding), and that what a
producer or Excel writes for a date, time or amount parses back exactly.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from prodsheets.contract import schema, values
from prodsheets.contract.values import BadValue

D = Decimal
NBSP = "\u00a0"  # no-break space
NNBSP = "\u202f"  # narrow no-break space (what French Excel puts in 1 234,56)
MINUS = "\u2212"  # typographic minus sign

EPOCH_1900 = dt.date(1899, 12, 30)  # serial 61 and on: days since this
EPOCH_1904 = dt.date(1904, 1, 1)
FR_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def serial_1900(day: dt.date) -> int:
    return (day - EPOCH_1900).days


# --- dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (dt.date(2026, 3, 12), dt.date(2026, 3, 12)),
        (dt.datetime(2026, 3, 12, 8, 30), dt.date(2026, 3, 12)),
        (dt.datetime(2026, 3, 12, 23, 59, 59), dt.date(2026, 3, 12)),
    ],
)
def test_parse_date_excel_objects(cell, expected):
    parsed = values.parse_date(cell)
    assert parsed == expected
    assert type(parsed) is dt.date  # never a datetime, so dates compare with dates


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, dt.date(1900, 1, 1)),
        (2, dt.date(1900, 1, 2)),
        (59, dt.date(1900, 2, 28)),
        (61, dt.date(1900, 3, 1)),  # after Excel's fake 29/02/1900
        (36526, dt.date(2000, 1, 1)),
        (43831, dt.date(2020, 1, 1)),
        (44927, dt.date(2023, 1, 1)),
        (45292, dt.date(2024, 1, 1)),
        (45658, dt.date(2025, 1, 1)),
        (46023, dt.date(2026, 1, 1)),
        (46093, dt.date(2026, 3, 12)),
        (46094, dt.date(2026, 3, 13)),
        (46094.0, dt.date(2026, 3, 13)),
        (46093.75, dt.date(2026, 3, 12)),  # 12/03/2026 18:00: the time part is dropped
        (2958465, dt.date(9999, 12, 31)),  # Excel's last day
    ],
)
def test_parse_date_serial_1900(serial, expected):
    assert values.parse_date(serial) == expected


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (0, dt.date(1904, 1, 1)),
        (0.5, dt.date(1904, 1, 1)),
        (1, dt.date(1904, 1, 2)),
        (59, dt.date(1904, 2, 29)),  # 1904 was a leap year; no 1900 bug in this system
        (44631, dt.date(2026, 3, 12)),  # 1462 less than in the 1900 system
        (2957003, dt.date(9999, 12, 31)),
    ],
)
def test_parse_date_serial_1904(serial, expected):
    assert values.parse_date(serial, date1904=True) == expected


def test_serial_60_is_excels_fake_29_february_1900():
    # Excel shows serial 60 as 29/02/1900, a day that never was: it is not silently
    # read as the 1st of March (serial 61) nor as the 28th of February (serial 59).
    with pytest.raises(BadValue):
        values.parse_date(60)
    with pytest.raises(BadValue):
        values.parse_date(60.25)
    assert values.parse_date(59) != values.parse_date(61)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/03/2026", dt.date(2026, 3, 12)),  # day first, the French way
        ("01/12/2026", dt.date(2026, 12, 1)),
        ("1/3/26", dt.date(2026, 3, 1)),
        ("1/3/2026", dt.date(2026, 3, 1)),
        ("12.03.2026", dt.date(2026, 3, 12)),
        ("12-03-2026", dt.date(2026, 3, 12)),
        ("31/12/99", dt.date(1999, 12, 31)),
        ("2026-03-12", dt.date(2026, 3, 12)),
        ("2026/03/12", dt.date(2026, 3, 12)),
        ("2026-03-12 08:00:00", dt.date(2026, 3, 12)),
        ("2026-03-12T08:00", dt.date(2026, 3, 12)),
        ("  12/03/2026 ", dt.date(2026, 3, 12)),
        ("29/02/2028", dt.date(2028, 2, 29)),
        ("9 mars 2026", dt.date(2026, 3, 9)),
        ("lundi 9 mars 2026", dt.date(2026, 3, 9)),
        ("Lundi 9 Mars 2026", dt.date(2026, 3, 9)),
        ("lun. 9 mars 2026", dt.date(2026, 3, 9)),
        ("1er avril 2026", dt.date(2026, 4, 1)),
        ("14 juillet 2026", dt.date(2026, 7, 14)),
        ("15 août 2026", dt.date(2026, 8, 15)),
        ("15 aout 2026", dt.date(2026, 8, 15)),
        ("3 févr. 2026", dt.date(2026, 2, 3)),
        ("25 DÉCEMBRE 2026", dt.date(2026, 12, 25)),
        ("9 March 2026", dt.date(2026, 3, 9)),
        ("Monday 9 March 2026", dt.date(2026, 3, 9)),
        ("9 Sep 2026", dt.date(2026, 9, 9)),
    ],
)
def test_parse_date_text(text, expected):
    assert values.parse_date(text) == expected


@pytest.mark.parametrize(
    "cell",
    [
        "31/02/2026",  # the right shape, not a day
        "29/02/2027",
        "29/02/1900",
        "2026-13-01",
        "2026-02-30",
        "0000-01-01",
        "32/01/2026",
        "12/13/2026",  # never read month first
        "9 brumaire 2026",
        "hello",
        "",
        "   ",
        "12/03",  # no year, and no production dates to take it from
        "46094",  # a serial typed as text is not a date
        True,
        False,
        0,
        0.5,
        -1,
        -46094.0,
        float("nan"),
        float("inf"),
        float("-inf"),
        2958466,
        10**12,
        1e300,
        dt.time(8, 30),
        dt.timedelta(days=3),
        D("46094"),
        None,
    ],
)
def test_parse_date_rejects(cell):
    with pytest.raises(BadValue) as raised:
        values.parse_date(cell)
    assert raised.value.expected == ("date_year" if cell == "12/03" else "date")


JULY_FESTIVAL = values.YearFrom(dt.date(2026, 7, 15), dt.date(2026, 7, 21))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday, February 6, 2026", dt.date(2026, 2, 6)),
        ("February 6, 2026", dt.date(2026, 2, 6)),
        ("Feb 6 2026", dt.date(2026, 2, 6)),
        ("1er mars 2026", dt.date(2026, 3, 1)),
        ("Thu 30 Jul", dt.date(2026, 7, 30)),  # the year from the production's dates
        ("jeudi 30 juillet", dt.date(2026, 7, 30)),
        ("Sat. 18 Jul.", dt.date(2026, 7, 18)),
        ("31/07", dt.date(2026, 7, 31)),
        ("18 July", dt.date(2026, 7, 18)),
    ],
)
def test_dates_as_plannings_write_them(text, expected):
    assert values.parse_date(text, years=JULY_FESTIVAL) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("jeudi 31 juillet 2026", "date_weekday"),  # 31/07/2026 is a Friday
        ("Monday, 30 October", "date_year"),  # no 30 October near the festival is a Monday
        ("31/07", "date_year"),  # without the production's dates, no year to take
    ],
)
def test_a_date_whose_year_or_weekday_cannot_be_settled_is_refused(text, why):
    years = None if text == "31/07" else JULY_FESTIVAL
    with pytest.raises(BadValue) as raised:
        values.parse_date(text, years=years)
    assert raised.value.expected == why


def test_a_year_is_taken_only_when_one_year_fits():
    # A production across New Year: December is the first year's, January the next one's.
    winter = values.YearFrom(dt.date(2026, 11, 16), dt.date(2027, 2, 12))
    assert values.parse_date("15/12", years=winter) == dt.date(2026, 12, 15)
    assert values.parse_date("10 janvier", years=winter) == dt.date(2027, 1, 10)


@pytest.mark.parametrize("cell", [-1, 2957004, 2958465, 1e300, float("nan")])
def test_parse_date_1904_rejects(cell):
    with pytest.raises(BadValue):
        values.parse_date(cell, date1904=True)


# --- times ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (dt.time(8, 30), dt.time(8, 30)),
        (dt.time(8, 30, 15, 999), dt.time(8, 30, 15)),
        (dt.time(8, 30, tzinfo=dt.UTC), dt.time(8, 30)),
        (dt.datetime(2026, 3, 12, 20, 45), dt.time(20, 45)),
        (dt.datetime(1899, 12, 30, 6, 0), dt.time(6, 0)),  # Excel's "time only" datetime
        # calamine gives a timedelta for [h]:mm durations
        (dt.timedelta(hours=8, minutes=30), dt.time(8, 30)),
        (dt.timedelta(0), dt.time(0, 0)),
        (dt.timedelta(hours=23, minutes=59, seconds=59), dt.time(23, 59, 59)),
        (dt.timedelta(hours=24), dt.time(0, 0)),  # 24:00, a wrap at midnight
        # Excel stores a time as a fraction of a day
        (0, dt.time(0, 0)),
        (0.0, dt.time(0, 0)),
        (0.5, dt.time(12, 0)),
        (0.25, dt.time(6, 0)),
        (0.354166666666667, dt.time(8, 30)),
        (8.5 / 24, dt.time(8, 30)),
        (0.7916666666666666, dt.time(19, 0)),
        (0.999988425925926, dt.time(23, 59, 59)),
        (1, dt.time(0, 0)),
        (1.0, dt.time(0, 0)),
    ],
)
def test_parse_time_excel_values(cell, expected):
    assert values.parse_time(cell) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08:30", dt.time(8, 30)),
        ("8:30", dt.time(8, 30)),
        ("8h30", dt.time(8, 30)),
        ("8H30", dt.time(8, 30)),
        ("08h30", dt.time(8, 30)),
        ("8h", dt.time(8, 0)),
        ("20h", dt.time(20, 0)),
        ("8 h 30", dt.time(8, 30)),
        ("8 h", dt.time(8, 0)),
        (" 08:30 ", dt.time(8, 30)),
        ("08:30:15", dt.time(8, 30, 15)),
        ("20:00:00", dt.time(20, 0)),
        ("00:00", dt.time(0, 0)),
        ("23:59", dt.time(23, 59)),
        ("24:00", dt.time(0, 0)),  # a wrap at midnight
        ("24h", dt.time(0, 0)),
        ("8:30 pm", dt.time(20, 30)),
        ("8:30 PM", dt.time(20, 30)),
        ("8:30am", dt.time(8, 30)),
        ("12:00 am", dt.time(0, 0)),
        ("12:15 pm", dt.time(12, 15)),
        ("12 pm", dt.time(12, 0)),
    ],
)
def test_parse_time_text(text, expected):
    assert values.parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15.00", dt.time(15, 0)),  # the French hh.mm
        ("13.30", dt.time(13, 30)),
        ("9:00\u202fAM", dt.time(9, 0)),  # macOS puts a narrow no-break space before AM
        ("9:00 a.m.", dt.time(9, 0)),
        ("9.30pm", dt.time(21, 30)),
        ("15:01:30", dt.time(15, 1, 30)),  # a rundown's seconds are kept
        ("midi", dt.time(12, 0)),
        ("noon", dt.time(12, 0)),
        ("minuit", dt.time(0, 0)),
    ],
)
def test_times_as_plannings_write_them(text, expected):
    assert values.parse_time(text) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [(13.3, dt.time(13, 30)), (15, dt.time(15, 0)), (9.45, dt.time(9, 45)), (8.5, dt.time(8, 50))],
)
def test_a_number_in_a_time_column_is_hours_dot_minutes_and_said(number, expected):
    assert values.read_time(number) == (expected, values.HOURS_DOT_MINUTES)


def test_a_time_in_a_time_column_is_read_without_a_word():
    assert values.read_time(dt.time(13, 30)) == (dt.time(13, 30), None)
    assert values.read_time(0.5) == (dt.time(12, 0), None)  # Excel's fraction of a day


@pytest.mark.parametrize(
    "cell",
    [
        "25:00",
        "24:01",
        "24:00:01",
        "8h75",
        "8:60",
        "8:30:60",
        "8:5",
        "abc",
        "",
        "8h30 du matin",
        "13:00 pm",
        "0:30 am",
        "08:30:",
        "8.3",  # a dot separates hours and minutes only before two digits
        1.5,
        -0.1,
        -1,
        2,
        float("nan"),
        float("inf"),
        True,
        False,
        dt.timedelta(hours=-1),
        dt.timedelta(hours=26),  # a duration, not a time of day
        dt.date(2026, 3, 12),
        None,
    ],
)
def test_parse_time_rejects(cell):
    with pytest.raises(BadValue) as raised:
        values.parse_time(cell)
    assert raised.value.expected == "time"


# --- numbers and money ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234,56 €", D("1234.56")),
        (f"1{NBSP}234,56{NBSP}€", D("1234.56")),
        (f"1{NNBSP}234,56{NNBSP}€", D("1234.56")),
        (f"1{NNBSP}234{NNBSP}567,89 €", D("1234567.89")),
        ("1 234 567", D("1234567")),
        ("1234,56", D("1234.56")),
        ("1234.56", D("1234.56")),
        ("1,234.56", D("1234.56")),
        ("1.234,56", D("1234.56")),
        ("1,234,567", D("1234567")),
        ("1.234.567", D("1234567")),
        ("1,234,567.89", D("1234567.89")),
        ("1.234.567,89", D("1234567.89")),
        ("1'234.50", D("1234.50")),  # Swiss
        ("(12,50)", D("-12.50")),
        ("(12,50 €)", D("-12.50")),
        ("-12,5", D("-12.5")),
        (f"{MINUS}12,5", D("-12.5")),
        ("- 12,5 €", D("-12.5")),
        ("+12", D("12")),
        ("12 €", D("12")),
        ("12€", D("12")),
        ("€12", D("12")),
        ("€ 1 234,56", D("1234.56")),
        ("12 EUR", D("12")),
        ("12 eur", D("12")),
        ("12 euros", D("12")),
        ("1 euro", D("1")),
        ("12,5 € HT", D("12.5")),
        ("12,5 € TTC", D("12.5")),
        ("$1,234.56", D("1234.56")),
        ("0,10", D("0.10")),
        (",5", D("0.5")),
        ("12,", D("12")),
        ("0", D("0")),
        ("  42  ", D("42")),
    ],
)
def test_parse_number_text(text, expected):
    parsed = values.parse_number(text)
    assert parsed == expected
    assert type(parsed) is Decimal
    assert values.parse_money(text) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # calamine gives floats: built from their shortest repr, never from binary noise
        (0.1, D("0.1")),
        (40.0, D("40")),
        (1234.56, D("1234.56")),
        (0.07, D("0.07")),
        (-12.5, D("-12.5")),
        (1e20, D("1E+20")),
        (40, D("40")),
        (-3, D("-3")),
        (10**30, D(10**30)),
    ],
)
def test_parse_number_excel_numbers(cell, expected):
    parsed = values.parse_money(cell)
    assert parsed == expected
    assert type(parsed) is Decimal


def test_float_money_is_exact():
    assert values.parse_money(0.1) == D("0.1")
    assert values.parse_money(0.1) != D(0.1)  # what Decimal(float) would give
    assert sum(values.parse_money(0.1) for _ in range(10)) == D("1")


@pytest.mark.parametrize(
    "cell",
    [
        "12,5,3",  # a malformed grouping is rejected, not misread
        "1,23,456",
        "12,34,567",
        "1.2.3",
        "1.23.456",
        "1.234,5,6",
        "1,234.5.6",
        "12.34,5",
        "1234.567,89",
        "12 34",  # a space is a thousands separator only between groups of three
        "1 2",
        "1 23",
        "12 € 34",
        "12€50",
        "1  234",
        "1 2345",
        "abc",
        "12 abc",
        "1e5",
        "0x10",
        "--12",
        "12-",
        "€",
        "%",
        ".",
        ",",
        "-",
        "",  # blank never reaches the parser, but if it did it is not a zero
        "   ",
        True,
        False,
        float("nan"),
        float("inf"),
        float("-inf"),
        None,
        dt.date(2026, 3, 12),
    ],
)
def test_parse_number_rejects(cell):
    with pytest.raises(BadValue) as raised:
        values.parse_number(cell)
    assert raised.value.expected == "number"
    with pytest.raises(BadValue) as raised:
        values.parse_money(cell)
    assert raised.value.expected == "money"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [(3, 3), (3.0, 3), ("1 200", 1200), ("12", 12), ("-2", -2), ("4,0", 4), (1e20, 10**20)],
)
def test_parse_integer(cell, expected):
    parsed = values.parse_integer(cell)
    assert parsed == expected
    assert type(parsed) is int


@pytest.mark.parametrize("cell", ["1,5", 2.5, "abc", True, float("nan")])
def test_parse_integer_rejects(cell):
    with pytest.raises(BadValue) as raised:
        values.parse_integer(cell)
    assert raised.value.expected == "integer"


# --- percentages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("12 %", D("0.12")),
        ("12%", D("0.12")),
        (f"12{NNBSP}%", D("0.12")),
        ("12,5 %", D("0.125")),
        ("12.5%", D("0.125")),
        ("100 %", D("1")),
        ("0 %", D("0")),
        ("-5 %", D("-0.05")),
        ("0.12", D("0.12")),  # a fraction, the way a %-formatted cell holds it
        ("0,12", D("0.12")),
        (0.12, D("0.12")),
        (0.125, D("0.125")),
        (1, D("1")),
        ("45", D("0.45")),  # more than 1: percent points
        (45, D("0.45")),
        (45.5, D("0.455")),
    ],
)
def test_parse_percent(cell, expected):
    parsed = values.parse_percent(cell)
    assert parsed == expected
    assert type(parsed) is Decimal


@pytest.mark.parametrize("cell", ["abc %", "%", "abc", "", "12,5,3 %", True, float("nan")])
def test_parse_percent_rejects(cell):
    with pytest.raises(BadValue) as raised:
        values.parse_percent(cell)
    assert raised.value.expected == "percent"


# --- yes / no -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("oui", True),
        ("non", False),
        ("yes", True),
        ("no", False),
        ("x", True),
        ("X", True),
        ("Oui", True),
        ("NON", False),
        (" oui ", True),
        ("vrai", True),
        ("faux", False),
        ("VRAI", True),
        ("true", True),
        ("false", False),
        ("TRUE", True),
        ("1", True),
        ("0", False),
        (True, True),
        (False, False),
        (1, True),
        (0, False),
        (1.0, True),
        (0.0, False),
    ],
)
def test_parse_bool(cell, expected):
    assert values.parse_bool(cell) is expected


@pytest.mark.parametrize("cell", ["peut-être", "maybe", "", "2", 2, -1, 0.5, float("nan"), None])
def test_parse_bool_rejects(cell):
    with pytest.raises(BadValue) as raised:
        values.parse_bool(cell)
    assert raised.value.expected == "bool"


# --- ids and text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("LUCIE", "LUCIE"),
        ("Lucie", "Lucie"),  # case is kept
        (" CAM1 ", "CAM1"),
        (f"{NBSP}CAM1{NNBSP}", "CAM1"),
        (f"CAM1{NBSP}", "CAM1"),
        ("\tCAM1\n", "CAM1"),
        (12.0, "12"),
        (12, "12"),
        ("007", "007"),
    ],
)
def test_parse_id(cell, expected):
    assert values.parse_id(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("A, B; C", ("A", "B", "C")),
        ("A,B,C", ("A", "B", "C")),
        ("LUCIE", ("LUCIE",)),
        ("A;;B", ("A", "B")),
        ("A, , B,", ("A", "B")),
        (f"{NBSP}A{NBSP};{NNBSP}B", ("A", "B")),
        ("A\nB", ("A", "B")),
        (12.0, ("12",)),
        (",;", ()),
    ],
)
def test_parse_id_list(cell, expected):
    assert values.parse_id_list(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Scène 12 – nuit", "Scène 12 – nuit"),
        ("  padded  ", "padded"),
        (612345678.0, "612345678"),  # a phone number typed as a number
        (40.0, "40"),
        (12.5, "12.5"),
        (12, "12"),
        (dt.date(2026, 3, 12), "2026-03-12"),
        (dt.datetime(2026, 3, 12, 8, 30), "2026-03-12 08:30:00"),
        (dt.time(8, 30), "08:30:00"),
    ],
)
def test_parse_text(cell, expected):
    assert values.parse_text(cell) == expected


# --- choices --------------------------------------------------------------------------

CHOICE_NAMES = [
    (choices, choice.key, name)
    for choices, options in schema.CHOICES.items()
    for choice in options
    for name in dict.fromkeys((choice.key, choice.en, choice.fr, *choice.aliases))
]


@pytest.mark.parametrize(("choices", "key", "name"), CHOICE_NAMES)
def test_parse_choice_every_label_and_alias(choices, key, name):
    assert values.parse_choice(choices, name) == key
    assert values.parse_choice(choices, name.upper()) == key
    assert values.parse_choice(choices, f"  {name.title()} ") == key


@pytest.mark.parametrize(
    ("choices", "cell", "key"),
    [
        ("status", "Engagé", "committed"),
        ("status", "ENGAGE", "committed"),
        ("status", "engagé", "committed"),
        ("status", "committed", "committed"),
        ("status", "Committed", "committed"),
        ("status", "Facturé", "invoiced"),
        ("status", "PAYÉ", "paid"),
        ("status", "réglé", "paid"),
        ("contract", "Salarié", "employee"),
        ("contract", "Bénévole", "volunteer"),
        ("contract", "auto entrepreneur", "contractor"),
        ("unit", "Forfait", "flat"),
        ("unit", "J", "day"),
        ("rules", "Spectacle vivant", "live"),
        ("rules", "Personnalisé", "custom"),
        ("language", "Français", "fr"),
        ("kind", "Tournée", "live"),
        ("kind", "Exposition", "exhibition"),
    ],
)
def test_parse_choice_examples(choices, cell, key):
    assert values.parse_choice(choices, cell) == key


@pytest.mark.parametrize(
    ("choices", "cell"),
    [
        ("status", "maybe"),
        ("status", "annulé"),
        ("unit", "parsec"),
        ("contract", "à voir"),
        ("kind", "opéra"),
        ("language", "de"),
        ("status", ""),
        ("status", 12.0),
    ],
)
def test_parse_choice_rejects(choices, cell):
    with pytest.raises(BadValue) as raised:
        values.parse_choice(choices, cell)
    assert raised.value.expected == f"choice:{choices}"
    for lang in schema.LANGS:
        assert values.expected_text(raised.value.expected, lang)


def test_no_name_means_two_choices():
    # a label or alias shared by two options of one list would silently pick the first
    for choices, options in schema.CHOICES.items():
        owner: dict[str, str] = {}
        for choice in options:
            for name in (choice.key, choice.en, choice.fr, *choice.aliases):
                folded = schema.normalise(name)
                assert owner.setdefault(folded, choice.key) == choice.key, (choices, name)


# --- the dispatcher ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "cell", "expected", "kw"),
    [
        (schema.TEXT, "Plan B", "Plan B", {}),
        (schema.ID, " CAM1 ", "CAM1", {}),
        (schema.DATE, "12/03/2026", dt.date(2026, 3, 12), {}),
        (schema.DATE, 44631, dt.date(2026, 3, 12), {"date1904": True}),
        (schema.TIME, "8h30", dt.time(8, 30), {}),
        (schema.MONEY, "1 234,56 €", D("1234.56"), {}),
        (schema.NUMBER, "2,5", D("2.5"), {}),
        (schema.INTEGER, "3", 3, {}),
        (schema.PERCENT, "12 %", D("0.12"), {}),
        (schema.BOOL, "oui", True, {}),
        (schema.ID_LIST, "A; B", ("A", "B"), {}),
        (schema.CHOICE, "Engagé", "committed", {"choices": "status"}),
        (schema.FRINGE, "45 %", D("0.45"), {}),
        (schema.FRINGE, "INTER", "INTER", {}),
    ],
)
def test_parse_dispatches_on_kind(kind, cell, expected, kw):
    assert values.parse(kind, cell, **kw) == expected


def test_parse_unknown_kind():
    with pytest.raises(ValueError, match="unknown column kind"):
        values.parse("colour", "red")


@pytest.mark.parametrize(
    ("cell", "blank"), [(None, True), ("", True), ("  ", True), (f"{NBSP}", True), (0, False)]
)
def test_is_blank(cell, blank):
    assert values.is_blank(cell) is blank


def test_bad_value_messages_exist_in_both_languages():
    for expected in values.EXPECTED:
        for lang in schema.LANGS:
            assert values.expected_text(expected, lang)
    bad = BadValue("money", "abc")
    assert isinstance(bad, ValueError)
    assert (bad.expected, bad.found) == ("money", "abc")
    assert "abc" in str(bad)


# --- properties: every parser returns its type or raises BadValue ----------------------

# Text shaped like what producers type, so the interesting branches are reached often.
PRODUCER_ALPHABET = "0123456789 ,.;:/-+()'%€$hH" + NBSP + NNBSP + MINUS + "aemnorsuxEHTÉé\n"
producer_text = st.text(alphabet=PRODUCER_ALPHABET, max_size=20)

cells = st.one_of(
    producer_text,
    st.text(max_size=30),
    st.from_regex(r"-?\(?\d{1,3}([ .,]\d{3})*([.,]\d{0,3})?\)? ?(€|%|EUR)?", fullmatch=True),
    st.from_regex(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}", fullmatch=True),
    st.from_regex(r"\d{1,2} ?[h:] ?\d{0,2}(:\d\d)? ?([ap]m)?", fullmatch=True),
    st.floats(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
    st.decimals(allow_nan=True),
    st.none(),
)


def _returns_or_bad_value(parse, cell, check):
    try:
        result = parse(cell)
    except BadValue as bad:
        for lang in schema.LANGS:  # the loader turns it into a finding in both languages
            assert values.expected_text(bad.expected, lang)
        return
    assert check(result), (cell, result)


def _is_finite_decimal(result):
    return type(result) is Decimal and result.is_finite()


PARSERS = {
    "text": (values.parse_text, lambda r: type(r) is str),
    "id": (values.parse_id, lambda r: type(r) is str and r == r.strip()),
    "id_list": (
        values.parse_id_list,
        lambda r: type(r) is tuple and all(type(p) is str and p and p == p.strip() for p in r),
    ),
    "date": (values.parse_date, lambda r: type(r) is dt.date),
    "date1904": (lambda v: values.parse_date(v, date1904=True), lambda r: type(r) is dt.date),
    "time": (values.parse_time, lambda r: type(r) is dt.time and r.tzinfo is None),
    "number": (values.parse_number, _is_finite_decimal),
    "money": (values.parse_money, _is_finite_decimal),
    "integer": (values.parse_integer, lambda r: type(r) is int),
    "percent": (values.parse_percent, _is_finite_decimal),
    "bool": (values.parse_bool, lambda r: type(r) is bool),
    "fringe": (
        values.parse_fringe,
        lambda r: type(r) is str or _is_finite_decimal(r),
    ),
    **{
        f"choice:{key}": (
            lambda v, key=key: values.parse_choice(key, v),
            lambda r, key=key: r in {c.key for c in schema.CHOICES[key]},
        )
        for key in schema.CHOICES
    },
}


@pytest.mark.parametrize("name", list(PARSERS))
@given(cell=cells)
@example(cell=float("nan"))
@example(cell=2958465)
@example(cell=MINUS)
@example(cell="()")
def test_every_parser_returns_its_type_or_bad_value(name, cell):
    parse, check = PARSERS[name]
    _returns_or_bad_value(parse, cell, check)


@given(cell=cells)
def test_parse_dispatcher_never_raises_anything_else(cell):
    for kind in (
        schema.TEXT,
        schema.ID,
        schema.DATE,
        schema.TIME,
        schema.MONEY,
        schema.NUMBER,
        schema.INTEGER,
        schema.PERCENT,
        schema.BOOL,
        schema.ID_LIST,
        schema.FRINGE,
    ):
        for date1904 in (False, True):
            with contextlib.suppress(BadValue):
                values.parse(kind, cell, date1904=date1904)


@given(cell=cells)
def test_money_is_number_with_its_own_message(cell):
    try:
        number = values.parse_number(cell)
    except BadValue:
        with pytest.raises(BadValue) as raised:
            values.parse_money(cell)
        assert raised.value.expected == "money"
    else:
        assert values.parse_money(cell) == number


# --- properties: round trips -----------------------------------------------------------

excel_days = st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31))


@given(day=excel_days)
@example(day=dt.date(1900, 3, 1))
@example(day=dt.date(9999, 12, 31))
def test_date_round_trips(day):
    serial = serial_1900(day)
    assert 61 <= serial <= values.MAX_SERIAL
    for cell in (
        day.strftime("%d/%m/%Y"),
        day.strftime("%d.%m.%Y"),
        day.strftime("%d-%m-%Y"),
        f"{day.day}/{day.month}/{day.year}",
        day.isoformat(),
        f"{day.isoformat()} 08:00:00",
        f"{'1er' if day.day == 1 else day.day} {FR_MONTHS[day.month - 1]} {day.year}",
        day.strftime("%d %B %Y"),  # English month names (C locale)
        serial,
        float(serial),
        serial + 0.75,  # a date and time cell
        day,
        dt.datetime.combine(day, dt.time(23, 59)),
    ):
        assert values.parse_date(cell) == day, cell


@given(day=st.dates(min_value=EPOCH_1904, max_value=dt.date(9999, 12, 31)))
@example(day=EPOCH_1904)
@example(day=dt.date(9999, 12, 31))
def test_date_round_trips_1904(day):
    serial = (day - EPOCH_1904).days
    assert values.parse_date(serial, date1904=True) == day
    assert values.parse_date(float(serial) + 0.5, date1904=True) == day


@given(day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2069, 12, 31)))
def test_two_digit_years_are_this_century(day):
    assert values.parse_date(day.strftime("%d/%m/%y")) == day


@given(hour=st.integers(0, 23), minute=st.integers(0, 59))
def test_time_round_trips(hour, minute):
    when = dt.time(hour, minute)
    am_pm = f"{(hour % 12) or 12}:{minute:02d} {'pm' if hour >= 12 else 'am'}"
    for cell in (
        f"{hour:02d}:{minute:02d}",
        f"{hour}:{minute:02d}",
        f"{hour}h{minute:02d}",
        f"{hour:02d}h{minute:02d}",
        f"{hour} h {minute:02d}",
        f"{hour:02d}:{minute:02d}:00",
        am_pm,
        (hour * 60 + minute) / 1440,  # Excel's fraction of a day
        dt.timedelta(hours=hour, minutes=minute),
        when,
        dt.datetime.combine(dt.date(2026, 3, 12), when),
    ):
        assert values.parse_time(cell) == when, cell


@given(seconds=st.integers(0, 86399))
def test_excel_fractions_round_to_the_second(seconds):
    when = dt.time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
    assert values.parse_time(seconds / 86400) == when


# --- properties: money is exact ----------------------------------------------------------

# amounts with two decimals, up to ±10 000 000 000,00
amounts = st.integers(min_value=-(10**12), max_value=10**12).map(lambda cents: D(cents).scaleb(-2))
thousands_separators = st.sampled_from([" ", NBSP, NNBSP])
currency_suffixes = st.sampled_from(["", " €", f"{NBSP}€", f"{NNBSP}€", "€", " EUR", " € HT"])
minus_signs = st.sampled_from(["-", MINUS, "paren"])


def french(amount: Decimal, sep: str, suffix: str, minus: str) -> str:
    digits = f"{abs(amount):,.2f}".replace(",", sep).replace(".", ",")
    if amount >= 0:
        return digits + suffix
    if minus == "paren":
        return f"({digits}){suffix}"
    return minus + digits + suffix


@given(amount=amounts, sep=thousands_separators, suffix=currency_suffixes, minus=minus_signs)
@example(amount=D("1234.56"), sep=NNBSP, suffix=f"{NNBSP}€", minus="-")
@example(amount=D("-0.10"), sep=" ", suffix="", minus="paren")
def test_french_amounts_parse_back_exactly(amount, sep, suffix, minus):
    text = french(amount, sep, suffix, minus)
    assert values.parse_money(text) == amount, text


@given(amount=amounts)
def test_english_and_plain_amounts_parse_back_exactly(amount):
    for text in (
        f"{amount:,.2f}",  # 1,234.56
        f"{amount:.2f}",  # 1234.56
        f"{amount:.2f}".replace(".", ","),  # 1234,56
        f"{amount:,.2f}".replace(",", " ").replace(".", ","),  # 1 234,56
        f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", "."),  # 1.234,56
    ):
        assert values.parse_money(text) == amount, text


@pytest.mark.parametrize(
    ("text", "lang", "expected", "said"),
    [
        ("$12,000", "en", D(12000), None),  # once read as 12.00
        ("1,200", "en", D(1200), None),  # once read as 1.20
        ("€2,500.50", "en", D("2500.50"), None),
        ("12 000 €", "fr", D(12000), None),
        ("1.200,50 €", "fr", D("1200.50"), None),
        ("600,-", "fr", D(600), None),  # no cents, as Swiss and German prices write it
        ("600.-", "en", D(600), None),
        ("1.200 €", "fr", D(1200), None),  # a French amount grouped with dots
        # An amount has cents, not thousandths: read as thousands, and said when the
        # language writes that separator as its decimal one.
        ("1,200", "fr", D(1200), values.THOUSANDS),
        ("12.000", "en", D(12000), values.THOUSANDS),
        ("12,50", "en", D("12.50"), None),  # two digits after: the decimal comma
    ],
)
def test_money_by_its_shape_and_the_production_language(text, lang, expected, said):
    assert values.read_number(text, "money", lang) == (expected, said)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [("1,250", "en", D(1250)), ("1,250", "fr", D("1.250")), ("1.250", "en", D("1.250"))],
)
def test_quantities_follow_the_production_language(text, lang, expected):
    assert values.read_number(text, "number", lang) == (expected, None)


money_styles = st.sampled_from(
    [
        ("en", "{sign}{g_comma}.{cents}"),  # 1,234.56
        ("en", "${g_comma}.{cents}"),
        ("en", "£{g_comma}"),  # whole pounds
        ("en", "{g_comma}"),
        ("en", "{plain}.{cents}"),
        ("fr", "{sign}{g_space},{cents} €"),  # 1 234,56 €
        ("fr", "{g_nnbsp},{cents}\u202f€"),
        ("fr", "{g_space} €"),
        ("fr", "{g_dot},{cents}"),  # 1.234,56
        ("fr", "{g_dot} €"),  # 1.234 €
        ("fr", "{plain},{cents}"),
        ("fr", "{g_space},-"),
    ]
)


@given(
    whole=st.integers(0, 10**9),
    cents=st.integers(0, 99),
    style=money_styles,
    reader=st.sampled_from(["fr", "en"]),
)
@example(whole=12000, cents=0, style=("en", "${g_comma}.{cents}"), reader="fr")
@example(whole=1200, cents=0, style=("en", "{g_comma}"), reader="fr")
def test_any_amount_a_producer_types_is_read_at_its_value_or_said(whole, cents, style, reader):
    """Whatever the language of the production that reads it, a money string a French or
    English producer could type is read at its value, or how it was read is said (a
    finding), or it is refused (a finding): never silently read as another amount."""
    writer, pattern = style
    whole_only = "{cents}" not in pattern
    value = D(whole) if whole_only else D(whole) + D(cents) / 100
    text = pattern.format(
        sign="",
        cents=f"{cents:02d}",
        plain=whole,
        g_comma=f"{whole:,}",
        g_space=f"{whole:,}".replace(",", " "),
        g_nnbsp=f"{whole:,}".replace(",", NNBSP),
        g_dot=f"{whole:,}".replace(",", "."),
    )
    try:
        read, said = values.read_number(text, "money", reader)
    except BadValue:
        return  # refused: the reader makes it a finding at its cell
    assert read == value or said is not None, (text, reader, read)
    if reader == writer:
        assert (read, said) == (value, None), text  # in its own language, read silently


@given(amount=amounts)
def test_excel_floats_give_the_amount_shown(amount):
    # Excel stores 1234.56 as the nearest double; the parser gives back 1234.56 exactly.
    assert values.parse_money(float(str(amount))) == amount
    assert values.parse_money(float(amount)) == amount


@given(st.lists(st.tuples(amounts, thousands_separators), max_size=50))
def test_sums_of_parsed_amounts_never_drift(items):
    parsed = [values.parse_money(french(a, sep, " €", "-")) for a, sep in items]
    assert sum(parsed, D(0)) == sum((a for a, _ in items), D(0))


def test_ten_times_ten_cents_is_one_euro():
    assert sum((values.parse_money("0,10") for _ in range(10)), D(0)) == D("1.00")
    assert sum((values.parse_money(0.1) for _ in range(10)), D(0)) == D("1.00")


@given(percent=st.integers(min_value=-10000, max_value=10000).map(lambda n: D(n).scaleb(-1)))
def test_percent_round_trips(percent):
    # 12,5 % → 0.125, whichever way it is written
    expected = percent / 100
    for text in (f"{percent} %", f"{percent}%", f"{percent} %".replace(".", ",")):
        assert values.parse_percent(text) == expected, text
