"""The pipeline's one sequence of steps, run by `carryover check` and by the Prefect flow.

`run_steps` reads the raw directory and goes find files -> extract -> read articles -> validate ->
combine -> transform; the flow then loads and reports. Every step is a plain function here or in
its package; the caller says how they run through a `Runner`: `IN_TURN` calls them one after
another, `check` does too but reads many articles in worker processes
(`InTurnReadingInProcesses`), the flow makes each a Prefect task and maps batches over its task
runner.
Batching lives here too: raw files are read in batches of about BATCH_BYTES, and each table's
files are validated in the batches they were read in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, Protocol, TypeVar, cast

import polars as pl

from carryover.analytics import effects as analytics
from carryover.claims.accounting import article_lines, article_numbers
from carryover.claims.articles import Article, article_paths, read_articles
from carryover.core.errors import EXIT_FINDINGS, EXIT_OK, RawDirError
from carryover.core.files import write_atomic
from carryover.core.parts import Table
from carryover.ingest.chunks import ChunkedFile, ChunkPlan, KeyLines, chunk_bytes, plan_chunks
from carryover.ingest.chunks import read_chunks as read_chunks
from carryover.ingest.extract import Extracted, extract_file, table_sources
from carryover.report.markdown import ReportInput, render_markdown
from carryover.validate import reuse, validation
from carryover.validate.article_processes import ArticleProcesses, article_processes, pay_off
from carryover.validate.chunked import merge_chunks, validate_chunks
from carryover.validate.reuse import Reuse, Staged
from carryover.validate.validation import (
    FileStats,
    FileText,
    TableResult,
    Validation,
    article_context,
    combine,
    merge_files,
    parent_tables,
    read_article_batch,
    validate_files,
)
from schemas import OPTIONAL_TABLES, SPECS, TABLES

if TYPE_CHECKING:  # the HTML report imports matplotlib: only the commands that write it pay for it
    from carryover.report.model import ReportData


def ensure_raw_dir(raw_dir: Path) -> None:
    """Fail early, in one sentence, when the raw directory cannot be read."""
    if not raw_dir.exists():
        raise RawDirError(f"the raw directory {raw_dir} does not exist")
    if not raw_dir.is_dir():
        raise RawDirError(f"the raw directory {raw_dir} is not a directory")
    if not os.access(raw_dir, os.R_OK | os.X_OK):
        raise RawDirError(f"the raw directory {raw_dir} is not readable")


@dataclass(frozen=True)
class Source:
    """One raw file to read: its table and its path relative to the raw directory."""

    table: str
    source_file: str


@dataclass(frozen=True)
class Raw:
    """Everything read from the raw directory: each table's files, read, and the articles."""

    tables: dict[str, list[Extracted]]
    articles: list[Article]


def list_sources(raw_dir: Path, skip: Collection[str] = ()) -> list[Source]:
    """Every raw file of the tables not in `skip` (whose results are reused), in reading order."""
    ensure_raw_dir(raw_dir)
    return [
        Source(spec.name, name)
        for spec in TABLES
        if spec.name not in skip
        for name in table_sources(raw_dir, spec)
    ]


def extract_sources(raw_dir: Path, sources: Sequence[Source]) -> list[Extracted]:
    """Read raw files into text cells; an absent file of an optional table reads as empty."""
    return [
        extract_file(raw_dir, SPECS[s.table], s.source_file, optional=s.table in OPTIONAL_TABLES)
        for s in sources
    ]


BATCH_BYTES = 8 * 1024 * 1024
"""Raw files are read in batches of about this many bytes (a larger file is a batch of its own)."""
BATCH_ROWS = 100_000
"""Files that no extract task read (claims from articles) are validated in batches of about this
many rows; the others in the batches they were read in."""
BATCH_FILES = 64
"""No batch holds more files than this, so that many small files still spread over workers."""
ARTICLE_BATCH_BYTES = 256 * 1024
"""Articles are read in batches of about this much text (at most BATCH_FILES articles each)."""


def article_size(article: Article) -> int:
    """An article's size in characters (what reading it costs), at least 1."""
    return max(sum(len(line) + 1 for line in article.lines), 1)


T = TypeVar("T")


