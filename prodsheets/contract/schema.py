"""The workbook contract: which tables a production holds, their columns, in both languages.

Everything that knows a sheet or column *name* lives here, so that the reader, the
templates and the docs agree. Keys (``"bookings"``, ``"call"``) are the stable English
identifiers the code uses; names are what producers see in Excel.

Matching is forgiving the way producers type: case, accents, spaces and punctuation are
ignored (``"Tarif jour"``, ``"tarif_jour"`` and ``"TARIF JOUR (€)"`` are one column).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

from prodsheets.i18n import pick

Lang = str  # "fr" or "en"
LANGS: tuple[Lang, ...] = ("fr", "en")


@cache
def normalise(text: object) -> str:
    """Fold a sheet or column name for matching: no accents, no case, letters/digits/% only.

    Cached: the same headers and labels come back on every sheet and every row.
    """
    s = str(text)
    if not s.isascii():  # "Rôle" → "Ro" + combining accent + "le": the pattern drops the accent
        s = unicodedata.normalize("NFKD", s).casefold().replace("œ", "oe").replace("æ", "ae")
    return _NOT_KEY.sub("", s.lower())


_NOT_KEY = re.compile(r"[^a-z0-9%]")


# Value types a column can hold; the parsers live in prodsheets.values.
TEXT, ID, DATE, TIME, MONEY, NUMBER, INTEGER, PERCENT, BOOL, ID_LIST, CHOICE, FRINGE, BREAKS = (
    "text",
    "id",
    "date",
    "time",
    "money",
    "number",
    "integer",
    "percent",
    "bool",
    "id_list",
    "choice",
    "fringe",
    "breaks",
)
# Second round: a script's pages in eighths (``1 3/8``), a length of time (a break: ``1:00``,
# ``45 min``), kept apart from TIME, which is a time of day.
PAGES, DURATION = "pages", "duration"
# Third round: a time range in one cell, as rosters and run sheets write a shift
# (``08:00-16:00``, ``8h-16h``): the start and end (or call and wrap) it gives.
HOURS = "hours"


class Choice(NamedTuple):
    """One allowed value of a choice column, with what producers may type for it."""

    key: str
    en: str
    fr: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: Lang) -> str:
        return pick(lang, self.en, self.fr)


class Column(NamedTuple):
    """A column of the contract: its names in both languages, its kind and its help."""

    key: str
    en: str
    fr: str
    kind: str = TEXT
    required: bool = False
    refs: tuple[str, ...] = ()  # tables whose ids this column refers to
    choices: str | None = None  # key in CHOICES
    aliases: tuple[str, ...] = ()
    help_en: str = ""
    help_fr: str = ""
    width: int = 14
    # Written by `prodsheets new`: False for the columns read from producers' own layouts
    # (a time range in one cell, a duration) that the templates give as separate columns.
    template: bool = True

    def name(self, lang: Lang) -> str:
        return pick(lang, self.en, self.fr)

    def title(self, lang: Lang) -> str:
        """The name as a header cell shows it: ``Tarif jour``."""
        name = self.name(lang)
        return name[:1].upper() + name[1:]

    def help(self, lang: Lang) -> str:
        return pick(lang, self.help_en, self.help_fr)

    def matches(self) -> set[str]:
        return {normalise(n) for n in (self.en, self.fr, self.key, *self.aliases)}


class Table(NamedTuple):
    """A table of the contract: a sheet's names in both languages and its columns."""

    key: str
    en: str
    fr: str
    columns: tuple[Column, ...]
    required: bool = True
    id_column: str | None = None  # the column whose values other tables refer to
    aliases: tuple[str, ...] = ()
    help_en: str = ""
    help_fr: str = ""
    key_value: bool = False  # Production: one setting per row, not one record per row
    shared_ids: bool = False  # Fringes: rows sharing a code form one group, not a duplicate
    workbook: str = "budget"  # where `prodsheets new` puts it
    # (missing, stand-in): a sheet with no column for `missing` reads the stand-in's column
    # for it too (an Events sheet keyed by « séquence » alone: the scene is its id).
    stand_ins: tuple[tuple[str, str], ...] = ()

    def name(self, lang: Lang) -> str:
        return pick(lang, self.en, self.fr)

    def help(self, lang: Lang) -> str:
        return pick(lang, self.help_en, self.help_fr)

    def has_column(self, key: str) -> bool:
        return any(column.key == key for column in self.columns)

    @property
    def template_columns(self) -> tuple[Column, ...]:
        """The columns `prodsheets new` writes, in order."""
        return tuple(c for c in self.columns if c.template)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def matches(self) -> set[str]:
        return {normalise(n) for n in (self.en, self.fr, self.key, *self.aliases)}


# --- choice lists (also written as Excel data-validation lists) ----------------------

