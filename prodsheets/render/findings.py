"""Findings rendered for people (one line each, coloured on a terminal) and for scripts (JSON).

The JSON shape is a stable interface (design section 3): scripts and CI parse it.
"""

from __future__ import annotations

from typing import Any

from prodsheets.findings import Code, Finding, Location, Severity
from prodsheets.i18n import plural
from prodsheets.i18n.words import FINDINGS
from prodsheets.pipeline import CheckResult, Result

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
    if f.repeats > 1 and f.location is not None:
        where = f"{f.location.file} › {f.location.sheet}!{f.span}"
        where += FINDINGS[lang]["cells"].format(count=f.repeats)
    elif len(f.locations) > 1 and f.location is not None:
        first = f.location
        also = ", ".join(_relative(loc, first) for loc in f.locations[1:])
        where += FINDINGS[lang]["also"].format(places=also)
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


def summary_line(result: Result, lang: str) -> str:
    """``Le Grand Départ : 9 erreurs, 6 avertissements, 2 infos.``"""
    s, words = result.summary, FINDINGS[lang]
    parts = [
        plural(s["errors"], words["error"], lang),
        plural(s["warnings"], words["warning"], lang),
    ]
    if s["infos"]:
        parts.append(plural(s["infos"], words["info"], lang))
    return words["summary"].format(title=result.title, counts=", ".join(parts))


# --- the catalogue (`prodsheets codes`) -------------------------------------------------


def codes_text(codes: list[Code], lang: str, detail: bool = False) -> str:
    """The codes by family, one line each: code, name, severity, title; with ``detail``,
    the message and the fix as templates (``{who}`` stands for what each finding says)."""
    from prodsheets.catalogue import FAMILIES

    width = max((len(c.name) for c in codes), default=0)
    out: list[str] = []
    family = None
    for c in codes:
        if c.family != family:
            family = c.family
            out += [""] if out else []
            out.append(f"{family}xx  {FAMILIES[family][lang]}")
        out.append(f"  {c.code}  {c.name:<{width}}  {c.severity.label(lang):<9}  {c.title[lang]}")
        if detail:
            out += [f"      {c.message[lang]}", f"      → {c.hint[lang]}"]
    return "\n".join(out) + "\n"


def codes_json(codes: list[Code], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "code": c.code,
            "name": c.name,
            "severity": c.severity.value,
            "title": c.title[lang],
            "message": c.message[lang],
            "hint": c.hint[lang],
        }
        for c in codes
    ]
