"""Checks a run makes before any work, so that it fails before its warehouse is swapped in.

A report directory that cannot be written used to be found only after the swap: the run's data
landed, the command said "internal error", and the run's record stayed "ok".
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from carryover.core.errors import CarryoverError


class ReportDirError(CarryoverError):
    """The report directory cannot be created or written."""


def ensure_report_dir(report_dir: Path) -> None:
    """Create the report directory if need be and prove a file can be written in it."""
    try:
        report_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".carryover-probe-", dir=report_dir)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ReportDirError(
            f"cannot write reports into {report_dir}: {reason} (choose another --report-dir)"
        ) from None
    os.close(fd)
    with contextlib.suppress(OSError):
        Path(probe).unlink()
