"""contrasts.csv: one row per between-group result a paper reports (optional file).

Key: (study_id, test_exercise, measure, group_a, group_b). The estimate is group_a minus group_b,
in `unit`, with its SE and/or confidence interval, the p of the comparison (with its relation:
`=`, `<` or `>` as printed), the group the paper says it favours, and for magnitude-based papers
the verbal inference. `adjusted` marks estimates adjusted for covariates (ANCOVA), which are not
compared with the raw difference of the groups' changes.

Row rules (quarantine): the groups and test exist, the two groups differ, the favoured group is
one of them, the row states some result, a CI has both ends in order, a figure in a unit has its
unit. Consistency rules (rows stay loaded), all rounding-aware: the CI contains the estimate; a
symmetric CI is the estimate ± z·SE; the favoured group agrees with the sign of the estimate
(exercises.lower_is_better turns it round for times); where both groups' changes are reported,
their difference agrees with the estimate.
"""

from __future__ import annotations

import polars as pl

from carryover.core import rounding
from schemas.columns import Bound, ColumnSpec, Kind
from schemas.keys import duplicate_key_rule, exercise_check, reference_check, with_first_line
from schemas.table import FrameRule, SchemaPlan, TableSpec, build_plan, hw

P_RELATIONS = ("=", "<", ">")
DEFAULT_CI_LEVEL = 95.0

SPEC = TableSpec(
    name="contrasts",
    grain="one row per study x test x measure x pair of groups (a between-group result)",
    columns=(
        ColumnSpec("study_id", Kind.SLUG, required=True, doc="-> studies"),
        ColumnSpec("test_exercise", Kind.SLUG, required=True, doc="-> exercises (the test)"),
        ColumnSpec("measure", Kind.MEASURE, required=True, doc="1RM, 3RM, height, time, ..."),
        ColumnSpec("group_a", Kind.SLUG, required=True, doc="-> groups; estimate = a minus b"),
        ColumnSpec("group_b", Kind.SLUG, required=True, doc="-> groups; the group compared with"),
        ColumnSpec("estimate", Kind.NUMBER, doc="between-group difference, group_a - group_b"),
        ColumnSpec("unit", Kind.UNIT, doc="the estimate's unit; required with an estimate"),
        ColumnSpec("se", Kind.NUMBER, minimum=Bound(0), doc="standard error of the estimate"),
        ColumnSpec("ci_lo", Kind.NUMBER, doc="lower end of the confidence interval"),
        ColumnSpec("ci_hi", Kind.NUMBER, doc="upper end of the confidence interval"),
        ColumnSpec(
            "ci_level",
            Kind.NUMBER,
            minimum=Bound(0, strict=True),
            maximum=Bound(100, strict=True),
            doc="confidence level in percent; empty means 95",
        ),
        ColumnSpec("p", Kind.NUMBER, minimum=Bound(0), maximum=Bound(1), doc="p as printed"),
        ColumnSpec(
            "p_relation", Kind.CHOICE, choices=P_RELATIONS, doc="=, < or > as printed; empty: ="
        ),
        ColumnSpec("favoured_group", Kind.SLUG, doc="the group the paper says did better"),
        ColumnSpec("adjusted", Kind.FLAG, doc="yes for covariate-adjusted (ANCOVA) estimates"),
        ColumnSpec("inference", Kind.TEXT, doc="verbal inference: 'very likely', ..."),
        ColumnSpec("source", Kind.TEXT, required=True, doc="where in the paper"),
    ),
    key=("study_id", "test_exercise", "measure", "group_a", "group_b"),
    rounded=("estimate", "se", "ci_lo", "ci_hi", "p"),
)

_RESULTS = ("estimate", "p", "favoured_group", "inference")


