"""Every odd, damaged, encrypted or hostile spreadsheet of the shared corpus gets a clean answer.

Each file is checked by ``prodsheets check FILE --format json`` in its own process, with
a time limit and a memory limit: the answer must be JSON with at least one finding and
exit code 2 (or a result), never a traceback, within 30 seconds.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "robustness"
FILES = (
    sorted(p for p in CORPUS.glob("*") if p.name not in {"MANIFEST.tsv", "README.md"})
    if CORPUS.is_dir()
    else []
)
MEMORY_LIMIT = 2 * 1024**3
TIME_LIMIT = 30


def _manifest() -> dict[str, str]:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        return {
            row["local_name"]: row["what_is_odd_or_what_it_is"]
            for row in csv.DictReader(fh, delimiter="\t")
        }


def _limit_memory() -> None:  # runs in the child, before exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "prodsheets",
            "check",
            str(path),
            "--format",
            "json",
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=_limit_memory if os.name == "posix" else None,
        env={**os.environ, "PRODSHEETS_DEBUG": ""},
    )


pytestmark = pytest.mark.skipif(not FILES, reason=f"no corpus at {CORPUS}")


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_corpus_file_gets_a_clean_answer(path: Path) -> None:
    done = run_check(path)
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    answer = json.loads(done.stdout)
    assert done.returncode in (0, 1, 2)
    assert answer["findings"], "an empty answer for a file is not an answer"
    codes = {f["code"] for f in answer["findings"]}
    what = _manifest().get(path.name, "").lower()
    if (
        ("encrypt" in what or "password" in what)
        and "not encrypted" not in what
        and "structure protection" not in what
    ):
        assert codes == {"PS004"}, (what, answer["findings"])
    if "PS009" in codes:
        # Read, but not a production: the answer names the sheets it did read.
        message = next(f["message"] for f in answer["findings"] if f["code"] == "PS009")
        assert "sheets:" in message
    for f in answer["findings"]:
        assert f["message"] and f["hint"] and f["locations"][0]["file"] == path.name
