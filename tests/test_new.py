"""`prodsheets new`: the template workbooks, read back cell by cell.

Each workbook is opened with openpyxl (layout: headers, formats, validations, comments)
and with python-calamine (the values every reader sees, formulas' stored results
included), and the whole production goes back through prodsheets' own reader.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import python_calamine as pc

import prodsheets
from prodsheets.contract import schema
from prodsheets.create import KINDS, README_SHEET, write_production
from prodsheets.create.content import (
    Total,
    budget_totals,
    default_budget,
    template_content,
    workbook_tables,
)
from prodsheets.io import load_production
from prodsheets.io.resources import templates_dir

LANGS = schema.LANGS
FILES = [f"{wb}.xlsx" for wb in schema.WORKBOOKS]
SETTINGS = {"title": "Le Grand Départ", "start": dt.date(2026, 3, 1), "end": dt.date(2026, 4, 30)}
CNC_CHAPTERS = {
    "fr": [
        "01 Droits artistiques",
        "02 Personnel",
        "03 Interprétation",
        "04 Charges sociales et fiscales",
        "05 Décors et costumes",
        "06 Transports, défraiements, régie",
        "07 Moyens techniques",
        "08 Pellicules, laboratoires et post-production",
        "09 Assurances et divers",
        "10 Frais généraux",
        "11 Imprévus",
    ],
    "en": [
        "01 Artistic rights",
        "02 Crew",
        "03 Cast",
        "04 Social charges and payroll taxes",
        "05 Sets and costumes",
        "06 Transport, per diems, unit costs",
        "07 Technical equipment",
        "08 Film stock, laboratories and post-production",
        "09 Insurance and miscellaneous",
        "10 Overheads",
        "11 Contingency",
    ],
}


def tables_of(workbook: str) -> list[schema.Table]:
    return [t for t in schema.TABLES if t.workbook == workbook]


def test_every_table_has_its_workbook_and_the_design_order():
    # Shift codes belong to roster grids: `adopt` writes them into prodsheets.xlsx.
    assert {t.key for wb in schema.WORKBOOKS for t in workbook_tables(wb)} == set(
        schema.TABLES_BY_KEY
    ) - {"shift_codes"}
    assert [t.key for t in workbook_tables("schedule")] == [
        "events", "bookings", "locations", "travel", "risks", "actual_hours",
    ]  # fmt: skip
    assert [t.key for t in workbook_tables("crew")] == [
        "crew", "resources", "vendors", "unavailability", "groups",
    ]  # fmt: skip


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """One production folder per kind and language, written once for the module."""
    root = tmp_path_factory.mktemp("templates")
    out = {}
    for kind in KINDS:
        for lang in LANGS:
            folder = root / f"{kind}-{lang}"
            write_production(folder, kind=kind, lang=lang)
            out[kind, lang] = folder
    return out


def calamine_rows(path: Path, sheet: str) -> list[list[object]]:
    return pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def column_width(ws: object, index: int) -> float:
    """A column's width, where XlsxWriter may have grouped it with its neighbours."""
    dims = ws.column_dimensions.values()  # type: ignore[attr-defined]
    return next(d.width for d in dims if d.min <= index <= d.max)


def sheet_xml(path: Path, sheet: str) -> str:
    """The XML part of a worksheet, found by its name through workbook.xml and its rels."""
    with zipfile.ZipFile(path) as z:
        wb = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        rid = re.search(rf'<sheet name="{re.escape(sheet)}" sheetId="\d+" r:id="(rId\d+)"', wb)
        assert rid, sheet
        target = re.search(rf'Id="{rid[1]}" Type="[^"]+" Target="([^"]+)"', rels)
        assert target
        return z.read("xl/" + target[1]).decode()


