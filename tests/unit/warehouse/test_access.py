"""carryover/warehouse/access.py: the one read-only opener."""

from pathlib import Path

import duckdb
import pytest

from carryover.core.errors import WarehouseMissing
from carryover.warehouse.access import open_read_only, read_only


def test_a_missing_warehouse_says_how_to_build_one(tmp_path: Path) -> None:
    """No file: one sentence naming `carryover run`, and no file is created."""
    path = tmp_path / "none.duckdb"
    with pytest.raises(WarehouseMissing, match=r"there is no warehouse at .*carryover run"):
        open_read_only(path)
    assert not path.exists()


def test_a_file_that_is_not_a_database_is_one_sentence(tmp_path: Path) -> None:
    """Not a DuckDB file: 'cannot open the warehouse ... read-only', DuckDB's first line."""
    path = tmp_path / "w.duckdb"
    path.write_text("not a database")
    with pytest.raises(WarehouseMissing, match=r"cannot open the warehouse .* read-only: "):
        open_read_only(path)


def test_the_warehouse_opens_read_only(tmp_path: Path) -> None:
    """Queries run; writes are refused by DuckDB itself."""
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create table t as select 1 as x")
    with read_only(path) as con:
        assert con.sql("select x from t").fetchall() == [(1,)]
        with pytest.raises(duckdb.Error, match="read-only"):
            con.execute("insert into t values (2)")
