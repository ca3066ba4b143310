"""prodsheets diff: two versions of the example shoot, compared as a production manager does.

The second version is built here from the first, with openpyxl, the way a production
manager edits it between two evenings of a shoot: an event moved to another day, a call
changed, a person replaced, a row inserted in Affectations and a rate raised. The diff
must say exactly those, to the cent, and tell each person concerned what changed for them.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from prodsheets.cli import main
from prodsheets.diff import capture, compare
from prodsheets.diff.state import from_json, to_json
from prodsheets.money import money
from prodsheets.pipeline import EXIT_ERRORS, EXIT_OK, EXIT_UNREADABLE, check
from prodsheets.pipeline import diff as run_diff
from prodsheets.render.diff import notice_text, notices, render_text
from prodsheets.render.diff import to_json as diff_json

ROOT = Path(__file__).resolve().parent.parent
REUNION = ROOT / "workbooks" / "tournage-reunion"


def copy_production(target: Path) -> Path:
    target.mkdir(parents=True)
    for f in REUNION.iterdir():
        shutil.copy(f, target / f.name)
    return target


def edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    """Open a workbook of the copy with openpyxl, change it, save it (no formula in it)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    change(wb)
    wb.save(path)


def rows(ws, **match):  # type: ignore[no-untyped-def]
    """The rows of a sheet whose first cells hold these values (by column letter)."""
    for row in ws.iter_rows(min_row=2):
        if all(ws[f"{col}{row[0].row}"].value == v for col, v in match.items()):
            yield row


def make_v2(target: Path) -> Path:
    """« Le Grand Départ », the evening of 3 March: five edits, nothing else."""
    v2 = copy_production(target)

    def schedule(wb) -> None:  # type: ignore[no-untyped-def]
        # 1. REG01 (the town hall's permit, Frédéric alone) moves from Tuesday 10 to
        #    Wednesday 4 March, same hours: Bureau is free, and Frédéric is there that day.
        (reg01,) = rows(wb["Planning"], A="REG01")
        reg01[1].value = dt.datetime(2026, 3, 4)
        # 2. Claire is called at 19:30 instead of 20:30 for the night scene S13.
        (claire,) = rows(wb["Affectations"], A="S13", B="CLAIRE")
        claire[2].value = dt.time(19, 30)
        # 3. Marco, double booked on PREP06 and S11 (a planted PS301), is replaced on
        #    PREP06 by Kévin.
        (marco,) = rows(wb["Affectations"], A="PREP06", B="MARCO")
        marco[1].value = "KEVIN"
        # 4. A row inserted in the middle of Affectations (every row below moves down):
        #    David, perchman, on S16 (Friday 13, 18:00-20:00, times of the event).
        ws = wb["Affectations"]
        ws.insert_rows(100)
        ws["A100"], ws["B100"] = "S16", "DAVID"

    def crew(wb) -> None:  # type: ignore[no-untyped-def]
        # 5. Paul Turpin's fee (cachet) goes from 250 to 280 € a day.
        (paul,) = rows(wb["Équipe"], A="PAUL")
        assert paul[5].value == 250
        paul[5].value = 280

    edit(v2 / "schedule.xlsx", schedule)
    edit(v2 / "crew.xlsx", crew)
    return v2


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("versions")
    return copy_production(root / "v1"), make_v2(root / "v2")


@pytest.fixture(scope="module")
def result(versions: tuple[Path, Path]):  # type: ignore[no-untyped-def]
    return run_diff(*versions)


# --- the acceptance: exactly the five edits, to the cent ------------------------------------