# --- every kind and language ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_workbooks_hold_the_read_me_then_their_tables(templates, kind, lang):
    folder = templates[kind, lang]
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)  # no temporary left
    for workbook in schema.WORKBOOKS:
        book = openpyxl.load_workbook(folder / f"{workbook}.xlsx")
        expected = [README_SHEET[lang], *(t.name(lang) for t in workbook_tables(workbook))]
        assert book.sheetnames == expected
        assert book.active.title == README_SHEET[lang]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_table_sheets_have_a_styled_frozen_filtered_header(templates, kind, lang):
    folder = templates[kind, lang]
    for workbook in schema.WORKBOOKS:
        book = openpyxl.load_workbook(folder / f"{workbook}.xlsx")
        for table in tables_of(workbook):
            if table.key_value:
                continue
            ws = book[table.name(lang)]
            header = [c.value for c in ws[1]][: len(table.template_columns)]
            assert header == [c.title(lang) for c in table.template_columns], table.key
            assert ws.freeze_panes == "A2"
            assert ws.auto_filter.ref.startswith("A1:")
            for j, column in enumerate(table.template_columns, start=1):
                cell = ws.cell(1, j)
                assert cell.font.b and cell.fill.fgColor.rgb.endswith("1F4E78")
                assert cell.alignment.wrap_text and cell.border.bottom.style
                assert cell.comment is not None and cell.comment.text.strip()
                if column.help(lang):
                    assert column.help(lang) in cell.comment.text
                assert abs(column_width(ws, j) - column.width) < 1


@pytest.mark.parametrize("lang", LANGS)
def test_choice_and_yes_no_columns_have_drop_down_lists(templates, lang):
    folder = templates["film", lang]
    for workbook in schema.WORKBOOKS:
        book = openpyxl.load_workbook(folder / f"{workbook}.xlsx")
        for table in tables_of(workbook):
            if table.key_value:
                continue
            ws = book[table.name(lang)]
            lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
            for j, column in enumerate(table.template_columns, start=1):
                letter = ws.cell(1, j).column_letter
                if column.choices:
                    labels = [c.label(lang) for c in schema.CHOICES[column.choices]]
                elif column.kind == schema.BOOL:
                    labels = list(schema.YES_NO[lang])
                else:
                    assert f"{letter}2:{letter}1000" not in lists
                    continue
                assert lists[f"{letter}2:{letter}1000"] == '"' + ",".join(labels) + '"'


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_production_sheet_is_key_value_with_defaults(templates, kind, lang):
    path = templates[kind, lang] / "budget.xlsx"
    ws = openpyxl.load_workbook(path)["Production"]
    assert [ws["A1"].value, ws["B1"].value] == (
        ["Paramètre", "Valeur"] if lang == "fr" else ["Setting", "Value"]
    )
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, ws.max_row + 1)}
    assert list(values) == [c.title(lang) for c in schema.PRODUCTION.columns]
    by_key = {c.key: values[c.title(lang)] for c in schema.PRODUCTION.columns}
    label = {name: {c.key: c.label(lang) for c in ch} for name, ch in schema.CHOICES.items()}
    assert by_key["kind"] == label["kind"][kind]
    if kind in ("live", "festival"):  # blank: the comment asks which agreement applies
        assert by_key["rules"] is None
        rules_row = 1 + [c.key for c in schema.PRODUCTION.columns].index("rules") + 1
        assert "IDCC 3090" in ws.cell(rules_row, 1).comment.text
    else:
        rules = {"film": "cinema"}.get(kind, "audiovisual")
        assert by_key["rules"] == label["rules"][rules]
    assert by_key["currency"] == "EUR" and by_key["language"] == lang
    assert by_key["timezone"] == "Europe/Paris"
    assert by_key["title"] is None and by_key["start"] is None and by_key["end"] is None
    date_format = "dd/mm/yyyy" if lang == "fr" else "yyyy-mm-dd"
    start_row = 1 + [c.key for c in schema.PRODUCTION.columns].index("start") + 1
    assert ws.cell(start_row, 2).number_format == date_format  # typed dates show as dates
    lists = {str(dv.sqref) for dv in ws.data_validations.dataValidation}
    kind_row = 1 + [c.key for c in schema.PRODUCTION.columns].index("kind") + 1
    assert f"B{kind_row}" in lists


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_template_budget_totals_are_stored_numbers(templates, kind, lang):
    path = templates[kind, lang] / "budget.xlsx"
    rows = calamine_rows(path, schema.BUDGET.name(lang))
    header, body = rows[0], rows[1:]
    col = {schema.column_for_header(schema.BUDGET, h): j for j, h in enumerate(header)}
    assert body, "the template has budget lines"
    totals = [r for r in body if r[col["code"]] == ""]
    lines = [r for r in body if r[col["code"]] != ""]
    assert all(r[col["total"]] == 0.0 and isinstance(r[col["total"]], float) for r in body)
    assert all(isinstance(r[col["quantity"]], str) and r[col["quantity"]] == "" for r in lines)
    assert totals[-1] == body[-1] and body[-1][col["description"]] == "Total"
    subtotal = "Sous-total" if lang == "fr" else "Subtotal"
    assert all(r[col["description"]].startswith(subtotal) for r in totals[:-1])
    assert len(totals) - 1 == len({r[col["chapter"]] for r in lines})
    book = openpyxl.load_workbook(path)
    ws = book[schema.BUDGET.name(lang)]
    total_letter = openpyxl.utils.get_column_letter(col["total"] + 1)
    assert ws[f"{total_letter}2"].value == "=D2*F2"
    money_format = '#,##0.00 "€"' if lang == "fr" else '"€"#,##0.00'
    assert ws[f"{total_letter}2"].number_format == money_format
    assert ws[f"{total_letter}{len(body) + 1}"].value.startswith("=SUM(")