CHOICES: dict[str, tuple[Choice, ...]] = {
    "kind": (
        Choice("film", "film", "film", ("cinema", "cinéma", "tournage", "shoot", "tv", "série")),
        Choice("live", "live", "spectacle", ("concert", "tour", "tournée", "spectacle vivant")),
        Choice("festival", "festival", "festival"),
        Choice("exhibition", "exhibition", "exposition", ("expo",)),
        Choice("other", "other", "autre"),
    ),
    "unit": (
        Choice("day", "day", "jour", ("days", "jours", "j", "d", "cachet", "cachets")),
        Choice("week", "week", "semaine", ("weeks", "semaines", "sem", "wk")),
        Choice("hour", "hour", "heure", ("hours", "heures", "h", "hr")),
        Choice("flat", "flat", "forfait", ("fixed", "ff", "lump sum", "unité", "unit", "u")),
    ),
    "contract": (
        Choice(
            "intermittent",
            "intermittent",
            "intermittent",
            (
                "intermittente",
                "intermittent du spectacle",
                "intermittente du spectacle",
                "intermittents",
                "cddu",
                "cdd d'usage",
                "cdd dusage",
                "cdd usage",
                "technicien intermittent",
                "technicienne intermittente",
            ),
        ),
        Choice("cdd", "CDD", "CDD", ("fixed term", "fixed-term", "temporary", "vacataire")),
        Choice(
            "employee",
            "employee",
            "salarié",
            ("cdi", "salarie", "salariée", "staff", "permanent", "permanente", "payroll"),
        ),
        Choice(
            "contractor",
            "contractor",
            "prestataire",
            (
                "freelance",
                "freelancer",
                "auto-entrepreneur",
                "autoentrepreneur",
                "micro-entrepreneur",
                "indépendant",
                "independant",
                "indépendante",
                "self-employed",
                "on invoice",
            ),
        ),
        Choice("volunteer", "volunteer", "bénévole", ("benevole", "bénévoles", "unpaid")),
        Choice(
            "artist",
            "artist",
            "artiste",
            (
                "comédien",
                "comedien",
                "comédienne",
                "comedienne",
                "cast",
                "actor",
                "actress",
                "performer",
                "artiste-interprète",
                "artiste interprète",
                "artiste interprete",
                "artiste du spectacle",
                "musicien",
                "musicienne",
                "musician",
                "danseur",
                "danseuse",
                "dancer",
                "chanteur",
                "chanteuse",
                "singer",
                "figurant",
                "figurante",
                "extra",
                "background",
            ),
        ),
        Choice("intern", "intern", "stagiaire", ("internship", "stage", "trainee", "apprenti")),
    ),
    "status": (
        Choice("committed", "committed", "engagé", ("engage", "ordered", "commandé", "bdc")),
        Choice("invoiced", "invoiced", "facturé", ("facture", "billed")),
        Choice("paid", "paid", "payé", ("paye", "réglé", "regle", "settled")),
    ),
    "rules": (
        Choice(
            "audiovisual",
            "audiovisual",
            "audiovisuel",
            ("tv", "television", "télévision", "idcc 2642"),
        ),
        Choice("cinema", "cinema", "cinéma", ("film", "cinema crew", "ccn cinema", "idcc 3097")),
        Choice(
            "live",
            "live",
            "spectacle vivant",
            ("ccneac", "spectacle", "live performance", "idcc 1285", "1285", "public live"),
        ),
        Choice(
            "live_private",
            "private live",
            "spectacle vivant privé",
            (
                "spectacle vivant prive",
                "spectacle prive",
                "idcc 3090",
                "3090",
                "ccn 3090",
                "private live performance",
                "live private",
            ),
        ),
        Choice("custom", "custom", "personnalisé", ("personnalise", "perso")),
    ),
    "base": (
        Choice("total", "total", "totalité", ("totalite", "whole", "total pay", "déplafonnée")),
        Choice(
            "capped",
            "capped",
            "plafonnée",
            ("plafonnee", "plafond", "t1", "tranche 1", "tranche a", "ta", "up to the ceiling"),
        ),
        Choice(
            "above",
            "above the ceiling",
            "au-delà du plafond",
            ("above", "t2", "tranche 2", "tranche b", "tb", "au dela du plafond"),
        ),
    ),
    "language": (
        Choice("fr", "fr", "fr", ("français", "francais", "french")),
        Choice("en", "en", "en", ("english", "anglais")),
    ),
    # A scene's set and light, as a call sheet's strip says them (INT. / EXT., JOUR / NUIT).
    "int_ext": (
        Choice("int", "INT", "INT", ("interior", "intérieur", "interieur", "i", "int.")),
        Choice("ext", "EXT", "EXT", ("exterior", "extérieur", "exterieur", "e", "ext.")),
        Choice("int_ext", "INT/EXT", "INT/EXT", ("i/e", "int-ext", "int./ext.", "ext/int")),
    ),
    "day_night": (
        Choice("day", "day", "jour", ("j", "d", "jour.")),
        Choice("night", "night", "nuit", ("n", "nuit américaine")),
        Choice("dawn", "dawn", "aube", ("morning", "matin", "aurore")),
        Choice("dusk", "dusk", "crépuscule", ("evening", "soir", "crepuscule", "magic hour")),
    ),
}

YES_NO = {"en": ("yes", "no"), "fr": ("oui", "non")}


def _c(key: str, en: str, fr: str, kind: str = TEXT, **kw: object) -> Column:
    return Column(key, en, fr, kind, **kw)  # type: ignore[arg-type]


ID_HELP = {
    "en": "Short code you choose (e.g. LUCIE, CAM1); other sheets refer to it.",
    "fr": "Code court de votre choix (ex. LUCIE, CAM1) ; les autres feuilles y renvoient.",
}