def test_diff_says_exactly_the_five_edits(result) -> None:  # type: ignore[no-untyped-def]
    data = diff_json(result.diff, "fr")
    assert [(c["table"], c["id"], c["change"], c["fields"]) for c in data["changes"]] == [
        # 5. the rate raised
        ("crew", "PAUL", "changed", {"day_rate": {"old": "250.00", "new": "280.00"}}),
        # 1. the event moved to another day
        ("events", "REG01", "changed", {"date": {"old": "2026-03-10", "new": "2026-03-04"}}),
        # 4. the row inserted: one booking added, not three hundred rows moved
        (
            "bookings",
            "S16/DAVID",
            "added",
            {"event": {"old": None, "new": "S16"}, "who": {"old": None, "new": "DAVID"}},
        ),
        # 3. the person replaced: Kévin's booking comes, Marco's goes
        (
            "bookings",
            "PREP06/KEVIN",
            "added",
            {
                "event": {"old": None, "new": "PREP06"},
                "who": {"old": None, "new": "KEVIN"},
                "confirmed": {"old": None, "new": "yes"},  # Marco had confirmed the row
            },
        ),
        # 2. the call changed
        ("bookings", "S13/CLAIRE", "changed", {"call": {"old": "20:30", "new": "19:30"}}),
        (
            "bookings",
            "PREP06/MARCO",
            "removed",
            {
                "event": {"old": "PREP06", "new": None},
                "who": {"old": "MARCO", "new": None},
                "confirmed": {"old": "yes", "new": None},
            },
        ),
    ]
    # Each change points at its cell: in the new version, in the old one when removed.
    cells = [[x["cell"] for x in c["locations"]] for c in data["changes"]]
    assert cells == [["F18"], ["B19"], ["B100"], ["B261"], ["C304"], ["B260"]]
    # Marco's double booking is resolved, and Frédéric's too-short trip from the town hall
    # to Cilaos with it. The findings whose cells moved down with the inserted row are
    # the same findings: neither new nor resolved.
    # Errors first, then warnings, as reports list them.
    assert [(f["code"], f["locations"][0]["cell"]) for f in data["findings"]["resolved"]] == [
        ("PS301", "B260"),
        ("PS304", "B169"),
    ]
    assert data["findings"]["new"] == []
    assert result.exit_code == EXIT_ERRORS  # something changed


