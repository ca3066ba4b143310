"""Working-time rules: the presets of the French collective agreements, and who they apply to.

The preset is chosen in Production (``rules / convention``) and each value can be
overridden by its own row there (design section 4). Each value below cites its article;
``docs/rules.md`` gives every rule with its source, its date and what is not modelled.
The presets are defaults to check against the agreement that applies to a production,
not legal advice.

Sources (Légifrance KALI and LEGI texts as of the dates in ``docs/rules.md``):

* Code du travail: L3121-16 (20 min break after 6 h), L3121-18 (10 h a day), L3121-20 (48 h
  a week), L3121-22 (44 h on average over 12 weeks), L3131-1 (11 h rest), L3132-1 (6 days).
* IDCC 2642, audiovisual production: art. VI.1.4, VI.3.1, VI.3.2.1, VI.8.
* IDCC 3097, cinema production: Titre I art. 19-23; Titre II (technicians) art. 16, 25, 27,
  30, 34-38; Titre III (actors) art. 4.1, 4.2; décret n° 2013-1165 (équivalence) amended by
  décret n° 2014-63.
* IDCC 1285, CCNEAC (public live performance): art. VI.4, VI.5, VI.6.1, VI.7, VI.12, VII.1.
* IDCC 3090, private live performance, annex II (chanson, variétés, jazz, musiques
  actuelles), Titre III (technicians) art. 2, 3, 6, 7; Titre II (artists) II.4 art. 2.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from decimal import Decimal
from typing import Any, NamedTuple

from prodsheets.i18n import Bilingual
from prodsheets.model import Production

D = Decimal

# --- what kind of day an event makes -----------------------------------------------------
# An event's kind (its Type / Type column) tags its day; a person's day carries the tags of
# its events. Bits, so that a million days are a column of small integers.
SETUP, TOUR, REHEARSAL, FESTIVAL, SHOOTING, PREMIERE_WINDOW = 1, 2, 4, 8, 16, 32
_KIND_WORDS = {
    SETUP: r"montage|demontage|load ?in|load ?out|loadin|loadout|strike|set ?up|get ?in|get ?out"
    r"|build|derig|de rig|installation",
    TOUR: r"tour|tournee|touring|on tour",
    REHEARSAL: r"repetition|rehearsal|filage|raccord|generale|creation|reprise|tech run",
    FESTIVAL: r"festival",
    SHOOTING: r"tournage|sequence|seq|scene|shoot|shooting|pdv|prise de vues?",
}
_PREMIERE_WORDS = r"premiere|first night|first performance"


def _fold(text: object) -> str:
    """Lower case, no accents, words separated by single spaces."""
    s = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.findall(r"[a-z0-9]+", s))


@functools.cache
def kind_tags(kind: object) -> int:
    """The tags an event's kind gives its day: ``"Montage son"`` → SETUP; a first word decides.

    ``tournage`` is a shoot, not a tour: each tag's words must be whole words.
    """
    folded = _fold(kind)
    tags = 0
    for tag, words in _KIND_WORDS.items():
        if re.match(rf"(?:{words})\b", folded):
            tags |= tag
    return tags


@functools.cache
def is_premiere(kind: object) -> bool:
    return re.match(rf"(?:{_PREMIERE_WORDS})\b", _fold(kind)) is not None


# --- the rules ---------------------------------------------------------------------------

Bands = tuple[tuple[Decimal | None, Decimal], ...]  # (upper bound in hours or None, premium)
CODE_BREAK = ((D(6), 20),)  # Code du travail L3121-16: 20 min as soon as 6 h are reached


class Rules(NamedTuple):
    """A preset's working-time limits and premiums; None where the text sets none."""

    name: Bilingual
    daily_max_hours: Decimal | None = None
    daily_is_amplitude: bool = False  # cinema counts from first call to last wrap
    daily_max_hours_long_days: Decimal | None = None  # live: tours, festivals, set-up/strike
    long_days: int = 0  # the day tags (SETUP, TOUR…) on which the long-day maximum applies
    min_rest_hours: Decimal | None = None
    reduced_rest_hours: Decimal | None = None  # allowed instead of min_rest…
    reduced_rest_limit: int | None = None  # …at most this many times a period (None: no count)
    reduced_rest_period: str = "week"  # "week" (ISO) or "month" (calendar)
    reduced_rest_days: int | None = None  # …only next to a day with these tags (None: any)
    rest_after_long_day_hours: Decimal | None = None  # actors: 11 h after a 13 h day
    rest_after_night_hours: Decimal | None = None  # actors: 9 h from night work to a morning
    weekly_max_hours: Decimal | None = None
    average_weekly_hours: Decimal | None = None  # on average over `average_weeks` weeks
    average_weeks: int = 12
    max_consecutive_days: int | None = None
    overtime_after_hours: Decimal | None = None  # weekly hours beyond which overtime starts
    overtime_bands: Bands = ()  # upper bounds in weekly hours (cinema: 43, 48, beyond)
    overtime_bands_cumulative: bool = False  # CCNEAC: upper bounds in overtime hours so far
    daily_bands: Bands = ()  # premiums by the hours worked in the day (cinema: beyond 10 h)
    rest_cut_premium: Decimal | None = None  # cinema: hours cut into the 11 h rest
    premium_cap: Decimal | None = None  # cinema: all premiums of an hour at most +100 %
    day_hire_under_days: int | None = None  # cinema: an engagement shorter than 5 days…
    day_hire_minimum_hours: Decimal | None = None  # …is paid at least 7 h a day…
    day_hire_bands: Bands = ()  # …with daily premiums instead of the weekly bands
    equivalence: bool = False  # cinema: décret 2013-1165 for the listed jobs, shooting weeks
    minimum_call_hours: Decimal | None = None  # live: a call is paid at least this long
    breaks: tuple[tuple[Decimal, int], ...] = CODE_BREAK  # (hours of work in a row, minutes)
    # Code du travail L3121-1, L3121-2: a break is not effective work unless the worker stays
    # at the employer's disposal; a production says so with its « pauses travaillées ».
    breaks_worked: bool = False
    travel_buffer_minutes: int = 30
    artists: Rules | None = None  # the rules of the performers, where the text differs


