"""Reading a run's report from the warehouse: the previous run, fingerprints, earlier runs."""

import datetime as dt
import hashlib
from pathlib import Path

import duckdb
import pytest

from carryover.report_data import ReportError, load_report_data

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _warehouse(path: Path, raw: Path, *, fingerprints: bool) -> None:
    """Three runs; the latest has current tables. Findings carry a fingerprint if asked."""
    article = "Title\n\nThe squat group gained 21.2% on the hip thrust.\n"
    (raw / "articles").mkdir(parents=True)
    (raw / "articles" / "demo.md").write_text(article, encoding="utf-8")
    sha = hashlib.sha256(article.encode()).hexdigest()
    con = duckdb.connect(str(path))
    fp = ", fingerprint varchar" if fingerprints else ""
    con.execute(
        "create table runs (run_id varchar, started_at timestamptz, finished_at timestamptz, "
        "status varchar, raw_dir varchar, rows_total bigint, rows_loaded bigint, "
        "rows_quarantined bigint, errors bigint, warnings bigint)"
    )
    con.execute(
        "create table run_files (run_id varchar, table_name varchar, source_file varchar, "
        "sha256 varchar, data_rows bigint, loaded_rows bigint, quarantined_rows bigint)"
    )
    con.execute(
        "create table findings (run_id varchar, severity varchar, rule varchar, "
        "quarantines boolean, table_name varchar, source_file varchar, source_line bigint, "
        f"column_name varchar, value varchar, message varchar{fp})"
    )
    for i, run in enumerate(["run-a", "run-b", "run-c"]):
        con.execute(
            "insert into runs values (?, ?, ?, 'errors', ?, 1, 1, 0, 1, 0)",
            [run, T0 + dt.timedelta(hours=i), T0 + dt.timedelta(hours=i, seconds=5), str(raw)],
        )
        con.execute(
            "insert into run_files values (?, 'claims', 'articles/demo.md', ?, 1, 1, 0)",
            [run, sha],
        )
    rows = [
        ("run-b", 17, "fp-claim"),
        ("run-b", 4, "fp-gone"),
        ("run-c", 18, "fp-claim"),  # the same finding, one line lower
        ("run-c", 9, "fp-new"),
    ]
    for run, line, fingerprint in rows:
        extra = [fingerprint] if fingerprints else []
        marks = ", ?" if fingerprints else ""
        con.execute(
            "insert into findings values (?, 'error', 'claim_vs_source', false, 'claims', "
            f"'articles/demo.md', ?, 'value', '21.2', 'msg'{marks})",
            [run, line, *extra],
        )
    con.execute(
        "create table claim_checks as select 'demo' as article_id, 3 as line, "
        "'articles/demo.md' as source_file"
    )
    con.execute(
        "create table quarantine as select 'run-c' as run_id, 'x' as table_name, "
        "'x.csv' as source_file, 2 as source_line, 'a,b' as raw, 'r' as reasons"
    )
    con.close()


def test_changes_come_from_fingerprints_and_the_latest_earlier_run(tmp_path: Path) -> None:
    """The previous run is the latest earlier one; findings are matched by fingerprint."""
    _warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=True)
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
    _warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=False)
    data = load_report_data(tmp_path / "w.duckdb")
    assert data.changes is None
    assert data.comparison_note.startswith("No comparison available")


def test_an_earlier_run_is_reported_from_history_only(tmp_path: Path) -> None:
    """run-b by prefix: its findings, compared with run-a; no current tables."""
    _warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=True)
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
    _warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=True)
    data = load_report_data(tmp_path / "w.duckdb", "run-a")
    assert data.previous_run is None
    assert data.changes is None
    assert "first run" in data.comparison_note


def test_an_edited_article_shows_no_sentence(tmp_path: Path) -> None:
    """The article's text is shown only while the file is what the run read."""
    _warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=True)
    (tmp_path / "raw" / "articles" / "demo.md").write_text("changed\n", encoding="utf-8")
    assert load_report_data(tmp_path / "w.duckdb").article_lines == {}


def test_unknown_or_ambiguous_runs_and_missing_warehouses_are_one_sentence(tmp_path: Path) -> None:
    """No such run, a prefix matching several, or no warehouse: ReportError."""
    _warehouse(tmp_path / "w.duckdb", tmp_path / "raw", fingerprints=False)
    with pytest.raises(ReportError, match="no run 'zzz'"):
        load_report_data(tmp_path / "w.duckdb", "zzz")
    with pytest.raises(ReportError, match="matches 3 runs"):
        load_report_data(tmp_path / "w.duckdb", "run-")
    with pytest.raises(ReportError, match="no warehouse"):
        load_report_data(tmp_path / "none.duckdb")
