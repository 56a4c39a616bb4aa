"""The whole flow on small raw directories, against a real (temporary) Prefect API and DuckDB."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import polars as pl
import pytest
from typer.testing import CliRunner

from carryover.cli import app
from carryover.config import PROJECT_ROOT
from flows.pipeline import REPORT_ARTIFACT_KEY, carryover_pipeline
from tests.support import FAULTY, VALID

pytestmark = pytest.mark.slow

# Every fault planted in tests/data/faulty as (file, line, rule): a run reports exactly these.
PLANTED = {
    ("exercises.csv", 4, "slug_format"),
    ("exercises.csv", 5, "required"),
    ("exercises.csv", 6, "aliases_format"),
    ("exercises.csv", 7, "duplicate_key"),
    ("studies.csv", 1, "column_unknown"),
    ("studies.csv", 3, "out_of_range"),
    ("studies.csv", 4, "integer_type"),
    ("studies.csv", 5, "doi_format"),
    ("studies.csv", 6, "out_of_range"),
    ("studies.csv", 7, "out_of_range"),
    ("studies.csv", 8, "number_type"),
    ("studies.csv", 9, "groups_exceed_randomized"),
    ("studies.csv", 10, "required"),
    ("studies.csv", 11, "duplicate_key"),
    ("groups.csv", 4, "out_of_range"),
    ("groups.csv", 5, "unknown_study"),
    ("groups.csv", 6, "unknown_exercise"),
    ("groups.csv", 9, "duplicate_key"),
    ("groups.csv", 10, "row_ragged"),
    ("groups.csv", 11, "unknown_study"),
    ("outcomes.csv", 3, "figures_disagree"),
    ("outcomes.csv", 4, "figures_disagree"),
    ("outcomes.csv", 5, "measure_format"),
    ("outcomes.csv", 6, "unit_value"),
    ("outcomes.csv", 7, "out_of_range"),
    ("outcomes.csv", 8, "out_of_range"),
    ("outcomes.csv", 9, "sd_without_mean"),
    ("outcomes.csv", 10, "outcome_no_figures"),
    ("outcomes.csv", 11, "unknown_group"),
    ("outcomes.csv", 12, "unknown_exercise"),
    ("outcomes.csv", 13, "unit_required"),
    ("outcomes.csv", 14, "duplicate_key"),
    ("outcomes.csv", 15, "number_type"),
    ("outcomes.csv", 16, "value_normalised"),
    ("outcomes.csv", 20, "row_encoding"),
    ("outcomes.csv", 22, "figures_disagree"),
    ("outcomes.csv", 23, "figures_disagree"),
    ("outcomes.csv", 24, "row_quoting"),
    ("claims.csv", 4, "out_of_range"),
    ("claims.csv", 5, "quantity_value"),
    ("claims.csv", 6, "claim_incomplete"),
    ("claims.csv", 7, "unknown_study"),
    ("claims.csv", 8, "unknown_group"),
    ("claims.csv", 9, "number_type"),
    ("claims.csv", 10, "unknown_exercise"),
}


def _run(raw: Path, tmp_path: Path):
    return carryover_pipeline(
        raw_dir=raw, warehouse=tmp_path / "w.duckdb", report_dir=tmp_path / "reports"
    )


def _data_rows(path: Path) -> int:
    """Data rows of a raw file counted independently: non-blank physical lines after the header.

    (Valid for the fixtures, whose only multi-line record is counted by its own line numbers.)
    """
    text = path.read_bytes().decode("utf-8", errors="replace")
    return sum(1 for line in text.splitlines()[1:] if line.strip())


def test_every_planted_fault_is_reported_at_its_line_and_nothing_is_lost(tmp_path: Path) -> None:
    """The faulty fixture yields exactly its planted findings; each row is loaded or quarantined."""
    summary = _run(FAULTY, tmp_path)
    assert summary.exit_code == 1
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    found = set(con.sql("select source_file, source_line, rule from findings").fetchall())
    assert found == PLANTED

    for table, loaded, quarantined, data_rows in con.sql(
        "select table_name, loaded_rows, quarantined_rows, data_rows from run_files"
    ).fetchall():
        clean = con.sql(f"select count(*) from {table}").fetchall()[0][0]
        held = con.sql(f"select count(*) from quarantine where table_name = '{table}'").fetchall()[
            0
        ][0]
        assert (clean, held) == (loaded, quarantined)
        assert loaded + quarantined == data_rows
    # The only multi-line record (outcomes lines 18-19) is one row: count it once.
    assert dict(con.sql("select table_name, data_rows from run_files").fetchall()) == {
        "exercises": _data_rows(FAULTY / "exercises.csv"),
        "studies": _data_rows(FAULTY / "studies.csv"),
        "groups": _data_rows(FAULTY / "groups.csv"),
        "outcomes": _data_rows(FAULTY / "outcomes.csv") - 1,
        "claims": _data_rows(FAULTY / "claims.csv"),
    }
    raw = con.sql(
        "select raw from quarantine where source_file = 'groups.csv' and source_line = 10"
    )
    assert raw.fetchall() == [("s_ok,e,Ragged,back_squat",)]
    line_after_break = con.sql(
        "select source_line from outcomes where measure = '10RM' order by source_line"
    ).fetchall()
    assert line_after_break == [(17,), (19,)]
    con.close()
    report = summary.report.read_text()
    assert "outcomes.csv:24" in report
    assert "errors found" in report


def test_the_report_is_published_as_an_artifact(tmp_path: Path) -> None:
    """The Markdown report is a Prefect artifact under a stable key."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    summary = _run(VALID, tmp_path)
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[REPORT_ARTIFACT_KEY]))
        )
    assert any(summary.run_id in str(a.data) for a in artifacts)


