"""Load: write one run into the DuckDB warehouse, in one transaction.

Clean tables, `outcome_changes` and `quarantine` describe the current raw data and are replaced on
every run, so a re-run on the same input gives the same tables. `runs`, `run_files` and
`findings` are history: each run appends to them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from carryover.validate import FileStats, Validation
from carryover.views import create_views

HISTORY_DDL = """
create table if not exists runs (
    run_id varchar primary key,
    started_at timestamptz not null,
    finished_at timestamptz not null,
    status varchar not null,
    raw_dir varchar not null,
    rows_total bigint not null,
    rows_loaded bigint not null,
    rows_quarantined bigint not null,
    errors bigint not null,
    warnings bigint not null
);
create table if not exists run_files (
    run_id varchar not null,
    table_name varchar not null,
    source_file varchar not null,
    sha256 varchar,
    data_rows bigint not null,
    loaded_rows bigint not null,
    quarantined_rows bigint not null
);
create table if not exists findings (
    run_id varchar not null,
    severity varchar not null,
    rule varchar not null,
    quarantines boolean not null,
    table_name varchar not null,
    source_file varchar not null,
    source_line bigint,
    column_name varchar,
    value varchar,
    message varchar not null
);
"""


class WarehouseError(Exception):
    """The warehouse file cannot be opened or written (locked, not a database, no permission)."""


@dataclass(frozen=True)
class RunRecord:
    """The facts about a run that go into `runs`."""

    run_id: str
    started_at: dt.datetime
    finished_at: dt.datetime
    status: str
    raw_dir: str


def connect(path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, turning DuckDB's errors into one clear WarehouseError."""
    try:
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(str(path), read_only=read_only)
    except (duckdb.Error, OSError) as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise WarehouseError(f"cannot open the warehouse {path}: {first_line}") from exc


def public_columns(frame: pl.DataFrame) -> pl.DataFrame:
    """Drop helper columns (those starting with '_') before a frame is stored."""
    return frame.select([c for c in frame.columns if not c.startswith("_")])


def _files_frame(run_id: str, files: list[FileStats]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "run_id": [run_id] * len(files),
            "table_name": [f.table_name for f in files],
            "source_file": [f.source_file for f in files],
            "sha256": [f.sha256 for f in files],
            "data_rows": [f.data_rows for f in files],
            "loaded_rows": [f.loaded_rows for f in files],
            "quarantined_rows": [f.quarantined_rows for f in files],
        },
        schema={
            "run_id": pl.String,
            "table_name": pl.String,
            "source_file": pl.String,
            "sha256": pl.String,
            "data_rows": pl.Int64,
            "loaded_rows": pl.Int64,
            "quarantined_rows": pl.Int64,
        },
    )


def load(
    path: Path,
    run: RunRecord,
    validation: Validation,
    derived: Mapping[str, pl.DataFrame],
) -> None:
    """Write one run: replace the current tables, append the history, all or nothing."""
    con = connect(path)
    try:
        con.execute("begin transaction")
        con.execute(HISTORY_DDL)
        for name, frame in {**validation.clean, **derived}.items():
            _replace(con, name, public_columns(frame))
        quarantine = validation.quarantine.select(pl.lit(run.run_id).alias("run_id"), pl.all())
        _replace(con, "quarantine", quarantine)
        create_views(con)
        _append(
            con,
            "findings",
            validation.findings.select(pl.lit(run.run_id).alias("run_id"), pl.all()),
        )
        _append(con, "run_files", _files_frame(run.run_id, validation.files))
        total = sum(f.data_rows for f in validation.files)
        loaded = sum(f.loaded_rows for f in validation.files)
        con.execute(
            "insert into runs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                run.run_id,
                run.started_at,
                run.finished_at,
                run.status,
                run.raw_dir,
                total,
                loaded,
                total - loaded,
                validation.errors,
                validation.warnings,
            ],
        )
        con.execute("commit")
    except duckdb.Error as exc:
        con.execute("rollback")
        raise WarehouseError(f"could not write the warehouse {path}: {exc}") from exc
    finally:
        con.close()


def _replace(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    view = f"_incoming_{table}"
    con.register(view, frame)
    try:
        con.execute(f'create or replace table "{table}" as select * from "{view}"')
    finally:
        con.unregister(view)


def _append(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    view = f"_incoming_{table}"
    con.register(view, frame)
    try:
        con.execute(f'insert into "{table}" by name select * from "{view}"')
    finally:
        con.unregister(view)
