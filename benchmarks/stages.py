"""Where `carryover check` spends its time and memory: each step's wall, CPU and resident memory.

Runs the steps of `carryover check` in this process (no Prefect) with a thread sampling the
process's resident set size every 20 ms, and prints, for each step as it ends, its wall and CPU
seconds and the resident memory before, after and at its peak. With `--analytics` the analytics
tables that `carryover run` computes (carryover, carryover_pooled) are computed too.

    python benchmarks/stages.py RAW_DIR [--analytics] [--load WAREHOUSE]

With `--load WAREHOUSE` (implies `--analytics`) the run's load follows, as `carryover run` does
it: each table's results are written for reuse before `combine` (which lets go of the clean
rows' text once typed), then the warehouse is built beside WAREHOUSE (each table let go once
stored) and swapped in.

The peak of a step is the largest resident set seen while it ran, so it includes what earlier
steps still hold and memory the allocator keeps after a step frees it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

from carryover import steps
from carryover.analytics import effects
from carryover.claims import editor
from carryover.claims import judge as claim_judge
from carryover.validate import reuse, studychecks, validation
from carryover.warehouse import build

MIB = 1024 * 1024
_PROCESS = psutil.Process()
_PEAK = [0]
_DEPTH = [0]


def _sample() -> None:
    while True:
        _PEAK[0] = max(_PEAK[0], _PROCESS.memory_info().rss)
        time.sleep(0.02)


def _timed(module: Any, name: str) -> None:
    """Replace module.name by a wrapper that prints the step's figures when it ends."""
    step: Callable[..., Any] = getattr(module, name)

    @functools.wraps(step)
    def timed(*args: Any, **kwargs: Any) -> Any:
        wall, cpu, before = time.perf_counter(), time.process_time(), _PROCESS.memory_info().rss
        _PEAK[0] = before
        _DEPTH[0] += 1
        try:
            return step(*args, **kwargs)
        finally:
            _DEPTH[0] -= 1
            after = _PROCESS.memory_info().rss
            print(
                f"{'  ' * _DEPTH[0]}{name}: {time.perf_counter() - wall:.2f} s wall, "
                f"{time.process_time() - cpu:.2f} s CPU, resident {before / MIB:.0f} -> "
                f"{after / MIB:.0f} MiB, peak {_PEAK[0] / MIB:.0f} MiB",
                flush=True,
            )

    setattr(module, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", type=Path)
    parser.add_argument("--analytics", action="store_true", help="also the analytics tables")
    parser.add_argument("--load", type=Path, metavar="WAREHOUSE", help="also load a warehouse")
    args = parser.parse_args()
    threading.Thread(target=_sample, daemon=True).start()
    for name in ("read_plan", "validate_read", "validate_big", "combine", "transform_all"):
        _timed(steps, name)
    for name in ("cast_table", "outcome_changes"):
        _timed(validation, name)
    _timed(claim_judge, "judge")
    _timed(editor, "annotate")
    _timed(studychecks, "run")
    _timed(effects, "carryover")
    _timed(effects, "pooled")
    for name in ("load", "write_run", "_replace"):
        _timed(build, name)
    _timed(reuse, "stage")
    wall, cpu = time.perf_counter(), time.process_time()
    if args.load is None:
        checked = steps.check(args.raw, analytics=args.analytics)
    else:  # as a run: the analytics tables are computed in parts while they are stored
        checked = steps.run_steps(args.raw, warehouse=args.load, full=True)
        started = dt.datetime.now(dt.UTC)
        record = build.RunRecord("stages", started, None, "errors", str(args.raw))
        build.load(args.load, record, checked.validation, checked.derived, release=True)
        assert checked.staged is not None
        checked.staged.commit()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"total: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU, "
        f"peak resident {peak:.0f} MiB; {checked.validation.errors} errors, "
        f"{checked.validation.warnings} warnings",
        flush=True,
    )


if __name__ == "__main__":
    sys.exit(main())
