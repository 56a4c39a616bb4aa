"""Letting go of each stage's frames early: the same warehouse and the same results for reuse.

A run that lets go of each stage's frames as soon as the next no longer needs them writes the
same warehouse, row for row, and the same results for reuse, as one that holds them all.
"""

import datetime as dt
from pathlib import Path

import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from carryover.analytics.effects import Analytics
from carryover.core.config import PROJECT_ROOT
from carryover.core.errors import WarehouseError
from carryover.core.parts import Parts, Table
from carryover.steps import Checked, run_steps, validate_tables
from carryover.validate import reuse as incremental
from carryover.validate.validation import Validation, combine
from carryover.warehouse.build import RunRecord, load
from carryover.warehouse.schema import HISTORY_TABLES

RAW = PROJECT_ROOT / "raw"


def _run(run_id: str) -> RunRecord:
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return RunRecord(run_id, now, now, "errors", "/raw")


def _derived(validation: Validation, rows: int) -> dict[str, Table]:
    """The run's derived tables, the analytics in parts of about `rows` outcomes."""
    clean = validation.clean
    analytics = Analytics(
        clean["studies"],
        clean["groups"],
        clean["outcomes"],
        validation.derived["outcome_changes"],
        clean["exercises"],
        rows,
    )
    return {**validation.derived, **analytics.tables()}


