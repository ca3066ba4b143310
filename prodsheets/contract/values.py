"""Values as producers type them, turned into Python values.

Each parser takes what the reader found in a cell (a calamine value: str, float, int,
bool, date, datetime, time, timedelta) and returns the parsed value, or raises
:class:`BadValue` saying what was expected. Blank cells never reach a parser.

Money and quantities are :class:`~decimal.Decimal`, built from the cell's text or from
the shortest repr of its float, never from float arithmetic.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from prodsheets.contract import schema
from prodsheets.i18n import Bilingual, pick

EXCEL_EPOCH_1900 = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's leap-year bug)
EXCEL_EPOCH_1904 = dt.date(1904, 1, 1)
# Excel's own limits: serial 1 (1900-01-01) to 31/12/9999.
MAX_SERIAL = 2958465
MAX_SERIAL_1904 = MAX_SERIAL - 1462  # 31/12/9999 in the 1904 system, where 0 is 01/01/1904


class BadValue(ValueError):
    """A cell that does not hold what its column expects.

    ``expected`` is a key of :data:`EXPECTED`, so the message can be said in either
    language.
    """

    def __init__(self, expected: str, found: object) -> None:
        super().__init__(f"expected {expected}, found {found!r}")
        self.expected = expected
        self.found = found


EXPECTED: dict[str, dict[str, str]] = {
    "date": {
        "en": "a date (31/12/2026, 2026-12-31 or an Excel date)",
        "fr": "une date (31/12/2026, 2026-12-31 ou une date Excel)",
    },
    "date_year": {
        "en": "a date with its year (30/07/2026): the production's dates (Production start "
        "and end) do not settle which year this one is",
        "fr": "une date avec son année (30/07/2026) : les dates de la production (début et fin "
        "dans Production) ne disent pas de quelle année il s'agit",
    },
    "date_weekday": {
        "en": "a date whose weekday matches its day (the weekday and the date disagree)",
        "fr": "une date dont le jour de la semaine correspond (le jour et la date ne concordent "
        "pas)",
    },
    "date_week": {
        "en": "a week and a weekday the production's dates place in one year (S41 jeudi, "
        "Week 41 Thu): set Production start and end",
        "fr": "une semaine et un jour que les dates de la production placent dans une année "
        "(S41 jeudi, Week 41 Thu) : renseignez début et fin dans Production",
    },
    "hours": {
        "en": "a time range (08:00-16:00, 8h-16h, 20h à 22h)",
        "fr": "une plage horaire (08:00-16:00, 8h-16h, 20h à 22h)",
    },
    "time": {
        "en": "a time (08:30, 8h30 or an Excel time)",
        "fr": "une heure (08:30, 8h30 ou une heure Excel)",
    },
    "number": {"en": "a number (1234.5 or 1 234,5)", "fr": "un nombre (1 234,5 ou 1234.5)"},
    "integer": {"en": "a whole number", "fr": "un nombre entier"},
    "money": {
        "en": "an amount (1234.56, 1 234,56 € or 1,234.56)",
        "fr": "un montant (1 234,56 €, 1234,56 ou 1234.56)",
    },
    "percent": {
        "en": "a percentage (12 %, 12.5% or 0.125)",
        "fr": "un pourcentage (12 %, 12,5 % ou 0,125)",
    },
    "bool": {"en": "yes or no (yes/no, oui/non, x)", "fr": "oui ou non (oui/non, yes/no, x)"},
    "fringe": {
        "en": "a fringe code from the Fringes sheet or a percentage",
        "fr": "un code de la feuille Charges ou un pourcentage",
    },
    "pages": {
        "en": "pages in eighths (1 3/8, 3/8, 2 or 1.375)",
        "fr": "des pages en huitièmes (1 3/8, 3/8, 2 ou 1,375)",
    },
    "duration": {
        "en": "a duration (1:00, 1h30, 45 min, or minutes: 45)",
        "fr": "une durée (1:00, 1h30, 45 min, ou des minutes : 45)",
    },
    "breaks": {
        "en": "a break in minutes (30, 45 min, 1h), several separated by | (10 | 30 | 10), "
        "or a time range (12:30-13:30)",
        "fr": "une pause en minutes (30, 45 min, 1h), plusieurs séparées par | (10 | 30 | 10), "
        "ou une plage horaire (12:30-13:30)",
    },
}


def expected_text(expected: str, lang: str) -> str:
    if expected.startswith("choice:"):
        key = expected.split(":", 1)[1]
        labels = ", ".join(c.label(lang) for c in schema.CHOICES[key])
        return pick(lang, "one of: ", "une de ces valeurs : ") + labels
    return EXPECTED[expected][lang]


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- text and ids -----------------------------------------------------------------


def parse_text(value: object) -> str:
    """Text as shown: whole floats lose their ``.0`` (a phone typed as a number stays 0612…)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def parse_id(value: object) -> str:
    """An id: text, with surrounding and no-break spaces removed; case is kept."""
    return parse_text(value).replace("\u00a0", " ").replace("\u202f", " ").strip()


