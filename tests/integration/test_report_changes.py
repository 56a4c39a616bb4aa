"""The report across runs: artifacts under stable keys, and findings that survive edits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from carryover.core.config import PROJECT_ROOT
from carryover.report.model import load_report_data
from flows.pipeline import FINDINGS_ARTIFACT_KEY, REPORT_ARTIFACT_KEY, carryover_pipeline
from tests.support import VALID

pytestmark = pytest.mark.slow
ARTICLE = "articles/hip-thrust-vs-squat.md"


def _run(raw: Path, tmp_path: Path):
    return carryover_pipeline(
        raw_dir=raw,
        warehouse=tmp_path / "w.duckdb",
        report_dir=tmp_path / "reports",
        fail_on="never",  # the summary, not a Failed state, also for data with errors
    )


def test_each_run_writes_its_html_report_and_publishes_both_artifacts(tmp_path: Path) -> None:
    """report-<time>-<run>.html and latest.html; a summary and a findings table artifact."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    summary = _run(VALID, tmp_path)
    assert summary.html_report is not None
    assert summary.html_report.name.endswith(f"-{summary.run_id[:8]}.html")
    latest = (tmp_path / "reports" / "latest.html").read_text(encoding="utf-8")
    assert latest == summary.html_report.read_text(encoding="utf-8")
    assert summary.run_id in latest
    with get_client(sync_client=True) as client:
        keys = [REPORT_ARTIFACT_KEY, FINDINGS_ARTIFACT_KEY]
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=keys))
        )
    mine = [a for a in artifacts if a.description and summary.run_id in a.description]
    assert {a.key for a in mine} == set(keys)
    assert {a.type for a in mine} == {"markdown", "table"}


def test_a_second_run_compares_with_the_first_or_says_why_not(tmp_path: Path) -> None:
    """The previous run is found; without fingerprints the page says no comparison is available."""
    _run(VALID, tmp_path)
    second = _run(VALID, tmp_path)
    data = load_report_data(tmp_path / "w.duckdb")
    assert data.run["run_id"] == second.run_id
    assert data.previous_run is not None
    html = (tmp_path / "reports" / "latest.html").read_text(encoding="utf-8")
    if data.changes is None:
        assert "No comparison available" in html
    else:
        assert data.changes.new.is_empty()
        assert data.changes.resolved.is_empty()


def test_editing_an_article_above_a_claim_leaves_its_finding_unchanged(tmp_path: Path) -> None:
    """A line inserted at the top of the article moves every claim down; no finding is new."""
    raw = tmp_path / "raw"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    _run(raw, tmp_path)
    article = raw / ARTICLE
    article.write_text("An editor's note.\n" + article.read_text(encoding="utf-8"), "utf-8")
    _run(raw, tmp_path)

    data = load_report_data(tmp_path / "w.duckdb")
    assert data.changes is not None, data.comparison_note
    assert data.changes.new.is_empty()
    assert data.changes.resolved.is_empty()
    moved = data.changes.unchanged.filter(
        (data.changes.unchanged["source_file"] == ARTICLE)
        & (data.changes.unchanged["rule"] == "claim_vs_source")
        & (data.changes.unchanged["value"] == "21.2")
    )
    assert moved["source_line"].to_list() == [18]  # was line 17
    html = (tmp_path / "reports" / "latest.html").read_text(encoding="utf-8")
    assert "0 new" in html
