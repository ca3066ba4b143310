"""Plannings as producers write them, in our own layout too: a group or a department in the
*who* cell, a slot still to fill, a time range in one cell, a week and a weekday for a
date, breaks taken off the hours worked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import Sheets, write_workbook

from prodsheets.analyses import Analyses
from prodsheets.contract import values
from prodsheets.findings import flatten
from prodsheets.io.load import load_production
from prodsheets.pipeline import check

d, t = dt.date, dt.time


def booked(production: Sheets, tmp_path: Path) -> list[tuple[str, str, str]]:
    """(event, who, cell) of every booking read."""
    p, _ = load_production(write_workbook(tmp_path / "prod.xlsx", production))
    b = p.table("bookings")
    assert b is not None
    return [(e, w, str(b.cell(i, "who").cell)) for i, e, w in b.records("event", "who")]


def test_a_group_books_each_of_its_members_at_the_groups_cell(
    production: Sheets, tmp_path: Path
) -> None:
    production["Groupes"] = [["Groupe", "Membres"], ["Image", "LUCIE, CAM1"]]
    production["Affectations"] = [["Séquence", "Qui"], ["S1", "Image"], ["S2", "MARC"]]
    assert booked(production, tmp_path) == [
        ("S1", "LUCIE", "B2"),
        ("S1", "CAM1", "B2"),
        ("S2", "MARC", "B3"),
    ]


def test_a_department_and_the_whole_crew_book_their_people(
    production: Sheets, tmp_path: Path
) -> None:
    production["Équipe"] = [
        ["Id", "Nom", "Département"],
        ["LUCIE", "Lucie Martin", "Image"],
        ["MARC", "Marc Hoarau", "Son"],
        ["AWA", "Awa Diallo", "Image"],
    ]
    production["Affectations"] = [
        ["Séquence", "Qui"],
        ["S1", "équipe image"],
        ["S2", "toute l'équipe"],
    ]
    assert [(e, w) for e, w, _ in booked(production, tmp_path)] == [
        ("S1", "LUCIE"),
        ("S1", "AWA"),
        ("S2", "LUCIE"),
        ("S2", "MARC"),
        ("S2", "AWA"),
    ]


@pytest.mark.parametrize("who", ["Vacant", "TBD", "à pourvoir", "?"])
def test_a_slot_to_fill_is_said_as_one_not_as_an_unknown_id(
    production: Sheets, tmp_path: Path, who: str
) -> None:
    production["Affectations"].append(["S2", who, None, None])
    result = check([write_workbook(tmp_path / "prod.xlsx", production)])
    assert flatten(result.findings, "code", "cell") == [["PS330", "B5"]]
    assert f"“{who}”" in result.findings[0].message("en")
    assert "S2" in result.findings[0].message("en")


def test_a_time_range_in_one_cell_gives_start_and_end(production: Sheets, tmp_path: Path) -> None:
    production["Planning"] = [
        ["Id", "Date", "Horaires", "Intitulé", "Lieu"],
        ["S1", d(2026, 3, 9), "8h-12h", "Séquence 1", "PLAGE"],
        ["S2", d(2026, 3, 9), "14:00 - 18:00", "Séquence 2", "STUDIO"],
    ]
    p, findings = load_production(write_workbook(tmp_path / "prod.xlsx", production))
    events = p.table("events")
    assert events is not None and findings == []
    assert list(events.records("start", "end")) == [(0, t(8), t(12)), (1, t(14), t(18))]
    assert events.cell(1, "start").cell == "C3"


def test_a_column_of_ranges_headed_as_a_start_is_read_as_ranges(
    production: Sheets, tmp_path: Path
) -> None:
    """« Horaire : 20h à 22h », a volunteer sheet's one column for both times."""
    production["Planning"] = [
        ["Id", "Date", "Horaire", "Intitulé", "Lieu"],
        ["S1", d(2026, 3, 9), "20h à 22h", "Bar", "PLAGE"],
        ["S2", d(2026, 3, 9), "22h à 24h", "Bar", "STUDIO"],
    ]
    p, _ = load_production(write_workbook(tmp_path / "prod.xlsx", production))
    events = p.table("events")
    assert events is not None
    assert list(events.records("start", "end")) == [(0, t(20), t(22)), (1, t(22), t(0))]


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("S11 mardi", d(2026, 3, 10)),
        ("Sem. 11 - MERCREDI", d(2026, 3, 11)),
        ("Week 11 Thu", d(2026, 3, 12)),
        ("jeudi S11", d(2026, 3, 12)),
    ],
)
def test_a_week_and_a_weekday_is_a_date_in_the_productions_year(typed: str, day: dt.date) -> None:
    years = values.YearFrom(d(2026, 3, 9), d(2026, 3, 13))
    assert values.parse_date(typed, years=years) == day


