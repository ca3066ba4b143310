"""Generate ``docs/findings.md``, the page of every finding code, from the catalogue.

Run ``python -m prodsheets.docs`` after changing the catalogue; a test fails when the
committed page differs from what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from prodsheets import catalogue

PAGE = Path(__file__).resolve().parent.parent / "docs" / "findings.md"


def findings_page() -> str:
    lines = [
        "# Finding codes / Codes des constats",
        "",
        "Generated from `prodsheets/catalogue.py` by `python -m prodsheets.docs`; do not edit.",
        "Généré depuis `prodsheets/catalogue.py` par `python -m prodsheets.docs` ; ne pas modifier.",
        "",
        "Use codes, prefixes or names with `--select` and `--ignore`: "
        "`prodsheets check prod/ --ignore PS116 --select PS1`.",
        "",
        "| code | name | severity | en | fr |",
        "|---|---|---|---|---|",
    ]
    for code in catalogue.CODES.values():
        lines.append(
            f"| [{code.code}](#{code.code.lower()}) | `{code.name}` | {code.severity.value} "
            f"| {code.title['en']} | {code.title['fr']} |"
        )
    family = None
    for code in catalogue.CODES.values():
        if code.family != family:
            family = code.family
            names = catalogue.FAMILIES[family]
            lines += ["", f"## {family}xx — {names['en']} / {names['fr']}"]
        lines += [
            "",
            f"### {code.code}",
            "",
            f"`{code.name}` · {code.severity.value} · {code.title['en']} / {code.title['fr']}",
            "",
            f"- **Message:** {code.message['en']}",
            f"- **Hint:** {code.hint['en']}",
            f"- **Message :** {code.message['fr']}",
            f"- **Conseil :** {code.hint['fr']}",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    from prodsheets.io.write import atomic_text

    atomic_text(PAGE, findings_page())
    print(PAGE, file=sys.stderr)


if __name__ == "__main__":
    main()
