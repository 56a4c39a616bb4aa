"""The whole flow on small raw directories, against a real (temporary) Prefect API and DuckDB."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest
from typer.testing import CliRunner

from carryover.cli.app import app
from carryover.core.config import PROJECT_ROOT
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
    # Between-group results and printed statistics (issue 12).
    ("contrasts.csv", 3, "contrast_ci_excludes_estimate"),
    ("contrasts.csv", 4, "contrast_se_disagrees"),
    ("contrasts.csv", 5, "contrast_favoured_disagrees"),
    ("contrasts.csv", 6, "contrast_vs_changes"),
    ("contrasts.csv", 7, "same_group"),
    ("contrasts.csv", 8, "favoured_not_compared"),
    ("contrasts.csv", 9, "contrast_no_result"),
    ("contrasts.csv", 10, "ci_incomplete"),
    ("contrasts.csv", 11, "ci_order"),
    ("contrasts.csv", 12, "unit_required"),
    ("contrasts.csv", 13, "unknown_group"),
    ("contrasts.csv", 14, "duplicate_key"),
    ("contrasts.csv", 15, "value_not_allowed"),
    ("statistics.csv", 2, "p_inconsistent"),
    ("statistics.csv", 3, "p_inconsistent"),
    ("statistics.csv", 3, "decision_error"),
    ("statistics.csv", 4, "statistic_incomplete"),
    ("statistics.csv", 5, "value_not_allowed"),
    ("statistics.csv", 6, "statistic_df"),
    ("statistics.csv", 7, "statistic_tails"),
    ("statistics.csv", 8, "out_of_range"),
    ("statistics.csv", 9, "unknown_study"),
}


def _run(raw: Path, tmp_path: Path):
    return carryover_pipeline(
        raw_dir=raw,
        warehouse=tmp_path / "w.duckdb",
        report_dir=tmp_path / "reports",
        fail_on="never",  # the summary, not a Failed state, also for data with errors
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
        "contrasts": _data_rows(FAULTY / "contrasts.csv"),
        "statistics": _data_rows(FAULTY / "statistics.csv"),
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
    """Idempotent: clean tables and finding fingerprints are identical after a second run."""
    tables = ["exercises", "studies", "groups", "outcomes", "claims", "outcome_changes"]
    tables += ["contrasts", "statistics", "statistic_checks"]
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
    prints = con.sql(
        "select run_id, list(fingerprint order by fingerprint) from findings group by run_id"
    ).fetchall()
    con.close()
    assert [r[0] for r in runs] == [first_run.run_id, second_run.run_id]
    assert {n for _, n in per_run} == {len(PLANTED)}
    assert prints[0][1] == prints[1][1]
    assert len(set(prints[0][1])) == len(PLANTED)


def test_the_bundled_data_loads(tmp_path: Path) -> None:
    """The bundled raw/ data loads whole; every outcome has a percent change or one in kg.

    Hagerupsen et al. 2024 reports only kg changes (with their SDs) and no baselines, and Morton
    et al. 2016's abstract only its groups' bench press gains in kg, so their outcomes have no
    percent change; every other outcome has one.
    """
    summary = _run(PROJECT_ROOT / "raw", tmp_path)
    assert sum(f.quarantined_rows for f in summary.files) == 0
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    hammond = con.sql(
        "select change_pct, change_pct_source from outcome_changes "
        "where study_id = 'hammond_2019' and group_id = 'bbs' and test_exercise = 'hip_thrust'"
    ).fetchall()
    missing = con.sql(
        "select distinct study_id from outcome_changes where change_pct is null order by 1"
    ).fetchall()
    no_change = con.sql(
        "select count(*) from outcome_changes where change_pct is null and change_abs is null"
    ).fetchall()
    con.close()
    assert hammond == [(13.3, "reported")]
    assert missing == [("hagerupsen_2024",), ("morton_2016",)]
    assert no_change == [(0,)]


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
        (32, 11.7),  # "roughly 13%": the range a tenth either side, 11.7 to 14.3
        (32, 13.3),
    ]


def test_the_bundled_data_answers_carryover_questions(tmp_path: Path) -> None:
    """On raw/, `carryover sql` answers from carryover_pooled and the matrix, read-only."""
    _run(PROJECT_ROOT / "raw", tmp_path)
    runner = CliRunner()
    warehouse = str(tmp_path / "w.duckdb")
    pooled = runner.invoke(app, ["sql", "--warehouse", warehouse, "select * from carryover_pooled"])
    assert pooled.exit_code == 0, pooled.output
    # Every trained -> tested pair (38: strength, jumps, sprints, agility, Kubo et al.'s muscle
    # volumes, Maeo et al.'s hamstring volumes after seated and prone leg curls and Kassiano et
    # al.'s gastrocnemius thicknesses after calf raises), plus two sensitivity rows without
    # Barbalho 2020 (cautioned).
    assert pooled.stdout.splitlines()[-1] == "(40 rows)"
    matrix = runner.invoke(
        app, ["sql", "--warehouse", warehouse, "--format", "json", "select * from carryover_matrix"]
    )
    cells = {
        r["trained_exercise"]: r
        for r in json.loads(matrix.stdout)
        if r["measure_family"] == "RM strength"  # jumps, sprints and agility are rows too
    }
    assert cells["back_squat"]["hip_thrust"] == "+18.9%, ratio 0.62 (k=2)"
    # k=4: Lin et al. 2017 adds a group whose size is not reported (no weight in the mean).
    assert cells["hip_thrust"]["back_squat"] == "+13.2%, ratio 0.57 (k=4)"
    con = duckdb.connect(warehouse, read_only=True)
    ratio = con.sql(
        "select transfer_ratio from carryover where study_id = 'hammond_2019' "
        "and group_id = 'bbs' and test_exercise = 'hip_thrust'"
    ).fetchall()
    con.close()
    assert ratio == [(13.3 / 24.8,)]


def _warehouse_content(path: Path, run_id: str) -> dict[str, pl.DataFrame]:
    """Everything a run put in the warehouse that must not depend on how it validated."""
    tables = ["exercises", "studies", "groups", "outcomes", "claims", "outcome_changes"]
    tables += ["contrasts", "statistics", "statistic_checks"]
    con = duckdb.connect(str(path), read_only=True)
    try:
        content = {t: con.sql(f"select * from {t}").pl() for t in tables}
        content["quarantine"] = con.sql("select * exclude (run_id) from quarantine").pl()
        content["findings"] = con.sql(
            f"select * exclude (run_id) from findings where run_id = '{run_id}'"
        ).pl()
        content["run_files"] = con.sql(
            "select * exclude (run_id, reused) from run_files "
            f"where run_id = '{run_id}' order by table_name"
        ).pl()
        return content
    finally:
        con.close()


def _same_content(a: dict[str, pl.DataFrame], b: dict[str, pl.DataFrame]) -> None:
    assert a.keys() == b.keys()
    for name in a:
        assert a[name].equals(b[name]), name


def test_an_incremental_run_gives_the_warehouse_a_full_run_gives(tmp_path: Path) -> None:
    """An incremental run's warehouse equals a full run's, fingerprints included.

    Unchanged files are reused (and the summary says so); a changed file and the tables that
    reference it are validated again.
    """
    raw = tmp_path / "raw"
    shutil.copytree(FAULTY, raw)
    incremental_wh, full_wh = tmp_path / "inc.duckdb", tmp_path / "full.duckdb"

    def run(warehouse: Path, full: bool):
        return carryover_pipeline(
            raw_dir=raw,
            warehouse=warehouse,
            report_dir=tmp_path / "reports",
            full=full,
            fail_on="never",
        )

    first = run(incremental_wh, full=False)
    assert first.reused == ()
    second = run(incremental_wh, full=False)
    assert set(second.reused) == {
        "exercises",
        "studies",
        "groups",
        "outcomes",
        "contrasts",
        "statistics",
        "claims",
    }
    _same_content(
        _warehouse_content(incremental_wh, first.run_id),
        _warehouse_content(incremental_wh, second.run_id),
    )
    forced = run(incremental_wh, full=True)
    assert forced.reused == ()

    with (raw / "groups.csv").open("a", encoding="utf-8") as f:
        f.write("s_ok,extra,Extra group,back_squat,3\n")
    changed = run(incremental_wh, full=False)
    assert set(changed.reused) == {"exercises", "studies", "statistics"}
    reference = run(full_wh, full=True)
    _same_content(
        _warehouse_content(incremental_wh, changed.run_id),
        _warehouse_content(full_wh, reference.run_id),
    )
    con = duckdb.connect(str(incremental_wh), read_only=True)
    reused = con.sql(
        "select r.files_reused, list(f.table_name order by f.table_name) filter (f.reused) "
        "from runs r join run_files f using (run_id) group by r.run_id, r.files_reused, "
        "r.started_at order by r.started_at"
    ).fetchall()
    con.close()
    assert reused == [
        (0, None),
        (7, ["claims", "contrasts", "exercises", "groups", "outcomes", "statistics", "studies"]),
        (0, None),
        (3, ["exercises", "statistics", "studies"]),
    ]


def test_a_second_run_keeps_every_articles_numbers(tmp_path: Path) -> None:
    """With articles, the claims are read again on an unchanged run: numbers and lines stay."""
    raw = tmp_path / "raw"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    warehouse = tmp_path / "w.duckdb"

    def run():
        return carryover_pipeline(
            raw_dir=raw, warehouse=warehouse, report_dir=tmp_path / "reports", fail_on="never"
        )

    def numbers() -> pl.DataFrame:
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            return con.sql("select * from article_numbers order by all").pl()
        finally:
            con.close()

    first = run()
    before = numbers()
    second = run()
    assert before.height > 0
    assert "claims" not in second.reused
    assert {"exercises", "studies", "outcomes"} <= set(second.reused)
    assert numbers().equals(before)
    assert second.articles == first.articles != ()


def test_a_failed_run_is_recorded_with_its_reason_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed run is recorded as failed, with its reason, by the next run.

    Here a read-write session holds the file: the run fails in one sentence and leaves the
    warehouse as it was.
    """
    from carryover.core.errors import WarehouseError
    from carryover.warehouse import build as warehouse_module

    monkeypatch.setattr(warehouse_module, "ATTACH_WAIT_SECONDS", 0.2)
    path = tmp_path / "w.duckdb"
    first = _run(VALID, tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_READ_WRITE, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(WarehouseError, match="open read-write in another process"):
            _run(VALID, tmp_path)
    finally:
        holder.communicate("\n", timeout=30)
    third = _run(VALID, tmp_path)
    con = duckdb.connect(str(path), read_only=True)
    runs = con.sql("select run_id, status, stage, message from runs order by started_at").fetchall()
    con.close()
    assert [r[0] for r in runs][::2] == [first.run_id, third.run_id]
    assert runs[1][1:3] == ("failed", "load")
    assert runs[1][3].startswith("WarehouseError: the warehouse")


HOLD_READ_WRITE = """
import duckdb, sys
con = duckdb.connect(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
"""
