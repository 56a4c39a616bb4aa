"""The one shape every finding has, whichever step raised it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import polars as pl

from schemas.rules import rule

FINDINGS_SCHEMA: dict[str, pl.DataType] = {
    "severity": pl.String(),
    "rule": pl.String(),
    "quarantines": pl.Boolean(),
    "table_name": pl.String(),
    "source_file": pl.String(),
    "source_line": pl.Int64(),
    "column_name": pl.String(),
    "value": pl.String(),
    "message": pl.String(),
}

# Longest stored excerpt of an offending value; the rest is elided (a 10 MB cell stays in
# quarantine whole, not in every message about it).
VALUE_EXCERPT = 200


def excerpt(value: object) -> str | None:
    """Render a cell value for a finding: None stays None, long text is shortened."""
    if value is None:
        return None
    text = str(value)
    if len(text) > VALUE_EXCERPT:
        return text[:VALUE_EXCERPT] + f"... ({len(text)} characters)"
    return text


def finding(
    rule_id: str,
    table_name: str,
    source_file: str,
    source_line: int | None,
    message: str,
    column_name: str | None = None,
    value: object = None,
) -> dict[str, Any]:
    """Build one finding record for a rule, taking severity and quarantine from the catalogue."""
    r = rule(rule_id)
    return {
        "severity": r.severity,
        "rule": r.id,
        "quarantines": r.quarantines,
        "table_name": table_name,
        "source_file": source_file,
        "source_line": source_line,
        "column_name": column_name,
        "value": excerpt(value),
        "message": message,
    }


def findings_frame(records: Iterable[Mapping[str, Any]] = ()) -> pl.DataFrame:
    """Make a findings frame (possibly empty) with the canonical columns and types."""
    return pl.DataFrame(list(records), schema=FINDINGS_SCHEMA, orient="row")


def sort_findings(frame: pl.DataFrame) -> pl.DataFrame:
    """Order findings as a reader expects: by file, line, then rule and column."""
    return frame.sort(
        ["source_file", "source_line", "rule", "column_name"], nulls_last=True, maintain_order=True
    )
