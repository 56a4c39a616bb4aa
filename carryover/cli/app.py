"""The `carryover` command: run or serve the pipeline, check raw data, query it, show runs.

Exit codes, like a linter: 0 no error findings, 1 error findings (valid rows still loaded, the
rest quarantined), 2 could not run (bad arguments, missing raw directory, unusable warehouse).
`carryover sql`: 0 answered, 1 the query failed in DuckDB, 2 refused (not a query) or no warehouse.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from carryover.core.config import (
    ENV_DASK_ADDRESS,
    ENV_RAW_DIR,
    ENV_REPORT_DIR,
    ENV_TASK_RUNNER,
    ENV_WAREHOUSE,
    resolve_paths,
)
from carryover.core.errors import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    CarryoverError,
    RawDirError,
    ReportError,
    SqlError,
    WarehouseError,
    exit_code,
)
from carryover.validate.validation import FileStats

DEFAULT_LOCK_WAIT = 60.0


app = typer.Typer(
    name="carryover",
    help="Check and warehouse strength-training study results.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

RawOption = Annotated[
    Path | None,
    typer.Option(
        "--raw", help=f"Raw data directory (env {ENV_RAW_DIR}; default: raw/).", show_default=False
    ),
]
WarehouseOption = Annotated[
    Path | None,
    typer.Option(
        "--warehouse",
        help=f"DuckDB file (env {ENV_WAREHOUSE}; default: warehouse/carryover.duckdb).",
        show_default=False,
    ),
]
ReportOption = Annotated[
    Path | None,
    typer.Option(
        "--report-dir",
        help=f"Report directory (env {ENV_REPORT_DIR}; default: warehouse/reports/).",
        show_default=False,
    ),
]
WaitOption = Annotated[
    float,
    typer.Option(
        "--wait",
        min=0,
        help="Seconds to wait for another run on the same warehouse before giving up (exit 2).",
    ),
]
FullOption = Annotated[
    bool,
    typer.Option("--full", help="Validate every raw file again, even those unchanged since."),
]


class RunnerKind(StrEnum):
    """Where raw files are read and validated in parallel (see flows.pipeline.make_task_runner)."""

    thread = "thread"
    dask = "dask"


TaskRunnerOption = Annotated[
    RunnerKind,
    typer.Option(
        "--task-runner",
        envvar=ENV_TASK_RUNNER,
        help="Read and validate raw files on a thread pool, or on Dask (prefect-dask).",
    ),
]
DaskAddressOption = Annotated[
    str | None,
    typer.Option(
        "--dask-address",
        envvar=ENV_DASK_ADDRESS,
        help="With --task-runner dask: an existing Dask scheduler (tcp://host:8786); "
        "default: a local Dask cluster for the run.",
        show_default=False,
    ),
]
MaxFindings = Annotated[
    int,
    typer.Option("--max-findings", min=0, help="Print at most this many findings (0: all)."),
]


def _shown(path: Path) -> str:
    """A path as short as it can be shown: relative to the working directory when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _print_findings(findings: object, raw_dir: Path, limit: int) -> None:
    import polars as pl

    assert isinstance(findings, pl.DataFrame)
    rows = findings.iter_rows(named=True)
    for i, f in enumerate(rows):
        if limit and i >= limit:
            out.print(f"... and {findings.height - limit} more findings (see the report)")
            break
        where = _shown(raw_dir / f["source_file"]) + (
            f":{f['source_line']}" if f["source_line"] else ""
        )
        colour = "red" if f["severity"] == "error" else "yellow"
        column = f" {f['column_name']}:" if f["column_name"] else ""
        out.print(
            f"{escape(where)}: [{colour}]{f['severity']}[/{colour}] "
            f"\\[{f['rule']}]{escape(column)} {escape(f['message'])}"
        )


