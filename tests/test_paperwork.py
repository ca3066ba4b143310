"""The day's paperwork as the trade does it: the call sheet's content, sending it to each
person, the day-out-of-days' paid holds, actual hours and the day's hot cost.

The call sheet and sending tests use the example shoot (workbooks/tournage-reunion); the
rules are shown on small productions built inline.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
import socket
from decimal import Decimal
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import minimal_production, write_workbook
from test_report import chromium, not_blank, parse, screenshot

from prodsheets.cli import main
from prodsheets.contract.values import BadValue, pages_text, parse_pages
from prodsheets.findings import flatten
from prodsheets.pipeline import check, reconcile
from prodsheets.render.report.build import build
from prodsheets.render.report.data import gather

ROOT = Path(__file__).resolve().parent.parent
REUNION = ROOT / "workbooks" / "tournage-reunion"
T = dt.time
D = dt.date


# --- the call sheet ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("callsheets")
    build(gather(check([REUNION])), out, pdf=False)
    return out


def test_the_call_sheet_says_the_day_its_scenes_and_who_confirmed(sheets: Path) -> None:
    text = " ".join(parse(sheets / "callsheets" / "2026-03-12.html").text)
    text = re.sub(r"\s+", " ", text).replace("\u202f", " ")
    # Thursday 12 is the fourth of the six shooting days (9-13 March and S12's 12 April).
    assert "jeudi 12 mars 2026 Jour 4 / 6" in text
    # The scenes of the day, pages in eighths: 2 6/8 + 3 1/8 = 5 7/8.
    assert re.search(
        r"11 Séq\. 11 : Léa et Marc sur la plage EXT jour Plage de l'Hermitage 2 6/8", text
    )
    assert re.search(r"13 Séq\. 13 : Feu de camp .* EXT nuit Plage de l'Hermitage 3 1/8", text)
    assert "Total des pages 5 7/8" in text
    # Maya: call 13:00 (PAT4), HMC 13:00, ready (PAT) 13:45, wrap 00:30 the next day.
    assert re.search(
        r"Maya Robert Comédienne \(Léa\) 13:00 13:00 13:45 00:30 \(\+1\) PAT4, S11, S13 ✓", text
    )
    assert "Dîner sur la plage (cantine), avant la nuit" in text  # the meal
    assert "Parking des Filaos" in text
    assert "Centre hospitalier Gabriel Martin — 38 rue Labourdonnais, 97460 Saint-Paul" in text
    studio = " ".join(parse(sheets / "callsheets" / "2026-03-13.html").text)
    assert "Paul Turpin" in studio and "à confirmer" in studio  # PAUL has not confirmed


def test_sunrise_and_sunset_are_the_library_s_for_the_place_and_date(sheets: Path) -> None:
    """The Hermitage beach (-21.0779, 55.2228) on 12/03/2026, in Indian/Reunion time."""
    from zoneinfo import ZoneInfo

    from astral import Observer
    from astral.sun import sunrise, sunset

    where = Observer(latitude=-21.0779, longitude=55.2228)
    zone = ZoneInfo("Indian/Reunion")

    def minute(moment: dt.datetime) -> str:  # to the nearest minute
        return (moment + dt.timedelta(seconds=30)).strftime("%H:%M")

    rise = minute(sunrise(where, date=D(2026, 3, 12), tzinfo=zone))
    set_ = minute(sunset(where, date=D(2026, 3, 12), tzinfo=zone))
    assert (rise, set_) == ("06:20", "18:37")  # a tropical March day: 12 h 17 of light
    text = re.sub(r"\s+", " ", " ".join(parse(sheets / "callsheets" / "2026-03-12.html").text))
    assert f"Plage de l'Hermitage) : lever {rise} · coucher {set_}" in text.replace("\u202f", " ")
    # Cilaos, in its cirque, on Tuesday 10: the library's times again.
    cilaos = Observer(latitude=-21.1318, longitude=55.4793)
    rise = minute(sunrise(cilaos, date=D(2026, 3, 10), tzinfo=zone))
    tuesday = " ".join(parse(sheets / "callsheets" / "2026-03-10.html").text)
    assert f"lever {rise}" in tuesday


@pytest.mark.slow
def test_the_call_sheet_renders_as_a_picture(sheets: Path, tmp_path: Path) -> None:
    if chromium() is None:
        pytest.skip("chromium missing (.ci/run installs Debian's chromium)")
    png = tmp_path / "callsheet-2026-03-12.png"
    screenshot(sheets / "callsheets" / "2026-03-12.html", png, 1100, 2600, tmp_path / "profile")
    assert not_blank(png)


def test_a_call_sheet_without_the_new_columns_shows_none_of_their_parts(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(
        gather(check([write_workbook(tmp_path / "p.xlsx", minimal_production())])), out, pdf=False
    )
    html = (out / "callsheets" / "2026-03-09.html").read_text(encoding="utf-8")
    for absent in ("Séquences", "Total des pages", "HMC", "Confirmé", "Repas", "Hôpital", "Jour 1"):
        assert absent not in html


# --- pages, and the « séquence » of Events and Bookings -----------------------------------


@pytest.mark.parametrize(
    "typed, eighths",
    [("1 3/8", 11), ("3/8", 3), ("2", 16), (1.375, 11), ("1/4", 2), ("4/8 p", 4), (0, 0)],
)
def test_pages_are_read_exactly_in_eighths(typed: Any, eighths: int) -> None:
    assert parse_pages(typed) == eighths


@pytest.mark.parametrize("typed", ["1.3", "1/3", -1, "1 3/0", "beaucoup"])
def test_pages_that_are_no_eighths_are_refused(typed: Any) -> None:
    with pytest.raises(BadValue):
        parse_pages(typed)


def test_pages_said_back() -> None:
    assert [pages_text(n) for n in (11, 3, 16, 0)] == ["1 3/8", "3/8", "2", "0"]


def test_sequence_names_the_scene_in_events_and_the_event_in_bookings(tmp_path: Path) -> None:
    """« Séquence » means two things a French producer types: in Planning beside an id, the
    script's scene number; in Planning alone, the scene is the id; in Affectations, the
    event booked (as before)."""
    sheets = minimal_production()
    sheets["Planning"][0].append("Séquence")
    sheets["Planning"][1].append("12A")
    sheets["Planning"][2].append("13")
    production = check([write_workbook(tmp_path / "a.xlsx", sheets)]).productions[0]
    events = production.table("events")
    assert events.col("id") == ["S1", "S2"] and events.col("scene") == ["12A", "13"]
    assert production.table("bookings").col("event") == ["S1", "S1", "S2"]

    alone = minimal_production()
    alone["Planning"][0][0] = "Séquence"  # no id column: the scenes are the ids
    result = check([write_workbook(tmp_path / "b.xlsx", alone)])
    events = result.productions[0].table("events")
    assert events.col("id") == ["S1", "S2"] == events.col("scene")
    assert flatten(result.findings) == []  # the bookings still find their events


# --- sending ------------------------------------------------------------------------------


def _messages(folder: Path) -> dict[str, Any]:
    parser = BytesParser(policy=policy.default)
    return {p.stem: parser.parsebytes(p.read_bytes()) for p in sorted(folder.glob("*.eml"))}


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """The example's Thursday 12 sent as .eml files, one person without an address."""
    tmp = tmp_path_factory.mktemp("send")
    folder = tmp / "prod"
    shutil.copytree(REUNION, folder)
    from openpyxl import load_workbook

    book = load_workbook(folder / "crew.xlsx")
    crew = book["Équipe"]
    kevin = next(r for r in crew.iter_rows(min_row=2) if r[0].value == "KEVIN")
    kevin[8].value = None  # KEVIN's email
    book.save(folder / "crew.xlsx")
    out = tmp / "mails"
    result = CliRunner().invoke(main, ["send", str(folder), "--date", "12/03/2026", "-o", str(out)])
    return out, result