PRODUCTION = Table(
    "production",
    "Production",
    "Production",
    (
        _c(
            "title",
            "title",
            "titre",
            aliases=("name", "nom", "production"),
            help_en="The production's name, on reports and call sheets (the folder's name when "
            "blank).",
            help_fr="Le nom de la production, sur les rapports et feuilles de service (le nom du "
            "dossier si vide).",
        ),
        _c("kind", "kind", "type", CHOICE, choices="kind"),
        _c("currency", "currency", "devise", aliases=("monnaie",)),
        _c("language", "language", "langue", CHOICE, choices="language"),
        _c("timezone", "timezone", "fuseau horaire", aliases=("time zone", "fuseau")),
        _c(
            "start",
            "start",
            "début",
            DATE,
            aliases=("debut", "start date", "date de début"),
            help_en="First day (prep included). With the end, it tells which year a date typed "
            "without one is, and which dates look like typos.",
            help_fr="Premier jour (préparation comprise). Avec la fin, il dit de quelle année est "
            "une date tapée sans année, et quelles dates semblent des fautes de frappe.",
        ),
        _c(
            "end",
            "end",
            "fin",
            DATE,
            aliases=("end date", "date de fin"),
            help_en="Last day (wrap and returns included).",
            help_fr="Dernier jour (rendus et bilan compris).",
        ),
        _c("contingency", "contingency %", "imprévus %", PERCENT, aliases=("imprevus",)),
        _c("rules", "rules", "convention", CHOICE, choices="rules", aliases=("preset",)),
        _c("daily_max_hours", "daily max hours", "durée max jour (h)", NUMBER),
        _c("min_rest_hours", "min rest hours", "repos min (h)", NUMBER),
        _c("weekly_max_hours", "weekly max hours", "durée max semaine (h)", NUMBER),
        _c("max_consecutive_days", "max consecutive days", "jours consécutifs max", INTEGER),
        _c("overtime_after_hours", "overtime after hours", "heures sup. après (h)", NUMBER),
        _c("travel_buffer_minutes", "travel buffer minutes", "battement trajet (min)", NUMBER),
        _c(
            "premiere",
            "premiere",
            "première",
            DATE,
            aliases=("first night", "first performance", "date de première", "premiere date"),
            help_en="Live: the date of the first performance. Under the CCNEAC, the 15 days "
            "before it allow 12-hour days (art. VI.6.1).",
            help_fr="Spectacle : la date de la première représentation. Sous la CCNEAC, les 15 "
            "jours qui la précèdent permettent des journées de 12 heures (art. VI.6.1).",
        ),
        _c(
            "exchange_rates",
            "exchange rates",
            "taux de change",
            aliases=("exchange rate", "fx rates", "change"),
            help_en="For expenses in another currency: the value of one unit in the "
            "production's currency, e.g. USD=0.92; GBP=1.17.",
            help_fr="Pour les dépenses dans une autre devise : la valeur d'une unité dans la "
            "devise de la production, par ex. USD=0,92 ; GBP=1,17.",
        ),
        _c(
            "line_warning",
            "line warning %",
            "alerte ligne %",
            PERCENT,
            help_en="Warn when a budget line's actuals reach this share of it (default 90 %).",
            help_fr="Alerter quand les dépenses d'une ligne atteignent cette part de son "
            "montant (90 % par défaut).",
        ),
        _c(
            "chapter_warning",
            "chapter warning %",
            "alerte chapitre %",
            PERCENT,
            help_en="Warn when a chapter's estimate at completion goes past this share of its "
            "budget (default 100 %).",
            help_fr="Alerter quand l'estimé final d'un chapitre dépasse cette part de son "
            "montant (100 % par défaut).",
        ),
        _c(
            "contingency_warning",
            "contingency warning %",
            "alerte imprévus %",
            PERCENT,
            help_en="Warn when overruns have used this share of the contingency (default 100 %).",
            help_fr="Alerter quand les dépassements ont consommé cette part des imprévus "
            "(100 % par défaut).",
        ),
        _c(
            "paid_holds",
            "paid holds",
            "attentes payées",
            ID_LIST,
            aliases=("holds paid", "jours d'attente payés", "attente payée"),
            help_en="The contracts whose hold days are paid (e.g. artist): a hold is a day "
            "without work between two working days of the same engagement. Crew's own "
            "column, if present, decides for each person.",
            help_fr="Les contrats dont les jours d'attente sont payés (ex. artiste) : un jour "
            "d'attente est un jour sans travail entre deux jours travaillés du même "
            "engagement. La colonne de l'Équipe, si elle existe, décide pour chacun.",
        ),
        _c(
            "max_hold_days",
            "max hold days",
            "attente max (jours)",
            INTEGER,
            aliases=("hold days max", "jours d'attente max"),
            help_en="A gap of more days than this between two working days ends the "
            "engagement (dropped, then picked up again) instead of holding (default 10).",
            help_fr="Un écart de plus de jours que cela entre deux jours travaillés clôt "
            "l'engagement (libéré puis repris) au lieu de le mettre en attente (10 par défaut).",
        ),
        _c(
            "risk_threshold",
            "risk threshold",
            "seuil de risque",
            NUMBER,
            aliases=("risk score threshold",),
            help_en="A risk scored probability × impact at or above this needs a mitigation "
            "(default 12).",
            help_fr="Un risque noté probabilité × impact à ce niveau ou au-dessus doit avoir "
            "une prévention (12 par défaut).",
        ),
        _c(
            "breaks_worked",
            "breaks worked",
            "pauses travaillées",
            BOOL,
            aliases=("paid breaks", "pauses payées", "breaks paid", "pauses rémunérées"),
            help_en="Yes when people stay at your disposal during their breaks (Code du "
            "travail L3121-1 and L3121-2): the breaks in the break / pause columns then count "
            "as working time. Blank or no: they are deducted from the hours worked.",
            help_fr="Oui quand les personnes restent à votre disposition pendant leurs pauses "
            "(Code du travail L3121-1 et L3121-2) : les pauses des colonnes pause comptent "
            "alors comme du temps de travail. Vide ou non : elles sont déduites des heures "
            "travaillées.",
        ),
    ),
    key_value=True,
    aliases=("settings", "paramètres", "parametres", "projet", "project"),
    help_en="One setting per row: the production's title, dates, currency, language and "
    "working-time rules. Leave a value blank to use the default.",
    help_fr="Un réglage par ligne : titre, dates, devise, langue et règles de temps de "
    "travail de la production. Laissez une valeur vide pour garder la valeur par défaut.",
)
# The two header cells of the Production sheet.
SETTING_HEADER = {"en": ("setting", "value"), "fr": ("paramètre", "valeur")}
SETTING_HEADER_ALIASES = {normalise(x) for x in ("setting", "paramètre", "key", "clé", "cle")}

BUDGET = Table(
    "budget",
    "Budget",
    "Devis",
    (
        _c(
            "code",
            "code",
            "code",
            ID,
            required=True,
            aliases=("compte", "account", "poste budgétaire"),
            help_en="Account code, e.g. 02.05.",
            help_fr="Code du poste, ex. 02.05.",
            width=10,
        ),
        _c("chapter", "chapter", "chapitre", width=26),
        _c(
            "description",
            "description",
            "libellé",
            required=True,
            aliases=("libelle", "intitulé"),
            width=34,
        ),
        _c(
            "quantity",
            "quantity",
            "quantité",
            NUMBER,
            aliases=("qty", "qté", "qte", "nombre"),
            width=10,
        ),
        _c("unit", "unit", "unité", CHOICE, choices="unit", aliases=("unite",), width=10),
        _c("rate", "rate", "tarif", MONEY, aliases=("prix unitaire", "unit price", "pu"), width=12),
        _c(
            "fringe",
            "fringe",
            "charges",
            FRINGE,
            refs=("fringes",),
            aliases=("charges sociales",),
            help_en="A code from Fringes, or a percentage.",
            help_fr="Un code de la feuille Charges, ou un pourcentage.",
            width=10,
        ),
        _c("total", "total", "total", MONEY, aliases=("montant", "amount", "total ht"), width=14),
        _c("vendor", "vendor", "prestataire", ID, refs=("vendors",), aliases=("fournisseur",)),
        _c("notes", "notes", "notes", aliases=("remarques", "commentaire"), width=30),
    ),
    id_column="code",
    aliases=("budget prévisionnel", "devis", "budget"),
    help_en="One row per budget line: quantity × rate = total. A row with no code whose "
    "description starts with Total or Subtotal is a total row, checked against the lines.",
    help_fr="Une ligne par poste : quantité × tarif = total. Une ligne sans code dont le "
    "libellé commence par Total ou Sous-total est une ligne de total, vérifiée.",
)

