"""The catalogue of finding codes: stable code, kebab-case name, severity, texts fr/en.

Codes are grouped by family, as a linter's are:

* ``PS0xx`` reading: the files could not be read; ``prodsheets`` exits with 2.
* ``PS1xx`` structure and values: tables, columns, cells, references.
* ``PS2xx`` the budget's own arithmetic.
* ``PS3xx`` conflicts and working time (issue "Conflicts").
* ``PS4xx`` costs, ``PS5xx`` contingency.

Codes and names never change meaning once released; the docs page
(``docs/findings.md``) is generated from this module (``python -m prodsheets.docs``).
"""

from __future__ import annotations

from prodsheets.findings import Code, Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741

FAMILIES = {
    "PS0": {"en": "Reading the workbooks", "fr": "Lecture des classeurs"},
    "PS1": {"en": "Tables, columns and values", "fr": "Tables, colonnes et valeurs"},
    "PS2": {"en": "The budget's own arithmetic", "fr": "Les calculs du devis"},
    "PS3": {"en": "Conflicts and working time", "fr": "Conflits et temps de travail"},
    "PS4": {"en": "Costs", "fr": "Coûts"},
    "PS5": {"en": "Contingency", "fr": "Plans de secours"},
}

CODES: dict[str, Code] = {}


def _code(
    code: str,
    name: str,
    severity: Severity,
    title: tuple[str, str],
    message: tuple[str, str],
    hint: tuple[str, str],
) -> Code:
    """Register a code; each pair is (English, French)."""
    entry = Code(
        code=code,
        name=name,
        severity=severity,
        title={"en": title[0], "fr": title[1]},
        message={"en": message[0], "fr": message[1]},
        hint={"en": hint[0], "fr": hint[1]},
        family=code[:3],
    )
    assert code not in CODES and all(c.name != name for c in CODES.values()), code
    CODES[code] = entry
    return entry


# --- PS0xx: reading --------------------------------------------------------------------

PATH_NOT_FOUND = _code(
    "PS001",
    "path-not-found",
    E,
    ("Path not found", "Chemin introuvable"),
    ("{path} does not exist.", "{path} n'existe pas."),
    (
        "Check the spelling, or give the production's folder.",
        "Vérifiez l'orthographe, ou indiquez le dossier de la production.",
    ),
)
NO_WORKBOOK = _code(
    "PS002",
    "no-workbook",
    E,
    ("No workbook in the folder", "Aucun classeur dans le dossier"),
    (
        "No spreadsheet (.xlsx, .xlsm, .xls, .xlsb, .ods) in {path}.",
        "Aucun classeur (.xlsx, .xlsm, .xls, .xlsb, .ods) dans {path}.",
    ),
    (
        "Give the folder that holds budget.xlsx, crew.xlsx and schedule.xlsx, or create them "
        "with `prodsheets new`.",
        "Indiquez le dossier qui contient budget.xlsx, crew.xlsx et schedule.xlsx, ou créez-les "
        "avec `prodsheets new`.",
    ),
)
EMPTY_FILE = _code(
    "PS003",
    "empty-file",
    E,
    ("Empty file", "Fichier vide"),
    ("The file is empty (0 bytes).", "Le fichier est vide (0 octet)."),
    (
        "It was probably not saved completely: open the last good copy or a backup.",
        "Il n'a sans doute pas été enregistré jusqu'au bout : reprenez la dernière bonne copie.",
    ),
)
ENCRYPTED = _code(
    "PS004",
    "encrypted-workbook",
    E,
    ("Password-protected workbook", "Classeur protégé par mot de passe"),
    (
        "The workbook is encrypted with a password; it cannot be read.",
        "Le classeur est chiffré par un mot de passe ; il ne peut pas être lu.",
    ),
    (
        "In Excel: File › Info › Protect Workbook › Encrypt with Password, clear the password, "
        "save. A sheet protection without a password to open is fine.",
        "Dans Excel : Fichier › Informations › Protéger le classeur › Chiffrer avec mot de passe, "
        "effacez le mot de passe, enregistrez. Une simple protection de feuille ne gêne pas.",
    ),
)
NOT_A_SPREADSHEET = _code(
    "PS005",
    "not-a-spreadsheet",
    E,
    ("Not a spreadsheet", "Pas un classeur"),
    ("This file is not a spreadsheet ({detail}).", "Ce fichier n'est pas un classeur ({detail})."),
    (
        "Give an .xlsx, .xlsm, .xls, .xlsb or .ods file.",
        "Indiquez un fichier .xlsx, .xlsm, .xls, .xlsb ou .ods.",
    ),
)
UNSUPPORTED_FORMAT = _code(
    "PS006",
    "unsupported-format",
    E,
    ("Spreadsheet format not supported", "Format de classeur non pris en charge"),
    (
        "This is a {detail} file, which prodsheets cannot read.",
        "C'est un fichier {detail}, que prodsheets ne sait pas lire.",
    ),
    (
        "Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx).",
        "Ouvrez-le dans Excel ou LibreOffice et enregistrez-le en classeur Excel (.xlsx).",
    ),
)
CORRUPT = _code(
    "PS007",
    "corrupt-workbook",
    E,
    ("Damaged workbook", "Classeur endommagé"),
    (
        "The workbook is damaged and cannot be read ({detail}).",
        "Le classeur est endommagé et ne peut pas être lu ({detail}).",
    ),
    (
        "Open it in Excel (which offers to repair it) or LibreOffice and save a new copy; "
        "otherwise go back to a backup.",
        "Ouvrez-le dans Excel (qui propose de le réparer) ou LibreOffice et enregistrez une "
        "nouvelle copie ; sinon reprenez une sauvegarde.",
    ),
)
SHEET_UNREADABLE = _code(
    "PS008",
    "sheet-unreadable",
    E,
    ("Sheet cannot be read", "Feuille illisible"),
    ("The sheet cannot be read ({detail}).", "La feuille ne peut pas être lue ({detail})."),
    (
        "Copy its cells into a new sheet of the same name, delete the old one and save.",
        "Copiez ses cellules dans une nouvelle feuille de même nom, supprimez l'ancienne et "
        "enregistrez.",
    ),
)
NO_PRODUCTION_TABLE = _code(
    "PS009",
    "no-production-table",
    E,
    ("No production table found", "Aucune table de production trouvée"),
    (
        "No sheet is named after a production table (sheets: {sheets}).",
        "Aucune feuille ne porte le nom d'une table de production (feuilles : {sheets}).",
    ),
    (
        "Name the sheets as in the templates: Production, Devis/Budget, Équipe/Crew, "
        "Planning/Events, Affectations/Bookings… (`prodsheets new` writes them).",
        "Nommez les feuilles comme dans les modèles : Production, Devis, Équipe, Planning, "
        "Affectations… (`prodsheets new` les crée).",
    ),
)
TOO_LARGE = _code(
    "PS010",
    "file-too-large",
    E,
    ("File too large", "Fichier trop volumineux"),
    (
        "The workbook is too large to read safely ({detail}).",
        "Le classeur est trop volumineux pour être lu sans risque ({detail}).",
    ),
    (
        "Remove unused sheets, or check that no sheet has a stray cell far below the data.",
        "Supprimez les feuilles inutiles, ou vérifiez qu'aucune cellule isolée ne traîne loin "
        "sous les données.",
    ),
)