# Patterns are module strings, compiled on first use (the re module caches them): a check
# that meets no number, date or time typed as text never pays to compile them.
_LIST_SPLIT = r"[,;\n/]+"


def parse_id_list(value: object) -> tuple[str, ...]:
    return tuple(p for p in (parse_id(x) for x in re.split(_LIST_SPLIT, parse_text(value))) if p)


# --- numbers ------------------------------------------------------------------------

_SPACES = r"[\s\u00a0\u202f\u2009\u2007']"
_CURRENCY = r"(?i)(€|\$|£|¥|chf|euros?|eur|usd|gbp|ht|ttc)"
# 1 234 567,89: a space (or ') separates thousands only between groups of three digits
_SPACE_GROUPED = r"\d{1,3}(?:[\s\u00a0\u202f\u2009\u2007']\d{3})+(?:[.,]\d*)?"
_EDGES = r"^[\s']+|[\s']+$"


def _decimal_from_float(value: float) -> Decimal:
    # repr() is the shortest string that round-trips: 0.1 -> "0.1", never 0.1000000000000000055…
    return Decimal(repr(value))


# How a number with one separator and three digits after it was read, when its shape
# alone does not say (``1,200``: one thousand two hundred, or one point two?).
THOUSANDS = "thousands"  # the separator was read as a thousands separator: 1,200 → 1200
DECIMAL = "decimal"  # the separator was read as the decimal one: 1.250 → 1.25


def _number_text(
    text: str, kind: str = "number", lang: str = "en"
) -> tuple[str, str | None] | None:
    """A typed number in Python syntax, and how an ambiguous shape was read; None if it is
    not a number.

    Unambiguous shapes are read silently: both separators (``1.234,56``, ``1,234.56``), a
    separator repeated (``1,234,567``), space or apostrophe groups (``1 234,56``), a
    separator followed by other than three digits (``12,5``, ``12.50``). One separator
    followed by exactly three digits is read by what the column holds and the language:
    an amount has cents, not thousandths, so ``$12,000`` and ``1.200 €`` are thousands; a
    quantity in English reads ``1,250`` as thousands and ``1.250`` as a decimal, in French
    the other way round. The second element says when the reading is one a producer may
    not have meant (``None`` when the language writes it that way).
    """
    # A currency becomes a space, so 12 € 34 or 12€50 is not read as 1234 or 1250.
    s = re.sub(_CURRENCY, " ", text).replace("\u2212", "-")  # the typographic minus sign
    s = re.sub(_EDGES, "", s)
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, re.sub(_EDGES, "", s[1:-1])
    if s.startswith("-"):
        negative, s = not negative, re.sub(_EDGES, "", s[1:])
    elif s.startswith("+"):
        s = re.sub(_EDGES, "", s[1:])
    s = re.sub(r"[.,]\s*[-\u2013\u2014]$", "", s)  # 600,- and 600.-: no cents
    if re.search(_SPACES, s):
        if not re.fullmatch(_SPACE_GROUPED, s):
            return None  # 12 34 is not 1234
        s = re.sub(_SPACES, "", s)
    if not s or not re.fullmatch(r"[0-9.,]+", s) or not re.search(r"[0-9]", s):
        return None
    note = None
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        # The last separator is the decimal one: 1.234,56 or 1,234.56
        if s.rfind(",") > s.rfind("."):
            if dots and not re.fullmatch(r"\d{1,3}(\.\d{3})*,\d*", s):
                return None
            s = s.replace(".", "").replace(",", ".")
        else:
            if not re.fullmatch(r"\d{1,3}(,\d{3})*\.\d*", s):
                return None
            s = s.replace(",", "")
    elif commas > 1:
        if not re.fullmatch(r"\d{1,3}(,\d{3})+", s):
            return None
        s = s.replace(",", "")
    elif dots > 1:
        if not re.fullmatch(r"\d{1,3}(\.\d{3})+", s):
            return None
        s = s.replace(".", "")
    elif commas or dots:
        separator = "," if commas else "."
        if re.fullmatch(r"[1-9]\d{0,2}[.,]\d{3}", s):  # 1,200 or 12.000: which is it?
            as_thousands = kind == "money" or (separator == ",") == (lang == "en")
            mine = (
                ("," if lang == "en" else ".") if as_thousands else ("." if lang == "en" else ",")
            )
            note = None if separator == mine else (THOUSANDS if as_thousands else DECIMAL)
            s = s.replace(separator, "" if as_thousands else ".")
        else:
            s = s.replace(",", ".")  # a decimal comma (12,5) or point (12.50)
    if s.startswith("."):
        s = "0" + s
    if s.endswith("."):
        s = s[:-1]
    return ("-" if negative else "") + s, note


