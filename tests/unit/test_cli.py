"""`carryover check` behaves like a linter: exit codes 0, 1, 2 and findings at file:line."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from carryover.cli import app
from tests.support import FAULTY, VALID


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_check_on_valid_data_exits_0(runner: CliRunner) -> None:
    """No findings: exit 0 and a one-line summary."""
    result = runner.invoke(app, ["check", "--raw", str(VALID)])
    assert result.exit_code == 0, result.output
    assert "5 files, 11 rows: 11 loaded, 0 quarantined; 0 error(s), 0 warning(s)" in result.output


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
    assert "... and 42 more findings" in result.output


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
