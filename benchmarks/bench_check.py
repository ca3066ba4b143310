"""How much `prodsheets check` costs beside merely reading the same workbooks.

    python benchmarks/bench_check.py                 # 10k and 100k bookings + the examples
    python benchmarks/bench_check.py --sizes 1048575 # the most one Excel sheet holds

For each size, a synthetic production is written (XlsxWriter, constant memory), then in
fresh processes, measured in the same run: the raw read of every sheet with
python-calamine (the floor), and `prodsheets check` on the same folder. The table gives
wall time, peak memory (max RSS) and the ratio check / raw read. Run on demand, not in CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
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


def write_synthetic(folder: Path, bookings: int, seed: int = 7) -> None:
    """A production with `bookings` rows in Affectations, about 20 bookings per event."""
    import xlsxwriter

    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    people = [f"P{i:04d}" for i in range(max(50, bookings // 200))]
    events = max(10, bookings // 20)
    start = dt.date(2026, 1, 5)
    days = max(5, events // 40)

    wb = xlsxwriter.Workbook(str(folder / "budget.xlsx"), {"constant_memory": True})
    ws = wb.add_worksheet("Production")
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    for r, (k, v) in enumerate(
        [("Paramètre", "Valeur"), ("Titre", f"Synthétique {bookings}"), ("Langue", "fr")]
    ):
        ws.write_row(r, 0, [k, v])
    ws.write(3, 0, "Début")
    ws.write_datetime(3, 1, dt.datetime.combine(start, dt.time()), date_fmt)
    ws.write(4, 0, "Fin")
    ws.write_datetime(
        4, 1, dt.datetime.combine(start + dt.timedelta(days=days), dt.time()), date_fmt
    )
    ws = wb.add_worksheet("Devis")
    ws.write_row(0, 0, ["Code", "Libellé", "Quantité", "Tarif", "Total"])
    ws.write_row(1, 0, ["02.01", "Équipe", days, 400, days * 400])
    wb.close()

    wb = xlsxwriter.Workbook(str(folder / "crew.xlsx"), {"constant_memory": True})
    ws = wb.add_worksheet("Équipe")
    ws.write_row(0, 0, ["Id", "Nom", "Poste", "Tarif jour", "Code budget"])
    for r, p in enumerate(people, 1):
        ws.write_row(r, 0, [p, f"Personne {p}", "technicien", 400, "02.01"])
    wb.close()

    wb = xlsxwriter.Workbook(str(folder / "schedule.xlsx"), {"constant_memory": True})
    time_fmt = wb.add_format({"num_format": "hh:mm"})
    ws = wb.add_worksheet("Lieux")
    ws.write_row(0, 0, ["Id", "Nom"])
    for r in range(1, 21):
        ws.write_row(r, 0, [f"L{r}", f"Lieu {r}"])
    ws = wb.add_worksheet("Planning")
    ws.write_row(0, 0, ["Id", "Date", "Début", "Fin", "Lieu"])
    for e in range(events):
        day = start + dt.timedelta(days=e % days)
        ws.write(e + 1, 0, f"E{e}")
        ws.write_datetime(e + 1, 1, dt.datetime.combine(day, dt.time()), date_fmt)
        ws.write_number(e + 1, 2, 8 / 24, time_fmt)
        ws.write_number(e + 1, 3, 18 / 24, time_fmt)
        ws.write(e + 1, 4, f"L{e % 20 + 1}")
    ws = wb.add_worksheet("Affectations")
    ws.write_row(0, 0, ["Séquence", "Qui", "Convocation", "Fin"])
    for b in range(bookings):
        ws.write(b + 1, 0, f"E{rnd.randrange(events)}")
        ws.write(b + 1, 1, rnd.choice(people))
        ws.write_number(b + 1, 2, rnd.choice((7, 8, 9)) / 24, time_fmt)
        ws.write_number(b + 1, 3, rnd.choice((17, 18, 19)) / 24, time_fmt)
    wb.close()


def measure(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of a command run in a fresh process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - t, usage.ru_maxrss / 1024


def bench(label: str, folder: Path) -> None:
    raw_t, raw_m = measure([sys.executable, "-c", RAW_READ, str(folder)])
    chk_t, chk_m = measure(
        [sys.executable, "-m", "prodsheets", "check", str(folder), "--format", "json"]
    )
    print(
        f"| {label} | {raw_t:.2f} s | {chk_t:.2f} s | {chk_t / raw_t:.2f}× "
        f"| {raw_m:.0f} MiB | {chk_m:.0f} MiB |",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    args = parser.parse_args()
    print(
        "| production | raw read (calamine) | prodsheets check | ratio | peak RSS read | peak RSS check |"
    )
    print("|---|---|---|---|---|---|")
    for example in sorted((ROOT / "workbooks").iterdir()):
        if example.is_dir():
            bench(f"example {example.name} (process start included)", example)
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"synthetic-{n}"
            write_synthetic(folder, n)
            bench(f"{n:,} bookings", folder)


if __name__ == "__main__":
    main()
