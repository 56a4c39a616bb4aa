"""The carryover pipeline as one Prefect flow: extract -> validate -> transform -> load -> report.

Each task handles whole tables, never single rows. Only the I/O steps retry. Tasks do not cache:
their inputs are data frames, and a run must always see the raw files as they are now.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import polars as pl
from prefect import flow, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from carryover import pipeline
from carryover.html_report import findings_records, summary_markdown
from carryover.report import ReportInput, render_markdown
from carryover.report_data import load_report_data
from carryover.validate import Validation
from carryover.validate import validate as validate_extracted
from carryover.warehouse import RunRecord
from carryover.warehouse import load as load_warehouse

REPORT_ARTIFACT_KEY = "carryover-validation-report"
FINDINGS_ARTIFACT_KEY = "carryover-findings"


@task(name="extract", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def extract(raw_dir: Path) -> pipeline.Raw:
    """Read every raw file into text cells (keeping file and line of each row), and the articles."""
    return pipeline.extract_all(raw_dir)


@task(name="validate", cache_policy=NO_CACHE)
def validate(raw: pipeline.Raw) -> Validation:
    """Run every pandera plan and judge every claim; split rows into clean and quarantined."""
    return validate_extracted(raw.tables, raw.articles)


@task(name="transform", cache_policy=NO_CACHE)
def transform(validation: Validation) -> dict[str, pl.DataFrame]:
    """Compute derived tables from the clean ones."""
    return pipeline.transform_all(validation)


@task(name="load", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def load(
    warehouse: Path, run: RunRecord, validation: Validation, derived: dict[str, pl.DataFrame]
) -> None:
    """Write the run into DuckDB in one transaction."""
    load_warehouse(warehouse, run, validation, derived)


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
def carryover_pipeline(raw_dir: Path, warehouse: Path, report_dir: Path) -> pipeline.RunSummary:
    """Check the raw study data, load what is valid into DuckDB, and report every finding."""
    started = dt.datetime.now(dt.UTC)
    run_id = str(flow_run.id or uuid.uuid4())

    extracted = extract(raw_dir)
    validation = validate(extracted)
    derived = transform(validation)
    finished = dt.datetime.now(dt.UTC)
    status = "errors" if validation.errors else "ok"
    load(warehouse, RunRecord(run_id, started, finished, status, str(raw_dir)), validation, derived)
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
        html_report=html_path,
    )
