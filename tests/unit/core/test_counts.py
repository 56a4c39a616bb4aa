"""carryover/core/counts.py: findings counted by severity."""

import polars as pl

from carryover.core.counts import count, count_expr


def test_findings_are_counted_by_severity_in_python_and_in_polars() -> None:
    """Two errors and one warning, counted the same way per file."""
    findings = pl.DataFrame(
        {"source_file": ["a", "a", "b"], "severity": ["error", "warning", "error"]}
    )
    assert (count(findings, "error"), count(findings, "warning")) == (2, 1)
    per_file = findings.group_by("source_file").agg(count_expr("error"), count_expr("warning"))
    assert per_file.sort("source_file").rows() == [("a", 1, 1), ("b", 1, 0)]