CINEMA_TECHNICIANS = Rules(
    Bilingual(
        "cinema agreement, technicians (IDCC 3097)", "convention cinéma, techniciens (IDCC 3097)"
    ),
    daily_max_hours=D(13),  # T2 art. 27: 13 h including meals, breaks and travel
    daily_is_amplitude=True,
    min_rest_hours=D(11),  # T2 art. 27; no 9 h reduction in Titre II
    weekly_max_hours=D(48),  # T2 art. 25
    average_weekly_hours=D(46),  # T2 art. 25: 46 h on average over 12 consecutive weeks
    max_consecutive_days=6,  # T1 art. 23, Code L3132-1
    overtime_after_hours=D(35),  # T1 art. 19
    overtime_bands=((D(43), D("0.25")), (D(48), D("0.50")), (None, D("0.75"))),  # T2 art. 37
    daily_bands=((D(10), D(0)), (None, D(1))),  # T2 art. 38: +100 % beyond the 10th hour
    rest_cut_premium=D(1),  # T2 art. 35: +100 % for the hours cut into the rest
    premium_cap=D(1),  # T2 art. 36: premiums together at most +100 %
    day_hire_under_days=5,  # T2 art. 16: fewer than 5 consecutive days
    day_hire_minimum_hours=D(7),  # T2 art. 16 and 34: the day is paid 7 h at least
    day_hire_bands=((D(7), D(0)), (D(10), D("0.50")), (None, D(1))),  # T2 art. 34
    equivalence=True,  # T2 art. 30, décret 2013-1165
)
CINEMA_ACTORS = Rules(
    Bilingual(
        "cinema agreement, actors (IDCC 3097)",
        "convention cinéma, artistes-interprètes (IDCC 3097)",
    ),
    daily_max_hours=D(12),  # T3 art. 4.1.1.1: 12 h span (13 h in the listed cases)
    daily_is_amplitude=True,
    min_rest_hours=D(12),  # T3 art. 4.1.1.2
    rest_after_long_day_hours=D(11),  # … 11 h when the span was 13 h
    rest_after_night_hours=D(9),  # … 9 h from night work to the next morning
    weekly_max_hours=D(48),  # Code L3121-20 (T1 art. 19)
    average_weekly_hours=D(44),  # Code L3121-22: Titre III sets no other average
    max_consecutive_days=6,  # Code L3132-1
)
LIVE_ARTISTS = Rules(
    Bilingual(
        "live performance agreement, performers (CCNEAC, IDCC 1285)",
        "convention spectacle vivant, artistes (CCNEAC, IDCC 1285)",
    ),
    daily_max_hours=D(10),  # art. VI.6.1
    daily_max_hours_long_days=D(12),
    long_days=SETUP | TOUR | FESTIVAL | PREMIERE_WINDOW,
    min_rest_hours=D(11),  # art. VI.7: the 9 h reduction is for technical and security staff
    weekly_max_hours=D(48),  # art. VI.4
    average_weekly_hours=D(44),  # art. VI.4
    max_consecutive_days=6,  # art. VI.5
    overtime_after_hours=D(35),
    overtime_bands=((D(80), D("0.25")), (None, D("0.50"))),  # art. VI.12
    overtime_bands_cumulative=True,
)
LIVE = LIVE_ARTISTS._replace(
    name=Bilingual(
        "live performance agreement (CCNEAC, IDCC 1285)",
        "convention spectacle vivant (CCNEAC, IDCC 1285)",
    ),
    reduced_rest_hours=D(9),  # art. VI.7: technical staff on rehearsals, set-up and strike
    reduced_rest_days=SETUP | REHEARSAL,
    minimum_call_hours=D("3.5"),  # art. VI.6.1 (not for the artists of Titres XIII-XVII)
    artists=LIVE_ARTISTS,
)
LIVE_PRIVATE_ARTISTS = Rules(
    Bilingual(
        "private live performance agreement, artists (IDCC 3090, annex II)",
        "convention spectacle vivant privé, artistes (IDCC 3090, annexe II)",
    ),
    daily_max_hours=D(10),  # Code L3121-18: annex II sets no daily maximum for artists
    min_rest_hours=D(11),  # annex II, Titre II, II.4 art. 2
    reduced_rest_hours=D(9),  # … 9 h at festivals and on tour
    reduced_rest_days=TOUR | FESTIVAL,
    weekly_max_hours=D(48),  # Code L3121-20
    average_weekly_hours=D(44),  # Code L3121-22
    max_consecutive_days=6,  # Code L3132-1
)
LIVE_PRIVATE = Rules(
    Bilingual(
        "private live performance agreement (IDCC 3090, annex II)",
        "convention spectacle vivant privé (IDCC 3090, annexe II)",
    ),
    daily_max_hours=D(10),  # annex II, Titre III, III.3 art. 2
    daily_max_hours_long_days=D(12),  # set-up/strike, creation or revival, tour, festival
    long_days=SETUP | REHEARSAL | TOUR | FESTIVAL,
    min_rest_hours=D(11),  # III.3 art. 6
    reduced_rest_hours=D(9),  # … at most 12 times a month, in set-up and strike only
    reduced_rest_limit=12,
    reduced_rest_period="month",
    reduced_rest_days=SETUP,
    weekly_max_hours=D(48),  # III.3 art. 7
    average_weekly_hours=D(44),
    max_consecutive_days=6,  # Code L3132-1
    overtime_after_hours=D(35),
    overtime_bands=((D(43), D("0.25")), (None, D("0.50"))),  # III.3 art. 3
    breaks=((D(4), 15), *CODE_BREAK),  # III.3 art. 6: 15 min after 4 h; Code: 20 min after 6 h
    artists=LIVE_PRIVATE_ARTISTS,
)
PRESETS: dict[str, Rules] = {
    "audiovisual": Rules(
        Bilingual("audiovisual agreement (IDCC 2642)", "convention audiovisuelle (IDCC 2642)"),
        daily_max_hours=D(12),  # art. VI.3.1.1
        min_rest_hours=D(11),  # art. VI.3.1.2
        reduced_rest_hours=D(9),
        reduced_rest_limit=2,
        weekly_max_hours=D(48),  # art. VI.3.2.1
        average_weekly_hours=D(46),
        max_consecutive_days=6,  # art. VI.3.2.2
        overtime_after_hours=D(35),
        overtime_bands=((D(43), D("0.25")), (None, D("0.50"))),  # art. VI.8.3 (CDD d'usage)
    ),
    "cinema": CINEMA_TECHNICIANS._replace(artists=CINEMA_ACTORS),
    "live": LIVE,
    "live_private": LIVE_PRIVATE,
    "custom": Rules(Bilingual("custom rules", "règles personnalisées")),
}
DEFAULT_PRESET = {"film": "cinema", "live": "live", "festival": "live"}
LIVE_PRESETS = ("live", "live_private")