def test_the_cost_difference_worked_by_hand(result) -> None:  # type: ignore[no-untyped-def]
    """Each edit's cost, by the rules of `reconcile` (README, Costs; docs/rules.md), to the
    cent.

    Cinema preset: overtime after 35 h counted a week, +25 % up to 43 h; a day rate's hour
    is the day rate ÷ 7; fringes INT 52 % (intermittents), CDD 45 %, ART 50 % (artists).
    During shooting, the équivalence of décret 2013-1165 counts the presence of the jobs it
    lists for less (DAVID, 1er assistant: group 1, 45 h count as 42; FRED, régisseur
    général: group 3, 46 as 43), prorated by the week's shooting days. Each week's overtime
    amount is rounded to the cent where it is born.

    * Paul, artist, 7 days booked, budget line by the day: 7 × 280 × 1.50 = 2 940.00
      instead of 7 × 250 × 1.50 = 2 625.00 → **+315.00** (chapter 03).
    * Claire (no équivalence), week 11 (9-13 March), from 40.5 h to 41.5 h, all of it past
      35 h at +25 %: 350 ÷ 7 = 50.00 an hour; 6.5 h × 50 × 0.25 × 1.52 = 123.50 instead of
      5.5 h × 50 × 0.25 × 1.52 = 104.50 → **+19.00**.
    * Frédéric, CDD: REG01's 2 h leave week 11 for week 10 (under 35 h either way). Week 11
      counted 35 h + 85/46 h before (39 h of presence), 34.98 h after (37 h): his overtime
      goes from 200 ÷ 7 × 85/46 × 0.25 × 1.45 = 6 162.5 ÷ 322 = 19.138… → 19.14 to 0
      → **−19.14**.
    * David, S16 on Friday 13, a day he already works: week 11 from 36.5 h to 38.5 h of
      presence, counted 34.07 h (no overtime) then 35 h + 14/15 h: 250 ÷ 7 × 14/15 × 0.25 ×
      1.52 = 1 330 ÷ 105 = 12.666… → **+12.67**.
    * Kévin for Marco on PREP06: Kévin already works on Thursday 12 (S13) and stays under
      35 h counted (16.64 h → 20.55 h; his S13 premium beyond the 10th hour is the same);
      Marco still works that day (S11, S13) and stays under 35 h → **0.00**.

    Chapter 02 Personnel: 19.00 − 19.14 + 12.67 = **+12.53**; chapter 03: **+315.00**;
    total: 315.00 + 12.53 = **+327.53**, planned and estimate at completion alike (every
    line moved is driven by the schedule and has no actual above its forecast).
    """
    assert Decimal("7") * 280 * Decimal("1.50") - 7 * 250 * Decimal("1.50") == Decimal("315.00")
    assert Decimal("6.5") * 50 * Decimal("0.25") * Decimal("1.52") == Decimal("123.50")
    assert Decimal("5.5") * 50 * Decimal("0.25") * Decimal("1.52") == Decimal("104.50")
    assert money(Decimal(200) * 85 * Decimal("0.25") * Decimal("1.45") / (7 * 46)) == Decimal(
        "19.14"
    )
    assert money(Decimal(250) * 14 * Decimal("0.25") * Decimal("1.52") / (7 * 15)) == Decimal(
        "12.67"
    )
    cost = diff_json(result.diff, "fr")["cost"]
    moved = {c["chapter"]: c["delta"] for c in cost["chapters"] if c["delta"]["planned"] != "0.00"}
    assert moved == {
        "02 Personnel": {"budget": "0.00", "planned": "12.53", "estimate_at_completion": "12.53"},
        "03 Interprétation": {
            "budget": "0.00",
            "planned": "315.00",
            "estimate_at_completion": "315.00",
        },
    }
    assert cost["delta"] == {
        "budget": "0.00",
        "planned": "327.53",
        "estimate_at_completion": "327.53",
    }
    assert (cost["before"]["planned"], cost["after"]["planned"]) == ("68151.58", "68479.11")
    # The same figures as `reconcile` gives each version.
    new = Path(result.diff.new.path)
    totals = [check([p]).analyses[0].reconciliation.total for p in (REUNION, new)]
    assert totals[1].planned - totals[0].planned == Decimal("327.53")


def test_each_person_concerned_gets_the_lines_that_concern_them(result) -> None:  # type: ignore[no-untyped-def]
    said = {n.who: n.lines for n in notices(result.diff, "fr")}
    assert said == {
        "CLAIRE": [
            "Votre convocation du jeudi 12 mars (S13) passe de 20:30 à 19:30, Plage de l'Hermitage."
        ],
        "DAVID": [
            "Nouvelle convocation le vendredi 13 mars, 18:00–20:00, Studio Le Port "
            "(S16 « Séq. 16 : Inserts et raccords »)."
        ],
        "FRED": [
            "Votre convocation du mardi 10 mars (REG01) passe au mercredi 4 mars, "
            "08:30–10:30, Bureau de production."
        ],
        "KEVIN": [
            "Nouvelle convocation le jeudi 12 mars, 13:00–17:00, Studio Le Port "
            "(PREP06 « Construction du décor : chambre de Léa »)."
        ],
        "MARCO": [
            "Votre convocation du jeudi 12 mars (PREP06, 13:00–17:00, Studio Le Port) est annulée."
        ],
    }
    # Paul's fee changed, not his bookings: nothing to tell him about his schedule.
    english = {n.who: n.lines for n in notices(result.diff, "en")}
    assert english["CLAIRE"] == [
        "Your call on Thursday 12 March (S13) moves from 20:30 to 19:30, Plage de l'Hermitage."
    ]
    assert english["MARCO"] == [
        "Your call on Thursday 12 March (PREP06, 13:00–17:00, Studio Le Port) is cancelled."
    ]
    claire = next(n for n in notices(result.diff, "fr") if n.who == "CLAIRE")
    assert notice_text(claire, "Le Grand Départ", "fr") == (
        "Bonjour Claire Payet,\n\n"
        "votre planning de « Le Grand Départ » a changé :\n\n"
        "- Votre convocation du jeudi 12 mars (S13) passe de 20:30 à 19:30, "
        "Plage de l'Hermitage.\n"
    )


