"""Measure what the build-beside-and-swap load costs, against writing the current file in place.

Usage: .venv/bin/python -m benchmarks.swap [OUTCOME_ROWS ...]   (default: 0 300000;
0 means the bundled raw/ data). For each raw set, 20 runs are loaded first so that the history
(runs, run_files, findings) has something to carry: runs of tests/data/faulty (45 findings each),
and for a generated set also runs in which every outcome was a finding (the worst case: the
history grows by one finding per outcome per run). Each figure is the
median of 5 runs.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from carryover.core.config import PROJECT_ROOT
from carryover.steps import check
from carryover.warehouse import build as warehouse
from carryover.warehouse import schema
from carryover.warehouse.build import RunRecord, build, next_file, swap, write_run
from tests.support import FAULTY, large_texts, write_raw

HISTORY_RUNS = 10
REPEATS = 5


def _record(i: int) -> RunRecord:
    now = dt.datetime.now(dt.UTC)
    return RunRecord(f"run-{i}", now, now, "ok", "raw")


def _in_place(path: Path, run: RunRecord, checked: object) -> None:
    """The former load: one transaction on the current file (blocks readers while it runs)."""
    con = duckdb.connect(str(path))
    con.execute("begin transaction")
    con.execute(schema.HISTORY_DDL)
    write_run(con, run, checked.validation, checked.derived)  # type: ignore[attr-defined]
    con.execute("commit")
    con.close()


def measure(raw: Path, label: str, history_raw: Path) -> None:
    checked = check(raw)
    faulty = check(history_raw)
    with tempfile.TemporaryDirectory() as tmp:
        current = Path(tmp) / "w.duckdb"
        for i in range(HISTORY_RUNS):
            warehouse.load(current, _record(i), faulty.validation, faulty.derived)
        copy, rename, total, in_place = [], [], [], []
        for i in range(REPEATS):
            run = _record(HISTORY_RUNS + i)
            new = next_file(current)
            t0 = time.perf_counter()
            build(new, run, checked.validation, checked.derived, previous=current)
            t1 = time.perf_counter()
            swap(new, current)
            t2 = time.perf_counter()
            # the history copy alone: the same build with nothing but history
            probe = Path(tmp) / "probe.duckdb"
            probe.unlink(missing_ok=True)
            con = duckdb.connect(str(probe))
            con.execute(schema.HISTORY_DDL)
            t3 = time.perf_counter()
            warehouse._attach_previous(con, current)
            warehouse._carry_history(con)
            t4 = time.perf_counter()
            con.close()
            other = Path(tmp) / "inplace.duckdb"
            t5 = time.perf_counter()
            _in_place(other, run, checked)
            t6 = time.perf_counter()
            other.unlink()
            total.append(t2 - t0)
            rename.append(t2 - t1)
            copy.append(t4 - t3)
            in_place.append(t6 - t5)
        con = duckdb.connect(str(current), read_only=True)
        findings = con.sql("select count(*) from findings").fetchall()[0][0]
        con.close()
        size = current.stat().st_size / 1e6
    rows = sum(f.data_rows for f in checked.validation.files)
    print(
        f"{label}: {rows} rows, history {HISTORY_RUNS + REPEATS} runs / {findings} findings, "
        f"file {size:.1f} MB | build+swap {statistics.median(total):.3f} s "
        f"(history copy {statistics.median(copy):.3f} s, fsync+rename "
        f"{statistics.median(rename):.3f} s) | in-place load {statistics.median(in_place):.3f} s"
    )


def main(sizes: list[int]) -> None:
    for n in sizes:
        if n == 0:
            measure(PROJECT_ROOT / "raw", "bundled raw/", FAULTY)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            raw = write_raw(Path(tmp) / "raw", large_texts(n))
            history = write_raw(Path(tmp) / "history", large_texts(n, change_pct="12.0"))
            measure(raw, f"generated {n} outcomes, small history", FAULTY)
            measure(raw, f"generated {n} outcomes, a finding per outcome per run", history)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [0, 300_000])
