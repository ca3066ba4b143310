"""``prodsheets report PROD -o OUT``: every report written into OUT, each file atomically.

Each file is written to a temporary file beside its target, then renamed into place, so
a reader never sees half a report and an interrupted run leaves the previous one whole.
Nothing is written anywhere but OUT. PDFs need WeasyPrint and its system libraries:
without them the other outputs are still written and a warning says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from prodsheets.io.write import atomic, atomic_text, safe_name
from prodsheets.money import exact
from prodsheets.render.report.data import Report


@dataclass
class Written:
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


PDF_MISSING = (
    "attention : PDF non écrits, WeasyPrint ou ses bibliothèques système manquent ({reason}) ; "
    "les autres fichiers sont écrits. Installez-les : pip install weasyprint, et Pango "
    "(apt-get install libpango-1.0-0 libpangoft2-1.0-0). / "
    "warning: PDFs not written, WeasyPrint or its system libraries are missing ({reason}); "
    "the other files were written. Install them: pip install weasyprint, and Pango "
    "(apt-get install libpango-1.0-0 libpangoft2-1.0-0)."
)


class _Progress:
    """A rich progress bar on a terminal when there is much to write; silent otherwise."""

    def __init__(self, total: int, show: bool) -> None:
        self.bar = None
        if show and total > 12:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("prodsheets report", total=total)

    def step(self, what: str) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=what)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@exact
def build(
    report: Report,
    out: Path,
    pdf: bool = True,
    progress: bool = False,
    echo: Callable[[Path], None] | None = None,
) -> Written:
    """Write every report of ``report`` into ``out``; return what was written."""
    from prodsheets.render.report import calendar, callsheet, excel, html

    out.mkdir(parents=True, exist_ok=True)
    written = Written()

    def done(path: Path) -> None:
        written.files.append(path)
        if echo is not None:
            echo(path)

    members = calendar.members(report)
    total = 2 + len(report.days) + len(members) + (1 + len(report.days) if pdf else 0)
    bar = _Progress(total, progress)
    try:
        target = out / "report.xlsx"
        with atomic(target) as tmp:
            excel.write_excel(report, tmp, out)
        done(target)
        bar.step("report.xlsx")

        page = html.render_report(report, out)
        target = out / "report.html"
        atomic_text(target, page)
        done(target)
        bar.step("report.html")

        sheets: list[tuple[Path, str]] = []
        for day in report.days:
            target = out / "callsheets" / f"{day.date.isoformat()}.html"
            text = callsheet.render_callsheet(report, day)
            atomic_text(target, text)
            sheets.append((target, text))
            done(target)
            bar.step(target.name)

        taken: set[str] = set()
        for who in members:
            target = out / "calendars" / f"{safe_name(who, taken)}.ics"
            with atomic(target) as tmp:
                tmp.write_bytes(calendar.calendar_for(report, who))
            done(target)
            bar.step(target.name)

        if pdf:
            from prodsheets.render.report import pdf as pdfs

            reason = pdfs.missing()
            if reason is not None:
                written.warnings.append(PDF_MISSING.format(reason=reason))
            else:
                target = out / "report.pdf"
                with atomic(target) as tmp:
                    pdfs.write_pdf(html.render_report(report, out, for_print=True), tmp)
                done(target)
                bar.step("report.pdf")
                for page_path, text in sheets:
                    target = page_path.with_suffix(".pdf")
                    with atomic(target) as tmp:
                        pdfs.write_pdf(text, tmp)
                    done(target)
                    bar.step(target.name)
    finally:
        bar.close()
    return written