SHEET_TOO_LARGE = _code(
    "PS020",
    "sheet-too-large",
    E,
    ("Sheet beyond the limits", "Feuille hors limites"),
    (
        "The sheet was not read: {detail}.",
        "La feuille n'a pas été lue : {detail}.",
    ),
    (
        "Delete what lies beyond the table (Ctrl+End shows the last cell Excel keeps), or "
        "split the sheet; prodsheets reads at most 1,048,576 rows, 16,384 columns and "
        "4,000,000 filled cells a sheet.",
        "Supprimez ce qui dépasse du tableau (Ctrl+Fin montre la dernière cellule gardée par "
        "Excel), ou scindez la feuille ; prodsheets lit au plus 1 048 576 lignes, 16 384 "
        "colonnes et 4 000 000 de cellules remplies par feuille.",
    ),
)
CELL_TOO_LONG = _code(
    "PS021",
    "cell-too-long",
    E,
    ("Text longer than a cell can hold", "Texte plus long qu'une cellule"),
    (
        "This cell holds a text of {found}, more than the 32,767 characters a cell can hold: "
        "the sheet was not read.",
        "Cette cellule contient un texte de {found}, plus que les 32 767 caractères qu'une "
        "cellule peut contenir : la feuille n'a pas été lue.",
    ),
    (
        "Shorten the text, or keep it in a document and link to it.",
        "Raccourcissez le texte, ou gardez-le dans un document et mettez un lien.",
    ),
)
NOT_A_FILE = _code(
    "PS022",
    "not-a-file",
    E,
    ("Not a file", "Pas un fichier"),
    (
        "{path} is not a file but {kind}: it was not opened.",
        "{path} n'est pas un fichier mais {kind} : il n'a pas été ouvert.",
    ),
    (
        "Give the production's folder or one of its workbooks.",
        "Indiquez le dossier de la production ou l'un de ses classeurs.",
    ),
)

# --- PS1xx: tables, columns and values ------------------------------------------------

