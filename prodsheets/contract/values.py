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


def _number_text(text: str) -> str | None:
    """Normalise a typed number to Python syntax, or None if it is not one."""
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
    if re.search(_SPACES, s):
        if not re.fullmatch(_SPACE_GROUPED, s):
            return None  # 12 34 is not 1234
        s = re.sub(_SPACES, "", s)
    if not s or not re.fullmatch(r"[0-9.,]+", s) or not re.search(r"[0-9]", s):
        return None
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
    elif commas == 1:
        s = s.replace(",", ".")  # French decimal comma: 12,5
    if s.startswith("."):
        s = "0" + s
    if s.endswith("."):
        s = s[:-1]
    return ("-" if negative else "") + s


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
        text = _number_text(value.strip())
        if text is not None:
            try:
                return Decimal(text)
            except InvalidOperation:
                pass
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
_WORDY = r"(?:[^\W\d]+\.?\s+)?(\d{1,2})(?:er)?\s+([^\W\d]+)\.?\s+(\d{4})"


def parse_date(value: object, date1904: bool = False) -> dt.date:
    """A calendar day: an Excel date or serial, ``12/03/2026`` (day first), ISO, ``9 mars 2026``."""
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
        text = value.strip()
        try:
            if m := re.fullmatch(_YMD, text):
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            if m := re.fullmatch(_DMY, text):
                year = int(m[3])
                if len(m[3]) == 2:
                    year += 2000 if year < 70 else 1900
                return dt.date(year, int(m[2]), int(m[1]))
            if (m := re.fullmatch(_WORDY, text)) and (month := _MONTHS.get(m[2].casefold())):
                return dt.date(int(m[3]), month, int(m[1]))
        except ValueError:
            pass  # 31/02/2026: the right shape, not a day
    raise BadValue("date", value)


_HM = r"(?i)(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?(?::(\d{2}))?\s*(am|pm)?"


def parse_time(value: object) -> dt.time:
    """A clock time: an Excel time or day fraction, ``08:30``, ``8h30``, ``8h``, ``20:00:00``.

    ``24:00`` is read as midnight (the next day's 00:00), as producers write a wrap.
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
        m = re.fullmatch(_HM, value.strip())
        if m and (m[2] is not None or m[3] is None):
            hour, minute, second = int(m[1]), int(m[2] or 0), int(m[3] or 0)
            if m[4]:
                if not 1 <= hour <= 12:
                    raise BadValue("time", value)
                hour = hour % 12 + (12 if m[4].lower() == "pm" else 0)
            if (hour < 24 and minute < 60 and second < 60) or (hour, minute, second) == (24, 0, 0):
                return _time_of_seconds(hour * 3600 + minute * 60 + second)
    raise BadValue("time", value)


def _time_of_seconds(seconds: int) -> dt.time:
    seconds %= 86400
    return dt.time(seconds // 3600, seconds % 3600 // 60, seconds % 60)


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
    kind: str, value: object, *, choices: str | None = None, date1904: bool = False
) -> object:
    """Parse one non-blank cell for a column of the given kind."""
    if kind == schema.TEXT:
        return parse_text(value)
    if kind == schema.ID:
        return parse_id(value)
    if kind == schema.DATE:
        return parse_date(value, date1904)
    if kind == schema.TIME:
        return parse_time(value)
    if kind == schema.MONEY:
        return parse_money(value)
    if kind == schema.NUMBER:
        return parse_number(value)
    if kind == schema.INTEGER:
        return parse_integer(value)
    if kind == schema.PERCENT:
        return parse_percent(value)
    if kind == schema.BOOL:
        return parse_bool(value)
    if kind == schema.ID_LIST:
        return parse_id_list(value)
    if kind == schema.CHOICE:
        assert choices is not None
        return parse_choice(choices, value)
    if kind == schema.FRINGE:
        return parse_fringe(value)
    if kind == schema.BREAKS:
        return parse_breaks(value)
    raise ValueError(f"unknown column kind {kind}")
