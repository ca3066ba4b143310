"""``prodsheets report PROD -o OUT``: every report written into OUT, each file atomically.

Each file is written to a temporary file beside its target, then renamed into place, so
a reader never sees half a report and an interrupted run leaves the previous one whole.
Nothing is written anywhere but OUT. PDFs need WeasyPrint and its system libraries:
without them the other outputs are still written and a warning says why.

OUT keeps a snapshot of what was reported (``prodsheets-snapshot.json``, see
:mod:`prodsheets.diff.snapshot`), written last. The next report into the same OUT
compares the production with it: report.xlsx, HTML and PDF get a changes section, each
call sheet marks what changed that day, every person whose bookings changed gets a
notice (``notices/<id>.txt``; ``changes.json`` holds the whole diff as ``prodsheets diff
--format json`` gives it), and the calendars update the events they published before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from prodsheets.diff import capture, compare
from prodsheets.diff import snapshot as snapshots
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


SNAPSHOT_UNREADABLE = (
    "attention : {path} n'a pas pu être relu ({reason}) ; ce rapport ne dit pas ce qui a "
    "changé depuis le précédent, et le remplace. / "
    "warning: {path} could not be read back ({reason}); this report does not say what "
    "changed since the last one, and replaces it."
)
SNAPSHOT_OTHER = (
    "attention : le rapport précédent dans {out} est celui d'une autre production "
    "(« {title} ») ; ce rapport ne dit pas ce qui a changé et le remplace. / "
    "warning: the previous report in {out} is of another production (“{title}”); this "
    "report does not say what changed, and replaces it."
)


def previous_snapshot(out: Path) -> tuple[snapshots.Snapshot | None, str | None]:
    """The snapshot the last report left in ``out`` (None on a first report), and a warning
    when one is there but cannot be read."""
    path = out / snapshots.NAME
    if not path.is_file():
        return None, None
    try:
        return snapshots.from_json(json.loads(path.read_text(encoding="utf-8"))), None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return None, SNAPSHOT_UNREADABLE.format(path=path, reason=f"{exc}"[:200])


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
    from prodsheets.render import diff as said
    from prodsheets.render.report import calendar, callsheet, excel, html

    out.mkdir(parents=True, exist_ok=True)
    written = Written()

    def done(path: Path) -> None:
        written.files.append(path)
        if echo is not None:
            echo(path)

    now = dt.datetime.now().replace(microsecond=0)
    state = capture(report.production, report.schedule, report.reconciliation, report.findings)
    folder = str(report.production.path.resolve())
    previous, warning = previous_snapshot(out)
    if warning is not None:
        written.warnings.append(warning)
    if previous is not None and not previous.same_production(state, folder):
        written.warnings.append(SNAPSHOT_OTHER.format(out=out, title=previous.state.title))
        previous = None
    if previous is not None:
        report = dataclasses.replace(
            report, changes=compare(previous.state, state), since=previous.generated
        )
    prefix = previous.uid_prefix if previous is not None else report.slug
    if previous is not None:
        published = calendar.entries(state, prefix, previous.calendars, previous.state)
    else:
        published = calendar.entries(state, prefix)
    members = calendar.members(state, published)
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
        view = said.view(report.changes, report.lang) if report.changes is not None else None
        for day in report.days:
            target = out / "callsheets" / f"{day.date.isoformat()}.html"
            text = callsheet.render_callsheet(report, day, view)
            atomic_text(target, text)
            sheets.append((target, text))
            done(target)
            bar.step(target.name)

        taken: set[str] = set()
        for who in members:
            target = out / "calendars" / f"{safe_name(who, taken)}.ics"
            with atomic(target) as tmp:
                tmp.write_bytes(calendar.calendar_for(report, who, published))
            done(target)
            bar.step(target.name)

        if report.changes is not None:
            lang = report.lang
            since = said.since_text(report.since, lang) if report.since else None
            target = out / "changes.json"
            atomic_text(
                target,
                json.dumps(said.to_json(report.changes, lang), ensure_ascii=False, indent=2),
            )
            done(target)
            taken = set()
            kept: set[Path] = set()
            for notice in said.notices(report.changes, lang):
                target = out / "notices" / f"{safe_name(notice.who, taken)}.txt"
                atomic_text(target, said.notice_text(notice, report.title, lang, since))
                kept.add(target)
                done(target)
            # Notices of an earlier report are not this one's: nobody must send them again.
            for stale in sorted((out / "notices").glob("*.txt")):
                if stale not in kept:
                    stale.unlink()

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
        target = out / snapshots.NAME
        kept_snapshot = snapshots.Snapshot(state, now, folder, prefix, published)
        atomic_text(target, json.dumps(snapshots.to_json(kept_snapshot), ensure_ascii=False))
        done(target)
    finally:
        bar.close()
    return written
