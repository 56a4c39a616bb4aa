"""`carryover sql` cannot write or read any file but the warehouse, whatever the statement.

A catalogue of DuckDB's statements and functions that write, read or reconfigure, each tried as a
one-shot query and, all together, through the shell on standard input: the warehouse's bytes stay
the same, no file appears anywhere, and no byte of a file outside the warehouse is printed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from carryover.cli.app import app
from carryover.steps import check
from carryover.warehouse.access import open_read_only
from carryover.warehouse.build import RunRecord, load
from tests.support import VALID

SECRET = "carryover-secret-7f3a"

# {out}: a file that must not appear; {dir}: a directory that must stay empty; {secret}: a CSV
# outside the warehouse; {other}: another DuckDB file; {wh}: the warehouse itself.
WRITES = [
    "copy (select 1 as a) to '{out}'",
    "copy carryover to '{out}' (format parquet)",
    "copy (select 'x' as a) to '{wh}'",
    "explain analyze copy (select 1 as a) to '{out}'",
    "explain analyze copy (select 'overwritten' as a) to '{wh}'",
    "explain (format json) copy (select 1 as a) to '{out}'",
    "export database '{dir}'",
    "export database '{dir}' (format parquet)",
    "import database '{dir}'",
    "attach '{out}' as other",
    "attach '{other}' as other (read_only)",
    "detach w",
    "copy from database w to other",
    "install httpfs",
    "force install httpfs",
    "load httpfs",
    "load '{out}'",
    "create table x as select 1 as a",
    "create temp table x as select 1 as a",
    "create view v as select 1 as a",
    "create macro m(a) as a",
    "insert into runs select * from runs",
    "update studies set year = 2000",
    "delete from carryover",
    "drop table carryover",
    "alter table carryover rename to c",
    "truncate carryover",
    "checkpoint",
    "force checkpoint",
    "vacuum",
    "create secret s (type s3, key_id 'k', secret 's')",
    "create persistent secret s (type s3, key_id 'k', secret 's')",
    "set enable_external_access = true",
    "reset enable_external_access",
    "set lock_configuration = false",
    "reset lock_configuration",
    "set allowed_directories = ['/']",
    "set allowed_paths = ['{secret}']",
    "set temp_directory = '{dir}'",
    "set profiling_output = '{out}'",
    "pragma profiling_output = '{out}'",
    "pragma enable_profiling",
    "set enable_profiling = 'json'",
    "call enable_logging()",
    "set logging_storage = 'file'",
    "set extension_directory = '{dir}'",
    "set secret_directory = '{dir}'",
    "set custom_extension_repository = 'http://127.0.0.1:1'",
    "set allow_community_extensions = true",
    "set autoinstall_known_extensions = true",
    "use memory",
]
READS = [
    "select * from read_csv('{secret}')",
    "select * from read_csv_auto('{secret}')",
    "select * from '{secret}'",
    "from '{secret}'",
    "select * from read_text('{secret}')",
    "select * from read_blob('{secret}')",
    "select * from glob('{dir_with_secret}/*')",
    "select * from read_json('{secret}')",
    "select * from read_json_auto('{secret}')",
    "select * from read_ndjson('{secret}')",
    "select * from read_parquet('{secret}')",
    "select * from parquet_metadata('{secret}')",
    "select * from parquet_schema('{secret}')",
    "select * from sniff_csv('{secret}')",
    "select * from read_duckdb('{other}')",
    "select * from read_text('/etc/passwd')",
    "select * from read_csv('/etc/passwd')",
    "select * from glob('/etc/*')",
    "explain analyze select * from read_text('{secret}')",
    "summarize select * from read_csv('{secret}')",
    "describe select * from read_csv('{secret}')",
    "with s as (select * from read_text('{secret}')) select * from s",
    "select (select content from read_text('{secret}')) as c",
    "select * from query('select * from read_text(''{secret}'')')",
    "select * from query_table('{secret}')",
    "copy carryover from '{secret}'",
]
CATALOGUE = WRITES + READS


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse loaded from the small valid raw set (no Prefect)."""
    path = tmp_path_factory.mktemp("escapes") / "w.duckdb"
    checked = check(VALID)
    now = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    load(path, RunRecord("r1", now, now, "ok", str(VALID)), checked.validation, checked.derived)
    return path


