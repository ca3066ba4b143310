"""``whatif --apply OUT``: the plan written into a whole copy of the production, never the
originals.

OUT receives every workbook of the production: those the plan changes are loaded with
openpyxl, changed, and each changed cell is filled and commented (what it held before,
and the scenario), as ``check --annotate`` marks its cells. A booking or an event the plan
could not cover stays as it is, marked « still to cover » in orange: ``whatif`` counts what
stays to cover at today's rates, so the copy costs what it says. The other workbooks are
copied byte for byte, so their formulas keep their saved results. Each file is written to a temporary file in OUT
and renamed. OUT is then a production of its own: ``prodsheets check OUT`` checks the
plan B, ``prodsheets diff PROD OUT`` says what it changes and for whom.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import column_index_from_string

from prodsheets.i18n.words import WHATIF
from prodsheets.io.load import discover
from prodsheets.io.write import copy_file, load_copy, mark_cell, save_copy, text_cell
from prodsheets.whatif.plan import WhatIf

WRITABLE = (".xlsx", ".xlsm")
CHANGED_FILL = "C6E0B4"  # a green: the plan put something here
TO_COVER_FILL = "F8CBAD"  # an orange: nobody or nowhere was found, still to cover
AUTHOR = "prodsheets whatif"

Edit = tuple[str, int, int, str | None, str]  # sheet, row, column, new value (None: to cover), text


def _edits(result: WhatIf, lang: str) -> dict[Path, list[Edit]]:
    p = result.production
    w = WHATIF[lang]
    scenario = result.scenario.describe(result.analyses)[lang]
    edits: dict[Path, list[Edit]] = {}
    for key, column, changes in (
        ("bookings", "who", result.who_changes),
        ("events", "location", dict(result.location_changes)),
    ):
        table = p.table(key)
        if table is None or not changes:
            continue
        before = table.col(column)
        for i, value in changes.items():
            old = "" if before[i] is None else str(before[i])
            if value is None:
                text = w["apply_to_cover"].format(old=old, scenario=scenario)
            else:
                text = w["apply_changed"].format(old=old, new=value, scenario=scenario)
            where = table.cell(i, column)
            assert where.path is not None and where.sheet is not None and where.row is not None
            col = column_index_from_string(where.column or "A")
            edit = (where.sheet, where.row, col, value, text)
            edits.setdefault(Path(where.path).resolve(), []).append(edit)
    return edits


def apply_plan(result: WhatIf, out: Path, lang: str = "en") -> list[Path]:
    """Write the whole production into ``out`` with the plan applied and its cells marked.

    ValueError (said in both languages) when ``out`` is the production's own folder, when
    it already holds other workbooks (they would be read as part of the copy), or when a
    workbook to change is not one openpyxl writes.
    """
    p = result.production
    sources = discover(p.path) if p.path.is_dir() else [p.path]
    home = (p.path if p.path.is_dir() else p.path.parent).resolve()
    if out.resolve() == home:
        raise ValueError(
            f"{out} : c'est le dossier de la production ; choisissez-en un autre. / "
            f"{out} is the production's folder; choose another one."
        )
    names = {s.name for s in sources}
    strangers = [x.name for x in discover(out)] if out.is_dir() else []
    strangers = [n for n in strangers if n not in names]
    if strangers:
        listed = ", ".join(strangers)
        raise ValueError(
            f"{out} contient d'autres classeurs ({listed}), qui seraient lus avec la copie ; "
            f"choisissez un dossier vide. / {out} holds other workbooks ({listed}), which "
            "would be read with the copy; choose an empty folder."
        )
    edits = _edits(result, lang)
    for source in sources:
        if edits.get(source.resolve()) and source.suffix.lower() not in WRITABLE:
            raise ValueError(
                f"{source.name} : prodsheets n'écrit que les .xlsx et .xlsm (enregistrez-le "
                f"au format .xlsx). / {source.name}: prodsheets writes only .xlsx and .xlsm "
                "(save it as .xlsx)."
            )
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for source in sources:
        target = out / source.name
        if target.resolve() == source.resolve():
            raise ValueError(
                f"{out} : c'est le dossier de la production ; choisissez-en un autre. / "
                f"{out} is the production's folder; choose another one."
            )
        cells = edits.get(source.resolve())
        if not cells:
            copy_file(source, target)
        else:
            wb = load_copy(source)
            for sheet, row, col, value, text in cells:
                cell = wb[sheet].cell(row=row, column=col)
                if value is not None:
                    text_cell(cell, str(value))  # an id: never a formula
                fill = CHANGED_FILL if value is not None else TO_COVER_FILL
                mark_cell(wb, sheet, cell.coordinate, fill, text, AUTHOR)
            save_copy(wb, target)
        written.append(target)
    return written
