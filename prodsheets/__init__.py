"""prodsheets: the production manager's checks, costs and reports over Excel workbooks.

The workbooks are the source of truth; this package reads them, says what is wrong
(file, sheet, cell), and writes reports beside them.

From Python (``docs/api.md``)::

    import prodsheets
    prod = prodsheets.open("workbooks/tournage-reunion")
    prod.check().findings

The names below come from :mod:`prodsheets.api`, imported on first use only: the command
line, which imports this package first, pays nothing for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "CheckFrames",
    "Production",
    "Productions",
    "ReconcileFrames",
    "WhatIfFrames",
    "__version__",
    "open",
]

if TYPE_CHECKING:
    from prodsheets.api import (
        CheckFrames,
        Production,
        Productions,
        ReconcileFrames,
        WhatIfFrames,
        open,
    )


def __getattr__(name: str) -> Any:
    """``prodsheets.open`` and the API's classes, imported when first asked for."""
    if name in __all__:
        import prodsheets.api

        return getattr(prodsheets.api, name)
    raise AttributeError(f"module 'prodsheets' has no attribute {name!r}")
