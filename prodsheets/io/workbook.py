"""Opening one workbook: every failure becomes a finding, never an exception.

python-calamine reads every format producers use (.xlsx .xlsm .xls .xlsb .ods) and is
fast, so it does the reading. Before it, a look at the file's first bytes tells the
cases a person needs told apart: an empty file, an encrypted workbook, a format too
old or too odd, something that is not a spreadsheet at all.
"""

from __future__ import annotations

import os
import re
import stat
import struct
import threading
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import prodsheets.io.guard as guard
from prodsheets import catalogue as C
from prodsheets.findings import Finding, Location, column_letter
from prodsheets.i18n import Bilingual

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# A whole Excel sheet is at most 1,048,576 × 16,384 cells; the calamine limit
# (100 million cells) stops decompression bombs before they eat the memory.
MAX_MEMBER_BYTES = 4 * 1024**3
Refusal = tuple[Any, dict[str, Any]]  # a catalogue code and its message's values
THREAD_FROM_BYTES = 1024**2  # below a megabyte, scanning formulas in a thread is not worth it


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class Workbook:
    """An opened workbook: its sheet names, and a way to read a sheet's cells."""

    path: Path
    display: str
    sheet_names: list[str]
    date1904: bool = False
    _book: Any = field(default=None, repr=False)
    _sheet_parts: SheetParts | None = field(default=None, repr=False)
    _zip: zipfile.ZipFile | None = field(default=None, repr=False)

    def location(self, sheet: str | None = None) -> Location:
        return Location(self.display, sheet, path=str(self.path))

    def read_sheet(self, name: str) -> tuple[Sheet | None, list[Finding]]:
        """The sheet's cells, or a finding saying why it could not be read.

        An xlsx worksheet is scanned first (:mod:`prodsheets.io.guard`): calamine only
        ever gets a sheet whose rectangle is bounded. The formula/error scan runs in a
        thread while calamine parses: calamine releases the GIL, so the scan costs almost
        nothing on a two-core machine.
        """
        findings: list[Finding] = []
        book, trimmed = self._book, None
        if self._zip is not None and self.path.suffix.lower() == ".xlsb":
            refused = self._guard_xlsb(name)
            if refused is not None:
                return None, [refused]
        if self.is_package:
            guarded = self._guard(name)
            if isinstance(guarded, Finding):
                return None, [guarded]
            if guarded is not None:
                trimmed, far = guarded
                findings.append(far)
        notes: dict[tuple[int, int], str] = {}
        scan = None
        if self.is_package:
            if self.path.stat().st_size < THREAD_FROM_BYTES:
                notes.update(_xlsx_cell_notes(self, name))  # a thread costs more than the scan
            else:
                scan = threading.Thread(target=lambda: notes.update(_xlsx_cell_notes(self, name)))
                scan.start()
        try:
            if trimmed is not None:
                import python_calamine as pc

                book = pc.CalamineWorkbook.from_path(str(trimmed))
            sheet = book.get_sheet_by_name(name)
            start = sheet.start or (0, 0)
            rows = sheet.to_python()
            merged = sheet.merged_cell_ranges
        except BaseException as exc:  # a panic in the Rust reader is a BaseException
            if isinstance(exc, KeyboardInterrupt | SystemExit | MemoryError):
                raise
            detail = _short(exc)
            return None, [Finding(C.SHEET_UNREADABLE, {"detail": detail}, (self.location(name),))]
        finally:
            if scan is not None:
                scan.join()
            if trimmed is not None:
                if book is not self._book:
                    book.close()
                trimmed.unlink(missing_ok=True)
        if merged is None and self.path.suffix.lower() == ".ods":
            merged = _ods_merged_ranges(self, name)
        if merged:
            _spread_merged(rows, merged, start[0], start[1])
        return Sheet(self, name, rows, start[0], start[1], notes), findings

    @property
    def is_package(self) -> bool:
        """An xlsx/xlsm package whose worksheets can be scanned before calamine reads them."""
        return self._zip is not None and self.path.suffix.lower() in {".xlsx", ".xlsm"}

    def _guard(self, name: str) -> Finding | tuple[Path, Finding] | None:
        """None: read as it is; a finding: not read; a copy without far cells and the warning."""
        z = self.package()
        if self._sheet_parts is None:
            self._sheet_parts = _sheet_parts(z)
        part = self._sheet_parts.get(name)
        if part is None:  # what cannot be measured is not handed to the reader
            detail = Bilingual(
                "its part could not be found in the package to measure it",
                "sa partie est introuvable dans le paquet pour la mesurer",
            )
            return Finding(C.SHEET_UNREADABLE, {"detail": detail}, (self.location(name),))
        try:
            plan = guard.plan(guard.scan_sheet(z, part))
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
            return Finding(C.SHEET_UNREADABLE, {"detail": _short(exc)}, (self.location(name),))
        if plan.problem is not None:
            return self._refusal(name, plan.problem)
        if plan.block is None:
            return None
        sheets = set(self._sheet_parts.values())
        copy = guard.trimmed_copy(z, part, plan.block, sheets - {part})
        return copy, self._far(name, plan)

    def _guard_xlsb(self, name: str) -> Finding | None:
        """An .xlsb sheet past the limits, found from its records before calamine reads it."""
        try:
            z = self.package()
            part = guard.xlsb_sheet_parts(z).get(name)
            if part is None:
                return None
            problem = guard.scan_xlsb(z, part, name).judge()
        except Exception:
            return None
        return None if problem is None else self._refusal(name, problem)

    def _cell(self, sheet: str, cell: tuple[int, int]) -> Location:
        return Location(
            self.display, sheet, cell[0] + 1, column_letter(cell[1]), None, str(self.path)
        )

    def _refusal(self, name: str, problem: guard.Problem) -> Finding:
        return refusal_at(self.display, str(self.path), name, problem)

    def _far(self, name: str, plan: guard.Plan) -> Finding:
        from prodsheets.i18n.formats import say_number

        assert plan.block is not None
        cells = [self._cell(name, c) for c in plan.far]
        refs = [str(c.cell) for c in cells[:3]]
        shown = ", ".join(refs) + (" …" if plan.far_count > len(refs) else "")
        params = {
            "count": say_number(plan.far_count),
            "cells": shown,
            "span": say_number(plan.span),
            "filled": say_number(plan.far_count + plan.kept),
        }
        return Finding(C.FAR_CELLS, params, tuple(cells))

    def package(self) -> zipfile.ZipFile:
        """The xlsx package, opened once: its directory is read once, not per sheet."""
        if self._zip is None:
            self._zip = zipfile.ZipFile(self.path)
        return self._zip

    def close(self) -> None:
        if self._book is not None:
            self._book.close()
            self._book = None
        if self._zip is not None:
            self._zip.close()
            self._zip = None


