"""`prodsheets excel`: the control workbook (checked as a zip, read back, opened by
LibreOffice) and its button's main(), driven by a stand-in for xlwings' Book since
Excel cannot run on Linux."""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from xlwings_standin import App, Book

from prodsheets.cli import main
from prodsheets.excel import entry
from prodsheets.excel import layout as L
from prodsheets.excel.workbook import vba_project, write_control
from prodsheets.i18n.words import CONTROL
from prodsheets.pipeline import check

EXAMPLES = Path(__file__).resolve().parent.parent / "workbooks"


def invoke(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def film(tmp_path: Path) -> Path:
    folder = tmp_path / "film"
    shutil.copytree(EXAMPLES / "tournage-reunion", folder)
    return folder


# --- the control workbook ------------------------------------------------------------


def test_excel_writes_the_workbook_and_its_module(film: Path) -> None:
    result = invoke("excel", film)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        str(film / "controle.xlsm"),
        str(film / "controle.py"),
    ]
    module = (film / "controle.py").read_text()
    assert "from prodsheets.excel.entry import main as run" in module

    with zipfile.ZipFile(film / "controle.xlsm") as z:
        assert z.testzip() is None
        assert z.read("xl/vbaProject.bin") == vba_project()
        types = z.read("[Content_Types].xml").decode()
        assert "application/vnd.ms-excel.sheet.macroEnabled.main+xml" in types
        assert "application/vnd.ms-office.vbaProject" in types
        vml = z.read("xl/drawings/vmlDrawing1.vml").decode()
        assert "<x:FmlaMacro>[0]!SampleCall</x:FmlaMacro>" in vml
        assert 'ObjectType="Button"' in vml and "Vérifier la production" in vml
        rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
        assert "vmlDrawing1.vml" in rels  # the button sits on the dashboard (first sheet)
        assert 'codeName="ThisWorkbook"' in z.read("xl/workbook.xml").decode()

    wb = load_workbook(film / "controle.xlsm")
    assert wb.sheetnames == ["Tableau de bord", "Constats", "xlwings.conf"]
    dash = wb["Tableau de bord"]
    assert dash["A1"].value == "Le Grand Départ"
    assert dash[L.STATUS].value == "Cliquez sur « Vérifier la production »."
    assert [c.value for c in dash[L.COSTS_HEAD]][:7] == CONTROL["fr"]["cost_columns"]
    assert [c.value for c in wb["Constats"][1]] == CONTROL["fr"]["finding_columns"]
    conf = {r[0]: r[1] for r in wb["xlwings.conf"].iter_rows(max_row=9, values_only=True)}
    assert conf["PYTHONPATH"] == str(film.resolve())
    assert set(conf) >= {"Interpreter_Win", "Interpreter_Mac", "Show Console"}


@pytest.mark.parametrize(
    ("platform", "win", "mac"),
    [("win32", r"C:\py\python.exe", None), ("darwin", None, r"C:\py\python.exe")],
)
def test_the_interpreter_is_the_current_python_where_excel_runs(
    tmp_path: Path, platform: str, win: str | None, mac: str | None
) -> None:
    written = write_control(tmp_path, "en", platform=platform, executable=r"C:\py\python.exe")
    assert written.workbook.name == "control.xlsm" and written.module.name == "control.py"
    ws = load_workbook(written.workbook)["xlwings.conf"]
    assert (ws["A1"].value, ws["B1"].value) == ("Interpreter_Win", win)
    assert (ws["A2"].value, ws["B2"].value) == ("Interpreter_Mac", mac)


def test_never_overwrites_without_force(film: Path) -> None:
    assert invoke("excel", film).exit_code == 0
    (film / "controle.xlsm").write_bytes(b"mine")
    result = invoke("excel", film)
    assert result.exit_code == 2 and "--force" in result.stderr
    assert (film / "controle.xlsm").read_bytes() == b"mine"
    assert invoke("excel", film, "--force").exit_code == 0
    assert zipfile.is_zipfile(film / "controle.xlsm")
    assert not [p for p in film.iterdir() if p.name.endswith(".tmp")]


def test_a_folder_without_a_production_gets_nothing(tmp_path: Path) -> None:
    """No control workbook in English for an empty folder: it says so, exits 2."""
    result = invoke("excel", tmp_path)
    assert result.exit_code == 2
    assert "pas de production dans" in result.output and "no production in" in result.output
    assert "PS002" in result.output
    assert list(tmp_path.iterdir()) == []


def test_lang_en_and_the_production_language(tmp_path: Path) -> None:
    festival = tmp_path / "festival"
    shutil.copytree(EXAMPLES / "festival", festival)
    lang = check([festival]).language
    invoke("excel", festival)
    assert (festival / f"{L.NAMES[lang]}.xlsm").exists()
    assert invoke("excel", festival, "--lang", "en", "--force").exit_code == 0
    assert load_workbook(festival / "control.xlsm").sheetnames[:2] == ["Dashboard", "Findings"]


