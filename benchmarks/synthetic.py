"""Synthetic productions of N bookings with a known number of planted conflicts.

The base schedule keeps every rule: each person works one 8-hour event a weekday (40 h a
week, 16 h of rest, five days in a row), each event has its own location, each resource
is booked once a day. Then ``planted`` conflicts of each kind are added, each making
exactly one finding:

* ``double-booking``: a person also booked on another event of the same day, same hours;
* ``unavailable``: an unavailability on a day a person works;
* ``rest-time``: a person kept until midnight, then called at 07:00 the next day;
* ``travel-time``: a person's day split between two events at two locations 15 min apart.

``python benchmarks/synthetic.py OUT N`` writes one; the benchmark and the tests import
``write_synthetic``.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

PEOPLE_BOOKINGS = 200  # bookings a person gets, one a working day
CREW_PER_EVENT = 10
FIRST_DAY = dt.date(2026, 1, 5)  # a Monday
KINDS = ("double-booking", "unavailable", "rest-time", "travel-time")


def working_days(count: int) -> list[dt.date]:
    days: list[dt.date] = []
    day = FIRST_DAY
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _not_friday(days: list[dt.date], d: int) -> int:
    """A day whose next working day is the next calendar day."""
    return d - 1 if days[d].weekday() == 4 else d


def write_synthetic(folder: Path, bookings: int, planted: int | None = None) -> Counter[str]:
    """Write budget.xlsx, crew.xlsx, schedule.xlsx; return the planted findings by name."""
    import xlsxwriter

    folder.mkdir(parents=True, exist_ok=True)
    planted = max(1, bookings // 10_000) if planted is None else planted
    # A tenth of the bookings are resources, the rest people (each on 200 days).
    people = max(2 * CREW_PER_EVENT, 4 * planted, bookings * 9 // 10 // PEOPLE_BOOKINGS)
    resources = max(1, bookings // 10 // PEOPLE_BOOKINGS)
    days = working_days(PEOPLE_BOOKINGS)
    events_a_day = -(-people // CREW_PER_EVENT)
    last = days[-1] + dt.timedelta(days=7)

    def book(path: Path) -> xlsxwriter.Workbook:
        return xlsxwriter.Workbook(str(path), {"constant_memory": True})

    wb = book(folder / "budget.xlsx")
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws = wb.add_worksheet("Production")
    ws.write_row(0, 0, ["Paramètre", "Valeur"])
    ws.write_row(1, 0, ["Titre", f"Synthétique {bookings}"])
    ws.write_row(2, 0, ["Langue", "fr"])
    ws.write_row(3, 0, ["Convention", "audiovisuel"])
    ws.write(4, 0, "Début")
    ws.write_datetime(4, 1, dt.datetime.combine(FIRST_DAY, dt.time()), date_fmt)
    ws.write(5, 0, "Fin")
    ws.write_datetime(5, 1, dt.datetime.combine(last, dt.time()), date_fmt)
    ws = wb.add_worksheet("Devis")
    ws.write_row(0, 0, ["Code", "Libellé", "Quantité", "Tarif", "Total"])
    # 300 € a day as in Équipe, plus room for the overtime premiums the schedule holds
    # (about 4 %): a budget that covers its schedule, so `check` finds no cost overrun.
    ws.write_row(1, 0, ["02.01", "Équipe", len(days) * people, 320, len(days) * people * 320])
    ws.write_row(
        2, 0, ["07.01", "Matériel", len(days) * resources, 100, len(days) * resources * 100]
    )
    wb.close()

    wb = book(folder / "crew.xlsx")
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws = wb.add_worksheet("Équipe")
    ws.write_row(0, 0, ["Id", "Nom", "Poste", "Contrat", "Tarif jour", "Code budget"])
    for p in range(people):
        ws.write_row(
            p + 1, 0, [f"P{p}", f"Personne {p}", "technicien", "intermittent", 300, "02.01"]
        )
    ws = wb.add_worksheet("Matériel")
    ws.write_row(0, 0, ["Id", "Nom", "Quantité", "Tarif jour", "Code budget"])
    for r in range(resources):
        ws.write_row(r + 1, 0, [f"R{r}", f"Matériel {r}", 1, 100, "07.01"])
    ws = wb.add_worksheet("Indisponibilités")
    ws.write_row(0, 0, ["Qui", "Du", "Au", "Motif"])
    for k in range(planted):  # unavailable: person 4k+1 on the day 3k+2
        day = days[(3 * k + 2) % len(days)]
        ws.write(k + 1, 0, f"P{(4 * k + 1) % people}")
        ws.write_datetime(k + 1, 1, dt.datetime.combine(day, dt.time()), date_fmt)
        ws.write_datetime(k + 1, 2, dt.datetime.combine(day, dt.time()), date_fmt)
        ws.write(k + 1, 3, "congé")
    wb.close()

    wb = book(folder / "schedule.xlsx")
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    time_fmt = wb.add_format({"num_format": "hh:mm"})
    ws = wb.add_worksheet("Lieux")
    ws.write_row(0, 0, ["Id", "Nom", "Extérieur"])
    for loc in range(events_a_day + 1):
        ws.write_row(loc + 1, 0, [f"L{loc}", f"Lieu {loc}", "non"])

    ws = wb.add_worksheet("Planning")
    ws.write_row(0, 0, ["Id", "Date", "Début", "Fin", "Intitulé", "Lieu"])
    row = 1
    for d, day in enumerate(days):
        for e in range(events_a_day):
            ws.write(row, 0, f"E{d}-{e}")
            ws.write_datetime(row, 1, dt.datetime.combine(day, dt.time()), date_fmt)
            ws.write_number(row, 2, 9 / 24, time_fmt)
            ws.write_number(row, 3, 17 / 24, time_fmt)
            ws.write(row, 4, f"Séquence {d}-{e}")
            ws.write(row, 5, f"L{e}")
            row += 1

    # Planted conflicts, keyed by (person, day index): what to change in their booking.
    double = {((4 * k) % people, (3 * k) % len(days)) for k in range(planted)}
    rest = {
        ((4 * k + 2) % people, _not_friday(days, (3 * k + 1) % (len(days) - 1)))
        for k in range(planted)
    }
    travel = {((4 * k + 3) % people, (3 * k + 2) % len(days)) for k in range(planted)}
    rest_next = {(p, d + 1) for p, d in rest}

    ws = wb.add_worksheet("Affectations")
    ws.write_row(0, 0, ["Séquence", "Qui", "Convocation", "Fin"])
    row = 1

    def booking(event: str, who: str, call: float | None = None, wrap: float | None = None) -> None:
        nonlocal row
        ws.write(row, 0, event)
        ws.write(row, 1, who)
        if call is not None:
            ws.write_number(row, 2, call / 24, time_fmt)
        if wrap is not None:
            ws.write_number(row, 3, wrap / 24, time_fmt)
        row += 1

    for d in range(len(days)):
        for p in range(people):
            e = p // CREW_PER_EVENT
            event = f"E{d}-{e}"
            key = (p, d)
            if key in rest:
                booking(event, f"P{p}", 16, 0)  # 16:00 to midnight
            elif key in rest_next:
                booking(event, f"P{p}", 7, None)  # 07:00 after a midnight wrap: 7 h of rest
            elif key in travel:
                other = f"E{d}-{(e + 1) % events_a_day}" if events_a_day > 1 else event
                booking(event, f"P{p}", 9, 12)
                booking(other, f"P{p}", 12.25, 17)  # 15 min to reach another location
            else:
                booking(event, f"P{p}")
            if key in double:
                booking(f"E{d}-{(e + 1) % events_a_day}", f"P{p}")
        for r in range(resources):
            booking(f"E{d}-{r % events_a_day}", f"R{r}")
    wb.close()
    return Counter({kind: planted for kind in KINDS})


if __name__ == "__main__":
    print(write_synthetic(Path(sys.argv[1]), int(sys.argv[2])))
