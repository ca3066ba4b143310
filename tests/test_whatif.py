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
from prodsheets.render.whatif import render_text, to_json
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
    with_ana["Affectations"].append(["S2", "ANA", dt.time(11, 0), dt.time(12, 30)])  # S1 overlap
    result = what_if(load(with_ana, tmp_path), Scenario("absent", "LUCIE"))
    rep = result.replacements[0]
    assert rep.chosen is None and [x.id for x in rep.rejected] == ["ANA"]
    assert rep.rejected[0].finding is not None
    assert rep.rejected[0].finding.code.code == "PS301"
    # Nobody found: LUCIE's day is still to cover, and still costs it (not a saving).
    assert (result.cost_delta, result.uncovered_cost) == (0, 450)


def test_a_candidate_already_on_the_same_event_is_said_to_be_there(with_ana, tmp_path) -> None:
    """Not « Double convocation … sur S1 et S1 »: ANA is on S1 already, in the same role."""
    with_ana["Affectations"].append(["S1", "ANA", None, None])
    result = what_if(load(with_ana, tmp_path), Scenario("absent", "LUCIE"))
    [ana] = result.replacements[0].rejected
    assert (ana.id, ana.finding, ana.already_on) == ("ANA", None, "S1")
    assert ana.reason["fr"] == "déjà sur S1 au même poste (Chef opératrice) : S1 en garde 1 sur 2"
    assert ana.reason["en"] == "already on S1 in the same role (Chef opératrice): S1 keeps 1 of 2"
    text = render_text(result, "fr")
    assert "ANA écarté : déjà sur S1 au même poste" in text and "S1 et S1" not in text


def test_someone_already_on_the_event_in_another_role_cannot_hold_both(with_ana, tmp_path) -> None:
    with_ana["Équipe"][-1][2] = "Cadreuse"  # ANA, LUCIE's named backup below, holds the camera
    with_ana["Équipe"][0].append("Remplaçant")
    with_ana["Équipe"][1].append("ANA")
    with_ana["Affectations"].append(["S1", "ANA", None, None])
    result = what_if(load(with_ana, tmp_path), Scenario("absent", "LUCIE"))
    [ana] = result.replacements[0].rejected
    assert ana.reason["en"] == "already on S1 as Cadreuse: cannot hold this post as well"
    assert ana.reason["fr"] == "déjà sur S1 comme Cadreuse : ne peut pas tenir ce poste en plus"


def test_a_resource_is_unavailable_with_words_for_things(production, tmp_path) -> None:
    """« Caméra … indisponible », never « absent(e) »; nothing alike, not « personne »."""
    result = what_if(load(production, tmp_path), Scenario("absent", "CAM1"))
    assert result.scenario.describe(result.analyses)["fr"] == "Caméra Alexa Mini indisponible"
    assert result.scenario.describe(result.analyses)["en"] == "Caméra Alexa Mini unavailable"
    fr, en = render_text(result, "fr"), render_text(result, "en")
    assert "S1 CAM1 : aucun remplacement (rien d'autre du même type dans Matériel)" in fr
    assert "S1 CAM1: no replacement (nothing else of the same kind in Resources)" in en
    assert "absent" not in fr + en and "personne" not in fr and "nobody" not in en


