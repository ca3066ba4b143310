"""Versions: what changed between two states of a production, for the people it changes.

``state`` captures a production as a production manager reads it (records known by
their ids, not their rows; each booking's real call and wrap; findings by code and ids;
the costs by chapter), as plain data that can be kept as JSON between two reports.
``compare`` sets two states side by side; ``snapshot`` is what ``report`` keeps in its
folder to say, next time, what changed since. Nothing here reads a workbook or writes a
file; the renderers (:mod:`prodsheets.render.diff`) say the changes for people and
scripts.
"""

from prodsheets.diff.compare import BookingChange, Change, CostDiff, Diff, compare
from prodsheets.diff.state import Booked, Noted, Record, State, capture

__all__ = [
    "Booked",
    "BookingChange",
    "Change",
    "CostDiff",
    "Diff",
    "Noted",
    "Record",
    "State",
    "capture",
    "compare",
]