def batches(items: Sequence[T], size: Callable[[T], int], limit: int) -> list[list[T]]:
    """Split items, in order, into batches of at most BATCH_FILES items and about `limit` in size.

    One task per batch rather than per file keeps a corpus of thousands of small files from
    costing thousands of task runs, while a large file still gets a task (and a worker) to itself.
    """
    out: list[list[T]] = []
    current: list[T] = []
    total = 0
    for item in items:
        weight = size(item)
        if current and (total + weight > limit or len(current) >= BATCH_FILES):
            out.append(current)
            current, total = [], 0
        current.append(item)
        total += weight
    if current:
        out.append(current)
    return out


def file_size(raw_dir: Path) -> Callable[[Source], int]:
    """A source's size in bytes (0 when it is absent or cannot be read: its task reports why)."""

    def size(source: Source) -> int:
        try:
            return (raw_dir / source.source_file).stat().st_size
        except OSError:
            return 0

    return size


def by_table(sources: Iterable[Source]) -> dict[str, list[Source]]:
    """Group raw files by table, keeping their reading order."""
    tables: dict[str, list[Source]] = {}
    for source in sources:
        tables.setdefault(source.table, []).append(source)
    return tables


def extract_all(raw_dir: Path, skip: Collection[str] = ()) -> Raw:
    """Read every raw file but those of the tables in `skip`, and the articles.

    An absent optional file reads as empty; articles are read only when claims are not skipped.
    """
    sources = by_table(list_sources(raw_dir, skip))
    tables = {table: extract_sources(raw_dir, own) for table, own in sources.items()}
    return Raw(tables, [] if "claims" in skip else read_articles(raw_dir))


def transform_all(validation: Validation) -> dict[str, Table]:
    """Derived tables: those validation computed (outcome changes, claim verdicts) and analytics.

    Outcome changes are computed once, while validating (claims are judged against them). The
    analytics tables are `Parts`, computed a few studies at a time while the load stores them, so
    that the table of every outcome's effects is never in memory whole.
    """
    clean = validation.clean
    changes = validation.derived["outcome_changes"]
    rows = analytics.Analytics(
        clean["studies"], clean["groups"], clean["outcomes"], changes, clean["exercises"]
    )
    return {**validation.derived, **rows.tables()}


@dataclass
class Checked:
    """The result of extract -> validate -> transform, before anything is written."""

    validation: Validation
    derived: Mapping[str, Table] = field(default_factory=dict)
    reuse: Reuse = field(default_factory=lambda: Reuse({}, {}))
    """The raw files' reuse keys and the earlier results reused (none for `check`; let go in a
    run once its results are staged)."""
    staged: Staged | None = None
    """A run's results written for the next run, to commit once it has landed (see run_steps)."""


def stage_results(
    warehouse: Path, keys: Mapping[str, str | None], results: Mapping[str, TableResult]
) -> Staged:
    """Write every table's result for the next run beside the cache (reuse.stage; OSError)."""
    return reuse.stage(warehouse, keys, results)


def find_reusable(raw_dir: Path, warehouse: Path, full: bool) -> Reuse:
    """Hash the raw files and find the last run's results for those unchanged since.

    The claims are never taken from an earlier run when there are articles: reading them gives
    each number's disposition (`article_numbers`) and each article's line, which the claims'
    own result does not hold, so a reused claims table would lose both.
    """
    keys = reuse.raw_keys(raw_dir)
    found = {} if full else reuse.lookup(warehouse, keys)
    if "claims" in found and article_paths(raw_dir):
        found = {name: result for name, result in found.items() if name != "claims"}
    return Reuse(keys, found)


P = ParamSpec("P")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


class Result(Protocol[R_co]):
    """What a mapped step gives back for one batch: its result when asked (a Prefect future)."""

    def result(self) -> R_co:
        """The step's result for this batch."""
        ...


@dataclass(frozen=True)
class Done(Generic[R]):
    """A batch's result already computed (how steps run in turn)."""

    value: R

    def result(self) -> R:
        """The step's result for this batch."""
        return self.value


