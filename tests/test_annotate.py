"""`check --annotate OUT`: coloured, commented copies; the originals never change."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import Sheets, write_workbook
from openpyxl import load_workbook

from prodsheets.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "workbooks"


def sha256s(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def invoke(*args: object):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, [str(a) for a in args])


def test_problem_cells_are_filled_and_commented(production: Sheets, tmp_path: Path) -> None:
    production["Affectations"][3][1] = "MARCO"  # B4: nobody is called MARCO (error)
    prod = tmp_path / "prod"
    write_workbook(prod / "production.xlsx", production)
    before = sha256s(prod)

    result = invoke("check", prod, "--annotate", tmp_path / "out")

    assert result.exit_code == 1
    assert sha256s(prod) == before
    ws = load_workbook(tmp_path / "out" / "production.xlsx")["Affectations"]
    assert ws["B4"].value == "MARCO"  # the copy keeps the values
    assert ws["B4"].fill.fgColor.rgb == "00FFC7CE"
    assert ws["B4"].comment.author == "prodsheets"
    assert ws["B4"].comment.text.startswith("erreur PS114 : ")
    assert "MARCO" in ws["B4"].comment.text and "\n→ " in ws["B4"].comment.text
    assert ws["B3"].comment is None and ws["B3"].fill.fill_type is None


def test_the_examples_annotated_in_english_originals_unchanged(tmp_path: Path) -> None:
    prod = tmp_path / "film"
    shutil.copytree(EXAMPLES / "tournage-reunion", prod)
    before = sha256s(prod)
    findings = json.loads(invoke("check", prod, "--format", "json").output)["findings"]

    result = invoke("check", prod, "--format", "json", "--lang", "en", "--annotate", tmp_path / "o")

    assert sha256s(prod) == before
    assert json.loads(result.stdout)["summary"]  # stdout is still only the JSON
    cells = {
        (loc["file"], loc["sheet"], loc["cell"])
        for f in findings
        for loc in f["locations"]
        if loc["cell"]
    }
    assert cells
    for file, sheet, cell in cells:
        ws = load_workbook(tmp_path / "o" / file)[sheet]
        assert ws[cell].comment is not None, (file, sheet, cell)
        assert ws[cell].fill.fgColor.rgb in {"00FFC7CE", "00FFEB9C", "00DDEBF7"}
    first = findings[0]["locations"][0]
    text = load_workbook(tmp_path / "o" / first["file"])[first["sheet"]][first["cell"]].comment.text
    assert text.split(" ")[0] in {"error", "warning", "info"}


def test_xlsm_keeps_its_vba_and_other_formats_are_skipped(
    production: Sheets, tmp_path: Path
) -> None:
    import io
    import zipfile

    import xlsxwriter

    from prodsheets.excel.workbook import vba_project, write_control

    prod = tmp_path / "prod"
    write_workbook(prod / "production.xlsx", production)
    (prod / "notes.ods").write_bytes(b"PK\x03\x04 not really")
    macros = xlsxwriter.Workbook(str(prod / "macros.xlsm"))  # the producer's own macros
    macros.add_vba_project(io.BytesIO(vba_project()), is_stream=True)
    macros.add_worksheet("Notes")
    macros.close()
    write_control(prod, "fr")  # controle.xlsm: prodsheets' own output, not annotated

    result = invoke("check", prod, "--annotate", tmp_path / "out")

    assert "notes.ods : non annoté" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "macros.xlsm",
        "production.xlsx",
    ]
    with zipfile.ZipFile(tmp_path / "out" / "macros.xlsm") as z:
        assert z.read("xl/vbaProject.bin") == vba_project()


def test_refuses_to_write_over_the_originals(production: Sheets, tmp_path: Path) -> None:
    prod = tmp_path / "prod"
    write_workbook(prod / "production.xlsx", production)
    before = sha256s(prod)
    result = invoke("check", prod, "--annotate", prod)
    assert result.exit_code == 2 and "dossier de la production" in result.stderr
    assert sha256s(prod) == before


def test_several_productions_each_in_its_folder(production: Sheets, tmp_path: Path) -> None:
    a, b = tmp_path / "film-a", tmp_path / "film-b"
    write_workbook(a / "production.xlsx", production)
    write_workbook(b / "production.xlsx", production)
    invoke("check", a, b, "--annotate", tmp_path / "out")
    assert (tmp_path / "out" / "film-a" / "production.xlsx").exists()
    assert (tmp_path / "out" / "film-b" / "production.xlsx").exists()


def test_two_productions_in_folders_of_the_same_name_go_apart(
    production: Sheets, tmp_path: Path
) -> None:
    a, b = tmp_path / "2025" / "film", tmp_path / "2026" / "film"
    write_workbook(a / "production.xlsx", production)
    production["Équipe"][1][1] = "Lucie Martin-Payet"
    write_workbook(b / "production.xlsx", production)
    result = invoke("check", a, b, "--annotate", tmp_path / "out", "--format", "json")
    copies = sorted(p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*.xlsx"))
    assert [str(p) for p in copies] == ["2025/film/production.xlsx", "2026/film/production.xlsx"]
    b_copy = load_workbook(tmp_path / "out" / "2026" / "film" / "production.xlsx")
    assert b_copy["Équipe"]["B2"].value == "Lucie Martin-Payet"
    files = {loc["file"] for f in json.loads(result.stdout)["findings"] for loc in f["locations"]}
    assert not any(f.startswith("film/") for f in files)