def read_number(
    value: object, kind: str = "number", lang: str = "en"
) -> tuple[Decimal, str | None]:
    """A quantity or amount, and how an ambiguous shape was read (see :func:`_number_text`)."""
    if isinstance(value, str):
        found = _number_text(value.strip(), kind, lang)
        if found is not None:
            try:
                return Decimal(found[0]), found[1]
            except InvalidOperation:
                pass
        raise BadValue(kind, value)
    return parse_number(value, kind), None


def parse_number(value: object, kind: str = "number") -> Decimal:
    """A quantity or amount: ``1 234,56 €``, ``1234.56``, ``(12,50)``, an Excel number."""
    if isinstance(value, bool):
        raise BadValue(kind, value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise BadValue(kind, value)
        return Decimal(int(value)) if value.is_integer() else _decimal_from_float(value)
    if isinstance(value, str):
        return read_number(value, kind)[0]
    raise BadValue(kind, value)


def in_range(value: Decimal | int, low: int, high: int | None) -> bool:
    return low <= value and (high is None or value <= high)


def range_text(low: int, high: int | None) -> Bilingual:
    """What a value out of range should have been: « de 1 à 5 », "1 or more"."""
    if high is None:
        return Bilingual(f"{low} or more", f"{low} ou plus")
    return Bilingual(f"{low} to {high}", f"de {low} à {high}")


def parse_money(value: object) -> Decimal:
    return parse_number(value, "money")


def parse_integer(value: object) -> int:
    number = parse_number(value, "integer")
    if number != number.to_integral_value():
        raise BadValue("integer", value)
    return int(number)


def parse_percent(value: object) -> Decimal:
    """A rate as a fraction: ``12 %`` → 0.12.

    A number typed without a % sign is read the way Excel shows it: a cell formatted as
    a percentage holds 0.12 for 12 %, so a plain number from -1 to 1 is a fraction; a
    larger one (``45``) is taken as percent points.
    """
    if isinstance(value, str) and "%" in value:
        text = value.replace("%", "")
        try:
            return parse_number(text, "percent") / 100
        except BadValue:
            raise BadValue("percent", value) from None
    number = parse_number(value, "percent")
    return number if abs(number) <= 1 else number / 100


def parse_fringe(value: object) -> str | Decimal:
    """A budget line's fringe: a percentage, or else a code from the Fringes sheet."""
    if isinstance(value, str) and not re.search(r"\d", value):
        return parse_id(value)
    try:
        return parse_percent(value)
    except BadValue:
        return parse_id(value)


# --- yes / no -----------------------------------------------------------------------

_TRUE = {"yes", "y", "oui", "o", "x", "vrai", "true", "1", "ok", "✓", "✔"}
_FALSE = {"no", "n", "non", "faux", "false", "0", "-"}


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().casefold()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise BadValue("bool", value)


# --- dates and times ----------------------------------------------------------------


def serial_to_date(serial: float, date1904: bool = False) -> dt.date:
    """An Excel serial day number (either date system) to a date."""
    if date1904:
        return EXCEL_EPOCH_1904 + dt.timedelta(days=int(serial))
    if int(serial) == 60:  # Excel shows 29/02/1900, a day that never was
        raise BadValue("date", serial)
    if serial < 61:  # Excel counts a 29/02/1900 that never was
        return dt.date(1899, 12, 31) + dt.timedelta(days=int(serial))
    return EXCEL_EPOCH_1900 + dt.timedelta(days=int(serial))


_MONTHS = {
    **dict.fromkeys(("janvier", "janv", "jan", "january"), 1),
    **dict.fromkeys(("fevrier", "février", "fevr", "févr", "fev", "fév", "feb", "february"), 2),
    **dict.fromkeys(("mars", "mar", "march"), 3),
    **dict.fromkeys(("avril", "avr", "apr", "april"), 4),
    **dict.fromkeys(("mai", "may"), 5),
    **dict.fromkeys(("juin", "jun", "june"), 6),
    **dict.fromkeys(("juillet", "juil", "jul", "july"), 7),
    **dict.fromkeys(("aout", "août", "aug", "august"), 8),
    **dict.fromkeys(("septembre", "sept", "sep", "september"), 9),
    **dict.fromkeys(("octobre", "oct", "october"), 10),
    **dict.fromkeys(("novembre", "nov", "november"), 11),
    **dict.fromkeys(("decembre", "décembre", "dec", "déc", "december"), 12),
}
_DMY = r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:,?\s+(?:à\s+)?\d{1,2}[:h]\d{2}(?::\d{2})?)?"
_YMD = r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"


