"""One run's Markdown and HTML reports carry one timestamp: the run's finish in the warehouse."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from flows.pipeline import carryover_pipeline
from tests.support import VALID

pytestmark = pytest.mark.slow


def test_markdown_and_html_reports_of_a_run_share_its_timestamp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """report-<stamp>-<run>.md and .html differ only in their suffix; stamp = runs.finished_at.

    The load is made to end more than a second after it records the run, as a slow load would.
    """
    import flows.pipeline

    real_load = flows.pipeline.load_warehouse

    def slow_load(*args: Any, **kwargs: Any) -> None:
        real_load(*args, **kwargs)
        time.sleep(1.1)

    monkeypatch.setattr(flows.pipeline, "load_warehouse", slow_load)
    summary = carryover_pipeline(
        raw_dir=VALID, warehouse=tmp_path / "w.duckdb", report_dir=tmp_path / "reports"
    )
    assert summary.html_report is not None
    assert summary.report.with_suffix(".html") == summary.html_report
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        [(finished,)] = con.sql("select finished_at from runs").fetchall()
    finally:
        con.close()
    stamp = finished.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert summary.report.name == f"report-{stamp}-{summary.run_id[:8]}.md"
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == sorted(
        ["latest.md", "latest.html", summary.report.name, summary.html_report.name]
    )
