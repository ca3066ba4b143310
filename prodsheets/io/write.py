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


def save_copy(wb: Any, target: Path) -> None:
    """Save a workbook from :func:`load_copy` to ``target``, through a temporary file."""
    try:
        with atomic(target) as tmp:
            wb.save(tmp)
    finally:
        if getattr(wb, "vba_archive", None) is not None:
            wb.vba_archive.close()  # else its __del__ fails on a closed buffer
