"""What starting `prodsheets check` costs, and that it loads neither pandas nor the Python API.

    python benchmarks/bench_startup.py               # median of 10 runs on each example
    python benchmarks/bench_startup.py --runs 30

Each run is a fresh process of the installed `prodsheets` command on an example production
(as a click on the Excel button or a CI job starts it), bytecode kept between runs. Then
one run with ``python -X importtime`` lists the modules it imports: their count, and
whether pandas or ``prodsheets.api`` is among them (it must not be). Run on demand.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [ROOT / "workbooks" / "tournage-reunion", ROOT / "workbooks" / "festival"]
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
COMMAND = Path(sys.executable).parent / "prodsheets"


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, env=ENV, check=False)
    return time.perf_counter() - start


def imported(example: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "prodsheets", "check", str(example)],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    lines = [x for x in done.stderr.splitlines() if x.startswith("import time:")]
    return {x.split("|")[-1].strip() for x in lines[1:]}  # the first line is the header


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    for example in EXAMPLES:
        cmd = [str(COMMAND), "check", str(example)]
        wall(cmd)  # bytecode written, files in the page cache
        times = sorted(wall(cmd) for _ in range(args.runs))
        print(
            f"{example.name}: median {statistics.median(times) * 1000:.0f} ms "
            f"(min {times[0] * 1000:.0f}, max {times[-1] * 1000:.0f}, {args.runs} runs)"
        )
    modules = imported(EXAMPLES[-1])
    heavy = sorted(m for m in modules if m.startswith(("pandas", "prodsheets.api")))
    print(f"modules imported: {len(modules)}; pandas or prodsheets.api among them: {heavy or 'no'}")


if __name__ == "__main__":
    main()
