"""Every word table of prodsheets, in French and English: reports, reconciliation, what-if,
the terminal, the control workbook and its button, annotated copies.

Findings say their own words (:mod:`prodsheets.catalogue`), and the workbook contract its
sheet and column names (:mod:`prodsheets.contract.schema`). Each table maps a language to
its words; a test checks that both languages have the same keys.
"""

from __future__ import annotations

from typing import Any

# The reports (report.xlsx, report.html and .pdf, call sheets).
REPORT: dict[str, dict[str, str]] = {
    "fr": {
        "report": "Rapport de production",
        "risk_register": "Matrice des risques",
        "risk_matrix": "Probabilité × impact",
        "probability": "Probabilité",
        "impact": "Impact",
        "score": "Score",
        "risk": "Risque",
        "owner": "Responsable",
        "mitigation": "Prévention",
        "colon": "\u202f:",
        "summary": "Synthèse",
        "production": "Production",
        "dates": "Dates",
        "kind": "Type",
        "currency": "Devise",
        "generated": "Établi le",
        "findings": "Constats",
        "severity": "Gravité",
        "code": "Code",
        "name": "Nom",
        "message": "Constat",
        "hint": "Correction",
        "location": "Emplacement",
        "also": "Aussi",
        "errors": "Erreurs",
        "warnings": "Avertissements",
        "infos": "Infos",
        "costs": "Coûts",
        "chapter": "Chapitre",
        "description": "Libellé",
        "budget": "Devis",
        "planned": "Prévu",
        "actual": "Réel",
        "remaining": "Reste",
        "eac": "Estimé final",
        "variance": "Écart",
        "total": "Total",
        "no_chapter": "(sans chapitre)",
        "contingency": "Imprévus",
        "contingency_left": "Imprévus restants",
        "cash_flow": "Trésorerie",
        "week": "Semaine",
        "monday": "Lundi",
        "cumulative_planned": "Prévu cumulé",
        "cumulative_actual": "Réel cumulé",
        "undated": "sans date",
        "dood": "Jours de travail",
        "dood_legend": "T = travaillé, V = voyage, vide = repos.",
        "worked": "Travaillés",
        "travel": "Voyage",
        "id": "Id",
        "role": "Poste",
        "schedule": "Planning",
        "date": "Date",
        "start": "Début",
        "end": "Fin",
        "event": "Événement",
        "title": "Intitulé",
        "place": "Lieu",
        "address": "Adresse",
        "people": "Personnes",
        "callsheet": "Feuille de service",
        "general_call": "Convocation générale",
        "events_of_day": "Déroulé de la journée",
        "called": "Convocations",
        "call": "Convocation",
        "wrap": "Fin",
        "resources": "Matériel",
        "quantity": "Quantité",
        "contacts": "Contacts",
        "phone": "Téléphone",
        "email": "E-mail",
        "vendor": "Prestataire",
        "cover_plan": "Plan de repli (extérieurs)",
        "cover": "Repli",
        "no_cover": "aucun repli prévu",
        "outdoor": "extérieur",
        "backup_plan": "Plan de secours",
        "open_findings": "Constats en cours",
        "none": "Aucun.",
        "notes": "Notes",
        "budget_vs_actual": "Devis et réel par chapitre",
        "headline": "Chiffres clés",
        "days_scheduled": "Jours au planning",
        "bookings": "Convocations",
        "crew_count": "Équipe",
        "mark_work": "T",
        "mark_travel": "V",
        "contents": "Sommaire",
        "table_too_long": "{shown} premières lignes sur {total} : le détail complet est dans report.xlsx.",
        "zero_lines": "{count} poste(s) à zéro partout non affiché(s) : {codes} (regroupés dans "
        "report.xlsx).",
    },
    "en": {
        "risk_register": "Risk matrix",
        "risk_matrix": "Probability × impact",
        "probability": "Probability",
        "impact": "Impact",
        "score": "Score",
        "risk": "Risk",
        "owner": "Owner",
        "mitigation": "Mitigation",
        "report": "Production report",
        "colon": ":",
        "summary": "Summary",
        "production": "Production",
        "dates": "Dates",
        "kind": "Kind",
        "currency": "Currency",
        "generated": "Generated on",
        "findings": "Findings",
        "severity": "Severity",
        "code": "Code",
        "name": "Name",
        "message": "Finding",
        "hint": "Fix",
        "location": "Location",
        "also": "Also",
        "errors": "Errors",
        "warnings": "Warnings",
        "infos": "Infos",
        "costs": "Costs",
        "chapter": "Chapter",
        "description": "Description",
        "budget": "Budget",
        "planned": "Planned",
        "actual": "Actual",
        "remaining": "Remaining",
        "eac": "Est. at completion",
        "variance": "Variance",
        "total": "Total",
        "no_chapter": "(no chapter)",
        "contingency": "Contingency",
        "contingency_left": "Contingency left",
        "cash_flow": "Cash flow",
        "week": "Week",
        "monday": "Monday",
        "cumulative_planned": "Planned to date",
        "cumulative_actual": "Actual to date",
        "undated": "undated",
        "dood": "Day out of days",
        "dood_legend": "W = worked, T = travel, blank = off.",
        "worked": "Worked",
        "travel": "Travel",
        "id": "Id",
        "role": "Role",
        "schedule": "Schedule",
        "date": "Date",
        "start": "Start",
        "end": "End",
        "event": "Event",
        "title": "Title",
        "place": "Location",
        "address": "Address",
        "people": "People",
        "callsheet": "Call sheet",
        "general_call": "General call",
        "events_of_day": "Running order",
        "called": "Calls",
        "call": "Call",
        "wrap": "Wrap",
        "resources": "Resources",
        "quantity": "Quantity",
        "contacts": "Contacts",
        "phone": "Phone",
        "email": "Email",
        "vendor": "Vendor",
        "cover_plan": "Cover plan (outdoor events)",
        "cover": "Cover",
        "no_cover": "no cover planned",
        "outdoor": "outdoor",
        "backup_plan": "Backup plan",
        "open_findings": "Open findings",
        "none": "None.",
        "notes": "Notes",
        "budget_vs_actual": "Budget and actual by chapter",
        "headline": "Headline figures",
        "days_scheduled": "Days scheduled",
        "bookings": "Bookings",
        "crew_count": "Crew",
        "mark_work": "W",
        "mark_travel": "T",
        "contents": "Contents",
        "table_too_long": "First {shown} rows of {total}: report.xlsx has them all.",
        "zero_lines": "{count} line(s) at zero in every column not shown: {codes} (grouped in "
        "report.xlsx).",
    },
}


