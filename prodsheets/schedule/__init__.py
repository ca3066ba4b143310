"""The schedule as the checks see it: events and bookings as intervals of seconds
(``timeline``, with ``arrays`` for large schedules), grouped by who (``intervals``), the
working-time presets (``presets``) and each person's working days and weeks
(``workdays``)."""
