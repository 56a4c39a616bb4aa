"""exercises.csv: one row per exercise a study trains or tests.

Key: exercise_id. `aliases` lists the lower-case phrases that name the exercise in article text.
"""

from __future__ import annotations

from schemas.columns import ColumnSpec, Kind
from schemas.keys import duplicate_key_rule, with_first_line
from schemas.table import SchemaPlan, TableSpec, build_plan

SPEC = TableSpec(
    name="exercises",
    grain="one row per exercise",
    columns=(
        ColumnSpec("exercise_id", Kind.SLUG, required=True, doc="unique id, e.g. back_squat"),
        ColumnSpec("name", Kind.TEXT, required=True, doc="display name"),
        ColumnSpec("aliases", Kind.ALIASES, doc="';'-separated lower-case phrases used in text"),
    ),
    key=("exercise_id",),
)


def row_plan() -> SchemaPlan:
    """Cell, key and uniqueness checks of exercises.csv (rows that fail are quarantined)."""
    return build_plan(
        SPEC, frame_rules=[duplicate_key_rule(SPEC)], prepare=with_first_line(SPEC.key)
    )
