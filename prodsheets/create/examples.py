"""Write the two example productions of ``workbooks/``.

    python -m prodsheets.create.examples            # rewrites workbooks/tournage-reunion and workbooks/festival
    python -m prodsheets.create.examples OUT_DIR    # writes them under OUT_DIR instead

* ``tournage-reunion/``: « Le Grand Départ », a French short film shot in La Réunion
  (language fr, kind film, cinema working-time rules).
* ``festival/``: Hollow Pines Festival, a weekend outdoor music festival in England
  (language en, kind festival, custom working-time rules).

Both hold a handful of realistic mistakes on purpose, each marked "Planted" below and
listed in ``workbooks/README.md``: ``prodsheets check`` must report exactly those, and
``tests/test_examples.py`` asserts it. They also hold a few scheduling conflicts for the
conflict checks (README, second table), which ``check`` does not look for yet: everything
else in the schedules keeps to the working-time rules, travel times and quantities.

The script is deterministic: the only randomness (which booking calls are left blank,
typed as text or as Excel times) comes from ``random.Random(SEED)``.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from prodsheets.create import write_production

# The repository's workbooks/ folder (the examples are written there by default).
HERE = Path(__file__).resolve().parents[2] / "workbooks"
SEED = 2026
FILM, FESTIVAL = "tournage-reunion", "festival"
STAGE_NAMES = {"MAIN": "Main Stage", "FOREST": "Forest Stage"}

Row = dict[str, Any]

# --- small helpers ---------------------------------------------------------------------


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def hm(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def amount(value: float | int | str | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def french_time(t: dt.time) -> str:
    """08:30 as a French producer types it: 8h30 (or 8h)."""
    return f"{t.hour}h{t.minute:02d}" if t.minute else f"{t.hour}h"


class Schedule:
    """Events and their bookings, built together so that each booking sits on its event."""

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng = rng
        self.lang = lang
        self.events: list[Row] = []
        self.bookings: list[Row] = []
        self._times: dict[str, tuple[dt.time, dt.time]] = {}

    def event(
        self,
        eid: str,
        date: dt.date,
        start: str,
        end: str,
        title: str,
        location: str | None,
        kind: str,
        cover: str | None = None,
        notes: str | None = None,
        people: Iterable[str | tuple[str, str | None, str | None]] = (),
        gear: Iterable[tuple[str, int]] = (),
        pause: str | None = None,
    ) -> Row:
        row: Row = {
            "id": eid,
            "date": date,
            "start": hm(start),
            "end": hm(end),
            "title": title,
            "location": location,
            "kind": kind,
            "cover": cover,
            "notes": notes,
        }
        if pause is not None:
            row["break"] = pause
        self.events.append(row)
        self._times[eid] = (hm(start), hm(end))
        for who in people:
            if isinstance(who, tuple):
                self.book(eid, who[0], who[1], who[2])
            else:
                self.book(eid, who)
        for rid, qty in gear:
            self.book(eid, rid, quantity=qty)
        return row

    def book(
        self,
        event: str,
        who: str,
        call: str | None = None,
        wrap: str | None = None,
        quantity: int | None = None,
        role: str | None = None,
        notes: str | None = None,
    ) -> Row:
        """A booking; a call or wrap not given is, at random, left blank (the event's time)
        or typed out as the event's time, as an Excel time or as text (8h30, 08:30)."""
        start, end = self._times[event]
        row: Row = {"event": event, "who": who, "quantity": quantity, "role": role, "notes": notes}
        raw: dict[str, str] = {}
        for key, given, default in (("call", call, start), ("wrap", wrap, end)):
            if given is not None:
                row[key] = hm(given)
                continue
            draw = self.rng.random()
            if draw < 0.55:
                continue  # blank: the event's own time
            if draw < 0.9:
                row[key] = default
            else:
                raw[key] = french_time(default) if self.lang == "fr" else default.strftime("%H:%M")
        if raw:
            row["_raw"] = raw
        self.bookings.append(row)
        return row


def budget_line(
    code: str,
    chapter: str,
    description: str,
    quantity: int | float | None,
    unit: str | None,
    rate: int | float | str | Decimal | None,
    fringe: str | None = None,
    vendor: str | None = None,
    notes: str | None = None,
) -> Row:
    return {
        "code": code,
        "chapter": chapter,
        "description": description,
        "quantity": None if quantity is None else Decimal(str(quantity)),
        "unit": unit,
        "rate": None if rate is None else amount(rate),
        "fringe": fringe,
        "vendor": vendor,
        "notes": notes,
    }


def line_total(row: Row) -> Decimal:
    if "total" in row:
        return Decimal(row["total"])
    if row.get("quantity") is None or row.get("rate") is None:
        return Decimal(0)
    return amount(row["quantity"] * row["rate"])


def with_subtotals(chapters: Sequence[tuple[str, list[Row]]], label: str) -> list[Row]:
    rows: list[Row] = []
    for name, lines in chapters:
        rows += lines
        rows.append({"description": f"{label} {name}"})
    return rows


# --- « Le Grand Départ »: a short film shot in La Réunion ------------------------------


def film() -> tuple[dict[str, Any], dict[str, Any]]:
    # The data below is laid out as tables, one row per line: not for the formatter.
    # fmt: off
    rng = random.Random(SEED)
    settings: dict[str, Any] = {
        "title": "Le Grand Départ",
        "kind": "film",
        "currency": "EUR",
        "language": "fr",
        "timezone": "Indian/Reunion",
        "start": day("2026-03-02"),
        "end": day("2026-03-14"),
        "contingency": Decimal("0.07"),
        "rules": "cinema",
        "max_consecutive_days": 6,
        "travel_buffer_minutes": 30,
        # The comédiens are kept between two shooting days: their holds are paid (a cachet).
        "paid_holds": ("artiste",),
    }

    crew: list[Row] = []

    def person(
        pid: str,
        name: str,
        role: str,
        dept: str,
        contract: str,
        rate: int,
        code: str | None,
        phone: str,
        backup: str | None = None,
    ) -> None:
        first, last = name.lower().split(" ", 1)
        email = f"{first}.{last.replace(' ', '')}@example.org"
        for a, b in (("é", "e"), ("è", "e"), ("ï", "i"), ("-", "")):
            email = email.replace(a, b)
        crew.append(
            {
                "id": pid,
                "name": name,
                "role": role,
                "department": dept,
                "contract": contract,
                "day_rate": amount(rate),
                "hourly_rate": None,
                "budget_code": code,
                "email": email,
                "phone": phone,
                "backup": backup,
            }
        )

    person("CLAIRE", "Claire Payet", "Réalisatrice", "Réalisation", "intermittent", 350, "02.01", "+262 692 41 18 07")
    person("JULIEN", "Julien Hoarau", "1er assistant réalisateur", "Réalisation", "intermittent", 300, "02.03", "+262 692 65 30 12", "NAIMA")
    person("NAIMA", "Naïma Boyer", "Scripte", "Réalisation", "intermittent", 250, "02.04", "+262 693 12 47 80")
    person("FRED", "Frédéric Dijoux", "Régisseur général", "Régie", "cdd", 200, "02.05", "+262 692 08 77 54")
    person("LUCIE", "Lucie Grondin", "Cheffe opératrice", "Image", "intermittent", 400, "02.06", "+262 692 53 21 96", "YANNICK")
    person("YANNICK", "Yannick Técher", "Cadreur", "Image", "intermittent", 300, "02.07", "+262 693 40 62 15", "TOM")
    # Planted PS401: the second-unit operator, hired late, has no budget code (02.17 in the devis).
    person("TOM", "Tom Ethève", "Cadreur 2e équipe", "Image", "intermittent", 280, None, "+262 692 77 03 48")
    person("SOPHIE", "Sophie Nativel", "Ingénieure du son", "Son", "intermittent", 330, "02.08", "+262 692 19 84 23", "DAVID")
    person("DAVID", "David Maillot", "Perchman", "Son", "intermittent", 250, "02.09", "+262 693 25 16 70")
    person("THIERRY", "Thierry Fontaine", "Chef électricien", "Électricité", "intermittent", 300, "02.13", "+262 692 60 45 31", "KEVIN")
    person("KEVIN", "Kévin Rivière", "Électricien", "Électricité", "intermittent", 220, "02.16", "+262 693 88 12 09")
    person("MARCO", "Marco Lauret", "Chef machiniste", "Machinerie", "intermittent", 300, "02.14", "+262 692 34 90 66", "KEVIN")
    person("AMELIE", "Amélie Sautron", "Cheffe décoratrice", "Décoration", "intermittent", 280, "02.10", "+262 692 71 26 58")
    person("ROSE", "Rose-Marie Baret", "Costumière", "Costumes", "intermittent", 220, "02.11", "+262 693 57 38 14", "INES")
    person("INES", "Inès Cadet", "Maquilleuse", "Maquillage", "intermittent", 220, "02.12", "+262 692 82 64 27", "ROSE")
    person("MAYA", "Maya Robert", "Comédienne (Léa)", "Interprétation", "artist", 300, "03.01", "+262 692 13 59 71")
    person("PAUL", "Paul Turpin", "Comédien (Albert)", "Interprétation", "artist", 250, "03.02", "+262 692 46 07 38")
    person("ENZO", "Enzo Damour", "Comédien (Marc)", "Interprétation", "artist", 200, "03.03", "+262 693 91 72 05")

    resources = [
        {"id": "CAM1", "name": "Caméra Arri Alexa Mini", "kind": "caméra", "quantity": 1, "day_rate": amount(450), "vendor": "LOUEURCAM", "budget_code": "07.01"},
        {"id": "OPT1", "name": "Série optiques Zeiss Ultra Prime", "kind": "optiques", "quantity": 1, "day_rate": amount(200), "vendor": "LOUEURCAM", "budget_code": "07.01"},
        {"id": "LUM1", "name": "Kit lumière (HMI 1,8 kW + LED)", "kind": "lumière", "quantity": 1, "day_rate": amount(380), "vendor": "LOUEURLUM", "budget_code": "07.02"},
        {"id": "GROUPE", "name": "Groupe électrogène 12 kVA", "kind": "électricité", "quantity": 1, "day_rate": amount(150), "vendor": "LOUEURLUM", "budget_code": "07.05"},
        {"id": "MACH", "name": "Kit machinerie (travelling, slider)", "kind": "machinerie", "quantity": 1, "day_rate": amount(180), "vendor": "LOUEURLUM", "budget_code": "07.03"},
        {"id": "CAMION", "name": "Camion 12 m³", "kind": "véhicule", "quantity": 1, "day_rate": amount(120), "vendor": "TRANSPORT", "budget_code": "06.01"},
        {"id": "PERCHE", "name": "Perche et micro Schoeps", "kind": "son", "quantity": 1, "day_rate": amount(40), "vendor": None, "budget_code": "07.04"},
        {"id": "HF", "name": "Émetteurs HF Sennheiser", "kind": "son", "quantity": 4, "day_rate": amount(15), "vendor": None, "budget_code": "07.04"},
        {"id": "COST", "name": "Costumes (Léa, Albert, Marc)", "kind": "costumes", "quantity": 1, "day_rate": None, "vendor": None, "budget_code": "05.04"},
        {"id": "DECOR1", "name": "Accessoires case créole", "kind": "décor", "quantity": 1, "day_rate": None, "vendor": None, "budget_code": "05.03"},
    ]

    vendors = [
        {"id": "LOUEURCAM", "name": "Caméra Océan Indien", "service": "Location caméra et optiques", "contact": "Patrick Lebon", "email": "location@camera-oi.example.org", "phone": "+262 262 41 52 63", "critical": True, "backup": "CAMBIS"},
        {"id": "CAMBIS", "name": "Réunion Image Services", "service": "Location caméra (secours)", "contact": "Sandrine Morel", "email": "contact@ris.example.org", "phone": "+262 262 28 90 14", "critical": False, "backup": None},
        {"id": "LOUEURLUM", "name": "Lumière Run", "service": "Lumière, machinerie, groupes", "contact": "Jean-Marc Hoareau", "email": "devis@lumiere-run.example.org", "phone": "+262 262 55 70 38", "critical": True, "backup": "LUMBIS"},
        {"id": "LUMBIS", "name": "Électro Sud Location", "service": "Lumière et groupes (secours)", "contact": "Cédric Payet", "email": "location@electrosud.example.org", "phone": "+262 262 37 44 21", "critical": False, "backup": None},
        {"id": "TRAITEUR", "name": "Le Carri des Hauts", "service": "Traiteur, cantine de tournage", "contact": "Josiane Fontaine", "email": "commandes@carri-hauts.example.org", "phone": "+262 692 30 18 45", "critical": True, "backup": "TRAITBIS"},
        {"id": "TRAITBIS", "name": "Snack Chez Ginette", "service": "Repas livrés (secours)", "contact": "Ginette Grondin", "email": "chezginette@example.org", "phone": "+262 692 84 51 20", "critical": False, "backup": None},
        {"id": "TRANSPORT", "name": "Transports Payet & Fils", "service": "Location de camions", "contact": "Didier Payet", "email": "location@payet-transports.example.org", "phone": "+262 262 22 61 09", "critical": False, "backup": None},
        {"id": "ASSUR", "name": "Assurances Ciné Outre-mer", "service": "Assurance production et matériel", "contact": "Nathalie Vienne", "email": "tournages@acom.example.org", "phone": "+262 262 90 12 34", "critical": False, "backup": None},
        {"id": "BRASSEC", "name": "Gîte du Bras Sec", "service": "Hébergement à Cilaos", "contact": "Marie-Claude Técher", "email": "gite.brassec@example.org", "phone": "+262 262 31 70 58", "critical": False, "backup": None},
        {"id": "STUDIOLP", "name": "Studio Le Port", "service": "Location de plateau", "contact": "Alain Nativel", "email": "plateau@studio-leport.example.org", "phone": "+262 262 43 08 91", "critical": False, "backup": None},
    ]

    # The call sheet's safety block: coordinates (sunrise and sunset), parking, nearest hospital.
    felix = ("CHU Félix Guyon", "Allée des Topazes, Bellepierre, 97400 Saint-Denis", "+262 262 90 50 50")
    sud = ("CHU Sud Réunion", "Avenue François Mitterrand, 97410 Saint-Pierre", "+262 262 35 90 00")
    ouest = ("Centre hospitalier Gabriel Martin", "38 rue Labourdonnais, 97460 Saint-Paul", "+262 262 45 30 30")

    def place(lid: str, name: str, address: str, outdoor: bool, lat: str, lon: str, parking: str,
              hospital: tuple[str, str, str]) -> Row:
        return {"id": lid, "name": name, "address": address, "outdoor": outdoor, "capacity": 1,
                "latitude": Decimal(lat), "longitude": Decimal(lon), "parking": parking,
                "hospital": hospital[0], "hospital_address": hospital[1], "hospital_phone": hospital[2]}

    locations = [
        place("BUREAU", "Bureau de production", "12 rue de Paris, 97400 Saint-Denis", False, "-20.8790", "55.4510",
              "Parking Jean Chatel (badges à la régie)", felix),
        place("STDENIS", "Le Barachois", "Boulevard Gabriel Macé, 97400 Saint-Denis", True, "-20.8737", "55.4466",
              "Camion sur l'aire de livraison du Barachois ; voitures au parking de la Rotonde", felix),
        place("CASE", "Case créole (maison Valliamé)", "47 rue Jean Chatel, 97400 Saint-Denis", False, "-20.8795", "55.4503",
              "Cour intérieure : camion seulement ; voitures au parking Jean Chatel", felix),
        place("CILAOS", "Cirque de Cilaos, sentier de la Roche Merveilleuse", "Route de Bras Sec, 97413 Cilaos", True,
              "-21.1318", "55.4793", "Parking du départ du sentier (route de Bras Sec)", sud),
        place("GITE", "Gîte du Bras Sec", "Chemin des Saules, Bras Sec, 97413 Cilaos", False, "-21.1487", "55.4855",
              "Devant le gîte (4 places) ; le camion reste au parking du sentier", sud),
        place("HERMITAGE", "Plage de l'Hermitage", "Rue des Filaos, 97434 Saint-Gilles-les-Bains", True,
              "-21.0779", "55.2228", "Parking des Filaos ; groupe électrogène côté route", ouest),
        place("MARCHE", "Marché forain de Saint-Paul (halle)", "Front de mer, 97460 Saint-Paul", False,
              "-21.0096", "55.2699", "Parking du front de mer (avant 6 h 30, jour de marché)", ouest),
        place("STUDIO", "Studio Le Port", "8 rue de la Darse, 97420 Le Port", False, "-20.9370", "55.2919",
              "Parking du studio, badge à l'accueil", ouest),
    ]

    travel = [
        ("BUREAU", "STDENIS", 10), ("BUREAU", "CASE", 10), ("STDENIS", "CASE", 10),
        ("BUREAU", "STUDIO", 25), ("STDENIS", "STUDIO", 25), ("CASE", "STUDIO", 25),
        ("BUREAU", "HERMITAGE", 50), ("STDENIS", "HERMITAGE", 50), ("STUDIO", "HERMITAGE", 30),
        ("BUREAU", "CILAOS", 120), ("STDENIS", "CILAOS", 120), ("CILAOS", "GITE", 10),
        ("BUREAU", "GITE", 120), ("HERMITAGE", "CILAOS", 100), ("STUDIO", "CILAOS", 110),
        ("MARCHE", "HERMITAGE", 15), ("MARCHE", "STUDIO", 20), ("MARCHE", "CILAOS", 95),
    ]

    s = Schedule(rng, "fr")
    ev = s.event
    d = day
    # Prep week: meetings, scouting, tests.
    ev("PREP01", d("2026-03-02"), "09:00", "12:30", "Réunion de préparation", "BUREAU", "prépa",
       people=["CLAIRE", "JULIEN", "FRED", "LUCIE", "AMELIE"])
    ev("CAST01", d("2026-03-02"), "14:00", "17:00", "Casting figuration", "BUREAU", "prépa",
       people=["CLAIRE", "JULIEN"])
    ev("REP01", d("2026-03-03"), "07:00", "15:00", "Repérage technique Cilaos (sentier, bassin, gîte)", "CILAOS", "repérage",
       cover="GITE", people=["CLAIRE", "JULIEN", "LUCIE", "FRED"], pause="12:00-12:45")
    ev("REP02", d("2026-03-04"), "08:00", "11:30", "Repérage plage de l'Hermitage (marées, soleil)", "HERMITAGE", "repérage",
       cover="STUDIO", people=["CLAIRE", "JULIEN", "LUCIE", "THIERRY", "SOPHIE"])
    ev("REP03", d("2026-03-04"), "13:30", "16:30", "Repérage Barachois (stationnement, bruit)", "STDENIS", "repérage",
       cover="CASE", people=["CLAIRE", "JULIEN", "LUCIE", "THIERRY", "FRED"])
    ev("REP04", d("2026-03-04"), "16:45", "17:45", "Repérage case créole", "CASE", "repérage",
       people=["CLAIRE", "AMELIE"])
    ev("PREP02", d("2026-03-05"), "09:00", "17:00", "Essais caméra et optiques", "STUDIO", "prépa",
       gear=[("CAM1", 1), ("OPT1", 1)], pause="12:30-13:30")
    # The camera tests: LUCIE typed LUCE (planted PS114 at Affectations!B27).
    s.book("PREP02", "LUCE", "09:00", "17:00", role="Cheffe opératrice")
    s.book("PREP02", "YANNICK")
    s.book("PREP02", "TOM")
    ev("PREP03", d("2026-03-05"), "10:00", "16:00", "Essais costumes et maquillage", "BUREAU", "essayage",
       people=["CLAIRE", "ROSE", "INES", "MAYA", "PAUL", "ENZO"], gear=[("COST", 1)], pause="45")
    ev("PREP04", d("2026-03-06"), "09:30", "12:30", "Lecture à la table", "BUREAU", "lecture",
       people=["CLAIRE", "JULIEN", "NAIMA", "MAYA", "PAUL", "ENZO"])
    # Planted PS311: the set decorator dresses the créole house all day, no break recorded.
    ev("DECO01", d("2026-03-06"), "09:00", "17:00", "Décoration de la case créole", "CASE", "prépa",
       people=["AMELIE"], gear=[("DECOR1", 1)])
    ev("PREP05", d("2026-03-06"), "14:00", "18:00", "Chargement du camion", "STUDIO", "prépa",
       people=["FRED", "MARCO", "KEVIN"], gear=[("CAMION", 1)])

    unit = ["CLAIRE", "JULIEN", "NAIMA", "LUCIE", "YANNICK", "SOPHIE", "DAVID"]
    # Each scene's length in eighths of a page, as the script breakdown gives it.
    PAGES = {
        "S01": "1 3/8", "S02": "2 1/8", "S03": "1 6/8", "S04": "1 2/8", "S05": "2 4/8",
        "S06": "1 1/8", "S07": "2", "S08": "1 5/8", "S09": "2 2/8", "S10": "1 3/8",
        "S11": "2 6/8", "S12": "5/8", "S13": "3 1/8", "S14": "1 7/8", "S15": "1 4/8", "S16": "4/8",
    }
    EFFECTS = {"S08": "dawn", "S12": "dusk"}
    elec_for = {
        "séquence jour": ["THIERRY", "MARCO"],
        "séquence int. jour": ["THIERRY", "KEVIN"],
        "séquence nuit": ["THIERRY", "KEVIN", "MARCO"],
    }
    first_of_day = {"S01", "S05", "S08", "S11", "S14"}  # the truck comes with the first scene

    def scene(
        sid: str,
        date: str,
        start: str,
        end: str,
        title: str,
        location: str,
        cast: Sequence[str],
        extra: Sequence[str] = (),
        gear: Sequence[tuple[str, int]] = (),
        cover: str | None = None,
        kind: str = "séquence jour",
        crew_: Sequence[str] | None = None,
        notes: str | None = None,
        pause: str | None = None,
    ) -> None:
        people = [*(crew_ if crew_ is not None else [*unit, *elec_for[kind]]), *extra, *cast]
        hf = [("HF", len(cast))] if cast else []
        boom = [("PERCHE", 1)] if "SOPHIE" in people or "DAVID" in people else []
        truck = [("CAMION", 1)] if sid in first_of_day else []
        row = ev(sid, d(date), start, end, title, location, kind, cover=cover, notes=notes,
                 pause=pause, people=people, gear=[("CAM1", 1), ("OPT1", 1), *boom, *hf, *truck, *gear])
        # The strip of the plan de travail: scene number, pages in eighths, INT/EXT, effect.
        row.update(scene=str(int(sid[1:])), _raw={"pages": PAGES[sid]},
                   int_ext="int" if "int." in kind else "ext",
                   day_night=EFFECTS.get(sid, "night" if "nuit" in kind else "day"))

    # J1, Monday 9 March: Saint-Denis.
    ev("PAT1", d("2026-03-09"), "07:00", "08:00", "Préparation HMC et installation", "STDENIS", "préparation",
       cover="CASE", people=["ROSE", "INES", "MAYA"])
    scene("S01", "2026-03-09", "08:00", "10:30", "Séq. 1 : Léa arrive au Barachois", "STDENIS", ["MAYA"],
          extra=["ROSE", "INES", "FRED"], gear=[("MACH", 1), ("COST", 1)], cover="CASE")
    scene("S02", "2026-03-09", "10:30", "13:00", "Séq. 2 : Léa et Marc, front de mer", "STDENIS", ["MAYA", "ENZO"],
          extra=["ROSE", "INES", "FRED"], gear=[("COST", 1)], cover="S04")
    scene("S03", "2026-03-09", "14:00", "16:00", "Séq. 3 : Salon de la case créole", "CASE", ["MAYA", "PAUL"],
          extra=["AMELIE", "ROSE", "INES", "FRED"], gear=[("LUM1", 1), ("DECOR1", 1), ("COST", 1)],
          kind="séquence int. jour")
    scene("S04", "2026-03-09", "16:00", "17:30", "Séq. 4 : Varangue, Albert et Marc", "CASE", ["PAUL", "ENZO"],
          extra=["AMELIE", "INES", "FRED"], gear=[("LUM1", 1), ("DECOR1", 1)], kind="séquence int. jour")

    # J2, Tuesday 10 March: Cilaos.
    ev("PAT2", d("2026-03-10"), "06:45", "07:45", "Préparation HMC au gîte", "GITE", "préparation",
       people=["ROSE", "INES", "MAYA", "PAUL"])
    # Conflict (travel-time): the unit manager at the town hall in Saint-Denis until 10:30,
    # then on S06 in Cilaos at 11:00 (2 h of road).
    ev("REG01", d("2026-03-10"), "08:30", "10:30", "Mairie : autorisation de tournage Barachois", "BUREAU", "régie",
       people=["FRED"])
    scene("S05", "2026-03-10", "08:00", "11:00", "Séq. 5 : Sentier de la Roche Merveilleuse", "CILAOS", ["MAYA", "PAUL"],
          extra=["ROSE", "INES"], gear=[("MACH", 1), ("COST", 1)], cover="GITE")
    scene("S06", "2026-03-10", "11:00", "13:00", "Séq. 6 : Le belvédère", "CILAOS", ["MAYA", "PAUL"],
          extra=["ROSE", "INES", "FRED"], gear=[("COST", 1)], cover="S07")
    # ENZO is not needed on Tuesday: held between Monday and Wednesday (H, a paid hold).
    scene("S07", "2026-03-10", "14:00", "17:00", "Séq. 7 : Cuisine du gîte", "GITE", ["PAUL", "MAYA"],
          extra=["AMELIE", "FRED"], gear=[("LUM1", 1)], kind="séquence int. jour")

    # J3, Wednesday 11 March: Cilaos, and a second unit in Saint-Paul.
    ev("PAT3", d("2026-03-11"), "06:30", "07:15", "Préparation HMC au gîte", "GITE", "préparation",
       people=["ROSE", "INES", "MAYA", "ENZO"])
    scene("S08", "2026-03-11", "07:30", "10:30", "Séq. 8 : Le bassin au petit matin", "CILAOS", ["MAYA", "ENZO"],
          extra=["ROSE", "INES", "FRED"], gear=[("COST", 1)], cover="GITE")
    # Conflict (over-capacity): the second unit takes CAM1, the only camera, while S08 uses it.
    ev("2E01", d("2026-03-11"), "07:00", "08:30", "2e équipe : plans de coupe au marché de Saint-Paul", "MARCHE",
       "2e équipe", people=["TOM"], gear=[("CAM1", 1)],
       notes="Caméra : prévoir une 2e caméra chez le loueur")
    # Conflict (outdoor event without cover): S09 is outside in Cilaos and has no cover.
    scene("S09", "2026-03-11", "10:30", "13:00", "Séq. 9 : Marche vers la cascade", "CILAOS", ["MAYA", "PAUL"],
          extra=["ROSE", "INES", "FRED"], gear=[("MACH", 1), ("COST", 1)], pause="10:30-10:50")
    scene("S10", "2026-03-11", "14:00", "16:30", "Séq. 10 : Chambre d'Albert", "GITE", ["PAUL"],
          extra=["AMELIE", "INES", "FRED"], gear=[("LUM1", 1)], kind="séquence int. jour")

    # J4, Thursday 12 March: the beach, day into night; the studio set is built meanwhile.
    # Conflict (double-booking): MARCO builds the set in Le Port and is on S11 at the beach.
    ev("PREP06", d("2026-03-12"), "13:00", "17:00", "Construction du décor : chambre de Léa", "STUDIO", "décor",
       people=["AMELIE", "MARCO"])
    ev("PAT4", d("2026-03-12"), "13:00", "13:45", "Préparation HMC plage", "HERMITAGE", "préparation",
       cover="STUDIO", people=["ROSE", "INES", "MAYA", "ENZO"])
    scene("S11", "2026-03-12", "14:00", "17:00", "Séq. 11 : Léa et Marc sur la plage", "HERMITAGE", ["MAYA", "ENZO"],
          extra=["ROSE", "INES", "FRED"], gear=[("MACH", 1), ("COST", 1)], cover="STUDIO")
    # Planted PS116: S12 typed in April (it also adds a shooting day to the costs).
    scene("S12", "2026-04-12", "17:30", "19:30", "Séq. 12 : Coucher de soleil", "HERMITAGE", ["MAYA", "ENZO"],
          extra=["INES"], gear=[("COST", 1)], cover="S15", crew_=[*unit, "THIERRY", "KEVIN"])
    scene("S13", "2026-03-12", "20:30", "00:30", "Séq. 13 : Feu de camp sur la plage (nuit)", "HERMITAGE",
          ["MAYA", "ENZO", "PAUL"], extra=["ROSE", "INES", "FRED"],
          gear=[("LUM1", 1), ("GROUPE", 1), ("COST", 1)], cover="STUDIO", kind="séquence nuit")

    # J5, Friday 13 March: Studio Le Port.
    # Conflict (rest-time): KEVIN wraps S13 at 00:30 and pre-lights at 08:00 (7 h 30 of rest).
    # Conflict (unavailable): INES is booked on S14-S16 but unavailable on 13 March.
    ev("LIGHT5", d("2026-03-13"), "08:00", "12:00", "Pré-light studio", "STUDIO", "préparation",
       people=["KEVIN"], gear=[("LUM1", 1)])
    studio = [*unit, "THIERRY", "MARCO"]
    scene("S14", "2026-03-13", "13:00", "15:30", "Séq. 14 : Chambre de Léa", "STUDIO", ["MAYA"],
          extra=["AMELIE", "ROSE", "INES", "FRED"], gear=[("LUM1", 1), ("COST", 1)], kind="séquence int. jour",
          crew_=[u for u in studio if u != "LUCIE"])
    scene("S15", "2026-03-13", "15:30", "18:00", "Séq. 15 : Léa écrit la lettre", "STUDIO", ["MAYA", "PAUL"],
          extra=["AMELIE", "ROSE", "INES"], gear=[("LUM1", 1), ("COST", 1)], kind="séquence int. jour",
          crew_=studio, pause="16:30-16:50")
    scene("S16", "2026-03-13", "18:00", "20:00", "Séq. 16 : Inserts et raccords", "STUDIO", ["MAYA"],
          extra=["INES"], gear=[("LUM1", 1)], kind="séquence int. jour",
          crew_=["CLAIRE", "JULIEN", "NAIMA", "LUCIE", "YANNICK", "SOPHIE", "THIERRY"])

    # Wrap day, Saturday 14 March.
    ev("RENDU", d("2026-03-14"), "09:00", "13:00", "Rendu du matériel et du camion", "STUDIO", "rangement",
       people=["FRED", "MARCO"],
       gear=[("CAM1", 1), ("OPT1", 1), ("LUM1", 1), ("GROUPE", 1), ("MACH", 1), ("CAMION", 1), ("PERCHE", 1), ("HF", 4)])
    ev("BILAN", d("2026-03-14"), "14:00", "16:00", "Bilan de tournage", "BUREAU", "réunion",
       people=["CLAIRE", "JULIEN", "FRED"])

    # The LUCE booking must sit on row 27 of Affectations (it is the README's example).
    luce = next(i for i, b in enumerate(s.bookings) if b["who"] == "LUCE")
    assert luce == 25, luce

    # Meals, after every other event so that the rows above keep their numbers.
    for date, start, end, title in (
        ("2026-03-09", "13:00", "14:00", "Déjeuner : cantine Le Carri des Hauts, Barachois"),
        ("2026-03-10", "13:00", "14:00", "Déjeuner au gîte du Bras Sec"),
        ("2026-03-11", "13:00", "14:00", "Déjeuner au gîte du Bras Sec"),
        ("2026-03-12", "18:30", "19:30", "Dîner sur la plage (cantine), avant la nuit"),
        ("2026-03-13", "12:00", "13:00", "Déjeuner au studio"),
    ):
        ev(f"REPAS{date[-2:]}", d(date), start, end, title, None, "repas")

    # HMC and ready (PAT) times of the comédiens, on their preparation bookings.
    preparation = {e["id"]: e for e in s.events if e["kind"] == "préparation" and e["id"].startswith("PAT")}
    cast = {"MAYA", "PAUL", "ENZO"}
    for b in s.bookings:
        e = preparation.get(b["event"])
        if e is not None and b["who"] in cast:
            b["hmc"], b["ready"] = e["start"], e["end"]
    # Confirmations: everyone has confirmed, except the studio day's late additions and the
    # wrap day (the call sheets went out on the eve).
    people = {c["id"] for c in crew}
    when = {e["id"]: e["date"] for e in s.events}
    late = {("PAUL", d("2026-03-13")), ("KEVIN", d("2026-03-13"))}
    for b in s.bookings:
        if b["who"] in people:
            day_ = when[b["event"]]
            b["confirmed"] = (b["who"], day_) not in late and day_ != d("2026-03-14")

    # Actual hours, from the production reports of the first two evenings. Monday ran as
    # planned (the unit wrapped S04 a quarter of an hour late); on Tuesday S07 at the gîte
    # ran over: the kitchen scene took the light until 19:15.
    actual_hours = _actual_hours(s, people, {
        d("2026-03-09"): ({"S04"}, 15),
        d("2026-03-10"): ({"S07"}, 135),
    })

    unavailability = [
        {"who": "PAUL", "from": d("2026-03-02"), "to": d("2026-03-04"), "reason": "Tournage d'un épisode de série"},
        {"who": "GROUPE", "from": d("2026-03-09"), "to": d("2026-03-10"), "reason": "Loué sur un autre tournage"},
        {"who": "INES", "from": d("2026-03-13"), "to": d("2026-03-13"), "reason": "Autre contrat (publicité)"},
        {"who": "TOM", "from": d("2026-03-12"), "to": d("2026-03-13"), "reason": "Autre tournage"},
        # Planted PS115: the dates are swapped.
        {"who": "DAVID", "from": d("2026-03-20"), "to": d("2026-03-18"), "reason": "Congés"},
        {"who": "ENZO", "_raw": {"from": "14/03/2026", "to": "15/03/2026"}, "reason": "Examens"},
        {"who": "CAM1", "from": d("2026-03-16"), "to": d("2026-03-20"), "reason": "Révision chez le loueur"},
    ]

    risks = [
        {"id": "R01", "risk": "Pluie et orages à Cilaos (saison des pluies)", "category": "météo", "probability": 4, "impact": 4,
         "mitigation": "Suivi Météo-France la veille ; séquences intérieures au gîte prêtes", "backup_plan": "Basculer sur S07 ou S10 au gîte",
         "owner": "JULIEN", "linked_to": ("CILAOS", "S05", "S06", "S08", "S09")},
        {"id": "R02", "risk": "Route de Cilaos fermée (éboulement)", "category": "accès", "probability": 2, "impact": 5,
         "mitigation": "Vérifier l'état des routes la veille ; départ à 5 h", "backup_plan": "Décaler Cilaos, avancer le studio",
         "owner": "FRED", "linked_to": ("CILAOS", "GITE", "TRANSPORT")},
        {"id": "R03", "risk": "Panne du groupe électrogène (nuit sur la plage)", "category": "technique", "probability": 2, "impact": 4,
         "mitigation": "Groupe révisé et testé la veille ; carburant en double", "backup_plan": "Groupe de secours chez Électro Sud ; LED sur batteries",
         "owner": "THIERRY", "linked_to": ("GROUPE", "LOUEURLUM", "S13")},
        {"id": "R04", "risk": "Alerte cyclonique", "category": "météo", "probability": 2, "impact": 5,
         "mitigation": "Suivi des bulletins ; clause intempéries de l'assurance", "backup_plan": "Report du tournage (avenant)",
         "owner": "JULIEN", "linked_to": ("ASSUR",)},
        {"id": "R05", "risk": "Comédienne principale malade", "category": "équipe", "probability": 2, "impact": 5,
         "mitigation": "Assurance indisponibilité ; plan de travail souple", "backup_plan": "Tourner les plans sans Léa, décaler ses séquences",
         "owner": "JULIEN", "linked_to": ("MAYA",)},
        {"id": "R06", "risk": "Houle et marée haute à l'Hermitage", "category": "sécurité", "probability": 3, "impact": 3,
         "mitigation": "Horaires des marées ; matériel au-dessus de la laisse de mer", "backup_plan": "Replier au studio",
         "owner": "FRED", "linked_to": ("HERMITAGE", "S11", "S13")},
        {"id": "R07", "risk": "Casse de la caméra ou d'un objectif", "category": "technique", "probability": 1, "impact": 4,
         "mitigation": "Assurance matériel ; housse pluie", "backup_plan": "Caméra de secours chez Réunion Image Services",
         "owner": "LUCIE", "linked_to": ("CAM1", "OPT1", "LOUEURCAM")},
        {"id": "R08", "risk": "Vol de matériel au Barachois", "category": "sécurité", "probability": 2, "impact": 3,
         "mitigation": "Un régisseur reste au camion", "backup_plan": "Déclaration et matériel de secours",
         "owner": "FRED", "linked_to": ("STDENIS", "CAMION")},
    ]

    # The devis, CNC chapters. Each chapter: (name, lines).
    ch = {
        "01": "01 Droits artistiques", "02": "02 Personnel", "03": "03 Interprétation",
        "04": "04 Charges sociales", "05": "05 Décors et costumes",
        "06": "06 Transports, défraiements, régie", "07": "07 Moyens techniques",
        "08": "08 Post-production", "09": "09 Assurances et divers",
        "10": "10 Frais généraux", "11": "11 Imprévus",
    }
    L = budget_line
    reserve = "Jours planifiés + 1 jour de réserve météo"
    chapters: list[tuple[str, list[Row]]] = [
        (ch["01"], [
            L("01.01", ch["01"], "Droits d'auteur : scénario", 1, "flat", 1500),
            L("01.04", ch["01"], "Droits de la réalisatrice", 1, "flat", 1000),
            L("01.05", ch["01"], "Musique originale", 1, "flat", 1200),
        ]),
        # Each technician's days: prep, shoot and wrap days as booked, plus, for the shooting
        # crew, one weather reserve day (rainy season in Cilaos).
        (ch["02"], [
            L("02.01", ch["02"], "Réalisatrice", 12, "day", 350, "INT", notes=reserve),
            L("02.03", ch["02"], "Premier assistant réalisateur", 11, "day", 300, "INT", notes=reserve),
            L("02.04", ch["02"], "Scripte", 7, "day", 250, "INT", notes=reserve),
            L("02.05", ch["02"], "Régisseur général", 11, "day", 200, "CDD", notes=reserve),
            L("02.06", ch["02"], "Cheffe opératrice", 9, "day", 400, "INT", notes=reserve),
            L("02.07", ch["02"], "Cadreur", 7, "day", 300, "INT", notes=reserve),
            L("02.08", ch["02"], "Ingénieure du son", 7, "day", 330, "INT", notes=reserve),
            L("02.09", ch["02"], "Perchman", 6, "day", 250, "INT", notes=reserve),
            L("02.10", ch["02"], "Cheffe décoratrice", 9, "day", 280, "INT", notes=reserve),
            L("02.11", ch["02"], "Costumière", 7, "day", 220, "INT", notes=reserve),
            L("02.12", ch["02"], "Maquilleuse", 7, "day", 220, "INT", notes=reserve),
            L("02.13", ch["02"], "Chef électricien", 7, "day", 300, "INT", notes=reserve),
            L("02.14", ch["02"], "Chef machiniste", 8, "day", 300, "INT", notes=reserve),
            L("02.15", ch["02"], "Chef monteur", 15, "day", 280, "INT", notes="Montage, après le tournage"),
            L("02.16", ch["02"], "Électricien", 7, "day", 220, "INT", notes=reserve),
            L("02.17", ch["02"], "Cadreur 2e équipe", 2, "day", 280, "INT", notes="Essais caméra, 2e équipe"),
        ]),
        # Planted PS407: the cachets count the costume fittings and the shooting days, but
        # not the table read (06/03), which the comédiens are paid for all the same.
        (ch["03"], [
            L("03.01", ch["03"], "Rôle principal : Léa (Maya Robert)", 6, "day", 300, "ART",
              notes="Essayages + 5 jours de tournage"),
            L("03.02", ch["03"], "Second rôle : Albert (Paul Turpin)", 6, "day", 250, "ART",
              notes="Essayages + 5 jours de tournage"),
            L("03.03", ch["03"], "Petit rôle : Marc (Enzo Damour)", 5, "day", 200, "ART",
              notes="Essayages + 4 jours de tournage"),
            L("03.04", ch["03"], "Figuration (Barachois, marché)", 8, "day", 90, "ART"),
            L("03.06", ch["03"], "Casting", 1, "flat", 400),
        ]),
        # No chapter 04 (charges sociales): each line carries its charges (column Charges,
        # sheet Charges), so a line of its own would count them twice.
        (ch["05"], [
            L("05.01", ch["05"], "Construction du décor studio (chambre de Léa)", 1, "flat", 1800),
            L("05.02", ch["05"], "Décors naturels (case créole, gîte)", 4, "day", 250),
            L("05.03", ch["05"], "Accessoires", 1, "flat", 600),
            L("05.04", ch["05"], "Costumes (achat, location)", 1, "flat", 750),
            L("05.05", ch["05"], "Maquillage et coiffure", 1, "flat", 300),
        ]),
        (ch["06"], [
            L("06.01", ch["06"], "Location camion 12 m³", 8, "day", 120, vendor="TRANSPORT", notes=reserve),
            L("06.02", ch["06"], "Carburant et péages", 1, "flat", 450),
            # Planted PS201: 28 nights now, the total still says 24 (1 560 €).
            {**L("06.04", ch["06"], "Hébergement Cilaos (nuitées)", 28, "day", 65, vendor="BRASSEC"),
             "total": amount(1560)},
            L("06.05", ch["06"], "Cantine de tournage", 5, "day", 520, vendor="TRAITEUR"),
            L("06.06", ch["06"], "Défraiements", 30, "day", 20),
            L("06.07", ch["06"], "Régie (consommables, petit matériel)", 1, "flat", 400),
        ]),
        (ch["07"], [
            L("07.01", ch["07"], "Caméra et optiques", 8, "day", 650, vendor="LOUEURCAM", notes=reserve),
            L("07.02", ch["07"], "Matériel lumière", 7, "day", 380, vendor="LOUEURLUM", notes=reserve),
            L("07.03", ch["07"], "Machinerie", 6, "day", 180, vendor="LOUEURLUM", notes=reserve),
            L("07.04", ch["07"], "Matériel son (perche, HF)", 6, "day", 100),
            L("07.05", ch["07"], "Groupe électrogène", 2, "day", 150, vendor="LOUEURLUM"),
            L("07.06", ch["07"], "Studio Le Port", 3, "day", 600, vendor="STUDIOLP"),
        ]),
        (ch["08"], [
            L("08.01", ch["08"], "Supports et sauvegarde des rushes", 1, "flat", 350),
            L("08.02", ch["08"], "Montage (location de salle)", 3, "week", 600),
            L("08.03", ch["08"], "Étalonnage", 2, "day", 500),
            L("08.04", ch["08"], "Montage son et mixage", 3, "day", 450),
            L("08.07", ch["08"], "Sous-titrage et DCP", 1, "flat", 900),
        ]),
        (ch["09"], [
            L("09.01", ch["09"], "Assurance production", 1, "flat", 1200, vendor="ASSUR"),
            L("09.02", ch["09"], "Assurance matériel", 1, "flat", 650, vendor="ASSUR"),
            L("09.03", ch["09"], "Frais juridiques et comptables", 1, "flat", 800),
            L("09.05", ch["09"], "Autorisations de tournage (mairie, Parc national)", 1, "flat", 250),
        ]),
        (ch["10"], [L("10.01", ch["10"], "Frais généraux", 1, "flat", 2000)]),
    ]
    lines = [r for _, rows in chapters for r in rows]
    subtotal_before_contingency = sum((line_total(r) for r in lines), Decimal(0))
    contingency = (subtotal_before_contingency * Decimal("0.07")).quantize(Decimal("1"))
    chapters.append((ch["11"], [L("11.01", ch["11"], "Imprévus (7 %)", 1, "flat", contingency)]))
    budget = with_subtotals(chapters, "Sous-total")
    # Planted PS203: the grand total still has the value from before the contingency line
    # was added (its SUM stops above chapter 11).
    budget.append({"description": "Total général", "total": subtotal_before_contingency})

    fringes = [
        {"code": "INT", "name": "Intermittents (techniciens, réalisatrice)", "rate": Decimal("0.52"), "applies_to": ("intermittent",)},
        {"code": "ART", "name": "Artistes interprètes (cachets)", "rate": Decimal("0.50"), "applies_to": ("artiste",)},
        {"code": "CDD", "name": "CDD de droit commun", "rate": Decimal("0.45"), "applies_to": ("CDD",)},
    ]

    actuals = [
        {"date": d("2026-02-10"), "code": "01.01", "vendor": None, "description": "Droits scénario : acompte 50 %", "amount": amount(750), "invoice": "AUT-2026-01", "status": "paid"},
        {"date": d("2026-02-20"), "code": "09.01", "vendor": "ASSUR", "description": "Prime assurance production : 1er versement (50 %)", "amount": amount(600), "invoice": "ACOM-4471", "status": "invoiced"},
        {"date": d("2026-02-25"), "code": "07.01", "vendor": "LOUEURCAM", "description": "Bon de commande caméra et optiques (7 jours)", "amount": amount(4550), "invoice": None, "status": "committed"},
        {"date": d("2026-03-03"), "code": "07.02", "vendor": "LOUEURLUM", "description": "Bon de commande lumière (6 jours)", "amount": amount(2280), "invoice": None, "status": "committed"},
        {"date": d("2026-03-05"), "code": "05.04", "vendor": None, "description": "Achat costumes (friperie Saint-Denis)", "amount": amount("428.90"), "invoice": "T-0305", "status": "paid"},
        {"date": d("2026-03-06"), "code": "06.01", "vendor": "TRANSPORT", "description": "Location camion (7 jours)", "amount": amount(840), "invoice": "TPF-2026-118", "status": "invoiced"},
        # Planted PS106: 31/02 does not exist.
        {"_raw": {"date": "31/02/2026"}, "code": "06.07", "vendor": None, "description": "Consommables régie (gaffer, piles, eau)", "amount": amount("187.45"), "invoice": "CB", "status": "paid"},
        {"date": d("2026-02-16"), "code": "06.04", "vendor": "BRASSEC", "description": "Hébergement Cilaos, 28 nuitées : arrhes 30 %", "amount": amount(546), "invoice": "GBS-031", "status": "paid"},
        # Planted PS406: the caterer's invoice adds the night meal of S13 to the 5 days budgeted.
        # The reader takes French amounts typed as text (narrow no-break space, comma).
        {"date": d("2026-03-13"), "code": "06.05", "vendor": "TRAITEUR", "description": "Cantine semaine de tournage (5 jours) + repas de nuit S13", "_raw": {"amount": "2\u202f680,00 €"}, "invoice": "CDH-2026-044", "status": "invoiced"},
        {"date": d("2026-03-14"), "code": "06.02", "vendor": None, "description": "Carburant camion et péages", "amount": amount("312.80"), "invoice": "CB", "status": "paid"},
    ]

    rows = {
        "budget": budget,
        "actuals": actuals,
        "fringes": fringes,
        "crew": crew,
        "resources": resources,
        "vendors": vendors,
        "unavailability": unavailability,
        "locations": locations,
        "travel": [{"from": a, "to": b, "minutes": m} for a, b, m in travel],
        "events": s.events,
        "bookings": s.bookings,
        "risks": risks,
        "actual_hours": actual_hours,
    }
    # fmt: on
    return settings, rows


def _actual_hours(
    s: Schedule, people: set[str], overruns: dict[dt.date, tuple[set[str], int]]
) -> list[Row]:
    """Each person's day as worked: arrival at the first call, wrap at the last one (plus
    ``minutes`` for those on the events that ran over), the gaps between bookings as break."""
    when = {e["id"]: (e["date"], e["start"], e["end"]) for e in s.events}
    rows: list[Row] = []
    for day_, (late_events, minutes) in overruns.items():
        spans: dict[str, list[tuple[int, int, str]]] = {}
        for b in s.bookings:
            date, start, end = when[b["event"]]
            if date != day_ or b["who"] not in people:
                continue
            call = b.get("call") or start
            wrap = b.get("wrap") or end
            a = call.hour * 60 + call.minute
            z = wrap.hour * 60 + wrap.minute
            spans.setdefault(b["who"], []).append((a, z + (1440 if z < a else 0), b["event"]))
        for who, items in spans.items():
            items.sort()
            first, last = items[0][0], max(z for _, z, _ in items)
            worked, reach = 0, first
            for a, z, _ in items:
                worked += max(0, z - max(a, reach))
                reach = max(reach, z)
            pause = (last - first) - worked
            if any(e in late_events for _, _, e in items):
                last += minutes
            rows.append(
                {
                    "date": day_,
                    "who": who,
                    "arrival": dt.time(first // 60 % 24, first % 60),
                    "wrap": dt.time(last // 60 % 24, last % 60),
                    "break": dt.time(pause // 60, pause % 60) if pause else None,
                }
            )
    return rows


# --- Hollow Pines Festival: a weekend outdoor music festival -----------------------------


def festival() -> tuple[dict[str, Any], dict[str, Any]]:
    # The data below is laid out as tables, one row per line: not for the formatter.
    # fmt: off
    rng = random.Random(SEED + 1)
    settings: dict[str, Any] = {
        "title": "Hollow Pines Festival 2026",
        "kind": "festival",
        "currency": "GBP",
        "language": "en",
        "timezone": "Europe/London",
        "start": day("2026-07-15"),
        "end": day("2026-07-21"),
        "contingency": Decimal("0.08"),
        "rules": "custom",
        "daily_max_hours": 12,
        "min_rest_hours": 11,
        "weekly_max_hours": 48,
        "max_consecutive_days": 6,
        "travel_buffer_minutes": 15,
    }

    crew: list[Row] = []

    def person(
        pid: str,
        name: str,
        role: str,
        dept: str,
        contract: str,
        rate: int | None,
        code: str | None,
        phone: str | None,
        email: str | None = None,
        backup: str | None = None,
    ) -> None:
        if email is None:
            email = name.lower().replace(" ", ".").replace("'", "") + "@example.com"
        crew.append(
            {
                "id": pid,
                "name": name,
                "role": role,
                "department": dept,
                "contract": contract,
                "day_rate": None if rate is None else amount(rate),
                "budget_code": code,
                "email": email,
                "phone": phone,
                "backup": backup,
            }
        )

    # Staff and technicians.
    person("NINA", "Nina Okafor", "Production manager", "Production", "employee", 260, "02.01", "+44 7700 900101", backup="DAN")
    person("DAN", "Dan Whitfield", "Site manager", "Site", "employee", 230, "02.01", "+44 7700 900102")
    person("HANNAH", "Hannah Cole", "Volunteer coordinator", "Site", "employee", 190, "02.01", "+44 7700 900103", backup="DAN")
    person("OWEN", "Owen Price", "Stage manager, Main Stage", "Stage", "contractor", 300, "02.02", "+44 7700 900104", backup="PRIYA")
    person("PRIYA", "Priya Shah", "Stage manager, Forest Stage", "Stage", "contractor", 280, "02.02", "+44 7700 900105", backup="OWEN")
    person("MAT", "Mat Hughes", "FOH engineer, Main Stage", "Sound", "contractor", 380, "02.02", "+44 7700 900106", backup="ELLA")
    person("JESS", "Jess Lin", "Monitor engineer, Main Stage", "Sound", "contractor", 340, "02.02", "+44 7700 900107")
    person("KWAME", "Kwame Asante", "Lighting designer, Main Stage", "Lighting", "contractor", 360, "02.02", "+44 7700 900108", backup="RORY")
    person("ELLA", "Ella Brooks", "Sound engineer, Forest Stage", "Sound", "contractor", 320, "02.02", "+44 7700 900109")
    person("RORY", "Rory Quinn", "Lighting technician, Forest Stage", "Lighting", "contractor", 260, "02.02", "+44 7700 900110")
    person("LIAM", "Liam Doyle", "Rigger", "Stage", "contractor", 300, "02.03", "+44 7700 900111")
    person("ZOE", "Zoe Patel", "Stagehand", "Stage", "contractor", 180, "02.03", "+44 7700 900112")
    person("TARA", "Tara Flynn", "Backline technician", "Stage", "contractor", 240, "02.03", "+44 7700 900113")
    person("GUS", "Gus Moreno", "Power technician", "Power", "contractor", 280, "02.07", "+44 7700 900114")

    # Artists (fees per show, through their agents).
    headliners = {"LUMEN": "Lumen Tide", "VELVET": "Velvet Static", "JUNE": "June Harlow"}
    support = {
        "FOXES": "The Paper Foxes", "MIRA": "Mira Sol", "NORTH": "Northbound Choir",
        "SABLE": "Sable Moon", "KOJO": "Kojo & the Brass", "HARBOUR": "Harbour Lights",
        "WREN": "Wren & Hollow", "DUST": "Dust Orchard", "ECHO": "Echo Valley",
        "TILLY": "Tilly & the Tides", "MARLOW": "Marlow Street Band", "HUMS": "The Low Hums",
        "FOXGLOVE": "Foxglove",
    }
    for i, (aid, name) in enumerate({**headliners, **support}.items()):
        # Planted PS407: Echo Valley, promoted to Forest Stage headliner, was re-signed at
        # £4,000; the budget's 01.02 still counts 13 acts at £1,500.
        fee = 12000 if aid in headliners else 4000 if aid == "ECHO" else 1500
        slug = aid.lower()
        person(aid, name, "Artist (headliner)" if aid in headliners else "Artist", "Line-up", "artist",
               fee, "01.01" if aid in headliners else "01.02", f"+44 7700 900{201 + i}",
               email=f"bookings.{slug}@example.com")

    # Volunteers.
    volunteers = [
        ("AMY", "Amy Fletcher"), ("BEN", "Ben Ashworth"), ("CHLOE", "Chloe Grant"), ("DEV", "Dev Mistry"),
        ("EMMA", "Emma Lloyd"), ("FINN", "Finn O'Connor"), ("GRACE", "Grace Adeyemi"), ("HASSAN", "Hassan Ali"),
        ("ISLA", "Isla Murray"), ("JAMAL", "Jamal Reid"), ("KATE", "Kate Summers"), ("LEO", "Leo Barnes"),
        ("MOLLY", "Molly Evans"), ("SAM", "Sam Carter"), ("TOBY", "Toby Hale"), ("UMA", "Uma Krishnan"),
        ("VIKRAM", "Vikram Rao"), ("SAM", "Samira Haddad"),
    ]
    for i, (vid, name) in enumerate(volunteers):
        # Planted PS111 (Molly's contract) and PS105 (two volunteers called SAM).
        contract = "TBC" if vid == "MOLLY" else "volunteer"
        person(vid, name, "Volunteer", "Volunteers", contract, None, "03.05", f"+44 7700 900{301 + i}")

    resources = [
        {"id": "PA-MAIN", "name": "Main Stage PA (L-Acoustics K2)", "kind": "sound", "quantity": 1, "day_rate": amount(3800), "vendor": "AUDIO", "budget_code": "02.05"},
        {"id": "LX-MAIN", "name": "Main Stage lighting rig", "kind": "lighting", "quantity": 1, "day_rate": amount(2400), "vendor": "AUDIO", "budget_code": "02.05"},
        {"id": "PA-FOREST", "name": "Forest Stage PA (d&b V-Series)", "kind": "sound", "quantity": 1, "day_rate": amount(1600), "vendor": "AUDIO", "budget_code": "02.09"},
        {"id": "LX-FOREST", "name": "Forest Stage lighting rig", "kind": "lighting", "quantity": 1, "day_rate": amount(900), "vendor": "AUDIO", "budget_code": "02.09"},
        {"id": "STAGE-FS", "name": "Mobile stage 12 × 10 m (Forest Stage)", "kind": "staging", "quantity": 1, "day_rate": None, "vendor": "STAGECO", "budget_code": "02.08"},
        {"id": "BL-MAIN", "name": "Backline package, Main Stage", "kind": "backline", "quantity": 1, "day_rate": amount(350), "vendor": "AUDIO", "budget_code": "02.06"},
        {"id": "BL-FOREST", "name": "Backline package, Forest Stage", "kind": "backline", "quantity": 1, "day_rate": amount(350), "vendor": "AUDIO", "budget_code": "02.06"},
        {"id": "GEN", "name": "Generator 100 kVA (Main Stage pair)", "kind": "power", "quantity": 2, "day_rate": amount(260), "vendor": "POWER", "budget_code": "02.07"},
        {"id": "GEN-FS", "name": "Generator 60 kVA (Forest Stage)", "kind": "power", "quantity": 1, "day_rate": amount(190), "vendor": "POWER", "budget_code": "02.07"},
        {"id": "GEN-BARN", "name": "Generator 20 kVA (The Barn)", "kind": "power", "quantity": 1, "day_rate": amount(90), "vendor": "POWER", "budget_code": "02.07"},
        # Planted PS401: the lighting towers, added to the power hire late, have no budget code.
        {"id": "TOWER", "name": "LED lighting tower", "kind": "power", "quantity": 8, "day_rate": amount(25), "vendor": "POWER", "budget_code": None},
        {"id": "BUS", "name": "Shuttle bus (49 seats)", "kind": "vehicle", "quantity": 2, "day_rate": amount(520), "vendor": "SHUTTLECO", "budget_code": "04.05"},
        {"id": "RADIO", "name": "Two-way radios", "kind": "comms", "quantity": 40, "day_rate": amount(3), "vendor": "AUDIO", "budget_code": "03.04"},
    ]

    vendors = [
        {"id": "CATER", "name": "Green Fork Catering", "service": "Crew and artist catering", "contact": "Rosa Bell", "email": "events@greenfork.example.com", "phone": "+44 1632 960101", "critical": True, "backup": "CATER2"},
        {"id": "CATER2", "name": "Street Kitchen Co.", "service": "Catering (backup)", "contact": "Alfie Ward", "email": "hello@streetkitchen.example.com", "phone": "+44 1632 960102", "critical": False, "backup": None},
        {"id": "SECUR", "name": "Shield Event Security", "service": "Security and stewarding", "contact": "Marcus Hill", "email": "ops@shield.example.com", "phone": "+44 1632 960103", "critical": True, "backup": "SECUR2"},
        {"id": "SECUR2", "name": "Vanguard Crowd Management", "service": "Security (backup)", "contact": "Lena Frost", "email": "bookings@vanguard.example.com", "phone": "+44 1632 960104", "critical": False, "backup": None},
        # Contingency: a critical vendor with no backup.
        {"id": "SANIT", "name": "FreshLoo Site Services", "service": "Toilets, showers, waste", "contact": "Gary Pike", "email": "hire@freshloo.example.com", "phone": "+44 1632 960105", "critical": True, "backup": None},
        {"id": "POWER", "name": "Voltbridge Power Hire", "service": "Generators, distribution, towers", "contact": "Sian Rees", "email": "hire@voltbridge.example.com", "phone": "+44 1632 960106", "critical": True, "backup": "POWER2"},
        {"id": "POWER2", "name": "Greenline Generators", "service": "Generators (2-hour call-out)", "contact": "Tom Yates", "email": "callout@greenline.example.com", "phone": "+44 1632 960107", "critical": False, "backup": None},
        {"id": "AUDIO", "name": "Soundforge Audio Rental", "service": "Sound, lighting, backline, radios", "contact": "Jo Marsh", "email": "quotes@soundforge.example.com", "phone": "+44 1632 960108", "critical": True, "backup": "AUDIO2"},
        {"id": "AUDIO2", "name": "Peak Production Hire", "service": "Sound and lighting (backup)", "contact": "Raj Bhatt", "email": "hire@peakph.example.com", "phone": "+44 1632 960109", "critical": False, "backup": None},
        {"id": "STAGECO", "name": "Roadstage Mobile Stages", "service": "Mobile stage", "contact": "Neil Cross", "email": "book@roadstage.example.com", "phone": "+44 1632 960110", "critical": False, "backup": None},
        {"id": "SHUTTLECO", "name": "Vale Coaches", "service": "Shuttle buses", "contact": "Deb Moss", "email": "charter@valecoaches.example.com", "phone": "+44 1632 960111", "critical": False, "backup": None},
        {"id": "ESTATE", "name": "Ashcombe Estate", "service": "Site owner", "contact": "Charles Ashcombe", "email": "estate@ashcombe.example.com", "phone": "+44 1632 960112", "critical": False, "backup": None},
    ]

    locations = [
        {"id": "MAIN", "name": "Main Stage", "address": "Ashcombe Park, North Field", "outdoor": True, "capacity": 1},
        {"id": "FOREST", "name": "Forest Stage", "address": "Ashcombe Park, Beech Wood clearing", "outdoor": True, "capacity": 1},
        {"id": "BARN", "name": "The Barn (covered stage)", "address": "Ashcombe Park, Home Farm barn", "outdoor": False, "capacity": 1},
        {"id": "CAMP", "name": "Campsite", "address": "Ashcombe Park, South Meadows", "outdoor": True, "capacity": 1},
        {"id": "GATE", "name": "Main gate and box office", "address": "Ashcombe Park, Lodge entrance", "outdoor": False, "capacity": 1},
        {"id": "ARENA", "name": "Arena and site", "address": "Ashcombe Park", "outdoor": True, "capacity": 1},
        {"id": "HQ", "name": "Production office", "address": "Home Farm, Ashcombe Park", "outdoor": False, "capacity": 1},
        {"id": "STATION", "name": "Ashcombe station shuttle stop", "address": "Station Road, Ashcombe", "outdoor": False, "capacity": 1},
    ]
    travel = [
        ("MAIN", "FOREST", 10), ("MAIN", "BARN", 8), ("FOREST", "BARN", 12), ("MAIN", "CAMP", 15),
        ("FOREST", "CAMP", 15), ("BARN", "CAMP", 10), ("MAIN", "GATE", 10), ("FOREST", "GATE", 15),
        ("GATE", "CAMP", 8), ("HQ", "MAIN", 5), ("HQ", "FOREST", 10), ("HQ", "BARN", 3),
        ("HQ", "GATE", 8), ("HQ", "CAMP", 10), ("HQ", "ARENA", 5), ("ARENA", "MAIN", 5),
        ("ARENA", "FOREST", 10), ("ARENA", "GATE", 8), ("ARENA", "CAMP", 10), ("STATION", "GATE", 25),
    ]

    s = Schedule(rng, "en")
    ev = s.event
    d = day
    # Build and load-in.
    ev("WED-BUILD", d("2026-07-15"), "08:00", "17:00", "Site build: fencing, toilets, signage", "ARENA", "build",
       cover="HQ", people=["NINA", "DAN", "ZOE"], gear=[("TOWER", 4)])
    ev("WED-MS", d("2026-07-15"), "08:00", "17:00", "Main Stage build: roof and rigging", "MAIN", "build",
       cover="HQ", people=["LIAM"])
    ev("THU-MS", d("2026-07-16"), "08:00", "17:00", "Main Stage load-in: PA and lighting", "MAIN", "load-in",
       cover="HQ", people=["OWEN", "KWAME", "LIAM", ("MAT", "13:00", None), ("JESS", "13:00", None), "GUS"],
       gear=[("PA-MAIN", 1), ("LX-MAIN", 1), ("GEN", 2)])
    ev("THU-FS", d("2026-07-16"), "09:00", "17:00", "Forest Stage load-in", "FOREST", "load-in",
       cover="HQ", people=["PRIYA", "ELLA", "RORY", "ZOE"],
       gear=[("STAGE-FS", 1), ("PA-FOREST", 1), ("LX-FOREST", 1), ("GEN-FS", 1)])
    ev("THU-BARN", d("2026-07-16"), "10:00", "16:00", "The Barn: stage and PA", "BARN", "load-in",
       people=["TARA", "DAN"], gear=[("GEN-BARN", 1)])

    vols = [v for v, _ in volunteers]
    ev("THU-VOL", d("2026-07-16"), "17:30", "19:00", "Volunteer briefing and site tour", "HQ", "briefing",
       people=["NINA", "HANNAH", *dict.fromkeys(vols)])

    def shows(
        prefix: str,
        date: str,
        stage: str,
        check: tuple[str, str, str],
        sets: Sequence[tuple[str, str, str, str, str | None]],
        crew_: Sequence[str],
        gear: Sequence[tuple[str, int]],
        check_crew: Sequence[str] | None = None,
        show_extra: dict[str, Sequence[str]] | None = None,
    ) -> None:
        """A stage's day: a line check, then each set with the stage crew and the artist."""
        cid, start, end = check
        ev(cid, d(date), start, end, f"{STAGE_NAMES[stage]} line check", stage, "soundcheck",
           cover="BARN", people=check_crew if check_crew is not None else crew_, gear=gear)
        for i, (artist, st, en, title, cover) in enumerate(sets, start=1):
            eid = f"{prefix}{i}"
            extra = (show_extra or {}).get(eid, ())
            ev(eid, d(date), st, en, title, stage, "show", cover=cover,
               people=[*crew_, *extra, artist], gear=gear)

    main_crew = ["OWEN", "MAT", "JESS", "KWAME", "LIAM"]
    forest_crew = ["PRIYA", "ELLA", "RORY"]
    main_gear = [("PA-MAIN", 1), ("LX-MAIN", 1), ("BL-MAIN", 1), ("GEN", 2)]
    forest_gear = [("PA-FOREST", 1), ("LX-FOREST", 1), ("BL-FOREST", 1), ("GEN-FS", 1)]

    # Friday 17 July.
    ev("FRI-CAMP", d("2026-07-17"), "11:00", "21:00", "Campsite welcome", "CAMP", "operations", cover="HQ")
    ev("FRI-GATE", d("2026-07-17"), "13:00", "23:00", "Gates and box office", "GATE", "operations",
       people=[("HANNAH", None, "22:00")])
    ev("FRI-BUS", d("2026-07-17"), "12:00", "00:30", "Shuttle buses: station to gate", "STATION", "transport",
       gear=[("BUS", 2)])
    shows("FRI-MS", "2026-07-17", "MAIN", ("FRI-MSC", "12:00", "15:00"),
          [("FOXES", "17:00", "18:00", "The Paper Foxes", "BARN"),
           ("MIRA", "19:00", "20:15", "Mira Sol", "BARN"),
           ("LUMEN", "21:30", "23:00", "Lumen Tide (headliner)", "BARN")],
          [*main_crew, "TARA"], main_gear, check_crew=["OWEN", "MAT", "JESS"])
    shows("FRI-FS", "2026-07-17", "FOREST", ("FRI-FSC", "12:00", "16:00"),
          [("NORTH", "16:30", "17:30", "Northbound Choir", "BARN"),
           ("SABLE", "18:30", "19:45", "Sable Moon", "BARN")],
          forest_crew, forest_gear, show_extra={"FRI-FS2": ["GUS"]})
    ev("FRI-BARN1", d("2026-07-17"), "22:00", "01:00", "The Barn: late-night DJs", "BARN", "show",
       people=["GUS", "ZOE"], gear=[("GEN-BARN", 1)])

    # Saturday 18 July.
    # Conflict (rest-time): GUS wraps the Barn at 01:00 and refuels the generators at 06:30.
    # Conflict (double-booking): TARA on SAT-MS2 (Main, to 18:15) and SAT-FS2 (Forest, 18:00).
    # Conflict (over-capacity): the Barn takes one of the 2 GEN while SAT-MS3 runs on both.
    # Conflict (outdoor event without cover): SAT-FS3, the Forest headliner, has no cover.
    ev("SAT-POWER", d("2026-07-18"), "06:30", "08:00", "Generator refuel and checks", "ARENA", "operations",
       cover="HQ", people=["GUS"])
    ev("SAT-ECO", d("2026-07-18"), "08:00", "14:00", "Litter pick and recycling", "ARENA", "operations",
       cover="HQ", people=["DAN"])
    ev("SAT-CAMP", d("2026-07-18"), "09:00", "21:00", "Campsite welcome", "CAMP", "operations", cover="HQ")
    ev("SAT-GATE", d("2026-07-18"), "10:00", "23:00", "Gates and box office", "GATE", "operations",
       people=[("HANNAH", None, "20:00")])
    ev("SAT-BUS", d("2026-07-18"), "09:00", "00:30", "Shuttle buses: station to gate", "STATION", "transport",
       gear=[("BUS", 2)])
    shows("SAT-MS", "2026-07-18", "MAIN", ("SAT-MSC", "11:00", "14:00"),
          [("KOJO", "15:00", "16:00", "Kojo & the Brass", "BARN"),
           ("HARBOUR", "17:00", "18:15", "Harbour Lights", "BARN"),
           ("VELVET", "21:00", "22:45", "Velvet Static (headliner)", "BARN")],
          main_crew, main_gear, check_crew=["OWEN", "MAT", "JESS"],
          show_extra={"SAT-MS1": ["TARA"], "SAT-MS2": ["TARA"], "SAT-MS3": ["TARA"]})
    shows("SAT-FS", "2026-07-18", "FOREST", ("SAT-FSC", "12:00", "15:00"),
          [("WREN", "16:00", "17:00", "Wren & Hollow", "BARN"),
           ("DUST", "18:00", "19:15", "Dust Orchard", "BARN"),
           ("ECHO", "20:30", "22:00", "Echo Valley (Forest headliner)", None)],
          forest_crew, forest_gear, check_crew=[*forest_crew, "GUS"],
          show_extra={"SAT-FS2": ["TARA"]})
    ev("SAT-BARN1", d("2026-07-18"), "20:00", "23:30", "The Barn: ceilidh", "BARN", "show",
       people=["ZOE"], gear=[("GEN-BARN", 1), ("GEN", 1)],
       notes="Second generator for the band's kit, taken from the Main Stage pair")

    # Sunday 19 July.
    ev("SUN-CAMP", d("2026-07-19"), "09:00", "18:00", "Campsite welcome", "CAMP", "operations", cover="HQ")
    ev("SUN-GATE", d("2026-07-19"), "10:00", "22:00", "Gates and box office", "GATE", "operations",
       people=[("HANNAH", None, "18:00")])
    ev("SUN-BUS", d("2026-07-19"), "09:00", "23:30", "Shuttle buses: station to gate", "STATION", "transport",
       gear=[("BUS", 2)])
    shows("SUN-MS", "2026-07-19", "MAIN", ("SUN-MSC", "11:00", "14:00"),
          [("TILLY", "14:30", "15:30", "Tilly & the Tides", "BARN"),
           ("MARLOW", "16:30", "17:45", "Marlow Street Band", "BARN"),
           ("JUNE", "20:00", "21:45", "June Harlow (headliner)", "BARN")],
          [*main_crew, "TARA"], main_gear, check_crew=["OWEN", "MAT", "JESS"])
    shows("SUN-FS", "2026-07-19", "FOREST", ("SUN-FSC", "12:00", "14:30"),
          [("HUMS", "15:00", "16:00", "The Low Hums", "BARN"),
           ("FOXGLOVE", "17:00", "18:15", "Foxglove", "BARN")],
          forest_crew, forest_gear)

    # Strike.
    ev("MON-MS", d("2026-07-20"), "10:00", "18:00", "Main Stage strike", "MAIN", "strike",
       cover="HQ", people=["OWEN", "KWAME", "LIAM", "GUS"], gear=[("PA-MAIN", 1), ("LX-MAIN", 1)])
    ev("MON-FS", d("2026-07-20"), "10:00", "16:00", "Forest Stage strike", "FOREST", "strike",
       cover="HQ", people=["PRIYA", "RORY", "ZOE"], gear=[("PA-FOREST", 1), ("LX-FOREST", 1), ("STAGE-FS", 1)])
    ev("MON-CAMP", d("2026-07-20"), "09:00", "13:00", "Campsite clear-out", "CAMP", "strike", cover="HQ",
       people=["DAN", "HANNAH"])
    ev("TUE-SITE", d("2026-07-21"), "08:00", "16:00", "Site strike and handover to the estate", "ARENA", "strike",
       cover="HQ", people=["NINA", "DAN"], gear=[("TOWER", 4)])

    # Volunteer shifts: (event, call, wrap, volunteers).
    shifts = [
        ("FRI-CAMP", "11:00", "16:00", ["AMY", "BEN"]),
        ("FRI-CAMP", "16:00", "21:00", ["CHLOE", "DEV"]),
        ("FRI-GATE", "13:00", "18:00", ["EMMA", "FINN", "GRACE"]),
        ("FRI-GATE", "18:00", "23:00", ["HASSAN", "ISLA", "JAMAL"]),
        ("SAT-ECO", "08:00", "12:00", ["KATE", "LEO"]),
        ("SAT-CAMP", "09:00", "14:00", ["AMY", "MOLLY"]),
        ("SAT-CAMP", "14:00", "18:00", ["BEN", "SAM"]),
        ("SAT-CAMP", "18:00", "21:00", ["TOBY", "UMA"]),
        ("SAT-GATE", "10:00", "15:00", ["CHLOE", "DEV", "GRACE"]),
        ("SAT-GATE", "15:00", "19:00", ["EMMA", "FINN", "VIKRAM"]),
        ("SAT-GATE", "19:00", "23:00", ["HASSAN", "ISLA", "JAMAL"]),
        ("SUN-CAMP", "09:00", "13:00", ["KATE", "LEO"]),
        ("SUN-CAMP", "13:00", "18:00", ["MOLLY", "SAM"]),
        ("SUN-GATE", "10:00", "14:00", ["AMY", "BEN", "TOBY"]),
        ("SUN-GATE", "14:00", "18:00", ["CHLOE", "UMA", "VIKRAM"]),
        ("SUN-GATE", "18:00", "22:00", ["EMMA", "FINN"]),
        ("MON-CAMP", "09:00", "13:00", ["GRACE", "KATE", "LEO"]),
    ]
    for event, call, wrap, who in shifts:
        for v in who:
            s.book(event, v, call, wrap, role="Volunteer shift")
    # Lighting towers on the campsite at night.
    s.book("FRI-CAMP", "TOWER", quantity=2)
    s.book("SAT-CAMP", "TOWER", quantity=2)

    # Planted PS114: FORREST for FOREST, on Sunday's last Forest set.
    for e in s.events:
        if e["id"] == "SUN-FS2":
            e["location"] = "FORREST"

    unavailability = [
        # Conflict (unavailable): GRACE has a Saturday gate shift.
        {"who": "GRACE", "from": d("2026-07-18"), "to": d("2026-07-18"), "reason": "Sister's wedding"},
        {"who": "JUNE", "from": d("2026-07-17"), "to": d("2026-07-18"), "reason": "Plays Paléo Festival"},
        {"who": "BUS", "from": d("2026-07-21"), "to": d("2026-07-24"), "reason": "Booked for a school trip"},
        {"who": "TARA", "_raw": {"from": "2026-07-21", "to": "2026-07-22"}, "reason": "Another show"},
    ]

    risks = [
        {"id": "R1", "risk": "Thunderstorm or lightning during shows", "category": "weather", "probability": 3, "impact": 5,
         "mitigation": "Met Office lightning alerts; wind monitor on the Main Stage roof", "backup_plan": "Pause shows; move Forest sets to The Barn",
         "owner": "NINA", "linked_to": ("MAIN", "FOREST", "SAT-FS3")},
        {"id": "R2", "risk": "Power cut (generator failure)", "category": "power", "probability": 2, "impact": 4,
         "mitigation": "Fuel and oil checks twice a day", "backup_plan": "Greenline Generators on 2-hour call-out",
         "owner": "GUS", "linked_to": ("GEN", "GEN-FS", "GEN-BARN", "POWER")},
        {"id": "R3", "risk": "Headliner cancels", "category": "line-up", "probability": 2, "impact": 5,
         "mitigation": "Cancellation clause and insurance", "backup_plan": "Promote the Forest headliner; agency shortlist",
         "owner": "NINA", "linked_to": ("LUMEN", "VELVET", "JUNE")},
        # Planted PS120: impact entered on a 1-10 scale.
        {"id": "R4", "risk": "Crowd surge at the main gate", "category": "safety", "probability": 2, "impact": 8,
         "mitigation": "Staggered gate opening; extra lanes", "backup_plan": "Hold the queue, open the Lodge lane",
         "owner": "HANNAH", "linked_to": ("GATE", "SECUR")},
        {"id": "R5", "risk": "Heatwave", "category": "weather", "probability": 3, "impact": 3,
         "mitigation": "Free water points; shade at the campsite", "backup_plan": "Extra medics; move day sets later",
         "owner": "DAN", "linked_to": ("CAMP", "ARENA")},
        {"id": "R6", "risk": "Shuttle bus breakdown", "category": "transport", "probability": 2, "impact": 2,
         "mitigation": "Spare driver on call", "backup_plan": "Taxi firm on standby",
         "owner": "DAN", "linked_to": ("BUS", "SHUTTLECO")},
        {"id": "R7", "risk": "Toilet contractor does not deliver", "category": "vendor", "probability": 1, "impact": 4,
         "mitigation": "Delivery confirmed 48 h ahead", "backup_plan": "None yet",
         "owner": "DAN", "linked_to": ("SANIT",)},
        {"id": "R8", "risk": "Campsite flooding after heavy rain", "category": "weather", "probability": 2, "impact": 3,
         "mitigation": "Drainage survey; trackway on the lower meadow", "backup_plan": "Move tents to the car park field",
         "owner": "DAN", "linked_to": ("CAMP",)},
    ]

    L = budget_line
    ch = {
        "01": "01 Line-up", "02": "02 Technical", "03": "03 Site and audience",
        "04": "04 Logistics", "05": "05 Communication", "06": "06 Contingency",
    }
    chapters: list[tuple[str, list[Row]]] = [
        (ch["01"], [
            L("01.01", ch["01"], "Headliner fees (Lumen Tide, Velvet Static, June Harlow)", 3, "flat", 12000),
            L("01.02", ch["01"], "Artists' fees (13 acts)", 13, "flat", 1500),
            L("01.03", ch["01"], "Artist hospitality (dressing rooms, riders)", 3, "day", 1200, vendor="CATER"),
            L("01.04", ch["01"], "PRS for Music licence", 1, "flat", 2950),
        ]),
        (ch["02"], [
            L("02.01", ch["02"], "Production, site and volunteer managers", 13, "day", 230, "NIC"),
            L("02.02", ch["02"], "Engineers and stage managers", 33, "day", 320, "CON"),
            L("02.03", ch["02"], "Riggers, stagehands and backline", 16, "day", 240, "CON"),
            L("02.04", ch["02"], "Main Stage structure and roof", 1, "flat", 9500, vendor="STAGECO"),
            L("02.05", ch["02"], "Sound and lighting hire: Main Stage", 5, "day", 6200, vendor="AUDIO",
              notes="Load-in, 3 show days, strike"),
            L("02.06", ch["02"], "Backline", 3, "day", 700, vendor="AUDIO"),
            L("02.07", ch["02"], "Power: generators, distribution, towers", 5, "day", 980, vendor="POWER"),
            L("02.08", ch["02"], "Forest Stage mobile stage (16-20 July)", 1, "flat", 5500, vendor="STAGECO",
              notes="5-day hire, delivery and collection included"),
            L("02.09", ch["02"], "Sound and lighting hire: Forest Stage", 5, "day", 2500, vendor="AUDIO",
              notes="Load-in, 3 show days, strike"),
        ]),
        (ch["03"], [
            L("03.01", ch["03"], "Site hire (Ashcombe Park)", 7, "day", 1500, vendor="ESTATE"),
            L("03.02", ch["03"], "Security and first aid", 1680, "hour", "19.50", vendor="SECUR"),
            L("03.03", ch["03"], "Barriers, toilets, signage", 1, "flat", 14500, vendor="SANIT"),
            L("03.04", ch["03"], "Ticketing, access control, radios", 1, "flat", 6800),
            L("03.05", ch["03"], "Volunteers (meals, T-shirts)", 60, "flat", 35, "VOL"),
            L("03.06", ch["03"], "Cleaning and waste", 1, "flat", 5400, vendor="SANIT"),
        ]),
        (ch["04"], [
            L("04.01", ch["04"], "Freight", 1, "flat", 3200),
            L("04.02", ch["04"], "Artist and crew travel", 1, "flat", 7800),
            L("04.03", ch["04"], "Accommodation", 64, "day", 95, notes="Nights"),
            L("04.04", ch["04"], "Crew catering", 6, "day", 850, vendor="CATER"),
            L("04.05", ch["04"], "Shuttle buses", 3, "day", 1040, vendor="SHUTTLECO"),
        ]),
        # No chapter 04 (charges sociales): each line carries its charges (column Charges,
        # sheet Charges), so a line of its own would count them twice.
        (ch["05"], [
            L("05.01", ch["05"], "Printing (posters, programmes)", 1, "flat", 2400),
            L("05.02", ch["05"], "Advertising and social media", 1, "flat", 6500),
            L("05.03", ch["05"], "Press officer", 1, "flat", 3000),
            L("05.04", ch["05"], "Photo and video", 3, "day", 650),
        ]),
    ]
    lines = [r for _, rows in chapters for r in rows]
    before = sum((line_total(r) for r in lines), Decimal(0))
    chapters.append((ch["06"], [L("06.01", ch["06"], "Contingency (8 %)", 1, "flat", (before * Decimal("0.08")).quantize(Decimal("1")))]))
    budget = with_subtotals(chapters, "Subtotal")
    # Planted PS202: the Technical subtotal's SUM stops above the Forest Stage line added last.
    technical = next(r for r in budget if r.get("description") == f"Subtotal {ch['02']}")
    technical["total"] = sum((line_total(r) for r in chapters[1][1][:-1]), Decimal(0))
    budget.append({"description": "Grand total"})

    fringes = [
        {"code": "NIC", "name": "Employer's National Insurance and pension", "rate": Decimal("0.18"), "applies_to": ("employee",)},
        {"code": "CON", "name": "Contractors (invoiced, no charges)", "rate": Decimal("0"), "applies_to": ("contractor",)},
        {"code": "VOL", "name": "Volunteers", "rate": Decimal("0"), "applies_to": ("volunteer",)},
    ]

    actuals = [
        {"date": d("2026-03-16"), "code": "01.01", "vendor": None, "description": "Lumen Tide: 50 % deposit", "amount": amount(6000), "invoice": "LT-0316", "status": "paid"},
        {"date": d("2026-04-02"), "code": "01.01", "vendor": None, "description": "Velvet Static: 50 % deposit", "amount": amount(6000), "invoice": "VS-2026-07", "status": "paid"},
        {"date": d("2026-05-11"), "code": "03.01", "vendor": "ESTATE", "description": "Site hire: deposit", "amount": amount(5250), "invoice": "AE-1102", "status": "paid"},
        # The reader takes amounts typed as text with thousands separators.
        {"date": d("2026-06-01"), "code": "03.02", "vendor": "SECUR", "description": "Security: 30 % on booking", "_raw": {"amount": "9,828.00"}, "invoice": "SES-5521", "status": "invoiced"},
        {"date": d("2026-06-15"), "code": "02.05", "vendor": "AUDIO", "description": "Main Stage sound and lighting: 50 % deposit", "amount": amount(15500), "invoice": "SF-2291", "status": "invoiced"},
        {"date": d("2026-06-20"), "code": "04.05", "vendor": "SHUTTLECO", "description": "Shuttle buses: 50 % deposit", "amount": amount(1560), "invoice": "VC-0620", "status": "invoiced"},
        # Planted PS113: VAT added with a formula that was never computed (amounts are excl. tax).
        {"date": d("2026-07-01"), "code": "04.04", "vendor": "CATER", "description": "Crew catering: deposit", "_formula_no_cache": {"amount": "=1850*1.2"}, "invoice": "GFC-778", "status": "invoiced"},
        {"date": d("2026-07-03"), "code": "05.02", "vendor": None, "description": "Social media ads (June)", "amount": amount("1245.60"), "invoice": "META-06", "status": "paid"},
        {"date": d("2026-07-06"), "code": "03.03", "vendor": "SANIT", "description": "Toilets and barriers: deposit", "amount": amount(4350), "invoice": "FL-3390", "status": "invoiced"},
        {"date": d("2026-07-10"), "code": "02.07", "vendor": "POWER", "description": "Generators and towers: purchase order", "amount": amount(3670), "invoice": None, "status": "committed"},
        # Planted PS406: the structural engineer asked for extra ballast and wind bracing.
        {"date": d("2026-07-14"), "code": "02.04", "vendor": "STAGECO", "description": "Main Stage structure and roof, incl. extra ballast and wind bracing", "amount": amount(10120), "invoice": "RS-1407", "status": "invoiced"},
    ]

    rows = {
        "budget": budget,
        "actuals": actuals,
        "fringes": fringes,
        "crew": crew,
        "resources": resources,
        "vendors": vendors,
        "unavailability": unavailability,
        "locations": locations,
        "travel": [{"from": a, "to": b, "minutes": m} for a, b, m in travel],
        "events": s.events,
        "bookings": s.bookings,
        "risks": risks,
    }
    # fmt: on
    return settings, rows


PRODUCTIONS = {FILM: ("film", "fr", film), FESTIVAL: ("festival", "en", festival)}


def main(out_dir: Path | None = None) -> list[Path]:
    """Write both productions under out_dir (default: this folder); return their folders."""
    out = Path(out_dir) if out_dir is not None else HERE
    folders = []
    for name, (kind, lang, build) in PRODUCTIONS.items():
        settings, rows = build()
        folder = out / name
        write_production(folder, kind=kind, lang=lang, settings=settings, rows=rows, force=True)
        folders.append(folder)
    return folders


if __name__ == "__main__":
    for folder in main(Path(sys.argv[1]) if len(sys.argv) > 1 else None):
        print(folder)
