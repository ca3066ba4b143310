"""prodsheets report: report.xlsx read back, report.html parsed, call sheets, calendars, PDFs.

The example production is read from workbooks/ and every output goes to tmp_path: the
production folder must be left as it was. Rendering checks (Chromium, pdftoppm) skip when
the tool is missing; ``.ci/run`` installs them. ``PRODSHEETS_SCREENSHOTS=docs/screenshots``
rewrites the README's screenshots from the examples.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import minimal_production, write_workbook

from prodsheets.cli import main
from prodsheets.io.write import safe_name
from prodsheets.pipeline import check
from prodsheets.render.report.build import build
from prodsheets.render.report.data import gather

ROOT = Path(__file__).resolve().parent.parent
REUNION = ROOT / "workbooks" / "tournage-reunion"
FESTIVAL = ROOT / "workbooks" / "festival"
EVIL_FORMULA = '=HYPERLINK("http://evil.example/x","clic")'
EVIL_SCRIPT = "<script>alert('x')</script>"


def make_report(production: Path, out: Path, pdf: bool = False, lang: str | None = None):
    report = gather(check([production]), lang)
    return report, build(report, out, pdf=pdf)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def reunion(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report-reunion")
    before = snapshot(REUNION)
    make_report(REUNION, out)
    assert snapshot(REUNION) == before  # nothing written into the production
    return out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A production whose crew names are a formula and a script, and an id that climbs."""
    folder = tmp_path_factory.mktemp("hostile")
    sheets = minimal_production()
    sheets["Équipe"][1][1] = "placeholder-formula"
    sheets["Équipe"][2][1] = EVIL_SCRIPT
    sheets["Équipe"].append(["../../evil", "Évasion", "Stagiaire", "bénévole", None, None])
    sheets["Affectations"].append(["S2", "../../evil", None, None])
    path = write_workbook(folder / "prod" / "production.xlsx", sheets)
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["Équipe"]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "placeholder-formula":
                cell.value = EVIL_FORMULA
                cell.data_type = "s"  # typed text that looks like a formula, not a formula
    wb.save(path)
    out = folder / "out"
    make_report(path.parent, out)
    return out


# --- report.xlsx ------------------------------------------------------------------------


