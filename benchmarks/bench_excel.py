"""What one click on the Excel button costs beside merely reading the same workbooks.

    python benchmarks/bench_excel.py                 # both examples, best of 3

For each example production (copied into a temporary folder with its control workbook),
two fresh processes are timed, as a click starts Python afresh: the raw read of every
sheet with python-calamine (the floor), and one call of the button's ``main()`` with
``xlwings.Book.caller`` returning the stand-in book of tests/xlwings_standin.py (check,
reconcile, reports without PDFs, results written into the book; the browser is the
no-op ``BROWSER=true``). Import of xlwings (and of pandas, which it imports when
installed) is included, as Excel's click pays it. Excel's own time to start Python and to
write the cells through COM/AppleScript is not. Run on demand, not in CI.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RAW_READ = """
import sys
from pathlib import Path
import python_calamine as pc
for p in sorted(Path(sys.argv[1]).glob("*.xls*")):
    wb = pc.CalamineWorkbook.from_path(str(p))
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python()
"""

CLICK = """
import sys
sys.path.insert(0, sys.argv[2])
from xlwings_standin import Book
import xlwings as xw
from prodsheets.excel import layout as L
folder = sys.argv[1]
lang = "fr" if (__import__("pathlib").Path(folder) / "controle.xlsm").exists() else "en"
name = L.NAMES[lang]
book = Book(f"{folder}/{name}.xlsm", [L.DASHBOARD[lang], L.FINDINGS[lang], L.CONF])
xw.Book.caller = staticmethod(lambda: book)
sys.path.insert(0, folder)
__import__(name).main()
status = book.sheets[L.DASHBOARD[lang]].range(L.STATUS).value
assert status.startswith(("Vérifié", "Checked")), status
"""


def best(cmd: list[str], repeat: int) -> float:
    env = {**os.environ, "BROWSER": "true"}
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'production':<20} {'raw read':>9} {'one click':>10} {'ratio':>6}")
    for example in ("tournage-reunion", "festival"):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / example
            shutil.copytree(ROOT / "workbooks" / example, folder)
            subprocess.run(
                [sys.executable, "-m", "prodsheets", "excel", str(folder)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            raw = best([sys.executable, "-c", RAW_READ, str(folder)], args.repeat)
            click = best(
                [sys.executable, "-c", CLICK, str(folder), str(ROOT / "tests")], args.repeat
            )
            print(f"{example:<20} {raw:>8.2f}s {click:>9.2f}s {click / raw:>5.1f}×")


if __name__ == "__main__":
    main()