WEEKDAYS = {
    **dict.fromkeys(("lundi", "lun", "monday", "mon"), 0),
    **dict.fromkeys(("mardi", "mar", "tuesday", "tue", "tues"), 1),
    **dict.fromkeys(("mercredi", "mer", "wednesday", "wed"), 2),
    **dict.fromkeys(("jeudi", "jeu", "thursday", "thu", "thur", "thurs"), 3),
    **dict.fromkeys(("vendredi", "ven", "friday", "fri"), 4),
    **dict.fromkeys(("samedi", "sam", "saturday", "sat"), 5),
    **dict.fromkeys(("dimanche", "dim", "sunday", "sun"), 6),
}
_ORDINALS = {"er", "re", "st", "nd", "rd", "th", "e", "eme", "ème"}
_DAY_MONTH = r"(\d{1,2})[/.\-](\d{1,2})"  # 31/07: a date without its year


class YearFrom(NamedTuple):
    """Where a date typed without its year takes it: the production's dates.

    A day and month (and a weekday, when typed) get the one year that puts them within a
    quarter of the production's first and last day; none or two such years is a finding.
    """

    first: dt.date
    last: dt.date

    def year(self, month: int, day: int, weekday: int | None = None) -> int | None:
        margin = dt.timedelta(days=92)
        found = []
        for year in range(self.first.year - 1, self.last.year + 2):
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue  # 29 February of another year
            if weekday is not None and date.weekday() != weekday:
                continue
            if self.first - margin <= date <= self.last + margin:
                found.append(year)
        return found[0] if len(found) == 1 else None


_WEEK_WORD = r"(?:s|sem|semaine|w|wk|week)\.?"


def _week_date(text: str, years: YearFrom | None, value: object) -> dt.date | None:
    """``S41 jeudi``, ``Sem. 41 - JEUDI``, ``Week 41 Thu``, ``jeudi S41``: an ISO week and
    a weekday, the year taken from the production's dates."""
    tokens = re.findall(r"[^\W\d_]+\.?|\d+", text.casefold())
    week = weekday = None
    rest = []
    n = 0
    while n < len(tokens):
        t = tokens[n].rstrip(".")
        if re.fullmatch(_WEEK_WORD, tokens[n]) and n + 1 < len(tokens) and tokens[n + 1].isdigit():
            week = int(tokens[n + 1])
            n += 2
            continue
        if t in WEEKDAYS and weekday is None:
            weekday = WEEKDAYS[t]
        else:
            rest.append(t)
        n += 1
    if week is None or weekday is None or rest or not 1 <= week <= 53:
        return None
    if years is None:
        raise BadValue("date_week", value)
    margin = dt.timedelta(days=92)
    found = []
    for year in range(years.first.year - 1, years.last.year + 2):
        try:
            date = dt.date.fromisocalendar(year, week, weekday + 1)
        except ValueError:
            continue  # week 53 of a year that has 52
        if years.first - margin <= date <= years.last + margin:
            found.append(date)
    if len(found) != 1:
        raise BadValue("date_week", value)
    return found[0]