def _contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table of a warehouse in its stored order (history without the run's times)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [r[0] for r in con.sql("select table_name from duckdb_tables()").fetchall()]
        return {
            name: con.sql(
                f'select * exclude (started_at, finished_at, duration_seconds) from "{name}"'
                if name == "runs"
                else f'select * from "{name}"'
            ).fetchall()
            for name in sorted(names)
            if name != "carryover_format"  # when the file was marked
        }
    finally:
        con.close()


def _checked(warehouse: Path) -> Checked:
    return run_steps(RAW, warehouse=warehouse, full=True)


@pytest.mark.parametrize("rows", [7, 10_000])
def test_a_load_that_lets_go_of_each_table_writes_the_same_warehouse(
    tmp_path: Path, rows: int
) -> None:
    """Every table, row for row and in its stored order, with the analytics in parts or whole."""
    kept = _checked(tmp_path / "kept.duckdb").validation
    load(tmp_path / "kept.duckdb", _run("r1"), kept, _derived(kept, rows))
    released = _checked(tmp_path / "released.duckdb").validation
    derived = _derived(released, rows)
    load(tmp_path / "released.duckdb", _run("r1"), released, derived, release=True)
    assert _contents(tmp_path / "released.duckdb") == _contents(tmp_path / "kept.duckdb")
    assert released.released
    assert not kept.released
    assert not released.clean  # each table let go once stored
    assert not released.derived
    assert not derived
    assert kept.clean
    assert released.findings.height == kept.findings.height > 0
    assert_frame_equal(released.quarantine, kept.quarantine)


def test_tables_that_were_let_go_are_never_loaded_again(tmp_path: Path) -> None:
    """A second load of a released validation (a retry) fails; it does not write a part of it."""
    path = tmp_path / "w.duckdb"
    validation = _checked(path).validation
    derived = _derived(validation, 7)
    load(path, _run("r1"), validation, dict(derived), release=True)
    before = _contents(path)
    with pytest.raises(WarehouseError, match="let go"):
        load(path, _run("r2"), validation, derived, release=True)
    assert _contents(path) == before
    assert set(before) >= set(HISTORY_TABLES)


def test_a_retry_after_a_failed_released_load_reports_the_real_cause(tmp_path: Path) -> None:
    """The first attempt's error (a full disk), not only 'let go', reaches the user."""
    path = tmp_path / "w.duckdb"
    validation = _checked(path).validation
    derived = _derived(validation, 7)

    def disk_full() -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(WarehouseError, match="No space left on device"):
        load(path, _run("r1"), validation, dict(derived), before_rename=disk_full, release=True)
    with pytest.raises(WarehouseError, match=r"No space left on device.*let go"):
        load(path, _run("r1"), validation, derived, release=True)
    assert not path.exists()


def test_pooling_works_after_the_carryover_rows_let_go_of_their_inputs(tmp_path: Path) -> None:
    """Once stored, the carryover parts cannot be computed again; the pooled table is unchanged."""
    validation = _checked(tmp_path / "w.duckdb").validation
    tables, whole = _derived(validation, 7), _derived(validation, 7)
    carryover, pooled = tables["carryover"], tables["carryover_pooled"]
    assert isinstance(carryover, Parts)
    assert isinstance(pooled, Parts)
    parts = list(carryover)
    carryover.stored()
    expected = {name: table for name, table in whole.items() if isinstance(table, Parts)}
    assert len(parts) > 1
    assert_frame_equal(pl.concat(parts), expected["carryover"].collect())
    assert_frame_equal(pooled.collect(), expected["carryover_pooled"].collect())
    with pytest.raises(RuntimeError, match="let go"):
        list(carryover)


def test_combine_lets_go_of_the_text_once_typed_and_gives_the_same_validation() -> None:
    """The same clean tables, findings, quarantine and derived tables; the text is gone."""
    from schemas import TABLES
    from tests.support import FAULTY, extract_texts

    texts = {spec.name: (FAULTY / spec.file_name).read_bytes() for spec in TABLES}
    results, typed = validate_tables(extract_texts(texts), 2026)
    kept = combine(dict(results), (), typed)
    released = combine(results, (), typed, let_go=True)
    for name, frame in kept.clean.items():
        assert_frame_equal(released.clean[name], frame)
    for name, frame in kept.derived.items():
        assert_frame_equal(released.derived[name], frame)
    assert_frame_equal(released.findings, kept.findings)
    assert_frame_equal(released.quarantine, kept.quarantine)
    assert released.files == kept.files
    assert released.tables == {}
    assert kept.tables
    assert all(r.clean_text.is_empty() for r in results.values())
    assert any(not r.clean_text.is_empty() for r in kept.tables.values())


def test_a_run_writes_its_results_for_reuse_before_it_lets_go_of_them(tmp_path: Path) -> None:
    """run_steps with a warehouse stages every table's result, an entry only once committed.

    Committed, the results are those a full validation keeps.
    """
    warehouse = tmp_path / "w.duckdb"
    checked = _checked(warehouse)
    assert checked.staged is not None
    assert checked.validation.tables == {}
    keys = incremental.raw_keys(RAW)
    assert incremental.lookup(warehouse, keys) == {}
    checked.staged.commit()
    found = incremental.lookup(warehouse, keys)
    full = run_steps(RAW).validation.tables
    assert set(found) == set(full)
    for name, result in full.items():
        assert_frame_equal(found[name].clean_text, result.clean_text)
        assert_frame_equal(found[name].quarantine, result.quarantine)
        assert_frame_equal(found[name].findings, result.findings)
        assert found[name].files == result.files


def test_the_report_reads_only_the_carryover_columns_its_forest_plots_draw(tmp_path: Path) -> None:
    """The forest plots from the columns read are those from the whole table."""
    from carryover.report import plots
    from carryover.report.model import READ_COLUMNS, load_report_data

    path = tmp_path / "w.duckdb"
    validation = _checked(path).validation
    load(path, _run("r1"), validation, _derived(validation, 7), release=True)
    data = load_report_data(path)
    with duckdb.connect(str(path), read_only=True) as con:
        whole = con.sql("select * from carryover").pl()
    assert data.carryover is not None
    assert data.carryover_pooled is not None
    assert data.carryover.columns == list(READ_COLUMNS["carryover"])
    assert data.carryover.height == whole.height > 0
    for metric in ("g", "change_pct"):
        drawn = plots.forest_plot(data.carryover, data.carryover_pooled, metric)
        assert drawn is not None
        assert drawn == plots.forest_plot(whole, data.carryover_pooled, metric)
