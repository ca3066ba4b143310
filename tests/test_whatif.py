"""What if: who or what is hit, who could replace them, what it costs; --apply."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import Sheets, write_workbook

from prodsheets.analyses import Analyses
from prodsheets.cli import main
from prodsheets.io import load_production
from prodsheets.render.whatif import to_json
from prodsheets.whatif import Scenario, UnknownId
from prodsheets.whatif import what_if as plan
from prodsheets.whatif.apply import apply_plan


def what_if(production, scenario):
    """The plan of a scenario over a production read (or built in memory)."""
    return plan(Analyses(production), scenario)


EXAMPLES = Path(__file__).resolve().parent.parent / "workbooks"


def load(sheets: Sheets, tmp_path: Path):
    path = write_workbook(tmp_path / "prod.xlsx", sheets)
    production, _ = load_production(path)
    return production


def summary(result) -> dict:
    data = to_json(result, "en")
    return {
        "affected": [
            (a["event"], a["who"], [x["cell"] for x in a["locations"]]) for a in data["affected"]
        ],
        "plan": [(r["event"], r["who"], r["chosen"]) for r in data["replacements"]],
        "candidates": [
            [(c["id"], c["cost"]) for c in r["candidates"]] for r in data["replacements"]
        ],
        "delta": data["cost_delta"],
    }


@pytest.fixture
def with_ana(production: Sheets) -> Sheets:
    """A second chef opératrice, free on 9 March, for 400 € a day."""
    production["Équipe"].append(
        ["ANA", "Ana Payet", "Chef opératrice", "intermittent", 400, "02.01"]
    )
    return production


def test_an_absent_person_is_replaced_by_someone_of_the_same_role(with_ana, tmp_path) -> None:
    result = what_if(load(with_ana, tmp_path), Scenario("absent", "LUCIE"))
    assert summary(result) == {
        "affected": [("S1", "LUCIE", ["B2"])],
        "plan": [("S1", "LUCIE", "ANA")],
        "candidates": [[("ANA", "400.00")]],
        "delta": "-50.00",  # LUCIE's 450 € day, ANA's 400 €
    }


def test_a_candidate_who_would_be_double_booked_or_unavailable_is_ruled_out(
    with_ana, tmp_path
) -> None:
    with_ana["Affectations"].append(["S1", "ANA", None, None])  # already on S1
    result = what_if(load(with_ana, tmp_path), Scenario("absent", "LUCIE"))
    rep = result.replacements[0]
    assert rep.chosen is None and [oid for oid, _ in rep.rejected] == ["ANA"]
    assert rep.rejected[0][1].code.code == "PS301"
    assert result.cost_delta == -450  # nobody paid for the day


def test_an_absence_outside_its_dates_hits_nothing(with_ana, tmp_path) -> None:
    import datetime as dt

    day = dt.date(2026, 3, 10)
    result = what_if(load(with_ana, tmp_path), Scenario("absent", "LUCIE", day, day))
    assert result.affected == [] and result.cost_delta == 0


def test_a_lost_location_moves_its_events_to_their_cover(production, tmp_path) -> None:
    result = what_if(load(production, tmp_path), Scenario("lose-location", "PLAGE"))
    assert summary(result) == {
        "affected": [("S1", None, ["F2"])],
        "plan": [("S1", None, "STUDIO")],
        "candidates": [[("STUDIO", "0.00")]],
        "delta": "0.00",
    }


def test_rain_hits_outdoor_events_of_the_day_and_a_taken_cover_is_refused(
    production, tmp_path
) -> None:
    import datetime as dt

    production["Planning"][2][2] = dt.time(11, 0)  # S2 now in the studio from 11:00
    day = dt.date(2026, 3, 9)
    result = what_if(load(production, tmp_path), Scenario("rain", None, day, day))
    rep = result.replacements[0]
    assert (rep.chosen, [(oid, f.code.name) for oid, f in rep.rejected]) == (
        None,
        [("STUDIO", "double-booking")],
    )


def test_a_lost_vendor_takes_its_resources_and_others_of_the_kind_replace_them(
    production, tmp_path
) -> None:
    production["Matériel"][0].append("Prestataire")
    production["Matériel"][1].append("LOC")
    production["Matériel"].append(["CAM2", "Caméra Sony", "caméra", 1, 300, "07.01", "AUTRE"])
    production["Prestataires"] = [["Id", "Nom"], ["LOC", "Loueur"], ["AUTRE", "Autre loueur"]]
    result = what_if(load(production, tmp_path), Scenario("lose-vendor", "LOC"))
    assert summary(result) == {
        "affected": [("S1", "CAM1", ["B3"])],
        "plan": [("S1", "CAM1", "CAM2")],
        "candidates": [[("CAM2", "300.00")]],
        "delta": "-300.00",
    }


def test_an_unknown_id_is_refused(production, tmp_path) -> None:
    with pytest.raises(UnknownId):
        what_if(load(production, tmp_path), Scenario("absent", "NOBODY"))
    path = write_workbook(tmp_path / "p2.xlsx", production)
    run = CliRunner().invoke(main, ["whatif", str(path), "--absent", "NOBODY"])
    assert run.exit_code == 2
    run = CliRunner().invoke(main, ["whatif", str(path)])
    assert run.exit_code == 2


def test_json_has_the_documented_shape_and_equals_the_library(with_ana, tmp_path) -> None:
    path = write_workbook(tmp_path / "cli.xlsx", with_ana)
    run = CliRunner().invoke(main, ["whatif", str(path), "--absent", "LUCIE", "--format", "json"])
    assert run.exit_code == 0, run.output
    data = json.loads(run.output)
    assert {"scenario", "affected", "replacements", "cost_delta"} <= set(data)
    assert data["scenario"] == {
        "kind": "absent",
        "id": "LUCIE",
        "from": None,
        "to": None,
        "text": "Lucie Martin absent(e)",
    }
    assert set(data["affected"][0]) == {"event", "who", "locations"}
    assert {"event", "who", "candidates"} <= set(data["replacements"][0])
    assert data["replacements"][0]["candidates"][0] == {
        "id": "ANA",
        "cost": "400.00",
        "why": "même poste",
        "kind": "person",
    }
    assert data == to_json(what_if(load_production(path)[0], Scenario("absent", "LUCIE")), "fr")


def test_apply_writes_a_copy_and_never_touches_the_original(with_ana, tmp_path) -> None:
    from openpyxl import load_workbook

    path = write_workbook(tmp_path / "orig" / "prod.xlsx", with_ana)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["whatif", str(path), "--absent", "LUCIE", "--apply", str(out)])
    assert run.exit_code == 0, run.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in out.iterdir()) == ["prod.xlsx"]  # no temporary file left
    copy = load_workbook(out / "prod.xlsx")
    assert copy["Affectations"]["B2"].value == "ANA"
    assert load_workbook(path)["Affectations"]["B2"].value == "LUCIE"
    # a normal file, readable by the team like the original (not the temporary file's 0600)
    mode = (out / "prod.xlsx").stat().st_mode & 0o777
    assert mode == 0o666 & ~umask()


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_rain_on_the_festival_saturday() -> None:
    import datetime as dt

    production, _ = load_production(EXAMPLES / "festival")
    day = dt.date(2026, 7, 18)
    result = what_if(production, Scenario("rain", None, day, day))
    data = to_json(result, "en")
    moves = {r["event"]: r["chosen"] for r in data["replacements"]}
    assert moves == {
        "SAT-POWER": "HQ",
        "SAT-ECO": "HQ",
        "SAT-CAMP": None,  # HQ is taken by SAT-ECO until 14:00
        "SAT-MSC": "BARN",
        "SAT-FSC": None,  # the Barn holds the Main Stage line check until 14:00
        "SAT-MS1": "BARN",
        "SAT-FS1": "BARN",
        "SAT-MS2": "BARN",
        "SAT-FS2": None,  # 15 min overlap with SAT-MS2 in the Barn
        "SAT-FS3": None,  # no cover (the planted PS501)
        "SAT-MS3": None,  # the Barn's own ceilidh runs 20:00-23:30
    }
    assert [x["locations"][0]["cell"] for x in data["affected"]][:3] == ["F19", "F20", "F21"]
    # Locations carry no rate: moving under cover costs nothing in the plan.
    assert data["cost_delta"] == "0.00"


# --- --apply: a whole production, for `check OUT` and `diff PROD OUT` -----------------------


def test_apply_writes_the_whole_production_with_its_changed_cells_marked(tmp_path) -> None:
    """Marco absent on 9-10 March: Kévin takes his four bookings. OUT is a production of
    its own: the workbooks not changed are the originals byte for byte, the changed cells
    are filled and commented, and `diff` says what `whatif` planned, to the cent."""
    from openpyxl import load_workbook

    from prodsheets.pipeline import check, diff

    film = EXAMPLES / "tournage-reunion"
    out = tmp_path / "plan-b"
    run = CliRunner().invoke(
        main,
        ["whatif", str(film), "--absent", "MARCO", "--from", "09/03/2026", "--to",
         "10/03/2026", "--apply", str(out), "--format", "json"],
    )  # fmt: skip
    assert run.exit_code == 0, run.output
    planned = json.loads(run.stdout)  # the files written are listed on stderr
    assert [r["chosen"] for r in planned["replacements"]] == ["KEVIN"] * 4
    assert sorted(p.name for p in out.iterdir()) == ["budget.xlsx", "crew.xlsx", "schedule.xlsx"]
    for name in ("budget.xlsx", "crew.xlsx"):  # formulas keep their saved results
        assert (out / name).read_bytes() == (film / name).read_bytes()
    ws = load_workbook(out / "schedule.xlsx")["Affectations"]
    marked = {
        c.coordinate: (c.value, c.fill.start_color.rgb[-6:], c.comment.text)
        for row in ws.iter_rows(min_row=2)
        for c in row
        if c.comment is not None
    }
    assert marked == {
        cell: ("KEVIN", "C6E0B4", "MARCO → KEVIN (scénario : Marco Lauret absent(e))")
        for cell in ("B60", "B80", "B146", "B166")
    }
    assert not check([out]).unreadable
    changed = diff(film, out)
    assert changed.diff is not None and changed.diff.cost is not None
    assert [(b.key, b.change, b.replaces or b.replaced_by) for b in changed.diff.bookings] == [
        ("S01/KEVIN", "added", "MARCO"), ("S01/MARCO", "removed", "KEVIN"),
        ("S02/KEVIN", "added", "MARCO"), ("S02/MARCO", "removed", "KEVIN"),
        ("S05/KEVIN", "added", "MARCO"), ("S05/MARCO", "removed", "KEVIN"),
        ("S06/KEVIN", "added", "MARCO"), ("S06/MARCO", "removed", "KEVIN"),
    ]  # fmt: skip
    assert str(changed.diff.cost.total.delta.planned) == planned["cost_delta"] == "-912.00"


def test_a_booking_nobody_can_replace_is_taken_out_of_the_copy(tmp_path) -> None:
    """Lucie absent on Thursday 12: nobody free can stand in on S11 and S13. The plan
    leaves those bookings unpaid; the copy leaves them out, so it costs what the plan says
    and `diff` tells Lucie both calls are cancelled."""
    from prodsheets.pipeline import diff
    from prodsheets.render.diff import notices

    film = EXAMPLES / "tournage-reunion"
    out = tmp_path / "plan-b"
    production, _ = load_production(film)
    day = dt.date(2026, 3, 12)
    result = what_if(production, Scenario("absent", "LUCIE", day, day))
    assert [r.chosen for r in result.replacements] == [None, None]
    apply_plan(result, out, "fr")
    changed = diff(film, out).diff
    assert changed is not None and changed.cost is not None
    assert [(b.key, b.change) for b in changed.bookings] == [
        ("S11/LUCIE", "removed"),
        ("S13/LUCIE", "removed"),
    ]
    assert changed.cost.total.delta.planned == result.cost_delta
    assert [n.lines for n in notices(changed, "fr")] == [
        [
            "Votre convocation du jeudi 12 mars (S11, 14:00–17:00, Plage de l'Hermitage) est "
            "annulée.",
            "Votre convocation du jeudi 12 mars (S13, 20:30–00:30 (+1), Plage de l'Hermitage) "
            "est annulée.",
        ]
    ]


def test_apply_refuses_a_folder_that_holds_other_workbooks(with_ana, tmp_path) -> None:
    path = write_workbook(tmp_path / "orig" / "prod.xlsx", with_ana)
    out = tmp_path / "out"
    write_workbook(out / "old-plan.xlsx", with_ana)
    run = CliRunner().invoke(main, ["whatif", str(path), "--absent", "LUCIE", "--apply", str(out)])
    assert run.exit_code == 2
    assert "old-plan.xlsx" in run.output and not (out / "prod.xlsx").exists()