@pytest.mark.parametrize("lang", LANGS)
def test_film_budget_follows_the_cnc_devis(templates, lang):
    path = templates["film", lang] / "budget.xlsx"
    rows = calamine_rows(path, schema.BUDGET.name(lang))[1:]
    chapters = list(dict.fromkeys(r[1] for r in rows if r[0]))
    assert chapters == CNC_CHAPTERS[lang]
    lines = {r[0]: r for r in rows if r[0]}
    # Chapter 2 opens with the producers, shown apart by the CNC, then the director.
    assert lines["02.01"][2] == (
        "Producteurs (rémunération)" if lang == "fr" else "Producers (fees)"
    )
    director = "Réalisateur (salaire)" if lang == "fr" else "Director (salary)"
    assert lines["02.02"][2] == director
    assert lines["02.02"][4] == ("semaine" if lang == "fr" else "week")
    assert lines["02.02"][6] == "INT"
    # The rushes' media and the laboratory open chapter 8, with image and sound post.
    assert lines["08.01"][2].startswith("Supports des rushes" if lang == "fr" else "Rushes media")
    assert lines["03.01"][6] == "ART"
    assert all(r[0].startswith(r[1][:2] + ".") for r in rows if r[0])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["live", "festival"])
def test_show_budgets_have_artists_technical_venue_logistics_communication_contingency(
    templates, kind, lang
):
    rows = calamine_rows(templates[kind, lang] / "budget.xlsx", schema.BUDGET.name(lang))[1:]
    chapters = [c.split(" ", 1)[1] for c in dict.fromkeys(r[1] for r in rows if r[0])]
    assert len(chapters) == {"live": 8, "festival": 6}[kind]
    assert chapters[1] == ("Technique" if lang == "fr" else "Technical")
    assert "Communication" in chapters
    assert chapters[-1] == ("Imprévus" if lang == "fr" else "Contingency")
    if kind == "live":  # a show budget's headings (ARTCENA, CnT): set, venue, administration
        assert chapters[2] == ("Scénographie et costumes" if lang == "fr" else "Set and costumes")
        administration = "Administration et production" if lang == "fr" else "Administration"
        assert chapters[6].startswith(administration)


