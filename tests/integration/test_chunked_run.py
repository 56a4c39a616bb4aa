"""A run that reads its big file in chunks lands the same warehouse as one that reads it whole.

The flow on Prefect's task runner (threads) and the `carryover check` command, each with a
small chunk size against no chunking, on the tricky raw set of tests.chunking.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from carryover.ingest.chunks import ENV_CHUNK_BYTES
from flows.pipeline import carryover_pipeline
from tests.chunking import tricky_raw

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tricky_raw(tmp_path_factory.mktemp("chunked") / "raw")


def _run(raw: Path, out: Path, chunk: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    monkeypatch.setenv(ENV_CHUNK_BYTES, str(chunk))
    summary = carryover_pipeline(
        raw_dir=raw,
        warehouse=out / "w.duckdb",
        report_dir=out / "reports",
        full=True,
        fail_on="never",
    )
    assert summary.exit_code == 1
    with duckdb.connect(str(out / "w.duckdb"), read_only=True) as con:
        return {
            table: con.sql(f"select * exclude (run_id) from {table} order by all").fetchall()
            for table in ("quarantine", "findings", "run_files")
        } | {
            table: con.sql(f"select * from {table} order by all").fetchall()
            for table in ("outcomes", "outcome_changes", "carryover", "claim_checks")
        }


def test_a_chunked_flow_run_lands_the_same_warehouse(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _run(raw, tmp_path / "whole", 0, monkeypatch)
    chunked = _run(raw, tmp_path / "chunked", 2500, monkeypatch)
    assert len(whole["outcomes"]) > 1500
    assert len(whole["quarantine"]) > 100
    for table, rows in whole.items():
        assert chunked[table] == rows, table


def test_check_prints_the_same_with_and_without_chunks(raw: Path) -> None:
    def check(chunk: int) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, ENV_CHUNK_BYTES: str(chunk)}
        cli = Path(sys.executable).parent / "carryover"
        return subprocess.run(
            [str(cli), "check", "--raw", str(raw)], env=env, capture_output=True, text=True
        )

    whole, chunked = check(0), check(1500)
    assert whole.returncode == chunked.returncode == 1
    assert "quarantined" in whole.stdout + whole.stderr
    assert chunked.stdout == whole.stdout
    assert chunked.stderr == whole.stderr
