"""The next report into the same folder: what changed since, for the people it changes.

Two reports of the example shoot into one OUT, the first from v1, the second from the v2
of ``test_diff`` (an event moved, a call changed, a person replaced, a row inserted, a
rate raised). The second has a « Modifications » section (report.xlsx, HTML), marked call
sheets, a notice per person concerned, and calendars that a calendar client, importing
the first then the second, holds as one event per booking.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from test_diff import REUNION, copy_production, make_v2
from test_report import chromium, not_blank, parse, screenshot

from prodsheets.diff import capture, compare
from prodsheets.diff.snapshot import NAME as SNAPSHOT
from prodsheets.pipeline import check
from prodsheets.render.diff import to_json as diff_json
from prodsheets.render.report.build import build
from prodsheets.render.report.data import gather

ROOT = Path(__file__).resolve().parent.parent


def report(production: Path, out: Path, lang: str | None = None):  # type: ignore[no-untyped-def]
    return build(gather(check([production]), lang), out, pdf=False)


def text_of(path: Path) -> str:
    return (
        re.sub(r"\s+", " ", " ".join(parse(path).text))
        .replace("\u202f", " ")
        .replace("\u00a0", " ")
    )


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """v1 reported into OUT, the phones import the calendars; then v2 into the same OUT."""
    root = tmp_path_factory.mktemp("two-reports")
    v1, v2 = copy_production(root / "v1"), make_v2(root / "v2")
    out = root / "out"
    first = report(v1, out)
    phones: dict[str, dict[str, dict[str, object]]] = {}
    import_all(phones, out)
    after_first = {who: dict(store) for who, store in phones.items()}
    first_files = {p.name for p in out.iterdir()}
    second = report(v2, out)
    import_all(phones, out)
    return {
        "v1": v1,
        "v2": v2,
        "out": out,
        "first": first,
        "second": second,
        "first_files": first_files,
        "after_first": after_first,
        "phones": phones,
    }


# --- calendars: a calendar client imports v1's, then v2's --------------------------------------


def import_ics(store: dict[str, dict[str, object]], data: bytes) -> None:
    """What a calendar client does with a published calendar (RFC 5545, 5546): an event
    replaces the one it holds with the same UID, unless that one has a higher SEQUENCE;
    an event whose STATUS is CANCELLED takes it away."""
    import icalendar

    for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
        uid = str(event["UID"])
        sequence = int(event.get("SEQUENCE", 0))
        held = store.get(uid)
        if held is not None and int(held["sequence"]) > sequence:  # type: ignore[call-overload]
            continue
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            store.pop(uid, None)
            continue
        store[uid] = {
            "sequence": sequence,
            "start": event.decoded("DTSTART"),
            "event": str(event["SUMMARY"]).split(" · ")[0],
        }


def import_all(phones: dict[str, dict[str, dict[str, object]]], out: Path) -> None:
    for ics in sorted((out / "calendars").glob("*.ics")):
        import_ics(phones.setdefault(ics.stem, {}), ics.read_bytes())


def bookings(production: Path) -> dict[str, list[tuple[str, dt.datetime]]]:
    """Each person's bookings in a version: (event, start), local time."""
    from prodsheets.schedule.timeline import to_datetime

    a = check([production]).analyses[0]
    s = a.schedule
    events = s.bookings.event
    return {
        who: sorted((s.event_id(events[n]), to_datetime(s.bookings.start[n])) for n in ns)
        for who, ns in s.groups.items()
        if who in s.people
    }


def test_calendars_imported_one_after_the_other_hold_one_event_per_booking(two_reports) -> None:  # type: ignore[no-untyped-def]
    phones = two_reports["phones"]
    expected = bookings(two_reports["v2"])
    for who, store in phones.items():
        held = sorted((e["event"], e["start"].replace(tzinfo=None)) for e in store.values())
        assert held == expected.get(who, []), who  # none doubled, none left over
    assert set(expected) <= set(phones)
    # The booking removed is gone from Marco's phone; the one added is on Kévin's.
    assert "PREP06" not in [e["event"] for e in phones["MARCO"].values()]
    assert "PREP06" in [e["event"] for e in phones["KEVIN"].values()]
    # Changed bookings kept their UID, with a higher SEQUENCE.
    claire = phones["CLAIRE"]["le-grand-depart.S13.CLAIRE@prodsheets"]
    assert claire["sequence"] == 1
    assert claire["start"] == dt.datetime(
        2026, 3, 12, 19, 30, tzinfo=claire["start"].tzinfo
    ) and claire["start"].utcoffset() == dt.timedelta(hours=4)
    fred = phones["FRED"]["le-grand-depart.REG01.FRED@prodsheets"]
    assert (fred["sequence"], fred["start"].date()) == (1, dt.date(2026, 3, 4))
    # The row inserted above three hundred others changed none of their UIDs: Lucie's
    # events are the ones her phone had, untouched.
    before = two_reports["after_first"]["LUCIE"]
    assert phones["LUCIE"] == before
    assert {e["sequence"] for e in phones["LUCIE"].values()} == {0}


