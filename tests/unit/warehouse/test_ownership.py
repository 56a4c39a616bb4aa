"""A run replaces only carryover's own warehouses: a user's DuckDB file is refused, left whole."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from carryover.core.errors import WarehouseError
from carryover.steps import transform_all
from carryover.warehouse.build import RunRecord, check_usable, load
from carryover.warehouse.ownership import FORMAT, MARKER_TABLE
from tests.support import VALID, valid_texts, validate_texts


def _run(run_id: str) -> RunRecord:
    now = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    return RunRecord(run_id, now, now, "ok", "raw")


def _customers(path: Path) -> str:
    con = duckdb.connect(str(path))
    con.execute("create table customers as select 1 as id, 'Ada' as name")
    con.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _load(path: Path, run_id: str = "r1") -> None:
    validation = validate_texts(valid_texts())
    load(path, _run(run_id), validation, transform_all(validation))


def test_a_foreign_database_is_refused_and_left_whole(tmp_path: Path) -> None:
    """A file holding a user's `customers` table: WarehouseError naming it, same bytes after."""
    path = tmp_path / "w.duckdb"
    digest = _customers(path)
    with pytest.raises(WarehouseError, match="carryover did not create") as caught:
        check_usable(path)
    assert "'customers'" in str(caught.value)
    with pytest.raises(WarehouseError, match="carryover did not create"):
        _load(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert not (tmp_path / "w.duckdb.next").exists()


@pytest.mark.slow
def test_run_on_a_foreign_database_exits_2_in_one_line(tmp_path: Path) -> None:
    """The real command: exit 2, one line on stderr, the user's table still there."""
    path = tmp_path / "w.duckdb"
    _customers(path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CARRYOVER_"))}
    done = subprocess.run(
        [sys.executable, "-c", "from carryover.cli.app import main; main()", "run", "--raw",
         str(VALID), "--warehouse", str(path), "--report-dir", str(tmp_path / "reports")],
        capture_output=True, text=True, timeout=300, check=False,
        env={**env, "PREFECT_HOME": str(tmp_path / "prefect")},
    )  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "carryover did not create" in done.stderr
    con = duckdb.connect(str(path), read_only=True)
    assert con.sql("select name from customers").fetchall() == [("Ada",)]
    con.close()


def test_a_built_warehouse_is_marked_and_rebuilt(tmp_path: Path) -> None:
    """Each run's file names its format; the next run accepts it and carries the history."""
    path = tmp_path / "w.duckdb"
    _load(path, "r1")
    _load(path, "r2")
    con = duckdb.connect(str(path), read_only=True)
    assert con.sql(f"select format from {MARKER_TABLE}").fetchall() == [(FORMAT,)]
    assert con.sql("select count(*) from runs").fetchall() == [(2,)]
    con.close()


def test_an_older_warehouse_without_the_mark_is_still_carryovers(tmp_path: Path) -> None:
    """A warehouse written before the mark (only tables a run writes) is rebuilt as before."""
    path = tmp_path / "w.duckdb"
    _load(path, "r1")
    con = duckdb.connect(str(path))
    con.execute(f"drop table {MARKER_TABLE}")
    con.close()
    check_usable(path)
    _load(path, "r2")


def test_an_empty_database_is_replaced(tmp_path: Path) -> None:
    """A DuckDB file with no table or view has nothing to lose."""
    path = tmp_path / "w.duckdb"
    duckdb.connect(str(path)).close()
    check_usable(path)
    _load(path)


def test_a_mark_naming_another_format_is_refused(tmp_path: Path) -> None:
    """A table that happens to be called like the mark is not enough."""
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute(f"create table {MARKER_TABLE} as select 'mine' as format")
    con.close()
    with pytest.raises(WarehouseError, match="does not name a carryover format"):
        check_usable(path)
