"""What a check is: a function of the analyses that yields findings, and the codes it emits.

Checks never raise on odd data: a value that could not be read is ``None`` in the model
(the reader made its own finding), and checks skip it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from prodsheets.analyses import Analyses
from prodsheets.findings import Code, Finding

CheckFunction = Callable[[Analyses], Iterable[Finding]]


class Check(NamedTuple):
    """A check as the runner sees it: what to call, and every code it can emit."""

    run: CheckFunction
    codes: tuple[Code, ...]

    @property
    def name(self) -> str:
        return self.run.__name__.replace("_", "-")

    def emits(self, codes: Iterable[str] | None = None, families: Iterable[str] = ()) -> bool:
        """Whether the check can say any of these codes, or any code of these families."""
        wanted = set(codes or ())
        prefixes = tuple(families)
        return any(c.code in wanted or c.code.startswith(prefixes or ("\0",)) for c in self.codes)


class AcrossCheck(NamedTuple):
    """A check over several productions at once (``prodsheets check film-a/ tour-b/``)."""

    run: Callable[[Sequence[Analyses]], Iterable[Finding]]
    codes: tuple[Code, ...]
