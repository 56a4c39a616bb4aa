"""Changes since the previous run: which findings are new, which were resolved, which remain.

A finding is identified across runs by its `fingerprint` (a stable hash of its rule, file, column
and the row's key values, not its line), so editing an article above a claim leaves the claim's
finding unchanged. Pure: two findings frames in, three frames out. The function never computes a
fingerprint itself; a frame without one cannot be compared (see `comparable`).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

FINGERPRINT = "fingerprint"
_OCCURRENCE = "_occurrence"


@dataclass(frozen=True)
class FindingChanges:
    """The findings of two runs matched by fingerprint."""

    new: pl.DataFrame
    """In the current run, not in the previous one (current run's rows)."""
    resolved: pl.DataFrame
    """In the previous run, not in the current one (previous run's rows)."""
    unchanged: pl.DataFrame
    """In both (current run's rows: their lines are where the finding stands now)."""


def comparable(findings: pl.DataFrame) -> bool:
    """Whether a findings frame can be compared: it has a fingerprint on every row."""
    return FINGERPRINT in findings.columns and findings[FINGERPRINT].null_count() == 0


def _numbered(findings: pl.DataFrame) -> pl.DataFrame:
    # The same fingerprint twice in one run (two identical rows) counts as two findings: the
    # k-th occurrence in one run matches the k-th in the other.
    return findings.with_columns(
        pl.int_range(pl.len()).over(FINGERPRINT).alias(_OCCURRENCE),
    )


def compare_findings(current: pl.DataFrame, previous: pl.DataFrame) -> FindingChanges:
    """Match two runs' findings by fingerprint: new, resolved and unchanged findings.

    Both frames need a `fingerprint` on every row (ValueError otherwise). Rows keep their order.
    """
    for name, frame in (("current", current), ("previous", previous)):
        if not comparable(frame):
            raise ValueError(f"the {name} findings have no fingerprint on every row")
    key = [FINGERPRINT, _OCCURRENCE]
    cur, prev = _numbered(current), _numbered(previous)
    prev_keys, cur_keys = prev.select(key), cur.select(key)
    return FindingChanges(
        new=cur.join(prev_keys, on=key, how="anti", maintain_order="left").drop(_OCCURRENCE),
        resolved=prev.join(cur_keys, on=key, how="anti", maintain_order="left").drop(_OCCURRENCE),
        unchanged=cur.join(prev_keys, on=key, how="semi", maintain_order="left").drop(_OCCURRENCE),
    )
