"""Shared fixtures: build each case's workbook inline, so the input stands above its assertions."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Sheets = dict[str, list[list[Any]]]


def write_workbook(path: Path, sheets: Sheets) -> Path:
    """Write sheets (name → rows) with openpyxl.

    A string starting with ``=`` is written as a formula *without* a saved result, as
    openpyxl and other generators leave them; everything else as its Python value.
    """
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def minimal_production() -> Sheets:
    """A small, clean French production: every required table, no finding."""
    d = dt.date
    return {
        "Production": [
            ["Paramètre", "Valeur"],
            ["Titre", "Court métrage test"],
            ["Langue", "fr"],
            ["Début", d(2026, 3, 9)],
            ["Fin", d(2026, 3, 13)],
        ],
        "Devis": [
            ["Code", "Chapitre", "Libellé", "Quantité", "Unité", "Tarif", "Total"],
            ["02.01", "Personnel", "Chef opérateur", 5, "jour", 450, 2250],
            ["02.02", "Personnel", "Ingénieur du son", 5, "jour", 380, 1900],
            [None, None, "Sous-total Personnel", None, None, None, 4150],
            ["07.01", "Moyens techniques", "Caméra", 5, "jour", 600, 3000],
            [None, None, "Total", None, None, None, 7150],
        ],
        "Équipe": [
            ["Id", "Nom", "Poste", "Contrat", "Tarif jour", "Code budget"],
            ["LUCIE", "Lucie Martin", "Chef opératrice", "intermittent", 450, "02.01"],
            ["MARC", "Marc Hoarau", "Ingénieur du son", "intermittent", 380, "02.02"],
        ],
        "Matériel": [
            ["Id", "Nom", "Type", "Quantité", "Tarif jour", "Code budget"],
            ["CAM1", "Caméra Alexa Mini", "caméra", 1, 600, "07.01"],
        ],
        "Lieux": [
            ["Id", "Nom", "Adresse", "Extérieur"],
            ["PLAGE", "Plage de l'Hermitage", "Saint-Gilles-les-Bains", "oui"],
            ["STUDIO", "Studio Le Port", "Le Port", "non"],
        ],
        "Planning": [
            ["Id", "Date", "Début", "Fin", "Intitulé", "Lieu", "Repli"],
            ["S1", d(2026, 3, 9), dt.time(8, 0), dt.time(12, 0), "Séquence 1", "PLAGE", "STUDIO"],
            ["S2", d(2026, 3, 9), dt.time(14, 0), dt.time(18, 0), "Séquence 2", "STUDIO", None],
        ],
        "Affectations": [
            ["Séquence", "Qui", "Convocation", "Fin"],
            ["S1", "LUCIE", dt.time(7, 30), dt.time(12, 0)],
            ["S1", "CAM1", None, None],
            ["S2", "MARC", None, None],
        ],
        "Indisponibilités": [
            ["Qui", "Du", "Au", "Motif"],
            ["MARC", d(2026, 3, 12), d(2026, 3, 13), "Autre tournage"],
        ],
    }


@pytest.fixture
def production() -> Sheets:
    return copy.deepcopy(minimal_production())


@pytest.fixture
def make_workbook(tmp_path: Path) -> Callable[..., Path]:
    """``make_workbook({sheet: rows}, name="production.xlsx")`` → the workbook's path."""

    def make(sheets: Sheets, name: str = "production.xlsx") -> Path:
        return write_workbook(tmp_path / name, sheets)

    return make


def in_memory(settings: dict[str, Any], tables: dict[str, list[dict[str, Any]]]):
    """A Production built directly from typed values, without a workbook (for property tests).

    Each table is a list of records {column key: value}; records sit on rows 2, 3, …
    """
    from pathlib import Path

    from prodsheets.contract import schema
    from prodsheets.model import Production, TableData

    built: dict[str, TableData] = {}
    for key, records in tables.items():
        table = schema.TABLES_BY_KEY[key]
        built[key] = TableData(
            table=table,
            file="memory.xlsx",
            path="memory.xlsx",
            sheet=table.en,
            header_row=1,
            columns={c.key: j for j, c in enumerate(table.columns)},
            rows=list(range(2, 2 + len(records))),
            values={c.key: [r.get(c.key) for r in records] for c in table.columns},
        )
    return Production(Path("memory"), "memory", built, dict(settings))
