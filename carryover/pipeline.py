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

from carryover.extract import Extracted, extract_file
from carryover.report import ReportInput, render_markdown
from carryover.transforms import outcome_changes
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


def extract_all(raw_dir: Path, skip: Collection[str] = ()) -> dict[str, Extracted]:
    """Read every raw table's file but those in `skip` (an absent optional file reads as empty)."""
    ensure_raw_dir(raw_dir)
    return {
        spec.name: extract_file(raw_dir, spec, optional=spec.name in OPTIONAL_TABLES)
        for spec in TABLES
        if spec.name not in skip
    }


def transform_all(validation: Validation) -> dict[str, pl.DataFrame]:
    """Derived tables computed from the clean ones."""
    return {"outcome_changes": outcome_changes(validation.clean["outcomes"])}


@dataclass
class Checked:
    """The result of extract -> validate -> transform, before anything is written."""

    validation: Validation
    derived: dict[str, pl.DataFrame] = field(default_factory=dict)


def check(raw_dir: Path) -> Checked:
    """Validate the raw directory without writing anything."""
    validation = validate(extract_all(raw_dir))
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

    @property
    def exit_code(self) -> int:
        """0 when there are no error findings, else 1 (like a linter)."""
        return 1 if self.errors else 0
