"""The example productions in workbooks/: `check` finds exactly the mistakes planted in them.

The examples are written by ``prodsheets.create.examples``; ``workbooks/README.md`` explains each
planted mistake. When a new check lands, either it finds nothing in the examples, or its
findings join the lists below (and the README's table).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from prodsheets.findings import flatten
from prodsheets.pipeline import check

WORKBOOKS = Path(__file__).parent.parent / "workbooks"

PLANTED = {
    "tournage-reunion": [
        ["PS407", "budget.xlsx", "Devis", "H28"],  # 03: the table read's cachets not budgeted
        ["PS201", "budget.xlsx", "Devis", "H37"],  # 28 nights × 65 € but the total says 1 560 €
        ["PS406", "budget.xlsx", "Devis", "H38"],  # 06.05 catering invoiced 2 680 € for 2 600 €
        ["PS203", "budget.xlsx", "Devis", "H64"],  # the grand total misses the contingency line
        ["PS106", "budget.xlsx", "Dépenses", "A8"],  # 31/02/2026
        ["PS115", "crew.xlsx", "Indisponibilités", "C6"],  # DAVID: 20/03 → 18/03
        ["PS503", "crew.xlsx", "Équipe", "K5"],  # FRED, the only régisseur: no backup (info)
        ["PS401", "crew.xlsx", "Équipe", "H8"],  # TOM booked without a budget code (02.17)
        ["PS503", "crew.xlsx", "Équipe", "K14"],  # AMELIE, the only costume designer (info)
        ["PS114", "schedule.xlsx", "Affectations", "B27"],  # LUCE for LUCIE
        ["PS311", "schedule.xlsx", "Affectations", "B43"],  # AMELIE: 8 h with no break
        ["PS304", "schedule.xlsx", "Affectations", "B169"],  # FRED: 30 min for a 2 h drive
        ["PS301", "schedule.xlsx", "Affectations", "B220"],  # CAM1 with two units at once
        ["PS301", "schedule.xlsx", "Affectations", "B260"],  # MARCO at the studio and the beach
        ["PS303", "schedule.xlsx", "Affectations", "B314"],  # INES booked on her day off
        ["PS307", "schedule.xlsx", "Affectations", "B326"],  # KEVIN: 7 h 30 of rest
        ["PS420", "schedule.xlsx", "Heures réelles", "D8"],  # 09/03: S04 wrapped 15 min late
        ["PS306", "schedule.xlsx", "Heures réelles", "C21"],  # MAYA 12 h 30 on 10/03, as worked
        ["PS306", "schedule.xlsx", "Heures réelles", "C22"],  # PAUL too: S07 ran over
        ["PS420", "schedule.xlsx", "Heures réelles", "D27"],  # 10/03: S07 ran 2 h 15 over
        ["PS501", "schedule.xlsx", "Planning", "H26"],  # S09 outdoors in Cilaos, no cover
        ["PS116", "schedule.xlsx", "Planning", "B31"],  # S12 on 12/04 instead of 12/03
    ],
    "festival": [
        ["PS113", "budget.xlsx", "Actuals", "E8"],  # =1850*1.2 never computed
        ["PS407", "budget.xlsx", "Budget", "H6"],  # 01 Line-up: Echo Valley's fee went up
        ["PS406", "budget.xlsx", "Budget", "H10"],  # 02.04 stage invoiced £10,120 for £9,500
        ["PS202", "budget.xlsx", "Budget", "H16"],  # Technical subtotal misses its last line
        ["PS503", "crew.xlsx", "Crew", "K15"],  # GUS, the only power technician (info)
        ["PS111", "crew.xlsx", "Crew", "E44"],  # contract "TBC"
        ["PS105", "crew.xlsx", "Crew", "A49"],  # two volunteers called SAM
        ["PS401", "crew.xlsx", "Resources", "G12"],  # lighting towers without a budget code
        ["PS502", "crew.xlsx", "Vendors", "H6"],  # SANIT is critical, with no backup
        ["PS307", "schedule.xlsx", "Bookings", "B115"],  # GUS: 5 h 30 of rest
        ["PS301", "schedule.xlsx", "Bookings", "B142"],  # TARA on two stages at once
        ["PS302", "schedule.xlsx", "Bookings", "B194"],  # three generators booked, two exist
        ["PS303", "schedule.xlsx", "Bookings", "B297"],  # GRACE away on Saturday
        ["PS501", "schedule.xlsx", "Events", "H31"],  # SAT-FS3 headliner outdoors, no cover
        ["PS114", "schedule.xlsx", "Events", "F42"],  # FORREST for FOREST
        ["PS120", "schedule.xlsx", "Risks", "E5"],  # impact 8 on a 1-5 scale
        ["PS504", "schedule.xlsx", "Risks", "G8"],  # R7 toilets: backup plan "None yet"
    ],
}


def findings(folder: Path, *fields: str) -> list[list[Any]]:
    return flatten(check([folder]).findings, *(fields or ("code", "file", "sheet", "cell")))


@pytest.mark.parametrize("name", list(PLANTED))
def test_example_holds_exactly_its_planted_mistakes(name: str) -> None:
    assert findings(WORKBOOKS / name) == PLANTED[name]


def content(folder: Path) -> dict[str, Any]:
    """Everything prodsheets reads from a production: its settings and every table's values."""
    (production,) = check([folder]).productions
    return {
        "settings": production.settings,
        "tables": {
            key: (t.file, t.sheet, t.header_row, t.columns, t.rows, t.values)
            for key, t in production.tables.items()
        },
    }


def test_regenerating_gives_the_committed_examples(tmp_path: Path) -> None:
    """The committed workbooks are what the generator writes: they never drift from it."""
    from prodsheets.create import examples

    folders = examples.main(tmp_path)
    assert sorted(f.name for f in folders) == sorted(PLANTED)
    for folder in folders:
        committed = WORKBOOKS / folder.name
        fields = ("code", "file", "sheet", "cell", "cells", "message")
        assert findings(folder, *fields) == findings(committed, *fields)
        assert content(folder) == content(committed)
