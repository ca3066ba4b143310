"""The command line: exit codes, JSON equal to the library's result, options (sqlite-utils style)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import Sheets, write_workbook

from prodsheets import __version__
from prodsheets.cli import main
from prodsheets.findings import flatten
from prodsheets.pipeline import check
from prodsheets.render.findings import to_json


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


@pytest.fixture
def clean(production: Sheets, tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "prod.xlsx", production)


@pytest.fixture
def faulty(production: Sheets, tmp_path: Path) -> Path:
    production["Affectations"][3][1] = "MARCO"  # B4: nobody is called MARCO
    production["Planning"][2][1] = "31/02/2026"  # B3: not a day
    return write_workbook(tmp_path / "faulty.xlsx", production)


def test_version() -> None:
    assert run("--version") == (0, f"prodsheets, version {__version__}\n")


def test_help_lists_the_commands() -> None:
    code, out = run("--help")
    assert code == 0 and "check" in out and "new" in out


def test_a_clean_production_exits_0(clean: Path) -> None:
    assert run("check", clean) == (0, "Court métrage test : 0 erreur, 0 avertissement.\n")


def test_errors_exit_1_one_line_each_in_the_production_language(faulty: Path) -> None:
    code, out = run("check", faulty)
    assert code == 1
    assert out.splitlines() == [
        "faulty.xlsx › Affectations!B4: erreur PS114 Qui : « MARCO » n'existe pas dans Équipe / "
        "Matériel. → Corrigez l'identifiant (vouliez-vous dire « MARC » ?), ou ajoutez « MARCO » "
        "dans Équipe / Matériel.",
        "faulty.xlsx › Planning!B3: erreur PS106 Date : « 31/02/2026 » n'est pas une date ; "
        "attendu : une date (31/12/2026, 2026-12-31 ou une date Excel). → Saisissez la date sous "
        "la forme 31/12/2026 ou 2026-12-31, ou au format date d'Excel.",
        "Court métrage test : 2 erreurs, 0 avertissement.",
    ]


def test_lang_en(faulty: Path) -> None:
    code, out = run("check", faulty, "--lang", "en")
    assert code == 1
    assert out.splitlines()[0].startswith(
        "faulty.xlsx › Affectations!B4: error PS114 Qui: “MARCO” is not in"
    )
    assert out.splitlines()[-1] == "Court métrage test: 2 errors, 0 warnings."


def test_json_is_the_library_result(faulty: Path) -> None:
    code, out = run("check", faulty, "--format", "json")
    assert code == 1
    answer = json.loads(out)
    assert answer == to_json(check([faulty]), "fr")
    assert answer["summary"] == {"errors": 2, "warnings": 0, "infos": 0}
    assert answer["findings"][0]["locations"] == [
        {
            "file": "faulty.xlsx",
            "sheet": "Affectations",
            "cell": "B4",
            "row": 4,
            "column": "B",
            "id": "MARCO",
        }
    ]
    assert set(answer) == {"production", "productions", "language", "findings", "summary"}
    assert set(answer["findings"][0]) == {
        "code",
        "name",
        "severity",
        "message",
        "hint",
        "locations",
    }


@pytest.mark.parametrize(
    ("options", "codes", "exit_code"),
    [
        (["--select", "PS106"], ["PS106"], 1),
        (["--select", "unknown-reference"], ["PS114"], 1),
        (["--ignore", "PS1"], [], 0),
        (["--ignore", "PS106,PS114"], [], 0),
    ],
)
def test_select_and_ignore(
    faulty: Path, options: list[str], codes: list[str], exit_code: int
) -> None:
    code, out = run("check", faulty, "--format", "json", *options)
    assert code == exit_code
    assert [f["code"] for f in json.loads(out)["findings"]] == codes


def test_an_unknown_code_is_a_usage_error(faulty: Path) -> None:
    code, out = run("check", faulty, "--select", "PS999")
    assert code == 2 and "PS999" in out
    # An installed copy has no docs/ folder: the error points to a command, and guesses.
    assert "docs/findings.md" not in out and "prodsheets codes" in out
    code, out = run("check", faulty, "--ignore", "travel-tim")
    assert code == 2 and "close: travel-time" in out


def test_codes_lists_every_code_or_those_asked() -> None:
    from prodsheets.catalogue import CODES

    code, out = run("codes", "--lang", "en")
    assert code == 0 and [line.split()[0] for line in out.splitlines() if line[:4] == "  PS"] == [
        *CODES
    ]
    code, out = run("codes", "PS304,double-booking", "--lang", "fr")
    assert code == 0 and out.splitlines()[:3] == [
        "PS3xx  Conflits et temps de travail",
        "  PS301  double-booking  erreur     Double convocation",
        f"      {CODES['PS301'].message['fr']}",
    ]
    assert "  PS304  travel-time     attention  Pas assez de temps pour le trajet" in out
    code, out = run("codes", "PS5", "--format", "json", "--lang", "en")
    assert [c["code"] for c in json.loads(out)] == [c for c in CODES if c.startswith("PS5")]
    assert run("codes", "PS999")[0] == 2


def test_help_summaries_fit_an_80_column_terminal() -> None:
    """Each command's summary whole, not cut with "…", in both languages."""
    out = CliRunner().invoke(main, ["--help"], terminal_width=80).output
    commands = out.split("Commands:\n")[1].splitlines()
    assert [line.split()[0] for line in commands] == sorted(main.commands)
    for line in commands:
        assert len(line) <= 80 and not line.endswith("...") and " / " in line