MISSING_TABLE = _code(
    "PS101",
    "missing-table",
    E,
    ("Required table missing", "Table obligatoire absente"),
    ("No {table} sheet in the production.", "Pas de feuille {table} dans la production."),
    (
        "Add a sheet named {table} (`prodsheets new` writes one with its columns).",
        "Ajoutez une feuille nommée {table} (`prodsheets new` en crée une avec ses colonnes).",
    ),
)
DUPLICATE_TABLE = _code(
    "PS102",
    "duplicate-table",
    E,
    ("Table found twice", "Table en double"),
    (
        "The {table} table is found twice: here and in {other}.",
        "La table {table} existe deux fois : ici et dans {other}.",
    ),
    (
        "Keep one of them: merge their rows and delete or rename the other sheet.",
        "Gardez-en une : regroupez les lignes et supprimez ou renommez l'autre feuille.",
    ),
)
MISSING_COLUMN = _code(
    "PS103",
    "missing-column",
    E,
    ("Required column missing", "Colonne obligatoire absente"),
    (
        "The {table} sheet has no “{column}” column.",
        "La feuille {table} n'a pas de colonne « {column} ».",
    ),
    (
        "Add a column headed “{column}” in the header row (columns may be in any order).",
        "Ajoutez une colonne titrée « {column} » sur la ligne d'en-tête (l'ordre est libre).",
    ),
)
NO_HEADER = _code(
    "PS104",
    "no-header-row",
    E,
    ("Header row not found", "Ligne d'en-tête introuvable"),
    (
        "No header row in the first 10 rows of {table}: expected columns such as {columns}.",
        "Pas de ligne d'en-tête dans les 10 premières lignes de {table} : colonnes attendues, "
        "par exemple {columns}.",
    ),
    (
        "Put the column names in one row near the top of the sheet.",
        "Écrivez les noms des colonnes sur une même ligne en haut de la feuille.",
    ),
)
DUPLICATE_ID = _code(
    "PS105",
    "duplicate-id",
    E,
    ("Duplicate id", "Identifiant en double"),
    (
        "“{id}” is used twice in {table} (also row {other_row}).",
        "« {id} » est utilisé deux fois dans {table} (aussi ligne {other_row}).",
    ),
    (
        "Give each row its own id; other sheets refer to rows by it.",
        "Donnez à chaque ligne son propre identifiant ; les autres feuilles y renvoient.",
    ),
)
BAD_DATE = _code(
    "PS106",
    "bad-date",
    E,
    ("Not a date", "Date illisible"),
    (
        "{column}: “{found}” is not a date; expected {expected}.",
        "{column} : « {found} » n'est pas une date ; attendu : {expected}.",
    ),
    (
        "Type the date as 31/12/2026 or 2026-12-31, or use Excel's date format.",
        "Saisissez la date sous la forme 31/12/2026 ou 2026-12-31, ou au format date d'Excel.",
    ),
)
BAD_TIME = _code(
    "PS107",
    "bad-time",
    E,
    ("Not a time", "Heure illisible"),
    (
        "{column}: “{found}” is not a time; expected {expected}.",
        "{column} : « {found} » n'est pas une heure ; attendu : {expected}.",
    ),
    ("Type the time as 08:30 or 8h30.", "Saisissez l'heure sous la forme 08:30 ou 8h30."),
)
BAD_NUMBER = _code(
    "PS108",
    "bad-number",
    E,
    ("Not a number", "Nombre illisible"),
    (
        "{column}: “{found}” is not a number; expected {expected}.",
        "{column} : « {found} » n'est pas un nombre ; attendu : {expected}.",
    ),
    (
        "Type digits only, with a comma or a point for decimals; the € sign and spaces are "
        "allowed.",
        "Saisissez des chiffres, avec une virgule pour les décimales ; le signe € et les espaces "
        "sont acceptés.",
    ),
)
BAD_PERCENT = _code(
    "PS109",
    "bad-percentage",
    E,
    ("Not a percentage", "Pourcentage illisible"),
    (
        "{column}: “{found}” is not a percentage; expected {expected}.",
        "{column} : « {found} » n'est pas un pourcentage ; attendu : {expected}.",
    ),
    ("Type a percentage such as 12 % or 12,5 %.", "Saisissez un pourcentage comme 12 % ou 12,5 %."),
)
BAD_YES_NO = _code(
    "PS110",
    "bad-yes-no",
    E,
    ("Not yes or no", "Ni oui ni non"),
    (
        "{column}: “{found}” is not yes or no; expected {expected}.",
        "{column} : « {found} » n'est ni oui ni non ; attendu : {expected}.",
    ),
    (
        "Type oui or non (yes/no), or x for yes; leave blank for no.",
        "Saisissez oui ou non (ou x pour oui) ; laissez vide pour non.",
    ),
)
BAD_CHOICE = _code(
    "PS111",
    "bad-choice",
    E,
    ("Value not in the list", "Valeur hors liste"),
    (
        "{column}: “{found}” is not allowed; expected {expected}.",
        "{column} : « {found} » n'est pas admis ; attendu : {expected}.",
    ),
    (
        "Pick a value from the cell's drop-down list.",
        "Choisissez une valeur dans la liste déroulante de la cellule.",
    ),
)
MISSING_VALUE = _code(
    "PS112",
    "missing-value",
    E,
    ("Required value missing", "Valeur obligatoire manquante"),
    ("{column} is empty on this {table} row.", "{column} est vide sur cette ligne de {table}."),
    (
        "Fill in the cell, or delete the row if it is not used.",
        "Remplissez la cellule, ou supprimez la ligne si elle ne sert pas.",
    ),
)
FORMULA_NO_VALUE = _code(
    "PS113",
    "formula-without-value",
    E,
    ("Formula without a computed value", "Formule sans valeur calculée"),
    (
        "{column} holds a formula whose result was never saved; it is not read as 0.",
        "{column} contient une formule dont le résultat n'a jamais été enregistré ; elle n'est "
        "pas lue comme 0.",
    ),
    (
        "Open the workbook in Excel or LibreOffice and save it, so that formulas are computed "
        "and stored.",
        "Ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le, pour que les formules "
        "soient calculées et enregistrées.",
    ),
)
UNKNOWN_REFERENCE = _code(
    "PS114",
    "unknown-reference",
    E,
    ("Unknown reference", "Référence inconnue"),
    ("{column}: “{id}” is not in {target}.", "{column} : « {id} » n'existe pas dans {target}."),
    (
        "Correct the id{suggestion}, or add “{id}” to {target}.",
        "Corrigez l'identifiant{suggestion}, ou ajoutez « {id} » dans {target}.",
    ),
)
IMPOSSIBLE_RANGE = _code(
    "PS115",
    "impossible-range",
    E,
    ("Range ends before it starts", "Période qui finit avant de commencer"),
    (
        "{what} ends on {end}, before it starts on {start}.",
        "{what} se termine le {end}, avant de commencer le {start}.",
    ),
    (
        "Swap the two dates, or correct the one that is wrong.",
        "Inversez les deux dates, ou corrigez celle qui est fausse.",
    ),
)
OUTSIDE_DATES = _code(
    "PS116",
    "outside-production-dates",
    W,
    ("Date outside the production", "Date hors production"),
    (
        "{what} is on {date}, outside the production's dates ({start} – {end}).",
        "{what} a lieu le {date}, hors des dates de la production ({start} – {end}).",
    ),
    (
        "Correct the date, or widen the production's start and end in the Production sheet.",
        "Corrigez la date, ou élargissez le début et la fin dans la feuille Production.",
    ),
)
ERROR_VALUE = _code(
    "PS117",
    "error-value",
    E,
    ("Excel error in a cell", "Erreur Excel dans une cellule"),
    ("{column} shows an Excel error ({found}).", "{column} affiche une erreur Excel ({found})."),
    (
        "Correct the formula (a #REF! usually follows a deleted row or sheet).",
        "Corrigez la formule (un #REF! suit souvent une ligne ou une feuille supprimée).",
    ),
)
BAD_SETTING = _code(
    "PS118",
    "unknown-setting",
    W,
    ("Unknown production setting", "Réglage de production inconnu"),
    (
        "“{found}” is not a production setting; it is ignored.",
        "« {found} » n'est pas un réglage de production ; il est ignoré.",
    ),
    ("Known settings: {known}.", "Réglages reconnus : {known}."),
)
HEADER_DUPLICATE_COLUMN = _code(
    "PS119",
    "duplicate-column",
    W,
    ("Column found twice", "Colonne en double"),
    (
        "The header names “{column}” twice; only the first one ({first}) is read.",
        "L'en-tête nomme « {column} » deux fois ; seule la première ({first}) est lue.",
    ),
    ("Rename or delete the second column.", "Renommez ou supprimez la seconde colonne."),
)
OUT_OF_RANGE = _code(
    "PS120",
    "value-out-of-range",
    E,
    ("Value out of range", "Valeur hors limites"),
    (
        "{column}: {found} is out of range; expected {expected}.",
        "{column} : {found} est hors limites ; attendu : {expected}.",
    ),
    ("Correct the value.", "Corrigez la valeur."),
)