def _date(
    year: int | None,
    month: int,
    day: int,
    weekday: int | None,
    years: YearFrom | None,
    value: object,
) -> dt.date:
    if year is None:
        year = years.year(month, day, weekday) if years is not None else None
        if year is None:
            raise BadValue("date_year", value)
    date = dt.date(year, month, day)  # ValueError for 31/02: the caller says so
    if weekday is not None and date.weekday() != weekday:
        raise BadValue("date_weekday", value)
    return date


def _wordy_date(text: str, years: YearFrom | None, value: object) -> dt.date | None:
    """``jeudi 30 juillet``, ``Friday, February 6, 2026``, ``Thu 30 Jul``, ``1er mars 2026``."""
    tokens = re.findall(r"[^\W\d_]+|\d+", text.casefold())
    weekday = None
    if tokens and tokens[0] in WEEKDAYS and not (len(tokens) > 1 and tokens[1] in _ORDINALS):
        weekday = WEEKDAYS[tokens.pop(0)]
    tokens = [
        t for n, t in enumerate(tokens) if not (t in _ORDINALS and n and tokens[n - 1].isdigit())
    ]
    if len(tokens) not in (2, 3):
        return None
    if tokens[0].isdigit() and tokens[1] in _MONTHS:  # 30 juillet (2026)
        day, month = int(tokens[0]), _MONTHS[tokens[1]]
    elif tokens[0] in _MONTHS and tokens[1].isdigit():  # February 6(, 2026)
        day, month = int(tokens[1]), _MONTHS[tokens[0]]
    else:
        return None
    year = None
    if len(tokens) == 3:
        if not (tokens[2].isdigit() and len(tokens[2]) == 4):
            return None
        year = int(tokens[2])
    return _date(year, month, day, weekday, years, value)


