"""The pipeline's steps as plain functions, shared by the Prefect flow and `carryover check`.

extract -> validate -> transform are pure given the raw files; load and report write outputs.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from carryover import analytics
from carryover.articles import Article, read_articles
from carryover.extract import Extracted, extract_file
from carryover.html_report import ReportData, render_html
from carryover.report import ReportInput, render_markdown
from carryover.validate import FileStats, Validation, validate
from schemas import OPTIONAL_TABLES, TABLES


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
class Raw:
    """Everything read from the raw directory: one Extracted per table, and the articles."""

    tables: dict[str, Extracted]
    articles: list[Article]


def extract_all(raw_dir: Path, skip: Collection[str] = ()) -> Raw:
    """Read every raw file but the tables in `skip` (whose results are reused), and the articles.

    An absent optional file reads as empty; articles are read only when claims are not skipped.
    """
    ensure_raw_dir(raw_dir)
    tables = {
        spec.name: extract_file(raw_dir, spec, optional=spec.name in OPTIONAL_TABLES)
        for spec in TABLES
        if spec.name not in skip
    }
    return Raw(tables, [] if "claims" in skip else read_articles(raw_dir))


def transform_all(validation: Validation) -> dict[str, pl.DataFrame]:
    """Derived tables: those validation computed (outcome changes, claim verdicts) and analytics.

    Outcome changes are computed once, while validating (claims are judged against them).
    """
    clean = validation.clean
    changes = validation.derived["outcome_changes"]
    rows = analytics.carryover(clean["studies"], clean["groups"], clean["outcomes"], changes)
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