AMBIGUOUS_ID = _code(
    "PS121",
    "ambiguous-id",
    E,
    ("Id used by a person and a resource", "Identifiant à la fois personne et matériel"),
    (
        "“{id}” is both in {resources} and in {crew}: a booking of “{id}” is ambiguous.",
        "« {id} » figure dans {resources} et dans {crew} : une affectation de « {id} » est "
        "ambiguë.",
    ),
    (
        "Rename one of them (e.g. CAM-{id} for the equipment).",
        "Renommez l'un des deux (par ex. CAM-{id} pour le matériel).",
    ),
)

FAR_CELLS = _code(
    "PS150",
    "far-cells",
    W,
    ("Cells far from the table not read", "Cellules loin du tableau non lues"),
    (
        "Filled cells far from the table were not read: {count} ({cells}); with them the "
        "sheet would span {span} cells for {filled} filled.",
        "Des cellules remplies loin du tableau n'ont pas été lues : {count} ({cells}) ; avec "
        "elles la feuille s'étendrait sur {span} cellules pour {filled} remplies.",
    ),
    (
        "Delete them if they were typed by mistake (Ctrl+End shows the last cell), or move "
        "them next to the table.",
        "Supprimez-les si elles ont été saisies par erreur (Ctrl+Fin montre la dernière "
        "cellule), ou rapprochez-les du tableau.",
    ),
)
DATE_FAR = _code(
    "PS151",
    "date-far-from-production",
    W,
    ("Date far from the production's", "Date loin de celles de la production"),
    (
        "{column}: {found} is more than two years from the production's dates (around "
        "{around}); a typo in the year?",
        "{column} : {found} est à plus de deux ans des dates de la production (autour du "
        "{around}) ; une faute de frappe dans l'année ?",
    ),
    (
        "Check the year. Reports cover the production's own dates: this day is shown apart.",
        "Vérifiez l'année. Les rapports couvrent les dates de la production : ce jour est "
        "montré à part.",
    ),
)

