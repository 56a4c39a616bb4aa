"""Write docs/rules.md, the rules catalogue, from the rules the code defines.

Run `.venv/bin/python docs/generate_rules.py` after changing a rule. A unit test compares
docs/rules.md with `render()`, so the page cannot drift from the catalogue.
"""

from __future__ import annotations

from pathlib import Path

from schemas.rules import RULES, Rule

PAGE = Path(__file__).resolve().with_name("rules.md")

_HEAD = """\
<!-- Written by docs/generate_rules.py from the rule catalogue; do not edit by hand. -->

# Rules

The catalogue in `schemas/` gives each rule its stable id, its severity and whether it
quarantines; one module per raw table states its grain and builds its pandera checks; the
cross-table rules and the claim rules run on joined frames. A rule id is stable: reports, the
`findings` table and queries key on it.

An error makes the run exit 1; a warning does not. A quarantining rule keeps the row out of its
clean table (it goes to `quarantine` with its reasons); the others report a well-formed row that
contradicts itself or another table, and the row is still loaded.

| rule | severity | quarantines | meaning |
|---|---|---|---|
"""

_TAIL = """
A row pointing at a quarantined parent (a group of a quarantined study) is quarantined too, with
`unknown_study` and the id it pointed at, so the cascade is visible.

Which input gives which finding is in the [raw data contract](raw-data.md#structural-faults) and
its [bad-input table](raw-data.md#bad-input-what-each-case-gives); how claims are judged is in
[claims.md](claims.md#claim-checking).
"""


def _row(rule: Rule) -> str:
    meaning = rule.summary.replace("|", "\\|")
    quarantines = "yes" if rule.quarantines else "no"
    return f"| `{rule.id}` | {rule.severity} | {quarantines} | {meaning} |\n"


def render() -> str:
    """Return the text of docs/rules.md: the catalogue's rules in the order the code lists them."""
    return _HEAD + "".join(_row(rule) for rule in RULES.values()) + _TAIL


def main() -> None:
    """Write docs/rules.md."""
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE} ({len(RULES)} rules)")


if __name__ == "__main__":
    main()
