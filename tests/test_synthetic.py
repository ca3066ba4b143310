"""The benchmark's synthetic productions: exactly the planted conflicts are found.

The same generator writes the million-booking production of the benchmark; here a small
one proves the counts, so the benchmark's "all planted conflicts found" means something.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from prodsheets.pipeline import check

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from synthetic import write_synthetic


def test_a_synthetic_production_holds_exactly_its_planted_conflicts(tmp_path: Path) -> None:
    planted = write_synthetic(tmp_path, 6_000, planted=3)
    result = check([tmp_path])
    assert Counter(f.code.name for f in result.findings) == planted
    assert planted == {"double-booking": 3, "unavailable": 3, "rest-time": 3, "travel-time": 3}
