"""docs/cli.md is the commands' own help, docs/api.md runs as written: never stale."""

from __future__ import annotations

import re
from pathlib import Path

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


# --- docs/api.md: its Python runs as written, its outputs are what it prints ------------

API_PAGE = docs.CLI_PAGE.parent / "api.md"
BLOCK = re.compile(r"```(python|text)\n(.*?)```", re.S)


def api_blocks() -> list[tuple[str, str | None, tuple[int, int] | None]]:
    """Each Python block of docs/api.md, the text block right after it (what it prints),
    and where that text sits in the page."""
    page = API_PAGE.read_text(encoding="utf-8")
    found = list(BLOCK.finditer(page))
    blocks = []
    for n, m in enumerate(found):
        if m.group(1) != "python":
            continue
        after = found[n + 1] if n + 1 < len(found) else None
        printed = None
        if (
            after is not None
            and after.group(1) == "text"
            and not page[m.end() : after.start()].strip()
        ):
            printed = after
        blocks.append(
            (
                m.group(2),
                printed.group(2) if printed else None,
                printed.span(2) if printed else None,
            )
        )
    return blocks


def test_the_api_guide_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every Python block of docs/api.md runs, in order, from the repository's root, and
    prints exactly the text block under it. PRODSHEETS_UPDATE_DOCS=1 writes what they
    print into the page instead (then read the diff)."""
    import os
    import tempfile

    pytest.importorskip("pandas")
    monkeypatch.chdir(docs.CLI_PAGE.parent.parent)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    update = os.environ.get("PRODSHEETS_UPDATE_DOCS") == "1"
    namespace: dict[str, object] = {"__name__": "api_md"}
    page = API_PAGE.read_text(encoding="utf-8")
    edits = []
    blocks = api_blocks()
    assert len(blocks) >= 8
    for n, (code, expected, span) in enumerate(blocks, start=1):
        exec(compile(code, f"docs/api.md block {n}", "exec"), namespace)
        printed = capsys.readouterr().out
        if expected is None:
            assert printed == "", f"block {n} prints but shows no output in the page"
        elif update and span is not None:
            edits.append((span, printed))
        else:
            assert printed == expected, f"block {n}: PRODSHEETS_UPDATE_DOCS=1 to refresh"
    for (start, end), printed in reversed(edits):
        page = page[:start] + printed + page[end:]
    if update:
        API_PAGE.write_text(page, encoding="utf-8")
