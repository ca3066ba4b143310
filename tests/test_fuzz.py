"""The example productions mutated cell by cell: whatever is typed, a clean answer.

Each example changes one to three cells of an example production (a real cell of a real
sheet, or one far away) into what careless or hostile hands type: texts with line breaks
or formula payloads, far too long texts, huge and tiny numbers, dates at the calendar's
ends, ids of any length. ``prodsheets check`` must answer with valid JSON and exit 0, 1
or 2, never an internal error, and leave the workbooks as they were.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutate import cell_refs, change_cells

from prodsheets.cli import main
from prodsheets.io.workbook import _sheet_parts

EXAMPLES = Path(__file__).resolve().parent.parent / "workbooks"
FAR = ["XFD1048576", "XFD2", "A1048576", "AZ60000", "Z5000"]


@cache
def cells(example: str) -> list[tuple[str, str, str]]:
    """Every cell of the example's workbooks: (file, sheet, reference)."""
    found = []
    for path in sorted((EXAMPLES / example).glob("*.xlsx")):
        with zipfile.ZipFile(path) as z:
            sheets = list(_sheet_parts(z))
        for sheet in sheets:
            found += [(path.name, sheet, ref) for ref, _ in cell_refs(path, sheet)]
    return found


TYPED = [
    "=", "+", "-", "@", "=cmd|' /C calc'!A0", '=HYPERLINK("http://evil","x")', "#REF!",
    "Ligne 1\nLigne 2", "\r\n", " ", "31/02/2026", "25h", "1 234,56 €", "(12,50)", "oui",
    "x", "LUCIE", "S01", "javascript:alert(1)", "../../etc/passwd", "CON", "L" * 300,
    "é" * 33_000,
]  # fmt: skip
texts = st.one_of(st.text(max_size=40), st.sampled_from(TYPED))
numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 1e-10, 1e15, 1e308, -1e308, 2958465.0, 2958466.0, -1.0]),
    st.integers(-(10**18), 10**18),
)
values = st.one_of(texts, numbers, st.booleans(), st.none())


@settings(
    max_examples=300,  # about 20 s on this project's machine
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.sampled_from(["tournage-reunion", "festival"]).flatmap(
        lambda example: st.tuples(
            st.just(example),
            st.lists(
                st.tuples(
                    st.one_of(
                        st.sampled_from(cells(example)),
                        st.tuples(
                            st.sampled_from(["schedule.xlsx", "crew.xlsx", "budget.xlsx"]),
                            st.just(None),
                            st.sampled_from(FAR),
                        ),
                    ),
                    values,
                ),
                min_size=1,
                max_size=3,
            ),
        )
    )
)
def test_whatever_is_typed_the_answer_is_clean(case: tuple[str, list[Any]]) -> None:
    example, changes = case
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(shutil.copytree(EXAMPLES / example, Path(tmp) / example))
        for (file, sheet, ref), value in changes:
            path = folder / file
            if sheet is None:  # a far cell of the first sheet that is a table
                with zipfile.ZipFile(path) as z:
                    sheet = list(_sheet_parts(z))[1]
            change_cells(path, sheet, {ref: value})
        before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
        for command in ("check", "reconcile"):
            done = CliRunner().invoke(main, [command, str(folder), "--format", "json"])
            assert "internal error" not in done.output, (changes, done.output[-2000:])
            assert done.exit_code in (0, 1, 2), (changes, done.output[-2000:])
            answer = json.loads(done.stdout)
            assert isinstance(answer["findings"], list)
        after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
        assert after == before
