"""Excel as a front end: the control workbook with its button, the button's entry point,
and annotated copies of a production's workbooks (design section 1: the workbooks stay
the source of truth, so everything here writes beside them or elsewhere, never into them).

- ``workbook``: ``prodsheets excel PROD`` writes ``controle.xlsm`` / ``control.xlsm``.
- ``entry``: ``main()``, run by the button through xlwings.
- ``annotate``: ``prodsheets check PROD --annotate OUT``.

Nothing heavy is imported here: the button starts Python afresh at each click.
"""