# --- PS2xx: the budget's own arithmetic -------------------------------------------------

LINE_TOTAL = _code(
    "PS201",
    "line-total-mismatch",
    E,
    ("Line total differs from quantity × rate", "Total de ligne différent de quantité × tarif"),
    (
        "Total {total} ≠ {quantity} × {rate} = {expected}.",
        "Total {total} ≠ {quantity} × {rate} = {expected}.",
    ),
    (
        "Put {expected} (or the formula =quantity×rate) in the cell, or correct the quantity "
        "or the rate.",
        "Inscrivez {expected} (ou la formule =quantité×tarif) dans la cellule, ou corrigez la "
        "quantité ou le tarif.",
    ),
)
SUBTOTAL = _code(
    "PS202",
    "subtotal-mismatch",
    E,
    ("Subtotal differs from its lines", "Sous-total différent de ses lignes"),
    (
        "“{label}” shows {shown}, but its {count} lines (rows {first}–{last}) add up to "
        "{expected}.",
        "« {label} » indique {shown}, mais ses {count} lignes (lignes {first} à {last}) font "
        "{expected}.",
    ),
    (
        "Make the subtotal cover every line since the previous total (=SUM of rows "
        "{first}–{last}).",
        "Faites porter le sous-total sur toutes les lignes depuis le total précédent (=SOMME "
        "des lignes {first} à {last}).",
    ),
)
GRAND_TOTAL = _code(
    "PS203",
    "grand-total-mismatch",
    E,
    ("Grand total differs from the lines", "Total général différent des lignes"),
    (
        "“{label}” shows {shown}, but the {count} budget lines above it add up to {expected}.",
        "« {label} » indique {shown}, mais les {count} lignes du devis au-dessus font {expected}.",
    ),
    (
        "The classic: new lines were added outside the total's range. Make it cover every "
        "line (or sum the subtotals).",
        "Classique : des lignes ajoutées hors de la plage du total. Faites-le porter sur "
        "toutes les lignes (ou additionnez les sous-totaux).",
    ),
)

# --- PS3xx: conflicts and working time ----------------------------------------------

