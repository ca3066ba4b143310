"""Workbooks laid out as producers keep them, read as they are: `adopt` proposes the mapping,
`check` then finds what they hold, at the producer's own cells, and nothing else.

Each production below is built like the real ones found in public repositories (a
festival's line-up with a sheet per stage, a roster with people down the side and dates
across the top, call sheets one per day, a budget typed in its own columns).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import Sheets, write_workbook

from prodsheets.cli import main
from prodsheets.findings import flatten
from prodsheets.io.load import load_production
from prodsheets.pipeline import check

d, t = dt.date, dt.time


def adopt(folder: Path, *args: str) -> tuple[int, str]:
    done = CliRunner().invoke(main, ["adopt", str(folder), *args])
    return done.exit_code, done.output


def found(folder: Path) -> list[list[object]]:
    return flatten(check([folder]).findings, "code", "file", "sheet", "cell")


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.iterdir()
        if p.name != "prodsheets.xlsx"
    }


# --- a festival: a sheet per stage, Start Time / End Time -------------------------------


def festival(root: Path) -> Path:
    folder = root / "festival"
    write_workbook(
        folder / "lineup.xlsx",
        {
            "Main Stage": [
                ["Date", "Start Time", "End Time", "Artist", "Crew"],
                [d(2026, 7, 18), t(18, 0), t(19, 0), "Les Ogres", "Sam, Nora"],
                [d(2026, 7, 18), t(19, 30), t(21, 0), "Echo Valley", "Sam"],
                [d(2026, 7, 18), t(20, 30), t(22, 0), "Brass Band", "Nora"],  # the stage twice
                [d(2026, 7, 19), t(2, 0), t(3, 0), "Night Set", "Nora"],  # 4 h of rest
            ],
            "Club Stage": [
                ["Date", "Start Time", "End Time", "Artist", "Crew"],
                [d(2026, 7, 18), t(20, 0), t(21, 0), "DJ Kora", "Sam"],  # Sam on both stages
            ],
            "Crew": [
                ["Name", "Role", "Phone"],
                ["Sam Durand", "Stage manager", "0600000001"],
                ["Nora Lee", "Sound engineer", "0600000002"],
            ],
        },
    )
    return folder


def test_a_festival_with_a_sheet_per_stage_is_adopted_and_checked(tmp_path: Path) -> None:
    folder = festival(tmp_path)
    before = digest(folder)
    code, output = adopt(folder, "--lang", "en")
    assert "lineup.xlsx › Main Stage → Events (headers in row 1) — sure" in output
    assert "location           “Main Stage” (sheet name)" in output
    assert "id                 (from the name)" in output
    assert digest(folder) == before  # the producer's workbook is never written
    assert code == 1
    assert found(folder) == [
        # Echo Valley and Brass Band on the Main Stage at once
        ["PS301", "lineup.xlsx", "Main Stage", "A3"],
        # Sam Durand on the Main Stage and the Club Stage at once
        ["PS301", "lineup.xlsx", "Main Stage", "E3"],
        # Nora Lee: 22:00 to 02:00, four hours of rest
        ["PS307", "lineup.xlsx", "Main Stage", "E5"],
    ]


# --- a roster: people down the side, dates across the top -------------------------------


def roster(root: Path) -> Path:
    folder = root / "roster"
    write_workbook(
        folder / "planning équipe.xlsx",
        {
            "Octobre": [
                ["Planning équipe technique — octobre 2026"],
                ["Lieu : Théâtre du Rond-Point"],
                ["Nom", "lun. 5 oct.", "mar. 6 oct.", "mer. 7 oct.", "jeu. 8 oct.", "ven. 9 oct."],
                ["Lucie Martin", "08:00-16:00", "08:00-16:00", "08:00-16:00", "R", "repos"],
                ["Marc Hoarau", "14h-23h", "7h-15h", None, "repos", None],  # 8 h of rest
                ["Awa Diallo", None, None, "08:00-12:00 / 10:00-18:00", None, None],  # twice
                ["Paul Henry", "M", "M", None, None, "X9"],  # X9 is no shift
                ["À pourvoir", None, None, None, "09:00-17:00", None],  # nobody yet
                ["Total", "24 h", "24 h", "18 h", "8 h", None],
            ],
            "Légende": [["Code", "Horaires", "Libellé"], ["M", "06:00-14:00", "Matin"]],
        },
    )
    return folder


def test_a_roster_grid_is_adopted_and_checked(tmp_path: Path) -> None:
    folder = roster(tmp_path)
    code, output = adopt(folder, "--lang", "fr")
    assert "planning équipe.xlsx › Octobre → Grille (en-têtes ligne 3) — sûr" in output
    assert "lieu               « Lieu : Théâtre du Rond-Point » (cellule A2)" in output
    assert (
        "Lues telles quelles (déjà nommées comme une table) : planning équipe.xlsx › Légende"
        in output
    )
    assert code == 1
    where = ["planning équipe.xlsx", "Octobre"]
    assert found(folder) == [
        ["PS133", *where, "B4"],  # no Crew sheet: the names are the crew (info)
        ["PS307", *where, "C5"],  # Marc Hoarau: 23:00 to 07:00
        ["PS301", *where, "D6"],  # Awa Diallo's two shifts overlap
        ["PS132", *where, "F7"],  # « X9 »
        ["PS330", *where, "E8"],  # a slot to fill on Thursday
    ]
    production, _ = load_production(folder)
    bookings = production.table("bookings")
    assert bookings is not None
    paul = [i for i, who in bookings.records("who") if who == "PAUL"]
    assert [bookings.col("call")[i] for i in paul] == [t(6, 0), t(6, 0)]  # M = 06:00-14:00
    assert [bookings.cell(i, "who").cell for i in paul] == ["B7", "C7"]


# --- call sheets, one per day -------------------------------------------------------------


def call_sheet(day: str, end: str, calls: list[tuple[str, str, dt.time]]) -> list[list[object]]:
    return [
        ["Feuille de service — Les Ombres"],
        [f"Date : {day}"],
        ["Lieu : Studio 5"],
        [f"Fin prévue : {end}"],
        [],
        ["Nom", "Poste", "Convocation"],
        *[[name, role, call] for name, role, call in calls],
    ]


def call_sheets(root: Path) -> Path:
    folder = root / "callsheets"
    lucie, marc = ("Lucie Martin", "Cheffe opératrice"), ("Marc Hoarau", "Ingénieur du son")
    write_workbook(
        folder / "feuilles de service.xlsx",
        {
            "J1": call_sheet("08/10/2026", "21h00", [(*lucie, t(10, 0)), (*marc, t(12, 0))]),
            # Lucie is called at 05:30 after a 21:00 wrap: 8 h 30 of rest
            "J2": call_sheet("09/10/2026", "17h00", [(*lucie, t(5, 30)), (*marc, t(9, 0))]),
        },
    )
    return folder


def test_call_sheets_are_adopted_and_checked(tmp_path: Path) -> None:
    folder = call_sheets(tmp_path)
    code, output = adopt(folder, "--lang", "fr")
    assert "date               « Date : 08/10/2026 » (cellule A2)" in output
    assert "fin                « Fin prévue : 21h00 » (cellule A4)" in output
    assert code == 1
    assert found(folder) == [
        ["PS133", "feuilles de service.xlsx", "J1", "A7"],
        ["PS307", "feuilles de service.xlsx", "J2", "A7"],
    ]
    production, _ = load_production(folder)
    events = production.table("events")
    assert events is not None
    # One event a day: from the first call to the wrap the sheet announces.
    assert [(e.isoformat(), s, f) for _, e, s, f in events.records("date", "start", "end")] == [
        ("2026-10-08", t(10, 0), t(21, 0)),
        ("2026-10-09", t(5, 30), t(17, 0)),
    ]


# --- a budget in its own columns ------------------------------------------------------------


def budget(root: Path) -> Path:
    folder = root / "budget"
    write_workbook(
        folder / "budget.xlsx",
        {
            "Feuil1": [
                ["Budget prévisionnel — Les Ombres"],
                [],
                ["N°", "Poste", "Qté", "Prix unitaire", "Montant"],
                [1, "Régisseur", 10, 250, 2500],
                [2, "Location caméra", 5, 600, 3500],  # 5 × 600 is 3 000
                [3, "Transport", 1, 400, 400],
                [None, "Total", None, None, 6400],
            ],
        },
    )
    return folder


def test_a_budget_in_its_own_columns_is_adopted_and_checked(tmp_path: Path) -> None:
    folder = budget(tmp_path)
    code, output = adopt(folder, "--lang", "fr")
    assert "budget.xlsx › Feuil1 → Devis (en-têtes ligne 3) — sûr" in output
    assert "tarif              « Prix unitaire » (en-tête)" in output
    assert code == 1
    assert found(folder) == [["PS201", "budget.xlsx", "Feuil1", "E5"]]


# --- the mapping itself ----------------------------------------------------------------------


def mapping(rows: list[list[object]], **more: list[list[object]]) -> Sheets:
    head = ["Classeur", "Feuille", "Table", "Champ", "Colonne", "Valeur", "Ligne d'en-tête"]
    return {"Correspondances": [head, *rows], **more}


def test_a_mapping_typed_by_hand_groups_rows_and_repeats_blank_cells(tmp_path: Path) -> None:
    folder = festival(tmp_path)
    rows: list[list[object]] = []
    for stage in ("Main Stage", "Club Stage"):
        rows += [
            ["lineup.xlsx", stage, "Planning", "date", "Date"],
            [None, None, None, "début", "Start Time"],
            [None, None, None, "fin", "C"],  # a column's letter
            [None, None, None, "qui", "Crew"],
            [None, None, None, "lieu", None, "nom de la feuille"],
        ]
    rows += [
        ["lineup.xlsx", "Crew", "Équipe", "nom", "Name"],
        [None, None, None, "id", None, "d'après le nom"],
    ]
    write_workbook(folder / "prodsheets.xlsx", mapping(rows))
    assert [f[0] for f in found(folder)] == ["PS301", "PS301", "PS307"]


def test_mapping_rows_that_cannot_be_used_are_said_at_their_cell(tmp_path: Path) -> None:
    folder = festival(tmp_path)
    rows: list[list[object]] = [
        ["lineup.xlsx", "Main Stage", "Programme", "date", "Date"],  # no such table
        ["lineup.xlsx", "Main Stage", "Planning", "couleur", "Start Time"],  # no such field
        ["lineup.xlsx", "Side Stage", "Planning", "date", "Date"],  # no such sheet
        ["lineup.xlsx", "Club Stage", "Planning", "date", "Jour"],  # no such column
        [None, None, None, "début", "Start Time"],
    ]
    write_workbook(folder / "prodsheets.xlsx", mapping(rows))
    said = flatten(check([folder]).findings, "code", "file", "cell")
    assert ["PS014", "prodsheets.xlsx", "C2"] in said
    assert ["PS014", "prodsheets.xlsx", "D3"] in said
    assert ["PS015", "prodsheets.xlsx", "B4"] in said
    assert ["PS016", "prodsheets.xlsx", "E5"] in said


def test_adopt_never_replaces_a_mapping_without_force(tmp_path: Path) -> None:
    folder = budget(tmp_path)
    assert adopt(folder)[0] == 1
    first = (folder / "prodsheets.xlsx").read_bytes()
    code, output = adopt(folder, "--lang", "en")
    assert code == 2 and "already exists" in output
    assert (folder / "prodsheets.xlsx").read_bytes() == first
    assert adopt(folder, "--force")[0] == 1


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    folder = budget(tmp_path)
    code, output = adopt(folder, "--dry-run", "--lang", "en")
    assert code == 0 and "Nothing was written" in output
    assert not (folder / "prodsheets.xlsx").exists()


def test_the_proposal_is_json_for_scripts(tmp_path: Path) -> None:
    import json

    folder = roster(tmp_path)
    done = CliRunner().invoke(main, ["adopt", str(folder), "--dry-run", "--format", "json"])
    proposal = json.loads(done.stdout)
    sheet = next(s for s in proposal["sheets"] if s["table"] == "roster")
    assert sheet["header_row"] == 3
    assert {f["field"] for f in sheet["fields"]} == {"who", "location"}
    assert proposal["settings"]["start"] == "2026-10-05"


@pytest.mark.parametrize(
    ("names", "ids"),
    [
        (["Lucie Martin", "Marc Hoarau"], ["LUCIE", "MARC"]),
        (["Lucie Martin", "Lucie Durand"], ["LUCIE M", "LUCIE D"]),
        (["Élodie Père", None], ["ELODIE", None]),
    ],
)
def test_ids_are_made_from_names_as_an_office_writes_them(names: list, ids: list) -> None:
    from prodsheets.io.mapped import ids_from_names

    assert ids_from_names(names) == ids


# --- two real workbooks (a public repository's, names pseudonymised) --------------------

PUBLIC = Path(__file__).parent / "data" / "public" / "runsheet-generator"


def test_a_real_roster_grid_is_adopted_as_it_is(tmp_path: Path) -> None:
    """An aquatic centre's week: 47 people down the side, the days across the top."""
    import shutil

    folder = tmp_path / "roster"
    folder.mkdir()
    shutil.copy(PUBLIC / "roster.xlsx", folder)
    code, output = adopt(folder, "--lang", "en")
    assert "roster.xlsx › Sheet1 → Roster (headers in row 3) — sure" in output
    assert "location           “Location: Orion Lagoon” (cell A2)" in output
    assert "start = 2023-10-30, end = 2023-11-05" in output  # the year from its title
    assert code == 0
    assert found(folder) == [
        ["PS124", "roster.xlsx", "Sheet1", "I3"],  # “Weekly Totals”
        ["PS133", "roster.xlsx", "Sheet1", "B4"],  # the names are the crew
        ["PS330", "roster.xlsx", "Sheet1", "B51"],  # the three slots marked Vacant
        ["PS330", "roster.xlsx", "Sheet1", "C51"],
        ["PS330", "roster.xlsx", "Sheet1", "G51"],
    ]
    production, _ = load_production(folder)
    bookings = production.table("bookings")
    assert bookings is not None and len(bookings) == 141


