"""Findings rendered for people (one line each, coloured on a terminal) and for scripts (JSON).

The JSON shape is a stable interface (design section 3): scripts and CI parse it.
"""

from __future__ import annotations

from typing import Any

from prodsheets.check import CheckResult
from prodsheets.findings import Finding, Location, Severity

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def to_json(result: CheckResult, lang: str) -> dict[str, Any]:
    return {
        "production": result.title,
        "productions": [p.title for p in result.productions],
        "language": lang,
        "findings": [f.to_json(lang) for f in result.findings],
        "summary": result.summary,
    }


def finding_line(f: Finding, lang: str, style: Any = None) -> str:
    """``schedule.xlsx › Affectations!B7: erreur PS105 message → hint``."""
    where = str(f.location) if f.location else ""
    if len(f.locations) > 1 and f.location is not None:
        also = " (aussi : " if lang == "fr" else " (also: "
        where += also + ", ".join(_relative(loc, f.location) for loc in f.locations[1:]) + ")"
    severity = f.level.label(lang)
    code = f"{severity} {f.code.code}"
    if style is not None:
        code = style(code, fg=_COLOURS[f.level], bold=f.level is Severity.ERROR)
        where = style(where, bold=True)
    return f"{where}: {code} {f.message(lang)} → {f.hint(lang)}"


def _relative(loc: Location, to: Location) -> str:
    """A further location, as short as it can be said next to the first one."""
    if loc.file != to.file or loc.sheet is None:
        return str(loc)
    if loc.sheet != to.sheet or loc.cell is None:
        return f"{loc.sheet}!{loc.cell}" if loc.cell else str(loc.sheet)
    return loc.cell


def summary_line(result: CheckResult, lang: str) -> str:
    s = result.summary
    if lang == "fr":
        parts = [
            plural(s["errors"], "erreur", "erreurs", zero_is_singular=True),
            plural(s["warnings"], "avertissement", "avertissements", zero_is_singular=True),
        ]
        if s["infos"]:
            parts.append(plural(s["infos"], "info", "infos", zero_is_singular=True))
        return f"{result.title} : " + ", ".join(parts) + "."
    parts = [plural(s["errors"], "error", "errors"), plural(s["warnings"], "warning", "warnings")]
    if s["infos"]:
        parts.append(plural(s["infos"], "info", "infos"))
    return f"{result.title}: " + ", ".join(parts) + "."


def plural(n: int, one: str, many: str, zero_is_singular: bool = False) -> str:
    """French says « 0 erreur », English "0 errors"."""
    singular = n == 1 or (n == 0 and zero_is_singular)
    return f"{n} {one if singular else many}"