DOUBLE_BOOKING = _code(
    "PS301",
    "double-booking",
    E,
    ("Double booking", "Double convocation"),
    (
        "{what} on {first} and {second}: {overlap} of overlap.",
        "{what} sur {first} et {second} : {overlap} de chevauchement.",
    ),
    (
        "Move one of the two bookings, or book someone (or something) else on one of them.",
        "Déplacez l'une des deux affectations, ou affectez une autre personne (ou un autre "
        "matériel) à l'une d'elles.",
    ),
)
OVER_CAPACITY = _code(
    "PS302",
    "over-capacity",
    E,
    ("Booked beyond what exists", "Réservé au-delà du disponible"),
    (
        "{who}: {booked} booked at once on {when}, {available} available: {excess} too many "
        "({bookings}).",
        "{who} : {booked} réservés en même temps le {when}, {available} disponible(s) : "
        "{excess} de trop ({bookings}).",
    ),
    (
        "Rent more, or move one of the bookings; the quantity that exists is in the {table} sheet.",
        "Louez-en davantage, ou déplacez une affectation ; la quantité disponible est dans la "
        "feuille {table}.",
    ),
)
UNAVAILABLE = _code(
    "PS303",
    "unavailable",
    E,
    ("Booked while unavailable", "Convoqué pendant une indisponibilité"),
    (
        "{booking_of} on {booking} falls during an unavailability {period}{reason}.",
        "{booking_of} sur {booking} tombe pendant une indisponibilité {period}{reason}.",
    ),
    (
        "Book someone else, or check the dates of the unavailability.",
        "Affectez quelqu'un d'autre, ou vérifiez les dates de l'indisponibilité.",
    ),
)
TRAVEL_TIME = _code(
    "PS304",
    "travel-time",
    W,
    ("Not enough time to travel", "Pas assez de temps pour le trajet"),
    (
        "{who} has {gap} between {first} and {second}, but the trip from {origin} to "
        "{destination} takes {needed}.",
        "{who} n'a que {gap} entre {first} et {second}, mais le trajet de {origin} à "
        "{destination} demande {needed}.",
    ),
    (
        "Leave more time between the two, or correct the time in the Travel sheet "
        "(default: the production's travel buffer).",
        "Laissez plus de temps entre les deux, ou corrigez la durée dans la feuille Trajets "
        "(par défaut : le battement trajet de la production).",
    ),
)
OUTSIDE_EVENT = _code(
    "PS305",
    "outside-event",
    W,
    ("Booking outside its event", "Convocation hors de son événement"),
    (
        "{booking_of} ({times}) is outside its event {event} ({event_times}).",
        "{booking_of} ({times}) est hors de son événement {event} ({event_times}).",
    ),
    (
        "Correct the call or the wrap, or book this on the right event.",
        "Corrigez la convocation ou la fin, ou affectez-la au bon événement.",
    ),
)
DAILY_HOURS = _code(
    "PS306",
    "daily-hours",
    E,
    ("Too many hours in a day", "Trop d'heures dans la journée"),
    (
        "{who} works {hours} on {day} ({span}); the limit is {limit} ({rules}).",
        "{who} travaille {hours} le {day} ({span}) ; la limite est de {limit} ({rules}).",
    ),
    (
        "Shorten the day, split it between two people, or record the agreed exception in "
        "the Production sheet (daily max hours).",
        "Raccourcissez la journée, partagez-la entre deux personnes, ou inscrivez la "
        "dérogation dans la feuille Production (durée max jour).",
    ),
)
REST_TIME = _code(
    "PS307",
    "rest-time",
    E,
    ("Rest between two days too short", "Repos entre deux journées trop court"),
    (
        "{who} rests only {rest} between {end} and {start}; the minimum is {limit} ({rules}).",
        "{who} ne se repose que {rest} entre {end} et {start} ; le minimum est de {limit} "
        "({rules}).",
    ),
    (
        "Call {who} later the next day, or wrap earlier the day before.",
        "Convoquez {who} plus tard le lendemain, ou terminez plus tôt la veille.",
    ),
)
WEEKLY_HOURS = _code(
    "PS308",
    "weekly-hours",
    E,
    ("Too many hours in a week", "Trop d'heures dans la semaine"),
    (
        "{who} works {hours} in week {week} ({span}); the limit is {limit} ({rules}).",
        "{who} travaille {hours} la semaine {week} ({span}) ; la limite est de {limit} ({rules}).",
    ),
    (
        "Spread the work over more people or more weeks.",
        "Répartissez le travail sur plus de personnes ou plus de semaines.",
    ),
)
CONSECUTIVE_DAYS = _code(
    "PS309",
    "consecutive-days",
    W,
    ("Too many days in a row", "Trop de jours d'affilée"),
    (
        "{who} works {days} days in a row ({start} to {end}); the limit is {limit} ({rules}).",
        "{who} travaille {days} jours d'affilée (du {start} au {end}) ; la limite est de "
        "{limit} ({rules}).",
    ),
    ("Give {who} a day off within the run.", "Accordez un jour de repos à {who} dans la série."),
)

# --- PS4xx: costs ---------------------------------------------------------------------

