"""Recompute the p of a reported test statistic, as statcheck does for psychology papers.

A statistic printed with d decimals stands for an interval (value ± half a unit of its last
digit); the p it implies is an interval too, computed with scipy.stats at both ends. A printed p
is consistent when it can be a rounding of some p in that interval, respecting its relation
(`p < .001` holds when the implied p can be below .001; `p > .05` when it can be above). F and
chi2 tests are upper-tailed; t, z and r are two-tailed unless the paper says one-tailed, in which
case the implied p is halved, as statcheck does when a paper declares a one-sided test. A decision
error is an inconsistency that moves p across alpha = 0.05 (p = .05 counts as significant).
"""

from __future__ import annotations

import numpy as np
import polars as pl

ALPHA = 0.05
TESTS = ("F", "t", "chi2", "r", "z")

CONSISTENT = "consistent"
INCONSISTENT = "inconsistent"
DECISION_ERROR = "decision error"
NOT_CHECKABLE = "not checkable"


def _upper_tail(test: str, x: np.ndarray, df1: np.ndarray, df2: np.ndarray) -> np.ndarray:
    """P(statistic >= x) for a non-negative statistic (|t|, |z|, F, chi2)."""
    from scipy import stats  # imported when statistics are checked: a second of start-up otherwise

    if test == "F":
        return np.asarray(stats.f.sf(x, df1, df2), dtype=float)
    if test == "chi2":
        return np.asarray(stats.chi2.sf(x, df1), dtype=float)
    if test == "t":
        return np.asarray(stats.t.sf(x, df1), dtype=float)
    return np.asarray(stats.norm.sf(x), dtype=float)


def _as_t(r: np.ndarray, df: np.ndarray) -> np.ndarray:
    """The t of a correlation r on df = n - 2 degrees of freedom."""
    r = np.clip(np.abs(r), 0.0, 1.0 - 1e-15)
    return r * np.sqrt(df / (1.0 - r**2))


def implied_p(
    test: str,
    value: np.ndarray,
    half_width: np.ndarray,
    df1: np.ndarray,
    df2: np.ndarray,
    tails: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The p implied by statistics of one test: (at the printed value, lowest, highest).

    Arrays of equal length; NaN where an input is missing. Over the rounding interval the p is
    monotone in |value|, so its ends come from the interval's ends.
    """
    lo = value - half_width
    hi = value + half_width
    if test in ("t", "z", "r"):
        crosses = (lo <= 0) & (hi >= 0)
        small = np.where(crosses, 0.0, np.minimum(np.abs(lo), np.abs(hi)))
        large = np.maximum(np.abs(lo), np.abs(hi))
        at = np.abs(value)
        if test == "r":
            small, large, at = _as_t(small, df1), _as_t(large, df1), _as_t(at, df1)
        base = "z" if test == "z" else "t"
        factor = np.where(tails == 1, 1.0, 2.0)
        p_at = np.minimum(1.0, factor * _upper_tail(base, at, df1, df2))
        p_lo = np.minimum(1.0, factor * _upper_tail(base, large, df1, df2))
        p_hi = np.minimum(1.0, factor * _upper_tail(base, small, df1, df2))
        return p_at, p_lo, p_hi
    lo = np.maximum(lo, 0.0)
    return (
        _upper_tail(test, value, df1, df2),
        _upper_tail(test, hi, df1, df2),
        _upper_tail(test, lo, df1, df2),
    )


def _column(frame: pl.DataFrame, name: str) -> np.ndarray:
    return frame[name].cast(pl.Float64).fill_null(np.nan).to_numpy().astype(float)


def with_implied_p(
    frame: pl.DataFrame, value_hw: str = "_hw_value", p_hw: str = "_hw_p"
) -> pl.DataFrame:
    """Add `_p_implied`, `_p_implied_lo`, `_p_implied_hi` and the verdict columns.

    The frame has test, df1, df2, value, p, p_relation and tails (typed, "1"/"2" or empty), and
    the half-widths of value and p. Verdict columns: `_checkable`, `_consistent`,
    `_decision_error` and `status`.
    """
    n = frame.height
    p_at, p_lo, p_hi = np.full(n, np.nan), np.full(n, np.nan), np.full(n, np.nan)
    value, hw = _column(frame, "value"), _column(frame, value_hw)
    df1, df2 = _column(frame, "df1"), _column(frame, "df2")
    tails = frame["tails"].cast(pl.Float64, strict=False).fill_null(2.0).to_numpy().astype(float)
    tests = frame["test"].to_numpy()
    for test in TESTS:
        mask = tests == test
        if mask.any():
            at, lo, hi = implied_p(test, value[mask], hw[mask], df1[mask], df2[mask], tails[mask])
            p_at[mask], p_lo[mask], p_hi[mask] = at, lo, hi
    out = frame.with_columns(
        pl.Series("_p_implied", p_at, dtype=pl.Float64).fill_nan(None),
        pl.Series("_p_implied_lo", p_lo, dtype=pl.Float64).fill_nan(None),
        pl.Series("_p_implied_hi", p_hi, dtype=pl.Float64).fill_nan(None),
    )
    return out.with_columns(_verdicts(p_hw)).with_columns(_status())


def _verdicts(p_hw: str) -> list[pl.Expr]:
    p, hw = pl.col("p"), pl.col(p_hw)
    lo, hi = pl.col("_p_implied_lo"), pl.col("_p_implied_hi")
    relation = pl.col("p_relation").fill_null("=")
    checkable = p.is_not_null() & lo.is_not_null() & hi.is_not_null()
    # Relative slack for float noise at the interval ends.
    eps = 1e-12
    consistent = (
        pl.when(relation == "<")
        .then(lo < p + eps)
        .when(relation == ">")
        .then(hi > p - eps)
        .otherwise((lo <= p + hw + eps) & (hi >= p - hw - eps))
    )
    printed_significant = (
        pl.when(relation == ">")
        .then(pl.when(p >= ALPHA).then(False).otherwise(None))
        .when(relation == "<")
        .then(pl.when(p <= ALPHA).then(True).otherwise(None))
        .otherwise(p <= ALPHA)
    )
    implied_significant = (
        pl.when(hi <= ALPHA).then(True).when(lo > ALPHA).then(False).otherwise(None)
    )
    decision = (
        ~consistent & (printed_significant != implied_significant).fill_null(False)
    ).fill_null(False)
    return [
        checkable.alias("_checkable"),
        pl.when(checkable).then(consistent).alias("_consistent"),
        pl.when(checkable).then(decision).alias("_decision_error"),
    ]


def _status() -> pl.Expr:
    return (
        pl.when(~pl.col("_checkable"))
        .then(pl.lit(NOT_CHECKABLE))
        .when(pl.col("_decision_error"))
        .then(pl.lit(DECISION_ERROR))
        .when(~pl.col("_consistent"))
        .then(pl.lit(INCONSISTENT))
        .otherwise(pl.lit(CONSISTENT))
        .alias("status")
    )
