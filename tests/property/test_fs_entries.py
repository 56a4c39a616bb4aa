"""Whatever sits in the raw directory, `carryover check` ends in bounded time with a finding on it.

Entries: a symbolic link loop, a link to nothing, a named pipe (FIFO), a socket, a device
(/dev/zero's numbers, endless if read), an entry that cannot be opened, a file name that is not
UTF-8. Places: the table file itself, a file in a table's folder, an article. The real command
runs in a new process with a time limit: it must answer (exit 0 or 1) with no internal error,
and name every entry.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carryover.core.config import PROJECT_ROOT

KINDS = ("loop", "dangling", "fifo", "socket", "device", "unopenable", "non_utf8_name")
PLACES = ("table", "folder", "article")
LIMIT = 90.0
"""Seconds `carryover check` may take on the small raw set, whatever the entries (a hang fails)."""


def _name(kind: str, place: str, index: int) -> tuple[bytes, str]:
    """The entry's path under the raw directory (bytes) and how findings show it."""
    stem = f"{kind}-{index}"
    if kind == "non_utf8_name":
        raw_stem, shown = stem.encode() + b"\xff", stem + "\\xff"
    else:
        raw_stem, shown = stem.encode(), stem
    if place == "table":
        return b"studies.csv", "studies.csv"
    if place == "folder":
        return b"groups/" + raw_stem + b".csv", f"groups/{shown}.csv"
    return b"articles/" + raw_stem + b".md", f"articles/{shown}.md"


def _make(raw: Path, relative: bytes, kind: str) -> None:
    path = raw / os.fsdecode(relative)
    if path.is_symlink() or path.exists():
        path.unlink()
    if kind == "loop":
        path.symlink_to(path.name)
    elif kind == "dangling":
        path.symlink_to("nowhere.csv")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        here = Path.cwd()
        os.chdir(path.parent)  # a socket path must be short: bind it relative
        try:
            sock.bind(path.name)
        finally:
            os.chdir(here)
            sock.close()
    elif kind == "device":
        os.mknod(path, 0o644 | stat.S_IFCHR, os.makedev(1, 5))
    elif kind == "unopenable":
        if os.geteuid() == 0:  # root opens any mode: a path through a file cannot be opened
            path.symlink_to("../studies.csv/inside")
        else:
            path.write_text("a,b\n", encoding="utf-8")
            path.chmod(0)
    elif kind == "non_utf8_name":
        path.write_text("Hammond et al. found 1% more.\n", encoding="utf-8")


def _raw(tmp: Path) -> Path:
    raw = tmp / "raw"
    if raw.exists():
        shutil.rmtree(raw)
    shutil.copytree(PROJECT_ROOT / "raw", raw)
    (raw / "groups").mkdir()
    return raw


def _check(raw: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CARRYOVER_"))}
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", "from carryover.cli.app import main; main()", "check", "--raw",
         str(raw), "--max-findings", "0"],
        capture_output=True, text=True, timeout=LIMIT, check=False, env=env,
    )  # fmt: skip
    return done, time.monotonic() - start


def _assert_reported(raw: Path, entries: list[tuple[str, str]]) -> None:
    for index, (kind, place) in enumerate(entries):
        _make(raw, _name(kind, place, index)[0], kind)
    done, seconds = _check(raw)
    assert done.returncode in (0, 1), done.stderr
    assert "internal error" not in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert seconds < LIMIT
    for index, (kind, place) in enumerate(entries):
        shown = _name(kind, place, index)[1]
        lines = [line for line in done.stdout.splitlines() if f"/{shown}:" in line]
        assert lines, (kind, place, done.stdout)
        if kind != "non_utf8_name":
            assert any(" error " in line for line in lines), lines


@pytest.mark.slow
def test_every_kind_of_entry_in_every_place_is_a_finding(tmp_path: Path) -> None:
    """All kinds at once: in the groups folder and among the articles (the table file: below)."""
    raw = _raw(tmp_path)
    entries = [(kind, place) for kind in KINDS for place in ("folder", "article")]
    _assert_reported(raw, entries)


@pytest.mark.slow
@pytest.mark.parametrize("kind", [k for k in KINDS if k != "non_utf8_name"])
def test_a_table_file_that_is_not_a_file_is_a_finding(tmp_path: Path, kind: str) -> None:
    """studies.csv itself a loop, a pipe, a socket, a device...: file_unreadable, no hang."""
    raw = _raw(tmp_path)
    _assert_reported(raw, [(kind, "table")])


@pytest.mark.slow
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    entries=st.lists(
        st.tuples(st.sampled_from(KINDS), st.sampled_from(("folder", "article"))),
        min_size=1,
        max_size=5,
    )
)
def test_any_mix_of_entries_is_reported_in_bounded_time(
    tmp_path: Path, entries: list[tuple[str, str]]
) -> None:
    """A random mix of entries in a table folder and among the articles."""
    _assert_reported(_raw(tmp_path), entries)