@pytest.mark.parametrize("lang", LANGS)
def test_fringes_are_examples_and_say_so(templates, lang):
    path = templates["film", lang] / "budget.xlsx"
    name = schema.FRINGES.name(lang)
    rows = calamine_rows(path, name)
    width = len(schema.FRINGES.columns)
    assert rows[0][:width] == [c.title(lang) for c in schema.FRINGES.columns]
    col = {c.key: j for j, c in enumerate(schema.FRINGES.columns)}
    body = [r[:width] for r in rows[1:] if r[0]]
    # One row per contribution, each with its source; the rows of a code add up.
    assert {r[0] for r in body} == {"INT", "ART", "CDD", "SAL", "PRE", "BEN"}
    assert all(r[col["source"]] for r in body)
    capped = "plafonnée" if lang == "fr" else "capped"
    old_age = [r for r in body if r[0] == "INT" and r[col["base"]] == capped]
    assert old_age and all(r[col["ceiling"]] in (4005.0, 16020.0) for r in old_age)
    assert all(0 <= r[col["rate"]] <= 0.16 for r in body)
    word = "EXEMPLE" if lang == "fr" else "EXAMPLES"
    note = [v for r in rows for v in r[width:] if isinstance(v, str) and v]
    assert len(note) == 1 and word in note[0]
    ws = openpyxl.load_workbook(path)[name]
    assert word in ws["C1"].comment.text
    assert ws["C2"].number_format == "0.0%"
    # The reader finds the header in row 1 and takes the note for no fringe row.
    production, _ = load_production(path)
    assert production.tables["fringes"].col("code") == [r[0] for r in body]
    assert production.tables["fringes"].header_row == 1
    assert production.tables["fringes"].col("base")[1] == "capped"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_a_filled_in_template_reads_back_without_a_finding(tmp_path, kind, lang):
    from prodsheets.pipeline import check_production as validate

    write_production(tmp_path, kind=kind, lang=lang, settings=SETTINGS)
    production, findings = load_production(tmp_path)
    assert findings == []
    assert validate(production) == []
    assert production.settings["title"] == "Le Grand Départ"
    assert production.settings["kind"] == kind
    assert production.settings["start"] == dt.date(2026, 3, 1)


@pytest.mark.parametrize("lang", LANGS)
def test_read_me_explains_every_table_and_column(templates, lang):
    for workbook in schema.WORKBOOKS:
        path = templates["film", lang] / f"{workbook}.xlsx"
        text = "\n".join(
            str(v) for row in calamine_rows(path, README_SHEET[lang]) for v in row if v
        )
        assert "31/12/2026" in text and "8h30" in text and "1 234,56" in text
        for table in tables_of(workbook):
            assert table.name(lang) in text and table.help(lang) in text
            for column in table.columns:
                assert column.title(lang) in text
        assert ("lendemain" if lang == "fr" else "next day") in text
        if workbook == "budget":
            assert ("EXEMPLES" if lang == "fr" else "EXAMPLES") in text
            assert "{" not in text  # every placeholder filled


# --- budget totals: formulas and their stored results --------------------------------


def test_budget_totals_add_lines_never_subtotals():
    rows = [
        {"code": "01.01", "description": "a", "quantity": 2, "rate": Decimal("100.5")},
        {"code": "01.02", "description": "b", "quantity": 3, "rate": Decimal("10.333")},
        {"description": "Sous-total 01"},
        {"code": "02.01", "description": "c", "quantity": Decimal("0.5"), "rate": 50},
        {"code": "02.02", "description": "d", "quantity": 1, "rate": 10, "total": 99},
        {"code": "02.03", "description": "e"},
        {"description": "Subtotal 02", "total": 1},
        {},
        {"description": "Total"},
    ]
    plans = budget_totals(rows, quantity="D", rate="F", total="H")
    assert plans == [
        Total("=D2*F2", Decimal("201.00")),
        Total("=D3*F3", Decimal("31.00")),  # 30.999, rounded to the cent
        Total("=SUM(H2:H3)", Decimal("232.00")),
        Total("=D5*F5", Decimal("25.00")),
        None,  # a total given is written as given
        Total("=D7*F7", Decimal("0.00")),
        None,
        None,  # a blank row
        Total("=SUM(H2:H3,H5:H7)", Decimal("356.00")),  # 201 + 31 + 25 + 99 + 0
    ]


