"""`carryover check` behaves like a linter: exit codes 0, 1, 2 and findings at file:line."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from carryover.cli.app import app
from tests.support import FAULTY, VALID


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_check_on_valid_data_exits_0(runner: CliRunner) -> None:
    """No findings: exit 0 and a one-line summary."""
    result = runner.invoke(app, ["check", "--raw", str(VALID)])
    assert result.exit_code == 0, result.output
    assert (
        "carryover check: 7 files, 14 rows: 14 valid (a run would load them), 0 would be "
        "quarantined; 0 error(s), 0 warning(s); nothing was written"
    ) in result.output
    assert " loaded," not in result.output  # check writes nothing, so it loads nothing


def test_check_on_faulty_data_exits_1_and_names_lines(runner: CliRunner) -> None:
    """Error findings: exit 1, each finding as file:line with its rule and column."""
    result = runner.invoke(app, ["check", "--raw", str(FAULTY), "--max-findings", "0"])
    assert result.exit_code == 1
    assert "faulty/outcomes.csv:3: error [figures_disagree] change_pct:" in result.output
    assert "faulty/studies.csv:1: warning [column_unknown] notes:" in result.output
    assert "Traceback" not in result.output


def test_check_limits_printed_findings(runner: CliRunner) -> None:
    """Long lists are cut, and say how many more there are."""
    result = runner.invoke(app, ["check", "--raw", str(FAULTY), "--max-findings", "3"])
    assert "... and 64 more findings" in result.output


def test_check_on_a_missing_directory_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    """A raw directory that does not exist cannot be checked: exit 2, one line."""
    result = runner.invoke(app, ["check", "--raw", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_raw_dir_comes_from_the_environment(runner: CliRunner) -> None:
    """CARRYOVER_RAW_DIR sets the raw directory when no flag is given."""
    result = runner.invoke(app, ["check"], env={"CARRYOVER_RAW_DIR": str(FAULTY)})
    assert result.exit_code == 1


def test_bad_arguments_exit_2(runner: CliRunner) -> None:
    """An unknown option is a usage error."""
    assert runner.invoke(app, ["check", "--bogus"]).exit_code == 2


def test_history_without_a_warehouse_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    """No warehouse yet: history says which command builds it."""
    result = runner.invoke(app, ["history", "--warehouse", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2
    assert "`carryover run` builds it" in result.output


def test_history_lists_runs_newest_first_with_stopped_ones(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Completed runs with their counts, and a killed run with the stage it reached."""
    import datetime as dt

    from carryover.steps import transform_all
    from carryover.warehouse.build import RunRecord, load
    from tests.support import valid_texts, validate_texts

    path = tmp_path / "w.duckdb"
    validation = validate_texts(valid_texts())
    t0 = dt.datetime(2026, 1, 1, 6, tzinfo=dt.UTC)
    killed = RunRecord("k" * 36, t0, None, "killed", "/raw", "load", "ended during load")
    later = RunRecord("r" * 36, t0 + dt.timedelta(days=1), None, "ok", "/raw")
    load(path, later, validation, transform_all(validation), stopped=[killed])
    result = runner.invoke(app, ["history", "--warehouse", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1].startswith("2026-01-02 06:00:00  rrrrrrrr  ok ")
    assert lines[1].split()[-6:] == ["14", "14", "0", "0", "0", "0"]
    assert lines[2].startswith("2026-01-01 06:00:00  kkkkkkkk  killed")
    assert lines[2].endswith("ended during load")


def test_serve_refuses_a_bad_cron_expression(runner: CliRunner) -> None:
    """A schedule that is not cron is a usage error, before any server is contacted."""
    result = runner.invoke(app, ["serve", "--cron", "every night"])
    assert result.exit_code == 2
    assert "is not a cron expression" in result.output


def test_an_unknown_task_runner_is_refused_before_any_work(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(
        app,
        ["run", "--raw", str(VALID), "--warehouse", str(tmp_path / "w.duckdb")],
        env={"CARRYOVER_TASK_RUNNER": "spark"},
    )
    assert result.exit_code == 2
    assert "spark" in result.output
    assert not (tmp_path / "w.duckdb").exists()
