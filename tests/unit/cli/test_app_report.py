"""`carryover report`: re-render a run's page from the warehouse, or say why it cannot."""

from pathlib import Path

from typer.testing import CliRunner

from carryover.cli.app import app
from tests.report_frames import history_warehouse


def test_report_writes_the_latest_run_and_refreshes_latest_html(tmp_path: Path) -> None:
    """Without --run: the latest run's page, also as latest.html; exit 0 and the path."""
    history_warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=True)
    reports = tmp_path / "reports"
    args = ["report", "--warehouse", str(tmp_path / "w.duckdb"), "--report-dir", str(reports)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in reports.iterdir())
    assert written == ["latest.html", "report-20260101T020005Z-run-c.html"]
    assert "report-20260101T020005Z-run-c.html (run run-c)" in result.output
    page = (reports / "latest.html").read_text(encoding="utf-8")
    assert "1 new" in page  # fingerprints matched against run-b
    assert "The squat group gained 21.2% on the hip thrust." in page  # the article's line 3


def test_report_of_an_earlier_run_leaves_latest_html_alone(tmp_path: Path) -> None:
    """--run with an earlier run writes that run's page only."""
    history_warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=False)
    reports = tmp_path / "reports"
    args = ["report", "--run", "run-a", "--warehouse", str(tmp_path / "w.duckdb")]
    result = CliRunner().invoke(app, [*args, "--report-dir", str(reports)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in reports.iterdir()] == ["report-20260101T000005Z-run-a.html"]


def test_report_without_a_warehouse_or_with_an_unknown_run_exits_2(tmp_path: Path) -> None:
    """No warehouse, or no such run: one sentence, exit 2."""
    missing = CliRunner().invoke(app, ["report", "--warehouse", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2
    history_warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=False)
    unknown = CliRunner().invoke(
        app, ["report", "--run", "zzz", "--warehouse", str(tmp_path / "w.duckdb")]
    )
    assert unknown.exit_code == 2
