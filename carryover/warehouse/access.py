"""Read-only access to the warehouse: the one opener every reader uses.

`carryover sql`, the report and the run history open the warehouse here, and a run attaches the
current warehouse here while it builds the next.

A read-write session elsewhere (another process holding DuckDB's lock) blocks every reader: the
opener waits a while for it when asked to, then names it in one sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import duckdb

from carryover.core.errors import WarehouseError, WarehouseMissing, first_line
from carryover.core.retry import retry
from carryover.warehouse.sql_guard import connect_guarded

ATTACH_WAIT_SECONDS = 10.0
"""How long a run waits for a read-write session on the current warehouse to end."""
PAUSE_SECONDS = 0.2

T = TypeVar("T")


def is_lock_conflict(exc: Exception) -> bool:
    """Whether DuckDB refused because another process holds the file read-write."""
    return isinstance(exc, duckdb.Error) and "lock" in str(exc).lower()


def open_error(path: Path, exc: Exception) -> WarehouseError:
    """One sentence for a warehouse that cannot be opened, naming a read-write session."""
    if is_lock_conflict(exc):
        return WarehouseError(
            f"the warehouse {path} is open read-write in another process; close that session "
            "(readers should open it read-only: duckdb -readonly, or "
            "duckdb.connect(path, read_only=True))"
        )
    return WarehouseMissing(f"cannot open the warehouse {path} read-only: {first_line(exc)}")


def waiting(path: Path, attempt: Callable[[], T], wait: float) -> T:
    """Run `attempt` (an open or attach of `path`), retrying while the file is locked."""
    try:
        return retry(attempt, is_lock_conflict, wait, PAUSE_SECONDS)
    except (duckdb.Error, OSError) as exc:
        raise open_error(path, exc) from exc


def open_read_only(
    path: Path, wait: float = 0.0, *, guarded: bool = False
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse read-only (waiting up to `wait` s for a writer), or say why not.

    `guarded` (for ad-hoc SQL) adds DuckDB's own guards: no file but the warehouse can be read
    or written, and no setting changed (see carryover.warehouse.sql_guard).
    """
    if not path.is_file():
        raise WarehouseMissing(
            f"there is no warehouse at {path}: build it with `carryover run` "
            "(or point --warehouse at one)"
        )
    if guarded:
        return waiting(path, lambda: connect_guarded(path), wait)
    return waiting(path, lambda: duckdb.connect(str(path), read_only=True), wait)


@contextmanager
def read_only(path: Path, wait: float = 0.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """`open_read_only` as a context: the connection is closed on leaving."""
    con = open_read_only(path, wait)
    try:
        yield con
    finally:
        con.close()
