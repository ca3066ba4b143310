"""Sunrise and sunset at a location on a date, computed offline from its coordinates.

The call sheet gives them for each location of the day (a beach at dusk, a dawn scene).
The arithmetic is astral's (NOAA's solar equations), imported only here; times are rounded
to the nearest minute and said in
the production's time zone (Production, ``timezone``), or in UTC without one. Near the
poles the sun may not rise or set on a date: that time is None.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple


class SunTimes(NamedTuple):
    sunrise: dt.time | None
    sunset: dt.time | None
    zone: str  # the time zone the times are in: ``Indian/Reunion``, ``UTC``


def zone_of(timezone: object) -> dt.tzinfo:
    """The production's time zone, or UTC when it is missing or unknown."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if isinstance(timezone, str) and timezone.strip():
        try:
            return ZoneInfo(timezone.strip())
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return dt.UTC


def sun_times(
    latitude: Decimal | float, longitude: Decimal | float, day: dt.date, timezone: object = None
) -> SunTimes | None:
    """Sunrise and sunset on ``day`` (local dates and times); None for impossible coordinates."""
    lat, lon = float(latitude), float(longitude)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    from astral import Observer
    from astral.sun import sunrise, sunset

    zone = zone_of(timezone)
    observer = Observer(latitude=lat, longitude=lon)
    times: list[dt.time | None] = []
    for event in (sunrise, sunset):
        try:
            moment = event(observer, date=day, tzinfo=zone)
        except ValueError:  # the sun does not rise (or set) that day there
            times.append(None)
            continue
        rounded = moment + dt.timedelta(seconds=30)  # to the nearest minute, as tables say it
        times.append(rounded.time().replace(second=0, microsecond=0))
    return SunTimes(times[0], times[1], str(getattr(zone, "key", "UTC")))
