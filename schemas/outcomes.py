"""outcomes.csv: one row per study x group x test x measure (a within-group result).

Key: (study_id, group_id, test_exercise, measure). The test is any entry of exercises.csv: a lift,
a jump, a sprint, isometric force, muscle size. Figures are as the paper reports them; an empty
cell is a figure the paper does not give. A percent change keeps the sign the paper prints, so a
faster sprint is a negative change (exercises.lower_is_better says which direction is better).
Wherever two figures can be compared they must agree within the rounding of the figures as
reported; the rules hold for every test alike.
"""

from __future__ import annotations

import polars as pl

from carryover.core import rounding
from carryover.core.rounding import Interval
from schemas.columns import Bound, ColumnSpec, Kind
from schemas.keys import (
    duplicate_key_rule,
    exercise_check,
    unknown_group_rule,
    with_first_line,
    with_group_hints,
)
from schemas.table import FrameRule, SchemaPlan, TableSpec, build_plan, hw

FIGURES = ("pre_mean", "pre_sd", "post_mean", "post_sd", "change_abs", "change_pct")
CHANGE_SDS = ("change_abs_sd", "change_pct_sd")
_POSITIVE = Bound(0, strict=True)
_NON_NEGATIVE = Bound(0)

SPEC = TableSpec(
    name="outcomes",
    grain="one row per study x group x test exercise x measure",
    columns=(
        ColumnSpec("study_id", Kind.SLUG, required=True, doc="-> studies"),
        ColumnSpec("group_id", Kind.SLUG, required=True, doc="-> groups (within the study)"),
        ColumnSpec("test_exercise", Kind.SLUG, required=True, doc="-> exercises"),
        ColumnSpec("measure", Kind.MEASURE, required=True, doc="1RM, 3RM, ..."),
        ColumnSpec(
            "unit", Kind.UNIT, doc="kg, lb, cm, s, ...; required when a figure is in the unit"
        ),
        ColumnSpec("pre_mean", Kind.NUMBER, minimum=_POSITIVE, doc="baseline mean"),
        ColumnSpec("pre_sd", Kind.NUMBER, minimum=_NON_NEGATIVE, doc="baseline SD"),
        ColumnSpec("post_mean", Kind.NUMBER, minimum=_POSITIVE, doc="follow-up mean"),
        ColumnSpec("post_sd", Kind.NUMBER, minimum=_NON_NEGATIVE, doc="follow-up SD"),
        ColumnSpec("change_abs", Kind.NUMBER, doc="mean change in the unit"),
        ColumnSpec("change_pct", Kind.NUMBER, doc="mean change in percent, sign as printed"),
        ColumnSpec(
            "change_abs_sd", Kind.NUMBER, minimum=_NON_NEGATIVE, doc="SD of the changes in the unit"
        ),
        ColumnSpec(
            "change_pct_sd",
            Kind.NUMBER,
            minimum=_NON_NEGATIVE,
            doc="SD of the individual percent changes",
        ),
        ColumnSpec("source", Kind.TEXT, required=True, doc="where in the paper: Abstract, Table 2"),
    ),
    key=("study_id", "group_id", "test_exercise", "measure"),
    rounded=FIGURES,
)

_HAS_CHANGE = (
    pl.col("change_pct").is_not_null()
    | pl.col("change_abs").is_not_null()
    | (pl.col("pre_mean").is_not_null() & pl.col("post_mean").is_not_null())
)


def row_plan(
    groups: pl.Series, exercises: pl.Series, group_rows: pl.DataFrame | None = None
) -> SchemaPlan:
    """Cell, key, reference and completeness checks (rows that fail are quarantined).

    `groups` holds composite (study_id, group_id) keys of valid groups (schemas.keys.key_values);
    `group_rows` the valid groups themselves, which unknown_group's message names.
    """
    first_line, hints = with_first_line(SPEC.key), with_group_hints(group_rows)
    rules = [
        duplicate_key_rule(SPEC),
        FrameRule(
            "outcome_no_figures",
            "outcome_no_figures",
            "change_pct",
            _HAS_CHANGE,
            "the outcome gives no change: fill change_pct, change_abs, or both pre_mean and "
            "post_mean",
        ),
        FrameRule(
            "unit_required",
            "unit_required",
            "unit",
            pl.col("unit").is_not_null()
            | ~pl.any_horizontal(
                pl.col(c).is_not_null() for c in (*FIGURES, "change_abs_sd") if c != "change_pct"
            ),
            "unit is empty but the outcome gives figures in a unit; fill it (kg, cm, s, ...)",
        ),
        FrameRule(
            "sd_without_mean:pre",
            "sd_without_mean",
            "pre_sd",
            pl.col("pre_sd").is_null() | pl.col("pre_mean").is_not_null(),
            "pre_sd {pre_sd} is given without pre_mean; an SD needs its mean",
        ),
        FrameRule(
            "sd_without_mean:post",
            "sd_without_mean",
            "post_sd",
            pl.col("post_sd").is_null() | pl.col("post_mean").is_not_null(),
            "post_sd {post_sd} is given without post_mean; an SD needs its mean",
        ),
        *(
            FrameRule(
                f"sd_without_mean:{sd}",
                "sd_without_mean",
                sd,
                pl.col(sd).is_null() | pl.col(change).is_not_null(),
                f"{sd} {{{sd}}} is given without {change}; an SD needs its mean",
            )
            for sd, change in (("change_abs_sd", "change_abs"), ("change_pct_sd", "change_pct"))
        ),
        unknown_group_rule(groups),
    ]
    return build_plan(
        SPEC,
        extra_column_checks={"test_exercise": [exercise_check("test_exercise", exercises)]},
        frame_rules=rules,
        prepare=lambda frame: hints(first_line(frame)),
    )


