"""What an event's kind says, as producers type it: a shooting day, travel, a rehearsal, a
fitting, a meal.

The Events sheet's kind / type is free text (« séquence nuit », "load-in", « repas »), so
each use reads the start of the word, accents and case aside. The lists live here, once,
for the day-out-of-days, the production day numbers and the call sheet.
"""

from __future__ import annotations

import unicodedata
from functools import cache

# Each list is of folded prefixes (no accents, lower case): « Répétition » starts with "repet".
TRAVEL = ("travel", "trajet", "voyage", "deplacement", "transfert", "transfer")
REHEARSAL = ("repet", "rehears", "lecture", "table read", "read-through", "read through")
FITTING = ("essayage", "fitting", "essais costume", "costume fitting", "wardrobe fitting")
MEAL = ("repas", "meal", "dejeuner", "diner", "lunch", "dinner", "cantine", "catering")
# A shooting (or show) day: what « Jour 3 / 24 » counts.
SHOOTING = (
    "sequence",
    "scene",
    "tournage",
    "shoot",
    "2e equipe",
    "second unit",
    "show",
    "concert",
    "spectacle",
    "representation",
    "performance",
)


@cache
def fold(kind: object) -> str:
    """« Séquence nuit » → ``sequence nuit``: no accents, lower case, trimmed."""
    if not isinstance(kind, str):
        return ""
    text = unicodedata.normalize("NFKD", kind).encode("ascii", "ignore").decode()
    return " ".join(text.casefold().split())


def is_travel(kind: object) -> bool:
    return fold(kind).startswith(TRAVEL)


def is_rehearsal(kind: object) -> bool:
    return fold(kind).startswith(REHEARSAL)


def is_fitting(kind: object) -> bool:
    return fold(kind).startswith(FITTING)


def is_meal(kind: object) -> bool:
    return fold(kind).startswith(MEAL)


def is_shooting(kind: object) -> bool:
    return fold(kind).startswith(SHOOTING)
