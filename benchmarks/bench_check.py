"""How much `prodsheets check` costs beside merely reading the same workbooks.

    python benchmarks/bench_check.py                        # the examples, 10k and 100k bookings
    python benchmarks/bench_check.py --sizes 1048575        # the most one Excel sheet holds

For the example productions and for synthetic productions of N bookings with planted
conflicts (benchmarks/synthetic.py), each command runs in a fresh process, measured in
the same run: the raw read of every sheet with python-calamine (the floor), and
`prodsheets check` on the same folder, back to back in each of --repeat rounds. The
table gives the round with the median ratio check / raw read (its two wall times and the
ratio), peak memory (max RSS of the process), and whether exactly the planted conflicts
were found. Process start is included on both sides, as a click on the
Excel button pays it. Run on demand, not in CI.

Targets (issue "Conflicts"): ≤ 1.5× at 100k and 1,048,575 bookings with peak memory under
2 GB; ≤ 3× on the example productions.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_synthetic  # noqa: E402

RAW_READ = """
import sys
from pathlib import Path
import python_calamine as pc
for p in sorted(Path(sys.argv[1]).glob("*.xls*")):
    wb = pc.CalamineWorkbook.from_path(str(p))
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python()
"""


# As on a user's machine, compiled bytecode is kept between runs (some sandboxes set
# PYTHONDONTWRITEBYTECODE, which would make every run compile prodsheets afresh).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and stdout of one fresh process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV)
    out = proc.stdout.read().decode() if proc.stdout else ""
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - t, usage.ru_maxrss / 1024, out


def compare(folder: Path, command: str, repeat: int) -> tuple[Run, Run]:
    """The raw read and ``prodsheets COMMAND`` on one folder, in ``repeat`` rounds.

    Each round runs both, back to back: this machine's speed drifts by as much as half
    within minutes, so a ratio is taken within each round, where both ran on the same
    machine, and the table gives the median round.
    """
    raw = Run()
    run = Run()
    cmd = [sys.executable, "-m", "prodsheets", command, str(folder), "--format", "json"]
    for _ in range(repeat):
        raw.add(*run_once([sys.executable, "-c", RAW_READ, str(folder)]))
        run.add(*run_once(cmd))
    return raw, run


class Run:
    """Each round's wall time, the highest peak memory and the last output of a command."""

    def __init__(self) -> None:
        self.walls: list[float] = []
        self.peak, self.out = 0.0, ""

    def add(self, wall: float, peak: float, out: str) -> None:
        self.walls.append(wall)
        self.peak, self.out = max(self.peak, peak), out


def row(label: str, raw: Run, run: Run, found: str) -> None:
    """The median round: its two times and their ratio."""
    rounds = sorted(zip(raw.walls, run.walls, strict=True), key=lambda r: r[1] / r[0])
    raw_t, t = rounds[len(rounds) // 2]
    print(
        f"| {label} | {raw_t:.2f} s | {t:.2f} s | **{t / raw_t:.2f}×** "
        f"| {raw.peak:.0f} MiB | {run.peak:.0f} MiB | {found} |",
        flush=True,
    )


def bench_check(label: str, folder: Path, planted: Counter[str] | None, repeat: int) -> None:
    raw, run = compare(folder, "check", repeat)
    found = "—"
    if planted is not None:
        got = Counter(f["name"] for f in json.loads(run.out)["findings"])
        found = "yes, exactly" if got == planted else f"NO: {dict(got)}"
    row(label, raw, run, found)


def bench_reconcile(label: str, folder: Path, repeat: int) -> None:
    """`prodsheets reconcile` on the same folder, beside the same raw read (issue "Costs")."""
    raw, run = compare(folder, "reconcile", repeat)
    row(f"{label}: `reconcile`", raw, run, "—")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds of raw read + command (median ratio kept)"
    )
    args = parser.parse_args()
    print("| production | raw read (calamine) | prodsheets check | ratio | peak RSS read "
          "| peak RSS check | planted conflicts found |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for example in sorted((ROOT / "workbooks").iterdir()):
        if example.is_dir():
            bench_check(f"example `{example.name}`", example, None, max(args.repeat, 11))
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"synthetic-{n}"
            planted = write_synthetic(folder, n)
            bench_check(f"{n:,} bookings", folder, planted, args.repeat)
            bench_reconcile(f"{n:,} bookings", folder, args.repeat)


if __name__ == "__main__":
    main()