def test_send_writes_one_eml_each_with_their_own_lines(sent: tuple[Path, Any]) -> None:
    out, result = sent
    assert result.exit_code == 0, result.output
    mails = _messages(out)
    # 17 people are called that day; KEVIN has no email address.
    assert len(mails) == 16 and "KEVIN" not in mails
    assert "sans adresse e-mail, à prévenir autrement : Kévin Rivière (KEVIN)" in result.stderr
    maya = mails["MAYA"]
    assert maya["To"].addresses[0].addr_spec == "maya.robert@example.org"
    assert (
        maya["Subject"] == "Feuille de service — Le Grand Départ — jeudi 12 mars 2026 · Jour 4 / 6"
    )
    assert maya["X-Unsent"] == "1"  # a draft in Outlook, ready to send
    body = maya.get_body(("plain",)).get_content()
    assert "convocation 13:00, HMC 13:00, PAT 13:45, fin prévue 00:30 (+1)" in body
    assert "20:30 S13 Séq. 13 : Feu de camp sur la plage (nuit) — Plage de l'Hermitage" in body
    assert (
        "Hôpital le plus proche (Plage de l'Hermitage) : Centre hospitalier Gabriel Martin" in body
    )
    assert "Marco" not in body.split("Convocation générale")[0]  # her lines, not the others'
    (attachment,) = list(maya.iter_attachments())
    assert attachment.get_filename() in (
        "feuille-de-service-2026-03-12.pdf",
        "feuille-de-service-2026-03-12.html",  # without WeasyPrint's libraries
    )
    data = attachment.get_content()
    assert data[:5] == b"%PDF-" or "Feuille de service" in str(data)
    record = (out / "sent.json").read_text(encoding="utf-8")
    assert '"MAYA"' in record and '"KEVIN"' in record  # kept for the next sending to compare


