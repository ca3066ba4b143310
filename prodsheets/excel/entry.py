"""The Excel button's entry point: ``main()``, run by xlwings in a fresh Python at each click.

The button (``Module1.SampleCall`` of xlwings' VBA) imports the module named after the
control workbook (``controle.py``), whose ``main()`` calls this one. From the calling
workbook it finds the production folder, saves the production's workbooks open in the
same Excel, runs the same core as the command line (check, reconcile, reports into
``rapports/`` / ``reports/``), writes the results into the control workbook and opens
the HTML report. Whatever fails is said in the dashboard's status cell, in the
workbook's language, never as a Python error box.

Only a few calls of xlwings' open-source API are used (``sheets[name].range(a).value``,
``Range.add_hyperlink``, ``Range.clear``/``clear_contents``, ``Book.fullname``,
``Book.app.books``, ``Book.save``), so tests drive :func:`run` with a stand-in book.
Nothing heavy is imported before the click needs it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from prodsheets.excel import layout as L
from prodsheets.i18n import say
from prodsheets.i18n.words import CONTROL
from prodsheets.io.write import typed_as_text

SPREADSHEETS = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}


def main() -> None:
    """Called by the button: ``xw.Book.caller()`` is the control workbook."""
    import xlwings as xw

    run(xw.Book.caller())


def run(book: Any, open_report: bool = True) -> None:
    lang = L.language_of(Path(book.fullname).name)
    t = CONTROL[lang]
    try:
        dash = book.sheets[L.DASHBOARD[lang]]
    except Exception:  # the sheet was renamed: the first one holds the dashboard
        dash = book.sheets[0]
    try:
        dash.range(L.STATUS).value = "…"
        folder = Path(book.fullname).resolve().parent
        save_open_books(book, folder)
        report = _run_core(book, dash, folder, lang)
        if open_report and report is not None:
            import webbrowser

            webbrowser.open(report.resolve().as_uri())
    except Exception as exc:
        when = _now(lang)
        with contextlib.suppress(Exception):  # Excel itself is gone: nothing left to tell
            failed = t["failed"].format(when=when, error=_say(exc, lang))
            dash.range(L.STATUS).value = typed_as_text(failed)


def save_open_books(book: Any, folder: Path) -> list[str]:
    """Save the production's workbooks open in the same Excel, so the check sees them."""
    saved = []
    for other in book.app.books:
        if other.fullname == book.fullname:
            continue
        path = Path(other.fullname)
        if path.suffix.lower() not in SPREADSHEETS or not path.is_absolute():
            continue  # a new, never saved workbook ("Classeur1"), or one online
        if path.resolve().parent != folder or not _unsaved(other):
            continue
        other.save()
        saved.append(other.fullname)
    return saved


def _unsaved(book: Any) -> bool:
    if sys.platform != "win32":
        return True  # only Windows' COM says it plainly; saving an unchanged book is harmless
    try:
        return not bool(book.api.Saved)
    except Exception:
        return True


def _run_core(book: Any, dash: Any, folder: Path, lang: str) -> Path | None:
    from prodsheets.pipeline import check

    t = CONTROL[lang]
    result = check([folder])
    production = result.productions[0]
    rec = None if production.unreadable else result.analyses[0].reconciliation

    report = None
    if not production.unreadable:
        from prodsheets.render.report.build import build
        from prodsheets.render.report.data import gather

        out = folder / L.REPORTS[lang]
        build(gather(result, lang), out, pdf=False)
        report = out / "report.html"

    findings = sorted(result.findings, key=lambda f: f.by_severity())  # errors first
    write_findings(book.sheets[L.FINDINGS[lang]], findings, folder, lang)
    write_costs(dash, rec, lang)
    s = result.summary
    dash.range(L.COUNTS).value = [[s["errors"]], [s["warnings"]], [s["infos"]]]
    link = dash.range(L.REPORT_LINK)
    link.clear()
    if report is not None:
        shown = f"{L.REPORTS[lang]}/{report.name}"
        link.add_hyperlink(shown, shown, str(report))
    status = t["done"].format(
        when=_now(lang),
        errors=_count(s["errors"], lang, "error"),
        warnings=_count(s["warnings"], lang, "warning"),
    )
    if production.unreadable:
        status += " " + t["unreadable"]
    dash.range(L.STATUS).value = typed_as_text(status)
    return report