def test_a_call_alone_that_day_is_said_as_the_issue_says_it(tmp_path: Path) -> None:
    """One booking that day: no event to name, « Votre convocation du jeudi 12 mars passe
    de 08:00 à 07:00, Plage de l'Hermitage »."""
    from conftest import minimal_production, write_workbook

    v1 = minimal_production()
    v1["Planning"][1][1] = dt.date(2026, 3, 12)  # S1 on the beach, Thursday 12 March
    v1["Affectations"][1][2] = dt.time(8, 0)
    write_workbook(tmp_path / "v1" / "prod.xlsx", v1)
    v1["Affectations"][1][2] = dt.time(7, 0)
    write_workbook(tmp_path / "v2" / "prod.xlsx", v1)
    diff = run_diff(tmp_path / "v1", tmp_path / "v2").diff
    assert diff is not None
    assert [(n.who, n.lines) for n in notices(diff, "fr")] == [
        (
            "LUCIE",
            ["Votre convocation du jeudi 12 mars passe de 08:00 à 07:00, Plage de l'Hermitage."],
        )
    ]


def test_text_goes_by_day_then_person(result) -> None:  # type: ignore[no-untyped-def]
    text = render_text(result.diff, "fr").replace("\u202f", " ").replace("\u00a0", " ")
    lines = text.splitlines()
    days = [x for x in lines if x and not x.startswith(" ") and "mars 2026" in x]
    assert days == [
        "mercredi 4 mars 2026",  # REG01 and Frédéric, moved here…
        "mardi 10 mars 2026",  # … from here: both days say it
        "jeudi 12 mars 2026",
        "vendredi 13 mars 2026",
    ]
    thursday = lines[lines.index("jeudi 12 mars 2026") + 1 : lines.index("vendredi 13 mars 2026")]
    assert [x.strip() for x in thursday if x.strip()] == [
        "Claire Payet — S13 : 20:30–00:30 (+1) → 19:30–00:30 (+1)",
        "Kévin Rivière — PREP06 : remplace Marco Lauret (13:00–17:00, Studio Le Port)",
        "Marco Lauret — PREP06 : remplacement par Kévin Rivière",
    ]
    assert "  PAUL Paul Turpin : tarif jour 250,00 € → 280,00 €" in lines
    assert "Constats résolus (2)" in lines
    total = next(x for x in lines if x.strip().startswith("Total"))
    assert total == (
        "  Total — prévu 68 151,58 € → 68 479,11 € (+327,53 €) ; "
        "estimé final 103 066,78 € → 103 394,31 € (+327,53 €)"
    )
    assert lines[-1] == (
        "À prévenir (5) : Claire Payet, David Maillot, Frédéric Dijoux, Kévin Rivière, Marco Lauret"
    )


# --- what is not a change -------------------------------------------------------------------


def test_rows_inserted_or_sorted_are_not_changes(tmp_path: Path) -> None:
    """Affectations sorted by who, Équipe upside down, a blank row and a row of notes
    inserted in the budget: the same production."""
    v2 = copy_production(tmp_path / "sorted")

    def schedule(wb) -> None:  # type: ignore[no-untyped-def]
        ws = wb["Affectations"]
        values = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]
        values.sort(key=lambda r: (str(r[1]), str(r[0])))
        for i, row in enumerate(values, start=2):
            for j, v in enumerate(row, start=1):
                ws.cell(i, j).value = v  # ws.cell(i, j, None) would leave the old value
        ws.insert_rows(50, amount=2)  # blank rows are skipped

    def crew(wb) -> None:  # type: ignore[no-untyped-def]
        ws = wb["Équipe"]
        values = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)][::-1]
        for i, row in enumerate(values, start=2):
            for j, v in enumerate(row, start=1):
                ws.cell(i, j).value = v  # ws.cell(i, j, None) would leave the old value

    edit(v2 / "schedule.xlsx", schedule)
    edit(v2 / "crew.xlsx", crew)
    result = run_diff(REUNION, v2)
    assert result.diff is not None
    assert render_text(result.diff, "en").splitlines()[-1] == "No changes."
    assert diff_json(result.diff, "en")["changes"] == []
    assert result.exit_code == EXIT_OK


