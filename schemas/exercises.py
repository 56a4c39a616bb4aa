"""exercises.csv: one row per exercise or test a study trains or measures.

Key: exercise_id. Besides the lifts that groups train and are tested on, the catalogue holds every
other test an outcome can report: jumps, sprints, agility runs, kicking distance, isometric force
and the size of a named muscle. `kind` says which (empty means a strength exercise), `unit` the
unit its results are in, and `lower_is_better` whether a smaller value is an improvement (a time).
`aliases` lists the lower-case phrases that name the exercise in article text.
"""

from __future__ import annotations

import polars as pl

from schemas.columns import ColumnSpec, Kind
from schemas.keys import duplicate_key_rule, with_first_line
from schemas.table import FrameRule, SchemaPlan, TableSpec, build_plan

TEST_KINDS = ("strength", "jump", "sprint", "agility", "kick", "isometric", "muscle_size")
"""What a test measures; `strength` (the default) is an exercise's repetition-maximum test."""

SPEC = TableSpec(
    name="exercises",
    grain="one row per exercise or test",
    columns=(
        ColumnSpec("exercise_id", Kind.SLUG, required=True, doc="unique id, e.g. back_squat"),
        ColumnSpec("name", Kind.TEXT, required=True, doc="display name"),
        ColumnSpec("aliases", Kind.ALIASES, doc="';'-separated lower-case phrases used in text"),
        ColumnSpec(
            "kind",
            Kind.CHOICE,
            choices=TEST_KINDS,
            doc="strength (default when empty), jump, sprint, agility, kick, isometric or "
            "muscle_size",
        ),
        ColumnSpec("unit", Kind.UNIT, doc="the unit the test's results are in"),
        ColumnSpec(
            "lower_is_better",
            Kind.FLAG,
            doc="yes when a smaller result is an improvement (a time); empty means no",
        ),
        ColumnSpec("muscle", Kind.TEXT, doc="the muscle a muscle_size test measures"),
    ),
    key=("exercise_id",),
)


def row_plan() -> SchemaPlan:
    """Cell, key and uniqueness checks of exercises.csv (rows that fail are quarantined)."""
    muscle = FrameRule(
        "required:muscle",
        "required",
        "muscle",
        (pl.col("kind") != "muscle_size") | pl.col("muscle").is_not_null(),
        "muscle is empty; a muscle_size test names the muscle it measures",
    )
    return build_plan(
        SPEC, frame_rules=[duplicate_key_rule(SPEC), muscle], prepare=with_first_line(SPEC.key)
    )


def lower_is_better(exercises: pl.DataFrame) -> pl.DataFrame:
    """Per exercise id, whether lower is better (False where the column is absent or empty)."""
    flag = (
        pl.col("lower_is_better").fill_null(False)
        if "lower_is_better" in exercises.columns
        else pl.lit(False)
    )
    return exercises.select(pl.col("exercise_id"), flag.alias("lower_is_better"))