def write_findings(sheet: Any, findings: list[Any], folder: Path, lang: str) -> None:
    """One row per finding under the header; the place is a link to the cell."""
    sheet.range(f"A2:{_col(L.FINDINGS_COLUMNS)}1048576").clear()
    rows = []
    for f in findings:
        loc = f.location
        also = ", ".join(str(x) for x in f.locations[1:])
        row = [
            f.level.label(lang),
            f.code.code,
            str(loc or ""),
            f.message(lang),
            f.hint(lang),
            also,
        ]
        rows.append([typed_as_text(v) for v in row])  # Range.Value would enter "=…" as a formula
    if not rows:
        return
    sheet.range("A2").value = rows
    for i, f in enumerate(findings, start=2):
        address = link_address(f.location, folder)
        if address is not None:
            shown = typed_as_text(str(f.location))
            sheet.range(f"C{i}").add_hyperlink(address, shown, str(f.location))


def link_address(loc: Any, folder: Path) -> str | None:
    """``schedule.xlsx#'Affectations'!B27``: the file beside the control workbook, the cell.

    Relative to the control workbook's folder, so the links survive moving the folder.
    """
    if loc is None or loc.path is None:
        return None
    path = Path(loc.path).resolve()
    target = path.name if path.parent == folder else str(path)
    if ":" in target.split("/")[0].split("\\")[0] and path.parent == folder:
        target = "./" + target  # javascript:x.xlsx is a file here, never a scheme
    if loc.sheet is None:
        return target
    sheet = loc.sheet.replace("'", "''")
    return f"{target}#'{sheet}'!{loc.cell or 'A1'}"


def write_costs(dash: Any, rec: Any, lang: str) -> None:
    first = L.COSTS_HEAD + 1
    dash.range(f"A{first}:{_col(L.COSTS_COLUMNS)}1048576").clear_contents()
    if rec is None:
        return
    t = CONTROL[lang]
    rows = [_cost_row(c, _label(c.label, lang)) for c in rec.chapters]
    rows.append(_cost_row(rec.total, f"{t['total']} ({rec.currency})"))
    dash.range(f"A{first}").value = rows


def _cost_row(x: Any, label: str) -> list[Any]:
    amounts = (x.budget, x.planned, x.actual, x.remaining, x.estimate_at_completion, x.variance)
    return [typed_as_text(label), *(float(a) for a in amounts)]


def _label(label: Any, lang: str) -> str:
    return "—" if label is None else say(label, lang)


def _col(n: int) -> str:
    return chr(64 + n)


def _now(lang: str) -> str:
    from prodsheets.i18n.words import BUTTON

    return dt.datetime.now().strftime(BUTTON[lang]["now"])


def _count(n: int, lang: str, what: str) -> str:
    from prodsheets.i18n import plural
    from prodsheets.i18n.words import FINDINGS

    return plural(n, FINDINGS[lang][what], lang)


def _say(exc: BaseException, lang: str) -> str:
    """What went wrong, for a producer: the cause in their language, the detail after."""
    from prodsheets.i18n.words import BUTTON

    detail = f"{type(exc).__name__}: {exc}"[:300]
    if isinstance(exc, PermissionError):
        cause = BUTTON[lang]["locked"]
    elif isinstance(exc, FileNotFoundError):
        cause = BUTTON[lang]["missing"]
    elif isinstance(exc, ImportError):
        cause = BUTTON[lang]["not_installed"]
    else:
        cause = BUTTON[lang]["internal"]
    return f"{cause} ({detail})"