def test_a_second_camera_already_on_the_event_keeps_it_covered(production, tmp_path) -> None:
    production["Matériel"].append(["CAM2", "Caméra Sony FX6", "caméra", 1, 300, "07.01"])
    production["Affectations"].append(["S1", "CAM2", None, None])
    result = what_if(load(production, tmp_path), Scenario("absent", "CAM1"))
    [cam2] = result.replacements[0].rejected
    assert cam2.reason["fr"] == "déjà sur S1, du même type (caméra) : S1 en garde 1 sur 2"
    assert cam2.reason["en"] == "already on S1, of the same kind (caméra): S1 keeps 1 of 2"


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
    assert (rep.chosen, [(x.id, x.finding.code.name) for x in rep.rejected if x.finding]) == (
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


def plain(text: str) -> str:
    """Amounts as French writes them, with ordinary spaces for the test to read."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def lost_renter(production: Sheets, backup_gear: bool) -> Sheets:
    """CAM1 comes from LOC, whose named backup is SECOURS; AUTRE also has a camera."""
    production["Matériel"][0].append("Prestataire")
    production["Matériel"][1].append("LOC")
    production["Matériel"].append(["CAM2", "Caméra Sony", "caméra", 1, 300, "07.01", "AUTRE"])
    if backup_gear:
        production["Matériel"].append(
            ["CAM3", "Caméra Red Komodo", "caméra", 1, 350, "07.01", "SECOURS"]
        )
    production["Prestataires"] = [
        ["Id", "Nom", "Contact", "Téléphone", "Critique", "Secours"],
        ["LOC", "Loueur", "Paul", "0262 00 00 01", "oui", "SECOURS"],
        ["SECOURS", "Loueur de secours", "Sandrine", "0262 00 00 02", "non", None],
        ["AUTRE", "Autre loueur", None, None, "non", None],
    ]
    return production


def test_a_lost_vendor_is_replaced_by_its_named_backup_first(production, tmp_path) -> None:
    """CAM3, from the backup vendor, before AUTRE's cheaper CAM2."""
    result = what_if(load(lost_renter(production, True), tmp_path), Scenario("lose-vendor", "LOC"))
    assert summary(result)["plan"] == [("S1", "CAM1", "CAM3")]
    assert summary(result)["candidates"] == [[("CAM3", "350.00"), ("CAM2", "300.00")]]
    assert result.replacements[0].chosen.why["fr"] == "chez SECOURS, prestataire de secours"


def test_a_lost_vendor_whose_backup_lists_nothing_is_called_and_still_paid(
    production, tmp_path
) -> None:
    """Nothing free of its kind: the backup vendor is named to call, at today's rate; the
    plan's cost does not go down because the camera was lost."""
    production = lost_renter(production, False)
    production["Affectations"].append(["S2", "CAM2", None, None])  # AUTRE's camera is taken
    production["Planning"][2][2] = dt.time(10, 0)  # S2 from 10:00: during S1
    result = what_if(load(production, tmp_path), Scenario("lose-vendor", "LOC"))
    rep = result.replacements[0]
    assert rep.chosen is None and [x.id for x in rep.rejected] == ["CAM2"]
    assert (rep.by_hand.id, rep.by_hand.kind, rep.by_hand.cost) == ("SECOURS", "vendor", 600)
    assert (result.cost_delta, result.uncovered_cost) == (0, 600)
    text = plain(render_text(result, "fr"))
    assert (
        "S1 CAM1 : à louer chez Loueur de secours (SECOURS), secours désigné de LOC "
        "(+600,00 € au tarif actuel, en attendant un devis)"
    ) in text
    assert "Reste à couvrir : 1 convocation (CAM1 × 1), 600,00 € au tarif actuel" in text
    assert "À appeler : Loueur de secours, Sandrine, 0262 00 00 02 — CAM1 × 1" in text
    assert "Coût prévu : 1 730,00 € → 1 730,00 € (0,00 €)" in text
    data = to_json(result, "en")
    assert (data["uncovered"], data["uncovered_cost"]) == (
        [{"event": "S1", "who": "CAM1"}],
        "600.00",
    )


def test_a_lost_location_without_cover_moves_to_a_free_one(production, tmp_path) -> None:
    """S2 has no cover: the beach is free in the afternoon."""
    result = what_if(load(production, tmp_path), Scenario("lose-location", "STUDIO"))
    assert summary(result)["plan"] == [("S2", None, "PLAGE")]
    assert result.replacements[0].chosen.why["fr"] == "lieu libre"


def test_rain_proposes_only_free_indoor_places_nearest_first(production, tmp_path) -> None:
    production["Planning"][1][6] = None  # S1 has no cover
    production["Lieux"] += [
        ["PARC", "Parc de la Trinité", "Saint-Denis", "oui"],
        ["HANGAR", "Hangar du port", "Le Port", "non"],
    ]
    production["Trajets"] = [
        ["De", "À", "Minutes"],
        ["PLAGE", "STUDIO", 30],
        ["PLAGE", "HANGAR", 25],
    ]
    day = dt.date(2026, 3, 9)
    result = what_if(load(production, tmp_path), Scenario("rain", None, day, day))
    rep = result.replacements[0]
    assert [(c.id, c.why["en"]) for c in rep.candidates] == [
        ("HANGAR", "free indoor location, 25 min away"),
        ("STUDIO", "free indoor location, 30 min away"),
    ]
    assert rep.chosen is not None and rep.chosen.id == "HANGAR"


def test_free_locations_tried_are_bounded(production, tmp_path) -> None:
    """Each trial checks the whole production again: at most eight places per event."""
    from prodsheets.whatif.plan import MAX_PLACE_TRIALS

    production["Planning"][1][6] = None  # S1 has no cover
    for k in range(12):  # twelve indoor places, each taken during S1
        production["Lieux"].append([f"SALLE{k:02d}", f"Salle {k}", "Le Port", "non"])
        production["Planning"].append(
            [f"X{k}", dt.date(2026, 3, 9), dt.time(8), dt.time(12), "Autre", f"SALLE{k:02d}", None]
        )
    day = dt.date(2026, 3, 9)
    result = what_if(load(production, tmp_path), Scenario("rain", None, day, day))
    rep = result.replacements[0]
    assert rep.chosen is None and len(rep.rejected) == MAX_PLACE_TRIALS == 8


def test_a_location_lost_for_a_period_hits_only_those_days(production, tmp_path) -> None:
    production["Planning"].append(
        ["S3", dt.date(2026, 3, 10), dt.time(8, 0), dt.time(12, 0), "Séquence 3", "PLAGE", None]
    )
    day = dt.date(2026, 3, 10)
    result = what_if(load(production, tmp_path), Scenario("lose-location", "PLAGE", day, day))
    assert [h.event for h in result.affected] == [2]  # S3 only, not S1 on the 9th
    describe = result.scenario.describe(result.analyses)
    assert describe["fr"] == "lieu Plage de l'Hermitage perdu le 10/03/2026"
    assert describe["en"] == "location Plage de l'Hermitage lost on 2026-03-10"
    later = Scenario("lose-vendor", "LOC", dt.date(2026, 3, 10), None)
    result = what_if(load(lost_renter(production, True), tmp_path), later)
    assert result.affected == []  # CAM1 is hired on the 9th only
    assert result.scenario.describe(result.analyses)["fr"] == (
        "prestataire Loueur (LOC) perdu du 10/03/2026"
    )


def test_dates_that_cannot_be_used_are_refused(production, tmp_path) -> None:
    path = write_workbook(tmp_path / "p.xlsx", production)
    run = CliRunner().invoke(
        main, ["whatif", str(path), "--rain", "09/03/2026", "--from", "09/03/2026"]
    )
    assert run.exit_code == 2 and "--from/--to" in run.output
    run = CliRunner().invoke(
        main,
        [
            "whatif",
            str(path),
            "--lose-location",
            "PLAGE",
            "--from",
            "10/03/2026",
            "--to",
            "09/03/2026",
        ],
    )
    assert run.exit_code == 2 and "--to is before --from" in run.output
    run = CliRunner().invoke(
        main, ["whatif", str(path), "--lose-location", "PLAGE", "--from", "10/03/2026"]
    )
    assert run.exit_code == 0 and "perdu du 10/03/2026" in run.output


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
        # 15 min overlap with SAT-MS2 in the Barn: the nearest free indoor place, 10 min away
        "SAT-FS2": "HQ",
        "SAT-FS3": "HQ",  # no cover (the planted PS501): the same free indoor place
        "SAT-MS3": None,  # the Barn's own ceilidh runs 20:00-23:30, SAT-FS3 is in HQ
    }
    fs3 = next(r for r in data["replacements"] if r["event"] == "SAT-FS3")
    assert fs3["candidates"][0]["why"] == "free indoor location, 10 min away"
    # Never an outdoor place on a rainy day.
    outdoor = {"MAIN", "FOREST", "CAMP", "ARENA"}
    assert not outdoor & {c["id"] for r in data["replacements"] for c in r["candidates"]}
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
        cell: (
            "KEVIN",
            "C6E0B4",
            "MARCO → KEVIN (scénario : Marco Lauret absent(e) du 09/03/2026 au 10/03/2026)",
        )
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
    # What the plan says it costs, and what diff finds in the copy, agree to the cent.
    assert str(changed.diff.cost.total.delta.planned) == planned["cost_delta"] == "-879.43"