UNPOSTED_COST = _code(
    "PS401",
    "unposted-cost",
    W,
    ("Booked cost without a budget code", "Coût planifié sans code budget"),
    (
        "{who} is booked on {days} day(s), {amount} planned, but has no {column}: this cost "
        "is posted to no budget line.",
        "{who} est convoqué(e) sur {days} jour(s), {amount} prévus, mais n'a pas de {column} : "
        "ce coût n'est imputé à aucune ligne du devis.",
    ),
    (
        "Type the code of the budget line that pays for it; until then reconcile shows it "
        "apart, as a line without a code.",
        "Inscrivez le code de la ligne du devis qui le paie ; en attendant, le rapprochement "
        "le montre à part, sur une ligne sans code.",
    ),
)
MISSING_RATE = _code(
    "PS402",
    "missing-rate",
    W,
    ("Paid person without a readable rate", "Personne rémunérée sans tarif lisible"),
    (
        "{who} ({contract}) is booked on {days} day(s), but no day rate or hourly rate can be "
        "read: the schedule's cost of this person is unknown.",
        "{who} ({contract}) est convoqué(e) sur {days} jour(s), mais aucun tarif jour ni tarif "
        "horaire n'est lisible : le coût de cette personne au planning est inconnu.",
    ),
    (
        "Type a day rate or an hourly rate as a number; for someone unpaid, set the contract "
        "to volunteer.",
        "Saisissez un tarif jour ou un tarif horaire en chiffres ; pour une personne non "
        "rémunérée, choisissez le contrat bénévole.",
    ),
)
MISSING_EXCHANGE_RATE = _code(
    "PS403",
    "missing-exchange-rate",
    E,
    ("No exchange rate for an expense", "Pas de taux de change pour une dépense"),
    (
        "{amount} {currency}: no exchange rate to {target} is given, so this expense is left "
        "out of the actuals.",
        "{amount} {currency} : aucun taux de change vers {target} n'est donné, cette dépense "
        "est donc laissée hors du réel.",
    ),
    (
        "Add the rate to the Production sheet, row {setting}: {currency}=… (the value of one "
        "{currency} in {target}), or correct the currency.",
        "Ajoutez le taux dans la feuille Production, ligne {setting} : {currency}=… (la valeur "
        "d'un {currency} en {target}), ou corrigez la devise.",
    ),
)
BAD_EXCHANGE_RATES = _code(
    "PS404",
    "bad-exchange-rate",
    E,
    ("Exchange rate not understood", "Taux de change illisible"),
    (
        "{setting}: “{found}” is not an exchange rate; expected a currency code, = and the "
        "value of one unit in {target}.",
        "{setting} : « {found} » n'est pas un taux de change ; attendu : un code de devise, = "
        "et la valeur d'une unité en {target}.",
    ),
    (
        "Write the rates as USD=0.92; GBP=1.17 (a three-letter code each, separated by "
        "semicolons).",
        "Écrivez les taux sous la forme USD=0,92 ; GBP=1,17 (un code de trois lettres chacun, "
        "séparés par des points-virgules).",
    ),
)
LINE_WARNING = _code(
    "PS405",
    "line-nearly-spent",
    W,
    ("Budget line nearly spent", "Ligne du devis presque consommée"),
    (
        "{line}: {actual} spent or committed, {share} of its {budget} (alert at {threshold}).",
        "{line} : {actual} dépensés ou engagés, soit {share} de ses {budget} (alerte à "
        "{threshold}).",
    ),
    (
        "Check what is still to come on this line, and move money to it before it overruns.",
        "Vérifiez ce qui reste à venir sur cette ligne, et réaffectez-lui des fonds avant "
        "qu'elle ne dépasse.",
    ),
)
LINE_OVERSPENT = _code(
    "PS406",
    "line-overspent",
    W,
    ("Budget line overspent", "Ligne du devis dépassée"),
    (
        "{line}: {actual} spent or committed, {over} more than its {budget}.",
        "{line} : {actual} dépensés ou engagés, soit {over} de plus que ses {budget}.",
    ),
    (
        "Cover the overrun from the contingency or a line with savings, and update the budget.",
        "Couvrez le dépassement par les imprévus ou une ligne en économie, et mettez le devis "
        "à jour.",
    ),
)
CHAPTER_OVERRUN = _code(
    "PS407",
    "chapter-overrun",
    W,
    ("Chapter forecast over budget", "Chapitre prévu en dépassement"),
    (
        "Chapter {chapter} is estimated at {estimate} at completion, for a budget of {budget} "
        "({share}; alert above {threshold}).",
        "Le chapitre {chapter} est estimé à {estimate} en fin de production, pour un devis de "
        "{budget} ({share} ; alerte au-delà de {threshold}).",
    ),
    (
        "`prodsheets reconcile` shows its lines: the schedule may hold more days than "
        "budgeted, or expenses may exceed their lines.",
        "`prodsheets reconcile` montre ses lignes : le planning compte peut-être plus de jours "
        "que le devis, ou des dépenses dépassent leur ligne.",
    ),
)
CONTINGENCY_USED = _code(
    "PS408",
    "contingency-used-up",
    W,
    ("Contingency used up", "Imprévus consommés"),
    (
        "Overruns use {used} of the {contingency} contingency ({share}; alert at {threshold}): "
        "{left} left.",
        "Les dépassements consomment {used} des {contingency} d'imprévus ({share} ; alerte à "
        "{threshold}) : reste {left}.",
    ),
    (
        "Find savings on other lines, or raise the contingency; `prodsheets reconcile` lists "
        "the lines over budget.",
        "Trouvez des économies sur d'autres lignes, ou augmentez les imprévus ; "
        "`prodsheets reconcile` liste les lignes en dépassement.",
    ),
)