def test_a_removed_booking_is_published_cancelled(two_reports) -> None:  # type: ignore[no-untyped-def]
    import icalendar

    cal = icalendar.Calendar.from_ical(
        (two_reports["out"] / "calendars" / "MARCO.ics").read_bytes()
    )
    assert str(cal["METHOD"]) == "PUBLISH"
    (prep06,) = [
        e for e in cal.walk("VEVENT") if str(e["UID"]).endswith(".PREP06.MARCO@prodsheets")
    ]
    assert (str(prep06["STATUS"]), int(prep06["SEQUENCE"])) == ("CANCELLED", 1)
    assert prep06.decoded("DTSTART").replace(tzinfo=None) == dt.datetime(2026, 3, 12, 13, 0)


def test_a_report_again_changes_no_sequence(two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    shutil.copytree(two_reports["out"], out)
    report(two_reports["v2"], out)
    phones = {who: dict(store) for who, store in two_reports["phones"].items()}
    import_all(phones, out)
    assert phones == two_reports["phones"]  # importing the same again changes nothing
    text = text_of(out / "report.html")
    assert "Modifications" in text and "Aucune modification." in text
    assert not list((out / "notices").glob("*.txt"))  # last time's notices are not resent


# --- the changes section, the call sheets, the notices -------------------------------------------


def test_the_first_report_keeps_a_snapshot_and_says_no_changes(two_reports) -> None:  # type: ignore[no-untyped-def]
    files = two_reports["first_files"]
    assert SNAPSHOT in files and "notices" not in files and "changes.json" not in files
    written = [p.name for p in two_reports["first"].files]
    assert written[-1] == SNAPSHOT  # last: an interrupted report leaves the previous one


def test_the_changes_section_in_html(two_reports) -> None:  # type: ignore[no-untyped-def]
    out = two_reports["out"]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert '<section id="changes" class="big">' in html and 'href="#changes"' in html
    text = text_of(out / "report.html")
    for said in (
        "Modifications",
        "mercredi 4 mars 2026",
        "REG01 « Mairie : autorisation de tournage Barachois » déplacé du mardi 10 mars au "
        "mercredi 4 mars",
        "Claire Payet — S13 : 20:30–00:30 (+1) → 19:30–00:30 (+1)",
        "Kévin Rivière — PREP06 : remplace Marco Lauret (13:00–17:00, Studio Le Port)",
        "David Maillot — S16 : ajout (18:00–20:00, Studio Le Port)",
        "PAUL Paul Turpin : tarif jour 250,00 € → 280,00 €",
        "Constats résolus (2)",
        "68 151,58 € 68 479,11 € +327,53 €",
        "Messages à envoyer (5)",
        "Votre convocation du jeudi 12 mars (S13) passe de 20:30 à 19:30, Plage de l'Hermitage.",
    ):
        assert said in text, said


def test_the_changes_sheet_in_report_xlsx(two_reports) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    wb = load_workbook(two_reports["out"] / "report.xlsx")
    assert wb.sheetnames[:3] == ["Synthèse", "Modifications", "Constats"]
    ws = wb["Modifications"]
    cells = [[c for c in r if c is not None] for r in ws.iter_rows(values_only=True)]
    assert cells[0][0].startswith("Le Grand Départ : modifications depuis le rapport du ")
    assert [
        "jeudi 12 mars 2026",
        "Claire Payet — S13 : 20:30–00:30 (+1) → 19:30–00:30 (+1)",
    ] in cells
    total = next(r for r in cells if r and r[0] == "Total")
    assert total[1:] == [68151.58, 68479.11, pytest.approx(327.53), 103066.78, 103394.31,
                         pytest.approx(327.53)]  # fmt: skip
    notices = {r[0]: r[1] for r in cells if len(r) == 2 and str(r[1]).startswith("Bonjour")}
    assert sorted(notices) == [
        "Claire Payet", "David Maillot", "Frédéric Dijoux", "Kévin Rivière", "Marco Lauret"
    ]  # fmt: skip


def test_each_call_sheet_marks_what_changed_that_day(two_reports) -> None:  # type: ignore[no-untyped-def]
    out = two_reports["out"]
    thursday = (out / "callsheets" / "2026-03-12.html").read_text(encoding="utf-8")
    text = text_of(out / "callsheets" / "2026-03-12.html")
    assert "Modifié depuis le rapport du" in text
    assert "Marco Lauret — PREP06 : remplacement par Kévin Rivière" in text
    # Kévin's day now starts at 13:00 (PREP06), not 20:30; Marco's at 14:00, not 13:00.
    assert re.search(r"Kévin Rivière.*?<del class=\"was\"[^>]*>20:30</del>13:00", thursday, re.S)
    assert re.search(r"Marco Lauret.*?<del class=\"was\"[^>]*>13:00</del>14:00", thursday, re.S)
    wednesday = text_of(out / "callsheets" / "2026-03-04.html")
    assert "REG01 Mairie : autorisation de tournage Barachois" in wednesday
    assert re.search(r"REG01</strong>[^<]*<span[^>]*>[^<]*</span> <span class=\"badge new\">",
                     (out / "callsheets" / "2026-03-04.html").read_text(encoding="utf-8"))  # fmt: skip
    tuesday = text_of(out / "callsheets" / "2026-03-10.html")
    assert "Retiré de ce jour : REG01 « Mairie : autorisation de tournage Barachois »" in tuesday
    untouched = text_of(out / "callsheets" / "2026-03-09.html")
    assert "Modifié depuis" not in untouched


def test_notices_one_text_per_person_and_the_diff_as_json(two_reports) -> None:  # type: ignore[no-untyped-def]
    out = two_reports["out"]
    assert sorted(p.name for p in (out / "notices").iterdir()) == [
        "CLAIRE.txt", "DAVID.txt", "FRED.txt", "KEVIN.txt", "MARCO.txt"
    ]  # fmt: skip
    marco = (out / "notices" / "MARCO.txt").read_text(encoding="utf-8").splitlines()
    assert marco[0] == "Bonjour Marco Lauret,"
    assert marco[2].startswith("votre planning de « Le Grand Départ » a changé depuis le ")
    assert marco[-1] == (
        "- Votre convocation du jeudi 12 mars (PREP06, 13:00–17:00, Studio Le Port) est annulée."
    )
    kept = json.loads((out / "changes.json").read_text(encoding="utf-8"))
    states = []
    for v in (two_reports["v1"], two_reports["v2"]):
        r = check([v])
        a = r.analyses[0]
        states.append(capture(r.productions[0], a.schedule, a.reconciliation, r.findings))
    assert kept == diff_json(compare(*states), "fr")


def test_a_snapshot_that_cannot_be_read_is_said_and_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / SNAPSHOT).write_text("{not json", encoding="utf-8")
    written = report(REUNION, out)
    assert any("could not be read back" in w for w in written.warnings)
    assert "Modifications" not in text_of(out / "report.html")
    assert json.loads((out / SNAPSHOT).read_text(encoding="utf-8"))["prodsheets_snapshot"] == 1


