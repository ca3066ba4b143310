"""One example per finding code: the smallest production that shows it, and where.

Each case changes one thing in a clean production and asserts the whole result at once
(``flatten``): the finding, its cell, and nothing else.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import Sheets, write_workbook
from mutate import change_cells

from prodsheets.catalogue import CODES
from prodsheets.findings import flatten
from prodsheets.pipeline import check

Case = Callable[[Sheets, Path], Path]


def in_workbook(change: Callable[[Sheets], Any]) -> Case:
    """A case that edits the clean production, then writes it as one workbook."""

    def case(sheets: Sheets, tmp: Path) -> Path:
        change(sheets)
        return write_workbook(tmp / "prod.xlsx", sheets)

    return case


def set_cell(sheet: str, row: int, col: int, value: Any) -> Callable[[Sheets], None]:
    """Set the cell at a 1-based (row, column) of the sheet."""

    def change(sheets: Sheets) -> None:
        rows = sheets[sheet]
        while len(rows[row - 1]) < col:
            rows[row - 1].append(None)
        rows[row - 1][col - 1] = value

    return change


def file_bytes(data: bytes, name: str = "prod.xlsx") -> Case:
    def case(sheets: Sheets, tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data)
        return path

    return case


def broken_zip(sheets: Sheets, tmp: Path) -> Path:
    good = write_workbook(tmp / "good.xlsx", sheets).read_bytes()
    path = tmp / "prod.xlsx"
    path.write_bytes(good[: len(good) // 2])
    return path


def unreadable_sheet(sheets: Sheets, tmp: Path) -> Path:
    """A workbook whose Équipe sheet refers to a shared string that does not exist."""
    good = write_workbook(tmp / "good.xlsx", sheets)
    path = tmp / "prod.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        names = src.namelist()
        for name in names:
            data = src.read(name)
            if name == "xl/worksheets/sheet3.xml":  # Équipe is the third sheet
                data = data.replace(
                    b"<sheetData>",
                    b'<sheetData><row r="40"><c r="A40" t="s"><v>9999</v></c></row>',
                    1,
                )
            dst.writestr(name, data)
    return path


def changed(sheet: str, cells: dict[str, Any]) -> Case:
    """The clean production with cells written straight into the sheet's XML."""

    def case(sheets: Sheets, tmp: Path) -> Path:
        return change_cells(write_workbook(tmp / "prod.xlsx", sheets), sheet, cells)

    return case


def fifo(sheets: Sheets, tmp: Path) -> Path:
    import os

    path = tmp / "prod.xlsx"
    os.mkfifo(path)
    return path


def shared_text_bomb(sheets: Sheets, tmp: Path) -> Path:
    from mutate import rewrite

    path = write_workbook(tmp / "prod.xlsx", sheets)
    strings = b'<?xml version="1.0"?><sst><si><t>' + b"x" * 400_000 + b"</t></si></sst>"
    return (
        rewrite(path, {"xl/sharedStrings.xml": strings})
        if _has(path, "xl/sharedStrings.xml")
        else _add(path, "xl/sharedStrings.xml", strings)
    )


def _has(path: Path, member: str) -> bool:
    with zipfile.ZipFile(path) as z:
        return member in z.namelist()


def _add(path: Path, member: str, data: bytes) -> Path:
    with zipfile.ZipFile(path, "a") as z:
        z.writestr(member, data)
    return path


