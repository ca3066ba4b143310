"""The risk register as producers read it: a probability × impact matrix and the top risks.

Pure data from the Risks sheet; the HTML and Excel reports draw it.
"""

from __future__ import annotations

from dataclasses import dataclass

from prodsheets.model import Production

SCALE = range(1, 6)


@dataclass(frozen=True)
class Risk:
    id: str
    risk: str
    probability: int
    impact: int
    owner: str
    mitigation: str
    backup_plan: str
    row: int

    @property
    def score(self) -> int:
        return self.probability * self.impact


def level(score: int) -> str:
    """Low (1-4), medium (5-9), high (10-14) or critical (15-25): the usual 5×5 bands."""
    return (
        "critical" if score >= 15 else "high" if score >= 10 else "medium" if score >= 5 else "low"
    )


def scored_risks(production: Production) -> list[Risk]:
    """Risks with a probability and an impact from 1 to 5, highest score first."""
    table = production.table("risks")
    if table is None:
        return []
    crew = production.table("crew")
    names = (
        {str(k): (crew.col("name")[i] or k) for k, i in production.ids("crew").items()}
        if crew
        else {}
    )
    out = []
    for i, rid, text, p, impact, owner, mitigation, plan in table.records(
        "id", "risk", "probability", "impact", "owner", "mitigation", "backup_plan"
    ):
        if rid is None or p is None or impact is None or not (1 <= p <= 5 and 1 <= impact <= 5):
            continue
        out.append(
            Risk(
                str(rid),
                str(text or ""),
                int(p),
                int(impact),
                str(names.get(str(owner), owner or "")),
                str(mitigation or ""),
                str(plan or ""),
                table.rows[i],
            )
        )
    return sorted(out, key=lambda r: (-r.score, r.id))


def matrix(risks: list[Risk]) -> list[tuple[int, list[tuple[int, str, list[str]]]]]:
    """Rows from probability 5 down to 1; in each, (impact, level, risk ids) for impact 1-5."""
    cells: dict[tuple[int, int], list[str]] = {}
    for r in risks:
        cells.setdefault((r.probability, r.impact), []).append(r.id)
    return [(p, [(i, level(p * i), cells.get((p, i), [])) for i in SCALE]) for p in reversed(SCALE)]
