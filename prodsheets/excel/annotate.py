"""``prodsheets check PROD --annotate OUT``: copies of the workbooks with their problems marked.

Each cell a finding points to is filled in the colour of its worst severity and carries
a comment (message and hint, in the production's language). The originals are only
read; copies are written into OUT, each through a temporary file renamed into place.
openpyxl writes .xlsx and .xlsm (with its VBA project kept); other formats are skipped
with a line saying so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prodsheets.findings import Finding, Location, Severity
from prodsheets.i18n.words import ANNOTATE
from prodsheets.io.write import load_copy, mark_cell, save_copy

WRITABLE = {".xlsx", ".xlsm"}
FILLS = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C", Severity.INFO: "DDEBF7"}
AUTHOR = "prodsheets"


@dataclass
class Annotated:
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one line per file skipped


def _workbooks(production_path: Path) -> list[Path]:
    from prodsheets.io.load import discover

    if production_path.is_dir():
        return discover(production_path)
    return [production_path] if production_path.is_file() else []


def cell_notes(
    findings: Iterable[Finding], lang: str
) -> dict[Path, dict[tuple[str, str], tuple[Severity, list[str]]]]:
    """file → (sheet, cell) → (worst severity, comment paragraphs), from every location."""
    out: dict[Path, dict[tuple[str, str], tuple[Severity, list[str]]]] = {}
    for f in findings:
        text = ANNOTATE[lang]["comment"].format(
            severity=f.level.label(lang),
            code=f.code.code,
            message=f.message(lang),
            hint=f.hint(lang),
        )
        seen: set[tuple[str, str, str]] = set()
        for loc in f.locations:
            key = _key(loc)
            if key is None or key in seen:
                continue
            seen.add(key)
            path, sheet, cell = key
            cells = out.setdefault(Path(path).resolve(), {})
            level, texts = cells.get((sheet, cell), (f.level, []))
            level = min(level, f.level, key=lambda s: s.rank)
            cells[(sheet, cell)] = (level, [*texts, text])
    return out


def _key(loc: Location) -> tuple[str, str, str] | None:
    if loc.path is None or loc.sheet is None or loc.cell is None:
        return None
    return (loc.path, loc.sheet, loc.cell)


def annotate(
    productions: Sequence[tuple[Path, str]], findings: Sequence[Finding], out: Path, lang: str
) -> Annotated:
    """Write annotated copies of each production's workbooks into ``out``.

    ``productions`` holds (path, prefix) pairs: with several productions each goes into
    its own subfolder of ``out`` (the prefix, ``film-a/``), as the findings name them.
    """

    done = Annotated()
    notes = cell_notes(findings, lang)
    # A workbook the check could not read (damaged, past the limits) is not handed to
    # openpyxl either: what cannot be read safely is read by no one.
    unread = {
        Path(loc.path).resolve(): f"{f.code.code} {f.code.title[lang]}"
        for f in findings
        if f.code.family == "PS0"
        for loc in f.locations[:1]
        if loc.path is not None
    }
    for production_path, prefix in productions:
        for source in _workbooks(production_path):
            target = out / prefix / source.name
            if target.resolve() == source.resolve():
                raise ValueError(
                    f"{out} : c'est le dossier de la production ; choisissez-en un autre. / "
                    f"{out} is the production's folder; choose another one."
                )
            if source.suffix.lower() not in WRITABLE:
                done.notes.append(_skipped(source, lang))
                continue
            if source.resolve() in unread:
                detail = unread[source.resolve()]
                done.notes.append(
                    ANNOTATE[lang]["unreadable"].format(name=source.name, detail=detail)
                )
                continue
            try:
                wb = load_copy(source)
            except Exception as exc:  # encrypted, damaged: check already said why
                done.notes.append(_unreadable(source, exc, lang))
                continue
            _mark(wb, notes.get(source.resolve(), {}))
            save_copy(wb, target)
            done.files.append(target)
    return done


def _mark(wb, cells: dict[tuple[str, str], tuple[Severity, list[str]]]) -> None:  # type: ignore[no-untyped-def]
    for (sheet, cell), (level, texts) in sorted(cells.items()):
        mark_cell(wb, sheet, cell, FILLS[level], "\n\n".join(texts), AUTHOR)


def _skipped(source: Path, lang: str) -> str:
    return ANNOTATE[lang]["skipped"].format(name=source.name)


def _unreadable(source: Path, exc: Exception, lang: str) -> str:
    detail = f"{type(exc).__name__}: {exc}"[:200]
    return ANNOTATE[lang]["unreadable"].format(name=source.name, detail=detail)
