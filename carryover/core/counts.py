"""The one count of findings by severity."""

from __future__ import annotations

import polars as pl

SEVERITY = "severity"


def count(findings: pl.DataFrame, severity: str) -> int:
    """How many findings have this severity ("error" or "warning")."""
    return int((findings[SEVERITY] == severity).sum())


def count_expr(severity: str) -> pl.Expr:
    """The same count as a polars aggregation, named after the severity in the plural."""
    return (pl.col(SEVERITY) == severity).sum().alias(f"{severity}s")
