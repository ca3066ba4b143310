"""The check pipeline: load → validate → findings, for one production or several.

The CLI, the Excel button and the tests all call :func:`check`; nothing here prints or
writes a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prodsheets.catalogue import by_code_or_name
from prodsheets.findings import Finding, Severity, summary
from prodsheets.io import load_production
from prodsheets.model import Production
from prodsheets.validate import validate

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


@dataclass(eq=False, repr=False)  # a container: by identity, never printed whole
class CheckResult:
    """What a check found, over one production or several."""

    productions: list[Production]
    findings: list[Finding] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.productions[0].language if self.productions else "en"

    @property
    def title(self) -> str:
        return " + ".join(p.title for p in self.productions)

    @property
    def summary(self) -> dict[str, int]:
        return summary(self.findings)

    @property
    def exit_code(self) -> int:
        return exit_code(self.productions, self.findings)


def exit_code(productions: Iterable[Production], findings: Iterable[Finding]) -> int:
    """2 when a production could not be read, 1 when an error was found, else 0."""
    if any(p.unreadable for p in productions):
        return EXIT_UNREADABLE
    if any(f.level is Severity.ERROR for f in findings):
        return EXIT_ERRORS
    return EXIT_OK


def select_findings(
    findings: Iterable[Finding], select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> list[Finding]:
    """Keep findings by code, code prefix (``PS1``) or name, as a linter's --select/--ignore."""
    chosen = {c.code for word in select for c in by_code_or_name(word)} if select else None
    dropped = {c.code for word in ignore for c in by_code_or_name(word)}
    return [
        f
        for f in findings
        if (chosen is None or f.code.code in chosen) and f.code.code not in dropped
    ]


def check(
    paths: Sequence[Path], select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> CheckResult:
    productions: list[Production] = []
    findings: list[Finding] = []
    several = len(paths) > 1
    for path in paths:
        production, problems = load_production(path, prefix=_prefix(path) if several else "")
        productions.append(production)
        findings += problems
        if not production.unreadable:
            findings += validate(production)
    if several:
        from prodsheets.conflicts import across_productions

        findings += across_productions(productions)
    findings = select_findings(findings, select, ignore)
    findings.sort(key=Finding.sort_key)
    return CheckResult(productions, findings)


def _prefix(path: Path) -> str:
    """With several productions, files are named with their folder: ``film-a/schedule.xlsx``."""
    folder = path if path.is_dir() else path.parent
    return f"{folder.resolve().name}/"
