"""Text helpers shared by every package: how a figure is written, in Python and in polars."""

from __future__ import annotations

import polars as pl


def number_text(value: float | int | None) -> str:
    """A figure as an editor writes it: 12 rather than 12.0; None as empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def number_expr(value: pl.Expr) -> pl.Expr:
    """`number_text` for a polars column: 12 rather than 12.0, 13.3 as 13.3."""
    whole = (value == value.round(0)) & (value.abs() < 2.0**53)  # beyond 2^53: no exact integer
    return (
        pl.when(whole)
        .then(value.cast(pl.Int64, strict=False).cast(pl.String))
        .otherwise(value.cast(pl.String))
    )
