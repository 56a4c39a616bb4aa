"""Where things live: every path resolves from the project root, overridable by flag or env var.

Precedence for each setting: command-line flag, then environment variable, then the default under
the project root. Nothing here depends on the current working directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

ENV_RAW_DIR = "CARRYOVER_RAW_DIR"
ENV_WAREHOUSE = "CARRYOVER_WAREHOUSE"
ENV_REPORT_DIR = "CARRYOVER_REPORT_DIR"
ENV_TASK_RUNNER = "CARRYOVER_TASK_RUNNER"
ENV_DASK_ADDRESS = "CARRYOVER_DASK_ADDRESS"


@dataclass(frozen=True)
class Paths:
    """The three locations a run touches."""

    raw_dir: Path
    warehouse: Path
    report_dir: Path


def _pick(flag: Path | None, env: str, default: Path) -> Path:
    if flag is not None:
        return flag.expanduser().resolve()
    value = os.environ.get(env)
    if value:
        return Path(value).expanduser().resolve()
    return default


def resolve_paths(
    raw_dir: Path | None = None,
    warehouse: Path | None = None,
    report_dir: Path | None = None,
) -> Paths:
    """Resolve the run's paths from flags, environment and project defaults."""
    return Paths(
        raw_dir=_pick(raw_dir, ENV_RAW_DIR, PROJECT_ROOT / "raw"),
        warehouse=_pick(warehouse, ENV_WAREHOUSE, PROJECT_ROOT / "warehouse" / "carryover.duckdb"),
        report_dir=_pick(report_dir, ENV_REPORT_DIR, PROJECT_ROOT / "warehouse" / "reports"),
    )