def _summary(command: str, files: list[FileStats], errors: int, warnings: int) -> str:
    rows = sum(f.data_rows for f in files)
    loaded = sum(f.loaded_rows for f in files)
    read = sum(1 for f in files if f.sha256 is not None)
    return (
        f"carryover {command}: {read} files, {rows} rows: {loaded} loaded, {rows - loaded} "
        f"quarantined; {errors} error(s), {warnings} warning(s)"
    )


def _fail(message: str) -> typer.Exit:
    err.print(f"carryover: {escape(message)}")
    return typer.Exit(EXIT_CANNOT_RUN)


def _quiet_prefect(verbose: bool) -> None:
    """Keep the terminal to carryover's own output; flow logs still reach the Prefect API."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_DEBUG_LEVEL", "CRITICAL")


@app.command()
def run(
    raw: RawOption = None,
    warehouse: WarehouseOption = None,
    report_dir: ReportOption = None,
    full: FullOption = False,
    wait: WaitOption = DEFAULT_LOCK_WAIT,
    max_findings: MaxFindings = 100,
    task_runner: TaskRunnerOption = RunnerKind.thread,
    dask_address: DaskAddressOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", help="Show Prefect's logs.")] = False,
) -> None:
    """Run the pipeline once under Prefect: validate, load DuckDB, write the report."""
    paths = resolve_paths(raw, warehouse, report_dir)
    _quiet_prefect(verbose)
    try:
        from carryover.steps import ensure_raw_dir
        from carryover.warehouse.build import check_usable

        ensure_raw_dir(paths.raw_dir)
        check_usable(paths.warehouse)  # fail fast, before any work, if it cannot be written
        from flows.pipeline import carryover_pipeline

        summary = carryover_pipeline(
            raw_dir=paths.raw_dir,
            warehouse=paths.warehouse,
            report_dir=paths.report_dir,
            full=full,
            lock_wait_seconds=wait,
            task_runner=task_runner.value,
            dask_address=dask_address,
        )
    except (RawDirError, WarehouseError) as exc:
        raise _fail(str(exc)) from None
    _print_findings(summary.findings, paths.raw_dir, max_findings)
    if summary.reused:
        out.print(
            f"reused the validated result of {len(summary.reused)} table(s) whose files are "
            f"unchanged since the last run: {', '.join(summary.reused)} (--full validates "
            "everything)"
        )
    for line in summary.articles:
        out.print(escape(line))
    out.print(
        _summary("run", summary.files, summary.errors, summary.warnings)
        + f" (run {summary.run_id})"
    )
    out.print(f"warehouse: {_shown(summary.warehouse)}")
    out.print(f"report:    {_shown(summary.report)}")
    if summary.html_report is not None:
        out.print(f"html:      {_shown(summary.html_report)}")
    raise typer.Exit(summary.exit_code)


def _api_url_or_fail() -> str:
    """The configured Prefect server's API URL, or exit 2 in one line if none answers."""
    import httpx
    from prefect.settings import PREFECT_API_URL

    hint = (
        "start one with `prefect server start --host 127.0.0.1` and set "
        "PREFECT_API_URL=http://127.0.0.1:4200/api (schedules cannot run on Prefect's "
        "temporary server)"
    )
    url = PREFECT_API_URL.value()
    if not url:
        raise _fail(f"no Prefect server is configured: {hint}")
    try:
        answer = httpx.get(f"{url.rstrip('/')}/health", timeout=5)
        reachable = answer.status_code == 200
    except httpx.HTTPError:
        reachable = False
    if not reachable:
        raise _fail(f"no Prefect server answers at {url}: {hint}")
    return str(url)


