import contextlib
import datetime as dt
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from carryover.core.errors import WarehouseError
from carryover.steps import transform_all
from carryover.warehouse import build as warehouse
from carryover.warehouse.build import (
    RunRecord,
    connect,
    load,
    next_file,
    recent_runs,
)
from tests.support import valid_texts, validate_texts

pytestmark = pytest.mark.slow  # starts other processes


@contextlib.contextmanager
def held_read_write(path: Path) -> Iterator[None]:
    """Another process holds the DuckDB file open read-write until the block ends."""
    holder = textwrap.dedent(
        f"""
        import duckdb, sys
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
        yield
    finally:
        proc.communicate("\n", timeout=30)


def _run(run_id: str) -> RunRecord:
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return RunRecord(run_id, now, now, "ok", "/raw")


def test_a_warehouse_locked_by_another_process_is_a_clear_error(tmp_path: Path) -> None:
    """DuckDB's lock held by another process becomes a WarehouseError naming the file."""
    path = tmp_path / "w.duckdb"
    duckdb.connect(str(path)).close()
    with held_read_write(path), pytest.raises(WarehouseError, match=str(path.name)):
        connect(path)


def test_a_reader_left_open_keeps_its_run_and_never_blocks_a_load(tmp_path: Path) -> None:
    """A read-only session in another process, open across a load, sees the run it opened."""
    path = tmp_path / "w.duckdb"
    validation = validate_texts(valid_texts())
    load(path, _run("r1"), validation, transform_all(validation))
    reader = textwrap.dedent(
        f"""
        import duckdb, sys
        con = duckdb.connect({str(path)!r}, read_only=True)
        def runs():
            return [r[0] for r in con.sql("select run_id from runs order by run_id").fetchall()]
        print(runs(), flush=True)
        sys.stdin.readline()
        print(runs(), con.sql("select count(*) from outcomes").fetchall()[0][0], flush=True)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", reader], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "['r1']"
        load(path, _run("r2"), validation, transform_all(validation))
        out, _ = proc.communicate("\n", timeout=30)
    finally:
        proc.kill()
    assert out.strip() == "['r1'] 4"
    con = duckdb.connect(str(path), read_only=True)
    assert con.sql("select run_id from runs order by run_id").fetchall() == [("r1",), ("r2",)]
    con.close()
    assert not next_file(path).exists()


def test_a_warehouse_held_read_write_elsewhere_fails_the_load_in_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-write session (not read-only) blocks the history copy: a clear error, no damage."""
    monkeypatch.setattr(warehouse, "ATTACH_WAIT_SECONDS", 0.3)
    path = tmp_path / "w.duckdb"
    validation = validate_texts(valid_texts())
    load(path, _run("r1"), validation, transform_all(validation))
    with (
        held_read_write(path),
        pytest.raises(WarehouseError, match="open read-write in another process"),
    ):
        load(path, _run("r2"), validation, transform_all(validation))
    assert recent_runs(path)["run_id"].to_list() == ["r1"]
