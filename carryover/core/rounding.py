"""Rounding intervals: a figure reported with d decimals stands for x ± 0.5·10^-d.

Two reports of one quantity agree only if their intervals overlap, and a figure computed from
rounded inputs carries their intervals through the computation. Intervals are half-open (21.1 means
[21.05, 21.15)), so 21.1 and 21.2 do not agree while 13 and 13.3 do. All functions return polars
expressions, so they run vectorised inside schemas and transforms alike.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

# Relative slack for float noise when comparing interval ends (21.1 + 0.05 is not exactly 21.15).
_REL_TOL = 1e-9
REL_TOL = _REL_TOL
"""The same slack, for code that splits `overlaps` into one key per interval (conflicts)."""

Interval = tuple[pl.Expr, pl.Expr]


def half_width(text: pl.Expr) -> pl.Expr:
    """Half the last reported digit of a number written as text: '10.2' -> 0.05, '14' -> 0.5.

    Scientific notation counts its exponent: '1.5e2' -> 5.0. Null text gives null.
    An exponent of any length is safe: one too large for a 64-bit integer is read as a float
    (so the half-width is 0.0 or inf, never an error); the number check refuses such figures.
    """
    # Two patterns over the stripped text, no lowercased copy: the decimals are the digits after
    # a point that follows the sign and the leading digits; the exponent ends the text.
    stripped = text.str.strip_chars()
    decimals = stripped.str.extract(r"^[+-]?[0-9]*\.([0-9]*)", 1).str.len_chars().fill_null(0)
    exponent = stripped.str.extract(r"[eE]([+-]?[0-9]+)$", 1).cast(pl.Float64, strict=False)
    power = exponent.fill_null(0.0) - decimals.cast(pl.Float64)
    return pl.when(text.is_null()).then(None).otherwise(pl.lit(0.5) * pl.lit(10.0).pow(power))


def interval(value: pl.Expr, hw: pl.Expr) -> Interval:
    """The interval a reported value stands for, given its half-width."""
    return value - hw, value + hw


def overlaps(a: Interval, b: Interval) -> pl.Expr:
    """True where two half-open intervals share a point (touching ends do not).

    An interval open on one side (a bound: 'at least 50') has an infinite end, which does not
    count in the scale of the float slack.
    """
    scale = _finite_abs(a[1]) + _finite_abs(b[1]) + 1.0
    tol = scale * _REL_TOL
    return (a[0] < b[1] - tol) & (b[0] < a[1] - tol)


def _finite_abs(x: pl.Expr) -> pl.Expr:
    return pl.when(x.is_infinite()).then(pl.lit(0.0)).otherwise(x.abs())


def propagate(f: Callable[[pl.Expr, pl.Expr], pl.Expr], a: Interval, b: Interval) -> Interval:
    """The range of f(x, y) for x in a and y in b, for f monotone in each argument.

    Such a function takes its extremes at the corners of the box, so evaluating the four corners
    is exact (percent change from pre and post, change from pre and post, and so on).
    """
    corners = [f(x, y) for x in a for y in b]
    return pl.min_horizontal(corners), pl.max_horizontal(corners)


def pct_change(pre: pl.Expr, post: pl.Expr) -> pl.Expr:
    """Percent change from pre to post: 100·(post - pre)/pre."""
    return 100.0 * (post - pre) / pre


def pct_from_change(pre: pl.Expr, change: pl.Expr) -> pl.Expr:
    """Percent change from the baseline and the absolute change: 100·change/pre."""
    return 100.0 * change / pre


def difference(pre: pl.Expr, post: pl.Expr) -> pl.Expr:
    """Absolute change: post - pre."""
    return post - pre


def pct_from_post_and_change(post: pl.Expr, change: pl.Expr) -> pl.Expr:
    """Percent change from the follow-up value and the absolute change: 100·change/(post - change).

    Null where the implied baseline post - change is not positive (no percent change exists).
    """
    base = post - change
    return pl.when(base > 0).then(100.0 * change / base).otherwise(None)


def change_from_pct(pre: pl.Expr, pct: pl.Expr) -> pl.Expr:
    """Absolute change from the baseline and the percent change: pre·pct/100."""
    return pre * pct / 100.0


def change_from_post_and_pct(post: pl.Expr, pct: pl.Expr) -> pl.Expr:
    """Absolute change from the follow-up value and the percent change: post·pct/(100 + pct)."""
    return pl.when(pct > -100.0).then(post * pct / (100.0 + pct)).otherwise(None)