def test_budget_totals_follow_excel_on_text_and_empty_ranges():
    rows = [
        {"description": "Sous-total vide"},
        {"chapter": "01", "description": "01 Chapitre (a heading, not a line to compute)"},
        {"code": "1", "description": "x", "quantity": 2, "_raw": {"rate": "1 234,56"}},
        {"code": "2", "description": "y", "quantity": 2, "_raw": {"rate": "12.5"}},
        {"description": "Total"},
    ]
    plans = budget_totals(rows, quantity="D", rate="F", total="H", first_row=5)
    assert plans == [
        Total("=0", Decimal(0)),
        None,
        Total("=D7*F7", "#VALUE!"),  # Excel cannot multiply the text 1 234,56
        Total("=D8*F8", Decimal("25.00")),
        Total("=SUM(H6:H8)", "#VALUE!"),
    ]


def test_budget_rows_are_written_with_formulas_and_their_results(tmp_path):
    rows = {
        "budget": [
            {"code": "01.01", "chapter": "01 A", "description": "a", "quantity": 2,
             "unit": "day", "rate": Decimal("100.5"), "fringe": "INT"},
            {"code": "01.02", "chapter": "01 A", "description": "b", "quantity": 3,
             "unit": "week", "rate": Decimal("10.333"), "fringe": Decimal("0.45")},
            {"description": "Sous-total 01 A"},
            {"code": "02.01", "chapter": "02 B", "description": "c", "quantity": 1,
             "rate": 10, "total": 99},
            {"description": "Sous-total 02 B", "total": Decimal("1")},
            {"description": "Total"},
        ]
    }  # fmt: skip
    path = write_production(tmp_path, rows=rows, settings=SETTINGS)[0]
    values = calamine_rows(path, "Devis")
    assert [r[7] for r in values[1:]] == [201.0, 31.0, 232.0, 99.0, 1.0, 331.0]
    assert values[1][4] == "jour" and values[2][4] == "semaine"
    ws = openpyxl.load_workbook(path)["Devis"]
    assert [ws[f"H{r}"].value for r in range(2, 8)] == [
        "=D2*F2", "=D3*F3", "=SUM(H2:H3)", 99, 1, "=SUM(H2:H3,H5)",
    ]  # fmt: skip
    assert ws["G3"].number_format == "0.0%" and ws["G2"].value == "INT"
    assert ws["C4"].font.b and ws["H7"].font.b
    cached = openpyxl.load_workbook(path, data_only=True)["Devis"]
    assert [cached[f"H{r}"].value for r in range(2, 8)] == [201, 31, 232, 99, 1, 331]
    # The checks see the planted wrong subtotal, and nothing else.
    from prodsheets.pipeline import check_production as validate

    production, findings = load_production(tmp_path)
    found = [(f.code.name, [str(loc) for loc in f.locations]) for f in validate(production)]
    assert findings == [] and found == [
        ("line-total-mismatch", ["budget.xlsx › Devis!H5", "budget.xlsx › Devis!D5",
                                 "budget.xlsx › Devis!F5"]),
        ("subtotal-mismatch", ["budget.xlsx › Devis!H6"]),
    ]  # fmt: skip


# --- rows given by the caller ------------------------------------------------------------


