"""``whatif --apply OUT``: the plan written into copies of the workbooks, never the originals.

Each file is loaded with openpyxl and saved through a temporary file in ``OUT``, then
renamed (as annotated copies are).
"""

from __future__ import annotations

from pathlib import Path

from prodsheets.io.write import load_copy, save_copy, text_cell
from prodsheets.whatif.plan import WhatIf


def apply_plan(result: WhatIf, out: Path) -> list[Path]:
    """Write the workbooks holding Bookings and Events, with the plan applied, into ``out``.

    Each file is loaded with openpyxl and saved through a temporary file in ``out``, then
    renamed (as annotated copies are): a reader never sees half a file, and the originals
    are never opened for writing.
    """
    p = result.production
    edits: dict[str, list[tuple[str, int, int, str]]] = {}  # path → (sheet, row, col, value)
    for key, column, changes in (
        ("bookings", "who", {k: v for k, v in result.who_changes.items() if v is not None}),
        ("events", "location", result.location_changes),
    ):
        table = p.table(key)
        if table is None or not changes:
            continue
        for i, value in changes.items():
            edits.setdefault(table.path, []).append(
                (table.sheet, table.rows[i], table.columns[column] + 1, value)
            )
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for path, cells in sorted(edits.items()):
        source = Path(path)
        if source.suffix.lower() not in (".xlsx", ".xlsm"):
            raise ValueError(
                f"{source.name} : prodsheets n'écrit que les .xlsx et .xlsm (enregistrez-le au "
                f"format .xlsx). / {source.name}: prodsheets writes only .xlsx and .xlsm "
                "(save it as .xlsx)."
            )
        target = out / source.name
        if target.resolve() == source.resolve():
            raise ValueError(
                f"{out} : c'est le dossier de la production ; choisissez-en un autre. / "
                f"{out} is the production's folder; choose another one."
            )
        wb = load_copy(source)
        for sheet, row, col, value in cells:
            text_cell(wb[sheet].cell(row=row, column=col), str(value))  # an id: never a formula
        save_copy(wb, target)
        written.append(target)
    return written
