"""The Python API: `prodsheets.open(...)`, its frames, and the CLI's JSON, row for row.

Each command's frames are compared with what the real command prints with
``--format json`` on both example productions: every finding's place, every budget line,
chapter, week and day, every hit, candidate and rejection, value for value.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import Sheets, write_workbook

import prodsheets
from prodsheets.contract import schema

pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parent.parent
FILM = ROOT / "workbooks" / "tournage-reunion"
FESTIVAL = ROOT / "workbooks" / "festival"
EXAMPLES = [FILM, FESTIVAL]


def cli(*args: object) -> tuple[int, Any]:
    """The real command, in its own process, and its JSON."""
    done = subprocess.run(
        [sys.executable, "-m", "prodsheets", *map(str, args), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    return done.returncode, json.loads(done.stdout)


def plain(value: Any) -> Any:
    """A frame's cell as JSON says it: amounts as "1234.50", days as ISO, no NA."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if hasattr(value, "item"):  # a NumPy scalar
        return value.item()
    return value


def records(frame: Any) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


PLACE = ("file", "sheet", "cell", "row", "column", "id")


def finding_rows(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The CLI's findings, one row per location, as the findings frame has them."""
    rows = []
    for n, f in enumerate(found):
        said = {k: f[k] for k in ("code", "name", "severity", "message", "hint")}
        extra = {"count": f.get("count", 1), "range": f.get("range")}
        for loc in f["locations"] or [dict.fromkeys(PLACE)]:
            rows.append({"finding": n, **said, **extra, **{k: loc[k] for k in PLACE}})
    return rows


@pytest.fixture(scope="module")
def opened() -> dict[str, prodsheets.Production]:
    return {p.name: prodsheets.open(p) for p in EXAMPLES}


# --- check ----------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_check_findings_frame_is_the_cli_json_row_for_row(
    example: Path, opened: dict[str, prodsheets.Production]
) -> None:
    code, answer = cli("check", example)
    checked = opened[example.name].check()
    rows = finding_rows(answer["findings"])
    assert records(checked.findings) == rows
    assert len(rows) > len(answer["findings"]) > 10  # findings with several places: a row each
    assert checked.to_json() == answer
    assert (checked.exit_code, checked.summary) == (code, answer["summary"])


def test_check_across_both_examples_is_the_cli_json_row_for_row() -> None:
    code, answer = cli("check", FILM, FESTIVAL)
    both = prodsheets.open(FILM, FESTIVAL)
    assert isinstance(both, prodsheets.Productions)
    checked = both.check()
    assert records(checked.findings) == finding_rows(answer["findings"])
    assert checked.to_json() == answer
    assert checked.exit_code == code == 1
    files = set(checked.findings.file.dropna())
    assert {f.split("/")[0] for f in files} == {"tournage-reunion", "festival"}


def test_select_and_ignore_are_the_cli_options(opened: dict[str, prodsheets.Production]) -> None:
    prod = opened["tournage-reunion"]
    _, answer = cli("check", FILM, "--select", "PS1,travel-time", "--ignore", "PS106")
    checked = prod.check(select=["PS1", "travel-time"], ignore="PS106")
    assert records(checked.findings) == finding_rows(answer["findings"])
    assert set(checked.findings.code) >= {"PS304", "PS114"}
    assert "PS106" not in set(checked.findings.code)
    with pytest.raises(ValueError, match="travel-time"):
        prod.check(select="travel-tme")


def test_messages_in_the_language_asked(opened: dict[str, prodsheets.Production]) -> None:
    _, answer = cli("check", FILM, "--lang", "en")
    checked = opened["tournage-reunion"].check(lang="en")
    assert records(checked.findings) == finding_rows(answer["findings"])
    assert checked.findings.message.str.contains("double-booked|Double booking").any()
    with pytest.raises(ValueError, match="'fr' or 'en'"):
        opened["tournage-reunion"].check(lang="de")


