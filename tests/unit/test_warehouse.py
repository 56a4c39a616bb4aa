import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from carryover.pipeline import transform_all
from carryover.warehouse import RunRecord, WarehouseError, connect, load
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
    assert con.sql("select sum(data_rows) from run_files where run_id = 'r1'").fetchall() == [(12,)]
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


def test_a_warehouse_locked_by_another_process_is_a_clear_error(tmp_path: Path) -> None:
    """DuckDB's lock held by another process becomes a WarehouseError naming the file."""
    path = tmp_path / "w.duckdb"
    duckdb.connect(str(path)).close()
    holder = textwrap.dedent(
        f"""
        import duckdb, sys, time
        con = duckdb.connect({str(path)!r})
        print("ready", flush=True)
        sys.stdin.readline()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        with pytest.raises(WarehouseError, match=str(path.name)):
            connect(path)
    finally:
        proc.communicate("\n", timeout=30)
