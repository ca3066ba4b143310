"""Working-time rules: the presets of the French collective agreements, and the hours worked.

The preset is chosen in Production (``rules / convention``) and each value can be
overridden by its own row there (design section 4). Sources: the collective agreements
on Légifrance (audiovisual production; cinema production crews; CCNEAC for live
performance). The presets are defaults to check against the agreement that applies to
a production, not legal advice.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import Any, NamedTuple

from prodsheets.i18n import Bilingual
from prodsheets.model import Production


class Rules(NamedTuple):
    """A preset's working-time limits; None where the agreement sets none."""

    name: Bilingual
    daily_max_hours: Decimal | None = None
    daily_is_amplitude: bool = False  # cinema counts from first call to last wrap
    daily_max_hours_long_days: Decimal | None = None  # live: tours, festivals, set-up/strike
    min_rest_hours: Decimal | None = None
    reduced_rest_hours: Decimal | None = None  # allowed instead of min_rest…
    reduced_rest_per_week: int = 0  # …at most this many times an ISO week
    weekly_max_hours: Decimal | None = None
    max_consecutive_days: int | None = None
    overtime_after_hours: Decimal | None = None  # weekly hours beyond which overtime starts
    # (upper bound of the band in weekly hours or None, premium) for the cinema scale
    overtime_bands: tuple[tuple[Decimal | None, Decimal], ...] = ()
    minimum_call_hours: Decimal | None = None  # live: a call is paid at least this long
    travel_buffer_minutes: int = 30


D = Decimal
PRESETS: dict[str, Rules] = {
    "audiovisual": Rules(
        Bilingual("audiovisual agreement", "convention audiovisuelle"),
        daily_max_hours=D(12),
        min_rest_hours=D(11),
        reduced_rest_hours=D(9),
        reduced_rest_per_week=2,
        weekly_max_hours=D(48),
        max_consecutive_days=6,
        overtime_after_hours=D(35),
        overtime_bands=((D(43), D("0.25")), (None, D("0.50"))),
    ),
    "cinema": Rules(
        Bilingual("cinema crew agreement", "convention cinéma (techniciens)"),
        daily_max_hours=D(12),
        daily_is_amplitude=True,
        min_rest_hours=D(11),
        weekly_max_hours=D(48),
        max_consecutive_days=6,
        overtime_after_hours=D(35),
        overtime_bands=((D(43), D("0.25")), (D(48), D("0.50")), (None, D("0.75"))),
    ),
    "live": Rules(
        Bilingual("live performance agreement (CCNEAC)", "convention spectacle vivant (CCNEAC)"),
        daily_max_hours=D(10),
        daily_max_hours_long_days=D(12),
        min_rest_hours=D(11),
        reduced_rest_hours=D(9),
        reduced_rest_per_week=1,
        weekly_max_hours=D(48),
        max_consecutive_days=6,
        overtime_after_hours=D(35),
        overtime_bands=((D(43), D("0.25")), (None, D("0.50"))),
        minimum_call_hours=D("3.5"),
    ),
    "custom": Rules(Bilingual("custom rules", "règles personnalisées")),
}
DEFAULT_PRESET = {"film": "cinema", "live": "live", "festival": "live"}

# Event kinds on which the live agreement allows 12 hours (set-up, strike, tour days).
LONG_DAY_KINDS = (
    "montage",
    "demontage",
    "démontage",
    "load-in",
    "loadin",
    "strike",
    "set-up",
    "setup",
    "get-in",
    "get-out",
    "tournée",
    "tour",
)


def rules_for(production: Production) -> Rules:
    """The preset of the production, with each value its Production sheet overrides."""
    s = production.settings
    preset = s.get("rules") or DEFAULT_PRESET.get(s.get("kind") or "", "audiovisual")
    rules = PRESETS[preset]
    changes: dict[str, Any] = {}
    for key in ("daily_max_hours", "min_rest_hours", "weekly_max_hours", "overtime_after_hours"):
        if s.get(key) is not None:
            changes[key] = Decimal(s[key])
    if s.get("daily_max_hours") is not None:
        changes["daily_max_hours_long_days"] = None
    if s.get("min_rest_hours") is not None:
        changes["reduced_rest_hours"] = None
    if s.get("max_consecutive_days") is not None:
        changes["max_consecutive_days"] = int(s["max_consecutive_days"])
    if s.get("travel_buffer_minutes") is not None:
        changes["travel_buffer_minutes"] = int(s["travel_buffer_minutes"])
    if preset == "live" and s.get("kind") == "festival" and "daily_max_hours" not in changes:
        changes["daily_max_hours"] = rules.daily_max_hours_long_days
    return rules._replace(**changes) if changes else rules


@functools.cache  # a few hundred distinct days, asked for per booking
def iso_week(day: dt.date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week
