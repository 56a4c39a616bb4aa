"""A run's helper processes end with it, even when the run is killed (kill -9).

Prefect's temporary API server (and a local Dask cluster) are child processes that the run stops
when it exits normally. A run killed outright cannot stop them: they were left behind with PPID 1,
about 215 MB each, every time. So a run starts a small watchdog in its own session. The watchdog
keeps, every half second, the list of the run's descendant processes (pid and start time, from
/proc); when the run's end of a pipe closes (the run has ended, however it ended) it terminates
those still alive and unchanged, then kills any that ignore SIGTERM for 5 s. Linux only (/proc);
elsewhere no watchdog is started.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WATCHDOG = r"""
import os, select, signal, sys, time

parent = int(sys.argv[1])
seen = {}

def stat(pid):
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return int(fields[1]), fields[19]  # ppid, start time
    except (OSError, IndexError, ValueError):
        return None

def descendants():
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            info = stat(int(name))
            if info is not None:
                children.setdefault(info[0], []).append((int(name), info[1]))
    found, todo = {}, [parent]
    while todo:
        for pid, start in children.get(todo.pop(), []):
            if pid != os.getpid() and pid not in found:
                found[pid] = start
                todo.append(pid)
    return found

while True:
    ready, _, _ = select.select([sys.stdin], [], [], 0.5)
    if ready and not os.read(sys.stdin.fileno(), 4096):
        break
    seen.update(descendants())

def alive(pid, start):
    info = stat(pid)
    return info is not None and info[1] == start

left = {pid: start for pid, start in seen.items() if alive(pid, start)}
for pid in left:
    try:
        os.kill(pid, signal.SIGTERM)
    except OSError:
        pass
deadline = time.monotonic() + 5
while left and time.monotonic() < deadline:
    time.sleep(0.1)
    left = {pid: start for pid, start in left.items() if alive(pid, start)}
for pid in left:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
"""


def start_watchdog() -> subprocess.Popen[bytes] | None:
    """Start the watchdog of this process's helpers; it outlives this process by seconds only.

    One watchdog per process: a second call (a second run in one process) starts none.
    """
    if _KEEP or not Path("/proc/self/stat").exists():
        return None
    read_end, write_end = os.pipe()
    try:
        watchdog = subprocess.Popen(
            [sys.executable, "-c", WATCHDOG, str(os.getpid())],
            stdin=read_end,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a kill of the run's process group leaves it to clean up
            close_fds=True,
        )
    except OSError:
        os.close(write_end)
        return None
    finally:
        os.close(read_end)
    _KEEP.append(write_end)  # held open (not inherited by children) until this process ends
    return watchdog


_KEEP: list[int] = []
