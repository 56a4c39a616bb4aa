"""The server's own scheduler runs a served deployment: no run is started through the API here.

`carryover serve --cron '* * * * *'` registers the deployment on a real `prefect server start`;
the server's scheduler must create its runs, and the serving process must complete them. With the
locked dependencies this proves the scheduler works (with sqlalchemy 2.1 it fails on every loop).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId
from prefect.settings import PREFECT_API_URL, temporary_settings

from tests.integration.conftest import stop_group
from tests.support import VALID

pytestmark = pytest.mark.slow

CLI = [sys.executable, "-c", "from carryover.cli.app import main; main()"]
WAIT_SECONDS = 150


def test_a_served_per_minute_schedule_gets_runs_from_the_servers_scheduler(
    tmp_path: Path, prefect_server: str
) -> None:
    """Within 150 s the scheduler creates a run of the served deployment, and it completes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CARRYOVER_"))}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": prefect_server}
    warehouse = tmp_path / "w.duckdb"
    args = ["--raw", str(VALID), "--warehouse", str(warehouse)]
    args += ["--report-dir", str(tmp_path / "reports"), "--cron", "* * * * *", "--name", "minutely"]
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [*CLI, "serve", *args], env=env, stdout=log, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        with (
            temporary_settings({PREFECT_API_URL: prefect_server}),
            get_client(sync_client=True) as client,
        ):
            deadline = time.monotonic() + WAIT_SECONDS
            deployment_id = None
            completed = []
            while time.monotonic() < deadline and not completed:
                assert proc.poll() is None, (tmp_path / "serve.log").read_text()
                time.sleep(2)
                if deployment_id is None:
                    try:
                        deployment = client.read_deployment_by_name("carryover-pipeline/minutely")
                    except Exception:  # not registered yet
                        continue
                    deployment_id = deployment.id
                runs = client.read_flow_runs(
                    deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id]))
                )
                assert runs == [] or all(r.auto_scheduled for r in runs), runs
                completed = [r for r in runs if r.state is not None and r.state.is_completed()]
            assert completed, (
                f"no scheduled run completed within {WAIT_SECONDS} s; serve printed:\n"
                + (tmp_path / "serve.log").read_text()
            )
            run = completed[0]
            assert run.auto_scheduled
            assert run.deployment_id == deployment_id
            assert run.parameters["warehouse"] == str(warehouse)
        # SIGTERM (as systemd or Docker stop it) ends serving quietly, like Ctrl+C
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        stop_group(proc)
        log.close()
    assert warehouse.is_file()
    printed = (tmp_path / "serve.log").read_text()
    assert "bulk DML" not in printed
    assert "never awaited" not in printed
    assert "Traceback" not in printed
