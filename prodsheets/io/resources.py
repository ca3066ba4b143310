"""Where the files shipped beside the code live (instruction texts, templates).

The repository keeps them in a top-level ``templates/`` folder; the wheel ships that
folder inside the package as ``prodsheets/templates`` (hatchling force-include, see
pyproject.toml). Both layouts are looked up, installed first.
"""

from __future__ import annotations

from pathlib import Path

import prodsheets


def templates_dir() -> Path:
    """The templates folder: inside the installed package, else at the repository's root."""
    package = Path(prodsheets.__file__).resolve().parent
    for candidate in (package / "templates", package.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"prodsheets templates folder not found (looked in {package / 'templates'} "
        f"and {package.parent / 'templates'}): the installation is incomplete"
    )
