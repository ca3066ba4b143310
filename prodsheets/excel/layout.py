"""Where things sit in the control workbook: shared by the writer and the button's code."""

from __future__ import annotations

NAMES = {"fr": "controle", "en": "control"}  # the workbook's stem, and its module's name
DASHBOARD = {"fr": "Tableau de bord", "en": "Dashboard"}
FINDINGS = {"fr": "Constats", "en": "Findings"}
CONF = "xlwings.conf"  # the name xlwings reads (with a leading underscore it is ignored)
REPORTS = {"fr": "rapports", "en": "reports"}

STATUS = "B7"  # the status line: when, how many errors and warnings, or what went wrong
COUNTS = "B8"  # errors, warnings, infos: B8:B10
REPORT_LINK = "B11"
COSTS_HEAD = 14  # the cost table's header row; chapters below it
COSTS_COLUMNS = 7  # A:G
FINDINGS_COLUMNS = 6  # A:F, header on row 1


def language_of(workbook_name: str) -> str:
    """The control workbook's language, from its name (controle.xlsm → fr)."""
    stem = workbook_name.rsplit(".", 1)[0].lower()
    return "en" if stem == NAMES["en"] else "fr"
