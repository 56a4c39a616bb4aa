"""A run killed outright (kill -9) leaves no temporary Prefect server behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.conftest import stop_group
from tests.support import VALID

pytestmark = pytest.mark.slow


def _stat(pid: int) -> tuple[int, str, bytes] | None:
    """(ppid, state, start time) of a process, or None once it is gone (or a zombie)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    state = fields[0].decode()
    return None if state == "Z" else (int(fields[1]), state, fields[19])  # type: ignore[return-value]


def _descendants(root: int) -> dict[int, bytes]:
    children: dict[int, list[tuple[int, bytes]]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (info := _stat(int(entry.name))) is not None:
            children.setdefault(info[0], []).append((int(entry.name), info[2]))
    found: dict[int, bytes] = {}
    todo = [root]
    while todo:
        for pid, start in children.get(todo.pop(), []):
            found[pid] = start
            todo.append(pid)
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_a_killed_run_leaves_no_temporary_prefect_server(tmp_path: Path) -> None:
    """Stop the run mid-validation, kill -9 it alone: its server is gone within seconds."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CARRYOVER_"))}
    env |= {
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "CARRYOVER_STOP_AT": "validate",
    }
    proc = subprocess.Popen(
        [sys.executable, "-c", "from carryover.cli.app import main; main()", "run", "--raw",
         str(VALID), "--warehouse", str(tmp_path / "w.duckdb"), "--report-dir",
         str(tmp_path / "reports")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 180
        while (info := _stat(proc.pid)) is None or info[1] != "T":
            assert proc.poll() is None, "the run ended before reaching validate"
            assert time.monotonic() < deadline, "the run did not reach validate"
            time.sleep(0.2)
        helpers = _descendants(proc.pid)
        servers = [pid for pid in helpers if "prefect.server.api.server" in _cmdline(pid)]
        assert servers, {pid: _cmdline(pid) for pid in helpers}
        time.sleep(1.0)  # the watchdog's list is refreshed twice a second
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 30
        while True:
            left = [p for p, start in helpers.items() if (i := _stat(p)) and i[2] == start]
            if not left:
                break
            assert time.monotonic() < deadline, {pid: _cmdline(pid) for pid in left}
            time.sleep(0.2)
    finally:
        stop_group(proc, grace=5)