def ods_bomb(sheets: Sheets, tmp: Path) -> Path:
    path = tmp / "prod.ods"
    content = (
        '<?xml version="1.0"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="Planning">'
        '<table:table-row table:number-rows-repeated="999999999">'
        '<table:table-cell table:number-columns-repeated="999" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", MANIFEST)
        z.writestr("content.xml", content)
    return path


MANIFEST = (
    '<?xml version="1.0"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def folder_of(*names: str) -> Case:
    def case(sheets: Sheets, tmp: Path) -> Path:
        folder = tmp / "prod"
        folder.mkdir()
        for name in names:
            (folder / name).write_text("notes")
        return folder

    return case


def with_a_copy(sheets: Sheets, tmp: Path) -> Path:
    folder = tmp / "prod"
    write_workbook(folder / "prod.xlsx", sheets)
    write_workbook(folder / "prod (copie).xlsx", sheets)
    return folder


def mapped(rows: list[list[Any]], **extra: list[list[Any]]) -> Case:
    """The clean production with more sheets, and a mapping (prodsheets.xlsx) beside it."""

    def case(sheets: Sheets, tmp: Path) -> Path:
        folder = tmp / "prod"
        write_workbook(folder / "prod.xlsx", {**sheets, **extra})
        head = ["Classeur", "Feuille", "Table", "Champ", "Colonne", "Valeur"]
        write_workbook(folder / "prodsheets.xlsx", {"Correspondances": [head, *rows]})
        return folder

    return case


def roster_alone(sheets: Sheets, tmp: Path) -> Path:
    """A roster and its mapping, nothing else: the names are the crew."""
    folder = tmp / "prod"
    grid = [["Nom", dt.date(2026, 3, 10), dt.date(2026, 3, 11)], ["Lucie Martin", "08:00-12:00"]]
    write_workbook(folder / "grille.xlsx", {"Semaine": grid})
    head = ["Classeur", "Feuille", "Table", "Champ", "Colonne"]
    rows = [head, ["grille.xlsx", "Semaine", "Grille", "qui", "Nom"]]
    write_workbook(folder / "prodsheets.xlsx", {"Correspondances": rows})
    return folder


def add_column(sheet: str, header: str, values: list[Any]) -> Callable[[Sheets], None]:
    def change(sheets: Sheets) -> None:
        rows = sheets[sheet]
        rows[0] = [*rows[0], header]
        for i, v in enumerate(values, start=1):
            rows[i] = [*rows[i], *[None] * (len(rows[0]) - 1 - len(rows[i])), v]

    return change


def rename_sheet(old: str, new: str) -> Callable[[Sheets], None]:
    return lambda sheets: sheets.update({new: sheets.pop(old)})


def rename_header(sheet: str, col: int, name: str) -> Callable[[Sheets], None]:
    return set_cell(sheet, 1, col, name)


def two_files_with_crew(sheets: Sheets, tmp: Path) -> Path:
    folder = tmp / "prod"
    write_workbook(folder / "a.xlsx", sheets)
    write_workbook(folder / "b.xlsx", {"Équipe": sheets["Équipe"]})
    return folder


def drop_column(sheet: str, col: int) -> Callable[[Sheets], None]:
    def change(sheets: Sheets) -> None:
        for row in sheets[sheet]:
            del row[col - 1]

    return change


def add_row(sheet: str, row: list[Any]) -> Callable[[Sheets], None]:
    return lambda sheets: sheets[sheet].append(row)


def T(hour: int, minute: int = 0) -> dt.time:
    return dt.time(hour, minute)


def long_week_days(sheets: Sheets, days: int, hours: int) -> list[None]:
    """LUCIE on an extra event of `hours` hours on each of the `days` days after Monday 9/03."""
    for d in range(1, days + 1):
        day = dt.date(2026, 3, 9 + d)
        add_row("Planning", [f"W{d}", day, T(8), T(8 + hours), f"Jour {d}", "STUDIO"])(sheets)
        add_row("Affectations", [f"W{d}", "LUCIE"])(sheets)
    return []


def long_week(sheets: Sheets) -> None:
    """LUCIE works 4 h 30 on Monday, then 11 h a day Tuesday to Friday: 48 h 30 in the week."""
    long_week_days(sheets, 4, 11)


def twelve_weeks(sheets: Sheets) -> None:
    """LUCIE works 47 h a week (5 days of 9 h 24) for 12 weeks from Monday 16/03: within the
    48 h a week, past the audiovisual preset's 46 h on average over 12 weeks."""
    set_cell("Production", 5, 2, dt.date(2026, 6, 30))(sheets)
    for week in range(12):
        for d in range(5):
            day = dt.date(2026, 3, 16) + dt.timedelta(days=7 * week + d)
            eid = f"W{week:02d}{d}"
            add_row("Planning", [eid, day, T(8), T(17, 24), "Long", "STUDIO"])(sheets)
            add_row("Affectations", [eid, "LUCIE"])(sheets)


def with_break_column(*values: Any) -> Callable[[Sheets], None]:
    """A Pause column in Affectations (column E) holding these values, row by row."""

    def change(sheets: Sheets) -> None:
        rows = sheets["Affectations"]
        rows[0].append("Pause")
        for row, value in zip(rows[1:], values, strict=False):
            row.append(value)

    return change


def expenses(*rows: list[Any]) -> Callable[[Sheets], None]:
    """A Dépenses sheet holding these rows (date, code, description, amount, currency)."""
    header = ["Date", "Code", "Libellé", "Montant", "Devise"]
    return lambda sheets: sheets.update({"Dépenses": [header, *rows]})


MARCH_10 = dt.date(2026, 3, 10)
MARCH_9 = dt.date(2026, 3, 9)


def actual_hours(*rows: list[Any]) -> Callable[[Sheets], None]:
    """A Heures réelles sheet holding these rows (date, who, arrival, wrap, break)."""
    header = ["Date", "Qui", "Arrivée", "Fin", "Pause"]
    return lambda sheets: sheets.update({"Heures réelles": [header, *rows]})


# The evening of 9/03 as planned: LUCIE 07:30-12:00 (S1), MARC 14:00-18:00 (S2).
LUCIE_AS_PLANNED = [MARCH_9, "LUCIE", dt.time(7, 30), dt.time(12), None]
MARC_AS_PLANNED = [MARCH_9, "MARC", dt.time(14), dt.time(18), None]


# A fake OLE2 container that names the stream Office uses for an encrypted package.
FAKE_ENCRYPTED = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le")
)

CASES: dict[str, tuple[Case, list[list[Any]]]] = {
    "PS001": (lambda s, tmp: tmp / "nowhere", [["PS001", None]]),
    "PS002": (folder_of("notes.txt"), [["PS002", None]]),
    "PS003": (file_bytes(b""), [["PS003", None]]),
    "PS004": (file_bytes(FAKE_ENCRYPTED), [["PS004", None]]),
    "PS005": (file_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), [["PS005", None]]),
    "PS006": (
        file_bytes(
            b'<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook/>', "prod.xml"
        ),
        [["PS006", None]],
    ),
    "PS007": (broken_zip, [["PS007", None]]),
    "PS008": (unreadable_sheet, [["PS008", None]]),
    "PS009": (
        lambda s, tmp: write_workbook(tmp / "prod.xlsx", {"Feuil1": [["a", "b"]]}),
        [["PS009", None]],
    ),
    # The mapping names a table that does not exist.
    "PS014": (mapped([["prod.xlsx", "Notes", "Programme", "date", "Date"]]), [["PS014", "C2"]]),
    # The mapping reads a sheet the production does not have.
    "PS015": (mapped([["prod.xlsx", "Notes", "Planning", "date", "Date"]]), [["PS015", "B2"]]),
    # The mapping names a header the sheet does not have.
    "PS016": (
        mapped(
            [
                ["prod.xlsx", "Programme", "Planning", "date", "Quand"],
                [None, None, None, "début", "De"],
                [None, None, None, "fin", "À"],
                [None, None, None, "intitulé", "Quoi"],
                [None, None, None, "lieu", "Où"],
            ],
            Programme=[
                ["Quand", "De", "À", "Quoi"],
                [dt.date(2026, 3, 10), dt.time(9), dt.time(10), "Repérages"],
            ],
        ),
        [["PS016", "E6"]],
    ),
    # A shared text no cell can hold: calamine would load it whole when opening the file.
    "PS010": (shared_text_bomb, [["PS010", None]]),
    "PS011": (with_a_copy, [["PS011", None]]),
    "PS012": (
        in_workbook(lambda s: s.update({"Notes": [["À faire"], ["Rappeler Marc"]]})),
        [["PS012", None]],
    ),
    # The crew sheet renamed « Equipo »: said once, and the references to it said once a
    # column instead of once a booking.
    "PS013": (
        in_workbook(rename_sheet("Équipe", "Equipo")),
        [["PS127", "B1"], ["PS013", None], ["PS127", "A1"]],
    ),
    # An .ods row of 999 values repeated a billion times: calamine reads .ods whole.
    "PS020": (ods_bomb, [["PS020", None]]),
    "PS021": (changed("Équipe", {"B3": "Marc " * 8000}), [["PS021", "B3"]]),
    "PS022": (fifo, [["PS022", None]]),
    # Bookings name events: a production without its planning cannot place them.
    "PS101": (in_workbook(lambda s: s.pop("Planning")), [["PS101", None]]),
    "PS102": (two_files_with_crew, [["PS102", None]]),
    "PS103": (in_workbook(drop_column("Affectations", 2)), [["PS103", "A1"]]),
    # The bookings' events cannot be looked up in a planning that could not be read: one
    # finding says so for the column.
    "PS104": (
        in_workbook(lambda s: s.update({"Planning": [[1, 2], [3, 4]]})),
        [["PS127", "A1"], ["PS104", None]],
    ),
    "PS105": (in_workbook(add_row("Équipe", ["LUCIE", "Lucie Bis"])), [["PS105", "A4"]]),
    "PS106": (in_workbook(set_cell("Planning", 3, 2, "31/02/2026")), [["PS106", "B3"]]),
    "PS107": (in_workbook(set_cell("Affectations", 2, 3, "25h")), [["PS107", "C2"]]),
    # LUCIE's day rate cannot be read: her planned cost is unknown too (PS402, same cell).
    "PS108": (
        in_workbook(set_cell("Équipe", 2, 5, "beaucoup")),
        [["PS108", "E2"], ["PS402", "E2"]],
    ),
    "PS109": (
        in_workbook(
            lambda s: s.update(
                {"Charges": [["Code", "Libellé", "Taux"], ["INT", "Intermittents", "douze"]]}
            )
        ),
        [["PS109", "C2"]],
    ),
    "PS110": (in_workbook(set_cell("Lieux", 2, 4, "peut-être")), [["PS110", "D2"]]),
    "PS111": (in_workbook(set_cell("Équipe", 3, 4, "à voir")), [["PS111", "D3"]]),
    "PS112": (in_workbook(set_cell("Équipe", 3, 2, None)), [["PS112", "B3"]]),
    # A day rate computed by a formula never saved: unknown, and so is the planned cost.
    "PS113": (
        in_workbook(set_cell("Équipe", 2, 5, "=400+50")),
        [["PS113", "E2"], ["PS402", "E2"]],
    ),
    "PS114": (in_workbook(set_cell("Affectations", 4, 2, "MARCO")), [["PS114", "B4"]]),
    "PS115": (
        in_workbook(set_cell("Indisponibilités", 2, 3, dt.date(2026, 3, 10))),
        [["PS115", "C2"]],
    ),
    "PS116": (in_workbook(set_cell("Planning", 3, 2, dt.date(2026, 4, 9))), [["PS116", "B3"]]),
    "PS117": (
        in_workbook(set_cell("Équipe", 2, 5, "#DIV/0!")),
        [["PS117", "E2"], ["PS402", "E2"]],
    ),
    "PS118": (in_workbook(add_row("Production", ["Réalisatrice", "Ana"])), [["PS118", "A6"]]),
    "PS119": (in_workbook(lambda s: s["Lieux"][0].append("Nom")), [["PS119", "E1"]]),
    "PS120": (in_workbook(set_cell("Matériel", 2, 4, 0)), [["PS120", "D2"]]),
    "PS121": (
        in_workbook(add_row("Matériel", ["MARC", "Micro HF Marc", "son", 1, 20, "07.01"])),
        [["PS121", "A3"]],
    ),
    # One keystroke in the last cell of the sheet: not read, said, and the rest is read.
    "PS150": (changed("Affectations", {"XFD1048576": "x"}), [["PS150", "XFD1048576"]]),
    # A year typed 3026: far from every other date of the production.
    "PS151": (in_workbook(set_cell("Planning", 3, 2, dt.date(3026, 3, 9))), [["PS151", "B3"]]),
    "PS301": (
        in_workbook(add_row("Affectations", ["S2", "LUCIE", T(11), None])),
        [["PS301", "B2"]],
    ),
    "PS302": (
        in_workbook(
            lambda s: [
                set_cell("Matériel", 2, 4, 2)(s),
                *(add_row("Affectations", ["S1", "CAM1"])(s) for _ in "ab"),
            ]
        ),
        [["PS302", "B3"]],
    ),
    "PS303": (
        in_workbook(set_cell("Indisponibilités", 2, 2, dt.date(2026, 3, 9))),
        [["PS303", "B4"]],
    ),
    "PS304": (
        in_workbook(add_row("Affectations", ["S2", "LUCIE", T(12, 15), None])),
        [["PS304", "B5"]],
    ),
    "PS305": (
        in_workbook(add_row("Affectations", ["S2", "LUCIE", T(19), T(20)])),
        [["PS305", "C5"]],
    ),
    "PS306": (in_workbook(set_cell("Affectations", 2, 4, T(21))), [["PS306", "B2"]]),
    "PS307": (
        in_workbook(
            lambda s: [
                set_cell("Affectations", 4, 4, T(23))(s),
                add_row(
                    "Planning", ["S3", dt.date(2026, 3, 10), T(6), T(10), "Séquence 3", "STUDIO"]
                )(s),
                add_row("Affectations", ["S3", "MARC"])(s),
            ]
        ),
        [["PS307", "B5"]],
    ),
    "PS308": (in_workbook(long_week), [["PS308", "B2"]]),
    "PS309": (
        in_workbook(
            lambda s: [
                add_row("Production", ["Jours consécutifs max", 2])(s),
                *long_week_days(s, 3, 4),
            ]
        ),
        [["PS309", "B6"]],
    ),
    "PS122": (in_workbook(expenses([MARCH_10, "07.01", "Caméra", "1,500"])), [["PS122", "D2"]]),
    "PS123": (in_workbook(set_cell("Planning", 2, 3, 8.0)), [["PS123", "C2"]]),
    "PS124": (in_workbook(rename_header("Lieux", 5, "Contact sur place")), [["PS124", "E1"]]),
    "PS125": (in_workbook(rename_header("Planning", 3, "Quand")), [["PS125", "C1"]]),
    "PS126": (
        in_workbook(lambda s: [drop_column("Planning", 4)(s), drop_column("Planning", 3)(s)]),
        [["PS126", "A1"]],
    ),
    "PS127": (
        in_workbook(lambda s: s.update({"Équipe": [["Liste de l'équipe"], ["voir l'agence"]]})),
        [["PS127", "B1"], ["PS127", "A1"], ["PS104", None]],
    ),
    "PS128": (in_workbook(add_row("Équipe", ["Lucie", "Lucie Bis"])), [["PS128", "A4"]]),
    # A rate typed with its unit breaks the line's formula: said at the text, once.
    "PS129": (
        in_workbook(
            lambda s: [
                set_cell("Devis", 2, 6, "450 €/j")(s),
                set_cell("Devis", 2, 7, "#VALUE!")(s),
            ]
        ),
        [["PS129", "F2"]],
    ),
    "PS130": (in_workbook(set_cell("Devis", 2, 7, "=D2*F2")), [["PS130", "G2"]]),
    "PS131": (in_workbook(set_cell("Planning", 3, 4, None)), [["PS131", "D3"]]),
    # A roster cell that is neither a time range nor a code.
    "PS132": (
        mapped(
            [["prod.xlsx", "Grille", "Grille", "qui", "Nom"]],
            Grille=[["Nom", dt.date(2026, 3, 10), dt.date(2026, 3, 11)], ["Lucie Martin", "zz"]],
        ),
        [["PS132", "B2"]],
    ),
    "PS133": (roster_alone, [["PS133", "B2"]]),
    # S1 runs 08:00-12:00, its duration says 3 hours.
    "PS134": (in_workbook(add_column("Planning", "Durée", ["3:00"])), [["PS134", "H2"]]),
    # LUCIE's evening typed twice: the first row counts.
    "PS340": (
        in_workbook(actual_hours(LUCIE_AS_PLANNED, LUCIE_AS_PLANNED, MARC_AS_PLANNED)),
        [["PS340", "B3"]],
    ),
    # Only LUCIE's hours are in: MARC, booked on S2 that day, stands in as planned.
    "PS341": (in_workbook(actual_hours(LUCIE_AS_PLANNED)), [["PS341", "B4"]]),
    # LUCIE came in on 10/03, booked nowhere: her day rate is a day more than planned.
    "PS342": (
        in_workbook(actual_hours([MARCH_10, "LUCIE", dt.time(9), dt.time(12), None])),
        [["PS342", "B2"], ["PS420", "D2"]],
    ),
    # A 5-hour break on a 4 h 30 day: the row is left out, her planned day stands.
    "PS343": (
        in_workbook(
            actual_hours([*LUCIE_AS_PLANNED[:4], dt.time(5)], MARC_AS_PLANNED),
        ),
        [["PS343", "E2"]],
    ),
    # Overtime after 4 h a week: LUCIE planned 4 h 30 (30 min of overtime), worked 6 h 30.
    "PS420": (
        in_workbook(
            lambda s: [
                add_row("Production", ["Heures sup. après (h)", 4])(s),
                actual_hours([MARCH_9, "LUCIE", dt.time(7, 30), dt.time(14)], MARC_AS_PLANNED)(s),
            ]
        ),
        [["PS420", "D2"]],
    ),
    # LUCIE's 60 days in 12 weeks also take her line's chapter past its budget (PS407).
    "PS310": (in_workbook(twelve_weeks), [["PS310", "B5"], ["PS407", "G4"]]),
    # S1 runs to 14:00 and LUCIE works 07:30-14:00 without a break, while the production
    # records breaks (MARC's 20 minutes): 6 h 30 in a row.
    "PS311": (
        in_workbook(
            lambda s: [
                set_cell("Planning", 2, 4, T(14))(s),
                set_cell("Affectations", 2, 4, T(14))(s),
                with_break_column(None, None, "20")(s),
            ]
        ),
        [["PS311", "B2"]],
    ),
    "PS312": (in_workbook(with_break_column("beaucoup")), [["PS312", "E2"]]),
    # A booking for a slot nobody fills yet.
    "PS330": (
        in_workbook(lambda s: s["Affectations"].append(["S2", "À pourvoir", None, None])),
        [["PS330", "B5"]],
    ),
    "PS201": (
        in_workbook(set_cell("Devis", 2, 7, 2300)),
        [["PS201", "G2"], ["PS202", "G4"], ["PS203", "G6"]],
    ),
    "PS202": (in_workbook(set_cell("Devis", 4, 7, 4000)), [["PS202", "G4"]]),
    "PS203": (in_workbook(set_cell("Devis", 6, 7, 4150)), [["PS203", "G6"]]),
    "PS401": (in_workbook(set_cell("Équipe", 3, 6, None)), [["PS401", "F3"]]),
    "PS402": (in_workbook(set_cell("Équipe", 3, 5, None)), [["PS402", "E3"]]),
    "PS403": (
        in_workbook(expenses([MARCH_10, "07.01", "Filtres", 100, "USD"])),
        [["PS403", "E2"]],
    ),
    "PS404": (
        in_workbook(add_row("Production", ["Taux de change", "USD:0,92"])),
        [["PS404", "B6"]],
    ),
    # 2 800 € spent of the camera line's 3 000 €: 93 %, past the 90 % alert.
    "PS405": (in_workbook(expenses([MARCH_10, "07.01", "Caméra", 2800])), [["PS405", "G5"]]),
    "PS406": (in_workbook(expenses([MARCH_10, "02.02", "Son", 2000])), [["PS406", "G3"]]),
    # The camera now costs 4 000 € a day: its one booked day passes the 3 000 € chapter.
    "PS407": (in_workbook(set_cell("Matériel", 2, 5, 4000)), [["PS407", "G5"]]),
    # 400 € over on 02.02, a contingency of 5 % of 7 150 € = 357,50 €.
    "PS408": (
        in_workbook(
            lambda s: [
                expenses([MARCH_10, "02.02", "Son", 2300])(s),
                add_row("Production", ["Imprévus %", 0.05])(s),
            ]
        ),
        [["PS406", "G3"], ["PS408", "B6"]],
    ),
    "PS409": (
        in_workbook(
            lambda s: s.update(
                {
                    "Charges": [
                        ["Code", "Libellé", "Taux", "Assiette", "S'applique à"],
                        ["VIEP", "Vieillesse plafonnée", 0.0855, "plafonnée", "intermittent"],
                    ]
                }
            )
        ),
        [["PS409", "D2"]],
    ),
    "PS501": (in_workbook(set_cell("Planning", 2, 7, None)), [["PS501", "G2"]]),
    "PS502": (
        in_workbook(
            lambda s: s.update(
                {"Prestataires": [["Id", "Nom", "Critique", "Secours"], ["LOC", "Loueur", "oui"]]}
            )
        ),
        [["PS502", "D2"]],
    ),
    # LUCIE is the only Chef opératrice and nobody backs her up (MARC is backed by her).
    "PS503": (
        in_workbook(
            lambda s: [
                set_cell("Équipe", 1, 7, "Remplaçant")(s),
                set_cell("Équipe", 3, 7, "LUCIE")(s),
            ]
        ),
        [["PS503", "G2"]],
    ),
    "PS504": (
        in_workbook(
            lambda s: s.update({"Risques": [*RISKS, ["R1", "Pluie", 2, 2, "Météo", None, "LUCIE"]]})
        ),
        [["PS504", "F2"]],
    ),
    "PS505": (
        in_workbook(
            lambda s: s.update(
                {"Risques": [*RISKS, ["R1", "Pluie", 4, 4, None, "Studio", "LUCIE"]]}
            )
        ),
        [["PS505", "E2"]],
    ),
}


# Reading codes said of a production that was read all the same.
READABLE = {"PS011", "PS012", "PS013", "PS014", "PS015", "PS016"}

RISKS = [["Id", "Risque", "Probabilité", "Impact", "Prévention", "Plan de secours", "Responsable"]]


def test_the_clean_production_has_no_finding(production: Sheets, tmp_path: Path) -> None:
    result = check([write_workbook(tmp_path / "prod.xlsx", production)])
    assert flatten(result.findings) == []
    assert result.exit_code == 0


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_code_has_an_example(code: str, production: Sheets, tmp_path: Path) -> None:
    assert code in CASES, f"{code} ({CODES[code].name}) has no example in tests/test_findings.py"
    build, expected = CASES[code]
    result = check([build(production, tmp_path)])
    assert flatten(result.findings, "code", "cell") == expected
    assert result.exit_code == (
        2
        if code.startswith("PS0") and code not in READABLE
        else 1
        if any(f.level.value == "error" for f in result.findings)
        else 0
    )
