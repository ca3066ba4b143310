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


def _lang_option(what: str = "messages") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--lang``, saying what it sets: the messages, or the files a command writes."""
    helps = {
        "messages": "Language of the messages (default: the production's). / Langue des "
        "messages (par défaut : celle de la production).",
        "reports": "Language of the reports and call sheets (default: the production's). / "
        "Langue des rapports et feuilles de service (par défaut : celle de la production).",
        "control": "Language of the control workbook, its button and its messages (default: the "
        "production's). / Langue du classeur de contrôle, de son bouton et de ses messages.",
        "list": "Language of the list (default: your system's). / Langue de la liste (par "
        "défaut : celle du système).",
        "mails": "Language of the messages and call sheets (default: the production's). / "
        "Langue des messages et feuilles de service (par défaut : celle de la production).",
    }
    return click.option("--lang", type=click.Choice(["fr", "en"]), default=None, help=helps[what])


def _format_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="text for people, json for scripts and CI. / text pour les personnes, json pour "
        "les scripts.",
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


def languages(given: str | None, stated: str | None = None) -> tuple[str, ...]:
    """The languages to speak in: ``--lang``, else the production's own, else the user's
    locale (LC_ALL, LC_MESSAGES, LANG), else both, French first."""
    if given:
        return (given,)
    if stated:
        return (stated,)
    from prodsheets.i18n import guess_language

    found = guess_language()
    return (found,) if found else ("fr", "en")


def _argv_language(args: list[str]) -> str | None:
    """``--lang`` as typed, before click has read it (a usage error comes first)."""
    for n, arg in enumerate(args):
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in ("fr", "en") else None
        if arg == "--lang" and n + 1 < len(args) and args[n + 1] in ("fr", "en"):
            return args[n + 1]
    return None


def _said_in(message: str, lang: str) -> str:
    if lang == "en":
        return message
    import re

    from prodsheets.i18n.words import CLICK_FR

    for pattern, french in CLICK_FR:
        if re.match(pattern, message):
            return re.sub(pattern, french, message)
    return message


class _Group(click.Group):
    """The command group, saying click's own usage errors in the user's language."""

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        argv = list(sys.argv[1:] if args is None else args)
        extra["standalone_mode"] = False
        try:
            done = super().main(argv, prog_name, **extra)
        except click.exceptions.Abort:
            from prodsheets.i18n.words import CLICK

            for lang in languages(_argv_language(argv)):
                click.echo(CLICK[lang]["aborted"], err=True)
            sys.exit(1)
        except click.exceptions.UsageError as exc:
            _show_usage_error(exc, languages(_argv_language(argv)))
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            for lang in languages(_argv_language(argv)):
                click.echo(_said_in(exc.format_message(), lang), err=True)
            sys.exit(exc.exit_code)
        sys.exit(done if isinstance(done, int) else 0)


def _show_usage_error(exc: click.exceptions.UsageError, langs: tuple[str, ...]) -> None:
    from prodsheets.i18n.words import CLICK

    ctx = exc.ctx
    message = exc.format_message()
    for n, lang in enumerate(langs):
        words = CLICK[lang]
        if n:
            click.echo("", err=True)
        if ctx is not None:
            usage = ctx.get_usage().replace("Usage:", words["usage"], 1)
            click.echo(usage, err=True)
            if ctx.command.get_help_option(ctx) is not None:
                click.echo(words["try"].format(command=ctx.command_path), err=True)
            click.echo("", err=True)
        click.echo(words["error"].format(message=_said_in(message, lang)), err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="prodsheets")
def main() -> None:
    """prodsheets: check, reconcile and report on productions kept in Excel workbooks.

    Vérifie, rapproche et met en forme les productions tenues dans des classeurs Excel.
    """


@main.command(short_help="Check productions for mistakes. / Vérifie les productions.")
@click.argument("productions", nargs=-1, required=True, type=PATH)
@_format_option
@_lang_option()
@click.option(
    "--select",
    multiple=True,
    metavar="CODE",
    help="Only these codes, prefixes (PS1) or names; repeat it or separate with commas "
    "(--select PS1,PS3 --select travel-time); `prodsheets codes` lists them. / Seulement ces "
    "codes, préfixes ou noms ; à répéter ou séparés par des virgules.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODE",
    help="Leave out these codes, prefixes or names; repeat it or separate with commas. / Sans "
    "ces codes, préfixes ou noms ; à répéter ou séparés par des virgules.",
)
@click.option(
    "--annotate",
    "annotate_to",
    metavar="OUT",
    type=FOLDER,
    help="Write copies of the workbooks into OUT, problem cells coloured and commented. / "
    "Copies des classeurs dans OUT, cellules en cause colorées et commentées.",
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
    langs = languages(lang, result.stated_language)
    lang = langs[0] if len(langs) == 1 else "en"  # JSON and copies speak one language
    if fmt == "json":
        click.echo(json.dumps(to_json(result, lang), ensure_ascii=False, indent=2))
    else:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        for f in result.findings:
            for said in langs:
                click.echo(finding_line(f, said, click.style if color else None), color=color)
        for said in langs:
            click.echo(summary_line(result, said))
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


@main.command(short_help="Reconcile the costs. / Rapproche devis, prévu et réel.")
@click.argument("production", type=PATH)
@_format_option
@_lang_option()
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
    langs = languages(lang, result.stated_language)
    lang = langs[0]
    if result.reconciliation is None and fmt != "json":
        from prodsheets.render.findings import finding_line

        for f in result.findings:
            for said in langs:
                click.echo(finding_line(f, said, None))
        sys.exit(result.exit_code)
    if fmt == "json":
        click.echo(json.dumps(to_json(result, lang), ensure_ascii=False, indent=2))
    else:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        width = max(shutil.get_terminal_size((132, 24)).columns, 100) if color else 132
        click.echo(render_text(result, lang, color=color, width=width), nl=False, color=color)
    sys.exit(result.exit_code)


@main.command(short_help="Reports and call sheets. / Rapports et feuilles de service.")
@click.argument("production", type=PATH)
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=FOLDER,
    help="Folder to write the reports into. / Dossier où écrire les rapports.",
)
@_lang_option("reports")
@click.option("--no-pdf", is_flag=True, help="Skip the PDFs. / Sans les PDF.")
@_no_traceback
def report(production: Path, out: Path, lang: str | None, no_pdf: bool) -> None:
    """Write the reports: report.xlsx, report.html and .pdf, call sheets, calendars.

    OUT/report.xlsx, OUT/report.html, OUT/report.pdf, OUT/callsheets/<date>.html and
    .pdf (one a day), OUT/calendars/<id>.ics (one per crew member), and
    OUT/prodsheets-snapshot.json, what was reported. The next report into the same OUT
    says what changed since: a changes section, each day's call sheet marked,
    OUT/notices/<id>.txt for each person whose bookings changed, OUT/changes.json; its
    calendars update the events already imported (same UID, higher SEQUENCE, removed
    bookings cancelled). Prints what it wrote. Exit code: 0 written (a missing PDF engine
    is a warning), 2 the production could not be read.
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
            for said in languages(lang, result.stated_language):
                click.echo(finding_line(f, said, None), err=True)
        sys.exit(EXIT_USAGE)
    data = gather(result, lang)
    written = build(data, out, pdf=not no_pdf, progress=sys.stderr.isatty())
    for path in written.files:
        click.echo(str(path))
    for warning in written.warnings:
        click.echo(warning, err=True)


