"""The Python API: a production and what the commands say of it, as pandas DataFrames.

    import prodsheets
    prod = prodsheets.open("workbooks/tournage-reunion")
    prod.bookings[prod.bookings.who == "LUCIE"]        # every row keeps its file, sheet, row
    prod.check().findings                              # one row per place, as pandera's failure cases
    prod.reconcile().chapters                          # exact Decimal amounts

The same pipeline as the command line (``pipeline.check_read``, ``reconcile_read``,
``whatif_read``) on a production read once; pandas is imported only when a frame is asked
for (``pip install "prodsheets[pandas]"``). Guide: ``docs/api.md``.
"""

from prodsheets.api.production import Production, Productions, open
from prodsheets.api.results import CheckFrames, ReconcileFrames, WhatIfFrames

__all__ = [
    "CheckFrames",
    "Production",
    "Productions",
    "ReconcileFrames",
    "WhatIfFrames",
    "open",
]
