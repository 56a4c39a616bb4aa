"""`carryover sql`: one read-only query or a read-only shell; anything that writes is refused."""

from __future__ import annotations

import builtins
import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from carryover.cli.app import app
from carryover.steps import check
from carryover.warehouse import sql
from carryover.warehouse.access import open_read_only
from carryover.warehouse.build import RunRecord, load
from tests.support import VALID


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse loaded from the small valid raw set (no Prefect)."""
    path = tmp_path_factory.mktemp("sql") / "w.duckdb"
    checked = check(VALID)
    now = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    load(path, RunRecord("r1", now, now, "ok", str(VALID)), checked.validation, checked.derived)
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _sql(runner: CliRunner, warehouse: Path, *args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["sql", "--warehouse", str(warehouse), *args], input=stdin)


def test_a_query_prints_an_aligned_table(runner: CliRunner, warehouse: Path) -> None:
    """Columns are aligned under a header and a rule, numbers to the right, then a row count."""
    result = _sql(
        runner,
        warehouse,
        "select group_id, test_exercise, transfer_ratio from carryover "
        "where role = 'cross' order by group_id",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "group_id  test_exercise  transfer_ratio",
        "--------  -------------  --------------",
        "ht        back_squat           0.533333",
        "sq        hip_thrust           0.333333",
        "(2 rows)",
    ]


def test_csv_and_json_keep_full_precision(runner: CliRunner, warehouse: Path) -> None:
    """--format csv and --format json print every digit, and NULL as empty / null."""
    query = (
        "select group_id, transfer_ratio, g from carryover where role = 'cross' order by group_id"
    )
    as_csv = _sql(runner, warehouse, "--format", "csv", query)
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert rows[0] == ["group_id", "transfer_ratio", "g"]
    assert rows[1][0] == "ht"
    assert float(rows[1][1]) == 6.4 / 12.0
    assert rows[1][2] == ""
    as_json = _sql(runner, warehouse, "--format", "json", query)
    records = json.loads(as_json.stdout)
    assert records[1]["group_id"] == "sq"
    assert records[1]["transfer_ratio"] == pytest.approx(8.333333333333334 / 25.0)
    assert records[0]["g"] is None


@pytest.mark.parametrize(
    ("statement", "kind"),
    [
        ("drop table carryover", "DROP"),
        ("insert into runs select * from runs", "INSERT"),
        ("update studies set year = 2000", "UPDATE"),
        ("create table x as select 1", "CREATE"),
        ("copy carryover to 'out.csv'", "COPY"),
        ("attach 'other.duckdb'", "ATTACH"),
    ],
)
def test_a_write_is_refused_with_one_sentence_and_exit_2(
    runner: CliRunner, warehouse: Path, statement: str, kind: str
) -> None:
    """Anything but a query never reaches DuckDB: one sentence, exit 2, the warehouse unchanged."""
    result = _sql(runner, warehouse, statement)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (
        f"carryover sql: the warehouse is read-only here: {kind} statements are refused "
        "(only queries run; `carryover run` rebuilds the warehouse from raw/)"
    )
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.sql("select count(*) from carryover").fetchall() == [(4,)]
    con.close()


def test_two_statements_at_once_are_refused(runner: CliRunner, warehouse: Path) -> None:
    """One query per call, so that a write cannot hide behind a select."""
    result = _sql(runner, warehouse, "select 1; drop table carryover")
    assert result.exit_code == 2
    assert "give one statement at a time (2 were given)" in result.stderr


def test_a_failing_query_exits_1_with_duckdbs_message(runner: CliRunner, warehouse: Path) -> None:
    """A query DuckDB rejects: its first line, exit 1."""
    result = _sql(runner, warehouse, "select * from nowhere")
    assert result.exit_code == 1
    assert result.stderr.startswith("carryover sql: Catalog Error: Table with name nowhere")


def test_a_missing_warehouse_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    """No warehouse file: say so and how to build one, exit 2, and create nothing."""
    result = _sql(runner, tmp_path / "none.duckdb", "select 1")
    assert result.exit_code == 2
    assert "there is no warehouse at" in result.stderr
    assert "carryover run" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_the_warehouse_comes_from_the_environment(runner: CliRunner, warehouse: Path) -> None:
    """CARRYOVER_WAREHOUSE names the warehouse when no flag is given."""
    result = runner.invoke(
        app,
        ["sql", "select count(*) as n from carryover_pooled"],
        env={"CARRYOVER_WAREHOUSE": str(warehouse)},
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[2].strip() == "4"


def test_the_shell_runs_multi_line_statements_from_a_script(
    runner: CliRunner, warehouse: Path
) -> None:
    """Statements end at ';' over several lines; a refused one is reported and the shell goes on."""
    script = (
        "select trained_exercise,\n"
        "       k_studies\n"
        "from carryover_pooled\n"
        "where is_specific order by 1;\n"
        "delete from carryover;\n"
        "\n"
        ".tables\n"
        "select 42 as answer\n"
    )
    result = _sql(runner, warehouse, stdin=script)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        "trained_exercise  k_studies",
        "----------------  ---------",
        "back_squat                1",
        "hip_thrust                1",
        "(2 rows)",
    ]
    assert any(line.startswith("carryover_matrix  view") for line in lines)
    assert lines[-4:] == ["answer", "------", "    42", "(1 row)"]  # the last ';' may be missing
    assert "error: the warehouse is read-only here: DELETE statements are refused" in (
        result.stderr
    )


def test_the_shell_knows_its_dot_commands(runner: CliRunner, warehouse: Path) -> None:
    """.help explains, an unknown command is named, .quit stops before the rest of the script."""
    result = _sql(runner, warehouse, stdin=".help\n.bogus\n.quit\nselect 1;\n")
    assert result.exit_code == 0
    assert "Read-only: only queries run." in result.stdout
    assert "unknown command .bogus" in result.stderr
    assert "(1 row)" not in result.stdout


def test_the_interactive_shell_keeps_its_history(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a terminal: prompts, continuation prompts, and the typed lines kept in the history."""
    typed: Iterator[str] = iter(["select 1 as one,", "2 as two;"])
    prompts: list[str] = []

    def fake_input(prompt: str = "") -> str:
        prompts.append(prompt)
        try:
            return next(typed)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr(builtins, "input", fake_input)
    history = tmp_path / "history"
    printed: list[str] = []
    con = open_read_only(warehouse)
    try:
        sql.shell(
            con, lines=None, write=printed.append, write_error=printed.append, history=history
        )
    finally:
        con.close()
    assert prompts == [sql.PROMPT, sql.CONTINUATION, sql.PROMPT]
    assert printed == ["one  two\n---  ---\n  1    2\n(1 row)"]
    assert history.exists()


def test_python_can_open_the_warehouse_read_only(warehouse: Path) -> None:
    """duckdb.connect(path, read_only=True) sees the analytics tables and views.

    (That each of them is documented is test_views' concern.)
    """
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        names = {
            r[0]
            for r in con.sql("select view_name from duckdb_views() where not internal").fetchall()
        }
        tables = {r[0] for r in con.sql("select table_name from duckdb_tables()").fetchall()}
    finally:
        con.close()
    assert "carryover_matrix" in names
    assert {"carryover", "carryover_pooled"} <= tables
