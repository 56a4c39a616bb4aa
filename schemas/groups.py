"""groups.csv: one row per study arm.

Key: (study_id, group_id). trained_exercise is empty for a control group; n counts the
participants analysed and n_randomized those randomized to the group: either may be empty where
the paper does not give it. sex, age and training status describe the group as the paper does.
"""

from __future__ import annotations

import polars as pl

from schemas.columns import Bound, ColumnSpec, Kind
from schemas.keys import duplicate_key_rule, exercise_check, study_check, with_first_line
from schemas.table import SchemaPlan, TableSpec, build_plan

SEXES = ("female", "male", "mixed")

SPEC = TableSpec(
    name="groups",
    grain="one row per study arm",
    columns=(
        ColumnSpec("study_id", Kind.SLUG, required=True, doc="-> studies.study_id"),
        ColumnSpec("group_id", Kind.SLUG, required=True, doc="unique within its study"),
        ColumnSpec("label", Kind.TEXT, required=True, doc="how the paper names the group"),
        ColumnSpec("trained_exercise", Kind.SLUG, doc="-> exercises; empty for a control group"),
        ColumnSpec("n", Kind.INTEGER, minimum=Bound(1), doc="participants analysed (n analysed)"),
        ColumnSpec(
            "n_randomized", Kind.INTEGER, minimum=Bound(1), doc="participants randomized to it"
        ),
        ColumnSpec("sex", Kind.CHOICE, choices=SEXES, doc="female, male or mixed"),
        ColumnSpec("age_mean", Kind.NUMBER, minimum=Bound(0, strict=True), doc="mean age, years"),
        ColumnSpec("age_sd", Kind.NUMBER, minimum=Bound(0), doc="SD of age, years"),
        ColumnSpec(
            "body_height_mean", Kind.NUMBER, minimum=Bound(0, strict=True), doc="mean height, cm"
        ),
        ColumnSpec("body_height_sd", Kind.NUMBER, minimum=Bound(0), doc="SD of height, cm"),
        ColumnSpec(
            "body_mass_mean", Kind.NUMBER, minimum=Bound(0, strict=True), doc="mean body mass, kg"
        ),
        ColumnSpec("body_mass_sd", Kind.NUMBER, minimum=Bound(0), doc="SD of body mass, kg"),
        ColumnSpec("training_status", Kind.TEXT, doc="as the paper words it: untrained, ..."),
        ColumnSpec("source", Kind.TEXT, doc="where in the paper the group's figures are"),
    ),
    key=("study_id", "group_id"),
)


def row_plan(studies: pl.Series, exercises: pl.Series) -> SchemaPlan:
    """Cell, key and reference checks of groups.csv, given the valid study and exercise ids."""
    return build_plan(
        SPEC,
        extra_column_checks={
            "study_id": [study_check(studies)],
            "trained_exercise": [exercise_check("trained_exercise", exercises)],
        },
        frame_rules=[duplicate_key_rule(SPEC)],
        prepare=with_first_line(SPEC.key),
    )
