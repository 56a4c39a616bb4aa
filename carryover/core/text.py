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
    return (
        pl.when(value == value.round(0))
        .then(value.cast(pl.Int64).cast(pl.String))
        .otherwise(value.cast(pl.String))
    )