ROWS = {
    "crew": [
        {"id": "LUCIE", "name": "Lucie Martin", "role": "cheffe op", "contract": "intermittent",
         "day_rate": Decimal("450.50"), "email": "lucie@example.org", "backup": "PAUL"},
        {"id": "PAUL", "name": "Paul", "contract": "employee", "hourly_rate": 25.5,
         "_raw": {"phone": "06 12 34 56 78", "day_rate": "1 234,56 €"}},
    ],
    "vendors": [{"id": "LOC", "name": "Loueur", "critical": True, "backup": None}],
    "events": [
        {"id": "SC1", "date": dt.date(2026, 3, 12), "start": dt.time(18, 0),
         "end": dt.time(2, 0), "title": "Nuit", "location": "RUE"},
        {"id": "SC2", "_raw": {"date": "31/02/2026", "start": "8h30"}, "title": "Mal tapé"},
    ],
    "bookings": [
        {"event": "SC1", "who": "LUCIE", "call": dt.time(17, 30), "wrap": dt.time(2, 30),
         "quantity": 1, "role": "cadre"},
        {"event": "SC1", "who": "PAUL", "_formula_no_cache": {"quantity": "=1+1"}},
    ],
    "locations": [{"id": "RUE", "name": "Rue", "outdoor": False, "capacity": 2}],
    "risks": [{"id": "R1", "risk": "Pluie", "probability": 3, "impact": 4,
               "linked_to": ("SC1", "RUE")}],
    "actuals": [{"date": dt.datetime(2026, 3, 2, 10, 0), "code": "02.01",
                 "amount": Decimal("1500"), "status": "paid"}],
}  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_rows_come_back_at_their_cells_with_their_types(tmp_path, lang):
    budget, crew, schedule = write_production(tmp_path, lang=lang, rows=ROWS)
    yes, no = ("oui", "non") if lang == "fr" else ("yes", "no")
    assert calamine_rows(crew, schema.CREW.name(lang))[1:] == [
        ["LUCIE", "Lucie Martin", "cheffe op", "", "intermittent", 450.5, "", "",
         "lucie@example.org", "", "PAUL", ""],
        ["PAUL", "Paul", "", "", "salarié" if lang == "fr" else "employee", "1 234,56 €", 25.5,
         "", "", "06 12 34 56 78", "", ""],
    ]  # fmt: skip
    assert calamine_rows(crew, schema.VENDORS.name(lang))[1][6] == yes
    assert calamine_rows(schedule, schema.LOCATIONS.name(lang))[1][3:5] == [no, 2.0]
    assert calamine_rows(schedule, schema.EVENTS.name(lang))[1:] == [
        [
            "SC1",
            dt.date(2026, 3, 12),
            dt.time(18),
            dt.time(2),
            "Nuit",
            "RUE",
            *[""] * 8,  # kind, cover, notes, break, scene, pages, int/ext, effect
        ],
        ["SC2", "31/02/2026", "8h30", "", "Mal tapé", *[""] * 9],
    ]
    assert calamine_rows(schedule, schema.BOOKINGS.name(lang))[1:] == [
        ["SC1", "LUCIE", dt.time(17, 30), dt.time(2, 30), 1.0, "cadre", *[""] * 5],
        ["SC1", "PAUL", *[""] * 9],
    ]
    assert calamine_rows(schedule, schema.RISKS.name(lang))[1][-1] == "SC1, RUE"
    actual = calamine_rows(budget, schema.ACTUALS.name(lang))[1]
    assert actual[0] == dt.date(2026, 3, 2) and actual[4] == 1500.0
    assert actual[7] == ("payé" if lang == "fr" else "paid")

    book = openpyxl.load_workbook(schedule)
    events = book[schema.EVENTS.name(lang)]
    assert events["B2"].number_format == ("dd/mm/yyyy" if lang == "fr" else "yyyy-mm-dd")
    assert events["C2"].number_format == "hh:mm"
    assert events["B3"].data_type == "s" and events["B3"].value == "31/02/2026"
    crew_ws = openpyxl.load_workbook(crew)[schema.CREW.name(lang)]
    assert crew_ws["F2"].number_format == ('#,##0.00 "€"' if lang == "fr" else '"€"#,##0.00')
    assert crew_ws["F3"].data_type == "s"


