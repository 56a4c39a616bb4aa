"""The carryover pipeline as one Prefect flow: reuse, extract, validate, transform, load, report.

Each task handles whole tables, never single rows. Only the I/O steps retry. Tasks do not use
Prefect's cache: a run must always see the raw files as they are now. Reuse of unchanged files is
carryover's own (carryover.validate.reuse), keyed on the files' sha256. A run holds the
warehouse's lock throughout and keeps a journal of its stage (carryover.warehouse.runstate), so
that a run killed at any point is recorded as such by the next one.
"""

# No `from __future__ import annotations`: a served deployment's runs load this flow from its
# module and validate their parameters against these annotations, which must be real types.
import contextlib
import dataclasses
import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, ParamSpec, TypeVar, cast, get_args

import polars as pl
from prefect import Task, flow, get_run_logger, task, unmapped
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.orchestration import get_client
from prefect.client.schemas.objects import State
from prefect.exceptions import ObjectNotFound
from prefect.runtime import flow_run
from prefect.states import Crashed, Failed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from carryover import steps
from carryover.claims.articles import Article, Context
from carryover.claims.articles import read_articles as read_article_files
from carryover.core import failon
from carryover.core.errors import first_line
from carryover.core.parts import Table
from carryover.ingest.chunks import ChunkPlan
from carryover.ingest.extract import Extracted
from carryover.report.markdown import ReportInput, render_markdown, summary_markdown
from carryover.report.model import findings_records, load_report_data
from carryover.validate import reuse as incremental
from carryover.validate.article_processes import ArticleProcesses, article_processes, pay_off
from carryover.validate.chunked import validate_chunks as validate_chunk_batch
from carryover.validate.reuse import Reuse
from carryover.validate.validation import (
    TableResult,
    Validation,
    read_article_batch,
    validate_files,
)
from carryover.validate.validation import combine as validate_combine
from carryover.warehouse.build import RunRecord
from carryover.warehouse.build import load as load_warehouse
from carryover.warehouse.runstate import Journal, run_lock

REPORT_ARTIFACT_KEY = "carryover-validation-report"
FINDINGS_ARTIFACT_KEY = "carryover-findings"
DEFAULT_LOCK_WAIT = 60.0
"""Seconds a run waits for another run on the same warehouse before it gives up."""
TaskRunnerKind = Literal["thread", "dask"]
TASK_RUNNERS: tuple[str, ...] = get_args(TaskRunnerKind)
P = ParamSpec("P")
R = TypeVar("R")


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
    return steps.find_reusable(raw_dir, warehouse, full)


