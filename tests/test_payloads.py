"""Nothing from a workbook is ever written as a formula, by any writer prodsheets has.

Each payload is typed as text in the title, a chapter, a crew member's name and id and an
event's title; every file prodsheets writes from it is read back: no formula anywhere, and
the payload is there, as text.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner
from conftest import Sheets, write_workbook
from mutate import rewrite

from prodsheets.cli import main

PAYLOADS = ["=", "+", "-", "@", "=cmd|' /C calc'!A0", '=HYPERLINK("http://evil","x")']


def formulas(path: Path) -> list[str]:
    """Every formula element in the package's worksheets."""
    with zipfile.ZipFile(path) as z:
        return [
            f"{name}: {m[0][:80]!r}"
            for name in z.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
            for m in re.finditer(rb"<(?:\w+:)?f\b[^>]*>[^<]*", z.read(name))
        ]


def texts(path: Path) -> set[str]:
    """Every text cell's value, read back with openpyxl."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    found = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    found.add(cell.value)
    return found


@pytest.fixture(params=PAYLOADS, ids=["eq", "plus", "minus", "at", "dde", "hyperlink"])
def payload(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def hostile(production: Sheets, tmp_path: Path, payload: str) -> Path:
    """The clean production with the payload as title, chapter, name, an id and a title."""
    production["Production"][1][1] = "PAYLOAD-TITLE"
    production["Devis"][1][1] = "PAYLOAD-CHAPTER"
    production["Équipe"][1][1] = "PAYLOAD-NAME"
    production["Planning"][1][4] = "PAYLOAD-EVENT"
    # A second chef opératrice, free when LUCIE is absent: her id is the payload.
    production["Équipe"].append(
        ["PAYLOAD-ID", "Ana Payet", "Chef opératrice", "intermittent", 400, "02.01"]
    )
    path = write_workbook(tmp_path / "prod" / "prod.xlsx", production)
    changed = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            xml = z.read(name)
            for marker in (b"PAYLOAD-TITLE", b"PAYLOAD-CHAPTER", b"PAYLOAD-NAME", b"PAYLOAD-EVENT"):
                xml = xml.replace(marker, escape(payload).encode())
            # An id keeps its own spelling: the payload and a name make one id.
            xml = xml.replace(b"PAYLOAD-ID", escape(payload + "ANA").encode())
            changed[name] = xml
    rewrite(path, changed)
    assert formulas(path) == []
    return path


def run(*args: str | Path) -> str:
    done = CliRunner().invoke(main, [str(a) for a in args])
    assert done.exit_code in (0, 1), done.output
    return done.output


def test_report_xlsx(hostile: Path, payload: str, tmp_path: Path) -> None:
    run("report", hostile, "-o", tmp_path / "out", "--no-pdf")
    report = tmp_path / "out" / "report.xlsx"
    assert formulas(report) == []
    assert any(payload in t for t in texts(report))


def test_annotated_copies(hostile: Path, payload: str, tmp_path: Path) -> None:
    run("check", hostile, "--annotate", tmp_path / "out")
    copy = tmp_path / "out" / "prod.xlsx"
    assert formulas(copy) == []
    assert payload in texts(copy)


def test_whatif_apply_copies(hostile: Path, payload: str, tmp_path: Path) -> None:
    run("whatif", hostile, "--absent", "LUCIE", "--apply", tmp_path / "out")
    copy = tmp_path / "out" / "prod.xlsx"
    assert formulas(copy) == []
    from openpyxl import load_workbook

    cell = load_workbook(copy)["Affectations"]["B2"]
    assert (cell.value, cell.data_type) == (payload + "ANA", "s")


def test_the_control_workbook(hostile: Path, payload: str) -> None:
    run("excel", hostile.parent)
    control = hostile.parent / "controle.xlsm"
    assert formulas(control) == []
    assert payload in texts(control)


def test_the_cells_the_button_writes(
    hostile: Path, payload: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from xlwings_standin import App, Book

    from prodsheets.excel.entry import run as click

    folder = hostile.parent
    run("excel", folder)
    book = Book(str(folder / "controle.xlsm"), ["Tableau de bord", "Constats"], App())
    monkeypatch.setattr("webbrowser.open", lambda url: None)
    click(book)
    dash, found = book.sheets["Tableau de bord"], book.sheets["Constats"]
    assert dash.formulas == {} and found.formulas == {}
    assert payload in {v for v in dash.cells.values() if isinstance(v, str)}


def test_payloads_pass_through_every_writer_in_one_file(tmp_path: Path) -> None:
    """The openpyxl helper alone: what --apply and annotated copies rely on."""
    from openpyxl import Workbook

    from prodsheets.io.write import text_cell

    wb = Workbook()
    for i, p in enumerate(PAYLOADS, start=1):
        text_cell(wb.active.cell(row=i, column=1), p)
    wb.save(tmp_path / "t.xlsx")
    assert formulas(tmp_path / "t.xlsx") == []
    assert texts(tmp_path / "t.xlsx") == set(PAYLOADS)


def test_a_workbook_named_like_a_scheme_is_linked_as_a_file(
    production: Sheets, tmp_path: Path
) -> None:
    """Reported into its own folder (as the README allows), the link stays a file's."""
    folder = tmp_path / "prod"
    production["Affectations"].append(["S1", "NOBODY"])  # a finding, so a link
    write_workbook(folder / "javascript:alert(1).xlsx", production)
    run("report", folder, "-o", folder, "--no-pdf")
    page = (folder / "report.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]*)"', page)
    assert any("alert" in link for link in links)
    assert all(link.startswith(("#", "./", "../")) for link in links), links
    assert "javascript:" not in " ".join(links)
    from openpyxl import load_workbook

    report = load_workbook(folder / "report.xlsx")
    targets = [
        c.hyperlink.target for row in report["Constats"].iter_rows() for c in row if c.hyperlink
    ]
    scheme = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # what a reader takes for a scheme
    assert targets and not any(scheme.match(t) for t in targets), targets
