"""Where things sit in the control workbook: shared by the writer and the button's code."""

from __future__ import annotations

from typing import Any

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

TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "title": "prodsheets : contrôle de la production",
        "folder": "Dossier",
        "button": "Vérifier la production",
        "status": "État",
        "errors": "Erreurs",
        "warnings": "Avertissements",
        "infos": "Infos",
        "report": "Rapport",
        "costs": "Coûts par chapitre",
        "cost_columns": ["Chapitre", "Devis", "Prévu", "Réel", "Reste", "Estimé final", "Écart"],
        "total": "Total",
        "finding_columns": ["Gravité", "Code", "Où", "Constat", "Correction", "Aussi"],
        "waiting": "Cliquez sur « Vérifier la production ».",
        "how": (
            "Le bouton lance prodsheets (Python, via xlwings) sur les classeurs de ce dossier. "
            "Ils ne sont jamais modifiés ; ceux ouverts dans Excel sont enregistrés d'abord."
        ),
        "done": "Vérifié le {when} : {errors}, {warnings}.",
        "failed": "Échec de la vérification le {when} : {error}. Rien d'autre n'a été modifié.",
        "unreadable": "La production n'a pas pu être lue entièrement (voir Constats).",
    },
    "en": {
        "title": "prodsheets: production control",
        "folder": "Folder",
        "button": "Check production",
        "status": "Status",
        "errors": "Errors",
        "warnings": "Warnings",
        "infos": "Infos",
        "report": "Report",
        "costs": "Costs by chapter",
        "cost_columns": [
            "Chapter",
            "Budget",
            "Planned",
            "Actual",
            "Remaining",
            "Est. at completion",
            "Variance",
        ],
        "total": "Total",
        "finding_columns": ["Severity", "Code", "Where", "Finding", "Fix", "Also"],
        "waiting": "Click “Check production”.",
        "how": (
            "The button runs prodsheets (Python, through xlwings) on the workbooks of this "
            "folder. They are never changed; those open in Excel are saved first."
        ),
        "done": "Checked on {when}: {errors}, {warnings}.",
        "failed": "The check failed on {when}: {error}. Nothing else was changed.",
        "unreadable": "The production could not be read in full (see Findings).",
    },
}


def language_of(workbook_name: str) -> str:
    """The control workbook's language, from its name (controle.xlsm → fr)."""
    stem = workbook_name.rsplit(".", 1)[0].lower()
    return "en" if stem == NAMES["en"] else "fr"
