"""Read one run's report content from the warehouse, read-only: the frames the HTML report shows.

`findings`, `runs` and `run_files` are history, so any past run can be reported. The current tables
(`claim_checks`, `quarantine`, `carryover`, `carryover_pooled`, `exercises`, `groups`) describe the
latest run only: for an earlier run they are left out and the page says so. The previous run is the
latest earlier run in `runs`; changes are computed only when both runs' findings carry a
fingerprint (never invented here).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from carryover.report.changes import FINGERPRINT, FindingChanges, comparable, compare_findings
from carryover.report.html import ReportData


class ReportError(Exception):
    """The report cannot be made: no warehouse, no runs, or no such run (one clear sentence)."""


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute("select table_name from duckdb_tables()").fetchall()
    return {r[0] for r in rows}


def _frame(
    con: duckdb.DuckDBPyConnection, query: str, params: list[Any] | None = None
) -> pl.DataFrame:
    frame: pl.DataFrame = con.sql(query, params=params).pl()
    return frame


def resolve_run(con: duckdb.DuckDBPyConnection, run: str | None) -> str:
    """The run id for `run` (a whole id or a unique prefix, e.g. the 8 characters in file names)."""
    if run is None:
        rows = con.execute(
            "select run_id from runs order by finished_at desc, started_at desc limit 1"
        ).fetchall()
        if not rows:
            raise ReportError("the warehouse has no runs yet: run `carryover run` first")
        return str(rows[0][0])
    rows = con.execute(
        "select run_id from runs where starts_with(run_id, ?) order by run_id", [run]
    ).fetchall()
    if not rows:
        raise ReportError(f'no run {run!r} in the warehouse (see: carryover sql "from runs")')
    if len(rows) > 1:
        raise ReportError(f"{run!r} matches {len(rows)} runs; give more of the run id")
    return str(rows[0][0])


def _article_lines(raw_dir: Path, files: pl.DataFrame) -> dict[str, list[str]]:
    """Each article's lines, when the file is still exactly what the run read (same sha256)."""
    out: dict[str, list[str]] = {}
    for source_file, sha in files.select("source_file", "sha256").iter_rows():
        if not source_file.startswith("articles/") or sha is None:
            continue
        path = raw_dir / source_file
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == sha:
            text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
            out[source_file] = text.splitlines()
    return out


def load_report_data(warehouse: Path, run: str | None = None) -> ReportData:
    """Everything the report shows about one run (default: the latest), read-only."""
    if not warehouse.is_file():
        raise ReportError(
            f"there is no warehouse at {warehouse}: build it with `carryover run` "
            "(or point --warehouse at one)"
        )
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except (duckdb.Error, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ReportError(f"cannot open the warehouse {warehouse} read-only: {first}") from exc
    try:
        if "runs" not in _tables(con):
            raise ReportError("the warehouse has no runs yet: run `carryover run` first")
        return _load(con, resolve_run(con, run))
    finally:
        con.close()


def _load(con: duckdb.DuckDBPyConnection, run_id: str) -> ReportData:
    runs = _frame(con, "select * from runs order by finished_at, started_at")
    run = runs.filter(pl.col("run_id") == run_id).row(0, named=True)
    earlier = runs.filter(
        (pl.col("finished_at") < run["finished_at"]) & (pl.col("run_id") != run_id)
    )
    previous = earlier.row(-1, named=True) if earlier.height else None
    latest = runs.row(-1, named=True)["run_id"] == run_id

    findings = _frame(
        con,
        "select * exclude (run_id) from findings where run_id = ? "
        "order by source_file, source_line nulls last, rule, column_name",
        [run_id],
    )
    files = _frame(con, "select * exclude (run_id) from run_files where run_id = ?", [run_id])

    changes: FindingChanges | None = None
    if previous is None:
        note = "This is the first run in the warehouse: there is nothing to compare with."
    else:
        before = _frame(
            con,
            "select * exclude (run_id) from findings where run_id = ? "
            "order by source_file, source_line nulls last, rule, column_name",
            [previous["run_id"]],
        )
        if FINGERPRINT not in findings.columns:
            note = (
                "No comparison available: this warehouse's findings carry no fingerprint, "
                "so a finding cannot be matched across runs without guessing."
            )
        elif not (comparable(findings) and comparable(before)):
            note = (
                "No comparison available: the previous run's findings were recorded without a "
                "fingerprint."
            )
        else:
            changes = compare_findings(findings, before)
            note = ""

    current: dict[str, pl.DataFrame | None] = dict.fromkeys(
        ("claim_checks", "quarantine", "carryover", "carryover_pooled", "exercises", "groups")
    )
    if latest:
        present = _tables(con)
        for name in current:
            if name in present:
                current[name] = _frame(con, f'select * from "{name}"')
        quarantine = current["quarantine"]
        if quarantine is not None and "run_id" in quarantine.columns:
            current["quarantine"] = quarantine.drop("run_id")

    return ReportData(
        run=run,
        previous_run=previous,
        latest=latest,
        findings=findings,
        files=files,
        changes=changes,
        comparison_note=note,
        quarantine=current["quarantine"],
        claim_checks=current["claim_checks"],
        carryover=current["carryover"],
        carryover_pooled=current["carryover_pooled"],
        exercises=current["exercises"],
        groups=current["groups"],
        article_lines=_article_lines(Path(run["raw_dir"]), files) if latest else {},
    )
