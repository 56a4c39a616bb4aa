"""`carryover run` as a user runs it: a new process, Prefect's temporary server, quiet output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.support import FAULTY

pytestmark = pytest.mark.slow


def _carryover(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CARRYOVER_"))}
    env["PREFECT_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-c", "from carryover.cli.app import main; main()", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_run_reports_findings_quietly_and_exits_1(tmp_path: Path) -> None:
    """Findings and a summary on stdout; no Prefect server noise or traceback anywhere."""
    warehouse = tmp_path / "w.duckdb"
    result = _carryover(
        "run",
        "--raw",
        str(FAULTY),
        "--warehouse",
        str(warehouse),
        "--report-dir",
        str(tmp_path / "reports"),
        home=tmp_path / "prefect",
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert any(
        line.endswith(
            "outcomes.csv:24: error [row_quoting] source: line 24 opens a quote that is never"
            " closed"
        )
        for line in lines
    )
    assert (
        "carryover run: 7 files, 81 rows: 29 loaded, 52 quarantined; 64 error(s), 3 warning(s)"
        in result.stdout
    )
    assert f"warehouse: {warehouse}" in result.stdout
    assert (tmp_path / "reports" / "latest.md").exists()
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.sql("select status, errors from runs").fetchall() == [("errors", 64)]
    con.close()


def test_run_without_a_raw_directory_exits_2_at_once(tmp_path: Path) -> None:
    """A missing raw directory is refused before any server starts."""
    result = _carryover("run", "--raw", str(tmp_path / "nope"), home=tmp_path / "prefect")
    assert result.returncode == 2
    assert (
        result.stderr.strip() == f"carryover: the raw directory {tmp_path / 'nope'} does not exist"
    )
    assert not (tmp_path / "prefect").exists()
