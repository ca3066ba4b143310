"""Generate the reference pages from the code: ``docs/findings.md`` from the catalogue and
``docs/cli.md`` from the commands' own help (as sqlite-utils does).

Run ``python -m prodsheets.docs`` after changing the catalogue or a command; a test fails
when a committed page differs from what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from prodsheets import catalogue

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGE = DOCS / "findings.md"
CLI_PAGE = DOCS / "cli.md"
HEADERS_PAGE = DOCS / "headers.md"
HELP_WIDTH = 100


def findings_page() -> str:
    lines = [
        "# Finding codes / Codes des constats",
        "",
        "Generated from `prodsheets/catalogue.py` by `python -m prodsheets.docs`; do not edit.",
        "Généré depuis `prodsheets/catalogue.py` par `python -m prodsheets.docs` ; ne pas modifier.",
        "",
        "Use codes, prefixes or names with `--select` and `--ignore`: "
        "`prodsheets check prod/ --ignore PS116 --select PS1`.",
        "",
        "| code | name | severity | en | fr |",
        "|---|---|---|---|---|",
    ]
    for code in catalogue.CODES.values():
        lines.append(
            f"| [{code.code}](#{code.code.lower()}) | `{code.name}` | {code.severity.value} "
            f"| {code.title['en']} | {code.title['fr']} |"
        )
    family = None
    for code in catalogue.CODES.values():
        if code.family != family:
            family = code.family
            names = catalogue.FAMILIES[family]
            lines += ["", f"## {family}xx — {names['en']} / {names['fr']}"]
        lines += [
            "",
            f"### {code.code}",
            "",
            f"`{code.name}` · {code.severity.value} · {code.title['en']} / {code.title['fr']}",
            "",
            f"- **Message:** {code.message['en']}",
            f"- **Hint:** {code.hint['en']}",
            f"- **Message :** {code.message['fr']}",
            f"- **Conseil :** {code.hint['fr']}",
        ]
    return "\n".join(lines) + "\n"


def command_help(*names: str) -> str:
    """``prodsheets NAME --help`` as a terminal HELP_WIDTH columns wide shows it."""
    import click

    from prodsheets.cli import main

    command: click.Command = main
    ctx = click.Context(
        main, info_name="prodsheets", terminal_width=HELP_WIDTH, **main.context_settings
    )
    for name in names:
        assert isinstance(command, click.Group)
        command = command.commands[name]
        ctx = click.Context(command, info_name=name, parent=ctx, terminal_width=HELP_WIDTH)
    return command.get_help(ctx)


def cli_page() -> str:
    from prodsheets.cli import main

    lines = [
        "# Command line reference / Référence de la ligne de commande",
        "",
        "Generated from the commands' `--help` by `python -m prodsheets.docs`; do not edit.",
        "Généré depuis l'aide des commandes par `python -m prodsheets.docs` ; ne pas modifier.",
        "",
    ]
    names = sorted(main.commands)
    lines += [f"- [`prodsheets {name}`](#prodsheets-{name})" for name in names]
    lines += ["", "```", command_help().rstrip(), "```"]
    for name in names:
        lines += ["", f"## prodsheets {name}", "", "```", command_help(name).rstrip(), "```"]
    return "\n".join(lines) + "\n"


def headers_page() -> str:
    """Every sheet and column name prodsheets reads, in both languages, with the headers
    producers write for them."""
    from prodsheets.contract import schema

    lines = [
        "# Sheets and headers prodsheets reads / Feuilles et en-têtes lus",
        "",
        "Generated from `prodsheets/contract/schema.py` by `python -m prodsheets.docs`; do not "
        "edit. Case, accents, spaces and punctuation are ignored: `Start Time`, `start_time` "
        "and `START TIME :` are one header. A sheet is read as a table when its name is one "
        "below and its header row names the table's columns; a sheet named otherwise whose "
        "headers name a table's columns is said (PS013), not read.",
        "",
    ]
    for table in schema.TABLES:
        names = [table.en, table.fr, *table.aliases]
        lines += [
            f"## {table.en} / {table.fr}",
            "",
            "Sheet names: " + ", ".join(f"`{n}`" for n in dict.fromkeys(names)),
            "",
            "| column | en / fr | required | headers read |",
            "|---|---|---|---|",
        ]
        words = schema.HEADER_WORDS.get(table.key, {})
        weak = schema.WEAK_HEADER_WORDS.get(table.key, {})
        for col in table.columns:
            heard = [*col.aliases, *words.get(col.key, ())]
            heard += [f"{w} (only when no other header names it)" for w in weak.get(col.key, ())]
            shown = ", ".join(f"`{h}`" for h in dict.fromkeys(heard)) or "—"
            required = "yes" if col.required else ""
            lines.append(f"| `{col.key}` | {col.en} / {col.fr} | {required} | {shown} |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    from prodsheets.io.write import atomic_text

    pages = ((PAGE, findings_page()), (CLI_PAGE, cli_page()), (HEADERS_PAGE, headers_page()))
    for page, text in pages:
        atomic_text(page, text)
        print(page, file=sys.stderr)


if __name__ == "__main__":
    main()