def test_a_formula_without_cache_has_no_stored_result(tmp_path):
    schedule = write_production(tmp_path, settings=SETTINGS, rows=ROWS)[2]
    assert calamine_rows(schedule, "Affectations")[2][4] == ""
    xml = sheet_xml(schedule, "Affectations")
    cell = re.search(r'<c r="E3"[^>]*>(.*?)</c>', xml)
    assert cell and cell[1] == "<f>1+1</f>"
    assert "<v></v>" not in xml
    assert openpyxl.load_workbook(schedule)["Affectations"]["E3"].value == "=1+1"
    # The reader flags the planted cells, and only them (1 234,56 € is a fine amount).
    _, findings = load_production(tmp_path)
    assert [(f.code.name, str(f.locations[0])) for f in findings] == [
        ("bad-date", "schedule.xlsx › Planning!B3"),
        ("formula-without-value", "schedule.xlsx › Affectations!E3"),
    ]


def test_settings_override_defaults_and_money_follows_the_currency(tmp_path):
    settings = {**SETTINGS, "currency": "USD", "rules": "live", "contingency": Decimal("0.1"),
                "daily_max_hours": 10, "_raw": {"end": "31/02/2026"}}  # fmt: skip
    budget = write_production(tmp_path, kind="live", lang="en", settings=settings)[0]
    values = dict(calamine_rows(budget, "Production")[1:])
    assert values["Currency"] == "USD" and values["Rules"] == "live"
    assert values["Contingency %"] == 0.1 and values["Daily max hours"] == 10.0
    assert values["Start"] == dt.date(2026, 3, 1) and values["End"] == "31/02/2026"
    ws = openpyxl.load_workbook(budget)
    assert ws["Budget"]["H2"].number_format == '"$"#,##0.00'
    assert ws["Production"]["B9"].number_format == "0.0%"


def test_unknown_kind_language_table_or_column_is_refused_before_writing(tmp_path):
    for kwargs in (
        {"kind": "opera"},
        {"lang": "de"},
        {"rows": {"crews": []}},
        {"rows": {"crew": [{"id": "A", "nmae": "typo"}]}},
        {"rows": {"crew": [{"id": "A", "_raw": {"nmae": "typo"}}]}},
        {"settings": {"tilte": "x"}},
    ):
        with pytest.raises(ValueError):
            write_production(tmp_path / "p", **kwargs)
    assert not (tmp_path / "p").exists()


# --- files on disk ---------------------------------------------------------------------


def test_existing_files_are_never_overwritten_without_force(tmp_path):
    paths = write_production(tmp_path, settings={"title": "First"})
    before = {p: p.read_bytes() for p in paths}
    with pytest.raises(FileExistsError) as err:
        write_production(tmp_path, settings={"title": "Second"})
    assert all(name in str(err.value) for name in FILES)
    assert err.value.args[1:] == tuple(paths)  # the paths, for the CLI to name them
    assert {p: p.read_bytes() for p in paths} == before
    assert sorted(os.listdir(tmp_path)) == sorted(FILES)

    paths[0].unlink()  # one file left over is enough to refuse, and nothing is written
    with pytest.raises(FileExistsError) as err:
        write_production(tmp_path)
    assert "crew.xlsx" in str(err.value) and "budget.xlsx" not in str(err.value)
    assert sorted(os.listdir(tmp_path)) == ["crew.xlsx", "schedule.xlsx"]

    assert write_production(tmp_path, settings={"title": "Second"}, force=True) == paths
    assert calamine_rows(paths[0], "Production")[1] == ["Titre", "Second"]
    assert sorted(os.listdir(tmp_path)) == sorted(FILES)