ACTUALS = Table(
    "actuals",
    "Actuals",
    "Dépenses",
    (
        _c("date", "date", "date", DATE, required=True, width=12),
        _c("code", "code", "code", ID, required=True, refs=("budget",), width=10),
        _c("vendor", "vendor", "prestataire", ID, refs=("vendors",), aliases=("fournisseur",)),
        _c("description", "description", "libellé", aliases=("libelle",), width=30),
        _c("amount", "amount", "montant", MONEY, required=True, aliases=("montant ht",), width=14),
        _c("currency", "currency", "devise", width=8),
        _c("invoice", "invoice", "facture", aliases=("n° facture", "invoice no")),
        _c("status", "status", "statut", CHOICE, choices="status", width=12),
    ),
    required=False,
    aliases=("depenses", "réel", "reel", "costs", "expenses"),
    workbook="budget",
    help_en="What was actually spent, excluding tax, posted to a budget code.",
    help_fr="Ce qui a réellement été dépensé, hors taxes, imputé à un code du devis.",
)

FRINGES = Table(
    "fringes",
    "Fringes",
    "Charges",
    (
        _c("code", "code", "code", ID, required=True, width=10),
        _c("name", "name", "libellé", aliases=("libelle", "nom"), width=34),
        _c(
            "rate",
            "rate",
            "taux",
            PERCENT,
            required=True,
            aliases=(
                "taux %",
                "rate %",
                "taux employeur",
                "taux patronal",
                "part patronale",
                "employer rate",
                "employer",
            ),
            help_en="The employer's rate: what the production pays on top of the gross pay.",
            help_fr="Le taux employeur : ce que la production paie en plus du salaire brut.",
            width=10,
        ),
        _c(
            "employee_rate",
            "employee rate",
            "taux salarié",
            PERCENT,
            aliases=("taux salarial", "part salariale", "employee", "taux salarie"),
            help_en="The employee's rate, withheld from the gross pay: shown, never added to "
            "the production's cost.",
            help_fr="Le taux salarié, retenu sur le salaire brut : indiqué, jamais ajouté au "
            "coût de la production.",
            width=10,
        ),
        _c(
            "base",
            "base",
            "assiette",
            CHOICE,
            choices="base",
            aliases=("tranche", "basis"),
            help_en="What the rate applies to, each month and for each person: total (the "
            "whole gross pay, the default), capped (the pay up to the ceiling), above the "
            "ceiling (the pay beyond it).",
            help_fr="Ce à quoi le taux s'applique, chaque mois et pour chaque personne : "
            "totalité (tout le salaire brut, par défaut), plafonnée (le salaire jusqu'au "
            "plafond), au-delà du plafond (la part qui le dépasse).",
            width=14,
        ),
        _c(
            "ceiling",
            "ceiling",
            "plafond",
            MONEY,
            aliases=("monthly ceiling", "plafond mensuel", "pmss"),
            help_en="The monthly ceiling of a capped base (the social security ceiling, PMSS, "
            "or a multiple of it), prorated to the days worked in the month.",
            help_fr="Le plafond mensuel d'une assiette plafonnée (le plafond de la sécurité "
            "sociale, PMSS, ou un multiple), proratisé aux jours travaillés du mois.",
            width=12,
        ),
        _c("applies_to", "applies to", "s'applique à", ID_LIST, aliases=("contrats",), width=30),
        _c("source", "source", "source", aliases=("référence", "reference"), width=40),
    ),
    required=False,
    id_column="code",
    aliases=("charges sociales", "social charges", "cotisations", "contributions"),
    help_en="Social charges, one row per contribution: rates by contract type, on the whole "
    "pay or up to a monthly ceiling. Rows sharing a code add up (a budget line's fringe code "
    "names them all). The template's rates are EXAMPLES: check them with your payroll "
    "provider.",
    help_fr="Charges sociales, une ligne par cotisation : taux par type de contrat, sur tout le "
    "salaire ou jusqu'à un plafond mensuel. Les lignes de même code s'additionnent (le code "
    "de charges d'une ligne du devis les désigne toutes). Les taux du modèle sont des "
    "EXEMPLES : faites-les vérifier par votre prestataire de paie.",
    shared_ids=True,
)

CREW = Table(
    "crew",
    "Crew",
    "Équipe",
    (
        _c("id", "id", "id", ID, required=True, aliases=("code", "identifiant"), width=10),
        _c("name", "name", "nom", required=True, aliases=("nom prénom", "full name"), width=22),
        _c("role", "role", "poste", aliases=("fonction", "job"), width=20),
        _c("department", "department", "département", aliases=("dept", "service"), width=16),
        _c("contract", "contract", "contrat", CHOICE, choices="contract", width=14),
        _c("day_rate", "day rate", "tarif jour", MONEY, aliases=("cachet",), width=11),
        _c("hourly_rate", "hourly rate", "tarif horaire", MONEY, width=11),
        _c("budget_code", "budget code", "code budget", ID, refs=("budget",), width=11),
        _c("email", "email", "email", aliases=("e-mail", "courriel", "mail"), width=26),
        _c("phone", "phone", "téléphone", aliases=("tel", "tél", "portable", "mobile"), width=16),
        _c("backup", "backup", "remplaçant", ID, refs=("crew",), aliases=("remplacant",)),
        _c(
            "paid_holds",
            "paid holds",
            "attentes payées",
            BOOL,
            aliases=("holds paid", "attente payée"),
            help_en="Whether this person's hold days are paid (else the Production setting "
            "decides by contract).",
            help_fr="Si les jours d'attente de cette personne sont payés (sinon le paramètre "
            "de Production décide par contrat).",
            width=10,
        ),
    ),
    id_column="id",
    aliases=("equipe", "team", "staff", "personnel"),
    workbook="crew",
    help_en="Everyone who works on the production: crew, cast, artists, volunteers.",
    help_fr="Toutes les personnes de la production : équipe, comédiens, artistes, bénévoles.",
)