def test_send_refuses_a_day_without_calls_and_smtp_without_a_sender(tmp_path: Path) -> None:
    runner = CliRunner()
    nobody = runner.invoke(
        main, ["send", str(REUNION), "--date", "08/03/2026", "-o", str(tmp_path)]
    )
    assert nobody.exit_code == 2 and "Personne n'est convoqué" in nobody.stderr
    assert not list(tmp_path.iterdir())
    no_sender = runner.invoke(
        main, ["send", str(REUNION), "--date", "12/03/2026", "--smtp", "127.0.0.1:1"]
    )
    assert no_sender.exit_code == 2 and "--from" in no_sender.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_send_through_a_real_smtp_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An aiosmtpd server on 127.0.0.1 receives the messages the CLI sends."""
    pytest.importorskip("aiosmtpd")
    from aiosmtpd.controller import Controller

    received: list[tuple[str, list[str], bytes]] = []

    class Keep:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
            return "250 OK"

    sheets = copy.deepcopy(minimal_production())
    sheets["Équipe"][0].append("Email")
    sheets["Équipe"][1].append("lucie@example.org")  # MARC has none
    production = write_workbook(tmp_path / "prod.xlsx", sheets)
    port = _free_port()
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.delenv("PRODSHEETS_SMTP_PASSWORD", raising=False)
    try:
        result = CliRunner().invoke(
            main,
            [
                "send", str(production), "--date", "2026-03-09", "-o", str(tmp_path / "out"),
                "--smtp", f"127.0.0.1:{port}", "--from", "regie@example.org", "--lang", "en",
            ],
        )  # fmt: skip
    finally:
        controller.stop()
    assert result.exit_code == 0, result.output
    assert "sent to lucie@example.org" in result.output
    assert "no email address, to be told another way: Marc Hoarau (MARC)" in result.stderr
    ((mail_from, rcpt_tos, content),) = received
    assert (mail_from, rcpt_tos) == ("regie@example.org", ["lucie@example.org"])
    message = BytesParser(policy=policy.default).parsebytes(content)
    assert message["From"] == "regie@example.org"
    assert message["Subject"] == "Call sheet — Court métrage test — Monday, 9 March 2026"
    assert "call 07:30, wrap 12:00" in message.get_body(("plain",)).get_content()
    assert "X-Unsent" not in message  # only the .eml drafts carry it
    assert [p.name for p in sorted((tmp_path / "out").iterdir())] == ["LUCIE.eml", "sent.json"]


def test_an_unreachable_smtp_server_is_said_not_a_traceback(tmp_path: Path) -> None:
    sheets = copy.deepcopy(minimal_production())
    sheets["Équipe"][0].append("Email")
    sheets["Équipe"][1].append("lucie@example.org")
    production = write_workbook(tmp_path / "prod.xlsx", sheets)
    result = CliRunner().invoke(
        main,
        ["send", str(production), "--date", "9/3/2026", "-o", str(tmp_path / "out"),
         "--smtp", f"127.0.0.1:{_free_port()}", "--from", "regie@example.org"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "Échec de l'envoi" in result.stderr and "Traceback" not in result.output
    assert (tmp_path / "out" / "LUCIE.eml").exists()  # the copies are written all the same


# --- paid holds -----------------------------------------------------------------------------


def _holding(paid: str | None, own: str | None = None) -> dict[str, list[list[Any]]]:
    """MAYA (artist, 300 € a day, no fringes) works Monday and Wednesday; the unit shoots
    on Tuesday without her: her Tuesday is a hold."""
    sheets = copy.deepcopy(minimal_production())
    if paid is not None:
        sheets["Production"].append(["Attentes payées", paid])
    sheets["Devis"].insert(3, ["03.01", "Interprétation", "Léa", 3, "jour", 300, 900])
    sheets["Devis"][4][6] = 5050  # the subtotal
    sheets["Devis"][-1][6] = 8050
    sheets["Équipe"][0].append("Attentes payées")
    sheets["Équipe"].append(["MAYA", "Maya Robert", "Comédienne", "artiste", 300, "03.01", own])
    sheets["Planning"] += [
        ["S3", D(2026, 3, 10), T(8), T(12), "Séquence 3", "STUDIO", None],
        ["S4", D(2026, 3, 11), T(8), T(12), "Séquence 4", "STUDIO", None],
    ]
    sheets["Affectations"] += [
        ["S1", "MAYA", None, None],
        ["S3", "LUCIE", None, None],
        ["S4", "MAYA", None, None],
    ]
    return sheets


@pytest.mark.parametrize(
    "paid, own, planned",
    [
        (None, None, "600.00"),  # two cachets: holds are not paid by default
        ("artiste", None, "900.00"),  # artists' holds paid: two cachets and the hold
        ("artiste", "non", "600.00"),  # her own column says no
        (None, "oui", "900.00"),  # her own column says yes
    ],
)
def test_paid_holds_are_in_the_planned_cost(
    tmp_path: Path, paid: str | None, own: str | None, planned: str
) -> None:
    path = write_workbook(tmp_path / "p.xlsx", _holding(paid, own))
    result = check([path])
    dood = result.analyses[0].day_out_of_days
    assert [dood.code("MAYA", D(2026, 3, d)) for d in (9, 10, 11)] == ["SW", "H", "WF"]
    line = next(x for x in reconcile(path).reconciliation.lines if x.code == "03.01")
    assert f"{line.planned:.2f}" == planned


# --- actual hours and the hot cost ------------------------------------------------------


def _week(actual: list[list[Any]]) -> dict[str, list[list[Any]]]:
    """LUCIE (450 €/day, no fringes) shoots Monday to Friday 08:00-16:00: 40 h in the week;
    MARC (20 €/hour, no day rate) Monday 08:00-12:00. Audiovisual rules: overtime past 35 h
    a week, +25 % up to 43 h, +50 % beyond; a day rate's hour is 450 / 7 = 64.2857… €."""
    sheets = copy.deepcopy(minimal_production())
    sheets["Équipe"][0].append("Tarif horaire")
    sheets["Équipe"][2][4] = None
    sheets["Équipe"][2].append(20)
    sheets["Planning"] = [sheets["Planning"][0]] + [
        [f"J{d}", D(2026, 3, 8 + d), T(8), T(16), f"Jour {d}", "STUDIO", None, "séquence"]
        for d in range(1, 6)
    ]
    sheets["Planning"][0] = [*sheets["Planning"][0], "Type"]
    sheets["Affectations"] = [
        sheets["Affectations"][0],
        *[[f"J{d}", "LUCIE", None, None] for d in range(1, 6)],
        ["J1", "MARC", None, T(12)],
    ]
    sheets["Heures réelles"] = [["Date", "Qui", "Arrivée", "Fin", "Pause"], *actual]
    return sheets