@pytest.fixture
def places(tmp_path: Path) -> dict[str, str]:
    """The paths the statements aim at: a secret outside the warehouse, targets to write."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.csv"
    secret.write_text(f"a,b\n{SECRET},1\n", encoding="utf-8")
    other = outside / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute(f"create table t as select '{SECRET}' as s")
    con.close()
    (tmp_path / "empty").mkdir()
    return {
        "out": str(tmp_path / "written.csv"),
        "dir": str(tmp_path / "empty"),
        "secret": str(secret),
        "other": str(other),
        "dir_with_secret": str(outside),
    }


def _snapshot(*roots: Path) -> dict[str, str]:
    """Every file under the roots, with a hash of its bytes."""
    found = {}
    for root in roots:
        for folder, _, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _fill(statement: str, places: dict[str, str], warehouse: Path) -> str:
    return statement.format(wh=str(warehouse), **places)


@pytest.mark.parametrize("statement", CATALOGUE)
def test_no_statement_writes_or_reads_a_file(
    warehouse: Path,
    places: dict[str, str],
    tmp_path: Path,
    statement: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Refused (exit 2) or failing (exit 1), never answered; the disk is exactly as it was."""
    monkeypatch.chdir(tmp_path)
    query = _fill(statement, places, warehouse)
    before = _snapshot(warehouse.parent, tmp_path)
    result = CliRunner().invoke(app, ["sql", "--warehouse", str(warehouse), query])
    assert result.exit_code in (1, 2), (query, result.output)
    assert SECRET not in result.output
    assert "root:" not in result.output  # /etc/passwd
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert _snapshot(warehouse.parent, tmp_path) == before


@pytest.mark.parametrize(
    "statement",
    [
        "explain analyze copy (select 1 as a) to '{out}'",
        "select * from read_text('{secret}')",
        "set enable_external_access = true",
    ],
)
def test_an_escape_is_refused_in_one_sentence_with_exit_2(
    warehouse: Path, places: dict[str, str], statement: str
) -> None:
    """The filter or DuckDB's guard refuses it: one clear sentence, exit 2 like any refusal."""
    result = CliRunner().invoke(
        app, ["sql", "--warehouse", str(warehouse), _fill(statement, places, warehouse)]
    )
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert message.startswith("carryover sql: ")
    assert ("read-only here" in message) or ("only the warehouse can be read" in message), message


@pytest.mark.slow
def test_the_shell_on_stdin_writes_and_reads_nothing(
    warehouse: Path, places: dict[str, str], tmp_path: Path
) -> None:
    """The whole catalogue fed to the real command's shell: each statement is an error line."""
    script = "".join(_fill(s, places, warehouse) + ";\n" for s in CATALOGUE)
    script += "select count(*) as n from carryover;\n"
    before = _snapshot(warehouse.parent, tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from carryover.cli.app import main; main()",
            "sql",
            "--warehouse",
            str(warehouse),
        ],
        input=script,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
        env={**os.environ, "CARRYOVER_SQL_HISTORY": str(tmp_path / "history")},
    )
    assert done.returncode == 0, done.stderr
    assert SECRET not in done.stdout + done.stderr
    assert "root:" not in done.stdout
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(CATALOGUE), done.stderr
    assert done.stdout.splitlines()[-4:] == ["n", "-", "4", "(1 row)"]
    assert _snapshot(warehouse.parent, tmp_path) == before


def test_the_guarded_connection_cannot_be_unlocked(warehouse: Path) -> None:
    """The guards are DuckDB settings, and locked: even past the filter they hold."""
    con = open_read_only(warehouse, guarded=True)
    try:
        settings = dict(
            con.sql(
                "select name, value from duckdb_settings() where name in "
                "('enable_external_access', 'lock_configuration', 'access_mode')"
            ).fetchall()
        )
        assert settings == {
            "enable_external_access": "false",
            "lock_configuration": "true",
            "access_mode": "read_only",
        }
        with pytest.raises(duckdb.Error):
            con.execute("set enable_external_access = true")
        with pytest.raises(duckdb.PermissionException):
            con.sql("select * from read_text('/etc/passwd')").fetchall()
    finally:
        con.close()