def test_a_rerun_on_the_same_input_gives_the_same_warehouse(tmp_path: Path) -> None:
    """Idempotent: clean tables are identical after a second run; history grows by one run."""
    tables = ["exercises", "studies", "groups", "outcomes", "claims", "outcome_changes"]
    tables += ["carryover", "carryover_pooled", "carryover_matrix"]

    def snapshot() -> dict[str, pl.DataFrame]:
        con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
        try:
            return {t: con.sql(f"select * from {t}").pl() for t in tables} | {
                "quarantine": con.sql("select * exclude (run_id) from quarantine").pl()
            }
        finally:
            con.close()

    first_run = _run(FAULTY, tmp_path)
    first = snapshot()
    second_run = _run(FAULTY, tmp_path)
    second = snapshot()
    for name in first:
        assert first[name].equals(second[name]), name
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    runs = con.sql("select run_id from runs order by started_at").fetchall()
    per_run = con.sql("select run_id, count(*) from findings group by run_id").fetchall()
    con.close()
    assert [r[0] for r in runs] == [first_run.run_id, second_run.run_id]
    assert {n for _, n in per_run} == {len(PLANTED)}


def test_the_bundled_data_loads(tmp_path: Path) -> None:
    """The bundled raw/ data loads whole, and every outcome has a percent change."""
    summary = _run(PROJECT_ROOT / "raw", tmp_path)
    assert sum(f.quarantined_rows for f in summary.files) == 0
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    hammond = con.sql(
        "select change_pct, change_pct_source from outcome_changes "
        "where study_id = 'hammond_2019' and group_id = 'bbs' and test_exercise = 'hip_thrust'"
    ).fetchall()
    missing = con.sql("select count(*) from outcome_changes where change_pct is null").fetchall()
    con.close()
    assert hammond == [(13.3, "reported")]
    assert missing == [(0,)]


# The demonstration article's planted errors, as (line, rule): all of them, and nothing else.
DEMO = {
    (13, "claim_vs_source"),
    (17, "claim_conflict"),
    (17, "claim_vs_source"),
    (18, "claim_measure_not_tested"),
    (21, "claim_exercise_not_tested"),
    (25, "claim_vs_source"),
    (33, "claim_conflict"),
    (33, "claim_vs_source"),
}


def test_the_demonstration_article_reports_each_planted_error_and_no_true_statement(
    tmp_path: Path,
) -> None:
    """Every planted error is found at its line; no true statement of the article is flagged."""
    _run(PROJECT_ROOT / "raw", tmp_path)
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    found = set(
        con.sql(
            "select source_line, rule from findings where source_file like 'articles/%'"
        ).fetchall()
    )
    verdicts = con.sql(
        "select line, claimed, verdict from claim_checks "
        "where source_file like 'articles/%' order by line, claimed"
    ).fetchall()
    con.close()
    assert found == DEMO
    supported = [(line, claimed) for line, claimed, verdict in verdicts if verdict == "supported"]
    assert supported == [
        (11, 14.0),
        (12, 2.0),
        (12, 4.0),
        (14, 24.8),
        (17, 7.7),
        (25, 22.0),
        (26, 35.9),
        (27, 4.3),
        (32, 13.0),
        (32, 13.3),
    ]


def test_the_bundled_data_answers_carryover_questions(tmp_path: Path) -> None:
    """On raw/, `carryover sql` answers from carryover_pooled and the matrix, read-only."""
    _run(PROJECT_ROOT / "raw", tmp_path)
    runner = CliRunner()
    warehouse = str(tmp_path / "w.duckdb")
    pooled = runner.invoke(app, ["sql", "--warehouse", warehouse, "select * from carryover_pooled"])
    assert pooled.exit_code == 0, pooled.output
    assert pooled.stdout.splitlines()[-1] == "(4 rows)"
    matrix = runner.invoke(
        app, ["sql", "--warehouse", warehouse, "--format", "json", "select * from carryover_matrix"]
    )
    cells = {r["trained_exercise"]: r for r in json.loads(matrix.stdout)}
    assert cells["back_squat"]["hip_thrust"] == "+18.9%, ratio 0.62 (k=2)"
    assert cells["hip_thrust"]["back_squat"] == "+13.2%, ratio 0.57 (k=3)"
    con = duckdb.connect(warehouse, read_only=True)
    ratio = con.sql(
        "select transfer_ratio from carryover where study_id = 'hammond_2019' "
        "and group_id = 'bbs' and test_exercise = 'hip_thrust'"
    ).fetchall()
    con.close()
    assert ratio == [(13.3 / 24.8,)]
