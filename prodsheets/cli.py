"""The command line: thin wrappers over the library (sqlite-utils style).

Heavy libraries are imported inside the commands that need them: every click on the
Excel button starts Python afresh, and ``prodsheets --help`` should be instant.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from prodsheets import __version__
from prodsheets.i18n.words import CLI

EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # as a shell reports a command stopped by SIGPIPE
# Shared: each click.Path looks up its translated name on disk when it is made (gettext).
PATH = click.Path(path_type=Path)
FOLDER = click.Path(path_type=Path, file_okay=False)


def _lang_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--lang",
        type=click.Choice(["fr", "en"]),
        default=None,
        help="Language of messages (default: the production's). / Langue des messages.",
    )(fn)


def _format_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="text for people, json for scripts and CI.",
    )(fn)


def _no_traceback(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A bug must still reach the user as a sentence and exit code 2, not a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("Interrompu. / Interrupted.", err=True)
            sys.exit(130)
        except BrokenPipeError:  # `prodsheets check … | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_BROKEN_PIPE)
        except OSError as exc:  # a file open in Excel, a read-only folder, a missing disk
            if os.environ.get("PRODSHEETS_DEBUG"):
                raise
            where = exc.filename or "?"
            reason = exc.strerror or type(exc).__name__
            click.echo(
                f"prodsheets: impossible de lire ou d'écrire {where} ({reason}) / "
                f"cannot read or write {where} ({reason}).\n"
                "Fermez-le s'il est ouvert dans Excel, ou vérifiez le dossier et ses droits. / "
                "Close it if it is open in Excel, or check the folder and its permissions.",
                err=True,
            )
            sys.exit(EXIT_USAGE)
        except Exception as exc:
            if os.environ.get("PRODSHEETS_DEBUG"):
                raise
            click.echo(
                f"prodsheets: erreur interne / internal error: {type(exc).__name__}: {exc}\n"
                "Relancez avec PRODSHEETS_DEBUG=1 et signalez-la. / "
                "Run again with PRODSHEETS_DEBUG=1 and report it.",
                err=True,
            )
            sys.exit(EXIT_USAGE)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="prodsheets")
def main() -> None:
    """prodsheets: check, reconcile and report on productions kept in Excel workbooks.

    Vérifie, rapproche et met en forme les productions tenues dans des classeurs Excel.
    """


@main.command()
@click.argument("productions", nargs=-1, required=True, type=PATH)
@_format_option
@_lang_option
@click.option(
    "--select", multiple=True, metavar="CODE", help="Only these codes, prefixes (PS1) or names."
)
@click.option(
    "--ignore", multiple=True, metavar="CODE", help="Leave out these codes, prefixes or names."
)
@click.option(
    "--annotate",
    "annotate_to",
    metavar="OUT",
    type=FOLDER,
    help="Write copies of the workbooks into OUT, problem cells coloured and commented.",
)
@_no_traceback
def check(
    productions: tuple[Path, ...],
    fmt: str,
    lang: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    annotate_to: Path | None,
) -> None:
    """Check one or several productions (folders or workbooks).

    With --annotate OUT, also writes copies of the .xlsx/.xlsm workbooks into OUT (never
    the originals), listed on stderr. Exit code: 0 no error, 1 errors found, 2 a
    production could not be read.
    """
    from prodsheets.pipeline import check as run_check
    from prodsheets.render.findings import finding_line, summary_line, to_json

    # A check builds millions of small objects and frees them when the process ends: the
    # cycle collector would only walk them again and again (a fifth of the time at 1M rows).
    gc.disable()

    chosen = [w for s in select for w in s.split(",") if w]
    left_out = [w for s in ignore for w in s.split(",") if w]
    _refuse_unknown_codes(chosen + left_out)
    result = run_check(
        list(productions),
        select=chosen,
        ignore=left_out,
    )
    lang = lang or result.language
    if fmt == "json":
        click.echo(json.dumps(to_json(result, lang), ensure_ascii=False, indent=2))
    else:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        for f in result.findings:
            click.echo(finding_line(f, lang, click.style if color else None), color=color)
        click.echo(summary_line(result, lang))
    if annotate_to is not None:
        _annotate(productions, result.findings, annotate_to, lang)
    sys.exit(result.exit_code)


def _annotate(productions: tuple[Path, ...], findings: list[Any], out: Path, lang: str) -> None:
    from prodsheets.excel.annotate import annotate
    from prodsheets.pipeline import file_prefixes

    several = len(productions) > 1
    prefixes = file_prefixes(productions) if several else [""] * len(productions)
    pairs = list(zip(productions, prefixes, strict=True))
    try:
        done = annotate(pairs, findings, out, lang)
    except ValueError as exc:
        click.echo(f"prodsheets: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    for note in done.notes:
        click.echo(note, err=True)
    for path in done.files:
        click.echo(str(path), err=True)


@main.command()
@click.argument("production", type=PATH)
@_format_option
@_lang_option
@_no_traceback
def reconcile(production: Path, fmt: str, lang: str | None) -> None:
    """Reconcile budget, schedule and actuals, line by line and chapter by chapter.

    Budget, planned (from the schedule), actual, remaining, estimate at completion and
    variance, the contingency used, and cash flow by week; amounts exact to the cent.
    Exit code: 0 no error, 1 errors found, 2 the production could not be read.
    """
    from prodsheets.pipeline import reconcile as run_reconcile
    from prodsheets.render.reconcile import render_text, to_json

    result = run_reconcile(production)
    lang = lang or result.language
    if fmt == "json":
        click.echo(json.dumps(to_json(result, lang), ensure_ascii=False, indent=2))
    else:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        width = max(shutil.get_terminal_size((132, 24)).columns, 100) if color else 132
        click.echo(render_text(result, lang, color=color, width=width), nl=False, color=color)
    sys.exit(result.exit_code)


@main.command()
@click.argument("production", type=PATH)
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=FOLDER,
    help="Folder to write the reports into. / Dossier où écrire les rapports.",
)
@_lang_option
@click.option("--no-pdf", is_flag=True, help="Skip the PDFs. / Sans les PDF.")
@_no_traceback
def report(production: Path, out: Path, lang: str | None, no_pdf: bool) -> None:
    """Write the reports: report.xlsx, report.html and .pdf, call sheets, calendars.

    OUT/report.xlsx, OUT/report.html, OUT/report.pdf, OUT/callsheets/<date>.html and
    .pdf (one a day), OUT/calendars/<id>.ics (one per crew member). Prints what it wrote.
    Exit code: 0 written (a missing PDF engine is a warning), 2 the production could not
    be read.
    """
    from prodsheets.pipeline import check as run_check
    from prodsheets.render.findings import finding_line
    from prodsheets.render.report.build import build
    from prodsheets.render.report.data import gather

    gc.disable()
    result = run_check([production])
    loaded = result.productions[0]
    if loaded.unreadable:
        for f in result.findings:
            click.echo(finding_line(f, lang or loaded.language, None), err=True)
        sys.exit(EXIT_USAGE)
    data = gather(result, lang)
    written = build(data, out, pdf=not no_pdf, progress=sys.stderr.isatty())
    for path in written.files:
        click.echo(str(path))
    for warning in written.warnings:
        click.echo(warning, err=True)


@main.command()
@click.argument("production", type=click.Path(path_type=Path, file_okay=False, exists=True))
@_lang_option
@click.option(
    "--force",
    is_flag=True,
    help="Overwrite the control workbook. / Écraser le classeur de contrôle.",
)
@_no_traceback
def excel(production: Path, lang: str | None, force: bool) -> None:
    """Write the control workbook (controle.xlsm / control.xlsm) into the PRODUCTION folder.

    A dashboard with a button ("Vérifier la production" / "Check production") that runs
    prodsheets through xlwings on the workbooks of the folder, and the small module the
    button imports (controle.py / control.py). Needs xlwings (pip install xlwings). Exit
    code: 0 written, 2 it exists already (--force overwrites) or xlwings is missing.
    """
    from prodsheets.excel.workbook import write_control
    from prodsheets.io import load_production

    loaded, _ = load_production(production)
    lang = lang or loaded.language
    from prodsheets.create import WorkbooksExist

    try:
        written = write_control(production, lang, title=loaded.title, force=force)
    except WorkbooksExist as exc:
        _refuse_overwrite(production, exc, lang)
    except ModuleNotFoundError:
        click.echo("prodsheets: xlwings manque / is missing: pip install xlwings", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(str(written.workbook))
    click.echo(str(written.module))
    click.echo(CLI[lang]["excel_next"].format(workbook=written.workbook.name))


def _refuse_overwrite(folder: Path, exc: Any, lang: str) -> NoReturn:
    """Files already there (new, excel): nothing is written without --force."""
    names = ", ".join(p.name for p in exc.paths)
    click.echo(CLI[lang]["exists"].format(folder=folder, names=names), err=True)
    sys.exit(EXIT_USAGE)


def _refuse_unknown_codes(words: list[str]) -> None:
    from prodsheets.catalogue import by_code_or_name

    unknown = [w for w in words if w and not by_code_or_name(w)]
    if unknown:
        raise click.BadParameter(
            f"code inconnu / unknown code: {', '.join(unknown)} (voir / see docs/findings.md)",
            param_hint="--select/--ignore",
        )


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    from prodsheets.contract.values import BadValue, parse_date

    try:
        return parse_date(value)
    except BadValue:
        raise click.BadParameter(
            f"« {value} » : date attendue / expected a date (31/12/2026)"
        ) from None


@main.command()
@click.argument("folder", type=FOLDER)
@click.option(
    "--kind",
    type=click.Choice(["film", "live", "festival", "exhibition", "other"]),
    default="film",
    show_default=True,
    help="Kind of production: sets the budget's chapters and the working-time rules.",
)
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    default="fr",
    show_default=True,
    help="Language of sheet and column names. / Langue des feuilles et colonnes.",
)
@click.option("--title", help="The production's title. / Titre de la production.")
@click.option("--start", callback=_date_option, help="First day (31/12/2026 or 2026-12-31).")
@click.option("--end", callback=_date_option, help="Last day (31/12/2026 or 2026-12-31).")
@click.option(
    "--force", is_flag=True, help="Overwrite existing workbooks. / Écraser les classeurs existants."
)
@_no_traceback
def new(
    folder: Path,
    kind: str,
    lang: str,
    title: str | None,
    start: Any,
    end: Any,
    force: bool,
) -> None:
    """Write budget.xlsx, crew.xlsx and schedule.xlsx from the templates into FOLDER."""
    from prodsheets.create import WorkbooksExist, write_production

    settings = {k: v for k, v in (("title", title), ("start", start), ("end", end)) if v}
    try:
        written = write_production(folder, kind=kind, lang=lang, settings=settings, force=force)
    except WorkbooksExist as exc:
        _refuse_overwrite(folder, exc, lang)
    for path in written:
        click.echo(str(path))
    click.echo(CLI[lang]["new_next"].format(folder=folder))


@main.command()
@click.argument("production", type=PATH)
@click.option("--absent", metavar="ID", help="A person (or resource) absent. / Absent(e).")
@click.option("--from", "start", callback=_date_option, help="First day of the absence.")
@click.option("--to", "end", callback=_date_option, help="Last day of the absence.")
@click.option("--lose-location", metavar="ID", help="A location lost. / Lieu perdu.")
@click.option("--lose-vendor", metavar="ID", help="A vendor lost: its resources too.")
@click.option("--rain", callback=_date_option, help="Rain on a day: every outdoor event.")
@click.option(
    "--apply",
    "apply_to",
    type=FOLDER,
    help="Write a copy of the schedule with the best plan into this folder.",
)
@_format_option
@_lang_option
@_no_traceback
def whatif(
    production: Path,
    absent: str | None,
    start: Any,
    end: Any,
    lose_location: str | None,
    lose_vendor: str | None,
    rain: Any,
    apply_to: Path | None,
    fmt: str,
    lang: str | None,
) -> None:
    """What is hit if someone is absent, a location or vendor is lost, or it rains.

    Lists the events and bookings hit, who or what could replace them (free, creating no
    new conflict, cheapest first) and what the best plan costs. The workbooks are never
    changed; --apply writes a modified copy elsewhere. Exit code: 0, or 2 when the
    production could not be read or the command was misused.
    """
    from prodsheets.pipeline import whatif as run_whatif
    from prodsheets.render.findings import finding_line
    from prodsheets.render.whatif import render_text, to_json
    from prodsheets.whatif import KINDS, Scenario, UnknownId
    from prodsheets.whatif.apply import apply_plan

    given = (absent, lose_location, lose_vendor, rain)  # in the order of KINDS
    chosen = [(kind, value) for kind, value in zip(KINDS, given, strict=True) if value is not None]
    if len(chosen) != 1:
        raise click.UsageError(
            "un scénario, et un seul / exactly one of --absent, --lose-location, "
            "--lose-vendor, --rain"
        )
    kind, value = chosen[0]
    if (start or end) and kind == "rain":
        raise click.UsageError("--from/--to ne vont pas avec / do not go with --rain")
    if kind == "rain":
        scenario = Scenario("rain", None, value, value)
    else:
        scenario = Scenario(kind, value, start, end)
    try:
        result = run_whatif(production, scenario)
    except UnknownId as exc:
        raise click.BadParameter(
            f"« {exc} » : identifiant inconnu / unknown id", param_hint=f"--{kind}"
        ) from None
    if result.plan is None:
        for f in result.findings:
            click.echo(finding_line(f, lang or result.language, None), err=True)
        sys.exit(EXIT_USAGE)
    lang = lang or result.language
    if fmt == "json":
        click.echo(json.dumps(to_json(result.plan, lang), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(result.plan, lang), nl=False)
    if apply_to is not None:
        try:
            written = apply_plan(result.plan, apply_to)
        except ValueError as exc:
            click.echo(f"prodsheets: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        for path in written:
            click.echo(str(path), err=fmt == "json")


if __name__ == "__main__":  # pragma: no cover
    main()
