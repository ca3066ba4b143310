"""How much `prodsheets check` costs beside merely reading the same workbooks.

    python benchmarks/bench_check.py                        # the examples, 10k and 100k bookings
    python benchmarks/bench_check.py --sizes 1048575        # the most one Excel sheet holds

For the example productions and for synthetic productions of N bookings with planted
conflicts (benchmarks/synthetic.py), each command runs in a fresh process, measured in
the same run: the raw read of every sheet with python-calamine (the floor), and
`prodsheets check` on the same folder. The table gives wall time (best of --repeat),
peak memory (max RSS of the process), the ratio check / raw read, and whether exactly the
planted conflicts were found. Process start is included on both sides, as a click on the
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


def measure(cmd: list[str], repeat: int = 1) -> tuple[float, float, str]:
    """Best wall seconds, peak RSS (MiB) and stdout of a command run in fresh processes."""
    best, peak, out = float("inf"), 0.0, ""
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV)
        out = proc.stdout.read().decode() if proc.stdout else ""
        _, _, usage = os.wait4(proc.pid, 0)
        best = min(best, time.perf_counter() - t)
        peak = max(peak, usage.ru_maxrss / 1024)
    return best, peak, out


def raw_read(folder: Path, repeat: int) -> tuple[float, float]:
    wall, mem, _ = measure([sys.executable, "-c", RAW_READ, str(folder)], repeat)
    return wall, mem


def row(label: str, raw: tuple[float, float], run: tuple[float, float], found: str) -> None:
    (raw_t, raw_m), (t, m) = raw, run
    print(
        f"| {label} | {raw_t:.2f} s | {t:.2f} s | **{t / raw_t:.2f}×** | {raw_m:.0f} MiB "
        f"| {m:.0f} MiB | {found} |",
        flush=True,
    )


def bench_check(label: str, folder: Path, planted: Counter[str] | None, repeat: int) -> None:
    raw = raw_read(folder, repeat)
    cmd = [sys.executable, "-m", "prodsheets", "check", str(folder), "--format", "json"]
    wall, mem, out = measure(cmd, repeat)
    found = "—"
    if planted is not None:
        got = Counter(f["name"] for f in json.loads(out)["findings"])
        found = "yes, exactly" if got == planted else f"NO: {dict(got)}"
    row(label, raw, (wall, mem), found)


def bench_reconcile(label: str, folder: Path, repeat: int) -> None:
    """`prodsheets reconcile` on the same folder, beside the same raw read (issue "Costs")."""
    raw = raw_read(folder, repeat)
    cmd = [sys.executable, "-m", "prodsheets", "reconcile", str(folder), "--format", "json"]
    wall, mem, _ = measure(cmd, repeat)
    row(f"{label}: `reconcile`", raw, (wall, mem), "—")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per command (best kept)")
    args = parser.parse_args()
    print("| production | raw read (calamine) | prodsheets check | ratio | peak RSS read "
          "| peak RSS check | planted conflicts found |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for example in sorted((ROOT / "workbooks").iterdir()):
        if example.is_dir():
            bench_check(f"example `{example.name}`", example, None, max(args.repeat, 5))
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"synthetic-{n}"
            planted = write_synthetic(folder, n)
            repeat = args.repeat if n <= 100_000 else 1
            bench_check(f"{n:,} bookings", folder, planted, repeat)
            bench_reconcile(f"{n:,} bookings", folder, repeat)


if __name__ == "__main__":
    main()
