"""A what-if's plan rendered: text for people, JSON for scripts (design section 5)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from prodsheets.i18n.formats import money as say_amount
from prodsheets.i18n.words import WHATIF
from prodsheets.money import decimal_text, exact
from prodsheets.schedule.intervals import Schedule
from prodsheets.whatif.plan import Candidate, Hit, WhatIf


@exact
def to_json(result: WhatIf, lang: str) -> dict[str, Any]:
    s = result.analyses.schedule
    return {
        "production": result.production.title,
        "language": lang,
        "currency": result.currency,
        "scenario": {
            **result.scenario.to_json(),
            "text": result.scenario.describe(result.analyses)[lang],
        },
        "affected": [
            {
                "event": s.event_id(h.event),
                "who": h.who,
                "locations": [loc.to_json() for loc in h.locations],
            }
            for h in result.affected
        ],
        "replacements": [
            {
                "event": s.event_id(r.hit.event),
                "who": r.hit.who,
                "candidates": [
                    {"id": c.id, "cost": decimal_text(c.cost), "why": c.why[lang], "kind": c.kind}
                    for c in r.candidates
                ],
                "chosen": r.chosen.id if r.chosen else None,
                "rejected": [
                    {"id": oid, "code": f.code.code, "reason": f.message(lang)}
                    for oid, f in r.rejected
                ],
            }
            for r in result.replacements
        ],
        "cost_before": decimal_text(result.cost_before),
        "cost_after": decimal_text(result.cost_after),
        "cost_delta": decimal_text(result.cost_delta),
    }


@exact
def render_text(result: WhatIf, lang: str) -> str:
    w = WHATIF[lang]
    p, s = result.production, result.analyses.schedule
    cur = result.currency

    def money(v: Decimal) -> str:
        text = say_amount(v, cur, lang)
        return ("+" + text) if v > 0 else text

    def hit_text(h: Hit) -> str:
        ev = s.event_label(h.event)[lang]
        when = s.event_when(h.event)[lang]
        place = s.location_name(s.events.location[h.event]) or "?"
        head = f"{s.name(h.who)} — " if h.who else ""
        return f"{head}{ev}, {when}, {place}  [{', '.join(str(x) for x in h.locations)}]"

    out = [
        w["title"].format(title=p.title, scenario=result.scenario.describe(result.analyses)[lang]),
        "",
    ]
    if not result.affected:
        out.append(w["nothing"])
    else:
        out.append(w["hit"].format(count=len(result.affected)))
        out += [f"  {hit_text(h)}" for h in result.affected]
        out += ["", w["replacements"]]
    for r in result.replacements:
        h = r.hit
        label = s.event_id(h.event) + (f" {h.who}" if h.who else "")
        if r.chosen is not None:
            name = _candidate_name(s, r.chosen)
            line = f"  {label} → {r.chosen.id}{name} ({r.chosen.why[lang]}, {money(r.chosen.cost)})"
            others = [c for c in r.candidates if c is not r.chosen]
            if others:
                alt = ", ".join(f"{c.id} {money(c.cost)}" for c in others[:4])
                more = f" (+{len(others) - 4})" if len(others) > 4 else ""
                line += f" ; {w['else']} {alt}{more}"
        else:
            line = f"  {label}{w['colon']}{w['no_replacement']}"
            manual = [c for c in r.candidates if not c.applicable]
            if manual:
                line += f" — {manual[0].why[lang]} : {manual[0].id}"
            elif not r.rejected:
                line += w["no_cover"] if h.booking is None else w["nobody"]
        out.append(line)
        for oid, f in r.rejected[:2] if r.chosen is None else ():
            out.append(f"      {oid} {w['ruled_out']}{w['colon']}{f.message(lang)}")
    out += [
        "",
        w["cost"].format(
            before=say_amount(result.cost_before, cur, lang),
            after=say_amount(result.cost_after, cur, lang),
            delta=money(result.cost_delta),
        ),
    ]
    return "\n".join(out) + "\n"


def _candidate_name(s: Schedule, c: Candidate) -> str:
    name: str | None
    if c.kind == "location":
        name = s.location_name(c.id)
    elif c.kind in ("person", "resource"):
        name = s.name(c.id)
    else:
        name = c.id
    return f" ({name})" if name and name != c.id else ""
