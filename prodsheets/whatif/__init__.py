"""What if: a person absent, a location or a vendor lost, rain on a day.

``plan`` finds what a scenario hits and the best replacements, creating no new conflict;
``apply`` writes the plan into copies of the workbooks (``whatif --apply``).
"""

from prodsheets.whatif.plan import KINDS, Scenario, UnknownId, WhatIf, what_if

__all__ = ["KINDS", "Scenario", "UnknownId", "WhatIf", "what_if"]