def test_a_day_s_hot_cost_worked_by_hand(tmp_path: Path) -> None:
    """Monday's production report: LUCIE 08:00-19:00 with a 1:00 break (10 h, 2 more than
    planned), MARC 08:00-13:30 (5 h 30, 1 h 30 more).

    Planned, Monday:
      LUCIE: her day rate, 450.00; her week's overtime (40 h − 35 h = 5 h) comes on Friday,
             when her hours pass 35 h, so none on Monday: 450.00.
      MARC:  4 h × 20 € = 80.00.
      Day: 530.00.
    Worked, Monday:
      LUCIE: still one day rate, 450.00; but her week is now 42 h: 7 h of overtime at +25 %
             instead of 5 h, 2 h × 450/7 € × 0.25 = 32.142857… → the week's premium goes from
             5 × 64.2857… × 0.25 = 80.36 to 7 × 64.2857… × 0.25 = 112.50: +32.14, on Monday.
             450.00 + 32.14 = 482.14.
      MARC:  5.5 h × 20 € = 110.00 (+30.00; 5 h 30 a week, no overtime).
      Day: 592.14; difference 592.14 − 530.00 = +62.14; running +62.14.
    """
    path = write_workbook(
        tmp_path / "p.xlsx",
        _week(
            [
                [D(2026, 3, 9), "LUCIE", T(8), T(19), "1:00"],
                [D(2026, 3, 9), "MARC", T(8), T(13, 30), None],
            ]
        ),
    )
    result = check([path])
    (monday,) = result.analyses[0].hot_costs.days
    people = {p.who: p for p in monday.people}
    assert (people["LUCIE"].planned, people["LUCIE"].worked) == (
        Decimal("450.00"),
        Decimal("482.14"),
    )
    assert (people["MARC"].planned, people["MARC"].worked) == (Decimal("80.00"), Decimal("110.00"))
    assert (monday.planned, monday.worked, monday.difference, monday.running) == (
        Decimal("530.00"), Decimal("592.14"), Decimal("62.14"), Decimal("62.14"),
    )  # fmt: skip
    assert people["LUCIE"].worked_seconds == 10 * 3600
    # One warning, at the wraps of those who went over, the largest difference first.
    assert flatten(result.findings, "code", "cell", "cells") == [["PS420", "D2", ["D2", "D3"]]]
    finding = next(f for f in result.findings if f.code.code == "PS420")
    assert finding.message("en").startswith(
        "2026-03-09 (day 1 of 5): the hours worked cost €592.14 against €530.00 planned, €62.14 more"
    )
    # The week's premiums as planned are still those of 40 h: the reconciliation plans them.
    rec = reconcile(path)
    assert [d["difference"] for d in _json(rec)["hot_costs"]] == ["62.14"]
    lucie = next(x for x in rec.reconciliation.lines if x.code == "02.01")
    assert lucie.planned == Decimal("2330.36")  # 5 × 450 + 80.36


