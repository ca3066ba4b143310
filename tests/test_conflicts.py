"""Conflicts: double bookings, capacity, unavailability, travel, working time, across productions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import Sheets, in_memory, write_workbook
from hypothesis import given, settings
from hypothesis import strategies as st

from prodsheets.analyses import Analyses
from prodsheets.findings import flatten
from prodsheets.pipeline import check
from prodsheets.pipeline import check_production as validate

T = dt.time
D = dt.date


def run(sheets: Sheets, tmp_path: Path, *select: str) -> list:
    return check(
        [write_workbook(tmp_path / "prod.xlsx", sheets)], select=select or ("PS3",)
    ).findings


def test_the_message_says_who_which_events_when_where_and_how_much(
    production: Sheets, tmp_path: Path
) -> None:
    production["Planning"][1][2:4] = [T(8), T(12)]
    production["Planning"][1][5] = "STUDIO"
    production["Planning"][2][2:6] = [T(11), T(15), "Séquence 2", "PLAGE"]
    production["Affectations"][1][2:4] = [None, None]
    production["Affectations"].append(["S2", "LUCIE"])
    [f] = run(production, tmp_path)
    assert f.message("fr") == (
        "Double convocation de Lucie Martin sur S1 (09/03 08:00–12:00, Studio Le Port) et "
        "S2 (09/03 11:00–15:00, Plage de l'Hermitage) : 1 h de chevauchement."
    )
    assert [loc.cell for loc in f.locations] == ["B2", "B5"]


def test_touching_bookings_do_not_conflict(production: Sheets, tmp_path: Path) -> None:
    production["Planning"][2][1:6] = [D(2026, 3, 9), T(12), T(16), "Séquence 2", "PLAGE"]
    production["Affectations"].append(
        ["S2", "LUCIE"]
    )  # S1 ends at 12:00 at the beach, S2 starts there
    assert run(production, tmp_path) == []


def test_a_night_shoot_wraps_the_next_day(production: Sheets, tmp_path: Path) -> None:
    # S2 is a night shoot 20:00–04:00; LUCIE is also called at 03:00 the next morning on S3.
    production["Planning"][2][2:4] = [T(20), T(4)]
    production["Planning"].append(["S3", D(2026, 3, 10), T(3), T(6), "Aube", "PLAGE"])
    production["Affectations"].append(["S2", "LUCIE"])
    production["Affectations"].append(["S3", "LUCIE"])
    assert flatten(run(production, tmp_path, "PS301"), "code", "cells") == [["PS301", ["B5", "B6"]]]


def test_a_call_after_midnight_on_a_night_event_is_the_next_day(
    production: Sheets, tmp_path: Path
) -> None:
    production["Planning"][2][2:4] = [T(22), T(4)]
    production["Affectations"].append(["S2", "LUCIE", T(1), T(4)])  # 01:00–04:00 the next day
    production["Planning"].append(["S3", D(2026, 3, 10), T(2), T(3), "Insert", "PLAGE"])
    production["Affectations"].append(["S3", "LUCIE"])
    assert flatten(run(production, tmp_path, "PS301"), "code", "cells") == [["PS301", ["B5", "B6"]]]


def test_a_location_holds_as_many_events_as_its_capacity(
    production: Sheets, tmp_path: Path
) -> None:
    production["Planning"][2][1:6] = [D(2026, 3, 9), T(10), T(13), "Séquence 2", "PLAGE"]
    assert flatten(run(production, tmp_path), "code", "sheet", "cells") == [
        ["PS301", "Planning", ["F2", "F3"]]
    ]
    production["Lieux"][0].append("Capacité")
    production["Lieux"][1].append(2)
    assert run(production, tmp_path) == []


def test_a_single_camera_asked_twice_at_once_is_said_once(
    production: Sheets, tmp_path: Path
) -> None:
    # CAM1 (quantity 1) is on S1, and S2 overlaps it asking for two cameras: over capacity,
    # not also a double booking.
    production["Planning"][2][1:6] = [D(2026, 3, 9), T(10), T(13), "Séquence 2", "STUDIO"]
    production["Affectations"][0].append("Quantité")
    production["Affectations"].append(["S2", "CAM1", None, None, 2])
    assert flatten(run(production, tmp_path, "PS301", "PS302"), "code", "cells") == [
        ["PS302", ["B3", "B5"]]
    ]


def test_reduced_rest_is_allowed_twice_a_week_under_the_audiovisual_rules(tmp_path: Path) -> None:
    # Five days, each wrapping at 23:00 and the next called at 08:00: 9 h of rest, four times.
    events = [
        {"id": f"J{d}", "date": D(2026, 3, 9 + d), "start": T(8), "end": T(23), "location": "L"}
        for d in range(5)
    ]
    events = [{**e, "end": T(14)} for e in events]
    bookings = [
        {"event": f"J{d}", "who": "ANA", "call": T(8), "wrap": T(23) if d < 4 else T(12)}
        for d in range(5)
    ]
    p = in_memory(
        {
            "start": D(2026, 3, 1),
            "end": D(2026, 3, 31),
            "rules": "audiovisual",
            "daily_max_hours": 16,
        },
        {
            "crew": [{"id": "ANA", "name": "Ana"}],
            "locations": [{"id": "L", "name": "L"}],
            "events": events,
            "bookings": bookings,
        },
    )
    rest = [f for f in validate(p) if f.code.name == "rest-time"]
    assert [f.location.row for f in rest] == [5, 6]  # the third and fourth short rests of the week


def test_the_cinema_rules_count_the_day_from_first_call_to_last_wrap(tmp_path: Path) -> None:
    events = [
        {"id": "M", "date": D(2026, 3, 9), "start": T(7), "end": T(12), "location": "L"},
        {"id": "A", "date": D(2026, 3, 9), "start": T(15), "end": T(20, 30), "location": "L"},
    ]
    bookings = [{"event": "M", "who": "ANA"}, {"event": "A", "who": "ANA"}]
    tables = {
        "crew": [{"id": "ANA", "name": "Ana"}],
        "locations": [{"id": "L", "name": "L"}],
        "events": events,
        "bookings": bookings,
    }
    cinema = in_memory({"rules": "cinema"}, tables)
    audiovisual = in_memory({"rules": "audiovisual"}, tables)
    assert [f.code.name for f in validate(cinema)] == ["daily-hours"]  # 13 h 30 from 07:00
    assert validate(audiovisual) == []  # 10 h 30 worked


def test_hours_after_sunday_midnight_count_in_the_next_week() -> None:
    # Monday to Saturday 8 h a day = 48 h; a Sunday night 20:00–04:00 adds 4 h to week 11 and
    # 4 h to week 12: 52 h in week 11, and no consecutive-days finding below the limit of 7.
    events = [
        {"id": f"J{d}", "date": D(2026, 3, 9 + d), "start": T(8), "end": T(16), "location": "L"}
        for d in range(6)
    ]
    events.append(
        {"id": "NUIT", "date": D(2026, 3, 15), "start": T(20), "end": T(4), "location": "L"}
    )
    bookings = [{"event": e["id"], "who": "ANA"} for e in events]
    p = in_memory(
        {"rules": "custom", "weekly_max_hours": 50, "max_consecutive_days": 7},
        {
            "crew": [{"id": "ANA", "name": "Ana"}],
            "locations": [{"id": "L", "name": "L"}],
            "events": events,
            "bookings": bookings,
        },
    )
    [f] = validate(p)
    assert f.code.name == "weekly-hours" and f.message("en").startswith("Ana works 52 h in week 11")


def test_overtime_bands_of_the_cinema_rules() -> None:
    from decimal import Decimal

    events = [
        {"id": f"J{d}", "date": D(2026, 3, 9 + d), "start": T(8), "end": T(18), "location": "L"}
        for d in range(5)
    ]
    p = in_memory(
        {"rules": "cinema"},
        {
            "crew": [{"id": "ANA", "name": "Ana"}],
            "locations": [{"id": "L", "name": "L"}],
            "events": events,
            "bookings": [{"event": e["id"], "who": "ANA"} for e in events],
        },
    )
    # 50 h: 35 h normal, 8 h at +25 %, 5 h at +50 %, 2 h at +75 %.
    assert Analyses(p).overtime == {
        "ANA": {
            (2026, 11): [
                (Decimal(8), Decimal("0.25")),
                (Decimal(5), Decimal("0.50")),
                (Decimal(2), Decimal("0.75")),
            ]
        }
    }


def test_across_productions_people_match_by_id_or_email(production: Sheets, tmp_path: Path) -> None:
    other = {k: [list(r) for r in v] for k, v in production.items()}
    other["Production"][1][1] = "Clip Maloya"
    other["Équipe"][0].append("Email")
    other["Équipe"][1][0] = "LMARTIN"  # another id, the same email
    other["Équipe"][1].append("LUCIE.martin@example.org")
    other["Affectations"][1][1] = "LMARTIN"
    production["Équipe"][0].append("Email")
    production["Équipe"][1].append("lucie.martin@example.org")
    a = write_workbook(tmp_path / "film" / "prod.xlsx", production)
    b = write_workbook(tmp_path / "clip" / "prod.xlsx", other)
    result = check([a.parent, b.parent], select=["PS301"])
    pairs = {
        tuple(sorted(f"{loc.file}!{loc.cell}={loc.id}" for loc in f.locations))
        for f in result.findings
    }
    assert pairs == {
        ("clip/prod.xlsx!B2=LMARTIN", "film/prod.xlsx!B2=LUCIE"),  # the same email
        ("clip/prod.xlsx!B3=CAM1", "film/prod.xlsx!B3=CAM1"),  # the same resource id
        ("clip/prod.xlsx!B4=MARC", "film/prod.xlsx!B4=MARC"),  # the same person id
    }
    f = next(f for f in result.findings if f.location.id in ("LUCIE", "LMARTIN"))
    assert "« Court métrage test »" in f.message("fr") and "« Clip Maloya »" in f.message("fr")


# --- the engine against a brute-force oracle -----------------------------------------------

PEOPLE, RESOURCES = ["P1", "P2", "P3"], {"R1": 1, "R2": 2}
times = st.builds(T, st.integers(0, 23), st.sampled_from([0, 30]))


@st.composite
def schedules(draw):
    n_events = draw(st.integers(1, 6))
    events = [
        {
            "id": f"E{e}",
            "date": D(2026, 3, 9) + dt.timedelta(days=draw(st.integers(0, 2))),
            "start": draw(times),
            "end": draw(times),
            "location": draw(st.sampled_from(["L1", "L2"])),
        }
        for e in range(n_events)
    ]
    bookings = [
        {
            "event": f"E{draw(st.integers(0, n_events - 1))}",
            "who": draw(st.sampled_from(PEOPLE + list(RESOURCES))),
            "call": draw(st.none() | times),
            "wrap": draw(st.none() | times),
        }
        for _ in range(draw(st.integers(0, 14)))
    ]
    return events, bookings


def oracle_interval(event: dict, booking: dict) -> tuple[dt.datetime, dt.datetime] | None:
    """The documented rules, written independently with datetimes: an end before the start
    is the next day, an end equal to it a zero-length item."""
    day = event["date"]
    ev_start = dt.datetime.combine(day, event["start"])
    ev_end = dt.datetime.combine(day, event["end"])
    if ev_end < ev_start:
        ev_end += dt.timedelta(days=1)
    if booking["call"] is None:
        start = ev_start
    else:
        start = dt.datetime.combine(day, booking["call"])
        if ev_end.date() > day and start < ev_start and start + dt.timedelta(days=1) < ev_end:
            start += dt.timedelta(days=1)
    if booking["wrap"] is None:
        end = ev_end
        if end <= start:
            return None
    else:
        end = dt.datetime.combine(start.date(), booking["wrap"])
        if end < start:
            end += dt.timedelta(days=1)
    return start, end


@settings(max_examples=300, deadline=None)
@given(schedules())
def test_double_bookings_and_capacity_match_a_brute_force_oracle(schedule) -> None:
    events, bookings = schedule
    p = in_memory(
        {"rules": "custom"},
        {
            "crew": [{"id": x, "name": x} for x in PEOPLE],
            "resources": [{"id": r, "name": r, "quantity": q} for r, q in RESOURCES.items()],
            "locations": [
                {"id": "L1", "name": "L1", "capacity": 9},
                {"id": "L2", "name": "L2", "capacity": 9},
            ],
            "events": events,
            "bookings": bookings,
        },
    )
    by_id = {e["id"]: e for e in events}
    spans = {n: oracle_interval(by_id[b["event"]], b) for n, b in enumerate(bookings)}
    # A zero-length item (a cue) marks a moment; it occupies nothing, so it overlaps nothing.
    spans = {n: s if s and s[0] < s[1] else None for n, s in spans.items()}
    involved, over = set(), set()
    for n, a in spans.items():
        for m, c in spans.items():
            same = a and c and bookings[n]["who"] == bookings[m]["who"]
            one_at_a_time = RESOURCES.get(bookings[n]["who"], 1) == 1
            if n < m and same and one_at_a_time and a[0] < c[1] and c[0] < a[1]:
                involved |= {n + 2, m + 2}
    for r, q in RESOURCES.items():
        points = sorted(
            (s[i], 1 - 2 * i)
            for n, s in spans.items()
            if s and bookings[n]["who"] == r
            for i in (1, 0)
        )
        level = 0
        for _, delta in points:
            level += delta
            if level > q:
                over.add(r)
    found = validate(p)
    engine = {loc.row for f in found if f.code.name == "double-booking" for loc in f.locations}
    assert engine == involved
    engine_over = {f.params["who"] for f in found if f.code.name == "over-capacity"}
    assert engine_over == {r for r in over if RESOURCES[r] > 1}


def _findings_with(threshold: int, schedule) -> list:

    from prodsheets.schedule import arrays as vectorized

    events, bookings = schedule
    p = in_memory(
        {"rules": "audiovisual", "max_consecutive_days": 2, "weekly_max_hours": 20},
        {
            "crew": [{"id": x, "name": x} for x in PEOPLE],
            "resources": [{"id": r, "name": r, "quantity": q} for r, q in RESOURCES.items()],
            "locations": [{"id": "L1", "name": "L1"}, {"id": "L2", "name": "L2"}],
            "events": events,
            "bookings": bookings,
        },
    )
    saved, vectorized.FROM_BOOKINGS = vectorized.FROM_BOOKINGS, threshold
    try:
        return [*flatten(validate(p), "code", "cells", "message"), Analyses(p).overtime]
    finally:
        vectorized.FROM_BOOKINGS = saved


@settings(max_examples=300, deadline=None)
@given(schedules())
def test_the_numpy_path_of_large_schedules_finds_the_same(schedule) -> None:
    assert _findings_with(0, schedule) == _findings_with(10**9, schedule)
