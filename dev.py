#!/usr/bin/env python3
"""The README's two commands, on any machine with Python 3.11+ and pip.

    python3 dev.py demo   # set up .venv, check the examples, reconcile and report on the film
    python3 dev.py test   # set up .venv with the test tools, then lint, type-check and test

Only the standard library is used here, so it runs before anything is installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
EXAMPLES = [ROOT / "workbooks" / "tournage-reunion", ROOT / "workbooks" / "festival"]


def run(*cmd: str | Path, ok: tuple[int, ...] = (0,)) -> int:
    print("$", " ".join(str(c) for c in cmd), flush=True)
    code = subprocess.call([str(c) for c in cmd], cwd=ROOT)
    if code not in ok:
        sys.exit(code)
    return code


def setup(extras: str = "") -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs before any install
        sys.exit(f"prodsheets needs Python 3.11 or newer (this is {sys.version.split()[0]}).")
    if not (BIN / "python").exists() and not (BIN / "python.exe").exists():
        print(f"Creating {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    python = BIN / "python"
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(python, "-m", "pip", "install", "--quiet", "-e", f".{extras}")


def demo() -> None:
    setup()
    for example in EXAMPLES:
        # The examples hold planted mistakes: exit code 1 (errors found) is the expected answer.
        run(BIN / "prodsheets", "check", example, ok=(0, 1))
        print(flush=True)
    film = EXAMPLES[0]
    run(BIN / "prodsheets", "reconcile", film, ok=(0, 1))
    out = ROOT / "out" / film.name
    run(BIN / "prodsheets", "report", film, "-o", out)
    print(f"\nOpen {out / 'report.html'} in a browser, {out / 'report.xlsx'} in Excel.")


def test() -> None:
    setup("[dev]")
    run(BIN / "ruff", "check", "prodsheets", "tests", "benchmarks", "dev.py")
    run(BIN / "ruff", "format", "--check", "prodsheets", "tests", "benchmarks", "dev.py")
    run(BIN / "mypy")  # strict, on prodsheets/ (pyproject.toml)
    run(BIN / "python", "-m", "pytest", *sys.argv[2:])


if __name__ == "__main__":
    commands = {"demo": demo, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit("usage: python3 dev.py demo | test [pytest options]")
    commands[sys.argv[1]]()