@main.command(short_help="Changes between two versions. / Écarts entre deux versions.")
@click.argument("old", type=PATH)
@click.argument("new", type=PATH)
@_format_option
@_lang_option()
@_no_traceback
def diff(old: Path, new: Path, fmt: str, lang: str | None) -> None:
    """What changed from OLD to NEW, two versions of a production (folders or workbooks).

    Events added, removed, moved or changed; bookings (known by their event and who, not
    their row) added, removed, replaced or moved; people, resources, locations, vendors,
    budget lines and expenses added, removed or changed; findings that appeared or were
    resolved; planned cost and estimate at completion before and after. Rows inserted or
    sorted are not changes. Text by day then person; --format json for scripts. Exit
    code: 0 nothing changed, 1 something changed, 2 a version could not be read.
    """
    from prodsheets.pipeline import diff as run_diff
    from prodsheets.render.diff import render_text, to_json
    from prodsheets.render.findings import finding_line

    gc.disable()
    result = run_diff(old, new)
    langs = languages(lang, result.productions[-1].stated_language)
    lang = langs[0]
    if result.diff is None:
        for f in result.findings:
            for said in langs:
                click.echo(finding_line(f, said, None), err=True)
        sys.exit(result.exit_code)
    if fmt == "json":
        click.echo(json.dumps(to_json(result.diff, lang), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(result.diff, lang), nl=False)
    sys.exit(result.exit_code)


@main.command(short_help="Call sheet messages of a day. / Messages de la feuille de service.")
@click.argument("production", type=PATH)
@click.option(
    "--date",
    "day",
    required=True,
    callback=lambda c, p, v: _date_option(c, p, v),
    help="The day (31/12/2026 or 2026-12-31). / Le jour.",
)
@click.option(
    "-o",
    "--output",
    "out",
    type=FOLDER,
    help="Folder for the .eml files and sent.json (default: mails-<date>). / Dossier des .eml.",
)
@click.option(
    "--smtp",
    metavar="HOST[:PORT]",
    help="Also send them through this SMTP server. / Les envoyer aussi par ce serveur SMTP.",
)
@click.option(
    "--from",
    "sender",
    metavar="ADDRESS",
    help="The sender's address (needed with --smtp). / L'adresse d'envoi (avec --smtp).",
)
@click.option(
    "--user",
    metavar="LOGIN",
    help="SMTP login (default: the sender). / Identifiant SMTP (par défaut : l'expéditeur).",
)
@click.option(
    "--ssl",
    is_flag=True,
    help="TLS from the start (port 465); else STARTTLS if offered. / TLS dès le début (465).",
)
@_lang_option("mails")
@_no_traceback
def send(
    production: Path,
    day: Any,
    out: Path | None,
    smtp: str | None,
    sender: str | None,
    user: str | None,
    ssl: bool,
    lang: str | None,
) -> None:
    """Each person called on --date gets their message with the call sheet attached.

    Their own lines (call, HMC, ready, wrap, events and places), the general call, parking
    and the nearest hospital, and the call sheet's PDF. Written as OUT/<id>.eml (open them
    in any mail client) with OUT/sent.json; with --smtp HOST[:PORT] and --from, also sent,
    the password read from the environment variable PRODSHEETS_SMTP_PASSWORD (never typed
    on the command line). People without an email address in Crew are listed on stderr.
    Exit code: 0 written (and sent), 2 the production could not be read, nobody is called
    that day, or the server refused.
    """
    from prodsheets.i18n.formats import date as date_text
    from prodsheets.i18n.words import MAIL
    from prodsheets.pipeline import check as run_check
    from prodsheets.render.findings import finding_line
    from prodsheets.render.report.data import gather
    from prodsheets.send.deliver import PASSWORD_VARIABLE, send_smtp, write_eml
    from prodsheets.send.messages import build_sending

    result = run_check([production])
    loaded = result.productions[0]
    lang = lang or loaded.language
    if loaded.unreadable:
        for f in result.findings:
            click.echo(finding_line(f, lang, None), err=True)
        sys.exit(EXIT_USAGE)
    words = MAIL[lang]
    if smtp and not sender:
        raise click.UsageError(words["no_sender"])
    data = gather(result, lang)
    found = next((d for d in data.days if d.date == day and d.calls), None)
    if found is None:
        click.echo(words["nobody"].format(day=date_text(day, lang, "full")), err=True)
        sys.exit(EXIT_USAGE)
    attachment = _callsheet_attachment(data, found, words)
    sending = build_sending(data, found, attachment, sender)
    folder = out if out is not None else Path(f"mails-{day.isoformat()}")
    for path in write_eml(sending, folder, data.title):
        click.echo(str(path))
    for call in sending.no_address:
        click.echo(words["no_address"].format(name=call.name, id=call.who), err=True)
    if smtp and sender:
        import smtplib

        password = os.environ.get(PASSWORD_VARIABLE) or None
        try:
            send_smtp(
                sending,
                smtp,
                sender,
                user=user,
                password=password,
                ssl=ssl,
                done=lambda address: click.echo(words["sent"].format(address=address)),
            )
        except (smtplib.SMTPException, OSError) as exc:
            click.echo(words["smtp_failed"].format(server=smtp, reason=exc), err=True)
            sys.exit(EXIT_USAGE)


def _callsheet_attachment(data: Any, day: Any, words: dict[str, str]) -> Any:
    """The day's call sheet as a PDF, or as HTML when WeasyPrint cannot run (said on stderr)."""
    import tempfile

    from prodsheets.render.report import callsheet, pdf
    from prodsheets.send.messages import Attachment

    html = callsheet.render_callsheet(data, day)
    name = words["attachment"].format(date=day.date.isoformat())
    reason = pdf.missing()
    if reason is not None:
        click.echo(words["no_pdf"].format(reason=reason), err=True)
        return Attachment(f"{name}.html", html.encode("utf-8"), "text", "html")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"{name}.pdf"
        pdf.write_pdf(html, target)
        return Attachment(target.name, target.read_bytes(), "application", "pdf")


@main.command(short_help="The Excel control workbook. / Le classeur de contrôle Excel.")
@click.argument("production", type=click.Path(path_type=Path, file_okay=False, exists=True))
@_lang_option("control")
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
    button imports (controle.py / control.py), in the production's language (or --lang).
    Needs xlwings (pip install xlwings). Exit code: 0 written, 2 when the folder holds no
    production (nothing is written), the workbook exists already (--force overwrites) or
    xlwings is missing.
    """
    from prodsheets.excel.workbook import write_control
    from prodsheets.io import load_production
    from prodsheets.render.findings import finding_line

    loaded, findings = load_production(production)
    if not loaded.tables:  # no workbook, or none holding a production table
        for f in findings:
            for language in (lang,) if lang else ("fr", "en"):
                click.echo(finding_line(f, language, None), err=True)
        click.echo(
            f"prodsheets: pas de production dans {production}, rien n'a été écrit / no "
            f"production in {production}, nothing was written.",
            err=True,
        )
        sys.exit(EXIT_USAGE)
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


def _refuse_unknown_codes(words: list[str], param_hint: str = "--select/--ignore") -> None:
    """An unknown code is refused with the closest ones, and where to see them all."""
    from prodsheets.catalogue import unknown_words

    unknown, close = unknown_words(words)
    if not unknown:
        return
    nearest = f" (proche / close: {', '.join(close)})" if close else ""
    raise click.BadParameter(
        f"code inconnu / unknown code: {', '.join(unknown)}{nearest}. "
        "Liste / list: prodsheets codes",
        param_hint=param_hint,
    )


@main.command(short_help="List the finding codes. / Liste les codes des constats.")
@click.argument("code", nargs=-1, metavar="[CODE]...")
@_format_option
@_lang_option("list")
@_no_traceback
def codes(code: tuple[str, ...], fmt: str, lang: str | None) -> None:
    """List the finding codes: code, name, severity and title.

    These are what check --select and --ignore take: a code (PS301), a prefix (PS3) or a
    name (double-booking). With CODE (codes, prefixes or names, repeated or separated by
    commas), only those, each with its message and fix. Exit code: 0, 2 for an unknown
    code.
    """
    from prodsheets.catalogue import CODES, by_code_or_name
    from prodsheets.i18n import guess_language
    from prodsheets.render.findings import codes_json, codes_text

    lang = lang or guess_language() or "en"
    asked = [w for s in code for w in s.split(",") if w]
    _refuse_unknown_codes(asked, "CODE")
    wanted = {c.code for w in asked for c in by_code_or_name(w)}
    chosen = [c for c in CODES.values() if not asked or c.code in wanted]
    if fmt == "json":
        click.echo(json.dumps(codes_json(chosen, lang), ensure_ascii=False, indent=2))
    else:
        click.echo(codes_text(chosen, lang, detail=bool(asked)), nl=False)


# The kinds of production as the workbook's Type list says them, in both languages.
KIND_NAMES = [
    "film", "spectacle", "live", "festival", "exposition", "exhibition", "autre", "other"
]  # fmt: skip


def _kind_option(ctx: click.Context, param: click.Parameter, value: str) -> str:
    from prodsheets.contract.schema import choice_key

    return choice_key("kind", value) or value


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


@main.command(short_help="A new production from templates. / Une nouvelle production.")
@click.argument("folder", type=FOLDER)
@click.option(
    "--kind",
    type=click.Choice(KIND_NAMES, case_sensitive=False),
    default="film",
    show_default=True,
    callback=_kind_option,
    help="Kind of production, in French or English: sets the budget's chapters and the "
    "working-time rules. / Type de production : fixe les chapitres du devis et les règles du "
    "temps de travail.",
)
@click.option(
    "--lang",
    type=click.Choice(["fr", "en"]),
    default="fr",
    show_default=True,
    help="Language of sheet and column names. / Langue des feuilles et colonnes.",
)
@click.option("--title", help="The production's title. / Titre de la production.")
@click.option(
    "--start",
    metavar="DATE",
    callback=_date_option,
    help="First day (31/12/2026 or 2026-12-31). / Premier jour.",
)
@click.option(
    "--end",
    metavar="DATE",
    callback=_date_option,
    help="Last day (31/12/2026 or 2026-12-31). / Dernier jour.",
)
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

    if start and end and end < start:
        raise click.BadParameter(
            f"{end:%d/%m/%Y} < {start:%d/%m/%Y} : la fin précède le début / "
            "the end is before the start",
            param_hint="--end",
        )
    title = title or folder.resolve().name  # a new production is named after its folder
    settings = {k: v for k, v in (("title", title), ("start", start), ("end", end)) if v}
    try:
        written = write_production(folder, kind=kind, lang=lang, settings=settings, force=force)
    except WorkbooksExist as exc:
        _refuse_overwrite(folder, exc, lang)
    for path in written:
        click.echo(str(path))
    click.echo(CLI[lang]["new_next"].format(folder=folder))


@main.command(short_help="Your own workbooks, as they are. / Vos classeurs tels quels.")
@click.argument("production", type=PATH)
@_format_option
@_lang_option()
@click.option("--force", is_flag=True, help="Replace prodsheets.xlsx. / Remplace prodsheets.xlsx.")
@click.option(
    "--dry-run",
    is_flag=True,
    help="Print the proposal, write nothing. / Affiche la proposition, n'écrit rien.",
)
@_no_traceback
def adopt(production: Path, fmt: str, lang: str | None, force: bool, dry_run: bool) -> None:
    """Propose which of PRODUCTION's sheets and columns are which, and write that mapping
    as prodsheets.xlsx beside the workbooks (never into them); then check with it.

    Every command then reads the workbooks through prodsheets.xlsx: correct it by hand
    where a row is wrong. Exit code: that of the check; 2 when nothing could be placed or
    prodsheets.xlsx exists (without --force).
    """
    from prodsheets import catalogue as C
    from prodsheets.adopt import mapping_rows, propose, workbooks_of
    from prodsheets.contract import mapping as M
    from prodsheets.contract import schema
    from prodsheets.create.writer import write_mapping
    from prodsheets.findings import Finding, Location
    from prodsheets.i18n.words import ADOPT
    from prodsheets.pipeline import EXIT_OK, EXIT_UNREADABLE
    from prodsheets.pipeline import check as run_check
    from prodsheets.render import adopt as render
    from prodsheets.render.findings import finding_line, summary_line
    from prodsheets.render.findings import to_json as findings_json

    where = Location(production.name or str(production), path=str(production))
    refused = None
    if not production.exists():
        refused = Finding(C.PATH_NOT_FOUND, {"path": str(production)}, (where,))
    elif not workbooks_of(production):
        refused = Finding(C.NO_WORKBOOK, {"path": str(production)}, (where,))
    if refused is not None:
        for said in languages(lang):
            click.echo(finding_line(refused, said, None), err=True)
        sys.exit(EXIT_UNREADABLE)
    proposal, sheets = propose(production)
    langs = languages(lang, proposal.lang)
    lang = langs[0] if len(langs) == 1 else proposal.lang
    words = ADOPT[lang]
    folder = production if production.is_dir() else production.parent
    target = folder / M.MAPPING_FILE
    out: dict[str, Any] = {**render.to_json(proposal), "read_as_it_is": sheets.ours}
    if fmt != "json":
        for f in sheets.findings:
            click.echo(finding_line(f, lang, None))
        click.echo(render.to_text(proposal, str(production), lang, sheets.ours))

    def done(code: int, message: str | None = None) -> NoReturn:
        if fmt == "json":
            click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        if message:
            click.echo(message, err=True)
        sys.exit(code)

    if not proposal.placed:
        done(EXIT_UNREADABLE, words["nothing"].format(folder=production))
    if dry_run:
        done(EXIT_OK, words["dry_run"])
    if target.exists() and not force:
        done(EXIT_USAGE, words["exists"].format(path=target))
    roster = any(g.table == M.ROSTER for g in proposal.placed)
    have = {schema.table_for_sheet(name) for _, name in sheets.ours}
    extra = [
        t
        for t in (schema.GROUPS, *([schema.SHIFT_CODES] if roster else []))
        if t not in have  # the producer's own Légende is read as it is
    ]
    write_mapping(target, proposal.lang, mapping_rows(proposal), proposal.settings, extra)
    out["wrote"] = str(target)
    result = run_check([production])
    if fmt == "json":
        out["check"] = findings_json(result, lang)
        done(result.exit_code)
    click.echo(words["wrote"].format(path=target))
    click.echo("\n" + words["next"])
    for f in result.findings:
        click.echo(finding_line(f, lang, None))
    click.echo(summary_line(result, lang))
    click.echo(words["edit"].format(folder=production))
    sys.exit(result.exit_code)


@main.command(short_help="What if: absence, loss, rain. / Et si : absence, perte, pluie.")
@click.argument("production", type=PATH)
@click.option(
    "--absent",
    metavar="ID",
    help="A person absent, or a resource unavailable. / Une personne absente, du matériel "
    "indisponible.",
)
@click.option(
    "--from",
    "start",
    metavar="DATE",
    callback=_date_option,
    help="First day of the absence or loss (default: the first). / Premier jour de l'absence "
    "ou de la perte.",
)
@click.option(
    "--to",
    "end",
    metavar="DATE",
    callback=_date_option,
    help="Last day of the absence or loss (default: the last). / Dernier jour de l'absence ou "
    "de la perte.",
)
@click.option("--lose-location", metavar="ID", help="A location lost. / Un lieu perdu.")
@click.option(
    "--lose-vendor",
    metavar="ID",
    help="A vendor lost, with its resources. / Un prestataire perdu, avec son matériel.",
)
@click.option(
    "--rain",
    metavar="DATE",
    callback=_date_option,
    help="Rain on a day: every outdoor event. / Pluie un jour : chaque extérieur.",
)
@click.option(
    "--apply",
    "apply_to",
    type=FOLDER,
    metavar="OUT",
    help="Write the whole production, with the best plan, into OUT (its cells marked). / Toute "
    "la production, avec le meilleur plan, dans OUT (ses cellules marquées).",
)
@_format_option
@_lang_option()
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

    Lists the events and bookings hit (within --from/--to for --absent, --lose-location and
    --lose-vendor), who or what could replace them (free, creating no new conflict: named
    backups and backup vendors first, then the cheapest; a cover, then free locations, indoor
    ones when it rains), what stays to cover and what the plan costs (what stays uncovered
    counted at today's rates). The workbooks are never changed; --apply OUT writes every
    workbook of the production into OUT, the plan applied and its cells marked, so that
    `check OUT` and `diff PRODUCTION OUT` work on the plan B. Exit code: 0, or 2 when the
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
        raise click.UsageError(
            "--from/--to ne vont pas avec --rain, qui dit déjà son jour / do not go with --rain, "
            "which gives its own day"
        )
    if start and end and end < start:
        raise click.UsageError(
            f"--to ({end:%d/%m/%Y}) est avant --from ({start:%d/%m/%Y}) / --to is before --from"
        )
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
            for said in languages(lang, result.stated_language):
                click.echo(finding_line(f, said, None), err=True)
        sys.exit(EXIT_USAGE)
    lang = lang or result.language
    if fmt == "json":
        click.echo(json.dumps(to_json(result.plan, lang), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(result.plan, lang), nl=False)
    if apply_to is not None:
        try:
            written = apply_plan(result.plan, apply_to, lang)
        except ValueError as exc:
            click.echo(f"prodsheets: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        for path in written:
            click.echo(str(path), err=fmt == "json")


if __name__ == "__main__":  # pragma: no cover
    main()
