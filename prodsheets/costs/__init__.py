"""Costs: the budget, the schedule and the actuals reconciled, exact to the cent
(``reconcile``). The cost checks (PS4xx) live with the other checks, in
:mod:`prodsheets.checks.costs`; the reconciliation's renderers in :mod:`prodsheets.render`."""
