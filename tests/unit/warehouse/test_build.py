import datetime as dt
from pathlib import Path

import duckdb
import pytest

from carryover.core.errors import WarehouseError
from carryover.steps import transform_all
from carryover.warehouse.build import (
    RunRecord,
    connect,
    load,
    next_file,
    wal_file,
)
from tests.support import valid_texts, validate_texts, with_row


def _run(run_id: str) -> RunRecord:
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return RunRecord(run_id, now, now, "ok", "/raw")


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = ["exercises", "studies", "groups", "outcomes", "claims", "outcome_changes"]
        return {n: con.sql(f"select * from {n} order by all").fetchall() for n in names}
    finally:
        con.close()


def test_a_rerun_replaces_current_tables_and_appends_history(tmp_path: Path) -> None:
    """Same input, same clean tables; runs and findings keep every run."""
    path = tmp_path / "w.duckdb"
    validation = validate_texts(
        with_row("outcomes", "trial_2020,sq,back_squat,3RM,kg,100,,110,,,12,T")
    )
    load(path, _run("r1"), validation, transform_all(validation))
    first = _tables(path)
    load(path, _run("r2"), validation, transform_all(validation))
    assert _tables(path) == first
    con = duckdb.connect(str(path), read_only=True)
    assert con.sql("select run_id from runs order by run_id").fetchall() == [("r1",), ("r2",)]
    assert con.sql("select run_id, rule from findings order by run_id").fetchall() == [
        ("r1", "figures_disagree"),
        ("r2", "figures_disagree"),
    ]
    assert con.sql("select sum(data_rows) from run_files where run_id = 'r1'").fetchall() == [(15,)]
    per_file = con.sql(
        "select source_file, errors, warnings, length(sha256), reused from run_files "
        "where run_id = 'r1' order by source_file"
    ).fetchall()
    assert per_file == [
        ("claims.csv", 0, 0, 64, False),
        ("contrasts.csv", 0, 0, 64, False),
        ("exercises.csv", 0, 0, 64, False),
        ("groups.csv", 0, 0, 64, False),
        ("outcomes.csv", 1, 0, 64, False),
        ("statistics.csv", 0, 0, 64, False),
        ("studies.csv", 0, 0, 64, False),
    ]
    durations = con.sql("select duration_seconds >= 0, errors from runs").fetchall()
    assert durations == [(True, 1), (True, 1)]
    con.close()


def test_helper_columns_are_not_stored(tmp_path: Path) -> None:
    """Columns that start with '_' are working columns, not part of the warehouse."""
    path = tmp_path / "w.duckdb"
    validation = validate_texts(valid_texts())
    load(path, _run("r1"), validation, transform_all(validation))
    con = duckdb.connect(str(path), read_only=True)
    columns = [r[0] for r in con.sql("select column_name from duckdb_columns()").fetchall()]
    con.close()
    assert not [c for c in columns if c.startswith("_")]
    assert "source_line" in columns


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    """A warehouse path holding something else gives one sentence, not a DuckDB traceback."""
    path = tmp_path / "w.duckdb"
    path.write_text("not a database")
    with pytest.raises(WarehouseError, match="cannot open the warehouse"):
        connect(path)


def test_a_failed_build_leaves_the_current_warehouse_as_it_was(tmp_path: Path) -> None:
    """An error while building the next file changes nothing in the current one."""
    path = tmp_path / "w.duckdb"
    validation = validate_texts(valid_texts())
    load(path, _run("r1"), validation, transform_all(validation))
    before = _tables(path)
    with pytest.raises(WarehouseError, match="could not write"):
        load(path, _run("r1"), validation, transform_all(validation))  # duplicate run id
    assert _tables(path) == before
    assert not next_file(path).exists()


def test_a_stale_write_ahead_log_is_never_replayed_onto_a_new_warehouse(tmp_path: Path) -> None:
    """A .wal left by a crashed read-write session belongs to the old file and is removed."""
    path = tmp_path / "w.duckdb"
    validation = validate_texts(valid_texts())
    load(path, _run("r1"), validation, transform_all(validation))
    wal_file(path).write_bytes(b"left by a crashed session")
    load(path, _run("r2"), validation, transform_all(validation))
    assert not wal_file(path).exists()
    assert _tables(path)["exercises"]


def test_stopped_runs_are_recorded_once_with_their_stage(tmp_path: Path) -> None:
    """A killed run found by the next one is in `runs` as killed, even if reported twice."""
    path = tmp_path / "w.duckdb"
    validation = validate_texts(valid_texts())
    started = dt.datetime(2025, 12, 31, tzinfo=dt.UTC)
    killed = RunRecord("k1", started, None, "killed", "/raw", "load", "ended during load")
    load(path, _run("r1"), validation, transform_all(validation), stopped=[killed])
    load(path, _run("r2"), validation, transform_all(validation), stopped=[killed])
    con = duckdb.connect(str(path), read_only=True)
    rows = con.sql(
        "select run_id, status, stage, rows_total from runs order by started_at, run_id"
    ).fetchall()
    con.close()
    assert rows == [("k1", "killed", "load", None), ("r1", "ok", None, 14), ("r2", "ok", None, 14)]


def test_history_of_an_older_warehouse_is_carried_into_the_new_columns(tmp_path: Path) -> None:
    """A warehouse written before the history gained columns keeps its runs and findings."""
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        "create table findings (run_id varchar, severity varchar, rule varchar, "
        "quarantines boolean, table_name varchar, source_file varchar, source_line bigint, "
        "column_name varchar, value varchar, message varchar)"
    )
    con.execute(
        "insert into findings values ('old', 'error', 'required', true, 'studies', "
        "'studies.csv', 3, 'year', null, 'year is empty')"
    )
    con.close()
    validation = validate_texts(valid_texts())
    load(path, _run("r1"), validation, transform_all(validation))
    con = duckdb.connect(str(path), read_only=True)
    assert con.sql("select run_id, fingerprint from findings").fetchall() == [("old", None)]
    con.close()