RESOURCES = Table(
    "resources",
    "Resources",
    "Matériel",
    (
        _c("id", "id", "id", ID, required=True, width=10),
        _c("name", "name", "nom", required=True, width=26),
        _c("kind", "kind", "type", aliases=("catégorie", "category"), width=14),
        _c("quantity", "quantity", "quantité", INTEGER, aliases=("qté", "qty", "nombre"), width=10),
        _c("day_rate", "day rate", "tarif jour", MONEY, width=11),
        _c("vendor", "vendor", "prestataire", ID, refs=("vendors",), aliases=("loueur",)),
        _c("budget_code", "budget code", "code budget", ID, refs=("budget",), width=11),
    ),
    required=False,
    id_column="id",
    aliases=("materiel", "equipment", "ressources", "matos"),
    workbook="crew",
    help_en="Equipment, sets, costumes, vehicles, props: how many exist, what they cost a day.",
    help_fr="Matériel, décors, costumes, véhicules, accessoires : combien, et le tarif jour.",
)

VENDORS = Table(
    "vendors",
    "Vendors",
    "Prestataires",
    (
        _c("id", "id", "id", ID, required=True, width=10),
        _c("name", "name", "nom", required=True, width=24),
        _c("service", "service", "service", width=20),
        _c("contact", "contact", "contact", width=18),
        _c("email", "email", "email", aliases=("courriel",), width=24),
        _c("phone", "phone", "téléphone", aliases=("tel", "tél"), width=16),
        _c("critical", "critical", "critique", BOOL, width=10),
        _c("backup", "backup", "secours", ID, refs=("vendors",)),
    ),
    required=False,
    id_column="id",
    aliases=("suppliers", "fournisseurs"),
    workbook="crew",
    help_en="Suppliers and service companies; mark the critical ones and name a backup.",
    help_fr="Fournisseurs et prestataires ; signalez les critiques et nommez un secours.",
)

UNAVAILABILITY = Table(
    "unavailability",
    "Unavailability",
    "Indisponibilités",
    (
        _c("who", "who", "qui", ID, required=True, refs=("crew", "resources"), width=10),
        _c("from", "from", "du", DATE, required=True, aliases=("de", "start", "début"), width=12),
        _c(
            "to", "to", "au", DATE, required=True, aliases=("à", "end", "fin", "jusqu'au"), width=12
        ),
        _c("reason", "reason", "motif", width=30),
    ),
    required=False,
    aliases=("indisponibilites", "unavailable", "absences"),
    workbook="crew",
    help_en="Days when a person or a resource cannot be booked (both dates included).",
    help_fr="Jours où une personne ou un matériel n'est pas disponible (dates incluses).",
)

LOCATIONS = Table(
    "locations",
    "Locations",
    "Lieux",
    (
        _c("id", "id", "id", ID, required=True, width=10),
        _c("name", "name", "nom", required=True, width=24),
        _c("address", "address", "adresse", width=36),
        _c("outdoor", "outdoor", "extérieur", BOOL, aliases=("exterieur", "ext"), width=10),
        _c("capacity", "capacity", "capacité", INTEGER, aliases=("capacite",), width=10),
        _c("latitude", "latitude", "latitude", NUMBER, aliases=("lat",), width=10),
        _c("longitude", "longitude", "longitude", NUMBER, aliases=("lon", "lng", "long"), width=10),
        _c(
            "parking",
            "parking",
            "parking",
            aliases=("stationnement", "cantine et parking"),
            width=30,
        ),
        _c(
            "hospital",
            "hospital",
            "hôpital",
            aliases=("hopital", "nearest hospital", "urgences"),
            width=26,
        ),
        _c(
            "hospital_address",
            "hospital address",
            "adresse hôpital",
            aliases=("adresse hopital", "adresse de l'hôpital"),
            width=36,
        ),
        _c(
            "hospital_phone",
            "hospital phone",
            "téléphone hôpital",
            aliases=("tél. hôpital", "tel hopital", "hospital tel"),
            width=16,
        ),
    ),
    id_column="id",
    aliases=("venues", "decors", "décors", "sites", "stages", "scènes"),
    workbook="schedule",
    help_en="Sets, venues and stages. Capacity: how many events may use it at once (default 1).",
    help_fr="Décors, salles et scènes. Capacité : combien d'événements en même temps (1 par "
    "défaut).",
)

TRAVEL = Table(
    "travel",
    "Travel",
    "Trajets",
    (
        _c("from", "from", "de", ID, required=True, refs=("locations",), width=10),
        _c(
            "to", "to", "à", ID, required=True, refs=("locations",), aliases=("a", "vers"), width=10
        ),
        _c(
            "minutes",
            "minutes",
            "minutes",
            NUMBER,
            required=True,
            aliases=("durée", "min"),
            width=10,
        ),
    ),
    required=False,
    aliases=("travel times", "temps de trajet"),
    workbook="schedule",
    help_en="Travel time between two locations (either direction). Without a row, the "
    "production's default buffer applies.",
    help_fr="Temps de trajet entre deux lieux (dans les deux sens). Sans ligne, le battement "
    "par défaut de la production s'applique.",
)


def break_column(more_en: str = "", more_fr: str = "") -> Column:
    """The optional *pause / break* column (Events, Bookings, Shift codes)."""
    return _c(
        "break",
        "break",
        "pause",
        BREAKS,
        aliases=BREAK_ALIASES,
        help_en=BREAK_HELP["en"] + more_en,
        help_fr=BREAK_HELP["fr"] + more_fr,
        width=12,
    )


HOURS_ALIASES = (
    "shift time",
    "shift hours",
    "shift times",
    "time slot",
    "timeslot",
    "plage horaire",
    "créneau horaire",
    "horaires de travail",
    "heures de travail",
)
DURATION_ALIASES = ("length", "durée prévue", "durée (min)", "duration (min)", "temps", "run time")

BREAK_ALIASES = ("breaks", "pauses", "meal break", "pause repas", "pause (min)", "break (min)")
BREAK_HELP = {
    "en": "Breaks taken within the hours: minutes (30), several (10 | 30 | 10), or a time "
    "range (12:30-13:30).",
    "fr": "Pauses prises dans ces horaires : en minutes (30), plusieurs (10 | 30 | 10), ou une "
    "plage horaire (12:30-13:30).",
}

