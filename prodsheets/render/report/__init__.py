"""Reports: the production as people read it (design section 5, ``prodsheets report``).

``data`` gathers what every report shows from the production, its findings and its costs;
each output has its own module (``excel``, ``html``, ``pdf``, ``callsheet``, ``calendar``)
and ``build`` writes them all into one folder. Heavy libraries (XlsxWriter, Jinja2,
icalendar, WeasyPrint) are imported inside the functions that need them.
"""
