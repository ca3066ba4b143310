"""The workbook contract: which tables and columns a production holds (``schema``), and how
the values producers type are read (``values``)."""
