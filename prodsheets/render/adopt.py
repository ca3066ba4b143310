"""`prodsheets adopt`'s proposal rendered: text for people, JSON for scripts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from prodsheets.adopt.propose import NEEDS, Proposal, SheetGuess
from prodsheets.contract import mapping as M
from prodsheets.contract import schema
from prodsheets.i18n.formats import date as date_text
from prodsheets.i18n.words import ADOPT


def _table(g: SheetGuess, lang: str) -> str:
    if g.table == M.ROSTER:
        return M.ROSTER_NAMES[lang]
    return schema.TABLES_BY_KEY[str(g.table)].name(lang)


def _field(g: SheetGuess, key: str, lang: str) -> str:
    target = schema.BOOKINGS if g.table == M.ROSTER else schema.TABLES_BY_KEY[str(g.table)]
    return target.column(key).name(lang)


def to_text(
    proposal: Proposal, folder: str, lang: str, ours: list[tuple[str, str]] | None = None
) -> str:
    """The proposal as a production manager reads it: each sheet, its table and how sure,
    each field and where it comes from, what could not be placed."""
    w = ADOPT[lang]
    lines = [w["title"].format(folder=folder), ""]
    for g in proposal.placed:
        head = f"{w['sheet'].format(file=g.file, sheet=g.sheet)} {w['is'].format(table=_table(g, lang))}"
        if g.header_row:
            head += " " + w["header_row"].format(row=g.header_row)
        lines.append(f"{head} — {w[g.sure]}")
        for f in g.fields:
            how = w[f"how_{f.how}"].format(cell=f.text)
            if f.shown:
                where = w["column"].format(shown=f.shown)
            elif f.kind == "column":  # a column without a header: its letter
                where = w["letter"].format(letter=f.text)
            else:
                where = ""
            lines.append(
                f"    {_field(g, f.field, lang):<18}" + (f" {where}" if where else "") + f" ({how})"
            )
        if g.unplaced:
            listed = ", ".join(w["column"].format(shown=u) for u in g.unplaced)
            lines.append("    " + w["unplaced"].format(columns=listed))
    not_placed = [
        g for g in proposal.sheets if g.table is None and (not g.note or g.note.startswith(NEEDS))
    ]
    empty = [g for g in proposal.sheets if g.note == "empty"]
    if not_placed:
        names = ", ".join(_not_placed(g, lang) for g in not_placed)
        lines += ["", w["not_placed"].format(sheets=names)]
    if empty:
        lines += ["", w["empty"].format(sheets=", ".join(f"{g.file} › {g.sheet}" for g in empty))]
    if ours:
        lines += ["", w["ours"].format(sheets=", ".join(f"{f} › {s}" for f, s in ours))]
    lines += ["", w["settings"].format(settings=_settings(proposal, lang))]
    lines.append(w["choose"].format(rules=rules_name(proposal.settings)[lang]))
    if not proposal.settings.get("timezone"):
        lines.append(w["no_timezone"])
    return "\n".join(lines)


def rules_name(settings: dict[str, Any]) -> Any:
    """The working-time rules the settings make prodsheets apply."""
    from prodsheets.schedule.presets import DEFAULT_PRESET, PRESETS

    key = settings.get("rules") or DEFAULT_PRESET.get(settings.get("kind") or "", "audiovisual")
    return PRESETS[key].name


def _not_placed(g: SheetGuess, lang: str) -> str:
    """A sheet not placed, and what it lacks when it looks like a table."""
    name = f"{g.file} › {g.sheet}"
    if not g.note.startswith(NEEDS):
        return name
    key, _, lacking = g.note[len(NEEDS) :].partition(":")
    table = schema.TABLES_BY_KEY[key]
    fields = ", ".join(table.column(k).name(lang) for k in lacking.split(","))
    return ADOPT[lang]["lacks"].format(sheet=name, table=table.name(lang), fields=fields)


def _settings(proposal: Proposal, lang: str) -> str:
    parts = []
    for key, value in proposal.settings.items():
        column = schema.PRODUCTION.column(key)
        if isinstance(value, dt.date):
            shown = date_text(value, lang)  # as the findings say dates in that language
        elif column.choices:
            shown = schema.choice_label(column.choices, str(value), lang)
        else:
            shown = str(value)
        parts.append(f"{column.name(lang)} = {shown}")
    return ", ".join(parts)


def to_json(proposal: Proposal) -> dict[str, Any]:
    return {
        "language": proposal.lang,
        "settings": {
            k: v.isoformat() if isinstance(v, dt.date) else v for k, v in proposal.settings.items()
        },
        "sheets": [
            {
                "file": g.file,
                "sheet": g.sheet,
                "table": g.table,
                "header_row": g.header_row,
                "sure": g.sure,
                "fields": [
                    {
                        "field": f.field,
                        "from": f.kind,
                        "text": f.text,
                        "how": f.how,
                        "shown": f.shown,
                    }
                    for f in g.fields
                ],
                "unplaced": g.unplaced,
                "note": g.note or None,
            }
            for g in proposal.sheets
        ],
    }


__all__ = ["to_json", "to_text"]
