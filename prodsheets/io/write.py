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
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        failure = _os_error(exc)
        if failure is not None:  # a full disk, a lost permission: say which file
            named = OSError(failure.errno, failure.strerror or str(failure), str(target))
            raise named from exc
        raise


def _os_error(exc: BaseException) -> OSError | None:
    """The system error behind ``exc`` when it names no file (XlsxWriter wraps its own)."""
    if isinstance(exc, OSError):
        return exc if exc.filename is None or exc.filename.endswith(".tmp") else None
    cause = exc.args[0] if exc.args else None  # xlsxwriter FileCreateError(OSError)
    if type(exc).__name__ == "FileCreateError" and isinstance(cause, OSError):
        return cause
    return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_text(target: Path, text: str) -> None:
    with atomic(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


MAX_NAME = 100  # characters of a file name made from an id (most disks allow 255 bytes)


def safe_name(identifier: str, taken: set[str] | None = None) -> str:
    """A file name from an id: no path separators, no ``..``, nothing hidden or reserved.

    A long id is cut and ends with a hash of the whole id, stable from run to run.
    """
    name = _UNSAFE.sub("_", identifier.strip()).strip("._") or "_"
    name = re.sub(r"\.{2,}", ".", name)
    if len(name) > MAX_NAME:
        import hashlib

        digest = hashlib.sha256(identifier.encode("utf-8")).hexdigest()[:12]
        name = name[: MAX_NAME - 13].rstrip("._") + "-" + digest
    if name.split(".")[0].lower() in _RESERVED:
        name = "_" + name
    if taken is not None:
        base, n = name, 2
        while name.lower() in taken:
            name = f"{base}-{n}"
            n += 1
        taken.add(name.lower())
    return name


# What Excel reads as the start of a formula when a text is typed, pasted or set through
# its object model (Range.Value): = + - @, and the blanks it skips before them.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", " ")


def typed_as_text(value: Any) -> Any:
    """A value for Excel's ``Range.Value``: a text that Excel would enter as a formula gets
    the apostrophe Excel itself uses to keep a cell as text (it is not shown)."""
    if isinstance(value, str) and value.lstrip(" \t\r\n")[:1] in FORMULA_START[:4]:
        return "'" + value
    return value


def text_cell(cell: Any, value: str) -> None:
    """An openpyxl cell holding ``value`` as text, never as a formula, whatever it starts with.

    openpyxl takes a string starting with ``=`` for a formula; its data type is set back
    to a string, and a text Excel would read as a formula once edited is quote-prefixed.
    """
    cell.value = value
    cell.data_type = "s"
    if value.lstrip(" \t\r\n")[:1] in FORMULA_START[:4]:
        cell.quotePrefix = True


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