# --- PS5xx: contingency -----------------------------------------------------------------

OUTDOOR_WITHOUT_COVER = _code(
    "PS501",
    "outdoor-without-cover",
    W,
    ("Outdoor event without cover", "Événement en extérieur sans repli"),
    (
        "{event} is outdoors ({location}) on {when} and has no cover: rain or a lost "
        "location stops it.",
        "{event} est en extérieur ({location}) le {when} et n'a pas de repli : la pluie ou la "
        "perte du lieu l'arrêtent.",
    ),
    (
        "Name in {column} an indoor location or an event to switch to; "
        "`prodsheets whatif --rain {day}` shows what a wet day would move.",
        "Indiquez dans {column} un lieu couvert ou un événement de remplacement ; "
        "`prodsheets whatif --rain {day}` montre ce qu'un jour de pluie déplacerait.",
    ),
)
CRITICAL_VENDOR_WITHOUT_BACKUP = _code(
    "PS502",
    "critical-vendor-without-backup",
    W,
    ("Critical vendor without backup", "Prestataire critique sans secours"),
    (
        "{vendor} is critical and has no backup vendor{uses}.",
        "{vendor} est critique et n'a pas de prestataire de secours{uses}.",
    ),
    (
        "Name in {column} another vendor (listed in {table}) who could step in at short notice.",
        "Indiquez dans {column} un autre prestataire (de la feuille {table}) capable de "
        "prendre le relais au pied levé.",
    ),
)
KEY_PERSON_WITHOUT_BACKUP = _code(
    "PS503",
    "key-person-without-backup",
    I,
    ("Key person without backup", "Personne clé sans remplaçant"),
    (
        "{who} ({role}) is the only one of {department} and nobody else holds the role; "
        "booked {days} (first{where}, {first}), with no backup named.",
        "{who} ({role}) est seul(e) dans {department} et personne d'autre ne tient ce poste ; "
        "convoqué(e) {days} (d'abord{where}, le {first}), sans remplaçant indiqué.",
    ),
    (
        "Name in {column} someone who could stand in, or accept the risk; "
        "`prodsheets whatif --absent {id}` lists who is free.",
        "Indiquez dans {column} qui pourrait le/la remplacer, ou acceptez le risque ; "
        "`prodsheets whatif --absent {id}` liste qui est libre.",
    ),
)
RISK_WITHOUT_PLAN = _code(
    "PS504",
    "risk-without-plan",
    W,
    ("Risk without owner or backup plan", "Risque sans responsable ou plan de secours"),
    (
        "Risk {id} “{risk}”{linked} has no {missing}.",
        "Le risque {id} « {risk} »{linked} n'a pas {missing}.",
    ),
    (
        "Fill in {columns}: who watches this risk, and what is done when it happens.",
        "Renseignez {columns} : qui surveille ce risque, et ce qu'on fait s'il survient.",
    ),
)
TOP_RISK_WITHOUT_MITIGATION = _code(
    "PS505",
    "top-risk-without-mitigation",
    W,
    ("Top risk without mitigation", "Risque majeur sans prévention"),
    (
        "Risk {id} “{risk}”{linked} scores {probability} × {impact} = {score}, at or above "
        "the risk threshold ({threshold}), and has no mitigation.",
        "Le risque {id} « {risk} »{linked} est noté {probability} × {impact} = {score}, au "
        "niveau du seuil de risque ({threshold}) ou au-dessus, et n'a pas de prévention.",
    ),
    (
        "Write in {column} what is done beforehand to make it less likely or less costly "
        "(the threshold is the Production setting {setting}).",
        "Écrivez dans {column} ce qui est fait en amont pour le rendre moins probable ou "
        "moins coûteux (le seuil est le paramètre {setting} de Production).",
    ),
)


def by_code_or_name(text: str) -> list[Code]:
    """Codes a ``--select``/``--ignore`` word means: a code, a prefix (``PS1``), or a name."""
    word = text.strip()
    upper = word.upper()
    return [c for c in CODES.values() if c.code.startswith(upper) or c.name == word.lower()]
