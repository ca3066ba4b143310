"""Reading workbooks as producers lay them out: any format, header anywhere near the top,
columns by name in either language, values as typed, every value at its own cell."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import Sheets, write_workbook

from prodsheets.findings import flatten
from prodsheets.io import load_production
from prodsheets.pipeline import check


def test_a_table_below_a_title_and_to_the_right_keeps_its_real_cells(
    production: Sheets, tmp_path: Path
) -> None:
    # The crew table starts at C5, under a title and a blank row, as producers lay sheets out.
    crew = production["Équipe"]
    production["Équipe"] = [["ÉQUIPE — Le Grand Départ"], [], ["mise à jour le 2 mars"], []] + [
        [None, None, *row] for row in crew
    ]
    production["Équipe"].append([None, None, "LUCIE", "Lucie Bis"])  # C8 duplicates C6
    result = check([write_workbook(tmp_path / "p.xlsx", production)])
    assert flatten(result.findings, "code", "cells", "id") == [["PS105", ["C8", "C6"], "LUCIE"]]
    crew_table = load_production(tmp_path / "p.xlsx")[0].tables["crew"]
    assert crew_table.header_row == 5 and crew_table.rows == [6, 7, 8]


def test_columns_match_whatever_the_case_accents_spaces_or_language(
    production: Sheets, tmp_path: Path
) -> None:
    production["Équipe"][0] = [
        "ID",
        "NOM",
        "poste",
        "CONTRAT",
        "tarif_jour",
        "Budget code",
        "Mes notes",
    ]
    production["Lieux"][0] = ["id", "Name", "Address", "exterieur"]
    prod, findings = load_production(write_workbook(tmp_path / "p.xlsx", production))
    # The producer's own column is kept and said once, not dropped without a word.
    assert flatten(findings, "code", "cell") == [["PS124", "G1"]]
    assert "“Mes notes”" in findings[0].message("en")
    crew = prod.tables["crew"]
    assert crew.col("day_rate") == [Decimal(450), Decimal(380)]
    assert crew.col("budget_code") == ["02.01", "02.02"]
    assert prod.tables["locations"].col("outdoor") == [True, False]


def test_sheet_names_in_either_language_and_any_case(production: Sheets, tmp_path: Path) -> None:
    production["CREW"] = production.pop("Équipe")
    production["equipe "] = production.pop("Matériel")  # a typo: not the Resources sheet
    prod, _ = load_production(write_workbook(tmp_path / "p.xlsx", production))
    assert prod.tables["crew"].sheet == "CREW"


def test_values_as_producers_type_them(production: Sheets, tmp_path: Path) -> None:
    production["Équipe"][1][4] = "1 234,56 €"
    production["Équipe"][2][4] = "450,5\u202f€"
    production["Planning"][1][1:4] = ["09/03/2026", "8h", "12h30"]
    production["Planning"][2][1:4] = ["2026-03-09", "14:00", "0:30"]  # wraps after midnight
    production["Lieux"][1][3] = "X"
    prod, findings = load_production(write_workbook(tmp_path / "p.xlsx", production))
    assert findings == []
    assert prod.tables["crew"].col("day_rate") == [Decimal("1234.56"), Decimal("450.5")]
    events = prod.tables["events"]
    assert events.col("date") == [dt.date(2026, 3, 9)] * 2
    assert events.col("start") == [dt.time(8), dt.time(14)]
    assert events.col("end") == [dt.time(12, 30), dt.time(0, 30)]
    assert prod.tables["locations"].col("outdoor") == [True, False]


def test_excel_serial_dates_in_the_1904_system(production: Sheets, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    path = write_workbook(tmp_path / "p.xlsx", production)
    wb = load_workbook(path)
    wb.epoch = CALENDAR_MAC_1904
    wb["Planning"]["B2"].value = 44714  # a bare number, no date format: 1904-01-01 + 44714 days
    wb["Planning"]["B3"].value = dt.date(2026, 3, 9)  # a real date cell in a 1904 workbook
    wb.save(path)
    prod, findings = load_production(path)
    assert findings == []
    assert prod.tables["events"].col("date") == [dt.date(2026, 6, 3), dt.date(2026, 3, 9)]


def test_a_formula_without_a_saved_result_is_never_read_as_zero(
    production: Sheets, tmp_path: Path
) -> None:
    production["Équipe"][1][4] = "=400+50"  # a day rate computed by a formula never saved
    prod, findings = load_production(write_workbook(tmp_path / "p.xlsx", production))
    assert flatten(findings, "code", "cell") == [["PS113", "E2"]]
    assert prod.tables["crew"].col("day_rate")[0] is None


def test_line_totals_never_saved_are_one_information_since_they_are_recomputed(
    production: Sheets, tmp_path: Path
) -> None:
    # A budget written by a tool that saves formulas without results: every Total cell.
    for row in production["Devis"][1:]:
        row[6] = "=D2*F2"
    prod, findings = load_production(write_workbook(tmp_path / "p.xlsx", production))
    assert flatten(findings, "code", "cells") == [["PS130", ["G2", "G3", "G4", "G5", "G6"]]]
    assert findings[0].level.value == "info"
    assert prod.tables["budget"].col("total") == [None] * 5


def test_blank_rows_are_skipped_and_row_numbers_kept(production: Sheets, tmp_path: Path) -> None:
    production["Affectations"].insert(2, [])
    production["Affectations"].insert(2, [None, None, None, None, "a note in an unknown column"])
    prod, _ = load_production(write_workbook(tmp_path / "p.xlsx", production))
    assert prod.tables["bookings"].rows == [2, 5, 6]


def test_one_workbook_per_concern_in_a_folder(production: Sheets, tmp_path: Path) -> None:
    folder = tmp_path / "prod"
    write_workbook(folder / "budget.xlsx", {k: production[k] for k in ("Production", "Devis")})
    write_workbook(
        folder / "crew.xlsx", {k: production[k] for k in ("Équipe", "Matériel", "Indisponibilités")}
    )
    write_workbook(
        folder / "schedule.xlsx", {k: production[k] for k in ("Lieux", "Planning", "Affectations")}
    )
    production["Affectations"][1][1] = "LUCE"
    write_workbook(
        folder / "schedule.xlsx", {k: production[k] for k in ("Lieux", "Planning", "Affectations")}
    )
    result = check([folder])
    assert flatten(result.findings, "code", "file", "sheet", "cell") == [
        ["PS114", "schedule.xlsx", "Affectations", "B2"]
    ]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (.ci/run installs it)")
@pytest.mark.parametrize(("suffix", "filter_name"), [("ods", "ods"), ("xls", "xls:MS Excel 97")])
def test_the_same_production_in_other_formats(
    production: Sheets, tmp_path: Path, suffix: str, filter_name: str
) -> None:
    production["Affectations"][1][1] = "LUCE"
    source = write_workbook(tmp_path / "src" / "prod.xlsx", production)
    out = tmp_path / "out"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            filter_name,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = out / f"prod.{suffix}"
    result = check([converted])
    assert flatten(result.findings, "code", "file", "sheet", "cell") == [
        ["PS114", f"prod.{suffix}", "Affectations", "B2"]
    ]


def test_a_working_time_setting_out_of_range_is_said_and_the_preset_stays(
    production: Sheets, tmp_path: Path
) -> None:
    production["Production"] += [["Jours consécutifs max", -1], ["Seuil de risque", 40]]
    path = write_workbook(tmp_path / "prod.xlsx", production)
    loaded, findings = load_production(path)
    assert [(f.code.code, f.location.cell) for f in findings] == [("PS120", "B6"), ("PS120", "B7")]
    assert findings[0].message("fr") == (
        "Jours consécutifs max : -1 est hors limites ; attendu : 1 ou plus."
    )
    assert "max_consecutive_days" not in loaded.settings
    assert "risk_threshold" not in loaded.settings