def rules_for(production: Production) -> Rules:
    """The preset of the production, with each value its Production sheet overrides.

    An override applies to everyone, performers included: it is the producer's own rule.
    """
    s = production.settings
    preset = s.get("rules") or DEFAULT_PRESET.get(s.get("kind") or "", "audiovisual")
    rules = PRESETS[preset]
    changes: dict[str, Any] = {}
    for key in ("daily_max_hours", "min_rest_hours", "weekly_max_hours", "overtime_after_hours"):
        if s.get(key) is not None:
            changes[key] = Decimal(s[key])
    if s.get("daily_max_hours") is not None:
        changes["daily_max_hours_long_days"] = None
    if s.get("min_rest_hours") is not None:
        changes.update(
            reduced_rest_hours=None, rest_after_long_day_hours=None, rest_after_night_hours=None
        )
    if s.get("max_consecutive_days") is not None:
        changes["max_consecutive_days"] = int(s["max_consecutive_days"])
    if s.get("travel_buffer_minutes") is not None:
        changes["travel_buffer_minutes"] = int(s["travel_buffer_minutes"])
    if s.get("breaks_worked") is not None:
        changes["breaks_worked"] = bool(s["breaks_worked"])
    if not changes:
        return rules
    artists = rules.artists._replace(**changes) if rules.artists is not None else None
    return rules._replace(**changes, artists=artists)