def every_option():  # type: ignore[no-untyped-def]
    for name, command in sorted(main.commands.items()):
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                yield name, param


def test_every_option_is_explained_in_both_languages() -> None:
    untranslated = [
        (name, option.opts[0]) for name, option in every_option() if " / " not in option.help
    ]
    assert untranslated == []


def test_lang_says_what_it_sets() -> None:
    """Messages for check, reconcile, whatif; the files for report and excel."""
    helps = {name: option.help for name, option in every_option() if option.name == "lang"}
    assert "reports and call sheets" in helps["report"]
    assert "control workbook" in helps["excel"]
    assert all("messages" in helps[n] for n in ("check", "reconcile", "whatif"))
    select = next(o.help for n, o in every_option() if n == "check" and o.name == "select")
    assert "repeat it or separate with commas" in select


@pytest.mark.parametrize(
    ("kind", "key", "label"),
    [("spectacle", "live", "spectacle"), ("exhibition", "exhibition", "exposition")],
)
def test_new_takes_the_kind_in_either_language(
    tmp_path: Path, kind: str, key: str, label: str
) -> None:
    from prodsheets.io import load_production

    assert run("new", tmp_path, "--kind", kind)[0] == 0
    production, _ = load_production(tmp_path)
    assert production.settings["kind"] == key
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "budget.xlsx")["Production"]
    assert label in [row[1] for row in sheet.iter_rows(values_only=True)]


def test_the_kinds_are_those_of_the_workbook_type_list() -> None:
    from prodsheets.cli import KIND_NAMES
    from prodsheets.contract.schema import CHOICES

    assert set(KIND_NAMES) == {n for c in CHOICES["kind"] for n in (c.en, c.fr)}


def test_unreadable_exits_2(tmp_path: Path) -> None:
    (tmp_path / "budget.xlsx").write_bytes(b"")
    code, out = run("check", tmp_path, "--lang", "en")
    assert code == 2
    assert out.splitlines()[0] == (
        "budget.xlsx: error PS003 The file is empty (0 bytes). → It was probably not saved "
        "completely: open the last good copy or a backup."
    )


def test_several_productions(clean: Path, faulty: Path) -> None:
    code, out = run("check", clean, faulty, "--format", "json", "--select", "PS1")
    answer = json.loads(out)
    assert code == 1
    assert answer["productions"] == ["Court métrage test", "Court métrage test"]
    folder = clean.parent.name  # files are named with their folder when several are checked
    assert [(f["code"], f["locations"][0]["file"]) for f in answer["findings"]] == [
        ("PS114", f"{folder}/faulty.xlsx"),
        ("PS106", f"{folder}/faulty.xlsx"),
    ]


def test_check_needs_a_production() -> None:
    assert run("check")[0] == 2


def test_lock_files_and_hidden_files_are_ignored(production: Sheets, tmp_path: Path) -> None:
    write_workbook(tmp_path / "prod.xlsx", production)
    (tmp_path / "~$prod.xlsx").write_bytes(b"\x00owner")
    (tmp_path / ".~lock.prod.xlsx#").write_text("lock")
    (tmp_path / ".hidden.xlsx").write_bytes(b"")
    assert run("check", tmp_path)[0] == 0


def test_new_then_check_is_clean(tmp_path: Path) -> None:
    code, out = run(
        "new",
        tmp_path / "film",
        "--title",
        "Le Grand Départ",
        "--start",
        "02/03/2026",
        "--end",
        "2026-03-20",
    )
    assert code == 0
    assert out.splitlines()[:3] == [
        str(tmp_path / "film" / n) for n in ("budget.xlsx", "crew.xlsx", "schedule.xlsx")
    ]
    assert run("check", tmp_path / "film") == (0, "Le Grand Départ : 0 erreur, 0 avertissement.\n")


