"""New productions from templates (``prodsheets new``): what the workbooks hold
(``content``), the XlsxWriter writer (``writer``), and the example productions of
``workbooks/`` (``examples``)."""

from prodsheets.create.content import KINDS, README_SHEET
from prodsheets.create.writer import WorkbooksExist, write_production

__all__ = ["KINDS", "README_SHEET", "WorkbooksExist", "write_production"]
