"""A table computed in parts as it is stored, so that the whole table is never in memory at once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True)
class Parts:
    """A table whose rows come in parts: `make()` yields its frames, in row order, each time.

    Every part has the table's columns; there is always at least one part (maybe empty), so that
    the table's schema is known even without rows. Iterating computes the parts again.
    """

    make: Callable[[], Iterator[pl.DataFrame]]
    stored: Callable[[], None] = lambda: None
    """Called by a load that lets go of each table once it is stored (build.write_run's
    `release`): what only computing the parts needed can then be freed, and the parts may not be
    computed again."""

    def __iter__(self) -> Iterator[pl.DataFrame]:
        return self.make()

    def collect(self) -> pl.DataFrame:
        """The whole table in one frame (for tests and small data)."""
        return pl.concat(list(self))


Table = pl.DataFrame | Parts
"""A table to store: one frame, or parts computed while it is stored."""
