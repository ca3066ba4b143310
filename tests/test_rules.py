"""The presets as the texts say (docs/rules.md): days built at the limits, one rule at a time.

Each case is a schedule built in memory, its findings or its hours asserted whole.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from conftest import in_memory

from prodsheets.analyses import Analyses
from prodsheets.contract.values import Break
from prodsheets.findings import flatten
from prodsheets.pipeline import check_production as validate
from prodsheets.schedule.breaks import placed
from prodsheets.schedule.presets import (
    PRESETS,
    REHEARSAL,
    SETUP,
    SHOOTING,
    TOUR,
    equivalence_of,
    is_artist,
    kind_tags,
    person_rules,
)

D = Decimal
T = dt.time
MON = dt.date(2026, 3, 9)  # a Monday, ISO week 11


def day(n: int) -> dt.date:
    return MON + dt.timedelta(days=n)


def schedule(
    settings: dict[str, Any],
    crew: list[dict[str, Any]],
    shifts: list[tuple[str, int, dt.time, dt.time]],
    kind: str | None = None,
    **extra: Any,
) -> Any:
    """One event per shift (who, day, start, end), each booking its person."""
    events = [
        {"id": f"E{n}", "date": day(d), "start": a, "end": b, "location": "L", "kind": kind}
        for n, (_, d, a, b) in enumerate(shifts)
    ]
    bookings = [{"event": f"E{n}", "who": who} for n, (who, *_) in enumerate(shifts)]
    base = {"title": "Test", "start": day(-60), "end": day(120), **settings}
    return in_memory(
        base,
        {
            "crew": crew,
            "locations": [{"id": "L", "name": "Plateau"}],
            "events": [*events, *extra.get("events", [])],
            "bookings": [*bookings, *extra.get("bookings", [])],
        },
    )


def person(pid: str, role: str | None = None, contract: str = "intermittent") -> dict[str, Any]:
    return {"id": pid, "name": pid.title(), "role": role, "contract": contract}


def names(production: Any, *select: str) -> list[list[Any]]:
    found = [f for f in validate(production) if not select or f.code.name in select]
    return flatten(found, "name", "id")


# --- cinema, technicians (IDCC 3097, Titre II) --------------------------------------------


def test_a_cinema_technician_may_work_13_hours_from_call_to_wrap_not_13_01() -> None:
    # T2 art. 27: 13 h including meals, breaks and travel. 07:00-19:59 is 12 h 59;
    # 07:00-20:01 is 13 h 01.
    p = schedule(
        {"rules": "cinema"},
        [person("ANA", "Chef opératrice"), person("BEN", "Chef opératrice")],
        [("ANA", 0, T(7), T(19, 59)), ("BEN", 0, T(7), T(20, 1))],
    )
    assert names(p, "daily-hours") == [["daily-hours", "BEN"]]
    [f] = [f for f in validate(p) if f.code.name == "daily-hours"]
    assert "13 h 01" in f.message("fr") and "13 h" in f.message("fr")
    assert "techniciens (IDCC 3097)" in f.message("fr")


def test_the_cinema_preset_gives_actors_a_12_hour_span_and_12_hours_rest() -> None:
    # T3 art. 4.1.1.1: 12 h span (13 h in listed cases); art. 4.1.1.2: 12 h rest, 11 h after
    # a 13 h day, 9 h from night work to the next morning.
    p = schedule(
        {"rules": "cinema"},
        [
            person("LEA", "Comédienne", "artist"),
            person("MAX", "Comédien (Albert)"),  # a performer's role, whatever the contract
            person("TOM", "Cadreur"),
        ],
        [
            ("LEA", 0, T(7), T(19, 30)),  # 12 h 30: past 12 h
            ("TOM", 0, T(7), T(19, 30)),  # within a technician's 13 h
            ("LEA", 1, T(7), T(18, 30)),  # 11 h 30 of rest, after 12 h 30 of span: 11 h needed
            ("MAX", 0, T(8), T(19)),
            ("MAX", 1, T(6, 30), T(12)),  # 11 h 30 of rest after 11 h: 12 h needed
            ("TOM", 1, T(7), T(12)),
        ],
    )
    assert names(p, "daily-hours", "rest-time") == [
        ["daily-hours", "LEA"],
        ["rest-time", "MAX"],
    ]
    [daily] = [f for f in validate(p) if f.code.name == "daily-hours"]
    assert "12 h (13 h in the cases article 4.1.1.1 lists)" in daily.message("en")


def test_an_actor_may_rest_9_hours_from_night_work_to_the_next_morning() -> None:
    # March: night work starts at 20:00 (T2 art. 40, T3 art. 3.1.1). A 14:00-23:00 day then
    # an 08:30 call: 9 h 30 of rest is enough after night work, not after a day shoot.
    crew = [person("LEA", "Comédienne", "artist"), person("ZOE", "Comédienne", "artist")]
    night = schedule(
        {"rules": "cinema"}, crew, [("LEA", 0, T(14), T(23)), ("LEA", 1, T(8, 30), T(12))]
    )
    day_shoot = schedule(
        {"rules": "cinema"}, crew, [("ZOE", 0, T(8), T(19, 30)), ("ZOE", 1, T(5), T(10))]
    )
    assert names(night, "rest-time") == []
    assert names(day_shoot, "rest-time") == [["rest-time", "ZOE"]]


def test_hours_that_cut_into_the_rest_are_paid_double() -> None:
    # T2 art. 35: wrap 23:00, call 08:00: 9 h of rest, 2 h of the next day cut into the
    # 11 h; those 2 h get +100 % (and PS307 says the rest is short).
    # A week of 5 days (no day hire): 14:00-23:00, then 08:00-12:00 four times.
    p = schedule(
        {"rules": "cinema"},
        [person("ANA")],
        [("ANA", 0, T(14), T(23)), *(("ANA", d, T(8), T(12)) for d in range(1, 5))],
    )
    assert Analyses(p).overtime == {"ANA": {(2026, 11): [(D(2), D(1))]}}
    assert names(p, "rest-time") == [["rest-time", "ANA"]]


def test_weekly_bands_the_10th_hour_and_the_cap_of_100_percent() -> None:
    # Five days of 11 h (08:00-19:00) = 55 h, each hour's premiums summed, at most +100 %
    # (T2 art. 36, 37, 38). Cumulated hours of the week, day by day:
    #   Mon 0-11, Tue 11-22, Wed 22-33: the 11th hour of each day +100 %     → 3 h at 1.00
    #   Thu 33-44: 33-35 nothing; 35-43 +25 %                                → 8 h at 0.25
    #              43-44 is the day's 11th hour: +50 % (44th) + 100 % → 100 % → 1 h at 1.00
    #   Fri 44-55: 44-48 +50 %                                               → 4 h at 0.50
    #              48-54 +75 %                                               → 6 h at 0.75
    #              54-55 the day's 11th hour: +75 % + 100 % → 100 %          → 1 h at 1.00
    p = schedule({"rules": "cinema"}, [person("ANA")], [("ANA", d, T(8), T(19)) for d in range(5)])
    assert Analyses(p).overtime["ANA"] == {
        (2026, 11): [(D(8), D("0.25")), (D(4), D("0.50")), (D(6), D("0.75")), (D(5), D(1))]
    }


def test_a_day_hire_is_paid_by_the_day_beyond_7_and_10_hours() -> None:
    # T2 art. 16 and 34: 3 days (fewer than 5) of 11 h: each day 7-10 h at +50 %, beyond
    # 10 h at +100 %, no weekly bands: 3 × 3 h at 0.50, 3 × 1 h at 1.00.
    p = schedule({"rules": "cinema"}, [person("ANA")], [("ANA", d, T(8), T(19)) for d in range(3)])
    hours = Analyses(p).hours
    assert hours.day_hires == {"ANA": {day(d).toordinal() for d in range(3)}}
    assert hours.premiums["ANA"] == {(2026, 11): [(D(9), D("0.50")), (D(3), D(1))]}


@pytest.mark.parametrize(
    ("role", "counted", "weekly_finding"),
    [
        ("Scripte", "47", False),  # group 1: 45 h of presence count as 42 h: 50 - 3
        ("Chef machiniste", "49", True),  # group 4: 47 h count as 46 h: 50 - 1
        ("Réalisatrice", "50", True),  # not in the décret's list: hour for hour
    ],
)
def test_the_equivalence_counts_presence_as_the_decree_says(
    role: str, counted: str, weekly_finding: bool
) -> None:
    # Décret 2013-1165 art. 1 (amended 2014-63), T2 art. 30: 5 shooting days of 10 h = 50 h
    # of presence. Beyond the threshold each hour counts for one; the weekly maximum of 48 h
    # (T2 art. 25) is checked on the hours counted.
    p = schedule(
        {"rules": "cinema"},
        [person("ANA", role)],
        [("ANA", d, T(8), T(18)) for d in range(5)],
        kind="séquence",
    )
    a = Analyses(p)
    assert a.counted_time["ANA"][(2026, 11)] == int(D(counted) * 3600)
    assert a.weekly_time["ANA"][(2026, 11)] == 50 * 3600
    found = [f for f in validate(p) if f.code.name == "weekly-hours"]
    assert bool(found) == weekly_finding
    if role == "Chef machiniste":
        assert "49 h counted (50 h of presence, équivalence" in found[0].message("en")


def test_the_equivalence_pays_the_overtime_of_the_hours_counted() -> None:
    # Scripte (group 1), 5 days of 10 h: 47 h counted, 12 h of overtime: 8 h at +25 %
    # (36th-43rd hour) and 4 h at +50 % (44th-47th), instead of 8 + 5 + 2 h of presence.
    p = schedule(
        {"rules": "cinema"},
        [person("ANA", "Scripte")],
        [("ANA", d, T(8), T(18)) for d in range(5)],
        kind="tournage",
    )
    assert Analyses(p).overtime["ANA"] == {(2026, 11): [(D(8), D("0.25")), (D(4), D("0.50"))]}


def test_the_equivalence_applies_on_shooting_days_only() -> None:
    # The same week as preparation days (kind prépa): presence counts hour for hour.
    p = schedule(
        {"rules": "cinema"},
        [person("ANA", "Scripte")],
        [("ANA", d, T(8), T(18)) for d in range(5)],
        kind="prépa",
    )
    assert Analyses(p).counted_time["ANA"][(2026, 11)] == 50 * 3600


@pytest.mark.parametrize(
    ("role", "group"),
    [
        ("Scripte", 1),
        ("Perchman", 1),
        ("1ère assistante opératrice du son", 1),
        ("Ingénieure du son", 1),
        ("Cheffe opératrice son", 1),  # not the director of photography's "chef opérateur"
        ("Cadreur 2e équipe", 1),
        ("Cheffe opératrice", 2),
        ("Directrice de la photographie", 2),
        ("Cheffe décoratrice", 2),
        ("Premier assistant opérateur", 3),
        ("2nd assistant réalisateur", 3),
        ("Régisseuse générale", 3),
        ("Costumière", 3),
        ("Chargée de la figuration", 3),
        ("Chef électricien", 4),
        ("Électricienne", 4),
        ("Key grip", 4),
        ("Maquilleuse", None),  # the décret lists chef and assistant maquilleur only
        ("Réalisateur", None),
        ("Régisseur", None),  # général, adjoint or d'extérieurs: the role must say which
    ],
)
def test_the_equivalence_group_is_found_from_the_role(role: str, group: int | None) -> None:
    found = equivalence_of(role)
    assert (found.group if found else None) == group


def test_who_follows_the_actors_rules() -> None:
    cinema = PRESETS["cinema"]
    assert person_rules(cinema, "artist", "Cadreur") is cinema.artists
    assert person_rules(cinema, "intermittent", "Comédienne (Léa)") is cinema.artists
    assert person_rules(cinema, "intermittent", "Directeur artistique") is cinema
    assert person_rules(PRESETS["audiovisual"], "artist", None) is PRESETS["audiovisual"]
    assert is_artist(None, "Danseuse") and not is_artist("cdd", "Régisseuse")


def test_event_kinds_tag_their_days() -> None:
    assert kind_tags("Montage son") == SETUP
    assert kind_tags("tournage") == SHOOTING  # a shoot, not a tour
    assert kind_tags("Tournée") == TOUR
    assert kind_tags("répétition générale") == REHEARSAL
    assert kind_tags("réunion") == 0


# --- breaks --------------------------------------------------------------------------------


def breaks_case(
    rules: str, minutes: int, value: Any, *, split: int | None = None, on_event: bool = False
) -> Any:
    """ANA works a stretch of `minutes` from 08:00 with `value` in her booking's break cell
    (or her event's); BEN's 20-minute break shows the production records its breaks.
    `split` cuts ANA's stretch into two bookings with a gap of that many minutes."""
    start = dt.datetime(2026, 3, 9, 8)
    end = start + dt.timedelta(minutes=minutes)
    events: list[dict[str, Any]] = []
    bookings: list[dict[str, Any]] = []
    if split is None:
        events.append(
            {"id": "A", "date": MON, "start": start.time(), "end": end.time(), "location": "L"}
        )
        bookings.append({"event": "A", "who": "ANA", "break": None if on_event else value})
        if on_event:
            events[0]["break"] = value
    else:
        middle = start + (end - start) / 2
        events += [
            {"id": "A", "date": MON, "start": start.time(), "end": middle.time(), "location": "L"},
            {
                "id": "B",
                "date": MON,
                "start": (middle + dt.timedelta(minutes=split)).time(),
                "end": (end + dt.timedelta(minutes=split)).time(),
                "location": "L",
            },
        ]
        bookings += [{"event": "A", "who": "ANA"}, {"event": "B", "who": "BEN"}]
        bookings[1]["who"] = "ANA"
    events.append({"id": "Z", "date": MON, "start": T(8), "end": T(11), "location": "L"})
    bookings.append({"event": "Z", "who": "BEN", "break": (Break(1200),)})
    return in_memory(
        {"title": "Pauses", "start": MON, "end": MON, "rules": rules},
        {
            "crew": [person("ANA"), person("BEN")],
            "locations": [{"id": "L", "name": "L"}],
            "events": events,
            "bookings": bookings,
        },
    )


@pytest.mark.parametrize(
    ("value", "split", "on_event", "found"),
    [
        (None, None, False, True),  # 6 h 30 in a row
        ((Break(1200),), None, False, False),  # "20": 3 h 05 | 20 min | 3 h 05
        ((Break(1200),), None, True, False),  # the event's 20 minutes, for everyone on it
        ((Break(1200, 12 * 3600, 12 * 3600 + 1200),), None, False, False),  # "12:00-12:20"
        ((Break(600), Break(600)), None, False, True),  # "10 | 10": no break of 20 min
        (None, 20, False, False),  # two bookings with a 20-minute gap between them
        (None, 15, False, True),  # a 15-minute gap is no 20-minute break
    ],
)
def test_a_6_h_30_stretch_needs_a_20_minute_break(
    value: Any, split: int | None, on_event: bool, found: bool
) -> None:
    # Code du travail L3121-16: 20 consecutive minutes as soon as 6 h of work are reached.
    p = breaks_case("audiovisual", 390, value, split=split, on_event=on_event)
    assert names(p, "meal-break") == ([["meal-break", "ANA"]] if found else [])


def test_a_6_hour_stretch_exactly_needs_no_break() -> None:
    assert names(breaks_case("audiovisual", 360, None), "meal-break") == []


def test_the_private_live_preset_asks_15_minutes_after_4_hours() -> None:
    # IDCC 3090, annex II, III.3 art. 6: 15 min after 4 h of effective work.
    assert names(breaks_case("live_private", 270, None), "meal-break") == [["meal-break", "ANA"]]
    assert names(breaks_case("live_private", 270, (Break(900),)), "meal-break") == []
    assert names(breaks_case("live", 270, None), "meal-break") == []  # CCNEAC: Code's 6 h


def test_a_production_that_records_no_break_is_not_second_guessed() -> None:
    p = breaks_case("audiovisual", 390, None)
    bookings = p.tables["bookings"]
    bookings.values["break"][:] = [None] * len(bookings)
    assert names(p, "meal-break") == []


def test_breaks_in_minutes_share_out_the_booking() -> None:
    nine, five_pm = 9 * 3600, 17 * 3600  # a booking 09:00-17:00 on day 0
    # 30 minutes centred on 13:00, the middle of the booking; a 10-minute break is not
    # placed when only breaks of 20 minutes or more count.
    assert placed((Break(1800),), nine, five_pm) == [(12 * 3600 + 2700, 13 * 3600 + 900)]
    assert placed((Break(600), Break(1800)), nine, five_pm, longer_than=1200) == [
        (12 * 3600 + 2700, 13 * 3600 + 900)
    ]
    # A night booking 22:00-04:00 with a break at 01:00-01:30: the next day's 01:00.
    night = 22 * 3600
    assert placed((Break(1800, 3600, 5400),), night, night + 6 * 3600) == [
        (86400 + 3600, 86400 + 5400)
    ]


# --- live performance ------------------------------------------------------------------------


def twelve_weeks(
    hours_a_day: tuple[int, int], weeks: int = 12
) -> list[tuple[int, dt.time, dt.time]]:
    start, end = hours_a_day
    return [(7 * w + d, T(start), T(end)) for w in range(weeks) for d in range(5)]


@pytest.mark.parametrize("rules", ["live", "live_private"])
def test_12_weeks_over_44_hours_on_average_are_a_finding(rules: str) -> None:
    # CCNEAC art. VI.4, IDCC 3090 annex II III.3 art. 7: 48 h a week, 44 h on average over
    # 12 consecutive weeks. 5 days of 9 h (08:00-17:00) = 45 h a week: each week is legal,
    # the 12 weeks' average is not; 11 such weeks fall short of a 12-week run.
    shifts = [("ANA", d, a, b) for d, a, b in twelve_weeks((8, 17))]
    p = schedule({"rules": rules}, [person("ANA")], shifts)
    assert names(p, "average-weekly-hours", "weekly-hours") == [["average-weekly-hours", "ANA"]]
    [f] = [f for f in validate(p) if f.code.name == "average-weekly-hours"]
    assert f.message("en").startswith("Ana works 45 h a week on average over the 12 weeks")
    eleven = [("ANA", d, a, b) for d, a, b in twelve_weeks((8, 17), 11)]
    assert names(schedule({"rules": rules}, [person("ANA")], eleven), "average-weekly-hours") == []


def test_12_weeks_at_44_hours_are_within_the_average() -> None:
    shifts = [("ANA", d, T(8), T(16, 48)) for d, *_ in twelve_weeks((8, 16))]  # 8 h 48 × 5
    assert names(schedule({"rules": "live"}, [person("ANA")], shifts), "average-weekly-hours") == []


def test_ccneac_allows_12_hours_in_the_15_days_before_the_premiere() -> None:
    # Art. VI.6.1: 10 h a day, 12 h for the production of a show in the 15 days before the
    # first performance only. Première on day 20: 11 h on day 10 is allowed, on day 2 not.
    shifts = [("ANA", 2, T(8), T(19)), ("ANA", 10, T(8), T(19))]
    with_date = schedule({"rules": "live", "premiere": day(20)}, [person("ANA")], shifts)
    [f] = [f for f in validate(with_date) if f.code.name == "daily-hours"]
    assert f.message("en").startswith("Ana works 11 h on 2026-03-11")
    # The première may be an event's kind instead of a date in Production.
    by_kind = schedule(
        {"rules": "live"},
        [person("ANA")],
        shifts,
        events=[{"id": "P", "date": day(20), "start": T(20), "end": T(22), "kind": "Première"}],
    )
    assert names(by_kind, "daily-hours") == [["daily-hours", "ANA"]]
    assert names(schedule({"rules": "live"}, [person("ANA")], shifts), "daily-hours") == [
        ["daily-hours", "ANA"],
        ["daily-hours", "ANA"],
    ]


def test_ccneac_reduces_rest_to_9_hours_for_technicians_on_set_up_days() -> None:
    # Art. VI.7: 9 h for technical staff on rehearsals, set-up and strike; not performers.
    shifts = [("ANA", 0, T(13), T(23)), ("ANA", 1, T(8), T(14))]
    crew = [person("ANA")]
    assert names(schedule({"rules": "live"}, crew, shifts, kind="Montage"), "rest-time") == []
    assert names(schedule({"rules": "live"}, crew, shifts, kind="Concert"), "rest-time") == [
        ["rest-time", "ANA"]
    ]
    artist = [person("ANA", "Musicienne", "artist")]
    assert names(schedule({"rules": "live"}, artist, shifts, kind="Montage"), "rest-time") == [
        ["rest-time", "ANA"]
    ]


def test_private_live_reduces_rest_at_most_12_times_a_month_in_set_up() -> None:
    # IDCC 3090 annex II III.3 art. 6: 9 h at most 12 times a month, in set-up and strike.
    # Each day 08:00-10:00 and 19:00-23:00 (6 h of work), the next called at 08:00: 9 h of
    # rest each night. 13 days make 12 such rests in March; 14 days, one too many.
    def days(n: int) -> Any:
        shifts = [("ANA", d, T(8), T(10)) for d in range(n)]
        shifts += [("ANA", d, T(19), T(23)) for d in range(n)]
        settings = {"rules": "live_private", "max_consecutive_days": 20}
        return schedule(settings, [person("ANA")], shifts, kind="Montage")

    assert names(days(13), "rest-time") == []
    assert names(days(14), "rest-time") == [["rest-time", "ANA"]]
    concerts = schedule(
        {"rules": "live_private"},
        [person("ANA")],
        [("ANA", 0, T(19), T(23)), ("ANA", 1, T(8), T(10))],
        kind="Concert",
    )
    assert names(concerts, "rest-time") == [["rest-time", "ANA"]]  # not a set-up day


def test_the_ccneac_overtime_bands_count_the_overtime_of_the_engagement() -> None:
    # Art. VI.12: +25 % for each of the first 80 overtime hours, +50 % beyond. 7 weeks of
    # 48 h (5 days of 9 h 36): 13 overtime hours a week; weeks 1-6 make 78 h at +25 %,
    # week 7 has 2 more at +25 % and 11 at +50 %.
    shifts = [("ANA", 7 * w + d, T(8), T(17, 36)) for w in range(7) for d in range(5)]
    p = schedule({"rules": "live"}, [person("ANA")], shifts)
    weeks = Analyses(p).overtime["ANA"]
    assert [weeks[w] for w in sorted(weeks)][-2:] == [
        [(D(13), D("0.25"))],
        [(D(2), D("0.25")), (D(11), D("0.50"))],
    ]


@pytest.mark.parametrize(
    ("rules", "kind", "start", "limit"),
    [
        ("audiovisual", None, T(7), (12, 0)),  # IDCC 2642 VI.3.1.1: 12 h of work
        ("cinema", None, T(7), (13, 0)),  # IDCC 3097 T2 art. 27: 13 h from call to wrap
        ("live", None, T(8), (10, 0)),  # CCNEAC VI.6.1: 10 h
        ("live", "Montage", T(8), (12, 0)),  # … 12 h for set-up and strike
        ("live_private", None, T(8), (10, 0)),  # IDCC 3090 annex II III.3 art. 2: 10 h
        ("live_private", "Répétition", T(8), (12, 0)),  # … 12 h for a creation
    ],
)
def test_each_preset_at_its_daily_limit_and_one_minute_past_it(
    rules: str, kind: str | None, start: dt.time, limit: tuple[int, int]
) -> None:
    at = dt.datetime.combine(MON, start) + dt.timedelta(hours=limit[0], minutes=limit[1])
    past = at + dt.timedelta(minutes=1)
    p = schedule(
        {"rules": rules},
        [person("ANA", "Technicienne"), person("BEN", "Technicien")],
        [("ANA", 0, start, at.time()), ("BEN", 0, start, past.time())],
        kind=kind,
    )
    assert names(p, "daily-hours") == [["daily-hours", "BEN"]]