def test_the_previous_report_of_another_production_is_not_compared(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report(ROOT / "workbooks" / "festival", out)
    written = report(REUNION, out)
    assert any("another production" in w for w in written.warnings)
    assert "Modifications" not in text_of(out / "report.html")


# --- looked at: the changes section, a notice, a call sheet, in Chromium ----------------------


ONLY_CHANGES = "<style>main > section:not(#changes) { display: none; }</style></head>"


@pytest.mark.slow
def test_the_changes_section_and_a_notice_render(two_reports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """report.html (its changes section alone, the rest hidden) and Thursday's call sheet,
    as Chromium draws them; ``PRODSHEETS_SCREENSHOTS=docs/screenshots`` keeps them for the
    README."""
    if chromium() is None:
        pytest.skip("chromium missing (.ci/run installs Debian's chromium)")
    out = two_reports["out"]
    page = out / "report-changes.html"
    html = (out / "report.html").read_text(encoding="utf-8")
    page.write_text(html.replace("</head>", ONLY_CHANGES, 1), encoding="utf-8")
    shots = [
        (page, "changes-tournage-reunion.png", 1200, 1700),
        (
            out / "callsheets" / "2026-03-12.html",
            "callsheet-changes-tournage-reunion.png",
            1200,
            1100,
        ),
    ]
    keep = os.environ.get("PRODSHEETS_SCREENSHOTS")
    for source, name, width, height in shots:
        png = tmp_path / name
        screenshot(source, png, width, height, tmp_path / "profile")
        assert not_blank(png)
        if keep:
            from PIL import Image

            target = ROOT / keep
            target.mkdir(parents=True, exist_ok=True)
            image = Image.open(png).convert("RGB")
            image.quantize(colors=128, method=Image.Quantize.FASTOCTREE).save(
                target / name, optimize=True
            )
    page.unlink()
