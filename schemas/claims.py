"""claims.csv: one row per figure an article states about a study.

No key: one article line may state several figures. A change_pct, change_abs (change_abs_lb:
in pounds) or contrast claim
names its group, test and measure (a contrast is the named group minus the other one); an n claim
with a group_id is that group's sample size, without one the study's; duration_weeks and
sessions_per_week claims are about the study itself.
"""

from __future__ import annotations

import polars as pl

from schemas.columns import Bound, ColumnSpec, Kind
from schemas.keys import exercise_check, study_check, unknown_group_rule, with_group_hints
from schemas.table import FrameRule, SchemaPlan, TableSpec, build_plan

BOUNDS = ("at_least", "at_most")
"""How a claim stated as a bound is open: above its value (at_least) or below it (at_most)."""

SPEC = TableSpec(
    name="claims",
    grain="one row per figure an article states",
    columns=(
        ColumnSpec(
            "article_id", Kind.ARTICLE, required=True, doc="the article (its file stem as an id)"
        ),
        ColumnSpec("line", Kind.INTEGER, required=True, minimum=Bound(1), doc="article line"),
        ColumnSpec("study_id", Kind.SLUG, required=True, doc="-> studies"),
        ColumnSpec("quantity", Kind.QUANTITY, required=True, doc="what the figure is"),
        ColumnSpec("group_id", Kind.SLUG, doc="-> groups; required for changes and contrasts"),
        ColumnSpec(
            "test_exercise", Kind.SLUG, doc="-> exercises; required for changes and contrasts"
        ),
        ColumnSpec(
            "measure", Kind.MEASURE, doc="1RM, 3RM, height, ...; required for changes and contrasts"
        ),
        ColumnSpec("value", Kind.NUMBER, required=True, doc="the figure as the article states it"),
        ColumnSpec(
            "value_to",
            Kind.NUMBER,
            doc="the other end of a range the article states ('8-11 %': 8 and 11); empty for "
            "one figure",
        ),
        ColumnSpec(
            "bound",
            Kind.CHOICE,
            choices=BOUNDS,
            doc="a figure the article states as one end only: at_least ('50-plus pounds', "
            "'> 18 years') or at_most ('under 10%'); empty for a figure or a range",
        ),
    ),
    key=(),
    rounded=("value", "value_to"),
)

_IS_CHANGE = pl.col("quantity").is_in(
    ["change_pct", "change_abs", "change_abs_lb", "contrast", "contrast_pct", "contrast_ratio"]
)


def row_plan(
    studies: pl.Series,
    groups: pl.Series,
    exercises: pl.Series,
    group_rows: pl.DataFrame | None = None,
) -> SchemaPlan:
    """Cell, completeness and reference checks of claims (rows that fail are quarantined).

    `group_rows` are the valid groups, which unknown_group's message names.
    """
    incomplete = [
        FrameRule(
            f"claim_incomplete:{column}",
            "claim_incomplete",
            column,
            ~_IS_CHANGE | pl.col(column).is_not_null(),
            f"a {{quantity}} claim needs {column}; it is empty",
        )
        for column in ("group_id", "test_exercise", "measure")
    ]
    return build_plan(
        SPEC,
        extra_column_checks={
            "study_id": [study_check(studies)],
            "test_exercise": [exercise_check("test_exercise", exercises)],
        },
        frame_rules=[*incomplete, unknown_group_rule(groups)],
        prepare=with_group_hints(group_rows),
    )
