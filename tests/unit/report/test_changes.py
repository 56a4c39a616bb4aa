"""Changes since the previous run: findings matched by fingerprint, never by line."""

import polars as pl
import pytest

from carryover.report.changes import comparable, compare_findings


def _findings(*rows: tuple[str, str, int]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "fingerprint": [r[0] for r in rows],
            "rule": [r[1] for r in rows],
            "source_line": [r[2] for r in rows],
        },
        schema={"fingerprint": pl.String, "rule": pl.String, "source_line": pl.Int64},
    )


def test_new_resolved_and_unchanged_are_matched_by_fingerprint_not_line() -> None:
    """A finding whose line moved is unchanged; one only now is new; one only before resolved."""
    previous = _findings(("a", "claim_vs_source", 17), ("b", "claim_conflict", 33))
    current = _findings(("a", "claim_vs_source", 18), ("c", "required", 4))
    changes = compare_findings(current, previous)
    assert changes.unchanged.rows() == [("a", "claim_vs_source", 18)]
    assert changes.new.rows() == [("c", "required", 4)]
    assert changes.resolved.rows() == [("b", "claim_conflict", 33)]


def test_identical_runs_have_only_unchanged_findings() -> None:
    """The same findings twice: nothing new, nothing resolved."""
    run = _findings(("a", "r", 1), ("b", "r", 2))
    changes = compare_findings(run, run)
    assert changes.new.is_empty()
    assert changes.resolved.is_empty()
    assert changes.unchanged.height == 2


def test_a_repeated_fingerprint_counts_each_occurrence() -> None:
    """Two findings with one fingerprint against one before: one unchanged, one new."""
    previous = _findings(("a", "r", 1))
    current = _findings(("a", "r", 1), ("a", "r", 9))
    changes = compare_findings(current, previous)
    assert changes.unchanged.height == 1
    assert changes.new.rows() == [("a", "r", 9)]
    assert changes.resolved.is_empty()


def test_empty_runs_compare_cleanly() -> None:
    """A first clean run after a faulty one resolves everything."""
    previous = _findings(("a", "r", 1))
    changes = compare_findings(_findings(), previous)
    assert changes.resolved.height == 1
    assert changes.new.is_empty()


def test_findings_without_a_fingerprint_are_not_compared() -> None:
    """No fingerprint column, or a null one, is refused rather than guessed."""
    with_fp = _findings(("a", "r", 1))
    without = with_fp.drop("fingerprint")
    assert not comparable(without)
    assert not comparable(with_fp.with_columns(pl.lit(None, pl.String).alias("fingerprint")))
    with pytest.raises(ValueError, match="fingerprint"):
        compare_findings(with_fp, without)