def test_a_call_typed_differently_on_the_same_minute_moves_no_one(tmp_path: Path) -> None:
    from conftest import minimal_production, write_workbook

    v1 = minimal_production()
    v1["Devis"][3][6] = 4000  # a subtotal off (PS202, on a row no id names)
    v1["Affectations"].append(["S2", "NOBODY", None, None])  # an unknown id (PS114)
    write_workbook(tmp_path / "v1.xlsx", v1)
    v1["Affectations"][3][2] = "14h"  # MARC on S2: the event's start, now typed
    write_workbook(tmp_path / "v2.xlsx", v1)
    diff = run_diff(tmp_path / "v1.xlsx", tmp_path / "v2.xlsx").diff
    assert diff is not None
    assert [(c.id, dict(c.fields)) for c in diff.changes] == [
        ("S2/MARC", {"call": (None, "14:00")})
    ]
    assert diff.bookings == [] and notices(diff, "en") == []
    # Two workbooks of different names: their findings are still the same findings.
    assert sorted(f.code for f in diff.old.findings) == ["PS114", "PS202"]
    assert diff.new_findings == [] and diff.resolved == []


# --- the command ------------------------------------------------------------------------------


def test_cli_json_is_the_documented_shape_and_the_library(versions) -> None:  # type: ignore[no-untyped-def]
    run = CliRunner().invoke(main, ["diff", *map(str, versions), "--format", "json"])
    assert run.exit_code == 1, run.output
    data = json.loads(run.output)
    assert list(data) == ["old", "new", "changes", "people", "cost", "findings"]
    assert set(data["changes"][0]) == {"table", "id", "change", "fields", "locations"}
    assert set(data["people"][0]) == {"id", "name", "changes"}
    assert set(data["cost"]) == {"before", "after", "delta", "chapters"}
    assert set(data["findings"]) == {"new", "resolved"}
    assert (data["old"], data["new"]) == tuple(map(str, versions))
    assert all(isinstance(v, str) for v in data["cost"]["delta"].values())  # decimal strings
    assert data == diff_json(run_diff(*versions).diff, "fr")


def test_cli_exit_codes(versions, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    same = CliRunner().invoke(main, ["diff", str(REUNION), str(versions[0])])
    assert same.exit_code == EXIT_OK and same.output.endswith("Aucune modification.\n")
    changed = CliRunner().invoke(main, ["diff", str(REUNION), str(versions[1]), "--lang", "en"])
    assert changed.exit_code == EXIT_ERRORS and "Wednesday, 4 March 2026" in changed.output
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "schedule.xlsx").write_bytes(b"not a workbook")
    for args in ([str(REUNION), str(tmp_path / "nope")], [str(broken), str(REUNION)]):
        run = CliRunner().invoke(main, ["diff", *args])
        assert run.exit_code == EXIT_UNREADABLE, run.output
        assert "PS00" in run.output  # what could not be read, said


def test_a_state_kept_as_json_is_the_same_state(result) -> None:  # type: ignore[no-untyped-def]
    kept = from_json(json.loads(json.dumps(to_json(result.diff.new))))
    again = compare(kept, result.diff.new)
    assert again.empty
    assert diff_json(compare(result.diff.old, kept), "en") == diff_json(result.diff, "en")
    with pytest.raises(ValueError):
        from_json({"format": 99})


