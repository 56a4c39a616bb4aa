"""Nothing after carryover's last line: the interpreter's teardown writes no noise to the terminal.

When a command ends, libraries can still write to stderr while Python shuts down: nanobind lists
the DuckDB objects a failed run left alive (about 40 lines after a disk-full error), Prefect's
temporary server can print cancelled tasks. carryover has said all it has to say by then, in one
line per problem, so the console's stderr is pointed at /dev/null once its output is flushed.
With CARRYOVER_DEBUG set, nothing is hidden.
"""

from __future__ import annotations

import contextlib
import os
import sys

ENV_DEBUG = "CARRYOVER_DEBUG"


def quiet_teardown() -> None:
    """Flush stdout and stderr, then send anything written to stderr after this to /dev/null."""
    if os.environ.get(ENV_DEBUG):
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
