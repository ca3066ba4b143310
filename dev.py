#!/usr/bin/env python3
"""The README's two commands, on any machine with Python 3.11+ and pip.

    python3 dev.py demo   # set up .venv, check the examples, reconcile and report on the film
    python3 dev.py test   # set up .venv with the test tools, then lint, type-check and test
    python3 dev.py layout # the package's modules, one line each, and any import circle

Only the standard library is used here, so it runs before anything is installed.
"""

from __future__ import annotations

import ast
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


def modules(package: Path = ROOT / "prodsheets") -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__``)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports_of(path: Path, known: dict[str, Path]) -> set[str]:
    """The package's modules a module imports when it runs: at the top or inside a function,
    not under ``if TYPE_CHECKING:`` (annotations only).

    ``from pkg import mod`` imports the module ``pkg.mod``, as ``import pkg.mod`` does;
    it counts as importing ``pkg`` itself only when it takes a name defined there."""
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                names.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                taken = {f"{child.module}.{a.name}" for a in child.names}
                names.update(taken)
                if not taken <= set(known):  # a name of the package, not only its modules
                    names.add(child.module)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found = set()
    for name in names:
        while name and name not in known:
            name = name.rpartition(".")[0]
        if name:
            found.add(name)
    return found


def import_circles(package: Path = ROOT / "prodsheets") -> list[list[str]]:
    """Groups of modules that import each other, directly or through others (Tarjan)."""
    known = modules(package)
    graph = {m: imports_of(p, known) - {m} for m, p in known.items()}
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def walk(v: str) -> None:
        order[v] = low[v] = len(order)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in order:
                walk(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], order[w])
        if low[v] == order[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for v in sorted(graph):
        if v not in order:
            walk(v)
    return circles


def layout() -> None:
    for path in modules().values():
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        first = doc.strip().split("\n")[0]
        print(f"{path.relative_to(ROOT)!s:42} {first}")
    circles = import_circles()
    for group in circles:
        print("import circle: " + " → ".join(group), file=sys.stderr)
    print(f"\n{len(modules())} modules, {len(circles)} import circle(s).")
    sys.exit(1 if circles else 0)


if __name__ == "__main__":
    commands = {"demo": demo, "test": test, "layout": layout}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit("usage: python3 dev.py demo | test [pytest options] | layout")
    commands[sys.argv[1]]()