def test_new_never_overwrites_without_force(tmp_path: Path) -> None:
    run("new", tmp_path, "--lang", "en")
    budget = tmp_path / "budget.xlsx"
    before = budget.read_bytes()
    code, out = run("new", tmp_path, "--lang", "en", "--kind", "live")
    assert code == 2 and "--force" in out
    assert budget.read_bytes() == before
    assert run("new", tmp_path, "--lang", "en", "--kind", "live", "--force")[0] == 0
    assert budget.read_bytes() != before


def test_new_refuses_a_date_that_is_not_one(tmp_path: Path) -> None:
    code, out = run("new", tmp_path, "--start", "31/02/2026")
    assert code == 2 and "31/02/2026" in out
    assert list(tmp_path.iterdir()) == []


# --- the `prodsheets` process itself: it flushes, then leaves without tearing down ----


def command(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """`python -m prodsheets ARGS` in a fresh process, as a user or the Excel button runs it."""
    return subprocess.run(
        [sys.executable, "-m", "prodsheets", *map(str, args)],
        capture_output=True, text=True, timeout=120, **kwargs,
    )  # fmt: skip


def test_the_process_writes_all_its_json_and_exits_with_the_check(faulty: Path) -> None:
    done = command("check", faulty, "--format", "json")
    assert done.returncode == 1
    assert json.loads(done.stdout) == to_json(check([faulty]), "fr")
    assert done.stderr == ""


def test_the_process_says_usage_errors_and_exits_2() -> None:
    done = command("check")
    assert done.returncode == 2
    assert "Missing argument" in done.stderr


def test_a_reader_that_stops_early_is_no_error(production: Sheets, tmp_path: Path) -> None:
    """`prodsheets check … | head -1`: no internal error, the shell's SIGPIPE status."""
    # 2,000 bookings of nobody: far more lines than a pipe holds (64 KiB) before a read
    production["Affectations"] += [["S1", f"NOBODY{n}", None, None] for n in range(2000)]
    many = write_workbook(tmp_path / "many.xlsx", production)
    proc = subprocess.Popen(
        [sys.executable, "-m", "prodsheets", "check", str(many), "--lang", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    proc.stdout.close()  # as `head -1` does
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert stderr == ""


@pytest.mark.parametrize(
    ("code", "status", "err"), [(None, 0, ""), (3, 3, ""), ("bye", 1, "bye\n")]
)
def test_leaving_flushes_what_was_written(code: object, status: int, err: str) -> None:
    script = f"from prodsheets.__main__ import leave; print('written', end=''); leave({code!r})"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (status, "written", err)


@pytest.mark.parametrize(
    ("sheet", "row", "column", "typed"),
    [
        ("Devis", 1, 5, 1e30),  # a rate: PS201 says quantity × rate, to the cent
        ("Devis", 1, 5, "1000000000000000000000000000000"),
        ("Devis", 1, 6, 1e27),  # a written total
        ("Équipe", 1, 4, 1e27),  # a day rate: the planned cost overflows its chapter
    ],
)
def test_absurdly_large_amounts_are_findings_not_internal_errors(
    production: Sheets, tmp_path: Path, sheet: str, row: int, column: int, typed: object
) -> None:
    production[sheet][row][column] = typed
    path = write_workbook(tmp_path / "prod.xlsx", production)
    for command_name in ("check", "reconcile"):
        code, out = run(command_name, path, "--lang", "en")
        assert "internal error" not in out
        assert code in (0, 1)
    assert check([path]).findings  # said at its cells


def test_an_output_that_cannot_be_written_is_said_in_both_languages(
    clean: Path, tmp_path: Path
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    code, out = run("report", clean, "-o", tmp_path / "a-file" / "out", "--no-pdf")
    assert code == 2
    assert "impossible de lire ou d'écrire" in out and "cannot read or write" in out
    assert "internal error" not in out


def test_a_coded_line_whose_label_starts_with_total_is_still_a_line(
    production: Sheets, tmp_path: Path
) -> None:
    # « Totalité des frais » coded 02.01 twice: counted twice in the budget, so said (PS105)
    production["Devis"].insert(
        3, ["02.01", "Personnel", "Totalité des frais", 1, "forfait", 10, 10]
    )
    path = write_workbook(tmp_path / "prod.xlsx", production)
    assert ["PS105", "A4"] in flatten(check([path], select=["PS105"]).findings, "code", "cell")