def figure(name: str) -> Interval:
    """The interval a reported figure of a typed outcomes frame stands for."""
    return rounding.interval(pl.col(name), pl.col(hw(name)))


# Figures derived from two others, as (lo, hi) helper columns, for the agreement rules.
DERIVED: dict[str, tuple[str, str]] = {
    "abs_from_means": ("_abs_means_lo", "_abs_means_hi"),
    "pct_from_means": ("_pct_means_lo", "_pct_means_hi"),
    "pct_from_pre_abs": ("_pct_pre_abs_lo", "_pct_pre_abs_hi"),
    "pct_from_post_abs": ("_pct_post_abs_lo", "_pct_post_abs_hi"),
}


def derived_intervals() -> dict[str, Interval]:
    """What each pair of reported figures implies for a third, with rounding carried through."""
    pre, post, change = figure("pre_mean"), figure("post_mean"), figure("change_abs")
    return {
        "abs_from_means": rounding.propagate(rounding.difference, pre, post),
        "pct_from_means": rounding.propagate(rounding.pct_change, pre, post),
        "pct_from_pre_abs": rounding.propagate(rounding.pct_from_change, pre, change),
        "pct_from_post_abs": rounding.propagate(rounding.pct_from_post_and_change, post, change),
    }


def with_derived(frame: pl.DataFrame) -> pl.DataFrame:
    """Add the derived-figure intervals as helper columns."""
    exprs = []
    for name, (lo_expr, hi_expr) in derived_intervals().items():
        lo, hi = DERIVED[name]
        exprs += [lo_expr.alias(lo), hi_expr.alias(hi)]
    return frame.with_columns(exprs)


def _derived(name: str) -> Interval:
    lo, hi = DERIVED[name]
    return pl.col(lo), pl.col(hi)


def agreement_plan() -> SchemaPlan:
    """Consistency: figures that can be compared agree within rounding (rows stay loaded)."""
    rules = [
        FrameRule(
            "figures_disagree:abs_vs_means",
            "figures_disagree",
            "change_abs",
            rounding.overlaps(_derived("abs_from_means"), figure("change_abs")),
            "change_abs {change_abs} disagrees with post_mean {post_mean} - pre_mean {pre_mean}, "
            "which allows {_abs_means_lo:.2f} to {_abs_means_hi:.2f} given their rounding",
        ),
        FrameRule(
            "figures_disagree:pct_vs_means",
            "figures_disagree",
            "change_pct",
            rounding.overlaps(_derived("pct_from_means"), figure("change_pct")),
            "change_pct {change_pct}% disagrees with pre_mean {pre_mean} -> post_mean {post_mean}, "
            "which allows {_pct_means_lo:.2f}% to {_pct_means_hi:.2f}% given their rounding",
        ),
        FrameRule(
            "figures_disagree:pct_vs_pre_abs",
            "figures_disagree",
            "change_pct",
            pl.col("post_mean").is_not_null()
            | rounding.overlaps(_derived("pct_from_pre_abs"), figure("change_pct")),
            "change_pct {change_pct}% disagrees with change_abs {change_abs} on pre_mean "
            "{pre_mean}, which allows {_pct_pre_abs_lo:.2f}% to {_pct_pre_abs_hi:.2f}%",
        ),
        FrameRule(
            "figures_disagree:pct_vs_post_abs",
            "figures_disagree",
            "change_pct",
            pl.col("pre_mean").is_not_null()
            | rounding.overlaps(_derived("pct_from_post_abs"), figure("change_pct")),
            "change_pct {change_pct}% disagrees with change_abs {change_abs} reaching post_mean "
            "{post_mean}, which allows {_pct_post_abs_lo:.2f}% to {_pct_post_abs_hi:.2f}%",
        ),
    ]
    return build_plan(SPEC, columns=[], frame_rules=rules, prepare=with_derived)