# `prodsheets reconcile`: the table's columns, then its words.
RECONCILE_HEADERS = {
    "fr": ("Code", "Libellé", "Devis", "Prévu", "Réel", "Reste", "Estimé final", "Écart"),
    "en": (
        "Code",
        "Description",
        "Budget",
        "Planned",
        "Actual",
        "Remaining",
        "Est. final",
        "Variance",
    ),
}
RECONCILE = {
    "fr": {
        "title": "{title} — rapprochement des coûts ({currency})",
        "total": "Total",
        "none": "(sans chapitre)",
        "statuses": "Dont engagé {committed} · facturé {invoiced} · payé {paid}.",
        "line": "ligne {codes}",
        "setting": "{rate} de la production",
        "contingency": "Imprévus ({source}) : {budget} ; consommés par les dépassements {used} "
        "({share}) ; reste {left}. Économies prévues, non déduites : {savings}.",
        "no_contingency": "Pas d'imprévus : ni ligne Imprévus au devis, ni imprévus % dans "
        "Production.",
        "cash": "Trésorerie par semaine",
        "week": "Semaine",
        "undated": "sans date",
        "planned": "Prévu",
        "actual": "Réel",
        "week_label": "{year}-S{week:02d} (lun. {monday:%d/%m})",
        "zero_lines": "{count} poste(s) à zéro partout non affiché(s) : {codes} (dans report.xlsx "
        "et le JSON).",
    },
    "en": {
        "title": "{title} — cost reconciliation ({currency})",
        "total": "Total",
        "none": "(no chapter)",
        "statuses": "Of which committed {committed} · invoiced {invoiced} · paid {paid}.",
        "line": "line {codes}",
        "setting": "{rate} of the production",
        "contingency": "Contingency ({source}): {budget}; used by overruns {used} ({share}); "
        "{left} left. Forecast savings, not netted: {savings}.",
        "no_contingency": "No contingency: neither a contingency line in the budget nor a "
        "contingency % in Production.",
        "cash": "Cash flow by week",
        "week": "Week",
        "undated": "undated",
        "planned": "Planned",
        "actual": "Actual",
        "week_label": "{year}-W{week:02d} (Mon {day} {monday:%b})",
        "zero_lines": "{count} line(s) at zero in every column not shown: {codes} (in "
        "report.xlsx and the JSON).",
    },
}


# Findings in the terminal: further places, and the summary line.
FINDINGS: dict[str, dict[str, str]] = {
    "fr": {
        "also": " (aussi : {places})",
        "summary": "{title} : {counts}.",
        "error": "erreur|erreurs",
        "warning": "avertissement|avertissements",
        "info": "info|infos",
    },
    "en": {
        "also": " (also: {places})",
        "summary": "{title}: {counts}.",
        "error": "error|errors",
        "warning": "warning|warnings",
        "info": "info|infos",
    },
}


