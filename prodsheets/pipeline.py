"""The pipeline: read → check → result, for `check`, `reconcile`, `whatif` and `diff`.

The CLI, the Excel button and the tests all call these; nothing here prints or writes a
file. Each command's result shares one base (:class:`Result`): its productions, its
findings, the language, a title, a summary and the exit code. Renderers
(:mod:`prodsheets.render`) receive results and never recompute them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from prodsheets.analyses import Analyses
from prodsheets.catalogue import CODES, by_code_or_name
from prodsheets.findings import Finding, Severity, group_repeats, summary
from prodsheets.io import load_production
from prodsheets.model import Production
from prodsheets.money import exact

if TYPE_CHECKING:
    from prodsheets.checks.base import Check
    from prodsheets.costs.hot import HotCosts
    from prodsheets.costs.reconcile import Reconciliation
    from prodsheets.diff import Diff
    from prodsheets.whatif.plan import Scenario, WhatIf

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2
# `reconcile` says what bears on money: reading, tables and values (PS0, PS1), the
# budget's own arithmetic (PS2) and costs (PS4). Conflicts and working time stay with `check`.
MONEY_FAMILIES = ("PS0", "PS1", "PS2", "PS4")


def exit_code(productions: Iterable[Production], findings: Iterable[Finding]) -> int:
    """2 when a production could not be read, 1 when an error was found, else 0."""
    if any(p.unreadable for p in productions):
        return EXIT_UNREADABLE
    if any(f.level is Severity.ERROR for f in findings):
        return EXIT_ERRORS
    return EXIT_OK


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class Result:
    """What a command found, over one production or several."""

    productions: list[Production]
    findings: list[Finding] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.productions[0].language if self.productions else "en"

    @property
    def stated_language(self) -> str | None:
        """The first production's own language, None when it could not be read at all."""
        return self.productions[0].stated_language if self.productions else None

    @property
    def title(self) -> str:
        return " + ".join(p.title for p in self.productions)

    @property
    def summary(self) -> dict[str, int]:
        return summary(self.findings)

    @property
    def exit_code(self) -> int:
        return exit_code(self.productions, self.findings)

    @property
    def unreadable(self) -> bool:
        return any(p.unreadable for p in self.productions)


@dataclass(eq=False, repr=False)
class CheckResult(Result):
    """`prodsheets check`: the findings, and each production's analyses (for the reports)."""

    analyses: list[Analyses] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class ReconcileResult(Result):
    """`prodsheets reconcile`: the money findings and the reconciliation."""

    reconciliation: Reconciliation | None = None  # None when the production could not be read
    hot_costs: HotCosts | None = None  # each day with hours reported: planned and as worked

    @property
    def production(self) -> Production:
        return self.productions[0]


@dataclass(eq=False, repr=False)
class WhatIfResult(Result):
    """`prodsheets whatif`: what the scenario hits and the plan (None when unreadable)."""

    plan: WhatIf | None = None


@dataclass(eq=False, repr=False)
class DiffResult(Result):
    """`prodsheets diff`: two versions, and what changed (None when one could not be read)."""

    diff: Diff | None = None

    @property
    def exit_code(self) -> int:
        """2 when a version could not be read, 1 when something changed, 0 when nothing did."""
        if self.unreadable or self.diff is None:
            return EXIT_UNREADABLE
        return EXIT_OK if self.diff.empty else EXIT_ERRORS


