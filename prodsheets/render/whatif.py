"""A what-if's plan rendered: text for people, JSON for scripts (design section 5)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

from prodsheets.i18n import plural
from prodsheets.i18n.formats import money as say_amount
from prodsheets.i18n.words import WHATIF
from prodsheets.money import decimal_text, exact
from prodsheets.schedule.intervals import Schedule
from prodsheets.whatif.plan import Candidate, Hit, Replacement, WhatIf, vendor_contact, vendor_name


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
                    {
                        "id": x.id,
                        "code": x.finding.code.code if x.finding is not None else None,
                        "reason": x.reason[lang],
                        "already_on": x.already_on,
                    }
                    for x in r.rejected
                ],
            }
            for r in result.replacements
        ],
        "uncovered": [
            {"event": s.event_id(r.hit.event), "who": r.hit.who} for r in result.uncovered
        ],
        "uncovered_cost": decimal_text(result.uncovered_cost),
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

    def others(r: Replacement, shown: Candidate) -> str:
        rest = [c for c in r.candidates if c is not shown and c.applicable]
        if not rest:
            return ""
        alt = ", ".join(
            f"{c.id} ({c.why[lang]})" if c.kind == "location" else f"{c.id} {money(c.cost)}"
            for c in rest[:4]
        )
        more = f" (+{len(rest) - 4})" if len(rest) > 4 else ""
        return f" ; {w['else']} {alt}{more}"

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
        manual = r.by_hand
        if r.chosen is not None:
            c = r.chosen
            name = _candidate_name(result, c)
            line = f"  {label} → {c.id}{name} ({c.why[lang]}, {money(c.cost)}){others(r, c)}"
        elif manual is not None and manual.kind == "vendor":
            cost = w["at_rate"].format(cost=money(manual.cost))
            line = f"  {label}{w['colon']}{manual.why[lang]} ({cost})"
        elif manual is not None:
            name = _candidate_name(result, manual)
            line = f"  {label}{w['colon']}{manual.id}{name} ({manual.why[lang]})"
            line += others(r, manual)
        else:
            line = f"  {label}{w['colon']}{w['no_replacement']}"
            if not r.rejected:
                line += _why_nobody(result, h, w)
        out.append(line)
        for x in r.rejected[:2] if r.chosen is None and manual is None else ():
            out.append(f"      {x.id} {w['ruled_out']}{w['colon']}{x.reason[lang]}")
    out += _uncovered(result, lang, money)
    out += [
        "",
        w["cost"].format(
            before=say_amount(result.cost_before, cur, lang),
            after=say_amount(result.cost_after, cur, lang),
            delta=money(result.cost_delta),
        ),
    ]
    return "\n".join(out) + "\n"


def _why_nobody(result: WhatIf, h: Hit, w: dict[str, str]) -> str:
    s = result.analyses.schedule
    if h.booking is None:
        return w["no_cover"]
    if h.who in s.people:
        return w["nobody"]
    table = result.production.table("resources")
    i = s.resources.get(str(h.who))
    if table is not None and i is not None and not table.col("kind")[i]:
        return w["no_kind"]
    return w["nothing_alike"]


def _uncovered(result: WhatIf, lang: str, money: Any) -> list[str]:
    """What stays to cover, what it costs, and whom to call."""
    w, s = WHATIF[lang], result.analyses.schedule
    open_bookings = [r for r in result.uncovered if r.hit.booking is not None]
    open_events = [r for r in result.uncovered if r.hit.booking is None]
    if not open_bookings and not open_events:
        return []
    out = [""]
    if open_bookings:
        count = plural(len(open_bookings), w["booking"], lang)
        tally = Counter(str(r.hit.who) for r in open_bookings)
        count += " (" + ", ".join(f"{k} × {n}" for k, n in tally.items()) + ")"
        cost = say_amount(result.uncovered_cost, result.currency, lang)
        out.append(w["uncovered"].format(count=count, cost=cost))
    if open_events:
        ids = [s.event_id(r.hit.event) for r in open_events]
        out.append(w["uncovered_events"].format(events=", ".join(ids)))
    calls: dict[str, Counter[str]] = {}
    for r in open_bookings:
        ask = r.by_hand
        if ask is not None and ask.kind == "vendor":
            calls.setdefault(ask.id, Counter())[str(r.hit.who)] += 1
    for vendor, tally in calls.items():
        what = ", ".join(f"{k} × {n}" for k, n in tally.items())
        out.append(w["call"].format(contact=vendor_contact(result.production, vendor), what=what))
    return out


def _candidate_name(result: WhatIf, c: Candidate) -> str:
    s: Schedule = result.analyses.schedule
    name: str | None
    if c.kind == "location":
        name = s.location_name(c.id)
    elif c.kind in ("person", "resource"):
        name = s.name(c.id)
    elif c.kind == "vendor":
        name = vendor_name(result.production, c.id).removesuffix(f" ({c.id})")
    else:  # a cover event: its title
        e = s.events.index.get(c.id)
        table = s.events.table
        name = str(table.col("title")[e] or "") if e is not None and table is not None else ""
    return f" ({name})" if name and name != c.id else ""