def test_check_finds_the_same_after_excel(film: Path) -> None:
    before = invoke("check", film, "--format", "json")
    invoke("excel", film)
    after = invoke("check", film, "--format", "json")
    assert (after.exit_code, json.loads(after.stdout)) == (
        before.exit_code,
        json.loads(before.stdout),
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it(film: Path, tmp_path: Path) -> None:
    invoke("excel", film)
    out = tmp_path / "pdf"
    proc = subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(film / "controle.xlsm"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    assert (out / "controle.pdf").stat().st_size > 1000


# --- the button's main() ------------------------------------------------------------------


@pytest.fixture
def clicked(film: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The control workbook written, Excel stood in for, the browser recorded."""
    invoke("excel", film)
    app = App()
    book = Book(str(film / "controle.xlsm"), ["Tableau de bord", "Constats", "xlwings.conf"], app)
    budget = Book(str(film / "budget.xlsx"), ["Devis"], app)
    elsewhere = Book(str(film.parent / "other.xlsx"), ["Sheet1"], app)
    unsaved_new = Book("Classeur1", ["Feuil1"], app)
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    import xlwings

    monkeypatch.setattr(xlwings.Book, "caller", staticmethod(lambda: book))
    return book, (budget, elsewhere, unsaved_new), opened


def test_main_writes_status_findings_links_and_costs(clicked, film: Path) -> None:  # type: ignore[no-untyped-def]
    book, (budget, elsewhere, unsaved_new), opened = clicked
    sys.path.insert(0, str(film))
    try:
        importlib.import_module("controle").main()  # what SampleCall runs
    finally:
        sys.path.remove(str(film))
        sys.modules.pop("controle", None)

    expected = check([film])
    s = expected.summary
    dash, found = book.sheets["Tableau de bord"], book.sheets["Constats"]
    status = dash.range(L.STATUS).value
    assert status.startswith("Vérifié le ")
    assert status.endswith(f" : {s['errors']} erreurs, {s['warnings']} avertissements.")
    assert [dash.range(f"B{r}").value for r in (8, 9, 10)] == [
        s["errors"],
        s["warnings"],
        s["infos"],
    ]

    rows = found.rows()[1:]
    ordered = sorted(expected.findings, key=lambda f: f.by_severity())  # errors first
    assert [r[:3] for r in rows] == [
        [f.level.label("fr"), f.code.code, str(f.location)] for f in ordered
    ]
    assert [r[3] for r in rows] == [f.message("fr") for f in ordered]
    severities = [r[0] for r in rows]
    assert severities == sorted(severities, key=["erreur", "attention", "info"].index)
    links = {r: a for (r, c), a in found.links.items() if c == 3}
    assert len(links) == len(expected.findings)
    first = ordered[0].location
    assert links[2] == f"{first.file}#'{first.sheet}'!{first.cell}"
    assert all(not a.startswith(("=", "/")) and "HYPERLINK" not in a for a in links.values())
    assert all("HYPERLINK" not in str(v) for v in found.cells.values())

    rec = expected.analyses[0].reconciliation
    costs = dash.rows()[L.COSTS_HEAD :]
    assert [r[0] for r in costs][-1] == f"Total ({rec.currency})"
    assert costs[-1][1] == float(rec.total.budget) and costs[-1][6] == float(rec.total.variance)
    assert len(costs) == len(rec.chapters) + 1

    report = film / "rapports" / "report.html"
    assert report.exists() and opened == [report.resolve().as_uri()]
    assert dash.links[(11, 2)] == "rapports/report.html"
    assert (budget.saved, elsewhere.saved, unsaved_new.saved) == (1, 0, 0)
    assert book.saved == 0


def test_a_second_click_replaces_the_first(clicked, film: Path) -> None:  # type: ignore[no-untyped-def]
    book, _, _ = clicked
    entry.main()
    found = book.sheets["Constats"]
    first = (dict(found.cells), dict(found.links))
    found.range("A500").value = "stale"
    entry.main()
    assert (found.cells, found.links) == first


def test_any_failure_is_said_in_the_status_cell(clicked, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    book, _, opened = clicked

    def locked(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", "schedule.xlsx")

    monkeypatch.setattr("prodsheets.pipeline.check", locked)
    entry.main()  # no exception escapes
    status = book.sheets["Tableau de bord"].range(L.STATUS).value
    assert status.startswith("Échec de la vérification le ")
    assert "un fichier est verrouillé ou en lecture seule" in status and "schedule.xlsx" in status
    assert opened == []


def test_an_unreadable_production_is_said_too(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "prod"
    folder.mkdir()
    write_control(folder, "en")
    (folder / "budget.xlsx").write_bytes(b"not a workbook")
    book = Book(str(folder / "control.xlsm"), ["Dashboard", "Findings", "xlwings.conf"])
    entry.run(book, open_report=False)
    status = book.sheets["Dashboard"].range(L.STATUS).value
    assert status.startswith("Checked on ") and "could not be read in full" in status
    assert book.sheets["Findings"].rows()[1][1].startswith("PS")


def test_the_button_module_imports_nothing_heavy() -> None:
    code = (
        "import sys, prodsheets.excel.entry;"
        "print(sorted(m for m in ('xlsxwriter','openpyxl','jinja2','xlwings','pandas',"
        "'numpy','prodsheets.check') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
