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
    Journal,
    journal_file,
    lock_is_held,
    read_journal,
    run_lock,
)

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


def test_a_journal_left_running_is_recorded_as_killed_at_its_stage(tmp_path: Path) -> None:
    """A journal still 'running' when the next run starts belongs to a killed run."""
    warehouse = tmp_path / "w.duckdb"
    journal, stopped = Journal.begin(warehouse, "r1", START, tmp_path)
    assert stopped == []
    journal.stage("load")
    _, stopped = Journal.begin(warehouse, "r2", START, tmp_path)
    assert [(r.run_id, r.status, r.stage, r.finished_at) for r in stopped] == [
        ("r1", "killed", "load", None)
    ]
    assert stopped[0].message == f"the process (pid {os.getpid()}) ended during load"


def test_failed_runs_keep_their_reason_and_pile_up_until_a_run_completes(tmp_path: Path) -> None:
    """A failed run is recorded with its message; so are earlier ones a failed run carried."""
    warehouse = tmp_path / "w.duckdb"
    journal, _ = Journal.begin(warehouse, "r1", START, tmp_path)
    journal.stage("extract")
    # r1 is killed; r2 finds it, then fails itself
    journal, stopped = Journal.begin(warehouse, "r2", START, tmp_path)
    journal.stage("validate")
    journal.fail("WarehouseError: disk full")
    _, stopped = Journal.begin(warehouse, "r3", START, tmp_path)
    assert [(r.run_id, r.status, r.stage) for r in stopped] == [
        ("r1", "killed", "extract"),
        ("r2", "failed", "validate"),
    ]
    assert stopped[1].message == "WarehouseError: disk full"
    assert stopped[1].finished_at is not None


def test_a_completed_run_leaves_no_journal(tmp_path: Path) -> None:
    """finish() removes the journal: the next run has nothing to record."""
    warehouse = tmp_path / "w.duckdb"
    journal, _ = Journal.begin(warehouse, "r1", START, tmp_path)
    assert read_journal(warehouse) is not None
    journal.finish()
    assert not journal_file(warehouse).exists()
    assert Journal.begin(warehouse, "r2", START, tmp_path)[1] == []


def test_an_unreadable_journal_is_ignored(tmp_path: Path) -> None:
    """A journal cut short by a crash mid-write does not stop the next run."""
    warehouse = tmp_path / "w.duckdb"
    journal_file(warehouse).write_text('{"run_id": "r1", "sta')
    assert read_journal(warehouse) is None
