"""Reading a run's report from the warehouse: the previous run, fingerprints, earlier runs."""

from pathlib import Path

import pytest

from carryover.core.errors import ReportError
from carryover.report.model import load_report_data
from tests.report_frames import history_warehouse


def test_changes_come_from_fingerprints_and_the_latest_earlier_run(tmp_path: Path) -> None:
    """The previous run is the latest earlier one; findings are matched by fingerprint."""
    history_warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=True)
    data = load_report_data(tmp_path / "w.duckdb")
    assert data.run["run_id"] == "run-c"
    assert data.latest
    assert data.previous_run is not None
    assert data.previous_run["run_id"] == "run-b"
    assert data.changes is not None
    assert data.changes.unchanged["source_line"].to_list() == [18]
    assert data.changes.new["fingerprint"].to_list() == ["fp-new"]
    assert data.changes.resolved["fingerprint"].to_list() == ["fp-gone"]
    assert data.claim_checks is not None
    assert data.quarantine is not None
    assert "run_id" not in data.quarantine.columns
    assert data.article_lines["articles/demo.md"][2].startswith("The squat group")


def test_without_a_fingerprint_column_there_is_no_comparison(tmp_path: Path) -> None:
    """Today's findings table has no fingerprint: no changes, and a note saying why."""
    history_warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=False)
    data = load_report_data(tmp_path / "w.duckdb")
    assert data.changes is None
    assert data.comparison_note.startswith("No comparison available")


def test_an_earlier_run_is_reported_from_history_only(tmp_path: Path) -> None:
    """run-b by prefix: its findings, compared with run-a; no current tables."""
    history_warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=True)
    data = load_report_data(tmp_path / "w.duckdb", "run-b")
    assert not data.latest
    assert data.findings.height == 2
    assert data.claim_checks is None
    assert data.quarantine is None
    assert data.carryover is None
    assert data.changes is not None
    assert data.changes.new.height == 2


def test_the_first_run_has_nothing_to_compare_with(tmp_path: Path) -> None:
    """The first run says so."""
    history_warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=True)
    data = load_report_data(tmp_path / "w.duckdb", "run-a")
    assert data.previous_run is None
    assert data.changes is None
    assert "first run" in data.comparison_note


def test_an_edited_article_shows_no_sentence(tmp_path: Path) -> None:
    """The article's text is shown only while the file is what the run read."""
    history_warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=True)
    (tmp_path / "raw" / "articles" / "demo.md").write_text("changed\n", encoding="utf-8")
    assert load_report_data(tmp_path / "w.duckdb").article_lines == {}


def test_unknown_or_ambiguous_runs_and_missing_warehouses_are_one_sentence(tmp_path: Path) -> None:
    """No such run, a prefix matching several, or no warehouse: ReportError."""
    history_warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=False)
    with pytest.raises(ReportError, match="no run 'zzz'"):
        load_report_data(tmp_path / "w.duckdb", "zzz")
    with pytest.raises(ReportError, match="matches 3 runs"):
        load_report_data(tmp_path / "w.duckdb", "run-")
    with pytest.raises(ReportError, match="no warehouse"):
        load_report_data(tmp_path / "none.duckdb")


def test_fact_claims_read_in_words_with_their_units() -> None:
    """Population, baseline, p-value and protocol claims say what they are, with units."""
    from carryover.report.model import _fact_what, _quantity_value

    assert _quantity_value("age", 26.4) == "26.4 years (mean age)"
    assert _quantity_value("body_height_sd", 3.79) == "SD 3.79 cm"
    assert _quantity_value("pre_mean_lb", 185.0) == "185 lb"
    assert _quantity_value("p_below", 0.001) == "P<0.001"
    assert _quantity_value("sessions_total", 16.0) == "16 sessions in all"
    assert _fact_what("pre_mean_lb", "Barbell back squat", "nRM", None) == (
        "baseline mean, Barbell back squat nRM"
    )
    assert _fact_what("age", None, None, "Back squat") == "mean age, Back squat group"
    assert _fact_what("other", None, None, None) == "protocol detail (not in the data)"
    assert _fact_what("change_pct", "Barbell back squat", "1RM", "Back squat") == ""


def test_a_bound_and_a_percent_difference_are_said_as_the_article_put_them() -> None:
    """'at least 50 lb' for a bound; a difference in % says what it is more than."""
    from carryover.report.model import _bounded, _quantity_value

    assert _bounded("at_least", _quantity_value("pre_mean_lb", 50.0)) == "at least 50 lb"
    assert _bounded("at_most", _quantity_value("change_pct", 10.0)) == "at most 10%"
    assert _bounded(None, _quantity_value("change_pct", 10.0)) == "10%"
    assert _quantity_value("contrast_pct", 10.0, 15.0) == "10-15% more than the other group"
