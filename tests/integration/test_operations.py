"""Operations as they happen on a real machine: a real Prefect server and schedule, and more.

Readers with the warehouse open, two runs at once, and runs killed with SIGKILL at every stage.

Every process here is started in its own session and stopped by its process group, also when a
test fails; the Prefect server is the session fixture `prefect_server` (tests/integration).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from prefect.client.orchestration import get_client
from prefect.settings import PREFECT_API_URL, temporary_settings

from carryover.warehouse.build import next_file
from carryover.warehouse.runstate import journal_file
from tests.integration.conftest import stop_group
from tests.support import VALID, large_texts, write_raw

pytestmark = pytest.mark.slow

CLI = [sys.executable, "-c", "from carryover.cli.app import main; main()"]


def _env(home: Path, api_url: str | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CARRYOVER_"))}
    env["PREFECT_HOME"] = str(home)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env | extra


def _run(*args: str, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


@contextmanager
def _started(*args: str, env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [*CLI, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        yield proc
    finally:
        stop_group(proc)
        proc.communicate(timeout=30)


def _wait_until(check: Callable[[], bool], timeout: float, what: str, step: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(step)


def _is_stopped(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat.rsplit(")", 1)[1].split()[0] == "T"


def _stage(warehouse: Path) -> str | None:
    try:
        return str(json.loads(journal_file(warehouse).read_text())["stage"])
    except (OSError, ValueError, KeyError):
        return None


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _query(path: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.sql(sql).fetchall()
    finally:
        con.close()


@contextmanager
def _reader(path: Path) -> Iterator[Callable[[], str]]:
    """A second process holding duckdb.connect(path, read_only=True) open until asked to finish.

    Yields a function that ends the session and returns what it saw: the run count when it
    opened, then the run count and outcome rows at the end, through the same connection.
    """
    code = textwrap.dedent(
        f"""
        import duckdb, sys
        con = duckdb.connect({str(path)!r}, read_only=True)
        count = lambda t: con.sql(f"select count(*) from {{t}}").fetchall()[0][0]
        print(count("runs"), flush=True)
        sys.stdin.readline()
        print(count("runs"), count("outcomes"), flush=True)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout is not None
    opened = proc.stdout.readline().strip()

    def finish() -> str:
        out, _ = proc.communicate("\n", timeout=60)
        assert proc.returncode == 0
        return f"{opened} -> {out.strip()}"

    try:
        yield finish
    finally:
        stop_group(proc)
        if proc.returncode is None:
            proc.communicate(timeout=30)


def _paths(tmp_path: Path, raw: Path = VALID) -> list[str]:
    return [
        "--raw",
        str(raw),
        "--warehouse",
        str(tmp_path / "w.duckdb"),
        "--report-dir",
        str(tmp_path / "reports"),
    ]


def test_serve_without_a_reachable_server_says_so_and_exits_2(tmp_path: Path) -> None:
    """Schedules need a real server: with none configured or none answering, one line, exit 2."""
    none = _run("serve", *_paths(tmp_path), env=_env(tmp_path / "p", None))
    assert none.returncode == 2
    assert none.stderr.startswith("carryover: no Prefect server is configured: start one with")
    assert len(none.stderr.strip().splitlines()) == 1
    url = f"http://127.0.0.1:{_closed_port()}/api"
    down = _run("serve", *_paths(tmp_path), env=_env(tmp_path / "p", url))
    assert down.returncode == 2
    assert down.stderr.startswith(f"carryover: no Prefect server answers at {url}")
    assert len(down.stderr.strip().splitlines()) == 1


def _closed_port() -> int:
    from tests.support import free_port

    return free_port()


