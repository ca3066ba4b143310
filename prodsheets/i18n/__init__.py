"""The two languages, in one place: the bilingual value type, plurals, lists, and the words.

A finding, a report or a message is said in French or English only when it is rendered:
the core hands around :class:`Bilingual` values (or :class:`Said` ones, worked out for
the language asked) and the renderers pick one language. Word tables live in
:mod:`prodsheets.i18n.words`; numbers, amounts, dates and times are formatted by
:mod:`prodsheets.i18n.formats`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Lang = str  # "fr" or "en"
LANGS: tuple[Lang, ...] = ("fr", "en")


class Bilingual(dict):  # type: ignore[type-arg]
    """A value that reads differently in each language (an expected format, a table name)."""

    def __init__(self, en: str, fr: str) -> None:
        super().__init__(en=en, fr=fr)


class Said(Bilingual):
    """A Bilingual worked out only for the language asked, when asked.

    Amounts and dates are formatted for one language only when a message is rendered in
    it: a run that speaks French never formats them in English.
    """

    def __init__(self, say: Callable[[str], str]) -> None:
        dict.__init__(self)
        self._say = say

    def __missing__(self, lang: str) -> str:
        text = self[lang] = self._say(lang)
        return text


def both(word: Callable[[str], str]) -> Bilingual:
    """A Bilingual from a function of the language: ``both(lambda lang: …)``."""
    return Bilingual(word("en"), word("fr"))


def say(value: Any, lang: str) -> str:
    """A message value in one language: Bilingual's text, a list joined, None as ""."""
    if isinstance(value, Bilingual):
        return str(value[lang])
    if type(value) in (list, tuple):  # a list of values; a record (NamedTuple) is one value
        return ", ".join(say(v, lang) for v in value)
    if value is None:
        return ""
    return str(value)


def plural(n: int, forms: str, lang: str) -> str:
    """``3 erreurs``, ``1 error`` from ``"erreur|erreurs"``; French says « 0 erreur »,
    English "0 errors"."""
    one, _, many = forms.partition("|")
    singular = n == 1 or (n == 0 and lang == "fr")
    return f"{n} {one if singular else many or one}"


def and_list(items: Sequence[str], lang: str) -> str:
    """``a, b and c`` / ``a, b et c``."""
    if len(items) <= 1:
        return "".join(items)
    word = " et " if lang == "fr" else " and "
    return ", ".join(items[:-1]) + word + items[-1]


def quoted(items: Sequence[str]) -> Bilingual:
    """Names listed with each language's quotes: “A”, “B” / « A », « B »."""
    return Bilingual(", ".join(f"“{t}”" for t in items), ", ".join(f"« {t} »" for t in items))


def de(name: str) -> str:
    """French ``de`` before a name: « d'Inès », « de Marco »."""
    return f"d'{name}" if name[:1].lower() in "aàâeéèêiîoôuûy" else f"de {name}"


def pick(lang: str, en: str, fr: str) -> str:
    """One of two texts, for the language asked."""
    return fr if lang == "fr" else en


def guess_language(environ: dict[str, str] | None = None) -> str | None:
    """The language of the user's locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), if fr or en."""
    import os

    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(key, "")
        if not value or value in ("C", "POSIX") or value.startswith("C."):
            continue
        code = value.split(":")[0][:2].lower()
        return code if code in LANGS else None
    return None
