"""Benchmark reading articles: time per MB by article size, and 10,000 real-size articles.

1. Time per MB: one article of 0.25, 0.5, 1 and 2 MB, read in this process against the bundled
   raw/ tables (`carryover.claims.articles.read_article`), of two kinds:
   - ordinary: the real corpus (tests/data/articles/real/*.md) concatenated, repeated to the size;
   - pathological: one line holding thousands of figures (a study's numbers, percentages,
     ranges, p values, group sizes), as long as the article.
   Each is timed twice and the faster kept; s/MB should stay flat as the size grows.
2. 10,000 articles: the bundled raw/ tables plus the corpus repeated to 10,000 files in
   articles/, each in its own process like benchmarks/run.py: the floor (every file read and
   decoded, the tables read and stored as benchmarks/floor.py does), `carryover check` (steps in
   turn) and `carryover run` against a running Prefect server (batches of articles read in
   parallel in the run's worker processes, the thread pool's tasks waiting on them), with wall
   and CPU time (the workers' included), articles per second and peak memory.

    .venv/bin/python benchmarks/articles.py --articles 10000 --out /tmp/articles.md
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import CARRYOVER, MIB, ROOT, base_env, prefect_server, run_cmd, run_once

CORPUS = ROOT / "tests" / "data" / "articles" / "real"
SIZES_MB = (0.25, 0.5, 1.0, 2.0)
FLOOR = """
import sys
from pathlib import Path
sys.path.insert(0, {bench!r})
from floor import store
raw = Path(sys.argv[1])
n = 0
for path in sorted((raw / "articles").iterdir()):
    n += len(path.read_bytes().decode("utf-8", errors="replace").splitlines())
rows = store(raw, Path(sys.argv[2]))
print(f"floor: {{n}} article lines, {{rows}} rows stored")
"""


def corpus_text() -> str:
    """The real articles, concatenated in name order."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md")))


def figures_line() -> str:
    """One sentence dense with figures, as a pathological article repeats it on one line."""
    return (
        "Contreras et al. (2017) found the hip thrust group (n = 13) gained 9.8 % in 3RM back "
        "squat against 4.5 % (n = 11), +8-11 %, 14 ± 2 kg, p = 0.04, d = 0.32, over 6 weeks "
        "at 2 sessions per week; "
    )


