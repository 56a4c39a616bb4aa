"""Invariants of the carryover analytics, on generated studies and effect sets."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.stats.meta_analysis import combine_effects

from carryover.analytics import effects as analytics
from tests.analytics_frames import Arm, carryover_of, pool

pytestmark = pytest.mark.slow  # many generated examples each

effect = st.floats(-3, 3, allow_nan=False)
variance = st.floats(0.005, 1.0, allow_nan=False)
effect_sets = st.lists(st.tuples(effect, variance), min_size=1, max_size=12)


@given(effect_sets)
def test_the_pooled_estimate_lies_within_its_inputs(pairs: list[tuple[float, float]]) -> None:
    """A random-effects mean is a weighted mean: never below the least or above the greatest."""
    ys, vs = zip(*pairs, strict=True)
    pooled = pool(ys, vs)["pooled"]
    slack = 1e-9 * (1 + max(abs(y) for y in ys))
    assert min(ys) - slack <= pooled <= max(ys) + slack


@given(effect, variance)
def test_one_study_pooled_is_that_study(y: float, v: float) -> None:
    """With k = 1 the pooled effect is the study's, its SE the study's; no tau², I² or Q."""
    row = pool([y], [v])
    assert row["k"] == 1
    assert math.isclose(row["pooled"], y, rel_tol=1e-12, abs_tol=1e-300)
    assert math.isclose(row["se"], math.sqrt(v), rel_tol=1e-12)
    assert (row["tau2"], row["i2"], row["q"]) == (None, None, None)


@settings(deadline=None, max_examples=80)
@given(st.lists(st.tuples(effect, variance), min_size=2, max_size=12))
def test_pooling_agrees_with_statsmodels(pairs: list[tuple[float, float]]) -> None:
    """DerSimonian-Laird here equals statsmodels' combine_effects on the same inputs.

    statsmodels' "dl" leaves tau² negative when Q < k - 1, where DerSimonian and Laird (and
    metafor) truncate it at 0: there the random-effects result is the fixed-effect one, so it is
    compared with statsmodels' fixed-effect row.
    """
    ys, vs = zip(*pairs, strict=True)
    ours = pool(ys, vs)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # in statsmodels
        theirs = combine_effects(np.array(ys), np.array(vs), method_re="dl")
        frame = theirs.summary_frame()
    truncated = theirs.tau2 <= 0
    row = "fixed effect" if truncated else "random effect"
    mean = theirs.mean_effect_fe if truncated else theirs.mean_effect_re
    assert math.isclose(ours["pooled"], mean, rel_tol=1e-9, abs_tol=1e-12)
    assert math.isclose(ours["tau2"], max(0.0, theirs.tau2), rel_tol=1e-9, abs_tol=1e-12)
    assert math.isclose(ours["ci_lo"], frame.loc[row, "ci_low"], rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(ours["ci_hi"], frame.loc[row, "ci_upp"], rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(ours["q"], theirs.q, rel_tol=1e-9, abs_tol=1e-9)
    expected_i2 = 0.0 if truncated else 100 * theirs.i2  # Q <= k - 1: no heterogeneity
    assert math.isclose(ours["i2"], expected_i2, rel_tol=1e-9, abs_tol=1e-7)


EXERCISES = ["back_squat", "hip_thrust", "deadlift"]
arm_spec = st.tuples(
    st.sampled_from([*EXERCISES, None]),  # trained exercise (None: a control group)
    st.lists(
        st.tuples(st.sampled_from(EXERCISES), st.floats(-20, 60, allow_nan=False)),
        min_size=1,
        max_size=3,
        unique_by=lambda t: t[0],
    ),
)


@given(st.lists(arm_spec, min_size=1, max_size=5), st.randoms(use_true_random=False))
def test_group_order_does_not_change_labels_or_ratios(
    specs: list[tuple[str | None, list[tuple[str, float]]]], rnd: object
) -> None:
    """Listing a study's groups in another order gives the same roles, references and ratios."""
    arms = [
        Arm("s", f"g{i}", trained, test, pct=pct)
        for i, (trained, tests) in enumerate(specs)
        for test, pct in tests
    ]
    shuffled = list(arms)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    columns = [
        "study_id",
        "group_id",
        "test_exercise",
        "role",
        "is_specific",
        "reference_group_id",
        "transfer_ratio",
        "control_group_id",
        "controlled_change_pct",
    ]
    first = carryover_of(arms).select(columns)
    second = carryover_of(shuffled).select(columns)
    assert first.equals(second)
    cross = first.filter(pl.col("role") == "cross")
    specific = first.filter(pl.col("role") == "specific")
    assert specific["transfer_ratio"].null_count() == specific.height
    assert (cross["test_exercise"] != pl.Series(["_"] * cross.height)).all()


@given(st.lists(arm_spec, min_size=1, max_size=5))
def test_pooled_rows_account_for_every_trained_group(
    specs: list[tuple[str | None, list[tuple[str, float]]]],
) -> None:
    """Every trained group's outcome lands in exactly one pooled row; controls in none."""
    arms = [
        Arm("s", f"g{i}", trained, test, pct=pct, n=5 + i)
        for i, (trained, tests) in enumerate(specs)
        for test, pct in tests
    ]
    rows = carryover_of(arms)
    pooled = analytics.pooled(rows)
    treated = rows.filter(pl.col("role") != "control")
    assert pooled["k_groups"].sum() == treated.height
    assert pooled["participants"].sum() == treated["n"].sum()
