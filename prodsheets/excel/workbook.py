"""``prodsheets excel PROD``: the control workbook and the module its button imports.

The VBA project is the one xlwings ships in ``quickstart_standalone.xlsm``: the whole
xlwings VBA module (no add-in needed) and ``Module1.SampleCall``, which runs
``import <workbook name>; <workbook name>.main()``. So ``controle.xlsm`` gets a
``controle.py`` beside it whose ``main()`` is prodsheets' entry point, and an
``xlwings.conf`` sheet saying which Python to run and where the module is.

Its sheets match no table name, so the production loader skips the workbook.
"""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from prodsheets.excel import layout as L
from prodsheets.i18n.words import CONTROL
from prodsheets.io.workbook import OUTPUT_MARK

MODULE = '''"""The Excel button's module, written by `prodsheets excel`: xlwings imports it by the
workbook's name ({workbook}) and calls main()."""


def main() -> None:
    from prodsheets.excel.entry import main as run

    run()
'''


@dataclass
class Written:
    workbook: Path
    module: Path


def vba_project() -> bytes:
    """xl/vbaProject.bin of the installed xlwings' quickstart_standalone.xlsm."""
    import importlib.util

    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("xlwings is not installed: pip install xlwings")
    source = Path(next(iter(spec.submodule_search_locations))) / "quickstart_standalone.xlsm"
    with zipfile.ZipFile(source) as z:
        return z.read("xl/vbaProject.bin")


def names(lang: str) -> tuple[str, str]:
    return f"{L.NAMES[lang]}.xlsm", f"{L.NAMES[lang]}.py"


def conf_values(folder: Path, platform: str = sys.platform, executable: str = sys.executable):  # type: ignore[no-untyped-def]
    """The xlwings.conf sheet: this Python where Excel runs (Windows, macOS), the folder."""
    win = executable if platform == "win32" else ""
    mac = executable if platform == "darwin" else ""
    return [
        ["Interpreter_Win", win],
        ["Interpreter_Mac", mac],
        ["PYTHONPATH", str(folder.resolve())],
        ["Conda Path", ""],
        ["Conda Env", ""],
        ["UDF Modules", ""],
        ["Debug UDFs", False],
        ["Use UDF Server", False],
        ["Show Console", False],
    ]


def write_control(
    folder: Path,
    lang: str,
    title: str = "",
    force: bool = False,
    platform: str = sys.platform,
    executable: str = sys.executable,
) -> Written:
    """Write the control workbook and its module into ``folder``, each atomically.

    Raises WorkbooksExist (with the paths) when either exists and ``force`` is not set.
    """
    from prodsheets.create import WorkbooksExist
    from prodsheets.io.write import atomic, atomic_text

    book_name, module_name = names(lang)
    book, module = folder / book_name, folder / module_name
    existing = [p for p in (book, module) if p.exists()]
    if existing and not force:
        raise WorkbooksExist(folder, existing)
    vba = vba_project()
    with atomic(book) as tmp:
        _write(tmp, vba, lang, title, conf_values(folder, platform, executable), folder)
    atomic_text(module, MODULE.format(workbook=book_name))
    return Written(book, module)


def _write(path: Path, vba: bytes, lang: str, title: str, conf: list, folder: Path) -> None:  # type: ignore[type-arg]
    import xlsxwriter

    t = CONTROL[lang]
    # Texts from the production (its title, its folder's name) stay texts, whatever they
    # start with: no string is ever taken for a formula, a number or a link.
    wb = xlsxwriter.Workbook(
        str(path),
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    wb.add_vba_project(io.BytesIO(vba), is_stream=True)
    wb.set_vba_name("ThisWorkbook")
    wb.set_custom_property(OUTPUT_MARK.decode(), "control")  # the loader passes over it
    bold = wb.add_format({"bold": True})
    big = wb.add_format({"bold": True, "font_size": 16})
    head = wb.add_format({"bold": True, "bg_color": "#DDE4EE", "bottom": 1})
    grey = wb.add_format({"font_color": "#666666", "italic": True})
    money = wb.add_format({"num_format": "#,##0.00"})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})

    ws = wb.add_worksheet(L.DASHBOARD[lang])
    ws.set_vba_name("Sheet1")
    ws.set_column("A:A", 36)
    ws.set_column("B:G", 16, money)
    ws.write_string("A1", title or t["title"], big)
    ws.write_string("A2", t["folder"], bold)
    ws.write_string("B2", str(folder.resolve()))
    note = wb.add_format({"font_color": "#666666", "italic": True, "text_wrap": True})
    ws.merge_range("A5:G5", t["how"], note)
    ws.insert_button(
        "A4",
        {
            "macro": "SampleCall",
            "caption": t["button"],
            "width": 260,
            "height": 40,
            "x_offset": 2,
            "y_offset": 2,
        },
    )
    ws.set_row(3, 34)
    ws.set_row(4, 30)
    row = int(L.STATUS[1:]) - 1
    for i, key in enumerate(("status", "errors", "warnings", "infos", "report")):
        ws.write(row + i, 0, t[key], bold)
    ws.write(L.STATUS, t["waiting"])
    count = wb.add_format({"num_format": "0", "align": "left"})
    for i in range(3):  # errors, warnings, infos: main() writes numbers into these
        ws.write_blank(row + 1 + i, 1, None, count)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.write(L.COSTS_HEAD - 2, 0, t["costs"], bold)
    head_right = wb.add_format({"bold": True, "bg_color": "#DDE4EE", "bottom": 1, "align": "right"})
    ws.write(L.COSTS_HEAD - 1, 0, t["cost_columns"][0], head)
    ws.write_row(L.COSTS_HEAD - 1, 1, t["cost_columns"][1:], head_right)
    ws.activate()

    fs = wb.add_worksheet(L.FINDINGS[lang])
    fs.set_vba_name("Sheet2")
    fs.write_row(0, 0, t["finding_columns"], head)
    for col, width in enumerate((11, 8, 34, 70, 60, 24)):
        fs.set_column(col, col, width, wrap if col in (3, 4) else None)
    fs.freeze_panes(1, 0)
    fs.set_landscape()
    fs.fit_to_pages(1, 0)
    fs.autofilter(0, 0, 0, L.FINDINGS_COLUMNS - 1)

    cs = wb.add_worksheet(L.CONF)
    cs.set_vba_name("Sheet3")
    cs.set_column("A:A", 18)
    cs.set_column("B:B", 60)
    for i, (key, value) in enumerate(conf):
        cs.write(i, 0, key)
        cs.write(i, 1, value)
    note = (
        "Interpreter_Win / Interpreter_Mac : le Python où prodsheets est installé "
        "(vide : « python » sous Windows). / the Python prodsheets is installed in "
        "(empty: `python` on Windows)."
    )
    cs.write(len(conf) + 2, 0, note, grey)
    wb.close()