def row_plan(groups: pl.Series, exercises: pl.Series) -> SchemaPlan:
    """Cell, key, reference and completeness checks (rows that fail are quarantined)."""
    rules = [
        duplicate_key_rule(SPEC),
        *(
            FrameRule(
                f"unknown_group:{side}",
                "unknown_group",
                side,
                reference_check(["study_id", side], groups),
                f"{side} {{{side}!r}} of study {{study_id!r}} is not a valid group in groups.csv",
            )
            for side in ("group_a", "group_b")
        ),
        FrameRule(
            "same_group",
            "same_group",
            "group_b",
            pl.col("group_a") != pl.col("group_b"),
            "group_b {group_b!r} is group_a too; a contrast compares two groups",
        ),
        FrameRule(
            "favoured_not_compared",
            "favoured_not_compared",
            "favoured_group",
            pl.col("favoured_group").is_null()
            | (pl.col("favoured_group") == pl.col("group_a"))
            | (pl.col("favoured_group") == pl.col("group_b")),
            "favoured_group {favoured_group!r} is neither group_a {group_a!r} nor group_b "
            "{group_b!r}",
        ),
        FrameRule(
            "contrast_no_result",
            "contrast_no_result",
            "estimate",
            pl.any_horizontal(pl.col(c).is_not_null() for c in _RESULTS),
            "the contrast states no result: fill estimate, p, favoured_group or inference",
        ),
        FrameRule(
            "ci_incomplete",
            "ci_incomplete",
            "ci_hi",
            pl.col("ci_lo").is_null() == pl.col("ci_hi").is_null(),
            "the confidence interval has one end only (ci_lo {ci_lo}, ci_hi {ci_hi})",
        ),
        FrameRule(
            "ci_order",
            "ci_order",
            "ci_lo",
            pl.col("ci_lo").cast(pl.Float64, strict=False)
            <= pl.col("ci_hi").cast(pl.Float64, strict=False),
            "ci_lo {ci_lo} is above ci_hi {ci_hi}",
        ),
        FrameRule(
            "unit_required",
            "unit_required",
            "unit",
            pl.col("unit").is_not_null()
            | ~pl.any_horizontal(pl.col(c).is_not_null() for c in ("estimate", "se", "ci_lo")),
            "unit is empty but the contrast gives an estimate in a unit; fill it (kg, cm, s, ...)",
        ),
    ]
    return build_plan(
        SPEC,
        extra_column_checks={"test_exercise": [exercise_check("test_exercise", exercises)]},
        frame_rules=rules,
        prepare=with_first_line(SPEC.key),
    )


def _figure(name: str) -> rounding.Interval:
    return rounding.interval(pl.col(name), pl.col(hw(name)))


def _z(level: pl.Series) -> pl.Series:
    """The normal quantile of each two-sided confidence level (in percent), as `_z`."""
    if level.is_empty():
        return pl.Series("_z", [], dtype=pl.Float64)
    from scipy import stats  # imported when there are contrasts: a second of start-up otherwise

    return pl.Series("_z", stats.norm.ppf(0.5 + level.to_numpy() / 200.0), dtype=pl.Float64)


def with_context(
    contrasts: pl.DataFrame, lower_is_better: pl.DataFrame, changes: pl.DataFrame
) -> pl.DataFrame:
    """Join each typed contrast with what its rules need: direction, z and the groups' changes.

    `lower_is_better` is schemas.exercises.lower_is_better(exercises); `changes` is the
    outcome_changes table (change_abs with its rounding interval, per group and test).
    """
    level = pl.col("ci_level").fill_null(DEFAULT_CI_LEVEL)
    frame = contrasts.join(
        lower_is_better.rename({"exercise_id": "test_exercise", "lower_is_better": "_lower"}),
        on="test_exercise",
        how="left",
        maintain_order="left",
    ).with_columns(pl.col("_lower").fill_null(False), level.alias("_level"))
    frame = frame.with_columns(_z(frame["_level"]))
    change = changes.select(
        "study_id",
        "test_exercise",
        "measure",
        "group_id",
        pl.col("unit").alias("_unit"),
        pl.col("change_abs").alias("_chg"),
        pl.col("change_abs_lo").alias("_chg_lo"),
        pl.col("change_abs_hi").alias("_chg_hi"),
    )
    key = ["study_id", "test_exercise", "measure"]
    for side in ("a", "b"):
        renamed = change.rename(
            {"group_id": f"group_{side}", **{c: f"{c}_{side}" for c in change.columns[4:]}}
        )
        frame = frame.join(renamed, on=[*key, f"group_{side}"], how="left", maintain_order="left")
    est_lo, est_hi = _figure("estimate")
    ci_lo_lo, ci_lo_hi = _figure("ci_lo")
    ci_hi_lo, ci_hi_hi = _figure("ci_hi")
    se_lo, se_hi = _figure("se")
    return frame.with_columns(
        est_lo.alias("_est_lo"),
        est_hi.alias("_est_hi"),
        # The two arms of the CI, each an interval given the rounding of its ends.
        (est_lo - ci_lo_hi).alias("_arm_lo_lo"),
        (est_hi - ci_lo_lo).alias("_arm_lo_hi"),
        (ci_hi_lo - est_hi).alias("_arm_hi_lo"),
        (ci_hi_hi - est_lo).alias("_arm_hi_hi"),
        ((ci_hi_lo - ci_lo_hi) / 2).alias("_half_lo"),
        ((ci_hi_hi - ci_lo_lo) / 2).alias("_half_hi"),
        (pl.col("_z") * se_lo).alias("_zse_lo"),
        (pl.col("_z") * se_hi).alias("_zse_hi"),
        (pl.col("_chg_lo_a") - pl.col("_chg_hi_b")).alias("_diff_lo"),
        (pl.col("_chg_hi_a") - pl.col("_chg_lo_b")).alias("_diff_hi"),
        (pl.col("_chg_a") - pl.col("_chg_b")).alias("_diff"),
        pl.when((est_lo > 0) != pl.col("_lower"))
        .then(pl.col("group_a"))
        .otherwise(pl.col("group_b"))
        .alias("_sign_favours"),
        ((est_lo > 0) | (est_hi < 0)).alias("_sign_clear"),
        pl.concat_str([pl.col("group_a"), pl.col("group_b")], separator=" vs ").alias("_pair"),
    )


