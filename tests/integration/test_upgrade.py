"""A warehouse of the previous shape (before contrasts, statistics and the new columns) upgrades.

tests/data/previous-warehouse.duckdb.gz was written by main's code at commit c4e5591 (after the
restructure, before the study-data tables; its warehouse has the same tables and columns as the
code before the restructure) on its bundled raw/: two runs, `old-run-1` and `old-run-2`, through its
own `carryover.warehouse.build.load`. The first run of the current code on it must rebuild every
current table in the new shape, document it, and carry the history over untouched.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import duckdb
import pytest

from carryover.core.config import PROJECT_ROOT
from flows.pipeline import carryover_pipeline
from tests.support import DATA

pytestmark = pytest.mark.slow

PREVIOUS = DATA / "previous-warehouse.duckdb.gz"


def _history(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            "runs": con.sql("select * from runs order by run_id").fetchall(),
            "findings": con.sql(
                "select * from findings order by run_id, source_file, source_line, rule, message"
            ).fetchall(),
            "run_files": con.sql("select * from run_files order by run_id, source_file").fetchall(),
        }
    finally:
        con.close()


def test_first_run_after_an_upgrade_rebuilds_and_keeps_the_history(tmp_path: Path) -> None:
    """The old file's runs, findings and file history survive; new tables and columns appear."""
    warehouse = tmp_path / "w.duckdb"
    with gzip.open(PREVIOUS, "rb") as src, warehouse.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    before = _history(warehouse)
    old = duckdb.connect(str(warehouse), read_only=True)
    old_tables = {r[0] for r in old.sql("select table_name from duckdb_tables()").fetchall()}
    old.close()
    assert "contrasts" not in old_tables
    assert [r[0] for r in before["runs"]] == ["old-run-1", "old-run-2"]

    summary = carryover_pipeline(
        raw_dir=PROJECT_ROOT / "raw",
        warehouse=warehouse,
        report_dir=tmp_path / "reports",
        fail_on="never",
    )
    assert summary.exit_code == 1  # the bundled data holds planted and real errors

    after = _history(warehouse)
    for table in ("runs", "findings", "run_files"):
        old_rows = [r for r in after[table] if str(r[0]).startswith("old-run-")]
        assert old_rows == before[table], table
    assert len(after["runs"]) == 3

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = {r[0] for r in con.sql("select table_name from duckdb_tables()").fetchall()}
        assert {"contrasts", "statistics", "statistic_checks"} <= tables
        groups_columns = {
            r[0]
            for r in con.sql(
                "select column_name from duckdb_columns() where table_name = 'groups'"
            ).fetchall()
        }
        assert {"n_randomized", "sex", "age_mean", "age_sd", "training_status"} <= groups_columns
        undocumented = con.sql(
            "select table_name, column_name from duckdb_columns() "
            "where database_name = current_database() and (comment is null or comment = '')"
        ).fetchall()
        assert undocumented == []
        assert con.sql(
            "select count(*) from duckdb_tables() "
            "where database_name = current_database() and (comment is null or comment = '')"
        ).fetchall() == [(0,)]
        new_findings = dict(
            con.sql(
                "select rule, count(*) from findings where run_id = ? group by rule",
                params=[summary.run_id],
            ).fetchall()
        )
        assert new_findings["p_inconsistent"] == 1
        assert new_findings["study_caution"] == 3  # barbalho_2020, enes_2024, nigro_2020
        assert (
            con.sql("select status, p_implied from statistic_checks where p = 0.0004").fetchall()[
                0
            ][0]
            == "inconsistent"
        )
        assert con.sql("select count(*) from carryover_matrix").fetchall()[0][0] > 0
    finally:
        con.close()