def test_a_booking_nobody_can_replace_stays_in_the_copy_marked_to_cover(tmp_path) -> None:
    """Lucie absent on Thursday 12: nobody free can stand in on S11 and S13. The plan keeps
    their cost at today's rates (someone must still be found); the copy keeps the bookings,
    filled orange « à couvrir », so it costs what the plan says and `diff` sees no change."""
    from openpyxl import load_workbook

    from prodsheets.pipeline import diff
    from prodsheets.whatif.apply import TO_COVER_FILL

    film = EXAMPLES / "tournage-reunion"
    out = tmp_path / "plan-b"
    production, _ = load_production(film)
    day = dt.date(2026, 3, 12)
    result = what_if(production, Scenario("absent", "LUCIE", day, day))
    assert [r.chosen for r in result.replacements] == [None, None]
    assert result.cost_delta == 0
    apply_plan(result, out, "fr")
    changed = diff(film, out).diff
    assert changed is not None and changed.cost is not None
    assert [(b.key, b.change) for b in changed.bookings] == []
    assert changed.cost.total.delta.planned == result.cost_delta == 0
    sheet = load_workbook(out / "schedule.xlsx")["Affectations"]
    marked = {
        c.coordinate: (c.value, c.comment.text.split(" (")[0])
        for row in sheet.iter_rows()
        for c in row
        if c.fill.fgColor.rgb and c.fill.fgColor.rgb.endswith(TO_COVER_FILL)
    }
    assert sorted(marked.values()) == [
        ("LUCIE", "LUCIE : à couvrir, personne ni rien de libre"),
        ("LUCIE", "LUCIE : à couvrir, personne ni rien de libre"),
    ]


def test_apply_refuses_a_folder_that_holds_other_workbooks(with_ana, tmp_path) -> None:
    path = write_workbook(tmp_path / "orig" / "prod.xlsx", with_ana)
    out = tmp_path / "out"
    write_workbook(out / "old-plan.xlsx", with_ana)
    run = CliRunner().invoke(main, ["whatif", str(path), "--absent", "LUCIE", "--apply", str(out)])
    assert run.exit_code == 2
    assert "old-plan.xlsx" in run.output and not (out / "prod.xlsx").exists()
