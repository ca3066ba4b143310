"""Renderers: results said for people and scripts, never recomputed.

``findings`` (terminal lines and JSON of a check), ``reconcile`` (the cost table and its
JSON), ``whatif`` (a plan as text and JSON), ``report`` (report.xlsx, HTML and PDF, call
sheets, calendars). Each receives a result from :mod:`prodsheets.pipeline`.
"""