def person_rules(rules: Rules, contract: object, role: object) -> Rules:
    """The rules of one person: the performers' where the preset has them and the person
    is one (contract ``artist``, or a role that names a performer), else the preset's."""
    if rules.artists is not None and is_artist(contract, role):
        return rules.artists
    return rules


# --- performers and technicians ----------------------------------------------------------

_ARTIST_WORDS = frozenset(
    [
        "comedien",
        "acteur",
        "actor",
        "actress",
        "interprete",
        "artiste",
        "performer",
        "musicien",
        "musician",
        "chanteur",
        "singer",
        "danseur",
        "dancer",
        "circassien",
        "acrobate",
        "cast",
        "figurant",
        "choriste",
        "cascadeur",
        "stuntman",
        "doublure",
    ]
)


def is_artist(contract: object, role: object) -> bool:
    """A performer: contract ``artist``, or a role with a performer's word (comédienne…)."""
    if contract == "artist":
        return True
    return role is not None and not _ARTIST_WORDS.isdisjoint(_role_words(role).split())


# --- équivalence (décret n° 2013-1165, art. 1, as amended by décret n° 2014-63) -----------


class Equivalence(NamedTuple):
    """A job group of the décret: presence that counts as fewer hours of work, by week."""

    group: int
    presence_5: Decimal  # hours of presence in a 5-day shooting week…
    counted_5: Decimal  # …that count as these hours of work
    presence_6: Decimal  # the same for a 6-day week
    counted_6: Decimal

    def scale(self, days: int) -> tuple[Decimal, Decimal]:
        """(presence, counted) for a week of `days` shooting days, prorated by day (art. 30)."""
        if days >= 6:
            return self.presence_6, self.counted_6
        return self.presence_5 * days / 5, self.counted_5 * days / 5