EVENTS = Table(
    "events",
    "Events",
    "Planning",
    (
        _c("id", "id", "id", ID, required=True, aliases=("identifiant",), width=10),
        _c("date", "date", "date", DATE, required=True, width=12),
        _c("start", "start", "début", TIME, aliases=("debut", "heure début"), width=8),
        _c("end", "end", "fin", TIME, aliases=("heure fin",), width=8),
        _c("title", "title", "intitulé", aliases=("intitule", "libellé", "description"), width=30),
        _c(
            "location",
            "location",
            "lieu",
            ID,
            refs=("locations",),
            aliases=("décor", "stage"),
            width=10,
        ),
        _c("kind", "kind", "type", width=14),
        _c(
            "who",
            "who",
            "qui",
            ID_LIST,
            refs=("crew", "resources"),
            aliases=("people", "personnes", "intervenants", "cast", "staff", "équipe", "crew"),
            help_en="Optional: the people or resources on this event, separated by commas; "
            "each is booked on it as a row of Bookings would.",
            help_fr="Facultatif : les personnes ou le matériel de cet événement, séparés par "
            "des virgules ; chacun y est convoqué comme par une ligne d'Affectations.",
            width=16,
            template=False,
        ),
        _c(
            "time_range",
            "time range",
            "horaires",
            HOURS,
            aliases=HOURS_ALIASES,
            help_en="Optional: start and end in one cell (08:00-16:00, 8h-16h), where no start "
            "and end columns give them.",
            help_fr="Facultatif : début et fin dans une seule cellule (08:00-16:00, 8h-16h), "
            "quand aucune colonne début et fin ne les donne.",
            width=12,
            template=False,
        ),
        _c(
            "duration",
            "duration",
            "durée",
            DURATION,
            aliases=DURATION_ALIASES,
            help_en="Optional: how long it lasts (1:30, 90 min); checked against start and end.",
            help_fr="Facultatif : combien de temps cela dure (1:30, 90 min) ; vérifiée avec le "
            "début et la fin.",
            width=9,
            template=False,
        ),
        _c(
            "cover",
            "cover",
            "repli",
            ID,
            refs=("events", "locations"),
            aliases=("cover set",),
            width=10,
        ),
        break_column(),
        _c("notes", "notes", "notes", width=30),
        _c(
            "scene",
            "scene",
            "séquence",
            aliases=("sequence", "scène", "sc", "séq", "seq", "scene number", "n° séquence"),
            width=9,
        ),
        _c("pages", "pages", "pages", PAGES, aliases=("page count", "nb pages"), width=7),
        _c("int_ext", "int/ext", "int/ext", CHOICE, choices="int_ext", aliases=("ie",), width=8),
        _c(
            "day_night",
            "day/night",
            "effet",
            CHOICE,
            choices="day_night",
            aliases=("d/n", "j/n", "jour/nuit", "time of day"),
            width=10,
        ),
    ),
    id_column="id",
    stand_ins=(("id", "scene"),),
    aliases=("schedule", "plan de travail", "events", "événements", "evenements"),
    workbook="schedule",
    help_en="What happens when and where: a scene, a rehearsal, a load-in, a show. An end "
    "earlier than the start means the next day.",
    help_fr="Ce qui se passe, quand et où : séquence, répétition, montage, concert. Une fin "
    "plus tôt que le début veut dire le lendemain.",
)

BOOKINGS = Table(
    "bookings",
    "Bookings",
    "Affectations",
    (
        _c(
            "event",
            "event",
            "événement",
            ID,
            required=True,
            refs=("events",),
            aliases=("séquence", "sequence", "evenement", "event id"),
            width=10,
        ),
        _c("who", "who", "qui", ID, required=True, refs=("crew", "resources"), width=10),
        _c("call", "call", "convocation", TIME, aliases=("call time",), width=12),
        _c("wrap", "wrap", "fin", TIME, aliases=("end",), width=8),
        _c(
            "time_range",
            "time range",
            "horaires",
            HOURS,
            aliases=HOURS_ALIASES,
            help_en="Optional: call and wrap in one cell (08:00-16:00).",
            help_fr="Facultatif : convocation et fin dans une seule cellule (08:00-16:00).",
            width=12,
            template=False,
        ),
        _c(
            "date",
            "date",
            "date",
            DATE,
            help_en="Optional, for a list of shifts without events (who, date, hours): each "
            "row is then its own event, or shares one with the rows of the same date, "
            "hours and place.",
            help_fr="Facultatif, pour une liste de services sans événements (qui, date, "
            "horaires) : chaque ligne est alors son propre événement, ou le partage avec les "
            "lignes de même date, horaires et lieu.",
            width=12,
            template=False,
        ),
        _c(
            "location",
            "location",
            "lieu",
            ID,
            refs=("locations",),
            help_en="Optional, with a date: where the shift takes place.",
            help_fr="Facultatif, avec une date : où le service a lieu.",
            width=10,
            template=False,
        ),
        _c("quantity", "quantity", "quantité", INTEGER, aliases=("qté", "qty"), width=10),
        _c("role", "role", "poste", width=18),
        break_column(
            " Replaces the event's.",
            " Remplace celle de l'événement.",
        ),
        _c("notes", "notes", "notes", width=30),
        _c(
            "hmc",
            "HMC",
            "HMC",
            TIME,
            aliases=("hair make-up costume", "hair and make-up", "habillage maquillage coiffure"),
            width=8,
        ),
        _c(
            "ready",
            "ready",
            "PAT",
            TIME,
            aliases=("prêt à tourner", "pret a tourner", "on set", "ready time"),
            width=8,
        ),
        _c("confirmed", "confirmed", "confirmé", BOOL, aliases=("confirme", "confirmée"), width=10),
    ),
    id_column=None,
    aliases=("convocations", "calls", "assignments"),
    workbook="schedule",
    help_en="Who or what is needed on which event. Call and wrap default to the event's "
    "times; a wrap earlier than the call is the next day.",
    help_fr="Qui ou quoi est convoqué sur quel événement. Convocation et fin reprennent par "
    "défaut les horaires de l'événement ; une fin plus tôt que la convocation est le lendemain.",
)

RISKS = Table(
    "risks",
    "Risks",
    "Risques",
    (
        _c("id", "id", "id", ID, required=True, width=8),
        _c("risk", "risk", "risque", required=True, width=34),
        _c("category", "category", "catégorie", aliases=("categorie",), width=14),
        _c("probability", "probability", "probabilité", INTEGER, aliases=("proba",), width=11),
        _c("impact", "impact", "impact", INTEGER, width=9),
        _c("mitigation", "mitigation", "prévention", aliases=("prevention",), width=30),
        _c("backup_plan", "backup plan", "plan de secours", width=30),
        _c("owner", "owner", "responsable", ID, refs=("crew",), width=12),
        _c(
            "linked_to",
            "linked to",
            "concerne",
            ID_LIST,
            refs=("events", "locations", "vendors", "crew", "resources"),
            width=20,
        ),
    ),
    required=False,
    id_column="id",
    aliases=("risk register", "registre des risques"),
    workbook="schedule",
    help_en="What could go wrong, scored 1-5 for probability and impact, with a plan.",
    help_fr="Ce qui peut mal tourner, noté de 1 à 5 en probabilité et impact, avec un plan.",
)