def parse_date(value: object, date1904: bool = False, years: YearFrom | None = None) -> dt.date:
    """A calendar day: an Excel date or serial, ``12/03/2026`` (day first), ISO, ``9 mars
    2026``, ``Friday, February 6, 2026``; without a year (``31/07``, ``jeudi 30 juillet``)
    when ``years`` (the production's dates) settles it."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise BadValue("date", value)
    if isinstance(value, int | float):
        low, high = (0, MAX_SERIAL_1904) if date1904 else (1, MAX_SERIAL)
        if value != value or not low <= value < high + 1:  # up to 31/12/9999 23:59:59
            raise BadValue("date", value)
        return serial_to_date(value, date1904)
    if isinstance(value, str):
        text = " ".join(value.split())
        try:
            if m := re.fullmatch(_YMD, text):
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            if m := re.fullmatch(_DMY, text):
                year = int(m[3])
                if len(m[3]) == 2:
                    year += 2000 if year < 70 else 1900
                return dt.date(year, int(m[2]), int(m[1]))
            if m := re.fullmatch(_DAY_MONTH, text):
                return _date(None, int(m[2]), int(m[1]), None, years, value)
            found = _wordy_date(text, years, value)
            if found is not None:
                return found
            found = _week_date(text, years, value)
            if found is not None:
                return found
        except BadValue:
            raise  # a date without its year, or whose weekday does not match: said as such
        except ValueError:
            pass  # 31/02/2026: the right shape, not a day
    raise BadValue("date", value)


# 08:30, 8h30, 8h, 15.00, 9:00 AM, 9.30pm, 15:01:30 (a dot separates hours and minutes only
# before exactly two digits: 13.30 is half past one, 13.5 is not a time).
_HM = r"(?i)(\d{1,2})\s*(?:(?:[:h]\s*(\d{2})?|\.(\d{2})))?(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?"
_NAMED_TIMES = {"midi": 12 * 3600, "noon": 12 * 3600, "minuit": 24 * 3600, "midnight": 24 * 3600}
HOURS_DOT_MINUTES = "hours.minutes"  # a number in a time column read as hh.mm: 13.3 → 13:30


def read_time(value: object) -> tuple[dt.time, str | None]:
    """A clock time, and how a plain number was read when it was one.

    A number from 1 to 24 in a time column is what a producer typed as ``13.30`` in a
    General cell (Excel keeps 13.3): it is read as hours and minutes, 13:30, and said. A
    whole number from 100 to 2400 is a time typed without its colon (``1730``, ``900``), as
    rotas write them.
    """
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and 100 <= value <= 2400
        and value == int(value)
    ):
        hh, mm = divmod(int(value), 100)
        if mm < 60 and (hh < 24 or mm == 0):
            return _time_of_seconds(hh * 3600 + mm * 60), HOURS_DOT_MINUTES
        raise BadValue("time", value)
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 24.6:
        hours = int(value)
        minutes = round((value - hours) * 100, 6)
        if minutes == int(minutes) and minutes < 60:
            return _time_of_seconds(hours * 3600 + int(minutes) * 60), HOURS_DOT_MINUTES
        raise BadValue("time", value)
    return parse_time(value), None


def parse_time(value: object) -> dt.time:
    """A clock time: an Excel time or day fraction, ``08:30``, ``8h30``, ``8h``, ``15.00``,
    ``9:00 AM``, ``20:00:00``, ``midi``.

    ``24:00`` (and ``minuit``) is read as midnight (the next day's 00:00), as producers
    write a wrap.
    """
    if isinstance(value, dt.datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, dt.timedelta):
        seconds = round(value.total_seconds())
        if 0 <= seconds <= 24 * 3600:
            return _time_of_seconds(seconds)
        raise BadValue("time", value)
    if isinstance(value, bool):
        raise BadValue("time", value)
    if isinstance(value, int | float):
        if value != value or not 0 <= value <= 1:
            raise BadValue("time", value)
        return _time_of_seconds(round(value * 86400))
    if isinstance(value, str):
        text = " ".join(value.split())  # no-break and narrow spaces (9:00\u202fAM) too
        if text.casefold() in _NAMED_TIMES:
            return _time_of_seconds(_NAMED_TIMES[text.casefold()])
        m = re.fullmatch(_HM, text)
        if m and (m[2] is not None or m[3] is not None or m[4] is None):
            hour, minute, second = int(m[1]), int(m[2] or m[3] or 0), int(m[4] or 0)
            if m[5]:
                if not 1 <= hour <= 12:
                    raise BadValue("time", value)
                hour = hour % 12 + (12 if m[5].lower() == "p" else 0)
            elif m[3] is not None and not text.replace(".", "").isdigit():
                raise BadValue("time", value)
            if (hour < 24 and minute < 60 and second < 60) or (hour, minute, second) == (24, 0, 0):
                return _time_of_seconds(hour * 3600 + minute * 60 + second)
    raise BadValue("time", value)


_TIME_RANGE = r"(?i)(.+?)\s*(?:-|–|—|>|\bà\b|\ba\b|\bto\b|\bjusqu'à\b)\s*(.+)"


def parse_hours(value: object) -> tuple[dt.time, dt.time]:
    """A time range in one cell, as shifts are written: ``08:00-16:00``, ``8h-16h``,
    ``20h à 22h``, ``9:00 AM to 5:00 PM``, ``8-16``; an end earlier than the start is the
    next day (``22h-6h``), ``24h`` is midnight."""
    text = " ".join(parse_text(value).split())
    m = re.fullmatch(_TIME_RANGE, text)
    if m is None:
        raise BadValue("hours", value)
    try:
        return parse_time(m[1]), parse_time(m[2])
    except BadValue:
        raise BadValue("hours", value) from None


def _time_of_seconds(seconds: int) -> dt.time:
    seconds %= 86400
    return dt.time(seconds // 3600, seconds % 3600 // 60, seconds % 60)


# --- a script's pages, a length of time ---------------------------------------------

_PAGES = r"(?:(\d+)(?:\s+|\s*\+\s*|-))?(\d+)\s*/\s*(\d+)"
EIGHTHS = 8


def parse_pages(value: object) -> int:
    """A scene's length in eighths of a page, exactly: ``1 3/8`` → 11, ``3/8`` → 3, ``2`` → 16.

    Excel turns ``1 3/8`` typed in a cell into the number 1.375, so a number counts when it
    is a whole number of eighths (1.375, 0.5); ``1/4`` is ``2/8``. Anything else (1.3, 1/3,
    a negative length) is not a page count.
    """
    if isinstance(value, bool):
        raise BadValue("pages", value)
    if isinstance(value, str):
        text = value.strip().lower().removesuffix("pages").removesuffix("page").strip()
        text = text.removesuffix("p").strip()
        m = re.fullmatch(_PAGES, text)
        if m:
            whole, numerator, denominator = int(m[1] or 0), int(m[2]), int(m[3])
            if denominator == 0 or EIGHTHS % denominator:
                raise BadValue("pages", value)
            return whole * EIGHTHS + numerator * (EIGHTHS // denominator)
        try:
            number = parse_number(text, "pages")
        except BadValue:
            raise BadValue("pages", value) from None
    else:
        number = parse_number(value, "pages")
    eighths = number * EIGHTHS
    if number < 0 or eighths != eighths.to_integral_value():
        raise BadValue("pages", value)
    return int(eighths)


def pages_text(eighths: int) -> str:
    """11 → ``1 3/8``, 3 → ``3/8``, 16 → ``2``: pages as a call sheet writes them."""
    whole, rest = divmod(eighths, EIGHTHS)
    if not rest:
        return str(whole)
    return f"{whole} {rest}/8" if whole else f"{rest}/8"


_DURATION_MINUTES = r"(?i)(\d+(?:[.,]\d+)?)\s*(?:min|mn|minutes?|')"


def parse_duration(value: object) -> int:
    """A length of time in seconds: ``1:00``, ``1h30``, ``45 min``, ``0:45``, an Excel time
    (a day fraction), or a plain number of minutes (``45``, as a break is typed)."""
    if isinstance(value, bool):
        raise BadValue("duration", value)
    if isinstance(value, dt.timedelta):
        seconds = round(value.total_seconds())
        if seconds < 0:
            raise BadValue("duration", value)
        return seconds
    if isinstance(value, dt.time | dt.datetime):
        t = parse_time(value)
        return t.hour * 3600 + t.minute * 60 + t.second
    if isinstance(value, int | float):
        if value != value or value < 0:
            raise BadValue("duration", value)
        if isinstance(value, float) and value < 1:  # an Excel time: a fraction of a day
            return round(value * 86400)
        return round(value * 60)  # minutes
    if isinstance(value, str):
        text = value.strip()
        if m := re.fullmatch(_DURATION_MINUTES, text):
            return round(float(m[1].replace(",", ".")) * 60)
        if re.fullmatch(r"\d+", text):
            return int(text) * 60
        try:
            t = parse_time(text)
        except BadValue:
            raise BadValue("duration", value) from None
        return t.hour * 3600 + t.minute * 60 + t.second
    raise BadValue("duration", value)


# --- breaks -------------------------------------------------------------------------


class Break(NamedTuple):
    """One break as a break / pause cell gives it, in seconds.

    ``start`` and ``end`` are seconds since midnight when the cell gives a time range
    (``12:30-13:30``), else None: the break is somewhere in the booking.
    """

    length: int
    start: int | None = None
    end: int | None = None


_BREAK_SPLIT = r"\s*(?:[|;+/\n]|,\s)\s*"  # 10 | 30 | 10, 10; 30, 10 + 30 (not 1,5 h)
_RANGE = r"(?i)(.+?)\s*(?:-|–|—|\bà\b|\ba\b|\bto\b)\s*(.+)"
_HOURS = r"(?i)(\d+(?:[.,]\d+)?)\s*(?:h|hr|hrs|hours?|heures?)\s*(?:(\d{1,2})\s*(?:min|mn|m)?)?"
_MINUTES = r"(?i)(\d+(?:[.,]\d+)?)\s*(?:min|mins|minutes?|mn|m|')?"
_CLOCK = r"(\d{1,2}):(\d{2})"
MAX_BREAK = 12 * 3600  # a longer "break" is a typing slip (a time of day, a day count)


def parse_breaks(value: object) -> tuple[Break, ...]:
    """A break / pause cell: the breaks it holds, in seconds (``()`` for 0: no break).

    Accepted as producers type them: minutes (``30``, ``45 min``, ``30'``), hours
    (``1h``, ``1 h 30``, ``1,5 h``, ``0:45``), an Excel duration or time (00:30), several
    breaks separated by ``|``, ``;``, ``+`` or ``/`` (``10 | 30 | 10``), and time ranges
    (``12:30-13:30``, ``12h30 à 13h15``), which say when the break is taken. A number
    below 1 is an Excel fraction of a day. Anything else raises :class:`BadValue`.

    Shared by the meal-break check and by whatever deducts unpaid breaks from hours.
    """
    if isinstance(value, bool):
        raise BadValue("breaks", value)
    if isinstance(value, dt.time | dt.timedelta | dt.datetime):
        if isinstance(value, dt.datetime):
            value = value.time()
        seconds = (
            round(value.total_seconds())
            if isinstance(value, dt.timedelta)
            else value.hour * 3600 + value.minute * 60 + value.second
        )
        if not 0 <= seconds <= MAX_BREAK:
            raise BadValue("breaks", value)
        return (Break(seconds),) if seconds else ()
    if isinstance(value, int | float):
        if value != value or value < 0:
            raise BadValue("breaks", value)
        seconds = round(value * 86400) if 0 < value < 1 else round(value * 60)
        if seconds > MAX_BREAK:
            raise BadValue("breaks", value)
        return (Break(seconds),) if seconds else ()
    text = parse_text(value).replace("\u00a0", " ").replace("\u202f", " ").strip()
    out: list[Break] = []
    for piece in re.split(_BREAK_SPLIT, text):
        if piece:
            found = _one_break(piece, value)
            if found is not None:
                out.append(found)
    if not text:
        raise BadValue("breaks", value)
    return tuple(out)


def _one_break(piece: str, value: object) -> Break | None:
    """One piece of a break cell: a time range, or a length; None for a length of 0."""
    start: int | None = None
    end: int | None = None
    if m := re.fullmatch(_CLOCK, piece):
        if int(m[2]) >= 60:
            raise BadValue("breaks", value)
        seconds = int(m[1]) * 3600 + int(m[2]) * 60
    elif m := re.fullmatch(_HOURS, piece):
        seconds = round(Decimal(m[1].replace(",", ".")) * 3600) + int(m[2] or 0) * 60
    elif m := re.fullmatch(_MINUTES, piece):
        seconds = round(Decimal(m[1].replace(",", ".")) * 60)
    elif m := re.fullmatch(_RANGE, piece):
        try:
            first, last = parse_time(m[1].strip()), parse_time(m[2].strip())
        except BadValue:
            raise BadValue("breaks", value) from None
        start = first.hour * 3600 + first.minute * 60 + first.second
        end = last.hour * 3600 + last.minute * 60 + last.second
        seconds = (end - start) % 86400
        if not seconds:
            raise BadValue("breaks", value)
    else:
        raise BadValue("breaks", value)
    if seconds > MAX_BREAK:
        raise BadValue("breaks", value)  # 12h30 alone is a time of day, not a break
    return Break(seconds, start, end) if seconds else None


def parse_choice(choices: str, value: object) -> str:
    key = schema.choice_key(choices, parse_text(value))
    if key is None:
        raise BadValue(f"choice:{choices}", value)
    return key


def parse(
    kind: str,
    value: object,
    *,
    choices: str | None = None,
    date1904: bool = False,
    years: YearFrom | None = None,
    lang: str = "en",
) -> object:
    """Parse one non-blank cell for a column of the given kind."""
    return read(kind, value, choices=choices, date1904=date1904, years=years, lang=lang)[0]


def read(
    kind: str,
    value: object,
    *,
    choices: str | None = None,
    date1904: bool = False,
    years: YearFrom | None = None,
    lang: str = "en",
) -> tuple[object, str | None]:
    """One non-blank cell read for its column, and how, when it could be read two ways
    (:data:`THOUSANDS`, :data:`DECIMAL`, :data:`HOURS_DOT_MINUTES`), else None."""
    if kind == schema.TEXT:
        return parse_text(value), None
    if kind == schema.ID:
        return parse_id(value), None
    if kind == schema.DATE:
        return parse_date(value, date1904, years), None
    if kind == schema.TIME:
        return read_time(value)
    if kind in (schema.MONEY, schema.NUMBER):
        return read_number(value, "money" if kind == schema.MONEY else "number", lang)
    if kind == schema.INTEGER:
        return parse_integer(value), None
    if kind == schema.PERCENT:
        return parse_percent(value), None
    if kind == schema.BOOL:
        return parse_bool(value), None
    if kind == schema.ID_LIST:
        return parse_id_list(value), None
    if kind == schema.CHOICE:
        assert choices is not None
        return parse_choice(choices, value), None
    if kind == schema.FRINGE:
        return parse_fringe(value), None
    if kind == schema.PAGES:
        return parse_pages(value), None
    if kind == schema.DURATION:
        return parse_duration(value), None
    if kind == schema.BREAKS:
        return parse_breaks(value), None
    if kind == schema.HOURS:
        return parse_hours(value), None
    raise ValueError(f"unknown column kind {kind}")
