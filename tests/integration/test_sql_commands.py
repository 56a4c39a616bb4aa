"""`carryover sql`'s dot commands and DuckDB's hints, in the shell and as one-shot queries."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from carryover.cli.app import app
from carryover.steps import check
from carryover.warehouse.build import RunRecord, load
from tests.support import VALID

CLI = [sys.executable, "-c", "from carryover.cli.app import main; main()"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse loaded from the small valid raw set (no Prefect)."""
    path = tmp_path_factory.mktemp("sqlc") / "w.duckdb"
    checked = check(VALID)
    now = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    load(path, RunRecord("r1", now, now, "ok", str(VALID)), checked.validation, checked.derived)
    return path


def _one_shot(warehouse: Path, query: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, "sql", "--warehouse", str(warehouse), query],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_tables_works_as_a_one_shot_query(warehouse: Path) -> None:
    """`carryover sql .tables` lists tables and views with their descriptions, exit 0."""
    result = _one_shot(warehouse, ".tables")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["name", "kind", "description"]
    outcomes = next(line for line in lines if line.startswith("outcomes "))
    assert outcomes.split()[1] == "table"
    assert "one row per" in outcomes.lower()
    assert any(line.startswith("carryover_matrix  view") for line in lines)


def test_schema_shows_each_columns_type_and_comment(warehouse: Path) -> None:
    """.schema TABLE: one row per column, in order, with DuckDB's type and the column comment."""
    result = _one_shot(warehouse, ".schema outcomes")
    assert result.returncode == 0, result.stderr
    rows = [line.split(None, 3) for line in result.stdout.splitlines()[2:-1]]
    assert rows[0] == ["outcomes", "study_id", "VARCHAR", "-> studies"]
    assert ["outcomes", "pre_mean", "DOUBLE", "baseline mean"] in rows
    assert {r[0] for r in rows} == {"outcomes"}
    everything = _one_shot(warehouse, ".schema")
    tables = {line.split()[0] for line in everything.stdout.splitlines()[2:-1]}
    assert {"outcomes", "studies", "runs", "carryover_matrix"} <= tables


def test_schema_of_an_unknown_table_names_the_nearest(warehouse: Path) -> None:
    """A misspelt table: exit 1, the nearest names suggested."""
    result = _one_shot(warehouse, ".schema outcome")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "carryover sql: no table or view named outcome; did you mean outcomes, outcome_changes?"
    )


def test_duckdbs_did_you_mean_hints_reach_the_user(warehouse: Path) -> None:
    """A misspelt table or column keeps DuckDB's own suggestion in the error."""
    table = _one_shot(warehouse, "select * from outcome")
    assert table.returncode == 1
    assert table.stderr.splitlines()[:2] == [
        "carryover sql: Catalog Error: Table with name outcome does not exist!",
        'Did you mean "outcomes"?',
    ]
    column = _one_shot(warehouse, "select pre_maen from outcomes")
    assert column.returncode == 1
    assert 'Candidate bindings: "pre_mean"' in column.stderr


def test_help_and_schema_in_the_shell(warehouse: Path) -> None:
    """The same commands typed in the shell; an unknown table there does not end the shell."""
    result = CliRunner().invoke(
        app,
        ["sql", "--warehouse", str(warehouse)],
        input=".help\n.schema studies\n.schema nope\nselect 1 as one;\n",
    )
    assert result.exit_code == 0, result.output
    assert ".schema [TABLE]" in result.stdout
    assert "studies  study_id" in result.stdout
    assert "no table or view named nope" in result.stderr
    assert result.stdout.rstrip().endswith("(1 row)")
    one_shot_help = _one_shot(warehouse, ".help")
    assert one_shot_help.returncode == 0
    assert ".tables" in one_shot_help.stdout
