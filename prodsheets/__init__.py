"""prodsheets: the production manager's checks, costs and reports over Excel workbooks.

The workbooks are the source of truth; this package reads them, says what is wrong
(file, sheet, cell), and writes reports beside them.
"""

__version__ = "0.1.0"
