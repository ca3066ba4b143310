"""Workbooks as producers really keep them, read right: each case is built like a real
sheet that once gave a wrong answer without a word (issue "Real workbooks read right").

Each test says what the sheet looks like, then what prodsheets must answer: the conflicts
and amounts it holds found at their cells, and nothing silently dropped or misread.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import minimal_production, write_workbook

from prodsheets.cli import main
from prodsheets.findings import flatten
from prodsheets.pipeline import check, reconcile
from prodsheets.render.report.data import gather

D, T = dt.date, dt.time


def codes(result: Any) -> list[str]:
    return [f.code.code for f in result.findings]


# --- a festival schedule: English headers, wordy dates without a year, AM/PM times ----


def festival(tmp_path: Path) -> Path:
    """A festival's schedule as organisers type it: `Start Time`/`End Time` headers, dates
    as `Friday, July 17`, times as `9:00 PM`, crew calls with `Call Time`/`Wrap Time`."""
    return write_workbook(
        tmp_path / "festival.xlsx",
        {
            "Production": [
                ["Setting", "Value"],
                ["Title", "Riverside Fest"],
                ["Start", D(2026, 7, 15)],
                ["End", D(2026, 7, 19)],
                ["Rules", "custom"],
            ],
            "Crew": [
                ["ID", "Name", "Role", "Contract"],
                ["JO", "Jo Park", "Stage manager", "freelance"],
                ["ALEX", "Alex Kim", "Sound", "freelance"],
            ],
            "Locations": [["ID", "Name"], ["MAIN", "Main Stage"], ["BARN", "The Barn"]],
            "Events": [
                ["ID", "Act", "Date", "Start Time", "End Time", "Stage"],
                ["F1", "The Owls", "Friday, July 17", "7:00 PM", "8:30 PM", "MAIN"],
                ["F2", "Night Trio", "Friday, July 17", "8:00 PM", "9:30 PM", "BARN"],
                ["S1", "Morning Choir", "Sat 18 Jul", "10:00 AM", "11:00 AM", "MAIN"],
            ],
            "Bookings": [
                ["Event", "Who", "Call Time", "Wrap Time"],
                ["F1", "JO", "6:30 PM", "8:30 PM"],
                ["F2", "JO", "7:45 PM", "9:30 PM"],  # Jo on both stages at once
                ["S1", "ALEX", None, None],
            ],
        },
    )


def test_a_festival_schedule_with_its_own_headers_finds_the_double_booking(tmp_path: Path):
    result = check([festival(tmp_path)])
    double = [f for f in result.findings if f.code.code == "PS301"]
    assert flatten(double, "code", "cells") == [["PS301", ["B2", "B3"]]]
    assert "45 min" in double[0].message("en")  # 19:45–20:30
    assert result.exit_code == 1
    events = result.productions[0].tables["events"]
    assert events.col("date") == [D(2026, 7, 17), D(2026, 7, 17), D(2026, 7, 18)]
    assert events.col("start") == [T(19), T(20), T(10)]
    assert "PS126" not in codes(result) and "PS125" not in codes(result)


# --- a broadcast rundown: cues of no length, segments of seconds --------------------------


def test_a_rundown_keeps_its_seconds_and_its_cues_last_no_time(tmp_path: Path) -> None:
    production = minimal_production()
    production["Planning"] = [
        ["Id", "Date", "Début", "Fin", "Intitulé", "Lieu"],
        ["C1", D(2026, 3, 9), T(13, 30), T(13, 30), "Top départ", "STUDIO"],  # a cue
        ["SEG1", D(2026, 3, 9), T(13, 30), T(15, 1), "Plateau", "STUDIO"],
        ["SEG2", D(2026, 3, 9), T(15, 1, 0), T(15, 1, 30), "Jingle", "STUDIO"],  # 30 s
        ["SEG3", D(2026, 3, 9), T(15, 1, 15), T(15, 3), "Reportage", "STUDIO"],
    ]
    production["Affectations"] = [
        ["Séquence", "Qui"],
        ["C1", "LUCIE"],
        ["SEG1", "LUCIE"],
        ["SEG2", "LUCIE"],
        ["SEG3", "LUCIE"],  # on the jingle and the report at once for 15 seconds
    ]
    result = check([write_workbook(tmp_path / "rundown.xlsx", production)])
    found = flatten(result.findings, "code", "cells", "message")
    doubles = [f for f in found if f[0] == "PS301"]
    # Lucie, and the studio, on the jingle and the report at once for 15 seconds.
    assert [f[1] for f in doubles] == [["B4", "B5"], ["F4", "F5"]]
    assert all("15 s" in f[2] and "15:01:15" in f[2] for f in doubles)
    assert not any("24 h" in f[2] or "22 h" in f[2] for f in found)  # no cue became a day
    assert [f[0] for f in found] == ["PS301", "PS301"]  # an overlap, not also a travel time


# --- a call sheet: start times, no end ------------------------------------------------


def test_a_call_sheet_with_start_times_only_keeps_its_people_and_its_findings(tmp_path: Path):
    production = minimal_production()
    production["Planning"] = [
        ["Id", "Date", "Début", "Fin", "Intitulé", "Lieu"],
        ["S1", D(2026, 3, 9), T(8), None, "Séquence 1", "STUDIO"],
    ]
    production["Affectations"] = [
        ["Séquence", "Qui", "Convocation"],
        ["S1", "LUCIE", T(7, 30)],
        ["S1", "MARCO", None],  # an unknown id, on the day's only event
    ]
    result = check([write_workbook(tmp_path / "callsheet.xlsx", production)])
    assert flatten(result.findings, "code", "cell") == [["PS114", "B3"], ["PS131", "D2"]]
    (day,) = gather(result, "fr").days
    assert [c.who for c in day.calls] == ["LUCIE"]  # on the call sheet, called at 07:30
    assert sorted(f.code.code for f in day.findings) == ["PS114", "PS131"]


# --- a hand-typed budget --------------------------------------------------------------


def test_a_hand_typed_english_budget_reads_every_amount_at_its_value(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "budget.xlsx",
        {
            "Production": [["Setting", "Value"], ["Title", "Short"], ["Language", "en"]],
            "Budget": [
                ["Code", "Description", "Qty", "Unit Price", "Total"],
                ["01", "Camera package", 1, "$12,000", "$12,000"],
                ["02", "Lights", 2, "1,200", "2,400"],
                ["03", "Van", 1, "600,-", 600],
                ["04", "Catering", 3, "450 €/day", "#VALUE!"],  # the rate typed with its unit
                [None, "Total", None, None, "=SUM(E2:E5)"],
            ],
        },
    )
    result = reconcile(path)
    lines = {x.code: x.budget for x in result.reconciliation.lines}
    assert lines == {"01": Decimal(12000), "02": Decimal(2400), "03": Decimal(600), "04": 0}
    found = result.findings  # a budget alone needs nothing else
    assert flatten(found, "code", "cells") == [["PS129", ["D5", "E5"]], ["PS130", ["E6"]]]
    assert "“450 €/day”" in found[0].message("en")


def test_totals_a_tool_saved_without_results_are_one_information(tmp_path: Path) -> None:
    rows = [["Code", "Libellé", "Quantité", "Tarif", "Total"]]
    rows += [[f"{n:02d}", f"Poste {n}", 1, 100, f"=C{n + 1}*D{n + 1}"] for n in range(1, 71)]
    rows.append(["99", "Poste 99", 1, "deux cents", "=C72*D72"])
    path = write_workbook(tmp_path / "devis.xlsx", {"Devis": rows})
    result = check([path])
    found = result.findings  # a budget alone needs nothing else
    assert flatten(found, "code", "cell", "severity") == [
        ["PS130", "E2", "info"],
        ["PS108", "D72", "error"],
    ]
    assert len(found[0].locations) == 71


def test_seventy_identical_findings_down_a_column_are_one_with_its_range(tmp_path: Path):
    production = minimal_production()
    for _ in range(20):
        production["Affectations"].append(["S2", "MARCO"])  # a crew member renamed
    result = check([write_workbook(tmp_path / "p.xlsx", production)])
    (f,) = [f for f in result.findings if f.code.code == "PS114"]
    assert (f.repeats, f.span, len(f.locations)) == (20, "B5:B24", 20)
    data = f.to_json("fr")
    assert (data["count"], data["range"]) == (20, "B5:B24")
    out = CliRunner().invoke(main, ["check", str(tmp_path / "p.xlsx")]).output
    assert "Affectations!B5:B24 (20 cellules)" in out


# --- a planning with the date typed once over the day's rows ------------------------------


def test_a_date_merged_over_a_days_rows_belongs_to_each_of_them(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    production = minimal_production()
    production["Planning"] = [
        ["Date", "Id", "Début", "Fin", "Intitulé", "Lieu", "Repli"],
        [D(2026, 3, 9), "S1", T(8), T(12), "Séquence 1", "STUDIO"],
        [None, "S2", T(11), T(14), "Séquence 2", "PLAGE", "STUDIO"],
        [None, "S3", T(20), T(23, 30), "Séquence 3", "STUDIO"],
        [D(2026, 3, 10), "S4", T(6), T(9), "Séquence 4", "STUDIO"],
    ]
    production["Affectations"] = [
        ["Séquence", "Qui"],
        ["S1", "LUCIE"],
        ["S2", "LUCIE"],  # overlaps S1
        ["S3", "MARC"],
        ["S4", "MARC"],  # 6 h 30 of rest after S3
    ]
    path = write_workbook(tmp_path / "planning.xlsx", production)
    wb = load_workbook(path)
    wb["Planning"].merge_cells("A2:A4")
    wb.save(path)
    result = check([path])
    assert flatten(result.findings, "code") == [["PS301"], ["PS307"]]
    assert result.productions[0].tables["events"].col("date")[:3] == [D(2026, 3, 9)] * 3


# --- sheets and columns recognised by what they hold ------------------------------------


def test_a_breakdown_named_scenes_is_not_a_second_locations_table(tmp_path: Path) -> None:
    production = minimal_production()
    production["Scènes"] = [
        ["Séq.", "Effet", "Int/Ext", "Pages", "Résumé"],
        ["12", "Jour", "Ext", "1 3/8", "Léa arrive"],
    ]
    result = check([write_workbook(tmp_path / "p.xlsx", production)])
    assert flatten(result.findings, "code", "sheet") == [["PS012", None]]
    assert "« Scènes »" in result.findings[0].message("fr")


def test_a_weekday_column_headed_jour_is_not_read_as_dates(tmp_path: Path) -> None:
    production = minimal_production()
    production["Planning"] = [["Jour", *production["Planning"][0]]] + [
        ["Lundi", *row] for row in production["Planning"][1:]
    ]
    result = check([write_workbook(tmp_path / "p.xlsx", production)])
    assert flatten(result.findings, "code", "cell") == [["PS124", "A1"]]


def test_a_crew_sheet_named_otherwise_is_said_once(tmp_path: Path) -> None:
    production = minimal_production()
    production["Equipo"] = production.pop("Équipe")
    result = check([write_workbook(tmp_path / "p.xlsx", production)])
    assert sorted(codes(result)) == ["PS013", "PS127", "PS127"]
    (said,) = [f for f in result.findings if f.code.code == "PS013"]
    assert "Renommez la feuille « Équipe »" in said.hint("fr")


def test_a_bookings_sheet_whose_headers_are_unknown_is_said_once(tmp_path: Path) -> None:
    production = minimal_production()
    production["Affectations"] = [["Scene", "Person", "Note"], ["S1", "LUCIE", "x"]]
    production["Affectations"][0] = ["Qqch", "Autre", "Note"]
    result = check([write_workbook(tmp_path / "p.xlsx", production)])
    assert codes(result) == ["PS104"]  # not also "no sheet is named after a table"


# --- the first steps of a producer ----------------------------------------------------


def test_new_then_check_is_clean_without_any_option(tmp_path: Path) -> None:
    run = CliRunner().invoke(main, ["new", str(tmp_path / "mon-film")])
    assert run.exit_code == 0
    done = CliRunner().invoke(main, ["check", str(tmp_path / "mon-film")])
    assert (done.exit_code, done.output) == (0, "mon-film : 0 erreur, 0 avertissement.\n")


def test_new_refuses_an_end_before_the_start(tmp_path: Path) -> None:
    args = ["new", str(tmp_path / "f"), "--start", "10/03/2026", "--end", "09/03/2026"]
    run = CliRunner().invoke(main, args)
    assert run.exit_code == 2 and "la fin précède le début" in run.output
    assert not (tmp_path / "f").exists()


def test_a_copy_beside_its_original_is_said_once_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "prod"
    write_workbook(folder / "budget.xlsx", minimal_production())
    broken = minimal_production()
    broken["Devis"][1][6] = 1  # the copy holds an old mistake: it must not be reported
    write_workbook(folder / "budget (copie).xlsx", broken)
    result = check([folder])
    assert flatten(result.findings, "code", "file") == [["PS011", "budget (copie).xlsx"]]


def test_whatif_takes_an_id_as_check_suggests_it(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "p.xlsx", minimal_production())
    run = CliRunner().invoke(main, ["whatif", str(path), "--absent", "lucie"])
    assert run.exit_code == 0, run.output
    assert "Lucie Martin absent(e)" in run.output


# --- the language of a production that cannot be read --------------------------------


def cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    return subprocess.run(
        [sys.executable, "-m", "prodsheets", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**environ, **env},
    )


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, ["n'existe pas"]),
        ({"LANG": "en_GB.UTF-8"}, ["does not exist"]),
        ({}, ["n'existe pas", "does not exist"]),  # no locale: both, French first
    ],
)
def test_a_wrong_folder_is_said_in_the_users_language(
    tmp_path: Path, env: dict[str, str], expected: list[str]
) -> None:
    done = cli("check", str(tmp_path / "nowhere"), **env)
    assert done.returncode == 2
    said = [line for line in done.stdout.splitlines() if "PS001" in line]
    assert [next(e for e in expected if e in line) for line in said] == expected


def test_usage_errors_follow_lang_then_the_locale() -> None:
    done = cli("check", "--format", "xml", "x", LANG="fr_FR.UTF-8")
    assert done.returncode == 2
    assert "Erreur : Valeur invalide pour '--format' : « xml » n'est pas parmi" in done.stderr
    assert "Error:" not in done.stderr
    done = cli("check", "--format", "xml", "--lang", "en", "x", LANG="fr_FR.UTF-8")
    assert "Error: Invalid value for '--format'" in done.stderr and "Erreur" not in done.stderr