def article_of(kind: str, megabytes: float) -> list[str]:
    """An article's lines: `kind` ordinary or pathological, about `megabytes` MB of UTF-8."""
    size = int(megabytes * MIB)
    if kind == "ordinary":
        text = corpus_text()
        repeated = (text + "\n") * (size // len(text.encode()) + 1)
        return repeated.encode()[:size].decode("utf-8", errors="ignore").splitlines()
    unit = figures_line()
    return [(unit * (size // len(unit.encode()) + 1))[:size]]


def time_per_mb(limit: float) -> list[str]:
    """Read each kind and size of article in this process; a table of s and s/MB."""
    from carryover import steps
    from carryover.claims.articles import Article, Context, read_article

    clean = steps.check(ROOT / "raw").validation.clean
    context = Context.from_tables(
        clean["studies"], clean["groups"], clean["exercises"], clean["outcomes"], clean["contrasts"]
    )
    lines = [
        "| article | MB | lines | claims rows | s (best of 2) | s / MB | CPU s | CPU s / MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in ("ordinary", "pathological"):
        for mb in SIZES_MB:
            text = article_of(kind, mb)
            article = Article(f"articles/{kind}.md", kind, text)
            walls, cpus = [], []
            rows = 0
            for _ in range(2):
                start, cpu = time.perf_counter(), time.process_time()
                rows = read_article(article, context).rows.height
                walls.append(time.perf_counter() - start)
                cpus.append(time.process_time() - cpu)
                if walls[-1] > limit:
                    break
            best, cpu = min(walls), min(cpus)  # CPU time is less at the mercy of other load
            actual = sum(len(line.encode()) + 1 for line in text) / MIB
            lines.append(
                f"| {kind} | {actual:.2f} | {len(text):,} | {rows:,} | {best:.2f} "
                f"| {best / actual:.2f} | {cpu:.2f} | {cpu / actual:.2f} |"
            )
            print(lines[-1], flush=True)
            if best > limit:
                lines.append(f"| {kind}: larger sizes not measured ({best:.0f} s > {limit} s) |")
                break
    return lines


def write_articles(count: int, raw: Path) -> Path:
    """The bundled tables in `raw`, with `count` articles (the corpus repeated, one file each)."""
    shutil.copytree(ROOT / "raw", raw)
    folder = raw / "articles"
    shutil.rmtree(folder)
    folder.mkdir()
    corpus = sorted(CORPUS.glob("*.md"))
    for i in range(count):
        source = corpus[i % len(corpus)]
        (folder / f"{i:05d}-{source.name}").write_bytes(source.read_bytes())
    return folder


def many_articles(count: int, work: Path, repeat: int) -> list[str]:
    """The bundled tables and `count` real-size articles: floor, check and run, in processes."""
    raw = work / "raw"
    folder = write_articles(count, raw)
    corpus = len(list(CORPUS.glob("*.md")))
    megabytes = sum(p.stat().st_size for p in folder.iterdir()) / MIB
    env = base_env(work / "prefect-home")
    floor_py = work / "floor_articles.py"
    floor_py.write_text(FLOOR.format(bench=str(ROOT / "benchmarks")), encoding="utf-8")
    rows = [
        f"{count:,} articles ({corpus} real articles repeated), {megabytes:.1f} MiB of "
        "article text, with the bundled raw/ tables.",
        "",
        "| subject | wall s (median) | CPU s (median) | reps | articles/s | peak MiB "
        "| time / floor | exit |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    with prefect_server(work / "server-home", work / "server.log") as url:
        server_env = {**env, "PREFECT_API_URL": url}
        warm = run_cmd(ROOT / "raw", work / "warm.duckdb", str(work / "reports"))
        run_once(warm, server_env, work / "warm.log")
        subjects = [
            ("floor", [sys.executable, str(floor_py), str(raw), str(work / "f.db")], env),
            ("carryover check", [CARRYOVER, "check", "--raw", str(raw)], env),
            (
                "carryover run (running server, thread pool, articles in worker processes)",
                run_cmd(raw, work / "w.duckdb", str(work / "reports")),
                server_env,
            ),
        ]
        floor_wall = None
        for name, cmd, subject_env in subjects:
            walls, cpus, peak, codes = [], [], 0, set()
            for rep in range(repeat):
                (work / "w.duckdb").unlink(missing_ok=True)
                once = run_once(cmd, subject_env, work / f"{name[:12]}-{rep}.log".replace(" ", "-"))
                walls.append(once.wall)
                cpus.append(once.cpu)
                peak = max(peak, once.peak_bytes)
                codes.add(once.returncode)
                print(f"  {name}: {once.wall:.2f} s, exit {once.returncode}", flush=True)
            wall = statistics.median(walls)
            floor_wall = floor_wall or wall
            rows.append(
                f"| {name} | {wall:.2f} | {statistics.median(cpus):.2f} | {len(walls)} "
                f"| {count / wall:,.0f} | {peak / MIB:.0f} | {wall / floor_wall:.2f}x "
                f"| {', '.join(map(str, sorted(codes)))} |"
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--limit", type=float, default=120.0, help="stop a kind past this many s")
    parser.add_argument("--skip-sizes", action="store_true")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    text = ["### Articles: time per MB", ""]
    if not args.skip_sizes:
        text += time_per_mb(args.limit)
    work = Path(tempfile.mkdtemp(prefix="carryover-articles-"))
    try:
        text += ["", f"### {args.articles:,} articles", ""]
        if args.articles:
            text += many_articles(args.articles, work, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    output = "\n".join(text) + "\n"
    print(output)
    if args.out is not None:
        args.out.write_text(output, encoding="utf-8")


if __name__ == "__main__":
    main()