def _json(result: Any) -> dict[str, Any]:
    from prodsheets.render.reconcile import to_json

    return to_json(result, "en")


def test_real_hours_are_the_legal_ones(tmp_path: Path) -> None:
    """Planned, LUCIE's Tuesday is 8 h; worked, 08:00-21:30 with a 30 min break: 13 h, over
    the audiovisual agreement's 12 h. The finding points at her row of Heures réelles; her
    other days, unreported, stay as planned and say nothing."""
    path = write_workbook(
        tmp_path / "p.xlsx",
        _week([[D(2026, 3, 10), "LUCIE", T(8), T(21, 30), "30"]]),
    )
    result = check([path])
    daily = [f for f in result.findings if f.code.code == "PS306"]
    assert flatten(daily, "code", "sheet", "cell") == [["PS306", "Heures réelles", "C2"]]
    assert "13 h" in daily[0].message("en")
    planned = check([write_workbook(tmp_path / "q.xlsx", _week([]))])
    assert not [f for f in planned.findings if f.code.code == "PS306"]


def test_the_production_report_in_xlsx_and_html(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_workbook(
        tmp_path / "p.xlsx",
        _week(
            [
                [D(2026, 3, 9), "LUCIE", T(8), T(19), "1:00"],
                [D(2026, 3, 9), "MARC", T(8), T(13, 30)],
            ]
        ),
    )
    out = tmp_path / "out"
    build(gather(check([path])), out, pdf=False)
    ws = load_workbook(out / "report.xlsx")["Rapport de production"]
    rows = [r for r in ws.iter_rows(values_only=True) if any(r)]
    assert rows[1][0] == "Rapport de production — lundi 9 mars 2026 · Jour 1 / 5"
    lucie = next(r for r in rows if r[0] == "Lucie Martin")
    assert lucie[2:8] == ("08:00–16:00", 8, "08:00", "19:00", 1, 10)
    assert lucie[8:] == (450, pytest.approx(482.14), pytest.approx(32.14))
    total = next(r for r in rows if r[0] == "Total du jour")
    assert total[8:] == (530, pytest.approx(592.14), pytest.approx(62.14))
    html = re.sub(r"\s+", " ", " ".join(parse(out / "report.html").text)).replace("\u202f", " ")
    assert "Rapport de production — lundi 9 mars 2026 · Jour 1 / 5" in html
    assert "Écart cumulé 62,14 €" in html


def test_travel_days_and_crew_at_rehearsals_in_the_day_out_of_days(tmp_path: Path) -> None:
    """LUCIE (crew) flies in on Sunday 8 (T) and attends Monday's rehearsal: for crew a
    rehearsal is work (R is the cast's), so Monday is her SW; S2 on Tuesday is her WF."""
    sheets = copy.deepcopy(minimal_production())
    sheets["Planning"][0].append("Type")
    sheets["Planning"][1].append("répétition")
    sheets["Planning"] += [
        ["V1", D(2026, 3, 8), T(10), T(14), "Vol Paris - Saint-Denis", None, None, "trajet"],
        ["S3", D(2026, 3, 10), T(8), T(12), "Séquence 3", "STUDIO", None, "séquence"],
    ]
    sheets["Affectations"] += [["V1", "LUCIE", None, None], ["S3", "LUCIE", None, None]]
    result = check([write_workbook(tmp_path / "p.xlsx", sheets)])
    dood = result.analyses[0].day_out_of_days
    assert {d.day: c for d, c in dood.codes["LUCIE"].items()} == {8: "T", 9: "SW", 10: "WF"}
    assert dood.totals("LUCIE")[:6] == (2, 0, 1, 0, 0, 3)


def test_pages_and_breaks_typed_wrong_are_findings_at_their_cells(tmp_path: Path) -> None:
    sheets = copy.deepcopy(minimal_production())
    sheets["Planning"][0].append("Pages")
    sheets["Planning"][1].append("1 3/8")
    sheets["Planning"][2].append("1.3")  # not a whole number of eighths
    sheets["Heures réelles"] = [
        ["Date", "Qui", "Arrivée", "Fin", "Pause"],
        [D(2026, 3, 9), "LUCIE", T(7, 30), T(12), "une heure"],
        [D(2026, 3, 9), "MARC", T(14), T(18), None],
    ]
    result = check([write_workbook(tmp_path / "p.xlsx", sheets)])
    assert flatten(result.findings, "code", "sheet", "cell") == [
        ["PS107", "Heures réelles", "E2"],  # « une heure » is no duration
        ["PS108", "Planning", "H3"],
    ]
    assert result.productions[0].table("events").col("pages") == [11, None]
    message = next(f for f in result.findings if f.code.code == "PS108").message("en")
    assert "pages in eighths (1 3/8, 3/8, 2 or 1.375)" in message


def test_the_example_s_hot_costs_in_reconcile_json() -> None:
    """The example's two evenings: Monday's S04 wrapped 15 min late, Tuesday's S07 ran 2 h 15
    over (workbooks/README.md); the planned cost stays the schedule's."""
    result = CliRunner().invoke(main, ["reconcile", str(REUNION), "--format", "json"])
    import json

    data = json.loads(result.output)
    assert data["hot_costs"] == [
        {"date": "2026-03-09", "production_day": 1, "planned": "7069.40", "worked": "7108.63",
         "difference": "39.23", "running": "39.23"},
        {"date": "2026-03-10", "production_day": 2, "planned": "7069.40", "worked": "7395.63",
         "difference": "326.23", "running": "365.46"},
    ]  # fmt: skip
    assert data["total"]["planned"] == "68151.58"  # as before the actual hours were typed
    assert [f["code"] for f in data["findings"]].count("PS420") == 2
