"""The workbook contract: which tables and columns a production holds (``schema``), and how
the values producers type are read (``values``)."""

# The workbook beside a producer's own that maps them (see ``mapping``): its name is enough
# to know a production has one, without loading the mapping's reader.
MAPPING_FILE = "prodsheets.xlsx"