def test_real_run_sheets_a_sheet_per_day_agree_with_their_roster(tmp_path: Path) -> None:
    """The same week as run sheets (one per day, breaks typed « 10 | 30 | 10 »): the same
    three slots to fill, found on the days' own sheets."""
    import shutil

    folder = tmp_path / "runsheets"
    folder.mkdir()
    shutil.copy(PUBLIC / "runsheet_by_day.xlsx", folder)
    code, output = adopt(folder, "--lang", "en")
    assert "runsheet_by_day.xlsx › Monday → Bookings (headers in row 2) — sure" in output
    assert "date               “Monday, 30 Oct 2023” (cell A1)" in output
    assert "break              “Breaks” (header)" in output
    assert code == 0
    slots = [f for f in check([folder]).findings if f.code.code == "PS330"]
    assert sorted(f.message("en").split(" on ")[1][:10] for f in slots) == [
        "2023-10-30",
        "2023-10-31",
        "2023-11-04",
    ]


# --- a mapping gone wrong is said, never passed over -------------------------------------


def edited(folder: Path, cell: str, value: object) -> None:
    from openpyxl import load_workbook

    path = folder / "prodsheets.xlsx"
    wb = load_workbook(path)
    wb.worksheets[0][cell] = value
    wb.save(path)


def test_a_misspelt_roster_field_is_a_mapping_row_not_a_crash(tmp_path: Path) -> None:
    folder = roster(tmp_path)
    adopt(folder)
    edited(folder, "D2", "xyz")
    said = flatten(check([folder]).findings, "code", "file", "cell")
    assert ["PS014", "prodsheets.xlsx", "D2"] in said


