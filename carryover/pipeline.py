"""The pipeline's steps as plain functions, shared by the Prefect flow and `carryover check`.

extract -> validate -> transform are pure given the raw files; load and report write outputs.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import polars as pl

from carryover import analytics
from carryover.articles import Article, read_articles
from carryover.extract import Extracted, extract_file, table_sources
from carryover.report import ReportInput, render_markdown
from carryover.validate import FileStats, Validation, validate
from schemas import OPTIONAL_TABLES, SPECS, TABLES

if TYPE_CHECKING:  # the HTML report imports matplotlib: only the commands that write it pay for it
    from carryover.html_report import ReportData


class RawDirError(Exception):
    """The raw directory cannot be used at all (absent, not a directory, not readable)."""


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


def transform_all(validation: Validation) -> dict[str, pl.DataFrame]:
    """Derived tables: those validation computed (outcome changes, claim verdicts) and analytics.

    Outcome changes are computed once, while validating (claims are judged against them).
    """
    clean = validation.clean
    changes = validation.derived["outcome_changes"]
    rows = analytics.carryover(
        clean["studies"], clean["groups"], clean["outcomes"], changes, clean["exercises"]
    )
    return {**validation.derived, "carryover": rows, "carryover_pooled": analytics.pooled(rows)}


@dataclass
class Checked:
    """The result of extract -> validate -> transform, before anything is written."""

    validation: Validation
    derived: dict[str, pl.DataFrame] = field(default_factory=dict)


def check(raw_dir: Path) -> Checked:
    """Validate the raw directory without writing anything."""
    raw = extract_all(raw_dir)
    validation = validate(raw.tables, articles=raw.articles)
    return Checked(validation, transform_all(validation))


def write_report(report_dir: Path, report: ReportInput) -> Path:
    """Write the run's Markdown report and refresh `latest.md`; return the run's report path."""
    report_dir.mkdir(parents=True, exist_ok=True)
    text = render_markdown(report)
    stamp = report.finished_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = report_dir / f"report-{stamp}-{report.run_id[:8]}.md"
    for target in (path, report_dir / "latest.md"):
        tmp = target.with_suffix(".md.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    return path


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


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
    from carryover.html_report import render_html

    text = render_html(data)
    path = html_report_path(report_dir, data.run)
    _write_atomic(path, text)
    if data.latest:
        _write_atomic(report_dir / "latest.html", text)
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

    @property
    def exit_code(self) -> int:
        """0 when there are no error findings, else 1 (like a linter)."""
        return 1 if self.errors else 0