# --- which checks run ------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """The codes a run says, from ``--select``/``--ignore`` words (codes, prefixes, names)."""

    codes: frozenset[str]

    @classmethod
    def of(cls, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> Selection:
        chosen = {c.code for w in select for c in by_code_or_name(w)} if select else set(CODES)
        dropped = {c.code for w in ignore for c in by_code_or_name(w)}
        return cls(frozenset(chosen - dropped))

    @classmethod
    def families(cls, *prefixes: str) -> Selection:
        return cls(frozenset(c for c in CODES if c.startswith(prefixes)))

    def runs(self, check: Check) -> bool:
        """A check runs when one of its codes is wanted."""
        return any(c.code in self.codes for c in check.codes)

    def keep(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if f.code.code in self.codes]


def run_checks(a: Analyses, checks: Sequence[Check], selection: Selection) -> list[Finding]:
    """The findings of the checks the selection wants, on one production."""
    found: list[Finding] = []
    for check in checks:
        if selection.runs(check):
            found.extend(check.run(a))
    return selection.keep(found)


# --- the commands ---------------------------------------------------------------------


@exact
def check(
    paths: Sequence[Path], select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> CheckResult:
    """`prodsheets check`: read each production, run the checks, and across them."""
    return check_read([(Analyses(p), problems) for p, problems in read(paths)], select, ignore)


@exact
def read(paths: Sequence[Path]) -> list[tuple[Production, list[Finding]]]:
    """Each production read, with what reading it found; with several, each file is named
    with as many of its folders as tell it apart (``film-a/schedule.xlsx``), as `check`
    names them."""
    prefixes = file_prefixes(paths) if len(paths) > 1 else [""] * len(paths)
    return [load_production(path, prefix=pre) for path, pre in zip(paths, prefixes, strict=True)]


@exact
def check_read(
    read: Sequence[tuple[Analyses, Sequence[Finding]]],
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> CheckResult:
    """`check` over productions already read: each one's analyses and what reading it found
    (``load_production``'s problems). With several, people and resources across them too."""
    from prodsheets.checks import ACROSS, CHECKS

    selection = Selection.of(select, ignore)
    analyses = [a for a, _ in read]
    findings: list[Finding] = []
    for a, problems in read:
        findings += selection.keep(problems)
        if not a.production.unreadable:
            findings += run_checks(a, CHECKS, selection)
    if len(read) > 1 and any(c.code in selection.codes for c in ACROSS.codes):
        findings += selection.keep(ACROSS.run(analyses))
    findings.sort(key=Finding.sort_key)
    return CheckResult([a.production for a in analyses], group_repeats(findings), analyses)


@exact
def reconcile(path: Path) -> ReconcileResult:
    """`prodsheets reconcile`: read a production, reconcile its costs, say what bears on money."""
    production, problems = load_production(path)
    return reconcile_read(Analyses(production), problems)


@exact
def reconcile_read(a: Analyses, problems: Sequence[Finding]) -> ReconcileResult:
    """`reconcile` over a production already read, with what reading it found."""
    from prodsheets.checks import CHECKS

    findings = list(problems)
    rec = hot = None
    if not a.production.unreadable:
        findings += run_checks(a, CHECKS, Selection.families(*MONEY_FAMILIES))
        rec, hot = a.reconciliation, a.hot_costs
    findings.sort(key=Finding.sort_key)
    return ReconcileResult([a.production], group_repeats(findings), rec, hot)


@exact
def whatif(path: Path, scenario: Scenario) -> WhatIfResult:
    """`prodsheets whatif`: what a scenario hits and the best plan (raises UnknownId)."""
    production, problems = load_production(path)
    return whatif_read(Analyses(production), problems, scenario)


@exact
def whatif_read(a: Analyses, problems: Sequence[Finding], scenario: Scenario) -> WhatIfResult:
    """`whatif` over a production already read, with what reading it found (raises UnknownId)."""
    from prodsheets.whatif.plan import what_if

    if a.production.unreadable:
        return WhatIfResult([a.production], list(problems))
    return WhatIfResult([a.production], [], what_if(a, scenario))


def diff(old: Path, new: Path) -> DiffResult:
    """`prodsheets diff`: each version read and checked on its own, then compared."""
    from prodsheets.diff import capture, compare

    results = [check([old]), check([new])]
    productions = [r.productions[0] for r in results]
    if any(p.unreadable for p in productions):
        findings = [f for r in results if r.unreadable for f in r.findings]
        return DiffResult(productions, findings)
    states = [
        capture(p, a.schedule, a.reconciliation, r.findings)
        for r in results
        for p, a in zip(r.productions, r.analyses, strict=True)
    ]
    return DiffResult(productions, [], compare(*states))


def file_prefix(path: Path) -> str:
    """With several productions, files are named with their folder: ``film-a/schedule.xlsx``."""
    return file_prefixes([path])[0]


def file_prefixes(paths: Sequence[Path]) -> list[str]:
    """Each production's prefix: its folder's name, with as many parent folders as needed to
    tell two folders apart (``2025/film/`` and ``2026/film/``); workbooks of one folder share
    it, and the same production given twice gets ``film-2/``."""
    folders = [(p if p.is_dir() else p.parent).resolve() for p in paths]
    distinct = sorted(set(folders))
    depth = 1
    while len({f.parts[-depth:] for f in distinct}) < len(distinct):
        depth += 1
    names = ["/".join(f.parts[-depth:]).lstrip("/") or "production" for f in folders]
    seen: dict[Path, int] = {}
    prefixes = []
    for path, name in zip(paths, names, strict=True):
        key = path.resolve()
        seen[key] = seen.get(key, 0) + 1
        prefixes.append(f"{name}/" if seen[key] == 1 else f"{name}-{seen[key]}/")
    return prefixes


@exact
def check_production(
    production: Production, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> list[Finding]:
    """Every check on a production already read (or built in memory), findings in order."""
    from prodsheets.checks import CHECKS

    found = run_checks(Analyses(production), CHECKS, Selection.of(select, ignore))
    found.sort(key=Finding.sort_key)
    return found
