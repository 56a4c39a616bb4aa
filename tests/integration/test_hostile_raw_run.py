"""`carryover run` on a raw directory holding a pipe, a link loop and a non-UTF-8 file name.

These once made `run` hang holding the warehouse lock, or stop with an internal error: now the
run ends, each entry is a finding, and the warehouse is built.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from carryover.core.config import PROJECT_ROOT

pytestmark = pytest.mark.slow


def test_run_reports_hostile_entries_and_builds_the_warehouse(tmp_path: Path) -> None:
    """Exit 1 with a finding per entry, no internal error, rows of the named file loaded."""
    raw = tmp_path / "raw"
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    header, *rows = (raw / "groups.csv").read_text(encoding="utf-8").splitlines()
    (raw / "groups.csv").write_text(header + "\n" + rows[0] + "\n", encoding="utf-8")
    (raw / "groups").mkdir()
    (raw / os.fsdecode(b"groups/rest-\xff.csv")).write_text(
        "\n".join([header, *rows[1:]]) + "\n", encoding="utf-8"
    )
    os.mkfifo(raw / "groups" / "pipe.csv")
    (raw / "articles" / "loop.md").symlink_to("loop.md")
    os.mkfifo(raw / "articles" / "pipe.md")
    warehouse = tmp_path / "w.duckdb"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CARRYOVER_"))}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    done = subprocess.run(
        [sys.executable, "-c", "from carryover.cli.app import main; main()", "run", "--raw",
         str(raw), "--warehouse", str(warehouse), "--report-dir", str(tmp_path / "reports"),
         "--max-findings", "0"],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr == ""
    for shown, reason in [
        ("groups/pipe.csv", "named pipe"),
        ("articles/pipe.md", "named pipe"),
        ("articles/loop.md", "symbolic link loop"),
        ("groups/rest-\\xff.csv", "not UTF-8"),
    ]:
        assert any(shown in line and reason in line for line in done.stdout.splitlines()), shown
    con = duckdb.connect(str(warehouse), read_only=True)
    loaded = con.sql("select count(*) from groups").fetchall()[0][0]
    con.close()
    assert loaded == len(rows)
