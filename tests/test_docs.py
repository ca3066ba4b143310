"""docs/cli.md is the commands' own help: regenerated, never edited, never stale."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from prodsheets import docs
from prodsheets.cli import main

COMMANDS = sorted(main.commands)


def test_the_cli_page_is_generated_from_the_commands() -> None:
    committed = docs.CLI_PAGE.read_text(encoding="utf-8")
    assert committed == docs.cli_page(), "run: python -m prodsheets.docs"


@pytest.mark.parametrize("name", COMMANDS)
def test_each_command_is_documented_as_its_help_reads(name: str) -> None:
    page = docs.CLI_PAGE.read_text(encoding="utf-8")
    run = CliRunner().invoke(
        main, [name, "--help"], prog_name="prodsheets", terminal_width=docs.HELP_WIDTH
    )
    shown = run.output
    section = page.split(f"## prodsheets {name}\n\n```\n", 1)[1].split("\n```", 1)[0]
    assert section == shown.rstrip()


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_of_every_command_is_in_the_reference(name: str) -> None:
    page = docs.CLI_PAGE.read_text(encoding="utf-8")
    section = page.split(f"## prodsheets {name}", 1)[1].split("\n## ", 1)[0]
    command = main.commands[name]
    for param in command.params:
        if isinstance(param, click.Option):
            for flag in param.opts:
                assert re.search(rf"(^|[ ,]){re.escape(flag)}\b", section, re.M), flag
        else:
            assert (param.name or "").upper() in section


def test_the_headers_page_is_generated_from_the_contract() -> None:
    committed = docs.HEADERS_PAGE.read_text(encoding="utf-8")
    assert committed == docs.headers_page(), "run: python -m prodsheets.docs"
    assert "`Start Time`" in committed or "`start time`" in committed