def _spread_merged(
    rows: list[list[Any]],
    merged: list[tuple[tuple[int, int], tuple[int, int]]],
    top: int,
    left: int,
) -> None:
    """A value typed once in cells merged down a column belongs to every row they cover.

    Plannings merge a day's date over its rows; without this, every row but the first
    would read as blank and the day's events would vanish. A merge across columns only
    (a title over a row) is left as it is: it says nothing about the other columns.
    """
    for (r0, c0), (r1, _c1) in merged:
        if r1 <= r0:
            continue
        i0, j = r0 - top, c0 - left
        if not 0 <= i0 < len(rows) or not 0 <= j < len(rows[i0]):
            continue
        value = rows[i0][j]
        if value == "" or value is None:
            continue
        for i in range(i0 + 1, min(r1 - top, len(rows) - 1) + 1):
            if j < len(rows[i]) and rows[i][j] in ("", None):
                rows[i][j] = value


def _ods_merged_ranges(wb: Workbook, name: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Merged areas of an .ods sheet (calamine does not give them), from its content.xml.

    Rows and cells repeated (``number-rows-repeated``, ``number-columns-repeated``) are
    counted, not expanded; a repeat count past Excel's grid stops the walk.
    """
    import xml.etree.ElementTree as ET

    ns_table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    t = f"{{{ns_table}}}"
    found: list[tuple[tuple[int, int], tuple[int, int]]] = []
    try:
        with wb.package().open("content.xml") as fh:
            row = col = -1
            inside = False
            for event, elem in ET.iterparse(fh, events=("start", "end")):
                tag = elem.tag
                if event == "start" and tag == f"{t}table":
                    inside = elem.get(f"{t}name") == name
                    row = -1
                elif not inside:
                    if event == "end" and tag == f"{t}table-row":
                        elem.clear()
                    continue
                elif event == "start" and tag == f"{t}table-row":
                    row += 1
                    col = -1
                elif event == "end" and tag == f"{t}table-row":
                    row += int(elem.get(f"{t}number-rows-repeated", "1")) - 1
                    elem.clear()
                    if row > 1_048_576:
                        break
                elif event == "start" and tag in (f"{t}table-cell", f"{t}covered-table-cell"):
                    col += 1
                    spans = int(elem.get(f"{t}number-rows-spanned", "1"))
                    if spans > 1:
                        across = int(elem.get(f"{t}number-columns-spanned", "1"))
                        found.append(((row, col), (row + spans - 1, col + across - 1)))
                elif event == "end" and tag in (f"{t}table-cell", f"{t}covered-table-cell"):
                    col += int(elem.get(f"{t}number-columns-repeated", "1")) - 1
                elif event == "end" and tag == f"{t}table":
                    break  # the sheet asked for is done
    except (KeyError, OSError, ET.ParseError, ValueError, zipfile.BadZipFile):
        return []
    return found


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class Sheet:
    """A sheet's cells as calamine returns them, with where they sit on the sheet.

    ``rows[i][j]`` is the cell at physical row ``first_row + i + 1`` (1-based, as
    Excel numbers rows) and column index ``first_col + j`` (0-based).
    ``notes`` maps a (row, column) physical 0-based position to ``"formula"`` for a
    formula with no saved result, or to the error text (``"#REF!"``) of an error cell:
    calamine reads both as an empty string, which must not pass for a blank cell.
    """

    workbook: Workbook
    name: str
    rows: list[list[Any]]
    first_row: int
    first_col: int
    notes: dict[tuple[int, int], str]


def open_workbook(
    path: Path, display: str, skip_outputs: bool = False
) -> tuple[Workbook | None, list[Finding]]:
    """Open a workbook, or say precisely why not.

    With ``skip_outputs``, a workbook prodsheets wrote (a report, the control workbook)
    gives ``(None, [])`` as soon as its package shows the mark, before calamine reads it.
    """
    where = (Location(display, path=str(path)),)

    def fail(code: Any, **params: Any) -> tuple[None, list[Finding]]:
        return None, [Finding(code, params, where)]

    try:
        mode = os.stat(path).st_mode  # a socket cannot even be opened: look first
        if not stat.S_ISREG(mode):
            return fail(C.NOT_A_FILE, path=display, kind=_file_kind(mode))
        # Opened without blocking: a FIFO would wait for a writer forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return fail(C.NOT_A_FILE, path=display, kind=_file_kind(info.st_mode))
            size = info.st_size
            head = os.read(fd, 4096)
        finally:
            os.close(fd)
    except OSError as exc:
        return fail(C.CORRUPT, detail=exc.strerror or type(exc).__name__)
    if size == 0:
        return fail(C.EMPTY_FILE)
    package = None
    if head.startswith(ZIP_MAGIC):  # xlsx, xlsm, ods: the package is opened once, kept
        package, refusal = _open_package(path)
    else:
        refusal = _sniff(path, head)
    if refusal is None and package is not None:
        refusal = _package_refusal(package)
        if refusal is not None:
            package.close()
    if refusal is not None:
        return None, [Finding(refusal[0], refusal[1], where)]
    # calamine reads every sheet of an .ods or .xls when it opens it: their extents first.
    spread = _eager_refusal(path, display, head, package)
    if spread is not None:
        if package is not None:
            package.close()
        return None, [spread]
    if skip_outputs and package is not None and is_output_package(package):
        package.close()
        return None, []

    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_path(str(path))
        names = [m.name for m in book.sheets_metadata if _is_worksheet(m)]
    except BaseException as exc:
        if package is not None:
            package.close()
        if isinstance(exc, pc.PasswordError):
            return fail(C.ENCRYPTED)
        if isinstance(exc, KeyboardInterrupt | SystemExit | MemoryError):
            raise
        return None, [_open_failure(path, head, exc, where)]
    wb = Workbook(path, display, names, _book=book, _zip=package)
    if path.suffix.lower() in {".xlsx", ".xlsm"} or head.startswith(ZIP_MAGIC):
        wb.date1904 = _xlsx_date1904(wb)
    return wb, []


OUTPUT_MARK = b"prodsheets-output"  # a custom property of every workbook prodsheets writes


def is_output_package(z: zipfile.ZipFile) -> bool:
    try:
        return OUTPUT_MARK in z.read("docProps/custom.xml")[:65536]
    except (KeyError, OSError, zipfile.BadZipFile, ValueError, NotImplementedError, EOFError):
        return False


def _is_worksheet(meta: Any) -> bool:
    import python_calamine as pc

    return meta.typ in (pc.SheetTypeEnum.WorkSheet, pc.SheetTypeEnum.DialogSheet)


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "…"


def _file_kind(mode: int) -> Bilingual:
    if stat.S_ISFIFO(mode):
        return Bilingual("a named pipe (FIFO)", "un tube nommé (FIFO)")
    if stat.S_ISSOCK(mode):
        return Bilingual("a socket", "une socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Bilingual("a device", "un périphérique")
    if stat.S_ISDIR(mode):
        return Bilingual("a folder", "un dossier")
    return Bilingual("something else", "autre chose")


def _eager_refusal(
    path: Path, display: str, head: bytes, package: zipfile.ZipFile | None
) -> Finding | None:
    """An .ods or .xls sheet past the limits, found before calamine reads them all."""
    try:
        if package is not None and "content.xml" in package.namelist():
            judged = guard.judge_all(guard.scan_ods(package))
        elif head.startswith(CFB_MAGIC) and not _cfb_has_stream(path, "EncryptedPackage"):
            judged = guard.judge_all(guard.scan_xls(path))
        else:
            return None
    except Exception:
        return None
    if judged is None:
        return None
    sheet, problem = judged
    return refusal_at(display, str(path), sheet, problem)


def refusal_at(display: str, path: str, sheet: str, problem: guard.Problem) -> Finding:
    """The finding for a sheet past a limit, at its cell when one is to blame."""
    if problem.cell is not None:
        row, col = problem.cell
        where = Location(display, sheet, row + 1, column_letter(col), None, path)
    else:
        where = Location(display, sheet, path=path)
    if problem.what in ("cell_chars", "run") and problem.cell is not None:
        return Finding(C.CELL_TOO_LONG, {"found": _length(problem)}, (where,))
    return Finding(C.SHEET_TOO_LARGE, {"detail": _limit_detail(problem)}, (where,))


def _package_refusal(z: zipfile.ZipFile) -> Refusal | None:
    """A package too large once unpacked, or holding a text no cell can hold, is not opened."""
    try:
        lazy = set(_sheet_parts(z).values())
        problem = guard.check_package(z, lazy)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        return None  # calamine says what is wrong with it
    if problem is None:
        return None
    return C.TOO_LARGE, {"detail": _limit_detail(problem)}


def _length(problem: guard.Problem) -> Bilingual:
    """« 40 000 caractères », or for a run too long to count, its size: « 900,5 Mio »."""
    from decimal import Decimal

    from prodsheets.i18n.formats import number

    if problem.what == "cell_chars":
        return Bilingual(
            f"{number(problem.found, 'en')} characters", f"{number(problem.found, 'fr')} caractères"
        )
    size = round(Decimal(problem.found) / 1024**2, 1)
    return Bilingual(f"{number(size, 'en')} MiB", f"{number(size, 'fr')} Mio")


def _limit_detail(problem: guard.Problem) -> Bilingual:
    """What limit was passed, in words: « 1 048 577 lignes, plus que les 1 048 576 … »."""
    from decimal import Decimal

    from prodsheets.i18n.formats import number

    def said(lang: str) -> str:
        found, limit = number(problem.found, lang), number(problem.limit, lang)
        if problem.what in ("unpacked", "run"):  # in MiB, one decimal
            found = number(round(Decimal(problem.found) / 1024**2, 1), lang)
            limit = number(round(Decimal(problem.limit) / 1024**2, 1), lang)
        return _LIMIT_WORDS[lang][problem.what].format(found=found, limit=limit)

    return Bilingual(said("en"), said("fr"))


_LIMIT_WORDS = {
    "en": {
        "rows": "a value on row {found}, beyond the {limit} rows of a sheet",
        "columns": "a value in column {found}, beyond the {limit} columns of a sheet",
        "cells": "more than {limit} filled cells",
        "spread": "its values spread over {found} cells, with no blank gap to cut at "
        "(at most {limit} are read)",
        "whole": "its values spread over {found} cells, and this format is read whole "
        "(at most {limit} are read; saved as .xlsx, the far cells would be left out)",
        "run": "{found} MiB of text in one piece, more than any cell holds ({limit} MiB)",
        "cell_chars": "a text of {found} characters, more than the {limit} of a cell",
        "unpacked": "it unpacks to {found} MiB, more than the {limit} MiB prodsheets reads",
    },
    "fr": {
        "rows": "une valeur en ligne {found}, au-delà des {limit} lignes d'une feuille",
        "columns": "une valeur en colonne {found}, au-delà des {limit} colonnes d'une feuille",
        "cells": "plus de {limit} cellules remplies",
        "spread": "ses valeurs s'étendent sur {found} cellules, sans vide où couper "
        "(au plus {limit} sont lues)",
        "whole": "ses valeurs s'étendent sur {found} cellules, et ce format se lit d'un bloc "
        "(au plus {limit} sont lues ; enregistrée en .xlsx, les cellules lointaines seraient "
        "laissées de côté)",
        "run": "{found} Mio de texte d'un seul tenant, plus qu'aucune cellule n'en contient "
        "({limit} Mio)",
        "cell_chars": "un texte de {found} caractères, plus que les {limit} d'une cellule",
        "unpacked": "il fait {found} Mio une fois décompressé, plus que les {limit} Mio que "
        "prodsheets lit",
    },
}


def _open_failure(
    path: Path, head: bytes, exc: BaseException, where: tuple[Location, ...]
) -> Finding:
    text = str(exc)
    lowered = text.lower()
    if head.startswith(CFB_MAGIC) and _xls_is_encrypted(path):
        return Finding(C.ENCRYPTED, {}, where)
    if "password" in lowered or "encrypt" in lowered:
        return Finding(C.ENCRYPTED, {}, where)
    if "cell limit" in lowered or "too large" in lowered or "memory" in lowered:
        return Finding(C.TOO_LARGE, {"detail": _short(exc)}, where)
    if "cannot detect file format" in lowered:
        return Finding(
            C.NOT_A_SPREADSHEET, {"detail": Bilingual("unknown content", "contenu inconnu")}, where
        )
    if "entity" in lowered:
        detail = Bilingual(
            "it holds XML entity declarations, a known attack (“XML bomb”)",
            "il contient des déclarations d'entités XML, une attaque connue (« bombe XML »)",
        )
        return Finding(C.CORRUPT, {"detail": detail}, where)
    return Finding(C.CORRUPT, {"detail": _short(exc)}, where)


def _sniff(path: Path, head: bytes) -> Refusal | None:
    """Refuse, from the first bytes, what calamine would misread or answer obscurely."""
    if head.startswith(CFB_MAGIC):
        if _cfb_has_stream(path, "EncryptedPackage"):
            return C.ENCRYPTED, {}
        return None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] == b"<":
        lowered = stripped.lower()
        if (
            b"urn:schemas-microsoft-com:office:spreadsheet" in lowered
            or b"mso-application" in lowered
        ):
            return C.UNSUPPORTED_FORMAT, {
                "detail": Bilingual(
                    "Excel 2003 XML (SpreadsheetML)", "Excel 2003 XML (SpreadsheetML)"
                )
            }
        if b"office:document" in lowered:
            return C.UNSUPPORTED_FORMAT, {
                "detail": Bilingual("flat OpenDocument (.fods)", "OpenDocument à plat (.fods)")
            }
        if b"<html" in lowered or b"<!doctype html" in lowered or b"<table" in lowered:
            return C.NOT_A_SPREADSHEET, {
                "detail": Bilingual(
                    "an HTML page saved with a spreadsheet's name",
                    "une page HTML enregistrée sous un nom de classeur",
                )
            }
        return C.NOT_A_SPREADSHEET, {"detail": Bilingual("an XML file", "un fichier XML")}
    if len(head) >= 4 and head[0] == 0x09 and head[1] in (0x00, 0x02, 0x04) and head[3] == 0x00:
        return C.UNSUPPORTED_FORMAT, {
            "detail": Bilingual("Excel 2.x–4.0 (before 1995)", "Excel 2.x–4.0 (antérieur à 1995)")
        }
    if head.startswith(b"%PDF"):
        return C.NOT_A_SPREADSHEET, {"detail": Bilingual("a PDF document", "un document PDF")}
    if _looks_like_text(head):
        if (
            path.suffix.lower() in {".csv", ".txt", ".tsv"}
            or head.count(b";") + head.count(b",") > 2
        ):
            return C.UNSUPPORTED_FORMAT, {
                "detail": Bilingual("CSV or plain text", "CSV ou texte brut")
            }
        return C.NOT_A_SPREADSHEET, {"detail": Bilingual("plain text", "du texte brut")}
    return None


def _looks_like_text(head: bytes) -> bool:
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = head.decode("cp1252")
        except UnicodeDecodeError:
            return False
    return bool(text) and all(c.isprintable() or c in "\r\n\t" for c in text)


def _open_package(path: Path) -> tuple[zipfile.ZipFile | None, Refusal | None]:
    """The zip package of an xlsx/xlsm/ods, or why it cannot be a workbook."""
    try:
        z = zipfile.ZipFile(path)
        infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
        detail = Bilingual(
            f"not a complete zip archive: {_short(exc)}",
            f"archive zip incomplète : {_short(exc)}",
        )
        return None, (C.CORRUPT, {"detail": detail})
    names = {i.filename.replace("\\", "/").lower() for i in infos}
    refusal: Refusal | None = None
    if not any(n in names for n in ("[content_types].xml", "mimetype", "content.xml")):
        detail = Bilingual("a zip archive without a workbook", "une archive zip sans classeur")
        refusal = C.NOT_A_SPREADSHEET, {"detail": detail}
    elif (big := max((i.file_size for i in infos), default=0)) > MAX_MEMBER_BYTES:
        refusal = C.TOO_LARGE, {"detail": f"{big / 1024**3:.1f} GiB"}
    if refusal is not None:
        z.close()
        return None, refusal
    return z, None


def _cfb_has_stream(path: Path, name: str) -> bool:
    """Whether an OLE2 container names a stream (the directory holds UTF-16 names)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(4 * 1024 * 1024)
    except OSError:
        return False
    return name.encode("utf-16-le") in data


def _xls_is_encrypted(path: Path) -> bool:
    """An Excel 97-2003 workbook whose first records include FILEPASS (RC4 or XOR)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(4 * 1024 * 1024)
    except OSError:
        return False
    for match in re.finditer(rb"\x09\x08[\x08\x10]\x00", data):
        pos = match.start()
        for _ in range(6):  # FILEPASS follows BOF within a few records
            if pos + 4 > len(data):
                break
            rtype, length = struct.unpack_from("<HH", data, pos)
            if rtype == 0x002F:
                return True
            pos += 4 + length
    return False


def _xlsx_date1904(wb: Workbook) -> bool:
    """Whether the workbook counts days from 1904 (old Mac Excel, some LibreOffice files)."""
    try:
        wb._sheet_parts = _sheet_parts(wb.package())
    except Exception:
        return False
    return wb._sheet_parts.date1904


# --- xlsx: formulas without a saved result, and error cells ------------------------

_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)/?>")
_ATTR = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')
_REL = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)/?>")
# Only sheets with an error or a formula without a saved value are walked cell by cell:
# these patterns are compiled then, on first use (the re module caches them).
_CELL = rb"(?s)<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)"
_CELL_REF = rb"([A-Z]{1,3})([0-9]+)"
_VALUE = rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>"
# The end of a formula not followed by a saved value (``<v>`` and at least one character).
_FORMULA_WITHOUT_VALUE = re.compile(
    rb"(?:</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>)(?!\s*<(?:\w+:)?v>[^<])"
)


def _xml_unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    if "&" not in text:
        return text
    import html  # only for names with entities: it costs a few ms to import

    return html.unescape(text)


class SheetParts(dict[str, str]):
    """Sheet name → worksheet part, and whether dates count from 1904: workbook.xml, once."""

    date1904 = False


def _sheet_parts(z: zipfile.ZipFile) -> SheetParts:
    """Sheet name → worksheet part, from workbook.xml and its relationships."""
    parts = SheetParts()
    by_lower = {i.filename.replace("\\", "/").lower(): i for i in z.infolist()}
    wb_info = next((i for n, i in by_lower.items() if n.endswith("workbook.xml")), None)
    if wb_info is None:
        return parts
    with z.open(wb_info) as fh:
        wb_xml = fh.read(16 * 1024 * 1024)
    parts.date1904 = re.search(rb'date1904\s*=\s*["\'](1|true)["\']', wb_xml) is not None
    wb_name = wb_info.filename.replace("\\", "/")
    folder = wb_name.rsplit("/", 1)[0] if "/" in wb_name else ""
    rels_name = f"{folder}/_rels/workbook.xml.rels".lower().lstrip("/")
    rels_info = by_lower.get(rels_name)
    if rels_info is None:
        return parts
    with z.open(rels_info) as fh:
        rels_xml = fh.read(16 * 1024 * 1024)
    targets: dict[bytes, str] = {}
    for m in _REL.finditer(rels_xml):
        attrs = dict(_ATTR.findall(m[1]))
        if b"Id" in attrs and b"Target" in attrs:
            target = _xml_unescape(attrs[b"Target"]).replace("\\", "/")
            target = (
                target.lstrip("/") if target.startswith("/") else f"{folder}/{target}".lstrip("/")
            )
            targets[attrs[b"Id"]] = target
    for m in _SHEET_TAG.finditer(wb_xml):
        attrs = dict(_ATTR.findall(m[1]))
        rid = next((v for k, v in attrs.items() if k.endswith(b":id")), None)
        if b"name" in attrs and rid in targets:
            target = targets[rid]
            info = by_lower.get(target.lower())
            if info is not None:
                parts[_xml_unescape(attrs[b"name"])] = info.filename
    return parts


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


def _xlsx_cell_notes(wb: Workbook, sheet_name: str) -> dict[tuple[int, int], str]:
    """Formula cells with no saved result, and error cells, of one xlsx worksheet.

    Streams the part in chunks and only runs the cell pattern when the chunk holds a
    formula or an error at all, so a million plain rows cost one fast byte search.
    """
    notes: dict[tuple[int, int], str] = {}
    try:
        z = wb.package()
        if wb._sheet_parts is None:
            wb._sheet_parts = _sheet_parts(z)
        part = wb._sheet_parts.get(sheet_name)
        if part is None:
            return notes
        with z.open(part) as fh:
            carry = b""
            while True:
                chunk = fh.read(8 * 1024 * 1024)
                if not chunk:
                    break
                buf = carry + chunk
                cut = buf.rfind(b"</row>")
                if cut < 0:
                    carry = buf[-4 * 1024 * 1024 :]
                    continue
                cut += len(b"</row>")
                _scan_cells(buf[:cut], notes)
                carry = buf[cut:]
            _scan_cells(carry, notes)
    except Exception:
        return notes  # calamine read the sheet; these notes only refine blanks
    return notes


def _scan_cells(buf: bytes, notes: dict[tuple[int, int], str]) -> None:
    if b'"e"' not in buf:  # no error cell: only formulas without a saved result matter
        if b"<f" not in buf and b":f" not in buf:
            return
        if _FORMULA_WITHOUT_VALUE.search(buf) is None:
            return  # a budget's totals, all saved by Excel: no cell to look at
    for m in re.finditer(_CELL, buf):
        attrs, inner = m[1], m[2] or b""
        is_error = b't="e"' in attrs
        has_formula = b"<f" in inner or b":f" in inner
        if not (is_error or has_formula):
            continue
        ref = re.search(rb'\br="([A-Z]{1,3}[0-9]+)"', attrs)
        if ref is None:
            continue
        cm = re.fullmatch(_CELL_REF, ref[1])
        if cm is None:
            continue
        pos = (int(cm[2]) - 1, _col_index(cm[1]))
        value = re.search(_VALUE, inner)
        if is_error:
            notes[pos] = _xml_unescape(value[1]) if value else "#ERROR"
        elif value is None or (value[1] == b"" and b't="str"' not in attrs):
            notes[pos] = "formula"
