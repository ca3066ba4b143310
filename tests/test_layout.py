"""The package's shape: no import circle, every module says what it is for.

``python3 dev.py layout`` prints the same: one line per module, then the circles found.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["dev"] = module
    spec.loader.exec_module(module)
    return module


def test_no_module_of_prodsheets_imports_one_that_imports_it_back() -> None:
    assert dev().import_circles() == []


def test_a_circle_through_a_function_level_import_is_found(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.b import thing\n")
    (package / "b.py").write_text("def thing():\n    from pkg import c\n")
    (package / "c.py").write_text("import pkg.a\n")
    (package / "d.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import a\n"
    )
    assert dev().import_circles(package) == [["pkg.a", "pkg.b", "pkg.c"]]


def test_from_a_package_import_a_module_imports_that_module(tmp_path: Path) -> None:
    """``from pkg import b`` is ``import pkg.b``; ``from pkg import NAME`` needs pkg itself."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("NAME = 1\ndef __getattr__(n):\n    import pkg.a\n")
    (package / "a.py").write_text("from pkg import b\n")
    (package / "b.py").write_text("")
    assert dev().import_circles(package) == []
    (package / "b.py").write_text("from pkg import NAME\n")
    assert dev().import_circles(package) == [["pkg", "pkg.a", "pkg.b"]]


def test_every_module_says_what_it_is_for() -> None:
    import ast

    undocumented = [
        name
        for name, path in dev().modules().items()
        if not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert undocumented == []