def test_a_week_without_the_productions_dates_is_said() -> None:
    with pytest.raises(values.BadValue) as said:
        values.parse_date("S11 mardi")
    assert said.value.expected == "date_week"


@pytest.mark.parametrize(("typed", "time"), [(1730, t(17, 30)), (900, t(9)), (2400, t(0))])
def test_a_time_typed_without_its_colon_is_read_and_said(typed: int, time: dt.time) -> None:
    assert values.read_time(typed) == (time, values.HOURS_DOT_MINUTES)


def test_an_unpaid_break_is_taken_off_the_hours_worked(production: Sheets, tmp_path: Path) -> None:
    """Code du travail L3121-2: a break is not work, unless people stay at your disposal."""
    production["Planning"] = [
        ["Id", "Date", "Début", "Fin", "Lieu", "Pause"],
        ["S1", d(2026, 3, 9), t(8), t(18), "STUDIO", "12:30-13:30"],
    ]
    production["Affectations"] = [["Séquence", "Qui"], ["S1", "LUCIE"]]
    path = write_workbook(tmp_path / "prod.xlsx", production)
    p, _ = load_production(path)
    assert Analyses(p).work_days.worked == [9 * 3600]
    assert sum(Analyses(p).weekly_time["LUCIE"].values()) == 9 * 3600
    production["Production"].append(["Pauses travaillées", "oui"])
    p, _ = load_production(write_workbook(tmp_path / "worked.xlsx", production))
    assert Analyses(p).work_days.worked == [10 * 3600]


def test_overlapping_bookings_with_breaks_count_each_moment_once(
    production: Sheets, tmp_path: Path
) -> None:
    production["Planning"] = [
        ["Id", "Date", "Début", "Fin", "Lieu", "Pause"],
        ["S1", d(2026, 3, 9), t(8), t(12), "STUDIO", "30"],
        ["S2", d(2026, 3, 9), t(11), t(15), "PLAGE", None],
    ]
    production["Affectations"] = [["Séquence", "Qui"], ["S1", "LUCIE"], ["S2", "LUCIE"]]
    p, _ = load_production(write_workbook(tmp_path / "prod.xlsx", production))
    # 08:00-15:00 is 7 h; S1's 30 minutes sit in its middle (09:45-10:15), not in S2.
    assert Analyses(p).work_days.worked == [7 * 3600 - 30 * 60]


def test_a_bookings_sheet_with_dates_needs_no_events(tmp_path: Path) -> None:
    """A list of shifts (who, date, start, end): each day and place is one event."""
    sheets = {
        "Équipe": [["Id", "Nom"], ["LUCIE", "Lucie Martin"], ["MARC", "Marc Hoarau"]],
        "Lieux": [["Id", "Nom"], ["Studio", "Studio Le Port"], ["Plage", "Plage de l'Hermitage"]],
        "Affectations": [
            ["Qui", "Date", "Convocation", "Fin", "Lieu"],
            ["LUCIE", d(2026, 3, 9), t(8), t(16), "Studio"],
            ["MARC", d(2026, 3, 9), t(10), t(18), "Studio"],
            ["LUCIE", d(2026, 3, 9), t(15), t(19), "Plage"],  # at two places at once
        ],
    }
    result = check([write_workbook(tmp_path / "prod.xlsx", sheets)])
    assert flatten(result.findings, "code", "cell") == [["PS301", "A2"]]
    events = result.productions[0].table("events")
    assert events is not None
    assert list(events.records("id", "start", "end")) == [
        (0, "2026-03-09 Studio", t(8), t(18)),
        (1, "2026-03-09 Plage", t(15), t(19)),
    ]