@task(name="find-files", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def find_files(raw_dir: Path, skip: list[str]) -> list[steps.Source]:
    """List every raw file of the tables not reused: `<table>.csv` and `<table>/*.csv`."""
    return steps.list_sources(raw_dir, skip)


@task(name="extract", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def extract(raw_dir: Path, sources: list[steps.Source]) -> list[Extracted]:
    """Read a batch of raw files into text cells, keeping each row's file and line."""
    return steps.extract_sources(raw_dir, sources)


@task(name="read-articles", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_articles(raw_dir: Path) -> list[Article]:
    """Read the article texts whose claims are checked."""
    return read_article_files(raw_dir)


@task(name="plan-chunks", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def plan_chunks(raw_dir: Path, sources: list[steps.Source], size: int) -> list[ChunkPlan | None]:
    """Cut each raw file larger than the chunk size into chunks of rows (one read of the file)."""
    return steps.plan_big_files(raw_dir, sources, size)


@task(name="read-chunks", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def read_chunks(sources: list[int], plan: ChunkPlan) -> list[Extracted]:
    """Read chunks of a big raw file into text cells, lines numbered as in the whole file."""
    return steps.read_chunks(sources, plan)


@task(name="validate-chunks", cache_policy=NO_CACHE)
def validate_chunks(
    sources: list[tuple[Extracted, pl.DataFrame]],
    parents: dict[str, pl.DataFrame],
    this_year: int | None,
) -> list[TableResult]:
    """Validate chunks of a big file, each with the keys the file's earlier chunks hold."""
    return validate_chunk_batch(sources, parents, this_year)


@task(name="read-article-claims", cache_policy=NO_CACHE)
def read_article_claims(sources: list[Article], context: Context) -> list[Extracted]:
    """Read a batch of articles' figures as claims, against the clean tables they name."""
    return read_article_batch(sources, context)


_PROCESSES: dict[str, ArticleProcesses] = {}
"""The worker processes of the runs in this process that read articles in processes, by key."""


@task(name="read-article-claims", cache_policy=NO_CACHE)
def read_article_claims_in_processes(
    sources: list[Article], context: Context, processes: str
) -> list[Extracted]:
    """Read a batch of articles' figures as claims in one of the run's worker processes."""
    return _PROCESSES[processes].read(sources, context)


@task(name="validate-files", cache_policy=NO_CACHE)
def validate_batch(
    sources: list[Extracted], parents: dict[str, pl.DataFrame], this_year: int | None
) -> list[TableResult]:
    """Run a table's pandera plans on a batch of its files, each file judged on its own."""
    return validate_files(sources, parents, this_year)


@task(name="combine", cache_policy=NO_CACHE)
def combine(
    results: dict[str, TableResult],
    reused: list[str],
    typed: dict[str, pl.DataFrame],
    let_go: bool = False,
) -> Validation:
    """Cross-table rules and claim verdicts; split rows into clean and quarantined."""
    return validate_combine(results, reused, typed, let_go)


@task(name="transform", cache_policy=NO_CACHE)
def transform(validation: Validation) -> dict[str, Table]:
    """Derive tables from the clean ones (the analytics in parts, computed as they are loaded)."""
    return steps.transform_all(validation)


@task(name="load", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def load(
    warehouse: Path,
    run: RunRecord,
    validation: Validation,
    derived: Mapping[str, Table],
    stopped: list[RunRecord],
    journal: Journal,
    staged: incremental.Staged | None,
) -> None:
    """Build the run's warehouse beside the current one and swap it in; keep results for reuse.

    Each table is let go as it is stored (build.write_run's `release`), so a retry after that
    fails with a clear message instead of loading a part of the run.
    """
    load_warehouse(
        warehouse,
        run,
        validation,
        derived,
        stopped=stopped,
        before_rename=lambda: journal.stage("swap"),
        release=True,
    )
    if staged is None:
        return
    try:
        staged.commit()
    except OSError as exc:  # the run has landed; reuse is only an optimisation, so never retry
        get_run_logger().warning("could not keep results for the next run: %s", exc)


@task(name="keep-results", cache_policy=NO_CACHE)
def keep_results(
    warehouse: Path, keys: dict[str, str | None], results: dict[str, TableResult]
) -> incremental.Staged | None:
    """Write the validated results for the next run beside the cache (entries once it lands)."""
    try:
        return steps.stage_results(warehouse, keys, results)
    except OSError as exc:  # reuse is only an optimisation: the run goes on without it
        get_run_logger().warning("could not keep results for the next run: %s", exc)
        return None


@task(name="report", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def report(report_dir: Path, content: ReportInput, warehouse: Path) -> tuple[Path, Path]:
    """Write the Markdown and HTML reports (read back from the warehouse); publish the artifacts.

    Both reports are named after the run's finish time as the warehouse records it, so that one
    run's two files share one timestamp.
    """
    data = load_report_data(warehouse, content.run_id)
    finished = data.run["finished_at"]
    if isinstance(finished, dt.datetime):
        aware = finished if finished.tzinfo else finished.replace(tzinfo=dt.UTC)
        content = dataclasses.replace(content, finished_at=aware)
    path = steps.write_report(report_dir, content)
    html = steps.write_html_report(report_dir, data)
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
    task_runner: TaskRunnerKind = "thread",
    dask_address: str | None = None,
    fail_on: failon.FailOn = failon.DEFAULT_FAIL_ON,
) -> steps.RunSummary | State[Any]:
    """Check the raw study data, load what is valid into DuckDB, and report every finding.

    Args:
        raw_dir: Directory of the raw CSV files (read only).
        warehouse: The DuckDB warehouse file; each run builds a new one beside it and swaps it in.
        report_dir: Directory for the Markdown reports.
        full: Validate every file again, even those unchanged since the last run.
        lock_wait_seconds: How long to wait for another run on the same warehouse to finish.
        task_runner: Where raw files are read and validated in parallel: "thread" (a thread pool
            in this process) or "dask" (prefect-dask's DaskTaskRunner).
        dask_address: With "dask", the address of an existing Dask scheduler (such as
            tcp://10.0.0.5:8786); without one, a local Dask cluster is started for the run.
        fail_on: "error" (default), "warning" or "never": a run whose findings reach this level
            ends Failed, with the counts as its message (the warehouse is loaded and the report
            written all the same); its result is then a FindingsReachedThreshold carrying the
            summary.

    """
    started = dt.datetime.now(dt.UTC)
    run_id = str(flow_run.id or uuid.uuid4())
    with run_lock(warehouse, lock_wait_seconds):
        journal, stopped = Journal.begin(warehouse, run_id, started, raw_dir)
        try:
            mark_crashed(stopped)
            # the task runner stops first (its tasks may be waiting on the processes)
            with (
                reading_processes(task_runner) as processes,
                make_task_runner(task_runner, dask_address) as runner,
            ):
                on_runner = OnTaskRunner(runner, processes)
                summary = _steps(
                    raw_dir,
                    warehouse,
                    report_dir,
                    full,
                    run_id,
                    started,
                    journal,
                    stopped,
                    on_runner,
                )
        except BaseException as exc:
            name = type(exc).__name__
            journal.fail(f"{name}: {first_line(exc)}" if str(exc).strip() else name)
            raise
        journal.finish()
    return _final_state(summary, fail_on)


def _final_state(summary: steps.RunSummary, fail_on: str) -> steps.RunSummary | State[Any]:
    """Log the run's one-line summary; end Failed when its findings reach the threshold."""
    get_run_logger().info(steps.summary_line(summary))
    if not failon.breaches(summary.errors, summary.warnings, fail_on):
        return summary
    message = failon.failure_message(summary.errors, summary.warnings, fail_on)
    return Failed(message=message, data=failon.FindingsReachedThreshold(message, summary))


def make_task_runner(kind: TaskRunnerKind, dask_address: str | None = None) -> TaskRunner[Any]:
    """The task runner that reads and validates raw files: a thread pool, or Dask.

    Dask runs each batch in a worker process (or on another machine, given a scheduler's
    address), so the Python parts of reading and validating run in parallel too.
    """
    if kind == "thread":
        return ThreadPoolTaskRunner(max_workers=os.cpu_count() or 1)
    if kind == "dask":
        from prefect_dask.task_runners import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"dashboard_address": None})
    raise ValueError(f"unknown task runner {kind!r}: choose one of {', '.join(TASK_RUNNERS)}")


@contextlib.contextmanager
def reading_processes(kind: TaskRunnerKind) -> Iterator[str | None]:
    """With the thread pool on more than one core: worker processes that read the articles.

    Yields their key in `_PROCESSES` (None when articles are read by the task runner itself: on
    Dask, whose workers are processes already, or on one core).
    """
    if kind != "thread" or (os.cpu_count() or 1) < 2:
        yield None
        return
    key = uuid.uuid4().hex
    with article_processes() as processes:
        _PROCESSES[key] = processes
        try:
            yield key
        finally:
            del _PROCESSES[key]


TASKS: dict[Callable[..., Any], Task[..., Any]] = {
    steps.find_reusable: reuse,
    steps.list_sources: find_files,
    steps.extract_sources: extract,
    read_article_files: read_articles,
    validate_files: validate_batch,
    read_article_batch: read_article_claims,
    steps.plan_big_files: plan_chunks,
    steps.read_chunks: read_chunks,
    validate_chunk_batch: validate_chunks,
    validate_combine: combine,
    steps.stage_results: keep_results,
    steps.transform_all: transform,
}
"""The task that runs each step of carryover.steps in this flow."""


class OnTaskRunner:
    """Runs the steps as this flow's tasks: batch steps are mapped over the flow's task runner."""

    def __init__(self, runner: TaskRunner[Any], processes: str | None = None) -> None:
        self.runner = runner
        self.processes = processes
        """The key of the run's article-reading processes in `_PROCESSES`, if it has them."""
        self.in_processes = False
        """Whether this run's articles are many enough to be read in those processes."""

    def one(self, step: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run one step as its task."""
        result = cast(R, TASKS[step](*args, **kwargs))
        if step is read_article_files and self.processes is not None:
            size = sum(steps.article_size(a) for a in cast(list[Article], result))
            self.in_processes = pay_off(size)
            if self.in_processes:  # the workers start while the tables are validated
                _PROCESSES[self.processes].start()
        return result

    def map(
        self, step: Callable[..., R], batches: Sequence[Any], **same: Any
    ) -> list[steps.Result[R]]:
        """Run a batch step's task on each batch, in parallel on the task runner.

        Articles, when there are many, are read in the run's worker processes (see
        carryover.validate.article_processes): their tasks wait on those.
        """
        parameters = {"sources": list(batches), **{k: unmapped(v) for k, v in same.items()}}
        if step is read_article_batch and self.in_processes:
            parameters["processes"] = unmapped(self.processes)
            in_processes = cast(Task[..., Any], read_article_claims_in_processes)
            return list(self.runner.map(in_processes, parameters))
        return list(self.runner.map(TASKS[step], parameters))


def _steps(
    raw_dir: Path,
    warehouse: Path,
    report_dir: Path,
    full: bool,
    run_id: str,
    started: dt.datetime,
    journal: Journal,
    stopped: list[RunRecord],
    runner: "OnTaskRunner",
) -> steps.RunSummary:
    """The flow's steps, top to bottom, each recorded in the run's journal as it starts.

    extract -> validate -> transform are the steps `carryover check` runs too, here as tasks.
    """
    checked = steps.run_steps(raw_dir, runner, warehouse, full, journal.stage)
    validation, derived = checked.validation, checked.derived
    journal.stage("load")
    status = "errors" if validation.errors else "ok"
    run = RunRecord(run_id, started, None, status, str(raw_dir))
    articles = steps.article_summaries(validation)  # the load lets go of the tables it stores
    staged = checked.staged
    del checked
    load(warehouse, run, validation, derived, stopped, journal, staged)
    journal.stage("report")
    finished = dt.datetime.now(dt.UTC)
    content = ReportInput(
        run_id, finished, str(raw_dir), validation.files, validation.findings, validation.quarantine
    )
    report_path, html_path = report(report_dir, content, warehouse)

    return steps.RunSummary(
        run_id=run_id,
        errors=validation.errors,
        warnings=validation.warnings,
        files=validation.files,
        findings=validation.findings,
        warehouse=warehouse,
        report=report_path,
        reused=validation.reused,
        html_report=html_path,
        articles=articles,
    )
