"""Benchmark carryover against the floor, each subject in its own process, and write a table.

For each N: generate a raw directory of N outcome rows (benchmarks/generate.py), then measure

- floor: polars reads every CSV as text and DuckDB stores it, no checks (benchmarks/floor.py);
- check: `carryover check --raw DIR`;
- run, temporary server: `carryover run` with no PREFECT_API_URL (Prefect starts its own server);
- run, running server: `carryover run` against a `prefect server start` this script starts once.

Wall time is the median of up to --repeat runs (fewer once a subject has used --budget seconds);
peak memory is the largest resident set of the subject's process tree as the kernel reports it to
wait4 (ru_maxrss of the largest single process, not a sum). Every run's exit code and row counts
are checked: loaded + quarantined must equal the rows generated, and quarantined the rows planted
as faulty. `carryover check` on the bundled raw/ data is timed too.

    .venv/bin/python benchmarks/run.py --rows 100000 1000000 2000000 --out benchmarks/results.md
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import Generated, generate

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CARRYOVER = str(BIN / "carryover")
PREFECT = str(BIN / "prefect")
MIB = 1024 * 1024
EXPECTED_EXIT = 1  # the planted faults are error findings
TARGET_RUN_RATIO = 2.0  # the aim is 1.5x
TARGET_PEAK_RATIO = 3.0
TARGET_BUNDLED_CHECK_S = 1.5
SUMMARY = re.compile(
    r"(\d+) rows: (\d+) (?:loaded|valid \(a run would load them\)), (\d+) (?:would be )?quarantined"
)
"""carryover's summary line: `run` says loaded and quarantined, `check` valid and would be."""


@dataclass
class Measured:
    """One subject at one N: every repetition's wall time and the peak resident set."""

    subject: str
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peak_bytes: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def wall(self) -> float:
        """Median wall time in seconds."""
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        """Median CPU time (user + system, the process and the children it waited for)."""
        return statistics.median(self.cpus) if self.cpus else float("nan")


@dataclass
class Once:
    """What one subprocess did."""

    wall: float
    peak_bytes: int
    returncode: int
    output: str
    cpu: float = 0.0


