"""Transforms: pure polars functions from clean typed tables to derived tables (no I/O)."""

from __future__ import annotations

import polars as pl

from carryover.core import rounding
from schemas.outcomes import SPEC as OUTCOMES
from schemas.outcomes import figure

REPORTED = "reported"


def _pick(candidates: list[tuple[str, pl.Expr, rounding.Interval, pl.Expr]]) -> list[pl.Expr]:
    """First available candidate as (value, source, lo, hi) expressions.

    Each candidate is (source label, value, interval, available-condition), in order of preference.
    """
    value = source = lo = hi = None
    for label, val, (c_lo, c_hi), available in reversed(candidates):
        value = pl.when(available).then(val).otherwise(value)
        source = pl.when(available).then(pl.lit(label)).otherwise(source)
        lo = pl.when(available).then(c_lo).otherwise(lo)
        hi = pl.when(available).then(c_hi).otherwise(hi)
    assert value is not None
    assert source is not None
    assert lo is not None
    assert hi is not None
    return [value, source, lo, hi]


def _present(*names: str) -> pl.Expr:
    return pl.all_horizontal(pl.col(n).is_not_null() for n in names)


def outcome_changes(outcomes: pl.DataFrame) -> pl.DataFrame:
    """Per outcome, the change in percent and in the unit, each with where it came from.

    A reported figure wins; otherwise it is computed from the reported figures that determine it
    (pre and post means; a mean and the other change). The interval columns carry the rounding of
    the figures it came from, so claims can be judged against what the paper's figures allow.
    """
    pre, post = pl.col("pre_mean"), pl.col("post_mean")
    pct, change = pl.col("change_pct"), pl.col("change_abs")
    i_pre, i_post = figure("pre_mean"), figure("post_mean")
    i_pct, i_abs = figure("change_pct"), figure("change_abs")
    prop = rounding.propagate
    pct_cols = _pick(
        [
            (REPORTED, pct, i_pct, _present("change_pct")),
            (
                "computed from pre_mean and post_mean",
                rounding.pct_change(pre, post),
                prop(rounding.pct_change, i_pre, i_post),
                _present("pre_mean", "post_mean"),
            ),
            (
                "computed from pre_mean and change_abs",
                rounding.pct_from_change(pre, change),
                prop(rounding.pct_from_change, i_pre, i_abs),
                _present("pre_mean", "change_abs"),
            ),
            (
                "computed from post_mean and change_abs",
                rounding.pct_from_post_and_change(post, change),
                prop(rounding.pct_from_post_and_change, i_post, i_abs),
                _present("post_mean", "change_abs"),
            ),
        ]
    )
    abs_cols = _pick(
        [
            (REPORTED, change, i_abs, _present("change_abs")),
            (
                "computed from pre_mean and post_mean",
                rounding.difference(pre, post),
                prop(rounding.difference, i_pre, i_post),
                _present("pre_mean", "post_mean"),
            ),
            (
                "computed from pre_mean and change_pct",
                rounding.change_from_pct(pre, pct),
                prop(rounding.change_from_pct, i_pre, i_pct),
                _present("pre_mean", "change_pct"),
            ),
            (
                "computed from post_mean and change_pct",
                rounding.change_from_post_and_pct(post, pct),
                prop(rounding.change_from_post_and_pct, i_post, i_pct),
                _present("post_mean", "change_pct"),
            ),
        ]
    )
    names = ["change_pct", "change_pct_source", "change_pct_lo", "change_pct_hi"]
    abs_names = ["change_abs", "change_abs_source", "change_abs_lo", "change_abs_hi"]
    return outcomes.select(
        *OUTCOMES.key,
        "unit",
        *(e.alias(n) for e, n in zip(pct_cols, names, strict=True)),
        *(e.alias(n) for e, n in zip(abs_cols, abs_names, strict=True)),
        "source_file",
        "source_line",
    )