def test_a_roster_header_row_without_dates_is_said(tmp_path: Path) -> None:
    folder = roster(tmp_path)
    adopt(folder)
    edited(folder, "G2", 4)  # the names' row, one too low
    result = check([folder])
    assert ["PS016", "prodsheets.xlsx"] in flatten(result.findings, "code", "file")
    assert result.exit_code != 0  # nothing of the roster read, and said


def test_a_mapping_workbook_without_its_mapping_sheet_is_said(tmp_path: Path) -> None:
    folder = festival(tmp_path)
    write_workbook(folder / "prodsheets.xlsx", {"Production": [["Paramètre", "Valeur"]]})
    result = check([folder])
    codes = [f[0] for f in flatten(result.findings, "code")]
    assert "PS014" in codes
    assert result.exit_code != 0


def test_a_mapped_letter_pointing_at_an_empty_column_is_said(tmp_path: Path) -> None:
    folder = roster(tmp_path)
    adopt(folder)
    edited(folder, "E3", "Z")  # the location from column Z, which holds nothing
    edited(folder, "F3", None)
    said = flatten(check([folder]).findings, "code", "file", "cell")
    assert ["PS016", "prodsheets.xlsx", "E3"] in said


def test_adopt_on_a_folder_that_does_not_exist_says_so(tmp_path: Path) -> None:
    code, output = adopt(tmp_path / "nosuch", "--lang", "en")
    assert code == 2 and "PS001" in output and "Traceback" not in output
    code, output = adopt(tmp_path, "--lang", "en")
    assert code == 2 and "PS002" in output


def test_shifts_with_nobody_named_and_an_x_are_said_not_dropped(tmp_path: Path) -> None:
    folder = roster(tmp_path)
    adopt(folder)
    from openpyxl import load_workbook

    path = folder / "planning équipe.xlsx"
    wb = load_workbook(path)
    wb["Octobre"]["A6"] = None  # Awa's name wiped, her shifts still there
    wb["Octobre"]["F4"] = "x"  # a mark, not a time
    wb.save(path)
    said = flatten(check([folder]).findings, "code", "cell")
    assert ["PS112", "A6"] in said
    assert ["PS132", "F4"] in said


def test_a_workbook_checked_alone_uses_only_its_own_mapping_rows(tmp_path: Path) -> None:
    folder = festival(tmp_path)
    (budget(tmp_path) / "budget.xlsx").rename(folder / "budget.xlsx")
    adopt(folder)
    result = check([folder / "lineup.xlsx"])  # the budget's rows are not its business
    codes = [f[0] for f in flatten(result.findings, "code")]
    assert "PS015" not in codes and "PS201" not in codes
    assert codes.count("PS301") == 2