def test_a_failure_leaves_no_half_written_file(tmp_path, monkeypatch):
    import prodsheets.create.writer as new

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(new, "_strip_empty_results", boom)
    with pytest.raises(RuntimeError):
        write_production(tmp_path, rows=ROWS)  # fails after budget.xlsx was complete
    assert os.listdir(tmp_path) == []


def test_files_get_the_usual_permissions(tmp_path):
    mask = os.umask(0o022)
    os.umask(mask)
    for path in write_production(tmp_path):
        assert path.stat().st_mode & 0o777 == 0o666 & ~mask


# --- shipped templates -------------------------------------------------------------------


def test_templates_dir_finds_the_repository_or_the_installed_copy(tmp_path, monkeypatch):
    assert (templates_dir() / "instructions.fr.md").is_file()
    assert (templates_dir() / "instructions.en.md").is_file()
    installed = tmp_path / "site" / "prodsheets"
    (installed / "templates").mkdir(parents=True)
    monkeypatch.setattr(prodsheets, "__file__", str(installed / "__init__.py"))
    assert templates_dir() == (installed / "templates").resolve()
    shutil.rmtree(installed / "templates")
    with pytest.raises(FileNotFoundError):
        templates_dir()


def test_template_content_is_consistent():
    content = template_content()
    units = {c.key for c in schema.CHOICES["unit"]}
    contracts = {c.key for c in schema.CHOICES["contract"]}
    fringes = {f["code"] for f in content["fringes"]}
    assert all(set(f["applies_to"]) <= contracts for f in content["fringes"])
    assert set(content["budget"]) == {"film", "live", "festival", "generic"}
    for name, chapters in content["budget"].items():
        codes = [line[0] for chapter in chapters for line in chapter["lines"]]
        assert len(codes) == len(set(codes)), name
        for chapter in chapters:
            number, fr, en = chapter["chapter"]
            assert fr and en
            for code, line_fr, line_en, *rest in chapter["lines"]:
                assert code.startswith(number + ".") and line_fr and line_en
                assert not rest or rest[0] in units
                assert len(rest) < 2 or rest[1] in fringes | {""}
    assert (
        len(default_budget("film", "fr"))
        == sum(len(c["lines"]) + 1 for c in content["budget"]["film"]) + 1
    )


# --- LibreOffice -----------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_every_workbook_and_agrees_with_the_stored_totals(tmp_path):
    budget_rows = [
        {"code": "01.01", "description": "a", "quantity": 2, "rate": Decimal("100.5")},
        {"code": "01.02", "description": "b", "quantity": 3, "rate": Decimal("10.25")},
        {"description": "Sous-total"},
        {"code": "02.01", "description": "c", "quantity": 4, "rate": 50},
        {"description": "Sous-total"},
        {"description": "Total"},
    ]
    paths = write_production(
        tmp_path / "prod", settings=SETTINGS, rows={**ROWS, "budget": budget_rows}
    )
    profile = (tmp_path / "lo-profile").as_uri()

    def convert(target: str, out: Path) -> None:
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
             target, "--outdir", str(out), *map(str, paths)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip

    convert("pdf", tmp_path / "pdf")
    for path in paths:
        pdf = tmp_path / "pdf" / f"{path.stem}.pdf"
        assert pdf.is_file() and pdf.stat().st_size > 1000
        assert pdf.read_bytes().startswith(b"%PDF")

    # LibreOffice computes the formulas itself: its results equal the stored ones,
    # and it fills in the one planted without a result.
    convert("xlsx", tmp_path / "xlsx")
    ours = calamine_rows(paths[0], "Devis")
    theirs = calamine_rows(tmp_path / "xlsx" / "budget.xlsx", "Devis")
    assert [r[7] for r in theirs[1:]] == [r[7] for r in ours[1:]] == [
        201.0, 30.75, 231.75, 200.0, 200.0, 431.75,
    ]  # fmt: skip
    assert calamine_rows(tmp_path / "xlsx" / "schedule.xlsx", "Affectations")[2][4] == 2.0
