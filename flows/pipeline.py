"""The carryover pipeline as one Prefect flow: reuse, extract, validate, transform, load, report.

Each task handles whole tables, never single rows. Only the I/O steps retry. Tasks do not use
Prefect's cache: a run must always see the raw files as they are now. Reuse of unchanged files is
carryover's own (carryover.incremental), keyed on the files' sha256. A run holds the warehouse's
lock throughout and keeps a journal of its stage (carryover.runstate), so that a run killed at any
point is recorded as such by the next one.
"""

# No `from __future__ import annotations`: a served deployment's runs load this flow from its
# module and validate their parameters against these annotations, which must be real types.
import datetime as dt
import uuid
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.orchestration import get_client
from prefect.exceptions import ObjectNotFound
from prefect.runtime import flow_run
from prefect.states import Crashed

from carryover import incremental, pipeline
from carryover.html_report import findings_records, summary_markdown
from carryover.incremental import Reuse
from carryover.report import ReportInput, render_markdown
from carryover.report_data import load_report_data
from carryover.runstate import Journal, run_lock
from carryover.validate import TableResult, Validation
from carryover.validate import validate as validate_extracted
from carryover.warehouse import RunRecord
from carryover.warehouse import load as load_warehouse

REPORT_ARTIFACT_KEY = "carryover-validation-report"
FINDINGS_ARTIFACT_KEY = "carryover-findings"
DEFAULT_LOCK_WAIT = 60.0
"""Seconds a run waits for another run on the same warehouse before it gives up."""


def mark_crashed(stopped: list[RunRecord]) -> None:
    """Tell Prefect that the killed runs found by this one have crashed.

    A process killed with SIGKILL cannot report its own end, so its flow run would stay Running in
    the UI. Runs that are not flow runs of this server (or that it has forgotten) are skipped.
    """
    killed = [r for r in stopped if r.status == "killed"]
    if not killed:
        return
    with get_client(sync_client=True) as client:
        for record in killed:
            try:
                state = client.read_flow_run(uuid.UUID(record.run_id)).state
                if state is not None and not state.is_final():
                    client.set_flow_run_state(
                        record.run_id, Crashed(message=record.message or "killed"), force=True
                    )
            except (ValueError, ObjectNotFound):
                continue


@task(name="reuse", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def reuse(raw_dir: Path, warehouse: Path, full: bool) -> Reuse:
    """Hash the raw files and find the last run's results for those unchanged since."""
    keys = incremental.raw_keys(raw_dir)
    return Reuse(keys, {} if full else incremental.lookup(warehouse, keys))


@task(name="extract", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def extract(raw_dir: Path, skip: list[str]) -> pipeline.Raw:
    """Read every raw file not reused into text cells (keeping file and line), and the articles."""
    return pipeline.extract_all(raw_dir, skip)


@task(name="validate", cache_policy=NO_CACHE)
def validate(raw: pipeline.Raw, reused: dict[str, TableResult]) -> Validation:
    """Run every pandera plan and judge every claim; split rows into clean and quarantined."""
    return validate_extracted(raw.tables, reused=reused, articles=raw.articles)


@task(name="transform", cache_policy=NO_CACHE)
def transform(validation: Validation) -> dict[str, pl.DataFrame]:
    """Compute derived tables from the clean ones."""
    return pipeline.transform_all(validation)


@task(name="load", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def load(
    warehouse: Path,
    run: RunRecord,
    validation: Validation,
    derived: dict[str, pl.DataFrame],
    stopped: list[RunRecord],
    journal: Journal,
    keys: dict[str, str | None],
) -> None:
    """Build the run's warehouse beside the current one and swap it in; keep results for reuse."""
    load_warehouse(
        warehouse,
        run,
        validation,
        derived,
        stopped=stopped,
        before_rename=lambda: journal.stage("swap"),
    )
    try:
        incremental.store(warehouse, keys, validation.tables)
    except OSError as exc:  # the run has landed; reuse is only an optimisation, so never retry
        get_run_logger().warning("could not keep results for the next run: %s", exc)


@task(name="report", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def report(report_dir: Path, content: ReportInput, warehouse: Path) -> tuple[Path, Path]:
    """Write the Markdown and HTML reports (read back from the warehouse); publish the artifacts."""
    path = pipeline.write_report(report_dir, content)
    data = load_report_data(warehouse, content.run_id)
    html = pipeline.write_html_report(report_dir, data)
    create_markdown_artifact(
        markdown=summary_markdown(data, str(html)) + "\n" + render_markdown(content),
        key=REPORT_ARTIFACT_KEY,
        description=f"carryover validation report of run {content.run_id}",
    )
    create_table_artifact(
        table=findings_records(data),
        key=FINDINGS_ARTIFACT_KEY,
        description=f"carryover findings of run {content.run_id}, with their change since the "
        "previous run",
    )
    return path, html


@flow(name="carryover-pipeline", log_prints=False)
def carryover_pipeline(
    raw_dir: Path,
    warehouse: Path,
    report_dir: Path,
    full: bool = False,
    lock_wait_seconds: float = DEFAULT_LOCK_WAIT,
) -> pipeline.RunSummary:
    """Check the raw study data, load what is valid into DuckDB, and report every finding.

    Args:
        raw_dir: Directory of the raw CSV files (read only).
        warehouse: The DuckDB warehouse file; each run builds a new one beside it and swaps it in.
        report_dir: Directory for the Markdown reports.
        full: Validate every file again, even those unchanged since the last run.
        lock_wait_seconds: How long to wait for another run on the same warehouse to finish.

    """
    started = dt.datetime.now(dt.UTC)
    run_id = str(flow_run.id or uuid.uuid4())
    with run_lock(warehouse, lock_wait_seconds):
        journal, stopped = Journal.begin(warehouse, run_id, started, raw_dir)
        try:
            mark_crashed(stopped)
            summary = _steps(
                raw_dir, warehouse, report_dir, full, run_id, started, journal, stopped
            )
        except BaseException as exc:
            first = str(exc).splitlines()[0] if str(exc) else ""
            journal.fail(f"{type(exc).__name__}: {first}".rstrip(": "))
            raise
        journal.finish()
    return summary


def _steps(
    raw_dir: Path,
    warehouse: Path,
    report_dir: Path,
    full: bool,
    run_id: str,
    started: dt.datetime,
    journal: Journal,
    stopped: list[RunRecord],
) -> pipeline.RunSummary:
    """The flow's steps, top to bottom, each recorded in the run's journal as it starts."""
    journal.stage("extract")
    reusable = reuse(raw_dir, warehouse, full)
    extracted = extract(raw_dir, sorted(reusable.results))
    journal.stage("validate")
    validation = validate(extracted, reusable.results)
    journal.stage("transform")
    derived = transform(validation)
    journal.stage("load")
    status = "errors" if validation.errors else "ok"
    run = RunRecord(run_id, started, None, status, str(raw_dir))
    load(warehouse, run, validation, derived, stopped, journal, reusable.keys)
    journal.stage("report")
    finished = dt.datetime.now(dt.UTC)
    content = ReportInput(
        run_id, finished, str(raw_dir), validation.files, validation.findings, validation.quarantine
    )
    report_path, html_path = report(report_dir, content, warehouse)

    return pipeline.RunSummary(
        run_id=run_id,
        errors=validation.errors,
        warnings=validation.warnings,
        files=validation.files,
        findings=validation.findings,
        warehouse=warehouse,
        report=report_path,
        reused=validation.reused,
        html_report=html_path,
    )
