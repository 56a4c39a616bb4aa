"""The run lock and the run journal: one writer at a time, and every stopped run accounted for."""

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from carryover.core.errors import WarehouseBusy
from carryover.warehouse.runstate import (
    lock_is_held,
    run_lock,
)

pytestmark = pytest.mark.slow  # starts other processes

START = dt.datetime(2026, 1, 1, 6, tzinfo=dt.UTC)


def _holder(warehouse: Path) -> subprocess.Popen[str]:
    """Another process that takes the run lock and keeps it until told or killed."""
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from carryover.warehouse.runstate import run_lock
        with run_lock(Path({str(warehouse)!r}), wait=0):
            print("locked", flush=True)
            sys.stdin.readline()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_second_run_waits_then_gives_up_in_one_sentence(tmp_path: Path) -> None:
    """While another process holds the lock, a run waits its time and names the holder."""
    warehouse = tmp_path / "w.duckdb"
    proc = _holder(warehouse)
    try:
        assert lock_is_held(warehouse)
        with (
            pytest.raises(WarehouseBusy, match=rf"another carryover run \(pid {proc.pid}, since"),
            run_lock(warehouse, wait=0.3),
        ):
            pass
    finally:
        proc.communicate("\n", timeout=30)
    assert not lock_is_held(warehouse)
    with run_lock(warehouse, wait=0):
        assert lock_is_held(warehouse)


def test_a_killed_holder_releases_the_lock(tmp_path: Path) -> None:
    """Kill -9 of the process holding the lock frees it at once: no stale lock to clean up."""
    warehouse = tmp_path / "w.duckdb"
    proc = _holder(warehouse)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    with run_lock(warehouse, wait=0):
        pass