def agreement_plan() -> SchemaPlan:
    """Consistency of each contrast with itself and with the groups' changes (rows stay loaded)."""
    symmetric = rounding.overlaps(
        (pl.col("_arm_lo_lo"), pl.col("_arm_lo_hi")), (pl.col("_arm_hi_lo"), pl.col("_arm_hi_hi"))
    )
    same_unit = pl.col("unit") == pl.col("_unit_a")
    rules = [
        FrameRule(
            "contrast_ci_excludes_estimate",
            "contrast_ci_excludes_estimate",
            "estimate",
            rounding.overlaps(
                (pl.col("_est_lo"), pl.col("_est_hi")),
                (
                    pl.col("ci_lo") - pl.col(hw("ci_lo")),
                    pl.col("ci_hi") + pl.col(hw("ci_hi")),
                ),
            ),
            "estimate {estimate} of {_pair} on {test_exercise} {measure} lies outside its own "
            "confidence interval ({ci_lo}, {ci_hi})",
        ),
        FrameRule(
            "contrast_se_disagrees",
            "contrast_se_disagrees",
            "se",
            ~symmetric
            | rounding.overlaps(
                (pl.col("_half_lo"), pl.col("_half_hi")), (pl.col("_zse_lo"), pl.col("_zse_hi"))
            ),
            "the symmetric {_level}% CI ({ci_lo}, {ci_hi}) of {_pair} on {test_exercise} "
            "{measure} has half-width {_half_lo:.3g} to {_half_hi:.3g}, but z·SE for SE {se} is "
            "{_zse_lo:.3g} to {_zse_hi:.3g}",
        ),
        FrameRule(
            "contrast_favoured_disagrees",
            "contrast_favoured_disagrees",
            "favoured_group",
            ~pl.col("_sign_clear") | (pl.col("favoured_group") == pl.col("_sign_favours")),
            "favoured_group {favoured_group!r} contradicts estimate {estimate} (group_a - group_b "
            "= {_pair}), which favours {_sign_favours!r} on {test_exercise} {measure}",
        ),
        FrameRule(
            "contrast_vs_changes",
            "contrast_vs_changes",
            "estimate",
            pl.col("adjusted").fill_null(False)
            | ~same_unit
            | rounding.overlaps(
                (pl.col("_est_lo"), pl.col("_est_hi")), (pl.col("_diff_lo"), pl.col("_diff_hi"))
            ),
            "estimate {estimate} {unit} of {_pair} on {test_exercise} {measure} disagrees with "
            "the groups' changes {_chg_a} - {_chg_b} in outcomes.csv, which allow {_diff_lo:.3g} "
            "to {_diff_hi:.3g}; mark covariate-adjusted estimates adjusted=yes",
        ),
    ]
    return build_plan(SPEC, columns=[], frame_rules=rules)
