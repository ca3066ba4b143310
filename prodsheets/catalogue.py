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

from collections.abc import Iterable

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
        "To keep your workbooks as they are, run `prodsheets adopt` on the folder: it "
        "proposes which sheet and column is which and writes that mapping beside them. Or "
        "name the sheets as in the templates: Production, Budget, Crew, Events, Bookings… "
        "(`prodsheets new` writes them).",
        "Pour garder vos classeurs tels quels, lancez `prodsheets adopt` sur le dossier : il "
        "propose quelle feuille et quelle colonne est quoi, et écrit cette correspondance à "
        "côté. Ou nommez les feuilles comme dans les modèles : Production, Devis, Équipe, "
        "Planning, Affectations… (`prodsheets new` les crée).",
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

COPY_SKIPPED = _code(
    "PS011",
    "copy-not-read",
    I,
    ("A copy of another workbook, not read", "Copie d'un autre classeur, non lue"),
    (
        "{file} looks like a copy of {original}, which is in the folder: it was not read.",
        "{file} ressemble à une copie de {original}, présent dans le dossier : il n'a pas été lu.",
    ),
    (
        "Keep one version in the production's folder (move old versions to a subfolder), or "
        "rename this one if it is another workbook.",
        "Gardez une seule version dans le dossier de la production (rangez les anciennes dans "
        "un sous-dossier), ou renommez celui-ci s'il s'agit d'un autre classeur.",
    ),
)
SHEETS_NOT_READ = _code(
    "PS012",
    "sheets-not-read",
    I,
    ("Sheets not read", "Feuilles non lues"),
    (
        "Not production tables, not read: {sheets}.",
        "Feuilles qui ne sont pas des tables de production, non lues : {sheets}.",
    ),
    (
        "Nothing to do if they hold your own notes. A sheet that holds a table is read when "
        "it is named as the table (Planning, Équipe, Devis…: see `prodsheets new`), or as "
        "it is through a mapping (`prodsheets adopt`).",
        "Rien à faire si elles contiennent vos propres notes. Une feuille qui contient une "
        "table est lue si elle porte le nom de la table (Planning, Équipe, Devis… : voir "
        "`prodsheets new`), ou telle quelle grâce à une correspondance (`prodsheets adopt`).",
    ),
)
SHEET_LOOKS_LIKE = _code(
    "PS013",
    "sheet-looks-like-a-table",
    W,
    ("A sheet that looks like a table, not read", "Feuille qui ressemble à une table, non lue"),
    (
        "The sheet “{sheet}” has the columns of the {table} table ({columns}), but its name "
        "is not one prodsheets knows: it was not read.",
        "La feuille « {sheet} » a les colonnes de la table {table} ({columns}), mais son nom "
        "n'est pas un nom que prodsheets connaît : elle n'a pas été lue.",
    ),
    (
        "Rename the sheet “{name}”, or run `prodsheets adopt` to read it as it is.",
        "Renommez la feuille « {name} », ou lancez `prodsheets adopt` pour la lire telle quelle.",
    ),
)
MAPPING_ROW = _code(
    "PS014",
    "mapping-row-unread",
    E,
    ("A mapping row that cannot be used", "Ligne de correspondance inutilisable"),
    (
        "Mapping, row {row}: {problem}; the row was not used.",
        "Correspondances, ligne {row} : {problem} ; la ligne n'a pas été utilisée.",
    ),
    (
        "Correct the row in prodsheets.xlsx (the Read me sheet lists the tables and fields), "
        "or run `prodsheets adopt --force` to propose the mapping again.",
        "Corrigez la ligne dans prodsheets.xlsx (la feuille Lisez-moi liste les tables et les "
        "champs), ou lancez `prodsheets adopt --force` pour proposer à nouveau la "
        "correspondance.",
    ),
)
MAPPING_TARGET_MISSING = _code(
    "PS015",
    "mapped-sheet-missing",
    E,
    ("A mapped sheet is missing", "Feuille de la correspondance absente"),
    (
        "The mapping reads {what} “{name}”, which the production does not have: {table} was "
        "not read from it.",
        "La correspondance lit {what} « {name} », que la production n'a pas : la table "
        "{table} n'en a pas été lue.",
    ),
    (
        "Correct the name in prodsheets.xlsx (a renamed sheet or workbook), or run "
        "`prodsheets adopt --force` to propose the mapping again.",
        "Corrigez le nom dans prodsheets.xlsx (une feuille ou un classeur renommé), ou lancez "
        "`prodsheets adopt --force` pour proposer à nouveau la correspondance.",
    ),
)
MAPPED_COLUMN_MISSING = _code(
    "PS016",
    "mapped-column-missing",
    E,
    ("A mapped column is missing", "Colonne de la correspondance absente"),
    (
        "{sheet}: no column “{column}” for {field} in the header row {row}; {field} was not read.",
        "{sheet} : pas de colonne « {column} » pour {field} dans la ligne d'en-tête {row} ; "
        "{field} n'a pas été lu.",
    ),
    (
        "Give the header as the sheet types it, or the column's letter, in prodsheets.xlsx "
        "(and the header row if it is not found).",
        "Indiquez l'en-tête tel que la feuille l'écrit, ou la lettre de la colonne, dans "
        "prodsheets.xlsx (et la ligne d'en-tête si elle n'est pas trouvée).",
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
    (
        "No {table} sheet in the production, and {by} refers to it.",
        "Pas de feuille {table} dans la production, alors que {by} y renvoie.",
    ),
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

NUMBER_READ_AS = _code(
    "PS122",
    "number-read-as",
    W,
    ("A number read one way of two", "Nombre lu d'une des deux façons possibles"),
    (
        "{column}: “{found}” was read as {value} ({how}).",
        "{column} : « {found} » a été lu comme {value} ({how}).",
    ),
    (
        "If that is right, write it {clear} to remove the doubt; if not, correct the cell.",
        "Si c'est juste, écrivez {clear} pour lever le doute ; sinon, corrigez la cellule.",
    ),
)
TIME_READ_AS = _code(
    "PS123",
    "time-read-as",
    W,
    ("A number read as a time", "Nombre lu comme une heure"),
    (
        "{column}: the number {found} was read as the time {value} (hours, then minutes).",
        "{column} : le nombre {found} a été lu comme l'heure {value} (les heures, puis les "
        "minutes).",
    ),
    (
        "Type times as 13:30 or 13h30, or format the cells as times (hh:mm), so that Excel "
        "keeps them as times.",
        "Tapez les heures sous la forme 13:30 ou 13h30, ou mettez les cellules au format heure "
        "(hh:mm), pour qu'Excel les garde comme des heures.",
    ),
)
COLUMNS_NOT_READ = _code(
    "PS124",
    "columns-not-read",
    I,
    ("Columns prodsheets does not know", "Colonnes que prodsheets ne connaît pas"),
    (
        "{table}: columns kept as they are, not read: {columns}.",
        "{table} : colonnes gardées telles quelles, non lues : {columns}.",
    ),
    (
        "Nothing to do for your own columns. If one holds a column prodsheets reads, rename "
        "its header (the accepted headers are listed in the README).",
        "Rien à faire pour vos propres colonnes. Si l'une d'elles contient une colonne que "
        "prodsheets lit, renommez son en-tête (les en-têtes acceptés sont dans le README).",
    ),
)
COLUMN_LOOKS_LIKE = _code(
    "PS125",
    "column-looks-like",
    W,
    ("A column that looks like one prodsheets reads", "Colonne qui ressemble à une colonne lue"),
    (
        "{table}: the column “{header}” holds {what}, but its header is not one prodsheets "
        "knows and the table has no {target} column: it was not read.",
        "{table} : la colonne « {header} » contient {what}, mais son en-tête n'est pas connu de "
        "prodsheets et la table n'a pas de colonne {target} : elle n'a pas été lue.",
    ),
    ("Rename the header “{suggest}”.", "Renommez l'en-tête « {suggest} »."),
)
NO_TIMES = _code(
    "PS126",
    "no-times",
    W,
    ("A schedule without times", "Un planning sans horaires"),
    (
        "{table} has neither a start nor an end column: its {what} have no times, so double "
        "bookings, working time and travel are not checked.",
        "{table} n'a ni colonne de début ni colonne de fin : ses {what} n'ont pas d'horaires, "
        "donc les doubles convocations, le temps de travail et les trajets ne sont pas vérifiés.",
    ),
    (
        "Add columns headed {columns}.",
        "Ajoutez des colonnes titrées {columns}.",
    ),
)
REFERENCES_NOT_CHECKED = _code(
    "PS127",
    "references-not-checked",
    W,
    ("References not checked", "Références non vérifiées"),
    (
        "{column}: {count} references to {target} not checked, because {target} could not be read.",
        "{column} : {count} références à {target} non vérifiées, car {target} n'a pas pu être lue.",
    ),
    (
        "Correct what prevents reading {target} first (see the finding about it).",
        "Corrigez d'abord ce qui empêche de lire {target} (voir le constat qui la concerne).",
    ),
)
IDS_DIFFER_BY_CASE = _code(
    "PS128",
    "ids-differ-by-case",
    W,
    (
        "Two ids that differ only by case or accents",
        "Deux identifiants qui ne diffèrent que par la casse ou les accents",
    ),
    (
        "“{id}” and “{other}” differ only by case or accents: two different {what}, or one "
        "typed twice?",
        "« {id} » et « {other} » ne diffèrent que par la casse ou les accents : deux {what} "
        "différents, ou un seul tapé deux fois ?",
    ),
    (
        "If they are one, keep one spelling everywhere; if two, give them clearly different ids.",
        "S'il s'agit d'un seul, gardez une seule écriture partout ; sinon, donnez-leur des "
        "identifiants nettement différents.",
    ),
)
VALUE_ERROR_FROM_TEXT = _code(
    "PS129",
    "error-from-text",
    E,
    ("A #VALUE! caused by text in a cell", "Un #VALEUR! causé par du texte dans une cellule"),
    (
        "{total} shows {error} because {column} holds text: “{found}”.",
        "{total} affiche {error} car {column} contient du texte : « {found} ».",
    ),
    (
        "Type the number alone in {cell} (450, not “450 euros”): the formula will then compute.",
        "Tapez le nombre seul dans {cell} (450, pas « 450 euros ») : la formule se calculera.",
    ),
)
TOTALS_NOT_SAVED = _code(
    "PS130",
    "totals-not-saved",
    I,
    ("Totals whose result was never saved", "Totaux dont le résultat n'a jamais été enregistré"),
    (
        "{column}: formulas whose result was never saved; prodsheets computes quantity × rate "
        "itself.",
        "{column} : formules dont le résultat n'a jamais été enregistré ; prodsheets calcule "
        "lui-même quantité × tarif.",
    ),
    (
        "To see them in the workbook too, open it in Excel or LibreOffice and save it (a tool "
        "or script that writes formulas does not compute them).",
        "Pour les voir aussi dans le classeur, ouvrez-le dans Excel ou LibreOffice et "
        "enregistrez-le (un outil ou un script qui écrit des formules ne les calcule pas).",
    ),
)

EVENT_WITHOUT_END = _code(
    "PS131",
    "event-without-end",
    W,
    ("An event with a start and no end", "Un événement avec un début et sans fin"),
    (
        "{event} starts at {start} and has no end: its bookings without a wrap are kept as a "
        "moment (on the call sheet, paid for the day) but not checked for overlaps, working "
        "time or travel.",
        "{event} commence à {start} et n'a pas de fin : ses affectations sans heure de fin "
        "sont gardées comme un instant (sur la feuille de service, payées pour la journée) "
        "mais pas vérifiées pour les chevauchements, le temps de travail ni les trajets.",
    ),
    (
        "Type the end in {column} (an end earlier than the start means the next day).",
        "Indiquez la fin dans {column} (une fin plus tôt que le début veut dire le lendemain).",
    ),
)
SHIFT_NOT_READ = _code(
    "PS132",
    "shift-not-read",
    E,
    ("A roster cell that is no shift", "Case de grille qui n'est pas un service"),
    (
        "{sheet}: “{found}” for {who} on {date} is no time range and no shift code; that "
        "day was not read.",
        "{sheet} : « {found} » pour {who} le {date} n'est ni une plage horaire ni un code "
        "horaire ; ce jour n'a pas été lu.",
    ),
    (
        "Type the shift as 08:00-16:00, or define the code in a Shift codes sheet (code, "
        "hours); R, OFF, repos and congé are days off.",
        "Tapez le service sous la forme 08:00-16:00, ou définissez le code dans une feuille "
        "Codes horaires (code, horaires) ; R, OFF, repos et congé sont des jours non "
        "travaillés.",
    ),
)
CREW_FROM_NAMES = _code(
    "PS133",
    "crew-from-names",
    I,
    ("Crew taken from the names booked", "Équipe tirée des noms convoqués"),
    (
        "No Crew sheet: the {count} people named in {sheets} were taken as the crew, with ids "
        "made from their names ({examples}).",
        "Pas de feuille Équipe : les {count} personnes nommées dans {sheets} forment l'équipe, "
        "avec des identifiants tirés de leurs noms ({examples}).",
    ),
    (
        "Add a Crew sheet (or map one with `prodsheets adopt`) to give their contracts and "
        "rates: working time and costs need them.",
        "Ajoutez une feuille Équipe (ou faites-en correspondre une avec `prodsheets adopt`) "
        "pour donner leurs contrats et tarifs : temps de travail et coûts en ont besoin.",
    ),
)
DURATION_MISMATCH = _code(
    "PS134",
    "duration-mismatch",
    W,
    ("A duration that disagrees with its times", "Durée en désaccord avec ses horaires"),
    (
        "{event}: {column} says {duration}, but {start}–{end} lasts {span}.",
        "{event} : {column} indique {duration}, mais {start}–{end} dure {span}.",
    ),
    (
        "Correct the duration, or the start or end that was changed without it.",
        "Corrigez la durée, ou le début ou la fin modifiés sans elle.",
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

# The hours actually worked (Actual hours / Heures réelles).
ACTUAL_HOURS_TWICE = _code(
    "PS340",
    "actual-hours-twice",
    E,
    ("Hours reported twice", "Heures saisies deux fois"),
    (
        "{who}'s hours on {day} are reported twice (rows {first} and {row}); the first row counts.",
        "Les heures de {who} le {day} sont saisies deux fois (lignes {first} et {row}) ; la "
        "première compte.",
    ),
    (
        "Keep one row per person and day: for a split day, the first arrival, the last wrap, "
        "and the time between in the break.",
        "Gardez une ligne par personne et par jour : pour une journée coupée, la première "
        "arrivée, la dernière fin, et le temps entre les deux en pause.",
    ),
)
HOURS_NOT_REPORTED = _code(
    "PS341",
    "hours-not-reported",
    W,
    ("Hours not reported for everyone", "Heures non saisies pour tout le monde"),
    (
        "{day}: hours are reported for {reported}, but not for {missing}, booked that day: "
        "their planned hours stand in.",
        "{day} : les heures sont saisies pour {reported}, mais pas pour {missing}, "
        "convoqué(e)s ce jour-là : leurs heures prévues les remplacent.",
    ),
    (
        "Add their rows to {table} from the production report (arrival, wrap, break).",
        "Ajoutez leurs lignes à {table} d'après le rapport de production (arrivée, fin, pause).",
    ),
)
UNBOOKED_HOURS = _code(
    "PS342",
    "unbooked-hours",
    I,
    ("Hours worked without a booking", "Heures travaillées sans convocation"),
    (
        "{who} worked on {day} ({span}) without being booked that day: the hours and their "
        "cost count, with nothing planned to compare.",
        "{who} a travaillé le {day} ({span}) sans être convoqué(e) ce jour-là : les heures et "
        "leur coût comptent, sans rien de prévu en face.",
    ),
    (
        "If they were called, book them on the day's event in {table}; else correct the date "
        "or the id.",
        "S'il ou elle a été appelé(e), ajoutez l'affectation à l'événement du jour dans "
        "{table} ; sinon corrigez la date ou le code.",
    ),
)
BREAK_TOO_LONG = _code(
    "PS343",
    "break-too-long",
    E,
    ("Break as long as the day", "Pause aussi longue que la journée"),
    (
        "{who}'s break on {day} ({pause}) is as long as the day ({span}): the row is left out "
        "and the planned hours stand in.",
        "La pause de {who} le {day} ({pause}) dure autant que la journée ({span}) : la ligne "
        "est écartée et les heures prévues la remplacent.",
    ),
    (
        "Correct the break (1:00, 45 min, or 45 for minutes), or the arrival and the wrap.",
        "Corrigez la pause (1:00, 45 min, ou 45 pour des minutes), ou l'arrivée et la fin.",
    ),
)
AVERAGE_WEEKLY_HOURS = _code(
    "PS310",
    "average-weekly-hours",
    E,
    ("Too many hours on average over weeks", "Trop d'heures en moyenne sur plusieurs semaines"),
    (
        "{who} works {hours} a week on average over the {weeks} weeks from {start} to {end}; "
        "the limit is {limit} on average ({rules}).",
        "{who} travaille {hours} par semaine en moyenne sur les {weeks} semaines du {start} au "
        "{end} ; la limite est de {limit} en moyenne ({rules}).",
    ),
    (
        "Lighten some of these weeks, or share the work with someone else.",
        "Allégez certaines de ces semaines, ou partagez le travail avec une autre personne.",
    ),
)
MEAL_BREAK = _code(
    "PS311",
    "meal-break",
    W,
    ("Work without the break required", "Travail sans la pause obligatoire"),
    (
        "{who} works {hours} in a row on {day} ({span}) without a break of {minutes}; "
        "a break is due after {after} of work ({rules}).",
        "{who} travaille {hours} d'affilée le {day} ({span}) sans pause de {minutes} ; une "
        "pause est due après {after} de travail ({rules}).",
    ),
    (
        "Schedule a break of {minutes} within the stretch (column {column}: minutes or a time "
        "range such as 12:30-13:30), or split the stretch with a gap between two bookings.",
        "Prévoyez une pause de {minutes} dans cette plage (colonne {column} : des minutes ou une "
        "plage horaire comme 12:30-13:30), ou coupez-la par un écart entre deux affectations.",
    ),
)
BAD_BREAK = _code(
    "PS312",
    "bad-break",
    E,
    ("Break not understood", "Pause illisible"),
    (
        "{column}: “{found}” is not a break; expected {expected}.",
        "{column} : « {found} » n'est pas une pause ; attendu : {expected}.",
    ),
    (
        "Type the break in minutes (30), several separated by | (10 | 30 | 10), or a time "
        "range (12:30-13:30).",
        "Saisissez la pause en minutes (30), plusieurs séparées par | (10 | 30 | 10), ou une "
        "plage horaire (12:30-13:30).",
    ),
)
VACANT_SLOT = _code(
    "PS330",
    "vacant-slot",
    W,
    ("A slot still to fill", "Poste encore à pourvoir"),
    (
        "A slot still to fill{role} on {event}: “{found}”.",
        "Poste encore à pourvoir{role} sur {event} : « {found} ».",
    ),
    (
        "Book someone (their id in place of “{found}”), or remove the row if the slot is no "
        "longer needed.",
        "Convoquez quelqu'un (son identifiant à la place de « {found} »), ou supprimez la "
        "ligne si le poste n'est plus nécessaire.",
    ),
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

# Hot costs: the day's hours as worked against the day as planned.
HOT_COST_OVERRUN = _code(
    "PS420",
    "hot-cost-overrun",
    W,
    ("The day's hours cost more than planned", "Les heures du jour coûtent plus que prévu"),
    (
        "{day}: the hours worked cost {worked} against {planned} planned, {difference} more "
        "(overtime included); {running} over since the first day reported.",
        "{day} : les heures faites coûtent {worked} pour {planned} prévus, soit {difference} "
        "de plus (heures supplémentaires comprises) ; {running} de dépassement depuis le "
        "premier jour saisi.",
    ),
    (
        "The production report of the day (`prodsheets report`) shows who went over; plan "
        "the next days to catch up, or take it from the contingency.",
        "Le rapport de production du jour (`prodsheets report`) montre qui a dépassé ; "
        "rattrapez sur les jours suivants, ou prenez-le sur les imprévus.",
    ),
)
CEILING_MISSING = _code(
    "PS409",
    "fringe-without-ceiling",
    E,
    ("Capped contribution without a ceiling", "Cotisation plafonnée sans plafond"),
    (
        "{fringe}: its base is {base}, but it has no readable {column}; its rate is applied to "
        "the whole pay.",
        "{fringe} : son assiette est {base}, mais elle n'a pas de {column} lisible ; son taux "
        "est appliqué à tout le salaire.",
    ),
    (
        "Type the monthly ceiling (for 2026 the social security ceiling is 4 005 €), or set "
        "the base to total.",
        "Saisissez le plafond mensuel (en 2026 le plafond de la sécurité sociale est de "
        "4 005 €), ou choisissez l'assiette totalité.",
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


def unknown_words(words: Iterable[str]) -> tuple[list[str], list[str]]:
    """The ``--select``/``--ignore`` words that mean no code, and the codes or names closest
    to them (``travel-tme`` → ``travel-time``)."""
    import difflib

    unknown = [w for w in words if w and not by_code_or_name(w)]
    known = [*CODES, *(c.name for c in CODES.values())]
    close = [
        m for w in unknown for m in difflib.get_close_matches(w.strip(), known, n=2, cutoff=0.6)
    ]
    return unknown, close
