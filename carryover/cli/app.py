"""The `carryover` command: run or serve the pipeline, check raw data, query it, show runs.

Exit codes, like a linter: 0 no error findings, 1 error findings (valid rows still loaded, the
rest quarantined), 2 could not run (bad arguments, missing raw directory, unusable warehouse).
`carryover sql`: 0 answered, 1 the query failed in DuckDB, 2 refused (not a query) or no warehouse.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from carryover.cli.formats import Located, Outcome
from carryover.core import failon
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
from carryover.core.preflight import ReportDirError, ensure_report_dir
from carryover.core.teardown import quiet_teardown
from carryover.core.visible import visible, visible_lines
from carryover.core.watchdog import start_watchdog
from carryover.validate.validation import FileStats

if TYPE_CHECKING:  # imported by the commands that use it
    import duckdb

    from carryover.steps import RunSummary
    from carryover.warehouse.sql import Result

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


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"carryover {version('carryover')}")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Check and warehouse strength-training study results."""


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


class FailOnLevel(StrEnum):
    """Findings from which a run ends Failed in Prefect and exits 1 (see carryover.failon)."""

    error = "error"
    warning = "warning"
    never = "never"


FailOnOption = Annotated[
    FailOnLevel,
    typer.Option(
        "--fail-on",
        help="End the run Failed in Prefect (and exit 1) when it has findings of this level or "
        "worse: error, warning, or never. The warehouse is loaded and the report written anyway.",
    ),
]
MaxFindings = Annotated[
    int,
    typer.Option("--max-findings", min=0, help="Print at most this many findings (0: all)."),
]


def _shown(path: Path) -> str:
    """A path as short as it can be shown: relative to the working directory when inside it."""
    try:
        return visible(str(path.relative_to(Path.cwd())))
    except ValueError:
        return visible(str(path))


class FindingsFormat(StrEnum):
    """How check, check-article and run print findings (see carryover.cli.formats)."""

    text = "text"
    json = "json"
    junit = "junit"
    github = "github"


FormatOption = Annotated[
    FindingsFormat,
    typer.Option(
        "--format",
        help="text for people; json; junit (JUnit XML); github (GitHub Actions annotations). "
        "Machine formats print every finding.",
    ),
]


def _located(findings: object, raw_dir: Path) -> list[Located]:
    """A findings frame as located findings: paths as shown, columns inside article lines."""
    import polars as pl

    from carryover.claims.locate import article_lines, with_columns
    from carryover.cli.formats import located

    assert isinstance(findings, pl.DataFrame)
    rows = with_columns(list(findings.iter_rows(named=True)), article_lines(raw_dir))
    shown: dict[str, str] = {}  # a file's findings are many: its path is shown once

    def shown_once(source: str) -> str:
        if source not in shown:
            shown[source] = _shown(raw_dir / source)
        return shown[source]

    return located(rows, shown_once)


def _print_findings(findings: Sequence[Located], limit: int) -> None:
    for i, f in enumerate(findings):
        if limit and i >= limit:
            out.print(f"... and {len(findings) - limit} more findings (see the report)")
            break
        colour = "red" if f.severity == "error" else "yellow"
        column = f" {visible(f.column_name)}:" if f.column_name else ""
        out.print(
            f"{escape(f.where)}: [{colour}]{f.severity}[/{colour}] "
            f"\\[{f.rule}]{escape(column)} {escape(visible(f.message))}"
        )


def _emit(outcome: Outcome, fmt: FindingsFormat, limit: int) -> None:
    """Print a command's findings and summary in the chosen format (machine formats: all)."""
    from carryover.cli import formats

    if fmt is FindingsFormat.text:
        _print_findings(outcome.findings, limit)
        for line in outcome.articles:
            out.print(escape(line))
        out.print(escape(outcome.summary))
    elif fmt is FindingsFormat.json:
        print(formats.to_json(outcome))
    elif fmt is FindingsFormat.junit:
        print(formats.to_junit(outcome))
    else:
        print(formats.to_github(outcome))


def _aside(fmt: FindingsFormat) -> Console:
    """Where a command's other lines go: stdout for people, stderr beside JSON or XML."""
    return err if fmt in (FindingsFormat.json, FindingsFormat.junit) else out


