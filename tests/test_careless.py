"""Values a user can type, however careless: each works, or is a finding; never an
internal error, and every output is written whole."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import Sheets, write_workbook

from prodsheets.cli import main
from prodsheets.findings import flatten
from prodsheets.io.write import safe_name
from prodsheets.pipeline import check


def report(production: Sheets, tmp_path: Path) -> tuple[int, str, Path]:
    path = write_workbook(tmp_path / "prod.xlsx", production)
    out = tmp_path / "out"
    done = CliRunner().invoke(main, ["report", str(path), "-o", str(out), "--no-pdf"])
    assert "internal error" not in done.output, done.output
    return done.exit_code, done.output, out


def change(sheet: str, row: int, col: int, value: Any) -> Callable[[Sheets], None]:
    def apply(p: Sheets) -> None:
        p[sheet][row - 1][col - 1] = value

    return apply


@pytest.mark.parametrize(
    "where",
    [("Équipe", 2, 2), ("Production", 2, 2), ("Planning", 2, 5), ("Lieux", 2, 2)],
    ids=["crew-name", "title", "event-title", "location-name"],
)
def test_a_line_break_typed_with_alt_enter(
    production: Sheets, tmp_path: Path, where: tuple[str, int, int]
) -> None:
    change(*where, "Première ligne\nseconde ligne")(production)
    code, _, out = report(production, tmp_path)
    assert code == 0
    for ics in (out / "calendars").glob("*.ics"):
        text = ics.read_text(encoding="utf-8")
        assert "Première ligne seconde ligne" in text.replace("\r\n ", "") or "Première" not in text
    assert (out / "report.xlsx").stat().st_size > 0


def test_an_overnight_event_on_the_calendar_s_last_day_is_a_finding(
    production: Sheets, tmp_path: Path
) -> None:
    production["Planning"][2] = [
        "S2", dt.date(9999, 12, 31), dt.time(22), dt.time(2), "Nuit", "STUDIO", None,
    ]  # fmt: skip
    result = check([write_workbook(tmp_path / "prod.xlsx", production)])
    assert flatten(result.findings, "code", "cell") == [["PS120", "B3"]]
    code, _, _ = report(production, tmp_path)
    assert code == 0


@pytest.mark.parametrize("amount", [1e-10, 0.01, 1e14, 1e15, 1e100, 1e308, -1e308])
def test_amounts_from_tiny_to_the_largest_float(
    production: Sheets, tmp_path: Path, amount: float
) -> None:
    change("Équipe", 2, 5, amount)(production)  # LUCIE's day rate
    result = check([write_workbook(tmp_path / "prod.xlsx", production)])
    out_of_range = ["PS120", "E2"] in flatten(result.findings, "code", "cell")
    assert out_of_range == (abs(amount) >= 1e15)
    code, _, out = report(production, tmp_path)
    assert code == 0 and (out / "report.xlsx").exists()


def test_an_id_of_any_length_gets_a_short_stable_file_name(
    production: Sheets, tmp_path: Path
) -> None:
    long_id = "L" * 238
    change("Équipe", 2, 1, long_id)(production)
    change("Affectations", 2, 2, long_id)(production)
    code, _, out = report(production, tmp_path)
    assert code == 0
    names = sorted(p.name for p in (out / "calendars").iterdir())
    assert f"{safe_name(long_id)}.ics" in names
    assert all(len(n) <= 104 for n in names)
    assert safe_name(long_id) == safe_name(long_id) and safe_name(long_id) != safe_name("L" * 239)


@pytest.mark.parametrize(
    "typo",
    [
        ("Production", 4, 2, dt.date(1900, 1, 1)),  # the production "starts" in 1900
        ("Planning", 3, 2, dt.date(9998, 3, 9)),  # an event in 9998
        ("Planning", 3, 2, dt.date(3026, 3, 9)),
    ],
    ids=["start-1900", "event-9998", "event-3026"],
)
def test_a_typo_in_a_year_is_said_and_the_reports_keep_their_size(
    production: Sheets, tmp_path: Path, typo: tuple[str, int, int, dt.date]
) -> None:
    from prodsheets.render.report.data import gather

    *where, day = typo
    change(*where, day)(production)
    result = check([write_workbook(tmp_path / "prod.xlsx", production)])
    assert ["PS151", f"B{where[1]}"] in flatten(result.findings, "code", "cell")
    report_ = gather(result)
    march = [dt.date(2026, 3, d) for d in range(9, 14)]  # the production's start to end
    far = [] if where[0] == "Production" else [day]  # a far day booked: one column apart
    assert report_.dood_dates == march + far
    worked = {who: sum(1 for k in days.values() if "W" in k) for who, days in report_.dood.items()}
    assert worked["LUCIE"] >= 1
    code, _, _ = report(production, tmp_path)
    assert code == 0


def test_a_full_disk_names_the_file(
    production: Sheets, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def full(*args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("prodsheets.render.report.excel.write_excel", full)
    code, output, out = report(production, tmp_path)
    assert code == 2
    assert f"{out / 'report.xlsx'} (No space left on device)" in output
    assert "?" not in output.split("(")[0]
    assert not list(out.glob(".*.tmp"))  # no half-written file left behind


@pytest.mark.parametrize("kind", ["device", "socket"])
def test_a_device_or_a_socket_given_as_a_workbook_is_refused_at_once(
    tmp_path: Path, kind: str
) -> None:
    import socket

    if kind == "device":
        path = Path("/dev/zero")  # would never end, read as a file
    else:
        path = tmp_path / "prod.xlsx"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    result = check([path])
    assert flatten(result.findings, "code") == [["PS022"]]
    assert result.exit_code == 2
    said = result.findings[0].message("en")
    assert ("a device" if kind == "device" else "a socket") in said
