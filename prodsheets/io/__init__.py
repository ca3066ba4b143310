"""The edge where workbooks are read: nothing outside this package opens a spreadsheet."""

from prodsheets.io.load import discover, load_production

__all__ = ["discover", "load_production"]