# `prodsheets whatif` as text.
WHATIF: dict[str, dict[str, str]] = {
    "fr": {
        "title": "{title} — scénario : {scenario}",
        "nothing": "Rien n'est touché.",
        "hit": "Touché ({count}) :",
        "replacements": "Remplacements :",
        "else": "sinon",
        "colon": " : ",
        "no_replacement": "aucun remplacement",
        "no_cover": " (pas de repli indiqué)",
        "nobody": " (personne d'éligible)",
        "ruled_out": "écarté",
        "cost": "Coût prévu : {before} → {after} ({delta})",
    },
    "en": {
        "title": "{title} — scenario: {scenario}",
        "nothing": "Nothing is hit.",
        "hit": "Hit ({count}):",
        "replacements": "Replacements:",
        "else": "else",
        "colon": ": ",
        "no_replacement": "no replacement",
        "no_cover": " (no cover given)",
        "nobody": " (nobody eligible)",
        "ruled_out": "ruled out",
        "cost": "Planned cost: {before} → {after} ({delta})",
    },
}


# The Excel button (prodsheets.excel.entry): when it ran, and what went wrong.
BUTTON: dict[str, dict[str, str]] = {
    "fr": {
        "now": "%d/%m/%Y à %H:%M",
        "locked": "un fichier est verrouillé ou en lecture seule",
        "missing": "un fichier ou dossier est introuvable",
        "not_installed": "prodsheets n'est pas complètement installé dans ce Python "
        "(pip install prodsheets)",
        "internal": "erreur interne, à signaler",
    },
    "en": {
        "now": "%Y-%m-%d at %H:%M",
        "locked": "a file is locked or read-only",
        "missing": "a file or folder is missing",
        "not_installed": "prodsheets is not fully installed in this Python (pip install prodsheets)",
        "internal": "internal error, please report it",
    },
}


# The control workbook (prodsheets excel): its dashboard and findings sheet.
CONTROL: dict[str, dict[str, Any]] = {
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


# Annotated copies (check --annotate): each cell's comment, and files left aside.
ANNOTATE: dict[str, dict[str, str]] = {
    "fr": {
        "comment": "{severity} {code} : {message}\n→ {hint}",
        "skipped": "{name} : non annoté, prodsheets n'écrit que les .xlsx et .xlsm "
        "(enregistrez-le au format .xlsx pour l'annoter).",
        "unreadable": "{name} : non annoté, illisible ({detail}).",
    },
    "en": {
        "comment": "{severity} {code}: {message}\n→ {hint}",
        "skipped": "{name}: not annotated, prodsheets writes only .xlsx and .xlsm "
        "(save it as .xlsx to annotate it).",
        "unreadable": "{name}: not annotated, unreadable ({detail}).",
    },
}


# The command line's own sentences (click's usage errors are said by click).
CLI: dict[str, dict[str, str]] = {
    "fr": {
        "excel_next": "Ensuite : ouvrez {workbook}, activez les macros, cliquez sur le bouton.",
        "exists": "{folder} contient déjà {names} : rien n'a été écrit. "
        "Ajoutez --force pour écraser.",
        "new_next": "Ensuite : remplissez les classeurs, puis « prodsheets check {folder} ».",
    },
    "en": {
        "excel_next": "Next: open {workbook}, enable macros, click the button.",
        "exists": "{folder} already holds {names}: nothing was written. Add --force to overwrite.",
        "new_next": "Next: fill in the workbooks, then run `prodsheets check {folder}`.",
    },
}

# Working-time limits as findings say them (prodsheets/checks/hours.py).
RULES: dict[str, dict[str, str]] = {
    "fr": {
        "reduced_times": "{base} ({reduced} au plus {times} fois par {period}{days})",
        "reduced_days": "{base} ({reduced}{days})",
        "week": "semaine",
        "month": "mois",
        "days": " les jours de {kinds}",
        "setup": "montage ou démontage",
        "rehearsal": "répétition",
        "tour": "tournée",
        "festival": "festival",
        "or": " ou ",
        "after_long_day": "{base} ; {reduced} après une journée de plus de {daily}",
        "after_night": "{base} ; {reduced} d'un travail de nuit à une reprise le matin",
        "listed_cases": "{limit} ({longer} dans les cas que l'article 4.1.1.1 énumère)",
        "presence": "{counted} comptées ({presence} de présence, équivalence du décret 2013-1165)",
    },
    "en": {
        "reduced_times": "{base} ({reduced} at most {times}× a {period}{days})",
        "reduced_days": "{base} ({reduced}{days})",
        "week": "week",
        "month": "month",
        "days": " on {kinds} days",
        "setup": "set-up or strike",
        "rehearsal": "rehearsal",
        "tour": "tour",
        "festival": "festival",
        "or": " or ",
        "after_long_day": "{base}; {reduced} after a day longer than {daily}",
        "after_night": "{base}; {reduced} from night work to a morning call",
        "listed_cases": "{limit} ({longer} in the cases article 4.1.1.1 lists)",
        "presence": "{counted} counted ({presence} of presence, équivalence of décret 2013-1165)",
    },
}