def test_xlsx_sheets_and_headline(reunion: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(reunion / "report.xlsx")
    assert wb.sheetnames == [
        "Synthèse",
        "Constats",
        "Coûts",
        "Trésorerie",
        "Matrice des risques",
        "Jours de travail",
        "Rapport de production",
        "Convocations à confirmer",
        "Planning",
    ]
    summary = {r[0]: r[1] for r in wb["Synthèse"].iter_rows(min_row=3, values_only=True) if r[0]}
    assert summary["Production"] == "Le Grand Départ"
    assert summary["Devis"] == pytest.approx(107044.20)
    # The planted mistakes of workbooks/README.md, the meal-break among the warnings.
    assert (summary["Erreurs"], summary["Avertissements"], summary["Infos"]) == (11, 9, 2)
    money = wb["Synthèse"]["B10"].number_format
    assert "€" in money and "40C" in money  # the production's currency, French locale


def test_xlsx_findings_link_to_their_cells(reunion: Path) -> None:
    from openpyxl import load_workbook

    ws = load_workbook(reunion / "report.xlsx")["Constats"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:")
    rows = {r[0].row: r for r in ws.iter_rows(min_row=2)}
    luce = next(r for r in rows.values() if r[1].value == "PS114")
    cell = luce[5]
    assert cell.value == "schedule.xlsx › Affectations!B27"
    target = cell.hyperlink.target.replace("\\", "/")
    assert (reunion / target).resolve() == (REUNION / "schedule.xlsx").resolve()
    assert cell.hyperlink.location == "'Affectations'!B27"
    double = next(r for r in rows.values() if r[1].value == "PS301")
    assert double[6].hyperlink.location.startswith("'Affectations'!B")  # the second booking


def test_xlsx_costs_formats_chart_and_print_setup(reunion: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(reunion / "report.xlsx")
    ws = wb["Coûts"]
    assert [c.value for c in ws[1]][:9] == [
        "Code",
        "Chapitre",
        "Libellé",
        "Devis",
        "Prévu",
        "Réel",
        "Reste",
        "Estimé final",
        "Écart",
    ]
    total = next(r for r in ws.iter_rows(min_row=2) if r[2].value == "Total" and not r[1].value)
    assert total[3].value == pytest.approx(107044.20)
    assert "€" in total[3].number_format
    assert ws.conditional_formatting  # overruns highlighted
    assert ws.page_setup.orientation == "landscape"
    # Fit to one page wide (fitToWidth 1 is the default, so not written), any number tall.
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$1:$1"
    with zipfile.ZipFile(reunion / "report.xlsx") as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2  # budget vs actual by chapter, cash flow
    plan = wb["Planning"]
    assert isinstance(plan["A2"].value, dt.datetime)
    assert "dd/mm/yyyy" in plan["A2"].number_format


def test_xlsx_day_out_of_days_with_the_trade_codes(reunion: Path) -> None:
    """ENZO (Marc) in the example, worked by hand from the schedule:

    - 05/03 PREP03, kind « essayage »: F (fitting); 06/03 PREP04, « lecture »: R;
    - 07/03 and 08/03: no event at all, the unit's weekend: blank (not a hold);
    - 09/03 S02 and S04: his first working day, SW;
    - 10/03: the unit shoots in Cilaos, but S07 is Paul and Maya's: a day between two
      working days of his engagement, H (hold);
    - 11/03 S08 and 12/03 S11, S13: W, then WF, his last day in March;
    - 12/04 S12 (the planted April date): 31 days after 12/03, more than the 10 days of
      ``max hold days``: dropped and picked up again, a one-day engagement, SWF.

    Totals: work 4 (09, 11, 12/03, 12/04), hold 1, travel 0, span 05/03 → 12/04 = 39 days.
    """
    from openpyxl import load_workbook

    ws = load_workbook(reunion / "report.xlsx")["Jours de travail"]
    header = [c.value for c in ws[2]]
    assert header[-6:] == [
        "Travail",
        "Attente",
        "Trajet",
        "Répétition",
        "Essayage",
        "Durée (jours)",
    ]
    dates = [v.date() for v in header[3:-6]]
    assert dates[0] == dt.date(2026, 3, 2) and dates[-1] == dt.date(2026, 4, 12)
    row = next(r for r in ws.iter_rows(min_row=3, values_only=True) if r[0] == "ENZO")
    codes = {d: c for d, c in zip(dates, row[3:-6], strict=True) if c}
    march = dt.date(2026, 3, 1)
    assert codes == {
        march.replace(day=5): "F",
        march.replace(day=6): "R",
        march.replace(day=9): "SW",
        march.replace(day=10): "H",
        march.replace(day=11): "W",
        march.replace(day=12): "WF",
        dt.date(2026, 4, 12): "SWF",
    }
    assert list(row[-6:]) == [4, 1, 0, 1, 1, 39]
    maya = next(r for r in ws.iter_rows(min_row=3, values_only=True) if r[0] == "MAYA")
    assert [c for c in maya[3:-6] if c] == ["F", "R", "SW", "W", "W", "W", "WF", "SWF"]


def calibri_width(text: str) -> float:
    """The column width (in Excel's characters) a line of text needs in Calibri 11, as
    Excel draws it: its pixels, 7 pixels of padding, at 7 pixels a character."""
    from xlsxwriter.utility import xl_pixel_width

    return (xl_pixel_width(text) + 7 - 5) / 7


def column_width(ws, letter: str) -> float:  # type: ignore[no-untyped-def]
    """A column's width as saved (openpyxl reads neighbours of one width as one group)."""
    from openpyxl.utils import column_index_from_string

    index = column_index_from_string(letter)
    for dim in list(ws.column_dimensions.values()):
        if dim.min is not None and dim.min <= index <= dim.max and dim.customWidth:
            return float(dim.width)
    return 8.43  # Excel's default width


def test_xlsx_every_column_fits_what_it_holds(reunion: Path) -> None:
    """No « ### » for the end date in Synthèse!C6, no role cut in the day out of days: every
    one-line text, date or amount is narrower than its column."""
    from openpyxl import load_workbook

    wb = load_workbook(reunion / "report.xlsx")
    summary = wb["Synthèse"]
    assert summary["C6"].value == dt.datetime(2026, 3, 14)
    assert column_width(summary, "C") >= calibri_width("sam. 14/03/2026")
    too_narrow = []
    for ws in wb:
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if c.value is None or c.alignment.wrap_text or c.alignment.textRotation:
                    continue
                if isinstance(c.value, dt.datetime):
                    shown = "sam. 00/00/0000" if "ddd" in c.number_format else "00/00/0000"
                elif isinstance(c.value, int | float):
                    shown = f"{c.value:,.2f} €" if "€" in c.number_format else str(c.value)
                else:
                    shown = str(c.value)
                if column_width(ws, c.column_letter) < calibri_width(shown):
                    too_narrow.append((ws.title, c.coordinate, shown))
    assert too_narrow == []
    dood = wb["Jours de travail"]
    assert column_width(dood, "C") >= calibri_width("1er assistant réalisateur")


def test_xlsx_every_wrapped_row_is_tall_enough(reunion: Path) -> None:
    """A wrapped cell's row holds its lines (15 points each, as Calibri 11 needs)."""
    from openpyxl import load_workbook
    from xlsxwriter.utility import xl_pixel_width

    wb = load_workbook(reunion / "report.xlsx")
    short = []
    for name in ("Constats", "Planning", "Matrice des risques"):
        ws = wb[name]
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if not isinstance(c.value, str) or not c.alignment.wrap_text:
                    continue
                room = column_width(ws, c.column_letter) * 7 + 5 - 8
                lines = sum(-(-xl_pixel_width(p) // room) or 1 for p in c.value.split("\n"))
                height = ws.row_dimensions[c.row].height or 15
                if height < lines * 15:
                    short.append((name, c.coordinate, lines, height))
    assert short == []
    constats = wb["Constats"]
    assert max(constats.row_dimensions[r].height or 0 for r in range(2, 19)) >= 45


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or pdftotext missing (.ci/run installs them)",
)
def test_xlsx_printed_by_libreoffice_has_no_overlapping_line(reunion: Path, tmp_path: Path) -> None:
    """report.xlsx converted to PDF by LibreOffice: no « ### », no two lines of text drawn
    over each other (words of different lines never share ink)."""
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(reunion / "report.xlsx")],
        check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    pdf = tmp_path / "report.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "###" not in text and "sam. 14/03/2026" in text
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    overlaps = []
    for page in boxes.split("<page ")[1:]:
        words = sorted(
            (float(a), float(b), float(c), float(d), w)
            for a, b, c, d, w in re.findall(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
                page,
            )
        )
        for i, (_x0, y0, x1, y1, w) in enumerate(words):
            for u0, v0, _u1, v1, other in words[i + 1 :]:
                if u0 >= x1:
                    break
                inked = min(y1, v1) - max(y0, v0)
                if inked > 0.5 * min(y1 - y0, v1 - v0) and abs(y0 - v0) > 1:
                    overlaps.append((w, other))
    assert overlaps == []


def test_xlsx_findings_errors_first_then_by_place(reunion: Path) -> None:
    from openpyxl import load_workbook

    ws = load_workbook(reunion / "report.xlsx")["Constats"]
    severities = [r[0] for r in ws.iter_rows(min_row=2, values_only=True) if r[0]]
    assert severities == ["erreur"] * 11 + ["attention"] * 9 + ["info"] * 2
    places = [r[5] for r in ws.iter_rows(min_row=2, max_row=10, values_only=True)]
    assert places[:2] == ["budget.xlsx › Devis!H37", "budget.xlsx › Devis!H64"]


def test_xlsx_command_names_are_set_as_code(reunion: Path) -> None:
    """The hint's `prodsheets reconcile` is a monospaced run, without its backticks."""
    from openpyxl import load_workbook

    ws = load_workbook(reunion / "report.xlsx", rich_text=True)["Constats"]
    hint = next(r[4].value for r in ws.iter_rows(min_row=2) if r[1].value == "PS407")
    runs = [(str(part), getattr(part, "font", None)) for part in hint]
    assert runs[0][0] == "prodsheets reconcile" and runs[0][1].rFont == "Consolas"
    assert "`" not in "".join(text for text, _ in runs)


def test_hostile_names_stay_text_in_xlsx(hostile: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(hostile / "report.xlsx")
    values = [c for ws in wb for row in ws.iter_rows() for c in row if c.value == EVIL_FORMULA]
    assert values and all(c.data_type == "s" for c in values)
    with zipfile.ZipFile(hostile / "report.xlsx") as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "HYPERLINK" not in xml  # only in the shared strings, never in a <f> formula
    assert "<f>" not in xml


# --- report.html ------------------------------------------------------------------------


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.srcs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.srcs += [v or "" for k, v in attrs if k in {"src", "href"} and tag != "a"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> _Collect:
    p = _Collect()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_html_is_one_self_contained_page(reunion: Path) -> None:
    page = parse(reunion / "report.html")
    assert "script" not in page.tags
    assert page.srcs == []  # no stylesheet, image or font from elsewhere
    assert "svg" in page.tags and "style" in page.tags
    text = " ".join(page.text)
    assert "Le Grand Départ" in text and "107 044,20" in text.replace("\u202f", " ")
    html = (reunion / "report.html").read_text(encoding="utf-8")
    assert 'name="viewport"' in html and "@media print" in html and "max-width: 700px" in html
    assert "http://" not in html and "https://" not in html


def test_html_escapes_what_workbooks_say(hostile: Path) -> None:
    for page in (hostile / "report.html", *sorted((hostile / "callsheets").glob("*.html"))):
        html = page.read_text(encoding="utf-8")
        assert EVIL_SCRIPT not in html
        assert "script" not in parse(page).tags
    assert "&lt;script&gt;" in (hostile / "report.html").read_text(encoding="utf-8")


def test_html_sets_command_names_as_code_and_lists_errors_first(reunion: Path) -> None:
    html = (reunion / "report.html").read_text(encoding="utf-8")
    assert "<code>prodsheets reconcile</code> montre ses lignes" in html
    assert "<code>prodsheets whatif --rain 2026-03-11</code>" in html
    assert "`" not in html
    levels = re.findall(r'<td class="sev (\w+)"', html)
    assert levels == ["error"] * 11 + ["warning"] * 9 + ["info"] * 2
    sheet = (reunion / "callsheets" / "2026-03-11.html").read_text(encoding="utf-8")
    assert "<code>prodsheets whatif --rain 2026-03-11</code>" in sheet and "`" not in sheet


def test_backticks_typed_in_a_workbook_stay_text(tmp_path: Path) -> None:
    """Only the catalogue's own backticks make code; a value is escaped, whatever it holds."""
    sheets = minimal_production()
    sheets["Affectations"][2][1] = "`<i>x</i>`"  # an unknown crew id, said by PS114
    path = write_workbook(tmp_path / "prod" / "production.xlsx", sheets)
    make_report(path.parent, tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "`&lt;i&gt;x&lt;/i&gt;`" in html and "<i>" not in html
    assert "<code>&lt;i" not in html


# --- call sheets ----------------------------------------------------------------------
# --- call sheets ----------------------------------------------------------------------


def test_callsheet_of_a_day(reunion: Path) -> None:
    names = sorted(p.name for p in (reunion / "callsheets").glob("*.html"))
    assert names[:2] == ["2026-03-02.html", "2026-03-03.html"] and len(names) == 12
    page = parse(reunion / "callsheets" / "2026-03-12.html")
    text = re.sub(r"\s+", " ", " ".join(page.text)).replace("\u202f", " ")
    assert "jeudi 12 mars 2026" in text
    assert "Convocation générale : 13:00" in text
    assert text.index("PAT4") < text.index("PREP06") < text.index("S11") < text.index("S13")
    assert "Rue des Filaos, 97434 Saint-Gilles-les-Bains" in text
    assert "Repli : Studio Le Port — 8 rue de la Darse, 97420 Le Port" in text
    assert "+262 692" in text  # contacts
    assert "00:30 (+1)" in text  # the night wrap
    assert "PS301" in text  # Marco Lauret's double booking that day


# --- calendars ----------------------------------------------------------------------------


def test_calendars_parse_back_with_stable_uids(reunion: Path, tmp_path: Path) -> None:
    import icalendar

    first = sorted(p.name for p in (reunion / "calendars").glob("*.ics"))
    assert "LUCIE.ics" in first and len(first) == 18
    cal = icalendar.Calendar.from_ical((reunion / "calendars" / "LUCIE.ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    # From the event and the person, never a row number (issue "Versions").
    assert events and all(
        re.fullmatch(r"le-grand-depart\.[A-Z0-9]+\.LUCIE@prodsheets", str(e["UID"])) for e in events
    )
    assert {(int(e["SEQUENCE"]), str(e["STATUS"])) for e in events} == {(0, "CONFIRMED")}
    start = min(e.decoded("DTSTART") for e in events)
    assert str(start.tzinfo) == "Indian/Reunion" or getattr(start.tzinfo, "key", "") == (
        "Indian/Reunion"
    )
    assert start.utcoffset() == dt.timedelta(hours=4)
    assert [str(t["TZID"]) for t in cal.walk("VTIMEZONE")] == ["Indian/Reunion"]
    assert all(e.get("LOCATION") for e in events)
    make_report(REUNION, tmp_path)
    again = icalendar.Calendar.from_ical((tmp_path / "calendars" / "LUCIE.ics").read_bytes())
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(e["UID"]) for e in events]


def test_calendar_file_names_are_sanitised(hostile: Path) -> None:
    names = sorted(p.name for p in (hostile / "calendars").iterdir())
    assert "evil.ics" in names
    assert not (hostile / "evil.ics").exists() and not (hostile.parent / "evil.ics").exists()
    assert safe_name("../../etc/passwd") == "etc_passwd"
    assert safe_name("..") == "_" and safe_name("CON") == "_CON"
    taken: set[str] = set()
    assert [safe_name(x, taken) for x in ("A/B", "A_B", "a_b")] == ["A_B", "A_B-2", "a_b-3"]


# --- CLI --------------------------------------------------------------------------------


def test_cli_prints_what_it_wrote_and_leaves_no_temp_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", str(FESTIVAL), "-o", str(out), "--no-pdf"])
    assert result.exit_code == 0, result.output
    printed = result.output.splitlines()
    assert printed[0] == str(out / "report.xlsx")
    assert str(out / "callsheets" / "2026-07-18.html") in printed
    assert str(out / "calendars" / "GUS.ics") in printed
    written = sorted(str(p) for p in out.rglob("*") if p.is_file())
    assert written == sorted(printed)
    assert not [p for p in out.rglob("*.tmp")]
    mask = os.umask(0)
    os.umask(mask)
    assert (out / "report.xlsx").stat().st_mode & 0o777 == 0o666 & ~mask
    page = parse(out / "report.html")
    assert "Budget and actual by chapter" in page.text  # English, the production's language


def test_cli_lang_option(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["report", str(FESTIVAL), "-o", str(tmp_path), "--no-pdf", "--lang", "fr"]
    )
    assert result.exit_code == 0, result.output
    sheet = (tmp_path / "callsheets" / "2026-07-18.html").read_text(encoding="utf-8")
    assert "samedi 18 juillet 2026" in sheet and "Feuille de service" in sheet


def test_cli_without_weasyprint_warns_and_writes_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prodsheets.render.report import pdf

    monkeypatch.setattr(pdf, "missing", lambda: "cannot load library 'libpango-1.0-0'")
    result = CliRunner().invoke(main, ["report", str(FESTIVAL), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "PDF non écrits" in result.output and "PDFs not written" in result.output
    assert (tmp_path / "report.html").exists() and not list(tmp_path.rglob("*.pdf"))


def test_cli_unreadable_production(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(tmp_path / "nope"), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert not (tmp_path / "report.xlsx").exists()


# --- rendering: PDF pages and screenshots ----------------------------------------------


@pytest.mark.slow
def test_pdf_day_out_of_days_wraps_long_roles(tmp_path: Path) -> None:
    """« 1re assistante réalisatrice » is cut in report.pdf no more: it wraps in its column,
    every word left of the first day."""
    from prodsheets.render.report import pdf

    if pdf.missing() or shutil.which("pdftotext") is None:
        pytest.skip("WeasyPrint or pdftotext missing (.ci/run installs them)")
    sheets = minimal_production()
    sheets["Équipe"][1][1] = "Marie-Christine Vandenberghe-Hoarau"
    sheets["Équipe"][1][2] = "1re assistante réalisatrice"
    # Six weeks of days, as a shoot has: the day columns are narrow, the first one right
    # after the role's.
    later = ["S3", dt.date(2026, 4, 20), dt.time(8), dt.time(12), "Raccords", "STUDIO", None]
    sheets["Planning"].append(later)
    sheets["Affectations"].append(["S3", "LUCIE", None, None])
    path = write_workbook(tmp_path / "prod" / "production.xlsx", sheets)
    make_report(path.parent, tmp_path / "out", pdf=True)
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(tmp_path / "out" / "report.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    page = next(p for p in boxes.split("<page ")[1:] if ">Poste<" in p)
    words = {
        w: (float(x0), float(x1))
        for x0, x1, w in re.findall(
            r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" [^>]*>([^<]*)<', page
        )
    }
    first_day = words["9/3"][0]
    for word in ("1re", "assistante", "réalisatrice", "Vandenberghe-Hoarau", "Marie-Christine"):
        assert word in words and words[word][1] <= first_day, word


def not_blank(png: Path) -> bool:
    """More than a sliver of the image is ink, in more than two shades."""
    image = pytest.importorskip("PIL.Image").open(png).convert("L")
    histogram = image.histogram()
    ink = sum(histogram[:200])
    shades = sum(1 for n in histogram if n)
    return ink > 0.01 * image.width * image.height and shades > 8


@pytest.mark.slow
def test_pdfs_render_pages(tmp_path: Path) -> None:
    from prodsheets.render.report import pdf

    if pdf.missing() or shutil.which("pdftoppm") is None:
        pytest.skip("WeasyPrint or pdftoppm missing (.ci/run installs them)")
    make_report(REUNION, tmp_path, pdf=True)
    for source in (tmp_path / "report.pdf", tmp_path / "callsheets" / "2026-03-12.pdf"):
        assert source.read_bytes()[:5] == b"%PDF-"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "50",
                "-f",
                "1",
                "-l",
                "1",
                str(source),
                str(tmp_path / "p"),
            ],
            check=True,
            timeout=60,
        )
        png = next(tmp_path.glob("p*.png"))
        assert not_blank(png)
        png.unlink()


def chromium() -> str | None:
    return next(
        (
            shutil.which(n)
            for n in ("chromium", "chromium-browser", "google-chrome")
            if shutil.which(n)
        ),
        None,
    )


def screenshot(page: Path, png: Path, width: int, height: int, profile: Path) -> None:
    exe = chromium()
    assert exe is not None
    subprocess.run(
        [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            f"--screenshot={png}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.slow
def test_html_renders_in_chromium(reunion: Path, tmp_path: Path) -> None:
    if chromium() is None:
        pytest.skip("chromium missing (.ci/run installs Debian's chromium)")
    for page, width in (
        (reunion / "report.html", 1200),
        (reunion / "callsheets" / "2026-03-12.html", 390),
    ):
        png = tmp_path / f"{page.stem}-{width}.png"
        screenshot(page, png, width, 900, tmp_path / "profile")
        assert not_blank(png)


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("PRODSHEETS_SCREENSHOTS"),
    reason="set PRODSHEETS_SCREENSHOTS=docs/screenshots",
)
def test_write_readme_screenshots(tmp_path: Path) -> None:
    """The screenshots of the README, from the examples, 1200 px wide, as small PNGs."""
    if chromium() is None:
        pytest.skip("chromium missing")
    from PIL import Image

    target = ROOT / os.environ["PRODSHEETS_SCREENSHOTS"]
    target.mkdir(parents=True, exist_ok=True)
    make_report(REUNION, tmp_path / "r")
    make_report(FESTIVAL, tmp_path / "f")
    shots = [
        (tmp_path / "r" / "report.html", "report-tournage-reunion.png", 1200, 1500),
        (
            tmp_path / "r" / "callsheets" / "2026-03-12.html",
            "callsheet-tournage-reunion.png",
            1200,
            1500,
        ),
        (tmp_path / "f" / "report.html", "report-festival.png", 1200, 1500),
        (
            tmp_path / "f" / "callsheets" / "2026-07-18.html",
            "callsheet-festival-phone.png",
            390,
            1400,
        ),
    ]
    for page, name, width, height in shots:
        raw = tmp_path / name
        screenshot(page, raw, width, height, tmp_path / "profile")
        image = (
            Image.open(raw).convert("RGB").quantize(colors=128, method=Image.Quantize.FASTOCTREE)
        )
        image.save(target / name, optimize=True)
        assert not_blank(target / name)


def test_the_risk_matrix_in_html_and_xlsx(reunion: Path) -> None:
    """Rain in Cilaos (R01: probability 4 × impact 4) sits in the critical corner."""
    from openpyxl import load_workbook

    html = (reunion / "report.html").read_text(encoding="utf-8")
    assert "Matrice des risques" in html and "Probabilité × impact" in html
    assert '<td class="risk-critical">R01</td>' in html
    assert '<td class="risk-high">R02, R04, R05</td>' in html
    sheet = load_workbook(reunion / "report.xlsx")["Matrice des risques"]
    matrix = {
        (sheet.cell(r, 1).value, c - 1): sheet.cell(r, c).value
        for r in range(3, 8)
        for c in range(2, 7)
    }
    assert matrix[(4, 4)] == "R01" and matrix[(2, 5)] == "R02, R04, R05" and matrix[(5, 5)] is None
    assert [sheet.cell(r, 1).value for r in range(11, 14)] == ["R01", "R02", "R04"]  # by score
    assert sheet.cell(11, 5).value == 16


def test_risk_levels_follow_the_usual_bands() -> None:
    from prodsheets.render.report.risks import level

    assert [level(s) for s in (1, 4, 5, 9, 10, 14, 15, 25)] == [
        "low", "low", "medium", "medium", "high", "high", "critical", "critical"
    ]  # fmt: skip


def test_a_report_written_into_the_production_folder_is_not_read_back(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "prod"
    shutil.copytree(REUNION, folder)
    before = check([folder]).findings
    make_report(folder, folder)  # report.xlsx has sheets named Planning, Matrice des risques…
    assert (folder / "report.xlsx").exists()
    assert [f.code.code for f in check([folder]).findings] == [f.code.code for f in before]


def test_lines_at_zero_everywhere_are_left_out_of_html_but_grouped_in_xlsx(
    tmp_path: Path,
) -> None:
    # A template line never used (08.01, nothing budgeted, planned or spent) beside the
    # clean production's lines.
    sheets = minimal_production()
    sheets["Devis"].insert(5, ["08.01", "Post-production", "Étalonnage", None, "jour", None, 0])
    make_report(write_workbook(tmp_path / "prod.xlsx", sheets), tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text()
    costs = html[html.index('id="costs"') : html.index('id="cash"')]
    assert "Étalonnage" not in costs and "Post-production" not in costs
    assert "1 poste(s) à zéro partout non affiché(s) : 08.01" in costs
    assert "Chef opérateur" in costs
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "out" / "report.xlsx")["Coûts"]
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    zero = ws.row_dimensions[rows["08.01"]]
    assert zero.outlineLevel == 1 and zero.hidden  # kept, folded away
    assert not ws.row_dimensions[rows["02.01"]].hidden
