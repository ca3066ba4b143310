"""PDFs from the report's HTML, with WeasyPrint (imported only here).

WeasyPrint needs Pango from the system; when it or the package is missing,
:func:`missing` says why, and the other outputs are written all the same.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def missing() -> str | None:
    """None when WeasyPrint can run, else the reason it cannot (a short sentence)."""
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        return "weasyprint"
    except OSError as exc:  # the package is there, a system library is not
        return str(exc).splitlines()[0][:200]
    return None


@lru_cache(maxsize=1)
def _fonts() -> object:
    """One font configuration for every PDF of a run: fonts are looked up once."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def write_pdf(html: str, target: Path) -> None:
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    HTML(string=html, base_url=None).write_pdf(str(target), font_config=_fonts())