def _summary(command: str, files: list[FileStats], errors: int, warnings: int) -> str:
    rows = sum(f.data_rows for f in files)
    loaded = sum(f.loaded_rows for f in files)
    read = sum(1 for f in files if f.sha256 is not None)
    if command == "check":  # check writes nothing: say what a run would do
        return (
            f"carryover check: {read} files, {rows} rows: {loaded} valid (a run would load "
            f"them), {rows - loaded} would be quarantined; {errors} error(s), "
            f"{warnings} warning(s); nothing was written"
        )
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
    fail_on: FailOnOption = FailOnLevel.error,
    output_format: FormatOption = FindingsFormat.text,
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
        ensure_report_dir(paths.report_dir)  # and before the swap, if no report can be written
        from flows.pipeline import carryover_pipeline

        start_watchdog()  # Prefect's temporary server ends with this run, even on kill -9

        state = carryover_pipeline(
            raw_dir=paths.raw_dir,
            warehouse=paths.warehouse,
            report_dir=paths.report_dir,
            full=full,
            lock_wait_seconds=wait,
            task_runner=task_runner.value,
            dask_address=dask_address,
            fail_on=fail_on.value,
            return_state=True,
        )
        summary = run_summary(state)
    except (RawDirError, WarehouseError, ReportDirError) as exc:
        raise _fail(str(exc)) from None
    findings = _located(summary.findings, paths.raw_dir)
    line = _summary("run", summary.files, summary.errors, summary.warnings)
    _emit(
        Outcome(
            "run",
            findings,
            summary.errors,
            summary.warnings,
            f"{line} (run {summary.run_id})",
            files=[_shown(paths.raw_dir / f.source_file) for f in summary.files],
            articles=summary.articles,
            failing=lambda f: failon.breaches(
                int(f.severity == "error"), int(f.severity == "warning"), fail_on.value
            ),
        ),
        output_format,
        max_findings,
    )
    aside = _aside(output_format)
    if summary.reused:
        aside.print(
            f"reused the validated result of {len(summary.reused)} table(s) whose files are "
            f"unchanged since the last run: {', '.join(summary.reused)} (--full validates "
            "everything)"
        )
    aside.print(f"warehouse: {escape(_shown(summary.warehouse))}")
    aside.print(f"report:    {escape(_shown(summary.report))}")
    if summary.html_report is not None:
        aside.print(f"html:      {escape(_shown(summary.html_report))}")
    if failon.breaches(summary.errors, summary.warnings, fail_on.value):
        message = failon.failure_message(summary.errors, summary.warnings, fail_on.value)
        aside.print(f"run failed: {escape(message)}")
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(0)


