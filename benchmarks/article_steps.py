"""Each step of a run on many articles, in one process: CPU seconds per step.

The bundled raw/ tables and `--articles N` copies of the real corpus (as benchmarks/articles.py
writes them), then what `carryover run` does, step by step and in turn: read the articles (each
batch's result pickled and unpickled, as the run's worker processes send it), validate the claims
batches, combine (verdicts, number accounting), the analytics, the warehouse load and the two
reports. Run it under pyinstrument for the profile behind the figures:

    .venv/bin/python benchmarks/article_steps.py --articles 1000
    .venv/bin/pyinstrument -o /tmp/steps.txt benchmarks/article_steps.py --articles 1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import cloudpickle

from carryover import steps
from carryover.report.markdown import ReportInput
from carryover.report.model import load_report_data
from carryover.validate import reuse as incremental
from carryover.validate.validation import combine, read_article_batch
from carryover.warehouse.build import RunRecord
from carryover.warehouse.build import load as load_warehouse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from articles import write_articles


class Timed:
    """Steps in turn; article batches pickled there and back, as from a worker process."""

    def __init__(self, spent: dict[str, float]) -> None:
        self.spent = spent

    def one(self, step: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run one step."""
        return step(*args, **kwargs)

    def map(self, step: Callable[..., Any], batches: Sequence[Any], **same: Any) -> list[Any]:
        """Run a batch step on each batch, in order, adding its CPU time to its entry."""
        started = time.process_time()
        if step is not read_article_batch:
            done = steps.IN_TURN.map(step, batches, **same)
            self.spent["validate batches"] = self.spent.get("validate batches", 0.0) + (
                time.process_time() - started
            )
            return done
        out = []
        for batch in batches:
            read = pickle.loads(cloudpickle.dumps(step(sources=batch, **same)))
            out.append(steps.Done(read))
        self.spent["read articles (and pickle)"] = time.process_time() - started
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    spent: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        raw = work / "raw"
        write_articles(args.articles, raw)
        at = time.process_time()

        def step(name: str) -> None:
            nonlocal at
            now = time.process_time()
            spent[name] = spent.get(name, 0.0) + now - at
            at = now

        read = steps.read_plan(raw, steps.list_sources(raw, []), steps.IN_TURN)
        articles = steps.read_articles(raw)
        step("list and extract")
        results, typed = steps.validate_read(read, articles, Timed(spent), {})
        at = time.process_time()
        validation = combine(results, [], typed)
        step("combine")
        derived = steps.transform_all(validation)
        step("analytics")
        status = "errors" if validation.errors else "ok"
        run = RunRecord(str(uuid.uuid4()), dt.datetime.now(dt.UTC), None, status, str(raw))
        warehouse = work / "w.duckdb"
        load_warehouse(warehouse, run, validation, derived, stopped=[])
        incremental.store(warehouse, {}, validation.tables)
        step("load")
        content = ReportInput(
            run.run_id,
            dt.datetime.now(dt.UTC),
            str(raw),
            validation.files,
            validation.findings,
            validation.quarantine,
        )
        steps.write_report(work, content)
        step("Markdown report")
        steps.write_html_report(work, load_report_data(warehouse, run.run_id))
        step("HTML report")
        steps.article_summaries(validation)
        step("article summaries")
    total = sum(spent.values())
    print(f"{args.articles:,} articles, CPU s by step (total {total:.2f}):")
    for name, seconds in spent.items():
        print(f"  {name}: {seconds:.2f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