# --- reconcile ------------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_reconcile_frames_are_the_cli_json_row_for_row(
    example: Path, opened: dict[str, prodsheets.Production]
) -> None:
    code, answer = cli("reconcile", example)
    rec = opened[example.name].reconcile()
    title = answer["production"]
    assert records(rec.lines) == [{"production": title, **x} for x in answer["lines"]]
    assert records(rec.chapters) == [{"production": title, **x} for x in answer["chapters"]]
    assert records(rec.weekly) == [{"production": title, **w} for w in answer["cash_flow"]]
    assert records(rec.daily) == [{"production": title, **d} for d in answer["hot_costs"]]
    assert {k: f"{v:f}" for k, v in rec.total.items()} == answer["total"]
    assert records(rec.findings) == finding_rows(answer["findings"])
    assert rec.to_json() == answer
    assert rec.exit_code == code
    # Exact money: every amount a Decimal to the cent, sums exact.
    assert all(isinstance(v, Decimal) for v in rec.lines.budget)
    assert rec.lines.budget.sum() == rec.total["budget"]


def test_overruns_by_chapter_read_from_the_frame(opened: dict[str, prodsheets.Production]) -> None:
    chapters = opened["tournage-reunion"].reconcile().chapters
    over = chapters[chapters.variance < 0]
    assert [plain(c) for c in over.chapter] == ["03 Interprétation", None]  # cast, unposted
    assert over.variance.sum() == Decimal("-2756.60")


# --- whatif ---------------------------------------------------------------------------


SCENARIOS = [
    (
        FILM,
        ["--absent", "LUCIE", "--from", "10/03/2026"],
        {"absent": "LUCIE", "start": "10/03/2026"},
    ),
    (FILM, ["--rain", "12/03/2026"], {"rain": dt.date(2026, 3, 12)}),
    (FESTIVAL, ["--absent", "owen"], {"absent": "owen"}),
    (FESTIVAL, ["--lose-location", "MAIN"], {"lose_location": "MAIN"}),
]


@pytest.mark.parametrize(
    ("example", "options", "given"),
    [pytest.param(*s, id=f"{s[0].name} {' '.join(s[1])}") for s in SCENARIOS],
)
def test_whatif_frames_are_the_cli_json_row_for_row(
    example: Path,
    options: list[str],
    given: dict[str, Any],
    opened: dict[str, prodsheets.Production],
) -> None:
    _, answer = cli("whatif", example, *options)
    plan = opened[example.name].whatif(**given)
    affected = [
        {"hit": n, "event": a["event"], "who": a["who"], **{k: loc[k] for k in PLACE}}
        for n, a in enumerate(answer["affected"])
        for loc in a["locations"]
    ]
    assert records(plan.affected) == affected
    candidates = [
        {"hit": n, "event": r["event"], "who": r["who"], "candidate": c["id"], "kind": c["kind"]}
        | {"cost": c["cost"], "why": c["why"], "chosen": c["id"] == r["chosen"]}
        for n, r in enumerate(answer["replacements"])
        for c in r["candidates"]
    ]
    assert [row for row in records(plan.candidates) if row["candidate"]] == candidates
    rejected = [
        {"hit": n, "event": r["event"], "who": r["who"], "candidate": x["id"], "code": x["code"]}
        | {"reason": x["reason"], "already_on": x["already_on"]}
        for n, r in enumerate(answer["replacements"])
        for x in r["rejected"]
    ]
    assert records(plan.rejected) == rejected
    assert [f"{plan.cost_before:f}", f"{plan.cost_after:f}", f"{plan.cost_delta:f}"] == [
        answer["cost_before"],
        answer["cost_after"],
        answer["cost_delta"],
    ]
    assert plan.to_json() == answer
    assert len(affected) and len(candidates) and len(rejected)


def test_whatif_is_refused_as_the_cli_refuses_it(opened: dict[str, prodsheets.Production]) -> None:
    prod = opened["tournage-reunion"]
    with pytest.raises(ValueError, match="exactly one"):
        prod.whatif(absent="LUCIE", rain="12/03/2026")
    with pytest.raises(ValueError, match="do not go with rain"):
        prod.whatif(rain="12/03/2026", start="11/03/2026")
    with pytest.raises(ValueError, match="is before"):
        prod.whatif(absent="LUCIE", start="12/03/2026", end="10/03/2026")
    with pytest.raises(ValueError, match="expected a date"):
        prod.whatif(rain="the 12th")
    from prodsheets.whatif import UnknownId

    with pytest.raises(UnknownId):
        prod.whatif(absent="NOBODY")


