"""Contingency checks (PS5xx): covers, backup vendors, key people, risks."""

from __future__ import annotations

from pathlib import Path

from conftest import Sheets, write_workbook

from prodsheets.findings import flatten
from prodsheets.pipeline import check

RISKS = ["Id", "Risque", "Probabilité", "Impact", "Prévention", "Plan de secours", "Responsable"]


def run(sheets: Sheets, tmp_path: Path) -> list:
    return check([write_workbook(tmp_path / "prod.xlsx", sheets)], select=["PS5"]).findings


def test_an_outdoor_event_without_cover_names_it_the_day_and_where(
    production: Sheets, tmp_path: Path
) -> None:
    production["Planning"][1][6] = None  # S1, on the beach, loses its cover
    found = run(production, tmp_path)
    assert flatten(found, "code", "cell", "severity") == [["PS501", "G2", "warning"]]
    assert found[0].message("fr") == (
        "S1 « Séquence 1 » est en extérieur (Plage de l'Hermitage) le 09/03/2026 08:00–12:00 "
        "et n'a pas de repli : la pluie ou la perte du lieu l'arrêtent."
    )
    assert "whatif --rain 2026-03-09" in found[0].hint("en")


def test_indoor_events_and_covered_ones_need_nothing(production: Sheets, tmp_path: Path) -> None:
    assert run(production, tmp_path) == []  # S1 outdoors with a cover, S2 indoors without


def test_a_critical_vendor_without_backup_but_not_a_plain_one(
    production: Sheets, tmp_path: Path
) -> None:
    production["Prestataires"] = [
        ["Id", "Nom", "Critique", "Secours"],
        ["LOC", "Loueur caméra", "oui", None],
        ["LOC2", "Loueur de secours", "non", None],
        ["CANT", "Cantine", "oui", "LOC2"],
    ]
    production["Matériel"][0].append("Prestataire")
    production["Matériel"][1].append("LOC")
    found = run(production, tmp_path)
    assert flatten(found, "code", "cell") == [["PS502", "D2"]]
    assert found[0].message("en") == (
        "Loueur caméra (LOC) is critical and has no backup vendor (its Caméra Alexa Mini "
        "booked from 2026-03-09 to 2026-03-09)."
    )


def test_a_key_person_is_alone_in_role_and_department_without_backup(
    production: Sheets, tmp_path: Path
) -> None:
    crew = production["Équipe"]
    crew[0] += ["Département", "Remplaçant"]
    crew[1] += ["Image", None]  # LUCIE: alone in Image, no backup → info
    crew[2] += ["Son", None]  # MARC: alone in Son too…
    crew.append(["JO", "Jo Hoarau", "Perchman", "intermittent", 250, "02.02", "Son", None])
    found = run(production, tmp_path)  # …but Jo, in Son, can stand in for him
    assert flatten(found, "code", "cells", "severity") == [["PS503", ["H2", "B2"], "info"]]
    assert found[0].message("en") == (
        "Lucie Martin (Chef opératrice) is the only one of the Image department and nobody "
        "else holds the role; booked on 2026-03-09 (first at Plage de l'Hermitage, "
        "2026-03-09), with no backup named."
    )


def test_key_people_are_not_checked_without_a_backup_column_nor_for_cast(
    production: Sheets, tmp_path: Path
) -> None:
    assert run(production, tmp_path) == []  # the clean production has no Remplaçant column
    crew = production["Équipe"]
    crew[0].append("Remplaçant")
    crew[1][3] = "artiste"  # LUCIE is cast: left to the risk register
    crew[2].append("LUCIE")
    assert run(production, tmp_path) == []


def test_a_risk_without_owner_or_with_a_placeholder_plan(
    production: Sheets, tmp_path: Path
) -> None:
    production["Risques"] = [
        RISKS,
        ["R1", "Pluie", 2, 2, "Météo", "None yet", None],
        ["R2", "Panne", 1, 2, "Révision", "Groupe de secours", "LUCIE"],
        ["R3", "Vol", 1, 2, "Gardien", "à définir", "MARC"],
    ]
    found = run(production, tmp_path)
    assert flatten(found, "code", "cells") == [["PS504", ["G2", "F2"]], ["PS504", ["F4"]]]
    assert found[0].message("fr") == (
        "Le risque R1 « Pluie » n'a pas de responsable ni de plan de secours."
    )
    assert found[1].message("en") == "Risk R3 “Vol” has no backup plan."


def test_a_top_risk_needs_a_mitigation_from_the_threshold_up(
    production: Sheets, tmp_path: Path
) -> None:
    production["Risques"] = [
        RISKS,
        ["R1", "Pluie", 3, 4, None, "Studio", "LUCIE"],  # 12: at the default threshold
        ["R2", "Vent", 3, 3, None, "Studio", "LUCIE"],  # 9: below
        ["R3", "Cyclone", 4, 5, "Bulletins", "Report", "LUCIE"],  # 20, mitigated
        ["R4", "Houle", 2, 8, None, "Studio", "LUCIE"],  # out of the scale: PS120, not scored
    ]
    found = run(production, tmp_path)
    assert flatten(found, "code", "cell") == [["PS505", "E2"]]
    assert found[0].message("en") == (
        "Risk R1 “Pluie” scores 3 × 4 = 12, at or above the risk threshold (12), and has no "
        "mitigation."
    )
    production["Production"].append(["Seuil de risque", 15])
    assert run(production, tmp_path) == []