ACTUAL_HOURS = Table(
    "actual_hours",
    "Actual hours",
    "Heures réelles",
    (
        _c("date", "date", "date", DATE, required=True, aliases=("jour", "day"), width=12),
        _c("who", "who", "qui", ID, required=True, refs=("crew",), width=10),
        _c(
            "arrival",
            "arrival",
            "arrivée",
            TIME,
            required=True,
            aliases=("arrivee", "in", "start", "début", "prise de poste"),
            width=9,
        ),
        _c("wrap", "wrap", "fin", TIME, required=True, aliases=("out", "end", "départ"), width=9),
        _c("break", "break", "pause", DURATION, aliases=("meal break", "repas"), width=8),
        _c("notes", "notes", "notes", width=30),
    ),
    required=False,
    aliases=("heures reelles", "hours worked", "heures travaillées", "time sheet", "pointage"),
    workbook="schedule",
    help_en="The hours actually worked, filled in each evening from the production report: "
    "they replace the planned hours of that person and day for the working-time rules and "
    "the day's cost. A wrap earlier than the arrival is the next day.",
    help_fr="Les heures réellement travaillées, saisies chaque soir d'après le rapport de "
    "production : elles remplacent les heures prévues de cette personne ce jour-là pour les "
    "règles de temps de travail et le coût du jour. Une fin plus tôt que l'arrivée est le "
    "lendemain.",
)

GROUPS = Table(
    "groups",
    "Groups",
    "Groupes",
    (
        _c("id", "group", "groupe", ID, required=True, aliases=("id", "nom", "name"), width=18),
        _c(
            "members",
            "members",
            "membres",
            ID_LIST,
            required=True,
            refs=("crew", "resources", "groups"),
            aliases=("qui", "who", "people", "personnes", "composition"),
            width=40,
        ),
        _c("notes", "notes", "notes", width=30),
    ),
    required=False,
    id_column="id",
    aliases=("group", "groupe", "teams", "équipes"),
    workbook="crew",
    help_en="Names for several people at once (a band, « équipe lumière »): a booking whose "
    "who names a group books each member. A department of Crew, and « toute l'équipe » / "
    "“all crew”, work the same way without a row here.",
    help_fr="Un nom pour plusieurs personnes (un groupe, « équipe lumière ») : une affectation "
    "qui le nomme convoque chaque membre. Un département de l'Équipe, et « toute l'équipe » / "
    "“all crew”, font de même sans ligne ici.",
)

SHIFT_CODES = Table(
    "shift_codes",
    "Shift codes",
    "Codes horaires",
    (
        _c("code", "code", "code", ID, required=True, aliases=("shift", "service"), width=10),
        _c("time_range", "time range", "horaires", HOURS, aliases=HOURS_ALIASES, width=14),
        _c("start", "start", "début", TIME, aliases=("debut",), width=8),
        _c("end", "end", "fin", TIME, width=8),
        break_column(),
        _c("label", "label", "libellé", aliases=("libelle", "description", "intitulé"), width=24),
    ),
    required=False,
    id_column="code",
    aliases=("codes", "shifts", "légende", "legend", "shift legend"),
    workbook="mapping",
    help_en="The codes a roster grid uses for its shifts (M = 06:00-14:00); a code without "
    "hours is a day off. R, OFF, repos and congé are days off without a row here.",
    help_fr="Les codes qu'une grille de planning utilise pour ses services (M = 06:00-14:00) ; "
    "un code sans horaires est un jour non travaillé. R, OFF, repos et congé le sont sans "
    "ligne ici.",
)

TABLES: tuple[Table, ...] = (
    PRODUCTION,
    BUDGET,
    ACTUALS,
    FRINGES,
    CREW,
    RESOURCES,
    VENDORS,
    UNAVAILABILITY,
    LOCATIONS,
    TRAVEL,
    EVENTS,
    BOOKINGS,
    RISKS,
    ACTUAL_HOURS,
    GROUPS,
    SHIFT_CODES,
)
TABLES_BY_KEY: dict[str, Table] = {t.key: t for t in TABLES}
WORKBOOKS: tuple[str, ...] = ("budget", "crew", "schedule")


