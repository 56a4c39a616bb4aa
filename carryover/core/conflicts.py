"""Which claims conflict, in n log n: no pair of claims is ever formed.

Two claims of one article about one figure conflict when their rounding intervals do not overlap
(rounding.overlaps). Of a conflicting pair, the claim to blame is the earlier one when the study
contradicts it and not the later one, otherwise the later one; a blamed claim names the first line
(smallest) among those it conflicts with that way.

Comparing every pair of one figure's claims costs n² (4,000 claims of one quantity once took
4.4 GB). Here each figure's claims are walked in article order (line, then reading order) with two
small Fenwick trees over the interval ends, which answer "the earliest claim seen so far whose
interval lies wholly above (or below) this one" in log n steps:

- walking forward, a claim is blamed by an earlier claim that it does not overlap (any earlier
  claim when the study contradicts this one; only earlier uncontradicted ones otherwise);
- walking backward, a contradicted claim is blamed by a later uncontradicted claim it does not
  overlap.

`rounding.overlaps` has a tolerance that mixes both intervals' ends; it splits into one key per
claim on each side, so the test is exactly the pairwise one.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

import polars as pl

from carryover.core.rounding import REL_TOL


@dataclass
class Work:
    """Steps taken (tree updates and queries, each counted per node visited): for scaling tests."""

    steps: int = 0


@dataclass
class _MinTree:
    """Fenwick tree: the smallest position among items whose key rank is within a prefix."""

    size: int
    work: Work
    tree: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tree = [_NONE] * (self.size + 1)

    def add(self, rank: int, position: int) -> None:
        i = rank + 1
        while i <= self.size:
            self.work.steps += 1
            if position < self.tree[i]:
                self.tree[i] = position
            i += i & -i

    def first(self, count: int) -> int:
        """The smallest position among the items with rank < count."""
        best, i = _NONE, count
        while i > 0:
            self.work.steps += 1
            best = min(best, self.tree[i])
            i -= i & -i
        return best


_NONE = 1 << 62


class _Disjoint:
    """The earliest added claim whose interval does not overlap a given one."""

    def __init__(self, above_keys: Sequence[float], below_keys: Sequence[float], work: Work):
        # above: claims ranked by -above_key (largest first); below: ranked by below_key.
        self._above = sorted(-k for k in above_keys)
        self._below = sorted(below_keys)
        self._above_tree = _MinTree(len(self._above), work)
        self._below_tree = _MinTree(len(self._below), work)
        self.work = work

    def add(self, above_key: float, below_key: float, position: int) -> None:
        self._above_tree.add(bisect.bisect_left(self._above, -above_key), position)
        self._below_tree.add(bisect.bisect_left(self._below, below_key), position)

    def earliest(self, lo: float, hi: float) -> int:
        """Smallest added position lying wholly above [lo, hi) or wholly below it (or _NONE)."""
        scale = abs(hi) + 1.0
        # above: other_lo + |other_hi|·tol >= hi - (|hi| + 1)·tol
        above = bisect.bisect_right(self._above, -(hi - scale * REL_TOL))
        # below: other_hi - |other_hi|·tol <= lo + (|hi| + 1)·tol
        below = bisect.bisect_right(self._below, lo + scale * REL_TOL)
        self.work.steps += 2
        return min(self._above_tree.first(above), self._below_tree.first(below))


def _blame_group(
    lines: Sequence[int],
    los: Sequence[float],
    his: Sequence[float],
    contradicted: Sequence[bool],
    work: Work,
) -> list[int]:
    """For claims of one figure in article order: the position each is blamed by, or _NONE."""
    above = [lo + abs(hi) * REL_TOL for lo, hi in zip(los, his, strict=True)]
    below = [hi - abs(hi) * REL_TOL for hi in his]
    blamed_by = [_NONE] * len(lines)
    everyone = _Disjoint(above, below, work)
    uncontradicted = _Disjoint(above, below, work)
    for i in range(len(lines)):
        seen = everyone if contradicted[i] else uncontradicted
        blamed_by[i] = seen.earliest(los[i], his[i])
        everyone.add(above[i], below[i], i)
        if not contradicted[i]:
            uncontradicted.add(above[i], below[i], i)
    later = _Disjoint(above, below, work)
    for i in range(len(lines) - 1, -1, -1):
        if contradicted[i]:
            # later positions are larger: the reversed walk finds the smallest one seen so far
            j = later.earliest(los[i], his[i])
            if j != _NONE and (blamed_by[i] == _NONE or lines[j] < lines[blamed_by[i]]):
                blamed_by[i] = j
        else:
            later.add(above[i], below[i], i)
    return blamed_by


def blamed_conflicts(
    frame: pl.DataFrame, same_figure: Sequence[str], work: Work | None = None
) -> pl.DataFrame:
    """Each blamed claim with the line and value it conflicts with (see the module docstring).

    `frame` has the `same_figure` columns and `_claim`, `line`, `value`, `_claimed_lo`,
    `_claimed_hi`, `_contradicted`. Returns `_claim`, `_conflict_line`, `_conflict_value`.
    """
    work = work if work is not None else Work()
    ordered = frame.select(
        *same_figure, "_claim", "line", "value", "_claimed_lo", "_claimed_hi", "_contradicted"
    ).sort([*same_figure, "line", "_claim"], nulls_last=True)
    claims: list[int] = []
    conflict_lines: list[int] = []
    conflict_values: list[float] = []
    groups = ordered.partition_by(same_figure, maintain_order=True, include_key=False)
    for group in groups:
        if group.height < 2:
            continue
        ids = group["_claim"].to_list()
        lines = group["line"].to_list()
        values = group["value"].to_list()
        blamed_by = _blame_group(
            lines,
            group["_claimed_lo"].to_list(),
            group["_claimed_hi"].to_list(),
            group["_contradicted"].fill_null(False).to_list(),
            work,
        )
        for i, j in enumerate(blamed_by):
            if j != _NONE:
                claims.append(ids[i])
                conflict_lines.append(lines[j])
                conflict_values.append(values[j])
    return pl.DataFrame(
        {"_claim": claims, "_conflict_line": conflict_lines, "_conflict_value": conflict_values},
        schema={
            "_claim": frame.schema["_claim"],
            "_conflict_line": frame.schema["line"],
            "_conflict_value": frame.schema["value"],
        },
    )