@app.command()
def serve(
    raw: RawOption = None,
    warehouse: WarehouseOption = None,
    report_dir: ReportOption = None,
    cron: Annotated[
        str, typer.Option("--cron", help="When to run, as a cron expression in UTC.")
    ] = "0 6 * * *",
    name: Annotated[str, typer.Option("--name", help="The deployment's name.")] = "nightly",
    wait: WaitOption = DEFAULT_LOCK_WAIT,
    task_runner: TaskRunnerOption = RunnerKind.thread,
    dask_address: DaskAddressOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", help="Show Prefect's logs.")] = False,
) -> None:
    """Serve the pipeline as a scheduled Prefect deployment until stopped (Ctrl+C).

    Needs a running Prefect server (PREFECT_API_URL). Runs never overlap: the deployment has a
    concurrency limit of one, and later runs wait in the queue.
    """
    paths = resolve_paths(raw, warehouse, report_dir)
    _quiet_prefect(verbose)
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.client.schemas.schedules import CronSchedule
    from prefect.types.entrypoint import EntrypointType

    try:
        CronSchedule(cron=cron)
    except ValueError:
        raise _fail(f"--cron {cron!r} is not a cron expression such as '0 6 * * *'") from None
    url = _api_url_or_fail()
    try:
        from carryover.steps import ensure_raw_dir
        from carryover.warehouse.build import check_usable

        ensure_raw_dir(paths.raw_dir)
        check_usable(paths.warehouse)
    except (RawDirError, WarehouseError) as exc:
        raise _fail(str(exc)) from None
    from flows.pipeline import carryover_pipeline

    out.print(
        f"serving deployment {carryover_pipeline.name}/{name} on {url}, schedule {cron!r}; "
        "Ctrl+C stops it"
    )
    carryover_pipeline.serve(
        name=name,
        cron=cron,
        parameters={
            "raw_dir": str(paths.raw_dir),
            "warehouse": str(paths.warehouse),
            "report_dir": str(paths.report_dir),
            "lock_wait_seconds": wait,
            "task_runner": task_runner.value,
            "dask_address": dask_address,
        },
        global_limit=ConcurrencyLimitConfig(
            limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE
        ),
        limit=1,
        description="Check the raw study data, load DuckDB, write the report.",
        print_starting_message=False,
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


@app.command()
def history(
    warehouse: WarehouseOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many runs to show.")] = 10,
) -> None:
    """Print the last runs in the warehouse, newest first (read-only, safe during a run)."""
    from carryover.warehouse.build import recent_runs
    from carryover.warehouse.runstate import lock_is_held, read_journal

    paths = resolve_paths(warehouse=warehouse)
    journal = read_journal(paths.warehouse)
    if journal is not None:
        if lock_is_held(paths.warehouse):
            out.print(
                f"run {journal.run_id} is in progress: {journal.stage}, "
                f"started {journal.started_at}"
            )
        else:
            what = "failed" if journal.status == "failed" else "was killed"
            out.print(
                f"run {journal.run_id} {what} during {journal.stage}; the next run records it"
            )
    if not paths.warehouse.exists():
        raise _fail(f"no warehouse at {paths.warehouse} yet: `carryover run` builds it")
    try:
        runs = recent_runs(paths.warehouse, limit)
    except WarehouseError as exc:
        raise _fail(str(exc)) from None
    out.print(
        "started (UTC)        run       status   seconds  rows  loaded  quar.  err  warn  reused"
    )
    for r in runs.iter_rows(named=True):
        started = r["started_at"].astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
        seconds = f"{r['duration_seconds']:.1f}" if r["duration_seconds"] is not None else "-"

        def num(value: object) -> str:
            return "-" if value is None else str(value)

        line = (
            f"{started}  {r['run_id'][:8]}  {r['status']:<7}  {seconds:>7}  "
            f"{num(r['rows_total']):>4}  {num(r['rows_loaded']):>6}  "
            f"{num(r['rows_quarantined']):>5}  {num(r['errors']):>3}  {num(r['warnings']):>4}  "
            f"{num(r['files_reused']):>6}"
        )
        if r["message"]:
            line += f"  {r['message']}"
        out.print(escape(line))


@app.command()
def check(raw: RawOption = None, max_findings: MaxFindings = 100) -> None:
    """Validate the raw data and print the findings; writes nothing, starts no Prefect server."""
    from carryover.steps import article_summaries
    from carryover.steps import check as check_raw

    paths = resolve_paths(raw)
    try:
        checked = check_raw(paths.raw_dir)
    except RawDirError as exc:
        raise _fail(str(exc)) from None
    validation = checked.validation
    _print_findings(validation.findings, paths.raw_dir, max_findings)
    for line in article_summaries(validation):
        out.print(escape(line))
    out.print(_summary("check", validation.files, validation.errors, validation.warnings))
    raise typer.Exit(EXIT_FINDINGS if validation.errors else EXIT_OK)


@app.command()
def report(
    run_id: Annotated[
        str | None,
        typer.Option(
            "--run",
            help="The run to report: its id, or the id's first characters (default: the latest).",
            show_default=False,
        ),
    ] = None,
    warehouse: WarehouseOption = None,
    report_dir: ReportOption = None,
    open_page: Annotated[
        bool, typer.Option("--open", help="Open the page in the default web browser.")
    ] = False,
) -> None:
    """Re-render a run's HTML report from the warehouse (read-only) and print where it is."""
    from carryover.report.model import load_report_data
    from carryover.steps import write_html_report

    paths = resolve_paths(warehouse=warehouse, report_dir=report_dir)
    try:
        data = load_report_data(paths.warehouse, run_id)
    except ReportError as exc:
        raise _fail(str(exc)) from None
    try:
        path = write_html_report(paths.report_dir, data)
    except OSError as exc:
        raise _fail(f"cannot write the report into {paths.report_dir}: {exc}") from None
    out.print(f"report: {escape(_shown(path))} (run {escape(str(data.run['run_id']))})")
    if open_page:
        import webbrowser

        if not webbrowser.open(path.resolve().as_uri()):
            err.print("carryover report: no web browser found; open the file above by hand")


class OutputFormat(StrEnum):
    """How `carryover sql` prints a result."""

    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def sql(
    query: Annotated[
        str | None,
        typer.Argument(help="One SQL query; without it, an interactive read-only shell starts."),
    ] = None,
    warehouse: WarehouseOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="Print as an aligned table, CSV or JSON.")
    ] = OutputFormat.table,
) -> None:
    """Query the warehouse read-only: one query, or an interactive shell (statements end in ';')."""
    from carryover.warehouse import sql as sql_shell
    from carryover.warehouse.access import open_read_only

    paths = resolve_paths(warehouse=warehouse)
    try:
        con = open_read_only(paths.warehouse)
    except WarehouseError as exc:
        raise _fail(str(exc)) from None
    try:
        if query is not None:
            try:
                result = sql_shell.run_query(con, query)
            except SqlError as exc:
                err.print(f"carryover sql: {escape(str(exc))}")
                raise typer.Exit(exit_code(exc)) from None
            print(sql_shell.FORMATTERS[output_format.value](result))
            return
        interactive = sys.stdin.isatty()
        if interactive:
            out.print(
                f"carryover sql: {escape(_shown(paths.warehouse))} (read-only); "
                "statements end with ';', .help for help, .quit to leave"
            )
        sql_shell.shell(
            con,
            lines=None if interactive else sql_shell.read_stream(sys.stdin),
            write=print,
            write_error=lambda text: err.print(escape(text)),
            output_format=output_format.value,
            history=sql_shell.history_path(paths.warehouse),
        )
    finally:
        con.close()


def main() -> None:
    """Console-script entry point: no traceback reaches the user unless CARRYOVER_DEBUG is set."""
    try:
        app()
    except SystemExit:
        raise
    except CarryoverError as exc:
        err.print(f"carryover: {escape(str(exc))}")
        sys.exit(exit_code(exc))
    except KeyboardInterrupt:
        err.print("carryover: interrupted")
        sys.exit(exit_code(KeyboardInterrupt()))
    except Exception as exc:
        if os.environ.get("CARRYOVER_DEBUG"):
            raise
        err.print(
            f"carryover: internal error: {escape(type(exc).__name__)}: {escape(str(exc))} "
            "(set CARRYOVER_DEBUG=1 to see the traceback)"
        )
        sys.exit(EXIT_CANNOT_RUN)