class Runner(Protocol):
    """How the steps run: `one` calls a step once, `map` calls it on each batch of `sources`.

    A mapped step takes its batch as the parameter `sources`; `same` are the parameters every
    batch shares. A batch may be a `Result` of an earlier mapped step: it is passed on as it is
    (on Dask the data stays on the workers) and the step gets its value.
    """

    def one(self, step: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run one step."""
        ...

    def map(self, step: Callable[..., R], batches: Sequence[Any], **same: Any) -> list[Result[R]]:
        """Run a batch step on each batch, in order."""
        ...


@dataclass(frozen=True)
class InTurn:
    """Run every step in this process, one after another (`replace` swaps a step, for tests)."""

    replace: Mapping[Callable[..., Any], Callable[..., Any]] = field(default_factory=dict)

    def one(self, step: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run one step."""
        return step(*args, **kwargs)

    def map(self, step: Callable[..., R], batches: Sequence[Any], **same: Any) -> list[Result[R]]:
        """Run a batch step on each batch, in order."""
        run: Callable[..., R] = self.replace.get(step, step)
        return [
            Done(run(sources=b.result() if isinstance(b, Done) else b, **same)) for b in batches
        ]


IN_TURN = InTurn()


@dataclass
class InTurnReadingInProcesses:
    """Run every step in this process, one after another, but read many articles on every core.

    When the articles listed are worth it (`article_processes.pay_off`), the workers start at
    once (they import the reader while the tables are validated) and every batch of articles is
    sent to them together; the results come back in the batches' order, the same as `IN_TURN`.
    """

    processes: ArticleProcesses
    in_processes: bool = False

    def one(self, step: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run one step (after listing the articles, start the workers if they pay off)."""
        result = step(*args, **kwargs)
        if step is read_articles:
            listed = cast(list[Article], result)
            self.in_processes = pay_off(sum(article_size(a) for a in listed))
            if self.in_processes:
                self.processes.start()
        return result

    def map(self, step: Callable[..., R], batches: Sequence[Any], **same: Any) -> list[Result[R]]:
        """Run a batch step on each batch, in order (articles in the workers, when started)."""
        if step is read_article_batch and self.in_processes:
            reading = [self.processes.submit(batch, same["context"]) for batch in batches]
            return cast(list[Result[R]], reading)
        return IN_TURN.map(step, batches, **same)


def _files(read: Sequence[Result[list[Extracted]]]) -> list[Extracted]:
    return [ex for batch in read for ex in batch.result()]


def plan_big_files(raw_dir: Path, sources: Sequence[Source], size: int) -> list[ChunkPlan | None]:
    """How each raw file larger than `size` bytes is read in chunks (None: read it whole)."""
    return [plan_chunks(raw_dir, SPECS[s.table], s.source_file, size) for s in sources]


def read_plan(raw_dir: Path, files: Sequence[Source], run: Runner) -> dict[str, list[Any]]:
    """Start reading every raw file; return each table's files in reading order.

    Files are batches being read (`Result`s of `extract_sources`) and, for each file larger than
    the chunk size, its `ChunkPlan` (its chunks are read while the table is validated).
    """
    size = file_size(raw_dir)
    limit = chunk_bytes()
    big = [s for s in files if limit > 0 and size(s) > limit]
    plans = dict(zip(big, run.one(plan_big_files, raw_dir, big, limit), strict=True)) if big else {}
    read: dict[str, list[Any]] = {}
    for table, own in by_table(files).items():
        items: list[Any] = []
        whole: list[Source] = []
        for source in [*own, None]:
            plan = plans.get(source) if source is not None else None
            if source is not None and plan is None:
                whole.append(source)
                continue
            if whole:
                parts = batches(whole, size, BATCH_BYTES)
                items += run.map(extract_sources, parts, raw_dir=raw_dir)
                whole = []
            if plan is not None:
                items.append(plan)
        read[table] = items
    return read


def validate_big(
    plan: ChunkPlan, run: Runner, parents: Mapping[str, pl.DataFrame], this_year: int | None
) -> TableResult:
    """Read and validate a big file chunk by chunk, a few chunks at a time, and merge the results.

    Chunks are read and validated in parallel, in waves of one chunk per worker; the next wave
    is read while this one is validated. Only the chunks of two waves are in memory at a time,
    plus what is kept of each: its clean rows (as text), quarantine and findings.
    """
    wave = max(os.cpu_count() or 1, 1)
    count = len(plan.chunks)
    waves = [list(range(i, min(i + wave, count))) for i in range(0, count, wave)]
    keys = KeyLines()
    results: list[TableResult] = []
    tallies = []
    pending = run.map(read_chunks, [[i] for i in waves[0]], plan=plan)
    for number in range(len(waves)):
        chunks = [ex for read in pending for ex in read.result()]
        pending = (
            run.map(read_chunks, [[i] for i in waves[number + 1]], plan=plan)
            if number + 1 < len(waves)
            else []
        )
        pairs = [[(ex, keys.earlier(ex))] for ex in chunks]
        tallies += [ex.normalised for ex in chunks]
        del chunks
        done = run.map(validate_chunks, pairs, parents=parents, this_year=this_year)
        del pairs
        results += [r for batch in done for r in batch.result()]
        del done
    return merge_chunks(plan, results, tallies)


def validate_read(
    read: Mapping[str, Sequence[Result[list[Extracted]]]],
    articles: Sequence[Article],
    run: Runner,
    reused: Mapping[str, TableResult],
    this_year: int | None = None,
) -> tuple[dict[str, TableResult], dict[str, pl.DataFrame]]:
    """Validate every table's files in load order, each against the tables before it.

    `read` holds each table's files in the batches they were read in; each batch is validated as
    one step (the articles' claims, read from text, are batched by rows here). `reused` holds
    earlier results for tables whose raw files (and those they depend on) did not change; they are
    taken as they are. Returns each table's result and the tables cast to read the articles (for
    `combine`).
    """
    results: dict[str, TableResult] = {}
    typed: dict[str, pl.DataFrame] = {}
    for spec in TABLES:
        if spec.name in reused:
            results[spec.name] = reused[spec.name]
            continue
        own: list[Any] = list(read.get(spec.name, ()))
        if spec.name == "claims" and articles:
            context, typed = article_context(results)
            parts = batches(articles, article_size, ARTICLE_BATCH_BYTES)
            read_parts = run.map(read_article_batch, parts, context=context)
            from_articles = [ex for part in read_parts for ex in part.result()]
            typed.update(article_numbers(from_articles))
            own += batches(from_articles, lambda ex: ex.data_rows, BATCH_ROWS)
        parents = parent_tables(spec.name, results)
        whole = [item for item in own if not isinstance(item, ChunkPlan)]
        per_batch = iter(run.map(validate_files, whole, parents=parents, this_year=this_year))
        sources: list[FileText] = []
        merged: list[TableResult] = []
        for item in own:
            if isinstance(item, ChunkPlan):
                sources.append(ChunkedFile(item))
                merged.append(validate_big(item, run, parents, this_year))
                continue
            sources += item if isinstance(item, list) else item.result()
            merged += next(per_batch).result()
        results[spec.name] = merge_files(sources, merged)
    return results, typed


def run_steps(
    raw_dir: Path,
    run: Runner = IN_TURN,
    warehouse: Path | None = None,
    full: bool = False,
    stage: Callable[[str], object] = lambda name: None,
    analytics: bool = True,
) -> Checked:
    """The steps from the raw directory to the derived tables: extract -> validate -> transform.

    Given the warehouse, tables whose raw files did not change since its last run (unless `full`)
    are neither read nor validated again, and every table's result is written for the next run
    (`Checked.staged`) before `combine`, which then lets go of the clean rows' text once typed.
    `stage` is told each stage's name as it starts (the flow records it in the run's journal).
    Without `analytics`, the derived tables are only those validation computes (outcome changes,
    claim verdicts): what `carryover check` needs.
    """
    stage("extract")
    found = Reuse({}, {}) if warehouse is None else run.one(find_reusable, raw_dir, warehouse, full)
    earlier = found.results
    files = run.one(list_sources, raw_dir, sorted(earlier))
    read = read_plan(raw_dir, files, run)
    articles = [] if "claims" in earlier else run.one(read_articles, raw_dir)
    stage("validate")
    results, typed = validate_read(read, articles, run, earlier)
    reused = [t for t in earlier if t in results]
    staged = None
    if warehouse is not None:
        # Written for the next run now (entries only once the run lands), so that the clean rows'
        # text can go as soon as it is typed; it goes even if it could not be written (None).
        staged = run.one(stage_results, warehouse, found.keys, results)
        earlier.clear()
    validation = run.one(combine, results, reused, typed, warehouse is not None)
    del results, typed
    stage("transform")
    derived = run.one(transform_all, validation) if analytics else dict(validation.derived)
    return Checked(validation, derived, found, staged)


def collected(tables: Mapping[str, Table]) -> dict[str, pl.DataFrame]:
    """Every table as one frame (tables in `Parts` computed whole)."""
    return {
        name: table if isinstance(table, pl.DataFrame) else table.collect()
        for name, table in tables.items()
    }


def check(raw_dir: Path, analytics: bool = True) -> Checked:
    """Validate the raw directory without writing anything (`analytics`: see run_steps).

    Nothing stores the analytics tables here, so they are computed whole. Many articles are read
    in worker processes (see `InTurnReadingInProcesses`), stopped when this returns or raises.
    """
    with article_processes() as processes:
        checked = run_steps(raw_dir, InTurnReadingInProcesses(processes), analytics=analytics)
    return dataclasses.replace(checked, derived=collected(checked.derived))


def validate_tables(
    extracted: Mapping[str, Sequence[Extracted]],
    this_year: int | None = None,
    reused: Mapping[str, TableResult] | None = None,
    *,
    articles: Sequence[Article] = (),
    validate_files: Callable[..., list[TableResult]] = validation.validate_files,
) -> tuple[dict[str, TableResult], dict[str, pl.DataFrame]]:
    """`validate_read` on files already read, each table's files one batch, in this process."""
    read = {table: [Done(list(files))] for table, files in extracted.items()}

    def validate_batch(
        sources: Sequence[Extracted], parents: Mapping[str, pl.DataFrame], this_year: int | None
    ) -> list[TableResult]:
        return validate_files(sources, parents, this_year)

    run = InTurn({validation.validate_files: validate_batch})
    return validate_read(read, articles, run, reused or {}, this_year)


def validate(
    extracted: Mapping[str, Sequence[Extracted]],
    this_year: int | None = None,
    reused: Mapping[str, TableResult] | None = None,
    *,
    articles: Sequence[Article] = (),
) -> Validation:
    """Validate every extracted file and article, one after another, and combine the results."""
    results, typed = validate_tables(extracted, this_year, reused, articles=articles)
    return combine(results, [name for name in (reused or {}) if name in results], typed)


def write_report(report_dir: Path, report: ReportInput) -> Path:
    """Write the run's Markdown report and refresh `latest.md`; return the run's report path."""
    report_dir.mkdir(parents=True, exist_ok=True)
    text = render_markdown(report)
    stamp = report.finished_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = report_dir / f"report-{stamp}-{report.run_id[:8]}.md"
    for target in (path, report_dir / "latest.md"):
        write_atomic(target, text)
    return path


def html_report_path(report_dir: Path, run: dict[str, object]) -> Path:
    """Where a run's HTML report goes: `report-<finished, UTC>-<run id's first 8>.html`."""
    finished = run["finished_at"]
    assert isinstance(finished, dt.datetime)
    if finished.tzinfo is None:
        finished = finished.replace(tzinfo=dt.UTC)
    stamp = finished.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return report_dir / f"report-{stamp}-{str(run['run_id'])[:8]}.html"


def write_html_report(report_dir: Path, data: ReportData) -> Path:
    """Write a run's HTML report; refresh `latest.html` when it is the latest run. Return its path.

    Re-rendering a run writes the same file name again, so it replaces that run's earlier page.
    """
    report_dir.mkdir(parents=True, exist_ok=True)
    from carryover.report.html import render_html

    text = render_html(data)
    path = html_report_path(report_dir, data.run)
    write_atomic(path, text)
    if data.latest:
        write_atomic(report_dir / "latest.html", text)
    return path


@dataclass(frozen=True)
class RunSummary:
    """What a finished run tells its caller."""

    run_id: str
    errors: int
    warnings: int
    files: list[FileStats]
    findings: pl.DataFrame
    warehouse: Path
    report: Path
    reused: tuple[str, ...] = ()
    """Tables whose unchanged raw file's validated result was reused from the last run."""
    html_report: Path | None = None
    """The run's HTML report, when it was written."""
    articles: tuple[str, ...] = ()
    """Per article read: 'id: N numbers: C checked (S supported, W wrong), U unverifiable, R
    unread, X not claims', and whether it is ready."""

    @property
    def exit_code(self) -> int:
        """0 when there are no error findings, else 1 (like a linter)."""
        return EXIT_FINDINGS if self.errors else EXIT_OK


def article_summaries(validation: Validation) -> tuple[str, ...]:
    """One line per article read this run (see accounting.article_lines)."""
    numbers = validation.derived.get("article_numbers")
    if numbers is None:
        return ()
    return tuple(article_lines(numbers, validation.findings))


def summary_line(summary: RunSummary) -> str:
    """One line for the run's log: files, rows loaded and quarantined, findings, run id."""
    rows = sum(f.data_rows for f in summary.files)
    loaded = sum(f.loaded_rows for f in summary.files)
    read = sum(1 for f in summary.files if f.sha256 is not None)
    return (
        f"carryover run {summary.run_id}: {read} files, {rows} rows: {loaded} loaded, "
        f"{rows - loaded} quarantined; {summary.errors} error(s), {summary.warnings} warning(s)"
    )
