"""Writing files safely: every output is written to a temporary file beside its target and
renamed into place, so a reader never sees half a file and an interrupted run leaves the
previous one whole. Nothing here ever opens a producer's workbook for writing: changed
copies (annotated, what-if) are loaded read-only and saved elsewhere.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(10)),
    *(f"lpt{i}" for i in range(10)),
}


@contextlib.contextmanager
def atomic(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``, renamed onto it once written without error."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is a normal file
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_text(target: Path, text: str) -> None:
    with atomic(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def safe_name(identifier: str, taken: set[str] | None = None) -> str:
    """A file name from an id: no path separators, no ``..``, nothing hidden or reserved."""
    name = _UNSAFE.sub("_", identifier.strip()).strip("._") or "_"
    name = re.sub(r"\.{2,}", ".", name)
    if name.split(".")[0].lower() in _RESERVED:
        name = "_" + name
    if taken is not None:
        base, n = name, 2
        while name.lower() in taken:
            name = f"{base}-{n}"
            n += 1
        taken.add(name.lower())
    return name


def load_copy(source: Path) -> Any:
    """A producer's .xlsx/.xlsm opened with openpyxl to write a changed copy (macros kept)."""
    from openpyxl import load_workbook

    return load_workbook(source, keep_vba=source.suffix.lower() == ".xlsm")


def copy_file(source: Path, target: Path) -> None:
    """A file copied as it is (byte for byte: formulas keep their saved results), through
    a temporary file."""
    import shutil

    with atomic(target) as tmp:
        shutil.copyfile(source, tmp)


def mark_cell(wb: Any, sheet: str, cell: str, colour: str, text: str, author: str) -> bool:
    """Fill a cell of a copy from :func:`load_copy` and comment it; False when it cannot be
    marked (no such sheet, a merged cell)."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    if sheet not in wb.sheetnames:
        return False
    target = wb[sheet][cell]
    if not hasattr(target, "fill") or type(target).__name__ == "MergedCell":
        return False
    target.fill = PatternFill(fill_type="solid", start_color=colour, end_color=colour)
    comment = Comment(text, author)
    comment.width = 320
    comment.height = min(60 + 45 * (text.count("\n\n") + 1) + len(text) // 2, 600)
    target.comment = comment
    return True


def save_copy(wb: Any, target: Path) -> None:
    """Save a workbook from :func:`load_copy` to ``target``, through a temporary file."""
    try:
        with atomic(target) as tmp:
            wb.save(tmp)
    finally:
        if getattr(wb, "vba_archive", None) is not None:
            wb.vba_archive.close()  # else its __del__ fails on a closed buffer