# Headers as producers write them, beyond each column's names and aliases above: read from
# real festival schedules, rundowns, call sheets, rosters and budgets. Case, accents, spaces
# and punctuation are ignored, so "Start Time", "start_time" and "START TIME :" are one.
HEADER_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "events": {
        "id": ("n°", "no", "num", "numéro", "ref", "réf", "code", "cue", "item id", "scene no"),
        "date": ("date de tournage", "shoot date", "show date", "date du spectacle"),
        "start": (
            "start time",
            "starts",
            "begin",
            "begins",
            "heure de début",
            "heure début",
            "h début",
            "début prévu",
            "horaire début",
            "time start",
            "time in",
            "heure",
            "horaire",
            "time",
            "from",
            "set time",
            "à partir de",
            "ouverture",
        ),
        "end": (
            "end time",
            "ends",
            "finish",
            "heure de fin",
            "h fin",
            "fin prévue",
            "horaire fin",
            "time end",
            "time out",
            "until",
            "to",
            "jusqu'à",
            "fermeture",
        ),
        "title": (
            "nom",
            "name",
            "activité",
            "activity",
            "programme",
            "show",
            "spectacle",
            "set",
            "segment",
            "sujet",
            "what",
            "quoi",
            "artiste",
            "artist",
            "act",
            "band",
        ),
        "location": (
            "lieu de tournage",
            "salle",
            "venue",
            "room",
            "espace",
            "site",
            "plateau",
            "where",
            "où",
            "scene / stage",
            "set location",
        ),
        "kind": ("catégorie", "category", "nature", "activity type", "type d'activité"),
        "cover": ("backup", "plan b", "solution de repli", "repli météo", "rain cover"),
        "notes": ("remarques", "commentaires", "comments", "observations", "infos", "info"),
    },
    "bookings": {
        "event": ("scene", "activity", "activité", "slot", "créneau", "shift"),
        "who": (
            "person",
            "personne",
            "crew",
            "staff",
            "member",
            "membre",
            "intervenant",
            "technicien",
            "resource",
            "ressource",
            "id",
            "matériel",
        ),
        "call": (
            "call",
            "convoc",
            "heure de convocation",
            "heure d'arrivée",
            "arrivée",
            "arrival",
            "time in",
            "in",
            "rdv",
            "rendez-vous",
            "start",
            "début",
            "start time",
            "heure de début",
            "prise de poste",
        ),
        "wrap": (
            "wrap time",
            "time out",
            "out",
            "heure de fin",
            "end time",
            "départ",
            "departure",
            "finish",
            "libération",
            "fin de service",
            "fin prévue",
            "fin de journée",
            "wrap prévu",
            "estimated wrap",
        ),
        "role": ("fonction", "job", "position", "rôle", "role on set"),
        "notes": ("remarques", "commentaires", "comments", "observations"),
    },
    "crew": {
        "name": ("prénom nom", "nom complet", "person", "personne", "contact", "staff name"),
        "role": ("position", "title", "job title", "métier", "rôle"),
        "department": ("équipe", "team", "section", "pôle", "departement"),
        "contract": ("type de contrat", "statut", "status", "contract type"),
        "day_rate": ("tarif journalier", "daily rate", "rate per day", "salaire jour", "day fee"),
        "hourly_rate": ("taux horaire", "hourly", "rate per hour", "hour rate"),
        "email": ("adresse mail", "adresse e-mail", "email address"),
        "phone": ("cell", "gsm", "numéro", "portable", "téléphone portable", "phone number"),
    },
    "budget": {
        "code": ("n°", "ref", "acct", "account no", "numéro de compte"),
        "description": ("poste", "item", "désignation", "designation", "line item", "détail"),
        "quantity": ("nb", "units", "quantity", "qté"),
        "rate": (
            "p.u.",
            "cost per unit",
            "coût unitaire",
            "tarif unitaire",
            "price",
            "prix",
            "unit cost",
            "rate per unit",
        ),
        "total": ("coût", "cost", "total cost", "coût total", "total €", "budget"),
    },
    "actuals": {
        "amount": ("coût réel", "actual", "dépense", "réel", "spent", "cost"),
        "date": ("date de facture", "invoice date", "date facture"),
    },
    "resources": {
        "day_rate": ("tarif journalier", "daily rate", "rate per day", "location jour"),
    },
    "locations": {
        "name": ("lieu", "location", "venue", "site", "décor", "nom du lieu"),
        "address": ("address line", "adresse postale"),
        "capacity": ("jauge", "places"),
    },
}
# Names read for a column only when no other header of the row names it: a « Jour » column
# is the date in many plannings, and a weekday in others.
WEAK_HEADER_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "events": {"date": ("jour", "day")},
}


@cache
def _sheet_index() -> dict[str, Table]:
    index: dict[str, Table] = {}
    for table in TABLES:
        for name in table.matches():
            index.setdefault(name, table)
    return index


def table_for_sheet(sheet_name: str) -> Table | None:
    """The table a sheet holds, from its name in either language (or None)."""
    return _sheet_index().get(normalise(sheet_name))


def named_exactly(table: Table, sheet_name: str) -> bool:
    """Whether a sheet bears the table's own name (Planning, Events), not only an alias."""
    return normalise(sheet_name) in {normalise(table.en), normalise(table.fr)}


@cache
def _column_index(table_key: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for col in TABLES_BY_KEY[table_key].columns:
        for name in col.matches():
            index.setdefault(name, col.key)
    for key, words in HEADER_WORDS.get(table_key, {}).items():
        for word in words:
            index.setdefault(normalise(word), key)
    return index


@cache
def _weak_index(table_key: str) -> dict[str, str]:
    strong = _column_index(table_key)
    return {
        normalise(word): key
        for key, words in WEAK_HEADER_WORDS.get(table_key, {}).items()
        for word in words
        if normalise(word) not in strong
    }


def column_for_header(table: Table, header: object) -> str | None:
    """The column key a header cell names, or None for a producer's own column."""
    if header is None or header == "":
        return None
    return _column_index(table.key).get(normalise(header))


def weak_column_for_header(table: Table, header: object) -> str | None:
    """The column a header may name when nothing stronger does (« Jour » for the date)."""
    if header is None or header == "":
        return None
    return _weak_index(table.key).get(normalise(header))


@cache
def _choice_index(choices: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for ch in CHOICES[choices]:
        for name in (ch.key, ch.en, ch.fr, *ch.aliases):
            index.setdefault(normalise(name), ch.key)
    return index


# Settings a rule divides, counts or indexes by: outside these bounds a value is a typing
# slip (a negative rest, zero days in a row) and the preset's own value stays in force.
SETTING_RANGES: dict[str, tuple[int, int | None]] = {
    "daily_max_hours": (1, 24),
    "min_rest_hours": (0, 24),
    "weekly_max_hours": (1, 168),
    "max_consecutive_days": (1, None),
    "travel_buffer_minutes": (0, None),
    "risk_threshold": (1, 25),
    "max_hold_days": (0, 366),
}


def choice_label(choices: str, key: str, lang: Lang) -> str:
    """A choice as the producer reads it (``live`` → « spectacle »), else the key itself."""
    return next((c.label(lang) for c in CHOICES[choices] if c.key == key), key)


def choice_key(choices: str, text: object) -> str | None:
    return _choice_index(choices).get(normalise(text))


# --- budget total rows ------------------------------------------------------------------
_SUBTOTAL_PREFIXES = (
    "soustotal",
    "subtotal",
    "sstotal",
    "totalchapitre",
    "totalchap",
    "totalchapter",
)
_GRAND_TOTALS = (
    "totalgeneral",
    "grandtotal",
    "totaldevis",
    "totaldudevis",
    "totalbudget",
    "totaldubudget",
    "totalfilm",
    "totalht",
    "totalttc",
)


def total_row_kind(description: object) -> str | None:
    """``"sub"``, ``"grand"`` or None: how a budget row with no code totals the lines.

    Producers write "Sous-total", "Subtotal" and "Total Personnel" for a chapter's total
    (the lines since the previous total row), and "Total", "Total général", "Grand total"
    for the whole budget (every line above it).
    """
    if description is None:
        return None
    n = normalise(description)
    if n.startswith(_SUBTOTAL_PREFIXES):
        return "sub"
    if n == "total" or n.startswith(_GRAND_TOTALS):
        return "grand"
    if n.startswith("total"):
        return "sub"
    return None