def run_summary(state: object) -> RunSummary:
    """The summary of a finished flow run's state; a run that raised raises the same here.

    A run whose findings reached --fail-on ends Failed with a FindingsReachedThreshold as its
    result, which carries the summary.
    """
    from prefect.client.schemas.objects import State

    from carryover.steps import RunSummary

    assert isinstance(state, State)
    value = state.result(raise_on_failure=False)
    if isinstance(value, failon.FindingsReachedThreshold):
        value = value.summary
    if isinstance(value, BaseException):
        raise value
    assert isinstance(value, RunSummary)
    return value


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
    fail_on: FailOnOption = FailOnLevel.error,
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
        ensure_report_dir(paths.report_dir)
    except (RawDirError, WarehouseError, ReportDirError) as exc:
        raise _fail(str(exc)) from None
    from flows.pipeline import carryover_pipeline

    out.print(
        f"serving deployment {carryover_pipeline.name}/{name} on {url}, schedule {cron!r}; "
        "Ctrl+C stops it"
    )
    from flows.serving import serve as serve_flow

    serve_flow(
        carryover_pipeline,
        name=name,
        cron=cron,
        parameters={
            "raw_dir": str(paths.raw_dir),
            "warehouse": str(paths.warehouse),
            "report_dir": str(paths.report_dir),
            "lock_wait_seconds": wait,
            "task_runner": task_runner.value,
            "dask_address": dask_address,
            "fail_on": fail_on.value,
        },
        concurrency_limit=ConcurrencyLimitConfig(
            limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE
        ),
        limit=1,
        description="Check the raw study data, load DuckDB, write the report.",
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


@app.command()
def alert(
    webhook: Annotated[
        str, typer.Option("--webhook", help="The URL that gets a JSON POST for each Failed run.")
    ],
    name: Annotated[
        str, typer.Option("--name", help="Name of the automation and of its webhook block.")
    ] = "carryover-failed-runs",
) -> None:
    """Create a Prefect automation that posts every Failed carryover run to a webhook.

    Needs a running Prefect server (PREFECT_API_URL); see docs/operations.md.
    """
    _quiet_prefect(verbose=False)
    _api_url_or_fail()
    from flows.alerts import create_failed_run_alert

    automation = create_failed_run_alert(webhook, name=name)
    out.print(f"automation {escape(name)} ({automation.id}) posts Failed runs to {escape(webhook)}")


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
        out.print(escape(visible(line)))


@app.command()
def check(
    raw: RawOption = None,
    max_findings: MaxFindings = 100,
    output_format: FormatOption = FindingsFormat.text,
) -> None:
    """Validate the raw data and print the findings; writes nothing, starts no Prefect server."""
    from carryover.steps import article_summaries
    from carryover.steps import check as check_raw

    paths = resolve_paths(raw)
    try:
        checked = check_raw(paths.raw_dir, analytics=False)  # check prints findings only
    except RawDirError as exc:
        raise _fail(str(exc)) from None
    validation = checked.validation
    _emit(
        Outcome(
            "check",
            _located(validation.findings, paths.raw_dir),
            validation.errors,
            validation.warnings,
            _summary("check", validation.files, validation.errors, validation.warnings),
            files=[_shown(paths.raw_dir / f.source_file) for f in validation.files],
            articles=article_summaries(validation),
        ),
        output_format,
        max_findings,
    )
    raise typer.Exit(EXIT_FINDINGS if validation.errors else EXIT_OK)


@app.command("check-article")
def check_article(
    files: Annotated[
        list[Path],
        typer.Argument(help="Article drafts (Markdown or text) to check.", show_default=False),
    ],
    warehouse: WarehouseOption = None,
    max_findings: MaxFindings = 100,
    output_format: FormatOption = FindingsFormat.text,
) -> None:
    """Check draft articles' claims against the current warehouse; read-only, writes nothing.

    The drafts need not be in raw/. Exit 0: no error findings; 1: error findings; 2: no usable
    warehouse, or a file that cannot be read.
    """
    from carryover.claims.locate import with_columns
    from carryover.cli.formats import located
    from carryover.warehouse.drafts import check_articles

    paths = resolve_paths(warehouse=warehouse)
    for path in files:
        if not path.is_file():
            raise _fail(f"{path} is not a file")
    shown = [_shown(path.absolute()) for path in files]
    try:
        result = check_articles(files, shown, paths.warehouse)
    except WarehouseError as exc:
        raise _fail(str(exc)) from None
    rows = with_columns(list(result.findings.iter_rows(named=True)), result.lines.get)
    summary = (
        f"carryover check-article: {len(files)} file(s); {result.errors} error(s), "
        f"{result.warnings} warning(s); checked against {_shown(paths.warehouse)}"
    )
    _emit(
        Outcome(
            "check-article",
            located(rows, str),
            result.errors,
            result.warnings,
            summary,
            files=shown,
        ),
        output_format,
        max_findings,
    )
    raise typer.Exit(EXIT_FINDINGS if result.errors else 0)


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


def _for_terminal(text: str) -> str:
    """SQL output: control characters in cells shown as escapes when a terminal would obey them.

    Tables already show them (carryover.warehouse.sql); CSV piped to a file or a program stays
    byte-exact.
    """
    return visible_lines(text) if sys.stdout.isatty() else text


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
        con = open_read_only(paths.warehouse, guarded=True)
    except WarehouseError as exc:
        raise _fail(str(exc)) from None
    try:
        if query is not None:
            try:
                result = _one_shot(con, query)
                if isinstance(result, str):
                    if result:
                        print(result)
                    return
            except SqlError as exc:
                err.print(f"carryover sql: {escape(visible_lines(str(exc)))}")
                raise typer.Exit(exit_code(exc)) from None
            print(_for_terminal(sql_shell.FORMATTERS[output_format.value](result)))
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
            write=lambda text: print(_for_terminal(text)),
            write_error=lambda text: err.print(escape(visible(text))),
            output_format=output_format.value,
            history=sql_shell.history_path(paths.warehouse),
        )
    finally:
        con.close()


def _one_shot(con: duckdb.DuckDBPyConnection, query: str) -> Result | str:
    """A one-shot `carryover sql` query: SQL, or a dot command (.tables, .schema, .help)."""
    from carryover.warehouse import sql as sql_shell
    from carryover.warehouse.sql_commands import is_dot_command, run_dot_command

    if is_dot_command(query):
        answer = run_dot_command(con, query)
        return "" if answer is None else answer
    return sql_shell.run_query(con, query)


def _one_line(exc: BaseException) -> str:
    """An exception's message as one line: its first non-empty line, of reasonable length."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def main() -> None:
    """Console-script entry point: no traceback reaches the user unless CARRYOVER_DEBUG is set."""
    try:
        app()
    except SystemExit:
        quiet_teardown()
        raise
    except CarryoverError as exc:
        err.print(f"carryover: {escape(visible(_one_line(exc)))}")
        quiet_teardown()
        sys.exit(exit_code(exc))
    except KeyboardInterrupt:
        err.print("carryover: interrupted")
        sys.exit(exit_code(KeyboardInterrupt()))
    except Exception as exc:
        if os.environ.get("CARRYOVER_DEBUG"):
            raise
        err.print(
            f"carryover: internal error: {escape(type(exc).__name__)}: {escape(_one_line(exc))} "
            "(set CARRYOVER_DEBUG=1 to see the traceback)"
        )
        quiet_teardown()
        sys.exit(EXIT_CANNOT_RUN)