def run_once(cmd: list[str], env: dict[str, str], log: Path) -> Once:
    """Run a command to completion; wall time, peak RSS (wait4) and its output."""
    with log.open("w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # wait4's usage covers the process and the children it waited for (a local Dask cluster's
    # workers, Prefect's temporary server), as the kernel accounts them.
    cpu = usage.ru_utime + usage.ru_stime
    output = log.read_text(errors="replace")
    return Once(wall, usage.ru_maxrss * 1024, proc.returncode, output, cpu)


def base_env(prefect_home: Path) -> dict[str, str]:
    """The environment of every subject: no inherited Prefect API, its own Prefect home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CARRYOVER_"))}
    env["PREFECT_HOME"] = str(prefect_home)
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def prefect_server(home: Path, log: Path) -> Iterator[str]:
    """Start `prefect server start` on a free local port; yield its API URL; always stop it."""
    port = free_port()
    env = base_env(home)
    with log.open("w") as out:
        proc = subprocess.Popen(
            [PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so it is stopped whole
        )
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"prefect server exited {proc.returncode}; see {log}")
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"prefect server not ready after 180 s; see {log}")
            time.sleep(0.5)
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def counts_from_output(output: str) -> tuple[int, int, int] | None:
    """(rows, loaded, quarantined) from carryover's summary line."""
    match = SUMMARY.search(output)
    return (int(match[1]), int(match[2]), int(match[3])) if match else None


def counts_from_warehouse(path: Path) -> tuple[int, int, int]:
    """(rows, loaded, quarantined) of the latest run, from run_files."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        row = con.execute(
            "select sum(data_rows), sum(loaded_rows), sum(quarantined_rows) from run_files "
            "where run_id = (select run_id from runs order by finished_at desc limit 1)"
        ).fetchall()[0]
    finally:
        con.close()
    return int(row[0]), int(row[1]), int(row[2])


def verify(
    once: Once, counts: tuple[int, int, int] | None, gen: Generated | None, expected_exit: int
) -> list[str]:
    """What is wrong with one run (empty when it did what it should)."""
    problems = []
    if once.returncode != expected_exit:
        tail = " | ".join(once.output.strip().splitlines()[-3:])
        problems.append(f"exit {once.returncode}, expected {expected_exit}: {tail}")
    if gen is not None and counts is not None:
        _rows, loaded, quarantined = counts
        if loaded + quarantined != gen.total_rows:
            lost = gen.total_rows - loaded - quarantined
            problems.append(f"{lost} of {gen.total_rows} rows neither loaded nor quarantined")
        if quarantined != gen.faulty:
            problems.append(f"{quarantined} quarantined of {gen.faulty} planted faulty")
    elif gen is not None:
        problems.append("no row counts found")
    return problems


@dataclass
class Subject:
    """A command to measure, and how its result is checked."""

    name: str
    cmd: list[str]
    env: dict[str, str]
    warehouse: Path | None = None
    counted: bool = True
    expected_exit: int = EXPECTED_EXIT


def measure(
    subject: Subject, gen: Generated | None, work: Path, repeat: int, budget: float
) -> Measured:
    """Run a subject up to `repeat` times (fewer once `budget` seconds are used)."""
    result = Measured(subject.name)
    slug = re.sub(r"[^a-z0-9]+", "-", subject.name.lower())
    for rep in range(repeat):
        if subject.warehouse is not None:
            for suffix in ("", ".wal"):
                Path(f"{subject.warehouse}{suffix}").unlink(missing_ok=True)
        once = run_once(subject.cmd, subject.env, work / f"{slug}-{rep}.log")
        result.walls.append(once.wall)
        result.cpus.append(once.cpu)
        result.peak_bytes = max(result.peak_bytes, once.peak_bytes)
        counts = None
        if subject.counted:
            counts = (
                counts_from_warehouse(subject.warehouse)
                if subject.warehouse is not None and once.returncode in (0, 1)
                else counts_from_output(once.output)
            )
        for problem in verify(
            once, counts, gen if subject.counted else None, subject.expected_exit
        ):
            if problem not in result.problems:
                result.problems.append(problem)
        print(
            f"  {subject.name}: rep {rep + 1}: {once.wall:.2f} s wall, {once.cpu:.2f} s CPU, "
            f"{once.peak_bytes / MIB:.0f} MiB, exit {once.returncode}",
            flush=True,
        )
        if sum(result.walls) > budget:
            break
    return result


def run_cmd(raw: Path, warehouse: Path, reports: str, *options: str) -> list[str]:
    return [
        *(CARRYOVER, "run", "--raw", str(raw)),
        *("--warehouse", str(warehouse), "--report-dir", reports, *options),
    ]


GX_VERSION = "1.24.1"


def gx_python(venv: Path) -> Path:
    """The Python of a virtual environment holding Great Expectations (created when absent).

    Great Expectations is never a dependency of carryover: it gets an environment of its own.
    """
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"creating {venv} with great-expectations=={GX_VERSION}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", f"great-expectations=={GX_VERSION}"],
            check=True,
        )
    return python


def gx_subject(raw: Path, env: dict[str, str], venv: Path) -> Subject:
    """The tuned Great Expectations script of the 14 outcome checks (benchmarks/gx_check.py)."""
    return Subject(
        f"Great Expectations {GX_VERSION} script (14 outcome checks)",
        [str(gx_python(venv)), str(ROOT / "benchmarks" / "gx_check.py"), str(raw)],
        {**env, "GX_ANALYTICS_ENABLED": "false"},
        counted=False,
    )


def subjects_for(
    raw: Path, work: Path, env: dict[str, str], api_url: str, only: tuple[str, ...] = ()
) -> list[Subject]:
    """The subjects of one N.

    `only` keeps those whose name starts with one of its entries (the floor is always kept).
    """
    server_env = {**env, "PREFECT_API_URL": api_url}
    reports = str(work / "reports")
    wh_temp, wh_server = work / "run-temporary.duckdb", work / "run-server.duckdb"
    subjects = [
        Subject(
            "floor",
            [sys.executable, str(ROOT / "benchmarks" / "floor.py"), str(raw), str(work / "f.db")],
            env,
            counted=False,
            expected_exit=0,
        ),
        Subject("carryover check", [CARRYOVER, "check", "--raw", str(raw)], env),
        Subject(
            "carryover run (temporary server)",
            run_cmd(raw, wh_temp, reports),
            env,
            warehouse=wh_temp,
        ),
        Subject(
            "carryover run (running server)",
            run_cmd(raw, wh_server, reports),
            server_env,
            warehouse=wh_server,
        ),
    ]
    if only:
        subjects = [s for s in subjects if s.name == "floor" or s.name.startswith(only)]
    return subjects


def many_files_subjects(raw: Path, work: Path, env: dict[str, str], api_url: str) -> list[Subject]:
    """The floor, then `carryover run` on a running server with each task runner."""
    server_env = {**env, "PREFECT_API_URL": api_url}
    reports = str(work / "reports")
    floor = subjects_for(raw, work, env, api_url)[0]
    runs = []
    for runner in ("thread", "dask"):
        warehouse = work / f"run-{runner}.duckdb"
        runs.append(
            Subject(
                f"carryover run --task-runner {runner} (running server)",
                run_cmd(raw, warehouse, reports, "--task-runner", runner),
                server_env,
                warehouse=warehouse,
            )
        )
    return [floor, *runs]


def machine() -> list[str]:
    def sh(*cmd: str) -> str:
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            return "?"

    import polars

    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in sh("lscpu").splitlines()
            if "Model name" in line
        ),
        platform.processor(),
    )
    memory = next((line for line in sh("free", "-h").splitlines() if line.startswith("Mem:")), "")
    versions = {
        "prefect": sh(PREFECT, "--version") or "?",
    }
    return [
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- CPU: {model}, {sh('nproc')} cores (`nproc`), shared with other work",
        f"- memory: {memory.split()[1] if memory else '?'} total (`free -h`)",
        f"- {platform.system()} {platform.release()}; Python {platform.python_version()}, "
        f"polars {polars.__version__}, duckdb {duckdb.__version__}, "
        f"prefect {versions['prefect']}",
    ]


def table(gen: Generated, results: list[Measured], files: int = 1) -> list[str]:
    floor = results[0].wall
    where = "5 files" if files <= 1 else f"{files + 4:,} files ({files:,} of them in outcomes/)"
    title = f"### N = {gen.rows['outcomes']:,} outcome rows" + (
        f" in {files:,} files" if files > 1 else ""
    )
    lines = [
        title,
        "",
        f"{gen.total_rows:,} data rows in {where} ({gen.faulty:,} planted faulty), "
        f"input {gen.input_bytes / MIB:.1f} MiB.",
        "",
        "| subject | wall s (median) | CPU s (median) | reps | rows/s | peak MiB | time / floor "
        "| peak / input | verified |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        verdict = "ok" if not r.problems else "FAIL: " + "; ".join(r.problems)
        if r.subject.startswith("Great Expectations") and not r.problems:
            verdict = "exit 1 (checks failed, as planted)"
        lines.append(
            f"| {r.subject} | {r.wall:.2f} | {r.cpu:.2f} | {len(r.walls)} "
            f"| {gen.total_rows / r.wall:,.0f} "
            f"| {r.peak_bytes / MIB:.0f} | {r.wall / floor:.2f}x "
            f"| {r.peak_bytes / gen.input_bytes:.1f}x | {verdict} |"
        )
    return [*lines, ""]


def verdicts(per_n: list[tuple[Generated, list[Measured]]], bundled: Measured) -> list[str]:
    lines = ["### Targets", ""]
    gen, results = max(per_n, key=lambda item: item[0].rows["outcomes"])
    floor = results[0].wall
    server = next((r for r in results if r.subject.endswith("(running server)")), None)
    if server is not None:
        ratio = server.wall / floor
        lines.append(
            f"- `carryover run` on a running server at N = {gen.rows['outcomes']:,}: "
            f"{ratio:.2f}x the floor (target <= {TARGET_RUN_RATIO}x): "
            + ("**met**" if ratio <= TARGET_RUN_RATIO else "**missed**")
        )
    check = next((r for r in results if r.subject == "carryover check"), None)
    gx = next((r for r in results if r.subject.startswith("Great Expectations")), None)
    if check is not None and gx is not None:
        faster = check.wall < gx.wall and check.cpu < gx.cpu
        lines.append(
            f"- `carryover check` against the Great Expectations script at N = "
            f"{gen.rows['outcomes']:,}: wall {check.wall:.2f} s vs {gx.wall:.2f} s, CPU "
            f"{check.cpu:.2f} s vs {gx.cpu:.2f} s, peak {check.peak_bytes / MIB:.0f} vs "
            f"{gx.peak_bytes / MIB:.0f} MiB (target: faster in wall and CPU time): "
            + ("**met**" if faster else "**missed**")
        )
    ours = [r for r in results[1:] if not r.subject.startswith("Great Expectations")]
    peak, who = max((r.peak_bytes / gen.input_bytes, r.subject) for r in ours)
    lines.append(
        f"- peak memory <= {TARGET_PEAK_RATIO}x the input at N = {gen.rows['outcomes']:,}: worst "
        f"{peak:.1f}x ({who}; the floor itself: "
        f"{results[0].peak_bytes / gen.input_bytes:.1f}x): "
        + ("**met**" if peak <= TARGET_PEAK_RATIO else "**missed**")
    )
    lines.append(
        f"- `carryover check` on the bundled raw/ data: median {bundled.wall:.2f} s of "
        f"{len(bundled.walls)} (target < {TARGET_BUNDLED_CHECK_S} s): "
        + ("**met**" if bundled.wall < TARGET_BUNDLED_CHECK_S else "**missed**")
    )
    runs = [(g, r) for g, rs in per_n for r in rs if not r.subject.startswith("Great Expectations")]
    failed = [f"{r.subject} at N = {g.rows['outcomes']:,}" for g, r in runs if r.problems]
    if len(failed) == len(runs) - len(per_n):
        lines.append(
            "- row accounting (loaded + quarantined = rows generated): **failed** for "
            "every carryover subject at every N (see `verified`)"
        )
    elif failed:
        lines.append("- row accounting: **failed** for " + ", ".join(failed))
    else:
        lines.append("- row accounting (loaded + quarantined = rows generated): ok everywhere")
    return [*lines, ""]


def warm_up(env: dict[str, str], work: Path, name: str) -> None:
    """One untimed run on the bundled data (creates Prefect's database, fills caches)."""
    once = run_once(
        run_cmd(ROOT / "raw", work / f"{name}.duckdb", str(work / "reports")),
        env,
        work / f"warm-up-{name}.log",
    )
    print(f"warm-up ({name}): {once.wall:.1f} s, exit {once.returncode}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows",
        type=int,
        nargs="*",
        default=[100_000, 1_000_000, 2_000_000],
        help="outcome rows of each single-file size measured (none: skip them)",
    )
    parser.add_argument(
        "--files",
        type=int,
        default=5000,
        help="the many-files case: outcome rows split over this many files (0: skip it)",
    )
    parser.add_argument(
        "--files-rows", type=int, default=100_000, help="rows of the many-files case"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    parser.add_argument("--repeat", type=int, default=3, help="most repetitions per subject")
    parser.add_argument(
        "--budget", type=float, default=60.0, help="no more repetitions once a subject used this"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the generated data and logs")
    parser.add_argument(
        "--only",
        nargs="*",
        default=[],
        help="single-file subjects to measure, by the start of their name (the floor always)",
    )
    parser.add_argument(
        "--gx",
        type=Path,
        default=None,
        help="also run the Great Expectations script at the largest N, in this virtual "
        "environment (created with great-expectations==1.24.1 when absent), e.g. "
        "benchmarks/.venv-gx",
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="carryover-bench-"))
    print(f"working in {work}", flush=True)
    try:
        env = base_env(work / "prefect-temporary-home")
        with prefect_server(work / "prefect-server-home", work / "prefect-server.log") as url:
            print(f"prefect server ready at {url}", flush=True)
            warm_up(env, work, "temporary")
            warm_up({**env, "PREFECT_API_URL": url}, work, "server")
            bundled = measure(
                Subject(
                    "carryover check (bundled raw/)",
                    [CARRYOVER, "check", "--raw", str(ROOT / "raw")],
                    env,
                    counted=False,
                ),
                None,
                work,
                repeat=5,
                budget=float("inf"),
            )
            per_n = []
            for n in args.rows:
                raw = work / f"raw-{n}"
                gen = generate(raw, n, args.seed)
                print(
                    f"N = {n:,}: {gen.total_rows:,} rows, {gen.faulty} faulty, "
                    f"{gen.input_bytes / MIB:.1f} MiB",
                    flush=True,
                )
                chosen = subjects_for(raw, work, env, url, tuple(args.only))
                if args.gx is not None and n == max(args.rows):
                    chosen.append(gx_subject(raw, env, args.gx.resolve()))
                results = [measure(s, gen, work, args.repeat, args.budget) for s in chosen]
                per_n.append((gen, results))
                if not args.keep:
                    shutil.rmtree(raw)
            many: list[str] = []
            if args.files > 1:
                raw = work / f"raw-{args.files}-files"
                gen = generate(raw, args.files_rows, args.seed, files=args.files)
                print(
                    f"{args.files:,} files: {gen.total_rows:,} rows, {gen.faulty} faulty",
                    flush=True,
                )
                results = [
                    measure(s, gen, work, args.repeat, args.budget)
                    for s in many_files_subjects(raw, work, env, url)
                ]
                many = table(gen, results, files=args.files)
                if not args.keep:
                    shutil.rmtree(raw)
        text = [
            "## Results",
            "",
            *machine(),
            "",
            *[line for gen, results in per_n for line in table(gen, results)],
            *many,
            *(verdicts(per_n, bundled) if per_n else []),
        ]
        args.out.write_text("\n".join(text))
        print("\n".join(text))
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