# --- the tables -----------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_each_table_is_the_model_typed_with_its_source(
    example: Path, opened: dict[str, prodsheets.Production]
) -> None:
    prod = opened[example.name]
    for key, data in prod.model.tables.items():
        frame, cells = prod.table(key), prod.cells(key)
        contract = [c.key for c in schema.TABLES_BY_KEY[key].columns]
        assert list(frame.columns) == ["production", *contract, "file", "sheet", "row"]
        assert list(cells.columns) == contract
        assert len(frame) == len(cells) == len(data)
        assert list(frame.row) == data.rows
        if len(data):
            assert set(frame.file) == {data.file} and set(frame.sheet) == {data.sheet}
        for column in data.columns:
            values = [plain_model(v) for v in frame[column]]
            assert values == [plain_model(v) for v in data.col(column)], (key, column)
            assert list(cells[column]) == [data.cell(i, column).cell for i in range(len(data))]


def plain_model(value: Any) -> Any:
    """A value of the model or of a frame, compared as the model holds it."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, pd.Timedelta):
        return int(value.total_seconds())
    if hasattr(value, "item") and not isinstance(value, Decimal):
        return value.item()
    return value


def test_columns_are_typed(opened: dict[str, prodsheets.Production]) -> None:
    prod = opened["tournage-reunion"]
    events, bookings, budget = prod.events, prod.bookings, prod.budget
    assert str(events.date.dtype) == "datetime64[s]"
    assert isinstance(events.start.dropna().iloc[0], dt.time)
    assert isinstance(budget.rate.dropna().iloc[0], Decimal)
    assert str(bookings.quantity.dtype) == "Int64"
    assert str(bookings.confirmed.dtype) == "boolean"
    assert str(bookings.who.dtype) == "string"
    assert str(prod.actual_hours["break"].dtype) == "timedelta64[s]"
    assert events.pages.sum() == 27 * 8 + 6  # eighths: 27 6/8 pages, as the README says


def test_a_persons_bookings_point_back_to_their_cells(
    opened: dict[str, prodsheets.Production],
) -> None:
    """`prod.bookings[prod.bookings.who == "LUCIE"]`, each row found again in the sheet."""
    from openpyxl import load_workbook

    prod = opened["tournage-reunion"]
    bookings = prod.bookings
    lucie = bookings[bookings.who == "LUCIE"]
    cells = prod.cells("bookings").loc[lucie.index]
    sheet = load_workbook(FILM / "schedule.xlsx", read_only=True)["Affectations"]
    found = {cell: sheet[cell].value for cell in list(cells.who) + list(cells.event)}
    assert len(lucie) == 19
    assert {found[c] for c in cells.who} == {"LUCIE"}
    assert [found[c] for c in cells.event] == list(lucie.event)
    assert list(cells.who) == [f"B{r}" for r in lucie.row]


def test_a_frame_is_a_copy(opened: dict[str, prodsheets.Production]) -> None:
    prod = opened["festival"]
    crew = prod.crew
    crew.loc[:, "name"] = "changed"
    assert "changed" not in set(prod.crew.name)
    assert prod.table("Crew").equals(prod.crew) and prod.table("Équipe").equals(prod.crew)
    with pytest.raises(KeyError, match="unknown table"):
        prod.table("Scripts")


def test_settings_keep_their_cells(opened: dict[str, prodsheets.Production]) -> None:
    settings = opened["tournage-reunion"].settings.set_index("setting")
    assert settings.loc["title", "value"] == "Le Grand Départ"
    assert settings.loc["start", "value"] == dt.date(2026, 3, 2)
    assert settings.loc["contingency", "value"] == Decimal("0.07")
    assert (settings.loc["title", "sheet"], settings.loc["title", "cell"]) == ("Production", "B2")


def test_days_are_the_working_days_the_rules_count(
    opened: dict[str, prodsheets.Production],
) -> None:
    prod = opened["tournage-reunion"]
    days = prod.days
    worked = prod.analyses.worked_days
    assert len(days) == len(worked)
    assert list(days.who) == list(worked.who)
    assert set(days.reported) == {True, False}  # Actual hours replace 33 planned days
    assert days.reported.sum() == 33
    # A night that wraps after midnight belongs to the day it started (S13, 12 March).
    night = days[(days.wrap.dt.date > days.date.dt.date)]
    assert len(night) and set(night.date.dt.date) == {dt.date(2026, 3, 12)}
    per_person = days.groupby("who").date.count()
    assert per_person["CLAIRE"] == 12


def test_several_productions_stack_with_their_folder() -> None:
    both = prodsheets.open(FILM, FESTIVAL)
    assert [p.title for p in both] == ["Le Grand Départ", "Hollow Pines Festival 2026"]
    crew = both.crew
    assert list(crew.production.unique()) == ["Le Grand Départ", "Hollow Pines Festival 2026"]
    assert set(crew.file) == {"tournage-reunion/crew.xlsx", "festival/crew.xlsx"}
    assert len(crew) == len(both[0].crew) + len(both[1].crew)
    assert len(both.days) == len(both[0].days) + len(both[1].days)
    assert len(both.cells("crew")) == len(crew)


# --- reading ----------------------------------------------------------------------------


def test_a_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        prodsheets.open(tmp_path / "nowhere")


def test_an_unreadable_production_is_said_by_its_findings(tmp_path: Path) -> None:
    broken = tmp_path / "budget.xlsx"
    broken.write_bytes(b"not a workbook")
    prod = prodsheets.open(broken)
    assert prod.unreadable
    checked = prod.check()
    assert checked.exit_code == 2 and list(checked.findings.code) == ["PS005"]
    assert len(prod.bookings) == 0 and len(prod.days) == 0
    assert prod.whatif(rain="12/03/2026").plan is None
    with pytest.raises(ValueError, match="could not be read"):
        prod.reconcile().lines  # noqa: B018


def test_a_small_production_built_inline(production: Sheets, tmp_path: Path) -> None:
    production["Affectations"][3][1] = "MARCO"  # B4: nobody is called MARCO
    prod = prodsheets.open(write_workbook(tmp_path / "prod.xlsx", production))
    findings = prod.check().findings
    assert findings[["code", "sheet", "cell"]].values.tolist() == [["PS114", "Affectations", "B4"]]


# --- what importing costs ----------------------------------------------------------------


def modules_after(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return set(done.stdout.split())


def test_pandas_is_imported_only_when_a_frame_is_asked_for() -> None:
    opened = modules_after(f"import prodsheets; p = prodsheets.open({str(FILM)!r}); p.check()")
    assert "prodsheets.api" in opened and "pandas" not in opened
    framed = modules_after(
        f"import prodsheets; p = prodsheets.open({str(FILM)!r}); p.check().findings"
    )
    assert "pandas" in framed


def test_the_command_line_imports_neither_pandas_nor_the_api() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "prodsheets", "check", str(FESTIVAL)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()}
    assert "prodsheets.pipeline" in imported
    assert not {m for m in imported if m.startswith(("pandas", "prodsheets.api"))}


def test_without_pandas_a_frame_says_how_to_install_it() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        f"import prodsheets; prod = prodsheets.open({str(FILM)!r})\n"
        "assert prod.check().exit_code == 1\n"
        "try:\n    prod.bookings\nexcept ImportError as e:\n    print(e)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'prodsheets[pandas]'" in done.stdout
    assert "demandent pandas" in done.stdout  # and in French


# --- the public names ---------------------------------------------------------------------


def test_every_public_name_is_listed_and_documented() -> None:
    import inspect

    import prodsheets.api

    assert set(prodsheets.__all__) == {*prodsheets.api.__all__, "__version__"}
    undocumented = []
    for name in prodsheets.api.__all__:
        thing = getattr(prodsheets, name)
        assert thing is getattr(prodsheets.api, name)
        if not inspect.getdoc(thing):
            undocumented.append(name)
        if inspect.isclass(thing):
            for attr, member in inspect.getmembers(thing):
                if attr.startswith("_") or attr in vars(object):
                    continue
                target = member.fget if isinstance(member, property) else member
                if callable(target) and not inspect.getdoc(target):
                    undocumented.append(f"{name}.{attr}")
    assert undocumented == []
    with pytest.raises(AttributeError):
        prodsheets.nothing  # noqa: B018