# The décret's job names, then the names crews write for the same jobs (folded: no accents,
# masculine, ordinals as words). A role matches the longest name it contains.
_GROUPS: tuple[tuple[Equivalence, tuple[str, ...]], ...] = (
    (
        Equivalence(1, D(45), D(42), D(55), D(51)),
        (
            "assistant scripte",
            "troisieme assistant decorateur",
            "accessoiriste de decor",
            "assistant operateur du son",
            "premier assistant operateur du son",
            "deuxieme assistant operateur du son",
            "regisseur d exterieurs",
            "regisseur d exterieur",
            "scripte",
            "ensemblier",
            "cadreur",
            "chef operateur du son",
            "ensemblier decorateur",
            # usual names
            "ingenieur du son",
            "chef op son",
            "chef operateur son",
            "mixeur plateau",
            "perchman",
            "perchiste",
            "assistant son",
            "script supervisor",
            "camera operator",
            "sound mixer",
            "production sound mixer",
            "boom operator",
            "set decorator",
            "location manager",
            "set dresser",
        ),
    ),
    (
        Equivalence(2, D(46), D(42), D(56), D(51)),
        (
            "directeur de production",
            "chef decorateur",
            "directeur de la photographie",
            # usual names
            "directeur photo",
            "chef operateur",
            "chef operateur image",
            "chef op",
            "chef op image",
            "director of photography",
            "cinematographer",
            "dop",
            "production manager",
            "line producer",
            "production designer",
        ),
    ),
    (
        Equivalence(3, D(46), D(43), D(56), D(52)),
        (
            "auxiliaire de realisation",
            "assistant au charge de la figuration",
            "technicien retour image",
            "habilleur",
            "secretaire de production",
            "coiffeur",
            "assistant maquilleur",
            "deuxieme assistant realisateur",
            "charge de la figuration",
            "costumier",
            "regisseur adjoint",
            "deuxieme assistant operateur",
            "accessoiriste de plateau",
            "chef coiffeur",
            "chef maquilleur",
            "premier assistant operateur",
            "administrateur de production",
            "regisseur general",
            "premier assistant realisateur",
            "chef costumier",
            "auxiliaire de regie",
            # usual names
            "premier assistant camera",
            "deuxieme assistant camera",
            "focus puller",
            "clapman",
            "clapper loader",
            "premier assistant director",
            "deuxieme assistant director",
            "premier ad",
            "deuxieme ad",
            "unit manager",
            "assistant unit manager",
            "costume designer",
            "dresser",
            "hairdresser",
            "hair stylist",
            "key hair",
            "head of hair",
            "head of make up",
            "make up assistant",
            "assistant make up",
            "key make up",
            "video assist",
            "production secretary",
            "production administrator",
            "standby props",
        ),
    ),
    (
        Equivalence(4, D(47), D(46), D(57), D(56)),
        (
            "machiniste",
            "electricien",
            "conducteur de groupe",
            "sous chef machiniste",
            "sous chef electricien",
            "chef machiniste",
            "chef electricien",
            # usual names
            "machino",
            "electro",
            "chef electro",
            "gaffer",
            "key grip",
            "grip",
            "best boy",
            "electrician",
            "generator operator",
            "genny operator",
        ),
    ),
)
_ORDINALS = {
    **dict.fromkeys(("1er", "1re", "1ere", "1e", "1st", "first", "premier"), "premier"),
    **dict.fromkeys(
        ("2e", "2eme", "2nd", "2d", "2de", "second", "seconde", "deuxieme"), "deuxieme"
    ),
    **dict.fromkeys(("3e", "3eme", "3rd", "third", "troisieme"), "troisieme"),
}
_FEMININE = (
    ("trice", "teur"),
    ("euse", "eur"),
    ("eure", "eur"),
    ("ienne", "ien"),
    ("iere", "ier"),
    ("ante", "ant"),
    ("ee", "e"),
    ("ale", "al"),
)


@functools.cache
def _role_words(role: object) -> str:
    """``"Première assistante opératrice"`` → ``"premier assistant operateur"``."""
    out = []
    for word in _fold(role).split():
        word = _ORDINALS.get(word, "chef" if word == "cheffe" else word)
        for ending, masculine in _FEMININE:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                word = word[: -len(ending)] + masculine
                break
        out.append(word)
    return " ".join(out)


@functools.cache
def equivalence_of(role: object) -> Equivalence | None:
    """The équivalence group a role belongs to, by the job names it contains, or None."""
    if role is None:
        return None
    words = f" {_role_words(role)} "
    best: tuple[int, Equivalence] | None = None
    for group, names in _GROUPS:
        for name in names:
            if f" {name} " in words and (best is None or len(name) > best[0]):
                best = (len(name), group)
    return best[1] if best else None


# --- calendar helpers ----------------------------------------------------------------------


@functools.cache  # a few hundred distinct days, asked for per booking
def iso_week(day: dt.date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def night_starts(day: dt.date) -> int:
    """Seconds after midnight when night work starts on a day (cinema, T2 art. 40 and T3
    art. 3.1.1): 22:00 from April to September, 20:00 from October to March."""
    return (22 if 4 <= day.month <= 9 else 20) * 3600