def test_a_scheduled_deployment_runs_on_a_real_server_while_a_reader_is_open(
    tmp_path: Path, prefect_server: str
) -> None:
    """A served cron deployment runs on a real server while a reader holds the warehouse.

    `carryover serve` registers it with one run at a time; two runs triggered through the API
    complete one after the other while another process keeps a read-only connection open.
    """
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterFlowRunId,
        ArtifactFilterKey,
    )
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.pipeline import REPORT_ARTIFACT_KEY

    env = _env(tmp_path / "prefect", prefect_server)
    warehouse = tmp_path / "w.duckdb"
    first = _run("run", *_paths(tmp_path), env=env)
    assert first.returncode == 0, first.stderr
    with (
        _reader(warehouse) as reader,
        _started("serve", *_paths(tmp_path), "--cron", "0 6 * * *", "--name", "t", env=env) as srv,
        temporary_settings({PREFECT_API_URL: prefect_server}),
        get_client(sync_client=True) as client,
    ):

        def registered() -> bool:
            assert srv.poll() is None, srv.communicate()
            try:
                client.read_deployment_by_name("carryover-pipeline/t")
            except Exception:
                return False
            return True

        _wait_until(registered, 120, "the deployment", step=0.5)
        deployment = client.read_deployment_by_name("carryover-pipeline/t")
        assert [s.schedule.cron for s in deployment.schedules] == ["0 6 * * *"]  # type: ignore[union-attr]
        assert deployment.global_concurrency_limit is not None
        assert deployment.global_concurrency_limit.limit == 1
        schema = deployment.parameter_openapi_schema["properties"]
        assert {"raw_dir", "warehouse", "report_dir", "full"} <= set(schema)
        assert schema["raw_dir"]["format"] == "path"
        assert deployment.parameters["warehouse"] == str(warehouse)

        runs = [client.create_flow_run_from_deployment(deployment.id) for _ in range(2)]

        def finished() -> bool:
            states = [client.read_flow_run(r.id).state for r in runs]
            return all(s is not None and s.is_final() for s in states)

        _wait_until(finished, 240, "both flow runs", step=0.5)
        done = sorted((client.read_flow_run(r.id) for r in runs), key=lambda r: r.start_time)
        assert [r.state.type.value for r in done] == ["COMPLETED", "COMPLETED"]  # type: ignore[union-attr]
        assert done[0].end_time <= done[1].start_time  # never overlapping
        for run in done:
            artifacts = client.read_artifacts(
                artifact_filter=ArtifactFilter(
                    key=ArtifactFilterKey(any_=[REPORT_ARTIFACT_KEY]),
                    flow_run_id=ArtifactFilterFlowRunId(any_=[run.id]),
                )
            )
            assert len(artifacts) == 1
            assert str(run.id) in str(artifacts[0].data)
        # the reader opened before both runs kept its snapshot, and nothing failed it
        assert reader() == "1 -> 1 4"
    ids = [str(r.id) for r in done]
    assert _query(warehouse, "select run_id, status from runs order by started_at")[1:] == [
        (ids[0], "ok"),
        (ids[1], "ok"),
    ]
    assert _query(warehouse, "select count(*) from outcomes") == [(4,)]
    reports = {p.name for p in (tmp_path / "reports").iterdir()}
    assert all(any(name.endswith(f"-{i[:8]}.md") for name in reports) for i in ids)
    assert "latest.md" in reports


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    tables = ["exercises", "studies", "groups", "outcomes", "claims", "outcome_changes"]
    return {t: _query(path, f"select * from {t} order by all") for t in tables}


STAGES = ["extract", "validate", "transform", "load", "swap", "report"]


def test_a_run_killed_at_any_stage_leaves_the_warehouse_whole_and_is_recorded(
    tmp_path: Path, prefect_server: str
) -> None:
    """A run killed at any stage leaves the previous warehouse whole; the next run records it.

    Until the swap the current file stays byte for byte as it was; the next run succeeds and
    records every killed run with the stage it reached.
    """
    env = _env(tmp_path / "prefect", prefect_server)
    warehouse = tmp_path / "w.duckdb"
    assert _run("run", *_paths(tmp_path), env=env).returncode == 0
    before = _snapshot(warehouse)
    killed = []
    for stage in STAGES:
        digest = _sha(warehouse)
        with _started("run", *_paths(tmp_path), env=env | {"CARRYOVER_STOP_AT": stage}) as proc:
            _wait_until(lambda: _is_stopped(proc.pid), 120, f"the run to reach {stage}")
            assert _stage(warehouse) == stage
            killed.append(json.loads(journal_file(warehouse).read_text())["run_id"])
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        if stage != "report":  # the report comes after the swap: that run has landed
            assert _sha(warehouse) == digest, stage
        assert _snapshot(warehouse) == before, stage
    result = _run("run", *_paths(tmp_path), env=env)
    assert result.returncode == 0, result.stderr
    runs = _query(warehouse, "select run_id, status, stage from runs order by started_at")
    assert runs[1:-1] == [
        (run_id, "ok" if stage == "report" else "killed", None if stage == "report" else stage)
        for run_id, stage in zip(killed, STAGES, strict=True)
    ]
    assert runs[-1][1] == "ok"
    with temporary_settings({PREFECT_API_URL: prefect_server}), get_client(sync_client=True) as c:
        states = [c.read_flow_run(uuid.UUID(run_id)).state for run_id in killed]
    assert [s.type.value if s else None for s in states] == ["CRASHED"] * len(STAGES)
    assert _snapshot(warehouse) == before
    assert not next_file(warehouse).exists()
    assert not journal_file(warehouse).exists()


