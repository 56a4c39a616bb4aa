"""The warehouse opens in a DuckDB 1.x client: the duckdb CLI 1.5.6 (requirements-dev.lock).

DuckDB 2.0 writes storage version 69 by default, which 1.x clients refuse; the warehouse is
written in the v1.4.0 format instead. The README's command is run as written.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from carryover.steps import check, transform_all
from carryover.warehouse.build import RunRecord, load

ROOT = Path(__file__).resolve().parents[2]
DUCKDB_CLI = Path(sys.executable).with_name("duckdb")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two runs of the bundled data (the second carries the first's history over)."""
    path = tmp_path_factory.mktemp("wh") / "warehouse" / "carryover.duckdb"
    checked = check(ROOT / "raw")
    for day in (1, 2):
        run = RunRecord(f"{day}" * 36, dt.datetime(2026, 1, day, tzinfo=dt.UTC), None, "ok", "raw")
        load(path, run, checked.validation, transform_all(checked.validation))
    return path


def _cli(warehouse: Path, sql: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(DUCKDB_CLI), "warehouse/carryover.duckdb", "-readonly", "-csv", "-c", sql],
        cwd=warehouse.parent.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_cli_is_a_1x_client() -> None:
    """The client under test is DuckDB 1.5.6, not the 2.0 library."""
    version = subprocess.run(
        [str(DUCKDB_CLI), "--version"], capture_output=True, text=True, timeout=60, check=True
    )
    assert version.stdout.startswith("v1.5.6")


def test_duckdb_1x_reads_every_table_and_view_of_the_warehouse(warehouse: Path) -> None:
    """The README's `duckdb warehouse/carryover.duckdb -readonly` answers as DuckDB 2 does."""
    result = subprocess.run(
        [str(DUCKDB_CLI), "warehouse/carryover.duckdb", "-readonly", "-c",
         "select count(*) from outcomes"],
        cwd=warehouse.parent.parent, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "version number" not in result.stderr
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        names = [r[0] for r in con.sql("select table_name from duckdb_tables()").fetchall()]
        names += [
            r[0]
            for r in con.sql("select view_name from duckdb_views() where not internal").fetchall()
        ]
        expected = {n: con.sql(f'select count(*) from "{n}"').fetchall()[0][0] for n in names}
    finally:
        con.close()
    assert {"outcomes", "runs", "findings", "carryover_matrix"} <= set(expected)
    assert expected["runs"] == 2
    assert str(expected["outcomes"]) in result.stdout
    for name, count in expected.items():
        answer = _cli(warehouse, f'select count(*) as n from "{name}"')
        assert answer.returncode == 0, (name, answer.stderr)
        assert answer.stdout.split() == ["n", str(count)], name
    comments = _cli(warehouse, "select comment from duckdb_tables() where table_name = 'outcomes'")
    assert comments.returncode == 0
    assert "one row per" in comments.stdout.lower()


def test_the_default_duckdb_2_format_is_what_1x_refuses(tmp_path: Path) -> None:
    """Without the storage-version option a 1.x client cannot open the file (why it is set)."""
    path = tmp_path / "warehouse" / "carryover.duckdb"
    path.parent.mkdir()
    con = duckdb.connect(str(path))
    con.execute("create table outcomes as select 1 as x")
    con.close()
    result = _cli(path, "select count(*) from outcomes")
    assert result.returncode != 0
    assert "version number" in result.stderr
