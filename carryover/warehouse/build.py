"""Load: build each run's warehouse beside the current one, then swap it in atomically.

Clean tables, `outcome_changes` and `quarantine` describe the current raw data and are replaced on
every run, so a re-run on the same input gives the same tables. `runs`, `run_files` and
`findings` are history: each run carries them over from the current warehouse and appends to them.

A run never opens the current warehouse read-write. `build` writes a complete new file
(`<warehouse>.next`), committed and checkpointed table by table, reading the history from the
current file through a read-only ATTACH, which DuckDB shares with any other reader; `swap` then
renames the new file over the current one. A reader that opened the warehouse before the swap
keeps the file it opened (a complete earlier run); one that opens it after sees the new run. A
crash before the rename leaves the current warehouse untouched, and the rename itself is atomic.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from carryover.core.counts import count_expr
from carryover.core.errors import WarehouseError, first_line
from carryover.core.parts import Table
from carryover.validate.validation import FileStats, Validation
from carryover.warehouse.access import ATTACH_WAIT_SECONDS, read_only, waiting
from carryover.warehouse.ownership import foreign_reason, mark, refusal
from carryover.warehouse.schema import HISTORY_DDL, HISTORY_TABLES, create_views

STORAGE_VERSION = "v1.4.0"
"""The storage format the warehouse is written in: DuckDB 2.0 writes version 69 by default, which
no 1.x client (the duckdb CLI 1.5.6, BI tools, R, older Python) can open; v1.4.0 they all can."""
NEW = "new_warehouse"
"""The name the file being built is attached under (it is opened under its own name later)."""


@dataclass(frozen=True)
class RunRecord:
    """The facts about a run that go into `runs`.

    A run that completes has its counts from its validation; a failed or killed run, recorded by
    the next run, has the stage it reached and why it stopped instead.
    """

    run_id: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str
    raw_dir: str
    stage: str | None = None
    message: str | None = None


def next_file(path: Path) -> Path:
    """Where a run builds the warehouse that replaces `path`."""
    return path.with_name(path.name + ".next")


def spill_dir(path: Path) -> Path:
    """Where DuckDB may spill what does not fit in BUILD_MEMORY while it builds `path`."""
    return path.with_name(path.name + ".tmp")


BUILD_MEMORY = "64MB"
"""DuckDB's memory limit while it builds a warehouse. The tables written so far are checkpointed
to the file, so DuckDB can drop them from its cache instead of keeping every table it wrote (by
default it may use 80% of the machine's memory, and keeps them). It keeps what it wrote cached up
to this limit: 64 MB instead of 256 MB lowered a 500,000-row run's peak by about 100 MiB for the
same CPU time (benchmarks/README.md)."""


def wal_file(path: Path) -> Path:
    """DuckDB's write-ahead log of a database file."""
    return path.with_name(path.name + ".wal")


def connect(path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file, turning DuckDB's errors into one clear WarehouseError."""
    try:
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(str(path), read_only=read_only)
    except (duckdb.Error, OSError) as exc:
        raise WarehouseError(f"cannot open the warehouse {path}: {first_line(exc)}") from exc


def create_readable(path: Path) -> duckdb.DuckDBPyConnection:
    """A connection whose default database is a new file at `path`, in STORAGE_VERSION.

    The file is attached to an in-memory session with DuckDB's storage-version option (a file
    opened with connect() would be written in the newest format), and made the default, so that
    unqualified names create and read its tables.
    """
    literal = "'" + str(path).replace("'", "''") + "'"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect()
        con.execute(f"attach {literal} as {NEW} (storage_version '{STORAGE_VERSION}')")
        con.execute(f"use {NEW}")
    except (duckdb.Error, OSError) as exc:
        raise WarehouseError(f"cannot create the warehouse {path}: {first_line(exc)}") from exc
    return con


def check_usable(path: Path) -> None:
    """Fail early if a run could not write `path`: its directory, or a file that is not DuckDB.

    The current file is only opened read-only, as a run reads it, so open readers do not matter.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WarehouseError(f"cannot create the warehouse directory {path.parent}: {exc}") from exc
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise WarehouseError(f"the warehouse directory {path.parent} is not writable")
    if path.exists():
        with read_only(path) as con:
            _refuse_foreign(con, path)


def _refuse_foreign(
    con: duckdb.DuckDBPyConnection, path: Path, database: str | None = None
) -> None:
    """Raise WarehouseError unless the (attached) database is a carryover warehouse."""
    if database is None:
        (row,) = con.execute("select current_database()").fetchall()
        database = str(row[0])
    reason = foreign_reason(con, database)
    if reason is not None:
        raise WarehouseError(refusal(path, reason))


def public_columns(frame: pl.DataFrame) -> pl.DataFrame:
    """Drop helper columns (those starting with '_') before a frame is stored."""
    return frame.select([c for c in frame.columns if not c.startswith("_")])


def _files_frame(run_id: str, validation: Validation) -> pl.DataFrame:
    files: list[FileStats] = validation.files
    counts = validation.findings.group_by("source_file").agg(
        count_expr("error"), count_expr("warning")
    )
    frame = pl.DataFrame(
        {
            "run_id": [run_id] * len(files),
            "table_name": [f.table_name for f in files],
            "source_file": [f.source_file for f in files],
            "sha256": [f.sha256 for f in files],
            "data_rows": [f.data_rows for f in files],
            "loaded_rows": [f.loaded_rows for f in files],
            "quarantined_rows": [f.quarantined_rows for f in files],
            "reused": [f.table_name in validation.reused for f in files],
        },
        schema={
            "run_id": pl.String,
            "table_name": pl.String,
            "source_file": pl.String,
            "sha256": pl.String,
            "data_rows": pl.Int64,
            "loaded_rows": pl.Int64,
            "quarantined_rows": pl.Int64,
            "reused": pl.Boolean,
        },
    )
    return frame.join(counts, on="source_file", how="left", maintain_order="left").with_columns(
        pl.col("errors", "warnings").fill_null(0).cast(pl.Int64)
    )


def write_run(
    con: duckdb.DuckDBPyConnection,
    run: RunRecord,
    validation: Validation,
    derived: Mapping[str, Table],
    stored: Callable[[], None] = lambda: None,
    *,
    release: bool = False,
) -> None:
    """Write one run through `con` (a new warehouse): its current tables and its history rows.

    `stored` is called after each current table is written, and after each part of one given as
    `Parts` (the build commits and checkpoints there, so that DuckDB writes out what it was given
    instead of holding it in memory until the end: uncommitted appended parts stay in memory). A
    table given as `Parts` is created from its first part and appended to from the others, one
    at a time.

    With `release`, each table is let go as it is stored: taken out of the validation's `clean`
    and `derived` and out of `derived` (when it is a dict), so that its frame is freed once
    nothing else holds it (the analytics keep the columns they read until their last part) and
    the tables written later are computed with less memory held. The validation is marked
    `released`: its tables cannot be loaded again.
    """
    tables = {**validation.clean, **derived}
    if release:
        validation.released = True
    for name in list(tables):
        table = tables.pop(name)
        if release:
            validation.clean.pop(name, None)
            validation.derived.pop(name, None)
            if isinstance(derived, dict):
                derived.pop(name, None)
        if isinstance(table, pl.DataFrame):
            _replace(con, name, public_columns(table))
        else:
            for number, part in enumerate(table):
                if number:
                    stored()
                (_append if number else _replace)(con, name, public_columns(part))
                del part
            if release:
                table.stored()
        del table
        stored()
    quarantine = validation.quarantine.select(pl.lit(run.run_id).alias("run_id"), pl.all())
    _replace(con, "quarantine", quarantine)
    _append(
        con, "findings", validation.findings.select(pl.lit(run.run_id).alias("run_id"), pl.all())
    )
    _append(con, "run_files", _files_frame(run.run_id, validation))
    total = sum(f.data_rows for f in validation.files)
    loaded = sum(f.loaded_rows for f in validation.files)
    finished = run.finished_at or dt.datetime.now(dt.UTC)
    con.execute(
        "insert into runs by name select ? as run_id, ? as started_at, ? as finished_at, "
        "? as status, ? as raw_dir, ? as rows_total, ? as rows_loaded, ? as rows_quarantined, "
        "? as errors, ? as warnings, ? as duration_seconds, ? as files_reused",
        [
            run.run_id,
            run.started_at,
            finished,
            run.status,
            run.raw_dir,
            total,
            loaded,
            total - loaded,
            validation.errors,
            validation.warnings,
            (finished - run.started_at).total_seconds(),
            len(validation.reused),
        ],
    )
    create_views(con)


def record_stopped(con: duckdb.DuckDBPyConnection, runs: Sequence[RunRecord]) -> None:
    """Record earlier runs that failed or were killed (unless `runs` already has them)."""
    known = {r[0] for r in con.sql("select run_id from runs").fetchall()}
    for run in runs:
        if run.run_id in known:
            if run.stage == "report" and run.status == "failed":  # landed, then its report failed
                con.execute(
                    "update runs set status = ?, stage = ?, message = ? where run_id = ?",
                    [
                        run.status,
                        run.stage,
                        f"its tables were loaded, then it stopped writing the report: "
                        f"{run.message or 'no message'}",
                        run.run_id,
                    ],
                )
            continue
        duration = (run.finished_at - run.started_at).total_seconds() if run.finished_at else None
        con.execute(
            "insert into runs by name select ? as run_id, ? as started_at, ? as finished_at, "
            "? as status, ? as raw_dir, ? as duration_seconds, ? as stage, ? as message",
            [
                run.run_id,
                run.started_at,
                run.finished_at,
                run.status,
                run.raw_dir,
                duration,
                run.stage,
                run.message,
            ],
        )
        known.add(run.run_id)


def _attach_previous(con: duckdb.DuckDBPyConnection, previous: Path) -> None:
    """Attach the current warehouse read-only as `previous` (shared with every other reader).

    A read-write session elsewhere blocks it: wait a while, then name it in the error.
    """
    literal = "'" + str(previous).replace("'", "''") + "'"
    waiting(
        previous,
        lambda: con.execute(f"attach {literal} as previous (read_only)"),
        ATTACH_WAIT_SECONDS,
    )


def _carry_history(con: duckdb.DuckDBPyConnection) -> None:
    """Copy the history tables of the attached current warehouse into the new one, streaming."""
    present = {
        r[0]
        for r in con.execute(
            "select table_name from duckdb_tables() where database_name = 'previous'"
        ).fetchall()
    }
    for table in HISTORY_TABLES:
        if table in present:
            con.execute(f'insert into "{table}" by name select * from previous."{table}"')


def _write_new(
    con: duckdb.DuckDBPyConnection,
    new_file: Path,
    run: RunRecord,
    validation: Validation,
    derived: Mapping[str, Table],
    previous: Path | None,
    stopped: Sequence[RunRecord],
    release: bool = False,
) -> None:
    """Fill the new warehouse, checkpointing after each current table (see build)."""
    carry = previous is not None and previous.exists()
    if carry:
        assert previous is not None
        _attach_previous(con, previous)
        _refuse_foreign(con, previous, "previous")
    con.execute("begin transaction")
    try:
        con.execute(HISTORY_DDL)
        mark(con)
        if carry:
            _carry_history(con)
        record_stopped(con, stopped)
        write_run(con, run, validation, derived, lambda: _checkpoint(con), release=release)
        con.execute("commit")
    except duckdb.Error:
        with contextlib.suppress(duckdb.Error):  # an aborted transaction may refuse rollback
            con.execute("rollback")
        raise
    if carry:
        con.execute("detach previous")
    con.execute(f"checkpoint {NEW}")
    con.execute("use memory")
    con.execute(f"detach {NEW}")


def _checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    """Commit what the new warehouse holds so far, write it to its file, begin a new transaction.

    The file is not the warehouse until it is swapped in, and a build that fails is
    deleted, so committing part of it early changes nothing a reader can see; it lets DuckDB
    write each table out and free its memory instead of holding every table until the end.
    """
    con.execute("commit")
    con.execute(f"checkpoint {NEW}")
    con.execute("begin transaction")


def build(
    new_file: Path,
    run: RunRecord,
    validation: Validation,
    derived: Mapping[str, Table],
    *,
    previous: Path | None = None,
    stopped: Sequence[RunRecord] = (),
    release: bool = False,
) -> None:
    """Write a complete warehouse into `new_file`: this run's tables, plus the carried history.

    `previous` is the current warehouse (history is read from it, read-only); `stopped` are
    earlier failed or killed runs to record; `release`: see write_run (a validation already
    released is refused). Each current table is committed and checkpointed as
    it is written (the file is only the warehouse once swapped in; a failed build is deleted),
    and the file is checkpointed at the end, so that once this returns it is whole on its own,
    with no write-ahead log.
    """
    if validation.released:  # its tables were let go by a load that did not land
        earlier = validation.release_failure or f"cannot write the warehouse {new_file}"
        raise WarehouseError(
            f"{earlier} (this run's tables were let go while that attempt stored them: run again)"
        )
    for leftover in (new_file, wal_file(new_file)):
        leftover.unlink(missing_ok=True)
    con = create_readable(new_file)
    spill = spill_dir(new_file)
    try:
        con.execute(f"set memory_limit = '{BUILD_MEMORY}'")
        con.execute("set temp_directory = " + "'" + str(spill).replace("'", "''") + "'")
    except duckdb.Error as exc:
        con.close()
        raise WarehouseError(f"cannot create the warehouse {new_file}: {first_line(exc)}") from exc
    failure: str | None = None
    try:
        _write_new(con, new_file, run, validation, derived, previous, stopped, release)
    except duckdb.Error as exc:  # disk full, I/O error: the real cause, in one line
        failure = first_line(exc)
    finally:
        with contextlib.suppress(duckdb.Error):
            con.close()
        shutil.rmtree(spill, ignore_errors=True)
    if failure is not None:  # raised here, so the error keeps no frame holding the connection
        raise WarehouseError(f"could not write the warehouse {new_file}: {failure}")
    if wal_file(new_file).exists():  # pragma: no cover - DuckDB checkpoints on close
        raise WarehouseError(f"the new warehouse {new_file} was not checkpointed")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def swap(new_file: Path, current: Path, before_rename: Callable[[], None] | None = None) -> None:
    """Make `new_file` the current warehouse in one atomic rename, durable once this returns.

    A write-ahead log left beside the current file by a crashed read-write session belongs to the
    old file: it is removed first, so that it can never be replayed onto the new one.
    """
    try:
        _fsync(new_file)
        if before_rename is not None:
            before_rename()
        wal_file(current).unlink(missing_ok=True)
        new_file.replace(current)
        _fsync(current.parent)
    except OSError as exc:
        raise WarehouseError(f"could not swap in the warehouse {current}: {exc}") from None


def load(
    path: Path,
    run: RunRecord,
    validation: Validation,
    derived: Mapping[str, Table],
    *,
    stopped: Sequence[RunRecord] = (),
    before_rename: Callable[[], None] | None = None,
    release: bool = False,
) -> None:
    """Write one run: build its warehouse beside `path`, carry the history, swap it in.

    `release`: let go of each table as it is stored (see write_run), to lower the run's peak
    memory; the validation's tables cannot then be loaded again, even if this fails.
    """
    new_file = next_file(path)
    try:
        build(new_file, run, validation, derived, previous=path, stopped=stopped, release=release)
        if path.exists():  # whatever is there now must still be a warehouse to replace
            with read_only(path, wait=ATTACH_WAIT_SECONDS) as con:
                _refuse_foreign(con, path)
        swap(new_file, path, before_rename)
    except Exception as exc:
        if validation.released and validation.release_failure is None:
            # a retry cannot load the tables again: it reports this, the real cause
            validation.release_failure = str(exc)
        raise
    finally:
        new_file.unlink(missing_ok=True)
        wal_file(new_file).unlink(missing_ok=True)


def recent_runs(path: Path, limit: int = 10) -> pl.DataFrame:
    """The last runs recorded in the warehouse, newest first (read-only)."""
    with read_only(path, wait=ATTACH_WAIT_SECONDS) as con:
        frame: pl.DataFrame = con.sql(
            "select run_id, started_at, status, duration_seconds, rows_total, rows_loaded, "
            "rows_quarantined, errors, warnings, files_reused, stage, message "
            f"from runs order by started_at desc limit {int(limit)}"
        ).pl()
    return frame


def _replace(con: duckdb.DuckDBPyConnection, table: str, frame: object) -> None:
    view = f"_incoming_{table}"
    con.register(view, frame)
    try:
        con.execute(f'create or replace table "{table}" as select * from "{view}"')
    finally:
        con.unregister(view)


def _append(con: duckdb.DuckDBPyConnection, table: str, frame: object) -> None:
    view = f"_incoming_{table}"
    con.register(view, frame)
    try:
        con.execute(f'insert into "{table}" by name select * from "{view}"')
    finally:
        con.unregister(view)