def test_a_run_killed_mid_load_of_a_large_file_leaves_the_previous_warehouse(
    tmp_path: Path, prefect_server: str
) -> None:
    """SIGKILL while a million-row build is being written: no trace in the current warehouse."""
    env = _env(tmp_path / "prefect", prefect_server)
    warehouse = tmp_path / "w.duckdb"
    assert _run("run", *_paths(tmp_path), env=env).returncode == 0
    digest, before = _sha(warehouse), _snapshot(warehouse)
    large = write_raw(tmp_path / "large", large_texts(1_000_000))
    building = next_file(warehouse)
    with _started("run", *_paths(tmp_path, large), env=env) as proc:

        def writing() -> bool:
            assert proc.poll() is None, proc.communicate()
            return _stage(warehouse) == "load" and building.exists() and building.stat().st_size > 0

        _wait_until(writing, 240, "the large build to start", step=0.005)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert building.exists()  # killed mid-write: the half-built file is there...
    assert _sha(warehouse) == digest  # ...and the current warehouse is untouched
    assert _snapshot(warehouse) == before
    result = _run("run", *_paths(tmp_path, large), env=env)
    assert result.returncode == 0, result.stderr
    assert _query(warehouse, "select count(*) from outcomes") == [(1_000_004,)]
    statuses = _query(warehouse, "select status, stage from runs order by started_at")
    assert statuses == [("ok", None), ("killed", "load"), ("ok", None)]
    assert not building.exists()


def test_two_runs_at_once_wait_or_exit_2_and_history_shows_the_run(
    tmp_path: Path, prefect_server: str
) -> None:
    """A second run waits for the first; if the wait runs out it exits 2 in one sentence."""
    env = _env(tmp_path / "prefect", prefect_server)
    warehouse = tmp_path / "w.duckdb"
    assert _run("run", *_paths(tmp_path), env=env).returncode == 0
    with _started("run", *_paths(tmp_path), env=env | {"CARRYOVER_STOP_AT": "load"}) as first:
        _wait_until(lambda: _is_stopped(first.pid), 120, "the first run to reach load")
        impatient = _run("run", *_paths(tmp_path), "--wait", "1", env=env)
        assert impatient.returncode == 2
        assert impatient.stderr.strip() == (
            f"carryover: another carryover run (pid {first.pid}, since "
            + impatient.stderr.split("since ", 1)[1].split(")")[0]
            + f") is writing {warehouse}; waited 1 s, try again when it has finished"
        )
        history = _run("history", "--warehouse", str(warehouse), env=env)
        assert history.returncode == 0
        assert "is in progress: load" in history.stdout
        with _started("run", *_paths(tmp_path), env=env) as patient:
            time.sleep(2)
            assert patient.poll() is None  # waiting for the lock
            os.killpg(first.pid, signal.SIGCONT)
            assert first.wait(timeout=120) == 0
            assert patient.wait(timeout=120) == 0
    runs = _query(warehouse, "select status from runs")
    assert runs == [("ok",), ("ok",), ("ok",)]
    history = _run("history", "--warehouse", str(warehouse), "--limit", "2", env=env)
    assert len(history.stdout.strip().splitlines()) == 3
