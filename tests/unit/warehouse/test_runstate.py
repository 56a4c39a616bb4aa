"""The run lock and the run journal: one writer at a time, and every stopped run accounted for."""

import datetime as dt
import os
from pathlib import Path

from carryover.warehouse.runstate import (
    Journal,
    journal_file,
    read_journal,
)

START = dt.datetime(2026, 1, 1, 6, tzinfo=dt.UTC)


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
