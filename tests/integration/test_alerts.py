"""Run states that mean something, on a real `prefect server start`, through the real CLI.

A run whose findings reach `--fail-on` ends Failed in Prefect with the counts as its message (the
warehouse still loaded, the report still written) and logs a one-line summary; the automation of
docs/operations.md turns that Failed state into a webhook call, received here by a small HTTP
server on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
from prefect.settings import PREFECT_API_URL, temporary_settings

from tests.support import FAULTY, VALID, valid_texts, write_raw

pytestmark = pytest.mark.slow

CLI = [sys.executable, "-c", "from carryover.cli.app import main; main()"]


def _carryover(
    *args: str, api_url: str, home: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CARRYOVER_"))}
    env |= {"PREFECT_HOME": str(home), "PREFECT_API_URL": api_url}
    return subprocess.run(
        [*CLI, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def _run_id(stdout: str) -> uuid.UUID:
    found = re.search(r"\(run ([0-9a-f-]{36})\)", stdout)
    assert found, stdout
    return uuid.UUID(found.group(1))


def _paths(tmp_path: Path, raw: Path, name: str) -> list[str]:
    return [
        "--raw",
        str(raw),
        "--warehouse",
        str(tmp_path / f"{name}.duckdb"),
        "--report-dir",
        str(tmp_path / f"reports-{name}"),
    ]


def test_fail_on_sets_the_flow_run_state_in_prefect(tmp_path: Path, prefect_server: str) -> None:
    """Errors end Failed (default), never keeps it Completed, warning fails on a warning alone."""
    home = tmp_path / "prefect"
    failed = _carryover("run", *_paths(tmp_path, FAULTY, "f"), api_url=prefect_server, home=home)
    assert failed.returncode == 1, failed.stderr
    assert failed.stderr == ""
    counts = "64 error(s), 3 warning(s)"
    assert f"run failed: {counts} found (--fail-on error)" in failed.stdout

    relaxed = _carryover(
        "run", *_paths(tmp_path, FAULTY, "n"), "--fail-on", "never", "--format", "json",
        api_url=prefect_server, home=home,
    )  # fmt: skip
    assert relaxed.returncode == 0, relaxed.stderr
    doc = json.loads(relaxed.stdout)  # stdout is the JSON document alone
    assert (doc["command"], doc["errors"], doc["warnings"]) == ("run", 64, 3)
    assert "run failed" not in relaxed.stdout + relaxed.stderr
    assert "warehouse: " in relaxed.stderr

    texts = valid_texts()
    lines = texts["exercises"].splitlines()
    texts["exercises"] = "\n".join([lines[0] + ",notes", *(f"{line},x" for line in lines[1:])])
    warned_raw = write_raw(tmp_path / "warned", texts)
    warned = _carryover(
        "run", *_paths(tmp_path, warned_raw, "w"), "--fail-on", "warning",
        api_url=prefect_server, home=home,
    )  # fmt: skip
    assert warned.returncode == 1, warned.stdout + warned.stderr
    assert "0 error(s), 1 warning(s)" in warned.stdout
    calm = _carryover(
        "run", *_paths(tmp_path, warned_raw, "c"), api_url=prefect_server, home=home
    )  # default: error, and a warning is not one
    assert calm.returncode == 0, calm.stdout + calm.stderr

    with (
        temporary_settings({PREFECT_API_URL: prefect_server}),
        get_client(sync_client=True) as client,
    ):
        states = {
            name: client.read_flow_run(_run_id(result.stdout)).state
            for name, result in (("f", failed), ("n", relaxed), ("w", warned), ("c", calm))
        }
        assert {k: s.type.value for k, s in states.items() if s} == {
            "f": "FAILED",
            "n": "COMPLETED",
            "w": "FAILED",
            "c": "COMPLETED",
        }
        assert states["f"] is not None
        assert states["f"].message == (
            f"{counts} found (--fail-on error); the valid rows were loaded and the report written"
        )
        assert states["w"] is not None
        assert states["w"].message is not None
        assert states["w"].message.startswith("0 error(s), 1 warning(s) found (--fail-on warning)")
        logs = client.read_logs(
            log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[_run_id(failed.stdout)]))
        )
        summaries = [log.message for log in logs if log.message.startswith("carryover run ")]
        assert summaries == [
            f"carryover run {_run_id(failed.stdout)}: 5 files, 57 rows: 19 loaded, 38 "
            f"quarantined; {counts}"
        ]
    # a failed run still loaded its valid rows and wrote its report
    con = duckdb.connect(str(tmp_path / "f.duckdb"), read_only=True)
    try:
        assert con.sql("select count(*) from outcomes").fetchall()[0][0] > 0
        assert con.sql("select status, errors from runs").fetchall() == [("errors", 64)]
    finally:
        con.close()
    assert (tmp_path / "reports-f" / "latest.md").is_file()
    assert (tmp_path / "reports-f" / "latest.html").is_file()


class _Hook(BaseHTTPRequestHandler):
    received: list[dict[str, object]]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.received.append(json.loads(body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def webhook() -> Iterator[tuple[str, list[dict[str, object]]]]:
    """An HTTP server on 127.0.0.1 recording the JSON bodies posted to it."""
    received: list[dict[str, object]] = []
    handler = type("Hook", (_Hook,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/carryover", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_the_documented_automation_posts_a_failed_run_to_a_webhook(
    tmp_path: Path, prefect_server: str, webhook: tuple[str, list[dict[str, object]]]
) -> None:
    """docs/operations.md's automation, created through Prefect's client, notifies on Failed."""
    url, received = webhook
    name = f"carryover-failed-{uuid.uuid4().hex[:8]}"
    created = _carryover("alert", "--webhook", url, "--name", name, api_url=prefect_server,
                         home=tmp_path)  # fmt: skip
    assert created.returncode == 0, created.stdout + created.stderr
    assert created.stdout.startswith(f"automation {name} (")
    with (
        temporary_settings({PREFECT_API_URL: prefect_server}),
        get_client(sync_client=True) as client,
    ):
        [automation] = client.read_automations_by_name(name)
        assert automation.enabled

    ok = _carryover("run", *_paths(tmp_path, VALID, "ok"), api_url=prefect_server, home=tmp_path)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = _carryover("run", *_paths(tmp_path, FAULTY, "b"), api_url=prefect_server, home=tmp_path)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    run_id = str(_run_id(bad.stdout))

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not any(run_id in str(r) for r in received):
        time.sleep(0.5)
    ours = [r for r in received if run_id in str(r)]
    assert len(ours) == 1, received
    assert "64 error(s), 3 warning(s) found (--fail-on error)" in str(ours[0]["body"])
    assert str(ours[0]["subject"]).startswith("carryover run failed")
    # the Completed run was not notified
    assert not any(str(_run_id(ok.stdout)) in str(r) for r in received)