def test_capture_needs_only_what_check_computed() -> None:
    r = check([REUNION])
    a = r.analyses[0]
    state = capture(r.productions[0], a.schedule, a.reconciliation, r.findings)
    assert len(state.records("bookings")) == 393  # every row, LUCE's (an unknown id) too
    assert state.booked["S13/CLAIRE"].who == "CLAIRE"
    assert state.costs is not None and state.costs.total.planned == Decimal("68151.58")


def test_the_other_tables_are_said_by_record(tmp_path: Path) -> None:
    """A budget line's rate, an expense added, a setting, a location added, a resource
    removed, a person's contract: each said once, by its id, in the table it belongs to."""
    from conftest import minimal_production, write_workbook

    v1 = minimal_production()
    v1["Production"].append(["Imprévus %", "7 %"])
    v1["Dépenses"] = [
        ["Date", "Code", "Libellé", "Montant", "Statut"],
        [dt.date(2026, 3, 2), "07.01", "Caméra : acompte", 600, "engagé"],
    ]
    write_workbook(tmp_path / "v1.xlsx", v1)
    v1["Production"][-1][1] = "8 %"
    v1["Devis"][1][5], v1["Devis"][1][6] = 480, 2400  # 02.01: 5 days at 480
    v1["Devis"][3][6], v1["Devis"][5][6] = 4300, 7300  # its subtotal and the total follow
    v1["Dépenses"][1][4] = "payé"  # the deposit is paid
    v1["Dépenses"].append([dt.date(2026, 3, 9), "07.01", "Caméra : solde", 2400, "facturé"])
    v1["Lieux"].append(["PORT", "Port de la Pointe des Galets", "Le Port", "oui"])
    v1["Équipe"][2][3] = "CDD"  # MARC
    v1["Matériel"] = v1["Matériel"][:1]  # CAM1 no longer listed…
    v1["Affectations"] = [r for r in v1["Affectations"] if r[1] != "CAM1"]  # … nor booked
    write_workbook(tmp_path / "v2.xlsx", v1)
    result = run_diff(tmp_path / "v1.xlsx", tmp_path / "v2.xlsx")
    assert result.diff is not None
    said = [(c.table, c.id, c.change) for c in result.diff.changes]
    assert said == [
        ("production", "contingency", "changed"),
        ("budget", "02.01", "changed"),
        ("actuals", "2026-03-02/07.01/Caméra : acompte", "changed"),
        ("actuals", "2026-03-09/07.01/Caméra : solde", "added"),
        ("crew", "MARC", "changed"),
        ("resources", "CAM1", "removed"),
        ("locations", "PORT", "added"),
        ("bookings", "S1/CAM1", "removed"),
    ]
    text = render_text(result.diff, "en").replace("\u202f", " ").replace("\u00a0", " ")
    lines = text.splitlines()
    for line in (
        "  Caméra Alexa Mini — S1: removed (08:00–12:00, Plage de l'Hermitage)",
        "  Contingency %: 7% → 8%",
        "  02.01 Chef opérateur: rate €450.00 → €480.00; total €2,250.00 → €2,400.00",
        "  2026-03-02/07.01/Caméra : acompte: status committed → paid",
        "  Added: 2026-03-09/07.01/Caméra : solde (amount €2,400.00, status invoiced)",
        "  MARC Marc Hoarau: contract intermittent → CDD",
        "  Removed: CAM1 Caméra Alexa Mini",
        "  Added: PORT Port de la Pointe des Galets (address Le Port, outdoor yes)",
        # The camera now costs what was spent on it, 3,000.00, no longer its planned days:
        "  Total — planned €1,430.00 → €830.00 (-€600.00); est. at completion €1,430.00 → "
        "€3,830.00 (+€2,400.00); budget €7,650.50 → €7,884.00 (+€233.50)",
    ):
        assert line in lines, line
    assert [f.code for f in result.diff.new_findings] == ["PS405"]  # 07.01 spent at 100 %
    assert notices(result.diff, "en") == []  # a resource is not told
